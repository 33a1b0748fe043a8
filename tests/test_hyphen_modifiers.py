"""A word and a participle joined by a hyphen ('eastern-based', 'newly-elected', 'military-led') is one
modifier of the agent noun after it, as a plain adjective is: "Libya's eastern-based parliament" is Libya's
parliament (LBYLEG), where the hyphen used to end the search for the noun."""

from __future__ import annotations

import pytest

from analysis.extract.pipeline import extract_record
from analysis.io.articles import article_from_text


def _record(text: str) -> dict:
    return extract_record(article_from_text(text, date="2023-09-11"))


@pytest.mark.parametrize(("text", "agent", "code"), [
    ("The head of Libya's eastern-based parliament met Egyptian officials in Cairo.",
     "Libya's eastern-based parliament", "LBYLEG"),
    ("Kenya's western-based farmers demanded higher prices from the government.",
     "Kenya's western-based farmers", "KENAGR"),
    ("Ethiopia's northern-based rebels attacked army positions.", "Ethiopia's northern-based rebels", "ETHREB"),
    ("Bolivia's newly-elected president met Argentine officials.", "Bolivia's newly-elected president", "BOLGOV"),
])
def test_a_hyphenated_participle_is_one_modifier(text: str, agent: str, code: str) -> None:
    actors = {a["text"]: a["code"] for a in _record(text)["actors"]}
    assert any(t.endswith(agent) and c == code for t, c in actors.items()), actors


def test_the_agent_behind_the_modifier_acts() -> None:
    events = _record("The head of Libya's eastern-based parliament met Egyptian officials in Cairo.")["events"]
    assert ("LBYLEG", "EGYGOV") in {(e["source"], e["target"]) for e in events}


@pytest.mark.parametrize("text", [
    "Pakistan's state-run broadcaster aired the speech.",  # no agent noun after the modifier
    "Egypt's hard-won deal with lenders was signed in Cairo.",
    "Chile's long-awaited vote took place on Sunday.",
])
def test_no_agent_where_no_agent_noun_follows(text: str) -> None:
    actors = _record(text)["actors"]
    assert not any("-" in a["text"] for a in actors), actors
