"""Keyboard-only editing, driven by keystrokes alone (issue 17.13)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from blueprint_app.analysis import geometry as geo
from blueprint_app.canvas.keyboard import neighbour
from blueprint_app.editing.session import Session
from blueprint_app.model import new_blueprint
from blueprint_app.model.blueprint import Flow, Phase, Step, StepLayout
from blueprint_app.storage import dumps
from blueprint_app.ui.window.main_window import MainWindow
from tests.ui_support import Dialogs, activate, shown_window, type_text

Key = Qt.Key
NO = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier


def _grid() -> Session:
    blueprint = new_blueprint("Keys")
    blueprint.phases = [Phase(id="p", title="Phase")]
    blueprint.steps = [
        Step(id="a", lane="customer", phase="p", title="A", layout=StepLayout(x=0, row=0)),
        Step(id="b", lane="customer", phase="p", title="B", layout=StepLayout(x=200, row=0)),
        Step(id="c", lane="frontstage", phase="p", title="C", layout=StepLayout(x=0, row=0)),
        Step(id="d", lane="frontstage", phase="p", title="D", layout=StepLayout(x=200, row=0)),
    ]
    blueprint.flows = [Flow(id="f1", source="a", target="c")]
    return Session(blueprint)


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    Dialogs(monkeypatch)
    with shown_window(qtbot, tmp_path) as window:
        window.open_session(_grid())
        activate(qtbot, window)
        window.view.setFocus()
        yield window


def press(qtbot: Any, window: MainWindow, key: Key, modifiers: Qt.KeyboardModifier = NO) -> None:
    qtbot.keyClick(window.view.viewport(), key, modifiers)


def test_arrow_keys_walk_the_neighbours_and_tab_follows_the_flows(qtbot: Any, window) -> None:
    press(qtbot, window, Key.Key_Right)  # nothing selected: the first card
    assert window.scene.selected_ids() == ["a"]
    press(qtbot, window, Key.Key_Right)
    assert window.scene.selected_ids() == ["b"]
    press(qtbot, window, Key.Key_Down)
    assert window.scene.selected_ids() == ["d"]
    press(qtbot, window, Key.Key_Left)
    press(qtbot, window, Key.Key_Up)
    assert window.scene.selected_ids() == ["a"]
    qtbot.keyClick(window.view, Key.Key_Tab)  # the flow a → c
    assert window.scene.selected_ids() == ["c"]
    qtbot.keyClick(window.view, Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert window.scene.selected_ids() == ["a"]
    assert window.view.hasFocus()  # Tab stayed on the canvas


def test_enter_renames_alt_arrow_moves_insert_adds_and_connects_delete_deletes(
    qtbot: Any, window
) -> None:
    start = dumps(window.session.blueprint)
    press(qtbot, window, Key.Key_Right)
    press(qtbot, window, Key.Key_Return)
    viewport = window.view.viewport()
    qtbot.keyClick(viewport, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, viewport, "Arrive 到达")
    press(qtbot, window, Key.Key_Return)
    document = window.session.document
    assert document.step("a").title == "Arrive 到达"
    press(qtbot, window, Key.Key_Down, ALT)  # into the frontstage lane
    assert document.step("a").lane == "frontstage"
    assert geo.overlapping_cards(window.session.blueprint) == []  # made room beside C
    press(qtbot, window, Key.Key_Up, ALT)
    assert document.step("a").lane == "customer"
    press(qtbot, window, Key.Key_Insert)
    new = window.session.blueprint.steps[-1]
    assert new.lane == "customer" and new.phase == "p"
    assert any(f.source == "a" and f.target == new.id for f in window.session.blueprint.flows)
    type_text(qtbot, viewport, "Next")
    press(qtbot, window, Key.Key_Return)
    assert document.step(new.id).title.endswith("Next")
    assert geo.overlapping_cards(window.session.blueprint) == []
    window.scene.select_ids(["b"])
    press(qtbot, window, Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Key.Key_Down)  # to D
    press(qtbot, window, Key.Key_Return)
    assert any(f.source == "b" and f.target == "d" for f in window.session.blueprint.flows)
    window.scene.select_ids(["d"])
    press(qtbot, window, Key.Key_Delete)
    assert "d" not in document
    while window.session.history.can_undo:
        window.session.history.undo()
    assert dumps(window.session.blueprint) == start


def test_every_keyboard_command_is_in_a_menu_with_its_keys(window: MainWindow) -> None:
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    in_menus = {action for menu in menus for action in menu.actions()}
    for name, keys in (("rename", "F2"), ("insert_step", "Ins"), ("connect", "Ctrl+K")):
        action = window.menu_actions[name]
        assert action in in_menus and action.shortcut().toString() == keys


def test_the_neighbour_is_the_nearest_card_ahead() -> None:
    centres = {"o": (0.0, 0.0), "near": (100.0, 40.0), "far": (300.0, 0.0), "back": (-50.0, 0.0)}
    assert neighbour(centres, "o", (1.0, 0.0)) == "near"
    assert neighbour(centres, "o", (-1.0, 0.0)) == "back"
    assert neighbour(centres, "o", (0.0, -1.0)) is None
