"""View ▸ Overview: the whole blueprint with the visible area; a click or drag there moves the
canvas (issue 17.15)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from benchmarks.generate import generate_blueprint
from blueprint_app.editing.session import Session
from blueprint_app.ui.window.main_window import MainWindow
from tests.ui_support import Dialogs, shown_window


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    Dialogs(monkeypatch)
    with shown_window(qtbot, tmp_path) as window:
        window.resize(1600, 1000)
        window.open_session(Session(generate_blueprint(400)))
        qtbot.wait(50)
        yield window


def _centre(window: MainWindow) -> QPointF:
    view = window.view
    return view.mapToScene(view.viewport().rect().center())


def test_the_overview_shows_everything_and_a_click_or_drag_moves_the_canvas(
    qtbot: Any, window: MainWindow
) -> None:
    overview = window.overview_dock.overview
    assert window.overview_dock.toggleViewAction() in window.menu_actions.view_menu.actions()
    assert overview.isVisible() and overview.scene() is window.scene
    shown = overview.mapToScene(overview.viewport().rect()).boundingRect()
    assert shown.contains(window.scene.itemsBoundingRect().adjusted(5, 5, -5, -5))
    scene_rect = window.scene.itemsBoundingRect()
    target = QPointF(scene_rect.left() + scene_rect.width() * 0.8, scene_rect.center().y())
    qtbot.mouseClick(
        overview.viewport(), Qt.MouseButton.LeftButton, pos=overview.mapFromScene(target)
    )
    assert (_centre(window) - target).manhattanLength() < scene_rect.width() * 0.05
    start = overview.mapFromScene(target)
    qtbot.mousePress(overview.viewport(), Qt.MouseButton.LeftButton, pos=start)
    end = start - QPoint(overview.viewport().width() // 3, 0)
    qtbot.mouseMove(overview.viewport(), end)
    qtbot.mouseRelease(overview.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert _centre(window).x() < target.x() - scene_rect.width() * 0.1  # dragged left
    assert overview.visible_area().contains(_centre(window))
