"""An unnamed group an act falls on may stand behind a quantity or inside a unit or post it owns: 'arrested
hundreds of opposition activists', 'detained dozens of students', 'attacked a police checkpoint', 'stormed
the police station', 'ambushed a police convoy'. The word that governs the quantity or the unit's article
decides, as the word right before the group does ('arrested students'). Sentences vary the verb, the
quantity, the unit, the group and the country; counter-sentences keep a quantity that is a subject and a
person's description."""

from __future__ import annotations

import pytest
from coded_samples import actor_codes, events, show


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Police in Bangladesh arrested hundreds of opposition activists ahead of the general election.", "BGDCOP",
     "BGDOPP"),
    ("Riot police in Belgrade detained dozens of students on Sunday.", "SRBCOP", "SRBEDU"),
    ("Militants attacked a police checkpoint in Peshawar.", "PAKUAF", "PAKCOP"),
    ("Gunmen stormed the police station near Quetta on Monday.", "PAKUAF", "PAKCOP"),
    ("Insurgents ambushed a police convoy in Kunar province.", "AFGINS", "AFGCOP"),
])
def test_the_group_behind_a_quantity_or_a_unit_is_the_target(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source"] == source and e["target"] == target], show(evs)


def test_a_quantity_of_a_group_before_its_verb_is_the_subject() -> None:
    evs = events("Thousands of farmers marched through Paris on Tuesday.")
    assert [e for e in evs if e["source"] == "FRAAGR" and e["root"] == "14"], show(evs)


def test_a_group_before_a_named_person_is_a_description() -> None:
    """'arrested opposition leader Kizza Besigye': the title describes the man, no group is arrested."""
    assert "OPP" not in actor_codes("Police arrested opposition leader Kizza Besigye in Kampala.")


def test_a_quantity_with_no_act_before_it_makes_no_target() -> None:
    codes = actor_codes("The valley is home to hundreds of farmers.")
    assert not any(code.endswith("AGR") for code in codes.values())
