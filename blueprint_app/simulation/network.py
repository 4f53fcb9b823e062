"""The blueprint as the network a simulated customer walks: which steps, how long each takes,
which resource it holds, and where a customer goes next.

Read from the same process facts as the rest of the app: the customer-induced process is every
process step (evidence cards and ``customer_independent`` steps left out, as
:func:`~blueprint_app.analysis.process.process_steps` says) joined by ordinary and recovery
flows, entered at a start step and left at an end step (nothing after an end is walked: the
journey of the analysis stops there too). After a step a customer goes on as follows:

- a fail point with a ``failure_rate`` and recovery flows fails at that rate: the customer takes
  one of its recovery flows (each equally likely);
- a decision picks one of its ordinary branches by their ``probability`` (branches without one
  share what is left equally; shares that do not add to 1 are scaled to 1);
- any other step forks into all its ordinary flows (parallel work), or, with none, follows its
  recovery flows (a recovery path drawn in recovery flows goes on); with neither, that part of
  the customer's journey ends.

Where branches meet again is a join: it waits until no other part of the same customer can
still reach it (an inclusive join: the parallel branches are awaited, a decision's untaken
branches are not). "Can reach" is read on the process with the flows that close loops dropped,
as the journey of :mod:`blueprint_app.analysis.process` walks a loop once.
"""

from __future__ import annotations

import random
from collections.abc import Hashable
from dataclasses import dataclass, field

import networkx as nx

from blueprint_app.analysis.process import process_steps
from blueprint_app.model.blueprint import (
    Blueprint,
    DurationDistribution,
    FlowKind,
    Step,
    StepKind,
)

#: the virtual step before every start (a tuple, never equal to a step id)
_ROOT: Hashable = ("simulation", "root")


class SimulationError(ValueError):
    """The blueprint cannot be simulated as it is (no start, no arrivals …); says why."""

    def __init__(self, key: str, **args: str) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


@dataclass(frozen=True)
class Duration:
    """How long one visit of a step takes: a sampler over its distribution."""

    distribution: DurationDistribution
    minutes: float
    low: float = 0.0
    high: float = 0.0

    def sample(self, rng: random.Random) -> float:
        if self.distribution is DurationDistribution.EXPONENTIAL:
            return rng.expovariate(1.0 / self.minutes) if self.minutes > 0 else 0.0
        if self.distribution is DurationDistribution.TRIANGULAR:
            return rng.triangular(self.low, self.high, self.minutes)
        return self.minutes

    @classmethod
    def of(cls, step: Step) -> Duration:
        """The step's distribution as FORMAT.md defines it (triangular by default with a
        range, else fixed); a range without a duration has its mode in the middle."""
        span = step.duration_range_minutes
        distribution = step.duration_distribution or (
            DurationDistribution.TRIANGULAR if span is not None else DurationDistribution.FIXED
        )
        low, high = sorted(span) if span is not None else (0.0, 0.0)
        minutes = step.duration_minutes
        if distribution is DurationDistribution.TRIANGULAR:
            if high <= low:  # no range, or an empty one: nothing varies
                return cls(DurationDistribution.FIXED, low if span else minutes or 0.0)
            # the mode inside the range (BP074 reports one outside); none: the middle
            mode = (low + high) / 2 if minutes is None else min(max(minutes, low), high)
            return cls(distribution, mode, low, high)
        return cls(distribution, minutes or 0.0)


@dataclass
class Node:
    """One simulated step and where a customer goes after it."""

    id: str
    title: str
    duration: Duration
    resource: str | None
    is_end: bool
    wait_target: float | None
    target: float | None
    phase: str | None
    #: ordinary successors: all of them (a fork), or one by ``weights`` at a decision
    successors: list[str] = field(default_factory=list)
    weights: list[float] | None = None
    #: recovery successors, and the share of visits that take one (fail points)
    recovery: list[str] = field(default_factory=list)
    failure_rate: float = 0.0
    #: True when branches may meet here (more than one flow in, loops left out)
    join: bool = False
    #: a fork whose branches are plain chains (no resource, no choice, no end, no loop) that
    #: meet at one join: (the join, each branch's steps); a lone customer walks it in one go
    fold: tuple[str, tuple[tuple[str, ...], ...]] | None = None

    #: whether a visit draws where to go (a decision, a fail point that may fail)
    choosing: bool = False
    #: whether leaving this step may change which joins the customer can still reach
    branching: bool = False

    def next_steps(self, rng: random.Random) -> list[str]:
        """Where a customer goes after this step, drawn for one visit."""
        if self.failure_rate > 0 and self.recovery and rng.random() < self.failure_rate:
            return [self.recovery[0] if len(self.recovery) == 1 else rng.choice(self.recovery)]
        if self.weights is not None:
            return rng.choices(self.successors, self.weights)
        if self.successors:
            return self.successors
        return self.recovery


def branch_weights(probabilities: list[float | None]) -> list[float]:
    """A decision's branch shares: the given ones, the rest sharing what is left equally, then
    scaled to add up to 1 (BP071/BP072 warn when they did not)."""
    given = sum(p for p in probabilities if p is not None)
    missing = sum(1 for p in probabilities if p is None)
    rest = max(0.0, 1.0 - given) / missing if missing else 0.0
    weights = [rest if p is None else p for p in probabilities]
    total = sum(weights)
    if total <= 0:
        return [1.0 / len(weights)] * len(weights)
    return [weight / total for weight in weights]


@dataclass
class Network:
    """The customer-induced process of one blueprint, ready to simulate."""

    nodes: dict[str, Node]
    starts: list[str]
    #: per join: every step from which it can be reached (loops left out)
    feeders: dict[str, frozenset[str]]
    #: steps a flow that closes a loop leads back to
    loop_heads: frozenset[str]


def build_network(blueprint: Blueprint) -> Network:
    """The network of ``blueprint``; :class:`SimulationError` when no customer can enter it."""
    steps = process_steps(blueprint)
    starts = [sid for sid, step in steps.items() if step.kind is StepKind.START]
    if not starts:
        raise SimulationError("no_start")
    nodes = {
        sid: Node(
            id=sid,
            title=step.title.strip() or sid,
            duration=Duration.of(step),
            resource=step.resource,
            is_end=step.kind is StepKind.END,
            wait_target=step.wait_target_minutes,
            target=step.target_minutes,
            phase=step.phase,
            failure_rate=(step.failure_rate or 0.0) if step.fail_point else 0.0,
        )
        for sid, step in steps.items()
    }
    probabilities: dict[str, list[float | None]] = {}
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    for flow in blueprint.flows:
        if flow.source not in nodes or flow.target not in nodes:
            continue
        node = nodes[flow.source]
        if node.is_end:  # the customer leaves there: a journey never runs past an end step
            continue
        if flow.kind is FlowKind.FLOW and flow.target not in node.successors:
            node.successors.append(flow.target)
            probabilities.setdefault(flow.source, []).append(flow.probability)
        elif flow.kind is FlowKind.RECOVERY and flow.target not in node.recovery:
            node.recovery.append(flow.target)
        else:
            continue
        graph.add_edge(flow.source, flow.target)
    for sid, shares in probabilities.items():
        if steps[sid].kind is StepKind.DECISION and len(shares) > 1:
            nodes[sid].weights = branch_weights(shares)
    for node in nodes.values():
        node.choosing = node.weights is not None or (node.failure_rate > 0 and bool(node.recovery))
        node.branching = node.choosing or len(node.successors) > 1
    feeders, loop_heads = _joins(graph, starts, nodes)
    for node in nodes.values():
        if len(node.successors) > 1 and not node.choosing:
            node.fold = _fold(node, nodes, loop_heads)
    return Network(nodes, starts, feeders, loop_heads)


def _fold(
    fork: Node, nodes: dict[str, Node], loop_heads: frozenset[str]
) -> tuple[str, tuple[tuple[str, ...], ...]] | None:
    """The join and branches of a fork that can be walked without a process per branch."""
    meets: set[str] = set()
    branches = []
    for first in fork.successors:
        chain: list[str] = []
        sid = first
        while not nodes[sid].join:
            node = nodes[sid]
            plain = node.resource is None and not node.is_end and not node.choosing
            if not plain or sid in loop_heads or len(node.successors) != 1 or len(chain) > 64:
                return None
            chain.append(sid)
            sid = node.successors[0]
        meets.add(sid)
        branches.append(tuple(chain))
    if len(meets) != 1 or meets & loop_heads:
        return None
    return meets.pop(), tuple(branches)


def _joins(
    graph: nx.DiGraph, starts: list[str], nodes: dict[str, Node]
) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Mark the steps where branches may meet and list what feeds each, on the process without
    the flows that close loops (a depth-first search from the starts, as the journey does);
    and the steps those flows lead back to."""
    rooted = nx.DiGraph(graph)
    rooted.add_edges_from((_ROOT, start) for start in starts)
    walk = nx.dfs_postorder_nodes(rooted, _ROOT)
    order = {node: index for index, node in enumerate(walk) if node != _ROOT}
    forward = nx.DiGraph()
    forward.add_nodes_from(order)
    heads = set()
    for u, v in graph.edges:
        if u in order:
            if order[v] < order[u]:
                forward.add_edge(u, v)
            else:
                heads.add(v)
    feeders: dict[str, frozenset[str]] = {}
    for sid in forward:
        if forward.in_degree(sid) > 1:
            nodes[sid].join = True
            feeders[sid] = frozenset(nx.ancestors(forward, sid))
    return feeders, frozenset(heads)
