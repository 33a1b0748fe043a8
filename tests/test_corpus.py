"""Corpus-scale extraction (analysis.corpus.run): the output and errors file of a run, a broken extractor,
Parquet tables, and the `georel extract` command on top of them."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from analysis.cli import main
from analysis.corpus.run import CorpusRun
from analysis.corpus.sinks import MANIFEST, work_folder
from analysis.corpus.tables import TABLES
from analysis.errors import GeorelError
from analysis.extract.pipeline import extract_record
from analysis.io.sources import Located, iter_items


def test_output_is_the_records_of_extract_record_in_input_order(
        inputs: Path, tmp_path: Path, run_corpus: Callable[..., CorpusRun]) -> None:
    out = tmp_path / "out.jsonl"
    run = run_corpus(inputs, out)
    good = [x.article for x in iter_items(str(inputs)) if isinstance(x, Located)]
    assert out.read_text(encoding="utf-8") == "".join(json.dumps(extract_record(a), ensure_ascii=False) + "\n"
                                                      for a in good)
    assert (run.articles, run.records, run.errors, run.chunks) == (21, 21, 3, 8)
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert [(Path(e["source"]).name, e["line"], e["stage"]) for e in errors] == \
        [("a.jsonl", 5, "read"), ("a.jsonl", 10, "read"), ("a.jsonl", 14, "read")]
    assert all(e["reason"] for e in errors)
    assert not work_folder(out).exists()
    run_corpus(inputs / "b.csv", out)
    assert not (tmp_path / "out.errors.jsonl").exists()  # a clean run removes the stale errors file


def test_a_broken_extractor_stops_the_run_instead_of_listing_every_article(
        inputs: Path, tmp_path: Path, fail_extraction: Callable[..., None],
        run_corpus: Callable[..., CorpusRun]) -> None:
    fail_extraction(lambda article: TypeError("missing 1 required positional argument"))
    with pytest.raises(GeorelError, match="every article of a chunk.*--resume"):
        run_corpus(inputs, tmp_path / "out.jsonl", chunk_size=30)
    assert work_folder(tmp_path / "out.jsonl").is_dir() and not (tmp_path / "out.jsonl").exists()


def test_parquet_tables_hold_every_record(inputs: Path, tmp_path: Path, run_corpus: Callable[..., CorpusRun]) -> None:
    run_corpus(inputs, tmp_path / "out.jsonl")
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    run = run_corpus(inputs, tmp_path / "tables", format="parquet")
    assert run.format == "parquet" and (tmp_path / "tables" / "errors.jsonl").is_file()
    tables = {name: pq.read_table(tmp_path / "tables" / name).to_pandas() for name in TABLES}
    assert tables["articles"]["id"].tolist() == [r["id"] for r in records]
    for name in ("places", "actors", "events"):
        assert len(tables[name]) == sum(len(r[name]) for r in records) > 0
        assert set(tables[name]["article_id"]) <= set(tables["articles"]["id"])
    events = tables["events"]
    rid, first = next((r["id"], ev) for r in records for ev in r["events"] if ev["place"])
    row = events[(events["article_id"] == rid) & (events["trigger_start"] == first["trigger_start"])].iloc[0]
    assert (row["place_name"], row["place_lat"]) == (first["place"]["name"], first["place"]["lat"])
    assert json.loads(row["mentions"]) == first["mentions"]
    assert run_corpus(inputs, tmp_path / "tables").format == "parquet"  # an existing folder means Parquet


def test_cli_extract_lists_bad_inputs_writes_the_good_ones_and_exits_2(
        inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(inputs / "*.jsonl"), str(inputs / "b.csv"), "-o", str(out), "-j", "1",
                 "--chunk-size", "4"]) == 2
    err = capsys.readouterr().err
    assert err.count("georel: skipped:") == 3 and "a.jsonl:5: malformed JSON" in err
    assert "wrote 19 record(s)" in err and "out.errors.jsonl" in err
    assert len(out.read_text().splitlines()) == 19
    assert main(["extract", str(inputs / "b.csv"), "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == [f"c{i}" for i in range(5)]
    assert main(["extract", str(inputs / "b.csv"), "-o", "-", "--resume"]) == 2
    assert "standard output" in capsys.readouterr().err
    assert main(["extract", str(inputs / "b.csv"), "-o", str(out), "--progress"]) == 0
    assert "articles/s" in capsys.readouterr().err  # the progress bar, asked for although stderr is no TTY


def test_cli_ctrl_c_keeps_finished_chunks_for_resume(
        inputs: Path, tmp_path: Path, run_corpus: Callable[..., CorpusRun], article_text: Callable[[int], str]) -> None:
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"id": f"b{i}", "text": article_text(i) * 3}) + "\n" for i in range(40)))
    out = tmp_path / "out.jsonl"
    georel = [sys.executable, "-m", "analysis.cli", "extract", str(big), "-o", str(out), "--chunk-size", "2"]
    proc = subprocess.Popen([*georel, "--jobs", "2"], stderr=subprocess.PIPE, text=True)
    manifest = work_folder(out) / MANIFEST
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if manifest.is_file() and len(manifest.read_text().splitlines()) >= 2:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the run finished before it could be interrupted")
    assert proc.returncode == 130 and "--resume" in err and "Traceback" not in err
    assert not out.exists()
    resumed = subprocess.run([*georel, "--jobs", "1", "--resume"], capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0 and "done before the interruption" in resumed.stderr
    run_corpus(big, tmp_path / "clean.jsonl", chunk_size=50)
    assert out.read_bytes() == (tmp_path / "clean.jsonl").read_bytes()
