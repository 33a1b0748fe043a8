"""Evaluate the geoparser on annotated news (JSONL with `text` and gold `toponyms`).

    python benchmarks/eval_geoparse.py ../shared/eval/lgl_dev.jsonl ../shared/eval/geovirus.jsonl

For each file it prints, for resolution given the gold spans, read with the whole text as `georel
resolve` reads it (ours and a population-only baseline over the same gazetteer): Acc@161km, AUC of log
error (lower is better), median km and the share of exact GeoNames ids where the gold has one (a
toponym left without a place counts wrong); then end-to-end recognition precision/recall/F1 (a
predicted span counts when it overlaps a gold toponym with coordinates; predictions overlapping gold
spans without coordinates are ignored). A table by where the toponym stands (opening a sentence or
headline, or inside one) and, where the gold carries an annotation `type` (GeoWebNews), by type follows:
toponyms, Acc@161, exact GeoNames id and recognition recall.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from analysis.extract.gazetteer import Gazetteer, load_gazetteer
from analysis.extract.geocode import resolve_span_rows
from analysis.extract.pipeline import extract_record
from analysis.geometry import haversine_km
from analysis.io.articles import Article

MAX_KM = 20039.0
_OPENING, _INSIDE = "@sentence start", "@inside a sentence"  # where a toponym stands (a headline is a sentence)
_OPENS = re.compile(r"(?:^|[.!?:\n][\"'”’)]*\s+|—\s*)$")


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a span opens a sentence, a headline or a dateline's line."""
    return bool(_OPENS.search(text, max(0, start - 4), start))


def _scores(dists: list[float], ids: list[tuple[str | None, int | None]]) -> dict[str, float]:
    d = np.array(dists) if dists else np.array([float("nan")])
    exact = [g == p for g, p in ids if g]
    return {
        "acc161": float(np.mean(d <= 161)),
        "auc": float(np.mean(np.log1p(d)) / math.log(MAX_KM)),
        "median_km": float(statistics.median(d)),
        "gid_exact": float(np.mean(exact)) if exact else float("nan"),
        "n": float(len(dists)),
        "n_gid": float(len(exact)),
    }


class _Tally:
    """Distances, ids and recognition hits, over all toponyms and by gold annotation `type`."""

    def __init__(self) -> None:
        self.dists: dict[str, list[float]] = defaultdict(list)
        self.ids: dict[str, list[tuple[str | None, str | None]]] = defaultdict(list)
        self.base_d: list[float] = []
        self.base_id: list[tuple[str | None, str | None]] = []
        self.found: dict[str, list[bool]] = defaultdict(list)
        self.tp_pred = self.fp_pred = 0
        self.errors: list[tuple[float, str, str, str, str]] = []

    def add(self, kind: str, d: float, ids: tuple[str | None, str | None], *, opening: bool = False) -> None:
        for key in {"", kind, _OPENING if opening else _INSIDE}:
            self.dists[key].append(d)
            self.ids[key].append(ids)


def _resolve_gold(doc: dict, gaz: Gazetteer, tally: _Tally) -> None:
    """Resolution given the gold spans with coordinates (ours and the population baseline)."""
    text = doc["text"]
    gold = [t for t in doc["toponyms"] if t.get("lat") is not None]
    mentions, rows = resolve_span_rows(text, [(t["start"], t["end"]) for t in gold], gazetteer=gaz)
    for t, m, row in zip(gold, mentions, rows, strict=True):
        gid = str(t["geonameid"]) if t.get("geonameid") else None
        kind = t.get("type") or ""
        opening = _opens_sentence(text, t["start"])
        if row < 0:
            tally.add(kind, MAX_KM, (gid, None), opening=opening)
            tally.base_d.append(MAX_KM)
            tally.base_id.append((gid, None))
            tally.errors.append((MAX_KM, t["name"], "<no candidate>", doc["id"], kind))
            continue
        d = float(haversine_km(t["lon"], t["lat"], gaz.lon[row], gaz.lat[row]))
        tally.add(kind, d, (gid, str(int(gaz.gid[row]))), opening=opening)
        brow = int(m.rows[int(np.argmax(gaz.population[m.rows]))]) if len(m.rows) else row
        tally.base_d.append(float(haversine_km(t["lon"], t["lat"], gaz.lon[brow], gaz.lat[brow])))
        tally.base_id.append((gid, str(int(gaz.gid[brow]))))
        if d > 161 or (gid and gid != str(int(gaz.gid[row]))):
            tally.errors.append((d, t["name"], f"{gaz.name(row)} ({gaz.kind_of(row)}, {gaz.country_of(row)}, "
                                 f"{int(gaz.gid[row])} vs {gid})", doc["id"], kind))


def _recognise(doc: dict, gaz: Gazetteer, tally: _Tally) -> None:
    """End-to-end recognition: predicted spans against gold toponyms with coordinates."""
    text = doc["text"]
    gold = [t for t in doc["toponyms"] if t.get("lat") is not None]
    nocoord = [t for t in doc["toponyms"] if t.get("lat") is None]
    rec = extract_record(Article(id=doc["id"], text=text), gazetteer=gaz)
    spans = [(p["start"], p["end"]) for p in rec["places"]]
    for s, e in spans:
        if any(s < t["end"] and t["start"] < e for t in gold):
            tally.tp_pred += 1
        elif not any(s < t["end"] and t["start"] < e for t in nocoord):
            tally.fp_pred += 1
    for t in gold:
        hit = any(s < t["end"] and t["start"] < e for s, e in spans)
        opening = _OPENING if _opens_sentence(text, t["start"]) else _INSIDE
        for key in {"", t.get("type") or "", opening}:
            tally.found[key].append(hit)


def evaluate(path: Path, *, limit: int | None = None, show_errors: int = 0) -> dict[str, dict[str, float]]:
    gaz = load_gazetteer()
    tally = _Tally()
    n_docs = 0
    t0 = time.perf_counter()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            n_docs += 1
            if limit and n_docs > limit:
                break
            _resolve_gold(doc, gaz, tally)
            _recognise(doc, gaz, tally)
    elapsed = time.perf_counter() - t0
    p = tally.tp_pred / max(tally.tp_pred + tally.fp_pred, 1)
    r = float(np.mean(tally.found[""])) if tally.found[""] else 0.0
    f = 2 * p * r / max(p + r, 1e-9)
    if show_errors:
        for d, name, got, did, kind in sorted(tally.errors, reverse=True)[:show_errors]:
            print(f"  {d:8.0f} km  {name!r:30} -> {got}  [{did}] {kind}", file=sys.stderr)
    by_kind = {k: {**_scores(tally.dists[k], tally.ids[k]), "recall": float(np.mean(tally.found[k]))}
               for k in sorted(tally.dists) if k}
    return {
        "resolution": _scores(tally.dists[""], tally.ids[""]),
        "population_baseline": _scores(tally.base_d, tally.base_id),
        "recognition": {"precision": p, "recall": r, "f1": f},
        "by_kind": by_kind,  # type: ignore[dict-item]
        "info": {"docs": min(n_docs, limit or n_docs), "toponyms": len(tally.dists[""]), "seconds": elapsed},
    }


def _print_by_kind(by_kind: dict[str, dict[str, float]]) -> None:
    print(f"{'by position, gold type':32} {'n':>5} {'Acc@161':>8} {'n gid':>6} {'geonameid':>10} {'recall':>7}")
    for kind, s in sorted(by_kind.items(), key=lambda kv: -kv[1]["n"]):
        print(f"  {kind:30} {int(s['n']):5d} {s['acc161']:8.3f} {int(s['n_gid']):6d} {s['gid_exact']:10.3f} "
              f"{s['recall']:7.3f}")


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
        if res["by_kind"]:
            _print_by_kind(res["by_kind"])


if __name__ == "__main__":
    main()
