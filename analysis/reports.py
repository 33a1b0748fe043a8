"""Report folders under reports/<run-id>/: the extraction and a readable summary.

A report is written into a temporary folder and renamed when complete, so a crash never leaves a
half report that looks whole.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from .errors import InputError, ReportError

_RUN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


def safe_run_id(run_id: str) -> str:
    """Check that a run id is a plain folder name (no '/', '..' or absolute paths)."""
    if not _RUN_ID.match(run_id) or ".." in run_id:
        raise ReportError(f"run id {run_id!r} is not a plain folder name; use letters, digits, '.', '_' or '-'")
    return run_id


def default_run_id(inputs: Sequence[str | Path]) -> str:
    """A run id from the inputs: the stem of a single input, else 'batch-<timestamp>'."""
    if len(inputs) == 1 and str(inputs[0]) != "-":
        stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(inputs[0]).stem).strip("-.") or "report"
        return stem[:100]
    return "batch-" + dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def summarize(records: Iterable[dict[str, Any]]) -> str:
    """A short Markdown summary: countries mentioned, places with coordinates."""
    records = list(records)
    countries: Counter[str] = Counter()
    places: dict[tuple[str, str], dict[str, Any]] = {}
    for rec in records:
        for p in rec.get("places", []):
            if p.get("country"):
                countries[p["country"]] += 1
            if p.get("kind") not in ("country", "demonym") and p.get("lat") is not None:
                key = (p["name"], p.get("country") or "")
                row = places.setdefault(key, {**p, "mentions": 0})
                row["mentions"] += 1
    lines = [f"# Extraction summary ({len(records)} article{'s' if len(records) != 1 else ''})", ""]
    for rec in records:
        lines.append(f"- `{rec['id']}` dated {rec.get('date') or 'unknown'}: {len(rec.get('places', []))} place "
                     f"mentions, {len(rec.get('actors', []))} actors, {len(rec.get('events', []))} events")
    lines += ["", "## Countries", "", "| country | mentions |", "|---|---|"]
    lines += [f"| {c} | {n} |" for c, n in countries.most_common()]
    lines += ["", "## Places", "", "| place | kind | country | lat | lon | mentions |", "|---|---|---|---|---|---|"]
    for (name, cc), p in sorted(places.items(), key=lambda kv: -kv[1]["mentions"]):
        lines.append(f"| {name} | {p['kind']} | {cc} | {p['lat']:.4f} | {p['lon']:.4f} | {p['mentions']} |")
    return "\n".join(lines) + "\n"


def report_extraction(
    inputs: Sequence[str | Path],
    *,
    out_dir: Path = Path("reports"),
    run_id: str | None = None,
    on_error: Callable[[InputError], None] | None = None,
    force: bool = False,
) -> Path:
    """Extract articles into reports/<run-id>/ (extraction.jsonl, summary.md, index.html); return the index."""
    from .articles import iter_articles
    from .io import write_jsonl
    from .pipeline import extract_record

    run = safe_run_id(run_id or default_run_id(inputs))
    target = out_dir / run
    if target.exists() and not force:
        raise ReportError(f"{target} exists; pass --force to overwrite it or choose another --run-id")
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{run}.", suffix=".part", dir=out_dir))
    try:
        records = [extract_record(a) for a in iter_articles(inputs, on_error=on_error)]
        write_jsonl(records, tmp / "extraction.jsonl")
        summary = summarize(records)
        (tmp / "summary.md").write_text(summary, encoding="utf-8")
        (tmp / "index.html").write_text(
            "<!doctype html><meta charset='utf-8'><title>georelations report</title>"
            f"<pre>{html.escape(summary)}</pre>", encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        tmp.rename(target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target / "index.html"
