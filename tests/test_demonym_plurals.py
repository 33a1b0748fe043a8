"""The plural people's words of countries ('Yemenis', 'Azerbaijanis', 'Bahrainis') are their countries, as
places in running text and as actors of the events news tells of them."""

from __future__ import annotations

import pytest

from analysis.extract.pipeline import find_places
from tests.coded_samples import events, show


def test_plural_peoples_words_are_found_in_running_text() -> None:
    places = find_places("Yemenis and Omanis queued at the crossing while Qataris, Kuwaitis and Bangladeshis waited.")
    assert set(places["country"]) == {"YEM", "OMN", "QAT", "KWT", "BGD"}


@pytest.mark.parametrize("text,source,plover,target", [
    ("Schools closed because of fighting between Azerbaijanis and Armenians.", "AZE", "FIGHT", "ARM"),
    ("Clashes between Somalis and Ethiopians broke out near the border town.", "SOM", "FIGHT", "ETH"),
    ("Hundreds of Bahrainis protested outside the Qatari embassy on Friday.", "BHR", "PROTEST", "QATGOV"),
])
def test_plural_peoples_words_act(text: str, source: str, plover: str, target: str) -> None:
    evs = events(text)
    assert (source, plover, target) in {(e["source"], e["plover"], e["target"]) for e in evs}, show(evs)
