"""Records as Arrow tables (analysis.corpus.tables): a fixed schema, nothing lost."""

from __future__ import annotations

import json

from analysis.corpus.tables import records_to_tables


def test_tables_keep_a_fixed_schema_and_lose_nothing() -> None:
    odd = {"id": "x", "date": None, "places": [{"start": 0, "end": 3, "geonameid": "n/a", "lat": 1, "new": [1]}],
           "actors": [], "events": [], "topic": "war"}
    tables = records_to_tables([odd])
    assert tables["places"].schema.equals(records_to_tables([])["places"].schema)
    places = tables["places"].to_pylist()[0]
    assert (places["geonameid"], places["lat"]) == (None, 1.0)
    assert json.loads(places["extra"]) == {"new": [1], "geonameid": "n/a"}
    assert json.loads(tables["articles"].to_pylist()[0]["extra"]) == {"topic": "war"}
