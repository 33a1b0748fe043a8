"""Maps, network drawings and timelines (analysis.plot), drawn headless."""

from __future__ import annotations

import itertools
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import geopandas as gpd  # noqa: E402
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402
from shapely.geometry import box  # noqa: E402

from analysis import plot  # noqa: E402
from analysis.frames import events_frame, geo_layers, read_records  # noqa: E402
from analysis.network import actor_graph  # noqa: E402

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


@pytest.fixture()
def records() -> list[dict]:
    return read_records(RECORDS)


@pytest.fixture(autouse=True)
def _no_show(monkeypatch: pytest.MonkeyPatch) -> object:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("plot functions must not call show() or savefig()")

    monkeypatch.setattr(plt, "show", refuse)
    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", refuse)
    yield
    plt.close("all")


def _texts(ax: plt.Axes) -> list[str]:
    return [t.get_text() for t in ax.texts]


def _arrow_colors(ax: plt.Axes) -> set[str]:
    return {to_hex(p.get_edgecolor()).upper() for p in ax.patches if isinstance(p, FancyArrowPatch)}


def _map(data: object, **kwargs: object) -> plt.Axes:
    return plot.plot_map(data, boundaries=BOUNDARIES, countries=COUNTRIES, **kwargs)  # type: ignore[arg-type]


def test_map_of_both_articles(records: list[dict]) -> None:
    ax = _map(records)
    assert ax.georel_crs.startswith("+proj=eqearth")  # type: ignore[attr-defined]
    texts = _texts(ax)
    assert "Pyongyang" in texts and "Vladivostok" in texts and "Niamey" in texts
    assert plot.CREDIT in texts
    legend = ax.get_legend()
    assert legend is not None
    labels = [t.get_text() for t in legend.get_texts()]
    assert "Material conflict" in labels and "Country: source and target" in labels
    assert _arrow_colors(ax) >= {c.upper() for c in plot.QUAD_COLORS.values()}
    assert ax.get_title(loc="left").startswith("Places and relations in 2 articles")


def test_map_extent_is_regional_for_a_cluster(records: list[dict]) -> None:
    ax = _map(records[1])
    assert ax.georel_crs.startswith("+proj=laea")  # type: ignore[attr-defined]
    assert "Abuja" in _texts(ax) and "NIGER" in _texts(ax)
    assert plot.map_projection(np.array([0.0, 180.0]), np.array([0.0, 0.0])).startswith("+proj=eqearth")
    # clustered across the antimeridian (Chukotka and Alaska) is still a region
    laea = plot.map_projection(np.array([175.0, -170.0]), np.array([65.0, 64.0]))
    assert "+lon_0=-177.5" in laea


def test_labels_do_not_overlap_and_are_stable(records: list[dict]) -> None:
    ax = _map(records)
    ax.figure.canvas.draw()
    boxes = [t.get_window_extent() for t in ax.texts if isinstance(t, Annotation)]
    assert len(boxes) >= 4
    assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))
    again = _map(records)
    first = [(t.get_text(), t.get_position()) for t in ax.texts]
    assert first == [(t.get_text(), t.get_position()) for t in again.texts]


def test_map_from_frames_on_given_axes(records: list[dict]) -> None:
    fig, ax = plt.subplots()
    layers = geo_layers(records, boundaries=BOUNDARIES, countries=COUNTRIES)
    before = plt.get_fignums()
    out = plot.plot_map(layers, ax=ax, title="Frames", legend=False, credit=None)
    assert out is ax and plt.get_fignums() == before
    assert ax.get_legend() is None and ax.get_title(loc="left") == "Frames"
    assert "Pyongyang" in _texts(ax)


def test_map_without_events_or_places() -> None:
    ax = _map({"id": "empty", "date": "2023-01-01", "places": [], "actors": [], "events": []})
    assert ax.georel_crs.startswith("+proj=eqearth")  # type: ignore[attr-defined]


def test_plot_network(records: list[dict]) -> None:
    graph = actor_graph(records)
    ax = plot.plot_network(graph)
    texts = _texts(ax)
    assert {"PRKGOV", "RUSGOV", "UKR", "USAGOV", "IGOUNO"} <= set(texts)
    assert ax.get_legend() is not None
    colors = _arrow_colors(ax)
    assert plot.QUAD_COLORS[4].upper() in colors and plot.QUAD_COLORS[2].upper() in colors
    assert len([p for p in ax.patches if isinstance(p, FancyArrowPatch)]) == graph.number_of_edges()


def test_plot_network_geographic(records: list[dict]) -> None:
    graph = actor_graph(records)
    ax = plot.plot_network(graph, geographic=True, countries=COUNTRIES, boundaries=BOUNDARIES)
    assert "PRKGOV" in _texts(ax) and ax.get_legend() is not None
    x0, x1 = ax.get_xlim()
    assert x0 < -77 < 125 < x1  # Washington and Pyongyang are in view


def test_timeline_spans_show_date_precision(records: list[dict]) -> None:
    ax = plot.plot_timeline(records)
    spans = [c for c in ax.collections if (c.get_gid() or "").startswith("timeline-spans")]
    paths = [p.get_extents() for c in spans for p in c.get_paths()]
    extents = [(round(e.x0, 6), round(e.x1, 6)) for e in paths]
    month = (mdates.date2num(pd.Timestamp("2022-02-01")), mdates.date2num(pd.Timestamp("2022-03-01")))
    week = (mdates.date2num(pd.Timestamp("2023-09-04")), mdates.date2num(pd.Timestamp("2023-09-11")))
    assert (round(month[0], 6), round(month[1], 6)) in extents
    assert (round(week[0], 6), round(week[1], 6)) in extents
    days = [c for c in ax.collections if (c.get_gid() or "").startswith("timeline-days")]
    assert sum(len(c.get_offsets()) for c in days) == 5
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "RUSGOV → UKR" in labels and ax.get_legend() is not None


def test_timeline_from_events_frame(records: list[dict]) -> None:
    fig, ax = plt.subplots()
    assert plot.plot_timeline(events_frame(records), ax=ax, max_rows=3) is ax
    assert len(ax.get_yticklabels()) == 3 and "more pairs" in ax.get_title(loc="left")
