"""Selecting the records of a corpus: reading them and narrowing them to a date range and focus countries.

`load_records` reads articles (extracting them) or ``georel extract`` output; `date_range` and
`parse_countries` validate a report's parameters; `filter_records` keeps the articles, and their
events, in the range that involve a focus country; `describe_selection` says what a selection holds.
Records are taken as `analysis.frames` takes them (a list, one record or a JSONL path). The tables
made of a selection are in `analysis.corpus.aggregate`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import warnings
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.errors import InputError
from analysis.frames import load_countries
from analysis.io.articles import parse_date
from analysis.io.records import Record, RecordsLike, as_records

_ISO3 = re.compile(r"^[A-Z]{3}$")


# --- parameters and inputs -----------------------------------------------------------------------

def parse_day(value: Any, *, field: str = "date") -> pd.Timestamp | None:
    """A YYYY-MM-DD string (or date) as a Timestamp; None for an empty value.

    Raises `analysis.errors.InputError` naming `field` when the value is not a real date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, pd.Timestamp):
        return value.normalize()
    text = parse_date(str(value), source=field)
    return pd.Timestamp(text) if text else None


def date_range(start: Any = None, end: Any = None) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """Validated (start, end) days, either open; raises InputError when start is after end."""
    first, last = parse_day(start, field="start date"), parse_day(end, field="end date")
    if first is not None and last is not None and first > last:
        raise InputError(f"start date {first:%Y-%m-%d} is after end date {last:%Y-%m-%d}; swap them",
                         source="date range")
    return first, last


def parse_countries(value: str | Iterable[str] | None, *,
                    countries: pd.DataFrame | None = None) -> tuple[str, ...]:
    """ISO 3166-1 alpha-3 codes from ``"PRK, rus"`` or a list; empty for None or ``""``.

    Every code must be in the country table (default `analysis.extract.gazetteer.countries()`).
    """
    if value is None:
        return ()
    items = re.split(r"[\s,;]+", value) if isinstance(value, str) else [str(v) for v in value]
    codes = [item.strip().upper() for item in items if item.strip()]
    if not codes:
        return ()
    known = set(load_countries(countries)["iso3"].astype(str))
    for code in codes:
        if not _ISO3.match(code) or code not in known:
            raise InputError(f"{code!r} is not an ISO 3166-1 alpha-3 country code (say RUS, PRK, USA)",
                             source="focus countries")
    return tuple(dict.fromkeys(codes))


def load_records(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
                 on_error: Callable[[InputError], None] | None = None,
                 on_warning: Callable[[str], None] | None = None, date_order: str = "") -> list[dict[str, Any]]:
    """Records of a corpus: articles are extracted, ``georel extract`` output is read as it is.

    Parameters
    ----------
    inputs
        Article files (.txt, .jsonl, .csv), folders of them, or JSONL files of extraction records
        (recognised by their ``places`` / ``events`` fields).
    on_error
        Called with each unreadable file or record so that the others still load; when None the
        first error is raised.
    on_warning
        Called with the text of each warning given while reading (a date read by a rule, HTML
        input ...) instead of letting Python print it; when None warnings go their usual way.
    date_order
        "dmy" or "mdy": how to read article dates such as 11/09/2023 (see
        `analysis.io.dates.date_order`); empty for the default rule (day first, with a warning).

    Returns
    -------
    records
        One record per article, in input order.
    """
    from analysis.io.dates import date_order as chosen_order

    with chosen_order(date_order) if date_order else contextlib.nullcontext():
        if on_warning is None:
            return _load_records(inputs, on_error)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            records = _load_records(inputs, on_error)
    for warning in caught:
        on_warning(str(warning.message))
    return records


def _load_records(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
                  on_error: Callable[[InputError], None] | None) -> list[dict[str, Any]]:
    from analysis.extract.gazetteer import load_gazetteer
    from analysis.extract.pipeline import extract_records
    from analysis.io.articles import iter_articles
    from analysis.io.records import read_records

    paths = [inputs] if isinstance(inputs, str | os.PathLike) else list(inputs)
    records: list[dict[str, Any]] = []
    articles: list[str | Path] = []
    for path in _expand_folders(paths):
        if _is_records_file(Path(path)):
            try:
                records.extend(read_records(path, on_error=on_error))  # a bad line costs only itself
            except InputError as err:
                if on_error is None:
                    raise
                on_error(err)
        else:
            articles.append(Path(path))
    if articles:
        gazetteer = load_gazetteer()
        for record in extract_records(iter_articles(articles, on_error=on_error), gazetteer=gazetteer):
            if isinstance(record, Exception):
                raise record
            records.append(record)
    return records


def _expand_folders(paths: list[Any]) -> list[Any]:
    """Folders holding `georel extract` output as their files, so that records are read as records;
    other folders as they are (the article reader searches them)."""
    from analysis.io.sources import expand_inputs

    out: list[Any] = []
    for path in paths:
        if not (isinstance(path, str | os.PathLike) and Path(path).is_dir()):
            out.append(path)
            continue
        files = [f for f in expand_inputs(Path(path)) if isinstance(f, str | os.PathLike)]
        out.extend(files if any(_is_records_file(Path(f)) for f in files) else [path])
    return out


def _is_records_file(path: Path) -> bool:
    if path.suffix.lower() != ".jsonl" or not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8-sig") as handle:
            first = next((line for line in handle if line.strip()), "")
        head = json.loads(first) if first else None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(head, dict) and "text" not in head and ("places" in head or "events" in head)


# --- narrowing -----------------------------------------------------------------------------------

def record_countries(record: Record) -> set[str]:
    """Countries a record involves: of its places, actors and event sources and targets."""
    found = {p.get("country") for p in record.get("places") or []}
    found |= {a.get("country") for a in record.get("actors") or []}
    for event in record.get("events") or []:
        found |= {event.get("source_country"), event.get("target_country")}
    return {c for c in found if isinstance(c, str) and c}


def event_day(event: Mapping[str, Any], record: Record) -> pd.Timestamp | None:
    """The day of an event: its own date, else its article's; None when neither is a date."""
    value = event.get("date") or record.get("date")
    day = pd.to_datetime(value, format="ISO8601", errors="coerce") if value else None
    return None if day is None or pd.isna(day) else day


def filter_records(records: RecordsLike, *, start: Any = None, end: Any = None,
                   countries: Collection[str] = ()) -> list[dict[str, Any]]:
    """The articles in a date range that involve any of the focus countries, and their events there.

    Parameters
    ----------
    records
        Extraction records, a single record or a JSONL path.
    start, end
        First and last day (YYYY-MM-DD, inclusive), either open. An article is kept when its date is
        in the range (articles without a date are dropped when a range is given), an event when its
        own date (or else the article's) is.
    countries
        ISO3 codes: keep the articles that involve one of them (a place, an actor or an event side)
        and, in those, the events with a focus country as source or target. Empty for all.

    Returns
    -------
    records
        Shallow copies with a filtered ``events`` list; the input records are not changed.
    """
    first, last = date_range(start, end)
    focus = set(countries)
    out: list[dict[str, Any]] = []
    for record in as_records(records):
        if first is not None or last is not None:
            day = parse_day(record.get("date"), field=f"record {record.get('id')!r} date")
            if day is None or (first is not None and day < first) or (last is not None and day > last):
                continue
        if focus and not focus & record_countries(record):
            continue
        events = []
        for event in record.get("events") or []:
            if focus and not focus & {event.get("source_country"), event.get("target_country")}:
                continue
            if first is not None or last is not None:
                when = event_day(event, record)
                if when is None or (first is not None and when < first) or (last is not None and when > last):
                    continue
            events.append(event)
        out.append({**record, "events": events})
    return out


# --- describing ----------------------------------------------------------------------------------

def describe_selection(records: RecordsLike, *, total: int | None = None, start: Any = None, end: Any = None,
                       countries: Collection[str] = ()) -> str:
    """One line saying what a corpus selection holds: articles, dates, focus."""
    records = as_records(records)
    first, last = date_range(start, end)
    parts = [f"{len(records)} article{'s' if len(records) != 1 else ''}"
             + (f" of {total}" if total is not None and total != len(records) else "")]
    if first is not None or last is not None:
        parts.append(f"dated {first:%Y-%m-%d} to {last:%Y-%m-%d}" if first is not None and last is not None
                     else f"from {first:%Y-%m-%d}" if first is not None else f"up to {last:%Y-%m-%d}")
    else:
        dates = sorted(str(r["date"]) for r in records if r.get("date"))
        if dates:
            parts.append(f"dated {dates[0]} to {dates[-1]}")
    if countries:
        parts.append("involving " + ", ".join(sorted(countries)))
    return ", ".join(parts)
