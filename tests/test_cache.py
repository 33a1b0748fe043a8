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

from analysis._resources import read_arrays, read_cache, write_arrays
from analysis.extract.gazetteer import _read_index

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


def _plant_arrays(path: Path, marker: Path) -> None:
    """An index file whose one array declares pickled objects, followed by the pickle."""
    with path.open("wb") as fh:
        write_arrays(fh, {"rows": np.zeros(1, np.int64)})
    data = path.read_bytes().replace(b'"<i8"', b'"|O" ')
    path.write_bytes(data + pickle.dumps(_Planted(marker)))


@pytest.mark.parametrize("plant,read", [(_plant_pickle, pickle.load), (_plant_arrays, _read_index)])
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
    path = tmp_path / "gazetteer-x.arrays"
    _plant_arrays(path, marker)
    path.chmod(0o600)
    assert read_cache(path, _read_index) is None
    assert not marker.exists() and not path.exists()  # removed, so the next run rebuilds it


@pytest.mark.parametrize("damage", ["empty", "truncated", "garbage", "an npz archive", "a cut header"])
def test_a_damaged_index_is_removed_for_rebuilding(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "gazetteer-x.arrays"
    with path.open("wb") as fh:
        write_arrays(fh, {"a": np.arange(1000)})
    data = path.read_bytes()
    path.write_bytes({"empty": b"", "truncated": data[: len(data) // 2], "garbage": os.urandom(4096),
                      "an npz archive": b"PK\x03\x04" + b"\x00" * 100, "a cut header": data[:40]}[damage])
    path.chmod(0o600)
    assert read_cache(path, _read_index) is None
    assert not path.exists()


def test_arrays_files_keep_names_dtypes_shapes_and_values(tmp_path: Path) -> None:
    arrays = {"ids": np.array([3, 1, 2], np.int64), "empty": np.zeros(0, np.int32),
              "grid": np.arange(12, dtype=np.float64).reshape(3, 4), "codes": np.array(["KEN", "SOM"]),
              "keys": np.array([b"nairobi", b"mogadishu"]), "flags": np.array([True, False, True])}
    path = tmp_path / "x.arrays"
    with path.open("wb") as fh:
        write_arrays(fh, arrays)
    with path.open("rb") as fh:
        back = read_arrays(fh)
    assert list(back) == list(arrays)
    for name, arr in arrays.items():
        assert back[name].dtype == arr.dtype and back[name].shape == arr.shape
        np.testing.assert_array_equal(back[name], arr)
        assert not back[name].flags.writeable  # a view of the mapped file, never written through


def test_arrays_of_objects_are_never_written(tmp_path: Path) -> None:
    with (tmp_path / "x.arrays").open("wb") as fh, pytest.raises(TypeError, match="not a plain one"):
        write_arrays(fh, {"rows": np.array([object()], dtype=object)})


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
    assert any(p.suffix == ".arrays" for p in files) and any(p.suffix == ".pickle" for p in files)
    bad = {}
    for i, path in enumerate(files):
        bad[path.name] = [b"", b"garbage" * 100, path.read_bytes()[:100], pickle.dumps(_RaisesValueError())][i % 4]
        path.write_bytes(bad[path.name])
    assert _extract(damaged) == first
    assert _extract(damaged) == first  # and the rebuilt files are good
    assert sorted(p.name for p in damaged.iterdir()) == sorted(bad)
    assert all(p.read_bytes() != bad[p.name] for p in damaged.iterdir())
