"""Helpers for the Qt window tests: isolated settings, answered dialogs, a window to drive."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from blueprint_app.app import install_windows
from blueprint_app.history import edits
from blueprint_app.ui import dialogs
from blueprint_app.ui.files import safe_save
from blueprint_app.ui.window.edit_commands import release_clipboard
from blueprint_app.ui.window.main_window import MainWindow

Button = QMessageBox.StandardButton


class Dialogs:
    """Stands in for the modal dialogs: scripted answers, recorded messages."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answers: list[Button] = []
        self.errors: list[tuple[str, str]] = []
        self.questions: list[str] = []
        self.save_paths: list[Path | None] = []
        self.open_paths: list[Path | None] = []
        monkeypatch.setattr(dialogs, "ask", self._ask)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._save)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._open)
        self.save_elsewhere: list[bool] = []  # answers to "save failed: save elsewhere?"
        monkeypatch.setattr(safe_save, "ask_after_failure", self._save_failed)

    def _ask(self, parent: Any, icon: QMessageBox.Icon, title: str, text: str, *_: Any) -> Button:
        if icon == QMessageBox.Icon.Critical:
            return self._critical(parent, title, text)
        return self._warning(parent, title, text)

    def _warning(self, _parent: Any, _title: str, text: str, *_args: Any) -> Button:
        self.questions.append(text)
        if not self.answers:
            raise AssertionError(f"unexpected question: {text}")
        return self.answers.pop(0)

    def _critical(self, _parent: Any, title: str, text: str, *_args: Any) -> Button:
        self.errors.append((title, text))
        return Button.Ok

    def _save_failed(self, _parent: Any, title: str, text: str) -> bool:
        self.errors.append((title, text))
        return self.save_elsewhere.pop(0) if self.save_elsewhere else False

    def _save(self, *_args: Any) -> tuple[str, str]:
        path = self.save_paths.pop(0)
        return (str(path) if path else "", "")

    def _open(self, *_args: Any) -> tuple[str, str]:
        path = self.open_paths.pop(0)
        return (str(path) if path else "", "")


def isolate_settings(tmp_path: Path) -> None:
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )


@contextmanager
def shown_window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    isolate_settings(tmp_path)
    app = QApplication.instance()
    assert app is not None
    install_windows(app)  # as app.main does: New, templates and recovery open windows
    window = MainWindow()  # not qtbot.addWidget: that closes it before we mark it clean
    window.show()
    qtbot.waitExposed(window)
    try:
        yield window
    finally:
        release_clipboard()  # PySide crashes at exit with Python-made clipboard data
        if shiboken6.isValid(window):
            window.session.history.set_clean()
            window.close()


def activate(qtbot: Any, window: MainWindow) -> None:
    """Make ``window`` the active window, as shortcuts only reach the active one."""
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow)


def retitle(window: MainWindow, title: str) -> None:
    with window.session.history.transaction("Rename") as tx:
        edits.set_field(tx, edits.BLUEPRINT, "title", title)


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Type like a keyboard: QTest cannot map non-Latin characters to keys, so those go as
    key events that carry only their text (as an input method delivers them)."""
    for char in text:
        if char.isascii() and char.isprintable():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                )


#: How long a helper looks for a dialog before giving up: generous, for a loaded machine.
MODAL_WAIT_SECONDS = 30.0


def keep_looking(deadline: float, again: Callable[[], None], every_ms: int = 10) -> None:
    """Try ``again`` a little later, until ``deadline`` (a time.monotonic() value) passes."""
    if time.monotonic() < deadline:
        QTimer.singleShot(every_ms, again)


def answer_modal(button_text: str, seen: list[str] | None = None) -> None:
    """Click ``button_text`` in the next modal message box, as a user would."""
    deadline = time.monotonic() + MODAL_WAIT_SECONDS

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            keep_looking(deadline, click)
            return
        if seen is not None:
            seen.append(box.text())
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(0, click)


def when_modal(qtbot: Any, act: Callable[[Any], None], kind: type[QDialog] = QDialog) -> list[str]:
    """Run ``act`` on the next modal dialog of ``kind`` once it shows; returns problems seen
    there (a progress dialog over a modal dialog: ``kind=QProgressDialog``)."""
    problems: list[str] = []
    deadline = time.monotonic() + MODAL_WAIT_SECONDS

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            keep_looking(deadline, run, every_ms=20)
            return
        try:
            act(dialog)
        except AssertionError as error:  # reported back: an exception here would be swallowed
            problems.append(str(error))
            dialog.reject()

    QTimer.singleShot(0, run)
    return problems


def click(qtbot: Any, widget: QWidget | None) -> None:
    assert widget is not None
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
