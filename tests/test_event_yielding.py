"""Idioms of yielding: 'bowed to pressure from X', 'caved in to demands', 'succumbed to pressure' are
concessions (CAMEO 080, PLOVER CONCEDE) to whoever presses, not acts of coercion by the one who yields."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize("text,source,target", [
    ("Mali's military rulers bowed to pressure from ECOWAS and set an election date.", "MLIMIL", "IGOWAFWAS"),
    ("After weeks of protests, Serbia's president succumbed to pressure from the European Union.", "SRBGOV",
     "IGOEUREEC"),
    ("The Thai government caved in to demands from the United Nations on Monday.", "THAGOV", "IGOUNO"),
    ("Under pressure at home, the Ghanaian government is bowing to demands from the African Union.", "GHAGOV",
     "IGOAFRAFU"),
])
def test_yielding_to_pressure_is_a_concession_to_whoever_presses(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [(e["source"], e["plover"], e["target"]) for e in evs] == [(source, "CONCEDE", target)], show(evs)
    assert evs[0]["cameo"] == "080"


@pytest.mark.parametrize("text", [
    "Facing a general strike, the Bolivian cabinet caved to the unions.",
    "Kenya's president bowed to the demands of the opposition.",
    "Peru's congress finally succumbed to public anger over the pension law.",
])
def test_yielding_without_a_named_presser_is_still_a_concession(text: str) -> None:
    evs = events(text)
    assert [e["plover"] for e in evs] == ["CONCEDE"], show(evs)
    assert not any(e["plover"] == "COERCE" for e in evs)
