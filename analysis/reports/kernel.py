"""The kernel of a report: a fresh python3 kernel that imports the package while papermill loads,
and the papermill engine that runs a notebook on it.

`analysis.reports.runner.execute_report` starts a `WarmKernel` per report, runs the notebook with the
`papermill_engine` and cleans the kernel's log with `tidy_kernel_log`.
"""

from __future__ import annotations

import contextlib
import functools
import time
from pathlib import Path
from typing import Any

KERNEL = "python3"
"""The Jupyter kernel reports run in."""

WARM_MODULES = ("analysis.extract.pipeline", "analysis.corpus.aggregate", "analysis.figures.map", "analysis.network",
                "analysis.export", "analysis.reports.display", "matplotlib.pyplot", "IPython.display")
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


class WarmKernel:
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
        """Return when the kernel has imported the package; TimeoutError after `timeout` seconds."""
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

    def __enter__(self) -> WarmKernel:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client.channels_running:
            self._client.stop_channels()
        if self.manager.has_kernel:  # papermill has not shut it down (it failed before running)
            with contextlib.suppress(Exception):
                self._run_sync(self.manager.shutdown_kernel)(now=True)


@functools.lru_cache(maxsize=1)
def papermill_engine() -> str:
    """The name of a papermill engine that shuts down a kernel it was given (registered once per process)."""
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


def tidy_kernel_log(log: Path) -> None:
    """Drop the kernel's routine start/stop warnings; remove the log when nothing else is left."""
    if not log.exists():
        return
    lines = [line for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
             if line.strip() and not any(noise in line for noise in _LOG_NOISE)]
    if lines:
        log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        log.unlink()
