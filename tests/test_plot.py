"""Maps of places and relations (analysis.figures.map), drawn headless."""

from __future__ import annotations

import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402
from plot_samples import BOUNDARIES, COUNTRIES, arrow_colors, drawn_texts, refuse_show, sample_records  # noqa: E402

from analysis.figures import map as plot  # noqa: E402
from analysis.figures.style import QUAD_COLORS  # noqa: E402
from analysis.frames import geo_layers  # noqa: E402

records = pytest.fixture(sample_records, name="records")
no_show = pytest.fixture(refuse_show, autouse=True, name="no_show")


def _map(data: object, **kwargs: object) -> plt.Axes:
    return plot.plot_map(data, boundaries=BOUNDARIES, countries=COUNTRIES, **kwargs)  # type: ignore[arg-type]


def test_map_of_both_articles(records: list[dict]) -> None:
    ax = _map(records)
    assert ax.georel_crs.startswith("+proj=eqearth")  # type: ignore[attr-defined]
    texts = drawn_texts(ax)
    assert "Pyongyang" in texts and "Vladivostok" in texts and "Niamey" in texts
    assert plot.CREDIT in texts
    legend = ax.get_legend()
    assert legend is not None
    labels = [t.get_text() for t in legend.get_texts()]
    assert "Material conflict" in labels and "Country: source and target" in labels
    assert arrow_colors(ax) >= {c.upper() for c in QUAD_COLORS.values()}
    assert ax.get_title(loc="left").startswith("Places and relations in 2 articles")


def test_a_country_too_narrow_for_its_name_is_labelled_with_its_code(records: list[dict]) -> None:
    texts = drawn_texts(_map(records[0], extent="world"))
    assert "RUSSIA" in texts  # wide enough for its name
    assert "PRK" in texts and "NORTH KOREA" not in texts  # a name that would spill over China


def test_map_extent_is_regional_for_a_cluster(records: list[dict]) -> None:
    ax = _map(records[1])
    assert ax.georel_crs.startswith("+proj=laea")  # type: ignore[attr-defined]
    assert "Abuja" in drawn_texts(ax) and "NIGER" in drawn_texts(ax)
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
    assert "Pyongyang" in drawn_texts(ax)


def test_map_without_events_or_places() -> None:
    ax = _map({"id": "empty", "date": "2023-01-01", "places": [], "actors": [], "events": []})
    assert ax.georel_crs.startswith("+proj=eqearth")  # type: ignore[attr-defined]

