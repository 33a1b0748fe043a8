"""Officials named by 'the' and their office alone ('the president', "the prime minister's resignation") are
the office holders of the country the sentence names before them, else of the article's main country."""

from __future__ import annotations

import pytest

from tests.coded_samples import actor_codes, events, show


@pytest.mark.parametrize("text,source,target", [
    ("Protesters in Dhaka demanded the resignation of the prime minister.", "BGDOPP", "BGDGOV"),
    ("In Lima, the president met with opposition leaders on Monday.", "PERGOV", "PEROPP"),
    ("Protesters in Colombo stormed the residence of the president.", "LKAOPP", "LKAGOV"),
    ("Farmers in Ghana criticised the agriculture minister over fertiliser prices.", "GHAAGR", "GHAGOV"),
])
def test_an_office_named_alone_is_the_sentences_government(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert (source, target) in {(e["source"], e["target"]) for e in evs}, show(evs)


def test_the_article_gives_the_country_when_the_sentence_names_none() -> None:
    codes = actor_codes("Kenya's parliament met on Tuesday. Later the president signed the finance bill.")
    assert codes.get("the president") == "KENGOV", codes


@pytest.mark.parametrize("text,title", [
    ("In Nairobi, the president of the football club resigned.", "the president"),
    ("In Addis Ababa, the prime minister Abiy Ahmed met the envoy.", "the prime minister"),
    ("In Kampala, the former president spoke to students.", "the former president"),
])
def test_no_office_holder_of_the_sentences_country_where_the_text_says_whose_office(text: str, title: str) -> None:
    codes = actor_codes(text)
    assert not codes.get(title, "").endswith("GOV"), codes


def test_a_possessive_office_is_the_office_holder() -> None:
    codes = actor_codes("In Accra, the president's motorcade passed the market.")
    assert codes.get("the president") == "GHAGOV", codes
