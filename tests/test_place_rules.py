"""Words a gazetteer knows as places that news writes as something else (analysis/data/not_place_words.tsv),
and people named in full."""

from __future__ import annotations

import pytest

from analysis.extract.pipeline import find_places


def _texts(text: str) -> list[str]:
    return find_places(text)["text"].tolist()


@pytest.mark.parametrize(("text", "word"), [
    ("Arab leaders met in Cairo on Monday to discuss the blockade.", "Arab"),
    ("Western officials said the talks in Vienna had stalled.", "Western"),
    ("Eastern provinces of Congo were flooded, aid workers said.", "Eastern"),
    ("A vaccination drive across 19 West and Central African countries begins in May.", "West"),
    ("Northern farmers blocked roads near Lyon.", "Northern"),
    ("Most Arab states backed the resolution, diplomats in New York said.", "Arab"),
])
def test_a_lone_compass_or_people_word_is_no_place(text: str, word: str) -> None:
    assert word not in _texts(text)


@pytest.mark.parametrize(("text", "word"), [
    ("He grew up in Arab, Ala., before moving to Mobile.", "Arab"),
    ("Settlers in the West Bank protested on Friday.", "West Bank"),
    ("Floods hit the Western Cape after days of rain.", "Western Cape"),
])
def test_a_qualified_or_longer_name_stays_a_place(text: str, word: str) -> None:
    assert word in _texts(text)


@pytest.mark.parametrize("text", [
    "El Niño brought heavy rain to Peru and Ecuador this winter.",
    "Forecasters say a strong El Nino could weaken the Atlantic hurricane season.",
    "La Niña conditions are expected to return by autumn, the agency in Tokyo said.",
])
def test_ocean_phenomena_are_no_towns(text: str) -> None:
    assert not {"El Niño", "El Nino", "La Niña"} & set(_texts(text))


@pytest.mark.parametrize(("text", "word"), [
    ("Acme Holdings NV said profits rose in the third quarter.", "NV"),
    ("Shares of Siemens AG fell after the warning from Munich.", "AG"),
    ("The deal values Brightwater Pty at $40 million, sources in Sydney said.", "Pty"),
])
def test_a_company_legal_form_is_no_state(text: str, word: str) -> None:
    start = text.index(word)
    places = find_places(text)
    assert not ((places["start"] <= start) & (places["end"] > start)).any()


@pytest.mark.parametrize(("text", "word"), [
    ("The casino opened in Reno, NV, last year.", "NV"),
    ("In NV, voters backed the measure by a wide margin.", "NV"),
])
def test_the_state_abbreviation_stays_a_place_where_it_names_one(text: str, word: str) -> None:
    assert word in _texts(text)


@pytest.mark.parametrize(("text", "word"), [
    ("Andrew Ferrara runs the bakery on Main Street. Ferrara said sales fell in March.", "Ferrara"),
    ("Ferrara said sales fell, according to Andrew Ferrara's brother.", "Ferrara"),
    ("Judge Helen Kenton heard the case. Kenton ruled that the lease was void.", "Kenton"),
    ("Officers arrested Paul Vernon, 41, on Friday. Vernon told reporters he was innocent.", "Vernon"),
])
def test_a_person_named_in_full_is_that_person_in_the_whole_text(text: str, word: str) -> None:
    assert word not in _texts(text)


@pytest.mark.parametrize(("text", "word"), [
    ("Mark Houston spoke first. Later that day he flew to Houston.", "Houston"),
    ("Lucy Dayton chairs the board, which meets in Dayton, Ohio.", "Dayton"),
    ("Police in Kenton said Martha Kenton, 62, had been found safe.", "Kenton"),
])
def test_a_place_the_text_names_as_one_stays_a_place_beside_a_namesake_person(text: str, word: str) -> None:
    assert word in _texts(text)


@pytest.mark.parametrize(("text", "word"), [
    ("Her beagle, Lucca, ran off during the storm on Sunday.", "Lucca"),
    ("The couple adopted a terrier named Verona from the shelter.", "Verona"),
    ("His mare Savannah finished third at the county fair.", "Savannah"),
    ("Neighbours say the cat, Bergamo, sleeps on their porch every afternoon.", "Bergamo"),
    ("A retriever called Odessa found the missing hiker near the ridge.", "Odessa"),
])
def test_a_pet_or_horse_named_like_a_town_is_no_place(text: str, word: str) -> None:
    assert word not in _texts(text)


@pytest.mark.parametrize(("text", "word"), [
    ("She rode her horse to Dayton for the parade.", "Dayton"),
    ("Dogs rescued from Aleppo were flown to Toronto.", "Aleppo"),
    ("The pet shop in Lucca reopened after the flood.", "Lucca"),
])
def test_a_place_near_an_animal_word_stays_a_place(text: str, word: str) -> None:
    assert word in _texts(text)


def test_an_animal_word_in_a_compound_leaves_the_name_after_it() -> None:
    assert "American" in _texts("The colt beat a five-horse American challenge at Meydan on Saturday.")


@pytest.mark.parametrize(("text", "word"), [
    ("President Dos Santos met the envoy in Luanda on Monday.", "Santos"),
    ("Prime Minister Abdul Karim Lima arrived in Kabul for the talks.", "Lima"),
    ("Police in Trenton said Governor John Jackson was unhurt.", "Jackson"),
    ("Vice President Hassan Salim Mosul told reporters in Baghdad the vote would go ahead.", "Mosul"),
    ("Mayor Rosa Delgado Santa Fe thanked the volunteers.", "Santa Fe"),
])
def test_a_name_after_a_title_and_other_name_words_is_a_person(text: str, word: str) -> None:
    assert word not in _texts(text)


@pytest.mark.parametrize(("text", "word"), [
    ("The General Motors Detroit plant will close in June.", "Detroit"),
    ("President Obama flew from Washington to Chicago on Friday.", "Chicago"),
    ("After meeting President Xi, the delegation flew on to Shanghai.", "Shanghai"),
])
def test_a_place_after_a_titled_name_or_an_organisation_stays_a_place(text: str, word: str) -> None:
    assert word in _texts(text)


@pytest.mark.parametrize(("text", "word"), [
    ("The walls were built around 500 BC and rebuilt in AD 70.", "BC"),
    ("Coins from 44 BC were found near the old harbour.", "BC"),
    ("The settlement dates to 3000 BCE, archaeologists in Athens said.", "BCE"),
    ("Pottery from 1200 B.C. lay under the floor of the temple.", "B.C."),
])
def test_an_era_after_a_year_is_no_place(text: str, word: str) -> None:
    assert word not in _texts(text)


@pytest.mark.parametrize(("text", "word", "name"), [
    ("Wildfires forced thousands from their homes in Kelowna, BC, on Friday.", "BC", "British Columbia"),
    ("BC Premier David Eby said the province would fund new housing.", "BC", "British Columbia"),
    ("Ferries between Vancouver Island and the BC mainland were cancelled.", "BC", "British Columbia"),
])
def test_bc_names_british_columbia(text: str, word: str, name: str) -> None:
    places = find_places(text)
    assert name in places.loc[places["text"] == word, "name"].tolist()
