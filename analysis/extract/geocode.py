"""Resolve place mentions to gazetteer entries, using the article as context.

Each candidate gets a prior from its population and feature importance (country, capital, first-level
division ...), then evidence from the article:
- qualifiers right after the name ('Vladivostok, Russia', 'Alexandria, La.', 'Paris, Texas', also when the
  abbreviation's period ends the sentence: 'Monroeville, Ala. An alert ...') and
  country words just before it ('the Russian port city of Vladivostok');
- the countries and first-level divisions that the article's other places point to (a town in the
  state the article is about beats a bigger namesake elsewhere), starting from the divisions that
  hold candidates of several of the article's names ('Forsyth and Hall counties' are both in Georgia);
- nearness to the article's other places;
- metonymic use ('Washington warned') favours the capital; a dateline ('WASHINGTON (AP) —') and a kind
  word ('the city of Jenin', 'Jenin province') favour the town or the division.
One sense per name per article: all mentions of a name share the resolution.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import numpy as np

from analysis.extract._candidate_evidence import (
    _KIND_CLASS,
    Siblings,
    allegiance,
    list_siblings,
    mention_evidence,
    nearest_km,
    qualifier_bonus,
    written_as,
)
from analysis.extract._candidates import (
    _ADMIN1,
    _ADMIN2,
    _AREA_KIND_SET,
    _COUNTRY,
    _NO_ADMIN1,
    Static,
    static_candidates,
)
from analysis.extract.anchors import (
    anchor_rows,
    inner_mention,
    local_features,
    mention_for_span,
    near_feature,
    seat_mention,
    small_towns_only,
    written_as_town,
)
from analysis.extract.facilities import well_known
from analysis.extract.gazetteer import Gazetteer, load_gazetteer
from analysis.extract.mentions import Mention, dateline_of, find_mentions
from analysis.extract.records import Place

COUNTRY_CONTEXT = 4.0
ADMIN1_CONTEXT = 3.0
NEARBY = 4.0
NEARBY_KM = 75.0
LIST_BONUS = 3.0
SHARED_DIVISION = ADMIN1_CONTEXT
WRITTEN_FORM_BONUS = 1.5
NEAR_SUPPORT_KM = 150.0
SYNTHETIC_GID = 990_000_000  # the project's own ids for curated regions (not GeoNames)


def resolve(mentions: Sequence[Mention], text: str, *, gazetteer: Gazetteer | None = None) -> list[int]:
    """The chosen gazetteer row for each mention (-1 when it has no candidate)."""
    gaz = gazetteer or load_gazetteer()
    if not mentions:
        return []
    groups: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[m.key].append(i)
    qual = qualifier_bonus(gaz, mentions, text)
    dateline = dateline_of(text)  # a dateline names a city

    cand: dict[str, _Candidates] = {}
    for key, idx in groups.items():
        m0 = mentions[idx[0]]
        static, written = _static_of(gaz, key, m0.rows, m0.row_kinds, m0.text)
        score = static.score
        if len(static.rows) < 2:  # a lone candidate is chosen whatever its score
            cand[key] = _Candidates(static, score, len(idx))
            continue
        # 'St. Louis' is written as Missouri's city is named, not as Senegal's Saint-Louis
        if written is not None:
            score = score + WRITTEN_FORM_BONUS * written
        for i in idx:
            score = mention_evidence(static, score, mentions[i], qual[i], dateline, text)
        cand[key] = _Candidates(static, score, len(idx))

    for key, seat_bonus in _world_news_support(gaz, cand).items():
        cand[key] = cand[key]._replace(score=cand[key].score + seat_bonus)
    shared = _shared_division_support(cand)
    choice = {key: int(c.static.rows[int((c.score + shared[key] if key in shared else c.score).argmax())
                                     if len(c.score) > 1 else 0]) for key, c in cand.items()}
    batch = _batch(cand)
    if batch is not None:
        siblings = list_siblings(mentions, text)
        for _ in range(2):  # context from the other names' current choices, then re-choose
            new = _rescore(cand, choice, batch, siblings)
            if new == choice:
                break  # a fixed point: another pass would choose the same
            choice = new
    return [choice[m.key] for m in mentions]


_STATICS: dict[tuple[Gazetteer, str, int, int, str], tuple[np.ndarray, np.ndarray, Static, np.ndarray | None]] = {}


def _static_of(gaz: Gazetteer, key: str, rows: np.ndarray, row_kinds: np.ndarray,
               surface: str) -> tuple[Static, np.ndarray | None]:
    """`static_candidates` and `written_as` for a mention's arrays. A name's arrays are the same objects from
    article to article (see mentions._facts_of): they are looked up by identity first, and kept alive with
    the answer so that their identities stay theirs."""
    known = (gaz, key, id(rows), id(row_kinds), surface)
    hit = _STATICS.get(known)
    if hit is not None:
        return hit[2], hit[3]
    static = static_candidates(gaz, key, rows.dtype.str, rows.tobytes(), row_kinds.tobytes())
    written = written_as(gaz, static.rows.tobytes(), static.rows.dtype.str, surface) if len(static.rows) > 1 else None
    if len(_STATICS) >= 1 << 15:
        _STATICS.clear()
    _STATICS[known] = (rows, row_kinds, static, written)
    return static, written


def _shared_division_support(cand: dict[str, _Candidates]) -> dict[str, np.ndarray]:
    """Per name with two or more candidates, a bonus for its candidates in the first-level division that
    holds candidates of the most of the article's names ('Paris and Henry County': Tennessee has both),
    by the share of the other names there; among divisions holding as many names, the one whose names
    have the best priors there. It sets the first choice only, which the context of the chosen places
    then refines: starting from each name's biggest namesake, one name can pull the others to its
    namesake's state, or two names can swap states back and forth. A name that is first of all a
    country or a national capital ('Egypt', 'Cairo') does not count for the states of its small
    namesakes (Egypt and Cairo in Illinois)."""
    if len(cand) < 2:
        return {}
    voters = [c.static.divisions for c in cand.values() if c.static.votes]
    names: Counter[int] = Counter()
    for divisions in voters:
        names.update(divisions.keys())
    # a country's or capital's name counts for a division only where a name that votes has a candidate
    # too ('Georgia' and 'Albany': the state of Georgia holds Albany; Egypt and Cairo alone vote nowhere)
    seconded = [names.keys() & c.static.divisions.keys() for c in cand.values() if not c.static.votes]
    for held in seconded:
        names.update(held)
    out: dict[str, np.ndarray] = {}
    shared = {a for a, n in names.items() if n >= 2}
    if not shared:
        return out  # no division holds two names: no bonus anywhere
    # the names' best priors in each division that holds two or more, summed in the names' order
    joint = dict.fromkeys(shared, 0.0)
    for divisions in voters:
        for a in shared.intersection(divisions):
            joint[a] += divisions[a]
    rank = {a: (names[a], joint[a]) for a in shared}
    for key, c in cand.items():
        st = c.static
        if len(st.rows) < 2 or shared.isdisjoint(st.divisions):
            continue
        # the best of its divisions, if it holds two or more names, is the best of those that do (in order)
        best = max(filter(shared.__contains__, st.divisions), key=rank.__getitem__)
        if names[best] >= 2:
            out[key] = SHARED_DIVISION * (names[best] - 1) / (len(cand) - 1) * (st.akeys == best)
    return out


def _world_news_support(gaz: Gazetteer, cand: dict[str, _Candidates]) -> dict[str, np.ndarray]:
    """In an article that names a foreign country or capital, a national capital named like a division of its country
    is the capital ('Freeland left for Washington', 'Canadian talks in Washington'), not the state."""
    named = {c.static.seat_country for c in cand.values()}
    named.discard(-1)
    out: dict[str, np.ndarray] = {}
    if not named:
        return out
    # a division the article names by another name of its own ('Camp Murray, Wash.', 'Washington state') stays
    # the division where its bare name stands
    divisions = {int(c.static.rows[0]) for c in cand.values() if len(c.static.rows) == 1}
    for key, c in cand.items():
        st = c.static
        if st.capital_bonus is not None and named - st.capital_countries and divisions.isdisjoint(st.divisions_named):
            out[key] = st.capital_bonus
    return out


class _Candidates(NamedTuple):
    static: Static
    score: np.ndarray
    n: int


class _Batch(NamedTuple):
    """The candidates of all ambiguous names of an article, end to end, to score them in one go: the
    distances between candidates and chosen points with numpy, the rest in plain Python (the lists
    are short: a few dozen candidates, where numpy's cost per call would dominate)."""

    number: dict[str, int]  # every name of the article -> its number
    names: list[str]  # the ambiguous names
    bounds: list[tuple[int, int]]  # where each ambiguous name's candidates begin and end
    owner: list[int]  # per candidate: the number of its name
    rows: list[int]
    ckeys: list[int]
    akeys: list[int]
    kind_class: list[int]
    score: list[float]
    famous: list[bool]  # per candidate: its name's `_Static.famous`
    great: list[int]  # per candidate: a national capital of FAMOUS_POPULATION or more (1, else 0)
    by_name: list[int]  # per candidate: `_Static.by_name` (1, else 0)
    owner_array: np.ndarray  # `owner`, `lat`, `lon` and `cos_lat` as arrays, for the distances
    point: list[int]  # per candidate: a place with a point (1, else 0)
    lat: np.ndarray
    lon: np.ndarray
    cos_lat: np.ndarray


def _batch(cand: dict[str, _Candidates]) -> _Batch | None:
    names = [key for key, c in cand.items() if len(c.static.rows) > 1]
    if not names:
        return None
    number = {key: i for i, key in enumerate(cand)}
    parts = [cand[key].static for key in names]
    sizes = [len(p.rows) for p in parts]
    stops = list(itertools.accumulate(sizes))
    owner: list[int] = []  # (lists repeated, not an item per candidate)
    famous: list[bool] = []
    for key, p, size in zip(names, parts, sizes, strict=True):
        owner += [number[key]] * size
        famous += [p.famous] * size
    # two concatenations for all fields: numpy's cost per call dominates on a few dozen candidates
    rows, ckeys, akeys, kind_class, great, by_name, point = np.concatenate([p.ints for p in parts], axis=1).tolist()
    lat, lon, cos_lat = np.concatenate([p.floats for p in parts], axis=1)
    return _Batch(number, names, list(zip([0, *stops[:-1]], stops, strict=True)), owner, rows, ckeys, akeys,
                  kind_class, np.concatenate([cand[key].score for key in names]).tolist(),
                  famous, great, by_name, np.array(owner), point, lat, lon, cos_lat)


def _rescore(cand: dict[str, _Candidates], choice: dict[str, int], batch: _Batch,
             siblings: Siblings) -> dict[str, int]:
    """Re-choose every ambiguous name given the countries, divisions and points of the others, and the
    kind and country of the names listed with it."""
    country_w: dict[int, float] = defaultdict(float)
    admin1_w: dict[int, float] = defaultdict(float)
    named_a: dict[int, float] = defaultdict(float)  # divisions named as such (a state, a county), not through a town
    own: list[tuple[int, int, float, float]] = [(0, 0, 0.0, 0.0)] * len(cand)  # per name: its chosen country,
    points: list[tuple[int, float, float]] = []  # division and their weights
    for key, row in choice.items():
        n = cand[key].n
        kind, c, a1, lat, lon = cand[key].static.info[row]
        a = (c << 20) | a1
        wc = n * (1.0 if kind == _COUNTRY else 0.6)
        wa = (n if kind == _ADMIN1 else 0.6 * n) if a1 != _NO_ADMIN1[0] else 0.0
        country_w[c] += wc
        admin1_w[a] += wa
        if kind in (_ADMIN1, _ADMIN2):
            named_a[a] += wa
        own[batch.number[key]] = (c, a, wc, wa)
        if kind not in _AREA_KIND_SET and kind != _ADMIN1:
            points.append((batch.number[key], lat, lon))
    total_c = sum(country_w.values())
    total_a = sum(admin1_w.values())
    score = batch.score.copy()
    km = nearest_km(points, batch.lat, batch.lon, batch.cos_lat, batch.owner_array)
    famous, great, by_name, ckeys, akeys = batch.famous, batch.great, batch.by_name, batch.ckeys, batch.akeys
    get_c, get_a = country_w.get, admin1_w.get
    for name, (start, stop) in zip(batch.names, batch.bounds, strict=True):
        c0, a0, wc0, wa0 = own[batch.number[name]]  # the name's own choice does not count
        count_c, count_a = total_c - wc0 > 0, total_a - wa0 > 0
        if not (count_c or count_a):
            continue
        denom_c = total_c - wc0 if total_c - wc0 >= 1e-9 else 1e-9  # (as max(), without its call)
        denom_a = total_a if total_a >= 1e-9 else 1e-9
        is_famous = famous[start]
        # a country or division no chosen place is in adds nothing (its own choice's always is)
        for i in range(start, stop):
            if is_famous and not great[i] and (by_name[i] or (km[i] > NEAR_SUPPORT_KM and akeys[i] not in named_a)):
                continue  # 'from Houston to Paris': a great capital's far namesake needs its state or county named
            # (a weight of none or less adds nothing, and is not added)
            if count_c and (cw := get_c(ckeys[i])) is not None and (cw := cw - (wc0 if ckeys[i] == c0 else 0.0)) > 0:
                score[i] += COUNTRY_CONTEXT * cw / denom_c
            if count_a and (aw := get_a(akeys[i])) is not None and (aw := aw - (wa0 if akeys[i] == a0 else 0.0)) > 0:
                score[i] += ADMIN1_CONTEXT * aw / denom_a
    if points:  # (with none, every distance is infinite and adds nothing)
        exp = math.exp
        score = [s + NEARBY * exp(-d / NEARBY_KM) if p else s for s, d, p in zip(score, km, batch.point, strict=True)]
    if siblings.lists:
        _add_list_bonus(score, cand, choice, batch, siblings)
    chosen: dict[str, int] = {}
    for name, (start, stop) in zip(batch.names, batch.bounds, strict=True):
        best = score[start:stop]
        chosen[name] = batch.rows[start + best.index(max(best))]  # the first of the best
    return {key: chosen[key] if key in chosen else int(c.static.rows[0]) for key, c in cand.items()}


def _add_list_bonus(score: list[float], cand: dict[str, _Candidates], choice: dict[str, int], batch: _Batch,
                    siblings: Siblings) -> None:
    """A name listed among US states is a US state; among countries, a country: each candidate gains
    LIST_BONUS times the share of the name's list mates whose choice is of its kind and country."""
    classes: list[Counter[tuple[int, int]]] = []
    sizes = [sum(keys.values()) for keys in siblings.lists]
    for keys in siblings.lists:
        of_list: Counter[tuple[int, int]] = Counter()
        for key, n in keys.items():
            of_list[_choice_class(cand, choice, key)] += n
        classes.append(of_list)
    for name, (start, stop) in zip(batch.names, batch.bounds, strict=True):
        where = siblings.member.get(name)
        if not where:
            continue
        own = _choice_class(cand, choice, name)
        mates = sum(n * (sizes[r] - n) for r, n in where)
        for i in range(start, stop):
            cls = (batch.kind_class[i], batch.ckeys[i])
            same = cls == own
            count = sum(n * (classes[r].get(cls, 0) - (n if same else 0)) for r, n in where)
            if count:
                score[i] += LIST_BONUS * count / mates


def _choice_class(cand: dict[str, _Candidates], choice: dict[str, int], key: str) -> tuple[int, int]:
    """The kind class and country of a name's current choice."""
    kind, country, *_ = cand[key].static.info[choice[key]]
    return int(_KIND_CLASS[kind]), country


def place_record(gaz: Gazetteer, m: Mention, row: int) -> Place:
    """The place of a resolved mention (fields of schema.PLACE_FIELDS)."""
    if row < 0:
        return Place(m.start, m.end, m.text, None, m.kind or None, None, None, None, None, m.metonymic)
    gid, name, own_kind, country, lat, lon = _row_fields(gaz, row)
    kind = m.kind or ("demonym" if m.name_kind == "demonym" else own_kind)
    if m.kind:
        gid = SYNTHETIC_GID  # a building, street or feature: the point of the place it stands in, not its own
    return Place(m.start, m.end, m.text, name, kind, country, lat, lon, gid if gid < SYNTHETIC_GID else None,
                 m.metonymic)


@functools.lru_cache(maxsize=1 << 14)
def _row_fields(gaz: Gazetteer, row: int) -> tuple[int, str, str, str | None, float, float]:
    """A row's id, name, kind, country (None when it has none) and rounded point (places repeat across a corpus)."""
    return (int(gaz.gid[row]), gaz.name(row), gaz.kind_of(row), gaz.country_of(row) or None,
            round(float(gaz.lat[row]), 5), round(float(gaz.lon[row]), 5))


def resolve_placed(mentions: Sequence[Mention], text: str, *, gazetteer: Gazetteer | None = None,
                   sentences: Sequence[tuple[int, int]] | None = None) -> list[int]:
    """`resolve` for mentions that include buildings, streets and features (`Mention.kind`): they stand where
    analysis.extract.anchors places them; one named after a small town does not set the article's context
    ('Fennimore Tower' in Brisbane)."""
    gaz = gazetteer or load_gazetteer()
    known = [m for m in mentions if len(m.rows)]
    weak_ids = {id(m) for m in known if m.kind and not well_known(gaz, m.rows)}
    weak = [m for m in known if id(m) in weak_ids]
    # 'pro-Moscow separatists in Donetsk': a name in a word of allegiance sets no context for the others
    sides = [m for m in known if not m.kind and allegiance(text, m.start, m.end)]
    aside = {id(m) for m in sides}
    strong = [m for m in known if id(m) not in weak_ids and id(m) not in aside] if weak_ids or aside else known
    chosen = dict(zip((id(m) for m in strong), resolve(strong, text, gazetteer=gaz), strict=True))
    near_feature(mentions, text, chosen, gaz)
    by_key = {m.key: chosen[id(m)] for m in strong}
    for m in sides:  # the article's choice for the name, else the name's own best
        chosen[id(m)] = by_key[m.key] if m.key in by_key else resolve([m], text, gazetteer=gaz)[0]
    # a weak name takes its name's choice, else its candidate in the state, else the country, of a chosen place
    states = {(int(gaz.country[r]), int(gaz.admin1[r])) for r in chosen.values()} if weak else set()
    countries = {c for c, _ in states}
    for m in weak:
        chosen[id(m)] = by_key.get(m.key) or max(m.rows.tolist(), key=lambda r: (
            (int(gaz.country[r]), int(gaz.admin1[r])) in states, int(gaz.country[r]) in countries,
            int(gaz.population[r])))
    rows, homes = local_features(text, mentions, [chosen.get(id(m), -1) for m in mentions], gaz)
    if -1 not in rows and not any(m.kind for m in mentions):
        return rows
    return anchor_rows(text, mentions, rows, gaz, sentences, homes)


def resolve_spans(
    text: str, spans: Iterable[tuple[int, int]], *, gazetteer: Gazetteer | None = None
) -> list[dict[str, Any]]:
    """Resolve given character spans of a text to places (records with lat, lon, geonameid ...)."""
    gaz = gazetteer or load_gazetteer()
    mentions, rows = resolve_span_rows(text, list(spans), gazetteer=gaz)
    return [place_record(gaz, m, r).record() for m, r in zip(mentions, rows, strict=True)]


def resolve_span_rows(
    text: str, spans: Sequence[tuple[int, int]], *, gazetteer: Gazetteer | None = None
) -> tuple[list[Mention], list[int]]:
    """The mentions of given spans and their rows (-1: none), read with the whole text as extract reads it:
    the article's own place names are resolved with them as context; a span the gazetteer lacks stands in
    a place inside its name or near it (see analysis.extract.anchors)."""
    gaz = gazetteer or load_gazetteer()
    given = [mention_for_span(text, s, e, gazetteer=gaz) for s, e in spans]
    # a span the gazetteer lacks stands in a place inside it or in its institution's seat; so does one that
    # only small towns bear besides an institution ('OAS', 'Xinhua', 'TASS'), unless the text places the town
    given = [(seat_mention(text, m.start, m.end, gaz) or m) if small_towns_only(gaz, m.rows)
             and not written_as_town(text, m.start, m.end)
             else m if len(m.rows) else (inner_mention(text, m.start, m.end, gazetteer=gaz)
                                         or seat_mention(text, m.start, m.end, gaz) or m) for m in given]
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]

    def overlaps(m: Mention) -> bool:
        k = bisect.bisect_left(starts, m.end)
        return any(ordered[j][1] > m.start for j in range(max(k - 3, 0), k))

    context = [m for m in find_mentions(text, gazetteer=gaz) if not overlaps(m)] if given else []
    everything = sorted(given + context, key=lambda m: m.start)
    row_of = dict(zip((id(m) for m in everything), resolve_placed(everything, text, gazetteer=gaz), strict=True))
    return given, [row_of[id(m)] for m in given]


__all__ = ["resolve", "resolve_placed", "resolve_spans", "resolve_span_rows", "place_record", "mention_for_span"]
