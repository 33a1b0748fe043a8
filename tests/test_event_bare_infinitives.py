"""'help', 'let' and 'make' take an object and a bare infinitive: the infinitive's act is the object's, said of it,
not asserted ('Russia is ready to help Armenia and Azerbaijan reach a peace deal' is no agreement of Armenia's);
the governing verb keeps its own event."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize(("text", "not_source"), [
    ("Russia said it was ready to help Armenia and Azerbaijan reach a peace deal.", "ARM"),
    ("The mediators hope to help Sudan's warring generals agree a truce.", "SDNMIL"),
    ("Washington will not let Israel attack Iran, the official said.", "ISR"),
    ("Sanctions made Belarus release some political prisoners.", "BLR"),
])
def test_the_objects_act_is_not_asserted(text: str, not_source: str) -> None:
    evs = events(text)
    assert all(e["source"] != not_source for e in evs), show(evs)


def test_the_helper_keeps_its_act() -> None:
    evs = events("Russia said it was ready to help Armenia and Azerbaijan reach a peace deal.")
    assert {e["target"] for e in evs if e["source"] == "RUS"} == {"ARM", "AZE"}, show(evs)


def test_a_subject_before_its_verb_still_acts() -> None:
    """'Armenia and Azerbaijan reach a deal' alone: no governor, their own act."""
    evs = events("Armenia and Azerbaijan agree a peace deal, officials say.")
    assert any(e["source"] in ("ARM", "AZE") for e in evs), show(evs)
