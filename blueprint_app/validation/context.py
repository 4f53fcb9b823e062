"""Indexes shared by every rule, built once per validation run.

Rules must stay cheap on a 10,000-step blueprint, so nothing here is computed per rule: lane
kinds per step, steps by lane and kind, flows by source, target and kind. The process graph,
reachability and the customer's journey come from :mod:`blueprint_app.analysis.process` (the
one place the spec and layout ask too), computed lazily, once, when the first rule asks.
Evidence cards (kind ``evidence`` or anything in the physical-evidence lane) are never process
steps.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import cached_property
from typing import TypeVar, cast

import networkx as nx

from blueprint_app.analysis.process import TWO_WAY, Journey, Process
from blueprint_app.model.blueprint import Blueprint, Flow, FlowKind, LaneKind, Step, StepKind
from blueprint_app.validation.geometry import CARD_WIDTH

TITLE_LIMIT = 60
T = TypeVar("T")


class Context:
    """A read-only view of one blueprint with the lookups rules need."""

    def __init__(self, blueprint: Blueprint, process: Process | None = None) -> None:
        if process is not None:  # the caller's, so what it reads afterwards is computed once
            self.process = process
        self.blueprint = blueprint
        self.steps: list[Step] = blueprint.steps
        self.flows: list[Flow] = blueprint.flows
        lane_kinds = {lane.id: lane.kind for lane in blueprint.lanes}
        self.step_by_id: dict[str, Step] = {step.id: step for step in self.steps}
        self.lane_kind: dict[str, LaneKind] = {}
        self.evidence_cards: set[str] = set()
        #: steps grouped by their lane's kind and by their own kind, in document order
        self.in_lane: dict[LaneKind, list[Step]] = {kind: [] for kind in LaneKind}
        self.of_kind: dict[StepKind, list[Step]] = {kind: [] for kind in StepKind}
        self._index_steps(lane_kinds)
        #: all flows at a step (any kind); flows with a missing end are left out
        self.outgoing: dict[str, list[Flow]] = {step_id: [] for step_id in self.step_by_id}
        self.incoming: dict[str, list[Flow]] = {step_id: [] for step_id in self.step_by_id}
        self.of_flow_kind: dict[FlowKind, list[Flow]] = {kind: [] for kind in FlowKind}
        self._index_flows()
        self._titles: dict[str, str] = {}
        self._memo: dict[str, object] = {}
        #: position of every item id in the document (ids are unique across the file)
        ids = self._document_ids()
        self.order: dict[str, int] = dict(zip(ids, range(len(ids)), strict=True))

    def _index_steps(self, lane_kinds: dict[str, LaneKind]) -> None:
        lane_kind, in_lane, of_kind = self.lane_kind, self.in_lane, self.of_kind
        cards = self.evidence_cards
        custom, evidence_lane, evidence_kind = (
            LaneKind.CUSTOM,
            LaneKind.PHYSICAL_EVIDENCE,
            StepKind.EVIDENCE,
        )
        for step in self.steps:
            kind = lane_kinds.get(step.lane, custom)
            lane_kind[step.id] = kind
            in_lane[kind].append(step)
            of_kind[step.kind].append(step)
            if kind is evidence_lane or step.kind is evidence_kind:
                cards.add(step.id)

    def _index_flows(self) -> None:
        outgoing, incoming, by_kind = self.outgoing, self.incoming, self.of_flow_kind
        for flow in self.flows:
            by_kind[flow.kind].append(flow)
            out, into = outgoing.get(flow.source), incoming.get(flow.target)
            if out is None or into is None:
                continue
            out.append(flow)
            into.append(flow)

    def _document_ids(self) -> list[str]:
        bp = self.blueprint
        return [
            *(lane.id for lane in bp.lanes),
            *(phase.id for phase in bp.phases),
            *self.step_by_id,
            *(flow.id for flow in bp.flows),
            *(note.id for note in bp.notes),
        ]

    # -- small helpers used by many rules ---------------------------------------------------

    def title(self, item_id: str) -> str:
        """A step's (or lane's, phase's) title for a message: the id when empty, cut when long."""
        cached = self._titles.get(item_id)
        if cached is None:
            cached = self._titles[item_id] = self._make_title(item_id)
        return cached

    def _make_title(self, item_id: str) -> str:
        step = self.step_by_id.get(item_id)
        text = step.title.strip() if step is not None else self._other_title(item_id)
        text = " ".join(text.split()) or item_id
        return text if len(text) <= TITLE_LIMIT else text[: TITLE_LIMIT - 1] + "…"

    def _other_title(self, item_id: str) -> str:
        for items in (self.blueprint.lanes, self.blueprint.phases):
            for item in items:
                if item.id == item_id:
                    return item.title
        return item_id

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """A value computed once per run and shared by the rules that need it."""
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    def position(self, item_id: str) -> int:
        """Document order of an item (unknown ids last), for deterministic output."""
        return self.order.get(item_id, len(self.order))

    def process_out(self, step_id: str) -> list[Flow]:
        return [f for f in self.outgoing.get(step_id, ()) if f.kind is not FlowKind.EVIDENCE]

    def process_in(self, step_id: str) -> list[Flow]:
        return [f for f in self.incoming.get(step_id, ()) if f.kind is not FlowKind.EVIDENCE]

    def has_evidence(self, step_id: str) -> bool:
        """Whether an evidence card is tied to the step by an evidence link, or stands in its
        column (Bitner's and NN/g's blueprints draw the evidence above its step, unlinked)."""
        return step_id in self.with_evidence or bool(
            self.in_column(step_id, LaneKind.PHYSICAL_EVIDENCE)
        )

    @cached_property
    def with_evidence(self) -> set[str]:
        """Steps that an evidence link ties to an evidence card."""
        cards, found = self.evidence_cards, set()
        for flow in self.of_flow_kind[FlowKind.EVIDENCE]:
            if flow.source in cards and flow.target not in cards:
                found.add(flow.target)
            elif flow.target in cards and flow.source not in cards:
                found.add(flow.source)
        return found

    def steps_of_kind(self, kind: StepKind) -> list[str]:
        """Ids of the process steps of a kind (evidence cards left out)."""
        cards = self.evidence_cards
        return [s.id for s in self.of_kind[kind] if s.id not in cards]

    # -- graph analyses, computed at most once -----------------------------------------------

    @cached_property
    def process(self) -> Process:
        """The blueprint's process facts, shared by the rules of this run."""
        return Process(self.blueprint)

    @property
    def graph(self) -> nx.DiGraph:
        """The process graph: ordinary and recovery flows between steps, no evidence links."""
        return self.process.graph

    @property
    def journey(self) -> Journey | None:
        """The customer's longest journey from a customer start to a customer end."""
        return self.process.journey

    @cached_property
    def starts(self) -> list[str]:
        return self.steps_of_kind(StepKind.START)

    @cached_property
    def ends(self) -> list[str]:
        return self.steps_of_kind(StepKind.END)

    @cached_property
    def reachable_from_start(self) -> set[str]:
        """Customer-induced steps a start reaches (two-way flows count both ways)."""
        return self.process.reached

    @cached_property
    def reaches_end(self) -> set[str]:
        """Customer-induced steps from which an end can be reached."""
        return self.process.reaching_end

    @cached_property
    def independent(self) -> set[str]:
        """Process steps marked customer-independent (below the line of order penetration)."""
        cards = self.evidence_cards
        return {s.id for s in self.steps if s.customer_independent and s.id not in cards}

    @cached_property
    def layered(self) -> bool:
        """Drawn in the layered style: steps but no ordinary or recovery flow at all (evidence
        links tie cards to steps; they carry no order of work). Each column is one moment."""
        kinds = self.of_flow_kind
        return bool(self.steps) and not kinds[FlowKind.FLOW] and not kinds[FlowKind.RECOVERY]

    @cached_property
    def touchpoint_row(self) -> bool:
        """A layered blueprint with no evidence card but frontstage cards: its frontstage row
        holds the touchpoints (places, objects, screens), as 18F's and many workshop templates
        do."""
        return self.layered and not self.evidence_cards and bool(self.in_lane[LaneKind.FRONTSTAGE])

    @cached_property
    def trapped_loops(self) -> list[list[str]]:
        """Loops (strongly connected groups of 2+ customer-induced steps) with no flow out and
        no end inside.

        Such a loop cannot reach an end, so only the steps that cannot are handed to networkx:
        on a sound blueprint that is almost none, which keeps this cheap.
        """
        process, reaching_end = self.process, self.reaches_end
        stuck = [sid for sid in process.induced if sid not in reaching_end]
        if not stuck:
            return []
        adjacency, inside = process.adjacency, set(stuck)
        # where each stuck step leads: its successors, and back along two-way flows
        leads = {
            sid: [
                *adjacency.succ[sid],
                *(p for p, data in adjacency.pred[sid].items() if data[TWO_WAY]),
            ]
            for sid in stuck
        }
        small = nx.DiGraph()
        small.add_nodes_from(stuck)
        small.add_edges_from((u, v) for u in stuck for v in leads[u] if v in inside)
        loops = []
        for component in nx.strongly_connected_components(small):
            if len(component) < 2:
                continue
            if all(target in component for node in component for target in leads[node]):
                loops.append(sorted(component, key=self.position))
        loops.sort(key=lambda loop: self.position(loop[0]))
        return loops

    # -- columns: one moment of the journey, read top to bottom ------------------------------

    @cached_property
    def _columns(self) -> dict[LaneKind, list[tuple[float, str]]]:
        """Per lane kind, the (x, id) of its cards with a layout, sorted by x."""
        found: dict[LaneKind, list[tuple[float, str]]] = {kind: [] for kind in LaneKind}
        for step in self.steps:
            if step.layout is not None:
                found[self.lane_kind[step.id]].append((step.layout.x, step.id))
        for cards in found.values():
            cards.sort()
        return found

    def in_column(self, step_id: str, lane: LaneKind) -> list[str]:
        """The cards of a lane kind in the step's column: laid out less than half a card's
        width away from it, or, for a step without layout in a layered blueprint, in its
        phase."""
        step = self.step_by_id[step_id]
        if step.layout is None:
            if not self.layered or step.phase is None:
                return []
            return [s.id for s in self.in_lane[lane] if s.phase == step.phase and s.id != step_id]
        cards, x, reach = self._columns[lane], step.layout.x, CARD_WIDTH / 2
        first = bisect_left(cards, (x - reach, ""))
        found = []
        for other_x, other in cards[first:]:
            if other_x - x >= reach:
                break
            if other != step_id:
                found.append(other)
        return found
