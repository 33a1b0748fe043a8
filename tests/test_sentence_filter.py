"""Which sentences the event coder reads (analysis.extract._sentence_filter): a sentence of places only is
skipped only when no trigger there could give a place a role, and 'the two countries' must stand whole."""

from __future__ import annotations

from analysis.extract._sentence_filter import inert, plural_sentences
from analysis.extract.events import event_lexicon, find_events
from analysis.extract.text import split_sentences, tokenize
from analysis.extract.triggers import Participant


def _places(text: str, names: list[str]) -> tuple[list[str], list[Participant]]:
    tokens = tokenize(text, split_sentences(text))
    parts = []
    for name in names:
        start = text.index(name)
        first = next(t.index for t in tokens if t.start == start)
        last = max(t.index for t in tokens if t.start < start + len(name))
        parts.append(Participant(start, start + len(name), first, last, name, "USA", "USA", place=True))
    return [t.lower for t in tokens], parts


def test_a_place_sentence_without_a_place_act_is_skipped() -> None:
    lows, parts = _places("Visitors enjoyed the fair in Dallas and Austin.", ["Dallas", "Austin"])
    assert inert(parts, lows, 0, event_lexicon(), False)


def test_a_place_sentence_that_may_hold_an_act_on_a_place_is_read() -> None:
    lex = event_lexicon()
    for text, names in [("Rebels shelled Juba and Yei.", ["Juba", "Yei"]),  # an act that falls on places
                        ("Juba was shelled on Monday.", ["Juba"]),  # a passive
                        ("They vowed to retake Kherson.", ["Kherson"])]:  # a complement's object
        lows, parts = _places(text, names)
        assert not inert(parts, lows, 0, lex, False), text


def test_the_two_countries_must_stand_whole() -> None:
    text = "The talks went on. The two countries signed a pact. The other side left."
    tokens = tokenize(text, split_sentences(text))
    assert plural_sentences(tokens) == {1}


def test_skipping_changes_no_event() -> None:
    text = "Visitors enjoyed the fair in Dallas. Rebels shelled Juba."
    tokens = tokenize(text, split_sentences(text))
    _, dallas = _places(text, ["Dallas"])
    _, juba = _places(text, ["Juba"])
    events = find_events(text, split_sentences(text), tokens, dallas + juba, [], article_date="2020-01-01")
    assert all(ev.sentence_start > 0 for ev in events)
