"""Kind words around a place name that say what it is (internal to `analysis.extract.geocode`).

'the city of Jenin', 'the mayor of Jackson' (a town); 'Jenin province', 'the governor of Washington',
'the Donetsk and Luhansk regions' (a division); 'Douglas and Wyandotte counties' (counties); and the
end of a qualifier ('Alexandria, La.,'). The words come from the word groups of `analysis.extract.text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from analysis.extract.text import word_group

__all__ = ["TOWN_BEFORE", "DIVISION_BEFORE", "OF_BEFORE", "TOWN_AFTER", "DIVISION_AFTER", "COUNTIES_AFTER",
           "QUALIFIER_END"]


def _words(*groups: str) -> str:
    return "|".join(re.escape(w) for g in groups for w in sorted(word_group(g), key=len, reverse=True))


# 'the city of Jenin', 'the mayor of Jackson' / 'Jenin province', 'the governor of Washington': a kind word
TOWN_BEFORE = re.compile(rf"\b(?:{_words('town_noun', 'town_office')})\s+of\s+(?:the\s+)?$", re.IGNORECASE)
DIVISION_BEFORE = re.compile(rf"\b(?:{_words('division_noun', 'division_office')})\s+of\s+(?:the\s+)?$",
                              re.IGNORECASE)
OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)
TOWN_AFTER = re.compile(rf"\s+(?i:{_words('town_office')})(?!\w)")  # 'Jackson Mayor Chokwe Lumumba'


def _plurals(words: Iterable[str]) -> str:
    """An alternation of the plurals of kind words ('regions', 'counties')."""
    return "|".join(re.escape(w[:-1] + "ies" if w.endswith("y") else w + "s")
                    for w in sorted(words, key=len, reverse=True))


# 'Jenin province', 'Washington Gov.', and 'Donetsk and Luhansk regions'
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
_LIST_ITEMS = 12  # names before the last of a list: a bound that keeps the search linear in the text
# ', Luhansk and Kherson ' before 'regions'
_LIST_TAIL = rf"(?:\s*,\s*{_NAME}){{0,{_LIST_ITEMS}}},?\s+(?:and|or)\s+{_NAME}\s+"
_FIRST_LEVEL = _plurals(word_group("division_noun") - word_group("second_level_noun"))
DIVISION_AFTER = re.compile(rf"(?:\s+(?:{_words('division_noun')}|(?i:{_words('division_office')}))"
                             rf"|{_LIST_TAIL}(?:{_FIRST_LEVEL})|\s+(?:{_FIRST_LEVEL}))(?!\w)")
# 'Douglas and Wyandotte counties': the counties (a first-level division or a town of the name is no better)
COUNTIES_AFTER = re.compile(rf"(?:{_LIST_TAIL}|\s+)(?:{_plurals(word_group('second_level_noun'))})(?!\w)")
QUALIFIER_END = re.compile(r"\s*(?:[,.;:)!?—–]|-{1,2}\s|$)")

# the first words that can open what TOWN_AFTER, DIVISION_AFTER and COUNTIES_AFTER match after whitespace
_AFTER_FIRST = frozenset(
    {w.split()[0].lower() for g in ("town_office", "division_noun", "division_office") for w in word_group(g)}
    | set(_plurals(word_group("division_noun")).replace("\\", "").split("|")) | word_group("list_conjunction"))
_NEXT = re.compile(r"\s*(,|[\w.]+)")


def kind_word_may_follow(text: str, end: int) -> bool:
    """Whether TOWN_AFTER, DIVISION_AFTER or COUNTIES_AFTER can match at `end` (a cheap test before them)."""
    m = _NEXT.match(text, end)
    if m is None or (m.start(1) == end and m.group(1) != ","):
        return False
    word = m.group(1).lower()
    return word == "," or word in _AFTER_FIRST or word.rstrip(".") in _AFTER_FIRST
