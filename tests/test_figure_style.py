"""The look the figures share (analysis.figures.style)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from analysis.figures import style as figure_style  # noqa: E402


def test_quad_color_is_grey_when_unknown() -> None:
    assert figure_style.quad_color(4) == figure_style.QUAD_COLORS[4]
    assert figure_style.quad_color("2") == figure_style.QUAD_COLORS[2]
    for unknown in (None, "", "x", 7, float("nan")):
        assert figure_style.quad_color(unknown) == figure_style.UNKNOWN_COLOR


def test_quad_legend_handles_in_class_order() -> None:
    handles = figure_style.quad_legend_handles({4, 1, 9})
    assert [h.get_label() for h in handles] == ["Verbal cooperation", "Material conflict"]


def test_new_axes_reuses_or_creates() -> None:
    fig, ax = plt.subplots()
    assert figure_style.new_axes(ax, (3, 2)) is ax
    new = figure_style.new_axes(None, (3, 2))
    assert new is not ax and tuple(new.get_figure(root=True).get_size_inches()) == (3, 2)
    plt.close("all")
