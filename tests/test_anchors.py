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
