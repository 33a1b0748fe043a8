"""The compiled cache under attack and damage: planted files never run code, damaged files are rebuilt."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from analysis._resources import read_cache
from analysis.extract.gazetteer import _read_npz

ROOT = Path(__file__).resolve().parents[1]


class _Planted:
    """Unpickling this runs a command that leaves a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.system, (f"touch {self.marker}",))


class _RaisesValueError:
    def __reduce__(self) -> tuple[Any, ...]:
        return (int, ("not a number",))


def _plant_pickle(path: Path, marker: Path) -> None:
    path.write_bytes(pickle.dumps(_Planted(marker)))


def _plant_npz(path: Path, marker: Path) -> None:
    with path.open("wb") as fh:
        np.savez(fh, rows=np.array([_Planted(marker)], dtype=object))


@pytest.mark.parametrize("plant,read", [(_plant_pickle, pickle.load), (_plant_npz, _read_npz)])
@pytest.mark.parametrize("how", ["others may write", "group may write", "another owner"])
def test_a_planted_cache_file_is_never_run(tmp_path: Path, plant: Any, read: Any, how: str) -> None:
    marker = tmp_path / "ran"
    path = tmp_path / "cache-file"
    plant(path, marker)
    if how == "another owner":
        if os.getuid() != 0:
            pytest.skip("needs root to give a file to another user")
        os.chown(path, 65534, 65534)
        path.chmod(0o600)
    else:
        path.chmod(0o666 if how == "others may write" else 0o620)
    assert read_cache(path, read) is None
    assert not marker.exists()


def test_a_cached_index_with_pickled_objects_is_not_unpickled_even_when_trusted(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = tmp_path / "gazetteer-x.npz"
    _plant_npz(path, marker)
    path.chmod(0o600)
    assert read_cache(path, _read_npz) is None
    assert not marker.exists() and not path.exists()  # removed, so the next run rebuilds it


@pytest.mark.parametrize("damage", ["empty", "truncated", "garbage", "not a zip of arrays"])
def test_a_damaged_index_is_removed_for_rebuilding(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "gazetteer-x.npz"
    with path.open("wb") as fh:
        np.savez(fh, a=np.arange(1000))
    data = path.read_bytes()
    path.write_bytes({"empty": b"", "truncated": data[: len(data) // 2], "garbage": os.urandom(4096),
                      "not a zip of arrays": b"PK\x03\x04" + b"\x00" * 100}[damage])
    path.chmod(0o600)
    assert read_cache(path, _read_npz) is None
    assert not path.exists()


def test_a_pickle_that_raises_value_error_is_removed_for_rebuilding(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.pickle"
    path.write_bytes(pickle.dumps(_RaisesValueError()))
    path.chmod(0o600)
    assert read_cache(path, pickle.load) is None
    assert not path.exists()


def _extract(cache: Path) -> dict[str, Any]:
    code = ("import json\nfrom analysis.io.articles import article_from_text\n"
            "from analysis.extract.pipeline import extract_record\n"
            "r = extract_record(article_from_text('Kim left Pyongyang for Vladivostok to meet Putin.'))\n"
            "print(json.dumps({'places': [p['name'] for p in r['places']], 'actors': len(r['actors'])}))\n")
    env = {**os.environ, "GEOREL_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def built_cache(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    cache = tmp_path_factory.mktemp("cache")
    return cache, _extract(cache)


def test_every_damaged_cache_file_is_rebuilt_and_extraction_works(built_cache: tuple[Path, dict[str, Any]],
                                                                  tmp_path: Path) -> None:
    cache, first = built_cache
    damaged = tmp_path / "cache"
    shutil.copytree(cache, damaged)
    files = sorted(damaged.iterdir())
    assert any(p.suffix == ".npz" for p in files) and any(p.suffix == ".pickle" for p in files)
    bad = {}
    for i, path in enumerate(files):
        bad[path.name] = [b"", b"garbage" * 100, path.read_bytes()[:100], pickle.dumps(_RaisesValueError())][i % 4]
        path.write_bytes(bad[path.name])
    assert _extract(damaged) == first
    assert _extract(damaged) == first  # and the rebuilt files are good
    assert sorted(p.name for p in damaged.iterdir()) == sorted(bad)
    assert all(p.read_bytes() != bad[p.name] for p in damaged.iterdir())
