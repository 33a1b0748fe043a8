"""Time expressions resolved against the article date, with a precision (day, week, month, year).

'Monday' -> the Monday on or before the article date (on or after it for planned events),
'Sunday night' -> that Sunday, 'last week' -> the week before, 'Sept. 10-13' -> 2023-09-10 (day),
'January, 2020' -> 2020-01 (month), 'in 2019' -> 2019 (year), 'two days ago', 'over the weekend' (the
weekend just past), 'in mid-August' (the last August; the next one for planned events).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from analysis._resources import compiled, read_table


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A resolved time expression: its span, ISO date (first day of the period) and precision."""

    start: int
    end: int
    text: str
    date: str
    precision: str


@dataclass(frozen=True)
class _Patterns:
    full: re.Pattern[str]
    weekday: dict[str, int]
    month: dict[str, int]
    relative: dict[str, tuple[str, int]]
    number: dict[str, int]
    unit: dict[str, str]


@compiled
def _patterns() -> _Patterns:
    table = read_table("time_words.tsv", dtype=str)
    weekday = {w: int(v) for w, k, v in zip(table["word"], table["kind"], table["value"], strict=True)
               if k == "weekday"}
    month = {w: int(v) for w, k, v in zip(table["word"], table["kind"], table["value"], strict=True)
             if k == "month"}
    relative = {w: (k.removeprefix("relative_"), int(v))
                for w, k, v in zip(table["word"], table["kind"], table["value"], strict=True)
                if k.startswith("relative_")}
    number = {w: int(v) for w, k, v in zip(table["word"], table["kind"], table["value"], strict=True)
              if k == "number"}
    unit = {w: k.removeprefix("unit_") for w, k in zip(table["word"], table["kind"], strict=True)
            if k.startswith("unit_")}
    parts = table.loc[table["kind"] == "month_part", "word"].tolist()

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\.", r"\.?") for w in sorted({w.rstrip(".") for w in words},
                                                                          key=len, reverse=True))

    months = alt([m for m in month if len(m.rstrip(".")) >= 3])
    days = alt([d for d in weekday if len(d.rstrip(".")) >= 3])
    rel = "|".join(re.escape(r) for r in sorted(relative, key=len, reverse=True))
    numbers = "|".join(sorted(number, key=len, reverse=True))
    units = "|".join(sorted(unit, key=len, reverse=True))
    full = re.compile(
        rf"\b(?:(?P<mon>{months})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?"
        rf"(?:,?\s+(?P<dyear>(?:19|20)\d\d))?\b"
        rf"|(?P<mon2>{months})\.?,?\s+(?P<myear>(?:19|20)\d\d)\b"
        rf"|(?P<rel>{rel})\b"
        rf"|(?P<count>\d{{1,2}}|{numbers})\s+(?P<unit>{units})\s+ago\b"
        rf"|(?:(?:{'|'.join(parts)})[- ]|in\s+)(?P<mon3>{months})\b(?!\.?,?\s*\d)"
        rf"|(?P<wd>{days})\.?(?:\s+(?:morning|afternoon|evening|night))?\b"
        rf"|\b(?:in|since|by|during|until|of)\s+(?P<year>(?:19|20)\d\d)\b)",
        re.IGNORECASE,
    )
    return _Patterns(full, weekday, month, relative, number, unit)


def _month_num(word: str, pats: _Patterns) -> int:
    w = word.lower().rstrip(".")
    return pats.month.get(w) or pats.month.get(w + ".") or 0


def find_times(text: str, start: int, end: int, *, article_date: str | None, future: bool = False
               ) -> list[TimeExpression]:
    """Time expressions within text[start:end], resolved against the article date."""
    pats = _patterns()
    base = dt.date.fromisoformat(article_date) if article_date else None
    out: list[TimeExpression] = []
    for m in pats.full.finditer(text, start, end):
        g = m.groupdict()
        date: dt.date | None = None
        precision = "day"
        try:
            if g["mon"]:
                mon = _month_num(g["mon"], pats)
                year = int(g["dyear"]) if g["dyear"] else (base.year if base else None)
                if mon and year and g["mon"][0].isupper():
                    date = dt.date(year, mon, int(g["day"]))
            elif g["mon2"]:
                mon = _month_num(g["mon2"], pats)
                if mon and g["mon2"][0].isupper():
                    date, precision = dt.date(int(g["myear"]), mon, 1), "month"
            elif g["year"]:
                date, precision = dt.date(int(g["year"]), 1, 1), "year"
            elif base is None:
                continue
            elif g["rel"]:
                unit, offset = pats.relative[g["rel"].lower()]
                date, precision = _relative(base, unit, offset)
            elif g["count"]:  # 'two days ago', '3 weeks ago'
                count = int(g["count"]) if g["count"].isdigit() else pats.number[g["count"].lower()]
                date, precision = _relative(base, pats.unit[g["unit"].lower()], -count)
            elif g["mon3"]:  # 'in mid-August', 'in May': that month of the year, the latest one for past events
                mon = _month_num(g["mon3"], pats)
                if not mon or not g["mon3"][0].isupper():
                    continue
                year = base.year + (future and mon < base.month) - (not future and mon > base.month)
                date, precision = _month_start(year * 12 + mon - 1), "month"
            elif g["wd"] and g["wd"][0].isupper():
                wd = pats.weekday.get(g["wd"].lower().rstrip(".")) or pats.weekday.get(g["wd"].lower())
                if wd is None:
                    continue
                delta = (base.weekday() - wd) % 7
                date = _plus_days(base, 7 - delta if future and delta else -delta)
        except ValueError:
            continue  # 'Feb. 30'
        if date is not None:
            s, e = m.span()
            if g["year"]:
                s = m.start("year")
            elif g["mon3"] and text[s:s + 2].lower() == "in":
                s = m.start("mon3")  # 'October', but 'mid-August' whole
            out.append(TimeExpression(s, e, text[s:e], date.isoformat(), precision))
    return out


def _plus_days(base: dt.date, days: int) -> dt.date:
    """`base` moved by `days`, held at the calendar's first or last day ('tomorrow' of 9999-12-31)."""
    try:
        return base + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def _month_start(index: int) -> dt.date:
    """The first day of month `index` (year * 12 + month - 1), held within years 1 to 9999."""
    index = min(max(index, 12), 9999 * 12 + 11)
    return dt.date(index // 12, index % 12 + 1, 1)


def _relative(base: dt.date, unit: str, offset: int) -> tuple[dt.date, str]:
    if unit == "day":
        return _plus_days(base, offset), "day"
    if unit in ("week", "weekend"):
        monday = _plus_days(base, -base.weekday())
        if unit == "weekend" and base.weekday() < 5:
            offset -= 1  # 'over the weekend' in a weekday's article: the weekend just past
        return _plus_days(monday, 7 * offset), "week"
    if unit == "month":
        return _month_start(base.year * 12 + base.month - 1 + offset), "month"
    return _month_start((base.year + offset) * 12), "year"
