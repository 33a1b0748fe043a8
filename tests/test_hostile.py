"""Hostile input, through `georel` and the library: each case works (with a warning when the data is
doubtful) or fails with one line naming the file or record and what to do, exit status 2, no traceback;
good records are never dropped because of a bad neighbour."""

from __future__ import annotations

import builtins
import errno
import io
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from analysis.errors import InputError
from analysis.extract import pipeline
from analysis.extract.text import MAX_SENTENCE_CHARS, split_sentences, tokenize
from analysis.io.articles import Article, iter_articles, load_articles
from analysis.io.html_text import html_to_text

Georel = Any  # the `georel` fixture of conftest.py

GOOD = "Kim left Pyongyang for Vladivostok."
TINY_PDF = (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")
TINY_PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
            b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND"
            b"\xaeB`\x82")


def records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def one_line_messages(err: str) -> list[str]:
    """The stderr lines, after checking each is a one-line georel message and none is a traceback."""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert all(line.startswith("georel: ") for line in lines), err
    return lines


def extract(georel: Georel, tmp_path: Path, *inputs: Path | str) -> tuple[Any, list[dict[str, Any]]]:
    """Run `georel extract INPUTS -o out.jsonl`; return the result and the records written."""
    out = tmp_path / "out.jsonl"
    result = georel("extract", *inputs, "-o", out)
    one_line_messages(result.err)
    return result, records(out) if out.exists() else []


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


# -------------------------------------------------------------------------------------- bad files


@pytest.mark.parametrize("name,data,expect", [
    ("empty.txt", b"", "empty.txt: file is empty"),
    ("blank.txt", b"  \n\t\r\n \n", "blank.txt: file is empty"),
    ("bom-only.txt", b"\xef\xbb\xbf\n", "bom-only.txt: file is empty"),
    ("header-only.txt", b"date 2023-09-11\n\n", "header-only.txt: article is empty"),
    ("empty.jsonl", b"\n\n", "empty.jsonl: file is empty"),
    ("scan.pdf", TINY_PDF, "scan.pdf: this is a PDF document, not text; extract its text first"),
    ("map.png", TINY_PNG, "map.png: this is a PNG image, not text"),
    ("renamed.txt", TINY_PNG, "renamed.txt: this is a PNG image, not text"),
    ("utf16.txt", GOOD.encode("utf-16-le"), "utf16.txt: binary data"),
])
def test_a_bad_file_is_one_line_exit_2_and_the_good_file_is_still_written(
        georel: Georel, tmp_path: Path, good: Path, name: str, data: bytes, expect: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    result, out = extract(georel, tmp_path, bad, good)
    assert result.code == 2
    assert any(expect in line and "skipped" in line for line in result.err.splitlines()), result.err
    assert [r["id"] for r in out] == ["good"]
    with pytest.raises(InputError):
        load_articles(bad)


@pytest.mark.parametrize("header", [b"date 2023-13-45 ", b"date 2023/9/31\n", b"date: tomorrow\n"])
def test_an_unreadable_date_keeps_its_article_undated_with_a_warning(
        georel: Georel, tmp_path: Path, header: bytes) -> None:
    bad = tmp_path / "dated.txt"
    bad.write_bytes(header + GOOD.encode())
    result, [rec] = extract(georel, tmp_path, bad)
    assert result.code == 0 and rec["date"] is None and rec["places"]
    assert any("dated.txt: unreadable date header" in line and "warning" in line
               for line in result.err.splitlines()), result.err


def test_a_missing_date_header_leaves_the_date_empty(georel: Georel, tmp_path: Path, good: Path) -> None:
    result, [rec] = extract(georel, tmp_path, good)
    assert result.code == 0 and rec["date"] is None


# -------------------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("name,data,warned", [
    ("bom.txt", b"\xef\xbb\xbfdate 2023-09-11 " + "Protests in Zürich and “Paris”.".encode(), False),
    ("latin1.txt", "Protests in Zürich and Paris.".encode("latin-1"), True),
    ("cp1252.txt", "Protests in Zürich and “Paris”.".encode("cp1252"), True),
    ("crlf.txt", b"date 2023-09-11\r\nProtests in Z\xc3\xbcrich.\r\n\r\nAnd in Paris.\r\n", False),
])
def test_other_encodings_and_line_ends_work_with_offsets_into_the_loaded_text(
        georel: Georel, tmp_path: Path, name: str, data: bytes, warned: bool) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result, [rec] = extract(georel, tmp_path, path)
    assert result.code == 0
    assert any("not UTF-8" in line and name in line for line in result.err.splitlines()) is warned
    with pytest.warns() if warned else _NoWarning():
        [art] = load_articles(path)
    assert "Zürich" in art.text and "\r" not in art.text and "\ufffd" not in art.text
    assert {p["name"] for p in rec["places"]} >= {"Zurich", "Paris"} or \
        {p["text"] for p in rec["places"]} >= {"Zürich", "Paris"}
    for place in rec["places"]:
        assert art.text[place["start"]:place["end"]] == place["text"]


class _NoWarning:
    def __enter__(self) -> None:
        import warnings

        self.ctx = warnings.catch_warnings()
        self.ctx.__enter__()
        warnings.simplefilter("error")

    def __exit__(self, *exc: object) -> None:
        self.ctx.__exit__(*exc)


# ------------------------------------------------------------------------------------------- HTML

PAGE = """<!doctype html><html><head><title>Berlin wall news</title>
<script>var city = "London"; if (a < b) { go("Madrid"); }</script><style>.Rome{}</style></head>
<body><div class="Moscow" data-city="Tokyo"><a href="/paris">Home</a></div>
<p>North Korean leader Kim Jong Un arrived in <span class="Oslo">Vladivostok</span> on Tuesday.</p>
<p>He then left for <em>Pyongyang</em>&nbsp;&mdash; officials said.</p></body></html>"""


@pytest.mark.parametrize("name", ["page.html", "page.htm", "saved.txt"])
def test_html_pages_give_their_visible_text_never_tags_as_words(georel: Georel, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(PAGE, encoding="utf-8")
    result, [rec] = extract(georel, tmp_path, path)
    assert result.code == 0
    text = html_to_text(PAGE)
    names = {p["name"] for p in rec["places"]}
    assert {"Vladivostok", "Pyongyang"} <= names
    assert not names & {"London", "Madrid", "Rome", "Moscow", "Tokyo", "Paris", "Oslo", "Berlin"}
    for place in rec["places"]:
        assert text[place["start"]:place["end"]] == place["text"]
    assert rec["title"] == "Berlin wall news"


def test_html_on_standard_input(georel: Georel) -> None:
    result = georel("extract", "-", stdin=PAGE.encode())
    assert result.code == 0
    [rec] = [json.loads(line) for line in result.out.splitlines()]
    assert {p["name"] for p in rec["places"]} == {"North Korea", "Vladivostok", "Pyongyang"}


def test_binary_on_standard_input(georel: Georel) -> None:
    result = georel("extract", "-", stdin=TINY_PNG)
    assert result.code == 2
    assert any("<stdin>: this is a PNG image" in line for line in one_line_messages(result.err))


# ------------------------------------------------------------------------------------------ JSONL, CSV


def test_bad_jsonl_records_are_listed_by_line_and_the_good_ones_written(
        georel: Georel, tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": GOOD}),
        '{"id": "b", "text": "unterminated',
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": 42}),
        json.dumps({"id": "e", "text": {"body": GOOD}}),
        json.dumps({"id": "f", "text": GOOD, "date": "2023-13-45"}),
        json.dumps({"id": "a", "text": "Seoul protested."}),
        json.dumps({"id": "g", "text": "Tokyo watched."}),
    ]) + "\n", encoding="utf-8")
    result, out = extract(georel, tmp_path, path)
    assert result.code == 2
    lines = result.err.splitlines()
    for lineno, what in [(2, "malformed JSON"), (3, "no 'text' field"), (4, "'text' is int"),
                         (5, "'text' is dict"), (6, "unreadable date")]:
        assert any(f"feed.jsonl:{lineno}: " in line and what in line for line in lines), (lineno, result.err)
    assert any("feed.jsonl:7: duplicate id 'a'" in line and "'a-2'" in line and "warning" in line for line in lines)
    assert [(r["id"]) for r in out] == ["a", "f", "a-2", "g"]


def test_duplicate_ids_across_files_are_made_unique(georel: Georel, tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(GOOD, encoding="utf-8")
    result, out = extract(georel, tmp_path, tmp_path / "x", tmp_path / "y")
    assert result.code == 0
    assert [r["id"] for r in out] == ["same", "same-2"]


def test_csv_with_embedded_newlines_works_and_without_text_column_fails(georel: Georel, tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text('id,text\nm,"Kim left Pyongyang.\r\n\r\nHe arrived in ""Vladivostok"", officials said."\n',
                     encoding="utf-8")
    notext = tmp_path / "n.csv"
    notext.write_text("id,body\n1,Kim\n", encoding="utf-8")
    result, out = extract(georel, tmp_path, table, notext)
    assert result.code == 2
    assert any("n.csv: CSV has no 'text' column" in line for line in result.err.splitlines())
    [rec] = out
    assert [p["name"] for p in rec["places"]] == ["Pyongyang", "Vladivostok"]


# --------------------------------------------------------------------------- unreadable and unwritable


def _deny(monkeypatch: pytest.MonkeyPatch, under: Path, *, write: bool) -> None:
    """Make `under` (a file or a folder's contents) unreadable or unwritable: chmod when that works
    (not as root), else refuse the opens, as the operating system would."""
    if under.is_file() and not write:
        os.chmod(under, 0)
        if not os.access(under, os.R_OK):
            return
        os.chmod(under, 0o644)
    root = os.path.abspath(under)

    def denied(path: Any, wants_write: bool) -> bool:
        try:
            target = os.path.abspath(os.fspath(path))
        except TypeError:
            return False
        return wants_write == write and (target == root or target.startswith(root + os.sep))

    def refuse(path: Any) -> PermissionError:
        return PermissionError(errno.EACCES, "Permission denied", os.fspath(path))

    real_open, real_os_open, real_mkdir = builtins.open, os.open, os.mkdir

    def fake_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if not isinstance(file, int) and denied(file, any(c in mode for c in "wax+")):
            raise refuse(file)
        return real_open(file, mode, *args, **kwargs)

    def fake_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if denied(path, bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))):
            raise refuse(path)
        return real_os_open(path, flags, *args, **kwargs)

    def fake_mkdir(path: Any, *args: Any, **kwargs: Any) -> None:
        if denied(path, True):
            raise refuse(path)
        real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    monkeypatch.setattr(os, "mkdir", fake_mkdir)


def test_an_unreadable_file_in_a_directory_is_listed_and_the_rest_read(
        georel: Georel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt", "c.jsonl"):
        (corpus / name).write_text(json.dumps({"id": "c", "text": GOOD}) if name.endswith("l") else GOOD,
                                   encoding="utf-8")
    _deny(monkeypatch, corpus / "b.txt", write=False)
    _deny(monkeypatch, corpus / "c.jsonl", write=False)
    errors: list[InputError] = []
    assert [a.id for a in iter_articles(corpus, on_error=errors.append)] == ["a"]
    assert [Path(e.source or "").name for e in errors] == ["b.txt", "c.jsonl"]
    assert all("permission denied; make the file readable" in str(e) for e in errors)
    result, out = extract(georel, tmp_path, corpus)
    assert result.code == 2 and [r["id"] for r in out] == ["a"]
    assert sum("permission denied" in line for line in result.err.splitlines()) == 2


@pytest.mark.parametrize("command", ["resolve"])  # extract creates the folder (test_cli)
def test_output_in_a_missing_folder_fails_in_one_line(georel: Georel, tmp_path: Path, good: Path,
                                                      command: str) -> None:
    spans = tmp_path / "spans.jsonl"
    spans.write_text(json.dumps({"text": "Seoul", "toponyms": [{"start": 0, "end": 5}]}) + "\n", encoding="utf-8")
    result = georel(command, good if command == "extract" else spans, "-o", tmp_path / "no" / "out.jsonl")
    assert result.code == 2
    [line] = [m for m in one_line_messages(result.err) if "error" in m]
    assert "out.jsonl" in line and "does not exist" in line
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("command", ["extract", "resolve"])
def test_output_in_an_unwritable_folder_fails_in_one_line(
        georel: Georel, tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    spans = tmp_path / "spans.jsonl"
    spans.write_text(json.dumps({"text": "Seoul", "toponyms": [{"start": 0, "end": 5}]}) + "\n", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    _deny(monkeypatch, locked, write=True)
    result = georel(command, good if command == "extract" else spans, "-o", locked / "out.jsonl")
    assert result.code == 2, result.err
    [line] = [m for m in one_line_messages(result.err) if "error" in m]
    assert "locked" in line and "Permission denied" in line
    assert list(locked.iterdir()) == []


# --------------------------------------------------------------------------------------------- Ctrl-C


def _interrupt_on(n: int) -> Callable[[Article], BaseException | None]:
    """Ctrl-C while the n-th article is extracted (for `fail_extraction`)."""
    calls = iter(range(1, 10**6))
    return lambda article: KeyboardInterrupt() if next(calls) == n else None


def test_ctrl_c_exits_130_and_leaves_no_output_that_looks_complete(
        georel: Georel, tmp_path: Path, fail_extraction: Callable[..., None]) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"a{i}", "text": GOOD}) + "\n" for i in range(5)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "from an earlier run"}\n', encoding="utf-8")
    fail_extraction(_interrupt_on(3))
    result = georel("extract", feed, "-o", out)
    assert result.code == 130
    assert "interrupted" in one_line_messages(result.err)[-1]
    assert out.read_text(encoding="utf-8") == '{"id": "from an earlier run"}\n'
    visible = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert visible == ["feed.jsonl", "out.jsonl"]


def test_ctrl_c_during_resolve_leaves_no_output(georel: Georel, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis.extract import geocode

    spans = tmp_path / "spans.jsonl"
    spans.write_text(json.dumps({"text": "Seoul", "toponyms": [{"start": 0, "end": 5}]}) + "\n", encoding="utf-8")

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(geocode, "resolve_spans", interrupted)
    result = georel("resolve", spans, "-o", tmp_path / "out.jsonl")
    assert result.code == 130
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spans.jsonl"]


def test_an_article_that_crashes_the_extractor_is_listed_and_the_others_written(
        georel: Georel, tmp_path: Path, fail_extraction: Callable[..., None]) -> None:
    fail_extraction(lambda article: IndexError("list index out of range") if article.id == "boom" else None)
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": GOOD}) + "\n" for i in ("a", "boom", "b")),
                    encoding="utf-8")
    result, out = extract(georel, tmp_path, feed)
    assert result.code == 2
    assert any("feed.jsonl:2" in line and "IndexError" in line for line in result.err.splitlines())
    assert [r["id"] for r in out] == ["a", "b"]


# ------------------------------------------------------------------------------------ everything at once


def test_good_records_survive_every_bad_neighbour_together(georel: Georel, tmp_path: Path) -> None:
    bad = {
        "empty.txt": b"", "scan.pdf": TINY_PDF, "img.png": TINY_PNG,
        "nocol.csv": b"a,b\n1,2\n", "bin.txt": b"\x00" * 64,
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "mixed.jsonl").write_text(f'{{"id": "j1", "text": "{GOOD}"}}\n{{oops\n{{"id": "j2", "text": 1}}\n'
                                          f'{{"id": "j3", "text": "{GOOD}"}}\n', encoding="utf-8")
    (tmp_path / "mixed.csv").write_text(f'id,text,date\nc1,"{GOOD}",\nc2,"{GOOD}",2023-02-30\nc3,"{GOOD}",\n',
                                        encoding="utf-8")
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    inputs = sorted(tmp_path.iterdir())
    result, out = extract(georel, tmp_path, *inputs, tmp_path / "missing.txt")
    assert result.code == 2
    assert sorted(r["id"] for r in out) == ["c1", "c2", "c3", "j1", "j3", "ok"]
    assert all(r["places"] for r in out)
    assert sum(line.startswith("georel: skipped: ") for line in result.err.splitlines()) == len(bad) + 1 + 2
    errors: list[InputError] = []
    assert sorted(a.id for a in iter_articles(inputs, on_error=errors.append)) == ["c1", "c2", "c3", "j1", "j3", "ok"]
    assert len(errors) == len(bad) + 2


# ----------------------------------------------------------------------------------------- big inputs


def _no_punctuation(n: int) -> str:
    words = ("officials said the North Korean leader Kim would travel to Vladivostok and meet Putin "
             "while Seoul and Tokyo watched the talks with concern about weapons").split()
    out, size, i = [], 0, 0
    while size < n:
        word = words[(i * 7919) % len(words)]
        out.append(word)
        size += len(word) + 1
        i += 1
    return " ".join(out)[:n]


def test_a_5_mb_line_without_punctuation_is_split_and_tokenized_in_linear_time() -> None:
    text = _no_punctuation(5_000_000)
    start = time.perf_counter()
    sentences = split_sentences(text)
    assert time.perf_counter() - start < 2.0
    assert max(e - s for s, e in sentences) <= MAX_SENTENCE_CHARS
    assert all(text[s] != " " and text[e - 1] != " " for s, e in sentences)
    start = time.perf_counter()
    tokens = tokenize(text, sentences)
    assert time.perf_counter() - start < 15.0
    assert len(tokens) == len(text.split())  # no word is lost or cut at the sentence cuts


def _best_time(text: str, repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        pipeline.extract_record(Article(id="x", text=text))
        best = min(best, time.perf_counter() - start)
    return best


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "no punctuation": _no_punctuation,
    "capitalised words": lambda n: ("Kim Jong Un Vladimir Putin North Korea " * (n // 38 + 1))[:n],
    "capitalised places": lambda n: ("Moscow Paris Berlin Seoul Tokyo Beijing Kyiv " * (n // 44 + 1))[:n],
    "dots": lambda n: "U.S." + "." * n,
    "apostrophes": lambda n: ("Russia's " + "'" * 50) * (n // 59),
    "hyphens": lambda n: ("Ab-" * (n // 3)),
    "repeated article": lambda n: ((GOOD + " ") * (n // len(GOOD)))[:n],
    "comma list of places": lambda n: ("Paris, London, Springfield, Illinois, " * (n // 38 + 1))[:n],
    "places joined by and": lambda n: ("Paris and London and Texas or Ohio / " * (n // 37 + 1))[:n],
}


@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_extraction_time_grows_linearly_with_the_length_of_adversarial_text(kind: str) -> None:
    make = ADVERSARIAL[kind]
    pipeline.extract_record(Article(id="warm", text=GOOD))
    small, large = _best_time(make(20_000)), _best_time(make(80_000))
    assert large < 8 * small + 0.5, f"{kind}: 20k chars {small:.2f}s, 80k chars {large:.2f}s (quadratic?)"
