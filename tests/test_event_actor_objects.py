"""Verbs that are events only when their object is an actor: a body suspends a member state, a state executes
or hangs people; 'suspended the search' and 'executed a search warrant' are no events."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize("text,expected", [
    ("The African Union suspended Niger after the coup.", [("IGOAFRAFU", "160", "NER")]),
    ("ECOWAS suspended Mali and Guinea from the bloc.", [("IGOWAFWAS", "160", "MLI"), ("IGOWAFWAS", "160", "GIN")]),
    ("The Commonwealth suspended Fiji in 2009.", [("IGOCWN", "160", "FJI")]),
    ("Saudi Arabia executed a Jordanian national for drug smuggling.", [("SAU", "1823", "JOR")]),
    ("Iran executed two men convicted of spying for Israel.", [("IRN", "1823", "IRNCVL")]),
])
def test_an_actor_as_object_makes_the_event(text: str, expected: list[tuple[str, str, str]]) -> None:
    evs = events(text)
    assert sorted((e["source"], e["cameo"], e["target"]) for e in evs) == sorted(expected), show(evs)


@pytest.mark.parametrize("text", [
    "Kenya suspended its operations in Somalia.",
    "Police suspended the search for survivors on Tuesday.",
    "Nigerian police executed a search warrant in Lagos.",
    "The Egyptian government hanged banners across Cairo.",
])
def test_another_object_is_the_verbs_other_sense(text: str) -> None:
    evs = events(text)
    assert not any(e["trigger"].lower().startswith(("suspend", "execut", "hang")) for e in evs), show(evs)
