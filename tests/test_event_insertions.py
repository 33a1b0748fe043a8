"""A relative clause set off by commas between a subject and its verb leaves the subject to the verb after it:
'The Malian junta, which expelled French troops last year, has asked Russia ...' is the junta's request
(subjects.Subjects._after_insertion); the actor inside the insertion does not act."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize(("text", "source", "target", "plover"), [
    ("The Malian junta, which expelled French troops last year, has asked Russia to help it.", "MLIGOV", "RUS",
     "REQUEST"),
    ("Pakistan, which has hosted Afghan refugees for decades, accused India of sponsoring militants.", "PAK", "IND",
     "DISAPPROVE"),
    ("Chilean President Gabriel Boric, who met Argentine officials on Monday, criticised Bolivia over gas prices.",
     "CHLGOV", "BOL", "DISAPPROVE"),
])
def test_subject_before_a_relative_clause(text: str, source: str, target: str, plover: str) -> None:
    evs = events(text)
    assert any(e["source"] == source and e["target"] == target and e["plover"] == plover for e in evs), show(evs)
    assert all(e["source"] in (source, None) or e["trigger"] != evs[0]["trigger"] for e in evs), show(evs)


def test_the_actor_inside_the_insertion_does_not_act() -> None:
    evs = events("The Malian junta, which expelled French troops last year, has asked Russia to help it.")
    assert all(e["source"] != "FRAMIL" for e in evs), show(evs)


def test_a_comma_list_is_no_insertion() -> None:
    """'Kenya, which ..., and Uganda': no verb right after the closing comma, so nothing changes."""
    evs = events("Egypt, Jordan and Iraq, which met in Cairo, signed a trade pact.")
    assert evs and all(e["source"] != "IRQ" or e["target"] in ("EGY", "JOR") for e in evs), show(evs)
