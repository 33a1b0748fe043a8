"""Sending a delegation or an envoy is a visit by the sender's people (CAMEO 042; planned: 036), and a joint
exercise, singular or plural, is military cooperation (062) with whoever takes part."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize("text,source,cameo,target", [
    ("Iran sent a delegation to Saudi Arabia.", "IRN", "042", "SAU"),
    ("Last week Turkey sent an envoy to Libya to meet rival leaders.", "TUR", "042", "LBY"),
    ("Iran plans to send a delegation to Saudi Arabia next month.", "IRN", "036", "SAU"),
    ("Brazil will send a special envoy to Venezuela.", "BRA", "036", "VEN"),
])
def test_sending_a_delegation_is_a_visit(text: str, source: str, cameo: str, target: str) -> None:
    evs = events(text)
    assert (source, cameo, target) in {(e["source"], e["cameo"], e["target"]) for e in evs}, show(evs)


@pytest.mark.parametrize("text,pair", [
    ("The Chinese navy held a joint exercise with Russian warships.", ("CHNMIL", "RUSMIL")),
    ("Egypt and Greece conducted a joint naval exercise in the Mediterranean.", ("EGY", "GRC")),
    ("India staged a joint military drill with Mongolia on Friday.", ("IND", "MNG")),
])
def test_a_joint_exercise_is_military_cooperation(text: str, pair: tuple[str, str]) -> None:
    evs = events(text)
    assert [(e["source"], e["target"]) for e in evs if e["cameo"] == "062"] == [pair], show(evs)
