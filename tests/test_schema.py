"""The output contract: every field a stage writes is declared once in analysis.schema, with its type."""

from __future__ import annotations

from typing import Any

import pytest

from analysis import schema
from analysis.corpus.tables import TABLE_COLUMNS, records_to_tables
from analysis.extract.pipeline import extract_record, find_events_table
from analysis.io.articles import article_from_text

TEXTS = [
    "Kim Jong Un arrived in Vladivostok on Tuesday to meet Vladimir Putin, the Kremlin said.",
    "The White House warned Pyongyang on Monday against selling weapons to Russia.",
    "Turkish troops shelled Kurdish positions near Kobani, and Ankara said it would not negotiate.",
    "Protesters rallied in Tbilisi against a draft law; police arrested dozens, the interior ministry said.",
]
PY_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,), "int": (int,), "float": (float, int), "bool": (bool,), "object": (dict,), "list": (list,),
}


def _check(values: dict[str, Any], fields: tuple[schema.Field, ...], where: str) -> None:
    declared = schema.field_types(fields)
    assert set(values) <= set(declared), f"{where} writes undeclared fields {set(values) - set(declared)}"
    for name, value in values.items():
        if value is not None:
            assert isinstance(value, PY_TYPES[declared[name]]), f"{where}.{name} = {value!r} is not {declared[name]}"


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return [extract_record(article_from_text(t, id=f"t{i}", date="2023-09-11")) for i, t in enumerate(TEXTS)]


def test_every_field_a_stage_writes_is_declared_with_its_type(records: list[dict[str, Any]]) -> None:
    assert sum(len(r["events"]) for r in records) >= 3 and sum(len(r["places"]) for r in records) >= 5
    for record in records:
        _check(record, schema.RECORD, "record")
        for place in record["places"]:
            _check(place, schema.PLACE, "place")
            assert place["kind"] in schema.PLACE_KINDS
        for actor in record["actors"]:
            _check(actor, schema.ACTOR, "actor")
        for event in record["events"]:
            _check(event, schema.EVENT, "event")
            assert event["modality"] in schema.MODALITIES and event["date_precision"] in (*schema.DATE_PRECISIONS, None)
            if event["place"]:
                _check(event["place"], schema.EVENT_PLACE, "event.place")
            for mention in event["mentions"]:
                _check(mention, schema.EVENT_MENTION, "event.mentions")


def test_tables_and_frames_carry_every_declared_field(records: list[dict[str, Any]]) -> None:
    tables = records_to_tables(records)
    events = tables["events"].to_pylist()
    assert events and all(row["extra"] is None for row in events)  # nothing of the contract spills into extra
    assert "date_basis" in TABLE_COLUMNS["events"] and tables["events"].schema.field("quad_class").type == "int64"
    frame = find_events_table(TEXTS[0], date="2023-09-11")
    assert list(frame.columns) == list(schema.EVENT_FIELDS) and frame["date_basis"].notna().all()


def test_the_typed_place_record_declares_the_schemas_place_fields() -> None:
    import dataclasses
    import typing

    from analysis.extract.records import Place
    from analysis.schema import PLACE

    hints = typing.get_type_hints(Place)
    assert [f.name for f in dataclasses.fields(Place)] == [f.name for f in PLACE]
    python_type = {"str": str, "int": int, "float": float, "bool": bool}
    for f in PLACE:
        # every field but the flag may be missing (null); its Python type is the schema's
        allowed = set(typing.get_args(hints[f.name])) or {hints[f.name]}
        assert python_type[f.type] in allowed, f.name
    place = Place(0, 5, "Paris", "Paris", "capital", "FRA", 48.85, 2.35, 2988507, False)
    assert list(place.record()) == [f.name for f in PLACE] and place.record()["country"] == "FRA"


def test_the_typed_event_record_declares_the_schemas_event_fields() -> None:
    import dataclasses
    import types
    import typing

    from analysis.extract.records import Event
    from analysis.schema import EVENT

    hints = typing.get_type_hints(Event)
    names = [f.name for f in dataclasses.fields(Event)]
    assert names[:len(EVENT)] == [f.name for f in EVENT]  # then the fields later stages read, not serialised
    python_type = {"str": str, "int": int, "float": float, "bool": bool, "object": dict, "list": list}
    for f in EVENT:
        hint = hints[f.name]
        options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)  # 'X | None'
        assert python_type[f.type] in {typing.get_origin(t) or t for t in options}, f.name
    event = Event("RUSGOV", "RUS", "UKR", "UKR", "190", "19", 4, -10.0, "FIGHT", "asserted", False, None,
                  "2024-01-01", "day", "2024-01-01", "article", None, 0, 10, 0, 7, "shelled", "Russia shelled Kyiv.",
                  source_text="Russia")
    assert list(event.record()) == [f.name for f in EVENT] and "source_text" not in event.record()
