"""Buildings, streets and features named with a kind word are one place each, where their text puts them."""

from __future__ import annotations

import pytest

from analysis.extract.pipeline import extract_record, find_places
from analysis.io.articles import article_from_text


def _row(text: str, name: str) -> dict:
    places = find_places(text)
    rows = places[places["text"] == name]
    assert len(rows) == 1, places[["text", "name", "kind"]].to_dict("records")
    return rows.iloc[0].to_dict()


@pytest.mark.parametrize(("text", "name", "town", "kind"), [
    ("Fans packed the Marlowe Quarry Arena in Dayton on Friday night.", "Marlowe Quarry Arena", "Dayton", "facility"),
    ("The recital at the Pemberton Hall Theatre in Leeds sold out.", "Pemberton Hall Theatre", "Leeds", "facility"),
    ("Voters queued outside the Okafor Memorial Stadium in Lagos since dawn.", "Okafor Memorial Stadium", "Lagos",
     "facility"),
])
def test_a_building_followed_by_its_town_stands_there(text: str, name: str, town: str, kind: str) -> None:
    row = _row(text, name)
    assert (row["name"], row["kind"]) == (town, kind)
    assert row["lat"] == row["lat"] and not row["geonameid"] == row["geonameid"]  # a point; no id of its own (NaN)


@pytest.mark.parametrize(("text", "name", "town"), [
    ("Seoul Central District Court sentenced the former minister on Friday.", "Seoul Central District Court", "Seoul"),
    ("Lawyers walked out of the Lahore High Court after the ruling.", "Lahore High Court", "Lahore"),
    ("She was taken to Kenton Hospital with minor injuries.", "Kenton Hospital", "Kenton"),
    ("Students at the University of Dayton held a vigil.", "University of Dayton", "Dayton"),
])
def test_a_place_inside_the_name_is_no_separate_town(text: str, name: str, town: str) -> None:
    places = find_places(text)
    assert list(places["text"]) == [name]
    assert places.iloc[0]["name"] == town and places.iloc[0]["kind"] == "facility"


@pytest.mark.parametrize(("text", "names", "country"), [
    ("Police in Leeds closed Quillbrook Street and Harrow Avenue after the blast.",
     ["Quillbrook Street", "Harrow Avenue"], "GBR"),
    ("In Nairobi, traffic on Moi Avenue stood still for hours.", ["Moi Avenue"], "KEN"),
    ("A truck overturned on 14th Street in Denver, Colorado, on Monday.", ["14th Street"], "USA"),
])
def test_streets_stand_in_the_town_their_text_names(text: str, names: list[str], country: str) -> None:
    for name in names:
        row = _row(text, name)
        assert row["kind"] == "street" and row["country"] == country


@pytest.mark.parametrize("text", [
    "The supermarket on Georgia Avenue in Atlanta reopened.",
    "Shops on California Street in Boston closed early.",
    "Protesters marched down Texas Avenue in Houston.",
])
def test_a_street_named_after_a_state_is_not_in_that_state(text: str) -> None:
    places = find_places(text)
    street = places[places["kind"] == "street"].iloc[0]
    assert street["name"] in ("Atlanta", "Boston", "Houston")


@pytest.mark.parametrize(("text", "kind"), [
    ("Volunteers pulled tyres from the Maumee River near Toledo, Ohio.", "water"),
    ("Hikers were rescued from Mount Kenya on Sunday, Kenyan police said.", "region"),
    ("Anglers in Ontario say Lake Nipigon froze early this year.", "water"),
])
def test_features_named_with_a_kind_word_are_one_place(text: str, kind: str) -> None:
    places = find_places(text)
    assert kind in set(places["kind"])


@pytest.mark.parametrize("text", [
    "President Park said the talks would resume in Seoul.",
    "Shirley Temple starred in the film in 1934.",
    "The Supreme Court ruled against the company on Tuesday.",
])
def test_people_and_generic_names_are_no_facilities(text: str) -> None:
    places = find_places(text)
    assert not set(places["kind"]) & {"facility", "street", "water", "region"}


@pytest.mark.parametrize("text", [
    "Wyatt High School said classes would resume on Monday.",
    "A spokesman for Mercy Hospital declined to comment.",
    "Quentin Abernathy College announced a new dean.",
])
def test_an_unplaced_building_named_as_an_organisation_is_left_out(text: str) -> None:
    assert find_places(text).empty


@pytest.mark.parametrize(("text", "code"), [
    ("The Latvian Constitutional Court cancelled restrictions on the Russian language.", "LVAJUD"),
    ("On Monday the Israeli Supreme Court struck down the law.", "ISRJUD"),
    ("The opposition welcomed the ruling, which the Turkish Constitutional Court issued on Friday.", "TURJUD"),
])
def test_a_body_named_with_a_demonym_is_an_actor_not_a_building(text: str, code: str) -> None:
    record = extract_record(article_from_text(text, date="2023-05-02"))
    assert code in {a["code"] for a in record["actors"]}
    assert not [p for p in record["places"] if p["kind"] == "facility"]


def _places(text: str) -> list[tuple[str, str | None, str | None]]:
    from analysis.extract.pipeline import extract_record
    from analysis.io.articles import Article
    return [(text[p["start"]:p["end"]], p.get("kind"), p.get("country"))
            for p in extract_record(Article(id="t", text=text))["places"]]


@pytest.mark.parametrize("text,gone", [
    ("An employee at Cedar River Seafood in Miami called police.", "Cedar River"),
    ("Matthew is a fifth-grader at Pleasant Lane School in Lombard.", "Pleasant Lane"),
    ("The Wall Street Journal reported the deal on Monday.", "Wall Street"),
    ("Residents of the Sunny Hills Apartments in Denton were evacuated.", "Sunny Hills"),
])
def test_name_going_on_is_no_feature(text: str, gone: str) -> None:
    assert all(surface != gone for surface, _, _ in _places(text))


@pytest.mark.parametrize("text,street", [
    ("The march went along Eighth Avenue NW in Gainesville.", "Eighth Avenue"),
    ("Police closed Elm Street Tuesday in Dayton.", "Elm Street"),
    ("A fire broke out on Cooper Street in Arlington.", "Cooper Street"),
])
def test_street_before_compass_or_time_word(text: str, street: str) -> None:
    assert any(surface == street for surface, _, _ in _places(text))


@pytest.mark.parametrize("text", [
    "The Maumee River near Toledo flooded on Sunday.",
    "Anglers on the Maumee River near Toledo reported a strong walleye run.",
    "Crews pulled a boat from the Maumee River near Toledo.",
])
def test_feature_named_after_a_town_sets_the_country(text: str) -> None:
    assert ("Toledo", "city", "USA") in _places(text)
