"""The document as a networkx MultiDiGraph, and back."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from blueprint_app.analysis import from_graph, process_graph, to_graph
from blueprint_app.storage import dumps, load, save
from tests.conftest import DATA


def test_steps_are_nodes_and_flows_are_keyed_edges() -> None:
    blueprint = load(DATA / "coffee.blueprint.json")
    graph = to_graph(blueprint)
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.number_of_nodes() == 11 and graph.number_of_edges() == 12
    assert graph.nodes["make"]["lane_kind"] == "backstage"
    assert graph.nodes["make"]["fail_point"] is True
    assert graph.nodes["order-drink"]["emotion"] == 1
    assert graph.edges["make", "remake", "f7"] == {"kind": "recovery", "label": "wrong drink"}
    assert graph.graph["title"] == "Coffee to go"
    assert nx.has_path(graph, "arrive", "leave")


def test_round_trip_through_the_graph(tmp_path: Path) -> None:
    blueprint = load(DATA / "coffee.blueprint.json")
    rebuilt = from_graph(to_graph(blueprint))
    assert rebuilt == blueprint
    path = tmp_path / "rebuilt.blueprint.json"
    save(rebuilt, path)
    assert path.read_text(encoding="utf-8") == dumps(blueprint)


def test_build_a_blueprint_from_a_plain_graph(tmp_path: Path) -> None:
    graph = nx.DiGraph()
    graph.add_node("arrive", lane_kind="customer", kind="start", title="到达")
    graph.add_node("greet", lane_kind="frontstage", title="Greet")
    graph.add_node("leave", lane_kind="customer", kind="end")
    graph.add_edge("arrive", "greet")
    graph.add_edge("greet", "leave", label="done")
    blueprint = from_graph(graph, title="Scripted")
    path = tmp_path / "scripted.blueprint.json"
    save(blueprint, path)
    loaded = load(path)
    assert [lane.kind.value for lane in loaded.lanes] == [
        "physical_evidence",
        "customer",
        "frontstage",
        "backstage",
        "support",
    ]
    assert [(s.id, s.lane, s.title) for s in loaded.steps] == [
        ("arrive", "customer", "到达"),
        ("greet", "frontstage", "Greet"),
        ("leave", "customer", "leave"),
    ]
    assert [(f.source, f.target, f.label) for f in loaded.flows] == [
        ("arrive", "greet", ""),
        ("greet", "leave", "done"),
    ]
    assert len({f.id for f in loaded.flows}) == 2


def test_process_graph_leaves_out_evidence_links() -> None:
    graph = process_graph(load(DATA / "coffee.blueprint.json"))
    assert graph.number_of_edges() == 10
    assert not graph.has_edge("menu", "order-drink")
