"""The verb triggers built from PETRARCH-2's verb dictionary (analysis/data/petrarch_triggers.tsv): the table
as data, its builder (scripts/build_petrarch_verbs.py) on dictionary text written here, and the coder on
sentences with the verbs and verb phrases it adds. Nothing here reads the PETRARCH-2 dictionary itself."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd
import pytest

from analysis.extract.pipeline import extract_record
from analysis.io.articles import article_from_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "analysis" / "data"

DICTIONARY = """\
####### SYNONYM SETS #######
&WEAPON
+RIFLES
+TANKS

####### VERB PATTERNS #######

---  RAZE   [190]  ---
RAZE
FLATTEN
- * (TO GROUND)                                   [190]         # RAZE

---  CONVEY   [---]  ---
CONVEY
- * &WEAPON                                       [072]         # CONVEY
- * {RELIEF SUPPLIES}                             [073]         # CONVEY
- + * SUPPLIES                                    [073]         # CONVEY
- &MILITARY * (TO FRONT)                          [150]         # CONVEY

---  REMARK   [010]  ---
REMARK
- * (ON CRISIS)                                   [012]         # REMARK

---  IMPROVE   [060]  ---
MEND
- * TIES                                          [050]         # MEND

---  SLOW   [---]  ---
STALL {STALLS STALLED STALLING }  [1213]
- * ---                                           [---]         # STALL

######## TRANSFORMATIONS ##########
"""


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_petrarch_verbs", ROOT / "scripts" / "build_petrarch_verbs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_petrarch_verbs"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built(builder: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    folder = tmp_path_factory.mktemp("petrarch")
    for name in ("event_triggers.tsv", "function_words.tsv", "event_cues.tsv", "cameo_codes.tsv"):
        shutil.copy(DATA / name, folder / name)
    (folder / "CAMEO.txt").write_text(DICTIONARY, encoding="latin-1")
    text = builder.build(folder / "CAMEO.txt", None, folder)
    assert text == builder.build(folder / "CAMEO.txt", None, folder)  # deterministic
    (folder / "out.tsv").write_text(text, encoding="utf-8")
    return pd.read_csv(folder / "out.tsv", sep="\t", dtype=str, keep_default_na=False, quoting=3)


def _code(table: pd.DataFrame, lemma: str) -> str | None:
    rows = table.loc[table["lemma"] == lemma, "cameo"]
    return rows.iloc[0] if len(rows) else None


def test_defaults_patterns_and_classes(built: pd.DataFrame) -> None:
    assert _code(built, "raze") == "190" and _code(built, "flatten") == "190"
    assert _code(built, "raze to ground") == "190"
    assert _code(built, "convey rifles") == "072" and _code(built, "convey tanks") == "072"  # &WEAPON expanded
    assert _code(built, "convey relief supplies") == "073"  # a compound
    assert "conveyed tanks" in built.loc[built["lemma"] == "convey tanks", "forms"].iloc[0]
    assert "conveying tanks" not in "|".join(built["forms"])  # no default: its participle names a means
    assert _code(built, "stall") == "121"  # the verb's own code, as its defined parent (1213 -> 121)


def test_what_is_left_out(built: pd.DataFrame) -> None:
    assert _code(built, "convey") is None  # a block without a default gives its verbs no bare trigger
    assert _code(built, "convey supplies") is None  # PETRARCH's target marker '+'
    assert _code(built, "remark") is None  # a statement's default (010)
    assert _code(built, "remark on crisis") is None  # nor a statement's patterns: statements govern clauses
    assert _code(built, "mend") is None  # a general cooperative default (060)
    assert _code(built, "mend ties") is None  # curated in event_triggers.tsv: the curated row wins


def test_the_table_as_data() -> None:
    table = pd.read_csv(DATA / "petrarch_triggers.tsv", sep="\t", dtype=str, keep_default_na=False, quoting=3)
    curated = pd.read_csv(DATA / "event_triggers.tsv", sep="\t", dtype=str, keep_default_na=False, quoting=3)
    assert list(table.columns) == list(curated.columns)
    assert not table["cameo"].str.startswith("01").any()
    assert not table["lemma"].str.split().str[0].isin(["be", "is", "has", "have", "will"]).any()
    codes = set(pd.read_csv(DATA / "cameo_codes.tsv", sep="\t", dtype=str)["code"])
    assert set(table["cameo"]) <= codes
    forms = table["forms"].str.split("|").explode()
    assert not forms.duplicated().any()
    assert not set(forms) & set(curated["forms"].str.split("|").explode())
    assert (table["source"] == "PETRARCH2 CAMEO.2.0.txt verb dictionary (generated)").all()
    assert table["note"].str.startswith("block ").all()
    assert len(table) > 3000


# ---- the coder with the wider lexicon -----------------------------------------------------------------

def events(text: str) -> list[dict[str, Any]]:
    return extract_record(article_from_text(text, date="2012-05-01"))["events"]


@pytest.mark.parametrize(("text", "source", "root", "target"), [
    ("Syrian troops razed three villages near Aleppo on Tuesday.", "SYR", "18", None),  # villages: ASSAULT
    ("Syrian troops razed three rebel bases near Aleppo on Tuesday.", "SYR", "19", None),
    ("Ethiopian forces decimated an Eritrean battalion near Badme.", "ETH", "19", "ERI"),
    ("Venezuela ousted the Colombian ambassador on Friday.", "VEN", "17", "COL"),
    ("Chinese officials chided Japan over the islands dispute.", "CHN", "11", "JPN"),
    ("Pakistan proscribed Lashkar-e-Taiba in 2002.", "PAK", "17", None),
    ("Turkish jets overflew Greek islands in the Aegean.", "TUR", "15", "GRC"),
])
def test_verbs_with_a_default_code(text: str, source: str, root: str, target: str | None) -> None:
    evs = events(text)
    assert any(e["source_country"] == source and e["cameo"][:2] == root
               and (target is None or e["target_country"] == target) for e in evs), evs


@pytest.mark.parametrize(("text", "plover"), [
    ("Qatar's emir launched a mediation effort between Saudi Arabia and the Emirates.", "CONSULT"),
    ("Norway began a mediation effort between Colombia and the FARC.", "CONSULT"),
    ("Algeria started a new mediation initiative between Mali and the Tuareg rebels.", "CONSULT"),
])
def test_a_generated_phrase_takes_no_event_noun_as_modifier(text: str, plover: str) -> None:
    assert any(e["plover"] == plover for e in events(text))


@pytest.mark.parametrize("text", [
    "The search for survivors continued in Haiti on Sunday.",
    "Officials in Lima said fog hampered the search near the border with Chile.",
    "Heavy rain hampered traffic in Manila.",
])
def test_no_event_without_actors_or_act(text: str) -> None:
    assert not [e for e in events(text) if e["source_country"] and e["target_country"]]
