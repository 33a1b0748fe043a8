"""Every pair of a comma-listed subject that agrees jointly: 'Brazil, Chile and Peru agreed to cooperate' is an
intent of all three together, as 'signed an accord' is a joint act, even after the complement recodes the
agreement (03x). Sentences vary the countries, the number of members, the complement and word order."""

from __future__ import annotations

from itertools import combinations

import pytest
from coded_samples import events


@pytest.mark.parametrize(("text", "members"), [
    ("Brazil, Chile and Peru agreed to cooperate on fishing.", ["BRA", "CHL", "PER"]),
    ("Kenya, Uganda and Tanzania agreed to form a joint border force.", ["KEN", "UGA", "TZA"]),
    ("Egypt, Jordan and Iraq agreed on Monday to build a pipeline.", ["EGY", "JOR", "IRQ"]),
    ("On Friday, Ghana, Togo, Benin and Niger agreed to share intelligence.", ["GHA", "TGO", "BEN", "NER"]),
])
def test_a_listed_agreement_joins_every_pair(text: str, members: list[str]) -> None:
    evs = events(text)
    pairs = {frozenset((e["source_country"], e["target_country"])) for e in evs if e["plover"] == "AGREE"}
    assert pairs == {frozenset(p) for p in combinations(members, 2)}, evs


def test_a_listed_subject_acting_on_another_keeps_one_event_each() -> None:
    evs = events("France, Germany and Italy condemned Russia.")
    assert {(e["source"], e["target"]) for e in evs} == {("FRA", "RUS"), ("DEU", "RUS"), ("ITA", "RUS")}
