"""HTML text extraction (analysis.io.html_text), and HTML pages read as articles (analysis.io.articles)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.errors import InputError, InputWarning
from analysis.io.articles import load_articles
from analysis.io.html_text import html_to_text, looks_like_html, parse_html

PAGE = """<!DOCTYPE html>
<html><head><title> Kim meets Putin | News </title>
<meta property="article:published_time" content="2023-09-13T08:00:00+09:00">
<style>.Paris { color: red }</style><script>var Berlin = "<p>London</p>";</script></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>Kim&nbsp;arrives in Vladivostok</h1>
<p>North Korean leader <b>Kim Jong Un</b> arrived in Vladivostok on Tuesday &amp; met Putin.</p>
<!-- a comment about Madrid -->
<p>He said:<br>&ldquo;We will win.&rdquo;</p></article><noscript>Enable JavaScript in Rome</noscript>
</body></html>"""


def test_html_text_is_the_visible_text_in_paragraphs() -> None:
    page = parse_html(PAGE)
    assert page.text == ("Home\n\nKim arrives in Vladivostok\n\n"
                         "North Korean leader Kim Jong Un arrived in Vladivostok on Tuesday & met Putin.\n\n"
                         "He said:\n“We will win.”")
    assert page.title == "Kim meets Putin | News"
    assert page.date == "2023-09-13T08:00:00+09:00"
    for hidden in ("Paris", "Berlin", "London", "Madrid", "Rome", "<", ">", "&amp;", "nbsp"):
        assert hidden not in page.text


def test_html_files_become_articles_with_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [art] = load_articles(path)
    assert (art.id, art.title, art.date) == ("page", "Kim meets Putin | News", "2023-09-13")
    assert art.text == html_to_text(PAGE)


def test_text_that_is_clearly_html_is_read_as_html_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(PAGE, encoding="utf-8")
    with pytest.warns(InputWarning, match="saved.txt: the text is HTML"):
        [art] = load_articles(path)
    assert art.text == html_to_text(PAGE)
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text(json.dumps({"id": "p", "text": PAGE, "title": "Own title"}) + "\n", encoding="utf-8")
    with pytest.warns(InputWarning, match="pages.jsonl:1: the text is HTML"):
        [art] = load_articles(jsonl)
    assert art.text == html_to_text(PAGE) and art.title == "Own title" and art.date == "2023-09-13"


@pytest.mark.parametrize("text,html", [
    (PAGE, True),
    ("<html><body>Kim</body></html>", True),
    ("  <!doctype HTML><p>Kim</p>", True),
    ("<div><p>Kim <b>met</b> <i>Putin</i>.</p></div>", True),
    ("Kim met Putin.", False),
    ("If x < y and y > z then <b> is bold.", False),
    ("Use the <p> tag for paragraphs.", False),
])
def test_looks_like_html(text: str, html: bool) -> None:
    assert looks_like_html(text) is html


def test_an_html_page_without_visible_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>T</title><script>x()</script></head><body> </body></html>",
                    encoding="utf-8")
    with pytest.raises(InputError, match="blank.html: HTML page has no visible text"):
        load_articles(path)


@pytest.mark.parametrize("markup", ["<a " * 50_000, "<!--" + "x" * 200_000, "<" * 100_000,
                                    "<a href='" * 20_000, "<![CDATA[x>" * 20_000, "<p>x" * 50_000])
def test_malformed_html_is_parsed_in_linear_time(markup: str) -> None:
    import time

    start = time.perf_counter()
    parse_html(markup)
    assert time.perf_counter() - start < 3.0  # quadratic in Python's parser without the defusing: minutes
