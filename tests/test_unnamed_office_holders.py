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


@pytest.mark.parametrize("text,title,code", [
    ("The state governor criticised the federal government over the floods in Bauchi, Nigeria.",
     "The state governor", "NGAGOV"),
    ("In Sindh, Pakistan, the provincial governor met protest leaders.", "the provincial governor", "PAKGOV"),
    ("Residents of Lviv, Ukraine, said the mayor had asked Poland for generators.", "the mayor", "UKRGOV"),
    ("In Cusco, the regional governor's office rejected the miners' demands.", "the regional governor", "PERGOV"),
    ("Police in Kano arrested two men after the mayor appealed for calm.", "the mayor", "NGAGOV"),
])
def test_a_local_office_named_alone_is_the_sentences_government(text: str, title: str, code: str) -> None:
    codes = actor_codes(text)
    assert codes.get(title) == code, codes


@pytest.mark.parametrize("text,title", [
    ("In Toledo, Spain, the former mayor criticised the council.", "the former mayor"),
    ("In Lagos, the former governor met party leaders.", "the former governor"),
])
def test_a_former_office_holder_is_no_government(text: str, title: str) -> None:
    codes = actor_codes(text)
    assert title in codes and not codes[title].endswith("GOV"), codes


@pytest.mark.parametrize("text,title", [
    ("On the day the president arrived in Accra, protesters gathered.", "the president"),
    ("In Quito, the portion the governor controls was flooded.", "the governor"),
    ("In Lima, the week the prime minister resigned, markets fell.", "the prime minister"),
])
def test_an_office_opens_at_the_last_the_before_it(text: str, title: str) -> None:
    codes = actor_codes(text)
    assert title in codes and not any(t.endswith(" " + title) for t in codes), codes
