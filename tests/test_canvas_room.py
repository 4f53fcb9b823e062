"""Room on the canvas: a double-click beside a card adds a step in that phase, a phase widens
to hold it, and a dropped card never lands on another (issues 17.4 and 17.9)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from blueprint_app.analysis import geometry as geo
from blueprint_app.editing.room import free_x
from blueprint_app.model import new_blueprint
from blueprint_app.model.blueprint import Phase, Step, StepLayout
from blueprint_app.storage import dumps
from tests.canvas_support import at, drag, open_canvas, type_text


def _two_phases():
    blueprint = new_blueprint("Room")
    blueprint.phases = [Phase(id="p1", title="Arrive"), Phase(id="p2", title="Stay")]
    blueprint.steps = [
        Step(id="a", lane="customer", phase="p1", title="Walk in", layout=StepLayout(x=0, row=0)),
        Step(id="c", lane="customer", phase="p2", title="Sleep", layout=StepLayout(x=200, row=0)),
        Step(id="f", lane="frontstage", phase="p2", title="Serve", layout=StepLayout(x=200, row=0)),
    ]
    return blueprint


def _row_y(scene, lane: str) -> float:
    band = scene.content.geometry.lane(lane)
    return band.top + geo.LANE_PAD + geo.CARD_H / 2


def _column(scene, phase: str) -> geo.PhaseColumn:
    return next(c for c in scene.content.geometry.phases if c.id == phase)


def _inside(scene, step_id: str, phase: str) -> bool:
    column = _column(scene, phase)
    rect = scene.content.card_rect(step_id)
    return column.left <= rect.x and rect.right <= column.right


def test_a_double_click_beside_a_card_adds_a_step_in_its_phase_which_widens(qtbot: QtBot) -> None:
    scene, view = open_canvas(qtbot, _two_phases())
    start = dumps(scene.document.blueprint)
    y = _row_y(scene, "customer")
    x = geo.CARD_W + 6  # just right of "Walk in", over its connect handle, inside "Arrive"
    assert _column(scene, "p1").left < x < _column(scene, "p1").right
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at(view, x, y))
    assert scene.gestures.editor is not None and scene.gestures.editor.step_id != "a"
    type_text(view.viewport(), "Ring the bell")
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Return)
    blueprint = scene.document.blueprint
    new = next(s for s in blueprint.steps if s.title == "Ring the bell")
    assert blueprint.steps[0].title == "Walk in"  # not renamed
    assert new.phase == "p1" and new.lane == "customer"
    assert geo.overlapping_cards(blueprint) == []
    for step_id, phase in (("a", "p1"), (new.id, "p1"), ("c", "p2"), ("f", "p2")):
        assert _inside(scene, step_id, phase), step_id
    assert scene.document.step("c").layout.x > 200  # the later phase moved right
    scene.history.undo()
    scene.history.undo()
    assert dumps(scene.document.blueprint) == start  # add (with the room it made), rename


def test_a_card_dropped_on_another_moves_to_the_free_slot_beside_it(qtbot: QtBot) -> None:
    scene, view = open_canvas(qtbot, _two_phases())
    y = _row_y(scene, "customer")
    c = scene.content.card_rect("c")
    drag(qtbot, view, (c.cx, c.cy), (geo.CARD_W / 2 + 20, y))  # "Sleep" onto "Walk in"
    blueprint = scene.document.blueprint
    assert geo.overlapping_cards(blueprint) == []
    moved = scene.document.step("c")
    assert moved.phase == "p1" and moved.layout.row == 0
    assert abs(moved.layout.x - scene.document.step("a").layout.x) >= geo.CARD_W
    assert _inside(scene, "c", "p1") and _inside(scene, "f", "p2")
    assert len(scene.history.entries) == 1


def test_a_free_slot_is_the_nearest_one_that_overlaps_nothing() -> None:
    steps = _two_phases().steps
    new = Step(id="n", lane="customer", phase="p1", layout=StepLayout(x=20, row=0))
    assert free_x(steps, new, 500, set()) == 500
    assert free_x(steps, new, 20, set()) == geo.CARD_W + 16  # right of "Walk in"
    assert free_x(steps, new, 60, set()) == geo.CARD_W + 16  # over "Sleep", another phase's
    assert free_x(steps, new, -30, set()) == -geo.CARD_W - 16  # left of it
    assert free_x(steps, new, 0, set(), row=1) == 0  # another row is free
    assert free_x(steps, new, 20, {"a"}) == 20


def test_a_dragged_card_snaps_to_another_cards_edge_with_a_guide(qtbot: QtBot) -> None:
    scene, view = open_canvas(qtbot, _two_phases())
    f = scene.content.card_rect("f")
    c = scene.content.card_rect("c")
    band = scene.content.geometry.lane("backstage")
    y = band.top + geo.LANE_PAD + geo.CARD_H / 2
    # "Serve" dragged to the backstage lane, its left edge 3 px right of "Sleep"'s
    drag(qtbot, view, (f.cx, f.cy), (c.cx + 3, y), finish=False)
    guide = scene.gestures.active.guide.item  # type: ignore[union-attr]
    assert guide is not None and guide.isVisible() and guide.line().x1() == c.x
    qtbot.mouseRelease(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(c.cx + 3, y)
    )
    moved = scene.document.step("f")
    assert moved.lane == "backstage" and moved.layout.x == c.x  # snapped, not 3 px off
    assert guide.scene() is None  # the guide goes with the drag
    assert len(scene.history.entries) == 1
