"""The options of File > Export…: a form that reads as :class:`ExportOptions`.

Every format shares one form; the options a format does not use are greyed out, not hidden, so
the dialog does not jump about as the format changes. The choices are remembered
(:class:`~blueprint_app.ui.settings.ExportChoices`) for the next export, in any window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from blueprint_app.export.options import ExportOptions
from blueprint_app.export.pipeline import PICTURES
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.ui.settings import SCALE_RANGE, ExportChoices

# formats with headings or a legend to word
WORDED = ("png", "svg", "pdf", "md", "html", "csv", "xlsx")
WHOLE, SELECTION, PHASES = "whole", "selection", "phases"
PAGES = ("", "A4", "A3", "Letter")


def format_names() -> dict[str, str]:
    """Each format as the menu names it, pictures first, then documents."""
    translate = QCoreApplication.translate
    return {
        "png": translate("ExportOptions", "PNG image"),
        "svg": translate("ExportOptions", "SVG vector image"),
        "pdf": translate("ExportOptions", "PDF document"),
        "md": translate("ExportOptions", "Process specification (Markdown)"),
        "html": translate("ExportOptions", "Process specification (web page)"),
        "csv": translate("ExportOptions", "Steps table (CSV, for spreadsheets)"),
        "xlsx": translate("ExportOptions", "Steps table (Excel workbook)"),
        "bpmn": translate("ExportOptions", "BPMN 2.0 process"),
        "mmd": translate("ExportOptions", "Mermaid flowchart"),
    }


class ExportOptionsForm(QWidget):
    """Format, part shown, decorations, scale, background, page and language; ``changed``
    fires on every edit."""

    changed = Signal()

    def __init__(
        self, blueprint: Blueprint, selection: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.blueprint = blueprint
        self.selection = frozenset(selection)
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        for name, label in format_names().items():
            self.format.addItem(label, name)
        self._build_part()
        self.title_block = QCheckBox(self.tr("Title block"))
        self.legend = QCheckBox(self.tr("Legend"))
        self.badges = QCheckBox(self.tr("Validation marks"))
        self.badges.setToolTip(self.tr("Mark each card and flow with its worst finding"))
        include = QVBoxLayout()
        for box in (self.title_block, self.legend, self.badges):
            include.addWidget(box)
        self.scale = QDoubleSpinBox()
        self.scale.setObjectName("exportScale")
        self.scale.setRange(*SCALE_RANGE)
        self.scale.setSingleStep(0.5)
        self.scale.setDecimals(2)
        self.scale.setSuffix(" ×")
        self.scale.setToolTip(self.tr("Pixels per point of the canvas: 2 is sharp on slides"))
        self.transparent = QCheckBox(self.tr("Transparent background"))
        self.page = QComboBox()
        self.page.setObjectName("exportPage")
        self.page.addItem(self.tr("The diagram's own size"), "")
        for name in PAGES[1:]:
            self.page.addItem(self.tr("{page}, landscape").format(page=name), name)
        self.language = QComboBox()
        self.language.setObjectName("exportLanguage")
        own = "简体中文" if blueprint.language.lower().startswith("zh") else "English"
        self.language.addItem(self.tr("The blueprint's ({language})").format(language=own), "")
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh-CN")
        form = QFormLayout(self)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Show:"), self._part_box)
        form.addRow(self.tr("Include:"), include)
        form.addRow(self.tr("Scale:"), self.scale)
        form.addRow(self.tr("Background:"), self.transparent)
        form.addRow(self.tr("Page:"), self.page)
        form.addRow(self.tr("Fixed words in:"), self.language)
        self.restore()
        for signal in (
            self.format.currentIndexChanged,
            self.page.currentIndexChanged,
            self.language.currentIndexChanged,
            self.first_phase.currentIndexChanged,
            self.last_phase.currentIndexChanged,
            self.scale.valueChanged,
            self.part.idToggled,
            self.title_block.toggled,
            self.legend.toggled,
            self.badges.toggled,
            self.transparent.toggled,
        ):
            signal.connect(self._edited)
        self._enable()

    def _build_part(self) -> None:
        self.whole = QRadioButton(self.tr("The whole blueprint"))
        count = len(self.selection)
        self.selected = QRadioButton(
            self.tr("The selection (nothing selected)")
            if count == 0
            else self.tr("The selection (1 item)")
            if count == 1
            else self.tr("The selection ({count} items)").format(count=count)
        )
        self.selected.setEnabled(bool(self.selection))
        self.phases = QRadioButton(self.tr("Phases"))
        self.phases.setEnabled(bool(self.blueprint.phases))
        self.part = QButtonGroup(self)
        for index, button in enumerate((self.whole, self.selected, self.phases)):
            self.part.addButton(button, index)
        self.first_phase, self.last_phase = QComboBox(), QComboBox()
        for combo in (self.first_phase, self.last_phase):
            for number, phase in enumerate(self.blueprint.phases, start=1):
                combo.addItem(f"{number}. {phase.title}", phase.id)
        self.last_phase.setCurrentIndex(max(0, self.last_phase.count() - 1))
        phases_row = QHBoxLayout()
        phases_row.addWidget(self.phases)
        phases_row.addWidget(self.first_phase, 1)
        phases_row.addWidget(QLabel(self.tr("to")))
        phases_row.addWidget(self.last_phase, 1)
        box = QVBoxLayout()
        box.addWidget(self.whole)
        box.addWidget(self.selected)
        box.addLayout(phases_row)
        self._part_box = box
        self.whole.setChecked(True)  # a card left selected while editing is no hint

    # -- reading and remembering -----------------------------------------------------------------
    @property
    def format_name(self) -> str:
        return str(self.format.currentData())

    def set_format(self, name: str) -> None:
        self.format.setCurrentIndex(max(0, self.format.findData(name)))

    def shown_part(self) -> str:
        return (
            SELECTION if self.selected.isChecked() else PHASES if self.phases.isChecked() else WHOLE
        )

    def options(self) -> ExportOptions:
        part = self.shown_part()
        phases = None
        if part == PHASES:
            phases = f"{self.first_phase.currentData()}..{self.last_phase.currentData()}"
        return ExportOptions(
            lang=str(self.language.currentData()) or None,
            scale=self.scale.value(),
            transparent=self.transparent.isChecked(),
            page=str(self.page.currentData()) or None,
            title_block=self.title_block.isChecked(),
            legend=self.legend.isChecked(),
            badges=self.badges.isChecked(),
            selection=self.selection if part == SELECTION else None,
            phases=phases,
        )

    def restore(self) -> None:
        """The choices of the last export (the part shown always starts from the selection)."""
        choices = ExportChoices.load()
        self.set_format(choices.format)
        self.scale.setValue(choices.scale)
        self.transparent.setChecked(choices.transparent)
        self.title_block.setChecked(choices.title_block)
        self.legend.setChecked(choices.legend)
        self.badges.setChecked(choices.badges)
        self.page.setCurrentIndex(max(0, self.page.findData(choices.page)))
        self.language.setCurrentIndex(max(0, self.language.findData(choices.lang)))

    def remember(self) -> None:
        ExportChoices(
            format=self.format_name,
            scale=self.scale.value(),
            transparent=self.transparent.isChecked(),
            title_block=self.title_block.isChecked(),
            legend=self.legend.isChecked(),
            badges=self.badges.isChecked(),
            page=str(self.page.currentData() or ""),
            lang=str(self.language.currentData() or ""),
        ).save()

    def problem(self) -> str | None:
        """Why these options cannot be exported, in the interface's words; None when they can."""
        if (
            self.format_name in PICTURES
            and self.phases.isChecked()
            and self.first_phase.currentIndex() > self.last_phase.currentIndex()
        ):
            return self.tr("The first phase comes after the last one; choose them in order.")
        return None

    # -- what applies --------------------------------------------------------------------------
    def _edited(self) -> None:
        self._enable()
        self.changed.emit()

    def _enable(self) -> None:
        name = self.format_name
        picture = name in PICTURES
        for widget in (self.whole, self.title_block, self.legend, self.badges):
            widget.setEnabled(picture)
        self.selected.setEnabled(picture and bool(self.selection))
        self.phases.setEnabled(picture and bool(self.blueprint.phases))
        for combo in (self.first_phase, self.last_phase):
            combo.setEnabled(picture and self.phases.isChecked())
        self.scale.setEnabled(name == "png")
        self.transparent.setEnabled(name == "png")
        self.page.setEnabled(name == "pdf")
        self.language.setEnabled(name in WORDED)
