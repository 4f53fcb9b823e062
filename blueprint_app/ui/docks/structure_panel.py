"""Lanes and phases: add, rename (in place), reorder and delete them, each one undo step.

The five standard lanes can be renamed but not deleted, and keep their order relative to each
other (the edit commands refuse otherwise and the reason shows in the status bar).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from blueprint_app.editing.session import Session
from blueprint_app.history import Change, edits
from blueprint_app.model import Lane, LaneKind, Phase
from blueprint_app.ui import dialogs
from blueprint_app.ui.docks.session_dock import SessionDock
from blueprint_app.ui.qt_util import signals_blocked

Kind = Literal["lanes", "phases"]


class ItemList(QWidget):
    """A titled, in-place editable list of lanes or phases with Add/Up/Down/Delete buttons."""

    chosen = Signal(str)

    def __init__(self, kind: Kind, title: str, panel: StructurePanel) -> None:
        super().__init__()
        self.kind = kind
        self.panel = panel
        self.list = QListWidget()
        self.list.setObjectName(f"{kind}_list")
        self.list.itemChanged.connect(self._renamed)
        self.list.currentRowChanged.connect(self._current_changed)
        self.list.itemClicked.connect(lambda item: self.chosen.emit(self._id(item)))
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("add", self.tr("Add"), self.add),
            ("up", self.tr("Up"), lambda: self.shift(-1)),
            ("down", self.tr("Down"), lambda: self.shift(1)),
            ("delete", self.tr("Delete"), self.delete),
        ):
            button = QPushButton(text)
            button.setObjectName(f"{kind}_{name}")
            button.clicked.connect(lambda _c=False, s=slot: s())
            buttons.addWidget(button)
            self.buttons[name] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(title))
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def keep_rows(self, rows: int) -> None:
        """Never shorter than ``rows`` entries (the five standard lanes all show)."""
        row = self.list.fontMetrics().height() + 6
        self.list.setMinimumHeight(rows * row + 2 * self.list.frameWidth() + 4)

    def items(self) -> list[Any]:
        return self.panel.session.document.items(self.kind) if self.panel.session else []

    @staticmethod
    def _id(item: QListWidgetItem) -> str:
        return str(item.data(Qt.ItemDataRole.UserRole))

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return self._id(item) if item is not None else None

    def refresh(self) -> None:
        current = self.current_id()
        with signals_blocked(self.list):
            self.list.clear()
            for entry in self.items():
                item = QListWidgetItem(entry.title)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                if isinstance(entry, Lane) and entry.kind != LaneKind.CUSTOM:
                    item.setToolTip(self.tr("Standard lane: can be renamed, not deleted"))
                self.list.addItem(item)
                if entry.id == current:
                    self.list.setCurrentItem(item)
        self._update_buttons()

    def _current_changed(self, _row: int) -> None:
        self._update_buttons()
        current = self.current_id()
        if current is not None:
            self.chosen.emit(current)

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        entries = self.items()
        entry = entries[row] if 0 <= row < len(entries) else None
        self.buttons["up"].setEnabled(entry is not None and row > 0)
        self.buttons["down"].setEnabled(entry is not None and row < len(entries) - 1)
        standard = isinstance(entry, Lane) and entry.kind != LaneKind.CUSTOM
        self.buttons["delete"].setEnabled(entry is not None and not standard)

    def _renamed(self, item: QListWidgetItem) -> None:
        self.panel.edit(
            self.tr("Rename"), lambda tx: edits.set_field(tx, self._id(item), "title", item.text())
        )

    def add(self) -> None:
        row = self.list.currentRow()
        index = row + 1 if row >= 0 else len(self.items())
        created: list[str] = []

        def insert(tx: Any) -> None:
            if self.kind == "lanes":
                new: Lane | Phase = Lane(
                    id=edits.fresh_id(tx, "lane"), kind=LaneKind.CUSTOM, title=self.tr("New lane")
                )
            else:
                new = Phase(
                    id=edits.fresh_id(tx, "phase"),
                    title=self.tr("Phase {n}").format(n=len(self.items()) + 1),
                )
            edits.add_item(tx, self.kind, new, index)
            created.append(new.id)

        label = self.tr("Add lane") if self.kind == "lanes" else self.tr("Add phase")
        self.panel.edit(label, insert)
        self.panel.refresh()
        if created:
            self.select(created[0])

    def shift(self, delta: int) -> None:
        current, row = self.current_id(), self.list.currentRow()
        if current is None:
            return
        label = self.tr("Move lane") if self.kind == "lanes" else self.tr("Move phase")
        self.panel.edit(label, lambda tx: edits.reorder(tx, current, row + delta))
        self.panel.refresh()
        self.select(current)

    def delete(self) -> None:
        current = self.current_id()
        if current is not None and self.kind == "lanes" and self.panel.session is not None:
            blueprint = self.panel.session.blueprint
            cards = sum(step.lane == current for step in blueprint.steps)
            lane = next((x for x in blueprint.lanes if x.id == current), None)
            title = lane.title if lane is not None else current
            if cards and not dialogs.ask_delete_lane(self, title, cards):
                return
        if current is not None:
            label = self.tr("Delete lane") if self.kind == "lanes" else self.tr("Delete phase")
            self.panel.edit(label, lambda tx: edits.delete_items(tx, [current]))
            self.panel.refresh()

    def select(self, item_id: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None and self._id(item) == item_id:
                self.list.setCurrentRow(row)
                return


class StructurePanel(SessionDock):
    """Dock with the lane list above the phase list."""

    chosen = Signal(str)  # a lane or phase id the user picked: the property panel shows it
    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lanes and phases"))
        self.setObjectName("StructurePanel")
        self._pending = False
        self.lanes = ItemList("lanes", self.tr("Lanes (top to bottom)"), self)
        self.phases = ItemList("phases", self.tr("Phases (left to right)"), self)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.lanes, 3)
        layout.addWidget(self.phases, 2)
        self.lanes.keep_rows(5)
        self.phases.keep_rows(3)
        self.setWidget(body)
        for part in (self.lanes, self.phases):
            part.chosen.connect(self.chosen)

    def follow(self, session: Session) -> Callable[[], None]:
        return session.document.subscribe(self._model_changed)

    def session_shown(self, session: Session) -> None:
        self.refresh()

    def _model_changed(self, change: Change) -> None:
        """Refresh once the edit is over: the document announces a removal before it happens,
        and a list must not be rebuilt inside its own item-changed signal."""
        if change.collection in ("lanes", "phases") and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        self._pending = False
        self.lanes.refresh()
        self.phases.refresh()

    def edit(self, label: str, action: Callable[[Any], None]) -> None:
        """Run ``action(tx)`` as one undo step; a refused edit is reported, not raised."""
        if self.session is None:
            return
        try:
            with self.session.history.transaction(label) as tx:
                action(tx)
        except edits.EditError as error:
            self.problem.emit(str(error))
