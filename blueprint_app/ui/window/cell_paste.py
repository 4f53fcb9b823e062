"""Spreadsheet cells pasted on the canvas: a layered grid, or lines of steps (issue 19.2).

The Qt-free part (reading the cells, recognising a grid, making the steps) is
:mod:`blueprint_app.editing.spreadsheet`; this reads the clipboard and the lane under the mouse.
"""

from __future__ import annotations

from typing import Protocol

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QStatusBar

from blueprint_app.canvas.scene import BlueprintScene
from blueprint_app.canvas.view import BlueprintView
from blueprint_app.editing import spreadsheet
from blueprint_app.editing.session import Session
from blueprint_app.history import edits


class PasteHost(Protocol):
    """What a paste on the canvas needs of its window."""

    session: Session
    scene: BlueprintScene
    view: BlueprintView

    def statusBar(self) -> QStatusBar: ...


def clipboard_cells() -> list[list[str]]:
    """The clipboard's text as rows of cells (its HTML table when it has no text)."""
    data = QGuiApplication.clipboard().mimeData()
    if data is None:
        return []
    text = data.text() if data.hasText() else ""
    html = data.html() if data.hasHtml() else ""
    return spreadsheet.clipboard_rows(text, html)


def paste_cells(host: PasteHost, rows: list[list[str]]) -> list[str]:
    """Steps from cells, as one undo step: a layered grid by its lanes, else one step per line
    in the lane under the mouse (the customer's when the mouse is off the canvas)."""
    if not rows:
        return []
    session = host.session
    label = QCoreApplication.translate("EditCommands", "Paste")
    grid = spreadsheet.grid_lanes(session.blueprint.lanes, rows) is not None
    try:
        with session.history.transaction(label) as tx:
            if grid:
                report = spreadsheet.paste_grid(tx, rows)
            else:
                lane, phase, x = _place_under_mouse(host)
                report = spreadsheet.paste_lines(tx, rows, lane, phase, x)
    except (ValidationError, edits.EditError, ValueError) as error:
        host.statusBar().showMessage(
            QCoreApplication.translate("EditCommands", "Cannot paste: {reason}").format(
                reason=str(error).splitlines()[0]
            ),
            6000,
        )
        return []
    message = QCoreApplication.translate("CellPaste", "Pasted {count} steps.").format(
        count=len(report.steps)
    )
    if report.unknown_lanes:
        message += " " + QCoreApplication.translate(
            "CellPaste", "Skipped {count} rows naming no lane of this blueprint: {names}"
        ).format(count=len(report.unknown_lanes), names=", ".join(report.unknown_lanes))
    host.statusBar().showMessage(message, 8000)
    host.scene.select_ids(report.steps)
    return report.steps


def _place_under_mouse(host: PasteHost) -> tuple[str, str | None, float | None]:
    """The lane and phase under the mouse and its x; off the canvas, the customer's lane."""
    view = host.view
    where = view.viewport().mapFromGlobal(QCursor.pos())
    geometry = host.scene.content.geometry
    if view.viewport().rect().contains(where) and geometry.lanes:
        point = view.mapToScene(where)
        band = geometry.lane_at(point.y())
        column = geometry.phase_at(point.x())
        if band is not None:
            return band.id, column.id if column else None, max(geometry.content_left, point.x())
    lanes = host.session.blueprint.lanes
    customer = next((lane.id for lane in lanes if lane.kind.value == "customer"), lanes[0].id)
    return customer, None, None
