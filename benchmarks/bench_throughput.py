"""Throughput of `georel extract` against flashgeotext on the same corpus, in the same run.

    python benchmarks/bench_throughput.py ../shared/eval/lgl_dev.jsonl ../shared/eval/geovirus.jsonl \
        --articles 5000 --rounds 2

The texts of the given JSONL files are repeated to --articles articles and written to a temporary
JSONL corpus. Each round runs, alternately, `georel extract CORPUS -o OUT` and a flashgeotext run over
the same texts, each in its own process; the script prints articles/s, CPU seconds (user + system of
the child, `georel extract --jobs 1` so that all work is in that child) and peak memory (max RSS of
the child) of each, the ratio georel/flashgeotext of CPU time,
and the gazetteer load time (cold: index compiled from the Parquet tables; warm: from the cache).
Needs the `bench` extra (pip install -e ".[bench]").
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLASHGEOTEXT = """
import json, sys
from flashgeotext.geotext import GeoText
geotext = GeoText()
n = 0
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        geotext.extract(input_text=json.loads(line)["text"])
        n += 1
print(n)
"""

LOAD = """
import time
t = time.perf_counter()
from analysis.extract.gazetteer import load_gazetteer
load_gazetteer()
print(time.perf_counter() - t)
"""


def make_corpus(sources: list[Path], n: int, folder: Path) -> Path:
    texts = [json.loads(line)["text"] for src in sources for line in src.open(encoding="utf-8")]
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)]}) + "\n")
    return path


def run(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Run a command in a child process; its wall time, CPU time and peak RSS (its own, via wait4)."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            sys.exit(f"{cmd[0]} failed: {err.read().decode()[-500:]}")
        return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024,
                "stdout": out.read().decode()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="JSONL files whose texts make the corpus")
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    python = sys.executable
    georel = str(Path(python).with_name("georel"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = make_corpus(args.files, args.articles, folder)
        size_mb = corpus.stat().st_size / 1e6
        print(f"corpus: {args.articles} articles, {size_mb:.1f} MB")
        cache = folder / "cache"
        env = {**os.environ, "GEOREL_CACHE_DIR": str(cache)}
        cold = float(run([python, "-c", LOAD], env)["stdout"])
        warm = float(run([python, "-c", LOAD], env)["stdout"])
        print(f"gazetteer load: cold {cold:.2f} s (compiles the index), warm {warm:.2f} s (cached)")
        results: dict[str, list[dict[str, float]]] = {"georel extract": [], "flashgeotext": []}
        for _ in range(args.rounds):
            results["georel extract"].append(run([georel, "extract", str(corpus), "--jobs", "1", "-o",
                                                  str(folder / "out.jsonl")],
                                                 env))
            results["flashgeotext"].append(run([python, "-c", FLASHGEOTEXT, str(corpus)]))
        print(f"{'':16} {'articles/s':>11} {'CPU s':>8} {'peak MiB':>9}")
        best = {}
        for name, runs in results.items():
            cpu = min(r["cpu"] for r in runs)
            wall = min(r["wall"] for r in runs)
            rss = max(r["rss_mib"] for r in runs)
            best[name] = cpu
            print(f"{name:16} {args.articles / wall:11.0f} {cpu:8.2f} {rss:9.0f}")
        print(f"CPU ratio georel/flashgeotext: {best['georel extract'] / best['flashgeotext']:.2f}")


if __name__ == "__main__":
    main()
