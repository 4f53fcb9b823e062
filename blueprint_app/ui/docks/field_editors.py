"""One small editor widget per kind of field, each bound to a field name of the shown item.

An editor shows a value it is given (with its signals blocked, so showing never writes back) and
reports what the user typed or chose through ``commit(field, value, merge)``. Typing reports with
``merge=True`` so a run of keystrokes becomes one undo step; leaving the field ends the run.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from blueprint_app.model import Metric
from blueprint_app.model.durations import DurationError, format_exact, parse_duration
from blueprint_app.ui.qt_util import signals_blocked

Commit = Callable[[str, Any, bool], bool]
EndRun = Callable[[], None]
Options = Callable[[], Sequence[tuple[str, Any]]]

ERROR_STYLE = "border: 1px solid #d9534f;"


class AppUndoKeys(QObject):
    """Lets Undo/Redo typed in a field reach Edit > Undo/Redo instead of the field's own undo,
    so there is one history: the field then shows the undone value from the model."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Swallowed without being accepted: the window's Undo/Redo shortcut runs instead.
        return (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        )


_APP_UNDO_KEYS = AppUndoKeys()


class FieldEditor(ABC):
    """Base: a widget, the field it edits, and the panel callbacks it reports to."""

    widget: QWidget

    def __init__(self, field: str, commit: Commit, end_run: EndRun) -> None:
        self.field = field
        self._commit = commit
        self._end_run = end_run
        self.hint = ""  # the field's own tooltip, shown whenever no problem is
        self.problem = ""  # why the value last typed was refused ("" when it was not)

    def use_app_undo(self) -> None:
        self.widget.installEventFilter(_APP_UNDO_KEYS)

    def show_value(self, value: Any) -> None:
        with signals_blocked(self.widget):
            self.set_value(value)
        self.mark_problem("")

    @abstractmethod
    def set_value(self, value: Any) -> None:
        """Show ``value`` in the widget (signals are blocked by :meth:`show_value`)."""

    def commit(self, value: Any, merge: bool = False) -> bool:
        ok = self._commit(self.field, value, merge)
        if ok:
            self.mark_problem("")
        return ok

    def mark_problem(self, message: str) -> None:
        self.problem = message
        self.widget.setStyleSheet(ERROR_STYLE if message else "")
        self.widget.setToolTip(message or self.hint)

    def set_hint(self, text: str) -> None:
        self.hint = text
        self.widget.setToolTip(self.problem or text)


class LineEditor(FieldEditor):
    def __init__(
        self, field: str, commit: Commit, end_run: EndRun, read_only: bool = False
    ) -> None:
        super().__init__(field, commit, end_run)
        self.line = QLineEdit()
        self.widget = self.line
        self.line.setReadOnly(read_only)
        if read_only:  # look like text, not like a field to type in (but still selectable)
            self.line.setFrame(False)
            palette = self.line.palette()
            palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
            self.line.setPalette(palette)
        self.line.textEdited.connect(lambda text: self.commit(text, merge=True))
        self.line.editingFinished.connect(end_run)
        self.use_app_undo()

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.line.text() != text:
            self.line.setText(text)
            self.line.setCursorPosition(0)


class PlainTextEdit(QPlainTextEdit):
    """A multi-line field that says when it loses focus (QPlainTextEdit has no editingFinished)."""

    focus_left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()


class TextEditor(FieldEditor):
    def __init__(self, field: str, commit: Commit, end_run: EndRun) -> None:
        super().__init__(field, commit, end_run)
        self.text = PlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(72)
        self.widget = self.text
        self.text.textChanged.connect(lambda: self.commit(self.text.toPlainText(), merge=True))
        self.text.focus_left.connect(end_run)
        self.use_app_undo()

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.text.toPlainText() != text:
            self.text.setPlainText(text)


class MinutesEditor(FieldEditor):
    """An optional time, stored in minutes: empty means not set. Shown in human units in the
    blueprint's language (``2 d``, ``1 h 30 min``), typed with or without them (``48h``,
    ``1:30``, ``2天``; a plain number is minutes); text that is no time is marked and refused."""

    def __init__(
        self, field: str, commit: Commit, end_run: EndRun, language: Callable[[], str]
    ) -> None:
        super().__init__(field, commit, end_run)
        self.language = language
        self.line = QLineEdit()
        self.line.setPlaceholderText("—")
        self.widget = self.line
        self.line.textEdited.connect(self._edited)
        self.line.editingFinished.connect(self._finished)
        self.use_app_undo()

    def _edited(self, text: str) -> None:
        try:
            value = parse_minutes(text)
        except DurationError as error:
            self.mark_problem(duration_problem(error))
            return
        self.commit(value, merge=True)

    def _finished(self) -> None:
        """The run ends, and what was typed is shown as it is understood ("48h" → "2 d")."""
        self._end_run()
        try:
            value = parse_minutes(self.line.text())
        except DurationError:
            return  # the panel shows the stored value again
        text = "" if value is None else format_exact(value, self.language())
        if text != self.line.text():
            with signals_blocked(self.line):
                self.line.setText(text)

    def set_value(self, value: Any) -> None:
        try:
            if parse_minutes(self.line.text()) == value:
                return  # keep what the user is typing ("48h") while it means the same
        except DurationError:
            pass
        self.line.setText("" if value is None else format_exact(float(value), self.language()))


class Invalid:
    """What :func:`parse_number` gives for text that is not a finite number."""


INVALID = Invalid()


def parse_minutes(text: str) -> float | None:
    """The minutes ``text`` means, None when empty; raises DurationError for anything else."""
    return None if not text.strip() else parse_duration(text)


def duration_problem(error: DurationError) -> str:
    """Why typed text is not a time, in the interface language."""
    reasons = {
        "negative": QCoreApplication.translate("PropertyPanel", "A time cannot be negative."),
        "order": QCoreApplication.translate(
            "PropertyPanel", "Write the units largest first, each once: 1 h 30 min."
        ),
        "too_long": QCoreApplication.translate(
            "PropertyPanel", "Longer than a blueprint can hold (1,000,000,000 minutes)."
        ),
    }
    return reasons.get(
        error.reason,
        QCoreApplication.translate(
            "PropertyPanel",
            "Not a time. Type e.g. 90 s, 45 min, 1 h 30 min, 1:30 or 2 d; a plain number is "
            "minutes.",
        ),
    )


class ChoiceEditor(FieldEditor):
    """A drop-down of (label, value) options; ``options`` is asked again at each show."""

    def __init__(self, field: str, commit: Commit, end_run: EndRun, options: Options) -> None:
        super().__init__(field, commit, end_run)
        self.options = options
        self.combo = QComboBox()
        self.widget = self.combo
        self._values: list[Any] = []
        self.combo.currentIndexChanged.connect(self._chosen)

    def _chosen(self, index: int) -> None:
        if 0 <= index < len(self._values):
            self._end_run()
            self.commit(self._values[index])

    def set_value(self, value: Any) -> None:
        options = list(self.options())
        labels = [label for label, _ in options]
        if labels != [self.combo.itemText(i) for i in range(self.combo.count())]:
            self.combo.clear()
            self.combo.addItems(labels)
        self._values = [option for _, option in options]
        index = self._values.index(value) if value in self._values else -1
        self.combo.setCurrentIndex(index)


class CheckEditor(FieldEditor):
    def __init__(self, field: str, commit: Commit, end_run: EndRun, text: str) -> None:
        super().__init__(field, commit, end_run)
        self.check = QCheckBox(text)
        self.widget = self.check
        self.check.toggled.connect(self._toggled)

    def _toggled(self, on: bool) -> None:
        self._end_run()
        self.commit(on)

    def set_value(self, value: Any) -> None:
        self.check.setChecked(bool(value))


class NumberEditor(FieldEditor):
    """An optional number ≥ 0 that is not a time (a cost): empty means not set."""

    def __init__(self, field: str, commit: Commit, end_run: EndRun) -> None:
        super().__init__(field, commit, end_run)
        self.line = QLineEdit()
        self.line.setPlaceholderText("—")
        self.widget = self.line
        self.line.textEdited.connect(self._edited)
        self.line.editingFinished.connect(end_run)
        self.use_app_undo()

    def _edited(self, text: str) -> None:
        value = parse_number(text)
        if value is INVALID or (isinstance(value, float) and value < 0):
            self.mark_problem(
                QCoreApplication.translate("PropertyPanel", "Enter a number ≥ 0, e.g. 12.50")
            )
            return
        self.commit(value, merge=True)

    def set_value(self, value: Any) -> None:
        if parse_number(self.line.text()) == value:
            return  # keep what the user typed ("12.50") when it means the same
        self.line.setText("" if value is None else f"{float(value):g}")


def parse_number(text: str) -> float | Invalid | None:
    """The finite number ``text`` means (a decimal comma too), None when empty, else INVALID."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return INVALID
    return value if math.isfinite(value) else INVALID


# The columns of the metrics table: the Metric field each edits.
METRIC_COLUMNS = ("name", "value", "target", "unit")


class MetricsEditor(FieldEditor):
    """A step's metrics as a small table (name, value, target value, unit) with add and remove.

    Every change (a cell typed, a row added or removed) writes the whole list as one undoable
    edit; a cell the model refuses (an empty name, a value that is no number) is marked and
    not written, and the table shows the stored metrics again when the next edit comes.
    """

    def __init__(self, field: str, commit: Commit, end_run: EndRun) -> None:
        super().__init__(field, commit, end_run)
        self.widget = QWidget()
        self.table = QTableWidget(0, len(METRIC_COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("PropertyPanel", "Metric"),
                QCoreApplication.translate("PropertyPanel", "Value"),
                QCoreApplication.translate("PropertyPanel", "Target value"),
                QCoreApplication.translate("PropertyPanel", "Unit"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(METRIC_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setFixedHeight(104)  # the header and three rows; more rows scroll
        self.table.itemChanged.connect(self._cell_changed)
        self.add_button = QToolButton()
        self.add_button.setText("+")
        self.add_button.setToolTip(QCoreApplication.translate("PropertyPanel", "Add a metric"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QToolButton()
        self.remove_button.setText("−")
        self.remove_button.setToolTip(
            QCoreApplication.translate("PropertyPanel", "Remove the selected metrics")
        )
        self.remove_button.clicked.connect(self.remove_rows)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.installEventFilter(_APP_UNDO_KEYS)
        self._shown: list[Any] = []

    def set_value(self, value: Any) -> None:
        metrics = list(value or [])
        self._shown = metrics
        with signals_blocked(self.table):
            self.table.setRowCount(len(metrics))
            for row, metric in enumerate(metrics):
                for column, name in enumerate(METRIC_COLUMNS):
                    cell = getattr(metric, name)
                    text = (
                        ""
                        if cell is None
                        else (f"{cell:g}" if name in ("value", "target") else cell)
                    )
                    self.table.setItem(row, column, QTableWidgetItem(text))

    def mark_problem(self, message: str) -> None:
        self.problem = message
        self.table.setStyleSheet(ERROR_STYLE if message else "")
        self.widget.setToolTip(message or self.hint)

    def rows(self) -> list[dict[str, Any]] | None:
        """The table as metric data, or None (and the cell marked) when a number is not one."""
        found: list[dict[str, Any]] = []
        for row in range(self.table.rowCount()):
            data: dict[str, Any] = {}
            for column, name in enumerate(METRIC_COLUMNS):
                item = self.table.item(row, column)
                text = item.text() if item is not None else ""
                if name in ("value", "target"):
                    number = parse_number(text)
                    if number is INVALID:
                        self.mark_problem(
                            QCoreApplication.translate(
                                "PropertyPanel", "Enter the value as a number, e.g. 45 or -2.5"
                            )
                        )
                        return None
                    data[name] = number
                else:
                    data[name] = text.strip() if name == "name" else text
            found.append(data)
        return found

    def stored_or_typed_rows(self) -> list[dict[str, Any]]:
        """The rows as typed, or as stored when a typed cell was refused (its text is dropped)."""
        rows = self.rows()
        return rows if rows is not None else [m.model_dump() for m in self._shown]

    def _cell_changed(self, _item: QTableWidgetItem) -> None:
        rows = self.rows()
        if rows is not None:
            self._end_run()
            if self.commit(rows):  # the cell already shows what was typed
                self._shown = [Metric.model_validate(data) for data in rows]

    def _write(self, rows: list[dict[str, Any]]) -> None:
        """One undoable edit of the rows; the table then shows the list as stored (the panel
        does not reload the field it is writing)."""
        self._end_run()
        if self.commit(rows):
            self.show_value([Metric.model_validate(data) for data in rows])

    def add_row(self) -> None:
        """A new metric at the end, its name ready to be typed over."""
        rows = self.stored_or_typed_rows()
        rows.append({"name": QCoreApplication.translate("PropertyPanel", "New metric")})
        self._write(rows)
        last = self.table.item(len(rows) - 1, 0) if self.table.rowCount() == len(rows) else None
        if last is not None:
            self.table.setCurrentItem(last)
            self.table.editItem(last)

    def remove_rows(self) -> None:
        chosen = {index.row() for index in self.table.selectionModel().selectedRows()}
        if not chosen and self.table.currentRow() >= 0:
            chosen = {self.table.currentRow()}
        if not chosen:
            return
        rows = self.stored_or_typed_rows()
        self._write([data for index, data in enumerate(rows) if index not in chosen])
