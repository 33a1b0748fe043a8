"""Second-round constructions of issue 16: gatherings dispersed by force, ceasefires signed or accepted
(each with sentences that vary the countries, forces, verbs and word order)."""

from __future__ import annotations

from typing import Any

import pytest

from analysis.extract.pipeline import extract_record
from analysis.io.articles import article_from_text

DATE = "2024-03-04"


def events(text: str) -> list[dict[str, Any]]:
    return extract_record(article_from_text(text, date=DATE))["events"]


def show(evs: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(e["source"], e["cameo"], e["target"], e["trigger"], e["modality"]) for e in evs]


# ---- dispersing a gathering: force against it (175), never the gathering's own leaving --------------

@pytest.mark.parametrize(("text", "source"), [
    ("Riot police dispersed a crowd of protesters in Nairobi with tear gas.", "KEN"),
    ("In Dhaka, Bangladeshi police used batons to disperse the rally on Sunday.", "BGD"),
    ("Belarusian security forces dispersed demonstrations in Minsk and Grodno.", "BLR"),
    ("Guinean soldiers dispersed the crowds outside the presidential palace in Conakry, witnesses said.", "GIN"),
])
def test_dispersing_a_gathering_is_repression(text: str, source: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["cameo"] == "175" and e["source_country"] == source], show(evs)


@pytest.mark.parametrize("text", [
    "The protesters dispersed peacefully after the speeches in Accra.",
    "By nightfall the crowd in Tbilisi had dispersed.",
    "Demonstrators in Lima dispersed before the police arrived.",
])
def test_a_gathering_that_disperses_is_no_repression(text: str) -> None:
    evs = events(text)
    assert not [e for e in evs if e["cameo"] == "175"], show(evs)


# ---- a ceasefire signed or accepted is a declared ceasefire (0871, RETREAT) -------------------------

@pytest.mark.parametrize(("text", "source"), [
    ("The Houthis accepted a ceasefire proposed by Saudi Arabia.", "YEM"),
    ("Azerbaijan signed a truce with Armenian separatists on Tuesday.", "AZE"),
    ("After weeks of shelling, Ukraine accepted the ceasefire, its foreign ministry said.", "UKR"),
    ("Ethiopian rebels from Tigray signed the ceasefire in Pretoria.", "ETH"),
])
def test_signing_or_accepting_a_ceasefire_declares_one(text: str, source: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["cameo"] == "0871" and e["plover"] == "RETREAT" and e["source_country"] == source], \
        show(evs)


# ---- an agentless passive of a retreat: the forces retreat, nobody acts on them -----------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Colombia's FARC rebels have been demobilised under the peace deal.", "COL", None),
    ("Albanian guerrillas were disarmed after the accord, a NATO spokesman said.", "ALB", None),
    ("Russian troops were pulled back from the Ukrainian border on Tuesday.", "RUS", "UKR"),
    ("Last year thousands of Kurdish fighters in Iraq were demobilized.", "IRQ", None),
])
def test_an_agentless_passive_retreat_is_the_subjects(text: str, source: str, target: str | None) -> None:
    evs = events(text)
    assert [e for e in evs if e["plover"] == "RETREAT" and e["source_country"] == source
            and e["target_country"] == target], show(evs)


def test_a_retreat_imposed_by_an_agent_stays_the_agents() -> None:
    evs = events("The Eritrean units had been demobilized by the Ethiopian government.")
    assert [e for e in evs if e["plover"] == "RETREAT" and e["source_country"] == "ETH"], show(evs)


# ---- a headline's subject joined by commas alone: 'Kenya, Ethiopia sign pact' -------------------------

@pytest.mark.parametrize(("text", "members"), [
    ("Kenya, Ethiopia sign border security pact", {"KEN", "ETH"}),
    ("Turkey, Greece hold talks on maritime dispute", {"TUR", "GRC"}),
    ("Russia, China to hold joint naval drills", {"RUS", "CHN"}),
    ("Egypt, Sudan condemn attack on Khartoum", {"EGY", "SDN"}),
])
def test_a_headline_comma_list_is_a_compound_subject(text: str, members: set[str]) -> None:
    evs = events(text)
    assert members <= {e["source_country"] for e in evs} | {e["target_country"] for e in evs}, show(evs)


def test_an_appositive_after_a_comma_is_no_list_member() -> None:
    evs = events("Pakistan, India's neighbour, condemned the attack on Kabul.")
    assert not [e for e in evs if {e["source_country"], e["target_country"]} == {"PAK", "IND"}], show(evs)


# ---- a headline's 'X to VERB' is planned, as 'X will VERB' is ----------------------------------------

@pytest.mark.parametrize(("text", "will"), [
    ("Russia to expel ten British diplomats", "Russia will expel ten British diplomats."),
    ("Kenya, Ethiopia to sign border security pact", "Kenya and Ethiopia will sign a border security pact."),
    ("The United States to impose new sanctions on Venezuela",
     "The United States will impose new sanctions on Venezuela."),
    ("Nigeria to withdraw its peacekeepers from Chad", "Nigeria will withdraw its peacekeepers from Chad."),
])
def test_a_headline_infinitive_is_planned(text: str, will: str) -> None:
    evs, ref = events(text), events(will)
    assert evs and all(e["modality"] == "planned" for e in evs), show(evs)
    assert {(e["source_country"], e["cameo"], e["target_country"]) for e in evs} == \
        {(e["source_country"], e["cameo"], e["target_country"]) for e in ref}, (show(evs), show(ref))


@pytest.mark.parametrize("text", [
    "Ethiopia sent troops to Somalia to fight al-Shabaab.",
    "Officials flew from Nairobi to meet Ethiopian leaders in Addis Ababa.",
])
def test_an_infinitive_inside_a_sentence_is_no_headline(text: str) -> None:
    evs = events(text)
    assert not [e for e in evs if e["modality"] == "planned" and e["trigger"].split()[0] in ("sent", "flew")], show(evs)


# ---- 'the withdrawal of X forces from Y': the forces' state retreats from Y ---------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("The pull-out of Russian forces from Georgia began on Monday.", "RUS", "GEO"),
    ("A pullout of Ethiopian forces from Somalia is expected by March.", "ETH", "SOM"),
    ("The United States speeded up the withdrawal of some invasion forces from Panama.", "USA", "PAN"),
])
def test_a_withdrawal_of_forces_is_their_retreat(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["plover"] == "RETREAT" and e["source_country"] == source
            and e["target_country"] == target], show(evs)
