"""The BPMN export through the tools process engineers use: every shipped template (both
languages) and example lints clean with bpmnlint's recommended rules and reads in bpmn-moddle
without a warning; the drawing has no two shapes or labels on top of each other."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from blueprint_app.export.bpmn import to_bpmn
from blueprint_app.resources import resource_path
from blueprint_app.storage import load
from tests.bpmn_tools import lint
from tests.conftest import DATA

SHIPPED = sorted(
    [
        *(resource_path("templates").glob("*.blueprint.json")),
        *(resource_path("examples").glob("*.blueprint.json")),
    ]
)
NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
}
Box = tuple[float, float, float, float]


def export_all(folder: Path, sources: list[Path]) -> list[Path]:
    written = []
    for source in sources:
        target = folder / source.name.replace(".blueprint.json", ".bpmn")
        target.write_text(to_bpmn(load(source)), encoding="utf-8")
        written.append(target)
    return written


def test_every_shipped_blueprint_lints_clean(tmp_path: Path) -> None:
    assert len(SHIPPED) >= 17  # eight templates in two languages and the example
    results = lint(export_all(tmp_path, [*SHIPPED, DATA / "coffee.blueprint.json"]))
    assert {Path(r.file).name: r.rules for r in results} == {Path(r.file).name: [] for r in results}
    assert all(r.moddle_warnings == [] for r in results), results


def test_the_lint_catches_what_it_should(tmp_path: Path) -> None:
    """Guards against a tool that finds nothing: the old kind of export (a task that forks by
    itself, one shape on another) is reported."""
    text = to_bpmn(load(DATA / "coffee.blueprint.json"))
    root = ET.fromstring(text)
    forked = ET.fromstring(text)  # the task's flows leave from the task, past the gateway
    process = forked.find("bpmn:process", NS)
    assert process is not None
    task = process.find("bpmn:task[@id='Step_order-drink']", NS)
    fork = process.find("bpmn:parallelGateway[@id='Fork_order-drink']", NS)
    assert task is not None and fork is not None
    for ref in fork.findall("bpmn:outgoing", NS):
        task.append(ref)
        flow = process.find(f"bpmn:sequenceFlow[@id='{ref.text}']", NS)
        assert flow is not None
        flow.set("sourceRef", "Step_order-drink")
    bounds = root.find(".//bpmndi:BPMNShape[@bpmnElement='Step_make']/dc:Bounds", NS)
    other = root.find(".//bpmndi:BPMNShape[@bpmnElement='Step_pos']/dc:Bounds", NS)
    assert bounds is not None and other is not None
    stacked = text.replace(
        f'<dc:Bounds x="{bounds.get("x")}" y="{bounds.get("y")}"',
        f'<dc:Bounds x="{other.get("x")}" y="{other.get("y")}"',
    )
    (tmp_path / "forked.bpmn").write_text(ET.tostring(forked, "unicode"), encoding="utf-8")
    (tmp_path / "stacked.bpmn").write_text(stacked, encoding="utf-8")
    (tmp_path / "junk.bpmn").write_text(text.replace("bpmn:task", "bpmn:tsak"), encoding="utf-8")
    forks, stacks, junk = lint(
        [tmp_path / "forked.bpmn", tmp_path / "stacked.bpmn", tmp_path / "junk.bpmn"]
    )
    assert "no-implicit-split:Step_order-drink" in forks.rules
    assert "no-overlapping-elements:Step_make" in stacks.rules
    assert junk.moddle_warnings


def _boxes(root: ET.Element) -> tuple[dict[str, Box], dict[str, Box]]:
    """Shapes of flow nodes, data objects and notes; labels of shapes, edges and groups (a
    phase's group lies around its shapes by design: only its title must be clear)."""
    shapes: dict[str, Box] = {}
    labels: dict[str, Box] = {}
    for shape in root.iterfind(".//bpmndi:BPMNShape", NS):
        ref = shape.get("bpmnElement") or ""
        bounds = shape.find("dc:Bounds", NS)
        assert bounds is not None
        if not ref.startswith(("Lane_", "Participant", "Phase_")):
            shapes[ref] = _box(bounds)
        label = shape.find("bpmndi:BPMNLabel/dc:Bounds", NS)
        if label is not None:
            labels[ref] = _box(label)
    for edge in root.iterfind(".//bpmndi:BPMNEdge", NS):
        label = edge.find("bpmndi:BPMNLabel/dc:Bounds", NS)
        if label is not None:
            labels[edge.get("bpmnElement") or ""] = _box(label)
    return shapes, labels


def _box(bounds: ET.Element) -> Box:
    x, y, w, h = (float(bounds.get(k) or 0) for k in ("x", "y", "width", "height"))
    return (x, y, x + w, y + h)


def _meet(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("source", SHIPPED, ids=lambda p: p.name)
def test_no_shape_or_label_lies_on_another(source: Path) -> None:
    root = ET.fromstring(to_bpmn(load(source)))
    shapes, labels = _boxes(root)
    boxes = {**{f"shape {k}": v for k, v in shapes.items()}}
    boxes.update({f"label {k}": v for k, v in labels.items()})
    meeting = [
        (a, b) for (a, ba), (b, bb) in itertools.combinations(boxes.items(), 2) if _meet(ba, bb)
    ]
    assert meeting == []


@pytest.mark.parametrize("source", SHIPPED, ids=lambda p: p.name)
def test_lanes_hold_their_shapes_and_fit_them(source: Path) -> None:
    """Every flow node lies inside its lane's band, and no lane is taller than its rows."""
    blueprint = load(source)
    root = ET.fromstring(to_bpmn(blueprint))
    shapes, _ = _boxes(root)
    lanes = {
        shape.get("bpmnElement"): _box(shape.find("dc:Bounds", NS))  # type: ignore[arg-type]
        for shape in root.iterfind(".//bpmndi:BPMNShape", NS)
        if (shape.get("bpmnElement") or "").startswith("Lane_")
    }
    for lane in root.iterfind(".//bpmn:lane", NS):
        band = lanes[lane.get("id")]
        inside = [shapes[ref.text or ""] for ref in lane.findall("bpmn:flowNodeRef", NS)]
        assert all(band[1] <= b[1] and b[3] <= band[3] for b in inside), lane.get("name")
        if inside:  # sized to content: no more than a row's slack under the lowest shape
            assert band[3] - max(b[3] for b in inside) < 120


def test_customer_independent_work_gets_its_own_start_and_end(tmp_path: Path) -> None:
    """Preparation that no customer step leads into, and follow-up that leads nowhere, start
    on a timer and end by themselves: no implicit start or end for bpmnlint."""
    from blueprint_app.export.bpmn_import import read_bpmn
    from blueprint_app.model import Flow, Step, StepLayout
    from blueprint_app.storage.reader import from_raw

    blueprint = load(DATA / "coffee.blueprint.json")
    blueprint.steps.append(
        Step(
            id="restock",
            lane="support",
            title="Restock cups",
            customer_independent=True,
            layout=StepLayout(x=0, row=0),
        )
    )
    blueprint.steps.append(
        Step(
            id="wipe",
            lane="backstage",
            title="Wipe the counter",
            customer_independent=True,
            layout=StepLayout(x=900, row=1),
        )
    )
    blueprint.flows.append(Flow(id="r1", source="restock", target="make"))
    blueprint.flows.append(Flow(id="w1", source="hand-over", target="wipe"))
    text = to_bpmn(blueprint)
    root = ET.fromstring(text)
    begin = root.find(".//bpmn:startEvent[@id='Begin_restock']", NS)
    assert begin is not None and begin.find("bpmn:timerEventDefinition", NS) is not None
    assert root.find(".//bpmn:endEvent[@id='Finish_wipe']", NS) is not None
    (tmp_path / "independent.bpmn").write_text(text, encoding="utf-8")
    (result,) = lint([tmp_path / "independent.bpmn"])
    assert result.rules == [] and result.moddle_warnings == []
    back = from_raw(read_bpmn(text.encode("utf-8")).data)
    assert {s.id for s in back.steps} == {s.id for s in blueprint.steps}
    assert {s.id for s in back.steps if s.customer_independent} == {"restock", "wipe"}
    assert {(f.source, f.target) for f in back.flows} == {
        (f.source, f.target) for f in blueprint.flows
    }


def test_lint_findings_of_a_defective_blueprint_mirror_validation(tmp_path: Path) -> None:
    """Real defects give bpmnlint findings, and validation reports the same defects."""
    from blueprint_app.model import Flow, Step, StepKind, StepLayout
    from blueprint_app.validation import validate

    blueprint = load(DATA / "coffee.blueprint.json")
    steps = [
        ("alone", "frontstage", StepKind.ACTION, 100.0),
        ("orphan", "backstage", StepKind.ACTION, 1200.0),
        ("stuck", "frontstage", StepKind.ACTION, 1400.0),
        ("logged", "support", StepKind.ACTION, 1400.0),
        ("which", "frontstage", StepKind.DECISION, 1600.0),
        ("after", "frontstage", StepKind.ACTION, 1800.0),
    ]
    for sid, lane, kind, x in steps:
        blueprint.steps.append(
            Step(id=sid, lane=lane, kind=kind, title=sid, layout=StepLayout(x=x, row=2))
        )
    blueprint.flows += [
        Flow(id="d1", source="orphan", target="make"),
        Flow(id="d2", source="take-order", target="stuck"),
        Flow(id="d6", source="pos", target="logged"),  # the last step of its branch
        Flow(id="d3", source="take-order", target="which"),
        Flow(id="d4", source="which", target="after"),
        Flow(id="d5", source="after", target="leave"),
    ]
    path = tmp_path / "defects.bpmn"
    path.write_text(to_bpmn(blueprint), encoding="utf-8")
    (result,) = lint([path])
    assert result.rules == [
        "no-disconnected:Step_alone",
        "no-implicit-end:Step_alone",
        "no-implicit-end:Step_stuck",
        "no-implicit-start:Step_alone",
        "no-implicit-start:Step_orphan",
        "superfluous-gateway:Step_which",
    ]
    found = {(f.rule, f.items) for f in validate(blueprint)}
    rules = {rule for rule, _ in found}
    assert {"BP024", "BP022", "BP023", "BP026"} <= rules
    for rule, step in (("BP024", "alone"), ("BP022", "orphan"), ("BP023", "stuck")):
        assert any(r == rule and step in ids for r, ids in found), rule
    # work behind the line of visibility may end its branch: no dead end for either
    assert not any(r == "BP023" and "logged" in ids for r, ids in found)
    assert (
        ET.fromstring(path.read_text()).find(".//bpmn:endEvent[@id='Finish_logged']", NS)
        is not None
    )


def _through(points: list[tuple[float, float]], box: Box) -> bool:
    """A segment of the polyline passes through the box's inside (touching is not)."""
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        left, right, top, bottom = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
        if left < box[2] and box[0] < right + 0.01 and top < box[3] and box[1] < bottom + 0.01:
            if (right - left < 0.01 and not box[0] < left < box[2]) or (
                bottom - top < 0.01 and not box[1] < top < box[3]
            ):
                continue
            return True
    return False


@pytest.mark.parametrize("source", SHIPPED, ids=lambda p: p.name)
def test_flows_go_round_shapes(source: Path) -> None:
    """Edges take the route through the fewest shapes: in every shipped file fewer than one
    sequence flow in thirty still passes through a shape that is not one of its ends."""
    root = ET.fromstring(to_bpmn(load(source)))
    shapes, _ = _boxes(root)
    flows = {f.get("id"): f for f in root.iterfind(".//bpmn:sequenceFlow", NS)}
    crossing = 0
    for edge in root.iterfind(".//bpmndi:BPMNEdge", NS):
        flow = flows.get(edge.get("bpmnElement"))
        if flow is None:
            continue
        points = [
            (float(p.get("x") or 0), float(p.get("y") or 0))
            for p in edge.iterfind("di:waypoint", NS)
        ]
        ends = {flow.get("sourceRef"), flow.get("targetRef")}
        others = [
            box for ref, box in shapes.items() if ref not in ends and not ref.startswith("Note_")
        ]
        crossing += any(_through(points, box) for box in others)
    assert crossing * 30 < len(flows)


PUBLISHED = sorted((DATA / "published").glob("*.blueprint.json"))
#: what a blueprint without flows (the layered style) gives: no order of work to draw
LAYERED_FINDINGS = {
    "no-disconnected",
    "no-implicit-start",
    "no-implicit-end",
    "start-event-required",
    "end-event-required",
}


def test_published_blueprints_lint_clean_unless_they_have_no_flows(tmp_path: Path) -> None:
    """Blueprints from the literature (tests/data/published): the flowchart-style ones lint
    clean too; a layered one has no flows by design, so BPMN has no order of work for it
    (validation's BP032 says the same)."""
    assert len(PUBLISHED) >= 6
    results = lint(export_all(tmp_path, PUBLISHED))
    for source, result in zip(PUBLISHED, results, strict=True):
        if load(source).flows:
            assert (source.name, result.rules) == (source.name, [])
        else:
            assert {rule.split(":")[0] for rule in result.rules} <= LAYERED_FINDINGS
        assert result.moddle_warnings == []


def test_a_blueprint_with_several_starts_has_one_blank_start_event(tmp_path: Path) -> None:
    """BPMN allows one blank start per process: the first in reading order stays blank, the
    other ways in are message start events (the customer gets in touch)."""
    from blueprint_app.export.bpmn_import import read_bpmn
    from blueprint_app.model import Flow, Step, StepKind, StepLayout
    from blueprint_app.storage.reader import from_raw

    blueprint = load(DATA / "coffee.blueprint.json")
    blueprint.steps.append(
        Step(
            id="app",
            lane="customer",
            kind=StepKind.START,
            title="Order in the app",
            layout=StepLayout(x=0, row=1),
        )
    )
    blueprint.flows.append(Flow(id="a1", source="app", target="wait"))
    text = to_bpmn(blueprint)
    path = tmp_path / "starts.bpmn"
    path.write_text(text, encoding="utf-8")
    (result,) = lint([path])
    assert result.rules == []
    root = ET.fromstring(text)
    app = root.find(".//bpmn:startEvent[@id='Step_app']", NS)
    arrive = root.find(".//bpmn:startEvent[@id='Step_arrive']", NS)
    assert app is not None and app.find("bpmn:messageEventDefinition", NS) is not None
    assert arrive is not None and arrive.find("bpmn:messageEventDefinition", NS) is None
    back = from_raw(read_bpmn(text.encode("utf-8")).data)
    assert next(s for s in back.steps if s.id == "app").kind == StepKind.START
