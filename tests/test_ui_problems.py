"""The Problems panel in the real window: findings follow edits after a pause, a double-click
selects and centres the offending items, the status bar counts errors and warnings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from blueprint_app.history import edits
from blueprint_app.storage import save
from blueprint_app.ui.docks.problems_panel import DEBOUNCE_MS
from blueprint_app.ui.window.main_window import MainWindow
from blueprint_app.validation import Severity, validate
from tests.ui_support import shown_window


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, coffee_path: Path) -> Iterator[MainWindow]:
    with shown_window(qtbot, tmp_path) as window:
        assert window.open_path(coffee_path)
        yield window


def rules_shown(window: MainWindow) -> list[str]:
    tree = window.problems_panel.tree
    return [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())]


def visible_rect(window: MainWindow) -> Any:
    return window.view.mapToScene(window.view.viewport().rect()).boundingRect()


def test_the_panel_lists_the_findings_of_the_opened_file(window: MainWindow) -> None:
    panel = window.problems_panel
    expected = validate(window.session.blueprint)
    assert panel.findings == expected and len(expected) == 3
    assert rules_shown(window) == ["BP045", "BP051", "BP053"]
    row = panel.tree.topLevelItem(1)
    document = window.session.document
    pos, make = document.step("pos").title, document.step("make").title
    assert row.text(0) == "Info" and row.text(3) == f"{pos} → {make}, {pos}, {make}"  # no ids
    assert not row.icon(0).isNull()
    assert window.problems_panel.counts_label.text() == "3 info"  # not "No problems"
    assert panel.toggleViewAction() in window.menu_actions.view_menu.actions()


def test_typing_waits_for_a_pause_then_the_findings_follow(qtbot: Any, window: MainWindow) -> None:
    panel = window.problems_panel
    window.scene.select_ids(["make"])
    window.property_panel.show_item("make")
    title = window.property_panel.forms["steps"].editor("title").widget
    assert isinstance(title, QLineEdit) and title.text() == "Make the drink"
    runs = panel.runs
    title.selectAll()
    qtbot.keyClick(title, Qt.Key.Key_Delete)  # an empty title: BP005 warning
    assert window.session.document.step("make").title == ""
    assert panel.runs == runs and panel.timer.isActive()  # the keystroke did not validate
    qtbot.waitUntil(lambda: panel.runs == runs + 1, timeout=DEBOUNCE_MS * 10)
    assert "BP005" in rules_shown(window)
    assert panel.counts_label.text() == "0 errors, 1 warning, 3 info"
    assert panel.badges()["make"] is Severity.WARNING


def test_several_edits_in_a_burst_validate_once(qtbot: Any, window: MainWindow) -> None:
    panel = window.problems_panel
    runs = panel.runs
    for text in ("a", "ab", "abc"):
        with window.session.history.transaction("Rename") as tx:
            edits.set_field(tx, edits.BLUEPRINT, "title", text)
    assert panel.runs == runs and panel.timer.isActive()  # waiting for the burst to end
    qtbot.waitUntil(lambda: panel.runs == runs + 1, timeout=DEBOUNCE_MS * 10)
    qtbot.wait(DEBOUNCE_MS * 2)
    assert panel.runs == runs + 1


def test_errors_are_counted_and_double_click_selects_and_centres(
    qtbot: Any, window: MainWindow
) -> None:
    panel = window.problems_panel
    badges: list[dict[str, Severity]] = []
    panel.badges_changed.connect(badges.append)
    window.scene.select_ids(["f10"])
    window.menu_actions["delete"].trigger()  # hand-over no longer reaches the end
    qtbot.waitUntil(lambda: "BP023" in rules_shown(window), timeout=3000)
    by_severity = {s: sum(f.severity is s for f in panel.findings) for s in Severity}
    errors, warnings = by_severity[Severity.ERROR], by_severity[Severity.WARNING]
    assert errors == 1  # BP033: the journey from the start never reaches its end
    assert panel.counts_label.text().startswith("1 error, ")
    assert ("1 warning" if warnings == 1 else f"{warnings} warnings") in panel.counts_label.text()
    assert panel.counts_label.text().endswith(f"{by_severity[Severity.INFO]} info")
    assert badges and badges[-1]["arrive"] is Severity.ERROR
    assert badges[-1]["hand-over"] is Severity.WARNING  # a dead end: BP023

    window.view.set_zoom(3.0)
    far = window.scene.itemsBoundingRect().bottomRight()
    window.view.centerOn(far)
    window.scene.select_ids([])
    row_index = rules_shown(window).index("BP023")
    finding = panel.findings[row_index]
    row = panel.tree.topLevelItem(row_index)
    card_centre = window.scene.item_for(finding.items[0]).sceneBoundingRect().center()
    assert not visible_rect(window).contains(card_centre)
    tree = panel.tree
    tree.scrollToItem(row)
    point = tree.visualItemRect(row).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert set(window.scene.selected_ids()) == set(finding.items)
    assert visible_rect(window).contains(card_centre)  # scrolled to the card
    assert window.property_panel.item_id == finding.items[0] or len(finding.items) > 1


def test_messages_follow_the_interface_language(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = window.problems_panel
    english = [f.message for f in panel.findings]
    runs = panel.runs
    with window.session.history.transaction("Language") as tx:
        edits.set_field(tx, edits.BLUEPRINT, "language", "zh-CN")  # the document's, not the UI's
    qtbot.waitUntil(lambda: panel.runs == runs + 1, timeout=DEBOUNCE_MS * 10)
    assert [f.message for f in panel.findings] == english
    monkeypatch.setenv("BLUEPRINT_LANG", "zh_CN")
    panel.refresh()
    assert any("\u4e00" <= char <= "\u9fff" for char in panel.findings[0].message)


def test_opening_another_file_shows_its_findings_at_once(
    window: MainWindow, tmp_path: Path
) -> None:
    broken = window.session.blueprint.model_copy(
        update={"flows": [f for f in window.session.blueprint.flows if f.id != "f10"]}
    )
    path = tmp_path / "broken.blueprint.json"
    save(broken, path)
    assert window.open_path(path)
    panel = window.problems_panel
    assert panel.findings == validate(broken) and "BP023" in rules_shown(window)
    assert panel.counts_label.text().split(",")[0] == "1 error"


def test_the_blueprints_rule_settings_apply(qtbot: Any, window: MainWindow) -> None:
    panel = window.problems_panel
    with window.session.history.transaction("Rules") as tx:
        edits.set_field(
            tx, edits.BLUEPRINT, "rules", {"BP045": "off", "BP051": "off", "BP053": "error"}
        )
    qtbot.waitUntil(lambda: rules_shown(window) == ["BP053"], timeout=3000)
    assert panel.findings[0].severity is Severity.ERROR
    assert panel.counts_label.text() == "1 error, 0 warnings"


def test_offending_cards_carry_a_mark_that_follows_them(qtbot: Any, window: MainWindow) -> None:
    from blueprint_app.render.marks import SeverityMark

    def marks() -> dict[str, str]:
        return {
            item.item_id: item.severity
            for item in window.scene.items()
            if isinstance(item, SeverityMark)
        }

    window.scene.select_ids(["f10"])
    window.menu_actions["delete"].trigger()  # hand-over no longer reaches the end
    qtbot.waitUntil(lambda: marks().get("hand-over") == "warning", timeout=3000)  # BP023
    card = window.scene.item_for("hand-over")
    [mark] = [i for i in card.childItems() if isinstance(i, SeverityMark)]
    card.moveBy(40, 0)  # as during a drag, before the model changes
    assert mark.scenePos().x() == card.scenePos().x() + 4.0
    window.menu_actions["undo"].trigger()
    qtbot.waitUntil(lambda: marks().get("hand-over") == "info", timeout=3000)  # BP053 only
