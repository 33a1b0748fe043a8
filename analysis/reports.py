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

The second half of the module holds the helpers the notebooks call to show things (`show_table`,
`show_figure`, ...): everything they display is escaped, so article text stays text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import html
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError, ReportError

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from .articles import Article

KERNEL = "python3"
NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
"""The project's notebooks folder (present in a source checkout or an editable install)."""
ARTICLE_NOTEBOOK = "01-article-report.ipynb"
CORPUS_NOTEBOOK = "02-corpus-report.ipynb"
START_TIMEOUT = 60.0
EXECUTION_TIMEOUT = 600.0
_RUN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
_RESERVED = frozenset({"index.html", "run.json"})
HIDE_TAG = "hide-in-report"
"""Cells with this tag (notes for notebook users) are left out of the HTML report."""


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

    When `article` is given (an `analysis.articles.Article` as a dict) it is written to
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


def article_jobs(inputs: str | Path | Iterable[str | Path], *, notebook: str | os.PathLike[str] | None = None,
                 parameters: Mapping[str, Any] | None = None,
                 on_error: Callable[[InputError], None] | None = None) -> list[ReportJob]:
    """One article report job per article of the inputs (files, folders, '-'); names from the ids."""
    from .articles import iter_articles

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
        jobs.append(ReportJob(name=name, notebook=path, kind="article", title=article.title or article.id,
                              parameters={"article_id": article.id, **(parameters or {})},
                              article=article.to_dict()))
    return jobs


def corpus_job(inputs: Sequence[str | Path], *, notebook: str | os.PathLike[str] | None = None,
               name: str = "corpus", start: str = "", end: str = "", countries: str = "",
               parameters: Mapping[str, Any] | None = None) -> ReportJob:
    """One corpus report over every article of the inputs (paths are passed, made absolute)."""
    from .articles import parse_date

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
        from .aggregate import parse_countries

        codes = ",".join(parse_countries(countries))
    path = Path(notebook) if notebook else notebook_path(CORPUS_NOTEBOOK)
    span = " to ".join(v for v in (start, end) if v)
    title = "Corpus: " + ", ".join(Path(p).name for p in inputs) + (f" ({span})" if span else "")
    return ReportJob(name=safe_report_name(name), notebook=path, kind="corpus", title=title, parameters={
        "corpus_paths": [str(Path(p).resolve()) for p in inputs], "start_date": start or "",
        "end_date": end or "", "focus_countries": codes, **(parameters or {})})


# --- running -------------------------------------------------------------------------------------

def run_reports(jobs: Sequence[ReportJob], run_dir: str | os.PathLike[str], *, force: bool = False,
                workers: int | None = None, progress: bool = False, start_timeout: float = START_TIMEOUT,
                execution_timeout: float = EXECUTION_TIMEOUT, title: str | None = None) -> RunResult:
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

    Returns
    -------
    run
        The folder, the index path and one `ReportResult` per job; failed reports are results too.
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from multiprocessing import get_context

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
    _write_index(run_dir, label, jobs, results)
    bar = tqdm(total=len(jobs), unit="report", disable=not progress, file=sys.stderr, dynamic_ncols=True)

    def done(i: int, result: ReportResult) -> None:
        results[i] = result
        bar.update(1)
        failed = sum(1 for r in results.values() if not r.ok)
        if failed:
            bar.set_postfix(failed=failed)
        _write_index(run_dir, label, jobs, results)

    def crashed(i: int, exc: BaseException) -> ReportResult:
        job = jobs[i]
        return ReportResult(job.name, job.kind, job.title, "failed", f"{type(exc).__name__}: {exc}")

    try:
        if n_workers == 1:  # in this process: no worker to start
            for i, job in enumerate(jobs):
                try:
                    result = execute_report(job, run_dir, start_timeout=start_timeout,
                                            execution_timeout=execution_timeout)
                except Exception as exc:
                    result = crashed(i, exc)
                done(i, result)
        else:
            with ProcessPoolExecutor(max_workers=n_workers, mp_context=get_context("spawn")) as pool:
                futures = {pool.submit(execute_report, job, run_dir, start_timeout=start_timeout,
                                       execution_timeout=execution_timeout): i for i, job in enumerate(jobs)}
                try:
                    for future in as_completed(futures):
                        i = futures[future]
                        try:
                            result = future.result()
                        except Exception as exc:  # the worker itself failed (killed, out of memory)
                            result = crashed(i, exc)
                        done(i, result)
                except BaseException:
                    for future in futures:
                        future.cancel()
                    raise
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


def execute_report(job: ReportJob, run_dir: str | os.PathLike[str], *, start_timeout: float = START_TIMEOUT,
                   execution_timeout: float = EXECUTION_TIMEOUT) -> ReportResult:
    """Run one job into ``run_dir/<name>/`` (through a hidden temporary folder); never raises for a
    notebook that fails: the report is kept with ``status.json`` saying why.

    The fresh ``python3`` kernel is started first and imports the package (`WARM_MODULES`) while
    this process loads papermill, so the two start-up costs overlap.
    """
    from .io import write_jsonl

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
        with (tmp / "kernel.log").open("ab") as log, _WarmKernel(tmp, log) as kernel:
            import papermill  # loads while the kernel starts
            from papermill.exceptions import PapermillExecutionError

            _check_parameters(job.notebook, parameters)
            # build the HTML exporter (the first time in this process) while the kernel works
            threading.Thread(target=_html_exporter, daemon=True).start()
            try:
                kernel.wait(start_timeout)
                papermill.execute_notebook(
                    _literal(job.notebook), _literal(notebook), parameters=parameters, kernel_name=KERNEL,
                    engine_name=_engine(), km=kernel.manager, shutdown_kernel="immediate",
                    start_timeout=int(start_timeout), execution_timeout=int(execution_timeout),
                    progress_bar=False, log_output=False)
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
        _tidy_log(tmp / "kernel.log")
        files = sorted(str(p.relative_to(tmp)) for p in tmp.rglob("*") if p.is_file())
        result = ReportResult(job.name, job.kind, job.title, "failed" if error else "ok", error,
                              round(time.monotonic() - started, 2), files)
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


WARM_MODULES = ("analysis.pipeline", "analysis.aggregate", "analysis.plot", "analysis.network",
                "analysis.export", "analysis.reports", "matplotlib.pyplot", "IPython.display")
"""Modules a report kernel imports before the notebook runs (a cache: the notebook imports what it uses)."""
_WARM_UP = f"""\
def _georel_warm_up():
    import importlib
    for name in {WARM_MODULES!r}:
        try:
            importlib.import_module(name)
        except Exception:
            pass
_georel_warm_up()
del _georel_warm_up
"""


class _WarmKernel:
    """A fresh python3 kernel, started in `cwd` with its output sent to `log`, told to import the
    package at once; `wait` returns when it has. The kernel is shut down on exit."""

    def __init__(self, cwd: Path, log: Any) -> None:
        from jupyter_client.blocking import BlockingKernelClient
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        self._run_sync = run_sync
        self.manager = AsyncKernelManager(kernel_name=KERNEL)
        run_sync(self.manager.start_kernel)(cwd=str(cwd), stdout=log, stderr=log)
        self._client = BlockingKernelClient()
        self._client.load_connection_info(self.manager.get_connection_info())
        self._client.start_channels(iopub=False, stdin=False, hb=False, control=False)
        self._msg_id = self._client.execute(_WARM_UP, silent=True, store_history=False)

    def wait(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"the {KERNEL} kernel did not start within {timeout:g} s")
                try:
                    reply = self._client.get_shell_msg(timeout=left)
                except Exception:  # queue.Empty: keep waiting until the deadline
                    continue
                if reply.get("parent_header", {}).get("msg_id") == self._msg_id:
                    return
        finally:
            self._client.stop_channels()

    def __enter__(self) -> _WarmKernel:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client.channels_running:
            self._client.stop_channels()
        if self.manager.has_kernel:  # papermill has not shut it down (it failed before running)
            with contextlib.suppress(Exception):
                self._run_sync(self.manager.shutdown_kernel)(now=True)


@functools.lru_cache(maxsize=1)
def _engine() -> str:
    """Register (once per process) a papermill engine that shuts down a kernel it was given."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.log import logger
    from papermill.utils import merge_kwargs, remove_args

    name = "georel-nbclient"

    class GivenKernelEngine(NBClientEngine):
        """papermill's nbclient engine, except that it cleans up the kernel and client it is given."""

        @classmethod
        def execute_managed_notebook(cls, nb_man: Any, kernel_name: str, log_output: bool = False,
                                     stdout_file: Any = None, stderr_file: Any = None,
                                     start_timeout: int = 60, execution_timeout: int | None = None,
                                     **kwargs: Any) -> Any:
            kwargs = remove_args(["input_path"], **kwargs)
            safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
            final_kwargs = merge_kwargs(
                safe_kwargs, timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
                startup_timeout=start_timeout, kernel_name=kernel_name, log=logger, log_output=log_output,
                stdout_file=stdout_file, stderr_file=stderr_file)
            return PapermillNotebookClient(nb_man, **final_kwargs).execute(cleanup_kc=True)

    papermill_engines.register(name, GivenKernelEngine)
    return name


_LOG_NOISE = ("Kernel is running over TCP without encryption", "KeyboardInterrupt caught in kernel")


def _tidy_log(log: Path) -> None:
    """Drop the kernel's routine start/stop warnings; remove the log when nothing else is left."""
    if not log.exists():
        return
    lines = [line for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
             if line.strip() and not any(noise in line for noise in _LOG_NOISE)]
    if lines:
        log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        log.unlink()


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


# --- HTML ----------------------------------------------------------------------------------------

_TEMPLATE = r"""{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block data_javascript scoped -%}{%- endblock data_javascript -%}
{%- block data_widget_view scoped -%}{%- endblock data_widget_view -%}
{% block extra_css %}<style type="text/css">{{ resources.georel.css }}</style>{% endblock extra_css %}
{%- block body_header -%}
{{ super() }}
{%- if resources.georel.error -%}
<div class="georel-failed"><strong>This report failed.</strong> {{ resources.georel.error | e }}</div>
{%- endif -%}
{%- endblock body_header -%}
{% block body_footer %}
<footer class="georel-footer"><details><summary>Report parameters</summary><table>
{%- for name, value in resources.georel.parameters -%}
<tr><th>{{ name | e }}</th><td><code>{{ value | e }}</code></td></tr>
{%- endfor -%}</table></details>
<p>georelations {{ resources.georel.version | e }} &middot;
generated {{ resources.georel.generated | e }}</p></footer>
{{ super() }}
{% endblock body_footer %}
"""

_CSS = """
body.jp-Notebook main { max-width: 1180px; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
body.jp-Notebook { --jp-content-font-size1: 15px; }
.jp-Cell { padding: 0; }
.jp-mod-noOutputs { display: none; }
.jp-RenderedHTMLCommon h1 { font-size: 1.9rem; margin-top: 0.4rem; }
.jp-RenderedHTMLCommon h2 { font-size: 1.35rem; margin-top: 1.6rem; border-bottom: 1px solid #ddd;
  padding-bottom: 0.2rem; }
.jp-RenderedImage img, .jp-OutputArea-output img { max-width: 100%; height: auto; }
.jp-RenderedHTMLCommon table.georel-table { border-collapse: collapse; font-size: 12px;
  margin: 0.3rem 0 0.6rem; table-layout: auto; }
.jp-RenderedHTMLCommon table.georel-table th, .jp-RenderedHTMLCommon table.georel-table td { padding: 4px 6px;
  border: none; border-bottom: 1px solid #e5e5e5; text-align: left; vertical-align: top; max-width: 40em; }
.jp-RenderedHTMLCommon table.georel-table thead th { background: #f1f1f1; border-bottom: 1px solid #bbb;
  white-space: nowrap; }
.jp-RenderedHTMLCommon table.georel-table tbody tr:nth-child(odd) { background: #fafafa; }
.jp-RenderedHTMLCommon table.georel-table tbody tr:hover { background: #eef5fb; }
.jp-RenderedHTMLCommon table.georel-table td.num { text-align: right; font-variant-numeric: tabular-nums;
  white-space: nowrap; }
.jp-RenderedHTMLCommon table.georel-table td.wide { min-width: 17em; }
.jp-RenderedHTMLCommon table.georel-table td.nowrap { white-space: nowrap; }
.jp-RenderedHTMLCommon table.georel-table th.key { font-weight: 600; white-space: nowrap; background: none; }
.georel-more, .georel-note { color: #555; font-size: 13px; }
.georel-subtitle { color: #444; font-size: 15px; margin-top: -0.4rem; }
.georel-failed { background: #fde8e4; border: 1px solid #d55e00; padding: 0.8rem 1rem; margin: 1rem 0;
  white-space: pre-wrap; font-family: var(--jp-ui-font-family, system-ui, sans-serif); font-size: 14px; }
.georel-text { white-space: pre-wrap; line-height: 1.55; font-size: 14px; max-width: 52em; }
mark.georel-place { background: #cfe6f5; padding: 0 1px; }
mark.georel-actor { background: #f6e3a6; padding: 0 1px; }
.georel-footer { max-width: 1180px; margin: 2rem auto; padding: 0 2rem; color: #555; font-size: 13px;
  font-family: var(--jp-ui-font-family, system-ui, sans-serif); }
.georel-footer th { text-align: left; padding-right: 1rem; font-weight: normal; }
"""

_TAGS = ["a", "abbr", "b", "blockquote", "br", "caption", "code", "details", "div", "em", "h1", "h2", "h3",
         "h4", "hr", "i", "img", "li", "mark", "ol", "p", "pre", "small", "span", "strong", "sub", "summary",
         "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"]
_ATTRIBUTES = {"*": ["class", "title"], "a": ["href"], "td": ["colspan", "rowspan"],
               "th": ["colspan", "rowspan"], "img": ["alt", "width", "height"], "details": ["open"]}


def notebook_to_html(notebook: str | os.PathLike[str], path: str | os.PathLike[str], *, title: str,
                     error: str | None = None, parameters: Mapping[str, Any] | None = None) -> Path:
    """Write an executed notebook as one self-contained HTML file (atomically).

    Code is hidden, figures are embedded as data URIs, nothing is fetched from the network (no
    require.js, MathJax or widget scripts) and the HTML of outputs is sanitized: tags outside a
    small allow-list (no ``<script>``, ``<style>``, ``<iframe>``, event attributes) are escaped.
    """
    import warnings

    import nbformat

    from . import __version__
    from .io import atomic_writer

    nb = nbformat.read(str(notebook), as_version=4)
    nb.metadata["title"] = title
    failed_at = next((i for i, cell in enumerate(nb.cells) if cell.cell_type == "code"
                      and any(o.get("output_type") == "error" for o in cell.get("outputs", []))), None)
    if failed_at is not None:  # the sections after the failure are empty: leave them out
        nb.cells = nb.cells[:failed_at + 1]
    resources = {"georel": {
        "css": _CSS, "error": error, "version": __version__,
        "generated": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "parameters": [(k, _show_value(v)) for k, v in (parameters or {}).items()],
    }}
    with warnings.catch_warnings():  # outputs the sanitizer emptied (javascript) are "not representable"
        warnings.filterwarnings("ignore", message="Your element with mimetype")
        body, _ = _html_exporter().from_notebook_node(nb, resources=resources)
    with atomic_writer(Path(path)) as handle:
        handle.write(body)
    return Path(path)


@functools.lru_cache(maxsize=1)
def _html_exporter() -> Any:
    """The HTML exporter (built once per process: loading its templates takes a while)."""
    import nbformat
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor
    from nbconvert.preprocessors.sanitize import SanitizeHTML

    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True, embed_images=True,
                            extra_loaders=[DictLoader({"georel_report.html.j2": _TEMPLATE})])
    exporter.template_file = "georel_report.html.j2"
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={HIDE_TAG}, enabled=True),
                                   enabled=True)
    exporter.register_preprocessor(SanitizeHTML(tags=_TAGS, attributes=_ATTRIBUTES, strip=False),
                                   enabled=True)
    empty = nbformat.v4.new_notebook()  # compiles the templates now rather than on the first report
    exporter.from_notebook_node(empty, resources={"georel": {"css": "", "parameters": []}})
    return exporter


def _show_value(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 300 else text[:300] + "…"


def _write_index(run_dir: Path, title: str, jobs: Sequence[ReportJob],
                 results: Mapping[int, ReportResult]) -> Path:
    from .io import atomic_writer

    rows = []
    for i, job in enumerate(jobs):
        result = results.get(i)
        name = html.escape(job.name)
        if result is None:
            status, link, detail = "pending", name, ""
        else:
            status = result.status
            has_html = "report.html" in result.files
            link = f'<a href="{html.escape(job.name)}/report.html">{name}</a>' if has_html else name
            extras = [f'<a href="{html.escape(job.name)}/{f}">{html.escape(f)}</a>' for f in
                      ("report.ipynb", "status.json") if f in result.files]
            error = f'<div class="error">{html.escape(result.error)}</div>' if result.error else ""
            detail = error + f'<div class="files">{" · ".join(extras)}</div>'
        seconds = f"{result.seconds:.1f} s" if result else ""
        rows.append(f'<tr class="{status}"><td>{link}</td><td>{html.escape(job.kind)}</td>'
                    f"<td>{html.escape(job.title)}</td><td><span class=\"status\">{status}</span></td>"
                    f"<td class=\"num\">{seconds}</td><td>{detail}</td></tr>")
    done = sum(1 for r in results.values() if r.ok)
    failed = sum(1 for r in results.values() if not r.ok)
    summary = f"{len(jobs)} report{'s' if len(jobs) != 1 else ''}: {done} ok, {failed} failed" + \
        (f", {len(jobs) - done - failed} pending" if done + failed < len(jobs) else "")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · georelations reports</title>
<style>
body {{ font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; max-width: 1100px;
  margin: 2rem auto; padding: 0 1.5rem; }}
table {{ border-collapse: collapse; width: 100%; }} th, td {{ text-align: left; padding: 6px 10px;
  border-bottom: 1px solid #e3e3e3; vertical-align: top; }}
th {{ background: #f3f3f3; }} td.num {{ text-align: right; white-space: nowrap; }}
.status {{ font-weight: 600; }} tr.ok .status {{ color: #0a7a45; }} tr.failed .status {{ color: #c0392b; }}
tr.pending .status {{ color: #888; }} .error {{ color: #8a2c12; white-space: pre-wrap; font-size: 13px; }}
.files {{ font-size: 12px; color: #666; }} .files a {{ color: #666; }}
</style></head><body>
<h1>{html.escape(title)}</h1>
<p>{html.escape(summary)} · updated {dt.datetime.now():%Y-%m-%d %H:%M:%S}</p>
<table><thead><tr><th>Report</th><th>Kind</th><th>Article or corpus</th><th>Status</th><th>Time</th>
<th>Details</th></tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""
    with atomic_writer(run_dir / "index.html") as handle:
        handle.write(page)
    listed = [asdict(results[i]) if i in results else {"name": job.name, "status": "pending"}
              for i, job in enumerate(jobs)]
    run = {"title": title, "reports": listed}
    with atomic_writer(run_dir / "run.json") as handle:
        json.dump(run, handle, ensure_ascii=False, indent=1)
    for name in ("index.html", "run.json"):
        _share_file(run_dir / name)
    return run_dir / "index.html"


# --- helpers the notebooks call ------------------------------------------------------------------

def load_article(path: str | os.PathLike[str], *, article_id: str = "") -> Article:
    """The article with `article_id` in a file (.txt, .jsonl, .csv), or its first article."""
    from .articles import iter_articles

    for article in iter_articles(Path(path)):
        if not article_id or article.id == article_id:
            return article
    what = f"no article with id {article_id!r}" if article_id else "no article"
    raise InputError(f"{what}; check the id and the file", source=str(path))


def output_folder(output_dir: str | os.PathLike[str] | None) -> Path | None:
    """The folder a notebook writes figures and data to (created), or None for ``""``."""
    if output_dir is None or str(output_dir) == "":
        return None
    out = Path(output_dir)
    for sub in (out, out / "figures", out / "data"):
        sub.mkdir(exist_ok=True)
    return out


def _display_html(markup: str) -> None:
    from IPython.display import HTML, display

    display(HTML(markup))


def show_header(title: str, subtitle: str = "") -> None:
    """Display a report title and a line under it (both escaped)."""
    _display_html(f"<h1>{html.escape(title)}</h1>"
                  + (f'<p class="georel-subtitle">{html.escape(subtitle)}</p>' if subtitle else ""))


def article_subtitle(article: Article) -> str:
    """``Article report · date · source · id`` of an article, the parts that are known."""
    parts = ["Article report", article.date or "undated", article.source or "", f"id {article.id}"]
    return " · ".join(p for p in parts if p)


def table_html(frame: pd.DataFrame, *, max_rows: int | None = None, index: bool = False, header: bool = True,
               drop_empty: bool = True, wide: Collection[str] = ("evidence",),
               nowrap: Collection[str] = ("date", "source", "target")) -> str:
    """An escaped HTML table of a DataFrame, numbers right-aligned, and notes on what is left out.

    Columns without any value are left out (with a note) when `drop_empty`; columns named in
    `wide` get room for sentences, those in `nowrap` stay on one line.
    """
    import pandas as pd

    if frame.empty:
        return '<p class="georel-note">None.</p>'
    empty = [c for c in frame.columns if frame[c].map(_cell).eq("").all()] if drop_empty else []
    frame = frame.drop(columns=empty)
    shown = frame if max_rows is None or len(frame) <= max_rows else frame.head(max_rows)
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
               for c in frame.columns]
    classes = [" class=num" if num else " class=wide" if str(c) in wide
               else " class=nowrap" if str(c) in nowrap else ""
               for c, num in zip(frame.columns, numeric, strict=True)]
    head = ""
    if header:
        names = ([str(frame.index.name or "")] if index else []) + [str(c) for c in frame.columns]
        head = "<thead><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in names) + "</tr></thead>"
    body = []
    for key, row in zip(shown.index, shown.itertuples(index=False), strict=True):
        cells = "".join(f"<td{cls}>{html.escape(_cell(v))}</td>" for v, cls in zip(row, classes, strict=True))
        key_cell = f'<th class="key">{html.escape(_cell(key))}</th>' if index else ""
        body.append(f"<tr>{key_cell}{cells}</tr>")
    notes = []
    if len(shown) < len(frame):
        notes.append(f"… and {len(frame) - len(shown)} more rows (all of them are in the data files).")
    if empty:
        notes.append("Columns without any value are left out: " + ", ".join(map(str, empty)) + ".")
    more = "".join(f'<p class="georel-more">{html.escape(n)}</p>' for n in notes)
    return f'<table class="georel-table">{head}<tbody>{"".join(body)}</tbody></table>{more}'


def _cell(value: Any) -> str:
    import pandas as pd

    if value is None or (not isinstance(value, str | list | tuple | dict) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.0f}"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value)


def show_table(frame: pd.DataFrame, *, max_rows: int | None = None, index: bool = False,
               header: bool = True) -> None:
    """Display a DataFrame as an escaped table (see `table_html`)."""
    _display_html(table_html(frame, max_rows=max_rows, index=index, header=header))


def show_note(text: str) -> None:
    """Display a line of explanatory text (escaped)."""
    _display_html(f'<p class="georel-note">{html.escape(text)}</p>')


def show_figure(ax: Axes, name: str, out: Path | None = None, *, dpi: int = 150) -> None:
    """Show a figure in the notebook and save it as ``<out>/figures/<name>.png``; close it.

    The same PNG is displayed and saved, so the report shows exactly the file it ships.
    """
    import io

    import matplotlib.pyplot as plt
    from IPython.display import Image, display

    from .export import save_figure

    fig = ax.get_figure(root=True)
    if fig is None:
        raise ReportError(f"figure {name!r}: the Axes belongs to no figure")
    if out is not None:
        data = save_figure(fig, out / "figures" / f"{slug(name)}.png", dpi=dpi).read_bytes()
    else:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
        data = buffer.getvalue()
    plt.close(fig)
    width = int.from_bytes(data[16:20], "big")  # PNG IHDR width
    display(Image(data=data, format="png", width=max(1, round(width * 100 / dpi))))


def article_text_html(article: Article, record: Mapping[str, Any]) -> str:
    """The article text, escaped, with place and actor mentions marked (offsets from the record)."""
    spans: list[tuple[int, int, str, str]] = []
    for place in record.get("places") or []:
        spans.append((int(place["start"]), int(place["end"]), "place",
                      f"{place.get('name')} ({place.get('kind')}, {place.get('country') or '?'})"))
    for actor in record.get("actors") or []:
        spans.append((int(actor["start"]), int(actor["end"]), "actor", f"{actor.get('code')}"))
    spans.sort(key=lambda s: (s[0], -s[1]))
    text = article.text
    parts: list[str] = []
    at = 0
    for start, end, kind, label in spans:
        if start < at or end > len(text) or start >= end:
            continue
        parts.append(html.escape(text[at:start]))
        parts.append(f'<mark class="georel-{kind}" title="{html.escape(label)}">'
                     f'{html.escape(text[start:end])}</mark>')
        at = end
    parts.append(html.escape(text[at:]))
    return f'<div class="georel-text">{"".join(parts)}</div>'


def show_article_text(article: Article, record: Mapping[str, Any]) -> None:
    """Display the article with its place (blue) and actor (yellow) mentions marked."""
    _display_html('<details open><summary>Article text: <mark class="georel-place">places</mark> and '
                  '<mark class="georel-actor">actors</mark> marked</summary>'
                  + article_text_html(article, record) + "</details>")


def write_exports(records: Any, out: Path | None, *, formats: str | Iterable[str] = "geojson,graphml,csv"
                  ) -> dict[str, Path]:
    """Write ``<out>/data/records.jsonl`` and `analysis.export.export_all` files; nothing when out is None."""
    from .export import export_all
    from .frames import as_records
    from .io import write_jsonl

    if out is None:
        return {}
    records = as_records(records)
    wanted = [f.strip() for f in formats.split(",")] if isinstance(formats, str) else list(formats)
    data = out / "data"
    data.mkdir(parents=True, exist_ok=True)
    written = {"records.jsonl": data / "records.jsonl"}
    write_jsonl([dict(r) for r in records], data / "records.jsonl")
    written.update(export_all(records, data, formats=[f for f in wanted if f]))
    return written


def show_files(files: Mapping[str, Path], out: Path | None) -> None:
    """Display links (relative to the report) to the files a report wrote."""
    if out is None or not files:
        show_note("No files written (output_dir is empty).")
        return
    figures = sorted((out / "figures").glob("*.png")) if (out / "figures").is_dir() else []
    items = [*figures, *files.values()]
    links = []
    for path in items:
        rel = os.path.relpath(path, out)
        size = path.stat().st_size if path.exists() else 0
        links.append(f'<li><a href="{html.escape(rel)}">{html.escape(rel)}</a> '
                     f'<span class="georel-note">({_size(size)})</span></li>')
    _display_html(f"<ul>{''.join(links)}</ul>")


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB" if n >= 1e3 else f"{n} B"


def show_problems(problems: Sequence[Any]) -> None:
    """Display the inputs that could not be read (escaped), if any."""
    if problems:
        items = "".join(f"<li>{html.escape(str(p))}</li>" for p in problems)
        _display_html(f'<div class="georel-failed"><strong>{len(problems)} input(s) skipped:</strong>'
                      f"<ul>{items}</ul></div>")
