"""Write and read extraction records (JSONL) safely: atomically, never half-written.

An output file appears only complete: records go to a hidden temporary file beside it
(`.NAME.XXXX.part`) that replaces the target when writing finishes; on any error or Ctrl-C the
temporary file is removed and an earlier file of the same name is left as it was. JSONL is always
UTF-8, also on standard output.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import io
import json
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from analysis.errors import InputError, OutputError

MAX_RECORD_BYTES = 32 * 2**20
"""The largest record read: one line of JSONL or CSV, one .txt/.html article (a larger one is reported)."""
MAX_WHOLE_FILE_BYTES = 256 * 2**20
"""The largest file read whole (one JSON document, or JSONL/CSV that is not UTF-8); larger ones are reported."""

_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS})


@contextlib.contextmanager
def _stdout(mode: str) -> Iterator[IO[Any]]:
    """Standard output as bytes ('b' in mode) or UTF-8 text, whatever the locale's encoding."""
    buffer = getattr(sys.stdout, "buffer", None)
    if "b" in mode:
        if buffer is None:
            raise OutputError("standard output does not take bytes here; write to a file with -o PATH")
        sys.stdout.flush()
        yield buffer
        buffer.flush()
        return
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if buffer is None or encoding == "utf8":
        yield sys.stdout
        sys.stdout.flush()
        return
    sys.stdout.flush()
    wrapper = io.TextIOWrapper(buffer, encoding="utf-8", newline="\n", write_through=True)
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()


@contextlib.contextmanager
def atomic_writer(path: str | Path, *, mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temporary file beside `path`; it replaces `path` only when the block completes.

    '-' writes to standard output. Raises OutputError (naming the path and what to do) when the folder
    is missing or not writable, the path is a folder, or the disk is full.
    """
    if str(path) == "-":
        with _stdout(mode) as fh:
            yield fh
        return
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist; create it or choose another output path")
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name for the output")
    if is_stream(target):
        with _in_place(target, mode) as fh:
            yield fh
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise OutputError(f"{target}: cannot write in {folder} ({exc.strerror}); choose a writable folder") from None
    try:
        try:
            with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
                yield fh
        except OSError as exc:
            if exc.errno in _WRITE_ERRNOS and exc.filename is None:
                raise OutputError(f"{target}: cannot write ({exc.strerror}); free some space or choose "
                                  "another output path") from None
            raise
        try:
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes owner-only files; outputs get the usual mode
            os.replace(tmp, target)
        except OSError as exc:
            raise OutputError(f"{target}: cannot replace it ({exc.strerror}); choose another output path") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def remove_stale_parts(path: str | Path) -> int:
    """Remove the temporary files an interrupted `atomic_writer` of `path` left (`.NAME.XXXXXXXX.part`,
    killed before it could clean up); return how many. Only regular files of this user are removed."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    removed = 0
    try:
        stale = list(folder.glob(f".{glob.escape(target.name)}.????????.part"))
    except OSError:
        return 0
    getuid = getattr(os, "getuid", None)
    for part in stale:
        with contextlib.suppress(OSError):
            st = part.lstat()
            if stat.S_ISREG(st.st_mode) and (getuid is None or st.st_uid == getuid()):
                part.unlink()
                removed += 1
    return removed


def is_stream(path: Path) -> bool:
    """An existing file that is neither regular nor a folder: a device, a FIFO, a shell's `>(...)`."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


@contextlib.contextmanager
def _in_place(target: Path, mode: str) -> Iterator[IO[Any]]:
    """Write a device or pipe directly: renaming a file over it would replace it (as root, /dev/null)."""
    try:
        fh = open(target, mode, encoding=None if "b" in mode else "utf-8")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror}); choose another output path") from None
    try:
        with fh:
            yield fh
    except OSError as exc:
        if exc.filename is None and exc.errno in _WRITE_ERRNOS | {errno.EPIPE}:  # a write, not a read
            raise OutputError(f"{target}: cannot write ({exc.strerror}); choose another output path") from None
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_LINE_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def dumps_record(rec: dict[str, Any]) -> str:
    """One JSONL line (with its newline). Strings that cannot be UTF-8 (lone surrogates) are escaped, and
    so are U+0085, U+2028 and U+2029, which `str.splitlines` and some JSON readers take for line ends."""
    line = json.dumps(rec, ensure_ascii=False) + "\n"
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(rec, ensure_ascii=True) + "\n"
    if "\x85" in line or "\u2028" in line or "\u2029" in line:
        line = line.translate(_LINE_BREAKS)  # inside JSON strings only: the same JSON, one line
    return line


def write_jsonl(records: Iterable[dict[str, Any]], path: str | Path) -> int:
    """Write records as JSON lines (atomically); return how many were written."""
    n = 0
    with atomic_writer(path) as fh:
        for rec in records:
            fh.write(dumps_record(rec))
            n += 1
    return n


def open_input(path: str | Path, mode: str = "rb", **kwargs: Any) -> IO[Any]:
    """Open an input file; a path that cannot be read raises InputError saying why and what to do."""
    source = str(path)
    try:
        return open(path, mode, **kwargs)  # noqa: SIM115 - the caller closes it
    except FileNotFoundError:
        raise InputError("file not found; check the path", source=source) from None
    except IsADirectoryError:
        raise InputError("is a folder; give a file", source=source) from None
    except PermissionError:
        raise InputError("permission denied; make the file readable", source=source) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", source=source) from None
    except ValueError as exc:  # 'embedded null byte' in the path
        raise InputError(f"not a usable path ({exc})", source=source) from None


def bounded_lines(fh: IO[bytes], limit: int = MAX_RECORD_BYTES) -> Iterator[bytes | None]:
    """The lines of a binary stream, one at a time; None for a line of more than `limit` bytes (read
    past in blocks, never held whole)."""
    while line := fh.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass
        yield None


def too_large(limit: int = MAX_RECORD_BYTES) -> str:
    """The reason given for a record or file over `limit` bytes."""
    return f"larger than {limit // 2**20} MB; split it (one article per record), or leave it out"


def _lines(path: str | Path) -> Iterator[bytes | None]:
    source = str(path)
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        yield from bounded_lines(stream) if stream is not None else (line.encode("utf-8") for line in sys.stdin)
        return
    with open_input(path) as fh:
        yield from bounded_lines(fh)


def iter_jsonl(
    path: str | Path, *, on_error: Callable[[InputError], None] | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each JSON object of a JSONL file ('-': standard input).

    A line that is not UTF-8, not JSON or not an object is an InputError naming the line: raised, or
    passed to `on_error` and skipped so that the other lines are still read.
    """
    source = str(path)
    for lineno, raw in enumerate(_lines(path), start=1):
        if raw is not None and not raw.strip():
            continue
        try:
            if raw is None:
                raise InputError(f"record {too_large()}", source=source, line=lineno)
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"not UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
                                 source=source, line=lineno) from None
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"malformed JSON ({exc.msg}); fix or remove the line",
                                 source=source, line=lineno) from None
            except (ValueError, RecursionError) as exc:
                raise InputError(f"unreadable JSON ({type(exc).__name__}); fix or remove the line",
                                 source=source, line=lineno) from None
            if not isinstance(rec, dict):
                raise InputError("line is not a JSON object; write one {...} object per line",
                                 source=source, line=lineno)
        except InputError as err:
            if on_error is None:
                raise
            on_error(err)
            continue
        yield lineno, rec


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """Read JSON objects, one per line; a malformed line raises InputError with its number."""
    for _, rec in iter_jsonl(path):
        yield rec
