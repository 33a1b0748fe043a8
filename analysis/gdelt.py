"""GDELT event exports in and out: read GDELT 2.0 (and 1.0) event files as records, and write
our events with GDELT's column names so the two can be stacked.

GDELT 2.0 event files (``YYYYMMDDHHMMSS.export.CSV``, optionally zipped) are tab-separated with
no header and the 61 columns of `GDELT2_COLUMNS`, in the order of the GDELT 2.0 Event Codebook.
GDELT 1.0 daily files have the same columns without the three ``*Geo_ADM2Code`` ones (58), and
the historical backfiles also lack ``SOURCEURL`` (57).
"""

from __future__ import annotations

import csv
import os
from collections import Counter
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from analysis._resources import read_table
from analysis.errors import InputError
from analysis.io.records import RecordsLike, as_records

GDELT2_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
"""The 61 columns of a GDELT 2.0 event export, in file order."""
GDELT1_COLUMNS = tuple(c for c in GDELT2_COLUMNS if not c.endswith("Geo_ADM2Code"))
"""The 58 columns of a GDELT 1.0 daily event file."""

_INTEGERS = ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
             "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED")
_FLOATS = ("FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat",
           "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long")
GEO_KINDS = {1: "country", 2: "admin1", 3: "city", 4: "city", 5: "admin1"}
"""GDELT Geo_Type (1 country, 2 US state, 3 US city, 4 world city, 5 world state) -> place kind."""
_KIND_TYPES = {"country": 1, "admin1": 5, "admin2": 5, "city": 4, "capital": 4}


def read_gdelt(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a GDELT event file (``.export.CSV`` or ``.CSV``, optionally ``.zip``) into a DataFrame.

    Codes stay strings (``EventCode`` ``"036"`` keeps its zero); counts are nullable integers,
    coordinates floats; empty fields are missing.

    Parameters
    ----------
    path
        A GDELT 2.0 export (61 columns) or 1.0 daily file (58 or 57 columns).

    Returns
    -------
    events
        One row per event with the GDELT column names.
    """
    try:
        frame = pd.read_csv(path, sep="\t", header=None, dtype=str, keep_default_na=False, na_values=[""],
                            quoting=csv.QUOTE_NONE, encoding="utf-8", encoding_errors="replace")
    except FileNotFoundError:
        raise InputError("no such file", source=str(path)) from None
    except (OSError, ValueError, pd.errors.ParserError) as exc:
        raise InputError(f"cannot read as a tab-separated GDELT event file ({exc})",
                         source=str(path)) from exc
    names = {61: GDELT2_COLUMNS, 58: GDELT1_COLUMNS, 57: GDELT1_COLUMNS[:-1]}.get(frame.shape[1])
    if names is None:
        raise InputError(f"has {frame.shape[1]} columns; a GDELT 2.0 event export has 61 (1.0: 58 or 57). "
                         "Is this a mentions or GKG file?", source=str(path))
    frame.columns = list(names)
    frame = _typed(frame)
    bad = frame["SQLDATE"].isna() | frame["EventCode"].isna()
    if bad.any():
        line = int(np.flatnonzero(bad.to_numpy())[0]) + 1
        raise InputError("missing SQLDATE or EventCode; not a GDELT event row", source=str(path), line=line)
    return frame


def _value(row: Mapping[str, Any], column: str) -> Any:
    value = row.get(column)
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    return value.item() if isinstance(value, np.generic) else value


def fips_table() -> dict[str, str]:
    """FIPS 10-4 country code -> ISO 3166-1 alpha-3, from `analysis/data/fips_iso3.tsv` (GeoNames)."""
    table = read_table("fips_iso3.tsv")
    return dict(zip(table["fips"], table["iso3"], strict=True))


def short_place_name(full: Any) -> str | None:
    """A map label from a GDELT FullName: 'Paris, France (general), France' -> 'Paris'."""
    if full is None:
        return None
    head = str(full).split(",")[0].replace("(general)", "").strip()
    return head or str(full)


def _iso_date(value: Any) -> str | None:
    if value is None:
        return None
    text = str(int(value))
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}" if len(text) >= 8 else None


def _geo(row: Mapping[str, Any], prefix: str, fips_to_iso3: Mapping[str, str]) -> dict[str, Any] | None:
    lat, lon = _value(row, f"{prefix}_Lat"), _value(row, f"{prefix}_Long")
    if lat is None or lon is None:
        return None
    fips = _value(row, f"{prefix}_CountryCode")
    geo_type = _value(row, f"{prefix}_Type")
    full = _value(row, f"{prefix}_FullName")
    return {"name": short_place_name(full), "full_name": full, "lat": float(lat), "lon": float(lon),
            "geonameid": None, "country": fips_to_iso3.get(fips) if fips else None, "fips": fips,
            "kind": GEO_KINDS.get(int(geo_type)) if geo_type is not None else None,
            "feature_id": _value(row, f"{prefix}_FeatureID")}


def gdelt_records(events: pd.DataFrame, *,
                  fips_to_iso3: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """Turn GDELT event rows into extraction records, one per source article (``SOURCEURL``).

    Parameters
    ----------
    events
        From `read_gdelt`.
    fips_to_iso3
        FIPS 10-4 country code -> ISO3, to fill ``country`` of places (GDELT locates places with
        FIPS codes, which are not ISO codes: ``RS`` is Russia, ``KN`` North Korea); default the
        bundled table `fips_table` (GeoNames). Each place also keeps its ``fips`` code.

    Returns
    -------
    records
        Records whose events carry ``source`` (Actor1Code), ``source_country`` (Actor1CountryCode),
        ``target``, ``target_country``, ``cameo`` (EventCode), ``root`` (EventRootCode),
        ``quad_class``, ``goldstein``, ``date`` (SQLDATE, day precision), ``place`` (ActionGeo) and
        GDELT's ``num_mentions``, ``num_sources``, ``num_articles``, ``avg_tone``, ``gdelt_id`` and
        ``is_root_event``; ``actors`` and ``places`` come from the actor and geo columns. Record
        ``date`` is the DATEADDED day; spans and evidence are missing (GDELT has no text).
    """
    fips = dict(fips_table() if fips_to_iso3 is None else fips_to_iso3)
    records: dict[str, dict[str, Any]] = {}
    for row in events.to_dict("records"):
        url = _value(row, "SOURCEURL")
        key = str(url) if url else f"gdelt-{_value(row, 'GLOBALEVENTID')}"
        record = records.get(key)
        if record is None:
            added = _value(row, "DATEADDED")
            record = {"id": f"gdelt-{_value(row, 'GLOBALEVENTID')}",
                      "date": _iso_date(added) or _iso_date(_value(row, "SQLDATE")), "title": None,
                      "url": url, "source": "GDELT", "places": [], "actors": [], "events": []}
            records[key] = record
        for n in ("1", "2"):
            code = _value(row, f"Actor{n}Code")
            if code:
                record["actors"].append({
                    "start": None, "end": None, "text": _value(row, f"Actor{n}Name"), "code": code,
                    "name": _value(row, f"Actor{n}Name"), "country": _value(row, f"Actor{n}CountryCode"),
                    "sector": _value(row, f"Actor{n}Type1Code")})
        seen = {(p["name"], p["lat"], p["lon"]) for p in record["places"]}
        for prefix in ("ActionGeo", "Actor1Geo", "Actor2Geo"):
            geo = _geo(row, prefix, fips)
            if geo is not None and (geo["name"], geo["lat"], geo["lon"]) not in seen:
                seen.add((geo["name"], geo["lat"], geo["lon"]))
                record["places"].append({"start": None, "end": None, "text": geo["name"], "name": geo["name"],
                                         "kind": geo["kind"], "country": geo["country"], "lat": geo["lat"],
                                         "lon": geo["lon"], "geonameid": None, "metonymic": False,
                                         "fips": geo["fips"]})
        action = _geo(row, "ActionGeo", fips)
        quad = _value(row, "QuadClass")
        record["events"].append({
            "source": _value(row, "Actor1Code"), "source_country": _value(row, "Actor1CountryCode"),
            "target": _value(row, "Actor2Code"), "target_country": _value(row, "Actor2CountryCode"),
            "cameo": _value(row, "EventCode"), "root": _value(row, "EventRootCode"),
            "quad_class": int(quad) if quad is not None else None, "goldstein": _value(row, "GoldsteinScale"),
            "plover": None, "modality": None, "negated": False, "attribution": None,
            "date": _iso_date(_value(row, "SQLDATE")), "date_precision": "day",
            "place": None if action is None else {k: action[k] for k in
                                                  ("name", "full_name", "lat", "lon", "geonameid", "country", "fips")},
            "sentence_start": None, "sentence_end": None, "trigger_start": None, "trigger_end": None,
            "trigger": None, "evidence": None, "mentions": [],
            "num_mentions": _value(row, "NumMentions"), "num_sources": _value(row, "NumSources"),
            "num_articles": _value(row, "NumArticles"), "avg_tone": _value(row, "AvgTone"),
            "gdelt_id": _value(row, "GLOBALEVENTID"), "is_root_event": _value(row, "IsRootEvent"),
        })
    return list(records.values())


def read_gdelt_events(path: str | os.PathLike[str], *,
                      fips_to_iso3: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """Read a GDELT event file as extraction records (see `read_gdelt` and `gdelt_records`)."""
    return gdelt_records(read_gdelt(path), fips_to_iso3=fips_to_iso3)


def to_gdelt(records: RecordsLike, *, iso3_to_fips: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Our events as a GDELT 2.0 table (the 61 columns of `GDELT2_COLUMNS`, in order).

    Filled: dates (SQLDATE, MonthYear, Year, FractionDate from the event date; DATEADDED from the
    article date), actor codes, names, countries and Type1Code (sector), EventCode, EventBaseCode,
    EventRootCode, QuadClass, GoldsteinScale, NumMentions (sentences reporting the event),
    NumSources and NumArticles (1), ActionGeo from the event place, SOURCEURL (url, else the
    record id). GLOBALEVENTID, AvgTone, IsRootEvent and the actor geo columns stay empty;
    ActionGeo_CountryCode is filled only through `iso3_to_fips`. Write it GDELT-style with
    ``frame.to_csv(path, sep="\\t", header=False, index=False)``.
    """
    fips = dict(iso3_to_fips or {})
    rows: list[dict[str, Any]] = []
    for record in as_records(records):
        counts = Counter((a["code"], a["name"]) for a in record.get("actors") or []
                         if a.get("code") and a.get("name"))
        names: dict[str, str] = {}
        for (code, name), _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            names.setdefault(code, name)
        kinds = {p.get("geonameid"): p.get("kind") for p in record.get("places") or [] if p.get("geonameid")}
        added = pd.to_datetime(record.get("date"), errors="coerce")
        for event in record.get("events") or []:
            when = pd.to_datetime(event.get("date") or record.get("date"), errors="coerce")
            place = event.get("place") or {}
            cameo = event.get("cameo")
            row: dict[str, Any] = {
                "SOURCEURL": record.get("url") or record.get("id"),
                "DATEADDED": int(added.strftime("%Y%m%d%H%M%S")) if not pd.isna(added) else None,
                "EventCode": cameo, "EventBaseCode": cameo[:3] if cameo else None,
                "EventRootCode": event.get("root") or (cameo[:2] if cameo else None),
                "QuadClass": event.get("quad_class"), "GoldsteinScale": event.get("goldstein"),
                "NumMentions": event.get("num_mentions") or len(event.get("mentions") or []) or 1,
                "NumSources": 1, "NumArticles": 1,
            }
            if not pd.isna(when):
                row.update(SQLDATE=int(when.strftime("%Y%m%d")), MonthYear=int(when.strftime("%Y%m")),
                           Year=when.year, FractionDate=round(when.year + when.day_of_year / 365, 4))
            for n, side in (("1", "source"), ("2", "target")):
                code = event.get(side)
                country = event.get(f"{side}_country")
                row[f"Actor{n}Code"] = code
                row[f"Actor{n}Name"] = str(names[code]).upper() if names.get(code) else None
                row[f"Actor{n}CountryCode"] = country
                if code and country and code.startswith(country) and len(code) >= len(country) + 3:
                    row[f"Actor{n}Type1Code"] = code[len(country):len(country) + 3]
            if place.get("lat") is not None and place.get("lon") is not None:
                row.update(ActionGeo_Type=_KIND_TYPES.get(kinds.get(place.get("geonameid")) or "city", 4),
                           ActionGeo_FullName=place.get("full_name") or place.get("name"),
                           ActionGeo_Lat=float(place["lat"]),
                           ActionGeo_Long=float(place["lon"]),
                           ActionGeo_CountryCode=fips.get(place.get("country") or "", None))
            rows.append(row)
    return _typed(pd.DataFrame(rows, columns=list(GDELT2_COLUMNS)))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """GDELT's column types: nullable integers, floats, and strings for the rest."""
    for column in _INTEGERS:
        if column in frame.columns:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
    for column in _FLOATS:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
    for column in frame.columns:
        if column not in _INTEGERS and column not in _FLOATS:
            frame[column] = frame[column].astype("string")
    return frame
