"""The event lexicon's structures: a `Trigger` (a verb or noun phrase with its CAMEO code), `trigger` to make one,
`add_nominals` (the nouns of verb phrases) and the `EventLexicon` the trigger matcher reads
(analysis.extract.events.event_lexicon builds it from the tables)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from analysis.extract._function_words import (
    DETERMINERS,
    FUNCTION_BEFORE_OBJECT,
    NO_FILLERS,
    NOMINALISATIONS,
    PLACE_TARGET_ROOTS,
)

__all__ = ["EventLexicon", "Trigger", "add_nominals", "trigger"]


class Trigger(NamedTuple):
    """A verb or noun phrase of the event lexicon (make one with `trigger`). A tuple: the tens of thousands
    of the lexicon are read from the compiled cache at the speed of tuples."""

    words: tuple[str, ...]
    lemma: str
    pos: str
    cameo: str
    target_preps: tuple[str, ...]
    object_role: str
    generated: bool  # from petrarch_triggers.tsv: a phrase of it takes no noun trigger as a modifier
    endings: tuple[str, ...]  # the last word and its plurals
    nominal: bool = False  # the noun of a verb phrase ('lifting of sanctions'): it takes modifiers as the verb does


def trigger(words: tuple[str, ...], lemma: str, pos: str, cameo: str, target_preps: tuple[str, ...],
            object_role: str, generated: bool = False, *, nominal: bool = False) -> Trigger:
    """A trigger with its endings (the last word and its plurals); its strings and tuples of strings are
    shared, so that the lexicon's tens of thousands of triggers (a phrase in each of its verb forms) hold one
    copy of each in memory and in the compiled cache, which reads back faster for it."""
    words = _shared(words)
    last = words[-1]
    return Trigger(words, sys.intern(lemma), sys.intern(pos), sys.intern(cameo), _shared(target_preps),
                   sys.intern(object_role), generated, _shared((last, last + "s", last + "es")), nominal)


def _shared(words: tuple[str, ...]) -> tuple[str, ...]:
    """One copy of a tuple of words, of interned strings."""
    return _SHARED.setdefault(words, tuple(map(sys.intern, words)))


_SHARED: dict[tuple[str, ...], tuple[str, ...]] = {}


def add_nominals(triggers: dict[str, list[Trigger]]) -> None:
    """The noun of each verb phrase trigger whose verb has one (NOMINALISATIONS): 'lift sanctions' also stands
    as 'the lifting of sanctions', 'suspend military aid' as 'the suspension of military aid', with the
    verb's code and target prepositions (the object noun decides the code, as it does for the verb). A
    phrase of the lexicon with the same words wins."""
    taken = {t.words for trigs in triggers.values() for t in trigs}
    for trig in [t for trigs in triggers.values() for t in trigs]:
        noun = NOMINALISATIONS.get(trig.words[0]) if trig.pos == "verb" and len(trig.words) > 1 else None
        if noun is None or trig.words[1] in NO_FILLERS or trig.words[1] in FUNCTION_BEFORE_OBJECT - DETERMINERS:
            continue  # not 'withdraw from border', 'close down news'
        words = (noun, "of", *trig.words[1:])
        if words not in taken:
            taken.add(words)
            triggers.setdefault(noun, []).append(trigger(words, " ".join(words), "noun", trig.cameo, trig.target_preps,
                                                         "none", trig.generated, nominal=True))


@dataclass(frozen=True)
class EventLexicon:
    triggers: dict[str, list[Trigger]]  # first word -> triggers, longest first
    codes: dict[str, dict[str, Any]]
    cues: dict[str, dict[str, str]]  # cue -> {kind: value}
    max_cue_words: int
    third_person: frozenset[str]  # '-s' verb forms, also plural nouns ('forces', 'supplies')
    light: frozenset[str]  # light verbs whose object noun is the event ('staged a protest')
    report_verbs: frozenset[str]  # one-word cues of kind report_verb ('said', 'told')
    past: frozenset[str]  # past forms of the verb triggers and report verbs ('fired', 'said')
    one_word_verbs: frozenset[str] = field(init=False, repr=False, compare=False)  # words that are a verb trigger
    # first words of phrase triggers only ('accept' of 'accept refugees') -> the last words their phrases need
    phrase_ends: dict[str, frozenset[str]] = field(init=False, repr=False, compare=False)
    # first words with many triggers -> their one-word triggers ('') and their phrases by a last word; filled
    # for a word when it is first met (see `_phrases_by_end`), and not kept in the compiled cache
    by_end: dict[str, dict[str, list[tuple[int, Trigger]]]] = field(init=False, repr=False, compare=False)
    direct: frozenset[str] = field(init=False, repr=False, compare=False)  # first words of a one-word trigger
    phrase_firsts: frozenset[str] = field(init=False, repr=False, compare=False)  # the keys of phrase_ends
    cue_firsts: frozenset[str] = field(init=False, repr=False, compare=False)  # first words of the cues
    noun_firsts: frozenset[str] = field(init=False, repr=False, compare=False)  # first words of a noun trigger
    # first words of a trigger whose root's acts fall on places (PLACE_TARGET_ROOTS); last words of the phrases
    place_firsts: frozenset[str] = field(init=False, repr=False, compare=False)
    phrase_lasts: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "one_word_verbs", frozenset(
            w for w, trigs in self.triggers.items() if any(t.pos == "verb" and len(t.words) == 1 for t in trigs)))
        object.__setattr__(self, "phrase_ends", {
            w: frozenset(e for t in trigs for e in t.endings) for w, trigs in self.triggers.items()
            if all(len(t.words) > 1 for t in trigs)})
        object.__setattr__(self, "direct", frozenset(self.triggers.keys() - self.phrase_ends.keys()))
        object.__setattr__(self, "phrase_firsts", frozenset(self.phrase_ends))
        object.__setattr__(self, "cue_firsts", frozenset(c.split(" ")[0] for c in self.cues))
        object.__setattr__(self, "noun_firsts", frozenset(
            w for w, trigs in self.triggers.items() if any(t.pos == "noun" for t in trigs)))
        object.__setattr__(self, "place_firsts", frozenset(
            w for w, trigs in self.triggers.items() if any(t.cameo[:2] in PLACE_TARGET_ROOTS for t in trigs)))
        object.__setattr__(self, "phrase_lasts", frozenset(
            e for trigs in self.triggers.values() for t in trigs if len(t.words) > 1 for e in t.endings))
        object.__setattr__(self, "by_end", {})

    def __getstate__(self) -> dict[str, Any]:
        """The state pickled into the compiled cache: without the index `by_end`, tens of thousands of
        pairs that took longer to read back than the whole rest of the lexicon (it is refilled as words come)."""
        return {**self.__dict__, "by_end": {}}

    def __setstate__(self, state: dict[str, Any]) -> None:
        """The state read back from the compiled cache, set attribute by attribute: filling `__dict__` would
        make CPython 3.11 read every attribute of the lexicon on its slow generic path."""
        for name, value in state.items():
            object.__setattr__(self, name, value)

    def may_trigger(self, words: list[str]) -> bool:
        """Whether a trigger may stand among these words: a one-word trigger, or the first and last words of
        a phrase trigger."""
        if not self.direct.isdisjoint(words):
            return True
        ends = self.phrase_ends
        for w in self.phrase_firsts.intersection(words):
            if not ends[w].isdisjoint(words):
                return True
        return False

    def candidates(self, first: str, ahead: list[str]) -> list[Trigger]:
        """The triggers that may start with `first` when `ahead` follows it, longest first."""
        index = self.by_end.get(first)
        if index is None:
            trigs = self.triggers[first]
            if len(trigs) <= _MANY_TRIGGERS:
                return trigs
            index = self._phrases_by_end(first, trigs)
        found = dict(index[""])
        for w in index.keys() & ahead:  # (the order of the words does not matter: one trigger per place)
            found.update(index[w])
        return [found[k] for k in sorted(found)]

    def _phrases_by_end(self, first: str, trigs: list[Trigger]) -> dict[str, list[tuple[int, Trigger]]]:
        """The index of a first word with many triggers: its one-word triggers ('') and its phrases by a last
        word, each with its place in the list (which keeps the order of the lexicon)."""
        index: dict[str, list[tuple[int, Trigger]]] = {"": [(k, t) for k, t in enumerate(trigs) if len(t.words) == 1]}
        for k, t in enumerate(trigs):
            for e in t.endings if len(t.words) > 1 else ():
                index.setdefault(e, []).append((k, t))
        self.by_end[first] = index
        return index


_MANY_TRIGGERS = 8  # a first word with more triggers than this has them indexed by their last words
