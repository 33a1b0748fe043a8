"""A violent act whose subject is its means and names no actor ('A roadside bombing near Samarra killed one
U.S. soldier') is by the unidentified armed attackers (UAF) of the country where it happens, as unnamed
gunmen are ('Gunmen killed four policemen in Quetta' -> PAKUAF). Sentences vary the means, the place's
position, the victims and the country."""

from __future__ import annotations

from typing import Any

import pytest

from analysis.extract.pipeline import extract_record
from analysis.io.articles import article_from_text

DATE = "2024-03-04"


def events(text: str) -> list[dict[str, Any]]:
    return extract_record(article_from_text(text, date=DATE))["events"]


def show(evs: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(e["source"], e["cameo"], e["target"], e["trigger"]) for e in evs]


@pytest.mark.parametrize(("text", "source", "target"), [
    ("A roadside bombing near the town of Samarra on Sunday killed one U.S. soldier.", "IRQUAF", "USAMIL"),
    ("A car bomb in Kabul killed three Afghan policemen.", "AFGUAF", "AFGCOP"),
    ("A roadside bomb near Kandahar killed two Canadian soldiers on Tuesday.", "AFGUAF", "CANMIL"),
    ("A suicide attack in Peshawar killed a Pakistani judge.", "PAKUAF", "PAKJUD"),
    ("A bomb attack killed three Turkish soldiers in Diyarbakir.", "TURUAF", "TURMIL"),  # the place after the verb
])
def test_a_means_without_an_actor_is_by_unidentified_attackers(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source"] == source and e["target"] == target], show(evs)


def test_a_named_actor_of_the_means_keeps_it() -> None:
    evs = events("Israeli airstrikes killed 12 people in Gaza.")
    assert evs and all(e["source"] == "ISR" for e in evs), show(evs)
