"""JSONL output and input (analysis.io.files): atomic writes, clear output errors, line-numbered input errors."""

from __future__ import annotations

import errno
import io
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from analysis.errors import InputError, OutputError
from analysis.io.files import atomic_writer, iter_jsonl, read_jsonl, write_jsonl

RECORDS = [{"id": "a", "places": [{"text": "Pyongyang’s", "name": "Pyongyang"}]}, {"id": "b", "places": []}]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_write_jsonl_writes_utf8_lines_that_read_back(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert write_jsonl(RECORDS, out) == 2
    raw = out.read_bytes()
    assert "Pyongyang’s".encode() in raw  # not \u2019 escapes
    assert list(read_jsonl(out)) == RECORDS
    assert _leftovers(tmp_path) == []


def _failing(n: int, exc: BaseException) -> Any:
    def records() -> Any:
        for i in range(n):
            yield {"id": str(i)}
        raise exc
    return records()


@pytest.mark.parametrize("exc", [RuntimeError("bug"), KeyboardInterrupt(), InputError("bad", source="x")])
def test_an_interrupted_write_leaves_no_output_and_no_temporary_file(tmp_path: Path, exc: BaseException) -> None:
    out = tmp_path / "out.jsonl"
    with pytest.raises(type(exc)):
        write_jsonl(_failing(3, exc), out)
    assert not out.exists()
    assert _leftovers(tmp_path) == []


def test_an_interrupted_write_keeps_the_previous_output_intact(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    write_jsonl(RECORDS, out)
    before = out.read_bytes()
    with pytest.raises(KeyboardInterrupt):
        write_jsonl(_failing(5, KeyboardInterrupt()), out)
    assert out.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_output_in_a_missing_folder_is_an_output_error_naming_it(tmp_path: Path) -> None:
    out = tmp_path / "nope" / "out.jsonl"
    with pytest.raises(OutputError, match=r"out\.jsonl: folder .*nope does not exist; create it"):
        write_jsonl(RECORDS, out)


def test_output_that_is_a_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a folder; give a file name"):
        write_jsonl(RECORDS, tmp_path)


def test_output_in_an_unwritable_folder_is_an_output_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # tests run as root, for whom chmod 000 changes nothing: simulate the refusal
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError, match=r"out\.jsonl: cannot write in .* \(Permission denied\); choose a writable"):
        write_jsonl(RECORDS, tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()


def test_a_full_disk_is_an_output_error_and_leaves_nothing_behind(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with pytest.raises(OutputError, match=r"out\.jsonl: cannot write \(No space left on device\)"):
        with atomic_writer(out) as fh:
            fh.write("{}\n")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert not out.exists() and _leftovers(tmp_path) == []


def test_dash_writes_utf8_to_standard_output_whatever_its_encoding(monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    latin = io.TextIOWrapper(buffer, encoding="latin-1")
    monkeypatch.setattr(sys, "stdout", latin)
    assert write_jsonl(RECORDS, "-") == 2
    latin.flush()
    lines = buffer.getvalue().decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == RECORDS


def test_dash_in_binary_mode_writes_bytes_to_standard_output(monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer, encoding="utf-8"))
    with atomic_writer("-", mode="wb") as fh:
        fh.write(b'{"id": "a"}\n')
    assert buffer.getvalue() == b'{"id": "a"}\n'


def test_strings_that_are_not_valid_unicode_are_escaped_not_fatal(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    records = [{"id": "ok"}, {"id": "bad", "title": "\ud800"}, {"id": "after"}]
    assert write_jsonl(records, out) == 3
    assert [r["id"] for r in read_jsonl(out)] == ["ok", "bad", "after"]


def test_read_jsonl_reports_the_line_number_of_a_malformed_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a"}\n\n{oops\n{"id": "b"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"in\.jsonl:3: malformed JSON .*; fix or remove the line"):
        list(read_jsonl(path))


def test_iter_jsonl_skips_bad_lines_when_asked_and_keeps_the_good(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a"}\n{oops\n[1, 2]\n{"id": "caf\xe9"}\n' + b"[" * 50_000
                     + b'\n{"id": "b"}\n')
    errors: list[InputError] = []
    got = list(iter_jsonl(path, on_error=errors.append))
    assert got == [(1, {"id": "a"}), (6, {"id": "b"})]
    assert [(e.line, str(e).split(": ", 1)[1].split(" (")[0]) for e in errors] == [
        (2, "malformed JSON"), (3, "line is not a JSON object; write one {...} object per line"),
        (4, "not UTF-8"), (5, "unreadable JSON")]


def test_read_jsonl_of_a_missing_file_or_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="missing.jsonl: file not found; check the path"):
        list(read_jsonl(tmp_path / "missing.jsonl"))
    with pytest.raises(InputError, match="is a folder"):
        list(read_jsonl(tmp_path))
