"""The status bar names the customer's journey the spec and the checker name: the same steps and
total, in human units; it follows edits after the Problems panel's pause; a click selects it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from blueprint_app.analysis.process import Process
from blueprint_app.export.formats import export_bytes
from blueprint_app.history import edits
from blueprint_app.model.durations import format_minutes
from blueprint_app.storage import load
from blueprint_app.ui.window.main_window import MainWindow
from tests.ui_support import shown_window

HOTEL = Path(__file__).parent.parent / "resources" / "examples" / "hotel-stay.blueprint.json"


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "hotel.blueprint.json"
    shutil.copy(HOTEL, path)
    with shown_window(qtbot, tmp_path) as window:
        assert window.open_path(path)
        yield window


def test_the_status_bar_times_the_journey_the_spec_times(window: MainWindow) -> None:
    blueprint = load(HOTEL)
    journey = Process(blueprint).journey
    assert journey is not None and journey.total_minutes > 0
    total = format_minutes(journey.total_minutes, "en")
    text = window.journey_status.button.text()
    assert text.startswith(f"Journey {total}")
    assert blueprint.target_minutes is not None
    assert format_minutes(blueprint.target_minutes, "en") in text
    spec = export_bytes(blueprint, "md").decode("utf-8")
    assert total in spec  # the same total, in the same words, in the written spec
    assert window.journey_status.path == journey.path


def test_a_click_selects_the_journey_on_the_canvas(qtbot: Any, window: MainWindow) -> None:
    qtbot.mouseClick(window.journey_status.button, Qt.MouseButton.LeftButton)
    assert set(window.scene.selected_ids()) == set(window.journey_status.path)


def test_a_longer_step_lengthens_the_journey_after_the_pause(
    qtbot: Any, window: MainWindow
) -> None:
    path = window.journey_status.path
    first = path[0]
    before = Process(window.session.blueprint).journey
    assert before is not None
    with window.session.history.transaction("Slower") as tx:
        old = window.session.document.step(first).duration_minutes or 0
        edits.set_field(tx, first, "duration_minutes", old + 2 * 24 * 60)
    expected = format_minutes(before.total_minutes + 2 * 24 * 60, "en")
    qtbot.waitUntil(lambda: expected in window.journey_status.button.text(), timeout=5000)
    assert "over the" in window.journey_status.button.text()


def test_no_journey_says_so_and_selects_nothing(qtbot: Any, window: MainWindow) -> None:
    with window.session.history.transaction("No flows") as tx:
        edits.delete_items(tx, [flow.id for flow in window.session.blueprint.flows])
    qtbot.waitUntil(
        lambda: window.journey_status.button.text() == "No customer journey", timeout=5000
    )
    assert not window.journey_status.button.isEnabled()
    assert window.journey_status.path == ()


def test_a_hostile_title_stays_text_in_the_tooltip(qtbot: Any, window: MainWindow) -> None:
    first = window.journey_status.path[0]
    with window.session.history.transaction("Hostile") as tx:
        edits.set_field(tx, first, "title", '<b>bold</b> & <a href="x">link</a>')
    qtbot.waitUntil(lambda: "&lt;b&gt;" in window.journey_status.button.toolTip(), timeout=5000)
    assert "<b>bold" not in window.journey_status.button.toolTip()
