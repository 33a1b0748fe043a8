"""Great circles, distances and antimeridian cuts (analysis.geometry)."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import LineString, MultiLineString, Polygon

from analysis import geometry


def test_great_circle_edge_cases() -> None:
    short = geometry.great_circle(125.75, 39.03, 131.87, 43.11)
    assert isinstance(short, LineString) and short.coords[0] == (125.75, 39.03)
    same = geometry.great_circle(10.0, 10.0, 10.0, 10.0)
    assert same.coords[0] == same.coords[-1] == (10.0, 10.0)
    antipodes = geometry.great_circle(0.0, 0.0, 180.0, 0.0)
    parts = antipodes.geoms if isinstance(antipodes, MultiLineString) else [antipodes]
    assert all(np.abs(np.diff(np.asarray(p.coords)[:, 0])).max() <= 180 for p in parts)
    assert geometry.haversine_km(0, 0, 180, 0) == pytest.approx(np.pi * geometry.EARTH_RADIUS_KM)


def test_split_antimeridian_and_longest_edge() -> None:
    fiji = Polygon([(170, -20), (-170, -20), (-170, -10), (170, -10), (170, -20)])
    assert geometry.longest_edge(fiji) == 340.0 and geometry.longest_edge(None) == 0.0
    fixed = geometry.split_antimeridian(fiji)
    assert fixed.geom_type == "MultiPolygon" and fixed.area == pytest.approx(200.0)
    assert fixed.bounds == (-180.0, -20.0, 180.0, -10.0)
    assert geometry.longest_edge(fixed) < 180
