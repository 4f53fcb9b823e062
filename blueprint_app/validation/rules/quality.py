"""Service quality: fail points, moments of truth, standards and time targets."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint_app.model.blueprint import FlowKind, LaneKind, StepKind
from blueprint_app.validation.context import Context
from blueprint_app.validation.findings import Severity
from blueprint_app.validation.registry import Hit, rule
from blueprint_app.validation.terms import Duration, Term

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
PATH_SHOWN = 6


@rule(
    "BP060",
    "fail-point-without-recovery",
    WARNING,
    family="quality",
    description="A fail point is where the service often goes wrong; it needs a recovery "
    "flow to the steps that put it right. Not checked on a layered blueprint (no flows by "
    "design). Source: Shostack 1984; Bitner, Ostrom & Morgan 2008.",
    bad="Fail point “Make the drink” with no recovery flow",
    good="Fail point “Make the drink” → (recovery, “wrong drink”) “Remake with priority”",
)
def fail_point_without_recovery(ctx: Context) -> Iterator[Hit]:
    if ctx.layered:
        return
    for step in ctx.steps:
        if step.fail_point and not any(f.kind is FlowKind.RECOVERY for f in ctx.outgoing[step.id]):
            yield Hit((step.id,), {"step": ctx.title(step.id)})


@rule(
    "BP061",
    "moment-of-truth-without-standard",
    WARNING,
    family="quality",
    description="A moment of truth is where the customer judges the whole service; it "
    "deserves a written service standard and a time target. Source: Normann (moments of "
    "truth); Zeithaml & Bitner (service standards).",
    bad="Moment of truth “Check in” with no standard and no target time",
    good="Moment of truth “Check in”: standard “Greeted by name”, target 3 minutes",
)
def moment_of_truth_without_standard(ctx: Context) -> Iterator[Hit]:
    for step in ctx.steps:
        if not step.moment_of_truth:
            continue
        no_standard, no_target = not step.standard.strip(), step.target_minutes is None
        if no_standard or no_target:
            missing = (
                "standard_and_target"
                if no_standard and no_target
                else ("standard" if no_standard else "target")
            )
            yield Hit((step.id,), {"step": ctx.title(step.id), "missing": Term(missing)})


@rule(
    "BP062",
    "duration-over-target",
    WARNING,
    family="quality",
    description="A step expected to take longer than its service standard allows breaks the "
    "standard every time. Checked when the step states no tolerance; with one, BP066 and BP067 "
    "take over. Source: Shostack 1984 (standard execution time).",
    bad="“Queue”: duration 5 minutes, target 3 minutes",
    good="“Queue”: duration 2 minutes, target 3 minutes",
)
def duration_over_target(ctx: Context) -> Iterator[Hit]:
    for step in ctx.steps:
        if (
            step.duration_minutes is not None
            and step.target_minutes is not None
            and step.tolerance_minutes is None
            and step.duration_minutes > step.target_minutes
        ):
            yield Hit(
                (step.id,),
                {
                    "step": ctx.title(step.id),
                    "duration": Duration(step.duration_minutes),
                    "target": Duration(step.target_minutes),
                },
                {"duration_minutes": step.duration_minutes, "target_minutes": step.target_minutes},
            )


@rule(
    "BP063",
    "journey-over-target",
    WARNING,
    family="quality",
    description="The customer's journey (from a start to the first end it meets, along "
    "ordinary flows, through customer-induced steps only: preparation marked "
    "customer-independent is not the customer's time; each step's duration, parallel work "
    "not summed, the longest such path) takes longer than the blueprint's target time. The "
    "finding lists the path; the spec times the same journey. Source: Shostack 1984; Fließ & "
    "Kleinaltenkamp 2004.",
    bad="Target 6 minutes; the journey Walk in → Order (2) → Make (5) → Leave = 7 minutes",
    good="Target 8 minutes; the same path takes 7 minutes",
)
def journey_over_target(ctx: Context) -> Iterator[Hit]:
    target = ctx.blueprint.target_minutes
    if target is None:
        return
    journey = ctx.journey
    if journey is None or journey.total_minutes <= target:
        return
    yield Hit(
        journey.path,
        {
            "total": Duration(journey.total_minutes),
            "target": Duration(target),
            "path": _path_text(ctx, journey.path),
        },
        {
            "total_minutes": journey.total_minutes,
            "target_minutes": target,
            "path": list(journey.path),
        },
    )


def _path_text(ctx: Context, path: tuple[str, ...]) -> str:
    """The journey's step titles joined by arrows, its middle cut when long."""
    titles = [ctx.title(step) for step in path]
    if len(titles) > PATH_SHOWN:
        titles = [*titles[: PATH_SHOWN - 2], "…", *titles[-2:]]
    return " → ".join(titles)


@rule(
    "BP069",
    "journey-over-tolerance",
    WARNING,
    family="quality",
    description="Shostack's tolerance for the whole service (the blueprint's "
    "tolerance_minutes: the shoeshine's 'total acceptable execution time' of 5 minutes beside "
    "its 2-minute standard) is the longest journey still acceptable; the customer's journey, "
    "timed as BP063 times it, takes longer. Source: Shostack 1984.",
    bad="Tolerance 6 minutes; the journey Walk in → Order (2) → Make (5) → Leave = 7 minutes",
    good="Tolerance 8 minutes; the same path takes 7 minutes",
)
def journey_over_tolerance(ctx: Context) -> Iterator[Hit]:
    tolerance = ctx.blueprint.tolerance_minutes
    journey = ctx.journey if tolerance is not None else None
    if tolerance is None or journey is None or journey.total_minutes <= tolerance:
        return
    yield Hit(
        journey.path,
        {
            "total": Duration(journey.total_minutes),
            "tolerance": Duration(tolerance),
            "path": _path_text(ctx, journey.path),
        },
        {
            "total_minutes": journey.total_minutes,
            "tolerance_minutes": tolerance,
            "path": list(journey.path),
        },
    )


@rule(
    "BP064",
    "wait-without-duration",
    WARNING,
    family="quality",
    description="A wait step is where the customer's time goes; without a duration the "
    "journey time and its standard cannot be checked. Source: Shostack 1984; Maister 1985 "
    "(the psychology of waiting).",
    bad="Wait “Wait at the counter” with no duration",
    good="Wait “Wait at the counter”, duration 3 minutes",
)
def wait_without_duration(ctx: Context) -> Iterator[Hit]:
    for step in ctx.of_kind[StepKind.WAIT]:
        if step.duration_minutes is None:
            yield Hit((step.id,), {"step": ctx.title(step.id)})


@rule(
    "BP065",
    "unhappy-moment-of-truth",
    INFO,
    family="quality",
    description="The customer feels bad at a moment of truth: the weakest plank of the "
    "barrel, where improving the service pays most. Source: NN/g Gibbons 2017 (emotions); "
    "Normann (moments of truth).",
    bad="Moment of truth “Pay” with emotion −2",
    good="Moment of truth “Pay” with emotion +1",
)
def unhappy_moment_of_truth(ctx: Context) -> Iterator[Hit]:
    for step in ctx.steps:
        if step.moment_of_truth and step.emotion is not None and step.emotion < 0:
            yield Hit((step.id,), {"step": ctx.title(step.id), "emotion": step.emotion})


def _over_tolerance(ctx: Context) -> list[tuple[str, float, float]]:
    """(id, duration, tolerance) of the steps with both: one pass shared by two rules."""

    def find() -> list[tuple[str, float, float]]:
        return [
            (step.id, step.duration_minutes, step.tolerance_minutes)
            for step in ctx.steps
            if step.duration_minutes is not None and step.tolerance_minutes is not None
        ]

    return ctx.memo("with_tolerance", find)


@rule(
    "BP066",
    "duration-over-tolerance",
    WARNING,
    family="quality",
    description="Shostack's tolerance is the longest execution time still acceptable; a step "
    "expected to take longer hurts the customer and the profitability of the service. Source: "
    "Shostack 1984.",
    bad="“Shine shoes”: duration 3 minutes, tolerance 2 minutes",
    good="“Shine shoes”: duration 1.5 minutes, tolerance 2 minutes",
)
def duration_over_tolerance(ctx: Context) -> Iterator[Hit]:
    for step_id, duration, tolerance in _over_tolerance(ctx):
        if duration > tolerance:
            yield Hit(
                (step_id,),
                {
                    "step": ctx.title(step_id),
                    "duration": Duration(duration),
                    "tolerance": Duration(tolerance),
                },
                {"duration_minutes": duration, "tolerance_minutes": tolerance},
            )


@rule(
    "BP067",
    "duration-within-tolerance",
    INFO,
    family="quality",
    description="A step expected to take longer than its target but within its tolerance: "
    "milder than BP066, the standard is missed but the execution is still acceptable. Source: "
    "Shostack 1984.",
    bad="“Shine shoes”: duration 1.5 minutes, target 1 minute, tolerance 2 minutes",
    good="“Shine shoes”: duration 1 minute, target 1 minute, tolerance 2 minutes",
)
def duration_within_tolerance(ctx: Context) -> Iterator[Hit]:
    steps = ctx.step_by_id
    for step_id, duration, tolerance in _over_tolerance(ctx):
        target = steps[step_id].target_minutes
        if target is not None and target < duration <= tolerance:
            yield Hit(
                (step_id,),
                {
                    "step": ctx.title(step_id),
                    "duration": Duration(duration),
                    "target": Duration(target),
                    "tolerance": Duration(tolerance),
                },
                {
                    "duration_minutes": duration,
                    "target_minutes": target,
                    "tolerance_minutes": tolerance,
                },
            )


#: From how many customer steps on a blueprint is expected to name a fail point.
FAIL_POINT_FROM = 5


@rule(
    "BP068",
    "no-fail-point",
    INFO,
    family="quality",
    description=f"A blueprint of {FAIL_POINT_FROM} or more customer steps (actions, decisions "
    "and waits; start and end markers not counted) with no step marked as a fail point: "
    "finding where the service goes wrong is the core of the method. Source: Shostack 1984.",
    bad=f"{FAIL_POINT_FROM} customer steps, no fail point",
    good=f"{FAIL_POINT_FROM} customer steps, “Make the drink” marked as a fail point",
)
def no_fail_point(ctx: Context) -> Iterator[Hit]:
    cards = ctx.evidence_cards
    edges = (StepKind.START, StepKind.END)
    customer = [
        s for s in ctx.in_lane[LaneKind.CUSTOMER] if s.id not in cards and s.kind not in edges
    ]
    if len(customer) >= FAIL_POINT_FROM and not any(s.fail_point for s in ctx.steps):
        yield Hit((), {"count": len(customer)})
