"""The scene follows the document change by change and touches only the affected items."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from blueprint_app.analysis import geometry as geo
from blueprint_app.history import edits
from blueprint_app.model import Step, StepLayout
from tests.canvas_support import open_file


class _Counter:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, target: object, name: str) -> None:
        self.calls: list[tuple] = []
        original = getattr(target, name)

        def counting(*args: object) -> object:
            self.calls.append(args)
            return original(*args)

        monkeypatch.setattr(target, name, counting)


def test_a_title_change_repaints_only_its_card(
    qtbot: QtBot, coffee_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene, _view = open_file(qtbot, coffee_path)
    cards_before = dict(scene.content.cards)
    updated: list[str] = []
    for step_id, card in scene.content.cards.items():
        monkeypatch.setattr(card, "update", lambda *a, sid=step_id: updated.append(sid))
    placed = _Counter(monkeypatch, scene.content, "place_card")
    rerouted = _Counter(monkeypatch, scene.content, "reroute")
    with scene.history.transaction("Rename") as tx:
        edits.set_field(tx, "make", "title", "Pull espresso")
    assert updated == ["make"]
    assert placed.calls == [] and rerouted.calls == []
    assert scene.content.cards == cards_before  # the same item objects: nothing rebuilt


def test_moving_one_step_moves_its_card_and_the_flows_nearby_only(
    qtbot: QtBot, coffee_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene, _view = open_file(qtbot, coffee_path)
    rerouted: list[str] = []
    for flow_id, item in scene.content.flows.items():
        original = item.reroute
        monkeypatch.setattr(
            item, "reroute", lambda fid=flow_id, o=original: (rerouted.append(fid), o())
        )
    placed = _Counter(monkeypatch, scene.content, "place_card")
    scene.item_updates = 0
    with scene.history.transaction("Move") as tx:
        edits.move_step(tx, "pos", layout=StepLayout(x=700, row=0))
    assert [args[0] for args in placed.calls] == ["pos"]
    # the flows at that step (f3, f4), and those sharing an edge with them at their other ends
    # (take-order: f2; make: f6, f7)
    assert sorted(set(rerouted)) == ["f2", "f3", "f4", "f6", "f7"]
    assert scene.item_updates == 1
    assert scene.item_for("pos").pos().x() == 700


def test_a_new_row_grows_the_lane_and_shifts_the_lanes_below(
    qtbot: QtBot, coffee_path: Path
) -> None:
    scene, _view = open_file(qtbot, coffee_path)
    support_top = scene.content.geometry.lane("support").top
    pos_y = scene.item_for("pos").pos().y()
    with scene.history.transaction("Row") as tx:
        edits.move_step(tx, "make", layout=StepLayout(x=300, row=2))
    assert scene.content.geometry.lane("support").top == support_top + geo.ROW_H
    assert scene.item_for("pos").pos().y() == pos_y + geo.ROW_H
    scene.history.undo()
    assert scene.item_for("pos").pos().y() == pos_y


def test_added_and_removed_items_appear_and_vanish(qtbot: QtBot, coffee_path: Path) -> None:
    scene, _view = open_file(qtbot, coffee_path)
    with scene.history.transaction("Add") as tx:
        edits.add_item(
            tx,
            "steps",
            Step(id="new", lane="support", title="CRM", layout=StepLayout(x=480, row=0)),
        )
        flow_id = edits.add_flow(tx, "hand-over", "new")
    assert scene.item_for("new") is not None and scene.item_for(flow_id) is not None
    with scene.history.transaction("Lane title") as tx:
        edits.set_field(tx, "support", "title", "IT systems 系统")
    assert scene.content.lanes["support"].band.title == "IT systems 系统"
    with scene.history.transaction("Language") as tx:
        edits.set_field(tx, edits.BLUEPRINT, "language", "zh-CN")
    assert scene.content.lines["visibility"].label == "可视分界线"
    scene.history.undo()
    assert scene.content.lines["visibility"].label == "Line of visibility"
    scene.history.undo()
    scene.history.undo()
    assert scene.item_for("new") is None and scene.item_for(flow_id) is None


def test_detached_scene_ignores_the_document(qtbot: QtBot, coffee_path: Path) -> None:
    scene, _view = open_file(qtbot, coffee_path)
    scene.detach()
    with scene.history.transaction("Rename") as tx:
        edits.delete_items(tx, ["make"])
    assert scene.item_for("make") is not None


def test_selection_api(qtbot: QtBot, coffee_path: Path) -> None:
    scene, view = open_file(qtbot, coffee_path)
    scene.select_ids(["f1", "make", "n1", "nope"])
    assert scene.selected_ids() == ["make", "f1", "n1"]
    view.center_on_id("leave")
    assert scene.selected_ids() == ["leave"]
    centre = view.mapToScene(view.viewport().rect().center())
    card = scene.item_for("leave").sceneBoundingRect()
    assert abs(centre.x() - card.center().x()) < 30 or view.horizontalScrollBar().maximum() == 0


def test_zoom_and_fit(qtbot: QtBot, coffee_path: Path) -> None:
    scene, view = open_file(qtbot, coffee_path)
    view.set_zoom(1.0)
    view.zoom_in()
    assert view.zoom() == pytest.approx(1.2)
    view.zoom_out()
    view.zoom_out()
    assert view.zoom() == pytest.approx(1 / 1.2)
    wheel = QWheelEvent(
        QPointF(100, 100),
        view.viewport().mapToGlobal(QPointF(100, 100)),
        QPoint(),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() == pytest.approx(1.0)
    view.resize(400, 300)
    view.fit_all()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(scene.itemsBoundingRect().adjusted(1, 1, -1, -1))


def test_middle_button_pans(qtbot: QtBot, coffee_path: Path) -> None:
    scene, view = open_file(qtbot, coffee_path)
    view.resize(300, 200)
    view.set_zoom(2.0)
    bar = view.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.MiddleButton, pos=QPoint(150, 100))
    qtbot.mouseMove(viewport, QPoint(100, 100))
    qtbot.mouseRelease(viewport, Qt.MouseButton.MiddleButton, pos=QPoint(100, 100))
    assert bar.value() == before + 50
    assert scene.selected_ids() == []


def test_space_and_drag_pans_without_touching_the_document(qtbot: QtBot, coffee_path: Path) -> None:
    scene, view = open_file(qtbot, coffee_path)
    view.resize(300, 200)
    view.set_zoom(2.0)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    viewport = view.viewport()
    view.setFocus()
    qtbot.keyPress(view, Qt.Key.Key_Space)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(150, 150))
    qtbot.mouseMove(viewport, QPoint(150, 110))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(150, 110))
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    assert bar.value() == before + 40
    assert not scene.history.can_undo


def test_dragging_a_sticky_note_moves_it_in_one_undo_step(qtbot: QtBot, coffee_path: Path) -> None:
    from tests.canvas_support import drag

    scene, view = open_file(qtbot, coffee_path)
    note = scene.item_for("n1")
    start = note.pos() + QPointF(30, 30)
    drag(qtbot, view, (start.x(), start.y()), (start.x() + 200, start.y() + 10))
    layout = scene.document.get("n1").layout
    assert (layout.x, layout.y) == (200, -70)
    assert scene.item_for("n1").pos() == QPointF(200, -70)
    scene.history.undo()
    assert scene.item_for("n1").pos() == QPointF(0, -80)


def test_steps_without_layout_are_laid_out_on_open_outside_the_history(
    qtbot: QtBot, coffee_path: Path
) -> None:
    from blueprint_app.analysis.geometry import overlapping_cards
    from blueprint_app.storage import load
    from tests.canvas_support import open_canvas

    blueprint = load(coffee_path)
    for step in blueprint.steps:
        step.layout = None
    scene, _view = open_canvas(qtbot, blueprint)
    assert all(step.layout is not None for step in scene.document.blueprint.steps)
    assert overlapping_cards(scene.document.blueprint) == []
    assert not scene.history.can_undo and scene.history.is_clean


def test_arrange_moves_the_cards_in_one_undo_step(qtbot: QtBot, coffee_path: Path) -> None:
    from blueprint_app.analysis.layout import arrange

    scene, _view = open_file(qtbot, coffee_path)
    before = {sid: card.pos() for sid, card in scene.content.cards.items()}
    with scene.history.transaction("Arrange") as tx:
        arrange(tx)
    after = {sid: card.pos() for sid, card in scene.content.cards.items()}
    assert after != before and len(scene.history.entries) == 1
    scene.history.undo()
    assert {sid: card.pos() for sid, card in scene.content.cards.items()} == before


def test_canvas_around_the_blueprint_follows_a_dark_palette(
    qtbot: QtBot, coffee_path: Path
) -> None:
    from PySide6.QtGui import QColor, QPalette

    scene, _view = open_file(qtbot, coffee_path)
    light = QApplication.palette()
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Base, QColor("#1f2023"))
    try:
        QApplication.setPalette(dark)
        qtbot.waitUntil(lambda: scene.backgroundBrush().color().name() == "#1f2023")
    finally:
        QApplication.setPalette(light)
    qtbot.waitUntil(lambda: scene.backgroundBrush().color() == light.color(QPalette.ColorRole.Base))
