"""A statement of concern or disapproval about what happens in a country falls on that country: 'condemned the
coup in Niger', 'voiced concern over the situation in Sudan' (objects.situation_country)."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The United States condemned the coup in Niger.", "USA", "NER"),
    ("The Organization of American States condemned the military coup in Bolivia on Sunday.", "IGOOAS", "BOL"),
    ("Germany sharply criticised the crackdown on protesters in Belarus.", "DEU", "BLR"),
    ("South Africa voiced concern over the treatment of migrants in Libya.", "ZAF", "LBY"),
    ("Japan expressed concern about the escalating violence in eastern Congo.", "JPN", "COD"),
    ("The African Union on Tuesday criticised the postponement of elections in Senegal.", "IGOAFRAFU", "SEN"),
])
def test_disapproval_of_what_happens_in_a_country(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert any(e["source"] == source and e["target"] == target and e["plover"] == "DISAPPROVE" for e in evs), show(evs)


@pytest.mark.parametrize("text", [
    "France condemned the attack in a statement issued in Paris.",  # where the speaker speaks
    "Britain expressed concern in Geneva about the elections.",  # no act before the place
    "Kenyan bishops condemned the killings in Nairobi.",  # the speaker's own country stays untargeted
])
def test_no_situation_target(text: str) -> None:
    evs = events(text)
    assert all(e["target"] is None for e in evs), show(evs)
