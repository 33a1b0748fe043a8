"""Corpus-scale extraction (analysis.corpus): streaming reader, parallel and Dask engines, resumption,
Parquet tables, and the `georel extract` command on top of them."""

from __future__ import annotations

import io
import json
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from analysis import corpus
from analysis.articles import Article, iter_articles
from analysis.cli import main
from analysis.corpus import BadRecord, Located, extract_corpus, iter_items, records_to_tables, work_folder
from analysis.errors import GeorelError, InputError
from analysis.pipeline import extract_record

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
def inputs(tmp_path: Path) -> Path:
    """A folder with JSONL (some bad lines), CSV and .txt articles: 21 articles, 3 bad records."""
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [json.dumps({"id": f"j{i}", "text": _text(i), "date": "2023-09-1" + str(i % 10)}) for i in range(14)]
    lines[4:4] = ["{not json"]
    lines[9:9] = [json.dumps({"id": "no-text"})]
    lines[12:12] = ["", json.dumps({"id": "bad-date", "text": "Kim went to Moscow.", "date": "2023-02-30"})]
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = "".join(f'c{i},"{_text(i + 3)}",2023-10-0{i + 1}\n' for i in range(5))
    (folder / "b.csv").write_text("id,text,date\n" + rows, encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "c.txt").write_text("date 2023-09-11\n" + _text(5), encoding="utf-8")
    (folder / "sub" / "d.txt").write_text(_text(6), encoding="utf-8")
    return folder


def _run(src: Path | list[str], out: Path, **kwargs: Any) -> corpus.CorpusRun:
    return extract_corpus([str(src)] if isinstance(src, Path) else src, out, **{"jobs": 1, "chunk_size": 3, **kwargs})


def test_reader_streams_the_same_articles_and_errors_as_iter_articles(inputs: Path, tmp_path: Path) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes("id,text\nl1,Caf\xe9 owners in Montr\xe9al protested.\n".encode("cp1252"))
    more = tmp_path / "more"
    more.mkdir()
    (more / "x.tsv").write_text(f"id\ttext\nj1\t{SENTENCES[1]}\n\t\nt2\ttoo\tmany\n", encoding="utf-8")
    (more / "y.html").write_text(f"<html><title>T</title><body><p>{SENTENCES[2]}</p></body></html>")
    (more / "z.json").write_text(json.dumps([{"id": "j2", "text": SENTENCES[3]}, {"text": 5}]))
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
    # CSV rows streamed with their lines; .txt articles and the cp1252 file (read whole) without
    assert [x.line for x in located if x.source.endswith((".txt", ".csv"))] == [2, 3, 4, 5, 6, None, None, None]


def test_reader_streams_jsonl_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "\n" + json.dumps({"id": "s1", "text": SENTENCES[0]}) + "\n{oops\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data.encode()))))
    got = list(iter_items("-"))
    assert isinstance(got[0], Located) and got[0].article == Article("s1", SENTENCES[0]) and got[0].line == 2
    assert isinstance(got[1], BadRecord) and got[1].line == 3 and got[1].source == "<stdin>"


def test_globs_are_expanded_and_a_pattern_without_match_is_a_bad_input(inputs: Path) -> None:
    got = list(corpus.expand_inputs([str(inputs / "*.jsonl"), str(inputs / "**" / "*.txt"), str(inputs / "*.xml")]))
    assert [Path(str(p)).name for p in got[:3]] == ["a.jsonl", "c.txt", "d.txt"]
    assert isinstance(got[3], BadRecord) and "no file matches" in got[3].reason


def test_output_is_the_records_of_extract_record_in_input_order(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run = _run(inputs, out)
    good = [x.article for x in iter_items(str(inputs)) if isinstance(x, Located)]
    assert out.read_text(encoding="utf-8") == "".join(json.dumps(extract_record(a), ensure_ascii=False) + "\n"
                                                      for a in good)
    assert (run.articles, run.records, run.errors, run.chunks) == (21, 21, 3, 8)
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert [(Path(e["source"]).name, e["line"], e["stage"]) for e in errors] == \
        [("a.jsonl", 5, "read"), ("a.jsonl", 10, "read"), ("a.jsonl", 14, "read")]
    assert all(e["reason"] for e in errors)
    assert not work_folder(out).exists()
    _run(inputs / "b.csv", out)
    assert not (tmp_path / "out.errors.jsonl").exists()  # a clean run removes the stale errors file


def test_a_failing_article_is_listed_and_the_rest_continue(inputs: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import analysis.pipeline

    real = analysis.pipeline.extract_record

    def flaky(article: Article, **kwargs: Any) -> dict[str, Any]:
        if article.id == "j7":
            raise ValueError("boom")
        return real(article, **kwargs)

    monkeypatch.setattr(analysis.pipeline, "extract_record", flaky)
    run = _run(inputs / "a.jsonl", tmp_path / "out.jsonl")
    assert (run.articles, run.records, run.errors) == (14, 13, 4)
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert {"line": 9, "id": "j7", "stage": "extract"}.items() <= errors[1].items() and "boom" in errors[1]["reason"]


def test_a_broken_extractor_stops_the_run_instead_of_listing_every_article(
        inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import analysis.pipeline

    def broken(article: Article, **kwargs: Any) -> dict[str, Any]:
        raise TypeError("missing 1 required positional argument")

    monkeypatch.setattr(analysis.pipeline, "extract_record", broken)
    with pytest.raises(GeorelError, match="every article of a chunk.*--resume"):
        _run(inputs, tmp_path / "out.jsonl", chunk_size=30)
    assert work_folder(tmp_path / "out.jsonl").is_dir() and not (tmp_path / "out.jsonl").exists()


def test_two_processes_write_the_same_output_as_one(inputs: Path, tmp_path: Path) -> None:
    _run(inputs, tmp_path / "one.jsonl")
    _run(inputs, tmp_path / "two.jsonl", jobs=2, chunk_size=2)
    assert (tmp_path / "two.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()
    assert (tmp_path / "two.errors.jsonl").read_bytes() == (tmp_path / "one.errors.jsonl").read_bytes()


def _interrupt_at(monkeypatch: pytest.MonkeyPatch, stop: int) -> list[int]:
    real = corpus.extract_chunk
    seen: list[int] = []

    def chunk(index: int, items: Any, fmt: str = "jsonl") -> corpus.ChunkResult:
        if index == stop:
            raise KeyboardInterrupt
        seen.append(index)
        return real(index, items, fmt)

    monkeypatch.setattr(corpus, "extract_chunk", chunk)
    return seen


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_an_interrupted_run_resumes_without_redoing_losing_or_duplicating(
        inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    clean, out = tmp_path / "clean", tmp_path / "out"
    _run(inputs, clean, format=fmt)
    _interrupt_at(monkeypatch, 3)
    with pytest.raises(KeyboardInterrupt):
        _run(inputs, out, format=fmt)
    assert not out.exists() and work_folder(out).is_dir()
    monkeypatch.undo()
    _interrupt_at(monkeypatch, 5)
    with pytest.raises(KeyboardInterrupt):  # interrupted again, after redoing nothing
        _run(inputs, out, format=fmt, resume=True)
    monkeypatch.undo()
    seen = _interrupt_at(monkeypatch, -1)
    run = _run(inputs, out, format=fmt, resume=True)
    assert seen == [5, 6, 7] and (run.resumed_chunks, run.resumed_articles) == (5, 12)
    assert (run.articles, run.records, run.errors) == (21, 21, 3)
    assert not work_folder(out).exists()
    if fmt == "jsonl":
        assert out.read_bytes() == clean.read_bytes()
        assert (tmp_path / "out.errors.jsonl").read_bytes() == (tmp_path / "clean.errors.jsonl").read_bytes()
    else:
        for table in corpus.TABLES:
            assert pq.read_table(out / table).equals(pq.read_table(clean / table))
        assert (out / "errors.jsonl").read_bytes() == (clean / "errors.jsonl").read_bytes()


def test_resume_redoes_a_chunk_lost_in_the_interruption_and_refuses_changed_inputs(
        inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.jsonl"
    _run(inputs, tmp_path / "clean.jsonl")
    _interrupt_at(monkeypatch, 4)
    with pytest.raises(KeyboardInterrupt):
        _run(inputs, out)
    monkeypatch.undo()
    work = work_folder(out)
    (work / "chunk-000002.jsonl").unlink()  # as if the machine died before the file reached the disk
    with (work / corpus.MANIFEST).open("a") as fh:
        fh.write('{"chunk": 3, "artic')  # a torn manifest line
    seen = _interrupt_at(monkeypatch, -1)
    _run(inputs, out, resume=True, chunk_size=99)  # the interrupted run's chunk size wins
    assert seen == [2, 4, 5, 6, 7]
    assert out.read_bytes() == (tmp_path / "clean.jsonl").read_bytes()
    monkeypatch.undo()
    _interrupt_at(monkeypatch, 1)
    with pytest.raises(KeyboardInterrupt):
        _run(inputs, out)
    monkeypatch.undo()
    (inputs / "b.csv").write_text("id,text\nx,Kim met Putin.\n", encoding="utf-8")
    with pytest.raises(GeorelError, match="without --resume"):
        _run(inputs, out, resume=True)


def test_parquet_tables_hold_every_record(inputs: Path, tmp_path: Path) -> None:
    _run(inputs, tmp_path / "out.jsonl")
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    run = _run(inputs, tmp_path / "tables", format="parquet")
    assert run.format == "parquet" and (tmp_path / "tables" / "errors.jsonl").is_file()
    tables = {name: pq.read_table(tmp_path / "tables" / name).to_pandas() for name in corpus.TABLES}
    assert tables["articles"]["id"].tolist() == [r["id"] for r in records]
    for name in ("places", "actors", "events"):
        assert len(tables[name]) == sum(len(r[name]) for r in records) > 0
        assert set(tables[name]["article_id"]) <= set(tables["articles"]["id"])
    events = tables["events"]
    rid, first = next((r["id"], ev) for r in records for ev in r["events"] if ev["place"])
    row = events[(events["article_id"] == rid) & (events["trigger_start"] == first["trigger_start"])].iloc[0]
    assert (row["place_name"], row["place_lat"]) == (first["place"]["name"], first["place"]["lat"])
    assert json.loads(row["mentions"]) == first["mentions"]
    assert _run(inputs, tmp_path / "tables").format == "parquet"  # an existing folder means Parquet


def test_tables_keep_a_fixed_schema_and_lose_nothing() -> None:
    odd = {"id": "x", "date": None, "places": [{"start": 0, "end": 3, "geonameid": "n/a", "lat": 1, "new": [1]}],
           "actors": [], "events": [], "topic": "war"}
    tables = records_to_tables([odd])
    assert tables["places"].schema.equals(records_to_tables([])["places"].schema)
    places = tables["places"].to_pylist()[0]
    assert (places["geonameid"], places["lat"]) == (None, 1.0)
    assert json.loads(places["extra"]) == {"new": [1], "geonameid": "n/a"}
    assert json.loads(tables["articles"].to_pylist()[0]["extra"]) == {"topic": "war"}


def test_dask_engine_writes_the_same_output(inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    _run(inputs, tmp_path / "local.jsonl")
    _interrupt_at(monkeypatch, 2)
    with pytest.raises(KeyboardInterrupt):
        _run(inputs, tmp_path / "resumed.jsonl")
    monkeypatch.undo()
    cluster_options = {"n_workers": 2, "threads_per_worker": 1, "processes": False, "dashboard_address": None}
    with distributed.LocalCluster(**cluster_options) as cluster, distributed.Client(cluster) as client:
        run = _run(inputs, tmp_path / "dask.jsonl", engine="dask", scheduler=client, chunk_size=2)
        assert (run.records, run.errors) == (21, 3)
        _run(inputs, tmp_path / "resumed.jsonl", engine="dask", scheduler=cluster.scheduler_address, resume=True)
    local = (tmp_path / "local.jsonl").read_text().splitlines()
    assert sorted((tmp_path / "dask.jsonl").read_text().splitlines()) == sorted(local)
    assert (tmp_path / "dask.jsonl").read_text().splitlines() == local  # and even in the same order
    assert (tmp_path / "resumed.jsonl").read_text().splitlines() == local
    assert (tmp_path / "dask.errors.jsonl").read_bytes() == (tmp_path / "local.errors.jsonl").read_bytes()


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


def test_cli_ctrl_c_keeps_finished_chunks_for_resume(inputs: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"id": f"b{i}", "text": _text(i) * 3}) + "\n" for i in range(40)))
    out = tmp_path / "out.jsonl"
    georel = [sys.executable, "-m", "analysis.cli", "extract", str(big), "-o", str(out), "--chunk-size", "2"]
    proc = subprocess.Popen([*georel, "--jobs", "2"], stderr=subprocess.PIPE, text=True)
    manifest = work_folder(out) / corpus.MANIFEST
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
    _run(big, tmp_path / "clean.jsonl", chunk_size=50)
    assert out.read_bytes() == (tmp_path / "clean.jsonl").read_bytes()
