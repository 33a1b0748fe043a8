"""Actor networks: who acts on whom, as a networkx DiGraph, and stable layouts for drawing it."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from analysis.frames import is_state_actor, load_countries
from analysis.io.records import RecordsLike, as_records

Position = tuple[float, float]


def _sector(code: str, country: str | None) -> str | None:
    if code.startswith("IGO"):
        return "IGO"
    if country and code.startswith(country) and len(code) >= len(country) + 3:
        return code[len(country):len(country) + 3]
    return None


def dominant_quad_class(counts: list[int]) -> int | None:
    """The most frequent QuadClass (1-4) given counts per class; ties go to the higher class.

    Material beats verbal and conflict beats cooperation when tied, so a tie never hides conflict.
    """
    if not any(counts):
        return None
    best = max(counts)
    return max(i + 1 for i, n in enumerate(counts) if n == best)


def actor_graph(records: RecordsLike, *, include_negated: bool = False, level: str = "actor") -> nx.DiGraph:
    """Directed graph of actors with edges aggregated by (source, target).

    Parameters
    ----------
    records
        Extraction records, a single record or a JSONL path.
    include_negated
        Also count events reported as not having happened (``negated``).
    level
        "actor": one node per actor code (PRKGOV, PRK, USAMED ...); "country": actors merged into
        their country (PRK, RUS, USA; international organisations keep their code), and events
        within one country left out.

    Returns
    -------
    graph
        Nodes are actor codes with ``code``, ``name`` (most frequent), ``country``, ``sector``,
        ``mentions`` (actor mentions in the text) and ``events`` (events it takes part in).
        Edges carry ``count``, ``goldstein`` (mean), ``quad_class`` (dominant, see
        `dominant_quad_class`), ``quad_counts`` ([n1, n2, n3, n4]), ``cameo``, ``plover`` and
        ``modality`` (sorted distinct codes), ``evidence`` and ``articles`` (distinct, in order of
        appearance), ``first_date`` and ``last_date`` (ISO strings). Graph attribute ``articles``
        is the number of records.
    """
    if level not in ("actor", "country"):
        raise ValueError(f"level must be 'actor' or 'country', not {level!r}")
    records = as_records(records)
    graph = nx.DiGraph(articles=len(records), level=level)
    names: dict[str, Counter[str]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for record in records:
        for actor in record.get("actors") or []:
            _count_actor(graph, names, actor)
        for event in record.get("events") or []:
            if event.get("negated") and not include_negated:
                continue
            _count_event(graph, edges, event, record)
    for code, counter in names.items():
        graph.nodes[code]["name"] = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    for (source, target), edge in edges.items():
        graph.add_edge(source, target, **_edge_attributes(edge))
    return graph


def _key(graph: nx.DiGraph, code: str, country: str | None) -> str:
    """The node of an actor code: the code, or its country at country level."""
    return country if graph.graph["level"] == "country" and country else code


def _node(graph: nx.DiGraph, code: str, country: str | None, sector: str | None) -> dict[str, Any]:
    """The attributes of node `code`, added when new; country and sector filled when first known."""
    by_actor = graph.graph["level"] == "actor"
    if code not in graph:
        graph.add_node(code, code=code, country=country,
                       sector=(sector or _sector(code, country)) if by_actor else None, mentions=0, events=0)
    attrs: dict[str, Any] = graph.nodes[code]
    if attrs["country"] is None and country:
        attrs["country"] = country
    if attrs["sector"] is None and by_actor:
        attrs["sector"] = sector or _sector(code, attrs["country"])
    return attrs


def _count_actor(graph: nx.DiGraph, names: dict[str, Counter[str]], actor: Mapping[str, Any]) -> None:
    """One actor mention: its node's mentions and name counts."""
    code = actor.get("code")
    if not code:
        return
    sector = actor.get("sector") if graph.graph["level"] == "actor" else None
    code = _key(graph, code, actor.get("country"))
    _node(graph, code, actor.get("country"), sector)["mentions"] += 1
    if actor.get("name"):
        names.setdefault(code, Counter())[actor["name"]] += 1


def _count_event(graph: nx.DiGraph, edges: dict[tuple[str, str], dict[str, Any]], event: Mapping[str, Any],
                 record: Mapping[str, Any]) -> None:
    """One event between two different nodes: their event counts and the tallies of its edge."""
    source, target = event.get("source"), event.get("target")
    if not source or not target:
        return
    source = _key(graph, source, event.get("source_country"))
    target = _key(graph, target, event.get("target_country"))
    if source == target:
        return
    _node(graph, source, event.get("source_country"), None)["events"] += 1
    _node(graph, target, event.get("target_country"), None)["events"] += 1
    edge = edges.setdefault((source, target), {
        "count": 0, "goldstein": [], "quad_counts": [0, 0, 0, 0], "cameo": set(), "plover": set(),
        "modality": set(), "evidence": {}, "articles": {}, "dates": []})
    edge["count"] += 1
    if event.get("goldstein") is not None:
        edge["goldstein"].append(float(event["goldstein"]))
    quad = event.get("quad_class")
    if quad in (1, 2, 3, 4):
        edge["quad_counts"][int(quad) - 1] += 1
    for field in ("cameo", "plover", "modality"):
        if event.get(field):
            edge[field].add(str(event[field]))
    if event.get("evidence"):
        edge["evidence"][event["evidence"]] = None
    if record.get("id") is not None:
        edge["articles"][str(record["id"])] = None
    date = event.get("date") or record.get("date")
    if date:
        edge["dates"].append(str(date))


def _edge_attributes(edge: dict[str, Any]) -> dict[str, Any]:
    """The attributes of an edge from its tallies (see `actor_graph`)."""
    return {
        "count": edge["count"], "goldstein": float(np.mean(edge["goldstein"])) if edge["goldstein"] else None,
        "quad_class": dominant_quad_class(edge["quad_counts"]), "quad_counts": edge["quad_counts"],
        "cameo": sorted(edge["cameo"]), "plover": sorted(edge["plover"]), "modality": sorted(edge["modality"]),
        "evidence": list(edge["evidence"]), "articles": list(edge["articles"]),
        "first_date": min(edge["dates"]) if edge["dates"] else None,
        "last_date": max(edge["dates"]) if edge["dates"] else None,
    }


def layout(graph: nx.Graph, *, geographic: bool = False, countries: pd.DataFrame | None = None,
           seed: int = 7, spread: float = 2.5) -> dict[Hashable, Position]:
    """Node positions that are the same from run to run.

    Parameters
    ----------
    graph
        An actor graph (see `actor_graph`).
    geographic
        Place each actor at its country's capital (state actors) or representative point (others),
        in (lon, lat) degrees; several actors of one country are spread on a small circle around
        it, and actors without a country (IGOs) are placed near the mean of their neighbours.
        Otherwise a force-directed layout with a fixed seed over the nodes in sorted order.
    countries
        Table with ``iso3``, ``lat``, ``lon``, ``capital_lat``, ``capital_lon``; default
        `analysis.extract.gazetteer.countries()`. Only used when ``geographic``.
    seed
        Seed of the force-directed layout.
    spread
        Radius in degrees of the circle that separates actors of the same country.

    Returns
    -------
    positions
        Node -> (x, y).
    """
    nodes = sorted(graph.nodes, key=str)
    if not nodes:
        return {}
    if geographic:
        return _geographic_layout(graph, nodes, load_countries(countries), spread)
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    for u, v, data in sorted(graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        weight = math.log1p(float(data.get("count", 1) or 1))
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += weight
        else:
            simple.add_edge(u, v, weight=weight)
    return _packed_layout(simple, seed)


def _packed_layout(simple: nx.Graph, seed: int) -> dict[Hashable, Position]:
    """Spring layout per connected component, components packed in rows, isolated actors last."""
    components = sorted((sorted(c, key=str) for c in nx.connected_components(simple)),
                        key=lambda c: (-len(c), str(c[0])))
    blocks: list[tuple[dict[Hashable, np.ndarray], float]] = []
    for component in (c for c in components if len(c) > 1):
        sub = simple.subgraph(component)
        start = nx.circular_layout(component)
        try:
            raw = nx.spring_layout(sub, pos=start, seed=seed, weight="weight", iterations=100)
        except ImportError:  # networkx needs scipy above 500 nodes; a circle is still deterministic
            raw = start
        radius = 0.6 * math.sqrt(len(component))
        coords = nx.rescale_layout(np.array([raw[n] for n in component]), scale=radius)
        blocks.append(({n: coords[i] for i, n in enumerate(component)}, radius))
    positions: dict[Hashable, Position] = {}
    row_width = max(4.0, 2.2 * math.sqrt(sum((2 * r) ** 2 for _, r in blocks) or 1.0))
    x = y = 0.0
    row_height = 0.0
    for block, radius in blocks:
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y - row_height - 0.8, 0.0
        for n, (bx, by) in block.items():
            positions[n] = (round(float(x + radius + bx), 6), round(float(y - radius + by), 6))
        x += 2 * radius + 0.8
        row_height = max(row_height, 2 * radius)
    isolates = [c[0] for c in components if len(c) == 1]
    if isolates:
        width = max(row_width, max((p[0] for p in positions.values()), default=0.0))
        per_row = max(1, int(width // 1.2) + 1)
        top = y - row_height - 0.8 if blocks else 0.0
        for i, n in enumerate(isolates):
            positions[n] = (round(1.2 * (i % per_row), 6), round(top - 0.8 * (i // per_row), 6))
    return positions


def _geographic_layout(graph: nx.Graph, nodes: list[Hashable], countries: pd.DataFrame,
                       spread: float) -> dict[Hashable, Position]:
    table = countries.set_index("iso3")
    anchors: dict[Hashable, Position] = {}
    by_country: dict[str, list[Hashable]] = {}
    for n in nodes:
        attrs = graph.nodes[n]
        country = attrs.get("country")
        if not country or country not in table.index:
            continue
        row = table.loc[country]
        capital = ("capital_lat" in row and not pd.isna(row["capital_lat"])
                   and not pd.isna(row["capital_lon"]))
        if capital and (is_state_actor(str(n), country) or pd.isna(row["lat"])):
            anchors[n] = (float(row["capital_lon"]), float(row["capital_lat"]))
        else:
            anchors[n] = (float(row["lon"]), float(row["lat"]))
        by_country.setdefault(country, []).append(n)
    if anchors:
        lons, lats = zip(*anchors.values(), strict=True)
        spread = max(spread, 0.03 * max(max(lons) - min(lons), max(lats) - min(lats)))
    positions: dict[Hashable, Position] = {}
    for members in by_country.values():
        for i, n in enumerate(members):
            x, y = anchors[n]
            if len(members) > 1:
                angle = math.pi / 2 + 2 * math.pi * i / len(members)
                x, y = x + spread * math.cos(angle), y + spread * math.sin(angle)
            positions[n] = (round(x, 6), round(y, 6))
    floating = [n for n in nodes if n not in positions]
    if positions:
        xs, ys = zip(*positions.values(), strict=True)
        bottom, left, right = min(ys) - 4 * spread, min(xs), max(xs)
    else:
        bottom, left, right = 0.0, 0.0, 1.0
    orphans: list[Hashable] = []
    for i, n in enumerate(floating):
        neighbours = [positions[m] for m in nx.all_neighbors(graph, n) if m in positions]
        if neighbours:
            x = float(np.mean([p[0] for p in neighbours]))
            y = float(np.mean([p[1] for p in neighbours])) - 2 * spread
            positions[n] = (round(x + spread * (i % 3 - 1), 6), round(y, 6))
        else:
            orphans.append(n)
    for i, n in enumerate(orphans):
        x = left + (right - left) * (i + 1) / (len(orphans) + 1)
        positions[n] = (round(x, 6), round(bottom, 6))
    return positions
