"""A people's word between a country's possessive and an agent noun names people of that country: "Bosnia's
Serb leader" is a leader in Bosnia (BIHGOV), not Serbia's; "Iraq's Kurdish leader" is Iraq's. A state's
adjective there names that state ("Russia's Ukrainian counterpart" UKRGOV). Without the possessive, the
people's word codes the agent as before ('Serb leaders' SRBGOV)."""

from __future__ import annotations

import pytest

from analysis.extract.pipeline import extract_record
from analysis.io.articles import article_from_text


def _actors(text: str) -> dict[str, str]:
    return {a["text"]: a["code"] for a in extract_record(article_from_text(text, date="2023-09-11"))["actors"]}


@pytest.mark.parametrize(("text", "agent", "code"), [
    ("Bosnia's Serb leader threatened to hold a referendum on secession.", "Bosnia's Serb leader", "BIHGOV"),
    ("Iraq's Kurdish leaders rejected the budget proposed by Baghdad.", "Iraq's Kurdish leaders", "IRQGOV"),
    ("Spain's Catalan president called for new talks.", "Spain's Catalan president", "ESPGOV"),
    ("On Monday, Ethiopia's Tigrayan leaders accused the army of abuses.", "Ethiopia's Tigrayan leaders", "ETHGOV"),
    ("Syria's Kurdish leaders accused Turkey of shelling Kobani.", "Syria's Kurdish leaders", "SYRGOV"),
    ("Croatia's Serb leaders protested the ruling.", "Croatia's Serb leaders", "HRVGOV"),
])
def test_a_peoples_word_after_a_possessive_is_the_possessors(text: str, agent: str, code: str) -> None:
    actors = _actors(text)
    assert actors.get(agent) == code
    people_word = agent.split()[1]
    assert not any(t.startswith(people_word) for t in actors)  # the people's word makes no agent of its own


@pytest.mark.parametrize(("text", "expected"), [
    ("Serb leaders met Bosnian officials in Sarajevo.", {"Serb leaders": "SRBGOV", "Bosnian officials": "BIHGOV"}),
    ("Bosnia's leader met Serb officials in Belgrade.", {"Bosnia's leader": "BIHGOV", "Serb officials": "SRBGOV"}),
    ("Albanian officials criticised Serbia's government.",
     {"Albanian officials": "ALBGOV", "Serbia's government": "SRBGOV"}),
])
def test_without_a_possessive_the_peoples_word_codes_its_agent(text: str, expected: dict[str, str]) -> None:
    assert expected.items() <= _actors(text).items()


@pytest.mark.parametrize(("text", "agent", "code"), [
    ("Russia's Ukrainian counterpart met the minister in Minsk.", "Ukrainian counterpart", "UKRGOV"),
    ("Turkey's Syrian rebels attacked Kurdish positions.", "Syrian rebels", "SYRREB"),
    ("Iran's Iraqi militias attacked U.S. troops.", "Iraqi militias", "IRQUAF"),
])
def test_a_states_adjective_after_a_possessive_names_that_state(text: str, agent: str, code: str) -> None:
    assert _actors(text).get(agent) == code


def test_the_possessors_agent_acts_in_the_event() -> None:
    record = extract_record(article_from_text("Bosnia's Serb leader threatened Sarajevo with secession.",
                                              date="2023-09-11"))
    assert {e["source"] for e in record["events"]} == {"BIHGOV"}


@pytest.mark.parametrize(("text", "agent", "code"), [
    ("Syria's Iran-backed militias attacked US troops.", "Iran-backed militias", "SYRUAF"),
    ("Iraq's Iran-backed militias fired rockets at a US base.", "Iran-backed militias", "IRQUAF"),
    ("Lebanon's Iran-backed militants attacked Israeli positions.", "Iran-backed militants", "LBNUAF"),
    ("Yemen's Iran-backed rebels fired missiles at Saudi Arabia.", "Iran-backed rebels", "YEMREB"),
])
def test_a_sided_group_after_a_possessive_is_the_possessors(text: str, agent: str, code: str) -> None:
    assert _actors(text).get(agent) == code


def test_without_a_possessive_a_sided_group_acts_where_its_sentence_is_set() -> None:
    assert _actors("Russian-backed separatists shelled Mariupol.").get("Russian-backed separatists") == "UKRREB"
