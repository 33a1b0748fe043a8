"""A group named with 'the' after a verb or a preposition of a target is what the act falls on ('accused the
police of abuses', 'attacked the rebels', 'ordered the opposition to'), in the plural or as a collective; it
is of the country its sentence is set in. One person named so ('shot the man') is no group."""

from __future__ import annotations

import pytest

from tests.coded_samples import actor_codes, events, show


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The opposition accused the police of abuses during the protests in Kampala.", "UGAOPP", "UGACOP"),
    ("Human rights groups in Egypt criticised the police for the killings.", "EGYHRI", "EGYCOP"),
    ("The president of Kenya praised the police for restoring order in Nairobi.", "KENGOV", "KENCOP"),
    ("Residents of Goma attacked the rebels with stones.", "CODCVL", "CODREB"),
    ("The government accused the rebels of shelling civilians in Darfur.", "SDNGOV", "SDNREB"),
    ("In Caracas, the government warned the opposition against new street protests.", "VENGOV", "VENOPP"),
])
def test_definite_group_is_the_target(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert (source, target) in {(e["source"], e["target"]) for e in evs}, show(evs)


@pytest.mark.parametrize("text", [
    "Police in Lagos shot the man after a chase.",
    "Soldiers in Mali detained the suspect near Gao.",
    "Police in Peru arrested the driver in Cusco.",
])
def test_one_person_with_the_is_no_group(text: str) -> None:
    codes = actor_codes(text)
    assert not any(word in codes for word in ("man", "suspect", "driver")), codes
