"""Extraction records as tidy tables and GeoDataFrames (EPSG:4326, x = lon, y = lat).

Every function takes the records that `georel extract` writes: a list (or any iterable) of
dicts, a single record, or the path of a JSONL file with one record per line (read and checked
by `analysis.io.records`); the spherical geometry behind the maps is in `analysis.geometry`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import LineString, MultiLineString

from analysis.errors import InputError, ReferenceDataError
from analysis.geometry import great_circle, haversine_km, longest_edge, split_antimeridian
from analysis.io.records import Record, RecordsLike, as_records, coordinate
from analysis.schema import PLACE_KINDS

__all__ = [
    "CRS", "EVENT_COLUMNS", "MENTION_COLUMNS", "STATE_SECTORS", "Anchor",
    "mentions_frame", "places_frame", "countries_frame", "events_frame", "relations_frame", "geo_layers",
    "load_boundaries", "load_countries", "is_state_actor",
]

Anchor = tuple[float, float, str | None, str]
"""(lon, lat, name, how) where how is "place", "capital" or "country"."""

CRS = "EPSG:4326"
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
"""CAMEO sectors of state agents: their events are anchored at the capital."""

EVENT_COLUMNS = (
    "article_id", "article_date", "event_id",
    "source", "source_country", "target", "target_country",
    "cameo", "root", "quad_class", "goldstein", "plover",
    "modality", "negated", "attribution", "date", "date_precision", "date_end",
    "place_name", "place_lat", "place_lon", "place_geonameid", "place_country",
    "sentence_start", "sentence_end", "trigger_start", "trigger_end", "trigger",
    "evidence", "n_mentions",
)
MENTION_COLUMNS = (
    "article_id", "article_date", "start", "end", "text", "name", "kind", "country",
    "geonameid", "lat", "lon", "metonymic",
)
_INT_COLUMNS = ("quad_class", "place_geonameid", "sentence_start", "sentence_end",
                "trigger_start", "trigger_end")


def _date(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, format="ISO8601", errors="coerce")


def _period_ends(dates: pd.Series, precisions: pd.Series) -> pd.Series:
    """The last day of each date's day, week, month or year (for records without ``date_end``)."""
    from analysis.extract.timex import period_end

    return pd.Series([pd.Timestamp(period_end(d.date(), str(p))) if not pd.isna(d) else pd.NaT
                      for d, p in zip(dates, precisions, strict=True)], index=dates.index, dtype="datetime64[ns]")


def mentions_frame(records: RecordsLike) -> pd.DataFrame:
    """One row per place mention that has coordinates (see `MENTION_COLUMNS`)."""
    rows: list[tuple[Any, ...]] = []
    for record in as_records(records):
        rid = record.get("id")
        for i, place in enumerate(record.get("places") or []):
            where = f"record {rid!r} places[{i}]"
            lat = coordinate(place.get("lat"), 90, "lat", where)
            lon = coordinate(place.get("lon"), 180, "lon", where)
            if lat is None or lon is None:
                continue
            rows.append((rid, record.get("date"), place.get("start"), place.get("end"), place.get("text"),
                         place.get("name") or place.get("text"), place.get("kind"), place.get("country"),
                         place.get("geonameid"), lat, lon, bool(place.get("metonymic"))))
    frame = pd.DataFrame(rows, columns=list(MENTION_COLUMNS))
    frame["article_date"] = _date(frame["article_date"])
    for column in ("start", "end", "geonameid"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
    frame["lat"] = frame["lat"].astype(float)
    frame["lon"] = frame["lon"].astype(float)
    frame["metonymic"] = frame["metonymic"].astype(bool)
    return frame


def _place_key(frame: pd.DataFrame) -> pd.Series:
    fallback = (frame["name"].astype(str) + "|" + frame["country"].fillna("").astype(str) + "|"
                + frame["lat"].round(3).astype(str) + "|" + frame["lon"].round(3).astype(str))
    geonames = "geonames:" + frame["geonameid"].astype(str)
    return geonames.where(frame["geonameid"].notna(), fallback)


def places_frame(records: RecordsLike, *,
                 by: Literal["mention", "article", "place"] = "article") -> gpd.GeoDataFrame:
    """Place points with mention counts, kinds and the metonymic flag.

    Places without coordinates are left out.

    Parameters
    ----------
    records
        Extraction records, a single record or a JSONL path.
    by
        ``"mention"``: one row per mention; ``"article"``: one row per distinct place per article;
        ``"place"``: one row per distinct place over all records (with ``articles``, the number of
        articles that mention it, and the first and last article dates).

    Returns
    -------
    places
        Points in EPSG:4326. Aggregated rows have ``place_id`` (``geonames:<id>`` when known),
        ``name``, ``kind`` (the most frequent), ``kinds`` (all, ``;``-joined), ``country``,
        ``geonameid``, ``lat``, ``lon``, ``mentions``, ``metonymic_mentions`` and ``metonymic``
        (any mention metonymic).
    """
    if by not in ("mention", "article", "place"):
        raise InputError(f"places_frame: by={by!r} is not one of 'mention', 'article', 'place'")
    mentions = mentions_frame(records)
    if by == "mention":
        return _points(mentions)
    mentions["place_id"] = _place_key(mentions)
    keys = ["article_id", "place_id"] if by == "article" else ["place_id"]
    kind_rank = {kind: i for i, kind in enumerate(PLACE_KINDS)}
    mentions["kind_rank"] = mentions["kind"].map(kind_rank).fillna(len(PLACE_KINDS))
    counts = mentions.groupby([*keys, "kind", "kind_rank"], dropna=False, sort=False).size()
    counts = counts.rename("n").reset_index().sort_values(
        [*keys, "n", "kind_rank"], ascending=[True] * len(keys) + [False, True], kind="stable")
    dominant = counts.drop_duplicates(keys).set_index(keys)["kind"]
    kinds = (counts.dropna(subset=["kind"]).sort_values([*keys, "kind_rank"], kind="stable")
             .groupby(keys, sort=False)["kind"].agg(";".join))
    grouped = mentions.groupby(keys, sort=True, dropna=False)
    out = grouped.agg(name=("name", "first"), country=("country", "first"), geonameid=("geonameid", "first"),
                      lat=("lat", "first"), lon=("lon", "first"), mentions=("name", "size"),
                      metonymic_mentions=("metonymic", "sum"),
                      **({"article_date": ("article_date", "first")} if by == "article" else
                         {"articles": ("article_id", "nunique"), "first_date": ("article_date", "min"),
                          "last_date": ("article_date", "max")}))
    out.insert(1, "kind", dominant.reindex(out.index))
    out.insert(2, "kinds", kinds.reindex(out.index))
    out["metonymic_mentions"] = out["metonymic_mentions"].astype(int)
    out["metonymic"] = out["metonymic_mentions"] > 0
    out = out.reset_index()
    ascending = [True] * (len(keys) - 1) + [False, True]
    out = out.sort_values([*keys[:-1], "mentions", "name"], ascending=ascending, kind="stable")
    out = out.reset_index(drop=True)
    return _points(out)


def _points(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["lon"], frame["lat"]), crs=CRS)


def load_boundaries(boundaries: gpd.GeoDataFrame | None = None) -> gpd.GeoDataFrame:
    """Validated country polygons in EPSG:4326: `boundaries`, or `analysis.extract.gazetteer.boundaries()`."""
    if boundaries is None:
        try:
            from analysis.extract.gazetteer import boundaries as load
        except ImportError as exc:
            raise ReferenceDataError("country boundaries are unavailable (analysis.extract.gazetteer cannot be "
                                     f"imported: {exc}); pass boundaries=") from exc
        boundaries = load()
    missing = {"iso3", "geometry"} - set(boundaries.columns)
    if missing:
        raise InputError(f"boundaries: missing column(s) {sorted(missing)}; expected iso3, name, geometry")
    if boundaries.crs is None:
        boundaries = boundaries.set_crs(CRS)
    elif not boundaries.crs.equals(CRS):
        boundaries = boundaries.to_crs(CRS)
    flagged = [(i, long_edge) for i, geom in enumerate(boundaries.geometry)
               for long_edge in [longest_edge(geom)] if long_edge > 20]
    if flagged:
        boundaries = boundaries.copy()
        position = boundaries.columns.get_loc(boundaries.geometry.name)
        for i, long_edge in flagged:
            geom = boundaries.geometry.iloc[i]
            if long_edge > 180:
                geom = split_antimeridian(geom)
            # pieces cut along parallels (as in world-atlas' Russia) show their seams: dissolve them
            boundaries.iloc[i, position] = shapely.union_all(shapely.get_parts(shapely.make_valid(geom)))
    return boundaries


def load_countries(countries: pd.DataFrame | None = None) -> pd.DataFrame:
    """Validated country table: `countries`, or `analysis.extract.gazetteer.countries()`."""
    if countries is None:
        try:
            from analysis.extract.gazetteer import countries as load
        except ImportError as exc:
            raise ReferenceDataError("the country table is unavailable (analysis.extract.gazetteer cannot be "
                                     f"imported: {exc}); pass countries=") from exc
        countries = load()
    missing = {"iso3", "lat", "lon"} - set(countries.columns)
    if missing:
        raise InputError(f"countries: missing column(s) {sorted(missing)}; expected iso3, lat, lon, "
                         "capital, capital_lat, capital_lon")
    return countries


def countries_frame(records: RecordsLike, *, boundaries: gpd.GeoDataFrame | None = None) -> gpd.GeoDataFrame:
    """Country polygons joined with mention counts and their role in events.

    Parameters
    ----------
    records
        Extraction records, a single record or a JSONL path.
    boundaries
        Polygons with ``iso3``, ``name`` and ``geometry``; default `analysis.extract.gazetteer.boundaries()`.

    Returns
    -------
    countries
        Every boundary row with ``mentions`` (place mentions located in the country),
        ``actor_mentions``, ``source_events`` and ``target_events`` (negated events are not counted)
        and ``role``: ``"both"``, ``"source"``, ``"target"``, ``"mentioned"`` or missing.
    """
    records = as_records(records)
    frame = load_boundaries(boundaries).copy()
    mentions: dict[str, int] = {}
    actors: dict[str, int] = {}
    sources: dict[str, int] = {}
    targets: dict[str, int] = {}
    for record in records:
        for place in record.get("places") or []:
            if place.get("country"):
                mentions[place["country"]] = mentions.get(place["country"], 0) + 1
        for actor in record.get("actors") or []:
            if actor.get("country"):
                actors[actor["country"]] = actors.get(actor["country"], 0) + 1
        for event in record.get("events") or []:
            if event.get("negated"):
                continue
            for side, counts in (("source_country", sources), ("target_country", targets)):
                if event.get(side):
                    counts[event[side]] = counts.get(event[side], 0) + 1
    iso3 = frame["iso3"]
    for column, counts in (("mentions", mentions), ("actor_mentions", actors),
                           ("source_events", sources), ("target_events", targets)):
        frame[column] = iso3.map(counts).fillna(0).astype(int)
    is_source, is_target = frame["source_events"] > 0, frame["target_events"] > 0
    mentioned = (frame["mentions"] > 0) | (frame["actor_mentions"] > 0)
    role = np.select([is_source & is_target, is_source, is_target, mentioned],
                     ["both", "source", "target", "mentioned"], default="")
    frame["role"] = pd.Series(role, index=frame.index).replace("", None)
    return frame.set_geometry(frame.geometry.name)


def events_frame(records: RecordsLike) -> pd.DataFrame:
    """Tidy table of events: one row per event, with the article id and date (see `EVENT_COLUMNS`).

    ``date`` and ``article_date`` are datetimes (the first day of the period for week, month or
    year precision), ``date_end`` the last day of the event's span (inclusive; worked out from
    ``date_precision`` for records without it); ``place_*`` flatten the event place;
    ``n_mentions`` counts the sentences that report the event (or GDELT's ``num_mentions``).
    """
    rows: list[tuple[Any, ...]] = []
    for record in as_records(records):
        rid = record.get("id")
        for i, event in enumerate(record.get("events") or []):
            place = event.get("place") or {}
            where = f"record {rid!r} events[{i}].place"
            mentions = event.get("mentions") or []
            n_mentions = event.get("num_mentions") or len(mentions) or 1
            rows.append((
                rid, record.get("date"), f"{rid}:{i}",
                event.get("source"), event.get("source_country"), event.get("target"),
                event.get("target_country"), event.get("cameo"), event.get("root"), event.get("quad_class"),
                event.get("goldstein"), event.get("plover"), event.get("modality"),
                bool(event.get("negated")), event.get("attribution"),
                event.get("date") or record.get("date"), event.get("date_precision") or "day",
                event.get("date_end") if event.get("date") else None,
                place.get("name"), coordinate(place.get("lat"), 90, "lat", where),
                coordinate(place.get("lon"), 180, "lon", where), place.get("geonameid"), place.get("country"),
                event.get("sentence_start"), event.get("sentence_end"), event.get("trigger_start"),
                event.get("trigger_end"), event.get("trigger"), event.get("evidence"), int(n_mentions),
            ))
    frame = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    frame["article_date"] = _date(frame["article_date"])
    frame["date"] = _date(frame["date"])
    frame["date_end"] = (_date(frame["date_end"]).fillna(_period_ends(frame["date"], frame["date_precision"]))
                         .astype(frame["date"].dtype))
    for column in _INT_COLUMNS:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
    for column in ("goldstein", "place_lat", "place_lon"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
    frame["negated"] = frame["negated"].astype(bool)
    frame["n_mentions"] = frame["n_mentions"].astype(int)
    return frame


def _country_points(records: list[Record], countries: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """iso3 -> {name, lat, lon, capital, capital_lat, capital_lon}; table first, records fill gaps."""
    table: dict[str, dict[str, Any]] = {}
    for record in records:
        for place in record.get("places") or []:
            iso3, lat, lon = place.get("country"), place.get("lat"), place.get("lon")
            if not iso3 or lat is None or lon is None:
                continue
            entry = table.setdefault(iso3, {})
            if place.get("kind") == "country" and "lat" not in entry:
                entry.update(name=place.get("name"), lat=float(lat), lon=float(lon),
                             geonameid=place.get("geonameid"))
            elif place.get("kind") == "capital" and "capital_lat" not in entry:
                entry.update(capital=place.get("name"), capital_lat=float(lat), capital_lon=float(lon))
    columns = [c for c in ("iso3", "name", "lat", "lon", "geonameid", "capital", "capital_lat", "capital_lon")
               if c in countries.columns]
    for row in countries[columns].itertuples(index=False):
        values = {k: v for k, v in row._asdict().items() if k != "iso3" and not pd.isna(v)}
        entry = table.setdefault(str(row.iso3), {})
        if "lat" in values and "lon" in values:
            entry.update({k: values[k] for k in ("name", "lat", "lon", "geonameid") if k in values})
        if "capital_lat" in values and "capital_lon" in values:
            entry.update({k: values[k] for k in ("capital", "capital_lat", "capital_lon") if k in values})
    return table


def is_state_actor(code: str | None, country: str | None) -> bool:
    """True when the actor code is a country itself (``UKR``) or a state agent (``RUSGOV``, ``USAMIL``)."""
    if not code or not country or not code.startswith(country):
        return False
    rest = code[len(country):]
    return rest == "" or rest[:3] in STATE_SECTORS


def _is_country(place: Mapping[str, Any], entry: Mapping[str, Any] | None) -> bool:
    """True when an event place is the country itself (say "in Russia"), not a place in it."""
    if not entry:
        return False
    gid = place.get("geonameid")
    if gid is not None and not pd.isna(gid) and entry.get("geonameid") is not None:
        return int(gid) == int(entry["geonameid"])
    if place.get("name") and place.get("name") == entry.get("name"):
        return True
    return ("lat" in entry and abs(float(place["lat"]) - float(entry["lat"])) < 1e-3
            and abs(float(place["lon"]) - float(entry["lon"])) < 1e-3)


def _anchor(code: str | None, country: str | None, place: Mapping[str, Any] | None,
            points: Mapping[str, Mapping[str, Any]]) -> Anchor | None:
    if place is not None:
        return float(place["lon"]), float(place["lat"]), place.get("name"), "place"
    if not country or country not in points:
        return None
    entry = points[country]
    if is_state_actor(code, country) and "capital_lat" in entry:
        return float(entry["capital_lon"]), float(entry["capital_lat"]), entry.get("capital"), "capital"
    if "lat" in entry:
        return float(entry["lon"]), float(entry["lat"]), entry.get("name"), "country"
    if "capital_lat" in entry:
        return float(entry["capital_lon"]), float(entry["capital_lat"]), entry.get("capital"), "capital"
    return None


def relations_frame(records: RecordsLike, *, countries: pd.DataFrame | None = None) -> gpd.GeoDataFrame:
    """Great-circle lines from the source to the target of every event.

    An end is anchored at the event place when the place lies in that end's country (the target
    first) and is not the country as a whole, else at the capital of a state actor's country
    (``RUSGOV``, ``UKR``), else at the country's representative point. Events with an end that
    cannot be anchored (an IGO with no place, a missing country) are left out. Lines crossing the
    antimeridian are MultiLineStrings.

    Parameters
    ----------
    records
        Extraction records, a single record or a JSONL path.
    countries
        Table with ``iso3``, ``name``, ``lat``, ``lon``, ``capital``, ``capital_lat``,
        ``capital_lon``; default `analysis.extract.gazetteer.countries()`.

    Returns
    -------
    relations
        The `events_frame` columns plus ``source_anchor`` / ``target_anchor`` (place, capital or
        country), ``source_anchor_name``, ``source_lon``, ``source_lat``, the same for the target,
        ``distance_km`` and the line geometry, in EPSG:4326.
    """
    records = as_records(records)
    events = events_frame(records)
    points = _country_points(records, load_countries(countries))
    anchors: list[tuple[Any, ...]] = []
    keep: list[int] = []
    lines: list[LineString | MultiLineString] = []
    cache: dict[tuple[float, float, float, float], LineString | MultiLineString] = {}
    for i, row in enumerate(events.itertuples(index=False)):
        place: dict[str, Any] | None = None
        country = _str(row.place_country)
        if not (pd.isna(row.place_lat) or pd.isna(row.place_lon)):
            place = {"name": row.place_name, "lat": row.place_lat, "lon": row.place_lon,
                     "geonameid": row.place_geonameid}
            if country and _is_country(place, points.get(country)):
                place = None  # "in Russia" says nothing more precise than the capital does
        source_code, source_country = _str(row.source), _str(row.source_country)
        target_code, target_country = _str(row.target), _str(row.target_country)
        target_place = place if place is not None and country and country == target_country else None
        source_place = (place if place is not None and target_place is None and country
                        and country == source_country else None)
        if not source_code or not target_code:
            continue
        src = _anchor(source_code, source_country, source_place, points)
        dst = _anchor(target_code, target_country, target_place, points)
        if src is None or dst is None:
            continue
        key = (src[0], src[1], dst[0], dst[1])
        if key not in cache:
            cache[key] = great_circle(*key)
        keep.append(i)
        lines.append(cache[key])
        anchors.append((src[3], src[2], src[0], src[1], dst[3], dst[2], dst[0], dst[1],
                        haversine_km(*key)))
    columns = ["source_anchor", "source_anchor_name", "source_lon", "source_lat",
               "target_anchor", "target_anchor_name", "target_lon", "target_lat", "distance_km"]
    frame = events.iloc[keep].reset_index(drop=True)
    extra = pd.DataFrame(anchors, columns=columns)
    for column in ("source_lon", "source_lat", "target_lon", "target_lat", "distance_km"):
        extra[column] = extra[column].astype(float)
    frame = pd.concat([frame, extra], axis=1)
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(lines, crs=CRS), crs=CRS)


def _str(value: Any) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return str(value) or None


def geo_layers(records: RecordsLike, *, boundaries: gpd.GeoDataFrame | None = None,
               countries: pd.DataFrame | None = None) -> dict[str, gpd.GeoDataFrame]:
    """The three map layers at once: ``places`` (by place), ``countries`` and ``relations``."""
    records = as_records(records)
    return {
        "places": places_frame(records, by="place"),
        "countries": countries_frame(records, boundaries=boundaries),
        "relations": relations_frame(records, countries=countries),
    }
