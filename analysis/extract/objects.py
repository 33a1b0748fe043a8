"""Targets inside the phrase a grievance is about: 'in protest against abuses by the Algerian army',
'in defiance of Chinese authorities', 'against the policies of the Kenyan government'.

A protest, demand, rejection or criticism with no target of its own falls on the agent of the act it
is about: the actor after 'by' in the grievance phrase, or after 'of' when the head noun names what that
actor did or holds (analysis/data/function_words.tsv, group grievance_of_head: 'decision', 'policies',
'defiance', 'removal'); never the people an act fell on ('against the arrest of Turkish journalists').
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.extract._function_words import GRIEVANCE_PREPS, OBJECT_STOPS, PUNCT
from analysis.extract.text import word_group

if TYPE_CHECKING:
    from analysis.extract.roles import Sentence
    from analysis.extract.triggers import Participant

GRIEVANCE_OF_HEADS = word_group("grievance_of_head")
PHRASE_WORDS = 8  # words of a grievance phrase read for its agent
OPENERS = GRIEVANCE_PREPS | {"at", "of"}  # 'in protest at', 'in protest of', 'in defiance of'


def grievance_agent(sent: Sentence, tj: int, end: int) -> Participant | None:
    """The agent of what the grievance after token tj is about, or None."""
    low = sent.low
    for m in range(tj + 1, min(end, tj + PHRASE_WORDS)):
        if low[m] in OBJECT_STOPS:
            return None
        if low[m] in OPENERS and (low[m] != "of" or low[m - 1] in GRIEVANCE_OF_HEADS):
            return _agent_in(sent, m, end)
    return None


def _agent_in(sent: Sentence, m: int, end: int) -> Participant | None:
    """The actor after 'by' in the phrase opened at m, or after 'of' that a head of grievance_of_head governs."""
    low = sent.low
    for k in range(m + 1, min(end, m + PHRASE_WORDS)):
        if k > m + 1 and (PUNCT.search(sent.gap(k - 1, k)) or low[k] in OBJECT_STOPS):
            return None
        agentive = low[k - 1] == "by" or (low[k - 1] == "of" and low[k - 2] in GRIEVANCE_OF_HEADS)
        if not agentive and low[k - 1] == "the" and k >= 2:
            agentive = low[k - 2] == "by" or (low[k - 2] == "of" and low[k - 3] in GRIEVANCE_OF_HEADS)
        p = sent.part_at.get(k)
        if p is not None and p.first_token == k:
            if agentive and not p.place:
                return p
            if not agentive:
                return None  # the first actor of the phrase is what the act fell on
    return None
