"""Roles of a sentence's triggers (analysis.extract.roles): the source and target of each candidate event."""

from __future__ import annotations

from analysis.extract.events import event_lexicon
from analysis.extract.roles import Sentence
from analysis.extract.text import split_sentences, tokenize
from analysis.extract.triggers import Participant


def _sentence(text: str, actors: dict[str, str]) -> Sentence:
    """A Sentence of `text` with the given names (text -> code) as participants."""
    tokens = tokenize(text, split_sentences(text))
    parts = []
    for name, code in actors.items():
        start = text.index(name)
        first = next(t.index for t in tokens if t.start == start)
        end = start + len(name)
        last = max(t.index for t in tokens if t.start < end)
        parts.append(Participant(start, end, first, last, name, code, code[:3], text[end:end + 2] == "'s"))
    return Sentence(text, tokens, sorted(parts, key=lambda p: p.start), event_lexicon(), [])


def _roles(sentence: Sentence) -> list[tuple[str, str | None, str | None]]:
    return [(c.trig.lemma, c.src.code if c.src else None, c.tgt.code if c.tgt else None)
            for c in sentence.candidates()]


def test_active_and_passive_voice_give_the_same_roles() -> None:
    active = _roles(_sentence("Russia attacked Ukraine on Monday.", {"Russia": "RUS", "Ukraine": "UKR"}))
    passive = _roles(_sentence("Ukraine was attacked by Russia on Monday.", {"Ukraine": "UKR", "Russia": "RUS"}))
    assert ("attack", "RUS", "UKR") in active
    assert ("attack", "RUS", "UKR") in passive


def test_a_noun_states_its_roles() -> None:
    roles = _roles(_sentence("Russia's invasion of Ukraine began in 2022.", {"Russia": "RUS", "Ukraine": "UKR"}))
    assert any(src == "RUS" and tgt == "UKR" for _, src, tgt in roles)
