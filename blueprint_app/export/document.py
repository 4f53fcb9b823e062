"""The specification as a short list of plain blocks (headings, paragraphs, tables).

Markdown and HTML render the same blocks, so the two documents always say the same thing in
the same order; only escaping and styling differ. Cell text is raw: renderers escape it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from blueprint_app.export.spec import Spec, StepEntry, number
from blueprint_app.model.blueprint import Step


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str = ""


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = ""  # "note" for secondary text, "" otherwise


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    style: str = ""


@dataclass(frozen=True)
class Fields:
    """Label/value pairs: the title block."""

    items: list[tuple[str, str]] = field(default_factory=list)
    separator: str = ": "


@dataclass(frozen=True)
class Diagram:
    """Where the HTML puts the embedded SVG picture (Markdown leaves it out)."""


Block = Heading | Paragraph | Table | Fields | Diagram


def blocks(spec: Spec) -> list[Block]:
    found = [
        *_head(spec),
        *_phases(spec),
        *_independent(spec),
        *_metrics(spec),
        *_costs(spec),
        *_evidence(spec),
        *_touchpoints(spec),
        *_handoffs(spec),
        *_fail_points(spec),
        *_timing(spec),
        *_validation(spec),
    ]
    return [_compact(block) if isinstance(block, Table) else block for block in found]


def _compact(table: Table) -> Table:
    """The table without the columns empty in every row (a blueprint that names no channel
    gets no Channel column); the first column, what each row is about, always stays."""
    if not table.rows:
        return table
    keep = [0] + [
        index
        for index in range(1, len(table.header))
        if any(index < len(row) and row[index].strip() for row in table.rows)
    ]
    if len(keep) == len(table.header):
        return table
    return Table(
        [table.header[i] for i in keep], [[row[i] for i in keep] for row in table.rows], table.style
    )


def flags(spec: Spec, step: Step) -> str:
    words = spec.words
    marks = [words("moment_of_truth")] if step.moment_of_truth else []
    if step.fail_point:
        marks.append(words("fail_point"))
    if step.customer_independent:
        marks.append(words("customer_independent"))
    return ", ".join(marks)


def duration_and_target(spec: Spec, step: Step) -> str:
    """ "4 min / 3 min", with Shostack's tolerance after it when set: "(tolerance 8 min)"."""
    duration, target = spec.minutes(step.duration_minutes), spec.minutes(step.target_minutes)
    if duration and target:
        text = f"{duration} / {target}"
    elif target:
        text = f"{spec.words('none')} / {target}"
    else:
        text = duration
    if step.tolerance_minutes is None:
        return text
    note = spec.words("tolerance_note", value=spec.minutes(step.tolerance_minutes))
    return spec.words("in_brackets", text=text, note=note) if text else note


def cost_header(spec: Spec) -> str:
    """ "Cost (EUR)" when the blueprint names its currency, else "Cost"."""
    if spec.currency:
        return spec.words("cost_in", currency=spec.currency)
    return spec.words("cost")


def step_label(spec: Spec, step: Step) -> str:
    """The title, with the kind when it is not a plain action."""
    title = step.title or step.id
    if step.kind.value == "action":
        return title
    return spec.words("in_brackets", text=title, note=spec.kind_word(step))


def _head(spec: Spec) -> Iterator[Block]:
    words, block = spec.words, spec.title_block
    yield Heading(1, f"{block.title} — {words('spec_title')}", "top")
    items = [(words("title"), block.title)]
    items += [
        (words(key), value)
        for key, value in (
            ("customer", block.customer),
            ("scenario", block.scenario),
            ("date", block.date),
            ("version", block.version),
        )
        if value
    ]
    yield Fields(items, words("label_value", label="", value=""))
    if block.description:
        yield Paragraph(block.description)
    yield Heading(2, words("overview"), "overview")
    yield Table(
        [words("overview"), "#"], [[words(key), str(count)] for key, count in spec.counts], "counts"
    )
    yield Diagram()


def _phases(spec: Spec) -> Iterator[Block]:
    words = spec.words
    yield Heading(2, words("steps_by_phase"), "phases")
    header = [
        words("step"),
        words("actor"),
        words("channel"),
        f"{words('duration')} / {words('target')}",
        words("standard"),
        words("policy"),
        words("cost"),
        words("flags"),
    ]
    for number_, section in enumerate(spec.phases, start=1):
        title = section.phase.title if section.phase else words("no_phase")
        yield Heading(3, f"{number_}. {title}", f"phase-{number_}")
        if section.phase and section.phase.description:
            yield Paragraph(section.phase.description, "note")
        for group in section.lanes:
            yield Heading(4, group.lane.title)
            yield Table(header, [_step_row(spec, entry) for entry in group.steps], "steps")


def _step_row(spec: Spec, entry: StepEntry) -> list[str]:
    step = entry.step
    title = step_label(spec, step)
    if step.description:
        title = f"{title}\n{step.description}"
    return [
        title,
        step.actor,
        step.channel,
        duration_and_target(spec, step),
        step.standard,
        step.policy,
        spec.money(step.cost),
        flags(spec, step),
    ]


def _independent(spec: Spec) -> Iterator[Block]:
    """Format 2: the work below the line of order penetration, apart from the journey."""
    if not spec.independent:
        return
    words = spec.words
    yield Heading(2, words("independent_heading"), "customer-independent")
    yield Paragraph(words("independent_intro"), "note")
    phases = {
        entry.step.id: section.phase.title if section.phase else ""
        for section in spec.phases
        for group in section.lanes
        for entry in group.steps
    }
    rows = [
        [
            step_label(spec, entry.step),
            _who_in(spec, entry.step, entry.lane.title),
            phases.get(entry.step.id, ""),
            entry.step.description,
            spec.money(entry.step.cost),
        ]
        for entry in spec.independent
    ]
    header = [words("step"), words("actor"), words("phase"), words("description"), words("cost")]
    yield Table(header, rows)


def _metrics(spec: Spec) -> Iterator[Block]:
    """Format 2: every metric of every step, in reading order."""
    rows = [
        [
            entry.step.title or entry.step.id,
            metric.name,
            "" if metric.value is None else number(metric.value),
            "" if metric.target is None else number(metric.target),
            metric.unit,
        ]
        for entry in spec.steps
        for metric in entry.step.metrics
    ]
    if not rows:
        return
    words = spec.words
    yield Heading(2, words("metrics"), "metrics")
    yield Table(
        [
            words("step"),
            words("metric"),
            words("metric_value"),
            words("metric_target"),
            words("unit"),
        ],
        rows,
        "metrics",
    )


def _costs(spec: Spec) -> Iterator[Block]:
    """Format 2: the steps' cost per phase, customer-induced and customer-independent apart,
    and what the customer's journey (the longest path, as timed below) costs."""
    if not any(entry.step.cost is not None for entry in spec.steps):
        return
    words = spec.words

    def total(entries: list[StepEntry]) -> float | None:
        costs = [e.step.cost for e in entries if e.step.cost is not None]
        return sum(costs) if costs else None

    rows = []
    everything: list[StepEntry] = []
    for section in spec.phases:
        entries = [entry for group in section.lanes for entry in group.steps]
        everything += entries
        if total(entries) is None:
            continue  # a phase whose steps cost nothing that is known
        rows.append(
            [
                section.phase.title if section.phase else words("no_phase"),
                spec.money(total([e for e in entries if not e.step.customer_independent])),
                spec.money(total([e for e in entries if e.step.customer_independent])),
                spec.money(total(entries)),
            ]
        )
    rows.append(
        [
            words("total"),
            spec.money(total([e for e in everything if not e.step.customer_independent])),
            spec.money(total([e for e in everything if e.step.customer_independent])),
            spec.money(total(everything)),
        ]
    )
    yield Heading(2, cost_header(spec), "cost")
    header = [words("phase"), words("induced_work"), words("independent_work"), words("total")]
    yield Table(header, rows, "costs")
    journey = [step.cost for step in spec.timing.steps if step.cost is not None]
    if journey:
        yield Paragraph(
            words("label_value", label=words("cost_journey"), value=spec.money(sum(journey)))
        )


def _evidence(spec: Spec) -> Iterator[Block]:
    words = spec.words
    yield Heading(2, words("evidence_heading"), "evidence")
    if not spec.customer_evidence:
        yield Paragraph(words("no_customer_steps"))
        return
    rows = [
        [
            step_label(spec, e.step),
            "; ".join(s.title or s.id for s in e.evidence) or words("no_evidence"),
        ]
        for e in spec.customer_evidence
    ]
    yield Table([words("step"), words("evidence")], rows)


def _touchpoints(spec: Spec) -> Iterator[Block]:
    """Where the customer meets the frontstage: every flow across the line of interaction
    alone, with its channel and whether it goes both ways (check-in: guest ↔ clerk). A call
    straight to the backstage is listed with the hand-offs, as it crosses two lines."""
    if not spec.touchpoints:
        return
    words = spec.words
    yield Heading(2, words("touchpoints_heading"), "touchpoints")
    yield Paragraph(words("touchpoints_intro"), "note")
    rows = []
    for crossing in spec.touchpoints:
        what = crossing.source.title or crossing.source.id
        if crossing.flow.label:
            what = words("label_value", label=what, value=crossing.flow.label)
        rows.append(
            [
                _who_in(spec, crossing.source, crossing.source_lane.title),
                what,
                "↔" if crossing.flow.two_way else "→",
                crossing.flow.channel or crossing.source.channel or crossing.target.channel,
                _who_in(spec, crossing.target, crossing.target_lane.title),
                crossing.target.title or crossing.target.id,
            ]
        )
    yield Table(
        [
            words("from_who"),
            words("step"),
            words("direction"),
            words("channel"),
            words("to_whom"),
            words("receiving_step"),
        ],
        rows,
        "touchpoints",
    )


def _handoffs(spec: Spec) -> Iterator[Block]:
    words = spec.words
    yield Heading(2, words("handoffs_heading"), "handoffs")
    yield Paragraph(words("handoffs_intro"), "note")
    if not spec.handoffs:
        yield Paragraph(words("no_handoffs"))
        return
    rows = []
    for handoff in spec.handoffs:
        what = handoff.source.title or handoff.source.id
        if handoff.flow.label:
            what = words("label_value", label=what, value=handoff.flow.label)
        rows.append(
            [
                " + ".join(words(f"line_{name}") for name in handoff.lines),
                _who_in(spec, handoff.source, handoff.source_lane.title),
                what,
                "↔" if handoff.flow.two_way else "",
                handoff.flow.channel,
                _who_in(spec, handoff.target, handoff.target_lane.title),
                handoff.target.title or handoff.target.id,
            ]
        )
    # the two-way and channel columns are left out (_compact) when no hand-off has one
    yield Table(
        [
            words("line"),
            words("from_who"),
            words("hands_what"),
            words("both_ways"),
            words("channel"),
            words("to_whom"),
            words("receiving_step"),
        ],
        rows,
        "handoffs",
    )


def _fail_points(spec: Spec) -> Iterator[Block]:
    words = spec.words
    yield Heading(2, words("fail_heading"), "fail-points")
    if not spec.fail_points:
        yield Paragraph(words("no_fail_points"))
        return
    rows = []
    for point in spec.fail_points:
        paths = [
            " → ".join([f"[{label}]" if label else "", *(s.title or s.id for s in path)]).lstrip(
                " →"
            )
            for label, path in point.paths
        ]
        rows.append(
            [
                step_label(spec, point.step),
                spec.who(point.step),
                "\n".join(paths) or f"⚠ {words('no_recovery')}",
            ]
        )
    yield Table([words("fail_point"), words("actor"), words("recovery_path")], rows)


def _timing(spec: Spec) -> Iterator[Block]:
    words, timing = spec.words, spec.timing
    yield Heading(2, words("time_heading"), "time")
    if not timing.steps:
        missing = timing.missing
        yield Paragraph(words("no_path" if missing in ("", "no_flows") else f"no_path_{missing}"))
        return
    total = spec.minutes(timing.minutes)
    if timing.target is None:
        verdict = words("no_target")
    elif timing.over_by:
        verdict = words(
            "over_target", target=spec.minutes(timing.target), over=spec.minutes(timing.over_by)
        )
    else:
        verdict = words("within_target", target=spec.minutes(timing.target))
    yield Paragraph(
        words(
            "label_value",
            label=words("time_along_path"),
            value=words("in_brackets", text=total, note=verdict),
        )
    )
    rows = [
        [
            str(index),
            step_label(spec, step),
            spec.who(step),
            spec.minutes(step.duration_minutes) or words("none"),
        ]
        for index, step in enumerate(timing.steps, start=1)
    ]
    yield Table(["#", words("longest_path"), words("actor"), words("duration")], rows)
    if timing.missing_duration:
        names = ", ".join(step.title or step.id for step in timing.missing_duration)
        yield Paragraph(words("label_value", label=words("missing_durations"), value=names), "note")


def _validation(spec: Spec) -> Iterator[Block]:
    words = spec.words
    yield Heading(2, words("validation_heading"), "validation")
    if spec.findings is None:
        yield Paragraph(words("not_checked"), "note")
        return
    if not spec.findings:
        yield Paragraph(words("no_problems"))
        return
    count = {
        name: sum(f.severity == name for f in spec.findings)
        for name in ("error", "warning", "info")
    }
    counted = {
        name: words(f"{name}s_{'one' if count[name] == 1 else 'many'}", n=count[name])
        for name in count
    }
    yield Paragraph(
        words(
            "problems_found",
            errors=counted["error"],
            warnings=counted["warning"],
            infos=counted["info"],
        )
    )
    rows = [
        [finding.rule, _severity(spec, finding.severity), finding.message]
        for finding in spec.findings
    ]
    yield Table([words("rule"), words("severity"), words("message")], rows, "findings")


def _who_in(spec: Spec, step: Step, lane_title: str) -> str:
    """ "Host (Frontstage)"; the lane once when no actor is named, not "Frontstage (Frontstage)"."""
    who = spec.who(step)
    return who if who == lane_title else spec.words("in_brackets", text=who, note=lane_title)


def _severity(spec: Spec, severity: str) -> str:
    if severity in ("error", "warning", "info"):
        return spec.words(f"severity_{severity}")
    return severity


__all__ = ["Block", "Diagram", "Fields", "Heading", "Paragraph", "Table", "blocks", "number"]
