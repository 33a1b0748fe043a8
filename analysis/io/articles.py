"""Load articles from .txt, .html, .jsonl, .json, .csv and .tsv files, directories of them, or stdin.

A `.txt` article may start with a `date YYYY-MM-DD` token (possibly after whitespace, possibly on
the same line as the first sentence); the article body is what follows it, and every offset the
package reports refers to that body. Line ends of text files are read as Python reads text files
(CRLF and CR become LF), so offsets also match `open(path).read()` after the header.

Files are decoded by `analysis.io.decoding`. HTML pages (.html/.htm, or text that is clearly HTML) are
reduced to their visible text by `analysis.io.html_text`; offsets then refer to that text (see
`html_to_text`), the page's <title> becomes the article title and a published-time <meta> its date.

Doubtful input is read with an `InputWarning` (a guessed encoding, HTML, a duplicate id renamed
with a suffix, a huge article); input that cannot be read raises `InputError` naming the file (and
line) and what to do.
"""

from __future__ import annotations

import csv
import dataclasses
import glob
import io
import json
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from analysis.errors import DateHeaderError, InputError, InputWarning
from analysis.io.dates import UnreadableDateError, read_date
from analysis.io.decoding import decode_bytes, normalise_newlines
from analysis.io.files import MAX_RECORD_BYTES, MAX_WHOLE_FILE_BYTES, open_input, too_large
from analysis.io.html_text import looks_like_html, parse_html

ARTICLE_SUFFIXES = (".txt", ".jsonl", ".csv", ".tsv", ".html", ".htm")
"""The files a directory is searched for (a `.json` file is read when named explicitly)."""
HTML_SUFFIXES = (".html", ".htm")
LARGE_ARTICLE_CHARS = 10_000_000
"""Articles longer than this are read with a warning (is it really one article?)."""

ErrorHandler = Callable[[InputError], None]

_DATE_HEADER = re.compile(
    r"\A\s*date(?P<sep>[ \t]*[:=][ \t]*|[ \t]+)(?P<value>\S+)[ \t]*(?:\r?\n)?[ \t]*", re.IGNORECASE
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_GLOB_CHARS = frozenset("*?[")


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


def _warn(message: str, category: type[Warning] = InputWarning) -> None:
    warnings.warn(message, category, stacklevel=3)


# ---------------------------------------------------------------------------------------- dates


def parse_date(value: object, *, source: str, line: int | None = None, field: str = "date",
               day_first: bool | None = None) -> str | None:
    """`value` as an ISO date string (YYYY-MM-DD), None when empty; raise DateHeaderError when unreadable.

    Feed forms are read by `analysis.io.dates.read_date` (ISO with zones, YYYYMMDD, RFC 2822,
    'Sept. 11, 2023', epoch seconds); a day-month order decided by its rule is warned about.
    """
    try:
        reading = read_date(value, day_first=day_first)
    except UnreadableDateError as exc:
        raise DateHeaderError(f"unreadable {field}: {exc}; write it as YYYY-MM-DD", source=source,
                              line=line) from None
    if reading is None:
        return None
    if reading.note:
        _warn(f"{source if line is None else f'{source}:{line}'}: {field} {reading.note}")
    return reading.date


def _article_date(value: object, *, source: str, line: int | None = None, field: str = "date") -> str | None:
    """An article's date; an unreadable one is warned about and the article kept undated."""
    try:
        return parse_date(value, source=source, line=line, field=field)
    except DateHeaderError as err:
        _warn(f"{err}; the article is kept, undated")
        return None


def split_date_header(raw: str, *, source: str) -> tuple[str | None, str]:
    """Split a leading `date YYYY-MM-DD` token from a text; return (date, body).

    'date 2023-09-11', 'Date: 2023-09-11' and 'date=2023-09-11' are headers; a malformed or
    impossible one ('date 2023-13-45', 'date: tomorrow') is warned about and dropped. Text that merely
    starts with the word ('Date night in Paris') has no header.
    """
    match = _DATE_HEADER.match(raw)
    if not match or (match["sep"].strip() == "" and not match["value"][0].isdigit()):
        return None, raw
    date = _article_date(match["value"], source=source, field="date header")
    return date, raw[match.end():]


# ------------------------------------------------------------------------------------ records


def _clean(value: str, *, source: str, line: int | None = None, field: str = "text") -> str:
    """Replace lone surrogates (from JSON '\\ud800' escapes) by U+FFFD, keeping every offset."""
    if value.isascii() or not _SURROGATE.search(value):
        return value
    where = source if line is None else f"{source}:{line}"
    _warn(f"{where}: '{field}' has unpaired UTF-16 surrogates; replaced by U+FFFD")
    return _SURROGATE.sub("\ufffd", value)


def _body(text: str, *, source: str, line: int | None, html: bool | None) -> tuple[str, str | None, str | None]:
    """Clean an article body; turn HTML into text. Returns (text, html title, html date)."""
    where = source if line is None else f"{source}:{line}"
    text = _clean(text, source=source, line=line)
    title = date = None
    if html or (html is None and looks_like_html(text)):
        if not html:
            _warn(f"{where}: the text is HTML; read the page's visible text (offsets refer to that text)")
        page = parse_html(text)
        text, title = page.text, page.title
        if page.date:
            try:
                date = parse_date(page.date, source=source, line=line, field="published date")
            except DateHeaderError as err:
                _warn(f"{err}; the page's date is ignored")
    if not text.strip():
        what = "HTML page has no visible text" if title is not None or html else "article is empty"
        raise InputError(f"{what}; add the article text or remove the {'record' if line else 'file'}",
                         source=source, line=line)
    if len(text) > LARGE_ARTICLE_CHARS:
        _warn(f"{where}: the article has {len(text):,} characters; is it really one article? "
              "Extraction takes about a second per megabyte")
    return text, title, date


def _iter_txt(raw: str, *, source: str, article_id: str, html: bool | None = None) -> Iterator[Article]:
    """The article of a text (or HTML) file: optional date header, then the body."""
    date, body = split_date_header(normalise_newlines(raw), source=source)
    body, title, page_date = _body(body, source=source, line=None, html=html)
    yield Article(id=article_id, text=body, date=date or page_date, title=title)


def _meta(rec: dict[Any, Any], key: str, *, source: str, line: int | None) -> str | None:
    value = rec.get(key)
    if value is None or value == "":
        return None
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return _clean(text, source=source, line=line, field=key)


def record_to_article(rec: object, *, source: str, line: int | None, default_id: str) -> Article:
    """An Article from a JSON object or CSV row; InputError naming the line when it cannot be one."""
    if not isinstance(rec, dict):
        raise InputError("record is not a JSON object; write one {\"id\", \"text\"} object per line",
                         source=source, line=line)
    text = rec.get("text")
    if text is None:
        raise InputError("record has no 'text' field; add the article body as 'text'", source=source, line=line)
    if not isinstance(text, str):
        raise InputError(f"'text' is {type(text).__name__}, not a string; give the article body as a string",
                         source=source, line=line)
    rid = rec.get("id")
    if isinstance(rid, (dict, list)):
        where = source if line is None else f"{source}:{line}"
        _warn(f"{where}: 'id' is a JSON {type(rid).__name__}; using {default_id!r} instead")
        rid = None
    body, title, page_date = _body(text, source=source, line=line, html=None)
    return Article(
        id=_clean(str(rid), source=source, line=line, field="id") if rid not in (None, "") else default_id,
        text=body,
        date=_article_date(rec.get("date"), source=source, line=line) or page_date,
        title=_meta(rec, "title", source=source, line=line) or title,
        url=_meta(rec, "url", source=source, line=line),
        source=_meta(rec, "source", source=source, line=line),
    )


def record_from_json_line(line: str, *, source: str, lineno: int, stem: str) -> Article:
    """The Article of one JSONL line; InputError naming the line when it is not a good record."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON ({exc.msg}); fix or remove the line", source=source,
                         line=lineno) from None
    except (ValueError, RecursionError) as exc:  # a number too long, nesting too deep
        raise InputError(f"unreadable JSON ({type(exc).__name__}: {str(exc)[:80]}); fix or remove the line",
                         source=source, line=lineno) from None
    return record_to_article(rec, source=source, line=lineno, default_id=f"{stem}-{lineno}")


class UniqueIds:
    """Make article ids unique across inputs: the second 'x' becomes 'x-2' (with an InputWarning)."""

    def __init__(self) -> None:
        self.first: dict[str, str] = {}

    def claim(self, article: Article, where: str) -> Article:
        """`article`, renamed with a suffix if its id was seen before."""
        if article.id not in self.first:
            self.first[article.id] = where
            return article
        n = 2
        while f"{article.id}-{n}" in self.first:
            n += 1
        new = f"{article.id}-{n}"
        self.first[new] = where
        _warn(f"{where}: duplicate id {article.id!r} (first in {self.first[article.id]}); renamed to {new!r}")
        return dataclasses.replace(article, id=new)


# -------------------------------------------------------------------------------------- files

_Located = tuple[Article, str]  # an article and where it was read ('file' or 'file:line')


def _read_text(path: Path, *, lines: bool = False) -> str:
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


def _read_stdin() -> str:
    stream = getattr(sys.stdin, "buffer", None)  # a notebook may have a text-only stdin
    if stream is None:
        return sys.stdin.read()
    data = stream.read(MAX_WHOLE_FILE_BYTES + 1)
    if len(data) > MAX_WHOLE_FILE_BYTES:
        raise InputError(f"standard input is {too_large(MAX_WHOLE_FILE_BYTES)}; give JSONL, read a line at a time",
                         source="<stdin>")
    return decode_bytes(data, source="<stdin>")


def _report(err: InputError, on_error: ErrorHandler | None) -> None:
    if on_error is None:
        raise err
    on_error(err)


def _iter_jsonl(raw: str, *, source: str, stem: str, on_error: ErrorHandler | None) -> Iterator[_Located]:
    for lineno, line in enumerate(io.StringIO(raw), start=1):
        if not line.strip():
            continue
        try:
            yield record_from_json_line(line, source=source, lineno=lineno, stem=stem), f"{source}:{lineno}"
        except InputError as err:
            _report(err, on_error)


def _iter_json(raw: str, *, source: str, stem: str, on_error: ErrorHandler | None) -> Iterator[_Located]:
    """A .json file: one object, an array of objects, or JSON lines."""
    try:
        doc = json.loads(raw)
    except (ValueError, RecursionError):
        yield from _iter_jsonl(raw, source=source, stem=stem, on_error=on_error)
        return
    records = doc if isinstance(doc, list) else [doc]
    for i, rec in enumerate(records, start=1):
        try:
            yield record_to_article(rec, source=f"{source} record {i}", line=None,
                                     default_id=f"{stem}-{i}"), f"{source} record {i}"
        except InputError as err:
            _report(err, on_error)


def csv_delimiter(raw: str, default: str) -> str:
    """The delimiter whose split of the header line has a 'text' column (',' ';' tab '|')."""
    header = raw.split("\n", 1)[0]
    for delimiter in dict.fromkeys((default, ",", ";", "\t", "|")):
        if "text" in (h.strip().strip('"').strip().lower() for h in header.split(delimiter)):
            return delimiter
    return default


def _iter_csv(raw: str, *, source: str, stem: str, on_error: ErrorHandler | None,
              delimiter: str = ",") -> Iterator[_Located]:
    """A CSV (or TSV) file with a header naming 'text' and optional 'id', 'date', 'title', 'url', 'source'."""
    delimiter = csv_delimiter(raw, delimiter)
    reader = csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    failure: InputError | None = None
    header: list[str] = []
    line = 1
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(raw) + 1))  # an article may be longer than the 128 KB default
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        line = reader.line_num + 1
        for values in reader:
            rows.append((line, values))
            line = reader.line_num + 1
    except csv.Error as exc:
        failure = InputError(f"malformed CSV ({exc}); fix the row or quote the text", source=source, line=line)
    finally:
        csv.field_size_limit(limit)
    if "text" not in header:
        columns = ", ".join(h for h in header if h) or "none"
        raise InputError(f"CSV has no 'text' column (columns: {columns}); name the article body column 'text'",
                         source=source)
    for rowno, (lineno, values) in enumerate(rows, start=1):
        if not any(v.strip() for v in values):
            continue  # a blank row
        try:
            if len(values) > len(header):
                raise InputError(f"row has {len(values)} fields but the header has {len(header)}; put text "
                                 "that holds the delimiter in double quotes", source=source, line=lineno)
            rec = dict(zip(header, values, strict=False))
            yield record_to_article(rec, source=source, line=lineno, default_id=f"{stem}-{rowno}"), \
                f"{source}:{lineno}"
        except InputError as err:
            _report(err, on_error)
    if failure is not None:
        _report(failure, on_error)


def _iter_one(item: str | Path, *, on_error: ErrorHandler | None) -> Iterator[_Located]:
    if item == "-":
        raw = _read_stdin()
        start = raw.lstrip()[:1]
        if start == "{":
            yield from _iter_jsonl(raw, source="<stdin>", stem="stdin", on_error=on_error)
        elif start == "[":
            yield from _iter_json(raw, source="<stdin>", stem="stdin", on_error=on_error)
        else:
            yield from ((a, "<stdin>") for a in _iter_txt(raw, source="<stdin>", article_id="stdin"))
        return
    path = Path(item)
    source = str(path)
    suffix = path.suffix.lower()
    raw = _read_text(path, lines=suffix in (".json", ".jsonl", ".csv", ".tsv"))
    if not raw.strip():
        raise InputError("file is empty; add the article text or remove the file", source=source)
    if suffix == ".jsonl":
        yield from _iter_jsonl(raw, source=source, stem=path.stem, on_error=on_error)
    elif suffix == ".json":
        yield from _iter_json(raw, source=source, stem=path.stem, on_error=on_error)
    elif suffix in (".csv", ".tsv"):
        yield from _iter_csv(raw, source=source, stem=path.stem, on_error=on_error,
                             delimiter="\t" if suffix == ".tsv" else ",")
    else:
        html = True if suffix in HTML_SUFFIXES else None
        yield from ((a, source) for a in _iter_txt(raw, source=source, article_id=path.stem, html=html))



def expand_paths(inputs: Iterable[str | Path]) -> Iterator[str | Path | InputError]:
    """The files of the inputs, in order; directories searched recursively (hidden files skipped),
    unquoted-by-the-shell glob patterns expanded. Problems come as InputError items: an empty name, a
    path that cannot be looked at (a too long name, a folder without access), an unreadable subfolder."""
    for item in inputs:
        if str(item) == "-":
            yield "-"
            continue
        if str(item) == "":
            yield InputError("empty file name (is a shell variable unset?); give a file, folder or pattern",
                             source="''")
            continue
        path = Path(item)
        try:
            exists, is_dir = path.exists(), path.is_dir()
        except (OSError, ValueError) as exc:
            why = exc.strerror if isinstance(exc, OSError) else str(exc)
            yield InputError(f"cannot look at this path ({why}); check the name and the folders' permissions",
                             source=str(item))
            continue
        if _GLOB_CHARS & set(str(item)) and not exists:
            matches = sorted(glob.glob(str(path.expanduser()), recursive=True))
            if not matches:
                yield InputError("no file matches this pattern; check it", source=str(item))
            for match in matches:
                yield from expand_paths([match])
        elif is_dir:
            yield from _folder_files(path)
        else:
            yield path


def _folder_files(folder: Path) -> Iterator[Path | InputError]:
    """The article files under a folder, sorted, hidden ones skipped; then each subfolder that cannot be
    read, as an InputError (its articles would otherwise be missing without a word)."""
    found: list[Path] = []
    errors: list[InputError] = []

    def unreadable(exc: OSError) -> None:
        errors.append(InputError(f"folder cannot be read ({exc.strerror}); its articles are skipped: make it "
                                 "readable", source=str(exc.filename or folder)))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith((".", "~$"))]
        for name in files:
            p = Path(root) / name
            if p.suffix.lower() in ARTICLE_SUFFIXES and not name.startswith((".", "~$")) and p.is_file():
                found.append(p)
    if not found and not errors:
        yield InputError(f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in this folder", source=str(folder))
    yield from sorted(found)
    yield from errors


def iter_articles(
    inputs: str | Path | Iterable[str | Path], *, on_error: ErrorHandler | None = None
) -> Iterator[Article]:
    """Yield the articles of files, directories, glob patterns or '-' (standard input).

    Parameters
    ----------
    inputs
        One path or several; directories are searched recursively for .txt, .html, .jsonl, .csv and
        .tsv files.
    on_error
        Called with each InputError (bad file or record) so that the good records still flow;
        when None the first error is raised.

    Ids are unique across the inputs: a repeated id gets a suffix ('x', 'x-2') and an InputWarning.
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    ids = UniqueIds()
    for item in expand_paths(inputs):
        if isinstance(item, InputError):
            _report(item, on_error)
            continue
        try:
            for article, where in _iter_one(item, on_error=on_error):
                yield ids.claim(article, where)
        except InputError as err:
            _report(err, on_error)


def load_articles(inputs: str | Path | Iterable[str | Path]) -> list[Article]:
    """Return all articles of the inputs as a list; raise on the first bad file or record."""
    return list(iter_articles(inputs))


def article_from_text(text: str, *, id: str = "text", date: str | None = None) -> Article:
    """Wrap a string as an Article; a leading `date YYYY-MM-DD` header is honoured.

    The text is taken as it is (no HTML or newline conversion), so offsets refer to it after the header.
    """
    header_date, body = split_date_header(text, source=id)
    return Article(id=id, text=body, date=date or header_date)
