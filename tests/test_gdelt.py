"""GDELT 2.0 event files in and out (analysis.gdelt)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
import pytest

from analysis import gdelt
from analysis.errors import InputError
from analysis.frames import events_frame, relations_frame
from analysis.io.records import read_records
from analysis.network import actor_graph

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "gdelt_sample.export.CSV"
COUNTRIES = pd.DataFrame(
    [("PRK", 40.0, 127.0, 39.03385, 125.75432), ("RUS", 60.0, 100.0, 55.75222, 37.61556),
     ("USA", 39.76, -98.5, 38.89511, -77.03637), ("KOR", 36.5, 127.75, 37.566, 126.9784),
     ("JPN", 35.68536, 139.75309, 35.6895, 139.69171), ("UKR", 49.0, 32.0, 50.45466, 30.5238)],
    columns=["iso3", "lat", "lon", "capital_lat", "capital_lon"])


def test_column_names() -> None:
    assert len(gdelt.GDELT2_COLUMNS) == 61 and len(set(gdelt.GDELT2_COLUMNS)) == 61
    assert gdelt.GDELT2_COLUMNS[:6] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
                                         "Actor1Code")
    assert gdelt.GDELT2_COLUMNS[26:35] == ("EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                           "GoldsteinScale", "NumMentions", "NumSources", "NumArticles",
                                           "AvgTone")
    assert gdelt.GDELT2_COLUMNS[56:] == ("ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
                                         "DATEADDED", "SOURCEURL")
    assert len(gdelt.GDELT1_COLUMNS) == 58


def test_read_gdelt() -> None:
    frame = gdelt.read_gdelt(SAMPLE)
    assert frame.shape == (7, 61) and list(frame.columns) == list(gdelt.GDELT2_COLUMNS)
    first = frame.iloc[0]
    assert first["EventCode"] == "036" and first["EventRootCode"] == "03"  # codes keep leading zeros
    assert first["QuadClass"] == 1 and first["GoldsteinScale"] == 4.0 and first["NumMentions"] == 10
    assert first["ActionGeo_Lat"] == pytest.approx(51.8844) and first["Actor1CountryCode"] == "PRK"
    assert pd.isna(frame.iloc[5]["Actor2Code"])  # a one-sided event
    assert str(frame["SQLDATE"].dtype) == "Int64"


def test_read_gdelt_events_maps_columns() -> None:
    records = gdelt.read_gdelt_events(SAMPLE)
    assert [len(r["events"]) for r in records] == [2, 1, 3, 1]  # grouped by SOURCEURL
    record = records[0]
    assert record["url"].endswith("kim-putin-summit-vostochny-cosmodrome")
    assert record["date"] == "2023-09-13" and record["id"] == "gdelt-1126544101"
    event = record["events"][0]
    assert (event["source"], event["source_country"], event["target"], event["target_country"]) == (
        "PRKGOV", "PRK", "RUSGOV", "RUS")
    assert (event["cameo"], event["root"], event["quad_class"], event["goldstein"]) == ("036", "03", 1, 4.0)
    assert (event["date"], event["date_precision"], event["num_mentions"]) == ("2023-09-13", "day", 10)
    assert event["place"]["name"] == "Vostochny Cosmodrome"  # a short label; GDELT's name kept
    assert event["place"]["full_name"] == "Vostochny Cosmodrome, Amur, Russia"
    assert (event["place"]["lat"], event["place"]["lon"], event["place"]["fips"]) == (51.8844, 128.3331, "RS")
    assert event["place"]["country"] == "RUS"  # FIPS RS -> ISO3 through the bundled table
    assert gdelt.read_gdelt_events(SAMPLE, fips_to_iso3={})[0]["events"][0]["place"]["country"] is None
    assert {a["code"] for a in record["actors"]} == {"PRKGOV", "RUSGOV"}
    assert record["actors"][0]["sector"] == "GOV"
    one_sided = records[2]["events"][2]
    assert one_sided["source"] == "PRK" and one_sided["target"] is None
    mapped = gdelt.read_gdelt_events(SAMPLE, fips_to_iso3={"RS": "RUS", "KN": "PRK"})
    assert mapped[0]["events"][0]["place"]["country"] == "RUS"
    assert mapped[0]["places"][0]["kind"] == "city" and mapped[0]["places"][0]["country"] == "RUS"


def test_gdelt_records_feed_frames_and_graphs() -> None:
    records = gdelt.read_gdelt_events(SAMPLE, fips_to_iso3={"RS": "RUS", "US": "USA", "UP": "UKR"})
    events = events_frame(records)
    assert len(events) == 7 and events["n_mentions"].tolist()[:2] == [10, 4]
    relations = relations_frame(records, countries=COUNTRIES)
    assert len(relations) == 6  # the one-sided event has no target
    meet = relations[relations["cameo"] == "036"].iloc[0]
    assert meet["target_anchor"] == "place" and meet["target_lon"] == 128.3331
    graph = actor_graph(records)
    assert graph.edges["RUSMIL", "UKR"]["goldstein"] == -10.0 and graph.nodes["PRK"]["mentions"] == 3


def test_read_gdelt_1_zip_and_errors(tmp_path: Path) -> None:
    frame = gdelt.read_gdelt(SAMPLE)
    v1 = tmp_path / "20230913.export.CSV"
    frame[list(gdelt.GDELT1_COLUMNS)].to_csv(v1, sep="\t", header=False, index=False)
    assert gdelt.read_gdelt(v1)["EventCode"].tolist() == frame["EventCode"].tolist()
    zipped = tmp_path / "20230913064500.export.CSV.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.write(SAMPLE, "20230913064500.export.CSV")
    assert len(gdelt.read_gdelt(zipped)) == 7
    mentions = tmp_path / "x.mentions.CSV"
    mentions.write_text("1\t2\t3\n", encoding="utf-8")
    with pytest.raises(InputError, match="61"):
        gdelt.read_gdelt(mentions)
    with pytest.raises(InputError, match="no such file"):
        gdelt.read_gdelt(tmp_path / "missing.CSV")


def test_to_gdelt_from_our_records() -> None:
    table = gdelt.to_gdelt(read_records(DATA / "records_sample.jsonl"))
    assert list(table.columns) == list(gdelt.GDELT2_COLUMNS) and len(table) == 9
    first = table.iloc[0]
    actor1 = (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"])
    assert actor1 == ("PRKGOV", "PRK", "GOV")
    assert (first["Actor2Code"], first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "RUSGOV", "036", "036", "03")
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == (20230911, 202309, 2023)
    assert (first["QuadClass"], first["GoldsteinScale"], first["NumMentions"]) == (1, 4.0, 2)
    assert first["ActionGeo_FullName"] == "Vladivostok" and first["ActionGeo_Lat"] == 43.10562
    assert first["Actor1Name"] == "KIM JONG UN" and first["DATEADDED"] == 20230911000000
    assert pd.isna(table.iloc[1]["ActionGeo_Lat"]) and table.iloc[3]["EventBaseCode"] == "190"


def test_to_gdelt_round_trip_and_stacking(tmp_path: Path) -> None:
    original = gdelt.read_gdelt(SAMPLE)
    again = gdelt.to_gdelt(gdelt.read_gdelt_events(SAMPLE))
    for column in ("SQLDATE", "Actor1Code", "Actor1CountryCode", "Actor2Code", "EventCode", "EventRootCode",
                   "QuadClass", "GoldsteinScale", "NumMentions", "ActionGeo_Lat", "ActionGeo_Long",
                   "ActionGeo_FullName", "SOURCEURL"):
        pd.testing.assert_series_equal(again[column], original[column], check_names=False)
    stacked = pd.concat([original, gdelt.to_gdelt(read_records(DATA / "records_sample.jsonl"))],
                        ignore_index=True)
    assert len(stacked) == 16 and (stacked.dtypes == original.dtypes).all()
    out = tmp_path / "ours.export.CSV"
    again.to_csv(out, sep="\t", header=False, index=False)
    assert gdelt.read_gdelt(out)["EventCode"].tolist() == original["EventCode"].tolist()


@pytest.mark.parametrize("fips,iso3", [("RS", "RUS"), ("KN", "PRK"), ("KS", "KOR"), ("UK", "GBR"), ("GM", "DEU"),
                                       ("CH", "CHN"), ("SF", "ZAF"), ("UP", "UKR"), ("US", "USA"), ("IS", "ISR")])
def test_fips_codes_of_written_rows_become_iso3(tmp_path: Path, fips: str, iso3: str) -> None:
    row = [""] * len(gdelt.GDELT2_COLUMNS)
    values = {"GLOBALEVENTID": "1", "SQLDATE": "20191024", "Actor1Code": "GOV", "EventCode": "010",
              "EventRootCode": "01", "QuadClass": "1", "ActionGeo_Type": "4", "ActionGeo_CountryCode": fips,
              "ActionGeo_FullName": "Somewhere, Region (general), Country", "ActionGeo_Lat": "1.5",
              "ActionGeo_Long": "2.5", "DATEADDED": "20191024143000", "SOURCEURL": "https://example.org/a"}
    for name, value in values.items():
        row[gdelt.GDELT2_COLUMNS.index(name)] = value
    path = tmp_path / "20191024143000.export.CSV"
    path.write_text("\t".join(row) + "\n", encoding="utf-8")
    [record] = gdelt.read_gdelt_events(path)
    assert record["places"][0]["country"] == iso3 and record["places"][0]["name"] == "Somewhere"


def test_the_fips_table_is_data_with_provenance() -> None:
    table = gdelt.fips_table()
    assert len(table) > 240 and len(set(table.values())) == len(table)
    assert "fips_iso3.tsv" in (Path(gdelt.__file__).parent / "data" / "SOURCES.md").read_text(encoding="utf-8")
