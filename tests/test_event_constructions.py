"""The event coder on the constructions of news writing, each with sentences that vary the countries,
people, verbs and word order (the rules must follow the construction, not one sentence)."""

from __future__ import annotations

from typing import Any

import pytest

from analysis.extract.pipeline import extract_record
from analysis.io.articles import article_from_text

DATE = "2024-03-04"


def events(text: str) -> list[dict[str, Any]]:
    return extract_record(article_from_text(text, date=DATE))["events"]


def pairs(evs: list[dict[str, Any]]) -> set[tuple[str | None, str | None]]:
    return {(e["source_country"], e["target_country"]) for e in evs}


def show(evs: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(e["source"], e["cameo"], e["target"], e["trigger"], e["modality"]) for e in evs]


# ---- object control: the infinitive is the object's act, never the subject's -----------------------

@pytest.mark.parametrize(("text", "subject"), [
    ("Sweden wants Denmark to attack Norway.", "SWE"),
    ("Officials in Ankara expect Greece to close the border with Bulgaria.", "TUR"),
    ("Pakistan would like India to withdraw its troops from Nepal.", "PAK"),
    ("The Chinese government wants Vietnam to stop drilling near the Paracel Islands.", "CHN"),
])
def test_object_control_is_not_the_subjects_act(text: str, subject: str) -> None:
    evs = events(text)
    assert not [e for e in evs if e["source_country"] == subject and e["plover"] in ("FIGHT", "RETREAT", "COERCE")
                and e["modality"] == "asserted"], show(evs)


@pytest.mark.parametrize("text", [
    "Russia sent troops to Syria to fight the rebels.",
    "Turkey deployed tanks to Idlib to protect its outposts.",
])
def test_purpose_after_a_place_stays_the_subjects(text: str) -> None:
    evs = events(text)
    assert evs and evs[0]["source_country"] in ("RUS", "TUR"), show(evs)


# ---- accusations through a report or a speaker: the accusation and the alleged act ----------------

@pytest.mark.parametrize(("text", "accuser", "actor", "victim"), [
    ("A UN report alleged that Eritrean troops shelled border villages in Ethiopia.", None, "ERI", "ETH"),
    ("Turkey alleged on Monday that Greek coast guard ships had fired on Turkish fishermen.", "TUR", "GRC", "TUR"),
    ("Kenya accused on Friday that Somali militants attacked a police post in Mandera.", "KEN", "SOM", "KEN"),
    ("An Amnesty International report alleged that Nigerian soldiers tortured detainees in Maiduguri.",
     None, "NGA", "NGA"),
])
def test_alleged_act_and_accusation(text: str, accuser: str | None, actor: str, victim: str) -> None:
    evs = events(text)
    accusations = [e for e in evs if e["plover"] == "DISAPPROVE" and e["target_country"] == actor]
    assert accusations, show(evs)
    if accuser is not None:
        assert accusations[0]["source_country"] == accuser
    acts = [e for e in evs if e["source_country"] == actor and e["plover"] in ("FIGHT", "ASSAULT")]
    assert acts and acts[0]["modality"] != "asserted" and acts[0]["attribution"], show(evs)
    assert acts[0]["target_country"] in (victim, None)


# ---- compound subjects and objects: lists of three and more ---------------------------------------

@pytest.mark.parametrize(("text", "members"), [
    ("Brazil, Chile and Peru held talks in Lima.", ("BRA", "CHL", "PER")),
    ("Ministers from Kenya met on Tuesday; Egypt, Sudan and Ethiopia met in Addis Ababa.", ("EGY", "SDN", "ETH")),
    ("Germany, France, and Poland signed a defence pact on Monday.", ("DEU", "FRA", "POL")),
])
def test_joint_act_of_a_list_joins_every_pair(text: str, members: tuple[str, ...]) -> None:
    got = {frozenset(p) for p in pairs(events(text))}
    want = {frozenset((a, b)) for i, a in enumerate(members) for b in members[i + 1:]}
    assert want <= got, got


@pytest.mark.parametrize(("text", "sources", "target"), [
    ("France, Germany and Italy condemned Russia.", ("FRA", "DEU", "ITA"), "RUS"),
    ("Egypt, Jordan, and Saudi Arabia criticised Israel on Sunday.", ("EGY", "JOR", "SAU"), "ISR"),
    ("On Friday Japan, Australia and Canada imposed sanctions on North Korea.", ("JPN", "AUS", "CAN"), "PRK"),
])
def test_each_listed_subject_acts(text: str, sources: tuple[str, ...], target: str) -> None:
    assert {(s, target) for s in sources} <= pairs(events(text))


@pytest.mark.parametrize(("text", "source", "targets"), [
    ("The EU imposed sanctions on Belarus, Russia and Iran.", "IGOEUREEC", ("BLR", "RUS", "IRN")),
    ("Iran met with Iraq, Syria and Lebanon.", "IRN", ("IRQ", "SYR", "LBN")),
    ("Washington warned Cuba, Venezuela and Nicaragua on Thursday.", "USAGOV", ("CUB", "VEN", "NIC")),
])
def test_each_listed_object_is_acted_upon(text: str, source: str, targets: tuple[str, ...]) -> None:
    evs = events(text)
    assert {(source, t) for t in targets} <= {(e["source"], e["target_country"]) for e in evs}, show(evs)


def test_an_appositive_is_no_list() -> None:
    evs = events("Pakistan, a key U.S. ally, has refused to extradite him.")
    assert pairs(evs) <= {("PAK", None)}, show(evs)


# ---- unnamed groups as subjects: the country where the sentence is set, else an unknown-country actor ----

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Gunmen killed four Pakistani policemen in Quetta.", "PAKUAF", "PAKCOP"),
    ("Insurgents attacked a Malian army base on Sunday.", "MLIINS", "MLIMIL"),
    ("On Monday militants ambushed a Nigerian army convoy near Maiduguri.", "NGAUAF", "NGAMIL"),
    ("Two gunmen have kidnapped Colombian police officers.", "COLUAF", "COLCOP"),
    ("Two Kenyan soldiers were abducted by gunmen near Mandera.", "KENUAF", "KENMIL"),
    ("Militants attacked the U.S. embassy in Kabul on Friday.", "AFGUAF", "USAGOV"),
])
def test_unnamed_armed_group_acts_where_the_sentence_is_set(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert (source, target) in {(e["source"], e["target"]) for e in evs}, show(evs)


@pytest.mark.parametrize(("text", "source"), [
    ("Police arrested three opposition activists in Basra.", "IRQCOP"),
    ("Security forces fired tear gas at protesters in Conakry on Monday.", "GINCOP"),
    ("Two journalists were detained by police in Minsk.", "BLRCOP"),
    ("A spokesman in Nairobi said police had arrested a suspect.", "KENCOP"),
    ("On Sunday riot police beat students outside the university in Dhaka.", "BGDCOP"),
])
def test_the_police_act_where_the_sentence_is_set(text: str, source: str) -> None:
    """Police and security forces serve their own country: unnamed, they take the country of the sentence's places."""
    evs = events(text)
    assert source in {e["source"] for e in evs}, show(evs)


@pytest.mark.parametrize("text", [
    "The gunmen kidnapped two aid workers.",
    "Rebels seized the town after heavy fighting.",
    "Militants stormed a hotel on the coast.",
])
def test_unnamed_group_without_a_country_is_kept(text: str) -> None:
    evs = events(text)
    assert evs and evs[0]["source"] in ("UAF", "REB", "INS") and evs[0]["source_country"] is None, show(evs)


def test_the_head_of_a_name_is_no_unnamed_group() -> None:
    codes = [a["code"] for a in extract_record(article_from_text(
        "Hezbollah guerrillas killed a militia commander in southern Lebanon.", date=DATE))["actors"]]
    assert "REB" not in codes and "LBNREB" not in codes[1:]


@pytest.mark.parametrize(("text", "code"), [
    ("Cocoa farmers in western Ghana demanded higher prices.", "GHAAGR"),
    ("Students in northern Nigeria protested on Friday.", "NGAEDU"),
    ("Rebels in eastern Congo attacked a village.", "CODREB"),
])
def test_a_group_in_a_part_of_a_country(text: str, code: str) -> None:
    codes = {a["code"] for a in extract_record(article_from_text(text, date=DATE))["actors"]}
    assert code in codes


@pytest.mark.parametrize("text", [
    "Officials met in Geneva on Friday.",
    "Troops arrived in Mali on Sunday.",
    "Diplomats gathered in Vienna for the talks.",
])
def test_unnamed_officials_and_troops_take_no_country(text: str) -> None:
    codes = {a["code"] for a in extract_record(article_from_text(text, date=DATE))["actors"]}
    assert not {c for c in codes if c.endswith(("GOV", "MIL"))}


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Thousands of farmers protested in Paris against EU subsidies.", "FRAAGR", "IGOEUREEC"),
    ("Hundreds of fishermen demonstrated in Dakar against Chinese trawlers.", "SENAGR", "CHN"),
    ("Dozens of students marched in Lagos against the Nigerian government.", "NGAEDU", "NGAGOV"),
])
def test_the_people_a_quantity_counts(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert (source, target) in {(e["source"], e["target"]) for e in evs}, show(evs)


# ---- a grievance told to a third party: its target is the actor it is about ------------------------

@pytest.mark.parametrize(("text", "source", "target", "code"), [
    ("Chad complained to the African Union about Sudanese raids.", "TCD", "SDN", "114"),
    ("Greece protested to the European Commission over Turkish drilling near Cyprus.", "GRC", "TUR", "114"),
    ("Colombia complained to the OAS on Monday about Venezuelan incursions.", "COL", "VEN", "114"),
])
def test_grievance_is_about_a_third_party(text: str, source: str, target: str, code: str) -> None:
    evs = events(text)
    assert (source, code, target) in {(e["source_country"], e["cameo"], e["target_country"]) for e in evs}, show(evs)


def test_a_grievance_without_a_third_party_stays_with_the_addressee() -> None:
    evs = events("Kenya complained to Uganda about the closure of the border.")
    assert ("KEN", "UGA") in pairs(evs)


# ---- receiving is giving seen from the other side: the giver is the source ----------------------------

@pytest.mark.parametrize(("text", "source", "target", "cameo"), [
    ("Ukraine received military aid from Poland.", "POL", "UKR", "072"),
    ("Syrian rebels have received weapons from Qatar, officials said.", "QAT", "SYR", "072"),
    ("Last year Burundi got arms from Tanzania.", "TZA", "BDI", "072"),
    ("Kenya has received a $2 billion loan from China.", "CHN", "KEN", "071"),
    ("Mali received humanitarian aid from Morocco on Tuesday.", "MAR", "MLI", "073"),
    ("The Bolivian government obtained food aid from Peru.", "PER", "BOL", "073"),
])
def test_receiving_aid_codes_the_giver_as_source(text: str, source: str, target: str, cameo: str) -> None:
    evs = events(text)
    assert [(e["source_country"], e["target_country"], e["cameo"]) for e in evs] == [(source, target, cameo)], show(evs)
    assert evs[0]["plover"] == "AID"


def test_receiving_a_visitor_is_hosting_not_aid() -> None:
    (ev,) = events("Ukraine received the Polish delegation in Kyiv.")
    assert (ev["source_country"], ev["cameo"], ev["target_country"]) == ("UKR", "043", "POL")


# ---- a welcome given is a visit hosted -------------------------------------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Xi Jinping gave a warm welcome to the Vietnamese president.", "CHN", "VNM"),
    ("The Emir of Qatar extended a cordial welcome to the Pakistani prime minister.", "QAT", "PAK"),
    ("Kenyan officials accorded a red-carpet reception to the visiting Ethiopian delegation.", "KEN", "ETH"),
])
def test_a_welcome_given_is_a_visit_hosted(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [(e["source_country"], e["cameo"], e["target_country"]) for e in evs] == [(source, "043", target)], show(evs)


# ---- the means of a passive violent act gives its code ---------------------------------------------

@pytest.mark.parametrize(("text", "target", "cameo"), [
    ("Two Canadian soldiers were killed by a roadside bomb in Kandahar.", "CAN", "1833"),
    ("Four Iraqi civilians were killed by an airstrike near Mosul on Friday.", "IRQ", "195"),
    ("Five Malian soldiers were killed on Sunday by a car bomb, the army said.", "MLI", "1832"),
])
def test_the_means_after_by_codes_a_passive_killing(text: str, target: str, cameo: str) -> None:
    evs = events(text)
    assert [(e["target_country"], e["cameo"]) for e in evs] == [(target, cameo)], show(evs)


# ---- intent refused for the future: 'will not accept' is a rejection made now ---------------------

@pytest.mark.parametrize(("text", "source"), [
    ("Jordan says it will not accept any more Syrian refugees.", "JOR"),
    ("Hungary will not agree to new sanctions against Russia, its foreign minister said.", "HUN"),
    ("The Greek government will not promise further aid to Cyprus.", "GRC"),
    ("Lebanon would not accept more refugees from Syria, the interior minister said.", "LBN"),
])
def test_intent_refused_for_the_future_is_a_rejection(text: str, source: str) -> None:
    evs = events(text)
    assert any(e["source_country"] == source and e["plover"] == "REJECT" for e in evs), show(evs)
    assert not [e for e in evs if e["plover"] == "AGREE"], show(evs)


# ---- aspectual verbs and prefixed verbs: the act is the gerund's, read where the aspect verb stands ------

@pytest.mark.parametrize(("text", "source", "plover"), [
    ("The Macedonian army prepared to resume shelling Albanian rebel positions.", "MKD", "MOBILIZE"),
    ("Syrian troops are preparing to start bombing rebel towns near Idlib.", "SYR", "MOBILIZE"),
    ("Serbian forces resumed shelling Bosnian villages on Monday.", "SRB", "FIGHT"),
    ("Israeli artillery continued shelling Lebanese border towns overnight.", "ISR", "FIGHT"),
])
def test_aspectual_verb_before_a_gerund(text: str, source: str, plover: str) -> None:
    evs = events(text)
    assert [(e["source_country"], e["plover"]) for e in evs] == [(source, plover)], show(evs)


@pytest.mark.parametrize(("text", "source", "cameo"), [
    ("Kenya has agreed to re-open its border with Somalia.", "KEN", "03"),
    ("The European Union will re-impose sanctions on Iran, a spokesman said.", "IGO", "13"),
    ("Turkey re-imposed a curfew in Cizre on Tuesday.", "TUR", "17"),
])
def test_a_verb_after_a_hyphened_prefix(text: str, source: str, cameo: str) -> None:
    evs = events(text)
    assert any((e["source_country"] or e["source"] or "")[:3] == source and e["cameo"].startswith(cameo)
               for e in evs), show(evs)


# ---- conditions: the act inside 'if' or 'unless' is hypothetical and gives way ----------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Nigeria will withdraw its troops from Chad unless President Deby signs a ceasefire with rebels and holds "
     "elections.", "NGA", "TCD"),
    ("Kenya's opposition party said it will boycott the elections unless the president resigns.", "KEN", None),
    ("Iran will expel the inspectors if the United States imposes new sanctions, its foreign minister said.",
     "IRN", None),
])
def test_an_act_under_a_condition_is_a_threat(text: str, source: str, target: str | None) -> None:
    evs = events(text)
    threats = [e for e in evs if e["plover"] == "THREATEN"]
    assert [(e["source_country"]) for e in threats] == [source], show(evs)
    assert target is None or threats[0]["target_country"] == target, show(evs)
    assert all(e["modality"] == "hypothetical" for e in evs if e not in threats), show(evs)


def test_an_act_in_a_condition_alone_is_hypothetical() -> None:
    evs = events("If Russia attacks Estonia, NATO members are bound to respond.")
    assert evs and all(e["modality"] == "hypothetical" for e in evs), show(evs)


# ---- force against armed forces is FIGHT; violence against civilians and their places is ASSAULT ----------

@pytest.mark.parametrize("text", [
    "Sudanese militiamen attacked a camp for Darfuri refugees in Chad.",
    "Taliban fighters attacked a village in Kunduz province on Sunday.",
    "Islamist gunmen attacked a crowded market in northern Nigeria.",
    "Rebels attacked Congolese civilians near Goma, the UN said.",
    "A camp for Congolese refugees was attacked by Burundian militiamen armed with machetes.",
])
def test_violence_against_civilians_is_assault(text: str) -> None:
    evs = events(text)
    assert [e["plover"] for e in evs] == ["ASSAULT"], show(evs)


@pytest.mark.parametrize("text", [
    "Russian troops attacked Ukrainian positions near Bakhmut.",
    "Ethiopian soldiers attacked Eritrean troops along the border.",
    "The Colombian army attacked FARC rebels in Cauca province.",
])
def test_force_against_armed_forces_is_fight(text: str) -> None:
    evs = events(text)
    assert [e["plover"] for e in evs] == ["FIGHT"], show(evs)


def test_the_people_of_a_place_attacked_are_the_target() -> None:
    evs = events("A camp for Congolese refugees was attacked by Burundian militiamen on Friday.")
    assert [(e["source_country"], e["target"]) for e in evs] == [("BDI", "CODREF")], show(evs)


@pytest.mark.parametrize(("text", "target"), [
    ("Hezbollah guerrillas killed the deputy chief of Israel's militia ally in southern Lebanon.", "ISR"),
    ("Gunmen killed the mayor of Kandahar on Tuesday.", "AFG"),
    ("Militants killed the governor of Iraq's Anbar province in a suicide attack.", "IRQ"),
])
def test_killing_one_official_is_an_assassination(text: str, target: str) -> None:
    evs = events(text)
    assert any(e["plover"] == "ASSAULT" and e["target_country"] == target for e in evs), show(evs)
    assert not [e for e in evs if e["plover"] == "FIGHT"], show(evs)


@pytest.mark.parametrize(("text", "source"), [
    ("UN inspectors completed their investigation into the attack on Monday.", "IGO"),
    ("The Kenyan police have completed an investigation into the killing of two Ugandan traders.", "KEN"),
    ("Ghana's electoral commission finished its inquiry into the vote in Accra.", "GHA"),
])
def test_an_event_noun_after_a_verb_of_its_aspect(text: str, source: str) -> None:
    evs = events(text)
    assert [(e["source"][:3], e["plover"]) for e in evs] == [(source, "INVESTIGATE")], show(evs)


# ---- people named after a title of office that no table lists ------------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Rebels in Mali rejected an appeal from President Oumar Traorex to lay down their arms.", "MLIREB", "MLIGOV"),
    ("Judge Marta Quispeyra opened an investigation into 12 Bolivian police officers.", "BOLJUD", "BOLCOP"),
    ("Slovak officials met in Bratislava on Monday. Prime Minister Tomas Hrubecky later criticised Hungary.",
     "SVKGOV", "HUN"),
    ("In Ghana, Interior Minister Kwabena Adofo warned Togo against closing the border.", "GHAGOV", "TGO"),
])
def test_titled_person_takes_context_country(text: str, source: str | None, target: str) -> None:
    evs = events(text)
    assert any(e["target"] == target and (source is None or e["source"] == source) for e in evs), show(evs)


def test_titled_person_without_country_is_uncoded() -> None:
    evs = events("Foreign Minister Anna Kowalczyk met Peru's president in Lima. Then she met Chile's envoy.")
    assert all(e["source"] is None or e["source"][:3] in ("PER", "CHL") for e in evs), show(evs)


# ---- a grievance falls on the agent of what it is about -------------------------------------------

@pytest.mark.parametrize(("text", "target"), [
    ("Thousands of people blocked streets in Hong Kong in defiance of Chinese authorities.", "CHN"),
    ("Cuban exiles marched in Miami in protest at the policies of the Venezuelan government.", "VEN"),
    ("Palestinian youths threw stones during demonstrations against abuses by the Israeli army.", "ISR"),
    ("Peruvian miners went on strike in defiance of the Bolivian authorities.", "BOL"),
])
def test_grievance_targets_its_agent(text: str, target: str) -> None:
    evs = events(text)
    assert target in {e["target_country"] for e in evs}, show(evs)


@pytest.mark.parametrize("text", [
    "Farmers in Kenya staged rallies against the arrest of Ugandan traders.",
    "Students in Chile marched in protest against the killing of Bolivian migrants.",
    "Workers in Senegal went on strike over the detention of Malian drivers.",
])
def test_grievance_never_targets_the_victims(text: str) -> None:
    evs = events(text)
    assert {e["target_country"] for e in evs} <= {None}, show(evs)


# ---- an order to do an act a state imposes is coercion; destroying infrastructure is destroying property ----

@pytest.mark.parametrize(("text", "source", "cameo"), [
    ("The Egyptian authorities ordered the Qatari broadcaster to close its Cairo bureau.", "EGY", "172"),
    ("A Pakistani court ordered the Indian company to stop construction of the dam.", "PAK", "172"),
    ("Argentina ordered the British embassy to shut its consular section.", "ARG", "172"),
    ("Kenya ordered two Somali diplomats to leave the country within 48 hours.", "KEN", "174"),
    ("The Chinese government ordered Japanese journalists to leave Beijing.", "CHN", "174"),
])
def test_an_order_to_stop_or_leave_is_coercion(text: str, source: str, cameo: str) -> None:
    evs = events(text)
    assert any(e["source_country"] == source and e["cameo"] == cameo and e["plover"] == "COERCE" for e in evs), \
        show(evs)


def test_an_order_to_do_another_act_stays_a_demand() -> None:
    evs = events("The Chinese president ordered the army to prepare for war.")
    assert all(e["plover"] != "COERCE" for e in evs), show(evs)


@pytest.mark.parametrize("text", [
    "Afghan guerillas blew up three main electric power lines leading into Kabul.",
    "Colombian rebels blew up an oil pipeline in Arauca.",
    "Maoist insurgents destroyed two bridges in eastern Nepal.",
])
def test_destroying_infrastructure_is_destroying_property(text: str) -> None:
    evs = events(text)
    assert any(e["cameo"] == "1712" for e in evs), show(evs)


@pytest.mark.parametrize("text", [
    "Russian troops destroyed the enemy lines near Bakhmut.",
    "Israeli jets destroyed a Hamas command centre in Gaza.",
])
def test_destroying_forces_stays_force(text: str) -> None:
    evs = events(text)
    assert evs and all(e["cameo"] != "1712" for e in evs), show(evs)
