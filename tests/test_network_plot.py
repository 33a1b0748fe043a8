"""Actor-network figures (analysis.figures.network), drawn headless."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402
from plot_samples import BOUNDARIES, COUNTRIES, arrow_colors, drawn_texts, refuse_show, sample_records  # noqa: E402

from analysis.figures import network as network_plot  # noqa: E402
from analysis.figures.style import QUAD_COLORS  # noqa: E402
from analysis.network import actor_graph  # noqa: E402

records = pytest.fixture(sample_records, name="records")
no_show = pytest.fixture(refuse_show, autouse=True, name="no_show")


def test_plot_network(records: list[dict]) -> None:
    graph = actor_graph(records)
    ax = network_plot.plot_network(graph)
    texts = drawn_texts(ax)
    assert {"PRKGOV", "RUSGOV", "UKR", "USAGOV", "IGOUNO"} <= set(texts)
    assert ax.get_legend() is not None
    colors = arrow_colors(ax)
    assert QUAD_COLORS[4].upper() in colors and QUAD_COLORS[2].upper() in colors
    assert len([p for p in ax.patches if isinstance(p, FancyArrowPatch)]) == graph.number_of_edges()


def test_plot_network_geographic(records: list[dict]) -> None:
    graph = actor_graph(records)
    ax = network_plot.plot_network(graph, geographic=True, countries=COUNTRIES, boundaries=BOUNDARIES)
    assert "PRKGOV" in drawn_texts(ax) and ax.get_legend() is not None
    x0, x1 = ax.get_xlim()
    assert x0 < -77 < 125 < x1  # Washington and Pyongyang are in view
