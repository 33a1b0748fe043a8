"""Whom a person or a group acts for, read from the words around an actor: a title right before a named
person ('Chinese President Xi Jinping' is one actor, Xi, coded by the tables that date his office), and
an agent noun of the people who serve an actor before 'of/from/for' and that actor ('officials from
Kenya's foreign ministry', 'a spokesman for the Nigerian army', 'fighters of the Islamic State' act
for it, and take its code).

>>> from analysis.extract.text import tokenize
>>> text = "Officials from the Kenyan army visited Juba."
>>> tokens = tokenize(text)
>>> army = ActorMention(15, 30, "the Kenyan army", "KENMIL", "Kenyan army", "KEN", "MIL", "agent", 2, 4)
>>> [(a.text, a.code) for a in affiliated(text, tokens, [army])]
[('Officials from the Kenyan army', 'KENMIL')]
"""

from __future__ import annotations

import dataclasses

from analysis.extract.actors import ActorMention
from analysis.extract.agents import agent_before
from analysis.extract.text import Token, word_group

__all__ = ["affiliated"]

_MEMBER_PREPS = word_group("member_prep")  # 'officials from X', 'a spokesman for X', 'fighters of X'
# the sectors of agent nouns for people who serve an organisation (officials, troops, police, fighters, envoys);
# not victims, residents or workers, who are only where it is ('victims of the army')
_MEMBER_SECTORS = word_group("member_sector")


def affiliated(text: str, tokens: list[Token], actors: list[ActorMention]) -> list[ActorMention]:
    """The actors of a text (in text order) with a title joined to the named person after it and the
    agent noun of its people joined to the organisation they serve."""
    return _members(text, tokens, _titled_holders(text, tokens, actors))


def _titled_holders(text: str, tokens: list[Token], actors: list[ActorMention]) -> list[ActorMention]:
    """A title of office read as an agent ('Somali President', "Ethiopia's Prime Minister") right before a
    named person joins the person: one actor with the person's code, which a table dates."""
    out: list[ActorMention] = []
    for a in actors:
        prev = out[-1] if out else None
        if (a.kind == "person" and a.country and prev is not None and prev.kind == "agent"
                and prev.last_token + 1 == a.first_token and tokens[prev.last_token].spaced):
            out[-1] = dataclasses.replace(a, start=prev.start, text=text[prev.start:a.end],
                                          first_token=prev.first_token)
        else:
            out.append(a)
    return out


def _members(text: str, tokens: list[Token], actors: list[ActorMention]) -> list[ActorMention]:
    """Actors preceded by an agent noun of their people and 'of/from/for' ('troops of the African Union',
    'a spokesman for Hamas') start at that noun: the phrase is one actor, with the organisation's code."""
    taken = {k for a in actors for k in range(a.first_token, a.last_token + 1)}
    out = []
    for a in actors:
        k = a.first_token - 1
        if k >= 0 and tokens[k].lower == "the":
            k -= 1
        if k >= 1 and tokens[k].lower in _MEMBER_PREPS and tokens[k - 1].spaced and tokens[k].spaced \
                and tokens[k].sentence == tokens[a.first_token].sentence:
            found = agent_before(tokens, k - 1, text)
            if found is not None and found[0] in _MEMBER_SECTORS and not taken.intersection(range(found[1], k)):
                first = found[1]
                a = dataclasses.replace(a, start=tokens[first].start, text=text[tokens[first].start:a.end],
                                        first_token=first)
        out.append(a)
    return out
