"""Column names and record fields shared by every stage (the output contract).

`georel extract` writes one JSON object per article with the fields below; the tidy
DataFrames of the package use the same names.
"""

from __future__ import annotations

ARTICLE_FIELDS = ("id", "date", "title", "url", "source", "text")

PLACE_FIELDS = (
    "start", "end", "text", "name", "kind", "country", "lat", "lon", "geonameid", "metonymic",
)
"""A place mention. `kind` is one of PLACE_KINDS; `country` is ISO 3166-1 alpha-3."""

PLACE_KINDS = (
    "country", "demonym", "admin1", "admin2", "city", "capital", "region", "continent", "water",
)

ACTOR_FIELDS = ("start", "end", "text", "code", "name", "country", "sector")

EVENT_FIELDS = (
    "source", "source_country", "target", "target_country",
    "cameo", "root", "quad_class", "goldstein", "plover",
    "modality", "negated", "attribution",
    "date", "date_precision", "place",
    "sentence_start", "sentence_end", "trigger_start", "trigger_end", "trigger",
    "evidence", "mentions",
)
"""An event. `place` is null or {name, lat, lon, geonameid, country}; `evidence` is the sentence
text of the first mention; `mentions` is a list of {sentence_start, sentence_end, trigger_start,
trigger_end, evidence} for every sentence that reports the event (deduplicated within an article)."""

MODALITIES = ("asserted", "planned", "reported", "suspected", "hypothetical")
UNCERTAIN_MODALITIES = frozenset({"planned", "suspected", "hypothetical"})
"""Modalities of events that may not (have) happen(ed): drawn dashed or hatched, counted as uncertain."""
DATE_PRECISIONS = ("day", "week", "month", "year")
QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

RECORD_FIELDS = ("id", "date", "title", "url", "source", "places", "actors", "events")
