"""Build analysis/data/petrarch_triggers.tsv from the verb dictionary of PETRARCH-2 (CAMEO.2.0.txt).

The table has the columns of event_triggers.tsv and widens it: the verbs of the dictionary's VERB
PATTERNS section whose block (or own line) gives a default code, and the block patterns that are a
verb and its object noun ('- * AMMUNITION [072]'), a verb and a prepositional phrase ('- * (FOR HELP)
[023]'), or a verb, its object and a prepositional phrase; a class (&WEAPON) stands for each word of
the file's own synonym set, a compound ({ARMS SHIPMENT}) for its words. A pattern belongs to the verb
its comment names (the verb it was found with), as long as that verb is one of the block's; a pattern
without a comment belongs to the verb the block is named after ('--- BURN ---': '- * &TOWN [1712]').

Left out, each by a rule that EVENTS_SOURCES.md states:
- forms that event_triggers.tsv already has (the curated rows win), and verbs with a curated one-word form;
- every code of root 01 (statements govern complement clauses: only curated triggers code them), and block
  defaults at the general code of a cooperative root (020 ... 080: 'improve', 'abandon' are coded only
  with an object that says so);
- null codes ('---'), codes of the target only ('[:173]'), patterns with words before the verb
  ('&MILITARY *') or with PETRARCH's source/target markers ($ + ^ %);
- phrases that recode a curated verb into another CAMEO root, and forms the dictionary codes two ways;
- the defaults of verbs that news mostly writes as nouns (WordNet 3.0 sense-tagged counts, cntlist.rev),
  with more than MAX_SENSES verb senses, whose commonest sense is a state, feeling, perception, bodily act,
  thought or weather, or takes a 'that' clause (frame 26), and of the cue verbs of event_cues.tsv: such
  verbs keep only their phrase patterns;
- one-word verbs of fewer than four letters, and verbs and phrases whose first word is an English
  function word (the grammatical groups of function_words.tsv: 'be determined') or a report verb of
  event_cues.tsv ('say sorry', 'report progress');
- the participles of a verb that is an event only with its object (no default code): 'aircraft using
  guided missiles killed ...' names a means.

Inputs: CAMEO.2.0.txt of openeventdata/petrarch2 (MIT licence, "Copyright (c) 2015 Open Event Data
Alliance"), WordNet 3.0's dict folder (Debian package wordnet-base: /usr/share/wordnet; WordNet
licence), analysis/data/event_triggers.tsv. Deterministic: sorted output, byte-identical on every run.

Usage:  python scripts/build_petrarch_verbs.py CAMEO_FILE [--wordnet DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_actor_tables import GRAMMAR_GROUPS  # noqa: E402
from build_event_lexicon import DATA, verb_forms  # noqa: E402

COLUMNS = ["lemma", "forms", "pos", "cameo", "target_prep", "object_role", "source", "note"]
SOURCE = "PETRARCH2 CAMEO.2.0.txt verb dictionary (generated)"
MAX_SENSES = 8  # WordNet verb senses past which a verb's block default is one sense among many ('take', 'hold')
MAX_EXPANSION = 40  # phrases one pattern may expand to through its classes
HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")
CODE = re.compile(r"\[([^\]]*)\]")
WORD = re.compile(r"^[A-Z][A-Z\-']*$")
SHORT_DOUBLE = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")  # 'plot' -> 'plotted', 'stab' -> 'stabbed'


@dataclass
class Block:
    """One verb block of the dictionary: its name, default code, verbs and simple patterns."""

    name: str
    default: str
    verbs: dict[str, tuple[list[str], str]] = field(default_factory=dict)  # base -> (given forms, own code)
    patterns: list[tuple[str, list[list[str]], str]] = field(default_factory=list)  # verb, elements, code


def _words(token: str) -> str:
    return token.lstrip("+").replace("_", " ").strip().lower()


def read_synsets(text: str) -> dict[str, list[str]]:
    """The synonym sets before VERB PATTERNS: '&NAME' -> its member phrases, lower case."""
    sets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.split("####### VERB PATTERNS")[0].splitlines():
        line = raw.split("#")[0].strip()
        if line.startswith("&"):
            current = sets.setdefault(line.split()[0], [])
        elif line.startswith("+") and current is not None:
            words = _words(line.split("{")[0].split()[0])
            if words and words not in current:
                current.append(words)
        elif not line:
            continue
        else:
            current = None
    return sets


def _code(text: str) -> str:
    """A pattern's or a verb's code for the source's act ('042:043' -> '042'; '---' and ':173' -> '')."""
    m = CODE.search(text)
    code = m.group(1).strip().split(":")[0].strip() if m else ""
    return code if code.isdigit() else ""


def _elements(post: str) -> list[list[str]] | None:
    """The words after the verb of a simple pattern, as a list of element alternatives, or None."""
    if re.search(r"[$+^%]", post):
        return None
    tokens = re.findall(r"\{[^}]*\}|\(|\)|[^\s(){}]+", post)
    out: list[list[str]] = []
    depth = 0
    for t in tokens:
        if t in "()":
            depth += 1 if t == "(" else -1
            continue
        if t.startswith("{"):
            out.append([" ".join(w.lower().replace("_", " ") for w in t[1:-1].split())])
        elif t.startswith("&"):
            out.append([t])  # expanded later
        elif WORD.match(t):
            out.append([t.lower().replace("_", " ")])
        else:
            return None
    return out if out and depth == 0 and len(out) <= 4 else None


def read_blocks(text: str) -> list[Block]:
    """The verb blocks of the VERB PATTERNS section."""
    section = text.split("####### VERB PATTERNS")[1].split("######## TRANSFORMATIONS")[0]
    blocks: list[Block] = []
    for raw in section.splitlines():
        line = raw.rstrip()
        if m := HEADER.match(line):
            code = m.group(2).split(":")[0].strip()
            blocks.append(Block(m.group(1), code if code.isdigit() else ""))
        elif not blocks or not line.strip() or line.lstrip().startswith("#"):
            continue
        elif line.startswith("- "):
            body, _, comment = line[2:].partition("#")
            pre, star, post = CODE.sub("", body).partition("*")
            elements = _elements(post) if star and not pre.strip() else None
            verb = comment.split()[0].lower().replace("_", " ") if comment.split() else ""
            if elements is not None and (code := _code(body)):
                blocks[-1].patterns.append((verb, elements, code))
        else:
            head = line.split("#")[0]
            given = re.findall(r"\{([^}]*)\}", head)
            base = _words(re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", head).split()[0]) if head.split() else ""
            if base:
                forms = [_words(f) for f in given[0].split()] if given else []
                blocks[-1].verbs[base] = (forms, _code(re.sub(r"\{[^}]*\}", "", head)))
    return blocks


def wordnet_counts(folder: Path | None) -> dict[str, dict[str, int]]:
    """word -> {'n': count, 'v': count} from WordNet's sense-tagged counts (cntlist.rev), or {}."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"n": 0, "v": 0})
    if folder is None:
        return counts
    for line in (folder / "cntlist.rev").read_text(encoding="latin-1").splitlines():
        key, _, count = line.split()
        lemma, _, rest = key.partition("%")
        pos = {"1": "n", "2": "v"}.get(rest[:1])
        if pos and "_" not in lemma:
            counts[lemma][pos] += int(count)
    return counts


def inflect(base: str, given: list[str]) -> list[str]:
    """The forms of a verb or verb phrase: the dictionary's own irregular forms, or the regular ones."""
    head, *rest = base.split(" ")
    tail = (" " + " ".join(rest)) if rest else ""
    forms = [base, *given] if given else [f + tail for f in verb_forms(head)]
    if not given and SHORT_DOUBLE.match(head) and len(head) <= 4:
        forms += [head + head[-1] + "ed" + tail, head + head[-1] + "ing" + tail]
    return list(dict.fromkeys(forms))


def _phrases(verb_forms_: list[str], elements: list[list[str]], synsets: dict[str, list[str]]) -> list[list[str]]:
    """Each inflected phrase of a pattern, one list of forms per expansion of its classes."""
    options = [[w for e in alts for w in (synsets.get(e, []) if e.startswith("&") else [e])] for alts in elements]
    out = []
    for combo in itertools.islice(itertools.product(*options), MAX_EXPANSION):
        tail = " ".join(combo)
        out.append([f"{f} {tail}" for f in verb_forms_])
    return out


@dataclass(frozen=True)
class VerbSense:
    """What WordNet says of a verb: its number of senses, and of its commonest sense the lexicographer
    file and whether it takes a 'that' clause (verb frame 26: 'Somebody ----s that CLAUSE')."""

    senses: int
    lexfile: int
    that_clause: bool


STATE_LEXFILES = {29: "body", 31: "cognition", 37: "emotion", 39: "perception", 42: "stative", 43: "weather"}


def verb_senses(folder: Path | None) -> dict[str, VerbSense]:
    """word -> its VerbSense from WordNet's index.verb and data.verb, or {}."""
    if folder is None:
        return {}
    synsets: dict[str, tuple[int, bool]] = {}
    for line in (folder / "data.verb").read_text(encoding="latin-1").splitlines():
        if not line.startswith(" "):
            fields = line.split(" | ")[0].split()
            synsets[fields[0]] = (int(fields[1]), bool(re.search(r"(?:^| )\+ 26 ", " ".join(fields))))
    out = {}
    for line in (folder / "index.verb").read_text(encoding="latin-1").splitlines():
        if not line.startswith(" "):
            fields = line.split()
            first = fields[4 + int(fields[3]) + 2]  # synset offsets follow the pointers and two counts
            lexfile, that = synsets[first]
            out[fields[0]] = VerbSense(int(fields[2]), lexfile, that)
    return out


def _cues(path: Path) -> set[str]:
    """The cues of event_cues.tsv: verbs the coder reads as modality, control or report."""
    return {c.lower() for c in _column(path, "cue")}


def _report_verbs(path: Path) -> set[str]:
    """The report verbs of event_cues.tsv ('say', 'report'): a phrase they open reports, it does not act."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {r["cue"].lower() for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
            if r["kind"] == "report_verb"}


def _curated(path: Path) -> tuple[set[str], dict[str, str]]:
    """The forms of the curated table (verbs and nouns), and its one-word verb forms with their CAMEO root."""
    pairs: set[str] = set()
    one_word: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            for f in filter(None, r["forms"].split("|")):
                pairs.add(f)
                if r["pos"] == "verb" and " " not in f:
                    one_word.setdefault(f, r["cameo"][:2])
    return pairs, one_word


def _column(path: Path, name: str) -> set[str]:
    with path.open(encoding="utf-8") as fh:
        return {r[name] for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}


def _defined(code: str, defined: set[str]) -> str:
    """A code CAMEO 1.1b3 does not define (176 cyber attack, 1213) as its parent: 1213 -> 121, 176 -> 170."""
    return code if code in defined else next((c for c in (code[:3], code[:2] + "0") if c in defined), code)


def _function_words(path: Path) -> set[str]:
    """The grammatical words of function_words.tsv (its '#' lines are comments): articles, auxiliaries,
    prepositions ... (GRAMMAR_GROUPS), not its groups of content words such as verbs of an order."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return {r["entry"] for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
            if r["group"] in GRAMMAR_GROUPS}


def weak_default(code: str, own: str) -> bool:
    """A code too broad for a bare verb: a statement (root 01: statements govern clauses, curated triggers
    code them), or a block's general code of a cooperative root (020 appeal ... 080 yield: 'improve',
    'abandon' are coded with an object that says so)."""
    return code[:2] == "01" or (not own and code[:2] <= "08" and code.endswith("0") and len(code) == 3)


def candidates(blocks: list[Block], synsets: dict[str, list[str]],
               no_default: set[str]) -> list[tuple[str, list[str], str, str]]:
    """(lemma, forms, code, note) of every default verb and simple pattern, before the curated rows win.
    Verbs in `no_default` (or with a form there) keep only their patterns."""
    out = []
    for b in blocks:
        for base, (given, own) in b.verbs.items():
            code, forms = own or b.default, inflect(base, given)
            if not code or weak_default(code, own) or (" " not in base and no_default.intersection(forms)):
                continue
            where = f"verb {base.upper()} [{own}]" if own else f"default [{code}]"
            out.append((base, forms, code, f"block {b.name} {where}"))
        for verb, elements, code in b.patterns:
            verb = verb or b.name.lower().replace("_", " ")  # a pattern no comment names belongs to the block's head
            if verb not in b.verbs or code[:2] == "01":  # statements govern clauses: curated triggers only
                continue
            shown = " ".join("{" + a[0] + "}" if " " in a[0] else a[0].upper() for a in elements)
            inflected = inflect(verb, b.verbs[verb][0])
            if not (b.verbs[verb][1] or b.default):
                # a verb that is an event only with its object: its participle names the means of another
                # act ('aircraft using guided missiles killed ...'), not an act
                inflected = [f for f in inflected if not f.split()[0].endswith("ing")]
            for forms in _phrases(inflected, elements, synsets):
                out.append((forms[0], forms, code, f"block {b.name} pattern '* {shown} [{code}]' ({verb.upper()})"))
    return out


def build(cameo_file: Path, wordnet: Path | None, data: Path = DATA) -> str:
    """The text of petrarch_triggers.tsv."""
    text = cameo_file.read_text(encoding="latin-1")
    synsets, blocks = read_synsets(text), read_blocks(text)
    counts = wordnet_counts(wordnet)
    no_default = {w for w, c in counts.items() if c["n"] > c["v"]} | _cues(data / "event_cues.tsv")
    no_default |= {w for w, v in verb_senses(wordnet).items()
                   if v.senses > MAX_SENSES or v.lexfile in STATE_LEXFILES or v.that_clause}
    curated, curated_verbs = _curated(data / "event_triggers.tsv")
    function = _function_words(data / "function_words.tsv") | _report_verbs(data / "event_cues.tsv")
    defined = _column(data / "cameo_codes.tsv", "code")
    cands = [(lemma, forms, _defined(code, defined), note) for lemma, forms, code, note in
             candidates(blocks, synsets, no_default)]
    codes_of: dict[str, set[str]] = defaultdict(set)
    for _, forms, code, _ in cands:
        for f in forms:
            codes_of[f].add(code)
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for lemma, forms, code, note in cands:
        one_word = " " not in lemma
        if lemma.split()[0] in function or (one_word and (len(lemma) < 4 or curated_verbs.keys() & set(forms))):
            continue
        if not one_word and curated_verbs.get(lemma.split()[0], code[:2]) != code[:2]:
            continue  # a pattern refines a curated verb within its root ('demand a truce'), never recodes it
        kept = [f for f in forms if f not in curated and len(codes_of[f]) == 1]
        if not kept or kept[0] != lemma:
            continue  # the base form is curated or coded two ways: the dictionary does not say which
        row = rows.setdefault((lemma, code), {
            "lemma": lemma, "forms": "", "pos": "verb", "cameo": code, "target_prep": "",
            "object_role": "target" if one_word else "none", "source": SOURCE, "note": note})
        row["forms"] = "|".join(dict.fromkeys([*filter(None, row["forms"].split("|")), *kept]))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
    writer.writeheader()
    for key in sorted(rows):
        writer.writerow(rows[key])
    return buf.getvalue()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cameo_file", type=Path, help="PETRARCH-2's CAMEO.2.0.txt")
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"),
                    help="WordNet 3.0 dict folder holding cntlist.rev (Debian package wordnet-base)")
    ap.add_argument("--out", type=Path, default=DATA)
    args = ap.parse_args(argv)
    if not (args.wordnet / "cntlist.rev").exists():
        ap.error(f"{args.wordnet}/cntlist.rev not found: install wordnet-base or give --wordnet")
    out = build(args.cameo_file, args.wordnet)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "petrarch_triggers.tsv").write_text(out, encoding="utf-8")
    print(f"petrarch_triggers.tsv: {out.count(chr(10)) - 1} rows, {len(out.encode('utf-8'))} bytes")


if __name__ == "__main__":
    main()
