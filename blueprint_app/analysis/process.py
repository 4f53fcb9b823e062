"""The process of a blueprint as a networkx graph, and the facts every layer reads from it.

One place answers in which order steps are read, what a start reaches and what reaches an end,
and how long the customer's journey takes, so that validation, the written spec, Arrange, BPMN
and Mermaid cannot disagree. Which flows count for what:

- evidence links are never process: they tie a card to its step;
- ordinary and recovery flows make the order of work (reading order, reachability, layout),
  always from source to target, two-way flows too (a two-headed arrow still reads left to
  right: the clerk asks, the system answers);
- for reachability and dead ends a two-way flow also runs back from target to source: the
  system step a clerk looks something up in answers the clerk, so it is no dead end, and the
  clerk it answers is reached from it;
- steps marked ``customer_independent`` (Fließ & Kleinaltenkamp's work below the line of order
  penetration: preparation, follow-up) are not part of the customer-induced process: no
  reachability, dead end or journey runs through them;
- the customer's journey follows ordinary flows only (a recovery is the exception, not the
  journey a standard is set for) between customer-induced process steps (evidence cards left
  out), from a start step to the first end step it meets, through any lane it crosses.

Drawn processes loop back (a retry, another round): the reading order breaks a cycle at its
left-most step, and the journey walks a loop once by dropping the flows that close it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable
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
#: edge attribute of :func:`process_graph`: True when a two-way ordinary or recovery flow
#: joins the two steps (drawn from the edge's source to its target)
TWO_WAY = "two_way"


Marks = dict[str, bool]
#: successor (or predecessor) dicts: step id → {neighbour id: the edge's marks}
Neighbours = dict[str, dict[str, Marks]]


@dataclass(frozen=True)
class Adjacency:
    """The process graph as plain dicts, the same edges and marks as :func:`process_graph`
    (whose networkx graph is built from the same pass): what hot walks read, as networkx
    views cost an object per step visited, and building the networkx graph costs more than
    every walk of a validation run together."""

    succ: Neighbours
    pred: Neighbours
    two_way: bool  # whether any edge is two-way


def _edges(blueprint: Blueprint) -> tuple[list[str], dict[tuple[str, str], Marks], bool]:
    """Step ids (document order), the marks of each joined pair (flow order), and whether any
    flow between steps is two-way: one pass over the flows."""
    nodes = [step.id for step in blueprint.steps]
    steps = set(nodes)
    marks: dict[tuple[str, str], Marks] = {}
    evidence, ordinary = FlowKind.EVIDENCE, FlowKind.FLOW
    two_way = False
    for flow in blueprint.flows:
        kind, source, target = flow.kind, flow.source, flow.target
        if kind is not evidence and source in steps and target in steps:
            pair = marks.get((source, target))
            if pair is None:
                pair = marks[(source, target)] = {ORDINARY: False, RECOVERY: False, TWO_WAY: False}
            pair[ORDINARY if kind is ordinary else RECOVERY] = True
            if flow.two_way:
                pair[TWO_WAY] = two_way = True
    return nodes, marks, two_way


def process_adjacency(blueprint: Blueprint) -> Adjacency:
    """The process graph's edges as :class:`Adjacency` dicts (see :func:`process_graph`)."""
    return _adjacency_of(*_edges(blueprint))


def _adjacency_of(
    nodes: list[str], marks: dict[tuple[str, str], Marks], two_way: bool
) -> Adjacency:
    succ: Neighbours = {node: {} for node in nodes}
    pred: Neighbours = {node: {} for node in nodes}
    for (source, target), data in marks.items():
        succ[source][target] = data
        pred[target][source] = data
    return Adjacency(succ, pred, two_way)


def process_graph(blueprint: Blueprint, key: Callable[[str], Any] | None = None) -> nx.DiGraph:
    """Every step a node (document order); an edge where ordinary or recovery flows join two
    steps (flow order), marked :data:`ORDINARY` and/or :data:`RECOVERY`, and :data:`TWO_WAY`
    when one of them is two-way.

    Evidence links and flows with a missing end are left out. With ``key`` (a step id's sort
    key) the nodes, and each node's successors, come in that order instead.
    """
    return _graph_of(*_edges(blueprint), key=key)


def _graph_of(
    nodes: list[str],
    marks: dict[tuple[str, str], Marks],
    two_way: bool,
    key: Callable[[str], Any] | None = None,
) -> nx.DiGraph:
    edges = [(source, target, data) for (source, target), data in marks.items()]
    if key is not None:
        nodes = sorted(nodes, key=key)
        edges.sort(key=lambda edge: key(edge[1]))
    graph = nx.DiGraph()
    graph.graph[TWO_WAY] = two_way  # whether any edge is two-way, so walks need not look
    with gc_paused():  # tens of thousands of small dicts: no collection can free any of them
        graph.add_nodes_from(nodes)
        graph.add_edges_from(edges)
    return graph


def _adjacency(graph: nx.DiGraph) -> Adjacency:
    """A networkx process graph's own successor and predecessor dicts (``_succ``, ``_pred``),
    read, never written."""
    flag = graph.graph.get(TWO_WAY)
    if flag is None:  # a graph not made by process_graph
        flag = any(data.get(TWO_WAY) for _, _, data in graph.edges(data=True))
    return Adjacency(graph._succ, graph._pred, bool(flag))


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

    A topological order of the process graph with ties broken by layout (left-most first); a
    two-way flow is read from its left-most end, whichever way it was drawn. A cycle is broken
    at its left-most step instead of failing: networkx's topological sorts raise on a cycle, so
    this is Kahn's algorithm with that one addition, over the graph's adjacency.
    """
    graph = process_graph(blueprint) if graph is None else graph
    keys = {step.id: layout_key(step, index) for index, step in enumerate(blueprint.steps)}
    indegree = dict(graph.in_degree())
    adjacency = _adjacency(graph)
    successors: Any = adjacency.succ
    if adjacency.two_way:
        # a two-headed arrow has no direction to read: its left-most end comes first, so a
        # system step drawn as the source of a link to the clerk to its left still follows
        # the clerk (issue 14.9)
        successors = {node: list(graph.succ[node]) for node in graph}
        for source, target, data in graph.edges(data=True):
            if data[TWO_WAY] and keys[target] < keys[source]:
                successors[source].remove(target)
                successors[target].append(source)
                indegree[target] -= 1
                indegree[source] += 1
    ready = [(keys[sid], sid) for sid, degree in indegree.items() if degree == 0]
    heapify(ready)
    # every step left to right once: a cycle is broken at the first one not ranked yet, found
    # by a cursor that only moves on (a min() over the remaining steps made this quadratic)
    by_place = sorted(keys, key=keys.__getitem__)
    cursor = 0
    rank: dict[str, int] = {}
    while len(rank) < len(keys):
        if not ready:  # only cycles left: the left-most remaining step goes next
            while by_place[cursor] in rank:
                cursor += 1
            heappush(ready, (keys[by_place[cursor]], by_place[cursor]))
        _, sid = heappop(ready)
        if sid in rank:
            continue
        rank[sid] = len(rank)
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
    """The customer's journey: its longest path in minutes from a start step to an end step."""

    total_minutes: float
    path: tuple[str, ...]


def process_steps(blueprint: Blueprint) -> dict[str, Step]:
    """The customer-induced process steps by id: no evidence card (kind ``evidence`` or in the
    physical-evidence lane), no step marked ``customer_independent``."""
    lanes = {lane.id: lane.kind for lane in blueprint.lanes}
    card, card_lane = StepKind.EVIDENCE, LaneKind.PHYSICAL_EVIDENCE
    return {
        step.id: step
        for step in blueprint.steps
        if step.kind is not card
        and lanes.get(step.lane) is not card_lane
        and not step.customer_independent
    }


def customer_journey(
    blueprint: Blueprint,
    adjacency: Adjacency | None = None,
    steps: dict[str, Step] | None = None,
) -> Journey | None:
    """The start-to-end path whose summed step durations are largest, or None when no end is
    reachable from a start (starts and ends in any lane but the evidence lane).

    The walk stays on customer-induced process steps and ordinary flows, and stops at the first
    end it meets (the journey never runs past an end step). Parallel work is not summed: only
    the longest single path counts (a step without a duration counts 0). A loop is walked once:
    a depth-first search from the starts (document order, flows in file order) drops the flows
    back to a step still being explored, which leaves a DAG; the longest path is found in it
    in reverse postorder. Of equal paths the first drawn wins: into each step the earliest flow
    in the file, the first end. ``adjacency`` is the blueprint's :func:`process_adjacency`
    and ``steps`` its :func:`process_steps`, when the caller has them already (the journey
    reuses the one process graph; it builds none of its own).
    """
    steps = process_steps(blueprint) if steps is None else steps
    start, end = StepKind.START, StepKind.END
    # a start or end drawn outside the customer lane still bounds the journey (BP004 says
    # where it belongs); evidence cards never do
    starts: list[str] = []
    ends: set[str] = set()
    for sid, step in steps.items():
        kind = step.kind
        if kind is start:
            starts.append(sid)
        elif kind is end:
            ends.add(sid)
    if not starts or not ends:
        return None
    adjacency = process_adjacency(blueprint) if adjacency is None else adjacency
    succ, pred = adjacency.succ, adjacency.pred

    def ahead(node: str) -> list[str]:
        if node in ends:
            return []
        return [t for t, data in succ[node].items() if data[ORDINARY] and t in steps]

    post = _postorder(starts, ahead)
    reached = [sid for sid in steps if sid in ends and sid in post]
    if not reached:
        return None
    minutes = {sid: steps[sid].duration_minutes or 0.0 for sid in post}
    best, came_from = _longest(post, pred, minutes, set(starts), ends)
    finish = max((sid for sid in reached if sid in best), key=lambda sid: best[sid], default=None)
    if finish is None:
        return None
    walk = [finish]
    while (before := came_from[walk[-1]]) is not None:
        walk.append(before)
    path = tuple(reversed(walk))
    return Journey(sum(minutes[sid] for sid in path), path)


def _longest(
    post: dict[str, int],
    pred: Neighbours,
    minutes: dict[str, float],
    first: set[str],
    ends: set[str],
) -> tuple[dict[str, float], dict[str, str | None]]:
    """The longest-path pass in reverse postorder: each reached step's largest total of
    minutes from a start, and the step it is reached from on that path (None at a start)."""
    best: dict[str, float] = {}
    came_from: dict[str, str | None] = {}
    none = -math.inf
    for node in reversed(post):  # reverse postorder: post holds the nodes as they finished
        # the virtual source comes before every other way into a start
        top: float = minutes[node] if node in first else none
        via: str | None = None
        rank = post[node]
        for source, data in pred[node].items():
            # a DAG edge of the walk: ordinary, walked (source reached, not an end) and not
            # closing a loop (a flow back to a step still being explored ends later)
            if data[ORDINARY] and post.get(source, -1) > rank and source not in ends:
                value = best.get(source, none) + minutes[node]
                if value > top:
                    top, via = value, source
        if top > none:
            best[node], came_from[node] = top, via
    return best, came_from


def _postorder(roots: Iterable[str], ahead: Callable[[str], list[str]]) -> dict[str, int]:
    """Postorder numbers of a depth-first search from ``roots`` along ``ahead`` (children in
    their order), of every node it reaches. An edge to a node still on the stack closes a
    loop: its target then finishes after its source, which is how a longest-path pass in
    reverse postorder leaves it out."""
    post: dict[str, int] = {}
    seen: set[str] = set()
    for root in roots:
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(ahead(root)))]
        while stack:
            node, children = stack[-1]
            for child in children:
                if child not in seen:
                    seen.add(child)
                    stack.append((child, iter(ahead(child))))
                    break
            else:
                stack.pop()
                post[node] = len(post)
    return post


class Process:
    """The process facts of one blueprint, each worked out at most once (callers that ask
    several questions of the same blueprint, such as a validation run or the spec, keep one)."""

    def __init__(self, blueprint: Blueprint) -> None:
        self.blueprint = blueprint

    @cached_property
    def _edges(self) -> tuple[list[str], dict[tuple[str, str], Marks], bool]:
        return _edges(self.blueprint)

    @cached_property
    def graph(self) -> nx.DiGraph:
        return _graph_of(*self._edges)

    @cached_property
    def adjacency(self) -> Adjacency:
        """The process graph as plain dicts; the networkx graph, when asked for, is built
        from the same pass over the flows."""
        if "graph" in self.__dict__:
            return _adjacency(self.graph)
        return _adjacency_of(*self._edges)

    @cached_property
    def rank(self) -> dict[str, int]:
        return reading_rank(self.blueprint, self.graph)

    @cached_property
    def journey(self) -> Journey | None:
        return customer_journey(self.blueprint, self.adjacency, self.induced)

    @cached_property
    def induced(self) -> dict[str, Step]:
        """The customer-induced process steps by id (see :func:`process_steps`)."""
        return process_steps(self.blueprint)

    @cached_property
    def starts(self) -> list[str]:
        """Customer-induced start steps, in document order."""
        return [sid for sid, step in self.induced.items() if step.kind is StepKind.START]

    @cached_property
    def ends(self) -> list[str]:
        """Customer-induced end steps, in document order."""
        return [sid for sid, step in self.induced.items() if step.kind is StepKind.END]

    @cached_property
    def reached(self) -> set[str]:
        """Customer-induced steps a start reaches (two-way flows run both ways)."""
        return self.walk(self.starts, forward=True)

    @cached_property
    def reaching_end(self) -> set[str]:
        """Customer-induced steps from which an end can be reached."""
        return self.walk(self.ends, forward=False)

    def walk(
        self, seeds: Iterable[str], forward: bool, within: Collection[str] | None = None
    ) -> set[str]:
        """Every step ``seeds`` (included) reach along process flows (``forward``) or against
        them, among ``within`` (default: the customer-induced steps). A two-way flow runs both
        ways. A plain walk over the graph's adjacency: no views, no copies."""
        allowed = self.induced if within is None else within
        adjacency = self.adjacency
        succ, pred, two_way = adjacency.succ, adjacency.pred, adjacency.two_way
        ahead, behind = (succ, pred) if forward else (pred, succ)
        found = {seed for seed in seeds if seed in allowed}
        todo = list(found)
        while todo:
            node = todo.pop()
            for other in ahead[node]:
                if other not in found and other in allowed:
                    found.add(other)
                    todo.append(other)
            if two_way:
                for other, data in behind[node].items():
                    if data[TWO_WAY] and other not in found and other in allowed:
                        found.add(other)
                        todo.append(other)
        return found

    @cached_property
    def normally_reached(self) -> set[str]:
        """Steps reached by ordinary flows from the steps nothing leads to: where a recovery
        path rejoins the normal process."""
        graph = self.graph
        roots = [node for node, degree in graph.in_degree() if degree == 0]
        return reachable(ordinary_graph(graph), roots)
