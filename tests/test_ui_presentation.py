"""View ▸ Presentation: full screen, chrome hidden, phase by phase with the arrow keys, the
phase's moments of truth and fail points highlighted; Esc puts everything back (17.16)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from blueprint_app.editing.session import Session
from blueprint_app.resources import resource_path
from blueprint_app.ui.window.main_window import MainWindow
from tests.ui_support import Dialogs, activate, shown_window


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    Dialogs(monkeypatch)
    with shown_window(qtbot, tmp_path) as window:
        window.open_session(Session.open(resource_path("examples", "hotel-stay.blueprint.json")))
        activate(qtbot, window)
        yield window


def _visible(window: MainWindow):
    view = window.view
    return view.mapToScene(view.viewport().rect()).boundingRect()


def test_presentation_steps_through_the_phases_and_esc_restores(qtbot: Any, window) -> None:
    assert window.property_panel.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    presentation = window.presentation
    assert presentation is not None
    assert not window.menuBar().isVisible() and not window.property_panel.isVisible()
    assert not window.statusBar().isVisible()
    g = window.scene.content.geometry
    blueprint = window.session.blueprint
    for index, column in enumerate(g.phases):
        assert presentation.index == index
        shown = _visible(window)
        assert shown.left() <= column.left + 1 and column.right - 1 <= shown.right()
        key = {
            s.id
            for s in blueprint.steps
            if s.phase == column.id and (s.moment_of_truth or s.fail_point)
        }
        assert set(window.scene.selected_ids()) == key
        qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Right)
    assert presentation.index == len(g.phases) - 1  # stays on the last
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Left)
    assert presentation.index == len(g.phases) - 2
    assert any(s.moment_of_truth or s.fail_point for s in blueprint.steps), (
        "the example has some to highlight"
    )
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    assert window.presentation is None
    assert window.menuBar().isVisible() and window.property_panel.isVisible()
    assert not window.isFullScreen()
