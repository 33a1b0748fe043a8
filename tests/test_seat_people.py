"""The people of a government 'in' a capital named like a division of its country ('officials in Washington',
'lawmakers in Washington') stand in the capital, even in an article that names no other country; farmers or
state officials there, and the division named with its town, stay the division."""

from __future__ import annotations

import pytest

from analysis.extract.pipeline import extract_record
from analysis.io.articles import article_from_text


def _kind(text: str, name: str) -> str:
    places = extract_record(article_from_text(text, date="2023-09-11"))["places"]
    return next(p["kind"] for p in places if p["text"] == name)


@pytest.mark.parametrize("text", [
    "Officials in Washington said the talks had failed.",
    "US officials in Washington said the new tariffs would take effect on Friday.",
    "Lawmakers in Washington passed the spending bill late on Thursday.",
    "The plan worried diplomats in Washington, who expected a longer delay.",
    "Negotiators in Washington reached a deal on the debt ceiling.",
])
def test_government_people_in_washington_are_in_the_capital(text: str) -> None:
    assert _kind(text, "Washington") == "capital"


@pytest.mark.parametrize("text", [
    "Farmers in Washington expect a good apple harvest.",
    "State officials in Washington said the wildfire was contained.",
    "Health officials in Seattle, Washington, reported two cases.",
])
def test_other_people_in_washington_stay_in_the_state(text: str) -> None:
    assert _kind(text, "Washington") == "admin1"
