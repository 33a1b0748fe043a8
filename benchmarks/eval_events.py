"""Evaluate the event coder on PLOVER-coded news sentences.

    python benchmarks/eval_events.py ../shared/eval/plover_dev.jsonl

Each line is one sentence (an article with its date) with gold events {source: [codes], target: [codes],
code: PLOVER category}. Printed: PLOVER category recall (a gold event whose category the coder gives to
any event of that sentence) and event precision / recall / F1, where a predicted event matches a gold
one when the category and the source and target countries match; IGO and other non-country gold
codes, and an empty gold side, match any side.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from analysis.extract.gazetteer import countries
from analysis.extract.pipeline import extract_record
from analysis.io.articles import Article


def _side(codes: list[str], iso3: set[str]) -> set[str] | None:
    """Gold countries of one side, or None when the side matches anything."""
    if not codes or any(c[:3] not in iso3 for c in codes):
        return None  # (a duplicated country code, ['USA', 'USA'], is still a country side)
    return {c[:3] for c in codes}


def _matches(pred: dict[str, Any], gold: dict[str, Any], iso3: set[str]) -> bool:
    if pred.get("plover") != gold["code"]:
        return False
    src, tgt = _side(gold.get("source", []), iso3), _side(gold.get("target", []), iso3)
    ok_src = src is None or pred.get("source_country") in src
    ok_tgt = tgt is None or pred.get("target_country") in tgt
    # the roles may be coded the other way round for symmetric categories
    swapped = (src is None or pred.get("target_country") in src) and (tgt is None or pred.get("source_country") in tgt)
    return (ok_src and ok_tgt) or (gold["code"] in ("CONSULT", "AGREE", "COOPERATE", "FIGHT") and swapped)


def evaluate(path: Path, *, show: int = 0) -> dict[str, float]:
    iso3 = set(countries()["iso3"])
    gold_n = pred_n = pred_ok = gold_ok = cat_ok = 0
    per_cat: Counter[str] = Counter()
    per_cat_ok: Counter[str] = Counter()
    shown = 0
    t0 = time.perf_counter()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            rec = extract_record(Article(id=doc["id"], text=doc["text"], date=doc.get("date")))
            preds = rec["events"]
            golds = doc.get("events", [])
            gold_n += len(golds)
            pred_n += len(preds)
            pred_ok += sum(any(_matches(p, g, iso3) for g in golds) for p in preds)
            for g in golds:
                per_cat[g["code"]] += 1
                hit = any(_matches(p, g, iso3) for p in preds)
                gold_ok += hit
                if any(p.get("plover") == g["code"] for p in preds):
                    cat_ok += 1
                    per_cat_ok[g["code"]] += 1
                elif shown < show:
                    shown += 1
                    got = [(p["plover"], p["source"], p["target"], p["trigger"]) for p in preds]
                    print(f"  miss {g['code']:12} {doc['text'][:110]!r}\n       got {got}")
    p = pred_ok / max(pred_n, 1)
    r = gold_ok / max(gold_n, 1)
    return {"category_recall": cat_ok / max(gold_n, 1), "precision": p, "recall": r,
            "f1": 2 * p * r / max(p + r, 1e-9), "gold": gold_n, "predicted": pred_n,
            "seconds": time.perf_counter() - t0,
            **{f"recall_{c}": per_cat_ok[c] / n for c, n in sorted(per_cat.items())}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print N missed gold events")
    args = parser.parse_args()
    for path in args.files:
        res = evaluate(path, show=args.show)
        print(f"== {path.name}: {res['gold']} gold events, {res['predicted']} predicted ({res['seconds']:.1f} s)")
        print(f"PLOVER category recall {res['category_recall']:.3f}")
        print(f"events  P {res['precision']:.3f}  R {res['recall']:.3f}  F1 {res['f1']:.3f}")
        cats = {k[7:]: v for k, v in res.items() if k.startswith("recall_")}
        print("category recall by class: " + ", ".join(f"{k} {v:.2f}" for k, v in cats.items()))


if __name__ == "__main__":
    main()
