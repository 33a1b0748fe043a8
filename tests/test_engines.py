"""Running the extraction of chunks (analysis.corpus.engines): bad articles listed, a process pool and a Dask
cluster writing the same output as one process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from analysis.corpus.run import CorpusRun


def test_a_failing_article_is_listed_and_the_rest_continue(
        inputs: Path, tmp_path: Path, fail_extraction: Callable[..., None],
        run_corpus: Callable[..., CorpusRun]) -> None:
    fail_extraction(lambda article: ValueError("boom") if article.id == "j7" else None)
    run = run_corpus(inputs / "a.jsonl", tmp_path / "out.jsonl")
    assert (run.articles, run.records, run.errors) == (14, 13, 4)
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert {"line": 9, "id": "j7", "stage": "extract"}.items() <= errors[1].items() and "boom" in errors[1]["reason"]


def test_two_processes_write_the_same_output_as_one(
        inputs: Path, tmp_path: Path, run_corpus: Callable[..., CorpusRun]) -> None:
    run_corpus(inputs, tmp_path / "one.jsonl")
    run_corpus(inputs, tmp_path / "two.jsonl", jobs=2, chunk_size=2)
    assert (tmp_path / "two.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()
    assert (tmp_path / "two.errors.jsonl").read_bytes() == (tmp_path / "one.errors.jsonl").read_bytes()


def test_dask_engine_writes_the_same_output(
        inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_corpus: Callable[..., CorpusRun],
        interrupt_at: Callable[[int], list[int]]) -> None:
    distributed = pytest.importorskip("distributed")
    run_corpus(inputs, tmp_path / "local.jsonl")
    interrupt_at(2)
    with pytest.raises(KeyboardInterrupt):
        run_corpus(inputs, tmp_path / "resumed.jsonl")
    monkeypatch.undo()
    cluster_options = {"n_workers": 2, "threads_per_worker": 1, "processes": False, "dashboard_address": None}
    with distributed.LocalCluster(**cluster_options) as cluster, distributed.Client(cluster) as client:
        run = run_corpus(inputs, tmp_path / "dask.jsonl", engine="dask", scheduler=client, chunk_size=2)
        assert (run.records, run.errors) == (21, 3)
        run_corpus(inputs, tmp_path / "resumed.jsonl", engine="dask", scheduler=cluster.scheduler_address, resume=True)
    local = (tmp_path / "local.jsonl").read_text().splitlines()
    assert sorted((tmp_path / "dask.jsonl").read_text().splitlines()) == sorted(local)
    assert (tmp_path / "dask.jsonl").read_text().splitlines() == local  # and even in the same order
    assert (tmp_path / "resumed.jsonl").read_text().splitlines() == local
    assert (tmp_path / "dask.errors.jsonl").read_bytes() == (tmp_path / "local.errors.jsonl").read_bytes()


def test_warm_module_loads_the_gazetteer_and_every_lexicon(tmp_path: Path) -> None:
    """The fork server imports analysis.extract.warm so workers start with the reference data in memory."""
    code = (
        "import analysis.extract.warm, analysis.extract.gazetteer as g, analysis._resources as r\n"
        "fs = r.compiled_loaders()\n"
        "print(len(fs), g.load_gazetteer.cache_info().currsize, sum(f.cache_info().currsize for f in fs))\n"
    )
    env = {**os.environ, "GEOREL_CACHE_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    loaders, gazetteer, loaded = map(int, out.split())
    assert loaders >= 6 and gazetteer == 1 and loaded == loaders
