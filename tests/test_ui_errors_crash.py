"""The crash handler: an exception in a slot or a thread shows a copyable report, is logged in
the state folder, rescues unsaved work into recovery copies, and leaves the windows open."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from blueprint_app.storage import load
from blueprint_app.ui import crash, settings
from blueprint_app.ui.window.main_window import MainWindow
from tests.conftest import ODD_TEXT
from tests.ui_support import retitle, shown_window


class Shown:
    """Stands in for the crash dialog's modal loop: records each dialog shown."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.dialogs: list[crash.CrashDialog] = []
        self.texts: list[str] = []
        self.read_only: list[bool] = []
        self.copied: list[str] = []
        monkeypatch.setattr(crash.CrashDialog, "exec", lambda dialog: self._exec(dialog))

    def _exec(self, dialog: crash.CrashDialog) -> int:
        """Read the dialog while it is up (it is deleted once closed) and press Copy."""
        self.dialogs.append(dialog)
        self.texts.append(dialog.text.toPlainText())
        self.read_only.append(dialog.text.isReadOnly())
        dialog.copy_button.click()
        self.copied.append(QGuiApplication.clipboard().text())
        return 0


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Shown:
    return Shown(monkeypatch)


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setenv(settings.AUTOSAVE_ENV, "3600")  # only the crash handler writes copies
    with shown_window(qtbot, tmp_path) as window:
        yield window


def boom() -> None:
    raise RuntimeError("boom in a slot: 中文 <&>")


def test_an_exception_in_a_slot_is_reported_logged_and_the_work_kept(
    qtbot: Any, window: MainWindow, shown: Shown, private_state_dir: Path
) -> None:
    retitle(window, ODD_TEXT)
    with crash.installed() as handler:
        assert sys.excepthook == handler.excepthook
        QTimer.singleShot(0, boom)
        qtbot.waitUntil(lambda: len(shown.dialogs) == 1, timeout=3000)
    assert sys.excepthook != handler.excepthook  # the previous hook is back

    report = shown.texts[0]
    assert "RuntimeError: boom in a slot: 中文 <&>" in report and "Blueprint Studio" in report
    assert shown.read_only == [True] and shown.copied == [report]

    log = private_state_dir / "logs" / "blueprint-studio.log"
    assert "RuntimeError: boom in a slot" in log.read_text(encoding="utf-8")

    copies = list((private_state_dir / "recovery").glob("*.blueprint.json"))
    assert len(copies) == 1 and load(copies[0]).title == ODD_TEXT  # rescued at once
    assert window.isVisible() and window.isWindowModified()
    assert window.session.blueprint.title == ODD_TEXT


def test_an_exception_in_a_thread_is_shown_in_the_gui_thread(
    qtbot: Any, window: MainWindow, shown: Shown, private_state_dir: Path
) -> None:
    def worker() -> None:
        raise ValueError("failed in a worker")

    with crash.installed() as handler:
        thread = threading.Thread(target=worker, name="exporter")
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: len(shown.dialogs) == 1, timeout=3000)
    assert "Thread: exporter" in handler.reports[0]
    assert "ValueError: failed in a worker" in shown.texts[0]
    log = private_state_dir / "logs" / "blueprint-studio.log"
    assert "failed in a worker" in log.read_text(encoding="utf-8")
    assert window.isVisible()


def test_one_dialog_at_a_time_but_every_report_logged(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch, private_state_dir: Path
) -> None:
    opened: list[crash.CrashDialog] = []

    def exec_and_fail_again(dialog: crash.CrashDialog) -> int:
        opened.append(dialog)
        handler.handle("a second report while the first is shown")
        return 0

    monkeypatch.setattr(crash.CrashDialog, "exec", exec_and_fail_again)
    with crash.installed() as handler:
        QTimer.singleShot(0, boom)
        qtbot.waitUntil(lambda: len(handler.reports) == 2, timeout=3000)
    assert len(opened) == 1
    text = (private_state_dir / "logs" / "blueprint-studio.log").read_text(encoding="utf-8")
    assert "boom in a slot" in text and "a second report" in text


def test_main_installs_the_handler_for_the_whole_run(
    qapp: QApplication,
    tmp_path: Path,
    shown: Shown,
    monkeypatch: pytest.MonkeyPatch,
    private_state_dir: Path,
) -> None:
    from blueprint_app import app as app_module
    from tests.ui_support import isolate_settings

    isolate_settings(tmp_path)
    before = sys.excepthook
    still_open: list[bool] = []

    def look_and_close() -> None:
        still_open.extend(
            w.isVisible() for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
        )
        QApplication.closeAllWindows()

    QTimer.singleShot(30, boom)
    QTimer.singleShot(300, look_and_close)
    monkeypatch.setattr(app_module, "follow_system_palette", lambda _app: None)
    assert app_module.main([]) == 0
    assert len(shown.dialogs) == 1 and "boom in a slot" in shown.texts[0]
    assert still_open and all(still_open)  # the window outlived the exception
    assert sys.excepthook is before
    assert (private_state_dir / "logs" / "blueprint-studio.log").is_file()
