"""Two ways news writes an act on many things: PETRARCH-2's patterns that no comment assigns belong to the verb
their block is named after ('--- BURN ---' '- * &TOWN [1712]': burning a village destroys property), and a count
before 'of' stands inside a verb's object as a part does ('burned dozens of villages', 'withdrew most of its
troops'); a count that is the phrase's own word is read as that word ('dispersed a crowd of protesters')."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize(("text", "source"), [
    ("Rebels burned two villages near Goma on Friday.", "CODREB"),
    ("Sudanese troops burned dozens of villages in Darfur.", "SDNMIL"),
    ("Militias burned scores of homes in Jos.", "NGAUAF"),
    ("Settlers burned a mosque in the West Bank overnight.", "PSECVL"),
])
def test_burning_villages_homes_and_mosques_destroys_property(text: str, source: str) -> None:
    evs = events(text)
    assert any(e["cameo"] == "1712" and e["source"] == source for e in evs), show(evs)


@pytest.mark.parametrize(("text", "cameo"), [
    ("Israel released hundreds of Palestinian prisoners on Sunday.", "0841"),
    ("Kenya deported dozens of Chinese nationals last week.", "174"),
    ("Riot police dispersed a crowd of protesters in Nairobi with tear gas.", "175"),
])
def test_a_count_inside_the_object_keeps_the_verbs_phrase(text: str, cameo: str) -> None:
    evs = events(text)
    assert any(e["cameo"] == cameo for e in evs), show(evs)


def test_burning_a_flag_stays_a_protest() -> None:
    evs = events("Protesters burned a flag outside the embassy in Tehran.")
    assert [e["cameo"] for e in evs] == ["141"], show(evs)
