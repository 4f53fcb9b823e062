"""The process of a blueprint as a networkx graph, and the facts every layer reads from it.

One place answers in which order steps are read, what a start reaches and what reaches an end,
and how long the customer's journey takes, so that validation, the written spec, Arrange, BPMN
and Mermaid cannot disagree. Which flows count for what:

- evidence links are never process: they tie a card to its step;
- ordinary and recovery flows make the order of work (reading order, reachability, layout);
- the customer's journey follows ordinary flows only (a recovery is the exception, not the
  journey a standard is set for) between process steps (evidence cards left out), from a start
  step in the customer lane to an end step in the customer lane, through any lane it crosses.

Drawn processes loop back (a retry, another round): the reading order breaks a cycle at its
left-most step, and the journey walks a loop once by dropping the flows that close it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from functools import cached_property
from heapq import heapify, heappop, heappush
from typing import Any

import networkx as nx

from blueprint_app.gc_pause import gc_paused
from blueprint_app.model.blueprint import Blueprint, FlowKind, LaneKind, Step, StepKind

#: edge attribute of :func:`process_graph`: True when an ordinary flow joins the two steps
ORDINARY = "ordinary"
#: edge attribute of :func:`process_graph`: True when a recovery flow joins the two steps
RECOVERY = "recovery"
#: edge attribute of the journey graph: the minutes of the step the edge leads into
MINUTES = "minutes"
# virtual ends of the journey graph: tuples, so never equal to a step id (a str)
_SOURCE: Hashable = ("journey", "source")
_SINK: Hashable = ("journey", "sink")


def process_graph(blueprint: Blueprint, key: Callable[[str], Any] | None = None) -> nx.DiGraph:
    """Every step a node (document order); an edge where ordinary or recovery flows join two
    steps (flow order), marked :data:`ORDINARY` and/or :data:`RECOVERY`.

    Evidence links and flows with a missing end are left out. With ``key`` (a step id's sort
    key) the nodes, and each node's successors, come in that order instead.
    """
    steps = {step.id for step in blueprint.steps}
    marks: dict[tuple[str, str], dict[str, bool]] = {}
    evidence, ordinary = FlowKind.EVIDENCE, FlowKind.FLOW
    for flow in blueprint.flows:
        if flow.kind is not evidence and flow.source in steps and flow.target in steps:
            pair = marks.setdefault((flow.source, flow.target), {ORDINARY: False, RECOVERY: False})
            pair[ORDINARY if flow.kind is ordinary else RECOVERY] = True
    nodes = [step.id for step in blueprint.steps]
    edges = [(source, target, data) for (source, target), data in marks.items()]
    if key is not None:
        nodes.sort(key=key)
        edges.sort(key=lambda edge: key(edge[1]))
    graph = nx.DiGraph()
    with gc_paused():  # tens of thousands of small dicts: no collection can free any of them
        graph.add_nodes_from(nodes)
        graph.add_edges_from(edges)
    return graph


def ordinary_graph(graph: nx.DiGraph) -> nx.DiGraph:
    """The process graph without the edges only recovery flows make: the normal process."""
    return nx.subgraph_view(graph, filter_edge=lambda u, v: graph.edges[u, v][ORDINARY])


def reachable(graph: nx.DiGraph, sources: Iterable[str]) -> set[str]:
    """Every node reachable from ``sources`` (included) along the graph's edges."""
    found = [node for node in sources if node in graph]
    return set().union(*nx.bfs_layers(graph, found)) if found else set()


def reaching(graph: nx.DiGraph, targets: Iterable[str]) -> set[str]:
    """Every node from which one of ``targets`` (included) can be reached."""
    return reachable(graph.reverse(copy=False), targets)


# -- reading order -------------------------------------------------------------------------

SortKey = tuple[float, int, int]


def layout_key(step: Step, index: int) -> SortKey:
    """Left to right, then top to bottom, then document order; steps without layout last."""
    if step.layout is None:
        return (math.inf, 0, index)
    return (step.layout.x, step.layout.row, index)


def reading_rank(blueprint: Blueprint, graph: nx.DiGraph | None = None) -> dict[str, int]:
    """Step id → position in reading order (0 first), for every step of the blueprint.

    A topological order of the process graph with ties broken by layout (left-most first). A
    cycle is broken at its left-most step instead of failing: networkx's topological sorts raise
    on a cycle, so this is Kahn's algorithm with that one addition, over the graph's adjacency.
    """
    graph = process_graph(blueprint) if graph is None else graph
    keys = {step.id: layout_key(step, index) for index, step in enumerate(blueprint.steps)}
    indegree = dict(graph.in_degree())
    ready = [(keys[sid], sid) for sid, degree in indegree.items() if degree == 0]
    heapify(ready)
    remaining = dict(keys)
    rank: dict[str, int] = {}
    successors = graph.succ
    while remaining:
        if not ready:  # only cycles left: the left-most remaining step goes next
            sid = min(remaining, key=remaining.__getitem__)
            heappush(ready, (remaining[sid], sid))
        _, sid = heappop(ready)
        if sid in rank:
            continue
        rank[sid] = len(rank)
        del remaining[sid]
        for target in successors[sid]:
            indegree[target] -= 1
            if indegree[target] == 0 and target not in rank:
                heappush(ready, (keys[target], target))
    return rank


def columns(graph: nx.DiGraph, rank: dict[str, int]) -> dict[str, int]:
    """How many forward flows (in reading order) lead to each step at most: its column when
    it has no layout of its own."""
    forward = nx.DiGraph()
    forward.add_nodes_from(graph)
    forward.add_edges_from((u, v) for u, v in graph.edges if rank[u] < rank[v])
    return {
        node: column
        for column, generation in enumerate(nx.topological_generations(forward))
        for node in generation
    }


def acyclic_order(graph: nx.DiGraph) -> list[str]:
    """A topological order of ``graph`` after dropping the edges that close cycles.

    Reverse postorder of a depth-first search that takes roots and children in the graph's own
    order (see the ``key`` of :func:`process_graph`): an edge it walks against, back to a step
    still being explored, closes a cycle and is ignored.
    """
    return list(nx.dfs_postorder_nodes(graph))[::-1]


# -- the customer's journey ----------------------------------------------------------------


@dataclass(frozen=True)
class Journey:
    """The customer's longest journey in minutes, from a start step to an end step."""

    total_minutes: float
    path: tuple[str, ...]


def customer_journey(blueprint: Blueprint) -> Journey | None:
    """The start-to-end path whose summed step durations are largest, or None when no end is
    reachable from a start (starts and ends in any lane but the evidence lane).

    Parallel work is not summed: only the longest single path counts (a step without a duration
    counts 0). A loop is walked once: a depth-first search from the starts (document order,
    flows in file order) drops the flows back to a step still being explored, which leaves a
    DAG for :func:`networkx.dag_longest_path`. Each step's minutes ride on the edges into it,
    from a virtual source before the starts to a virtual sink after the ends. Of equal paths
    the first drawn wins: into each step the earliest flow in the file, the first end.
    """
    lanes = {lane.id: lane.kind for lane in blueprint.lanes}
    card, card_lane = StepKind.EVIDENCE, LaneKind.PHYSICAL_EVIDENCE
    start, end = StepKind.START, StepKind.END
    minutes: dict[str, float] = {}  # of every process step (evidence cards left out)
    starts: list[str] = []
    ends: list[str] = []
    for step in blueprint.steps:
        lane = lanes.get(step.lane)
        if step.kind is card or lane is card_lane:
            continue
        minutes[step.id] = step.duration_minutes or 0.0
        # a start or end drawn outside the customer lane still bounds the journey (BP004 says
        # where it belongs); evidence cards never do
        if step.kind is start:
            starts.append(step.id)
        elif step.kind is end:
            ends.append(step.id)
    if not starts or not ends:
        return None
    graph = nx.DiGraph()
    graph.add_edges_from((_SOURCE, first, {MINUTES: minutes[first]}) for first in starts)
    graph.add_edges_from(
        (flow.source, flow.target, {MINUTES: minutes[flow.target]})
        for flow in blueprint.flows
        if flow.kind is FlowKind.FLOW and flow.source in minutes and flow.target in minutes
    )
    post = {node: index for index, node in enumerate(nx.dfs_postorder_nodes(graph, _SOURCE))}
    reached = [end for end in ends if end in post]
    if not reached:
        return None
    graph.remove_nodes_from([node for node in graph if node not in post])
    # a flow back to a step the search has not finished closes a loop
    graph.remove_edges_from([(u, v) for u, v in graph.edges if post[v] >= post[u]])
    # 1 on the last edge makes the sink the unique farthest node, even when no step is timed
    graph.add_edges_from((end, _SINK, {MINUTES: 1.0}) for end in reached)
    graph.remove_nodes_from(set(post).difference(nx.ancestors(graph, _SINK)))
    order = [node for node in sorted(post, key=post.__getitem__, reverse=True) if node in graph]
    path = nx.dag_longest_path(graph, weight=MINUTES, topo_order=[*order, _SINK])
    walk = tuple(str(node) for node in path[1:-1])
    return Journey(sum(minutes[sid] for sid in walk), walk)


class Process:
    """The process facts of one blueprint, each worked out at most once (callers that ask
    several questions of the same blueprint, such as a validation run or the spec, keep one)."""

    def __init__(self, blueprint: Blueprint) -> None:
        self.blueprint = blueprint

    @cached_property
    def graph(self) -> nx.DiGraph:
        return process_graph(self.blueprint)

    @cached_property
    def rank(self) -> dict[str, int]:
        return reading_rank(self.blueprint, self.graph)

    @cached_property
    def journey(self) -> Journey | None:
        return customer_journey(self.blueprint)

    @cached_property
    def normally_reached(self) -> set[str]:
        """Steps reached by ordinary flows from the steps nothing leads to: where a recovery
        path rejoins the normal process."""
        graph = self.graph
        roots = [node for node, degree in graph.in_degree() if degree == 0]
        return reachable(ordinary_graph(graph), roots)
