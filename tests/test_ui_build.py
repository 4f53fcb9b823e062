"""Drawing a blueprint in the real window with the mouse and keyboard, then saving it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from blueprint_app.model import LaneKind, StepKind
from blueprint_app.storage import dumps, load
from blueprint_app.ui.window.main_window import MainWindow
from tests.canvas_support import at, drag
from tests.ui_support import Dialogs, activate, shown_window, type_text


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, dialogs: Dialogs) -> Iterator[MainWindow]:
    with shown_window(qtbot, tmp_path) as window:
        activate(qtbot, window)
        window.view.setFocus()
        window.view.set_zoom(1.0)
        yield window


def lane_y(window: MainWindow, kind: LaneKind) -> float:
    geometry = window.scene.content.geometry
    band = next(b for b in geometry.lanes if b.kind == kind)
    return band.top + band.height / 2


def add_step_by_double_click(
    qtbot: Any, window: MainWindow, x: float, kind: LaneKind, title: str
) -> str:
    view = window.view
    before = {s.id for s in window.session.blueprint.steps}
    point = at(view, x, lane_y(window, kind))
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    added = [s.id for s in window.session.blueprint.steps if s.id not in before]
    assert len(added) == 1, "a double-click in a lane adds one step"
    type_text(qtbot, view, title)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    return added[0]


def card_center(window: MainWindow, step_id: str) -> QPointF:
    return window.scene.item_for(step_id).sceneBoundingRect().center()


def handle(window: MainWindow, step_id: str) -> QPointF:
    card = window.scene.item_for(step_id)
    return card.mapToScene(card.handle_pos())


def unstamped(text: str) -> str:
    """A saved document without its ``modified`` stamp (saving an edited one renews it)."""
    return re.sub(r'"modified": "[^"]*"', '"modified": ""', text)


def test_build_save_reopen_undo_redo(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    session = window.session
    start = dumps(session.blueprint)
    left = window.scene.content.geometry.content_left
    order = add_step_by_double_click(qtbot, window, left + 120, LaneKind.CUSTOMER, "Order 点单 <&>")
    take = add_step_by_double_click(qtbot, window, left + 320, LaneKind.FRONTSTAGE, "Take order")
    brew = add_step_by_double_click(qtbot, window, left + 520, LaneKind.BACKSTAGE, "Brew")
    steps = {s.id: s for s in session.blueprint.steps}
    lanes = {lane.id: lane.kind for lane in session.blueprint.lanes}
    assert steps[order].title == "Order 点单 <&>" and steps[brew].title == "Brew"
    assert [lanes[steps[i].lane] for i in (order, take, brew)] == [
        LaneKind.CUSTOMER,
        LaneKind.FRONTSTAGE,
        LaneKind.BACKSTAGE,
    ]
    for source, target in ((order, take), (take, brew)):
        begin, end = handle(window, source), card_center(window, target)
        drag(qtbot, window.view, (begin.x(), begin.y()), (end.x(), end.y()))
    assert [(f.source, f.target) for f in session.blueprint.flows] == [(order, take), (take, brew)]
    # select the Brew card with a click: the property panel shows it; set a duration there
    point = at(window.view, card_center(window, brew).x(), card_center(window, brew).y())
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.scene.selected_ids() == [brew]
    assert window.property_panel.item_id == brew
    assert "Brew" in window.status.selection.text()
    duration = window.property_panel.forms["steps"].editor("duration_minutes").widget
    type_text(qtbot, duration, "4")
    qtbot.keyClick(duration, Qt.Key.Key_Return)
    window.property_panel.forms["steps"].editor("moment_of_truth").widget.click()
    assert session.document.step(brew).duration_minutes == 4
    assert session.document.step(brew).moment_of_truth
    end = dumps(session.blueprint)
    assert window.isWindowModified()
    # save with Ctrl+S, reopen in a second window, compare
    target = tmp_path / "drawn.blueprint.json"
    dialogs.save_paths.append(target)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified() and target.exists()
    rows = window.history_panel.list
    assert rows.item(rows.count() - 1).text().endswith("(saved)")
    assert unstamped(dumps(load(target))) == unstamped(end)  # saving stamps `modified`
    # undo everything gives the start, redo everything the end
    undo = window.menu_actions["undo"]
    while undo.isEnabled():
        undo.trigger()
    assert unstamped(dumps(session.blueprint)) == unstamped(start)
    assert window.scene.content.cards == {} and window.scene.content.flows == {}
    redo = window.menu_actions["redo"]
    while redo.isEnabled():
        redo.trigger()
    assert unstamped(dumps(session.blueprint)) == unstamped(end)
    assert not window.isWindowModified()
    assert set(window.scene.content.cards) == {order, take, brew}
    # close it and reopen the file in a new window: the same document
    assert window.close()
    with shown_window(qtbot, tmp_path) as second:
        assert second.open_path(target)
        assert unstamped(dumps(second.session.blueprint)) == unstamped(end)
        assert set(second.scene.content.cards) == {order, take, brew}
        assert len(second.scene.content.flows) == 2


def test_edit_menu_delete_and_select_all_act_on_the_canvas(
    qtbot: Any, window: MainWindow, coffee_path: Path
) -> None:
    assert window.open_path(coffee_path)
    session = window.session
    step = session.blueprint.steps[0]
    flows_at = {f.id for f in session.document.flows_at(step.id)}
    window.scene.select_ids([step.id])
    assert window.property_panel.item_id == step.id
    window.menu_actions["delete"].trigger()
    assert step.id not in session.document and not flows_at & session.document.ids()
    assert session.history.undo_label == "Delete"
    window.menu_actions["select_all"].trigger()
    bp = session.blueprint
    assert len(window.scene.selected_ids()) == len(bp.steps) + len(bp.flows) + len(bp.notes)
    assert window.property_panel.stack.currentWidget() is window.property_panel.summary


def test_copy_and_paste_with_the_keyboard_between_two_windows(
    qtbot: Any, window: MainWindow, coffee_path: Path, tmp_path: Path
) -> None:
    assert window.open_path(coffee_path)
    flow = window.session.blueprint.flows[0]
    window.scene.select_ids([flow.source, flow.target])
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    with shown_window(qtbot, tmp_path) as other:
        activate(qtbot, other)
        qtbot.keyClick(other, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        pasted = other.session.blueprint.steps
        assert len(pasted) == 2 and len(other.session.blueprint.flows) == 1
        assert other.scene.selected_ids() == [s.id for s in pasted] + [
            other.session.blueprint.flows[0].id
        ]
        other.menu_actions["duplicate"].trigger()  # Ctrl+D on the pasted selection
        assert len(other.session.blueprint.steps) == 4
        assert other.session.history.undo_label == "Duplicate"
    window.menu_actions["cut"].trigger()
    assert flow.source not in window.session.document
    assert window.session.history.undo_label == "Cut"


def test_arrange_is_one_undo_step_and_zoom_actions_zoom(
    qtbot: Any, window: MainWindow, coffee_path: Path
) -> None:
    assert window.open_path(coffee_path)
    session = window.session
    before = dumps(session.blueprint)
    for step in session.blueprint.steps:  # scatter the cards
        window.scene.select_ids([step.id])
    with session.history.transaction("Scatter") as tx:
        from blueprint_app.history import edits
        from blueprint_app.model import StepLayout

        for index, step in enumerate(session.blueprint.steps):
            edits.set_field(tx, step.id, "layout", StepLayout(x=1000 - 50 * index, row=index % 3))
    scattered = dumps(session.blueprint)
    window.menu_actions["arrange"].trigger()
    assert session.history.undo_label == "Arrange" and dumps(session.blueprint) != scattered
    session.history.undo()
    assert dumps(session.blueprint) == scattered
    session.history.undo()
    assert dumps(session.blueprint) == before
    view = window.view
    view.set_zoom(1.0)
    window.menu_actions["zoom_in"].trigger()
    assert view.zoom() == pytest.approx(1.2)
    window.menu_actions["zoom_out"].trigger()
    window.menu_actions["zoom_out"].trigger()
    assert view.zoom() == pytest.approx(1 / 1.2)
    assert window.status.zoom.text() == "Zoom 83%"
    activate(qtbot, window)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Plus)  # the bare key zooms while the canvas has focus
    assert view.zoom() == pytest.approx(1.0)
    window.menu_actions["fit"].trigger()
    assert view.zoom() <= 1.5


def drag_onto_canvas(window: MainWindow, data: QMimeData, scene_point: QPointF) -> bool:
    """Deliver a drag-enter, drag-move and drop at a scene point, as a user's drag does."""
    viewport = window.view.viewport()
    point = QPointF(at(window.view, scene_point.x(), scene_point.y()))
    action, buttons, mods = (
        Qt.DropAction.CopyAction,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(point.toPoint(), action, data, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(viewport, QDragMoveEvent(point.toPoint(), action, data, buttons, mods))
    drop = QDropEvent(point, action, data, buttons, mods)
    QApplication.sendEvent(viewport, drop)
    return drop.isAccepted()


def test_dropping_a_palette_kind_on_a_lane_adds_that_step_there(window: MainWindow) -> None:
    kinds = window.palette_dock.kinds
    decision = next(
        kinds.item(i)
        for i in range(kinds.count())
        if kinds.item(i).data(Qt.ItemDataRole.UserRole) == "decision"
    )
    data = kinds.mimeData([decision])  # what dragging the palette entry carries
    left = window.scene.content.geometry.content_left
    assert drag_onto_canvas(window, data, QPointF(left + 200, lane_y(window, LaneKind.BACKSTAGE)))
    step = window.session.blueprint.steps[-1]
    lane = window.session.document.get(step.lane)
    assert step.kind == StepKind.DECISION and lane.kind == LaneKind.BACKSTAGE  # type: ignore[union-attr]
    assert step.layout is not None and abs(step.layout.x + 54 - (left + 200)) <= 1
    assert window.scene.selected_ids() == [step.id]
    assert window.session.history.undo_label == "Add step"
    text = QMimeData()
    text.setText("just text")
    before = dumps(window.session.blueprint)
    drag_onto_canvas(window, text, QPointF(left + 200, 300))
    assert dumps(window.session.blueprint) == before


def test_click_a_palette_kind_then_click_a_lane_places_it(qtbot: Any, window: MainWindow) -> None:
    kinds = window.palette_dock.kinds
    wait = next(
        kinds.item(i)
        for i in range(kinds.count())
        if kinds.item(i).data(Qt.ItemDataRole.UserRole) == "wait"
    )
    qtbot.mouseClick(
        kinds.viewport(), Qt.MouseButton.LeftButton, pos=kinds.visualItemRect(wait).center()
    )
    assert "Click in a lane" in window.statusBar().currentMessage()
    left = window.scene.content.geometry.content_left
    point = at(window.view, left + 300, lane_y(window, LaneKind.CUSTOMER))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    steps = window.session.blueprint.steps
    assert len(steps) == 1 and steps[0].kind == StepKind.WAIT and steps[0].lane == "customer"
    type_text(qtbot, window.view, "Queue 排队")  # the new card's title is open for typing
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert steps[0].title == "Queue 排队"
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert len(window.session.blueprint.steps) == 1  # disarmed after one placement
    qtbot.mouseClick(
        kinds.viewport(), Qt.MouseButton.LeftButton, pos=kinds.visualItemRect(wait).center()
    )
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)  # changed my mind
    qtbot.mouseClick(
        window.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=at(window.view, left + 600, lane_y(window, LaneKind.SUPPORT)),
    )
    assert len(window.session.blueprint.steps) == 1


def test_dropping_a_blueprint_file_on_the_canvas_opens_it(
    window: MainWindow, coffee_path: Path
) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(coffee_path))])
    left = window.scene.content.geometry.content_left
    assert drag_onto_canvas(window, data, QPointF(left + 100, 200))
    assert window.session.path == coffee_path
    assert len(window.scene.content.cards) == len(load(coffee_path).steps)


def test_keys_while_editing_a_title_inline_edit_the_text_not_the_blueprint(
    qtbot: Any, window: MainWindow, coffee_path: Path
) -> None:
    assert window.open_path(coffee_path)
    activate(qtbot, window)
    step = window.session.blueprint.steps[1]
    title = step.title
    count = len(window.session.blueprint.steps)
    window.scene.select_ids([step.id])
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    editor = window.scene.gestures.editor
    assert editor is not None
    qtbot.keyClick(window.view, Qt.Key.Key_End)
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.view, Qt.Key.Key_Home)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)  # Edit > Delete must not take this key
    qtbot.keyClick(window.view, Qt.Key.Key_Minus)  # nor the bare zoom key
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert len(window.session.blueprint.steps) == count
    assert window.session.document.step(step.id).title == "-" + title[1:-1]
    assert window.session.history.undo_label == "Rename step"


def test_sticky_notes_beside_a_step_or_free_and_their_text_in_the_panel(
    qtbot: Any, window: MainWindow, coffee_path: Path
) -> None:
    assert window.open_path(coffee_path)
    session = window.session
    step = session.blueprint.steps[2]
    window.scene.select_ids([step.id])
    window.menu_actions["add_note"].trigger()
    note = session.blueprint.notes[-1]
    assert note.attached_to == step.id and window.scene.selected_ids() == [note.id]
    assert window.property_panel.item_id == note.id
    text = window.property_panel.forms["notes"].editor("text").widget
    text.selectAll()
    type_text(qtbot, text, "Ask 问")
    assert (
        note.text == "Ask 问"
        and step.title in window.property_panel.forms["notes"].editor("attached_to").widget.text()
    )
    window.scene.select_ids([])
    window.menu_actions["add_note"].trigger()
    free = session.blueprint.notes[-1]
    assert free.id != note.id and free.attached_to is None
    assert window.scene.item_for(free.id) is not None
    assert [e.label for e in session.history.entries][-3:] == [
        "Add note",
        "Change text of “Note”",  # the item it changed, by its text as it was
        "Add note",
    ]


def test_right_click_menu_selects_the_item_and_sets_kinds(
    window: MainWindow, coffee_path: Path
) -> None:
    from blueprint_app.model import FlowKind
    from blueprint_app.ui.window.context_menu import build_menu

    assert window.open_path(coffee_path)
    session = window.session
    step = next(s for s in session.blueprint.steps if s.kind == StepKind.ACTION)
    window.scene.select_ids([])
    menu = build_menu(window, card_center(window, step.id))
    assert window.scene.selected_ids() == [step.id]
    texts = [a.text() for a in menu.actions()]
    assert "Cu&t" in texts and "&Delete" in texts and "Step kind" in texts
    kinds = next(a.menu() for a in menu.actions() if a.text() == "Step kind")
    assert [a.text() for a in kinds.actions() if a.isChecked()] == ["Action"]
    next(a for a in kinds.actions() if a.text() == "Wait").trigger()
    assert session.document.step(step.id).kind == StepKind.WAIT
    assert session.history.undo_label == "Change kind"
    flow = session.blueprint.flows[0]
    window.scene.select_ids([flow.id])
    menu = build_menu(window, QPointF(-10_000, -10_000))  # on empty canvas: keeps the selection
    flow_kinds = next(a.menu() for a in menu.actions() if a.text() == "Flow kind")
    next(a for a in flow_kinds.actions() if a.text() == "Recovery").trigger()
    assert session.document.get(flow.id).kind == FlowKind.RECOVERY  # type: ignore[union-attr]
