"""Reading tables and corpus aggregates (analysis.corpus.aggregate); selecting records is tested in test_selection,
the figures in test_corpus_plot."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from corpus_samples import BOUNDARIES, COUNTRIES, sample_corpus

from analysis.corpus import aggregate
from analysis.errors import InputError
from analysis.figures import corpus as corpus_plot
from analysis.io.records import read_records

RECORDS = Path(__file__).parent / "data" / "records_sample.jsonl"
@pytest.fixture()
def corpus() -> list[dict]:
    return sample_corpus()


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
    # the first pairs of dyad_table (all events, dated or not), in its order: chart and table agree
    assert list(dict.fromkeys(series["dyad"])) == ["RUS – UKR", "CHN – RUS"]
    assert list(dict.fromkeys(series["dyad"])) == aggregate.dyad_table(corpus)["dyad"].head(2).tolist()
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



def test_domestic_events_are_apart_from_relations() -> None:
    record = {"id": "a", "date": "2023-09-11", "events": [
        {"source": "AUSGOV", "source_country": "AUS", "target": "AUSCVL", "target_country": "AUS", "quad_class": 4},
        {"source": "AUSGOV", "source_country": "AUS", "target": "NZLGOV", "target_country": "NZL", "quad_class": 1},
    ]}
    assert aggregate.dyad_table([record])["dyad"].tolist() == ["AUS – NZL"]
    assert aggregate.dyad_table([record], domestic=True)["dyad"].tolist() == ["AUS – AUS"]
    assert len(aggregate.dyad_table([record], domestic=None)) == 2
    assert aggregate.dyad_series([record], dyads=5)["dyad"].unique().tolist() == ["AUS – NZL"]


def test_the_dating_note_says_when_dates_come_from_the_texts() -> None:
    assert aggregate.dating_note([{"id": "a", "date": "2023-09-11"}]) == ""
    assert "None of the 2 articles is dated" in aggregate.dating_note([{"id": "a"}, {"id": "b"}])
    assert aggregate.dating_note([{"id": "a", "date": "2023-09-11"}, {"id": "b"}]).startswith("1 of 2 articles")


def test_dyad_series_covers_the_bulk_of_the_events_and_counts_the_rest() -> None:
    # a day of GDELT-like news with two events dated a year before: the periods are the days of the news
    def record(i: int, date: str) -> dict:
        return {"id": f"a{i}", "date": "2019-10-24", "events": [
            {"source": "USA", "source_country": "USA", "target": "CHN", "target_country": "CHN", "date": date,
             "date_precision": "day", "quad_class": 1}]}
    records = [record(i, "2019-10-24") for i in range(40)] + [record(90, "2018-10-01"), record(91, "2018-11-05")]
    series = aggregate.dyad_series(records, dyads=1)
    assert series["period"].min() >= pd.Timestamp("2019-10-20") and series["events"].sum() == 40
    assert series.attrs["outside"] == 2
    # asked for a range, every event in it counts
    whole = aggregate.dyad_series(records, dyads=1, start="2018-01-01", end="2019-12-31")
    assert whole["events"].sum() == 42 and whole.attrs["outside"] == 0


def test_dyad_series_counts_an_event_in_a_period_as_long_as_its_date() -> None:
    def record(i: int, date: str, precision: str) -> dict:
        return {"id": f"a{i}", "events": [{"source": "USA", "source_country": "USA", "target": "KEN",
                                           "target_country": "KEN", "date": date, "date_precision": precision,
                                           "quad_class": 1}]}
    # 'in 1999' alone: counted in 1999, not on 1 January
    alone = aggregate.dyad_series([record(0, "1999-01-01", "year")], dyads=1)
    assert list(alone["period"]) == [pd.Timestamp("1999-01-01")] and alone.attrs["coarse"] == 0
    assert alone.attrs["freq"] == "Y"  # and the chart draws one year, not one day
    assert "per year" in corpus_plot.plot_dyad_balance(alone).get_title(loc="left")
    # beside a week of daily news, a year is left out of the daily counts and said so
    days = [record(i, f"2023-09-{10 + i}", "day") for i in range(5)]
    mixed = aggregate.dyad_series([*days, record(9, "2023-01-01", "year")], dyads=1)
    assert mixed["events"].sum() == 5 and mixed.attrs["coarse"] == 1
