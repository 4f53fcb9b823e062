"""User text shown in the shell is text: a title holding markup never becomes a link or bold.

QMessageBox and QLabel guess rich text from a leading tag; a blueprint titled with an
``<a href>`` became a clickable link in the recovery question (issue 15.10).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from blueprint_app.history import edits
from blueprint_app.storage.recovery import RecoveredDocument
from blueprint_app.ui import dialogs
from blueprint_app.ui.files import recovery_offer
from tests.conftest import DATA
from tests.ui_support import shown_window

HOSTILE = '<a href="https://example.invalid/">click me</a><b>bold</b>'


def _inspect_next_box(found: list[tuple[Qt.TextFormat, str]]) -> None:
    """Note the next message box's text format and text, then close it as Esc would (whatever
    the interface language names its buttons)."""

    def look(tries: int = 0) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if tries < 3000:
                QTimer.singleShot(10, lambda: look(tries + 1))
            return
        found.append((box.textFormat(), box.text()))
        box.reject()

    QTimer.singleShot(0, look)


def test_the_recovery_question_shows_a_marked_up_title_as_text(qtbot: Any, tmp_path: Path) -> None:
    document = RecoveredDocument("k", tmp_path / "copy.json", None, HOSTILE, "10:00")
    found: list[tuple[Qt.TextFormat, str]] = []
    _inspect_next_box(found)
    recovery_offer.ask_what_to_do(None, document)
    assert found and found[0][0] == Qt.TextFormat.PlainText and HOSTILE in found[0][1]


def test_error_and_save_questions_show_file_names_and_titles_as_text(qtbot: Any) -> None:
    found: list[tuple[Qt.TextFormat, str]] = []
    _inspect_next_box(found)
    dialogs.show_error(None, "Cannot save", f"Cannot save '{HOSTILE}': disk full")  # type: ignore[arg-type]
    _inspect_next_box(found)
    dialogs.ask_save_changes(None, HOSTILE)  # type: ignore[arg-type]
    assert [fmt for fmt, _ in found] == [Qt.TextFormat.PlainText] * 2
    assert all(HOSTILE in text for _, text in found)


def test_the_status_bar_names_a_selected_step_as_text(qtbot: Any, tmp_path: Path) -> None:
    with shown_window(qtbot, tmp_path) as window:
        path = tmp_path / "coffee.blueprint.json"
        shutil.copy(DATA / "coffee.blueprint.json", path)
        assert window.open_path(path)
        step_id = window.session.blueprint.steps[0].id
        with window.session.history.transaction("Rename") as tx:
            edits.set_field(tx, step_id, "title", "<b>bold</b>")
        window.scene.select_ids([step_id])
        label = window.status.selection
        qtbot.waitUntil(lambda: "<b>bold</b>" in label.text())
        assert label.textFormat() == Qt.TextFormat.PlainText
