"""Write and read extraction records (JSONL) safely: atomically, never half-written."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .errors import InputError, OutputError


@contextlib.contextmanager
def atomic_writer(path: str | Path, *, mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temporary file beside `path`; it replaces `path` only when the block completes.

    '-' writes to standard output.
    """
    if str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist; create it or choose another output path")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise OutputError(f"{target}: cannot write in {folder} ({exc.strerror}); choose a writable folder") from None
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_jsonl(records: Iterable[dict[str, Any]], path: str | Path) -> int:
    """Write records as JSON lines (atomically); return how many were written."""
    n = 0
    with atomic_writer(path) as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """Read JSON objects, one per line; a malformed line raises InputError with its number."""
    source = str(path)
    try:
        fh = sys.stdin if source == "-" else open(path, encoding="utf-8-sig")  # noqa: SIM115
    except FileNotFoundError:
        raise InputError("file not found; check the path", source=source) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", source=source) from None
    with fh if source != "-" else contextlib.nullcontext(fh):
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"malformed JSON ({exc.msg}); fix or remove the line",
                                 source=source, line=lineno) from None
            if not isinstance(rec, dict):
                raise InputError("line is not a JSON object", source=source, line=lineno)
            yield rec
