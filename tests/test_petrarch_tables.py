"""Tests of the PETRARCH-2 actor and agent tables (analysis/data/petrarch_actors.tsv, petrarch_agents.tsv)
as data, of their parser (scripts/build_actor_tables.py) on TABARI text written here, and of their
loader (analysis._actor_tables). Nothing here reads the PETRARCH-2 dictionaries themselves."""

from __future__ import annotations

import importlib.util
import re
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "analysis" / "data"
CODE = re.compile(r"^(---|[A-Z]{3}(?:[A-Z]{3}|\d{3})*)$")
KINDS = {"country", "person", "igo", "ngo", "militia", "other"}
ACTOR_FILES = {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"}


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, sep="\t", dtype=str, keep_default_na=False, quoting=3, comment=None)


@pytest.fixture(scope="module")
def actors() -> pd.DataFrame:
    return _read("petrarch_actors.tsv")


@pytest.fixture(scope="module")
def agents() -> pd.DataFrame:
    return _read("petrarch_agents.tsv")


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_actor_tables", ROOT / "scripts" / "build_actor_tables.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _row(actors: pd.DataFrame, phrase: str, code: str) -> list[tuple[str, str, str]]:
    found = actors[(actors["phrase"] == phrase) & (actors["code"] == code)]
    return sorted(zip(found["start"], found["end"], found["kind"], strict=True))


# ---- the tables as data ----------------------------------------------------------------------------

def test_actor_table_shape(actors: pd.DataFrame) -> None:
    assert list(actors.columns) == ["phrase", "code", "start", "end", "country", "sector", "kind", "word", "source"]
    assert len(actors) > 40_000
    assert set(actors["kind"]) == KINDS
    assert set(actors["source"]) == ACTOR_FILES
    rows = list(actors.itertuples(index=False, name=None))
    assert rows == sorted(rows) and len(set(rows)) == len(rows), "rows are sorted and unique"


def test_every_code_has_a_cameo_shape(actors: pd.DataFrame, agents: pd.DataFrame) -> None:
    bad = actors.loc[~actors["code"].str.match(CODE), "code"]
    assert bad.empty, sorted(set(bad))[:10]
    assert agents["sector"].str.match(r"^[A-Z]{3}(?:[A-Z]{3})*$").all()
    assert set(agents["attach"]) == {"after", "before"}


def test_phrases_are_lower_case_words(actors: pd.DataFrame, agents: pd.DataFrame) -> None:
    forms = [*actors["phrase"], *agents["noun"], *[f for cell in agents["forms"] for f in cell.split("|") if cell]]
    for phrase in forms:
        assert phrase and phrase == phrase.lower() and phrase == " ".join(phrase.split()), repr(phrase)
        assert "_" not in phrase and "\t" not in phrase and '"' not in phrase, repr(phrase)
        assert any(ch.isalpha() for ch in phrase), repr(phrase)


def test_dates_parse_and_spans_run_forwards(actors: pd.DataFrame) -> None:
    for start, end in zip(actors["start"], actors["end"], strict=True):
        for day in (start, end):
            if day:
                assert date.fromisoformat(day).isoformat() == day
        if start and end:
            assert start <= end, (start, end)
    assert (actors["start"] != "").sum() > 20_000


def test_countries_are_iso3_and_kinds_follow_codes(actors: pd.DataFrame) -> None:
    iso3 = set(_read("countries.tsv")["iso3"])
    assert set(actors["country"]) - {""} <= iso3
    assert (actors.loc[actors["kind"] == "igo", "code"].str[:3] == "IGO").all()
    assert (actors.loc[actors["kind"] == "ngo", "code"].str[:3] == "NGO").all()
    assert (actors.loc[actors["kind"] == "country", "sector"] == "").all()
    assert (actors.loc[actors["source"] == "Phoenix.MilNonState.actors.txt", "kind"] == "militia").all()


def test_known_actors(actors: pd.DataFrame) -> None:
    assert ("2009-01-20", "", "person") in _row(actors, "barack obama", "USAGOV")
    assert ("2008-05-08", "", "person") in _row(actors, "vladimir putin", "RUSGOV")
    assert _row(actors, "kofi annan", "IGOUNO") == [("1997-01-01", "2006-12-31", "person")]
    assert _row(actors, "united nations", "IGOUNO") == [("", "", "igo")]
    assert _row(actors, "nato", "IGOWSTNAT") == [("", "", "igo")]
    assert _row(actors, "north korea", "PRK") == [("", "", "country")]
    assert _row(actors, "hamas", "PSEREBHMS") == [("", "", "militia")]
    assert _row(actors, "amnesty international", "NGOHRIAMN") == [("", "", "ngo")]
    # repaired dates and joined records (see ACTORS_SOURCES.md)
    assert ("2010-05-11", "", "person") in _row(actors, "david cameron", "GBRGOV")
    assert _row(actors, "ban ki-moon", "KORGOVBUS") == [("2004-01-17", "2006-12-01", "person")]
    assert ("1964-10-14", "1982-11-10", "person") in _row(actors, "leonid ilyich brezhnev", "RUSGOV")
    # a state's history: the Armenian SSR, then unrecognised, then Armenia
    assert _row(actors, "armenia", "USRARM") == [("", "1990-08-23", "country")]
    assert _row(actors, "armenia", "ARM") == [("1991-12-21", "", "country")]
    # a country group the dictionary writes wrongly is corrected to CAMEO's (ANGREB -> AGOREB)
    assert _row(actors, "unita", "AGOREB") == [("", "", "militia")]
    assert not actors["code"].str.startswith("ANG").any()


def test_known_agents(agents: pd.DataFrame) -> None:
    by_noun = {r.noun: r for r in agents.itertuples()}
    assert by_noun["police"].sector == "COP" and by_noun["police"].forms == ""
    assert by_noun["policeman"].forms.split("|")[0] == "policemen"
    assert by_noun["chamber of commerce"].forms == "chambers of commerce"
    assert by_noun["soldier"].sector == "MIL" and by_noun["soldier"].forms == "soldiers"
    assert by_noun["truce monitor"].attach == "before" and by_noun["truce monitor"].sector == "IGO"
    assert "foreign ministry" in by_noun["foreign minister"].forms.split("|")


def test_no_dropped_phrase_is_left(actors: pd.DataFrame, agents: pd.DataFrame) -> None:
    """The drop rule: no one-word actor phrase is an ordinary word of the project's vocabulary tables."""
    def forms(cells: pd.Series) -> set[str]:
        return {f.strip().lower() for cell in cells for f in str(cell).split("|") if f.strip()}

    def table(name: str) -> pd.DataFrame:
        return pd.read_csv(DATA / name, sep="\t", comment="#", dtype=str, keep_default_na=False)

    vocabulary = forms(table("function_words.tsv")["entry"]) | forms(table("event_triggers.tsv")["forms"])
    vocabulary |= forms(table("event_cues.tsv")["cue"]) | forms(table("time_words.tsv")["word"])
    vocabulary |= forms(table("agents.tsv")["noun"]) | forms(agents["noun"]) | forms(agents["forms"])
    single = set(actors.loc[~actors["phrase"].str.contains(" "), "phrase"])
    assert not single & vocabulary, sorted(single & vocabulary)[:10]
    assert {"youth", "senate", "ngo", "marches", "313"}.isdisjoint(actors["phrase"])
    assert {"un", "us", "turkey", "china", "berlin"} <= single  # names that are also English words stay


def test_tables_are_small() -> None:
    for name in ("petrarch_actors.tsv", "petrarch_agents.tsv"):
        assert (DATA / name).stat().st_size < 5_000_000


def test_licence_and_sources_document() -> None:
    licence = (DATA / "LICENSE-petrarch2.txt").read_text(encoding="utf-8")
    assert "MIT License" in licence and "Copyright (c) 2014 Open Event Data" in licence
    doc = (DATA / "ACTORS_SOURCES.md").read_text(encoding="utf-8")
    for needle in ("petrarch_actors.tsv", "petrarch_agents.tsv", "openeventdata/petrarch2",
                   "Copyright (c) 2014 Open Event Data Alliance", "scripts/build_actor_tables.py"):
        assert needle in doc


# ---- the parser on TABARI text written here -------------------------------------------------------

ACTOR_TEXT = """\
# a comment line
FREEDONIA_  [FRD]
+FREEDONIAN_
+GRAND_FENWICK_ +FENWICK_   # two synonyms on one line
RUFUS_T._FIREFLY_  # CountryInfo.txt
+PRESIDENT_"HUGO"_FIREFLY
\t[FRDELI 19200101-330301]
\t[FRDGOV 330302-451231]
\t[FRDGOV >200101]
\t[FRDELI]
SYLVANIA_  [SYL]
\t[FRDSYL <991231]
SYLVANIA_ARMY_ [SYLMIL]
INDIAN_OCEAN  [---]
UNCLE_SAM_ [USAGOV]
TRENTINO_
AMBASSADOR_TRENTINO
\t[FRDGOV 19320101-19331231]
CHICOLINI_\t[IGOUNO 970101-061231] [ELI]
BROKEN_ [FRDGOV 991301]
"""


def test_actor_parser_reads_tabari_records(builder: ModuleType) -> None:
    report = builder.Report()
    entries = builder.parse_actor_lines(ACTOR_TEXT.splitlines(), "test.actors.txt", report)
    assert [e.phrases for e in entries] == [
        ["FREEDONIA_", "FREEDONIAN_", "GRAND_FENWICK_", "FENWICK_"],
        ["RUFUS_T._FIREFLY_", 'PRESIDENT_"HUGO"_FIREFLY'],
        ["SYLVANIA_"],
        ["SYLVANIA_ARMY_"],
        ["INDIAN_OCEAN"],
        ["UNCLE_SAM_"],
        ["TRENTINO_", "AMBASSADOR_TRENTINO"],
        ["CHICOLINI_"],
        ["BROKEN_"],
    ]
    firefly = entries[1]
    assert [(s.code, s.start, s.end) for s in firefly.spans] == [
        ("FRDELI", "1920-01-01", "1933-03-01"), ("FRDGOV", "1933-03-02", "1945-12-31"),
        ("FRDGOV", "2020-01-01", ""),  # two-digit years 00-30 are 20YY
        ("FRDELI", "", ""),
    ]
    assert [(s.code, s.start, s.end) for s in entries[2].spans] == [("SYL", "", ""), ("FRDSYL", "", "1999-12-31")]
    assert not entries[-1].spans
    assert len(report.items["two synonyms on one line, split"]) == 1
    assert len(report.items["head line without '+' joined to the record above"]) == 1
    assert len(report.items["code or restriction not read (skipped)"]) == 1  # month 13

    book = builder.CodeBook.build({"USA"}, [s.code for e in entries for s in e.spans if s.code != "---"])
    rows = builder.actor_rows(entries, book, report)
    got = {(r["phrase"], r["code"], r["start"], r["end"], r["country"], r["sector"], r["kind"]) for r in rows}
    assert ("grand fenwick", "FRD", "", "", "", "", "country") in got
    assert ("president hugo firefly", "FRDGOV", "2020-01-01", "", "", "GOV", "person") in got
    assert ("sylvania", "FRDSYL", "", "1999-12-31", "", "", "country") in got  # a state of a state
    assert ("sylvania army", "SYLMIL", "", "", "", "MIL", "other") in got
    assert ("indian ocean", "---", "", "", "", "", "other") in got
    assert ("uncle sam", "USAGOV", "", "", "USA", "GOV", "other") in got
    assert ("ambassador trentino", "FRDGOV", "1932-01-01", "1933-12-31", "", "GOV", "person") in got
    assert ("chicolini", "IGOUNO", "1997-01-01", "2006-12-31", "", "IGO", "person") in got
    assert len(report.items["record without any code (no rows)"]) == 1


@pytest.mark.parametrize(("raw", "clean"), [
    ("RICHARD_\"DICKIE\"_BRADLEY_", "richard dickie bradley"),
    ("CONGO_(BRAZZAVILLE)_", "congo brazzaville"),
    ("STANKO_TODOROV (ACTING_  ", "stanko todorov"),
    ("SAMOA,_AMERICAN_", "samoa american"),
    ("QABUS_IBN_SA`ID_", "qabus ibn said"),
    ("AL-QAEDA_IN_IRAQ", "al-qaeda in iraq"),
    ("U.N._", "u.n."),
    ("COTE_D\ufffdIVOIRE_", ""),
])
def test_phrase_cleaning(builder: ModuleType, raw: str, clean: str) -> None:
    assert builder.clean_phrase(raw) == clean


AGENT_TEXT = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
POLICE {} [~COP]
POLICE!PERSON!  [~COP]
THIEF {THIEVES} [~CRM]   # irregular plural
ATTORNEY [~JUD]
MILITIAMAN [~UAF]
SECRETARY [~GOV]
FOREIGN_!MINIST! [~GOV]
!MINIST! FOR_AD!MINIST!RATIVE_REFORM [~GOVDEV]
TRUCE_MONITOR [IGO~]
CHIEF_OF_STAFF [~MIL]
ISLAMIC_EXTREMIST
"""


def test_agent_parser_reads_substitutions_and_plurals(builder: ModuleType) -> None:
    report = builder.Report()
    rows = builder.parse_agent_lines(AGENT_TEXT.splitlines(), "test.agents.txt", report)
    got = [(r["noun"], r["forms"], r["sector"], r["attach"]) for r in rows]
    assert got == [
        ("police", "", "COP", "after"),
        ("policeman", "policemen|policewoman|policewomen|policeperson", "COP", "after"),
        ("thief", "thieves", "CRM", "after"),
        ("attorney", "attorneys", "JUD", "after"),
        ("militiaman", "militiamen", "UAF", "after"),
        ("secretary", "secretaries", "GOV", "after"),
        ("foreign minister", "foreign ministers|foreign ministry|foreign ministries", "GOV", "after"),
        ("minister for administrative reform", "ministers for administrative reform|ministry for administrative "
         "reform|ministries for administrative reform", "GOVDEV", "after"),
        ("truce monitor", "truce monitors", "IGO", "before"),
        ("chief of staff", "chiefs of staff", "MIL", "after"),
    ]
    assert len(report.items["agent without a code (skipped, as PETRARCH does)"]) == 1


# ---- the loader -----------------------------------------------------------------------------------

def test_loader_looks_up_phrases_and_agent_nouns() -> None:
    from analysis._actor_tables import codes_on, petrarch_actors, petrarch_agents

    table = petrarch_actors()
    assert [c.code for c in table["united nations"]] == ["IGOUNO"]
    putin = table["vladimir putin"]
    assert [c.code for c in codes_on(putin, "2012-06-01")] == ["RUSGOV"]
    assert [(c.code, c.start) for c in codes_on(putin, "1960-01-01")] == [("RUSELI", "")]  # the default
    agents = petrarch_agents()
    assert agents["police"] == "COP" and agents["policemen"] == "COP" and agents["troops"] == "MIL"
    assert agents["security forces"] == "COP"  # the row whose head noun it is


@pytest.mark.parametrize(("packed", "code"), [
    # an organisation's code that opens before the dictionaries end goes on after them
    ("SYROPPHRI|2012-01-01||SYR|OPP|other", "SYROPPHRI"),
    ("KENOPP|2010-05-01||KEN|OPP|ngo", "KENOPP"),
    # a person's open term is not taken past them: the person is an elite of the country
    ("VENGOV|2013-04-19||VEN|GOV|person", "VENELI"),
])
def test_open_codes_after_the_dictionaries_end(packed: str, code: str) -> None:
    from analysis._actor_tables import petrarch_actor

    found = petrarch_actor(packed, "2024-06-01", "2016-01-01")
    assert found is not None and found.code == code
