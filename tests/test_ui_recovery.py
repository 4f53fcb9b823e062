"""Autosave and crash recovery in the real window, and for real: an app in a subprocess is
edited, autosaves, is killed with SIGKILL, and the next start recovers the edit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from blueprint_app.storage import load
from blueprint_app.storage.recovery import RecoveryStore
from blueprint_app.ui import settings
from blueprint_app.ui.files import autosave
from blueprint_app.ui.files.recovery_offer import offer_recovery
from blueprint_app.ui.window.main_window import MainWindow
from blueprint_app.ui.window.windows import windows
from tests.conftest import ODD_TEXT
from tests.ui_support import (
    MODAL_WAIT_SECONDS,
    Button,
    Dialogs,
    answer_modal,
    isolate_settings,
    keep_looking,
    retitle,
    shown_window,
)

ROOT = Path(__file__).parent.parent


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def window(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: Dialogs
) -> Iterator[MainWindow]:
    monkeypatch.setenv(settings.AUTOSAVE_ENV, "0.1")
    with shown_window(qtbot, tmp_path) as window:
        yield window


def copies(state: Path) -> list[Path]:
    return sorted((state / "recovery").glob("*.blueprint.json"))


def metas(state: Path) -> list[Path]:
    return sorted((state / "recovery").glob("*.meta.json"))


def test_unsaved_work_is_copied_after_the_interval_and_a_save_removes_it(
    qtbot: Any, window: MainWindow, private_state_dir: Path, dialogs: Dialogs, tmp_path: Path
) -> None:
    assert copies(private_state_dir) == []
    retitle(window, ODD_TEXT)
    qtbot.waitUntil(lambda: len(copies(private_state_dir)) == 1, timeout=3000)
    assert load(copies(private_state_dir)[0]).title == ODD_TEXT
    meta = json.loads(next((private_state_dir / "recovery").glob("*.meta.json")).read_text())
    assert meta["original"] is None and meta["instance"] == RecoveryStore().instance  # untitled
    dialogs.save_paths.append(tmp_path / "saved")
    assert window.save()
    assert copies(private_state_dir) == []


def test_an_unchanged_document_is_not_rewritten(
    qtbot: Any, window: MainWindow, private_state_dir: Path
) -> None:
    written: list[Path] = []
    window.autosaver.written.connect(written.append)
    retitle(window, "one")
    qtbot.waitUntil(lambda: len(written) == 1, timeout=3000)
    assert not window.autosaver.write_now()
    retitle(window, "two")
    qtbot.waitUntil(lambda: len(written) == 2, timeout=3000)
    assert load(written[-1]).title == "two"


def test_losing_focus_writes_the_copy_at_once(
    qtbot: Any, window: MainWindow, private_state_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(settings.AUTOSAVE_ENV, "3600")
    retitle(window, "before leaving")
    assert copies(private_state_dir) == [] and window.autosaver.timer.isActive()
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    app.applicationStateChanged.emit(autosave.Qt.ApplicationState.ApplicationInactive)
    assert len(copies(private_state_dir)) == 1
    assert load(copies(private_state_dir)[0]).title == "before leaving"


def test_undo_to_the_saved_state_and_closing_with_discard_remove_the_copy(
    qtbot: Any, window: MainWindow, private_state_dir: Path, dialogs: Dialogs
) -> None:
    retitle(window, "changed")
    qtbot.waitUntil(lambda: len(copies(private_state_dir)) == 1, timeout=3000)
    window.menu_actions["undo"].trigger()
    assert copies(private_state_dir) == []
    window.menu_actions["redo"].trigger()
    qtbot.waitUntil(lambda: len(copies(private_state_dir)) == 1, timeout=3000)
    dialogs.answers.append(Button.Discard)
    assert window.close()
    assert copies(private_state_dir) == []


def test_cancelled_close_keeps_the_copy(
    qtbot: Any, window: MainWindow, private_state_dir: Path, dialogs: Dialogs
) -> None:
    retitle(window, "changed")
    qtbot.waitUntil(lambda: len(copies(private_state_dir)) == 1, timeout=3000)
    dialogs.answers.append(Button.Cancel)
    assert not window.close()
    assert len(copies(private_state_dir)) == 1


def test_interval_comes_from_the_environment_then_the_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    isolate_settings(tmp_path)
    monkeypatch.delenv(settings.AUTOSAVE_ENV, raising=False)
    assert settings.autosave_interval() == 30
    settings.store().setValue(settings.AUTOSAVE_SECONDS.key, 5)
    assert settings.autosave_interval() == 5
    for bad in ("soon", "-3", "0", "nan"):
        settings.store().setValue(settings.AUTOSAVE_SECONDS.key, bad)
        assert settings.autosave_interval() == 30
    monkeypatch.setenv(settings.AUTOSAVE_ENV, "1.5")
    assert settings.autosave_interval() == 1.5


CHILD = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from blueprint_app.app import configure_application_identity, install_windows

configure_application_identity()
app = QApplication(["blueprint-app"])
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
window = install_windows(app).open_window(sys.argv[1])
title = window.property_panel.forms["blueprint"].editor("title").widget
title.setFocus()
title.selectAll()
QTest.keyClicks(title, "Edited before the crash")
print("EDITED", window.session.blueprint.title, flush=True)
app.exec()
"""


def test_an_edit_survives_sigkill_and_is_recovered_at_the_next_start(
    qtbot: Any, tmp_path: Path, coffee_path: Path, private_state_dir: Path
) -> None:
    before = coffee_path.read_bytes()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        BLUEPRINT_AUTOSAVE_SECONDS="1",
        BLUEPRINT_STATE_DIR=str(private_state_dir),
        PYTHONPATH=str(ROOT),
    )
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(coffee_path), str(tmp_path / "child-settings")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "EDITED Edited before the crash", child.stderr.read()
        # the first time the meta goes first (a kill between the writes leaves nothing to
        # offer), so wait for both: on a busy machine the copy lands a moment later
        qtbot.waitUntil(
            lambda: len(metas(private_state_dir)) == 1 and len(copies(private_state_dir)) == 1,
            timeout=30_000,
        )
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert coffee_path.read_bytes() == before  # the file itself was never touched

    isolate_settings(tmp_path)
    pending = RecoveryStore().pending()
    assert len(pending) == 1 and pending[0].original == coffee_path
    questions: list[str] = []
    answer_modal("Open It", questions)
    opened = offer_recovery()
    try:
        assert len(opened) == 1
        window = opened[0]
        assert "coffee" in questions[0] or str(coffee_path) in questions[0]
        assert window.session.blueprint.title == "Edited before the crash"
        assert window.session.path == coffee_path and window.isWindowModified()
        assert len(window.session.blueprint.steps) == 11
        assert window.save()
        assert load(coffee_path).title == "Edited before the crash"
        assert RecoveryStore().pending() == [] and copies(private_state_dir) == []
    finally:
        for w in opened:
            if shiboken6.isValid(w):
                w.session.history.set_clean()
                w.close()


def _leave_a_copy(state: Path, title: str, original: Path | None) -> None:
    """A copy as a crashed app leaves it: written by an instance whose lock nobody holds."""
    from blueprint_app.model import new_blueprint
    from blueprint_app.storage.recovery import new_key

    store = RecoveryStore()
    key = f"k{abs(hash(title))}"
    store.write(key, new_blueprint(title), original)
    meta = state / "recovery" / f"{key}.meta.json"
    info = json.loads(meta.read_text(encoding="utf-8"))
    info["instance"] = new_key()
    meta.write_text(json.dumps(info), encoding="utf-8")


def test_discard_removes_the_copy_and_save_elsewhere_writes_it(
    qtbot: Any, tmp_path: Path, private_state_dir: Path, dialogs: Dialogs
) -> None:
    isolate_settings(tmp_path)
    _leave_a_copy(private_state_dir, "Lost 中文", None)
    answer_modal("Discard")
    assert offer_recovery() == []
    assert RecoveryStore().pending() == []

    _leave_a_copy(private_state_dir, "Keep me", None)
    target = tmp_path / "中文 folder"
    target.mkdir()
    dialogs.save_paths.append(target / "kept")
    answer_modal("Save It Elsewhere…")
    assert offer_recovery() == []
    assert load(target / "kept.blueprint.json").title == "Keep me"
    assert RecoveryStore().pending() == []


def test_closing_the_question_keeps_the_copy_for_next_time(
    qtbot: Any, tmp_path: Path, private_state_dir: Path
) -> None:
    isolate_settings(tmp_path)
    _leave_a_copy(private_state_dir, "Undecided", None)

    deadline = time.monotonic() + MODAL_WAIT_SECONDS

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            keep_looking(deadline, close_box)
        else:
            box.reject()

    QTimer.singleShot(0, close_box)
    assert offer_recovery() == []
    assert len(RecoveryStore().pending()) == 1


def test_an_untitled_recovered_document_opens_in_the_blank_start_window(
    qtbot: Any, tmp_path: Path, private_state_dir: Path
) -> None:
    _leave_a_copy(private_state_dir, "Untitled work", None)
    with shown_window(qtbot, tmp_path) as start_window:
        answer_modal("Open It")
        opened = offer_recovery()
        assert opened == [start_window] and len(windows()) >= 1
        assert start_window.session.blueprint.title == "Untitled work"
        assert start_window.session.path is None and start_window.isWindowModified()


def test_save_over_an_original_changed_after_the_crash_asks_first(
    qtbot: Any, tmp_path: Path, coffee_path: Path, private_state_dir: Path
) -> None:
    isolate_settings(tmp_path)
    _leave_a_copy(private_state_dir, "Recovered 咖啡", coffee_path)
    copy_time = next((private_state_dir / "recovery").glob("*.blueprint.json")).stat()
    coffee_path.write_text(
        coffee_path.read_text(encoding="utf-8").replace("Coffee to go", "Changed by a colleague"),
        encoding="utf-8",
    )
    os.utime(coffee_path, ns=(copy_time.st_atime_ns, copy_time.st_mtime_ns + 10**9))
    answer_modal("Open It")
    opened = offer_recovery()
    try:
        window = opened[0]
        seen: list[str] = []
        answer_modal("Cancel", seen)
        assert not window.save()
        assert "was changed by another program" in seen[0]
        assert load(coffee_path).title == "Changed by a colleague"
        answer_modal("Overwrite")
        assert window.save() and load(coffee_path).title == "Recovered 咖啡"
    finally:
        for w in opened:
            if shiboken6.isValid(w):
                w.session.history.set_clean()
                w.close()


def test_an_unreadable_copy_is_set_aside_not_deleted(
    qtbot: Any, tmp_path: Path, private_state_dir: Path, dialogs: Dialogs
) -> None:
    isolate_settings(tmp_path)
    _leave_a_copy(private_state_dir, "Damaged", None)
    copy = next((private_state_dir / "recovery").glob("*.blueprint.json"))
    copy.write_text("{ not json", encoding="utf-8")
    answer_modal("Open It")
    assert offer_recovery() == []
    assert dialogs.errors and dialogs.errors[0][0] == "Cannot recover the document"
    assert RecoveryStore().pending() == []
    assert len(list((private_state_dir / "recovery").glob("*.unreadable.json"))) == 1


def test_main_offers_the_recovered_work_at_start_up(
    qapp: QApplication, tmp_path: Path, private_state_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blueprint_app import app as app_module

    isolate_settings(tmp_path)
    _leave_a_copy(private_state_dir, "Left by a crash", None)
    titles: list[str] = []
    deadline = time.monotonic() + MODAL_WAIT_SECONDS

    def look_and_close() -> None:
        shown = [
            w.windowTitle()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not any("Left by a crash" in title for title in shown) and time.monotonic() < deadline:
            QTimer.singleShot(20, look_and_close)  # the offer comes once the window is up
            return
        titles.extend(shown)
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow):
                w.session.history.set_clean()  # as if saved: closing asks nothing
        QApplication.closeAllWindows()

    answer_modal("Open It")
    QTimer.singleShot(0, look_and_close)
    monkeypatch.setattr(app_module, "follow_system_palette", lambda _app: None)
    assert app_module.main([]) == 0
    assert titles == ["Left by a crash[*] — Blueprint Studio"]  # in the blank start window


def test_a_changed_interval_setting_applies_from_the_next_edit(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(settings.AUTOSAVE_ENV)
    settings.AUTOSAVE_SECONDS.write(3600)
    retitle(window, "first")
    assert window.autosaver.timer.interval() == 3_600_000
    window.autosaver.write_now()
    settings.AUTOSAVE_SECONDS.write(7)  # as Preferences would
    retitle(window, "second")
    assert window.autosaver.timer.interval() == 7_000


def test_a_failing_autosave_is_shown_harms_nothing_and_is_retried(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch, private_state_dir: Path
) -> None:
    from blueprint_app.storage import BlueprintFileError

    def refuse(*_args: object) -> Path:
        raise BlueprintFileError("recovery", ["the disk is full"], action="save")

    real_write = window.autosaver.store.write
    monkeypatch.setattr(window.autosaver.store, "write", refuse)
    retitle(window, "still here")
    qtbot.waitUntil(lambda: "Autosave failed" in window.statusBar().currentMessage(), timeout=3000)
    assert "the disk is full" in window.statusBar().currentMessage()
    assert window.session.blueprint.title == "still here" and window.isWindowModified()
    monkeypatch.setattr(window.autosaver.store, "write", real_write)  # room again: retried
    monkeypatch.setenv(settings.AUTOSAVE_ENV, "0.1")
    qtbot.waitUntil(lambda: len(copies(private_state_dir)) == 1, timeout=3000)
