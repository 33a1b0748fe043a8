"""Coding the actors of a text (analysis.extract.actors, and the agent rules of analysis.extract.pipeline)."""

from __future__ import annotations

import pytest

from analysis.extract.actors import find_actors
from analysis.extract.agents import agent_after, agent_before
from analysis.extract.pipeline import extract_record
from analysis.extract.text import split_sentences, tokenize
from analysis.io.articles import article_from_text


def named(text: str, date: str | None = "2023-09-11") -> list[tuple[str, str]]:
    """(text, code) of the named actors (people, institutions) that find_actors codes."""
    return [(a.text, a.code) for a in find_actors(text, tokenize(text, split_sentences(text)), date=date)]


def coded(text: str, date: str = "2023-09-11") -> dict[str, str]:
    """text -> code of the actors of the extraction record (named actors and agents)."""
    return {a["text"]: a["code"] for a in extract_record(article_from_text(text, date=date))["actors"]}


# ---- people ------------------------------------------------------------------------------------

def test_putin_in_2023_is_the_russian_government():
    assert named("Vladimir Putin said so.") == [("Vladimir Putin", "RUSGOV")]
    assert named("Putin said so.") == [("Putin", "RUSGOV")]


def test_kim_jong_un_holds_office_from_december_2011_only():
    assert named("Kim Jong Un said so.", "2012-01-01") == [("Kim Jong Un", "PRKGOV")]
    assert named("Kim Jong Un said so.", "2011-12-31") == [("Kim Jong Un", "PRKGOV")]
    (before,) = named("Kim Jong Un said so.", "2010-06-01")
    assert before[1] != "PRKGOV"


def test_a_head_of_several_states_codes_as_the_most_populous():
    assert named("Emmanuel Macron said so.") == [("Emmanuel Macron", "FRAGOV")]  # not co-prince of Andorra
    assert named("King Charles III said so.")[0][1] == "GBRGOV"  # not Antigua's king


def test_an_official_of_an_international_organisation_acts_for_it():
    assert named("NATO Secretary General Jens Stoltenberg said so.", "2020-01-01") == [
        ("NATO", "IGOWSTNAT"), ("Jens Stoltenberg", "IGOWSTNAT")]  # not the former Norwegian premier
    assert ("Antonio Guterres", "IGOUNO") in named("UN Secretary-General Antonio Guterres said so.")
    assert named("Jens Stoltenberg said so.", "2020-01-01") == [("Jens Stoltenberg", "NORELI")]


def test_a_spelling_of_the_surname_in_an_alias_is_a_short_form():
    assert named("Zelenskiy said so.") == [("Zelenskiy", "UKRGOV")]


def test_short_name_after_the_full_name_is_the_same_person():
    text = "North Korean leader Kim Jong Un will meet Vladimir Putin. Kim left on Sunday."
    actors = find_actors(text, tokenize(text, split_sentences(text)), date="2023-09-11")
    kims = [a for a in actors if a.text.startswith("Kim")]
    assert [(a.text, a.code, a.name) for a in kims] == [("Kim Jong Un", "PRKGOV", "Kim Jong Un"),
                                                       ("Kim", "PRKGOV", "Kim Jong Un")]


def test_a_title_with_a_known_surname_codes_the_country():
    # 'President Bush' in 1995: no Bush is in office on the date, the title says one is
    assert named("President Bush has threatened further action.", "1995-06-01") == [("Bush", "USAGOV")]
    assert named("President Obama met the Moroccan diplomats.", "2000-01-01") == [("Obama", "USAGOV")]
    # the office must match the title: no Bush was ever a chancellor
    assert named("Chancellor Bush has threatened further action.", "1995-06-01") == []
    # a former holder of the office is one of the country's elite, no longer its government
    assert named("Former President Obama visited Kenya.", "2000-01-01") == [("Obama", "USAELI")]
    assert named("Ex-President Obama visited Kenya.", "2000-01-01") == [("Obama", "USAELI")]


def test_arabic_article_in_lower_case():
    assert named("Osama bin Laden's al-Qaeda network has threatened the United States.") == [
        ("al-Qaeda", "IMGMOS")]


# ---- agents ------------------------------------------------------------------------------------

def test_country_word_and_agent_noun():
    got = coded("U.S. officials said Russian troops attacked. North Korea's leader left. "
                "South Korean government sources said so.")
    assert got["U.S. officials"] == "USAGOV"
    assert got["Russian troops"] == "RUSMIL"
    assert got["North Korea's leader"] == "PRKGOV"
    assert got["South Korean government sources"] == "KORGOV"


def test_a_verb_is_no_modifier_of_an_agent_noun():
    assert "Iran sent drones" not in coded("Iran sent drones to Russia.")
    # the head noun ends the agent
    assert coded("Russian military drones struck Odesa.")["Russian military drones"] == "RUSMIL"


def test_modifiers_between_country_and_agent():
    assert coded("Nicaragua's Sandinista government ordered the closure.")[
        "Nicaragua's Sandinista government"] == "NICGOV"
    assert coded("Taiwan's Vice Foreign Minister visited Russia.")["Taiwan's Vice Foreign Minister"] == "TWNGOV"


def test_agent_noun_before_in_and_a_place():
    assert coded("Rebels in the Ivory Coast rejected the appeal.")["Rebels in the Ivory Coast"] == "CIVREB"
    assert coded("Security forces in Guinea have tortured detainees.")["Security forces in Guinea"] == "GINCOP"
    assert coded("Demonstrators in Baghdad blocked a road.")["Demonstrators in Baghdad"] == "IRQOPP"
    # troops are often abroad: 'Russian troops in Ukraine' are Russian, and 'troops in Ukraine' are unknown
    got = coded("Russian troops in Ukraine attacked a village.")
    assert got.get("Russian troops") == "RUSMIL" and "UKRMIL" not in got.values()


def test_no_agent_across_a_verb_or_a_relative():
    assert not any(code.endswith("MIL") for code in coded("Britain mobilized army reservists.").values())
    # no 'Montenegro where 28 people' agent: the people killed are a group of their own, the victims of a passive
    got = coded("Serbia lifted a curfew in Montenegro where 28 people were killed.")
    assert not any("where" in span for span in got) and got.get("people") == "MNECVL"


def test_agent_helpers():
    text = "U.S. military officials and rebels met."
    toks = tokenize(text)
    assert agent_after(toks, 1, text) == ("MIL", 2)  # 'military officials' after 'U.S.'
    assert agent_before(toks, 4, text) == ("REB", 4)  # 'rebels'


def test_an_institution_named_like_a_dotted_state_abbreviation():
    assert named("Kan reported that the cabinet met.") == [("Kan", "ISRMED")]
    assert named("A Topeka, Kan., police officer said so.") == []  # the state, not the broadcaster


# ---- metonymy ----------------------------------------------------------------------------------

def test_the_kremlin_said_is_the_russian_government_on_the_map():
    record = extract_record(article_from_text("The Kremlin said the leaders would meet.", date="2023-09-11"))
    assert [(a["text"], a["code"]) for a in record["actors"]] == [("Kremlin", "RUSGOV")]
    (place,) = [p for p in record["places"] if p["text"] == "Kremlin"]
    assert place["metonymic"] and place["country"] == "RUS" and place["lat"] is not None


def test_a_capital_acting_or_blamed_is_a_state_actor_and_a_metonymic_place():
    record = extract_record(article_from_text(
        "Beijing has repeatedly accused Washington of interfering in its internal affairs.", date="2024-03-05"))
    assert [(a["text"], a["code"]) for a in record["actors"]] == [("Beijing", "CHNGOV"), ("Washington", "USAGOV")]
    places = {p["text"]: p for p in record["places"]}
    assert places["Beijing"]["metonymic"] and places["Washington"]["metonymic"]
    assert places["Washington"]["kind"] == "capital"  # blamed, it is the capital, not the state
    visit = extract_record(article_from_text("The delegation visited Washington last week.", date="2024-03-05"))
    assert not [p for p in visit["places"] if p["metonymic"]]
    agents = extract_record(article_from_text("U.S. officials warned Russian troops.", date="2024-03-05"))
    assert not [p for p in agents["places"] if p["metonymic"]]  # a country word of an agent is no metonym


def test_capitals_joined_as_one_subject_both_act_for_their_states():
    record = extract_record(article_from_text("Tokyo and Seoul have agreed to share intelligence.", date="2024-03-05"))
    assert [(a["text"], a["code"]) for a in record["actors"]] == [("Tokyo", "JPNGOV"), ("Seoul", "KORGOV")]
    assert [(e["source"], e["target"]) for e in record["events"]] == [("JPNGOV", "KORGOV")]
    record = extract_record(article_from_text("Washington and Moscow agreed to hold talks.", date="2024-03-05"))
    assert {p["text"]: p["kind"] for p in record["places"]} == {"Washington": "capital", "Moscow": "capital"}
    assert [(e["source"], e["target"]) for e in record["events"]] == [("USAGOV", "RUSGOV")]
    weather = extract_record(article_from_text("Paris and London saw heavy rain on Monday.", date="2024-03-05"))
    assert not weather["actors"] and not [p for p in weather["places"] if p["metonymic"]]



def test_leaders_and_country_names_of_older_news():
    # a 1987 report: the leaders in office then, and the names of states that no longer exist
    assert named("Gorbachev met Reagan in Reykjavik.", "1986-10-11") == [("Gorbachev", "RUSGOV"), ("Reagan", "USAGOV")]
    assert named("Prime Minister Thatcher spoke.", "2000-01-01") == [("Thatcher", "GBRGOV")]
    record = extract_record(article_from_text("Yugoslav troops shelled the town. West Germany protested.",
                                              date="1991-10-01"))
    assert [(a["text"], a["code"]) for a in record["actors"]] == [
        ("Yugoslav troops", "SRBMIL"), ("West Germany", "DEU")]


def test_a_party_named_for_its_country_is_a_party_not_the_country():
    record = extract_record(article_from_text("Criticism from United Russia grew after the vote.", date="2024-03-05"))
    assert [(a["text"], a["code"]) for a in record["actors"]] == [("United Russia", "RUSPTY")]
    assert not record["places"]


def test_a_bare_country_name_takes_its_agent_noun_at_once():
    record = extract_record(article_from_text("Russia sent Syria new fighter jets.", date="2024-03-05"))
    assert ("Syria", "SYR") in [(a["text"], a["code"]) for a in record["actors"]]
    assert not [a for a in record["actors"] if a["code"] == "SYRMIL"]
    record = extract_record(article_from_text("U.S. military officials said the talks failed.", date="2024-03-05"))
    assert [(a["text"], a["code"]) for a in record["actors"]] == [("U.S. military officials", "USAMIL")]


def test_a_foreign_minister_s_rare_surname_names_him_alone():
    assert named("Lavrov said the talks had failed.") == [("Lavrov", "RUSGOV")]
    assert named("Blinken arrived on Friday.", "2023-06-16") == [("Blinken", "USAGOV")]
    assert named("Blinken arrived on Friday.", "2025-06-16") == []  # out of office
    assert named("Wang said the talks had failed.") == []  # a common surname needs the full name first
    assert named("Wang Yi met Lavrov. Wang said the talks had failed.") == [
        ("Wang Yi", "CHNGOV"), ("Lavrov", "RUSGOV"), ("Wang", "CHNGOV")]


def test_a_surname_after_the_is_no_person():
    assert named("Hague met Clinton in London.", "2012-05-01")[0] == ("Hague", "GBRGOV")  # William Hague
    assert named("The court in The Hague ruled.", "2012-05-01") == []


def test_a_counterpart_holds_the_office_in_the_other_state():
    assert coded("Wang Yi met his Russian counterpart on Friday.")["Russian counterpart"] == "RUSGOV"


def test_the_title_of_a_person_s_office_says_he_holds_it_whatever_the_date():
    # 'Prime Minister Iyad Allawi' (Iraq's prime minister 2004-2005) in an article dated 2000, or misdated
    assert named("Prime Minister Iyad Allawi spoke.", "2000-01-01") == [("Iyad Allawi", "IRQGOV")]
    assert named("Former Prime Minister Iyad Allawi spoke.", "2000-01-01") == [("Iyad Allawi", "IRQELI")]
    assert named("Iyad Allawi spoke.", "2010-01-01") == [("Iyad Allawi", "IRQELI")]
    assert named("President Iyad Allawi spoke.", "2010-01-01") == [("Iyad Allawi", "IRQELI")]  # no such office


def test_a_surname_after_another_first_name_is_another_person():
    assert named("Kevin Johnson, 34, was struck by a car.", "2020-01-01") == []
    assert named("Kevin Johnson, 34, was struck by a car. Johnson was taken to hospital.", "2020-01-01") == []
    assert named("Maria Putin opened a bakery.") == []
    assert named("Prime Minister Johnson spoke.", "2020-01-01") == [("Johnson", "GBRGOV")]
    assert named("Russia's Putin spoke.") == [("Putin", "RUSGOV")]


def test_working_with_an_actor_is_cooperation():
    evs = extract_record(article_from_text("Turkey is working with Russia on the grain deal.", date="2023-09-11"))[
        "events"]
    assert [(e["source"], e["target"], e["root"]) for e in evs] == [("TUR", "RUS", "05")]


def test_a_common_surname_names_a_leader_only_where_the_text_names_him_in_full():
    assert named("Johnson said the plan would work.", "2022-07-07") == []  # any Johnson
    assert named("Johnson resigns. Boris Johnson said he would step down.", "2022-07-07") == [
        ("Johnson", "GBRGOV"), ("Boris Johnson", "GBRGOV")]  # a headline before the full name


def test_a_lower_case_word_that_is_also_a_first_name_names_no_other_person():
    assert named("Kim Jong Un arrived. The meeting would mark Kim's first summit. Critics fear Kim's weapons.") == [
        ("Kim Jong Un", "PRKGOV"), ("Kim", "PRKGOV"), ("Kim", "PRKGOV")]


# ---- the PETRARCH-2 actor table ------------------------------------------------------------------

def test_organisations_named_in_full_take_their_petrarch_codes():
    assert named("The Moro Islamic Liberation Front signed a deal with Manila.", "2012-05-01") == [
        ("Moro Islamic Liberation Front", "PHLREB")]  # of two defaults, the one of a country
    assert ("Organization of American States", "IGOOAS") in named("The Organization of American States met.")
    assert ("Human Rights Watch", "NGOHRIHRW") in named("On Monday Human Rights Watch accused Cairo of torture.")
    assert ("Greenpeace", "NGOENV") in named("Activists of Greenpeace boarded a Russian oil platform.")


def test_militias_are_coded_as_armed_groups_not_states():
    assert coded("Al-Shabaab militants stormed a hotel in Mogadishu.")["Al-Shabaab"] == "SOMREB"
    assert named("Fighters of the National Union for the Total Independence of Angola shelled Huambo.",
                 "1993-02-01") == [("National Union for the Total Independence of Angola", "AGOREB")]
    assert named("Yesterday the FARC released two soldiers.", "2012-04-01") == [("FARC", "COLREB")]


def test_people_of_the_petrarch_table_take_the_code_of_the_article_date():
    assert named("Kofi Annan flew to Baghdad.", "2003-05-01") == [("Kofi Annan", "IGOUNO")]
    assert named("Boutros Boutros-Ghali flew to Mogadishu.", "1993-05-01") == [("Boutros Boutros-Ghali", "IGOUNO")]
    assert named("Javier Solana warned Belgrade.", "1998-06-01") == [("Javier Solana", "IGOWSTNAT")]


def test_a_term_still_open_when_the_petrarch_table_ends_is_not_taken_past_it():
    # open terms of 2008-2011 in the table: after it ends (2015) the people are elites of their countries
    assert named("Andrew Lansley visited a hospital.", "2011-05-01") == [("Andrew Lansley", "GBRGOVHLH")]
    assert named("Andrew Lansley visited a hospital.", "2019-05-01") == [("Andrew Lansley", "GBRELI")]
    assert named("Dai Bingguo met the envoy.", "2009-05-01") == [("Dai Bingguo", "CHNGOV")]
    assert named("Dai Bingguo met the envoy.", "2020-05-01") == [("Dai Bingguo", "CHNELI")]
    assert named("Christine Lagarde warned Athens.", "2016-05-01")[0][1] != "FRAGOVBUS"


def test_curated_leaders_win_over_the_petrarch_table():
    assert named("President Bush spoke to reporters.", "1990-06-01") == [("Bush", "USAGOV")]
    assert named("Putin said so.") == [("Putin", "RUSGOV")]  # not the table's lone 'putin'
    assert named("Recep Tayyip Erdogan met Putin.", "2023-05-01")[0][1] == "TURGOV"


def test_a_lone_english_word_counts_only_capitalised_inside_a_sentence():
    assert named("Zero casualties were reported.") == []  # 'zero' (USAREB) opens the sentence
    assert named("The Tamil Tigers attacked a camp.", "2000-05-01") == [("Tamil Tigers", "LKAREB")]
    assert ("Tigers", "SWZREB") not in named("Police said the Detroit Tigers won.")


def test_a_personal_name_that_goes_on_is_no_shorter_name():
    assert ("Abu Musab", "IMGSEAMUSASF") not in named("A group loyal to Abu Musab al-Zarqawi said so.", "2004-09-01")
    assert named("Hussein said the talks failed.", "2010-01-01") == []  # a first name alone is nobody
    assert named("Khalid said the talks failed.", "2010-01-01") == []


# ---- agent nouns of both tables -----------------------------------------------------------------

def test_country_words_with_agent_nouns_of_either_table():
    assert coded("The Kenyan foreign minister met his Somali counterpart.")["Kenyan foreign minister"] == "KENGOV"
    assert coded("Afghan taxi drivers blocked a road in Kabul.")["Afghan taxi drivers"] == "AFGBUS"
    assert coded("Nigerian police arrested six men.")["Nigerian police"] == "NGACOP"
    assert coded("Syrian warplanes bombed rebel positions.")["Syrian warplanes"] == "SYRMIL"  # Phoenix only
    assert coded("Chilean miners ended their strike.")["Chilean miners"] == "CHLLAB"


def test_the_head_noun_ends_an_agent_phrase():
    assert coded("Russian Jewish immigrants arrived in Haifa.")["Russian Jewish immigrants"] == "RUSCVL"
    assert coded("Egyptian riot police fired tear gas.")["Egyptian riot police"] == "EGYCOP"


def test_places_and_verbs_are_no_agent_nouns():
    assert "Israeli settlements" not in coded("Israeli settlements grew last year.")
    assert "Syrian village" not in coded("Troops shelled a Syrian village.")
    assert "U.S. advocates" not in coded("The U.S. advocates a ceasefire.")


def test_an_agent_coded_before_its_country():
    from analysis.extract.agents import agent_code

    assert agent_code("GHA", "IGO~") == ("IGOGHA", "IGO")
    assert agent_code("KEN", "GOV") == ("KENGOV", "GOV")


@pytest.mark.parametrize(("text", "date", "place_country"), [
    ("Officials from Ghana's health ministry visited Lagos on Monday.", "2003-05-01", "NGA"),
    ("An Omani delegation returned to Muscat after the talks.", "2016-03-01", "OMN"),
    ("India sent two planeloads of aid to Nepal after the floods.", "2010-08-01", "NPL"),
])
def test_a_leaders_surname_that_names_a_big_place_alone_is_the_place(text: str, date: str,
                                                                      place_country: str) -> None:
    """'Lagos' alone is the city, not Chile's president Ricardo Lagos; 'Muscat' is Oman's capital, not Malta's
    prime minister; 'Nepal' the country, not its prime minister Madhav Kumar Nepal."""
    rec = extract_record(article_from_text(text, date=date))
    assert not [a for a in rec["actors"] if a["text"] in ("Lagos", "Muscat", "Nepal")]
    assert place_country in {p["country"] for p in rec["places"]}


def test_a_leaders_surname_after_the_full_name_is_the_leader() -> None:
    text = "President Ricardo Lagos met Argentine officials in Santiago. Lagos said the talks went well."
    rec = extract_record(article_from_text(text, date="2003-05-01"))
    assert [a["code"] for a in rec["actors"] if a["text"] == "Lagos"] == ["CHLGOV"]
