"""The map figure: places, countries shaded by their role in events and arrows from source to
target, in an equal-area projection (`analysis.figures.cartography` holds its geometry and labelling).

Figure functions draw on ``ax`` (a new figure when ``ax`` is None) and return the Axes; none
shows or saves (see `analysis.export.save_figure`). Colours come from `analysis.figures.style`.
The actor network is drawn by `analysis.figures.network` and the timeline by `analysis.figures.timeline`.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch
from matplotlib.path import Path as MplPath
from matplotlib.transforms import Bbox
from pyproj import Transformer
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from analysis.figures.cartography import (
    COUNTRY_LABEL_SHRINK,
    HALO,
    PLACE_LABEL_SIZE,
    Label,
    clip_mask,
    densified_box,
    graticule,
    line_parts,
    map_projection,
    offset_line,
    place_labels,
    trim_line_end,
)
from analysis.figures.style import (
    BORDER,
    LAND,
    OCEAN,
    UNCERTAIN,
    literal_text,
    new_axes,
    quad_color,
    quad_legend_handles,
)
from analysis.frames import CRS, geo_layers, load_boundaries
from analysis.io.records import RecordsLike, as_records

ROLE_COLORS = {"both": "#F0E27A", "source": "#E9C2DA", "target": "#B5DBF2", "mentioned": "#D4D4D4"}
"""Light tints of Okabe-Ito yellow, reddish purple and sky blue, and grey, for country roles."""
ROLE_LABELS = {"both": "source and target", "source": "source of events", "target": "target of events",
               "mentioned": "mentioned only"}
CREDIT = "Boundaries: Natural Earth. Places: GeoNames (CC BY 4.0)"
POINT_KINDS = ("capital", "city", "admin1", "admin2", "water")
CAPITALS_EM = 0.7  # mean width of a capital letter, in font sizes
"""Place kinds drawn as markers by `plot_map`; countries and demonyms show as shaded polygons."""


def _arc_groups(relations: gpd.GeoDataFrame) -> pd.DataFrame:
    rel = relations.copy()
    rel["uncertain"] = rel["modality"].isin(UNCERTAIN)
    rel["quad"] = rel["quad_class"].fillna(0).astype(int)
    keys = ["source_lon", "source_lat", "target_lon", "target_lat", "quad", "uncertain"]
    rel["distance_km"] = rel["distance_km"].astype(float)
    groups = rel.groupby(keys, sort=True).agg(
        count=("event_id", "size"), geometry=("geometry", "first"), distance_km=("distance_km", "first"),
        source_name=("source_anchor_name", "first"), target_name=("target_anchor_name", "first"),
    ).reset_index()
    groups = groups[groups["distance_km"] > 1.0].reset_index(drop=True)
    a = list(zip(groups["source_lon"], groups["source_lat"], strict=True))
    b = list(zip(groups["target_lon"], groups["target_lat"], strict=True))
    groups["pair"] = [(min(p, q), max(p, q)) for p, q in zip(a, b, strict=True)]
    groups["forward"] = [p <= q for p, q in zip(a, b, strict=True)]
    return groups


def _layers_of(data: RecordsLike | Mapping[str, gpd.GeoDataFrame], boundaries: gpd.GeoDataFrame | None,
               countries: pd.DataFrame | None) -> tuple[dict[str, gpd.GeoDataFrame], str | None]:
    if isinstance(data, Mapping) and "id" not in data:
        layers = {k: v for k, v in data.items() if isinstance(v, gpd.GeoDataFrame)}
        if "countries" not in layers:
            layers["countries"] = load_boundaries(boundaries).assign(role=None)
        return layers, None
    records = as_records(data)
    return geo_layers(records, boundaries=boundaries, countries=countries), records_title(records)


def records_title(records: RecordsLike) -> str:
    """A figure title for records: the article title or id, or a count of articles and their dates."""
    records = as_records(records)
    if len(records) == 1:
        return str(records[0].get("title") or records[0].get("id") or "")
    dates = sorted(str(r["date"]) for r in records if r.get("date"))
    span = f", {dates[0]} to {dates[-1]}" if dates else ""
    return f"Places and relations in {len(records)} articles{span}"


@literal_text
def plot_map(data: RecordsLike | Mapping[str, gpd.GeoDataFrame], *, ax: Axes | None = None,
             boundaries: gpd.GeoDataFrame | None = None, countries: pd.DataFrame | None = None,
             extent: Literal["auto", "world", "region"] = "auto", title: str | None = None,
             labels: bool = True, max_labels: int = 30, place_kinds: Collection[str] = POINT_KINDS,
             include_negated: bool = False, max_arrows: int = 150, legend: bool = True,
             credit: str | None = CREDIT) -> Axes:
    """Map of places, countries shaded by role and arrows from source to target of events.

    Parameters
    ----------
    data
        Extraction records (list, single record or JSONL path), or the layers of
        `analysis.frames.geo_layers` (``places``, ``countries``, ``relations``).
    ax
        Axes to draw on; a new figure when None.
    boundaries, countries
        Reference data (see `analysis.frames.countries_frame`, `analysis.frames.relations_frame`).
    extent
        ``"auto"`` zooms to a region when places cluster and shows the world when they span it
        (see `map_projection`); ``"world"`` or ``"region"`` force one.
    title
        Axes title; default the article title or id, or a count of articles.
    labels, max_labels
        Label place markers (the most mentioned first) and relation ends at capitals, placing
        each label where it overlaps no other label, marker or the legend, or leaving it out.
    place_kinds
        Kinds of place drawn as markers.
    include_negated
        Also draw events reported as not having happened.
    max_arrows
        Draw arrows (width growing with the number of events) for this many of the busiest
        relations, and the others as thin lines.
    legend, credit
        Draw the legend; the data credit line (None for none).

    Returns
    -------
    ax
        The map, in an equal-area projection (Equal Earth or Lambert azimuthal equal-area) whose
        PROJ string is ``ax.georel_crs``: ``frame.to_crs(ax.georel_crs).plot(ax=ax)`` adds a layer.
    """
    layers, default_title = _layers_of(data, boundaries, countries)
    places = layers.get("places", gpd.GeoDataFrame(geometry=[], crs=CRS))
    if "kind" in places.columns:
        places = places[places["kind"].isin(list(place_kinds))]
    relations = layers.get("relations", gpd.GeoDataFrame(geometry=[], crs=CRS))
    if not include_negated and "negated" in relations.columns:
        relations = relations[~relations["negated"].astype(bool)]
    arcs = _arc_groups(relations) if len(relations) else pd.DataFrame()
    lonlat = [np.column_stack([places.geometry.x, places.geometry.y])] if len(places) else []
    lonlat += [part for geom in arcs.get("geometry", []) for part in line_parts(geom)]
    pts = np.concatenate(lonlat) if lonlat else np.empty((0, 2))
    proj = map_projection(pts[:, 0], pts[:, 1], extent=extent if len(pts) else "world")
    world = "eqearth" in proj
    ax = new_axes(ax, (12, 6.8) if world else (10, 8.5))
    ax.georel_crs = proj  # type: ignore[attr-defined]
    from_ll = Transformer.from_crs(CRS, proj, always_xy=True)
    to_ll = Transformer.from_crs(proj, CRS, always_xy=True)

    if world:
        outline = densified_box(-180, -90, 180, 90, 180)
        ox, oy = from_ll.transform(outline[:, 0], outline[:, 1])
        view = (float(np.min(ox)), float(np.min(oy)), float(np.max(ox)), float(np.max(oy)))
        ax.fill(ox, oy, color=OCEAN, zorder=0, lw=0)
        ax.plot(ox, oy, color="#8C8C8C", lw=0.8, zorder=4)
        mask: BaseGeometry | None = None
        step = 30.0
    else:
        px, py = from_ll.transform(pts[:, 0], pts[:, 1])
        x0, x1, y0, y1 = float(np.min(px)), float(np.max(px)), float(np.min(py)), float(np.max(py))
        half = max(x1 - x0, y1 - y0, 1.6e6) * 0.5 * 1.2
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        hx, hy = max(half, (x1 - x0) / 2 * 1.18), max(half * 0.8, (y1 - y0) / 2 * 1.18)
        view = (cx - hx, cy - hy, cx + hx, cy + hy)
        ax.set_facecolor(OCEAN)
        mask = clip_mask(view, to_ll, from_ll)
        step = 10.0 if hx < 2.5e6 else 20.0
    view = _fit_view(ax, view)
    ax.set_xlim(view[0], view[2])
    ax.set_ylim(view[1], view[3])
    ax.set_aspect("equal", adjustable="box")

    grat = gpd.GeoSeries(graticule(step), crs=CRS)
    if mask is not None:
        grat = grat.clip(mask)
    grat.to_crs(proj).plot(ax=ax, color="white", lw=0.6, zorder=1, aspect=None)

    shapes = layers["countries"]
    if mask is not None:
        shapes = shapes.clip(mask)
    shapes = shapes[~shapes.geometry.is_empty]
    shapes = shapes.set_geometry(shapes.geometry.segmentize(2.0)).to_crs(proj)
    roles = shapes["role"] if "role" in shapes.columns else pd.Series(None, index=shapes.index)
    fills = [ROLE_COLORS.get(r, LAND) if isinstance(r, str) else LAND for r in roles]
    if len(shapes):
        shapes.plot(ax=ax, color=fills, edgecolor=BORDER, linewidth=0.35, zorder=2, aspect=None)

    width = view[2] - view[0]
    quads = _draw_arcs(ax, arcs, from_ll, lane=width * 0.007, trim=width * 0.008, max_arrows=max_arrows)
    markers = _draw_places(ax, places, arcs, from_ll)

    handles: list[Any] = quad_legend_handles(quads)
    if len(arcs) and arcs["uncertain"].any():
        handles.append(Line2D([], [], color="#555555", lw=1.6, ls=(0, (4, 2)),
                              label="planned, suspected or hypothetical"))
    present = [r for r in ROLE_COLORS if r in set(roles.dropna())]
    handles += [Patch(facecolor=ROLE_COLORS[r], edgecolor=BORDER, label=f"Country: {ROLE_LABELS[r]}")
                for r in present]
    if len(places):
        handles.append(Line2D([], [], ls="", marker="o", color="#222222", mec="white", ms=7,
                              label="Place (size: mentions)"))
    obstacles: list[Bbox] = []
    ax.set_title(title if title is not None else (default_title or ""), fontsize=13, loc="left")
    fig = ax.get_figure(root=True)
    if fig is not None:
        fig.draw_without_rendering()
    if legend and handles:
        leg = ax.legend(handles=handles, loc="lower left" if world else "best", fontsize=8.5, framealpha=0.92,
                        ncols=2 if len(handles) > 6 else 1, borderaxespad=0.6)
        leg.set_zorder(7)
        obstacles.append(leg.get_window_extent())
    if credit:
        note = ax.text(0.995, 0.006, credit, transform=ax.transAxes, ha="right", va="bottom",
                       fontsize=7, color="#555555", zorder=7, path_effects=HALO)
        obstacles.append(note.get_window_extent())
    if labels:
        width_pt = ax.get_window_extent().width * 72.0 / (fig.dpi if fig is not None else 72.0)
        names = _country_labels(shapes, view, width_pt / max(view[2] - view[0], 1e-9))
        place_labels(ax, (markers + names)[:max_labels], obstacles=obstacles)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    if world:
        ax.set_axis_off()
    return ax


def _fit_view(ax: Axes, view: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """Grow the shorter side of `view` so that it has the aspect of the axes box."""
    box_ = ax.get_position()
    fig = ax.get_figure(root=True)
    if fig is None or box_.width <= 0:
        return view
    width_in, height_in = fig.get_size_inches()
    target = (box_.height * height_in) / (box_.width * width_in)
    x0, y0, x1, y1 = view
    w, h = x1 - x0, y1 - y0
    if h / w < target:
        grow = (w * target - h) / 2
        return x0, y0 - grow, x1, y1 + grow
    grow = (h / target - w) / 2
    return x0 - grow, y0, x1 + grow, y1


def _country_labels(shapes: gpd.GeoDataFrame, view: tuple[float, float, float, float],
                    points_per_unit: float) -> list[Label]:
    """Labels for countries with a role, most involved first, at a point inside the visible part; a
    country too narrow on the map for its name ('NORTH KOREA' on a world map) gets its ISO code, as
    on the actor network, rather than a name that spills over its neighbours."""
    if "role" not in shapes.columns or "name" not in shapes.columns:
        return []
    involved = shapes[shapes["role"].notna()].copy()
    if not len(involved):
        return []
    counts = [c for c in ("source_events", "target_events", "mentions") if c in involved.columns]
    involved["weight"] = involved[counts].sum(axis=1) if counts else 0
    involved["rank"] = involved["role"].map({"both": 0, "source": 1, "target": 1, "mentioned": 2})
    involved = involved.sort_values(["rank", "weight", "name"], ascending=[True, False, True], kind="stable")
    frame = box(*view)
    out: list[Label] = []
    codes = involved["iso3"] if "iso3" in involved.columns else involved["name"]
    for name, code, geom in zip(involved["name"], codes, involved.geometry, strict=True):
        try:
            visible = geom.intersection(frame)
        except shapely.errors.GEOSException:  # projection can make a ring self-touch
            visible = shapely.make_valid(geom).intersection(frame)
        if visible.is_empty:
            continue
        largest = max(shapely.get_parts(visible), key=lambda g: g.area)
        point = largest.representative_point()
        text = str(name).upper()
        x0, _, x1, _ = largest.bounds
        if (x1 - x0) * points_per_unit < len(text) * CAPITALS_EM * (PLACE_LABEL_SIZE - COUNTRY_LABEL_SHRINK):
            text = str(code)
        out.append((text, float(point.x), float(point.y), 0.0, "country"))
    return out


def _draw_arcs(ax: Axes, arcs: pd.DataFrame, from_ll: Transformer, *, lane: float, trim: float,
               max_arrows: int) -> set[int]:
    """Arrows for the `max_arrows` busiest relations (lanes apart when they share ends); thin lines
    for the rest."""
    quads: set[int] = set()
    if not len(arcs):
        return quads
    rank = arcs["count"].rank(method="first", ascending=False)
    faint: list[np.ndarray] = []
    faint_colors: list[str] = []
    for _, siblings in arcs.groupby("pair", sort=False):
        n = len(siblings)
        ranks = rank[siblings.index]
        for i, (row, r) in enumerate(zip(siblings.itertuples(index=False), ranks, strict=True)):
            shift = (i - (n - 1) / 2) * lane * 2 if n > 1 else 0.0
            shift = shift if row.forward else -shift
            color = quad_color(row.quad)
            quads.add(int(row.quad))
            lw = min(6.0, 1.4 + 1.3 * math.log2(row.count))
            parts = line_parts(row.geometry)
            for k, part in enumerate(parts):
                x, y = from_ll.transform(part[:, 0], part[:, 1])
                coords = offset_line(np.column_stack([x, y]), shift)
                if r > max_arrows:
                    faint.append(coords)
                    faint_colors.append(color)
                    continue
                last = k == len(parts) - 1
                if last:
                    coords = trim_line_end(coords, trim)
                arrow = FancyArrowPatch(path=MplPath(coords), arrowstyle="-|>" if last else "-",
                                        mutation_scale=9 + 2.2 * lw, lw=lw, color=color, alpha=0.95,
                                        linestyle=(0, (4, 2)) if row.uncertain else "-",
                                        joinstyle="round", capstyle="round", zorder=5)
                arrow.set_gid(f"relation-q{int(row.quad)}")
                ax.add_patch(arrow)
    if faint:
        ax.add_collection(LineCollection(faint, colors=faint_colors, linewidths=0.7, alpha=0.45, zorder=4,
                                         gid="relations-faint"))
    return quads


def _draw_places(ax: Axes, places: gpd.GeoDataFrame, arcs: pd.DataFrame,
                 from_ll: Transformer) -> list[Label]:
    """Draw markers; return their labels in priority order (places by mentions, then relation ends)."""
    out: list[Label] = []
    seen: set[tuple[float, float]] = set()
    if len(places):
        ordered = places.sort_values(["mentions", "name"], ascending=[False, True], kind="stable")
        x, y = from_ll.transform(ordered.geometry.x.to_numpy(), ordered.geometry.y.to_numpy())
        mentions = ordered["mentions"].to_numpy(dtype=float)
        dense = 0.5 if len(ordered) > 100 else 1.0
        sizes = dense * (16 + 60 * np.sqrt(mentions / max(float(mentions.max()), 1.0)))
        only_meto = (ordered["metonymic_mentions"] == ordered["mentions"]).to_numpy() \
            if "metonymic_mentions" in ordered.columns else np.zeros(len(ordered), dtype=bool)
        face = np.where(only_meto, "white", "#222222")
        ax.scatter(x, y, s=sizes, c=list(face), edgecolors=["#222222" if m else "white" for m in only_meto],
                   linewidths=1.0, zorder=6)
        for name, xi, yi, s, lon, lat in zip(ordered["name"], x, y, sizes, ordered.geometry.x,
                                             ordered.geometry.y, strict=True):
            out.append((str(name), float(xi), float(yi), math.sqrt(s) / 2, "place"))
            seen.add((round(float(lon), 3), round(float(lat), 3)))
    if len(arcs):
        ends: dict[tuple[float, float], None] = {}
        for row in arcs.itertuples(index=False):
            for lon, lat in ((row.source_lon, row.source_lat), (row.target_lon, row.target_lat)):
                if (round(lon, 3), round(lat, 3)) not in seen:
                    ends[(lon, lat)] = None
        if ends:
            lon_a, lat_a = np.array(list(ends)).T
            x, y = from_ll.transform(lon_a, lat_a)
            ax.scatter(x, y, s=26, c="white", edgecolors="#333333", linewidths=1.1, zorder=6)
            names: dict[tuple[float, float], str] = {}
            for row in arcs.itertuples(index=False):
                for lon, lat, name in ((row.source_lon, row.source_lat, row.source_name),
                                       (row.target_lon, row.target_lat, row.target_name)):
                    if isinstance(name, str) and name:
                        names.setdefault((lon, lat), name)
            for (lon, lat), xi, yi in zip(ends, x, y, strict=True):
                if names.get((lon, lat)):
                    out.append((names[(lon, lat)], float(xi), float(yi), 3.0, "end"))
    return out
