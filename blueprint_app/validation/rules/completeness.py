"""Flow completeness: does every path start, go somewhere and end?"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

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
    "(checked once a flowchart-style blueprint has steps; a layered blueprint, with no flows, "
    "reads left to right by its columns). An error: the arrows drawn lead from nowhere. "
    "Source: Shostack 1984 (a blueprint is a flowchart with a beginning and an end).",
    bad="Steps “Order” → “Pay” → “Leave (end)”",
    good="Steps “Walk in (start)” → “Order” → “Pay” → “Leave (end)”",
)
def no_start(ctx: Context) -> Iterator[Hit]:
    if not ctx.starts and _has_process_steps(ctx) and not ctx.layered:
        yield Hit(())


@rule(
    "BP021",
    "no-end",
    ERROR,
    family="completeness",
    description="Without an end step the journey never finishes: nobody can say when the "
    "service is done. Not checked on a layered blueprint (no flows). Source: Shostack 1984.",
    bad="Steps “Walk in (start)” → “Order” → “Pay”",
    good="Steps “Walk in (start)” → “Order” → “Pay” → “Leave (end)”",
)
def no_end(ctx: Context) -> Iterator[Hit]:
    if not ctx.ends and _has_process_steps(ctx) and not ctx.layered:
        yield Hit(())


def _connected_process_steps(ctx: Context) -> list[str]:
    """Customer-induced process steps with at least one flow (isolated ones are BP024's);
    shared by two rules. Steps marked customer-independent are never on the customer's
    journey, so no journey check applies to them."""
    return ctx.memo(
        "connected_process_steps",
        lambda: [
            step.id
            for step in ctx.steps
            if (ctx.outgoing[step.id] or ctx.incoming[step.id])
            and step.id not in ctx.evidence_cards
            and not step.customer_independent
        ],
    )


def _off_journey(ctx: Context, step_id: str) -> Hit:
    """A finding on a step off the customer's journey: behind the line of visibility it is
    probably customer-independent work, and the hint says how to mark it."""
    hidden = ctx.lane_kind[step_id] in (LaneKind.BACKSTAGE, LaneKind.SUPPORT)
    return Hit((step_id,), {"step": ctx.title(step_id)}, variant="hidden" if hidden else "")


#: Fließ & Kleinaltenkamp's line of order penetration, cited by the rules that respect it.
ORDER_PENETRATION = (
    "Steps marked customer-independent (work below Fließ & Kleinaltenkamp's line of order "
    "penetration: preparation, follow-up) are not checked"
)


@rule(
    "BP022",
    "unreachable-step",
    WARNING,
    family="completeness",
    description="A customer-induced step that no path from a start leads to never happens "
    "for the customer. Ordinary and recovery flows count, two-way flows both ways; evidence "
    "links do not. A warning, not an error: the customer's journey itself may be whole (BP033 "
    "says when it is not). Behind the line of visibility such a step is usually preparation "
    "done regardless of any one customer, and the hint says to mark it so. "
    + ORDER_PENETRATION
    + ". Source: Fließ & Kleinaltenkamp 2004; Shostack 1984.",
    bad="“Walk in (start)” → “Order”; “Refill” has a flow to “Leave” but none into it",
    good="“Walk in (start)” → “Order” → “Refill” → “Leave”",
)
def unreachable_step(ctx: Context) -> Iterator[Hit]:
    if not ctx.process.starts or ctx.layered:
        return
    reached = ctx.reachable_from_start
    for step_id in _connected_process_steps(ctx):
        if step_id not in reached:
            yield _off_journey(ctx, step_id)


@rule(
    "BP023",
    "dead-end",
    WARNING,
    family="completeness",
    description="A customer or frontstage step from which no end can be reached leaves the "
    "customer stranded. Recovery flows count as a way out, and so does a two-way flow back "
    "to the step it answers. Work behind the line of visibility is not checked: a backstage "
    "or support step the journey sets off and that leads nowhere further is the last step of "
    "its branch (the order recorded, a system answering the clerk), and one that no start "
    "reaches is BP022's. Follow-up after an end (seeing the guest off, clearing the table) "
    "is customer-induced work after the journey, not a dead end. Steps inside a loop with no "
    "way out are reported by BP025, a start that reaches no end by BP033 (an error). "
    + ORDER_PENETRATION
    + ". Source: Fließ & Kleinaltenkamp 2004 (customer-induced follow-up); Bitner, Ostrom & "
    "Morgan 2008 (two-headed arrows).",
    bad="“Take order” → “Refill” (frontstage), and “Refill” leads nowhere",
    good="“Take order” → “Refill” → “Serve” → … → “Leave (end)”",
)
def dead_end(ctx: Context) -> Iterator[Hit]:
    process = ctx.process
    if not process.ends or ctx.layered:
        return
    reaching = ctx.reaches_end
    trapped = {step for loop in ctx.trapped_loops for step in loop}
    reported = set(_never_ending_starts(ctx))
    follow_up = process.walk(process.ends, forward=True)
    seen, kinds = (LaneKind.CUSTOMER, LaneKind.FRONTSTAGE), ctx.lane_kind
    for step_id in _connected_process_steps(ctx):
        if (
            step_id not in reaching
            and kinds[step_id] in seen
            and step_id not in trapped
            and step_id not in reported
            and step_id not in follow_up
        ):
            yield Hit((step_id,), {"step": ctx.title(step_id)})


@rule(
    "BP024",
    "isolated-step",
    WARNING,
    family="completeness",
    description="In a flowchart-style blueprint, a card with no flows at all is not part of "
    "the service. An evidence card belongs to a step by an evidence link or by standing in "
    "the step's column. Cards in custom lanes (emotions, metrics, policies, …) may stand alone "
    "as annotations. Not checked on a layered blueprint (no flows by design: each column is "
    "one moment). " + ORDER_PENETRATION + ". Source: NN/g Gibbons 2017 (layered style); "
    "Fließ & Kleinaltenkamp 2004.",
    bad="“Hand out menus” with no flow in or out",
    good="“Queue” → “Hand out menus” → “Order”",
)
def isolated_step(ctx: Context) -> Iterator[Hit]:
    if ctx.layered:
        return
    outgoing, incoming, lane_kind = ctx.outgoing, ctx.incoming, ctx.lane_kind
    cards, seen = ctx.evidence_cards, (LaneKind.CUSTOMER, LaneKind.FRONTSTAGE)
    for step in ctx.steps:
        if (
            outgoing[step.id]
            or incoming[step.id]
            or lane_kind[step.id] is LaneKind.CUSTOM
            or step.customer_independent
        ):
            continue
        if step.id in cards and any(ctx.in_column(step.id, lane) for lane in seen):
            continue  # evidence drawn above the step it belongs to
        yield _off_journey(ctx, step.id)


@rule(
    "BP025",
    "trapped-loop",
    WARNING,
    family="completeness",
    description="Customer-induced steps that lead only to each other, with no flow out of the "
    "loop and no end inside it, go round for ever. A warning: when the loop is on the "
    "customer's journey, BP033 reports the broken journey as an error. A two-way flow is no "
    "loop of its own unless nothing else leaves it. " + ORDER_PENETRATION + ". Source: "
    "Shostack 1984.",
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
    description="A decision chooses between paths: it needs at least two outgoing flows. An "
    "error, because the blueprint contradicts itself: a choice with one way. Not checked on "
    "a layered blueprint (no flows by design). Source: Shostack 1984 (flowchart decisions).",
    bad="Decision “ID valid?” → “Open account” only",
    good="Decision “ID valid?” → “Open account” (yes), → “Ask for another ID” (no)",
)
def decision_too_few_branches(ctx: Context) -> Iterator[Hit]:
    if ctx.layered:
        return
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
    "reader knows which way to go. Source: Shostack 1984.",
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
    description="Two branches of one decision with the same label leave the choice open. "
    "Source: Shostack 1984.",
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
    "wait or a step the customer takes. Only customer-induced steps count; a two-way flow "
    "counts both ways. Source: Bitner, Ostrom & Morgan 2008 (customer actions read in "
    "sequence).",
    bad="“Order” → “Take order” → (backstage) “Make” → “Hand over” → “Leave (end)”: nothing "
    "the customer does or meets joins “Take order” to “Hand over”",
    good="“Order” → “Wait for the drink” → “Hand over” → “Leave (end)”",
)
def customer_path_broken(ctx: Context) -> Iterator[Hit]:
    cards, independent = ctx.evidence_cards, ctx.independent
    customer = [
        s.id
        for s in ctx.in_lane[LaneKind.CUSTOMER]
        if s.id not in cards and s.id not in independent
    ]
    visible = set(customer).union(
        s.id
        for s in ctx.in_lane[LaneKind.FRONTSTAGE]
        if s.id not in cards and s.id not in independent
    )
    starts = [s for s in ctx.starts if ctx.lane_kind[s] is LaneKind.CUSTOMER]
    ends = [s for s in ctx.ends if ctx.lane_kind[s] is LaneKind.CUSTOMER]
    if not starts or not ends or ctx.layered:
        return
    walk = ctx.process.walk
    ahead = walk(starts, True, visible)
    if not ahead.intersection(ends):
        pred = ctx.process.adjacency.pred
        into_customer = sorted({p for c in customer for p in pred[c] if p in visible})
        leads_on = walk(into_customer, False, visible)
        stops = [s for s in customer if s in ahead and s not in leads_on] or starts
        yield Hit(tuple(stops), {"step": ctx.title(stops[-1])}, variant="broken")
        return
    on_path = ahead & walk(ends, False, visible)
    for step_id in customer:
        if step_id not in on_path:
            yield Hit((step_id,), {"step": ctx.title(step_id)})


@rule(
    "BP030",
    "start-with-incoming-flow",
    WARNING,
    family="completeness",
    description="A start step begins the journey; a flow into it usually means the wrong kind "
    "of step or a loop that should return to a later step. A two-way flow at a start is an "
    "interaction (the customer's call answered), not a way in. Source: Shostack 1984; Bitner, "
    "Ostrom & Morgan 2008 (two-headed arrows).",
    bad="“Pay” → “Walk in (start)”",
    good="“Pay” → “Order again”",
)
def start_with_incoming(ctx: Context) -> Iterator[Hit]:
    for step_id in ctx.starts:
        flows = [f for f in ctx.process_in(step_id) if not f.two_way]
        if flows:
            yield Hit((step_id, *(f.id for f in flows)), {"step": ctx.title(step_id)})


@rule(
    "BP031",
    "end-with-outgoing-flow",
    WARNING,
    family="completeness",
    description="An end step finishes the journey; a flow leaving it that leads the customer "
    "on to another customer step means the journey goes on and the step is not really the "
    "end. Flows from the end into staff follow-up (seeing the guest off, clearing the table) "
    "that never come back to the customer are customer-induced work after the journey and "
    "fine; so is a two-way flow at an end, an interaction (the customer hands back the key "
    "and gets the bill). Source: Shostack 1984; Fließ & Kleinaltenkamp 2004 (follow-up); "
    "Bitner, Ostrom & Morgan 2008 (two-headed arrows).",
    bad="“Leave (end)” → “Send survey” → “Answer the survey” (customer)",
    good="“Leave (end)” → “Clear the table” (backstage)",
)
def end_with_outgoing(ctx: Context) -> Iterator[Hit]:
    kinds, walk = ctx.lane_kind, ctx.process.walk
    for step_id in ctx.ends:
        flows = [
            f
            for f in ctx.process_out(step_id)
            if not f.two_way
            and any(
                kinds[later] is LaneKind.CUSTOMER and later != step_id
                for later in walk([f.target], forward=True)
            )
        ]
        if flows:
            yield Hit((step_id, *(f.id for f in flows)), {"step": ctx.title(step_id)})


@rule(
    "BP032",
    "layered-blueprint",
    INFO,
    family="completeness",
    description="A blueprint with steps but no ordinary or recovery flow (evidence links do "
    "not count) is drawn in the layered style: each column is one moment of the journey and "
    "the cards stacked in it are what happens at every layer. It is checked as such: the flow "
    "checks (BP020–BP026, BP029, BP060) are skipped and the column checks of BP041, BP042 "
    "and BP043 look at each customer step's column instead. Source: NN/g Gibbons 2017; 18F "
    "Methods.",
    bad="(listed) Cards in columns, no flows",
    good="Cards joined by flows (flowchart style)",
)
def layered_blueprint(ctx: Context) -> Iterator[Hit]:
    if ctx.layered and _has_process_steps(ctx):
        yield Hit((), {"count": len(ctx.steps)})


def _never_ending_starts(ctx: Context) -> list[str]:
    """Customer-induced starts from which no end can be reached (when there are ends)."""

    def find() -> list[str]:
        process = ctx.process
        if not process.ends or ctx.layered:
            return []
        reaching_end = ctx.reaches_end
        return [start for start in process.starts if start not in reaching_end]

    return ctx.memo("never_ending_starts", find)


@rule(
    "BP033",
    "journey-never-ends",
    ERROR,
    family="completeness",
    description="The customer's journey from a start cannot reach any end: the blueprint "
    "contradicts itself (a journey that is drawn to finish and never does). Only "
    "customer-induced steps count; ordinary and recovery flows lead on, two-way flows both "
    "ways. Source: Shostack 1984; Fließ & Kleinaltenkamp 2004.",
    bad="“Walk in (start)” → “Order” → “Take order”, and nothing leads on to “Leave (end)”",
    good="“Walk in (start)” → “Order” → “Take order” → “Serve” → “Leave (end)”",
)
def journey_never_ends(ctx: Context) -> Iterator[Hit]:
    for start in _never_ending_starts(ctx):
        yield Hit((start,), {"step": ctx.title(start)})


@rule(
    "BP034",
    "customer-independent-on-journey",
    INFO,
    family="completeness",
    description="A step is marked customer-independent (work below the line of order "
    "penetration, done regardless of any one customer), yet a customer's journey runs "
    "through it from a start to an end. Either the mark is wrong, or the journey should not "
    "wait for it. The journey and its time leave marked steps out. Source: Fließ & "
    "Kleinaltenkamp 2004.",
    bad="“Order” → “Make the sandwich” (marked customer-independent) → “Serve” → “Leave”",
    good="“Bake tomorrow's bread” (marked customer-independent) → “Stock the shelves”",
)
def customer_independent_on_journey(ctx: Context) -> Iterator[Hit]:
    independent = ctx.independent
    if not independent or ctx.layered:
        return
    process, cards = ctx.process, ctx.evidence_cards
    every = {s.id for s in ctx.steps if s.id not in cards}
    ahead = process.walk(ctx.starts, True, every)
    behind = process.walk(ctx.ends, False, every)
    for step in ctx.steps:
        if step.id in independent and step.id in ahead and step.id in behind:
            yield Hit((step.id,), {"step": ctx.title(step.id)})
