"""`cached`: a property computed once per instance, for the facts of a sentence that several rules read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

_T = TypeVar("_T")


class cached(Generic[_T]):  # noqa: N801 - a decorator, named like functools.cached_property
    """A property computed on first read and then kept in the instance, as functools.cached_property
    does, without the lock that Python 3.11's version takes on every first read (a sentence's facts
    are read by one thread)."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func, self.name, self.__doc__ = func, func.__name__, func.__doc__

    @overload
    def __get__(self, obj: None, owner: type) -> cached[_T]: ...
    @overload
    def __get__(self, obj: object, owner: type) -> _T: ...
    def __get__(self, obj: object | None, owner: type) -> cached[_T] | _T:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value
