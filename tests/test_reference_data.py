"""The bundled reference data, tested as data: ids, ranges, and every alias resolving to its row."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.gazetteer import KINDS, boundaries, countries, data_path, load_gazetteer, lookup, norm_key, places


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return places()


def _rows_for(name: str) -> set[int]:
    gaz = load_gazetteer()
    k = int(gaz.find_keys([norm_key(name)])[0])
    return set() if k < 0 else {int(gaz.gid[r]) for r in gaz.rows_of_key(k)}


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
