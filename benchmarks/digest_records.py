"""A digest of every extraction record of the given texts: the check that a speed change left the output alone.

    python benchmarks/digest_records.py ../shared/eval/lgl_dev.jsonl ../shared/eval/geovirus.jsonl \
        ../shared/eval/plover_dev.jsonl

Each text of the JSONL files is extracted with `analysis.extract.pipeline.extract_record` (article date 2020-01-01, so
that relative dates and offices resolve the same way on every run), the records are written as sorted-key
JSON lines, and the script prints their number and the MD5 of the lines. Run it before and after a change
that should not change the output (a faster implementation, a compiled core): the digests must be equal.
With --out the lines are written to a file too, to compare two runs record by record.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from analysis.extract.gazetteer import load_gazetteer
from analysis.extract.pipeline import extract_record
from analysis.io.articles import article_from_text

DATE = "2020-01-01"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="JSONL files with a 'text' per line")
    parser.add_argument("--out", type=Path, help="also write the records as JSON lines to this file")
    args = parser.parse_args()
    gaz = load_gazetteer()
    texts = [json.loads(line)["text"] for path in args.files for line in path.open(encoding="utf-8")]
    lines = [json.dumps(extract_record(article_from_text(t, date=DATE), gazetteer=gaz), sort_keys=True)
             for t in texts]
    joined = "\n".join(lines)
    if args.out:
        args.out.write_text(joined + "\n", encoding="utf-8")
    print(len(lines), hashlib.md5(joined.encode()).hexdigest())


if __name__ == "__main__":
    main()
