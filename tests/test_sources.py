"""Reading a corpus as items (analysis.io.sources): the streaming reader, standard input, glob patterns."""

from __future__ import annotations

import io
import json
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

from analysis.errors import InputError
from analysis.io.articles import Article, iter_articles
from analysis.io.sources import BadRecord, Located, expand_inputs, iter_items


def test_reader_streams_the_same_articles_and_errors_as_iter_articles(
        inputs: Path, tmp_path: Path, sentences: list[str]) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes("id,text\nl1,Caf\xe9 owners in Montr\xe9al protested.\n".encode("cp1252"))
    more = tmp_path / "more"
    more.mkdir()
    (more / "x.tsv").write_text(f"id\ttext\nj1\t{sentences[1]}\n\t\nt2\ttoo\tmany\n", encoding="utf-8")
    (more / "y.html").write_text(f"<html><title>T</title><body><p>{sentences[2]}</p></body></html>")
    (more / "z.json").write_text(json.dumps([{"id": "j2", "text": sentences[3]}, {"text": 5}]))
    (more / "e.jsonl").write_text("  \n")
    sources = [str(inputs), str(latin), str(tmp_path / "missing.jsonl"), str(more), str(more / "z.json")]
    expected: list[Any] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # cp1252, duplicate ids
        for art in iter_articles(sources, on_error=expected.append):
            expected.append(art)
        got = list(iter_items(sources))
    assert [str(x) if isinstance(x, InputError) else x for x in expected] == \
        [str(x) if isinstance(x, BadRecord) else x.article for x in got]
    bad = [x for x in got if isinstance(x, BadRecord)]
    assert [(Path(b.source).name, b.line) for b in bad][:4] == [("a.jsonl", 5), ("a.jsonl", 10), ("a.jsonl", 14),
                                                                 ("missing.jsonl", None)]
    assert [x.article.id for x in got if isinstance(x, Located) and "more" in x.source] == ["j1-2", "y", "j2-2"]
    located = [x for x in got if isinstance(x, Located)]
    # CSV rows with their lines, streamed or (the cp1252 file) read whole; .txt articles without
    assert [x.line for x in located if x.source.endswith((".txt", ".csv"))] == [2, 3, 4, 5, 6, None, None, 2]


def test_reader_streams_jsonl_from_stdin(monkeypatch: pytest.MonkeyPatch, sentences: list[str]) -> None:
    data = "\n" + json.dumps({"id": "s1", "text": sentences[0]}) + "\n{oops\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data.encode()))))
    got = list(iter_items("-"))
    assert isinstance(got[0], Located) and got[0].article == Article("s1", sentences[0]) and got[0].line == 2
    assert isinstance(got[1], BadRecord) and got[1].line == 3 and got[1].source == "<stdin>"


def test_globs_are_expanded_and_a_pattern_without_match_is_a_bad_input(inputs: Path) -> None:
    got = list(expand_inputs([str(inputs / "*.jsonl"), str(inputs / "**" / "*.txt"), str(inputs / "*.xml")]))
    assert [Path(str(p)).name for p in got[:3]] == ["a.jsonl", "c.txt", "d.txt"]
    assert isinstance(got[3], BadRecord) and "no file matches" in got[3].reason


def test_extract_and_iter_articles_read_a_mixed_folder_alike(georel: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("date 2023-09-11\nKim met Putin in Vladivostok.\n", encoding="utf-8")
    (corpus / "b.jsonl").write_bytes(b'{"id": "j1", "text": "Russia shelled Kharkiv."}\n{oops\n'
                                     b'{"id": "a", "text": "Flooding in Lagos."}\n'
                                     b'{"id": "n", "text": "K\x00im left."}\n')
    (corpus / "c.csv").write_text('id,text\nc1,"France and Germany met in Berlin."\nc2,Seoul, Tokyo spoke.\n',
                                  encoding="utf-8")
    (corpus / "d.html").write_text("<html><title>T</title><body><p>Putin flew to Pyongyang.</p></body></html>",
                                   encoding="utf-8")
    (corpus / "e.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    skipped = [f"{corpus / 'b.jsonl'}:2: malformed JSON (Expecting property name enclosed in double quotes); fix or "
               "remove the line",
               f"{corpus / 'b.jsonl'}:4: binary data (a NUL byte) in this line; remove it or the line",
               f"{corpus / 'c.csv'}:3: row has 3 fields but the header has 2; put text that holds the delimiter in "
               "double quotes",
               f"{corpus / 'e.txt'}: this is a PNG image, not text; give the article text instead"]
    ids = ["a", "j1", "a-2", "c1", "d"]
    out = tmp_path / "out.jsonl"
    result = georel("extract", corpus, "-o", out)
    assert result.code == 2
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ids
    assert [line.removeprefix("georel: skipped: ") for line in result.err.splitlines()
            if line.startswith("georel: skipped: ")] == skipped
    assert f"georel: warning: {corpus / 'b.jsonl'}:3: duplicate id 'a' (first in {corpus / 'a.txt'}); renamed " \
           "to 'a-2'" in result.err.splitlines()
    errors: list[InputError] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert [a.id for a in iter_articles(corpus, on_error=errors.append)] == ids
    assert [str(e) for e in errors] == skipped
