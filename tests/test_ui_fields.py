"""Format 2's step fields in the Properties dock, driven like a user: the Customer-independent
checkbox, Tolerance, the collapsible group with Policy, Cost and the Metrics table, and the
blueprint's Currency. Each edit is one undo step, and the card on the canvas follows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QPlainTextEdit, QTableWidget

from blueprint_app.analysis import geometry as geo
from blueprint_app.model import Metric
from blueprint_app.render import painting
from blueprint_app.storage import dumps
from blueprint_app.ui.docks.field_editors import MetricsEditor
from blueprint_app.ui.window.main_window import MainWindow
from tests.conftest import ODD_TEXT
from tests.ui_support import Dialogs, shown_window, type_text


@pytest.fixture
def window(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, coffee_path: Path
) -> Iterator[MainWindow]:
    Dialogs(monkeypatch)
    with shown_window(qtbot, tmp_path) as window:
        assert window.open_path(coffee_path)
        window.scene.select_ids(["make"])  # a backstage step, as on the canvas
        assert window.property_panel.item_id == "make"
        yield window


def editor(window: MainWindow, field: str, form: str = "steps") -> Any:
    return window.property_panel.forms[form].editor(field)


def open_editor(table: QTableWidget) -> QLineEdit | None:
    """The cell editor open in the table (closed ones linger until Qt deletes them)."""
    index = table.currentIndex()
    if not table.isPersistentEditorOpen(index) and table.state() != table.State.EditingState:
        return None
    found = table.indexWidget(index) or QApplication.focusWidget()
    return found if isinstance(found, QLineEdit) else None


def type_in_cell(qtbot: Any, table: QTableWidget, row: int, column: int, text: str) -> None:
    """Open the cell's editor as a double-click does, type over its text, press Return."""
    item = table.item(row, column)
    assert item is not None
    table.setCurrentItem(item)
    table.editItem(item)
    line = open_editor(table)
    assert line is not None
    line.selectAll()
    type_text(qtbot, line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate writes the cell back in a queued call


def test_the_checkbox_marks_the_card_and_draws_the_line(qtbot: Any, window: MainWindow) -> None:
    session = window.session
    box = editor(window, "customer_independent").widget
    assert isinstance(box, QCheckBox) and not box.isChecked()
    assert "order penetration" in box.toolTip()  # the plain-words explanation
    assert window.scene.content.order_lines == {}
    box.click()
    assert session.document.step("make").customer_independent
    assert session.history.undo_label == "Change customer-independent of “Make the drink”"
    assert "order penetration" in box.toolTip()  # showing the new value kept the explanation
    window.scene.flush()
    # "make" is in row 0 and "remake" (customer-induced) in row 1: no row to draw a line under
    assert window.scene.content.order_lines == {}
    card = window.scene.content.cards["make"]
    tip = window.scene.tooltip_at(card.mapToScene(QPointF(geo.CARD_W / 2, geo.CARD_H - 6)))
    assert "Customer-independent work" in tip
    session.history.undo()
    assert not box.isChecked() and not session.document.step("make").customer_independent


def test_tolerance_sits_under_target_and_is_one_undo_step(qtbot: Any, window: MainWindow) -> None:
    form = window.property_panel.forms["steps"]
    fields = [e.field for e in form.editors]
    assert fields.index("tolerance_minutes") == fields.index("target_minutes") + 1
    line = editor(window, "tolerance_minutes").widget
    assert type(line) is type(editor(window, "target_minutes").widget)  # the same editor kind
    type_text(qtbot, line, "4,5")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert window.session.document.step("make").tolerance_minutes == 4.5
    assert len(window.session.history.entries) == 1


def test_the_group_opens_and_counts_what_is_set(qtbot: Any, window: MainWindow) -> None:
    more = window.property_panel.forms["steps"].more
    assert more is not None and not more.body.isVisibleTo(window)  # closed: the panel stays short
    assert "(" not in more.toggle.text()
    qtbot.mouseClick(more.toggle, Qt.MouseButton.LeftButton)
    assert more.body.isVisibleTo(window)
    policy = editor(window, "policy").widget
    assert isinstance(policy, QPlainTextEdit)
    policy.setFocus()
    type_text(qtbot, policy, ODD_TEXT.replace("\n", " "))
    cost = editor(window, "cost").widget
    cost.setFocus()  # the policy's run of keystrokes ends here
    type_text(qtbot, cost, "2.50")
    type_text(qtbot, cost, "x")  # refused, marked, the stored cost stays
    step = window.session.document.step("make")
    assert step.policy == ODD_TEXT.replace("\n", " ") and step.cost == 2.5
    assert editor(window, "cost").problem and "border" in cost.styleSheet()
    assert [e.label for e in window.session.history.entries] == [
        "Change policy of “Make the drink”",
        "Change cost of “Make the drink”",
    ]
    window.scene.select_ids(["remake"])
    window.scene.select_ids(["make"])
    assert more.toggle.text().endswith("(2)") and more.body.isVisibleTo(window)  # stays open
    assert "policy" in painting.badges(window.session.document.step("make"))


def test_metrics_table_rows_are_added_typed_removed_and_undone(
    qtbot: Any, window: MainWindow
) -> None:
    session = window.session
    start = dumps(session.blueprint)
    metrics = editor(window, "metrics")
    assert isinstance(metrics, MetricsEditor)
    table = metrics.table
    qtbot.mouseClick(window.property_panel.forms["steps"].more.toggle, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(metrics.add_button, Qt.MouseButton.LeftButton)
    assert table.rowCount() == 1 and session.document.step("make").metrics == [
        Metric(name="New metric")
    ]
    line = open_editor(table)  # the new row's name is open for typing
    assert line is not None and line.text() == "New metric"
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    type_in_cell(qtbot, table, 0, 0, 'Remakes 返工 <&"> 🎉')
    type_in_cell(qtbot, table, 0, 1, "3")
    type_in_cell(qtbot, table, 0, 2, "1,5")
    type_in_cell(qtbot, table, 0, 3, "per day")
    assert session.document.step("make").metrics == [
        Metric(name='Remakes 返工 <&"> 🎉', value=3, target=1.5, unit="per day")
    ]
    assert len(session.history.entries) == 5  # add, then one per cell
    type_in_cell(qtbot, table, 0, 1, "lots")  # not a number: marked, not stored
    assert metrics.problem and session.document.step("make").metrics[0].value == 3
    assert len(session.history.entries) == 5
    qtbot.mouseClick(metrics.add_button, Qt.MouseButton.LeftButton)  # from the stored rows
    line = open_editor(table)
    assert line is not None
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    assert [m.name for m in session.document.step("make").metrics][1] == "New metric"
    assert "metrics" in painting.badges(session.document.step("make"))
    card = window.scene.content.cards["make"]
    names = painting.badges(session.document.step("make"))
    centre = painting.badge_centres(card.card_rect(), len(names))[names.index("metrics")]
    assert 'Remakes 返工 <&"> 🎉: 3 per day (target value 1.5 per day)' in (
        window.scene.tooltip_at(card.mapToScene(centre))
    )
    table.selectRow(0)
    qtbot.mouseClick(metrics.remove_button, Qt.MouseButton.LeftButton)
    assert [m.name for m in session.document.step("make").metrics] == ["New metric"]
    assert table.rowCount() == 1
    session.history.undo()  # the removal
    assert table.rowCount() == 2 and table.item(0, 0).text() == 'Remakes 返工 <&"> 🎉'
    while session.history.can_undo:
        session.history.undo()
    assert dumps(session.blueprint) == start and table.rowCount() == 0
    assert "metrics" not in painting.badges(session.document.step("make"))


def test_currency_is_on_the_blueprint_form(qtbot: Any, window: MainWindow) -> None:
    window.scene.select_ids([])
    assert window.property_panel.stack.currentWidget() is window.property_panel.forms["blueprint"]
    currency = editor(window, "currency", "blueprint").widget
    type_text(qtbot, currency, "¥")
    assert window.session.blueprint.currency == "¥"


def test_several_selected_steps_show_the_summary_and_write_nothing(window: MainWindow) -> None:
    before = dumps(window.session.blueprint)
    window.scene.select_ids(["make", "remake"])
    panel = window.property_panel
    assert panel.stack.currentWidget() is panel.summary
    editor(window, "customer_independent").widget.click()  # a hidden form writes nothing
    assert dumps(window.session.blueprint) == before
