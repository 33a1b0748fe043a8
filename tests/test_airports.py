"""Airports news names by their short names are places of their own (landmarks.tsv, kind airport -> facility):
'Heathrow' in a story on flights is London's airport, not the Florida town of that name."""

from __future__ import annotations

import pytest

from analysis import find_places


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Heathrow cancelled 100 flights on Monday because of the strike.", "Heathrow", "GBR"),
    ("Passengers were stranded at Schiphol after the storm.", "Schiphol", "NLD"),
    ("Crowds waited at Sheremetyevo for the flight from Minsk.", "Sheremetyevo", "RUS"),
    ("The minister landed at Jomo Kenyatta International Airport late on Friday.",
     "Jomo Kenyatta International Airport", "KEN"),
])
def test_an_airport_named_alone_is_a_facility_where_it_stands(text: str, name: str, country: str) -> None:
    places = find_places(text)
    row = places[places["text"] == name].iloc[0]
    assert (row["country"], row["kind"]) == (country, "facility")


def test_a_town_of_an_airports_name_written_as_a_town_stays_the_town() -> None:
    places = find_places("Residents of Heathrow, Florida, lost power on Sunday.")
    row = places[places["text"] == "Heathrow"].iloc[0]
    assert row["country"] == "USA" and row["kind"] == "city"


@pytest.mark.parametrize("text", [
    "French President Charles de Gaulle visited Algiers in 1958.",
    "The Charles de Gaulle aircraft carrier sailed to Cyprus.",
    "Historians still debate Charles de Gaulle's legacy in Algeria.",
])
def test_a_person_an_airport_is_named_after_is_no_airport(text: str) -> None:
    assert "Charles de Gaulle Airport" not in set(find_places(text)["name"])
