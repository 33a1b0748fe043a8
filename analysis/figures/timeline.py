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
_NEWS_SPAN = pd.Timedelta(days=8)
"""Events of at most this long are the article's news; longer spans are its background."""


@literal_text
def plot_timeline(data: RecordsLike | pd.DataFrame, *, ax: Axes | None = None, max_rows: int = 25,
                  include_negated: bool = False, title: str | None = None, legend: bool = True) -> Axes:
    """Events over time, one row per (source, target) pair, coloured by QuadClass.

    Day-precision events are markers; week, month and year precision events and spans up to the
    article ('in the past year') are bars across the whole period (a month-precision event of
    February 2022 covers 1 February to 1 March). Planned, suspected or hypothetical events are
    hollow or hatched.

    When the article's own news (events of a day or a week) takes a small part of the whole time
    range, the axis shows that news (see `time_window`) and the long spans and older events behind it
    are background: thin pale bars under their row, cut at the axis edges with their dates written
    beside them, and events wholly off the axis as a mark at the edge with their date.

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
        The timeline. Without dated events it says so instead of drawing an empty axis.
    """
    events = data if isinstance(data, pd.DataFrame) else events_frame(data)
    events = events[events["date"].notna()]
    if not include_negated:
        events = events[~events["negated"].astype(bool)]
    if not len(events):
        return _no_events(new_axes(ax, (10, 2.2)), title)
    events = _with_spans(events)
    order = (events.groupby("dyad").agg(n=("dyad", "size"), first=("start", "min"))
             .sort_values(["n", "first"], ascending=[False, True]).head(max_rows)
             .sort_values(["first"], kind="stable"))
    hidden = events["dyad"].nunique() - len(order)
    events = events[events["dyad"].isin(order.index)]
    rows = {dyad: i for i, dyad in enumerate(order.index)}
    ax = new_axes(ax, (10, 1.8 + 0.45 * max(len(rows), 2)))
    lo, hi, focused = time_window(events["start"], events["end"])
    behind = _is_background(events, lo, hi) if focused else pd.Series(False, index=events.index)
    hollow, hatched = _draw_events(ax, events[~behind], rows, (lo, hi))
    _draw_background(ax, events[behind], rows, (lo, hi))
    _set_time_axis(ax, lo, hi)
    ax.set_yticks(range(len(rows)), list(rows), fontsize=9.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.grid(axis="x", color="#DDDDDD", lw=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(axis="x", labelsize=9.5)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    shown = events[~behind]
    if legend:
        _legend(ax, {int(q) for q in events["quad_class"].dropna()},
                {p if p in _SPANS else "day" for p in shown["date_precision"]}, hollow, hatched, bool(behind.any()))
    more = f"; {hidden} more pairs not shown" if hidden > 0 else ""
    back = f" ({int(behind.sum())} in the background)" if behind.any() else ""
    ax.set_title(title if title is not None else f"Events over time: {len(events)} events{back}{more}",
                 fontsize=13, loc="left")
    return ax


def _with_spans(events: pd.DataFrame) -> pd.DataFrame:
    """`events` with ``dyad`` (source → target), ``start`` and ``end`` (the day after the last day)."""
    start = pd.to_datetime(events["date"])
    if "date_end" in events:
        last = pd.to_datetime(events["date_end"])
    else:
        last = pd.Series(pd.NaT, index=events.index, dtype=start.dtype)
    derived = pd.Series([d + _SPANS.get(p, pd.DateOffset(days=1)) - pd.Timedelta(days=1)
                         for d, p in zip(start, events["date_precision"], strict=True)], index=events.index)
    end = last.fillna(derived).clip(lower=start) + pd.Timedelta(days=1)
    return events.assign(dyad=events["source"].fillna("?").astype(str) + " → " + events["target"].fillna("—")
                         .astype(str), start=start, end=end)


def _is_background(events: pd.DataFrame, lo: pd.Timestamp, hi: pd.Timestamp) -> pd.Series:
    """Events behind the news: spans longer than a week, and events wholly outside the axis."""
    return ((events["end"] - events["start"]) > _NEWS_SPAN) | (events["end"] <= lo) | (events["start"] >= hi)


def _draw_events(ax: Axes, events: pd.DataFrame, rows: dict[str, int],
                 window: tuple[pd.Timestamp, pd.Timestamp]) -> tuple[bool, bool]:
    """Dots for day-precision events and spans for the others, in lanes; return whether any hollow
    dot and any hatched span (uncertain events) were drawn."""
    spans: dict[bool, tuple[list[Any], list[str]]] = {False: ([], []), True: ([], [])}
    dots: dict[bool, tuple[list[float], list[float], list[str]]] = {False: ([], [], []), True: ([], [], [])}
    items = []
    for row in events.itertuples(index=False):
        day = (row.end - row.start) <= pd.Timedelta(days=1)
        x0 = float(mdates.date2num(row.start))
        items.append((rows[row.dyad], x0, x0 if day else float(mdates.date2num(row.end)),
                      "day" if day else "span", quad_color(row.quad_class), row.modality in UNCERTAIN))
    lo, hi = (float(mdates.date2num(t)) for t in window)
    for y, x0, x1, kind, color, uncertain in _lanes(items, max(1.0, 0.012 * (hi - lo))):
        if kind == "day":
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


def _draw_background(ax: Axes, events: pd.DataFrame, rows: dict[str, int],
                     window: tuple[pd.Timestamp, pd.Timestamp]) -> None:
    """Thin pale bars under their row for the background, cut at the axis edges, and below them
    their dates; events wholly off the axis as their dates at the edge they lie beyond."""
    lo, hi = window
    verts, colors = [], []
    for dyad, group in events.sort_values(["start", "end"]).groupby("dyad", sort=False):
        r = rows[str(dyad)]
        on = group[(group["end"] > lo) & (group["start"] < hi)]
        labels: dict[str, None] = {}
        for k, row in enumerate(on.head(3).itertuples(index=False)):
            x0, x1 = (float(mdates.date2num(t)) for t in (max(row.start, lo), min(row.end, hi)))
            y = r + 0.36 + 0.07 * k
            verts.append([(x0, y - 0.025), (x1, y - 0.025), (x1, y + 0.025), (x0, y + 0.025)])
            colors.append(quad_color(row.quad_class))
            label = _period_label(row.start, row.end, str(row.date_precision))
            labels[("◂ " if row.start < lo else "") + label + (" ▸" if row.end > hi else "")] = None
        if labels:
            x = float(mdates.date2num(max(on["start"].min(), lo)))
            ax.annotate("; ".join(labels), (x, r + 0.36 + 0.07 * (min(len(on), 3) - 1)), xytext=(3, -6),
                        textcoords="offset points", fontsize=7.5, color="#555555", va="center", ha="left",
                        gid="timeline-background-label")
        for left, off in ((True, group[group["end"] <= lo]), (False, group[group["start"] >= hi])):
            if len(off):
                text = "; ".join(dict.fromkeys(_period_label(t.start, t.end, str(t.date_precision))
                                               for t in off.itertuples(index=False)))
                ax.annotate(f"◂ {text}" if left else f"{text} ▸", (float(mdates.date2num(lo if left else hi)), r),
                            xytext=(3 if left else -3, 0), textcoords="offset points", fontsize=7.5,
                            color="#555555", va="center", ha="left" if left else "right",
                            gid="timeline-background-off")
    if verts:
        coll = PolyCollection(verts, facecolors=[_tint(c, 0.6) for c in colors], edgecolors="none", zorder=1)
        coll.set_gid("timeline-background")
        ax.add_collection(coll)


def _period_label(start: pd.Timestamp, end: pd.Timestamp, precision: str) -> str:
    """'Feb 2022', '2019', 'week of 4 Sep 2023' or '11 Sep 2022 – 10 Sep 2023' for a span."""
    last = end - pd.Timedelta(days=1)
    if precision == "year" and (start.month, start.day, last.month, last.day) == (1, 1, 12, 31):
        return f"{start:%Y}" if start.year == last.year else f"{start:%Y}–{last:%Y}"
    if precision == "month" and start.day == 1 and last == start + pd.offsets.MonthEnd(0):
        return f"{start:%b %Y}"
    if last <= start:
        return f"{start.day} {start:%b %Y}"
    return f"{start.day} {start:%b %Y} – {last.day} {last:%b %Y}"


def _no_events(ax: Axes, title: str | None) -> Axes:
    """An axes that says there is nothing dated to draw (no 1970 axis)."""
    ax.text(0.5, 0.5, "No dated events to draw", ha="center", va="center", transform=ax.transAxes,
            color="#555555", fontsize=11)
    ax.set_axis_off()
    ax.set_title(title if title is not None else "Events over time", fontsize=13, loc="left")
    return ax


def time_window(starts: pd.Series, ends: pd.Series) -> tuple[pd.Timestamp, pd.Timestamp, bool]:
    """The time range a timeline shows, and whether it is focused on the news.

    All of it, padded, unless the news (events of at most a week, else all) takes less than a third
    of it (a year-long background span, the invasion of 2022 behind a summit, GDELT's few old events
    among a day's news); then the middle 90% of the news, padded.
    """
    short = (ends - starts) <= _NEWS_SPAN
    news_starts, news_ends = (starts[short], ends[short]) if short.any() else (starts, ends)
    lo, hi = pd.Timestamp(starts.min()), pd.Timestamp(ends.max())
    q_lo = pd.Timestamp(news_starts.quantile(0.05))
    q_hi = max(pd.Timestamp(news_starts.quantile(0.95)) + pd.Timedelta(days=1),
               pd.Timestamp(news_ends[news_starts <= news_starts.quantile(0.95)].max()))
    core = max(q_hi - q_lo, pd.Timedelta(days=2))
    if (hi - lo) <= 3 * core + pd.Timedelta(days=30):
        pad = max(pd.Timedelta(days=5), (hi - lo) * 0.04)
        return lo - pad, hi + pad, False
    pad = max(core * 0.15, pd.Timedelta(days=3))
    return q_lo - pad, q_hi + pad, True


def _set_time_axis(ax: Axes, lo: pd.Timestamp, hi: pd.Timestamp) -> None:
    """Dates on x from `lo` to `hi`."""
    ax.xaxis_date()
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlim(float(mdates.date2num(lo)), float(mdates.date2num(hi)))


def _legend(ax: Axes, quads: set[int], precisions: set[str], hollow: bool, hatched: bool,
            background: bool = False) -> None:
    handles: list[Any] = [Patch(facecolor=QUAD_COLORS[q], label=QUAD_CLASSES[q].capitalize())
                          for q in sorted(quads)]
    handles.append(Line2D([], [], ls="", marker="o", color="#555555", ms=7, label="Day"))
    if precisions - {"day"}:
        handles.append(Patch(facecolor=_tint("#555555", 0.45), edgecolor="#555555",
                             label="Week, month or year (span)"))
    if background:
        handles.append(Patch(facecolor=_tint("#555555", 0.55), edgecolor="none",
                             label="Longer or earlier (background, cut ◂ ▸)"))
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
