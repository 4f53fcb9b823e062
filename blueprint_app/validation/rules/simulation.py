"""Simulation inputs: branch probabilities, failure rates, duration ranges, arrivals, resources.

An unknown resource and a capacity below 1 never get this far: they break the file contract
(``step.resource`` is a checked reference, ``capacity`` an integer ≥ 1), so the loader refuses
them. These rules catch what is well-formed but cannot mean what the author wanted.
"""

from __future__ import annotations

from collections.abc import Iterator

from blueprint_app.model.blueprint import ArrivalWindow, DurationDistribution, FlowKind, StepKind
from blueprint_app.validation.context import Context
from blueprint_app.validation.findings import Severity
from blueprint_app.validation.registry import Hit, rule
from blueprint_app.validation.terms import Duration

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
#: sums of probabilities are compared with this slack (0.1 + 0.2 is not 0.3 in floats)
EPSILON = 1e-9


def percent(share: float) -> str:
    """A share as people write it: 0.35 → "35%", 1.125 → "112.5%"."""
    return f"{round(share * 100, 1):g}%"


def clock_minutes(time_of_day: str) -> int:
    """Minutes since midnight of an "HH:MM" time of day."""
    hours, minutes = time_of_day.split(":")
    return int(hours) * 60 + int(minutes)


@rule(
    "BP070",
    "probability-off-decision",
    WARNING,
    family="simulation",
    description="Only a decision's ordinary branches are chosen by probability; a probability "
    "on any other flow is ignored by the simulation (a fail point's recovery uses the step's "
    "failure rate). Source: BPSim 2.0 (WfMC 2016), probabilities on a gateway's outgoing "
    "flows.",
    bad="“Order” → “Pay” (probability 0.8), and “Order” is an action",
    good="Decision “Eat here?” → “Tray” (probability 0.8)",
)
def probability_off_decision(ctx: Context) -> Iterator[Hit]:
    for flow in ctx.flows:
        if flow.probability is None or flow.source not in ctx.step_by_id:
            continue
        source = ctx.step_by_id[flow.source]
        if source.kind is not StepKind.DECISION or flow.kind is not FlowKind.FLOW:
            yield Hit(
                (flow.id, flow.source),
                {
                    "source": ctx.title(flow.source),
                    "target": ctx.title(flow.target),
                    "probability": percent(flow.probability),
                },
            )


def _branch_shares(ctx: Context) -> Iterator[tuple[str, list[str], float, bool]]:
    """Per decision: its ordinary branches, their summed probability, whether all have one."""
    for decision in ctx.of_kind[StepKind.DECISION]:
        branches = [f for f in ctx.outgoing[decision.id] if f.kind is FlowKind.FLOW]
        given = [f.probability for f in branches if f.probability is not None]
        if given:
            complete = len(given) == len(branches)
            yield decision.id, [f.id for f in branches], sum(given), complete


@rule(
    "BP071",
    "branch-probabilities-over-one",
    ERROR,
    family="simulation",
    description="The probabilities of a decision's branches are shares of the customers who "
    "reach it: together they cannot exceed 1 (100%). Source: BPSim 2.0 (WfMC 2016).",
    bad="Decision “Eat here?”: “Tray” 0.8, “Bag” 0.4",
    good="Decision “Eat here?”: “Tray” 0.6, “Bag” 0.4",
)
def branch_probabilities_over_one(ctx: Context) -> Iterator[Hit]:
    for decision, branches, total, _ in _branch_shares(ctx):
        if total > 1 + EPSILON:
            yield Hit(
                (decision, *branches),
                {"step": ctx.title(decision), "total": percent(total)},
                {"total": total},
            )


@rule(
    "BP072",
    "branch-probabilities-under-one",
    WARNING,
    family="simulation",
    description="Every branch of the decision has a probability but together they make less "
    "than 1: the simulation scales them up to 1, which is probably not what was meant. "
    "Source: BPSim 2.0 (WfMC 2016).",
    bad="Decision “Eat here?”: “Tray” 0.5, “Bag” 0.3",
    good="Decision “Eat here?”: “Tray” 0.5, “Bag” 0.5 (or “Bag” without a probability)",
)
def branch_probabilities_under_one(ctx: Context) -> Iterator[Hit]:
    for decision, branches, total, complete in _branch_shares(ctx):
        if complete and total < 1 - EPSILON:
            yield Hit(
                (decision, *branches),
                {"step": ctx.title(decision), "total": percent(total)},
                {"total": total},
            )


@rule(
    "BP073",
    "failure-rate-without-fail-point",
    WARNING,
    family="simulation",
    description="A failure rate says how often a fail point fails; on a step not marked as a "
    "fail point it is ignored. Source: Shostack 1984 (fail points).",
    bad="“Make the drink”: failure rate 0.05, not a fail point",
    good="Fail point “Make the drink”: failure rate 0.05, recovery flow to “Remake”",
)
def failure_rate_without_fail_point(ctx: Context) -> Iterator[Hit]:
    for step in ctx.steps:
        if step.failure_rate is not None and not step.fail_point:
            yield Hit((step.id,), {"step": ctx.title(step.id), "rate": percent(step.failure_rate)})


@rule(
    "BP074",
    "duration-outside-range",
    ERROR,
    family="simulation",
    description="A duration range [min, max] runs from the shortest to the longest time, with "
    "the step's duration as the most likely time inside it. Source: Law, Simulation Modeling "
    "and Analysis (2015): the triangular distribution from a minimum, mode and maximum.",
    bad="“Pay”: duration 2 minutes, range [3, 5]",
    good="“Pay”: duration 2 minutes, range [1, 5]",
)
def duration_outside_range(ctx: Context) -> Iterator[Hit]:
    for step in ctx.steps:
        if step.duration_range_minutes is None:
            continue
        low, high = step.duration_range_minutes
        args = {"step": ctx.title(step.id), "low": Duration(low), "high": Duration(high)}
        if low > high:
            yield Hit((step.id,), args, variant="reversed")
        elif step.duration_minutes is None:
            yield Hit((step.id,), args, variant="no_duration")
        elif not low <= step.duration_minutes <= high:
            yield Hit((step.id,), {**args, "duration": Duration(step.duration_minutes)})


@rule(
    "BP075",
    "range-ignored",
    WARNING,
    family="simulation",
    description="A fixed duration is always the step's duration and an exponential one has "
    "only a mean: a duration range beside either is ignored. Source: Law, Simulation "
    "Modeling and Analysis (2015).",
    bad="“Pay”: exponential, range [1, 5]",
    good="“Pay”: triangular (or no distribution), range [1, 5]",
)
def range_ignored(ctx: Context) -> Iterator[Hit]:
    ignoring = (DurationDistribution.FIXED, DurationDistribution.EXPONENTIAL)
    for step in ctx.steps:
        distribution = step.duration_distribution
        if step.duration_range_minutes is not None and distribution in ignoring:
            yield Hit((step.id,), {"step": ctx.title(step.id), "distribution": distribution.value})


@rule(
    "BP076",
    "arrival-window-invalid",
    ERROR,
    family="simulation",
    description="Each window of the arrivals schedule ends after it starts, and no two "
    "windows overlap (each moment of the day has one arrival rate). Source: Law, Simulation "
    "Modeling and Analysis (2015): a nonstationary Poisson process with a piecewise-constant "
    "rate.",
    bad="Arrivals 11:00–13:00 at 120/h and 12:30–14:00 at 60/h",
    good="Arrivals 11:00–13:00 at 120/h and 13:00–14:00 at 60/h",
)
def arrival_window_invalid(ctx: Context) -> Iterator[Hit]:
    arrivals = ctx.blueprint.arrivals
    if arrivals is None or arrivals.schedule is None:
        return
    spans = []
    for number, window in enumerate(arrivals.schedule, start=1):
        start, end = clock_minutes(window.start), clock_minutes(window.to)
        args = {"number": number, "start": window.start, "end": window.to}
        if end <= start:
            yield Hit((), args, variant="empty")
        else:
            spans.append((start, end, number, window))
    spans.sort(key=lambda span: (span[0], span[2]))
    reach: tuple[int, int, ArrivalWindow] | None = None  # the window that ends latest so far
    for start, end, number, window in spans:
        if reach is not None and start < reach[0]:
            _, other, earlier = reach
            yield Hit(
                (),
                {
                    "number": number,
                    "start": window.start,
                    "end": window.to,
                    "other": other,
                    "other_start": earlier.start,
                    "other_end": earlier.to,
                },
            )
        if reach is None or end > reach[0]:
            reach = (end, number, window)


@rule(
    "BP077",
    "resource-unused",
    INFO,
    family="simulation",
    description="A resource no step needs plays no part in a simulation: assign it to the "
    "steps that need it, or delete it. Source: Kleinrock, Queueing Systems (1975).",
    bad="Resource “Counter staff”, no step with resource “counter”",
    good="“Take the order” needs resource “counter”",
)
def resource_unused(ctx: Context) -> Iterator[Hit]:
    used = {step.resource for step in ctx.steps}
    for resource in ctx.blueprint.resources:
        if resource.id not in used:
            yield Hit((), {"resource": resource.title.strip() or resource.id, "id": resource.id})


@rule(
    "BP078",
    "wait-target-without-resource",
    INFO,
    family="simulation",
    description="Customers queue only for a resource: a step that needs none starts at once, "
    "so its wait target is met by construction and tells nothing. Source: Kleinrock, Queueing "
    "Systems (1975): customers wait only for busy servers.",
    bad="“Take the order”: wait target 3 minutes, no resource",
    good="“Take the order”: wait target 3 minutes, resource “counter”",
)
def wait_target_without_resource(ctx: Context) -> Iterator[Hit]:
    for step in ctx.steps:
        if step.wait_target_minutes is not None and step.resource is None:
            yield Hit((step.id,), {"step": ctx.title(step.id)})
