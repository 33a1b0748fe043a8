"""Text drawn in a figure is drawn literally: a '$' in a title is a dollar sign, not mathtext."""

from __future__ import annotations

from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from analysis.extract.pipeline import extract_record  # noqa: E402
from analysis.figures.corpus import plot_actor_network  # noqa: E402
from analysis.figures.map import plot_map  # noqa: E402
from analysis.figures.network import plot_network  # noqa: E402
from analysis.figures.timeline import plot_timeline  # noqa: E402
from analysis.io.articles import article_from_text  # noqa: E402
from analysis.network import actor_graph  # noqa: E402

TITLE = "Crypto: $BTC up 5%, $ETH_USD falls"


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    text = ("date 2023-09-11 Crypto: $BTC up 5%, $ETH_USD falls. Russia criticised the United States "
            "over $5 billion in sanctions. China met Russia in Moscow.")
    rec = extract_record(article_from_text(text, id="$BTC"))
    rec["title"] = TITLE
    return rec


@pytest.mark.parametrize("draw", [
    lambda r: plot_map([r], title=TITLE), lambda r: plot_map([r]),
    lambda r: plot_network(actor_graph([r]), title=TITLE), lambda r: plot_timeline([r], title=TITLE),
    lambda r: plot_actor_network([dict(r, id="a"), dict(r, id="b")], title=TITLE),
])
def test_a_dollar_in_a_title_is_drawn_literally(record: dict[str, Any], draw: Any) -> None:
    ax = draw(record)
    fig = ax.get_figure(root=True)
    fig.canvas.draw()  # mathtext would raise here ("$ETH_USD" is not valid TeX)
    titles = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
    assert any("$" in t for t in titles)
    plt.close(fig)
