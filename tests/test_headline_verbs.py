"""A headline writes every word capitalised, so the word after a country that is also a first name ('Jordan',
'Chad', 'Georgia') is no surname when it is a verb of reporting or of an event ('Jordan Says ...', 'Chad Warns
...'): the name is the country; a surname after it still makes a person ('Jordan Peterson Says ...')."""

from __future__ import annotations

import pytest

from analysis import find_places


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Jordan Says It Will Not Host Refugees", "Jordan", "JOR"),
    ("Chad Warns Sudan Over Border Clashes", "Chad", "TCD"),
    ("Georgia Bans Foreign Agents Law", "Georgia", "GEO"),
])
def test_a_country_before_a_headline_verb_is_the_country(text: str, name: str, country: str) -> None:
    places = find_places(text)
    assert country in set(places.loc[places["text"] == name, "country"]), places


@pytest.mark.parametrize("text", [
    "Jordan Peterson Says He Will Sue",
    "Chad Smith Says He Is Tired",
    "Jordan Henderson said the team was ready.",
])
def test_a_first_name_before_a_surname_stays_a_person(text: str) -> None:
    assert find_places(text).empty
