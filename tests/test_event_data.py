"""Tests of the event-coding reference tables in analysis/data (as data, read with pandas).

The tables are produced by scripts/build_event_lexicon.py; provenance in analysis/data/EVENTS_SOURCES.md.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).parents[1]
DATA = ROOT / "analysis" / "data"

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "INVESTIGATE", "DEMAND",
    "DISAPPROVE", "FIGHT",
}
ROOT_QUAD = {f"{r:02d}": (1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4) for r in range(1, 21)}
MODALITY = {"asserted", "planned", "reported", "suspected", "hypothetical"}
PT = "PETRARCH2 CAMEO.2.0.txt verb dictionary"
CU = "curated from CAMEO codebook examples"


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, sep="\t", dtype=str, keep_default_na=False, quoting=3)


@pytest.fixture(scope="module")
def codes() -> pd.DataFrame:
    return read("cameo_codes.tsv")


@pytest.fixture(scope="module")
def triggers() -> pd.DataFrame:
    return read("event_triggers.tsv")


@pytest.fixture(scope="module")
def cues() -> pd.DataFrame:
    return read("event_cues.tsv")


@pytest.fixture(scope="module")
def times() -> pd.DataFrame:
    return read("time_words.tsv")


_INDEX: dict[int, dict[tuple[str, str], pd.Series]] = {}


def forms_index(triggers: pd.DataFrame) -> dict[tuple[str, str], pd.Series]:
    """(form, pos) -> trigger row, built once per table."""
    if id(triggers) not in _INDEX:
        out = {}
        for _, row in triggers.iterrows():
            for form in row["forms"].split("|"):
                out[(form, row["pos"])] = row
        _INDEX[id(triggers)] = out
    return _INDEX[id(triggers)]


def trigger(triggers: pd.DataFrame, form: str, pos: str) -> pd.Series:
    idx = forms_index(triggers)
    assert (form, pos) in idx, f"no {pos} trigger {form!r}"
    return idx[(form, pos)]


# ---- cameo_codes.tsv ---------------------------------------------------------------------------

def test_cameo_columns_and_size(codes):
    assert list(codes.columns) == ["code", "root", "level", "name", "quad_class", "goldstein", "plover",
                                   "plover_basis", "plover_2021"]
    assert len(codes) == 311  # the CAMEO 1.1b3 / GDELT code set: 20 roots, 3- and 4-digit codes


def test_codes_unique_and_well_formed(codes):
    assert codes["code"].is_unique
    assert codes["code"].str.fullmatch(r"\d{2,4}").all()
    assert (codes["root"] == codes["code"].str[:2]).all()
    assert (codes["level"].astype(int) == codes["code"].str.len()).all()
    assert set(codes.loc[codes["level"] == "2", "code"]) == set(ROOT_QUAD)


def test_every_code_has_its_parent(codes):
    known = set(codes["code"])
    for code in known:
        if len(code) == 3:
            assert code[:2] in known
        if len(code) == 4:
            assert code[:3] in known, code


def test_quad_class_follows_root(codes):
    assert (codes["quad_class"].astype(int) == codes["root"].map(ROOT_QUAD)).all()


def test_goldstein_in_range(codes):
    g = codes["goldstein"].astype(float)
    assert g.between(-10, 10).all()
    by_code = dict(zip(codes["code"], g, strict=True))
    # spot checks against GDELT's CAMEO.goldsteinscale.txt
    assert by_code["0874"] == 10.0
    assert by_code["057"] == 8.0
    assert by_code["163"] == -8.0
    assert by_code["190"] == -10.0
    assert by_code["130"] == -4.4
    assert by_code["042"] == 1.9


def test_names_present(codes):
    assert (codes["name"].str.len() > 0).all()
    names = dict(zip(codes["code"], codes["name"], strict=True))
    assert names["036"] == "Express intent to meet or negotiate"
    assert names["2042"] == "Detonate nuclear weapons"
    assert names["106"] == "Demand meeting, negotiation"
    assert names["114"] == "Complain officially"
    assert not codes["name"].str.contains(r"matyerial|Ò|  ", regex=True).any()


def test_plover_categories(codes):
    assert codes["plover"].isin(PLOVER).all()
    assert codes["plover_2021"].isin(PLOVER | {""}).all()
    assert codes["plover_basis"].isin({"readme", "crosswalk", "curated"}).all()
    p = dict(zip(codes["code"], codes["plover"], strict=True))
    assert p["19"] == p["190"] == p["20"] == "FIGHT"
    assert p["036"] == "AGREE" and p["042"] == "CONSULT" and p["081"] == "CONCEDE" and p["0841"] == "RETREAT"
    assert p["192"] == "COERCE" and p["175"] == "ASSAULT" and p["0813"] == "RETREAT"
    assert all(p[c] == "REQUEST" for c in p if c.startswith("02"))
    curated = codes.loc[codes["plover_basis"] == "curated", "root"]
    assert set(curated) == {"01", "02"}  # only the roots PLOVER dropped are mapped by hand


# ---- event_triggers.tsv ------------------------------------------------------------------------

def test_trigger_columns(triggers):
    assert list(triggers.columns) == ["lemma", "forms", "pos", "cameo", "target_prep", "object_role",
                                      "source", "note"]
    assert len(triggers) >= 300


def test_trigger_codes_exist(triggers, codes):
    missing = set(triggers["cameo"]) - set(codes["code"])
    assert not missing


def test_trigger_fields(triggers):
    assert triggers["pos"].isin({"verb", "noun"}).all()
    assert triggers["object_role"].isin({"target", "theme", "target_if_with", "none", "received", "actor"}).all()
    assert (triggers.loc[triggers["pos"] == "noun", "object_role"] == "none").all()
    assert triggers["source"].isin({PT, CU}).all()
    assert (triggers["note"].str.len() > 0).all()
    preps = {"with", "from", "to", "on", "against", "in", "of", "for", "about", "at", "into", "between",
             "over", "by", "as", "toward", "towards", "near"}
    for value in triggers["target_prep"]:
        if value:
            assert set(value.split("|")) <= preps, value


def test_trigger_forms_well_formed(triggers):
    for _, row in triggers.iterrows():
        forms = row["forms"].split("|")
        assert all(forms), row["lemma"]
        assert len(forms) == len(set(forms)), row["lemma"]
        assert row["lemma"] in forms
        for f in forms:
            assert f == f.lower() and f == f.strip() and "  " not in f and "^" not in f, f


def test_trigger_forms_unique_per_pos(triggers):
    seen: dict[tuple[str, str], str] = {}
    for _, row in triggers.iterrows():
        for form in row["forms"].split("|"):
            key = (form, row["pos"])
            assert key not in seen, f"{key} under {seen[key]!r} and {row['lemma']!r}"
            seen[key] = row["lemma"]
    assert triggers[["lemma", "pos"]].duplicated().sum() == 0


def test_triggers_cover_all_roots(triggers):
    assert set(triggers["cameo"].str[:2]) == set(ROOT_QUAD)


def test_meet_is_consult(triggers):
    # decision: 'meet' is CAMEO 040 (PETRARCH MEET_PEOPLE [040]); 036 arises from a planned modality cue
    row = trigger(triggers, "meet", "verb")
    assert row["cameo"] == "040" and row["target_prep"] == "with"
    assert set(row["forms"].split("|")) >= {"meet", "meets", "met", "meeting"}
    assert trigger(triggers, "met", "verb")["lemma"] == "meet"


def test_invasion_is_material_conflict(triggers, codes):
    quad = dict(zip(codes["code"], codes["quad_class"], strict=True))
    for form in ("invasion", "invasions"):
        code = trigger(triggers, form, "noun")["cameo"]
        assert code[:2] in {"19", "20"} and quad[code] == "4"
    assert trigger(triggers, "invaded", "verb")["cameo"] == "192"


def test_warn_is_verbal_conflict(triggers, codes):
    quad = dict(zip(codes["code"], codes["quad_class"], strict=True))
    row = trigger(triggers, "warned", "verb")
    assert row["lemma"] == "warn" and quad[row["cameo"]] == "3"
    assert row["object_role"] == "target" and row["target_prep"] == ""


def test_supply_is_material_cooperation(triggers, codes):
    quad = dict(zip(codes["code"], codes["quad_class"], strict=True))
    for form in ("supply", "supplied", "supplies"):
        row = trigger(triggers, form, "verb")
        assert row["cameo"].startswith("07") and quad[row["cameo"]] == "2"
    assert trigger(triggers, "supply", "verb")["object_role"] == "target_if_with"


def test_invite_is_consult(triggers):
    assert trigger(triggers, "invited", "verb")["cameo"].startswith("04")


@pytest.mark.parametrize(
    ("form", "pos", "root"),
    [
        ("visited", "verb", "04"), ("hosted", "verb", "04"), ("summit", "noun", "04"),
        ("talks", "noun", "04"),
        ("held talks", "verb", "04"), ("signed", "verb", "05"), ("drew closer", "verb", "05"),
        ("deepening ties", "verb", "05"), ("strengthened ties", "verb", "05"), ("praised", "verb", "05"),
        ("cooperation", "noun", "05"), ("treaty", "noun", "05"), ("sought to buy", "verb", "03"),
        ("pledged", "verb", "03"), ("bought", "verb", "06"), ("sold", "verb", "06"),
        ("provided", "verb", "07"), ("delivered", "verb", "07"), ("released", "verb", "08"),
        ("withdrew troops", "verb", "08"), ("investigated", "verb", "09"), ("probe", "noun", "09"),
        ("demanded", "verb", "10"), ("urged", "verb", "02"), ("called on", "verb", "02"),
        ("condemned", "verb", "11"), ("accused", "verb", "11"), ("denied", "verb", "01"),
        ("rejected", "verb", "12"), ("refused", "verb", "12"), ("threatened", "verb", "13"),
        ("pay a price", "verb", "13"), ("protested", "verb", "14"), ("demonstrators", "noun", None),
        ("mobilized", "verb", "15"), ("test-fired", "verb", "15"), ("deployed troops", "verb", "15"),
        ("imposed sanctions", "verb", "16"), ("sanctions", "noun", "16"), ("expelled", "verb", "17"),
        ("arrested", "verb", "17"), ("detained", "verb", "17"), ("kidnapped", "verb", "18"),
        ("attacked", "verb", "19"), ("struck", "verb", "19"), ("shelled", "verb", "19"),
        ("fired missiles", "verb", "19"), ("launched missiles", "verb", "19"), ("clashed", "verb", "19"),
        ("war", "noun", "19"), ("occupied", "verb", "19"), ("killed", "verb", "19"),
        ("massacre", "noun", "20"), ("hacked", "verb", "17"), ("dismissed", "verb", "12"),
        ("wounded", "verb", "18"), ("cancelled restrictions", "verb", "08"), ("canceled restrictions", "verb", "08"),
        ("closed the border", "verb", "19"), ("granted asylum", "verb", "07"), ("threw stones", "verb", "14"),
        ("patrols", "noun", "15"), ("sent tanks", "verb", "07"), ("welcomed", "verb", "05"),
    ],
)
def test_common_news_triggers(triggers, form, pos, root):
    idx = forms_index(triggers)
    if root is None:
        assert (form, pos) not in idx  # actors are not triggers
    else:
        assert (form, pos) in idx, form
        assert idx[(form, pos)]["cameo"][:2] == root, (form, idx[(form, pos)]["cameo"])


def test_target_prepositions(triggers):
    assert trigger(triggers, "bought", "verb")["target_prep"] == "from"
    assert trigger(triggers, "sought", "verb")["target_prep"] == "from"
    assert trigger(triggers, "visited", "verb")["target_prep"] == ""
    assert trigger(triggers, "clashed", "verb")["target_prep"] == "with"


# ---- event_cues.tsv ----------------------------------------------------------------------------

def test_cue_fields(cues):
    assert list(cues.columns) == ["cue", "kind", "value", "source"]
    assert cues["kind"].isin({"negation", "modality", "attribution", "report_verb", "control", "light_verb"}).all()
    assert cues[["cue", "kind"]].duplicated().sum() == 0
    assert (cues["cue"] == cues["cue"].str.lower()).all() and (cues["cue"].str.strip() == cues["cue"]).all()
    assert (cues["source"].str.len() > 0).all()


def test_cue_values(cues):
    by_kind = {k: set(g["value"]) for k, g in cues.groupby("kind")}
    assert by_kind["negation"] == {"negated"}
    assert by_kind["modality"] <= MODALITY
    assert by_kind["modality"] == MODALITY
    assert by_kind["attribution"] == {"source"}
    assert by_kind["report_verb"] <= {"speaker", "reporter"}
    assert by_kind["control"] == {"subject", "governor", "preparation"}
    assert by_kind["light_verb"] == {"light"}


def test_required_cues(cues):
    have = {(c, k): v for c, k, v in zip(cues["cue"], cues["kind"], cues["value"], strict=True)}
    for cue in ["not", "n't", "never", "no", "denied", "denies", "refused", "rejected claims", "without"]:
        assert have[(cue, "negation")] == "negated"
    for cue in ["will", "'ll", "is to", "are to", "plans to", "planned", "scheduled to", "is expected to",
                "expected", "set to", "going to", "in the coming days", "would meet", "intends to",
                "upcoming"]:
        assert have[(cue, "modality")] == "planned", cue
    for cue in ["could", "might", "may", "would", "if", "possible", "potential", "likely", "would likely",
                "unless", "could be"]:
        assert have[(cue, "modality")] == "hypothetical", cue
    for cue in ["suspected", "suspects", "alleged", "allegedly", "reportedly", "believed to", "accused of",
                "presumably", "purported"]:
        assert have[(cue, "modality")] == "suspected", cue
    for cue in ["according to", "said", "says", "told", "reported", "citing", "cited", "quoted", "claimed",
                "stated", "announced"]:
        assert have[(cue, "modality")] == "reported", cue
    for cue in ["said", "says", "told", "announced", "stated", "confirmed", "added"]:
        assert (cue, "report_verb") in have, cue
    for cue in ["according to", "citing"]:
        assert (cue, "attribution") in have
    for cue in ["tried", "continued", "willing", "resumed", "failed"]:
        assert have[(cue, "control")] == "subject", cue
    assert have[("prepared", "control")] == "preparation"
    for lemma in ["order", "force", "allow", "invite"]:
        assert have[(lemma, "control")] == "governor", lemma
    for cue in ["launched", "staged", "held", "lodged", "declared", "carried out", "opened"]:
        assert have[(cue, "light_verb")] == "light", cue
    assert ("ended", "light_verb") not in have and ("suspended", "light_verb") not in have


# ---- time_words.tsv ----------------------------------------------------------------------------

def test_time_fields(times):
    assert list(times.columns) == ["word", "kind", "value", "source"]
    assert times["word"].is_unique
    assert (times["word"] == times["word"].str.lower()).all()
    assert times["kind"].isin({"weekday", "month", "relative_day", "relative_week", "relative_weekend",
                               "relative_month", "relative_year", "number", "unit_day", "unit_week",
                               "unit_month", "unit_year", "month_part", "recent"}).all()
    assert times["value"].str.fullmatch(r"-?\d+").all()


def test_all_months_and_weekdays(times):
    val = dict(zip(times["word"], times["value"].astype(int), strict=True))
    kind = dict(zip(times["word"], times["kind"], strict=True))
    months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december"]
    days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    for i, m in enumerate(months, start=1):
        assert kind[m] == "month" and val[m] == i
    for i, d in enumerate(days):
        assert kind[d] == "weekday" and val[d] == i
    assert set(times.loc[times["kind"] == "month", "value"].astype(int)) == set(range(1, 13))
    assert set(times.loc[times["kind"] == "weekday", "value"].astype(int)) == set(range(7))
    for abbr, m in [("jan.", 1), ("sept.", 9), ("sep", 9), ("feb.", 2), ("dec", 12)]:
        assert val[abbr] == m and kind[abbr] == "month"
    for abbr, d in [("mon", 0), ("tues", 1), ("thurs", 3), ("sun.", 6)]:
        assert val[abbr] == d and kind[abbr] == "weekday"


def test_relative_offsets(times):
    got = {w: (k, int(v)) for w, k, v in zip(times["word"], times["kind"], times["value"], strict=True)}
    assert got["today"] == ("relative_day", 0)
    assert got["yesterday"] == ("relative_day", -1)
    assert got["tomorrow"] == ("relative_day", 1)
    assert got["tonight"] == ("relative_day", 0)
    assert got["last week"] == ("relative_week", -1)
    assert got["next week"] == ("relative_week", 1)
    assert got["this week"] == ("relative_week", 0)
    assert got["last month"] == ("relative_month", -1)
    assert got["next month"] == ("relative_month", 1)
    assert got["last year"] == ("relative_year", -1)
    assert got["next year"] == ("relative_year", 1)
    assert got["this year"] == ("relative_year", 0)
    assert got["earlier this year"] == ("relative_year", 0)
    # spans up to the article date are read from a count and a unit, not listed as calendar offsets
    assert "in the past year" not in got and "the past week" not in got
    assert (got["few"], got["recent"]) == (("number", 3), ("recent", 3))


# ---- regeneration --------------------------------------------------------------------------------

def test_tables_match_generator():
    """The committed TSVs are exactly what scripts/build_event_lexicon.py writes."""
    script = ROOT / "scripts" / "build_event_lexicon.py"
    spec = importlib.util.spec_from_file_location("build_event_lexicon", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, text in module.build().items():
        assert (DATA / name).read_text(encoding="utf-8") == text, f"{name} is stale: rerun the script"


def test_sources_document_lists_files():
    doc = (DATA / "EVENTS_SOURCES.md").read_text(encoding="utf-8")
    for name in ["cameo_codes.tsv", "event_triggers.tsv", "event_cues.tsv", "time_words.tsv",
                 "openeventdata/petrarch2", "openeventdata/PLOVER", "CAMEO.goldsteinscale.txt"]:
        assert name in doc
    assert re.search(r"2026-11", doc)


def test_sources_document_row_counts_match_the_tables():
    doc = (DATA / "EVENTS_SOURCES.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([\w.]+\.tsv)` \| (\d+) \|", doc, flags=re.M)
    assert len(rows) >= 5
    for name, count in rows:
        table = pd.read_csv(DATA / name, sep="\t", comment="#", dtype=str, keep_default_na=False)
        assert len(table) == int(count), f"EVENTS_SOURCES.md says {count} rows of {name}; it has {len(table)}"
