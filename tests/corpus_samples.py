"""A small corpus of records and reference tables shared by the selection, aggregate and corpus-figure tests."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
from shapely.geometry import box

COUNTRIES = pd.DataFrame(
    [("PRK", "North Korea", 40.0, 127.0), ("RUS", "Russia", 60.0, 100.0), ("UKR", "Ukraine", 49.0, 32.0),
     ("USA", "United States", 39.76, -98.5), ("CHN", "China", 35.0, 105.0)],
    columns=["iso3", "name", "lat", "lon"])
BOUNDARIES = gpd.GeoDataFrame(
    {"iso3": ["PRK", "RUS", "UKR", "USA", "CHN"],
     "name": ["North Korea", "Russia", "Ukraine", "United States", "China"]},
    geometry=[box(124.2, 37.7, 130.7, 43.0), box(27, 41.2, 180, 77.7), box(22.1, 44.4, 40.2, 52.4),
              box(-125, 24.5, -66.9, 49.4), box(73.5, 18.2, 134.8, 53.6)], crs="EPSG:4326")


def event_record(source: str, target: str, date: str, quad: int, **extra: object) -> dict:
    event = {"source": source, "source_country": source[:3], "target": target, "target_country": target[:3],
             "cameo": {1: "036", 2: "070", 3: "130", 4: "190"}[quad], "root": "03", "quad_class": quad,
             "goldstein": {1: 4.0, 2: 7.0, 3: -4.4, 4: -10.0}[quad], "plover": "CONSULT",
             "modality": "asserted", "negated": False, "attribution": None, "date": date,
             "date_precision": "day", "place": None, "evidence": f"{source} and {target}.", "mentions": []}
    event.update(extra)
    return event


def place_record(country: str, name: str, start: int = 0, **extra: object) -> dict:
    place = {"start": start, "end": start + len(name), "text": name, "name": name, "kind": "country",
             "country": country, "lat": 10.0, "lon": 20.0, "geonameid": sum(map(ord, name)),
             "metonymic": False}
    place.update(extra)
    return place


def sample_corpus() -> list[dict]:
    """Four records: RUS-UKR conflict, RUS-CHN cooperation, a PRK visit and an undated article."""
    return [
        {"id": "a1", "date": "2023-09-01",
         "places": [place_record("RUS", "Russia"), place_record("UKR", "Ukraine", 10)],
         "actors": [{"start": 0, "end": 6, "text": "Russia", "code": "RUSMIL", "name": "Russian forces",
                     "country": "RUS", "sector": "MIL"}],
         "events": [event_record("RUSMIL", "UKR", "2023-09-01", 4), event_record("UKRGOV", "RUSGOV", "2023-09-01", 3)]},
        {"id": "a2", "date": "2023-09-08", "places": [place_record("RUS", "Russia"), place_record("CHN", "China", 10),
                                                       place_record("RUS", "Moscow", 20, kind="capital")],
         "actors": [],
         "events": [event_record("RUSGOV", "CHNGOV", "2023-09-08", 1), event_record("CHN", "RUS", "2023-09-08", 2),
                    event_record("UKR", "RUS", "2023-09-08", 3, negated=True)]},
        {"id": "a3", "date": "2023-09-15",
         "places": [place_record("PRK", "North Korea"), place_record("RUS", "Russia", 20)],
         "actors": [{"start": 0, "end": 3, "text": "Kim", "code": "PRKGOV", "name": "Kim Jong Un",
                     "country": "PRK", "sector": "GOV"}],
         "events": [event_record("PRKGOV", "RUSGOV", "2023-09-13", 1, modality="planned"),
                    event_record("USAGOV", "PRK", "2023-09-15", 3), event_record("RUSMIL", "UKRMIL", "2020-01-01", 4)]},
        {"id": "a4", "date": None, "places": [place_record("USA", "United States")], "actors": [], "events": []},
    ]
