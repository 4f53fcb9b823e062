"""File ▸ Import…: a BPMN file opens as a new untitled blueprint; lanes whose names say no
kind are asked about once and the answer is remembered; a refused file says why."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from blueprint_app.export.bpmn import to_bpmn
from blueprint_app.model import LaneKind
from blueprint_app.storage import load
from blueprint_app.ui import settings
from blueprint_app.ui.files import bpmn_import_dialog
from blueprint_app.ui.files.bpmn_import_dialog import LaneKindDialog, import_bpmn_file
from blueprint_app.ui.window.main_window import MainWindow
from blueprint_app.ui.window.windows import windows
from tests.conftest import DATA
from tests.ui_support import shown_window, when_modal

INVOICE = DATA / "bpmn" / "miwg-C.1.0.bpmn"


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    with shown_window(qtbot, tmp_path) as window:
        yield window
    for other in windows():
        other.session.history.set_clean()
        other.close()


def test_the_file_menu_offers_import(window: MainWindow) -> None:
    action = window.menu_actions["import"]
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()  # type: ignore[union-attr]


def test_unclear_lanes_are_asked_once_and_remembered(window: MainWindow, qtbot: Any) -> None:
    asked: list[list[str]] = []

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, LaneKindDialog)
        asked.append(list(dialog.boxes))
        box = dialog.boxes["Approver"]
        box.setCurrentIndex(box.findData(LaneKind.BACKSTAGE.value))
        dialog.accept()

    when_modal(qtbot, answer)
    opened = import_bpmn_file(window, INVOICE)
    assert isinstance(opened, MainWindow) and opened is not window
    assert asked and "Approver" in asked[0] and "Accountant" in asked[0]
    blueprint = opened.session.blueprint
    assert opened.session.path is None  # untitled: Save asks where
    kinds = {lane.title: lane.kind for lane in blueprint.lanes}
    assert kinds["Approver"] == LaneKind.BACKSTAGE and kinds["Accountant"] == LaneKind.CUSTOM
    assert settings.BPMN_LANE_KINDS.read()["Approver"] == "backstage"
    assert "steps" in opened.statusBar().currentMessage()
    again = import_bpmn_file(window, INVOICE)  # remembered: no question this time
    assert isinstance(again, MainWindow) and len(asked) == 1
    assert {lane.title: lane.kind for lane in again.session.blueprint.lanes} == kinds


def test_cancelling_the_question_opens_nothing(window: MainWindow, qtbot: Any) -> None:
    before = len(windows())
    when_modal(qtbot, lambda dialog: dialog.reject())
    assert import_bpmn_file(window, INVOICE) is None
    assert len(windows()) == before


def test_an_exported_blueprint_imports_without_a_question(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "coffee.bpmn"
    source.write_text(to_bpmn(load(DATA / "coffee.blueprint.json")), encoding="utf-8")
    monkeypatch.setattr(LaneKindDialog, "exec", lambda self: pytest.fail("asked"))
    opened = import_bpmn_file(window, source)
    assert isinstance(opened, MainWindow)
    assert len(opened.session.blueprint.steps) == len(load(DATA / "coffee.blueprint.json").steps)


def test_a_refused_file_says_why(window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    source = tmp_path / "laughs.bpmn"
    source.write_bytes(b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "lol">]><d>&a;</d>')
    seen: list[str] = []

    def read(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text() + box.informativeText())
        box.accept()

    when_modal(qtbot, read, QMessageBox)
    before = len(windows())
    assert bpmn_import_dialog.import_bpmn_file(window, source) is None
    assert len(windows()) == before and seen and "refused" in seen[0]
