"""Who does what to whom in a sentence: the source and target of each trigger of `analysis.extract.clauses`.

The source is the subject (`analysis.extract.subjects`; 'X and Y met': X with Y); the target is
the object, or follows the trigger's preposition or its root's ('attacks against X'); passive voice;
nouns ("X's invasion of Y", 'at the invitation of X', 'talks between X and Y', 'a U.S. offer'); 'the two
countries', 'one another' refer to the article's two main actors; places coded as their country
('shelled Juba') are acted upon, never actors.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from itertools import filterfalse

from analysis.extract._function_words import (
    ADJUNCT_PREPS,
    AGENT_OBJECT_ROOTS,
    BE,
    BORDER_ROOTS,
    BOUNDARY_WORDS,
    FLOW_ROOTS,
    GRIEVANCE_PREPS,
    GRIEVANCE_ROOTS,
    NO_FILLERS,
    OBJECT_PREP_STOPS,
    OBJECT_STOPS,
    OCCURRENCE_FIRSTS,
    OCCURRENCE_VERBS,
    PARTITIVE_HEADS,
    PASSIVE_AUX,
    PERFECT_AUX,
    PHRASE_STOPS,
    PLACE_PREPS,
    PLACE_TARGET_ROOTS,
    PREPS_BETWEEN,
    RECIPROCAL_ROOTS,
    ROOT_PREPS,
    SELF_YIELD_CODES,
    STATE_ACT_ROOTS,
    SUBJECT_PREPS,
    WINDOW,
    YIELD_CODES,
)
from analysis.extract._sentence_filter import only_places
from analysis.extract.clauses import Candidate, same_actor
from analysis.extract.objects import (
    PLACE_TARGET_PREPS,
    SITUATION_CODES,
    agent_in_object,
    authorities_of_place,
    border_neighbour,
    flow_partner,
    grievance_agent,
    relative_agent,
    retreat_roles,
    situation_country,
    speaker_owner,
    titled_after,
    yielded_to,
)
from analysis.extract.subjects import Subjects
from analysis.extract.triggers import Participant, cached

PROTEST_ROOT = "14"  # CAMEO 14, demonstrate or rally


def joint_act(c: Candidate) -> bool:
    """Whether the act is one that two sides do together: reciprocal roots, triggers whose other side follows
    'with' ('agree with', 'cooperate with')."""
    return c.cameo[:2] in RECIPROCAL_ROOTS or "with" in c.trig.target_preps
COMPLAINT = "114"  # CAMEO 114, complain officially


class Sentence(Subjects):
    """A sentence with the roles of its triggers: the candidates `analysis.extract.events` turns into events."""

    # ---- targets ------------------------------------------------------------------------------
    def object_end(self, tj: int) -> int:
        """Where the object of a verb ends: at punctuation, a subordinator or an adjunct preposition."""
        marks, low = self._marks, self.low  # (a mark before k: PUNCT in the gap)
        for k in range(tj + 1, self.n):
            if marks[k] or low[k] in OBJECT_STOPS or low[k] in ADJUNCT_PREPS:
                return k
        return self.n

    def after_prep(self, tj: int, preps: Sequence[str], end: int) -> Participant | None:
        """The participant that a preposition after the trigger introduces ('with Putin', 'from North
        Korea'): its object, not the subject of a clause the preposition opens ('against supplying X')."""
        for k in range(tj + 1, min(end, tj + WINDOW)):
            w = self.low[k]
            if w in OBJECT_STOPS and w not in preps:
                return None
            if w in preps:
                nxt = self.starting(k + 1, min(k + 4, end)) or titled_after(self, k, end)
                if nxt is None:
                    continue
                between = self.low[k + 1:nxt.first_token]
                if between[1:2] == ["of"] and between[0] in PARTITIVE_HEADS:
                    between = between[2:]  # 'fired tear gas at hundreds of protesters'
                if not (any(x in BOUNDARY_WORDS or x in PREPS_BETWEEN for x in between)
                        or (between and between[0].endswith("ing"))):
                    return nxt
        return None

    def starting(self, a: int, b: int) -> Participant | None:
        """The first participant that starts in tokens [a, b)."""
        for k in range(a, min(b, self.n)):
            p = self.part_at.get(k)
            if p is not None and p.first_token == k:
                return p
        return None

    def object(self, tj: int, end: int, *, phrase: bool) -> Participant | None:
        """The first participant after the trigger, before a clause boundary or an adjunct preposition
        ('captured part of a stronghold on the Thai border'); with `phrase`, only inside the object noun
        phrase ('rejected a U.S. offer', 'rejected an appeal from X')."""
        stops = PHRASE_STOPS if phrase else OBJECT_PREP_STOPS
        for k in range(tj + 1, min(end, tj + WINDOW)):
            p = self.part_at.get(k)
            if p is not None and p.first_token == k:
                if p.place and self.low[k - 1] in PLACE_PREPS:
                    continue  # 'sued the owner of the headquarters in Irvine': a place, not the object
                return p if p.first_token not in self.attributed else None
            w = self.low[k]
            if (w in OBJECT_STOPS or w in stops or (w == "in" and k == tj + 1)) and k not in self.quantifiers:
                return None  # 'met in Vladivostok' has no object; 'condemned the coup in Niger' has
        return None

    def target(self, c: Candidate, src: Participant | None) -> Participant | None:
        """The trigger's own preposition ('meet with X'), else its object, else a preposition of its
        root ('attacks against X'), else the subject of a that-clause ('demanded that X ...')."""
        tj, trig, low = c.tj, c.trig, self.low
        end = self.clause_end(tj)
        inside = self.part_end.get(tj)
        received = trig.object_role == "received"  # (what is received is no actor: 'received 66 fighter jets')
        if inside is not None and inside.first_token > c.ti and not received:
            return inside  # 'expelled two Russian diplomats', "summoned Niger's ambassador"
        modifier = self.part_end.get(tj - 1) if trig.pos == "verb" and tj - 1 > c.ti and not received else None
        if (trig.pos == "verb" and len(trig.words) > 1 and not received or c.anchor >= 0) and (
                rec := self.recipient(c.anchor if c.anchor >= 0 else c.ti)) is not None and rec.last_token < tj:
            return rec  # 'gave Ukraine $1 billion in aid', 'will give Tanzania a loan', 'paid Kenya a visit'

        tgt = self.after_prep(tj, trig.target_preps, end) if trig.target_preps else None
        if tgt is None and received:  # 'received German Leopard tanks', 'received Israeli drones': that country gave
            tgt = next((p if p.last_token < tj else dataclasses.replace(p, code=p.country) for p in self.parts
                        if c.ti < p.first_token and p.last_token <= tj and not p.place and p.country), None)
        if tgt is None and modifier is not None and not modifier.place and modifier.first_token > c.ti:
            tgt = modifier  # 'released 150 Palestinian prisoners', 'handed over 32 Armenian prisoners'
        if tgt is None and len(trig.words) > 1 and trig.words[-1] in SUBJECT_PREPS:
            tgt = self.after_prep(tj - 1, (low[tj],), end)  # a phrase ending on its preposition: 'marched against X'
        role = trig.object_role
        if role == "actor" and trig.pos == "verb":
            return tgt or self.object(tj, end, phrase=False)  # 'suspended Niger', 'executed two men': no fallback
        if tgt is None and trig.pos == "verb":
            if role in ("target", "target_if_with") or (role == "none" and low[tj + 1:tj + 2] == ["to"]):
                tgt = self.object(tj, end, phrase=False)
            elif role == "none":
                tgt = self.object(tj, min(end, tj + 4), phrase=True)  # 'attempted to assassinate X'
        preps = tuple(filterfalse(trig.target_preps.__contains__, ROOT_PREPS.get(trig.cameo[:2], ())))
        if tgt is None and preps:
            tgt = self.after_prep(tj, preps, end)
        if tgt is None and trig.cameo[:2] in FLOW_ROOTS:
            tgt = flow_partner(self, tj, end)  # 'eased restrictions on travel to Cuba'
        if tgt is None and trig.cameo[:2] in BORDER_ROOTS:
            tgt = border_neighbour(self, tj, end)  # 'massed troops along the border with Mali'
        if tgt is None and trig.cameo[:3] in YIELD_CODES:
            tgt = yielded_to(self, tj)  # 'called off the strike after talks with the government'
        if tgt is None and trig.pos == "verb" and role == "theme":
            tgt = self.object(tj, end, phrase=True)
        if tgt is None and trig.cameo[:2] in ("02", "10", "13"):
            for k in range(tj + 1, min(end, tj + 4)):  # 'demanded that the US cancel ...'
                if low[k] == "that":
                    tgt = self.starting(k + 1, k + 5)
                    break
        if tgt is None and trig.cameo[:2] in GRIEVANCE_ROOTS:
            tgt = grievance_agent(self, tj, end)  # 'in protest against abuses by the army'
        if tgt is None and trig.cameo[:2] in AGENT_OBJECT_ROOTS:
            tgt = agent_in_object(self, tj, end)  # 'rejected a proposal for talks from South Korea'
        if tgt is None and (trig.cameo[:2] in SITUATION_CODES or trig.cameo[:3] in SITUATION_CODES):
            tgt = situation_country(self, c, end, src)  # 'condemned the coup in Niger'
        if tgt is None and src is not None:
            tgt = speaker_owner(self, c, src)  # 'Greece said Turkish jets violated its airspace'
        if tgt is None and self.dyad and src is not None and not self.plural_refs.isdisjoint(range(tj + 1, tj + 6)):
            tgt = self.dyad[1] if src.country == self.dyad[0].country else self.dyad[0]
        if tgt is None and trig.cameo[:2] in PLACE_TARGET_ROOTS and trig.cameo[:2] != "04":
            # 'suspended aid deliveries in Baghdad', 'imposed a curfew in Cizre', 'deploy peacekeepers in
            # Iraq': a material act in a place falls on its people (who meet in a place only meet there)
            tgt = self.after_prep(tj, PLACE_TARGET_PREPS, end)  # (also 'struck targets near Damascus')
            if tgt is not None and src is not None and trig.cameo[:2] == PROTEST_ROOT and tgt.country == src.country:
                tgt = None  # 'protesters marched in Nairobi': a country's people protest in its towns, not at them
        if tgt is None and trig.cameo[:2] in GRIEVANCE_ROOTS and role != "none" and low[tj + 1:tj + 2] == ["to"] and (
                p := self.starting(tj + 2, tj + 4)) is not None and p.capital and p.country:
            tgt = p  # 'protested to Beijing': its government (not 'marched to Bangkok')
        grievance_to = tgt is not None and trig.cameo[:2] in GRIEVANCE_ROOTS and self._addressee(tgt, trig.cameo)
        if grievance_to and tgt is not None:
            if trig.cameo[:2] == PROTEST_ROOT:
                c.cameo = COMPLAINT  # 'protested to the European Commission': a formal complaint, no demonstration
            tgt = self._grievance(tgt.last_token, end) or tgt
        if tgt is not None and tgt.place and (trig.cameo[:2] not in PLACE_TARGET_ROOTS or grievance_to):
            if tgt.capital and tgt.country and (self.low[tgt.first_token - 1] not in PLACE_PREPS or grievance_to
                                                or tgt.first_token - 1 == tj > c.ti):
                # 'warned Beijing against ...', 'talks with Moscow', 'called on Washington to': the capital is its
                # government (not in 'a fare from Baltimore to Moscow')
                return dataclasses.replace(tgt, code=tgt.country + "GOV", place=False)
            return None  # 'warned of more wild weather for Queensland': a place hears no warning
        return tgt

    def _agent_after_by(self, p: Participant) -> bool:
        """Whether 'by' (or 'by the') stands right before p: the agent of a passive or a participle."""
        k = p.first_token - 1
        k -= k > 0 and self.low[k] == "the"
        return k >= 0 and self.low[k] == "by"

    def _passive_before(self, ti: int) -> bool:
        """Whether a passive ('were displaced', 'was forced') stands in the clause before token ti ('Russia
        retaliated by expelling' has none: its subject does the act of the gerund)."""
        low = self.low
        return any(low[k] in PASSIVE_AUX and self._participle(low[k + 1])
                   for k in range(self._clause_start(ti), ti - 1))

    def _participle(self, word: str) -> bool:
        """Whether a lower-case word may be a past participle: a regular one, or a past form of the lexicon."""
        return (word.endswith("ed") and len(word) > 3) or word in self.lex.past

    def _passive_agent(self, tj: int) -> tuple[int, Participant | None]:
        """(the first 'by' after a passive verb at token tj in its clause, or -1; the actor it introduces): the
        agent right after the verb ('was attacked by gunmen') or after its other phrases ('was arrested at his
        home on Tuesday by police', 'were kidnapped in northern Mali by gunmen'); a 'by' of means ('killed by a
        roadside bomb') introduces none, and the search ends at the 'by' of another participle ('arrested at a
        rally organised by the opposition', 'a bomb planted by militants')."""
        first = -1
        for k in range(tj + 1, self.clause_end(tj)):
            if self.low[k] == "by":
                if k - 1 > tj and self._participle(self.low[k - 1]):
                    break  # the 'by' of another participle: 'arrested at a rally organised by the opposition'
                first = k if first < 0 else first
                agent = next((p for p in self.parts if k < p.first_token <= k + 3 and not p.place), None)
                if agent is not None:
                    return first, agent
        return first, None

    def _addressee(self, p: Participant, cameo: str) -> bool:
        """Whether 'to' introduces p ('complained to the African Union', 'appealed to the UN'), or 'with' after a
        complaint ('filed a complaint with the UN Security Council over ...')."""
        k = p.first_token - 1
        k -= k > 0 and self.low[k] == "the"
        return k >= 0 and (self.low[k] == "to" or self.low[k] == "with" and cameo[:2] == COMPLAINT[:2])

    def _grievance(self, k: int, end: int) -> Participant | None:
        """The actor that a grievance after token k is about ('about Sudanese raids', 'over Russia's
        decision', 'against the arrest of Turkish journalists' keeps the arrest's agent unknown: only an
        actor within three words of 'about', 'over' or 'against')."""
        for m in range(k + 1, min(end, k + WINDOW)):
            if self.low[m] in GRIEVANCE_PREPS:
                p = self.starting(m + 1, min(end, m + 4))
                return p if p is not None and not p.place else None
        return None

    def noun_roles(self, c: Candidate) -> tuple[Participant | None, Participant | None, bool]:
        """(source, target, explicit) of a noun trigger from the patterns around it."""
        ti, tj, low = c.ti, c.tj, self.low
        end = self.clause_end(tj)
        preps = c.trig.target_preps + ROOT_PREPS.get(c.trig.cameo[:2], ())
        before = [p for p in self.parts if p.last_token < ti and not p.place]
        if before and before[-1].possessive and before[-1].last_token >= ti - 3:  # "X's invasion of Y"
            owner = self.after_prep(tj, ("of", "on", "against", "to", "with", "in"), end)
            return before[-1], owner, owner is not None
        if low[tj + 1:tj + 2] == ["of"] and ti >= 2 and low[ti - 1] in ("the", "an", "a") \
                and low[ti - 2] in ("at", "on", "upon", "by"):  # 'at the invitation of X' -> X invites the subject
            inviter = self.after_prep(tj, ("of",), end)
            start = self._clause_start(ti - 2)
            head = self.actors_between(start, ti - 2)
            subj = self._first_of_clause(head, start, ti - 2) if head else None
            if inviter and subj:
                return inviter, subj, True
        bw = tj + 1 + next((len(v) for v in OCCURRENCE_VERBS if tuple(low[tj + 1:tj + 1 + len(v)]) == v), 0) \
            if low[tj + 1:tj + 2] and low[tj + 1] in OCCURRENCE_FIRSTS else tj + 1
        if low[bw:bw + 1] == ["between"]:  # 'cooperation between the two countries', 'clashes erupted between X and Y'
            if bw + 1 in self.plural_refs:
                return self.dyad[0], self.dyad[1], True
            first = [p for p in self.parts if bw < p.first_token <= bw + 2]
            if first:
                k = first[0].last_token + 1
                # 'and Y', 'and the Y', 'and the paramilitary Y'
                second = [p for p in self.parts if k < p.first_token <= k + 3 and self.plain(k, p.first_token)]
                if k < self.n and low[k] == "and" and second:
                    return first[0], second[0], True
        owner = self.part_end.get(ti)  # 'an Israeli drone strike': the actor's head opens the trigger
        owner = None if owner is None or owner.place else owner  # 'a U.S. offer', 'the Israeli raid', 'a ban by X'
        if owner is None and before and before[-1].last_token >= ti - 2 and all(
                low[k] not in NO_FILLERS for k in range(before[-1].last_token + 1, ti)):
            owner = before[-1]
        if owner is None and (low[tj + 1:tj + 2] == ["by"] or  # 'the withdrawal of Russian forces': theirs
                              low[tj + 1:tj + 2] == ["of"] and c.trig.cameo in SELF_YIELD_CODES):
            owner = next((p for p in self.parts if tj + 1 < p.first_token <= tj + 4 and not p.place), None)
        if owner is not None:
            tgt = self.after_prep(tj, preps, end) if preps else None
            return owner, tgt, tgt is not None
        return None, None, False

    # ---- events -------------------------------------------------------------------------------
    def candidates(self) -> list[Candidate]:
        """The triggers of the sentence with their clause status and roles."""
        cands = [Candidate(i, j, t, cameo=t.cameo) for i, j, t in self.triggers()]
        self.verbs = {c.ti for c in cands if c.trig.pos == "verb"}
        ends = {c.tj: k for k, c in enumerate(cands)}
        if self.places_only and cands and all(c.tj >= self.last_part_start and c.tj not in self.part_end
                                              for c in cands) and PASSIVE_AUX.isdisjoint(self.low[:cands[-1].ti]):
            return []  # every trigger stands after the last place, and none is passive: no event
        for k, c in enumerate(cands):
            c.status, c.controller = self._status(k, cands, ends)
        if self.places_only and not any(map(self._may_fall_on_place, cands)):
            return []  # no trigger can take an actor or a place: no event
        for c in cands:
            self.roles(c)
        return cands

    @cached
    def places_only(self) -> bool:
        """Whether the sentence's only participants are places (no capital, no 'the two countries' of a main
        pair): no actor can then be a source, and a place is the target only of the triggers that
        `_may_fall_on_place` admits."""
        return only_places(self.parts) and not (self.dyad and self.plural_refs)

    def _may_fall_on_place(self, c: Candidate) -> bool:
        """Whether a place can take a role of the trigger (see `target` and `roles`): a root whose acts fall on
        places ('shelled Juba', 'a curfew in Cizre'), a passive ('Juba was shelled'), a complement whose
        object its governor takes ('vowed to retake Kherson'), 'between X and Y', or a place inside the
        trigger phrase."""
        if c.tj < self.last_part_start and (c.trig.cameo[:2] in PLACE_TARGET_ROOTS or c.status == "comp"
                                             or self.low[c.tj + 1:c.tj + 2] == ["between"]):
            return True  # (each of these finds its place after the trigger)
        ti = c.anchor if c.anchor >= 0 else c.ti
        return c.tj in self.part_end or (
            ti > 0 and self.low[self.back(ti)] in PASSIVE_AUX and (c.trig.pos == "verb" or c.anchor >= 0))

    @cached
    def last_part_start(self) -> int:
        return max((p.first_token for p in self.parts), default=-1)

    def opens_clause(self, p: Participant) -> bool:
        """Whether a verb follows the actor p, making it the subject of a clause of its own."""
        k = p.last_token + 1
        while k < self.n and self.adverb(k):
            k += 1
        if k >= self.n or not self.plain(p.last_token, k):
            return False
        w = self.low[k]
        return w in self.lex.past or w in self.lex.third_person or k in self.reports or self.cue(k, "modality") \
            is not None or w in BE or w in PERFECT_AUX

    def pair_subject(self, c: Candidate) -> None:
        """The other member of a compound subject becomes the target of its joint act."""
        assert c.src is not None
        other = self.conjoined(c.src) or self.comma_partner(c.src)
        if other is not None:
            c.src, c.tgt = other, c.src
        elif (after := self.conjoined_after(c.src)) is not None:
            c.tgt = after  # the subject found is the first of the two: 'Putin and Kim are expected to meet'

    def roles(self, c: Candidate) -> None:
        """Set the source and target of a candidate (and whether a noun states them explicitly)."""
        low = self.low
        if c.trig.pos == "noun" and c.anchor < 0:
            c.src, c.tgt, c.explicit = self.noun_roles(c)
            if c.tgt is None and c.trig.cameo[:2] in GRIEVANCE_ROOTS:
                c.tgt = grievance_agent(self, c.tj, self.clause_end(c.tj))  # 'demonstrations against abuses by X'
        else:
            ti = c.anchor if c.anchor >= 0 else c.ti
            if ti > 0 and low[self.back(ti)] in PASSIVE_AUX and not low[ti].endswith("ing") and c.trig.pos == "verb":
                # passive: 'X was attacked by Y'; without 'by' the actor is unknown ('X have been killed')
                by, c.src = self._passive_agent(c.tj)
                c.tgt = self.source(ti, places=True, adjacent=c.src is None)
                c.passive = True
                if c.src is None and by < 0 and c.tgt is not None and c.trig.cameo[:2] in STATE_ACT_ROOTS:
                    c.src = authorities_of_place(self, c.tj)  # 'two journalists were detained in Iran'
                if c.src is None and by < 0 and c.trig.cameo in SELF_YIELD_CODES:
                    c.src, c.tgt, c.passive = retreat_roles(self, c, ti)  # 'the guerrillas have been demobilised'
                return
            if c.status == "sub" and c.trig.pos == "verb" and c.anchor < 0 and (agent := relative_agent(self, c)):
                # a reduced passive relative: 'the ceasefire proposed by Russia', 'sanctions imposed by the EU on
                # Iran': the agent after 'by' acts, not the sentence's subject
                c.src, c.passive = agent, True
                end = self.clause_end(agent.last_token)
                preps = c.trig.target_preps + ROOT_PREPS.get(c.trig.cameo[:2], ())
                c.tgt = self.after_prep(agent.last_token, preps, end) if preps else None
                return
            if self.dyad and not self.plural_refs.isdisjoint(range(ti - 4, ti)) and not any(
                    ti - 4 <= p.last_token < ti for p in self.parts):
                c.src, c.tgt = self.dyad[0], self.dyad[1]  # 'the leaders would meet', 'the two countries agreed'
                return
            c.src = self.source(ti)
            c.tgt = self.target(c, c.src)
            if c.src is not None and ti > 0 and low[ti - 1] == "by" and low[ti].endswith("ing") \
                    and self._passive_before(ti):
                c.src = None  # a gerund after a passive's 'by' names its means: 'villagers were displaced by fighting'
            if c.src is not None and joint_act(c) and (c.tgt is None or c.tgt.place or self._agent_after_by(c.tgt)):
                # a joint act of a compound subject: 'Kim and Putin met', 'India and Pakistan signed a
                # ceasefire', 'Sudan's army and the Rapid Support Forces agreed to a ceasefire'; the agent of
                # a participle in the object is no side of it ('signed a deal brokered by China')
                self.pair_subject(c)
        if c.src is not None and c.tgt is not None and same_actor(c.src, c.tgt):
            c.tgt = None
