"""Force that falls on people who take no part in fighting is assault (CAMEO 18): journalists, priests, teachers,
doctors, children (function_words.tsv group civilian_noun); on soldiers it stays force (19)."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize("text", [
    "Unidentified gunmen shot dead a local journalist outside his home in the Honduran city of San Pedro Sula.",
    "Militants killed two Catholic priests in northern Burkina Faso on Sunday.",
    "Gunmen killed three teachers at a school in Kenya's Mandera county.",
])
def test_force_on_civilians_is_assault(text: str) -> None:
    evs = events(text)
    assert evs and all(e["plover"] == "ASSAULT" for e in evs), show(evs)


def test_force_on_soldiers_stays_fight() -> None:
    evs = events("Insurgents killed four soldiers in an attack on a base in northern Mali.")
    assert evs and all(e["plover"] == "FIGHT" for e in evs), show(evs)
