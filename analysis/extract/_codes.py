"""Code choices the CAMEO codebook makes from what surrounds a trigger, after the clause roles are known.

- Conventional force (CAMEO 19) is armed forces against armed forces; violence against civilians, refugees,
  villages, camps, markets or places of worship is unconventional violence (CAMEO 18, PLOVER ASSAULT), and the
  killing of one person named by an office ('killed the deputy chief of X') by any but a state's armed forces
  is an assassination (186). Acts coded with their weapon (193-195, shelling, air strikes) stay force.
- An act inside a condition ('... unless Chad holds elections', 'if Israel attacks') is not asserted: it
  gives way to the sentence's main act. An act announced for the future 'unless' the other side does something
  is a threat (CAMEO 13): 'will boycott the elections unless the president resigns', 'will withdraw its troops
  unless ...' (a threat of that act where CAMEO has one, else 130).
"""

from __future__ import annotations

from analysis.extract.clauses import Candidate, future_code
from analysis.extract.roles import Sentence
from analysis.extract.text import word_group
from analysis.extract.triggers import Participant

GENERIC_FORCE = "190"  # CAMEO 190, use conventional military force, not specified below
UNCONVENTIONAL = "180"  # CAMEO 180, use unconventional violence, not specified below
ASSASSINATE = "186"
STATE_FORCES = frozenset({"MIL", "GOV", "COP", "SPY"})  # CAMEO sectors whose violence is a state's
NONCOMBATANT_SECTORS = word_group("noncombatant_sector")  # CAMEO sectors of people who bear no arms
CIVILIAN_NOUNS = word_group("civilian_noun")  # 'a refugee camp', 'a crowded market', 'villagers'
PERSON_TITLES = word_group("person_title")  # 'the deputy chief of ...', 'the mayor of ...'
KILL_LEMMAS = frozenset({"kill", "murder", "shoot dead", "gun down"})
THREATEN = "13"
SPAN = 6  # words of an object phrase (or a passive's subject) read for its head


def _sector(code: str | None) -> str:
    return code[3:6] if code and len(code) >= 6 else ""


def refine_violence(sent: Sentence, c: Candidate) -> None:
    """Recode generic conventional force by whom it falls on (see the module's docstring)."""
    if c.cameo != GENERIC_FORCE:
        return
    words = _patient_words(sent, c)
    src_sector = _sector(c.src.code if c.src else None)
    if c.trig.lemma in KILL_LEMMAS and src_sector not in STATE_FORCES and _one_official(words):
        c.cameo = ASSASSINATE
    elif _sector(c.tgt.code if c.tgt else None) in NONCOMBATANT_SECTORS or not CIVILIAN_NOUNS.isdisjoint(words):
        c.cameo = UNCONVENTIONAL
        if c.passive and c.tgt is None:  # 'a camp for Congolese refugees was attacked': the refugees
            c.tgt = _people_of_site(sent, c.ti)


def _people_of_site(sent: Sentence, ti: int) -> Participant | None:
    """The actor after 'for' or 'of' that follows a civilian noun right before the verb at ti."""
    for k in range(max(2, ti - SPAN), ti):
        p = sent.part_at.get(k)
        if p is not None and p.first_token == k and not p.place and sent.plain(k, ti) \
                and sent.low[k - 1] in ("for", "of") and sent.low[k - 2] in CIVILIAN_NOUNS:
            return p
    return None


def _patient_words(sent: Sentence, c: Candidate) -> list[str]:
    """The words of what the act falls on: the object phrase after the verb, or a passive's subject."""
    if c.passive:
        start = max(0, c.ti - SPAN - 2)
        return [w for k, w in enumerate(sent.low[start:c.ti], start) if sent.plain(k, c.ti)]
    end = min(sent.object_end(c.tj), c.tj + 1 + SPAN)
    return sent.low[c.tj + 1:end]


def _one_official(words: list[str]) -> bool:
    """'the deputy chief of Israel's militia ally', 'the mayor of Kandahar': one person by an office."""
    if not words or words[0] != "the":
        return False
    head = next((k for k, w in enumerate(words) if w == "of"), len(words))
    return head > 1 and words[head - 1] in PERSON_TITLES


def demote_conditions(sent: Sentence, cands: list[Candidate]) -> None:
    """Acts inside an 'if' or 'unless' clause give way to an asserted act of the sentence outside it."""
    inside = [c for c in cands if c.status == "main" and sent.in_condition(_head(c))]
    if inside and any(c.status == "main" and c not in inside for c in cands):
        for c in inside:
            c.status, c.embedded = "sub", True


def unless_threat(sent: Sentence, c: Candidate, cameo: str) -> str:
    """The code of a planned act that an 'unless' clause after it makes a threat (see the module)."""
    for k in range(c.tj + 1, sent.n):
        if sent.low[k] == "unless":
            threat = future_code(cameo)
            return threat if threat[:2] == THREATEN else "130"
        if not sent.plain(k - 1, k):
            break
    return cameo


def _head(c: Candidate) -> int:
    return c.anchor if c.anchor >= 0 else c.ti
