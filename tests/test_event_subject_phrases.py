"""An unnamed group parted from its verb by a short phrase is still the verb's subject: a prepositional phrase
('Gunmen on motorcycles killed', 'Protesters in the capital demanded', 'Farmers near Lyon blocked') or a second
group joined by 'and' ('Police and soldiers in Caracas dispersed'), with no punctuation inside. The group acts
where its own clause is set, not where a report after a comma is. Sentences vary the group, the preposition,
the verb, the place's position and the country."""

from __future__ import annotations

import pytest
from coded_samples import actor_codes, events, show


@pytest.mark.parametrize(("text", "source", "root"), [
    ("Gunmen on motorcycles killed two policemen in Peshawar on Monday.", "PAKUAF", "19"),
    ("Protesters in the capital demanded the resignation of Kenya's interior minister.", "KENOPP", "10"),
    ("Farmers near Lyon blocked roads to protest fuel taxes.", "FRAAGR", "14"),
    ("Rebels from the north seized the town of Kidal in Mali.", "MLIREB", "19"),
    ("Police and soldiers in Caracas dispersed opposition marchers.", "VENCOP", "17"),
    ("Striking workers at a copper mine in Zambia blocked the main road.", "ZMBLAB", "14"),
    ("Rebels of the M23 group seized the town of Rubaya in eastern Congo.", "CODREB", "19"),  # a word of digits
    ("Villagers near the mine in Peru threw stones at police.", "PERCVL", "14"),  # an irregular past
    ("Students at the university in Caracas held a rally against the government.", "VENEDU", "14"),
])
def test_a_group_before_a_phrase_is_the_subject_of_the_verb_after_it(text: str, source: str, root: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source"] == source and e["root"] == root], show(evs)


def test_a_perfect_auxiliary_after_the_phrase() -> None:
    evs = events("Students from Makerere University have marched through Kampala.")
    assert [e for e in evs if e["source"] == "UGAEDU" and e["root"] == "14"], show(evs)


@pytest.mark.parametrize("text", [
    "Farmers in areas affected by the drought in Kenya received food aid.",  # a participle with 'by': no verb
    "Gunmen in the town where the army is based fled into the hills near Quetta.",  # a clause of its own
])
def test_no_subject_across_a_participle_or_a_clause(text: str) -> None:
    assert not any(code.endswith(("AGR", "UAF")) for code in actor_codes(text).values())


@pytest.mark.parametrize("text", [
    "Yarbrough said the victim of the assault was a female.",  # a noun of the phrase is no verb
    "There are segments of the Tamil community with a vested interest in the unity of Sri Lanka.",  # adjective
])
def test_no_verb_inside_the_phrase(text: str) -> None:
    assert not any(code.endswith(("CVL", "EDU")) for code in actor_codes(text).values())


def test_and_opens_no_phrase_after_an_object() -> None:
    """'let out students and colleges canceled': the students are the object; the colleges cancel."""
    codes = actor_codes("High schools let out students and colleges canceled classes in Fargo.")
    assert not any("students" in text for text in codes), codes


def test_troops_still_need_a_state_word() -> None:
    """Troops are often abroad: a phrase after them gives them no country."""
    codes = actor_codes("Soldiers on patrol in Mali shot dead three civilians.")
    assert not any(code.endswith("MIL") for code in codes.values())


def test_the_place_of_a_report_after_a_comma_is_not_the_group_s() -> None:
    codes = actor_codes("Protesters outside the embassy rallied on Friday, police in Athens said.")
    assert codes.get("Protesters") == "OPP" and codes.get("police in Athens") == "GRCCOP"


@pytest.mark.parametrize("text", [
    "The march drew thousands of workers, farmers, students and …",
    "Villagers and",
    "Among the dead were 5 soldiers and 2.",
])
def test_a_text_that_ends_after_a_group_and_and_is_read(text: str) -> None:
    assert events(text) == []  # (it raised IndexError: the word after 'and' was read past the end)
