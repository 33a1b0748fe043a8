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


def test_timeline_spans_show_date_precision(records: list[dict]) -> None:
    ax = timeline_plot.plot_timeline(records)
    spans = [c for c in ax.collections if (c.get_gid() or "").startswith("timeline-spans")]
    paths = [p.get_extents() for c in spans for p in c.get_paths()]
    extents = [(round(e.x0, 6), round(e.x1, 6)) for e in paths]
    month = (mdates.date2num(pd.Timestamp("2022-02-01")), mdates.date2num(pd.Timestamp("2022-03-01")))
    week = (mdates.date2num(pd.Timestamp("2023-09-04")), mdates.date2num(pd.Timestamp("2023-09-11")))
    assert (round(month[0], 6), round(month[1], 6)) in extents
    assert (round(week[0], 6), round(week[1], 6)) in extents
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
    assert "1 outside the axis" in ax.get_title(loc="left")
