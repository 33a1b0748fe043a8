"""Buildings, streets and venues the gazetteer lacks stand in the place their text names."""

from __future__ import annotations

import pytest

from analysis.extract.geocode import resolve_spans


def _span(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


@pytest.mark.parametrize(("text", "name", "country", "kind"), [
    ("Fans packed the Marlowe Quarry Arena in Dayton, Ohio, on Friday night.", "Marlowe Quarry Arena", "USA",
     "facility"),
    ("Police closed Quillbrook Street in Leeds after a gas leak.", "Quillbrook Street", "GBR", "street"),
    ("In Nairobi, the Zawadi Okello Hall hosted the talks; Kenya's ministers attended.", "Zawadi Okello Hall",
     "KEN", "facility"),
    ("The Brisbane court heard the case. Later, crowds gathered outside Fennimore Tower.", "Fennimore Tower",
     "AUS", "facility"),
])
def test_a_named_building_or_street_stands_in_the_town_of_its_sentence_or_article(
        text: str, name: str, country: str, kind: str) -> None:
    (place,) = resolve_spans(text, [_span(text, name)])
    assert (place["country"], place["kind"]) == (country, kind)
    assert place["lat"] is not None and place["geonameid"] is None


@pytest.mark.parametrize(("text", "name", "town"), [
    ("Judges at the Lahore High Court adjourned the hearing.", "Lahore High Court", "Lahore"),
    ("Worshippers left Manila Cathedral after the mass.", "Manila Cathedral", "Manila"),
    ("A fire broke out at the Vladivostok Ferry Terminal on Monday.", "Vladivostok Ferry Terminal", "Vladivostok"),
])
def test_a_place_inside_a_facility_name_places_it(text: str, name: str, town: str) -> None:
    (place,) = resolve_spans(text, [_span(text, name)])
    assert place["name"] == town and place["kind"] == "facility"


def test_resolve_reads_the_text_around_the_spans() -> None:
    text = "Frankfort officials met students of Kentucky State University on Tuesday."
    (place,) = resolve_spans(text, [_span(text, "Frankfort")])
    assert (place["country"], place["name"]) == ("USA", "Frankfort")
    text = "The mayor of Paris spoke; later that day Texas officials in Lamar County joined him."
    (place,) = resolve_spans(text, [_span(text, "Paris")])
    assert place["country"] == "USA"


def test_a_span_with_no_place_anywhere_stays_unresolved() -> None:
    text = "The Qwertyzxcv Pavilion opened yesterday."
    (place,) = resolve_spans(text, [_span(text, "Qwertyzxcv Pavilion")])
    assert place["lat"] is None


@pytest.mark.parametrize("text", [
    "Canadian trade negotiators flew to Washington on Monday to press for a deal.",
    "Officials in Washington and Tokyo traded warnings over the tariffs.",
    "The Kremlin accused Washington of meddling, Russian media said.",
])
def test_washington_in_world_news_is_the_capital(text: str) -> None:
    start = text.index("Washington")
    (place,) = resolve_spans(text, [(start, start + len("Washington"))])
    assert place["kind"] == "capital" and abs(place["lon"] + 77.0) < 1


def test_washington_with_its_state_context_stays_the_state() -> None:
    text = "Wildfires spread across Washington, from Spokane to Yakima, officials said."
    start = text.index("Washington")
    (place,) = resolve_spans(text, [(start, start + len("Washington"))])
    assert place["kind"] == "admin1"


@pytest.mark.parametrize(("text", "word"), [
    ("EU ministers met in Brussels on Monday.", "EU"),
    ("Talks between the EU and Japan stalled over farm tariffs.", "EU"),
    ("Sanctions agreed by the E.U. take effect in March.", "E.U."),
])
def test_the_eu_is_europe_not_the_french_town_of_eu(text: str, word: str) -> None:
    start = text.index(word)
    (place,) = resolve_spans(text, [(start, start + len(word))])
    assert place["name"] == "Europe"


@pytest.mark.parametrize("text", [
    "European leaders met in Rome to discuss migration.",
    "Most Europeans back the climate targets, a survey found.",
    "The deal worries European carmakers more than Japanese ones.",
])
def test_european_names_europe(text: str) -> None:
    from analysis.extract.pipeline import find_places

    places = find_places(text)
    assert "Europe" in set(places["name"])


def test_the_bundled_article_puts_seats_of_power_in_their_capitals() -> None:
    from pathlib import Path

    from analysis.extract.pipeline import extract_record
    from analysis.geometry import haversine_km
    from analysis.io.articles import load_articles

    path = Path(__file__).resolve().parents[1] / "data/articles/2023-09-11-kim-putin-summit.txt"
    record = extract_record(load_articles(path)[0])
    seats = {"White House": (-77.04, 38.90), "Washington": (-77.04, 38.90), "Kremlin": (37.62, 55.75),
             "Moscow": (37.62, 55.75)}
    found = [p for p in record["places"] if p["text"] in seats]
    assert {"White House", "Kremlin"} <= {p["text"] for p in found}
    for p in found:
        assert haversine_km(p["lon"], p["lat"], *seats[p["text"]]) < 20, p


@pytest.mark.parametrize(("text", "word", "country"), [
    ("The Pentagon said two more destroyers were on their way.", "Pentagon", "USA"),
    ("A statement from the Kremlin called the sanctions illegal.", "Kremlin", "RUS"),
    ("Protesters gathered outside Downing Street on Saturday.", "Downing Street", "GBR"),
])
def test_seats_of_power_sit_at_their_own_point(text: str, word: str, country: str) -> None:
    from analysis.extract.pipeline import find_places

    places = find_places(text)
    row = places[places["text"] == word].iloc[0]
    assert row["country"] == country and row["kind"] in ("institution", "street", "facility")


def test_lookup_ranks_the_famous_referent_first() -> None:
    from analysis.extract.gazetteer import lookup

    assert lookup("White House").loc[0, "country"] == "USA"
    assert lookup("Washington").loc[0, "kind"] == "capital"
    assert lookup("Paris").loc[0, "country"] == "FRA"
