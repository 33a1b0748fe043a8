"""Which sentences of an article may hold an event, read before their clauses (`analysis.extract.events` reads
only those): a sentence with an actor, or with 'the two countries' of the article's main pair; and of the
sentences whose only participants are places, those where a place can take a role of a trigger (see
`analysis.extract.roles.Sentence._may_fall_on_place`, which these tests must never contradict).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress

from analysis.extract._function_words import PASSIVE_AUX, PLURAL_REFS_BY_LAST, _phrases_in
from analysis.extract.text import Token, token_field
from analysis.extract.triggers import EventLexicon, Participant

_LOWER = token_field("lower")


def only_places(parts: list[Participant]) -> bool:
    """Whether every participant is a place and none a capital."""
    for p in parts:
        if not p.place or p.capital:
            return False
    return True


def inert(parts: list[Participant], lows: list[str], offset: int, lex: EventLexicon, plural: bool) -> bool:
    """Whether a sentence can hold no event before its clauses are read: its only participants are places (no
    capital, no 'the two countries'), no passive auxiliary stands anywhere, and no trigger word stands up to
    the last of them, or the one trigger word there cannot give a place a role (a place is only ever the
    target of a passive, or of a trigger before it whose acts fall on places, or which governs another)."""
    if not parts or not only_places(parts) or plural:
        return False
    if not PASSIVE_AUX.isdisjoint(lows):
        return False
    last = max(p.last_token for p in parts) - offset
    if lex.triggers.keys().isdisjoint(lows[:last + 1]):
        return True
    # Sentence._may_fall_on_place, read before the triggers: a place takes a role only of a trigger before
    # the last place whose root's acts fall on places, which governs a complement (a second trigger word)
    # or which 'between' follows; or of a phrase ending on a place's name
    if "must" in lows or any(lows[p.last_token - offset] in lex.phrase_lasts for p in parts):
        return False
    words = list(compress(lows, map(lex.triggers.__contains__, lows)))
    if len(words) > 1 or "between" in lows:
        return False  # (a trigger word after the last place cannot govern one before it, but may be a phrase's)
    last_start = max(p.first_token for p in parts) - offset
    return not (words and words[0] in lex.place_firsts and lows.index(words[0]) < last_start)


def plural_sentences(tokens: Sequence[Token]) -> set[int]:
    """The sentences in which 'the two countries', 'each other' (a phrase of PLURAL_REFS) stands."""
    return {tokens[k].sentence for k, phrase in _phrases_in(list(map(_LOWER, tokens)), PLURAL_REFS_BY_LAST)
            if tokens[k + len(phrase) - 1].sentence == tokens[k].sentence}
