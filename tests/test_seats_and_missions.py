"""Institutions named by a country's word: a ministry, parliament or central bank stands in that country's
capital ('the Russian Foreign Ministry' is in Moscow, not at Russia's centre); an embassy or consulate stands
in the country it is sent to, so its nation's word does not place it ('British Embassy Tokyo' is in Tokyo, the
'French Embassy' of a story from Nairobi in Nairobi)."""

from __future__ import annotations

import pytest

from analysis.extract.geocode import resolve_spans


def _place(text: str, name: str) -> dict:
    start = text.index(name)
    (place,) = resolve_spans(text, [(start, start + len(name))])
    return place


@pytest.mark.parametrize(("text", "name", "capital"), [
    ("The Russian Foreign Ministry said on Monday that talks would go on.", "Russian Foreign Ministry", "Moscow"),
    ("The Turkish Parliament voted on Tuesday to ratify the accession.", "Turkish Parliament", "Ankara"),
    ("The Kenyan Ministry of Health reported 30 new cases.", "Kenyan Ministry of Health", "Nairobi"),
    ("Officials at the Japanese Defence Ministry declined to comment.", "Japanese Defence Ministry", "Tokyo"),
])
def test_a_government_body_named_by_its_country_stands_in_the_capital(text: str, name: str, capital: str) -> None:
    assert _place(text, name)["name"] == capital


@pytest.mark.parametrize(("text", "name", "town"), [
    ("Protesters gathered outside the British Embassy Tokyo on Friday.", "British Embassy Tokyo", "Tokyo"),
    ("Visa queues in Nairobi grew as the French Embassy cut its staff.", "French Embassy", "Nairobi"),
    ("The Canadian Consulate in Lagos closed after the protests in Lagos.", "Canadian Consulate", "Lagos"),
    ("In Riga, envoys gathered at the Embassy of the Republic of Estonia on Friday.",
     "Embassy of the Republic of Estonia", "Riga"),
])
def test_an_embassy_stands_where_it_is_sent(text: str, name: str, town: str) -> None:
    assert _place(text, name)["name"] == town


@pytest.mark.parametrize(("text", "name", "capital"), [
    ("Pupils of the British International School sat their exams.", "British International School", "London"),
    ("Russian troops crossed the border on Monday.", "Russian", "Moscow"),
    ("Fans of Kenyan Airways complained about delays.", "Kenyan Airways", "Nairobi"),
])
def test_other_names_with_a_country_word_do_not_move_to_the_capital(text: str, name: str, capital: str) -> None:
    assert _place(text, name)["name"] != capital
