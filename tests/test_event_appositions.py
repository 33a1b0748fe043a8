"""Appositions are no actors of the verb and no events: a phrase set off by commas between the subject and
its verb ('Kenya, a key U.S. ally, deployed ...': Kenya deploys, not the United States), and a noun of
relation standing as a title before a name ('NATO ally Turkey', "Iran's ally Syria", 'Russian ally
Belarus'): the base form of a verb between an actor and a name is a noun there, since a verb after one actor
would take '-s'. Sentences vary the countries, the appositive and the verb."""

from __future__ import annotations

import pytest
from coded_samples import events, show


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Kenya, a key U.S. ally, deployed police officers to Haiti.", "KEN", "HTI"),
    ("Qatar, a close ally of the United States, hosted talks between Washington and the Taliban.", "QAT", "USA"),
    ("Poland, the largest recipient of EU funds, criticised the German proposal.", "POL", "DEU"),
    ("Chile, a founding member of the group, has rejected the Bolivian claim.", "CHL", "BOL"),
])
def test_the_subject_before_a_comma_appositive_acts(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source_country"] == source and e["target_country"] == target], show(evs)


@pytest.mark.parametrize(("text", "source", "root"), [
    ("Iran's ally Syria rejected the Arab League plan.", "SYR", "12"),
    ("Russian ally Belarus hosted talks with Ukraine.", "BLR", "04"),
    ("Longtime Chinese ally Pakistan criticised the Indian decision.", "PAK", "11"),
])
def test_a_relation_noun_before_a_name_is_a_title(text: str, source: str, root: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source"] == source and e["root"] == root], show(evs)
    assert not [e for e in evs if e["trigger"] == "ally"], show(evs)


def test_a_title_alone_makes_no_event() -> None:
    assert not events("NATO ally Turkey blocked the membership bid."), show(events("NATO ally Turkey blocked the bid."))


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Britain and France back Ukraine.", "FRA", "UKR"),  # a pair takes the base form as its verb
    ("Russia sent Syria new fighter jets.", "RUS", "SYR"),  # no base form
    ("Germany backs Ukraine.", "DEU", "UKR"),
    ("Deputies arrest Pointe Coupee teen on weapon count.", "USACOP", "USA"),  # a headline's group subject
])
def test_verbs_between_two_names_stay_verbs(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source"] == source and e["target"] == target], show(evs)


def test_a_fronted_adverbial_is_no_appositive() -> None:
    evs = events("On Monday, the French army attacked militant camps in Mali.")
    assert [e for e in evs if e["source"] == "FRAMIL"], show(evs)
