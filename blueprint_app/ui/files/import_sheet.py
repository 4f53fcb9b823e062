"""File ▸ Import…: a CSV or Excel sheet opened as a new, unsaved blueprint (issue 19.3).

The Qt-free importer (:mod:`blueprint_app.importing`) does the work; this asks for the file,
asks which field a column holds when the importer does not know its header (and remembers the
answer for the next sheet), opens the result in a window and says what was left out.
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
    QInputDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from blueprint_app.editing.session import Session
from blueprint_app.editing.spreadsheet import grid_lanes
from blueprint_app.importing import ImportRefused, ImportReport, import_file
from blueprint_app.importing.headers import map_headers, normal
from blueprint_app.importing.messages import Remark
from blueprint_app.importing.sheets import SheetError, read_sheet, sheet_names
from blueprint_app.model import new_blueprint
from blueprint_app.ui import i18n, settings
from blueprint_app.ui.dialogs import show_error
from blueprint_app.ui.docks.property_forms import field_label
from blueprint_app.ui.window.windows import registry

# The fields a column can be said to hold, by the importer's key, with the Step field naming it.
CHOICES: tuple[tuple[str, str], ...] = (
    ("step", "title"),
    ("phase", "phase"),
    ("lane", "lane"),
    ("kind", "kind"),
    ("description", "description"),
    ("actor", "actor"),
    ("channel", "channel"),
    ("duration_min", "duration_minutes"),
    ("target_min", "target_minutes"),
    ("tolerance_min", "tolerance_minutes"),
    ("standard", "standard"),
    ("moment_of_truth", "moment_of_truth"),
    ("fail_point", "fail_point"),
    ("emotion", "emotion"),
    ("customer_independent", "customer_independent"),
    ("policy", "policy"),
    ("cost", "cost"),
    ("metrics", "metrics"),
)
LEAVE_OUT = ""
# How many skipped values the report box lists before it only counts them.
SHOWN_LINES = 30


class HeaderDialog(QDialog):
    """One drop-down per column whose header the importer does not know."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ImportSheet", "Columns of the sheet"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate(
                "ImportSheet",
                "Which field does each of these columns hold? The answer is remembered for "
                "the next sheet with the same headers.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for header in headers:
            combo = QComboBox()
            combo.addItem(QCoreApplication.translate("ImportSheet", "Leave out"), LEAVE_OUT)
            for key, field in CHOICES:
                combo.addItem(field_label(field), key)
            form.addRow(QLabel(header), combo)
            self.combos[header] = combo
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> dict[str, str]:
        """Each header (normalised) → the key chosen for it, or "" to leave it out."""
        return {normal(header): str(combo.currentData()) for header, combo in self.combos.items()}


def ask_headers(parent: QWidget, headers: list[str]) -> dict[str, str] | None:
    dialog = HeaderDialog(headers, parent)
    try:
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def import_sheet(parent: QWidget, path: Path | None = None) -> QWidget | None:
    """Ask for a sheet (unless given), import it, open it in a new window; None when nothing
    was opened (cancelled, or refused with the reason shown)."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("ImportSheet", "Import a sheet"),
            settings.IMPORT_FOLDER.read(),
            QCoreApplication.translate(
                "ImportSheet", "Sheets (*.csv *.tsv *.txt *.xlsx);;All files (*)"
            ),
        )
        if not chosen:
            return None
        path = Path(chosen)
    settings.IMPORT_FOLDER.write(str(path.parent))
    sheet: str | None = None
    names = sheet_names(path)
    if len(names) > 1:
        sheet, ok = QInputDialog.getItem(
            parent,
            QCoreApplication.translate("ImportSheet", "Import a sheet"),
            QCoreApplication.translate("ImportSheet", "Which sheet of the workbook?"),
            names,
            0,
            False,
        )
        if not ok:
            return None
    remembered = settings.IMPORT_HEADERS.read()
    unknown = _unknown_headers(path, remembered, sheet)
    if unknown:
        answer = ask_headers(parent, unknown)
        if answer is None:
            return None
        remembered = {**remembered, **answer}
        settings.IMPORT_HEADERS.write(remembered)
    try:
        report = import_file(
            path, sheet=sheet, remembered={k: v for k, v in remembered.items() if v}
        )
    except ImportRefused as error:
        show_error(
            parent, QCoreApplication.translate("ImportSheet", "Cannot import the sheet"), str(error)
        )
        return None
    session = Session(report.blueprint)
    session.history.clean_index = None  # not saved anywhere yet: closing asks
    window = registry().open_window(session=session)
    if report.skipped or report.notes:
        show_report(window, path, report)
    return window


def _unknown_headers(path: Path, remembered: dict[str, str], sheet: str | None) -> list[str]:
    """Headers of a row-per-step sheet the importer does not know and the user was not asked
    about; none for a layered grid or a sheet that cannot be read (the import says why)."""
    try:
        rows = read_sheet(path, sheet).rows
    except SheetError:
        return []
    header = next((row for row in rows if any(cell.strip() for cell in row)), [])
    known = {k: v for k, v in remembered.items() if v}
    columns, unknown = map_headers(header, known)
    if not columns and len(rows) > 1 and _looks_like_grid(rows):
        return []
    return [text for text in unknown if normal(text) not in remembered]


def _looks_like_grid(rows: list[list[str]]) -> bool:
    lanes = new_blueprint("x", "zh-CN").lanes + new_blueprint("x", "en").lanes
    return grid_lanes(lanes, [row for row in rows if any(c.strip() for c in row)]) is not None


def show_report(parent: QWidget, path: Path, report: ImportReport) -> None:
    """What the import left out and why, in a box over the new window."""
    language = i18n.blueprint_language()  # the interface's: zh-CN or en
    lines = [
        line.said(language) if isinstance(line, Remark) else line
        for line in [*report.notes, *report.skipped[:SHOWN_LINES]]
    ]
    if len(report.skipped) > SHOWN_LINES:
        lines.append(f"… {len(report.skipped) - SHOWN_LINES}")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("ImportSheet", "Imported with remarks"))
    box.setText(
        QCoreApplication.translate(
            "ImportSheet", "{name}: {steps} steps imported; {skipped} values left out."
        ).format(name=path.name, steps=len(report.blueprint.steps), skipped=len(report.skipped))
    )
    box.setDetailedText("\n".join(lines))
    box.open()
