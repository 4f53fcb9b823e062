"""File ▸ Import…: open a BPMN 2.0 file as a new, untitled blueprint.

Lanes whose kind their name does not tell (``Approver``, ``Accountant``) are asked about once
in a small dialog; the answer is remembered (by lane name) for the next import, so a team's
usual diagrams open without a question.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from blueprint_app.editing.session import Session
from blueprint_app.export.bpmn_import import BpmnImportError, ImportReport, import_bpmn
from blueprint_app.model.blueprint import Blueprint, LaneKind
from blueprint_app.model.glossary import LANE_KINDS
from blueprint_app.ui import settings
from blueprint_app.ui.dialogs import show_error
from blueprint_app.ui.i18n import term
from blueprint_app.ui.window.windows import registry

# the kinds a lane of a BPMN file can take (physical evidence comes from data objects)
CHOICES = (
    LaneKind.CUSTOMER,
    LaneKind.FRONTSTAGE,
    LaneKind.BACKSTAGE,
    LaneKind.SUPPORT,
    LaneKind.CUSTOM,
)


class LaneKindDialog(QDialog):
    """Which part of the service each unclear lane is, with what the import will drop."""

    def __init__(
        self, parent: QWidget | None, names: list[str], report: ImportReport, known: dict[str, str]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import BPMN: lanes"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The names of these lanes do not say which part of the service they are. "
                "Choose one for each; the choice is remembered for the next import."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.boxes: dict[str, QComboBox] = {}
        for name in names:
            box = QComboBox()
            for kind in CHOICES:
                box.addItem(term(LANE_KINDS[kind]), kind.value)
            box.setCurrentIndex(max(0, box.findData(known.get(name, LaneKind.CUSTOM.value))))
            form.addRow(name, box)
            self.boxes[name] = box
        layout.addLayout(form)
        if report.dropped:
            layout.addWidget(QLabel(self.tr("Not imported:")))
            details = QPlainTextEdit(
                "\n".join(line for line in report.lines() if "dropped" in line)
            )
            details.setReadOnly(True)
            details.setMaximumHeight(120)
            layout.addWidget(details)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choices(self) -> dict[str, str]:
        return {name: str(box.currentData()) for name, box in self.boxes.items()}


def ask_bpmn_path(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("BpmnImport", "Import BPMN"),
        "",
        QCoreApplication.translate("BpmnImport", "BPMN 2.0 files (*.bpmn *.bpmn20.xml *.xml)"),
    )
    return Path(path) if path else None


def read_with_questions(parent: QWidget, path: Path) -> Blueprint | None:
    """The blueprint of ``path``, asking about unclear lanes; None when cancelled or refused
    (the reason shown)."""
    known = dict(settings.BPMN_LANE_KINDS.read())  # a copy: never the shared default
    try:
        blueprint, report = import_bpmn(path, {k: LaneKind(v) for k, v in known.items()})
        if report.unsure_lanes:
            dialog = LaneKindDialog(parent, report.unsure_lanes, report, known)
            try:
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return None
                known.update(dialog.choices())
            finally:
                dialog.deleteLater()
            settings.BPMN_LANE_KINDS.write(known)
            blueprint, report = import_bpmn(path, {k: LaneKind(v) for k, v in known.items()})
    except BpmnImportError as error:
        show_error(
            parent,
            QCoreApplication.translate("BpmnImport", "Cannot import the BPMN file"),
            str(error),
        )
        return None
    return blueprint


def import_bpmn_file(parent: QWidget, path: Path | None = None) -> QWidget | None:
    """Ask for a BPMN file (unless given) and open it as a new, untitled blueprint window."""
    path = path if path is not None else ask_bpmn_path(parent)
    if path is None:
        return None
    blueprint = read_with_questions(parent, path)
    if blueprint is None:
        return None
    session = Session(blueprint)
    session.history.clean_index = None  # not saved anywhere yet: closing asks, as for a sheet
    window = registry().open_window(session=session)
    window.statusBar().showMessage(
        QCoreApplication.translate("BpmnImport", "Imported {name}: {steps} steps, {flows} flows")
        .replace("{name}", path.name)
        .replace("{steps}", str(len(blueprint.steps)))
        .replace("{flows}", str(len(blueprint.flows))),
        15000,
    )
    return window
