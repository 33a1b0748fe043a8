"""Selecting the records of a corpus (analysis.corpus.selection): reading, date range and focus countries."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pandas as pd
import pytest
from corpus_samples import COUNTRIES, sample_corpus

from analysis.corpus import selection
from analysis.errors import InputError


@pytest.fixture()
def corpus() -> list[dict]:
    return sample_corpus()


# --- parameters and inputs -----------------------------------------------------------------------

def test_dates_and_countries() -> None:
    assert selection.parse_day("") is None and selection.parse_day(None) is None
    assert selection.parse_day("2023-09-01") == pd.Timestamp("2023-09-01")
    with pytest.raises(InputError, match="start date"):
        selection.parse_day("2023-02-30", field="start date")
    with pytest.raises(InputError, match="after end date"):
        selection.date_range("2023-10-01", "2023-09-01")
    assert selection.date_range("", "2023-09-01") == (None, pd.Timestamp("2023-09-01"))
    assert selection.parse_countries("prk, RUS;PRK", countries=COUNTRIES) == ("PRK", "RUS")
    assert selection.parse_countries(["usa"], countries=COUNTRIES) == ("USA",)
    assert selection.parse_countries("", countries=COUNTRIES) == ()
    for bad in ("RUSS", "XXX", "R1S"):
        with pytest.raises(InputError, match="focus countries"):
            selection.parse_countries(bad, countries=COUNTRIES)


def test_load_records_reads_extraction_output_and_extracts_articles(tmp_path: Path,
                                                                    corpus: list[dict]) -> None:
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in corpus), encoding="utf-8")
    articles = tmp_path / "articles.jsonl"
    article = {"id": "x", "date": "2023-09-11", "text": "Kim left Pyongyang for Vladivostok."}
    articles.write_text(json.dumps(article) + "\n{broken\n", encoding="utf-8")
    problems: list[InputError] = []
    loaded = selection.load_records([records, articles], on_error=problems.append)
    assert [r["id"] for r in loaded] == ["a1", "a2", "a3", "a4", "x"]
    assert {p["name"] for p in loaded[-1]["places"]} >= {"Pyongyang", "Vladivostok"}
    assert len(problems) == 1 and "articles.jsonl:2" in str(problems[0])
    with pytest.raises(InputError):
        selection.load_records(articles)


# --- narrowing -----------------------------------------------------------------------------------

def test_filter_records_by_date_and_focus(corpus: list[dict]) -> None:
    before = copy.deepcopy(corpus)
    dated = selection.filter_records(corpus, start="2023-09-05", end="2023-09-30")
    assert [r["id"] for r in dated] == ["a2", "a3"]  # a4 has no date, a1 is too early
    assert len(dated[1]["events"]) == 2  # the event dated 2020 is outside the range
    focus = selection.filter_records(corpus, countries=["PRK"])
    assert [r["id"] for r in focus] == ["a3"]
    pairs = [(e["source"], e["target"]) for e in focus[0]["events"]]
    assert pairs == [("PRKGOV", "RUSGOV"), ("USAGOV", "PRK")]
    assert [r["id"] for r in selection.filter_records(corpus)] == ["a1", "a2", "a3", "a4"]
    assert corpus == before  # the input records are not changed
    assert selection.record_countries(corpus[0]) == {"RUS", "UKR"}


def test_event_day_falls_back_to_the_article_date() -> None:
    record = {"id": "a", "date": "2023-09-01"}
    assert selection.event_day({"date": "2020-02-24"}, record) == pd.Timestamp("2020-02-24")
    assert selection.event_day({}, record) == pd.Timestamp("2023-09-01")
    assert selection.event_day({"date": "someday"}, {}) is None and selection.event_day({}, {}) is None


# --- describing ----------------------------------------------------------------------------------

def test_describe_selection(corpus: list[dict]) -> None:
    text = selection.describe_selection(corpus[:2], total=4, start="2023-09-01", end="", countries=("RUS",))
    assert text == "2 articles of 4, from 2023-09-01, involving RUS"
    assert selection.describe_selection(corpus[:1]) == "1 article, dated 2023-09-01 to 2023-09-01"
