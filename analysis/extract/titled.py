"""People named after a title of office that no actor table lists: 'Vice-President Moody Awori',
'Judge Alejandro Rivera', 'Defence Minister Ama Boateng'.

News names an official by a capitalised title right before the name. The title is an agent noun of
analysis/data/agents.tsv and petrarch_agents.tsv ('president' -> GOV, 'judge' -> JUD, 'defence minister'
-> MIL); the country is the one country the sentence names before the title, else the article's main
country (the country named most often, when one is named more than any other). Without either the person
is left uncoded. An office named by 'the' alone ('the prime minister's resignation') is coded the same way.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from collections.abc import Sequence
from itertools import chain
from operator import attrgetter, itemgetter

from analysis._resources import compiled
from analysis.extract._function_words import INDEFINITE_ARTICLES
from analysis.extract._token_index import possessive_forms, token_index, token_set
from analysis.extract.actors import ActorMention, actor_lexicon
from analysis.extract.agents import agent_before
from analysis.extract.records import Place
from analysis.extract.text import Token, word_group

MAX_TITLE = 3  # tokens of a title ('Deputy Foreign Minister')
MAX_NAME = 3  # tokens of a name after it ('Juan Carlos Ortega')
RANK_PREFIXES = word_group("rank_prefix")  # 'Vice President', 'Deputy Foreign Minister': an office in rank below
TITLE_PREFIXES = tuple(sorted(w + "-" for w in RANK_PREFIXES))  # 'Vice-President'
# sectors a title gives a person; others ('CVL', 'REF', 'REB', ...) describe groups, not offices
_START = attrgetter("start")
# sectors a lower-case description gives a person named after it ('opposition leader X', 'rebel commander X')
DESCRIPTION_SECTORS = frozenset({"OPP", "REB", "INS", "REL", "MED", "HRI", "LAB", "BUS", "EDU"})
_FORMER = word_group("former")  # 'the former governor': no longer in office
_LOCAL_OFFICES = word_group("local_office")  # 'the governor', 'the mayor': heads of a division or town
OFFICE_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "SPY", "ELI"})
_DEFINITE = frozenset(word_group("article") - INDEFINITE_ARTICLES)  # 'the' before an office ('the president')


@compiled
def _first_words() -> frozenset[str]:
    """The words a title of office can start with (a quick test before the table look-ups): the first words
    of the agent nouns, a rank ('Vice', 'Deputy') and a rank joined to one of them ('Vice-President'; a
    word of a rank and a hyphen before any other word starts no title, see `_title_sector`)."""
    words = {key[0] for key in actor_lexicon().agents}
    words |= {w.split("-", 1)[0] + "-" for w in words} | RANK_PREFIXES
    return frozenset(words | {prefix + w for prefix in TITLE_PREFIXES for w in words})


def _title_sector(words: Sequence[str]) -> str | None:
    """The sector an office title gives ('judge' -> JUD), or None when the words are no title of office."""
    agents = actor_lexicon().agents
    key = tuple(words)
    sector = agents.get(key)
    if sector is None and key and key[0] in RANK_PREFIXES:
        sector = agents.get(key[1:])
    if sector is None and key and key[0].startswith(TITLE_PREFIXES):
        sector = agents.get((key[0].split("-", 1)[1], *key[1:]))
    return sector if sector in OFFICE_SECTORS else None


def _side_sector(words: Sequence[str]) -> str | None:
    """The sector of a side that an office title names ('opposition leader' OPP, 'rebel commander' REB), or
    None (an office's own sector, such as 'agriculture minister' GOVAGR, is its head's)."""
    sector = actor_lexicon().agents.get(tuple(words))
    return sector if sector is not None and sector[:3] not in OFFICE_SECTORS else None


def name_end(tokens: list[Token], i: int, taken: set[int]) -> int:
    """The last token of a personal name starting at token i (-1 when none): capitalised words joined by
    single spaces, none already read as an actor or place."""
    j = -1
    for k in range(i, min(i + MAX_NAME, len(tokens))):
        t = tokens[k]
        if k in taken or not t.capitalised or not t.text.replace("-", "").isalpha() or t.sentence != tokens[i].sentence:
            break
        if k > i and not tokens[k - 1].spaced:
            break
        j = k
    return j


def located_countries(tokens: list[Token], actors: list[ActorMention], places: list[Place]
                      ) -> list[tuple[int, str]]:
    """(first token, country) of the actors and places of a known country."""
    located = [(a.first_token, a.country) for a in actors if a.country]
    for p in places:
        k = bisect.bisect_left(tokens, p.start, key=_START)
        if p.country and k < len(tokens) and tokens[k].start == p.start:
            located.append((k, p.country))
    return located


def main_country(places: list[Place]) -> str | None:
    """The country an article names most often, when one is named more than any other."""
    counts = Counter(p.country for p in places if p.country)
    top = counts.most_common(2)
    if not top or (len(top) > 1 and top[0][1] == top[1][1]):
        return None
    return str(top[0][0])


def _sentence_country(tokens: list[Token], i: int, located: list[tuple[int, str]]) -> str | None:
    """The one country that the sentence of token i names before it (through a place or a coded actor):
    'Rebels in Mali rejected an appeal from President X'; a country after the person is more often the
    object of the act ('President X criticised Hungary')."""
    s = tokens[i].sentence
    found = {c for k, c in located if tokens[k].sentence == s and k < i}
    return found.pop() if len(found) == 1 else None


def titled_people(text: str, tokens: list[Token], actors: list[ActorMention], places: list[Place],
                  taken_tokens: Sequence[tuple[int, int]]) -> list[ActorMention]:
    """Persons named after a title of office, or by 'the' and their office alone ('demanded the prime
    minister's resignation', 'the president met opposition leaders': not 'the president of the club', where
    'of' says whose office it is), coded as the context's country and the title's sector; `taken_tokens` are
    (first, last) token ranges already read as something else (places)."""
    index = token_index(tokens)
    # a title or a description and the name after it: words one space apart, the name capitalised
    # (the capitalised words only are looked up: the table of first words is large, and most words are not)
    first_words, lowers, capitals = _first_words(), index.lowers, index.capitals
    heads = [i for i in index.capital_positions
             if tokens[i].spaced and capitals[i + 1] and lowers[i] in first_words]
    descriptions = [h for h in index.positions(_description_heads())
                    if not tokens[h].capitalised and tokens[h].spaced and tokens[h + 1].capitalised]
    offices = index.positions(_office_heads())
    if not heads and not descriptions and not offices:
        return []
    taken = token_set(actors)
    taken.update(chain.from_iterable([range(a, b + 1) for a, b in taken_tokens]))
    candidates = [(i, _titled_at(text, tokens, index.lowers, i, taken)) for i in heads]
    candidates += [_described_at(text, tokens, index.lowers, h, taken) for h in descriptions]
    candidates += [_office_at(tokens, index.lowers, h, taken) for h in offices]
    found = sorted(((i, c) for i, c in candidates if c is not None), key=itemgetter(0))
    if not found:
        return []
    located = located_countries(tokens, actors, places)
    main = main_country(places)
    out: list[ActorMention] = []
    done = -1
    for i, title in found:
        if i <= done:
            continue
        sector, done = title
        country = _sentence_country(tokens, i, located) or main
        if country:
            last = tokens[done]  # "the prime minister's": the office, not its possessive ending
            start, end = tokens[i].start, last.end - (2 if last.possessive and not last.capitalised else 0)
            span = text[start:end]
            out.append(ActorMention(start, end, span, country + sector, span, country, sector, "person", i, done))
    return out


def _office_at(tokens: list[Token], lowers: list[str], h: int, taken: set[int]
               ) -> tuple[int, tuple[str, int] | None]:
    """(the token of 'the', (sector, last token)) of a title of office in lower case after 'the' that ends on
    the head at token h, with nothing after it that says whose office it is ('of', a name); (h, None) where
    there is none."""
    tok = tokens[h]
    nxt = tokens[h + 1] if h + 1 < len(tokens) and tokens[h + 1].sentence == tok.sentence else None
    if h in taken or tok.capitalised or nxt is not None and not tok.possessive and tok.spaced and (
            nxt.capitalised or nxt.lower == "of"):
        return h, None  # 'the president of the club', 'the prime minister Abiy Ahmed'
    head = lowers[h][:-2] if tok.possessive else lowers[h]
    for size in range(min(MAX_TITLE, h), 0, -1):
        i = h - size + 1
        if lowers[i - 1] not in _DEFINITE or not all(tokens[k].spaced for k in range(i - 1, h)) or any(
                tokens[k].capitalised or k in taken or lowers[k] in _DEFINITE for k in range(i, h)):
            continue  # 'the' and the title's words one space apart ('the 2009 queen' is no title; 'the day the
            # president arrived': the title opens at the second 'the')
        words = [*lowers[i:h], head]
        # 'the agriculture minister': its head's sector; 'the opposition leader' (OPP): a side's, as the table codes it
        sector = _title_sector(words) or _side_sector(words) or _title_sector(words[-1:])
        if sector is not None and not _FORMER.isdisjoint(words[:-1]):
            sector = "ELI"  # 'the former mayor': out of office, an elite of the country (as CAMEO codes them)
        if sector is not None:
            return i - 1, (sector, h)
    return h, None


@functools.cache
def _office_heads() -> frozenset[str]:
    """The last words of the titles of office and of local offices, and their possessives ('president',
    "minister's", 'governor', 'mayor')."""
    heads = title_heads() | _LOCAL_OFFICES
    return heads | possessive_forms(heads)


@functools.cache
def title_heads() -> frozenset[str]:
    """The last words of the titles of office ('president', 'minister')."""
    return frozenset(words[-1] for words in actor_lexicon().titles)


@compiled
def _description_heads() -> frozenset[str]:
    """The last words of the singular agent nouns that describe a person by a DESCRIPTION_SECTORS sector
    ('leader' of 'opposition leader', 'cleric', 'activist')."""
    return frozenset(words[-1] for words, sector in actor_lexicon().agents.items()
                     if sector in DESCRIPTION_SECTORS and not words[-1].endswith("s"))


def _described_at(text: str, tokens: list[Token], lowers: list[str], h: int, taken: set[int]
                  ) -> tuple[int, tuple[str, int] | None]:
    """(first token, (sector, last token)) of a description in lower case and the name of two or more
    capitalised words after it ('opposition leader Kizza Besigye', 'Shiite cleric Moqtada al-Sadr', 'rebel
    commander Joseph Kony'); (h, None) where there is none."""
    j = name_end(tokens, h + 1, taken) if h not in taken else -1
    found = agent_before(tokens, h, text) if j >= h + 2 else None
    if found is None or found[0] not in DESCRIPTION_SECTORS or _title_sector(lowers[h + 1:j + 1]) is not None:
        return h, None
    return found[1], (found[0], j)


def _titled_at(text: str, tokens: list[Token], lowers: list[str], i: int, taken: set[int]) -> tuple[str, int] | None:
    """(sector, last token) of a title and name starting at token i, or None."""
    if i in taken or not tokens[i].spaced or not tokens[i + 1].capitalised:
        return None  # a title and the name after it are capitalised words one space apart
    run = 0  # the title is a run of capitalised words one space apart, none taken
    while run < MAX_TITLE and i + run < len(tokens) - 1 and i + run not in taken and tokens[i + run].capitalised \
            and tokens[i + run].spaced:
        run += 1
    for size in range(run, 0, -1):
        k = i + size
        sector = _title_sector(lowers[i:k])
        if sector is None:
            continue
        j = name_end(tokens, k, taken)
        if j >= k and _title_sector(lowers[k:j + 1]) is None:
            return sector, j
    return None
