"""Small Qt helpers shared by the panels and dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


@contextmanager
def signals_blocked(obj: QObject) -> Iterator[None]:
    """Update a widget from the model without it writing the value back (napari's habit).

    Plain ``blockSignals`` rather than QSignalBlocker: the latter tripped a reference-count
    crash in PySide6 6.12 when used thousands of times.
    """
    previous = obj.blockSignals(True)
    try:
        yield
    finally:
        obj.blockSignals(previous)


def plain_label(text: str = "") -> QLabel:
    """A label that shows its text as typed: a title holding ``<a href=…>`` or ``<b>`` is
    text, not a link or markup (QLabel guesses rich text otherwise)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A message box whose text (which may quote file names and titles) is plain text."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box


def ask(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton,
) -> QMessageBox.StandardButton:
    """QMessageBox.warning and friends, with the text as plain text."""
    box = plain_box(parent, icon, title, text)
    box.setStandardButtons(buttons)
    box.setDefaultButton(default)
    return QMessageBox.StandardButton(box.exec())
