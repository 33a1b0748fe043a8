"""Actor graphs and their layouts (analysis.network)."""

from __future__ import annotations

import copy
import math
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from analysis import network
from analysis.io.records import read_records

RECORDS = Path(__file__).parent / "data" / "records_sample.jsonl"
COUNTRIES = pd.DataFrame(
    [("PRK", "North Korea", 40.0, 127.0, 39.03385, 125.75432),
     ("KOR", "South Korea", 36.5, 127.75, 37.566, 126.9784),
     ("RUS", "Russia", 60.0, 100.0, 55.75222, 37.61556),
     ("UKR", "Ukraine", 49.0, 32.0, 50.45466, 30.5238),
     ("USA", "United States", 39.76, -98.5, 38.89511, -77.03637),
     ("NGA", "Nigeria", 10.0, 8.0, 9.05785, 7.49508),
     ("NER", "Niger", 18.0, 9.0, 13.51366, 2.1098),
     ("MLI", "Mali", 18.0, -2.0, 12.65, -8.0),
     ("BFA", "Burkina Faso", 12.5, -1.66667, 12.36566, -1.53388)],
    columns=["iso3", "name", "lat", "lon", "capital_lat", "capital_lon"])


@pytest.fixture()
def records() -> list[dict]:
    return read_records(RECORDS)


def test_nodes(records: list[dict]) -> None:
    graph = network.actor_graph(records)
    assert isinstance(graph, nx.DiGraph) and graph.graph["articles"] == 2
    for prefix in ("PRK", "RUS", "UKR", "USA"):
        assert any(str(n).startswith(prefix) for n in graph)
    prk = graph.nodes["PRKGOV"]
    assert (prk["country"], prk["sector"], prk["name"]) == ("PRK", "GOV", "Kim Jong Un")
    assert prk["mentions"] == 8 and prk["events"] == 4
    assert graph.nodes["IGOUNO"]["country"] is None and graph.nodes["IGOUNO"]["sector"] == "IGO"
    assert graph.nodes["UKR"]["sector"] is None and graph.nodes["KORMED"]["mentions"] == 2
    assert graph.degree("KORMED") == 0  # mentioned actors without events stay as isolated nodes


def test_edges(records: list[dict]) -> None:
    graph = network.actor_graph(records)
    prk_rus = graph.edges["PRKGOV", "RUSGOV"]
    assert prk_rus["count"] == 2 and prk_rus["goldstein"] == pytest.approx(6.15)
    assert prk_rus["quad_counts"] == [1, 1, 0, 0] and prk_rus["quad_class"] == 2
    assert prk_rus["cameo"] == ["036", "072"] and prk_rus["plover"] == ["AID", "CONSULT"]
    assert len(prk_rus["evidence"]) == 2 and prk_rus["articles"] == ["2023-09-11-kim-putin-summit"]
    assert (prk_rus["first_date"], prk_rus["last_date"]) == ("2023-01-01", "2023-09-11")
    rus_ukr = graph.edges["RUSGOV", "UKR"]
    assert (rus_ukr["count"], rus_ukr["goldstein"], rus_ukr["quad_class"]) == (1, -10.0, 4)
    usa_prk = graph.edges["USAGOV", "PRKGOV"]
    assert (usa_prk["count"], usa_prk["goldstein"], usa_prk["quad_class"]) == (1, -4.4, 3)
    assert graph.has_edge("RUSGOV", "PRKGOV") and graph.number_of_edges() == 8


def test_edges_aggregate_over_records(records: list[dict]) -> None:
    graph = network.actor_graph(records + [copy.deepcopy(records[0]) | {"id": "copy"}])
    edge = graph.edges["PRKGOV", "RUSGOV"]
    assert edge["count"] == 4 and edge["articles"] == ["2023-09-11-kim-putin-summit", "copy"]
    assert len(edge["evidence"]) == 2  # the same sentences are not repeated


def test_negated_events(records: list[dict]) -> None:
    record = copy.deepcopy(records[0])
    record["events"][4]["negated"] = True  # USA -> PRK
    assert not network.actor_graph(record).has_edge("USAGOV", "PRKGOV")
    assert network.actor_graph(record, include_negated=True).has_edge("USAGOV", "PRKGOV")


def test_dominant_quad_class() -> None:
    assert network.dominant_quad_class([3, 1, 0, 0]) == 1
    assert network.dominant_quad_class([1, 1, 0, 0]) == 2  # ties go to the higher class
    assert network.dominant_quad_class([0, 0, 0, 0]) is None


def test_layout_is_stable(records: list[dict]) -> None:
    graph = network.actor_graph(records)
    first = network.layout(graph)
    assert first == network.layout(graph)
    shuffled = nx.DiGraph()
    shuffled.add_nodes_from(sorted(graph.nodes(data=True), reverse=True))
    shuffled.add_edges_from(sorted(graph.edges(data=True), reverse=True))
    assert network.layout(shuffled) == first
    assert set(first) == set(graph) and all(math.isfinite(v) for xy in first.values() for v in xy)
    assert len(set(first.values())) == len(first)


def test_geographic_layout(records: list[dict]) -> None:
    graph = network.actor_graph(records)
    pos = network.layout(graph, geographic=True, countries=COUNTRIES)
    assert pos == network.layout(graph, geographic=True, countries=COUNTRIES)
    assert pos["USAGOV"] == (-77.03637, 38.89511)  # the only US actor sits at the capital
    assert pos["UKR"] == (30.5238, 50.45466)  # a bare country code is the state: capital
    x, y = pos["PRKGOV"]  # PRKGOV and PRKMED share North Korea: spread around their anchors
    assert abs(x - 125.75432) < 10 and abs(y - 39.03385) < 10 and pos["PRKGOV"] != pos["PRKMED"]
    assert "IGOUNO" in pos and abs(pos["IGOUNO"][0] - pos["NERMIL"][0]) < 20


def test_layout_of_empty_graph() -> None:
    assert network.layout(nx.DiGraph()) == {}


def test_country_level_graph_merges_actors_into_countries(records):
    graph = network.actor_graph(records, level="country")
    assert {"PRK", "RUS", "UKR", "USA"} <= set(graph.nodes)
    assert not any(code.endswith("GOV") for code in graph.nodes)
    assert graph.has_edge("PRK", "RUS") and graph.has_edge("RUS", "UKR") and graph.has_edge("USA", "PRK")
    assert not any(u == v for u, v in graph.edges)
