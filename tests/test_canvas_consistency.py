"""Random edit sequences through the canvas commands: the scene always mirrors the document,
undo-all gives the start and redo-all the end (items updated change by change, never rebuilt)."""

from __future__ import annotations

import contextlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication

from blueprint_app.analysis import geometry as geo
from blueprint_app.analysis.layout import arrange
from blueprint_app.canvas.scene import BlueprintScene
from blueprint_app.history import Document, History, edits
from blueprint_app.model import FlowKind, StepLayout
from blueprint_app.storage import dumps, load

COFFEE = Path(__file__).parent / "data" / "coffee.blueprint.json"
EDITS = st.lists(
    st.tuples(st.integers(0, 7), st.integers(0, 999), st.integers(0, 999), st.text(max_size=6)),
    max_size=25,
)


def _apply(history: History, op: int, a: int, b: int, text: str) -> None:
    bp = history.document.blueprint
    steps, lanes, flows = bp.steps, bp.lanes, bp.flows
    with history.transaction(f"edit {op}") as tx:
        if op == 0:
            lane = lanes[a % len(lanes)].id
            edits.add_step(
                tx, lane, phase=bp.phases[b % 2].id, x=float(b % 700), row=a % 3, title=text
            )
        elif op == 1 and steps:
            step = steps[a % len(steps)]
            edits.move_steps(
                tx,
                {
                    step.id: (
                        lanes[b % len(lanes)].id,
                        step.phase,
                        StepLayout(x=float(b), row=b % 4),
                    )
                },
            )
        elif op == 2 and len(steps) > 1:
            source, target = steps[a % len(steps)].id, steps[b % len(steps)].id
            if source != target:
                edits.add_flow(tx, source, target, list(FlowKind)[b % 3], text)
        elif op == 3 and flows and len(steps) > 2:
            flow = flows[a % len(flows)]
            step = steps[b % len(steps)].id
            if step not in (flow.source, flow.target):
                edits.reconnect_flow(tx, flow.id, ("source", "target")[b % 2], step)
        elif op == 4 and steps:
            edits.delete_items(tx, [steps[a % len(steps)].id])
        elif op == 5 and steps:
            edits.set_field(tx, steps[a % len(steps)].id, "title", text)
        elif op == 6 and flows:
            edits.delete_items(tx, [flows[a % len(flows)].id])
        elif op == 7:
            arrange(tx)


def _check_mirrors(scene: BlueprintScene) -> None:
    scene.flush()
    bp, content = scene.document.blueprint, scene.content
    assert set(content.cards) == {s.id for s in bp.steps}
    assert set(content.flows) == {f.id for f in bp.flows}
    assert set(content.notes) == {n.id for n in bp.notes}
    g = geo.compute_geometry(bp)
    assert [(b.id, b.top, b.height) for b in content.geometry.lanes] == [
        (b.id, b.top, b.height) for b in g.lanes
    ]
    for step in bp.steps:
        rect = g.card_rect(step)
        pos = content.cards[step.id].pos()
        assert (pos.x(), pos.y()) == (rect.x, rect.y), step.id
    content.forget_sides(list(content.flows))  # the fresh routes below use no cached sides
    for flow in bp.flows:
        item = content.flows[flow.id]
        assert item.points == content.route_between(flow.source, flow.target, flow.id)
        assert flow.id in content.flows_at[flow.source] and flow.id in content.flows_at[flow.target]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS)
def test_scene_mirrors_the_document_through_random_edits_undo_and_redo(
    qapp: QApplication, sequence: list[tuple[int, int, int, str]]
) -> None:
    document = Document(load(COFFEE))
    history = History(document)
    scene = BlueprintScene(document, history)
    try:
        start = dumps(document.blueprint)
        for op, a, b, text in sequence:
            with contextlib.suppress(edits.EditError):
                _apply(history, op, a, b, text)
        _check_mirrors(scene)
        end = dumps(document.blueprint)
        while history.can_undo:
            history.undo()
        assert dumps(document.blueprint) == start
        _check_mirrors(scene)
        while history.can_redo:
            history.redo()
        assert dumps(document.blueprint) == end
        _check_mirrors(scene)
    finally:
        scene.detach()
        scene.clear()
