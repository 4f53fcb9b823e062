"""File > Export…: choose a format and its options, see the result, write it or copy it.

The dialog works on a copy of the blueprint taken when it opens (it is modal: the document
cannot change meanwhile), exports through the same pipeline as ``blueprint export``, and writes
only after the export finished: a cancelled or failed export leaves the target untouched.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
)

from blueprint_app.export.formats import FORMATS, ExportFormat, format_for_path
from blueprint_app.export.pipeline import PICTURES, export_document
from blueprint_app.export.progress import Progress
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.storage import BlueprintFileError
from blueprint_app.storage.writer import write_atomic
from blueprint_app.ui import dialogs
from blueprint_app.ui.export.export_job import run_with_progress
from blueprint_app.ui.export.export_options import ExportOptionsForm, format_names
from blueprint_app.ui.export.export_preview import PreviewPane
from blueprint_app.ui.export.host import ExportHost
from blueprint_app.ui.export.picture_clipboard import draw_for_clipboard, put_on_clipboard
from blueprint_app.ui.qt_util import plain_label
from blueprint_app.ui.settings import EXPORT_FOLDER

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_stem(name: str) -> str:
    """A document's name made safe as a file name on every system."""
    stem = _UNSAFE.sub("-", name).strip(" .-")[:100].strip()
    return stem or "blueprint"


def export_filter(fmt: ExportFormat) -> str:
    patterns = " ".join(f"*{ext}" for ext in fmt.extensions)
    return f"{format_names()[fmt.name]} ({patterns})"


def with_extension(path: Path, fmt: ExportFormat) -> Path:
    """``path``, ending in the format's extension (added when the name has another or none)."""
    found = format_for_path(path)
    return (
        path
        if found is not None and found.name == fmt.name
        else path.with_name(path.name + fmt.extensions[0])
    )


class ExportDialog(QDialog):
    """Options on the left, the preview on the right; Export… asks where and writes."""

    def __init__(self, host: ExportHost) -> None:
        super().__init__(host.window())
        self.setObjectName("ExportDialog")
        self.setWindowTitle(self.tr("Export"))
        self.host = host
        self.blueprint: Blueprint = host.session.blueprint.model_copy(deep=True)
        self.form = ExportOptionsForm(self.blueprint, host.selected_ids())
        self.preview = PreviewPane(self.blueprint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("exportCopyButton")
        self.copy_button.setToolTip(self.tr("Put the picture (or the text) on the clipboard"))
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export)
        self.copy_button.clicked.connect(self.copy)
        self.buttons.rejected.connect(self.reject)
        self.note = plain_label()  # what the last Export or Copy did, beside the buttons
        self.note.setObjectName("exportNote")
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.buttons)
        top = QHBoxLayout()
        top.addWidget(self.form)
        top.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(bottom)
        self.form.changed.connect(self.refresh)
        self.preview.shown.connect(self._preview_shown)
        self.exported: Path | None = None
        self.refresh()

    def sizeHint(self) -> QSize:
        return QSize(1020, 560)

    @property
    def format(self) -> ExportFormat:
        return FORMATS[self.form.format_name]

    def refresh(self) -> None:
        """Ask for a new preview; the buttons wait for it to say whether the options work."""
        problem = self.form.problem()
        if problem is not None:
            self.preview.show_problem(problem)
            self._enable(False)
            return
        self.preview.request(self.form.format_name, self.form.options())

    def _preview_shown(self) -> None:
        result = self.preview.result
        self._enable(result is None or not result.blocks)

    def _enable(self, possible: bool) -> None:
        self.export_button.setEnabled(possible)
        self.copy_button.setEnabled(possible)

    # -- export ------------------------------------------------------------------------------
    def suggested_path(self) -> Path:
        session = self.host.session
        stored = EXPORT_FOLDER.read()
        folder = (
            Path(stored)
            if stored and Path(stored).is_dir()
            else (session.path.parent if session.path is not None else Path.home())
        )
        return folder / (file_stem(session.display_name) + self.format.extensions[0])

    def export(self) -> bool:
        """Ask where, export with progress, write; False (dialog still open) when not written."""
        fmt = self.format
        chosen = dialogs.ask_export_path(self, str(self.suggested_path()), export_filter(fmt))
        if chosen is None:
            return False
        path = with_extension(chosen, fmt)
        if path != chosen and path.exists() and not dialogs.ask_replace(self, path):
            return False  # the file dialog asked about the name typed, not this one
        options = self.form.options()
        blueprint = self.blueprint
        self.preview.stop()  # one drawing at a time: Qt's scene list is not thread-safe
        outcome = run_with_progress(
            self,
            self.tr("Exporting {name}…").format(name=path.name),
            lambda progress: export_document(blueprint, fmt, options, progress),
        )
        if not (outcome.ok and outcome.result is not None):
            self.refresh()  # the dialog stays: its preview comes back
        if outcome.cancelled:
            self.note.setText(self.tr("Export cancelled; nothing was written."))
            return False
        if outcome.error is not None or outcome.result is None:
            dialogs.show_error(
                self,
                self.tr("Cannot export"),
                self.tr("{name} was not written: {reason}").format(
                    name=path.name, reason=outcome.error
                ),
            )
            return False
        try:
            write_atomic(path, outcome.result)
        except BlueprintFileError as error:
            dialogs.show_error(self, self.tr("Cannot export"), str(error))
            self.refresh()
            return False
        self.form.remember()
        EXPORT_FOLDER.write(str(path.parent))
        self.exported = path
        self.accept()
        return True

    def copy(self) -> bool:
        """The chosen format on the clipboard: a picture for pictures, text for the rest."""
        fmt, options = self.format, self.form.options()
        blueprint = self.blueprint
        if fmt.name in PICTURES:
            scale = options.scale if fmt.name == "png" else 2.0

            def work(progress: Progress) -> object:
                return draw_for_clipboard(blueprint, options, scale, progress)
        else:

            def work(progress: Progress) -> object:
                return export_document(blueprint, fmt, options, progress)

        self.preview.stop()
        outcome = run_with_progress(self, self.tr("Copying…"), work)
        self.refresh()
        if not outcome.ok or outcome.result is None:
            if outcome.error is not None:
                dialogs.show_error(self, self.tr("Cannot copy"), outcome.error)
            return False
        put_on_clipboard(outcome.result)
        self.form.remember()
        self.note.setText(self.tr("Copied to the clipboard."))
        return True

    def done(self, result: int) -> None:
        self.preview.stop()
        super().done(result)


def show_export(host: ExportHost) -> Path | None:
    """File > Export…; the path written, or None."""
    dialog = ExportDialog(host)
    try:
        dialog.exec()
        if dialog.exported is not None:
            host.statusBar().showMessage(
                QCoreApplication.translate("ExportDialog", "Exported {path}").format(
                    path=dialog.exported
                ),
                6000,
            )
        return dialog.exported
    finally:
        dialog.deleteLater()
