"""Sector granularity of agent nouns: a generic head of people who lead or speak ('leaders', 'officials')
takes the sector of a modifier that names a force or a side; other modifiers leave it a government's."""

from __future__ import annotations

import pytest
from coded_samples import actor_codes


@pytest.mark.parametrize(("text", "actor", "code"), [
    ("Pakistan's army chief held talks with Chinese military leaders.", "Chinese military leaders", "CHNMIL"),
    ("Egyptian police chiefs met Libyan army commanders in Cairo.", "Egyptian police chiefs", "EGYCOP"),
    ("Sudanese military leaders rejected the African Union's plan.", "Sudanese military leaders", "SDNMIL"),
    ("On Monday Colombian rebel leaders accused Bogota of stalling.", "Colombian rebel leaders", "COLREB"),
])
def test_a_force_or_side_before_a_generic_head_gives_the_sector(text: str, actor: str, code: str) -> None:
    assert actor_codes(text).get(actor) == code


@pytest.mark.parametrize(("text", "actor", "code"), [
    ("Ugandan agriculture officials visited Kenya.", "Ugandan agriculture officials", "UGAGOV"),
    ("Senior Indian officials met Nepal's envoy in Delhi.", "Indian officials", "INDGOV"),
    ("Chilean education officials praised Peru's reforms.", "Chilean education officials", "CHLGOV"),
])
def test_other_modifiers_leave_officials_the_governments(text: str, actor: str, code: str) -> None:
    # a sub-sector of the tables may follow ('GOVEDU'), the sector stays the government's
    assert actor_codes(text).get(actor, "").startswith(code)
