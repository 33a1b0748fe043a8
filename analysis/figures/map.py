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
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch, PathPatch
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


def _arc_groups(relations: gpd.GeoDataFrame, *, per_country: bool = False) -> pd.DataFrame:
    """One arc per pair of ends, QuadClass and certainty; or, `per_country`, one per directed pair of
    countries (at its most used ends), coloured by its dominant QuadClass."""
    rel = relations.copy()
    rel["uncertain"] = rel["modality"].isin(UNCERTAIN)
    rel["quad"] = rel["quad_class"].fillna(0).astype(int)
    rel["distance_km"] = rel["distance_km"].astype(float)
    if per_country:
        groups = _country_pair_arcs(rel)
    else:
        keys = ["source_lon", "source_lat", "target_lon", "target_lat", "quad", "uncertain"]
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


def _country_pair_arcs(rel: pd.DataFrame) -> pd.DataFrame:
    """Relations summed per (source country, target country), drawn between their most used ends."""
    from analysis.network import dominant_quad_class

    rel = rel.assign(source_key=rel["source_country"].fillna(rel["source"].astype(str)),
                     target_key=rel["target_country"].fillna(rel["target"].astype(str)))
    rows = []
    for (_, _), group in rel.groupby(["source_key", "target_key"], sort=True):
        ends = group.groupby(["source_lon", "source_lat", "target_lon", "target_lat"], sort=True).size()
        best = ends.idxmax()
        first = group[(group["source_lon"] == best[0]) & (group["source_lat"] == best[1])
                      & (group["target_lon"] == best[2]) & (group["target_lat"] == best[3])].iloc[0]
        counts = [int((group["quad"] == q).sum()) for q in (1, 2, 3, 4)]
        rows.append({"source_lon": best[0], "source_lat": best[1], "target_lon": best[2], "target_lat": best[3],
                     "quad": dominant_quad_class(counts) or 0, "uncertain": bool(group["uncertain"].all()),
                     "count": len(group), "geometry": first["geometry"], "distance_km": first["distance_km"],
                     "source_name": first["source_anchor_name"], "target_name": first["target_anchor_name"]})
    return pd.DataFrame(rows, columns=["source_lon", "source_lat", "target_lon", "target_lat", "quad", "uncertain",
                                       "count", "geometry", "distance_km", "source_name", "target_name"])


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
             include_negated: bool = False, max_arrows: int | None = None, legend: bool = True,
             credit: str | None = CREDIT, per_country: bool | None = None) -> Axes:
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
        Draw this many of the busiest arcs (default 150, or 40 country pairs); the others are
        counted under the title, not drawn.
    legend, credit
        Draw the legend; the data credit line (None for none).
    per_country
        One arc per directed pair of countries (width: events, colour: dominant QuadClass) instead
        of one per pair of places; default when the relations come from more than one article.

    Returns
    -------
    ax
        The map, in an equal-area projection (Equal Earth or Lambert azimuthal equal-area) whose
        PROJ string is ``ax.georel_crs``: ``frame.to_crs(ax.georel_crs).plot(ax=ax)`` adds a layer.
        Every arc is clipped to the map's frame.
    """
    layers, default_title = _layers_of(data, boundaries, countries)
    places = layers.get("places", gpd.GeoDataFrame(geometry=[], crs=CRS))
    if "kind" in places.columns:
        places = places[places["kind"].isin(list(place_kinds))]
    arcs, note = _arcs_to_draw(layers.get("relations", gpd.GeoDataFrame(geometry=[], crs=CRS)),
                               include_negated=include_negated, per_country=per_country, max_arrows=max_arrows)
    lonlat = [np.column_stack([places.geometry.x, places.geometry.y])] if len(places) else []
    lonlat += [part for geom in arcs.get("geometry", []) for part in line_parts(geom)]
    pts = np.concatenate(lonlat) if lonlat else np.empty((0, 2))
    proj = map_projection(pts[:, 0], pts[:, 1], extent=extent if len(pts) else "world")
    world = "eqearth" in proj
    ax = new_axes(ax, (12, 6.8) if world else (10, 8.5))
    ax.georel_crs = proj  # type: ignore[attr-defined]
    from_ll = Transformer.from_crs(CRS, proj, always_xy=True)
    to_ll = Transformer.from_crs(proj, CRS, always_xy=True)
    view, frame, mask = _frame(ax, pts, world, from_ll, to_ll)
    shapes = _draw_background(ax, layers["countries"], proj, mask, 30.0 if world else
                              10.0 if view[2] - view[0] < 5e6 else 20.0)
    width = view[2] - view[0]
    quads = _draw_arcs(ax, arcs, from_ll, lane=width * 0.007, trim=width * 0.008, frame=frame)
    markers = _draw_places(ax, places, arcs, from_ll)
    main = title if title is not None else (default_title or "")
    ax.set_title(f"{main}\n{note}" if note else main, fontsize=13, loc="left")
    obstacles = _legend_and_credit(ax, arcs, quads, shapes, places, markers, world, legend, credit)
    if labels:
        fig = ax.get_figure(root=True)
        width_pt = ax.get_window_extent().width * 72.0 / (fig.dpi if fig is not None else 72.0)
        names = _country_labels(shapes, view, width_pt / max(view[2] - view[0], 1e-9))
        place_labels(ax, (markers + names)[:max_labels], obstacles=obstacles)
    ax.set(xticks=[], yticks=[], xlabel="", ylabel="")
    if world:
        ax.set_axis_off()
    return ax


def _arcs_to_draw(relations: gpd.GeoDataFrame, *, include_negated: bool, per_country: bool | None,
                  max_arrows: int | None) -> tuple[pd.DataFrame, str]:
    """The arcs `plot_map` draws and its note on those left out (see its parameters)."""
    if not include_negated and "negated" in relations.columns:
        relations = relations[~relations["negated"].astype(bool)]
    if per_country is None:
        per_country = "article_id" in relations.columns and relations["article_id"].nunique() > 1
    arcs = _arc_groups(relations, per_country=per_country) if len(relations) else pd.DataFrame()
    return _busiest_arcs(arcs, max_arrows if max_arrows is not None else 40 if per_country else 150, per_country)


def _busiest_arcs(arcs: pd.DataFrame, keep: int, per_country: bool) -> tuple[pd.DataFrame, str]:
    """The `keep` arcs with most events, and a note on the ones left out ('' when none is)."""
    if len(arcs) <= keep:
        return arcs, ""
    order = arcs.sort_values("count", ascending=False, kind="stable")
    kept, rest = order.iloc[:keep].sort_index(), order.iloc[keep:]
    what = "country pairs" if per_country else "relations"
    return kept, (f"the {keep} busiest of {len(arcs)} {what} drawn; {len(rest)} more with {int(rest['count'].sum())} "
                  "events are not")


def _frame(ax: Axes, pts: np.ndarray, world: bool, from_ll: Transformer, to_ll: Transformer
           ) -> tuple[tuple[float, float, float, float], BaseGeometry, BaseGeometry | None]:
    """Set the view; return it, the map's frame (projected) and the lon/lat mask of a regional map."""
    if world:
        outline = densified_box(-180, -90, 180, 90, 180)
        ox, oy = from_ll.transform(outline[:, 0], outline[:, 1])
        view = (float(np.min(ox)), float(np.min(oy)), float(np.max(ox)), float(np.max(oy)))
        ax.fill(ox, oy, color=OCEAN, zorder=0, lw=0)
        ax.plot(ox, oy, color="#8C8C8C", lw=0.8, zorder=4)
        frame: BaseGeometry = shapely.Polygon(np.column_stack([ox, oy])).buffer(0)
        mask: BaseGeometry | None = None
    else:
        px, py = from_ll.transform(pts[:, 0], pts[:, 1])
        x0, x1, y0, y1 = float(np.min(px)), float(np.max(px)), float(np.min(py)), float(np.max(py))
        half = max(x1 - x0, y1 - y0, 1.6e6) * 0.5 * 1.2
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        hx, hy = max(half, (x1 - x0) / 2 * 1.18), max(half * 0.8, (y1 - y0) / 2 * 1.18)
        view = (cx - hx, cy - hy, cx + hx, cy + hy)
        ax.set_facecolor(OCEAN)
        mask = clip_mask(view, to_ll, from_ll)
    view = _fit_view(ax, view)
    if not world:
        frame = box(*view)
    ax.set_xlim(view[0], view[2])
    ax.set_ylim(view[1], view[3])
    ax.set_aspect("equal", adjustable="box")
    return view, frame, mask


def _draw_background(ax: Axes, shapes: gpd.GeoDataFrame, proj: str, mask: BaseGeometry | None,
                     step: float) -> gpd.GeoDataFrame:
    """Graticule and countries shaded by role; return the projected country shapes."""
    grat = gpd.GeoSeries(graticule(step), crs=CRS)
    if mask is not None:
        grat = grat.clip(mask)
    grat.to_crs(proj).plot(ax=ax, color="white", lw=0.6, zorder=1, aspect=None)
    if mask is not None:
        shapes = shapes.clip(mask)
    shapes = shapes[~shapes.geometry.is_empty]
    shapes = shapes.set_geometry(shapes.geometry.segmentize(2.0)).to_crs(proj)
    roles = shapes["role"] if "role" in shapes.columns else pd.Series(None, index=shapes.index)
    fills = [ROLE_COLORS.get(r, LAND) if isinstance(r, str) else LAND for r in roles]
    if len(shapes):
        shapes.plot(ax=ax, color=fills, edgecolor=BORDER, linewidth=0.35, zorder=2, aspect=None)
    return shapes


def _legend_and_credit(ax: Axes, arcs: pd.DataFrame, quads: set[int], shapes: gpd.GeoDataFrame,
                       places: gpd.GeoDataFrame, markers: list[Label], world: bool, legend: bool,
                       credit: str | None) -> list[Bbox]:
    """Legend with every kind of mark drawn, and the credit line; return their boxes (label obstacles)."""
    handles: list[Any] = quad_legend_handles(quads)
    if len(arcs) and arcs["uncertain"].any():
        handles.append(Line2D([], [], color="#555555", lw=1.6, ls=(0, (4, 2)),
                              label="planned, suspected or hypothetical"))
    roles = set(shapes["role"].dropna()) if "role" in shapes.columns else set()
    handles += [Patch(facecolor=ROLE_COLORS[r], edgecolor=BORDER, label=f"Country: {ROLE_LABELS[r]}")
                for r in ROLE_COLORS if r in roles]
    if len(places):
        handles.append(Line2D([], [], ls="", marker="o", color="#222222", mec="white", ms=7,
                              label="Place (size: mentions)"))
        if "metonymic_mentions" in places.columns and (places["metonymic_mentions"] == places["mentions"]).any():
            handles.append(Line2D([], [], ls="", marker="o", mfc="white", mec="#222222", ms=7,
                                  label="Place named only for its government"))
    if any(kind == "end" for *_, kind in markers):
        handles.append(Line2D([], [], ls="", marker="o", mfc="white", mec="#333333", ms=5.5,
                              label="Relation end (capital or country point)"))
    obstacles: list[Bbox] = []
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
    return obstacles


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
               frame: BaseGeometry) -> set[int]:
    """Arrows (lanes apart when they share ends), each clipped to the map's `frame`."""
    quads: set[int] = set()
    if not len(arcs):
        return quads
    inside = frame.buffer(-lane * 0.5) if frame.area > 0 else frame
    clip = None
    if isinstance(frame, shapely.Polygon) and frame.area > 0:
        clip = PathPatch(MplPath(np.asarray(frame.exterior.coords)), transform=ax.transData)
    for _, siblings in arcs.groupby("pair", sort=False):
        n = len(siblings)
        for i, row in enumerate(siblings.itertuples(index=False)):
            shift = (i - (n - 1) / 2) * lane * 2 if n > 1 else 0.0
            shift = shift if row.forward else -shift
            color = quad_color(row.quad)
            quads.add(int(row.quad))
            lw = min(6.0, 1.4 + 1.3 * math.log2(row.count))
            pieces = []
            for part in line_parts(row.geometry):
                x, y = from_ll.transform(part[:, 0], part[:, 1])
                pieces += _clipped(offset_line(np.column_stack([x, y]), shift), inside)
            for k, coords in enumerate(pieces):
                last = k == len(pieces) - 1
                if last:
                    coords = trim_line_end(coords, trim)
                arrow = FancyArrowPatch(path=MplPath(coords), arrowstyle="-|>" if last else "-",
                                        mutation_scale=9 + 2.2 * lw, lw=lw, color=color, alpha=0.95,
                                        linestyle=(0, (4, 2)) if row.uncertain else "-",
                                        joinstyle="round", capstyle="round", zorder=5)
                arrow.set_gid(f"relation-q{int(row.quad)}")
                ax.add_patch(arrow)
                if clip is not None:
                    arrow.set_clip_path(clip)  # an arrow head at a capital by the edge stays inside too
    return quads


def _clipped(coords: np.ndarray, frame: BaseGeometry) -> list[np.ndarray]:
    """The pieces of a projected polyline inside `frame`, in order along the line."""
    finite = coords[np.isfinite(coords).all(axis=1)]
    if len(finite) < 2:
        return []
    line = shapely.LineString(finite)
    if frame.contains(line):
        return [finite]
    cut = line.intersection(frame)
    parts = [np.asarray(g.coords) for g in shapely.get_parts(cut) if isinstance(g, shapely.LineString)
             and g.length > 0]
    return sorted(parts, key=lambda p: line.project(shapely.Point(p[0])))


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
