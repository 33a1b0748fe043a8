"""A show of force or a launch 'toward' a country is aimed at it: CAMEO roots 15 (military posture) and 19
(fighting) take 'toward'/'towards' as their target's preposition beside 'against' (function_words root_prep,
several per root)."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize(("text", "source", "target"), [
    ("North Korea test-fired a ballistic missile toward Japan.", "PRK", "JPN"),
    ("China sent warships toward Taiwan after the visit.", "CHN", "TWN"),
    ("Pakistan deployed fighter jets towards India after the attack.", "PAK", "IND"),
    ("Iran launched drones towards Israel late on Saturday.", "IRN", "ISR"),
])
def test_force_toward_a_country_targets_it(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert any(e["source"] == source and e["target"] == target for e in evs), show(evs)


def test_toward_is_no_target_of_other_roots() -> None:
    evs = events("Germany and France worked toward a deal with Italy on migration.")
    assert all(e["cameo"][:2] not in ("15", "19") for e in evs), show(evs)
