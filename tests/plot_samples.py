"""Extraction records and small reference tables shared by the tests of the article figures
(analysis.figures.map, analysis.figures.network, analysis.figures.timeline), the functions of their fixtures, and
helpers to inspect what the figures draw."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.patches import FancyArrowPatch
from shapely.geometry import box

from analysis.io.records import read_records

RECORDS = Path(__file__).parent / "data" / "records_sample.jsonl"
COUNTRIES = pd.DataFrame(
    [("PRK", "North Korea", 40.0, 127.0, "Pyongyang", 39.03385, 125.75432),
     ("KOR", "South Korea", 36.5, 127.75, "Seoul", 37.566, 126.9784),
     ("RUS", "Russia", 60.0, 100.0, "Moscow", 55.75222, 37.61556),
     ("UKR", "Ukraine", 49.0, 32.0, "Kyiv", 50.45466, 30.5238),
     ("USA", "United States", 39.76, -98.5, "Washington", 38.89511, -77.03637),
     ("JPN", "Japan", 35.68536, 139.75309, "Tokyo", 35.6895, 139.69171),
     ("NGA", "Nigeria", 10.0, 8.0, "Abuja", 9.05785, 7.49508),
     ("NER", "Niger", 18.0, 9.0, "Niamey", 13.51366, 2.1098),
     ("MLI", "Mali", 18.0, -2.0, "Bamako", 12.65, -8.0),
     ("BFA", "Burkina Faso", 12.5, -1.66667, "Ouagadougou", 12.36566, -1.53388)],
    columns=["iso3", "name", "lat", "lon", "capital", "capital_lat", "capital_lon"])
BOUNDARIES = gpd.GeoDataFrame(
    {"iso3": ["PRK", "KOR", "RUS", "UKR", "USA", "JPN", "NGA", "NER", "MLI", "BFA"],
     "name": ["North Korea", "South Korea", "Russia", "Ukraine", "United States", "Japan", "Nigeria", "Niger",
              "Mali", "Burkina Faso"]},
    geometry=[box(124.2, 37.7, 130.7, 43.0), box(126.1, 34.4, 129.6, 38.6), box(27, 41.2, 180, 77.7),
              box(22.1, 44.4, 40.2, 52.4), box(-125, 24.5, -66.9, 49.4), box(129.4, 31, 145.5, 45.5),
              box(2.7, 4.3, 14.7, 13.9), box(0.2, 11.7, 16, 23.5), box(-12.2, 10.1, 4.2, 25),
              box(-5.5, 9.4, 2.4, 15.1)],
    crs="EPSG:4326")


def sample_records() -> list[dict]:
    """The records of `RECORDS`, read afresh (a test module's ``records`` fixture)."""
    return read_records(RECORDS)


def refuse_show(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make show() and savefig() fail while a test draws, then close every figure (an autouse fixture)."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("plot functions must not call show() or savefig()")

    monkeypatch.setattr(plt, "show", refuse)
    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", refuse)
    yield
    plt.close("all")


def drawn_texts(ax: plt.Axes) -> list[str]:
    """The texts drawn on `ax` (labels, credit), not the title or ticks."""
    return [t.get_text() for t in ax.texts]


def arrow_colors(ax: plt.Axes) -> set[str]:
    """The upper-case hex colours of the arrows on `ax`."""
    return {to_hex(p.get_edgecolor()).upper() for p in ax.patches if isinstance(p, FancyArrowPatch)}
