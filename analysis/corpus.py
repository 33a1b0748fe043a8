"""Extract a whole corpus: streaming, in parallel (local processes or a Dask cluster), resumable.

    extract_corpus(["corpus/", "more/*.jsonl"], "out.jsonl", jobs=4)
    extract_corpus("big.jsonl", "tables/", format="parquet")             # articles, places, actors, events
    extract_corpus("big.jsonl", "out.jsonl", resume=True)                 # continue an interrupted run
    extract_corpus("big.jsonl", "out.jsonl", engine="dask", scheduler="tcp://10.0.0.5:8786")

How it works. The inputs are read lazily and in order, one record at a time (JSONL and CSV line by
line), and cut into chunks of `chunk_size` items; an item is an article or a bad input (its source,
line and reason). At most two chunks per worker are in flight, so memory stays flat however large the
corpus is. A worker (a process of a local pool, each loading the gazetteer once, or a Dask worker)
extracts a chunk and returns its output, JSONL text or one Parquet table per kind, with the chunk's bad
records; the calling process writes them as chunk files into a work folder beside the output
(`.NAME.georel-work/`) and appends a line to the folder's manifest. When every chunk is done the chunk
files are joined in input order into the output, the bad records into the errors file (JSONL with
source, line, id, stage and reason), and the work folder is removed. An interrupted run leaves the
work folder behind; `resume=True` re-reads the inputs (cheap next to extraction), skips the chunks
the manifest lists and extracts the rest, so the output equals that of an uninterrupted run. Workers
need no shared file system: chunks travel to them and results back.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
import json
import math
import multiprocessing as mp
import os
import shutil
import signal
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .articles import (
    Article,
    UniqueIds,
    csv_delimiter,
    decode_bytes,
    expand_paths,
    iter_articles,
    record_from_json_line,
    record_to_article,
)
from .errors import GeorelError, InputError, OutputError
from .io import atomic_writer, open_input
from .schema import ACTOR_FIELDS, EVENT_FIELDS, PLACE_FIELDS

FORMATS = ("jsonl", "parquet")
ENGINES = ("local", "dask")
TABLES = ("articles", "places", "actors", "events")
DEFAULT_CHUNK_SIZE = 250
MANIFEST = "manifest.jsonl"
_MANIFEST_VERSION = 1
_IN_FLIGHT_PER_WORKER = 2
_BROKEN_CHUNK = 20  # this many articles of a chunk, and none extracted: the extractor is broken, stop


# ---------------------------------------------------------------------------------------------- items


@dataclass(frozen=True, slots=True)
class BadRecord:
    """An input file or record that could not be read (stage 'read') or extracted (stage 'extract')."""

    source: str
    line: int | None
    reason: str
    stage: str = "read"
    id: str | None = None

    def __str__(self) -> str:
        return f"{self.source}{'' if self.line is None else f':{self.line}'}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "id": self.id, "stage": self.stage, "reason": self.reason}

    @classmethod
    def from_error(cls, err: InputError, *, line: int | None = None) -> BadRecord:
        source = err.source or "<input>"
        line = err.line if line is None else line
        where = source if err.line is None else f"{source}:{err.line}"
        reason = str(err)
        return cls(source, line, reason[len(where) + 2:] if reason.startswith(f"{where}: ") else reason)


@dataclass(frozen=True, slots=True)
class Located:
    """An article and where it was read (`line` is None for a whole-file article)."""

    article: Article
    source: str
    line: int | None


Item = Located | BadRecord


def expand_inputs(inputs: str | Path | Iterable[str | Path]) -> Iterator[str | Path | BadRecord]:
    """The files to read, in order, as `articles.iter_articles` finds them: directories searched
    recursively, glob patterns expanded here (so quoting them works), '-' for standard input; a
    pattern or folder without articles is a BadRecord."""
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    for item in expand_paths(inputs):
        yield BadRecord.from_error(item) if isinstance(item, InputError) else item


def iter_items(inputs: str | Path | Iterable[str | Path]) -> Iterator[Item]:
    """Stream the articles (as `Located`) and bad inputs (as `BadRecord`) of the inputs, in order.

    The same articles, ids and errors as `articles.iter_articles`, but UTF-8 JSONL and CSV/TSV files
    (and JSONL on standard input) are read one line at a time instead of whole; other files, and
    files in other encodings, are read by `iter_articles` itself.
    """
    return _iter_sources(expand_inputs(inputs))


def _iter_sources(sources: Iterable[str | Path | BadRecord]) -> Iterator[Item]:
    ids = UniqueIds()
    for src in sources:
        if isinstance(src, BadRecord):
            yield src
            continue
        try:
            for item in _read_source(src):
                if isinstance(item, Located):
                    where = item.source if item.line is None else f"{item.source}:{item.line}"
                    item = Located(ids.claim(item.article, where), item.source, item.line)
                yield item
        except InputError as err:
            yield BadRecord.from_error(err)


def _read_source(src: str | Path) -> Iterator[Item]:
    if str(src) == "-":
        if _stdin_is_jsonl():
            yield from _stream_jsonl(sys.stdin.buffer, source="<stdin>", stem="stdin")
        else:
            yield from _whole(src)
        return
    path = Path(src)
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".csv", ".tsv") or not _streamable(path):
        yield from _whole(path)
    elif suffix == ".jsonl":
        with open_input(path) as fh:
            yield from _stream_jsonl(fh, source=str(path), stem=path.stem)
    else:
        yield from _stream_csv(path, delimiter="\t" if suffix == ".tsv" else ",")


def _whole(src: str | Path) -> Iterator[Item]:
    """A file read whole by `iter_articles` (one article, HTML, JSON, not UTF-8, or standard input)."""
    errors: list[InputError] = []
    source = "<stdin>" if str(src) == "-" else str(src)
    for article in iter_articles([src], on_error=errors.append):
        yield from (BadRecord.from_error(e) for e in errors)
        errors.clear()
        yield Located(article, source, None)
    yield from (BadRecord.from_error(e) for e in errors)


def _streamable(path: Path) -> bool:
    """Whether a file can be streamed line by line with the result of reading it whole: it is valid
    UTF-8 throughout, not blank, and its start passes `decode_bytes` (no binary, no other BOM)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    blank = True
    try:
        with path.open("rb") as fh:
            head = data = fh.read(1 << 16)
            while data:
                decoder.decode(data)
                blank = blank and not data.strip()
                data = fh.read(1 << 20)
            decoder.decode(b"", final=True)
    except (OSError, UnicodeDecodeError):
        return False  # iter_articles reports it, or decodes it as a whole
    if blank:
        return False
    cut = head.rfind(b"\n") + 1 if len(head) == 1 << 16 else len(head)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            decode_bytes(head[:cut or 4096], source=str(path))
    except InputError:
        return False
    return True


def _stdin_is_jsonl() -> bool:
    peek = getattr(sys.stdin.buffer, "peek", None)
    if peek is None:
        return False
    start = peek(1 << 16).lstrip().removeprefix(codecs.BOM_UTF8).lstrip()
    return start.startswith(b"{")


def _stream_jsonl(lines: Iterable[bytes], *, source: str, stem: str) -> Iterator[Item]:
    for lineno, raw in enumerate(lines, start=1):
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError:  # only on standard input, which cannot be checked beforehand
            try:
                line = decode_bytes(raw, source=source)
            except InputError as err:
                yield BadRecord.from_error(err, line=lineno)
                continue
        if not line.strip():
            continue
        try:
            yield Located(record_from_json_line(line, source=source, lineno=lineno, stem=stem), source, lineno)
        except InputError as err:
            yield BadRecord.from_error(err)


def _stream_csv(path: Path, *, delimiter: str) -> Iterator[Item]:
    """A CSV or TSV file row by row, read as `articles` reads it whole (header with 'text', delimiter
    from the header, blank rows skipped, a long row is an error, a malformed row ends the file)."""
    source = str(path)
    with open_input(path, "r", encoding="utf-8-sig", newline="") as fh:
        delimiter = csv_delimiter(fh.readline(), delimiter)
        fh.seek(0)
        reader = csv.reader(fh, delimiter=delimiter)
        limit = csv.field_size_limit()
        csv.field_size_limit(max(limit, path.stat().st_size + 1))  # an article may be longer than 128 KB
        line = 1
        try:
            try:
                header = [h.strip().lower() for h in next(reader, [])]
            except csv.Error:
                header = []
            line = reader.line_num + 1
            if "text" not in header:
                columns = ", ".join(h for h in header if h) or "none"
                raise InputError(f"CSV has no 'text' column (columns: {columns}); name the article body column "
                                 "'text'", source=source)
            for rowno, values in enumerate(reader, start=1):
                lineno, line = line, reader.line_num + 1
                if not any(v.strip() for v in values):
                    continue
                try:
                    if len(values) > len(header):
                        raise InputError(f"row has {len(values)} fields but the header has {len(header)}; put "
                                         "text that holds the delimiter in double quotes", source=source,
                                         line=lineno)
                    article = record_to_article(dict(zip(header, values, strict=False)), source=source,
                                                 line=lineno, default_id=f"{path.stem}-{rowno}")
                    yield Located(article, source, lineno)
                except InputError as err:
                    yield BadRecord.from_error(err)
        except csv.Error as exc:
            yield BadRecord.from_error(InputError(f"malformed CSV ({exc}); fix the row or quote the text",
                                                  source=source, line=line))
        finally:
            csv.field_size_limit(limit)


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


# --------------------------------------------------------------------------------------------- tables


_KINDS = {"start": "int", "end": "int", "lat": "float", "lon": "float", "geonameid": "int", "metonymic": "bool",
          "quad_class": "int", "goldstein": "float", "negated": "bool", "sentence_start": "int",
          "sentence_end": "int", "trigger_start": "int", "trigger_end": "int", "mentions": "json",
          "n_places": "int", "n_actors": "int", "n_events": "int", "extra": "json"}
_PLACE_OF_EVENT = ("name", "lat", "lon", "geonameid", "country")
_EVENT_COLUMNS = [c for f in EVENT_FIELDS for c in ([f"place_{k}" for k in _PLACE_OF_EVENT] if f == "place" else [f])]
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "date", "title", "url", "source", "n_places", "n_actors", "n_events", "extra"),
    "places": ("article_id", *PLACE_FIELDS, "extra"),
    "actors": ("article_id", *ACTOR_FIELDS, "extra"),
    "events": ("article_id", "event_id", *_EVENT_COLUMNS, "extra"),
}
"""The columns of the Parquet tables. Child tables carry `article_id`; events flatten `place` into
`place_*` and hold `mentions` as JSON text; `extra` is JSON text of any fields beyond the contract
(and of values that do not fit their column's type), so the tables lose nothing of the records."""


def _kind(column: str) -> str:
    return _KINDS.get(column.removeprefix("place_") if column.startswith("place_") else column, "str")


def _convert(kind: str, value: Any) -> tuple[Any, bool]:
    if value is None:
        return None, True
    if kind == "str":
        return (value, True) if isinstance(value, str) else (json.dumps(value, ensure_ascii=False), True)
    if kind == "json":
        return json.dumps(value, ensure_ascii=False), True
    if kind == "bool":
        return (value, True) if isinstance(value, bool) else (None, False)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None, False
    if kind == "float":
        return float(value), True
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        return None, False
    return (int(value), True) if -(2 ** 63) <= value < 2 ** 63 else (None, False)


def _schema(table: str) -> Any:
    import pyarrow as pa

    types = {"str": pa.string(), "json": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(c, types[_kind(c)]) for c in TABLE_COLUMNS[table]])


def records_to_tables(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The records as four pyarrow Tables (see `TABLE_COLUMNS`), with a fixed schema whatever the values."""
    import pyarrow as pa

    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for rec in records:
        aid = rec.get("id")
        places, actors, events = (rec.get(k) or [] for k in ("places", "actors", "events"))
        top = {k: v for k, v in rec.items() if k not in ("places", "actors", "events")}
        rows["articles"].append({**top, "n_places": len(places), "n_actors": len(actors), "n_events": len(events)})
        rows["places"] += [{"article_id": aid, **p} for p in places]
        rows["actors"] += [{"article_id": aid, **a} for a in actors]
        for i, ev in enumerate(events):
            row = {"article_id": aid, "event_id": f"{aid}:{i}", **{k: v for k, v in ev.items() if k != "place"}}
            place = ev.get("place")
            if isinstance(place, dict):
                row |= {f"place_{k}": place.get(k) for k in _PLACE_OF_EVENT}
                if set(place) - set(_PLACE_OF_EVENT):
                    row["place"] = {k: v for k, v in place.items() if k not in _PLACE_OF_EVENT}
            elif place is not None:
                row["place"] = place
            rows["events"].append(row)
    tables = {}
    for name in TABLES:
        columns = TABLE_COLUMNS[name]
        data: dict[str, list[Any]] = {c: [] for c in columns}
        for row in rows[name]:
            extra = {k: v for k, v in row.items() if k not in data}
            for column in columns[:-1]:
                value, ok = _convert(_kind(column), row.get(column))
                data[column].append(value)
                if not ok:
                    extra[column] = row[column]
            data["extra"].append(json.dumps(extra, ensure_ascii=False) if extra else None)
        schema = _schema(name)
        tables[name] = pa.table([pa.array(data[c], type=schema.field(c).type) for c in columns], schema=schema)
    return tables


def _parquet_bytes(table: Any) -> bytes:
    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


# ----------------------------------------------------------------------------------------- the worker


@dataclass(slots=True)
class ChunkResult:
    """What a worker returns for one chunk: counts, bad records, and the output (JSONL text or Parquet)."""

    index: int
    articles: int
    records: int
    errors: list[dict[str, Any]]
    jsonl: str = ""
    tables: dict[str, bytes] = field(default_factory=dict)


def extract_chunk(index: int, items: Sequence[Item], format: str = "jsonl") -> ChunkResult:
    """Extract the articles of one chunk; an article whose extraction fails becomes a bad record."""
    from .gazetteer import load_gazetteer
    from .pipeline import extract_record

    gazetteer = load_gazetteer()
    records, errors, articles = [], [], 0
    for item in items:
        if isinstance(item, BadRecord):
            errors.append(item.to_dict())
            continue
        articles += 1
        try:
            records.append(extract_record(item.article, gazetteer=gazetteer))
        except Exception as exc:  # a bad article must not stop the corpus; it is listed instead
            errors.append(BadRecord(item.source, item.line, f"extraction failed ({type(exc).__name__}: {exc}); "
                                    "please report this article", "extract", item.article.id).to_dict())
    result = ChunkResult(index, articles, len(records), errors)
    if format == "parquet":
        result.tables = {name: _parquet_bytes(t) for name, t in records_to_tables(records).items()}
    else:
        result.jsonl = "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records)
    return result


def _init_worker() -> None:
    """Worker start: leave Ctrl-C to the parent (it stops the pool), load the gazetteer once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .gazetteer import load_gazetteer

    load_gazetteer()


def _warm_worker() -> None:
    from .gazetteer import load_gazetteer

    load_gazetteer()


def available_cores() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


# ----------------------------------------------------------------------------------------- the runners


class _InlineRunner:
    """Extract chunks in this process (one job, or a corpus of one chunk)."""

    window = 1

    def submit(self, index: int, items: list[Item], fmt: str) -> Future[ChunkResult]:
        fut: Future[ChunkResult] = Future()
        try:
            fut.set_result(extract_chunk(index, items, fmt))
        except Exception as exc:
            fut.set_exception(exc)
        return fut

    def wait(self, futures: set[Any]) -> tuple[set[Any], set[Any]]:
        return set(futures), set()

    def close(self, ok: bool) -> None:
        pass


class _PoolRunner:
    """A pool of worker processes on this machine."""

    def __init__(self, jobs: int) -> None:
        methods = mp.get_all_start_methods()
        ctx = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
        preload = getattr(ctx, "set_forkserver_preload", None)
        if preload is not None:
            preload(["analysis.pipeline"])  # workers fork from a server that has imported the extractor
        self.window = _IN_FLIGHT_PER_WORKER * jobs
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker)

    def submit(self, index: int, items: list[Item], fmt: str) -> Future[ChunkResult]:
        return self.pool.submit(extract_chunk, index, items, fmt)

    def wait(self, futures: set[Any]) -> tuple[set[Any], set[Any]]:
        done, pending = wait_futures(futures, return_when=FIRST_COMPLETED)
        return set(done), set(pending)

    def close(self, ok: bool) -> None:
        if ok:
            self.pool.shutdown(wait=True)
            return
        self.pool.shutdown(wait=False, cancel_futures=True)
        terminate = getattr(self.pool, "terminate_workers", None)  # Python 3.14
        if terminate is not None:
            terminate()
        else:
            for proc in list((getattr(self.pool, "_processes", None) or {}).values()):
                proc.terminate()


class _DaskRunner:
    """Chunks as tasks on a Dask cluster: a scheduler address, a Client, or a new LocalCluster."""

    def __init__(self, scheduler: Any, jobs: int) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise GeorelError("the dask engine needs the 'dask' extra: pip install 'georelations[dask]'") from None
        self.cluster: Any = None
        self.own = True
        if scheduler is None:
            self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            self.client = Client(self.cluster)
        elif isinstance(scheduler, str):
            try:
                self.client = Client(scheduler, timeout="30s")
            except (OSError, TimeoutError) as exc:
                raise GeorelError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); check the address "
                                  "(tcp://HOST:8786) and that the scheduler runs") from None
        else:
            self.client, self.own = scheduler, False
        self.client.run(_warm_worker)
        self.window = _IN_FLIGHT_PER_WORKER * max(1, sum(self.client.nthreads().values()))
        self.futures: set[Any] = set()

    def submit(self, index: int, items: list[Item], fmt: str) -> Any:
        fut = self.client.submit(extract_chunk, index, items, fmt, pure=False)
        self.futures.add(fut)
        return fut

    def wait(self, futures: set[Any]) -> tuple[set[Any], set[Any]]:
        from distributed import wait

        done, pending = wait(list(futures), return_when="FIRST_COMPLETED")
        self.futures -= set(done)
        return set(done), set(pending)

    def close(self, ok: bool) -> None:
        if not ok and self.futures:
            with contextlib.suppress(Exception):
                self.client.cancel(list(self.futures))
        if self.own:
            self.client.close()
            if self.cluster is not None:
                self.cluster.close()


# ------------------------------------------------------------------------------------------ the sinks


def _write_file(path: Path, data: bytes) -> None:
    """Write `path` durably and atomically."""
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _error_lines(errors: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors).encode("utf-8")


def work_folder(output: str | Path) -> Path:
    """The folder beside `output` that holds the chunks of an unfinished run."""
    path = Path(output)
    return path.parent / f".{path.name}.georel-work"


class _FolderSink:
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
                _write_file(path, _parquet_bytes(table))
        self.output.mkdir(exist_ok=True)
        for name in TABLES:
            target = self.output / name
            if target.exists():
                target.rename(self.work / f"replaced-{name}")
            (self.work / "parquet" / name).rename(target)

    def close(self) -> None:
        self.manifest.close()


class _StdoutSink:
    """JSONL to standard output, chunk by chunk in input order; nothing to resume."""

    def __init__(self, errors_path: Path | None) -> None:
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
        out = getattr(sys.stdout, "buffer", None)
        while self.next in self.waiting:
            ready = self.waiting.pop(self.next)
            if out is not None:
                sys.stdout.flush()
                out.write(ready.jsonl.encode("utf-8"))
            else:
                sys.stdout.write(ready.jsonl)
            if self.errors_fh is not None:
                self.errors_fh.write(_error_lines(ready.errors))
            self.errors += len(ready.errors)
            self.next += 1
        sys.stdout.flush()

    def finish(self, n_chunks: int, errors_path: Path | None) -> None:
        if self.errors_fh is None or self.errors_path is None:
            return
        self.errors_fh.close()
        if self.errors:
            os.replace(self.errors_tmp, self.errors_path)
        else:
            self.errors_tmp.unlink(missing_ok=True)
            self.errors_path.unlink(missing_ok=True)  # from an earlier run

    def close(self) -> None:
        if self.errors_fh is not None:
            self.errors_fh.close()
            self.errors_tmp.unlink(missing_ok=True)


# ---------------------------------------------------------------------------------------- the driver


@dataclass(slots=True)
class CorpusRun:
    """What `extract_corpus` did."""

    output: str
    format: str
    articles: int = 0
    records: int = 0
    errors: int = 0
    chunks: int = 0
    resumed_chunks: int = 0
    resumed_articles: int = 0
    errors_path: str | None = None


def output_format(output: str | Path, format: str | None = None) -> str:
    """'jsonl' or 'parquet': `format` if given, else 'parquet' for a '.parquet' name or an existing folder."""
    if format is not None:
        if format not in FORMATS:
            raise OutputError(f"unknown output format {format!r}; use one of {', '.join(FORMATS)}")
        return format
    path = Path(output)
    return "parquet" if str(output) != "-" and (path.suffix.lower() == ".parquet" or path.is_dir()) else "jsonl"


def default_errors_path(output: str | Path, format: str) -> Path | None:
    """Where bad records are listed: OUT.errors.jsonl beside a JSONL output, errors.jsonl in a Parquet
    folder, nowhere for standard output (they are still reported to `on_error`)."""
    if str(output) == "-":
        return None
    path = Path(output)
    if format == "parquet":
        return path / "errors.jsonl"
    return path.with_name(f"{path.stem if path.suffix.lower() == '.jsonl' else path.name}.errors.jsonl")


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


def _check_output(output: Path, fmt: str) -> None:
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{output}: folder {folder} does not exist; create it or choose another output path")
    if fmt == "parquet" and output.exists() and not output.is_dir():
        raise OutputError(f"{output}: exists and is not a folder; Parquet output is a folder of tables")
    if fmt == "jsonl" and output.is_dir():
        raise OutputError(f"{output}: is a folder; name a .jsonl file, or write Parquet tables with --format parquet")


def extract_corpus(
    inputs: str | Path | Iterable[str | Path],
    output: str | Path = "-",
    *,
    format: str | None = None,
    jobs: int | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    resume: bool = False,
    engine: str = "local",
    scheduler: Any = None,
    errors: str | Path | None = None,
    progress: bool = False,
    on_error: Callable[[BadRecord], None] | None = None,
) -> CorpusRun:
    """Extract every article of the inputs into JSONL (a file or '-') or Parquet tables (a folder).

    Parameters
    ----------
    inputs
        Files (.txt, .jsonl, .csv), directories, glob patterns, or '-' for standard input.
    output
        A JSONL file, '-' for standard output, or a folder for Parquet tables (articles, places,
        actors, events, each a folder of part files; see `TABLE_COLUMNS`).
    format
        'jsonl' or 'parquet'; default from `output` (see `output_format`).
    jobs
        Worker processes (default: all cores); for the Dask engine, the workers of a new LocalCluster.
    chunk_size
        Articles per chunk: the unit of work, of the output files and of resumption.
    resume
        Continue the interrupted run of the same command from its work folder.
    engine
        'local' (processes on this machine) or 'dask' (needs the `dask` extra).
    scheduler
        For the Dask engine: a scheduler address, a `distributed.Client`, or None for a new LocalCluster.
    errors
        Where to list bad records (JSONL: source, line, id, stage, reason); default `default_errors_path`.
        Written only when there are bad records.
    progress
        Show a progress bar (articles, articles/s) on standard error.
    on_error
        Called with each bad record as its chunk completes.

    Worker processes are started with forkserver (spawn where there is none), so a script that calls
    this with several jobs must do it under ``if __name__ == "__main__":``.
    """
    fmt = output_format(output, format)
    if engine not in ENGINES:
        raise GeorelError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if chunk_size < 1 or (jobs is not None and jobs < 1):
        raise GeorelError("chunk size and jobs must be at least 1")
    jobs = jobs or available_cores()
    sources = list(expand_inputs(inputs))
    to_stdout = str(output) == "-"
    errors_path = Path(errors) if errors is not None else default_errors_path(output, fmt)
    run = CorpusRun(str(output), fmt, errors_path=None)
    sink: _FolderSink | _StdoutSink
    if to_stdout:
        if fmt == "parquet":
            raise OutputError("Parquet tables need an output folder: -o FOLDER")
        if resume:
            raise OutputError("--resume needs an output file or folder, not standard output")
        sink = _StdoutSink(errors_path)
    else:
        if resume and any(str(s) == "-" for s in sources):
            raise InputError("cannot resume a run that reads standard input; give the input as a file",
                             source="<stdin>")
        _check_output(Path(output), fmt)
        from . import __version__

        header = {"version": _MANIFEST_VERSION, "format": fmt, "chunk_size": chunk_size,
                  "georelations": __version__, "inputs": _fingerprint(sources)}
        with _writing(output):
            sink = _FolderSink(Path(output), fmt, header, resume=resume)
        chunk_size = sink.chunk_size
    for entry in sink.done.values():
        run.resumed_chunks += 1
        run.resumed_articles += int(entry["articles"])
        run.records += int(entry["records"])
        run.errors += int(entry["errors"])
    run.articles = run.resumed_articles

    from tqdm import tqdm

    bar = tqdm(unit=" articles", initial=run.articles, disable=not progress, file=sys.stderr, dynamic_ncols=True)
    chunker = _Chunker(_iter_sources(sources), chunk_size)
    todo = ((i, items) for i, items in chunker if i not in sink.done)
    runner: _InlineRunner | _PoolRunner | _DaskRunner | None = None

    def commit(res: ChunkResult) -> None:
        failed = [e for e in res.errors if e["stage"] == "extract"]
        if res.records == 0 and len(failed) >= _BROKEN_CHUNK:
            raise GeorelError(f"extraction failed for every article of a chunk ({failed[0]['reason']}); that is "
                              "a fault of georelations, not of the input: the finished chunks are kept, so after "
                              "a fix the same command with --resume continues")
        with _writing(output):
            sink.commit(res)
        run.articles += res.articles
        run.records += res.records
        run.errors += len(res.errors)
        bar.update(res.articles)
        if on_error is not None:
            for err in res.errors:
                on_error(BadRecord(**err))

    ok = False
    try:
        first = list(itertools.islice(todo, 2))
        if engine == "dask":
            runner = _DaskRunner(scheduler, jobs)
        elif jobs == 1 or len(first) < 2:
            runner = _InlineRunner()
        else:
            runner = _PoolRunner(jobs)
        in_flight: set[Any] = set()
        for index, items in itertools.chain(first, todo):
            while in_flight and len(in_flight) + sink.buffered >= runner.window:
                done, in_flight = runner.wait(in_flight)
                for fut in done:
                    commit(_result(fut))
            in_flight.add(runner.submit(index, items, fmt))
        while in_flight:
            done, in_flight = runner.wait(in_flight)
            for fut in done:
                commit(_result(fut))
        run.chunks = chunker.count
        with _writing(output):
            sink.finish(run.chunks, errors_path)
        ok = True
    finally:
        bar.close()
        if runner is not None:
            runner.close(ok)
        if not ok:
            sink.close()
    if run.errors and errors_path is not None:
        run.errors_path = str(errors_path)
    return run


@contextlib.contextmanager
def _writing(output: str | Path) -> Iterator[None]:
    """Turn a failed write (disk full, no permission) into an OutputError that says what to do."""
    try:
        yield
    except OSError as exc:
        keep = "" if str(output) == "-" else "; the finished chunks are kept: run again with --resume"
        raise OutputError(f"{exc.filename or output}: cannot write ({exc.strerror or exc}); free some space or "
                          f"choose another output path{keep}") from None


class _Chunker:
    """Number the chunks of a stream of items and count them."""

    def __init__(self, items: Iterable[Item], size: int) -> None:
        self.items, self.size, self.count = items, size, 0

    def __iter__(self) -> Iterator[tuple[int, list[Item]]]:
        for chunk in _chunks(self.items, self.size):
            self.count += 1
            yield self.count - 1, chunk


def _result(fut: Any) -> ChunkResult:
    try:
        return fut.result()  # type: ignore[no-any-return]
    except BrokenProcessPool:
        raise GeorelError("a worker process died (out of memory?); the finished chunks are kept: run the same "
                          "command with --resume, perhaps with fewer --jobs") from None
