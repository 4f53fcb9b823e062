"""The canvas driven with the real mouse and keyboard: every gesture becomes one undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from blueprint_app.analysis import geometry as geo
from blueprint_app.model import FlowKind, StepKind, new_blueprint
from blueprint_app.model.blueprint import Phase
from blueprint_app.storage import dumps
from tests.canvas_support import at, drag, open_canvas, open_file, type_text


def _card_centre(scene, step_id: str) -> tuple[float, float]:
    pos = scene.item_for(step_id).pos()
    return pos.x() + geo.CARD_W / 2, pos.y() + geo.CARD_H / 2


def _lane_point(scene, lane_id: str, x: float) -> tuple[float, float]:
    band = scene.content.geometry.lane(lane_id)
    return x, band.top + geo.LANE_PAD + geo.CARD_H / 2


def test_build_from_empty_by_mouse_and_keyboard_then_undo_and_redo_all(qtbot: QtBot) -> None:
    blueprint = new_blueprint("Drawn by hand")
    blueprint.phases = [Phase(id="before", title="Before"), Phase(id="during", title="During")]
    scene, view = open_canvas(qtbot, blueprint)
    history = scene.history
    start = dumps(scene.document.blueprint)
    titles = {
        "customer": "Order a coffee",
        "frontstage": "Take the order",
        "backstage": "Brew it 冲咖啡",
    }
    for index, (lane, title) in enumerate(titles.items()):
        x, y = _lane_point(scene, lane, 100 + index * 170)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at(view, x, y))
        assert scene.gestures.editor is not None, "a new step opens its title editor"
        type_text(view.viewport(), title)
        qtbot.keyClick(view.viewport(), Qt.Key.Key_Return)
    steps = scene.document.blueprint.steps
    assert [(s.lane, s.title) for s in steps] == list(titles.items())[:0] + [
        (lane, title) for lane, title in titles.items()
    ]
    assert steps[0].phase == "before" and steps[2].phase == "during"  # the column decides
    assert all(s.layout is not None and s.layout.row == 0 for s in steps)
    assert len(history.entries) == 6  # three adds, three renames
    first, second = steps[0].id, steps[1].id
    drag(
        qtbot,
        view,
        (_card_centre(scene, first)[0] + geo.CARD_W / 2, _card_centre(scene, first)[1]),
        _card_centre(scene, second),
    )
    flows = scene.document.blueprint.flows
    assert [(f.source, f.target, f.kind) for f in flows] == [(first, second, FlowKind.FLOW)]
    end = dumps(scene.document.blueprint)
    while history.can_undo:
        history.undo()
    assert dumps(scene.document.blueprint) == start
    assert scene.content.cards == {} and scene.content.flows == {}
    while history.can_redo:
        history.redo()
    assert dumps(scene.document.blueprint) == end
    assert set(scene.content.cards) == {s.id for s in steps}
    assert set(scene.content.flows) == {flows[0].id}


def test_evidence_lane_double_click_makes_an_evidence_card(qtbot: QtBot) -> None:
    scene, view = open_canvas(qtbot, new_blueprint())
    x, y = _lane_point(scene, "evidence", 200)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at(view, x, y))
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Escape)
    (step,) = scene.document.blueprint.steps
    assert step.kind == StepKind.EVIDENCE and step.lane == "evidence"
    assert step.title == "New step"  # Esc keeps the default title
    assert len(scene.history.entries) == 1


def test_drag_card_to_another_lane_is_one_undo_step(qtbot: QtBot, coffee_path: Path) -> None:
    scene, view = open_file(qtbot, coffee_path)
    before = dumps(scene.document.blueprint)
    cx, cy = _card_centre(scene, "make")
    target = _lane_point(scene, "frontstage", cx + 150)
    drag(qtbot, view, (cx, cy), target)
    step = scene.document.step("make")
    assert step.lane == "frontstage" and step.layout is not None and step.layout.row == 0
    assert step.phase == "collect"
    assert len(scene.history.entries) == 1 and scene.history.undo_label == "Move step"
    band = scene.content.geometry.lane("frontstage")
    assert scene.item_for("make").pos().y() == band.top + geo.LANE_PAD  # snapped to the row
    scene.history.undo()
    assert dumps(scene.document.blueprint) == before
    assert scene.item_for("make").pos().x() == 300


def test_dragging_into_another_phase_column_changes_the_phase(
    qtbot: QtBot, coffee_path: Path
) -> None:
    scene, view = open_file(qtbot, coffee_path)
    cx, cy = _card_centre(scene, "wait")
    order = next(c for c in scene.content.geometry.phases if c.id == "order")
    band = scene.content.geometry.lane("customer")
    drag(qtbot, view, (cx, cy), (order.left + 30 + geo.CARD_W / 2, band.bottom - 8))
    step = scene.document.step("wait")
    assert step.phase == "order" and step.lane == "customer"
    assert step.layout is not None and step.layout.row == 1  # a second row in the lane


def test_several_selected_cards_move_together(qtbot: QtBot, coffee_path: Path) -> None:
    scene, view = open_file(qtbot, coffee_path)
    scene.select_ids(["make", "remake"])
    cx, cy = _card_centre(scene, "make")
    drag(qtbot, view, (cx, cy), (cx + 40, cy))
    assert scene.document.step("make").layout.x == 340
    assert scene.document.step("remake").layout.x == 340
    assert scene.document.step("remake").layout.row == 1
    assert len(scene.history.entries) == 1


def test_escape_during_a_drag_puts_the_card_back(qtbot: QtBot, coffee_path: Path) -> None:
    scene, view = open_file(qtbot, coffee_path)
    cx, cy = _card_centre(scene, "make")
    drag(qtbot, view, (cx, cy), (cx + 200, cy - 200), finish=False)
    assert scene.item_for("make").pos().x() > 400  # the card follows the mouse
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Escape)
    assert scene.item_for("make").pos() == QPointF(
        300, scene.content.geometry.card_rect(scene.document.step("make")).y
    )
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=at(view, cx + 200, cy - 200))
    assert scene.document.step("make").lane == "backstage"
    assert not scene.history.can_undo


def test_connect_two_cards_by_dragging_from_the_handle(qtbot: QtBot, coffee_path: Path) -> None:
    scene, view = open_file(qtbot, coffee_path)
    pos = scene.item_for("pos").pos()
    handle = (pos.x() + geo.CARD_W, pos.y() + geo.CARD_H / 2)
    drag(qtbot, view, handle, _card_centre(scene, "remake"))
    flow = scene.document.blueprint.flows[-1]
    assert (flow.source, flow.target, flow.kind) == ("pos", "remake", FlowKind.FLOW)
    assert flow.id in scene.content.flows and scene.selected_ids() == [flow.id]
    scene.history.undo()
    assert flow.id not in scene.content.flows


def test_connecting_to_nothing_adds_nothing(qtbot: QtBot, coffee_path: Path) -> None:
    scene, view = open_file(qtbot, coffee_path)
    pos = scene.item_for("pos").pos()
    drag(
        qtbot,
        view,
        (pos.x() + geo.CARD_W, pos.y() + geo.CARD_H / 2),
        (pos.x() + geo.CARD_W + 300, pos.y() + 10),
    )
    assert len(scene.document.blueprint.flows) == 12 and not scene.history.can_undo


def test_drag_a_flow_end_to_another_step(qtbot: QtBot, coffee_path: Path) -> None:
    scene, view = open_file(qtbot, coffee_path)
    flow_item = scene.item_for("f3")  # take-order -> pos
    scene.select_ids(["f3"])
    tip = flow_item.end_points()[1]
    drag(qtbot, view, (tip.x(), tip.y()), _card_centre(scene, "remake"))
    assert scene.document.get("f3").target == "remake"
    assert scene.item_for("f3").end_points()[1] != tip
    scene.history.undo()
    assert scene.document.get("f3").target == "pos"


def test_inline_title_edit_with_double_click_and_f2(qtbot: QtBot, coffee_path: Path) -> None:
    scene, view = open_file(qtbot, coffee_path)
    cx, cy = _card_centre(scene, "make")
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at(view, cx, cy))
    type_text(view.viewport(), "Pull the espresso <&> 🎉")
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Return)
    assert scene.document.step("make").title == "Pull the espresso <&> 🎉"
    assert scene.history.undo_label == "Rename step"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at(view, cx, cy))
    qtbot.keyClick(view.viewport(), Qt.Key.Key_F2)
    qtbot.keyClicks(view.viewport(), "thrown away")
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Escape)
    assert scene.document.step("make").title == "Pull the espresso <&> 🎉"
    assert len(scene.history.entries) == 1


def test_delete_selected_step_takes_its_flows(qtbot: QtBot, coffee_path: Path) -> None:
    scene, view = open_file(qtbot, coffee_path)
    before = dumps(scene.document.blueprint)
    cx, cy = _card_centre(scene, "make")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at(view, cx, cy))
    assert scene.selected_ids() == ["make"]
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Delete)
    assert "make" not in scene.document and "make" not in scene.content.cards
    assert not {"f4", "f6", "f7"} & set(scene.content.flows)
    assert len(scene.history.entries) == 1
    scene.history.undo()
    assert dumps(scene.document.blueprint) == before
    assert {"make", "f4", "f6", "f7"} <= set(scene.content.cards) | set(scene.content.flows)


def test_ctrl_click_and_rubber_band_select(qtbot: QtBot, coffee_path: Path) -> None:
    scene, view = open_file(qtbot, coffee_path)
    for step_id in ("make", "pos"):
        qtbot.mouseClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            at(view, *_card_centre(scene, step_id)),
        )
    assert scene.selected_ids() == ["make", "pos"]
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        at(view, *_card_centre(scene, "make")),
    )
    assert scene.selected_ids() == ["pos"]
    band = scene.content.geometry.lane("customer")
    left, top = -10, band.top + 4
    drag(qtbot, view, (left, top), (260, band.bottom - 4))
    chosen = scene.selected_ids()
    assert {"arrive", "order-drink"} <= set(chosen) and "wait" not in chosen


def test_after_a_drag_over_other_cards_the_scene_mirrors_the_document(
    qtbot: QtBot, coffee_path: Path
) -> None:
    from tests.test_canvas_consistency import _check_mirrors

    scene, view = open_file(qtbot, coffee_path)
    cx, cy = _card_centre(scene, "pos")
    for finish in (False, True):
        drag(qtbot, view, (cx, cy), _card_centre(scene, "take-order"), steps=3, finish=False)
        drag_to = _lane_point(scene, "backstage", _card_centre(scene, "make")[0] + 170)
        qtbot.mouseMove(view.viewport(), at(view, *drag_to))
        if finish:
            qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=at(view, *drag_to))
        else:
            qtbot.keyClick(view.viewport(), Qt.Key.Key_Escape)
            qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=at(view, *drag_to))
        _check_mirrors(scene)
    assert scene.document.step("pos").lane == "backstage"


def test_hovering_shows_the_handle_and_a_cross_over_it(qtbot: QtBot, coffee_path: Path) -> None:
    scene, view = open_file(qtbot, coffee_path)
    card = scene.item_for("pos")
    pos = card.pos()
    qtbot.mouseMove(view.viewport(), at(view, pos.x() + 30, pos.y() + 30))
    assert card.hovered and card.cursor().shape() != Qt.CursorShape.CrossCursor
    qtbot.mouseMove(view.viewport(), at(view, pos.x() + geo.CARD_W, pos.y() + geo.CARD_H / 2))
    assert card.cursor().shape() == Qt.CursorShape.CrossCursor
