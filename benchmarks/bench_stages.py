"""Where the time of an extraction goes: CPU milliseconds per article for each stage, next to
flashgeotext's whole extraction of the same texts, in one process.

    python benchmarks/bench_stages.py ../shared/eval/lgl_dev.jsonl ../shared/eval/geovirus.jsonl

The stages of `analysis.extract.pipeline.extract_record` are run one at a time over all texts of the given
JSONL files (each on the inputs the stage before it produced, computed once beforehand), --repeat
times; the best pass of each is printed, as milliseconds of CPU time per article. flashgeotext is
timed the same way, after its dictionary is loaded, so the comparison holds per article and leaves
out the start-up costs of both (bench_throughput.py measures whole runs). A stage's share of
flashgeotext's time tells how much of a per-article budget it takes on its own. Needs the `bench`
extra.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from analysis.extract import pipeline
from analysis.extract.actors import find_actors
from analysis.extract.events import find_events
from analysis.extract.gazetteer import load_gazetteer
from analysis.extract.geocode import place_record, resolve
from analysis.extract.mentions import find_mentions
from analysis.extract.text import split_sentences, tokenize
from analysis.io.articles import article_from_text

DATE = "2020-01-01"


def prepare(text: str, gaz: Any) -> dict[str, Any]:
    """The inputs of every stage for one text."""
    sentences = split_sentences(text)
    tokens = tokenize(text, sentences)
    named = find_actors(text, tokens, date=DATE)
    mentions = find_mentions(text, tokens=tokens, blocked=[(a.start, a.end) for a in named], gazetteer=gaz)
    rows = resolve(mentions, text, gazetteer=gaz)
    places = sorted((place_record(gaz, m, r) for m, r in zip(mentions, rows, strict=True)),
                    key=lambda p: p["start"])
    actors = sorted(named + pipeline._agents(text, tokens, mentions, places), key=lambda a: a.start)
    return {"text": text, "sentences": sentences, "tokens": tokens, "named": named, "mentions": mentions,
            "rows": rows, "places": places, "actors": actors,
            "participants": pipeline._participants(text, actors, mentions, places)}


def stages(gaz: Any) -> dict[str, Callable[[dict[str, Any]], object]]:
    return {
        "sentences": lambda p: split_sentences(p["text"]),
        "tokens": lambda p: tokenize(p["text"], p["sentences"]),
        "actors (named)": lambda p: find_actors(p["text"], p["tokens"], date=DATE),
        "place names": lambda p: find_mentions(p["text"], tokens=p["tokens"], gazetteer=gaz,
                                               blocked=[(a.start, a.end) for a in p["named"]]),
        "resolution": lambda p: resolve(p["mentions"], p["text"], gazetteer=gaz),
        "place records": lambda p: [place_record(gaz, m, r) for m, r in zip(p["mentions"], p["rows"], strict=True)],
        "actors (agents)": lambda p: pipeline._agents(p["text"], p["tokens"], p["mentions"], p["places"]),
        "participants": lambda p: pipeline._participants(p["text"], p["actors"], p["mentions"], p["places"]),
        "events and dates": lambda p: find_events(p["text"], p["sentences"], p["tokens"], p["participants"],
                                                  p["places"], article_date=DATE),
    }


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
    prepared = [prepare(t, gaz) for t in texts]  # also fills the caches the stages keep across articles
    geotext = GeoText()
    flash = best_ms(lambda t: geotext.extract(input_text=t), texts, args.repeat)
    whole = best_ms(lambda t: pipeline.extract_record(article_from_text(t, date=DATE), gazetteer=gaz),
                    texts, args.repeat)
    print(f"{len(texts)} articles, {sum(map(len, texts)) / len(texts):.0f} characters on average; "
          f"CPU ms per article (best of {args.repeat} passes)")
    print(f"{'stage':20} {'ms':>7} {'x flashgeotext':>15}")
    for name, func in stages(gaz).items():
        ms = best_ms(func, prepared, args.repeat)
        print(f"{name:20} {ms:7.3f} {ms / flash:15.2f}")
    print(f"{'extract_record':20} {whole:7.3f} {whole / flash:15.2f}")
    print(f"{'flashgeotext':20} {flash:7.3f} {1:15.2f}")


if __name__ == "__main__":
    main()
