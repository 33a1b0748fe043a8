"""Time `georel report` against papermill's own floor, and a batch with 2 workers against 1.

    .venv/bin/python benchmarks/bench_report.py [--repeat 3] [--batch 20]

Prints (1) the wall time of the bundled article's report (`georel report ARTICLE`, a cold command)
next to `papermill` running an empty notebook (also a cold command) on the same machine, and their
ratio (target <= 3x); (2) where the report's time goes (kernel start, notebook cells, the rest);
(3) a batch of `--batch` copies of the article reported with `--jobs 1` and `--jobs 2`, and the
speed-up (target >= 1.6x). CPU seconds (of the command, its workers and kernels) are printed too:
on a machine shared with other work, CPU / wall (the cores a run kept busy) shows whether the
reports ran in parallel even when the wall-clock speed-up is eaten by the other processes.

Each report runs in a fresh kernel, so its fixed cost is a kernel start plus the package imports;
the kernel starts importing while its worker loads papermill, and workers stay warm across reports.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from analysis.io.articles import load_articles

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "data" / "articles" / "2023-09-11-kim-putin-summit.txt"
BIN = Path(sys.executable).parent


CPU: list[float] = []
"""CPU seconds (user + system, all child processes) of each `run`, in order."""


def run(cmd: list[str], cwd: Path) -> float:
    """Wall seconds of a command; its CPU seconds (with its workers and kernels) go to `CPU`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        sys.exit(f"bench_report: {' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def empty_notebook(path: Path) -> Path:
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    nb.cells = [nbformat.v4.new_code_cell("")]
    nbformat.write(nb, path)
    return path


def breakdown(report_dir: Path) -> str:
    nb = nbformat.read(report_dir / "report.ipynb", as_version=4)
    meta = nb.metadata["papermill"]
    cells = [(float(c.metadata["papermill"].get("duration") or 0.0), c.source.splitlines()[-1][:70])
             for c in nb.cells if c.cell_type == "code" and "papermill" in c.metadata]
    in_cells = sum(d for d, _ in cells)
    status = json.loads((report_dir / "status.json").read_text(encoding="utf-8"))
    lines = [f"  papermill run {meta['duration']:.2f} s = cells {in_cells:.2f} s + kernel start/stop "
             f"{meta['duration'] - in_cells:.2f} s; whole report in its worker {status['seconds']:.2f} s "
             "(+ HTML, files)",
             "  slowest cells:"]
    lines += [f"    {d:5.2f} s  {src}" for d, src in sorted(cells, reverse=True)[:5]]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each single measurement (median shown)")
    parser.add_argument("--batch", type=int, default=20, help="articles in the batch measurement")
    args = parser.parse_args()
    georel, papermill = str(BIN / "georel"), str(BIN / "papermill")
    print(f"machine: {os.cpu_count()} cores, {load()} (other processes compete for the cores), "
          f"Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        work = Path(tmp)
        empty = empty_notebook(work / "empty.ipynb")
        pm_cmd = [papermill, "-k", "python3", "--no-progress-bar", str(empty), str(work / "out.ipynb")]
        floor = [run(pm_cmd, work) for _ in range(args.repeat)]
        single = [run([georel, "report", str(ARTICLE), "--out", str(work / "reports"), "--run-id", "one",
                       "--jobs", "1", "--force"], work) for _ in range(args.repeat)]
        f, s = statistics.median(floor), statistics.median(single)
        cpu_f = statistics.median(CPU[:args.repeat])
        cpu_s = statistics.median(CPU[args.repeat:2 * args.repeat])
        print(f"papermill, empty notebook:        {f:6.2f} s wall, {cpu_f:5.2f} s CPU  "
              f"(runs: {', '.join(f'{x:.2f}' for x in floor)})")
        print(f"georel report, bundled article:   {s:6.2f} s wall, {cpu_s:5.2f} s CPU  "
              f"(runs: {', '.join(f'{x:.2f}' for x in single)})  {load()}")
        print(f"ratio: {s / f:.2f}x wall, {cpu_s / cpu_f:.2f}x CPU  (target <= 3x) -> "
              f"{'met' if s / f <= 3 else 'NOT met'}")
        print(breakdown(work / "reports" / "one" / ARTICLE.stem))

        text = load_articles(ARTICLE)[0].text
        batch = work / "batch.jsonl"
        lines = [json.dumps({"id": f"article-{i:02d}", "date": f"2023-09-{1 + i % 28:02d}", "text": text})
                 for i in range(args.batch)]
        batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
        times = {}
        for jobs in (1, 2):
            at_start = load()
            times[jobs] = run([georel, "report", str(batch), "--out", str(work / "reports"), "--run-id",
                               f"batch-{jobs}", "--jobs", str(jobs), "--force"], work)
            print(f"batch of {args.batch} articles, --jobs {jobs}: {times[jobs]:6.2f} s wall "
                  f"({times[jobs] / args.batch:.2f} s per report), {CPU[-1]:6.1f} s CPU = "
                  f"{CPU[-1] / times[jobs]:.2f} cores busy on average  {at_start}")
        speedup = times[1] / times[2]
        print(f"speed-up with 2 workers: {speedup:.2f}x wall  (target >= 1.6x) -> "
              f"{'met' if speedup >= 1.6 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
