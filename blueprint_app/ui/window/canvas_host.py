"""Building the canvas for a session and fitting it into the window.

The scene and view come from :mod:`blueprint_app.canvas`; here they get what only the window
knows about: the bare +/- zoom keys (scoped to the canvas so typing "-" in a field still types)
and drops of step kinds from the palette.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QPointF, Qt
from PySide6.QtGui import (
    QAction,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
)
from PySide6.QtWidgets import QGraphicsView

from blueprint_app.canvas.scene import BlueprintScene
from blueprint_app.canvas.view import BlueprintView
from blueprint_app.editing.session import Session
from blueprint_app.model import StepKind
from blueprint_app.ui.docks.palette import kind_from_mime


def build_canvas(
    session: Session, open_file: Callable[[Path], object]
) -> tuple[BlueprintScene, BlueprintView]:
    """A scene and view for ``session``; files dropped on the canvas go to ``open_file``."""
    scene = BlueprintScene(session.document, session.history)
    view = BlueprintView(scene)
    view.setObjectName("BlueprintView")
    _add_view_zoom_keys(view)
    dropper = PaletteDrop(scene, view, open_file)
    view.viewport().installEventFilter(dropper)
    view.installEventFilter(dropper)  # Esc disarms a kind picked in the palette
    view.setAcceptDrops(True)
    return scene, view


def _add_view_zoom_keys(view: BlueprintView) -> None:
    """Plain + and - zoom while the canvas has focus (Ctrl variants are window-wide)."""
    for keys, slot in ((("+", "="), view.zoom_in), (("-",), view.zoom_out)):
        action = QAction(view)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _c=False, s=slot: s())
        view.addAction(action)


class PaletteDrop(QObject):
    """Adds a step of the dragged kind where it is dropped: that lane, that phase, that row.

    The same happens with a kind clicked in the palette (``arm``) and then a click on the
    canvas. A blueprint file dropped on the canvas is handed to ``open_file`` (the window's Open).
    """

    def __init__(
        self, scene: BlueprintScene, view: QGraphicsView, open_file: Callable[[Path], object]
    ) -> None:
        super().__init__(view)
        self.scene, self.view, self.open_file = scene, view, open_file
        self.armed: StepKind | None = None

    def arm(self, kind: StepKind | None) -> None:
        """The next click on the canvas adds a step of ``kind`` (None: back to normal)."""
        self.armed = kind
        viewport = self.view.viewport()
        if kind is None:
            viewport.unsetCursor()
        else:
            viewport.setCursor(Qt.CursorShape.CrossCursor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.armed is not None and self._armed_event(watched, event):
            return True
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragMoveEvent)
            data = event.mimeData()
            if kind_from_mime(data) is None and dropped_file(data) is None:
                return False
            event.acceptProposedAction()
            return True
        if event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            data = event.mimeData()
            kind, path = kind_from_mime(data), dropped_file(data)
            if kind is None and path is None:
                return False
            event.acceptProposedAction()
            if kind is not None:
                self.drop(kind, self.view.mapToScene(event.position().toPoint()))
            elif path is not None:
                self.open_file(path)
            return True
        return False

    def _armed_event(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.arm(None)
            return True
        if (
            watched is self.view.viewport()
            and event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            kind = self.armed
            self.arm(None)
            if kind is not None:
                self.drop(kind, self.view.mapToScene(event.position().toPoint()))
            return True
        return False

    def drop(self, kind: StepKind, pos: QPointF) -> str | None:
        """Add the step whose card centre is at ``pos``, as a double-click there would (named
        right away); None when outside the lanes."""
        return self.scene.add_step_at(pos, kind)


def dropped_file(data: QMimeData) -> Path | None:
    """The first local ``.json`` file among dragged URLs, if any."""
    if not data.hasUrls():
        return None
    for url in data.urls():
        if url.isLocalFile() and url.toLocalFile().endswith(".json"):
            return Path(url.toLocalFile())
    return None
