"""The event-timeline figure: one row per (source, target) pair, events as day markers or as spans
of their week, month or year, coloured by QuadClass."""

from __future__ import annotations

from typing import Any

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.legend_handler import HandlerTuple
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from analysis.figures.style import QUAD_COLORS, UNCERTAIN, literal_text, new_axes, quad_color
from analysis.frames import events_frame
from analysis.io.records import RecordsLike
from analysis.schema import QUAD_CLASSES

_SPANS = {"week": pd.DateOffset(weeks=1), "month": pd.DateOffset(months=1), "year": pd.DateOffset(years=1)}


@literal_text
def plot_timeline(data: RecordsLike | pd.DataFrame, *, ax: Axes | None = None, max_rows: int = 25,
                  include_negated: bool = False, title: str | None = None, legend: bool = True) -> Axes:
    """Events over time, one row per (source, target) pair, coloured by QuadClass.

    Day-precision events are markers; week, month and year precision events are spans across the
    whole period (a month-precision event of February 2022 covers 1 February to 1 March).
    Planned, suspected or hypothetical events are hollow or hatched.

    Parameters
    ----------
    data
        Extraction records (list, single record or JSONL path) or an `events_frame` table.
    ax
        Axes to draw on; a new figure when None.
    max_rows
        Show the pairs with most events, at most this many.
    include_negated
        Also show events reported as not having happened.
    title
        Axes title; default a summary.
    legend
        Draw the legend.

    Returns
    -------
    ax
        The timeline. Its axis spans the bulk of the dated events (see `news_window`): spans much
        longer than the news around them run off its edges, and the title counts events outside.
        Without dated events it says so instead of drawing an empty axis.
    """
    events = data if isinstance(data, pd.DataFrame) else events_frame(data)
    events = events[events["date"].notna()]
    if not include_negated:
        events = events[~events["negated"].astype(bool)]
    if not len(events):
        return _no_events(new_axes(ax, (10, 2.2)), title)
    events = events.assign(
        dyad=events["source"].fillna("?").astype(str) + " → " + events["target"].fillna("—").astype(str))
    order = (events.groupby("dyad").agg(n=("dyad", "size"), first=("date", "min"))
             .sort_values(["n", "first"], ascending=[False, True]).head(max_rows)
             .sort_values(["first"], kind="stable"))
    hidden = events["dyad"].nunique() - len(order)
    events = events[events["dyad"].isin(order.index)]
    rows = {dyad: i for i, dyad in enumerate(order.index)}
    ax = new_axes(ax, (10, 1.8 + 0.45 * max(len(rows), 2)))
    quads = {int(q) for q in events["quad_class"].dropna()}
    precisions = {p if p in _SPANS else "day" for p in events["date_precision"]}
    hollow, hatched = _draw_events(ax, events, rows)
    outside = _set_time_axis(ax, events)
    ax.set_yticks(range(len(rows)), list(rows), fontsize=9.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.grid(axis="x", color="#DDDDDD", lw=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(axis="x", labelsize=9.5)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    if legend:
        _legend(ax, quads, precisions, hollow, hatched)
    more = f"; {hidden} more pairs not shown" if hidden > 0 else ""
    cut = f"; {outside} outside the axis" if outside else ""
    ax.set_title(title if title is not None else f"Events over time: {len(events)} events{cut}{more}",
                 fontsize=13, loc="left")
    return ax


def _draw_events(ax: Axes, events: pd.DataFrame, rows: dict[str, int]) -> tuple[bool, bool]:
    """Dots for day-precision events and spans for the others, in lanes; return whether any hollow
    dot and any hatched span (uncertain events) were drawn."""
    spans: dict[bool, tuple[list[Any], list[str]]] = {False: ([], []), True: ([], [])}
    dots: dict[bool, tuple[list[float], list[float], list[str]]] = {False: ([], [], []), True: ([], [], [])}
    items = []
    for row in events.itertuples(index=False):
        start = pd.Timestamp(row.date)
        precision = row.date_precision if row.date_precision in _SPANS else "day"
        end = start + _SPANS[precision] if precision != "day" else start
        items.append((rows[row.dyad], mdates.date2num(start), mdates.date2num(end), precision,
                      quad_color(row.quad_class), row.modality in UNCERTAIN))
    if items:
        lo, hi = min(i[1] for i in items), max(i[2] for i in items)
        dot = max(1.0, 0.012 * (hi - lo))  # a marker's width in days, so markers get lanes too
    for y, x0, x1, precision, color, uncertain in _lanes(items, dot if items else 1.0):
        if precision == "day":
            dots[uncertain][0].append(x0)
            dots[uncertain][1].append(y[0])
            dots[uncertain][2].append(color)
        else:
            (y0, y1) = (y[0] - y[1], y[0] + y[1])
            spans[uncertain][0].append([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
            spans[uncertain][1].append(color)
    for uncertain, (verts, colors) in spans.items():
        if verts:
            coll = PolyCollection(verts, facecolors=[_tint(c, 0.45) for c in colors], edgecolors=colors,
                                  linewidths=1.4, hatch="///" if uncertain else None, zorder=2)
            coll.set_gid("timeline-spans-uncertain" if uncertain else "timeline-spans")
            ax.add_collection(coll)
    for uncertain, (xs, ys, colors) in dots.items():
        if xs:
            ax.scatter(xs, ys, s=70, marker="o", zorder=3, linewidths=2 if uncertain else 1,
                       facecolors="white" if uncertain else colors,
                       edgecolors=colors if uncertain else "white",
                       gid="timeline-days-uncertain" if uncertain else "timeline-days")
    return bool(dots[True][0]), bool(spans[True][0])


def _no_events(ax: Axes, title: str | None) -> Axes:
    """An axes that says there is nothing dated to draw (no 1970 axis)."""
    ax.text(0.5, 0.5, "No dated events to draw", ha="center", va="center", transform=ax.transAxes,
            color="#555555", fontsize=11)
    ax.set_axis_off()
    ax.set_title(title if title is not None else "Events over time", fontsize=13, loc="left")
    return ax


def news_window(dates: pd.Series, ends: pd.Series) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The time range a timeline shows: all of it, unless the middle 90% of the events take less than
    a third of it (a year-long background span, or GDELT's few old events among a day's news); then
    that middle, padded."""
    lo, hi = pd.Timestamp(dates.min()), pd.Timestamp(ends.max())
    q_lo, q_hi = pd.Timestamp(dates.quantile(0.05)), pd.Timestamp(dates.quantile(0.95)) + pd.Timedelta(days=1)
    core = max(q_hi - q_lo, pd.Timedelta(days=2))
    if (hi - lo) <= 3 * core + pd.Timedelta(days=30):
        return lo, hi
    pad = max(core * 0.15, pd.Timedelta(days=3))
    return q_lo - pad, q_hi + pad


def _set_time_axis(ax: Axes, events: pd.DataFrame) -> int:
    """Dates on x over `news_window`; return how many events lie wholly outside it."""
    ax.xaxis_date()
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    starts = pd.to_datetime(events["date"])
    ends = pd.Series([pd.Timestamp(d) + _SPANS.get(p, pd.DateOffset(days=1))
                      for d, p in zip(starts, events["date_precision"], strict=True)], index=events.index)
    lo, hi = news_window(starts, ends)
    if (lo, hi) == (starts.min(), ends.max()):
        pad = max(pd.Timedelta(days=5), (hi - lo) * 0.04)
        lo, hi = lo - pad, hi + pad
    ax.set_xlim(float(mdates.date2num(lo)), float(mdates.date2num(hi)))
    return int(((ends < lo) | (starts > hi)).sum())


def _legend(ax: Axes, quads: set[int], precisions: set[str], hollow: bool, hatched: bool) -> None:
    handles: list[Any] = [Patch(facecolor=QUAD_COLORS[q], label=QUAD_CLASSES[q].capitalize())
                          for q in sorted(quads)]
    handles.append(Line2D([], [], ls="", marker="o", color="#555555", ms=7, label="Day"))
    if precisions - {"day"}:
        handles.append(Patch(facecolor=_tint("#555555", 0.45), edgecolor="#555555",
                             label="Week, month or year (span)"))
    labels = [h.get_label() for h in handles]
    # the key of an uncertain event shows the marks it is drawn with: a hollow dot, a hatched span
    hedged: list[Any] = [Line2D([], [], ls="", marker="o", markerfacecolor="white", markeredgecolor="#555555",
                                markeredgewidth=2, ms=7)] if hollow else []
    if hatched:
        hedged.append(Patch(facecolor="white", edgecolor="#555555", hatch="///"))
    if hedged:
        handles.append(tuple(hedged))
        labels.append("Planned, suspected, hypothetical")
    ax.legend(handles=handles, labels=labels, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8.5,
              frameon=False, handler_map={tuple: HandlerTuple(ndivide=None, pad=0.4)})


def _lanes(items: list[tuple[int, float, float, str, str, bool]],
           dot: float) -> list[tuple[tuple[float, float], float, float, str, str, bool]]:
    """Give overlapping items of a row separate lanes: ((y centre, half height), x0, x1, ...)."""
    out = []
    by_row: dict[int, list[tuple[int, float, float, str, str, bool]]] = {}
    for item in sorted(items, key=lambda i: (i[0], i[1], -i[2])):
        by_row.setdefault(item[0], []).append(item)
    for row, members in by_row.items():
        ends: list[float] = []
        lane_of = []
        for _, x0, x1, *_rest in members:
            right = max(x1, x0 + dot)
            lane = next((k for k, end in enumerate(ends) if end < x0), len(ends))
            if lane == len(ends):
                ends.append(right)
            else:
                ends[lane] = right
            lane_of.append(lane)
        n = len(ends)
        half = 0.28 / n if n > 1 else 0.28
        for (_, x0, x1, precision, color, uncertain), lane in zip(members, lane_of, strict=True):
            y = row + (lane - (n - 1) / 2) * (0.64 / n) if n > 1 else float(row)
            out.append(((y, half), x0, x1, precision, color, uncertain))
    return out


def _tint(color: str, amount: float) -> tuple[float, float, float]:
    """`color` faded towards white: `amount` 1 keeps it, 0 gives white."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(color)
    return (1 - amount * (1 - r), 1 - amount * (1 - g), 1 - amount * (1 - b))
