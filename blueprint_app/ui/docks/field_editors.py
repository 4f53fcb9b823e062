"""One small editor widget per kind of field, each bound to a field name of the shown item.

An editor shows a value it is given (with its signals blocked, so showing never writes back) and
reports what the user typed or chose through ``commit(field, value, merge)``. Typing reports with
``merge=True`` so a run of keystrokes becomes one undo step; leaving the field ends the run.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

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

    def use_app_undo(self) -> None:
        self.widget.installEventFilter(_APP_UNDO_KEYS)

    def show_value(self, value: Any) -> None:
        with signals_blocked(self.widget):
            self.set_value(value)
        self.mark_problem("")

    @abstractmethod
    def set_value(self, value: Any) -> None:
        """Show ``value`` in the widget (signals are blocked by :meth:`show_value`)."""

    def commit(self, value: Any, merge: bool = False) -> None:
        ok = self._commit(self.field, value, merge)
        if ok:
            self.mark_problem("")

    def mark_problem(self, message: str) -> None:
        self.widget.setStyleSheet(ERROR_STYLE if message else "")
        self.widget.setToolTip(message)


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
