"""Victims of a passive who fell in a fight 'with' someone ('were killed in a clash with Afghan border forces')
were acted on by that other side: it is the source, as 'by' would make it."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize("text,source,target", [
    ("Two Pakistani soldiers were killed in a clash with Afghan border forces.", "AFGMIL", "PAKMIL"),
    ("Six Nigerian soldiers were killed in clashes with Boko Haram fighters.", "NGAREB", "NGAMIL"),
    ("Five Colombian police officers were wounded in a firefight with FARC dissidents.", "COLREB", "COLCOP"),
    ("An Indian soldier was killed in a skirmish with Chinese troops.", "CHNMIL", "INDMIL"),
])
def test_the_other_side_of_the_fight_is_the_source(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [(e["source"], e["target"]) for e in evs] == [(source, target)], show(evs)


@pytest.mark.parametrize("text,companion", [
    ("Two Ghanaian peacekeepers were killed in an ambush while on patrol with Malian soldiers.", "MLIMIL"),
    ("A Kenyan officer was wounded in a convoy with Somali troops near Kismayo.", "SOMMIL"),
    ("Three Iraqi policemen were killed in a car with Kurdish fighters.", "IRQREB"),
])
def test_a_companion_after_another_noun_is_no_opponent(text: str, companion: str) -> None:
    evs = events(text)
    assert all(e["source"] != companion and not (e["source"] or "").startswith(companion[:3]) for e in evs), show(evs)
