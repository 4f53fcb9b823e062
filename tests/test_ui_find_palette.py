"""Finding a step by text, and adding steps from the palette."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtWidgets import QListWidgetItem

from blueprint_app.editing.fragment import search_steps
from blueprint_app.model import LaneKind, StepKind
from blueprint_app.ui.docks.palette import STEP_KIND_MIME, kind_from_mime
from blueprint_app.ui.window.main_window import MainWindow
from tests.ui_support import Dialogs, shown_window, type_text


@pytest.fixture
def window(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, coffee_path: Path
) -> Iterator[MainWindow]:
    Dialogs(monkeypatch)
    with shown_window(qtbot, tmp_path) as window:
        assert window.open_path(coffee_path)
        yield window


def test_ctrl_f_finds_steps_and_enter_steps_through_them(qtbot: Any, window: MainWindow) -> None:
    bar = window.find_bar
    assert not bar.isVisible()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible()
    document = window.session.document
    expected = search_steps(document, "order")
    assert len(expected) >= 2, "the example has several steps about ordering"
    type_text(qtbot, bar.field, "ORDER")
    assert bar.matches == expected and bar.count.text() == f"1 of {len(expected)}"
    assert window.property_panel.item_id == expected[0]
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.property_panel.item_id == expected[1]
    view = window.view
    view.set_zoom(3.0)  # so close that most cards are off screen
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(window.scene.item_for(expected[1]).sceneBoundingRect().center())
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.property_panel.item_id == expected[0]
    type_text(qtbot, bar.field, "zzz-nothing")
    assert bar.count.text() == "no match"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_search_matches_any_case_in_title_description_actor_channel() -> None:
    from blueprint_app.history import Document
    from blueprint_app.model import Step, new_blueprint

    bp = new_blueprint()
    bp.steps = [
        Step(id="a", lane="customer", title="Pay 付款"),
        Step(id="b", lane="customer", actor="Barista"),
        Step(id="c", lane="customer", channel="App", description="order ahead"),
    ]
    document = Document(bp)
    assert search_steps(document, "付款") == ["a"]
    assert search_steps(document, "barista") == ["b"]
    assert search_steps(document, "AHEAD") == ["c"]
    assert search_steps(document, "  ") == []


def test_double_clicking_a_palette_kind_adds_a_step_in_its_lane(
    qtbot: Any, window: MainWindow
) -> None:
    kinds = window.palette_dock.kinds
    items: list[QListWidgetItem] = [kinds.item(i) for i in range(kinds.count())]
    assert [i.data(Qt.ItemDataRole.UserRole) for i in items] == [k.value for k in StepKind]
    evidence = next(i for i in items if i.data(Qt.ItemDataRole.UserRole) == "evidence")
    before = len(window.session.blueprint.steps)
    rect = kinds.visualItemRect(evidence)
    qtbot.mouseClick(kinds.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(kinds.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    steps = window.session.blueprint.steps
    assert len(steps) == before + 1
    added = steps[-1]
    lane = window.session.document.get(added.lane)
    assert added.kind == StepKind.EVIDENCE and lane.kind == LaneKind.PHYSICAL_EVIDENCE  # type: ignore[union-attr]
    others = [s.layout.x for s in steps[:-1] if s.lane == added.lane and s.layout]
    assert added.layout is not None and added.layout.x > max(others)
    assert window.session.history.undo_label == "Add step"
    assert window.property_panel.item_id == added.id


def test_palette_drags_carry_the_step_kind(window: MainWindow) -> None:
    kinds = window.palette_dock.kinds
    data = kinds.mimeData([kinds.item(3)])
    assert kind_from_mime(data) == StepKind.DECISION
    other = QMimeData()
    other.setData(STEP_KIND_MIME, b"teleport")
    assert kind_from_mime(other) is None and kind_from_mime(QMimeData()) is None


def test_a_palette_kind_lands_only_inside_the_lanes_where_a_double_click_would(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One rule for placing a step at a point: inside the lanes, right of their titles."""
    Dialogs(monkeypatch)
    with shown_window(qtbot, tmp_path) as window:
        window.fit_all()
        view, scene, history = window.view, window.scene, window.session.history
        g = scene.content.geometry
        band = g.lanes[1]
        x, y = g.content_left + 200, band.top + 40
        viewport = view.viewport()

        def at(px: float, py: float) -> QPoint:
            return view.mapFromScene(QPointF(px, py))

        outside = [(x, g.lanes[0].top - 10), (x, g.bottom + 10), (g.content_left - 10, y)]
        for px, py in outside:
            window.arm_step_kind("decision")
            qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=at(px, py))
            qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=at(px, py))
            assert window.session.blueprint.steps == [], (px, py)

        window.arm_step_kind("decision")
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=at(x, y))
        qtbot.keyClick(viewport, Qt.Key.Key_Escape)
        (dropped,) = window.session.blueprint.steps
        history.undo()
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=at(x, y))
        qtbot.keyClick(viewport, Qt.Key.Key_Escape)
        (clicked,) = window.session.blueprint.steps
        assert dropped.kind == StepKind.DECISION and clicked.kind == StepKind.ACTION
        assert (dropped.lane, dropped.phase, dropped.layout) == (
            clicked.lane,
            clicked.phase,
            clicked.layout,
        )
        assert dropped.lane == band.id
