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


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Ukraine's main backer, the United States, sent more weapons to Kyiv.", "USA", "UKR"),
    ("Rwanda's neighbour, the Democratic Republic of Congo, accused Kigali of backing rebels.", "COD", "RWAGOV"),
    ("Armenia's old rival, Azerbaijan, accused Yerevan of shelling its positions.", "AZE", "ARMGOV"),
])
def test_a_name_after_a_description_is_the_subject(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert (source, target) in {(e["source"], e["target"]) for e in evs}, show(evs)


@pytest.mark.parametrize(("text", "pairs"), [
    ("Germany, France urge Russia to withdraw troops", {("DEU", "RUS"), ("FRA", "RUS")}),
    ("Egypt, Qatar urge Israel to halt strikes on Gaza", {("EGY", "ISR"), ("QAT", "ISR")}),
    ("US, UK strike Houthi targets in Yemen", {("USA", "YEMREB"), ("GBR", "YEMREB")}),
])
def test_comma_listed_headline_subjects_keep_their_verb(text: str, pairs: set[tuple[str, str]]) -> None:
    evs = events(text)
    assert pairs <= {(e["source"], e["target"]) for e in evs}, show(evs)
