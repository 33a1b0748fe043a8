"""CPU instructions of an extraction, counted by valgrind's callgrind: the same figure on every run of the
same code and texts, however busy the machine is (timings on a shared machine vary by 10-30%).

    python benchmarks/count_instructions.py ../shared/eval/lgl_dev.jsonl ../shared/eval/geovirus.jsonl \
        --articles 200 [--python ../other-checkout/.venv/bin/python]

Three child processes run under `valgrind --tool=callgrind` (in parallel): one loads the package and extracts one
short text, one also extracts the first --articles texts of the files (each record serialised as JSON), one
extracts those texts twice. Printed: instructions of the start (import, reference data, one short text), per
article of the first pass (cold: names and words seen for the first time) and of the second pass (warm: what
the process remembers across articles). With --python, the children run another interpreter and the package
installed there (an earlier checkout's virtual environment), so that two versions are compared on the same
texts. The compiled cache is filled by one run beforehand. Needs valgrind.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import json, sys
try:
    from analysis.extract.pipeline import extract_record
    from analysis.io.articles import article_from_text
except ImportError:  # an earlier layout of the package
    from analysis.pipeline import extract_record
    from analysis.articles import article_from_text
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
extract_record(article_from_text("Kim Jong Un met Vladimir Putin in Vladivostok on Tuesday.", date="2023-09-11"))
for _ in range(int(sys.argv[2])):
    for text in texts:
        json.dumps(extract_record(article_from_text(text, date="2023-09-11")))
"""


def count(python: str, script: Path, corpus: Path, passes: int, out: Path, env: dict[str, str]
          ) -> subprocess.Popen[bytes]:
    """Start one child under callgrind; its count is read from `out` when it has ended."""
    return subprocess.Popen(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", python, str(script),
                             str(corpus), str(passes)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


def collected(proc: subprocess.Popen[bytes]) -> int:
    _, err = proc.communicate()
    found = re.search(rb"Collected : (\d+)", err)
    if proc.returncode != 0 or found is None:
        sys.exit(f"count_instructions: a child failed: {err.decode(errors='replace')[-500:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="JSONL files with a 'text' per line")
    parser.add_argument("--articles", type=int, default=200, help="texts extracted per pass")
    parser.add_argument("--python", default=sys.executable, help="interpreter whose environment holds the package")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("count_instructions: valgrind is not installed (apt-get install valgrind)")
    texts = [json.loads(line)["text"] for path in args.files for line in path.open(encoding="utf-8")]
    texts = texts[:args.articles]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus, script = folder / "corpus.jsonl", folder / "child.py"
        corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
        script.write_text(CHILD, encoding="utf-8")
        env = {**os.environ, "PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1"}
        env.setdefault("GEOREL_CACHE_DIR", str(folder / "cache"))
        subprocess.run([args.python, str(script), str(corpus), "1"], env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fills the compiled cache and the bytecode
        procs = [count(args.python, script, corpus, n, folder / f"callgrind.{n}", env) for n in (0, 1, 2)]
        start, one, two = (collected(p) for p in procs)
    n = len(texts)
    print(f"{n} articles; instructions (callgrind), {args.python}")
    print(f"{'start (import, reference data, one text)':44} {start / 1e6:10.0f} M")
    print(f"{'per article, first pass (cold)':44} {(one - start) / n / 1e3:10.0f} K")
    print(f"{'per article, second pass (warm)':44} {(two - one) / n / 1e3:10.0f} K")


if __name__ == "__main__":
    main()
