"""Reading and checking extraction records (analysis.io.records)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.errors import InputError
from analysis.io import records as rec

RECORDS = Path(__file__).parent / "data" / "records_sample.jsonl"


def test_read_records_and_as_records(tmp_path: Path) -> None:
    records = rec.read_records(RECORDS)
    assert [r["id"] for r in records] == ["2023-09-11-kim-putin-summit", "2023-08-10-ecowas-niger-standby"]
    assert len(rec.as_records(RECORDS)) == 2
    assert rec.as_records(records[0]) == [records[0]]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(records[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2"):
        rec.read_records(bad)
    with pytest.raises(InputError, match="record 0"):
        rec.as_records(["not a record"])  # type: ignore[list-item]


def test_coordinate() -> None:
    assert rec.coordinate(None, 90, "lat", "here") is None
    assert rec.coordinate(float("nan"), 90, "lat", "here") is None
    assert rec.coordinate("-12.5", 180, "lon", "here") == -12.5
    with pytest.raises(InputError, match=r"places\[1\]: lat 95.0 is outside \[-90, 90\]"):
        rec.coordinate(95, 90, "lat", "places[1]")
    with pytest.raises(InputError, match="lon 'east' is not a number"):
        rec.coordinate("east", 180, "lon", "here")


def test_a_bad_line_costs_only_itself_when_errors_are_collected(tmp_path: Path) -> None:
    from analysis.corpus.selection import load_records

    good = rec.read_records(RECORDS)
    mixed = tmp_path / "mixed.jsonl"
    lines = [json.dumps(good[0]), "{not json", "[1, 2]", b"\xff\xfe".decode("latin-1"), json.dumps(good[1])]
    mixed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems: list[InputError] = []
    assert [r["id"] for r in rec.read_records(mixed, on_error=problems.append)] == [g["id"] for g in good]
    assert [p.line for p in problems] == [2, 3, 4]
    problems.clear()
    assert [r["id"] for r in load_records([mixed], on_error=problems.append)] == [g["id"] for g in good]
    assert len(problems) == 3 and all("mixed.jsonl" in str(p) for p in problems)
