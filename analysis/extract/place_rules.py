"""The recognition rules of `mentions`: whether a dictionary match is a place where it stands.

Each rule reads a `Match` (the mention and the words around it) and says True (a place), False (not
one) or None (no say); `is_place` asks them in order and the first to speak decides. Rules that meet a
person's name record it in `Match.persons` ('Robert Douglas' makes 'Douglas' a surname for the rest of
the article); the cue rule marks the mention `cued` or `needs_cue`. Each rule declares with `needs` the
facts of a match it needs to have a say (a single word, a capitalised word glued before, ...); `is_place`
asks only the rules whose needs hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis._resources import compiled, read_table
from analysis.extract.gazetteer import norm_key
from analysis.extract.text import Token, word_group

if TYPE_CHECKING:
    from analysis.extract._key_facts import _KeyFacts
    from analysis.extract.gazetteer import Gazetteer
    from analysis.extract.mentions import Lexicon, Mention

# a name before the dash of a dateline, anywhere in the text ("HUME –", "Alexandria, La. --"): a cue
_DASH_AFTER = re.compile(r"\s*(?:,\s*[A-Z][\w.]*\.?\s*)?(?:—|–|--|\(AP\))")
_PERSON_AFTER = re.compile(r" [A-Z]\. [A-Z]|, \d{1,3},")
_DAY_AFTER = re.compile(r"(?:['’]s)? Day\b")  # 'St. Patrick's Day', 'Columbus Day': a holiday
_YEAR_BEFORE = re.compile(r"\d\s+$")  # '500 BC'
_YEAR_AFTER = re.compile(r"\.?\s+\d")  # 'AD 70', 'A.D. 70'
_CURRENCY_AFTER = re.compile(r"\$")  # 'US$460 million', 'NZ$', 'HK$': a currency, not the country
LOCATIVE = word_group("locative")  # words before a place name that say it is one: 'in', 'near'
_WEAK_LOCATIVE = frozenset({"of", "to", "at", "from", "around"})  # they take people too ('according to Hopkins')
# words around a small town's name that say it is a place: 'DeKalb police', "Greer's city limits",
# 'downtown Decatur'
_CUE_AFTER = re.compile(rf"(?:['’]s)?\s+(?:{'|'.join(sorted(word_group('place_cue_after')))})\b")
_CUE_BEFORE = word_group("place_cue_before")
_DETERMINERS = word_group("determiner")
# 'the island of Bali', 'the town of Mobile': a noun of a kind of place before 'of' names a place
KIND_NOUNS = word_group("town_noun") | word_group("division_noun") | word_group("land_noun")


@dataclass(slots=True)
class Match:
    """A dictionary match and what the rules read around it."""

    m: Mention
    facts: _KeyFacts
    tokens: list[Token]
    text: str
    gaz: Gazetteer
    lex: Lexicon
    persons: set[str]
    named: set[str]  # surnames after a first name or title, or before an age: people in the whole text
    in_shout: bool
    first: Token
    last: Token
    prev: Token | None  # the word before, in the same sentence
    nxt: Token | None  # the word after, in the same sentence
    single: bool
    word: str
    lower: str
    abbreviated: bool  # in capitals or with periods ('La.', 'W.Va.'), not as a word ('Act')
    glued_prev: bool  # the word before is capitalised and joined to the name by a space ('Robert Douglas')
    glued_next: bool  # the word after is capitalised and joined by a space (or a hyphen, to a small place)
    locative: bool  # after a locative word ('in', 'near'), not opening the sentence
    flags: int  # which rule preconditions hold (see `match`)

    def person(self, name: str, *, full: bool = False) -> bool:
        """Record a person's name met here (`full`: named in full, 'Andrew Ferrara'); the match is no place."""
        self.persons.add(name)
        if full:
            self.named.add(name)
        return False


def match(m: Mention, facts: _KeyFacts, tokens: list[Token], text: str, gaz: Gazetteer, lex: Lexicon,
          in_shout: bool, persons: set[str], named: set[str], word: str | None = None) -> Match:
    """The match of a mention and what the rules read around it (`word`: its text without a final period)."""
    first_token, last_token = m.first_token, m.last_token
    first, last = tokens[first_token], tokens[last_token]
    start, end = m.start, m.end
    if word is None:
        word = text[start:end].rstrip(".")
    lower, word_flags = _WORDS.get(word) or word_facts(word)
    single = first_token == last_token
    last_end = last.end
    abbreviated = word_flags & _ABBREV_WORD != 0 or end > last_end
    # the precondition flags that hold for the match (see `word_facts` for those of the word alone, and
    # `fact_flags` for those of the name's places)
    flags = word_flags & _ANY_WORD | facts.rule_flags | in_shout * SHOUT | abbreviated * ABBREV
    if single:
        flags |= SINGLE | word_flags & _SINGLE_WORD | (lower in lex.time_words) * TIME
    if not flags & ADJECTIVE and first.lower in lex.adjectives:
        flags |= ADJECTIVE
    if start and text[start - 1] == "/":
        flags |= SLASH
    prev = tokens[first_token - 1] if first_token > 0 else None
    glued_prev = locative = False
    if prev is not None and prev.sentence == first.sentence:
        flags |= PREV
        if prev.capitalised and (prev.spaced or text[prev.end:first.start] == ". "):
            glued_prev = True
            flags |= GLUED_PREV
        p_lower = prev.lower
        locative = p_lower in LOCATIVE and not first.sentence_initial
        # the words some rules look for: without them those rules are not asked
        if p_lower in lex.animal_words or p_lower in _NAMING:
            flags |= ANIMAL
    else:
        prev = None
    nxt = tokens[last_token + 1] if last_token + 1 < len(tokens) else None
    glued_next = False
    if nxt is not None and nxt.sentence == last.sentence:
        flags |= NXT
        if nxt.capitalised and end == last_end and (
                last.spaced or (facts.strength == 0 and text[last_end:nxt.start] == "-")):
            glued_next = True
            flags |= GLUED_NEXT
    else:
        nxt = None
    return Match(m, facts, tokens, text, gaz, lex, persons, named, in_shout, first, last, prev, nxt, single, word,
                 lower, abbreviated, glued_prev, glued_next, locative, flags)


_WORDS: dict[str, tuple[str, int]] = {}  # word_facts' answers so far (the words of a corpus repeat)
_MAX_WORDS = 1 << 16


def word_facts(word: str) -> tuple[str, int]:
    """A matched word's key (`norm_key`) and the rule flags it sets alone: ADJECTIVE and PHENOMENON; SHORT and
    CAPS, which hold for a single word only; and whether it is written as an abbreviation ('LA', 'La.')."""
    if (known := _WORDS.get(word)) is not None:
        return known
    lower = norm_key(word)
    npw = not_place_words()
    flags = (lower in npw["adjective"]) * ADJECTIVE | (lower in npw["phenomenon"]) * PHENOMENON \
        | (len(word) <= 2) * SHORT | (word.isupper() and len(word) <= 4) * CAPS \
        | (word.isupper() or "." in word) * _ABBREV_WORD
    if len(_WORDS) >= _MAX_WORDS:
        _WORDS.clear()
    _WORDS[word] = (lower, flags)
    return lower, flags


# rule preconditions: a rule is asked only where all the flags it needs hold (see `needs`)
(SINGLE, NOT_AREA, SHOUT, DEMONYM, PREV, NXT, GLUED_PREV, GLUED_NEXT, WEAK, VERY_WEAK, ABBREV, SLASH, ANIMAL,
 SHORT, CAPS, TIME, ADJECTIVE, PHENOMENON, _ABBREV_WORD) = (1 << n for n in range(19))
_SINGLE_WORD = SHORT | CAPS  # word_facts' flags that hold for a single word only
_ANY_WORD = ADJECTIVE | PHENOMENON
_NAMING = word_group("naming_verb")  # 'a terrier named Verona'


Rule = Callable[[Match], "bool | None"]
NEEDS: dict[Rule, int] = {}  # the flags a rule needs to have a say (or to mark anything)


def needs(flags: int) -> Callable[[Rule], Rule]:
    """Declare a rule's precondition: without all these flags it returns None and marks nothing."""
    def declare(rule: Rule) -> Rule:
        NEEDS[rule] = flags
        return rule
    return declare


@compiled
def not_place_words() -> dict[str, frozenset[str]]:
    """Words of analysis/data/not_place_words.tsv by role (adjective, phenomenon, company_suffix)."""
    table = read_table("not_place_words.tsv")
    return {role: frozenset(norm_key(w) for w in group["word"]) for role, group in table.groupby("role")}


@needs(SINGLE | SHORT)
def short_word(x: Match) -> bool | None:
    """'Un', 'He': one- and two-letter words are places only as known abbreviations ('US', 'La.')."""
    return False if x.single and len(x.word) <= 2 and not (x.facts.any_abbr and x.abbreviated) else None


@needs(SINGLE | ABBREV)
def era(x: Match) -> bool | None:
    """'500 BC', '3000 BCE', 'AD 70': the mark of an era beside a year, not a province ('B.C.', 'BC')."""
    if not (x.single and x.lower.replace(".", "") in not_place_words()["era"]):
        return None
    year = _YEAR_BEFORE.search(x.text, max(0, x.m.start - 12), x.m.start) or _YEAR_AFTER.match(x.text, x.m.end)
    return False if year else None  # (numbers are no tokens: the text is read)


@needs(SINGLE | CAPS)
def acronym(x: Match) -> bool | None:
    """An acronym (UN, NATO) is an organisation, not a place."""
    w = x.word
    return False if x.single and w.isupper() and len(w) <= 4 and not x.in_shout and not x.facts.any_abbr else None


@needs(SINGLE | TIME)
def time_word(x: Match) -> bool | None:
    """'March', 'Jan', 'Thursday'."""
    return False if x.single and x.lower in x.lex.time_words else None


@needs(ADJECTIVE)
def lone_adjective(x: Match) -> bool | None:
    """'Arab leaders', 'Western officials', 'West and Central African countries': a compass or people word
    alone qualifies a noun; it is a town only with a qualifier ('Arab, Ala.')."""
    adjectives = not_place_words()["adjective"]
    if x.single and x.lower in adjectives and not _qualified(x):
        return False
    return False if _compass_pair(x, adjectives) else None


def _compass_pair(x: Match, adjectives: frozenset[str]) -> bool:
    """'West and Central African countries', 'North or South American': a compass word joined to another
    qualifies the people word after it, it does not name the country ('Central African Republic')."""
    i = x.m.first_token
    return x.first.lower in adjectives and i >= 2 and x.tokens[i - 1].lower in ("and", "or", "&") \
        and x.tokens[i - 2].lower in adjectives and x.tokens[i - 2].sentence == x.first.sentence


@needs(PHENOMENON)
def phenomenon(x: Match) -> bool | None:
    """'El Niño', 'La Niña': weather, not the towns of that name."""
    return False if x.lower in not_place_words()["phenomenon"] else None


@needs(PREV | ANIMAL)
def animal_name(x: Match) -> bool | None:
    """'her beagle, Lucca', 'a mare named Savannah', 'his horse Verona': a pet's or an animal's name."""
    p, animals = x.prev, x.lex.animal_words
    if p is None or p.capitalised or x.m.name_kind == "demonym" or x.text[p.start - 1:p.start] == "-":
        return None  # 'the five-horse American challenge'
    if p.lower in animals and x.text[p.end:x.first.start] in (" ", ", "):
        return False
    i = x.m.first_token
    before = x.tokens[i - 2] if i >= 2 else None
    return False if p.lower in _NAMING and before is not None and before.lower in animals \
        and before.sentence == p.sentence else None


@needs(SINGLE | GLUED_PREV)
def company_suffix(x: Match) -> bool | None:
    """'Acme Holdings NV', 'Siemens AG': a legal form after a company's name is no state or country."""
    p = x.prev
    suffixes = not_place_words()["company_suffix"]
    if not (x.single and x.glued_prev and p is not None and x.lower.replace(".", "") in suffixes):
        return None
    named_place = p.lower in LOCATIVE or p.lower in _DETERMINERS or x.gaz.key_numbers([norm_key(p.text)])[0] >= 0
    return None if named_place else False  # 'In NV', 'Reno NV' name the state


@needs(SINGLE | NOT_AREA)
def known_surname(x: Match) -> bool | None:
    """A surname met earlier in a person's name, unless the text places it here ('flew to Houston', 'in Lee')."""
    if not (x.single and x.lower in x.persons and not x.facts.area):
        return None
    if x.m.cued or places_here(x):
        x.m.cued = True
        return None
    return False


def places_here(x: Match) -> bool:
    """'in Greer', 'near Lee', 'Dayton, Ohio', 'Greer police'; after the weak locatives ('of', 'to', 'at',
    which also take people: 'according to Hopkins') only a sizeable place."""
    p = x.prev
    strong = x.locative and p is not None and (p.lower not in _WEAK_LOCATIVE or x.facts.strength >= 1)
    cue_before = p is not None and p.lower in _CUE_BEFORE  # 'downtown Greer'
    return strong or cue_before or _qualified(x) or bool(_CUE_AFTER.match(x.text, x.m.end))


@needs(WEAK)
def small_alternate(x: Match) -> bool | None:
    """Only an alternate name of a small place; 'The City Council': 'The City' is a by-name of small places."""
    f = x.facts
    return False if f.small_alt and (x.single or x.first.lower == "the") else None


@needs(SHOUT)
def shouted(x: Match) -> bool | None:
    """In a headline or shouted line any name counts, bar common words."""
    return not (x.single and x.lower in x.gaz.common_words and x.facts.strength < 2) if x.in_shout else None


@needs(PREV | WEAK)
def media_outlet(x: Match) -> bool | None:
    """'the newspaper La Prensa', 'the daily Al-Ahram': an outlet named like a town."""
    p = x.prev
    return False if p is not None and not p.capitalised and p.lower in x.lex.media_words \
        and x.facts.strength < 2 else None


@needs(NOT_AREA)
def holiday(x: Match) -> bool | None:
    """'Columbus Day'."""
    t, end = x.text, x.m.end
    if " Day" not in t[end:end + 6]:
        return None  # what _DAY_AFTER needs to match, read first
    return False if not x.facts.area and _DAY_AFTER.match(t, end) else None


@needs(NXT)
def street(x: Match) -> bool | None:
    """'California Street': a street ('Otter Tail County Road 80' is the county's)."""
    n = x.nxt
    return False if n is not None and n.capitalised and n.lower.rstrip(".") in x.lex.street_words \
        and x.m.end == x.last.end and x.last.lower not in KIND_NOUNS else None


@needs(GLUED_PREV | NOT_AREA)
def honorific(x: Match) -> bool | None:
    """'Mrs. Lincoln' (the name stays a place elsewhere: "known as 'Mr. Arlington'")."""
    return False if x.glued_prev and x.prev is not None and x.prev.lower in x.lex.honorifics \
        and not x.facts.area else None


@needs(ABBREV)
def currency(x: Match) -> bool | None:
    """'US$460 million', '$US 1.5 billion'."""
    t, m = x.text, x.m
    return False if x.abbreviated and (_CURRENCY_AFTER.match(t, m.end) or t[m.start - 1:m.start] == "$") else None


@needs(SLASH)
def virus_strain(x: Match) -> bool | None:
    """'A/California/7/2009': a virus strain's name."""
    t, m = x.text, x.m
    return False if t[m.start - 1:m.start] == "/" and t[m.end:m.end + 1] == "/" else None


@needs(DEMONYM | PREV)
def people_demonym(x: Match) -> bool | None:
    """'Native Americans', 'African-American': a people, not a country."""
    p = x.prev
    return False if x.m.name_kind == "demonym" and p is not None and p.lower in x.lex.ethnic_prefixes \
        and x.text[p.end:x.first.start] in (" ", "-") else None


@needs(DEMONYM | GLUED_PREV)
def demonym_surname(x: Match) -> bool | None:
    """'Monica French': a surname."""
    p = x.prev
    if x.m.name_kind == "demonym" and x.glued_prev and p is not None and p.lower in x.lex.first_names \
            and not p.sentence_initial:
        return x.person(x.lower)
    return None


@needs(DEMONYM | SINGLE | NXT)
def demonym_speaker(x: Match) -> bool | None:
    """'French said' is a person; 'the French said', a people."""
    p, n = x.prev, x.nxt
    return False if x.m.name_kind == "demonym" and x.single and n is not None and n.lower in x.lex.report_verbs \
        and (p is None or p.lower not in _DETERMINERS) else None


@needs(NOT_AREA)
def person_after(x: Match) -> bool | None:
    """'Keith D. Johnson', 'Paris, 51, was found': a person's name and age."""
    t, end = x.text, x.m.end
    if t[end + 2:end + 3] != "." and not (t[end:end + 1] == "," and t[end + 2:end + 3].isdigit()):
        return None  # what _PERSON_AFTER needs to match, read first
    return x.person(x.lower, full=True) if not x.facts.area and _PERSON_AFTER.match(t, end) else None


@needs(GLUED_PREV | NOT_AREA)
def first_name_before(x: Match) -> bool | None:
    """'Robert Douglas', 'Harold Michael'."""
    p = x.prev
    if x.glued_prev and p is not None and p.lower in x.lex.first_names and not x.facts.area \
            and (not p.sentence_initial or p.lower not in x.gaz.common_words):
        return x.person(x.lower, full=True)  # also opening a sentence ('Andrew Ferrara said'), bar 'Rose'
    return None


_NAME_WORDS_AFTER_TITLE = 2  # 'President Dos Santos', 'Prime Minister Abdul Karim Lima'


@needs(GLUED_PREV | NOT_AREA)
def title_before(x: Match) -> bool | None:
    """'President Obama', 'Gov. Crist'; and a name's last word after a title and other name words
    ('President Dos Santos', 'Prime Minister Abdul Karim Lima'). The words between are capitalised and one
    space apart, and the first of them is a known first name, surname or name particle ('General Motors
    Detroit plant' names a place)."""
    p = x.prev
    if not (x.glued_prev and p is not None and not x.facts.area):
        return None
    if p.lower.rstrip(".") in x.lex.titles:
        return x.person(x.lower, full=True)
    i = x.m.first_token - 1
    for _ in range(_NAME_WORDS_AFTER_TITLE):
        t = x.tokens[i]
        if t.text.isupper() or t.possessive or i == 0:
            return None
        before = x.tokens[i - 1]
        if not (before.capitalised and before.spaced and before.sentence == t.sentence):
            return None
        if before.lower.rstrip(".") in x.lex.titles:
            return x.person(x.lower, full=True) if t.lower in x.lex.name_words else None
        i -= 1
    return None


@needs(GLUED_PREV | VERY_WEAK)
def name_before(x: Match) -> bool | None:
    """'Jacques Roy', 'Kim Jong Un': a small place's name after another capitalised name."""
    p = x.prev
    if x.glued_prev and p is not None and not p.sentence_initial and not p.text.isupper() \
            and p.lower not in x.lex.keep_after and x.facts.strength < 1:
        return x.person(x.lower)
    return None


@needs(GLUED_NEXT)
def name_after(x: Match) -> bool | None:
    """'Vladimir Putin', 'Jordan Peterson', 'Houston Rockets'; not 'Laurel County Fiscal Court' (a name
    ending on a kind of place is no one's first name) nor 'Ukraine President'."""
    n, kind_named = x.nxt, not x.single and x.last.lower in KIND_NOUNS
    if x.glued_next and n is not None and not n.text.isupper() and n.lower.rstrip(".") not in x.lex.keep_after \
            and not kind_named and (x.facts.strength == 0 or (x.single and x.lower in x.lex.first_names)) \
            and not (n.lower in x.lex.metonymy_cues and n.lower not in x.lex.name_words):
        return x.person(n.lower)  # (but a headline's verb is no surname: 'Jordan Says It Will Not Host Refugees')
    return None


@needs(SINGLE | NXT)
def speaker(x: Match) -> bool | None:
    """'Welch said': a person speaks, a town does not ('Adams said', though a city lists 'Adams' as an
    alternate name)."""
    n = x.nxt
    if x.single and x.facts.own_strength < 1 and n is not None and n.lower in x.lex.report_verbs and not x.locative:
        return x.person(x.lower)
    return None


@needs(SINGLE)
def abbreviation_as_word(x: Match) -> bool | None:
    """An abbreviation written as a word: 'Act' is not 'ACT'."""
    return False if x.single and x.facts.all_abbr and not x.abbreviated else None


def _qualified(x: Match) -> bool:
    return x.text[x.m.end:x.m.end + 2] == ", " and x.nxt is not None and x.nxt.capitalised


@needs(SINGLE | WEAK)
def common_word(x: Match) -> bool | None:
    """'Central', 'Mobile': a common word is a sizeable town's name only after a strong locative cue
    ('in Mobile', 'the town of Mobile') or with a qualifier ('Mobile, Ala.')."""
    if not (x.single and x.lower in x.gaz.common_words and x.facts.strength < 2):
        return None
    p, m = x.prev, x.m
    kind_of = p is not None and p.lower == "of" and m.first_token >= 2 \
        and x.tokens[m.first_token - 2].lower in KIND_NOUNS
    strong_locative = x.locative and p is not None and (p.lower != "of" or kind_of)
    return x.facts.max_population >= 10_000 and (strong_locative or _qualified(x)) and not x.glued_next


@needs(SINGLE | VERY_WEAK)
def small_town_cue(x: Match) -> bool | None:
    """A small town's name is cued ('in Greer', 'Greer police', a dateline) or needs a cue elsewhere in the
    article; a surname ('Stevens') is a town only where the text says it is a place."""
    if not (x.single and x.facts.strength < 1):
        return None
    p = x.prev
    cued = x.locative or _qualified(x) or bool(_CUE_AFTER.match(x.text, x.m.end)) or (
        p is not None and p.lower in _CUE_BEFORE)
    if cued or _DASH_AFTER.match(x.text, x.m.end):
        x.m.cued = True
    else:
        x.m.needs_cue = True  # kept only if the name has a cue elsewhere in the article
    return cued if x.lower in x.lex.surnames else None


RULES: tuple[Rule, ...] = (
    short_word, era, acronym, time_word, lone_adjective, phenomenon, animal_name, company_suffix, known_surname,
    small_alternate, shouted, media_outlet, holiday, street, honorific, currency, virus_strain, people_demonym,
    demonym_surname, demonym_speaker, person_after, first_name_before, title_before, name_before, name_after,
    speaker, abbreviation_as_word, common_word, small_town_cue,
)


_RULES_FOR: dict[int, tuple[Rule, ...]] = {}


def rules_for(flags: int) -> tuple[Rule, ...]:
    """The rules, in order, whose preconditions the flags meet (remembered per set of flags)."""
    rules = _RULES_FOR.get(flags)
    if rules is None:
        rules = _RULES_FOR[flags] = tuple(r for r in RULES if NEEDS[r] & flags == NEEDS[r])
    return rules


def is_place(x: Match) -> bool:
    """The first rule with a say decides; a match no rule speaks against is a place."""
    for rule in _RULES_FOR.get(x.flags) or rules_for(x.flags):
        verdict = rule(x)
        if verdict is not None:
            return verdict
    return True
