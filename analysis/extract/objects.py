"""Actors inside and around the phrases a trigger governs, for `analysis.extract.roles`.

- Targets inside the phrase a grievance is about: 'in protest against abuses by the Algerian army', 'in
  defiance of Chinese authorities', 'against the policies of the Kenyan government'. A protest, demand,
  rejection or criticism with no target of its own falls on the agent of the act it is about: the actor
  after 'by' in the grievance phrase, or after 'of' when the head noun names what that actor did or holds
  (analysis/data/function_words.tsv, group grievance_of_head: 'decision', 'policies', 'defiance',
  'removal'); never the people an act fell on ('against the arrest of Turkish journalists').
- The actor after 'by' or 'from' in an object that names another's act or word ('rejected a proposal
  from X'); the country a restricted flow goes to or comes from ('restrictions on travel to Cuba'); whom
  a concession answers ('after talks with X'); a person after a longer title ('against the party's
  leader X'); the speaker that 'its' refers to after a plural subject; the speaker's own forces ('X said
  its troops ...'); the authorities of the country where a passive arrest happens; the agent of a reduced
  passive relative ('the ceasefire proposed by Russia').
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from analysis.extract._function_words import (
    ARTICLES,
    BETWEEN_SUBJECT_AND_VERB,
    BORDER_NOUNS,
    BOUNDARY_WORDS,
    CROWD_SECTORS,
    FLOW_OPENERS,
    FLOW_PREPS,
    FUNCTION_BEFORE_OBJECT,
    GRIEVANCE_PREPS,
    NO_FILLERS,
    OBJECT_STOPS,
    PASSIVE_AUX,
    PASSIVE_PLACE_PREPS,
    PERSON_TITLES,
    POSSESSIVE_PRONOUNS,
    PREPS_BETWEEN,
    PUNCT,
    SINGULAR_POSSESSIVES,
    STATE_ACT_ROOTS,
    SUBJECT_PRONOUNS,
    WINDOW,
    YIELD_OPENERS,
    YIELD_PREPS,
)
from analysis.extract.actors import actor_lexicon
from analysis.extract.clauses import same_actor
from analysis.extract.text import word_group

_AGENCY_PREPS = word_group("agency_prep")  # 'a proposal from Russia', 'prisoners held by Hamas'
SITUATION_CODES = word_group("situation_code")  # concern (012) and disapproval (11) about what happens in a country
_SITUATION_PREPS = word_group("situation_prep")  # 'the coup in Niger', 'violence across the Sahel'
_PART_OF_PLACE = word_group("place_cue_before")  # 'in eastern Congo'
PLACE_TARGET_PREPS = tuple(sorted(word_group("place_target_prep")))  # 'shelled positions near Aleppo'

if TYPE_CHECKING:
    from analysis.extract.clauses import Candidate
    from analysis.extract.roles import Sentence
    from analysis.extract.subjects import Subjects
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


def grieved_state(sent: Sentence, c: Candidate) -> Participant | None:
    """The government of the aggrieved, for a grievance about a state's act whose agent goes unnamed: 'organized
    a general strike in protest of last week's arrest of activists', 'students marched against the detention
    of their leaders' (a noun of STATE_ACT_ROOTS, arrest, detention, expulsion, within three words of an
    opener, no 'by' after it). Only for people of a country (CROWD_SECTORS) in a sentence naming no other
    country; else None."""
    src, low = c.src, sent.low
    if src is None or src.place or not src.country or src.code[3:6] not in CROWD_SECTORS or any(
            p.country and p.country != src.country for p in sent.parts):
        return None
    for m in range(c.tj, sent.clause_end(c.tj) - 1):  # (from the trigger: 'marched against')
        if low[m] not in OPENERS:
            continue
        for k in range(m + 1, min(m + 4, sent.n)):
            if any(t.pos == "noun" and len(t.words) == 1 and t.cameo[:2] in STATE_ACT_ROOTS
                   for t in sent.lex.triggers.get(low[k], ())) and "by" not in low[k + 1:k + 4]:
                return dataclasses.replace(src, code=src.country + "GOV", place=False, possessive=False)
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


def speakers_own(sent: Subjects, start: int, ti: int) -> Participant | None:
    """'X said its forces had shot down ...', 'Kenya said its troops killed ...': a reported clause whose subject
    is 'its' or 'their' and an agent noun is done by the speaker's people of that sector (the speaker's
    country with the noun's sector: RUSMIL for 'its forces')."""
    low = sent.low
    if start + 2 > ti or low[start] not in POSSESSIVE_PRONOUNS or not sent.plain(start, ti) or not all(
            low[m] in BETWEEN_SUBJECT_AND_VERB or sent.adverb(m) for m in range(start + 2, ti)):
        return None
    sector = actor_lexicon().agents.get((low[start + 1],))
    r = start - 1
    while r >= 0 and r not in sent.reports and (r == start - 1 or low[r] in BETWEEN_SUBJECT_AND_VERB):
        r = sent.back(r)
    speaker = sent.speaker(r) if r in sent.reports else None
    if speaker is None or sector is None or not speaker.country or speaker.place or len(sector) != 3:
        return None
    return dataclasses.replace(speaker, code=speaker.country + sector)


def titled_after(sent: Sentence, k: int, end: int) -> Participant | None:
    """A person named after a longer title that follows the preposition at k: 'against the party's leader
    Mahmoud Abbas', 'with the country's former foreign minister X' (lower-case words ending on a title)."""
    p = sent.starting(k + 4, min(k + 8, end))
    if p is None or sent.low[p.first_token - 1] not in PERSON_TITLES or not sent.plain(k, p.first_token):
        return None
    between = range(k + 1, p.first_token)
    if any(sent.toks[m].capitalised or m in sent.part_at or sent.low[m] in BOUNDARY_WORDS
           or sent.low[m] in PREPS_BETWEEN for m in between):
        return None
    return p


def agent_in_object(sent: Sentence, tj: int, end: int) -> Participant | None:
    """The actor after 'by' or 'from' in the object phrase of the trigger ending at tj, whose act or word the
    trigger answers: 'rejected a proposal for talks from South Korea', 'condemned the attack on Kyiv by
    Russia', 'called for the release of prisoners held by Iran' (not past a clause boundary or report)."""
    low = sent.low
    for k in range(tj + 1, min(end, tj + WINDOW)):
        if low[k] in OBJECT_STOPS or k in sent.reports:
            return None
        if low[k] in _AGENCY_PREPS and k > tj + 1:
            p = sent.starting(k + 1, min(end, k + 4))
            between = low[k + 1:p.first_token] if p is not None else []
            if p is not None and not p.place and all(
                    w in ARTICLES or not (w in BOUNDARY_WORDS or w in PREPS_BETWEEN) for w in between):
                return p
    return None


def speaker_owner(sent: Sentence, c: Candidate, src: Participant) -> Participant | None:
    """The speaker that 'its' in the act's object refers to when the act's subject is plural and so cannot
    be its antecedent: 'Greece said Turkish jets violated its airspace', 'Russia says Ukrainian drones
    attacked its refineries' (not 'Russia said Ukraine withdrew its troops': Ukraine's own troops)."""
    last = sent.toks[src.last_token].text
    if not (last.islower() and last.endswith("s")) or SINGULAR_POSSESSIVES.isdisjoint(
            sent.low[c.ti + 1:min(c.tj + 3, sent.clause_end(c.tj))]):
        return None
    reports = [r for r in sent.reports if r < c.ti]
    speaker = sent.speaker(max(reports)) if reports else None
    if speaker is None and sent.closing_report > c.tj:
        speaker = sent.part_end.get(sent.closing_report - 1)
    return speaker if speaker is not None and not same_actor(speaker, src) else None


def authorities_of_place(sent: Sentence, tj: int) -> Participant | None:
    """The authorities of the country where, or from where, a passive act of a state's kind falls: 'a
    missionary was arrested in Lebanon', 'three Chinese nationals were deported from Vietnam', 'was arrested at
    Harare airport' (the country of the place right after 'in', 'from' or 'at', as that country's government)."""
    k = tj + 1
    if k < sent.n and sent.low[k] in PASSIVE_PLACE_PREPS:
        p = sent.starting(k + 1, min(k + 3, sent.clause_end(tj)))
        if p is not None and p.country and (p.place or p.code == p.country) and (
                not p.possessive or p.place and sent.low[k] == "at"):  # "at Tehran's airport"
            return dataclasses.replace(p, code=p.country + "GOV", place=False)
    return None


def retreat_roles(sent: Sentence, c: Candidate, ti: int) -> tuple[Participant | None, Participant | None, bool]:
    """Source, target and passiveness of an agentless passive retreat: 'the guerrillas have been
    demobilised', 'Russian troops were pulled back from the border' (the forces retreat, from what follows
    the trigger's preposition; no one acts on them)."""
    preps = c.trig.target_preps
    return sent.source(ti), sent.after_prep(c.tj, preps, sent.clause_end(c.tj)) if preps else None, False


def relative_agent(sent: Sentence, c: Candidate) -> Participant | None:
    """The agent of a past participle that follows a noun and takes 'by' ('the ceasefire proposed by
    Russia'), or None."""
    if not sent.low[c.ti].endswith(("ed", "en")) or sent.low[c.tj + 1:c.tj + 2] != ["by"]:
        return None
    k = sent.back(c.ti)
    if k < 0 or not sent.plain(k, c.ti) or sent.low[k] in PASSIVE_AUX or k in sent.part_end \
            or sent.low[k] in SUBJECT_PRONOUNS:
        return None
    p = sent.starting(c.tj + 2, c.tj + 5)
    return p if p is not None and not p.place else None


def situation_country(sent: Sentence, c: Candidate, end: int, src: Participant | None) -> Participant | None:
    """The country where what a statement of concern or disapproval is about happens: 'condemned the coup in
    Niger', 'voiced concern over the situation in Sudan', 'criticised the treatment of migrants in Libya' (a
    place after 'in' and a noun of the object phrase, or a crowd located in one, coded as the country); not the
    speaker's own country ('condemned the attack in a statement in Paris'). A phrase trigger ending on the act
    ('condemned the coup') may take the place right after it."""
    low, tj = sent.low, c.tj
    first = tj + 1 if c.tj > c.ti and c.trig.cameo[:2] != "01" else tj + 2  # (not 'voiced concern in Geneva')
    for k in range(tj + 1, min(end, tj + WINDOW)):
        if low[k] in OBJECT_STOPS:
            return None
        p = sent.part_at.get(k)
        if p is None or p.first_token != k or not p.country:
            continue
        m = k - 1 - (low[k - 1] in _PART_OF_PLACE)
        located = p.place and low[m] in _SITUATION_PREPS and m >= first and low[m - 1] not in ARTICLES
        crowd = not p.place and p.code[3:6] in CROWD_SECTORS and " in " in p.text
        if not (located or crowd) or (src is not None and src.country == p.country):
            return None
        return dataclasses.replace(p, code=p.country, place=False, possessive=False, capital=False)
    return None


def flow_partner(sent: Sentence, tj: int, end: int) -> Participant | None:
    """The country a restricted flow goes to or comes from: 'on travel to Cuba', 'on imports from Belarus',
    'on beef imports from the United States', 'imposed curbs on trade with Nepal' ('on' or 'against' in
    the object, one or two words, then 'to', 'from' or 'with' and the actor)."""
    low = sent.low
    k = next((m for m in range(tj + 1, min(end, tj + 4)) if low[m] in FLOW_OPENERS), end)  # 'imposed curbs on'
    if k < end and sent.plain(tj, k) and all(w not in NO_FILLERS for w in low[tj + 1:k]):
        for m in (k + 2, k + 3):
            if m + 1 < end and low[m] in FLOW_PREPS and sent.plain(k, m + 1) and all(
                    w not in NO_FILLERS and w not in FUNCTION_BEFORE_OBJECT for w in low[k + 1:m]):
                p = sent.starting(m + 1, min(end, m + 3))
                return p if p is not None and not p.possessive else None
    return None


def border_neighbour(sent: Sentence, tj: int, end: int) -> Participant | None:
    """The country across the border a show of force stands at: 'along the border with Mali', 'near its
    frontier with Venezuela', 'on the Finnish border' (a border noun in the clause after the trigger, then
    'with' and the actor, or an actor right before it)."""
    low = sent.low
    for m in range(tj + 1, min(end, tj + WINDOW)):
        if low[m] in BORDER_NOUNS and sent.plain(tj, m):
            if m + 1 < end and low[m + 1] == "with":
                return sent.starting(m + 2, min(end, m + 4))
            return sent.part_end.get(m - 1)
    return None


def yielded_to(sent: Sentence, tj: int) -> Participant | None:
    """Whom a concession or retreat answers: the actor of the talks or pressure after which it came ('called
    off the strike after talks with the government', 'freed the hostages following negotiations with
    Qatar', 'backed down under pressure from Washington'): an opener, up to three words, then 'with',
    'from' or 'by' and the actor (in the same clause)."""
    low, end = sent.low, sent.clause_end(tj)
    for k in range(tj + 1, min(end, tj + WINDOW)):
        if low[k] in YIELD_OPENERS:
            for m in range(k + 2, min(end, k + 5)):
                if low[m] in YIELD_PREPS:
                    p = sent.starting(m + 1, min(end, m + 3))
                    return p if p is not None and not p.place else None
            return None
        if low[k] in OBJECT_STOPS:
            return None
    return None
