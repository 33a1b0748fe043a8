"""Dates as feeds write them (analysis.io.dates): a table of inputs and the days they mean."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from analysis.io.dates import UnreadableDateError, read_date

TABLE = Path(__file__).parent / "data" / "feed_dates.tsv"


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("row", _rows(), ids=lambda r: f"{r['value']}|{r['day_first']}")
def test_feed_date_table(row: dict[str, str]) -> None:
    day_first = row["day_first"] == "yes"
    if row["expected"] == "ERROR":
        with pytest.raises(UnreadableDateError):
            read_date(row["value"], day_first=day_first)
        return
    reading = read_date(row["value"], day_first=day_first)
    if not row["expected"]:
        assert reading is None
        return
    assert reading is not None and reading.date == row["expected"]
    assert (reading.note is not None) == (row["note"] == "ambiguous")


@pytest.mark.parametrize("value,expect", [
    (20230911, "2023-09-11"), (1694426400, "2023-09-11"), (1694426400.5, "2023-09-11"),
    (dt.date(2023, 9, 11), "2023-09-11"), (dt.datetime(2023, 9, 11, 23, 59), "2023-09-11"),
])
def test_numbers_and_date_objects(value: object, expect: str) -> None:
    reading = read_date(value)
    assert reading is not None and reading.date == expect


@pytest.mark.parametrize("value", [True, float("nan"), float("inf"), 10**30, "x" * 200])
def test_values_that_are_not_dates_raise(value: object) -> None:
    with pytest.raises(UnreadableDateError):
        read_date(value)


def test_a_chosen_date_order_reads_either_way_without_a_note() -> None:
    from analysis.io.dates import date_order

    assert read_date("11/09/2023") is not None and read_date("11/09/2023").note  # the default rule says so
    with date_order("mdy"):
        assert read_date("11/09/2023") == read_date("11/09/2023", day_first=False).__class__("2023-11-09")
        assert read_date("13/09/2023").date == "2023-09-13"  # a number above 12 is a day whatever the order
    with date_order("dmy"):
        assert read_date("11/09/2023").date == "2023-09-11" and read_date("11/09/2023").note is None
    assert read_date("11/09/2023").date == "2023-09-11"  # the order ends with the block
    with pytest.raises(ValueError, match="dmy, mdy"), date_order("ymd"):
        pass
