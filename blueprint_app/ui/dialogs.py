"""The questions and messages the window asks: thin wrappers so tests can answer them."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from blueprint_app.ui.qt_util import ask


class Answer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_save_changes(parent: QWidget, name: str) -> Answer:
    """Save / Discard / Cancel for a document with unsaved changes."""
    buttons = (
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    reply = ask(
        parent,
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Dialogs", "Unsaved changes"),
        QCoreApplication.translate(
            "Dialogs", "Save the changes to “{name}” before closing it?"
        ).format(name=name),
        buttons,
        QMessageBox.StandardButton.Save,
    )
    if reply == QMessageBox.StandardButton.Save:
        return Answer.SAVE
    if reply == QMessageBox.StandardButton.Discard:
        return Answer.DISCARD
    return Answer.CANCEL


def show_error(parent: QWidget, title: str, message: str) -> None:
    ok = QMessageBox.StandardButton.Ok
    ask(parent, QMessageBox.Icon.Critical, title, message, ok, ok)


def file_filter() -> str:
    return QCoreApplication.translate(
        "Dialogs", "Blueprints (*.blueprint.json *.json);;All files (*)"
    )


def ask_open_path(parent: QWidget, folder: str = "") -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("Dialogs", "Open blueprint"), folder, file_filter()
    )
    return Path(path) if path else None


def ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Dialogs", "Save blueprint as"), suggested, file_filter()
    )
    return Path(path) if path else None


def ask_export_path(parent: QWidget, suggested: str, file_filter: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Dialogs", "Export as"), suggested, file_filter
    )
    return Path(path) if path else None


def ask_replace(parent: QWidget, path: Path) -> bool:
    """Replace ``path``? Asked when the name written differs from the one the file dialog
    checked (the format's extension was added)."""
    reply = ask(
        parent,
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Dialogs", "Replace the file?"),
        QCoreApplication.translate("Dialogs", "“{name}” already exists. Replace it?").format(
            name=path.name
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return reply == QMessageBox.StandardButton.Yes


def ask_delete_lane(parent: QWidget, title: str, cards: int) -> bool:
    """Delete a lane that holds cards? Says how many go with it (undo brings them back)."""
    reply = ask(
        parent,
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Dialogs", "Delete the lane?"),
        QCoreApplication.translate(
            "Dialogs",
            "The lane “{title}” holds {count} cards; they are deleted with it, with their "
            "arrows. Edit ▸ Undo brings them back.",
        ).format(title=title, count=cards),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return reply == QMessageBox.StandardButton.Yes
