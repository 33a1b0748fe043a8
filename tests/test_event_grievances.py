"""A grievance about a state's act whose agent goes unnamed ('in protest of last week's arrest of
activists') falls on the government of the aggrieved people; a named agent, another country in the
sentence, or a state as the aggrieved keep the old reading. Sentences vary the countries, sectors, verbs
and word order."""

from __future__ import annotations

import pytest
from coded_samples import events, show


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Seven opposition parties in Nepal organized a general strike in protest of last week's arrest of activists.",
     "NPLOPP", "NPLGOV"),
    ("Students in Dhaka marched against the arrest of their leaders.", "BGDEDU", "BGDGOV"),
    ("Thousands of Kenyan workers protested on Sunday over the detention of union activists.", "KENLAB", "KENGOV"),
    ("On Friday, opposition supporters in Tbilisi rallied against the expulsion of two journalists.",
     "GEOOPP", "GEOGOV"),
])
def test_a_grievance_about_an_unnamed_state_act_falls_on_the_government(text: str, source: str,
                                                                        target: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source"] == source and e["target"] == target], show(evs)


@pytest.mark.parametrize(("text", "target"), [
    ("Students in Nairobi protested against the arrest of activists by Ugandan police.", "UGACOP"),  # named agent
    ("Iran condemned the arrest of its diplomats.", None),  # a state aggrieved: no government of its own
])
def test_a_named_agent_or_a_state_keeps_its_reading(text: str, target: str | None) -> None:
    evs = events(text)
    assert evs and all(e["target"] == target for e in evs), show(evs)


def test_another_country_in_the_sentence_is_no_domestic_grievance() -> None:
    evs = events("Kenyan students protested outside the Ugandan embassy against the arrest of activists.")
    assert not [e for e in evs if e["target"] == "KENGOV"], show(evs)
