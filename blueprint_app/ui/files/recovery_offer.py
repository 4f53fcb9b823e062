"""At start-up, offer back the work a crashed or killed app left in recovery copies.

For each copy the user chooses: open it (in a window, unsaved, keeping its original file name
so Save writes where they meant to), save it elsewhere, or discard it. Closing the question
without choosing keeps the copy for the next start: nothing is deleted by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from blueprint_app.editing.file_stamp import FileStamp
from blueprint_app.editing.session import Session, with_suffix
from blueprint_app.model import Blueprint
from blueprint_app.storage import BlueprintFileError, save
from blueprint_app.storage.recovery import RecoveredDocument, RecoveryStore
from blueprint_app.ui import dialogs
from blueprint_app.ui.window.windows import open_window, windows

if TYPE_CHECKING:
    from blueprint_app.ui.window.main_window import MainWindow


class Choice(Enum):
    OPEN = "open"
    SAVE_ELSEWHERE = "save elsewhere"
    DISCARD = "discard"
    LATER = "later"


def ask_what_to_do(parent: QWidget | None, document: RecoveredDocument) -> Choice:
    """Open it / Save it elsewhere… / Discard for one recovered document."""
    box = QMessageBox(parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # titles and file names are text, not markup
    box.setObjectName("RecoveryQuestion")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Recovery", "Recover unsaved work"))
    where = (
        str(document.original)
        if document.original
        else QCoreApplication.translate("Recovery", "a document never saved")
    )
    box.setText(
        QCoreApplication.translate(
            "Recovery",
            "Blueprint Studio closed unexpectedly. Unsaved work on "
            "“{title}” ({where}) was recovered from {time}.",
        ).format(title=document.title, where=where, time=document.saved_at or "?")
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "Recovery", "Open it to keep working, save it to a file of its own, or discard it."
        )
    )
    buttons = {
        box.addButton(
            QCoreApplication.translate("Recovery", "Open It"), QMessageBox.ButtonRole.AcceptRole
        ): Choice.OPEN,
        box.addButton(
            QCoreApplication.translate("Recovery", "Save It Elsewhere…"),
            QMessageBox.ButtonRole.ActionRole,
        ): Choice.SAVE_ELSEWHERE,
        box.addButton(
            QCoreApplication.translate("Recovery", "Discard"),
            QMessageBox.ButtonRole.DestructiveRole,
        ): Choice.DISCARD,
    }
    box.setDefaultButton(next(iter(buttons)))
    box.exec()
    clicked = box.clickedButton()
    for button, choice in buttons.items():
        if button is clicked:
            return choice
    return Choice.LATER  # closed without choosing: ask again next time


def recovered_session(document: RecoveredDocument, blueprint: Blueprint) -> Session:
    """A session for recovered work: unsaved, with its original file (if any) and its copy's
    key, so a save or a discard removes that copy."""
    session = Session(blueprint, document.original)
    session.recovery_key = document.key
    session.history.clean_index = None  # differs from the file on disk: marked unsaved
    session.disk_stamp = _original_stamp(document)
    return session


def _original_stamp(document: RecoveredDocument) -> FileStamp | None:
    """The original file as it is now; stale (Save asks first) if it changed after the copy.

    The stamp taken when the crashed app opened the file is not kept in the copy, so a change
    made by someone else before the last autosave goes unnoticed.
    """
    if document.original is None:
        return None
    current = FileStamp.of(document.original)
    try:
        copy_time = document.copy.stat().st_mtime_ns
    except OSError:
        return current
    if current is not None and current.mtime_ns > copy_time:
        return FileStamp.stale()
    return current


def offer_recovery(
    store: RecoveryStore | None = None,
    ask: Callable[[QWidget | None, RecoveredDocument], Choice] = ask_what_to_do,
) -> list[MainWindow]:
    """Ask about every pending copy; returns the windows that now show recovered work."""
    store = store or RecoveryStore()
    opened: list[MainWindow] = []
    for document in store.pending():
        parent = opened[-1] if opened else _blank_window()
        choice = ask(parent, document)
        if choice is Choice.DISCARD:
            store.discard(document.key)
            continue
        if choice is Choice.LATER:
            continue
        try:
            blueprint = store.recover(document)
        except BlueprintFileError as error:
            dialogs.show_error(
                cast(QWidget, parent),  # None: no window yet, Qt accepts it
                QCoreApplication.translate("Recovery", "Cannot recover the document"),
                str(error),
            )
            continue
        if choice is Choice.OPEN:
            opened.append(_show(recovered_session(document, blueprint)))
        elif _save_elsewhere(parent, document, blueprint):
            store.discard(document.key)
    return opened


def _save_elsewhere(
    parent: QWidget | None, document: RecoveredDocument, blueprint: Blueprint
) -> bool:
    suggested = str(document.original) if document.original else document.title
    path = dialogs.ask_save_path(cast(QWidget, parent), suggested)
    if path is None:
        return False
    try:
        save(blueprint, with_suffix(path))
    except BlueprintFileError as error:
        dialogs.show_error(
            cast(QWidget, parent),
            QCoreApplication.translate("Recovery", "Cannot save the recovered document"),
            str(error),
        )
        return False
    return True


def _blank_window() -> MainWindow | None:
    """A window still showing the untouched empty document of start-up, if there is one."""
    for window in windows():
        session = window.session
        if session.path is None and not session.history.entries and not session.dirty:
            return window
    return None


def _show(session: Session) -> MainWindow:
    """Put recovered work in the untouched start-up window, or in a new one."""
    window = _blank_window() or open_window()
    window.open_session(session)
    window.raise_()
    return window
