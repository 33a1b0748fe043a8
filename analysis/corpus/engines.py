"""Run the extraction of chunks: in this process, in a pool of local worker processes, or as tasks
on a Dask cluster, with the worker start-up each needs.

    runner = open_runner("local", jobs=4, scheduler=None, several_chunks=True)
    future = runner.submit(0, items, "jsonl")
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import select
import signal
import sys
import threading
import time
import warnings
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, cast

from analysis.corpus.tables import parquet_bytes, records_to_tables
from analysis.errors import GeorelError, one_line
from analysis.io.files import dumps_record
from analysis.io.sources import BadRecord, Item

ENGINES = ("local", "dask")
ARTICLE_BUDGET = 60.0
"""Seconds of extraction per article in a corpus run; after them the record is written with the places
found so far and a warning (see `extract_record`'s budget)."""
_IN_FLIGHT_PER_WORKER = 2  # chunks queued per worker: enough to keep it busy, few enough for flat memory


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
    from analysis.extract.gazetteer import load_gazetteer
    from analysis.extract.pipeline import extract_records

    good = [item for item in items if not isinstance(item, BadRecord)]
    extracted = extract_records((item.article for item in good), gazetteer=load_gazetteer(), budget=ARTICLE_BUDGET)
    records, errors = [], []
    for item in items:  # the bad records in input order, the bad inputs among them
        if isinstance(item, BadRecord):
            errors.append(item.to_dict())
            continue
        outcome = next(extracted)  # (the records come in the order of the good items)
        if isinstance(outcome, Exception):  # a bad article must not stop the corpus; it is listed instead
            errors.append(BadRecord(item.source, item.line, f"extraction failed ({type(outcome).__name__}: "
                                    f"{outcome}); please report this article", "extract", item.article.id).to_dict())
        else:
            records.append(outcome)
    next(extracted, None)  # (the end: the warnings of the last batch come after its records)
    articles = len(good)
    result = ChunkResult(index, articles, len(records), errors)
    if format == "parquet":
        result.tables = {name: parquet_bytes(t) for name, t in records_to_tables(records).items()}
    else:
        result.jsonl = "".join(dumps_record(rec) for rec in records)
    return result


def _init_worker(parent: int | None = None) -> None:
    """Worker start: leave Ctrl-C to the parent (it stops the pool), die with the parent, load the
    gazetteer once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warnings.showwarning = _one_line_warning
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), name="georel-parent-watch", daemon=True).start()
    from analysis.extract.gazetteer import load_gazetteer

    load_gazetteer()


def _one_line_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                      file: Any = None, line: str | None = None) -> None:
    """A worker's warnings as the command line shows its own: one line, no source line."""
    print(f"georel: warning: {one_line(str(message))}", file=sys.stderr if file is None else file, flush=True)


def _exit_with(parent: int) -> None:
    """Wait for the process `parent` to end (killed, even by SIGKILL), then end this worker: a worker
    must not go on extracting, holding memory and the caller's stderr, for a run nobody waits for."""
    try:
        fd = os.pidfd_open(parent)  # Linux: readable when the process has ended
    except ProcessLookupError:
        os._exit(143)
    except (AttributeError, OSError):
        fd = None
    if fd is not None:
        select.select([fd], [], [])
    else:
        with contextlib.suppress(OSError):
            while True:
                os.kill(parent, 0)
                time.sleep(0.5)
    os._exit(143)


def _warm_worker() -> None:
    """Dask worker start: load the gazetteer once, before the first chunk."""
    from analysis.extract.gazetteer import load_gazetteer

    load_gazetteer()


def available_cores() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class InlineRunner:
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


class PoolRunner:
    """A pool of worker processes on this machine."""

    def __init__(self, jobs: int) -> None:
        methods = mp.get_all_start_methods()
        ctx = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
        preload = getattr(ctx, "set_forkserver_preload", None)
        if preload is not None:
            # workers fork from a server that holds the extractor
            preload(["analysis.extract.pipeline", "analysis.extract.warm"])
        self.window = _IN_FLIGHT_PER_WORKER * jobs
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                                        initargs=(os.getpid(),))
        self.stopping = False
        # after an interruption the queue's feeder thread may write into a pipe the pool has closed: that
        # error is no news and must not print a traceback over the one-line message (the thread reads the
        # handler when it starts, at the first chunk, so it is set here)
        call_queue = getattr(self.pool, "_call_queue", None)
        if call_queue is not None:
            report = call_queue._on_queue_feeder_error

            def on_feeder_error(exc: Exception, obj: object) -> None:
                if not self.stopping:
                    report(exc, obj)

            call_queue._on_queue_feeder_error = on_feeder_error

    def submit(self, index: int, items: list[Item], fmt: str) -> Future[ChunkResult]:
        return self.pool.submit(extract_chunk, index, items, fmt)

    def wait(self, futures: set[Any]) -> tuple[set[Any], set[Any]]:
        done, pending = wait_futures(futures, return_when=FIRST_COMPLETED)
        return set(done), set(pending)

    def close(self, ok: bool) -> None:
        if ok:
            self.pool.shutdown(wait=True)
            return
        self.stopping = True
        self.pool.shutdown(wait=False, cancel_futures=True)
        # the queue's feeder thread may be writing a chunk into a pipe that no worker reads any more: the
        # exit must not wait for it (it would wait forever)
        call_queue = getattr(self.pool, "_call_queue", None)
        if call_queue is not None:
            call_queue.cancel_join_thread()
        terminate = getattr(self.pool, "terminate_workers", None)  # Python 3.14
        if terminate is not None:
            terminate()
        else:
            for proc in list((getattr(self.pool, "_processes", None) or {}).values()):
                proc.terminate()


class DaskRunner:
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


Runner = InlineRunner | PoolRunner | DaskRunner


def open_runner(engine: str, jobs: int, scheduler: Any, *, several_chunks: bool) -> Runner:
    """The runner of `engine`: Dask tasks for 'dask'; for 'local', a pool of `jobs` processes, or this
    process when there is one job or at most one chunk to extract."""
    if engine == "dask":
        return DaskRunner(scheduler, jobs)
    if jobs == 1 or not several_chunks:
        return InlineRunner()
    return PoolRunner(jobs)


def chunk_result(fut: Any) -> ChunkResult:
    """The result of a finished chunk future; a dead pool worker becomes a GeorelError that says what to do."""
    try:
        return cast(ChunkResult, fut.result())
    except BrokenProcessPool:
        raise GeorelError("a worker process died (out of memory?); the finished chunks are kept: run the same "
                          "command with --resume, perhaps with fewer --jobs") from None
