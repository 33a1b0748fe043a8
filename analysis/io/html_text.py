"""Extract the visible text of an HTML page (and its <title> and published-time <meta>) with the
standard library's `html.parser`, and tell whether a text is clearly HTML.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import NamedTuple

from analysis.io.decoding import normalise_newlines

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
    """Collects a page's visible text, <title> and published-time <meta> while `html.parser` reads it."""

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
            self.parts.append(normalise_newlines(data))
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
