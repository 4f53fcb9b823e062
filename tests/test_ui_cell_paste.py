"""Spreadsheet cells pasted on the canvas with Ctrl+V (issue 19.2): a layered grid becomes one
card per cell, lines of text a row of steps, each paste one undo step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication

from blueprint_app.editing.session import Session
from blueprint_app.model import LaneKind
from blueprint_app.ui.window.main_window import MainWindow
from tests.conftest import ODD_TEXT
from tests.test_spreadsheet_paste import EXCEL_GRID_HTML, EXCEL_GRID_TSV
from tests.ui_support import Dialogs, activate, shown_window


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    Dialogs(monkeypatch)
    with shown_window(qtbot, tmp_path) as shown:
        shown.open_session(Session.new("快餐", "zh-CN"))
        activate(qtbot, shown)
        yield shown


def put_on_clipboard(text: str, html: str = "") -> None:
    data = QMimeData()
    if text:
        data.setText(text)
    if html:
        data.setHtml(html)
    QGuiApplication.clipboard().setMimeData(data)


def press_paste(qtbot: Any, window: MainWindow) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize("flavour", ["text", "html"])
def test_ctrl_v_of_an_excel_grid_makes_cards_in_their_lanes(
    qtbot: Any, window: MainWindow, flavour: str
) -> None:
    if flavour == "text":
        put_on_clipboard(EXCEL_GRID_TSV, EXCEL_GRID_HTML)
    else:
        put_on_clipboard("", EXCEL_GRID_HTML)
    press_paste(qtbot, window)
    blueprint = window.session.blueprint
    assert len(blueprint.steps) == 10 and not blueprint.flows
    assert [p.title for p in blueprint.phases] == ["到店", "点餐", "取餐"]
    assert len(window.session.history.entries) == 1
    assert sorted(window.scene.selected_ids()) == sorted(s.id for s in blueprint.steps)
    assert all(window.scene.item_for(s.id) is not None for s in blueprint.steps)
    window.undo()
    assert not window.session.blueprint.steps


def test_lines_pasted_off_the_canvas_go_to_the_customer_lane(
    qtbot: Any, window: MainWindow
) -> None:
    put_on_clipboard("进店\r\n点餐\r\n取餐\r\n")
    press_paste(qtbot, window)
    blueprint = window.session.blueprint
    customer = next(lane.id for lane in blueprint.lanes if lane.kind == LaneKind.CUSTOMER)
    assert [s.title for s in blueprint.steps] == ["进店", "点餐", "取餐"]
    assert {s.lane for s in blueprint.steps} == {customer}
    assert "3" in window.statusBar().currentMessage()


def test_odd_text_keeps_every_character_and_json_makes_nothing(
    qtbot: Any, window: MainWindow
) -> None:
    put_on_clipboard(ODD_TEXT)
    press_paste(qtbot, window)
    assert [s.title for s in window.session.blueprint.steps] == ODD_TEXT.split("\n")
    put_on_clipboard('{"format": "service-blueprint-fragment", "steps": 3}')
    press_paste(qtbot, window)
    assert len(window.session.blueprint.steps) == 2


def test_the_table_shows_pasted_cards(qtbot: Any, window: MainWindow) -> None:
    window.table_dock.show()
    put_on_clipboard(EXCEL_GRID_TSV)
    press_paste(qtbot, window)
    assert window.table_dock.proxy.rowCount() == 10
    assert window.table_dock.selected_step_ids() == window.scene.selected_ids()
