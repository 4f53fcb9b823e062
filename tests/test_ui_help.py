"""What explains the canvas: a tooltip on every badge and validation mark, View ▸ Legend (the
exports' legend), Help ▸ Quick Guide and Help ▸ Keyboard Shortcuts read from the actions
(issue 17.5); View ▸ Reset Layout and a canvas no saved layout can crush (issue 17.7)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsSceneHelpEvent,
    QGraphicsView,
    QTableWidget,
    QTextBrowser,
    QToolTip,
)

from blueprint_app.editing.session import Session
from blueprint_app.model import StepKind, new_blueprint
from blueprint_app.model.blueprint import Metric, Phase, Step, StepLayout
from blueprint_app.pictures.decor import LegendItem
from blueprint_app.render import painting
from blueprint_app.ui.window.main_window import MIN_CANVAS, MainWindow
from tests.ui_support import Dialogs, activate, shown_window


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    Dialogs(monkeypatch)
    with shown_window(qtbot, tmp_path) as window:
        yield window


def _everything() -> Session:
    blueprint = new_blueprint("Badges")
    blueprint.phases = [Phase(id="p", title="Phase")]
    blueprint.steps = [
        Step(
            id="all",
            lane="customer",
            phase="p",
            kind=StepKind.WAIT,
            title="Wait for the room",
            fail_point=True,
            moment_of_truth=True,
            emotion=-1,
            policy="Rooms are ready by 3 pm",
            metrics=[Metric(name="NPS", value=40)],
            layout=StepLayout(x=0, row=0),
        )
    ]
    return Session(blueprint)


def _tooltip(qtbot: Any, window: MainWindow, point: QPointF) -> str:
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    event = QGraphicsSceneHelpEvent(QEvent.Type.GraphicsSceneHelp)
    event.setScenePos(point)
    event.setScreenPos(window.view.mapToGlobal(window.view.mapFromScene(point)))
    window.scene.helpEvent(event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_every_badge_and_the_validation_mark_explain_themselves(qtbot: Any, window) -> None:
    window.open_session(_everything())
    card = window.scene.item_for("all")
    step = window.session.document.step("all")
    names = painting.badges(step)
    assert set(names) == {"fail", "moment", "wait", "emotion", "policy", "metrics"}
    tips = {}
    centres = painting.badge_centres(card.card_rect(), len(names))
    for name, centre in zip(names, centres, strict=True):
        tips[name] = _tooltip(qtbot, window, card.mapToScene(centre))
    assert "Fail point" in tips["fail"] and "Moment of truth" in tips["moment"]
    assert "Wait" in tips["wait"] and "1" in tips["emotion"]
    assert "3 pm" in tips["policy"] and "NPS" in tips["metrics"]
    assert len(set(tips.values())) == len(tips)  # each says its own thing
    window.problems_panel.refresh()
    qtbot.waitUntil(lambda: bool(window.scene.mark_messages))
    marks = [c for c in card.childItems() if type(c).__name__ == "SeverityMark"]
    assert marks, "the lone step has findings (no start, no end)"
    tip = _tooltip(qtbot, window, marks[0].scenePos())
    assert "checks" in tip and "Problems" in tip
    messages = window.scene.mark_messages["all"]
    assert any(message.split("&")[0][:20] in tip for message in messages)


def test_view_legend_shows_the_exports_legend_with_every_entry(qtbot: Any, window) -> None:
    window.menu_actions["legend"].trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "LegendDialog")
    qtbot.waitExposed(dialog)
    view = dialog.findChild(QGraphicsView)
    legend = next(i for i in view.scene().items() if isinstance(i, LegendItem))
    texts = {placed.text for placed in legend.placed}
    for word in ("Fail point", "Moment of truth", "Error", "Policy", "Metrics", "Two-way"):
        assert any(word.lower() in text.lower() for text in texts), word
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(legend.sceneBoundingRect().adjusted(2, 2, -2, -2))  # no scrolling
    dialog.close()


def test_the_shortcut_list_is_read_from_the_actions(qtbot: Any, window) -> None:
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: any(w.objectName() == "ShortcutsDialog" for w in QApplication.topLevelWidgets())
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "ShortcutsDialog")
    table = dialog.findChild(QTableWidget)
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    with_keys = [a for a in window.menu_actions.by_name.values() if a.shortcuts()]
    assert table.rowCount() == len(with_keys) >= 20
    assert "Ctrl+Shift+L" in rows["Arrange"] and "Ctrl+E" in rows["Export"]
    window.menu_actions["arrange"].setShortcut("Ctrl+Alt+A")  # changed keys show as they are
    assert ("Arrange", "Ctrl+Alt+A") in window.menu_actions.shortcut_rows()
    dialog.close()


def test_the_quick_guide_opens_on_f1(qtbot: Any, window) -> None:
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(
        lambda: any(w.objectName() == "GuideDialog" for w in QApplication.topLevelWidgets())
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "GuideDialog")
    text = dialog.findChild(QTextBrowser).toPlainText()
    assert "double-click" in text.lower() and "handle" in text and "Legend" in text
    dialog.close()


def test_a_crushed_layout_is_never_restored_and_reset_layout_undoes_one(
    qtbot: Any, window: MainWindow
) -> None:
    window.resizeDocks([window.property_panel], [5000], Qt.Orientation.Horizontal)
    window.resizeDocks([window.problems_panel], [5000], Qt.Orientation.Vertical)
    qtbot.wait(20)
    assert window.view.width() >= MIN_CANVAS[0] and window.view.height() >= MIN_CANVAS[1]
    window.close()
    again = MainWindow()
    try:
        again.show()
        qtbot.waitExposed(again)
        qtbot.wait(20)
        assert again.view.width() >= MIN_CANVAS[0] and again.view.height() >= MIN_CANVAS[1]
        again.property_panel.setFloating(True)
        again.problems_panel.hide()
        again.menu_actions["reset_layout"].trigger()
        qtbot.wait(20)
        assert not again.property_panel.isFloating() and again.problems_panel.isVisible()
        area = again.dockWidgetArea(again.property_panel)
        assert area == Qt.DockWidgetArea.RightDockWidgetArea
        assert again.property_panel.width() <= 400 and again.view.width() >= MIN_CANVAS[0]
    finally:
        again.session.history.set_clean()
        again.close()


def test_at_1600_by_1000_the_common_step_fields_and_all_lanes_show_without_scrolling(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    window.reset_layout()
    window.resize(1600, 1000)
    window.open_session(_everything())
    window.scene.select_ids(["all"])
    qtbot.wait(50)
    form = window.property_panel.forms["steps"]
    scroll = window.property_panel.widget()
    shown = scroll.viewport().rect()
    for field in ("title", "kind", "lane", "phase", "standard", "moment_of_truth", "fail_point"):
        widget = form.editor(field).widget
        top_left = widget.mapTo(scroll.viewport(), widget.rect().topLeft())
        bottom = widget.mapTo(scroll.viewport(), widget.rect().bottomLeft())
        assert shown.contains(top_left) and shown.contains(bottom), field
    emotion = form.editor("emotion").widget
    assert shown.contains(emotion.mapTo(scroll.viewport(), emotion.rect().bottomLeft()))
    assert "id" not in [e.field for e in form.editors[:10]]  # the internal id waits in Details
    lanes = window.structure_panel.lanes.list
    last = lanes.visualItemRect(lanes.item(lanes.count() - 1))
    assert lanes.count() == 5 and lanes.viewport().rect().contains(last)


def test_no_key_belongs_to_two_actions(window: MainWindow) -> None:
    seen: dict[str, str] = {}
    for name, action in window.menu_actions.by_name.items():
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text} is {seen.get(text)}'s and {name}'s"
            seen[text] = name
