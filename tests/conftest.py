"""Shared fixtures: the bundled article and an in-process `georel` runner."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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
