"""Find place, country and demonym mentions in text: spans with their gazetteer candidates.

Recognition is a dictionary match over capitalised token runs (longest match first), then rules that
follow how news is written:
- a single-word name that is also a common English word ('Central', 'Mobile') is a place only as a
  country, continent, region or sea, or with a locative cue ('in Mobile, Ala.');
- a name glued to other capitalised words is part of a person's or organisation's name
  ('Vladimir Putin', 'Kim Jong Un', 'Jordan Peterson', 'Korean Central News Agency') unless the
  next word is a title or an institution word ('Ukraine President', 'Alexandria Police');
- spans claimed by actors (people, organisations) are not places.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from .gazetteer import MAX_NAME_TOKENS, NAME_KINDS, Gazetteer, load_gazetteer, norm_key, read_table
from .text import Token, is_headline_case, split_sentences, tokenize

STRONG_KINDS = frozenset({0, 5, 6, 7})  # country, region, continent, water (indices into KINDS)
LOCATIVE = frozenset({"in", "at", "near", "from", "to", "outside", "into", "across", "around", "toward",
                      "towards", "via", "through", "of"})


@dataclass(slots=True)
class Mention:
    """A recognised place name: its span and the gazetteer rows it may refer to."""

    start: int
    end: int
    text: str
    key: str
    rows: np.ndarray
    name_kind: str
    first_token: int
    last_token: int
    metonymic: bool = False
    qualifiers: list[int] = field(default_factory=list)


@functools.lru_cache(maxsize=1)
def context_words() -> tuple[frozenset[str], frozenset[str]]:
    """(words that keep a preceding name a place, particles allowed inside multiword names)."""
    table = read_table("place_context_words.tsv")
    keep = frozenset(table.loc[table["role"] != "particle", "word"].str.lower())
    particles = frozenset(table.loc[table["role"] == "particle", "word"].str.lower())
    return keep, particles


@functools.lru_cache(maxsize=1)
def metonymy_cues() -> frozenset[str]:
    """Verbs and auxiliaries that, right after a capital or country, make it stand for its government."""
    cues = read_table("event_cues.tsv")
    words = set(cues.loc[cues["kind"].isin(["report_verb"]), "cue"].str.lower())
    trig = read_table("event_triggers.tsv")
    for forms in trig.loc[trig["pos"] == "verb", "forms"]:
        words.update(f.lower() for f in str(forms).split("|") if " " not in f)
    modal = cues.loc[(cues["kind"] == "modality") & ~cues["cue"].str.contains(" "), "cue"].str.lower()
    words.update(modal)
    return frozenset(words)


def _gap_ok(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end:b.start]
    return gap in (" ", "-", "- ", " - ") or (gap == ". " and len(a.text) <= 3)


def _strip_possessive(tok: Token) -> tuple[str, int]:
    """A token's text without a trailing possessive ('Russia's' -> 'Russia') and its end offset."""
    t = tok.text
    for suffix in ("'s", "’s"):
        if t.endswith(suffix) and len(t) > 2:
            return t[: -len(suffix)], tok.end - len(suffix)
    return t, tok.end


def find_mentions(
    text: str,
    *,
    tokens: list[Token] | None = None,
    blocked: Iterable[tuple[int, int]] = (),
    gazetteer: Gazetteer | None = None,
) -> list[Mention]:
    """Place-name mentions of a text, left to right, with their candidate gazetteer rows.

    Parameters
    ----------
    text
        The article body.
    tokens
        Tokens from `analysis.text.tokenize`, when the caller has them already.
    blocked
        Character spans claimed by other mentions (people, organisations); no place overlaps them.
    gazetteer
        The gazetteer to use (default: the bundled one).
    """
    gaz = gazetteer or load_gazetteer()
    if tokens is None:
        tokens = tokenize(text, split_sentences(text))
    keep_words, particles = context_words()
    headline = {t.sentence for t in tokens if t.sentence_initial} if is_headline_case(text) else set()
    shouted = _shouted_sentences(text, tokens) | headline

    # 1. every candidate n-gram that starts on a capitalised token
    probes: list[tuple[int, int, str, int]] = []  # (first, last, key, end)
    n_tok = len(tokens)
    for i, tok in enumerate(tokens):
        if not tok.capitalised:
            continue
        parts: list[str] = []
        possessive = False
        for j in range(i, min(i + MAX_NAME_TOKENS, n_tok)):
            tj = tokens[j]
            if j > i and (possessive or tj.sentence != tok.sentence or not _gap_ok(text, tokens[j - 1], tj)
                          or (not tj.capitalised and tj.lower not in particles)):
                break
            word, end = _strip_possessive(tj)
            possessive = end != tj.end
            parts.append(word)
            if not tj.capitalised:
                continue
            key = norm_key(" ".join(parts))
            probes.append((i, j, key, end))
            if not possessive and text[tj.end:tj.end + 1] == ".":
                probes.append((i, j, key + ".", tj.end + 1))
    found = gaz.find_keys([p[2] for p in probes])

    # 2. longest match at each start, left to right
    best: dict[int, tuple[int, str, int, int]] = {}
    for (i, j, key, end), k in zip(probes, found.tolist(), strict=True):
        if k >= 0 and (i not in best or j > best[i][0] or (j == best[i][0] and end > best[i][2])):
            best[i] = (j, key, end, k)
    blocked_spans = sorted(blocked)
    mentions: list[Mention] = []
    i = 0
    while i < n_tok:
        if i not in best:
            i += 1
            continue
        j, key, end, k = best[i]
        start = tokens[i].start
        if any(s < end and start < e for s, e in blocked_spans):
            i += 1
            continue
        rows = gaz.rows_of_key(k)
        name_kind = NAME_KINDS[int(gaz.key_kind[k])]
        m = Mention(start, end, text[start:end], key, rows, name_kind, i, j)
        if _is_place(m, tokens, text, gaz, keep_words, shouted):
            m.metonymic = _metonymic(m, tokens, text, gaz)
            mentions.append(m)
            i = j + 1
        else:
            i += 1
    return mentions


def _shouted_sentences(text: str, tokens: list[Token]) -> set[int]:
    by_sent: dict[int, list[Token]] = {}
    for t in tokens:
        by_sent.setdefault(t.sentence, []).append(t)
    return {s for s, toks in by_sent.items() if len(toks) >= 3 and sum(t.text.isupper() for t in toks) >= 0.8 * len(toks)}


def _is_place(
    m: Mention, tokens: list[Token], text: str, gaz: Gazetteer, keep_words: frozenset[str], shouted: set[int]
) -> bool:
    first, last = tokens[m.first_token], tokens[m.last_token]
    kinds = {int(gaz.kind[r]) for r in m.rows}
    strong = bool(kinds & STRONG_KINDS) or m.name_kind in ("demonym", "abbr")
    single = m.first_token == m.last_token
    word = first.text
    if single and len(word) <= 2 and not (word.isupper() and m.name_kind == "abbr"):
        return False  # two-letter fragments ('Un', 'La') are places only as known abbreviations
    if single and word.isupper() and len(word) > 1 and m.name_kind not in ("abbr",) and first.sentence not in shouted:
        return False  # an acronym (UN, NATO) is an organisation, not a place
    prev = tokens[m.first_token - 1] if m.first_token > 0 else None
    nxt = tokens[m.last_token + 1] if m.last_token + 1 < len(tokens) else None
    if prev is not None and prev.sentence != first.sentence:
        prev = None
    if nxt is not None and nxt.sentence != last.sentence:
        nxt = None
    in_shout = first.sentence in shouted

    # glued to other capitalised words: part of a person's or organisation's name
    if not in_shout and nxt is not None and nxt.capitalised and _gap_ok(text, last, nxt) \
            and text[last.end:nxt.start] == " " and m.end == last.end \
            and nxt.text.lower().rstrip(".") not in keep_words and not nxt.text.isupper():
        return False
    if not in_shout and prev is not None and prev.capitalised and text[prev.end:first.start] == " " \
            and not prev.sentence_initial and prev.text.lower() not in keep_words and not strong \
            and not prev.text.isupper():
        return False

    if single and norm_key(word) in gaz.common_words and not strong:
        locative = prev is not None and prev.lower in LOCATIVE and not first.sentence_initial
        qualified = text[m.end:m.end + 2] == ", " and nxt is not None and nxt.capitalised
        big = int(gaz.population[m.rows].max()) >= 10_000
        return big and (locative or qualified) and not in_shout
    if single and in_shout and not strong and norm_key(word) in gaz.common_words:
        return False
    return True


def _metonymic(m: Mention, tokens: list[Token], text: str, gaz: Gazetteer) -> bool:
    """'Pyongyang said', 'Washington warned', 'Russia will': a capital or country acting as its state."""
    kinds = {gaz.kind_of(int(r)) for r in m.rows}
    if not kinds & {"capital", "country"} or m.name_kind == "demonym":
        return False
    nxt = tokens[m.last_token + 1] if m.last_token + 1 < len(tokens) else None
    if nxt is None or nxt.sentence != tokens[m.last_token].sentence:
        return False
    if m.text.endswith(("'s", "’s")) or text[m.end:m.end + 2] in ("'s", "’s"):
        return False
    return nxt.lower in metonymy_cues() and not nxt.capitalised
