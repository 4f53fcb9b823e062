"""View ▸ Presentation (F5): the blueprint full screen for a workshop, phase by phase.

The window's chrome goes (menus, toolbar, docks, status bar, scroll bars); each phase fills
the screen with all its lanes, its moments of truth and fail points highlighted (selected, so
they stand out in the selection colour); Right, Down, Page Down or Space go to the next phase,
Left, Up or Page Up back, Home and End to the first and last; Esc (or F5 again) puts the
window back as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDockWidget, QToolBar

if TYPE_CHECKING:
    from blueprint_app.ui.window.main_window import MainWindow

NEXT = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space}
BACK = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}


class Presentation(QObject):
    """One running presentation of ``window``; :meth:`stop` restores the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.index = 0
        self._state: QByteArray = window.saveState()
        self._was_maximised = window.isMaximized()
        self._hidden = [
            w
            for w in (*window.findChildren(QDockWidget), *window.findChildren(QToolBar))
            if w.isVisible()
        ]
        for widget in self._hidden:
            widget.hide()
        window.menuBar().hide()
        window.statusBar().hide()
        window.find_bar.hide()
        window.showFullScreen()
        off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        window.view.setHorizontalScrollBarPolicy(off)
        window.view.setVerticalScrollBarPolicy(off)
        window.view.installEventFilter(self)
        window.view.viewport().installEventFilter(self)
        window.view.setFocus()
        self.show_phase(0)

    @property
    def phase_count(self) -> int:
        return len(self.window.scene.content.geometry.phases)

    def show_phase(self, index: int) -> None:
        """Fit phase ``index`` (all its lanes) to the screen and highlight its key steps."""
        window = self.window
        g = window.scene.content.geometry
        view = window.view
        view.keep_view()
        if not g.phases:
            view.fit_all()
            return
        self.index = max(0, min(index, len(g.phases) - 1))
        column = g.phases[self.index]
        area = QRectF(column.left, g.top, column.right - column.left, g.bottom - g.top)
        view.fitInView(area.adjusted(-10, -10, 10, 10), Qt.AspectRatioMode.KeepAspectRatio)
        key = [
            s.id
            for s in window.session.blueprint.steps
            if s.phase == column.id and (s.moment_of_truth or s.fail_point)
        ]
        window.scene.select_ids(key)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_F5):
            self.stop()
        elif key in NEXT:
            self.show_phase(self.index + 1)
        elif key in BACK:
            self.show_phase(self.index - 1)
        elif key == Qt.Key.Key_Home:
            self.show_phase(0)
        elif key == Qt.Key.Key_End:
            self.show_phase(self.phase_count - 1)
        else:
            return False
        return True

    def stop(self) -> None:
        window = self.window
        window.view.removeEventFilter(self)
        window.view.viewport().removeEventFilter(self)
        window.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        window.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        if self._was_maximised:
            window.showMaximized()
        else:
            window.showNormal()
        window.menuBar().show()
        window.statusBar().show()
        for widget in self._hidden:
            widget.show()
        window.restoreState(self._state)
        window.scene.clearSelection()
        window.presentation = None
        self.deleteLater()
