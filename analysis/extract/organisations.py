"""Organisations named in full that no actor table lists: 'the Kivu Patriotic Liberation Front', 'the
Association of Sahel Jurists', 'the Zambian Democratic Renewal Movement', 'the Committee for the Defence of
Human Rights'.

A capitalised run of words that ends in or opens with an organisation word of
analysis/data/organisation_words.tsv ('front', 'union', 'committee'; 'of', 'for', 'the' and 'and' may join
its words after the organisation word) is one actor. The word gives the sector: parties, unions, movements
and leagues are political groups out of power (OPP; a union with a labour word, 'Teachers Union', is LAB);
fronts, brigades, militias and armies with a rebel word are insurgents (REB; an army without one is the
state's, MIL); committees, commissions and councils are civic bodies (NGO), state bodies with a state word
inside ('National Electoral Commission': GOV) and international ones with an international word inside
(IGO); associations are NGOs. The country is the one country named inside the name, else the one the
sentence names before it, else the article's main country (see analysis.extract.titled); international
bodies take none. A run overlapping an actor the tables code, or followed by a title or agent noun ('Labour
Party leader'), is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis._resources import compiled, read_table
from analysis.extract._token_index import token_index, token_set
from analysis.extract.actors import ActorMention, actor_lexicon
from analysis.extract.agents import agent_code
from analysis.extract.records import Place
from analysis.extract.text import Token
from analysis.extract.titled import _sentence_country, located_countries, main_country

MAX_BEFORE = 6  # capitalised words before the organisation word ('Moro Islamic Liberation Front')
MAX_AFTER = 8  # words after an opening organisation word ('Union for the Total Independence of Angola')


@compiled
def _words() -> dict[str, dict[str, str]]:
    """role -> word -> sector, from organisation_words.tsv."""
    out: dict[str, dict[str, str]] = {}
    for row in read_table("organisation_words.tsv").itertuples(index=False):
        out.setdefault(str(row.role), {})[str(row.word)] = str(row.sector)
    return out


@compiled
def _head_words() -> frozenset[str]:
    """The organisation words ('front', 'union', 'committee')."""
    return frozenset(_words()["head"])


def _joined(tokens: list[Token], k: int) -> bool:
    """Token k follows token k - 1 in the same sentence across one space."""
    return k > 0 and tokens[k - 1].spaced


def _name_word(t: Token) -> bool:
    return t.capitalised and t.text.replace("-", "").replace("'", "").replace("’", "").isalpha()


def _run(tokens: list[Token], h: int, taken: set[int]) -> tuple[int, int] | None:
    """(first, last) token of the name around the organisation word at token h, or None."""
    openers = _words().get("opener", {})
    i = h
    while i > 0 and h - i < MAX_BEFORE and i - 1 not in taken and _joined(tokens, i) and _name_word(
            tokens[i - 1]):
        i -= 1
    if i < h and tokens[i].sentence_initial and tokens[i].lower in openers:
        i += 1  # 'Meanwhile Homeland Union ...': a sentence opener is no part of the name
    j = h
    k = h + 1
    while k < len(tokens) and k - h <= MAX_AFTER and k not in taken and _joined(tokens, k):
        t = tokens[k]
        if _name_word(t) and t.lower not in _words()["joiner"]:
            j = k
        elif t.lower not in _words()["joiner"] or (k == h + 1 and t.lower not in ("of", "for")):
            break
        k += 1
    if i == h and j == h:
        return None  # 'Union' alone names no organisation
    return i, j


def _sector(words: Sequence[str], head: str) -> str:
    """The sector the organisation word and the words of the name give."""
    table = _words()
    names = set(words)
    if head == "union" and names & table.get("labour", {}).keys():
        return "LAB"
    if head == "army":
        return "REB" if names & table.get("rebel", {}).keys() else "MIL"
    if head in _words()["body"]:
        if _international(words):
            return "IGO"
        if names & table.get("state", {}).keys():
            return "GOV"
    return table["head"][head]


def _international(words: Sequence[str]) -> bool:
    intl = _words().get("international", {})
    return any(w in intl and (w not in ("united", "nations") or {"united", "nations"} <= set(words)) for w in words)


def organisations(text: str, tokens: list[Token], named: list[ActorMention], agents: list[ActorMention],
                  places: list[Place]) -> list[ActorMention]:
    """`agents` with the organisations named in full added; an agent inside such a name ('Liberation Front'
    of 'the Kivu Patriotic Liberation Front') gives way to it."""
    heads = [h for h in token_index(tokens).positions(_head_words()) if tokens[h].capitalised]
    if not heads:
        return agents
    taken = token_set(named)
    located = located_countries(tokens, named + agents, places)
    out: list[ActorMention] = []
    done = -1
    for h in heads:
        run = _run(tokens, h, taken) if h > done and h not in taken else None
        if run is None or _modifies(tokens, run[1], taken):
            continue
        first, last = run
        done = last
        found = _organisation(text, tokens, first, last, tokens[h].lower, located, places)
        if found is not None:
            out.append(found)
    if not out:
        return agents
    inside = {k for o in out for k in range(o.first_token, o.last_token + 1)}
    kept = [a for a in agents if a.first_token not in inside and a.last_token not in inside]
    return kept + out


def _modifies(tokens: list[Token], last: int, taken: set[int]) -> bool:
    """The name describes what follows it: 'Labour Party leader X', 'Homeland Union officials', a person."""
    k = last + 1
    if k >= len(tokens) or tokens[k].sentence != tokens[last].sentence:
        return False
    return k in taken or (tokens[k].lower,) in actor_lexicon().agents


def _organisation(text: str, tokens: list[Token], first: int, last: int, head: str,
                  located: list[tuple[int, str]], places: list[Place]) -> ActorMention | None:
    """The actor of the name tokens[first..last], or None when no country can be given to it."""
    words = [t.lower for t in tokens[first:last + 1]]
    sector = _sector(words, head)
    start, end = tokens[first].start, tokens[last].end
    country: str | None = None
    if sector == "IGO" or _international(words):
        country = None
    else:
        inner = {p.country for p in places if p.country and start <= p.start < end}
        if len(inner) > 1:
            return None
        country = inner.pop() if inner else _sentence_country(tokens, first, located) or main_country(places)
        if country is None:
            return None
    code, sector = agent_code(country, sector)
    span = text[start:end]
    return ActorMention(start, end, span, code, span, country, sector, "organisation", first, last)
