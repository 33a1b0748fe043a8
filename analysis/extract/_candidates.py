"""What the gazetteer alone says about the candidates of a name (internal to `analysis.extract.geocode`):
their prior scores, countries and divisions, kinds and points, computed once per name and process.

A name has a few candidates (a few hundred at most): the per-candidate facts are read into plain lists
and worked out there, and numpy is called only for the floating-point maths and the arrays the scoring
reads, as numpy's cost per call dominates on such short arrays.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import numpy as np

from analysis.extract._candidate_evidence import _DIVISION_CLASSES, _KIND_CLASS, _TOWN_CLASS
from analysis.extract.gazetteer import KINDS, NAME_KINDS, Gazetteer
from analysis.geometry import haversine_km

KIND_BONUS = np.array([4.0, 1.0, 0.3, 0.0, 1.5, 3.0, 3.0, 3.0, 2.0, 2.0, 2.0])  # aligned with gazetteer.KINDS
POP_WEIGHT = 1.0
ALT_PENALTY = 1.5
NAMESAKE_CITY_BONUS = 1.5
NAMESAKE_DIVISION_KM = 50.0
SEAT_CONTEXT = 2.5
FAMOUS_POPULATION = 500_000
BIG_TOWN_POPULATION = 100_000  # a town a division named like it yields to (see _namesake_division_penalty)
_COUNTRY, _ADMIN1, _ADMIN2, _CAPITAL, _CITY = map(KINDS.index, ("country", "admin1", "admin2", "capital", "city"))
_ALT = NAME_KINDS.index("alt")
_AREA_KINDS = np.array([KINDS.index(k) for k in ("country", "continent", "region", "water")])
_AREA_KIND_SET = frozenset(_AREA_KINDS.tolist())
_TOWN_KINDS = (_CITY, _CAPITAL)
_SEAT_KINDS = (_CAPITAL, _COUNTRY)
_IS_SEAT_KIND = np.isin(np.arange(len(KINDS)), _SEAT_KINDS)  # by kind number: a look-up, not np.isin per name
_NO_ADMIN1 = [0]  # code of the empty division name (the first of the sorted names)
_ADMIN1_BITS = (1 << 20) - 1  # the division part of a division key (country << 20 | division)


class Static(NamedTuple):
    """What the gazetteer alone says about the candidates of a name (cached across articles)."""

    rows: np.ndarray
    ckeys: np.ndarray
    akeys: np.ndarray
    score: np.ndarray  # the prior, with the namesake-city bonus and the alternate-name penalty
    seat: np.ndarray  # capitals and countries (what a metonymic name favours)
    info: dict[int, tuple[int, int, int, float, float]]  # row -> kind, country, admin1, lat, lon (degrees)
    kind_class: np.ndarray  # _KIND_CLASS of each candidate
    divisions: dict[int, float]  # first-level division key -> best prior of the candidates in it
    votes: bool  # whether the name counts in geocode._shared_division_support (see there)
    famous: bool  # whether its best candidate is a national capital of FAMOUS_POPULATION or more
    seat_country: int  # the country of its best candidate when that is a country or capital, else -1
    capital_bonus: np.ndarray | None  # SEAT_CONTEXT for its national capitals, when a division shares the name
    capital_countries: frozenset[int]  # the countries of those capitals
    divisions_named: frozenset[int]  # its first-level divisions (rows)
    # rows, ckeys, akeys, kind_class, great (a national capital of FAMOUS_POPULATION or more), by_name (the
    # name is an alternate one of it only) and point (a place with a point: no country, continent, region
    # or sea) stacked, as geocode._batch reads them
    ints: np.ndarray
    floats: np.ndarray  # lat (radians), lon (degrees), cos(lat) stacked


@functools.lru_cache(maxsize=1 << 15)
def static_candidates(gaz: Gazetteer, key: str, dtype: str, rows_bytes: bytes, kinds_bytes: bytes) -> Static:
    """The candidates of a name and their prior scores; names repeat across a corpus, so this is cached."""
    m_rows = np.frombuffer(rows_bytes, dtype)
    listed = m_rows.tolist()
    # each row once, sorted, with the first place it has in the mention's rows (as np.unique gives them)
    first_of = dict(zip(reversed(listed), range(len(listed) - 1, -1, -1), strict=True))
    row_list = sorted(first_of)
    rows = np.array(row_list, dtype=m_rows.dtype)
    kinds = gaz.kind[rows]
    kind_l, country_l = kinds.tolist(), gaz.country[rows].tolist()
    admin1_l, pop_l = gaz.admin1[rows].tolist(), gaz.population[rows].tolist()
    akey_l = [(c << 20) | a for c, a in zip(country_l, admin1_l, strict=True)]
    m_kinds = kinds_bytes if len(kinds_bytes) == len(listed) else b""  # int8 codes, one per mention row
    by_name = [m_kinds[first_of[r]] == _ALT for r in row_list] if m_kinds else [False] * len(row_list)
    big_town = [k in _TOWN_KINDS and p >= BIG_TOWN_POPULATION for k, p in zip(kind_l, pop_l, strict=True)]
    # a big city named like its own first-level division ('New York', 'Sao Paulo') is what news means
    divisions_of_name = {a for a, k in zip(akey_l, kind_l, strict=True) if k == _ADMIN1}
    namesake = [t and a in divisions_of_name for t, a in zip(big_town, akey_l, strict=True)]
    score_l = _prior(gaz, rows, kinds).tolist()
    if m_kinds:  # 'New York' is an alternate name of New York City
        score_l = [s - (ALT_PENALTY if alt and not ns else 0.0) for s, alt, ns in zip(score_l, by_name, namesake,
                                                                                        strict=True)]
    penalty = _namesake_division_penalty(gaz, rows, kind_l, akey_l, big_town)
    score_l = [s + (NAMESAKE_CITY_BONUS if ns else 0.0) - p for s, ns, p in zip(score_l, namesake, penalty,
                                                                                 strict=True)]
    lat_deg, lon = gaz.lat[rows], gaz.lon[rows]
    info = dict(zip(row_list, zip(kind_l, country_l, admin1_l, lat_deg.tolist(), lon.tolist(), strict=True),
                    strict=True))
    divisions: dict[int, float] = {}
    for a, sc in zip(akey_l, score_l, strict=True):
        if a & _ADMIN1_BITS != _NO_ADMIN1[0] and sc > divisions.get(a, -np.inf):
            divisions[a] = sc
    kind_class = _KIND_CLASS[kinds]
    top = score_l.index(max(score_l))  # the first of the best, as np.argmax
    top_kind = kind_l[top]
    votes = top_kind not in _SEAT_KINDS and int(kind_class[top]) in (*_DIVISION_CLASSES, _TOWN_CLASS)
    great = [k == _CAPITAL and p >= FAMOUS_POPULATION for k, p in zip(kind_l, pop_l, strict=True)]
    kind_set = set(kind_l)
    capital_named = _CAPITAL in kind_set and _ADMIN1 in kind_set and _COUNTRY not in kind_set
    capitals = [k == _CAPITAL for k in kind_l]
    point = [k not in _AREA_KIND_SET for k in kind_l]
    lat = np.radians(lat_deg)
    ints = np.array([row_list, country_l, akey_l, kind_class, great, by_name, point], dtype=np.int64)
    return Static(rows, ints[1], ints[2], np.array(score_l), _IS_SEAT_KIND[kinds], info, kind_class, divisions,
                  votes, great[top], country_l[top] if top_kind in _SEAT_KINDS else -1,
                  SEAT_CONTEXT * np.array(capitals) if capital_named else None,
                  frozenset(c for c, cap in zip(country_l, capitals, strict=True) if cap),
                  frozenset(r for r, k in zip(row_list, kind_l, strict=True) if k == _ADMIN1),
                  ints, np.array([lat, lon, np.cos(lat)], dtype=np.float64))


def _prior(gaz: Gazetteer, rows: np.ndarray, kinds: np.ndarray) -> np.ndarray:
    return POP_WEIGHT * np.log10(gaz.population[rows].astype(float) + 10.0) + KIND_BONUS[kinds]


def _namesake_division_penalty(gaz: Gazetteer, rows: np.ndarray, kinds: list[int], akeys: list[int],
                               big_town: list[bool]) -> list[float]:
    """A second-level division named like the big city it holds yields to the city ('Liverpool', 'Barcelona',
    'Calgary': news writes 'X County', 'the province of X' or 'the borough of X' for the division)."""
    out = [0.0] * len(kinds)
    town_divisions = {a for a, t in zip(akeys, big_town, strict=True) if t}
    for d, (k, a) in enumerate(zip(kinds, akeys, strict=True)):
        if k == _ADMIN2 and a in town_divisions:  # a handful at most
            near = rows[[i for i, (t, b) in enumerate(zip(big_town, akeys, strict=True)) if t and b == a]]
            km = haversine_km(gaz.lon[near], gaz.lat[near], gaz.lon[rows[d]], gaz.lat[rows[d]])
            out[d] = NAMESAKE_CITY_BONUS * bool((km <= NAMESAKE_DIVISION_KM).any())
    return out
