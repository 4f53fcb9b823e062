"""Arrange ▸ Align and Distribute on the selection, one undo step each (issue 17.14)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from blueprint_app.analysis import geometry as geo
from blueprint_app.editing.session import Session
from blueprint_app.model import new_blueprint
from blueprint_app.model.blueprint import Phase, Step, StepLayout
from blueprint_app.storage import dumps
from blueprint_app.ui.window.main_window import MainWindow
from tests.ui_support import Dialogs, activate, shown_window

MODS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ShiftModifier
)


def _scattered() -> Session:
    blueprint = new_blueprint("Align")
    blueprint.phases = [Phase(id="p", title="Phase")]
    blueprint.steps = [
        Step(id="a", lane="customer", phase="p", title="A", layout=StepLayout(x=10, row=0)),
        Step(id="b", lane="frontstage", phase="p", title="B", layout=StepLayout(x=95, row=0)),
        Step(id="c", lane="backstage", phase="p", title="C", layout=StepLayout(x=600, row=0)),
        Step(id="d", lane="backstage", phase="p", title="D", layout=StepLayout(x=300, row=1)),
    ]
    return Session(blueprint)


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    Dialogs(monkeypatch)
    with shown_window(qtbot, tmp_path) as window:
        window.open_session(_scattered())
        activate(qtbot, window)
        yield window


def _x(window: MainWindow, step_id: str) -> float:
    layout = window.session.document.step(step_id).layout
    assert layout is not None
    return layout.x


def test_align_left_centre_right_by_keys_each_one_undo_step(qtbot: Any, window) -> None:
    start = dumps(window.session.blueprint)
    window.scene.select_ids(["a", "b", "c"])
    qtbot.keyClick(window, Qt.Key.Key_L, MODS)
    assert _x(window, "a") == _x(window, "b") == _x(window, "c") == 10
    window.session.history.undo()
    qtbot.keyClick(window, Qt.Key.Key_R, MODS)
    assert _x(window, "a") == _x(window, "b") == _x(window, "c") == 600
    window.session.history.undo()
    qtbot.keyClick(window, Qt.Key.Key_C, MODS)
    assert _x(window, "a") == _x(window, "b") == _x(window, "c") == 305
    assert [e.label for e in window.session.history.entries] == ["Align steps"]
    window.session.history.undo()
    assert dumps(window.session.blueprint) == start


def test_distribute_spaces_evenly_and_top_shares_a_row_without_overlaps(qtbot: Any, window) -> None:
    window.scene.select_ids(["a", "b", "d"])
    qtbot.keyClick(window, Qt.Key.Key_H, MODS)
    xs = sorted(_x(window, s) for s in ("a", "b", "d"))
    assert xs[1] - xs[0] == xs[2] - xs[1] >= geo.CARD_W
    window.scene.select_ids(["c", "d"])
    window.menu_actions["align_top"].trigger()
    rows = {window.session.document.step(s).layout.row for s in ("c", "d")}
    assert rows == {0}
    assert geo.overlapping_cards(window.session.blueprint) == []


def test_one_card_is_not_enough_and_says_so(qtbot: Any, window) -> None:
    window.scene.select_ids(["a"])
    before = len(window.session.history.entries)
    window.menu_actions["align_left"].trigger()
    assert len(window.session.history.entries) == before
    assert "at least 2" in window.statusBar().currentMessage()
