"""What the gazetteer says about a name, for the place mentions and their recognition rules (internal to
`analysis.extract.mentions`): computed once per name and remembered across articles."""

from __future__ import annotations

import functools
from typing import NamedTuple

import numpy as np

from analysis.extract.gazetteer import KINDS, NAME_KINDS, Gazetteer
from analysis.extract.place_rules import DEMONYM, NOT_AREA, VERY_WEAK, WEAK

STRONG_KINDS = frozenset({KINDS.index(k) for k in ("country", "region", "continent", "water", "institution", "facility",
                                                 "street")})
_ADMIN1 = KINDS.index("admin1")
_CAPITAL = KINDS.index("capital")
_COUNTRY = KINDS.index("country")


class _KeyFacts(NamedTuple):
    """What the gazetteer says about a name, for the mentions and the recognition rules (cached across
    articles)."""

    rows: np.ndarray  # the places of the name
    row_kinds: np.ndarray  # how each of them carries the name
    name_kind: str  # the strongest of those (NAME_KINDS)
    strength: int  # see `_strength`
    area: bool  # a country-like name (country, region, sea, demonym, country abbreviation), not a big capital
    max_population: int
    any_abbr: bool
    all_abbr: bool
    all_alt: bool
    seat: bool  # a capital's or a country's name
    country: bool  # a country's name
    own_strength: int  # `_strength` over the places that bear the name as their own, not as an alternate
    small_alt: bool  # only an alternate name of small places (see place_rules.small_alternate)
    rule_flags: int  # the rule preconditions these facts set (`fact_flags`)


def small_alternate_name(strength: int, all_alt: bool, max_population: int) -> bool:
    """Whether a name is only an alternate name of small places (see place_rules.small_alternate)."""
    return strength < 2 and all_alt and max_population < 20_000


def fact_flags(area: bool, demonym: bool, strength: int) -> int:
    """The rule preconditions that what the gazetteer says of a name sets (see place_rules.match)."""
    return (not area) * NOT_AREA | demonym * DEMONYM | (strength < 2) * WEAK | (strength < 1) * VERY_WEAK


class _FactsOf(dict[int, _KeyFacts]):
    """`facts[k]`: `_key_facts` of a gazetteer's key number k, remembered (up to MAX_FACTS keys)."""

    def __init__(self, gaz: Gazetteer) -> None:
        super().__init__()
        self.gaz = gaz

    def __missing__(self, k: int) -> _KeyFacts:
        if len(self) >= MAX_FACTS:
            self.clear()
        facts = self[k] = _key_facts(self.gaz, k)
        return facts


MAX_FACTS = 1 << 16


@functools.lru_cache(maxsize=4)
def facts_of(gaz: Gazetteer) -> _FactsOf:
    """The remembered facts of a gazetteer's names (a name's arrays stay the same objects from article to article)."""
    return _FactsOf(gaz)


def _key_facts(gaz: Gazetteer, k: int) -> _KeyFacts:
    """What the gazetteer says about key number k."""
    first, stop = gaz.key_span(k)
    rows, row_kinds = gaz.rows[first:stop], gaz.row_kind[first:stop]
    # a name has a few places: plain lists cost less than numpy calls on them
    how, kind_list, pops = row_kinds.tolist(), gaz.kind[rows].tolist(), gaz.population[rows].tolist()
    kinds = set(kind_list)
    name_kind = NAME_KINDS[gaz.key_kind[k]]
    demonym = name_kind == "demonym"
    has_abbr = 2 in how
    max_pop = max(pops)
    n_alt = how.count(3)
    strength, all_alt = _strength(kinds, demonym, has_abbr, max_pop), n_alt == len(how)
    area = bool(kinds & STRONG_KINDS) or demonym or has_abbr
    return _KeyFacts(rows, row_kinds, name_kind, strength, area,
                     max_pop, has_abbr, how.count(2) == len(how), all_alt,
                     bool({_CAPITAL, _COUNTRY} & kinds), _COUNTRY in kinds,
                     _own_strength(how, kind_list, pops, demonym, has_abbr) if n_alt else strength,
                     small_alternate_name(strength, all_alt, max_pop),
                     fact_flags(area, demonym, strength))


def _own_strength(how: list[int], kinds: list[int], pops: list[int], demonym: bool, has_abbr: bool) -> int:
    """The strength of a name over the places whose own (or abbreviated) name it is: 'Adams' is a small
    town's name, though a Chinese city of 100,000 lists it among its alternate names."""
    own = [i for i, h in enumerate(how) if h != 3]
    if not own:
        return 0
    return _strength({kinds[i] for i in own}, demonym, has_abbr, max(pops[i] for i in own))


def _strength(kinds: set[int], demonym: bool, has_abbr: bool, max_population: int) -> int:
    """2 for countries, demonyms, regions and seas; 1 for first-level divisions and cities of 100,000
    or more; 0 for other places."""
    if kinds & STRONG_KINDS or demonym or has_abbr:
        return 2
    if _CAPITAL in kinds and max_population >= 100_000:
        return 2  # 'Berlin rejected', 'said Berlin would': a national capital is no common word
    if _ADMIN1 in kinds or max_population >= 100_000:
        return 1
    return 0
