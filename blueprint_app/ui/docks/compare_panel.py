"""The Changes panel of File ▸ Compare With: what changed since another file or the saved
version, as a list and as marks on the canvas in the colours of ``blueprint diff -o`` pictures.

The comparison follows the editing: after each pause the open document is compared again with
the version chosen, so the list and the marks show what the document now changes. Clicking a
change selects its item on the canvas.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsItem,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blueprint_app.canvas.scene import BlueprintScene
from blueprint_app.editing.session import Session
from blueprint_app.history import History
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.render.change_marks import COLOURS, place_change_marks
from blueprint_app.render.scene_builder import laid_out_copy
from blueprint_app.ui import i18n
from blueprint_app.ui.docks.session_dock import SessionDock
from blueprint_app.versions.diff import BlueprintDiff, as_data, diff_data
from blueprint_app.versions.text import change_entries, summary

DEBOUNCE_MS = 300
ID_ROLE = Qt.ItemDataRole.UserRole


def _icon(colour: QColor, dashed: bool) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(0, 0, 0, 0) if dashed else colour)
    if dashed:
        painter = QPainter(pixmap)
        pen = QPen(colour, 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(1, 1, 12, 12)
        painter.end()
    return QIcon(pixmap)


class ComparePanel(SessionDock):
    """The list of changes against ``base`` (None: not comparing); ``activated`` carries the id
    of a clicked change for the window to select."""

    activated = Signal(list)
    wanted = Signal()  # something to show: the window brings the panel up

    def __init__(
        self, scene_of: Callable[[], BlueprintScene | None], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ComparePanel", "Changes"))
        self.setObjectName("ComparePanel")
        self._scene_of = scene_of
        self.base: Blueprint | None = None
        self.name = ""
        self.changes: BlueprintDiff | None = None
        self.marks: list[QGraphicsItem] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.heading = QLabel()
        self.heading.setObjectName("CompareHeading")
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels([self.tr("Change")])
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        self.setWidget(body)
        self.icons = {
            status: _icon(colour, status == "removed") for status, colour in COLOURS.items()
        }

    # -- wiring --------------------------------------------------------------------------------
    def follow(self, session: Session) -> Callable[[], None]:
        history = session.history
        return history.subscribe(lambda: self._history_changed(history))

    def session_shown(self, session: Session) -> None:
        self.stop()  # another document: the comparison was with the one before

    def release(self) -> None:
        super().release()
        self.timer.stop()

    def _history_changed(self, history: History) -> None:
        if self.base is not None and self.session is not None and history is self.session.history:
            self.timer.start()

    # -- comparing -----------------------------------------------------------------------------
    def compare_with(self, base: Blueprint, name: str) -> None:
        """Compare the open document with ``base`` (called ``name`` in the heading) from now on."""
        self.base = base
        self.name = name
        self.wanted.emit()
        self.refresh()

    def stop(self) -> None:
        """No comparison: an empty list, no marks."""
        self.timer.stop()
        self.base = self.changes = None
        self._clear_marks()
        self.tree.clear()
        self.heading.setText(self.tr("Choose File ▸ Compare With to see what changed."))

    def refresh(self) -> None:
        self.timer.stop()
        if self.base is None or self.session is None:
            return
        language = i18n.blueprint_language()
        before, after = as_data(self.base), as_data(self.session.blueprint)
        self.changes = diff_data(before, after)
        entries = change_entries(self.changes, before, after, language)
        self.heading.setText(
            self.tr("Compared with {name}: {summary}").format(
                name=self.name, summary=summary(self.changes, language)
            )
        )
        self.tree.setUpdatesEnabled(False)
        try:
            self.tree.clear()
            rows = []
            for entry in entries:
                row = QTreeWidgetItem([entry.text])
                row.setIcon(0, self.icons[entry.status])
                row.setToolTip(0, entry.text)
                row.setData(0, ID_ROLE, entry.id or "")
                rows.append(row)
            self.tree.addTopLevelItems(rows)
        finally:
            self.tree.setUpdatesEnabled(True)
        self._place_marks()

    def _clear_marks(self) -> None:
        for mark in self.marks:
            if shiboken6.isValid(mark) and mark.scene() is not None:
                mark.scene().removeItem(mark)
        self.marks = []

    def _place_marks(self) -> None:
        self._clear_marks()
        scene = self._scene_of()
        if scene is None or self.changes is None or self.base is None:
            return
        ids = self.changes.ids()
        status = {
            **dict.fromkeys(ids["changed"], "changed"),
            **dict.fromkeys(ids["added"], "added"),
        }
        before = laid_out_copy(self.base)
        self.marks = place_change_marks(
            scene,
            scene.content,
            status,
            [step for step in before.steps if step.id in ids["removed"]],
            [flow for flow in before.flows if flow.id in ids["removed"]],
        )

    def _clicked(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        item_id = row.data(0, ID_ROLE)
        if item_id:
            self.activated.emit([item_id])
