"""Code the named actors of an article: people, institutions, media, international organisations,
militias and companies (generic agents, 'U.S. officials' -> USAGOV, are in analysis.extract.agents).

Codes are CAMEO-style: ISO3 + sector (PRKGOV, RUSMIL, KORMED) or IGO codes (IGOUNO). A leader is coded
by the office held on the article date ('Putin' in 2023 -> RUSGOV); a former office holder becomes an
elite of the country (USAELI). Short mentions after a full name ('Kim' after 'Kim Jong Un') resolve to
the same person; a title of office before a known surname ('President Bush' in 1990, when no Bush is in
office) codes the country of that office's holders of that name. Names the curated tables
(leaders.tsv, institutions.tsv) do not know are looked up in the PETRARCH-2 actor table: organisations
named in full, IGOs, NGOs, militias and people with dated codes ('Kofi Annan' in 2000 -> IGOUNO).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress
from operator import or_
from typing import Any, NamedTuple

import numpy as np

from analysis._actor_tables import (
    PetrarchIndex,
    agent_table,
    iso_date,
    petrarch_actor,
    petrarch_index,
    split_list,
    word_lengths,
)
from analysis._resources import compiled, read_table
from analysis.extract._token_index import token_index
from analysis.extract.gazetteer import KINDS, NAME_ABBREVIATIONS, NAME_KINDS, load_gazetteer, norm_key
from analysis.extract.text import POSSESSIVE_ENDINGS, Token, past_forms, word_group

MAX_ACTOR_TOKENS = 7
_NAME_BREAK = re.compile(r"[,;:\n]")  # no name runs across these
_NAME_ARTICLES = word_group("name_article")  # 'al-Qaeda', 'el-Sisi'
_FORMER = word_group("former")  # 'former President Carter': no longer in office
_OFFICE_RANK = {"head_of_state": 0, "supreme_leader": 0, "head_of_government": 1, "foreign_minister": 2,
                "defence_minister": 3, "national_security_adviser": 4}
COMMON_SURNAME_SHARE = 0.05
"""A surname this common (% of the US population, person_names.tsv: Johnson, Lee, Harris, Carter) names a
leader alone only in a text that names him in full somewhere (local news is full of other Johnsons)."""
FOREIGN_MINISTER_RANK = _OFFICE_RANK["foreign_minister"]
"""A surname alone names a head of state or government in office; a foreign minister too when the surname
is rare ('Lavrov said', 'Blinken met'; not 'Wang', 'Smith'): news names few others by surname alone."""


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One named actor of the reference tables."""

    name: str
    code: str
    country: str | None
    sector: str
    kind: str  # person, institution, media, igo, ...
    seat: str | None = None
    metonym: bool = False


@dataclass(slots=True)
class ActorMention:
    """An actor found in the text."""

    start: int
    end: int
    text: str
    code: str
    name: str
    country: str | None
    sector: str
    kind: str
    first_token: int
    last_token: int
    seat: str | None = None
    metonym: bool = False

    def record(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "code": self.code, "name": self.name,
                "country": self.country, "sector": self.sector}


@dataclass(frozen=True)
class ActorLexicon:
    """Names of people and institutions, and agent nouns, indexed for matching."""

    people: dict[str, list[dict[str, Any]]]  # normalised full name or alias -> terms
    short: dict[str, list[dict[str, Any]]]  # normalised short form -> terms
    institutions: dict[str, ActorEntry]  # normalised name -> entry (acronyms keep their case)
    agents: dict[tuple[str, ...], str]  # lower-case noun tokens -> sector ('IGO~': the code goes before the country)
    agent_first: dict[str, tuple[int, ...]]  # first word of an agent noun -> its lengths in words, longest first
    agent_last: dict[str, tuple[int, ...]]  # last word of an agent noun -> its lengths in words, longest first
    titles: dict[tuple[str, ...], str]  # title of office ('president') -> office in leaders.tsv
    first_words: frozenset[str]  # the first word of every name of `people` and `institutions`, lower case
    dotted_places: frozenset[str]  # place abbreviations ending in a period ('kan.', 'pa.'), normalised
    irregular_verbs: frozenset[str]  # verb forms that end in neither -s, -ed nor -ing ('sent', 'fought')
    rare_short: frozenset[str]  # short forms that are no common first name or surname ('blinken', not 'wang')
    first_names: frozenset[str]  # common first names ('janet'): 'Janet Johnson' is no Boris Johnson
    common_short: frozenset[str]  # short forms that are common surnames ('johnson', 'lee'; COMMON_SURNAME_SHARE)
    petrarch: PetrarchIndex  # the PETRARCH-2 actor phrases (organisations, militias, dated people)
    big_places: frozenset[str]  # one-word names of countries, capitals and cities of BIG_PLACE people ('lagos')


BIG_PLACE = 1_000_000
"""A lone word naming a city of this many people (or a country, a capital) is that place, not a person of
the PETRARCH tables who bears it as a surname."""


def _big_places() -> frozenset[str]:
    """The one-word main names of the gazetteer's countries, capitals and cities of BIG_PLACE people, normalised."""
    gaz = load_gazetteer()
    big = np.isin(gaz.kind, [KINDS.index("country"), KINDS.index("capital")]) | (gaz.population >= BIG_PLACE)
    key_of_entry = np.repeat(np.arange(len(gaz.keys)), gaz.end - gaz.start)
    main = big[gaz.rows] & (gaz.row_kind == NAME_KINDS.index("name"))  # no alternate spellings
    keys = (bytes(k).decode("utf-8") for k in gaz.keys[np.unique(key_of_entry[main])])
    return frozenset(k for k in keys if " " not in k)


def _irregular_verb_forms() -> frozenset[str]:
    """The forms of the verb triggers (event_triggers.tsv) other than the base that end in neither -s,
    -ed nor -ing: the irregular past tenses and participles ('sent', 'fought', 'met')."""
    trig = read_table("event_triggers.tsv", dtype=str)
    out: set[str] = set()
    for forms in trig.loc[trig["pos"] == "verb", "forms"]:
        out.update(w for w in past_forms(f.split()[0].lower() for f in split_list(forms)) if not w.endswith("ed"))
    return frozenset(out)


@compiled
def actor_lexicon() -> ActorLexicon:
    """Load the actor tables (leaders.tsv, institutions.tsv, agents.tsv) once per process."""
    people: dict[str, list[dict[str, Any]]] = {}
    short: dict[str, list[dict[str, Any]]] = {}
    leaders = read_table("leaders.tsv", dtype=str)
    nations = read_table("countries.tsv", dtype={"iso3": str})
    population = dict(zip(nations["iso3"], nations["population"].astype(int), strict=True))
    for r in leaders.itertuples():
        term = {"name": r.name, "forms": [r.name, *split_list(r.aliases)], "code": r.code, "country": r.country,
                "office": r.office, "short": r.short,
                "start": iso_date(r.start, end=False), "end": iso_date(r.end, end=True),
                "population": population.get(r.country, 0)}
        for form in [r.name, *split_list(r.aliases)]:
            people.setdefault(norm_key(form), []).append(term)
        if r.short:
            short.setdefault(norm_key(r.short), []).append(term)
        # a spelling of the surname in an alias is a short form too ('Zelenskiy', 'Zelenskyy')
        for alias in split_list(r.aliases):
            last = alias.split()[-1]
            if r.short and norm_key(last) != norm_key(r.short) and last[:4].lower() == r.short[:4].lower():
                short.setdefault(norm_key(last), []).append(term)
    institutions: dict[str, ActorEntry] = {}
    try:
        inst = read_table("institutions.tsv", dtype=str)
    except Exception:  # noqa: BLE001 - the table is optional while it is being curated
        import pandas as pd

        inst = pd.DataFrame(columns=["name", "aliases", "code", "country", "sector", "kind", "seat", "metonym"])
    for r in inst.itertuples():
        entry = ActorEntry(r.name, r.code, r.country or None, r.sector, r.kind, r.seat or None, r.metonym == "1")
        for form in [r.name, *split_list(r.aliases)]:
            bare = form[4:] if form.lower().startswith("the ") else form
            key = bare if (bare.isupper() and len(bare) <= 6) else norm_key(bare)
            institutions.setdefault(key, entry)
    agents, titles = agent_table()
    first_words = frozenset(k.lower().split()[0] for k in [*people, *institutions] if k.split())
    first_words |= {short for short, full in NAME_ABBREVIATIONS.items() if full in first_words}  # 'St.' -> 'saint'
    dotted = {norm_key(form) for table in ("us_state_abbreviations.tsv", "place_abbreviations.tsv")
              for forms in read_table(table, dtype=str)["abbreviations"] for form in split_list(forms)
              if form.endswith(".")}
    names = read_table("person_names.tsv", dtype={"name": str, "kind": str, "share": float})
    common = set(names["name"].str.lower())
    first_names = frozenset(names.loc[names["kind"] == "first", "name"].str.lower())
    surnames = set(names.loc[(names["kind"] == "last") & (names["share"] >= COMMON_SURNAME_SHARE), "name"].str.lower())
    return ActorLexicon(people, short, institutions, agents, word_lengths(agents, 0), word_lengths(agents, -1), titles,
                        first_words, frozenset(dotted), _irregular_verb_forms(), frozenset(short.keys() - common),
                        first_names, frozenset(short.keys() & surnames), petrarch_index(norm_key), _big_places())


def _term_at(terms: list[dict[str, Any]], date: str | None) -> tuple[dict[str, Any], bool]:
    """The term in force on `date` (best office first; of one person's offices in several states at once,
    that of the most populous state: Charles III is the United Kingdom's king, Macron the president of
    France and co-prince of Andorra), else the latest one; and whether in office."""
    if date:
        current = [t for t in terms if t["start"] <= date <= t["end"]]
        if current:
            return min(current, key=lambda t: (_OFFICE_RANK.get(t["office"], 9), -t["population"])), True
        past = [t for t in terms if t["start"] <= date]
        if past:
            return max(past, key=lambda t: t["end"]), False
        return min(terms, key=lambda t: t["start"]), False
    return max(terms, key=lambda t: (t["end"], -_OFFICE_RANK.get(t["office"], 9))), True


def _person(text: str, start: int, end: int, i: int, j: int, terms: list[dict[str, Any]],
            date: str | None, *, title: str | None = None) -> ActorMention:
    """A person of the leaders table; out of office on `date` an elite (ELI), unless the title of one of
    the person's offices stands before the name: 'outgoing Prime Minister Iyad Allawi' holds that office,
    whatever the date says (the caller leaves out 'former Prime Minister ...')."""
    term, in_office = _term_at(terms, date)
    titled = [t for t in terms if t["office"] == title] if not in_office else []
    if titled:
        term, in_office = max(titled, key=lambda t: t["end"]), True
    country = term["country"]
    code = term["code"] if in_office else f"{country}ELI"
    return ActorMention(start, end, text[start:end], code, term["name"], country, code[3:] or "GOV", "person", i, j)


def find_actors(text: str, tokens: list[Token], *, date: str | None = None) -> list[ActorMention]:
    """Named actors (people, institutions) of a text, left to right, longest match first."""
    lex = actor_lexicon()
    found: list[ActorMention] = []
    named: dict[str, list[dict[str, Any]]] = {}  # short form -> terms of people named in full earlier
    others: set[str] = set()  # short forms that name another person in this text ('Kevin Johnson')
    n = len(tokens)
    taken = -1  # the last token of the last actor found
    # a name opens on a capitalised word or on a name article ('al-Qaeda'); the other words are passed over
    index = token_index(tokens)
    for tok in compress(tokens, map(or_, index.capitals, map(_NAME_ARTICLES.__contains__, index.lowers))):
        i = tok.index
        if i <= taken or not tok.capitalised and not (
                i + 1 < n and tokens[i + 1].capitalised and text[tok.end:tokens[i + 1].start] == "-"):
            continue
        word = tok.text[:-2] if tok.possessive else tok.text
        opening = _opening(word, lex)
        if opening is None:
            continue  # (most capitalised words open no name of the tables)
        key = opening.key
        match = None
        if opening.curated or opening.phrase or (
                opening.seconds is not None and i + 1 < n and tokens[i + 1].lower in opening.seconds):
            match = _longest_name(text, tokens, i, opening, named, date, lex)
        # a lone word is a person's short name here or nowhere
        if match is None and opening.short and not _glued_next(tokens, i):
            if _other_first_name(tokens, i, lex):
                others.add(key)  # 'Kevin Johnson, 34, ...': and 'Johnson' is Kevin Johnson from here on
            elif key not in others:
                match = _short_form(text, tokens, i, word, key, named, date, lex)
        if match is not None:
            if match.kind == "person" and found and _serves(found[-1], match, tokens, text):
                org = found[-1]  # 'NATO Secretary General Jens Stoltenberg' acts for NATO
                match = ActorMention(match.start, match.end, match.text, org.code, match.name, org.country,
                                     org.sector, "person", match.first_token, match.last_token)
            found.append(match)
            taken = match.last_token
    return found


class _Opening(NamedTuple):
    """What the tables hold for a capitalised word: its key (`norm_key`), whether a curated name opens with it,
    the second words of the PETRARCH phrases it opens (None: none), whether it is a PETRARCH phrase alone, and
    whether it is a person's short name."""

    key: str
    curated: bool
    seconds: frozenset[str] | None
    phrase: bool
    short: bool


_OPENINGS: dict[str, _Opening | None] = {}  # by word: capitalised words repeat across articles
_MAX_OPENINGS = 100_000


def _opening(word: str, lex: ActorLexicon) -> _Opening | None:
    """What the tables hold for a word (None when no name opens with it and it is no short name): one look-up
    per word seen before, instead of one per table."""
    try:
        return _OPENINGS[word]
    except KeyError:
        pass
    if len(_OPENINGS) >= _MAX_OPENINGS:
        _OPENINGS.clear()
    key = norm_key(word)
    opening = _Opening(key, key in lex.first_words, lex.petrarch.seconds.get(key), key in lex.petrarch.phrases,
                       key in lex.short)
    found = opening if opening.curated or opening.seconds is not None or opening.short else None
    _OPENINGS[word] = found
    return found


def _glued_next(tokens: list[Token], i: int) -> bool:
    """Whether the capitalised word after token i continues its name: 'Hong Kong' is no 'Hong'; but in
    capitals ('PUTIN AND KIM MEET') capitals glue nothing."""
    tok = tokens[i]
    return tok.spaced and tokens[i + 1].capitalised and not (
        tok.text.isupper() and tokens[i + 1].text.isupper() and len(tok.text) > 1)


MAX_TITLE_TOKENS = 4
_NO_PHRASES: dict[int, str] = {}


def _longest_name(text: str, tokens: list[Token], i: int, opening: _Opening, named: dict[str, list[dict[str, Any]]],
                  date: str | None, lex: ActorLexicon) -> ActorMention | None:
    """The longest name of the tables that opens at token i (what the tables hold for its word: `opening`): a
    person of leaders.tsv (noted in `named` for the short forms that follow), an institution, else a PETRARCH
    actor."""
    key, curated, seconds = opening.key, opening.curated, opening.seconds
    n, tok = len(tokens), tokens[i]
    phrases = _NO_PHRASES
    if seconds is not None and (opening.phrase or (i + 1 < n and tokens[i + 1].lower in seconds)):
        phrases = _petrarch_at(text, tokens, i, key, lex)  # (most first names open no phrase with the next word)
    if not (curated or phrases):
        return None  # no name of the tables opens here
    size = MAX_ACTOR_TOKENS if curated else 0
    if phrases and (far := max(phrases) - i + 1) > size:
        size = far
    last = min(n - 1, i + size - 1) if size else -1
    # a name ends before the first comma, colon or line break after its first word
    stop = _NAME_BREAK.search(text, tok.start, tokens[last].end) if last >= i else None
    reach = stop.start() if stop is not None else len(text)
    for j in range(last, i - 1, -1):
        if (not curated and j not in phrases) or tokens[j].sentence != tok.sentence or \
                not tokens[j].capitalised or tokens[j].end > reach:
            continue
        span_text = text[tok.start:tokens[j].end]
        end = tokens[j].end
        stripped = span_text[:-2] if span_text.endswith(POSSESSIVE_ENDINGS) else span_text
        if stripped != span_text:
            end -= 2
        span_key = norm_key(stripped)
        if span_key in lex.people:
            terms = lex.people[span_key]
            title = _title_before(tokens, i)
            if title is not None and title[1] > 0 and tokens[title[1] - 1].lower in _FORMER:
                title = None  # 'former Prime Minister ...'
            for t in terms:
                if t["short"]:
                    named[norm_key(t["short"])] = [u for u in terms if u["name"] == t["name"]]
            return _person(text, tok.start, end, i, j, terms, date, title=title[0] if title else None)
        entry = lex.institutions.get(stripped if stripped.isupper() else span_key)
        if entry is not None and i == j and not stripped.isupper() and text[end:end + 1] == "." \
                and span_key + "." in lex.dotted_places:
            entry = None  # 'Topeka, Kan.' names the state, not the broadcaster Kan
        glued = tokens[j].spaced and tokens[j + 1].capitalised
        # 'National Union ...' is not 'The National'; but an acronym goes before a title ('NATO Secretary')
        if entry is not None and not (glued and i == j and not (stripped.isupper() and len(stripped) > 1)):
            return ActorMention(tok.start, end, text[tok.start:end], entry.code, entry.name, entry.country,
                                entry.sector, entry.kind, i, j, entry.seat, entry.metonym)
        if entry is None and j in phrases and not (glued and i == j):
            match = _petrarch_match(text, tokens, i, j, end, phrases[j], date, lex)
            if match is not None:
                return match
    return None


def _petrarch_at(text: str, tokens: list[Token], i: int, key: str, lex: ActorLexicon) -> dict[int, str]:
    """The phrases of the PETRARCH table that open at token i (whose word is `key`), by their last token:
    only the lengths of the phrases that open with that word are tried, each ending on a capitalised word."""
    out: dict[int, str] = {}
    second = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    pair = (second[:-2] if second.endswith(POSSESSIVE_ENDINGS) else second) in lex.petrarch.seconds[key]
    for size in lex.petrarch.first.get(key, ()):
        j = i + size - 1
        if size == 1:
            if key in lex.petrarch.phrases:
                out[i] = key
        elif pair and j < len(tokens) and tokens[j].capitalised and tokens[j].sentence == tokens[i].sentence:
            span = text[tokens[i].start:tokens[j].end]
            span_key = norm_key(span[:-2] if span.endswith(("'s", "’s")) else span)
            if span_key in lex.petrarch.phrases:
                out[j] = span_key
    return out


def _name_goes_on(text: str, tokens: list[Token], j: int) -> str:
    """How the name ending at token j goes on: 'article' (a name article joined to it: 'Abu Musab
    al-Zarqawi'), 'word' (a capitalised word), else ''."""
    nxt = j + 1
    if nxt >= len(tokens) or tokens[nxt].sentence != tokens[j].sentence or \
            text[tokens[j].end:tokens[nxt].start] not in (" ", "-"):
        return ""
    if tokens[nxt].lower in _NAME_ARTICLES and text[tokens[nxt].end:tokens[nxt].end + 1] == "-":
        return "article"
    return "word" if tokens[nxt].capitalised else ""


_PETRARCH_KINDS = {"person": "person", "igo": "igo", "ngo": "ngo", "militia": "armed_forces", "other": "institution"}


def _petrarch_match(text: str, tokens: list[Token], i: int, j: int, end: int, key: str, date: str | None,
                    lex: ActorLexicon) -> ActorMention | None:
    """An actor of the PETRARCH-2 tables named by tokens i..j, or None. The curated tables win: a lone word
    that names a leader of leaders.tsv ('Putin') is left to the short forms, and a person's name with a
    title ('President Barack Obama') to the curated name inside it. A lone word that is also an English word
    ('Falcon', 'Organization') counts only where the text capitalises it inside a sentence; a lone person's
    name that is a common first name ('Abdullah', 'Hassan') never."""
    tok = tokens[i]
    if i == j and (key in lex.short or (key in lex.petrarch.words and (tok.sentence_initial or tok.text.isupper()))):
        return None
    found = petrarch_actor(lex.petrarch.phrases[key], date, lex.petrarch.horizon)
    if found is None or (i == j and found.kind == "person" and (key in lex.first_names or key in lex.big_places)):
        return None  # 'Abdullah' alone is anyone; 'visited Lagos' is the city, not Ricardo Lagos
    goes_on = _name_goes_on(text, tokens, j)
    if goes_on == "article" or found.kind == "person" and (goes_on or norm_key(text[tokens[j].start:end]) in lex.short
                                   or any(norm_key(text[tokens[k].start:end]) in lex.people for k in range(i + 1, j))):
        return None  # 'Abu Musab al-Zarqawi' is no 'Abu Musab'; 'President Bush' is coded by leaders.tsv
    before = tokens[i - 1] if i > 0 else None
    if i == j and key in lex.petrarch.words and before is not None and before.capitalised and \
            before.lower != "the" and before.spaced:
        return None  # 'the Tamil Tigers', 'the Detroit Tigers': a word of a longer name
    return ActorMention(tok.start, end, text[tok.start:end], found.code, text[tok.start:end], found.country or None,
                        found.sector, _PETRARCH_KINDS.get(found.kind, found.kind), i, j)



def _serves(org: ActorMention, person: ActorMention, tokens: list[Token], text: str) -> bool:
    """Whether a person is named as an official of an international organisation right before them:
    'NATO Secretary General Jens Stoltenberg', 'UN Secretary-General Antonio Guterres'."""
    between = range(org.last_token + 1, person.first_token)
    if not org.code.startswith("IGO") or len(between) > MAX_TITLE_TOKENS:
        return False
    return all(tokens[k].capitalised for k in between) and all(
        text[tokens[k].end:tokens[k + 1].start] in (" ", "-") for k in range(org.last_token, person.first_token))


def _title_before(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """The office whose title stands right before token i ('President Bush' -> head_of_state,
    'Prime Minister Sharif' -> head_of_government) and the first token of the title, or None."""
    lex = actor_lexicon()
    for size in (1, 2, 3):
        k = i - size
        if k < 0 or tokens[k].sentence != tokens[i].sentence or not tokens[k].capitalised:
            return None
        if not all(t.spaced for t in tokens[k:i]):
            return None
        office = lex.titles.get(tuple(t.lower for t in tokens[k:i]))
        if office:
            return office, k
    return None


def _titled_person(text: str, start: int, end: int, i: int, terms: list[dict[str, Any]], *,
                   former: bool = False) -> ActorMention | None:
    """'President Bush' where no Bush is in office on the article date: the title says the person holds
    that office, the surname says in which country (when all the holders of that office with that name
    are of one country; no 'Chancellor Bush' is coded); 'former President Carter' is an elite (ELI)."""
    countries = {t["country"] for t in terms}
    if len(countries) != 1:
        return None
    country = countries.pop()
    sector = "ELI" if former else "GOV"
    return ActorMention(start, end, text[start:end], country + sector, text[start:end], country, sector, "person", i, i)


def _short_form(text: str, tokens: list[Token], i: int, word: str, key: str,
                named: dict[str, list[dict[str, Any]]], date: str | None, lex: ActorLexicon) -> ActorMention | None:
    """A leader named by a short form alone ('Putin', 'Lavrov said', 'President Bush'), or None."""
    tok = tokens[i]
    # a rare surname names a foreign minister too, but not after 'the': 'The Hague' is no William Hague
    # (while 'the Biden administration' is Biden's)
    rare = key in lex.rare_short and not (i > 0 and tokens[i - 1].lower == "the")
    terms = named.get(key) or _unique_in_office(lex.short[key], date, max_rank=FOREIGN_MINISTER_RANK if rare else 1)
    if terms and key not in named and (key in lex.common_short or key in lex.big_places) and not any(
            form in text for t in terms for form in t["forms"]):
        terms = []  # a common surname ('Johnson', 'Lee') or a big place's name ('Lagos') names a leader only
        # where the text names him in full
    if terms:
        return _person(text, tok.start, tok.start + len(word), i, i, terms, date)
    title = _title_before(tokens, i)
    if title is None:
        return None
    office, first = title
    former = first > 0 and tokens[first - 1].lower in _FORMER and tokens[first - 1].sentence == tok.sentence
    return _titled_person(text, tok.start, tok.start + len(word), i,
                          [t for t in lex.short[key] if t["office"] == office], former=former)


def _other_first_name(tokens: list[Token], i: int, lex: ActorLexicon) -> bool:
    """Whether the word right before token i is a first name of another person ('Janet Johnson', 'Maria
    Putin'), and no title ('Prime Minister Johnson')."""
    if i == 0 or not tokens[i - 1].spaced:
        return False
    prev = tokens[i - 1]
    return prev.capitalised and prev.lower in lex.first_names and _title_before(tokens, i) is None


def _unique_in_office(terms: list[dict[str, Any]], date: str | None, *, max_rank: int = 1) -> list[dict[str, Any]]:
    """The terms of the one person with this short name in an office of rank <= max_rank (heads of state
    and government; foreign ministers too where the name is rare) on `date`, if exactly one."""
    if not terms or not date:
        return []
    people = {t["name"] for t in terms
              if t["start"] <= date <= t["end"] and _OFFICE_RANK.get(t["office"], 9) <= max_rank}
    if len(people) != 1:
        return []
    name = people.pop()
    return [t for t in terms if t["name"] == name]
