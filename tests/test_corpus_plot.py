"""Figures of corpus aggregates (analysis.figures.corpus), drawn headless."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from corpus_samples import BOUNDARIES, COUNTRIES, sample_corpus  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from analysis.corpus import aggregate  # noqa: E402
from analysis.errors import InputError  # noqa: E402
from analysis.figures import corpus as corpus_plot  # noqa: E402
from analysis.network import actor_graph  # noqa: E402


@pytest.fixture()
def corpus() -> list[dict]:
    return sample_corpus()


# --- countries -----------------------------------------------------------------------------------

def test_count_classes() -> None:
    assert corpus_plot.count_classes(0) == []
    assert corpus_plot.count_classes(1) == [(1, 1)]
    assert corpus_plot.count_classes(12) == [(1, 1), (2, 2), (3, 4), (5, 9), (10, 12)]
    classes = corpus_plot.count_classes(123_456)
    assert classes[0] == (1, 1) and classes[-1][1] == 123_456
    assert all(lo <= hi and lo == prev[1] + 1 for prev, (lo, hi) in zip(classes, classes[1:], strict=False))


def test_plot_country_mentions(corpus: list[dict]) -> None:
    ax = corpus_plot.plot_country_mentions(corpus, focus=["PRK"], boundaries=BOUNDARIES, countries=COUNTRIES)
    assert isinstance(ax, Axes)
    labels = [t.get_text() for t in ax.texts]
    assert any(label.startswith("Russia 3") for label in labels)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "focus country" in legend and "none" in legend
    with pytest.raises(InputError, match="no column"):
        corpus_plot.plot_country_mentions(corpus, column="nope", boundaries=BOUNDARIES, countries=COUNTRIES)
    plt.close("all")


# --- dyads and actors ----------------------------------------------------------------------------

def test_plot_dyad_balance_and_network(corpus: list[dict]) -> None:
    series = aggregate.dyad_series(corpus, dyads=3, start="2023-09-01", end="2023-09-30")
    ax = corpus_plot.plot_dyad_balance(series)
    assert [t.get_text() for t in ax.get_yticklabels()] == list(dict.fromkeys(series["dyad"]))
    assert any("balance -1.00" in t.get_text() for t in ax.texts)
    empty = corpus_plot.plot_dyad_balance(aggregate.dyad_series([], dyads=3))
    assert "No dated events" in empty.texts[0].get_text()
    graph = actor_graph(corpus)
    top = corpus_plot.top_actors(graph, 3)
    assert top.number_of_nodes() == 3 and top.graph["total_actors"] == graph.number_of_nodes()
    assert "RUSGOV" in top
    ax = corpus_plot.plot_actor_network(corpus, top=3, level="actor")
    assert "3 most active actors" in ax.get_title(loc="left")
    assert "others and" in ax.get_xlabel() and "not drawn" in ax.get_xlabel()
    plt.close("all")


def test_dyad_chart_says_how_many_dated_events_lie_outside_its_axis() -> None:
    series = aggregate.dyad_series([{"id": "a", "events": [{"source": "USA", "target": "CHN", "date": "2019-10-24",
                                                          "quad_class": 1}]}], dyads=1)
    series.attrs["outside"] = 2
    assert "2 dated events outside the axis" in corpus_plot.plot_dyad_balance(series).get_title(loc="left")
    plt.close("all")
