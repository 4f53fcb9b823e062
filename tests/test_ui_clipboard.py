"""Copy and paste as blueprint JSON through the real clipboard, within and between windows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication

from blueprint_app.editing.fragment import MIME_TYPE, make_fragment, parse_fragment
from blueprint_app.model import LaneKind
from blueprint_app.ui.window.main_window import MainWindow
from tests.ui_support import Dialogs, shown_window


@pytest.fixture
def two_windows(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, coffee_path: Path
) -> Iterator[tuple[MainWindow, MainWindow]]:
    Dialogs(monkeypatch)
    with shown_window(qtbot, tmp_path) as source, shown_window(qtbot, tmp_path) as target:
        assert source.open_path(coffee_path)
        yield source, target


def chain(window: MainWindow) -> list[str]:
    """Two steps joined by a flow, from the example."""
    flow = window.session.blueprint.flows[0]
    return [flow.source, flow.target]


def test_copy_puts_blueprint_json_and_text_on_the_clipboard(
    two_windows: tuple[MainWindow, MainWindow],
) -> None:
    source, _ = two_windows
    ids = chain(source)
    assert source.edits.copy_ids(ids)
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasFormat(MIME_TYPE) and data.hasText()
    fragment = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
    assert [s["id"] for s in fragment["steps"]] == [
        s.id for s in source.session.blueprint.steps if s.id in ids
    ]
    assert len(fragment["flows"]) >= 1 and all("lane_kind" in s for s in fragment["steps"])
    assert parse_fragment(data.text()) == fragment


def test_paste_into_another_window_renews_ids_and_keeps_lanes(
    two_windows: tuple[MainWindow, MainWindow],
) -> None:
    source, target = two_windows
    ids = chain(source)
    originals = [source.session.document.step(i) for i in ids]
    assert source.edits.copy_ids(ids)
    target.edits.paste()
    pasted = target.session.blueprint.steps
    assert [s.title for s in pasted] == [s.title for s in originals]
    kinds = {lane.id: lane.kind for lane in target.session.blueprint.lanes}
    source_kinds = {lane.id: lane.kind for lane in source.session.blueprint.lanes}
    assert [kinds[s.lane] for s in pasted] == [source_kinds[s.lane] for s in originals]
    assert all(s.phase is None for s in pasted)  # the empty blueprint has no phases
    flow = target.session.blueprint.flows[0]
    assert (flow.source, flow.target) == (pasted[0].id, pasted[1].id)
    assert target.session.history.undo_label == "Paste" and target.isWindowModified()
    target.session.history.undo()
    assert target.session.blueprint.steps == [] and not target.isWindowModified()


def test_paste_in_the_same_window_offsets_the_copies(
    two_windows: tuple[MainWindow, MainWindow],
) -> None:
    source, _ = two_windows
    ids = chain(source)
    before = len(source.session.blueprint.steps)
    assert source.edits.copy_ids(ids)
    source.edits.paste()
    steps = source.session.blueprint.steps
    assert len(steps) == before + 2
    for original_id, copy in zip(ids, steps[before:], strict=True):
        original = source.session.document.step(original_id)
        assert copy.id not in ids and copy.title == original.title
        assert copy.layout and original.layout and copy.layout.x == original.layout.x + 40


def test_pasting_text_that_is_not_a_fragment_changes_nothing(
    two_windows: tuple[MainWindow, MainWindow],
) -> None:
    _, target = two_windows
    for text in (  # other text is lines of steps (issue 19.2: tests/test_ui_cell_paste.py)
        "{}",
        '{"format": "service-blueprint-fragment", "steps": 3}',
        '{"format": "service-blueprint-fragment", "steps": [{"lane": "x", "emotion": 9}]}',
    ):
        QGuiApplication.clipboard().setText(text)
        target.edits.paste()
        assert target.session.blueprint.steps == [] and not target.session.history.entries
    assert target.statusBar().currentMessage().startswith("Cannot paste: 1 validation error")


def test_a_fragment_remembers_the_lane_kind_of_each_step(coffee_path: Path) -> None:
    from blueprint_app.history import Document
    from blueprint_app.storage import load

    document = Document(load(coffee_path))
    evidence = next(
        s
        for s in document.blueprint.steps
        if document.get(s.lane).kind == LaneKind.PHYSICAL_EVIDENCE
    )  # type: ignore[union-attr]
    fragment = make_fragment(document, [evidence.id, "no-such-id"])
    assert [s["lane_kind"] for s in fragment["steps"]] == ["physical_evidence"]
    assert fragment["flows"] == []
