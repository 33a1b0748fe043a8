"""The subject of a clause, as the event coder reads it without a parser: where the trigger's clause starts
and ends, and which actor stands before its verb.

The subject is the actor right before the verb, else the first of the clause, skipping appositives (',
a key U.S. ally,') and fronted adverbials ('On Tuesday, X ...'), never an actor inside a prepositional
phrase ('a cholera outbreak in Zimbabwe has killed'); 'X said it would ...': X; 'X killed one soldier and
wounded two': X wounded them; 'X, who ...': X. `Subjects` extends `analysis.extract.clauses.Clauses`;
`analysis.extract.roles.Sentence` extends it with targets and events' roles.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import compress

from analysis.extract._function_words import (
    ARTICLES,
    BE,
    BETWEEN_SUBJECT_AND_VERB,
    COMMA,
    COORDINATORS,
    INDEFINITE_ARTICLES,
    PARTITIVE_HEADS,
    PATIENT_HEADS,
    PERFECT_AUX,
    PREP_SUBORDINATORS,
    RELATIVE_PRONOUNS,
    SUBJECT_PREPS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
)
from analysis.extract.actors import actor_lexicon
from analysis.extract.clauses import Clauses
from analysis.extract.objects import speakers_own
from analysis.extract.triggers import Participant, cached

_CLAUSE_OPENERS = SUBORDINATORS | {"that", "as"}  # the words `_clause_start` reads (besides report verbs)
INSERTION_WORDS = 16  # words of a relative clause between a subject and its verb ('X, which ..., has asked')


class Subjects(Clauses):
    """A sentence with the subject of each clause (analysis.extract.roles adds targets and roles)."""

    def _clause_start(self, ti: int) -> int:
        """First token of the trigger's clause: after the last clause break, report verb, 'that' or
        subordinator before it."""
        start = 0
        breaks = self.clause_breaks
        if breaks:
            pos = self.toks[ti].start
            start = max((k for end, k in breaks if end <= pos), default=0)
        openers, low, reports = self._openers, self.low, self.reports
        for i in range(bisect_left(openers, ti) - 1, -1, -1):  # (the words that may open it, from ti back)
            m = openers[i]
            if m < start:
                break
            w = low[m]
            if m in reports or (w in SUBORDINATORS and not self._verbless_phrase(m, ti)) or w == "that" or (
                    w == "as" and m + 1 < ti and (m + 1 in self.part_at or low[m + 1] in SUBJECT_PRONOUNS)):
                return m + 1
        return start

    @cached
    def _openers(self) -> list[int]:
        """The tokens that may open a clause (`_clause_start`): report verbs, subordinators, 'that', 'as'."""
        return sorted(self.reports.union(compress(range(self.n), map(_CLAUSE_OPENERS.__contains__, self.low))))

    def _verbless_phrase(self, m: int, ti: int) -> bool:
        """Whether the subordinator at m is a preposition here: 'after', 'since', 'until' whose phrase ends at
        punctuation before token ti and holds no finite verb ('Chile, after weeks of talks, signed ...', 'X,
        after meeting Putin, said ...'; not 'after Russia invaded, ...')."""
        if self.low[m] not in PREP_SUBORDINATORS or self.plain(m, ti):
            return False
        for k in range(m + 1, ti + 1):
            if not self.plain(k - 1, k):
                return True
            w = self.low[k]
            if (k in self.verbs and not w.endswith("ing")) or w in self.lex.past or w in BE or w in PERFECT_AUX \
                    or w in SUBJECT_PRONOUNS or self.cue(k, "modality"):
                return False
        return False

    def source(self, ti: int, *, places: bool = False, adjacent: bool = False) -> Participant | None:
        """The subject of the clause of the token at ti (with `places`, a place may be it: the patient
        of a passive, 'the Ukrainian capital was struck'; with `adjacent`, only an actor right before
        the verb: 'three Iraqi civilians have been killed', 'a Turkish military convoy was attacked' (a unit,
        vehicle or post of the actor), not 'the Australia's banana crop')."""
        if not adjacent and (antecedent := self._after_insertion(ti)) is not None:
            return antecedent  # 'The Malian junta, which expelled French troops last year, has asked ...'
        start = self._clause_start(ti)
        before = self.actors_between(start, ti, places=places)
        earlier = self._coordinated_verb(ti)
        if earlier >= 0:  # 'X killed one soldier and wounded two': X wounded them (no subject stands after 'and')
            return self.source(earlier, places=places)
        if before:
            last = before[-1]
            k = last.last_token + 1
            if adjacent and not last.possessive and not last.place and k < ti and self.low[k] in PATIENT_HEADS:
                k += 1  # 'a Turkish military convoy was attacked', 'two Iraqi police posts were shelled'
            if self.plain(last.last_token, ti) and all(
                    self.low[m] in BETWEEN_SUBJECT_AND_VERB or self.adverb(m) or self.cue(m, "modality")
                    for m in range(k, ti)):
                return last
            return None if adjacent else self._first_of_clause(before, start, ti)
        if adjacent:
            return None
        if start > 0:  # 'X said it would ...', 'X, who ...': the subject stands before
            found, subject = self._subject_before(start, ti)
            if found:
                return subject
        k = self.back(ti)  # 'X opened its borders, but was still refusing ...': the first clause's subject
        while k >= start and self.low[k] in BETWEEN_SUBJECT_AND_VERB:
            k = self.back(k)
        if k >= 0 and self.low[k] in COORDINATORS:
            if any(v < k for v in self.verbs):  # 'killed one soldier and wounded two others'
                return self.source(max(v for v in self.verbs if v < k))
            first = self.actors_between(0, k)
            if first:
                return self._first_of_clause(first, 0, k)
        if self.dyad and self.plural_refs:
            return self.dyad[0]  # 'they draw closer to one another'
        return None

    @cached
    def relative_clauses(self) -> bool:
        """Whether 'which' or 'who' stands in the sentence."""
        return not RELATIVE_PRONOUNS.isdisjoint(self.low)

    def _after_insertion(self, ti: int) -> Participant | None:
        """The antecedent of a relative clause set off by commas right before the verb at ti ('X, which expelled
        French troops last year, has asked Y': X asks), or None: a comma before the verb (and its auxiliaries),
        a comma and 'which' or 'who' before the insertion, no other comma inside it, an actor before."""
        if not self.relative_clauses:
            return None
        k = self.back(ti)
        while k >= 0 and (self.low[k] in BETWEEN_SUBJECT_AND_VERB or self.cue(k, "modality")) and self.plain(k, k + 1):
            k = self.back(k)
        if k < 2 or self.plain(k, k + 1) or not COMMA.search(self.gap(k, k + 1)):
            return None
        for r in range(k, max(0, k - INSERTION_WORDS), -1):
            if not self.plain(r - 1, r):
                if self.low[r] not in RELATIVE_PRONOUNS or not COMMA.search(self.gap(r - 1, r)):
                    return None
                p = self.part_end.get(r - 1)
                return p if p is not None and not p.place else None
        return None

    def _subject_before(self, start: int, ti: int) -> tuple[bool, Participant | None]:
        """(whether it decides, the subject) for a clause at `start` whose subject stands before it: a
        report's speaker for its pronoun or its people ('X said it would ...', 'the defence ministry said its
        forces had shot down ...'), the antecedent of 'who' or 'which' ('X, who ...')."""
        lead = self.low[start - 1]
        reported = start - 1 in self.reports or lead == "that"
        if reported and (own := speakers_own(self, start, ti)) is not None:
            return True, own
        if reported and any(self.low[k] in SUBJECT_PRONOUNS for k in range(start, ti)):
            r = start - 1
            while r >= 0 and r not in self.reports and (r == start - 1 or self.low[r] in BETWEEN_SUBJECT_AND_VERB):
                r = self.back(r)  # 'announced Thursday that it ...'
            return True, self.speaker(r) if r in self.reports else None
        if lead in RELATIVE_PRONOUNS and start >= 2:
            p = self.part_end.get(start - 2) or self.part_end.get(start - 3)
            if p is not None and not p.place:
                return True, p
        return False, None

    def _coordinated_verb(self, ti: int) -> int:
        """The verb trigger that 'and' (or another coordinator) joins the verb at ti to, in the same clause
        ('killed one soldier and wounded two'), or -1."""
        k = self.back(ti)
        while k >= 0 and self.low[k] in BETWEEN_SUBJECT_AND_VERB:
            k = self.back(k)
        if k < 1 or self.low[k] not in COORDINATORS or not self.plain(k, ti):
            return -1
        return max((v for v in self.verbs if v < k), default=-1)

    def named_subject(self, ti: int) -> bool:
        """Whether an actor the tables cannot code stands right before the verb at ti: a name ('Judge
        Alejandro Rivera opened ...') or an agent noun ('Serb forces killed ...', 'Police arrested ...'),
        not a thing ('H5N1 has killed', 'Forecasters have warned'); a pronoun right after a report verb stands
        for the report's speaker ('The Umma party has said it will boycott ...')."""
        k = self.back(ti)
        while k >= 0 and self.low[k] in BETWEEN_SUBJECT_AND_VERB and self.plain(k, k + 1):
            k = self.back(k)
        if k < 0 or not self.plain(k, ti):
            return False
        if self.low[k] in SUBJECT_PRONOUNS:
            r = self.back(k)  # 'said it will', 'said on Monday that they would'
            if r >= 0 and self.low[r] == "that":  # the report verb up to three words before 'that'
                r = next((m for m in range(r - 1, max(-1, r - 4), -1) if m in self.reports), -1)
            return r >= 0 and r in self.reports and self.plain(r, k) and self.named_subject(r)
        tok = self.toks[k]
        return (tok.capitalised and not tok.sentence_initial and len(tok.text) > 1) or \
            (self.low[k],) in actor_lexicon().agents

    def actors_between(self, start: int, stop: int, *, places: bool = False) -> list[Participant]:
        """The participants that can be the subject of a verb in tokens [start, stop): not those inside a
        prepositional phrase ('a cholera outbreak in the African country of Zimbabwe has killed')."""
        return [p for p in self.parts if start <= p.first_token and p.last_token < stop
                and p.first_token not in self.attributed and (places or not p.place) and not self._in_prep(p)]

    def _in_prep(self, p: Participant) -> bool:
        """Whether a participant is the object of a preposition ('in Ukraine', 'outside the French embassy',
        'with Egypt and Chad'; not 'In 2014, Russia', nor the people a quantity counts: 'thousands of
        protesters')."""
        k = p.first_token - 1
        if k > 0 and self.low[k] in ARTICLES and not self.gap(k, k + 1).strip():
            k -= 1  # 'outside the embassy'; but 'a member of the Syrian parliament' is the parliament's act
            if self.low[k] == "of":
                return False
        before = self.part_end.get(k - 1) if k > 0 and self.low[k] == "and" and self.plain(k - 1, k + 1) else None
        if before is not None:
            return self._in_prep(before)  # 'with South Sudan and Chad': Chad is the preposition's too
        return k >= 0 and self.low[k] in SUBJECT_PREPS and not self.gap(k, k + 1).strip() and not self._partitive(k)

    def _partitive(self, k: int) -> bool:
        """'thousands of protesters', 'a group of students': the 'of' at k joins a head of quantity to the
        people it counts, who are the subject."""
        return self.low[k] == "of" and k > 0 and self.low[k - 1] in PARTITIVE_HEADS and self.plain(k - 1, k + 1)

    def speaker(self, r: int) -> Participant | None:
        """The subject of the report verb at r ('Syria says it ...')."""
        if r < 0:
            return None
        start = self._clause_start(r)
        before = self.actors_between(start, r)
        return self._first_of_clause(before, start, r) if before else None

    def _first_of_clause(self, before: list[Participant], start: int, ti: int) -> Participant:
        """The first participant of the clause, skipping appositives (', a key U.S. ally,') and
        fronted adverbials ('On Tuesday, X ...')."""
        segments: list[list[Participant]] = []
        heads: list[str] = []
        for k in range(start, ti):
            if k == start or COMMA.search(self.gap(k - 1, k)):
                segments.append([])
                heads.append(self.low[k])
            p = self.part_at.get(k)
            if p is not None and p in before and p not in segments[-1]:
                segments[-1].append(p)
        if segments and segments[-1] and not (
                len(segments) > 1 and heads[-1] in INDEFINITE_ARTICLES and self._comma_before(ti)):
            # (not a description closed by a comma: 'Kenya, a key U.S. ally, deployed'; but a name after a
            # description is the subject: "Ukraine's main backer, the United States, sent")
            return segments[-1][0]
        for i, (seg, head) in enumerate(zip(segments, heads, strict=True)):
            if seg and not (i and head in ARTICLES):
                return seg[0]
        return before[0]

    def _comma_before(self, ti: int) -> bool:
        """Whether a comma stands right before the verb at ti and its auxiliaries ('X, a key ally, has sent')."""
        k = ti - 1
        while k > 0 and self.low[k] in BETWEEN_SUBJECT_AND_VERB and self.plain(k, k + 1):
            k -= 1
        return k >= 0 and COMMA.search(self.gap(k, k + 1)) is not None

    def clause_end(self, tj: int) -> int:
        """Token index where the trigger's clause ends: the next comma, semicolon or sentence end."""
        k = bisect_right(self.breaks, tj)
        return self.breaks[k] if k < len(self.breaks) else self.n
