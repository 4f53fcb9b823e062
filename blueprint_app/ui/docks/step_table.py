"""The Table dock: one row per step, edited in place, beside the canvas (View ▸ Table).

The model is a QAbstractTableModel over the live document: it follows the document's changes
one by one (a field that changed repaints one cell; an added step inserts one row) and is never
rebuilt, so a keystroke stays instant at thousands of steps. Every edit is the command the
canvas and the Properties dock run (:func:`blueprint_app.editing.step_columns.write_cell`);
typing in a cell merges into one undo step until the editor closes. With several rows
selected, what is typed or chosen goes to every one of them, as one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import shiboken6
from pydantic import ValidationError
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from blueprint_app.canvas.scene import BlueprintScene
from blueprint_app.editing import step_columns as sc
from blueprint_app.editing.placement import append_step
from blueprint_app.editing.session import Session
from blueprint_app.editing.spreadsheet import clipboard_rows, paste_into_rows
from blueprint_app.history import BLUEPRINT, Change, Document, History, edits
from blueprint_app.model import StepKind
from blueprint_app.model.durations import DurationError
from blueprint_app.model.glossary import STEP_KINDS
from blueprint_app.ui import i18n
from blueprint_app.ui.docks.field_editors import ERROR_STYLE, AppUndoKeys, duration_problem
from blueprint_app.ui.docks.property_forms import field_label
from blueprint_app.ui.docks.property_panel import problem_text
from blueprint_app.ui.docks.session_dock import SessionDock
from blueprint_app.ui.qt_util import signals_blocked

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# The roles :meth:`StepTableModel.data` answers; the view asks for a dozen per cell.
_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.CheckStateRole,
        SORT_ROLE,
    )
)
# Wider columns for what is long (the title first), narrower for marks and numbers; pixels.
COLUMN_WIDTHS = {
    "title": 240,
    "kind": 80,
    "emotion": 80,
    "cost": 80,
    "standard": 160,
    "policy": 160,
    "metrics": 180,
}
TABLE_HEIGHT = 320  # pixels: the dock's height when first shown under the canvas


class CanvasHost(Protocol):
    """What the table needs of its window: the canvas scene whose selection it mirrors."""

    scene: BlueprintScene


def column_title(column: sc.Column) -> str:
    return field_label(column.field)


class StepTableModel(QAbstractTableModel):
    """The steps of one document as rows, in document order, kept in step change by change."""

    problem = Signal(str)  # why a typed value was refused, in the interface language

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[str] = [step.id for step in session.blueprint.steps]
        self._row_of: dict[str, int] | None = None
        self.cell_updates = 0  # how many cells changes repainted (tests and benchmarks)
        self._unsubscribe = session.document.subscribe(self._on_change)

    @property
    def document(self) -> Document:
        return self.session.document

    @property
    def history(self) -> History:
        return self.session.history

    def detach(self) -> None:
        self._unsubscribe()

    # -- rows ----------------------------------------------------------------------------------
    def row_of(self, step_id: str) -> int | None:
        if self._row_of is None:
            self._row_of = {step_id: row for row, step_id in enumerate(self.rows)}
        return self._row_of.get(step_id)

    def step_id(self, row: int) -> str:
        return self.rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(sc.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_title(sc.COLUMNS[section])
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = sc.COLUMNS[index.column()]
        if column.kind == "flag":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif column.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None  # asked for fonts, colours, sizes … per cell and paint: answer fast
        step = self.document.step(self.rows[index.row()])
        column = sc.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            return sc.display_text(self.document, step, column)
        if role == Qt.ItemDataRole.EditRole:
            return sc.edit_text(self.document, step, column)
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "flag":
            on = getattr(step, column.field)
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == SORT_ROLE:
            value = getattr(step, column.field)
            if column.kind in ("minutes", "emotion", "money"):
                return -1e18 if value is None else float(value)
            if column.kind == "flag":
                return int(bool(value))
            if column.kind == "lane":
                return self._position("lanes", value)
            if column.kind == "phase":
                return -1 if value is None else self._position("phases", value)
            return sc.display_text(self.document, step, column).casefold()
        return None

    def _position(self, collection: str, item_id: str) -> int:
        for position, item in enumerate(self.document.items(collection)):  # type: ignore[arg-type]
            if item.id == item_id:
                return position
        return -1

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A check box clicked (the flags); text comes through :meth:`commit_text`."""
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        return self.commit_value([self.rows[index.row()]], index.column(), on, merge=False)

    # -- edits ---------------------------------------------------------------------------------
    def commit_text(self, step_ids: list[str], column_index: int, text: str, merge: bool) -> bool:
        """Write typed text to the steps' cell; refuse (and say why) what means no value."""
        column = sc.COLUMNS[column_index]
        try:
            value = sc.parse_cell(self.document, column, text)
        except sc.CellError as error:
            self.problem.emit(cell_problem(error))
            return False
        return self.commit_value(step_ids, column_index, value, merge)

    def commit_value(self, step_ids: list[str], column_index: int, value: Any, merge: bool) -> bool:
        column = sc.COLUMNS[column_index]
        label = QCoreApplication.translate("PropertyPanel", "Change {field}").format(
            field=field_label(column.field).lower()
        )
        key = ("table", tuple(step_ids), column.field) if merge else None
        try:
            with self.history.transaction(label, merge_key=key) as tx:
                for step_id in step_ids:
                    sc.write_cell(tx, step_id, column, value)
        except (ValidationError, edits.EditError) as error:
            self.problem.emit(problem_text(error))
            return False
        self.problem.emit("")
        return True

    # -- following the document ----------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        if change.collection == "steps":
            self._step_changed(change)
        elif change.collection in ("lanes", "phases") and change.action == "changed":
            if change.field == "title":
                self._column_changed(
                    sc.COLUMN_OF_FIELD["lane" if change.collection == "lanes" else "phase"]
                )
        elif change.item_id == BLUEPRINT and change.field == "language":
            for name in ("kind", "duration_minutes", "target_minutes", "tolerance_minutes"):
                self._column_changed(sc.COLUMN_OF_FIELD[name])

    def _column_changed(self, column: int) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))

    def _step_changed(self, change: Change) -> None:
        step_id = change.item_id
        if change.action == "changed":
            column = sc.COLUMN_OF_FIELD.get(change.field or "")
            row = self.row_of(step_id)
            if column is not None and row is not None:
                self.cell_updates += 1
                cell = self.index(row, column)
                self.dataChanged.emit(cell, cell)
        elif change.action == "added":
            self._insert(step_id)
        elif change.action == "removed":
            self._remove(step_id)
        elif change.action == "moved":
            self._remove(step_id)
            self._insert(step_id)

    def _insert(self, step_id: str) -> None:
        steps = self.document.blueprint.steps
        end = len(self.rows)
        if end < len(steps) and steps[end].id == step_id:
            position = end  # added at the end: the common case, found without a search
        else:
            position = next(i for i, step in enumerate(steps) if step.id == step_id)
        self.beginInsertRows(QModelIndex(), position, position)
        self.rows.insert(position, step_id)
        if position == end and self._row_of is not None:
            self._row_of[step_id] = position
        else:
            self._row_of = None
        self.endInsertRows()

    def _remove(self, step_id: str) -> None:
        row = self.row_of(step_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self._row_of = None
        self.endRemoveRows()


def cell_problem(error: sc.CellError) -> str:
    """Why typed text is no value for its column, in the interface language."""
    if error.reason == "minutes":
        return duration_problem(DurationError("invalid", str(error)))
    words = {
        "lane": QCoreApplication.translate("StepTable", "No lane of that name."),
        "phase": QCoreApplication.translate("StepTable", "No phase of that name."),
        "kind": QCoreApplication.translate("StepTable", "No kind of step of that name."),
        "flag": QCoreApplication.translate("StepTable", "Type yes or no."),
        "emotion": QCoreApplication.translate("StepTable", "Type a whole number from -2 to 2."),
        "money": QCoreApplication.translate("PropertyPanel", "Enter a number ≥ 0, e.g. 12.50"),
    }
    return words.get(
        error.reason, QCoreApplication.translate("StepTable", "This column cannot be typed in.")
    )


class StepFilter(QSortFilterProxyModel):
    """Rows of one lane, one phase, with one marker, or containing some text."""

    MARKERS = ("moment_of_truth", "fail_point", "customer_independent")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.lane: str | None = None
        self.phase: str | None = None
        self.marker: str | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filter(self, **values: Any) -> None:
        begin = getattr(self, "beginFilterChange", None)  # Qt 6.9 on; invalidateFilter before
        if begin is not None:
            begin()
        for name, value in values.items():
            setattr(self, name, value)
        if begin is not None:
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, _parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, StepTableModel)
        if not (self.text or self.lane or self.phase or self.marker):
            return True
        step = model.document.step(model.rows[source_row])
        if self.lane and step.lane != self.lane:
            return False
        if self.phase and step.phase != self.phase:
            return False
        if self.marker and not getattr(step, self.marker):
            return False
        if self.text:
            needle = self.text.casefold()
            cells = (sc.display_text(model.document, step, c) for c in sc.COLUMNS)
            return (
                any(needle in cell.casefold() for cell in cells)
                or needle in step.description.casefold()
            )
        return True


class CellDelegate(QStyledItemDelegate):
    """Editors that write as the user types (one undo step per cell), or a drop-down for the
    lane, phase and kind; the edit goes to every selected row."""

    def __init__(self, dock: StepTableDock) -> None:
        super().__init__(dock)
        self.dock = dock

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = index.column()
        kind = sc.COLUMNS[column].kind
        targets = self.dock.edit_targets(index)
        model = self.dock.model
        assert model is not None
        if kind in ("lane", "phase", "step_kind"):
            combo = QComboBox(parent)
            options = self.dock.choices(kind)
            for label, value in options:
                combo.addItem(label, value)
            step = model.document.step(targets[0])
            current = getattr(step, sc.COLUMNS[column].field)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.activated.connect(
                lambda i: model.commit_value(targets, column, combo.itemData(i), merge=False)
            )
            return combo
        line = QLineEdit(parent)
        line.installEventFilter(_APP_UNDO_KEYS)

        def typed(text: str) -> None:
            ok = model.commit_text(targets, column, text, merge=True)
            line.setStyleSheet("" if ok else ERROR_STYLE)

        line.textEdited.connect(typed)
        line.destroyed.connect(lambda *_: model.history.break_merge())
        return line

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QLineEdit):
            text = index.data(Qt.ItemDataRole.EditRole) or ""
            if editor.property("shown") is None:
                editor.setProperty("shown", True)
                editor.setText(text)
                return
            model = self.dock.model
            assert model is not None
            column = sc.COLUMNS[index.column()]
            try:  # keep what is being typed ("48h") while it means what is stored
                typed = sc.parse_cell(model.document, column, editor.text())
                stored = sc.parse_cell(model.document, column, text)
                if typed == stored:
                    return
            except sc.CellError:
                return
            with signals_blocked(editor):
                editor.setText(text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Already written while typing or choosing."""


_APP_UNDO_KEYS = AppUndoKeys()


#: Keys the table needs for itself while it has the focus, whatever the window binds to them.
_TABLE_KEYS = frozenset(
    {
        Qt.Key.Key_F2,
        Qt.Key.Key_Insert,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Tab,
        Qt.Key.Key_Backtab,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
    }
)


class StepTableView(QTableView):
    """Copy and paste of cells as tab-separated text, as spreadsheets put on the clipboard."""

    pasted = Signal()
    copied = Signal()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Paste)
                or event.matches(QKeySequence.StandardKey.Copy)
                or event.key() in _TABLE_KEYS
            )
        ):
            # the table's own copy, paste, F2 (edit the cell) and arrows, not the window's
            # canvas shortcuts (Rename Step on F2, Insert Step After, Alt+arrows …)
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.pasted.emit()
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copied.emit()
            return
        super().keyPressEvent(event)


class StepTableDock(SessionDock):
    """The table, its filters and an Add Step button; its selection mirrors the canvas's."""

    def __init__(self, host: CanvasHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setWindowTitle(QCoreApplication.translate("StepTable", "Table"))
        self.setObjectName("StepTableDock")
        self.model: StepTableModel | None = None
        self.proxy = StepFilter(self)
        self._syncing = False
        self._scene: BlueprintScene | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(QCoreApplication.translate("StepTable", "Filter steps…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.proxy.set_filter(text=text.strip()))
        self.lane_filter = QComboBox()
        self.phase_filter = QComboBox()
        self.marker_filter = QComboBox()
        self.lane_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter(lane=self.lane_filter.currentData())
        )
        self.phase_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter(phase=self.phase_filter.currentData())
        )
        self.marker_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filter(marker=self.marker_filter.currentData())
        )
        self.marker_filter.addItem(QCoreApplication.translate("StepTable", "Any marker"), None)
        for marker in StepFilter.MARKERS:
            self.marker_filter.addItem(field_label(marker), marker)
        self.add_button = QToolButton()
        self.add_button.setText(QCoreApplication.translate("StepTable", "Add step"))
        self.add_button.setToolTip(
            QCoreApplication.translate(
                "StepTable", "A new step in the lane and phase of the current row"
            )
        )
        self.add_button.clicked.connect(self.add_row)
        self.table = StepTableView()
        self.table.setObjectName("StepTable")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # document order until asked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setDefaultSectionSize(110)
        self.table.setWordWrap(False)
        self.table.setItemDelegate(CellDelegate(self))
        self.table.setModel(self.proxy)
        self.table.selectionModel().selectionChanged.connect(self._table_selection_changed)
        self.table.pasted.connect(self.paste_clipboard)
        self.table.copied.connect(self.copy_cells)
        self.table.installEventFilter(_APP_UNDO_KEYS)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.search, 2)
        for widget in (self.lane_filter, self.phase_filter, self.marker_filter):
            bar.addWidget(widget, 1)
        bar.addWidget(self.add_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.setWidget(body)
        self.problem_text = ""
        self.toggleViewAction().triggered.connect(self._shown_by_menu)
        self.visibilityChanged.connect(
            lambda visible: self._canvas_selection_changed() if visible else None
        )

    def _shown_by_menu(self, checked: bool) -> None:
        """View ▸ Table: in front of the panel it shares a place with, tall enough for a dozen
        rows rather than one."""
        if checked:
            self.raise_()
            QTimer.singleShot(0, self._grow)

    def _grow(self) -> None:
        window = self.parentWidget()
        if (
            isinstance(window, QMainWindow)
            and not self.isFloating()
            and self.height() < TABLE_HEIGHT
        ):
            window.resizeDocks([self], [TABLE_HEIGHT], Qt.Orientation.Vertical)

    # -- session -------------------------------------------------------------------------------
    def follow(self, session: Session) -> Callable[[], None]:
        model = StepTableModel(session, self)
        model.problem.connect(self._show_problem)
        old, self.model = self.model, model
        self.proxy.setSourceModel(model)
        if old is None:  # the columns exist now; later sessions keep the user's widths
            for key, width in COLUMN_WIDTHS.items():
                self.table.horizontalHeader().resizeSection(sc.COLUMN_KEYS.index(key), width)
        if old is not None:
            old.detach()
            old.deleteLater()
        unsubscribe = session.document.subscribe(self._structure_changed)

        def stop() -> None:
            unsubscribe()
            model.detach()

        return stop

    def session_shown(self, session: Session) -> None:
        self._fill_filters()
        scene = self.host.scene
        if self._scene is not None and shiboken6.isValid(self._scene):
            self._scene.selectionChanged.disconnect(self._canvas_selection_changed)
        self._scene = scene
        scene.selectionChanged.connect(self._canvas_selection_changed)
        self._canvas_selection_changed()

    def _structure_changed(self, change: Change) -> None:
        if change.collection in ("lanes", "phases"):
            self._fill_filters()

    def _fill_filters(self) -> None:
        if self.session is None:
            return
        blueprint = self.session.blueprint
        for combo, everything, items in (
            (
                self.lane_filter,
                QCoreApplication.translate("StepTable", "All lanes"),
                blueprint.lanes,
            ),
            (
                self.phase_filter,
                QCoreApplication.translate("StepTable", "All phases"),
                blueprint.phases,
            ),
        ):
            chosen = combo.currentData()
            with signals_blocked(combo):
                combo.clear()
                combo.addItem(everything, None)
                for item in items:
                    combo.addItem(item.title or item.id, item.id)
                combo.setCurrentIndex(max(0, combo.findData(chosen)))
            if combo.currentData() != chosen:
                combo.currentIndexChanged.emit(combo.currentIndex())

    def choices(self, kind: str) -> list[tuple[str, Any]]:
        """The options of a drop-down cell: lanes, phases (and none) or step kinds."""
        assert self.session is not None
        blueprint = self.session.blueprint
        if kind == "lane":
            return [(lane.title or lane.id, lane.id) for lane in blueprint.lanes]
        if kind == "phase":
            return [("—", None)] + [(p.title or p.id, p.id) for p in blueprint.phases]
        return [(i18n.term(STEP_KINDS[kind]), kind) for kind in StepKind]

    def _show_problem(self, text: str) -> None:
        self.problem_text = text
        self.table.setToolTip(text)
        if text:
            window = self.window()
            bar = getattr(window, "statusBar", None)
            if callable(bar):
                bar().showMessage(text, 6000)

    # -- rows ----------------------------------------------------------------------------------
    def selected_step_ids(self) -> list[str]:
        """The selected rows' steps, top to bottom as shown."""
        assert self.model is not None
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [
            self.model.step_id(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            for row in rows
        ]

    def edit_targets(self, index: Index) -> list[str]:
        """The steps an edit of the cell at (proxy) ``index`` writes: all selected rows when it
        is one of them, else its own."""
        assert self.model is not None
        own = self.model.step_id(self.proxy.mapToSource(self.proxy.index(index.row(), 0)).row())
        chosen = self.selected_step_ids()
        return chosen if own in chosen and len(chosen) > 1 else [own]

    def add_row(self) -> str | None:
        """Add a step after the current row's, in its lane and phase, and type its title."""
        if self.session is None or self.model is None:
            return None
        current = self.table.currentIndex()
        lane = phase = None
        if current.isValid():
            step = self.session.document.step(
                self.model.step_id(self.proxy.mapToSource(current).row())
            )
            lane, phase = step.lane, step.phase
        with self.session.history.transaction(
            QCoreApplication.translate("StepTable", "Add step")
        ) as tx:
            step_id = append_step(tx, StepKind.ACTION, lane=lane, phase=phase)
        self.select_steps([step_id])
        row = self.model.row_of(step_id)
        if row is not None:
            title = self.proxy.mapFromSource(self.model.index(row, sc.COLUMN_OF_FIELD["title"]))
            self.table.setCurrentIndex(title)
            self.table.edit(title)
        return step_id

    # -- clipboard -----------------------------------------------------------------------------
    def copy_cells(self) -> None:
        """The selected rows as tab-separated text, the way a spreadsheet takes them."""
        if self.model is None:
            return
        lines = []
        for step_id in self.selected_step_ids():
            step = self.model.document.step(step_id)
            cells = []
            for column in sc.COLUMNS:
                if column.kind == "flag":
                    cells.append("1" if getattr(step, column.field) else "")
                else:
                    cells.append(sc.edit_text(self.model.document, step, column))
            lines.append("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in cells))
        if lines:
            QGuiApplication.clipboard().setText("\r\n".join(lines) + "\r\n")

    def paste_clipboard(self) -> list[str]:
        """Spreadsheet cells pasted at the current cell; see :meth:`paste_rows`."""
        data = QGuiApplication.clipboard().mimeData()
        if data is None:
            return []
        html = data.html() if data.hasHtml() else ""
        rows = clipboard_rows(data.text() if data.hasText() else "", html)
        return self.paste_rows(rows) if rows else []

    def paste_rows(self, rows: list[list[str]]) -> list[str]:
        """Cells from the current cell on: existing rows are overwritten, rows past the end
        become new steps; one undo step. Returns the ids of the steps written."""
        if self.session is None or self.model is None:
            return []
        current = self.table.currentIndex()
        if current.isValid():
            first_row, first_column = current.row(), current.column()
        else:
            first_row, first_column = self.proxy.rowCount(), sc.COLUMN_OF_FIELD["title"]
        shown = [
            self.model.step_id(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            for r in range(first_row, self.proxy.rowCount())
        ]
        try:
            with self.session.history.transaction(
                QCoreApplication.translate("EditCommands", "Paste")
            ) as tx:
                report = paste_into_rows(tx, rows, shown, first_column)
        except (ValidationError, edits.EditError) as error:
            self._show_problem(problem_text(error))
            return []
        if report.bad_cells:
            row, key, bad = report.bad_cells[0]
            self._show_problem(
                QCoreApplication.translate(
                    "StepTable", "{count} cells were not pasted. Row {row}, {column}: {reason}"
                ).format(
                    count=len(report.bad_cells),
                    row=row + 1,
                    column=column_title(sc.COLUMNS[sc.COLUMN_KEYS.index(key)]),
                    reason=cell_problem(bad),
                )
            )
        self.select_steps(report.steps)
        return report.steps

    # -- selection -----------------------------------------------------------------------------
    def _table_selection_changed(self, *_: object) -> None:
        if self._syncing or self._scene is None or not shiboken6.isValid(self._scene):
            return
        self._syncing = True
        try:
            self._scene.select_ids(self.selected_step_ids())
        finally:
            self._syncing = False

    def _canvas_selection_changed(self) -> None:
        if self._syncing or self._scene is None or not shiboken6.isValid(self._scene):
            return
        if not self.isVisible():
            return  # caught up when shown (visibilityChanged): Select All costs nothing here
        ids = [
            i for i in self._scene.selected_ids() if self.model and self.model.row_of(i) is not None
        ]
        self._syncing = True
        try:
            self.select_steps(ids)
        finally:
            self._syncing = False

    def select_steps(self, ids: list[str]) -> None:
        """Select these steps' rows (those the filter shows), the first made current."""
        if self.model is None:
            return
        selection = QItemSelection()
        last = self.proxy.columnCount() - 1
        rows = []
        for step_id in ids:
            row = self.model.row_of(step_id)
            if row is not None:
                shown = self.proxy.mapFromSource(self.model.index(row, 0))
                if shown.isValid():
                    rows.append(shown.row())
        for row in sorted(rows):
            selection.select(self.proxy.index(row, 0), self.proxy.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.table.selectionModel().select(selection, flags)
        if rows:
            first = self.proxy.index(min(rows), max(0, self.table.currentIndex().column()))
            self.table.selectionModel().setCurrentIndex(
                first, QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.table.scrollTo(first)
