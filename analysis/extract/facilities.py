"""Buildings, venues, streets and natural features named with a kind word, as one place each.

News names them as capitalised words with a kind word after ('the Riverside Arena', 'Seoul Central
District Court', 'Elm Street', 'the Maumee River'), before ('Lake Erie', 'Mount Kenya') or before 'of'
('the University of Dayton', 'the Gulf of Aden'); the kind words are in analysis/data/facility_words.tsv.
Such a name is one place of the word's kind: a place name inside it is no separate mention, but says
where it stands ('Lahore High Court'); else a place right after it ('the Riverside Arena in Dayton'),
else the nearest place of its sentence or article (see analysis.extract.anchors). A building with
neither a place in its name nor one right after it ('Wyatt High School said') is left out: news names
schools, hospitals and churches as organisations more often than as places.
A name made of generic words only ('the High Court', 'City Hall') and a person's name ending on a
surname that is a kind word ('President Park', 'Margaret Court') are no such place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from analysis._resources import compiled, read_table
from analysis.extract.gazetteer import KINDS, Gazetteer, norm_key
from analysis.extract.mentions import Mention, capitalised, lexicon
from analysis.extract.text import Token, word_group

MAX_NAME_WORDS = 5
"""Capitalised words before (or after) a kind word that may belong to its name."""
# between a facility and the place it stands in: 'the Riverside Arena in Dayton', 'Percy French Hotel, Cavan'
AFTER_GAP = re.compile(r"\s*,\s*|\s*\(\s*|\s+(?:in|at|near|outside|of)\s+(?:the\s+|downtown\s+)?")
# determiners that end a name read backwards ('New' and numbers may open one: 'New York Avenue')
_DIVISIONS = np.array([KINDS.index(k) for k in ("admin1", "admin2")])
_POSSESSIVES = ("'s", "’s")
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


_WIDE_KINDS = np.array([KINDS.index(k) for k in ("country", "admin1", "region", "continent", "water")])
_IS_WIDE = np.isin(np.arange(len(KINDS)), _WIDE_KINDS)  # by kind number: a table look-up, not np.isin per call
_IS_DIVISION = np.isin(np.arange(len(KINDS)), _DIVISIONS)


WELL_KNOWN_POPULATION = 100_000


def well_known(gaz: Gazetteer, rows: np.ndarray) -> bool:
    """A name that stands for a place anywhere in a name ('Zawadi Okello Hall' is no hall in Okello):
    a country, division or area, or a city of 100,000 or more; a name leading the span may be any place."""
    return bool(_IS_WIDE[gaz.kind[rows]].any() or (gaz.population[rows] >= WELL_KNOWN_POPULATION).any())


def kind_of_name(name: str) -> str:
    """The kind a name's kind word gives it ('Maumee River': water, 'Elm St.': street, 'Mount Kenya': region),
    '' for none."""
    words = facility_words()
    parts = name.replace(".", " ").split()
    if not parts:
        return ""
    last, first = parts[-1].lower(), parts[0].lower()
    if last in words.after:
        return words.after[last]
    if len(parts) > 1 and (first in words.before or (first in words.of and parts[1] == "of")):
        return words.before.get(first) or words.of[first]
    return ""


class FacilityWords(NamedTuple):
    """The kind words by position, and the words that alone make no name."""

    after: dict[str, str]  # 'hospital' -> 'facility'
    before: dict[str, str]  # 'lake' -> 'water'
    of: dict[str, str]  # 'university' -> 'facility'
    generic: frozenset[str]  # 'high', 'supreme', 'city': a name of these only is no proper name
    stop: frozenset[str]  # capitalised function words that end a name ('At', 'In') in title-case lines
    any: frozenset[str]  # every kind word


@compiled
def _name_parts() -> dict[str, frozenset[str]]:
    """group -> words of analysis/data/name_parts.tsv."""
    table = read_table("name_parts.tsv")
    return {g: frozenset(rows["word"].str.lower()) for g, rows in table.groupby("group")}


def name_parts(group: str) -> frozenset[str]:
    """A group of name_parts.tsv: 'road', 'abbreviated_kind', 'street_suffix', 'name_stop', 'street_ending'."""
    return _name_parts()[group]


@compiled
def facility_words() -> FacilityWords:
    """The kind words of analysis/data/facility_words.tsv, and the generic words of names."""
    table = read_table("facility_words.tsv")
    by: dict[str, dict[str, str]] = {"after": {}, "before": {}, "of": {}, "generic": {}}
    for word, kind, position in zip(table["word"], table["kind"], table["position"], strict=True):
        by[position][word.lower()] = kind
    ctx = read_table("place_context_words.tsv")
    generic = set(ctx.loc[ctx["role"].isin(["org", "title"]), "word"].str.lower())
    generic |= set(by["generic"])
    stop = word_group("locative") | word_group("coordinator") | name_parts("name_stop")
    return FacilityWords(by["after"], by["before"], by["of"], frozenset(generic), frozenset(stop),
                         frozenset(by["after"]) | frozenset(by["before"]) | frozenset(by["of"]))


def _joined(text: str, a: Token, b: Token) -> bool:
    """Whether two tokens stand side by side in one name ('Children's Hospital', 'St. Mary's')."""
    gap = text[a.end:b.start]
    return a.sentence == b.sentence and (gap == " " or (gap == ". " and len(a.text) <= 3) or gap == "")


def _ordinal(text: str, tok: Token) -> bool:
    """'14th', '22nd': the tokens hold the suffix only, after the digits."""
    return tok.lower in _ORDINAL_SUFFIXES and tok.start > 0 and text[tok.start - 1].isdigit()


def _name_word(text: str, tok: Token, words: FacilityWords) -> bool:
    """A word that may stand in a facility's name: capitalised ('Riverside') or an ordinal ('14th')."""
    if tok.lower in words.stop:
        return False
    return tok.capitalised or _ordinal(text, tok)


def _span_before(tokens: Sequence[Token], text: str, k: int, words: FacilityWords) -> int | None:
    """The first token of the name that ends on the kind word at token k, or None when it has none."""
    first = k
    while first > 0 and k - first < MAX_NAME_WORDS:
        prev = tokens[first - 1]
        if not (_joined(text, prev, tokens[first]) and _name_word(text, prev, words)):
            break
        if first < k and text[prev.end - 2:prev.end] in _POSSESSIVES:
            break  # "New Zealand's South Island", "Moscow's Vnukovo Airport"; not "St. Mary's Hospital"
        first -= 1
        if _ordinal(text, prev):
            break
    while first < k and tokens[first].lower in words.stop:
        first += 1
    return first if first < k else None


def _span_after(tokens: Sequence[Token], text: str, k: int, words: FacilityWords, *, of: bool) -> int | None:
    """The last token of the name that the kind word at token k opens ('Lake Erie', 'University of Dayton')."""
    j = k + 1
    if of:
        if j + 1 >= len(tokens) or tokens[j].lower != "of" or not _joined(text, tokens[k], tokens[j]):
            return None
        j += 1
        if tokens[j].lower == "the" and j + 1 < len(tokens) and _joined(text, tokens[j], tokens[j + 1]):
            j += 1
    last = None
    limit = k + (MAX_NAME_WORDS if of else 2)  # 'Lake Erie', 'Mount Kilimanjaro'
    while j < len(tokens) and j <= limit and _joined(text, tokens[j - 1], tokens[j]) and tokens[j].capitalised \
            and tokens[j].lower not in words.stop and tokens[j].lower not in words.generic:
        last = j  # 'Mount Pleasant Police': the name ends before an institution word
        j += 1
    return last


@compiled
def _surnames() -> frozenset[str]:
    """Every surname of analysis/data/person_names.tsv ('Park', 'Hall', 'Temple')."""
    people = read_table("person_names.tsv")
    return frozenset(people.loc[people["kind"] == "last", "name"].str.lower())


def _a_person(tokens: Sequence[Token], first: int, k: int, kind: str, gaz: Gazetteer) -> bool:
    """'President Park', 'State Minister Palitha Range': a title in the name; 'Shirley Temple': a first
    name (no place's) before a kind word that is also a surname (streets aside: 'George Street')."""
    lex = lexicon()
    if any(t.lower.rstrip(".") in lex.titles for t in tokens[first:k]):
        return True
    prev = tokens[k - 1].lower
    if not (kind != "street" and k - first == 1 and tokens[k].lower in _surnames() and prev in lex.first_names):
        return False
    place = int(gaz.key_numbers([prev])[0])  # 'Victoria Park', 'Charlotte Church': a sizeable place's name
    return place < 0 or not well_known(gaz, gaz.rows_of_key(place))


def _abbreviation_goes_on(text: str, tokens: Sequence[Token], k: int) -> bool:
    """'St. Louis', 'Ave. Maria': an abbreviated kind word before a capitalised word is part of another name
    ('14th St. Thursday' ends on a time word)."""
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return nxt is not None and nxt.capitalised and nxt.sentence == tokens[k].sentence \
        and text[tokens[k].end:nxt.start] == ". " and nxt.lower not in lexicon().time_words


def _name_goes_on(text: str, tokens: Sequence[Token], k: int, words: FacilityWords) -> bool:
    """'Cedar River Seafood', 'Rolling Hills Country Club', 'Wall Street Journal': a capitalised word right
    after the kind word carries the name on, to a business or a longer name ('Pleasant Lane School' is the
    school's); not a compass point ('Eighth Avenue NW'), a time word or a function word."""
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is None or not nxt.capitalised or not _joined(text, tokens[k], nxt) or text[tokens[k].end] != " ":
        return False
    low = nxt.lower.rstrip(".")
    return low not in name_parts("street_suffix") and low not in words.stop and low not in lexicon().time_words \
        and not nxt.text.isupper()


def find_facilities(text: str, tokens: list[Token], gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """Spans (first token, last token, kind) of the names of buildings, streets and features, left to right."""
    words = facility_words()
    out: list[tuple[int, int, str]] = []
    taken = -1
    kind_words = words.any
    for k in [k for k in capitalised(tokens)[1] if tokens[k].lower in kind_words]:
        tok = tokens[k]
        if k <= taken or (tok.text.isupper() and len(tok.text) > 3):
            continue  # 'MORE COLLEGE': a shouted line
        low = tok.lower
        span = None
        if low in words.of and (last := _span_after(tokens, text, k, words, of=True)) is not None:
            span = (k, last, words.of[low])
        elif low in words.before and (last := _span_after(tokens, text, k, words, of=False)) is not None:
            span = (k, last, words.before[low])
        elif low in words.after and (first := _span_before(tokens, text, k, words)) is not None \
                and first > taken and not _a_person(tokens, first, k, words.after[low], gaz) \
                and not (low in name_parts("abbreviated_kind") and _abbreviation_goes_on(text, tokens, k)) \
                and not _name_goes_on(text, tokens, k, words):
            span = (first, k, words.after[low])
        if span is None:
            continue
        first, last, kind = span
        names = [t.lower for t in tokens[first:last + 1] if t.lower not in words.after and t.lower != "of"]
        if all(w in words.generic or w in words.before or w in words.of for w in names):
            continue  # 'the High Court', 'International Airport': no proper name
        out.append(span)
        taken = last
    return out


def facility_mentions(
    text: str, tokens: list[Token], mentions: list[Mention], gaz: Gazetteer,
    taken: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """The mentions of a text with each facility's name as one mention (kind facility, street, water or
    region) in place of the names inside it; the facility carries the rows of the name that leads it or of
    a well-known one inside ('Lahore High Court', 'Colorado State University'), else none. A name the
    gazetteer knows whole ('Golden Gate Bridge') stays as found; spans `taken` (seats of power named as
    actors: 'Downing Street said') are places already."""
    spans = find_facilities(text, tokens, gaz)
    if not spans:
        return mentions
    out: list[Mention] = []
    i = 0
    for first, last, kind in spans:
        start, end = tokens[first].start, tokens[last].end
        if any(s < end and start < e for s, e in taken):
            continue
        if text[end:end + 1] == "." and tokens[last].lower in name_parts("abbreviated_kind"):
            end += 1  # 'Victoria St.'
        while start > 0 and text[start - 1].isdigit():
            start -= 1  # '14th Street'
        while i < len(mentions) and mentions[i].end <= start:
            out.append(mentions[i])
            i += 1
        inside: list[Mention] = []
        while i < len(mentions) and mentions[i].start < end:
            inside.append(mentions[i])
            i += 1
        if any(m.start < start or m.end > end for m in inside) or any(
                (m.start, m.end) == (start, end) or len(m.rows) and int(gaz.kind[m.rows].min()) >= KINDS.index(
                    "institution") for m in inside):
            out.extend(inside)  # a name reaching out of the span, or a landmark the gazetteer knows whole
            continue
        if kind == "facility" and any(m.start == start and m.name_kind == "demonym" for m in inside):
            out.extend(inside)  # 'the Latvian Constitutional Court': a national body, coded as an actor
            continue
        out.append(_facility(text, tokens, first, last, kind, start, end, inside, gaz))
    out.extend(mentions[i:])
    return [m for j, m in enumerate(out) if m.kind != "facility" or len(m.rows) or _placed(text, out, j)]


def _placed(text: str, mentions: Sequence[Mention], j: int) -> bool:
    """Whether a place name follows mention j as its location ('the Riverside Arena in Dayton') or owns it
    ("Moscow's Vnukovo Airport")."""
    nxt = mentions[j + 1] if j + 1 < len(mentions) else None
    prev = mentions[j - 1] if j > 0 else None
    return (nxt is not None and not nxt.kind and AFTER_GAP.fullmatch(text, mentions[j].end, nxt.start) is not None) \
        or (prev is not None and not prev.kind and text[prev.end:mentions[j].start] in ("'s ", "’s "))


def _facility(text: str, tokens: Sequence[Token], first: int, last: int, kind: str, start: int, end: int,
              inside: list[Mention], gaz: Gazetteer) -> Mention:
    """The mention of a facility's name, with the rows of the place that leads its name or a well-known place
    inside it ('Lahore High Court', 'Colorado State University', 'Maumee River'); a street's name says nothing
    of where it runs ('California Street' is in San Francisco)."""
    surface = text[start:end]
    if kind == "street":  # 'Otter Tail County Road', 'Ohio Turnpike': a division's road, not 'California Street'
        road = tokens[last].lower in name_parts("road")
        lead = [m for m in inside if road and _IS_DIVISION[gaz.kind[m.rows]].any()]
    else:
        lead = [m for m in inside if m.first_token == first or well_known(gaz, m.rows)]
    if lead:
        m0 = max(lead, key=lambda m: (m.first_token == first, m.end - m.start))
        return Mention(start, end, surface, m0.key, m0.rows, m0.name_kind, first, last, m0.row_kinds, kind=kind)
    words = facility_words()
    if kind != "street" and tokens[first].lower not in words.before and tokens[first].lower not in words.of:
        # the leading words the recognition rules passed over ('Maumee' alone needs a cue): a place's name,
        # unless a common word or a first name ('Riverside Arena', 'John Peter Smith Hospital')
        for j in range(last - 1, first - 1, -1):
            key = norm_key(text[tokens[first].start:tokens[j].end])
            k = int(gaz.find_keys([key])[0])
            if k >= 0 and not (j == first and (key in gaz.common_words or key in lexicon().first_names)):
                return Mention(start, end, surface, key, gaz.rows_of_key(k), "name", first, last,
                               gaz.row_kinds_of_key(k), kind=kind)
    return Mention(start, end, surface, norm_key(surface), np.zeros(0, np.int64), "name", first, last, kind=kind)


__all__ = ["find_facilities", "facility_mentions", "facility_words", "FacilityWords", "MAX_NAME_WORDS", "well_known",
           "kind_of_name"]
