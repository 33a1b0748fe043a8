"""Sentences and tokens with character offsets: the compiled regular expressions every stage shares.

All offsets are Python str offsets, end-exclusive.
"""

from __future__ import annotations

import csv
import functools
import operator
import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from analysis._resources import compiled, data_path, read_table

# A token: an initialism with periods (U.S., D.P.R.K., W.Va.), or letters with inner apostrophes (O'Hare,
# Russia's). Hyphens and digits separate tokens, so 'Beijing-based' yields 'Beijing'. Every token opens
# on a letter, written once before the alternatives: the regex engine then skips the characters between
# tokens at C speed instead of trying each alternative there.
_LETTER = r"[^\W\d_]"
TOKEN = re.compile(rf"{_LETTER}(?:\.(?:{_LETTER}\.)+|(?<=[A-Z])\.[A-Z][a-z]\.|{_LETTER}*(?:['’]{_LETTER}+)*)")
_TOKEN_AND_GAP = re.compile(rf"({TOKEN.pattern})([\W\d_]*)")  # a word and the non-letters after it
_FIRST_LETTER = re.compile(_LETTER)
POSSESSIVE_ENDINGS = ("'s", "’s")
"""The endings of a possessive: "Russia's", "Russia’s"."""
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace, or at a
# blank line. Abbreviations such as 'U.S.' or 'Sept.' are handled by `split_sentences`.
# A match starts only at the first mark of a run, and the possessive quantifiers never give back what
# they took: a long run of dots or '!?' not followed by whitespace is then scanned once, not once per
# mark (which was quadratic: 50,000 dots took 45 s). The matches are the same as without them. The
# pattern opens on the one character class of both ends, which the regex engine skips to at C speed;
# the look-behinds after it tell a mark (the first of its run) from a line break.
_SENT_END = re.compile(r"[.!?\n](?:(?<=[.!?])(?<![.!?]{2})[.!?]*+[\"'”’)\]]*+(?=\s)|(?<=\n)\s*\n)")


def _abbreviations() -> dict[str, tuple[str, ...]]:
    """The abbreviations of analysis/data/abbreviations.tsv by kind ('title', 'abbreviation'), read once."""
    by_kind: dict[str, tuple[str, ...]] = {}
    with data_path("abbreviations.tsv").open(encoding="utf-8") as fh:
        rows = csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t")
        next(rows)  # header
        for word, kind, _ in rows:
            by_kind[kind] = (*by_kind.get(kind, ()), word)
    return by_kind


def _word_ending(words: tuple[str, ...], *reversed_patterns: str) -> re.Pattern[str]:
    """A pattern matched at the start of a reversed text: whether the text ends in one of `words` (a whole
    word), or in what one of the `reversed_patterns` matches. A match at one position only, instead of a
    search that tries every start with every word before a '$'."""
    alternatives = "|".join(re.escape(w[::-1]) for w in words)
    return re.compile("|".join((rf"(?:{alternatives})\b", *reversed_patterns)))


_INITIALISM_REVERSED = r"[A-Z](?:\.[A-Z])+"  # 'U.S', 'D.P.R.K' read backwards
_ABBREVIATIONS = _abbreviations()
_TITLE_BEFORE = _word_ending(_ABBREVIATIONS["title"])  # 'Mr.', 'Gen.': the name follows in the same sentence
# an abbreviation, a lone capital ('John F. Kennedy') or an initialism ('U.S.'): the sentence goes on before a
# lower-case word or a number
_ABBREV_BEFORE = _word_ending(_ABBREVIATIONS["abbreviation"], r"[A-Z]\b", _INITIALISM_REVERSED)
_INITIALISM_BEFORE = re.compile(rf"{_INITIALISM_REVERSED}\b")
_UPPER = re.compile(r"[^\W\d_a-z]")  # letters that are not lower case (approximately: upper case)
_DROP_LOWER = dict.fromkeys(map(ord, "abcdefghijklmnopqrstuvwxyzßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ"))
_ASCII_LOWER = b"abcdefghijklmnopqrstuvwxyz"
POSSESSIVE = re.compile(r"['’]s?$")
MAX_SENTENCE_CHARS = 1000
"""Longer sentences are cut at spaces (see `split_sentences`)."""


class Token:
    """A word of the text with its offsets and a few shape flags (computed once, read often).

    A class with slots, not a named tuple: the stages read these fields millions of times per corpus, and
    the interpreter reads a slot on its fast path but a named tuple's field through the generic attribute
    look-up. Tokens compare by identity."""

    __slots__ = ("start", "end", "text", "index", "sentence", "sentence_initial", "capitalised", "lower",
                 "possessive", "spaced")
    start: int
    end: int
    text: str
    index: int  # position in the article
    sentence: int
    sentence_initial: bool
    capitalised: bool
    lower: str
    possessive: bool  # ends in 's ("Russia's")
    spaced: bool  # the next token follows after one space, in the same sentence ('Prime Minister')

    def __init__(self, start: int, end: int, text: str, index: int, sentence: int, sentence_initial: bool,
                 capitalised: bool, lower: str, possessive: bool, spaced: bool) -> None:
        self.start, self.end, self.text, self.index, self.sentence = start, end, text, index, sentence
        self.sentence_initial, self.capitalised, self.lower = sentence_initial, capitalised, lower
        self.possessive, self.spaced = possessive, spaced

    def __repr__(self) -> str:
        return f"Token({', '.join(f'{name}={getattr(self, name)!r}' for name in self.__slots__)})"


def token_field(name: str) -> operator.attrgetter[Any]:
    """A C-level getter of one field of tokens, for `map` over a token list ('lower', 'capitalised')."""
    return operator.attrgetter(name)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of a text; abbreviations like 'U.S.' and 'Sept.' do not end one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        if m.group() == ".":
            before = text[max(0, m.start() - 12):m.start()][::-1]  # read backwards from the period
            # an abbreviation followed by a lower-case word or a number continues the sentence, and so
            # does an initialism before a title or institution word ('U.S. President', 'U.N. Secretary')
            if _TITLE_BEFORE.match(before) or (
                    _ABBREV_BEFORE.match(before) and not text[end:end + 3].lstrip()[:1].isupper()) or (
                    _INITIALISM_BEFORE.match(before) and _next_word(text, end) in _title_words()):
                continue
        _append(spans, text, start, end)
        start = end
    _append(spans, text, start, len(text))
    return spans


_WORD = re.compile(r"\s*([^\W\d_]+)")


def _next_word(text: str, pos: int) -> str:
    m = _WORD.match(text, pos)
    return m.group(1).lower() if m else ""


@functools.lru_cache(maxsize=1)
def _function_words() -> dict[str, list[tuple[str, str]]]:
    """The groups of analysis/data/function_words.tsv: group -> [(entry, value)], in file order."""
    groups: dict[str, list[tuple[str, str]]] = {}
    with data_path("function_words.tsv").open(encoding="utf-8") as fh:
        rows = csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t")
        next(rows)  # header
        for group, entry, value in rows:
            groups.setdefault(group, []).append((entry, value))
    return groups


def past_forms(forms: Iterable[str]) -> set[str]:
    """The past tenses and participles among the one-word forms of one verb: neither its base (whose '-s'
    form is listed too) nor its '-s' or '-ing' forms ('attacked', 'sent', 'said')."""
    words = set(forms)
    bases = {w for w in words if {w + "s", w + "es", w[:-1] + "ies"} & words}
    return {w for w in words - bases if not w.endswith(("s", "ing"))}


def word_group(group: str) -> frozenset[str]:
    """A group of function words ('locative', 'determiner' ...) from analysis/data/function_words.tsv."""
    return frozenset(entry for entry, _ in _function_words()[group])


def phrase_group(group: str) -> tuple[tuple[str, ...], ...]:
    """A group of phrases ('quantifier': ('up', 'to') ...), in file order."""
    return tuple(tuple(entry.split()) for entry, _ in _function_words()[group])


def mapping_group(group: str) -> dict[str, str]:
    """A group of entry -> value pairs (CAMEO relations: 'threat_of' ...)."""
    return dict(_function_words()[group])


def values_group(group: str) -> dict[str, tuple[str, ...]]:
    """A group whose entries may have several values, in file order ('19' -> ('against', 'toward', ...))."""
    out: dict[str, tuple[str, ...]] = {}
    for entry, value in _function_words()[group]:
        out[entry] = (*out.get(entry, ()), value)
    return out


@compiled
def _title_words() -> frozenset[str]:
    """Title and institution words ('president', 'army') from analysis/data/place_context_words.tsv."""
    table = read_table("place_context_words.tsv")
    return frozenset(table.loc[table["role"].isin(["title", "org"]), "word"].str.lower())


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Add a sentence span, cut into pieces of at most MAX_SENTENCE_CHARS at spaces when it is longer
    (nothing when the span is blank).

    News sentences are far shorter (the longest in the evaluation corpora has 614 characters); a longer
    one is a list, a table or a text without punctuation, and capping it keeps the per-sentence work of
    the later stages (which look at pairs of tokens of a sentence) linear in the length of the article.
    """
    s, e = _trim(text, start, end)
    while e - s > MAX_SENTENCE_CHARS:
        lo, hi = s + MAX_SENTENCE_CHARS // 2, s + MAX_SENTENCE_CHARS
        cut = max(text.rfind(" ", lo, hi), text.rfind("\n", lo, hi), text.rfind("\t", lo, hi))
        spans.append(_trim(text, s, cut if cut > 0 else hi))
        s, e = _trim(text, cut if cut > 0 else hi, e)
    if s < e:
        spans.append((s, e))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space at its ends ((end, end) when it is blank)."""
    left = text[start:end].lstrip()
    return (end - len(left), end - len(left) + len(left.rstrip())) if left else (end, end)


def tokenize(text: str, sentences: list[tuple[int, int]] | None = None) -> list[Token]:
    """Tokens of a text, each knowing its sentence, whether it opens that sentence, whether it is a
    possessive and whether the next word follows it after one space."""
    if sentences is None:
        sentences = split_sentences(text)
    tokens: list[Token] = []
    append = tokens.append
    new = object.__new__
    n = 0
    for si, (s, e) in enumerate(sentences):
        m = _FIRST_LETTER.search(text, s, e)
        if m is None:
            continue
        pos, first = m.start(), True
        # one C-level findall gives each word with the non-letters after it: every letter belongs to a
        # token, so the matches follow each other without a gap and the offsets are sums of lengths
        for word, gap in _TOKEN_AND_GAP.findall(text, pos, e):
            end = pos + len(word)
            t = new(Token)  # Token(...) without the call of __init__: the slots are filled here
            t.start = pos
            t.end = end
            t.text = word
            t.index = n
            t.sentence = si
            t.sentence_initial = first
            t.capitalised = word[0].isupper()
            t.lower = word.lower()
            t.possessive = word.endswith(POSSESSIVE_ENDINGS)
            t.spaced = gap == " "
            append(t)
            pos = end + len(gap)
            n += 1
            first = False
    return tokens


def is_headline_case(text: str) -> bool:
    """True when a text (a headline, a shouted line) has no lower-case letters to speak of."""
    # the ASCII lower-case letters, counted in the UTF-8 bytes (a C-level table look-up), decide
    # ordinary prose alone: they are a part of the lower-case letters counted below
    encoded = text.encode("utf-8", "surrogatepass")
    if 4 * (len(encoded) - len(encoded.translate(None, _ASCII_LOWER))) >= len(text):
        return False
    lower = len(text) - len(text.translate(_DROP_LOWER))
    if 4 * lower >= len(text):
        return False  # ordinary prose: counting the capitals cannot change the answer
    upper = len(_UPPER.findall(text))
    return upper + lower > 0 and upper > 4 * lower


# A wire dateline: the city in capitals, optionally a state or country, a date and the agency, then a
# dash (after the agency, the dash may be missing): 'KYIV, Ukraine (AP) —', 'WASHINGTON, March 3 (Reuters)
# -', 'SOUTH CHARLESTON, W.Va. --', 'ATLANTA (AP) An aide'. It opens the text, a line, or the body after a
# headline or byline sentence ('By Jane Doe, The Associated Press. WASHINGTON (AP) -').
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE_BODY = (
    r"\s*(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"
    r"(?:, (?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,2})?"
    rf"(?:,? {_MONTH} \d{{1,2}})?"
    # a dash ends it; after the agency in brackets the dash may be missing or garbled in copying ('"', '�')
    # before the capital that opens the story
    r"(?: ?\([A-Za-z][\w .&-]{0,30}\))?(?: ?(?:—|–|--|-|:) |(?<=\)) ?(?:\"|\ufffd)? (?=[A-Z\"“]))"
)
_DATELINE_AT_START = re.compile(_DATELINE_BODY)
# after a line break or a sentence end: the search skips to these characters at C speed (a pattern that
# opens on a look-behind is tried at every position, which took longer than all the matching)
_DATELINE_AFTER_BREAK = re.compile(rf"(?:\n|[.!?] ){_DATELINE_BODY}")
DATELINE_SEARCH_CHARS = 400
"""A dateline is looked for in the first characters of a text only (after a headline, if any)."""


class Dateline(NamedTuple):
    """Where a text's dateline stands: its place name (start, end) and where the dateline ends."""

    place_start: int
    place_end: int
    end: int


def find_dateline(text: str) -> Dateline | None:
    """The wire dateline at the start of a text ('WASHINGTON (Reuters) - '), or None.

    >>> find_dateline("KYIV, Ukraine (AP) — Russian forces shelled the city.")
    Dateline(place_start=0, place_end=4, end=21)
    """
    m = _DATELINE_AT_START.match(text, 0, DATELINE_SEARCH_CHARS) or _DATELINE_AFTER_BREAK.search(
        text, 0, DATELINE_SEARCH_CHARS)
    if m is None:
        return None
    return Dateline(m.start("place"), m.end("place"), m.end())
