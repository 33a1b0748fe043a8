"""Writing chunk results and resuming (analysis.corpus.sinks): an interrupted run resumes without redoing, losing
or duplicating chunks, and refuses changed inputs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from analysis.corpus.run import CorpusRun
from analysis.corpus.sinks import MANIFEST, work_folder
from analysis.corpus.tables import TABLES
from analysis.errors import GeorelError


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_an_interrupted_run_resumes_without_redoing_losing_or_duplicating(
        inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, run_corpus: Callable[..., CorpusRun],
        interrupt_at: Callable[[int], list[int]]) -> None:
    clean, out = tmp_path / "clean", tmp_path / "out"
    run_corpus(inputs, clean, format=fmt)
    interrupt_at(3)
    with pytest.raises(KeyboardInterrupt):
        run_corpus(inputs, out, format=fmt)
    assert not out.exists() and work_folder(out).is_dir()
    monkeypatch.undo()
    interrupt_at(5)
    with pytest.raises(KeyboardInterrupt):  # interrupted again, after redoing nothing
        run_corpus(inputs, out, format=fmt, resume=True)
    monkeypatch.undo()
    seen = interrupt_at(-1)
    run = run_corpus(inputs, out, format=fmt, resume=True)
    assert seen == [5, 6, 7] and (run.resumed_chunks, run.resumed_articles) == (5, 12)
    assert (run.articles, run.records, run.errors) == (21, 21, 3)
    assert not work_folder(out).exists()
    if fmt == "jsonl":
        assert out.read_bytes() == clean.read_bytes()
        assert (tmp_path / "out.errors.jsonl").read_bytes() == (tmp_path / "clean.errors.jsonl").read_bytes()
    else:
        for table in TABLES:
            assert pq.read_table(out / table).equals(pq.read_table(clean / table))
        assert (out / "errors.jsonl").read_bytes() == (clean / "errors.jsonl").read_bytes()


def test_resume_redoes_a_chunk_lost_in_the_interruption_and_refuses_changed_inputs(
        inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_corpus: Callable[..., CorpusRun],
        interrupt_at: Callable[[int], list[int]]) -> None:
    out = tmp_path / "out.jsonl"
    run_corpus(inputs, tmp_path / "clean.jsonl")
    interrupt_at(4)
    with pytest.raises(KeyboardInterrupt):
        run_corpus(inputs, out)
    monkeypatch.undo()
    work = work_folder(out)
    (work / "chunk-000002.jsonl").unlink()  # as if the machine died before the file reached the disk
    with (work / MANIFEST).open("a") as fh:
        fh.write('{"chunk": 3, "artic')  # a torn manifest line
    seen = interrupt_at(-1)
    run_corpus(inputs, out, resume=True, chunk_size=99)  # the interrupted run's chunk size wins
    assert seen == [2, 4, 5, 6, 7]
    assert out.read_bytes() == (tmp_path / "clean.jsonl").read_bytes()
    monkeypatch.undo()
    interrupt_at(1)
    with pytest.raises(KeyboardInterrupt):
        run_corpus(inputs, out)
    monkeypatch.undo()
    (inputs / "b.csv").write_text("id,text\nx,Kim met Putin.\n", encoding="utf-8")
    with pytest.raises(GeorelError, match="without --resume"):
        run_corpus(inputs, out, resume=True)
