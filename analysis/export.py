"""Write records as geodata (GeoJSON, GeoPackage, GeoParquet), graphs (GraphML), tables (CSV) and figures.

The layers are those of `analysis.frames.geo_layers`: ``places`` (points), ``countries``
(polygons with roles) and ``relations`` (great-circle lines), all in EPSG:4326.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure

from analysis.errors import OutputError
from analysis.frames import events_frame, geo_layers
from analysis.io.records import RecordsLike, as_records
from analysis.network import actor_graph

SUFFIXES = {
    ".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".parquet": "parquet",
    ".geoparquet": "parquet", ".graphml": "graphml", ".csv": "csv", ".png": "png", ".svg": "svg",
    ".pdf": "pdf",
}
"""File suffix -> format name."""
FORMATS = ("geojson", "gpkg", "parquet", "graphml", "csv", "png", "svg", "pdf")
LAYERS = ("places", "countries", "relations")
FIGURES = ("png", "svg", "pdf")


def format_of(path: str | os.PathLike[str], format: str | None = None) -> str:
    """The output format: `format` when given, else from the file suffix."""
    if format is not None:
        name = format.lower().lstrip(".")
        name = {"geoparquet": "parquet", "json": "geojson"}.get(name, name)
        if name not in FORMATS:
            raise OutputError(f"{path}: unknown format {format!r}; use one of {', '.join(FORMATS)}")
        return name
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise OutputError(f"{path}: cannot tell the format from the suffix {suffix or '(none)'!r}; "
                          f"use one of {', '.join(sorted(SUFFIXES))} or pass format=")
    return SUFFIXES[suffix]


def _writable(path: str | os.PathLike[str]) -> Path:
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{path}: the directory {parent} does not exist; create it first")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{path}: the directory {parent} is not writable")
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name")
    return path


def _for_file(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Columns every driver can store: no lists or dicts, no pandas NA in object columns."""
    out = frame.copy()
    for column in out.columns:
        if column == out.geometry.name:
            continue
        series = out[column]
        if series.dtype == object:
            out[column] = series.map(lambda v: json.dumps(v) if isinstance(v, list | dict | tuple) else v)
    return out


def write_layer(frame: gpd.GeoDataFrame, path: str | os.PathLike[str], *, format: str | None = None,
                layer: str | None = None) -> Path:
    """Write one GeoDataFrame as GeoJSON, GeoParquet or a GeoPackage layer.

    Parameters
    ----------
    frame
        Layer to write (EPSG:4326).
    path
        Output file; an existing GeoJSON or GeoParquet file is replaced, a GeoPackage gains or
        replaces the layer.
    format
        ``"geojson"``, ``"gpkg"`` or ``"parquet"``; default from the suffix.
    layer
        Layer name inside a GeoPackage.

    Returns
    -------
    path
        The file written.
    """
    path = _writable(path)
    kind = format_of(path, format)
    data = _for_file(frame)
    try:
        if kind == "parquet":
            data.to_parquet(path, index=False)
        elif kind == "geojson":
            if path.exists():
                path.unlink()
            data.to_file(path, driver="GeoJSON", engine="pyogrio")
        elif kind == "gpkg":
            data.to_file(path, driver="GPKG", layer=layer or "layer", engine="pyogrio")
        else:
            raise OutputError(f"{path}: {kind} is not a geodata format; use geojson, gpkg or parquet")
    except OutputError:
        raise
    except Exception as exc:  # driver errors come in many classes
        raise OutputError(f"{path}: cannot write {kind} ({exc})") from exc
    return path


def write_graphml(graph: nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write a graph as GraphML, lists stored as JSON text and missing values left out."""
    path = _writable(path)
    clean = graph.__class__()
    clean.graph.update({k: _graphml_value(v) for k, v in graph.graph.items() if v is not None})
    for node, data in graph.nodes(data=True):
        clean.add_node(node, **{k: _graphml_value(v) for k, v in data.items() if v is not None})
    for u, v, data in graph.edges(data=True):
        clean.add_edge(u, v, **{k: _graphml_value(x) for k, x in data.items() if x is not None})
    try:
        nx.write_graphml(clean, path)
    except Exception as exc:
        raise OutputError(f"{path}: cannot write GraphML ({exc})") from exc
    return path


def _graphml_value(value: Any) -> Any:
    if isinstance(value, list | tuple | set | dict):
        return json.dumps(sorted(value) if isinstance(value, set) else value, ensure_ascii=False)
    if isinstance(value, np.generic):
        return value.item()
    return value


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells that a spreadsheet would run as a formula (starting with = + -
    @, tab or carriage return) begin with a single quote, as OWASP recommends against CSV injection;
    numbers are left as they are."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column].dtype):
            out[column] = out[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v)
    return out


def write_csv(frame: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write a table as UTF-8 CSV without the index; text cells that a spreadsheet would take for a
    formula are prefixed with a single quote (see `neutralise_formulas`)."""
    path = _writable(path)
    try:
        neutralise_formulas(frame).to_csv(path, index=False, date_format="%Y-%m-%d")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write CSV ({exc.strerror})") from exc
    return path


def save_figure(ax_or_fig: Axes | Figure | SubFigure, path: str | os.PathLike[str], *, dpi: int = 150,
                format: str | None = None, close: bool = False) -> Path:
    """Save the figure of an Axes (or a Figure) as PNG, SVG or PDF.

    Parameters
    ----------
    ax_or_fig
        What a plot function returned, or its figure.
    path
        Output file; the format comes from its suffix unless `format` is given.
    dpi
        Resolution of PNG output.
    format
        ``"png"``, ``"svg"`` or ``"pdf"``.
    close
        Close the figure afterwards (frees memory in batch jobs).

    Returns
    -------
    path
        The file written.
    """
    path = _writable(path)
    kind = format_of(path, format)
    if kind not in FIGURES:
        raise OutputError(f"{path}: {kind} is not a figure format; use png, svg or pdf")
    fig = ax_or_fig.get_figure(root=True) if isinstance(ax_or_fig, Axes | SubFigure) else ax_or_fig
    if not isinstance(fig, Figure):
        raise OutputError(f"{path}: nothing to save ({type(ax_or_fig).__name__} has no figure)")
    try:
        fig.savefig(path, format=kind, dpi=dpi, bbox_inches="tight", metadata=_metadata(kind))
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the figure ({exc.strerror})") from exc
    finally:
        if close:
            plt.close(fig)
    return path


def _metadata(kind: str) -> dict[str, Any]:
    if kind == "svg":
        return {"Date": None}  # byte-identical output for identical figures
    if kind == "pdf":
        return {"CreationDate": None}
    return {}


def export(records: RecordsLike, path: str | os.PathLike[str], *, format: str | None = None,
           layer: str | None = None, boundaries: gpd.GeoDataFrame | None = None,
           countries: pd.DataFrame | None = None) -> Path:
    """Write records to one file in the format named by `format` or the suffix of `path`.

    Parameters
    ----------
    records
        Extraction records, a single record or a JSONL path.
    path
        Output file. ``.gpkg`` holds every map layer (or just `layer`); ``.geojson`` and
        ``.parquet`` hold one layer (`layer`, default ``relations``); ``.graphml`` the actor graph;
        ``.csv`` the events table; ``.png``, ``.svg`` and ``.pdf`` the map.
    format
        Format name overriding the suffix (see `FORMATS`).
    layer
        ``places``, ``countries`` or ``relations``.
    boundaries, countries
        Reference data overriding the bundled tables.

    Returns
    -------
    path
        The file written.
    """
    kind = format_of(path, format)
    path = _writable(path)
    if layer is not None and layer not in LAYERS:
        raise OutputError(f"{path}: unknown layer {layer!r}; use one of {', '.join(LAYERS)}")
    records = as_records(records)
    if kind == "graphml":
        return write_graphml(actor_graph(records), path)
    if kind == "csv":
        return write_csv(events_frame(records), path)
    if kind in FIGURES:
        from analysis.figures.map import plot_map

        ax = plot_map(records, boundaries=boundaries, countries=countries)
        return save_figure(ax, path, format=kind, close=True)
    layers = geo_layers(records, boundaries=boundaries, countries=countries)
    if kind == "gpkg":
        if path.exists() and layer is None:
            path.unlink()
        for name in [layer] if layer else LAYERS:
            write_layer(layers[name], path, format="gpkg", layer=name)
        return path
    return write_layer(layers[layer or "relations"], path, format=kind)


def export_all(records: RecordsLike, out_dir: str | os.PathLike[str], *,
               formats: Iterable[str] = ("geojson", "gpkg", "parquet", "graphml", "csv", "png"),
               boundaries: gpd.GeoDataFrame | None = None,
               countries: pd.DataFrame | None = None) -> dict[str, Path]:
    """Write every output for `records` into `out_dir` (created if its parent exists).

    Files: ``places|countries|relations.geojson`` and ``.parquet``, ``layers.gpkg``,
    ``actors.graphml``, ``events.csv`` and ``map|network|timeline.png`` (or ``.svg``, ``.pdf``).

    Returns
    -------
    files
        File name -> path, in the order written.
    """
    out = Path(out_dir)
    if not out.is_dir():
        if not out.parent.is_dir():
            raise OutputError(f"{out}: the parent directory {out.parent} does not exist")
        try:
            out.mkdir()
        except OSError as exc:
            raise OutputError(f"{out}: cannot create the output directory ({exc.strerror})") from exc
    wanted = [format_of(out, f) for f in formats]
    records = as_records(records)
    written: dict[str, Path] = {}
    layers: Mapping[str, gpd.GeoDataFrame] = {}
    if {"geojson", "gpkg", "parquet"} & set(wanted) or set(FIGURES) & set(wanted):
        layers = geo_layers(records, boundaries=boundaries, countries=countries)
    for kind in wanted:
        if kind in ("geojson", "parquet"):
            suffix = "geojson" if kind == "geojson" else "parquet"
            for name in LAYERS:
                written[f"{name}.{suffix}"] = write_layer(layers[name], out / f"{name}.{suffix}", format=kind)
        elif kind == "gpkg":
            target = out / "layers.gpkg"
            if target.exists():
                target.unlink()
            for name in LAYERS:
                write_layer(layers[name], target, format="gpkg", layer=name)
            written["layers.gpkg"] = target
        elif kind == "graphml":
            written["actors.graphml"] = write_graphml(actor_graph(records), out / "actors.graphml")
        elif kind == "csv":
            written["events.csv"] = write_csv(events_frame(records), out / "events.csv")
        else:
            written.update(_figures(records, layers, out, kind))
    return written


def _figures(records: list[Any], layers: Mapping[str, gpd.GeoDataFrame], out: Path,
             kind: str) -> dict[str, Path]:
    """map, network and timeline: an article's as in its report, a corpus's as in the corpus report
    (the most active countries, and counts per period for the busiest pairs)."""
    from analysis.figures.map import plot_map, records_title

    files: dict[str, Path] = {}
    ax = plot_map(layers, title=records_title(records))
    files[f"map.{kind}"] = save_figure(ax, out / f"map.{kind}", close=True)
    if len(records) > 1:
        from analysis.corpus.aggregate import dyad_series
        from analysis.figures.corpus import plot_actor_network, plot_dyad_balance

        network = plot_actor_network(records)
        timeline = plot_dyad_balance(dyad_series(records))
    else:
        from analysis.figures.network import plot_network
        from analysis.figures.timeline import plot_timeline

        network = plot_network(actor_graph(records))
        timeline = plot_timeline(records)
    files[f"network.{kind}"] = save_figure(network, out / f"network.{kind}", close=True)
    files[f"timeline.{kind}"] = save_figure(timeline, out / f"timeline.{kind}", close=True)
    return files
