"""Map arcs at corpus scale: one arc per country pair, only the busiest drawn, each inside the frame."""

from __future__ import annotations

from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import shapely  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402
from matplotlib.path import Path  # noqa: E402
from plot_samples import BOUNDARIES, COUNTRIES  # noqa: E402

from analysis.figures.cartography import densified_box  # noqa: E402
from analysis.figures.map import plot_map  # noqa: E402

PAIRS = [("USA", "CHN"), ("CHN", "USA"), ("AUS", "USA"), ("NZL", "USA"), ("RUS", "USA"), ("JPN", "BRA"),
         ("FJI", "CHL"), ("USA", "RUS"), ("KOR", "MEX"), ("ARG", "NZL"), ("CAN", "RUS"), ("ISL", "JPN")]


def _records() -> list[dict[str, Any]]:
    records = []
    for i, (a, b) in enumerate(PAIRS * 3):
        records.append({"id": f"a{i}", "date": "2023-09-11", "places": [], "actors": [], "events": [
            {"source": f"{a}GOV", "source_country": a, "target": f"{b}GOV", "target_country": b,
             "quad_class": 1 + i % 4, "cameo": "036", "modality": "asserted", "negated": False}]})
    return records


def test_arcs_stay_inside_the_world_frame_and_are_counted_per_country_pair() -> None:
    ax = plot_map(_records(), extent="world", max_arrows=8)  # the bundled countries and boundaries
    outline = densified_box(-180, -90, 180, 90, 180)
    from pyproj import Transformer

    ox, oy = Transformer.from_crs("EPSG:4326", ax.georel_crs, always_xy=True).transform(outline[:, 0],
                                                                                         outline[:, 1])
    # the lines lie inside; an arrow head at a capital by the edge may reach 1% of the width out,
    # where the arrow's clip path (the frame) cuts it
    frame = shapely.Polygon(np.column_stack([ox, oy])).buffer(0.01 * (max(ox) - min(ox)))
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert arrows and all(a.get_clip_path() is not None for a in arrows)
    for arrow in arrows:
        path = arrow.get_path()
        codes = path.codes if path.codes is not None else [Path.LINETO] * len(path.vertices)
        vertices = [v for v, c in zip(path.vertices, codes, strict=True) if c != Path.CLOSEPOLY]
        assert all(frame.contains(shapely.Point(x, y)) for x, y in vertices), arrow.get_gid()
    title = ax.get_title(loc="left")
    assert f"the 8 busiest of {len(set(PAIRS))} country pairs drawn" in title
    assert "Relation end" in [t.get_text() for t in ax.get_legend().get_texts()][-1]
    plt.close(ax.get_figure(root=True))


def test_one_article_keeps_one_arc_per_pair_of_places() -> None:
    record = _records()[0]
    ax = plot_map(record, boundaries=BOUNDARIES, countries=COUNTRIES)
    assert "busiest" not in ax.get_title(loc="left")
    plt.close(ax.get_figure(root=True))
