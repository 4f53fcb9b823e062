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

from blueprint_app.export.bpmn_import import LANE_KIND_PREFIX
from blueprint_app.export.bpmn_layout import Box, Layout
from blueprint_app.export.bpmn_process import BpmnProcess, Edge, Node, build, flow_ref, step_ref
from blueprint_app.export.spec import metric_cell, money_number
from blueprint_app.export.words import Words
from blueprint_app.model.blueprint import Blueprint, Flow, FlowKind, Step, StepKind
from blueprint_app.model.durations import format_minutes
from blueprint_app.model.glossary import LANE_KINDS, MARKERS, ORDER_PENETRATION
from blueprint_app.model.text import xml_text

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
TARGET_NAMESPACE = "https://blueprint-studio.invalid/bpmn"
NAMESPACES = {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI, "xsi": XSI}


def _q(namespace: str, tag: str) -> str:
    return f"{{{namespace}}}{tag}"


def lane_ref(lane_id: str) -> str:
    return f"Lane_{lane_id}"


def iso_duration(minutes: float) -> str:
    """Minutes as an ISO 8601 duration: 90 → PT1H30M, 1.5 → PT1M30S, 0 → PT0S."""
    seconds = round(minutes * 60)
    hours, rest = divmod(seconds, 3600)
    mins, secs = divmod(rest, 60)
    parts = [f"{hours}H" if hours else "", f"{mins}M" if mins else "", f"{secs}S" if secs else ""]
    return "PT" + ("".join(parts) or "0S")


def to_bpmn(blueprint: Blueprint) -> str:
    """The BPMN 2.0 XML document (UTF-8 text with an XML declaration)."""
    for prefix, uri in NAMESPACES.items():
        ET.register_namespace(prefix, uri)
    words = Words(blueprint.language)
    root = ET.Element(
        _q(BPMN, "definitions"),
        {
            "id": "Definitions",
            "targetNamespace": TARGET_NAMESPACE,
            "exporter": EXPORTER,
            "exporterVersion": _version(),
            # the language of the names, read back by the import (XSD-valid: any attribute
            # of another namespace)
            "{http://www.w3.org/XML/1998/namespace}lang": blueprint.language,
        },
    )
    if blueprint.phases:  # phases as groups, each showing its value of this category
        category = ET.SubElement(root, _q(BPMN, "category"), id="Phases")
        for phase in blueprint.phases:
            ET.SubElement(
                category, _q(BPMN, "categoryValue"), id=f"PhaseName_{phase.id}", value=phase.title
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
    independent = (
        words("bpmn_independent_start"),
        words("bpmn_independent_end"),
        words("bpmn_answered"),
        words("bpmn_branch_end"),
    )
    graph = build(blueprint, words("bpmn_recovery_question"), independent)
    _lane_set(process, blueprint, graph)
    for node in graph.nodes.values():
        _flow_node(process, node, graph, blueprint.currency)
    for edge in graph.edges:
        _sequence_flow(process, edge)
    attached = _artifacts(process, blueprint, graph)
    _diagram(root, blueprint, graph, attached)
    _xml_safe(root)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _artifacts(process: ET.Element, blueprint: Blueprint, graph: BpmnProcess) -> list[str]:
    """Evidence as data objects, notes as text annotations, phases as groups, and the
    associations that tie them to steps; the ids of the notes attached to a step."""
    for step in blueprint.steps:
        if step.kind == StepKind.EVIDENCE:
            _data_object(process, step)
    for note in blueprint.notes:
        annotation = ET.SubElement(process, _q(BPMN, "textAnnotation"), id=f"Note_{note.id}")
        ET.SubElement(annotation, _q(BPMN, "text")).text = note.text
    phased = {step.phase for step in blueprint.steps if step.phase}
    for phase in blueprint.phases:
        if phase.id in phased:
            group = ET.SubElement(
                process,
                _q(BPMN, "group"),
                id=f"Phase_{phase.id}",
                categoryValueRef=f"PhaseName_{phase.id}",
            )
            if phase.description:
                _documentation(group, phase.description)
    for flow in graph.associations:
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
    steps = {step.id for step in blueprint.steps}
    attached = [n for n in blueprint.notes if n.attached_to in steps]
    for note in attached:
        ET.SubElement(
            process,
            _q(BPMN, "association"),
            id=f"NoteLink_{note.id}",
            sourceRef=f"Note_{note.id}",
            targetRef=step_ref(note.attached_to or ""),
            associationDirection="None",
        )
    return [note.id for note in attached]


#: the ``exporter`` of every file written here: the import knows its own gateways by it
EXPORTER = "Blueprint Studio"


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


def _documentation(parent: ET.Element, text: str) -> None:
    ET.SubElement(parent, _q(BPMN, "documentation")).text = text


def _lane_set(process: ET.Element, blueprint: Blueprint, graph: BpmnProcess) -> None:
    lane_set = ET.SubElement(process, _q(BPMN, "laneSet"), id="LaneSet")
    for lane in blueprint.lanes:
        name = lane.title.strip() and lane.title
        if not name:  # BPMN tools ask every lane for a name
            name = (
                LANE_KINDS[lane.kind].name(blueprint.language)
                if lane.kind in LANE_KINDS
                else lane.id
            )
        element = ET.SubElement(lane_set, _q(BPMN, "lane"), id=lane_ref(lane.id), name=name)
        _documentation(element, f"{LANE_KIND_PREFIX}{lane.kind.value}")  # read back on import
        for node in graph.nodes.values():
            if node.step.lane == lane.id:
                ET.SubElement(element, _q(BPMN, "flowNodeRef")).text = node.id


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


def _flow_node(process: ET.Element, node: Node, graph: BpmnProcess, currency: str = "") -> None:
    attributes = {"id": node.id}
    step = node.step
    if node.name:
        attributes["name"] = node.name
    outgoing = graph.outgoing(node.id)
    default = next((edge.id for edge in outgoing if edge.default), None)
    if default and node.tag.endswith("Gateway"):
        attributes["default"] = default
    element = ET.SubElement(process, _q(BPMN, node.tag), attributes)
    if node.slot == 0:
        documentation = _step_documentation(step, currency)
        if documentation:
            _documentation(element, documentation)
    for edge in graph.incoming(node.id):
        ET.SubElement(element, _q(BPMN, "incoming")).text = edge.id
    for edge in outgoing:
        ET.SubElement(element, _q(BPMN, "outgoing")).text = edge.id
    if node.timer:
        ET.SubElement(element, _q(BPMN, "timerEventDefinition"), id=f"Timer_{node.id}")
    if node.message:
        ET.SubElement(element, _q(BPMN, "messageEventDefinition"), id=f"Message_{node.id}")
    if node.slot == 0 and step.kind == StepKind.WAIT:
        timer = ET.SubElement(element, _q(BPMN, "timerEventDefinition"), id=f"Timer_{step.id}")
        if step.duration_minutes is not None:
            duration = ET.SubElement(
                timer, _q(BPMN, "timeDuration"), {_q(XSI, "type"): "bpmn:tFormalExpression"}
            )
            duration.text = iso_duration(step.duration_minutes)


def _data_object(process: ET.Element, step: Step) -> None:
    ET.SubElement(process, _q(BPMN, "dataObject"), id=f"DataObject_{step.id}")
    element = ET.SubElement(
        process,
        _q(BPMN, "dataObjectReference"),
        id=step_ref(step.id),
        name=step.title,
        dataObjectRef=f"DataObject_{step.id}",
    )
    if step.description:
        _documentation(element, step.description)


def _sequence_flow(process: ET.Element, edge: Edge) -> None:
    attributes = {"id": edge.id, "sourceRef": edge.source, "targetRef": edge.target}
    if edge.name:
        attributes["name"] = edge.name
    element = ET.SubElement(process, _q(BPMN, "sequenceFlow"), attributes)
    flow = edge.flow
    if flow is not None:
        documentation = _flow_documentation(flow)
        if flow.label and not edge.name:  # a label BPMN would call superfluous on the line
            documentation = "\n".join(filter(None, [documentation, f"{LABEL}: {flow.label}"]))
        if documentation:
            _documentation(element, documentation)
    if edge.condition is not None:
        condition = ET.SubElement(
            element, _q(BPMN, "conditionExpression"), {_q(XSI, "type"): "bpmn:tFormalExpression"}
        )
        condition.text = edge.condition


#: how a flow's label that BPMN would not show as a name is kept in its documentation
LABEL = "Label"


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
    root: ET.Element, blueprint: Blueprint, graph: BpmnProcess, attached: list[str]
) -> None:
    layout = Layout(blueprint, graph)
    diagram = ET.SubElement(root, _q(BPMNDI, "BPMNDiagram"), id="Diagram", name=blueprint.title)
    plane = ET.SubElement(diagram, _q(BPMNDI, "BPMNPlane"), id="Plane", bpmnElement="Collaboration")
    _shape(plane, "Participant", layout.pool, horizontal=True)
    for lane in blueprint.lanes:
        _shape(plane, lane_ref(lane.id), layout.lanes[lane.id], horizontal=True)
    exclusive = {node.id for node in graph.nodes.values() if node.tag == "exclusiveGateway"}
    for ref, box in layout.shapes.items():
        shape = _shape(plane, ref, box, marker=ref in exclusive)
        if ref in layout.labels:
            label = ET.SubElement(shape, _q(BPMNDI, "BPMNLabel"))
            _bounds(label, layout.labels[ref])
    for note_id, box in layout.notes.items():
        _shape(plane, f"Note_{note_id}", box)
    for phase_id, box in layout.phases.items():
        shape = _shape(plane, f"Phase_{phase_id}", box)
        label = ET.SubElement(shape, _q(BPMNDI, "BPMNLabel"))
        _bounds(label, layout.labels[f"Phase_{phase_id}"])
    for edge in graph.edges:
        element = ET.SubElement(
            plane, _q(BPMNDI, "BPMNEdge"), id=f"DI_{edge.id}", bpmnElement=edge.id
        )
        for x, y in layout.waypoints[edge.id]:
            ET.SubElement(element, _q(DI, "waypoint"), x=_num(x), y=_num(y))
        if edge.id in layout.labels:
            label = ET.SubElement(element, _q(BPMNDI, "BPMNLabel"))
            _bounds(label, layout.labels[edge.id])
    for flow in graph.associations:
        _line(
            plane,
            flow_ref(flow.id),
            layout.shapes[step_ref(flow.source)],
            layout.shapes[step_ref(flow.target)],
        )
    for note_id in attached:
        note = next(n for n in blueprint.notes if n.id == note_id)
        _line(
            plane,
            f"NoteLink_{note_id}",
            layout.notes[note_id],
            layout.shapes[step_ref(note.attached_to or "")],
        )


def _line(plane: ET.Element, ref: str, a: Box, b: Box) -> None:
    """An association: straight between the facing sides of the two shapes."""
    edge = ET.SubElement(plane, _q(BPMNDI, "BPMNEdge"), id=f"DI_{ref}", bpmnElement=ref)
    if b.y >= a.bottom:
        points = [(a.cx, a.bottom), (b.cx, b.y)]
    elif a.y >= b.bottom:
        points = [(a.cx, a.y), (b.cx, b.bottom)]
    elif b.x >= a.right:
        points = [(a.right, a.cy), (b.x, b.cy)]
    else:
        points = [(a.x, a.cy), (b.right, b.cy)]
    for x, y in points:
        ET.SubElement(edge, _q(DI, "waypoint"), x=_num(x), y=_num(y))


def _shape(
    plane: ET.Element, element: str, box: Box, horizontal: bool = False, marker: bool = False
) -> ET.Element:
    attributes = {"id": f"DI_{element}", "bpmnElement": element}
    if horizontal:
        attributes["isHorizontal"] = "true"
    if marker:  # exclusive gateways drawn with their X, as Camunda Modeler draws them
        attributes["isMarkerVisible"] = "true"
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


__all__ = ["flow_ref", "iso_duration", "step_ref", "to_bpmn"]
