"""The undo history as a list: the current state is marked; clicking a row goes back to it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from blueprint_app.editing.session import Session
from blueprint_app.history import History
from blueprint_app.ui.docks.session_dock import SessionDock
from blueprint_app.ui.qt_util import signals_blocked


class HistoryPanel(SessionDock):
    """Row 0 is the document as opened; row *n* is the state after the *n*-th edit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History"))
        self.setObjectName("HistoryPanel")
        self.history: History | None = None
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._go_to)
        self.setWidget(self.list)

    def follow(self, session: Session) -> Callable[[], None]:
        history = self.history = session.history
        return history.subscribe(lambda: self._refresh(history))

    def session_shown(self, session: Session) -> None:
        self._refresh(session.history)

    def release(self) -> None:
        super().release()
        self.history = self.session = None

    def _refresh(self, history: History) -> None:
        if history is not self.history:
            return  # a replaced session
        labels = [self.tr("Opened")] + [entry.label for entry in history.entries]
        muted = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        with signals_blocked(self.list):
            self.list.clear()
            for row, label in enumerate(labels):
                item = QListWidgetItem(label)
                if row > history.index:
                    item.setForeground(muted)  # undone: can be redone
                saved = self.session is not None and self.session.path is not None
                if row == history.clean_index and saved and history.entries:
                    label = self.tr("{label} (saved)").format(label=label)
                    item.setText(label)
                    item.setToolTip(self.tr("The state last saved"))
                if row == history.index:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                    item.setText("▸ " + label)
                self.list.addItem(item)
            self.list.setCurrentRow(history.index)

    def _go_to(self, row: int) -> None:
        """Undo or redo until the history stands at ``row``."""
        history = self.history
        if history is None or row < 0:
            return
        while history.index > row and history.can_undo:
            history.undo()
        while history.index < row and history.can_redo:
            history.redo()
