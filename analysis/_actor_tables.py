"""Look-up tables of the PETRARCH-2 actor and agent dictionaries (analysis/data/petrarch_actors.tsv and
petrarch_agents.tsv, built by scripts/build_actor_tables.py; see analysis/data/ACTORS_SOURCES.md).

Phrases and nouns are lower-case words separated by single spaces, as the tables hold them. The
project's curated leaders.tsv, institutions.tsv and agents.tsv take precedence where they disagree.
Not yet used by the actor coder.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable, Mapping, Sequence
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
