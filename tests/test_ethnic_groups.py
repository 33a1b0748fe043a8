"""Peoples named by 'ethnic' and a demonym act as the civilians of the country they live in."""

from __future__ import annotations

import pytest

from analysis.extract.pipeline import extract_record
from analysis.io.articles import article_from_text


def _actors(text: str) -> dict[str, str]:
    return {a["text"]: a["code"] for a in extract_record(article_from_text(text, date="2024-01-01"))["actors"]}


def _sources(text: str) -> set[str]:
    return {e["source"] for e in extract_record(article_from_text(text, date="2024-01-01"))["events"]}


@pytest.mark.parametrize(("text", "group", "code"), [
    ("Ethnic Serbs in northern Kosovo blocked roads to protest against the arrests.", "Ethnic Serbs", "XKXCVL"),
    ("Police in Skopje said ethnic Albanians had attacked a checkpoint.", "ethnic Albanians", "MKDCVL"),
    ("Ethnic Russians in Estonia rallied against the new language law.", "Ethnic Russians", "ESTCVL"),
    ("In Jakarta, ethnic Chinese demanded protection from the police.", "ethnic Chinese", "IDNCVL"),
    ("Ethnic Hungarians living in Romania demanded more autonomy.", "Ethnic Hungarians", "ROUCVL"),
])
def test_an_ethnic_group_is_coded_by_the_country_it_lives_in(text: str, group: str, code: str) -> None:
    assert _actors(text).get(group) == code


def test_an_ethnic_group_is_not_the_country_its_demonym_names() -> None:
    sources = _sources("Ethnic Armenians in Georgia protested against the closure of their schools.")
    assert "GEOCVL" in sources and not any(s and s.startswith("ARM") for s in sources)


def test_the_agent_noun_after_an_ethnic_demonym_codes_the_group() -> None:
    # 'ethnic Albanian guerrillas' are rebels, coded by their agent noun where they fight
    assert _actors("Ethnic Albanian guerrillas attacked a police station in Macedonia.").get("guerrillas") == "MKDREB"


def test_without_a_place_the_ethnic_group_has_no_country() -> None:
    code = _actors("Ethnic Greeks protested against the decision.").get("Ethnic Greeks")
    assert code == "CVL"
