"""The actor-network figure: actors as nodes, directed relations as arrows coloured by QuadClass,
in a force-directed layout or at the actors' capitals (`analysis.network` builds the graph)."""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping

import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from analysis.figures.cartography import HALO, place_labels
from analysis.figures.style import LAND, OCEAN, QUAD_COLORS, literal_text, new_axes, quad_color, quad_legend_handles
from analysis.frames import load_boundaries
from analysis.network import layout


@literal_text
def plot_network(graph: nx.DiGraph, *, ax: Axes | None = None, geographic: bool = False,
                 countries: pd.DataFrame | None = None, boundaries: gpd.GeoDataFrame | None = None,
                 pos: Mapping[Hashable, tuple[float, float]] | None = None, title: str | None = None,
                 legend: bool = True) -> Axes:
    """Draw an actor graph: nodes labelled with actor codes, edges coloured by dominant QuadClass.

    Parameters
    ----------
    graph
        From `analysis.network.actor_graph`.
    ax
        Axes to draw on; a new figure when None.
    geographic
        Put actors at their countries' capitals (lon/lat) over faint country borders.
    countries, boundaries
        Reference data for the geographic layout and its background; default the gazetteer's
        (the background is left out when boundaries are unavailable).
    pos
        Positions to use instead of `analysis.network.layout`.
    title
        Axes title; default counts of actors and relations.
    legend
        Draw the legend.

    Returns
    -------
    ax
        Edge width grows with the number of events, node size with actor mentions.
    """
    ax = new_axes(ax, (11, 8))
    positions = dict(pos) if pos is not None else layout(graph, geographic=geographic, countries=countries)
    nodes = sorted(graph.nodes, key=str)
    edges = sorted(graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1])))
    if geographic and positions:
        xs, ys = np.array([positions[n] for n in nodes]).T
        pad = max(8.0, 0.12 * max(np.ptp(xs), np.ptp(ys)))
        try:
            shapes = load_boundaries(boundaries)
        except Exception:  # the background is decoration: draw without it
            shapes = None
        if shapes is not None:
            shapes.plot(ax=ax, color=LAND, edgecolor="#BBBBBB", linewidth=0.4, zorder=0, aspect=None)
        ax.set_facecolor(OCEAN)
        ax.set_aspect(1 / math.cos(math.radians(float(np.clip(ys.mean(), -60, 60)))), adjustable="box")
        ax.set_xlim(max(-180, xs.min() - pad), min(180, xs.max() + pad))
        ax.set_ylim(max(-90, ys.min() - pad), min(90, ys.max() + pad))
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_xlabel("")
        ax.set_ylabel("")
    base, per = (90.0, 45.0) if geographic else (700.0, 400.0)
    sizes = {n: base + per * math.sqrt(float(graph.nodes[n].get("mentions", 0) or 0)) for n in nodes}
    nx.draw_networkx_nodes(graph, positions, nodelist=nodes, ax=ax, node_size=[sizes[n] for n in nodes],
                           node_color="#333333" if geographic else "white", edgecolors="#333333",
                           linewidths=1.3)
    quads: set[int] = set()
    if edges:
        colors = [quad_color(d.get("quad_class")) for _, _, d in edges]
        quads = {int(d["quad_class"]) for _, _, d in edges if d.get("quad_class") in QUAD_COLORS}
        widths = [min(8.0, 1.5 + 1.6 * math.log2(float(d.get("count", 1) or 1))) for _, _, d in edges]
        nx.draw_networkx_edges(graph, positions, edgelist=[(u, v) for u, v, _ in edges], ax=ax,
                               edge_color=colors, width=widths, arrows=True, arrowstyle="-|>",
                               arrowsize=16, node_size=[sizes[n] for n in nodes], nodelist=nodes,
                               connectionstyle="arc3,rad=0.14", min_target_margin=4)
    legend_box: list[Bbox] = []
    if legend:
        handles = quad_legend_handles(quads)
        if edges:
            handles.append(Line2D([], [], color="#555555", lw=4, label="Width: number of events"))
        handles.append(Line2D([], [], ls="", marker="o", mfc="#333333" if geographic else "white",
                              mec="#333333", ms=7 if geographic else 12, label="Actor (size: mentions)"))
        leg = ax.legend(handles=handles, loc="lower left" if geographic else "best", fontsize=9,
                        framealpha=0.92)
        leg.set_zorder(7)
        if geographic:
            legend_box.append(leg.get_window_extent())
    if geographic:
        by_mentions = sorted(nodes, key=lambda n: (-float(graph.nodes[n].get("mentions", 0) or 0), str(n)))
        items = [(str(n), positions[n][0], positions[n][1], math.sqrt(sizes[n]) / 2, "place")
                 for n in by_mentions]
        place_labels(ax, items, obstacles=legend_box)
        for text in ax.texts:
            text.set_fontweight("bold")
    else:
        nx.draw_networkx_labels(graph, positions, labels={n: str(n) for n in nodes}, ax=ax, font_size=8.5,
                                font_weight="bold", font_color="#111111")
        for text in ax.texts:
            text.set_path_effects(HALO)
        ax.set_axis_off()
        ax.margins(0.08)
    n_edges = graph.number_of_edges()
    ax.set_title(title if title is not None else
                 f"Actor network: {graph.number_of_nodes()} actors, {n_edges} directed relations",
                 fontsize=13, loc="left")
    return ax
