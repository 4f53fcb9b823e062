"""Helpers for canvas tests: a real scene and view on a document, and mouse gestures on them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from blueprint_app.canvas.scene import BlueprintScene
from blueprint_app.canvas.view import BlueprintView
from blueprint_app.history import Document, History
from blueprint_app.model import Blueprint
from blueprint_app.storage import load


def open_canvas(qtbot: QtBot, blueprint: Blueprint) -> tuple[BlueprintScene, BlueprintView]:
    document = Document(blueprint)
    history = History(document)
    scene = BlueprintScene(document, history)
    view = BlueprintView(scene)
    qtbot.addWidget(view, before_close_func=lambda _view: close_canvas(scene, view))
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    view.keep_view()  # the tests choose the view, not the first-view rule
    view.set_zoom(1.0)
    view.centerOn(scene.sceneRect().center())
    return scene, view


def close_canvas(scene: BlueprintScene, view: BlueprintView) -> None:
    """Take the scene apart before Python's shutdown does it in a random order."""
    scene.detach()
    view.setScene(None)
    scene.clear()
    scene.deleteLater()


def open_file(qtbot: QtBot, path: Path) -> tuple[BlueprintScene, BlueprintView]:
    return open_canvas(qtbot, load(path))


def at(view: BlueprintView, x: float, y: float) -> QPoint:
    """The viewport point showing scene point (x, y); scrolls it into view first."""
    view.ensureVisible(x - 5, y - 5, 10, 10, 60, 60)
    return view.mapFromScene(QPointF(x, y))


def drag(
    qtbot: QtBot,
    view: BlueprintView,
    start: tuple[float, float],
    end: tuple[float, float],
    steps: int = 6,
    finish: bool = True,
) -> None:
    """Press at ``start``, move in steps to ``end`` and release (unless ``finish`` is False)."""
    viewport = view.viewport()
    begin = at(view, *start)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=begin)
    stop = view.mapFromScene(QPointF(*end))
    for index in range(1, steps + 1):
        point = begin + (stop - begin) * index / steps
        qtbot.mouseMove(viewport, point)
    if finish:
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=stop)


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Chinese and emoji included (QTest.keyClicks handles ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
