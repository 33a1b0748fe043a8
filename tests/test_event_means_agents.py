"""The country or force named in the means of a passive's violence is its agent: 'were killed in an Israeli air
strike' (ISR), 'in an Israeli drone strike' (the actor 'Israeli drone' opens the trigger 'drone strike'), 'in a
Russian missile strike on Kyiv'; a country word after 'in a' is no location. A person named by a group and a head
of office ('a senior Hamas official') is the group's as the target of a passive."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Two Hezbollah commanders were killed in an Israeli air strike in south Lebanon.", "ISR", "LBNREB"),
    ("A senior Hamas official was killed in an Israeli drone strike on a building in southern Beirut.", "ISRMIL",
     "PSEREB"),
    ("Five Yemeni civilians were killed in a Saudi air raid on Saada.", "SAU", "YEMCVL"),
    ("Five civilians were killed in a Russian missile strike on Kyiv on Tuesday.", "RUS", "UKRCVL"),
])
def test_the_agent_named_in_the_means(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert any(e["source"] == source and e["target"] == target for e in evs), show(evs)


@pytest.mark.parametrize("text", [
    "The wounded were treated in an Israeli hospital.",
    "Two people were killed in a road accident in Kenya on Sunday.",
])
def test_no_agent_without_violent_means(text: str) -> None:
    evs = events(text)
    assert all(e["source"] is None for e in evs), show(evs)
