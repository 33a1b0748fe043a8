"""The object noun decides the code of a general verb: a ban on imports is an embargo (163, SANCTION) whatever verb
states it; received weapons are military aid from the giver (072); the dead returned to their side are persons
returned (0841)."""

from __future__ import annotations

import pytest

from tests.coded_samples import events, show


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Kenya imposed a ban on imports from Uganda.", "KEN", "UGA"),
    ("Lithuania would prohibit imports of Belarusian fertiliser under the new rules.", "LTU", "BLR"),
    ("Russia suspended imports from Moldova on Friday, citing safety concerns.", "RUS", "MDA"),
])
def test_a_ban_on_trade_is_an_embargo(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert any(e["source"] == source and e["target"] == target and e["cameo"] == "163" for e in evs), show(evs)


def test_a_ban_on_rallies_stays_a_restriction() -> None:
    evs = events("The Ugandan government banned opposition rallies in Kampala.")
    assert all(e["cameo"] != "163" for e in evs), show(evs)


@pytest.mark.parametrize(("text", "giver", "receiver", "code"), [
    ("Ukraine received air defence systems from Germany.", "DEU", "UKR", "072"),
    ("Taiwan will receive 66 fighter jets from the United States.", "USA", "TWN", "0332"),
    ("Malawi received vaccine doses from China on Tuesday.", "CHN", "MWI", "073"),
])
def test_receiving_things_is_aid_from_the_giver(text: str, giver: str, receiver: str, code: str) -> None:
    evs = events(text)
    assert any(e["source"] == giver and e["target"] == receiver and e["cameo"] == code for e in evs), show(evs)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Azerbaijan returned the bodies of 20 soldiers to Armenia.", "AZE", "ARM"),
    ("Israel handed over the remains of two fighters to Lebanon on Monday.", "ISR", "LBN"),
    ("Ukraine repatriated the bodies of 50 Russian soldiers to Russia.", "UKR", "RUS"),
])
def test_returning_the_dead(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert any(e["source"] == source and e["target"] == target and e["cameo"] == "0841" for e in evs), show(evs)
