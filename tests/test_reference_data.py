"""The bundled reference data, tested as data: ids, ranges, and every alias resolving to its row."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis._resources import data_path
from analysis.extract import gazetteer
from analysis.extract.gazetteer import KINDS, boundaries, countries, load_gazetteer, lookup, norm_key, places

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return places()


def _rows_for(name: str) -> set[int]:
    gaz = load_gazetteer()
    k = int(gaz.find_keys([norm_key(name)])[0])
    return set() if k < 0 else {int(gaz.gid[r]) for r in gaz.rows_of_key(k)}


def test_names_known_before_the_look_up_memo_is_cleared_are_looked_up_again(monkeypatch: pytest.MonkeyPatch) -> None:
    gaz = load_gazetteer()
    paris = gaz.key_numbers(["paris"])[0]
    monkeypatch.setattr(gazetteer, "MAX_KNOWN_KEYS", len(gaz._known) + 1)  # the next two new names clear it
    assert gaz.key_numbers(["paris", "no such place one", "no such place two"]) == [paris, -1, -1]


def test_place_ids_are_unique_and_coordinates_in_range(table: pd.DataFrame) -> None:
    assert table["gid"].is_unique
    assert table["lat"].between(-90, 90).all() and table["lon"].between(-180, 180).all()
    assert set(table["kind"]) <= set(KINDS)
    assert (table["population"] >= 0).all()


def test_place_countries_are_iso3_codes(table: pd.DataFrame) -> None:
    known = set(countries()["iso3"]) | {""}
    assert set(table["country"]) <= known


def test_countries_have_unique_codes_points_and_capitals() -> None:
    c = countries()
    assert c["iso3"].is_unique and c["iso2"].is_unique
    assert c["lat"].between(-90, 90).all() and c["lon"].between(-180, 180).all()
    with_capital = c[c["capital"] != ""]
    assert len(with_capital) > 190
    assert with_capital["capital_lat"].astype(float).between(-90, 90).all()


def test_every_country_name_resolves_to_its_country() -> None:
    c = countries()
    for row in c.itertuples():
        assert row.geonameid in _rows_for(row.name), row.name


def test_every_curated_country_alias_resolves_to_its_country() -> None:
    aliases = pd.read_csv(data_path("country_aliases.tsv"), sep="\t", comment="#", keep_default_na=False)
    gid = dict(zip(countries()["iso3"], countries()["geonameid"], strict=True))
    for row in aliases.itertuples():
        assert gid[row.iso3] in _rows_for(row.name), row.name


@pytest.mark.parametrize("name", ["country_demonyms.tsv", "country_short_forms.tsv"])
def test_every_curated_country_form_resolves_to_its_country_as_that_kind(name: str) -> None:
    table = pd.read_csv(data_path(name), sep="\t", comment="#", keep_default_na=False)
    gid = dict(zip(countries()["iso3"], countries()["geonameid"], strict=True))
    gaz = load_gazetteer()
    assert len(table) and (table["source"].str.len() > 10).all()
    for row in table.itertuples():
        k = int(gaz.find_keys([norm_key(row.name)])[0])
        carried = dict(zip(gaz.gid[gaz.rows_of_key(k)].tolist(), gaz.row_kinds_of_key(k).tolist(), strict=True))
        assert carried.get(gid[row.iso3]) == gazetteer.NAME_KINDS.index(row.kind), row.name


def test_country_demonyms_cite_a_dictionary_entry() -> None:
    table = pd.read_csv(data_path("country_demonyms.tsv"), sep="\t", comment="#", keep_default_na=False)
    assert len(table) >= 40 and table["source"].str.startswith("Merriam-Webster: ").all()


def test_the_offline_names_step_reproduces_the_bundled_names_table() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    try:
        import build_reference_data
    finally:
        sys.path.pop(0)
    bundled = pd.read_parquet(data_path("place_names.parquet"))
    pd.testing.assert_frame_equal(build_reference_data.add_curated_names(), bundled)


def test_every_region_name_and_alias_resolves_to_its_row() -> None:
    regions = pd.read_csv(data_path("regions.tsv"), sep="\t", comment="#", keep_default_na=False)
    assert regions["gid"].is_unique
    for row in regions.itertuples():
        for name in [row.name, *[a for a in row.aliases.split("|") if a]]:
            assert row.gid in _rows_for(name), name


def test_every_state_abbreviation_resolves_to_its_state(table: pd.DataFrame) -> None:
    abbr = pd.read_csv(data_path("us_state_abbreviations.tsv"), sep="\t", comment="#")
    states = table[(table["kind"] == "admin1") & (table["country"] == "USA")].set_index("name")["gid"]
    for row in abbr.itertuples():
        for form in row.abbreviations.split("|"):
            assert int(states[row.state]) in _rows_for(form), form


def test_lookup_gives_candidates_with_coordinates() -> None:
    found = lookup("Vladivostok")
    assert found.loc[0, "country"] == "RUS" and found.loc[0, "kind"] == "city"
    assert abs(found.loc[0, "lat"] - 43.10562) < 0.01 and abs(found.loc[0, "lon"] - 131.87353) < 0.01
    assert lookup("Qwertyzxcv").empty


def test_name_keys_fold_case_accents_and_abbreviations() -> None:
    assert norm_key("São Paulo") == norm_key("Sao Paulo") == "sao paulo"
    assert norm_key("St. Louis") == norm_key("Saint Louis")
    assert norm_key("Pott Co.") == "pott county"


def test_first_level_divisions_lie_in_their_countries(table: pd.DataFrame) -> None:
    """Division points (Natural Earth label points, else the middle of their towns) fall inside their
    country, but for a few remote islands and disputed areas the 1:50m polygons leave out."""
    from shapely.geometry import Point
    from shapely.ops import unary_union

    shapes = {iso3: unary_union(list(g.geometry)).buffer(0.5) for iso3, g in boundaries().groupby("iso3")}
    admin1 = table[(table["kind"] == "admin1") & table["country"].isin(shapes)]
    inside = [shapes[r.country].contains(Point(r.lon, r.lat)) for r in admin1.itertuples()]
    assert len(admin1) > 3000 and sum(inside) / len(inside) > 0.98
    queensland = admin1[admin1["name"] == "Queensland"].iloc[0]
    assert -25 < queensland["lat"] < -20 and 142 < queensland["lon"] < 147  # the state's middle, not its coast


def test_boundaries_are_valid_polygons_in_wgs84() -> None:
    b = boundaries()
    assert b.crs.to_epsg() == 4326
    assert b.geometry.is_valid.all()
    assert (b["iso3"] != "").sum() > 230
    russia = b[b["iso3"] == "RUS"].geometry.iloc[0]
    # split at the antimeridian: no part spans the whole map
    parts = list(russia.geoms)
    assert all(p.bounds[2] - p.bounds[0] < 180 for p in parts)
    assert russia.area > 2500  # square degrees: the whole of Siberia is there
    assert np.isclose(b[b["iso3"] == "PRK"].geometry.iloc[0].centroid.y, 40.1, atol=1.0)


def _extract_in_fresh_process(cache: Path) -> str:
    """Extract the bundled article in a new Python process with its own cache folder; report whether
    pandas was imported and which cache files exist."""
    code = (
        "import sys, json\n"
        "from analysis.io.articles import article_from_text\n"
        "from analysis.extract.pipeline import extract_record\n"
        f"text = open({str(ROOT / 'data/articles/2023-09-11-kim-putin-summit.txt')!r}).read()\n"
        "record = extract_record(article_from_text(text))\n"
        "print(json.dumps({'pandas': 'pandas' in sys.modules, 'events': len(record['events'])}))\n"
    )
    env = {**os.environ, "GEOREL_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout


def test_compiled_lexicons_are_cached_so_later_processes_skip_pandas(tmp_path: Path) -> None:
    first = json.loads(_extract_in_fresh_process(tmp_path))
    names = sorted(p.name.split("-")[0] for p in tmp_path.glob("*.pickle"))
    assert "analysis.extract.actors.actor_lexicon" in names and "analysis.extract.events.event_lexicon" in names
    second = json.loads(_extract_in_fresh_process(tmp_path))
    assert first["pandas"] and not second["pandas"]
    assert second["events"] == first["events"] > 0


def test_a_damaged_lexicon_cache_is_compiled_again(tmp_path: Path) -> None:
    json.loads(_extract_in_fresh_process(tmp_path))
    for path in tmp_path.glob("*.pickle"):
        path.write_bytes(b"not a pickle")
    again = json.loads(_extract_in_fresh_process(tmp_path))
    assert again["pandas"] and again["events"] > 0
    assert all(p.read_bytes() != b"not a pickle" for p in tmp_path.glob("*.pickle"))


def test_a_lexicon_cache_others_may_write_is_not_read(tmp_path: Path) -> None:
    json.loads(_extract_in_fresh_process(tmp_path))
    import pickle

    planted = list(tmp_path.glob("analysis.extract.events.event_lexicon-*.pickle"))
    for path in planted:
        path.write_bytes(pickle.dumps("planted"))  # would break extraction if it were loaded
        path.chmod(0o666)
    assert len(planted) == 1
    again = json.loads(_extract_in_fresh_process(tmp_path))
    assert again["pandas"] and again["events"] > 0


@pytest.mark.parametrize("doc", ["EVENTS_SOURCES.md", "ACTORS_SOURCES.md"])
def test_sources_documents_state_the_row_counts_of_their_tables(doc: str) -> None:
    text = data_path(doc).read_text(encoding="utf-8")
    stated = {name: int(rows.replace(",", "")) for name, rows in re.findall(r"^\| `([\w.]+\.tsv)` \| ([\d,]+) \|",
                                                                            text, flags=re.MULTILINE)}
    assert len(stated) >= 3
    for name, rows in stated.items():
        with data_path(name).open(encoding="utf-8") as fh:
            actual = sum(1 for line in fh if line.strip() and not line.startswith("#")) - 1  # less the header
        assert actual == rows, f"{doc} says {name} has {rows} rows; it has {actual}"


def test_division_demonyms_name_their_region_or_division(table: pd.DataFrame) -> None:
    demonyms = pd.read_csv(data_path("division_demonyms.tsv"), sep="\t", dtype=str, comment="#")
    kinds = table.set_index("gid")["kind"]
    assert len(demonyms) >= 30
    for r in demonyms.itertuples():
        assert kinds[int(r.gid)] in ("admin1", "region", "continent"), r.place
        for form in r.forms.split("|"):
            assert int(r.gid) in _rows_for(form), (form, r.place)


def test_a_division_demonym_is_a_place_and_codes_its_state() -> None:
    from analysis.extract.pipeline import extract_record
    from analysis.io.articles import article_from_text

    record = extract_record(article_from_text("Chechen rebels attacked a convoy near Grozny.", date="2023-09-11"))
    chechen = record["places"][0]
    assert (chechen["text"], chechen["kind"], chechen["country"]) == ("Chechen", "demonym", "RUS")
    assert ("Chechen rebels", "RUSREB") in [(a["text"], a["code"]) for a in record["actors"]]


def test_curated_country_points_are_geonames_points_of_the_same_country(table: pd.DataFrame) -> None:
    points = pd.read_csv(data_path("country_points.tsv"), sep="\t", comment="#")
    c = countries().set_index("iso3")
    rows = table.set_index("gid")
    assert len(points) >= 10
    for p in points.itertuples():
        assert int(c.loc[p.iso3, "geonameid"]) == p.geonameid, p.iso3
        assert (c.loc[p.iso3, "lat"], c.loc[p.iso3, "lon"]) == pytest.approx((p.lat, p.lon)), p.iso3
        assert (rows.loc[p.geonameid, "lat"], rows.loc[p.geonameid, "lon"]) == pytest.approx((p.lat, p.lon)), p.iso3
