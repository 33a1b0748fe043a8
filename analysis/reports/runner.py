"""Parameterized notebook reports under reports/<run-id>/<report>/, run in parallel with papermill.

A run holds one report per article (``notebooks/01-article-report.ipynb``) or one corpus report
(``notebooks/02-corpus-report.ipynb``), and an ``index.html`` listing them with their status. Each
report folder has the executed ``report.ipynb``, a self-contained ``report.html`` (figures embedded,
code hidden, no external resources), ``figures/*.png``, ``data/*`` (`analysis.export.export_all`)
and ``status.json``. A report is written under a hidden temporary name and renamed when complete,
so a crash never leaves a half report that looks whole; a report that fails is kept, marked failed
with its error, while the others complete.

Reports run in worker processes (`run_reports`, one per core by default), each report in a fresh
``python3`` kernel that starts importing the package while its worker loads papermill.

The pages are rendered by `analysis.reports.html`; the helpers the notebooks call to show things
(`show_table`, `show_figure`, ...) are in `analysis.reports.display` and are importable from here too,
for notebooks written before they moved.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.errors import InputError, ReportError
from analysis.reports.html import html_exporter, index_page, notebook_to_html
from analysis.reports.kernel import KERNEL, WarmKernel, papermill_engine, tidy_kernel_log

if TYPE_CHECKING:
    from analysis.io.articles import Article

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
"""The project's notebooks folder (present in a source checkout or an editable install)."""
ARTICLE_NOTEBOOK = "01-article-report.ipynb"
CORPUS_NOTEBOOK = "02-corpus-report.ipynb"
START_TIMEOUT = 60.0
EXECUTION_TIMEOUT = 600.0
_RUN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
NOTES_FILE = "skipped.txt"
"""Written into a report's folder by `display.show_problems`: one skipped input or warning per line."""
_RESERVED = frozenset({"index.html", "run.json"})


# --- names -------------------------------------------------------------------------------------

def safe_run_id(run_id: str) -> str:
    """Check that a run id is a plain folder name (no '/', '..' or absolute paths)."""
    if not isinstance(run_id, str) or not _RUN_ID.match(run_id) or ".." in run_id:
        raise ReportError(f"run id {run_id!r} is not a plain folder name; use letters, digits, '.', '_' "
                          "or '-'")
    return run_id


def safe_report_name(name: str) -> str:
    """Check that a report name is a plain folder name inside its run (as `safe_run_id`)."""
    try:
        safe_run_id(name)
    except ReportError:
        raise ReportError(f"report name {name!r} is not a plain folder name; use letters, digits, '.', '_' "
                          "or '-'") from None
    if name in _RESERVED:
        raise ReportError(f"report name {name!r} is reserved for the run's own files; choose another")
    return name


def slug(text: str, *, fallback: str = "report") -> str:
    """A folder name made from any text (an article id): unsafe characters become '-'."""
    value = re.sub(r"[^A-Za-z0-9._-]+", "-", str(text)).strip("-.")
    value = re.sub(r"\.{2,}", ".", value)[:80].strip("-.")
    return value if value and value not in _RESERVED else fallback


def default_run_id(inputs: Sequence[str | Path]) -> str:
    """A run id from the inputs: the stem of a single input, else 'batch-<timestamp>'."""
    if len(inputs) == 1 and str(inputs[0]) != "-":
        return slug(Path(inputs[0]).stem, fallback="report")
    return "batch-" + dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def notebook_path(name: str, *, notebooks: str | os.PathLike[str] | None = None) -> Path:
    """The path of a bundled notebook (``01-article-report.ipynb``...) in `notebooks` or `NOTEBOOKS`."""
    path = Path(notebooks or NOTEBOOKS) / name
    if not path.is_file():
        raise ReportError(f"{path}: notebook not found; run from a source checkout of georelations or pass "
                          "--notebook PATH")
    return path.resolve()


# --- jobs and results ----------------------------------------------------------------------------

@dataclass(frozen=True)
class ReportJob:
    """One notebook to run into ``<run>/<name>/`` with `parameters`.

    When `article` is given (an `analysis.io.articles.Article` as a dict) it is written to
    ``article.jsonl`` in the report folder and passed as the ``article_path`` parameter: article
    text reaches the notebook as a file, never as code.
    """

    name: str
    notebook: Path
    parameters: Mapping[str, Any] = field(default_factory=dict)
    kind: str = "article"
    title: str = ""
    article: Mapping[str, Any] | None = None


@dataclass
class ReportResult:
    """What became of a job: ``status`` is ``"ok"`` or ``"failed"`` (with ``error``)."""

    name: str
    kind: str
    title: str
    status: str
    error: str | None = None
    seconds: float = 0.0
    files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass
class RunResult:
    """A finished run: its folder, its index and one result per report, in job order."""

    run_dir: Path
    index: Path
    reports: list[ReportResult]

    @property
    def failed(self) -> list[ReportResult]:
        return [r for r in self.reports if not r.ok]


_HEADLINE_CHARS = 100
_TITLE_CHARS = 90


def report_title(article: Article) -> str:
    """An article's title; without one its first line when that reads like a headline (short, no
    final period), else its first sentence, shortened; the id for an empty text."""
    if article.title and article.title.strip():
        return " ".join(article.title.split())
    lines = [" ".join(line.split()) for line in article.text.splitlines() if line.strip()]
    if not lines:
        return article.id
    first = lines[0]
    if len(first) <= _HEADLINE_CHARS and len(first.split()) <= 16 and not first.endswith((".", ",", ";", ":")):
        return first
    from analysis.extract.text import split_sentences

    spans = split_sentences(first)
    sentence = first[spans[0][0]:spans[0][1]].strip() if spans else first
    if len(sentence) <= _TITLE_CHARS:
        return sentence.rstrip(".")
    cut = sentence[:_TITLE_CHARS]
    at = cut.rfind(", ")
    if at < _TITLE_CHARS // 2:
        at = cut.rfind(" ")
    return cut[:at if at > 0 else _TITLE_CHARS].rstrip(" ,;:-–—") + "…"


def article_jobs(inputs: str | Path | Iterable[str | Path], *, notebook: str | os.PathLike[str] | None = None,
                 parameters: Mapping[str, Any] | None = None,
                 on_error: Callable[[InputError], None] | None = None) -> list[ReportJob]:
    """One article report job per article of the inputs (files, folders, '-'); names from the ids,
    titles from their headlines (`analysis.reports.display.report_title`)."""
    from analysis.io.articles import iter_articles

    path = Path(notebook) if notebook else notebook_path(ARTICLE_NOTEBOOK)
    jobs: list[ReportJob] = []
    taken: set[str] = set()
    for article in iter_articles(inputs, on_error=on_error):
        base = slug(article.id, fallback="article")
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base}-{n}"
        taken.add(name)
        jobs.append(ReportJob(name=name, notebook=path, kind="article", title=report_title(article),
                              parameters={"article_id": article.id, **(parameters or {})},
                              article=article.to_dict()))
    return jobs


def corpus_job(inputs: Sequence[str | Path], *, notebook: str | os.PathLike[str] | None = None,
               name: str = "corpus", start: str = "", end: str = "", countries: str = "",
               date_order: str = "", parameters: Mapping[str, Any] | None = None) -> ReportJob:
    """One corpus report over every article of the inputs (paths are passed, made absolute);
    `date_order` ("dmy", "mdy" or "" for the default rule) reads the articles' numeric dates."""
    from analysis.io.articles import parse_date

    for value, label in ((start, "--start"), (end, "--end")):
        if value:
            parse_date(value, source=label)
    if start and end and start > end:
        raise ReportError(f"--start {start} is after --end {end}; swap them")
    if any(str(p) == "-" for p in inputs):
        raise ReportError("a corpus report reads files, not standard input; save the articles to a file "
                          "first")
    missing = [str(p) for p in inputs if not Path(p).exists()]
    if missing:
        raise InputError("not found; check the path", source=missing[0])
    codes = ""
    if countries.strip():
        from analysis.corpus.selection import parse_countries

        codes = ",".join(parse_countries(countries))
    path = Path(notebook) if notebook else notebook_path(CORPUS_NOTEBOOK)
    span = " to ".join(v for v in (start, end) if v)
    title = "Corpus: " + ", ".join(Path(p).name for p in inputs) + (f" ({span})" if span else "")
    return ReportJob(name=safe_report_name(name), notebook=path, kind="corpus", title=title, parameters={
        "corpus_paths": [str(Path(p).resolve()) for p in inputs], "start_date": start or "",
        "end_date": end or "", "focus_countries": codes, "date_order": date_order, **(parameters or {})})


# --- running -------------------------------------------------------------------------------------

def run_reports(jobs: Sequence[ReportJob], run_dir: str | os.PathLike[str], *, force: bool = False,
                workers: int | None = None, progress: bool = False, start_timeout: float = START_TIMEOUT,
                execution_timeout: float = EXECUTION_TIMEOUT, title: str | None = None,
                notes: Sequence[str] = ()) -> RunResult:
    """Run report jobs in parallel into `run_dir` and write its ``index.html``.

    Parameters
    ----------
    jobs
        From `article_jobs` / `corpus_job`; names must be distinct plain folder names.
    run_dir
        ``reports/<run-id>``; its name must be a plain folder name (see `safe_run_id`).
    force
        Replace an existing run folder; without it an existing one is an error.
    workers
        Reports run at once (default: one per core, at most one per job): worker processes, each
        running papermill with a fresh ``python3`` kernel per report; with one, the reports run in
        this process, one after the other.
    progress
        Show a tqdm progress bar on standard error.
    start_timeout, execution_timeout
        Seconds to wait for a kernel to start and for any one cell to finish.
    title
        Title of the index page.
    notes
        Inputs skipped and warnings given while reading them, listed on the index page.

    Returns
    -------
    run
        The folder, the index path and one `ReportResult` per job; failed reports are results too.
    """
    from tqdm import tqdm

    run_dir = Path(run_dir)
    safe_run_id(run_dir.name)
    names = [safe_report_name(job.name) for job in jobs]
    if len(set(names)) != len(names):
        raise ReportError("two reports of the run have the same name; give each job its own name")
    if not jobs:
        raise ReportError("nothing to report: no article was read from the inputs")
    _prepare_run_dir(run_dir, force=force)
    results: dict[int, ReportResult] = {}
    n_workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    label = title or run_dir.name
    _write_index(run_dir, label, jobs, results, notes)
    bar = tqdm(total=len(jobs), unit="report", disable=not progress, file=sys.stderr, dynamic_ncols=True)

    def done(i: int, result: ReportResult) -> None:
        results[i] = result
        bar.update(1)
        failed = sum(1 for r in results.values() if not r.ok)
        if failed:
            bar.set_postfix(failed=failed)
        _write_index(run_dir, label, jobs, results, notes)

    timeouts = {"start_timeout": start_timeout, "execution_timeout": execution_timeout}
    try:
        if n_workers == 1:  # in this process: no worker to start
            # one (corpus) report with progress: a bar over its notebook's cells
            _run_here(jobs, run_dir, done, timeouts, cells=progress and len(jobs) == 1)
        else:
            _run_in_pool(jobs, run_dir, done, timeouts, n_workers)
    finally:
        bar.close()
        for leftover in run_dir.glob(".*.part"):
            shutil.rmtree(leftover, ignore_errors=True)
    ordered = [results[i] for i in range(len(jobs))]
    return RunResult(run_dir=run_dir, index=run_dir / "index.html", reports=ordered)


def _prepare_run_dir(run_dir: Path, *, force: bool) -> None:
    if run_dir.exists() or run_dir.is_symlink():
        if not force:
            raise ReportError(f"{run_dir} exists; pass --force to replace it or choose another --run-id")
        if run_dir.is_symlink() or not run_dir.is_dir():
            raise ReportError(f"{run_dir} is not a report folder; remove it yourself")
        old = run_dir.with_name(f".{run_dir.name}.old-{os.getpid()}")
        run_dir.rename(old)
        shutil.rmtree(old, ignore_errors=True)
    try:
        run_dir.mkdir(parents=True)
    except OSError as exc:
        raise ReportError(f"{run_dir}: cannot create the report folder ({exc.strerror})") from None


def _crashed(job: ReportJob, exc: BaseException) -> ReportResult:
    return ReportResult(job.name, job.kind, job.title, "failed", f"{type(exc).__name__}: {exc}")


def _run_here(jobs: Sequence[ReportJob], run_dir: Path, done: Callable[[int, ReportResult], None],
              timeouts: Mapping[str, float], *, cells: bool) -> None:
    """The reports one after the other in this process."""
    for i, job in enumerate(jobs):
        try:
            result = execute_report(job, run_dir, progress=cells, start_timeout=timeouts["start_timeout"],
                                    execution_timeout=timeouts["execution_timeout"])
        except Exception as exc:
            result = _crashed(job, exc)
        done(i, result)


def _run_in_pool(jobs: Sequence[ReportJob], run_dir: Path, done: Callable[[int, ReportResult], None],
                 timeouts: Mapping[str, float], n_workers: int) -> None:
    """The reports in `n_workers` spawned processes, each result handed to `done` as it comes."""
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from multiprocessing import get_context

    with ProcessPoolExecutor(max_workers=n_workers, mp_context=get_context("spawn")) as pool:
        futures = {pool.submit(execute_report, job, run_dir, start_timeout=timeouts["start_timeout"],
                               execution_timeout=timeouts["execution_timeout"]): i for i, job in enumerate(jobs)}
        try:
            for future in as_completed(futures):
                i = futures[future]
                try:
                    result = future.result()
                except Exception as exc:  # the worker itself failed (killed, out of memory)
                    result = _crashed(jobs[i], exc)
                done(i, result)
        except BaseException:
            for future in futures:
                future.cancel()
            raise


def _write_index(run_dir: Path, title: str, jobs: Sequence[ReportJob],
                 results: Mapping[int, ReportResult], notes: Sequence[str] = ()) -> Path:
    """Write the run's ``index.html`` and ``run.json`` (the same list as data), atomically."""
    from analysis.io.files import atomic_writer

    with atomic_writer(run_dir / "index.html") as handle:
        handle.write(index_page(title, jobs, results, notes=notes))
    listed = [asdict(results[i]) if i in results else {"name": job.name, "status": "pending"}
              for i, job in enumerate(jobs)]
    run = {"title": title, "reports": listed, "notes": list(notes)}
    with atomic_writer(run_dir / "run.json") as handle:
        json.dump(run, handle, ensure_ascii=False, indent=1)
    for name in ("index.html", "run.json"):
        _share_file(run_dir / name)
    return run_dir / "index.html"

def execute_report(job: ReportJob, run_dir: str | os.PathLike[str], *, start_timeout: float = START_TIMEOUT,
                   execution_timeout: float = EXECUTION_TIMEOUT, progress: bool = False) -> ReportResult:
    """Run one job into ``run_dir/<name>/`` (through a hidden temporary folder); never raises for a
    notebook that fails: the report is kept with ``status.json`` saying why.

    The fresh ``python3`` kernel is started first and imports the package (`WARM_MODULES`) while
    this process loads papermill, so the two start-up costs overlap.
    """
    from analysis.io.files import write_jsonl

    started = time.monotonic()
    run_dir = Path(run_dir)
    final = run_dir / safe_report_name(job.name)
    if final.exists():
        raise ReportError(f"{final} exists; pass --force to replace the run")
    tmp = Path(tempfile.mkdtemp(prefix=f".{job.name}.", suffix=".part", dir=run_dir))
    try:
        parameters = dict(job.parameters)
        if job.article is not None:
            write_jsonl([dict(job.article)], tmp / "article.jsonl")
            parameters["article_path"] = "article.jsonl"
        parameters.setdefault("output_dir", ".")
        notebook = tmp / "report.ipynb"
        error: str | None = None
        with (tmp / "kernel.log").open("ab") as log, WarmKernel(tmp, log) as kernel:
            import papermill  # loads while the kernel starts
            from papermill.exceptions import PapermillExecutionError

            _check_parameters(job.notebook, parameters)
            # build the HTML exporter (the first time in this process) while the kernel works
            threading.Thread(target=html_exporter, daemon=True).start()
            try:
                kernel.wait(start_timeout)
                papermill.execute_notebook(
                    _literal(job.notebook), _literal(notebook), parameters=parameters, kernel_name=KERNEL,
                    engine_name=papermill_engine(), km=kernel.manager, shutdown_kernel="immediate",
                    start_timeout=int(start_timeout), execution_timeout=int(execution_timeout),
                    progress_bar=progress, log_output=False)
            except PapermillExecutionError as exc:
                error = f"{exc.ename}: {exc.evalue}".strip()
            except Exception as exc:  # kernel died or timed out, unreadable notebook...
                error = f"{type(exc).__name__}: {exc}".strip()
        if notebook.exists():
            try:
                notebook_to_html(notebook, tmp / "report.html", title=job.title or job.name, error=error,
                                 parameters=parameters)
            except Exception as exc:
                error = error or f"HTML conversion failed: {type(exc).__name__}: {exc}"
        tidy_kernel_log(tmp / "kernel.log")
        files = sorted(str(p.relative_to(tmp)) for p in tmp.rglob("*") if p.is_file())
        result = ReportResult(job.name, job.kind, job.title, "failed" if error else "ok", error,
                              round(time.monotonic() - started, 2), files, _notes(tmp / NOTES_FILE))
        status = {**asdict(result), "notebook": str(job.notebook), "parameters": parameters,
                  "finished": dt.datetime.now().isoformat(timespec="seconds")}
        (tmp / "status.json").write_text(json.dumps(status, ensure_ascii=False, indent=1, default=str),
                                         encoding="utf-8")
        _share(tmp)
        os.rename(tmp, final)
        return result
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _notes(path: Path) -> list[str]:
    """The report's own list of skipped inputs and warnings (written by `display.show_problems`)."""
    try:
        return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except OSError:
        return []


def _share_file(path: Path) -> None:
    mask = os.umask(0)
    os.umask(mask)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~mask)


def _share(folder: Path) -> None:
    """Give a report folder the usual permissions (temporary files are private to their owner)."""
    mask = os.umask(0)
    os.umask(mask)
    for path in [folder, *folder.rglob("*")]:
        with contextlib.suppress(OSError):
            os.chmod(path, (0o777 if path.is_dir() else 0o666) & ~mask)


def _literal(path: str | os.PathLike[str]) -> str:
    """A path papermill will not treat as a format string (it fills '{name}' with parameters)."""
    return str(path).replace("{", "{{").replace("}", "}}")


def _check_parameters(notebook: Path, parameters: Mapping[str, Any]) -> None:
    import papermill

    try:
        declared = papermill.inspect_notebook(_literal(notebook))
    except Exception as exc:
        raise ReportError(f"{notebook}: cannot read the notebook ({exc})") from None
    unknown = sorted(set(parameters) - set(declared))
    if unknown:
        raise ReportError(f"{notebook}: no parameter(s) {', '.join(unknown)} in its 'parameters' cell")

