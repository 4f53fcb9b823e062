"""What a written process specification says, built once and rendered as Markdown, HTML or CSV.

The renderers only lay out this content; every fact (order, hand-offs, recovery paths, time) is
worked out here so that the three formats can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import networkx as nx

from blueprint_app.analysis.process import Journey, Process, process_steps
from blueprint_app.export.words import Words
from blueprint_app.gc_pause import gc_paused
from blueprint_app.model.blueprint import (
    Blueprint,
    Flow,
    FlowKind,
    Lane,
    LaneKind,
    Metric,
    Phase,
    Step,
    StepKind,
)
from blueprint_app.model.durations import format_minutes


@dataclass(frozen=True)
class Finding:
    """One validation finding as the spec shows it (the validator's own type is adapted)."""

    rule: str
    severity: str  # "error", "warning" or "info"
    message: str


#: What callers may pass as findings: ``(rule, severity, message)`` tuples, or objects with
#: ``rule``/``rule_id``/``code``, ``severity`` (str or enum) and ``message`` attributes.
FindingLike = Finding | tuple[str, str, str] | Any


def as_finding(item: FindingLike) -> Finding:
    if isinstance(item, Finding):
        return item
    if isinstance(item, tuple):
        rule, severity, message = item
    else:
        rule = next(
            (getattr(item, name) for name in ("rule", "rule_id", "code") if hasattr(item, name)), ""
        )
        severity, message = getattr(item, "severity", "info"), getattr(item, "message", str(item))
    severity = str(getattr(severity, "value", severity)).lower()
    return Finding(str(rule), severity, str(message))


@dataclass(frozen=True)
class TitleBlock:
    title: str
    customer: str
    scenario: str
    date: str
    version: str
    description: str


@dataclass(frozen=True)
class StepEntry:
    step: Step
    lane: Lane
    evidence: list[Step]
    next_steps: list[Step]
    recovery: list[Step]


@dataclass(frozen=True)
class LaneGroup:
    lane: Lane
    steps: list[StepEntry]


@dataclass(frozen=True)
class PhaseSection:
    phase: Phase | None
    lanes: list[LaneGroup]


@dataclass(frozen=True)
class HandOff:
    """Work crossing lines: ``lines`` holds ``"interaction"``, ``"visibility"`` and/or
    ``"internal"``, top to bottom (a customer's call to the backstage crosses the line of
    interaction and the line of visibility)."""

    lines: tuple[str, ...]
    flow: Flow
    source: Step
    target: Step
    source_lane: Lane
    target_lane: Lane


@dataclass(frozen=True)
class FailPoint:
    step: Step
    paths: list[tuple[str, list[Step]]]  # (recovery flow label, steps after the fail point)


@dataclass(frozen=True)
class TimedPath:
    """The customer's journey (see :mod:`blueprint_app.analysis.process`) as the spec times it:
    its steps, their total, the target and the steps with no duration. Without a journey,
    ``missing`` says why: ``"no_flows"``, ``"no_start"``, ``"no_end"`` or ``"no_journey"`` (no
    start reaches an end)."""

    steps: list[Step]
    minutes: float
    target: float | None
    missing_duration: list[Step]
    missing: str = ""

    @property
    def over_by(self) -> float | None:
        if self.target is None:
            return None
        return max(0.0, self.minutes - self.target)


def timed_path(blueprint: Blueprint, journey: Journey | None) -> TimedPath:
    if journey is None:
        return TimedPath([], 0.0, blueprint.target_minutes, [], _why_no_journey(blueprint))
    by_id = {step.id: step for step in blueprint.steps}
    steps = [by_id[step_id] for step_id in journey.path]
    missing = [step for step in steps if step.duration_minutes is None]
    return TimedPath(steps, journey.total_minutes, blueprint.target_minutes, missing)


def _why_no_journey(blueprint: Blueprint) -> str:
    """Why a blueprint has no customer's journey to time, for the spec to say so truly."""
    if not any(flow.kind is not FlowKind.EVIDENCE for flow in blueprint.flows):
        return "no_flows"
    steps = process_steps(blueprint).values()
    if not any(step.kind is StepKind.START for step in steps):
        return "no_start"
    if not any(step.kind is StepKind.END for step in steps):
        return "no_end"
    return "no_journey"


@dataclass(frozen=True)
class Spec:
    words: Words
    title_block: TitleBlock
    counts: list[tuple[str, int]]
    phases: list[PhaseSection]
    steps: list[StepEntry]  # every step in reading order
    customer_evidence: list[StepEntry]
    handoffs: list[HandOff]
    fail_points: list[FailPoint]
    timing: TimedPath
    findings: list[Finding] | None
    lane_by_id: dict[str, Lane] = field(repr=False)
    #: format 2: the steps below the line of order penetration, in reading order
    independent: list[StepEntry] = field(default_factory=list)
    currency: str = ""
    #: flows across the line of interaction alone: the customer meets the frontstage
    touchpoints: list[HandOff] = field(default_factory=list)

    def kind_word(self, step: Step) -> str:
        return self.words(f"kind_{step.kind.value}")

    def minutes(self, value: float | None) -> str:
        """A time as people write it, in the spec's language (``2 d``, ``1 小时 30 分钟``)."""
        if value is None:
            return ""
        return format_minutes(value, self.words.language)

    def who(self, step: Step) -> str:
        """The actor doing a step, or the lane when no actor is named."""
        return step.actor or self.lane_by_id[step.lane].title

    def money(self, value: float | None) -> str:
        """A cost with the blueprint's currency: "12.50 EUR", "120 EUR"; "" when not set."""
        if value is None:
            return ""
        return f"{money_number(value)} {self.currency}".strip()


def money_number(value: float) -> str:
    """120 → "120", 6.5 → "6.50": sums of money rounded to the cent, as invoices write them."""
    rounded = round(float(value), 2)
    return str(int(rounded)) if rounded.is_integer() else f"{rounded:.2f}"


def metric_cell(metric: Metric) -> str:
    """One metric in one line for a spreadsheet cell or BPMN text: ``name=value/target unit``
    ("NPS=45/50 %", "Calls=120 calls", "NPS=/50 %" with no value yet); see docs/export.md."""
    value = "" if metric.value is None else number(metric.value)
    target = "" if metric.target is None else f"/{number(metric.target)}"
    figures = f"{value}{target}"
    unit = f" {metric.unit}" if metric.unit and figures else ""
    return f"{metric.name}={figures}{unit}" if figures else metric.name


def number(value: float) -> str:
    """3.0 → "3", 1.5 → "1.5": durations as people write them."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def build_spec(
    blueprint: Blueprint, lang: str | None = None, findings: Iterable[FindingLike] | None = None
) -> Spec:
    """Everything the spec says about ``blueprint``, in the language ``lang`` or the file's.

    The collector is paused, as for validation: the process graph and the entries are many
    small objects, and collections meanwhile would rescan the whole document for nothing.
    """
    with gc_paused():
        return _build_spec(blueprint, lang, findings)


def _build_spec(
    blueprint: Blueprint, lang: str | None, findings: Iterable[FindingLike] | None
) -> Spec:
    words = Words(lang or blueprint.language)
    lanes = {lane.id: lane for lane in blueprint.lanes}
    by_id = {step.id: step for step in blueprint.steps}
    process = Process(blueprint)
    rank = process.rank
    touching: dict[str, list[Flow]] = {step.id: [] for step in blueprint.steps}
    for flow in blueprint.flows:
        if flow.source in by_id and flow.target in by_id:
            touching[flow.source].append(flow)
            if flow.target != flow.source:
                touching[flow.target].append(flow)
    entries = {
        step.id: _entry(step, touching[step.id], lanes, by_id, rank) for step in blueprint.steps
    }
    ordered = sorted(entries.values(), key=lambda entry: rank[entry.step.id])
    crossings = list(_crossings(blueprint, lanes, by_id, rank))
    # an encounter across the line of interaction alone is a touchpoint, not a hand-off
    handoffs = [crossing for crossing in crossings if crossing.lines != ("interaction",)]
    customer = [e for e in ordered if e.lane.kind == LaneKind.CUSTOMER]
    normal = process.normally_reached
    return Spec(
        words=words,
        title_block=_title_block(blueprint),
        counts=_counts(blueprint, len(handoffs)),
        phases=_phases(blueprint, ordered),
        steps=ordered,
        customer_evidence=customer,
        handoffs=handoffs,
        touchpoints=[crossing for crossing in crossings if crossing.lines == ("interaction",)],
        fail_points=[
            _fail_point(e.step, touching[e.step.id], by_id, rank, normal, process.graph)
            for e in ordered
            if e.step.fail_point
        ],
        timing=timed_path(blueprint, process.journey),
        findings=None if findings is None else [as_finding(item) for item in findings],
        lane_by_id=lanes,
        independent=[e for e in ordered if e.step.customer_independent],
        currency=blueprint.currency,
    )


def _title_block(blueprint: Blueprint) -> TitleBlock:
    stamp = blueprint.modified or blueprint.created
    date = (datetime.fromisoformat(stamp) if stamp else datetime.now(UTC)).date().isoformat()
    extra = blueprint.__pydantic_extra__ or {}
    version = str(extra.get("version", "")) if extra.get("version") is not None else ""
    return TitleBlock(
        blueprint.title,
        blueprint.customer,
        blueprint.scenario,
        date,
        version,
        blueprint.description,
    )


def _counts(blueprint: Blueprint, handoffs: int) -> list[tuple[str, int]]:
    lanes = {lane.id: lane.kind for lane in blueprint.lanes}
    steps = blueprint.steps
    return [
        ("count_steps", len(steps)),
        ("count_flows", sum(flow.kind != FlowKind.EVIDENCE for flow in blueprint.flows)),
        ("count_phases", len(blueprint.phases)),
        ("count_lanes", len(blueprint.lanes)),
        ("count_customer_steps", sum(lanes.get(s.lane) == LaneKind.CUSTOMER for s in steps)),
        ("count_moments", sum(s.moment_of_truth for s in steps)),
        ("count_fail_points", sum(s.fail_point for s in steps)),
        ("count_decisions", sum(s.kind == StepKind.DECISION for s in steps)),
        ("count_waits", sum(s.kind == StepKind.WAIT for s in steps)),
        ("count_evidence", sum(s.kind == StepKind.EVIDENCE for s in steps)),
        ("count_handoffs", handoffs),
    ] + (
        [("count_independent", independent)]
        if (independent := sum(s.customer_independent for s in steps))
        else []
    )


def _entry(
    step: Step,
    flows: list[Flow],
    lanes: dict[str, Lane],
    by_id: dict[str, Step],
    rank: dict[str, int],
) -> StepEntry:
    evidence: list[Step] = []
    following: list[Step] = []
    recovery: list[Step] = []
    for flow in flows:
        if flow.kind == FlowKind.EVIDENCE and step.id in (flow.source, flow.target):
            other = flow.source if flow.target == step.id else flow.target
            if other in by_id and other != step.id:
                evidence.append(by_id[other])
        elif flow.source == step.id and flow.target in by_id:
            (recovery if flow.kind == FlowKind.RECOVERY else following).append(by_id[flow.target])
    evidence.sort(key=lambda s: rank[s.id])
    return StepEntry(step, lanes[step.lane], evidence, following, recovery)


def _phases(blueprint: Blueprint, ordered: Sequence[StepEntry]) -> list[PhaseSection]:
    """Phases left to right; inside each, lanes top to bottom, steps in reading order."""
    known = {phase.id for phase in blueprint.phases}
    by_phase: dict[str | None, dict[str, list[StepEntry]]] = {}
    for entry in ordered:
        phase_id = entry.step.phase if entry.step.phase in known else None
        by_phase.setdefault(phase_id, {}).setdefault(entry.step.lane, []).append(entry)
    sections: list[PhaseSection] = []
    for phase in [*blueprint.phases, None]:
        lanes = by_phase.get(phase.id if phase else None, {})
        if phase is None and not lanes:
            continue
        groups = [LaneGroup(lane, lanes[lane.id]) for lane in blueprint.lanes if lane.id in lanes]
        sections.append(PhaseSection(phase, groups))
    return sections


def _crossings(
    blueprint: Blueprint, lanes: dict[str, Lane], by_id: dict[str, Step], rank: dict[str, int]
) -> Iterable[HandOff]:
    """Flows crossing any of the three lines, in reading order, with every line each crosses:
    a customer's call to the backstage crosses the line of interaction and of visibility."""
    position = {lane.id: index for index, lane in enumerate(blueprint.lanes)}
    kinds = {lane.kind: position[lane.id] for lane in blueprint.lanes}
    lines = []
    if LaneKind.CUSTOMER in kinds and LaneKind.FRONTSTAGE in kinds:
        lines.append(("interaction", kinds[LaneKind.CUSTOMER], kinds[LaneKind.FRONTSTAGE]))
    if LaneKind.FRONTSTAGE in kinds and LaneKind.BACKSTAGE in kinds:
        lines.append(("visibility", kinds[LaneKind.FRONTSTAGE], kinds[LaneKind.BACKSTAGE]))
    if LaneKind.BACKSTAGE in kinds and LaneKind.SUPPORT in kinds:
        lines.append(("internal", kinds[LaneKind.BACKSTAGE], kinds[LaneKind.SUPPORT]))
    flows = [
        flow
        for flow in blueprint.flows
        if flow.kind != FlowKind.EVIDENCE and flow.source in by_id and flow.target in by_id
    ]
    flows.sort(key=lambda flow: (rank[flow.source], rank[flow.target]))
    for flow in flows:
        source, target = by_id[flow.source], by_id[flow.target]
        if LaneKind.PHYSICAL_EVIDENCE in (lanes[source.lane].kind, lanes[target.lane].kind):
            continue
        low, high = sorted((position[source.lane], position[target.lane]))
        crossed = tuple(name for name, above, below in lines if low <= above and high >= below)
        if crossed:
            yield HandOff(crossed, flow, source, target, lanes[source.lane], lanes[target.lane])


def _fail_point(
    step: Step,
    flows: list[Flow],
    by_id: dict[str, Step],
    rank: dict[str, int],
    normal: set[str],
    graph: nx.DiGraph,
) -> FailPoint:
    """Each recovery flow out of the fail point, followed until it rejoins the normal flow."""
    paths = []
    for flow in flows:
        if flow.kind != FlowKind.RECOVERY or flow.source != step.id or flow.target not in by_id:
            continue
        path, current, seen = [by_id[flow.target]], flow.target, {step.id, flow.target}
        while current not in normal and graph.succ[current]:
            current = min(graph.succ[current], key=rank.__getitem__)
            if current in seen:
                break
            seen.add(current)
            path.append(by_id[current])
        paths.append((flow.label, path))
    return FailPoint(step, paths)
