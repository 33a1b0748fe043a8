"""A 40-actor network is readable: no two actor labels overlap, every drawn relation is an arrow,
the legend is outside the drawing and actors without a relation are listed instead of drawn."""

from __future__ import annotations

import itertools

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402

from analysis.figures.network import plot_network  # noqa: E402


def _graph(n: int = 40, isolated: int = 5) -> nx.DiGraph:
    rng = np.random.default_rng(3)
    graph = nx.DiGraph()
    codes = [f"{a}{b}{c}GOV" for a, b, c in itertools.islice(itertools.product("ABCDEFG", "KLMN", "XYZ"), n)]
    for i, code in enumerate(codes):
        graph.add_node(code, mentions=int(rng.integers(1, 60)) if i else 200, events=1)
    for i, code in enumerate(codes[:n - isolated]):
        for j in rng.choice(n - isolated, size=2, replace=False):
            if codes[j] != code:
                graph.add_edge(code, codes[j], count=int(rng.integers(1, 9)), quad_class=int(rng.integers(1, 5)))
        if i % 3 == 0:  # a dense core
            graph.add_edge(code, codes[0], count=3, quad_class=1)
    return graph


def test_forty_actor_labels_do_not_overlap_and_stay_in_the_frame() -> None:
    graph = _graph()
    ax = plot_network(graph, max_relations=200)
    fig = ax.get_figure(root=True)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_bbox_patch().get_window_extent(renderer) for t in ax.texts if t.get_gid() == "actor"]
    isolated = [n for n in graph.nodes if graph.degree(n) == 0]
    assert len(boxes) == graph.number_of_nodes() - len(isolated)
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), (a, b)
    frame = ax.get_window_extent(renderer)
    assert all(frame.x0 - 1 <= b.x0 and b.x1 <= frame.x1 + 1 and frame.y0 - 1 <= b.y0 and b.y1 <= frame.y1 + 1
               for b in boxes)
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == graph.number_of_edges()
    assert f"{graph.number_of_edges()} directed relations" in ax.get_title(loc="left")
    legend = ax.get_legend().get_window_extent(renderer)
    assert legend.x0 >= frame.x1  # outside the drawing
    assert all(n in ax.get_xlabel() for n in isolated) and "not drawn" in ax.get_xlabel()
    plt.close(fig)


def test_labels_do_not_overlap_at_the_saved_resolution(tmp_path) -> None:
    ax = plot_network(_graph(30, 0))
    fig = ax.get_figure(root=True)
    fig.savefig(tmp_path / "n.png", dpi=150)
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_bbox_patch().get_window_extent(renderer) for t in ax.texts if t.get_gid() == "actor"]
    assert boxes and not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))
    plt.close(fig)
