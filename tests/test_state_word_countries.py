"""'The government' named alone: the state where its sentence is set, but not the state its act is against
('The government expelled two Russian diplomats' is not Russia's government), and in a sentence that names
no home of its own, the country the story is about (as 'the president' is)."""

from __future__ import annotations

import pytest

from tests.coded_samples import actor_codes, events, show


@pytest.mark.parametrize(("text", "not_source"), [
    ("The government expelled two Russian diplomats on Friday.", "RUSGOV"),
    ("The government criticised Israel's raid on Jenin.", "ISRGOV"),
    ("The government is considering sanctions against Myanmar's generals.", "MMRGOV"),
])
def test_the_government_is_not_the_state_its_act_is_against(text: str, not_source: str) -> None:
    evs = events(text)
    assert evs and all(e["source"] != not_source for e in evs), show(evs)


@pytest.mark.parametrize(("text", "code"), [
    ("Floods hit western Kenya again this week. The government appealed for aid.", "KENGOV"),
    ("Protests spread across Peru on Monday. The government declared a state of emergency.", "PERGOV"),
    ("Drought has ruined harvests in Zimbabwe. Farmers said the government promised subsidies.", "ZWEGOV"),
])
def test_the_government_of_a_sentence_without_a_home_is_the_storys(text: str, code: str) -> None:
    codes = actor_codes(text)
    assert code in codes.values(), codes


def test_the_government_in_a_place_stays_there() -> None:
    assert actor_codes("The government in Kabul arrested three journalists.").get("government in Kabul",
                                                                                   "AFGGOV") == "AFGGOV"
    evs = events("The government in Kabul arrested three journalists.")
    assert any(e["source"] == "AFGGOV" for e in evs), show(evs)
