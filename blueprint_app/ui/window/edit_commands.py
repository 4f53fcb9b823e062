"""Edit menu commands on the canvas selection: clipboard, duplicate, delete, select all.

Each command is one transaction, so it is one undo step, and it never touches scene items: the
scene follows the document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QStatusBar

from blueprint_app.canvas.scene import BlueprintScene
from blueprint_app.canvas.view import BlueprintView
from blueprint_app.editing.fragment import (
    MIME_TYPE,
    fragment_text,
    is_empty,
    make_fragment,
    parse_fragment,
)
from blueprint_app.editing.session import Session
from blueprint_app.history import edits
from blueprint_app.model import Note, NoteLayout
from blueprint_app.ui.export.picture_clipboard import PICTURE_MARKER
from blueprint_app.ui.window.cell_paste import clipboard_cells, paste_cells

if TYPE_CHECKING:
    from blueprint_app.ui.docks.structure_panel import StructurePanel

PASTE_OFFSET = 40.0


class EditHost(Protocol):
    """What the Edit commands need of their window: its session and canvas, the lanes and
    phases lists (Delete there deletes a lane or phase) and a status bar to report in."""

    session: Session
    scene: BlueprintScene
    view: BlueprintView
    structure_panel: StructurePanel

    def statusBar(self) -> QStatusBar: ...


class EditCommands:
    """The window's Edit menu behaviour, working on its current session and scene."""

    def __init__(self, window: EditHost) -> None:
        self.window = window

    def selected_ids(self) -> list[str]:
        scene = self.window.scene
        return list(scene.selected_ids()) if scene is not None else []

    def _report(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 5000)

    # -- clipboard -----------------------------------------------------------------------------
    def copy(self) -> bool:
        return self.copy_ids(self.selected_ids())

    def copy_ids(self, ids: list[str]) -> bool:
        """Put these steps and notes (and the flows among them) on the clipboard."""
        fragment = make_fragment(self.window.session.document, ids)
        if is_empty(fragment):
            return False
        data = QMimeData()
        text = fragment_text(fragment)
        data.setData(MIME_TYPE, text.encode("utf-8"))
        data.setText(text)
        QGuiApplication.clipboard().setMimeData(data)
        return True

    def cut(self) -> None:
        if self.copy():
            self._delete(self.selected_ids(), QCoreApplication.translate("EditCommands", "Cut"))

    def paste(self) -> None:
        fragment = clipboard_fragment()
        if fragment is None and paste_cells(self.window, clipboard_cells()):
            return  # spreadsheet cells or lines of text became steps
        if fragment is None:
            self._report(
                QCoreApplication.translate(
                    "EditCommands", "The clipboard holds no blueprint steps."
                )
            )
            return
        self._insert(fragment, QCoreApplication.translate("EditCommands", "Paste"))

    def duplicate(self) -> None:
        fragment = make_fragment(self.window.session.document, self.selected_ids())
        if not is_empty(fragment):
            self._insert(fragment, QCoreApplication.translate("EditCommands", "Duplicate"))

    def _insert(self, fragment: dict[str, Any], label: str) -> None:
        document = self.window.session.document
        clash = any(
            item.get("id") in document for key in ("steps", "notes") for item in fragment[key]
        )
        try:
            with self.window.session.history.transaction(label) as tx:
                created = edits.paste(tx, fragment, dx=PASTE_OFFSET if clash else 0.0)
        except (ValidationError, edits.EditError, KeyError, TypeError, ValueError) as error:
            self._report(
                QCoreApplication.translate("EditCommands", "Cannot paste: {reason}").format(
                    reason=str(error).splitlines()[0]
                )
            )
            return
        if self.window.scene is not None:
            self.window.scene.select_ids(created)

    def add_note(self) -> str | None:
        """A sticky note attached to the one selected step (beside its card) or free in the
        middle of the view; selected afterwards so its text can be typed in the panel."""
        window = self.window
        scene, view = window.scene, window.view
        if scene is None or view is None:
            return None
        selected = [
            i for i in self.selected_ids() if window.session.document.collection_of(i) == "steps"
        ]
        attached = selected[0] if len(selected) == 1 else None
        card = scene.item_for(attached) if attached else None
        if card is not None:
            corner = card.sceneBoundingRect().topRight()
            x, y = corner.x() + 12, corner.y() - 40
        else:
            centre = view.mapToScene(view.viewport().rect().center())
            x, y = centre.x(), centre.y()
        with window.session.history.transaction(
            QCoreApplication.translate("EditCommands", "Add note")
        ) as tx:
            note_id = edits.fresh_id(tx, "note")
            edits.add_item(
                tx,
                "notes",
                Note(
                    id=note_id,
                    text=QCoreApplication.translate("EditCommands", "Note"),
                    attached_to=attached,
                    layout=NoteLayout(x=round(x), y=round(y)),
                ),
            )
        scene.select_ids([note_id])
        return note_id

    # -- selection -----------------------------------------------------------------------------
    def delete(self) -> None:
        """Delete what has the focus: a lane or phase in their list, else the canvas selection."""
        focus = QApplication.focusWidget()
        structure = self.window.structure_panel
        for part in (structure.lanes, structure.phases):
            if focus is part.list:
                part.delete()
                return
        self._delete(self.selected_ids(), QCoreApplication.translate("EditCommands", "Delete"))

    def _delete(self, ids: list[str], label: str) -> None:
        if not ids:
            return
        try:
            with self.window.session.history.transaction(label) as tx:
                edits.delete_items(tx, ids)
        except edits.EditError as error:
            self._report(str(error))

    def select_all(self) -> None:
        scene = self.window.scene
        if scene is None:
            return
        bp = self.window.session.blueprint
        scene.select_ids(
            [s.id for s in bp.steps] + [f.id for f in bp.flows] + [n.id for n in bp.notes]
        )


def clipboard_fragment() -> dict[str, Any] | None:
    """The blueprint fragment on the clipboard (our mime type, else its text), if any."""
    data = QGuiApplication.clipboard().mimeData()
    if data is None:
        return None
    if data.hasFormat(MIME_TYPE):
        raw = bytes(data.data(MIME_TYPE).data()).decode("utf-8", errors="replace")
        return parse_fragment(raw)
    return parse_fragment(data.text()) if data.hasText() else None


def release_clipboard() -> None:
    """Take our copied steps and pictures off the clipboard as the application quits.

    PySide6 (6.11 and 6.12) crashes at interpreter exit when the clipboard still holds a
    QMimeData made in Python; losing the copied steps on quit is the lesser evil.
    """
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and (data.hasFormat(MIME_TYPE) or data.hasFormat(PICTURE_MARKER)):
        clipboard.clear()
