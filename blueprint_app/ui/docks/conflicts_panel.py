"""The Conflicts panel: the merge conflicts the open file records (``blueprint merge``), each
resolved by choosing ours, theirs or an edited value, as an undoable edit.

It shows itself when a document with conflicts is opened; the list leaves the document with its
last entry (history/resolve.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blueprint_app.editing.session import Session
from blueprint_app.history import History
from blueprint_app.history.edits import EditError
from blueprint_app.history.resolve import Choice, resolve_conflict
from blueprint_app.model.blueprint import Conflict
from blueprint_app.ui import i18n
from blueprint_app.ui.docks.session_dock import SessionDock
from blueprint_app.versions.diff import as_data
from blueprint_app.versions.text import ChangeLog, conflict_line

INDEX_ROLE = Qt.ItemDataRole.UserRole


def value_text(value: Any) -> str:
    """A conflict's value as the edit field shows it: text as it is, anything else as JSON."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def parse_value(text: str, like: Any) -> Any:
    """What was typed, read as the kind of value ``like`` is (text stays text)."""
    if isinstance(like, str) or (like is None and not text.strip().startswith(("{", "["))):
        return text
    return json.loads(text)


class ConflictsPanel(SessionDock):
    """One row per conflict; the buttons resolve the chosen row. ``activated`` carries the id
    of the clicked conflict's item; ``failed`` a reason a choice could not be applied."""

    activated = Signal(list)
    failed = Signal(str)
    wanted = Signal()  # the document has conflicts: the window brings the panel up

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ConflictsPanel", "Conflicts"))
        self.setObjectName("ConflictsPanel")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Conflict")])
        self.tree.itemClicked.connect(self._clicked)
        buttons = QHBoxLayout()
        self.ours_button = QPushButton(self.tr("Keep Ours"))
        self.theirs_button = QPushButton(self.tr("Take Theirs"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.ours_button.setToolTip(self.tr("Keep the value the file holds now (our side)"))
        self.theirs_button.setToolTip(self.tr("Use the value of the other side of the merge"))
        self.edit_button.setToolTip(self.tr("Type the value to keep"))
        self.ours_button.clicked.connect(lambda: self.resolve("ours"))
        self.theirs_button.clicked.connect(lambda: self.resolve("theirs"))
        self.edit_button.clicked.connect(self.edit)
        for button in (self.ours_button, self.theirs_button, self.edit_button):
            buttons.addWidget(button)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())

    # -- wiring --------------------------------------------------------------------------------
    def follow(self, session: Session) -> Callable[[], None]:
        history = session.history
        return history.subscribe(lambda: self._history_changed(history))

    def session_shown(self, session: Session) -> None:
        self.refresh()
        if session.blueprint.conflicts:
            self.wanted.emit()

    def _history_changed(self, history: History) -> None:
        if self.session is not None and history is self.session.history:
            self.refresh()

    # -- showing -------------------------------------------------------------------------------
    @property
    def conflicts(self) -> list[Conflict]:
        return list(self.session.blueprint.conflicts) if self.session is not None else []

    def refresh(self) -> None:
        conflicts = self.conflicts
        current = self.tree.currentItem()
        row_before = self.tree.indexOfTopLevelItem(current) if current is not None else 0
        self.tree.clear()
        if self.session is not None and conflicts:
            data = as_data(self.session.blueprint)
            log = ChangeLog(data, data, i18n.blueprint_language())
            for index, conflict in enumerate(conflicts):
                text = conflict_line(conflict, log)
                row = QTreeWidgetItem([text])
                row.setToolTip(0, text)
                row.setData(0, INDEX_ROLE, index)
                self.tree.addTopLevelItem(row)
            chosen = self.tree.topLevelItem(min(max(row_before, 0), len(conflicts) - 1))
            if chosen is not None:
                self.tree.setCurrentItem(chosen)
        self.heading.setText(
            self.tr("{count} unresolved merge conflict(s): choose a side for each.").format(
                count=len(conflicts)
            )
            if conflicts
            else self.tr("No merge conflicts.")
        )
        self.setWindowTitle(
            self.tr("Conflicts ({count})").format(count=len(conflicts))
            if conflicts
            else self.tr("Conflicts")
        )
        self._enable()

    def _enable(self) -> None:
        chosen = self.tree.currentItem() is not None
        for button in (self.ours_button, self.theirs_button, self.edit_button):
            button.setEnabled(chosen)

    def _current(self) -> int | None:
        row = self.tree.currentItem()
        return None if row is None else int(row.data(0, INDEX_ROLE))

    def _clicked(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        conflict = self.conflicts[int(row.data(0, INDEX_ROLE))]
        if conflict.id:
            self.activated.emit([conflict.id])

    # -- resolving -----------------------------------------------------------------------------
    def resolve(self, choice: Choice, value: Any = None) -> bool:
        """Resolve the chosen conflict as one undoable edit; False when it could not be."""
        index = self._current()
        if index is None or self.session is None:
            return False
        try:
            with self.session.history.transaction(self.tr("Resolve conflict")) as tx:
                resolve_conflict(tx, index, choice, value)
        except EditError as error:
            self.failed.emit(str(error))
            return False
        return True

    def edit(self) -> bool:
        """Ask for the value to keep (for a field), starting from ours."""
        index = self._current()
        if index is None:
            return False
        conflict = self.conflicts[index]
        if conflict.field is None:  # a whole item: only ours or theirs make sense
            self.failed.emit(self.tr("A deleted item can only be kept or taken from theirs."))
            return False
        text, accepted = QInputDialog.getText(
            self, self.tr("Edit the value"), conflict.field, text=value_text(conflict.ours)
        )
        if not accepted:
            return False
        try:
            value = parse_value(
                text, conflict.ours if conflict.ours is not None else conflict.theirs
            )
        except ValueError as error:
            self.failed.emit(self.tr("Not a value: {reason}").format(reason=error))
            return False
        return self.resolve("edit", value)
