"""The `georel` command line contract: extract and resolve records, help with examples, one-line errors."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from analysis.cli import build_parser
from analysis.io.articles import load_articles
from analysis.schema import ACTOR_FIELDS, PLACE_FIELDS, RECORD_FIELDS

Georel = Any  # the `georel` fixture of conftest.py: georel(*args, stdin=None) -> result with code, out, err
CliResult = Any

PYONGYANG = (39.03385, 125.75432)    # GeoNames 1871859
VLADIVOSTOK = (43.10562, 131.87353)  # GeoNames 2013348


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def assert_clean_failure(result: CliResult, *names: str) -> None:
    """Exit status 2, no traceback, every stderr line a one-line georel message, each name mentioned."""
    assert result.code == 2, result.err
    assert "Traceback" not in result.err
    assert all(line.startswith("georel: ") for line in result.err.splitlines()), result.err
    for name in names:
        assert any(name in line for line in result.err.splitlines()), (name, result.err)


# ----------------------------------------------------------------------------------------------- help


def _subcommands() -> dict[str, Any]:
    parser = build_parser()
    [action] = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    return dict(action.choices)  # type: ignore[attr-defined]


def test_main_help_lists_the_commands_and_shows_an_example(georel: Georel) -> None:
    result = georel("--help")
    assert result.code == 0
    for name in _subcommands():
        assert name in result.out
    assert "georel extract " in result.out and "examples" in result.out.lower()


@pytest.mark.parametrize("command", sorted(_subcommands()))
def test_every_command_help_has_an_example_of_itself(georel: Georel, command: str) -> None:
    result = georel(command, "--help")
    assert result.code == 0
    assert "example" in result.out.lower()
    assert any(line.strip().startswith(f"georel {command} ") for line in result.out.splitlines()), result.out


def test_a_usage_error_is_short_and_exits_2(georel: Georel) -> None:
    result = georel("extract")
    assert result.code == 2 and "Traceback" not in result.err and "usage: georel extract" in result.err


# ---------------------------------------------------------------------------------------------- extract


@pytest.fixture(scope="module")
def bundled_record(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from analysis.cli import main

    root = Path(__file__).resolve().parents[1]
    out = tmp_path_factory.mktemp("bundled") / "out.jsonl"
    assert main(["extract", str(root / "data/articles/2023-09-11-kim-putin-summit.txt"), "-o", str(out)]) == 0
    [rec] = records(out)
    return rec


def test_extract_writes_one_record_with_the_contract_fields(bundled_record: dict[str, Any],
                                                            bundled_article: Path) -> None:
    rec = bundled_record
    assert set(RECORD_FIELDS) <= set(rec)
    assert (rec["id"], rec["date"]) == ("2023-09-11-kim-putin-summit", "2023-09-11")
    assert rec["places"] and rec["actors"]
    text = load_articles(bundled_article)[0].text
    for place in rec["places"]:
        assert set(PLACE_FIELDS) <= set(place)
        assert text[place["start"]:place["end"]] == place["text"]
        assert isinstance(place["metonymic"], bool)
    for actor in rec["actors"]:
        assert set(ACTOR_FIELDS) <= set(actor)
        assert text[actor["start"]:actor["end"]] == actor["text"]
    assert isinstance(rec["events"], list)


def test_bundled_article_reports_its_countries(bundled_record: dict[str, Any]) -> None:
    countries = {p["country"] for p in bundled_record["places"] if p["country"]}
    assert countries == {"PRK", "RUS", "UKR", "USA", "KOR", "JPN"}


def test_bundled_article_places_pyongyang_and_vladivostok_where_geonames_does(
        bundled_record: dict[str, Any]) -> None:
    points = {p["name"]: (p["lat"], p["lon"]) for p in bundled_record["places"]}
    assert km(points["Pyongyang"], PYONGYANG) < 10
    assert km(points["Vladivostok"], VLADIVOSTOK) < 10


def test_bundled_article_has_no_false_places(bundled_record: dict[str, Any]) -> None:
    false = {"Un", "Vladimir", "Central", "Federal", "University", "Monday", "Tuesday", "Wednesday", "Thursday",
             "Friday", "Saturday", "Sunday", "January", "February", "September", "Sept", "Kim", "Putin"}
    found = {p["text"].rstrip(".") for p in bundled_record["places"]}
    assert not found & false


def test_extract_reads_directories_jsonl_and_csv_in_order(georel: Georel, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 2023-09-11\nKim left Pyongyang for Vladivostok.", encoding="utf-8")
    (corpus / "b.txt").write_text("Putin met Kim in Vladivostok.", encoding="utf-8")
    feed = tmp_path / "more.jsonl"
    feed.write_text(json.dumps({"id": "j1", "text": "Seoul protested.", "title": "T", "url": "https://x",
                                "source": "AP", "date": "2023-09-12"}) + "\n", encoding="utf-8")
    table = tmp_path / "articles.csv"
    table.write_text('id,text\nc1,"Tokyo, Japan, watched."\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = georel("extract", corpus, feed, table, "-o", out)
    assert result.code == 0, result.err
    got = records(out)
    assert [r["id"] for r in got] == ["a", "b", "j1", "c1"]
    assert [r["date"] for r in got] == ["2023-09-11", None, "2023-09-12", None]
    assert (got[2]["title"], got[2]["url"], got[2]["source"]) == ("T", "https://x", "AP")
    assert [p["name"] for p in got[0]["places"]] == ["Pyongyang", "Vladivostok"]


def test_extract_reads_standard_input_and_writes_standard_output(georel: Georel) -> None:
    result = georel("extract", "-", "-o", "-", stdin=b"date 2023-09-11 Kim left Pyongyang for Vladivostok.")
    assert result.code == 0, result.err
    [rec] = [json.loads(line) for line in result.out.splitlines()]
    assert (rec["id"], rec["date"]) == ("stdin", "2023-09-11")
    assert [p["name"] for p in rec["places"]] == ["Pyongyang", "Vladivostok"]


# ---------------------------------------------------------------------------------------------- resolve


def test_resolve_fills_coordinates_for_given_spans(georel: Georel, tmp_path: Path) -> None:
    text = "Kim left Pyongyang for Vladivostok."
    spans = tmp_path / "spans.jsonl"
    spans.write_text(json.dumps({"id": "r", "text": text, "toponyms": [
        {"start": 9, "end": 18, "gold": "keep me"}, {"start": 23, "end": 34}]}) + "\n", encoding="utf-8")
    out = tmp_path / "resolved.jsonl"
    result = georel("resolve", spans, "-o", out)
    assert result.code == 0, result.err
    [rec] = records(out)
    first, second = rec["toponyms"]
    assert first["gold"] == "keep me" and (first["name"], first["country"]) == ("Pyongyang", "PRK")
    assert km((first["lat"], first["lon"]), PYONGYANG) < 10
    assert km((second["lat"], second["lon"]), VLADIVOSTOK) < 10
    assert second["geonameid"] == 2013348 and second["kind"] == "city"


def test_resolve_skips_bad_records_naming_their_lines_and_writes_the_good(georel: Georel, tmp_path: Path) -> None:
    spans = tmp_path / "spans.jsonl"
    spans.write_text("\n".join([
        json.dumps({"id": "a", "text": "Seoul", "toponyms": [{"start": 0, "end": 5}]}),
        "{not json",
        json.dumps({"id": "b", "text": "Seoul", "toponyms": [{"start": 0, "end": 50}]}),
        json.dumps({"id": "c", "toponyms": []}),
        json.dumps({"id": "d", "text": "Paris", "toponyms": [{"start": 0}]}),
        json.dumps({"id": "e", "text": "Tokyo", "toponyms": [{"start": 0, "end": 5}]}),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "resolved.jsonl"
    result = georel("resolve", spans, "-o", out)
    assert_clean_failure(result, "spans.jsonl:2", "spans.jsonl:3", "spans.jsonl:4", "spans.jsonl:5")
    assert [(r["id"], r["toponyms"][0]["name"]) for r in records(out)] == [("a", "Seoul"), ("e", "Tokyo")]


# ----------------------------------------------------------------------------------------------- errors


@pytest.mark.parametrize("name,data,expect", [
    ("missing.txt", None, "missing.txt: file not found"),
    ("bytes.txt", b"\x00\x01\x02\x03binary\x00\x00" * 10, "bytes.txt: binary data"),
    ("feed.jsonl", b'{"id": "ok2", "text": "Seoul spoke."}\n{"id": 1, "text": \n', "feed.jsonl:2: malformed JSON"),
    ("table.csv", b"id,body\n1,Kim met Putin.\n", "table.csv: CSV has no 'text' column"),
])
def test_a_bad_input_is_one_line_naming_it_and_the_good_ones_are_written(
        georel: Georel, tmp_path: Path, name: str, data: bytes | None, expect: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Kim left Pyongyang for Vladivostok.", encoding="utf-8")
    bad = tmp_path / name
    if data is not None:
        bad.write_bytes(data)
    out = tmp_path / "out.jsonl"
    result = georel("extract", good, bad, "-o", out)
    assert_clean_failure(result, expect)
    assert "good" in [r["id"] for r in records(out)]


def test_the_command_line_does_not_show_tracebacks(tmp_path: Path) -> None:
    """The installed console script, not only main(): a bad input gives one line and exit status 2."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"%PDF-1.4\n\x00\x01")
    proc = subprocess.run([sys.executable, "-m", "analysis.cli", "extract", str(bad), "-o", str(tmp_path / "o.jsonl")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"{bad}: this is a PDF document, not text; extract its text first" in proc.stderr


def test_the_output_folder_is_created(georel: Georel, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Kim left Pyongyang for Vladivostok.", encoding="utf-8")
    out = tmp_path / "out" / "deeper" / "x.jsonl"
    result = georel("extract", article, "-o", out)
    assert result.code == 0, result.err
    assert [r["id"] for r in records(out)] == ["a"]


def test_date_order_reads_ambiguous_dates_as_asked(georel: Georel, tmp_path: Path) -> None:
    feed = tmp_path / "feed.csv"
    feed.write_text('id,date,text\nus,11/09/2023,"Kim met Putin."\nlate,09/13/2023,"Kim left."\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    # the default rule: day first, with a warning naming the date
    result = georel("extract", feed, "-o", out)
    assert result.code == 0, result.err
    assert [r["date"] for r in records(out)] == ["2023-09-11", "2023-09-13"]
    assert "'11/09/2023' could be day/month or month/day" in result.err
    # --date-order mdy: month first, and no warning (the user chose); 13 is a day in either order
    result = georel("extract", feed, "-o", out, "--date-order", "mdy")
    assert result.code == 0, result.err
    assert [r["date"] for r in records(out)] == ["2023-11-09", "2023-09-13"]
    assert "could be" not in result.err
    assert "--date-order" in georel("report", "--help").out and "--date-order" in georel("extract", "--help").out


def test_report_passes_the_date_order_to_its_articles_and_corpus(tmp_path: Path) -> None:
    from analysis.io.dates import date_order
    from analysis.reports.runner import article_jobs, corpus_job

    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "date": "11/09/2023", "text": "Kim met Putin."}) + "\n", encoding="utf-8")
    with date_order("mdy"):
        (job,) = article_jobs([feed])
    assert job.article is not None and job.article["date"] == "2023-11-09"
    assert corpus_job([feed], date_order="mdy").parameters["date_order"] == "mdy"
