"""Given spans and the places the gazetteer lacks but the text locates.

`mention_for_span` looks a given span up in the gazetteer, with the variants news writes ('Clay County',
'the Town of Groton', 'W. Columbia'). A building, street, venue or organisation the gazetteer does not
know ('the Riverside Arena in Dayton', 'Lahore High Court', 'Royal Street') stands in a place: one named
inside its name ('Lahore'), else the nearest resolved place of its sentence, else of its article, a town
before a wider area. Its record then carries that place's point with kind 'street' or 'facility'. An
article is at home in the states that hold its names ('Louisiana', 'Lafayette', 'Franklin'): a small town
alone in another state is no place a building stands in, and, named bare in the home's country, it is a
local place of the home the gazetteer lacks ('rolled down Bourbon' in an article on New Orleans).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence

import numpy as np

from analysis._resources import compiled, read_table
from analysis.extract.facilities import (
    AFTER_GAP,
    WELL_KNOWN_POPULATION,
    facility_words,
    kind_of_name,
    name_parts,
    well_known,
)
from analysis.extract.gazetteer import KINDS, NAME_KINDS, Gazetteer, load_gazetteer, norm_key
from analysis.extract.mentions import Mention, lexicon, the_forms
from analysis.extract.place_rules import not_place_words
from analysis.extract.text import split_sentences, word_group
from analysis.geometry import haversine_km

_ALT = NAME_KINDS.index("alt")
_TOWN_KINDS = frozenset(KINDS.index(k) for k in ("city", "capital", "admin2"))
_CAPITAL, _CITY, _COUNTRY = KINDS.index("capital"), KINDS.index("city"), KINDS.index("country")
_MISSION_NOUNS = word_group("mission_noun")  # 'embassy', 'consulate'
_SEAT_NOUN = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(word_group('seat_noun'))))})\b")  # 'ministry'
SEAT_POPULATION_RATIO = 2.0  # a seat's town must outnumber its namesakes in that country this many times
_WORD = re.compile(r"[\w'’.&-]+")

# the kind of a place written around its name ('Clay County', 'Tewksbury Twp.', 'the Town of Groton'), a part of
# it before its name ('South Los Angeles', 'Downtown Greer') and an initial for a compass word ('W. Columbia')
_KIND_WORDS = "|".join(w.capitalize() for g in ("town_noun", "division_noun") for w in sorted(word_group(g)))
_KIND_AFFIX = re.compile(rf"\s+(?:{_KIND_WORDS}|Twp\.?)$|^(?:{_KIND_WORDS}) of\s+")
_PART_PREFIX = re.compile(rf"^(?:{'|'.join(w.capitalize() for w in sorted(word_group('place_cue_before')))})\s+(?=\S)")
_COMPASS = {"N": "North", "S": "South", "E": "East", "W": "West"}
_COMPASS_INITIAL = re.compile(r"^([NSEW])\.\s*")


def mention_for_span(
    text: str, start: int, end: int, *, gazetteer: Gazetteer | None = None
) -> Mention:
    """A Mention for a given span (e.g. a gold toponym), with whatever candidates its name has."""
    gaz = gazetteer or load_gazetteer()
    surface = text[start:end]
    if (gid := place_adjectives().get(norm_key(surface))) is not None and _KIND_NOUN_AFTER.match(text, end):
        row = _row_of_gid(gaz, gid)  # 'the English city of Salisbury': England, not English, Indiana
        return Mention(start, end, surface, norm_key(surface), np.array([row], np.int64), "demonym", 0, 0,
                       np.full(1, NAME_KINDS.index("demonym"), np.int8))
    variants = [surface, re.sub(r"['’]s?$", "", surface), re.sub(r"^(?:the|The)\s+", "", surface)]
    variants += [_KIND_AFFIX.sub("", v) for v in variants[:2]]  # 'Clay County', 'Tewksbury Twp.', 'Town of Groton'
    variants.append(_COMPASS_INITIAL.sub(lambda m: _COMPASS[m.group(1)] + " ", surface))  # 'W. Columbia'
    variants.append(_PART_PREFIX.sub("", surface))  # 'South Los Angeles', 'Downtown Greer': the place itself
    keys = [norm_key(v) for v in variants if v]
    if text[start - 4:start].lower() == "the " and keys[0] in the_forms(gaz):
        keys.insert(0, "the " + keys[0])  # 'in the Gulf': the curated sea, region or country of that form
    found = gaz.find_keys(keys)
    for key, k in zip(keys, found.tolist(), strict=True):
        if k >= 0:
            rows, kinds = gaz.rows_of_key(k), gaz.row_kinds_of_key(k)
            # local news names counties bare ('Clay and Becker counties'): let the county compete
            county = gaz.find_keys([key + " county", key + " parish"])
            for c in county[county >= 0].tolist():
                rows = np.concatenate([rows, gaz.rows_of_key(c)])
                kinds = np.concatenate([kinds, np.full(len(gaz.rows_of_key(c)), _ALT, np.int8)])
            return Mention(start, end, surface, key, rows, NAME_KINDS[int(gaz.key_kind[k])], 0, 0, kinds)
    return Mention(start, end, surface, norm_key(surface), np.zeros(0, np.int64), "name", 0, 0)




_KIND_NOUN_AFTER = re.compile(rf"\s+(?:{'|'.join(sorted(word_group('town_noun') | word_group('division_noun')))})s?\b")


@compiled
def place_adjectives() -> dict[str, int]:
    """place_adjectives.tsv: adjective (normalised) -> GeoNames id of the division it names before a town noun."""
    table = read_table("place_adjectives.tsv", dtype=str)
    return {norm_key(f): int(gid) for gid, forms in zip(table["gid"], table["forms"], strict=True)
            for f in forms.split("|")}


@functools.lru_cache(maxsize=64)
def _row_of_gid(gaz: Gazetteer, gid: int) -> int:
    return int(np.flatnonzero(gaz.gid == gid)[0])


def anchor_kind(surface: str) -> str:
    """The kind of its kind word ('Maumee River': water, see facilities.kind_of_name), 'street' for a name
    ending on a street word ('Royal Street', 'Elm St.'), else 'facility'."""
    if kind := kind_of_name(surface):
        return kind
    words = _WORD.findall(surface)
    last = words[-1].lower().rstrip(".") if words else ""
    return "street" if last in lexicon().street_words or last in name_parts("street_ending") else "facility"


def inner_mention(text: str, start: int, end: int, *, gazetteer: Gazetteer | None = None) -> Mention | None:
    """The longest capitalised gazetteer name inside a span (not the whole span), as a mention of the whole
    span: 'Manila Cathedral' stands in Manila, 'Tipperary County Council' in County Tipperary."""
    gaz = gazetteer or load_gazetteer()
    words = list(_WORD.finditer(text, start, end))
    kind_words = facility_words().any | facility_words().generic
    lowers = " ".join(w.group().lower() for w in words)
    # an embassy stands in the country it is sent to, not the one its name holds ('Russian Embassy', 'British
    # Embassy Tokyo'); a ministry, parliament or central bank named by its country's word in that country's capital
    mission = not _MISSION_NOUNS.isdisjoint(lowers.split())
    seat = not mission and _SEAT_NOUN.search(lowers) is not None
    # 'University of Alberta', 'Bank of Japan', 'Embassy of the Republic of Armenia': the place follows 'of'
    ofs = [k for k, w in enumerate(words) if w.group() == "of"]
    for lo in ([ofs[-1] + 1] if ofs else []) + [0]:
        part = words[lo:]
        for n in range(len(part) - (lo == 0), 0, -1):
            for i in range(len(part) - n + 1):
                s, e = part[i].start(), part[i + n - 1].end()
                if not text[s].isupper() or (n == 1 and len(text[s:e].rstrip(".")) <= 2 and not text[s:e].isupper()):
                    continue
                if all(w.group().lower().rstrip(".") in kind_words for w in part[i:i + n]):
                    continue  # 'University', 'Council': the kind of the place, not a town of that name
                if n == 1 and norm_key(text[s:e]) in not_place_words()["adjective"]:
                    continue  # 'Eastern Ghouta', 'Western Bahr el Ghazal': a compass word, not Uganda's Eastern Region
                m = mention_for_span(text, s, e, gazetteer=gaz)
                if (mission or seat) and len(m.rows) and (gaz.kind[m.rows] == _COUNTRY).all():
                    if mission:
                        continue
                    m = _capital_of(gaz, m.rows) or m
                if len(m.rows) and (lo + i == 0 or well_known(gaz, m.rows)):
                    return Mention(start, end, text[start:end], m.key, m.rows, m.name_kind, 0, 0, m.row_kinds,
                                   kind=anchor_kind(text[start:end]))
    return None


def _capital_of(gaz: Gazetteer, rows: np.ndarray) -> Mention | None:
    """A mention of the capital of the country of country rows (its most populous capital), or None."""
    row = _capital_rows(gaz).get(int(gaz.country[rows[0]]))
    return None if row is None else Mention(0, 0, "", "", np.array([row], np.int64), "name", 0, 0,
                                            np.zeros(1, np.int8) + NAME_KINDS.index("name"))


@functools.lru_cache(maxsize=4)
def _capital_rows(gaz: Gazetteer) -> dict[int, int]:
    """Country index -> the row of its most populous capital, read once per gazetteer."""
    capitals = np.flatnonzero(gaz.kind == _CAPITAL)
    out: dict[int, int] = {}
    for r in capitals[np.argsort(gaz.population[capitals], kind="stable")]:  # the most populous last, so it wins
        out[int(gaz.country[r])] = int(r)
    return out


@compiled
def institution_seats() -> dict[str, tuple[str, str]]:
    """The names and aliases of institutions.tsv (the bodies news names as actors: 'United Nations', 'Security
    Council', 'Bundestag') by normalised key -> (seat town, ISO3 or '')."""
    table = read_table("institutions.tsv", dtype=str).fillna("")
    out: dict[str, tuple[str, str]] = {}
    for name, aliases, country, seat in zip(table["name"], table["aliases"], table["country"], table["seat"],
                                            strict=True):
        if seat:
            for n in [name, *[a for a in aliases.split("|") if a]]:
                out.setdefault(norm_key(re.sub(r"^the\s+", "", n)), (seat, country))
    return out


def seat_mention(text: str, start: int, end: int, gaz: Gazetteer) -> Mention | None:
    """A given span that names an institution the gazetteer lacks ('Russia's mission to the United Nations')
    stands in its seat (New York), where one town of that name in its country is clearly the seat: a capital,
    or a town far more populous than its namesakes there."""
    surface = re.sub(r"^(?:the|The)\s+", "", text[start:end])
    seat = institution_seats().get(norm_key(surface))
    if seat is None:
        return None
    town, country = seat
    k = int(gaz.find_keys([norm_key(town)])[0])
    if k < 0:
        return None
    rows = gaz.rows_of_key(k)
    rows = rows[np.isin(gaz.kind[rows], (_CAPITAL, _CITY))]
    if country:
        rows = rows[gaz.country[rows] == gaz.country_codes.index(country)] if country in gaz.country_codes else rows[:0]
    if not len(rows):
        return None
    capitals = rows[gaz.kind[rows] == _CAPITAL]
    pop = np.sort(gaz.population[rows].astype(float))[::-1]
    if not len(capitals) and len(pop) > 1 and pop[0] < SEAT_POPULATION_RATIO * pop[1]:
        return None  # 'Arlington': no one town of the name is clearly the seat
    row = int(capitals[0]) if len(capitals) else int(rows[int(np.argmax(gaz.population[rows]))])
    return Mention(start, end, text[start:end], norm_key(surface), np.array([row], np.int64), "name", 0, 0,
                   np.zeros(1, np.int8) + NAME_KINDS.index("name"), kind="institution")


SMALL_TOWN_POPULATION = 100_000


def small_towns_only(gaz: Gazetteer, rows: np.ndarray) -> bool:
    """Whether a name has places and every one is a town or county of fewer than SMALL_TOWN_POPULATION people."""
    return bool(len(rows) and np.isin(gaz.kind[rows], list(_TOWN_KINDS)).all()
                and gaz.population[rows].max() < SMALL_TOWN_POPULATION)


_LOCATIVE_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(word_group('locative')))})\s+$", re.IGNORECASE)
_QUALIFIED = re.compile(r",\s+[A-Z]")


def written_as_town(text: str, start: int, end: int) -> bool:
    """Whether the text writes a name as a town's: after a locative word ('in Dawn') or qualified ('Dawn, Texas')."""
    return bool(_LOCATIVE_BEFORE.search(text, max(0, start - 12), start) or _QUALIFIED.match(text, end))


def anchor_rows(text: str, mentions: Sequence[Mention], rows: list[int], gaz: Gazetteer,
                sentences: Sequence[tuple[int, int]] | None = None,
                homes: set[tuple[int, int]] | None = None) -> list[int]:
    """Rows for the mentions left without one (-1): the nearest resolved place of the sentence, a town
    before a wider area, else of the article; they become facilities or streets there. A small town
    leading a facility's name in a country the article's places are not in is not where it stands
    ('Fennimore Tower' in an article on Brisbane). `homes`: the article's home states, if known (see
    local_features)."""
    placed = [i for i, r in enumerate(rows) if r >= 0 and not mentions[i].kind]
    countries = {int(gaz.country[rows[i]]) for i in placed}
    homes = _home_divisions(mentions, rows, placed, gaz) if homes is None else homes
    named = {rows[i] for i in placed}
    rows = [-1 if r >= 0 and m.kind and not well_known(gaz, m.rows) and (
        (countries and int(gaz.country[r]) not in countries)
        or (homes and r not in named and _division(gaz, r) not in homes)) else r
        for m, r in zip(mentions, rows, strict=True)]
    if placed and any(m.kind == "street" and r >= 0 for m, r in zip(mentions, rows, strict=True)):
        rows = _streets_near(mentions, rows, placed, gaz)
    rows = _placed_after(text, mentions, rows, gaz)
    missing = [i for i, r in enumerate(rows) if r < 0]
    if not missing or not placed:
        return rows
    sentences = split_sentences(text) if sentences is None else sentences
    starts = [s for s, _ in sentences]

    def sentence_of(pos: int) -> int:
        return max(bisect.bisect_right(starts, pos) - 1, 0)

    # a small town alone in its state, in an article at home in another ('Bourbon' read as Indiana's in an
    # article on New Orleans), is the last place a nameless building stands in
    strays = {j for j in placed if homes and _division(gaz, rows[j]) not in homes
              and int(gaz.population[rows[j]]) < WELL_KNOWN_POPULATION} if homes else set()
    out = list(rows)
    for i in missing:
        m = mentions[i]
        sent = sentence_of(m.start)

        def rank(j: int, m: Mention = m, sent: int = sent) -> tuple[bool, int, int]:
            other = mentions[j]
            town = int(gaz.kind[rows[j]]) in _TOWN_KINDS
            same = sentence_of(other.start) == sent
            tier = 0 if same and town else 1 if town else 2 if same else 3
            return j in strays, tier, min(abs(other.start - m.end), abs(m.start - other.end))

        best = min(placed, key=rank)
        out[i] = rows[best]
        m.kind = m.kind or anchor_kind(m.text)
    return out


HOME_NAMES = 3  # an article is at home in a state (first-level division) where this many of its names lie


@functools.lru_cache(maxsize=1 << 14)
def _division(gaz: Gazetteer, row: int) -> tuple[int, int]:
    """A row's country and first-level division (places repeat across a corpus)."""
    return int(gaz.country[row]), int(gaz.admin1[row])


def _division_names(mentions: Sequence[Mention], rows: list[int], placed: list[int],
                    gaz: Gazetteer) -> dict[tuple[int, int], set[str]]:
    """The article's names by the state (first-level division) of their places; demonyms name no place there
    ('German engineers' in an article on New Orleans)."""
    names: dict[tuple[int, int], set[str]] = {}
    for i in placed:
        if mentions[i].name_kind != "demonym":
            names.setdefault(_division(gaz, rows[i]), set()).add(mentions[i].key)
    return names


def _home_divisions(mentions: Sequence[Mention], rows: list[int], placed: list[int],
                    gaz: Gazetteer, names: dict[tuple[int, int], set[str]] | None = None) -> set[tuple[int, int]]:
    """The states that hold two or more of the article's names when one holds HOME_NAMES or more (an article on
    New Orleans names Louisiana, Lafayette and Franklin), else none."""
    if len({mentions[i].key for i in placed}) < HOME_NAMES:
        return set()
    names = _division_names(mentions, rows, placed, gaz) if names is None else names
    if max(map(len, names.values()), default=0) < HOME_NAMES:
        return set()
    return {d for d, v in names.items() if len(v) >= 2}


def local_features(text: str, mentions: Sequence[Mention], rows: list[int],
                   gaz: Gazetteer) -> tuple[list[int], set[tuple[int, int]]]:
    """Rows with -1 for the small towns that stand alone, unqualified, in another state of the country an article
    is at home in: news names such a town with its state ('Elkader, Iowa'), so the bare name is a street, square or
    mall of the home the gazetteer lacks ('rolled down Bourbon and Dauphine streets' in an article on New Orleans,
    'the Shops at Stonewall' in one on Virginia); anchor_rows then places it there. Also the article's home
    states (see _home_divisions), which those towns are not in."""
    placed = [i for i, r in enumerate(rows) if r >= 0 and not mentions[i].kind]
    if len(placed) < HOME_NAMES:
        return rows, set()
    names = _division_names(mentions, rows, placed, gaz)
    homes = _home_divisions(mentions, rows, placed, gaz, names)
    if not homes:
        return rows, homes
    countries = {c for c, _ in homes}
    alone = {d for d, v in names.items() if len(v) == 1 and d[0] in countries and d not in homes}
    lone = {key for d in alone for key in names[d]}
    out = rows
    for i in placed:
        r = rows[i]
        if mentions[i].key in lone and _division(gaz, r) in alone and int(gaz.kind[r]) == _CITY \
                and int(gaz.population[r]) < WELL_KNOWN_POPULATION and not _QUALIFIED.match(text, mentions[i].end):
            out = out if out is not rows else list(rows)
            out[i] = -1
    return out, homes


def near_feature(mentions: Sequence[Mention], text: str, chosen: dict[int, int], gaz: Gazetteer) -> None:
    """'the Maumee River near Toledo', 'Cedar Creek Lake outside Athens': a feature named after a town says in
    which country (and state) the place right after it lies, when that place has a namesake there."""
    for m, nxt in itertools.pairwise(mentions):
        if not m.kind or not len(m.rows) or nxt.kind or id(nxt) not in chosen \
                or not AFTER_GAP.fullmatch(text, m.end, nxt.start):
            continue
        own = {(int(gaz.country[r]), int(gaz.admin1[r])) for r in m.rows.tolist()}
        countries = {c for c, _ in own}
        if int(gaz.country[chosen[id(nxt)]]) in countries:
            continue
        there = [r for r in nxt.rows.tolist() if int(gaz.country[r]) in countries]
        if there:
            chosen[id(nxt)] = max(there, key=lambda r: ((int(gaz.country[r]), int(gaz.admin1[r])) in own,
                                                        int(gaz.population[r])))


STREET_NAMESAKE_KM = 150.0  # a street named after a town stands in that town only near the article's places


def _streets_near(mentions: Sequence[Mention], rows: list[int], placed: list[int], gaz: Gazetteer) -> list[int]:
    """A street named after a town ('Royal Street', 'Washington Street', 'Oxford Street') stands in the
    article's places, not in its namesake, unless the namesake lies near one of them (Oxford Street in an
    article on London stays near; Royal Street in an article on New Orleans is not in Royal City, Washington)."""
    own = set(placed)
    lat, lon = gaz.lat[[rows[i] for i in placed]], gaz.lon[[rows[i] for i in placed]]
    out = list(rows)
    for i, (m, r) in enumerate(zip(mentions, rows, strict=True)):
        if m.kind == "street" and r >= 0 and i not in own:
            if float(haversine_km(lon, lat, gaz.lon[r], gaz.lat[r]).min()) > STREET_NAMESAKE_KM:
                out[i] = -1
    return out


def _placed_after(text: str, mentions: Sequence[Mention], rows: list[int], gaz: Gazetteer) -> list[int]:
    """A facility followed by its town ('the Riverside Arena in Dayton', 'Percy French Hotel, Cavan', 'Hampton
    Avenue in the St. Louis Hills') stands there; a town inside its name yields only to another town."""
    out = list(rows)
    for i in range(len(mentions) - 1):
        m, nxt = mentions[i], mentions[i + 1]
        if not m.kind or nxt.kind or rows[i + 1] < 0 or not AFTER_GAP.fullmatch(text, m.end, nxt.start):
            continue
        if rows[i] < 0 or int(gaz.kind[rows[i + 1]]) in _TOWN_KINDS:
            out[i] = rows[i + 1]
    return out


__all__ = ["mention_for_span", "inner_mention", "seat_mention", "anchor_rows", "anchor_kind", "near_feature",
           "local_features",
           "small_towns_only", "well_known", "written_as_town"]
