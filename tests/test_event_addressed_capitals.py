"""A capital that a grievance is told to is its government: 'protested to Beijing', 'complained to Seoul'
(roles.Sentence.target); a march to a capital goes there and addresses no one."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The Philippines protested to Beijing over the harassment of its fishermen.", "PHL", "CHNGOV"),
    ("Japan complained to Seoul about the new school textbooks.", "JPN", "KORGOV"),
    ("On Monday Ukraine formally protested to Moscow over the detention of its sailors.", "UKR", "RUSGOV"),
])
def test_a_grievance_told_to_a_capital(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert any(e["source"] == source and e["target"] == target and e["cameo"] == "114" for e in evs), show(evs)


def test_a_march_to_a_capital_is_no_complaint() -> None:
    evs = events("Thousands of students marched to Bangkok to protest against the new constitution.")
    assert all(e["cameo"] != "114" and e["target"] != "THAGOV" for e in evs), show(evs)


@pytest.mark.parametrize(("text", "target"), [
    ("Lebanon filed a complaint with the UN Security Council over Israeli violations of its airspace.", "ISR"),
    ("Guyana lodged a complaint with the Organization of American States over Venezuelan incursions.", "VEN"),
    ("Vietnam lodged a protest with China over the seizure of its fishing boats.", "CHN"),
])
def test_a_complaint_filed_with_a_third_party(text: str, target: str) -> None:
    """'with' the body a complaint is filed with, the grievance falls on whom it is about, if an actor is named."""
    evs = events(text)
    assert any(e["target_country"] == target and e["plover"] == "DISAPPROVE" for e in evs), show(evs)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Ankara called on Washington to extradite the cleric it blames for the failed coup.", "TURGOV", "USAGOV"),
])
def test_a_capital_after_the_triggers_preposition_is_its_government(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert any(e["source"] == source and e["target"] == target for e in evs), show(evs)
