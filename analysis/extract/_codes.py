"""Code choices the CAMEO codebook makes from what surrounds a trigger, after the clause roles are known.

- Conventional force (CAMEO 19) is armed forces against armed forces; violence against civilians, refugees,
  villages, camps, markets or places of worship is unconventional violence (CAMEO 18, PLOVER ASSAULT), and the
  killing of one person named by an office ('killed the deputy chief of X') by any but a state's armed forces
  is an assassination (186). Acts coded with their weapon (193-195, shelling, air strikes) stay force.
- An act inside a condition ('... unless Chad holds elections', 'if Israel attacks') is not asserted: it
  gives way to the sentence's main act. An act announced for the future 'unless' the other side does something
  is a threat (CAMEO 13): 'will boycott the elections unless the president resigns', 'will withdraw its troops
  unless ...' (a threat of that act where CAMEO has one, else 130).
- Blowing up or destroying infrastructure (pipelines, bridges, power lines, railways) is destroying property
  (1712, PETRARCH2 '* PIPELINE [1712] # BLEW_UP'), not force against people.
- The noun of the means of a violent act gives it its more specific code ('killed three civilians in a car
  bombing' is a bombing), and a passive without an agent the one that noun names ('were killed in an attack
  by Taliban fighters').
- Armed forces that withdraw, pull out or pull back without an object ('Ethiopian troops withdrew from
  Mogadishu', 'the rebels pulled back from the town') retreat militarily (0874); withdrawing a thing (an
  ambassador, a bill, support) keeps the code of its phrase.
- An order to do an act that a state imposes ('ordered the newspaper to suspend publication', 'ordered two
  diplomats to leave the country') is coercion (172 administrative sanctions, 174 expulsion), not a demand.
"""

from __future__ import annotations

import dataclasses

from analysis.extract._function_words import PLACE_PREPS, PUNCT
from analysis.extract.clauses import QUESTION_OPENERS, Candidate, future_code, same_actor
from analysis.extract.roles import Sentence
from analysis.extract.text import mapping_group, word_group
from analysis.extract.triggers import Participant

GENERIC_FORCE = "190"  # CAMEO 190, use conventional military force, not specified below
UNCONVENTIONAL = "180"  # CAMEO 180, use unconventional violence, not specified below
ASSASSINATE = "186"
STATE_FORCES = frozenset({"MIL", "GOV", "COP", "SPY"})  # CAMEO sectors whose violence is a state's
NONCOMBATANT_SECTORS = word_group("noncombatant_sector")  # CAMEO sectors of people who bear no arms
CIVILIAN_NOUNS = word_group("civilian_noun")  # 'a refugee camp', 'a crowded market', 'villagers'
PERSON_TITLES = word_group("person_title")  # 'the deputy chief of ...', 'the mayor of ...'
KILL_LEMMAS = word_group("kill_lemma")  # killing a person: an assassination when an official is named
THREATEN = "13"
DESTROY_PROPERTY = "1712"
DESTROY_VERBS = word_group("destroy_verb")  # 'blow up', 'destroy', 'sabotage'
PROPERTY_NOUNS = word_group("property_noun")  # 'pipeline', 'bridge', 'railway'
LINE_MODIFIERS = word_group("property_line_modifier")  # 'power lines', 'rail lines' (not 'enemy lines')
ORDER_VERBS = word_group("order_verb")
ORDERED_ACTS = mapping_group("ordered_act")
MEANS_AGENTS = mapping_group("means_agent")  # 'a suicide bomber killed ...' -> 1831  # 'ordered X to close' -> 172
ARMED_SECTORS = word_group("armed_sector")  # CAMEO sectors of people who bear arms: military, rebels ...
RETREAT_VERBS = word_group("retreat_verb")  # 'withdraw', 'pull out'
MILITARY_RETREAT = "0874"
FIGHT_NOUNS = word_group("fight_noun")  # 'clash', 'gunbattle': fighting between two sides
VIOLENT_ROOTS = ("18", "19", "20")  # CAMEO assault, fight, mass violence
SPAN = 6  # words of an object phrase (or a passive's subject) read for its head


def _sector(code: str | None) -> str:
    return code[3:6] if code and len(code) >= 6 else ""


def refine_violence(sent: Sentence, c: Candidate) -> None:
    """Recode generic conventional force by whom it falls on (see the module's docstring)."""
    if c.cameo != GENERIC_FORCE:
        return
    words = _patient_words(sent, c)
    if c.trig.lemma.split(" ", 1)[0] in DESTROY_VERBS and _property(sent.low[c.ti:c.tj + 1] + words):
        c.cameo = DESTROY_PROPERTY
        return
    src_sector = _sector(c.src.code if c.src else None)
    if c.trig.lemma in KILL_LEMMAS and src_sector not in STATE_FORCES and _one_official(words):
        c.cameo = ASSASSINATE
    elif _sector(c.tgt.code if c.tgt else None) in NONCOMBATANT_SECTORS or not CIVILIAN_NOUNS.isdisjoint(words):
        c.cameo = UNCONVENTIONAL
        if c.passive and c.tgt is None:  # 'a camp for Congolese refugees was attacked': the refugees
            c.tgt = _people_of_site(sent, c.ti)


def _property(words: list[str]) -> bool:
    """Whether an object phrase names infrastructure: 'an oil pipeline', 'three power lines'."""
    return not PROPERTY_NOUNS.isdisjoint(words) or any(
        w in ("line", "lines") and k > 0 and words[k - 1] in LINE_MODIFIERS for k, w in enumerate(words))


def armed_withdrawal(sent: Sentence, c: Candidate) -> None:
    """Recode a withdrawal without an object by armed forces as a military retreat (see the module's docstring)."""
    if c.cameo[:2] != "08" or c.trig.lemma not in RETREAT_VERBS or _sector(c.src.code if c.src else None) \
            not in ARMED_SECTORS:
        return
    k = c.tj + 1
    if k >= sent.n or sent.low[k] in PLACE_PREPS or PUNCT.search(sent.gap(c.tj, k)):
        c.cameo = MILITARY_RETREAT  # 'withdrew from ...', 'withdrew on Friday', 'pulled out, officials said'


def ordered_act(sent: Sentence, c: Candidate) -> None:
    """Recode an order (CAMEO 100) by the act it imposes: 'ordered the newspaper to suspend publication' (172)."""
    if c.trig.lemma not in ORDER_VERBS:
        return
    end = min(sent.clause_end(c.tj), c.tj + 2 * SPAN, sent.n - 1)
    for k in range(c.tj + 1, end):
        if sent.low[k] == "to":
            c.cameo = ORDERED_ACTS.get(sent.low[k + 1], c.cameo)
            return


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
    """Acts inside an 'if' or 'unless' clause give way to an asserted act of the sentence outside it; acts inside an
    indirect question ('asked whether Poland would send troops') are no events."""
    inside = [c for c in cands if c.status == "main" and sent.in_condition(_head(c))]
    if inside and any(c.status == "main" and c not in inside for c in cands):
        for c in inside:
            c.status, c.embedded = "sub", True
    if sent.questions:
        for c in cands:
            if c.status in ("main", "sub") and sent.in_condition(_head(c), QUESTION_OPENERS):
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


def _unnamed_attackers(sent: Sentence, means: Candidate, c: Candidate) -> Participant | None:
    """The unidentified armed attackers (UAF) of the country where a violent act happens whose subject is its
    means and names no actor ('A roadside bombing near Samarra killed one U.S. soldier', 'A suicide bombing
    killed 12 people in Baghdad'): a place between the means and the verb, else one after 'in', 'near' ...
    in the verb's clause; None without one."""
    places = [p for p in sent.parts if p.place and p.country and means.tj < p.first_token < c.ti]
    if not places:
        end = sent.clause_end(c.tj)
        places = [p for p in sent.parts if p.place and p.country and c.tj < p.first_token < end
                  and sent.low[p.first_token - 1] in PLACE_PREPS]
    country = places[0].country if places else None
    return dataclasses.replace(places[0], code=country + "UAF", place=False, capital=False) if country else None


def _opponent(sent: Sentence, c: Candidate, after: list[Candidate]) -> Participant | None:
    """The other side of the fight a passive's victims fell in: the actor after 'with' that follows a noun of
    mutual fighting ('were killed in a clash with Afghan border forces', 'were wounded in fighting with the
    rebels', 'died in a gunbattle with police'), ending the trigger or the nominal of its means."""
    ends = [c.tj] + [d.tj for d in after if d.status == "nom" and d.ti - c.tj <= SPAN]
    for end in ends:
        if sent.low[end] not in FIGHT_NOUNS:
            continue
        k = end + 1
        if k < sent.n and sent.low[k] == "with" and sent.plain(end, k):
            for j in (k + 1, k + 2):  # 'with Afghan forces', 'with the rebels'
                p = sent.part_at.get(j)
                if p is not None and p.first_token == j and not p.place and sent.plain(k, j) \
                        and (c.tgt is None or not same_actor(p, c.tgt)):
                    return p
    return None


def _head(c: Candidate) -> int:
    return c.anchor if c.anchor >= 0 else c.ti


_MEANS_PREPS = word_group("means_prep")  # 'killed in a bomb attack', 'by a roadside bomb'


def fold_means(sent: Sentence, cands: list[Candidate]) -> None:
    """'killed three civilians in a suicide car bombing', 'wounded two soldiers in a bomb attack', 'Israeli
    airstrikes killed 12 people', 'were killed by a roadside bomb' (the means of a passive): the noun of
    the means, after the verb ('in', 'by') or as its subject, gives the violent act its more specific code
    (CAMEO codes the most specific act), and the agent it names gives a passive without one its source
    ('two soldiers were killed in an attack by Taliban fighters'); an actor named by its means does so too
    ('a suicide bomber killed 15 people' is a suicide bombing)."""
    for k, c in enumerate(cands):
        refine, agent = c.cameo.endswith("0"), c.passive and c.src is None
        if c.status != "main" or c.trig.pos != "verb" or c.cameo[:2] not in VIOLENT_ROOTS or not (refine or agent):
            continue
        # the subject: the last noun before the verb with no punctuation and no other trigger between
        # ('Israeli airstrikes killed', 'A roadside bombing near Samarra on Sunday killed')
        subject = cands[k - 1] if k > 0 and cands[k - 1].trig.pos == "noun" and sent.plain(cands[k - 1].tj, c.ti) \
            and not any(w in sent.reports for w in range(cands[k - 1].tj + 1, c.ti)) else None
        for d in ([subject] if subject is not None else []) + cands[k + 1:]:
            if d.status == "nom" and d.cameo[:2] in VIOLENT_ROOTS and (d is subject or (
                    d.ti - c.tj <= 8 and sent.plain(c.tj, d.ti)
                    and not _MEANS_PREPS.isdisjoint(sent.low[max(c.tj, d.ti - 4):d.ti]))):
                if agent and d.src is not None and (d.tgt is None or d.tgt.place) and d is not subject:
                    c.src, d.status = d.src, "done"  # 'were killed in an ambush by Taliban fighters'
                if refine and d.cameo != c.cameo:
                    c.cameo, d.status = d.cameo, "done"
                if d.status == "done":
                    break
        if c.passive and c.src is None:
            c.src = _opponent(sent, c, cands[k + 1:])  # 'were killed in a clash with Afghan border forces'
        if subject is not None and c.src is None and not c.passive and subject.cameo[:2] in VIOLENT_ROOTS:
            c.src = _unnamed_attackers(sent, subject, c)  # 'A roadside bombing near Samarra killed ...'
        if refine and c.cameo.endswith("0") and not c.passive:
            # 'a suicide bomber killed': the actor (or the unnamed subject right before the verb) names the means
            words = c.src.text.lower().split() if c.src is not None else sent.low[max(0, c.ti - 2):c.ti]
            c.cameo = MEANS_AGENTS.get(" ".join(words[-2:])) or MEANS_AGENTS.get(words[-1] if words else "", c.cameo)
