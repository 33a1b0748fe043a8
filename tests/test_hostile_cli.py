"""Hostile paths, outputs and signals through `georel`: devices and pipes are written in place, odd
names and folders cost only themselves, messages stay on one line, SIGTERM and SIGKILL leave nothing
running."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

Georel = Any  # the `georel` fixture of conftest.py

GOOD = "Kim left Pyongyang for Vladivostok."
ROOT = Path(__file__).resolve().parents[1]


def one_line_messages(err: str) -> list[str]:
    assert "Traceback" not in err and "\x1b" not in err
    lines = err.splitlines()
    assert all(line.startswith("georel: ") for line in lines), err
    return lines


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["extract", "resolve"])
def test_a_fifo_output_is_written_in_place_never_replaced(georel: Georel, tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": GOOD, "toponyms": []}) + "\n", encoding="utf-8")
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = georel(command, source, "-o", fifo)
    reader.join(10)
    assert result.code == 0, result.err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert [json.loads(line)["id"] for line in got[0].decode().splitlines()] == ["a"]
    assert not list(tmp_path.glob(".*"))  # no work folder, no temporary file beside the pipe


def test_a_path_that_cannot_be_looked_at_costs_only_itself(georel: Georel, tmp_path: Path, good: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = georel("extract", good, tmp_path / ("a" * 300 + ".txt"), "-o", out)
    lines = one_line_messages(result.err)
    assert result.code == 2
    assert any("File name too long" in line or "cannot look at" in line for line in lines)
    assert len(out.read_text().splitlines()) == 1


def test_an_unreadable_subfolder_is_reported(georel: Georel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "locked" / "x.txt").write_text(GOOD)
    (corpus / "a.txt").write_text(GOOD)
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if not isinstance(path, int) and os.fspath(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out.jsonl"
    result = georel("extract", corpus, "-o", out)
    assert result.code == 2
    assert any("locked: folder cannot be read" in line for line in one_line_messages(result.err))
    assert len(out.read_text().splitlines()) == 1


def test_an_empty_argument_is_an_error_not_the_current_folder(georel: Georel, tmp_path: Path, good: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "other.txt").write_text("Putin left Moscow.")
    result = georel("extract", good, "", "-o", "out.jsonl")
    assert result.code == 2
    assert any("empty file name" in line for line in one_line_messages(result.err))
    assert [json.loads(line)["id"] for line in Path("out.jsonl").read_text().splitlines()] == ["good"]


def test_file_names_with_newlines_and_escapes_stay_on_one_line(georel: Georel, tmp_path: Path) -> None:
    bad = tmp_path / "evil\n\x1b[31mred\u2028.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    result = georel("extract", bad, "-o", tmp_path / "out.jsonl")
    lines = one_line_messages(result.err)
    assert result.code == 2
    assert any("evil\\n\\u001b[31mred\\u2028.txt: this is a PNG image" in line for line in lines)


@pytest.mark.parametrize("resume", [False, True])
def test_a_temporary_file_left_by_a_killed_join_is_removed(georel: Georel, tmp_path: Path, good: Path,
                                                           resume: bool) -> None:
    stale = [tmp_path / ".out.jsonl.k3j_9x2a.part", tmp_path / ".out.errors.jsonl.ab12cd34.part"]
    for path in stale:
        path.write_text("half a record")
    result = georel("extract", good, "-o", tmp_path / "out.jsonl", *(["--resume"] if resume else []))
    assert result.code == 0, result.err
    assert not any(p.exists() for p in stale)


def test_jobs_are_capped_at_the_cores_unless_forced(georel: Georel, good: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import analysis.corpus.engines
    import analysis.corpus.run

    asked: list[int | None] = []
    real = analysis.corpus.run.extract_corpus

    def extract_corpus(*args: Any, jobs: int | None = None, **kwargs: Any) -> Any:
        asked.append(jobs)
        return real(*args, jobs=1, **kwargs)

    monkeypatch.setattr(analysis.corpus.engines, "available_cores", lambda: 2)
    monkeypatch.setattr(analysis.corpus.run, "extract_corpus", extract_corpus)
    result = georel("extract", good, "-o", tmp_path / "out.jsonl", "--jobs", "32")
    assert any("--jobs 32 is more than the 2 core(s)" in line for line in one_line_messages(result.err))
    georel("extract", good, "-o", tmp_path / "out.jsonl", "--jobs", "32", "--force-jobs")
    assert asked == [2, 32]


def _start_corpus_run(tmp_path: Path) -> tuple[subprocess.Popen[bytes], Path]:
    text = (ROOT / "data/articles/2023-09-11-kim-putin-summit.txt").read_text(encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": str(i), "text": text}) + "\n" for i in range(4000)))
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "analysis.cli", "extract", str(corpus), "-o", str(out),
                             "--jobs", "2", "--chunk-size", "20"], cwd=ROOT,
                            stderr=subprocess.PIPE, start_new_session=True)
    manifest = tmp_path / ".out.jsonl.georel-work" / "manifest.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # workers run once a chunk is done
        if manifest.exists() and len(manifest.read_text().splitlines()) >= 2:
            break
        time.sleep(0.1)
    return proc, out


def _group_gone(pgid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def test_sigterm_stops_a_run_like_ctrl_c_with_status_143(tmp_path: Path) -> None:
    proc, out = _start_corpus_run(tmp_path)
    try:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 143
        lines = one_line_messages(err.decode())
        assert lines[-1].startswith("georel: terminated; the finished chunks are kept")
        assert _group_gone(proc.pid, 10) and not out.exists()
    finally:
        if not _group_gone(proc.pid, 0.1):
            os.killpg(proc.pid, signal.SIGKILL)


def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    proc, _ = _start_corpus_run(tmp_path)
    try:
        proc.kill()
        proc.wait(10)
        assert _group_gone(proc.pid, 10), "worker processes outlived their parent"
    finally:
        if not _group_gone(proc.pid, 0.1):
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["extract", "resolve"])
def test_a_full_device_is_one_line_without_resume_advice(georel: Georel, tmp_path: Path, command: str) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": GOOD}) + "\n", encoding="utf-8")
    result = georel(command, source, "-o", "/dev/full")
    assert result.code == 2
    assert one_line_messages(result.err)[-1] == ("georel: error: /dev/full: cannot write (No space left on device); "
                                                 + ("free some space or " if command == "extract" else "")
                                                 + "choose another output path")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
