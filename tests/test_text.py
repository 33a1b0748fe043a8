"""Sentences, tokens and datelines (analysis.extract.text)."""

from __future__ import annotations

import pytest

from analysis.extract.text import find_dateline


@pytest.mark.parametrize(("text", "place"), [
    ("KYIV, Ukraine (AP) — Russian forces shelled the city.", "KYIV"),
    ("WASHINGTON, March 3 (Reuters) - The administration warned Beijing.", "WASHINGTON"),
    ("SOUTH CHARLESTON, W.Va. -- A restaurateur is back.", "SOUTH CHARLESTON"),
    ("Lamont visits supporters. HARWINTON — Former Democrat Ned Lamont spoke.", "HARWINTON"),
    ("UNITED NATIONS (AP) — The council met.", "UNITED NATIONS"),
])
def test_a_dateline_names_its_place_and_ends_at_the_dash(text: str, place: str) -> None:
    dateline = find_dateline(text)
    assert dateline is not None
    assert text[dateline.place_start:dateline.place_end] == place
    assert text[:dateline.end].rstrip().endswith(("—", "-", "--"))


@pytest.mark.parametrize("text", [
    "The U.S. - China talks resumed on Monday.",
    "NATO said on Monday - it will meet again.",
    "Officials said the talks would go on.",
])
def test_no_dateline_in_running_text(text: str) -> None:
    assert find_dateline(text) is None


@pytest.mark.parametrize(("text", "place", "rest"), [
    ("ATLANTA (AP) An aide to the governor resigned.", "ATLANTA", "An aide"),
    ("NAIROBI (Reuters) \ufffd Kenyan police fired tear gas.", "NAIROBI", "Kenyan police"),
    ('By Jane Doe, The Associated Press. PHOENIX (AP) " A wildfire spread.', "PHOENIX", "A wildfire"),
    ("By Omar Haddad. AMMAN, Jordan (AFP) - Talks resumed.", "AMMAN", "Talks resumed"),
])
def test_a_dateline_with_its_agency_needs_no_dash_and_may_follow_a_byline(text: str, place: str, rest: str) -> None:
    dateline = find_dateline(text)
    assert dateline is not None
    assert text[dateline.place_start:dateline.place_end] == place and text[dateline.end:].startswith(rest)


@pytest.mark.parametrize("text", [
    "NATO (AP) and others met.",  # the story opens on a capital
    "The U.S. (AP) said so.",
    "Officials in ROME (Italy) were told.",
])
def test_no_dateline_without_a_story_after_the_agency(text: str) -> None:
    assert find_dateline(text) is None
