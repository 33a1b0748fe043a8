"""Recognition: which spans of a text are places (tests/data/should_match.tsv, should_not_match.tsv)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.extract.pipeline import find_places

DATA = Path(__file__).parent / "data"
SHOULD = pd.read_csv(DATA / "should_match.tsv", sep="\t", comment="#", keep_default_na=False)
SHOULD_NOT = pd.read_csv(DATA / "should_not_match.tsv", sep="\t", comment="#", keep_default_na=False)


@pytest.mark.parametrize(("text", "word", "country"), list(SHOULD.itertuples(index=False, name=None)))
def test_should_match(text: str, word: str, country: str) -> None:
    places = find_places(text)
    hit = places[places["text"] == word]
    if hit.empty:  # a place inside a building's name ('Kanawha Circuit Court') is where the building stands
        hit = places[places["kind"].isin(["facility", "street", "water", "region"])
                     & places["text"].str.contains(word, regex=False)]
    assert len(hit) == 1, f"{word!r} not found in {places['text'].tolist()}"
    assert (hit["country"].iloc[0] or "") == country
    row = hit.iloc[0]
    assert word in text[row["start"]:row["end"]]


@pytest.mark.parametrize(("text", "word"), list(SHOULD_NOT.itertuples(index=False, name=None)))
def test_should_not_match(text: str, word: str) -> None:
    places = find_places(text)
    # a building, street or feature whose name holds the word is no place of that name ('Far Eastern Federal
    # University', 'California Street')
    places = places[~places["kind"].isin(["facility", "street", "water", "region"]) | (places["text"] == word)]
    spans = [(s, e) for s, e in zip(places["start"], places["end"], strict=True)]
    start = text.index(word)
    assert not any(s < start + len(word) and start < e for s, e in spans), places[["text", "name"]].to_dict("records")


def test_possessive_is_left_out_of_the_span() -> None:
    places = find_places("Russia's invasion of Ukraine.")
    assert places["text"].tolist() == ["Russia", "Ukraine"]


def test_demonyms_are_country_mentions() -> None:
    places = find_places("A North Korean delegation met Russian officials and American diplomats.")
    assert places["kind"].tolist() == ["demonym", "demonym", "demonym"]
    assert places["country"].tolist() == ["PRK", "RUS", "USA"]


def test_metonymic_capitals_keep_their_coordinates() -> None:
    places = find_places("Pyongyang said it would respond. Washington warned of consequences.")
    assert places["metonymic"].tolist() == [True, True]
    assert places["lat"].notna().all()


def test_a_plain_capital_is_not_metonymic() -> None:
    places = find_places("Kim left Pyongyang for Vladivostok on Sunday.")
    assert not places["metonymic"].any()


def test_a_county_before_a_capitalised_word_is_still_a_place() -> None:
    # 'Laurel County Fiscal Court': a name ending on 'County' is no first name before a surname
    # (the court is a facility in the county)
    places = find_places("The audit blames the Laurel County Fiscal Court for lack of oversight.")
    assert places["text"].tolist() == ["Laurel County Fiscal Court"]
    assert places["name"].tolist() == ["Laurel County"]
    assert find_places("The 2008 Walker County Fair Queen spoke.")["text"].tolist() == ["Walker County"]


def test_a_kind_of_place_before_of_names_a_place() -> None:
    # 'Bali' and 'Mobile' are also English words; 'the island of', 'the city of' say they are places
    assert find_places("The summit was held on the island of Bali.")["country"].tolist() == ["IDN"]
    assert find_places("The city of Mobile was flooded.")["country"].tolist() == ["USA"]
    assert find_places("A company of Mobile workers.").empty


def test_a_capital_after_a_preposition_is_not_the_subject_of_the_verb() -> None:
    places = find_places("The mayor of Paris said the city was ready. Officials in Beijing reported no cases.")
    assert places["text"].tolist() == ["Paris", "Beijing"]
    assert not places["metonymic"].any()


def test_institution_used_for_a_government_is_a_metonymic_place() -> None:
    places = find_places("The Kremlin said the leaders would meet.")
    kremlin = places[places["text"] == "Kremlin"]
    assert len(kremlin) == 1 and bool(kremlin["metonymic"].iloc[0])
    assert kremlin["country"].iloc[0] == "RUS"
    assert abs(kremlin["lat"].iloc[0] - 55.75) < 0.5


def test_offsets_are_python_string_offsets() -> None:
    text = "Kim “will visit” Russia — and Vladivostok’s port — in the coming days."
    for row in find_places(text).itertuples():
        assert text[row.start:row.end] == row.text


def test_a_small_town_named_alone_needs_a_cue_somewhere_in_the_article() -> None:
    text = "Alexandria woman charged with arson. The woman, of Alexandria, was arrested on Tuesday."
    places = find_places(text)
    assert places["text"].tolist() == ["Alexandria", "Alexandria"]
    alone = find_places("Hailey woman charged with arson. The fire was set on Tuesday, Hailey said.")
    assert alone.empty


def test_a_capital_before_any_past_form_acts_but_not_in_a_compound() -> None:
    text = "Kyiv said Moscow had launched 40 drones. A Beijing-based firm and a Tehran-owned bank were named."
    places = find_places(text)
    flags = dict(zip(places["text"], places["metonymic"], strict=True))
    assert flags == {"Kyiv": True, "Moscow": True, "Beijing": False, "Tehran": False}


@pytest.mark.parametrize("text,name", [
    ("Adams said the plan would cut costs.", "Adams"),
    ("The vote was close, Adams said on Tuesday.", "Adams"),
    ("Adams says the budget is balanced.", "Adams"),
])
def test_speaker_with_alternate_name_only(text: str, name: str) -> None:
    assert name not in list(find_places(text)["text"])


@pytest.mark.parametrize("text", [
    "Leaders of West and Central African countries met on Friday.",
    "East and Central African states signed the trade deal.",
    "Troops from North and Central African nations joined the force.",
])
def test_paired_compass_words_name_no_country(text: str) -> None:
    assert "Central African" not in list(find_places(text)["text"])
