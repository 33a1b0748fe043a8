"""Agent nouns of agents.tsv that news uses for unnamed groups: attackers (UAF, as PETRARCH codes
assailants), growers (AGR, as farmers) and poachers (CRM, as smugglers). Unnamed, they are of the country
their sentence is set in, and they act."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize(("text", "source"), [
    ("Attackers killed five villagers in northern Burkina Faso on Sunday.", "BFAUAF"),
    ("Unidentified attackers stormed a police station in Kenya's Mandera county.", "KENUAF"),
    ("Police in Niger said attackers had ambushed a convoy near Tillaberi.", "NERUAF"),
    ("Cocoa growers in Ivory Coast demanded higher prices from the government.", "CIVAGR"),
    ("Coffee growers in Colombia protested against the new tax.", "COLAGR"),
    ("In Ghana, angry growers blocked roads to the port of Tema.", "GHAAGR"),
    ("Poachers killed two rangers in Kenya's Tsavo park.", "KENCRM"),
    ("Poachers attacked a patrol in Zimbabwe's Hwange park.", "ZWECRM"),
    ("Armed poachers shot a game warden in Tanzania's Selous reserve.", "TZACRM"),
])
def test_unnamed_group_acts(text: str, source: str) -> None:
    evs = events(text)
    assert [e["source"] for e in evs] == [source], show(evs)
