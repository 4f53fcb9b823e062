"""File > New from Template… and Edit > Preferences…, driven through the real menus and dialogs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from blueprint_app.history import edits
from blueprint_app.storage import load
from blueprint_app.templates import list_templates
from blueprint_app.ui import i18n, settings
from blueprint_app.ui.files import thumbnails
from blueprint_app.ui.files.template_dialog import TemplateDialog
from blueprint_app.ui.preferences import PreferencesDialog
from blueprint_app.ui.window.main_window import MainWindow
from blueprint_app.ui.window.windows import windows
from tests.ui_support import click, shown_window, when_modal


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    with shown_window(qtbot, tmp_path) as window:
        yield window
    for other in windows():
        other.session.history.set_clean()
        other.close()


def test_new_from_template_lists_each_template_with_its_picture_and_opens_a_copy(
    window: MainWindow, qtbot: Any
) -> None:
    infos = list_templates()
    english = [info for info in infos if info.language == "en"]
    chosen: dict[str, Any] = {}

    def pick(dialog: QDialog) -> None:
        assert isinstance(dialog, TemplateDialog)
        shown = [dialog.list.item(i) for i in range(dialog.list.count())]
        assert len(shown) == len(english) >= 8  # filtered to the interface language
        assert all(not item.icon().isNull() for item in shown)
        dialog.language.setCurrentIndex(dialog.language.findData(""))  # all languages
        assert dialog.list.count() == len(infos)
        dialog.language.setCurrentIndex(dialog.language.findData("zh-CN"))
        assert dialog.list.count() == len(infos) - len(english)
        dialog.list.setCurrentRow(2)
        info = dialog.chosen()
        assert info is not None and info.language == "zh-CN"
        assert info.description and info.description in dialog.details.text()
        assert (
            "简体中文" in dialog.list.currentItem().text()
            or "Simplified Chinese" in dialog.list.currentItem().text()
        )
        chosen["info"] = info
        click(qtbot, dialog.create_button)

    problems = when_modal(qtbot, pick)
    window.menu_actions["new_from_template"].trigger()
    assert problems == []
    info = chosen["info"]
    opened = [w for w in windows() if w is not window]
    assert len(opened) == 1
    new = opened[0]
    stored = load(info.path)
    assert new.session.path is None  # untitled: saving asks where, never over the template
    assert new.session.blueprint.title == stored.title
    assert len(new.session.blueprint.steps) == len(stored.steps)
    assert len(new.session.blueprint.flows) == len(stored.flows)
    assert new.session.blueprint.created != stored.created
    assert not new.session.dirty
    assert new.windowTitle().startswith(stored.title)


def test_cancel_opens_nothing(window: MainWindow, qtbot: Any) -> None:
    def cancel(dialog: QDialog) -> None:
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Cancel))

    problems = when_modal(qtbot, cancel)
    window.menu_actions["new_from_template"].trigger()
    assert problems == []
    assert windows() == [window]


def test_the_template_language_defaults_to_the_interface_language(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BLUEPRINT_LANG", "zh_CN")
    dialog = TemplateDialog(window)
    assert dialog.language.currentData() == "zh-CN"
    assert {
        dialog.list.item(i).data(Qt.ItemDataRole.UserRole).language
        for i in range(dialog.list.count())
    } == {"zh-CN"}
    dialog.deleteLater()


def test_thumbnails_show_the_blueprint_and_are_cached_until_the_file_changes(
    tmp_path: Path, qtbot: Any
) -> None:
    source = list_templates()[0].path
    copy = tmp_path / source.name
    copy.write_bytes(source.read_bytes())
    first = thumbnails.thumbnail(copy)
    assert thumbnails.thumbnail(copy) is first
    colours = {
        first.pixelColor(x, y).name()
        for x in range(0, first.width(), 4)
        for y in range(0, first.height(), 4)
    }
    assert len(colours) > 5  # lanes, cards and text, not a blank picture
    assert QColor("white").name() in colours
    stat = copy.stat()
    os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert thumbnails.thumbnail(copy) is not first


def test_preferences_store_the_language_and_autosave_interval(
    window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch, coffee_path: Path
) -> None:
    monkeypatch.delenv("BLUEPRINT_LANG", raising=False)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("en_US")))
    assert settings.AUTOSAVE_SECONDS.read() == 30

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, PreferencesDialog)
        assert dialog.language.currentData() == "system"
        dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
        dialog.autosave.setValue(45)
        assert "at once" in dialog.note.text()
        assert "BLUEPRINT_LANG" not in dialog.note.text()
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    # unsaved work with an undo history, and its recovery copy, in the window being rebuilt
    assert window.open_path(coffee_path)
    with window.session.history.transaction("Rename") as tx:
        edits.set_field(tx, edits.BLUEPRINT, "title", "Coffee 点单 <&>")
    session = window.session
    window.scene.select_ids([window.session.blueprint.steps[0].id])
    written: list[Path] = []
    window.autosaver.written.connect(written.append)
    assert window.autosaver.write_now()
    copy = written[0]
    problems = when_modal(qtbot, choose)
    try:
        window.menu_actions["preferences"].trigger()
        assert problems == []
        assert settings.store().value(settings.LANGUAGE.key) == "zh_CN"
        assert int(str(settings.store().value(settings.AUTOSAVE_SECONDS.key))) == 45
        assert settings.autosave_interval() == 45
        assert i18n.interface_language() == "zh_CN"
        # the open window is rebuilt in Chinese at once, with the same document and history
        qtbot.waitUntil(lambda: not shiboken6.isValid(window) or not window.isVisible())
        rebuilt = [w for w in windows() if w is not window]
        assert len(rebuilt) == 1
        successor = rebuilt[0]
        assert successor.menuBar().actions()[0].text() == "文件(&F)"
        assert successor.session is session and successor.isWindowModified()
        assert successor.edits.selected_ids() == [session.blueprint.steps[0].id]
        assert successor.session.blueprint.title == "Coffee 点单 <&>"
        assert copy.exists()  # handing over is no reason to drop the recovery copy
        assert "Rename" in successor.menu_actions["undo"].text()
        successor.menu_actions["undo"].trigger()
        assert successor.session.blueprint.title != "Coffee 点单 <&>"
        assert successor.windowTitle().startswith(successor.session.display_name)
        successor.menu_actions["redo"].trigger()  # its autosave follows the history too
        assert successor.isWindowModified()
        successor.autosaver.write_now()
        assert copy.exists()
        new = successor.new_window()  # a window opened from now on reads Chinese too
        assert new.menuBar().actions()[0].text() == "文件(&F)"
        assert new.session.blueprint.language == "zh-CN"
        new.close()
        successor.session.history.set_clean()
        successor.close()
    finally:
        i18n.remove_translators()


def test_cancelled_preferences_change_nothing(window: MainWindow, qtbot: Any) -> None:
    def cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, PreferencesDialog)
        dialog.autosave.setValue(600)
        dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel))

    problems = when_modal(qtbot, cancel)
    window.menu_actions["preferences"].trigger()
    assert problems == []
    assert settings.store().value(settings.AUTOSAVE_SECONDS.key) is None
    assert i18n.preferred_setting() == "system"


def test_a_bad_stored_interval_falls_back_to_the_default(window: MainWindow) -> None:
    for bad in ("soon", 1, 3601, "7.5"):
        settings.store().setValue(settings.AUTOSAVE_SECONDS.key, bad)
        assert settings.AUTOSAVE_SECONDS.read() == 30, bad


def test_preferences_say_when_the_environment_overrides_the_language(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BLUEPRINT_LANG", "en")
    dialog = PreferencesDialog(window)
    assert "BLUEPRINT_LANG" in dialog.note.text()
    dialog.deleteLater()


def test_with_no_templates_there_is_nothing_to_create(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blueprint_app.ui.files import template_dialog

    def missing() -> list[Any]:
        raise FileNotFoundError("the resources folder is missing")

    monkeypatch.setattr(template_dialog, "list_templates", missing)
    dialog = TemplateDialog(window)
    assert dialog.list.count() == 0
    assert not dialog.create_button.isEnabled()
    assert dialog.session() is None
    assert "No template" in dialog.details.text()
    dialog.deleteLater()
