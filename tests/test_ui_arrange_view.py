"""Arrange and Find keep you somewhere readable (issue 17.10): Arrange keeps the selection in
the middle at a readable zoom and says what it is busy with should it take long; Find zooms in
to its match when the view is zoomed far out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from benchmarks.generate import generate_blueprint
from blueprint_app.canvas.view import READABLE_ZOOM
from blueprint_app.editing.session import Session
from blueprint_app.ui.export import export_job
from blueprint_app.ui.window.main_window import MainWindow
from tests.ui_support import Dialogs, activate, shown_window, type_text


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    Dialogs(monkeypatch)
    with shown_window(qtbot, tmp_path) as window:
        yield window


def _in_view(window: MainWindow, step_id: str) -> bool:
    view = window.view
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return shown.contains(window.scene.item_for(step_id).sceneBoundingRect())


def test_arrange_keeps_the_selection_in_view_at_a_readable_zoom_and_shows_it_is_busy(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    real = export_job.run_with_progress

    def watched(parent: Any, label: str, *args: Any, **kwargs: Any) -> Any:
        shown.append(label)  # the label of the progress dialog shown if the job is slow
        return real(parent, label, *args, **kwargs)

    monkeypatch.setattr(export_job, "run_with_progress", watched)
    window.open_session(Session(generate_blueprint(800)))
    chosen = window.session.blueprint.steps[400].id
    window.scene.select_ids([chosen])
    window.go_to_step(chosen)
    activate(qtbot, window)
    qtbot.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.session.history.entries[-1].label == "Arrange"
    assert shown and str(len(window.session.blueprint.steps)) in shown[0]
    assert window.view.zoom() >= READABLE_ZOOM
    assert _in_view(window, chosen)


def test_find_zooms_in_to_a_readable_level(qtbot: Any, window: MainWindow) -> None:
    window.open_session(Session(generate_blueprint(300)))
    window.view.set_zoom(0.05)
    target = window.session.blueprint.steps[250]
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, window.find_bar.field, target.title)
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.view.zoom() >= READABLE_ZOOM
    assert window.scene.selected_ids()
    assert _in_view(window, window.scene.selected_ids()[0])
