"""Write the results of chunks: as chunk files and a manifest in a work folder beside the output,
joined into the output at the end and read back to resume an interrupted run, or straight to
standard output in input order.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
from pathlib import Path
from typing import IO, Any

from analysis.corpus.engines import ChunkResult
from analysis.corpus.tables import TABLES, parquet_bytes, records_to_tables
from analysis.errors import GeorelError, OutputError
from analysis.io.files import atomic_writer, dumps_record
from analysis.io.sources import BadRecord

MANIFEST = "manifest.jsonl"
_MANIFEST_VERSION = 1


def _write_file(path: Path, data: bytes) -> None:
    """Write `path` durably and atomically."""
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _error_lines(errors: list[dict[str, Any]]) -> bytes:
    return "".join(dumps_record(e) for e in errors).encode("utf-8")


def work_folder(output: str | Path) -> Path:
    """The folder beside `output` that holds the chunks of an unfinished run."""
    path = Path(output)
    return path.parent / f".{path.name}.georel-work"


def manifest_header(fmt: str, chunk_size: int, sources: list[str | Path | BadRecord]) -> dict[str, Any]:
    """The first line of a run's manifest: what a resumed run must share with the interrupted one (format,
    version of the manifest and of georelations, the inputs' paths, sizes and times) and its chunk size."""
    from analysis import __version__

    return {"version": _MANIFEST_VERSION, "format": fmt, "chunk_size": chunk_size, "georelations": __version__,
            "inputs": _fingerprint(sources)}


def _fingerprint(sources: list[str | Path | BadRecord]) -> list[list[Any]]:
    out: list[list[Any]] = []
    for src in sources:
        if isinstance(src, BadRecord):
            out.append([src.source, None, None])
            continue
        try:
            st = Path(src).stat()
            out.append([str(Path(src).resolve()), st.st_size, st.st_mtime_ns])
        except OSError:
            out.append([str(src), None, None])
    return out


class FolderSink:
    """Chunk files and a manifest in the work folder; joined into the output at the end."""

    def __init__(self, output: Path, fmt: str, header: dict[str, Any], *, resume: bool) -> None:
        self.output, self.fmt = output, fmt
        self.work = work_folder(output)
        self.done: dict[int, dict[str, Any]] = {}
        self.buffered = 0
        self.chunk_size = int(header["chunk_size"])
        if resume and (self.work / MANIFEST).is_file():
            self._load(header)
        else:
            if self.work.exists():
                shutil.rmtree(self.work)
            self.work.mkdir()
            _write_file(self.work / MANIFEST, (json.dumps(header) + "\n").encode())
        self.manifest = open(self.work / MANIFEST, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()

    def _chunk_name(self, index: int) -> str:
        return f"chunk-{index:06d}"

    def _outputs(self, index: int) -> list[Path]:
        if self.fmt == "parquet":
            return [self.work / "parquet" / t / f"part-{index:06d}.parquet" for t in TABLES]
        return [self.work / f"{self._chunk_name(index)}.jsonl"]

    def _load(self, header: dict[str, Any]) -> None:
        lines = (self.work / MANIFEST).read_text(encoding="utf-8").splitlines()
        try:
            old = json.loads(lines[0])
        except (IndexError, json.JSONDecodeError):
            old = {}
        changed = [k for k in ("version", "format", "inputs", "georelations") if old.get(k) != header.get(k)]
        if changed:
            raise GeorelError(f"{self.work}: the unfinished run there was made with other "
                              f"{' and '.join(changed)}; run without --resume to start over")
        self.chunk_size = int(old["chunk_size"])
        for line in lines[1:]:
            try:
                entry = json.loads(line)
                index = int(entry["chunk"])
            except (json.JSONDecodeError, KeyError, TypeError, ValueError):
                break  # a line torn by the interruption: the chunk is redone
            errors_file = self.work / f"{self._chunk_name(index)}.errors.jsonl"
            if all(p.is_file() for p in self._outputs(index)) and (not entry.get("errors") or errors_file.is_file()):
                self.done[index] = entry
        kept = [json.dumps(old)] + [json.dumps(self.done[i]) for i in sorted(self.done)]
        _write_file(self.work / MANIFEST, ("\n".join(kept) + "\n").encode())

    def commit(self, res: ChunkResult) -> None:
        if self.fmt == "parquet":
            for name, data in res.tables.items():
                path = self.work / "parquet" / name / f"part-{res.index:06d}.parquet"
                path.parent.mkdir(parents=True, exist_ok=True)
                _write_file(path, data)
        else:
            _write_file(self.work / f"{self._chunk_name(res.index)}.jsonl", res.jsonl.encode("utf-8"))
        errors_file = self.work / f"{self._chunk_name(res.index)}.errors.jsonl"
        if res.errors:
            _write_file(errors_file, _error_lines(res.errors))
        else:
            errors_file.unlink(missing_ok=True)
        entry = {"chunk": res.index, "articles": res.articles, "records": res.records, "errors": len(res.errors)}
        self.manifest.write(json.dumps(entry) + "\n")
        self.manifest.flush()
        os.fsync(self.manifest.fileno())
        self.done[res.index] = entry

    def finish(self, n_chunks: int, errors_path: Path | None) -> None:
        missing = [i for i in range(n_chunks) if i not in self.done]
        if missing:
            raise GeorelError(f"{self.work}: chunk {missing[0]} was not extracted; run again with --resume")
        if self.fmt == "parquet":
            self._finish_parquet(n_chunks)
        else:
            with atomic_writer(self.output, mode="wb") as out:
                for index in range(n_chunks):
                    with open(self.work / f"{self._chunk_name(index)}.jsonl", "rb") as fh:
                        shutil.copyfileobj(fh, out)
        if errors_path is not None:
            error_files = [self.work / f"{self._chunk_name(i)}.errors.jsonl" for i in range(n_chunks)
                           if self.done[i].get("errors")]
            if error_files:
                with atomic_writer(errors_path, mode="wb") as out:
                    for path in error_files:
                        with open(path, "rb") as fh:
                            shutil.copyfileobj(fh, out)
            else:
                errors_path.unlink(missing_ok=True)  # from an earlier run of the same output
        self.close()
        shutil.rmtree(self.work, ignore_errors=True)

    def _finish_parquet(self, n_chunks: int) -> None:
        if n_chunks == 0:
            for name, table in records_to_tables([]).items():
                path = self.work / "parquet" / name / "part-000000.parquet"
                path.parent.mkdir(parents=True, exist_ok=True)
                _write_file(path, parquet_bytes(table))
        self.output.mkdir(exist_ok=True)
        for name in TABLES:
            target = self.output / name
            if target.exists():
                target.rename(self.work / f"replaced-{name}")
            (self.work / "parquet" / name).rename(target)

    def close(self) -> None:
        self.manifest.close()


class StdoutSink:
    """JSONL to standard output (or `stream`, a device or pipe named as the output), chunk by chunk in
    input order; nothing to resume."""

    def __init__(self, errors_path: Path | None, *, stream: IO[bytes] | None = None) -> None:
        self.stream = stream
        self.done: dict[int, dict[str, Any]] = {}
        self.waiting: dict[int, ChunkResult] = {}
        self.next = 0
        self.errors = 0
        self.errors_path = errors_path
        self.errors_fh: IO[bytes] | None = None
        if errors_path is not None:
            folder = errors_path.parent if str(errors_path.parent) else Path(".")
            if not folder.is_dir():
                raise OutputError(f"{errors_path}: folder {folder} does not exist; create it or choose another path")
            self.errors_tmp = errors_path.with_name(f".{errors_path.name}.part")
            self.errors_fh = open(self.errors_tmp, "wb")  # noqa: SIM115 - closed in finish() or close()

    @property
    def buffered(self) -> int:
        return len(self.waiting)

    def commit(self, res: ChunkResult) -> None:
        self.waiting[res.index] = res
        out = self.stream if self.stream is not None else getattr(sys.stdout, "buffer", None)
        while self.next in self.waiting:
            ready = self.waiting.pop(self.next)
            if out is not None:
                sys.stdout.flush()
                out.write(ready.jsonl.encode("utf-8"))
                out.flush()
            else:
                sys.stdout.write(ready.jsonl)
            if self.errors_fh is not None:
                self.errors_fh.write(_error_lines(ready.errors))
            self.errors += len(ready.errors)
            self.next += 1
        sys.stdout.flush()

    def finish(self, n_chunks: int, errors_path: Path | None) -> None:
        if self.stream is not None:
            self.stream.close()
        if self.errors_fh is None or self.errors_path is None:
            return
        self.errors_fh.close()
        if self.errors:
            os.replace(self.errors_tmp, self.errors_path)
        else:
            self.errors_tmp.unlink(missing_ok=True)
            self.errors_path.unlink(missing_ok=True)  # from an earlier run

    def close(self) -> None:
        if self.stream is not None:
            with contextlib.suppress(OSError):
                self.stream.close()
        if self.errors_fh is not None:
            self.errors_fh.close()
            self.errors_tmp.unlink(missing_ok=True)


Sink = FolderSink | StdoutSink
