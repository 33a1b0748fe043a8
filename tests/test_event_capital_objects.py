"""A capital standing as the object of a verb before a 'to' infinitive is its government, and the
infinitive is that government's act, not the subject's (object control, as 'wants Denmark to attack Norway'):
'Moscow wants Kyiv to recognise ...' is no recognition by Russia. Sentences vary the governing verb, the
capitals and the act; counter-sentences keep subject control ('Russia wants to recognise ...') and a capital
after 'to' ('sent troops to Kabul to protect ...')."""

from __future__ import annotations

import pytest
from coded_samples import events, show


@pytest.mark.parametrize(("text", "wanter"), [
    ("Moscow wants Kyiv to recognise the annexation of Crimea.", "RUS"),
    ("Beijing would like Manila to withdraw its ships from the shoal.", "CHN"),
    ("Paris expects Rome to accept more asylum seekers.", "FRA"),
    ("Ankara wants Stockholm to extradite the Kurdish activists.", "TUR"),
])
def test_the_act_of_a_capital_object_is_not_the_subject_s(text: str, wanter: str) -> None:
    evs = events(text)
    assert not [e for e in evs if e["source_country"] == wanter and e["root"] not in ("02", "10")], show(evs)


def test_an_appeal_to_a_capital_keeps_its_target() -> None:
    evs = events("Washington urged Tehran to release the detained sailors.")
    assert [e for e in evs if e["source"] == "USAGOV" and e["target"] == "IRNGOV" and e["root"] == "02"], show(evs)


@pytest.mark.parametrize(("text", "source", "root"), [
    ("Russia wants to recognise the two breakaway regions.", "RUS", "05"),  # subject control: Russia's act
    ("Britain sent troops to Kabul to protect the embassy.", "GBR", "15"),  # a capital after 'to'
])
def test_subject_control_and_places_after_to_stay(text: str, source: str, root: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source"] == source and e["root"] == root], show(evs)
