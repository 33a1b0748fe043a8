"""Shared fixtures: the bundled article, an in-process `georel` runner, and a small corpus with helpers
to extract it (used by the tests of analysis.io.sources, engines, sinks and corpus)."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class CliResult:
    code: int
    out: str
    err: str


Georel = Callable[..., CliResult]


@pytest.fixture
def bundled_article() -> Path:
    """data/articles/2023-09-11-kim-putin-summit.txt"""
    return ROOT / "data" / "articles" / "2023-09-11-kim-putin-summit.txt"


@pytest.fixture
def georel(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Georel:
    """Run `georel ARGS...` in this process: georel(*args, stdin=b"...") -> CliResult(code, out, err)."""
    from analysis.cli import main

    def run(*args: str | Path, stdin: bytes | None = None) -> CliResult:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        capsys.readouterr()
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse usage errors and --help
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


SENTENCES = [
    "North Korean leader Kim Jong Un met President Vladimir Putin in Vladivostok on Wednesday.",
    "The United States imposed new sanctions on Iran, the Treasury said in Washington.",
    "Chinese police detained protesters in Hong Kong after clashes near the harbour.",
    "Ukraine accused Russia of shelling Kharkiv overnight; Moscow denied it.",
    "Flooding in Lagos displaced thousands as Nigeria appealed for aid.",
    "France and Germany agreed in Berlin to cooperate on energy.",
    "Residents of Alexandria, Louisiana, gathered at the county courthouse.",
]


def _text(i: int) -> str:
    return " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + i % 3))


@pytest.fixture
def sentences() -> list[str]:
    """Seven one-sentence news texts with places, actors and events."""
    return list(SENTENCES)


@pytest.fixture
def article_text() -> Callable[[int], str]:
    """article_text(i) -> the text of the i-th made-up article: one to three of `sentences`."""
    return _text


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A folder with JSONL (some bad lines), CSV and .txt articles: 21 articles, 3 bad records."""
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [json.dumps({"id": f"j{i}", "text": _text(i), "date": "2023-09-1" + str(i % 10)}) for i in range(14)]
    lines[4:4] = ["{not json"]
    lines[9:9] = [json.dumps({"id": "no-text"})]
    lines[12:12] = ["", json.dumps({"id": "bad-text", "text": 5})]
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = "".join(f'c{i},"{_text(i + 3)}",2023-10-0{i + 1}\n' for i in range(5))
    (folder / "b.csv").write_text("id,text,date\n" + rows, encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "c.txt").write_text("date 2023-09-11\n" + _text(5), encoding="utf-8")
    (folder / "sub" / "d.txt").write_text(_text(6), encoding="utf-8")
    return folder


@pytest.fixture
def run_corpus() -> Callable[..., Any]:
    """run_corpus(src, out, **kwargs) -> CorpusRun: `extract_corpus` with one job and chunks of 3 by default."""
    from analysis.corpus.run import CorpusRun, extract_corpus

    def run(src: Path | list[str], out: Path, **kwargs: Any) -> CorpusRun:
        return extract_corpus([str(src)] if isinstance(src, Path) else src, out,
                              **{"jobs": 1, "chunk_size": 3, **kwargs})

    return run


@pytest.fixture
def interrupt_at(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], list[int]]:
    """interrupt_at(stop) -> seen: extracting chunk `stop` raises KeyboardInterrupt (as Ctrl-C would);
    `seen` lists the chunks extracted before. `monkeypatch.undo()` ends it."""
    from analysis.corpus import engines

    def interrupt(stop: int) -> list[int]:
        real = engines.extract_chunk
        seen: list[int] = []

        def chunk(index: int, items: Any, fmt: str = "jsonl") -> engines.ChunkResult:
            if index == stop:
                raise KeyboardInterrupt
            seen.append(index)
            return real(index, items, fmt)

        monkeypatch.setattr(engines, "extract_chunk", chunk)
        return seen

    return interrupt


@pytest.fixture
def fail_extraction(monkeypatch: pytest.MonkeyPatch) -> Callable[[Callable[[Any], BaseException | None]], None]:
    """fail_extraction(when): the extraction of an article raises `when(article)` where that is an exception
    (a fault in the first stage, as a bug in the extractor would be); the other articles extract as usual."""
    from analysis.extract import pipeline

    def fail(when: Callable[[Any], BaseException | None]) -> None:
        (name, first), *rest = pipeline.STAGES

        def stage(doc: Any) -> None:
            exc = when(doc.article)
            if exc is not None:
                raise exc
            first(doc)

        monkeypatch.setattr(pipeline, "STAGES", ((name, stage), *rest))

    return fail
