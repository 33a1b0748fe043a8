"""Load articles from .txt, .jsonl and .csv files, directories of them, or standard input.

A `.txt` article may start with a `date YYYY-MM-DD` token (possibly after whitespace, possibly on
the same line as the first sentence); the article body is what follows it, and every offset the
package reports refers to that body.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .errors import DateHeaderError, InputError

ARTICLE_SUFFIXES = (".txt", ".jsonl", ".csv")
_DATE_HEADER = re.compile(r"\A\s*date[ \t]*[:=]?[ \t]+(\d\S*)[ \t]*(?:\r?\n)?[ \t]*", re.IGNORECASE)
_ISO_DATE = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")

ErrorHandler = Callable[[InputError], None]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: a stable id, its body text and optional metadata."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_date(value: object, *, source: str, line: int | None = None) -> str | None:
    """Return `value` as an ISO date string, None when empty; raise DateHeaderError when invalid."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip()[:10] if isinstance(value, str) else str(value)
    if not _ISO_DATE.match(text):
        raise DateHeaderError(
            f"invalid date {str(value)[:40]!r}; write it as YYYY-MM-DD", source=source, line=line
        )
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise DateHeaderError(
            f"impossible date {text!r}; write a real calendar date as YYYY-MM-DD", source=source, line=line
        ) from None
    return text


def split_date_header(raw: str, *, source: str) -> tuple[str | None, str]:
    """Split a leading `date YYYY-MM-DD` token from a text; return (date, body)."""
    match = _DATE_HEADER.match(raw)
    if not match:
        return None, raw
    return parse_date(match.group(1), source=source), raw[match.end():]


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), else cp1252 text with a warning."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        sample = data[:4096]
        if b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) // 100:
            raise InputError(
                f"undecodable bytes at offset {exc.start} (binary file?); save the article as UTF-8 text",
                source=source,
            ) from None
        warnings.warn(f"{source}: not UTF-8, read as cp1252/latin-1", UnicodeWarning, stacklevel=2)
        return data.decode("cp1252", errors="replace")


def _record_to_article(rec: object, *, source: str, line: int, default_id: str) -> Article:
    if not isinstance(rec, dict):
        raise InputError("record is not a JSON object; write one {\"id\", \"text\"} object per line",
                         source=source, line=line)
    text = rec.get("text")
    if text is None:
        raise InputError("record has no 'text' field; add the article body as 'text'", source=source, line=line)
    if not isinstance(text, str):
        raise InputError(f"'text' is {type(text).__name__}, not a string", source=source, line=line)
    rid = rec.get("id")
    meta = {k: (None if rec.get(k) in (None, "") else str(rec[k])) for k in ("title", "url", "source")}
    return Article(
        id=str(rid) if rid not in (None, "") else default_id,
        text=text,
        date=parse_date(rec.get("date"), source=source, line=line),
        **meta,
    )


def _read_text(path: Path) -> str:
    source = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found; check the path", source=source) from None
    except IsADirectoryError:
        raise InputError("is a directory", source=source) from None
    except PermissionError:
        raise InputError("permission denied; make the file readable", source=source) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", source=source) from None
    return decode_bytes(data, source=source)


def _iter_txt(raw: str, *, source: str, article_id: str) -> Iterator[Article]:
    date, body = split_date_header(raw, source=source)
    if not body.strip():
        raise InputError("article is empty", source=source)
    yield Article(id=article_id, text=body, date=date)


def _iter_jsonl(raw: str, *, source: str, stem: str, on_error: ErrorHandler | None) -> Iterator[Article]:
    for lineno, line in enumerate(io.StringIO(raw), start=1):
        if not line.strip():
            continue
        try:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"malformed JSON ({exc.msg}); fix or remove the line",
                                 source=source, line=lineno) from None
            yield _record_to_article(rec, source=source, line=lineno, default_id=f"{stem}-{lineno}")
        except InputError as err:
            if on_error is None:
                raise
            on_error(err)


def _iter_csv(raw: str, *, source: str, stem: str, on_error: ErrorHandler | None) -> Iterator[Article]:
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        raise InputError(
            f"CSV has no 'text' column (columns: {', '.join(reader.fieldnames or []) or 'none'}); "
            "name the article body column 'text'",
            source=source,
        )
    for rowno, row in enumerate(reader, start=1):
        try:
            yield _record_to_article(row, source=source, line=reader.line_num, default_id=f"{stem}-{rowno}")
        except InputError as err:
            if on_error is None:
                raise
            on_error(err)


def _expand(inputs: Iterable[str | Path]) -> Iterator[str | Path]:
    for item in inputs:
        if str(item) == "-":
            yield "-"
            continue
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
            yield from found
        else:
            yield path


def iter_articles(
    inputs: str | Path | Iterable[str | Path], *, on_error: ErrorHandler | None = None
) -> Iterator[Article]:
    """Yield the articles of files, directories or '-' (standard input).

    Parameters
    ----------
    inputs
        One path or several; directories are searched recursively for .txt, .jsonl and .csv files.
    on_error
        Called with each InputError (bad file or record) so that the good records still flow;
        when None the first error is raised.
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    for item in _expand(inputs):
        try:
            yield from _iter_one(item, on_error=on_error)
        except InputError as err:
            if on_error is None:
                raise
            on_error(err)


def _iter_one(item: str | Path, *, on_error: ErrorHandler | None) -> Iterator[Article]:
    if item == "-":
        raw = decode_bytes(sys.stdin.buffer.read(), source="<stdin>")
        if raw.lstrip().startswith("{"):
            yield from _iter_jsonl(raw, source="<stdin>", stem="stdin", on_error=on_error)
        else:
            yield from _iter_txt(raw, source="<stdin>", article_id="stdin")
        return
    path = Path(item)
    raw = _read_text(path)
    suffix = path.suffix.lower()
    if suffix == ".jsonl" or suffix == ".json":
        yield from _iter_jsonl(raw, source=str(path), stem=path.stem, on_error=on_error)
    elif suffix == ".csv":
        yield from _iter_csv(raw, source=str(path), stem=path.stem, on_error=on_error)
    else:
        yield from _iter_txt(raw, source=str(path), article_id=path.stem)


def load_articles(inputs: str | Path | Iterable[str | Path]) -> list[Article]:
    """Return all articles of the inputs as a list; raise on the first bad file or record."""
    return list(iter_articles(inputs))


def article_from_text(text: str, *, id: str = "text", date: str | None = None) -> Article:
    """Wrap a string as an Article; a leading `date YYYY-MM-DD` header is honoured."""
    header_date, body = split_date_header(text, source=id)
    return Article(id=id, text=body, date=date or header_date)
