"""Who acts for a state without being named: a title before its holder's name, 'the government' and
'government troops' of the country where the sentence is set, and groups of a people with no state."""

from __future__ import annotations

import pytest

from analysis.extract.pipeline import extract_record
from analysis.io.articles import article_from_text


def _codes(text: str, date: str = "2024-01-01") -> dict[str, str]:
    return {a["text"]: a["code"] for a in extract_record(article_from_text(text, date=date))["actors"]}


@pytest.mark.parametrize(("text", "date", "title", "code"), [
    ("Ethiopian Prime Minister Abiy Ahmed held talks with Somali President Hassan Sheikh Mohamud.", "2023-06-01",
     "Somali President Hassan Sheikh Mohamud", "SOMGOV"),
    ("Kenyan President William Ruto met Somali President Hassan Sheikh Mohamud in Nairobi.", "2023-06-01",
     "Somali President Hassan Sheikh Mohamud", "SOMGOV"),
    ("Egypt's Foreign Minister Sameh Shoukry spoke with Turkish President Recep Tayyip Erdogan.", "2022-05-01",
     "Turkish President Recep Tayyip Erdogan", "TURGOV"),
])
def test_a_title_before_a_named_holder_is_the_holders(text: str, date: str, title: str, code: str) -> None:
    # the title and the name are one actor, coded by the table that dates the holder's office
    assert _codes(text, date).get(title) == code


@pytest.mark.parametrize(("text", "code"), [
    ("Government troops shelled rebel positions near Aleppo.", "SYRMIL"),
    ("Government forces recaptured the town of Kidal from Tuareg rebels.", "MLIMIL"),
    ("Regime forces bombed a hospital in Idlib on Sunday.", "SYRMIL"),
    ("The government arrested three journalists in Minsk.", "BLRGOV"),
])
def test_the_states_own_forces_act_where_the_sentence_is_set(text: str, code: str) -> None:
    assert code in _codes(text).values()


@pytest.mark.parametrize("text", [
    "Troops opened fire on protesters in Khartoum.",  # troops alone may be anyone's
    "Officials met in Geneva on Tuesday.",
    "Soldiers crossed the river near Bamako.",
])
def test_unnamed_troops_and_officials_are_nobodys(text: str) -> None:
    assert not any(code.endswith(("MIL", "GOV")) for code in _codes(text).values())


@pytest.mark.parametrize(("text", "group"), [
    ("Kurdish militants ambushed an army patrol near Diyarbakir.", "Kurdish militants"),
    ("Tamil rebels attacked a navy base near Trincomalee.", "Tamil rebels"),
    ("Baloch separatists blew up a gas pipeline near Quetta.", "Baloch separatists"),
])
def test_a_group_of_a_people_with_no_state_acts_where_it_is(text: str, group: str) -> None:
    code = _codes(text).get(group, "")
    assert code[3:] in ("UAF", "REB", "INS") and code[:3] in ("TUR", "LKA", "PAK"), code


@pytest.mark.parametrize(("text", "codes"), [
    ("U.S. and South Korean troops held joint drills near the border.", {"USAMIL", "KORMIL"}),
    ("Russian and Chinese diplomats criticised the Western sanctions.", {"RUSGOV", "CHNGOV"}),
    ("French, German and Italian ministers urged Iran to release the detainees.", {"FRAGOV", "DEUGOV", "ITAGOV"}),
    ("On Monday Kenyan and Ugandan police arrested smugglers near Busia.", {"KENCOP", "UGACOP"}),
])
def test_country_words_joined_before_one_agent_noun_share_it(text: str, codes: set[str]) -> None:
    assert codes <= set(_codes(text).values())


@pytest.mark.parametrize(("text", "actor", "code"), [
    ("Beijing's foreign ministry accused Washington of interference.", "Beijing's foreign ministry", "CHNGOV"),
    ("Moscow's envoy to the UN rejected the resolution.", "Moscow's envoy", "RUSGOV"),
    ("On Friday Tehran's nuclear negotiators arrived in Vienna.", "Tehran's nuclear negotiators", "IRNGOV"),
])
def test_a_capitals_possessive_before_an_agent_noun_is_its_states(text: str, actor: str, code: str) -> None:
    assert _codes(text).get(actor) == code


@pytest.mark.parametrize(("text", "name"), [
    ("Officials of the African Union in Addis Ababa met Sudanese envoys.", "African Union"),
    ("The European Union in Brussels criticised Hungary on Monday.", "European Union"),
    ("Delegates of the Arab League in Cairo rejected the plan.", "Arab League"),
])
def test_no_agent_noun_is_read_inside_a_name_the_tables_code(text: str, name: str) -> None:
    # 'Union in Addis Ababa' is no agent of Ethiopia: 'Union' is a word of the name
    codes = _codes(text)
    assert not [t for t in codes if t.split()[0] in name.split()[1:]]
