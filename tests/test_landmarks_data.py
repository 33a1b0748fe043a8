"""The curated landmarks table (analysis/data/landmarks.tsv), tested as data: columns, names, codes, and
each point checked against the gazetteer point of the city it stands in."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis._resources import data_path
from analysis.extract.gazetteer import countries, norm_key, places

COLUMNS = ["name", "aliases", "kind", "city", "country", "lat", "lon", "city_gid", "source"]
KINDS = {"building", "palace", "compound", "office", "street", "square", "neighbourhood", "district", "park",
         "monument", "religious_site", "military_base", "nuclear_site", "bridge", "island", "crossing",
         "cemetery", "prison", "factory", "airport"}
MAX_KM_FROM_CITY = 30.0


@pytest.fixture(scope="module")
def landmarks() -> pd.DataFrame:
    return pd.read_csv(data_path("landmarks.tsv"), sep="\t", comment="#", keep_default_na=False)


def _km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Great-circle distance in km (haversine, mean Earth radius)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(h))


def test_columns_kinds_and_size(landmarks: pd.DataFrame) -> None:
    assert list(landmarks.columns) == COLUMNS
    assert len(landmarks) >= 80 and landmarks["country"].nunique() >= 30
    assert set(landmarks["kind"]) <= KINDS
    assert (landmarks["source"].str.strip() != "").all()
    assert landmarks["lat"].between(-90, 90).all() and landmarks["lon"].between(-180, 180).all()


def test_names_and_aliases_are_clean_and_each_belongs_to_one_row(landmarks: pd.DataFrame) -> None:
    owner: dict[str, str] = {}
    for row in landmarks.itertuples():
        forms = [row.name, *row.aliases.split("|")] if row.aliases else [row.name]
        for form in forms:
            assert form and form == form.strip() and "  " not in form, (row.name, form)
            key = norm_key(form)
            assert owner.setdefault(key, row.name) == row.name, f"{form!r}: {owner[key]} and {row.name}"


def test_countries_are_iso3_codes(landmarks: pd.DataFrame) -> None:
    assert set(landmarks["country"]) <= set(countries()["iso3"])


def test_each_city_is_a_gazetteer_town_of_the_same_name_and_country(landmarks: pd.DataFrame) -> None:
    towns = places().set_index("gid")
    missing = sorted(set(landmarks["city_gid"]) - set(towns.index))
    assert not missing, missing
    rows = towns.loc[landmarks["city_gid"]]
    assert rows["kind"].isin(["city", "capital"]).all()
    assert list(rows["name"]) == list(landmarks["city"])
    assert list(rows["country"]) == list(landmarks["country"])


def test_each_landmark_lies_near_its_city(landmarks: pd.DataFrame) -> None:
    towns = places().set_index("gid").loc[landmarks["city_gid"]]
    km = _km(landmarks["lat"].to_numpy(), landmarks["lon"].to_numpy(), towns["lat"].to_numpy(),
             towns["lon"].to_numpy())
    far = landmarks.loc[km > MAX_KM_FROM_CITY, "name"].tolist()
    assert not far, far


def test_well_known_seats_of_power_are_there(landmarks: pd.DataFrame) -> None:
    by_form = {norm_key(f): r for r in landmarks.itertuples()
               for f in [r.name, *[a for a in r.aliases.split("|") if a]]}
    expect = {"the White House": "USA", "the Kremlin": "RUS", "Downing Street": "GBR", "the Élysée": "FRA",
              "Zhongnanhai": "CHN", "the Blue House": "KOR", "the Reichstag": "DEU", "the Knesset": "ISR",
              "Holy See": "VAT", "NATO headquarters": "BEL", "the Peace Palace": "NLD", "Camp David": "USA"}
    for form, iso3 in expect.items():
        assert by_form[norm_key(form)].country == iso3, form
    kremlin = by_form[norm_key("the Kremlin")]
    assert abs(kremlin.lat - 55.752) < 0.01 and abs(kremlin.lon - 37.6175) < 0.01
