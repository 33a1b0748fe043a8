"""Bundled reference files and the compiled cache (internal).

`data_path` and `read_table` read the tables in `analysis/data`. `compiled` caches what a loader
compiles from them in the process and in a cache folder (`$GEOREL_CACHE_DIR`, else
`$XDG_CACHE_HOME/georelations`, else `~/.cache/georelations`), keyed by the package's code and data.
A cache file is read only when this user owns it and nobody else may write it; a damaged or stale
file is rebuilt, never fatal.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import logging
import mmap
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar, cast

from analysis.errors import ReferenceDataError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["data_path", "read_table", "cache_dir", "compiled", "compiled_loaders", "read_cache", "store_cache",
           "write_arrays", "read_arrays"]

T = TypeVar("T")
_ARRAYS_MAGIC = b"georelations arrays 1\n"
_ALIGN = 64
_PLAIN_KINDS = "biufSU"  # booleans, numbers, bytes and text: never objects
log = logging.getLogger(__name__)
_COMPILED: list[Callable[[], Any]] = []  # every loader decorated with `compiled`, in import order


def data_path(name: str) -> Path:
    """The path of a bundled reference file in `analysis/data`."""
    path = Path(str(resources.files("analysis") / "data" / name))
    if not path.exists():
        raise ReferenceDataError(f"reference file {name} is missing from {path.parent}; reinstall georelations")
    return path


def read_table(name: str, **kwargs: Any) -> pd.DataFrame:
    """Read a bundled TSV table (comment lines start with '#')."""
    import pandas as pd

    return pd.read_csv(data_path(name), sep="\t", comment="#", keep_default_na=False, **kwargs)


def cache_dir() -> Path:
    """Where compiled indexes and lexicons are cached."""
    env = os.environ.get("GEOREL_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "georelations"


@functools.lru_cache(maxsize=1)
def code_and_data_hash() -> str:
    """A hash of the package's modules and the bundled tables (sizes and times of change)."""
    h = hashlib.sha256(sys.version.encode())
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), *(package / "data").iterdir()]):
        st = path.stat()
        h.update(f"{path.relative_to(package)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def _trusted(fd: int) -> bool:
    """Whether an open file is a regular file of this user that only this user may write (owners are
    not checked where the system has none)."""
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or (st.st_uid == getuid() and not st.st_mode & 0o022)


def read_cache(path: Path, read: Callable[[IO[bytes]], T]) -> T | None:
    """Read a cache file with `read`, or None when it is missing, foreign, writable by others or damaged
    (a damaged file is removed, so the next run rebuilds it)."""
    try:
        fh = path.open("rb")
    except OSError:
        return None
    with fh:
        if not _trusted(fh.fileno()):
            log.warning("ignoring cache file %s: not this user's own, or writable by others", path)
            return None
        try:
            return read(fh)
        except Exception as exc:  # noqa: BLE001 - any damage means: rebuild
            log.warning("rebuilding damaged cache file %s (%s)", path, type(exc).__name__)
    path.unlink(missing_ok=True)
    return None


def store_cache(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Write a cache file atomically (mode 0600) and remove the files it replaces (same name before the
    last '-', compiled from an earlier version of the code or data). A read-only cache folder is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=path.suffix, delete=False) as tmp:
            write(tmp)
        os.replace(tmp.name, path)
        for old in path.parent.glob(f"{path.stem.rsplit('-', 1)[0]}-*{path.suffix}"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def compiled(loader: Callable[[], T]) -> Callable[[], T]:
    """Cache what a loader compiles from the bundled tables (a lexicon, a pattern) in the process and
    in the cache folder, so that later processes read it in milliseconds instead of parsing the tables
    with pandas. The value and everything made before it are then left out of the garbage collector's
    generations (`gc.freeze`): it is hundreds of thousands of objects that live as long as the process,
    which every full collection would otherwise traverse again. A pickle runs code, so only files that
    pass `read_cache`'s owner check are read."""

    @functools.lru_cache(maxsize=1)
    @functools.wraps(loader)
    def load() -> T:
        path = cache_dir() / f"{loader.__module__}.{loader.__qualname__}-{code_and_data_hash()}.pickle"
        value = read_cache(path, _unpickle)
        if value is None:
            value = loader()
            store_cache(path, lambda fh: pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL))
        gc.freeze()  # it lives as long as the process: later collections need not traverse it again
        return cast(T, value)

    _COMPILED.append(load)
    return load


def _unpickle(fh: IO[bytes]) -> Any:
    """A compiled lexicon from its pickle, with the cyclic garbage collector paused: the lexicons are
    hundreds of thousands of small objects, and collections triggered while they are created would
    traverse them again and again (several times the load time) for no garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(fh)
    finally:
        if enabled:
            gc.enable()


def compiled_loaders() -> list[Callable[[], Any]]:
    """Every loader decorated with `compiled` so far (for warming a worker)."""
    return list(_COMPILED)


def write_arrays(fh: IO[bytes], arrays: dict[str, np.ndarray]) -> None:
    """Write named arrays of plain dtypes to one file that `read_arrays` maps without copying: a JSON
    header (name -> dtype, shape, offset) and the raw data, each array aligned to 64 bytes."""
    import numpy as np

    header: dict[str, list[Any]] = {}
    offset = 0
    for name, arr in arrays.items():
        if arr.dtype.kind not in _PLAIN_KINDS:
            raise TypeError(f"array {name!r} has dtype {arr.dtype}, not a plain one")
        header[name] = [arr.dtype.str, list(arr.shape), offset]
        offset += -(-arr.nbytes // _ALIGN) * _ALIGN
    head = json.dumps(header).encode()
    start = -(-(len(_ARRAYS_MAGIC) + 8 + len(head)) // _ALIGN) * _ALIGN
    fh.write(_ARRAYS_MAGIC + len(head).to_bytes(8, "little") + head)
    fh.write(b"\0" * (start - len(_ARRAYS_MAGIC) - 8 - len(head)))
    for arr in arrays.values():
        data = np.ascontiguousarray(arr).tobytes()
        fh.write(data + b"\0" * (-len(data) % _ALIGN))


def read_arrays(fh: IO[bytes]) -> dict[str, np.ndarray]:
    """The arrays of a `write_arrays` file, as read-only views of the file mapped into memory (no copy,
    no checksum pass; pages are read when used and shared between processes). Raises ValueError for a
    file that is not one, is cut short, or declares anything but plain dtypes."""
    import numpy as np

    mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    n = len(_ARRAYS_MAGIC)
    if mm[:n] != _ARRAYS_MAGIC:
        raise ValueError("not an arrays file")
    size = int.from_bytes(mm[n:n + 8], "little")
    header = json.loads(mm[n + 8:n + 8 + size])
    start = -(-(n + 8 + size) // _ALIGN) * _ALIGN
    arrays = {}
    for name, (dtype_str, shape, offset) in header.items():
        dtype = np.dtype(dtype_str)
        if dtype.kind not in _PLAIN_KINDS:
            raise ValueError(f"array {name!r} declares dtype {dtype}")
        count = int(np.prod(shape, dtype=np.int64))
        arrays[name] = np.frombuffer(mm, dtype, count, start + int(offset)).reshape(shape)
    return arrays
