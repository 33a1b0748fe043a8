"""A word of a verb phrase trigger cannot be the second half of a hyphenated compound the phrase does not hold:
'held live-fire exercises' holds no fire (no ceasefire, CAMEO 0871); the compound is a modifier of the
object. Sentences vary the verb and the compound; counter-sentences keep phrases whose object follows a
hyphenated modifier ('a large-scale offensive', 'a free-trade agreement') and compounds that are the trigger."""

from __future__ import annotations

import pytest
from coded_samples import events, show


@pytest.mark.parametrize("text", [
    "China held live-fire exercises near Taiwan.",
    "The Taiwanese navy held live-fire drills off the island of Penghu.",
    "South Korean marines held live-fire training on Yeonpyeong island.",
])
def test_the_second_half_of_a_compound_ends_no_phrase(text: str) -> None:
    evs = events(text)
    assert not [e for e in evs if e["cameo"].startswith("087")], show(evs)


@pytest.mark.parametrize(("text", "source", "root"), [
    ("Israel launched a large-scale offensive in Gaza.", "ISR", "19"),
    ("Kenya signed a free-trade agreement with the European Union.", "KEN", "05"),
    ("Protesters staged a sit-in outside the parliament in Tbilisi.", "GEOOPP", "14"),
    ("Ukrainian forces launched a counter-attack near Bakhmut.", "UKRMIL", "19"),
])
def test_hyphenated_modifiers_and_compound_triggers_stay(text: str, source: str, root: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source"] == source and e["root"] == root], show(evs)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The Syrian army mounted a counter-attack against the rebels.", "SYRMIL", "SYRREB"),
    ("Ukrainian troops carried out a counter-attack against Russian forces.", "UKRMIL", "RUSMIL"),
    ("Kyiv staged a counter-attack on Russian positions.", "UKRGOV", "RUS"),
])
def test_a_compound_that_heads_the_object_is_the_trigger(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [e for e in evs if (e["source"], e["target"], e["root"]) == (source, target, "19")], show(evs)
