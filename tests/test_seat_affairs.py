"""A national government's affairs in the sentence around a capital named like a division of its country make
the name the capital: 'The sanctions were announced in Washington', 'a summit in Washington', 'Diplomats
gathered in Washington' (word group seat_affair), also where the article names no other country; the state's
own affairs keep the state."""

from __future__ import annotations

import pytest

from analysis import find_places


def _kind(text: str) -> str:
    places = find_places(text)
    return str(places[places["text"] == "Washington"].iloc[0]["kind"])


@pytest.mark.parametrize("text", [
    "The sanctions were announced in Washington on Friday.",
    "The summit in Washington ended without a deal.",
    "Diplomats gathered in Washington for the signing.",
    "A new ambassador arrived in Washington last week.",
])
def test_a_governments_affairs_make_the_name_its_capital(text: str) -> None:
    assert _kind(text) == "capital"


@pytest.mark.parametrize("text", [
    "Teachers in Washington reached a deal after talks with the state.",
    "Wildfires spread across Washington and Oregon.",
    "He moved to Washington from Oregon in 2010.",
])
def test_without_them_the_state_stays(text: str) -> None:
    assert _kind(text) == "admin1"


@pytest.mark.parametrize("text", [
    "Officials in Washington and Oregon signed a treaty on salmon.",
    "Diplomats in Washington, Idaho and Montana met farmers.",
    "The sanctions hurt growers in Washington and Oregon.",
])
def test_a_division_listed_with_another_stays_the_division(text: str) -> None:
    assert _kind(text) == "admin1"
