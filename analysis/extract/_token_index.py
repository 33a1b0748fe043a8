"""Facts of an article's tokens that several actor rules read: the lower-case words, the set of them, and
where given words stand. They are computed once per token list (`token_index`) instead of once per rule,
so that a rule looking for rare words ('ethnic', "the country's") costs a set look-up when the article has
none, and a rule looking for common ones reads only their positions."""

from __future__ import annotations

import operator
import threading
from collections.abc import Iterable
from itertools import chain, compress
from typing import Any, Protocol

from analysis.extract.text import POSSESSIVE_ENDINGS, Token

__all__ = ["TokenIndex", "forget_indices", "memo_for", "remember", "possessive_forms", "token_index", "token_set"]



class _Span(Protocol):
    @property
    def first_token(self) -> int: ...

    @property
    def last_token(self) -> int: ...


class TokenIndex:
    """The lower-case words of a token list and where the words the rules look for stand.

    The words of every vocabulary asked for so far in the process (`positions`) are looked for in one pass
    over the tokens, when the first rule asks; the rules then only pick theirs from these few tokens."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        # (a comprehension reads a slot faster than a map of an attribute getter)
        self.lowers: list[str] = [t.lower for t in tokens]
        self.capitals: list[bool] = [t.capitalised for t in tokens]  # whether each token is capitalised
        self.capital_positions: list[int] = list(compress(range(len(tokens)), self.capitals))  # where they are
        self._hits: list[int] = []  # the positions of the words of the vocabularies, in text order
        self._hit_words: list[str] = []  # the words there
        self._watched = 0  # how many vocabularies `_hits` covers
        self.memo: dict[str, Any] = {}  # facts of the article the rules share, by name (see `memo_for`)

    def positions(self, vocabulary: frozenset[str]) -> list[int]:
        """The indices of the tokens whose lower-case word is in a vocabulary, in text order. The
        vocabulary is a set that lives as long as the process (a module constant or a compiled table)."""
        if self._watched != len(_VOCABULARIES) or id(vocabulary) not in _VOCABULARIES:
            self._read(vocabulary)
        return list(compress(self._hits, map(vocabulary.__contains__, self._hit_words)))

    def _read(self, vocabulary: frozenset[str]) -> None:
        """Find the words of all vocabularies, `vocabulary` one of them."""
        if id(vocabulary) not in _VOCABULARIES:
            _VOCABULARIES[id(vocabulary)] = vocabulary
            _WATCHED.update(vocabulary)
        lowers = self.lowers
        if len(_NUMBERS) < len(lowers):
            _NUMBERS.extend(range(len(_NUMBERS), 2 * len(lowers)))
        self._hits = list(compress(_NUMBERS, map(_WATCHED.__contains__, lowers)))
        self._hit_words = list(map(lowers.__getitem__, self._hits))
        self._watched = len(_VOCABULARIES)


_VOCABULARIES: dict[int, frozenset[str]] = {}  # the vocabularies `positions` was asked for, by identity
_WATCHED: set[str] = set()  # their words
_NUMBERS: list[int] = []  # 0, 1, 2, ...: the positions `compress` picks from, without making an int per token


_MAX_RECENT = 64  # more than the articles that go through a stage together (pipeline.BATCH)
_LOCAL = threading.local()  # each thread its own indices: threads extract their own articles


def _recent() -> dict[int, TokenIndex]:
    """This thread's indices of the token lists read last, by the lists' identity."""
    try:
        return _LOCAL.recent
    except AttributeError:
        _LOCAL.recent = {}
        return _LOCAL.recent


def token_index(tokens: list[Token]) -> TokenIndex:
    """The index of a token list: one of those built last when it is of the same list, else a new one."""
    recent = _recent()
    index = recent.get(id(tokens))
    if index is not None and index.tokens is tokens and len(index.lowers) == len(tokens):
        return index
    index = TokenIndex(tokens)
    if len(recent) >= _MAX_RECENT:
        del recent[next(iter(recent))]  # the oldest
    recent[id(tokens)] = index
    return index


def forget_indices() -> None:
    """Let this thread's indices go (the articles they are of are done)."""
    _recent().clear()


def token_set(spans: Iterable[_Span]) -> set[int]:
    """The token indices covered by spans of tokens (actors, place names)."""
    return set(chain.from_iterable([range(s.first_token, s.last_token + 1) for s in spans]))


def possessive_forms(words: Iterable[str]) -> frozenset[str]:
    """The lower-case possessives of words ('government' -> "government's", "government’s")."""
    return frozenset(w + ending for w in words for ending in POSSESSIVE_ENDINGS)


def memo_for(tokens: list[Token], name: str, inputs: tuple[Any, ...]) -> Any | None:
    """The fact `name` of an article as stored by `remember` for the same inputs (by identity), or None."""
    held = token_index(tokens).memo.get(name)
    if held is not None and len(held[0]) == len(inputs) and all(map(operator.is_, held[0], inputs)):
        return held[1]
    return None


def remember(tokens: list[Token], name: str, inputs: tuple[Any, ...], value: Any) -> Any:
    """Store a fact of an article computed from `inputs` (they are held, so that none is taken for
    another made later at the same address); the value."""
    token_index(tokens).memo[name] = (inputs, value)
    return value
