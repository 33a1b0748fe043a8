"""Armed forces that withdraw without an object retreat militarily (CAMEO 0874, PLOVER RETREAT); withdrawing a
thing keeps the code of its phrase."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize("text,source", [
    ("Ethiopian troops withdrew from the Somali capital.", "ETHMIL"),
    ("Russian forces withdrew, Ukrainian officials said.", "RUSMIL"),
    ("On Sunday the Sudanese army withdrew from two towns near the border.", "SDNMIL"),
    ("Colombian rebels have withdrawn from the highway they had blocked.", "COLREB"),
])
def test_armed_forces_that_withdraw_retreat_militarily(text: str, source: str) -> None:
    evs = events(text)
    assert [(e["source"], e["cameo"], e["plover"]) for e in evs] == [(source, "0874", "RETREAT")], show(evs)


@pytest.mark.parametrize("text,cameo", [
    ("The Malian army withdrew its support for the peace deal.", "080"),
    ("Kenya withdrew from the talks on Tuesday.", "080"),  # a state, not its forces
    ("Peru's government withdrew the bill after the protests.", "080"),
])
def test_other_withdrawals_keep_their_code(text: str, cameo: str) -> None:
    evs = events(text)
    assert [e["cameo"] for e in evs] == [cameo], show(evs)
