"""Corpus-scale extraction: throughput, scaling and peak memory of `georel extract`, next to
flashgeotext and geotext on the same corpus in the same run.

    python benchmarks/bench_corpus.py ../shared/eval/lgl_dev.jsonl ../shared/eval/geovirus.jsonl \
        --sizes 1000 10000 100000 --jobs 1 2

For each size the texts of the given JSONL files are repeated (with fresh ids) into a temporary JSONL
corpus. Every command runs in its own child process: `georel extract CORPUS -o OUT --jobs N` for each
--jobs, then a flashgeotext and a geotext loop over the same corpus. For each run the script prints
wall time, articles/s, CPU seconds (of all its processes) and peak memory: the peak RSS of the largest
single process (the child's own, from os.wait4, and its workers' VmHWM, sampled from /proc) and the
peak of the whole process tree (sum of RSS, sampled). It then checks the targets: time linear in size
(the largest size takes at most 1.05x its share of the next smaller one), peak memory flat (at most
1.2x), jobs=2 at least 1.7x faster than jobs=1, and the same output for every --jobs. The machine's
load average is printed because other work on the machine distorts the parallel speed-up; the CPU
ratio of jobs=2 to jobs=1 shows what two idle cores would give. Needs the `bench` extra.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

FLASHGEOTEXT = """
import json, sys
from flashgeotext.geotext import GeoText
geotext = GeoText()
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        geotext.extract(input_text=json.loads(line)["text"])
"""

GEOTEXT = """
import json, sys
from geotext import GeoText
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        GeoText(json.loads(line)["text"])
"""

LOAD = "from analysis.extract.gazetteer import load_gazetteer; load_gazetteer()"


def make_corpus(sources: list[Path], n: int, path: Path) -> None:
    texts = [json.loads(line)["text"] for src in sources for line in src.open(encoding="utf-8") if line.strip()]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)]}) + "\n")


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _cpu_seconds(pid: int) -> float:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _status_kib(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeSampler(threading.Thread):
    """Sample a process and its descendants: each one's peak RSS (VmHWM) and CPU time, and the tree's
    summed RSS. (Worker processes forked by a fork server are not the child's children, so the child's
    own rusage from os.wait4 does not cover them.)"""

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.hwm: dict[int, int] = {}
        self.cpu: dict[int, float] = {}
        self.tree_peak = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            tree, todo, pids = _children(), [self.pid], []
            while todo:
                pid = todo.pop()
                pids.append(pid)
                todo += tree.get(pid, [])
            self.tree_peak = max(self.tree_peak, sum(_status_kib(p, "VmRSS") for p in pids))
            for pid in pids:
                self.hwm[pid] = max(self.hwm.get(pid, 0), _status_kib(pid, "VmHWM"))
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), _cpu_seconds(pid))
            self.stop.wait(self.interval)


def run(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> dict[str, float]:
    """Run a command in a child process: wall time, CPU time and peak memory of it and its descendants."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=cwd)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            proc.kill()
            raise
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        sampler.stop.set()
        sampler.join()
        if proc.returncode != 0:
            err.seek(0)
            sys.exit(f"{' '.join(cmd[:3])} failed ({proc.returncode}): {err.read().decode()[-800:]}")
    peak_kib = max([usage.ru_maxrss, *sampler.hwm.values()])
    own_cpu = usage.ru_utime + usage.ru_stime  # the child's, with the children it waited for
    cpu = max(own_cpu, sum(sampler.cpu.values()))  # sampled: every descendant, up to a sample late
    return {"wall": wall, "cpu": cpu, "peak": peak_kib / 1024,
            "tree": max(sampler.tree_peak, usage.ru_maxrss) / 1024}


def digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    return h.hexdigest()[:12]


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="JSONL files whose texts make the corpus")
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000, 100000], help="corpus sizes")
    parser.add_argument("--jobs", nargs="+", type=int, default=[1, 2], help="--jobs values for georel extract")
    parser.add_argument("--no-baselines", action="store_true", help="skip flashgeotext and geotext")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # clean up the temporary corpus when killed
    python = sys.executable
    georel = str(Path(python).with_name("georel"))
    results: dict[tuple[str, int], dict[str, float]] = {}
    digests: dict[int, set[str]] = {}
    print(f"start: {load()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "GEOREL_CACHE_DIR": str(folder / "cache")}
        # every child runs in the temporary folder, so that `python -c` imports the same package as georel
        run([python, "-c", LOAD], env, folder)  # compile the gazetteer cache once, outside the measurements
        print(f"{'size':>7} {'run':14} {'seconds':>8} {'articles/s':>11} {'CPU s':>8} {'peak MiB':>9} "
              f"{'tree MiB':>9}", flush=True)
        for size in sorted(args.sizes):
            corpus = folder / "corpus.jsonl"
            make_corpus(args.files, size, corpus)
            runs: list[tuple[str, list[str]]] = [
                (f"georel -j{j}", [georel, "extract", str(corpus), "-o", str(folder / "out.jsonl"), "--jobs", str(j)])
                for j in args.jobs]
            if not args.no_baselines:
                runs += [("flashgeotext", [python, "-c", FLASHGEOTEXT, str(corpus)]),
                         ("geotext", [python, "-c", GEOTEXT, str(corpus)])]
            for name, cmd in runs:
                res = results[name, size] = run(cmd, env, folder)
                if name.startswith("georel"):
                    digests.setdefault(size, set()).add(digest(folder / "out.jsonl"))
                print(f"{size:7d} {name:14} {res['wall']:8.1f} {size / res['wall']:11.0f} {res['cpu']:8.1f} "
                      f"{res['peak']:9.0f} {res['tree']:9.0f}", flush=True)
            print(f"{size:7d} corpus {corpus.stat().st_size / 1e6:.0f} MB; {load()}", flush=True)
    print("targets:")
    sizes = sorted(args.sizes)
    for j in args.jobs:
        name = f"georel -j{j}"
        for small, large in zip(sizes, sizes[1:], strict=False):
            ratio = results[name, large]["wall"] / results[name, small]["wall"]
            cpu = results[name, large]["cpu"] / results[name, small]["cpu"]
            limit = 1.05 * large / small
            print(f"  {name}: time {large} / {small} = {ratio:.2f}x (at most {limit:.1f}x) "
                  f"{'ok' if ratio <= limit else 'MISSED'}; CPU time {cpu:.2f}x {'ok' if cpu <= limit else 'MISSED'}")
            mem = results[name, large]["peak"] / results[name, small]["peak"]
            print(f"  {name}: peak memory {large} / {small} = {mem:.2f}x (at most 1.2x) "
                  f"{'ok' if mem <= 1.2 else 'MISSED'}")
    if 1 in args.jobs and 2 in args.jobs:
        for size in sizes:
            one, two = results["georel -j1", size], results["georel -j2", size]
            speedup = one["wall"] / two["wall"]
            print(f"  speed-up jobs=2 / jobs=1 at {size}: {speedup:.2f}x (at least 1.7x) "
                  f"{'ok' if speedup >= 1.7 else 'MISSED'}; CPU jobs=2 / jobs=1 {two['cpu'] / one['cpu']:.2f}x, "
                  f"so on two idle cores about {2 * one['cpu'] / two['cpu']:.2f}x")
    for size in sizes:
        same = len(digests.get(size, ())) == 1
        print(f"  same output for every --jobs at {size}: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
