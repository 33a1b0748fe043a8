"""The `georel` command line: extract, resolve, look up, report.

Errors become one line on stderr and exit code 2; Ctrl-C exits 130. No tracebacks.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .errors import GeorelError, InputError

EPILOG_EXTRACT = """\
examples:
  georel extract data/articles/2023-09-11-kim-putin-summit.txt -o out.jsonl
  georel extract corpus/ more.jsonl -o out.jsonl      # a directory and a JSONL file
  cat article.txt | georel extract - -o -              # standard input to standard output
"""
EPILOG_RESOLVE = """\
examples:
  georel resolve spans.jsonl -o resolved.jsonl
input records: {"id", "text", "toponyms": [{"start", "end"}, ...]}; each toponym gets name, kind,
country (ISO3), lat, lon and geonameid.
"""
EPILOG_LOOKUP = """\
examples:
  georel lookup Vladivostok
  georel lookup "Alexandria" --limit 5
"""
EPILOG_REPORT = """\
examples:
  georel report data/articles/2023-09-11-kim-putin-summit.txt
  georel report corpus/ --out reports --run-id weekly
"""


class _Collect:
    """Collect bad inputs so good records still flow; report them at the end."""

    def __init__(self) -> None:
        self.errors: list[InputError] = []

    def __call__(self, err: InputError) -> None:
        self.errors.append(err)
        print(f"georel: skipped: {err}", file=sys.stderr)


def _extracted(inputs: Sequence[str], collect: _Collect) -> Iterator[dict[str, Any]]:
    from tqdm import tqdm

    from .articles import iter_articles
    from .pipeline import extract_record

    show = sys.stderr.isatty()
    for article in tqdm(iter_articles(inputs, on_error=collect), unit=" articles", disable=not show):
        yield extract_record(article)


def cmd_extract(args: argparse.Namespace) -> int:
    from .io import write_jsonl

    collect = _Collect()
    n = write_jsonl(_extracted(args.inputs, collect), args.output)
    print(f"georel: wrote {n} record(s) to {args.output}" + (f"; {len(collect.errors)} input(s) skipped"
                                                               if collect.errors else ""), file=sys.stderr)
    return 2 if collect.errors else 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from .geocode import resolve_spans
    from .io import read_jsonl, write_jsonl

    def records() -> Iterator[dict[str, Any]]:
        for i, rec in enumerate(read_jsonl(args.input), start=1):
            text = rec.get("text")
            if not isinstance(text, str):
                raise InputError("record has no string 'text'", source=args.input, line=i)
            spans = rec.get("toponyms") or []
            try:
                pairs = [(int(t["start"]), int(t["end"])) for t in spans]
            except (KeyError, TypeError, ValueError):
                raise InputError("each toponym needs integer 'start' and 'end'", source=args.input, line=i) from None
            if any(not 0 <= s < e <= len(text) for s, e in pairs):
                raise InputError("a toponym span lies outside the text", source=args.input, line=i)
            resolved = resolve_spans(text, pairs)
            rec["toponyms"] = [{**t, **{k: r[k] for k in ("name", "kind", "country", "lat", "lon", "geonameid")}}
                               for t, r in zip(spans, resolved, strict=True)]
            yield rec

    n = write_jsonl(records(), args.output)
    print(f"georel: resolved {n} record(s) into {args.output}", file=sys.stderr)
    return 0


def cmd_lookup(args: argparse.Namespace) -> int:
    from .gazetteer import lookup

    found = lookup(args.name).head(args.limit)
    if found.empty:
        print(f"georel: no place called {args.name!r}", file=sys.stderr)
        return 1
    print(found.to_string(index=False))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .reports import report_extraction

    collect = _Collect()
    index = report_extraction(args.inputs, out_dir=Path(args.out), run_id=args.run_id, on_error=collect,
                              force=args.force)
    print(index)
    return 2 if collect.errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="georel",
        description="Turn news articles into places, actors and coded events; maps, networks and reports.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=textwrap.dedent("""\
            commands:
              extract   articles -> one JSON record per article (places, actors, events)
              resolve   given toponym spans -> coordinates
              lookup    a place name -> gazetteer candidates
              report    articles -> a report folder under reports/
            run 'georel COMMAND --help' for examples."""),
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    fmt = argparse.RawDescriptionHelpFormatter

    p = sub.add_parser("extract", help="extract places, actors and events from articles into JSONL",
                       description="Read articles (.txt with an optional 'date YYYY-MM-DD' header, .jsonl, .csv, "
                                   "directories, or - for stdin) and write one JSON record per article.",
                       epilog=EPILOG_EXTRACT, formatter_class=fmt)
    p.add_argument("inputs", nargs="+", help="article files, directories, or - for standard input")
    p.add_argument("-o", "--output", default="-", help="output JSONL path (default: standard output)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("resolve", help="add coordinates to given toponym spans",
                       description="Read records with 'text' and 'toponyms' spans; write them back with "
                                   "name, kind, country, lat, lon and geonameid filled in.",
                       epilog=EPILOG_RESOLVE, formatter_class=fmt)
    p.add_argument("input", help="input JSONL (or - for standard input)")
    p.add_argument("-o", "--output", default="-", help="output JSONL path (default: standard output)")
    p.set_defaults(func=cmd_resolve)

    p = sub.add_parser("lookup", help="list the gazetteer candidates for a place name",
                       description="Show the places called NAME, most populous first.",
                       epilog=EPILOG_LOOKUP, formatter_class=fmt)
    p.add_argument("name")
    p.add_argument("--limit", type=int, default=10, help="how many candidates to show (default 10)")
    p.set_defaults(func=cmd_lookup)

    p = sub.add_parser("report", help="write a report for articles under reports/<run-id>/",
                       description="Extract the articles and write a report folder with the records and a "
                                   "readable summary; prints the path of the report's index.",
                       epilog=EPILOG_REPORT, formatter_class=fmt)
    p.add_argument("inputs", nargs="+", help="article files or directories")
    p.add_argument("--out", default="reports", help="folder that holds report runs (default: reports)")
    p.add_argument("--run-id", default=None, help="name of this run's folder (default: from the inputs)")
    p.add_argument("--force", action="store_true", help="overwrite an existing report of the same run id")
    p.set_defaults(func=cmd_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `georel` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except GeorelError as err:
        print(f"georel: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("georel: interrupted; no partial output was kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
