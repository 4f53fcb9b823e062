"""File handling in the real window: titles, saving, opening, the unsaved-changes prompt."""

from __future__ import annotations

import errno
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from blueprint_app.storage import BlueprintFileError, dumps, load, writer
from blueprint_app.ui.files import recent
from blueprint_app.ui.window.main_window import MainWindow
from tests.conftest import ODD_TEXT
from tests.ui_support import Button, Dialogs, retitle, shown_window


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, dialogs: Dialogs) -> Iterator[MainWindow]:
    with shown_window(qtbot, tmp_path) as window:
        yield window


def test_title_marks_unsaved_changes_and_undo_clears_the_mark(window: MainWindow) -> None:
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("Untitled blueprint[*]")
    assert "Double-click in a lane" in window.statusBar().currentMessage()  # a hint to start
    retitle(window, ODD_TEXT)
    assert window.isWindowModified()
    assert window.menu_actions["undo"].isEnabled()
    assert window.menu_actions["undo"].text() == "&Undo Rename"
    window.menu_actions["undo"].trigger()
    assert not window.isWindowModified()
    assert window.menu_actions["redo"].text() == "&Redo Rename"


def test_save_as_writes_the_file_remembers_it_and_clears_the_mark(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    retitle(window, ODD_TEXT)
    dialogs.save_paths.append(tmp_path / "mine")  # a bare name gets the suffix
    window.menu_actions["save"].trigger()
    target = tmp_path / "mine.blueprint.json"
    assert load(target).title == ODD_TEXT
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("mine[*]")
    assert recent.recent_files()[0] == target
    retitle(window, "again")
    window.menu_actions["save"].trigger()  # no dialog the second time
    assert load(target).title == "again"


def test_close_with_unsaved_changes_cancel_keeps_the_window(
    window: MainWindow, dialogs: Dialogs
) -> None:
    retitle(window, "changed")
    dialogs.answers.append(Button.Cancel)
    assert not window.close()
    assert shiboken6.isValid(window) and window.isVisible()
    assert window.session.blueprint.title == "changed" and window.isWindowModified()
    assert dialogs.questions == ["Save the changes to “changed” before closing it?"]


def test_close_discard_closes_without_writing(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    retitle(window, "changed")
    dialogs.answers.append(Button.Discard)
    assert window.close()
    assert list(tmp_path.glob("*.json")) == []


def test_close_save_writes_then_closes(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    retitle(window, "kept")
    dialogs.answers.append(Button.Save)
    dialogs.save_paths.append(tmp_path / "kept.blueprint.json")
    assert window.close()
    assert load(tmp_path / "kept.blueprint.json").title == "kept"


def test_close_save_but_cancel_the_file_dialog_keeps_the_window(
    window: MainWindow, dialogs: Dialogs
) -> None:
    retitle(window, "kept")
    dialogs.answers.append(Button.Save)
    dialogs.save_paths.append(None)
    assert not window.close()
    assert window.isWindowModified()


def test_opening_a_broken_file_shows_the_loader_message_and_keeps_the_document(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    retitle(window, "precious")
    broken = tmp_path / "broken.blueprint.json"
    broken.write_text(
        '{"format": "service-blueprint", "format_version": 2, "steps": [', encoding="utf-8"
    )
    session = window.session
    dialogs.open_paths.append(broken)
    window.menu_actions["open"].trigger()
    with pytest.raises(BlueprintFileError) as expected:
        load(broken)
    assert dialogs.errors == [("Cannot open the blueprint", str(expected.value))]
    assert window.session is session and session.blueprint.title == "precious"
    assert window.isWindowModified() and dialogs.questions == []


def test_open_over_unsaved_changes_asks_and_cancel_keeps_them(
    window: MainWindow, dialogs: Dialogs, coffee_path: Path
) -> None:
    retitle(window, "precious")
    dialogs.answers.append(Button.Cancel)
    assert not window.open_path(coffee_path)
    assert window.session.blueprint.title == "precious"
    dialogs.answers.append(Button.Discard)
    assert window.open_path(coffee_path)
    assert window.session.path == coffee_path
    assert dumps(window.session.blueprint) == dumps(load(coffee_path))
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("coffee[*]")
    from blueprint_app.canvas.view import BlueprintView

    shown = [v for v in window.findChildren(BlueprintView) if not v.isHidden()]
    assert shown == [window.view]  # the empty document's canvas is gone, not beside it


def test_failed_save_shows_the_reason_and_keeps_the_document_unsaved(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    retitle(window, "unsaved")
    dialogs.save_paths.append(tmp_path / "no-such-folder" / "x.blueprint.json")
    assert not window.save()
    assert len(dialogs.errors) == 1
    title, message = dialogs.errors[0]
    assert title == "Cannot save the blueprint" and "does not exist" in message
    assert window.session.path is None and window.isWindowModified()


def test_failed_save_over_an_existing_file_keeps_the_old_file(
    window: MainWindow, dialogs: Dialogs, coffee_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_path(coffee_path)
    before = coffee_path.read_bytes()
    retitle(window, "changed")

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.os, "replace", disk_full)
    assert not window.save()
    assert "the disk is full" in dialogs.errors[0][1]
    assert coffee_path.read_bytes() == before and window.isWindowModified()
    assert window.session.path == coffee_path


def test_dropping_a_blueprint_file_on_the_window_opens_it(
    window: MainWindow, coffee_path: Path
) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(coffee_path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.session.path == coffee_path
    assert window.session.blueprint.title == load(coffee_path).title


def test_open_recent_lists_opened_files(
    window: MainWindow, dialogs: Dialogs, coffee_path: Path
) -> None:
    assert window.open_path(coffee_path)
    window.fill_recent_menu()
    entries = [a for a in window.menu_actions.recent_menu.actions() if a.toolTip().startswith("/")]
    assert [a.toolTip() for a in entries] == [str(coffee_path)]
    retitle(window, "changed")
    dialogs.answers.append(Button.Discard)
    entries[0].trigger()  # reopening it discards the change
    assert window.session.blueprint.title == load(coffee_path).title
    moved = coffee_path.with_name("moved.blueprint.json")
    coffee_path.rename(moved)
    with window.session.history.transaction("x") as tx:  # keep the window busy with a change
        from blueprint_app.history import edits

        edits.set_field(tx, edits.BLUEPRINT, "title", "busy")
    assert not window.open_path(coffee_path)
    assert "does not exist" in dialogs.errors[-1][1] or "No such file" in dialogs.errors[-1][1]
    assert recent.recent_files() == []  # a file that is gone leaves Open Recent


def test_main_opens_the_file_given(
    qapp: QApplication, coffee_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blueprint_app import app as app_module
    from tests.ui_support import isolate_settings

    isolate_settings(tmp_path)
    titles: list[str] = []

    def look_and_close() -> None:
        titles.extend(
            w.windowTitle()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()
        )
        QApplication.closeAllWindows()

    QTimer.singleShot(50, look_and_close)
    monkeypatch.setattr(app_module, "follow_system_palette", lambda _app: None)
    assert app_module.main([str(coffee_path)]) == 0
    assert titles == ["coffee[*] — Blueprint Studio"]


def test_module_entry_point_reports_its_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "blueprint_app", "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0 and result.stdout.strip() == "0.1.0"


def test_new_opens_another_window_and_quit_asks_for_each_unsaved_one(
    qtbot: Any, window: MainWindow, dialogs: Dialogs
) -> None:
    from blueprint_app.ui.window.windows import windows

    window.menu_actions["new"].trigger()
    others = [w for w in windows() if w is not window]
    assert len(others) == 1 and others[0].isVisible()
    second = others[0]
    try:
        retitle(window, "first")
        retitle(second, "second")
        dialogs.answers += [Button.Discard, Button.Cancel]  # one is let go, the other kept
        window.menu_actions["quit"].trigger()
        assert len(dialogs.questions) == 2
        still_open = [w for w in (window, second) if shiboken6.isValid(w) and w.isVisible()]
        assert len(still_open) == 1 and still_open[0].isWindowModified()
    finally:
        if shiboken6.isValid(second):
            second.session.history.set_clean()
            second.close()


def test_opening_a_file_open_in_another_window_brings_that_window_forward(
    qtbot: Any, window: MainWindow, coffee_path: Path, tmp_path: Path
) -> None:
    assert window.open_path(coffee_path)
    with shown_window(qtbot, tmp_path) as other:
        session = other.session
        assert other.open_path(coffee_path)
        assert other.session is session  # not opened twice: the first window has it


def test_main_with_an_unreadable_file_says_why_and_opens_an_empty_window(
    qapp: QApplication, tmp_path: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blueprint_app import app as app_module
    from tests.ui_support import isolate_settings

    isolate_settings(tmp_path)
    missing = tmp_path / "missing.blueprint.json"
    titles: list[str] = []

    def look_and_close() -> None:
        titles.extend(
            w.windowTitle()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()
        )
        QApplication.closeAllWindows()

    QTimer.singleShot(50, look_and_close)
    monkeypatch.setattr(app_module, "follow_system_palette", lambda _app: None)
    assert app_module.main([str(missing)]) == 0
    assert titles == ["Untitled blueprint[*] — Blueprint Studio"]
    assert len(dialogs.errors) == 1 and "missing.blueprint.json" in dialogs.errors[0][1]


def test_help_about_shows_the_version(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from blueprint_app import __version__

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "about", lambda parent, title, text: shown.append((title, text))
    )
    window = MainWindow()
    qtbot.addWidget(window)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    about = help_menu.actions()[-1]  # after the guide, the shortcuts and a separator
    assert about.menuRole() == about.MenuRole.AboutRole
    about.trigger()
    assert shown[0][0] == "About Blueprint Studio"
    assert f"Blueprint Studio {__version__}" in shown[0][1]
