"""Arrange at scale: the layout is computed off the window's thread with progress and Cancel,
then applied as one undo step; big changes reroute in view first (issue 18.6)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton

from benchmarks.generate import generate_blueprint
from blueprint_app.analysis import layout
from blueprint_app.canvas import scene as canvas_scene
from blueprint_app.model import Blueprint, StepLayout
from blueprint_app.render.scene_builder import build_static_scene
from blueprint_app.storage import dumps, save
from blueprint_app.ui.export import export_job
from blueprint_app.ui.window import main_window
from blueprint_app.ui.window.main_window import MainWindow
from tests.ui_support import Dialogs, click, shown_window, when_modal

TIMEOUT = 60_000


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture(autouse=True)
def route_later(monkeypatch: pytest.MonkeyPatch) -> None:
    """Arranging 2,000 steps (2,943 flows) reroutes in idle time, as 5,000 and more do."""
    monkeypatch.setattr(canvas_scene, "ROUTE_LATER_ABOVE", 1000)


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, dialogs: Dialogs) -> Iterator[MainWindow]:
    with shown_window(qtbot, tmp_path) as window:
        yield window


def _scattered(n_steps: int) -> Blueprint:
    """A generated blueprint whose cards Arrange will move."""
    blueprint = generate_blueprint(n_steps)
    for index, step in enumerate(blueprint.steps):
        step.layout = StepLayout(x=float((index * 37) % 900), row=index % 3)
    return blueprint


def _routes(window: MainWindow) -> dict[str, list[tuple[float, float]]]:
    return {fid: item.points for fid, item in window.scene.content.flows.items()}


def _static_routes(blueprint: Blueprint) -> dict[str, list[tuple[float, float]]]:
    content = build_static_scene(blueprint)._blueprint_items  # type: ignore[attr-defined]
    return {fid: item.points for fid, item in content.flows.items()}


def _open(window: MainWindow, tmp_path: Path, blueprint: Blueprint) -> None:
    path = tmp_path / "big.blueprint.json"
    save(blueprint, path)
    assert window.open_path(path)


def test_arrange_computes_off_the_window_thread_and_is_one_undo_step(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open(window, tmp_path, _scattered(2000))
    session = window.session
    before = dumps(session.blueprint)
    threads: list[threading.Thread] = []
    real = layout.arrangement

    def spied(blueprint: Blueprint, progress: Callable[[float], None] | None = None) -> Any:
        threads.append(threading.current_thread())
        return real(blueprint, progress)

    monkeypatch.setattr(main_window, "arrangement", spied)
    window.menu_actions["arrange"].trigger()
    assert threads and threads[0] is not threading.main_thread()
    assert session.history.undo_label == "Arrange" and dumps(session.blueprint) != before
    arranged = dumps(session.blueprint)
    # thousands of cards moved: the flows are routed in view first, the rest in idle time
    qtbot.waitUntil(lambda: not window.scene.routing_pending(), timeout=TIMEOUT)
    assert _routes(window) == _static_routes(session.blueprint)
    session.history.undo()
    assert dumps(session.blueprint) == before
    qtbot.waitUntil(lambda: not window.scene.routing_pending(), timeout=TIMEOUT)
    assert _routes(window) == _static_routes(session.blueprint)
    session.history.redo()
    assert dumps(session.blueprint) == arranged


def test_cancel_during_arrange_changes_nothing_and_the_window_keeps_answering(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open(window, tmp_path, _scattered(300))
    session = window.session
    before, entries = dumps(session.blueprint), len(session.history.entries)
    monkeypatch.setattr(export_job, "SHOW_AFTER_MS", 50)
    release = threading.Event()
    real = layout.arrangement

    def unhurried(blueprint: Blueprint, progress: Callable[[float], None] | None = None) -> Any:
        def slow(fraction: float) -> None:  # as on a huge blueprint: not done before Cancel
            assert progress is not None
            progress(fraction)
            release.wait(timeout=TIMEOUT / 1000)

        return real(blueprint, slow)

    monkeypatch.setattr(main_window, "arrangement", unhurried)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)

    def cancel(progress: QProgressDialog) -> None:
        try:
            assert progress.windowTitle() == "Arrange"
            qtbot.wait(200)  # the job waits on its first stage; the window keeps ticking
            assert len(ticks) >= 5
            buttons = [b for b in progress.findChildren(QPushButton) if b.isVisible()]
            assert len(buttons) == 1
            click(qtbot, buttons[0])
        finally:
            release.set()

    problems = when_modal(qtbot, cancel, QProgressDialog)
    window.menu_actions["arrange"].trigger()
    timer.stop()
    assert problems == []
    assert dumps(session.blueprint) == before and len(session.history.entries) == entries
