"""The look the figures share: the colour-blind-safe Okabe-Ito palette of QuadClasses, the map's
land, ocean and border colours, the modalities drawn as uncertain, the QuadClass legend and new axes.
The `map`, `network`, `timeline` and `corpus` figures draw with it."""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection
from typing import Any, ParamSpec, TypeVar

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from analysis.schema import QUAD_CLASSES, UNCERTAIN_MODALITIES

QUAD_COLORS = {1: "#0072B2", 2: "#009E73", 3: "#E69F00", 4: "#D55E00"}
"""Okabe-Ito blue, bluish green, orange and vermilion for QuadClass 1-4."""
UNKNOWN_COLOR = "#7A7A7A"
LAND, OCEAN, BORDER = "#F6F5F0", "#E4EEF5", "#A8A8A8"
UNCERTAIN = UNCERTAIN_MODALITIES
"""Modalities drawn dashed (map arrows) or hollow and hatched (timeline)."""


P = ParamSpec("P")
R = TypeVar("R")


def literal_text(func: Callable[P, R]) -> Callable[P, R]:
    """Draw every text made inside `func` literally: a '$' in a title is a dollar, not mathtext."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with mpl.rc_context({"text.parse_math": False}):
            return func(*args, **kwargs)

    return wrapper


def quad_color(quad_class: Any) -> str:
    """The colour of a QuadClass (1-4), grey when unknown."""
    try:
        return QUAD_COLORS.get(int(quad_class), UNKNOWN_COLOR)
    except (TypeError, ValueError):
        return UNKNOWN_COLOR


def new_axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    """`ax` itself, or the Axes of a new constrained-layout figure of `figsize` inches when None."""
    if ax is not None:
        return ax
    _, new = plt.subplots(figsize=figsize, layout="constrained")
    return new


def quad_legend_handles(classes: Collection[int]) -> list[Any]:
    """Legend lines for the QuadClasses in `classes`, in class order, named as in `analysis.schema`."""
    return [Line2D([], [], color=QUAD_COLORS[q], lw=3, label=QUAD_CLASSES[q].capitalize())
            for q in sorted(classes) if q in QUAD_COLORS]
