"""Which fields each kind of item shows in the property panel, with their labels and editors.

Kept apart from the panel so the list of fields reads like the file contract: every field of a
step, flow, lane, phase, note and the blueprint itself has an editor here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QToolButton, QVBoxLayout, QWidget

from blueprint_app.history import Document
from blueprint_app.model import FlowKind, LaneKind, StepKind, glossary
from blueprint_app.ui import i18n
from blueprint_app.ui.docks.field_editors import (
    CheckEditor,
    ChoiceEditor,
    Commit,
    EndRun,
    FieldEditor,
    LineEditor,
    MetricsEditor,
    MinutesEditor,
    NumberEditor,
    TextEditor,
)


def field_label(field: str) -> str:
    """The name of a field as the user sees it (also used in undo labels)."""
    labels = {
        "id": QCoreApplication.translate("PropertyPanel", "Id"),
        "lane": i18n.term(glossary.PARTS["lane"]),
        "phase": i18n.term(glossary.PARTS["phase"]),
        "kind": QCoreApplication.translate("PropertyPanel", "Kind"),
        "title": QCoreApplication.translate("PropertyPanel", "Title"),
        "description": QCoreApplication.translate("PropertyPanel", "Description"),
        "actor": QCoreApplication.translate("PropertyPanel", "Actor"),
        "channel": QCoreApplication.translate("PropertyPanel", "Channel"),
        "duration_minutes": i18n.term(glossary.MARKERS["duration"]),
        "target_minutes": i18n.term(glossary.MARKERS["target"]),
        "tolerance_minutes": i18n.term(glossary.MARKERS["tolerance"]),
        "standard": QCoreApplication.translate("PropertyPanel", "Standard"),
        "customer_independent": i18n.term(glossary.MARKERS["customer_independent"]),
        "policy": i18n.term(glossary.MARKERS["policy"]),
        "cost": i18n.term(glossary.MARKERS["cost"]),
        "metrics": i18n.term(glossary.MARKERS["metrics"]),
        "currency": QCoreApplication.translate("PropertyPanel", "Currency"),
        "moment_of_truth": i18n.term(glossary.MARKERS["moment_of_truth"]),
        "fail_point": i18n.term(glossary.MARKERS["fail_point"]),
        "emotion": i18n.term(glossary.MARKERS["emotion"]),
        "two_way": i18n.term(glossary.MARKERS["two_way"]),
        "source": QCoreApplication.translate("PropertyPanel", "From"),
        "target": QCoreApplication.translate("PropertyPanel", "To"),
        "label": QCoreApplication.translate("PropertyPanel", "Label"),
        "text": QCoreApplication.translate("PropertyPanel", "Text"),
        "attached_to": QCoreApplication.translate("PropertyPanel", "Attached to"),
        "customer": i18n.term(glossary.LANE_KINDS[LaneKind.CUSTOMER]),
        "scenario": QCoreApplication.translate("PropertyPanel", "Scenario"),
        "language": QCoreApplication.translate("PropertyPanel", "Language"),
    }
    return labels.get(field, field)


def step_kind_options() -> list[tuple[str, Any]]:
    """The step kinds, named by the glossary (palette, context menu and step form alike)."""
    return [(i18n.term(glossary.STEP_KINDS[kind]), kind) for kind in StepKind]


def flow_kind_options() -> list[tuple[str, Any]]:
    return [(i18n.term(glossary.FLOW_KINDS[kind]), kind) for kind in FlowKind]


def emotion_options() -> list[tuple[str, Any]]:
    return [
        (QCoreApplication.translate("PropertyPanel", "— not set —"), None),
        (QCoreApplication.translate("PropertyPanel", "−2 very negative"), -2),
        (QCoreApplication.translate("PropertyPanel", "−1 negative"), -1),
        (QCoreApplication.translate("PropertyPanel", "0 neutral"), 0),
        (QCoreApplication.translate("PropertyPanel", "+1 positive"), 1),
        (QCoreApplication.translate("PropertyPanel", "+2 very positive"), 2),
    ]


def lane_kind_name(kind: LaneKind) -> str:
    return i18n.term(glossary.LANE_KINDS[kind])


def customer_independent_hint() -> str:
    """What the checkbox means, in plain words (its tooltip)."""
    return QCoreApplication.translate(
        "PropertyPanel",
        "Work done regardless of any one customer: buying supplies, baking tomorrow's bread, "
        "training, cleaning after closing. It lies below the line of order penetration "
        "(Fließ & Kleinaltenkamp) and is not part of a customer's journey.",
    )


def _form_layout() -> QFormLayout:
    layout = QFormLayout()
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return layout


def _add_rows(layout: QFormLayout, editors: Sequence[FieldEditor]) -> None:
    for editor in editors:
        label = "" if isinstance(editor, CheckEditor) else field_label(editor.field)
        layout.addRow(label, editor.widget)


class FieldSection(QWidget):
    """A collapsible group of fields under a header that counts the fields that are set, so a
    closed group still says whether it holds anything. The common fields stay above the groups
    (visible without scrolling at 1600×1000); rarer ones wait in closed groups. Open or closed
    stays as chosen while the app runs."""

    def __init__(
        self, title: Callable[[], str], editors: Sequence[FieldEditor], open_: bool = False
    ) -> None:
        super().__init__()
        self.title = title
        self.editors = list(editors)
        self.toggle = QToolButton()
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self.set_open)
        self.body = QWidget()
        layout = _form_layout()
        layout.setContentsMargins(0, 0, 0, 0)
        _add_rows(layout, self.editors)
        self.body.setLayout(layout)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        outer.addWidget(self.toggle)
        outer.addWidget(self.body)
        self.toggle.setChecked(open_)
        self.set_open(open_)
        self.show_count(0)

    def set_open(self, open_: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.body.setVisible(open_)

    def show_count(self, count: int) -> None:
        title = self.title()
        self.toggle.setText(f"{title} ({count})" if count else title)


def more_title() -> str:
    return QCoreApplication.translate("PropertyPanel", "Policy, cost and metrics")


def people_title() -> str:
    return QCoreApplication.translate("PropertyPanel", "Actor and channel")


def times_title() -> str:
    return QCoreApplication.translate("PropertyPanel", "Times")


def details_title() -> str:
    return QCoreApplication.translate("PropertyPanel", "Details")


class ItemForm(QWidget):
    """A form of field editors; ``show_item`` fills them from a model object. ``sections`` go
    under the others, each collapsible; ``more`` is the "Policy, cost and metrics" one."""

    def __init__(
        self,
        editors: Sequence[FieldEditor],
        display: dict[str, Callable[[Any], Any]] | None = None,
        sections: Sequence[FieldSection] = (),
    ) -> None:
        super().__init__()
        self.sections = list(sections)
        self.editors = [*editors, *(e for section in self.sections for e in section.editors)]
        self.display = display or {}
        outer = QVBoxLayout(self)
        layout = _form_layout()
        _add_rows(layout, editors)
        outer.addLayout(layout)
        for section in self.sections:
            outer.addWidget(section)
        self.more = next((x for x in self.sections if x.title is more_title), None)
        outer.addStretch(1)  # rows stay together at the top however tall the dock is

    def show_item(self, item: Any) -> None:
        for editor in self.editors:
            value = getattr(item, editor.field)
            shown = self.display.get(editor.field)
            editor.show_value(shown(value) if shown else value)
        for section in self.sections:
            if section.title is details_title:
                continue  # the id is always there: nothing to count
            section.show_count(
                sum(
                    bool(getattr(item, e.field) not in (None, "", [], False))
                    for e in section.editors
                )
            )

    def editor(self, field: str) -> FieldEditor:
        return next(e for e in self.editors if e.field == field)


def build_forms(
    document: Callable[[], Document], commit: Commit, end_run: EndRun
) -> dict[str, ItemForm]:
    """One form per collection name, plus ``blueprint`` for the document's own fields."""

    def line(field: str) -> LineEditor:
        return LineEditor(field, commit, end_run)

    def read_only(field: str) -> LineEditor:
        return LineEditor(field, commit, end_run, read_only=True)

    def text(field: str) -> TextEditor:
        return TextEditor(field, commit, end_run)

    def minutes(field: str) -> MinutesEditor:
        return MinutesEditor(field, commit, end_run, lambda: document().blueprint.language)

    def check(field: str, hint: str = "") -> CheckEditor:
        editor = CheckEditor(field, commit, end_run, field_label(field))
        editor.set_hint(hint)
        return editor

    def choice(field: str, options: Callable[[], Sequence[tuple[str, Any]]]) -> ChoiceEditor:
        return ChoiceEditor(field, commit, end_run, options)

    def lanes() -> list[tuple[str, Any]]:
        return [(lane.title or lane.id, lane.id) for lane in document().blueprint.lanes]

    def phases() -> list[tuple[str, Any]]:
        return [(QCoreApplication.translate("PropertyPanel", "— no phase —"), None)] + [
            (phase.title or phase.id, phase.id) for phase in document().blueprint.phases
        ]

    def step_name(step_id: str) -> str:
        """A step as people know it, by its title (its id only when it has none)."""
        item = document().get(step_id)
        return getattr(item, "title", "") or step_id

    def optional_step_name(step_id: str | None) -> str:
        return step_name(step_id) if step_id else ""

    def details(*editors: FieldEditor) -> FieldSection:
        return FieldSection(details_title, editors)

    return {
        "steps": ItemForm(
            [
                line("title"),
                choice("kind", step_kind_options),
                choice("lane", lanes),
                choice("phase", phases),
                line("standard"),
                check("moment_of_truth"),
                check("fail_point"),
                check("customer_independent", customer_independent_hint()),
                choice("emotion", emotion_options),
                text("description"),
            ],
            sections=[
                FieldSection(people_title, [line("actor"), line("channel")], open_=True),
                FieldSection(
                    times_title,
                    [
                        minutes("duration_minutes"),
                        minutes("target_minutes"),
                        minutes("tolerance_minutes"),
                    ],
                    open_=True,
                ),
                FieldSection(
                    more_title,
                    [
                        text("policy"),
                        NumberEditor("cost", commit, end_run),
                        MetricsEditor("metrics", commit, end_run),
                    ],
                ),
                details(read_only("id")),
            ],
        ),
        "flows": ItemForm(
            [
                read_only("source"),
                read_only("target"),
                choice("kind", flow_kind_options),
                line("label"),
                CheckEditor("two_way", commit, end_run, field_label("two_way")),
                line("channel"),
            ],
            {"source": step_name, "target": step_name},
            sections=[details(read_only("id"))],
        ),
        "lanes": ItemForm(
            [read_only("kind"), line("title")],
            {"kind": lane_kind_name},
            sections=[details(read_only("id"))],
        ),
        "phases": ItemForm(
            [line("title"), text("description")], sections=[details(read_only("id"))]
        ),
        "notes": ItemForm(
            [text("text"), read_only("attached_to")],
            {"attached_to": optional_step_name},
            sections=[details(read_only("id"))],
        ),
        "blueprint": ItemForm(
            [
                line("title"),
                text("description"),
                line("customer"),
                line("scenario"),
                line("language"),
                minutes("target_minutes"),
                minutes("tolerance_minutes"),
                line("currency"),
            ]
        ),
    }
