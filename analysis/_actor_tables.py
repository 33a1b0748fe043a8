"""Look-up tables of the PETRARCH-2 actor and agent dictionaries (analysis/data/petrarch_actors.tsv and
petrarch_agents.tsv, built by scripts/build_actor_tables.py; see analysis/data/ACTORS_SOURCES.md).

Phrases and nouns are lower-case words separated by single spaces, as the tables hold them. The
project's curated leaders.tsv, institutions.tsv and agents.tsv take precedence where they disagree.
`petrarch_index` and `petrarch_actor` serve the actor coder (analysis.extract.actors).
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from typing import NamedTuple


class ActorCode(NamedTuple):
    """A CAMEO code of a phrase, the dates (ISO, inclusive; '' for open) between which it applies, and
    the kind of actor (country, person, igo, ngo, militia, other). A code with neither date is the
    default: it applies when no dated code of the phrase does. '---' names no actor."""

    code: str
    start: str
    end: str
    kind: str


def _rows(name: str) -> Iterable[dict[str, str]]:
    """The rows of a bundled TSV table in analysis/data."""
    with (resources.files("analysis") / "data" / name).open("r", encoding="utf-8") as fh:
        yield from csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


@functools.cache
def petrarch_actors() -> Mapping[str, list[ActorCode]]:
    """Phrase -> its codes, from petrarch_actors.tsv (cached; do not change the lists)."""
    table: dict[str, list[ActorCode]] = {}
    for r in _rows("petrarch_actors.tsv"):
        table.setdefault(r["phrase"], []).append(ActorCode(r["code"], r["start"], r["end"], r["kind"]))
    return table


@functools.cache
def petrarch_agents() -> Mapping[str, str]:
    """Agent noun or noun form -> agent code (sector) from petrarch_agents.tsv (cached).

    A form listed under several codes ('security forces': COP and MIL) takes the code of the row whose
    head noun it is, else that of the first row in table order."""
    rows = list(_rows("petrarch_agents.tsv"))
    table: dict[str, str] = {}
    for r in rows:
        table.setdefault(r["noun"], r["sector"])
    for r in rows:
        for form in filter(None, r["forms"].split("|")):
            table.setdefault(form, r["sector"])
    return table


def codes_on(codes: Sequence[ActorCode], day: str) -> list[ActorCode]:
    """The codes in force on `day` (ISO date): the dated codes whose span holds it, else the defaults."""
    dated = [c for c in codes if (c.start or c.end) and (c.start or "0000") <= day <= (c.end or "9999")]
    return dated or [c for c in codes if not c.start and not c.end]


_TYPE_SECTORS = frozenset({"IGO", "NGO", "MNC", "IMG", "ELI"})
"""Actor types of the CAMEO code scheme that the agent tables do not list as sectors."""


class PetrarchIndex(NamedTuple):
    """The PETRARCH actor phrases the actor coder matches, compactly: phrase (normalised as the matcher
    normalises text) -> its rows packed in one string ('code|start|end|country|sector|kind', ';' between
    rows); first word -> the lengths in words of the phrases it opens, longest first, and -> their second
    words; the one-word phrases that are English words; and the last
    date the dictionaries know (an open term is not known to run past it)."""

    phrases: dict[str, str]
    first: dict[str, tuple[int, ...]]
    seconds: dict[str, frozenset[str]]  # first word -> the second words of its phrases, also with "'s"
    words: frozenset[str]
    horizon: str


def actor_sectors() -> frozenset[str]:
    """The three-letter groups of the agent codes of agents.tsv and petrarch_agents.tsv, and the CAMEO actor
    types: the sectors of the codes that name actors (not those of places: PSEGZA, NLDANT)."""
    from analysis._resources import read_table

    groups = set(read_table("agents.tsv", dtype=str)["sector"]) | {r["sector"] for r in _rows("petrarch_agents.tsv")}
    return frozenset(g[k:k + 3] for g in groups for k in range(0, len(g), 3)) | _TYPE_SECTORS


def petrarch_index(normalise: Callable[[str], str]) -> PetrarchIndex:
    """Build the index of petrarch_actors.tsv: rows of actors only (no country-kind rows, which the place
    matcher finds; no '---'; no codes of places), phrases keyed by `normalise`."""
    sectors = actor_sectors()
    packed: dict[str, list[str]] = {}
    words: set[str] = set()
    horizon = ""
    for r in _rows("petrarch_actors.tsv"):
        horizon = max(horizon, r["start"], r["end"])
        if r["kind"] == "country" or r["code"] == "---" or r["sector"] not in sectors:
            continue
        key = normalise(r["phrase"])
        key = key[4:] if key.startswith("the ") else key  # 'the united nations': 'The' opens no name
        packed.setdefault(key, []).append("|".join((r["code"], r["start"], r["end"], r["country"], r["sector"],
                                                    r["kind"])))
        if r["word"]:
            words.add(key)
    lengths: dict[str, set[int]] = {}
    for key in packed:
        parts = key.split()
        lengths.setdefault(parts[0], set()).add(len(parts))
    seconds: dict[str, set[str]] = {}
    for key in packed:
        parts = key.split()
        seconds.setdefault(parts[0], set()).update(w + s for w in parts[1:2] for s in ("", "'s", "’s"))
    return PetrarchIndex({k: ";".join(v) for k, v in packed.items()},
                         {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()},
                         {w: frozenset(v) for w, v in seconds.items()}, frozenset(words),
                         horizon)


class PetrarchActor(NamedTuple):
    """The code of a PETRARCH phrase on a date, with its country (ISO3 or ''), sector and kind."""

    code: str
    country: str
    sector: str
    kind: str


def petrarch_actor(packed: str, day: str | None, horizon: str) -> PetrarchActor | None:
    """The code of a phrase on `day` (ISO; None: the horizon): its dated code in force, else its default;
    a person's term still open when the dictionaries end is not taken past them: the person is then an
    elite of the country (ELI), as the default codes of the dictionaries' former office-holders are; an
    organisation's open code goes on ('syrian observatory for human rights' SYROPPHRI from 2012)."""
    rows = [r.split("|") for r in packed.split(";")]
    codes = [ActorCode(r[0], r[1], r[2], r[5]) for r in rows]
    when = day or horizon
    stale = when > horizon
    dated = [c for c in codes if (c.start or c.end) and (c.start or "0000") <= when <= (c.end or "9999")
             and not (stale and not c.end and c.kind == "person")]
    chosen = dated or [c for c in codes if not c.start and not c.end]
    if not chosen:
        open_rows = [r for r in rows if r[1] and not r[2] and r[3] and r[5] == "person"]
        if not stale or not open_rows:
            return None
        country = open_rows[0][3]
        return PetrarchActor(country + "ELI", country, "ELI", open_rows[0][5])
    # of overlapping terms the latest ('...-2000-01-01 ELI', '1999-04-27- GOV'); of defaults, one of a country
    # ('moro islamic liberation front': PHLREB, not the regional IMGSEAMUSASF)
    k = max(range(len(rows)), key=lambda m: (codes[m] in chosen, codes[m].start, bool(rows[m][3]), -m))
    row = rows[k]
    return PetrarchActor(row[0], row[3], row[4], row[5])


_AGENT_SECTOR_AS = {"PPL": "CVL"}
"""PETRARCH's PEOPLE code (PPL: 'men', 'persons') is the CAMEO civilian sector, as agents.tsv has it."""


def agent_table() -> tuple[dict[tuple[str, ...], str], dict[tuple[str, ...], str]]:
    """Agent nouns (lower-case words, split at spaces and hyphens as the tokenizer splits them) -> sector,
    and titles of office -> office: agents.tsv first, then the nouns and forms of petrarch_agents.tsv that
    agents.tsv lacks. A PETRARCH form is left out when it is also a trigger form of event_triggers.tsv
    (a verb as often as a noun: 'advocates', 'spies', 'exiles'), ends on a preposition ('embassy in') or
    names a place (word group place_noun: 'village', 'settlement');
    an agent coded before its country (attach 'before', PETRARCH 'IGO~') keeps a '~' after its sector."""
    agents: dict[tuple[str, ...], str] = {}
    titles: dict[tuple[str, ...], str] = {}
    from analysis._resources import read_table

    for r in read_table("agents.tsv", dtype=str).to_dict("records"):
        for form in filter(None, (f.strip() for f in r["noun"].split("|"))):
            words = _words(form)
            agents.setdefault(words, r["sector"])
            if r["office"]:
                titles.setdefault(words, r["office"])
    triggers = {f.strip().lower() for forms in read_table("event_triggers.tsv", dtype=str)["forms"]
                for f in forms.split("|")}
    fw = read_table("function_words.tsv", dtype=str)
    preps = set(fw.loc[fw["group"].isin(["subject_prep", "place_prep"]), "entry"])
    places = set(fw.loc[fw["group"] == "place_noun", "entry"])
    for r in _rows("petrarch_agents.tsv"):
        sector = _AGENT_SECTOR_AS.get(r["sector"], r["sector"]) + ("~" if r["attach"] == "before" else "")
        for form in [r["noun"], *filter(None, r["forms"].split("|"))]:
            words = _words(form)
            if form in triggers or words[-1] in preps or words[-1] in places or words[0] in ("a", "an", "the"):
                continue
            agents.setdefault(words, sector)
    return agents, titles


def _words(form: str) -> tuple[str, ...]:
    return tuple(form.lower().replace("-", " ").split())


def split_list(value: object) -> list[str]:
    """The items of a '|'-separated cell of a table ('' and NaN: none)."""
    return [v.strip() for v in str(value or "").split("|") if v.strip()]


def iso_date(value: str, *, end: bool) -> str:
    """'2011-12' -> '2011-12-01' (start) or '2011-12-31' (end); '' -> open."""
    if not value:
        return "9999-12-31" if end else "0000-01-01"
    if len(value) == 4:
        return value + ("-12-31" if end else "-01-01")
    if len(value) == 7:
        return value + ("-31" if end else "-01")
    return value


def word_lengths(agents: dict[tuple[str, ...], str], end: int) -> dict[str, tuple[int, ...]]:
    """First (end 0) or last (end -1) word of each agent noun -> the lengths of the nouns it opens or ends."""
    out: dict[str, set[int]] = {}
    for words in agents:
        out.setdefault(words[end], set()).add(len(words))
    return {w: tuple(sorted(sizes, reverse=True)) for w, sizes in out.items()}
