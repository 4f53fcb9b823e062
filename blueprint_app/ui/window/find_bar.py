"""Find a step by text (Ctrl+F): type, Enter for the next match, Esc to close."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from blueprint_app.editing.fragment import search_steps
from blueprint_app.editing.session import Session
from blueprint_app.ui.qt_util import plain_label


class FindField(QLineEdit):
    """Enter and Shift+Enter step through matches; Esc closes the bar."""

    closed = Signal()
    next_match = Signal()
    previous_match = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previous_match.emit()
            else:
                self.next_match.emit()
        else:
            super().keyPressEvent(event)


class FindBar(QWidget):
    """A search field over the canvas; each match found is selected and centred."""

    def __init__(
        self,
        session: Callable[[], Session],
        go_to: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("FindBar")
        self._session = session
        self._go_to = go_to
        self.matches: list[str] = []
        self.position = -1
        self.field = FindField()
        self.field.setPlaceholderText(self.tr("Find a step by text"))
        self.field.setClearButtonEnabled(True)
        self.count = plain_label()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel(self.tr("Find:")))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        for text, tip, slot in (
            ("▲", self.tr("Previous match (Shift+Enter)"), self.previous),
            ("▼", self.tr("Next match (Enter)"), self.next),
            ("✕", self.tr("Close (Esc)"), self.close_bar),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _c=False, s=slot: s())
            layout.addWidget(button)
        self.field.textChanged.connect(self._search)
        self.field.next_match.connect(self.next)
        self.field.previous_match.connect(self.previous)
        self.field.closed.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self._search(self.field.text())

    def close_bar(self) -> None:
        self.hide()

    def _search(self, text: str) -> None:
        self.matches = search_steps(self._session().document, text)
        self.position = -1
        if self.matches:
            self.next()
        else:
            self._show_count()

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self.matches:
            return
        self.position = (self.position + delta) % len(self.matches)
        self._go_to(self.matches[self.position])
        self._show_count()

    def _show_count(self) -> None:
        if not self.field.text().strip():
            self.count.setText("")
        elif not self.matches:
            self.count.setText(self.tr("no match"))
        else:
            self.count.setText(
                self.tr("{n} of {total}").format(n=self.position + 1, total=len(self.matches))
            )
