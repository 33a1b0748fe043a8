"""An intent of a compound subject to act together is one intent of the pair: 'Norway and Sweden pledged to
cooperate' (events._fold: the complement is a joint act, so the members become source and target)."""

from __future__ import annotations

import pytest

from tests.coded_samples import dyads, events, show


@pytest.mark.parametrize(("text", "pair"), [
    ("Norway and Sweden pledged to cooperate on Arctic research.", {"NOR", "SWE"}),
    ("Ethiopia and Eritrea vowed on Sunday to cooperate closely on border security.", {"ETH", "ERI"}),
    ("Kenya and Uganda promised to work together against cattle rustling.", {"KEN", "UGA"}),
])
def test_joint_intent_of_a_pair(text: str, pair: set[str]) -> None:
    evs = events(text)
    assert any({e["source"], e["target"]} == pair and e["plover"] == "AGREE" for e in evs), show(evs)


def test_joint_intent_of_a_list_joins_every_pair() -> None:
    got = {frozenset(d) for d in dyads("Brazil, Argentina and Paraguay promised to work together against smuggling.")}
    assert {frozenset(p) for p in ({"BRA", "ARG"}, {"BRA", "PRY"}, {"ARG", "PRY"})} <= got, got


def test_intent_towards_a_third_party_stays_each_members() -> None:
    """'France and Germany pledged to help Ukraine': each helps Ukraine; they do not act on each other."""
    got = dyads("France and Germany pledged to help Ukraine.")
    assert ("FRA", "UKR") in got and ("DEU", "UKR") in got and ("FRA", "DEU") not in got, got
    evs = events("Greece and Cyprus vowed to cooperate with Egypt on energy.")
    assert {e["target"] for e in evs} == {"EGY"}, show(evs)


def test_a_listed_subject_found_without_its_pair() -> None:
    """'Leaders of Kenya, Uganda and Tanzania ... agreed': the joint act of a list joins every pair, also when the
    subject's roles gave no target."""
    got = {frozenset(d) for d in dyads(
        "Leaders of Kenya, Uganda and Tanzania, meeting in Arusha on Friday, agreed to build a joint railway line.")}
    assert {frozenset(p) for p in ({"KENGOV", "UGA"}, {"KENGOV", "TZA"}, {"UGA", "TZA"})} <= got, got
