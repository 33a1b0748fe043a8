"""Time expressions resolved against the article date, with a precision (day, week, month, year).

'Monday' -> the Monday on or before the article date (on or after it for planned events),
'Sunday night' -> that Sunday, 'last week' -> the week before, 'Sept. 10-13' -> 2023-09-10 (day),
'January, 2020' -> 2020-01 (month), 'in 2019' -> 2019 (year), 'two days ago', 'over the weekend' (the
weekend just past), 'in mid-August' (the last August; the next one for planned events).
Spans that end at the article date are the time they mean: 'in the past year', 'over the last two
weeks', 'in recent months' -> from that long before the article date to the day before it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from analysis._resources import compiled, read_table


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A resolved time expression: its span, ISO date (first day of the period), precision and the
    period's last day (inclusive: the date itself for a day)."""

    start: int
    end: int
    text: str
    date: str
    precision: str
    last_day: str


@dataclass(frozen=True)
class _Patterns:
    full: re.Pattern[str]
    weekday: dict[str, int]
    month: dict[str, int]
    relative: dict[str, tuple[str, int]]
    number: dict[str, int]
    unit: dict[str, str]
    recent: int
    # a word that every time expression holds one of: a month, a weekday, the last word of a relative
    # expression ('yesterday', 'week'), 'past', 'last', 'recent', 'ago', each also with "'s" (a year
    # needs its digits instead)
    keys: frozenset[str]
    # `full` without IGNORECASE, its words in lower case, for a lower-cased text (None if its source is not ASCII)
    lowered: re.Pattern[str] | None


_LEAD = r"(?:in|over|during|for|within|throughout)\s+"
"""Words before 'the last ...' that make it a span up to now ('over the last year', not 'the last year of')."""


@compiled
def _patterns() -> _Patterns:
    table = read_table("time_words.tsv", dtype=str)
    rows = list(zip(table["word"], table["kind"], table["value"], strict=True))
    weekday = {w: int(v) for w, k, v in rows if k == "weekday"}
    month = {w: int(v) for w, k, v in rows if k == "month"}
    relative = {w: (k.removeprefix("relative_"), int(v)) for w, k, v in rows if k.startswith("relative_")}
    number = {w: int(v) for w, k, v in rows if k == "number"}
    unit = {w: k.removeprefix("unit_") for w, k, _ in rows if k.startswith("unit_")}
    recent = next((int(v) for w, k, v in rows if k == "recent"), 3)
    parts = [w for w, k, _ in rows if k == "month_part"]

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\.", r"\.?") for w in sorted({w.rstrip(".") for w in words},
                                                                          key=len, reverse=True))

    months = alt([m for m in month if len(m.rstrip(".")) >= 3])
    days = alt([d for d in weekday if len(d.rstrip(".")) >= 3])
    rel = "|".join(re.escape(r) for r in sorted(relative, key=len, reverse=True))
    numbers = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(number, key=len, reverse=True))
    counts = rf"\d{{1,3}}|{numbers}"
    units = "|".join(sorted(unit, key=len, reverse=True))
    full = re.compile(
        rf"\b(?:(?P<mon>{months})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?"
        rf"(?:,?\s+(?P<dyear>(?:19|20)\d\d))?\b"
        rf"|(?P<mon2>{months})\.?,?\s+(?P<myear>(?:19|20)\d\d)\b"
        rf"|(?:(?:{_LEAD})?(?:the\s+)?past|{_LEAD}the\s+last|the\s+last(?=\s+(?:{counts})\s))"
        rf"\s+(?:(?P<scount>{counts})\s+)?(?P<sunit>{units})\b"
        rf"|(?:in\s+)?recent\s+(?P<runit>days|weeks|months|years)\b"
        rf"|(?P<rel>{rel})\b"
        rf"|(?P<count>\d{{1,2}}|{numbers})\s+(?P<unit>{units})\s+ago\b"
        rf"|(?:(?:{'|'.join(parts)})[- ]|in\s+)(?P<mon3>{months})\b(?!\.?,?\s*\d)"
        rf"|(?P<wd>{days})\.?(?:\s+(?:morning|afternoon|evening|night))?\b"
        rf"|\b(?:in|since|by|during|until|of)\s+(?P<year>(?:19|20)\d\d)\b)",
        re.IGNORECASE,
    )
    keys = {m.rstrip(".").lower() for m in [*month, *weekday]} | {r.split()[-1] for r in relative} \
        | {"past", "last", "recent", "ago"}
    keys |= {k + s for k in keys for s in ("'s", "’s")}  # 'Sunday's event' is one token
    return _Patterns(full, weekday, month, relative, number, unit, recent, frozenset(keys), _lowered(full))


def _lowered(full: re.Pattern[str]) -> re.Pattern[str] | None:
    """`full` case-sensitive for a text in lower case: its words lower-cased (its escapes are all lower-case and
    its group names stay as they are); None unless no character of its source outside ASCII has a case (no
    letter then matches another of a case-insensitive class, as 'ſ' matches 's')."""
    source = full.pattern
    if not _caseless_beyond_ascii(source) or re.search(r"\\[A-Z]", source):
        return None
    return re.compile(source.lower().replace("(?p<", "(?P<"), full.flags & ~re.IGNORECASE)


_YEAR = re.compile(r"(?:19|20)\d\d")


def _month_num(word: str, pats: _Patterns) -> int:
    w = word.lower().rstrip(".")
    return pats.month.get(w) or pats.month.get(w + ".") or 0


_Resolved = tuple[dt.date, str, dt.date | None]
"""(first day, precision, last day when it is not the end of the first day's period)."""


def find_times(text: str, start: int, end: int, *, article_date: str | None, future: bool = False,
               words: Iterable[str] | None = None) -> list[TimeExpression]:
    """Time expressions within text[start:end], resolved against the article date. `words`: the lower-case
    words of that text, when the caller has them (a text without a word of a time expression and without
    a year is then not searched)."""
    pats = _patterns()
    if words is not None and pats.keys.isdisjoint(words) and not _YEAR.search(text, start, end):
        return []
    base = dt.date.fromisoformat(article_date) if article_date else None
    out: list[TimeExpression] = []
    for m in _time_matches(pats, text, start, end):
        g = m.groupdict()
        try:
            found = _absolute(g, base, pats) if base is None or not _is_relative(g) else (
                _relative_match(g, base, pats, future))
        except ValueError:
            continue  # 'Feb. 30'
        if found is None:
            continue
        date, precision, last = found
        s, e = m.span()
        if g["year"]:
            s = m.start("year")
        elif g["mon3"] and text[s:s + 2].lower() == "in":
            s = m.start("mon3")  # 'October', but 'mid-August' whole
        out.append(TimeExpression(s, e, text[s:e], date.isoformat(), precision,
                                  (last or period_end(date, precision)).isoformat()))
    return out


_WORD_RUN = re.compile(r"\w+")


def _word_matches(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of `pattern.finditer(text, start, end)` for a pattern each of whose matches opens with a
    word character after a word boundary (as `_Patterns.full` does): tried only where a run of word characters
    starts, not at every character (the engine would try the whole alternation of the pattern at each)."""
    pos = start
    for run in _WORD_RUN.finditer(text, start, end):
        at = run.start()
        if at >= pos and (m := pattern.match(text, at, end)) is not None:
            yield m
            pos = m.end()


def _time_matches(pats: _Patterns, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of `pats.full.finditer(text, start, end)`. Where no letter outside ASCII has a case, the
    words where none starts are found in the lower-cased text with `pats.lowered` (a case-sensitive pattern
    fails faster); each match found is read again with `full`, at the same place, for its groups."""
    lowered, context = pats.lowered, max(0, start - 1)  # (the character before: a word boundary reads it)
    span = text[context:end]
    low = span.lower()
    if lowered is None or len(low) != len(span) or not _caseless_beyond_ascii(span):
        yield from _word_matches(pats.full, text, start, end)
        return
    pos = start
    for run in _WORD_RUN.finditer(low, start - context):
        at = run.start() + context
        if at >= pos and lowered.match(low, at - context) is not None:
            m = pats.full.match(text, at, end)
            if m is None:  # (cannot be: the two patterns match the same texts; if it were, `full` decides)
                yield from _word_matches(pats.full, text, pos, end)
                return
            yield m
            pos = m.end()


def _caseless_beyond_ascii(text: str) -> bool:
    """Whether every character of the text outside ASCII has no case (quotes, dashes, spaces)."""
    return text.isascii() or all(c.lower() == c == c.upper() for c in set(text) if not c.isascii())


def _is_relative(g: dict[str, str | None]) -> bool:
    return not (g["mon"] or g["mon2"] or g["year"])


def _absolute(g: dict[str, str | None], base: dt.date | None, pats: _Patterns) -> _Resolved | None:
    """A date the text names: 'Sept. 5' (of the article's year), 'January, 2020', 'in 2019'."""
    if g["mon"]:
        mon = _month_num(g["mon"], pats)
        year = int(g["dyear"]) if g["dyear"] else (base.year if base else None)
        if mon and year and g["mon"][0].isupper() and g["day"]:
            return dt.date(year, mon, int(g["day"])), "day", None
    elif g["mon2"] and g["myear"]:
        mon = _month_num(g["mon2"], pats)
        if mon and g["mon2"][0].isupper():
            return dt.date(int(g["myear"]), mon, 1), "month", None
    elif g["year"]:
        return dt.date(int(g["year"]), 1, 1), "year", None
    return None


def _relative_match(g: dict[str, str | None], base: dt.date, pats: _Patterns, future: bool) -> _Resolved | None:
    """A time the text gives relative to the article date."""
    if g["sunit"]:  # 'in the past year', 'over the last two weeks': up to the article date
        count = _count(g["scount"], pats) if g["scount"] else 1
        return _span_before(base, pats.unit[g["sunit"].lower()], count)
    if g["runit"]:  # 'in recent months'
        return _span_before(base, g["runit"].lower().rstrip("s"), pats.recent)
    if g["rel"]:
        unit, offset = pats.relative[g["rel"].lower()]
        return (*_relative(base, unit, offset), None)
    if g["count"] and g["unit"]:  # 'two days ago', '3 weeks ago'
        return (*_relative(base, pats.unit[g["unit"].lower()], -_count(g["count"], pats)), None)
    if g["mon3"]:  # 'in mid-August', 'in May': that month of the year, the latest one for past events
        mon = _month_num(g["mon3"], pats)
        if not mon or not g["mon3"][0].isupper():
            return None
        year = base.year + (future and mon < base.month) - (not future and mon > base.month)
        return _month_start(year * 12 + mon - 1), "month", None
    if g["wd"] and g["wd"][0].isupper():
        wd = pats.weekday.get(g["wd"].lower().rstrip(".")) or pats.weekday.get(g["wd"].lower())
        if wd is None:
            return None
        delta = (base.weekday() - wd) % 7
        return _plus_days(base, 7 - delta if future and delta else -delta), "day", None
    return None


def _count(word: str, pats: _Patterns) -> int:
    return int(word) if word.isdigit() else pats.number[" ".join(word.lower().split())]


def _span_before(base: dt.date, unit: str, count: int) -> _Resolved:
    """The `count` units before the article date: from that day back to the day before it."""
    if unit == "day":
        first = _plus_days(base, -count)
    elif unit == "week":
        first = _plus_days(base, -7 * count)
    else:
        first = _months_before(base, count * (12 if unit == "year" else 1))
    return first, unit, _plus_days(base, -1)


def _months_before(base: dt.date, months: int) -> dt.date:
    """`base` moved back by `months`, its day held within the month (31 March - 1 month = 28 February)."""
    start = _month_start(base.year * 12 + base.month - 1 - months)
    last = calendar.monthrange(start.year, start.month)[1]
    return start.replace(day=min(base.day, last))


def period_end(date: dt.date, precision: str) -> dt.date:
    """The last day of the day, week, month or year that starts at `date`."""
    if precision == "week":
        return _plus_days(date, 6)
    if precision == "month":
        return date.replace(day=calendar.monthrange(date.year, date.month)[1])
    if precision == "year":
        return date.replace(month=12, day=31)
    return date


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
