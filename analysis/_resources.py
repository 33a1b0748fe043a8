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
import logging
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
    import pandas as pd

__all__ = ["data_path", "read_table", "cache_dir", "compiled", "compiled_loaders", "read_cache", "store_cache"]

T = TypeVar("T")
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
    with pandas. A pickle runs code, so only files that pass `read_cache`'s owner check are read."""

    @functools.lru_cache(maxsize=1)
    @functools.wraps(loader)
    def load() -> T:
        path = cache_dir() / f"{loader.__module__}.{loader.__qualname__}-{code_and_data_hash()}.pickle"
        value = read_cache(path, _unpickle)
        if value is not None:
            return cast(T, value)
        value = loader()
        store_cache(path, lambda fh: pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL))
        return value

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
