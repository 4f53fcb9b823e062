"""The blueprint rules every shipped example and template satisfies, checked with networkx.

The validation package (issue 4) is the product's checker; this one is the templates' own
guarantee, strict where the rules leave room (the process graph of a template has no loops,
every customer step touches the frontstage, every frontstage step touches the back office).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

import networkx as nx

from blueprint_app.analysis import process_graph, to_graph
from blueprint_app.analysis.process import customer_journey
from blueprint_app.model import Blueprint, FlowKind, LaneKind, Step, StepKind

MIN_GAP = 180
#: lanes the customer may never touch directly: the line of visibility lies between
HIDDEN = {LaneKind.BACKSTAGE.value, LaneKind.SUPPORT.value}


def rule_problems(bp: Blueprint) -> list[str]:
    """Every broken rule, as a readable line; empty when the blueprint is complete."""
    graph = to_graph(bp)
    problems: list[str] = []
    for check in (
        _step_rules,
        _flow_rules,
        _layout_rules,
        _reach_rules,
        _lane_crossing_rules,
        _time_rules,
    ):
        problems += check(bp, graph)
    return problems


def _lane(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node]["lane_kind"])


def _step_rules(bp: Blueprint, graph: nx.MultiDiGraph) -> list[str]:
    problems = []
    kinds = {lane.id: lane.kind for lane in bp.lanes}
    for step in bp.steps:
        lane = kinds[step.lane]
        where = f"step {step.id!r}"
        if not step.title.strip():
            problems.append(f"{where}: empty title")
        if (step.kind == StepKind.EVIDENCE) != (lane == LaneKind.PHYSICAL_EVIDENCE):
            problems.append(f"{where}: evidence steps belong in the evidence lane, only there")
        if step.kind in (StepKind.START, StepKind.END) and lane != LaneKind.CUSTOMER:
            problems.append(f"{where}: start/end outside the customer lane")
        problems += [f"{where}: {reason}" for reason in _field_problems(step, lane)]
        if graph.degree(step.id) == 0:
            problems.append(f"{where}: no flows")
    for phase in bp.phases:
        if not any(s.phase == phase.id and kinds[s.lane] == LaneKind.CUSTOMER for s in bp.steps):
            problems.append(f"phase {phase.id!r}: no customer step")
    return problems


def _field_problems(step: Step, lane: LaneKind) -> list[str]:
    problems = []
    if lane in (LaneKind.FRONTSTAGE, LaneKind.BACKSTAGE) and not step.actor.strip():
        problems.append("no actor")
    if step.emotion is not None and lane != LaneKind.CUSTOMER:
        problems.append("emotion outside the customer lane")
    if step.moment_of_truth and (not step.standard.strip() or step.target_minutes is None):
        problems.append("moment of truth without standard and target")
    if (
        step.duration_minutes is not None
        and step.target_minutes is not None
        and step.duration_minutes > step.target_minutes
    ):
        problems.append("duration over target")
    if step.kind == StepKind.WAIT and step.duration_minutes is None:
        problems.append("wait without duration")
    if step.phase is None:
        problems.append("no phase")
    if step.layout is None:
        problems.append("no layout")
    return problems


def _flow_rules(bp: Blueprint, graph: nx.MultiDiGraph) -> list[str]:
    problems = []
    seen: set[tuple[str, str, str]] = set()
    for flow in bp.flows:
        key = (flow.source, flow.target, flow.kind.value)
        if flow.source == flow.target:
            problems.append(f"flow {flow.id!r}: from a step to itself")
        if key in seen:
            problems.append(f"flow {flow.id!r}: duplicate")
        seen.add(key)
        if flow.kind == FlowKind.EVIDENCE and (
            _lane(graph, flow.source) != LaneKind.PHYSICAL_EVIDENCE.value
            or _lane(graph, flow.target) != LaneKind.CUSTOMER.value
        ):
            problems.append(f"flow {flow.id!r}: evidence flows go evidence -> customer step")
    for step in bp.steps:
        outgoing = [f for f in bp.flows if f.source == step.id and f.kind != FlowKind.EVIDENCE]
        if step.kind == StepKind.DECISION:
            labels = [f.label.strip() for f in outgoing]
            if len(outgoing) < 2 or not all(labels) or len(set(labels)) != len(labels):
                problems.append(f"decision {step.id!r}: needs >= 2 distinctly labelled branches")
        if step.fail_point and not any(f.kind == FlowKind.RECOVERY for f in outgoing):
            problems.append(f"fail point {step.id!r}: no recovery flow")
    return problems


def _layout_rules(bp: Blueprint, graph: nx.MultiDiGraph) -> list[str]:
    slots: dict[tuple[str, int], list[tuple[float, str]]] = defaultdict(list)
    for step in bp.steps:
        if step.layout is not None:
            slots[(step.lane, step.layout.row)].append((step.layout.x, step.id))
    problems = []
    for cards in slots.values():
        cards.sort()
        for (x1, a), (x2, b) in pairwise(cards):
            if x2 - x1 < MIN_GAP:
                problems.append(f"steps {a!r} and {b!r} overlap")
    return problems


def _reach_rules(bp: Blueprint, graph: nx.MultiDiGraph) -> list[str]:
    process = process_graph(bp)
    starts = [s.id for s in bp.steps if s.kind == StepKind.START]
    ends = {s.id for s in bp.steps if s.kind == StepKind.END}
    if not starts or not ends:
        return ["no start or no end"]
    problems = []
    if not nx.is_directed_acyclic_graph(process):
        problems.append(f"loops in the process: {nx.find_cycle(process)}")
    reached = set(starts).union(*(nx.descendants(process, s) for s in starts))
    reached |= {f.source for f in bp.flows if f.kind == FlowKind.EVIDENCE and f.target in reached}
    for step in bp.steps:
        if step.id not in reached:
            problems.append(f"step {step.id!r}: not reachable from a start")
        if step.kind != StepKind.EVIDENCE and not (
            step.id in ends or ends & nx.descendants(process, step.id)
        ):
            problems.append(f"step {step.id!r}: no end reachable")
    customer = process.subgraph(n for n in process if _lane(graph, n) == LaneKind.CUSTOMER.value)
    on_path = set(starts).union(*(nx.descendants(customer, s) for s in starts))
    for node in customer:
        if node not in on_path or not (node in ends or ends & nx.descendants(customer, node)):
            problems.append(f"customer step {node!r}: not on the customer path start -> end")
    return problems


def _lane_crossing_rules(bp: Blueprint, graph: nx.MultiDiGraph) -> list[str]:
    problems = []
    touches: dict[str, set[str]] = defaultdict(set)
    for flow in bp.flows:
        a, b = _lane(graph, flow.source), _lane(graph, flow.target)
        touches[flow.source].add(b if flow.kind != FlowKind.EVIDENCE else "evidence-flow")
        touches[flow.target].add(a if flow.kind != FlowKind.EVIDENCE else "evidence-flow")
        if {a, b} & HIDDEN and LaneKind.CUSTOMER.value in (a, b):
            problems.append(f"flow {flow.id!r}: customer and back office touch directly")
    for step in bp.steps:
        lane = _lane(graph, step.id)
        if lane == LaneKind.CUSTOMER.value:
            if LaneKind.FRONTSTAGE.value not in touches[step.id]:
                problems.append(f"customer step {step.id!r}: no flow to or from the frontstage")
            if "evidence-flow" not in touches[step.id]:
                problems.append(f"customer step {step.id!r}: no evidence")
        if lane == LaneKind.FRONTSTAGE.value and not touches[step.id] & HIDDEN:
            problems.append(f"frontstage step {step.id!r}: nothing behind it")
    return problems


def longest_path_minutes(bp: Blueprint) -> float:
    """The customer's journey in minutes, as validation and the spec time it (the one
    :func:`~blueprint_app.analysis.process.customer_journey`: customer-induced steps only, to
    the first end, parallel work not summed); 0 without a journey."""
    journey = customer_journey(bp)
    return 0.0 if journey is None else journey.total_minutes


def _time_rules(bp: Blueprint, graph: nx.MultiDiGraph) -> list[str]:
    if bp.target_minutes is None:
        return ["no target_minutes for the whole journey"]
    longest = longest_path_minutes(bp)
    if longest > bp.target_minutes:
        return [f"the customer's journey {longest} min is over the target {bp.target_minutes} min"]
    return []
