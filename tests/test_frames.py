"""Tables and GeoDataFrames built from extraction records (analysis.frames)."""

from __future__ import annotations

import copy
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LineString, MultiLineString, Polygon, box

from analysis import frames
from analysis.errors import InputError
from analysis.io.records import read_records

DATA = Path(__file__).parent / "data"
RECORDS = DATA / "records_sample.jsonl"

COUNTRIES = pd.DataFrame(
    [("KP", "PRK", "North Korea", 40.0, 127.0, "Pyongyang", 39.03385, 125.75432),
     ("KR", "KOR", "South Korea", 36.5, 127.75, "Seoul", 37.566, 126.9784),
     ("RU", "RUS", "Russia", 60.0, 100.0, "Moscow", 55.75222, 37.61556),
     ("UA", "UKR", "Ukraine", 49.0, 32.0, "Kyiv", 50.45466, 30.5238),
     ("US", "USA", "United States", 39.76, -98.5, "Washington", 38.89511, -77.03637),
     ("NG", "NGA", "Nigeria", 10.0, 8.0, "Abuja", 9.05785, 7.49508),
     ("NE", "NER", "Niger", 18.0, 9.0, "Niamey", 13.51366, 2.1098),
     ("ML", "MLI", "Mali", 18.0, -2.0, "Bamako", 12.65, -8.0)],
    columns=["iso2", "iso3", "name", "lat", "lon", "capital", "capital_lat", "capital_lon"])
BOUNDARIES = gpd.GeoDataFrame(
    {"iso3": ["PRK", "KOR", "RUS", "UKR", "USA", "NGA", "NER", "MLI", "CHN"],
     "name": ["North Korea", "South Korea", "Russia", "Ukraine", "United States", "Nigeria", "Niger", "Mali",
              "China"]},
    geometry=[box(124.2, 37.7, 130.7, 43.0), box(126.1, 34.4, 129.6, 38.6), box(27, 41.2, 180, 77.7),
              box(22.1, 44.4, 40.2, 52.4), box(-125, 24.5, -66.9, 49.4), box(2.7, 4.3, 14.7, 13.9),
              box(0.2, 11.7, 16, 23.5), box(-12.2, 10.1, 4.2, 25), box(73.5, 18.2, 134.8, 53.6)],
    crs="EPSG:4326")
VLADIVOSTOK = (131.87353, 43.10562)
WASHINGTON = (-77.03637, 38.89511)
PYONGYANG = (125.75432, 39.03385)


@pytest.fixture()
def records() -> list[dict]:
    return read_records(RECORDS)


def _event(source: str, target: str, **extra: object) -> dict:
    event = {"source": source, "source_country": source[:3], "target": target, "target_country": target[:3],
             "cameo": "036", "root": "03", "quad_class": 1, "goldstein": 4.0, "plover": "CONSULT",
             "modality": "asserted", "negated": False, "date": "2023-09-12", "date_precision": "day",
             "place": None, "mentions": []}
    event.update(extra)
    return event


def _max_lon_jump(geometry: LineString | MultiLineString) -> float:
    parts = geometry.geoms if isinstance(geometry, MultiLineString) else [geometry]
    return max(float(np.abs(np.diff(np.asarray(p.coords)[:, 0])).max()) for p in parts)


def test_events_frame(records: list[dict]) -> None:
    events = frames.events_frame(records)
    assert list(events.columns) == list(frames.EVENT_COLUMNS)
    assert len(events) == 9
    assert events["article_id"].iloc[0] == "2023-09-11-kim-putin-summit"
    assert events["article_date"].iloc[0] == pd.Timestamp("2023-09-11")
    invasion = events[events["cameo"] == "190"].iloc[0]
    assert (invasion["source"], invasion["target"], invasion["quad_class"]) == ("RUSGOV", "UKR", 4)
    assert invasion["date"] == pd.Timestamp("2022-02-01") and invasion["date_precision"] == "month"
    meet = events[events["cameo"] == "036"].iloc[0]
    assert meet["place_name"] == "Vladivostok" and meet["n_mentions"] == 2
    assert meet["place_geonameid"] == 2013348
    assert str(events["quad_class"].dtype) == "Int64" and events["negated"].dtype == bool


def test_places_frame_by_article(records: list[dict]) -> None:
    places = frames.places_frame(records)
    assert places.crs.to_epsg() == 4326
    kim = places[places["article_id"] == "2023-09-11-kim-putin-summit"].set_index("name")
    assert kim.loc["Pyongyang", "mentions"] == 3
    assert kim.loc["Pyongyang", "metonymic_mentions"] == 2 and bool(kim.loc["Pyongyang", "metonymic"])
    assert not kim.loc["Vladivostok", "metonymic"]
    assert kim.loc["North Korea", "kinds"] == "country;demonym"
    assert kim.loc["Vladivostok", "geometry"].coords[0] == VLADIVOSTOK
    # one row per distinct place per article: 8 distinct places in the first article
    assert len(kim) == 8 and places.groupby("article_id").size().sum() == len(places)


def test_places_frame_by_place_and_mention(records: list[dict]) -> None:
    by_place = frames.places_frame(records, by="place")
    assert by_place["place_id"].is_unique
    assert by_place.iloc[0]["name"] == "North Korea"  # most mentioned first
    west_africa = by_place[by_place["name"] == "West Africa"].iloc[0]
    assert west_africa["place_id"].startswith("West Africa|") and west_africa["articles"] == 1
    mentions = frames.places_frame(records, by="mention")
    assert len(mentions) == sum(len(r["places"]) for r in records)
    assert mentions["text"].notna().all() and mentions.crs.to_epsg() == 4326
    with pytest.raises(InputError, match="by="):
        frames.places_frame(records, by="country")  # type: ignore[arg-type]


def test_places_without_coordinates_are_left_out_and_bad_ones_rejected(records: list[dict]) -> None:
    record = copy.deepcopy(records[1])
    record["places"][0]["lat"] = None
    assert len(frames.places_frame(record, by="mention")) == len(record["places"]) - 1
    record["places"][1]["lat"] = 95.0
    with pytest.raises(InputError, match=r"places\[1\].*lat"):
        frames.places_frame(record)


def test_countries_frame_roles(records: list[dict]) -> None:
    countries = frames.countries_frame(records, boundaries=BOUNDARIES)
    assert countries.crs.to_epsg() == 4326 and len(countries) == len(BOUNDARIES)
    role = countries.set_index("iso3")["role"]
    assert role["PRK"] == "both" and role["RUS"] == "both"
    assert role["UKR"] == "target" and role["USA"] == "source" and role["NER"] == "target"
    assert role["KOR"] == "mentioned" and pd.isna(role["CHN"])
    row = countries.set_index("iso3").loc["PRK"]
    assert row["source_events"] == 2 and row["target_events"] == 2 and row["mentions"] > 0


def test_countries_frame_ignores_negated_events(records: list[dict]) -> None:
    record = copy.deepcopy(records[0])
    for event in record["events"]:
        event["negated"] = event["source"] == "USAGOV"
    role = frames.countries_frame(record, boundaries=BOUNDARIES).set_index("iso3")["role"]
    assert role["USA"] == "mentioned"


def test_relations_frame_anchors(records: list[dict]) -> None:
    relations = frames.relations_frame(records, countries=COUNTRIES)
    assert relations.crs.to_epsg() == 4326
    assert "IGOUNO" not in set(relations["source"])  # an IGO without a place cannot be anchored
    meet = relations[relations["cameo"] == "036"].iloc[0]
    assert (meet["source_anchor"], meet["target_anchor"]) == ("capital", "place")
    assert meet["target_anchor_name"] == "Vladivostok"
    invasion = relations[relations["cameo"] == "190"].iloc[0]
    assert (invasion["source_anchor_name"], invasion["target_anchor_name"]) == ("Moscow", "Kyiv")
    threat = relations[relations["cameo"] == "138"].iloc[0]  # said in Abuja: the source end sits there
    assert (threat["source_anchor"], threat["source_anchor_name"]) == ("place", "Abuja")
    for row in relations.itertuples():
        parts = row.geometry.geoms if isinstance(row.geometry, MultiLineString) else [row.geometry]
        assert parts[0].coords[0] == (row.source_lon, row.source_lat)
        assert parts[-1].coords[-1] == (row.target_lon, row.target_lat)
        assert _max_lon_jump(row.geometry) <= 180
    assert relations["goldstein"].notna().all() and "evidence" in relations.columns


def test_relations_non_state_actor_at_representative_point() -> None:
    record = {"id": "a", "date": "2023-09-12", "places": [], "actors": [],
              "events": [_event("KORMED", "PRKGOV")]}
    row = frames.relations_frame(record, countries=COUNTRIES).iloc[0]
    assert row["source_anchor"] == "country" and (row["source_lon"], row["source_lat"]) == (127.75, 36.5)
    assert row["target_anchor"] == "capital" and (row["target_lon"], row["target_lat"]) == PYONGYANG


def test_a_country_as_event_place_falls_back_to_the_capital() -> None:
    place = {"name": "Russia", "lat": 60.0, "lon": 100.0, "geonameid": 2017370, "country": "RUS"}
    record = {"id": "a", "date": "2023-09-12", "places": [], "actors": [],
              "events": [_event("PRKGOV", "RUSGOV", place=place)]}
    row = frames.relations_frame(record, countries=COUNTRIES).iloc[0]
    assert (row["target_anchor"], row["target_anchor_name"]) == ("capital", "Moscow")


def test_vladivostok_to_washington_is_split_at_the_antimeridian() -> None:
    place = {"name": "Vladivostok", "lat": VLADIVOSTOK[1], "lon": VLADIVOSTOK[0], "geonameid": 2013348,
             "country": "RUS"}
    record = {"id": "a", "date": "2023-09-12", "places": [], "actors": [],
              "events": [_event("RUSGOV", "USAGOV", place=place)]}
    row = frames.relations_frame(record, countries=COUNTRIES).iloc[0]
    line = row.geometry
    assert isinstance(line, MultiLineString) and len(line.geoms) == 2
    assert line.geoms[0].coords[0] == VLADIVOSTOK and line.geoms[-1].coords[-1] == WASHINGTON
    assert _max_lon_jump(line) < 5  # no segment streaks across the map
    (x0, y0), (x1, y1) = line.geoms[0].coords[-1], line.geoms[1].coords[0]
    assert {x0, x1} == {180.0, -180.0} and y0 == y1
    assert 10000 < row["distance_km"] < 11000


def test_load_boundaries_splits_at_the_antimeridian() -> None:
    ring = [(170, -20), (-170, -20), (-170, -10), (170, -10), (170, -20)]
    shapes = gpd.GeoDataFrame({"iso3": ["FJI"], "name": ["Fiji"]}, geometry=[Polygon(ring)], crs="EPSG:4326")
    fixed = frames.load_boundaries(shapes).geometry.iloc[0]
    assert fixed.geom_type == "MultiPolygon" and fixed.area == pytest.approx(200.0)
    assert fixed.bounds == (-180.0, -20.0, 180.0, -10.0)
    with pytest.raises(InputError, match="iso3"):
        frames.load_boundaries(shapes.drop(columns="iso3"))


def test_geo_layers(records: list[dict]) -> None:
    layers = frames.geo_layers(records, boundaries=BOUNDARIES, countries=COUNTRIES)
    assert set(layers) == {"places", "countries", "relations"}
    assert all(layer.crs.to_epsg() == 4326 for layer in layers.values())
