"""The kernel of a report (analysis.reports.kernel): started warm, shut down, its log tidied."""

from __future__ import annotations

from pathlib import Path

from analysis.reports import kernel as report_kernel


def test_warm_kernel_imports_the_package_and_shuts_down(tmp_path: Path) -> None:
    with (tmp_path / "kernel.log").open("ab") as log, report_kernel.WarmKernel(tmp_path, log) as kernel:
        kernel.wait(60)
        assert kernel.manager.has_kernel
    assert not kernel.manager.has_kernel


def test_papermill_engine_is_registered_once() -> None:
    from papermill.engines import papermill_engines

    name = report_kernel.papermill_engine()
    assert report_kernel.papermill_engine() == name and papermill_engines.get_engine(name) is not None


def test_tidy_kernel_log(tmp_path: Path) -> None:
    log = tmp_path / "kernel.log"
    log.write_text("Kernel is running over TCP without encryption\n\nKeyboardInterrupt caught in kernel\n")
    report_kernel.tidy_kernel_log(log)
    assert not log.exists()
    report_kernel.tidy_kernel_log(log)  # no log: nothing to do
    log.write_text("Kernel is running over TCP without encryption\nwarning: something real\n")
    report_kernel.tidy_kernel_log(log)
    assert log.read_text() == "warning: something real\n"
