"""Who can act in an article: generic agents coded through a country word beside them ('U.S. officials',
'rebels in the Ivory Coast'; unnamed groups are in `groups`), people described before their name, and the
participants of events: actors, countries and capitals standing for their governments, and places that can only be
acted upon. `place_actors` turns the participants that acted into actor records."""

from __future__ import annotations

import dataclasses
import re
from operator import attrgetter
from typing import Any

from analysis.extract._function_words import COORDINATORS, CROWD_SECTORS, INDEFINITE_ARTICLES
from analysis.extract._token_index import memo_for, remember, token_set
from analysis.extract.actors import ActorMention
from analysis.extract.agents import MAX_MODIFIERS, agent_after, agent_before, agent_code
from analysis.extract.mentions import Mention, acting_verb
from analysis.extract.mentions import lexicon as mention_lexicon
from analysis.extract.records import Event, Place
from analysis.extract.text import Token, word_group
from analysis.extract.titled import OFFICE_SECTORS
from analysis.extract.triggers import Participant

__all__ = ["acting_country", "country_agents", "described_people", "participants", "place_actors",
           "places_by_sentence"]

_COUNTRY_KINDS = ("country", "demonym")
_ETHNIC_PEOPLE = word_group("ethnic_people")  # 'Serb', 'Bosniak': a people, also where it is no state's citizens
_AGENT_PREPS = word_group("agent_prep")  # 'rebels in Ghana', 'the army of Mali', 'troops from Chad'
# 'in (southeastern) Turkey': a country named as a location; 'the Thai border': a demonym naming a place
_LOCATION_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(word_group('location_prep')))})\s+(?:the\s+)?(?:[a-z]+\s+)?$")
_INDEFINITE_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(INDEFINITE_ARTICLES))})\s+$", re.IGNORECASE)
_PLACE_NOUN_AFTER = re.compile(rf"\s+(?:{'|'.join(sorted(word_group('place_noun'), key=len, reverse=True))})\b")
_ABROAD_SECTORS = ("MIL",)
_PART_WORDS = word_group("place_cue_before")  # 'in western Ghana', 'in northern Mali'
_PREPOSITIONS = word_group("subject_prep") | word_group("place_prep")  # 'killed three of the gunmen'
# the sectors of groups that act where they live (gunmen, rebels, farmers, students; not officials or troops,
# who are often abroad): unnamed, they take the country of the sentence's places
_GROUP_SECTORS = word_group("group_sector")
_NO_DESCRIPTION_SECTORS = ("ELI", "GOV")  # titles of office: the dated tables say who holds one
_FORMER = word_group("former")  # 'former', 'ex-', 'late' before a title: no longer in office
_COORDINATORS_OF_MODIFIERS = word_group("list_conjunction")  # 'U.S. and South Korean troops'
_STATE_WORDS = word_group("state_modifier")  # 'the government', 'government troops', 'regime forces': the local state
MAX_VERB_GROUP = 3
"""Words from a crowd's verb to the 'in' of its place: 'rallied', 'have rallied', 'blocked main roads'."""
# 'Iran-backed militias', 'U.S.-made jets': the country describes, it does not act
_MODIFIER_AFTER = re.compile(rf"-(?:{'|'.join(sorted(word_group('modifier_suffix')))})\b", re.IGNORECASE)
# 'pro-Russian separatists', 'anti-American protesters', 'Iran-backed militias': whom a group sides with
_ALLEGIANCE_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(word_group('allegiance_prefix')))})-$", re.IGNORECASE)
_ALLEGIANCE_AFTER = re.compile(rf"-(?:{'|'.join(sorted(word_group('allegiance_suffix')))})\b", re.IGNORECASE)
_ALLEGIANCE_KINDS = (*_COUNTRY_KINDS, "capital")  # 'pro-Moscow rebels'
_BEFORE_ALLEGIANCE_ENDS = ("-", "\n")  # the character before a name that _ALLEGIANCE_BEFORE may match ('$': "pro-\n")


def country_agents(text: str, tokens: list[Token], mentions: list[Mention], places: list[Place],
                   named: list[ActorMention]) -> list[ActorMention]:
    """Generic agents coded through the country word beside them: 'U.S. officials', 'Russian troops',
    "North Korea's leader", "Nicaragua's Sandinista government" (the country word before the agent
    noun), and 'rebels in the Ivory Coast', 'security forces in Guinea', 'demonstrators in Baghdad',
    'officials from Ghana', 'troops from Chad' (the agent noun before 'in/of/from' and a place of that
    country; not troops 'in' a place, which are often abroad, nor the object of a verb 'from' a place it
    leaves); never an agent noun inside a name the tables code ('the African Union in Addis Ababa')."""
    out: list[ActorMention] = []
    in_named = token_set(named)
    by_start = {p.start: p for p in places}
    in_mention = token_set(mentions)
    located: dict[int, list[tuple[int, str]]] | None = None
    for m in mentions:
        p = by_start.get(m.start)
        if out and out[-1].first_token <= m.first_token <= out[-1].last_token:
            continue  # "Bosnia's Serb leader": the demonym is a modifier of the agent found before it
        if p is None or not p.country:
            continue
        if p.kind in _ALLEGIANCE_KINDS and (after := _allegiance(text, m)) is not None:
            located = places_by_sentence(text, tokens, mentions, places) if located is None else located
            group = _sided_group(text, tokens, m, m.last_token + 1 + after, p.country, located,
                                 _possessor(tokens, mentions, by_start, m))
            if group is not None:
                out.append(group)
            continue
        if p.kind in _COUNTRY_KINDS or (p.kind == "capital" and tokens[m.last_token].possessive):
            # "Beijing's foreign ministry": a capital's possessive stands for its state, as a country's does;
            # a country's bare name takes its agent noun at once ('Russia troops' is rare, 'Syria new fighter
            # jets' no agent); a demonym, an abbreviation or a possessive takes modifiers ('U.S. military
            # officials', "Nicaragua's Sandinista government")
            bare = p.kind == "country" and m.end == tokens[m.last_token].end and not (
                m.text.isupper() or "." in m.text)
            found = agent_after(tokens, m.last_token + 1, text, modifiers=0 if bare else MAX_MODIFIERS)
            if found is not None:
                # 'a former British prime minister': out of office, an elite of the country (as CAMEO codes them)
                former = m.first_token > 0 and tokens[m.first_token - 1].lower in _FORMER and found[0] in OFFICE_SECTORS
                code, sector = agent_code(p.country, "ELI" if former else found[0])
                last = found[1]
                end = tokens[last].end
                # a people's word after a possessive is the possessor's ("Iraq's Kurdish leader" is Iraq's)
                people = _peoples_words(mentions, by_start, p.country) if tokens[m.last_token].possessive else set()
                if not any(k in in_mention and k not in people or k in in_named for k in range(m.last_token + 1,
                                                                                             last + 1)):
                    out.append(ActorMention(m.start, end, text[m.start:end], code,
                                            text[m.start:end], p.country, sector, "agent", m.first_token, last))
                    continue
        agent = _agent_before_place(text, tokens, m, p.country, in_mention, out[-1] if out else None)
        if agent is not None and in_named.isdisjoint(range(agent.first_token, m.first_token)):
            out.append(agent)
    return _shared_heads(text, tokens, mentions, by_start, out)


def _possessor(tokens: list[Token], mentions: list[Mention], by_start: dict[int, Place], m: Mention) -> str | None:
    """The country whose possessive stands right before mention m ("Syria's Iran-backed militias": Syria)."""
    k = m.first_token - 1
    if k < 0 or not tokens[k].possessive or not tokens[k].spaced:
        return None
    owner = next((by_start.get(o.start) for o in mentions if o.last_token == k), None)
    return owner.country if owner is not None and owner.kind in _COUNTRY_KINDS else None


def _peoples_words(mentions: list[Mention], by_start: dict[int, Place], owner: str) -> set[int]:
    """The tokens of the place names read as the word of a people that lives in the country `owner`: a people of
    no state ('Kurdish') or of a part of `owner` ('Catalan' in Spain), or a people's name that is no state's
    adjective ('Serb', not 'Serbian'; word group ethnic_people). A state's adjective ('Russia's Ukrainian
    counterpart') names that state."""
    return {k for m in mentions if (p := by_start.get(m.start)) is not None and p.kind == "demonym"
            and (p.country in (None, owner) or m.text.lower() in _ETHNIC_PEOPLE)
            for k in range(m.first_token, m.last_token + 1)}


def _shared_heads(text: str, tokens: list[Token], mentions: list[Mention], by_start: dict[int, Place],
                  agents: list[ActorMention]) -> list[ActorMention]:
    """Country words joined by 'and' or commas before one agent noun share it: 'U.S. and South Korean troops'
    (USAMIL and KORMIL), 'French, German and Italian ministers'; each is an agent of its own country."""
    if not agents:
        return agents
    agent_at = {a.first_token: a for a in agents}
    added: list[ActorMention] = []
    for m in reversed(mentions):
        k = m.last_token + 1
        if k not in agent_at and k + 1 not in agent_at:
            continue  # no agent noun right after the name, or after a comma or 'and'
        p = by_start.get(m.start)
        if p is None or not p.country or p.kind not in _COUNTRY_KINDS or m.first_token in agent_at \
                or k + 1 >= len(tokens) or tokens[k].sentence != tokens[m.last_token].sentence:
            continue
        head = agent_at.get(k + 1) if tokens[k].lower in _COORDINATORS_OF_MODIFIERS else None
        if head is None and text[m.end:tokens[k].start].strip() == ",":
            head = agent_at.get(k)  # 'French, German and ...'
        if head is None or head.kind != "agent" or head.country == p.country:
            continue
        code, sector = agent_code(p.country, head.sector)
        shared = ActorMention(m.start, m.end, m.text, code, m.text, p.country, sector, "agent", m.first_token,
                              m.last_token)
        agent_at[m.first_token] = shared
        added.append(shared)
    return sorted(agents + added, key=attrgetter("start")) if added else agents


def _agent_before_place(text: str, tokens: list[Token], m: Mention, country: str, in_mention: set[int],
                        previous: ActorMention | None) -> ActorMention | None:
    """The agent noun before 'in/of/from' and the place of mention m ('rebels in the Ivory Coast', 'officials
    from Ghana'), or a crowd acting in it ('protesters rallied in Tbilisi'); None if there is none."""
    k = m.first_token - 1
    if k >= 1 and tokens[k].lower in _PART_WORDS:
        k -= 1  # 'farmers in western Ghana'
    if k >= 1 and tokens[k].lower == "the":
        k -= 1
    if k < 1 or tokens[k].lower not in _AGENT_PREPS or tokens[k].sentence != tokens[m.first_token].sentence:
        return None
    found_before = agent_before(tokens, k - 1, text)
    if found_before is None:
        crowd = _crowd_subject(tokens, k, text) if tokens[k].lower == "in" else None
        if crowd is None or any(j in in_mention for j in range(crowd[1] - 1, crowd[2] + 1)):
            return None
        sector, first, last = crowd
        start, end = tokens[first].start, tokens[last].end
        return ActorMention(start, end, text[start:end], country + sector, text[start:end], country, sector,
                            "agent", first, last)
    sector, first = found_before
    code, sector = agent_code(country, sector)
    if sector in _ABROAD_SECTORS and tokens[k].lower == "in":
        return None
    if tokens[k].lower == "from" and _verb_before(tokens, first):
        return None  # 'withdraw troops from Lebanon', 'evacuate workers from Iraq': the place they leave
    if any(j in in_mention for j in range(first, k)) or (
            previous is not None and previous.first_token <= k - 1 and previous.last_token >= first - 1):
        return None  # 'Russian troops in Ukraine': the agent has its country already
    start = tokens[first].start
    return ActorMention(start, m.end, text[start:m.end], code, text[start:m.end], country, sector, "agent",
                        first, m.last_token)


def _allegiance(text: str, m: Mention) -> int | None:
    """Whether a country or capital names whom a group sides with ('pro-Russian', 'anti-American',
    'Iran-backed'): None if not, else the tokens to skip after the name to the group (0 or 1, '-backed')."""
    if text[m.end:m.end + 1] != "-" and text[m.start - 1:m.start] not in _BEFORE_ALLEGIANCE_ENDS:
        return None  # a quick test: either pattern needs a hyphen beside the name
    if _ALLEGIANCE_BEFORE.search(text, max(0, m.start - 6), m.start):
        return 0
    return 1 if _ALLEGIANCE_AFTER.match(text, m.end) else None


def _sided_group(text: str, tokens: list[Token], m: Mention, k: int, sided_with: str,
                 located: dict[int, list[tuple[int, str]]], owner: str | None = None) -> ActorMention | None:
    """The group that sides with the country of mention m, its agent noun starting at token k ('pro-Russian
    separatists', 'Iran-backed militias'): it is of the country whose possessive stands before it (`owner`:
    "Syria's Iran-backed militias"), else it acts where its sentence is set, the nearest place of another
    country (see `acting_country`; 'shelled the port city of Mariupol'), and is of unknown country where none is
    named. None without an agent noun."""
    found = agent_after(tokens, k, text)
    if found is None or k >= len(tokens) or tokens[k].sentence != tokens[m.first_token].sentence:
        return None
    sector, last = found
    others = [(t, c) for t, c in located.get(tokens[k].sentence, []) if c != sided_with]
    country = owner if owner and owner != sided_with else acting_country(others, set(), k)
    code, sector = agent_code(country, sector)
    start, end = m.start, tokens[last].end
    return ActorMention(start, end, text[start:end], code, text[start:end], country, sector, "agent",
                        m.first_token, last)


def described_people(text: str, tokens: list[Token], named: list[ActorMention]) -> list[ActorMention]:
    """Named people who hold no office of the tables on the article's date (coded as their country's elite,
    ELI) take the sector of the description right before their name: 'opposition leader Raila Odinga' ->
    OPP, 'rebel leader John Garang' -> REB, 'Shiite cleric Moqtada al-Sadr' -> REL. A title of government
    ('former Prime Minister X') says nothing of what they are now."""
    out = []
    for a in named:
        k = a.first_token - 1
        if a.kind == "person" and a.sector == "ELI" and a.country and k >= 0 and tokens[k].spaced:
            found = agent_before(tokens, k, text)
            if found is not None and found[0] not in _NO_DESCRIPTION_SECTORS and not found[0].endswith("~"):
                a = dataclasses.replace(a, code=a.country + found[0], sector=found[0])
        out.append(a)
    return out


def places_by_sentence(text: str, tokens: list[Token], mentions: list[Mention], places: list[Place]
             ) -> dict[int, list[tuple[int, str]]]:
    """Sentence -> (token, country) of the places of a known country, but for the countries a group
    sides with ('Iran-backed militias attacked a base in Syria' is set in Syria)."""
    inputs = (text, mentions, places)
    located: dict[int, list[tuple[int, str]]] | None = memo_for(tokens, "places_by_sentence", inputs)
    if located is not None:
        return located  # several rules read it (the caller keeps it as it is)
    token_at = {m.start: m.first_token for m in mentions if _allegiance(text, m) is None}
    located = {}
    for p in places:
        t = token_at.get(p.start)
        if t is not None and p.country:
            located.setdefault(tokens[t].sentence, []).append((t, p.country))
    return remember(tokens, "places_by_sentence", inputs, located)


def acting_country(located: list[tuple[int, str]], in_actor: set[int], k: int) -> str | None:
    """Where an unnamed group at token k acts: the country of the nearest place its sentence names outside
    an actor ('in Quetta', 'near Sivas'), else the one country of the sentence's actors ('a Malian army
    base'), else None."""
    outside = [(abs(t - k), c) for t, c in located if t not in in_actor]
    if outside:
        return min(outside)[1]
    countries = {c for _, c in located}
    return next(iter(countries)) if len(countries) == 1 else None


def _verb_before(tokens: list[Token], k: int) -> bool:
    """Whether a verb stands before token k in its sentence: a phrase after it may be its object."""
    lex = mention_lexicon()
    sentence = tokens[k].sentence
    j = k - 1
    while j >= 0 and tokens[j].sentence == sentence:
        if not tokens[j].capitalised and acting_verb(tokens[j].lower, lex):
            return True
        j -= 1
    return False


def _crowd_subject(tokens: list[Token], k: int, text: str) -> tuple[str, int, int] | None:
    """The people of a place who act there: 'protesters rallied in Tbilisi', 'thousands of people blocked
    streets in Hong Kong', 'students marched in Dhaka' (a crowd noun, the subject of a verb of up to
    MAX_VERB_GROUP words that ends on 'in' at token k): (sector, first, last token of the noun). Only
    crowds (word group crowd_sector): officials, troops and refugees are often abroad."""
    lex = mention_lexicon()
    sentence = tokens[k].sentence
    for verb in range(k - 1, max(k - 1 - MAX_VERB_GROUP, 0), -1):
        if tokens[verb - 1].sentence != sentence or tokens[verb].capitalised or any(
                not t.spaced for t in tokens[verb - 1:k]):
            return None
        if not acting_verb(tokens[verb].lower, lex):
            continue
        found = agent_before(tokens, verb - 1, text)
        if found is not None and found[0] in CROWD_SECTORS:
            return found[0], found[1], verb - 1
    return None


def participants(text: str, actors: list[ActorMention], mentions: list[Mention], places: list[Place]
                  ) -> list[Participant]:
    """Actors, countries and capitals acting for their governments that can be the source or target of
    an event; and the other places of a known country, which can only be acted upon ('shelled Juba',
    'imposed a curfew in Cizre'): they stand for the country's people, as city names do in the CAMEO
    country dictionaries. A capital that opens a sentence before a lower-case word ('Beirut again
    rejected') or follows an agentive 'by' ('an admission by Moscow') stands for its government;
    'pro-Iranian', 'anti-American' and 'Iran-backed' are no actors."""
    out = [Participant(a.start, a.end, a.first_token, a.last_token, a.text, a.code, a.country,
                       text[a.end:a.end + 2] in ("'s", "’s")) for a in actors]
    covered = {k for a in actors for k in range(a.first_token, a.last_token + 1)}
    actor_at = {a.first_token: a for a in actors}
    by_start = {p.start: p for p in places}
    for m in mentions:
        p = by_start.get(m.start)
        if p is None or not p.country or m.first_token in covered:
            continue
        owned = actor_at.get(m.last_token + 1)
        if owned is not None and owned.country == p.country and text[m.end:m.end + 2] in ("'s", "’s"):
            continue  # "Russia's Putin", "China's Xi": the person stands for the country
        if _allegiance(text, m) is not None or _MODIFIER_AFTER.match(text, m.end):
            continue
        place = False
        if p.kind in _COUNTRY_KINDS:
            code = p.country
            # 'in (southeastern) Turkey': a location; 'the Thai border': a demonym naming a place
            place = bool(_LOCATION_BEFORE.search(text, max(0, m.start - 30), m.start)) and not (
                _INDEFINITE_BEFORE.search(text, max(0, m.start - 4), m.start)) or bool(
                p.kind == "demonym" and _PLACE_NOUN_AFTER.match(text, m.end))  # (not 'in an Israeli air strike')
        elif p.metonymic or (p.kind == "capital" and _acting_capital(text, m.start, m.end)):
            code = p.country + "GOV"
        else:
            code, place = p.country, True
        out.append(Participant(m.start, m.end, m.first_token, m.last_token, m.text, code, p.country,
                               text[m.end:m.end + 2] in ("'s", "’s"), place, p.kind == "capital"))
    return sorted(out, key=lambda q: q.start)


_LOWER_WORD = re.compile(r" ([a-z]+)")


def _acting_capital(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 4):start]
    opens = start == 0 or bool(re.search(r"(?:^|[.!?\n][\"'”’)]*\s+|^\s*)$", before))
    nxt = _LOWER_WORD.match(text, end)
    if opens and nxt is not None and nxt.group(1) not in COORDINATORS:
        return True  # 'Beirut again rejected'; 'Paris and London saw rain' is left to the verb (see mentions)
    return text[max(0, start - 3):start] == "by "


def place_actors(participants: list[Participant], events: list[Event], places: list[Place],
                  actor_starts: set[int]) -> list[dict[str, Any]]:
    """The actor records of place names that act: a capital standing for its government ('Pyongyang
    will pay a price', 'Beijing rejected'), a capital told or asked something ('warned Beijing': its
    place becomes metonymic), and a country that is the source or target of an event."""
    acting = {(ev.source_text, ev.source) for ev in events} | {(ev.target_text, ev.target) for ev in events}
    targets = {(start, ev.target) for ev in events for start in ev.target_starts}
    told = {p.start for p in participants if p.capital and p.place and (p.start, f"{p.country}GOV") in targets}
    governing = told | {p.start for p in participants if p.capital and not p.place}
    for place in places:
        if place.start in governing:
            place.metonymic = True
    out = []
    for p in participants:
        if p.start in actor_starts:
            continue
        code = f"{p.country}GOV" if p.start in told else p.code
        if p.start in governing or (not p.place and len(p.code) == 3 and (p.text, p.code) in acting):
            out.append({"start": p.start, "end": p.end, "text": p.text, "code": code, "name": p.text,
                        "country": p.country, "sector": code[3:] or None})
    return out

