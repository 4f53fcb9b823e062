"""The blueprint's process as BPMN flow nodes: steps, plus the gateways BPMN makes explicit.

A blueprint draws a fork as several arrows out of a card and a join as several arrows into one;
BPMN tools (bpmnlint's ``no-implicit-split``, ``fake-join``, ``no-gateway-join-fork``) want a
gateway there. This module decides where, and of which kind:

- a step with several ordinary flows out forks them with a **parallel** gateway (the blueprint
  says all of them happen; a choice is drawn as a decision step);
- a step with recovery flows out chooses with an **exclusive** gateway: the ordinary way is the
  default flow, each recovery a conditional flow whose condition is its label;
- a decision is the exclusive gateway itself; its labelled branches keep their labels (as
  conditions when every branch but at most one, the default, is labelled);
- flows into one step are joined: flows that exclude each other (from different branches of one
  choice, or a loop coming back) by an **exclusive** merge, independent ones by a **parallel**
  join; when a flow arrives only on some branch of a choice, a parallel join would wait
  forever, so then all are merged exclusively. Which flows exclude each other comes from the
  dominators of the process graph (a flow lies on a branch when every way to it passes it).

Which flows are process, and their order, come from :mod:`blueprint_app.analysis.process`.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable
from dataclasses import dataclass, field

import networkx as nx

from blueprint_app.analysis.process import Process
from blueprint_app.model.blueprint import Blueprint, Flow, FlowKind, LaneKind, Step, StepKind
from blueprint_app.model.glossary import STEP_KINDS

#: BPMN element of each step kind (evidence is a data object, not a flow node)
TAGS = {
    StepKind.ACTION: "task",
    StepKind.START: "startEvent",
    StepKind.END: "endEvent",
    StepKind.DECISION: "exclusiveGateway",
    StepKind.WAIT: "intermediateCatchEvent",
}
EXCLUSIVE, PARALLEL = "exclusiveGateway", "parallelGateway"


@dataclass
class Node:
    """A BPMN flow node: a step, or a gateway added before (join) or after (fork) a step."""

    id: str
    tag: str
    step: Step  # the step it belongs to (its lane, column and row)
    #: position in the step's chain: negative joins before it, 0 the step, positive forks after
    slot: int = 0
    name: str = ""
    timer: bool = False  # an event that a schedule, not a flow, sets off
    message: bool = False  # a start event that a message (the customer's contact) sets off


@dataclass
class Edge:
    """A BPMN sequence flow; ``flow`` is the blueprint flow it carries (None inside a chain)."""

    id: str
    source: str
    target: str
    flow: Flow | None = None
    name: str = ""
    condition: str | None = None
    default: bool = False


@dataclass
class BpmnProcess:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    #: flows that touch evidence: associations, not sequence flows
    associations: list[Flow] = field(default_factory=list)
    _by_end: tuple[dict[str, list[Edge]], dict[str, list[Edge]], int] | None = None

    def outgoing(self, node: str) -> list[Edge]:
        return self._ends()[0].get(node, [])

    def incoming(self, node: str) -> list[Edge]:
        return self._ends()[1].get(node, [])

    def _ends(self) -> tuple[dict[str, list[Edge]], dict[str, list[Edge]]]:
        """Edges by source and by target, worked out once the edges are all there."""
        if self._by_end is None or self._by_end[2] != len(self.edges):
            out: dict[str, list[Edge]] = {}
            into: dict[str, list[Edge]] = {}
            for edge in self.edges:
                out.setdefault(edge.source, []).append(edge)
                into.setdefault(edge.target, []).append(edge)
            self._by_end = (out, into, len(self.edges))
        return self._by_end[0], self._by_end[1]


def step_ref(step_id: str) -> str:
    return f"Step_{step_id}"


def flow_ref(flow_id: str) -> str:
    return f"Flow_{flow_id}"


def is_sequence(flow: Flow, by_id: dict[str, Step]) -> bool:
    """Flows between process steps; anything touching evidence is drawn as an association."""
    if flow.kind == FlowKind.EVIDENCE or flow.source not in by_id or flow.target not in by_id:
        return False
    return StepKind.EVIDENCE not in (by_id[flow.source].kind, by_id[flow.target].kind)


def build(
    blueprint: Blueprint,
    recovery_question: str,
    independent: tuple[str, str, str, str] = ("", "", "", ""),
) -> BpmnProcess:
    """The flow nodes and sequence flows of ``blueprint``; ``recovery_question`` names the
    exclusive gateway that chooses between the ordinary way and a recovery, ``independent``
    the start and end events of customer-independent work that nothing leads into or out of,
    and the end events of branches that end where validation sees no dead end.
    """
    by_id = {step.id: step for step in blueprint.steps}
    rank = Process(blueprint).rank
    flows = [f for f in blueprint.flows if is_sequence(f, by_id)]
    result = BpmnProcess(associations=[f for f in blueprint.flows if _is_association(f, by_id)])
    out: dict[str, list[Flow]] = {}
    into: dict[str, list[Flow]] = {}
    for flow in flows:
        out.setdefault(flow.source, []).append(flow)
        into.setdefault(flow.target, []).append(flow)
    for step in blueprint.steps:
        if step.kind != StepKind.EVIDENCE:
            sid = step_ref(step.id)
            name = (step.title.strip() and step.title) or STEP_KINDS[step.kind].name(
                blueprint.language
            )
            result.nodes[sid] = Node(sid, TAGS[step.kind], step, name=name)
    # one blank start per process (bpmnlint: single-blank-start-event): a blueprint's other
    # ways in, first in reading order aside, start when the customer gets in touch
    starts = sorted(
        (s for s in blueprint.steps if s.kind == StepKind.START), key=lambda s: rank.get(s.id, 0)
    )
    for step in starts[1:]:
        result.nodes[step_ref(step.id)].message = True
    groups = _join_groups(blueprint, flows, out, into)
    # joins: flow id -> the node it enters
    enters: dict[str, str] = {}
    for step_id, flow_groups in groups.items():
        _join_chain(result, by_id[step_id], flow_groups, enters)
    leaves: dict[str, str] = {}  # flow id -> the node it leaves from
    labelled: dict[str, tuple[str, str | None, bool]] = {}  # flow id -> name, condition, default
    for step in blueprint.steps:
        if step.kind == StepKind.EVIDENCE:
            continue
        outgoing = sorted(out.get(step.id, []), key=lambda f: rank.get(f.target, 0))
        _fork_chain(result, step, outgoing, recovery_question, leaves, labelled)
    _independent_ends(result, blueprint, into, out, independent)
    for flow in flows:
        name, condition, default = labelled.get(flow.id, ("", None, False))
        result.edges.append(
            Edge(
                flow_ref(flow.id),
                leaves.get(flow.id, step_ref(flow.source)),
                enters.get(flow.id, step_ref(flow.target)),
                flow,
                name,
                condition,
                default,
            )
        )
    return result


def _independent_ends(
    result: BpmnProcess,
    blueprint: Blueprint,
    into: dict[str, list[Flow]],
    out: dict[str, list[Flow]],
    names: tuple[str, str, str, str],
) -> None:
    """Customer-independent work (preparation, follow-up) runs on its own schedule, not after
    a customer's step: where nothing leads into it, a timer start event sets it off, and where
    nothing follows it, an end event closes it. A branch also ends, with an end event, where
    validation (BP023) sees no dead end: at a step that only answers a two-way flow (the answer
    goes back along it, which BPMN keeps as one sequence flow), at the last step of work behind
    the line of visibility, and at follow-up after an end (clearing the table). A customer or
    frontstage step that leads nowhere stays a dead end, for bpmnlint as for validation.
    """
    process = Process(blueprint)
    follow_up = process.walk(process.ends, forward=True)
    lanes = {lane.id: lane.kind for lane in blueprint.lanes}
    for step in blueprint.steps:
        if step.kind in (StepKind.EVIDENCE, StepKind.START):
            continue
        sid = step_ref(step.id)
        if step.customer_independent and not into.get(step.id):
            begin = f"Begin_{step.id}"
            result.nodes[begin] = Node(
                begin, "startEvent", step, slot=-1, name=names[0], timer=True
            )
            result.edges.append(Edge(f"Chain_out_{begin}", begin, sid))
        if out.get(step.id) or step.kind == StepKind.END:
            continue
        if not into.get(step.id) and not step.customer_independent:
            continue  # no flow at all: an isolated step (BP024), or a layered blueprint
        if step.customer_independent:
            name = names[1]
        elif any(flow.two_way for flow in into.get(step.id, [])):
            name = names[2]
        elif lanes.get(step.lane) not in (LaneKind.CUSTOMER, LaneKind.FRONTSTAGE) or (
            step.id in follow_up
        ):
            name = names[3]
        else:  # a customer or frontstage dead end: BP023, and bpmnlint's no-implicit-end
            continue
        finish = f"Finish_{step.id}"
        result.nodes[finish] = Node(finish, "endEvent", step, slot=1, name=name)
        result.edges.append(Edge(f"Chain_in_{finish}", sid, finish))


def _is_association(flow: Flow, by_id: dict[str, Step]) -> bool:
    return flow.source in by_id and flow.target in by_id and not is_sequence(flow, by_id)


def _fork_chain(
    result: BpmnProcess,
    step: Step,
    outgoing: list[Flow],
    question: str,
    leaves: dict[str, str],
    labelled: dict[str, tuple[str, str | None, bool]],
) -> None:
    """Gateways after ``step`` so that no flow node but a gateway has several flows out."""
    sid = step_ref(step.id)
    if step.kind == StepKind.DECISION:
        _branches(outgoing, labelled)
        return
    recovery = [f for f in outgoing if f.kind == FlowKind.RECOVERY]
    ordinary = [f for f in outgoing if f.kind != FlowKind.RECOVERY]
    last = sid
    if recovery and (ordinary or len(recovery) > 1):
        choice = f"Split_{step.id}"
        result.nodes[choice] = Node(choice, EXCLUSIVE, step, slot=1, name=question)
        result.edges.append(Edge(f"Chain_in_{choice}", sid, choice))
        for flow in recovery:
            leaves[flow.id] = choice
            labelled[flow.id] = (flow.label, flow.label or question, False)
        last = choice
        if len(ordinary) > 1:
            fork = f"Fork_{step.id}"
            result.nodes[fork] = Node(fork, PARALLEL, step, slot=2)
            result.edges.append(Edge(f"Chain_in_{fork}", choice, fork, default=True))
            last = fork
        elif ordinary:
            labelled[ordinary[0].id] = (ordinary[0].label, None, True)
    elif recovery:  # the only way on is a recovery: a conditional flow
        labelled[recovery[0].id] = (recovery[0].label, recovery[0].label or question, False)
    elif len(ordinary) > 1:
        fork = f"Fork_{step.id}"
        result.nodes[fork] = Node(fork, PARALLEL, step, slot=1)
        result.edges.append(Edge(f"Chain_in_{fork}", sid, fork))
        last = fork
    for flow in ordinary:
        leaves[flow.id] = last


def _branches(outgoing: list[Flow], labelled: dict[str, tuple[str, str | None, bool]]) -> None:
    """A decision's branches: named by their labels; conditions when every branch but one (the
    default) is labelled, since a condition on some branches only would need all of them."""
    unlabelled = [f for f in outgoing if not f.label]
    conditions = len(outgoing) > 1 and len(unlabelled) <= 1
    for flow in outgoing:
        if conditions:
            labelled[flow.id] = (flow.label, flow.label or None, not flow.label)
        else:
            labelled[flow.id] = (flow.label, None, False)


def _join_chain(
    result: BpmnProcess, step: Step, groups: list[list[Flow]], enters: dict[str, str]
) -> None:
    """Gateways before ``step``: an exclusive merge per group of flows that exclude each other,
    then a parallel join of the groups (or one merge when there is one group)."""
    sid = step_ref(step.id)
    ends: list[str] = []  # the node each group arrives through
    merges = [group for group in groups if len(group) > 1]
    slot = -(len(merges) + (1 if len(groups) > 1 else 0))
    for index, group in enumerate(merges):
        merge = f"Merge{index + 1 if index else ''}_{step.id}"
        result.nodes[merge] = Node(merge, EXCLUSIVE, step, slot=slot)
        slot += 1
        for flow in group:
            enters[flow.id] = merge
        ends.append(merge)
    singles = [group[0] for group in groups if len(group) == 1]
    if len(groups) > 1:
        join = f"Join_{step.id}"
        result.nodes[join] = Node(join, PARALLEL, step, slot=slot)
        for flow in singles:
            enters[flow.id] = join
        for index, merge in enumerate(ends):
            result.edges.append(Edge(f"Chain_in_{join}_{index}", merge, join))
        result.edges.append(Edge(f"Chain_out_{join}", join, sid))
    elif ends:
        result.edges.append(Edge(f"Chain_out_{ends[0]}", ends[0], sid))


class _Branches:
    """The process graph with a node per flow (and per ordinary way out of a step that has
    recovery flows), and its dominators: a flow lies on a branch of a choice when every way
    from the start to it passes that branch."""

    def __init__(self, blueprint: Blueprint, flows: list[Flow], out: dict[str, list[Flow]]) -> None:
        graph: nx.DiGraph = nx.DiGraph()
        self.root: Hashable = ("root",)
        self.owner: dict[Hashable, str] = {}  # branch node -> the step that chooses it
        kinds = {step.id: step.kind for step in blueprint.steps}
        for flow in flows:
            start: Hashable = flow.source
            decision = kinds.get(flow.source) == StepKind.DECISION
            if decision or flow.kind == FlowKind.RECOVERY:
                self.owner[("flow", flow.id)] = flow.source
            elif any(f.kind == FlowKind.RECOVERY for f in out[flow.source]):
                start = ("normal", flow.source)  # the default way of a recovery choice
                graph.add_edge(flow.source, start)
                self.owner[start] = flow.source
            graph.add_edge(start, ("flow", flow.id))
            graph.add_edge(("flow", flow.id), flow.target)
        self.branches: dict[str, set[Hashable]] = {}
        for node, step_id in self.owner.items():
            self.branches.setdefault(step_id, set()).add(node)
        steps = [s.id for s in blueprint.steps if s.id in graph]
        graph.add_node(self.root)
        graph.add_edges_from((self.root, sid) for sid in steps if graph.in_degree(sid) == 0)
        reached = nx.descendants(graph, self.root)
        for sid in steps:  # a loop nothing leads into: entered at its first step
            if sid not in reached:
                graph.add_edge(self.root, sid)
                reached |= nx.descendants(graph, sid) | {sid}
        self.idom = nx.immediate_dominators(graph, self.root)

    def dominators(self, node: Hashable) -> set[Hashable]:
        found = {node}
        while node != self.root:
            node = self.idom[node]
            found.add(node)
        return found

    def groups(self, target: str, incoming: list[Flow]) -> list[list[Flow]]:
        """The flows into ``target`` grouped: each group merged exclusively, the groups joined
        in parallel; one group when some flow only comes on some branch of a choice."""
        shared = self.dominators(target)
        on = {
            f.id: {b for b in self.dominators(("flow", f.id)) if b in self.owner} - shared
            for f in incoming
        }
        back = {f.id for f in incoming if target in self.dominators(f.source)}
        parent = {f.id: f.id for f in incoming}

        def find(fid: str) -> str:
            while parent[fid] != fid:
                fid = parent[fid]
            return fid

        for first, second in itertools.combinations(incoming, 2):
            loop = first.id in back or second.id in back
            if loop or self._exclusive(on[first.id], on[second.id]):
                parent[find(first.id)] = find(second.id)
        grouped: dict[str, list[Flow]] = {}
        for flow in incoming:
            grouped.setdefault(find(flow.id), []).append(flow)
        result = list(grouped.values())
        if len(result) > 1 and not all(self._complete(group, on) for group in result):
            return [incoming]
        return result

    def _exclusive(self, first: set[Hashable], second: set[Hashable]) -> bool:
        """Two flows lie on different branches of one choice."""
        return any(self.owner[a] == self.owner[b] and a != b for a in first for b in second)

    def _complete(self, group: list[Flow], on: dict[str, set[Hashable]]) -> bool:
        """Whatever the choices, some flow of the group arrives: every choice a member depends
        on has all its branches covered by the group."""
        covered: set[Hashable] = set().union(*(on[f.id] for f in group))
        return all(self.branches[self.owner[b]] <= covered for b in covered)


def _join_groups(
    blueprint: Blueprint, flows: list[Flow], out: dict[str, list[Flow]], into: dict[str, list[Flow]]
) -> dict[str, list[list[Flow]]]:
    """Per step with several flows in: the flows grouped so that each group is merged
    exclusively and the groups joined in parallel (one group: one exclusive merge)."""
    branches = _Branches(blueprint, flows, out)
    return {
        target: branches.groups(target, incoming)
        for target, incoming in into.items()
        if len(incoming) > 1
    }
