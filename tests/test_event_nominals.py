"""Event nouns that news writes for a verb and its object ('the lifting of sanctions on X' for 'lifted
sanctions on X'), after a light verb that makes its subject the actor ('announced', 'approved', 'ordered'),
and other constructions of news writing added for issue 16; each with sentences that vary the countries,
people, verbs and word order."""

from __future__ import annotations

from typing import Any

import pytest

from analysis.extract.pipeline import extract_record
from analysis.io.articles import article_from_text

DATE = "2025-06-02"


def events(text: str) -> list[dict[str, Any]]:
    return extract_record(article_from_text(text, date=DATE))["events"]


def show(evs: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(e["source"], e["cameo"], e["plover"], e["target"], e["trigger"]) for e in evs]


def coded(evs: list[dict[str, Any]], source: str | None, target: str | None, plover: str) -> list[dict[str, Any]]:
    return [e for e in evs if e["source_country"] == source and e["target_country"] == target and e["plover"] == plover]


# ---- the noun of a verb phrase: 'the lifting of sanctions', 'the suspension of aid' -------------------

@pytest.mark.parametrize(("text", "source", "target", "cameo"), [
    ("Canada announced the lifting of its sanctions on Zimbabwe.", "CAN", "ZWE", "085"),
    ("The Swiss government on Monday announced the easing of sanctions against Syria.", "CHE", "SYR", "085"),
    ("Oslo announced the lifting of the curfew in Lillehammer.", "NOR", "NOR", "0813"),
    ("Last week Jordan ordered the lifting of restrictions on Iraqi traders.", "JOR", "IRQ", "081"),
])
def test_lifting_or_easing_a_sanction_is_a_retreat_or_concession(text: str, source: str, target: str,
                                                                  cameo: str) -> None:
    evs = events(text)
    found = [e for e in evs if e["source_country"] == source and e["cameo"] == cameo]
    assert found and found[0]["target_country"] == target, show(evs)


@pytest.mark.parametrize(("text", "source", "target", "cameo"), [
    ("Sweden announced the suspension of military aid to Uganda.", "SWE", "UGA", "1622"),
    ("Denmark has ordered the suspension of aid to Tanzania after the elections.", "DNK", "TZA", "162"),
    ("The Dutch parliament approved the imposition of sanctions on Eritrea.", "NLD", "ERI", "163"),
    ("Lithuania's government authorized the cutting of diplomatic ties with Belarus.", "LTU", "BLR", "161"),
])
def test_suspending_or_imposing_a_sanction_as_a_noun_is_a_sanction(text: str, source: str, target: str,
                                                                   cameo: str) -> None:
    evs = events(text)
    found = coded(evs, source, target, "SANCTION")
    assert found and found[0]["cameo"] == cameo, show(evs)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Ecuador severed relations with Nicaragua on Friday.", "ECU", "NIC"),
    ("The government of Honduras severed diplomatic relations with Taiwan.", "HND", "TWN"),
    ("Nicaragua, after weeks of tension, severed ties with the Netherlands.", "NIC", "NLD"),
])
def test_severing_relations_breaks_ties(text: str, source: str, target: str) -> None:
    evs = events(text)
    found = coded(evs, source, target, "SANCTION")
    assert found and found[0]["cameo"] == "161", show(evs)


def test_a_verb_phrase_noun_without_an_actor_before_it_stays_without_a_source() -> None:
    evs = events("The lifting of sanctions on Cuba was discussed at length.")
    assert all(e["source"] is None for e in evs), show(evs)


# ---- 'after', 'since', 'before' between commas without a verb open a phrase, not a clause ----------

@pytest.mark.parametrize(("text", "source", "target", "plover"), [
    ("Nicaragua, after weeks of tension, severed ties with Spain.", "NIC", "ESP", "SANCTION"),
    ("Peru, before the vote, expelled two Bolivian diplomats.", "PER", "BOL", "SANCTION"),
    ("Chile, since the election in March, has rejected talks with Bolivia.", "CHL", "BOL", "REJECT"),
    ("The Kenyan army, after a week of heavy fighting, attacked Somali militants in Kismayo.", "KEN", "SOM", "FIGHT"),
])
def test_a_verbless_phrase_between_commas_keeps_the_subject(text: str, source: str, target: str,
                                                            plover: str) -> None:
    evs = events(text)
    assert coded(evs, source, target, plover), show(evs)


def test_a_clause_after_a_subordinator_still_has_its_own_subject() -> None:
    evs = events("After Russia invaded, Ukraine severed ties with Moscow.")
    assert coded(evs, "UKR", "RUS", "SANCTION"), show(evs)
    assert not [e for e in evs if e["source_country"] == "RUS" and e["plover"] == "SANCTION"], show(evs)


# ---- passives: the agent named in the means, and the actor's unit as the patient -----------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Two Afghan soldiers were killed in an attack by Taliban fighters.", "AFGREB", "AFGMIL"),
    ("Four Colombian policemen were killed on Sunday in an ambush by FARC rebels near Cali.", "COLREB", "COLCOP"),
    ("Several Somali soldiers were wounded in an attack by al-Shabaab militants in Mogadishu.", "SOMREB", "SOMMIL"),
])
def test_a_passive_takes_its_agent_from_the_means(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source"] and e["source"].startswith(source[:3]) and e["target"] == target
            and e["plover"] in ("FIGHT", "ASSAULT")], show(evs)


@pytest.mark.parametrize(("text", "target"), [
    ("A Turkish military convoy was attacked near the Iraqi border.", "TURMIL"),
    ("A Pakistani army patrol was ambushed in Waziristan.", "PAKMIL"),
    ("Two Indian navy vessels were seized by Iranian forces in the Gulf.", "INDMIL"),
])
def test_a_passive_patient_may_end_on_a_unit_or_vehicle_of_its_actor(text: str, target: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["target"] == target], show(evs)


def test_a_possession_of_an_actor_is_no_patient() -> None:
    evs = events("Australia's banana crop was destroyed by floods.")
    assert not [e for e in evs if e["target_country"] == "AUS"], show(evs)


# ---- the actor whose act or word the object names: 'rejected a proposal from X' -----------------

@pytest.mark.parametrize(("text", "source", "target", "plover"), [
    ("North Korea rejected a proposal for talks from South Korea.", "PRK", "KOR", "REJECT"),
    ("Armenia on Friday rejected the latest demands from Azerbaijan.", "ARM", "AZE", "REJECT"),
    ("Ukraine called for the release of prisoners held by Russia.", "UKR", "RUS", "REQUEST"),
    ("France condemned the missile attack on Kyiv by Russia.", "FRA", "RUS", "DISAPPROVE"),
    ("Egypt welcomed an offer of mediation from Qatar.", "EGY", "QAT", "SUPPORT"),
])
def test_an_actor_after_by_or_from_in_the_object_is_the_target(text: str, source: str, target: str,
                                                               plover: str) -> None:
    evs = events(text)
    assert coded(evs, source, target, plover), show(evs)


# ---- 'clashes erupted between X and Y', 'Fighting broke out between X and Y' ----------------------

@pytest.mark.parametrize(("text", "pair"), [
    ("Fighting broke out between the Sudanese army and Ethiopian troops.", {"SDN", "ETH"}),
    ("Clashes erupted between Indian and Chinese troops in Ladakh.", {"IND", "CHN"}),
    ("Heavy fighting raged between Armenian and Azerbaijani forces on Tuesday.", {"ARM", "AZE"}),
])
def test_a_fight_that_broke_out_between_two_actors(text: str, pair: set[str]) -> None:
    evs = events(text)
    assert [e for e in evs if e["plover"] == "FIGHT" and {e["source_country"], e["target_country"]} == pair], \
        show(evs)


# ---- 'seeking to' is an attempt, not a request ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Japan is seeking to improve relations with South Korea.",
    "Ghana sought to calm tensions with Togo on Monday.",
    "The Kenyan government seeks to expand trade with Ethiopia.",
])
def test_seeking_to_do_something_is_no_request(text: str) -> None:
    evs = events(text)
    assert not [e for e in evs if e["plover"] == "REQUEST"], show(evs)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Pakistan sought US help against the militants.", "PAK", "USA"),
    ("Brazil is seeking support from China for its bid.", "BRA", "CHN"),
    ("Iran is seeking to buy drones from Russia.", "IRN", "RUS"),
])
def test_seeking_something_from_an_actor_stays_its_act(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source_country"] == source and e["target_country"] == target], show(evs)


# ---- 'its' in the object of a plural subject refers to the speaker ---------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Greece said Turkish jets violated its airspace.", "TUR", "GRC"),
    ("Russia said Ukrainian drones attacked its oil refineries.", "UKR", "RUS"),
    ("Syria said Israeli warplanes struck its territory overnight.", "ISR", "SYR"),
])
def test_its_after_a_plural_subject_is_the_speakers(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source_country"] == source and e["target_country"] == target], show(evs)


def test_its_after_a_singular_subject_stays_the_subjects() -> None:
    evs = events("Russia said Ukraine withdrew its troops from Kherson.")
    assert not [e for e in evs if e["target_country"] == "RUS"], show(evs)


# ---- recalling an ambassador from or to a country --------------------------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Lithuania recalled its ambassador from China.", "LTU", "CHN"),
    ("Moscow recalled its ambassador to Washington for consultations.", "RUS", "USA"),
    ("Algeria on Saturday recalled its ambassador from Spain over the dispute.", "DZA", "ESP"),
])
def test_recalling_an_ambassador_targets_the_host(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert coded(evs, source, target, "SANCTION"), show(evs)


# ---- 'part of', 'most of' inside the object of a verb phrase ----------------------------------------

@pytest.mark.parametrize(("text", "source", "target", "cameo"), [
    ("Washington suspended part of its military aid for Egypt.", "USA", "EGY", "1622"),
    ("Britain withdrew most of its troops from Afghanistan last year.", "GBR", "AFG", "0874"),
    ("The European Union lifted some of its sanctions on Myanmar.", "EUR", "MMR", "085"),
])
def test_a_partitive_inside_the_object_keeps_the_phrase(text: str, source: str, target: str, cameo: str) -> None:
    evs = events(text)
    found = [e for e in evs if e["cameo"] == cameo and e["target_country"] == target]
    assert found and (found[0]["source_country"] == source or source in (found[0]["source"] or "")), show(evs)


# ---- the recipient between a light verb and its noun: 'gave Sri Lanka a loan' ------------------------

@pytest.mark.parametrize(("text", "source", "target", "root"), [
    ("Japan will give Sri Lanka a loan to rebuild its ports.", "JPN", "LKA", "03"),
    ("Finland gave Tanzania a loan of 50 million euros on Monday.", "FIN", "TZA", "07"),
    ("Russia gave Syria a stern warning on Friday.", "RUS", "SYR", "13"),
    ("The Chinese president paid Kenya a state visit in May.", "CHN", "KEN", "04"),
])
def test_the_recipient_after_a_light_verb_is_the_target(text: str, source: str, target: str, root: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source_country"] == source and e["target_country"] == target
            and e["root"] == root], show(evs)


# ---- a reduced passive relative: 'the ceasefire proposed by Russia' ---------------------------------

@pytest.mark.parametrize(("text", "wrong_source", "agent"), [
    ("Armenia accepted the ceasefire proposed by Russia.", "ARM", "RUS"),
    ("Iran condemned the sanctions imposed by the United States on its oil sector.", "IRN", "USA"),
    ("Ukraine rejected the peace plan put forward by China.", "UKR", "CHN"),
])
def test_the_agent_of_a_reduced_passive_relative_is_its_actor(text: str, wrong_source: str, agent: str) -> None:
    evs = events(text)
    # the relative's act is never the sentence subject's act on the agent
    assert not [e for e in evs if e["source_country"] == wrong_source and e["target_country"] == agent
                and e["plover"] in ("REQUEST", "SANCTION", "AGREE")], show(evs)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("The restrictions imposed by Britain on Iran took effect on Monday.", "GBR", "IRN"),
    ("The blockade imposed by Azerbaijan on Armenia lasted ten months.", "AZE", "ARM"),
])
def test_a_reduced_relative_keeps_the_target_after_its_agent(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source_country"] == source and e["target_country"] == target], show(evs)


# ---- a passive act of a state's kind in a country is that state's act --------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("A Canadian missionary was arrested in Lebanon for spying.", "LBN", "CAN"),
    ("Three Chinese nationals were deported from Vietnam on Thursday.", "VNM", "CHN"),
    ("Two French journalists were detained in Iran last month.", "IRN", "FRA"),
])
def test_a_passive_arrest_in_a_country_is_its_authorities_act(text: str, source: str, target: str) -> None:
    evs = events(text)
    found = coded(evs, source, target, "COERCE")
    assert found and found[0]["source"] == source + "GOV", show(evs)


@pytest.mark.parametrize("text", [
    "Two Canadian soldiers were killed in Kandahar on Tuesday.",
    "Four Afghan civilians were wounded by a roadside bomb in Kabul.",
])
def test_a_passive_killing_in_a_country_keeps_an_unknown_agent(text: str) -> None:
    evs = events(text)
    assert evs and all(e["source"] is None for e in evs), show(evs)


# ---- a sanction or concession on a flow falls on the flow's other country ----------------------------

@pytest.mark.parametrize(("text", "source", "target", "plover"), [
    ("Washington eased restrictions on travel to Cuba.", "USA", "CUB", "CONCEDE"),
    ("The European Union imposed sanctions on imports from Belarus.", "EUR", "BLR", "SANCTION"),
    ("Japan lifted its ban on beef imports from the United States.", "JPN", "USA", "CONCEDE"),
    ("Last year India imposed curbs on trade with Nepal.", "IND", "NPL", "COERCE"),
])
def test_a_measure_on_a_flow_targets_its_other_country(text: str, source: str, target: str, plover: str) -> None:
    evs = events(text)
    found = [e for e in evs if e["target_country"] == target and e["plover"] == plover
             and (e["source_country"] == source or source in (e["source"] or ""))]
    assert found, show(evs)


# ---- 'X said its forces had ...': the speaker's people act ------------------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("The Russian defence ministry said its forces had shot down 20 Ukrainian drones.", "RUSMIL", "UKRMIL"),
    ("Kenya said its troops killed 40 al-Shabaab militants in Somalia.", "KENMIL", "SOMREB"),
    ("The Pakistani government said on Monday that its soldiers had attacked Afghan border posts.", "PAKMIL", "AFG"),
])
def test_its_forces_in_a_report_are_the_speakers(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source"] == source and (e["target"] or "").startswith(target)], show(evs)


# ---- an '-s' word after the object of a verb is a noun: 'struck Hezbollah targets' -------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("The United States struck Houthi targets in Yemen.", "USA", "YEM"),
    ("Israeli jets hit Hamas targets in Gaza overnight.", "ISR", "PSE"),
    ("Turkish artillery shelled Kurdish militia positions and PKK targets in northern Iraq.", "TUR", None),
])
def test_a_plural_after_a_verbs_object_is_no_verb(text: str, source: str, target: str | None) -> None:
    evs = events(text)
    assert not [e for e in evs if e["trigger"] == "targets"], show(evs)
    if target is not None:
        assert [e for e in evs if e["source_country"] == source and e["target_country"] == target], show(evs)


def test_a_plural_verb_after_its_subject_stays_a_verb() -> None:
    evs = events("Hezbollah targets Israeli positions with rockets.")
    assert [e for e in evs if e["trigger"] == "targets" and e["target_country"] == "ISR"], show(evs)


# ---- a concession after talks with, or under pressure from, an actor answers that actor --------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("The union called off its strike after talks with the Nigerian government.", "NGA", "NGAGOV"),
    ("Serbia eased border controls following negotiations with Kosovo.", "SRB", "XKX"),
    ("The Malian junta backed down under pressure from ECOWAS.", "MLI", "IGOWAFWAS"),
])
def test_a_concession_after_talks_answers_the_other_party(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source_country"] == source and e["target"] == target
            and e["plover"] == "CONCEDE"], show(evs)


def test_a_release_after_talks_does_not_target_the_mediator() -> None:
    evs = events("Hamas freed four hostages following negotiations with Qatar.")
    assert not [e for e in evs if e["plover"] == "RETREAT" and e["target_country"] == "QAT"], show(evs)


# ---- the target after a trigger phrase's own preposition, and after a longer title ------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Opposition supporters in Athens marched against the country's prime minister Kyriakos Mitsotakis.",
     "GRCOPP", "GRCGOV"),
    ("Activists from the Fatah Party staged rallies in Gaza against the party's leader Mahmoud Abbas.",
     None, "PSEGOV"),
    ("Students in Belgrade marched against President Aleksandar Vucic on Saturday.", None, "SRBGOV"),
])
def test_a_protest_against_a_titled_leader(text: str, source: str | None, target: str) -> None:
    evs = events(text)
    found = [e for e in evs if e["plover"] == "PROTEST" and e["target"] == target]
    assert found and (source is None or found[0]["source"] == source), show(evs)


# ---- what a protest voices names its target ---------------------------------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Egyptian demonstrators rioted following a peaceful demonstration calling for the removal of "
     "President Hosni Mubarak.", "EGYOPP", "EGYGOV"),
    ("Palestinian youths threw stones during demonstrations against abuses by the Israeli military, "
     "officials said.", "PSE", "ISRMIL"),
    ("Hundreds of Serbian students marched in Belgrade, denouncing the government of Aleksandar Vucic.",
     "SRBEDU", "SRBGOV"),
])
def test_a_protest_takes_the_target_of_what_it_voices(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["plover"] == "PROTEST" and e["source"] and e["source"].startswith(source)
            and e["target"] == target], show(evs)


@pytest.mark.parametrize("text", [
    "Governor Smith stopped in Fargo and Moorhead, urging residents to join the flood fight.",
    "The actress arrived today in Athens, Greece, taking part in a promotion of cosmetics.",
])
def test_a_participle_after_a_comma_is_no_main_act_of_the_place_before(text: str) -> None:
    evs = events(text)
    # the place before the comma (a bare country code) does not act; the subject may ('Smith ... urging residents')
    assert not [e for e in evs if e["trigger"] in ("urging", "taking part") and len(e["source"] or "") == 3], show(evs)


# ---- 'X and Y accused each other': every pair, both ways ---------------------------------------------

@pytest.mark.parametrize(("text", "members"), [
    ("Armenia and Azerbaijan accused each other of violating the ceasefire.", ("ARM", "AZE")),
    ("Serbia and Croatia criticised each other over the border dispute on Monday.", ("SRB", "HRV")),
    ("Ethiopia, Sudan and Egypt accused one another of stalling.", ("ETH", "SDN", "EGY")),
])
def test_a_mutual_act_of_a_compound_subject_goes_both_ways(text: str, members: tuple[str, ...]) -> None:
    got = {(e["source_country"], e["target_country"]) for e in events(text) if e["plover"] == "DISAPPROVE"}
    assert {(a, b) for a in members for b in members if a != b} <= got, got


# ---- an actor named by its means: 'a suicide bomber killed ...' --------------------------------------

@pytest.mark.parametrize(("text", "cameo"), [
    ("A suicide bomber killed 15 people at a mosque in Peshawar.", "1831"),
    ("Two suicide bombers attacked a market in Maiduguri on Friday, killing 20 people.", "1831"),
    ("A car bomber killed nine policemen outside a station in Kirkuk.", "1832"),
])
def test_an_actor_named_by_its_means_codes_the_act(text: str, cameo: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["cameo"] == cameo and e["plover"] == "ASSAULT"], show(evs)


def test_bombers_may_be_aircraft() -> None:
    evs = events("Russian bombers struck Aleppo overnight.")
    assert evs and all(e["plover"] == "FIGHT" for e in evs), show(evs)


# ---- a demonym before the head noun of a verb phrase's object: 'handed over 32 Armenian prisoners' ----

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Azerbaijan handed over 32 Armenian prisoners to Armenia.", "AZE", "ARM"),
    ("Ukraine returned 40 prisoners to Russia under the deal.", "UKR", "RUS"),
    ("Belarus on Tuesday released 18 Lithuanian detainees.", "BLR", "LTU"),
])
def test_a_release_of_prisoners_named_by_their_country(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source_country"] == source and e["target_country"] == target
            and e["cameo"] == "0841"], show(evs)
