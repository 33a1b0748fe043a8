"""Find place, country and demonym mentions in text: spans with their gazetteer candidates.

Recognition is a dictionary match over capitalised token runs (longest match first), then rules that
follow how news is written:
- a single-word name that is also a common English word ('Central', 'Mobile') is a place only as a
  country, continent, region or sea, or with a locative cue ('in Mobile, Ala.');
- a name glued to other capitalised words is part of a person's or organisation's name
  ('Vladimir Putin', 'Kim Jong Un', 'Jordan Peterson', 'Korean Central News Agency') unless the
  next word is a title or an institution word ('Ukraine President', 'Alexandria Police');
- spans claimed by actors (people, organisations) are not places;
- a place name that names a disease ('West Nile virus', 'Marburg virus') is not a place there, nor
  anywhere else in the article.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from analysis._resources import compiled, read_table
from analysis.extract import place_rules
from analysis.extract._key_facts import _KeyFacts, facts_of
from analysis.extract._token_index import token_index
from analysis.extract.gazetteer import (
    KINDS,
    MAX_NAME_TOKENS,
    Gazetteer,
    load_gazetteer,
    norm_key,
)
from analysis.extract.text import (
    Dateline,
    Token,
    find_dateline,
    is_headline_case,
    split_sentences,
    token_field,
    tokenize,
    word_group,
)

_POSSESSIVES = ("'s", "’s")


@dataclass(slots=True)
class Mention:
    """A recognised place name: its span and the gazetteer rows it may refer to."""

    start: int
    end: int
    text: str
    key: str
    rows: np.ndarray
    name_kind: str
    first_token: int
    last_token: int
    row_kinds: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))
    metonymic: bool = False
    cued: bool = False
    needs_cue: bool = False
    kind: str = ""  # the kind its record carries instead of its place's: 'facility', 'street' (see anchors)


@dataclass(frozen=True)
class Lexicon:
    """Word lists the recognition rules consult (all from tables in analysis/data)."""

    titles: frozenset[str]
    keep_after: frozenset[str]
    particles: frozenset[str]
    time_words: frozenset[str]
    report_verbs: frozenset[str]
    first_names: frozenset[str]
    surnames: frozenset[str]
    metonymy_cues: frozenset[str]
    addressee_verbs: frozenset[str]  # 'accused', 'urged': a capital right after one is told or blamed
    eponym_words: frozenset[str]  # 'virus', 'fever': after a place name, they make it a disease's name
    media_words: frozenset[str]  # 'newspaper', 'daily': before a name, they make it a news outlet's
    object_preps: frozenset[str]  # 'of', 'in': a name after one is no subject ('the mayor of Paris said')
    ethnic_prefixes: frozenset[str]  # 'Native', 'African': before a demonym they name a people
    street_words: frozenset[str]  # 'Street', 'Avenue': after a place name they name a street
    honorifics: frozenset[str]  # 'Mrs.', 'Dr.': before a name they make it a person's, here only
    before_verb: frozenset[str]  # 'has', 'also', 'not': words between a subject and its verb
    animal_words: frozenset[str]  # 'beagle', 'mare': before a name they make it an animal's
    adjectives: frozenset[str]  # 'Arab', 'Western': place_rules.not_place_words' adjectives
    name_words: frozenset[str]  # every first name and surname of person_names.tsv, and name particles


@compiled
def lexicon() -> Lexicon:
    """Load the word lists once per process."""
    ctx = read_table("place_context_words.tsv")
    role = dict(zip(ctx["word"].str.lower(), ctx["role"], strict=False))
    cues = read_table("event_cues.tsv")
    report = frozenset(cues.loc[cues["kind"] == "report_verb", "cue"].str.lower())
    trig = read_table("event_triggers.tsv", dtype=str)
    verbs: set[str] = set(report)
    for forms in trig.loc[trig["pos"] == "verb", "forms"]:
        verbs.update(f.lower() for f in str(forms).split("|") if " " not in f)
    addressed = trig.loc[(trig["pos"] == "verb") & trig["cameo"].str[:2].isin(word_group("addressee_root")), "forms"]
    addressee = {f.lower() for forms in addressed for f in str(forms).split("|") if " " not in f}
    modal = cues.loc[(cues["kind"] == "modality") & ~cues["cue"].str.contains(" "), "cue"].str.lower()
    verbs.update(modal)
    times = read_table("time_words.tsv")
    timew = frozenset(times.loc[times["kind"].isin(["weekday", "month"]), "word"].str.lower().str.rstrip("."))
    people = read_table("person_names.tsv")
    first = frozenset(people.loc[(people["kind"] == "first") & (people["share"] >= 0.01), "name"].str.lower())
    last = frozenset(people.loc[(people["kind"] == "last") & (people["share"] >= 0.01), "name"].str.lower())
    return Lexicon(
        titles=frozenset(w for w, r in role.items() if r == "title"),
        keep_after=frozenset(w for w, r in role.items() if r in ("title", "org")),
        particles=frozenset(w for w, r in role.items() if r == "particle"),
        time_words=timew, report_verbs=report, first_names=first, surnames=last - first,
        metonymy_cues=frozenset(verbs), addressee_verbs=frozenset(addressee),
        eponym_words=frozenset(w for w, r in role.items() if r == "eponym"),
        media_words=frozenset(w for w, r in role.items() if r == "medium"),
        object_preps=word_group("subject_prep"),
        ethnic_prefixes=word_group("ethnic_prefix"),
        street_words=frozenset(w for w, r in role.items() if r == "street"),
        honorifics=frozenset(w for w, r in role.items() if r == "honorific"),
        before_verb=word_group("perfect_aux") | word_group("adverb"),
        animal_words=frozenset(w for w, r in role.items() if r == "animal"),
        adjectives=place_rules.not_place_words()["adjective"],
        name_words=frozenset(people["name"].str.lower()) | frozenset(w for w, r in role.items() if r == "particle"),
    )


_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


def _headline_case(text: str) -> bool:
    """`is_headline_case`, which says no when a quarter of the text is lower-case ASCII letters: in ordinary prose
    those of its first half are already as many (half the text to count)."""
    half = text[:len(text) // 2].encode("utf-8", "surrogatepass")
    if 4 * (len(half) - len(half.translate(None, _ASCII_LOWER))) >= len(text):
        return False
    return is_headline_case(text)


@functools.lru_cache(maxsize=8)
def dateline_of(text: str) -> Dateline | None:
    """`find_dateline`, remembered for the last few texts: recognition and resolution both read it."""
    return find_dateline(text)


def _gap_ok(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end:b.start]
    return gap in (" ", "-", "- ", " - ") or (gap == ". " and len(a.text) <= 3)


def find_mentions(
    text: str,
    *,
    tokens: list[Token] | None = None,
    blocked: Iterable[tuple[int, int]] = (),
    gazetteer: Gazetteer | None = None,
) -> list[Mention]:
    """Place-name mentions of a text, left to right, with their candidate gazetteer rows.

    Parameters
    ----------
    text
        The article body.
    tokens
        Tokens from `analysis.extract.text.tokenize`, when the caller has them already.
    blocked
        Character spans claimed by other mentions (people, organisations); no place overlaps them.
    gazetteer
        The gazetteer to use (default: the bundled one).
    """
    gaz = gazetteer or load_gazetteer()
    if tokens is None:
        tokens = tokenize(text, split_sentences(text))
    lex = lexicon()
    particles = lex.particles
    shouted = _Shouted(tokens, _headline_case(text))

    probes = _probes(text, tokens, particles, gaz.goes_on)
    found = gaz.key_numbers(list(map(_KEY, probes)))

    # 2. longest match at each start, left to right
    # the probes of a start come shortest first (by last token, then end): the last found of each is kept
    best = {p[0]: (p, k) for p, k in itertools.compress(zip(probes, found, strict=True), map(_FOUND, found))}
    blocked_spans = sorted(blocked)
    blocked_starts = [b[0] for b in blocked_spans]
    blocked_reach = list(itertools.accumulate((b[1] for b in blocked_spans), max))  # running max of the ends
    mentions: list[Mention] = []
    persons: set[str] = set()
    named: set[str] = set()
    eponyms: set[str] = set()
    taken = -1  # the last token of the last mention
    dateline, the_names, key_facts = dateline_of(text), the_forms(gaz), facts_of(gaz)
    for i in sorted(best):
        if i <= taken:
            continue
        (_, j, key, end), k = best[i]
        start = tokens[i].start
        if (k_the := the_names.get(key, -1)) >= 0 and text[start - 4:start] == "the ":
            k, key = k_the, "the " + key  # 'in the Gulf': the Persian Gulf, not Papua New Guinea's Gulf Province
        k_b = bisect.bisect_left(blocked_starts, end)  # a span starting before `end` and reaching past `start`
        if k_b and blocked_reach[k_b - 1] > start:
            continue
        facts = key_facts[k]
        m = Mention(start, end, text[start:end], key, facts.rows, facts.name_kind, i, j, facts.row_kinds)
        if not facts.country and _names_disease(m, tokens, lex):
            eponyms.add(key)
            taken = j
        elif dateline is not None and (start, end) == (dateline.place_start, dateline.place_end):
            m.cued = True  # 'KYIV, Ukraine (AP) —': a dateline names a place
            mentions.append(m)
            taken = j
        elif _is_place(m, facts, tokens, text, gaz, lex, shouted, persons, named):
            m.metonymic = facts.seat and _metonymic(m, tokens, text, lex)
            mentions.append(m)
            taken = j
    # whether the text places a single name where it stands ('in Houston', 'Greer police': see
    # place_rules.places_here) matters only for the names below, so it is read for those only
    wanted = {m.key for m in mentions if m.needs_cue} | eponyms | named
    for m in mentions if wanted else ():
        if not m.cued and m.key in wanted and m.first_token == m.last_token:
            m.cued = _placed_here(m, tokens, text, gaz, lex, shouted)
    # a small town named alone ('Ismaili', 'Hailey') is a place only when the article introduces that
    # name with a locative cue somewhere ('in Alexandria', 'Alexandria, La.', a dateline)
    cued = {m.key for m in mentions if m.cued}
    # a disease's name elsewhere in the article is the disease too, unless the text places it ('in Marburg');
    # a person named in full anywhere ('Andrew Ferrara') is that person before the full name too ('Ferrara
    # said ...'), unless the text places the name ('in Ferrara') or it is a country's or region's
    return [m for m in mentions if (not m.needs_cue or m.key in cued) and (m.key not in eponyms or m.cued)
            and (m.key not in named or m.cued or m.first_token != m.last_token or _an_area(gaz, m.key))]


_THE_KINDS = frozenset(KINDS.index(k) for k in ("country", "region", "continent", "water"))


@functools.lru_cache(maxsize=4)
def the_forms(gaz: Gazetteer) -> dict[str, int]:
    """Per name X, the key number of 'the X' where the gazetteer has that form as a name of countries, regions or
    seas only, and bare X names none ('the Gulf' is the Persian Gulf, bare 'Gulf' a province of Papua New Guinea;
    'the Baltic'): the keys are sorted, so the 'the ' forms are one run of them."""
    lo, hi = np.searchsorted(gaz.keys, [b"the ", b"the!"]).tolist()
    forms = {bytes(gaz.keys[k]).decode("utf-8")[4:]: k for k in range(lo, hi)
             if _THE_KINDS.issuperset(gaz.kind[gaz.rows_of_key(k)].tolist())}
    # a bare name that is already such a place keeps its own candidates ('Gaza Strip', 'Netherlands')
    bare = dict(zip(forms, gaz.key_numbers(list(forms)), strict=True))
    return {key: k for key, k in forms.items()
            if bare[key] < 0 or _THE_KINDS.isdisjoint(gaz.kind[gaz.rows_of_key(bare[key])].tolist())}


def _placed_here(m: Mention, tokens: list[Token], text: str, gaz: Gazetteer, lex: Lexicon, shouted: _Shouted) -> bool:
    facts = facts_of(gaz)[gaz.key_numbers([m.key])[0]]
    in_shout = shouted[tokens[m.first_token].sentence]
    return place_rules.places_here(place_rules.match(m, facts, tokens, text, gaz, lex, in_shout, set(), set()))


def _an_area(gaz: Gazetteer, key: str) -> bool:
    return facts_of(gaz)[gaz.key_numbers([key])[0]].area


# a token's fields by position: a tuple's item costs less to read than a named tuple's attribute, and these
# are read for every token of an article
_FOUND = (-1).__lt__  # a key number of a name the gazetteer has
_KEY = operator.itemgetter(2)  # a probe's key


def capitalised(tokens: list[Token]) -> tuple[list[bool], list[int]]:
    """Per token whether it is capitalised, and the positions of those that are (read from the token index:
    computed once per token list, for the actors, the place names and the facility names)."""
    index = token_index(tokens)
    return index.capitals, index.capital_positions


def _probes(text: str, tokens: list[Token], particles: frozenset[str], goes_on: Mapping[str, bool]
            ) -> list[tuple[int, int, str, int]]:
    """Every candidate n-gram that starts on a capitalised token and may be a name: (first, last, key, end). A run
    of words is not read on past words no name goes on after (`goes_on`, see `Gazetteer.goes_on`)."""
    probes: list[tuple[int, int, str, int]] = []  # (first, last, key, end)
    add = probes.append
    n_text, n_tok = len(text), len(tokens)
    caps, positions = capitalised(tokens)
    chain_end = 0  # tokens up to here are linked, each to the one before, from the start of the last chain
    for i in positions:
        if i >= chain_end:  # most names stand alone: a lower-case word after them ends the chain at once
            nxt = i + 1
            if nxt < n_tok and (caps[nxt] or tokens[nxt].lower in particles):
                chain_end = _chain_end(text, tokens, caps, particles, i)
            else:  # a lone word: its name, without a possessive ending, and with a period glued on
                chain_end = nxt
                ti = tokens[i]
                word, end = ti.text, ti.end
                if ti.possessive and len(word) > 2:
                    add((i, i, norm_key(word[:-2]), end - 2))
                    continue
                key = norm_key(word)
                add((i, i, key, end))
                if not ti.spaced and end < n_text and text[end] == ".":
                    add((i, i, key + ".", end + 1))
                continue
        joined = ""  # the words from token i on, joined by spaces
        stop = chain_end if chain_end < i + MAX_NAME_TOKENS else i + MAX_NAME_TOKENS
        for j in range(i, stop):
            tj = tokens[j]
            word, end = tj.text, tj.end
            possessive = False
            if tj.possessive and len(word) > 2:  # "Russia's" -> 'Russia'
                # "People's Republic" goes on (and "People" is a name too); "Russia's invasion" ends
                if tj.spaced and caps[j + 1]:
                    add((i, j, norm_key(f"{joined} {word[:-2]}" if joined else word[:-2]), end - 2))
                else:
                    word, end, possessive = word[:-2], end - 2, True
            joined = f"{joined} {word}" if joined else word
            if caps[j]:
                key = norm_key(joined)
                add((i, j, key, end))
                if not possessive and not tj.spaced and end < n_text and text[end] == ".":
                    add((i, j, key + ".", end + 1))
            if possessive or (j + 1 < stop and not goes_on[joined]):
                break
    return probes


def _chain_end(text: str, tokens: list[Token], caps: list[bool], particles: frozenset[str], i: int) -> int:
    """The end of the run of tokens from token i, each capitalised (`caps`) or a particle ('de', 'al'), and
    close to the one before in the same sentence."""
    j, n_tok = i + 1, len(tokens)
    before = tokens[i]
    while j < n_tok:
        tj = tokens[j]
        if (not caps[j] and tj.lower not in particles) \
                or (not before.spaced and (tj.sentence != before.sentence or not _gap_ok(text, before, tj))):
            break
        before = tj
        j += 1
    return j


def _names_disease(m: Mention, tokens: list[Token], lex: Lexicon) -> bool:
    """'West Nile virus', 'Marburg virus', 'Rift Valley fever': a place name naming a disease (a
    country's name or a demonym still mentions the country: 'China virus', 'Spanish flu')."""
    nxt = tokens[m.last_token + 1] if m.last_token + 1 < len(tokens) else None
    if nxt is None or nxt.capitalised or nxt.lower not in lex.eponym_words or m.end < tokens[m.last_token].end:
        return False
    return m.name_kind != "demonym" and nxt.sentence == tokens[m.last_token].sentence


_SENTENCE = token_field("sentence")
_TEXT = token_field("text")


class _Shouted(dict[int, bool]):
    """`shouted[sentence]`: whether a sentence is written in capitals (a headline, a shouted line), or
    the whole text is; decided for a sentence when first asked, as only sentences with names are."""

    def __init__(self, tokens: list[Token], whole_text: bool) -> None:
        super().__init__()
        self.tokens, self.whole_text = tokens, whole_text

    def __missing__(self, sentence: int) -> bool:
        if self.whole_text:
            shouted = True
        else:
            # the tokens come in sentence order: the sentence's are found by bisection
            start = bisect.bisect_left(self.tokens, sentence, key=_SENTENCE)
            stop = bisect.bisect_right(self.tokens, sentence, lo=start, key=_SENTENCE)
            n = stop - start
            # at least 4 in 5 words in capitals: none among the first n // 5 + 1 is enough to say no
            shouted = n >= 3 and any(map(str.isupper, map(_TEXT, self.tokens[start:start + n // 5 + 1]))) \
                and sum(map(str.isupper, map(_TEXT, self.tokens[start:stop]))) >= 0.8 * n
        self[sentence] = shouted
        return shouted


def _is_place(
    m: Mention, facts: _KeyFacts, tokens: list[Token], text: str, gaz: Gazetteer, lex: Lexicon,
    shouted: _Shouted, persons: set[str], named: set[str],
) -> bool:
    """Whether a dictionary match is a place here (see place_rules); records person names in `persons`."""
    word = m.text.rstrip(".")  # (the text of its span)
    if m.first_token == m.last_token:  # the first rules to decide on a single word, without their Match
        if len(word) <= 2:
            if not facts.any_abbr:
                return False  # place_rules.short_word
        elif place_rules.word_facts(word)[0] in lex.time_words:
            return False  # place_rules.time_word (or acronym: 'MAY')
        if facts.small_alt:
            return False  # place_rules.small_alternate (the rules before it say no or nothing, and record nothing)
    in_shout = shouted[tokens[m.first_token].sentence]
    return place_rules.is_place(place_rules.match(m, facts, tokens, text, gaz, lex, in_shout, persons, named, word))


def _metonymic(m: Mention, tokens: list[Token], text: str, lex: Lexicon) -> bool:
    """'Pyongyang said', 'Washington warned', 'Russia will': a capital or country acting as its state;
    'accused Washington', 'urged Tehran': one told or blamed."""
    if m.name_kind == "demonym":
        return False
    prev = tokens[m.first_token - 1] if m.first_token > 0 else None
    if prev is not None and prev.sentence == tokens[m.first_token].sentence and not prev.capitalised \
            and prev.lower in lex.addressee_verbs and m.end == tokens[m.last_token].end:
        return True
    if m.end < tokens[m.last_token].end:
        return False  # possessive: 'Pyongyang's official agency'
    nxt = tokens[m.last_token + 1] if m.last_token + 1 < len(tokens) else None
    if nxt is None or nxt.sentence != tokens[m.last_token].sentence or text[m.end:nxt.start] == "-":
        return False  # 'Saudi-owned': a compound, no verb
    if prev is not None and prev.lower in lex.object_preps and prev.sentence == nxt.sentence:
        return False  # 'the mayor of Paris said', 'officials in Mexico reported': the verb is another's
    verb = _verb_after_subject(tokens, m.last_token + 1, lex)
    return verb is not None and not verb.capitalised and acting_verb(verb.lower, lex)


def acting_verb(word: str, lex: Lexicon) -> bool:
    """Whether a lower-case word after a subject is its verb: an event or report verb, or any other past form
    ('Moscow had launched', 'Ankara and Stockholm reached', 'people blocked streets')."""
    return word in lex.metonymy_cues or (word.endswith("ed") and len(word) > 4)


MAX_SUBJECT_GAP = 4
"""Words that may stand between a subject name and its verb ('Washington has repeatedly urged')."""


def _verb_after_subject(tokens: list[Token], k: int, lex: Lexicon) -> Token | None:
    """The word where the verb of a subject ending before token k would stand, skipping a perfect auxiliary,
    adverbs ('has repeatedly urged', 'also warned') and a second name joined by 'and' ('Washington and Seoul
    warned'); None when the sentence ends first."""
    sentence = tokens[k - 1].sentence
    for _ in range(MAX_SUBJECT_GAP):
        if k >= len(tokens) or tokens[k].sentence != sentence:
            return None
        tok = tokens[k]
        if tok.lower == "and" and k + 1 < len(tokens) and tokens[k + 1].capitalised:
            k += 1
            while k < len(tokens) and tokens[k].capitalised and tokens[k].sentence == sentence:
                k += 1
        elif tok.lower in lex.before_verb or (tok.lower.endswith("ly") and not tok.capitalised):
            k += 1
        else:
            return tok
    return tokens[k] if k < len(tokens) and tokens[k].sentence == sentence else None
