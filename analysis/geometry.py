"""Spherical geometry in degrees (x = lon, y = lat): distances, great circles, antimeridian cuts.

`haversine_km` is the one great-circle distance of the package (numpy-broadcasting, lon first as
everywhere in EPSG:4326); shapely is imported only by the functions that build geometries, so the
extraction stages can measure distances without it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from shapely.geometry import LineString, MultiLineString
    from shapely.geometry.base import BaseGeometry

__all__ = ["EARTH_RADIUS_KM", "haversine_km", "great_circle", "longest_edge", "split_antimeridian"]

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lon1: Any, lat1: Any, lon2: Any, lat2: Any) -> Any:
    """Great-circle distance in kilometres between points given lon first (x, y); scalars or arrays
    that broadcast."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dlon = np.radians(np.asarray(lon2) - np.asarray(lon1))
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return EARTH_RADIUS_KM * 2 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))


def longest_edge(geometry: BaseGeometry | None) -> float:
    """The largest longitude step between consecutive vertices of any ring."""
    if geometry is None or geometry.is_empty:
        return 0.0
    import shapely

    rings = shapely.get_rings(shapely.get_parts(geometry))
    coords, index = shapely.get_coordinates(rings, return_index=True)
    step = np.abs(np.diff(coords[:, 0]))[np.diff(index) == 0]
    return float(step.max()) if step.size else 0.0


def split_antimeridian(geometry: BaseGeometry) -> BaseGeometry:
    """Cut (multi)polygons whose rings jump across the antimeridian into pieces on each side.

    TopoJSON and other spherical sources store Chukotka or Fiji as rings that step from 180 to
    -180; drawn on a plane they streak across the map. Each ring is unwrapped to a continuous
    longitude, closed through the pole if it circles one, and the polygon is cut at +/-180.
    """
    import shapely
    import shapely.affinity
    from shapely.geometry import MultiPolygon, Polygon, box

    pieces: list[BaseGeometry] = []
    for poly in shapely.get_parts(geometry):
        rings: list[np.ndarray] = []
        for ring in shapely.get_rings(poly):
            xy = shapely.get_coordinates(ring)
            step = np.diff(xy[:, 0])
            wraps = np.where(step > 180, -360.0, np.where(step < -180, 360.0, 0.0))
            shift = np.concatenate([[0.0], np.cumsum(wraps)])
            xy = np.column_stack([xy[:, 0] + shift, xy[:, 1]])
            if abs(xy[-1, 0] - xy[0, 0]) > 180:  # circles a pole: close the ring along it
                pole = -90.0 if xy[:, 1].mean() < 0 else 90.0
                xy = np.vstack([xy, [xy[-1, 0], pole], [xy[0, 0], pole], xy[:1]])
            if rings:
                xy[:, 0] += 360.0 * round((rings[0][:, 0].mean() - xy[:, 0].mean()) / 360.0)
            rings.append(xy)
        unwrapped = shapely.make_valid(Polygon(rings[0], rings[1:]))
        for k in (-1, 0, 1):
            part = unwrapped.intersection(box(-180 + 360 * k, -90, 180 + 360 * k, 90))
            if not part.is_empty:
                pieces.append(shapely.affinity.translate(part, xoff=-360.0 * k))
    polygons = [p for piece in pieces for p in shapely.get_parts(piece) if p.geom_type == "Polygon"]
    return MultiPolygon(polygons) if len(polygons) != 1 else polygons[0]


def great_circle(lon1: float, lat1: float, lon2: float, lat2: float, *,
                 step: float = 1.0) -> LineString | MultiLineString:
    """Great-circle line from (lon1, lat1) to (lon2, lat2), split at the antimeridian.

    Parameters
    ----------
    lon1, lat1, lon2, lat2
        End points in degrees; the line starts and ends exactly there.
    step
        Largest angle in degrees between consecutive vertices.

    Returns
    -------
    line
        A LineString, or a MultiLineString whose parts end and start at longitude +/-180 when the
        shortest path crosses the antimeridian, so that no segment jumps more than 180 degrees.
    """
    from shapely.geometry import LineString, MultiLineString

    lam = np.radians([lon1, lon2])
    phi = np.radians([lat1, lat2])
    xyz = np.column_stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)])
    omega = float(np.arccos(np.clip(xyz[0] @ xyz[1], -1.0, 1.0)))
    n = max(2, int(math.ceil(math.degrees(omega) / step)) + 1)
    t = np.linspace(0.0, 1.0, n)[:, None]
    if omega < 1e-12:
        points = np.repeat(xyz[:1], n, axis=0)
    elif math.pi - omega < 1e-9:  # antipodes: any great circle works; go through the nearer pole
        axis = np.cross(xyz[0], [0.0, 0.0, 1.0 if lat1 + lat2 >= 0 else -1.0])
        if np.linalg.norm(axis) < 1e-12:
            axis = np.array([0.0, 1.0, 0.0])
        ortho = np.cross(axis / np.linalg.norm(axis), xyz[0])
        points = np.cos(t * math.pi) * xyz[0] + np.sin(t * math.pi) * ortho
    else:
        points = (np.sin((1 - t) * omega) * xyz[0] + np.sin(t * omega) * xyz[1]) / math.sin(omega)
    lons = np.degrees(np.arctan2(points[:, 1], points[:, 0]))
    lats = np.degrees(np.arcsin(np.clip(points[:, 2], -1.0, 1.0)))
    lons[0], lats[0], lons[-1], lats[-1] = lon1, lat1, lon2, lat2
    parts: list[list[tuple[float, float]]] = [[(float(lons[0]), float(lats[0]))]]
    for i in range(1, n):
        x0, y0, x1, y1 = lons[i - 1], lats[i - 1], lons[i], lats[i]
        if abs(x1 - x0) > 180.0:
            edge = 180.0 if x0 > 0 else -180.0
            x1_unwrapped = x1 + 360.0 if x0 > 0 else x1 - 360.0
            frac = (edge - x0) / (x1_unwrapped - x0)
            y_cross = float(y0 + frac * (y1 - y0))
            parts[-1].append((edge, y_cross))
            parts.append([(-edge, y_cross)])
        parts[-1].append((float(x1), float(y1)))
    parts = [part for part in parts if len(part) >= 2]
    if len(parts) == 1:
        return LineString(parts[0])
    return MultiLineString(parts)
