"""The document through extraction: the named stages, the layers they add, and the token facts they share."""

from __future__ import annotations

import gc
from typing import Any

import pytest

from analysis.extract.pipeline import PLACES_STAGE, STAGES, Doc, extract_record, extract_records, run_stages
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


# many articles at once: the stages run over a batch of documents in turn (extract_records)
_BATCH_TEXTS = [
    "Kim Jong Un met Vladimir Putin in Vladivostok on Wednesday.",
    "Police arrested three activists in Minsk. Lithuania condemned the arrests.",
    "The Kenyan foreign minister held talks with his Ugandan counterpart in Kampala.",
    "Gunmen killed four soldiers near Gao, Mali, on Sunday.",
    "Brazil and Argentina signed a trade agreement in Buenos Aires.",
]


def test_many_articles_give_the_records_each_gives_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis.extract import pipeline

    articles = [article_from_text(t, date="2024-03-04", id=f"a{i}") for i, t in enumerate(_BATCH_TEXTS * 3)]
    alone = [extract_record(a) for a in articles]
    monkeypatch.setattr(pipeline, "BATCH", 4)  # batches of 4, 4, ... and the rest
    assert list(extract_records(articles)) == alone
    assert all(r["places"] for r in alone) and sum(bool(r["events"]) for r in alone) >= 9


def test_an_article_that_fails_gives_its_exception_in_its_place(fail_extraction: Any) -> None:
    fail_extraction(lambda article: ValueError("broken") if article.id == "a1" else None)
    articles = [article_from_text(t, id=f"a{i}") for i, t in enumerate(_BATCH_TEXTS)]
    results = list(extract_records(articles))
    assert isinstance(results[1], ValueError) and str(results[1]) == "broken"
    assert [r["id"] for r in results if isinstance(r, dict)] == ["a0", "a2", "a3", "a4"]
    with pytest.raises(ValueError, match="broken"):
        extract_record(articles[1])


def test_extraction_leaves_the_garbage_collector_as_it_found_it() -> None:
    articles = [article_from_text(t) for t in _BATCH_TEXTS]
    assert gc.isenabled()
    list(extract_records(articles))
    assert gc.isenabled()
    gc.disable()
    try:
        extract_record(articles[0])
        assert not gc.isenabled()  # a caller that paused it keeps it paused
    finally:
        gc.enable()


def test_over_budget_articles_of_a_batch_keep_their_places() -> None:
    from analysis.errors import InputWarning

    articles = [article_from_text(t, id=f"a{i}") for i, t in enumerate(_BATCH_TEXTS)]
    with pytest.warns(InputWarning, match="time budget of 0 s"):
        cut = list(extract_records(articles, budget=0.0))
    full = list(extract_records(articles))
    assert [r["places"] for r in cut] == [r["places"] for r in full]
    assert all(r["events"] == [] and r["incomplete"] for r in cut)


def test_a_budget_warning_points_at_the_callers_line() -> None:
    from analysis.errors import InputWarning

    article = article_from_text("Kim Jong Un met Vladimir Putin in Vladivostok.", id="k")
    with pytest.warns(InputWarning) as single:
        extract_record(article, budget=0.0)
    with pytest.warns(InputWarning) as many:
        list(extract_records([article, article], budget=0.0))
    assert {w.filename for w in [*single, *many]} == {__file__}


def test_warnings_as_errors_lose_no_record_of_the_batch() -> None:
    import warnings

    from analysis.errors import InputWarning

    articles = [article_from_text(t, id=f"a{i}") for i, t in enumerate(_BATCH_TEXTS)]
    got = []
    with warnings.catch_warnings():
        warnings.simplefilter("error", InputWarning)
        with pytest.raises(InputWarning):
            for record in extract_records(articles, budget=0.0):
                got.append(record)
    assert [r["id"] for r in got] == [f"a{i}" for i in range(len(_BATCH_TEXTS))]


def test_an_interrupted_batch_restores_the_garbage_collector(fail_extraction: Any) -> None:
    fail_extraction(lambda article: KeyboardInterrupt() if article.id == "a2" else None)
    articles = [article_from_text(t, id=f"a{i}") for i, t in enumerate(_BATCH_TEXTS)]
    with pytest.raises(KeyboardInterrupt):
        list(extract_records(articles))
    assert gc.isenabled()


def test_threads_extract_as_one_thread_does() -> None:
    from concurrent.futures import ThreadPoolExecutor

    articles = [article_from_text(t, date="2024-03-04", id=f"a{i}") for i, t in enumerate(_BATCH_TEXTS * 4)]
    alone = [extract_record(a) for a in articles]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(extract_record, articles)) == alone


def test_a_batch_fits_the_token_indices_kept() -> None:
    from analysis.extract import _token_index, pipeline

    assert pipeline.BATCH <= _token_index._MAX_RECENT  # else a stage would rebuild the indices of its batch
