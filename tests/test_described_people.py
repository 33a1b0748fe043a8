"""People described in lower case before their name take the description's sector: 'opposition leader X'
is the opposition, 'rebel commander X' a rebel, whether or not a table names them."""

from __future__ import annotations

import pytest

from analysis.extract.pipeline import extract_record
from analysis.io.articles import article_from_text


def _codes(text: str, date: str = "2024-01-01") -> dict[str, str]:
    return {a["text"]: a["code"] for a in extract_record(article_from_text(text, date=date))["actors"]}


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Ugandan police arrested opposition leader Kizza Besigye in Kampala.", "opposition leader Kizza Besigye",
     "UGAOPP"),
    ("In Caracas, opposition leader Maria Gonzalez called for a general strike.", "opposition leader Maria Gonzalez",
     "VENOPP"),
    ("Nepal's army captured rebel commander Ram Bahadur Thapa near Pokhara.", "rebel commander Ram Bahadur Thapa",
     "NPLREB"),
    ("Police in Cairo detained human rights activist Omar Farouk on Sunday.", "human rights activist Omar Farouk",
     "EGYOPP"),
])
def test_a_person_described_in_lower_case_takes_the_descriptions_sector(text: str, name: str, code: str) -> None:
    assert _codes(text).get(name) == code


def test_a_known_person_out_of_office_takes_the_description() -> None:
    # Raila Odinga holds no office of the tables in 2023: the description says he leads the opposition
    codes = _codes("Opposition leader Raila Odinga called for mass protests in Kenya.", date="2023-03-20")
    assert codes.get("Raila Odinga") == "KENOPP"


@pytest.mark.parametrize("text", [
    "Police in Lagos questioned the protesters Monday.",
    "The former leader said Nigeria would recover.",
    "Farmers Union officials met in Accra.",
])
def test_no_person_without_a_singular_description_and_a_name(text: str) -> None:
    assert not any(code.endswith(("OPP", "REB", "REL")) for code in _codes(text).values())


def test_a_title_of_government_says_nothing_of_now() -> None:
    assert _codes("Former Prime Minister Nawaz Sharif returned to Pakistan.", date="2023-10-21").get(
        "Nawaz Sharif") == "PAKELI"
