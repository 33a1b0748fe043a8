"""What the article reader yields, and how a record becomes an Article.

`Article`, the items of a stream of inputs (`Located` articles and `BadRecord` inputs), dates as feeds
write them, an article body made clean (surrogates, HTML, empty or huge texts), a JSON object or CSV
row read as an Article, and the one duplicate-id policy (`UniqueIds`).
"""

from __future__ import annotations

import dataclasses
import json
import re
import warnings
from dataclasses import asdict, dataclass
from typing import Any

from analysis.errors import DateHeaderError, InputError, InputWarning
from analysis.io.dates import UnreadableDateError, read_date
from analysis.io.decoding import normalise_newlines
from analysis.io.html_text import looks_like_html, parse_html

__all__ = ["LARGE_ARTICLE_CHARS", "Article", "BadRecord", "Item", "Located", "UniqueIds", "parse_date",
           "record_from_json_line", "record_to_article", "split_date_header", "text_article"]

LARGE_ARTICLE_CHARS = 10_000_000
"""Articles longer than this are read with a warning (is it really one article?)."""

_DATE_HEADER = re.compile(
    r"\A\s*date(?P<sep>[ \t]*[:=][ \t]*|[ \t]+)(?P<value>\S+)[ \t]*(?:\r?\n)?[ \t]*", re.IGNORECASE
)
_SURROGATE = re.compile("[\ud800-\udfff]")


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

    def to_error(self) -> InputError:
        """The InputError of this bad input (same message, source and line)."""
        return InputError(self.reason, source=self.source, line=self.line)

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

    @property
    def where(self) -> str:
        return self.source if self.line is None else f"{self.source}:{self.line}"


Item = Located | BadRecord


def _warn(message: str) -> None:
    warnings.warn(message, InputWarning, stacklevel=3)


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


# ------------------------------------------------------------------------------------- bodies


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


def text_article(raw: str, *, source: str, article_id: str, html: bool | None = None) -> Article:
    """The article of a text (or HTML) file: optional date header, then the body (line ends as LF)."""
    date, body = split_date_header(normalise_newlines(raw), source=source)
    body, title, page_date = _body(body, source=source, line=None, html=html)
    return Article(id=article_id, text=body, date=date or page_date, title=title)


# ------------------------------------------------------------------------------------ records


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

    def claim(self, item: Located) -> Located:
        """`item`, its article renamed with a suffix if its id was seen before."""
        article, where = item.article, item.where
        if article.id not in self.first:
            self.first[article.id] = where
            return item
        n = 2
        while f"{article.id}-{n}" in self.first:
            n += 1
        new = f"{article.id}-{n}"
        self.first[new] = where
        _warn(f"{where}: duplicate id {article.id!r} (first in {self.first[article.id]}); renamed to {new!r}")
        return dataclasses.replace(item, article=dataclasses.replace(article, id=new))
