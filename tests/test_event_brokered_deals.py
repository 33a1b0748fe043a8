"""The joint act of a compound subject is between its members even when its object names a go-between after
'by' ('signed a peace deal brokered by the United Arab Emirates', 'an accord mediated by the European
Union'): the agent of a participle inside the object is no side of the deal. Sentences vary the pair, the
verb, the participle and the go-between; a single subject keeps the 'by' actor as before."""

from __future__ import annotations

import pytest
from coded_samples import events, show


@pytest.mark.parametrize(("text", "pair", "broker"), [
    ("Saudi Arabia and Iran agreed to restore diplomatic relations in a deal brokered by China.",
     {"SAU", "IRN"}, "CHN"),
    ("Serbia and Kosovo signed an accord mediated by the European Union.", {"SRB", "XKX"}, "IGOEUREEC"),
    ("Ethiopia and Eritrea signed a peace deal brokered by the United Arab Emirates.", {"ETH", "ERI"}, "ARE"),
    ("Israel and Hamas agreed to a truce brokered by Egypt and Qatar.", {"ISR", "PSE"}, "EGY"),
])
def test_a_go_between_after_by_is_no_side_of_a_joint_act(text: str, pair: set[str], broker: str) -> None:
    evs = events(text)
    assert [e for e in evs if {e["source_country"], e["target_country"]} == pair], show(evs)
    assert not [e for e in evs if e["target"] == broker], show(evs)


def test_a_single_subject_keeps_the_actor_after_by() -> None:
    evs = events("Armenia signed a deal brokered by Russia.")
    assert [e for e in evs if e["source"] == "ARM" and e["target"] == "RUS"], show(evs)
