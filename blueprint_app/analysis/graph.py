"""The blueprint as a networkx MultiDiGraph, for analysis and scripting.

The document stays the source of truth; the graph is derived. Nodes are step ids carrying the
step's fields plus ``lane_kind``; edges are keyed by flow id and carry ``kind`` and ``label``.
Blueprint-level fields (title, lanes, phases, notes, ...) travel in ``graph.graph`` so that
:func:`from_graph` can rebuild the same document.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from blueprint_app.analysis.process import process_graph
from blueprint_app.model.blueprint import FORMAT_VERSION, Blueprint, Flow, FlowKind, LaneKind, Step
from blueprint_app.model.factory import new_id, standard_lanes
from blueprint_app.storage.writer import to_canonical_dict

__all__ = ["FLOW_ORDER", "from_graph", "process_graph", "to_graph"]

_ITEM_KEYS = ("steps", "flows")
#: graph attribute listing flow ids in document order (edge iteration follows nodes instead)
FLOW_ORDER = "flow_order"


def to_graph(blueprint: Blueprint) -> nx.MultiDiGraph:
    """Steps as nodes, flows as keyed edges; plain JSON values as attributes."""
    data = to_canonical_dict(blueprint)
    lane_kinds = {lane.id: lane.kind.value for lane in blueprint.lanes}
    graph = nx.MultiDiGraph(**{k: v for k, v in data.items() if k not in _ITEM_KEYS})
    graph.graph[FLOW_ORDER] = [flow["id"] for flow in data["flows"]]
    for step in data["steps"]:
        attributes = {k: v for k, v in step.items() if k != "id"}
        graph.add_node(step["id"], lane_kind=lane_kinds[step["lane"]], **attributes)
    for flow in data["flows"]:
        attributes = {k: v for k, v in flow.items() if k not in ("id", "source", "target")}
        graph.add_edge(flow["source"], flow["target"], key=flow["id"], **attributes)
    return graph


def from_graph(graph: nx.MultiDiGraph | nx.DiGraph, title: str | None = None) -> Blueprint:
    """Build a blueprint from a graph with the attributes :func:`to_graph` writes.

    Scripts may leave most out: missing lanes become the five standard lanes, a node with only
    ``lane_kind`` is put in the lane of that kind, a missing edge key gets a fresh flow id.
    """
    meta: dict[str, Any] = dict(graph.graph)
    if title is not None:
        meta["title"] = title
    meta.setdefault("title", "Untitled blueprint")
    meta.setdefault("format", "service-blueprint")
    meta.setdefault("format_version", FORMAT_VERSION)
    if not meta.get("lanes"):
        meta["lanes"] = [
            lane.model_dump(mode="json") for lane in standard_lanes(str(meta.get("language", "en")))
        ]
    lane_by_kind = {lane["kind"]: lane["id"] for lane in meta["lanes"]}
    steps = []
    for node, attributes in graph.nodes(data=True):
        fields = {k: v for k, v in attributes.items() if k != "lane_kind"}
        if "lane" not in fields:
            fields["lane"] = lane_by_kind[attributes.get("lane_kind", LaneKind.CUSTOMER.value)]
        fields.setdefault("title", str(node))
        steps.append(Step.model_validate({"id": str(node), **fields}))
    flows = []
    taken = {str(node) for node in graph.nodes} | {str(key) for _, _, key in _edges(graph)}
    for source, target, key, attributes in _edges_with_data(graph):
        flow_id = str(key) if isinstance(key, str) else new_id("flow", taken)
        taken.add(flow_id)
        flows.append(
            Flow.model_validate(
                {
                    "id": flow_id,
                    "source": str(source),
                    "target": str(target),
                    "kind": FlowKind.FLOW,
                    **attributes,
                }
            )
        )
    order = {flow_id: index for index, flow_id in enumerate(meta.pop(FLOW_ORDER, []))}
    flows.sort(key=lambda flow: order.get(flow.id, len(order)))
    meta.pop("steps", None)
    meta.pop("flows", None)
    return Blueprint.model_validate({**meta, "steps": steps, "flows": flows})


def _edges(graph: nx.MultiDiGraph | nx.DiGraph) -> list[tuple[Any, Any, Any]]:
    return [(s, t, k) for s, t, k, _ in _edges_with_data(graph)]


def _edges_with_data(
    graph: nx.MultiDiGraph | nx.DiGraph,
) -> list[tuple[Any, Any, Any, dict[str, Any]]]:
    if graph.is_multigraph():
        return list(graph.edges(keys=True, data=True))
    return [(s, t, None, d) for s, t, d in graph.edges(data=True)]
