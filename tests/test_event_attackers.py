"""A violent act whose subject is its means and names no actor ('A roadside bombing near Samarra killed one
U.S. soldier') is by the unidentified armed attackers (UAF) of the country where it happens, as unnamed
gunmen are ('Gunmen killed four policemen in Quetta' -> PAKUAF). Sentences vary the means, the place's
position, the victims and the country."""

from __future__ import annotations

import pytest
from coded_samples import events, show


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
