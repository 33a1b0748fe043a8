"""Whom a person or a group acts for, read from the words around an actor: a title or description right
before a name ('Chinese President Xi Jinping' is one actor, Xi, coded by the tables that date his office;
'the Somali militant group al-Shabaab' one actor with al-Shabaab's code); an agent noun of the people who
serve an actor before 'of/from/for' and that actor ('officials from Kenya's foreign ministry', 'a
spokesman for the Nigerian army', 'the head of the Iranian army' act for it, and take its code); and a
person of no dated office named after an organisation and a role ('Hamas leader Ismail Haniyeh') or set
off beside an agent that describes them ('Abdullah Abdullah, a senior Afghan official,').

>>> from analysis.extract.text import tokenize
>>> text = "Officials from the Kenyan army visited Juba."
>>> tokens = tokenize(text)
>>> army = ActorMention(15, 30, "the Kenyan army", "KENMIL", "Kenyan army", "KEN", "MIL", "agent", 2, 4)
>>> [(a.text, a.code) for a in affiliated(text, tokens, [army])]
[('Officials from the Kenyan army', 'KENMIL')]
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from itertools import chain

from analysis.extract._token_index import token_set
from analysis.extract.actors import ActorMention
from analysis.extract.agents import agent_after, agent_before
from analysis.extract.text import Token, word_group
from analysis.extract.titled import name_end, title_heads

__all__ = ["affiliated"]

_MEMBER_PREPS = word_group("member_prep")  # 'officials from X', 'a spokesman for X', 'fighters of X'
# the sectors of agent nouns for people who serve an organisation (officials, troops, police, fighters, envoys);
# not victims, residents or workers, who are only where it is ('victims of the army')
_MEMBER_SECTORS = word_group("member_sector")
_ORGANISATION_NOUNS = word_group("organisation_noun")  # 'the militant group al-Shabaab', 'the rebel movement M23'
_HEAD_NOUNS = word_group("head_noun")  # 'the head of', 'the chief of', 'the director of' an organisation
_FORMER = word_group("former")  # 'Boris Johnson, a former British prime minister,': no office now
_ORGANISATION_KINDS = frozenset({"organisation", "institution", "armed_forces", "igo", "ngo", "media", "company"})
# a comma, an article and up to two lower-case modifiers between a name and its apposition ('X, a senior ...')
_APPOSITION_GAP = re.compile(rf",\s+(?:(?i:{'|'.join(sorted(word_group('article')))})\s+)?(?:[a-z]+\s+){{0,2}}")
MAX_ROLE = 3  # words of a role between an organisation and a person's name ('Hamas political bureau chief')


def affiliated(text: str, tokens: list[Token], actors: list[ActorMention], places: Sequence[tuple[int, int]] = ()
               ) -> list[ActorMention]:
    """The actors of a text (in text order) with a title or description joined to the name after it, the
    people of an organisation joined to it, and a person's code taken from an apposition or the
    organisation named before their title where the tables know no office of theirs; `places` are the
    (first, last) tokens of the place names, which are no personal names."""
    actors = _members(text, tokens, _described_names(text, tokens, actors))
    return _appositions(text, _leaders_of(text, tokens, _named_holders(text, tokens, actors, places)))


def _named_holders(text: str, tokens: list[Token], actors: list[ActorMention], places: Sequence[tuple[int, int]]
                   ) -> list[ActorMention]:
    """A title of office read as an agent and a name of two or more capitalised words right after it that no
    table lists are one person ("Kenya's interior minister Kithure Kindiki" -> KENGOV)."""
    taken: set[int] | None = None  # the tokens of the actors and places, read when a title asks
    heads = title_heads()
    out = []
    for a in actors:
        k = a.last_token + 1
        if a.kind == "agent" and a.country and tokens[a.last_token].spaced and tokens[a.last_token].lower in heads:
            if taken is None:
                taken = token_set(actors)
                taken.update(chain.from_iterable([range(first, last + 1) for first, last in places]))
            j = name_end(tokens, k, taken)
        else:
            j = -1
        if j > k:
            name = text[tokens[k].start:tokens[j].end]
            a = dataclasses.replace(a, end=tokens[j].end, text=text[a.start:tokens[j].end], name=name, kind="person",
                                    last_token=j)
        out.append(a)
    return out


def _described_names(text: str, tokens: list[Token], actors: list[ActorMention]) -> list[ActorMention]:
    """A title or description read as an agent right before a name joins it: before a person ('Somali
    President Hassan Sheikh Mohamud', "Ethiopia's Prime Minister Abiy Ahmed"), one actor with the person's
    code, which a table dates; before an organisation of the same country ('the Sudanese paramilitary
    Rapid Support Forces', 'the Lebanese militant group Hezbollah'), one actor with its code."""
    out: list[ActorMention] = []
    for a in actors:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "agent" and _describes(tokens, prev, a) and a.country and (
                    a.kind == "person" or (a.kind in _ORGANISATION_KINDS and prev.country in (None, a.country))):
            out[-1] = dataclasses.replace(a, start=prev.start, text=text[prev.start:a.end],
                                          first_token=prev.first_token)
            if _no_office(a) and prev.country == a.country:
                out[-1] = _acting_for(out[-1], prev)  # the title says which office ('foreign minister X')
        else:
            out.append(a)
    return out


def _no_office(actor: ActorMention) -> bool:
    """A person the tables know no office of on the day: an elite (ELI) or of no country."""
    return actor.kind == "person" and (not actor.country or actor.sector == "ELI")


def _acting_for(person: ActorMention, other: ActorMention) -> ActorMention:
    """The person with the code of the actor they act for (a title, an organisation, an apposition)."""
    return dataclasses.replace(person, code=other.code, country=other.country, sector=other.sector)


def _describes(tokens: list[Token], description: ActorMention, name: ActorMention) -> bool:
    """Whether an agent stands right before a name, one space apart, with at most an organisation noun between
    ('Somali militant group al-Shabaab')."""
    gap = range(description.last_token + 1, name.first_token)
    return len(gap) <= 1 and all(tokens[k].lower in _ORGANISATION_NOUNS for k in gap) and all(
        tokens[k].spaced for k in range(description.last_token, name.first_token))


def _leaders_of(text: str, tokens: list[Token], actors: list[ActorMention]) -> list[ActorMention]:
    """A person named after an organisation and their title or role in it ('Hamas leader Ismail Haniyeh',
    'Hezbollah chief Hassan Nasrallah', 'Taliban spokesman Zabihullah Mujahid') acts for the organisation
    when the tables know no office of theirs on the day (an elite, ELI, or no code)."""
    out = list(actors)
    for n in range(1, len(out)):
        org, person = out[n - 1], out[n]
        if not 0 < person.first_token - org.last_token - 1 <= MAX_ROLE or org.kind not in _ORGANISATION_KINDS \
                or not _no_office(person):
            continue
        role = range(org.last_token + 1, person.first_token)
        if all(tokens[k - 1].spaced for k in range(org.last_token + 1, person.first_token + 1)) and (
                (agent_after(tokens, role.start, text, modifiers=0) or (None, -1))[1] == role.stop - 1
                or tokens[role.stop - 1].lower in _HEAD_NOUNS):
            out[n] = _acting_for(person, org)
    return out


def _appositions(text: str, actors: list[ActorMention]) -> list[ActorMention]:
    """A person of no known office set off by commas beside an agent that describes them takes its code:
    'Abdullah Abdullah, a senior Afghan official, met ...' (AFGGOV), 'the rebels' commander, Joseph Kony,'."""
    out = list(actors)
    for n in range(len(out) - 1):
        for person, other in ((out[n], out[n + 1]), (out[n + 1], out[n])):
            if other.kind == "agent" and other.country and _no_office(person) \
                    and _apposed(text, out[n], out[n + 1]):
                fixed = _acting_for(person, other)
                out[n if person is out[n] else n + 1] = fixed
    return out


def _apposed(text: str, first: ActorMention, second: ActorMention) -> bool:
    """Whether the second actor is set off by a comma right after the first ('X, Russia's foreign minister,'),
    with at most an article before it, and closed by a comma or the sentence's end."""
    gap = _APPOSITION_GAP.fullmatch(text, first.end, second.start)
    return gap is not None and _FORMER.isdisjoint(gap.group().lower().split()) and text[
        second.end:second.end + 1] in (",", ".", "")


def _members(text: str, tokens: list[Token], actors: list[ActorMention]) -> list[ActorMention]:
    """Actors preceded by an agent noun of their people and 'of/from/for' ('troops of the African Union',
    'a spokesman for Hamas') start at that noun: the phrase is one actor, with the organisation's code."""
    taken: set[int] | None = None  # the tokens of the actors, read when a member noun asks
    out = []
    for a in actors:
        k = a.first_token - 1
        if k >= 0 and tokens[k].lower == "the":
            k -= 1
        first = _member_noun(text, tokens, k) if k >= 1 and tokens[k].lower in _MEMBER_PREPS \
            and tokens[k].sentence == tokens[a.first_token].sentence else None
        if first is not None:
            taken = token_set(actors) if taken is None else taken
            if not taken.intersection(range(first, k)):
                a = dataclasses.replace(a, start=tokens[first].start, text=text[tokens[first].start:a.end],
                                        first_token=first)
        out.append(a)
    return out


def _member_noun(text: str, tokens: list[Token], k: int) -> int | None:
    """The first token of the agent noun of people who serve an organisation before a member preposition
    at token k ('officials from', 'a spokesman for', 'the head of'), or None."""
    if tokens[k].lower not in _MEMBER_PREPS or not (tokens[k - 1].spaced and tokens[k].spaced):
        return None
    found = agent_before(tokens, k - 1, text)
    if found is not None and found[0] in _MEMBER_SECTORS:
        return found[1]
    return k - 1 if found is None and tokens[k - 1].lower in _HEAD_NOUNS else None
