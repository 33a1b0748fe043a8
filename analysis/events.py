"""Who did what to whom: CAMEO/PLOVER-coded events, sentence by sentence.

For each trigger of the lexicon (analysis/data/event_triggers.tsv) the coder finds the source and
target among the sentence's participants (people, institutions, agents, countries):
- active voice: the nearest participant before the trigger is the source; the target is the direct
  object, or follows the trigger's preposition ('meet with X', 'buy ... from X', 'supply X with Y');
- passive voice: 'X was attacked by Y';
- nouns: "X's invasion of Y", 'at the invitation of X', 'talks between X and Y';
- 'the two countries', 'the two leaders', 'one another' refer to the article's two main actors.
Then modality, negation, attribution, date (resolved against the article date), place (only when
the sentence ties it to the event) and evidence. Events are deduplicated within an article: one per
source, target, code and date, with every mention kept as evidence.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .gazetteer import read_table
from .text import Token
from .timex import TimeExpression, find_times

INTENT_OF_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
WINDOW = 12  # tokens searched for a target after the trigger
PLACE_GAP = 60  # characters between a trigger and the 'in X' that places its event
MATERIAL_ROOTS = frozenset({"06", "07", "08", "14", "15", "16", "17", "18", "19", "20"})
REPORT_VERBS = frozenset({"said", "says", "say", "told", "tells", "reported", "reports", "announced",
                          "confirmed", "stated", "added", "claimed", "insisted", "noted"})
PASSIVE_AUX = frozenset({"was", "were", "been", "being", "is", "are", "be", "got"})
PLURAL_REFS = (("the", "two", "countries"), ("the", "two", "leaders"), ("the", "two", "nations"),
               ("both", "countries"), ("both", "leaders"), ("the", "two", "sides"), ("the", "leaders"),
               ("one", "another"), ("each", "other"))
CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:which|who|but|while|whereas|although|though)\b")
BOUNDARY_WORDS = frozenset({"since", "after", "before", "while", "when", "in", "on", "at", "by", "that", "who",
                            "which", "and", "or", "but"})
NOMINAL_CONTEXT = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their",
                             "our", "of", "with", "for", "from"})
MODALITY_ORDER = ("hypothetical", "suspected", "planned", "reported", "asserted")


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
    cues: dict[str, tuple[str, str]]  # cue -> (kind, value)
    max_cue_words: int


@functools.lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    """Load the trigger lexicon, CAMEO code table and cue words once per process."""
    trig = read_table("event_triggers.tsv", dtype=str)
    triggers: dict[str, list[Trigger]] = {}
    for r in trig.itertuples():
        preps = tuple(p for p in str(r.target_prep).split("|") if p)
        for form in str(r.forms).split("|"):
            words = tuple(form.lower().replace("-", " - ").split())
            if words:
                triggers.setdefault(words[0], []).append(Trigger(words, r.lemma, r.pos, r.cameo, preps, r.object_role))
    for lst in triggers.values():
        lst.sort(key=lambda t: -len(t.words))
    codes_df = read_table("cameo_codes.tsv", dtype=str)
    codes = {r.code: {"root": r.root, "quad_class": int(r.quad_class), "goldstein": float(r.goldstein),
                      "plover": r.plover, "name": r.name} for r in codes_df.itertuples()}
    cue_df = read_table("event_cues.tsv", dtype=str)
    cues = {c.lower(): (k, v) for c, k, v in zip(cue_df["cue"], cue_df["kind"], cue_df["value"], strict=True)}
    return EventLexicon(triggers, codes, cues, max(len(c.split()) for c in cues))


def _find_triggers(toks: Sequence[Token], lex: EventLexicon, taken: set[int]) -> list[tuple[int, int, Trigger]]:
    """Trigger phrases of a sentence, longest first; after a determiner or preposition a word is a noun
    ('the meeting', 'with arms'), so only noun triggers match there."""
    out = []
    low = [t.lower for t in toks]
    i = 0
    while i < len(toks):
        match = None
        nominal = i > 0 and low[i - 1] in NOMINAL_CONTEXT
        for trig in lex.triggers.get(low[i], ()):
            n = len(trig.words)
            if nominal and trig.pos == "verb":
                continue
            if tuple(low[i:i + n]) == trig.words and not any(k in taken for k in range(i, i + n)):
                match = (i, i + n - 1, trig)
                break
        if match:
            out.append(match)
            i = match[1] + 1
        else:
            i += 1
    return out


def _cues_before(low: list[str], stop: int, lex: EventLexicon, start: int = 0) -> list[tuple[str, str, int]]:
    found = []
    for i in range(start, stop):
        for n in range(min(lex.max_cue_words, stop - i), 0, -1):
            phrase = " ".join(low[i:i + n])
            if phrase in lex.cues:
                kind, value = lex.cues[phrase]
                found.append((kind, value, i))
                break
    return found


def code_event(lex: EventLexicon, cameo: str, modality: str) -> dict[str, Any]:
    """CAMEO code details. As CAMEO prescribes, cooperation that is promised or planned rather than
    done is coded as an intention (root 03): 'will meet' -> 036, 'will provide aid' -> 033."""
    if modality == "planned" and cameo[:2] in INTENT_OF_ROOT:
        cameo = INTENT_OF_ROOT[cameo[:2]]
    info = lex.codes.get(cameo) or lex.codes.get(cameo[:3]) or lex.codes.get(cameo[:2]) or {}
    return {"cameo": cameo, "root": info.get("root", cameo[:2]), "quad_class": info.get("quad_class"),
            "goldstein": info.get("goldstein"), "plover": info.get("plover")}


def find_events(
    text: str,
    sentences: Sequence[tuple[int, int]],
    tokens: Sequence[Token],
    participants: Sequence[Participant],
    places: Sequence[dict[str, Any]],
    *,
    article_date: str | None,
) -> list[dict[str, Any]]:
    """The deduplicated events of an article (records with the fields of schema.EVENT_FIELDS)."""
    lex = event_lexicon()
    by_sentence: dict[int, list[Token]] = {}
    for t in tokens:
        by_sentence.setdefault(t.sentence, []).append(t)
    main = [c for c, _ in Counter(p.country for p in participants if p.country).most_common(2)]
    raw: list[dict[str, Any]] = []
    for si, (s, e) in enumerate(sentences):
        toks = by_sentence.get(si, [])
        if not toks:
            continue
        offset = toks[0].index
        parts = [p for p in participants if s <= p.start < e]
        local = [_local(p, offset) for p in parts]
        taken = {k for p in local for k in range(p.first_token, p.last_token + 1)}
        low = [t.lower for t in toks]
        for ti, tj, trig in _find_triggers(toks, lex, taken):
            pair = _assign(text, toks, low, local, ti, tj, trig, main)
            if pair is None:
                continue
            src, tgt = pair
            if src.code[3:6] == "MED" and trig.cameo[:2] in MATERIAL_ROOTS:
                continue  # 'The Associated Press contributed reporting': media report, they do not act
            raw.append(_event(text, s, e, toks, low, ti, tj, trig, src, tgt, local, places, article_date, lex))
    return _dedupe(raw)


def _local(p: Participant, offset: int) -> Participant:
    return Participant(p.start, p.end, p.first_token - offset, p.last_token - offset, p.text, p.code, p.country,
                       p.possessive)


def _plural_ref(low: list[str], i: int) -> bool:
    return any(tuple(low[i:i + len(ref)]) == ref for ref in PLURAL_REFS)


def _assign(
    text: str, toks: Sequence[Token], low: list[str], parts: list[Participant], ti: int, tj: int, trig: Trigger,
    main: list[str],
) -> tuple[Participant, Participant | None] | None:
    """(source, target) of a trigger; the target is None when the sentence names none (an actor that
    'agreed', 'protested' or 'mobilized' on its own), never when it names the source's own country."""
    pair = _assign_roles(text, toks, low, parts, ti, tj, trig, main)
    if pair is None:
        return None
    src, tgt = pair
    if tgt is not None and (tgt.code == src.code or tgt.code == src.country or src.code == tgt.country):
        return (src, None) if trig.pos == "verb" else None
    return pair


def _assign_roles(
    text: str, toks: Sequence[Token], low: list[str], parts: list[Participant], ti: int, tj: int, trig: Trigger,
    main: list[str],
) -> tuple[Participant, Participant | None] | None:
    before = [p for p in parts if p.last_token < ti]
    clause_end = _clause_end(text, toks, tj)
    after = [p for p in parts if p.first_token > tj and p.first_token - tj <= WINDOW and p.start < clause_end]
    clause_start = _clause_start(text, toks, ti)
    before = [p for p in before if toks[p.first_token].start >= clause_start] or before[-1:]
    attributed = _attribution_tokens(text, toks, low)
    before = [p for p in before if p.first_token not in attributed]
    # 'X said the leaders would meet': X reports; the source stands after the report verb
    report = [k for k in range(ti) if low[k] in REPORT_VERBS]
    if report:
        before = [p for p in before if p.first_token > report[-1]]
    dyad = [Participant(0, 0, -1, -1, c, c, c) for c in main] if len(main) == 2 else []
    if trig.pos == "verb" and dyad and any(_plural_ref(low, k) for k in range(max(0, ti - 4), ti)) \
            and not any(p.last_token >= ti - 4 for p in before):
        return dyad[0], dyad[1]  # 'the leaders would meet', 'the two countries agreed'

    if trig.pos == "noun":
        # "X's invasion of Y"
        if before and before[-1].possessive and before[-1].last_token >= ti - 3:
            owner = _after_prep(parts, low, tj, ("of", "on", "against", "to", "with"))
            return (before[-1], owner) if owner else None
        # 'at the invitation of X' -> X invites the clause's subject
        if low[tj + 1:tj + 2] == ["of"] and ti >= 1 and low[ti - 1] in ("the", "an", "a"):
            inviter = _after_prep(parts, low, tj, ("of",))
            subj = [p for p in parts if p.last_token < ti - 2]
            if inviter and subj:
                return inviter, subj[0]
        # 'cooperation between the two countries', 'talks between X and Y'
        if low[tj + 1:tj + 2] == ["between"]:
            if _plural_ref(low, tj + 2) and dyad:
                return dyad[0], dyad[1]
            first = [p for p in after if p.first_token <= tj + 3]
            if first:
                k = first[0].last_token + 1
                second = [p for p in after if p.first_token in (k + 1, k + 2)]
                if k < len(low) and low[k] == "and" and second:
                    return first[0], second[0]
        return None

    # passive: 'X was attacked by Y'
    if ti > 0 and low[ti - 1] in PASSIVE_AUX and "by" in low[tj + 1:tj + 4]:
        by = low.index("by", tj + 1)
        agents = [p for p in parts if p.first_token > by]
        if agents and before:
            return agents[0], before[-1]
    if before:
        src = before[-1]
    elif any(_plural_ref(low, k) for k in range(len(low))) and dyad:
        src = dyad[0]  # 'they draw closer to one another', 'the two countries agreed'
    else:
        return None
    tgt = None
    if trig.target_preps:
        tgt = _after_prep(parts, low, tj, trig.target_preps)
    if tgt is None and after and (trig.object_role in ("target", "target_if_with") or
                                  (trig.object_role == "none" and low[tj + 1:tj + 2] == ["to"])):
        tgt = after[0]  # the object, or the target of an infinitive: 'promised to continue aid to X'
    if tgt is None and any(_plural_ref(low, k) for k in range(tj + 1, min(len(low), tj + 6))) and dyad:
        tgt = dyad[1] if src.country == dyad[0].country else dyad[0]
    return src, tgt


def _after_prep(parts: list[Participant], low: list[str], tj: int, preps: Sequence[str]) -> Participant | None:
    """The participant that a preposition after the trigger introduces ('with Putin', 'from North Korea')."""
    for k in range(tj + 1, min(len(low), tj + WINDOW)):
        if low[k] in preps:
            nxt = [p for p in parts if k < p.first_token <= k + 3]
            if nxt and not any(w in BOUNDARY_WORDS for w in low[k + 1:nxt[0].first_token]):
                return nxt[0]
    return None


def _clause_end(text: str, toks: Sequence[Token], tj: int) -> int:
    """Where the trigger's clause ends: the next comma, semicolon or sentence end."""
    m = re.compile(r"[,;:]").search(text, toks[tj].end, toks[-1].end)
    return m.start() if m else toks[-1].end


def _clause_start(text: str, toks: Sequence[Token], ti: int) -> int:
    start = toks[0].start
    for m in CLAUSE_BREAK.finditer(text, start, toks[ti].start):
        start = m.end()
    return start


def _attribution_tokens(text: str, toks: Sequence[Token], low: list[str]) -> set[int]:
    """Token indexes inside 'according to X' / 'citing X' phrases (up to the next punctuation)."""
    out: set[int] = set()
    for i in range(len(low)):
        if low[i:i + 2] == ["according", "to"] or low[i] == "citing":
            for k in range(i, min(len(low), i + 10)):
                out.add(k)
                if k + 1 < len(toks) and re.search(r"[,;.]", text[toks[k].end:toks[k + 1].start]):
                    break
    return out


def _event(
    text: str, s: int, e: int, toks: Sequence[Token], low: list[str], ti: int, tj: int, trig: Trigger,
    src: Participant, tgt: Participant | None, parts: list[Participant], places: Sequence[dict[str, Any]],
    article_date: str | None, lex: EventLexicon,
) -> dict[str, Any]:
    cues = _cues_before(low, ti, lex, max(0, ti - 8))
    if trig.pos == "noun":  # 'the summit ... could spark', 'the meeting is likely to'
        cues += _cues_before(low, min(len(low), tj + 7), lex, tj + 1)
    whole = _cues_before(low, ti, lex)
    negated = any(k == "negation" for k, _, i in cues if i >= ti - 4)
    values = {v for k, v, _ in cues if k == "modality"}
    attribution = _attribution(text, toks, low, parts, src)
    if "against" in low[max(0, ti - 2):ti]:
        values.add("hypothetical")
    if attribution and not values:
        values.add("reported")
    if not values and any(k in ("attribution", "report_verb") for k, _, _ in whole):
        values.add("reported")
    modality = next((m for m in MODALITY_ORDER if m in values), "asserted")
    times = [t for t in find_times(text, s, e, article_date=article_date, future=modality == "planned")
             if not _after_report_verb(text, t, lex)]
    when = _nearest_time(times, toks[ti].start)
    date: str | None = article_date
    precision, basis = "day", "article"
    if when is not None:
        date, precision, basis = when.date, when.precision, "text"
    place = _event_place(text, toks, low, ti, places, s, e)
    coded = code_event(lex, trig.cameo, modality)
    evidence = text[s:e]
    return {
        "source": src.code, "source_country": src.country,
        "target": tgt.code if tgt else None, "target_country": tgt.country if tgt else None,
        **coded, "modality": modality, "negated": negated, "attribution": attribution,
        "date": date, "date_precision": precision, "date_basis": basis, "place": place,
        "sentence_start": s, "sentence_end": e, "trigger_start": toks[ti].start, "trigger_end": toks[tj].end,
        "trigger": text[toks[ti].start:toks[tj].end], "source_text": src.text, "target_text": tgt.text if tgt else None,
        "evidence": evidence,
    }


def _after_report_verb(text: str, t: TimeExpression, lex: EventLexicon) -> bool:
    """'officials confirmed Monday': the date of the report, not of the event."""
    words = text[max(0, t.start - 20):t.start].lower().split()
    return bool(words) and lex.cues.get(words[-1], ("", ""))[0] in ("report_verb", "attribution")


def _nearest_time(times: list[TimeExpression], pos: int) -> TimeExpression | None:
    if not times:
        return None
    return min(times, key=lambda t: abs(t.start - pos))


def _attribution(text: str, toks: Sequence[Token], low: list[str], parts: list[Participant],
                 src: Participant) -> str | None:
    """Who says so: 'according to X', 'citing X', 'X said/reported/told'."""
    for i in range(len(low)):
        if low[i:i + 2] == ["according", "to"] or low[i] == "citing":
            after = [p for p in parts if i < p.first_token <= i + 8]
            if after:
                return after[0].text
    lex = event_lexicon()
    for p in parts:
        nxt = p.last_token + 1
        if nxt < len(low) and lex.cues.get(low[nxt], ("", ""))[0] == "report_verb":
            return p.text
    return None


def _event_place(text: str, toks: Sequence[Token], low: list[str], ti: int, places: Sequence[dict[str, Any]],
                 s: int, e: int) -> dict[str, Any] | None:
    """A place the sentence ties to the event: 'in/at/near X' shortly after the trigger, in the same
    clause; 'Kim met Putin in Vladivostok', not '... to refill reserves drained by its war in Ukraine'."""
    for p in places:
        if not s <= p["start"] < e or p.get("lat") is None or p["start"] < toks[ti].start:
            continue
        if p.get("kind") == "demonym" or p.get("metonymic"):
            continue
        gap = text[toks[ti].end:p["start"]]
        if len(gap) > PLACE_GAP or re.search(r"[;.,]|\b(?:but|while|although|though|which|to|by|its|their)\b", gap):
            continue
        prev = text[max(0, p["start"] - 10):p["start"]].lower().split()
        if prev and prev[-1] in ("in", "at", "near", "outside"):
            return {k: p[k] for k in ("name", "lat", "lon", "geonameid", "country")}
    return None


def _dedupe(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One event per source, target, code and date; every mention kept as evidence."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    keep = ("sentence_start", "sentence_end", "trigger_start", "trigger_end", "trigger", "evidence", "modality")
    for ev in raw:
        key = (ev["source"], ev["target"], ev["cameo"], ev["date"])
        mention = {k: ev[k] for k in keep}
        if key not in merged:
            merged[key] = {**ev, "mentions": [mention]}
            continue
        cur = merged[key]
        cur["mentions"].append(mention)
        cur["negated"] = cur["negated"] and ev["negated"]
        if cur["place"] is None and ev["place"] is not None:
            cur["place"] = ev["place"]
            cur["modality"] = min(cur["modality"], ev["modality"], key=MODALITY_ORDER.index)
        if cur["attribution"] is None:
            cur["attribution"] = ev["attribution"]
    return list(merged.values())
