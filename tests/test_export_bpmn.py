"""BPMN export: valid against the OMG BPMN 2.0 schemas, no dangling references, drawn at the
blueprint's layout, odd text intact."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest
import xmlschema

from benchmarks.generate import generate_blueprint
from blueprint_app.export.bpmn import iso_duration, to_bpmn
from blueprint_app.model import Blueprint, Flow, FlowKind, Step, StepKind, StepLayout
from blueprint_app.storage import load
from tests.conftest import DATA, ODD_TEXT

XSD = DATA / "bpmn-xsd" / "BPMN20.xsd"
NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
}
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
REF_ATTRIBUTES = (
    "sourceRef",
    "targetRef",
    "processRef",
    "bpmnElement",
    "dataObjectRef",
    "attachedToRef",
    "default",
)
REF_ELEMENTS = ("flowNodeRef", "incoming", "outgoing", "sourceRef", "targetRef")


@cache
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(XSD))


def dangling_references(root: ET.Element) -> list[str]:
    ids = {element.get("id") for element in root.iter() if element.get("id")}
    problems = []
    for element in root.iter():
        local = element.tag.rsplit("}", 1)[-1]
        for attribute in REF_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None and value not in ids:
                problems.append(f"{local}@{attribute}={value}")
        if local in REF_ELEMENTS and (element.text or "") not in ids:
            problems.append(f"{local}={element.text}")
    return problems


def check(text: str) -> ET.Element:
    """Schema-valid, every id an NCName and unique, every reference resolves."""
    errors = list(schema().iter_errors(text))
    assert not errors, errors[:3]
    root = ET.fromstring(text.encode("utf-8"))
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert len(ids) == len(set(ids))
    assert all(NCNAME.match(value) for value in ids)
    assert dangling_references(root) == []
    return root


def test_the_schema_check_can_fail() -> None:
    """Guards against a validator that accepts anything: broken documents are refused."""
    good = to_bpmn(load(DATA / "coffee.blueprint.json"))
    assert list(schema().iter_errors(good.replace("bpmn:startEvent", "bpmn:beginEvent")))
    assert list(schema().iter_errors(good.replace('isExecutable="false"', 'isExecutable="no"')))
    root = ET.fromstring(good.replace("<bpmn:incoming>Flow_f1<", "<bpmn:incoming>Flow_nope<"))
    assert dangling_references(root) == ["incoming=Flow_nope"]


def test_coffee_maps_each_kind_of_step() -> None:
    blueprint = load(DATA / "coffee.blueprint.json")
    root = check(to_bpmn(blueprint))
    process = root.find("bpmn:process", NS)
    assert process is not None
    names = {
        local: [e.get("name") for e in process.findall(f"bpmn:{local}", NS)]
        for local in (
            "startEvent",
            "endEvent",
            "task",
            "intermediateCatchEvent",
            "dataObjectReference",
            "sequenceFlow",
            "association",
        )
    }
    assert names["startEvent"] == ["Walk in"]
    assert names["endEvent"] == ["Leave with the drink"]
    assert names["intermediateCatchEvent"] == ["Wait at the counter"]
    assert sorted(names["dataObjectReference"]) == ["Cup with name", "Menu board"]
    assert len(names["task"]) == 6
    flows = [e.get("id") or "" for e in process.findall("bpmn:sequenceFlow", NS)]
    assert len([f for f in flows if f.startswith("Flow_")]) == 10  # flows and the recovery
    assert len(flows) == 14  # and the four inside gateway chains
    assert "wrong drink" in names["sequenceFlow"]
    assert len(names["association"]) == 2
    timer = process.find(
        "bpmn:intermediateCatchEvent/bpmn:timerEventDefinition/bpmn:timeDuration", NS
    )
    assert timer is not None and timer.text == "PT3M"
    lanes = {
        lane.get("name"): [ref.text for ref in lane.findall("bpmn:flowNodeRef", NS)]
        for lane in process.iterfind("bpmn:laneSet/bpmn:lane", NS)
    }
    assert lanes["Backstage"] == ["Step_make", "Step_remake", "Split_make"]
    assert lanes["Physical evidence"] == []  # data objects are not flow nodes
    assert root.find("bpmn:collaboration/bpmn:participant", NS).get("processRef") == "Process"


def test_decision_becomes_an_exclusive_gateway_with_named_branches() -> None:
    blueprint = generate_blueprint(60)
    root = check(to_bpmn(blueprint))
    gateways = [
        gateway
        for gateway in root.findall("bpmn:process/bpmn:exclusiveGateway", NS)
        if (gateway.get("id") or "").startswith("Step_")
    ]
    decisions = [s for s in blueprint.steps if s.kind == StepKind.DECISION]
    assert decisions and len(gateways) == len(decisions)
    flows = {
        f.get("id"): f.get("name") for f in root.iterfind("bpmn:process/bpmn:sequenceFlow", NS)
    }
    outgoing = [flows[ref.text] for ref in gateways[0].findall("bpmn:outgoing", NS)]
    assert "no" in outgoing


def test_shapes_follow_the_blueprint_layout() -> None:
    blueprint = load(DATA / "coffee.blueprint.json")
    root = check(to_bpmn(blueprint))
    bounds = {}
    for shape in root.iterfind(".//bpmndi:BPMNShape", NS):
        box = shape.find("dc:Bounds", NS)
        bounds[shape.get("bpmnElement")] = {
            k: float(box.get(k)) for k in ("x", "y", "width", "height")
        }

    def centre(step_id: str) -> tuple[float, float]:
        b = bounds[f"Step_{step_id}"]
        return b["x"] + b["width"] / 2, b["y"] + b["height"] / 2

    assert centre("arrive")[0] < centre("order-drink")[0] < centre("wait")[0] < centre("leave")[0]
    assert centre("order-drink")[0] == centre("take-order")[0]  # same x, different lanes
    assert centre("make")[1] < centre("remake")[1]  # row 1 below row 0 in the same lane
    for step in blueprint.steps:  # each step inside its lane's band
        lane = bounds[f"Lane_{step.lane}"]
        assert lane["y"] <= centre(step.id)[1] <= lane["y"] + lane["height"]
    pool = bounds["Participant"]
    assert all(b["x"] + b["width"] <= pool["x"] + pool["width"] for b in bounds.values())
    edges = root.findall(".//bpmndi:BPMNEdge", NS)
    assert len(edges) == 16 and all(len(e.findall("di:waypoint", NS)) >= 2 for e in edges)


def test_generated_300_step_blueprint_is_valid() -> None:
    blueprint = generate_blueprint(300)
    root = check(to_bpmn(blueprint))
    shapes = root.findall(".//bpmndi:BPMNShape", NS)
    nodes = [e for e in root.find("bpmn:process", NS) if e.get("id") and "Flow" not in e.tag]
    nodes = [e for e in nodes if not e.tag.endswith(("dataObject", "laneSet", "association"))]
    assert len(shapes) == len(nodes) + len(blueprint.lanes) + 1
    assert len(nodes) > len(blueprint.steps)  # the gateways that make forks and joins explicit


def test_ids_that_are_not_ncnames_are_mapped() -> None:
    blueprint = Blueprint.model_validate_json((DATA / "coffee.blueprint.json").read_text())
    blueprint.steps.append(Step(id="1.first", lane="customer", title="Digits first"))
    blueprint.steps.append(Step(id="2-b", lane="frontstage", title="No layout", kind=StepKind.WAIT))
    blueprint.flows.append(Flow(id="9.x", source="1.first", target="2-b", label="then"))
    root = check(to_bpmn(blueprint))
    assert root.find(".//bpmn:task[@id='Step_1.first']", NS) is not None
    wait = root.find(".//bpmn:intermediateCatchEvent[@id='Step_2-b']", NS)
    assert wait is not None and wait.find("bpmn:timerEventDefinition", NS) is not None
    assert wait.find(".//bpmn:timeDuration", NS) is None  # no duration known


def test_odd_text_survives(tmp_path: Path) -> None:
    blueprint = Blueprint.model_validate_json((DATA / "coffee.blueprint.json").read_text())
    blueprint.title = ODD_TEXT
    blueprint.steps[2].title = ODD_TEXT
    blueprint.steps[2].description = ODD_TEXT
    blueprint.lanes[1].title = ODD_TEXT
    blueprint.flows[6].label = ODD_TEXT
    blueprint.steps[0].title = ODD_TEXT  # evidence
    text = to_bpmn(blueprint)
    root = check(text)
    named = [e.get("name") for e in root.iter() if e.get("name") == ODD_TEXT]
    assert len(named) >= 6  # participant, process, diagram, task, lane, flow, data object
    assert any(e.text and ODD_TEXT in e.text for e in root.iter())


def test_missing_layout_is_laid_out_by_flow_order() -> None:
    blueprint = load(DATA / "coffee.blueprint.json")
    for step in blueprint.steps:
        step.layout = None
    root = check(to_bpmn(blueprint))
    x = {
        s.get("bpmnElement"): float(s.find("dc:Bounds", NS).get("x"))
        for s in root.iterfind(".//bpmndi:BPMNShape", NS)
    }
    assert x["Step_arrive"] < x["Step_order-drink"] < x["Step_take-order"] < x["Step_make"]


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (3, "PT3M"),
        (1.5, "PT1M30S"),
        (90, "PT1H30M"),
        (0, "PT0S"),
        (2880, "PT48H"),
        (0.25, "PT15S"),
    ],
)
def test_iso_duration(minutes: float, expected: str) -> None:
    assert iso_duration(minutes) == expected


def test_cycles_and_recovery_loops_are_exported() -> None:
    blueprint = load(DATA / "coffee.blueprint.json")
    blueprint.flows.append(
        Flow(id="loop", source="hand-over", target="make", kind=FlowKind.RECOVERY, label="again")
    )
    blueprint.steps[0].layout = StepLayout(x=-500, row=3)
    check(to_bpmn(blueprint))


def test_every_format_handles_an_empty_blueprint() -> None:
    from blueprint_app.export.formats import FORMATS, export_bytes
    from blueprint_app.model import new_blueprint

    empty = new_blueprint("空白 <blank>", "zh-CN")
    check(to_bpmn(empty))
    for name in FORMATS:
        assert export_bytes(empty, name)


def test_export_is_deterministic() -> None:
    """Same blueprint, same bytes: exports can be committed and diffed."""
    from blueprint_app.export.mermaid import to_mermaid

    blueprint = load(DATA / "coffee.blueprint.json")
    assert to_bpmn(blueprint) == to_bpmn(load(DATA / "coffee.blueprint.json"))
    assert to_mermaid(blueprint) == to_mermaid(load(DATA / "coffee.blueprint.json"))


def test_a_target_in_the_documentation_reads_in_human_units() -> None:
    """BPMN keeps the ISO duration for tools; the text a person reads says "2 d", not 2880."""
    blueprint = load(DATA / "coffee.blueprint.json")
    make = next(step for step in blueprint.steps if step.id == "make")
    make.target_minutes = 2880
    root = check(to_bpmn(blueprint))
    task = root.find("bpmn:process/bpmn:task[@id='Step_make']", NS)
    assert task is not None
    texts = [doc.text or "" for doc in task.findall("bpmn:documentation", NS)]
    assert any("Target: 2 d" in text for text in texts) and not any("2880" in t for t in texts)
