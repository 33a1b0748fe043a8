"""A pronoun that opens a sentence stands for the first actor of its kind in the sentences just before:
'He' and 'She' for a person or the holder of an office, 'They' for a group."""

from __future__ import annotations

import pytest
from coded_samples import record


@pytest.mark.parametrize(("text", "pronoun", "code"), [
    ("Kenyan President William Ruto arrived in Addis Ababa on Monday. He met Ethiopian officials.", "He", "KENGOV"),
    ("The Kenyan foreign minister flew to Kampala. She criticised Uganda over the border dispute.", "She", "KENGOV"),
    ("Russian troops shelled Kharkiv overnight. They also struck a power plant near Dnipro.", "They", "RUSMIL"),
    ("Protesters in Tbilisi blocked the main avenue. They demanded new elections.", "They", "GEOOPP"),
])
def test_a_pronoun_opening_a_sentence_is_the_actor_before(text: str, pronoun: str, code: str) -> None:
    assert (pronoun, code) in {(a["text"], a["code"]) for a in record(text)["actors"]}


@pytest.mark.parametrize(("text", "dyad"), [
    ("Kenyan President William Ruto arrived in Addis Ababa. He met Ethiopian Prime Minister Abiy Ahmed.",
     ("KENGOV", "ETHGOV")),
    ("The Egyptian foreign minister arrived in Ankara on Sunday. He criticised Israel over the raids.",
     ("EGYGOV", "ISR")),
    ("Chinese troops crossed into the disputed valley. They clashed with Indian soldiers on Tuesday.",
     ("CHNMIL", "INDMIL")),
])
def test_the_pronouns_acts_are_its_antecedents(text: str, dyad: tuple[str, str]) -> None:
    assert dyad in {(e["source"], e["target"]) for e in record(text)["events"]}


@pytest.mark.parametrize("text", [
    "He met Ethiopian officials in Addis Ababa.",  # nothing before it
    "Russian troops shelled Kharkiv. Fighting went on for hours. It was cold. They left at dawn.",  # too far back
    "Protesters blocked the avenue in Tbilisi. He said nothing.",  # no person before it
])
def test_a_pronoun_without_a_near_antecedent_is_no_actor(text: str) -> None:
    assert not [a for a in record(text)["actors"] if a["text"] in ("He", "She", "They")]


@pytest.mark.parametrize(("text", "actor", "code"), [
    ("Iran seized a tanker in the Strait of Hormuz. The country's navy said the ship was smuggling fuel.",
     "The country's navy", "IRNMIL"),
    ("Saudi Arabia hosted the talks on Sunday. The kingdom's foreign ministry criticised Israel.",
     "The kingdom's foreign ministry", "SAUGOV"),
    ("Mali expelled the French ambassador, and the country's junta accused France of interference.",
     "the country's junta", "MLIGOV"),
])
def test_the_countrys_agents_are_of_the_country_named_before(text: str, actor: str, code: str) -> None:
    assert (actor, code) in {(a["text"], a["code"]) for a in record(text)["actors"]}


@pytest.mark.parametrize(("text", "code"), [
    ("Gunmen attacked a Nigerian business in Kano. They fled on motorcycles.", "NGAUAF"),
    ("Police in Lagos raided a Nigerian business. They arrested six men.", "NGACOP"),
    ("Protesters in Nairobi blocked a Kenyan business park. They demanded lower taxes.", "KENOPP"),
])
def test_they_stands_for_a_plural_group_not_a_word_ending_in_s(text: str, code: str) -> None:
    # 'business' ends in -s but is one; 'gunmen' and 'police' are plurals without one
    assert {a["code"] for a in record(text)["actors"] if a["text"] == "They"} == {code}
