"""Pronouns that open a sentence stand for an actor of the sentences before: news continues a story with 'He
met ...', 'They also struck ...' after naming the actor, and the subject of the last sentence that names
one is the one meant (the preferred antecedent of centering theory). A pronoun so resolved is an actor
with its antecedent's code and name.

>>> from analysis.extract.text import tokenize
>>> text = "Kenyan President William Ruto arrived in Addis Ababa. He met Ethiopian officials."
>>> tokens = tokenize(text)
>>> ruto = ActorMention(0, 28, "Kenyan President William Ruto", "KENGOV", "William Ruto", "KEN", "GOV", "person", 0, 3)
>>> [(a.text, a.code, a.name) for a in pronoun_actors(text, tokens, [ruto])]
[('He', 'KENGOV', 'William Ruto')]
"""

from __future__ import annotations

from analysis.extract._token_index import possessive_forms, token_index, token_set
from analysis.extract.actors import ActorMention
from analysis.extract.agents import agent_after, agent_code
from analysis.extract.mentions import Mention
from analysis.extract.records import Place
from analysis.extract.text import Token, word_group
from analysis.extract.titled import title_heads

__all__ = ["country_anaphors", "pronoun_actors"]

_PERSON_PRONOUNS = word_group("person_pronoun")  # 'He', 'She': one person
_GROUP_PRONOUNS = word_group("group_pronoun")  # 'They': a group
_COLLECTIVE_NOUNS = word_group("collective_noun")  # 'police', 'people': plurals without an -s
_AGENT_PREPS = word_group("agent_prep")  # 'protesters in Tbilisi': the noun ends before the place
_PRONOUNS = _PERSON_PRONOUNS | _GROUP_PRONOUNS
_COUNTRY_NOUNS = word_group("country_noun")  # "the country's", "the kingdom's": the country named before
_COUNTRY_POSSESSIVES = possessive_forms(_COUNTRY_NOUNS)
MAX_SENTENCES_BACK = 2
"""How many sentences back an antecedent may stand ('Ruto arrived ... He met ...')."""


def pronoun_actors(text: str, tokens: list[Token], actors: list[ActorMention]) -> list[ActorMention]:
    """Actors for the pronouns that open a sentence ('He', 'She', 'They'), each with the code of the first
    actor of its kind (a person; a group) in the nearest of the MAX_SENTENCES_BACK sentences before."""
    out: list[ActorMention] = []
    by_sentence: dict[int, list[ActorMention]] | None = None
    for i in token_index(tokens).positions(_PRONOUNS):
        tok = tokens[i]
        if not tok.sentence_initial:
            continue
        if by_sentence is None:
            by_sentence = {}
            for a in actors:
                by_sentence.setdefault(tokens[a.first_token].sentence, []).append(a)
        fits = _is_person if tok.lower in _PERSON_PRONOUNS else _is_group
        antecedent = next((a for s in range(tok.sentence - 1, tok.sentence - 1 - MAX_SENTENCES_BACK, -1)
                           for a in by_sentence.get(s, []) if fits(a)), None)
        if antecedent is not None and antecedent.country:
            out.append(ActorMention(tok.start, tok.end, tok.text, antecedent.code, antecedent.name,
                                    antecedent.country, antecedent.sector, antecedent.kind, tok.index, tok.index))
    return out


def country_anaphors(text: str, tokens: list[Token], mentions: list[Mention], places: list[Place],
                     actors: list[ActorMention]) -> list[ActorMention]:
    """Agents of 'the country' standing for the country named just before ("Iran seized a tanker. The
    country's navy said ...", 'the country's foreign ministry'): the first country of its own sentence
    before it, else of the nearest of the MAX_SENTENCES_BACK sentences before, with the agent noun after
    the possessive ('navy' -> IRNMIL); none on the tokens of the `actors` found already."""
    out: list[ActorMention] = []
    countries: list[tuple[int, str]] | None = None
    at = token_index(tokens).positions(_COUNTRY_POSSESSIVES)
    taken = token_set(actors) if at else set()
    for k in at:
        tok = tokens[k]
        if not tok.possessive or k == 0 or tokens[k - 1].lower != "the" or not tok.spaced or k in taken:
            continue
        if countries is None:
            by_start = {p.start: p for p in places}
            countries = [(m.first_token, p.country) for m in mentions if (p := by_start.get(m.start)) is not None
                         and p.kind == "country" and p.country]
        found = agent_after(tokens, k + 1, text)
        country = _country_before(tokens, k, countries)
        if found is None or country is None or not taken.isdisjoint(range(k + 1, found[1] + 1)):
            continue
        code, sector = agent_code(country, found[0])
        start, end = tokens[k - 1].start, tokens[found[1]].end
        out.append(ActorMention(start, end, text[start:end], code, text[start:end], country, sector, "agent",
                                k - 1, found[1]))
    return out


def _country_before(tokens: list[Token], k: int, countries: list[tuple[int, str]]) -> str | None:
    """The country 'the country' at token k stands for: the first its sentence names before it, else the first
    of the nearest earlier sentence (of MAX_SENTENCES_BACK) that names one."""
    sentence = tokens[k].sentence
    here = [c for t, c in countries if tokens[t].sentence == sentence and t < k]
    if here:
        return here[0]  # the sentence's first country, most often its subject
    for s in range(sentence - 1, sentence - 1 - MAX_SENTENCES_BACK, -1):
        before = [c for t, c in countries if tokens[t].sentence == s]
        if before:
            return before[0]
    return None


def _is_person(actor: ActorMention) -> bool:
    """A named person, or an agent noun of one holder of an office ('the Kenyan foreign minister')."""
    return actor.kind == "person" or (actor.kind == "agent" and _head_word(actor).lower() in title_heads())


def _is_group(actor: ActorMention) -> bool:
    """An agent noun of many ('Russian troops', 'protesters in Tbilisi'; a plural, not 'business')."""
    head = _head_word(actor).lower()
    return actor.kind == "agent" and (head in _COLLECTIVE_NOUNS or head.endswith("men") or (
        head.endswith("s") and not head.endswith(("ss", "'s", "’s"))))


def _head_word(actor: ActorMention) -> str:
    """The last word of an agent's noun, before a place that follows it ('protesters in Tbilisi')."""
    words = actor.text.split()
    for i, w in enumerate(words):
        if i and w.lower() in _AGENT_PREPS:
            return words[i - 1]
    return words[-1] if words else ""
