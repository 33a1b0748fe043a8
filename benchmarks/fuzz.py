"""Fuzz the article loader and the extractor with generated and mutated articles.

    .venv/bin/python benchmarks/fuzz.py                       # 10,000 articles, seed 0
    .venv/bin/python benchmarks/fuzz.py -n 50000 --seed 7
    .venv/bin/python benchmarks/fuzz.py -n 0 --big            # only the big inputs (5 MB line, 50 MB article)

Each case is either a text handed to `analysis.extract.pipeline.extract_record`, or bytes written to a file
(.txt, .html, .jsonl, .csv, in various encodings, some binary) and read with
`analysis.io.articles.iter_articles` first. Half the cases mutate the bundled article. A crash is any
exception other than `InputError` from the loader, any exception from the extractor, an offset that
does not point at its text, or a second run that differs. Crashing inputs are saved to --save-dir.

Prints: cases, articles, rejected inputs, crashes (must be 0), the slowest article, throughput and the
peak memory (resource.getrusage). With --big, also extracts a 5 MB line without punctuation and a
50 MB article (the bundled one repeated), each in a child process with a time limit, growing the size
step by step so that superlinear time shows in the figures before the limit is hit.
"""

from __future__ import annotations

import argparse
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

BUNDLED = (ROOT / "data/articles/2023-09-11-kim-putin-summit.txt").read_bytes()
ARTICLE = BUNDLED.decode("utf-8")
PLACES = ["Paris", "Texas", "Washington", "Moscow", "Kyiv", "Alexandria", "Georgia", "Jordan", "Lagos",
          "Hong Kong", "São Paulo", "Côte d'Ivoire", "St. Louis", "New York", "Beijing", "Tehran", "Gaza",
          "Mobile, Ala.", "U.S.", "U.K.", "D.P.R.K.", "Vladivostok", "Pyongyang", "Seoul", "Tokyo"]
WORDS = sorted(set(ARTICLE.split())) + PLACES
UNICODE_POOL = ("\u200b\u200d\ufeff\u00a0\u2028\u2029\u0301\u0308\u202e\u00ad\ufffd\x00\x0b\x0c\x1c\x85"
                "İıßẞǅﬁ𝐏𝐚𝐫𝐢𝐬Ꮲ한국어日本語Россияعربي🇰🇵👍🏽–—“”‘’«»…·•\\\"'")
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
    kind = rng.randrange(5)
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
        header = rng.choice(["date 2023-09-11 ", "date 2023-09-11\n", "  date: 2023-02-30\n", "date 2023-13-45 ",
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


def run(n: int, seed: int, save_dir: Path) -> Fuzz:
    rng = random.Random(seed)
    fuzz = Fuzz(save_dir)
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        folder = Path(tmp)
        for i in range(n):
            fuzz.cases += 1
            case = f"case{i:06d}"
            text = mutated_text(rng) if i % 2 else generated_text(rng)
            if rng.random() < 0.4:
                suffix, data = as_file(rng, text)
                for article in fuzz.load(case, suffix, data, folder):
                    fuzz.extract(case, article, twice=False)
            else:
                fuzz.extract(case, Article(id=case, text=text), twice=i % 10 == 0)
            if (i + 1) % 1000 == 0:
                print(f"  {i + 1} cases, {len(fuzz.crashes)} crashes", file=sys.stderr, flush=True)
    return fuzz


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
    parser.add_argument("--one-big", nargs=2, metavar=("KIND", "CHARS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_big:
        one_big(args.one_big[0], int(args.one_big[1]))
        return
    if args.n:
        start = time.perf_counter()
        fuzz = run(args.n, args.seed, args.save_dir)
        wall = time.perf_counter() - start
        seconds, chars, case = fuzz.slowest
        print(f"cases: {fuzz.cases}  articles extracted: {fuzz.articles}  inputs rejected (InputError): "
              f"{fuzz.rejected}")
        print(f"crashes: {len(fuzz.crashes)}")
        for line in fuzz.crashes[:10]:
            print(f"  {line[:300]}")
        print(f"slowest article: {seconds:.3f} s ({chars:,} chars, {case})")
        print(f"extraction: {fuzz.chars / 1e6:.1f} M chars in {fuzz.extract_seconds:.1f} s "
              f"({fuzz.chars / 1e6 / max(fuzz.extract_seconds, 1e-9):.2f} MB/s); wall {wall:.0f} s")
        print(f"peak memory: {peak_mb():.0f} MB (ru_maxrss)")
    if args.big:
        print("big inputs (each in a child process; size grows x4 up to the target):")
        run_big("line", 5_000_000, args.big_limit)
        run_big("article", 50_000_000, args.big_limit)
    if args.n and fuzz.crashes:
        sys.exit(1)


if __name__ == "__main__":
    main()
