"""Helpers shared by the tests of the event and actor constructions: code a few self-written sentences and
read their events, dyads and actors."""

from __future__ import annotations

from typing import Any

from analysis.extract.pipeline import extract_record
from analysis.io.articles import article_from_text

DATE = "2024-03-04"


def record(text: str, date: str = DATE) -> dict[str, Any]:
    return extract_record(article_from_text(text, date=date))


def events(text: str, date: str = DATE) -> list[dict[str, Any]]:
    return record(text, date)["events"]


def show(evs: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """What an assertion message shows of events."""
    return [(e["source"], e["cameo"], e["target"], e["trigger"]) for e in evs]


def dyads(text: str, date: str = DATE) -> set[tuple[str | None, str | None]]:
    return {(e["source"], e["target"]) for e in events(text, date)}


def actor_codes(text: str, date: str = DATE) -> dict[str, str]:
    """The actors' texts and codes."""
    return {a["text"]: a["code"] for a in record(text, date)["actors"]}
