"""Roles: who does each step, and where work passes between people."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint_app.model.blueprint import FlowKind, LaneKind
from blueprint_app.validation.context import Context
from blueprint_app.validation.findings import Severity
from blueprint_app.validation.registry import Hit, rule

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@rule(
    "BP050",
    "missing-actor",
    INFO,
    family="roles",
    description="Frontstage and backstage steps are done by someone; naming the role tells "
    "each team what is theirs in the process spec. The frontstage of a layered blueprint "
    "without evidence cards is its touchpoint row (places, objects: 18F) and is not checked. "
    "Source: Shostack 1984 (who does what).",
    bad="Backstage step “Prepare the room” with no actor",
    good="Backstage step “Prepare the room”, actor “Housekeeping”",
)
def missing_actor(ctx: Context) -> Iterator[Hit]:
    # a layered blueprint's touchpoint row holds places and objects, not people's work
    front = [] if ctx.touchpoint_row else ctx.in_lane[LaneKind.FRONTSTAGE]
    staff = sorted(front + ctx.in_lane[LaneKind.BACKSTAGE], key=lambda s: ctx.position(s.id))
    for step in staff:
        if not step.actor.strip() and step.id not in ctx.evidence_cards:
            yield Hit((step.id,), {"step": ctx.title(step.id)})


@rule(
    "BP051",
    "handoff",
    INFO,
    family="roles",
    description="Work crossing the line of internal interaction to another actor is a "
    "hand-off to an internal customer; the process spec should say what is handed "
    "over. Source: Bitner, Ostrom & Morgan 2008 (line of internal interaction).",
    bad="(listed for the spec) “Take payment” (Cashier, backstage) → “Book payment” "
    "(Accounting, support)",
    good="“Take payment” (Cashier) → “Book payment” (Cashier)",
)
def handoff(ctx: Context) -> Iterator[Hit]:
    kinds, steps = ctx.lane_kind, ctx.step_by_id
    crossing = []
    for step in ctx.in_lane[LaneKind.BACKSTAGE]:
        crossing += [f for f in ctx.outgoing[step.id] if kinds[f.target] is LaneKind.SUPPORT]
        crossing += [f for f in ctx.incoming[step.id] if kinds[f.source] is LaneKind.SUPPORT]
    for flow in sorted(crossing, key=lambda f: ctx.position(f.id)):
        if flow.kind is FlowKind.EVIDENCE:
            continue
        before, after = steps[flow.source].actor.strip(), steps[flow.target].actor.strip()
        if before and after and before != after:
            yield Hit(
                (flow.id, flow.source, flow.target),
                {
                    "source": ctx.title(flow.source),
                    "target": ctx.title(flow.target),
                    "from_actor": before,
                    "to_actor": after,
                },
            )


@rule(
    "BP052",
    "emotion-outside-customer-lane",
    WARNING,
    family="roles",
    description="Emotion is the customer's feeling at a step; on a staff or system step it "
    "is misplaced and skews the emotion curve. Source: NN/g Gibbons 2017 (emotions as a "
    "secondary element of the customer's row).",
    bad="Backstage step “Make the drink” with emotion +1",
    good="Customer step “Collect the drink” with emotion +1",
)
def emotion_outside_customer(ctx: Context) -> Iterator[Hit]:
    for step in ctx.steps:
        if step.emotion is not None and ctx.lane_kind[step.id] is not LaneKind.CUSTOMER:
            yield Hit((step.id,), {"step": ctx.title(step.id)})


@rule(
    "BP053",
    "frontstage-without-channel",
    INFO,
    family="roles",
    description="A frontstage step is an encounter; its channel (in person, phone, app, …) "
    "decides how it is staffed and measured. Not checked on the touchpoint row of a layered "
    "blueprint without evidence cards (18F). Source: NN/g Gibbons 2017.",
    bad="Frontstage step “Confirm the booking” with no channel",
    good="Frontstage step “Confirm the booking”, channel “phone”",
)
def frontstage_without_channel(ctx: Context) -> Iterator[Hit]:
    if ctx.touchpoint_row:
        return  # places and objects (18F's frontstage row), not encounters
    for step in ctx.in_lane[LaneKind.FRONTSTAGE]:
        if not step.channel.strip() and step.id not in ctx.evidence_cards:
            yield Hit((step.id,), {"step": ctx.title(step.id)})
