"""Aggregating extraction records into the tables the report notebooks show.

One article: `article_summary`, `places_table`, `events_table`. A corpus: `country_mentions` (and
`country_mentions_frame` with country polygons), `dyad_table` (cooperation/conflict balance per
pair) and `dyad_series` over time. Records are taken as `analysis.frames` takes them (a list, one
record or a JSONL path). Reading a corpus and narrowing it to a date range and focus countries is
`analysis.corpus.selection`'s job, and the figures of these aggregates are drawn by `analysis.figures.corpus`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd

from analysis.corpus.selection import date_range, event_day
from analysis.errors import InputError
from analysis.frames import CRS, events_frame, load_boundaries, load_countries
from analysis.io.records import RecordsLike, as_records
from analysis.schema import QUAD_CLASSES, UNCERTAIN_MODALITIES

Level = Literal["country", "actor"]
_PRECISION_FORMAT = {"day": "%Y-%m-%d", "week": "wk %Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


# --- one article ---------------------------------------------------------------------------------

def _count_phrase(counter: Mapping[str, int], limit: int = 6) -> str:
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    text = ", ".join(f"{name} ({n})" for name, n in items[:limit])
    return text + (f", and {len(items) - limit} more" if len(items) > limit else "") if items else "none"


def article_summary(records: RecordsLike, *, countries: pd.DataFrame | None = None) -> pd.DataFrame:
    """What the records contain, one line per fact: date, source, counts of places, actors and events.

    For a single record the article's id, title, date, source and URL come first; for several, the
    number of articles and their date span.

    Returns
    -------
    summary
        Index: the fact; one column ``value`` (text).
    """
    records = as_records(records)
    names = load_countries(countries).set_index("iso3")["name"].to_dict()
    rows: list[tuple[str, str]] = []
    if len(records) == 1:
        record = records[0]
        for label, field in (("Article", "id"), ("Title", "title"), ("Date", "date"), ("Source", "source"),
                             ("URL", "url")):
            if record.get(field) or field in ("id", "date"):
                rows.append((label, str(record.get(field) or "unknown")))
    else:
        dates = sorted(str(r["date"]) for r in records if r.get("date"))
        rows.append(("Articles", str(len(records))))
        rows.append(("Dates", f"{dates[0]} to {dates[-1]}" if dates else "—"))
    places = [p for r in records for p in r.get("places") or []]
    located = [p for p in places if p.get("lat") is not None]
    distinct = {(p.get("name"), p.get("country")) for p in located}
    country_counts = Counter(str(names.get(p["country"], p["country"])) for p in places if p.get("country"))
    actors = [a for r in records for a in r.get("actors") or []]
    events = [e for r in records for e in r.get("events") or []]
    codes = {a["code"] for a in actors if a.get("code")}
    quads = Counter(QUAD_CLASSES.get(e.get("quad_class"), "unknown class")
                    for e in events if not e.get("negated"))
    modalities = Counter(str(e.get("modality") or "asserted") for e in events)
    rows += [
        ("Place mentions", f"{len(places)} ({len(located)} located, {len(distinct)} distinct places)"),
        ("Countries", _count_phrase(country_counts)),
        ("Actor mentions", f"{len(actors)} ({len(codes)} actor codes)"),
        ("Events", f"{len(events)}" + (f": {_count_phrase(quads, 4)}" if quads else "")),
        ("Reporting", _count_phrase(modalities, 5) if events else "—"),
        ("Negated events", str(sum(1 for e in events if e.get("negated")))),
        ("Attributed events", str(sum(1 for e in events if e.get("attribution")))),
    ]
    return pd.DataFrame(rows, columns=["fact", "value"]).set_index("fact")


def places_table(records: RecordsLike) -> pd.DataFrame:
    """Distinct places with their mentions, most mentioned first (unlocated places too).

    Returns
    -------
    places
        ``place``, ``kind`` (the most frequent), ``country`` (ISO3), ``lat``, ``lon``, ``mentions``,
        ``articles``, ``as written`` (the distinct surface forms) and ``metonymic`` (mentions that
        stand for an institution, as "Pyongyang said").
    """
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for record in as_records(records):
        for place in record.get("places") or []:
            key = (place.get("name") or place.get("text"), place.get("country"),
                   place.get("geonameid") if place.get("geonameid") is not None
                   else (place.get("lat"), place.get("lon")))
            row = groups.setdefault(key, {
                "place": key[0], "kinds": Counter(), "country": place.get("country"), "lat": place.get("lat"),
                "lon": place.get("lon"), "mentions": 0, "articles": set(), "texts": {}, "metonymic": 0,
                "first": len(groups)})
            row["kinds"][place.get("kind") or "?"] += 1
            row["mentions"] += 1
            row["articles"].add(record.get("id"))
            row["texts"][str(place.get("text"))] = None
            row["metonymic"] += int(bool(place.get("metonymic")))
    rows = [{"place": r["place"], "kind": r["kinds"].most_common(1)[0][0], "country": r["country"],
             "lat": r["lat"], "lon": r["lon"], "mentions": r["mentions"], "articles": len(r["articles"]),
             "as written": "; ".join(r["texts"]), "metonymic": r["metonymic"], "first": r["first"]}
            for r in groups.values()]
    columns = ["place", "kind", "country", "lat", "lon", "mentions", "articles", "as written", "metonymic"]
    if not rows:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(rows).sort_values(["mentions", "first"], ascending=[False, True], kind="stable")
    frame["lat"] = pd.to_numeric(frame["lat"], errors="coerce").round(4)
    frame["lon"] = pd.to_numeric(frame["lon"], errors="coerce").round(4)
    return frame[columns].reset_index(drop=True)


def cameo_names() -> dict[str, str]:
    """CAMEO code -> its name, from the bundled code table."""
    from analysis._resources import read_table

    table = read_table("cameo_codes.tsv", dtype=str)
    return dict(zip(table["code"], table["name"], strict=True))


def _short(name: str) -> str:
    """A CAMEO name without its catch-all tail: 'Make statement, not specified below' -> 'Make statement'."""
    return re.sub(r",\s*not specified below$", "", name)


def _when(date: Any, precision: Any, last: Any = None) -> str:
    if date is None or pd.isna(date):
        return "—"
    start = pd.Timestamp(date)
    if last is not None and not pd.isna(last):
        from analysis.extract.timex import period_end

        if pd.Timestamp(last).date() != period_end(start.date(), str(precision)):  # 'in the past year'
            return f"{start:%Y-%m-%d} – {pd.Timestamp(last):%Y-%m-%d}"
    return start.strftime(_PRECISION_FORMAT.get(str(precision), "%Y-%m-%d"))


def events_table(records: RecordsLike, *, include_negated: bool = True) -> pd.DataFrame:
    """Events for reading: who did what to whom, when and where, how sure, and the sentence that says so.

    Returns
    -------
    events
        ``date`` (at its precision: ``2023-09-11``, ``wk 2023-09-04`` for the week starting then,
        ``2023-09``, ``2023``; a span up to the article as its days: ``2022-09-11 – 2023-09-10``),
        ``source``, ``target``, ``event`` (CAMEO code and name),
        ``class`` (QuadClass), ``goldstein``, ``plover``, ``modality``, ``negated``,
        ``attribution`` (who the report is attributed to), ``place``, ``evidence`` and, for
        several articles, ``article``; in date order.
    """
    records = as_records(records)
    frame = events_frame(records)
    if not include_negated:
        frame = frame[~frame["negated"]]
    names = cameo_names()
    out = pd.DataFrame({
        "date": [_when(d, p, e) for d, p, e in zip(frame["date"], frame["date_precision"], frame["date_end"],
                                                   strict=True)],
        "source": frame["source"].fillna("—"),
        "target": frame["target"].fillna("—"),
        "event": [f"{c} {_short(names.get(str(c), ''))}".strip() if isinstance(c, str) else "—"
                  for c in frame["cameo"]],
        "class": [QUAD_CLASSES.get(int(q), "—") if not pd.isna(q) else "—" for q in frame["quad_class"]],
        "goldstein": frame["goldstein"],
        "plover": frame["plover"].fillna("—"),
        "modality": frame["modality"].fillna("asserted"),
        "negated": frame["negated"].map({True: "negated", False: ""}),
        "attribution": frame["attribution"].fillna(""),
        "place": frame["place_name"].fillna(""),
        "evidence": frame["evidence"].fillna(""),
    })
    if len(records) > 1:
        out.insert(0, "article", frame["article_id"].astype(str))
    order = frame["date"].rank(method="first", na_option="bottom").to_numpy()
    return out.iloc[np.argsort(order, kind="stable")].reset_index(drop=True)


# --- countries -----------------------------------------------------------------------------------

def country_mentions(records: RecordsLike, *, countries: pd.DataFrame | None = None) -> pd.DataFrame:
    """How often each country comes up: articles, place mentions, actor mentions and events.

    Returns
    -------
    countries
        ``iso3``, ``country`` (name), ``articles`` (articles that mention it by a place or an
        actor), ``mentions`` (place mentions located in it), ``actor_mentions`` and ``events``
        (non-negated events it is a side of); most articles first, countries never mentioned left out.
    """
    names = load_countries(countries).set_index("iso3")["name"].to_dict()
    articles: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    actors: Counter[str] = Counter()
    events: Counter[str] = Counter()
    for record in as_records(records):
        seen: set[str] = set()
        for place in record.get("places") or []:
            if place.get("country"):
                mentions[place["country"]] += 1
                seen.add(place["country"])
        for actor in record.get("actors") or []:
            if actor.get("country"):
                actors[actor["country"]] += 1
                seen.add(actor["country"])
        for event in record.get("events") or []:
            if not event.get("negated"):
                for side in {event.get("source_country"), event.get("target_country")} - {None, ""}:
                    events[side] += 1
        articles.update(seen)
    codes = sorted(set(articles) | set(events))
    frame = pd.DataFrame({
        "iso3": codes, "country": [names.get(c, c) for c in codes],
        "articles": [articles[c] for c in codes], "mentions": [mentions[c] for c in codes],
        "actor_mentions": [actors[c] for c in codes], "events": [events[c] for c in codes],
    })
    frame = frame.sort_values(["articles", "mentions", "iso3"], ascending=[False, False, True], kind="stable")
    return frame.reset_index(drop=True).astype({c: int for c in ("articles", "mentions", "actor_mentions",
                                                                 "events")})


def country_mentions_frame(records: RecordsLike, *, boundaries: gpd.GeoDataFrame | None = None,
                           countries: pd.DataFrame | None = None) -> gpd.GeoDataFrame:
    """Country polygons (EPSG:4326) with the `country_mentions` columns, zero where never mentioned."""
    counts = country_mentions(records, countries=countries).drop(columns=["country"])
    shapes = load_boundaries(boundaries)
    frame = shapes.merge(counts, on="iso3", how="left")
    for column in ("articles", "mentions", "actor_mentions", "events"):
        frame[column] = frame[column].fillna(0).astype(int)
    return gpd.GeoDataFrame(frame, geometry=shapes.geometry.name, crs=CRS)


# --- dyads ---------------------------------------------------------------------------------------

def _sides(event: Mapping[str, Any], level: Level) -> tuple[str | None, str | None]:
    if level == "country":
        return (event.get("source_country") or event.get("source"),
                event.get("target_country") or event.get("target"))
    return event.get("source"), event.get("target")


def dyad_events(records: RecordsLike, *, level: Level = "country", directed: bool = False,
                include_negated: bool = False, domestic: bool | None = False) -> pd.DataFrame:
    """One row per event with both sides: ``dyad``, ``side_a``, ``side_b``, ``date``, ``precision``
    (of the date: day, week, month or year), ``quad_class``, ``goldstein``, ``modality`` and ``article_id``.

    ``level="country"`` pairs the countries of source and target (the actor code when it has no
    country, as an IGO); ``"actor"`` pairs the actor codes. An undirected dyad (the default) names
    its sides in alphabetical order, ``"PRK – RUS"``; a directed one ``"PRK → RUS"``.
    ``domestic``: False (default) keeps relations between two sides, True only events of a side
    acting on itself (``"AUS – AUS"``, a government and its own people), None both.
    """
    if level not in ("country", "actor"):
        raise InputError(f"dyad level {level!r} is not 'country' or 'actor'")
    rows = []
    for record in as_records(records):
        for event in record.get("events") or []:
            if event.get("negated") and not include_negated:
                continue
            a, b = _sides(event, level)
            if not a or not b or (domestic is not None and (a == b) != domestic):
                continue
            if not directed and b < a:
                a, b = b, a
            rows.append((f"{a} {'→' if directed else '–'} {b}", a, b, event_day(event, record),
                         (event.get("date_precision") or "day") if event.get("date") else "day",
                         event.get("quad_class"), event.get("goldstein"), event.get("modality") or "asserted",
                         record.get("id")))
    frame = pd.DataFrame(rows, columns=["dyad", "side_a", "side_b", "date", "precision", "quad_class",
                                        "goldstein", "modality", "article_id"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["quad_class"] = pd.to_numeric(frame["quad_class"], errors="coerce")
    frame["goldstein"] = pd.to_numeric(frame["goldstein"], errors="coerce").astype(float)
    return frame


def dyad_table(records: RecordsLike, *, level: Level = "country", directed: bool = False,
               include_negated: bool = False, domestic: bool | None = False) -> pd.DataFrame:
    """Pairs of actors or countries with the balance of cooperation and conflict between them.

    Parameters
    ----------
    records
        Extraction records (filter them first with `analysis.corpus.selection.filter_records` for a date range
        or focus).
    level, directed, include_negated, domestic
        See `dyad_events`: by default relations between two sides; ``domestic=True`` for the
        events of a side acting on itself.

    Returns
    -------
    dyads
        ``dyad``, ``side_a``, ``side_b``, ``events``, ``cooperation`` (QuadClass 1-2), ``conflict``
        (3-4), ``balance`` = (cooperation - conflict) / events, from -1 (all conflict) to +1 (all
        cooperation), ``goldstein`` (mean), ``uncertain`` (planned, suspected or hypothetical),
        ``articles``, ``first`` and ``last`` (dates); most events first.
    """
    events = dyad_events(records, level=level, directed=directed, include_negated=include_negated,
                         domestic=domestic)
    columns = ["dyad", "side_a", "side_b", "events", "cooperation", "conflict", "balance", "goldstein",
               "uncertain", "articles", "first", "last"]
    if events.empty:
        return pd.DataFrame(columns=columns)
    events["cooperation"] = events["quad_class"].isin([1, 2]).astype(int)
    events["conflict"] = events["quad_class"].isin([3, 4]).astype(int)
    events["uncertain"] = events["modality"].isin(UNCERTAIN_MODALITIES).astype(int)
    table = events.groupby("dyad", sort=False).agg(
        side_a=("side_a", "first"), side_b=("side_b", "first"), events=("dyad", "size"),
        cooperation=("cooperation", "sum"), conflict=("conflict", "sum"), goldstein=("goldstein", "mean"),
        uncertain=("uncertain", "sum"), articles=("article_id", "nunique"), first=("date", "min"),
        last=("date", "max")).reset_index()
    table["balance"] = ((table["cooperation"] - table["conflict"]) / table["events"]).round(2)
    table["goldstein"] = table["goldstein"].round(2)
    table = table.sort_values(["events", "dyad"], ascending=[False, True], kind="stable")
    return table[columns].reset_index(drop=True)


def dating_note(records: RecordsLike) -> str:
    """A sentence on how the records are dated, for charts over time: how many articles carry a
    date, and that the others' events sit at the dates their texts mention ('' when all are dated)."""
    records = as_records(records)
    dated = sum(1 for r in records if r.get("date"))
    if dated == len(records):
        return ""
    if dated == 0:
        return (f"None of the {len(records)} articles is dated: the charts over time place events at the "
                "dates their texts mention (an event without one is left out), not at publication dates.")
    return (f"{dated} of {len(records)} articles are dated; events of the others sit at the dates their "
            "texts mention, and are left out when the text gives none.")


def _freq(first: pd.Timestamp, last: pd.Timestamp) -> str:
    days = (last - first).days
    return "D" if days <= 45 else "W" if days <= 400 else "M" if days <= 3650 else "Y"


def dyad_series(records: RecordsLike, *, dyads: int | Iterable[str] = 8, freq: str = "auto",
                start: Any = None, end: Any = None, level: Level = "country", directed: bool = False,
                include_negated: bool = False) -> pd.DataFrame:
    """Cooperation and conflict per dyad and period, with empty periods as zeros.

    Parameters
    ----------
    records
        Extraction records.
    dyads
        The dyads to follow: a number (the busiest by all their events, dated or not: the first rows
        of `dyad_table`, so chart and table show the same pairs) or their names.
    freq
        ``"D"``, ``"W"``, ``"M"`` or ``"Y"`` (pandas period codes), or ``"auto"``: days for up to 45
        days, weeks for up to about a year, months for up to ten years, years beyond.
    start, end
        Only events dated in this range (inclusive); the periods span it when given, else the events.
    level, directed, include_negated
        See `dyad_events`.

    Returns
    -------
    series
        ``dyad``, ``period`` (the first day), ``events``, ``cooperation``, ``conflict``, ``net``
        (cooperation - conflict) and ``goldstein`` (sum); dyads in order of their total events.
        Without `start` and `end` (and with ``freq="auto"``) the periods cover the bulk of the dated
        events (`bulk_range`); ``series.attrs["outside"]`` counts the dated events left outside, and
        ``series.attrs["coarse"]`` those dated less precisely than the periods (a year in a chart per
        day; periods are as coarse as the events' dates when none is more precise).
    """
    first, last = date_range(start, end)
    events = dyad_events(records, level=level, directed=directed, include_negated=include_negated)
    totals = {str(k): int(v) for k, v in events["dyad"].value_counts().items()}
    events = events[events["date"].notna()]
    if first is not None:
        events = events[events["date"] >= first]
    if last is not None:
        events = events[events["date"] <= last]
    columns = ["dyad", "period", "events", "cooperation", "conflict", "net", "goldstein"]
    if isinstance(dyads, int):
        names = sorted(totals, key=lambda d: (-totals[d], d))[:max(dyads, 0)]
    else:
        names = list(dict.fromkeys(dyads))
    events = events[events["dyad"].isin(names)]
    outside = 0
    if first is None and last is None and freq == "auto" and not events.empty:
        first, last = bulk_range(events["date"])
        inside = events["date"].between(first, last)
        outside, events = int((~inside).sum()), events[inside]
    if events.empty:
        return pd.DataFrame(columns=columns)
    lo = first if first is not None else events["date"].min()
    hi = last if last is not None else events["date"].max()
    code = _freq(lo, hi) if freq == "auto" else freq.upper()
    if code not in ("D", "W", "M", "Y"):
        raise InputError(f"dyad_series: freq {freq!r} is not one of auto, D, W, M, Y")
    coarse = 0
    if freq == "auto":  # an event dated only to a year is not counted on its first day
        code, coarse, events = _as_precise_as(events, code)
    periods = pd.period_range(lo.to_period(code), hi.to_period(code), freq=code)
    events = events.assign(period=events["date"].dt.to_period(code),
                           cooperation=events["quad_class"].isin([1, 2]).astype(int),
                           conflict=events["quad_class"].isin([3, 4]).astype(int))
    grouped = events.groupby(["dyad", "period"]).agg(
        events=("dyad", "size"), cooperation=("cooperation", "sum"), conflict=("conflict", "sum"),
        goldstein=("goldstein", "sum"))
    order = sorted((d for d in names if d in set(events["dyad"])), key=lambda d: (-totals[d], d))
    index = pd.MultiIndex.from_product([order, periods], names=["dyad", "period"])
    full = grouped.reindex(index, fill_value=0).reset_index()
    full["net"] = full["cooperation"] - full["conflict"]
    full["period"] = full["period"].dt.start_time
    for column in ("events", "cooperation", "conflict", "net"):
        full[column] = full[column].astype(int)
    full["goldstein"] = full["goldstein"].astype(float).round(2)
    series = full[columns]
    series.attrs["outside"] = outside
    series.attrs["coarse"] = coarse
    series.attrs["freq"] = code
    return series


_RANK = {"D": 0, "W": 1, "M": 2, "Y": 3}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _as_precise_as(events: pd.DataFrame, code: str) -> tuple[str, int, pd.DataFrame]:
    """(period code, events left out, events) where the events are dated at least as precisely as
    the periods; when none is, periods as coarse as the most precise of them."""
    ranks = events["precision"].map(_PRECISION_RANK).fillna(0)
    fine = ranks <= _RANK[code]
    if not fine.any():
        code = next(c for c, r in _RANK.items() if r == int(ranks.min()))
        fine = ranks <= _RANK[code]
    return code, int((~fine).sum()), events[fine]


def bulk_range(dates: pd.Series) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The days that hold the bulk of `dates`: all of them, unless the middle 90% take less than a third
    of the whole range (GDELT's few old events among a day's news); then that middle, padded."""
    lo, hi = pd.Timestamp(dates.min()).normalize(), pd.Timestamp(dates.max()).normalize()
    q_lo, q_hi = (pd.Timestamp(dates.quantile(q)).normalize() for q in (0.05, 0.95))
    core = max(q_hi - q_lo, pd.Timedelta(days=2))
    if (hi - lo) <= 3 * core + pd.Timedelta(days=30):
        return lo, hi
    pad = max(core * 0.15, pd.Timedelta(days=1))
    return max(lo, q_lo - pad), min(hi, q_hi + pad)


# --- figures, moved to analysis.figures.corpus ------------------------------------------------------
