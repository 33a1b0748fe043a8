"""Reading tables and corpus aggregates (analysis.aggregate); its figures are tested in test_corpus_plot."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pandas as pd
import pytest
from corpus_samples import BOUNDARIES, COUNTRIES, sample_corpus

from analysis import aggregate, corpus_plot
from analysis.errors import InputError
from analysis.frames import read_records

RECORDS = Path(__file__).parent / "data" / "records_sample.jsonl"
@pytest.fixture()
def corpus() -> list[dict]:
    return sample_corpus()


# --- inputs ------------------------------------------------------------------------------------

def test_dates_and_countries() -> None:
    assert aggregate.parse_day("") is None and aggregate.parse_day(None) is None
    assert aggregate.parse_day("2023-09-01") == pd.Timestamp("2023-09-01")
    with pytest.raises(InputError, match="start date"):
        aggregate.parse_day("2023-02-30", field="start date")
    with pytest.raises(InputError, match="after end date"):
        aggregate.date_range("2023-10-01", "2023-09-01")
    assert aggregate.date_range("", "2023-09-01") == (None, pd.Timestamp("2023-09-01"))
    assert aggregate.parse_countries("prk, RUS;PRK", countries=COUNTRIES) == ("PRK", "RUS")
    assert aggregate.parse_countries(["usa"], countries=COUNTRIES) == ("USA",)
    assert aggregate.parse_countries("", countries=COUNTRIES) == ()
    for bad in ("RUSS", "XXX", "R1S"):
        with pytest.raises(InputError, match="focus countries"):
            aggregate.parse_countries(bad, countries=COUNTRIES)


def test_filter_records_by_date_and_focus(corpus: list[dict]) -> None:
    before = copy.deepcopy(corpus)
    dated = aggregate.filter_records(corpus, start="2023-09-05", end="2023-09-30")
    assert [r["id"] for r in dated] == ["a2", "a3"]  # a4 has no date, a1 is too early
    assert len(dated[1]["events"]) == 2  # the event dated 2020 is outside the range
    focus = aggregate.filter_records(corpus, countries=["PRK"])
    assert [r["id"] for r in focus] == ["a3"]
    pairs = [(e["source"], e["target"]) for e in focus[0]["events"]]
    assert pairs == [("PRKGOV", "RUSGOV"), ("USAGOV", "PRK")]
    assert [r["id"] for r in aggregate.filter_records(corpus)] == ["a1", "a2", "a3", "a4"]
    assert corpus == before  # the input records are not changed
    assert aggregate.record_countries(corpus[0]) == {"RUS", "UKR"}


def test_load_records_reads_extraction_output_and_extracts_articles(tmp_path: Path,
                                                                    corpus: list[dict]) -> None:
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in corpus), encoding="utf-8")
    articles = tmp_path / "articles.jsonl"
    article = {"id": "x", "date": "2023-09-11", "text": "Kim left Pyongyang for Vladivostok."}
    articles.write_text(json.dumps(article) + "\n{broken\n", encoding="utf-8")
    problems: list[InputError] = []
    loaded = aggregate.load_records([records, articles], on_error=problems.append)
    assert [r["id"] for r in loaded] == ["a1", "a2", "a3", "a4", "x"]
    assert {p["name"] for p in loaded[-1]["places"]} >= {"Pyongyang", "Vladivostok"}
    assert len(problems) == 1 and "articles.jsonl:2" in str(problems[0])
    with pytest.raises(InputError):
        aggregate.load_records(articles)


# --- one article ---------------------------------------------------------------------------------

def test_article_summary_and_tables() -> None:
    records = read_records(RECORDS)
    summary = aggregate.article_summary(records[0])
    assert summary.loc["Article", "value"] == "2023-09-11-kim-putin-summit"
    assert summary.loc["Title", "value"] == "Kim Jong Un to meet Putin in Russia"
    assert "URL" not in summary.index  # unknown fields are left out
    assert summary.loc["Events", "value"].startswith("5")
    several = aggregate.article_summary(records)
    assert several.loc["Articles", "value"] == "2"
    assert several.loc["Dates", "value"] == "2023-08-10 to 2023-09-11"

    places = aggregate.places_table(records[0])
    assert list(places.columns) == ["place", "kind", "country", "lat", "lon", "mentions", "articles",
                                    "as written", "metonymic"]
    assert places["mentions"].is_monotonic_decreasing
    assert places["mentions"].sum() == len(records[0]["places"])
    korea = places[places["place"] == "North Korea"].iloc[0]
    assert korea["country"] == "PRK" and "North Korean" in korea["as written"]

    events = aggregate.events_table(records[0])
    assert len(events) == 5 and "article" not in events.columns
    assert {"modality", "attribution", "evidence", "negated"} <= set(events.columns)
    assert events["event"].str.startswith("036 Express intent to meet").any()
    assert events["date"].tolist()[0] == "2022-02"  # month precision, earliest first
    assert "article" in aggregate.events_table(records).columns


# --- countries -----------------------------------------------------------------------------------

def test_country_mentions(corpus: list[dict]) -> None:
    table = aggregate.country_mentions(corpus, countries=COUNTRIES).set_index("iso3")
    assert table.loc["RUS", "articles"] == 3 and table.loc["RUS", "mentions"] == 4
    assert table.loc["RUS", "actor_mentions"] == 1
    assert table.loc["UKR", "events"] == 3  # the negated UKR -> RUS event is not counted
    assert table.loc["USA", "country"] == "United States"
    assert table.index[0] == "RUS"
    frame = aggregate.country_mentions_frame(corpus, boundaries=BOUNDARIES, countries=COUNTRIES)
    assert len(frame) == len(BOUNDARIES) and frame.crs == "EPSG:4326"
    assert int(frame.set_index("iso3").loc["CHN", "articles"]) == 1


# --- dyads ---------------------------------------------------------------------------------------

def test_dyad_table(corpus: list[dict]) -> None:
    table = aggregate.dyad_table(corpus).set_index("dyad")
    ukr = table.loc["RUS – UKR"]
    assert (ukr["events"], ukr["cooperation"], ukr["conflict"], ukr["balance"]) == (3, 0, 3, -1.0)
    chn = table.loc["CHN – RUS"]
    assert (chn["events"], chn["balance"], chn["goldstein"]) == (2, 1.0, 5.5)
    assert table.loc["PRK – RUS", "uncertain"] == 1
    assert table.index[0] == "RUS – UKR"  # most events first
    directed = aggregate.dyad_table(corpus, directed=True).set_index("dyad")
    assert {"RUS → UKR", "UKR → RUS"} <= set(directed.index)
    actors = aggregate.dyad_table(corpus, level="actor").set_index("dyad")
    assert "RUSMIL – UKR" in actors.index and "RUSGOV – UKRGOV" in actors.index
    with_negated = aggregate.dyad_table(corpus, include_negated=True).set_index("dyad")
    assert with_negated.loc["RUS – UKR", "events"] == 4
    assert aggregate.dyad_table([]).empty
    with pytest.raises(InputError, match="dyad level"):
        aggregate.dyad_table(corpus, level="city")  # type: ignore[arg-type]


def test_dyad_series(corpus: list[dict]) -> None:
    series = aggregate.dyad_series(corpus, dyads=2, start="2023-09-01", end="2023-09-30")
    assert list(series.columns) == ["dyad", "period", "events", "cooperation", "conflict", "net", "goldstein"]
    assert list(dict.fromkeys(series["dyad"])) == ["CHN – RUS", "RUS – UKR"]  # 2 events each: by name
    assert series["period"].min() == pd.Timestamp("2023-09-01")  # daily periods over the whole range
    assert series["period"].max() == pd.Timestamp("2023-09-30")
    assert len(series) == 2 * 30
    ukr = series[series["dyad"] == "RUS – UKR"]
    assert ukr["conflict"].sum() == 2  # the event of 2020 is outside the range
    assert (series["net"] == series["cooperation"] - series["conflict"]).all()
    weekly = aggregate.dyad_series(corpus, dyads=["PRK – RUS"], freq="W")
    assert weekly["dyad"].unique().tolist() == ["PRK – RUS"] and weekly["cooperation"].sum() == 1
    monthly = aggregate.dyad_series(corpus, dyads=1)  # 2020 to 2023: months
    assert (monthly["period"].dt.day == 1).all() and len(monthly) == 45
    assert aggregate.dyad_series(corpus, dyads=["XXX – YYY"]).empty
    with pytest.raises(InputError, match="freq"):
        aggregate.dyad_series(corpus, freq="fortnight")


def test_describe_selection(corpus: list[dict]) -> None:
    text = aggregate.describe_selection(corpus[:2], total=4, start="2023-09-01", end="", countries=("RUS",))
    assert text == "2 articles of 4, from 2023-09-01, involving RUS"
    assert aggregate.describe_selection(corpus[:1]) == "1 article, dated 2023-09-01 to 2023-09-01"


# --- figures, moved to analysis.corpus_plot ------------------------------------------------------

def test_figures_are_still_importable_from_here() -> None:
    from analysis.aggregate import plot_country_mentions

    assert plot_country_mentions is corpus_plot.plot_country_mentions
    for name in ("COOPERATION", "CONFLICT", "count_classes", "plot_dyad_balance", "top_actors",
                 "plot_actor_network"):
        assert getattr(aggregate, name) is getattr(corpus_plot, name)
    with pytest.raises(AttributeError, match="no attribute 'plot_nothing'"):
        aggregate.plot_nothing  # noqa: B018
