"""A material act set 'near', 'outside' or 'around' a place falls on its country, as one 'in' it does ('struck targets
near Damascus'); a meeting only takes place there."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Israeli jets struck targets near Damascus.", "ISRMIL", "SYR"),
    ("Russian artillery shelled positions outside Kharkiv on Monday.", "RUSMIL", "UKR"),
    ("Turkish drones hit Kurdish fighters around Kobani overnight.", "TURMIL", "SYR"),
])
def test_force_near_a_place(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert any(e["source"] == source and e["target_country"] == target for e in evs), show(evs)


def test_a_meeting_near_a_place_has_no_target() -> None:
    evs = events("The Kenyan president met opposition leaders at a lodge near Nanyuki.")
    assert all(e["target_country"] in (None, "KEN") for e in evs), show(evs)


@pytest.mark.parametrize(("text", "target"), [
    ("Kenyan police fired tear gas at hundreds of opposition supporters in Nairobi.", "KENOPP"),
    ("Soldiers opened fire on thousands of protesters in Mandalay, witnesses said.", "MMROPP"),
    ("Riot police fired rubber bullets at dozens of students in Dhaka on Monday.", "BGDEDU"),
])
def test_a_counted_group_after_the_preposition(text: str, target: str) -> None:
    """'at hundreds of X': the quantity's people are the target."""
    evs = events(text)
    assert any(e["target"] == target for e in evs), show(evs)
