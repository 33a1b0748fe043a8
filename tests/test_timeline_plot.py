"""Event timelines (analysis.figures.timeline), drawn headless."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from plot_samples import refuse_show, sample_records  # noqa: E402

from analysis.figures import timeline as timeline_plot  # noqa: E402
from analysis.frames import events_frame  # noqa: E402

records = pytest.fixture(sample_records, name="records")
no_show = pytest.fixture(refuse_show, autouse=True, name="no_show")


def _extents(ax: plt.Axes, gid: str) -> list[tuple[float, float]]:
    spans = [c for c in ax.collections if (c.get_gid() or "").startswith(gid)]
    return [(round(e.x0, 6), round(e.x1, 6)) for e in (p.get_extents() for c in spans for p in c.get_paths())]


def _days(first: str, after_last: str) -> tuple[float, float]:
    return (round(float(mdates.date2num(pd.Timestamp(first))), 6),
            round(float(mdates.date2num(pd.Timestamp(after_last))), 6))


def test_timeline_spans_show_date_precision(records: list[dict]) -> None:
    week_only = [{**r, "events": [e for e in r["events"] if e.get("date", "") >= "2023"]} for r in records]
    assert _days("2023-09-04", "2023-09-11") in _extents(timeline_plot.plot_timeline(week_only), "timeline-spans")
    ax = timeline_plot.plot_timeline(records)
    month = [{"id": "m", "events": [{"source": "RUS", "target": "UKR", "date": "2022-02-01", "date_precision": "month",
                                     "quad_class": 4}]}]
    assert _days("2022-02-01", "2022-03-01") in _extents(timeline_plot.plot_timeline(month), "timeline-spans")
    days = [c for c in ax.collections if (c.get_gid() or "").startswith("timeline-days")]
    assert sum(len(c.get_offsets()) for c in days) == 5
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "RUSGOV → UKR" in labels and ax.get_legend() is not None


def test_timeline_from_events_frame(records: list[dict]) -> None:
    fig, ax = plt.subplots()
    assert timeline_plot.plot_timeline(events_frame(records), ax=ax, max_rows=3) is ax
    assert len(ax.get_yticklabels()) == 3 and "more pairs" in ax.get_title(loc="left")


def test_timeline_legend_keys_the_hollow_dots_of_uncertain_events(records: list[dict]) -> None:
    ax = timeline_plot.plot_timeline(records)
    hollow = [c for c in ax.collections if c.get_gid() == "timeline-days-uncertain"]
    assert hollow and len(hollow[0].get_offsets())  # the sample has planned events dated to the day
    legend = ax.get_legend()
    texts = [t.get_text() for t in legend.get_texts()]
    assert "Planned, suspected, hypothetical" in texts
    # its key includes a marker with a white face, as the hollow dots have ('Day' keys a filled one)
    ax.figure.canvas.draw()
    markers = [a for a in legend.findobj(matplotlib.lines.Line2D) if a.get_marker() == "o"]
    assert any(matplotlib.colors.to_hex(m.get_markerfacecolor()) == "#ffffff" for m in markers)


def test_no_dated_event_is_said_not_drawn_on_a_1970_axis() -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = timeline_plot.plot_timeline([{"id": "a", "events": [{"source": "RUS", "target": "UKR"}]}])
    assert "No dated events" in ax.texts[0].get_text() and not ax.axison


def test_the_axis_fits_the_bulk_of_the_events() -> None:
    events = [{"source": "RUS", "target": "UKR", "date": "2019-10-24", "date_precision": "day", "quad_class": 4}
              for _ in range(40)]
    events.append({"source": "USA", "target": "CHN", "date": "2018-09-01", "date_precision": "day", "quad_class": 1})
    ax = timeline_plot.plot_timeline([{"id": "a", "date": "2019-10-24", "events": events}])
    lo, hi = (mdates.num2date(x).replace(tzinfo=None) for x in ax.get_xlim())
    assert hi - lo < pd.Timedelta(days=30) and lo < pd.Timestamp("2019-10-24") < hi
    assert "1 in the background" in ax.get_title(loc="left")
    # the old event is not lost: its date is written at the left edge of its row
    (off,) = [t.get_text() for t in ax.texts if t.get_gid() == "timeline-background-off"]
    assert off == "◂ 1 Sep 2018"


def _summit_with_background() -> list[dict]:
    """An article of 2023-09-11: a summit that day, talks the week before, a year of arms deliveries
    before it ('in the past year') and the invasion of February 2022."""
    def event(date: str, precision: str, end: str | None = None, quad: int = 1, target: str = "RUS") -> dict:
        return {"source": "PRK", "target": target, "date": date, "date_precision": precision, "date_end": end,
                "quad_class": quad}
    return [{"id": "a", "date": "2023-09-11", "events": [
        event("2023-09-11", "day"), event("2023-09-11", "day", quad=2), event("2023-09-04", "week"),
        event("2022-09-11", "year", "2023-09-10", quad=2),
        {**event("2022-02-01", "month", quad=4), "source": "RUS", "target": "UKR"}]}]


def test_long_spans_are_background_and_leave_the_axis_to_the_news() -> None:
    ax = timeline_plot.plot_timeline(_summit_with_background())
    lo, hi = (mdates.num2date(x).replace(tzinfo=None) for x in ax.get_xlim())
    # the axis is the news of the days around the summit, not 19 months
    assert hi - lo < pd.Timedelta(days=21) and lo < pd.Timestamp("2023-09-04") and pd.Timestamp("2023-09-12") < hi
    # the year before the article is a thin bar cut at the left edge of the axis, its dates beside it
    (bar,) = _extents(ax, "timeline-background")
    assert bar == (round(ax.get_xlim()[0], 6), _days("2023-09-11", "2023-09-11")[0])
    labels = [t.get_text() for t in ax.texts if t.get_gid() == "timeline-background-label"]
    assert labels == ["◂ 11 Sep 2022 – 10 Sep 2023"]
    assert [t.get_text() for t in ax.texts if t.get_gid() == "timeline-background-off"] == ["◂ Feb 2022"]
    assert "2 in the background" in ax.get_title(loc="left")
    assert any("background" in t.get_text() for t in ax.get_legend().get_texts())
    # the news keeps its full-size marks: two dots on the summit day, the week's bar
    days = [c for c in ax.collections if (c.get_gid() or "").startswith("timeline-days")]
    assert sum(len(c.get_offsets()) for c in days) == 2
    assert _days("2023-09-04", "2023-09-11") in _extents(ax, "timeline-spans")


def test_a_timeline_of_spans_alone_shows_them_whole() -> None:
    records = [{"id": "a", "date": "2023-09-11", "events": [
        {"source": "PRK", "target": "RUS", "date": "2022-09-11", "date_precision": "year", "date_end": "2023-09-10",
         "quad_class": 2}]}]
    ax = timeline_plot.plot_timeline(records)
    assert _days("2022-09-11", "2023-09-11") in _extents(ax, "timeline-spans")
    assert not [t for t in ax.texts if (t.get_gid() or "").startswith("timeline-background")]
