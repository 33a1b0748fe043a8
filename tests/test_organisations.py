"""Organisations named in full that no actor table lists: one actor for the name, its sector from the
organisation word and its country from the name or the context (analysis.extract.organisations)."""

from __future__ import annotations

from typing import Any

import pytest

from analysis.extract.pipeline import extract_record
from analysis.io.articles import article_from_text

DATE = "2024-03-04"


def record(text: str) -> dict[str, Any]:
    return extract_record(article_from_text(text, date=DATE))


def actors(text: str) -> dict[str, str]:
    return {a["text"]: a["code"] for a in record(text)["actors"]}


@pytest.mark.parametrize(("text", "name", "code"), [
    ("The Zambian Democratic Renewal Movement accused the government of fraud.",
     "Zambian Democratic Renewal Movement", "ZMBOPP"),
    ("In Burundi, police arrested leading members of the Union for Peace and Progress.",
     "Union for Peace and Progress", "BDIOPP"),
    ("Troops clashed with the Kivu Patriotic Liberation Front near Goma on Sunday.",
     "Kivu Patriotic Liberation Front", "CODREB"),
    ("Ecuador's Andean Farmers League called on Peru to reopen the border.", "Andean Farmers League", "ECUOPP"),
    ("The Committee for the Defence of Civil Liberties condemned the arrest of journalists in Togo.",
     "Committee for the Defence of Civil Liberties", "TGONGO"),
    ("After talks in Maputo, the National Electoral Commission rejected the complaint.",
     "National Electoral Commission", "MOZGOV"),
    ("In Niger, the Association of Sahel Jurists criticised the junta.", "Association of Sahel Jurists", "NERNGO"),
    ("Bolivian police raided offices of the Teachers Union in La Paz.", "Teachers Union", "BOLLAB"),
])
def test_organisation_named_in_full(text: str, name: str, code: str) -> None:
    found = actors(text)
    assert any(k.endswith(name) and v == code for k, v in found.items()), found


@pytest.mark.parametrize(("text", "name", "code"), [
    ("The Joint African Ceasefire Committee urged Sudan to halt the fighting.",
     "Joint African Ceasefire Committee", "IGO"),
    ("Kenya welcomed a report by the International Committee for Refugee Rights.",
     "International Committee for Refugee Rights", "IGO"),
    ("China rejected criticism from the Asian Commission for Maritime Safety.",
     "Asian Commission for Maritime Safety", "IGO"),
])
def test_international_body_has_no_country(text: str, name: str, code: str) -> None:
    found = actors(text)
    assert found.get(name) == code, found


def test_organisation_acts_in_events() -> None:
    evs = record("The Kivu Patriotic Liberation Front attacked Congolese troops near Goma.")["events"]
    assert any(e["source"] == "CODREB" and e["target"] == "CODMIL" for e in evs), evs
    evs = record("Chadian troops attacked the Lake Patriotic Liberation Army near Bol.")["events"]
    assert any(e["source"] == "TCDMIL" and e["target"] == "TCDREB" for e in evs), evs


@pytest.mark.parametrize(("text", "name"), [
    ("The European Union condemned Iran.", "European Union"),
    ("Labour Party leader Keir Starmer met Emmanuel Macron in Paris.", "Labour Party"),
    ("Homeland Union officials in Lithuania met Polish diplomats.", "Homeland Union"),
])
def test_tables_and_modifiers_win(text: str, name: str) -> None:
    found = actors(text)
    assert not any(k != name and name in k and k != "Lithuania's Homeland Union" for k in found), found
    assert all(not (k == name and v.endswith("OPP")) for k, v in found.items()), found


@pytest.mark.parametrize("text", [
    "Meanwhile Union members in Kenya went on strike.",
    "Party officials in Ghana denied the report.",
    "Council workers in Senegal marched on Monday.",
])
def test_no_organisation_without_a_name(text: str) -> None:
    found = record(text)["actors"]
    assert all(a["sector"] not in ("OPP", "NGO") for a in found), found
