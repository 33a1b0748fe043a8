"""Answers kept once computed: `cached`, a fact of a sentence (`analysis.extract.triggers.TriggerScan` and its
subclasses) kept as an ordinary attribute of the instance, and `Remembered`, a test of words that keeps its
answers across articles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

_T = TypeVar("_T")


class cached(Generic[_T]):  # noqa: N801 - a decorator, named like functools.cached_property
    """A property computed on first read and then kept in the instance, stored with `setattr`: writing
    into `obj.__dict__` makes CPython 3.11 build the instance's dictionary, after which it reads every
    attribute of that instance on its slow generic path (a sentence's rules read `self.low`, `self.part_at`
    ... thousands of times per article)."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func, self.name, self.__doc__ = func, func.__name__, func.__doc__

    @overload
    def __get__(self, obj: None, owner: type) -> cached[_T]: ...
    @overload
    def __get__(self, obj: object, owner: type) -> _T: ...
    def __get__(self, obj: object | None, owner: type) -> cached[_T] | _T:
        if obj is None:
            return self
        value = self.func(obj)
        setattr(obj, self.name, value)  # (found in the instance before this non-data descriptor from now on)
        return value


class Remembered(dict[str, bool]):
    """A test of strings that remembers its answers (the words of a corpus repeat), forgotten all at once
    when they grow past `limit`."""

    def __init__(self, test: Callable[[str], bool], limit: int) -> None:
        super().__init__()
        self.test, self.limit = test, limit

    def __missing__(self, word: str) -> bool:
        if len(self) >= self.limit:
            self.clear()
        answer = self[word] = self.test(word)
        return answer
