"""The clause structure of a sentence, as the event coder needs it: triggers, their clauses, their actors.

No parser (the speed budget rules one out): clauses come from function words, punctuation and the cue
table (analysis/data/event_cues.tsv). For each trigger of the lexicon (event_triggers.tsv):

- matching: a verb phrase may hold modifiers before its object ('lifted a night curfew' is 'lift
  curfew', 'closed its southern borders' is 'close border'); a noun after a light verb is a verbal
  event ('staged a hunger strike'); '-s' forms are nouns unless a subject stands right before them
  ('Serb forces', 'relief supplies'); hyphen compounds ('free-trade', 'Syrian-backed') and capitalised
  words inside a sentence ('last March') are no triggers;
- status: the main verb of its clause, the complement of another trigger ('threatened to ban X',
  'demanded that X ...', 'warned X against supplying ...'), or subordinate (relative, adverbial,
  participial and purpose clauses: '..., killing 20', 'to protest'); one finite verb per clause unless
  'and' joins them; the complement of a verb that is no event ('tried to hack') is a main event;
- roles: the source is the subject (the actor right before the verb, else the first of the clause,
  skipping appositives and fronted adverbials; 'X said it would ...': X; 'X and Y met': X with Y); the
  target is the object, or follows the trigger's preposition or its root's ('attacks against X');
  passive voice; nouns ("X's invasion of Y", 'at the invitation of X', 'talks between X and Y', 'a
  U.S. offer'); 'the two countries', 'one another' refer to the article's two main actors; 'X said Y
  must ...' is X's demand on Y (in analysis.events); places coded as their country ('shelled Juba')
  are acted upon, never actors.
analysis.events folds complements into their governors, selects a sentence's events and codes them.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .actors import actor_lexicon
from .text import Token, mapping_group, phrase_group, word_group

# ---- CAMEO refinements ------------------------------------------------------------------------
INTENT_OF_ROOT = mapping_group("intent_of_root")  # agreeing to do an act (root 04-08) is an intent (03x)
THREAT_OF = mapping_group("threat_of")  # a conflictual act announced for the future is a threat (13x) of it
REFUSAL_OF_ROOT = mapping_group("refusal_of_root")  # refusing an act (root 04-08) is a rejection (12x)
# roots whose triggers govern a complement clause: statements, appeals, intentions, demands,
# disapproval, rejection, threats (other governors are marked 'control: governor' in the cue table)
CONTROL_ROOTS = word_group("control_root")
# joint acts: consult, cooperate, fight, and every trigger whose target follows 'with' ('agree with')
RECIPROCAL_ROOTS = word_group("reciprocal_root")
# roots whose acts can fall on a place (and so on its people): visits, material cooperation, aid,
# concessions, inspections, protests, force, sanctions, coercion, assault, fighting
PLACE_TARGET_ROOTS = word_group("place_target_root")
# prepositions that introduce the target for whole CAMEO roots, beside each trigger's own
ROOT_PREPS = {root: (prep,) for root, prep in mapping_group("root_prep").items()}

# ---- function words ---------------------------------------------------------------------------
WINDOW = 12  # tokens searched for a target after the trigger
MAX_FILLERS = 2  # modifiers allowed inside a verb phrase trigger (determiners are free)
BE = word_group("be")
PASSIVE_AUX = BE | word_group("passive_aux")
SUBJECT_PRONOUNS = word_group("subject_pronoun")
# words that may stand between a subject and its verb: auxiliaries, negation, adverbs, times
BETWEEN_SUBJECT_AND_VERB = word_group("between_subject_and_verb")
ADVERBS = word_group("adverb")
SUBORDINATORS = word_group("subordinator")
COORDINATORS = word_group("coordinator")
GERUND_PREPS = word_group("gerund_prep")
PREPS_BETWEEN = word_group("prep_between")
BOUNDARY_WORDS = word_group("boundary_word")
OBJECT_STOPS = SUBORDINATORS | word_group("object_stop")
OBJECT_PREP_STOPS = word_group("object_prep_stop")
PHRASE_STOPS = OBJECT_PREP_STOPS | word_group("phrase_stop")
SUBJECT_PREPS = word_group("subject_prep")
PLACE_PREPS = word_group("place_prep")
ADJUNCT_PREPS = word_group("adjunct_prep")
QUANTIFIERS = phrase_group("quantifier")  # 'up to 16 advisers', 'at least 20 people'
QUANTIFIER_HEADS = frozenset(q[0] for q in QUANTIFIERS)
DETERMINERS = word_group("determiner")
PARTICLES = word_group("particle")
NO_FILLERS = PARTICLES | SUBORDINATORS | BE | word_group("no_filler")
NOMINAL_CONTEXT = word_group("nominal_context")
NOMINAL_PREPS = word_group("nominal_prep")
PLURAL_REFS = phrase_group("plural_ref")  # 'the two countries', 'each other': the article's main pair
PLURAL_HEADS = frozenset(ref[0] for ref in PLURAL_REFS)
CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:which|who|but|while|whereas|although|though)\b")
PUNCT = re.compile(r"[;:()]|,(?!\d)")  # not the comma of '1,200'; quotes do not end clauses
COMMA = re.compile(r",(?!\d)")


@dataclass(slots=True)
class Participant:
    """An actor or country mention that can take part in an event."""

    start: int
    end: int
    first_token: int
    last_token: int
    text: str
    code: str
    country: str | None
    possessive: bool = False
    place: bool = False  # a place coded as its country: acted upon ('shelled Juba'), never the actor


@dataclass(frozen=True)
class Trigger:
    words: tuple[str, ...]
    lemma: str
    pos: str
    cameo: str
    target_preps: tuple[str, ...]
    object_role: str


@dataclass(frozen=True)
class EventLexicon:
    triggers: dict[str, list[Trigger]]  # first word -> triggers, longest first
    codes: dict[str, dict[str, Any]]
    cues: dict[str, dict[str, str]]  # cue -> {kind: value}
    max_cue_words: int
    third_person: frozenset[str]  # '-s' verb forms, also plural nouns ('forces', 'supplies')
    light: frozenset[str]  # light verbs whose object noun is the event ('staged a protest')
    report_verbs: frozenset[str]  # one-word cues of kind report_verb ('said', 'told')


@dataclass(slots=True)
class Candidate:
    """A trigger of the sentence with its clause status and roles."""

    ti: int
    tj: int
    trig: Trigger
    status: str = "main"  # main, sub (subordinate), comp (complement of `controller`), nom (noun), done
    controller: int | None = None
    src: Participant | None = None
    tgt: Participant | None = None
    explicit: bool = False  # a noun whose roles the text states ("X's invasion of Y")
    cameo: str = ""
    anchor: int = -1  # the light verb of a noun event, whose clause gives the source
    passive: bool = False
    purpose: bool = False  # a purpose clause: '... to protest the decision'
    prepared: bool = False  # the complement of 'prepare': 'prepared to resume shelling'


def future_code(cameo: str) -> str:
    """The code of an act announced for the future: an intention (03x) or a threat (13x)."""
    if cameo[:2] in INTENT_OF_ROOT:
        return INTENT_OF_ROOT[cameo[:2]]
    for n in (4, 3, 2):
        if len(cameo) >= n and cameo[:n] in THREAT_OF:
            return THREAT_OF[cameo[:n]]
    return cameo


def same_actor(a: Participant, b: Participant) -> bool:
    """'Russia' and 'the Kremlin' are one actor; 'Turkish authorities' and Turkey's towns are not."""
    if a.code == b.code:
        return True
    return not (a.place or b.place) and ({a.code, b.code} == {a.country, f"{a.country}GOV"} or (
        a.code == a.country and b.code == b.country and a.country == b.country))


class Sentence:
    """One sentence: its tokens, participants and the clause analysis of its triggers."""

    def __init__(self, text: str, toks: Sequence[Token], parts: list[Participant], lex: EventLexicon,
                 dyad: list[Participant]) -> None:
        self.text, self.toks, self.parts, self.lex, self.dyad = text, toks, parts, lex, dyad
        self.low = low = [t.lower for t in toks]
        self.n = len(toks)
        self.part_at = {k: p for p in parts for k in range(p.first_token, p.last_token + 1)}
        self.part_end = {p.last_token: p for p in parts}
        self.attributed = self._attribution_tokens()
        # 'up to 16 advisers', 'at least 20 people'
        self.quantifiers = {k + m for k in range(self.n) if low[k] in QUANTIFIER_HEADS for q in QUANTIFIERS
                            if tuple(low[k:k + len(q)]) == q for m in range(len(q))
                            } if not QUANTIFIER_HEADS.isdisjoint(low) else set()
        self.plural_refs = {k for k in range(self.n) if low[k] in PLURAL_HEADS for ref in PLURAL_REFS
                            if tuple(low[k:k + len(ref)]) == ref
                            } if dyad and not PLURAL_HEADS.isdisjoint(low) else set()
        # punctuation before each token, counted from the start: plain() and clause_end() in O(1)
        marked = [0] * self.n  # 1 where punctuation stands between token k-1 and token k
        if self.n > 1:
            starts = [t.start for t in toks]
            for m in PUNCT.finditer(text, toks[0].end, toks[-1].start):
                marked[bisect_right(starts, m.start())] = 1
        self.punct = list(itertools.accumulate(marked))
        self.breaks = [k for k, v in enumerate(marked) if v]  # the tokens with punctuation before them
        self.reports = {k for k in range(self.n) if low[k] in lex.report_verbs and k not in self.part_at
                        and not (toks[k].capitalised and not toks[k].sentence_initial)
                        } if not lex.report_verbs.isdisjoint(low) else set()
        self.verbs: set[int] = set()  # first tokens of the verb triggers

    # ---- token helpers ------------------------------------------------------------------------
    def gap(self, a: int, b: int) -> str:
        """The text between token a and token b (a < b)."""
        return self.text[self.toks[a].end:self.toks[b].start]

    def plain(self, a: int, b: int) -> bool:
        """Whether no punctuation stands between token a and token b (a <= b)."""
        return self.punct[b] == self.punct[a]

    def cue(self, k: int, kind: str) -> str | None:
        return self.lex.cues.get(self.low[k], {}).get(kind) if 0 <= k < self.n else None

    def adverb(self, k: int) -> bool:
        w = self.low[k]
        return (w.endswith("ly") and len(w) > 4 and k not in self.part_at) or w in ADVERBS

    def back(self, k: int) -> int:
        """The token before k, skipping adverbs, within the clause (-1 if none)."""
        k -= 1
        while k >= 0 and self.adverb(k) and self.plain(k, k + 1):
            k -= 1
        return k

    # ---- triggers -----------------------------------------------------------------------------
    def triggers(self) -> list[tuple[int, int, Trigger]]:
        """Trigger phrases of the sentence, longest first."""
        out = []
        low, toks, text = self.low, self.toks, self.text
        i, prev_verb_end = 0, -2
        while i < self.n:
            cands = self.lex.triggers.get(low[i])
            if not cands or i in self.part_at or (toks[i].capitalised and not toks[i].sentence_initial) \
                    or text[toks[i].start - 1:toks[i].start] == "-":
                i += 1
                continue
            nominal = self._nominal_context(i, prev_verb_end)
            best: tuple[int, Trigger] | None = None
            ahead = set(low[i + 1:i + 8])
            for trig in cands:
                if best is not None and len(trig.words) < len(best[1].words):
                    break
                last = trig.words[-1]
                if (nominal and trig.pos == "verb") or (len(trig.words) > 1 and not ahead & {
                        last, last + "s", last + "es"}):
                    continue
                j = self._match(i, trig)
                if j is not None and best is None:
                    best = (j, trig)
            if best is None or text[toks[best[0]].end:toks[best[0]].end + 1] == "-":
                i += 1
                continue
            out.append((i, best[0], best[1]))
            prev_verb_end = best[0] if best[1].pos == "verb" else -2
            i = best[0] + 1
        return out

    def _nominal_context(self, i: int, prev_verb_end: int) -> bool:
        """After a determiner or preposition a word is a noun ('the meeting', 'with arms'); so is a
        '-s' form without a subject right before it ('Serb forces', 'Talks between ...'), and a word
        right after a verb trigger ('reject proposed changes')."""
        if i == 0:
            return self.low[0] in self.lex.third_person
        k = self.back(i)
        if k >= 0 and self.plain(k, i) and (self.low[k] in NOMINAL_CONTEXT or k == prev_verb_end or (
                self.low[k] in NOMINAL_PREPS and not self.low[i].endswith("ing"))):
            return True  # 'in order to', 'after talks'; but 'by attacking'
        head = i
        while head > max(0, i - 6) and self.plain(head - 1, head):
            head -= 1
        if head > 0 and not self.plain(head - 1, head) and self.low[head] in ("a", "an"):
            return True  # an appositive: 'Pakistan, a key U.S. ally, has refused'
        if self.low[i] in self.lex.third_person:
            return not (k in self.part_end or (k >= 0 and self.low[k] in SUBJECT_PRONOUNS | {"that"}))
        return False

    def _match(self, i: int, trig: Trigger) -> int | None:
        """Index of the last token of `trig` matched at token i, or None. A verb phrase may hold
        determiners and up to MAX_FILLERS modifiers before its object, which may be plural; it may end
        on an actor's head noun ('expelled two Russian diplomats')."""
        low, words = self.low, trig.words
        if len(words) == 1:
            return i
        k, fillers, verb = i + 1, 0, trig.pos == "verb"
        for w_i in range(1, len(words)):
            w, last = words[w_i], w_i == len(words) - 1
            while True:
                if k >= self.n or not self.plain(k - 1, k):
                    if w in DETERMINERS:
                        break
                    return None
                tok = low[k]
                if tok == w or (last and verb and w not in PARTICLES and tok in (w + "s", w + "es")):
                    k += 1
                    break
                if w in DETERMINERS:
                    break  # an optional determiner of the template
                if not verb or w in PARTICLES or tok in NO_FILLERS or (
                        self.toks[k].capitalised and k not in self.part_at):
                    return None
                fillers += tok not in DETERMINERS
                if fillers > MAX_FILLERS:
                    return None
                k += 1
        j = k - 1
        if any(m in self.part_at and self.part_at[m].last_token != j for m in range(i + 1, j + 1)):
            return None
        return j

    # ---- clauses ------------------------------------------------------------------------------
    def _controller(self, k: int, ends: dict[int, int], cands: list[Candidate], *, any_verb: bool = False
                    ) -> int | None:
        """The candidate that governs a complement starting after token k: the nearest trigger ending
        before k in the same clause (within 8 tokens), if it takes complements."""
        for m in range(k - 1, max(-1, k - 9), -1):
            if not self.plain(m, m + 1) or self.low[m] in SUBORDINATORS:
                return None
            c = ends.get(m)
            if c is not None:
                trig = cands[c].trig
                if any_verb or trig.cameo[:2] in CONTROL_ROOTS or \
                        self.lex.cues.get(trig.lemma, {}).get("control") == "governor":
                    return c
                return None
        return None

    def _status(self, c: int, cands: list[Candidate], ends: dict[int, int]) -> tuple[str, int | None]:
        """main, sub, comp (with the governing candidate) or nom, from the words before the trigger."""
        cand = cands[c]
        ti, low = cand.ti, self.low
        if cand.trig.pos == "noun":
            lv = self._light_verb(ti)
            if lv < 0:
                return "nom", None
            cand.anchor = ti = lv
        k = self.back(ti)
        prev, form = (low[k] if k >= 0 else ""), low[ti]
        if prev == "to" and self.plain(k, ti):
            ctrl = self._controller(k, ends, cands)
            if ctrl is not None:
                return "comp", ctrl
            h = self.back(k)
            if h < 0 or not (self.cue(h, "control") or self.cue(h, "modality") in ("planned", "hypothetical")
                             or low[h] in BE or low[h] in ("has", "have", "had")):
                cand.purpose = True
                return "sub", None  # a purpose clause: '... to protest the decision'
            cand.prepared = self.cue(h, "control") == "preparation"
        elif form.endswith("ing") and prev not in BE:
            if prev in GERUND_PREPS and k >= 0:
                ctrl = self._controller(k, ends, cands, any_verb=True)
                return ("comp", ctrl) if ctrl is not None else ("sub", None)
            if k < 0 or not (k in self.part_end or low[k] in SUBJECT_PRONOUNS or self.cue(k, "control")):
                return "sub", None  # participial adjunct or reduced relative: ', killing 20'
        elif form.endswith(("ed", "en")) and k >= 0 and ti + 1 < self.n and low[ti + 1] in GERUND_PREPS \
                and k not in self.part_end and low[k] not in SUBJECT_PRONOUNS \
                and low[k] not in BETWEEN_SUBJECT_AND_VERB and not self.toks[k].capitalised:
            return "sub", None  # reduced relative: 'the agreement signed in March'
        for m in range(ti - 1, -1, -1):  # the clause markers before the trigger, back to the last comma
            if not self.plain(m, m + 1):
                break
            w = low[m]
            if m in self.reports:
                if w.endswith("ing") and m > 0 and COMMA.search(self.gap(m - 1, m)):
                    return "sub", None  # '..., saying he must resign': what the actor says besides
                break
            if w in SUBORDINATORS or (w == "as" and m + 1 < self.n and (
                    m + 1 in self.part_at or low[m + 1] in SUBJECT_PRONOUNS)):
                return "sub", None
            if w == "that":
                ctrl = self._controller(m, ends, cands)
                if ctrl is not None:
                    return "comp", ctrl
                j = self.back(m)
                while j >= 0 and low[j] in BETWEEN_SUBJECT_AND_VERB and j not in self.part_at:
                    j = self.back(j)  # 'announced on Monday that ...'
                if j >= 0 and (j in self.reports or self.cue(j, "modality") or j in self.part_end
                               or self.cue(j, "control")):
                    break  # 'said that ...': the reported event is the sentence's event
                return "sub", None  # a relative clause: 'the helicopter that was captured'
            if w in COORDINATORS:
                break
            prior = ends.get(m)
            if prior is not None and prior < c and cands[prior].trig.pos == "verb" and cands[prior].status == "main":
                # one finite verb per clause: a second verb without 'and' is a participle or a noun
                # ('killed the deputy chief of Israel's militia ally')
                return "sub", None
        return "main", None

    def _light_verb(self, ti: int) -> int:
        """The light verb whose object is the noun at ti ('launched a mediation effort'), or -1."""
        k, seen = ti - 1, 0
        while k >= 0 and seen <= 3 and self.plain(k, k + 1):
            w = self.low[k]
            if w in self.lex.light and k not in self.part_at:
                return k
            if k >= 1 and f"{self.low[k - 1]} {w}" in self.lex.light:
                return k - 1
            if w in NO_FILLERS or (k in self.part_at and k not in self.part_end):
                return -1
            seen += w not in DETERMINERS
            k -= 1
        return -1

    # ---- roles --------------------------------------------------------------------------------
    def _clause_start(self, ti: int) -> int:
        """First token of the trigger's clause: after the last clause break, report verb, 'that' or
        subordinator before it."""
        start = 0
        for brk in CLAUSE_BREAK.finditer(self.text, self.toks[0].start, self.toks[ti].start):
            start = max(start, next((k for k, t in enumerate(self.toks) if t.start >= brk.end()), self.n))
        for m in range(ti - 1, start - 1, -1):
            w = self.low[m]
            if m in self.reports or w in SUBORDINATORS or w == "that" or (w == "as" and m + 1 < ti and (
                    m + 1 in self.part_at or self.low[m + 1] in SUBJECT_PRONOUNS)):
                return m + 1
        return start

    def source(self, ti: int, *, places: bool = False, adjacent: bool = False) -> Participant | None:
        """The subject of the clause of the token at ti (with `places`, a place may be it: the patient
        of a passive, 'the Ukrainian capital was struck'; with `adjacent`, only an actor right before
        the verb: 'three Iraqi civilians have been killed', not 'the Australia's banana crop')."""
        start = self._clause_start(ti)
        before = self.actors_between(start, ti, places=places)
        if before:
            last = before[-1]
            if self.plain(last.last_token, ti) and all(
                    self.low[k] in BETWEEN_SUBJECT_AND_VERB or self.adverb(k) or self.cue(k, "modality")
                    for k in range(last.last_token + 1, ti)):
                return last
            return None if adjacent else self._first_of_clause(before, start, ti)
        if adjacent:
            return None
        if start > 0:  # 'X said it would ...', 'X, who ...': the subject stands before
            lead = self.low[start - 1]
            if (start - 1 in self.reports or lead == "that") and any(
                    self.low[k] in SUBJECT_PRONOUNS for k in range(start, ti)):
                r = start - 1
                while r >= 0 and r not in self.reports and (r == start - 1 or self.low[r] in BETWEEN_SUBJECT_AND_VERB):
                    r = self.back(r)  # 'announced Thursday that it ...'
                return self.speaker(r) if r in self.reports else None
            if lead in ("who", "which") and start >= 2:
                p = self.part_end.get(start - 2) or self.part_end.get(start - 3)
                if p is not None and not p.place:
                    return p
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

    def named_subject(self, ti: int) -> bool:
        """Whether an actor the tables cannot code stands right before the verb at ti: a name ('Judge
        Alejandro Rivera opened ...') or an agent noun ('Serb forces killed ...', 'Police arrested ...'),
        not a thing ('H5N1 has killed', 'Forecasters have warned')."""
        k = self.back(ti)
        while k >= 0 and self.low[k] in BETWEEN_SUBJECT_AND_VERB and self.plain(k, k + 1):
            k = self.back(k)
        if k < 0 or not self.plain(k, ti):
            return False
        tok = self.toks[k]
        return (tok.capitalised and not tok.sentence_initial and len(tok.text) > 1) or \
            (self.low[k],) in actor_lexicon().agents

    def actors_between(self, start: int, stop: int, *, places: bool = False) -> list[Participant]:
        """The participants that can be the subject of a verb in tokens [start, stop): not those inside a
        prepositional phrase ('a cholera outbreak in the African country of Zimbabwe has killed')."""
        return [p for p in self.parts if start <= p.first_token and p.last_token < stop
                and p.first_token not in self.attributed and (places or not p.place)
                and not (p.first_token > 0 and self.low[p.first_token - 1] in SUBJECT_PREPS)]

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
        if segments and segments[-1]:
            return segments[-1][0]
        for i, (seg, head) in enumerate(zip(segments, heads, strict=True)):
            if seg and not (i and head in ("a", "an", "the")):
                return seg[0]
        return before[0]

    def clause_end(self, tj: int) -> int:
        """Token index where the trigger's clause ends: the next comma, semicolon or sentence end."""
        k = bisect_right(self.breaks, tj)
        return self.breaks[k] if k < len(self.breaks) else self.n

    def object_end(self, tj: int) -> int:
        """Where the object of a verb ends: at punctuation, a subordinator or an adjunct preposition."""
        for k in range(tj + 1, self.n):
            if PUNCT.search(self.gap(k - 1, k)) or self.low[k] in OBJECT_STOPS or self.low[k] in ADJUNCT_PREPS:
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
                nxt = self.starting(k + 1, min(k + 4, end))
                if nxt is None:
                    continue
                between = self.low[k + 1:nxt.first_token]
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
        if inside is not None and inside.first_token > c.ti:
            return inside  # 'expelled two Russian diplomats', "summoned Niger's ambassador"
        tgt = self.after_prep(tj, trig.target_preps, end) if trig.target_preps else None
        role = trig.object_role
        if tgt is None and trig.pos == "verb":
            if role in ("target", "target_if_with") or (role == "none" and low[tj + 1:tj + 2] == ["to"]):
                tgt = self.object(tj, end, phrase=False)
            elif role == "none":
                tgt = self.object(tj, min(end, tj + 4), phrase=True)  # 'attempted to assassinate X'
        preps = tuple(p for p in ROOT_PREPS.get(trig.cameo[:2], ()) if p not in trig.target_preps)
        if tgt is None and preps:
            tgt = self.after_prep(tj, preps, end)
        if tgt is None and trig.pos == "verb" and role == "theme":
            tgt = self.object(tj, end, phrase=True)
        if tgt is None and trig.cameo[:2] in ("02", "10", "13"):
            for k in range(tj + 1, min(end, tj + 4)):  # 'demanded that the US cancel ...'
                if low[k] == "that":
                    tgt = self.starting(k + 1, k + 5)
                    break
        if tgt is None and self.dyad and src is not None and any(k in self.plural_refs for k in range(tj + 1, tj + 6)):
            tgt = self.dyad[1] if src.country == self.dyad[0].country else self.dyad[0]
        if tgt is None and trig.cameo[:2] in PLACE_TARGET_ROOTS and trig.cameo[:2] != "04":
            # 'suspended aid deliveries in Baghdad', 'imposed a curfew in Cizre', 'deploy peacekeepers in
            # Iraq': a material act in a place falls on its people (who meet in a place only meet there)
            tgt = self.after_prep(tj, ("in",), end)
        if tgt is not None and tgt.place and trig.cameo[:2] not in PLACE_TARGET_ROOTS:
            return None  # 'warned of more wild weather for Queensland': a place hears no warning
        return tgt

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
        if low[tj + 1:tj + 2] == ["between"]:  # 'cooperation between the two countries', 'talks between X and Y'
            if tj + 2 in self.plural_refs:
                return self.dyad[0], self.dyad[1], True
            first = [p for p in self.parts if tj < p.first_token <= tj + 3]
            if first:
                k = first[0].last_token + 1
                second = [p for p in self.parts if p.first_token in (k + 1, k + 2)]
                if k < self.n and low[k] == "and" and second:
                    return first[0], second[0], True
        owner = None  # 'a U.S. offer', 'the Israeli raid on Gaza', 'a ban by General X'
        if before and before[-1].last_token >= ti - 2 and all(
                low[k] not in NO_FILLERS for k in range(before[-1].last_token + 1, ti)):
            owner = before[-1]
        if owner is None and low[tj + 1:tj + 2] == ["by"]:
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
        for k, c in enumerate(cands):
            c.status, c.controller = self._status(k, cands, ends)
        for c in cands:
            self.roles(c)
        return cands

    def roles(self, c: Candidate) -> None:
        """Set the source and target of a candidate (and whether a noun states them explicitly)."""
        low = self.low
        if c.trig.pos == "noun" and c.anchor < 0:
            c.src, c.tgt, c.explicit = self.noun_roles(c)
        else:
            ti = c.anchor if c.anchor >= 0 else c.ti
            if ti > 0 and low[self.back(ti)] in PASSIVE_AUX and not low[ti].endswith("ing") and c.trig.pos == "verb":
                # passive: 'X was attacked by Y'; without 'by' the actor is unknown ('X have been killed')
                by = low.index("by", c.tj + 1) if "by" in low[c.tj + 1:c.tj + 4] else -1
                agents = [p for p in self.parts if by < p.first_token <= by + 3 and not p.place] if by > 0 else []
                c.src = agents[0] if agents else None
                c.tgt = self.source(ti, places=True, adjacent=c.src is None)
                c.passive = True
                return
            if self.dyad and any(k in self.plural_refs for k in range(ti - 4, ti)) and not any(
                    ti - 4 <= p.last_token < ti for p in self.parts):
                c.src, c.tgt = self.dyad[0], self.dyad[1]  # 'the leaders would meet', 'the two countries agreed'
                return
            c.src = self.source(ti)
            c.tgt = self.target(c, c.src)
            if c.src is not None and (c.tgt is None or c.tgt.place) and (
                    c.cameo[:2] in RECIPROCAL_ROOTS or "with" in c.trig.target_preps):
                # a joint act of a compound subject: 'Kim and Putin met', 'India and Pakistan signed a
                # ceasefire', 'Sudan's army and the Rapid Support Forces agreed to a ceasefire'
                k = c.src.first_token - 1
                if k >= 1 and low[k] == "the":
                    k -= 1
                other = self.part_end.get(k - 1) if k >= 1 and low[k] == "and" else None
                if other is not None and not other.place:
                    c.src, c.tgt = other, c.src
        if c.src is not None and c.tgt is not None and same_actor(c.src, c.tgt):
            c.tgt = None

    def _attribution_tokens(self) -> set[int]:
        """Token indexes inside 'according to X' / 'citing X' phrases (up to the next punctuation)."""
        out: set[int] = set()
        low = self.low
        if "according" not in low and "citing" not in low:
            return out
        for i in range(self.n):
            if low[i:i + 2] == ["according", "to"] or low[i] == "citing":
                for k in range(i, min(self.n, i + 10)):
                    out.add(k)
                    if k + 1 < self.n and re.search(r"[;.]|,(?!\d)", self.gap(k, k + 1)):
                        break
        return out

    def cues_before(self, stop: int, start: int = 0) -> list[tuple[str, str, int]]:
        """(kind, value, token) of the cue phrases in tokens [start, stop), outside actors' names."""
        found = []
        lex, low = self.lex, self.low
        for i in range(start, stop):
            if i in self.part_at:
                continue  # 'the United States' holds no report verb
            for n in range(min(lex.max_cue_words, stop - i), 0, -1):
                kinds = lex.cues.get(" ".join(low[i:i + n]))
                if kinds:
                    found += [(k, v, i) for k, v in kinds.items()]
                    break
        return found
