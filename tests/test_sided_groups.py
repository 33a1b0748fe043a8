"""A group named by whom it sides with ('pro-Russian separatists', 'anti-American protesters', 'Iran-backed
militias') acts where its sentence is set, not for the country it sides with."""

from __future__ import annotations

import pytest

from analysis.extract.pipeline import extract_record
from analysis.io.articles import article_from_text


def _record(text: str) -> dict:
    return extract_record(article_from_text(text, date="2024-01-01"))


@pytest.mark.parametrize(("text", "code"), [
    ("Pro-Russian separatists shelled the port city of Mariupol.", "UKRREB"),
    ("Anti-American protesters burned flags outside the U.S. embassy in Islamabad.", "PAKOPP"),
    ("Anti-Chinese rioters looted shops in Jakarta on Friday.", "IDNOPP"),
    ("Iran-backed militias attacked a base in eastern Syria.", "SYRUAF"),
    ("In Sanaa, Saudi-backed fighters stormed a government building.", "YEMUAF"),
    ("Pro-Turkish rebels captured three villages near Aleppo.", "SYRREB"),
])
def test_a_sided_group_takes_the_country_where_it_acts(text: str, code: str) -> None:
    codes = [a["code"] for a in _record(text)["actors"]]
    assert code in codes
    sided = code[:3]
    assert not any(c.endswith(code[3:]) and c[:3] != sided for c in codes)  # never the country it sides with


def test_a_sided_group_without_a_place_has_no_country() -> None:
    rec = _record("Pro-Western activists demanded early elections.")
    assert not any(a["code"].startswith(("USA", "GBR")) for a in rec["actors"])


def test_the_country_a_group_sides_with_does_not_act() -> None:
    events = _record("Pro-Russian separatists shelled the port city of Mariupol.")["events"]
    assert events and all(e["source"] != "RUS" and (e["source_country"] or "") != "RUS" for e in events)


def test_a_country_word_that_is_no_allegiance_still_codes_its_agents() -> None:
    rec = _record("Russian troops shelled Kharkiv while Ukrainian soldiers held the line.")
    codes = [a["code"] for a in rec["actors"]]
    assert "RUSMIL" in codes and "UKRMIL" in codes
