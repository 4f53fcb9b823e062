"""The three lines: interaction, visibility, internal interaction."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint_app.model.blueprint import Flow, FlowKind, LaneKind, StepKind
from blueprint_app.model.channels import Contact, contact
from blueprint_app.validation.context import Context
from blueprint_app.validation.findings import Severity
from blueprint_app.validation.registry import Hit, rule
from blueprint_app.validation.terms import Term

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
HIDDEN = (LaneKind.BACKSTAGE, LaneKind.SUPPORT)
#: Customer steps that are actions of the customer (start, end and wait are not encounters).
CUSTOMER_ACTIONS = (StepKind.ACTION, StepKind.DECISION)
#: The first and the last encounter, which BP045 checks.
JOURNEY_EDGES = (StepKind.START, StepKind.END)


def _met(ctx: Context, step_id: str) -> bool:
    """Whether someone meets the customer at a customer step: a flow to or from the
    frontstage (on a layered blueprint, a frontstage card in its column), or invisible contact
    (a flow to the backstage or support through a remote channel)."""
    if _touches(ctx, step_id, (LaneKind.FRONTSTAGE,)):
        return True
    kinds = ctx.lane_kind
    for flow in (*ctx.outgoing[step_id], *ctx.incoming[step_id]):
        other = flow.target if flow.source == step_id else flow.source
        if (
            flow.kind is not FlowKind.EVIDENCE
            and kinds.get(other) in HIDDEN
            and _channel(ctx, flow, other, step_id) is Contact.REMOTE
        ):
            return True
    return False


def _evidence_seen(ctx: Context, step_id: str) -> bool:
    """Whether the customer sees evidence at a step: an evidence card linked or in its column;
    on a layered blueprint with no evidence card, a frontstage card in its column (18F and
    NN/g's workshop templates draw the touchpoints, places and objects, as that row)."""
    if ctx.has_evidence(step_id):
        return True
    return ctx.touchpoint_row and bool(ctx.in_column(step_id, LaneKind.FRONTSTAGE))


def _customer_actions(ctx: Context) -> Iterator[str]:
    for step in ctx.in_lane[LaneKind.CUSTOMER]:
        if step.kind in CUSTOMER_ACTIONS:
            yield step.id


def _touches(ctx: Context, step_id: str, lanes: tuple[LaneKind, ...]) -> bool:
    """Whether a process flow joins the step to a step in one of ``lanes``; on a layered
    blueprint, whether one of those lanes has a card in the step's column."""
    if ctx.layered:
        return any(ctx.in_column(step_id, lane) for lane in lanes)
    kinds = ctx.lane_kind
    return any(
        f.kind is not FlowKind.EVIDENCE and kinds.get(f.target) in lanes
        for f in ctx.outgoing[step_id]
    ) or any(
        f.kind is not FlowKind.EVIDENCE and kinds.get(f.source) in lanes
        for f in ctx.incoming[step_id]
    )


def _channel(ctx: Context, flow: Flow, hidden: str, customer: str) -> Contact | None:
    """The contact a flow between the customer and a hidden step makes: named by the flow's
    own channel, else by the hidden step's, else by the customer step's (the flow is the most
    specific; the staff or system step says how it is reached; the customer step how the
    customer acts)."""
    steps = ctx.step_by_id
    for text in (flow.channel, steps[hidden].channel, steps[customer].channel):
        found = contact(text)
        if found is not None:
            return found
    return None


@rule(
    "BP040",
    "skips-line-of-visibility",
    WARNING,
    family="lines",
    description="Face to face, the customer meets only the frontstage: a flow between the "
    "customer lane and the backstage or support lanes skips the frontstage that should stand "
    "between them. Through a remote channel it is correct invisible contact and draws no "
    "finding: phone, call, e-mail, mail, chat, web, online, app, SMS, video, WeChat, 电话, "
    "邮件, 在线, 网站, 短信, 微信, 小程序 … (the vocabulary is blueprint_app/model/channels.py). "
    "The channel is read from the flow, else the backstage or support step, else the "
    "customer step. A support step the customer reaches remotely is a technology contact "
    "(the app's or website's back end), equally correct. With no channel, or in person, a "
    "warning whose hint offers both fixes. Source: Bitner, Ostrom & Morgan 2008 (hotel: "
    "“call room service” → backstage “take food order”); Zeithaml & Bitner (express mail).",
    bad="“Order” (customer) → “Make the drink” (backstage), no channel",
    good="“Call room service” (customer) → “Take food order” (backstage), channel “phone”",
)
def skips_line_of_visibility(ctx: Context) -> Iterator[Hit]:
    kinds = ctx.lane_kind
    crossing = []
    for step in ctx.in_lane[LaneKind.CUSTOMER]:
        crossing += [f for f in ctx.outgoing[step.id] if kinds[f.target] in HIDDEN]
        crossing += [f for f in ctx.incoming[step.id] if kinds[f.source] in HIDDEN]
    for flow in sorted(crossing, key=lambda f: ctx.position(f.id)):
        if flow.kind is FlowKind.EVIDENCE:
            continue
        customer_first = kinds[flow.source] is LaneKind.CUSTOMER
        hidden, customer = (
            (flow.target, flow.source) if customer_first else (flow.source, flow.target)
        )
        found = _channel(ctx, flow, hidden, customer)
        if found is Contact.REMOTE:
            continue
        yield Hit(
            (flow.id, flow.source, flow.target),
            {"source": ctx.title(flow.source), "target": ctx.title(flow.target)},
            variant="in_person" if found is Contact.IN_PERSON else "",
        )


@rule(
    "BP041",
    "customer-unattended",
    WARNING,
    family="lines",
    description="A customer action with no flow to or from the frontstage and no evidence "
    "card (linked, or standing in its column): nobody and nothing meets the customer there. "
    "On a layered blueprint a frontstage card in the step's column counts as contact; "
    "invisible contact (a flow to the backstage or support through a remote channel) counts "
    "too. "
    "Source: Shostack 1984; Bitner, Ostrom & Morgan 2008 (line of interaction).",
    bad="“Find the counter” with flows only to other customer steps and no evidence",
    good="“Find the counter” with the evidence card “Signage”",
)
def customer_unattended(ctx: Context) -> Iterator[Hit]:
    for step_id in _customer_actions(ctx):
        if not _met(ctx, step_id) and not _evidence_seen(ctx, step_id):
            yield Hit((step_id,), {"step": ctx.title(step_id)})


@rule(
    "BP042",
    "frontstage-unsupported",
    INFO,
    family="lines",
    description="A frontstage action with nothing behind it in backstage or support: is "
    "there really no preparation, system or colleague behind it? On a layered blueprint a "
    "backstage or support card in its column counts. Source: Bitner, Ostrom & Morgan 2008 "
    "(line of internal interaction).",
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
    "touches or receives there (a screen, a sign, a receipt), tied by an evidence link or "
    "drawn in the evidence lane above it (the same column), as Bitner's and NN/g's "
    "blueprints do. A layered blueprint without evidence cards draws the touchpoints as "
    "its frontstage row (18F): a frontstage card in the column counts then. Source: Bitner, "
    "Ostrom & Morgan 2008; Shostack 1984.",
    bad="“Pay” with no evidence card",
    good="“Pay” with the evidence card “Card terminal” tied by an evidence link",
)
def customer_without_evidence(ctx: Context) -> Iterator[Hit]:
    for step_id in _customer_actions(ctx):
        if not _evidence_seen(ctx, step_id):
            yield Hit((step_id,), {"step": ctx.title(step_id)})


@rule(
    "BP044",
    "evidence-behind-line-of-visibility",
    WARNING,
    family="lines",
    description="Evidence is what the customer sees; tied to a backstage or support step it "
    "is invisible to the customer by definition. Source: Bitner, Ostrom & Morgan 2008.",
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


@rule(
    "BP045",
    "start-end-unattended",
    INFO,
    family="lines",
    description="The first and the last step of the customer's journey are encounters too, "
    "and the ones remembered most: a start or end step in the customer lane with no "
    "frontstage contact and no physical evidence (linked, or in its column) leaves them "
    "undesigned. An info: a start or end is often only a marker (“Arrive”, “Leave”). BP041 "
    "and BP043 check the actions between them. Invisible contact (a remote channel to the "
    "backstage) is contact. Source: Chase & Dasu 2001 "
    "(the end of an encounter weighs most); Bitner, Ostrom & Morgan 2008 (evidence at every "
    "customer step).",
    bad="“Walk in (start)” with no evidence and no frontstage step joined to it",
    good="“Walk in (start)” with the evidence card “Shop front” in its column",
)
def start_end_unattended(ctx: Context) -> Iterator[Hit]:
    cards = ctx.evidence_cards
    for step in ctx.in_lane[LaneKind.CUSTOMER]:
        if step.kind not in JOURNEY_EDGES or step.id in cards:
            continue
        if not _met(ctx, step.id) and not _evidence_seen(ctx, step.id):
            yield Hit((step.id,), {"step": ctx.title(step.id), "kind": Term(step.kind.value)})
