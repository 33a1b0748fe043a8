"""A passive arrest or detention without an agent 'at' a place, as 'in' one, is the act of that country's
authorities ('was arrested at Harare airport' -> ZWEGOV); a place the victim comes 'from' elsewhere in the
sentence does not change it."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize(("text", "source"), [
    ("The Zimbabwean opposition leader was arrested at Harare airport on his return from South Africa.", "ZWEGOV"),
    ("A French journalist was detained at Tehran airport on Friday.", "IRNGOV"),
    ("Two Ugandan activists were arrested at Nairobi's main airport, their lawyer said.", "KENGOV"),
])
def test_authorities_of_the_place_at_which(text: str, source: str) -> None:
    evs = events(text)
    assert any(e["source"] == source and e["plover"] == "COERCE" for e in evs), show(evs)


def test_no_authorities_without_a_place() -> None:
    evs = events("The opposition leader was arrested at the airport on Monday.")
    assert all(e["source"] is None for e in evs), show(evs)
