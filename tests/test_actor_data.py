"""Data tests for the actor reference tables in analysis/data.

These test the TSV files as data (schema, codes, dates, key facts); they do
not import the analysis package.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

DATA = Path(__file__).parents[1] / "analysis" / "data"

OFFICES = {
    "head_of_state",
    "head_of_government",
    "supreme_leader",
    "foreign_minister",
    "defence_minister",
    "national_security_adviser",
}
INSTITUTION_KINDS = {"institution", "media", "igo", "ngo", "company", "armed_forces"}
# CAMEO primary and secondary agent/sector codes used in these tables.
SECTORS = {
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "UAF", "BUS", "MED",
    "EDU", "CVL", "REF", "HLH", "NGO", "SPY", "LAB", "REL", "ELI", "CRM", "AGR",
    "HRI", "ENV", "PTY", "IGO", "IMG",
}
NATIONAL_CODE = re.compile(r"^[A-Z]{3}[A-Z]{3}$")
# International codes: IGO/NGO/IMG followed by up to four 3-letter CAMEO groups
# (e.g. IGOUNO, IGOWSTNAT, IGOUNOHLHWHO, NGOHRIAMN, IMGMOS).
INTERNATIONAL_CODE = re.compile(r"^(IGO|NGO|IMG)([A-Z]{3}){0,4}$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Codes outside ISO 3166-1 that the tables use on purpose.
EXTRA_COUNTRIES = {"XKX"}  # Kosovo (user-assigned code, not in ISO 3166-1)

UN_MEMBERS = set(
    "AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN "
    "BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI "
    "CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI "
    "FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN "
    "IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU "
    "LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU "
    "NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR "
    "MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM "
    "ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA "
    "UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE".split()
)
# UN members with no head-of-state/government rows yet (see ACTORS_SOURCES.md).
KNOWN_COVERAGE_GAPS = {"SMR"}


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, sep="\t", dtype=str, keep_default_na=False, encoding="utf-8")


@pytest.fixture(scope="module")
def leaders() -> pd.DataFrame:
    return _read("leaders.tsv")


@pytest.fixture(scope="module")
def institutions() -> pd.DataFrame:
    return _read("institutions.tsv")


@pytest.fixture(scope="module")
def agents() -> pd.DataFrame:
    return _read("agents.tsv")


def _valid_countries() -> set[str] | None:
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is installed in the venv
        return None
    return {c.alpha_3 for c in pycountry.countries} | EXTRA_COUNTRIES


def _check_country(code: str, valid: set[str] | None) -> bool:
    if valid is None:
        return bool(re.fullmatch(r"[A-Z]{3}", code))
    return code in valid


def _lo(value: str) -> date:
    """Earliest day a (possibly partial) date can mean."""
    parts = [int(p) for p in value.split("-")]
    year, month, day = parts[0], (parts[1] if len(parts) > 1 else 1), (parts[2] if len(parts) > 2 else 1)
    return date(year, month, day)


def _hi(value: str) -> date:
    """Latest day a (possibly partial) date can mean."""
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return date(year, month, day)


def _holders(df: pd.DataFrame, country: str, office: str, on: str) -> set[str]:
    when = date.fromisoformat(on)
    out = set()
    for r in df[(df.country == country) & (df.office == office)].itertuples():
        if _lo(r.start) <= when and (not r.end or when <= _hi(r.end)):
            out.add(r.name)
    return out


def _names(row) -> list[str]:
    return [row.name] + [a for a in row.aliases.split("|") if a]


# ---------------------------------------------------------------- schema


def test_leaders_columns(leaders):
    assert list(leaders.columns) == [
        "name", "aliases", "short", "country", "office", "start", "end", "code", "source",
    ]
    assert len(leaders) > 1000


def test_institutions_columns(institutions):
    assert list(institutions.columns) == [
        "name", "aliases", "code", "country", "sector", "kind", "seat", "metonym", "source",
    ]


def test_agents_columns(agents):
    assert list(agents.columns) == ["noun", "sector", "office", "source"]
    offices = {"head_of_state", "head_of_government", "supreme_leader", "foreign_minister", "defence_minister"}
    assert set(agents["office"]) <= offices | {""}


@pytest.mark.parametrize("table", ["leaders", "institutions", "agents"])
def test_no_blank_required_fields(request, table):
    df = request.getfixturevalue(table)
    required = {"leaders": ["name", "country", "office", "start", "code", "source"],
                "institutions": ["name", "code", "sector", "kind", "metonym", "source"],
                "agents": ["noun", "sector", "source"]}[table]
    for col in required:
        assert (df[col].str.strip() != "").all(), f"{table}.{col} has blanks"
    for col in df.columns:
        assert not df[col].str.contains("\t|\n").any(), f"{table}.{col} has tabs/newlines"
        assert (df[col] == df[col].str.strip()).all(), f"{table}.{col} has padding"


# ---------------------------------------------------------------- leaders


def test_leader_codes(leaders):
    assert leaders.code.str.match(NATIONAL_CODE).all()
    assert (leaders.code == leaders.country + "GOV").all()


def test_leader_countries(leaders):
    valid = _valid_countries()
    bad = sorted({c for c in leaders.country if not _check_country(c, valid)})
    assert not bad, bad


def test_leader_offices(leaders):
    assert set(leaders.office) <= OFFICES


def test_leader_dates(leaders):
    for r in leaders.itertuples():
        assert DATE_RE.match(r.start), (r.name, r.start)
        _lo(r.start)
        if r.end:
            assert DATE_RE.match(r.end), (r.name, r.end)
            assert _lo(r.start) <= _hi(r.end), (r.name, r.office, r.start, r.end)
            # the table starts in 1980 (older leaders only for news of the 1980s and 1990s)
            assert _hi(r.end) >= date(1980, 1, 1), (r.name, r.end)
        assert _lo(r.start) <= date(2026, 12, 31), (r.name, r.start)


def test_leader_no_duplicates(leaders):
    # The same person may hold the "same" office in several countries on the
    # same day (the British monarch in each Commonwealth realm, the French
    # president as co-prince of Andorra), so the key includes the country.
    key = leaders[["name", "office", "start", "country"]]
    dups = key[key.duplicated(keep=False)]
    assert dups.empty, dups.to_string()
    # Within one country, one person never has two rows for the same office
    # and start.
    assert not leaders.duplicated(["name", "office", "start", "country"]).any()


def test_leader_terms_of_one_person_do_not_overlap(leaders):
    for (_, _, _), grp in leaders.groupby(["name", "country", "office"]):
        spans = sorted((_lo(s), _hi(e) if e else date(9999, 1, 1)) for s, e in zip(grp.start, grp.end, strict=False))
        for (_a0, a1), (b0, _b1) in zip(spans, spans[1:], strict=False):
            assert b0 >= a1 or (a1 - b0).days <= 1, grp.to_string()


def test_leader_aliases_unique_per_row(leaders):
    for r in leaders.itertuples():
        names = _names(r)
        assert len(names) == len(set(names)), names
        assert all(n.strip() == n and n for n in names), names


def test_every_un_member_has_a_leader(leaders):
    top = leaders[leaders.office.isin(["head_of_state", "head_of_government", "supreme_leader"])]
    missing = UN_MEMBERS - set(top.country) - KNOWN_COVERAGE_GAPS
    assert not missing, sorted(missing)


@pytest.mark.parametrize("country", sorted(
    "USA RUS CHN PRK KOR JPN UKR GBR FRA DEU IND PAK IRN ISR TUR SAU".split()))
def test_priority_countries_have_ministers(leaders, country):
    offices = set(leaders[leaders.country == country].office)
    assert "foreign_minister" in offices, country
    assert "defence_minister" in offices, country


# ---------------------------------------------------------------- facts


def test_putin_head_of_state_2023(leaders):
    assert "Vladimir Putin" in _holders(leaders, "RUS", "head_of_state", "2023-09-11")


def test_putin_both_offices(leaders):
    assert "Vladimir Putin" in _holders(leaders, "RUS", "head_of_state", "2005-01-01")
    assert "Vladimir Putin" in _holders(leaders, "RUS", "head_of_government", "2010-01-01")
    assert "Dmitry Medvedev" in _holders(leaders, "RUS", "head_of_state", "2010-01-01")


def test_kim_jong_un(leaders):
    kim = leaders[leaders.name == "Kim Jong Un"]
    assert not kim.empty
    assert set(kim.country) == {"PRK"}
    assert (kim.start == "2011-12-17").any()
    assert all(_lo(s) >= date(2011, 12, 1) for s in kim.start)
    on = date(2023, 9, 11)
    assert any(_lo(r.start) <= on and (not r.end or on <= _hi(r.end)) for r in kim.itertuples())
    assert "Kim Jong-un" in "|".join(kim.aliases)
    assert set(kim.short) == {"Kim"}
    assert "Kim Jong Il" in _holders(leaders, "PRK", "supreme_leader", "2005-06-01")
    assert "Kim Jong Un" not in _holders(leaders, "PRK", "supreme_leader", "2011-11-30")


def test_us_presidents(leaders):
    assert _holders(leaders, "USA", "head_of_state", "2023-09-11") == {"Joe Biden"}
    assert _holders(leaders, "USA", "head_of_state", "2018-01-01") == {"Donald Trump"}
    assert _holders(leaders, "USA", "head_of_state", "2025-06-01") == {"Donald Trump"}
    assert _holders(leaders, "USA", "head_of_state", "2010-06-01") == {"Barack Obama"}


def test_other_known_holders(leaders):
    assert "Xi Jinping" in _holders(leaders, "CHN", "head_of_state", "2023-09-11")
    assert "Fumio Kishida" in _holders(leaders, "JPN", "head_of_government", "2023-09-11")
    assert "Yoon Suk Yeol" in _holders(leaders, "KOR", "head_of_state", "2023-09-11")
    assert "Volodymyr Zelenskyy" in _holders(leaders, "UKR", "head_of_state", "2023-09-11")
    assert "Rishi Sunak" in _holders(leaders, "GBR", "head_of_government", "2023-09-11")
    assert "Sergey Lavrov" in _holders(leaders, "RUS", "foreign_minister", "2023-09-11")
    assert "Antony Blinken" in _holders(leaders, "USA", "foreign_minister", "2023-09-11")
    assert "Lloyd Austin" in _holders(leaders, "USA", "defence_minister", "2023-09-11")


def test_short_forms(leaders):
    short = dict(zip(leaders.name, leaders.short, strict=False))
    assert short["Vladimir Putin"] == "Putin"
    assert short["Xi Jinping"] == "Xi"
    assert short["Joe Biden"] == "Biden"
    assert short["Luiz Inácio Lula da Silva"] == "Lula"


# ---------------------------------------------------------------- institutions


def test_institution_codes_and_countries(institutions):
    valid = _valid_countries()
    for r in institutions.itertuples():
        if r.country:
            assert NATIONAL_CODE.match(r.code), (r.name, r.code)
            assert r.code[:3] == r.country, (r.name, r.code)
            assert r.code[3:] == r.sector, (r.name, r.code, r.sector)
            assert _check_country(r.country, valid), (r.name, r.country)
        else:
            assert INTERNATIONAL_CODE.match(r.code), (r.name, r.code)
            assert r.code[:3] == r.sector, (r.name, r.code, r.sector)


def test_institution_fields(institutions):
    assert set(institutions.kind) <= INSTITUTION_KINDS
    assert set(institutions.sector) <= SECTORS
    assert set(institutions.metonym) <= {"0", "1"}
    assert not institutions.name.duplicated().any()
    for r in institutions.itertuples():
        names = _names(r)
        assert len(names) == len(set(names)), names
    # igo/ngo rows carry no country
    assert (institutions[institutions.kind == "igo"].country == "").all()


def test_institution_names_do_not_clash(institutions):
    seen: dict[str, str] = {}
    for r in institutions.itertuples():
        for n in _names(r):
            key = n.lower()
            assert seen.setdefault(key, r.code) == r.code, (n, seen[key], r.code)


def _lookup(institutions: pd.DataFrame, text: str) -> pd.Series:
    for r in institutions.itertuples():
        if text in _names(r):
            return institutions.loc[r.Index]
    raise KeyError(text)


@pytest.mark.parametrize("text,code,metonym", [
    ("Kremlin", "RUSGOV", "1"),
    ("the Kremlin", "RUSGOV", "1"),
    ("White House", "USAGOV", "1"),
    ("Pentagon", "USAMIL", "1"),
    ("Downing Street", "GBRGOV", "1"),
    ("Zhongnanhai", "CHNGOV", "1"),
    ("Foggy Bottom", "USAGOV", "1"),
    ("State Department", "USAGOV", "0"),
    ("KCNA", "PRKMED", "0"),
    ("Korean Central News Agency", "PRKMED", "0"),
    ("Rodong Sinmun", "PRKMED", "0"),
    ("Yonhap", "KORMED", "0"),
    ("Chosun Ilbo", "KORMED", "0"),
    ("Associated Press", "USAMED", "0"),
    ("AP", "USAMED", "0"),
    ("Reuters", "GBRMED", "0"),
    ("BBC", "GBRMED", "0"),
    ("United Nations", "IGOUNO", "0"),
    ("NATO", "IGOWSTNAT", "0"),
    ("European Union", "IGOEUREEC", "0"),
    ("IAEA", "IGOUNOIAE", "0"),
    ("Hamas", "PSEREB", "0"),
    ("Hezbollah", "LBNREB", "0"),
    ("Taliban", "AFGREB", "0"),
    ("KPA", "PRKMIL", "0"),
])
def test_institution_lookup(institutions, text, code, metonym):
    row = _lookup(institutions, text)
    assert row.code == code
    assert row.metonym == metonym


def test_kremlin_seat(institutions):
    assert _lookup(institutions, "Kremlin").seat == "Moscow"


# ---------------------------------------------------------------- agents


def _agent_sector(agents: pd.DataFrame, noun: str) -> str:
    for r in agents.itertuples():
        if noun in r.noun.split("|"):
            return r.sector
    raise KeyError(noun)


def test_agent_forms(agents):
    forms = [f for n in agents.noun for f in n.split("|")]
    assert all(f and f == f.lower() and f == f.strip() for f in forms)
    assert len(forms) == len(set(forms)), "a noun form appears in two rows"
    assert set(agents.sector) <= SECTORS


@pytest.mark.parametrize("noun,sector", [
    ("officials", "GOV"), ("official", "GOV"), ("government", "GOV"), ("leader", "GOV"),
    ("president", "GOV"), ("government sources", "GOV"), ("authorities", "GOV"),
    ("troops", "MIL"), ("military", "MIL"), ("soldiers", "MIL"), ("forces", "MIL"),
    ("defence ministry", "MIL"), ("defense ministry", "MIL"),
    ("police", "COP"), ("lawmakers", "LEG"), ("court", "JUD"), ("prosecutors", "JUD"),
    ("state media", "MED"), ("news agency", "MED"), ("intelligence", "SPY"),
    ("rebels", "REB"), ("insurgents", "INS"), ("militants", "UAF"), ("opposition", "OPP"),
    ("protesters", "OPP"), ("civilians", "CVL"), ("refugees", "REF"), ("students", "EDU"),
    ("workers", "LAB"), ("doctors", "HLH"), ("companies", "BUS"),
])
def test_agent_sectors(agents, noun, sector):
    assert _agent_sector(agents, noun) == sector
