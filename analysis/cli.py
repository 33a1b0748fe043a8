"""The `georel` command line: extract, resolve, look up, report.

Errors become one line on stderr and exit code 2; Ctrl-C exits 130, SIGTERM 143. No tracebacks.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, cast

from analysis.corpus.run import DEFAULT_CHUNK_SIZE
from analysis.errors import GeorelError, GeorelWarning, InputError, one_line

EPILOG_EXTRACT = """\
examples:
  georel extract data/articles/2023-09-11-kim-putin-summit.txt -o out.jsonl
  georel extract corpus/ more.jsonl -o out.jsonl      # a directory and a JSONL file
  cat article.txt | georel extract - -o -              # standard input to standard output
  georel extract 'news/**/*.jsonl' -o out.jsonl --jobs 8 --progress
  georel extract big.csv -o tables/ --format parquet   # tables/{articles,places,actors,events}/part-*.parquet
  georel extract big.jsonl -o out.jsonl --resume       # continue an interrupted run
  georel extract big.jsonl -o out.jsonl --engine dask --scheduler tcp://10.0.0.5:8786
large inputs stream through in chunks of --chunk-size articles; finished chunks are kept in a work
folder beside the output (.NAME.georel-work/) until the run completes, so an interrupted run continues
with --resume. Bad records are listed in OUT.errors.jsonl (errors.jsonl in a Parquet folder) with
source, line and reason, and the exit status is 2; the good records are always written.
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
EPILOG_EXPORT = """\
examples:
  georel extract data/articles/2023-09-11-kim-putin-summit.txt -o kim.jsonl
  georel export kim.jsonl -o kim/                 # map.png, network.png, timeline.png, GeoJSON, GeoPackage,
                                                  # GeoParquet, GraphML and CSV in the folder kim/
  georel export kim.jsonl -o kim-map.svg          # one file, its format from the suffix
  georel export kim.jsonl -o kim/ --format png,csv
  georel export 20230911.export.CSV --gdelt -o gdelt/   # GDELT 2.0 events drawn the same way
"""
EPILOG_REPORT = """\
examples:
  georel report data/articles/2023-09-11-kim-putin-summit.txt
  georel report articles.jsonl --jobs 4 --run-id weekly --force     # one report per article
  georel report --corpus corpus/ --start 2023-09-01 --end 2023-09-30 --countries PRK,RUS
layout: reports/<run-id>/index.html and reports/<run-id>/<report>/{report.html, report.ipynb,
figures/*.png, data/*, status.json}
"""


MAX_LISTED = 20  # bad records listed on stderr when they also go to an errors file


class _Collect:
    """Collect bad inputs so good records still flow; report them at the end."""

    def __init__(self) -> None:
        self.errors: list[InputError] = []

    def __call__(self, err: InputError) -> None:
        self.errors.append(err)
        print(f"georel: skipped: {one_line(str(err))}", file=sys.stderr)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so that it stops a run as Ctrl-C does (exit status 143)."""


def _interrupted(exc: KeyboardInterrupt) -> tuple[str, int]:
    return ("terminated", 143) if isinstance(exc, Terminated) else ("interrupted", 130)


def _jobs(args: argparse.Namespace) -> int | None:
    """--jobs, at most the cores this process may use unless --force-jobs (more only compete for them)."""
    from analysis.corpus.engines import available_cores

    cores = available_cores()
    if args.jobs is None or args.jobs <= cores or args.force_jobs or args.engine != "local":
        return cast("int | None", args.jobs)
    print(f"georel: warning: --jobs {args.jobs} is more than the {cores} core(s) here; using {cores} "
          "(--force-jobs to start them all)", file=sys.stderr)
    return cores


def _make_parent(output: str) -> None:
    """Create the folder of an output path ('-o out/x.jsonl' makes out/); a failure is left to the writer."""
    if output != "-":
        try:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass


def _date_order(args: argparse.Namespace) -> contextlib.AbstractContextManager[None]:
    """Read the inputs' numeric dates in the order of --date-order (the default rule without it)."""
    from analysis.io.dates import date_order

    return date_order(args.date_order) if args.date_order else contextlib.nullcontext()


def _add_date_order(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date-order", choices=("dmy", "mdy"), default=None,
                   help="read article dates such as 11/09/2023 as day/month/year or month/day/year (default: "
                        "day first, with a warning, unless a number above 12 decides)")


def cmd_extract(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from analysis.corpus.run import extract_corpus, is_stream
    from analysis.corpus.sinks import work_folder
    from analysis.io.sources import BadRecord

    if args.jobs is not None and args.jobs < 1 or args.chunk_size < 1:
        print("georel: error: --jobs and --chunk-size must be at least 1", file=sys.stderr)
        return 2
    shown = 0
    no_file = args.errors is None and (args.output == "-" or is_stream(args.output))

    def report(bad: BadRecord) -> None:
        nonlocal shown
        shown += 1
        if shown <= MAX_LISTED or no_file:
            tqdm.write(f"georel: skipped: {one_line(str(bad))}", file=sys.stderr)
        elif shown == MAX_LISTED + 1:
            tqdm.write("georel: skipped: more bad records; see the errors file", file=sys.stderr)

    _make_parent(args.output)
    try:
        with _date_order(args):
            run = extract_corpus(args.inputs, args.output, format=args.format, jobs=_jobs(args),
                                 chunk_size=args.chunk_size, resume=args.resume, engine=args.engine,
                                 scheduler=args.scheduler, errors=args.errors,
                                 progress=args.progress or sys.stderr.isatty(), on_error=report)
    except KeyboardInterrupt as exc:
        what, code = _interrupted(exc)
        if args.output == "-" or is_stream(args.output):
            print(f"georel: {what}", file=sys.stderr)
        else:
            print(f"georel: {what}; the finished chunks are kept in {one_line(str(work_folder(args.output)))}: "
                  "run the same command with --resume to continue", file=sys.stderr)
        return code
    done = f"georel: wrote {run.records} record(s) to {run.output}"
    if run.resumed_chunks:
        done += f" ({run.resumed_articles} article(s) done before the interruption)"
    if run.errors:
        done += f"; {run.errors} bad input(s) skipped" + (f", listed in {run.errors_path}" if run.errors_path else "")
    print(one_line(done), file=sys.stderr)
    return 2 if run.errors else 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from analysis.extract.geocode import resolve_spans
    from analysis.io.files import iter_jsonl, write_jsonl

    collect = _Collect()

    def resolved(rec: dict[str, Any], i: int) -> dict[str, Any]:
        text = rec.get("text")
        if not isinstance(text, str):
            raise InputError("record has no string 'text'; add the text the spans refer to", source=args.input, line=i)
        spans = rec.get("toponyms") or []
        try:
            pairs = [(int(t["start"]), int(t["end"])) for t in spans]
        except (KeyError, TypeError, ValueError):
            raise InputError("each toponym needs integer 'start' and 'end'", source=args.input, line=i) from None
        if any(not 0 <= s < e <= len(text) for s, e in pairs):
            raise InputError("a toponym span lies outside the text; offsets are Python string offsets, "
                             "end-exclusive", source=args.input, line=i)
        places = resolve_spans(text, pairs)
        rec["toponyms"] = [{**t, **{k: r[k] for k in ("name", "kind", "country", "lat", "lon", "geonameid")}}
                           for t, r in zip(spans, places, strict=True)]
        return rec

    def records() -> Iterator[dict[str, Any]]:
        for i, rec in iter_jsonl(args.input, on_error=collect):
            try:
                yield resolved(rec, i)
            except InputError as err:  # a bad record is listed; the others are still written
                collect(err)

    n = write_jsonl(records(), args.output)
    skipped = f"; {len(collect.errors)} bad record(s) skipped" if collect.errors else ""
    print(f"georel: resolved {n} record(s) into {one_line(args.output)}{skipped}", file=sys.stderr)
    return 2 if collect.errors else 0


def cmd_export(args: argparse.Namespace) -> int:
    import matplotlib

    matplotlib.use("Agg")
    from analysis.export import export, export_all

    collect = _Collect()
    if args.gdelt:
        from analysis.gdelt import read_gdelt_events

        records: Any = read_gdelt_events(args.input)
        n_events = sum(len(r["events"]) for r in records)
        print(f"georel: read {n_events:,} GDELT events from {len(records):,} source articles", file=sys.stderr)
    else:
        from analysis.io.records import read_records

        records = read_records(args.input, on_error=collect)
    out = Path(args.output)
    if out.suffix:
        print(export(records, out, format=args.format))
    else:
        formats = args.format.split(",") if args.format else ("geojson", "gpkg", "parquet", "graphml", "csv", "png")
        written = export_all(records, out, formats=formats)
        for path in written.values():
            print(path)
        print(f"georel: wrote {len(written)} files to {out}", file=sys.stderr)
    if collect.errors:
        print(f"georel: {len(collect.errors)} bad record(s) skipped; the others were exported", file=sys.stderr)
    return 2 if collect.errors else 0


def cmd_lookup(args: argparse.Namespace) -> int:
    from analysis.extract.gazetteer import lookup

    found = lookup(args.name).head(args.limit)
    if found.empty:
        print(f"georel: no place called {args.name!r}", file=sys.stderr)
        return 1
    print(found.to_string(index=False))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    import warnings

    from analysis.reports.runner import article_jobs, corpus_job, default_run_id, run_reports, safe_run_id

    if not args.corpus and (args.start or args.end or args.countries):
        print("georel: error: --start, --end and --countries need --corpus", file=sys.stderr)
        return 2
    if args.jobs is not None and args.jobs < 1:
        print("georel: error: --jobs must be at least 1", file=sys.stderr)
        return 2
    run_id = safe_run_id(args.run_id or default_run_id(args.inputs))
    run_dir = Path(args.out) / run_id
    if run_dir.exists() and not args.force:
        print(f"georel: error: {run_dir} exists; pass --force to replace it or choose another --run-id",
              file=sys.stderr)
        return 2
    collect = _Collect()
    warned: list[str] = []
    if args.corpus:
        jobs = [corpus_job(args.inputs, notebook=args.notebook, start=args.start or "", end=args.end or "",
                           countries=args.countries or "", date_order=args.date_order or "")]
    else:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with _date_order(args):
                jobs = article_jobs(args.inputs, notebook=args.notebook, on_error=collect)
        for warning in caught:
            _show_warning(warning.message, warning.category, warning.filename, warning.lineno)
            warned.append(f"warning: {' '.join(str(warning.message).split())}")
    notes = [" ".join(str(err).split()) for err in collect.errors] + warned
    run = run_reports(jobs, run_dir, force=args.force, workers=args.jobs,
                      progress=sys.stderr.isatty() if args.progress is None else args.progress,
                      start_timeout=args.start_timeout, execution_timeout=args.timeout, notes=notes)
    for failed in run.failed:
        print(f"georel: report {failed.name} failed: {failed.error}", file=sys.stderr)
    left = sum(len([n for n in r.notes if not n.startswith("warning: ")]) for r in run.reports)
    print(f"georel: {len(run.reports)} report(s): {len(run.reports) - len(run.failed)} ok, {len(run.failed)} "
          f"failed; {len(collect.errors) + left} input(s) skipped, "
          f"{len(warned) + sum(len(r.notes) for r in run.reports) - left} warning(s); see {run.index}",
          file=sys.stderr)
    print(run.index)
    return 2 if collect.errors else 1 if run.failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="georel",
        description="Turn news articles into places, actors and coded events; maps, networks and reports.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=textwrap.dedent("""\
            commands:
              extract   articles -> one JSON record per article (places, actors, events)
              resolve   given toponym spans -> coordinates
              export    records -> maps, networks, GeoJSON/GeoPackage/GeoParquet, GraphML, CSV
              lookup    a place name -> gazetteer candidates
              report    articles -> a report folder under reports/
            example:
              georel extract data/articles/2023-09-11-kim-putin-summit.txt -o out.jsonl
            run 'georel COMMAND --help' for more examples."""),
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    fmt = argparse.RawDescriptionHelpFormatter

    _add_extract(sub, fmt)
    _add_resolve(sub, fmt)
    _add_export(sub, fmt)
    _add_lookup(sub, fmt)
    _add_report(sub, fmt)
    return parser


def _add_extract(sub: Any, fmt: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser("extract", help="extract places, actors and events from articles into JSONL or Parquet",
                       description="Read articles (.txt with an optional 'date YYYY-MM-DD' header, .jsonl, .csv, "
                                   "directories, glob patterns, or - for stdin) and write one JSON record per "
                                   "article, or Parquet tables. Streams, runs in parallel, resumes; exit status 2 "
                                   "when some input was bad (the good records are still written).",
                       epilog=EPILOG_EXTRACT, formatter_class=fmt)
    p.add_argument("inputs", nargs="+", help="article files, directories, glob patterns, or - for standard input")
    p.add_argument("-o", "--output", default="-", help="output JSONL file, or a folder for --format parquet "
                                                      "(default: standard output)")
    p.add_argument("--format", choices=("jsonl", "parquet"), default=None,
                   help="jsonl (default) or parquet (default for an existing folder or a .parquet name)")
    p.add_argument("--jobs", "-j", type=int, default=None,
                   help="worker processes (default and most: one per core)")
    p.add_argument("--force-jobs", action="store_true", help="start --jobs workers even if there are fewer cores")
    p.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE, metavar="N",
                   help=f"articles per chunk, the unit of work and of --resume (default {DEFAULT_CHUNK_SIZE})")
    p.add_argument("--resume", action="store_true", help="continue the interrupted run of the same command")
    p.add_argument("--errors", default=None, metavar="PATH",
                   help="list bad records here (default: OUT.errors.jsonl, or errors.jsonl in a Parquet folder)")
    p.add_argument("--progress", action="store_true", help="show a progress bar even when stderr is not a terminal")
    _add_date_order(p)
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes (default) or a Dask cluster (needs the 'dask' extra)")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="with --engine dask: the scheduler address (default: a new local cluster of --jobs workers)")
    p.set_defaults(func=cmd_extract)


def _add_resolve(sub: Any, fmt: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser("resolve", help="add coordinates to given toponym spans",
                       description="Read records with 'text' and 'toponyms' spans; write them back with "
                                   "name, kind, country, lat, lon and geonameid filled in.",
                       epilog=EPILOG_RESOLVE, formatter_class=fmt)
    p.add_argument("input", help="input JSONL (or - for standard input)")
    p.add_argument("-o", "--output", default="-", help="output JSONL path (default: standard output)")
    p.set_defaults(func=cmd_resolve)


def _add_export(sub: Any, fmt: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser("export", help="write maps, networks and geodata from extraction records",
                       description="Read extraction records (JSONL from 'georel extract', or a GDELT 2.0 events "
                                   "export with --gdelt) and write GeoJSON, GeoPackage, GeoParquet, GraphML, CSV "
                                   "and figures (PNG/SVG).",
                       epilog=EPILOG_EXPORT, formatter_class=fmt)
    p.add_argument("input", help="records JSONL (or a GDELT .export.CSV with --gdelt)")
    p.add_argument("-o", "--output", required=True, help="an output folder, or one file whose suffix names its format")
    p.add_argument("--format", default=None,
                   help="comma-separated formats for a folder: geojson,gpkg,parquet,graphml,csv,png,svg")
    p.add_argument("--gdelt", action="store_true", help="the input is a GDELT 2.0 events export (61 columns)")
    p.set_defaults(func=cmd_export)


def _add_lookup(sub: Any, fmt: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser("lookup", help="list the gazetteer candidates for a place name",
                       description="Show the places called NAME, most populous first.",
                       epilog=EPILOG_LOOKUP, formatter_class=fmt)
    p.add_argument("name")
    p.add_argument("--limit", type=int, default=10, help="how many candidates to show (default 10)")
    p.set_defaults(func=cmd_lookup)


def _add_report(sub: Any, fmt: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser("report", help="run report notebooks for articles or a corpus into reports/<run-id>/",
                       description=textwrap.fill(
                           "Run the article report notebook once per article (or, with --corpus, the corpus "
                           "report once over all inputs) through papermill, in parallel. Each report folder "
                           "holds the executed notebook, a self-contained HTML page, the figures as PNG and "
                           "the data exports; the run's index.html lists them with their status and its path "
                           "is printed. Exit status: 0 all reports ok, 1 some report failed (the others are "
                           "kept), 2 bad input or usage.", 79),
                       epilog=EPILOG_REPORT, formatter_class=fmt)
    p.add_argument("inputs", nargs="+",
                   help="article files (.txt, .jsonl, .csv), directories, or - for stdin")
    p.add_argument("--corpus", action="store_true", help="one corpus report over all inputs instead of one "
                                                         "report per article")
    p.add_argument("--start", metavar="YYYY-MM-DD", help="corpus: first day to include")
    p.add_argument("--end", metavar="YYYY-MM-DD", help="corpus: last day to include")
    p.add_argument("--countries", metavar="ISO3,...", help="corpus: focus countries, e.g. PRK,RUS")
    _add_date_order(p)
    p.add_argument("--out", default="reports", help="folder that holds report runs (default: reports)")
    p.add_argument("--run-id", default=None, help="name of this run's folder (default: from the inputs)")
    p.add_argument("--jobs", "-j", type=int, default=None, help="reports run at once (default: one per core)")
    p.add_argument("--force", action="store_true", help="replace an existing run folder of the same run id")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar on standard error: reports, or a corpus report's cells "
                        "(default: when standard error is a terminal)")
    p.add_argument("--notebook", default=None, help="run this notebook instead of the bundled one (it must "
                                                    "declare the same parameters)")
    p.add_argument("--timeout", type=float, default=600.0, help="seconds any one notebook cell may run "
                                                                "(default 600)")
    p.add_argument("--start-timeout", type=float, default=60.0, help="seconds to wait for a kernel to start "
                                                                     "(default 60)")
    p.set_defaults(func=cmd_report)


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: Any = None, line: str | None = None) -> None:
    """Warnings on one line, without the source line Python would print."""
    print(f"georel: warning: {one_line(str(message))}", file=sys.stderr if file is None else file)


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Handle SIGTERM like Ctrl-C (workers stopped, finished chunks kept, one line), exit status 143."""
    def terminate(signum: int, frame: Any) -> None:
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _quiet_stdout() -> None:
    """After a broken pipe ('georel extract ... | head'), send what is left to /dev/null, silently."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `georel` console script.

    Exit status: 0 done; 2 bad input or usage (the good records are still written); 1 an internal
    error (set GEOREL_DEBUG=1 to see its traceback); 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
    """
    import os
    import warnings

    parser = build_parser()
    args = parser.parse_args(argv)
    with warnings.catch_warnings():
        warnings.showwarning = _show_warning
        warnings.simplefilter("always", GeorelWarning)
        try:
            with _sigterm_as_interrupt():
                return int(args.func(args))
        except GeorelError as err:
            print(f"georel: error: {one_line(str(err))}", file=sys.stderr)
            return 2
        except KeyboardInterrupt as exc:
            what, code = _interrupted(exc)
            print(f"georel: {what}; no partial output was kept", file=sys.stderr)
            return code
        except BrokenPipeError:
            _quiet_stdout()
            return 0
        except Exception as exc:  # a bug: one line, not a traceback, unless asked for
            if os.environ.get("GEOREL_DEBUG"):
                raise
            detail = f"{exc.filename}: {exc.strerror}" if isinstance(exc, OSError) and exc.filename else exc
            print(f"georel: internal error: {type(exc).__name__}: {one_line(str(detail))}; please report it "
                  "(GEOREL_DEBUG=1 shows the traceback)", file=sys.stderr)
            return 1


if __name__ == "__main__":
    sys.exit(main())
