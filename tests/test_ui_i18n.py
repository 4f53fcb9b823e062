"""The Chinese interface: a complete, compiled catalogue, and every visible text translated."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QPointF, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QToolBar,
    QWidget,
)

from blueprint_app.model import LaneKind, StepKind
from blueprint_app.model.factory import DEFAULT_LANE_TITLES
from blueprint_app.ui import i18n
from blueprint_app.ui.files.template_dialog import TemplateDialog
from blueprint_app.ui.preferences import PreferencesDialog
from blueprint_app.ui.window.context_menu import build_menu
from blueprint_app.ui.window.main_window import MainWindow
from scripts.update_translations import sources as shell_sources
from tests.ui_support import shown_window

ROOT = Path(__file__).parent.parent
TS = ROOT / "resources" / "translations" / "blueprint_studio_zh_CN.ts"
QM = TS.with_suffix(".qm")
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")
ASCII_WORD = re.compile(r"[A-Za-z]{2,}")
#: Texts that stay as they are in a Chinese interface: names, endonyms, key names.
ALLOWED = {"Blueprint Studio", "English", "Esc", "Shift+Enter", "Enter"}


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    assert found, f"{name} comes with PySide6"
    return found


def messages(ts_text: str) -> list[tuple[str, str, str]]:
    """(context, source, translation element) of every message in a .ts file."""
    found = []
    for block in re.findall(r"<context>(.*?)</context>", ts_text, re.S):
        name = re.search(r"<name>(.*?)</name>", block).group(1)  # type: ignore[union-attr]
        for message in re.findall(r"<message>(.*?)</message>", block, re.S):
            source = re.search(r"<source>(.*?)</source>", message, re.S)
            translation = re.search(
                r"<translation[^>]*>(.*?)</translation>|<translation[^>]*/>", message, re.S
            )
            assert source and translation, message
            found.append((name, html.unescape(source.group(1)), translation.group(0)))
    return found


# -- the catalogue ----------------------------------------------------------------------------


def test_every_message_in_the_catalogue_is_translated_into_chinese() -> None:
    found = messages(TS.read_text(encoding="utf-8"))
    assert len(found) > 150
    unfinished = [
        (c, s)
        for c, s, t in found
        if "unfinished" in t
        or "vanished" in t
        or "obsolete" in t
        or not CJK.search(html.unescape(t))
    ]
    assert unfinished == []


def test_the_catalogue_holds_every_string_the_code_has_now(tmp_path: Path) -> None:
    """lupdate over today's sources adds nothing the .ts lacks (run update_translations.py)."""
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *shell_sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
        timeout=120,
        cwd=ROOT,
    )
    current = {(c, s) for c, s, _ in messages(TS.read_text(encoding="utf-8"))}
    wanted = {(c, s) for c, s, _ in messages(fresh.read_text(encoding="utf-8"))}
    assert wanted - current == set(), "new strings: run scripts/update_translations.py"


def test_the_compiled_catalogue_matches_its_source(tmp_path: Path) -> None:
    assert QM.stat().st_mtime >= TS.stat().st_mtime - 1, "the .qm is older than the .ts"
    compiled = tmp_path / "check.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert compiled.read_bytes() == QM.read_bytes(), "run scripts/update_translations.py"


# -- choosing the language ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("zh_CN", "zh_CN"),
        ("zh-Hans-CN", "zh_CN"),
        ("zh_TW.UTF-8", "zh_CN"),
        ("en_GB", "en"),
        ("fr_FR", "en"),
        ("", None),
        ("system", None),
    ],
)
def test_language_tags_come_down_to_english_or_simplified_chinese(
    tag: str, expected: str | None
) -> None:
    assert i18n.normalise(tag) == expected


def test_the_language_follows_the_system_then_the_preference_then_the_environment(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ui_support import isolate_settings

    isolate_settings(tmp_path)
    monkeypatch.delenv("BLUEPRINT_LANG", raising=False)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert i18n.interface_language() == "zh_CN"
    assert i18n.blueprint_language() == "zh-CN"
    i18n.set_preferred("en")
    assert i18n.interface_language() == "en"
    monkeypatch.setenv("BLUEPRINT_LANG", "zh_CN")
    assert i18n.interface_language() == "zh_CN"
    i18n.set_preferred("klingon")  # an unknown value means: follow the system
    assert i18n.preferred_setting() == "system"


# -- the Chinese interface ----------------------------------------------------------------------


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    monkeypatch.setenv("BLUEPRINT_LANG", "zh_CN")
    loaded = i18n.install_translators()
    try:
        yield loaded
    finally:
        i18n.remove_translators()


@pytest.fixture
def zh_window(qtbot: Any, tmp_path: Path, chinese: list[str]) -> Iterator[MainWindow]:
    with shown_window(qtbot, tmp_path) as window:
        yield window


def visible_texts(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text a user reads in ``widget`` and its children."""
    texts: list[tuple[str, str]] = [("title", widget.windowTitle())]
    for child in [widget, *widget.findChildren(QWidget)]:
        name = type(child).__name__
        texts += [(f"{name} tooltip", child.toolTip()), (f"{name} status", child.statusTip())]
        if isinstance(child, QLabel | QAbstractButton):
            texts.append((name, child.text()))
        elif isinstance(child, QGroupBox):
            texts.append((name, child.title()))
        elif isinstance(child, QLineEdit):
            texts.append((f"{name} placeholder", child.placeholderText()))
        elif isinstance(child, QComboBox):
            texts += [(name, child.itemText(i)) for i in range(child.count())]
        elif isinstance(child, QDockWidget):
            texts.append((name, child.windowTitle()))
        elif isinstance(child, QListWidget) and not child.objectName().endswith("_list"):
            texts += [(name, child.item(i).text()) for i in range(child.count())]
    return texts


def menu_texts(menu: QMenu, where: str) -> list[tuple[str, str]]:
    texts = [(where, menu.title())]
    for action in menu.actions():
        if action.isSeparator():
            continue
        texts += [(where, action.text()), (f"{where} status", action.statusTip())]
        if action.menu() is not None:
            texts += menu_texts(action.menu(), f"{where} > {action.text()}")
    return texts


def untranslated(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Texts with English words in them and no Chinese (symbols and numbers pass)."""
    return [
        (where, text)
        for where, text in texts
        if text.strip()
        and text.strip() not in ALLOWED
        and ASCII_WORD.search(text)
        and not CJK.search(text)
    ]


def test_qt_and_our_catalogue_are_both_installed(chinese: list[str]) -> None:
    assert any(path.endswith("blueprint_studio_zh_CN.qm") for path in chinese)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)  # Qt's own catalogue
    assert any(path.endswith("qtbase_zh_CN.qm") for path in chinese) == (
        box.button(QDialogButtonBox.StandardButton.Cancel).text() != "Cancel"
    )
    box.deleteLater()


def test_every_menu_action_toolbar_and_dock_of_the_window_reads_chinese(
    zh_window: MainWindow, qtbot: Any
) -> None:
    window = zh_window
    texts: list[tuple[str, str]] = []
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    assert [m.title() for m in menus][:4] == ["文件(&F)", "编辑(&E)", "视图(&V)", "排列(&A)"]
    window.fill_recent_menu()
    for menu in menus:
        texts += menu_texts(menu, menu.title())
    for action in window.actions():
        texts += [
            ("action", action.text()),
            ("action icon text", action.iconText()),
            ("action status", action.statusTip()),
        ]
    toolbars = window.findChildren(QToolBar)
    assert toolbars
    for bar in toolbars:
        texts.append(("toolbar", bar.windowTitle()))
        texts += [("toolbar", a.iconText()) for a in bar.actions() if not a.isSeparator()]
    docks = window.findChildren(QDockWidget)
    assert len(docks) >= 4
    for dock in docks:
        texts += visible_texts(dock)
    window.find_bar.open_bar()
    texts += visible_texts(window.find_bar)
    texts += visible_texts(window.statusBar())
    texts.append(("status message", window.statusBar().currentMessage()))
    assert len(texts) > 150
    assert untranslated(texts) == []


def test_the_context_menu_and_the_step_form_read_chinese(zh_window: MainWindow) -> None:
    window = zh_window
    window.add_step_of_kind(StepKind.ACTION.value)
    step_id = window.session.blueprint.steps[-1].id
    window.scene.select_ids([step_id])
    menu = build_menu(window, QPointF(-100000, -100000))
    texts = menu_texts(menu, "context menu")
    assert "步骤类型" in [t for _, t in texts]
    menu.deleteLater()
    texts += visible_texts(window.property_panel)
    texts += visible_texts(window.history_panel)
    assert "添加步骤" in [t for _, t in visible_texts(window.history_panel)] or any(
        "添加步骤" in t for _, t in texts
    )
    assert untranslated(texts) == []


def test_a_new_blueprint_gets_chinese_lane_titles_and_title(zh_window: MainWindow) -> None:
    blueprint = zh_window.session.blueprint
    assert blueprint.language == "zh-CN"
    assert blueprint.title == "未命名服务蓝图"
    titles = {lane.kind: lane.title for lane in blueprint.lanes}
    assert titles[LaneKind.CUSTOMER] == DEFAULT_LANE_TITLES["zh"][LaneKind.CUSTOMER] == "顾客行为"
    assert titles[LaneKind.PHYSICAL_EVIDENCE] == "有形展示"


def test_the_dialogs_read_chinese(zh_window: MainWindow, qtbot: Any) -> None:
    from blueprint_app.ui.export.export_dialog import ExportDialog
    from blueprint_app.ui.export.export_job import progress_dialog

    texts: list[tuple[str, str]] = []
    for dialog in (PreferencesDialog(zh_window), TemplateDialog(zh_window)):
        texts += visible_texts(dialog)
        dialog.deleteLater()
    export = ExportDialog(zh_window)
    for name in ("png", "pdf", "md"):  # the preview's line under it is read too
        export.form.set_format(name)
        qtbot.waitUntil(
            lambda: not export.preview.busy and export.preview.result is not None, timeout=30_000
        )
        texts += visible_texts(export)
    assert "导出" in export.windowTitle() and "像素" not in export.preview.status.text()
    export.reject()
    export.deleteLater()
    progress = progress_dialog(zh_window, "正在导出")
    texts += visible_texts(progress)
    progress.deleteLater()
    assert len(texts) > 60
    assert untranslated(texts) == []


def test_the_unsaved_changes_question_reads_chinese(
    zh_window: MainWindow, chinese: list[str]
) -> None:
    """The real message box, answered by clicking its Cancel button."""
    from blueprint_app.ui import dialogs

    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QDialog)
        seen.extend(t for _, t in visible_texts(box) if t)
        buttons = box.findChild(QDialogButtonBox)
        assert buttons is not None
        buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, answer)
    assert dialogs.ask_save_changes(zh_window, "早餐") is dialogs.Answer.CANCEL
    assert "关闭前是否保存对“早餐”的更改？" in seen
    assert "未保存的更改" in seen
    if any(path.endswith("qtbase_zh_CN.qm") for path in chinese):  # Qt's own button words
        assert "Cancel" not in seen and "Save" not in seen


def test_toolbar_buttons_show_no_mnemonic_brackets(zh_window: MainWindow) -> None:
    bar = zh_window.findChildren(QToolBar)[0]
    labels = [a.iconText() for a in bar.actions() if not a.isSeparator()]
    assert "排列" in labels and "新建" in labels
    assert not [label for label in labels if "(" in label or "&" in label]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("&Save", "Save"),
        ("保存(&S)", "保存"),
        ("&Open…", "Open"),
        ("Fish && &Chips", "Fish & Chips"),
    ],
)
def test_strip_mnemonic(text: str, expected: str) -> None:
    from blueprint_app.ui.window.actions import strip_mnemonic

    assert strip_mnemonic(text) == expected


STARTUP = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from blueprint_app import app
from blueprint_app.ui.window.windows import windows

def report():
    window = windows()[0]
    print(window.menuBar().actions()[0].text(), window.session.blueprint.lanes[1].title)
    window.session.history.set_clean()
    QApplication.closeAllWindows()

qapp = QApplication([])
QTimer.singleShot(200, report)
sys.exit(app.main([]))
"""


@pytest.mark.parametrize(
    ("language", "expected"), [("zh_CN", "文件(&F) 顾客行为"), ("en", "&File Customer actions")]
)
def test_the_application_starts_in_the_chosen_language(
    tmp_path: Path, language: str, expected: str
) -> None:
    env = {
        **os.environ,
        "BLUEPRINT_LANG": language,
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, "-c", STARTUP],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected


def test_the_interface_language_tag_selects_the_chinese_core_catalogues(coffee_path: Path) -> None:
    """What the Problems panel and the export dialogs pass (``i18n.blueprint_language()``)
    picks the Chinese validation messages and export words, for an English blueprint too."""
    from blueprint_app.export.words import Words
    from blueprint_app.storage import load
    from blueprint_app.validation import validate

    blueprint = load(coffee_path)
    assert blueprint.language == "en"
    blueprint.flows = []  # unconnected steps: several rules speak up
    tag = i18n.blueprint_language("zh_CN")
    assert tag == "zh-CN" and i18n.blueprint_language("en") == "en"
    findings = validate(blueprint, language=tag)
    assert findings and all(CJK.search(f.message) for f in findings)
    assert not any(CJK.search(f.message) for f in validate(blueprint, language="en"))
    assert Words(tag).language == "zh"
