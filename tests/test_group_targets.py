"""Unnamed groups an act falls on ('fired tear gas at protesters', 'clashed with police', 'arrested
students') are the event's target, of the country where the sentence is set."""

from __future__ import annotations

import pytest
from coded_samples import dyads, record


@pytest.mark.parametrize(("text", "dyad"), [
    ("Protesters in Caracas threw stones at riot police.", ("VENOPP", "VENCOP")),
    ("Police in Nairobi fired tear gas at demonstrators.", ("KENCOP", "KENOPP")),
    ("On Sunday gunmen attacked farmers near Jos.", ("NGAUAF", "NGAAGR")),
    ("Riot police in Dhaka charged against striking workers.", ("BGDCOP", "BGDLAB")),
])
def test_a_group_an_act_falls_on_is_its_target(text: str, dyad: tuple[str, str]) -> None:
    assert dyad in dyads(text)


@pytest.mark.parametrize("text", [
    "Students marched through Dhaka on Monday.",  # no act falls on anyone
    "Officials in Lima met at noon.",
    "Farmers in Kenya said prices fell.",
])
def test_groups_that_no_act_falls_on_are_no_targets(text: str) -> None:
    assert all(target is None for _, target in dyads(text))


@pytest.mark.parametrize(("text", "pair"), [
    ("Heavy fighting between government forces and rebels killed 30 people in eastern Congo.", {"CODMIL", "CODREB"}),
    ("Clashes between police and protesters in Tunis left ten injured.", {"TUNCOP", "TUNOPP"}),
    ("Clashes erupted between students and riot police in Bamako on Friday.", {"MLIEDU", "MLICOP"}),
])
def test_both_groups_between_which_an_act_happens_take_part(text: str, pair: set[str]) -> None:
    assert any({source, target} == pair for source, target in dyads(text))


@pytest.mark.parametrize(("text", "dyad"), [
    ("Cocoa farmers in western Ghana demanded higher prices from the government.", ("GHAAGR", "GHAGOV")),
    ("Teachers in Nairobi appealed to the government for higher pay.", ("KENEDU", "KENGOV")),
    ("On Sunday protesters in Minsk rallied against the regime.", ("BLROPP", "BLRGOV")),
])
def test_the_government_an_act_is_addressed_to_is_the_local_states(text: str, dyad: tuple[str, str]) -> None:
    assert dyad in dyads(text)


@pytest.mark.parametrize(("text", "dyad"), [
    ("Opposition leaders in Harare criticised the government's decision to delay the vote.", ("ZWEOPP", "ZWEGOV")),
    ("Students in Dhaka rejected the regime's offer of talks.", ("BGDEDU", "BGDGOV")),
    ("On Friday farmers in Accra denounced the government's new cocoa tax.", ("GHAAGR", "GHAGOV")),
])
def test_the_government_whose_decision_an_act_is_about_is_its_target(text: str, dyad: tuple[str, str]) -> None:
    assert dyad in dyads(text)


@pytest.mark.parametrize("text", [
    "The mayor urged that people stay indoors.",
    "Doctors warned that children were at risk.",
    "He went on to suggest that people who have contacted the clinic were fine.",
])
def test_a_groups_span_takes_no_function_word_before_it(text: str) -> None:
    actors = [a["text"] for a in record(text)["actors"]]
    assert not [a for a in actors if a.startswith("that ")], actors
