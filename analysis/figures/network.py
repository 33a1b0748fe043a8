"""The actor-network figure: actors as labelled boxes, directed relations as arrows coloured by
QuadClass, in a force-directed layout whose boxes never overlap, or at the actors' capitals
(`analysis.network` builds the graph). Actors without a relation are listed under the drawing."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Hashable, Mapping

import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from analysis.figures.cartography import HALO, place_labels
from analysis.figures.style import LAND, OCEAN, QUAD_COLORS, literal_text, new_axes, quad_color, quad_legend_handles
from analysis.frames import load_boundaries
from analysis.network import layout

Positions = dict[Hashable, tuple[float, float]]
GAP_PX = 24.0
"""Least room between two actor boxes, in pixels, so that an arrow between them stays visible."""

@literal_text
def plot_network(graph: nx.DiGraph, *, ax: Axes | None = None, geographic: bool = False,
                 countries: pd.DataFrame | None = None, boundaries: gpd.GeoDataFrame | None = None,
                 pos: Mapping[Hashable, tuple[float, float]] | None = None, title: str | None = None,
                 legend: bool = True, caption: str | None = None, max_relations: int = 80) -> Axes:
    """Draw an actor graph: actor codes in boxes, edges coloured by dominant QuadClass.

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
        Start positions instead of `analysis.network.layout` (boxes are still pushed apart).
    title
        Axes title; default counts of the actors and relations drawn.
    legend
        Draw the legend (outside the drawing, on its right).
    caption
        A line under the drawing; actors without a relation are listed after it instead of drawn.
    max_relations
        Draw at most this many relations, the busiest (the title says how many of how many).

    Returns
    -------
    ax
        Edge width grows with the number of events, label size with actor mentions.
    """
    ax = new_axes(ax, (11, 8))
    isolated = sorted((n for n in graph.nodes if graph.degree(n) == 0), key=str) if not geographic else []
    drawn = graph.subgraph([n for n in graph.nodes if n not in set(isolated)])
    edges = sorted(drawn.edges(data=True), key=lambda e: (-int(e[2].get("count", 1) or 1), str(e[0]), str(e[1])))
    total, edges = len(edges), edges[:max(max_relations, 0)]
    quads = {int(d["quad_class"]) for _, _, d in edges if d.get("quad_class") in QUAD_COLORS}
    shown = f"the {len(edges)} busiest of {total}" if len(edges) < total else f"{total}"
    ax.set_title(title if title is not None else
                 f"Actor network: {drawn.number_of_nodes()} actors, {shown} directed relation"
                 f"{'s' if total != 1 else ''}", fontsize=13, loc="left")
    if legend:
        _legend(ax, quads, bool(edges), geographic)
    _caption(ax, caption, isolated)
    if geographic:
        _draw_geographic(ax, drawn, edges, countries, boundaries, pos)
    else:
        _draw_boxes(ax, drawn, edges, pos)
    return ax


def _legend(ax: Axes, quads: set[int], edges: bool, geographic: bool) -> None:
    handles = quad_legend_handles(quads)
    if edges:
        handles.append(Line2D([], [], color="#555555", lw=4, label="Width: number of events"))
    handles.append(Line2D([], [], ls="", marker="o" if geographic else "s", mfc="#333333" if geographic else "white",
                          mec="#333333", ms=7 if geographic else 11,
                          label="Actor (size: mentions)" if geographic else "Actor (text size: mentions)"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, frameon=False,
              borderaxespad=0.0)


def _caption(ax: Axes, caption: str | None, isolated: list[Hashable]) -> None:
    """Text under the drawing: the caller's caption, then the actors left undrawn for want of a relation."""
    parts = [caption] if caption else []
    if isolated:
        names = ", ".join(str(n) for n in isolated[:30]) + (f" and {len(isolated) - 30} more"
                                                             if len(isolated) > 30 else "")
        parts.append(f"{len(isolated)} actor{'s' if len(isolated) != 1 else ''} without a relation, not drawn: "
                     f"{names}.")
    ax.set_xlabel("\n".join(textwrap.fill(p, 140) for p in parts), fontsize=8.5, loc="left", color="#333333")


def _node_font(graph: nx.DiGraph, n: Hashable, top: float) -> float:
    mentions = float(graph.nodes[n].get("mentions", 0) or 0)
    return 8.0 + 4.0 * math.sqrt(mentions / top) if top > 0 else 8.0


def _draw_boxes(ax: Axes, graph: nx.DiGraph, edges: list, pos: Mapping[Hashable, tuple[float, float]] | None) -> None:
    """Boxed labels pushed apart until none overlaps, then arrows that end at the boxes' edges."""
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.set_xticks([])
    ax.set_yticks([])
    nodes = sorted(graph.nodes, key=str)
    if not nodes:
        return
    fig = ax.get_figure(root=True)
    assert fig is not None
    fig.draw_without_rendering()  # settle the layout: the axes' size in pixels is what the boxes share
    frame = ax.get_window_extent()
    width, height = max(frame.width, 50.0), max(frame.height, 50.0)
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    top = max(float(graph.nodes[n].get("mentions", 0) or 0) for n in nodes)
    labels: dict[Hashable, Text] = {}
    for n in nodes:
        labels[n] = ax.text(0, 0, str(n), ha="center", va="center", fontsize=_node_font(graph, n, top),
                            fontweight="bold", color="#111111", zorder=6, gid="actor",
                            bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": "#333333", "lw": 1.1})
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    sizes = np.array([[labels[n].get_window_extent(renderer).width, labels[n].get_window_extent(renderer).height]
                      for n in nodes])
    start = dict(pos) if pos is not None else layout(graph)
    xy = spread_boxes(np.array([start[n] for n in nodes], dtype=float), sizes, width, height)
    for n, (x, y) in zip(nodes, xy, strict=True):
        labels[n].set_position((float(x), float(y)))
    points = 72.0 / fig.dpi  # box sizes were measured in pixels at the figure's dpi; shrinks are in points
    for u, v, data in edges:
        (x0, y0), (x1, y1) = xy[nodes.index(u)], xy[nodes.index(v)]
        angle = math.atan2(y1 - y0, x1 - x0)
        lw = min(5.0, 0.9 + 1.1 * math.log2(float(data.get("count", 1) or 1)))
        arrow = FancyArrowPatch((x0, y0), (x1, y1), arrowstyle="-|>", mutation_scale=11 + 1.5 * lw, lw=lw,
                                color=quad_color(data.get("quad_class")), alpha=0.9, connectionstyle="arc3,rad=0.15",
                                shrinkA=_to_edge(sizes[nodes.index(u)], angle) * points + 2,
                                shrinkB=_to_edge(sizes[nodes.index(v)], angle) * points + 3, zorder=3)
        ax.add_patch(arrow)


def _to_edge(size: np.ndarray, angle: float) -> float:
    """Distance from a box's centre to its edge along `angle` (the box `size` = width, height)."""
    c, s = abs(math.cos(angle)), abs(math.sin(angle))
    return float(min(size[0] / 2 / c if c > 1e-9 else math.inf, size[1] / 2 / s if s > 1e-9 else math.inf))


def _even_out(points: np.ndarray) -> np.ndarray:
    """Coordinates in [0, 1], half by value and half by rank: clusters open up, empty bands close, and
    the order of the points along each axis is kept."""
    span = np.ptp(points, axis=0)
    span[span == 0] = 1.0
    scaled = (points - points.min(axis=0)) / span
    ranks = points.argsort(axis=0).argsort(axis=0) / max(len(points) - 1, 1)
    return 0.5 * scaled + 0.5 * ranks


def spread_boxes(start: np.ndarray, sizes: np.ndarray, width: float, height: float, *,
                 gap: float = GAP_PX, rounds: int = 400) -> np.ndarray:
    """Box centres inside (0, width) x (0, height), from `start` scaled to fit, pushed apart until no
    two boxes (``sizes`` = widths, heights) come closer than `gap`; font sizes are what they are, so a
    crowded drawing grows its gaps evenly rather than stacking boxes."""
    n = len(start)
    half = sizes / 2 + gap / 2
    lo, hi = half.max(axis=0), np.array([width, height]) - half.max(axis=0)
    xy = lo + _even_out(start) * np.maximum(hi - lo, 1.0) if n > 1 else (lo + hi) / 2 + 0 * start
    rng = np.random.default_rng(7)
    xy = xy + rng.uniform(-0.5, 0.5, xy.shape)  # break exact ties
    for _ in range(rounds):
        dx = xy[:, None, :] - xy[None, :, :]
        need = half[:, None, :] + half[None, :, :]
        over = need - np.abs(dx)
        hit = (over[..., 0] > 0) & (over[..., 1] > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        axis = np.where(over[..., 0] / need[..., 0] < over[..., 1] / need[..., 1], 0, 1)
        push = np.zeros_like(xy)
        for k in (0, 1):
            amount = np.where(hit & (axis == k), over[..., k] / 2 + 0.5, 0.0) * np.sign(dx[..., k] + 1e-9)
            push[:, k] = amount.sum(axis=1)
        xy = np.clip(xy + 0.6 * push, half, np.array([width, height]) - half)
    return xy


def _draw_geographic(ax: Axes, graph: nx.DiGraph, edges: list, countries: pd.DataFrame | None,
                     boundaries: gpd.GeoDataFrame | None, pos: Mapping[Hashable, tuple[float, float]] | None) -> None:
    """Actors at their capitals over faint borders, labels placed where they overlap nothing."""
    positions = dict(pos) if pos is not None else layout(graph, geographic=True, countries=countries)
    nodes = sorted(graph.nodes, key=str)
    if positions and nodes:
        _geographic_frame(ax, np.array([positions[n] for n in nodes]), boundaries)
    sizes = {n: 90.0 + 45.0 * math.sqrt(float(graph.nodes[n].get("mentions", 0) or 0)) for n in nodes}
    nx.draw_networkx_nodes(graph, positions, nodelist=nodes, ax=ax, node_size=[sizes[n] for n in nodes],
                           node_color="#333333", edgecolors="#333333", linewidths=1.3)
    if edges:
        widths = [min(8.0, 1.5 + 1.6 * math.log2(float(d.get("count", 1) or 1))) for _, _, d in edges]
        nx.draw_networkx_edges(graph, positions, edgelist=[(u, v) for u, v, _ in edges], ax=ax,
                               edge_color=[quad_color(d.get("quad_class")) for _, _, d in edges], width=widths,
                               arrows=True, arrowstyle="-|>", arrowsize=16, node_size=[sizes[n] for n in nodes],
                               nodelist=nodes, connectionstyle="arc3,rad=0.14", min_target_margin=4)
    by_mentions = sorted(nodes, key=lambda n: (-float(graph.nodes[n].get("mentions", 0) or 0), str(n)))
    items = [(str(n), positions[n][0], positions[n][1], math.sqrt(sizes[n]) / 2, "place") for n in by_mentions]
    obstacles: list[Bbox] = []
    place_labels(ax, items, obstacles=obstacles)
    for text in ax.texts:
        text.set_fontweight("bold")
        text.set_path_effects(HALO)


def _geographic_frame(ax: Axes, pts: np.ndarray, boundaries: gpd.GeoDataFrame | None) -> None:
    xs, ys = pts.T
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
