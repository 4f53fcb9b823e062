"""Arrange: phases left to right, flow order inside a phase, parallel steps in rows."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import generate_blueprint
from blueprint_app.analysis.geometry import overlapping_cards
from blueprint_app.analysis.layout import arrange, arranged_layout, missing_layouts
from blueprint_app.history import Document, History
from blueprint_app.model import Flow, FlowKind, Phase, Step, StepLayout, new_blueprint
from blueprint_app.storage import dumps, load


def _apply(blueprint, layouts) -> None:
    for step in blueprint.steps:
        step.layout = layouts[step.id]


def test_arranged_coffee_has_no_overlaps_and_reads_left_to_right(coffee_path: Path) -> None:
    blueprint = load(coffee_path)
    _apply(blueprint, arranged_layout(blueprint))
    assert overlapping_cards(blueprint) == []
    x = {step.id: step.layout.x for step in blueprint.steps}
    order = [s.id for s in blueprint.steps if s.phase == "order"]
    collect = [s.id for s in blueprint.steps if s.phase == "collect"]
    assert max(x[s] for s in order) < min(x[s] for s in collect)
    lanes = {step.id: step.lane for step in blueprint.steps}
    for flow in blueprint.flows:
        if flow.kind == FlowKind.FLOW and lanes[flow.source] == lanes[flow.target]:
            assert x[flow.source] < x[flow.target], flow.id
        elif flow.kind == FlowKind.FLOW:
            assert x[flow.source] <= x[flow.target], flow.id
    assert x["take-order"] == x["order-drink"]  # the answer sits under the customer's action
    assert x["menu"] == x["order-drink"]  # evidence above the step it belongs to
    rows = {step.id: step.layout.row for step in blueprint.steps}
    assert x["remake"] == x["make"] and rows["remake"] == rows["make"] + 1  # recovery below
    # leave follows wait in the customer lane although the path runs through the frontstage
    assert x["leave"] > x["wait"]


def _blueprint_with(flows: list[tuple[str, str]], lanes: dict[str, str]) -> object:
    blueprint = new_blueprint()
    blueprint.phases = [Phase(id="p", title="P")]
    blueprint.steps = [Step(id=sid, lane=lane, phase="p") for sid, lane in lanes.items()]
    blueprint.flows = [Flow(id=f"f{i}", source=s, target=t) for i, (s, t) in enumerate(flows)]
    return blueprint


def test_parallel_steps_take_separate_rows() -> None:
    blueprint = _blueprint_with(
        [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")],
        {"a": "customer", "b": "customer", "c": "customer", "d": "customer"},
    )
    layout = arranged_layout(blueprint)
    assert layout["b"].x == layout["c"].x and {layout["b"].row, layout["c"].row} == {0, 1}
    assert layout["a"].x < layout["b"].x < layout["d"].x


def test_cycles_are_ignored_for_the_order() -> None:
    blueprint = _blueprint_with(
        [("a", "b"), ("b", "c"), ("c", "a")], {"a": "customer", "b": "customer", "c": "customer"}
    )
    layout = arranged_layout(blueprint)
    assert layout["a"].x < layout["b"].x < layout["c"].x


def test_arrange_is_one_undo_step(coffee_path: Path) -> None:
    document = Document(load(coffee_path))
    history = History(document)
    before = dumps(document.blueprint)
    with history.transaction("Arrange") as tx:
        arrange(tx)
    assert len(history.entries) == 1 and dumps(document.blueprint) != before
    assert overlapping_cards(document.blueprint) == []
    history.undo()
    assert dumps(document.blueprint) == before


def test_missing_layouts_fill_only_the_gaps(coffee_path: Path) -> None:
    blueprint = load(coffee_path)
    assert missing_layouts(blueprint) == {}
    blueprint.steps[0].layout = None
    blueprint.steps[1].layout = None
    found = missing_layouts(blueprint)
    assert set(found) == {blueprint.steps[0].id, blueprint.steps[1].id}
    rightmost = max(s.layout.x for s in blueprint.steps if s.layout is not None)
    assert all(layout.x > rightmost for layout in found.values())


def test_generated_blueprint_arranges_without_overlaps() -> None:
    blueprint = generate_blueprint(300)
    _apply(blueprint, arranged_layout(blueprint))
    assert overlapping_cards(blueprint) == []


def test_evidence_links_do_not_order_steps() -> None:
    blueprint = _blueprint_with([("a", "b")], {"a": "customer", "b": "customer", "e": "evidence"})
    blueprint.flows.append(Flow(id="ev", source="e", target="b", kind=FlowKind.EVIDENCE))
    layout = arranged_layout(blueprint)
    assert layout["e"].x == layout["b"].x and layout["e"].row == 0
    assert StepLayout(x=0, row=0) == layout["a"]
