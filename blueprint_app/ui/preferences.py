"""Edit > Preferences…: the interface language and the autosave interval.

Both are kept in :mod:`blueprint_app.ui.settings` (the language is read by
:mod:`blueprint_app.ui.i18n`, the interval by the autosave). A new language is installed at once and
every open window is rebuilt in it (:meth:`MainWindow.hand_over`), keeping its document, undo
history and unsaved changes.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from blueprint_app.ui import i18n, settings
from blueprint_app.ui.window.windows import reopen_all

#: Languages by their own name, so anyone can find theirs whatever the interface shows now.
ENDONYMS = {i18n.ENGLISH: "English", i18n.CHINESE: "简体中文"}


class PreferencesDialog(QDialog):
    """Language and autosave; OK stores them and installs the chosen language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PreferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox()
        system = ENDONYMS[i18n.system_language()]
        self.language.addItem(
            self.tr("Follow the system ({language})").format(language=system), i18n.SYSTEM
        )
        for code, name in ENDONYMS.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(i18n.preferred_setting()), 0))
        self.autosave = QSpinBox()
        self.autosave.setRange(*settings.AUTOSAVE_RANGE)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setValue(settings.AUTOSAVE_SECONDS.read())
        self.note = QLabel(
            self.tr(
                "A new language applies at once: the windows are rebuilt in it, with your "
                "documents, their undo history and unsaved changes as they are."
            )
        )
        if os.environ.get(i18n.ENV_VAR):
            self.note.setText(
                self.note.text()
                + "\n"
                + self.tr(
                    "The BLUEPRINT_LANG environment variable is set: it overrides this choice."
                )
            )
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Interface language:"), self.language)
        form.addRow(self.tr("Autosave every:"), self.autosave)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def apply(self) -> bool:
        """Store the choices; True when the interface language changed (and was installed)."""
        before = i18n.interface_language()
        i18n.set_preferred(str(self.language.currentData()))
        settings.AUTOSAVE_SECONDS.write(self.autosave.value())
        after = i18n.interface_language()
        if after != before:
            i18n.install_translators(after)
        return after != before


def edit_preferences(parent: QWidget) -> bool:
    """Show the dialog; True when it was accepted and stored."""
    dialog = PreferencesDialog(parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        if dialog.apply():
            QTimer.singleShot(0, reopen_all)  # once this dialog and its parent's menu are gone
        return True
    finally:
        dialog.deleteLater()
