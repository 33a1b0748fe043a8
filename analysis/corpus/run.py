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

This module ties the stages together; each lives in its own module: `sources` reads the inputs as
items and cuts them into chunks, `engines` extracts chunks (in this process, a process pool or on
Dask), `tables` turns records into Parquet tables, and `sinks` writes the results and keeps the
manifest a resumed run reads.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.corpus.engines import (
    ENGINES,
    ChunkResult,
    Runner,
    available_cores,
    chunk_result,
    open_runner,
)
from analysis.corpus.sinks import FolderSink, Sink, StdoutSink, manifest_header
from analysis.errors import GeorelError, InputError, OutputError
from analysis.io.files import is_stream as _is_stream
from analysis.io.files import remove_stale_parts
from analysis.io.sources import BadRecord, Chunker, expand_inputs, iter_sources

__all__ = ["DEFAULT_CHUNK_SIZE", "FORMATS", "CorpusRun", "default_errors_path", "extract_corpus", "is_stream",
           "output_format"]

FORMATS = ("jsonl", "parquet")
DEFAULT_CHUNK_SIZE = 250
_BROKEN_CHUNK = 20  # this many articles of a chunk, and none extracted: the extractor is broken, stop


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
    stream = str(output) == "-" or is_stream(output)
    errors_path = Path(errors) if errors is not None else None if stream else default_errors_path(output, fmt)
    run = CorpusRun(str(output), fmt, errors_path=None)
    sink = _open_sink(output, fmt, sources, errors_path, chunk_size=chunk_size, resume=resume)
    for entry in sink.done.values():
        run.resumed_chunks += 1
        run.resumed_articles += int(entry["articles"])
        run.records += int(entry["records"])
        run.errors += int(entry["errors"])
    run.articles = run.resumed_articles
    _extract_chunks(sources, sink, run, engine=engine, jobs=jobs, scheduler=scheduler,
                    chunk_size=sink.chunk_size if isinstance(sink, FolderSink) else chunk_size,
                    progress=progress, on_error=on_error, errors_path=errors_path)
    if run.errors and errors_path is not None:
        run.errors_path = str(errors_path)
    return run


def is_stream(output: str | Path) -> bool:
    """Whether `output` is an existing file that is not a regular file or a folder (a device such as
    /dev/null, a FIFO, a shell's `>(...)`): written in place, never replaced."""
    return str(output) != "-" and _is_stream(Path(output))


def _open_sink(output: str | Path, fmt: str, sources: list[str | Path | BadRecord], errors_path: Path | None, *,
               chunk_size: int, resume: bool) -> Sink:
    """Standard output or a stream-like file in input order, else chunk files in a work folder."""
    what = "standard output" if str(output) == "-" else f"{output} (not a regular file)"
    if str(output) == "-" or is_stream(output):
        if fmt == "parquet":
            raise OutputError(f"Parquet tables need an output folder, not {what}: -o FOLDER")
        if resume:
            raise OutputError(f"--resume needs an output file or folder, not {what}")
        if str(output) == "-":
            return StdoutSink(errors_path)
        with _writing(output, keep=False):
            return StdoutSink(errors_path, stream=open(output, "wb"))  # noqa: SIM115 - closed by the sink
    if resume and any(str(s) == "-" for s in sources):
        raise InputError("cannot resume a run that reads standard input; give the input as a file", source="<stdin>")
    _check_output(Path(output), fmt)
    for path in (output if fmt == "jsonl" else None, errors_path):
        if path is not None:
            remove_stale_parts(path)  # left by a run killed while it joined its chunks
    header = manifest_header(fmt, chunk_size, sources)
    with _writing(output):
        return FolderSink(Path(output), fmt, header, resume=resume)


def _extract_chunks(sources: list[str | Path | BadRecord], sink: Sink, run: CorpusRun, *, engine: str, jobs: int,
                    scheduler: Any, chunk_size: int, progress: bool,
                    on_error: Callable[[BadRecord], None] | None, errors_path: Path | None) -> None:
    """Extract the chunks the sink has not done, commit each as it completes, then finish the sink."""
    from tqdm import tqdm

    output = run.output
    bar = tqdm(unit=" articles", initial=run.articles, disable=not progress, file=sys.stderr, dynamic_ncols=True)
    chunker = Chunker(iter_sources(sources), chunk_size)
    todo = ((i, items) for i, items in chunker if i not in sink.done)
    runner: Runner | None = None

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
        runner = open_runner(engine, jobs, scheduler, several_chunks=len(first) >= 2)
        in_flight: set[Any] = set()
        for index, items in itertools.chain(first, todo):
            while in_flight and len(in_flight) + sink.buffered >= runner.window:
                done, in_flight = runner.wait(in_flight)
                for fut in done:
                    commit(chunk_result(fut))
            in_flight.add(runner.submit(index, items, run.format))
        while in_flight:
            done, in_flight = runner.wait(in_flight)
            for fut in done:
                commit(chunk_result(fut))
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


@contextlib.contextmanager
def _writing(output: str | Path, *, keep: bool = True) -> Iterator[None]:
    """Turn a failed write (disk full, no permission) into an OutputError that says what to do."""
    try:
        yield
    except OSError as exc:
        resumable = keep and str(output) != "-" and not is_stream(output)
        resume = "; the finished chunks are kept: run again with --resume" if resumable else ""
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            todo = "free some space or choose another output path"
        elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            todo, resume = "choose an output path in a folder you may write", ""
        else:
            todo = "choose another output path"
        raise OutputError(f"{exc.filename or output}: cannot write ({exc.strerror or exc}); {todo}{resume}") from None
