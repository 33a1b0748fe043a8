"""Hostile input at the edges: calendar limits, NUL bytes, huge lines, formula-like cells, line
separators in JSON; each works or fails with one line naming the file or record, never a traceback."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.extract.pipeline import extract_record
from analysis.extract.timex import find_times
from analysis.io.articles import article_from_text, iter_articles
from analysis.io.files import MAX_RECORD_BYTES

Georel = Any  # the `georel` fixture of conftest.py
GOOD = "Kim left Pyongyang for Vladivostok."


@pytest.mark.parametrize("date", ["9999-12-31", "9999-12-27", "0001-01-01", "0001-01-03"])
@pytest.mark.parametrize("words", ["tomorrow", "yesterday", "on Sunday", "last week", "next week", "next month",
                                   "last month", "next year", "last year", "in December", "in January",
                                   "over the weekend", "two weeks ago"])
def test_dates_at_the_calendars_edges_are_held_there(date: str, words: str) -> None:
    text = f"Kim met Putin in Vladivostok {words}."
    found = find_times(text, 0, len(text), article_date=date)
    found += find_times(text, 0, len(text), article_date=date, future=True)
    assert all("0001-01-01" <= t.date <= "9999-12-31" for t in found)
    record = extract_record(article_from_text(f"date {date}\n{text}"))
    assert record["date"] == date


# ------------------------------------------------------------------------------ NUL bytes, huge records


def _jsonl(n: int) -> list[bytes]:
    return [json.dumps({"id": f"a{i}", "text": f"Kim left Pyongyang on day {i}."}).encode() + b"\n" for i in range(n)]


@pytest.mark.parametrize("where", [1, 50, 100])
def test_a_nul_byte_in_a_jsonl_line_costs_only_that_line(georel: Georel, tmp_path: Path, where: int) -> None:
    lines = _jsonl(101)
    lines[where] = lines[where].replace(b"Kim", b"K\x00im")
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(lines))
    out = tmp_path / "out.jsonl"
    result = georel("extract", src, "-o", out)
    assert result.code == 2
    assert len(out.read_text().splitlines()) == 100
    assert f"in.jsonl:{where + 1}: " in result.err and "NUL" in result.err
    errors: list[InputError] = []
    assert len(list(iter_articles(src, on_error=errors.append))) == 100 and len(errors) == 1


def test_a_nul_byte_in_a_csv_row_costs_at_most_that_row(georel: Georel, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    rows = [f"a{i},Kim left Pyongyang on day {i}.\n" for i in range(50)]
    rows[3] = "a3,Kim\x00 left\n"
    src.write_text("id,text\n" + "".join(rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    georel("extract", src, "-o", out)
    assert len(out.read_text().splitlines()) >= 49


def test_a_record_over_the_size_bound_is_reported_and_the_others_read(georel: Georel, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    good = _jsonl(2)
    with src.open("wb") as fh:
        fh.write(good[0])
        fh.write(b'{"id": "huge", "text": "' + b" " * (MAX_RECORD_BYTES + 10) + b'x"}\n')
        fh.write(good[1])
    out = tmp_path / "out.jsonl"
    result = georel("extract", src, "-o", out)
    assert result.code == 2
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a0", "a1"]
    assert "in.jsonl:2: record larger than 32 MB" in result.err


def test_a_huge_sparse_file_is_refused_before_it_is_read(georel: Georel, tmp_path: Path) -> None:
    big = tmp_path / "sparse.txt"
    with big.open("wb") as fh:
        fh.truncate(300 * 2**20)
    start = time.perf_counter()
    result = georel("extract", big, "-o", tmp_path / "out.jsonl")
    assert time.perf_counter() - start < 5
    assert result.code == 2 and "sparse.txt: file is larger than 32 MB" in result.err


# ----------------------------------------------------------------------------- export and JSON output

RECORDS = Path(__file__).parent / "data" / "records_sample.jsonl"


def test_export_of_a_binary_file_is_one_line_exit_2(georel: Georel, tmp_path: Path) -> None:
    src = tmp_path / "records.jsonl"
    src.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = georel("export", src, "-o", tmp_path / "events.csv")
    assert result.code == 2 and "Traceback" not in result.err
    assert result.err.splitlines() == [f"georel: error: {src}: this is a PNG image, not text; give the article "
                                       "text instead"]


def test_export_skips_malformed_lines_and_keeps_the_good_records(georel: Georel, tmp_path: Path) -> None:
    good = RECORDS.read_text(encoding="utf-8").splitlines()
    src = tmp_path / "records.jsonl"
    src.write_bytes("\n".join([good[0], "{not json", "[1, 2]", good[1]]).encode() + b"\n\xff\xfe bad\n")
    out = tmp_path / "events.csv"
    result = georel("export", src, "-o", out)
    assert result.code == 2
    lines = result.err.splitlines()
    assert any("records.jsonl:2: malformed JSON" in line for line in lines)
    assert any("records.jsonl:3: line is not a JSON object" in line for line in lines)
    assert any("records.jsonl:5: not UTF-8" in line for line in lines)
    assert len(pd.read_csv(out)) == 9  # the events of both good records


def test_csv_cells_that_look_like_formulas_are_neutralised(tmp_path: Path) -> None:
    from analysis.export import write_csv

    frame = pd.DataFrame({"id": ["=cmd|' /C calc'!A0", "+1", "-2+3", "@SUM(A1)", "\tx", "ok", "a=b"],
                          "n": [-1, 2, 3, 4, 5, 6, 7]})
    path = write_csv(frame, tmp_path / "x.csv")
    back = pd.read_csv(path, keep_default_na=False)
    assert list(back["id"]) == ["'=cmd|' /C calc'!A0", "'+1", "'-2+3", "'@SUM(A1)", "'\tx", "ok", "a=b"]
    assert list(back["n"]) == [-1, 2, 3, 4, 5, 6, 7]
    assert b"'\ry" in write_csv(pd.DataFrame({"id": ["\ry"]}), tmp_path / "y.csv").read_bytes()


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
def test_unicode_line_separators_are_escaped_in_jsonl_output(georel: Georel, tmp_path: Path, char: str) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": f"a{char}b", "text": f"Kim left Pyongyang.{char}Putin met him."}) + "\n"
                   + json.dumps({"id": "c", "text": GOOD}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert georel("extract", src, "-o", out).code == 0
    text = out.read_text(encoding="utf-8")
    assert char not in text and len(text.splitlines()) == 2
    assert json.loads(text.splitlines()[0])["id"] == f"a{char}b"


# ------------------------------------------------------------------------------------- time budget


def test_an_article_over_its_time_budget_keeps_its_places_with_a_warning() -> None:
    from analysis import schema
    from analysis.errors import InputWarning

    article = article_from_text("Kim Jong Un met Vladimir Putin in Vladivostok. Russia praised North Korea.", id="k")
    full = extract_record(article)
    with pytest.warns(InputWarning, match="'k': the time budget of 0 s per article ran out"):
        cut = extract_record(article, budget=0.0)
    assert cut["places"] == full["places"] and cut["events"] == [] and full["events"]
    assert "time budget" in cut["incomplete"] and "incomplete" not in full
    declared = {f.name for f in (*schema.RECORD, *schema.RECORD_OPTIONAL)}
    assert set(cut) <= declared
    assert extract_record(article, budget=60.0) == full


def test_a_corpus_run_writes_an_over_budget_record_and_says_so(georel: Georel, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import analysis.corpus.engines as engines

    monkeypatch.setattr(engines, "ARTICLE_BUDGET", 0.0)
    src = tmp_path / "k.txt"
    src.write_text("Kim Jong Un met Vladimir Putin in Vladivostok.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = georel("extract", src, "-o", out)
    assert result.code == 0
    record = json.loads(out.read_text())
    assert record["places"] and record["incomplete"]
    assert any(line.startswith("georel: warning: article 'k': the time budget") for line in result.err.splitlines())
