"""Load articles from .txt, .html, .jsonl, .json, .csv and .tsv files, directories of them, or stdin.

A `.txt` article may start with a `date YYYY-MM-DD` token (possibly after whitespace, possibly on
the same line as the first sentence); the article body is what follows it, and every offset the
package reports refers to that body. Line ends of text files are read as Python reads text files
(CRLF and CR become LF), so offsets also match `open(path).read()` after the header.

HTML pages (.html/.htm, or text that is clearly HTML) are reduced to their visible text with the
standard library's `html.parser`; offsets then refer to that text (see `html_to_text`), the page's
<title> becomes the article title and a published-time <meta> its date.

Doubtful input is read with an `InputWarning` (a guessed encoding, HTML, a duplicate id renamed
with a suffix, a huge article); input that cannot be read raises `InputError` naming the file (and
line) and what to do.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import glob
import io
import json
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, NamedTuple

from .errors import DateHeaderError, DecodingWarning, InputError, InputWarning
from .io import open_input

ARTICLE_SUFFIXES = (".txt", ".jsonl", ".csv", ".tsv", ".html", ".htm")
"""The files a directory is searched for (a `.json` file is read when named explicitly)."""
HTML_SUFFIXES = (".html", ".htm")
LARGE_ARTICLE_CHARS = 10_000_000
"""Articles longer than this are read with a warning (is it really one article?)."""

ErrorHandler = Callable[[InputError], None]

_DATE_HEADER = re.compile(
    r"\A\s*date(?P<sep>[ \t]*[:=][ \t]*|[ \t]+)(?P<value>\S+)[ \t]*(?:\r?\n)?[ \t]*", re.IGNORECASE
)
_ISO_DATE = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.,]*(?:Z|[+-]\d{2}:?\d{2})?)?\Z")
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


def parse_date(value: object, *, source: str, line: int | None = None, field: str = "date") -> str | None:
    """`value` as an ISO date string (YYYY-MM-DD), None when empty; raise DateHeaderError when invalid.

    A time after the date is allowed and dropped ('2023-09-11T08:00:00Z' -> '2023-09-11').
    """
    if value is None:
        return None
    if isinstance(value, dt.date):  # also datetime
        return value.isoformat()[:10]
    text = value.strip() if isinstance(value, str) else str(value)
    if not text:
        return None
    match = _ISO_DATE.match(text)
    if not match:
        raise DateHeaderError(f"invalid {field} {text[:40]!r}; write it as YYYY-MM-DD", source=source, line=line)
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise DateHeaderError(f"impossible {field} {text[:40]!r}; write a real calendar date as YYYY-MM-DD",
                              source=source, line=line) from None
    return day.isoformat()


def split_date_header(raw: str, *, source: str) -> tuple[str | None, str]:
    """Split a leading `date YYYY-MM-DD` token from a text; return (date, body).

    'date 2023-09-11', 'Date: 2023-09-11' and 'date=2023-09-11' are headers; a malformed or
    impossible one ('date 2023-13-45', 'date: tomorrow') raises DateHeaderError. Text that merely
    starts with the word ('Date night in Paris') has no header.
    """
    match = _DATE_HEADER.match(raw)
    if not match or (match["sep"].strip() == "" and not match["value"][0].isdigit()):
        return None, raw
    date = parse_date(match["value"], source=source, field="date header")
    return date, raw[match.end():]


# ------------------------------------------------------------------------------------ decoding

_MAGIC = (
    (b"%PDF-", "a PDF document", "extract its text first (e.g. pdftotext)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "give the article text instead"),
    (b"\xff\xd8\xff", "a JPEG image", "give the article text instead"),
    (b"GIF87a", "a GIF image", "give the article text instead"),
    (b"GIF89a", "a GIF image", "give the article text instead"),
    (b"PK\x03\x04", "a ZIP archive (.docx, .xlsx, .epub?)", "unpack it or save the article as plain text"),
    (b"\x1f\x8b", "a gzip archive", "decompress it first (gunzip)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document", "save the article as plain text"),
    (b"{\\rtf", "an RTF document", "save the article as plain text"),
    (b"\x7fELF", "a program", "give an article file"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b")


def _looks_binary(sample: bytes) -> bool:
    """NUL bytes, or more than 1% control bytes: not a text file."""
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) // 100


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16/32 with a BOM, else cp1252 or latin-1
    text with a `DecodingWarning`; binary files (PDF, images, archives, NUL bytes) raise InputError."""
    for magic, kind, todo in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"this is {kind}, not text; {todo}", source=source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding.upper()} at byte {exc.start}; save the article as UTF-8",
                                 source=source) from None
    if _looks_binary(data[:4096]):
        raise InputError("binary data (NUL or control bytes), not text; save the article as UTF-8 text",
                         source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _decode_doubtful(data, exc, source=source)


def _decode_doubtful(data: bytes, exc: UnicodeDecodeError, *, source: str) -> str:
    where = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    utf8 = data.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="replace")
    high = len(data.translate(None, bytes(range(128))))  # bytes >= 0x80
    ascii_chars = len(data) - high - (3 if data.startswith(codecs.BOM_UTF8) else 0)
    bad = utf8.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid_multibyte = len(utf8) - ascii_chars - utf8.count("\ufffd")
    if valid_multibyte > 0 and valid_multibyte >= bad:
        _warn(f"{source}: {bad} invalid UTF-8 sequence(s), the first {where}; replaced by U+FFFD "
              "(repair or re-save the file as UTF-8)", DecodingWarning)
        return utf8
    try:
        text, encoding = data.decode("cp1252"), "cp1252 (Windows-1252)"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    _warn(f"{source}: not UTF-8 ({where}); read as {encoding}; save the file as UTF-8 to be sure",
          DecodingWarning)
    return text


def _clean(value: str, *, source: str, line: int | None = None, field: str = "text") -> str:
    """Replace lone surrogates (from JSON '\\ud800' escapes) by U+FFFD, keeping every offset."""
    if value.isascii() or not _SURROGATE.search(value):
        return value
    where = source if line is None else f"{source}:{line}"
    _warn(f"{where}: '{field}' has unpaired UTF-16 surrogates; replaced by U+FFFD")
    return _SURROGATE.sub("\ufffd", value)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


# ---------------------------------------------------------------------------------------- HTML

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th "
    "thead tr ul".split()
)
_SKIP_TAGS = frozenset("script style noscript template svg math iframe object canvas select button".split())
_DATE_META = frozenset({"article:published_time", "og:published_time", "date", "pubdate", "publishdate",
                        "datepublished", "dc.date", "dc.date.issued", "dcterms.date", "parsely-pub-date",
                        "sailthru.date"})
_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
                         re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|h[1-6]|li|ul|ol|table|tr|td|article|section|body|html|head|title|meta|b|i|em|"
    r"strong|img|script|style|header|footer|nav|main)\b[^<>]{0,500}>", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


class HtmlText(NamedTuple):
    """The visible text of an HTML page, its <title> and its published-time <meta> value (raw)."""

    text: str
    title: str | None
    date: str | None


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.date: str | None = None
        self.skip = 0
        self.pre = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs}
            name = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if self.date is None and name in _DATE_META and values.get("content", "").strip():
                self.date = values["content"].strip()
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.in_title = False
            self.pre += tag == "pre"
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _SKIP_TAGS:  # '<svg/>' has no content to skip
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCK_TAGS:
            self.pre = max(0, self.pre - (tag == "pre"))
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.in_title:
            self.title.append(data)
        elif self.pre:
            self.parts.append(_normalise_newlines(data))
        else:
            self.parts.append(_SPACES.sub(" ", data))


_LONE_LT = re.compile(r"<(?=[^<>]*(?:<|\Z))")


def _defuse(markup: str) -> str:
    """Markup that `html.parser` reads in linear time. Python's parser rescans to the end of the page for
    every '<' that opens an unclosed construct ('<a <a <a ...', unclosed comments or CDATA), which is
    quadratic: 600 KB of '<a ' took minutes. So comments are dropped here (an unclosed one becomes
    text), '<![' is escaped, and a '<' with no '>' before the next '<' is text ('&lt;'), as browsers
    show it."""
    out: list[str] = []
    pos = 0
    while (i := markup.find("<!--", pos)) >= 0:
        j = markup.find("-->", i + 4)
        if j < 0:
            break
        out.append(markup[pos:i])
        pos = j + 3
    out.append(markup[pos:].replace("<!--", "&lt;!--"))
    return _LONE_LT.sub("&lt;", "".join(out).replace("<![", "&lt;!["))


def parse_html(markup: str) -> HtmlText:
    """The visible text of an HTML page: paragraphs separated by blank lines, runs of spaces collapsed,
    entities decoded; scripts, styles, comments and tags dropped. Also its <title> and published-time
    <meta>."""
    parser = _TextExtractor()
    parser.feed(_defuse(markup))
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[^\S\n]+", " ", text)
    text = re.sub(r" ?\n ?", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    title = " ".join("".join(parser.title).split()) or None
    return HtmlText(text, title, parser.date)


def html_to_text(markup: str) -> str:
    """The visible text of an HTML page, as the article loader reads it (offsets refer to this text)."""
    return parse_html(markup).text


def looks_like_html(text: str) -> bool:
    """True when a text is clearly HTML: it opens with <!doctype html>, <html>, <head> or <body>, or its
    first 8,000 characters hold at least five tags of common HTML elements."""
    sample = text[:8192]
    if "<" not in sample:
        return False
    if _HTML_START.match(sample):
        return True
    count = 0
    for _ in _HTML_TAG.finditer(sample):
        count += 1
        if count >= 5:
            return True
    return False


# ------------------------------------------------------------------------------------ records


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
    date, body = split_date_header(_normalise_newlines(raw), source=source)
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
        date=parse_date(rec.get("date"), source=source, line=line) or page_date,
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


def _read_text(path: Path) -> str:
    source = str(path)
    with open_input(path) as fh:
        try:
            data = fh.read()
        except MemoryError:
            raise InputError("too large to read at once; split it, or run `georel extract` on it (it streams "
                             "JSONL and CSV)", source=source) from None
        except OSError as exc:
            raise InputError(f"cannot read ({exc.strerror})", source=source) from None
    return decode_bytes(data, source=source)


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
        stream = getattr(sys.stdin, "buffer", None)  # a notebook may have a text-only stdin
        raw = decode_bytes(stream.read(), source="<stdin>") if stream is not None else sys.stdin.read()
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
    raw = _read_text(path)
    if not raw.strip():
        raise InputError("file is empty; add the article text or remove the file", source=source)
    suffix = path.suffix.lower()
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


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith((".", "~$")) for part in path.relative_to(root).parts)


def expand_paths(inputs: Iterable[str | Path]) -> Iterator[str | Path | InputError]:
    """The files of the inputs, in order; directories searched recursively (hidden files skipped),
    unquoted-by-the-shell glob patterns expanded. Problems come as InputError items."""
    for item in inputs:
        if str(item) == "-":
            yield "-"
            continue
        path = Path(item)
        if _GLOB_CHARS & set(str(item)) and not path.exists():
            matches = sorted(glob.glob(str(path.expanduser()), recursive=True))
            if not matches:
                yield InputError("no file matches this pattern; check it", source=str(item))
            for match in matches:
                yield from expand_paths([match])
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES
                           and not _hidden(p, path) and p.is_file())
            if not found:
                yield InputError(f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in this folder",
                                 source=str(path))
            yield from found
        else:
            yield path


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
