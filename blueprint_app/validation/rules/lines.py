"""The three lines: interaction, visibility, internal interaction."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint_app.model.blueprint import FlowKind, LaneKind, StepKind
from blueprint_app.validation.context import Context
from blueprint_app.validation.findings import Severity
from blueprint_app.validation.registry import Hit, rule

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
HIDDEN = (LaneKind.BACKSTAGE, LaneKind.SUPPORT)
#: Customer steps that are actions of the customer (start, end and wait are not encounters).
CUSTOMER_ACTIONS = (StepKind.ACTION, StepKind.DECISION)


def _customer_actions(ctx: Context) -> Iterator[str]:
    for step in ctx.in_lane[LaneKind.CUSTOMER]:
        if step.kind in CUSTOMER_ACTIONS:
            yield step.id


def _touches(ctx: Context, step_id: str, lanes: tuple[LaneKind, ...]) -> bool:
    """Whether a process flow joins the step to a step in one of ``lanes``."""
    kinds = ctx.lane_kind
    return any(
        f.kind is not FlowKind.EVIDENCE and kinds.get(f.target) in lanes
        for f in ctx.outgoing[step_id]
    ) or any(
        f.kind is not FlowKind.EVIDENCE and kinds.get(f.source) in lanes
        for f in ctx.incoming[step_id]
    )


@rule(
    "BP040",
    "skips-line-of-visibility",
    ERROR,
    family="lines",
    description="The customer never deals with the backstage or support directly: a flow "
    "between the customer lane and those lanes skips the frontstage that should "
    "stand between them.",
    bad="“Order” (customer) → “Make the drink” (backstage)",
    good="“Order” (customer) → “Take order” (frontstage) → “Make the drink” (backstage)",
)
def skips_line_of_visibility(ctx: Context) -> Iterator[Hit]:
    kinds = ctx.lane_kind
    crossing = []
    for step in ctx.in_lane[LaneKind.CUSTOMER]:
        crossing += [f for f in ctx.outgoing[step.id] if kinds[f.target] in HIDDEN]
        crossing += [f for f in ctx.incoming[step.id] if kinds[f.source] in HIDDEN]
    for flow in sorted(crossing, key=lambda f: ctx.position(f.id)):
        if flow.kind is not FlowKind.EVIDENCE:
            yield Hit(
                (flow.id, flow.source, flow.target),
                {"source": ctx.title(flow.source), "target": ctx.title(flow.target)},
            )


@rule(
    "BP041",
    "customer-unattended",
    WARNING,
    family="lines",
    description="A customer action with no flow to or from the frontstage and no evidence "
    "card: nobody and nothing meets the customer there.",
    bad="“Find the counter” with flows only to other customer steps and no evidence",
    good="“Find the counter” with the evidence card “Signage”",
)
def customer_unattended(ctx: Context) -> Iterator[Hit]:
    for step_id in _customer_actions(ctx):
        if not _touches(ctx, step_id, (LaneKind.FRONTSTAGE,)) and not ctx.has_evidence(step_id):
            yield Hit((step_id,), {"step": ctx.title(step_id)})


@rule(
    "BP042",
    "frontstage-unsupported",
    INFO,
    family="lines",
    description="A frontstage action with nothing behind it in backstage or support: is "
    "there really no preparation, system or colleague behind it?",
    bad="“Greet the guest” with flows only to customer steps",
    good="“Greet the guest” → “Look up the booking” (backstage)",
)
def frontstage_unsupported(ctx: Context) -> Iterator[Hit]:
    for step in ctx.in_lane[LaneKind.FRONTSTAGE]:
        if step.kind is StepKind.ACTION and not _touches(ctx, step.id, HIDDEN):
            yield Hit((step.id,), {"step": ctx.title(step.id)})


@rule(
    "BP043",
    "customer-action-without-evidence",
    WARNING,
    family="lines",
    description="Every customer action has physical evidence: what the customer sees, "
    "touches or receives there (a screen, a sign, a receipt).",
    bad="“Pay” with no evidence card",
    good="“Pay” with the evidence card “Card terminal” tied by an evidence link",
)
def customer_without_evidence(ctx: Context) -> Iterator[Hit]:
    for step_id in _customer_actions(ctx):
        if not ctx.has_evidence(step_id):
            yield Hit((step_id,), {"step": ctx.title(step_id)})


@rule(
    "BP044",
    "evidence-behind-line-of-visibility",
    WARNING,
    family="lines",
    description="Evidence is what the customer sees; tied to a backstage or support step it "
    "is invisible to the customer by definition.",
    bad="Evidence link “Cup with name” → “Make the drink” (backstage)",
    good="Evidence link “Cup with name” → “Collect the drink” (customer)",
)
def evidence_behind_line(ctx: Context) -> Iterator[Hit]:
    cards, kinds = ctx.evidence_cards, ctx.lane_kind
    for flow in ctx.of_flow_kind[FlowKind.EVIDENCE]:
        for card, other in ((flow.source, flow.target), (flow.target, flow.source)):
            if card in cards and other not in cards and kinds.get(other) in HIDDEN:
                yield Hit(
                    (flow.id, card, other), {"card": ctx.title(card), "step": ctx.title(other)}
                )
