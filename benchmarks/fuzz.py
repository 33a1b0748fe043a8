"""Fuzz the article loader and the extractor with generated and mutated articles.

    .venv/bin/python benchmarks/fuzz.py                       # 10,000 articles, seed 0
    .venv/bin/python benchmarks/fuzz.py -n 50000 --seed 7
    .venv/bin/python benchmarks/fuzz.py -n 0 --big            # only the big inputs (5 MB line, 50 MB article)

Each case is either a text handed to `analysis.extract.pipeline.extract_record`, or bytes written to a file
(.txt, .html, .jsonl, .csv, in various encodings, some binary) and read with
`analysis.io.articles.iter_articles` first. Half the cases mutate the bundled article. A crash is any
exception other than `InputError` from the loader, any exception from the extractor, an offset that
does not point at its text, or a second run that differs. Crashing inputs are saved to --save-dir.

Families of hostile input are mixed in: comma lists of place names, dates at the calendar's edges
(articles dated 0001-01-01 or 9999-12-31 with 'tomorrow', 'last week'), NUL bytes placed in one line of
a JSONL file (only that line may be lost), and one line over the record bound (reported, neighbours kept).

Prints: cases, articles, rejected inputs, crashes (must be 0), the slowest article (must be under 2 s),
throughput and the peak memory (resource.getrusage); then the time-per-character table: each family
timed at S and 10 S characters, growth under 12x (no family worse than linear).
With --big, also extracts a 5 MB line without punctuation and a
50 MB article (the bundled one repeated), each in a child process with a time limit, growing the size
step by step so that superlinear time shows in the figures before the limit is hit.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.errors import InputError  # noqa: E402
from analysis.extract.pipeline import extract_record  # noqa: E402
from analysis.io.articles import Article, iter_articles  # noqa: E402
from analysis.io.files import MAX_RECORD_BYTES  # noqa: E402
from analysis.io.sources import BadRecord, iter_items  # noqa: E402

BUNDLED = (ROOT / "data/articles/2023-09-11-kim-putin-summit.txt").read_bytes()
ARTICLE = BUNDLED.decode("utf-8")
PLACES = ["Paris", "Texas", "Washington", "Moscow", "Kyiv", "Alexandria", "Georgia", "Jordan", "Lagos",
          "Hong Kong", "São Paulo", "Côte d'Ivoire", "St. Louis", "New York", "Beijing", "Tehran", "Gaza",
          "Mobile, Ala.", "U.S.", "U.K.", "D.P.R.K.", "Vladivostok", "Pyongyang", "Seoul", "Tokyo"]
WORDS = sorted(set(ARTICLE.split())) + PLACES
UNICODE_POOL = ("\u200b\u200d\ufeff\u00a0\u2028\u2029\u0301\u0308\u202e\u00ad\ufffd\x00\x0b\x0c\x1c\x85"
                "İıßẞǅﬁ𝐏𝐚𝐫𝐢𝐬Ꮲ한국어日本語Россияعربي🇰🇵👍🏽–—“”‘’«»…·•\\\"'")
EDGE_DATES = [None, None, "0001-01-01", "0001-01-02", "9999-12-31", "9999-12-27", "2024-02-29"]
CALENDAR = ["tomorrow", "yesterday", "on Sunday", "on Saturday", "last week", "next week", "last month", "next month",
            "next year", "last year", "in December", "in January", "over the weekend", "two weeks ago", "in May"]
RUNS = ["Kim ", "Kim Jong Un ", "A. ", "U.S.", ".", "...", "!?", "'", "’", "'s ", "-", "Ab-", "St. ", "Mr. ",
        "\n", " \n \n", "(", "“", "2023 ", "x" * 40, "NORTH KOREA ", "in Paris, Texas, ", "<p>", "&amp;"]


def _rand_unicode(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.5:
            out.append(rng.choice(UNICODE_POOL))
        elif r < 0.8:
            out.append(chr(rng.randrange(0x20, 0x3000)))
        else:
            out.append(chr(rng.randrange(0x10000, 0x110000) if rng.random() < 0.5 else rng.randrange(0xD800, 0xE000)))
    return "".join(out)


def generated_text(rng: random.Random) -> str:
    kind = rng.randrange(7)
    if kind == 0:  # news-like word salad
        seps = [" "] * 8 + [", ", ". ", "\n\n", "; ", " - ", "'s ", "\r\n"]
        return "".join(rng.choice(WORDS) + rng.choice(seps) for _ in range(rng.randrange(1, 400)))
    if kind == 1:  # random unicode
        return _rand_unicode(rng, rng.randrange(0, 600))
    if kind == 2:  # adversarial runs
        unit = "".join(rng.choice(RUNS) for _ in range(rng.randrange(1, 4)))
        return unit * rng.randrange(1, 3000)
    if kind == 3:  # capitalised place names without punctuation
        return " ".join(rng.choice(PLACES) for _ in range(rng.randrange(1, 800)))
    if kind == 4:  # a list of place names: commas, 'and', 'or', slashes, 'regions' after it
        seps = [", "] * 6 + [" and ", " or ", " / ", ", and "]
        names = "".join(rng.choice(PLACES) + rng.choice(seps) for _ in range(rng.randrange(2, 1500)))
        return "Troops shelled " + names + rng.choice(["regions.", "counties.", "", "Springfield, Illinois."])
    if kind == 5:  # relative dates (the article date is often at the calendar's edge)
        return " ".join(f"Kim met Putin in {rng.choice(PLACES)} {rng.choice(CALENDAR)}."
                        for _ in range(rng.randrange(1, 60)))
    return rng.choice(["", " ", "\n", ".", "date 2023-09-11", "Kim", "U.S.", "'", "-", "\x00", "\ufeff"])


def mutated_text(rng: random.Random) -> str:
    text = ARTICLE if rng.random() < 0.5 else ARTICLE[rng.randrange(len(ARTICLE)):][: rng.randrange(1, 3000)]
    for _ in range(rng.randrange(1, 8)):
        i = rng.randrange(len(text) + 1)
        j = min(len(text), i + rng.randrange(0, 200))
        op = rng.randrange(10)
        if op == 0:
            text = text[:i] + text[j:]
        elif op == 1:
            text = text[:i] + _rand_unicode(rng, rng.randrange(1, 30)) + text[i:]
        elif op == 2:
            text = text[:i] + text[i:j].upper() + text[j:]
        elif op == 3:
            text = text[:i] + text[i:j].lower() + text[j:]
        elif op == 4:
            text = text[:i] + text[i:j] * rng.randrange(2, 50) + text[j:]
        elif op == 5:
            text = text[:i] + rng.choice(RUNS) * rng.randrange(1, 500) + text[i:]
        elif op == 6:
            text = text.replace(" ", rng.choice(["\n", "\u00a0", "  ", "\t", "-", "_", ""]))
        elif op == 7:
            text = "".join(c for c in text if c not in ".,!?;:") if rng.random() < 0.5 else text.replace(".", "")
        elif op == 8:
            k = rng.randrange(len(ARTICLE) + 1)
            text = text[:i] + ARTICLE[k:k + rng.randrange(1, 400)] + text[j:]
        else:
            text = text[:i] + rng.choice(PLACES) + rng.choice(["'s", ",", ".", "", "-based", " City"]) + text[i:]
    return text


def as_file(rng: random.Random, text: str) -> tuple[str, bytes]:
    """The text as a file: a suffix and bytes (sometimes another encoding, HTML, JSONL, CSV or binary)."""
    kind = rng.randrange(9)
    if kind == 0:
        header = rng.choice(["date 0001-01-01\n", "date 9999-12-31 ", "date 2023-09-11 ", "date 2023-09-11\n",
                              "  date: 2023-02-30\n", "date 2023-13-45 ",
                             "Date 11/09/2023\n", "date=2024-02-29 ", "\ufeffdate 2023-09-11\r\n"])
        return ".txt", (header + text).encode("utf-8", "surrogatepass")
    if kind == 1:
        return ".txt", text.encode(rng.choice(["cp1252", "latin-1", "utf-16", "utf-32", "mac_roman"]), "replace")
    if kind == 2:
        body = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
        page = f"<html><head><title>{text[:40]}</title><script>var x = '{text[:20]}';</script></head><body>{body}"
        return rng.choice([".html", ".htm", ".txt"]), (page if rng.random() < 0.8 else page[: len(page) // 2]).encode(
            "utf-8", "surrogatepass")
    if kind == 3:
        lines = [json.dumps({"id": rng.choice(["a", "a", "b", 1, None, ""]), "text": t,
                             "date": rng.choice([None, "2023-09-11", "2023-13-45", 5, ""])})
                 for t in (text, text[::-1], text[: len(text) // 2])]
        if rng.random() < 0.5:
            lines.insert(rng.randrange(len(lines)), rng.choice(["{oops", "[1]", '{"id": "x"}', '{"text": 3}', ""]))
        return ".jsonl", "\n".join(lines).encode("utf-8", "surrogatepass")
    if kind == 4:
        quoted = text.replace('"', '""')
        header = rng.choice(["id,text,date", "ID;Text", "id\ttext", "id,body", "text"])
        return ".csv", f'{header}\nr1,"{quoted}",2023-09-11\nr2,{text[:50]}\n'.encode("utf-8", "surrogatepass")
    if kind == 5:  # damaged bytes
        data = bytearray(text.encode("utf-8", "surrogatepass"))
        for _ in range(rng.randrange(1, 20)):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
        return ".txt", bytes(data)
    if kind == 6:  # binary files
        return rng.choice([(".pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + rng.randbytes(200)),
                           (".txt", b"\x89PNG\r\n\x1a\n" + rng.randbytes(100)),
                           (".txt", rng.randbytes(rng.randrange(1, 500)))])
    return ".txt", text.encode("utf-8", "surrogatepass")


def check(article: Article, rec: dict[str, Any]) -> str | None:
    text = article.text
    for item in rec["places"] + rec["actors"]:
        if not (0 <= item["start"] < item["end"] <= len(text)) or text[item["start"]:item["end"]] != item["text"]:
            return f"bad span {item!r}"
    for ev in rec["events"]:
        for span in [ev, *(ev.get("mentions") or [])]:
            s, e = span["sentence_start"], span["sentence_end"]
            if "evidence" in span and text[s:e] != span["evidence"]:
                return f"bad evidence span {s}:{e}"
            if "trigger" in span and text[span["trigger_start"]:span["trigger_end"]] != span["trigger"]:
                return f"bad trigger span {span['trigger_start']}:{span['trigger_end']}"
    return None


class Fuzz:
    def __init__(self, save_dir: Path) -> None:
        self.cases = self.articles = self.rejected = 0
        self.crashes: list[str] = []
        self.slowest = (0.0, 0, "")
        self.chars = 0
        self.extract_seconds = 0.0
        self.save_dir = save_dir

    def crash(self, case: str, what: str, payload: bytes) -> None:
        self.crashes.append(f"{case}: {what}")
        self.save_dir.mkdir(parents=True, exist_ok=True)
        (self.save_dir / f"{case}.bin").write_bytes(payload)

    def extract(self, case: str, article: Article, *, twice: bool) -> None:
        self.articles += 1
        start = time.perf_counter()
        try:
            rec = extract_record(article)
        except Exception:
            self.crash(case, traceback.format_exc(limit=-3).strip().replace("\n", " | "),
                       article.text.encode("utf-8", "surrogatepass"))
            return
        elapsed = time.perf_counter() - start
        self.extract_seconds += elapsed
        self.chars += len(article.text)
        if elapsed > self.slowest[0]:
            self.slowest = (elapsed, len(article.text), case)
        problem = check(article, rec)
        if problem is None and twice and extract_record(article) != rec:
            problem = "not deterministic"
        if problem:
            self.crash(case, problem, article.text.encode("utf-8", "surrogatepass"))

    def load(self, case: str, suffix: str, data: bytes, folder: Path) -> list[Article]:
        path = folder / f"{case}{suffix}"
        path.write_bytes(data)
        errors: list[InputError] = []
        try:
            got = list(iter_articles(path, on_error=errors.append))
        except Exception:
            self.crash(case, "loader: " + traceback.format_exc(limit=-3).strip().replace("\n", " | "), data)
            return []
        finally:
            path.unlink()
        self.rejected += len(errors)
        return got


def nul_file(rng: random.Random, text: str) -> tuple[bytes, int]:
    """A JSONL file of good records with NUL bytes placed in one line (first, within the first 4 KB, or
    anywhere); returns the bytes and how many records must survive."""
    n = rng.randrange(2, 120)
    lines = [json.dumps({"id": f"r{k}", "text": f"Kim left Pyongyang. {text[k % 50:][:300]}"}).encode()
             for k in range(n)]
    k = rng.choice([0, 1, min(2, n - 1), rng.randrange(n)])
    raw = bytearray(lines[k])
    for _ in range(rng.randrange(1, 4)):
        raw.insert(rng.randrange(len(raw) + 1), 0)
    lines[k] = bytes(raw)
    return b"\n".join(lines) + b"\n", n - 1


def run(n: int, seed: int, save_dir: Path) -> Fuzz:
    rng = random.Random(seed)
    fuzz = Fuzz(save_dir)
    extract_record(Article(id="warm", text="Kim went to Moscow."))  # load the lexicons before timing
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        folder = Path(tmp)
        for i in range(n):
            fuzz.cases += 1
            case = f"case{i:06d}"
            text = mutated_text(rng) if i % 2 else generated_text(rng)
            r = rng.random()
            if r < 0.03:  # NUL bytes in one line: the other lines must all be read
                data, keep = nul_file(rng, text)
                got = fuzz.load(case, ".jsonl", data, folder)
                if len(got) != keep:
                    fuzz.crash(case, f"a NUL line cost good lines: {len(got)} of {keep} read", data)
                for article in got[:2]:
                    fuzz.extract(case, article, twice=False)
            elif r < 0.4:
                suffix, data = as_file(rng, text)
                for article in fuzz.load(case, suffix, data, folder):
                    fuzz.extract(case, article, twice=False)
            else:
                article = Article(id=case, text=text, date=rng.choice(EDGE_DATES))
                fuzz.extract(case, article, twice=i % 10 == 0)
            if (i + 1) % 1000 == 0:
                print(f"  {i + 1} cases, {len(fuzz.crashes)} crashes", file=sys.stderr, flush=True)
    return fuzz


# ------------------------------------------------------------------------------ time per character

GROWTH_LIMIT = 12.0  # time for 10x the text, at most this many times the time for the text
SLOWEST_LIMIT = 2.0  # seconds for the slowest fuzzed article


def _repeat(unit: str) -> Any:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


FAMILIES: dict[str, tuple[Any, str | None]] = {
    "comma list of places": (_repeat("Paris, London, Springfield, Illinois, "), None),
    "list of 25 places": (_repeat(", ".join(PLACES) + ", and "), None),
    "places and/or/slash": (_repeat("Paris and London or Texas / Ohio and "), None),
    "list before 'regions'": (_repeat("Donetsk, Luhansk, Zaporizhzhia and Kherson regions, "), None),
    "calendar words, 9999-12-31": (_repeat(" ".join(f"Kim met Putin {c}." for c in CALENDAR) + " "), "9999-12-31"),
    "calendar words, 0001-01-01": (_repeat(" ".join(f"Kim met Putin {c}." for c in CALENDAR) + " "), "0001-01-01"),
    "NUL every 40 chars": (_repeat("Kim left Pyongyang for\x00 Vladivostok. "), None),
    "no punctuation": (lambda n: big_text("line", n), None),
    "capitalised words": (_repeat("Kim Jong Un Vladimir Putin North Korea "), None),
    "dots": (lambda n: "U.S." + "." * (n - 4), None),
    "repeated article": (lambda n: big_text("article", n), None),
}


def _best(text: str, date: str | None, repeat: int = 3) -> float:
    """The best of `repeat` extraction CPU times (other processes on the machine do not count), with the
    garbage collector paused while the clock runs:
    its passes over the whole heap come at moments unrelated to the text and blur the growth."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            extract_record(Article(id="g", text=text, date=date))
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def _huge_line_time(n: int, folder: Path) -> float:
    """Read a JSONL file holding one n-character line (no newline inside the text) and extract it."""
    path = folder / f"huge-{n}.jsonl"
    path.write_text(json.dumps({"id": "h", "text": big_text("line", n)}) + "\n", encoding="utf-8")
    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            for item in iter_items(path):
                if not isinstance(item, BadRecord):
                    extract_record(item.article)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def growth_table(size: int) -> list[str]:
    """Print each family's time at `size` and 10x `size` characters; return the families over the limit."""
    extract_record(Article(id="warm", text="Kim went to Moscow."))
    print(f"time per character: each family at {size:,} and {10 * size:,} characters (CPU s, best of 3, GC paused)")
    print(f"  {'family':30s} {'S s':>8s} {'10S s':>8s} {'growth':>7s}  {'us/char at 10S':>14s}")
    bad = []
    rows: list[tuple[str, float, float]] = []
    for name, (make, date) in FAMILIES.items():
        rows.append((name, _best(make(size), date), _best(make(10 * size), date)))
    with tempfile.TemporaryDirectory() as tmp:
        rows.append(("huge JSONL line (read+extract)", _huge_line_time(size, Path(tmp)),
                     _huge_line_time(10 * size, Path(tmp))))
    for name, small, large in rows:
        growth = large / max(small, 1e-9)
        flag = "" if growth < GROWTH_LIMIT else "  OVER"
        if flag:
            bad.append(name)
        print(f"  {name:30s} {small:8.3f} {large:8.3f} {growth:6.1f}x  {large / (10 * size) * 1e6:14.2f}{flag}")
    return bad


def record_bound_check() -> str | None:
    """One JSONL line over the record bound between two good ones: reported, the neighbours read, quickly."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bound.jsonl"
        with path.open("wb") as fh:
            fh.write(b'{"id": "a", "text": "Kim left."}\n{"id": "huge", "text": "')
            fh.write(b"word " * (MAX_RECORD_BYTES // 5 + 1))
            fh.write(b'"}\n{"id": "b", "text": "Putin left."}\n')
        start = time.perf_counter()
        items = list(iter_items(path))
        elapsed = time.perf_counter() - start
    kinds = ["bad" if isinstance(i, BadRecord) else i.article.id for i in items]
    print(f"record bound: a {MAX_RECORD_BYTES / 2**20:.0f} MB+ line between two good ones -> {kinds} "
          f"in {elapsed:.2f} s")
    return None if kinds == ["a", "bad", "b"] and elapsed < 2.0 else f"record bound: {kinds}, {elapsed:.2f} s"


def peak_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / (1024 if sys.platform == "darwin" else 1)


# --------------------------------------------------------------------------------------- big inputs


def big_text(kind: str, n: int) -> str:
    if kind == "line":  # no punctuation, no newline: one 'sentence'
        rng = random.Random(1)
        words = [w.strip(".,“”\"") for w in ARTICLE.split() if w.strip(".,“”\"")]
        out: list[str] = []
        size = 0
        while size < n:
            out.append(rng.choice(words))
            size += len(out[-1]) + 1
        return " ".join(out)[:n]
    return (ARTICLE * (n // len(ARTICLE) + 1))[:n]


def one_big(kind: str, n: int) -> None:
    """In a child process: extract one big text, print seconds and peak memory as JSON."""
    from analysis.extract.text import split_sentences, tokenize

    extract_record(Article(id="warm", text="Kim went to Moscow."))
    text = big_text(kind, n)
    t0 = time.perf_counter()
    sentences = split_sentences(text)
    t1 = time.perf_counter()
    tokenize(text, sentences)
    t2 = time.perf_counter()
    rec = extract_record(Article(id="big", text=text))
    t3 = time.perf_counter()
    print(json.dumps({"split": t1 - t0, "tokenize": t2 - t1, "extract": t3 - t2, "places": len(rec["places"]),
                      "actors": len(rec["actors"]), "events": len(rec["events"]), "peak_mb": peak_mb()}))


def run_big(kind: str, target: int, limit: float) -> None:
    size = 250_000
    while True:
        size = min(size, target)
        start = time.perf_counter()
        try:
            proc = subprocess.run([sys.executable, __file__, "--one-big", kind, str(size)], capture_output=True,
                                  text=True, timeout=limit)
        except subprocess.TimeoutExpired:
            print(f"  {kind:7s} {size / 1e6:6.2f} MB: did not finish in {limit:.0f} s")
            return
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            print(f"  {kind:7s} {size / 1e6:6.2f} MB: CRASHED: {proc.stderr.strip().splitlines()[-1:]}")
            return
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        rate = size / 1e6 / max(r["extract"], 1e-9)
        print(f"  {kind:7s} {size / 1e6:6.2f} MB: extract {r['extract']:7.1f} s ({rate:5.2f} MB/s; split "
              f"{r['split']:.2f} s, tokenize {r['tokenize']:.1f} s), {r['places']} places, "
              f"{r['actors']} actors, {r['events']} events, peak {r['peak_mb']:.0f} MB (wall {wall:.0f} s)",
              flush=True)
        if size >= target:
            return
        size *= 4


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=10_000, help="number of cases (default 10,000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--save-dir", type=Path, default=Path(tempfile.gettempdir()) / "georel-fuzz-crashes",
                        help="where crashing inputs are saved")
    parser.add_argument("--big", action="store_true", help="also the 5 MB line and the 50 MB article")
    parser.add_argument("--big-limit", type=float, default=900, help="seconds allowed per big extraction")
    parser.add_argument("--growth-size", type=int, default=20_000, metavar="S",
                        help="time each family at S and 10 S characters (0: skip; default 20,000)")
    parser.add_argument("--one-big", nargs=2, metavar=("KIND", "CHARS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_big:
        one_big(args.one_big[0], int(args.one_big[1]))
        return
    failures: list[str] = []
    if args.n:
        failures += _fuzz_report(args.n, args.seed, args.save_dir)
    if args.growth_size:
        failures += [f"growth over {GROWTH_LIMIT:g}x: {name}" for name in growth_table(args.growth_size)]
        if (problem := record_bound_check()) is not None:
            failures.append(problem)
    if args.big:
        print("big inputs (each in a child process; size grows x4 up to the target):")
        run_big("line", 5_000_000, args.big_limit)
        run_big("article", 50_000_000, args.big_limit)
    print("FAILED: " + "; ".join(failures) if failures else "all checks passed")
    if failures:
        sys.exit(1)


def _fuzz_report(n: int, seed: int, save_dir: Path) -> list[str]:
    start = time.perf_counter()
    fuzz = run(n, seed, save_dir)
    wall = time.perf_counter() - start
    seconds, chars, case = fuzz.slowest
    print(f"cases: {fuzz.cases}  articles extracted: {fuzz.articles}  inputs rejected (InputError): "
          f"{fuzz.rejected}")
    print(f"crashes (exceptions, invalid records, lost lines): {len(fuzz.crashes)}")
    for line in fuzz.crashes[:10]:
        print(f"  {line[:300]}")
    print(f"slowest article: {seconds:.3f} s ({chars:,} chars, {case}); limit {SLOWEST_LIMIT:g} s")
    print(f"extraction: {fuzz.chars / 1e6:.1f} M chars in {fuzz.extract_seconds:.1f} s "
          f"({fuzz.chars / 1e6 / max(fuzz.extract_seconds, 1e-9):.2f} MB/s); wall {wall:.0f} s")
    print(f"peak memory: {peak_mb():.0f} MB (ru_maxrss)")
    failures = [f"{len(fuzz.crashes)} crashes"] if fuzz.crashes else []
    if seconds >= SLOWEST_LIMIT:
        failures.append(f"slowest article {seconds:.2f} s")
    return failures

if __name__ == "__main__":
    main()
