"""Disambiguation with context: qualifiers, the article's other places, one sense per name."""

from __future__ import annotations

import pytest

from analysis.extract.gazetteer import load_gazetteer
from analysis.extract.geocode import resolve_span_rows, resolve_spans
from analysis.extract.pipeline import find_places
from analysis.geometry import haversine_km


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Kilometres between two (lat, lon) points."""
    return float(haversine_km(a[1], a[0], b[1], b[0]))


def _place(text: str, word: str) -> dict:
    places = find_places(text)
    hit = places[places["text"] == word]
    assert len(hit) >= 1, places["text"].tolist()
    return hit.iloc[0].to_dict()


@pytest.mark.parametrize(("text", "word", "country", "admin_point"), [
    ("The fire destroyed a home in Paris, Texas, on Tuesday.", "Paris", "USA", (33.66, -95.55)),
    ("He was arrested in Alexandria, La., on Friday.", "Alexandria", "USA", (31.31, -92.45)),
    ("The Russian port city of Vladivostok is near the border.", "Vladivostok", "RUS", (43.11, 131.87)),
    ("Officials in Paris said the talks went well.", "Paris", "FRA", (48.85, 2.35)),
])
def test_qualifiers_and_priors(text: str, word: str, country: str, admin_point: tuple[float, float]) -> None:
    place = _place(text, word)
    assert place["country"] == country
    assert distance_km((place["lat"], place["lon"]), admin_point) < 30


def test_a_town_in_the_state_the_article_is_about_beats_a_bigger_namesake() -> None:
    text = ("Deputies in Rapides Parish arrested a man on Tuesday. The Alexandria man was taken to the "
            "parish jail in Alexandria, where he remains.")
    place = _place(text, "Alexandria")
    assert place["country"] == "USA"
    assert distance_km((place["lat"], place["lon"]), (31.31, -92.45)) < 30


def test_names_that_share_a_state_are_placed_in_one_state() -> None:
    # Huntsville and Walker County are both in Alabama and both in Texas: not one in each
    places = find_places("The storm hit Huntsville and Walker County overnight.")
    (a, b) = [(r.lat, r.lon) for r in places.itertuples()]
    assert distance_km(a, b) < 161
    places = find_places("Deputies from Henderson County and Anderson County searched the woods.")
    (a, b) = [(r.lat, r.lon) for r in places.itertuples()]
    assert distance_km(a, b) < 161


def test_a_state_named_like_a_country_holds_the_article_s_towns() -> None:
    text = ("An Albany man was arrested on Monday. Albany police and Georgia Bureau of Investigation agents "
            "raided the home.")
    albany = _place(text, "Albany")
    assert distance_km((albany["lat"], albany["lon"]), (31.58, -84.16)) < 50  # Albany, Georgia
    assert _place(text, "Georgia")["kind"] == "admin1"
    assert _place("Protests in Georgia spread to Batumi and Kutaisi.", "Georgia")["country"] == "GEO"


def test_a_kind_word_chooses_between_a_town_and_its_division() -> None:
    assert _place("Clashes broke out in the West Bank city of Jenin.", "Jenin")["kind"] == "city"
    assert _place("Troops entered Jenin province on Monday.", "Jenin")["kind"] == "admin1"
    assert _place("Floods hit the town of Kherson.", "Kherson")["kind"] == "city"
    assert _place("Kherson region was shelled overnight.", "Kherson")["kind"] == "admin1"


def test_an_office_tells_a_state_from_its_namesake_city() -> None:
    # a governor governs a state, a mayor a town: 'Washington' is then the state, not the capital
    assert _place("The governor of Washington signed the bill.", "Washington")["kind"] == "admin1"
    assert _place("Washington Gov. Jay Inslee signed the bill.", "Washington")["kind"] == "admin1"
    assert _place("The state of Washington sued the company.", "Washington")["kind"] == "admin1"
    assert _place("The mayor of New York spoke on Monday.", "New York")["kind"] == "city"
    assert _place("New York Mayor Eric Adams spoke on Monday.", "New York")["kind"] == "city"
    # a town's police: 'Lebanon Police' is an American town's (one with a Boone County), 'Israel Police' the state's
    lebanon = _place("Terry Jolly, 60, Lebanon, was taken into custody by Lebanon Police in Boone County.", "Lebanon")
    assert (lebanon["country"], lebanon["kind"]) == ("USA", "city")
    assert _place("Israel Police arrested two suspects in Jerusalem.", "Israel")["kind"] == "country"


def test_major_islands_are_places_of_their_own() -> None:
    # not the village of Java in Georgia nor a hamlet named Luzon
    assert _place("A strong earthquake struck Java on Friday.", "Java")["country"] == "IDN"
    assert _place("The typhoon made landfall in northern Luzon.", "Luzon")["country"] == "PHL"
    assert _place("Floods cut roads on New Zealand's South Island.", "South Island")["country"] == "NZL"


def test_country_beats_namesakes_without_context() -> None:
    for name, iso3 in (("Georgia", "GEO"), ("Jordan", "JOR"), ("Chad", "TCD"), ("Niger", "NER")):
        text = f"The government of {name} announced new elections. Officials in {name} welcomed it."
        assert _place(text, name)["country"] == iso3


def test_state_beats_country_in_an_american_story() -> None:
    text = ("Heavy rain fell across north Georgia on Tuesday. Atlanta's airport reported delays and "
            "Georgia officials said the drought in the state is over.")
    place = _place(text, "Georgia")
    assert place["country"] == "USA" and place["kind"] == "admin1"


def test_a_name_in_a_list_takes_the_kind_and_country_of_its_list_mates() -> None:
    states = ("Cases were reported in Canada, Mexico and in Arizona, California, Colorado, Georgia, Illinois "
              "and Missouri.")
    assert (_place(states, "Georgia")["kind"], _place(states, "Georgia")["country"]) == ("admin1", "USA")
    countries = "Leaders of Georgia, Armenia and Azerbaijan met in Moscow."
    assert (_place(countries, "Georgia")["kind"], _place(countries, "Georgia")["country"]) == ("country", "GEO")


def test_one_sense_per_name_per_article() -> None:
    text = "Alexandria, Va., police said on Monday. Later, Alexandria officials met. Alexandria is calm."
    places = find_places(text)
    alex = places[places["text"] == "Alexandria"]
    assert alex["geonameid"].nunique() == 1
    assert alex["country"].iloc[0] == "USA"


def test_never_a_building_when_a_city_exists() -> None:
    place = _place("Officials in Vladivostok said the forum would open.", "Vladivostok")
    assert place["kind"] in ("city", "capital")
    assert place["geonameid"] == 2013348


def test_resolve_spans_fills_coordinates() -> None:
    text = "Kim left Pyongyang for Vladivostok."
    out = resolve_spans(text, [(9, 18), (23, 34)])
    assert [o["name"] for o in out] == ["Pyongyang", "Vladivostok"]
    assert distance_km((out[0]["lat"], out[0]["lon"]), (39.03385, 125.75432)) < 10
    assert out[1]["geonameid"] == 2013348


def test_resolve_spans_reports_unknown_names_without_coordinates() -> None:
    out = resolve_spans("We went to Qwertyzxcv yesterday.", [(11, 21)])
    assert out[0]["lat"] is None and out[0]["name"] is None


def test_country_named_before_its_capital() -> None:
    place = _place("Georgia's capital Tbilisi hosted the talks on Monday.", "Georgia")
    assert place["country"] == "GEO" and place["kind"] == "country"


def test_city_and_first_level_division_namesakes() -> None:
    city = _place("Officials in New York said the subway in Manhattan would reopen.", "New York")
    assert city["kind"] == "city"
    assert _place("Upstate farmers in New York State expect rain.", "New York State")["kind"] == "admin1"
    washington = _place("Washington warned Pyongyang against the deal.", "Washington")
    assert washington["kind"] == "capital" and washington["metonymic"]


@pytest.mark.parametrize(("text", "name", "resolved"), [
    ("A fire in Tewksbury Twp. closed the road.", "Tewksbury Twp.", "Tewksbury"),
    ("The Town of Groton voted on Monday.", "Town of Groton", "Groton"),
    ("Crime in South Los Angeles fell.", "South Los Angeles", "Los Angeles"),
    ("W. Columbia police said on Monday.", "W. Columbia", "West Columbia"),
])
def test_a_given_span_resolves_through_the_words_around_a_name(text: str, name: str, resolved: str) -> None:
    start = text.index(name)
    (place,) = resolve_spans(text, [(start, start + len(name))])
    assert (place["name"], place["country"]) == (resolved, "USA") and place["lat"] is not None


@pytest.mark.parametrize("text", [
    "Shelling hit the Donetsk and Luhansk regions on Monday.",
    "Russia claimed the Donetsk, Luhansk, Zaporizhzhia and Kherson regions.",
])
def test_a_plural_kind_word_after_a_list_makes_each_name_a_division(text: str) -> None:
    for word in ("Donetsk", "Luhansk"):
        assert _place(text, word)["kind"] == "admin1"
    assert _place("Donetsk and Luhansk were shelled on Monday.", "Donetsk")["kind"] == "city"


def test_the_carolinas_make_georgia_the_state() -> None:
    place = _place("The storm hit Georgia and the Carolinas on Monday.", "Georgia")
    assert (place["kind"], place["country"]) == ("admin1", "USA")


def test_names_before_counties_are_those_counties_where_the_span_is_given() -> None:
    text = "Douglas and Wyandotte counties also have improved."
    out = resolve_spans(text, [(0, 7), (12, 21)])
    assert [(p["name"], p["kind"]) for p in out] == [("Douglas County", "admin2"), ("Wyandotte County", "admin2")]


@pytest.mark.parametrize(("text", "word", "country"), [
    ("Thousands lined the streets of Liverpool to greet the team bus.", "Liverpool", "GBR"),
    ("Barcelona hosted the trade fair despite the rail strike.", "Barcelona", "ESP"),
    ("Oil executives gathered in Calgary for the pipeline hearings.", "Calgary", "CAN"),
    ("Police in Bolton arrested two men after the match.", "Bolton", "GBR"),
])
def test_a_bare_name_is_the_city_not_the_division_around_it_of_that_name(text: str, word: str, country: str) -> None:
    start = text.index(word)
    (place,) = resolve_spans(text, [(start, start + len(word))])
    assert (place["country"], place["kind"]) == (country, "city")


def test_a_county_named_as_such_stays_the_county() -> None:
    text = "Deputies in Arlington County closed two roads after the storm."
    start = text.index("Arlington County")
    (place,) = resolve_spans(text, [(start, start + len("Arlington County"))])
    assert place["kind"] == "admin2"


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("Police in Pittsburgh and Harrisburg joined the search. He made her drive him to Monroeville, Ala. An alert was "
     "issued that night.", "Monroeville", "Alabama"),
    ("Schools in Chicago, Peoria and Decatur closed. She was born in Springfield, Mo. Her father farmed there.",
     "Springfield", "Missouri"),
    ("Crews from Dayton, Akron and Toledo responded. The driver came from Columbus, Ga. He was not hurt.", "Columbus",
     "Georgia"),
])
def test_a_state_abbreviation_ending_the_sentence_still_qualifies_the_town(text: str, name: str, admin1: str) -> None:
    gaz = load_gazetteer()
    start = text.index(name)
    _, (row,) = resolve_span_rows(text, [(start, start + len(name))], gazetteer=gaz)
    assert (gaz.name(row), gaz.admin1_of(row)) == (name, admin1)


@pytest.mark.parametrize(("text", "word", "name"), [
    ("Riyadh has imposed an embargo on a fellow ally in the Gulf, Qatar, since last June.", "Gulf", "Persian Gulf"),
    ("Oil tankers crossing the Gulf were delayed on Monday, Iranian officials said.", "Gulf", "Persian Gulf"),
    ("Ferries across the Baltic were cancelled as storms hit Sweden and Finland.", "Baltic", "Baltic Sea"),
    ("Migrants tried to cross the Channel in small boats from France overnight.", "Channel", "English Channel"),
])
def test_a_name_written_with_the_is_the_curated_place_of_that_form(text: str, word: str, name: str) -> None:
    start = text.index(word)
    (place,) = resolve_spans(text, [(start, start + len(word))])
    assert place["name"] == name


@pytest.mark.parametrize(("text", "name"), [
    ("Riyadh has imposed an embargo on a fellow ally in the Gulf, Qatar, since last June.", "Persian Gulf"),
    ("Oil tankers crossing the Gulf were delayed on Monday, Iranian officials said.", "Persian Gulf"),
    ("Ferries across the Baltic were cancelled as storms hit Sweden and Finland.", "Baltic Sea"),
])
def test_running_text_reads_the_curated_form_after_the(text: str, name: str) -> None:
    assert name in find_places(text)["name"].tolist()


@pytest.mark.parametrize(("text", "word"), [
    ("Rockets were fired from the Gaza Strip overnight, officials said.", "Gaza Strip"),
    ("Talks in the Netherlands ended without a deal.", "Netherlands"),
    ("Storms swept across the Caribbean on Tuesday.", "Caribbean"),
])
def test_a_bare_name_that_is_already_a_region_or_country_keeps_its_own_reading(text: str, word: str) -> None:
    start = text.index(word)
    with_the = resolve_spans(text, [(start, start + len(word))])[0]
    bare = resolve_spans(text.replace("the " + word, word), [(start - 4, start - 4 + len(word))])[0]
    assert (with_the["name"], with_the["geonameid"]) == (bare["name"], bare["geonameid"])
