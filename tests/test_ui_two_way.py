"""Making a flow two-way and giving it a channel in the editor: the Properties dock and the
canvas's context menu, each change one undo step, and the canvas draws what the model says."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtWidgets import QCheckBox, QGraphicsSceneHelpEvent, QLineEdit, QToolTip

from blueprint_app.history import edits
from blueprint_app.model import Flow
from blueprint_app.render.items import FlowItem
from blueprint_app.storage import load
from blueprint_app.ui.window.context_menu import build_menu
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


def shown_flow(window: MainWindow) -> Flow:
    """The example's first flow, selected on the canvas so the Properties dock shows it."""
    flow = window.session.blueprint.flows[0]
    window.scene.select_ids([flow.id])
    assert window.property_panel.item_id == flow.id
    return flow


def model(window: MainWindow, flow_id: str) -> Flow:
    found = window.session.document.get(flow_id)
    assert isinstance(found, Flow)
    return found


def heads(window: MainWindow, flow_id: str) -> int:
    """How many arrow heads the canvas's item of the flow draws, once the scene caught up."""
    window.scene.flush()
    item = window.scene.item_for(flow_id)
    assert isinstance(item, FlowItem)
    return len(item.heads(model(window, flow_id)))


def test_the_properties_dock_makes_a_flow_two_way_and_names_its_channel(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    flow = shown_flow(window)
    form = window.property_panel.forms["flows"]
    check, channel = form.editor("two_way").widget, form.editor("channel").widget
    assert isinstance(check, QCheckBox) and isinstance(channel, QLineEdit)
    assert check.text() == "Two-way interaction" and not check.isChecked()
    assert heads(window, flow.id) == 1
    history = window.session.history
    before = len(history.entries)

    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert check.isChecked() and model(window, flow.id).two_way is True
    assert history.undo_label.startswith("Change two-way interaction of “")
    assert heads(window, flow.id) == 2

    qtbot.mouseClick(channel, Qt.MouseButton.LeftButton)
    type_text(qtbot, channel, "电话 <phone>")
    assert model(window, flow.id).channel == "电话 <phone>"
    assert len(history.entries) == before + 2  # the typing is one step
    assert history.undo_label.startswith("Change channel of “")
    item = window.scene.item_for(flow.id)
    assert isinstance(item, FlowItem) and item.label_item is not None
    assert not item.label_item.boundingRect().isEmpty()

    path = tmp_path / "two-way.blueprint.json"  # and the file keeps both
    window.session.save(path)
    again = next(f for f in load(path).flows if f.id == flow.id)
    assert again.two_way is True and again.channel == "电话 <phone>"

    history.undo()
    assert model(window, flow.id).channel == "" and channel.text() == ""
    history.undo()
    assert model(window, flow.id).two_way is False and not check.isChecked()
    assert heads(window, flow.id) == 1
    history.redo()
    history.redo()
    assert model(window, flow.id).two_way is True and check.isChecked()
    assert channel.text() == "电话 <phone>" and heads(window, flow.id) == 2


def test_the_context_menu_toggles_two_way_for_the_selected_flows(window: MainWindow) -> None:
    session = window.session
    flows = [f.id for f in session.blueprint.flows[:2]]
    window.scene.select_ids(flows)
    assert window.property_panel.item_id is None  # several items: the dock shows a summary

    def action() -> Any:
        menu = build_menu(window, QPointF(-10_000, -10_000))  # empty canvas: keeps the selection
        return next(a for a in menu.actions() if a.text() == "Two-way interaction")

    first = action()
    assert first.isCheckable() and not first.isChecked()
    first.trigger()
    assert all(model(window, f).two_way for f in flows)
    assert session.history.undo_label == "Change two-way interaction"
    assert [heads(window, f) for f in flows] == [2, 2]
    again = action()
    assert again.isChecked()
    again.trigger()
    assert not any(model(window, f).two_way for f in flows)
    session.history.undo()  # one step made both two-way again
    assert all(model(window, f).two_way for f in flows)
    window.scene.select_ids([session.blueprint.steps[0].id])
    menu = build_menu(window, QPointF(-10_000, -10_000))
    assert "Two-way interaction" not in [a.text() for a in menu.actions()]  # steps only


def longest_segment(item: FlowItem) -> tuple[tuple[float, float], tuple[float, float]]:
    return max(
        itertools.pairwise(item.points),
        key=lambda s: abs(s[1][0] - s[0][0]) + abs(s[1][1] - s[0][1]),
    )


def test_hovering_a_flow_or_its_label_shows_its_tooltip(qtbot: Any, window: MainWindow) -> None:
    def length(item: FlowItem) -> float:
        (x1, y1), (x2, y2) = longest_segment(item)
        return abs(x2 - x1) + abs(y2 - y1)

    items = [window.scene.item_for(f.id) for f in window.session.blueprint.flows]
    item = max((i for i in items if isinstance(i, FlowItem)), key=length)  # clear of the cards
    flow = model(window, item.flow_id)
    with window.session.history.transaction("Two-way") as tx:
        edits.set_field(tx, flow.id, "two_way", True)
        edits.set_field(tx, flow.id, "channel", "电话 " + "very long channel " * 10)
    window.scene.flush()

    def tooltip_at(point: QPointF) -> str:
        QToolTip.hideText()  # hides after a short fade: wait, so a shown tip is a new one
        qtbot.waitUntil(lambda: not QToolTip.isVisible())
        event = QGraphicsSceneHelpEvent(QEvent.Type.GraphicsSceneHelp)
        event.setScenePos(point)
        event.setScreenPos(window.view.mapToGlobal(window.view.mapFromScene(point)))
        window.scene.helpEvent(event)
        return QToolTip.text() if QToolTip.isVisible() else ""

    (x1, y1), (x2, y2) = longest_segment(item)
    on_the_line = tooltip_at(QPointF((x1 + x2) / 2, (y1 + y2) / 2))
    assert "Two-way interaction" in on_the_line and "very long channel " * 10 in on_the_line
    assert item.label_item is not None
    assert tooltip_at(item.label_item.sceneBoundingRect().center()) == on_the_line
    card = window.scene.item_for(flow.source)
    assert card is not None
    over_card = tooltip_at(card.sceneBoundingRect().center())  # the card's own tooltip, if any
    assert "Two-way interaction" not in over_card and "very long channel" not in over_card
