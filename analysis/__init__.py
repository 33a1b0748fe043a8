"""georelations: news articles to places, actors, coded events, maps, networks and reports.

The main functions are offered here and imported on first use, so ``import analysis`` stays fast::

    import analysis
    record = analysis.extract_record(analysis.article_from_text("Kim met Putin in Vladivostok."))
    analysis.find_places("Kim left Pyongyang for Vladivostok.")
    analysis.plot_map([record])

Offered here: extract_record, extract_records, find_places, find_events_table, lookup, load_articles, iter_articles,
article_from_text, read_records, read_date, read_gdelt_events, extract_corpus, geo_layers,
events_frame, places_frame, relations_frame, actor_graph, dyad_table, dyad_series, plot_map,
plot_network, plot_timeline, plot_actor_network, plot_dyad_balance, export_all.

The sub-packages, by concern:

- `analysis.extract`: one article's text through the stages (text, gazetteer, mentions, geocode,
  actors, timex, clauses, roles, events, pipeline);
- `analysis.io`: reading articles and records, decoding, HTML text, atomic writes;
- `analysis.corpus`: extraction runs over many articles (sources, engines, sinks, tables), selection
  and aggregation;
- `analysis.figures`: maps, actor networks, timelines and corpus charts;
- `analysis.reports`: papermill reports and their HTML;

and beside them `frames` (tables and GeoDataFrames), `network` (networkx graphs), `geometry`,
`export` (files for GIS and graph tools), `gdelt` (GDELT 2.0 exports), `schema` (the output
contract), `errors` and `cli`.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_API = {
    "extract_record": "analysis.extract.pipeline",
    "extract_records": "analysis.extract.pipeline",
    "find_places": "analysis.extract.pipeline",
    "find_events_table": "analysis.extract.pipeline",
    "lookup": "analysis.extract.gazetteer",
    "load_articles": "analysis.io.articles",
    "iter_articles": "analysis.io.articles",
    "article_from_text": "analysis.io.articles",
    "read_records": "analysis.io.records",
    "extract_corpus": "analysis.corpus.run",
    "geo_layers": "analysis.frames",
    "events_frame": "analysis.frames",
    "places_frame": "analysis.frames",
    "relations_frame": "analysis.frames",
    "actor_graph": "analysis.network",
    "plot_map": "analysis.figures.map",
    "plot_network": "analysis.figures.network",
    "plot_timeline": "analysis.figures.timeline",
    "export_all": "analysis.export",
    "read_gdelt_events": "analysis.gdelt",
    "read_date": "analysis.io.dates",
    "plot_actor_network": "analysis.figures.corpus",
    "plot_dyad_balance": "analysis.figures.corpus",
    "dyad_table": "analysis.corpus.aggregate",
    "dyad_series": "analysis.corpus.aggregate",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    """The main functions, imported from their modules on first use."""
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*__all__, "extract", "io", "corpus", "figures", "reports"})
