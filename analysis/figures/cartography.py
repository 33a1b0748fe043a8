"""Cartography helpers for the maps: projections picked from the data, view clipping, graticules,
arc geometry and overlap-free labels. `analysis.figures.map` and `analysis.figures.network` draw with them."""

from __future__ import annotations

import math
from typing import Any, Literal

import matplotlib.patheffects as pe
import numpy as np
from matplotlib.axes import Axes
from matplotlib.patheffects import AbstractPathEffect
from matplotlib.text import Annotation
from matplotlib.transforms import Bbox
from pyproj import Transformer
from shapely.geometry import LineString, MultiLineString, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

HALO: list[AbstractPathEffect] = [pe.withStroke(linewidth=2.6, foreground="white")]
HAlign = Literal["left", "center", "right"]
VAlign = Literal["bottom", "center", "top"]
Label = tuple[str, float, float, float, str]
"""(text, x, y, marker radius in points, style) for `place_labels`."""

def map_projection(lons: np.ndarray, lats: np.ndarray, *,
                   extent: Literal["auto", "world", "region"] = "auto") -> str:
    """The PROJ string `plot_map` uses for points: Equal Earth for the world, else a Lambert
    azimuthal equal-area projection centred on the points.

    The world is chosen when the points span more than 150 degrees of longitude (measured the short
    way round) or 75 degrees of latitude, or when there are no points.
    """
    lons, lats = np.asarray(lons, dtype=float), np.asarray(lats, dtype=float)
    if extent == "world" or lons.size == 0:
        return "+proj=eqearth +lon_0=0 +datum=WGS84 +units=m +no_defs"
    west, east = lon_interval(lons)
    span = (east - west) % 360
    if extent == "auto" and (span > 150 or float(lats.max() - lats.min()) > 75):
        return "+proj=eqearth +lon_0=0 +datum=WGS84 +units=m +no_defs"
    lon0 = (west + span / 2 + 180) % 360 - 180
    lat0 = float(lats.min() + lats.max()) / 2
    return f"+proj=laea +lat_0={lat0:.4f} +lon_0={lon0:.4f} +datum=WGS84 +units=m +no_defs"


def lon_interval(lons: np.ndarray) -> tuple[float, float]:
    """Smallest longitude interval (west, east) covering every value, possibly across 180."""
    values = np.sort((lons + 180) % 360 - 180)
    if values.size == 1:
        return float(values[0]), float(values[0])
    gaps = np.diff(np.append(values, values[0] + 360))
    i = int(np.argmax(gaps))
    return float(values[(i + 1) % values.size]), float(values[i])


def densified_box(x0: float, y0: float, x1: float, y1: float, n: int = 60) -> np.ndarray:
    t = np.linspace(0, 1, n)
    return np.concatenate([
        np.column_stack([x0 + (x1 - x0) * t, np.full(n, y0)]),
        np.column_stack([np.full(n, x1), y0 + (y1 - y0) * t]),
        np.column_stack([x1 - (x1 - x0) * t, np.full(n, y1)]),
        np.column_stack([np.full(n, x0), y1 - (y1 - y0) * t]),
    ])


def clip_mask(view: tuple[float, float, float, float], to_lonlat: Transformer,
               from_lonlat: Transformer) -> BaseGeometry:
    """A lon/lat polygon that covers the projected view rectangle (with a margin)."""
    ring = densified_box(*view)
    lon, lat = to_lonlat.transform(ring[:, 0], ring[:, 1])
    ok = np.isfinite(lon) & np.isfinite(lat)
    lon, lat = np.asarray(lon)[ok], np.asarray(lat)[ok]
    south, north = max(-90.0, float(lat.min()) - 8), min(90.0, float(lat.max()) + 8)
    for pole in (90.0, -90.0):
        px, py = from_lonlat.transform(0.0, pole)
        if view[0] <= px <= view[2] and view[1] <= py <= view[3]:
            return box(-180, -90.0 if pole < 0 else south, 180, 90.0 if pole > 0 else north)
    west, east = lon_interval(lon)
    span = (east - west) % 360
    if span + 30 >= 360:
        return box(-180, south, 180, north)
    w, e = west - 15, west + span + 15
    if e > 180:
        return unary_union([box(w, south, 180, north), box(-180, south, e - 360, north)])
    if w < -180:
        return unary_union([box(w + 360, south, 180, north), box(-180, south, e, north)])
    return box(w, south, e, north)


def graticule(step: float) -> list[LineString]:
    lats = np.arange(-90, 90.001, 1.0)
    lines = [LineString(np.column_stack([np.full(lats.size, lon), lats]))
             for lon in np.arange(-180, 180.001, step)]
    lons = np.arange(-180, 180.001, 1.0)
    lines += [LineString(np.column_stack([lons, np.full(lons.size, lat)]))
              for lat in np.arange(-90 + step, 90, step)]
    return lines


def line_parts(geometry: Any) -> list[np.ndarray]:
    if isinstance(geometry, MultiLineString):
        return [np.asarray(part.coords) for part in geometry.geoms]
    if isinstance(geometry, LineString):
        return [np.asarray(geometry.coords)]
    return []


def offset_line(coords: np.ndarray, distance: float) -> np.ndarray:
    """Shift a polyline sideways (to the left of its direction) by `distance`."""
    if distance == 0 or len(coords) < 2:
        return coords
    d = np.gradient(coords, axis=0)
    norm = np.hypot(d[:, 0], d[:, 1])
    norm[norm == 0] = 1
    normal = np.column_stack([-d[:, 1] / norm, d[:, 0] / norm])
    taper = np.sin(np.linspace(0, math.pi, len(coords))) ** 0.5 if len(coords) > 2 else np.ones(len(coords))
    return coords + normal * distance * taper[:, None]


def trim_line_end(coords: np.ndarray, length: float) -> np.ndarray:
    """Cut `length` off the end of a polyline so an arrow head stops short of the marker."""
    seg = np.hypot(*np.diff(coords, axis=0).T)
    if seg.sum() <= 2 * length:
        return coords
    remaining = length
    while len(coords) > 2 and seg[-1] <= remaining:
        remaining -= seg[-1]
        coords, seg = coords[:-1], seg[:-1]
    frac = remaining / seg[-1] if seg[-1] else 0
    end = coords[-1] - frac * (coords[-1] - coords[-2])
    return np.vstack([coords[:-1], end])



PLACE_LABEL_SIZE = 9.0
COUNTRY_LABEL_SHRINK = 1.5  # country labels are this many points smaller than place labels


def place_labels(ax: Axes, items: list[Label], *, obstacles: list[Bbox] | None = None,
                 fontsize: float = PLACE_LABEL_SIZE) -> list[Annotation]:
    """Label points without overlaps: try positions around each point, keep the first free one.

    Parameters
    ----------
    ax
        Axes whose limits and aspect are final.
    items
        (text, x, y, marker radius in points, style) in priority order. Style ``"place"`` is the
        regular font, ``"end"`` (a relation end that is not a mentioned place) italic, and
        ``"country"`` small grey capitals centred on the point. A label that fits nowhere is left out.
    obstacles
        Display-space boxes (legend, credit) that labels must not cover.
    fontsize
        Font size of place labels.

    Returns
    -------
    texts
        The annotations placed (deterministic for the same input and figure size).
    """
    ax.apply_aspect()
    fig = ax.get_figure(root=True)
    scale = fig.dpi / 72.0 if fig is not None else 1.0
    frame = ax.get_window_extent()
    taken = list(obstacles or [])
    for _, x, y, r, style in items:
        if style != "country":
            cx, cy = ax.transData.transform((x, y))
            taken.append(Bbox.from_extents(cx - r * scale, cy - r * scale, cx + r * scale, cy + r * scale))
    placed: list[Annotation] = []
    for text, x, y, r, style in items:
        d = r + 2.5
        candidates: list[tuple[tuple[float, float], HAlign, VAlign]]
        if style == "country":
            # on the country's point, then above or below it, then beside it (a small country whose
            # point is under a place's marker)
            candidates = [((0.0, 0.0), "center", "center"), ((0.0, 9.0), "center", "center"),
                          ((0.0, -9.0), "center", "center"), ((-9.0, 0.0), "right", "center"),
                          ((9.0, 0.0), "left", "center")]
        else:
            candidates = [((d, 0.0), "left", "center"), ((d * 0.8, d * 0.8), "left", "bottom"),
                          ((-d * 0.8, d * 0.8), "right", "bottom"), ((-d, 0.0), "right", "center"),
                          ((d * 0.8, -d * 0.8), "left", "top"), ((-d * 0.8, -d * 0.8), "right", "top"),
                          ((0.0, d), "center", "bottom"), ((0.0, -d), "center", "top")]
        size = {"place": fontsize, "end": fontsize - 0.5}.get(style, fontsize - COUNTRY_LABEL_SHRINK)
        label = ax.annotate(text, (x, y), xytext=candidates[0][0], textcoords="offset points", fontsize=size,
                            fontstyle="italic" if style == "end" else "normal",
                            color="#5A5A5A" if style == "country" else "#111111",
                            path_effects=HALO, zorder=8 if style != "country" else 4, annotation_clip=False)
        label.set_gid(f"label-{style}")
        for offset, ha, va in candidates:
            label.set_position(offset)
            label.set_horizontalalignment(ha)
            label.set_verticalalignment(va)
            bbox = label.get_window_extent().padded(1.5)
            inside = frame.contains(bbox.x0, bbox.y0) and frame.contains(bbox.x1, bbox.y1)
            if inside and not any(bbox.overlaps(other) for other in taken):
                taken.append(bbox)
                placed.append(label)
                break
        else:
            label.remove()
    return placed


# --- network -----------------------------------------------------------------------------------

