"""Typed records of the extraction's layers, serialised once by `pipeline.Doc.record`: a `Place` holds the
fields of `analysis.schema.PLACE` (a test checks that both declare the same fields and types)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from analysis.schema import PLACE_FIELDS

__all__ = ["Place"]


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
        return {f: getattr(self, f) for f in PLACE_FIELDS}
