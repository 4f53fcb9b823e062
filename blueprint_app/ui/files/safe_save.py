"""Saving without surprises: never silently overwrite someone else's change, and never leave
the user stuck when a save fails.

The session records a ``FileStamp`` (modification time, size and a hash of the bytes) when it
opens or saves a file. Saving over that file again first compares the stamp with the
disk: if another program (a colleague, a sync client) changed the content meanwhile, the user
chooses Overwrite, Save As… or Cancel. A save that fails (read-only folder, full disk, folder
removed) says why in words and offers to save elsewhere; the document stays open and unsaved.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


class Overwrite(Enum):
    OVERWRITE = "overwrite"
    SAVE_AS = "save as"
    CANCEL = "cancel"


def ask_overwrite(parent: QWidget, path: Path) -> Overwrite:
    """Overwrite / Save As… / Cancel for a file changed on disk since it was opened."""
    box = QMessageBox(parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # titles and file names are text, not markup
    box.setObjectName("ChangedOnDisk")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("SafeSave", "File changed on disk"))
    box.setText(
        QCoreApplication.translate(
            "SafeSave",
            "“{name}” was changed by another program since you opened or last saved it.",
        ).format(name=path.name)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "SafeSave",
            "Overwrite replaces those changes with yours; Save As keeps both files.",
        )
    )
    overwrite = box.addButton(
        QCoreApplication.translate("SafeSave", "Overwrite"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    save_as = box.addButton(
        QCoreApplication.translate("SafeSave", "Save As…"), QMessageBox.ButtonRole.AcceptRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save_as)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is overwrite:
        return Overwrite.OVERWRITE
    if clicked is save_as:
        return Overwrite.SAVE_AS
    return Overwrite.CANCEL


def ask_after_failure(parent: QWidget, title: str, message: str) -> bool:
    """Say why a save failed; True when the user wants to save elsewhere."""
    box = QMessageBox(parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # titles and file names are text, not markup
    box.setObjectName("SaveFailed")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(message)
    box.setInformativeText(
        QCoreApplication.translate(
            "SafeSave", "Your document is still open and unsaved. Save it somewhere else?"
        )
    )
    elsewhere = box.addButton(
        QCoreApplication.translate("SafeSave", "Save Elsewhere…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(elsewhere)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is elsewhere
