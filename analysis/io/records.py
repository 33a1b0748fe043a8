"""Reading and checking extraction records: the input every table in `analysis.frames` takes.

A record is the dict `georel extract` writes for one article; records come as a list (or any
iterable) of dicts, a single record, or the path of a JSONL file with one record per line, read by
`read_records` through the one JSONL reader of the package (`analysis.io.files.iter_jsonl`).
"""

from __future__ import annotations

import math
import os
import warnings
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from analysis.errors import InputError

Record = Mapping[str, Any]
RecordsLike = Iterable[Record] | Record | str | os.PathLike[str]


def read_records(path: str | os.PathLike[str], *,
                 on_error: Callable[[InputError], None] | None = None) -> list[dict[str, Any]]:
    """Read extraction records from a JSONL file (one JSON object per line; '-' is standard input).

    Parameters
    ----------
    path
        File written by ``georel extract``.
    on_error
        Called with the InputError of each malformed line, which is skipped; when None the first one
        is raised. A file that is not text (an image, an archive, binary data) always raises.

    Returns
    -------
    records
        One dict per article, in file order.
    """
    from analysis.io.decoding import decode_bytes
    from analysis.io.files import iter_jsonl, open_input

    source = str(path)
    head = b""
    if source != "-":
        with open_input(Path(path)) as fh:
            try:
                head = fh.read(1 << 16)
            except OSError as exc:
                raise InputError(f"cannot read records ({exc.strerror})", source=source) from None
    if head.strip():
        cut = head.rfind(b"\n") + 1 if len(head) == 1 << 16 else len(head)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            decode_bytes(head[:cut or 4096], source=source, line_oriented=True)  # raises for binary files
    try:
        return [record for _, record in iter_jsonl(Path(path) if source != "-" else "-", on_error=on_error)]
    except OSError as exc:
        raise InputError(f"cannot read records ({exc.strerror})", source=source) from None


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

