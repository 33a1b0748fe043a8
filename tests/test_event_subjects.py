"""Subjects that the first verb-like word after them does not end: a participle or reduced relative
clause between an actor and its verb ('Turkish soldiers deployed in Syria shelled ...'), and an agent
noun joined to the actor it serves ('Officials from Kenya's foreign ministry visited ...'); each with
sentences that vary the actors, verbs and word order."""

from __future__ import annotations

import pytest
from coded_samples import events, show

# ---- a participle after the actor describes it; the clause's verb is its act --------------------------

@pytest.mark.parametrize(("text", "source", "root", "not_trigger"), [
    ("Turkish soldiers deployed in Syria shelled Kurdish positions near Afrin.", "TUR", "19", "deployed"),
    ("Russian troops stationed in Moldova attacked Ukrainian border posts on Friday.", "RUS", "19", "stationed"),
    ("Iranian militias based in Iraq have attacked a US base.", "IRN", "19", "based"),
    ("Protesters demanding reforms clashed with Kenyan police in Nairobi.", "KEN", "19", "demanding"),
    ("On Monday, Ethiopian forces sent to Somalia killed five al-Shabaab fighters.", "ETH", "19", "sent"),
])
def test_the_verb_after_a_reduced_relative_is_the_actors_act(text: str, source: str, root: str,
                                                            not_trigger: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["source_country"] == source and e["root"] == root], show(evs)
    assert not [e for e in evs if e["trigger"].startswith(not_trigger)], show(evs)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Turkish soldiers deployed to the border with Syria.", "deployed"),  # no later verb: the participle is the verb
    ("Russia sent troops to Belarus and Belarus hosted them.", "sent"),  # an object, not a reduced relative
    ("Kenyan police arrested protesters demanding reforms in Nairobi.", "arrested"),  # the '-ing' of an object
    ("Chad complained to the African Union about Sudanese raids.", "complained"),  # '-s' forms may be nouns
    ("Chad complained to the African Union about attacks Sudan launched.", "complained"),  # Sudan's own verb
])
def test_a_verb_with_no_later_verb_of_its_actor_stays_the_act(text: str, trigger: str) -> None:
    evs = events(text)
    assert [e for e in evs if e["trigger"].startswith(trigger)], show(evs)


# ---- an agent noun joined to the actor it serves ----------------------------------------------------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Officials from Kenya's foreign ministry visited Uganda on Monday.", "KEN", "UGA"),
    ("Delegates from the African Union met Sudanese rebels in Addis Ababa.", "IGOAFRAFU", "SDNREB"),
    ("On Tuesday, envoys of the European Union criticised Belarus over the arrests.", "IGOEU", "BLR"),
    ("Negotiators from Hamas rejected the Israeli proposal.", "PSE", "ISR"),
])
def test_an_agent_noun_from_an_actor_makes_the_actor_the_subject(text: str, source: str, target: str) -> None:
    evs = events(text)
    assert [e for e in evs if (e["source"] or "").startswith(source) and (e["target"] or "").startswith(target)], \
        show(evs)


def test_an_agent_noun_after_a_verb_stays_its_object() -> None:
    evs = events("Police arrested officials from the Kenyan embassy.")
    assert not [e for e in evs if e["source_country"] == "KEN" and e["source"] != "KENCOP"], show(evs)
