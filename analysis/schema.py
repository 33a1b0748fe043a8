"""The output contract: every field of an extraction record, with its type, declared once.

`georel extract` writes one JSON object per article (`RECORD`) holding lists of places, actors and
events; the tidy DataFrames (`frame_columns`), the Parquet tables (`analysis.corpus.tables`) and the
JSON records are all derived from the declarations below.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "Field", "FieldType", "ARTICLE", "PLACE", "ACTOR", "EVENT", "EVENT_PLACE", "EVENT_MENTION", "RECORD",
    "RECORD_OPTIONAL",
    "ARTICLE_FIELDS", "PLACE_FIELDS", "ACTOR_FIELDS", "EVENT_FIELDS", "RECORD_FIELDS", "field_types",
    "PLACE_KINDS", "MODALITIES", "UNCERTAIN_MODALITIES", "DATE_PRECISIONS", "QUAD_CLASSES",
]

FieldType = Literal["str", "int", "float", "bool", "object", "list"]


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a record: its name, its JSON type and what it means (null is always allowed)."""

    name: str
    type: FieldType
    doc: str = ""


ARTICLE = (
    Field("id", "str", "the article's id, unique in a run"),
    Field("date", "str", "publication date, YYYY-MM-DD"),
    Field("title", "str"), Field("url", "str"), Field("source", "str"),
    Field("text", "str", "the body every offset refers to"),
)

PLACE = (
    Field("start", "int", "offset of the mention (Python str offsets, end-exclusive)"),
    Field("end", "int"),
    Field("text", "str", "the mention as written"),
    Field("name", "str", "the resolved place's name"),
    Field("kind", "str", "one of PLACE_KINDS"),
    Field("country", "str", "ISO 3166-1 alpha-3"),
    Field("lat", "float"), Field("lon", "float"),
    Field("geonameid", "int"),
    Field("metonymic", "bool", "the name stands for a government or people ('Moscow said')"),
)

PLACE_KINDS = (
    "country", "demonym", "admin1", "admin2", "city", "capital", "region", "continent", "water",
    "institution", "facility", "street",
)

ACTOR = (
    Field("start", "int"), Field("end", "int"), Field("text", "str"),
    Field("code", "str", "CAMEO actor code, e.g. PRKGOV"),
    Field("name", "str"), Field("country", "str", "ISO 3166-1 alpha-3"),
    Field("sector", "str", "CAMEO sector, e.g. GOV, MIL"),
)

EVENT_PLACE = (
    Field("name", "str"), Field("lat", "float"), Field("lon", "float"), Field("geonameid", "int"),
    Field("country", "str"),
)
"""The place of an event (flattened into `place_*` columns in tables)."""

EVENT_MENTION = (
    Field("sentence_start", "int"), Field("sentence_end", "int"), Field("trigger_start", "int"),
    Field("trigger_end", "int"), Field("trigger", "str"), Field("modality", "str"), Field("evidence", "str"),
)
"""One sentence that reports an event (events are deduplicated within an article)."""

EVENT = (
    Field("source", "str", "CAMEO code of the actor who acts"),
    Field("source_country", "str"),
    Field("target", "str", "CAMEO code of the actor acted on"),
    Field("target_country", "str"),
    Field("cameo", "str", "CAMEO event code"),
    Field("root", "str", "CAMEO root code (two digits)"),
    Field("quad_class", "int", "1 verbal cooperation .. 4 material conflict"),
    Field("goldstein", "float", "Goldstein scale, -10 .. 10"),
    Field("plover", "str", "PLOVER event category"),
    Field("modality", "str", "one of MODALITIES"),
    Field("negated", "bool"),
    Field("attribution", "str", "who reports it, when the text says so"),
    Field("date", "str", "when it happened (YYYY-MM-DD, the first day of its span)"),
    Field("date_precision", "str", "one of DATE_PRECISIONS"),
    Field("date_end", "str", "the last day of its span (YYYY-MM-DD, inclusive): the end of the day, week, month "
          "or year of `date`, or of a span up to the article ('in the past year': the twelve months before it)"),
    Field("date_basis", "str", "where the date comes from: the text or the article's date"),
    Field("place", "object", "EVENT_PLACE or null"),
    Field("sentence_start", "int"), Field("sentence_end", "int"),
    Field("trigger_start", "int"), Field("trigger_end", "int"), Field("trigger", "str"),
    Field("evidence", "str", "the sentence of the first mention"),
    Field("mentions", "list", "EVENT_MENTION for every sentence that reports the event"),
)

RECORD = (
    *(f for f in ARTICLE if f.name != "text"),
    Field("places", "list", "PLACE"), Field("actors", "list", "ACTOR"), Field("events", "list", "EVENT"),
)
"""One extraction record (one JSON line of `georel extract`)."""
RECORD_OPTIONAL = (
    Field("incomplete", "str", "why the record holds less than the article (the time budget ran out)"),
)
"""Fields a record has only sometimes."""

ARTICLE_FIELDS = tuple(f.name for f in ARTICLE)
PLACE_FIELDS = tuple(f.name for f in PLACE)
ACTOR_FIELDS = tuple(f.name for f in ACTOR)
EVENT_FIELDS = tuple(f.name for f in EVENT)
RECORD_FIELDS = tuple(f.name for f in RECORD)


def field_types(fields: tuple[Field, ...]) -> dict[str, FieldType]:
    """Name -> type of the given fields."""
    return {f.name: f.type for f in fields}


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
