"""File ▸ Import… (issue 19.3): a sheet opens as a new unsaved blueprint; a column the importer
does not know is asked about once, and the answer remembered; a refusal says why."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QMessageBox

from blueprint_app.export.csv import to_csv
from blueprint_app.storage import load
from blueprint_app.ui import settings
from blueprint_app.ui.files.import_sheet import HeaderDialog
from blueprint_app.ui.window.main_window import MainWindow
from blueprint_app.ui.window.windows import registry
from tests.ui_support import Dialogs, shown_window, when_modal

HOTEL = Path(__file__).parent.parent / "resources" / "templates" / "hotel-stay.zh-CN.blueprint.json"


@pytest.fixture
def window(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[MainWindow, Dialogs]]:
    dialogs = Dialogs(monkeypatch)
    with shown_window(qtbot, tmp_path) as shown:
        yield shown, dialogs
        for other in registry().windows():
            if other is not shown:
                other.session.history.set_clean()
                other.close()


def opened(shown: MainWindow) -> list[MainWindow]:
    return [w for w in registry().windows() if w is not shown]


def test_import_of_our_csv_opens_a_new_unsaved_window(
    window: tuple[MainWindow, Dialogs], tmp_path: Path
) -> None:
    shown, dialogs = window
    sheet = tmp_path / "酒店.csv"
    original = load(HOTEL)
    sheet.write_bytes(to_csv(original).encode("utf-8"))
    dialogs.open_paths.append(sheet)
    shown.menu_actions["import"].trigger()
    [new] = opened(shown)
    assert len(new.session.blueprint.steps) == len(original.steps)
    assert new.session.dirty and new.session.path is None
    assert new.session.blueprint.title == "酒店"


def test_an_unknown_column_is_asked_about_once(
    qtbot: Any, window: tuple[MainWindow, Dialogs], tmp_path: Path
) -> None:
    shown, dialogs = window
    sheet = tmp_path / "cafe.csv"
    sheet.write_text("Was passiert,Wer\r\nBestellen,Gast\r\nZahlen,Gast\r\n", encoding="utf-8")

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, HeaderDialog)
        combos = dialog.findChildren(QComboBox)
        assert len(combos) == 2
        combos[0].setCurrentIndex(combos[0].findData("step"))
        combos[1].setCurrentIndex(combos[1].findData("actor"))
        dialog.accept()

    problems = when_modal(qtbot, answer)
    dialogs.open_paths.append(sheet)
    shown.menu_actions["import"].trigger()
    assert not problems
    [new] = opened(shown)
    steps = new.session.blueprint.steps
    assert [(s.title, s.actor) for s in steps] == [("Bestellen", "Gast"), ("Zahlen", "Gast")]
    assert settings.IMPORT_HEADERS.read() == {"was passiert": "step", "wer": "actor"}
    new.session.history.set_clean()
    new.close()
    dialogs.open_paths.append(sheet)  # the second time nothing is asked
    shown.menu_actions["import"].trigger()
    assert len(opened(shown)) == 1


def test_a_refused_sheet_says_why_and_opens_nothing(
    window: tuple[MainWindow, Dialogs], tmp_path: Path
) -> None:
    shown, dialogs = window
    sheet = tmp_path / "broken.xlsx"
    sheet.write_bytes(b"PK\x03\x04 not a workbook")
    dialogs.open_paths.append(sheet)
    shown.menu_actions["import"].trigger()
    assert not opened(shown)
    assert dialogs.errors and "not" in dialogs.errors[0][1]


def test_what_was_left_out_is_shown(
    qtbot: Any, window: tuple[MainWindow, Dialogs], tmp_path: Path
) -> None:
    shown, dialogs = window
    sheet = tmp_path / "times.csv"
    sheet.write_text("Step,Duration\r\nOrder,soon\r\n", encoding="utf-8")
    dialogs.open_paths.append(sheet)
    shown.menu_actions["import"].trigger()
    [new] = opened(shown)
    boxes = [b for b in new.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "soon" in boxes[0].detailedText()
    boxes[0].close()


def test_a_workbook_of_several_sheets_asks_which(
    window: tuple[MainWindow, Dialogs], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import Workbook
    from PySide6.QtWidgets import QInputDialog

    shown, dialogs = window
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Notes"
    first.append(["nothing"])
    steps = book.create_sheet("步骤表")
    steps.append(["步骤", "泳道"])
    steps.append(["点餐", "顾客"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    asked: list[list[str]] = []

    def pick(*args: Any) -> tuple[str, bool]:
        asked.append(list(args[3]))
        return "步骤表", True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    dialogs.open_paths.append(path)
    shown.menu_actions["import"].trigger()
    assert asked == [["Notes", "步骤表"]]
    [new] = opened(shown)
    assert [s.title for s in new.session.blueprint.steps] == ["点餐"]


def test_the_one_import_action_opens_a_bpmn_diagram_too(
    window: tuple[MainWindow, Dialogs], tmp_path: Path
) -> None:
    # File ▸ Import… picks the reader by the file's extension, as `blueprint import` does
    from blueprint_app.export.formats import export_bytes

    shown, dialogs = window
    original = load(HOTEL)
    diagram = tmp_path / "酒店.bpmn"
    diagram.write_bytes(export_bytes(original, "bpmn"))
    dialogs.open_paths.append(diagram)
    shown.menu_actions["import"].trigger()
    [new] = opened(shown)
    titles = {step.title for step in new.session.blueprint.steps}
    assert {step.title for step in original.steps if step.kind.value != "evidence"} <= titles
    assert new.session.dirty and new.session.path is None
