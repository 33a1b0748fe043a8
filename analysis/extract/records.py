"""Typed records of the extraction's layers, serialised once by `pipeline.Doc.record`: a `Place` holds the
fields of `analysis.schema.PLACE`, an `Event` those of `analysis.schema.EVENT` and what later stages read
of it (a test checks that they declare the same fields and types)."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from analysis.schema import EVENT_FIELDS, PLACE_FIELDS

__all__ = ["Event", "Place"]


@dataclass(slots=True)
class Place:
    """A place name of the text and what it resolved to (see analysis.schema.PLACE for the fields' meaning)."""

    start: int
    end: int
    text: str
    name: str | None
    kind: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    metonymic: bool

    def record(self) -> dict[str, Any]:
        """The place as its output record (schema.PLACE_FIELDS, in their order)."""
        return dict(zip(PLACE_FIELDS, _PLACE_VALUES(self), strict=True))


@dataclass(slots=True)
class Event:
    """An event of the text (see analysis.schema.EVENT for the fields' meaning), with the words that named its
    source and target and where its target is named, which the actor records read (not serialised)."""

    source: str | None
    source_country: str | None
    target: str | None
    target_country: str | None
    cameo: str
    root: str | None
    quad_class: int | None
    goldstein: float | None
    plover: str | None
    modality: str
    negated: bool
    attribution: str | None
    date: str | None
    date_precision: str | None
    date_end: str | None
    date_basis: str | None
    place: dict[str, Any] | None
    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    trigger: str
    evidence: str
    mentions: list[dict[str, Any]] = field(default_factory=list)
    source_text: str | None = None
    target_text: str | None = None
    target_starts: list[int] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        """The event as its output record (schema.EVENT_FIELDS, in their order)."""
        return dict(zip(EVENT_FIELDS, _EVENT_VALUES(self), strict=True))


_PLACE_VALUES = attrgetter(*PLACE_FIELDS)  # the values of the fields in one C call
_EVENT_VALUES = attrgetter(*EVENT_FIELDS)
