"""Reading and checking extraction records: the input every table in `analysis.frames` takes.

A record is the dict `georel extract` writes for one article; records come as a list (or any
iterable) of dicts, a single record, or the path of a JSONL file with one record per line.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from analysis.errors import InputError

Record = Mapping[str, Any]
RecordsLike = Iterable[Record] | Record | str | os.PathLike[str]


def read_records(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read extraction records from a JSONL file (one JSON object per line).

    Parameters
    ----------
    path
        File written by ``georel extract``.

    Returns
    -------
    records
        One dict per article, in file order.
    """
    path = Path(path)
    records: list[dict[str, Any]] = []
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"not valid JSON ({exc.msg})", source=str(path), line=number) from exc
                if not isinstance(record, dict):
                    raise InputError("each line must be a JSON object (one record)", source=str(path),
                                     line=number)
                records.append(record)
    except OSError as exc:
        raise InputError(f"cannot read records ({exc.strerror})", source=str(path)) from exc
    return records


def as_records(records: RecordsLike) -> list[Record]:
    """Return `records` as a validated list of record mappings.

    Parameters
    ----------
    records
        Records, a single record, or the path of a JSONL file.

    Returns
    -------
    records
        A list (the input objects themselves, not copies).
    """
    if isinstance(records, str | os.PathLike):
        return list(read_records(records))
    if isinstance(records, Mapping):
        records = [records]
    out: list[Record] = []
    for i, record in enumerate(records):
        if not isinstance(record, Mapping):
            raise InputError(f"record {i} is a {type(record).__name__}, expected a dict with an 'id'")
        for field in ("places", "actors", "events"):
            value = record.get(field)
            if value is not None and not isinstance(value, list):
                raise InputError(f"record {record.get('id', i)!r}: field {field!r} must be a list")
        out.append(record)
    return out


def coordinate(value: Any, limit: float, field: str, where: str) -> float | None:
    """`value` as a latitude or longitude in [-limit, limit]; None when missing or NaN.

    Raises `InputError` naming `where` and `field` when the value is not a number or out of range.
    """
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{where}: {field} {value!r} is not a number") from None
    if math.isnan(number):
        return None
    if not -limit <= number <= limit:
        raise InputError(f"{where}: {field} {number} is outside [-{limit:g}, {limit:g}]")
    return number

