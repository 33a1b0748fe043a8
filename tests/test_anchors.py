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


@pytest.mark.parametrize(("text", "name", "where"), [
    ("A report by the Council of Europe criticised the prison system.", "Council of Europe", "Europe"),
    ("The Bank of Portugal kept its forecast unchanged on Thursday.", "Bank of Portugal", "Portugal"),
    ("She lectures at the University of Nebraska and writes on farming.", "University of Nebraska", "Nebraska"),
])
def test_a_place_after_of_in_an_institution_name_places_it(text: str, name: str, where: str) -> None:
    (place,) = resolve_spans(text, [_span(text, name)])
    assert place["name"] == where


@pytest.mark.parametrize(("text", "name"), [
    ("Boaters crowded Lake Quanset near Duluth over the holiday weekend.", "Lake Quanset"),
    ("Volunteers cleared trash from the Bay of Trelawne beaches on Sunday.", "Bay of Trelawne"),
    ("The Manitoba Chamber of Commerce endorsed the budget.", "Manitoba Chamber of Commerce"),
    ("Nurses at the University Hospital in Coventry went on strike.", "University Hospital"),
])
def test_a_kind_word_inside_a_name_is_no_town_of_that_name(text: str, name: str) -> None:
    (place,) = resolve_spans(text, [_span(text, name)])
    assert place["name"] not in ("Lake County", "University", "Commerce", "Chamber", "Bay County", "Bay")


@pytest.mark.parametrize(("text", "word", "continent"), [
    ("African finance ministers met in Addis Ababa to discuss debt.", "African", "Africa"),
    ("Asian markets slid after the tariff announcement.", "Asian", "Asia"),
    ("Several Latin American governments recalled their envoys.", "Latin American", "South America"),
    ("Many Africans living abroad send money home each month.", "Africans", "Africa"),
])
def test_a_continent_adjective_names_its_continent(text: str, word: str, continent: str) -> None:
    (place,) = resolve_spans(text, [_span(text, word)])
    assert (place["name"], place["kind"]) == (continent, "demonym")


def test_central_american_names_central_america() -> None:
    text = "Buses carried Central American families north toward the border at Tijuana."
    (place,) = resolve_spans(text, [_span(text, "Central American")])
    assert place["name"] == "Central America"


@pytest.mark.parametrize(("text", "word", "lat", "lon"), [
    ("Exports from Japan rose for a third month, officials in Tokyo said.", "Japan", 35.685, 139.753),
    ("Rebels in Libya agreed to a truce brokered by the United Nations.", "Libya", 28.0, 17.0),
    ("India's monsoon arrived early over Kerala this year.", "India", 22.0, 79.0),
])
def test_a_country_carries_geonames_point_for_its_id(text: str, word: str, lat: float, lon: float) -> None:
    (place,) = resolve_spans(text, [_span(text, word)])
    assert (place["lat"], place["lon"]) == pytest.approx((lat, lon), abs=0.01)


@pytest.mark.parametrize("text", [
    "TACOMA, Wash. - Crews from Japan and Canada toured the port. Later they drove across Washington to Spokane.",
    "Growers in Washington state fear Chinese tariffs. Washington exported more apples than any state last year.",
    "The Oregon and Wash. fire crews met a German delegation. Smoke still covers much of Washington.",
])
def test_a_state_the_article_names_otherwise_keeps_its_bare_name(text: str) -> None:
    start = text.rindex("Washington")
    (place,) = resolve_spans(text, [(start, start + len("Washington"))])
    assert place["kind"] == "admin1"


@pytest.mark.parametrize(("text", "word"), [
    ("Aides in the West Wing braced for another round of departures.", "West Wing"),
    ("The senator was summoned to the Oval Office on Tuesday morning.", "Oval Office"),
    ("Rumours of a shake-up swept the West Wing after the vote.", "West Wing"),
])
def test_parts_of_the_white_house_stand_at_the_white_house(text: str, word: str) -> None:
    (place,) = resolve_spans(text, [_span(text, word)])
    assert place["name"] in ("White House", "Oval Office") and abs(place["lon"] + 77.04) < 0.05


@pytest.mark.parametrize(("text", "name", "town"), [
    ("Tourists in New Orleans crowded Royal Street on Saturday night.", "Royal Street", "New Orleans"),
    ("Crews in Tulsa repaved Memphis Street over the weekend.", "Memphis Street", "Tulsa"),
    ("Protesters in Sacramento marched down Portland Avenue to the capitol.", "Portland Avenue", "Sacramento"),
    ("The Glasgow council will resurface London Road next spring.", "London Road", "Glasgow"),
])
def test_a_street_named_after_a_far_town_stands_in_the_articles_town(text: str, name: str, town: str) -> None:
    (place,) = resolve_spans(text, [_span(text, name)])
    assert (place["name"], place["kind"]) == (town, "street")


def test_a_street_named_after_a_near_town_may_stand_there() -> None:
    text = "In London, shoppers packed Oxford Street before Christmas."
    (place,) = resolve_spans(text, [_span(text, "Oxford Street")])
    assert place["kind"] == "street" and place["country"] == "GBR"


@pytest.mark.parametrize(("text", "name", "town"), [
    ("Twelve diplomats posted to Russia's mission to the United Nations were told to leave.", "United Nations",
     "New York City"),
    ("A draft on the ceasefire went to the Security Council late on Tuesday.", "Security Council", "New York City"),
    ("The World Health Organization warned of a new outbreak in the region.", "World Health Organization", "Geneva"),
    ("Talks with Pyongyang were proposed by the Unification Ministry on Monday.", "Unification Ministry", "Seoul"),
])
def test_a_given_institution_the_gazetteer_lacks_stands_in_its_seat(text: str, name: str, town: str) -> None:
    (place,) = resolve_spans(text, [_span(text, name)])
    assert (place["name"], place["kind"]) == (town, "institution")


@pytest.mark.parametrize(("text", "word", "country"), [
    ("Uzbek officials met their Tajik counterparts in a border town on Tuesday.", "Uzbek", "UZB"),
    ("Uzbek officials met their Tajik counterparts in a border town on Tuesday.", "Tajik", "TJK"),
    ("Two Swedes and a Spaniard were among the climbers rescued on the glacier.", "Swedes", "SWE"),
    ("Two Swedes and a Spaniard were among the climbers rescued on the glacier.", "Spaniard", "ESP"),
    ("The Nepali army flew supplies to villages cut off by the landslide.", "Nepali", "NPL"),
    ("Croat and Bosniak leaders signed the accord after a night of talks.", "Croat", "HRV"),
    ("Croat and Bosniak leaders signed the accord after a night of talks.", "Bosniak", "BIH"),
    ("Icelandic fishermen and Argentinian sailors shared the harbour.", "Icelandic", "ISL"),
    ("Icelandic fishermen and Argentinian sailors shared the harbour.", "Argentinian", "ARG"),
    ("An Ecuadorian court ruled against the Kazakh mining firm.", "Ecuadorian", "ECU"),
    ("An Ecuadorian court ruled against the Kazakh mining firm.", "Kazakh", "KAZ"),
    ("Azeri troops and Slovenian observers were deployed along the line.", "Azeri", "AZE"),
    ("Azeri troops and Slovenian observers were deployed along the line.", "Slovenian", "SVN"),
])
def test_a_country_demonym_names_its_country(text: str, word: str, country: str) -> None:
    (place,) = resolve_spans(text, [_span(text, word)])
    assert (place["country"], place["kind"]) == (country, "demonym")


def test_country_demonyms_are_found_in_running_text() -> None:
    from analysis.extract.pipeline import find_places

    places = find_places("Kazakh and Uzbek diplomats said Nepali workers had left; Swedes stayed on.")
    assert set(places["country"]) == {"KAZ", "UZB", "NPL", "SWE"}


@pytest.mark.parametrize(("text", "word"), [
    ("T&T's foreign minister flew to Caracas for talks on the gas field.", "T&T"),
    ("Officials in Port of Spain said T&T would back the resolution.", "T&T"),
    ("The ministry in Trinidad sent new instructions to its mission in Washington.", "Trinidad"),
    ("Steel bands from Trinidad toured Europe and Japan last year.", "Trinidad"),
])
def test_trinidad_and_its_abbreviation_name_trinidad_and_tobago(text: str, word: str) -> None:
    (place,) = resolve_spans(text, [_span(text, word)])
    assert place["country"] == "TTO"


def test_a_town_named_trinidad_keeps_its_qualifier() -> None:
    text = "The cattle market in Trinidad, Bolivia, reopened after the floods."
    (place,) = resolve_spans(text, [_span(text, "Trinidad")])
    assert place["country"] == "BOL"


@pytest.mark.parametrize(("text", "word"), [
    ("Aid convoys reached Eastern Ghouta after the siege near Damascus.", "Eastern Ghouta"),
    ("Families fled Western Bahr el Ghazal as fighting spread, officials in Juba said.", "Western Bahr el Ghazal"),
    ("Shelling hit Northern Raqqa overnight, monitors in Syria said.", "Northern Raqqa"),
])
def test_a_compass_word_alone_inside_a_name_does_not_place_it(text: str, word: str) -> None:
    (place,) = resolve_spans(text, [_span(text, word)])
    assert place["name"] not in ("Eastern", "Western", "Northern")


@pytest.mark.parametrize(("text", "word", "seat"), [
    ("The OAS voted on Friday to suspend the mission.", "OAS", "Washington"),
    ("Xinhua reported that floodwaters had reached the city walls.", "Xinhua", "Beijing"),
    ("TASS quoted an aide as saying the talks would resume.", "TASS", "Moscow"),
])
def test_an_institution_that_only_small_towns_share_stands_in_its_seat(text: str, word: str, seat: str) -> None:
    (place,) = resolve_spans(text, [_span(text, word)])
    assert (place["name"], place["kind"]) == (seat, "institution")


@pytest.mark.parametrize(("text", "word"), [
    ("The storm cut power in Tass overnight, the county said.", "Tass"),
    ("Farmers near Efe said the river had burst its banks.", "Efe"),
    ("The mayor of Dawn, Texas, closed the road.", "Dawn"),
])
def test_a_town_the_text_places_keeps_its_name_beside_an_institution(text: str, word: str) -> None:
    (place,) = resolve_spans(text, [_span(text, word)])
    assert place["kind"] != "institution"


@pytest.mark.parametrize(("text", "name", "home"), [
    ("Mayors of Shreveport and Monroe, Louisiana, joined the parade. A visitor from Elkader said the Quintaro "
     "Chapel was full.", "Quintaro Chapel", {"Shreveport", "Monroe"}),
    ("Voters in Bendigo, Ballarat and Geelong, Victoria, were counted. A farmer from Dubbo said the Marrowind "
     "Hall was packed.", "Marrowind Hall", {"Bendigo", "Ballarat", "Geelong"}),
    ("Crowds gathered in Munich, Augsburg and Nuremberg on Saturday. A pensioner from Gouda said the Lindqvist "
     "Hall was full.", "Lindqvist Hall", {"Munich", "Augsburg", "Nuremberg"}),
])
def test_a_building_stands_in_the_articles_home_state_not_a_small_town_alone_elsewhere(
        text: str, name: str, home: set[str]) -> None:
    (place,) = resolve_spans(text, [_span(text, name)])
    assert place["name"] in home and place["kind"] == "facility"


@pytest.mark.parametrize(("text", "name", "home"), [
    ("Families in Manassas, Centreville and Gainesville, Va., compare schools. Buckland Elementary opened a wing.",
     "Buckland Elementary", {"Manassas", "Centreville", "Gainesville"}),
    ("Police in Shreveport and Monroe, Louisiana, said the Elysian Fields Lodge was closed.", "Elysian Fields Lodge",
     {"Shreveport", "Monroe"}),
    ("In Albany, Buffalo and Syracuse, New York, teachers met at the Carnegie Library on Tuesday.", "Carnegie Library",
     {"Albany", "Buffalo", "Syracuse", "New York City"}),
])
def test_a_small_town_leading_a_buildings_name_in_another_state_is_not_where_it_stands(
        text: str, name: str, home: set[str]) -> None:
    (place,) = resolve_spans(text, [_span(text, name)])
    assert place["name"] in home and place["kind"] == "facility"


def test_a_small_town_the_article_names_keeps_the_building_named_after_it() -> None:
    text = ("Mayors of Shreveport and Monroe, Louisiana, met. The school in Elkader, Iowa, is small; the Elkader "
            "Opera House reopened.")
    (place,) = resolve_spans(text, [_span(text, "Elkader Opera House")])
    assert place["name"] == "Elkader"


@pytest.mark.parametrize(("text", "name", "home"), [
    ("Officials in Shreveport, Monroe and Alexandria, Louisiana, praised the crews. The parade rolled down Bourbon "
     "toward the river.", "Bourbon", {"Shreveport", "Monroe", "Alexandria"}),
    ("Homes in Manassas, Centreville and Gainesville, Va., sell fast. The Shops at Stonewall offer groceries.",
     "Stonewall", {"Manassas", "Centreville", "Gainesville"}),
    ("Crowds in Bendigo, Ballarat and Geelong, Victoria, cheered as the parade turned into Mudgee at noon.", "Mudgee",
     {"Bendigo", "Ballarat", "Geelong"}),
])
def test_a_bare_small_town_of_another_state_is_a_local_place_of_the_articles_home(
        text: str, name: str, home: set[str]) -> None:
    (place,) = resolve_spans(text, [_span(text, name)])
    assert place["name"] in home and place["kind"] in ("facility", "street")


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Officials in Shreveport, Monroe and Alexandria, Louisiana, met. A truck was later found in Elkader, Iowa.",
     "Elkader", "USA"),
    ("Crowds gathered in Munich, Augsburg and Nuremberg on Saturday. A pensioner from Gouda said the hall was full.",
     "Gouda", "NLD"),
    ("Officials in Shreveport, Monroe and Alexandria, Louisiana, met. Elkader, Iowa, sent a truck.", "Elkader", "USA"),
])
def test_a_qualified_or_foreign_small_town_stays_itself(text: str, name: str, country: str) -> None:
    (place,) = resolve_spans(text, [_span(text, name)])
    assert (place["name"], place["country"], place["kind"]) == (name, country, "city")


@pytest.mark.parametrize(("text", "word", "name", "country"), [
    ("Police were called to a house in the English city of Salisbury on Sunday.", "English", "England", "GBR"),
    ("Crowds in the small Welsh town of Tenby welcomed the ferry.", "Welsh", "Wales", "GBR"),
    ("Floods cut off the Victorian town of Bendigo overnight, officials said.", "Victorian", "Victoria", "AUS"),
    ("Two Cornish villages were evacuated after the storm.", "Cornish", "Cornwall", "GBR"),
])
def test_a_division_adjective_before_a_town_noun_names_the_division(text: str, word: str, name: str,
                                                                   country: str) -> None:
    (place,) = resolve_spans(text, [_span(text, word)])
    assert (place["name"], place["country"]) == (name, country)


def test_place_adjectives_name_divisions_of_the_gazetteer() -> None:
    from analysis.extract.anchors import place_adjectives
    from analysis.extract.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    for gid in place_adjectives().values():
        assert (gaz.gid == gid).sum() == 1


def test_a_well_known_city_of_another_state_still_anchors_a_building_in_its_sentence() -> None:
    text = ("Officials in Shreveport, Monroe and Alexandria, Louisiana, met. A fan from Dallas said the Quintaro "
            "Chapel was full.")
    (place,) = resolve_spans(text, [_span(text, "Quintaro Chapel")])
    assert place["name"] == "Dallas"
