"""File ▸ Compare With and the Conflicts panel in the real window: the list of changes follows
the editing, its marks sit on the canvas in the picture's colours, a click selects; each conflict
resolves as one undoable edit and the list leaves the document with its last entry."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from blueprint_app.history import edits
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.render.change_marks import GhostCard, OutlineMark
from blueprint_app.render.scene_builder import laid_out_copy
from blueprint_app.storage import load, save
from blueprint_app.ui.docks.compare_panel import DEBOUNCE_MS
from blueprint_app.ui.window.main_window import MainWindow
from blueprint_app.versions.merge import merge
from tests.ui_support import Dialogs, shown_window
from tests.versions_support import copy, sample, step


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "stay.blueprint.json"
    save(laid_out_copy(sample()), path)  # as the editor saves it: every card placed
    with shown_window(qtbot, tmp_path) as window:
        assert window.open_path(path)
        yield window


def rows(tree: Any) -> list[str]:
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def marks(window: MainWindow) -> dict[str, str]:
    found = {}
    for item in window.scene.items():
        if isinstance(item, OutlineMark | GhostCard):
            found[item.item_id] = item.status
    return found


def test_compare_with_the_saved_version_lists_changes_and_marks_the_canvas(
    window: MainWindow, qtbot: Any
) -> None:
    window.menu_actions["compare_saved"].trigger()
    panel = window.compare_panel
    assert panel.isVisible()
    assert rows(panel.tree) == []
    with window.session.history.transaction("Rename") as tx:
        edits.set_field(tx, "s2", "title", "Checks in online")
        edits.delete_items(tx, ["b1"])
    qtbot.waitUntil(lambda: len(rows(panel.tree)) > 0, timeout=DEBOUNCE_MS * 10)
    shown = rows(panel.tree)
    assert "Step “Checks in online”: title changed from “Checks in” to “Checks in online”" in shown
    assert "Step “Prepares the room” removed" in shown
    assert marks(window) == {"s2": "changed", "b1": "removed"}
    changed_row = panel.tree.topLevelItem(
        shown.index(next(t for t in shown if "title changed" in t))
    )
    panel.tree.itemClicked.emit(changed_row, 0)
    assert window.selected_ids() == ["s2"]
    window.session.history.undo()
    qtbot.waitUntil(lambda: rows(panel.tree) == [], timeout=DEBOUNCE_MS * 10)
    assert marks(window) == {}
    window.menu_actions["stop_comparing"].trigger()
    assert not panel.isVisible()


def test_compare_with_another_file_in_chinese_words(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BLUEPRINT_LANG", "zh_CN")
    other = copy(window.session.blueprint)
    step(other, "s1").title = "Runs in"
    save(other, tmp_path / "other.blueprint.json")
    answers = Dialogs(monkeypatch)
    answers.open_paths.append(tmp_path / "other.blueprint.json")
    window.menu_actions["compare_file"].trigger()
    assert rows(window.compare_panel.tree) == ["步骤“Walks in”：标题由 “Runs in” 改为 “Walks in”"]
    assert marks(window) == {"s1": "changed"}


def _conflicted(tmp_path: Path) -> Path:
    base = laid_out_copy(sample())
    ours, theirs = copy(base), copy(base)
    step(ours, "s2").title, step(theirs, "s2").title = "Ours", "Theirs"
    step(ours, "s3").standard, step(theirs, "s3").standard = "Quiet", "Very quiet"
    ours.steps = [s for s in ours.steps if s.id != "b1"]
    ours.flows = [f for f in ours.flows if f.source != "b1"]
    step(theirs, "b1").title = "Prepares the suite"
    path = tmp_path / "merged.blueprint.json"
    save(merge(base, ours, theirs).blueprint, path)
    return path


def test_the_conflicts_panel_resolves_each_conflict_undoably(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _conflicted(tmp_path)
    with shown_window(qtbot, tmp_path) as window:
        assert window.open_path(path)
        panel = window.conflicts_panel
        assert panel.isVisible()
        assert len(rows(panel.tree)) == 3
        assert rows(panel.tree)[0].startswith(
            "Conflict: Step “Ours”, title: ours “Ours”, theirs “Theirs”"
        )
        panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
        qtbot.mouseClick(panel.theirs_button, Qt.MouseButton.LeftButton)
        blueprint: Blueprint = window.session.blueprint
        assert step(blueprint, "s2").title == "Theirs"
        assert len(blueprint.conflicts) == 2
        window.session.history.undo()
        assert step(blueprint, "s2").title == "Ours" and len(blueprint.conflicts) == 3
        window.session.history.redo()
        monkeypatch.setattr(
            "PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: ("Silent", True)
        )
        panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
        qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
        assert step(blueprint, "s3").standard == "Silent"
        panel.tree.setCurrentItem(
            panel.tree.topLevelItem(0)
        )  # b1: deleted by ours, edited by theirs
        qtbot.mouseClick(panel.theirs_button, Qt.MouseButton.LeftButton)
        assert step(blueprint, "b1").title == "Prepares the suite"
        assert blueprint.conflicts == []
        assert rows(panel.tree) == []
        window.save()
        assert "conflicts" not in path.read_text(encoding="utf-8")
        assert load(path).conflicts == []


def test_deleting_a_card_with_a_validation_mark_then_revalidating_is_no_error(
    window: MainWindow, qtbot: Any
) -> None:
    """A card's validation mark is its child and goes with it (the next run's marks once
    touched the deleted mark: "Internal C++ object already deleted")."""
    qtbot.wait(DEBOUNCE_MS * 2)
    assert "b1" in window.problems_panel.badges()
    with window.session.history.transaction("Delete") as tx:
        edits.delete_items(tx, ["b1"])
    with qtbot.captureExceptions() as caught:
        qtbot.waitUntil(lambda: "b1" not in window.problems_panel.badges(), timeout=3000)
        qtbot.wait(DEBOUNCE_MS)
    assert caught == []


def test_the_panels_have_no_tab_until_they_have_something_to_show(
    window: MainWindow, qtbot: Any
) -> None:
    from PySide6.QtWidgets import QTabBar

    def tabs() -> list[str]:
        return [
            bar.tabText(i)
            for bar in window.findChildren(QTabBar)
            if bar.isVisible()
            for i in range(bar.count())
        ]

    assert "Changes" not in tabs() and "Conflicts" not in tabs()
    window.menu_actions["compare_saved"].trigger()
    qtbot.waitUntil(lambda: "Changes" in tabs())
    assert "Conflicts" not in tabs()
