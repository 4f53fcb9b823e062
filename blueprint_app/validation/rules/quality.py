"""Service quality: fail points, moments of truth, standards and time targets."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint_app.model.blueprint import FlowKind, StepKind
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
    "flow to the steps that put it right.",
    bad="Fail point “Make the drink” with no recovery flow",
    good="Fail point “Make the drink” → (recovery, “wrong drink”) “Remake with priority”",
)
def fail_point_without_recovery(ctx: Context) -> Iterator[Hit]:
    for step in ctx.steps:
        if step.fail_point and not any(f.kind is FlowKind.RECOVERY for f in ctx.outgoing[step.id]):
            yield Hit((step.id,), {"step": ctx.title(step.id)})


@rule(
    "BP061",
    "moment-of-truth-without-standard",
    WARNING,
    family="quality",
    description="A moment of truth is where the customer judges the whole service; it "
    "deserves a written service standard and a time target.",
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
    "standard every time.",
    bad="“Queue”: duration 5 minutes, target 3 minutes",
    good="“Queue”: duration 2 minutes, target 3 minutes",
)
def duration_over_target(ctx: Context) -> Iterator[Hit]:
    for step in ctx.steps:
        if (
            step.duration_minutes is not None
            and step.target_minutes is not None
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
    description="The customer's longest path from a start to an end (ordinary flows, each "
    "step's duration, parallel work not summed) takes longer than the blueprint's "
    "target time. The finding lists the path.",
    bad="Target 6 minutes; longest path Walk in → Order (2) → Make (5) → Leave = 7 minutes",
    good="Target 8 minutes; the same path takes 7 minutes",
)
def journey_over_target(ctx: Context) -> Iterator[Hit]:
    target = ctx.blueprint.target_minutes
    if target is None:
        return
    journey = ctx.journey
    if journey is None or journey.total_minutes <= target:
        return
    titles = [ctx.title(step) for step in journey.path]
    if len(titles) > PATH_SHOWN:
        titles = [*titles[: PATH_SHOWN - 2], "…", *titles[-2:]]
    yield Hit(
        journey.path,
        {
            "total": Duration(journey.total_minutes),
            "target": Duration(target),
            "path": " → ".join(titles),
        },
        {
            "total_minutes": journey.total_minutes,
            "target_minutes": target,
            "path": list(journey.path),
        },
    )


@rule(
    "BP064",
    "wait-without-duration",
    WARNING,
    family="quality",
    description="A wait step is where the customer's time goes; without a duration the "
    "journey time and its standard cannot be checked.",
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
    "barrel, where improving the service pays most.",
    bad="Moment of truth “Pay” with emotion −2",
    good="Moment of truth “Pay” with emotion +1",
)
def unhappy_moment_of_truth(ctx: Context) -> Iterator[Hit]:
    for step in ctx.steps:
        if step.moment_of_truth and step.emotion is not None and step.emotion < 0:
            yield Hit((step.id,), {"step": ctx.title(step.id), "emotion": step.emotion})
