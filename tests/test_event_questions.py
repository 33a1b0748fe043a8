"""An act inside an indirect question ('whether', 'asked if') is asked about, not done: no event of it ('Asked
whether Poland would send troops to Ukraine, the prime minister said ...'), while the sentence's asserted act
stands."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize(("text", "not_source"), [
    ("Asked whether Poland would send troops to Ukraine, the prime minister said no decision had been made.", "POL"),
    ("Reporters asked whether Japan would impose sanctions on China.", "JPN"),
    ("It was not clear whether Ethiopian troops had withdrawn from Somalia.", "ETHMIL"),
])
def test_no_event_inside_a_question(text: str, not_source: str) -> None:
    evs = events(text)
    assert all(e["source"] != not_source for e in evs), show(evs)


def test_the_asserted_act_stands() -> None:
    evs = events("Kenya accused Somalia of deciding whether to expel its diplomats.")
    assert any(e["source"] == "KEN" and e["target"] == "SOM" for e in evs), show(evs)
