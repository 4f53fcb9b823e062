"""Flow completeness: does every path start, go somewhere and end?"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from blueprint_app.analysis.process import reachable, reaching
from blueprint_app.model.blueprint import Flow, FlowKind, LaneKind, StepKind
from blueprint_app.validation.context import Context
from blueprint_app.validation.findings import Severity
from blueprint_app.validation.registry import Hit, rule

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def _has_process_steps(ctx: Context) -> bool:
    return len(ctx.evidence_cards) < len(ctx.steps)


@rule(
    "BP020",
    "no-start",
    ERROR,
    family="completeness",
    description="Without a start step nobody can tell where the customer's journey begins "
    "(checked once the blueprint has steps).",
    bad="Steps “Order” → “Pay” → “Leave (end)”",
    good="Steps “Walk in (start)” → “Order” → “Pay” → “Leave (end)”",
)
def no_start(ctx: Context) -> Iterator[Hit]:
    if not ctx.starts and _has_process_steps(ctx):
        yield Hit(())


@rule(
    "BP021",
    "no-end",
    ERROR,
    family="completeness",
    description="Without an end step the journey never finishes: nobody can say when the "
    "service is done.",
    bad="Steps “Walk in (start)” → “Order” → “Pay”",
    good="Steps “Walk in (start)” → “Order” → “Pay” → “Leave (end)”",
)
def no_end(ctx: Context) -> Iterator[Hit]:
    if not ctx.ends and _has_process_steps(ctx):
        yield Hit(())


def _connected_process_steps(ctx: Context) -> list[str]:
    """Process steps with at least one flow (isolated ones are BP024's); shared by two rules."""
    return ctx.memo(
        "connected_process_steps",
        lambda: [
            step.id
            for step in ctx.steps
            if (ctx.outgoing[step.id] or ctx.incoming[step.id])
            and step.id not in ctx.evidence_cards
        ],
    )


@rule(
    "BP022",
    "unreachable-step",
    ERROR,
    family="completeness",
    description="A step that no path from a start leads to never happens. Ordinary and "
    "recovery flows count; evidence links do not.",
    bad="“Walk in (start)” → “Order”; “Refill” has a flow to “Leave” but none into it",
    good="“Walk in (start)” → “Order” → “Refill” → “Leave”",
)
def unreachable_step(ctx: Context) -> Iterator[Hit]:
    if not ctx.starts:
        return
    reached = ctx.reachable_from_start
    for step_id in _connected_process_steps(ctx):
        if step_id not in reached:
            yield Hit((step_id,), {"step": ctx.title(step_id)})


@rule(
    "BP023",
    "dead-end",
    ERROR,
    family="completeness",
    description="A step from which no end can be reached leaves the customer (or the work) "
    "stranded. Recovery flows count as a way out. Steps inside a loop with no way "
    "out are reported by BP025 instead.",
    bad="“Take order” → “Record in POS” and the POS leads nowhere",
    good="“Take order” → “Record in POS” → “Make the drink” → … → “Leave (end)”",
)
def dead_end(ctx: Context) -> Iterator[Hit]:
    if not ctx.ends:
        return
    reaching = ctx.reaches_end
    trapped = {step for loop in ctx.trapped_loops for step in loop}
    for step_id in _connected_process_steps(ctx):
        if step_id not in reaching and step_id not in trapped:
            yield Hit((step_id,), {"step": ctx.title(step_id)})


@rule(
    "BP024",
    "isolated-step",
    ERROR,
    family="completeness",
    description="A card with no flows at all is not part of the service (an evidence card "
    "needs an evidence link to the step it belongs to). Cards in custom lanes "
    "(emotions, metrics, policies, …) may stand alone as annotations.",
    bad="“Hand out menus” with no flow in or out",
    good="“Queue” → “Hand out menus” → “Order”",
)
def isolated_step(ctx: Context) -> Iterator[Hit]:
    outgoing, incoming, lane_kind = ctx.outgoing, ctx.incoming, ctx.lane_kind
    for step in ctx.steps:
        if (
            not outgoing[step.id]
            and not incoming[step.id]
            and lane_kind[step.id] is not LaneKind.CUSTOM
        ):
            yield Hit((step.id,), {"step": ctx.title(step.id)})


@rule(
    "BP025",
    "trapped-loop",
    ERROR,
    family="completeness",
    description="Steps that lead only to each other, with no flow out of the loop and no end "
    "inside it, go round for ever.",
    bad="“Explain” → “Ask again” → “Explain”, nothing else leaves",
    good="“Explain” → “Ask again” → “Explain”, and “Ask again” → “Agree” → “Sign (end)”",
)
def trapped_loop(ctx: Context) -> Iterator[Hit]:
    for loop in ctx.trapped_loops:
        yield Hit(
            tuple(loop), {"steps": " → ".join(ctx.title(s) for s in loop[:5]), "count": len(loop)}
        )


def _branches(ctx: Context, step_id: str) -> list[str]:
    return [f.id for f in ctx.outgoing[step_id] if f.kind is FlowKind.FLOW]


@rule(
    "BP026",
    "decision-too-few-branches",
    ERROR,
    family="completeness",
    description="A decision chooses between paths: it needs at least two outgoing flows.",
    bad="Decision “ID valid?” → “Open account” only",
    good="Decision “ID valid?” → “Open account” (yes), → “Ask for another ID” (no)",
)
def decision_too_few_branches(ctx: Context) -> Iterator[Hit]:
    for step_id in ctx.steps_of_kind(StepKind.DECISION):
        branches = _branches(ctx, step_id)
        if len(branches) < 2:
            yield Hit((step_id, *branches), {"step": ctx.title(step_id), "count": len(branches)})


@rule(
    "BP027",
    "unlabelled-branch",
    WARNING,
    family="completeness",
    description="Each branch of a decision carries its condition as the flow's label, so the "
    "reader knows which way to go.",
    bad="Decision “ID valid?” → “Open account” (no label)",
    good="Decision “ID valid?” → “Open account” (label “yes”)",
)
def unlabelled_branch(ctx: Context) -> Iterator[Hit]:
    for step_id in ctx.steps_of_kind(StepKind.DECISION):
        flows = [f for f in ctx.outgoing[step_id] if f.kind is FlowKind.FLOW]
        if len(flows) < 2:
            continue
        for flow in flows:
            if not flow.label.strip():
                yield Hit(
                    (flow.id, step_id, flow.target),
                    {"step": ctx.title(step_id), "target": ctx.title(flow.target)},
                )


@rule(
    "BP028",
    "duplicate-branch-label",
    WARNING,
    family="completeness",
    description="Two branches of one decision with the same label leave the choice open.",
    bad="Decision “Paid?” → “Serve” (yes), → “Remind” (yes)",
    good="Decision “Paid?” → “Serve” (yes), → “Remind” (no)",
)
def duplicate_branch_label(ctx: Context) -> Iterator[Hit]:
    for step_id in ctx.steps_of_kind(StepKind.DECISION):
        by_label: dict[str, list[Flow]] = defaultdict(list)
        for flow in ctx.outgoing[step_id]:
            if flow.kind is FlowKind.FLOW and flow.label.strip():
                by_label[" ".join(flow.label.casefold().split())].append(flow)
        for flows in by_label.values():
            if len(flows) > 1:
                yield Hit(
                    (step_id, *(f.id for f in flows)),
                    {"step": ctx.title(step_id), "label": flows[0].label.strip()},
                )


@rule(
    "BP029",
    "customer-path-broken",
    WARNING,
    family="completeness",
    description="The customer's own path (customer actions and the frontstage encounters "
    "between them) should lead from a start to an end without gaps, so the "
    "journey reads left to right as the customer lives it. A gap usually hides a "
    "wait or a step the customer takes.",
    bad="“Order” → “Take order” → (backstage) “Make” → “Hand over” → “Leave (end)”: nothing "
    "the customer does or meets joins “Take order” to “Hand over”",
    good="“Order” → “Wait for the drink” → “Hand over” → “Leave (end)”",
)
def customer_path_broken(ctx: Context) -> Iterator[Hit]:
    cards = ctx.evidence_cards
    customer = [s.id for s in ctx.in_lane[LaneKind.CUSTOMER] if s.id not in cards]
    visible = set(customer).union(
        s.id for s in ctx.in_lane[LaneKind.FRONTSTAGE] if s.id not in cards
    )
    starts = [s for s in ctx.starts if ctx.lane_kind[s] is LaneKind.CUSTOMER]
    ends = [s for s in ctx.ends if ctx.lane_kind[s] is LaneKind.CUSTOMER]
    if not starts or not ends:
        return
    seen = ctx.graph.subgraph(visible)
    ahead = reachable(seen, starts)
    if not ahead.intersection(ends):
        leads_on = reaching(seen, sorted({p for c in customer for p in seen.pred[c]}))
        stops = [s for s in customer if s in ahead and s not in leads_on] or starts
        yield Hit(tuple(stops), {"step": ctx.title(stops[-1])}, variant="broken")
        return
    on_path = ahead & reaching(seen, ends)
    for step_id in customer:
        if step_id not in on_path:
            yield Hit((step_id,), {"step": ctx.title(step_id)})


@rule(
    "BP030",
    "start-with-incoming-flow",
    WARNING,
    family="completeness",
    description="A start step begins the journey; a flow into it usually means the wrong kind "
    "of step or a loop that should return to a later step.",
    bad="“Pay” → “Walk in (start)”",
    good="“Pay” → “Order again”",
)
def start_with_incoming(ctx: Context) -> Iterator[Hit]:
    for step_id in ctx.starts:
        flows = ctx.process_in(step_id)
        if flows:
            yield Hit((step_id, *(f.id for f in flows)), {"step": ctx.title(step_id)})


@rule(
    "BP031",
    "end-with-outgoing-flow",
    WARNING,
    family="completeness",
    description="An end step finishes the journey; a flow leaving it means the journey goes "
    "on and the step is not really the end.",
    bad="“Leave (end)” → “Send survey”",
    good="“Leave” → “Send survey” → “Answer survey (end)”",
)
def end_with_outgoing(ctx: Context) -> Iterator[Hit]:
    for step_id in ctx.ends:
        flows = ctx.process_out(step_id)
        if flows:
            yield Hit((step_id, *(f.id for f in flows)), {"step": ctx.title(step_id)})
