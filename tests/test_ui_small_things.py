"""Small things of issue 17.11, each driven as a user meets it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from blueprint_app.history import edits
from blueprint_app.model import LaneKind
from blueprint_app.render import style
from blueprint_app.render.text import wrap
from blueprint_app.ui.window.main_window import MainWindow
from tests.ui_support import Dialogs, shown_window, type_text


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, dialogs: Dialogs, coffee_path: Path) -> Iterator[MainWindow]:
    with shown_window(qtbot, tmp_path) as window:
        assert window.open_path(coffee_path)
        yield window


def test_the_status_bar_follows_a_rename(qtbot: Any, window: MainWindow) -> None:
    window.scene.select_ids(["make"])
    assert window.status.selection.text() == "Selected: Make the drink"
    window.scene.edit_title("make")
    editor = window.scene.gestures.editor
    assert editor is not None
    viewport = window.view.viewport()
    qtbot.keyClick(viewport, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, viewport, "Pull the espresso")
    qtbot.keyClick(viewport, Qt.Key.Key_Return)
    assert window.session.document.step("make").title == "Pull the espresso"
    assert window.status.selection.text() == "Selected: Pull the espresso"


def test_a_file_that_is_no_json_says_it_is_no_blueprint(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    path = tmp_path / "notes.json"
    path.write_text("Meeting notes, not a blueprint", encoding="utf-8")
    assert not window.open_path(path)
    (_title, text), *_ = dialogs.errors
    assert "not a blueprint file" in text and "Expecting value" not in text


def test_deleting_a_lane_with_cards_asks_and_says_how_many(
    qtbot: Any, window: MainWindow, dialogs: Dialogs
) -> None:
    session = window.session
    lanes = window.structure_panel.lanes
    lanes.add()
    custom = next(lane for lane in session.blueprint.lanes if lane.kind == LaneKind.CUSTOM)
    with session.history.transaction("Move") as tx:
        edits.move_step(tx, "make", lane=custom.id)
        edits.move_step(tx, "pos", lane=custom.id)
    lanes.select(custom.id)
    dialogs.answers = [QMessageBox.StandardButton.Cancel]
    qtbot.mouseClick(lanes.buttons["delete"], Qt.MouseButton.LeftButton)
    assert "2 cards" in dialogs.questions[-1] and custom.title in dialogs.questions[-1]
    assert custom.id in [lane.id for lane in session.blueprint.lanes]  # kept
    dialogs.answers = [QMessageBox.StandardButton.Yes]
    qtbot.mouseClick(lanes.buttons["delete"], Qt.MouseButton.LeftButton)
    assert custom.id not in [lane.id for lane in session.blueprint.lanes]
    assert "make" not in session.document
    session.history.undo()
    assert "make" in session.document


def test_a_long_title_in_the_title_block_is_cut_after_a_word(qtbot: Any) -> None:
    title = (
        "Hotel stay from arrival to departure with every handover between reception "
        "housekeeping and billing explained for the workshop"
    )
    lines = wrap(title, style.font(20, bold=True), 400, 2, whole_words=True).lines
    words = title.split()
    assert len(lines) == 2 and lines[1].endswith(" …")
    assert all(word in words for line in lines for word in line.removesuffix(" …").split())
