"""Hostile input at the edges: calendar limits, NUL bytes, huge lines, formula-like cells, line
separators in JSON; each works or fails with one line naming the file or record, never a traceback."""

from __future__ import annotations

import pytest

from analysis.extract.pipeline import extract_record
from analysis.extract.timex import find_times
from analysis.io.articles import article_from_text


@pytest.mark.parametrize("date", ["9999-12-31", "9999-12-27", "0001-01-01", "0001-01-03"])
@pytest.mark.parametrize("words", ["tomorrow", "yesterday", "on Sunday", "last week", "next week", "next month",
                                   "last month", "next year", "last year", "in December", "in January",
                                   "over the weekend", "two weeks ago"])
def test_dates_at_the_calendars_edges_are_held_there(date: str, words: str) -> None:
    text = f"Kim met Putin in Vladivostok {words}."
    found = find_times(text, 0, len(text), article_date=date)
    found += find_times(text, 0, len(text), article_date=date, future=True)
    assert all("0001-01-01" <= t.date <= "9999-12-31" for t in found)
    record = extract_record(article_from_text(f"date {date}\n{text}"))
    assert record["date"] == date
