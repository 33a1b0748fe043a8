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
- roles (who acts on whom): `analysis.extract.roles`, whose `Sentence` extends `Clauses`.
Trigger matching is `analysis.extract.triggers`; analysis.extract.events folds complements into their
governors, selects a sentence's events and codes them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import compress

from analysis.extract._function_words import (
    ARTICLES,
    ASPECTUAL,
    BE,
    BETWEEN_SUBJECT_AND_VERB,
    COMMA,
    CONDITIONALS,
    CONTROL_ROOTS,
    COORDINATORS,
    DETERMINERS,
    FUNCTION_BEFORE_OBJECT,
    GERUND_PREPS,
    JOINING_FIRSTS,
    JOINING_LASTS,
    JOINING_PHRASES,
    NO_FILLERS,
    NOUN_REPORTS,
    PERFECT_AUX,
    PLURAL_REFS_BY_LAST,
    QUANTIFIERS_BY_LAST,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    VERB_PREFIXES,
    _phrases_in,
    clause_break_ends,
)
from analysis.extract._function_words import future_code as future_code  # (read from here by _codes and events)
from analysis.extract.text import token_field, word_group
from analysis.extract.triggers import Participant, Trigger, TriggerScan, cached

BARE_GOVERNORS = word_group("bare_infinitive_governor")  # 'help X reach a deal': X's act
QUESTION_OPENERS = word_group("question_opener")  # 'asked whether Poland would send troops': no act
JOINED_BEFORE = COORDINATORS | ARTICLES  # a word right before the last member of a list ('and Azerbaijan')
MAX_LIST = 6  # members of a coordinated list of actors read on each side
RELATIVE_WORDS = 8  # words of a reduced relative clause read between its participle and the clause's verb
# words that end a reduced relative clause before a verb: that verb is then no longer the actor's
RELATIVE_BOUNDARIES = COORDINATORS | SUBORDINATORS | frozenset({"that"})
_START = token_field("start")


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
    alleged: str | None = None  # the accuser of an alleged act ('a UN report alleged that X shelled Y')
    embedded: bool = False  # the act of a verb's object: 'wants Denmark to attack Norway' (no event of the subject)
    joint: bool = False  # an intent to act together: 'Norway and Sweden pledged to cooperate' (every pair)


def same_actor(a: Participant, b: Participant) -> bool:
    """'Russia' and 'the Kremlin' are one actor; 'Turkish authorities' and Turkey's towns are not."""
    if a.code == b.code:
        return True
    return not (a.place or b.place) and ({a.code, b.code} == {a.country, f"{a.country}GOV"} or (
        a.code == a.country and b.code == b.country and a.country == b.country))


class Clauses(TriggerScan):
    """A sentence with the status of each trigger's clause (analysis.extract.roles adds who acts on whom)."""

    @cached
    def attributed(self) -> set[int]:
        """Token indexes inside 'according to X' / 'citing X' phrases (up to the next punctuation)."""
        return self._attribution_tokens()

    @cached
    def quantifiers(self) -> set[int]:
        """The tokens of quantifier phrases: 'up to 16 advisers', 'at least 20 people'."""
        return {k + m for k, q in _phrases_in(self.low, QUANTIFIERS_BY_LAST) for m in range(len(q))}

    @cached
    def plural_refs(self) -> set[int]:
        """Where 'the two countries', 'each other' stand (with a main pair of countries only)."""
        return {k for k, _ in _phrases_in(self.low, PLURAL_REFS_BY_LAST)} if self.dyad else set()


    @cached
    def questions(self) -> bool:
        """Whether 'whether' opens an indirect question in the sentence."""
        return not QUESTION_OPENERS.isdisjoint(self.low)

    @cached
    def bare_governed(self) -> bool:
        """Whether a verb that takes a bare infinitive ('help', 'let', 'make') stands in the sentence."""
        return not BARE_GOVERNORS.isdisjoint(self.low)

    @cached
    def clause_breaks(self) -> list[tuple[int, int]]:
        """(end, first token after it) of each clause break of the sentence (CLAUSE_BREAK: ';', ', which')."""
        toks = self.toks
        ends = clause_break_ends(self.text, toks[0].start, toks[-1].start)
        return [(end, bisect_left(toks, end, key=_START)) for end in ends]

    @cached
    def reports(self) -> set[int]:
        """The report verbs of the sentence ('said', 'told'), outside actors' names, and the verb of a
        closing report clause (see `closing_report`)."""
        low, lex, toks = self.low, self.lex, self.toks
        closing = {self.closing_report} if self.closing_report >= 0 else set()
        if lex.report_verbs.isdisjoint(low):
            return closing
        return closing | {k for k in compress(range(self.n), map(lex.report_verbs.__contains__, low))
                          if k not in self.part_at
                          and not (toks[k].capitalised and not toks[k].sentence_initial and not self.shouted)
                          and not self._report_noun(k)}

    def _report_noun(self, k: int) -> bool:
        """'A UN report alleged', 'the reports say', 'a Reuters report': a base or '-s' form after a
        determiner, or after an actor's name with nothing between, is a noun (its writer is the actor)."""
        if k == 0 or self.low[k].endswith(("ed", "ing")) or not self.plain(k - 1, k):
            return False
        prev = self.low[k - 1]
        return prev in DETERMINERS or (k - 1 in self.part_end and self.low[k] in NOUN_REPORTS)



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
        elif (head := self._verb_head(ti)) != ti:
            cand.anchor = ti = head  # 'prepared to resume shelling' is read at 'resume'
        k = self.back(ti)
        prev, form = (low[k] if k >= 0 else ""), low[ti]
        if self.bare_governed and cand.trig.pos == "verb" and k in self.part_end and self._bare_infinitive(
                ti, self.part_end[k]):
            cand.embedded = True
            return "sub", None  # 'ready to help Armenia and Azerbaijan reach a deal': their act, not the helper's
        if prev == "to" and self.plain(k, ti):
            ctrl = self._controller(k, ends, cands)
            if ctrl is not None:
                return "comp", ctrl
            h = self.back(k)
            if self._object_controlled(h):
                cand.embedded = True
                return "sub", None  # 'Sweden wants Denmark to attack Norway': Denmark's act, not Sweden's
            if h < 0 or not (self.cue(h, "control") or self.cue(h, "modality") in ("planned", "hypothetical")
                             or low[h] in BE or low[h] in PERFECT_AUX):
                cand.purpose = True
                return "sub", None  # a purpose clause: '... to protest the decision'
            cand.prepared = self.cue(h, "control") == "preparation"
        elif form.endswith("ing") and prev not in BE:
            if prev in GERUND_PREPS and k >= 0:
                ctrl = self._controller(k, ends, cands, any_verb=True)
                if ctrl is not None:
                    return "comp", ctrl
                h = self.back(k)
                if not (prev == "of" and h >= 0 and self.cue(h, "modality") == "suspected"):
                    return "sub", None  # but 'X is suspected of attacking Y' tells X's suspected act
            elif k < 0 or not ((k in self.part_end and self.plain(k, ti)) or low[k] in SUBJECT_PRONOUNS
                               or self.cue(k, "control")):
                return "sub", None  # participial adjunct or reduced relative: ', killing 20', 'in Belgrade, denouncing'
        elif form.endswith(("ed", "en")) and k >= 0 and ti + 1 < self.n and low[ti + 1] in GERUND_PREPS \
                and k not in self.part_end and low[k] not in SUBJECT_PRONOUNS \
                and low[k] not in BETWEEN_SUBJECT_AND_VERB and not self.toks[k].capitalised \
                and all(self._relative_clause_verb(e, cands) != c for e in range(c)):
            return "sub", None  # reduced relative: 'the agreement signed in March' (not 'protesters demanding reforms
            # clashed with ...', the verb that a participle's phrase leads to)
        if self._relative_clause_verb(c, cands) is not None:
            return "sub", None  # 'Turkish soldiers deployed in Syria shelled ...': the actor's act is the later verb
        punct, reports = self.punct, self.reports
        for m in range(ti - 1, -1, -1):  # the clause markers before the trigger, back to the last comma
            if punct[m] != punct[m + 1]:
                break
            w = low[m]
            if m in reports:
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

    def _bare_infinitive(self, ti: int, obj: Participant) -> bool:
        """Whether the base form at ti follows the object of 'help', 'let' or 'make' ('help Armenia and
        Azerbaijan reach a deal', 'let Ukraine join')."""
        w = self.low[ti]
        if w in self.lex.past or w in self.lex.third_person or w.endswith("ing"):
            return False
        first = obj.first_token
        h = self.back(first)
        if h >= 0 and self.low[h] not in BARE_GOVERNORS and self.low[h] in JOINED_BEFORE and self.conjoined(obj):
            first = min(p.first_token for p in self.coordinated(obj))  # 'help Armenia and Azerbaijan'
            h = self.back(first)
        return h >= 0 and self.low[h] in BARE_GOVERNORS and self.plain(h, first)

    def _relative_clause_verb(self, c: int, cands: list[Candidate]) -> int | None:
        """When the verb of candidate c is a participle that describes the actor right before it, the candidate
        of the clause's own verb that follows: 'Turkish soldiers deployed in Syria shelled ...', 'militias based
        in Iraq have attacked ...', 'protesters demanding reforms clashed with police' (a past participle
        before a preposition, or an '-ing' form; then, within RELATIVE_WORDS and no clause boundary, a finite
        verb); else None."""
        cand, low = cands[c], self.low
        ti, form = cand.ti, low[cand.ti]
        if cand.trig.pos != "verb" or ti - 1 not in self.part_end or not self.plain(ti - 1, ti):
            return None
        if not form.endswith("ing") and not ((form.endswith(("ed", "en")) or form in self.lex.past)
                                             and ti + 1 < self.n and low[ti + 1] in GERUND_PREPS):
            return None
        for d in range(c + 1, len(cands)):
            di = cands[d].ti
            if cands[d].trig.pos != "verb":
                continue
            if di - cand.tj > RELATIVE_WORDS or not self.plain(ti, di) or any(
                    w in RELATIVE_BOUNDARIES for w in low[cand.tj + 1:di]):
                return None
            k = self.back(di)
            while k > ti and (self.low[k] in BE or self.low[k] in PERFECT_AUX or self.cue(k, "modality")):
                k = self.back(k)
            own = self.part_end.get(k)  # 'complained about attacks Sudan launched': Sudan's own verb
            return d if self._finite(di) and (own is None or own.place) else None
        return None

    def _finite(self, i: int) -> bool:
        """Whether the verb at i is finite: a past form, or after an auxiliary or a modal ('have been
        demobilised', 'will attack'); not an '-s' form, which may be a noun ('about Sudanese raids')."""
        w, k = self.low[i], self.back(i)
        if k >= 0 and (self.low[k] in BE or self.low[k] in PERFECT_AUX or self.cue(k, "modality")):
            return True
        return not w.endswith("ing") and w in self.lex.past

    def _verb_head(self, ti: int) -> int:
        """Where a verb trigger's clause is read: at the prefix of 're-open', and at the aspectual verb whose
        complement a gerund is ('resumed shelling', 'began collecting signatures', 'kept firing')."""
        if ti > 0 and self.low[ti - 1] in VERB_PREFIXES and self.gap(ti - 1, ti) == "-":
            ti -= 1
        k = self.back(ti)
        if self.low[ti].endswith("ing") and k >= 0 and self.low[k] in ASPECTUAL and self.plain(k, ti) \
                and k not in self.part_at:
            return k
        return ti

    def in_condition(self, k: int, openers: frozenset[str] = CONDITIONALS) -> bool:
        """Whether token k stands in a clause that 'if' or 'unless' opens (no punctuation between): its act
        is hypothetical ('will withdraw its troops unless Chad holds elections'); with `openers`, another
        kind of clause ('whether')."""
        low = self.low
        if openers.isdisjoint(low[:k]):
            return False  # (most sentences hold no opener)
        punct = self.punct
        for m in range(k - 1, -1, -1):
            if punct[m] != punct[m + 1]:
                return False
            if low[m] in openers:
                return True
        return False

    def _object_controlled(self, h: int) -> bool:
        """Whether the word at h, before a 'to' infinitive, ends an actor that is the object of a verb
        ('wants Denmark to attack', 'asked the United States to help', 'allowed Russian troops to enter'):
        the infinitive is that actor's act (object control), not a purpose clause of the subject's; a capital
        there is its government ('wants Kyiv to recognise', 'urged Beijing to release')."""
        p = self.part_end.get(h)
        if p is None or (p.place and not p.capital) or p.first_token < 1:
            return False
        v = p.first_token - 1
        while v > 0 and self.low[v] in DETERMINERS and self.plain(v, v + 1):
            v -= 1
        w = self.low[v]
        return self.plain(v, p.first_token) and v not in self.part_at and not self.toks[v].capitalised \
            and w not in FUNCTION_BEFORE_OBJECT

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
            p = self.part_end.get(k)  # an actor between: 'gave Sri Lanka a loan'
            k = p.first_token - 1 if p is not None and self.plain(p.first_token, k) else k - 1
        return -1

    # ---- coordinated actors ------------------------------------------------------------------
    def conjoined(self, p: Participant) -> Participant | None:
        """The actor joined to p by 'and' or a joining phrase right before it ('France and Germany', 'Sudan's
        army and the Rapid Support Forces', 'Canada as well as Australia'), or None."""
        low = self.low
        k = p.first_token - 1
        if k >= 1 and low[k] == "the":
            k -= 1
        size = 1 if k >= 1 and low[k] == "and" else next(
            (len(q) for q in JOINING_PHRASES if k >= len(q) and tuple(low[k - len(q) + 1:k + 1]) == q), 0) \
            if low[k] in JOINING_LASTS else 0
        other = self.part_end.get(k - size) if size else None
        return other if other is not None and not other.place else None

    def conjoined_after(self, p: Participant) -> Participant | None:
        """The actor joined to p by 'and' right after it ('Putin and Kim'), or by a joining phrase ('the
        United States along with Britain', 'France, together with Germany,'), or None."""
        k = p.last_token + 1
        if k + 1 >= self.n:
            return None
        if self.low[k] == "and" and self.plain(k - 1, k + 1):
            k += 1
        else:
            phrase = next((q for q in JOINING_PHRASES if tuple(self.low[k:k + len(q)]) == q), None) \
                if self.low[k] in JOINING_FIRSTS else None
            if phrase is None or not self.plain(k, k + len(phrase)):
                return None
            k += len(phrase)
        k += k < self.n and self.low[k] == "the"
        other = self.part_at.get(k)
        return other if other is not None and other.first_token == k and not other.place else None

    def coordinated(self, p: Participant) -> list[Participant]:
        """Every actor of the coordination p stands in, in text order: 'Brazil, Chile and Peru', 'France and
        Germany', 'the U.S. along with Britain'; a comma joins list members only in a list that 'and' or a
        joining phrase closes (not the appositive of 'Pakistan, India's neighbour,')."""
        left: list[Participant] = []
        q: Participant | None = p
        joined = False
        while q is not None and len(left) < MAX_LIST:
            q, by_and = self._member_before(q)
            if q is not None:
                left.insert(0, q)
                joined |= by_and
        right: list[Participant] = []
        q = p
        while q is not None and len(right) < MAX_LIST:
            q, by_and = self._member_after(q)
            if q is not None:
                right.append(q)
                joined |= by_and
        members = [*left, p, *right]
        return members if joined or (len(members) > 1 and self._headline_list(members)) else [p]

    def _headline_list(self, members: list[Participant]) -> bool:
        """Whether commas alone join a headline's subject: 'Kenya, Ethiopia sign border pact', 'Russia, China to
        hold drills' (the list opens the sentence and a plain verb form, or 'to', follows it)."""
        k = members[-1].last_token + 1
        if members[0].first_token > (self.low[0] == "the") or k >= self.n or not self.plain(k - 1, k):
            return False
        w = self.low[k]
        return w == "to" or (w in self.lex.triggers and w not in self.lex.third_person and w not in self.lex.past
                             and not w.endswith("ing"))

    def headline_future(self, ti: int) -> bool:
        """Whether the verb at ti is a headline's future: 'Russia to expel ten diplomats', 'Kenya, Ethiopia to
        sign pact' (its subject opens the sentence and 'to' alone stands between them)."""
        p = self.part_end.get(ti - 2)
        return p is not None and self.low[ti - 1] == "to" and self.plain(ti - 2, ti) and not p.place and \
            self.coordinated(p)[0].first_token <= (self.low[0] == "the")

    def comma_partner(self, p: Participant) -> Participant | None:
        """The member before p, the last of a headline's comma list ('Kenya, Ethiopia sign ...'), or None."""
        members = self.coordinated(p)
        return members[-2] if len(members) > 1 and members[-1] is p and self.conjoined(p) is None else None

    def _member_before(self, p: Participant) -> tuple[Participant | None, bool]:
        """The list member right before p and whether 'and' (or a joining phrase) joins them."""
        other = self.conjoined(p)
        if other is not None:
            return other, True
        k = p.first_token - 1
        if k >= 1 and self.low[k] == "the" and self.plain(k, k + 1):
            k -= 1
        other = self.part_end.get(k)
        if other is None or other.place or other.possessive or self.gap(k, k + 1).strip() != ",":
            return None, False
        return other, False

    def _member_after(self, p: Participant) -> tuple[Participant | None, bool]:
        """The list member right after p and whether 'and' (or a joining phrase) joins them."""
        other = self.conjoined_after(p)
        if other is not None:
            return other, True
        k = p.last_token + 1
        if k >= self.n or self.gap(k - 1, k).strip() != ",":
            return None, False
        if self.low[k] == "and" and k + 1 < self.n:
            k += 1  # 'A, B, and C'
            k += k + 1 < self.n and self.low[k] == "the"
            other = self.part_at.get(k)
            ok = other is not None and other.first_token == k and not other.place
            return (other, True) if ok else (None, False)
        k += self.low[k] == "the"
        other = self.part_at.get(k)
        if other is None or other.first_token != k or other.place:
            return None, False
        return other, False

    # ---- cues -------------------------------------------------------------------------------------
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
        lex, low, firsts, part_at = self.lex, self.low, self.lex.cue_firsts, self.part_at
        for i in range(start, stop):
            if low[i] not in firsts or i in part_at:
                continue  # 'the United States' holds no report verb
            for n in range(min(lex.max_cue_words, stop - i), 0, -1):
                kinds = lex.cues.get(" ".join(low[i:i + n]))
                if kinds:
                    found += [(k, v, i) for k, v in kinds.items()]
                    break
        return found
