"""Arms received: 'Ukraine received F-16 fighter jets from Denmark' is Denmark giving military aid (CAMEO 072),
not a meeting; the giver is the actor after 'from', else the country that names the weapons ('received German
Leopard tanks', 'received Israeli drones'); a model name may stand before a head noun of two words."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize(("text", "giver", "receiver"), [
    ("Ukraine received F-16 fighter jets from Denmark on Thursday.", "DNK", "UKR"),
    ("Kyiv has received German Leopard tanks.", "DEU", "UKRGOV"),
    ("Poland received South Korean howitzers in December.", "KOR", "POL"),
    ("Morocco received Israeli drones last year.", "ISR", "MAR"),
    ("The rebels received rockets from Iran, according to the report.", "IRN", "IRNREB"),
])
def test_weapons_received_are_the_givers_military_aid(text: str, giver: str, receiver: str) -> None:
    evs = events(text)
    assert any(e["source"] == giver and e["target"] == receiver and e["cameo"] == "072" for e in evs), show(evs)


@pytest.mark.parametrize("text", [
    "Putin received Kim Jong Un at the Kremlin.",  # a visitor received: a meeting
    "The Kenyan president received a delegation from Japan.",
])
def test_a_visitor_received_is_still_a_meeting(text: str) -> None:
    evs = events(text)
    assert evs and all(e["cameo"] == "043" for e in evs), show(evs)
