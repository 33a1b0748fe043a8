"""An '-ing' form before 'between' names an act ('fighting between the army and the RSF') unless a form of 'be'
makes it a verb in the progressive ('Egypt is mediating between Israel and Hamas'): then its subject acts."""

from __future__ import annotations

import pytest

from tests.coded_samples import dyads, events, show


@pytest.mark.parametrize("text,pairs", [
    ("Egypt and Qatar are mediating between Israel and Hamas.",
     {("EGY", "ISR"), ("EGY", "PSEREB"), ("QAT", "ISR"), ("QAT", "PSEREB")}),
    ("Turkey is still mediating between Russia and Ukraine.", {("TUR", "RUS"), ("TUR", "UKR")}),
    ("Kenya was mediating between Ethiopia and Eritrea when the war resumed.", {("KEN", "ETH"), ("KEN", "ERI")}),
])
def test_a_progressive_verb_before_between_acts_on_both(text: str, pairs: set[tuple[str, str]]) -> None:
    evs = events(text)
    assert {(e["source"], e["target"]) for e in evs if e["cameo"] == "045"} == pairs, show(evs)


@pytest.mark.parametrize("text,pair", [
    ("Fighting between Sudanese troops and RSF fighters killed 12 civilians.", ("SDNMIL", "SDNREB")),
    ("The fighting between Armenia and Azerbaijan is escalating.", ("ARM", "AZE")),
    ("Shelling between Indian and Pakistani forces resumed on Monday.", ("INDMIL", "PAKMIL")),
])
def test_an_ing_noun_before_between_still_names_the_act_of_the_pair(text: str, pair: tuple[str, str]) -> None:
    assert pair in dyads(text), show(events(text))
