"""Turn extracted records into Arrow tables with a fixed schema (articles, places, actors, events),
and a table into Parquet bytes.

    tables = records_to_tables(records)          # {"articles": pa.Table, "places": ..., ...}
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Iterable
from typing import Any

from analysis.schema import (
    ACTOR,
    ACTOR_FIELDS,
    ARTICLE,
    EVENT,
    EVENT_FIELDS,
    EVENT_PLACE,
    PLACE,
    PLACE_FIELDS,
    field_types,
)

TABLES = ("articles", "places", "actors", "events")

_COUNTS = {"n_places": "int", "n_actors": "int", "n_events": "int"}
_TYPES: dict[str, str] = {
    **field_types(ARTICLE), **field_types(PLACE), **field_types(ACTOR), **field_types(EVENT), **_COUNTS,
    **{f"place_{name}": kind for name, kind in field_types(EVENT_PLACE).items()}, "extra": "json",
}
"""Column -> kind of value (`str`, `int`, `float`, `bool` or `json` for objects and lists), from the schema."""
_PLACE_OF_EVENT = tuple(f.name for f in EVENT_PLACE)
_EVENT_COLUMNS = [c for f in EVENT_FIELDS for c in ([f"place_{k}" for k in _PLACE_OF_EVENT] if f == "place" else [f])]
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (*(f.name for f in ARTICLE if f.name != "text"), *_COUNTS, "extra"),
    "places": ("article_id", *PLACE_FIELDS, "extra"),
    "actors": ("article_id", *ACTOR_FIELDS, "extra"),
    "events": ("article_id", "event_id", *_EVENT_COLUMNS, "extra"),
}
"""The columns of the Parquet tables. Child tables carry `article_id`; events flatten `place` into
`place_*` and hold `mentions` as JSON text; `extra` is JSON text of any fields beyond the contract
(and of values that do not fit their column's type), so the tables lose nothing of the records."""


def _kind(column: str) -> str:
    kind = _TYPES.get(column, "str")
    return "json" if kind in ("object", "list") else kind


def _convert(kind: str, value: Any) -> tuple[Any, bool]:
    if value is None:
        return None, True
    if kind == "str":
        return (value, True) if isinstance(value, str) else (json.dumps(value, ensure_ascii=False), True)
    if kind == "json":
        return json.dumps(value, ensure_ascii=False), True
    if kind == "bool":
        return (value, True) if isinstance(value, bool) else (None, False)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None, False
    if kind == "float":
        return float(value), True
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        return None, False
    return (int(value), True) if -(2 ** 63) <= value < 2 ** 63 else (None, False)


def _schema(table: str) -> Any:
    import pyarrow as pa

    types = {"str": pa.string(), "json": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(c, types[_kind(c)]) for c in TABLE_COLUMNS[table]])


def records_to_tables(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The records as four pyarrow Tables (see `TABLE_COLUMNS`), with a fixed schema whatever the values."""
    import pyarrow as pa

    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for rec in records:
        aid = rec.get("id")
        places, actors, events = (rec.get(k) or [] for k in ("places", "actors", "events"))
        top = {k: v for k, v in rec.items() if k not in ("places", "actors", "events")}
        rows["articles"].append({**top, "n_places": len(places), "n_actors": len(actors), "n_events": len(events)})
        rows["places"] += [{"article_id": aid, **p} for p in places]
        rows["actors"] += [{"article_id": aid, **a} for a in actors]
        for i, ev in enumerate(events):
            row = {"article_id": aid, "event_id": f"{aid}:{i}", **{k: v for k, v in ev.items() if k != "place"}}
            place = ev.get("place")
            if isinstance(place, dict):
                row |= {f"place_{k}": place.get(k) for k in _PLACE_OF_EVENT}
                if set(place) - set(_PLACE_OF_EVENT):
                    row["place"] = {k: v for k, v in place.items() if k not in _PLACE_OF_EVENT}
            elif place is not None:
                row["place"] = place
            rows["events"].append(row)
    tables = {}
    for name in TABLES:
        columns = TABLE_COLUMNS[name]
        data: dict[str, list[Any]] = {c: [] for c in columns}
        for row in rows[name]:
            extra = {k: v for k, v in row.items() if k not in data}
            for column in columns[:-1]:
                value, ok = _convert(_kind(column), row.get(column))
                data[column].append(value)
                if not ok:
                    extra[column] = row[column]
            data["extra"].append(json.dumps(extra, ensure_ascii=False) if extra else None)
        schema = _schema(name)
        tables[name] = pa.table([pa.array(data[c], type=schema.field(c).type) for c in columns], schema=schema)
    return tables


def parquet_bytes(table: Any) -> bytes:
    """A pyarrow Table as the bytes of a Parquet file."""
    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()
