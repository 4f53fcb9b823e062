"""Structure: is the drawing well formed (lanes, kinds, titles, duplicates, layout)?"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import pairwise

from blueprint_app.analysis.extent import FAR_GAP, far_steps
from blueprint_app.model.blueprint import FlowKind, LaneKind, StepKind
from blueprint_app.validation.context import Context
from blueprint_app.validation.findings import Severity
from blueprint_app.validation.geometry import CARD_WIDTH
from blueprint_app.validation.registry import Hit, rule
from blueprint_app.validation.terms import Term

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@rule(
    "BP001",
    "self-loop",
    WARNING,
    family="structure",
    description="A flow whose source and target are the same step says nothing about the "
    "order of work. A warning: a repeat drawn as an arrow round one card is a drawing habit, "
    "not a contradiction. Source: Shostack 1984 (flowchart conventions).",
    bad="Flow f1: “Order a drink” → “Order a drink”",
    good="Flow f1: “Order a drink” → “Take order”",
)
def self_loop(ctx: Context) -> Iterator[Hit]:
    for flow in ctx.flows:
        if flow.source == flow.target:
            yield Hit((flow.id, flow.source), {"step": ctx.title(flow.source)})


@rule(
    "BP002",
    "evidence-outside-evidence-lane",
    WARNING,
    family="structure",
    description="Evidence cards show what the customer sees or touches; they belong in the "
    "physical-evidence lane. A warning: the card is still read as evidence wherever it sits. "
    "Source: Bitner, Ostrom & Morgan 2008 (the evidence row on top).",
    bad="Evidence card “Receipt” in the frontstage lane",
    good="Evidence card “Receipt” in the physical-evidence lane",
)
def evidence_outside_lane(ctx: Context) -> Iterator[Hit]:
    for step in ctx.of_kind[StepKind.EVIDENCE]:
        if ctx.lane_kind[step.id] is not LaneKind.PHYSICAL_EVIDENCE:
            yield Hit(
                (step.id, step.lane), {"step": ctx.title(step.id), "lane": ctx.title(step.lane)}
            )


@rule(
    "BP003",
    "non-evidence-in-evidence-lane",
    WARNING,
    family="structure",
    description="A card in the physical-evidence lane that is not of kind evidence is treated "
    "as evidence anyway; mark it so, or move it to the lane where the work happens. Source: "
    "Bitner, Ostrom & Morgan 2008.",
    bad="Action “Hand out menu” in the physical-evidence lane",
    good="Evidence “Menu” in the physical-evidence lane, action “Hand out menu” in frontstage",
)
def non_evidence_in_lane(ctx: Context) -> Iterator[Hit]:
    for step in ctx.in_lane[LaneKind.PHYSICAL_EVIDENCE]:
        if step.kind is not StepKind.EVIDENCE:
            yield Hit((step.id,), {"step": ctx.title(step.id), "kind": Term(step.kind.value)})


@rule(
    "BP004",
    "start-end-outside-customer-lane",
    WARNING,
    family="structure",
    description="A blueprint is drawn from the customer's point of view: the journey starts "
    "and ends with something the customer does. Not checked when the customer lane is empty "
    "(Shostack 1984 draws no customer row; BP014 then says so once). Source: Bitner, Ostrom "
    "& Morgan 2008.",
    bad="Start “Open the store” in the backstage lane",
    good="Start “Walk in” in the customer lane",
)
def start_end_outside_customer(ctx: Context) -> Iterator[Hit]:
    if not any(s.id not in ctx.evidence_cards for s in ctx.in_lane[LaneKind.CUSTOMER]):
        return  # no customer step at all: BP014 says so once
    for step in sorted(
        ctx.of_kind[StepKind.START] + ctx.of_kind[StepKind.END], key=lambda s: ctx.position(s.id)
    ):
        if ctx.lane_kind[step.id] is not LaneKind.CUSTOMER:
            yield Hit((step.id,), {"step": ctx.title(step.id), "kind": Term(step.kind.value)})


@rule(
    "BP005",
    "empty-title",
    WARNING,
    family="structure",
    description="A card, lane or phase without text means nothing to the reader of the "
    "blueprint or of the process spec. Source: Shostack 1984.",
    bad="Step s7 with title “”",
    good="Step s7 with title “Check ID”",
)
def empty_title(ctx: Context) -> Iterator[Hit]:
    bp = ctx.blueprint
    for what, items in (("lane", bp.lanes), ("phase", bp.phases), ("step", bp.steps)):
        for item in items:
            if not item.title.strip():
                yield Hit((item.id,), {"what": Term(what), "id": item.id})


@rule(
    "BP006",
    "duplicate-flow",
    WARNING,
    family="structure",
    description="Two flows of the same kind between the same two steps draw one line twice. "
    "Source: drawing hygiene (no literature needed).",
    bad="f1 and f2 both flow “Order” → “Take order”",
    good="Only f1 flows “Order” → “Take order”",
)
def duplicate_flow(ctx: Context) -> Iterator[Hit]:
    if len({(f.source, f.target, f.kind) for f in ctx.flows}) == len(ctx.flows):
        return  # the common case, decided by one set comprehension
    groups: dict[tuple[str, str, FlowKind], list[str]] = defaultdict(list)
    for flow in ctx.flows:
        groups[(flow.source, flow.target, flow.kind)].append(flow.id)
    for (source, target, _kind), ids in groups.items():
        if len(ids) > 1:
            yield Hit(
                (*ids, source, target),
                {"source": ctx.title(source), "target": ctx.title(target), "count": len(ids)},
            )


@rule(
    "BP007",
    "phase-without-customer-step",
    WARNING,
    family="structure",
    description="Phases are stages of the customer's journey; a phase in which the customer "
    "does nothing is not part of it. Source: NN/g Gibbons 2017 (phases of the journey on "
    "top).",
    bad="Phase “Follow-up” holds only backstage steps",
    good="Phase “Follow-up” holds the customer step “Read the survey”",
)
def phase_without_customer(ctx: Context) -> Iterator[Hit]:
    with_customer = {s.phase for s in ctx.in_lane[LaneKind.CUSTOMER]}
    for phase in ctx.blueprint.phases:
        if phase.id not in with_customer:
            yield Hit((phase.id,), {"phase": ctx.title(phase.id)})


@rule(
    "BP008",
    "overlapping-cards",
    WARNING,
    family="structure",
    description=f"Two cards in the same lane and row closer than a card's width "
    f"({CARD_WIDTH:g} units) hide each other on the canvas and in exports. Source: drawing "
    "hygiene.",
    bad="“Order” at x=100 and “Pay” at x=180, same lane, row 0",
    good="“Order” at x=100 and “Pay” at x=300, same lane, row 0",
)
def overlapping_cards(ctx: Context) -> Iterator[Hit]:
    rows: dict[tuple[str, int], list[tuple[float, int, str]]] = defaultdict(list)
    for index, step in enumerate(ctx.steps):
        if step.layout is not None:
            rows[(step.lane, step.layout.row)].append((step.layout.x, index, step.id))
    for cards in rows.values():
        cards.sort()
        for (x1, _, left), (x2, _, right) in pairwise(cards):
            if x2 - x1 < CARD_WIDTH:
                yield Hit((left, right), {"first": ctx.title(left), "second": ctx.title(right)})


@rule(
    "BP013",
    "card-far-away",
    WARNING,
    family="structure",
    description=f"A card more than {FAR_GAP:,.0f} units from every other card (a coordinate "
    "typed or scripted wrong) stretches the canvas and every picture to reach it. Arrange "
    "puts it back among the others. Source: drawing hygiene.",
    bad="“Pay” at x=-100000000, the other cards between x=0 and x=2000",
    good="“Pay” at x=2200, beside the others",
)
def card_far_away(ctx: Context) -> Iterator[Hit]:
    for step_id in far_steps(ctx.steps):
        yield Hit((step_id,), {"step": ctx.title(step_id)})


@rule(
    "BP009",
    "step-without-phase",
    WARNING,
    family="structure",
    description="Every step sits in a phase of the journey, so the reader knows when it "
    "happens. Only checked when the blueprint has phases (a phase id that names no phase is "
    "BP016's). Source: NN/g Gibbons 2017.",
    bad="Step “Pay” with no phase, phases “Order” and “Collect” exist",
    good="Step “Pay” in phase “Order”",
)
def step_without_phase(ctx: Context) -> Iterator[Hit]:
    if not ctx.blueprint.phases:
        return
    for step in ctx.steps:
        if step.phase is None:  # an unknown phase is BP016's
            yield Hit((step.id,), {"step": ctx.title(step.id)})


@rule(
    "BP010",
    "evidence-link-without-evidence",
    WARNING,
    family="structure",
    description="An evidence link ties one evidence card to the step it belongs to; between "
    "two ordinary steps (or two evidence cards) it means nothing. Source: this file format "
    "(docs/FORMAT.md).",
    bad="Evidence link “Order” → “Take order”",
    good="Evidence link “Menu board” → “Order”",
)
def evidence_link_without_evidence(ctx: Context) -> Iterator[Hit]:
    cards = ctx.evidence_cards
    for flow in ctx.of_flow_kind[FlowKind.EVIDENCE]:
        if (flow.source in cards) == (flow.target in cards):
            yield Hit(
                (flow.id, flow.source, flow.target),
                {"source": ctx.title(flow.source), "target": ctx.title(flow.target)},
            )


@rule(
    "BP011",
    "evidence-card-in-process",
    WARNING,
    family="structure",
    description="Evidence cards are not steps of the work; tie them with an evidence link, not "
    "with an ordinary or recovery flow. Source: Bitner, Ostrom & Morgan 2008 (evidence is "
    "what the customer sees, not work).",
    bad="Flow (kind flow) “Menu board” → “Order”",
    good="Flow (kind evidence) “Menu board” → “Order”",
)
def evidence_card_in_process(ctx: Context) -> Iterator[Hit]:
    cards = ctx.evidence_cards
    touching = {
        f.id: f
        for card in cards
        for f in (*ctx.outgoing.get(card, ()), *ctx.incoming.get(card, ()))
    }
    for flow in sorted(touching.values(), key=lambda f: ctx.position(f.id)):
        if flow.kind is not FlowKind.EVIDENCE:
            card = flow.source if flow.source in cards else flow.target
            yield Hit((flow.id, card), {"step": ctx.title(card)})


@rule(
    "BP012",
    "recovery-not-from-fail-point",
    INFO,
    family="structure",
    description="A recovery flow is the path taken when a fail point fails; it should leave a "
    "step marked as a fail point (or continue a recovery). Source: Shostack 1984 (fail "
    "points and their recovery).",
    bad="Recovery flow from “Take order” (not a fail point)",
    good="Recovery flow from “Make the drink” (a fail point)",
)
def recovery_not_from_fail_point(ctx: Context) -> Iterator[Hit]:
    recovery = ctx.of_flow_kind[FlowKind.RECOVERY]
    recovered = {f.target for f in recovery}
    for flow in recovery:
        if flow.source in recovered:
            continue
        source = ctx.step_by_id.get(flow.source)
        if source is not None and not source.fail_point:
            yield Hit((flow.id, flow.source), {"step": ctx.title(flow.source)})


@rule(
    "BP014",
    "empty-customer-lane",
    WARNING,
    family="structure",
    description="A service blueprint is drawn from the customer's point of view: with steps "
    "but none in a customer lane (or no customer lane at all) it is a process chart, and "
    "every customer check is void. Source: Bitner, Ostrom & Morgan 2008; Shostack 1984.",
    bad="Steps only in the frontstage and backstage lanes",
    good="The customer's actions in the customer lane, the staff's below",
)
def empty_customer_lane(ctx: Context) -> Iterator[Hit]:
    cards = ctx.evidence_cards
    if len(cards) == len(ctx.steps):
        return  # nothing but evidence (or nothing at all) drawn yet
    if any(s.id not in cards for s in ctx.in_lane[LaneKind.CUSTOMER]):
        return
    lanes = [lane.id for lane in ctx.blueprint.lanes if lane.kind is LaneKind.CUSTOMER]
    yield Hit(tuple(lanes[:1]), variant="" if lanes else "no_lane")


@rule(
    "BP015",
    "no-physical-evidence",
    WARNING,
    family="structure",
    description="The customer's steps are drawn but no physical evidence at all: what the "
    "customer sees, touches and receives is one of the five parts of a blueprint, and the "
    "part the customer judges the service by. Not reported on a layered blueprint whose "
    "frontstage row holds the touchpoints (18F). Source: Bitner, Ostrom "
    "& Morgan 2008; Shostack 1984.",
    bad="Customer steps “Order” and “Pay”, the evidence lane empty",
    good="The evidence cards “Menu” and “Receipt” above “Order” and “Pay”",
)
def no_physical_evidence(ctx: Context) -> Iterator[Hit]:
    customer = [s.id for s in ctx.in_lane[LaneKind.CUSTOMER] if s.id not in ctx.evidence_cards]
    if customer and not ctx.evidence_cards and not ctx.touchpoint_row:
        lanes = [lane.id for lane in ctx.blueprint.lanes if lane.kind is LaneKind.PHYSICAL_EVIDENCE]
        yield Hit(tuple(lanes[:1]))


@rule(
    "BP016",
    "reference-to-nothing",
    ERROR,
    family="structure",
    description="A flow whose source or target, a step whose lane or phase, or a note whose "
    "step is no item of the blueprint: the blueprint contradicts itself. Files with such a "
    "reference are refused when loaded; this catches a document changed in memory (by a "
    "script or a plug-in). Source: this file format (docs/FORMAT.md, references).",
    bad="Flow f1: “Walk in” → “ghost”, and no step has the id ghost",
    good="Flow f1: “Walk in” → “Order”",
)
def reference_to_nothing(ctx: Context) -> Iterator[Hit]:
    bp, steps = ctx.blueprint, ctx.step_by_id
    lanes, phases = {lane.id for lane in bp.lanes}, {phase.id for phase in bp.phases}
    for step in bp.steps:
        if step.lane not in lanes:
            yield Hit(
                (step.id,), {"what": Term("lane"), "id": step.lane, "item": ctx.title(step.id)}
            )
        if step.phase is not None and step.phase not in phases:
            yield Hit(
                (step.id,), {"what": Term("phase"), "id": step.phase, "item": ctx.title(step.id)}
            )
    for flow in bp.flows:
        for end in (flow.source, flow.target):
            if end not in steps:
                yield Hit((flow.id,), {"what": Term("step"), "id": end, "item": flow.id})
    for note in bp.notes:
        if note.attached_to is not None and note.attached_to not in steps:
            yield Hit((note.id,), {"what": Term("step"), "id": note.attached_to, "item": note.id})
