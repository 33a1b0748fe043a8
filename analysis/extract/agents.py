"""Agent nouns: generic actors named by what they are ('officials', 'security forces', 'cocoa farmers'),
coded through a country word beside them ('U.S. officials' -> USAGOV, 'rebels in the Ivory Coast' -> CIVREB).

The nouns are those of agents.tsv (curated) and of the PETRARCH-2 agents dictionary (petrarch_agents.tsv);
`agent_code` puts the country and the sector together in the order the sector asks ('IGO~': before).
"""

from __future__ import annotations

from analysis.extract.actors import actor_lexicon
from analysis.extract.text import Token, word_group

_NOT_MODIFIERS = word_group("not_modifier")  # words that end a run of modifiers before an agent noun
# a generic head of people who lead or speak ('leaders', 'officials': GOV) takes the sector of a modifier that
# names a force or a side ('military leaders' MIL, 'rebel officials' REB); not 'agriculture minister'
_GENERIC_SECTORS = word_group("generic_agent_sector")
_SPECIFIC_SECTORS = word_group("specific_agent_sector")
MAX_MODIFIERS = 2  # words between a country word and its agent noun ('Nicaragua's Sandinista government')


def agent_code(country: str | None, sector: str) -> tuple[str, str]:
    """The CAMEO code and sector of an agent of a country: 'KEN' + 'GOV' -> KENGOV; an agent coded before
    its country (PETRARCH 'IGO~': 'truce monitors') -> IGOKEN."""
    if sector.endswith("~"):
        return sector[:-1] + (country or ""), sector[:-1]
    return (country or "") + sector, sector


def agent_after(tokens: list[Token], k: int, text: str | None = None, *, modifiers: int = MAX_MODIFIERS
                ) -> tuple[str, int] | None:
    """An agent noun phrase starting at token k ('officials', 'government sources', 'leader'):
    (sector, index of its last token), allowing up to `modifiers` modifiers before the noun ('U.S.
    military officials', "Nicaragua's Sandinista government"); of several, the one ending last, on the head
    noun ('Jewish immigrants': REF, not 'Jewish'). With `text`, the words must follow one
    another across plain spaces ('Russia, officials' is no agent)."""
    if k >= len(tokens):
        return None
    if text is not None and k > 0 and text[tokens[k - 1].end:tokens[k].start].strip(" '’s"):
        return None
    sentence = tokens[k].sentence
    lex = actor_lexicon()
    best: tuple[str, int] | None = None
    start = k  # where the agent noun is tried: after the modifiers stepped over so far
    for used in range(0, modifiers + 1):
        if used:
            mod = tokens[start]
            if text is not None and _hyphen_participle(tokens, start, text, lex.irregular_verbs):
                start += 2  # 'eastern-based', 'military-led': one modifier
            elif mod.lower in _NOT_MODIFIERS or mod.lower.endswith(("ed", "ing")) or mod.lower in lex.irregular_verbs \
                    or (text is not None and not mod.spaced):
                break
            else:
                start += 1
        if start >= len(tokens) or tokens[start].sentence != sentence:
            break
        found = _agent_at(tokens, start, text)
        if found is not None and (best is None or found[1] > best[1]):
            if best is not None and found[0] in _GENERIC_SECTORS and best[0] in _SPECIFIC_SECTORS:
                found = (best[0], found[1])  # 'military leaders', 'police chiefs': the modifier's sector
            best = found  # the head noun ends the phrase: 'Jewish immigrants', not 'Jewish'
    return best


def _hyphen_participle(tokens: list[Token], i: int, text: str, irregular: frozenset[str]) -> bool:
    """Whether tokens i and i + 1 are a word and a participle joined by a hyphen and followed by a space
    ('eastern-based', 'military-led', 'state-run'): an adjective before a noun, one modifier."""
    if i + 1 >= len(tokens) or tokens[i].spaced or not tokens[i + 1].spaced:
        return False
    second = tokens[i + 1].lower
    return text[tokens[i].end:tokens[i + 1].start] == "-" and (second.endswith("ed") or second in irregular)


def _agent_at(tokens: list[Token], start: int, text: str | None) -> tuple[str, int] | None:
    """The longest agent noun starting exactly at token `start`."""
    lex = actor_lexicon()
    sentence = tokens[start].sentence
    ends = lex.agent_last
    for size in lex.agent_first.get(tokens[start].lower, ()):
        stop = start + size
        if stop > len(tokens) or (size > 1 and size not in ends.get(tokens[stop - 1].lower, ())) \
                or tokens[stop - 1].sentence != sentence:
            continue  # (a quick test first: an agent noun of this length ends in that word)
        words = tuple(t.lower for t in tokens[start:stop])
        if words in lex.agents and (text is None or all(
                text[tokens[m].end:tokens[m + 1].start] in (" ", "-") for m in range(start, stop - 1))):
            return lex.agents[words], stop - 1
    return None


def agent_before(tokens: list[Token], k: int, text: str) -> tuple[str, int] | None:
    """An agent noun phrase ending at token k ('rebels', 'security forces', 'opposition groups'):
    (sector, index of its first token); its words one space or a hyphen apart."""
    if k < 0:
        return None
    lex = actor_lexicon()
    tok = tokens[k]
    agents, starts = lex.agents, lex.agent_first
    for size in lex.agent_last.get(tok.lower, ()):
        if size == 1:
            sector = agents.get((tok.lower,))
            if sector is not None:
                return sector, k
            continue
        first = k - size + 1
        if first < 0 or size not in starts.get(tokens[first].lower, ()) or tokens[first].sentence != tok.sentence:
            continue  # (a quick test first: an agent noun of this length starts with that word)
        sector = agents.get(tuple([t.lower for t in tokens[first:k + 1]]))
        if sector is not None and all(tokens[m].spaced or text[tokens[m].end:tokens[m + 1].start] == "-"
                                      for m in range(first, k)):
            return sector, first
    return None
