"""The event coder (analysis.extract.events, analysis.extract.clauses) on the bundled article and on small sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from analysis.extract.pipeline import extract_record
from analysis.io.articles import article_from_text, load_articles

ROOT = Path(__file__).parents[1]
ARTICLE = ROOT / "data" / "articles" / "2023-09-11-kim-putin-summit.txt"
DATE = "2023-09-11"  # a Monday


def events(text: str, date: str | None = DATE) -> list[dict[str, Any]]:
    return extract_record(article_from_text(text, date=date))["events"]


def between(evs: list[dict[str, Any]], source: str, target: str | None) -> list[dict[str, Any]]:
    """Events from country `source` to country `target`."""
    return [e for e in evs if e["source_country"] == source and e["target_country"] == target]


def one(evs: list[dict[str, Any]], source: str, target: str | None) -> dict[str, Any]:
    found = between(evs, source, target)
    assert len(found) == 1, [(e["source"], e["target"], e["cameo"], e["trigger"]) for e in evs]
    return found[0]


# ---- the bundled article -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def summit() -> list[dict[str, Any]]:
    (article,) = load_articles(ARTICLE)
    return extract_record(article)["events"]


def test_summit_meeting_is_planned(summit):
    meetings = [e for e in between(summit, "PRK", "RUS") if e["cameo"] in ("036", "040", "044")]
    assert any(e["modality"] == "planned" and e["cameo"] == "036" for e in meetings)
    # Vladivostok is the meeting's place only with the hedge of 'could be likely' visible
    for e in summit:
        if (e["place"] or {}).get("name") == "Vladivostok":
            assert e["modality"] == "hypothetical"


def test_summit_kim_visits_russia(summit):
    visits = [e for e in between(summit, "PRK", "RUS") if e["trigger"] == "visit"]
    assert len(visits) == 1
    assert visits[0]["modality"] == "planned" and visits[0]["plover"] == "AGREE"  # intent to visit: 036


def test_summit_russia_invites_north_korea(summit):
    (invitation,) = [e for e in between(summit, "RUS", "PRK") if e["trigger"] == "invitation"]
    assert invitation["source"] == "RUSGOV" and invitation["target"] == "PRKGOV"


def test_summit_russia_seeks_ammunition(summit):
    (seek,) = [e for e in between(summit, "RUS", "PRK") if e["trigger"] == "seeking to buy"]
    assert seek["cameo"] == "0311" and seek["modality"] == "reported"
    assert seek["attribution"] == "U.S. officials"


def test_summit_north_korea_supplies_russia(summit):
    (supply,) = [e for e in between(summit, "PRK", "RUS") if e["root"] == "07"]
    assert supply["modality"] == "suspected" and supply["trigger"] == "provided"


def test_summit_russian_military_action_against_ukraine(summit):
    (war,) = between(summit, "RUS", "UKR")
    assert war["quad_class"] == 4
    assert (war["date"], war["date_precision"], war["date_basis"]) == ("2022-02-01", "month", "text")


def test_summit_usa_warns_north_korea(summit):
    (warning,) = between(summit, "USA", "PRK")
    assert warning["plover"] == "THREATEN" and warning["source"] == "USAGOV"


def test_summit_north_korea_and_russia_draw_closer(summit):
    closer = [e for e in summit if {e["source_country"], e["target_country"]} == {"PRK", "RUS"}
              and e["trigger"] == "draw closer"]
    assert len(closer) == 1 and closer[0]["root"] == "05"


def test_summit_no_event_between_south_korea_or_japan_and_russia(summit):
    for e in summit:
        pair = {e["source_country"], e["target_country"]}
        assert not (pair & {"KOR", "JPN"} and "RUS" in pair), e
    assert not any(e["source_country"] in ("KOR", "JPN") for e in summit)


def test_summit_records_are_complete(summit):
    for e in summit:
        assert e["source"] and e["plover"] and e["evidence"] and e["mentions"]
        assert e["trigger"] and e["date"]


# ---- negation ----------------------------------------------------------------------------------

def test_did_not():
    attack = one(events("Russia did not attack Ukraine on Monday."), "RUS", "UKR")
    assert attack["negated"] and attack["plover"] == "FIGHT"


def test_never():
    assert one(events("Iran has never supplied drones to Russia."), "IRN", "RUS")["negated"]


def test_denied():
    evs = events("Iran denied supplying drones to Russia.")
    assert not [e for e in evs if e["root"] == "07" and not e["negated"]]  # no asserted supply
    assert one(evs, "IRN", "RUS")["plover"] == "REJECT"  # the denial, CAMEO 016


def test_refused():
    evs = events("Russia refused to meet Ukraine.")
    refusal = one(evs, "RUS", "UKR")
    assert refusal["cameo"] == "125" and refusal["plover"] == "REJECT"  # refuse to meet
    assert not [e for e in evs if e["root"] == "04" and not e["negated"]]  # no meeting


def test_each_actor_of_a_compound_subject_acts():
    evs = events("France and Germany called on Israel to allow aid into Gaza.")
    assert sorted((e["source"], e["target"], e["plover"]) for e in evs) == [
        ("DEU", "ISR", "REQUEST"), ("FRA", "ISR", "REQUEST")]
    # a joint act between the two stays one event between them
    assert [(e["source"], e["target"]) for e in events("India and Pakistan agreed to a ceasefire.")] == [
        ("IND", "PAK")]


def test_a_compound_subject_before_a_raising_verb_acts_jointly():
    evs = events("Putin and Kim are expected to discuss weapons supplies when they meet later this month.")
    assert [(e["source"], e["target"], e["modality"]) for e in evs] == [("RUSGOV", "PRKGOV", "planned")]
    evs = events("France and Germany are expected to call on Israel to allow aid into Gaza.")
    assert sorted((e["source"], e["target"]) for e in evs) == [("DEU", "ISR"), ("FRA", "ISR")]


def test_each_actor_of_a_compound_object_is_acted_upon():
    evs = events("The U.S. imposed sanctions on Iran and North Korea.")
    assert sorted((e["source"], e["target"]) for e in evs) == [("USA", "IRN"), ("USA", "PRK")]
    # a second actor that opens a clause of its own is no object
    evs = events("Russia attacked Ukraine and Poland condemned the attack.")
    assert ("RUS", "POL") not in [(e["source"], e["target"]) for e in evs]


def test_talks_that_failed_to_reach_agreement_are_a_rejection_between_the_parties():
    evs = events("Israel and the Palestinians failed to reach agreement on Sunday.")
    assert [(e["source"], e["target"], e["plover"]) for e in evs] == [("ISR", "PSE", "REJECT")]


# ---- voice and nouns ---------------------------------------------------------------------------

def test_passive_voice():
    attack = one(events("Ukraine was attacked by Russia on Sunday."), "RUS", "UKR")
    assert attack["source"] == "RUS" and attack["target"] == "UKR"


def test_passive_with_a_place_as_patient():
    strike = one(events("The Ukrainian capital was struck by Russian missiles last week."), "RUS", "UKR")
    assert strike["quad_class"] == 4


def test_possessive_noun():
    invasion = one(events("Israel's invasion of Lebanon began in 1982."), "ISR", "LBN")
    assert invasion["cameo"] == "192"
    assert (invasion["date"], invasion["date_precision"]) == ("1982-01-01", "year")


def test_at_the_invitation_of():
    evs = events("Kim visited Moscow at the invitation of Putin.")
    invitation = one(evs, "RUS", "PRK")
    assert (invitation["source"], invitation["target"]) == ("RUSGOV", "PRKGOV")
    assert one(evs, "PRK", "RUS")["cameo"] == "042"


def test_between_x_and_y():
    talks = events("Talks between Iran and the United States resumed in Vienna.")
    assert [(e["source"], e["target"], e["root"]) for e in talks] == [("IRN", "USA", "04")]


def test_warned_against():
    evs = events("The United States warned China against sending weapons to Russia.")
    assert one(evs, "USA", "CHN")["plover"] == "THREATEN"
    assert not between(evs, "CHN", "RUS")  # the warning's content is no event of China's


def test_a_capital_told_something_is_its_government():
    record = extract_record(article_from_text(
        "The Biden administration warned Beijing against supplying weapons to Moscow.", date=DATE))
    warning = one(record["events"], "USA", "CHN")
    assert (warning["source"], warning["target"], warning["plover"]) == ("USAGOV", "CHNGOV", "THREATEN")
    assert ("Beijing", "CHNGOV") in [(a["text"], a["code"]) for a in record["actors"]]
    (beijing,) = [p for p in record["places"] if p["text"] == "Beijing"]
    assert beijing["metonymic"] and beijing["lat"] is not None  # still on the map
    # a capital as a destination is a place, not a government
    fare = events("The airline is offering a fare of $205 from Baltimore to Moscow.")
    assert not [e for e in fare if e["target"] == "RUSGOV"]


def test_the_dateline_names_a_city_and_its_agency_does_not_act():
    text = "WASHINGTON (Reuters) - The Biden administration warned Beijing against supplying weapons to Moscow."
    record = extract_record(article_from_text(text, date=DATE))
    assert [(e["source"], e["target"]) for e in record["events"]] == [("USAGOV", "CHNGOV")]
    (dateline,) = [p for p in record["places"] if p["text"] == "WASHINGTON"]
    assert dateline["kind"] == "capital"  # the city, not the state
    kyiv = extract_record(article_from_text("KYIV, Ukraine (AP) — Russian forces shelled the city.", date=DATE))
    assert "KYIV" in [p["text"] for p in kyiv["places"]]


def test_a_model_name_before_the_weapon_and_the_intent_to_provide_military_aid():
    send = one(events("Germany will send 18 Leopard tanks to Ukraine, Chancellor Olaf Scholz said."), "DEU", "UKR")
    assert (send["cameo"], send["modality"]) == ("0332", "planned")  # intent to provide military aid


def test_an_amount_before_the_aid_keeps_the_phrase_and_its_recipient():
    pledge = one(events("Japan pledged $5 billion in aid to Ukraine."), "JPN", "UKR")
    assert pledge["plover"] == "AGREE" and pledge["cameo"].startswith("03")  # a promise of aid
    food = one(events("Germany promised 1 billion euros of humanitarian aid to Syria."), "DEU", "SYR")
    assert food["cameo"] == "0333"  # intent to provide humanitarian aid


def test_an_acronym_that_spells_a_function_word_still_acts():
    # 'WHO' is no relative pronoun, 'US' no object pronoun
    assert [(e["source"], e["target"]) for e in events("The WHO criticized Israel.")] == [("IGOUNOHLHWHO", "ISR")]
    assert [(e["source"], e["target"]) for e in events("The US criticized Iran.")] == [("USA", "IRN")]


def test_a_plural_noun_before_its_verb_is_no_verb():
    # 'ships' is the noun of the subject here, not the verb 'to ship' (aid)
    evs = events("Chinese coast guard ships fired water cannon at a Philippine vessel.")
    assert [(e["source"], e["target"], e["plover"]) for e in evs] == [("CHNMIL", "PHL", "ASSAULT")]
    assert one(events("Iran ships weapons to the Houthis."), "IRN", "YEM")["plover"] == "AID"


def test_retaking_a_town_from_an_actor_falls_on_that_actor():
    evs = events("Somali troops retook the town from al-Shabaab.")
    assert [(e["source"], e["target"], e["cameo"]) for e in evs] == [("SOMMIL", "SOMREB", "192")]


def test_stopping_a_demonstration_restricts_political_freedoms():
    evs = events("Turkish police prevented the demonstration staged by students in Sivas.")
    assert [(e["source"], e["target"], e["cameo"]) for e in evs] == [("TURCOP", "TUREDU", "1721")]


def test_an_ethnic_group_is_not_its_namesake_country():
    evs = events("Serb forces killed three ethnic Albanians in southeastern Serbia.")
    assert not [e for e in evs if "ALB" in (e["source_country"], e["target_country"])]


def test_the_recipient_between_the_verb_and_its_object_is_the_target():
    assert [(e["source"], e["target"]) for e in events("Russia sent Syria new fighter jets.")] == [("RUS", "SYR")]
    assert [(e["source"], e["target"]) for e in events("Japan granted Vietnam a $500 million loan.")] == [
        ("JPN", "VNM")]


def test_a_place_after_in_the_is_the_place_of_the_event():
    (ev,) = events("The Houthis attacked a British tanker in the Red Sea.")
    # a tanker is a ship of business (Phoenix agents)
    assert (ev["source"], ev["target"], ev["place"]["name"]) == ("YEMREB", "GBRBUS", "Red Sea")


def test_a_town_acted_upon_is_the_place_of_the_event():
    (attack,) = events("Russia launched a missile attack on Kyiv overnight, Ukrainian officials said.")
    assert (attack["source"], attack["target"], attack["place"]["name"]) == ("RUS", "UKR", "Kyiv")
    (strike,) = events("Russia attacked Ukraine.")
    assert strike["place"] is None  # a country acted upon is an actor, not a place


def test_a_closing_report_clause_attributes_and_is_no_event():
    (ev,) = events("Iran could retaliate against Israel within days, U.S. officials warned.")
    assert (ev["source"], ev["target"], ev["attribution"]) == ("IRN", "ISR", "U.S. officials")
    assert ev["modality"] == "hypothetical"
    (warning,) = events("The United States warned Iran.")
    assert warning["plover"] == "THREATEN"  # a warning to someone is still an event


def test_an_act_the_subject_is_suspected_of_is_its_suspected_event():
    (ev,) = events("Israel is suspected of attacking the Iranian consulate.")
    assert (ev["source"], ev["target"], ev["modality"]) == ("ISR", "IRNGOV", "suspected")
    (strike,) = events("Israel is believed to have carried out the strike on the Iranian consulate in Damascus.")
    assert (strike["source"], strike["target"], strike["modality"]) == ("ISR", "IRNGOV", "suspected")


def test_a_country_that_describes_does_not_act():
    strikes = events("U.S. forces carried out airstrikes against Iran-backed militias in Syria.")
    assert not [e for e in strikes if "IRN" in (e["source_country"], e["target_country"])]


def test_tear_gas_fired_at_protesters():
    evs = events("Kenyan police fired tear gas at protesters in Nairobi on Thursday.")
    assert [(e["source"], e["target"], e["plover"]) for e in evs] == [("KENCOP", "KENOPP", "ASSAULT")]


def test_seeking_to_buy_from():
    seek = one(events("Iran is seeking to buy fighter jets from Russia."), "IRN", "RUS")
    assert seek["cameo"] == "0311"


def test_several_events_in_one_sentence():
    evs = events("Turkish troops shelled Kurdish positions in Syria, and Syria condemned the attack.")
    assert one(evs, "TUR", "SYR")["plover"] == "FIGHT"
    assert [e["plover"] for e in between(evs, "SYR", None)] == ["DISAPPROVE"]


# ---- clauses -----------------------------------------------------------------------------------

def test_complement_gives_the_target_and_refines_the_code():
    threat = one(events("Israel threatened to ban voting in East Jerusalem."), "ISR", "PSE")
    assert threat["plover"] == "THREATEN" and threat["cameo"].startswith("13")
    offer = one(events("Pakistan, a key U.S. ally, has refused to deploy peacekeepers in Iraq."), "PAK", "IRQ")
    assert offer["plover"] == "REJECT"


def test_a_fronted_year_is_no_preposition_before_the_subject():
    annex = one(events("In 2014, Russia annexed Crimea from Ukraine."), "RUS", "UKR")
    assert (annex["date"], annex["date_precision"]) == ("2014-01-01", "year")


def test_appositive_is_not_the_subject():
    evs = events("Pakistan, a key U.S. ally, has refused to deploy peacekeepers in Iraq.")
    assert not [e for e in evs if e["source_country"] == "USA"]


def test_speaker_of_a_report_is_the_subject_of_its_pronoun():
    withdrawal = one(events("Syria said it would withdraw its troops from Lebanon."), "SYR", "LBN")
    assert withdrawal["modality"] == "planned" and withdrawal["plover"] == "AGREE"  # intent to yield


def test_announced_hostile_act_is_a_threat():
    sanctions = one(events("Russia said it will impose sanctions on Georgia."), "RUS", "GEO")
    assert sanctions["cameo"] == "1312" and sanctions["plover"] == "THREATEN"


def test_must_after_a_report_verb_is_a_demand():
    demand = one(events("Russia said Sudan must return the helicopter."), "RUS", "SDN")
    assert demand["plover"] == "DEMAND"


def test_condition_of_a_threat_names_its_target():
    threat = one(events("Iran threatened to launch an offensive unless Iraq accepted its conditions."), "IRN", "IRQ")
    assert threat["plover"] == "THREATEN"


def test_compound_subject_of_a_reciprocal_act():
    deal = one(events("India and Pakistan signed a ceasefire agreement."), "IND", "PAK")
    assert deal["cameo"] == "057"


def test_plural_nouns_and_compounds_are_no_triggers():
    evs = events("The United States and Jordan signed a free-trade pact.")
    assert [e["cameo"] for e in evs] == ["057"]  # not 'free' (release) or 'trade'
    assert not events("Serb forces and relief supplies reached the border.")  # not 'force', 'supply'


def test_subordinate_clauses_give_way_to_the_main_event():
    evs = events("Russian aircraft killed 46 Afghan civilians in an attack on a village.")
    assert [(e["source_country"], e["target_country"], e["trigger"][:6]) for e in evs] == [("RUS", "AFG", "killed")]


# ---- dates -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "date", "precision"), [
    ("Russia attacked Ukraine on Monday.", "2023-09-11", "day"),
    ("Russia attacked Ukraine on Sunday night.", "2023-09-10", "day"),
    ("Russia attacked Ukraine last week.", "2023-09-04", "week"),
    ("Kim and Putin will meet at the forum on Sept. 10-13.", "2023-09-10", "day"),
    ("North Korea closed its borders in January, 2020.", "2020-01-01", "month"),
    ("Russia invaded Ukraine in February, 2022.", "2022-02-01", "month"),
])
def test_dates(text, date, precision):
    (event,) = events(text)
    assert (event["date"], event["date_precision"], event["date_basis"]) == (date, precision, "text")


def test_no_date_in_the_sentence_gives_the_article_date():
    (event,) = events("Russia attacked Ukraine.")
    assert (event["date"], event["date_precision"], event["date_basis"]) == (DATE, "day", "article")
    assert event["date_end"] == DATE


def test_a_span_up_to_the_article_is_dated_by_its_first_and_last_day():
    (event,) = events("Russia attacked Ukraine many times in the past year.")
    assert (event["date"], event["date_end"], event["date_precision"]) == ("2022-09-11", "2023-09-10", "year")


def test_report_date_is_not_the_event_date():
    (event,) = events("Russia attacked Ukraine last week, officials confirmed Monday.")
    assert event["date"] == "2023-09-04"


# ---- deduplication and place -------------------------------------------------------------------

def test_one_event_per_source_target_code_and_date_with_all_mentions():
    text = "Russia attacked Ukraine on Monday. On Monday, Russia attacked Ukraine again, officials said."
    (attack,) = events(text)
    assert len(attack["mentions"]) == 2
    assert [text[m["trigger_start"]:m["trigger_end"]] for m in attack["mentions"]] == ["attacked", "attacked"]


def test_place_only_when_the_sentence_ties_it():
    (met,) = events("Putin met Xi in Beijing.")
    assert met["place"]["name"] == "Beijing"
    (met,) = events("Putin met Xi, who had flown in from Beijing.")
    assert met["place"] is None
    (seek,) = events("Russia is seeking to buy ammunition from North Korea to refill reserves drained by its war "
                     "in Ukraine.")
    assert seek["place"] is None and seek["target_country"] == "PRK"


# ---- crowds -------------------------------------------------------------------------------------

def test_a_crowd_acting_in_a_place_is_that_country_s_people() -> None:
    record = extract_record(article_from_text(
        "Thousands of protesters marched in Yerevan against the government of Armenia.", date=DATE))
    assert [(a["text"], a["code"]) for a in record["actors"]][0] == ("protesters", "ARMOPP")
    protest = one(record["events"], "ARM", "ARM")
    assert (protest["source"], protest["target"], protest["root"]) == ("ARMOPP", "ARMGOV", "14")


def test_a_crowd_protesting_in_its_own_town_does_not_protest_against_the_town() -> None:
    evs = events("Hundreds of students rallied in Lima on Tuesday.")
    assert [(e["source"], e["target"], e["root"]) for e in evs] == [("PEREDU", None, "14")]


@pytest.mark.parametrize(("text", "codes"), [
    ("Officials met in Geneva on Friday.", set()),  # officials, troops and refugees are often abroad
    ("Refugees arrived in Greece by boat.", set()),
    # the crowd is the subject of 'rallied' across 'outside the embassy', but Athens is the report's place
    ("Protesters outside the embassy rallied on Friday, police in Athens said.", {"GRCCOP", "OPP"}),
])
def test_only_a_crowd_next_to_its_verb_and_place_takes_the_place_s_country(text: str, codes: set[str]) -> None:
    assert {a["code"] for a in extract_record(article_from_text(text, date=DATE))["actors"]} == codes


def test_the_people_a_quantity_counts_are_the_subject() -> None:
    evs = events("A group of Egyptian diplomats held talks with President Macron in Paris.")
    talks = one(evs, "EGY", "FRA")
    assert (talks["source"], talks["target"]) == ("EGYGOV", "FRAGOV")


def test_an_actor_after_a_preposition_and_article_is_no_subject() -> None:
    # 'outside the embassy', 'with the United Nations': the object of a preposition does not act ...
    assert events("Crowds gathered outside the Turkish embassy in Stockholm to protest.") == []
    assert all(e["source"] != "IGOUNO" for e in events(
        "Local charities are working with the United Nations to support farmers."))
    # ... but 'a member of the parliament' acts as the parliament's member
    evs = events("A member of the Iraqi parliament began a hunger strike to protest against the government of Iraq.")
    assert [e["source"] for e in evs] == ["IRQLEG"]


def test_a_crowd_s_verb_may_be_any_past_form() -> None:
    record = extract_record(article_from_text("Thousands of people gathered in Minsk on Sunday.", date=DATE))
    assert [(a["text"], a["code"]) for a in record["actors"]] == [("people", "BLRCVL")]


# ---- refusals -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "source", "target", "cameo"), [
    ("Chile said it would not allow Bolivian trucks to cross the border.", "CHL", "BOL", "124"),
    ("Serbia won't release the Kosovar prisoners.", "SRB", "XKX", "124"),
    ("Turkey will not meet with Greek officials.", "TUR", "GRCGOV", "125"),
])
def test_a_cooperative_act_refused_for_the_future_is_a_rejection(text: str, source: str, target: str,
                                                                   cameo: str) -> None:
    (ev,) = events(text)
    assert (ev["source"], ev["target"], ev["cameo"], ev["plover"]) == (source, target, cameo, "REJECT")
    assert not ev["negated"] and ev["modality"] == "asserted"


def test_a_past_negation_stays_a_negated_act() -> None:
    (ev,) = events("Chile did not allow Bolivian trucks to cross the border.")
    assert ev["negated"] and ev["plover"] != "REJECT"


def test_a_negated_future_is_still_a_future() -> None:
    (ev,) = events("Russia will not attack Ukraine, the Kremlin said.")
    assert ev["negated"] and ev["modality"] == "planned"


@pytest.mark.parametrize("text", [
    "Canada along with Australia imposed sanctions on Myanmar.",
    "Canada, together with Australia, imposed sanctions on Myanmar.",
    "Canada as well as Australia imposed sanctions on Myanmar.",
])
def test_an_actor_joined_by_a_phrase_acts_too(text: str) -> None:
    evs = events(text)
    assert sorted((e["source"], e["target"], e["cameo"]) for e in evs) == [
        ("AUS", "MMR", "163"), ("CAN", "MMR", "163")]


def test_an_actor_joined_by_a_phrase_is_acted_upon_too() -> None:
    evs = events("Canada imposed sanctions on Myanmar as well as Belarus.")
    assert sorted(e["target"] for e in evs) == ["BLR", "MMR"]


def test_a_phrasal_verb_may_hold_its_object_before_the_particle() -> None:
    (ev,) = events("Chad pulled its soldiers out of Mali on Friday.")
    assert (ev["source"], ev["target"], ev["cameo"], ev["trigger"]) == ("TCD", "MLI", "0874", "pulled its soldiers out")
    assert events("The lifeguard pulled the child out of the pool.") == []  # a person, no body a state sends


@pytest.mark.parametrize(("text", "cameo"), [
    ("Burkina Faso suspended cooperation with France.", "160"),  # not cooperation (050)
    ("Burkina Faso suspended military cooperation with France.", "1622"),  # not military cooperation (062)
    ("Denmark halted arms exports to Turkey.", "1622"),
])
def test_ending_cooperation_reduces_relations(text: str, cameo: str) -> None:
    (ev,) = events(text)
    assert (ev["cameo"], ev["plover"], ev["quad_class"]) == (cameo, "SANCTION", 4)


@pytest.mark.parametrize("text", [
    "Rwanda will lead a regional police force in Mozambique.",  # 'force' is no verb (170) here
    "Sudan is bracing itself for a perfect storm.",
    "The minister made a quick visit to the border.",
])
def test_a_base_form_after_an_indefinite_article_is_a_noun(text: str) -> None:
    assert all(e["trigger"] not in ("force", "storm") and e["cameo"][:2] not in ("13", "17", "19")
               for e in events(text))


def test_a_means_that_is_the_subject_codes_the_act() -> None:
    evs = events("Saudi airstrikes killed 20 civilians in Yemen on Sunday.")
    assert [(e["source"], e["target"], e["cameo"]) for e in evs] == [("SAU", "YEMCVL", "195")]


def test_trading_accusations_is_no_trade() -> None:
    (ev,) = events("Armenia and Azerbaijan traded accusations over the shelling.")
    assert (ev["cameo"], ev["plover"]) == ("112", "DISAPPROVE")
    assert {ev["source"], ev["target"]} == {"ARM", "AZE"}


def test_a_verb_joined_by_and_shares_its_subject_not_the_object_before_it() -> None:
    evs = events("Rebels ambushed a convoy near Goma, killed one Congolese soldier and wounded two others.")
    assert "CODMIL" not in [e["source"] for e in evs]


def test_a_bombing_that_kills_is_a_bombing() -> None:
    evs = events("A roadside bombing near Kandahar killed two Afghan soldiers on Sunday.")
    # (no actor named: the unidentified attackers of the country where it happens, tests/test_event_attackers.py)
    assert [(e["source"], e["target"], e["cameo"]) for e in evs] == [("AFGUAF", "AFGMIL", "183")]


def test_each_actor_of_a_compound_subject_acts_without_a_target_too() -> None:
    evs = events("Russia and China vetoed the resolution on Friday.")
    assert sorted((e["source"], e["cameo"]) for e in evs) == [("CHN", "129"), ("RUS", "129")]


def test_the_second_object_of_a_preposition_is_no_subject() -> None:
    evs = events("Qatar said it was working with Egypt and Jordan to mediate between the warring parties.")
    assert {e["source"] for e in evs} <= {"QAT", None} and evs


def test_fighting_between_two_actors_is_their_fight() -> None:
    evs = events("Heavy fighting between Sudan's army and the paramilitary Rapid Support Forces rocked Khartoum.")
    assert [(e["source"], e["target"], e["root"]) for e in evs] == [("SDNMIL", "SDNREB", "19")]


def test_a_person_after_his_country_s_possessive_stands_for_it() -> None:
    evs = events("Russia's Putin met China's Xi on Monday.")
    assert [(e["source"], e["target"]) for e in evs] == [("RUSGOV", "CHNGOV")]


def test_a_headline_in_capitals_has_actors_and_events() -> None:
    evs = events("PUTIN AND KIM MEET IN VLADIVOSTOK")
    assert [(e["source"], e["target"], e["root"]) for e in evs] == [("RUSGOV", "PRKGOV", "04")]
