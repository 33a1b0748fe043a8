"""A pronoun subject right after a report verb stands for the speaker: when the speaker is named (or an
agent noun) but no table codes it, the reported act keeps an empty source with its target, as PLOVER
records such events and as for 'Judge X opened investigations against Y'. Sentences vary the speaker,
the report verb, the words between and the act."""

from __future__ import annotations

import pytest
from coded_samples import events, show


@pytest.mark.parametrize(("text", "target", "root"), [
    ("The Umma party has said it will boycott Algeria's elections unless the president resigns.", "DZA", "13"),
    ("A spokesman for Green Horizon said on Tuesday that it would sue the Kenyan government.", "KENGOV", "11"),
    ("Lawyers said they would appeal to the Supreme Court of Pakistan.", "PAKJUD", "02"),
])
def test_a_reported_act_of_an_uncoded_speaker_keeps_its_target(text: str, target: str, root: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source"] is None and e["target"] == target and e["root"] == root], show(evs)


@pytest.mark.parametrize("text", [
    "Forecasters said it would hit Queensland on Friday.",  # no actor speaks: a thing does not act
    "It said it would attack Chad.",  # a pronoun speaker names no one
])
def test_no_named_speaker_no_event(text: str) -> None:
    evs = events(text)
    assert not [e for e in evs if e["source"] is None], show(evs)
