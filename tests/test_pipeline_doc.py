"""The document through extraction: the named stages, the layers they add, and the token facts they share."""

from __future__ import annotations

import pytest

from analysis.extract.pipeline import PLACES_STAGE, STAGES, Doc, extract_record, run_stages
from analysis.extract.text import split_sentences, tokenize
from analysis.io.articles import article_from_text


def _tokens(text: str) -> dict[str, tuple[bool, bool]]:
    return {t.text: (t.possessive, t.spaced) for t in tokenize(text, split_sentences(text))}


@pytest.mark.parametrize(("text", "word", "possessive", "spaced"), [
    ("Russia's foreign minister met Wang Yi.", "Russia's", True, True),
    ("Prime Minister Modi flew to Tokyo.", "Prime", False, True),
    ("Officials in Kyiv, Ukraine, said so.", "Kyiv", False, False),  # a comma is between
    ("Talks ended. Leaders left.", "ended", False, False),  # the next word opens another sentence
    ("The Kremlin’s spokesman declined.", "Kremlin’s", True, True),
    ("Seoul  and Tokyo agreed.", "Seoul", False, False),  # two spaces
])
def test_tokens_carry_their_possessive_and_adjacency(text: str, word: str, possessive: bool, spaced: bool) -> None:
    assert _tokens(text)[word] == (possessive, spaced)


def test_the_stages_fill_the_layers_in_order() -> None:
    text = "Russian troops shelled Kharkiv on Monday. Ukraine condemned Russia."
    doc = Doc(article_from_text(text, date="2024-03-04"))
    run_stages(doc, until=PLACES_STAGE)
    assert [p.name for p in doc.places] == ["Russia", "Kharkiv", "Ukraine", "Russia"]  # "Russian" too
    assert doc.events == [] and doc.actors == []  # the later stages have not run
    run_stages(doc)  # all stages from the start again: the same layers, now with events
    assert {(e.source, e.target) for e in doc.events} >= {("UKR", "RUS")}
    assert any(a.code == "RUSMIL" for a in doc.actors)


def test_the_record_is_the_serialised_document() -> None:
    article = article_from_text("Japan and South Korea held talks in Seoul on Friday.", date="2024-05-10")
    doc = run_stages(Doc(article))
    record = extract_record(article)
    assert record == doc.record()
    assert all("source_text" not in e and "target_starts" not in e for e in record["events"])


def test_every_stage_is_named_once() -> None:
    names = [name for name, _ in STAGES]
    assert len(names) == len(set(names)) and PLACES_STAGE in names
