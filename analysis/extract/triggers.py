"""Trigger matching: where the event lexicon's verb and noun phrases stand in a sentence.

A verb phrase may hold modifiers before its object ('lifted a night curfew' is 'lift curfew', 'closed
its southern borders' is 'close border'); '-s' forms are nouns unless a subject stands right before them
('Serb forces', 'relief supplies'); hyphen compounds ('free-trade', 'Syrian-backed') and capitalised
words inside a sentence ('last March') are no triggers. `TriggerScan` holds a sentence's tokens, its
participants and the facts read from them; `analysis.extract.clauses.Clauses` extends it with clauses.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from operator import not_

from analysis.extract._cached import cached
from analysis.extract._event_lexicon import EventLexicon, Trigger
from analysis.extract._function_words import (
    _DIGIT,
    ADVERBS,
    AMOUNT_LINKS,
    BE,
    COORDINATORS,
    CROWD_SECTORS,
    DETERMINERS,
    INDEFINITE_ARTICLES,
    MAX_AMOUNT_WORDS,
    MAX_FILLERS,
    NO_FILLERS,
    NOMINAL_CONTEXT,
    NOMINAL_PREPS,
    OBJECT_PARTS,
    OCCURRENCE_FIRSTS,
    OCCURRENCE_VERBS,
    PARTICLES,
    PUNCT,
    SUBJECT_PREPS,
    SUBJECT_PRONOUNS,
    VERB_PREFIXES,
)
from analysis.extract.actors import actor_lexicon
from analysis.extract.text import Token, token_field, word_group

_SPACED = token_field("spaced")
_RELATION_NOUNS = word_group("relation_noun")  # 'NATO ally Turkey': a relation, not a verb
_TEXT = token_field("text")


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
    capital: bool = False  # a national capital; told or asked something, it is its government ('warned Beijing')


class TriggerScan:
    """One sentence: its tokens, participants and the trigger phrases in it (`Clauses` adds clauses,
    analysis.extract.roles who acts on whom)."""

    def __init__(self, text: str, toks: Sequence[Token], parts: list[Participant], lex: EventLexicon,
                 dyad: list[Participant], low: list[str] | None = None) -> None:
        """`low`: the tokens' lower-case words, when the caller has them already (the sentence keeps the list)."""
        self.text, self.toks, self.parts, self.lex, self.dyad = text, toks, parts, lex, dyad
        self.n = len(toks)
        self.part_at = {k: p for p in parts for k in range(p.first_token, p.last_token + 1)}
        # an acronym of an actor is no function word: 'The WHO criticized' has no relative 'who'
        self.low = low if low is not None else [t.lower for t in toks]
        texts = list(map(_TEXT, toks))
        self._upper = list(map(str.isupper, texts))  # (few tokens are in capitals: read in C)
        for k in compress(range(self.n), self._upper):
            if k in self.part_at and len(texts[k]) > 1:
                self.low[k] = texts[k]
        self.part_end = {p.last_token: p for p in parts}
        self.verbs: set[int] = set()  # first tokens of the verb triggers
        # the facts below are computed when first read: most sentences with a trigger word have no trigger

    @cached
    def shouted(self) -> bool:
        """Whether the sentence is written in capitals (a headline): capitals then mark no names."""
        return self.n >= 3 and sum(self._upper) >= 0.8 * self.n


    @cached
    def _marks(self) -> list[int]:
        """1 where punctuation stands between token k-1 and token k, else 0."""
        toks, text, search = self.toks, self.text, PUNCT.search
        marked = [0] * self.n
        for k in compress(range(1, self.n), map(not_, map(_SPACED, toks))):  # one space between: no mark
            if search(text, toks[k - 1].end, toks[k].start):
                marked[k] = 1
        return marked

    @cached
    def punct(self) -> list[int]:
        """Per token, the punctuation marks before it, counted from the start: plain() and clause_end()
        in O(1)."""
        return list(itertools.accumulate(self._marks))

    @cached
    def breaks(self) -> list[int]:
        """The tokens with punctuation before them."""
        return list(compress(range(self.n), self._marks))


    @cached
    def closing_report(self) -> int:
        """The verb of a report clause that closes the sentence after a comma: '..., U.S. officials
        warned.' reports what comes before it, as 'said' would (-1 if none)."""
        k = self.n - 1
        p = self.part_end.get(k - 1)
        if p is None or p.place or p.first_token < 1 or self.plain(p.first_token - 1, p.first_token) \
                or self.low[k] not in self.lex.past or k in self.part_at or not self.plain(k - 1, k):
            return -1
        return k if not self.text[self.toks[k].end:self.toks[k].end + 3].strip(".\"'”’ ") else -1

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
        low, punct, part_at = self.low, self.punct, self.part_at
        while k >= 0:  # (adverb() and plain() inlined: the most called helper)
            w = low[k]
            if not ((w.endswith("ly") and len(w) > 4 and k not in part_at) or w in ADVERBS) or punct[k] != punct[k + 1]:
                break
            k -= 1
        return k

    # ---- triggers -----------------------------------------------------------------------------
    def triggers(self) -> list[tuple[int, int, Trigger]]:
        """Trigger phrases of the sentence, longest first."""
        out = []
        low, toks, text, lex, part_at = self.low, self.toks, self.text, self.lex, self.part_at
        prev_verb_end, after = -2, 0  # after: the first token not inside a trigger found already
        phrase_ends = lex.phrase_ends
        for i in list(compress(itertools.count(), map(lex.triggers.__contains__, low))):
            tok = toks[i]
            inside = i in part_at  # an actor's head may open a noun phrase trigger: 'an Israeli drone strike'
            if i < after or (inside and not part_at[i].first_token < i == part_at[i].last_token) \
                    or (tok.capitalised and not tok.sentence_initial and not self.shouted) \
                    or (text[tok.start - 1:tok.start] == "-" and not self._prefixed(i)) \
                    or i == self.closing_report:
                continue
            window = low[i + 1:i + 8]
            ends = phrase_ends.get(low[i])
            if ends is not None and ends.isdisjoint(window):
                continue  # only phrases start here, and none of their last words follows
            cands = lex.candidates(low[i], window)
            nominal: bool | None = None  # whether the word is a noun here (computed when a verb needs it)
            best: tuple[int, Trigger] | None = None
            ahead: set[str] | None = None  # the words after i, for phrase triggers (computed when first needed)
            for trig in cands:
                if inside and (trig.pos != "noun" or len(trig.words) == 1):
                    continue
                if len(trig.words) > 1:
                    if ahead is None:
                        ahead = set(window)
                    if ahead.isdisjoint(trig.endings):
                        continue
                j = self._match(i, trig)  # (the phrase first: most phrases do not match, and then need no context)
                if j is not None and trig.pos == "verb":
                    if nominal is None:
                        nominal = self._nominal_context(i, prev_verb_end) or (
                            len(trig.words) == 1 and low[i] == trig.lemma and self._title_before_name(i))
                    if nominal or (len(trig.words) == 1 and low[i + 1:i + 2] == ["to"]
                                   and self.cue(i, "control") == "subject"):
                        continue  # a noun; or 'seeking to improve relations': a control verb, not a request
                if j is not None:
                    best = (j, trig)
                    break  # the first match is the longest (the rest of its length would not replace it)
            if best is None or text[toks[best[0]].end:toks[best[0]].end + 1] == "-":
                continue
            out.append((i, best[0], best[1]))
            prev_verb_end = best[0] if best[1].pos == "verb" else -2
            after = best[0] + 1
        return out

    def _prefixed(self, i: int) -> bool:
        """'re-open', 're-impose', 'co-sponsor': a verb after a prefix and a hyphen is the verb itself."""
        return i > 0 and self.low[i - 1] in VERB_PREFIXES and self.gap(i - 1, i) == "-"

    def _nominal_context(self, i: int, prev_verb_end: int) -> bool:
        """After a determiner or preposition a word is a noun ('the meeting', 'with arms'); so is a
        '-s' form without a subject right before it ('Serb forces', 'Talks between ...'), and a word
        right after a verb trigger ('reject proposed changes')."""
        low, punct, w = self.low, self.punct, self.low[i]
        ing = w.endswith("ing")
        if ing and i + 1 < self.n and punct[i + 1] == punct[i] and (
                low[i + 1] == "between" or low[i + 1] in OCCURRENCE_FIRSTS and any(
                    tuple(low[i + 1:i + 1 + len(v)]) == v for v in OCCURRENCE_VERBS)) and not (
                i > 0 and low[self.back(i)] in BE):
            # 'fighting between the army and the RSF': an '-ing' form before 'between' names the act; 'Fighting
            # broke out ...', 'Shelling resumed ...': before a verb of occurrence it is its subject; after a form
            # of 'be' it is a verb ('Egypt is mediating between Israel and Hamas')
            return True
        if i == 0:
            return w in self.lex.third_person
        k = self.back(i)
        if k >= 1 and ing and low[k] == "of" and punct[k] == punct[i]:
            h = self.back(k)  # 'suspected of attacking', 'accused of supplying': a verb, not 'the cost of attacking'
            if h >= 0 and (self.cue(h, "modality") == "suspected" or low[h] in self.lex.triggers):
                return False
        if k >= 0 and punct[k] == punct[i] and (low[k] in NOMINAL_CONTEXT or k == prev_verb_end or (
                not ing and low[k] in NOMINAL_PREPS)):
            return True  # 'in order to', 'after talks'; but 'by attacking'
        # the first token of the plain run before i, at most 6 back: after the last punctuation mark
        head = i - 6
        if punct[i]:  # (a mark stands before some token up to i)
            breaks = self.breaks
            head = max(head, breaks[bisect_right(breaks, i) - 1])
        if head > 0 and punct[head - 1] != punct[head] and low[head] in INDEFINITE_ARTICLES:
            return True  # an appositive: 'Pakistan, a key U.S. ally, has refused'
        if self._after_indefinite(i):
            return True
        if w in self.lex.third_person:
            if i + 1 < self.n and punct[i + 1] == punct[i] and low[i + 1] in self.lex.past:
                return True  # a plural noun before its verb: 'coast guard ships fired', 'talks ended'
            owner = self.part_end.get(k)
            b = self.back(owner.first_token) if owner is not None and prev_verb_end >= 0 else -1
            if b >= 0 and (b == prev_verb_end or (self.low[b] in COORDINATORS and b - prev_verb_end <= 6
                                                  and self.plain(prev_verb_end, i))):
                return True  # the object of the verb before: 'struck Hezbollah targets', '... and PKK targets'
            return not (owner is not None or (k >= 0 and self.low[k] in SUBJECT_PRONOUNS | {"that"}))
        return False

    def _title_before_name(self, i: int) -> bool:
        """'NATO ally Turkey', "Iran's ally Syria", 'Russian ally Belarus': a noun of a relation between states
        (word group relation_noun) that is also a verb's base form (the caller checks it), between an actor and a
        name with no punctuation, is a noun in apposition to the name (a verb after one actor would take '-s');
        not after a pair, a plural or an agent noun ('Britain and France ally with Ukraine', 'Germany, France
        urge Russia', 'Police arrest Albany man')."""
        if i == 0 or i + 1 >= self.n or self.low[i] not in _RELATION_NOUNS:
            return False
        before, name = self.part_end.get(i - 1), self.part_at.get(i + 1)
        if before is None or name is None or name.first_token != i + 1 or not self.toks[i + 1].capitalised \
                or not self.plain(i - 1, i + 1):
            return False
        last, first = self.toks[before.last_token], before.first_token
        if (last.lower,) in actor_lexicon().agents or (last.lower.endswith("s") and not last.possessive and (
                not last.capitalised or last.sentence_initial)):
            return False  # a group is the subject of a headline's verb: 'Deputies arrest Pointe Coupee teen'
        return not (first > 0 and self.low[first - 1] in COORDINATORS and self.plain(first - 1, first))

    def _noun_follows(self, k: int) -> bool:
        """Whether a lower-case word that may be a noun follows token k one space apart ('live-fire drills'), not
        a preposition, particle, conjunction or determiner ('a counter-attack against', 'a counter-attack and')."""
        if k + 1 >= self.n or not self.plain(k, k + 1) or self.toks[k + 1].capitalised:
            return False
        w = self.low[k + 1]
        return not (w in SUBJECT_PREPS or w in PARTICLES or w in COORDINATORS or w in DETERMINERS)

    def _after_indefinite(self, i: int) -> bool:
        """'a multinational police force', 'an unprovoked attack', 'a roadside bombing near ...': a base form
        at the end of a noun phrase that 'a' or 'an' opens is its head noun (a verb after such a subject
        would take '-s'), as is one ending a phrase that a preposition governs ('according to the news
        release'); so is an '-ing' form before a preposition or a mark (not 'a growing crisis')."""
        low, punct, lex = self.low, self.punct, self.lex
        w = low[i]
        if w in lex.third_person or w in lex.past:
            return False
        if w.endswith("ing") and i > 0 and punct[i - 1] == punct[i] and any(
                t.pos == "noun" and len(t.words) == 1 for t in lex.triggers.get(low[i - 1], ())):
            return False  # a participle after an event noun: 'a peaceful demonstration calling for ...'
        if w.endswith("ing") and i + 1 < self.n and punct[i] == punct[i + 1] and low[i + 1] not in SUBJECT_PREPS:
            return False
        for m in range(i - 1, max(-1, i - MAX_FILLERS - 3), -1):
            if punct[m] != punct[m + 1]:
                return False
            v = low[m]
            if v in INDEFINITE_ARTICLES:
                return True
            if m < i - 1 and v in NOMINAL_CONTEXT and m > 0 and (
                    low[m - 1] in NOMINAL_PREPS or low[m - 1] in SUBJECT_PREPS) and punct[m - 1] == punct[m]:
                # a phrase a preposition governs: 'according to the news release' (but 'Estimates by the WHO
                # suggest': an actor's name ends the phrase, the verb follows it)
                return not any(k in self.part_at for k in range(m + 1, i))

            if v in NO_FILLERS or v in lex.one_word_verbs or self.cue(m, "modality"):
                return False  # a verb between: the article opens an earlier phrase
        return False

    def _match(self, i: int, trig: Trigger) -> int | None:
        """Index of the last token of `trig` matched at token i, or None. A verb phrase may hold
        determiners and up to MAX_FILLERS modifiers before its object, which may be plural; it may end
        on an actor's head noun ('expelled two Russian diplomats')."""
        if len(trig.words) == 1:
            return i
        j = self._match_from(i, trig, i + 1)
        recipient = self.recipient(i) if j is None and trig.pos == "verb" else None
        if recipient is not None:  # 'gave Ukraine $1 billion in aid': the recipient before the object
            j = self._match_from(i, trig, recipient.last_token + 1)
        return j

    def _match_from(self, i: int, trig: Trigger, first: int) -> int | None:
        """`_match` with the rest of the phrase looked for from token `first` on."""
        low, words = self.low, trig.words
        k, fillers, verb = first, 0, trig.pos == "verb" or trig.nominal
        for w_i in range(1, len(words)):
            w, last = words[w_i], w_i == len(words) - 1
            while True:
                if k >= self.n or not self.plain(k - 1, k):
                    if w in DETERMINERS:
                        break
                    return None
                if verb and (after := self._amount_end(k)) is not None:
                    k = after  # '$5 billion in aid', '10,000 tonnes of rice': the amount of the object
                    continue
                tok = low[k]
                if verb and tok in OBJECT_PARTS and tok not in (w, w + "s") and low[k + 1:k + 2] == ["of"] \
                        and k + 2 < self.n and self.plain(k, k + 2):
                    k += 2  # 'suspended part of its military aid', 'burned dozens of villages'
                    continue
                if tok == w or (last and verb and w not in PARTICLES and tok in (w + "s", w + "es")):
                    if fillers and self.text[self.toks[k].start - 1] == "-" and low[k - 1] not in words \
                            and self._noun_follows(k):
                        return None  # a compound before its noun: 'held live-fire drills' holds no fire (but
                        # 'mounted a counter-attack against' is an attack)
                    k += 1
                    break
                if w in DETERMINERS:
                    break  # an optional determiner of the template
                if verb and last and w_i == 1 and w in PARTICLES and (split := self._split_particle(k, w)) is not None:
                    k = split + 1  # 'pulled its forces out'
                    break
                if not verb or w in PARTICLES or tok in NO_FILLERS or (
                        self.toks[k].capitalised and k not in self.part_at
                        and not (low[k + 1:k + 2] == [w] or last and low[k + 1:k + 2] in ([w + "s"], [w + "es"]))):
                    return None  # but a model name before the head noun: 'send Leopard tanks', 'F-16 fighter jets'
                fillers += tok not in DETERMINERS
                if fillers > MAX_FILLERS or (trig.generated and self._noun_trigger(tok)):
                    return None  # 'launched a mediation effort' is a mediation, not PETRARCH's 'launch effort'

                k += 1
        j = k - 1
        if any(m in self.part_at and self.part_at[m].last_token not in (j, j - 1) for m in range(first, j + 1)):
            return None  # but an actor may end on the head noun or stand right before it ('32 Armenian prisoners')
        return j

    def _noun_trigger(self, word: str) -> bool:
        return word in self.lex.noun_firsts

    def _split_particle(self, k: int, particle: str) -> int | None:
        """Where the particle of a phrasal verb stands after its object, when the object is a body of people
        a state sends ('pulled its forces out', 'pulled some troops back'; not the crowds of
        CROWD_SECTORS: 'pulled the child out of the pool'): an
        object of up to MAX_FILLERS + 1 plain lower-case words from token k ending on an agent noun, then
        the particle; None if there is none."""
        for m in range(k, min(k + MAX_FILLERS + 2, self.n)):
            if not self.plain(m - 1, m) or m in self.part_at or self.toks[m].capitalised:
                return None
            if self.low[m] == particle:
                sector = actor_lexicon().agents.get((self.low[m - 1],))
                return m if m > k and sector is not None and sector not in CROWD_SECTORS else None
            if self.low[m] in NO_FILLERS:
                return None
        return None

    def recipient(self, i: int) -> Participant | None:
        """The actor right after the verb at token i that receives its object ('gave Ukraine aid', 'sent
        Syria fighter jets'): a non-place, non-possessive participant followed by more of the sentence."""
        p = self.part_at.get(i + 1)
        if p is None or p.first_token != i + 1 or p.place or p.possessive or not self.plain(i, i + 1):
            return None
        return p if p.last_token + 1 < self.n and self.plain(p.last_token, p.last_token + 1) else None

    def _amount_end(self, k: int) -> int | None:
        """After a number that stands before token k, the token after the words of its amount and their
        'in' or 'of' ('$5 billion in', '1 billion euros of', '10,000 tonnes of'), or None."""
        gap_start, gap_end = self.toks[k - 1].end, self.toks[k].start
        if gap_end - gap_start < 2 or not _DIGIT.search(self.text, gap_start, gap_end):
            return None  # (most words stand one space apart)
        for m in range(k, min(k + MAX_AMOUNT_WORDS + 1, self.n)):
            if not self.plain(m - 1, m) or m in self.part_at or self.toks[m].capitalised:
                return None
            if self.low[m] in AMOUNT_LINKS:
                return m + 1 if m > k else None
        return None
