"""Places of one name: the article's own states, counties and nearby places decide, and a great capital keeps
its name against a far namesake in a country the article merely visits."""

from __future__ import annotations

import pytest

from analysis.extract.pipeline import find_places


def _where(text: str, word: str) -> tuple[str, str]:
    places = find_places(text)
    row = places[places["text"] == word].iloc[0]
    return row["country"], row["kind"]


@pytest.mark.parametrize(("text", "word", "country"), [
    ("She flew from Houston to Paris on Tuesday for the fashion week.", "Paris", "FRA"),
    ("After a layover in Denver, the band played London on Friday.", "London", "GBR"),
    ("Investors from Chicago opened an office in Athens last spring.", "Athens", "GRC"),
    ("The Atlanta firm sent engineers to Lima to fix the water plant.", "Lima", "PER"),
])
def test_a_great_capital_is_meant_when_only_a_far_place_of_its_namesakes_country_is_named(
        text: str, word: str, country: str) -> None:
    assert _where(text, word)[0] == country


@pytest.mark.parametrize(("text", "word"), [
    ("The Paris City Council met Tuesday; Lamar County deputies and Texas troopers attended.", "Paris"),
    ("Residents of Athens and Clarke County, Georgia, lined up for the vaccine.", "Athens"),
    ("Schools in Dublin, Ohio, closed early; Columbus schools stayed open.", "Dublin"),
    ("Flooding closed roads in London and Corbin, Ky., on Monday.", "London"),
])
def test_the_namesake_stands_where_its_state_or_its_neighbours_are_named(text: str, word: str) -> None:
    assert _where(text, word)[0] == "USA"


@pytest.mark.parametrize(("text", "word", "country"), [
    ("The Cardinals beat the Cubs in St. Louis on Sunday.", "St. Louis", "USA"),
    ("Fishermen in Saint-Louis said the sea had swallowed their homes, Senegal's ministry said.", "Saint-Louis",
     "SEN"),
    ("Flooding hit St. Louis and Dakar, Senegal's capital, after a week of rain.", "St. Louis", "SEN"),
])
def test_the_written_form_and_the_country_named_choose_between_saint_louis(
        text: str, word: str, country: str) -> None:
    assert _where(text, word)[0] == country


@pytest.mark.parametrize(("text", "word"), [
    ("Labour held Cambridge and Manchester, while the Conservatives gained seats across England.", "Cambridge"),
    ("Students in Cambridge protested tuition fees, the BBC reported; police in Leeds made arrests.", "Cambridge"),
    ("Rail strikes hit Manchester and Birmingham, the RMT union said.", "Manchester"),
])
def test_english_towns_in_a_british_article_are_english(text: str, word: str) -> None:
    assert _where(text, word)[0] == "GBR"


@pytest.mark.parametrize(("text", "word", "country"), [
    ("Ethiopian forces clashed with Somali militia near Dolo on Sunday.", "Somali", "SOM"),
    ("Officials in Addis Ababa said the Somali President would arrive on Friday.", "Somali", "SOM"),
    ("Somali troops, backed by Ethiopian soldiers, retook the port.", "Somali", "SOM"),
    ("Drought has hit Ethiopia's Somali region hardest, officials in Jijiga said.", "Somali", "ETH"),
])
def test_a_peoples_word_before_a_noun_is_its_country_not_a_division_of_that_name(
        text: str, word: str, country: str) -> None:
    assert _where(text, word)[0] == country


@pytest.mark.parametrize(("text", "word", "country"), [
    ("Reporters in Guatemala City said Guatemala had closed its border with Honduras.", "Guatemala", "GTM"),
    ("Ships left Panama City as Panama raised canal fees.", "Panama", "PAN"),
    ("Migrants rested in Mexico City before crossing Mexico by bus toward the border.", "Mexico", "MEX"),
    ("From Kuwait City, officials said Kuwait would cut output.", "Kuwait", "KWT"),
])
def test_a_country_named_after_its_capital_is_not_pulled_into_the_capital_named_beside_it(
        text: str, word: str, country: str) -> None:
    from analysis.extract.geocode import resolve_spans

    spans = [(text.index(f"{word} City"), text.index(f"{word} City") + len(word) + 5)]
    alone = text.index(f" {word} ", spans[0][1]) + 1
    spans.append((alone, alone + len(word)))
    city, place = resolve_spans(text, spans)
    assert place["kind"] != "capital" and place["country"] == country
    assert city["kind"] == "capital"


@pytest.mark.parametrize("text", [
    "Pro-Moscow separatists in Donetsk shelled the town overnight.",
    "Fighting raged near Donetsk, where pro-Moscow forces hold the airport.",
    "Moscow-backed fighters shelled Donetsk again on Sunday.",
    "Pro-Russian rebels seized the council building in Donetsk.",
])
def test_a_side_named_by_its_backer_sets_no_country_for_the_places(text: str) -> None:
    places = find_places(text)
    assert places.loc[places["text"] == "Donetsk", "country"].tolist() == ["UKR"]
    assert places.loc[places["text"].isin(["Moscow", "Russian"]), "country"].tolist() == ["RUS"]


@pytest.mark.parametrize(("text", "word", "side"), [
    ("pro-Moscow rebels", "Moscow", True),
    ("Iran-backed militias", "Iran", True),
    ("anti-Kyiv protesters", "Kyiv", True),
    ("a Moscow-based company", "Moscow", False),
    ("the Moscow metro", "Moscow", False),
])
def test_allegiance_words_are_told_from_places(text: str, word: str, side: bool) -> None:
    from analysis.extract._candidate_evidence import allegiance

    start = text.index(word)
    assert allegiance(text, start, start + len(word)) is side
