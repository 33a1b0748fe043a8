"""A show of force or mobilisation (CAMEO 15) at a border is aimed at the country across it: 'put its troops on
high alert along the border with Mali', 'staged military drills near the border with Finland', 'deployed
troops along its frontier with Guyana', 'massed troops on the Polish border'. Sentences vary the act, the
preposition, the border noun and the countries; counter-sentences keep other acts near a border to their
own targets and a border of no named country."""

from __future__ import annotations

import pytest
from coded_samples import events, show


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Algeria put its troops on high alert along the border with Mali.", "DZA", "MLI"),
    ("Russia staged military drills near the border with Finland.", "RUS", "FIN"),
    ("Venezuela deployed troops along its frontier with Guyana.", "VEN", "GUY"),
    ("Belarus massed troops on the Polish border.", "BLR", "POL"),
])
def test_a_show_of_force_at_a_border_is_aimed_across_it(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source"] == source and e["target_country"] == target and e["root"] == "15"], \
        show(evs)


def test_a_border_of_no_named_country_gives_no_target() -> None:
    evs = events("Kenya deployed troops along its northern border on Monday.")
    assert [e for e in evs if e["source"] == "KEN" and e["root"] == "15" and e["target"] is None], show(evs)


def test_other_acts_at_a_border_keep_their_object() -> None:
    evs = events("Turkey closed its border with Syria to refugees.")
    assert not [e for e in evs if e["root"] == "15"], show(evs)
