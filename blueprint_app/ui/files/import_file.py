"""File > Import…: one question for a file, then the reader its kind needs.

A sheet (CSV, Excel) and a BPMN 2.0 diagram are both "a file made elsewhere that becomes a new
blueprint", so the menu has one Import… and the file's extension picks the reader, as
``blueprint import`` does on the command line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from blueprint_app.importing.command import BPMN_SUFFIXES
from blueprint_app.ui import settings
from blueprint_app.ui.files import bpmn_import_dialog, import_sheet


def import_any(parent: QWidget, path: Path | None = None) -> QWidget | None:
    """Ask for a sheet or a BPMN file (unless given) and open it as a new, untitled blueprint
    window; None when nothing was opened (cancelled, or refused with the reason shown)."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("ImportFile", "Import"),
            settings.IMPORT_FOLDER.read(),
            QCoreApplication.translate(
                "ImportFile",
                "Sheets and BPMN (*.csv *.tsv *.txt *.xlsx *.bpmn *.xml);;"
                "Sheets (*.csv *.tsv *.txt *.xlsx);;BPMN 2.0 (*.bpmn *.xml);;All files (*)",
            ),
        )
        if not chosen:
            return None
        path = Path(chosen)
    if path.suffix.lower() in BPMN_SUFFIXES:
        settings.IMPORT_FOLDER.write(str(path.parent))
        return bpmn_import_dialog.import_bpmn_file(parent, path)
    return import_sheet.import_sheet(parent, path)
