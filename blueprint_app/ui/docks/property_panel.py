"""The property panel: edits every field of the selected item, or of the blueprint itself.

Writes go through one transaction per change; typing in one field merges into one undo step
(``merge_key=(item id, field)``) until focus leaves it. When the model changes for another reason
(undo, the canvas), the panel shows the new values without writing them back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QWidget

from blueprint_app.editing.session import Session
from blueprint_app.history import BLUEPRINT, Change, Document, edits
from blueprint_app.ui.docks.property_forms import ItemForm, build_forms, field_label
from blueprint_app.ui.docks.session_dock import SessionDock
from blueprint_app.ui.item_names import short_name


class PropertyPanel(SessionDock):
    """Dock showing one form at a time: step, flow, lane, phase, note or blueprint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("PropertyPanel", "Properties"))
        self.setObjectName("PropertyPanel")
        self.item_id: str | None = None  # None: nothing shown; BLUEPRINT: the blueprint
        self._writing = False
        self.stack = QStackedWidget()
        self.forms = build_forms(self._document, self._commit, self._end_run)
        for form in self.forms.values():
            self.stack.addWidget(form)
        self.summary = QLabel()
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary.setWordWrap(True)
        self.stack.addWidget(self.summary)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.stack)
        self.setWidget(scroll)

    # -- what to show --------------------------------------------------------------------------
    def follow(self, session: Session) -> Callable[[], None]:
        return session.document.subscribe(self._model_changed)

    def session_shown(self, session: Session) -> None:
        self.show_item(BLUEPRINT)

    def show_selection(self, ids: list[str]) -> None:
        """One selected item shows its form; none shows the blueprint; several a summary."""
        if len(ids) == 1:
            self.show_item(ids[0])
        elif not ids:
            self.show_item(BLUEPRINT)
        else:
            self._end_run()
            self.item_id = None
            self.summary.setText(self.tr("{count} items selected").format(count=len(ids)))
            self.stack.setCurrentWidget(self.summary)

    def show_item(self, item_id: str) -> None:
        self._end_run()
        document = self._document()
        if item_id != BLUEPRINT and document.collection_of(item_id) is None:
            item_id = BLUEPRINT
        self.item_id = item_id
        form = self.current_form()
        assert form is not None
        self.stack.setCurrentWidget(form)
        self._reload()

    def current_form(self) -> ItemForm | None:
        if self.item_id is None:
            return None
        if self.item_id == BLUEPRINT:
            return self.forms["blueprint"]
        collection = self._document().collection_of(self.item_id)
        return self.forms.get(collection) if collection else None

    def _reload(self) -> None:
        form = self.current_form()
        if form is None or self.item_id is None:
            return
        document = self._document()
        item = document.blueprint if self.item_id == BLUEPRINT else document.get(self.item_id)
        if item is not None:
            form.show_item(item)

    # -- model to panel ------------------------------------------------------------------------
    def _document(self) -> Document:
        assert self.session is not None, "the panel has no session yet"
        return self.session.document

    def _model_changed(self, change: Change) -> None:
        if self._writing or self.item_id is None:
            return
        if change.item_id == self.item_id:
            if change.action == "removed":
                self.item_id = BLUEPRINT
                self.stack.setCurrentWidget(self.forms["blueprint"])
            self._reload()
        elif self._shows_names_of(change):
            self._reload()

    def _shows_names_of(self, change: Change) -> bool:
        """Whether the shown form displays the changed item's name (lane and phase choices, the
        ends of a flow, a note's step); other changes, such as Arrange moving every card, are
        not worth a reload."""
        if self.item_id in (None, BLUEPRINT):
            return False
        item = self._document().get(self.item_id or "")
        if change.collection in ("lanes", "phases"):
            return self._document().collection_of(self.item_id or "") == "steps"
        ends = (
            getattr(item, "source", None),
            getattr(item, "target", None),
            getattr(item, "attached_to", None),
        )
        return change.collection == "steps" and change.item_id in ends

    # -- panel to model ------------------------------------------------------------------------
    def _commit(self, field: str, value: Any, merge: bool) -> bool:
        """Write one field as an undoable edit; refuse (and say why) a value the model rejects."""
        if self.session is None or self.item_id is None:
            return False
        form = self.current_form()
        name = field_label(field).lower()
        label = (  # which item, unless it is the blueprint itself
            self.tr("Change {field} of “{item}”").format(
                field=name, item=short_name(self._document().get, self.item_id)
            )
            if self.item_id != BLUEPRINT
            else self.tr("Change {field}").format(field=name)
        )
        key = (self.item_id, field) if merge else None
        self._writing = True
        try:
            with self.session.history.transaction(label, merge_key=key) as tx:
                edits.set_field(tx, self.item_id, field, value)
        except (ValidationError, edits.EditError) as error:
            if form is not None:
                form.editor(field).mark_problem(problem_text(error))
            return False
        finally:
            self._writing = False
        return True

    def _end_run(self) -> None:
        """Focus left a field: the next keystroke starts a new undo step; show the model's value."""
        if self.session is None:
            return
        self.session.history.break_merge()
        form = self.current_form()
        if form is not None and any(e.problem for e in form.editors):
            self._reload()  # drop a refused value the field still shows


def problem_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(str(e.get("msg", "")) for e in error.errors())
    return str(error)
