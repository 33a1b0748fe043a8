"""Article dates as news feeds write them, read into ISO calendar dates (YYYY-MM-DD).

Accepted, in this order:

- `datetime.date` / `datetime.datetime` objects;
- numbers (a numeric JSON or CSV column): an 8-digit ``YYYYMMDD`` or 14-digit ``YYYYMMDDHHMMSS``
  (GDELT's forms) when it is a real date, otherwise epoch seconds (milliseconds above 1e11), UTC;
- ISO 8601 dates and datetimes with or without a zone (``2023-09-11``, ``2023-09-11T10:00:00+09:00``);
- RFC 2822, the form of every RSS feed (``Mon, 11 Sep 2023 10:00:00 GMT``);
- written dates (``Sept. 11, 2023``, ``11 September 2023``, ``Monday, September 11th 2023``), read
  by python-dateutil with a year, a month and a day all required.

The date is the calendar day as written: ``2023-09-11T23:30:00-05:00`` is 2023-09-11, not the UTC day.

Day-month order: a numeric date such as ``11/09/2023`` is read day first (the order of most of the
world's press) unless ``day_first=False``, or inside ``with date_order("mdy"):`` (what
``georel extract/report --date-order mdy`` does); when the first number is above 12 it is a day and
when the second is, a month, whatever the option. A date whose order was decided by the default rule
carries a note (one read in an order chosen with `date_order` does not).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from dateutil import parser as _dateutil

__all__ = ["DATE_ORDERS", "DateReading", "UnreadableDateError", "date_order", "read_date"]

DATE_ORDERS = ("dmy", "mdy")
"""Orders of a numeric date: day/month/year (the default rule) or month/day/year."""
_ORDER: ContextVar[str | None] = ContextVar("georel_date_order", default=None)

_NUMERIC = re.compile(r"\A[+-]?\d+(?:\.\d+)?\Z")
_ISO = re.compile(r"\A\d{4}-\d{2}-\d{2}(?:[T ].*)?\Z")
_RFC2822 = re.compile(r"\A(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}")
_SLASHED = re.compile(r"\A(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b")
_SENTINELS = (dt.datetime(1, 1, 1), dt.datetime(2, 2, 2))
MAX_TEXT = 80


class UnreadableDateError(ValueError):
    """A value that is not a date in any of the accepted forms."""


@dataclass(frozen=True)
class DateReading:
    """The ISO day read from a value, and a note when a rule had to decide (day-month order)."""

    date: str
    note: str | None = None


@contextmanager
def date_order(order: str) -> Iterator[None]:
    """Within the block, read numeric dates that could be either order as `order` ("dmy" or "mdy"),
    without a note: the caller chose it (``georel --date-order``)."""
    if order not in DATE_ORDERS:
        raise ValueError(f"date order must be one of {', '.join(DATE_ORDERS)}, not {order!r}")
    token = _ORDER.set(order)
    try:
        yield
    finally:
        _ORDER.reset(token)


def read_date(value: object, *, day_first: bool | None = None) -> DateReading | None:
    """The calendar day of `value`; None when it is empty; raise UnreadableDateError when it is not a date.

    See the module docstring for the accepted forms and the day-month rule; `day_first` None means
    the order chosen with `date_order`, else day first.
    """
    chosen = _ORDER.get() if day_first is None else None
    reading = _read(value, day_first=chosen != "mdy" if day_first is None else day_first)
    if reading is not None and chosen is not None and reading.note:
        return DateReading(reading.date)
    return reading


def _read(value: object, *, day_first: bool) -> DateReading | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return DateReading(value.date().isoformat())
    if isinstance(value, dt.date):
        return DateReading(value.isoformat())
    if isinstance(value, bool):
        raise UnreadableDateError(f"{value!r} is not a date")
    if isinstance(value, (int, float)):
        return DateReading(_from_number(value, str(value)))
    text = " ".join(str(value).split())
    if not text:
        return None
    if len(text) > MAX_TEXT:
        raise UnreadableDateError(f"{text[:40]!r}... is too long to be a date")
    if _NUMERIC.match(text):
        return DateReading(_from_number(float(text) if "." in text else int(text), text))
    return _from_text(text, day_first=day_first)


def _from_number(number: int | float, text: str) -> str:
    """YYYYMMDD, YYYYMMDDHHMMSS, or epoch seconds (ms above 1e11)."""
    if isinstance(number, float) and not math.isfinite(number):
        raise UnreadableDateError(f"{text!r} is not a date")
    digits = text.lstrip("+")
    if isinstance(number, int) and len(digits) in (8, 14) and digits.isdigit():
        try:
            return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8])).isoformat()
        except ValueError:
            pass
    seconds = number / 1000 if abs(number) >= 1e11 else number
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        raise UnreadableDateError(f"{text!r} is neither YYYYMMDD nor epoch seconds of a real day") from None


def _from_text(text: str, *, day_first: bool) -> DateReading:
    if _ISO.match(text):
        try:
            return DateReading(dt.datetime.fromisoformat(text).date().isoformat())
        except ValueError:
            try:
                return DateReading(dt.date.fromisoformat(text[:10]).isoformat())
            except ValueError:
                raise UnreadableDateError(f"{text!r} is not a real calendar date") from None
    if _RFC2822.match(text):
        try:
            return DateReading(parsedate_to_datetime(text).date().isoformat())
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
    note = None
    slashed = _SLASHED.match(text)
    if slashed:
        first, second = int(slashed[1]), int(slashed[2])
        if first > 12:
            day_first = True
        elif second > 12:
            day_first = False
        elif first != second:
            order = "day/month" if day_first else "month/day"
            note = f"{text!r} could be day/month or month/day; read as {order}"
    return DateReading(_written(text, day_first=day_first), note)


def _written(text: str, *, day_first: bool) -> str:
    """A written date via dateutil; year, month and day must all be in the text."""
    days = []
    for default in _SENTINELS:
        try:
            parsed = _dateutil.parse(text, default=default, dayfirst=day_first, fuzzy=False)
        except (ValueError, OverflowError, TypeError) as exc:
            raise UnreadableDateError(f"{text!r} is not a date ({str(exc)[:60]})") from None
        days.append(parsed.date())
    if days[0] != days[1]:
        raise UnreadableDateError(f"{text!r} lacks a year, month or day")
    return days[0].isoformat()
