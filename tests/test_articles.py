"""Article loading (analysis.io.articles): formats, the date header, ids, stdin and errors.

Decoding bytes is tested in test_decoding.py, HTML text and HTML pages read as articles in test_html_text.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
from pathlib import Path

import pytest

from analysis.errors import (
    DateHeaderError,
    DecodingWarning,
    GeorelError,
    InputError,
    InputWarning,
    OutputError,
)
from analysis.io import _article
from analysis.io.articles import (
    Article,
    article_from_text,
    iter_articles,
    load_articles,
    parse_date,
    split_date_header,
)

BODY = "North Korean leader Kim Jong Un met Vladimir Putin in Vladivostok."


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# ---------------------------------------------------------------------------- .txt and the date header


def test_bundled_article_has_its_date_its_file_name_as_id_and_the_body_after_the_header(
        bundled_article: Path) -> None:
    [art] = load_articles(bundled_article)
    assert art.id == "2023-09-11-kim-putin-summit"
    assert art.date == "2023-09-11"
    assert art.text.startswith("North Korean leader Kim Jong Un")
    assert "date 2023" not in art.text


@pytest.mark.parametrize("raw", [
    f"date 2023-09-11 {BODY}",             # same line as the first sentence
    f"date 2023-09-11\n{BODY}",            # own line
    f"  \n\t date 2023-09-11\n{BODY}",     # after whitespace
    f"Date: 2023-09-11\n{BODY}",           # capitalised, with a colon
    f"date=2023-09-11 {BODY}",
    f"date 2023-09-11\r\n{BODY}",          # CRLF
])
def test_date_header_is_split_from_the_body(tmp_path: Path, raw: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    [art] = load_articles(path)
    assert (art.date, art.text) == ("2023-09-11", BODY)


def test_offsets_refer_to_the_body_after_the_header(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"date 2023-09-11 {BODY}", encoding="utf-8")
    [art] = load_articles(path)
    start = art.text.index("Vladivostok")
    assert art.text[start:start + 11] == "Vladivostok" and start == BODY.index("Vladivostok")


def test_without_a_header_the_text_is_the_body_and_the_date_is_none(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    assert load_articles(path) == [Article(id="a", text=BODY)]


@pytest.mark.parametrize("text", ["Date night in Paris was fun.", "Dated records show Kim went to Moscow.",
                                  "date night"])
def test_a_text_starting_with_the_word_date_has_no_header(text: str) -> None:
    assert split_date_header(text, source="x") == (None, text)


@pytest.mark.parametrize("raw,expect", [
    ("date 2023-13-45 Kim met Putin.", "unreadable date header: '2023-13-45'"),
    ("date 2023-02-30\nKim met Putin.", "unreadable date header: '2023-02-30'"),
    ("date: tomorrow\nKim met Putin.", "unreadable date header: 'tomorrow'"),
    ("date 2023-9-11x Kim met Putin.", "unreadable date header: '2023-9-11x'"),
])
def test_a_bad_date_header_keeps_the_article_undated_with_a_warning(tmp_path: Path, raw: str, expect: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(raw, encoding="utf-8")
    with pytest.warns(InputWarning) as caught:
        articles = load_articles(path)
    assert len(articles) == 1 and articles[0].date is None and articles[0].text.startswith("Kim")
    message = str(caught[0].message)
    assert message.startswith(f"{path}: {expect}")
    assert "YYYY-MM-DD" in message and "kept, undated" in message and "\n" not in message


def test_an_ambiguous_day_month_order_is_read_day_first_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "a", "text": "Kim met Putin.", "date": "11/09/2023"}\n', encoding="utf-8")
    with pytest.warns(InputWarning, match="day/month or month/day"):
        assert load_articles(path)[0].date == "2023-09-11"


@pytest.mark.parametrize("value,expect", [
    (None, None), ("", None), ("  ", None), ("2023-09-11", "2023-09-11"), (" 2023-09-11 ", "2023-09-11"),
    ("2023-09-11T08:00:00Z", "2023-09-11"), ("2023-09-11 08:00:00", "2023-09-11"),
    ("2023-09-11T08:00:00+09:00", "2023-09-11"), (dt.date(2023, 9, 11), "2023-09-11"),
    (dt.datetime(2023, 9, 11, 8), "2023-09-11"), ("20230911", "2023-09-11"), (20230911, "2023-09-11"),
    ("Sept. 11, 2023", "2023-09-11"), ("Mon, 11 Sep 2023 10:00:00 GMT", "2023-09-11"),
])
def test_parse_date_accepts_feed_dates(value: object, expect: str | None) -> None:
    assert parse_date(value, source="x") == expect


@pytest.mark.parametrize("value", ["2023-09-11garbage", "2023-00-10", True, "tomorrow"])
def test_parse_date_rejects_what_is_not_a_date(value: object) -> None:
    with pytest.raises(DateHeaderError, match="YYYY-MM-DD"):
        parse_date(value, source="x.jsonl", line=3)


def test_crlf_and_cr_line_ends_are_read_as_python_reads_text_files(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"date 2023-09-11\r\nKim left Pyongyang.\r\n\r\nHe arrived in Vladivostok.\rThen Moscow.\r\n")
    [art] = load_articles(path)
    with open(path, encoding="utf-8") as fh:
        as_python_reads_it = fh.read()
    assert as_python_reads_it.endswith(art.text)
    assert "\r" not in art.text


def test_article_from_text_keeps_the_text_as_given_after_the_header() -> None:
    art = article_from_text(f"date 2023-09-11\r\n{BODY}", id="t")
    assert (art.id, art.date, art.text) == ("t", "2023-09-11", BODY)
    html = "<p>Kim met Putin.</p>" * 5
    assert article_from_text(html).text == html  # the caller's offsets stay valid
    assert article_from_text(BODY, date="2020-01-01").date == "2020-01-01"


# --------------------------------------------------------------------------------------- JSONL, JSON


def test_jsonl_records_carry_their_fields_and_default_ids(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        {"id": "k1", "text": BODY, "date": "2023-09-11", "title": "Summit", "url": "https://x.org/a",
         "source": "AP"},
        {"text": "Putin flew to Pyongyang."},
        {"id": 7, "text": "Seoul protested.", "date": None, "title": ""},
    ]
    path.write_text("\n".join(json.dumps(rec) for rec in lines[:2]) + "\n\n" + json.dumps(lines[2]) + "\n",
                    encoding="utf-8")
    got = load_articles(path)
    assert got == [
        Article("k1", BODY, "2023-09-11", "Summit", "https://x.org/a", "AP"),
        Article("feed-2", "Putin flew to Pyongyang."),
        Article("7", "Seoul protested."),
    ]


def test_a_json_file_may_hold_an_array_or_one_object(tmp_path: Path) -> None:
    array = tmp_path / "list.json"
    array.write_text(json.dumps([{"id": "a", "text": "Kim met Putin."}, {"text": "Seoul protested."}], indent=2),
                     encoding="utf-8")
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "b", "text": "Kim met Putin."}, indent=2), encoding="utf-8")
    assert [a.id for a in load_articles([array, one])] == ["a", "list-2", "b"]


@pytest.mark.parametrize("line,expect", [
    ("{bad json", "malformed JSON"),
    ('{"id": "x"}', "no 'text' field"),
    ('{"id": "x", "text": 5}', "'text' is int, not a string"),
    ('{"id": "x", "text": ["a"]}', "'text' is list, not a string"),
    ('["text", "Kim"]', "not a JSON object"),
    ('{"id": "x", "text": "   "}', "empty"),
    ("[" * 100_000, "JSON"),   # nesting too deep for the parser
    ('{"text": "Kim", "n": ' + "1" * 5000 + "}", "JSON"),  # an integer longer than Python reads
])
def test_a_bad_jsonl_line_is_reported_with_its_number_and_the_others_are_read(
        tmp_path: Path, line: str, expect: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(f'{{"id": "a", "text": "Kim met Putin."}}\n{line}\n{{"id": "b", "text": "Seoul spoke."}}\n',
                    encoding="utf-8")
    errors: list[InputError] = []
    got = list(iter_articles(path, on_error=errors.append))
    assert [a.id for a in got] == ["a", "b"]
    [err] = errors
    assert err.source == str(path) and err.line == 2
    assert str(err).startswith(f"{path}:2: ") and expect in str(err)
    with pytest.raises(InputError, match=f"{path.name}:2: "):
        load_articles(path)


def test_duplicate_ids_are_made_unique_with_a_warning_and_both_records_kept(tmp_path: Path) -> None:
    a = tmp_path / "a.jsonl"
    a.write_text('{"id": "x", "text": "Kim met Putin."}\n{"id": "x", "text": "Seoul spoke."}\n'
                 '{"id": "x-2", "text": "Tokyo spoke."}\n', encoding="utf-8")
    b = tmp_path / "sub"
    b.mkdir()
    (b / "x.txt").write_text("Beijing spoke.", encoding="utf-8")
    with pytest.warns(InputWarning) as caught:
        got = load_articles([a, b / "x.txt"])
    messages = [str(w.message) for w in caught]
    assert len(messages) == 3
    assert re.search(r"a\.jsonl:2: duplicate id 'x' \(first in .*a\.jsonl:1\); renamed to 'x-2'", messages[0])
    assert [(g.id, g.text) for g in got] == [("x", "Kim met Putin."), ("x-2", "Seoul spoke."),
                                             ("x-2-2", "Tokyo spoke."), ("x-3", "Beijing spoke.")]


def test_ids_are_stable_between_loads(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "Kim met Putin."}\n{"text": "Seoul spoke."}\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    first = [a.id for a in load_articles(tmp_path)]
    assert first == [a.id for a in load_articles(tmp_path)] == ["a-1", "a-2", "b"]


def test_lone_surrogates_in_json_are_replaced_keeping_offsets(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "s", "text": "Kim \\ud800 met Putin in Moscow.", "title": "\\udc00"}\n',
                    encoding="utf-8")
    with pytest.warns(InputWarning, match="surrogate"):
        [art] = load_articles(path)
    assert art.text == "Kim \ufffd met Putin in Moscow." and art.title == "\ufffd"
    art.text.encode("utf-8")


# ------------------------------------------------------------------------------------------------ CSV


def test_csv_rows_with_embedded_newlines_and_quotes(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "date", "text", "title", "url", "source"])
        writer.writerow(["c1", "2023-09-11", 'Kim said "yes".\n\nPutin, however, "no".', "T", "", "AP"])
        writer.writerow(["", "", "Seoul protested.", "", "", ""])
        writer.writerow(["", "", "", "", "", ""])  # a blank spreadsheet row
    got = load_articles(path)
    assert got == [Article("c1", 'Kim said "yes".\n\nPutin, however, "no".', "2023-09-11", "T", None, "AP"),
                   Article("t-2", "Seoul protested.")]


def test_csv_header_is_matched_without_case_and_semicolons_and_tsv_work(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(" ID ,Text\nx,Kim met Putin.\n", encoding="utf-8-sig")
    (tmp_path / "b.csv").write_text("id;text;date\ny;Seoul spoke, loudly.;2023-09-12\n", encoding="utf-8")
    (tmp_path / "c.tsv").write_text("id\ttext\nz\tTokyo spoke.\n", encoding="utf-8")
    got = load_articles(tmp_path)
    assert [(a.id, a.text, a.date) for a in got] == [("x", "Kim met Putin.", None),
                                                     ("y", "Seoul spoke, loudly.", "2023-09-12"),
                                                     ("z", "Tokyo spoke.", None)]


def test_csv_without_a_text_column_names_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "n.csv"
    path.write_text("id,body\n1,Kim met Putin.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"n\.csv: CSV has no 'text' column \(columns: id, body\); name the "):
        load_articles(path)


def test_csv_row_with_too_many_fields_is_reported_and_the_others_kept(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("id,text,date\na,Kim met Putin.,2023-09-11\nb,Seoul, Tokyo and Beijing spoke.,2023-09-11\n"
                    "c,Moscow spoke.,\n", encoding="utf-8")
    errors: list[InputError] = []
    assert [a.id for a in iter_articles(path, on_error=errors.append)] == ["a", "c"]
    assert [e.line for e in errors] == [3] and "double quotes" in str(errors[0])


def test_csv_article_longer_than_the_csv_module_default_field_limit(tmp_path: Path) -> None:
    text = "Kim met Putin in Vladivostok. " * 10_000  # 300 KB
    path = tmp_path / "big.csv"
    path.write_text(f'id,text\nbig,"{text}"\n', encoding="utf-8")
    limit = csv.field_size_limit()
    [art] = load_articles(path)
    assert art.text == text and csv.field_size_limit() == limit


# ------------------------------------------------------------------------------ directories and stdin


def test_a_directory_is_read_recursively_in_order_skipping_hidden_and_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Seoul spoke.", encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": "j", "text": "Tokyo spoke."}\n', encoding="utf-8")
    (tmp_path / "d.html").write_text("<html><body><p>Beijing spoke.</p></body></html>", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden", encoding="utf-8")
    assert [a.id for a in load_articles(tmp_path)] == ["a", "z", "j", "d"]


def test_an_empty_directory_and_an_unmatched_pattern_are_errors(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    errors: list[InputError] = []
    list(iter_articles([tmp_path / "empty", str(tmp_path / "*.nothing")], on_error=errors.append))
    assert [e.source for e in errors] == [str(tmp_path / "empty"), str(tmp_path / "*.nothing")]
    assert "no article files" in str(errors[0]) and "no file matches" in str(errors[1])


def test_glob_patterns_are_expanded(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.csv"):
        (tmp_path / name).write_text("id,text\nc,Kim spoke.\n" if name.endswith("csv") else BODY, encoding="utf-8")
    assert [a.id for a in load_articles(str(tmp_path / "*.txt"))] == ["a", "b"]


def test_stdin_text_jsonl_and_json(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, f"\ufeffdate 2023-09-11 {BODY}".encode())
    assert load_articles("-") == [Article("stdin", BODY, "2023-09-11")]
    _stdin(monkeypatch, b'{"id": "a", "text": "Kim spoke."}\n{"text": "Seoul spoke."}\n')
    assert [a.id for a in load_articles("-")] == ["a", "stdin-2"]
    _stdin(monkeypatch, b'[{"id": "a", "text": "Kim spoke."}]')
    assert [a.id for a in load_articles("-")] == ["a"]


def test_bad_inputs_are_passed_to_on_error_and_the_good_ones_still_flow(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    errors: list[InputError] = []
    got = list(iter_articles([tmp_path / "missing.txt", tmp_path / "empty.txt", good], on_error=errors.append))
    assert [a.id for a in got] == ["good"]
    assert [e.source for e in errors] == [str(tmp_path / "missing.txt"), str(tmp_path / "empty.txt")]
    assert "file not found" in str(errors[0]) and "empty" in str(errors[1])
    with pytest.raises(InputError, match="missing.txt: file not found; check the path"):
        load_articles([good, tmp_path / "missing.txt"])


def test_a_very_large_article_is_read_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_article, "LARGE_ARTICLE_CHARS", 100)
    path = tmp_path / "long.txt"
    path.write_text(BODY * 3, encoding="utf-8")
    with pytest.warns(InputWarning, match="long.txt: the article has 198 characters"):
        [art] = load_articles(path)
    assert art.text == BODY * 3


# --------------------------------------------------------------------------------------- the errors


def test_errors_form_one_hierarchy_and_carry_source_and_line() -> None:
    assert issubclass(DateHeaderError, InputError) and issubclass(InputError, GeorelError)
    assert issubclass(OutputError, GeorelError) and issubclass(DecodingWarning, InputWarning)
    err = InputError("bad", source="f.jsonl", line=3)
    assert (str(err), err.source, err.line) == ("f.jsonl:3: bad", "f.jsonl", 3)
    assert str(InputError("bad")) == "<input>: bad"

