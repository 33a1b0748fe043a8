"""Evaluate the geoparser on annotated news (JSONL with `text` and gold `toponyms`).

    python benchmarks/eval_geoparse.py ../shared/eval/lgl_dev.jsonl ../shared/eval/geovirus.jsonl

For each file it prints, for resolution given the gold spans (ours and a population-only baseline
over the same gazetteer): Acc@161km, AUC of log error (lower is better), median km and the share of
exact GeoNames ids where the gold has one; then end-to-end recognition precision/recall/F1 (a
predicted span counts when it overlaps a gold toponym with coordinates; predictions overlapping gold
spans without coordinates are ignored).
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from analysis.extract.gazetteer import load_gazetteer
from analysis.extract.geocode import mention_for_span, resolve
from analysis.extract.pipeline import extract_record
from analysis.geometry import haversine_km
from analysis.io.articles import Article

MAX_KM = 20039.0


def _scores(dists: list[float], ids: list[tuple[str | None, int | None]]) -> dict[str, float]:
    d = np.array(dists)
    exact = [g == p for g, p in ids if g]
    return {
        "acc161": float(np.mean(d <= 161)),
        "auc": float(np.mean(np.log1p(d)) / math.log(MAX_KM)),
        "median_km": float(statistics.median(d)),
        "gid_exact": float(np.mean(exact)) if exact else float("nan"),
    }


def evaluate(path: Path, *, limit: int | None = None, show_errors: int = 0) -> dict[str, dict[str, float]]:
    gaz = load_gazetteer()
    ours_d: list[float] = []
    base_d: list[float] = []
    ours_id: list[tuple[str | None, int | None]] = []
    base_id: list[tuple[str | None, int | None]] = []
    tp_pred = fp_pred = gold_hit = gold_n = 0
    errors: list[tuple[float, str, str, str]] = []
    n_docs = 0
    t0 = time.perf_counter()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            n_docs += 1
            if limit and n_docs > limit:
                break
            text = doc["text"]
            gold = [t for t in doc["toponyms"] if t.get("lat") is not None]
            nocoord = [t for t in doc["toponyms"] if t.get("lat") is None]
            mentions = [mention_for_span(text, t["start"], t["end"], gazetteer=gaz) for t in gold]
            known = [m for m in mentions if len(m.rows)]
            chosen = dict(zip((id(m) for m in known), resolve(known, text, gazetteer=gaz), strict=True))
            for t, m in zip(gold, mentions, strict=True):
                gid = str(t["geonameid"]) if t.get("geonameid") else None
                if not len(m.rows):
                    ours_d.append(MAX_KM)
                    base_d.append(MAX_KM)
                    ours_id.append((gid, None))
                    base_id.append((gid, None))
                    errors.append((MAX_KM, t["name"], "<no candidate>", doc["id"]))
                    continue
                row = chosen[id(m)]
                d = float(haversine_km(t["lon"], t["lat"], gaz.lon[row], gaz.lat[row]))
                ours_d.append(d)
                ours_id.append((gid, str(int(gaz.gid[row]))))
                brow = int(m.rows[int(np.argmax(gaz.population[m.rows]))])
                base_d.append(float(haversine_km(t["lon"], t["lat"], gaz.lon[brow], gaz.lat[brow])))
                base_id.append((gid, str(int(gaz.gid[brow]))))
                if d > 161:
                    errors.append((d, t["name"], f"{gaz.name(row)} ({gaz.kind_of(row)}, {gaz.country_of(row)})",
                                   doc["id"]))
            # end-to-end recognition
            rec = extract_record(Article(id=doc["id"], text=text), gazetteer=gaz)
            spans = [(p["start"], p["end"]) for p in rec["places"]]
            for s, e in spans:
                if any(s < t["end"] and t["start"] < e for t in gold):
                    tp_pred += 1
                elif not any(s < t["end"] and t["start"] < e for t in nocoord):
                    fp_pred += 1
            gold_n += len(gold)
            gold_hit += sum(any(s < t["end"] and t["start"] < e for s, e in spans) for t in gold)
    elapsed = time.perf_counter() - t0
    p = tp_pred / max(tp_pred + fp_pred, 1)
    r = gold_hit / max(gold_n, 1)
    f = 2 * p * r / max(p + r, 1e-9)
    if show_errors:
        for d, name, got, did in sorted(errors, reverse=True)[:show_errors]:
            print(f"  {d:8.0f} km  {name!r:30} -> {got}  [{did}]", file=sys.stderr)
    return {
        "resolution": _scores(ours_d, ours_id),
        "population_baseline": _scores(base_d, base_id),
        "recognition": {"precision": p, "recall": r, "f1": f},
        "info": {"docs": min(n_docs, limit or n_docs), "toponyms": len(ours_d), "seconds": elapsed},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="JSONL files with text and gold toponyms")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of each file")
    parser.add_argument("--errors", type=int, default=0, help="print the N largest resolution errors")
    args = parser.parse_args()
    for path in args.files:
        res = evaluate(path, limit=args.limit, show_errors=args.errors)
        info = res["info"]
        print(f"== {path.name}: {info['docs']} articles, {info['toponyms']} toponyms with coordinates "
              f"({info['seconds']:.1f} s)")
        print(f"{'resolution (gold spans)':32} {'Acc@161':>8} {'AUC':>7} {'median km':>10} {'geonameid':>10}")
        for label, key in (("georelations", "resolution"), ("population baseline", "population_baseline")):
            s = res[key]
            print(f"{label:32} {s['acc161']:8.3f} {s['auc']:7.3f} {s['median_km']:10.1f} {s['gid_exact']:10.3f}")
        rc = res["recognition"]
        print(f"recognition (end to end)         P {rc['precision']:.3f}  R {rc['recall']:.3f}  F1 {rc['f1']:.3f}")


if __name__ == "__main__":
    main()
