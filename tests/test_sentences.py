"""Sentence ends: a period after an abbreviation ends no sentence where the text goes on
(analysis/data/abbreviations.tsv)."""

import pytest

from analysis.extract.text import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize("text", [
    "Gen. Lloyd Austin met Dr. Tedros in Geneva.",
    "Officials met Mr. Kim and Mrs. Ardern at St. Petersburg on Monday.",
    "The talks began on Sept. 11 in Harrisburg, Pa., and ended on Oct. 2.",
    "U.S. President Joe Biden spoke to U.N. Secretary-General Antonio Guterres.",
    "Acme Holdings Inc. said profits fell, according to the D.P.R.K. embassy in Berlin.",
    "Martin Luther King Jr. was born in Atlanta.",
])
def test_an_abbreviation_inside_a_sentence_ends_nothing(text: str) -> None:
    assert _sentences(text) == [text]


@pytest.mark.parametrize("text, first", [
    ("Troops left the U.S. Then they flew to Kabul.", "Troops left the U.S."),
    ("Talks were held in Washington on Jan. 5. Kenya sent an envoy.", "Talks were held in Washington on Jan. 5."),
    ("The deal was signed by Acme Inc. Officials welcomed it.", "The deal was signed by Acme Inc."),
    ("Protesters marched in Lagos. Police fired tear gas.", "Protesters marched in Lagos."),
])
def test_a_period_before_a_new_sentence_ends_it(text: str, first: str) -> None:
    assert _sentences(text)[0] == first

