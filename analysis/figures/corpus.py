"""Figures of corpus aggregates: a world choropleth of country mentions, cooperation and conflict
per dyad over time, and the network of the busiest actors.

The aggregates are computed by `analysis.corpus.aggregate`. As in `analysis.figures.map`, `analysis.figures.network`
and `analysis.figures.timeline` (figures of one article), each ``plot_*`` function draws on ``ax`` (a new
figure when ``ax`` is None) and returns the Axes; `count_classes` and `top_actors` choose what they draw.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import geopandas as gpd
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import BoundaryNorm, ListedColormap, to_hex
from matplotlib.patches import Patch

from analysis.corpus.aggregate import country_mentions_frame
from analysis.errors import InputError
from analysis.figures.style import literal_text
from analysis.frames import CRS, load_countries
from analysis.io.records import RecordsLike, as_records

COOPERATION, CONFLICT = "#0072B2", "#D55E00"
"""Okabe-Ito blue and vermilion, as QuadClass 1 and 4 in `analysis.figures.style`."""
_CLASS_STEPS = (1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)
_MAP_CRS = "+proj=eqearth +lon_0=0 +datum=WGS84 +units=m +no_defs"


# --- countries -----------------------------------------------------------------------------------

def count_classes(maximum: int) -> list[tuple[int, int]]:
    """Count classes for a choropleth: (low, high) inclusive ranges covering 1..maximum.

    >>> count_classes(12)
    [(1, 1), (2, 2), (3, 4), (5, 9), (10, 12)]
    """
    if maximum < 1:
        return []
    lows = [s for s in _CLASS_STEPS if s <= maximum]
    if maximum > _CLASS_STEPS[-1]:
        lows += [s * 10 ** k for k in range(1, 12) for s in _CLASS_STEPS[-3:] if s * 10 ** k <= maximum]
        lows = sorted(set(lows))
    return [(low, (lows[i + 1] - 1) if i + 1 < len(lows) else maximum) for i, low in enumerate(lows)]


@literal_text
def plot_country_mentions(data: RecordsLike | gpd.GeoDataFrame, *, ax: Axes | None = None,
                          column: str = "articles", focus: Collection[str] = (), labels: int = 10,
                          boundaries: gpd.GeoDataFrame | None = None, countries: pd.DataFrame | None = None,
                          title: str | None = None) -> Axes:
    """World choropleth of how often countries come up (Equal Earth projection).

    Parameters
    ----------
    data
        Extraction records, or an `analysis.corpus.aggregate.country_mentions_frame`.
    ax
        Axes to draw on; a new figure when None.
    column
        ``articles``, ``mentions``, ``actor_mentions`` or ``events``.
    focus
        ISO3 codes outlined in black.
    labels
        Name this many of the most mentioned countries with their count.
    boundaries, countries
        Reference data; default the bundled tables.
    title
        Axes title; default says what is counted.

    Returns
    -------
    ax
        The map; classes of counts (1, 2, 3-4, 5-9, ...) in a sequential palette, grey for none.
    """
    from pyproj import Transformer

    from analysis.figures.cartography import place_labels

    if isinstance(data, gpd.GeoDataFrame):
        frame, n_articles = data, None
    else:
        records = as_records(data)
        frame = country_mentions_frame(records, boundaries=boundaries, countries=countries)
        n_articles = len(records)
    if column not in frame.columns:
        raise InputError(f"plot_country_mentions: no column {column!r}; use articles, mentions, "
                         "actor_mentions or events")
    if ax is None:
        _, ax = plt.subplots(figsize=(12, 6.6), layout="constrained")
    from_ll = Transformer.from_crs(CRS, _MAP_CRS, always_xy=True)
    classes, cmap = _shade_countries(ax, frame, column, from_ll, set(focus))
    what = {"articles": "articles mentioning it", "mentions": "place mentions",
            "actor_mentions": "actor mentions", "events": "events it takes part in"}.get(column, column)
    legend = _choropleth_legend(ax, classes, cmap, what, bool(set(focus)))
    if labels > 0:
        place_labels(ax, _count_labels(frame, column, labels, countries, from_ll),
                     obstacles=[legend.get_window_extent()], fontsize=8.5)
    ax.text(0.995, 0.005, "Boundaries: Natural Earth", transform=ax.transAxes, ha="right", va="bottom",
            fontsize=7, color="#666666")
    scope = f" ({n_articles} articles)" if n_articles is not None else ""
    ax.set_title(title if title is not None else f"Countries by {what}{scope}", fontsize=13, loc="left")
    return ax


def _shade_countries(ax: Axes, frame: gpd.GeoDataFrame, column: str, from_ll: Any,
                     focus_set: set[str]) -> tuple[list[tuple[int, int]], ListedColormap]:
    """Ocean, outline and countries shaded by count class, focus countries outlined."""
    from analysis.figures.style import BORDER, LAND, OCEAN

    shapes = frame.set_geometry(frame.geometry.segmentize(2.0)).to_crs(_MAP_CRS)
    t = np.linspace(0, 1, 181)
    edge = np.concatenate([np.column_stack([-180 + 360 * t, np.full(t.size, -90.0)]),
                           np.column_stack([np.full(t.size, 180.0), -90 + 180 * t]),
                           np.column_stack([180 - 360 * t, np.full(t.size, 90.0)]),
                           np.column_stack([np.full(t.size, -180.0), 90 - 180 * t])])
    ox, oy = from_ll.transform(edge[:, 0], edge[:, 1])
    ax.fill(ox, oy, color=OCEAN, lw=0, zorder=0)
    ax.plot(ox, oy, color="#8C8C8C", lw=0.8, zorder=4)
    values = shapes[column].fillna(0).astype(int)
    classes = count_classes(int(values.max()) if len(values) else 0)
    cmap = ListedColormap(plt.get_cmap("YlGnBu")(np.linspace(0.18, 0.95, max(len(classes), 1))))
    edges = [low - 0.5 for low, _ in classes] + [classes[-1][1] + 0.5] if classes else []
    norm = BoundaryNorm(edges, cmap.N) if classes else None
    colors = [LAND if v <= 0 or norm is None else to_hex(cmap(norm(v))) for v in values]
    shapes.plot(ax=ax, color=colors, edgecolor=BORDER, linewidth=0.35, zorder=2, aspect=None)
    if focus_set:
        chosen = shapes[shapes["iso3"].isin(focus_set)]
        if len(chosen):
            chosen.boundary.plot(ax=ax, color="#111111", linewidth=1.4, zorder=3, aspect=None)
    pad = 0.01 * float(np.max(ox) - np.min(ox))
    ax.set_xlim(float(np.min(ox)) - pad, float(np.max(ox)) + pad)
    ax.set_ylim(float(np.min(oy)) - pad, float(np.max(oy)) + pad)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return classes, cmap


def _choropleth_legend(ax: Axes, classes: list[tuple[int, int]], cmap: ListedColormap, what: str,
                       focus: bool) -> Any:
    from analysis.figures.style import BORDER, LAND

    handles: list[Any] = [Patch(facecolor=cmap(i), edgecolor=BORDER,
                                label=str(low) if low == high else f"{low}–{high}")
                          for i, (low, high) in enumerate(classes)]
    handles.append(Patch(facecolor=LAND, edgecolor=BORDER, label="none"))
    if focus:
        handles.append(Patch(facecolor="none", edgecolor="#111111", linewidth=1.4, label="focus country"))
    legend = ax.legend(handles=handles, title=what.capitalize(), loc="lower left", fontsize=8.5,
                       title_fontsize=9, framealpha=0.92)
    legend.set_zorder(7)
    return legend


def _count_labels(frame: gpd.GeoDataFrame, column: str, labels: int, countries: pd.DataFrame | None,
                  from_ll: Any) -> list[Any]:
    """'Name count' labels of the most counted countries at their points, most first."""
    table = load_countries(countries)
    names = table["name"] if "name" in table.columns else table["iso3"]
    rows = zip(table["iso3"], table["lon"], table["lat"], names, strict=True)
    points = {str(iso3): (float(lon), float(lat), str(name)) for iso3, lon, lat, name in rows
              if not (pd.isna(lon) or pd.isna(lat))}
    top = frame[frame[column] > 0].sort_values([column, "iso3"], ascending=[False, True]).head(labels)
    items = []
    for iso3, count in zip(top["iso3"].astype(str), top[column].astype(int), strict=True):
        if iso3 in points:
            lon, lat, name = points[iso3]
            x, y = from_ll.transform(lon, lat)
            items.append((f"{name} {count}", float(x), float(y), 0.0, "place"))
    return items


# --- dyads ---------------------------------------------------------------------------------------

@literal_text
def plot_dyad_balance(series: pd.DataFrame, *, ax: Axes | None = None, title: str | None = None,
                      legend: bool = True) -> Axes:
    """Cooperation and conflict over time, one row per dyad: bars up for cooperation, down for conflict.

    Parameters
    ----------
    series
        From `analysis.corpus.aggregate.dyad_series` (rows in its dyad order).
    ax
        Axes to draw on; a new figure when None.
    title
        Axes title; default a summary.
    legend
        Draw the legend.

    Returns
    -------
    ax
        Bar heights are scaled to the busiest period of any dyad; each row is annotated with its
        totals and balance.
    """
    dyads = list(dict.fromkeys(series["dyad"])) if len(series) else []
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 1.6 + 0.75 * max(len(dyads), 2)), layout="constrained")
    if not dyads:
        ax.text(0.5, 0.5, "No dated events between two sides", ha="center", va="center",
                transform=ax.transAxes, color="#555555")
        ax.set_axis_off()
        ax.set_title(title if title is not None else "Cooperation and conflict over time", fontsize=13,
                     loc="left")
        return ax
    periods = pd.DatetimeIndex(sorted(series["period"].unique()))
    one = pd.Timedelta(days=_PERIOD_DAYS.get(str(series.attrs.get("freq", "D")), 1.0))  # one period alone
    step = (periods[1] - periods[0]) if len(periods) > 1 else one
    days = step / pd.Timedelta(days=1)
    peak = max(int(series["cooperation"].max()), int(series["conflict"].max()), 1)
    scale = 0.42 / peak
    for i, dyad in enumerate(dyads):
        rows = series[series["dyad"] == dyad]
        y = float(i)
        ax.axhline(y, color="#BBBBBB", lw=0.8, zorder=1)
        coop = rows[rows["cooperation"] > 0]
        conf = rows[rows["conflict"] > 0]
        ax.bar(mdates.date2num(coop["period"] + step / 2), -coop["cooperation"] * scale, width=days * 0.8,
               bottom=y, color=COOPERATION, zorder=2)
        ax.bar(mdates.date2num(conf["period"] + step / 2), conf["conflict"] * scale, width=days * 0.8,
               bottom=y, color=CONFLICT, zorder=2)
        n_coop, n_conf = int(rows["cooperation"].sum()), int(rows["conflict"].sum())
        total = n_coop + n_conf
        balance = (n_coop - n_conf) / total if total else 0.0
        ax.annotate(f"{n_coop} coop. / {n_conf} confl.  balance {balance:+.2f}", (1.0, y),
                    xycoords=("axes fraction", "data"), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=8.5, color="#333333", annotation_clip=False)
    ax.set_yticks(range(len(dyads)), dyads, fontsize=9.5)
    ax.set_ylim(len(dyads) - 0.5, -0.5)
    pad = step * (2.0 if len(periods) < 3 else 0.2)  # one or two periods: a few around, not hours
    ax.set_xlim(float(mdates.date2num(periods[0] - pad)), float(mdates.date2num(periods[-1] + step + pad)))
    ax.grid(axis="x", color="#E3E3E3", lw=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    locator = mdates.AutoDateLocator(maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if legend:
        ax.legend(handles=[Patch(facecolor=COOPERATION, label="Cooperation (up)"),
                           Patch(facecolor=CONFLICT, label="Conflict (down)")],
                  loc="upper left", bbox_to_anchor=(0.0, 1.0 + 0.35 / max(len(dyads), 2)), ncol=2,
                  fontsize=8.5, frameon=False)
    per = "day" if days <= 1 else "week" if days <= 7 else "month" if days <= 31 else "year"
    ax.set_title(title if title is not None else
                 f"Cooperation and conflict per {per}, {len(dyads)} busiest pair{'s' if len(dyads) != 1 else ''} "
                 f"(bar height: events, peak {peak}){_outside(series)}",
                 fontsize=13, loc="left", pad=22)
    return ax


_PERIOD_DAYS = {"D": 1.0, "W": 7.0, "M": 30.44, "Y": 365.25}


def _outside(series: pd.DataFrame) -> str:
    n, coarse = int(series.attrs.get("outside", 0) or 0), int(series.attrs.get("coarse", 0) or 0)
    return ((f"; {n} dated event{'s' if n != 1 else ''} outside the axis" if n else "")
            + (f"; {coarse} dated only to a longer period, not counted" if coarse else ""))


# --- actor networks ------------------------------------------------------------------------------

def top_actors(graph: nx.DiGraph, n: int = 40) -> nx.DiGraph:
    """The `n` actors that take part in most events (then most mentioned), with the edges among them."""
    ranked = sorted(graph.nodes, key=lambda v: (-int(graph.nodes[v].get("events", 0) or 0),
                                                 -int(graph.nodes[v].get("mentions", 0) or 0), str(v)))
    keep = ranked[:max(n, 0)]
    sub = graph.subgraph(keep).copy()
    sub.graph["total_actors"] = graph.number_of_nodes()
    return sub


@literal_text
def plot_actor_network(records: RecordsLike, *, top: int = 40, ax: Axes | None = None,
                       include_negated: bool = False, level: str = "country", title: str | None = None,
                       max_relations: int = 80) -> Axes:
    """The actor network of records (`analysis.network.actor_graph`) at `level` ("country" by default,
    as in the corpus report and `georel export` of several articles; "actor" for PRKGOV, RUSMIL ...):
    the `top` actors with most events drawn, the others and their events counted in the caption."""
    from analysis.figures.network import plot_network
    from analysis.network import actor_graph

    graph = actor_graph(records, include_negated=include_negated, level=level)
    active = graph.subgraph([n for n in graph.nodes if graph.degree(n) > 0])
    sub = top_actors(active, top)
    left = active.number_of_nodes() - sub.number_of_nodes()
    hidden = active.number_of_edges() - sub.number_of_edges()
    parts = [f"{graph.number_of_nodes()} actors, {active.number_of_nodes()} of them in a relation "
             f"({graph.number_of_edges()} directed relations)"]
    if left:
        parts.append(f"the {sub.number_of_nodes()} with most events drawn; {left} others and {hidden} relations "
                     "involving them are not drawn")
    if graph.graph.get("level") == "country":
        parts.append("events within one country are left out")
    edges = sub.number_of_edges()
    shown = min(edges, max_relations)
    default = (f"Actor network: {sub.number_of_nodes()} most active actors, "
               f"{shown if shown == edges else f'the {shown} busiest of {edges}'} directed "
               f"relation{'s' if edges != 1 else ''} drawn")
    return plot_network(sub, ax=ax, title=title if title is not None else default, caption="; ".join(parts) + ".",
                        max_relations=max_relations)
