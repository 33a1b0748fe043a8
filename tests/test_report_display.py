"""The helpers report notebooks call (analysis.reports.display): what they show is escaped."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.io.articles import Article
from analysis.reports import display as report_display

matplotlib.use("Agg")

HOSTILE = "Kim met Putin in Vladivostok. <script>alert('pwned')</script> & more."


def test_load_article_by_id(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in (("a", "First."), ("b", "Second."))),
                    encoding="utf-8")
    assert report_display.load_article(path).id == "a"
    assert report_display.load_article(path, article_id="b").text == "Second."
    with pytest.raises(InputError, match="no article with id 'c'"):
        report_display.load_article(path, article_id="c")


def test_output_folder(tmp_path: Path) -> None:
    assert report_display.output_folder("") is None and report_display.output_folder(None) is None
    out = report_display.output_folder(tmp_path / "out")
    assert out == tmp_path / "out" and (out / "figures").is_dir() and (out / "data").is_dir()


def test_table_html_escapes_cells_and_notes_what_is_left_out() -> None:
    frame = pd.DataFrame({"name": ["<b>x</b>", "y", "z"], "count": [1, 2, 3], "share": [0.5, 0.25, 1.0],
                          "empty": [None, None, None]})
    markup = report_display.table_html(frame, max_rows=2)
    assert "&lt;b&gt;x&lt;/b&gt;" in markup and "<b>" not in markup
    assert "<th>empty</th>" not in markup and "Columns without any value are left out: empty." in markup
    assert "… and 1 more rows" in markup
    assert "<td class=num>0.25</td>" in markup and "<td class=num>1</td>" in markup
    assert report_display.table_html(frame.iloc[:0]) == '<p class="georel-note">None.</p>'


def test_article_text_html_marks_mentions_and_escapes_the_text() -> None:
    article = Article("a", HOSTILE, "2023-09-11")
    start = HOSTILE.index("Vladivostok")
    record = {"places": [{"start": start, "end": start + 11, "name": "Vladivostok", "kind": "city",
                          "country": "RUS"}],
              "actors": [{"start": 0, "end": 3, "code": "PRK<GOV>"}]}
    markup = report_display.article_text_html(article, record)
    assert '<mark class="georel-place" title="Vladivostok (city, RUS)">Vladivostok</mark>' in markup
    assert '<mark class="georel-actor" title="PRK&lt;GOV&gt;">Kim</mark>' in markup
    assert "<script" not in markup and "&lt;script&gt;" in markup and "&amp; more." in markup


def test_article_subtitle() -> None:
    article = Article("a-1", "t", "2023-09-11", source="Wire")
    assert report_display.article_subtitle(article) == "Article report · 2023-09-11 · Wire · id a-1"
    assert report_display.article_subtitle(Article("b", "t")) == "Article report · undated · id b"


def test_show_figure_saves_the_png_it_shows(tmp_path: Path) -> None:
    import matplotlib.pyplot as plt

    out = report_display.output_folder(tmp_path / "out")
    _, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    report_display.show_figure(ax, "../my map", out)
    assert [p.name for p in (tmp_path / "out" / "figures").iterdir()] == ["my-map.png"]


def test_write_exports(tmp_path: Path) -> None:
    assert report_display.write_exports([], None) == {}
    out = report_display.output_folder(tmp_path / "out")
    assert out is not None
    written = report_display.write_exports([{"id": "a", "places": [], "actors": [], "events": []}], out,
                                           formats="csv")
    assert written["records.jsonl"] == out / "data" / "records.jsonl" and written["records.jsonl"].is_file()
    assert all(path.parent == out / "data" for path in written.values())


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("Kim and Putin meet", "North Korean leader Kim Jong Un met Putin.", "Kim and Putin meet"),  # the title first
    (None, "Kim heads to Russia for talks with Putin\n\nNorth Korean leader Kim Jong Un will meet Putin.",
     "Kim heads to Russia for talks with Putin"),  # a first line that reads like a headline
    (None, "Dr. Kim met U.S. officials on Monday. Then he left.", "Dr. Kim met U.S. officials on Monday"),
    (None, "North Korean leader Kim Jong Un will meet with President Vladimir Putin in Russia, officials "
           "confirmed Monday.\n\nKim will visit Russia.",
     "North Korean leader Kim Jong Un will meet with President Vladimir Putin in Russia…"),  # shortened
    (None, "   \n", "kim-2023"),  # nothing to take a title from: the id
])
def test_report_title_is_the_headline_not_the_file_name(title, text, expected) -> None:
    article = Article(id="kim-2023", text=text, title=title)
    assert report_display.report_title(article) == expected
