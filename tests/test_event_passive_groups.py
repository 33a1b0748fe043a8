"""Passives whose subject is a group of people and whose agent stands anywhere in the clause: news reports
what befell people ('Dozens of students were arrested by police in Dhaka') as often as who did it. The group
is the target, where the sentence is set; the actor after 'by' the source, after the verb's other phrases too
('was arrested at his home on Tuesday by police')."""

from __future__ import annotations

import pytest

from tests.coded_samples import actor_codes, events, show


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Dozens of students were arrested by police in Dhaka.", "BGDCOP", "BGDEDU"),
    ("Protesters were beaten by riot police in Caracas.", "VENCOP", "VENOPP"),
    ("Hundreds of migrants have been detained by Libyan coast guards near Tripoli.", "LBYMIL", "LBYCVL"),
    ("Several activists were reportedly tortured by security forces in Harare.", "ZWECOP", "ZWEOPP"),
    ("In Tehran, striking workers were arrested by police.", "IRNCOP", "IRNLAB"),
])
def test_a_group_that_a_passive_befalls_is_its_target(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert any(e["source"] == source and e["target"] == target for e in evs), show(evs)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The opposition leader was arrested at his home on Tuesday by Zimbabwean police.", "ZWECOP", "ZWEOPP"),
    ("Two French journalists were kidnapped in northern Mali by gunmen.", "MLIUAF", "FRAMED"),
    ("A Turkish diplomat was summoned on Monday by the Dutch foreign ministry.", "NLDGOV", "TURGOV"),
    ("Three Pakistani soldiers were killed on Sunday by militants in North Waziristan.", "PAKUAF", "PAKMIL"),
])
def test_the_agent_after_the_verbs_other_phrases(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert any(e["source"] == source and e["target"] == target for e in evs), show(evs)


def test_a_by_after_a_clause_break_is_no_agent() -> None:
    # the report's author is not who detained them
    evs = events("Two activists were detained in Minsk, according to a statement by Amnesty International.")
    assert evs and not any(e["source"] and e["source"].startswith("NGO") for e in evs), show(evs)


@pytest.mark.parametrize(("text", "code"), [
    ("Five civilians were killed in a Russian missile strike on Kyiv on Tuesday.", "UKRCVL"),
    ("Two farmers were wounded by Turkish shelling near Kobani.", "SYRAGR"),
    ("Three villagers were killed in a Saudi air strike.", "CVL"),  # no place: not the striker's people
])
def test_victims_stand_where_the_act_falls_not_with_the_attackers_adjective(text: str, code: str) -> None:
    codes = actor_codes(text)
    assert code in codes.values(), codes


@pytest.mark.parametrize(("text", "span"), [
    ("No residents were hurt in the fire in Nairobi.", "No residents"),  # nobody
    ("None of the farmers were hurt near Eldoret.", "farmers"),
    ("Farmers were angry about the prices in Kenya.", "Farmers"),  # no passive of an act
    ("Lincoln Middle School was closed by officials in Omaha.", "Middle School"),  # a name's words
])
def test_no_victim_group_without_a_passive_befalling_many(text: str, span: str) -> None:
    assert span not in actor_codes(text)


def test_an_office_of_a_side_keeps_its_sector() -> None:
    """'the opposition leader' is the opposition's (OPP), as the agents table codes the phrase, not the head's GOV."""
    assert actor_codes("The opposition leader was arrested in Harare.").get("The opposition leader") == "ZWEOPP"
    assert actor_codes("The prime minister met the opposition leader in Dhaka.").get("The prime minister") == "BGDGOV"


def test_one_person_of_a_passive_is_no_group() -> None:
    assert "woman" not in actor_codes("A woman was hit by a car in Accra.")


@pytest.mark.parametrize("text", [
    "Protesters were arrested at a rally organised by the opposition party in Kampala.",
    "The aid convoy was attacked on a road controlled by the Taliban.",
    "A journalist was killed in a strike on a building used by Hamas in Gaza.",
])
def test_the_by_of_another_participle_is_not_the_passives_agent(text: str) -> None:
    evs = events(text)
    assert all(e["source"] is None for e in evs), show(evs)


@pytest.mark.parametrize("text", [
    "Villagers were displaced by fighting in Sudan.",
    "Families were driven out by shelling in Donetsk.",
    "Residents were forced to flee by clashes near Goma.",
])
def test_a_passives_victims_do_not_fight_the_gerund_of_its_by(text: str) -> None:
    evs = events(text)
    assert not any(e["source"] and e["source"][3:] in ("CVL", "AGR", "EDU") for e in evs), show(evs)


def test_an_adverb_ending_the_text_makes_no_passive() -> None:
    assert "Many villagers" not in actor_codes("Many villagers were reportedly.")


@pytest.mark.parametrize(("text", "place"), [
    ("Civilians were killed in a Russian missile strike on Kharkiv.", "Kharkiv"),
    ("Rebels launched an attack on Goma on Friday.", "Goma"),
    ("Three civilians were killed in an Israeli air strike on Rafah.", "Rafah"),
    ("Militants carried out a suicide attack on Peshawar on Monday.", "Peshawar"),
])
def test_a_violent_act_on_a_place_happens_there(text: str, place: str) -> None:
    evs = events(text)
    assert any((e["place"] or {}).get("name") == place for e in evs), show(evs)


def test_talks_on_a_place_are_not_held_there() -> None:
    evs = events("Russia and Ukraine held talks on Crimea in Istanbul.")
    assert evs and all((e["place"] or {}).get("name") == "Istanbul" for e in evs), show(evs)
