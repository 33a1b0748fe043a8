"""Time frames, graph, map and network for a corpus of extraction records (not a test).

Usage::

    python benchmarks/bench_figures.py [records.jsonl] [--articles 1000] [--out DIR]

Without a file, the two records of tests/data/records_sample.jsonl are replicated (with new ids
and dates) to ``--articles`` articles. Prints seconds per stage and the total; the target for
1,000 articles is under 10 s. Uses the bundled reference data (analysis.extract.gazetteer).
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import frames, network  # noqa: E402
from analysis.extract import gazetteer  # noqa: E402
from analysis.figures import map as plot  # noqa: E402
from analysis.figures import network as network_plot  # noqa: E402

SAMPLE = ROOT / "tests" / "data" / "records_sample.jsonl"


def corpus(path: Path | None, articles: int, *, distinct: bool = False) -> list[dict]:
    """Records from `path`, or the sample replicated to `articles` records.

    With `distinct`, every copy moves its places and event places by a seeded random offset and
    renames them, so that the corpus has ~10 distinct places and arcs per article (a worst case
    for markers, labels and arrows).
    """
    if path is not None:
        return frames.read_records(path)
    seed = frames.read_records(SAMPLE)
    rng = random.Random(42)
    out = []
    for i in range(articles):
        record = copy.deepcopy(seed[i % len(seed)])
        day = date(2023, 1, 1) + timedelta(days=i % 365)
        record["id"] = f"{record['id']}-{i:04d}"
        record["date"] = day.isoformat()
        if distinct:
            dx, dy = rng.uniform(-40, 40), rng.uniform(-25, 25)
            for place in record["places"] + [e["place"] for e in record["events"] if e.get("place")]:
                place["lon"] = (place["lon"] + dx + 180) % 360 - 180
                place["lat"] = max(-80.0, min(80.0, place["lat"] + dy))
                place["name"] = f"{place['name']} {i}"
                place["geonameid"] = None
        out.append(record)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records", nargs="?", type=Path, help="JSONL of extraction records")
    parser.add_argument("--articles", type=int, default=1000, help="corpus size when replicating the sample")
    parser.add_argument("--distinct", action="store_true", help="distinct places per copy")
    parser.add_argument("--out", type=Path, help="folder to save map.png and network.png in")
    args = parser.parse_args()

    timings: dict[str, float] = {}

    def timed(name: str, start: float) -> float:
        now = time.perf_counter()
        timings[name] = now - start
        return now

    t0 = t = time.perf_counter()
    records = corpus(args.records, args.articles, distinct=args.distinct)
    t = timed("load records", t)
    boundaries, countries = gazetteer.boundaries(), gazetteer.countries()
    t = timed("load reference data", t)
    layers = frames.geo_layers(records, boundaries=boundaries, countries=countries)
    events = frames.events_frame(records)
    t = timed("frames (places, countries, relations, events)", t)
    graph = network.actor_graph(records)
    positions = network.layout(graph)
    t = timed("actor graph + layout", t)
    ax = plot.plot_map(layers, title=plot.records_title(records))
    ax.figure.canvas.draw()
    if args.out:
        ax.figure.savefig(args.out / "map.png", dpi=110)
    plt.close(ax.figure)
    t = timed("map (draw)", t)
    ax = network_plot.plot_network(graph, pos=positions)
    ax.figure.canvas.draw()
    if args.out:
        ax.figure.savefig(args.out / "network.png", dpi=110)
    plt.close(ax.figure)
    t = timed("network (draw)", t)
    total = t - t0
    print(f"{len(records)} articles, {len(events)} events, {len(layers['relations'])} relations, "
          f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} edges")
    for name, seconds in timings.items():
        print(f"{name:48s} {seconds:7.2f} s")
    print(f"{'total':48s} {total:7.2f} s  (target < 10 s)")


if __name__ == "__main__":
    main()
