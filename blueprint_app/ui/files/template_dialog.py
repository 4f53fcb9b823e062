"""File > New from Template…: pick a bundled blueprint to start from, seen as a thumbnail.

The list comes from the Qt-free catalogue (:func:`blueprint_app.templates.list_templates`), the
pictures from the same scene builder as the image exports. Create opens the chosen template in a
new window as an untitled document, so saving never overwrites the bundled file.
"""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blueprint_app.editing.session import Session
from blueprint_app.storage import BlueprintFileError
from blueprint_app.templates import (
    TemplateInfo,
    TemplateNotFoundError,
    instantiate,
    list_templates,
)
from blueprint_app.ui import i18n
from blueprint_app.ui.dialogs import show_error
from blueprint_app.ui.files.thumbnails import THUMB_HEIGHT, THUMB_WIDTH, thumbnail
from blueprint_app.ui.qt_util import plain_label
from blueprint_app.ui.window.windows import registry

ALL = ""
INFO_ROLE = Qt.ItemDataRole.UserRole


def language_name(tag: str) -> str:
    """A template's language as the interface names it."""
    if tag.lower().startswith("zh"):
        return QCoreApplication.translate("TemplateDialog", "Simplified Chinese")
    if tag.lower().startswith("en"):
        return QCoreApplication.translate("TemplateDialog", "English")
    return tag


def shorten(text: str, limit: int = 90) -> str:
    """The start of a description for the list; the full text shows below it."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class TemplateDialog(QDialog):
    """A filtered list of template thumbnails with the chosen one's description below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TemplateDialog")
        self.setWindowTitle(self.tr("New from Template"))
        self.resize(760, 640)
        try:
            self.templates = list_templates()
        except FileNotFoundError:  # a broken installation: say there is nothing, do not crash
            self.templates = []
        self.language = QComboBox()
        self.language.addItem(self.tr("All languages"), ALL)
        for tag in sorted({info.language for info in self.templates}):
            self.language.addItem(language_name(tag), tag)
        self.list = QListWidget()
        self.list.setIconSize(QSize(THUMB_WIDTH, THUMB_HEIGHT))
        self.list.setSpacing(4)
        self.list.setWordWrap(True)
        self.details = plain_label()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setMinimumHeight(60)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(
            self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(self.tr("Language:")))
        filter_row.addWidget(self.language)
        filter_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filter_row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.buttons)
        self.language.currentIndexChanged.connect(lambda _i: self._fill())
        self.list.currentItemChanged.connect(lambda *_: self._show_details())
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        wanted = i18n.blueprint_language()
        index = self.language.findData(wanted)
        self.language.setCurrentIndex(max(index, 0))
        self._fill()

    def _fill(self) -> None:
        """Show the templates in the chosen language, each with its picture."""
        wanted = self.language.currentData()
        self.list.clear()
        for info in self.templates:
            if wanted not in (ALL, info.language):
                continue
            item = QListWidgetItem(
                f"{info.title}\n{language_name(info.language)}\n\n{shorten(info.description)}"
            )
            item.setData(INFO_ROLE, info)
            item.setToolTip(info.description)
            with suppress(BlueprintFileError, OSError):  # listed without a picture, not left out
                item.setIcon(QIcon(QPixmap.fromImage(thumbnail(info.path))))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._show_details()

    def chosen(self) -> TemplateInfo | None:
        item = self.list.currentItem()
        info = item.data(INFO_ROLE) if item is not None else None
        return info if isinstance(info, TemplateInfo) else None

    def _show_details(self) -> None:
        info = self.chosen()
        self.create_button.setEnabled(info is not None)
        self.details.setText(
            f"{info.title} — {language_name(info.language)}\n{info.description}"
            if info is not None
            else self.tr("No template in this language.")
        )

    def session(self) -> Session | None:
        """A new untitled document from the chosen template (None when nothing is chosen)."""
        info = self.chosen()
        if info is None:
            return None
        return Session(instantiate(info.name, info.language))


def new_from_template(parent: QWidget) -> QWidget | None:
    """Ask for a template; open it in a new window. Returns that window, or None if cancelled."""
    dialog = TemplateDialog(parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        session = dialog.session()
    except (BlueprintFileError, TemplateNotFoundError) as error:  # changed since listed
        show_error(
            parent,
            QCoreApplication.translate("TemplateDialog", "Cannot open the template"),
            str(error),
        )
        return None
    finally:
        dialog.deleteLater()
    if session is None:
        return None
    return registry().open_window(session=session)
