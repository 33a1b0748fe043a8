"""Where the time of an extraction goes: CPU milliseconds per article for each stage, next to
flashgeotext's whole extraction of the same texts, in one process.

    python benchmarks/bench_stages.py ../shared/eval/lgl_dev.jsonl ../shared/eval/geovirus.jsonl

The stages of `analysis.extract.pipeline.STAGES` and the serialisation of the record are run one at a
time over all texts of the given JSONL files (each on a copy of the document as the stage before it left
it, computed once beforehand), --repeat times; the best pass of each is printed, as milliseconds of CPU
time per article, and their sum next to the whole `extract_record` (one article at a time) and
`extract_records` (all the articles in one call, as a corpus run extracts them). flashgeotext is timed the same way,
after its dictionary is loaded, so the comparison holds per article and leaves out the start-up costs of
both (bench_throughput.py measures whole runs). A stage's share of flashgeotext's time tells how much of
a per-article budget it takes on its own. Needs the `bench` extra.
"""

from __future__ import annotations

import argparse
import copy
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from analysis.extract.gazetteer import load_gazetteer
from analysis.extract.pipeline import STAGES, Doc, extract_record, extract_records
from analysis.io.articles import article_from_text

DATE = "2020-01-01"


def before_each_stage(text: str, gaz: Any) -> list[Doc]:
    """The document of one text as each stage finds it (the stages before it run)."""
    doc = Doc(article_from_text(text, date=DATE), gaz)
    states = []
    for _, stage in STAGES:
        states.append(copy.copy(doc))
        stage(doc)
    states.append(doc)  # as the record finds it
    return states


def best_ms(func: Callable[[Any], object], items: list[Any], repeat: int) -> float:
    """The best of `repeat` passes over the items, in CPU milliseconds per item."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for item in items:
            func(item)
        best = min(best, time.process_time() - t0)
    return best / len(items) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="JSONL files with a 'text' per line")
    parser.add_argument("--repeat", type=int, default=5, help="passes per stage; the best is printed")
    args = parser.parse_args()
    from flashgeotext.geotext import GeoText

    texts = [json.loads(line)["text"] for path in args.files for line in path.open(encoding="utf-8")]
    gaz = load_gazetteer()
    records = [extract_record(article_from_text(t, date=DATE), gazetteer=gaz) for t in texts]  # fills the caches
    geotext = GeoText()
    flash = best_ms(lambda t: geotext.extract(input_text=t), texts, args.repeat)
    # the whole extraction is timed before the per-stage snapshots below are made: a process holding ten copies
    # of every document's layers is no process a run extracts in (the records of one pass are held, as a run
    # holds what it writes)
    whole = best_ms(lambda t: extract_record(article_from_text(t, date=DATE), gazetteer=gaz), texts, args.repeat)
    # as a corpus run extracts: the articles go through the stages a batch at a time
    batched = best_ms(lambda ts: list(extract_records((article_from_text(t, date=DATE) for t in ts), gazetteer=gaz)),
                      [texts], args.repeat) / len(texts)
    del records
    states = [before_each_stage(t, gaz) for t in texts]
    print(f"{len(texts)} articles, {sum(map(len, texts)) / len(texts):.0f} characters on average; "
          f"CPU ms per article (best of {args.repeat} passes)")
    print(f"{'stage':20} {'ms':>7} {'x flashgeotext':>15}")
    total = 0.0
    for i, (name, stage) in enumerate(STAGES):
        # each pass runs the stage on a fresh shallow copy of the document as the stage before left it
        ms = best_ms(lambda s, i=i, stage=stage: stage(copy.copy(s[i])), states, args.repeat)
        total += ms
        print(f"{name:20} {ms:7.3f} {ms / flash:15.2f}")
    ms = best_ms(lambda s: copy.copy(s[-1]).record(), states, args.repeat)
    total += ms
    print(f"{'record':20} {ms:7.3f} {ms / flash:15.2f}")
    print(f"{'sum of stages':20} {total:7.3f} {total / flash:15.2f}")
    print(f"{'extract_record':20} {whole:7.3f} {whole / flash:15.2f}")
    print(f"{'extract_records':20} {batched:7.3f} {batched / flash:15.2f}")
    print(f"{'flashgeotext':20} {flash:7.3f} {1:15.2f}")


if __name__ == "__main__":
    main()
