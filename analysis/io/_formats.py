"""The one place that knows each input format: an input file (or '-') as a stream of items.

UTF-8 JSONL and CSV/TSV files, and JSONL on standard input, are read one line at a time, each line
bounded at `MAX_RECORD_BYTES`; other files (.txt, .html, .json, JSONL or CSV in other encodings) are
read whole after a size check and decoded by `analysis.io.decoding`, then parsed by the same code.
A record that cannot be read is a `BadRecord`; a file that cannot be read raises InputError.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import sys
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from analysis.errors import InputError
from analysis.io._article import BadRecord, Item, Located, record_from_json_line, record_to_article, text_article
from analysis.io.decoding import decode_bytes
from analysis.io.files import MAX_RECORD_BYTES, MAX_WHOLE_FILE_BYTES, bounded_lines, open_input, too_large

__all__ = ["HTML_SUFFIXES", "read_source"]

HTML_SUFFIXES = (".html", ".htm")
_LINE_SUFFIXES = (".jsonl", ".csv", ".tsv")
_STDIN = "<stdin>"


def read_source(src: str | Path) -> Iterator[Item]:
    """The items of one input file, or of standard input for '-', in order; InputError when the file
    cannot be read at all (missing, binary, too large, empty, a CSV without a 'text' column)."""
    if str(src) == "-":
        yield from _stdin_items()
        return
    path = Path(src)
    source, suffix = str(path), path.suffix.lower()
    if suffix == ".jsonl" and _streamable(path):
        with open_input(path) as fh:
            yield from _jsonl_items(bounded_lines(fh), source=source, stem=path.stem)
    elif suffix in (".csv", ".tsv") and _streamable(path):
        with open_input(path, "r", encoding="utf-8-sig", newline="") as fh:
            yield from _csv_items(fh, source=source, stem=path.stem, delimiter=_delimiter(suffix))
    else:
        raw = _read_whole(path, lines=suffix in (".json", *_LINE_SUFFIXES))
        if not raw.strip():
            raise InputError("file is empty; add the article text or remove the file", source=source)
        yield from _decoded_items(raw, suffix, source=source, stem=path.stem)


def _decoded_items(raw: str, kind: str, *, source: str, stem: str) -> Iterator[Item]:
    """The items of a decoded file or standard input of a kind ('.jsonl', '.csv', '.html', ...)."""
    if kind == ".jsonl":
        yield from _jsonl_items(io.StringIO(raw), source=source, stem=stem)
    elif kind == ".json":
        yield from _json_items(raw, source=source, stem=stem)
    elif kind in (".csv", ".tsv"):
        yield from _csv_items(io.StringIO(raw, newline=""), source=source, stem=stem, delimiter=_delimiter(kind))
    else:
        html = True if kind in HTML_SUFFIXES else None
        yield Located(text_article(raw, source=source, article_id=stem, html=html), source, None)


def _delimiter(suffix: str) -> str:
    return "\t" if suffix == ".tsv" else ","


# ------------------------------------------------------------------------------------ reading


def _read_whole(path: Path, *, lines: bool) -> str:
    """A file read whole and decoded; one too large is refused before it is read: a file of `lines`
    (records) over MAX_WHOLE_FILE_BYTES, else (one article) over MAX_RECORD_BYTES."""
    source = str(path)
    limit = MAX_WHOLE_FILE_BYTES if lines else MAX_RECORD_BYTES
    with open_input(path) as fh:
        try:
            size = os.fstat(fh.fileno()).st_size
            if size > limit:
                raise InputError(f"file is {too_large(limit)}; JSONL and CSV in UTF-8 are read a line at a time",
                                 source=source)
            data = fh.read(limit + 1)
        except MemoryError:
            raise InputError("too large to read at once; split it, or run `georel extract` on it (it streams "
                             "JSONL and CSV)", source=source) from None
        except OSError as exc:
            raise InputError(f"cannot read ({exc.strerror})", source=source) from None
    if len(data) > limit:  # a device or a file that grew
        raise InputError(f"file is {too_large(limit)}", source=source)
    return decode_bytes(data, source=source, line_oriented=lines)


def _streamable(path: Path) -> bool:
    """Whether a file can be streamed line by line with the result of reading it whole: it is valid
    UTF-8 throughout, not blank, and its start passes `decode_bytes` (no binary, no other BOM)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    blank = True
    try:
        with path.open("rb") as fh:
            head = data = fh.read(1 << 16)
            while data:
                decoder.decode(data)
                blank = blank and not data.strip()
                data = fh.read(1 << 20)
            decoder.decode(b"", final=True)
    except (OSError, UnicodeDecodeError):
        return False  # read whole: reported, or decoded in another encoding
    if blank:
        return False
    cut = head.rfind(b"\n") + 1 if len(head) == 1 << 16 else len(head)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            decode_bytes(head[:cut or 4096], source=str(path), line_oriented=True)
    except InputError:
        return False
    return True


def _stdin_items() -> Iterator[Item]:
    """Standard input: JSONL streamed when it can be peeked at, else read whole as JSONL (starts with
    '{'), a JSON array (starts with '['), or one text or HTML article with the id 'stdin'."""
    stream = getattr(sys.stdin, "buffer", None)  # a notebook may have a text-only stdin
    peek = getattr(stream, "peek", None)
    if stream is not None and peek is not None:
        start = peek(1 << 16).lstrip().removeprefix(codecs.BOM_UTF8).lstrip()
        if start.startswith(b"{"):
            yield from _jsonl_items(bounded_lines(stream), source=_STDIN, stem="stdin")
            return
    if stream is None:
        raw = sys.stdin.read()
    else:
        data = stream.read(MAX_WHOLE_FILE_BYTES + 1)
        if len(data) > MAX_WHOLE_FILE_BYTES:
            raise InputError(f"standard input is {too_large(MAX_WHOLE_FILE_BYTES)}; give JSONL, read a line at a "
                             "time", source=_STDIN)
        raw = decode_bytes(data, source=_STDIN)
    start = raw.lstrip()[:1]
    kind = ".jsonl" if start == "{" else ".json" if start == "[" else ""
    yield from _decoded_items(raw, kind, source=_STDIN, stem="stdin")


# ------------------------------------------------------------------------------------ records


def _json_items(raw: str, *, source: str, stem: str) -> Iterator[Item]:
    """A .json file: one object, an array of objects, or JSON lines; records named 'FILE record N'."""
    try:
        doc = json.loads(raw)
    except (ValueError, RecursionError):
        yield from _jsonl_items(io.StringIO(raw), source=source, stem=stem)
        return
    for i, rec in enumerate(doc if isinstance(doc, list) else [doc], start=1):
        where = f"{source} record {i}"
        try:
            yield Located(record_to_article(rec, source=where, line=None, default_id=f"{stem}-{i}"), where, None)
        except InputError as err:
            yield BadRecord.from_error(err)


def _jsonl_items(lines: Iterable[bytes | str | None], *, source: str, stem: str) -> Iterator[Item]:
    """JSON lines (bytes as read, None for one over the bound, or decoded text), one article each."""
    for lineno, raw in enumerate(lines, start=1):
        line = _json_line(raw, source=source, lineno=lineno)
        if isinstance(line, BadRecord):
            yield line
        elif line.strip():
            try:
                yield Located(record_from_json_line(line, source=source, lineno=lineno, stem=stem), source, lineno)
            except InputError as err:
                yield BadRecord.from_error(err)


def _json_line(raw: bytes | str | None, *, source: str, lineno: int) -> str | BadRecord:
    """A line as text, or why it costs its record: too large, a NUL byte, not decodable."""
    if raw is None or (isinstance(raw, str) and len(raw) > MAX_RECORD_BYTES):
        return BadRecord(source, lineno, f"record {too_large()}")
    if (b"\x00" in raw) if isinstance(raw, bytes) else ("\x00" in raw):
        return BadRecord(source, lineno, "binary data (a NUL byte) in this line; remove it or the line")
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError:  # only on standard input, which cannot be checked beforehand
        try:
            return decode_bytes(raw, source=source)
        except InputError as err:
            return BadRecord.from_error(err, line=lineno)


def _csv_delimiter(header: str, default: str) -> str:
    """The delimiter whose split of the header line has a 'text' column (',' ';' tab '|')."""
    for delimiter in dict.fromkeys((default, ",", ";", "\t", "|")):
        if "text" in (h.strip().strip('"').strip().lower() for h in header.split(delimiter)):
            return delimiter
    return default


def _csv_items(fh: IO[str], *, source: str, stem: str, delimiter: str) -> Iterator[Item]:
    """A CSV or TSV text (opened with newline='') row by row: a header with 'text' and optional 'id',
    'date', 'title', 'url', 'source' (delimiter from the header); blank rows skipped, a row longer than
    the header is an error, a malformed row ends the file."""
    delimiter = _csv_delimiter(fh.readline(MAX_RECORD_BYTES), delimiter)
    fh.seek(0)
    reader = csv.reader(_bounded_text(fh), delimiter=delimiter)
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_RECORD_BYTES)  # an article may be longer than the 128 KB default
    line = 1
    try:
        try:
            header = [h.strip().lower() for h in next(reader, [])]
        except csv.Error:
            header = []
        line = reader.line_num + 1
        if "text" not in header:
            columns = ", ".join(h for h in header if h) or "none"
            raise InputError(f"CSV has no 'text' column (columns: {columns}); name the article body column "
                             "'text'", source=source)
        for rowno, values in enumerate(reader, start=1):
            lineno, line = line, reader.line_num + 1
            if any(v.strip() for v in values):
                yield _csv_row(values, header, source=source, lineno=lineno, default_id=f"{stem}-{rowno}")
    except csv.Error as exc:
        yield BadRecord(source, line, f"malformed CSV ({exc}); fix the row or quote the text")
    finally:
        csv.field_size_limit(limit)


def _csv_row(values: list[str], header: list[str], *, source: str, lineno: int, default_id: str) -> Item:
    if len(values) > len(header):
        return BadRecord(source, lineno, f"row has {len(values)} fields but the header has {len(header)}; put "
                         "text that holds the delimiter in double quotes")
    try:
        article = record_to_article(dict(zip(header, values, strict=False)), source=source, line=lineno,
                                    default_id=default_id)
    except InputError as err:
        return BadRecord.from_error(err)
    return Located(article, source, lineno)


def _bounded_text(fh: IO[str]) -> Iterator[str]:
    """The lines of a text for the CSV reader; a line over MAX_RECORD_BYTES characters ends the file
    (as a malformed row does: where the next row starts is unknown) without being held whole."""
    while line := fh.readline(MAX_RECORD_BYTES + 1):
        if len(line) > MAX_RECORD_BYTES and not line.endswith(("\n", "\r")):
            raise csv.Error(f"a line {too_large()}")
        yield line
