"""Who did what to whom: CAMEO/PLOVER-coded events, sentence by sentence.

The clause analysis of analysis.extract.clauses finds each trigger's status (main, subordinate, complement, noun)
and its source and target among the sentence's participants (people, institutions, agents, countries, and places
acted upon). This module then
- folds a complement into the event that governs it ('threatened to ban X' is one threat against X;
  'refused to meet X' one refusal), a purpose clause of the same kind into the main act ('began a
  hunger strike to protest against X'), and the noun of the means into a generic violent act ('killed
  three civilians in a car bombing' is a bombing); reads 'X said Y must ...' as X's demand on Y and a
  threat's condition as its target ('... unless Baghdad accepts');
- selects: when a sentence has main events, its subordinate events and nouns without explicit roles
  give way; an actor's event with a target stands for its other acts in the sentence; a main event
  whose actor is named but not coded ('Judge X opened investigations against Y'), or a passive
  without agent, keeps an empty source when its target is known, as PLOVER records such events;
- codes and describes each event: CAMEO code, root, QuadClass, Goldstein and PLOVER category
  (cooperation promised or planned is an intention, root 03, and a hostile act announced for the
  future a threat, root 13, as CAMEO prescribes; a cooperative act refused for the future, 'will not
  allow', a rejection, root 12); modality, negation, attribution, date (resolved against the article date),
  place (only when the sentence ties it to the event: 'met in Vladivostok') and evidence.
Events are deduplicated within an article: one per source, target, code and date, with every mention
kept as evidence.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from operator import attrgetter, itemgetter
from typing import Any, cast

from analysis._resources import compiled, read_table
from analysis.extract._codes import (
    VIOLENT_ROOTS,
    armed_withdrawal,
    demote_conditions,
    fold_means,
    ordered_act,
    refine_violence,
    unless_threat,
)
from analysis.extract._event_lexicon import EventLexicon, Trigger, add_nominals, trigger
from analysis.extract._function_words import (
    GRIEVANCE_ROOTS,
    INTENT_OF_ROOT,
    PROTEST_CONTENT_ROOTS,
    RECIPROCAL_PRONOUNS,
    RECIPROCAL_ROOTS,
    REFUSAL_OF_ROOT,
)
from analysis.extract._sentence_filter import inert, plural_sentences
from analysis.extract.clauses import Candidate, future_code, same_actor
from analysis.extract.objects import grieved_state
from analysis.extract.records import Event, Place
from analysis.extract.roles import Sentence, joint_act
from analysis.extract.text import Token, past_forms, token_field
from analysis.extract.timex import TimeExpression, find_times
from analysis.extract.triggers import Participant

__all__ = ["EventLexicon", "Participant", "Trigger", "code_event", "event_lexicon", "find_events", "sentence_events"]

PLACE_GAP = 60  # characters between a trigger and the 'in X' that places its event
MODALITY_ORDER = ("hypothetical", "suspected", "planned", "reported", "asserted")
ACCUSE_ROOT = "11"  # CAMEO 11, disapprove (criticise, accuse)
PROTEST_ROOT = "14"  # CAMEO 14, demonstrate or rally
_SENTENCE = token_field("sentence")
_LOWER = token_field("lower")
_COUNTRY = attrgetter("country")


def _records(name: str) -> list[dict[str, str]]:
    return cast(list[dict[str, str]], read_table(name, dtype=str).to_dict("records"))


@compiled
def event_lexicon() -> EventLexicon:
    """Load the trigger lexicon, CAMEO code table and cue words once per process."""
    triggers: dict[str, list[Trigger]] = {}
    third: set[str] = set()
    past: set[str] = set()
    curated = {(r["pos"], f) for r in _records("event_triggers.tsv") for f in r["forms"].split("|")}
    # the verbs of PETRARCH-2's dictionary widen the curated table, which wins where both have a form
    for r in _records("event_triggers.tsv") + _records("petrarch_triggers.tsv"):
        preps = tuple(p for p in r["target_prep"].split("|") if p)
        forms = [f for f in r["forms"].split("|") if f]
        generated = r["source"].endswith("(generated)")
        if generated:
            forms = [f for f in forms if (r["pos"], f) not in curated]
        if r["pos"] == "verb":
            past.update(past_forms(f.lower() for f in forms if " " not in f))
        for form in forms:
            words = tuple(form.lower().replace("-", " ").split())
            if words:
                triggers.setdefault(words[0], []).append(
                    trigger(words, r["lemma"], r["pos"], r["cameo"], preps, r["object_role"], generated))
            if r["pos"] == "verb" and len(words) == 1 and form.endswith("s") and any(
                    f in forms for f in (form[:-1], form[:-2], form[:-3] + "y")):
                third.add(form)  # 'forces', 'supplies': '-s' verb forms that are also plural nouns
    add_nominals(triggers)
    for lst in triggers.values():
        lst.sort(key=lambda t: (-len(t.words), t.pos != "verb"))
    codes: dict[str, dict[str, Any]] = {
        r["code"]: {"root": r["root"], "quad_class": int(r["quad_class"]), "goldstein": float(r["goldstein"]),
                    "plover": r["plover"], "name": r["name"]} for r in _records("cameo_codes.tsv")}
    cues: dict[str, dict[str, str]] = {}
    for r in _records("event_cues.tsv"):
        cues.setdefault(r["cue"].lower(), {})[r["kind"]] = r["value"]
    light = frozenset(c for c, kinds in cues.items() if "light_verb" in kinds)
    reports = frozenset(c for c, kinds in cues.items() if "report_verb" in kinds)
    past.update(past_forms(c for c in reports if " " not in c))
    return EventLexicon(triggers, codes, cues, max(len(c.split()) for c in cues), frozenset(third), light, reports,
                        frozenset(past))



def code_event(lex: EventLexicon, cameo: str, modality: str) -> dict[str, Any]:
    """CAMEO code details. As CAMEO prescribes, cooperation that is promised or planned rather than
    done is coded as an intention (root 03): 'will meet' -> 036, 'will provide aid' -> 033; and a
    conflictual act announced for the future is a threat (root 13): 'will impose sanctions' -> 1312."""
    if modality == "planned":
        cameo = future_code(cameo)
    info = lex.codes.get(cameo) or lex.codes.get(cameo[:3]) or lex.codes.get(cameo[:2]) or {}
    return {"cameo": cameo, "root": info.get("root", cameo[:2]), "quad_class": info.get("quad_class"),
            "goldstein": info.get("goldstein"), "plover": info.get("plover")}


def find_events(text: str, sentences: Sequence[tuple[int, int]], tokens: Sequence[Token],
                participants: Sequence[Participant], places: Sequence[Place], *, article_date: str | None,
                ) -> list[Event]:
    """The deduplicated events of an article (typed records; `Event.record()` gives schema.EVENT_FIELDS)."""
    lex = event_lexicon()
    parts_by_sentence: dict[int, list[Participant]] = {}
    for p in participants:
        if p.first_token < len(tokens):
            parts_by_sentence.setdefault(tokens[p.first_token].sentence, []).append(p)
    counts = Counter(filter(None, map(_COUNTRY, participants)))  # the two most named: as most_common(2) sorts
    main = [c for c, _ in sorted(counts.items(), key=itemgetter(1), reverse=True)[:2]]
    dyad = [Participant(0, 0, -1, -1, c, c, c) for c in main] if len(main) == 2 else []
    # the sentences that may hold an event: those with an actor, or with 'the two countries' of the main pair
    plural = plural_sentences(tokens) if dyad else set()
    chosen = parts_by_sentence.keys() | plural
    starts = [p.start for p in places]  # sorted, as extract_record gives them
    raw: list[Event] = []
    for si in sorted(chosen):
        offset = bisect_left(tokens, si, key=_SENTENCE)  # the tokens of a sentence stand together, in order
        stop = bisect_left(tokens, si + 1, lo=offset, key=_SENTENCE)
        if offset == stop:
            continue
        s, e = sentences[si]
        lows = list(map(_LOWER, tokens[offset:stop]))
        if "must" not in lows and not lex.may_trigger(lows):
            continue
        here_parts = parts_by_sentence.get(si, [])
        if inert(here_parts, lows, offset, lex, si in plural):
            continue
        toks = tokens[offset:stop]
        local = [_local(p, offset) for p in here_parts]
        sent = Sentence(text, toks, local, lex, dyad, lows)
        here = places[bisect_left(starts, s):bisect_left(starts, e)]
        times: dict[bool, list[TimeExpression]] = {}
        for cand in sentence_events(sent):
            material = lex.codes.get(cand.cameo[:2], {}).get("quad_class") in (2, 4)
            if cand.src is not None and cand.src.code[3:6] == "MED" and material:
                continue  # 'The Associated Press contributed reporting': media report, they do not act
            raw.append(_event(text, s, e, sent, cand, here, article_date, lex, times))
    return _dedupe(raw)


def sentence_events(sent: Sentence) -> list[Candidate]:
    """The events of a sentence: its candidates after folding complements and selecting the
    best-anchored ones."""
    cands = sent.candidates()
    if not cands and "must" not in sent.low:
        return []
    _object_roles(cands)
    for c in reversed(cands):  # fold complements into their governors, inner first
        if c.status == "comp" and c.controller is not None:
            _fold(sent, cands[c.controller], c)
    _fold_purposes(cands)
    fold_means(sent, cands)
    demote_conditions(sent, cands)
    demands = _demands(sent, cands)
    anchors = {c.anchor for c in cands if c.anchor >= 0}
    out = [c for c in cands if c.status not in ("comp", "done") and not (c.ti in anchors and c.trig.pos == "verb")]
    out += demands
    if not out:
        return out
    for c in out:
        if c.tgt is None and c.cameo[:2] == "13":
            c.tgt = _condition_subject(sent, c)
    # a main event whose actor the text names but no table codes ('Judge Alejandro Rivera opened
    # investigations against ...'), or a passive without agent, keeps an empty source when its
    # target is known, as PLOVER records such events
    strong = [c for c in out if c.status == "main" and (c.src is not None or c.tgt is not None and (
        c.passive or sent.named_subject(c.anchor if c.anchor >= 0 else c.ti)))]
    regions = [(c.tj, sent.object_end(c.tj)) for c in strong]
    chosen = {id(c) for c in strong}
    keep = strong + [c for c in out if id(c) not in chosen and c.explicit and c.src is not None
                     and c.tgt is not None and not any(a < c.ti < b for a, b in regions)]
    if any(c.src is not None for c in keep):
        keep = [c for c in keep if c.src is not None]
    if not strong:
        chosen = {id(c) for c in keep}
        keep += [c for c in out if id(c) not in chosen and c.src is not None and c.tgt is not None
                 and not c.embedded]
    # an actor's better-anchored event stands for its other acts in the sentence: 'Afghan rebels
    # kidnapped 16 Russian advisers and exploded bombs' -> the kidnapping
    anchored = {c.src.code for c in keep if c.tgt is not None and c.src is not None}
    keep = [c for c in keep if c.tgt is not None or c.src is None or c.src.code not in anchored]
    if not keep:  # only a purpose clause says what the actors did: '... were converging to protest X'
        keep = [c for c in out if c.purpose and c.src is not None][:1]
    for c in keep:
        if c.tgt is None and c.cameo[:2] in GRIEVANCE_ROOTS:
            c.tgt = grieved_state(sent, c)  # 'in protest of last week's arrest of activists'
        refine_violence(sent, c)
        ordered_act(sent, c)
        armed_withdrawal(sent, c)
        if c.prepared and c.cameo[:2] in VIOLENT_ROOTS:
            c.cameo = "150"  # preparing an attack is a show of force (CAMEO 15), not yet the attack
    keep += _compound(sent, keep)
    return sorted(keep, key=lambda c: c.ti)


def _object_roles(cands: list[Candidate]) -> None:
    """What a trigger's object role says once the roles are read: 'Ukraine received weapons from Poland' is
    Poland giving; a verb that needs an actor as its object and has none is no event ('suspended the search')."""
    for c in cands:
        if c.trig.object_role == "received":
            c.src, c.tgt = c.tgt, c.src
        elif c.trig.object_role == "actor" and c.tgt is None:
            c.status = "done"


def _compound(sent: Sentence, keep: list[Candidate]) -> list[Candidate]:
    """The events of the other actors of compound subjects and objects. Each actor of a compound subject does the
    act: 'France, Germany and Italy called on Israel' is an event of each ('Russia and China vetoed the resolution':
    a one-sided act without a target, too); a joint act of a listed subject ('Brazil, Chile and Peru held talks')
    joins every pair once; a mutual act ('Armenia and Azerbaijan accused each other') joins every pair both ways.
    Each actor of a compound object is acted upon: 'talks with Ukraine and Moldova' (not 'attacked Ukraine and
    Poland condemned it', where the second actor opens a clause of its own)."""
    out: list[Candidate] = []
    for c in keep:
        if c.src is None or c.passive:
            continue
        members = sent.coordinated(c.src)
        if len(members) > 1 and (c.tgt is None or any(same_actor(m, c.tgt) for m in members)) and _mutual(sent, c):
            # 'Armenia and Azerbaijan accused each other': each member acts on each other member
            c.tgt = next(m for m in members if m is not c.src)
            out += [dataclasses.replace(c, src=a, tgt=b) for a in members for b in members
                    if a is not b and not (a is c.src and b is c.tgt) and not same_actor(a, b)]
            continue
        # a joint act ('agreed with', reciprocal roots), also after a complement recoded it ('Brazil, Chile and Peru
        # agreed to cooperate' is an intent, 03x, of all three together), with or without a target found
        joint = (c.joint or joint_act(c)) and any(m is c.tgt for m in members)
        if c.tgt is None and joint_act(c) and len(members) > 1:  # 'Leaders of Kenya, Uganda and Tanzania agreed'
            c.src, c.tgt, joint = members[0], members[1], True
        if joint:
            out += [dataclasses.replace(c, src=a, tgt=b) for i, a in enumerate(members) for b in members[i + 1:]
                    if not (a is c.src and b is c.tgt) and not same_actor(a, b)]
        elif c.tgt is not None or c.cameo[:2] not in RECIPROCAL_ROOTS:
            out += [dataclasses.replace(c, src=m) for m in members
                    if m is not c.src and (c.tgt is None or not same_actor(m, c.tgt))]
    for c in [*keep, *out]:
        if c.src is None or c.tgt is None or c.tgt in sent.coordinated(c.src):
            continue
        members = sent.coordinated(c.tgt)
        out += [dataclasses.replace(c, tgt=m) for m in members[members.index(c.tgt) + 1:]
                if not same_actor(m, c.src) and not sent.opens_clause(m)]
    return out


def _mutual(sent: Sentence, c: Candidate) -> bool:
    """Whether 'each other' or 'one another' follows the trigger (or ends its phrase) within a few words."""
    words = sent.low[c.ti + 1:min(sent.n, c.tj + 4)]
    return any(tuple(words[k:k + len(q)]) == q for q in RECIPROCAL_PRONOUNS for k in range(len(words)))


def _fold(sent: Sentence, gov: Candidate, comp: Candidate) -> None:
    """The complement's target becomes the governing event's target; its act refines the code:
    'threatened to impose sanctions' -> 1312, 'vowed to fight' -> 138, 'agreed to meet' -> 036,
    'refused to meet' -> 125. An accusation keeps the act it alleges as an event of its own: 'a UN report
    alleged that Eritrean troops shelled villages' is the UN's accusation of the troops and their shelling."""
    if _accusation(gov, comp):
        gov.tgt, comp.status, comp.alleged = comp.src, "main", gov.src.text if gov.src is not None else None
        return
    if gov.tgt is None and comp.src and comp.tgt and gov.src and joint_act(comp) and same_actor(gov.src, comp.tgt):
        gov.src, gov.joint = comp.src, True  # 'Norway and Sweden pledged to cooperate': the pair's joint intent
    if gov.tgt is None and comp.tgt is not None and (gov.src is None or not same_actor(gov.src, comp.tgt)):
        gov.tgt = comp.tgt
    if gov.tgt is None:
        obj = sent.object(comp.tj, sent.clause_end(comp.tj), phrase=False)
        if obj is not None and (gov.src is None or not same_actor(gov.src, obj)):
            gov.tgt = obj
    act, future = comp.cameo[:2], future_code(comp.cameo)
    if gov.cameo in ("030", "130") and future[:2] == "13":
        gov.cameo = future  # a vow or threat of a hostile act is a threat of that act
    elif gov.cameo == "030" and act in INTENT_OF_ROOT:
        gov.cameo = future
    elif gov.cameo == "120" and act in REFUSAL_OF_ROOT:
        gov.cameo = REFUSAL_OF_ROOT[act]


def _accusation(gov: Candidate, comp: Candidate) -> bool:
    """Whether `gov` accuses, alleges or disapproves (CAMEO 11) of an act `comp` whose own subject the
    text names after it ('alleged that Eritrean troops shelled', 'accused Serbia of shelling' is not: its
    accused is the object)."""
    return gov.cameo[:2] == ACCUSE_ROOT and comp.src is not None and comp.src.first_token > gov.tj and (
        gov.src is None or not same_actor(gov.src, comp.src)) and comp.trig.pos == "verb"


def _fold_purposes(cands: list[Candidate]) -> None:
    """'began a hunger strike to protest against X': a purpose clause of the same kind of act names
    the target of the main act; so does the demand or grievance a protest voices ('rioted ..., calling
    for the removal of President X', 'threw stones during demonstrations against abuses by the X army')."""
    for k, c in enumerate(cands):
        if c.status != "main" or c.tgt is not None:
            continue
        kinds = PROTEST_CONTENT_ROOTS if c.cameo[:2] == PROTEST_ROOT else (c.cameo[:2],)
        for d in cands[k + 1:]:
            if d.status in ("sub", "nom") and d.cameo[:2] in kinds and d.tgt is not None and (
                    c.src is None or not same_actor(c.src, d.tgt)):
                c.tgt, d.status = d.tgt, "done"
                if c.passive and c.src is None:
                    c.src = d.src  # 'were killed in a Russian missile strike on Kyiv': the strike's agent
                break


def _condition_subject(sent: Sentence, c: Candidate) -> Participant | None:
    """'threatened to ... if the United States goes ahead': whom the condition is put to."""
    for k in range(c.tj + 1, sent.n):
        if sent.low[k] in ("if", "unless"):
            return sent.starting(k + 1, k + 5)
    return None


def _demands(sent: Sentence, cands: list[Candidate]) -> list[Candidate]:
    """'X said Y must ...': X demands of Y; the acts after 'must' are the demand's content."""
    out: list[Candidate] = []
    if "must" not in sent.low:
        return out
    for k, w in enumerate(sent.low):
        if w != "must" or not any(r < k for r in sent.reports):
            continue
        r = max(r for r in sent.reports if r < k)
        tgt, src = sent.source(k), sent.speaker(r)
        if src is None or tgt is None or tgt is src or tgt.first_token < r:
            continue
        end = sent.clause_end(k)
        for c in cands:
            if k < c.ti < end and c.status in ("main", "sub"):
                c.status = "done"
        out.append(Candidate(k, k, trigger(("must",), "demand", "verb", "100", (), "none"), src=src, tgt=tgt,
                             cameo="100"))
    return out


def _local(p: Participant, offset: int) -> Participant:
    """The participant with token indexes counted from its sentence's first token."""
    return Participant(p.start, p.end, p.first_token - offset, p.last_token - offset, p.text, p.code, p.country,
                       p.possessive, p.place, p.capital)


def _event(
    text: str, s: int, e: int, sent: Sentence, c: Candidate, places: Sequence[Place],
    article_date: str | None, lex: EventLexicon, times_of: dict[bool, list[TimeExpression]],
) -> Event:
    """The record of one event (its times are computed once per sentence into `times_of`)."""
    toks, low = sent.toks, sent.low
    ti = c.anchor if c.anchor >= 0 else c.ti
    src, tgt = c.src, c.tgt
    whole = sent.cues_before(ti, max(0, ti - 40))
    cues = [cue for cue in whole if cue[2] >= ti - 8]  # (a cue found depends only on where it starts and `ti`)
    if c.trig.pos == "noun" and c.anchor < 0:  # 'the summit ... could spark', 'the meeting is likely to'
        cues += sent.cues_before(min(len(low), c.tj + 7), c.tj + 1)
    negated = any(k == "negation" for k, _, i in cues if i >= ti - 4)
    # reported speech: 'said they would boycott' is the speaker's announcement, a future, not a hedge
    values = {"planned" if v == "hypothetical" and low[i] == "would" and any(r < i for r in sent.reports)
              else v for k, v, i in cues if k == "modality"}
    attribution = c.alleged or _attribution(sent)
    if c.alleged is not None:
        values.add("suspected")
    if "against" in low[max(0, ti - 2):ti] or sent.in_condition(ti):
        values.add("hypothetical")  # 'warned against attacking', '... unless Chad holds elections'
    if c.trig.pos == "verb" and ti >= 2 and sent.headline_future(ti):
        values.add("planned")  # 'Russia to expel ten British diplomats'
    if attribution and not values:
        values.add("reported")
    if not values and any(k in ("attribution", "report_verb") for k, _, _ in whole):
        values.add("reported")
    modality = next((m for m in MODALITY_ORDER if m in values), "asserted")
    cameo = c.cameo
    refused = modality == "planned" or (modality == "hypothetical" and "would" in low[max(0, ti - 4):ti]
                                        and "if" not in low and "unless" not in low)
    if negated and refused and cameo[:2] in REFUSAL_OF_ROOT:
        # 'Egypt said it would not allow ...', 'X will not yield': a cooperative act refused for the future is
        # a rejection made now (CAMEO 12x), as 'refused to allow' is; 'would not', outside a condition, too
        speaker_is_source = attribution is None or (src is not None and attribution == src.text)
        cameo, negated, modality = REFUSAL_OF_ROOT[cameo[:2]], False, "asserted" if speaker_is_source else "reported"
    future = modality == "planned"
    if future and not negated:
        cameo = unless_threat(sent, c, cameo)
    if future not in times_of:
        times_of[future] = [t for t in find_times(text, s, e, article_date=article_date, future=future,
                                                   words=map(str.lower, low))
                            if not _after_report_verb(text, t, lex)]
    times = times_of[future]
    when = _nearest_time(times, toks[ti].start)
    date: str | None = article_date
    date_end, precision, basis = article_date, "day", "article"
    if when is not None:
        date, date_end, precision, basis = when.date, when.last_day, when.precision, "text"
    place = _event_place(text, toks, c.ti, places, s, e, violent=cameo[:2] in VIOLENT_ROOTS)
    if place is None and tgt is not None and tgt.place:  # 'shelled Juba', 'an attack on Kyiv': the act falls there
        place = next(({k: getattr(p, k) for k in PLACE_KEYS} for p in places
                      if p.start == tgt.start and p.lat is not None), None)
    coded = code_event(lex, cameo, modality)
    return Event(
        src.code if src else None, src.country if src else None, tgt.code if tgt else None,
        tgt.country if tgt else None, coded["cameo"], coded["root"], coded["quad_class"], coded["goldstein"],
        coded["plover"], modality, negated, attribution, date, precision, date_end, basis, place,
        s, e, toks[c.ti].start, toks[c.tj].end, text[toks[c.ti].start:toks[c.tj].end], text[s:e],
        source_text=src.text if src else None, target_text=tgt.text if tgt else None,
        target_starts=[tgt.start] if tgt else [],  # where the target is named (folded by _dedupe)
    )


def _after_report_verb(text: str, t: TimeExpression, lex: EventLexicon) -> bool:
    """'officials confirmed Monday': the date of the report, not of the event."""
    words = text[max(0, t.start - 20):t.start].lower().split()
    return bool(words) and bool({"report_verb", "attribution"} & set(lex.cues.get(words[-1], {})))


def _nearest_time(times: list[TimeExpression], pos: int) -> TimeExpression | None:
    if not times:
        return None
    return min(times, key=lambda t: abs(t.start - pos))


def _attribution(sent: Sentence) -> str | None:
    """Who says so: 'according to X', 'citing X', 'X said/reported/told'."""
    low = sent.low
    for i in range(sent.n) if "according" in low or "citing" in low else ():
        if low[i:i + 2] == ["according", "to"] or low[i] == "citing":
            after = [p for p in sent.parts if i < p.first_token <= i + 8]
            if after:
                return after[0].text
    for p in sent.parts:
        if p.last_token + 1 in sent.reports:
            return p.text
    return None


_PLACE_GAP_BREAK = re.compile(r"[;.,]|\b(?:but|while|although|though|which|to|by|its|their)\b")
PLACE_KEYS = ("name", "lat", "lon", "geonameid", "country")
"""The fields of an event's place (from the place record)."""


def _event_place(text: str, toks: Sequence[Token], ti: int, places: Sequence[Place],
                 s: int, e: int, *, violent: bool = False) -> dict[str, Any] | None:
    """A place the sentence ties to the event: 'in/at/near X' shortly after the trigger, in the same clause ('Kim
    met Putin in Vladivostok', not '... reserves drained by its war in Ukraine'); a `violent` act's 'on X' too."""
    preps = ("in", "at", "near", "outside", "on") if violent else ("in", "at", "near", "outside")
    for p in places:
        if not s <= p.start < e or p.lat is None or p.start < toks[ti].start or p.kind == "demonym" or p.metonymic:
            continue
        gap = text[toks[ti].end:p.start]
        if len(gap) > PLACE_GAP or _PLACE_GAP_BREAK.search(gap):
            continue
        prev = text[max(0, p.start - 14):p.start].lower().split()
        if prev and prev[-1] == "the":
            prev.pop()  # 'in the Red Sea', 'in the West Bank'
        if prev and prev[-1] in preps:
            return {k: getattr(p, k) for k in PLACE_KEYS}
    return None


def _dedupe(raw: list[Event]) -> list[Event]:
    """One event per source, target, code and date; every mention kept as evidence."""
    merged: dict[tuple[Any, ...], Event] = {}
    keep = ("sentence_start", "sentence_end", "trigger_start", "trigger_end", "trigger", "evidence", "modality")
    for ev in raw:
        key = (ev.source, ev.target, ev.cameo, ev.date)
        mention = {k: getattr(ev, k) for k in keep}
        if key not in merged:
            ev.mentions = [mention]
            merged[key] = ev
            continue
        cur = merged[key]
        cur.mentions.append(mention)
        cur.target_starts = cur.target_starts + ev.target_starts
        cur.negated = cur.negated and ev.negated
        if cur.place is None and ev.place is not None:
            cur.place = ev.place
            cur.modality = min(cur.modality, ev.modality, key=MODALITY_ORDER.index)
        if cur.attribution is None:
            cur.attribution = ev.attribution
    return list(merged.values())
