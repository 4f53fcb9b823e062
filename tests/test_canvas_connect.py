"""Connecting by mouse: the blue handle always starts a new arrow, even where an arrow already
leaves it, and a drag that connects nothing says why (issue 17.2)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot

from blueprint_app.analysis import geometry as geo
from blueprint_app.editing.session import Session
from blueprint_app.model import new_blueprint
from blueprint_app.model.blueprint import Phase, Step, StepLayout
from blueprint_app.ui.window.main_window import MainWindow
from tests.canvas_support import drag, open_canvas
from tests.ui_support import Dialogs, shown_window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    Dialogs(monkeypatch)
    with shown_window(qtbot, tmp_path) as window:
        yield window


def _three_steps():
    blueprint = new_blueprint("Connect")
    blueprint.phases = [Phase(id="p", title="Phase")]
    blueprint.steps = [
        Step(id=sid, lane="customer", phase="p", title=title, layout=StepLayout(x=x, row=0))
        for sid, title, x in (("a", "Arrive", 0), ("b", "Check in", 200), ("c", "Pay", 400))
    ]
    blueprint.steps.append(
        Step(id="d", lane="frontstage", phase="p", title="Greet", layout=StepLayout(x=200, row=0))
    )
    return blueprint


def _handle(scene, step_id: str) -> tuple[float, float]:
    card = scene.item_for(step_id)
    point = card.mapToScene(card.handle_pos())
    return point.x(), point.y()


def _centre(scene, step_id: str) -> tuple[float, float]:
    pos = scene.item_for(step_id).pos()
    return pos.x() + geo.CARD_W / 2, pos.y() + geo.CARD_H / 2


def _flows(scene) -> list[tuple[str, str]]:
    return [(f.source, f.target) for f in scene.document.blueprint.flows]


def test_a_second_arrow_starts_from_the_handle_an_arrow_already_leaves(qtbot: QtBot) -> None:
    scene, view = open_canvas(qtbot, _three_steps())
    drag(qtbot, view, _handle(scene, "a"), _centre(scene, "b"))
    assert _flows(scene) == [("a", "b")]
    first = scene.document.blueprint.flows[0].id
    assert scene.selected_ids() == [first]  # the new arrow is selected, its end on the handle
    drag(qtbot, view, _handle(scene, "a"), _centre(scene, "c"))
    assert _flows(scene) == [("a", "b"), ("a", "c")]  # the old arrow kept both its ends
    drag(qtbot, view, _handle(scene, "a"), _centre(scene, "d"))
    assert _flows(scene) == [("a", "b"), ("a", "c"), ("a", "d")]
    assert len(scene.history.entries) == 3  # one undo step per arrow


def test_a_drag_that_connects_nothing_says_why(qtbot: QtBot) -> None:
    scene, view = open_canvas(qtbot, _three_steps())
    told: list[str] = []
    scene.told.connect(told.append)
    band = scene.content.geometry.lane("backstage")
    empty = (300.0, band.top + band.height / 2)
    drag(qtbot, view, _handle(scene, "a"), empty)
    assert _flows(scene) == [] and len(told) == 1
    assert "another step" in told[0]
    drag(qtbot, view, _handle(scene, "a"), _centre(scene, "b"))
    drag(qtbot, view, _handle(scene, "a"), _centre(scene, "b"))
    assert _flows(scene) == [("a", "b")]  # no second, identical arrow
    assert "already leads to" in told[-1] and "Check in" in told[-1]


def test_the_window_shows_why_in_the_status_bar(qtbot: QtBot, window: MainWindow) -> None:
    window.open_session(Session(_three_steps()))
    scene, view = window.scene, window.view
    view.keep_view()
    view.set_zoom(1.0)
    view.centerOn(QPointF(*_centre(scene, "b")))
    band = scene.content.geometry.lane("support")
    drag(qtbot, view, _handle(scene, "a"), (300.0, band.top + band.height / 2))
    assert "Not connected" in window.statusBar().currentMessage()
