"""The subject of a clause (analysis.extract.subjects): the actor before the verb, past appositives,
fronted adverbials, prepositional phrases and coordinated verbs."""

from __future__ import annotations

from test_roles import _sentence


def _subject(text: str, actors: dict[str, str], verb: str) -> str | None:
    sent = _sentence(text, actors)
    sent.triggers()
    ti = next(k for k, t in enumerate(sent.toks) if t.lower == verb)
    src = sent.source(ti)
    return src.code if src is not None else None


def test_the_actor_right_before_the_verb() -> None:
    assert _subject("Kenya condemned Uganda.", {"Kenya": "KEN", "Uganda": "UGA"}, "condemned") == "KEN"


def test_an_appositive_and_a_fronted_adverbial_are_skipped() -> None:
    text = "On Tuesday, Pakistan, a neighbour of India, expelled two diplomats."
    assert _subject(text, {"Pakistan": "PAK", "India": "IND"}, "expelled") == "PAK"


def test_an_actor_inside_a_prepositional_phrase_is_no_subject() -> None:
    text = "Troops from Chad and an envoy in Niger met on Monday."
    assert _subject(text, {"Niger": "NER"}, "met") is None


def test_a_coordinated_verb_shares_the_subject_of_the_first() -> None:
    text = "Peru killed one rebel and wounded two others."
    assert _subject(text, {"Peru": "PER"}, "wounded") == "PER"


def test_a_report_speaker_is_the_subject_of_its_pronoun() -> None:
    text = "Chile said it would expel the ambassador."
    assert _subject(text, {"Chile": "CHL"}, "expel") == "CHL"
