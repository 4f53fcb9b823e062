"""The Table dock (issue 19.1): one row per step over the live document, edited through the same
undoable commands as the canvas, following the document change by change, its selection the
canvas's; driven with mouse and keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from blueprint_app.editing import step_columns as sc
from blueprint_app.history import edits
from blueprint_app.ui.docks.step_table import StepTableDock, StepTableModel
from blueprint_app.ui.window.main_window import MainWindow
from tests.ui_support import Dialogs, activate, shown_window, type_text

HOTEL = Path(__file__).parent.parent / "resources" / "examples" / "hotel-stay.blueprint.json"


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    Dialogs(monkeypatch)
    with shown_window(qtbot, tmp_path) as shown:
        assert shown.open_path(HOTEL)
        action = next(a for a in shown.menu_actions.view_menu.actions() if a.text() == "Table")
        action.trigger()  # View ▸ Table
        qtbot.waitUntil(lambda: shown.table_dock.table.viewport().height() > 150)
        yield shown


def model_of(dock: StepTableDock) -> StepTableModel:
    assert dock.model is not None
    return dock.model


def cell(dock: StepTableDock, step_id: str, key: str) -> QModelIndex:
    model = model_of(dock)
    row = model.row_of(step_id)
    assert row is not None
    return dock.proxy.mapFromSource(model.index(row, sc.COLUMN_KEYS.index(key)))


def cell_centre(dock: StepTableDock, index: QModelIndex) -> QPoint:
    dock.table.scrollTo(index)
    return dock.table.visualRect(index).center()


def test_one_row_per_step_with_human_times(window: MainWindow) -> None:
    dock = window.table_dock
    steps = window.session.blueprint.steps
    assert dock.proxy.rowCount() == len(steps)
    timed = next(s for s in steps if s.duration_minutes)
    shown = cell(dock, timed.id, "duration").data()
    assert shown and not shown.replace(".", "").isdigit()  # "5 min", not "5"
    headers = [dock.proxy.headerData(i, Qt.Orientation.Horizontal) for i in range(len(sc.COLUMNS))]
    assert "Moment of truth" in headers and "Cost" in headers and "Metrics" in headers


def test_typing_in_a_cell_is_one_undo_step_and_reaches_the_canvas(
    qtbot: Any, window: MainWindow
) -> None:
    dock = window.table_dock
    step = window.session.blueprint.steps[3]
    before = len(window.session.history.entries)
    index = cell(dock, step.id, "actor")
    activate(qtbot, window)
    where = cell_centre(dock, index)
    qtbot.mouseClick(dock.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(dock.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, editor, "前台 Ann <&>")
    assert window.session.document.step(step.id).actor == "前台 Ann <&>"  # live, as typed
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert len(window.session.history.entries) == before + 1
    card = window.scene.item_for(step.id)
    assert card is not None
    window.undo()
    assert window.session.document.step(step.id).actor == step.actor


def test_a_time_is_typed_in_human_units(qtbot: Any, window: MainWindow) -> None:
    dock = window.table_dock
    step = window.session.blueprint.steps[2]
    index = cell(dock, step.id, "target")
    dock.table.setCurrentIndex(index)
    dock.table.setFocus()
    dock.table.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, editor, "2天")
    assert window.session.document.step(step.id).target_minutes == 2880
    qtbot.keyClicks(editor, "x")  # no time: refused, marked, the stored value kept
    assert window.session.document.step(step.id).target_minutes == 2880
    assert "border" in editor.styleSheet()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert cell(dock, step.id, "target").data() == "2 d"


def test_one_keystroke_updates_one_cell_not_the_table(qtbot: Any, window: MainWindow) -> None:
    dock = window.table_dock
    model = model_of(dock)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    step = window.session.blueprint.steps[0]
    with window.session.history.transaction("Type") as tx:
        edits.set_field(tx, step.id, "title", "Lobby")
    assert model.cell_updates == 1 and not resets
    assert cell(dock, step.id, "title").data() == "Lobby"


def test_selection_follows_both_ways(qtbot: Any, window: MainWindow) -> None:
    dock = window.table_dock
    first, second = (s.id for s in window.session.blueprint.steps[4:6])
    window.scene.select_ids([first, second])
    assert dock.selected_step_ids() == [first, second]
    index = cell(dock, second, "title")
    qtbot.mouseClick(dock.table.viewport(), Qt.MouseButton.LeftButton, pos=cell_centre(dock, index))
    assert window.scene.selected_ids() == [second]


def test_an_edit_with_several_rows_selected_sets_them_all(qtbot: Any, window: MainWindow) -> None:
    dock = window.table_dock
    ids = [s.id for s in window.session.blueprint.steps[:10]]
    window.scene.select_ids(ids)
    before = len(window.session.history.entries)
    index = cell(dock, ids[0], "actor")
    dock.table.setCurrentIndex(index)
    dock.table.selectionModel().select(
        dock.table.selectionModel().selection(),
        dock.table.selectionModel().SelectionFlag.Select,
    )
    window.scene.select_ids(ids)
    dock.table.setFocus()
    qtbot.keyClick(dock.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Night porter")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert {window.session.document.step(i).actor for i in ids} == {"Night porter"}
    assert len(window.session.history.entries) == before + 1


def test_a_check_box_click_sets_a_marker(qtbot: Any, window: MainWindow) -> None:
    dock = window.table_dock
    step = next(s for s in window.session.blueprint.steps if not s.fail_point)
    index = cell(dock, step.id, "fail_point")
    assert dock.proxy.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert window.session.document.step(step.id).fail_point
    window.undo()
    assert not window.session.document.step(step.id).fail_point


def test_sorting_and_filtering(qtbot: Any, window: MainWindow) -> None:
    dock = window.table_dock
    blueprint = window.session.blueprint
    dock.table.sortByColumn(sc.COLUMN_KEYS.index("duration"), Qt.SortOrder.DescendingOrder)
    first = dock.proxy.index(0, sc.COLUMN_KEYS.index("duration"))
    longest = max(s.duration_minutes or 0 for s in blueprint.steps)
    step_id = model_of(dock).step_id(dock.proxy.mapToSource(first).row())
    assert window.session.document.step(step_id).duration_minutes == longest
    dock.lane_filter.setCurrentIndex(dock.lane_filter.findData("backstage"))
    assert dock.proxy.rowCount() == sum(s.lane == "backstage" for s in blueprint.steps)
    dock.lane_filter.setCurrentIndex(0)
    dock.marker_filter.setCurrentIndex(dock.marker_filter.findData("fail_point"))
    assert dock.proxy.rowCount() == sum(s.fail_point for s in blueprint.steps)
    dock.marker_filter.setCurrentIndex(0)
    qtbot.keyClicks(dock.search, "luggage")
    assert 0 < dock.proxy.rowCount() < len(blueprint.steps)


def test_renaming_a_lane_shows_in_its_column(window: MainWindow) -> None:
    dock = window.table_dock
    step = window.session.blueprint.steps[0]
    with window.session.history.transaction("Rename") as tx:
        edits.set_field(tx, step.lane, "title", "看得见的")
    assert cell(dock, step.id, "lane").data() == "看得见的"


def test_add_step_adds_a_row_and_types_its_title(qtbot: Any, window: MainWindow) -> None:
    dock = window.table_dock
    count = len(window.session.blueprint.steps)
    dock.table.setCurrentIndex(cell(dock, window.session.blueprint.steps[5].id, "title"))
    qtbot.mouseClick(dock.add_button, Qt.MouseButton.LeftButton)
    assert len(window.session.blueprint.steps) == count + 1
    new = window.session.blueprint.steps[-1]
    assert new.lane == window.session.blueprint.steps[5].lane
    assert dock.proxy.rowCount() == count + 1
    assert window.scene.selected_ids() == [new.id]
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "Late check-out")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.session.document.step(new.id).title == "Late check-out"
    window.undo()
    window.undo()
    assert len(window.session.blueprint.steps) == count and dock.proxy.rowCount() == count


def test_ctrl_v_in_the_table_pastes_cells_as_one_undo_step(qtbot: Any, window: MainWindow) -> None:
    dock = window.table_dock
    steps = window.session.blueprint.steps
    count = len(steps)
    activate(qtbot, window)
    last = steps[-1].id
    dock.table.setCurrentIndex(cell(dock, last, "title"))
    dock.table.setFocus()
    # as Excel puts two rows of title and actor on the clipboard
    QGuiApplication.clipboard().setText("Pay the bill\tCashier\r\n扫码支付\t前台\r\n")
    before = len(window.session.history.entries)
    qtbot.keyClick(dock.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.session.document.step(last).title == "Pay the bill"
    assert window.session.document.step(last).actor == "Cashier"
    assert len(window.session.blueprint.steps) == count + 1
    assert window.session.blueprint.steps[-1].title == "扫码支付"
    assert len(window.session.history.entries) == before + 1
    window.undo()
    assert len(window.session.blueprint.steps) == count


def test_copy_in_the_table_gives_tab_separated_rows(qtbot: Any, window: MainWindow) -> None:
    dock = window.table_dock
    step = window.session.blueprint.steps[1]
    window.scene.select_ids([step.id])
    dock.table.setFocus()
    qtbot.keyClick(dock.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    cells = QGuiApplication.clipboard().text().rstrip("\r\n").split("\t")
    assert cells[sc.COLUMN_KEYS.index("title")] == step.title


def test_a_pasted_cell_that_is_no_time_is_left_and_said(qtbot: Any, window: MainWindow) -> None:
    dock = window.table_dock
    step = window.session.blueprint.steps[2]
    old = step.duration_minutes
    dock.table.setCurrentIndex(cell(dock, step.id, "channel"))
    dock.table.setFocus()
    assert dock.paste_rows([["Phone", "soon", "45 min"]]) == [step.id]
    assert window.session.document.step(step.id).channel == "Phone"
    assert window.session.document.step(step.id).duration_minutes == old
    assert window.session.document.step(step.id).target_minutes == 45
    assert "Row 1" in dock.problem_text and "Duration" in dock.problem_text


def test_a_hidden_table_catches_up_with_the_canvas_when_shown(
    qtbot: Any, window: MainWindow
) -> None:
    dock = window.table_dock
    dock.hide()
    chosen = [s.id for s in window.session.blueprint.steps[7:9]]
    window.scene.select_ids(chosen)
    dock.show()
    qtbot.waitUntil(lambda: dock.selected_step_ids() == chosen)
