"""Evidence about a name's candidates that needs no scoring state: how the text writes the name, how far
each candidate lies from the places chosen for the article's other names, and the words between a
country and a place it qualifies, and the qualifiers around a mention ("Alexandria, La.")."""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from analysis._resources import compiled, read_table
from analysis.extract import _kind_words as kw
from analysis.extract.gazetteer import KINDS
from analysis.extract.text import word_group
from analysis.geometry import EARTH_RADIUS_KM

if TYPE_CHECKING:
    from analysis.extract.gazetteer import Gazetteer
    from analysis.extract.mentions import Mention
    from analysis.extract.text import Dateline

QUALIFIER_BONUS = 6.0
METONYMY_BONUS = 2.0
DATELINE_BONUS = 3.0
KIND_WORD_BONUS = 3.0
DEMONYM_ADJECTIVE_BONUS = 4.0
_DEMONYM = 0  # gazetteer.NAME_KINDS: a row that bears the name as its people's word
# the people of a government 'in' a name (not 'state officials in'): the name is the seat of that government
_SEAT_PEOPLE = "|".join(sorted(map(re.escape, word_group("seat_people")), key=len, reverse=True))
_NOT_LOCAL = "".join(f"(?<!{re.escape(w)} )(?<!{re.escape(w.capitalize())} )"
                     for w in sorted(word_group("local_modifier")))  # 'State officials in Washington': the state
_SEAT_PEOPLE_IN = re.compile(rf"{_NOT_LOCAL}\b(?i:{_SEAT_PEOPLE}) in $")
# the affairs of a national government in the sentence around a name ('the sanctions were announced in Washington',
# 'a summit in Washington'): the seat of that government
_SEAT_AFFAIR_WORDS = "|".join(sorted(map(re.escape, word_group("seat_affair")), key=len, reverse=True))
_SEAT_AFFAIRS = re.compile(rf"\b(?i:{_SEAT_AFFAIR_WORDS})\b")
_LISTED_AFTER = re.compile(r"(?:,\s*|\s+(?:and|or)\s+)[A-Z]")  # 'Washington and Oregon', 'Washington, Idaho'
SEAT_AFFAIR_REACH = 120  # characters either side of a name where its sentence's affairs are read
_WORD_AFTER = re.compile(r" [A-Za-z]")  # 'Somali troops', 'Somali President': the word qualifies a noun
# kinds of place that stand side by side in a list: countries, first- and second-level divisions, towns, areas
_CLASS_OF = {"country": 0, "admin1": 1, "admin2": 2, "city": 3, "capital": 3}
_KIND_CLASS = np.array([_CLASS_OF.get(k, 4) for k in KINDS])
_TOWN_CLASS = _CLASS_OF["city"]
_DIVISION_CLASSES = (_CLASS_OF["admin1"], _CLASS_OF["admin2"])
_ADMIN2_CLASS = _CLASS_OF["admin2"]
PRECEDING_COUNTRY_BONUS = 2.5
_COUNTRY, _ADMIN1 = KINDS.index("country"), KINDS.index("admin1")
LIST_GAP = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*/\s*")

# 'pro-Moscow', 'anti-Kyiv' / 'Iran-backed', 'Kremlin-allied': a name in a side's word, not where anything is
_ALLEGIANCE_BEFORE = re.compile(rf"(?<![\w-])(?i:{'|'.join(sorted(word_group('allegiance_prefix')))})-$")
_ALLEGIANCE_AFTER = re.compile(rf"-(?:{'|'.join(sorted(word_group('allegiance_suffix')))})\b")
_DIVISION_WORDS = "|".join(re.escape(w) for w in sorted(word_group("division_noun"), key=len, reverse=True))
_DIVISION_SUFFIX = re.compile(rf"\s+(?:{_DIVISION_WORDS})$")  # 'Raleigh County' is written 'Raleigh' too


def allegiance(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] stands in a word of allegiance ('pro-Moscow rebels', 'Iran-backed
    militias', 'pro-Russian'): it says whom a side backs, not where anything is."""
    if text[start - 1:start] != "-" and text[end:end + 1] != "-":
        return False  # both forms join the name with a hyphen
    return bool(_ALLEGIANCE_BEFORE.search(text, max(0, start - 6), start) or _ALLEGIANCE_AFTER.match(text, end))


def written_form(name: str) -> str:
    """A name as written, bar case, accents and a possessive: 'St. Louis' and 'Saint-Louis' differ."""
    text = name.replace("’", "'")
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _ARTICLE_OR_POSSESSIVE.sub("", " ".join(text.lower().split()))


_ARTICLE_OR_POSSESSIVE = re.compile(r"^the\s+|'s?$")


@functools.lru_cache(maxsize=1 << 15)
def written_as(gaz: Gazetteer, rows_bytes: bytes, dtype: str, surface: str) -> np.ndarray | None:
    """Per candidate (sorted unique rows), whether its own name is written as the text writes it, when some
    are and some are not (else None: the written form tells them apart no more than not at all)."""
    form = written_form(surface)
    same = [form in (own := written_form(gaz.name(r)), _DIVISION_SUFFIX.sub("", own))
            for r in np.frombuffer(rows_bytes, dtype).tolist()]
    return np.array(same) if 0 < sum(same) < len(same) else None


@compiled
def descriptor_gap() -> re.Pattern[str]:
    """The words between a country and a place it qualifies: "'s capital", ' port city of'."""
    table = read_table("place_context_words.tsv")
    nouns = "|".join(sorted(table.loc[table["role"] == "descriptor", "word"], key=len, reverse=True))
    return re.compile(rf"^(?:['’]s)?\s+(?:[a-z-]+\s+){{0,3}}(?:{nouns})\s+(?:of\s+)?$")


def nearest_km(points: list[tuple[int, float, float]], lat: np.ndarray, lon: np.ndarray, cos_lat: np.ndarray,
               owner: np.ndarray) -> list[float]:
    """Per candidate, the distance to the nearest chosen point of another name (inf when there is none)."""
    if not points:
        return [math.inf] * len(lat)
    pname, plat, plon = map(np.array, zip(*points, strict=True))
    plat = np.radians(plat)
    dlon = np.radians(plon[None, :] - lon[:, None])
    a = (np.sin((plat[None, :] - lat[:, None]) / 2) ** 2
         + cos_lat[:, None] * np.cos(plat)[None, :] * np.sin(dlon / 2) ** 2)
    # not its own point, nor the very place another name chose ("Guatemala City ... Guatemala": no evidence)
    a[(pname[None, :] == owner[:, None]) | (a == 0)] = np.inf
    nearest = a.min(axis=1)
    # a >= 0 (cosines of latitudes are), so only the upper bound of arcsin's domain needs a clip
    d = EARTH_RADIUS_KM * 2 * np.arcsin(np.sqrt(np.minimum(nearest, 1)))
    d[nearest == np.inf] = np.inf
    return d.tolist()


def list_siblings(mentions: Sequence[Mention], text: str) -> Siblings:
    """Per name, the other names of the lists it stands in ('Arizona, California, Georgia and Ohio'):
    lists of three or more names joined by commas, 'and', 'or' or slashes. Two names joined by a comma
    are no list but a qualifier ('Paris, Texas'). Kept as the lists' name counts, so that a list of
    thousands of names costs time in proportion to its length, not to its square."""
    runs: list[list[int]] = [[0]]
    for i in range(1, len(mentions)):
        if LIST_GAP.fullmatch(text, mentions[i - 1].end, mentions[i].start):
            runs[-1].append(i)
        else:
            runs.append([i])
    out = Siblings([], defaultdict(list))
    for run in runs:
        if len(run) < 3:
            continue
        keys = Counter(mentions[i].key for i in run)
        if len(keys) >= 2:
            for key, n in keys.items():
                out.member[key].append((len(out.lists), n))
            out.lists.append(keys)
    return out


class Siblings(NamedTuple):
    """The lists of names of an article: each list's name counts, and per name (list number, count)."""

    lists: list[Counter[str]]
    member: dict[str, list[tuple[int, int]]]


def qualifier_bonus(gaz: Gazetteer, mentions: Sequence[Mention], text: str) -> list[dict[tuple[str, int], float]]:
    """Per mention: countries ('c', code) and divisions ('a', key) favoured by the words around it."""
    out: list[dict[tuple[str, int], float]] = [{} for _ in mentions]
    descriptor = descriptor_gap()
    for i, m in enumerate(mentions):
        if len(m.rows) < 2:
            continue  # a lone candidate needs no bonus (see resolve)
        # 'X, Y' where Y is a country or first-level division closing the phrase ('Alexandria, La.,'), or
        # an abbreviation whose period closes the sentence too ('drove to Monroeville, Ala. An alert ...')
        if i + 1 < len(mentions):
            nxt = mentions[i + 1]
            if text[m.end:nxt.start] in (", ", " (", ",") \
                    and (nxt.text.endswith(".") or kw.QUALIFIER_END.match(text, nxt.end)):
                ckeys = gaz.country[nxt.rows].astype(np.int64)
                akeys = (ckeys << 20) | gaz.admin1[nxt.rows].astype(np.int64)  # as geocode's division keys
                for k, c, a in zip(gaz.kind[nxt.rows].tolist(), ckeys.tolist(), akeys.tolist(), strict=True):
                    if k == _COUNTRY:
                        out[i][("c", c)] = QUALIFIER_BONUS
                    elif k == _ADMIN1:
                        out[i][("a", a)] = QUALIFIER_BONUS
        # 'the Russian port city of X', "Georgia's capital Tbilisi": a country word, then a descriptor
        if i > 0 and descriptor.match(text[mentions[i - 1].end:m.start]):
            prev = mentions[i - 1].rows
            for k, c in zip(gaz.kind[prev].tolist(), gaz.country[prev].tolist(), strict=True):
                if k == _COUNTRY:
                    out[i][("c", int(c))] = PRECEDING_COUNTRY_BONUS
    return out


def _demonym_rows(rows: np.ndarray, m: Mention) -> np.ndarray:
    """Per candidate, whether the mention names it as a people's word ('Somali' for Somalia, not for
    Ethiopia's Somali Region, which bears the name as its own)."""
    if len(m.row_kinds) != len(m.rows):
        return np.zeros(len(rows), bool)
    return np.isin(rows, m.rows[m.row_kinds == _DEMONYM])


def _seat_affair(text: str, start: int, end: int) -> bool:
    """Whether a name stands where a national government's affairs happen: after 'in', in a sentence that speaks
    of such affairs (word group seat_affair)."""
    if text[max(0, start - 3):start] != "in ":
        return False
    lo = max(text.rfind(". ", max(0, start - SEAT_AFFAIR_REACH), start), start - SEAT_AFFAIR_REACH, 0)
    hi = text.find(". ", end, end + SEAT_AFFAIR_REACH)
    return _SEAT_AFFAIRS.search(text, lo, hi if hi >= 0 else min(len(text), end + SEAT_AFFAIR_REACH)) is not None


def mention_evidence(static: Any, score: np.ndarray, m: Mention, qual: dict[tuple[str, int], float],
                      dateline: Dateline | None, text: str) -> np.ndarray:
    """A name's candidate scores plus the evidence around one of its mentions: qualifiers, metonymy, a dateline,
    a people's word used as an adjective ('Somali troops' are Somalia's), kind words."""
    for (what, code), bonus in qual.items():
        score = score + bonus * ((static.ckeys if what == "c" else static.akeys) == code)
    if m.metonymic:
        score = score + METONYMY_BONUS * static.seat
    if static.capital_bonus is not None and not _LISTED_AFTER.match(text, m.end) and (
            _SEAT_PEOPLE_IN.search(text, max(0, m.start - 40), m.start) or _seat_affair(text, m.start, m.end)):
        # 'officials in Washington', 'a summit in Washington': the capital (not 'officials in Washington and Oregon')
        score = score + static.capital_bonus
    if dateline is not None and dateline.place_start <= m.start < dateline.place_end:
        score = score + DATELINE_BONUS * (static.kind_class == _TOWN_CLASS)  # 'WASHINGTON (AP) —'
    start, end = m.start, m.end
    if m.name_kind == "demonym" and _WORD_AFTER.match(text, end) and not kw.DIVISION_AFTER.match(text, end):
        score = score + DEMONYM_ADJECTIVE_BONUS * _demonym_rows(static.rows, m)
    # both 'before' cues end on 'of'
    of = "of" in text[max(0, start - 12):start].lower() \
        and kw.OF_BEFORE.search(text, max(0, start - 12), start) is not None
    after = kw.kind_word_may_follow(text, end)
    if not (of or after):
        return score  # no kind word follows ('Jenin province') or precedes ('the city of Jenin') it
    if (of and kw.TOWN_BEFORE.search(text, max(0, start - 40), start)) or (after and kw.TOWN_AFTER.match(text, end)):
        return score + KIND_WORD_BONUS * (static.kind_class == _TOWN_CLASS)
    if (of and kw.DIVISION_BEFORE.search(text, max(0, start - 40), start)) \
            or (after and kw.DIVISION_AFTER.match(text, end)):
        return score + KIND_WORD_BONUS * ((static.kind_class == _DIVISION_CLASSES[0])
                                          | (static.kind_class == _DIVISION_CLASSES[1]))
    if after and kw.COUNTIES_AFTER.match(text, end):
        return score + KIND_WORD_BONUS * (static.kind_class == _ADMIN2_CLASS)
    return score
