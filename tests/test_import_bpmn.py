"""BPMN opened as a blueprint: our own exports come back with their steps, lanes, flows,
phases and titles; diagrams from other BPMN projects map with every element accounted for;
hostile or wrong input is refused with a clear message and nothing is written."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from blueprint_app.cli import main
from blueprint_app.export.bpmn import to_bpmn
from blueprint_app.export.bpmn_import import (
    ACTIVITIES,
    BpmnImportError,
    guess_lane_kind,
    import_bpmn,
    read_bpmn,
)
from blueprint_app.model import Blueprint, LaneKind
from blueprint_app.storage import load
from blueprint_app.storage.reader import from_raw
from tests.conftest import DATA, ODD_TEXT
from tests.test_export_bpmn_tools import SHIPPED

FOREIGN = sorted((DATA / "bpmn").glob("*.bpmn"))
MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL"


def roundtrip(blueprint: Blueprint) -> Blueprint:
    return from_raw(read_bpmn(to_bpmn(blueprint).encode("utf-8")).data)


def facts(blueprint: Blueprint) -> dict[str, object]:
    return {
        "title": blueprint.title,
        "lanes": [(lane.id, lane.kind, lane.title) for lane in blueprint.lanes],
        "phases": [(phase.id, phase.title, phase.description) for phase in blueprint.phases],
        "steps": sorted(
            (s.id, s.lane, s.kind, s.title, s.phase, s.actor, s.fail_point) for s in blueprint.steps
        ),
        "flows": sorted(
            (f.id, f.source, f.target, f.kind, f.label, f.two_way) for f in blueprint.flows
        ),
        "notes": sorted((n.id, n.text, n.attached_to) for n in blueprint.notes),
    }


@pytest.mark.parametrize(
    "source",
    [
        *SHIPPED,
        DATA / "coffee.blueprint.json",
        *sorted((DATA / "published").glob("*.blueprint.json")),
    ],
    ids=lambda p: p.name,
)
def test_an_export_comes_back_as_it_went_out(source: Path) -> None:
    blueprint = load(source)
    back = roundtrip(blueprint)
    assert facts(back) == facts(blueprint)
    assert back.language == blueprint.language
    order = {s.id: (s.layout.x, s.layout.row) for s in back.steps if s.layout}
    for first in blueprint.steps:  # columns keep their left-to-right order
        for second in blueprint.steps:
            if first.layout and second.layout and first.layout.x < second.layout.x:
                assert order[first.id][0] < order[second.id][0]


def test_odd_text_and_two_way_flows_survive_the_round_trip() -> None:
    blueprint = load(DATA / "coffee.blueprint.json")
    blueprint.title = ODD_TEXT.replace("\\", "")
    blueprint.steps[2].title = '取餐 🎉 <&">'
    blueprint.flows[1].two_way = True
    blueprint.flows[1].channel = "电话"
    blueprint.flows[2].label = "ticket <1>"
    back = roundtrip(blueprint)
    assert facts(back) == facts(blueprint)
    assert next(f for f in back.flows if f.id == blueprint.flows[1].id).channel == "电话"
    assert back.language == "en"  # Chinese names, but the file says English (xml:lang)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Customer", LaneKind.CUSTOMER),
        ("Guest actions", LaneKind.CUSTOMER),
        ("顾客行为", LaneKind.CUSTOMER),
        ("客户", LaneKind.CUSTOMER),
        ("Front office", LaneKind.FRONTSTAGE),
        ("前台员工", LaneKind.FRONTSTAGE),
        ("Back office", LaneKind.BACKSTAGE),
        ("后台", LaneKind.BACKSTAGE),
        ("IT system", LaneKind.SUPPORT),
        ("支持过程", LaneKind.SUPPORT),
        ("Support processes", LaneKind.SUPPORT),
        ("Physical evidence", LaneKind.PHYSICAL_EVIDENCE),
        ("Accountant", None),
        ("Feedback", None),  # "back" inside a word says nothing
    ],
)
def test_lane_kinds_are_guessed_from_names(name: str, kind: LaneKind | None) -> None:
    assert guess_lane_kind(name) == kind


def _top_level(path: Path) -> dict[str, int]:
    """Counts of the flow elements directly in the file's processes that a pool or lanes
    hold, by BPMN tag (a process with neither is dropped whole: nothing says who works)."""
    root = ET.parse(path).getroot()
    pooled = {p.get("processRef") for p in root.iter(f"{{{MODEL}}}participant")}
    counts: dict[str, int] = {}
    for process in root.iter(f"{{{MODEL}}}process"):
        if process.get("id") not in pooled and process.find(f"{{{MODEL}}}laneSet") is None:
            continue
        for element in process:
            tag = element.tag.rsplit("}", 1)[-1]
            counts[tag] = counts.get(tag, 0) + 1
    return counts


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.name)
def test_diagrams_from_other_projects_map_with_every_element_accounted_for(path: Path) -> None:
    blueprint, report = import_bpmn(path)
    counts = _top_level(path)
    activities = sum(counts.get(tag, 0) for tag in ACTIVITIES)
    events = sum(counts.get(tag, 0) for tag in ("startEvent", "endEvent"))
    events += counts.get("intermediateCatchEvent", 0) + counts.get("intermediateThrowEvent", 0)
    data = counts.get("dataObjectReference", 0) + counts.get("dataStoreReference", 0)
    decisions = sum(1 for s in blueprint.steps if s.kind == "decision")
    assert len(blueprint.steps) == activities + events + data + decisions
    dissolved = sum(n for what, n in report.mapped.items() if "→ flows" in what)
    gateways = sum(n for tag, n in counts.items() if tag.endswith("Gateway"))
    assert decisions + dissolved == gateways
    flows = [f for f in blueprint.flows if f.kind != "evidence"]
    assert flows and all(f.source != f.target or f.kind == "flow" for f in flows)
    assert sum(n for what, n in report.mapped.items() if "sequenceFlow →" in what) <= counts.get(
        "sequenceFlow", 0
    ) * max(1, gateways)
    lanes = {lane.id for lane in blueprint.lanes}
    assert all(step.lane in lanes for step in blueprint.steps)
    assert all(reason for reason in report.reasons.values())  # every drop says why
    text = "\n".join(report.lines())
    for kind in report.dropped:
        assert kind in text


def test_what_is_dropped_is_named_with_its_reason() -> None:
    _, subprocesses = import_bpmn(DATA / "bpmn" / "miwg-A.4.1.bpmn")
    assert subprocesses.dropped["element inside a sub-process"] > 0
    assert "the sub-process is one step" in "\n".join(subprocesses.lines())
    _, conversation = import_bpmn(DATA / "bpmn" / "camunda-collaboration-parser-test.bpmn")
    assert conversation.dropped["conversation"] == 1
    assert conversation.dropped["conversationLink"] == 2
    _, pools = import_bpmn(DATA / "bpmn" / "bpmn-js-collaboration-message-flows.bpmn")
    assert pools.dropped["messageFlow to or from a pool"] == 3
    assert pools.mapped["messageFlow → flow"] == 1  # task to task across the pools


def test_the_invoice_collaboration_reads_as_a_blueprint() -> None:
    """The MIWG C.1.0 invoice process: lanes of two pools, its decisions and message flows."""
    blueprint, report = import_bpmn(
        DATA / "bpmn" / "miwg-C.1.0.bpmn", {"Approver": LaneKind.BACKSTAGE}
    )
    titles = {lane.title: lane.kind for lane in blueprint.lanes}
    assert titles["Approver"] == LaneKind.BACKSTAGE
    assert titles["Team Assistant"] == LaneKind.CUSTOM and "Accountant" in titles
    assert "Team Assistant" in report.unsure_lanes and "Approver" not in report.unsure_lanes
    decisions = {s.title for s in blueprint.steps if s.kind == "decision"}
    assert {"Invoice approved?", "Review successful?"} <= decisions
    approved = next(s for s in blueprint.steps if s.title == "Invoice approved?")
    labels = {f.label for f in blueprint.flows if f.source == approved.id}
    assert labels == {"yes", "no"}
    assert report.mapped["messageFlow → flow"] == 5
    assert all(step.layout is not None for step in blueprint.steps)


def test_groups_and_annotations_become_phases_and_notes() -> None:
    blueprint, report = import_bpmn(DATA / "bpmn" / "miwg-B.1.0.bpmn")
    assert report.mapped["group → phase"] == 1 and len(blueprint.phases) == 1
    assert any(step.phase == blueprint.phases[0].id for step in blueprint.steps)
    assert len(blueprint.notes) == 1 and blueprint.notes[0].text
    assert {s.kind for s in blueprint.steps if s.lane == "evidence"} == {"evidence"}
    assert len([s for s in blueprint.steps if s.kind == "evidence"]) == 2


def test_a_boundary_event_makes_a_fail_point_with_its_recovery() -> None:
    text = f"""<?xml version="1.0"?>
<definitions xmlns="{MODEL}" id="d" targetNamespace="x">
  <process id="p">
    <laneSet><lane id="front" name="Front desk">
      <flowNodeRef>s</flowNodeRef><flowNodeRef>t</flowNodeRef><flowNodeRef>fix</flowNodeRef>
      <flowNodeRef>e</flowNodeRef><flowNodeRef>late</flowNodeRef></lane></laneSet>
    <startEvent id="s"/><task id="t" name="Serve"/><task id="fix" name="Apologise"/>
    <boundaryEvent id="late" attachedToRef="t"><timerEventDefinition/></boundaryEvent>
    <endEvent id="e"/>
    <sequenceFlow id="a" sourceRef="s" targetRef="t"/>
    <sequenceFlow id="b" sourceRef="t" targetRef="e"/>
    <sequenceFlow id="c" sourceRef="late" targetRef="fix" name="too slow"/>
    <sequenceFlow id="d" sourceRef="fix" targetRef="e"/>
  </process>
</definitions>"""
    blueprint = from_raw(read_bpmn(text.encode()).data)
    serve = next(s for s in blueprint.steps if s.title == "Serve")
    assert serve.fail_point and next(s for s in blueprint.steps if s.id == "s").lane == "frontstage"
    recovery = [f for f in blueprint.flows if f.kind == "recovery"]
    assert [(f.source, f.target, f.label) for f in recovery] == [("t", "fix", "too slow")]


BAD = {
    "not XML": b"this is not xml <",
    "not BPMN": b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
    "no lanes": f'<definitions xmlns="{MODEL}"><process id="p"><task id="t"/></process>'
    "</definitions>".encode(),
    "external entity": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    + f'<definitions xmlns="{MODEL}">&x;</definitions>'.encode(),
    "billion laughs": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;'
    b'&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    + f'<definitions xmlns="{MODEL}">&c;</definitions>'.encode(),
}
REASONS = {
    "not XML": "not XML",
    "not BPMN": "not a BPMN 2.0 file",
    "no lanes": "no lanes or pools",
    "external entity": "refused",
    "billion laughs": "refused",
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_refused_clearly_and_nothing_is_written(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(BpmnImportError, match=REASONS[case]):
        read_bpmn(BAD[case], "bad.bpmn")
    source = tmp_path / "bad.bpmn"
    source.write_bytes(BAD[case])
    target = tmp_path / "out.blueprint.json"
    assert main(["import", str(source), "-o", str(target)]) == 2
    assert not target.exists()
    error = capsys.readouterr().err
    assert REASONS[case] in error and "Traceback" not in error


def test_the_command_writes_the_blueprint_and_says_what_it_did(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "invoice.blueprint.json"
    source = DATA / "bpmn" / "miwg-C.1.0.bpmn"
    assert main(["import", str(source), "-o", str(target), "--lane", "Accountant=support"]) == 0
    blueprint = load(target)
    assert next(lane for lane in blueprint.lanes if lane.title == "Accountant").kind == "support"
    error = capsys.readouterr().err
    assert "messageFlow → flow: 5" in error and "Team Assistant" in error
    assert main(["import", str(source), "-o", str(target)]) == 2  # no --force: kept
    assert "already exists" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["import", str(source), "-o", str(target), "--lane", "Accountant=boss"])
