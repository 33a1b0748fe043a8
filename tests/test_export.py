"""Geodata, graph, table and figure files (analysis.export): they round-trip."""

from __future__ import annotations

import json
import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import geopandas as gpd  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pyogrio  # noqa: E402
import pytest  # noqa: E402
import shapely  # noqa: E402
from shapely.geometry import box  # noqa: E402

from analysis import export  # noqa: E402
from analysis.errors import GeorelError, OutputError  # noqa: E402
from analysis.frames import geo_layers  # noqa: E402
from analysis.io.records import read_records  # noqa: E402

RECORDS = Path(__file__).parent / "data" / "records_sample.jsonl"
COUNTRIES = pd.DataFrame(
    [("PRK", "North Korea", 40.0, 127.0, "Pyongyang", 39.03385, 125.75432),
     ("RUS", "Russia", 60.0, 100.0, "Moscow", 55.75222, 37.61556),
     ("UKR", "Ukraine", 49.0, 32.0, "Kyiv", 50.45466, 30.5238),
     ("USA", "United States", 39.76, -98.5, "Washington", 38.89511, -77.03637),
     ("NGA", "Nigeria", 10.0, 8.0, "Abuja", 9.05785, 7.49508),
     ("NER", "Niger", 18.0, 9.0, "Niamey", 13.51366, 2.1098),
     ("MLI", "Mali", 18.0, -2.0, "Bamako", 12.65, -8.0)],
    columns=["iso3", "name", "lat", "lon", "capital", "capital_lat", "capital_lon"])
BOUNDARIES = gpd.GeoDataFrame(
    {"iso3": ["PRK", "RUS", "UKR", "USA", "NGA", "NER", "MLI"],
     "name": ["North Korea", "Russia", "Ukraine", "United States", "Nigeria", "Niger", "Mali"]},
    geometry=[box(124.2, 37.7, 130.7, 43.0), box(27, 41.2, 180, 77.7), box(22.1, 44.4, 40.2, 52.4),
              box(-125, 24.5, -66.9, 49.4), box(2.7, 4.3, 14.7, 13.9), box(0.2, 11.7, 16, 23.5),
              box(-12.2, 10.1, 4.2, 25)],
    crs="EPSG:4326")
REF = {"boundaries": BOUNDARIES, "countries": COUNTRIES}


@pytest.fixture()
def records() -> list[dict]:
    return read_records(RECORDS)


@pytest.fixture(autouse=True)
def _close() -> object:
    yield
    plt.close("all")


def test_export_all_round_trips(records: list[dict], tmp_path: Path) -> None:
    out = tmp_path / "run"
    files = export.export_all(records, out, **REF)
    assert set(files) == {
        "places.geojson", "countries.geojson", "relations.geojson", "layers.gpkg", "places.parquet",
        "countries.parquet", "relations.parquet", "actors.graphml", "events.csv", "map.png", "network.png",
        "timeline.png"}
    assert all(path.is_file() and path.parent == out for path in files.values())
    layers = geo_layers(records, **REF)
    for name, frame in layers.items():
        for back in (gpd.read_file(out / f"{name}.geojson"), gpd.read_parquet(out / f"{name}.parquet"),
                     gpd.read_file(out / "layers.gpkg", layer=name)):
            assert back.crs.to_epsg() == 4326 and len(back) == len(frame)
            for got, want in zip(back.geometry, frame.geometry, strict=True):  # GPKG promotes to Multi*
                assert np.allclose(shapely.get_coordinates(got), shapely.get_coordinates(want))
    relations = gpd.read_parquet(out / "relations.parquet")
    assert set(relations.geometry.geom_type) == {"LineString", "MultiLineString"}
    assert relations["cameo"].tolist() == layers["relations"]["cameo"].tolist()
    assert sorted(pyogrio.list_layers(out / "layers.gpkg")[:, 0]) == ["countries", "places", "relations"]
    assert (out / "map.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_graphml_round_trip(records: list[dict], tmp_path: Path) -> None:
    path = export.export(records, tmp_path / "actors.graphml")
    graph = nx.read_graphml(path)
    assert graph.is_directed() and graph.has_edge("PRKGOV", "RUSGOV")
    edge = graph.edges["PRKGOV", "RUSGOV"]
    assert edge["count"] == 2 and edge["quad_class"] == 2
    assert json.loads(edge["cameo"]) == ["036", "072"] and len(json.loads(edge["evidence"])) == 2
    assert graph.nodes["PRKGOV"]["country"] == "PRK" and "country" not in graph.nodes["IGOUNO"]


def test_csv_events(records: list[dict], tmp_path: Path) -> None:
    path = export.export(records, tmp_path / "events.csv")
    events = pd.read_csv(path, dtype={"cameo": str, "root": str})
    assert len(events) == 9 and events["cameo"].iloc[0] == "036"
    assert events.loc[events["cameo"] == "190", "date"].iloc[0] == "2022-02-01"


def test_export_single_layer_files(records: list[dict], tmp_path: Path) -> None:
    relations = gpd.read_file(export.export(records, tmp_path / "arcs.geojson", **REF))
    assert "target_anchor" in relations.columns
    places = gpd.read_file(export.export(records, tmp_path / "p.json", layer="places", **REF))
    assert "Pyongyang" in set(places["name"])
    gpkg = export.export(records, tmp_path / "x.gpkg", **REF)
    assert len(pyogrio.list_layers(gpkg)) == 3
    gpkg = export.export(records[1], gpkg, layer="places", **REF)  # replaces one layer, keeps the others
    assert len(pyogrio.list_layers(gpkg)) == 3
    assert "Pyongyang" not in set(gpd.read_file(gpkg, layer="places")["name"])
    table = export.export(records, tmp_path / "events.txt", format="csv")
    assert len(pd.read_csv(table)) == 9
    figure = export.export(records, tmp_path / "map.svg", **REF)
    assert figure.read_text(encoding="utf-8").lstrip().startswith("<?xml")


@pytest.mark.parametrize("name, message", [("out.xyz", "suffix"), ("out", "suffix")])
def test_unknown_format(records: list[dict], tmp_path: Path, name: str, message: str) -> None:
    with pytest.raises(OutputError, match=message):
        export.export(records, tmp_path / name)
    with pytest.raises(OutputError, match="unknown format"):
        export.export(records, tmp_path / "out.csv", format="shapefile")
    with pytest.raises(OutputError, match="unknown layer"):
        export.export(records, tmp_path / "out.geojson", layer="rivers")


def test_missing_directory(records: list[dict], tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        export.export(records, tmp_path / "nowhere" / "events.csv")
    with pytest.raises(OutputError, match="does not exist"):
        export.export_all(records, tmp_path / "no" / "such" / "dir", formats=("csv",))
    with pytest.raises(GeorelError, match="is a directory"):
        export.export(records, tmp_path, format="csv")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_directory(records: list[dict], tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(OutputError, match="not writable"):
        export.export(records, locked / "events.csv")


def test_save_figure(tmp_path: Path) -> None:
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    png = export.save_figure(ax, tmp_path / "a.png")
    assert png.read_bytes()[:4] == b"\x89PNG"
    svg = export.save_figure(fig, tmp_path / "a.svg")
    assert "<svg" in svg.read_text(encoding="utf-8")
    with pytest.raises(OutputError, match="not a figure format"):
        export.save_figure(ax, tmp_path / "a.csv")
    with pytest.raises(OutputError, match="does not exist"):
        export.save_figure(ax, tmp_path / "missing" / "a.png")


def test_export_all_selected_formats(records: list[dict], tmp_path: Path) -> None:
    files = export.export_all(records, tmp_path, formats=("csv", "graphml"))
    assert set(files) == {"events.csv", "actors.graphml"}
