"""Read the inputs of a corpus as a stream of items (articles with where they were read, or bad
inputs), in order and one record at a time, and cut the stream into numbered chunks.

    for item in iter_items(["corpus/", "more/*.jsonl"]): ...
"""

from __future__ import annotations

import codecs
import csv
import itertools
import sys
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from analysis.errors import InputError
from analysis.io.articles import (
    Article,
    UniqueIds,
    csv_delimiter,
    expand_paths,
    iter_articles,
    record_from_json_line,
    record_to_article,
)
from analysis.io.decoding import decode_bytes
from analysis.io.files import MAX_RECORD_BYTES, bounded_lines, open_input, too_large


@dataclass(frozen=True, slots=True)
class BadRecord:
    """An input file or record that could not be read (stage 'read') or extracted (stage 'extract')."""

    source: str
    line: int | None
    reason: str
    stage: str = "read"
    id: str | None = None

    def __str__(self) -> str:
        return f"{self.source}{'' if self.line is None else f':{self.line}'}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "id": self.id, "stage": self.stage, "reason": self.reason}

    @classmethod
    def from_error(cls, err: InputError, *, line: int | None = None) -> BadRecord:
        source = err.source or "<input>"
        line = err.line if line is None else line
        where = source if err.line is None else f"{source}:{err.line}"
        reason = str(err)
        return cls(source, line, reason[len(where) + 2:] if reason.startswith(f"{where}: ") else reason)


@dataclass(frozen=True, slots=True)
class Located:
    """An article and where it was read (`line` is None for a whole-file article)."""

    article: Article
    source: str
    line: int | None


Item = Located | BadRecord


def expand_inputs(inputs: str | Path | Iterable[str | Path]) -> Iterator[str | Path | BadRecord]:
    """The files to read, in order, as `articles.iter_articles` finds them: directories searched
    recursively, glob patterns expanded here (so quoting them works), '-' for standard input; a
    pattern or folder without articles is a BadRecord."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    for item in expand_paths(inputs):
        yield BadRecord.from_error(item) if isinstance(item, InputError) else item


def iter_items(inputs: str | Path | Iterable[str | Path]) -> Iterator[Item]:
    """Stream the articles (as `Located`) and bad inputs (as `BadRecord`) of the inputs, in order.

    The same articles, ids and errors as `articles.iter_articles`, but UTF-8 JSONL and CSV/TSV files
    (and JSONL on standard input) are read one line at a time instead of whole; other files, and
    files in other encodings, are read by `iter_articles` itself.
    """
    return iter_sources(expand_inputs(inputs))


def iter_sources(sources: Iterable[str | Path | BadRecord]) -> Iterator[Item]:
    """The items of already expanded inputs (see `expand_inputs`), in order, with unique article ids."""
    ids = UniqueIds()
    for src in sources:
        if isinstance(src, BadRecord):
            yield src
            continue
        try:
            for item in _read_source(src):
                if isinstance(item, Located):
                    where = item.source if item.line is None else f"{item.source}:{item.line}"
                    item = Located(ids.claim(item.article, where), item.source, item.line)
                yield item
        except InputError as err:
            yield BadRecord.from_error(err)


def _read_source(src: str | Path) -> Iterator[Item]:
    if str(src) == "-":
        if _stdin_is_jsonl():
            yield from _stream_jsonl(sys.stdin.buffer, source="<stdin>", stem="stdin")
        else:
            yield from _whole(src)
        return
    path = Path(src)
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".csv", ".tsv") or not _streamable(path):
        yield from _whole(path)
    elif suffix == ".jsonl":
        with open_input(path) as fh:
            yield from _stream_jsonl(fh, source=str(path), stem=path.stem)
    else:
        yield from _stream_csv(path, delimiter="\t" if suffix == ".tsv" else ",")


def _whole(src: str | Path) -> Iterator[Item]:
    """A file read whole by `iter_articles` (one article, HTML, JSON, not UTF-8, or standard input)."""
    errors: list[InputError] = []
    source = "<stdin>" if str(src) == "-" else str(src)
    for article in iter_articles([src], on_error=errors.append):
        yield from (BadRecord.from_error(e) for e in errors)
        errors.clear()
        yield Located(article, source, None)
    yield from (BadRecord.from_error(e) for e in errors)


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
        return False  # iter_articles reports it, or decodes it as a whole
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


def _stdin_is_jsonl() -> bool:
    peek = getattr(sys.stdin.buffer, "peek", None)
    if peek is None:
        return False
    start = peek(1 << 16).lstrip().removeprefix(codecs.BOM_UTF8).lstrip()
    return start.startswith(b"{")


def _stream_jsonl(stream: IO[bytes], *, source: str, stem: str) -> Iterator[Item]:
    for lineno, raw in enumerate(bounded_lines(stream), start=1):
        if raw is None:
            yield BadRecord(source, lineno, f"record {too_large()}")
            continue
        if b"\x00" in raw:
            yield BadRecord(source, lineno, "binary data (a NUL byte) in this line; remove it or the line")
            continue
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError:  # only on standard input, which cannot be checked beforehand
            try:
                line = decode_bytes(raw, source=source)
            except InputError as err:
                yield BadRecord.from_error(err, line=lineno)
                continue
        if not line.strip():
            continue
        try:
            yield Located(record_from_json_line(line, source=source, lineno=lineno, stem=stem), source, lineno)
        except InputError as err:
            yield BadRecord.from_error(err)


def _stream_csv(path: Path, *, delimiter: str) -> Iterator[Item]:
    """A CSV or TSV file row by row, read as `articles` reads it whole (header with 'text', delimiter
    from the header, blank rows skipped, a long row is an error, a malformed row ends the file)."""
    source = str(path)
    with open_input(path, "r", encoding="utf-8-sig", newline="") as fh:
        delimiter = csv_delimiter(fh.readline(MAX_RECORD_BYTES), delimiter)
        fh.seek(0)
        reader = csv.reader(_bounded_text(fh, source), delimiter=delimiter)
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
                if not any(v.strip() for v in values):
                    continue
                try:
                    if len(values) > len(header):
                        raise InputError(f"row has {len(values)} fields but the header has {len(header)}; put "
                                         "text that holds the delimiter in double quotes", source=source,
                                         line=lineno)
                    article = record_to_article(dict(zip(header, values, strict=False)), source=source,
                                                 line=lineno, default_id=f"{path.stem}-{rowno}")
                    yield Located(article, source, lineno)
                except InputError as err:
                    yield BadRecord.from_error(err)
        except csv.Error as exc:
            yield BadRecord.from_error(InputError(f"malformed CSV ({exc}); fix the row or quote the text",
                                                  source=source, line=line))
        finally:
            csv.field_size_limit(limit)


def _bounded_text(fh: IO[str], source: str) -> Iterator[str]:
    """The lines of a text file for the CSV reader; a line over MAX_RECORD_BYTES characters ends the file
    (as a malformed row does: where the next row starts is unknown) without being held whole."""
    while line := fh.readline(MAX_RECORD_BYTES + 1):
        if len(line) > MAX_RECORD_BYTES and not line.endswith(("\n", "\r")):
            raise csv.Error(f"a line {too_large()}")
        yield line


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk



class Chunker:
    """Number the chunks of `size` items of a stream of items; `count` is how many were yielded."""

    def __init__(self, items: Iterable[Item], size: int) -> None:
        self.items, self.size, self.count = items, size, 0

    def __iter__(self) -> Iterator[tuple[int, list[Item]]]:
        for chunk in _chunks(self.items, self.size):
            self.count += 1
            yield self.count - 1, chunk
