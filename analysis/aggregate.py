"""Reading tables and corpus aggregates of extraction records: what the report notebooks show.

One article: `article_summary`, `places_table`, `events_table`. A corpus: `load_records` (articles
or ``georel extract`` output), `filter_records` (date range, focus countries), `country_mentions`
and its choropleth `plot_country_mentions`, `dyad_table` (cooperation/conflict balance per pair),
`dyad_series` over time and `plot_dyad_balance`, `plot_actor_network` (the busiest actors of a
large network). Records are taken as `analysis.frames` takes them (a list, one record or a JSONL path).
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import geopandas as gpd
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import BoundaryNorm, ListedColormap, to_hex
from matplotlib.patches import Patch

from analysis.articles import parse_date
from analysis.errors import InputError
from analysis.frames import (
    CRS,
    Record,
    RecordsLike,
    as_records,
    events_frame,
    load_boundaries,
    load_countries,
)
from analysis.schema import QUAD_CLASSES

Level = Literal["country", "actor"]
COOPERATION, CONFLICT = "#0072B2", "#D55E00"
"""Okabe-Ito blue and vermilion, as QuadClass 1 and 4 in `analysis.plot`."""
UNCERTAIN_MODALITIES = ("planned", "suspected", "hypothetical")
_PRECISION_FORMAT = {"day": "%Y-%m-%d", "week": "wk %Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
_ISO3 = re.compile(r"^[A-Z]{3}$")
_CLASS_STEPS = (1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)
_MAP_CRS = "+proj=eqearth +lon_0=0 +datum=WGS84 +units=m +no_defs"


# --- inputs ------------------------------------------------------------------------------------

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

    Every code must be in the country table (default `analysis.gazetteer.countries()`).
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
                 on_error: Callable[[InputError], None] | None = None) -> list[dict[str, Any]]:
    """Records of a corpus: articles are extracted, ``georel extract`` output is read as it is.

    Parameters
    ----------
    inputs
        Article files (.txt, .jsonl, .csv), folders of them, or JSONL files of extraction records
        (recognised by their ``places`` / ``events`` fields).
    on_error
        Called with each unreadable file or record so that the others still load; when None the
        first error is raised.

    Returns
    -------
    records
        One record per article, in input order.
    """
    from analysis.articles import iter_articles
    from analysis.frames import read_records
    from analysis.gazetteer import load_gazetteer
    from analysis.pipeline import extract_record

    paths = [inputs] if isinstance(inputs, str | os.PathLike) else list(inputs)
    records: list[dict[str, Any]] = []
    articles: list[str | Path] = []
    for path in paths:
        if _is_records_file(Path(path)):
            try:
                records.extend(read_records(path))
            except InputError as err:
                if on_error is None:
                    raise
                on_error(err)
        else:
            articles.append(Path(path))
    if articles:
        gazetteer = load_gazetteer()
        records.extend(extract_record(a, gazetteer=gazetteer)
                       for a in iter_articles(articles, on_error=on_error))
    return records


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


def record_countries(record: Record) -> set[str]:
    """Countries a record involves: of its places, actors and event sources and targets."""
    found = {p.get("country") for p in record.get("places") or []}
    found |= {a.get("country") for a in record.get("actors") or []}
    for event in record.get("events") or []:
        found |= {event.get("source_country"), event.get("target_country")}
    return {c for c in found if isinstance(c, str) and c}


def _event_day(event: Mapping[str, Any], record: Record) -> pd.Timestamp | None:
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
                when = _event_day(event, record)
                if when is None or (first is not None and when < first) or (last is not None and when > last):
                    continue
            events.append(event)
        out.append({**record, "events": events})
    return out


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
    from analysis.gazetteer import read_table

    table = read_table("cameo_codes.tsv", dtype=str)
    return dict(zip(table["code"], table["name"], strict=True))


def _short(name: str) -> str:
    """A CAMEO name without its catch-all tail: 'Make statement, not specified below' -> 'Make statement'."""
    return re.sub(r",\s*not specified below$", "", name)


def _when(date: Any, precision: Any) -> str:
    if date is None or pd.isna(date):
        return "—"
    return pd.Timestamp(date).strftime(_PRECISION_FORMAT.get(str(precision), "%Y-%m-%d"))


def events_table(records: RecordsLike, *, include_negated: bool = True) -> pd.DataFrame:
    """Events for reading: who did what to whom, when and where, how sure, and the sentence that says so.

    Returns
    -------
    events
        ``date`` (at its precision: ``2023-09-11``, ``wk 2023-09-04`` for the week starting then,
        ``2023-09``, ``2023``), ``source``, ``target``, ``event`` (CAMEO code and name),
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
        "date": [_when(d, p) for d, p in zip(frame["date"], frame["date_precision"], strict=True)],
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


def count_classes(maximum: int) -> list[tuple[int, int]]:
    """Count classes for a choropleth: (low, high) inclusive ranges covering 1..maximum.

    >>> count_classes(12)
    [(1, 1), (2, 2), (3, 4), (5, 9), (10, 12)]
    """
    if maximum < 1:
        return []
    lows = [s for s in _CLASS_STEPS if s <= maximum]
    if maximum > _CLASS_STEPS[-1]:
        lows += [s * 10 ** k for k in range(1, 12) for s in _CLASS_STEPS[-3:] if s * 10 ** k <= maximum]
        lows = sorted(set(lows))
    return [(low, (lows[i + 1] - 1) if i + 1 < len(lows) else maximum) for i, low in enumerate(lows)]


def plot_country_mentions(data: RecordsLike | gpd.GeoDataFrame, *, ax: Axes | None = None,
                          column: str = "articles", focus: Collection[str] = (), labels: int = 10,
                          boundaries: gpd.GeoDataFrame | None = None, countries: pd.DataFrame | None = None,
                          title: str | None = None) -> Axes:
    """World choropleth of how often countries come up (Equal Earth projection).

    Parameters
    ----------
    data
        Extraction records, or a `country_mentions_frame`.
    ax
        Axes to draw on; a new figure when None.
    column
        ``articles``, ``mentions``, ``actor_mentions`` or ``events``.
    focus
        ISO3 codes outlined in black.
    labels
        Name this many of the most mentioned countries with their count.
    boundaries, countries
        Reference data; default the bundled tables.
    title
        Axes title; default says what is counted.

    Returns
    -------
    ax
        The map; classes of counts (1, 2, 3-4, 5-9, ...) in a sequential palette, grey for none.
    """
    from pyproj import Transformer

    from analysis.plot import BORDER, LAND, OCEAN, place_labels

    if isinstance(data, gpd.GeoDataFrame):
        frame, n_articles = data, None
    else:
        records = as_records(data)
        frame = country_mentions_frame(records, boundaries=boundaries, countries=countries)
        n_articles = len(records)
    if column not in frame.columns:
        raise InputError(f"plot_country_mentions: no column {column!r}; use articles, mentions, "
                         "actor_mentions or events")
    if ax is None:
        _, ax = plt.subplots(figsize=(12, 6.6), layout="constrained")
    shapes = frame.set_geometry(frame.geometry.segmentize(2.0)).to_crs(_MAP_CRS)
    from_ll = Transformer.from_crs(CRS, _MAP_CRS, always_xy=True)
    t = np.linspace(0, 1, 181)
    edge = np.concatenate([np.column_stack([-180 + 360 * t, np.full(t.size, -90.0)]),
                           np.column_stack([np.full(t.size, 180.0), -90 + 180 * t]),
                           np.column_stack([180 - 360 * t, np.full(t.size, 90.0)]),
                           np.column_stack([np.full(t.size, -180.0), 90 - 180 * t])])
    ox, oy = from_ll.transform(edge[:, 0], edge[:, 1])
    ax.fill(ox, oy, color=OCEAN, lw=0, zorder=0)
    ax.plot(ox, oy, color="#8C8C8C", lw=0.8, zorder=4)
    values = shapes[column].fillna(0).astype(int)
    classes = count_classes(int(values.max()) if len(values) else 0)
    cmap = ListedColormap(plt.get_cmap("YlGnBu")(np.linspace(0.18, 0.95, max(len(classes), 1))))
    edges = [low - 0.5 for low, _ in classes] + [classes[-1][1] + 0.5] if classes else []
    norm = BoundaryNorm(edges, cmap.N) if classes else None
    colors = [LAND if v <= 0 or norm is None else to_hex(cmap(norm(v))) for v in values]
    shapes.plot(ax=ax, color=colors, edgecolor=BORDER, linewidth=0.35, zorder=2, aspect=None)
    focus_set = set(focus)
    if focus_set:
        chosen = shapes[shapes["iso3"].isin(focus_set)]
        if len(chosen):
            chosen.boundary.plot(ax=ax, color="#111111", linewidth=1.4, zorder=3, aspect=None)
    pad = 0.01 * float(np.max(ox) - np.min(ox))
    ax.set_xlim(float(np.min(ox)) - pad, float(np.max(ox)) + pad)
    ax.set_ylim(float(np.min(oy)) - pad, float(np.max(oy)) + pad)
    ax.set_aspect("equal")
    ax.set_axis_off()
    handles: list[Any] = [Patch(facecolor=cmap(i), edgecolor=BORDER,
                                label=str(low) if low == high else f"{low}–{high}")
                          for i, (low, high) in enumerate(classes)]
    handles.append(Patch(facecolor=LAND, edgecolor=BORDER, label="none"))
    if focus_set:
        handles.append(Patch(facecolor="none", edgecolor="#111111", linewidth=1.4, label="focus country"))
    what = {"articles": "articles mentioning it", "mentions": "place mentions",
            "actor_mentions": "actor mentions", "events": "events it takes part in"}.get(column, column)
    legend = ax.legend(handles=handles, title=what.capitalize(), loc="lower left", fontsize=8.5,
                       title_fontsize=9, framealpha=0.92)
    legend.set_zorder(7)
    if labels > 0:
        table = load_countries(countries)
        names = table["name"] if "name" in table.columns else table["iso3"]
        rows = zip(table["iso3"], table["lon"], table["lat"], names, strict=True)
        points = {str(iso3): (float(lon), float(lat), str(name)) for iso3, lon, lat, name in rows
                  if not (pd.isna(lon) or pd.isna(lat))}
        top = frame[frame[column] > 0].sort_values([column, "iso3"], ascending=[False, True]).head(labels)
        items = []
        for iso3, count in zip(top["iso3"].astype(str), top[column].astype(int), strict=True):
            if iso3 in points:
                lon, lat, name = points[iso3]
                x, y = from_ll.transform(lon, lat)
                items.append((f"{name} {count}", float(x), float(y), 0.0, "place"))
        place_labels(ax, items, obstacles=[legend.get_window_extent()], fontsize=8.5)
    ax.text(0.995, 0.005, "Boundaries: Natural Earth", transform=ax.transAxes, ha="right", va="bottom",
            fontsize=7, color="#666666")
    scope = f" ({n_articles} articles)" if n_articles is not None else ""
    ax.set_title(title if title is not None else f"Countries by {what}{scope}", fontsize=13, loc="left")
    return ax


# --- dyads ---------------------------------------------------------------------------------------

def _sides(event: Mapping[str, Any], level: Level) -> tuple[str | None, str | None]:
    if level == "country":
        return (event.get("source_country") or event.get("source"),
                event.get("target_country") or event.get("target"))
    return event.get("source"), event.get("target")


def dyad_events(records: RecordsLike, *, level: Level = "country", directed: bool = False,
                include_negated: bool = False) -> pd.DataFrame:
    """One row per event with both sides: ``dyad``, ``side_a``, ``side_b``, ``date``, ``quad_class``,
    ``goldstein``, ``modality`` and ``article_id``.

    ``level="country"`` pairs the countries of source and target (the actor code when it has no
    country, as an IGO); ``"actor"`` pairs the actor codes. An undirected dyad (the default) names
    its sides in alphabetical order, ``"PRK – RUS"``; a directed one ``"PRK → RUS"``.
    """
    if level not in ("country", "actor"):
        raise InputError(f"dyad level {level!r} is not 'country' or 'actor'")
    rows = []
    for record in as_records(records):
        for event in record.get("events") or []:
            if event.get("negated") and not include_negated:
                continue
            a, b = _sides(event, level)
            if not a or not b:
                continue
            if not directed and b < a:
                a, b = b, a
            rows.append((f"{a} {'→' if directed else '–'} {b}", a, b, _event_day(event, record),
                         event.get("quad_class"), event.get("goldstein"), event.get("modality") or "asserted",
                         record.get("id")))
    frame = pd.DataFrame(rows, columns=["dyad", "side_a", "side_b", "date", "quad_class", "goldstein",
                                        "modality", "article_id"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["quad_class"] = pd.to_numeric(frame["quad_class"], errors="coerce")
    frame["goldstein"] = pd.to_numeric(frame["goldstein"], errors="coerce").astype(float)
    return frame


def dyad_table(records: RecordsLike, *, level: Level = "country", directed: bool = False,
               include_negated: bool = False) -> pd.DataFrame:
    """Pairs of actors or countries with the balance of cooperation and conflict between them.

    Parameters
    ----------
    records
        Extraction records (filter them first with `filter_records` for a date range or focus).
    level, directed, include_negated
        See `dyad_events`.

    Returns
    -------
    dyads
        ``dyad``, ``side_a``, ``side_b``, ``events``, ``cooperation`` (QuadClass 1-2), ``conflict``
        (3-4), ``balance`` = (cooperation - conflict) / events, from -1 (all conflict) to +1 (all
        cooperation), ``goldstein`` (mean), ``uncertain`` (planned, suspected or hypothetical),
        ``articles``, ``first`` and ``last`` (dates); most events first.
    """
    events = dyad_events(records, level=level, directed=directed, include_negated=include_negated)
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
        The dyads to follow: a number (the busiest, see `dyad_table`) or their names.
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
    """
    first, last = date_range(start, end)
    events = dyad_events(records, level=level, directed=directed, include_negated=include_negated)
    events = events[events["date"].notna()]
    if first is not None:
        events = events[events["date"] >= first]
    if last is not None:
        events = events[events["date"] <= last]
    columns = ["dyad", "period", "events", "cooperation", "conflict", "net", "goldstein"]
    totals = {str(k): int(v) for k, v in events["dyad"].value_counts().items()}
    if isinstance(dyads, int):
        names = sorted(totals, key=lambda d: (-totals[d], d))[:max(dyads, 0)]
    else:
        names = list(dict.fromkeys(dyads))
    events = events[events["dyad"].isin(names)]
    if events.empty:
        return pd.DataFrame(columns=columns)
    lo = first if first is not None else events["date"].min()
    hi = last if last is not None else events["date"].max()
    code = _freq(lo, hi) if freq == "auto" else freq.upper()
    if code not in ("D", "W", "M", "Y"):
        raise InputError(f"dyad_series: freq {freq!r} is not one of auto, D, W, M, Y")
    periods = pd.period_range(lo.to_period(code), hi.to_period(code), freq=code)
    events = events.assign(period=events["date"].dt.to_period(code),
                           cooperation=events["quad_class"].isin([1, 2]).astype(int),
                           conflict=events["quad_class"].isin([3, 4]).astype(int))
    grouped = events.groupby(["dyad", "period"]).agg(
        events=("dyad", "size"), cooperation=("cooperation", "sum"), conflict=("conflict", "sum"),
        goldstein=("goldstein", "sum"))
    order = sorted((d for d in names if d in totals), key=lambda d: (-totals[d], d))
    index = pd.MultiIndex.from_product([order, periods], names=["dyad", "period"])
    full = grouped.reindex(index, fill_value=0).reset_index()
    full["net"] = full["cooperation"] - full["conflict"]
    full["period"] = full["period"].dt.start_time
    for column in ("events", "cooperation", "conflict", "net"):
        full[column] = full[column].astype(int)
    full["goldstein"] = full["goldstein"].astype(float).round(2)
    return full[columns]


def plot_dyad_balance(series: pd.DataFrame, *, ax: Axes | None = None, title: str | None = None,
                      legend: bool = True) -> Axes:
    """Cooperation and conflict over time, one row per dyad: bars up for cooperation, down for conflict.

    Parameters
    ----------
    series
        From `dyad_series` (rows in its dyad order).
    ax
        Axes to draw on; a new figure when None.
    title
        Axes title; default a summary.
    legend
        Draw the legend.

    Returns
    -------
    ax
        Bar heights are scaled to the busiest period of any dyad; each row is annotated with its
        totals and balance.
    """
    dyads = list(dict.fromkeys(series["dyad"])) if len(series) else []
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 1.6 + 0.75 * max(len(dyads), 2)), layout="constrained")
    if not dyads:
        ax.text(0.5, 0.5, "No dated events between two sides", ha="center", va="center",
                transform=ax.transAxes, color="#555555")
        ax.set_axis_off()
        ax.set_title(title if title is not None else "Cooperation and conflict over time", fontsize=13,
                     loc="left")
        return ax
    periods = pd.DatetimeIndex(sorted(series["period"].unique()))
    step = (periods[1] - periods[0]) if len(periods) > 1 else pd.Timedelta(days=1)
    days = step / pd.Timedelta(days=1)
    peak = max(int(series["cooperation"].max()), int(series["conflict"].max()), 1)
    scale = 0.42 / peak
    for i, dyad in enumerate(dyads):
        rows = series[series["dyad"] == dyad]
        y = float(i)
        ax.axhline(y, color="#BBBBBB", lw=0.8, zorder=1)
        coop = rows[rows["cooperation"] > 0]
        conf = rows[rows["conflict"] > 0]
        ax.bar(mdates.date2num(coop["period"] + step / 2), -coop["cooperation"] * scale, width=days * 0.8,
               bottom=y, color=COOPERATION, zorder=2)
        ax.bar(mdates.date2num(conf["period"] + step / 2), conf["conflict"] * scale, width=days * 0.8,
               bottom=y, color=CONFLICT, zorder=2)
        n_coop, n_conf = int(rows["cooperation"].sum()), int(rows["conflict"].sum())
        total = n_coop + n_conf
        balance = (n_coop - n_conf) / total if total else 0.0
        ax.annotate(f"{n_coop} coop. / {n_conf} confl.  balance {balance:+.2f}", (1.0, y),
                    xycoords=("axes fraction", "data"), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=8.5, color="#333333", annotation_clip=False)
    ax.set_yticks(range(len(dyads)), dyads, fontsize=9.5)
    ax.set_ylim(len(dyads) - 0.5, -0.5)
    ax.set_xlim(float(mdates.date2num(periods[0] - step * 0.2)),
                float(mdates.date2num(periods[-1] + step * 1.2)))
    ax.grid(axis="x", color="#E3E3E3", lw=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    locator = mdates.AutoDateLocator(maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if legend:
        ax.legend(handles=[Patch(facecolor=COOPERATION, label="Cooperation (up)"),
                           Patch(facecolor=CONFLICT, label="Conflict (down)")],
                  loc="upper left", bbox_to_anchor=(0.0, 1.0 + 0.35 / max(len(dyads), 2)), ncol=2,
                  fontsize=8.5, frameon=False)
    per = "day" if days <= 1 else "week" if days <= 7 else "month" if days <= 31 else "year"
    ax.set_title(title if title is not None else
                 f"Cooperation and conflict per {per}, top {len(dyads)} pairs "
                 f"(bar height: events, peak {peak})",
                 fontsize=13, loc="left", pad=22)
    return ax


# --- actor networks ------------------------------------------------------------------------------

def top_actors(graph: nx.DiGraph, n: int = 40) -> nx.DiGraph:
    """The `n` actors that take part in most events (then most mentioned), with the edges among them."""
    ranked = sorted(graph.nodes, key=lambda v: (-int(graph.nodes[v].get("events", 0) or 0),
                                                 -int(graph.nodes[v].get("mentions", 0) or 0), str(v)))
    keep = ranked[:max(n, 0)]
    sub = graph.subgraph(keep).copy()
    sub.graph["total_actors"] = graph.number_of_nodes()
    return sub


def plot_actor_network(records: RecordsLike, *, top: int = 40, ax: Axes | None = None,
                       include_negated: bool = False) -> Axes:
    """The actor network of records (`analysis.network.actor_graph`), at most `top` actors drawn."""
    from analysis.network import actor_graph
    from analysis.plot import plot_network

    graph = actor_graph(records, include_negated=include_negated)
    sub = top_actors(graph, top)
    actors = (f"{sub.number_of_nodes()} actors" if sub.number_of_nodes() == graph.number_of_nodes() else
              f"the {sub.number_of_nodes()} most active of {graph.number_of_nodes()} actors")
    edges = sub.number_of_edges()
    title = f"Actor network: {actors}, {edges} directed relation{'s' if edges != 1 else ''}"
    return plot_network(sub, ax=ax, title=title)


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
