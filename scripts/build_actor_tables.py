"""Build the PETRARCH-2 actor and agent tables in analysis/data from the PETRARCH-2 dictionaries.

Writes two TSV files (UTF-8, tab-separated, header row, sorted, byte-identical on every run):

- petrarch_actors.tsv  one row per actor phrase and CAMEO code (with the code's date span) of
                       Phoenix.Countries.actors.txt (CountryInfo 2014), Phoenix.International.actors.txt
                       and Phoenix.MilNonState.actors.txt; `word` flags one-word phrases that are English words
- petrarch_agents.tsv  the agent nouns of Phoenix.agents.txt with their plural and variant forms and the
                       agent code they add to an actor

Inputs: the dictionary folder of openeventdata/petrarch2 (MIT licence, "Copyright (c) 2014 Open Event
Data Alliance"), given as an argument; the project's countries.tsv (ISO3 codes) and, for the drop rule,
its vocabulary tables in analysis/data (function_words.tsv, event_triggers.tsv, event_cues.tsv,
time_words.tsv, agents.tsv); english-words 2.0.2 (web2) for the `word` flag. Nothing is fetched, and
the package never reads the dictionaries.
The format, the conversion and the drop rule are described in analysis/data/ACTORS_SOURCES.md; the
script prints (to stderr) every line it could not read, every repair it made and every row it dropped.

Usage:  python scripts/build_actor_tables.py DICT_DIR [--out DIR]   (default DIR: analysis/data)
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "analysis" / "data"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"
ACTOR_COLUMNS = ["phrase", "code", "start", "end", "country", "sector", "kind", "word", "source"]
AGENT_COLUMNS = ["noun", "forms", "sector", "attach", "source"]

# A CAMEO code: 3-letter groups; the CAMEO religion codes of the NGO entries carry 3-digit groups
# (NGOCHRPRO214); '---' is PETRARCH's null code (a phrase that names no actor, e.g. INDIAN_OCEAN).
CODE_RE = re.compile(r"(?:[A-Z]{3})(?:[A-Z]{3}|\d{3})*|---")
BRACKET_RE = re.compile(r"\[([^\[\]{}]*)[\]}]")  # '[~ENV}' in the agents file closes with '}'
TRANSNATIONAL = ("IGO", "NGO", "MNC", "IMG")  # CAMEO codes that begin with a type, not a country
MILITIA_SECTORS = {"REB", "INS", "UAF"}
STATUS_GROUPS = frozenset({"UNR", "OCC", "AUT", "UNO"})
# CAMEO country codes that are ISO 3166-1 codes under another name in this project.
CAMEO_ISO3 = {"KSV": "XKX", "TMP": "TLS", "IMY": "IMN"}
# Country groups the dictionaries write wrongly, and CAMEO's code: Phoenix.MilNonState.actors.txt codes
# Angola's UNITA ANGREB, where CAMEO's code for Angola is AGO. The codes are corrected as they are read.
CODE_ERRATA = {"ANG": "AGO"}
# The restrictions in the dictionaries whose dates are no date or whose range runs backwards, repaired
# as the neighbouring restriction lines and the office-holder's dates show (PETRARCH's own reading after
# '->'). Keyed on the whole restriction, so that nothing else can match.
RESTRICTION_FIXES = {
    "9008223-911221": "900823-911221",  # Armenia: [USRARM <900823] then this   -> 1990-08-22
    "2004017-20061201": "20040117-20061201",  # Ban Ki-moon, foreign minister from 2004-01-17  -> 2020-04-01
    "1920030320-20060520": "20030320-20060520",  # Iraqi Kurdistan: [IRQ <20030320] then this -> 1920-03-03
    "1920050709-20110709": "20050709-20110709",  # South Sudan: [SDNSSD <20050709] then this  -> 1920-05-07
    ">201005011": ">20100511",  # David Cameron, prime minister from 2010-05-11           -> 2010-05-01
    "20121207-20120802": "20111207-20120802",  # Kamal Ganzouri, prime minister 2011-12-07 to 2012-08-02
}
# Grammatical groups of function_words.tsv (the other groups list nouns and CAMEO relations).
GRAMMAR_GROUPS = {"be", "passive_aux", "subject_pronoun", "adverb", "perfect_aux", "subordinator",
                  "coordinator", "gerund_prep", "prep_between", "subject_prep", "place_prep",
                  "adjunct_prep", "object_prep_stop", "nominal_prep", "particle", "article",
                  "determiner", "locative", "location_prep", "name_article", "between_subject_and_verb"}


@dataclass
class Span:
    """A CAMEO code and the dates (ISO, inclusive, '' for open) between which it applies."""

    code: str
    start: str = ""
    end: str = ""


@dataclass
class Entry:
    """An actor record: a head phrase, its '+' synonyms and its codes."""

    source: str
    line: int
    note: str
    phrases: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)


@dataclass
class Report:
    """What the parser could not read, repaired or dropped: kind -> ['file:line: text', ...]."""

    items: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, kind: str, source: str, line: int, text: str) -> None:
        """Note one case; `line` 0 for a row rather than a line."""
        self.items[kind].append(f"{source}:{line}: {text.strip()}" if line else f"{source}: {text.strip()}")

    def summary(self) -> str:
        out = []
        for kind in sorted(self.items):
            found = self.items[kind]
            out.append(f"{kind}: {len(found)}")
            out.extend(f"    {x}" for x in found[:8])
            if len(found) > 8:
                out.append(f"    ... {len(found) - 8} more")
        return "\n".join(out)


# --------------------------------------------------------------------------------------------
# Dates and codes
# --------------------------------------------------------------------------------------------
def parse_date(text: str) -> str:
    """A TABARI date (YYMMDD, years 00-30 being 20YY as in KEDS/TABARI/PETRARCH, or YYYYMMDD) in ISO form."""
    if len(text) == 6 and text.isdigit():
        yy = int(text[:2])
        year, rest = (2000 + yy if yy <= 30 else 1900 + yy), text[2:]
    elif len(text) == 8 and text.isdigit():
        year, rest = int(text[:4]), text[4:]
    else:
        raise ValueError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    return date(year, int(rest[:2]), int(rest[2:])).isoformat()


def parse_span(field_text: str) -> tuple[Span, str]:
    """`CODE`, `CODE <date`, `CODE >date`, `CODE date-date` or `CODE date` (read as from that date)
    inside one pair of brackets, and a note on anything unusual ('' if none)."""
    code, _, rest = field_text.strip().partition(" ")
    code, rest = code.strip(), rest.replace(" ", "")
    note = "restriction repaired (RESTRICTION_FIXES)" if rest in RESTRICTION_FIXES else ""
    rest = RESTRICTION_FIXES.get(rest, rest)
    if not CODE_RE.fullmatch(code):
        raise ValueError(f"code {code!r} is not a CAMEO code")
    if not rest:
        return Span(code), note
    if rest[0] in "<>":
        day = parse_date(rest[1:])
        return (Span(code, end=day) if rest[0] == "<" else Span(code, start=day)), note
    first, dash, second = rest.partition("-")
    if dash:
        start, end = parse_date(first), parse_date(second)
        if end < start:
            raise ValueError(f"range {rest} ends before it starts")
        return Span(code, start, end), note
    return Span(code, start=parse_date(first)), "bare date read as 'from that date'"


# --------------------------------------------------------------------------------------------
# Phrases
# --------------------------------------------------------------------------------------------
_SYNONYM_PLUS = re.compile(r"(?<=[_\s])\+|\+(?=[_\s])")  # 'TAIOAN_ +TAWIAN_'; not 'B+H_OCEAN_CARRIERS'
_DROP_CHARS = re.compile(r"[\"`()\[\]]")  # nickname quotes, the 'ayn backtick, brackets
_WORD_END_PUNCT = re.compile(r"[,;:?]+(?=\s|$)")
_GARBLED = re.compile(r"[\x00-\x1f\x7f\ufffd]")


def split_synonyms(text: str) -> list[str]:
    """The phrases of a phrase field: a '+' next to a word separator starts another synonym."""
    return [p.strip() for p in _SYNONYM_PLUS.split(text) if p.strip(" _\t")]


def clean_phrase(raw: str) -> str:
    """A dictionary phrase as lower-case words separated by single spaces.

    Underscores and spaces both separate words (PETRARCH 2 matches whole words, so TABARI's
    trailing '_' -- 'stop here, no stem' -- changes nothing); an unclosed '(' starts a note that is
    cut ('STANKO_TODOROV (ACTING_'); quotes, backticks and brackets are removed ('RICHARD_"DICKIE"_BRADLEY',
    'SA`ID', 'CONGO_(BRAZZAVILLE)'); commas, colons and question marks at a word end separate words.
    Returns '' for a phrase with garbled characters (U+FFFD, control characters, mojibake).
    """
    text = raw
    if _GARBLED.search(text) or _is_mojibake(text):
        return ""
    opened = text.find("(")
    if opened >= 0 and ")" not in text[opened:]:
        text = text[:opened]
    text = _DROP_CHARS.sub("", text).replace("_", " ").replace("\t", " ")
    text = _WORD_END_PUNCT.sub(" ", text)
    text = text.replace("İ", "I").lower()
    return " ".join(text.split())


def _is_mojibake(text: str) -> bool:
    """UTF-8 read as Windows-1252 ('PÃŠBLICAS')."""
    if text.isascii():
        return False
    try:
        return text.encode("cp1252").decode("utf-8") != text
    except UnicodeError:
        return False


def _split_comment(line: str) -> tuple[str, str]:
    """The text of a line before '#', and the comment after it."""
    body, _, note = line.rstrip("\n").partition("#")
    return body, note.strip()


# --------------------------------------------------------------------------------------------
# Actor dictionaries
# --------------------------------------------------------------------------------------------
def _codes(text: str, source: str, line: int, report: Report) -> tuple[list[Span], str]:
    """The bracketed codes of a piece of line, and the text left around them."""
    spans = []
    for m in BRACKET_RE.finditer(text):
        try:
            span, note = parse_span(m.group(1))
        except ValueError as err:
            report.add("code or restriction not read (skipped)", source, line, f"{text.strip()}  <- {err}")
            continue
        if note:
            report.add(note, source, line, text)
        spans.append(span)
    return spans, BRACKET_RE.sub(" ", text).strip()


def parse_actor_lines(lines: Iterable[str], source: str, report: Report) -> list[Entry]:
    """Read a TABARI/PETRARCH actor dictionary.

    A record is a head line `PHRASE [CODE ...]` or `PHRASE`, then `+PHRASE` synonym lines, then
    indented `[CODE restriction]` lines; '#' starts a comment. Two slips of the files are read as
    meant: a head line without codes that runs straight into another head line (no blank or comment
    line between, and the next head has no codes of its own) is a synonym whose '+' is missing
    (LEONID_BREZHNEV_ / LEONID_ILYICH_BREZHNEV / ... / [codes]); an indented line with a phrase
    before its codes is a synonym line (PETRARCH reads every indented line as a code line).
    """
    entries: list[Entry] = []
    entry: Entry | None = None
    joinable = False  # the previous line was a phrase line of a record that has no code yet
    for no, raw in enumerate(lines, 1):
        body, note = _split_comment(raw)
        text = body.strip()
        if not text:
            joinable = False
            continue
        if text[0] == "[":
            joinable = False
            if entry is None:
                report.add("code line before any phrase", source, no, raw)
                continue
            spans, left = _codes(text, source, no, report)
            if left:
                report.add("text after codes ignored", source, no, raw)
            entry.spans += spans
            continue
        synonym = plus = text[0] == "+"
        if plus:
            text = text[1:]
        elif raw[:1].isspace() and entry is not None:
            synonym = True
            report.add("indented phrase line read as a synonym (its codes go to the record)", source, no, raw)
        cut = min((i for i in (text.find("["), text.find("\t")) if i >= 0), default=len(text))
        phrase, rest = text[:cut], text[cut:]
        spans, left = _codes(rest, source, no, report)
        if not synonym and joinable and entry is not None and not spans:
            synonym = True
            report.add("head line without '+' joined to the record above", source, no, raw)
        if not synonym:
            entry = Entry(source, no, note)
            entries.append(entry)
        elif entry is None:
            report.add("synonym before any phrase", source, no, raw)
            continue
        parts = split_synonyms(phrase)
        if len(parts) > 1:
            report.add("two synonyms on one line, split", source, no, raw)
        entry.phrases += parts
        if left:
            report.add("text after codes ignored", source, no, raw)
        if spans and plus:
            report.add("codes on a synonym line, given to the record", source, no, raw)
        entry.spans += spans
        joinable = not entry.spans
    return entries


@dataclass
class CodeBook:
    """What the three-letter groups of a CAMEO actor code are: CAMEO country codes (the ISO3 codes of
    countries.tsv, the codes the country dictionary uses alone -- DDR, SUN, CSK, KSV ... -- and the
    first groups of codes made of countries only -- USR in USRARM, YUG in YUGBIH), status groups
    (UNR unrecognised, OCC occupied, AUT autonomous, UNO under UN administration), and the rest."""

    iso3: frozenset[str]
    countries: frozenset[str]

    @classmethod
    def build(cls, iso3: set[str], codes: Iterable[str]) -> CodeBook:
        """The code book of the codes found in the country dictionary."""
        codes = sorted(set(codes))
        countries = set(iso3) | set(CAMEO_ISO3)
        countries |= {c for c in codes if len(c) == 3 and c.isalpha() and c not in TRANSNATIONAL}
        known = countries | STATUS_GROUPS
        for c in codes:
            groups = _groups(c)
            if len(groups) > 1 and groups[0] not in TRANSNATIONAL and all(g in known for g in groups[1:]):
                countries.add(groups[0])
        return cls(frozenset(iso3), frozenset(countries))

    def iso(self, group: str) -> str:
        """The ISO3 code of a CAMEO country group, or ''."""
        group = CAMEO_ISO3.get(group, group)
        return group if group in self.iso3 else ""

    def _run(self, groups: list[str]) -> int:
        """How many leading groups name a state or territory (USA in USAGOV; SUN, RUS in SUNRUSLEG)."""
        run = 0
        while run < len(groups) and (groups[run] in self.countries or run and groups[run] in STATUS_GROUPS):
            run += 1
        return run if groups[0] not in TRANSNATIONAL else 0

    def country_level(self, code: str) -> bool:
        """Whether a code names a state or territory only (AFG, USAASM, USRMDA, KSVUNO)."""
        groups = _groups(code)
        return self._run(groups) == len(groups)

    def parts(self, code: str) -> tuple[str, str]:
        """(ISO3 country or '', sector) of a code.

        National codes: the most specific ISO3 code of the leading state and territory groups, and the
        group after them (USAGOV -> USA, GOV; INDGOVLEG -> IND, GOV; GBRVGBGOV -> VGB, GOV; SUNRUSLEG ->
        RUS, LEG; DDRGOV -> '', GOV; USRMDA -> MDA, ''). IGO/NGO/MNC/IMG codes: the type is the sector,
        and the ISO3 code after NGO or MNC is the country (NGOCHNHRI -> CHN). Other codes begin with a
        region or religion group (AFRREB, HINRAD: the sector is the second group) or are a bare agent
        code (ELI, MED)."""
        if code == "---":
            return "", ""
        groups = _groups(code)
        if groups[0] in TRANSNATIONAL:
            return (self.iso(groups[1]) if groups[0] in ("NGO", "MNC") and len(groups) > 1 else ""), groups[0]
        run = self._run(groups)
        if run:
            country = next((self.iso(g) for g in reversed(groups[:run]) if g not in STATUS_GROUPS and self.iso(g)), "")
            return country, (groups[run] if run < len(groups) else "")
        return "", groups[min(1, len(groups) - 1)]


def _groups(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


def is_person(entry: Entry, book: CodeBook) -> bool:
    """Whether a record names a person (a heuristic; documented in ACTORS_SOURCES.md): CountryInfo's
    leader records (comment 'CountryInfo.txt') and the IGO heads (comment 'IGOrulers'); records with an
    elite code (ELI); and records whose codes carry dates (terms of office), unless the codes are those
    of a state (regime changes: USRARM, ARMUNR, ARM) or one of them is that of an armed group, the
    opposition or a company (REB, INS, UAF, OPP, IMG, MNC)."""
    note = entry.note.lower()
    if "countryinfo.txt" in note or "igorulers" in note:
        return True
    codes = [s.code for s in entry.spans if s.code != "---"]
    if any(_groups(c)[-1] == "ELI" or c[3:6] == "ELI" for c in codes):
        return True
    if not any(s.start or s.end for s in entry.spans) or all(book.country_level(c) for c in codes):
        return False
    return not any(c[:3] in ("IMG", "MNC") or c[3:6] in MILITIA_SECTORS | {"OPP"} for c in codes)


def actor_kind(code: str, book: CodeBook, person: bool, source: str) -> str:
    """country / person / igo / ngo / militia / other, from the record, its file and its code."""
    if code == "---":
        return "other"
    if person:
        return "person"
    if code[:3] == "IGO":
        return "igo"
    if code[:3] == "NGO":
        return "ngo"
    if code[:3] == "IMG" or code[3:6] in MILITIA_SECTORS or source == "Phoenix.MilNonState.actors.txt":
        return "militia"
    if book.country_level(code):
        return "country"
    return "other"


_TRAILING_NOTE = re.compile(r"_*\([^()]*\)_*$")


def actor_rows(entries: list[Entry], book: CodeBook, report: Report) -> list[dict[str, str]]:
    """One row per (phrase, code, start, end) of the records; records without codes give none."""
    rows = []
    for e in entries:
        if not e.spans:
            report.add("record without any code (no rows)", e.source, e.line, " / ".join(e.phrases))
            continue
        person = is_person(e, book)
        phrases = []
        for raw in e.phrases:
            # 'ANTHONY_CROSLAND,_THEN_DAVID_OWEN_': two office-holders in one record
            for part in re.split(r",_THEN_", raw):
                # 'MORO_ISLAMIC_LIBERATION_FRONT_(MILF)_': the name as news writes it without its acronym too
                bare = _TRAILING_NOTE.sub("", part)
                for variant in (part, bare) if bare != part else (part,):
                    clean = clean_phrase(variant)
                    if not clean:
                        report.add("phrase with garbled characters dropped", e.source, e.line, raw)
                    elif clean not in phrases:
                        phrases.append(clean)
        for span in e.spans:
            code = CODE_ERRATA.get(span.code[:3], span.code[:3]) + span.code[3:]
            country, sector = book.parts(code)
            kind = actor_kind(span.code, book, person, e.source)
            for phrase in phrases:
                rows.append({"phrase": phrase, "code": code, "start": span.start, "end": span.end,
                             "country": country, "sector": sector, "kind": kind, "word": "", "source": e.source})
    return rows


# --------------------------------------------------------------------------------------------
# Agents dictionary
# --------------------------------------------------------------------------------------------
_MARKER = re.compile(r"!(\w+)!")
_PREPOSITIONS = {"at", "by", "for", "from", "in", "of", "on", "to", "with"}


def regular_plural(phrase: str) -> str:
    """The regular plural of an agent phrase (PETRARCH generates these instead of listing them).

    The head noun is the word before the first preposition ('chief of staff of the army' -> 'chiefs of
    staff of the army', 'leader in exile' -> 'leaders in exile'), else the last word. The head takes
    -men for -man, -es after s/sh/ch/x/z, -ies for consonant + y, else -s. No plural when the phrase
    ends on a preposition ('OBSERVERS_IN') or the head is already plural in -men or an abbreviation."""
    words = phrase.split(" ")
    if words[-1] in _PREPOSITIONS:
        return ""
    i = next((k - 1 for k, w in enumerate(words) if k and w in _PREPOSITIONS), len(words) - 1)
    head = words[i]
    if head.endswith(("men", ".")):  # 'armed men'; abbreviations ('1st lt.', 'adm.')
        return ""
    if head.endswith("man") and head not in {"human", "german", "shaman"}:
        plural = head[:-3] + "men"
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        plural = head + "es"
    elif head.endswith("y") and head[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        plural = head[:-1] + "ies"
    else:
        plural = head + "s"
    return " ".join([*words[:i], plural, *words[i + 1:]])


def parse_agent_lines(lines: Iterable[str], source: str, report: Report) -> list[dict[str, str]]:
    """Read a PETRARCH agents dictionary.

    `NOUN [~SEC]`: the code is added after the actor's (USA + GOV); `NOUN [SEC~]` before it (IGO~).
    `NOUN {PLURAL}` gives an irregular plural, `NOUN {}` says there is none (mass nouns, plurals);
    otherwise the regular plural is generated, as PETRARCH does. `!SET! = A, B, C` defines a
    substitution set and `CONGRESS!PERSON!` stands for one noun per member of the set, with no further
    plural. A set marker with letters on both sides ('AD!MINIST!RATIVE') is a search-and-replace slip
    in the file and is read as the plain letters."""
    sets: dict[str, list[str]] = {}
    rows = []
    for no, raw in enumerate(lines, 1):
        body, _ = _split_comment(raw)
        text = body.strip()
        if not text:
            continue
        defined = re.fullmatch(r"!(\w+)!\s*=\s*(.+)", text)
        if defined:
            sets[defined.group(1)] = [w.strip() for w in defined.group(2).split(",") if w.strip()]
            continue
        bracket = BRACKET_RE.search(text)
        if bracket is None:
            report.add("agent without a code (skipped, as PETRARCH does)", source, no, raw)
            continue
        if not bracket.group(0).endswith("]"):
            report.add("code closed with '}'", source, no, raw)
        code = bracket.group(1).strip()
        attach = "after" if code.startswith("~") else "before" if code.endswith("~") else ""
        code = code.strip("~")
        if not attach or not CODE_RE.fullmatch(code):
            report.add("agent code not read", source, no, raw)
            continue
        head = text[:bracket.start()]
        if text[bracket.end():].strip():
            report.add("text after codes ignored", source, no, raw)
        plural: str | None = None
        if "{" in head:
            head, _, given = head.partition("{")
            plural = given.partition("}")[0]
        head = re.sub(r"(?<=[A-Za-z])!(\w+)!(?=[A-Za-z])", r"\1", head)  # 'AD!MINIST!RATIVE'
        marker = _MARKER.search(head)
        if marker is not None:
            if marker.group(1) not in sets:
                report.add("unknown substitution set", source, no, raw)
                continue
            forms = [clean_phrase(head[:marker.start()] + w + head[marker.end():]) for w in sets[marker.group(1)]]
        else:
            noun = clean_phrase(head)
            if plural is None:
                forms = [noun, *([regular_plural(noun)] if regular_plural(noun) else [])]
            else:
                forms = [noun, *([clean_phrase(plural)] if plural.strip() else [])]
        if not all(forms):
            report.add("agent with garbled characters dropped", source, no, raw)
            continue
        forms = list(dict.fromkeys(forms))
        rows.append({"noun": forms[0], "forms": "|".join(forms[1:]), "sector": code, "attach": attach,
                     "source": source})
    return rows


# --------------------------------------------------------------------------------------------
# Drop rule
# --------------------------------------------------------------------------------------------
@dataclass
class DropRule:
    """Which phrases a plain-text phrase matcher cannot use.

    A phrase with no letter is dropped ('313', a group named in figures). A one-word actor phrase is
    dropped when it is an ordinary English word of the project's own vocabulary tables -- an entry of
    function_words.tsv, a trigger form of event_triggers.tsv, a cue of event_cues.tsv, a word of
    time_words.tsv, a noun form of agents.tsv or of Phoenix.agents.txt -- since it then names a kind
    of actor or an everyday thing, not one actor ('youth', 'senate', 'marches', 'ngo'). Agent nouns are
    common words by nature, so an agent noun is dropped only when it is a grammatical function word.
    common_words.tsv is not used: it lists every place name that is also a word of Webster's 2nd
    ('berlin', 'bangkok', 'un', 'sisi'), which would drop the actors that matter most.
    """

    vocabulary: frozenset[str]
    grammar: frozenset[str]

    def actor(self, phrase: str) -> bool:
        """Whether an actor phrase is dropped."""
        if not any(ch.isalpha() for ch in phrase):
            return True
        return " " not in phrase and phrase in self.vocabulary

    def agent(self, noun: str) -> bool:
        """Whether an agent noun is dropped."""
        return not any(ch.isalpha() for ch in noun) or noun in self.grammar


def load_drop_rule(data: Path, agent_rows: list[dict[str, str]]) -> DropRule:
    """The drop rule from the project's tables in `data` and the parsed agent nouns."""
    import pandas as pd

    def table(name: str) -> pd.DataFrame:
        return pd.read_csv(data / name, sep="\t", comment="#", dtype=str, keep_default_na=False)

    def forms(cells: Iterable[str]) -> set[str]:
        return {f.strip().lower() for cell in cells for f in cell.split("|") if f.strip()}

    fw = table("function_words.tsv")
    grammar = frozenset(fw.loc[fw["group"].isin(GRAMMAR_GROUPS), "entry"].str.lower())
    vocabulary = forms(fw["entry"]) | forms(table("event_triggers.tsv")["forms"])
    vocabulary |= forms(table("event_cues.tsv")["cue"]) | forms(table("time_words.tsv")["word"])
    vocabulary |= forms(table("agents.tsv")["noun"])
    vocabulary |= forms(r["noun"] for r in agent_rows) | forms(r["forms"] for r in agent_rows)
    return DropRule(frozenset(vocabulary), grammar)


def english_words() -> frozenset[str]:
    """The lower-case words of Webster's 2nd (english-words 2.0.2 'web2', public domain): a one-word actor
    phrase that is also such a word or its plural ('organization', 'falcon', 'tigers') is flagged in the `word` column,
    and the actor coder takes it only where the text capitalises it inside a sentence."""
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False) if w.islower())


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------
def _tsv(rows: list[dict[str, str]], columns: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, delimiter="\t", lineterminator="\n",
                       quoting=csv.QUOTE_NONE, escapechar=None)
    w.writeheader()
    for r in rows:
        for v in r.values():
            assert "\t" not in v and "\n" not in v and '"' not in v, r
        w.writerow(r)
    return buf.getvalue()


def _read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def build(folder: Path, data: Path = DATA) -> tuple[dict[str, str], Report]:
    """The two tables as TSV text, keyed by file name, and the parse report."""
    import pandas as pd

    report = Report()
    iso3 = set(pd.read_csv(data / "countries.tsv", sep="\t", dtype=str, keep_default_na=False)["iso3"])
    agents_parsed = parse_agent_lines(_read_lines(folder / AGENT_FILE), AGENT_FILE, report)
    rule = load_drop_rule(data, agents_parsed)
    entries = {name: parse_actor_lines(_read_lines(folder / name), name, report) for name in ACTOR_FILES}
    book = CodeBook.build(iso3, (s.code for e in entries[ACTOR_FILES[0]] for s in e.spans if s.code != "---"))
    actors = [r for name in ACTOR_FILES for r in actor_rows(entries[name], book, report)]
    kept = []
    for r in actors:
        if rule.actor(r["phrase"]):
            report.add("actor row dropped by the drop rule", r["source"], 0, f"{r['phrase']} {r['code']}")
        else:
            kept.append(r)
    english = english_words()
    for r in kept:
        phrase = r["phrase"]
        singular = {phrase[:-1], phrase[:-2]} if phrase.endswith("s") else set()
        r["word"] = "1" if " " not in phrase and ({phrase} | singular) & english else ""
    keys = {tuple(r[c] for c in ACTOR_COLUMNS): r for r in kept}
    actors = [keys[k] for k in sorted(keys)]
    agents = []
    for r in agents_parsed:
        if rule.agent(r["noun"]):
            report.add("agent dropped by the drop rule", AGENT_FILE, 0, r["noun"])
        else:
            agents.append(r)
    agent_keys = {tuple(r[c] for c in AGENT_COLUMNS): r for r in agents}
    agents = [agent_keys[k] for k in sorted(agent_keys)]
    return {"petrarch_actors.tsv": _tsv(actors, ACTOR_COLUMNS),
            "petrarch_agents.tsv": _tsv(agents, AGENT_COLUMNS)}, report


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path, help="folder holding the PETRARCH-2 dictionaries")
    ap.add_argument("--out", type=Path, default=DATA)
    args = ap.parse_args(argv)
    tables, report = build(args.folder)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in tables.items():
        (args.out / name).write_text(text, encoding="utf-8")
        print(f"{name}: {text.count(chr(10)) - 1} rows, {len(text.encode('utf-8'))} bytes")
    print(report.summary(), file=sys.stderr)


if __name__ == "__main__":
    main()
