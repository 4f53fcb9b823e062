"""The property, lanes-and-phases and history docks, driven with the keyboard and mouse."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

from blueprint_app.history import BLUEPRINT
from blueprint_app.model import FlowKind, LaneKind, StepKind
from blueprint_app.model.durations import DurationError
from blueprint_app.storage import dumps
from blueprint_app.ui.docks.field_editors import parse_minutes
from blueprint_app.ui.docks.session_dock import SessionDock
from blueprint_app.ui.window.main_window import MainWindow
from tests.conftest import ODD_TEXT
from tests.ui_support import Dialogs, retitle, shown_window, type_text


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    Dialogs(monkeypatch)
    with shown_window(qtbot, tmp_path) as window:
        yield window


@pytest.fixture
def coffee_window(window: MainWindow, coffee_path: Path) -> MainWindow:
    assert window.open_path(coffee_path)
    return window


def widget(window: MainWindow, form: str, field: str) -> Any:
    return window.property_panel.forms[form].editor(field).widget


def test_typing_in_the_title_field_is_one_undo_step(qtbot: Any, window: MainWindow) -> None:
    history = window.session.history
    title = widget(window, "blueprint", "title")
    assert isinstance(title, QLineEdit) and title.text() == "Untitled blueprint"
    title.selectAll()
    type_text(qtbot, title, "Coffee 咖啡 <&>")
    assert window.session.blueprint.title == "Coffee 咖啡 <&>"
    assert len(history.entries) == 1 and history.undo_label == "Change title"
    assert window.isWindowModified()
    qtbot.keyClick(title, Qt.Key.Key_Return)  # the run ends: the next typing is a new step
    type_text(qtbot, title, "!")
    assert len(history.entries) == 2
    history.undo()
    assert title.text() == "Coffee 咖啡 <&>"
    history.undo()
    assert title.text() == "Untitled blueprint" and window.session.blueprint.title == title.text()
    assert not window.isWindowModified()
    assert len(history.entries) == 2  # showing the undone value wrote nothing back


def test_a_value_the_model_refuses_is_marked_and_not_stored(qtbot: Any, window: MainWindow) -> None:
    language = widget(window, "blueprint", "language")
    language.selectAll()
    type_text(qtbot, language, "not a tag")
    assert window.session.blueprint.language == "not"  # valid prefix kept, the rest refused
    assert language.toolTip() and "border" in language.styleSheet()
    qtbot.keyClick(language, Qt.Key.Key_Return)
    assert language.text() == "not" and not language.toolTip()
    title = widget(window, "blueprint", "title")
    title.selectAll()
    qtbot.keyClick(title, Qt.Key.Key_Delete)  # a blueprint needs a title
    assert window.session.blueprint.title == "Untitled blueprint" and title.toolTip()


def test_minutes_fields_accept_numbers_and_empty(qtbot: Any, window: MainWindow) -> None:
    target = widget(window, "blueprint", "target_minutes")
    type_text(qtbot, target, "12,5")
    assert window.session.blueprint.target_minutes == 12.5
    type_text(qtbot, target, "x")
    assert window.session.blueprint.target_minutes == 12.5 and target.toolTip()
    target.clear()
    type_text(qtbot, target, "")
    target.textEdited.emit("")
    assert window.session.blueprint.target_minutes is None
    for nonsense in ("-1", "inf", "3 parsecs"):
        with pytest.raises(DurationError):
            parse_minutes(nonsense)
    assert parse_minutes(" 3 ") == 3.0 and parse_minutes("") is None


def test_time_fields_take_units_and_show_human_units(qtbot: Any, coffee_window: MainWindow) -> None:
    """Typing "48h" stores 2880 minutes in one undo step and then reads "2 d"."""
    window, session = coffee_window, coffee_window.session
    step = next(s for s in session.blueprint.steps if s.kind == StepKind.ACTION)
    window.property_panel.show_item(step.id)
    target = widget(window, "steps", "target_minutes")
    assert widget(window, "steps", "duration_minutes").text() == "1 min 30 s"  # 1.5 in the file
    entries = len(session.history.entries)
    target.selectAll()
    type_text(qtbot, target, "48h")
    assert session.document.step(step.id).target_minutes == 2880
    assert target.text() == "48h" and not target.toolTip()  # typing is left alone
    assert len(session.history.entries) == entries + 1
    qtbot.keyClick(target, Qt.Key.Key_Return)
    assert target.text() == "2 d"  # what was understood
    for typed, minutes, shown in (
        ("1:30", 90, "1 h 30 min"),
        ("90 s", 1.5, "1 min 30 s"),
        ("1.5h", 90, "1 h 30 min"),
        ("12", 12, "12 min"),
        ("1 h 30 min", 90, "1 h 30 min"),
    ):
        target.selectAll()
        type_text(qtbot, target, typed)
        qtbot.keyClick(target, Qt.Key.Key_Return)
        assert session.document.step(step.id).target_minutes == minutes, typed
        assert target.text() == shown
    assert len(session.history.entries) == entries + 6  # one undo step per field edit
    session.history.undo()
    assert target.text() == "12 min" and session.document.step(step.id).target_minutes == 12
    session.history.undo()
    assert target.text() == "1 h 30 min"  # 1.5 h before 12
    # nonsense is marked, explained and changes nothing; leaving the field shows the value again
    target.selectAll()
    type_text(qtbot, target, "2 parsecs")
    assert "border" in target.styleSheet() and "90 s" in target.toolTip()
    assert session.document.step(step.id).target_minutes == 2  # "2 p…" changed nothing
    assert len(session.history.entries) == entries + 6 - 2 + 1  # only "2" was a time
    qtbot.keyClick(target, Qt.Key.Key_Return)
    assert target.text() == "2 min" and not target.toolTip()
    target.selectAll()
    type_text(qtbot, target, "-5")
    assert "negative" in target.toolTip()
    assert session.document.step(step.id).target_minutes == 2


def test_time_fields_speak_the_blueprint_language(qtbot: Any, window: MainWindow) -> None:
    session = window.session
    language = widget(window, "blueprint", "language")
    language.selectAll()
    type_text(qtbot, language, "zh-CN")
    qtbot.keyClick(language, Qt.Key.Key_Return)
    target = widget(window, "blueprint", "target_minutes")
    type_text(qtbot, target, "1小时30分钟")
    assert session.blueprint.target_minutes == 90
    qtbot.keyClick(target, Qt.Key.Key_Return)
    assert target.text() == "1 小时 30 分钟"
    target.selectAll()
    type_text(qtbot, target, "２天")
    qtbot.keyClick(target, Qt.Key.Key_Return)
    assert session.blueprint.target_minutes == 2880 and target.text() == "2 天"


def test_every_step_field_is_editable_and_undoable(qtbot: Any, coffee_window: MainWindow) -> None:
    window = coffee_window
    session = window.session
    start = dumps(session.blueprint)
    step = next(s for s in session.blueprint.steps if s.kind == StepKind.ACTION)
    before = step.model_copy()
    window.property_panel.show_item(step.id)
    form = window.property_panel.forms["steps"]
    assert window.property_panel.stack.currentWidget() is form
    assert widget(window, "steps", "id").isReadOnly()
    assert widget(window, "steps", "id").text() == step.id
    for field in ("title", "actor", "channel", "standard"):
        line = widget(window, "steps", field)
        line.selectAll()
        type_text(qtbot, line, ODD_TEXT.replace("\n", " "))
        qtbot.keyClick(line, Qt.Key.Key_Return)
    description = widget(window, "steps", "description")
    assert isinstance(description, QPlainTextEdit)
    description.selectAll()
    type_text(qtbot, description, "first line")
    for field in ("duration_minutes", "target_minutes"):
        line = widget(window, "steps", field)
        line.selectAll()
        type_text(qtbot, line, "7")
    for field in ("moment_of_truth", "fail_point"):
        box = widget(window, "steps", field)
        assert isinstance(box, QCheckBox)
        box.click()
    choose(widget(window, "steps", "kind"), "Decision")
    choose(widget(window, "steps", "emotion"), "−2 very negative")
    backstage = next(lane for lane in session.blueprint.lanes if lane.kind == LaneKind.BACKSTAGE)
    choose(widget(window, "steps", "lane"), backstage.title)
    choose(widget(window, "steps", "phase"), "— no phase —")
    changed = session.document.step(step.id)
    assert changed.title == ODD_TEXT.replace("\n", " ") and changed.actor == changed.title
    assert changed.description == "first line"
    assert changed.duration_minutes == 7 and changed.target_minutes == 7
    assert changed.moment_of_truth != before.moment_of_truth
    assert changed.fail_point != before.fail_point
    assert changed.kind == StepKind.DECISION and changed.emotion == -2
    assert changed.lane == backstage.id and changed.phase is None
    end = dumps(session.blueprint)
    while session.history.can_undo:
        session.history.undo()
    assert dumps(session.blueprint) == start
    assert widget(window, "steps", "title").text() == before.title  # the panel followed
    assert widget(window, "steps", "fail_point").isChecked() == before.fail_point
    while session.history.can_redo:
        session.history.redo()
    assert dumps(session.blueprint) == end


def choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not among {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def test_flow_kind_and_label(qtbot: Any, coffee_window: MainWindow) -> None:
    window = coffee_window
    flow = window.session.blueprint.flows[0]
    window.property_panel.show_item(flow.id)
    assert widget(window, "flows", "source").isReadOnly()
    source = window.session.document.step(flow.source)
    assert widget(window, "flows", "source").text() == source.title  # its title, not its id
    choose(widget(window, "flows", "kind"), "Recovery")
    label = widget(window, "flows", "label")
    label.selectAll()
    type_text(qtbot, label, "retry")
    assert window.session.document.get(flow.id).kind == FlowKind.RECOVERY  # type: ignore[union-attr]
    assert window.session.document.get(flow.id).label == "retry"  # type: ignore[union-attr]
    assert [e.label.split(" of ")[0] for e in window.session.history.entries] == [
        "Change kind",
        "Change label",
    ]
    assert window.session.history.entries[0].label.endswith("“Walk in → Order a drink”")


def test_selection_of_several_items_shows_a_summary(coffee_window: MainWindow) -> None:
    panel = coffee_window.property_panel
    panel.show_selection([s.id for s in coffee_window.session.blueprint.steps[:3]])
    assert panel.stack.currentWidget() is panel.summary and "3" in panel.summary.text()
    panel.show_selection([])
    assert panel.stack.currentWidget() is panel.forms["blueprint"]


def test_deleting_the_shown_item_falls_back_to_the_blueprint(coffee_window: MainWindow) -> None:
    from blueprint_app.history import edits

    step = coffee_window.session.blueprint.steps[0]
    coffee_window.property_panel.show_item(step.id)
    with coffee_window.session.history.transaction("Delete") as tx:
        edits.delete_items(tx, [step.id])
    panel = coffee_window.property_panel
    assert panel.item_id == BLUEPRINT and panel.stack.currentWidget() is panel.forms["blueprint"]


def test_lanes_and_phases_add_rename_reorder_delete(qtbot: Any, window: MainWindow) -> None:
    session, panel = window.session, window.structure_panel
    lanes = panel.lanes
    start = dumps(session.blueprint)
    assert lanes.list.count() == 5
    lanes.list.setCurrentRow(1)  # customer
    assert not lanes.buttons["delete"].isEnabled()  # a standard lane stays
    qtbot.mouseClick(lanes.buttons["add"], Qt.MouseButton.LeftButton)
    added = session.blueprint.lanes[2]
    assert added.kind == LaneKind.CUSTOM and lanes.current_id() == added.id
    assert window.property_panel.item_id == added.id  # picking a lane shows its properties
    item = lanes.list.currentItem()
    item.setText("Kitchen 厨房")  # as the in-place editor does
    assert added.title == "Kitchen 厨房"
    qtbot.waitUntil(lambda: lanes.list.item(2).text() == "Kitchen 厨房")
    qtbot.mouseClick(lanes.buttons["up"], Qt.MouseButton.LeftButton)
    assert session.blueprint.lanes[1].id == added.id
    lanes.list.setCurrentRow(1)
    qtbot.mouseClick(lanes.buttons["up"], Qt.MouseButton.LeftButton)
    assert session.blueprint.lanes[0].id == added.id
    lanes.list.setCurrentRow(1)  # physical evidence may not move below customer
    qtbot.mouseClick(lanes.buttons["down"], Qt.MouseButton.LeftButton)
    assert [lane.kind for lane in session.blueprint.lanes][1:3] == [
        LaneKind.PHYSICAL_EVIDENCE,
        LaneKind.CUSTOMER,
    ]
    assert "standard lanes keep their order" in window.statusBar().currentMessage()
    phases = panel.phases
    qtbot.mouseClick(phases.buttons["add"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(phases.buttons["add"], Qt.MouseButton.LeftButton)
    assert [p.title for p in session.blueprint.phases] == ["Phase 1", "Phase 2"]
    qtbot.mouseClick(phases.buttons["up"], Qt.MouseButton.LeftButton)
    assert [p.title for p in session.blueprint.phases] == ["Phase 2", "Phase 1"]
    qtbot.mouseClick(phases.buttons["delete"], Qt.MouseButton.LeftButton)
    assert [p.title for p in session.blueprint.phases] == ["Phase 1"]
    lanes.list.setCurrentRow(0)
    qtbot.mouseClick(lanes.buttons["delete"], Qt.MouseButton.LeftButton)
    assert all(lane.kind != LaneKind.CUSTOM for lane in session.blueprint.lanes)
    while session.history.can_undo:
        session.history.undo()
    assert dumps(session.blueprint) == start
    qtbot.waitUntil(lambda: lanes.list.count() == 5 and phases.list.count() == 0)


def test_history_panel_marks_the_current_step_and_jumps(qtbot: Any, window: MainWindow) -> None:
    title = widget(window, "blueprint", "title")
    for text in ("one", "two", "three"):
        title.selectAll()
        type_text(qtbot, title, text)
        qtbot.keyClick(title, Qt.Key.Key_Return)
    rows = window.history_panel.list
    assert rows.count() == 4 and rows.currentRow() == 3
    assert rows.item(3).text() == "▸ Change title" and rows.item(0).text() == "Opened"
    rows.setCurrentRow(1)  # as a click does
    assert window.session.blueprint.title == "one" and title.text() == "one"
    assert rows.item(1).text().startswith("▸")
    rows.setCurrentRow(0)
    assert window.session.blueprint.title == "Untitled blueprint"
    assert not window.isWindowModified()
    rows.setCurrentRow(3)
    assert window.session.blueprint.title == "three"


def test_ctrl_z_in_a_field_undoes_through_the_one_history(qtbot: Any, window: MainWindow) -> None:
    from tests.ui_support import activate

    activate(qtbot, window)
    title = widget(window, "blueprint", "title")
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    title.selectAll()
    type_text(qtbot, title, "Mine")
    assert window.session.blueprint.title == "Mine"
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.blueprint.title == "Untitled blueprint"
    assert title.text() == "Untitled blueprint" and window.session.history.can_redo
    qtbot.keyClick(
        title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.session.blueprint.title == "Mine" == title.text()


def test_delete_key_in_the_phase_list_deletes_the_phase_not_the_canvas_selection(
    qtbot: Any, coffee_window: MainWindow
) -> None:
    from tests.ui_support import activate

    window = coffee_window
    activate(qtbot, window)
    session = window.session
    step = session.blueprint.steps[0]
    window.scene.select_ids([step.id])
    phases = window.structure_panel.phases
    phases.list.setCurrentRow(0)
    phases.list.setFocus()
    qtbot.waitUntil(phases.list.hasFocus)
    first = session.blueprint.phases[0].id
    qtbot.keyClick(phases.list, Qt.Key.Key_Delete)
    assert first not in session.document and step.id in session.document
    assert session.history.undo_label == "Delete phase"


def test_clicking_a_lane_or_phase_header_on_the_canvas_picks_it(
    qtbot: Any, coffee_window: MainWindow
) -> None:
    from tests.canvas_support import at

    window = coffee_window
    blueprint = window.session.blueprint
    backstage = next(lane for lane in blueprint.lanes if lane.kind == LaneKind.BACKSTAGE)
    header = window.scene.content.lanes[backstage.id].header_rect().center()
    viewport = window.view.viewport()
    qtbot.mouseClick(
        viewport, Qt.MouseButton.LeftButton, pos=at(window.view, header.x(), header.y())
    )
    assert window.property_panel.item_id == backstage.id
    assert window.structure_panel.lanes.current_id() == backstage.id
    assert window.scene.selected_ids() == []
    title = window.property_panel.current_form()
    assert title is not None and title.isVisible()
    phase = blueprint.phases[1]
    header = window.scene.content.phases[phase.id].header_rect().center()
    qtbot.mouseClick(
        viewport, Qt.MouseButton.LeftButton, pos=at(window.view, header.x(), header.y())
    )
    assert window.property_panel.item_id == phase.id
    assert window.structure_panel.phases.current_id() == phase.id
    # the lane's background away from its title cell still starts a rubber band, not a pick
    band = window.scene.content.lanes[backstage.id].boundingRect()
    qtbot.mouseClick(
        viewport,
        Qt.MouseButton.LeftButton,
        pos=at(window.view, band.right() - 5, band.center().y()),
    )
    assert window.property_panel.item_id == BLUEPRINT


def test_a_released_panel_stops_following_and_a_new_session_is_followed_once(
    window: MainWindow,
) -> None:
    docks = (
        window.property_panel,
        window.structure_panel,
        window.history_panel,
        window.problems_panel,
    )
    assert all(isinstance(dock, SessionDock) for dock in docks)
    session = window.session
    history = window.history_panel.list
    for dock in docks:
        dock.set_session(session)  # again: still one subscription each
    retitle(window, "followed")
    assert history.count() == 2
    for dock in docks:
        dock.release()
    retitle(window, "no longer followed")
    assert history.count() == 2
    for dock in docks:
        dock.set_session(session)
    assert history.count() == 3
