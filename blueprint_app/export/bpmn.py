"""BPMN 2.0 XML with diagram interchange, so the process opens already drawn in BPMN tools.

Mapping: one collaboration with one participant (pool) whose process has a lane per blueprint
lane; start/end steps become events, actions tasks, decisions exclusive gateways, waits timer
catch events (duration as ISO 8601), evidence steps data object references joined to their step
by associations; flows (recovery too) become sequence flows named by their label. A two-way
flow is still one sequence flow, source to target, documented as going both ways (see
:func:`_flow_documentation`); a two-way association is ``associationDirection="Both"``.

BPMN ids must be XML NCNames while blueprint ids may start with a digit, so every id is
prefixed by the kind of element it names (``Step_``, ``Flow_``, ``Lane_`` ...): the mapping is
one-to-one and stable, so exports of the same blueprint diff cleanly.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from blueprint_app.analysis.process import Process, columns
from blueprint_app.export.spec import metric_cell, money_number
from blueprint_app.model.blueprint import Blueprint, Flow, FlowKind, Step, StepKind
from blueprint_app.model.durations import format_minutes
from blueprint_app.model.glossary import MARKERS, ORDER_PENETRATION
from blueprint_app.model.text import xml_text

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
TARGET_NAMESPACE = "https://blueprint-studio.invalid/bpmn"
NAMESPACES = {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI, "xsi": XSI}

POOL_HEADER, LANE_HEADER, MARGIN = 30.0, 30.0, 40.0
ROW_HEIGHT, COLUMN = 120.0, 160.0
SIZES: dict[StepKind, tuple[float, float]] = {
    StepKind.ACTION: (100.0, 80.0),
    StepKind.START: (36.0, 36.0),
    StepKind.END: (36.0, 36.0),
    StepKind.DECISION: (50.0, 50.0),
    StepKind.WAIT: (36.0, 36.0),
    StepKind.EVIDENCE: (36.0, 50.0),
}
TAGS = {
    StepKind.ACTION: "task",
    StepKind.START: "startEvent",
    StepKind.END: "endEvent",
    StepKind.DECISION: "exclusiveGateway",
    StepKind.WAIT: "intermediateCatchEvent",
    StepKind.EVIDENCE: "dataObjectReference",
}


def _q(namespace: str, tag: str) -> str:
    return f"{{{namespace}}}{tag}"


def step_ref(step_id: str) -> str:
    return f"Step_{step_id}"


def flow_ref(flow_id: str) -> str:
    return f"Flow_{flow_id}"


def lane_ref(lane_id: str) -> str:
    return f"Lane_{lane_id}"


def iso_duration(minutes: float) -> str:
    """Minutes as an ISO 8601 duration: 90 → PT1H30M, 1.5 → PT1M30S, 0 → PT0S."""
    seconds = round(minutes * 60)
    hours, rest = divmod(seconds, 3600)
    mins, secs = divmod(rest, 60)
    parts = [f"{hours}H" if hours else "", f"{mins}M" if mins else "", f"{secs}S" if secs else ""]
    return "PT" + ("".join(parts) or "0S")


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        return self.y + self.height / 2


class _Layout:
    """Where each lane and step sits in the drawing, from the blueprint's own layout."""

    def __init__(self, blueprint: Blueprint) -> None:
        column: dict[str, int] = {}
        if any(step.layout is None for step in blueprint.steps):  # else no column is asked
            process = Process(blueprint)
            column = columns(process.graph, process.rank)
        xs = {s.id: s.layout.x if s.layout else column[s.id] * COLUMN for s in blueprint.steps}
        rows = {s.id: s.layout.row if s.layout else 0 for s in blueprint.steps}
        left = min(xs.values(), default=0.0)
        origin = POOL_HEADER + LANE_HEADER + MARGIN
        self.lanes: dict[str, Box] = {}
        self.steps: dict[str, Box] = {}
        y = 0.0
        right = origin + COLUMN
        for lane in blueprint.lanes:
            in_lane = [s for s in blueprint.steps if s.lane == lane.id]
            height = (max((rows[s.id] for s in in_lane), default=0) + 1) * ROW_HEIGHT
            for step in in_lane:
                width, tall = SIZES[step.kind]
                cx = origin + xs[step.id] - left + SIZES[StepKind.ACTION][0] / 2
                cy = y + rows[step.id] * ROW_HEIGHT + ROW_HEIGHT / 2
                self.steps[step.id] = Box(cx - width / 2, cy - tall / 2, width, tall)
                right = max(right, cx + SIZES[StepKind.ACTION][0] / 2 + MARGIN)
            self.lanes[lane.id] = Box(POOL_HEADER, y, 0.0, height)
            y += height
        self.pool = Box(0.0, 0.0, right, max(y, ROW_HEIGHT))
        self.lanes = {
            lid: Box(b.x, b.y, right - POOL_HEADER, b.height) for lid, b in self.lanes.items()
        }

    def waypoints(self, source: str, target: str) -> list[tuple[float, float]]:
        """Right side to left side with one bend, or straight down/up when stacked."""
        a, b = self.steps[source], self.steps[target]
        if abs(a.cx - b.cx) < 1:
            if b.cy >= a.cy:
                return [(a.cx, a.y + a.height), (b.cx, b.y)]
            return [(a.cx, a.y), (b.cx, b.y + b.height)]
        if b.cx > a.cx:
            start, end = (a.x + a.width, a.cy), (b.x, b.cy)
        else:
            start, end = (a.x, a.cy), (b.x + b.width, b.cy)
        if abs(start[1] - end[1]) < 1:
            return [start, end]
        middle = (start[0] + end[0]) / 2
        return [start, (middle, start[1]), (middle, end[1]), end]


def to_bpmn(blueprint: Blueprint) -> str:
    """The BPMN 2.0 XML document (UTF-8 text with an XML declaration)."""
    for prefix, uri in NAMESPACES.items():
        ET.register_namespace(prefix, uri)
    root = ET.Element(
        _q(BPMN, "definitions"),
        {
            "id": "Definitions",
            "targetNamespace": TARGET_NAMESPACE,
            "exporter": "Blueprint Studio",
            "exporterVersion": _version(),
        },
    )
    collaboration = ET.SubElement(root, _q(BPMN, "collaboration"), id="Collaboration")
    ET.SubElement(
        collaboration,
        _q(BPMN, "participant"),
        id="Participant",
        name=blueprint.title,
        processRef="Process",
    )
    process = ET.SubElement(
        root, _q(BPMN, "process"), id="Process", name=blueprint.title, isExecutable="false"
    )
    if blueprint.description:
        _documentation(process, blueprint.description)
    by_id = {step.id: step for step in blueprint.steps}
    sequence = [f for f in blueprint.flows if _is_sequence(f, by_id)]
    associations = [
        f
        for f in blueprint.flows
        if f.source in by_id and f.target in by_id and not _is_sequence(f, by_id)
    ]
    _lane_set(process, blueprint)
    incoming: dict[str, list[str]] = {}
    outgoing: dict[str, list[str]] = {}
    for flow in sequence:
        incoming.setdefault(flow.target, []).append(flow_ref(flow.id))
        outgoing.setdefault(flow.source, []).append(flow_ref(flow.id))
    for step in blueprint.steps:
        _flow_node(
            process,
            step,
            incoming.get(step.id, []),
            outgoing.get(step.id, []),
            blueprint.currency,
        )
    for flow in sequence:
        _sequence_flow(process, flow)
    for flow in associations:
        association = ET.SubElement(
            process,
            _q(BPMN, "association"),
            id=flow_ref(flow.id),
            sourceRef=step_ref(flow.source),
            targetRef=step_ref(flow.target),
            # BPMN's own two-headed association; an evidence link otherwise has no direction
            associationDirection="Both" if flow.two_way else "None",
        )
        documentation = _flow_documentation(flow)
        if documentation:
            _documentation(association, documentation)
    _diagram(root, blueprint, sequence, associations)
    _xml_safe(root)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _xml_safe(root: ET.Element) -> None:
    """Drop characters XML 1.0 cannot carry at all (control characters), so the file parses."""
    for element in root.iter():
        if element.text:
            element.text = xml_text(element.text)
        for key, value in element.attrib.items():
            element.attrib[key] = xml_text(value)


def _version() -> str:
    from blueprint_app import __version__

    return __version__


def _is_sequence(flow: Flow, by_id: dict[str, Step]) -> bool:
    """Flows between process steps; anything touching evidence is drawn as an association."""
    if flow.kind == FlowKind.EVIDENCE or flow.source not in by_id or flow.target not in by_id:
        return False
    return StepKind.EVIDENCE not in (by_id[flow.source].kind, by_id[flow.target].kind)


def _documentation(parent: ET.Element, text: str) -> None:
    ET.SubElement(parent, _q(BPMN, "documentation")).text = text


def _lane_set(process: ET.Element, blueprint: Blueprint) -> None:
    lane_set = ET.SubElement(process, _q(BPMN, "laneSet"), id="LaneSet")
    for lane in blueprint.lanes:
        element = ET.SubElement(lane_set, _q(BPMN, "lane"), id=lane_ref(lane.id), name=lane.title)
        for step in blueprint.steps:
            if step.lane == lane.id and step.kind != StepKind.EVIDENCE:
                ET.SubElement(element, _q(BPMN, "flowNodeRef")).text = step_ref(step.id)


def _step_documentation(step: Step, currency: str = "") -> str:
    """The step's fields as BPMN text, in English (BPMN tools have no language), glossary names."""
    lines = [step.description] if step.description else []
    if step.customer_independent:  # not part of any one customer's process: said first
        lines.append(
            f"{MARKERS['customer_independent'].en} (below the {ORDER_PENETRATION.en.lower()})"
        )
    for label, value in (
        ("Actor", step.actor),
        ("Channel", step.channel),
        (MARKERS["standard"].en, step.standard),
        (MARKERS["policy"].en, step.policy),
    ):
        if value:
            lines.append(f"{label}: {value}")
    if step.target_minutes is not None:
        lines.append(f"{MARKERS['target'].en}: {format_minutes(step.target_minutes, 'en')}")
    if step.tolerance_minutes is not None:
        lines.append(f"{MARKERS['tolerance'].en}: {format_minutes(step.tolerance_minutes, 'en')}")
    if step.cost is not None:
        lines.append(f"{MARKERS['cost'].en}: {money_number(step.cost)} {currency}".rstrip())
    if step.metrics:
        metrics = "; ".join(metric_cell(metric) for metric in step.metrics)
        lines.append(f"{MARKERS['metrics'].en}: {metrics}")
    if step.moment_of_truth:
        lines.append(MARKERS["moment_of_truth"].en)
    if step.fail_point:
        lines.append(MARKERS["fail_point"].en)
    return "\n".join(lines)


def _flow_node(
    process: ET.Element, step: Step, incoming: list[str], outgoing: list[str], currency: str = ""
) -> None:
    sid = step_ref(step.id)
    if step.kind == StepKind.EVIDENCE:
        ET.SubElement(process, _q(BPMN, "dataObject"), id=f"DataObject_{step.id}")
        element = ET.SubElement(
            process,
            _q(BPMN, "dataObjectReference"),
            id=sid,
            name=step.title,
            dataObjectRef=f"DataObject_{step.id}",
        )
        if step.description:
            _documentation(element, step.description)
        return
    element = ET.SubElement(process, _q(BPMN, TAGS[step.kind]), id=sid, name=step.title)
    documentation = _step_documentation(step, currency)
    if documentation:
        _documentation(element, documentation)
    for ref in incoming:
        ET.SubElement(element, _q(BPMN, "incoming")).text = ref
    for ref in outgoing:
        ET.SubElement(element, _q(BPMN, "outgoing")).text = ref
    if step.kind == StepKind.WAIT:
        timer = ET.SubElement(element, _q(BPMN, "timerEventDefinition"), id=f"Timer_{step.id}")
        if step.duration_minutes is not None:
            duration = ET.SubElement(
                timer, _q(BPMN, "timeDuration"), {_q(XSI, "type"): "bpmn:tFormalExpression"}
            )
            duration.text = iso_duration(step.duration_minutes)


def _sequence_flow(process: ET.Element, flow: Flow) -> None:
    attributes = {
        "id": flow_ref(flow.id),
        "sourceRef": step_ref(flow.source),
        "targetRef": step_ref(flow.target),
    }
    if flow.label:
        attributes["name"] = flow.label
    element = ET.SubElement(process, _q(BPMN, "sequenceFlow"), attributes)
    documentation = _flow_documentation(flow)
    if documentation:
        _documentation(element, documentation)


def _flow_documentation(flow: Flow) -> str:
    """A flow's kind, two-way-ness and channel as BPMN text (English, glossary names).

    A sequence flow has one direction, the order of work, so a two-way flow stays one sequence
    flow from source to target and says it goes both ways here: every lane is a lane of one
    process, so there is no second pool that a pair of message flows could join.
    """
    lines = ["Recovery path"] if flow.kind == FlowKind.RECOVERY else []
    if flow.two_way:
        lines.append(MARKERS["two_way"].en)
    if flow.channel:
        lines.append(f"Channel: {flow.channel}")
    return "\n".join(lines)


def _diagram(
    root: ET.Element, blueprint: Blueprint, sequence: list[Flow], associations: list[Flow]
) -> None:
    layout = _Layout(blueprint)
    diagram = ET.SubElement(root, _q(BPMNDI, "BPMNDiagram"), id="Diagram", name=blueprint.title)
    plane = ET.SubElement(diagram, _q(BPMNDI, "BPMNPlane"), id="Plane", bpmnElement="Collaboration")
    _shape(plane, "Participant", layout.pool, horizontal=True)
    for lane in blueprint.lanes:
        _shape(plane, lane_ref(lane.id), layout.lanes[lane.id], horizontal=True)
    for step in blueprint.steps:
        shape = _shape(plane, step_ref(step.id), layout.steps[step.id])
        if step.kind == StepKind.EVIDENCE:  # name above: the association leaves from below
            box = layout.steps[step.id]
            label = ET.SubElement(shape, _q(BPMNDI, "BPMNLabel"))
            _bounds(label, Box(box.cx - 50, box.y - 30, 100, 26))
    for flow in [*sequence, *associations]:
        edge = ET.SubElement(
            plane,
            _q(BPMNDI, "BPMNEdge"),
            id=f"DI_{flow_ref(flow.id)}",
            bpmnElement=flow_ref(flow.id),
        )
        for x, y in layout.waypoints(flow.source, flow.target):
            ET.SubElement(edge, _q(DI, "waypoint"), x=_num(x), y=_num(y))


def _shape(plane: ET.Element, element: str, box: Box, horizontal: bool = False) -> ET.Element:
    attributes = {"id": f"DI_{element}", "bpmnElement": element}
    if horizontal:
        attributes["isHorizontal"] = "true"
    shape = ET.SubElement(plane, _q(BPMNDI, "BPMNShape"), attributes)
    _bounds(shape, box)
    return shape


def _bounds(parent: ET.Element, box: Box) -> None:
    ET.SubElement(
        parent,
        _q(DC, "Bounds"),
        x=_num(box.x),
        y=_num(box.y),
        width=_num(box.width),
        height=_num(box.height),
    )


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


__all__ = ["iso_duration", "to_bpmn"]
