"""The Problems panel: the validation findings of the open document, kept current as it changes.

Validation runs on a single-shot timer restarted by every history change (debounced), so a
keystroke in a field never waits for the rules; only a pause in editing runs them. The panel
also owns the status bar's error/warning count and publishes ``worst_by_item`` (the most
severe finding per item id) for badges on the canvas through :attr:`ProblemsPanel.badges_changed`
and :meth:`ProblemsPanel.badges`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStatusBar,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from blueprint_app.analysis.process import Process
from blueprint_app.editing.session import Session
from blueprint_app.history import History
from blueprint_app.ui import i18n
from blueprint_app.ui.docks.session_dock import SessionDock
from blueprint_app.ui.item_names import item_name, nothing
from blueprint_app.validation import Finding, Severity, counts, validate, worst_by_item

DEBOUNCE_MS = 300
FINDING_ROLE = Qt.ItemDataRole.UserRole


class ProblemsPanel(SessionDock):
    """A dock listing findings: severity icon, rule id, message, items.

    ``activated`` carries the item ids of a double-clicked finding (the window selects and
    centres them); ``findings_changed`` the new list after each run; ``badges_changed`` the
    worst severity per item id.
    """

    activated = Signal(list)
    findings_changed = Signal(object)  # list[Finding]
    badges_changed = Signal(object)  # dict[str, Severity] (object: keeps the enum values)
    journey_changed = Signal(object, object)  # Blueprint, Journey | None: after every run

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ProblemsPanel", "Problems"))
        self.setObjectName("ProblemsPanel")
        self.findings: list[Finding] = []
        self.runs = 0  # how many validations ran (the benchmark and tests read it)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(
            [self.tr("Severity"), self.tr("Rule"), self.tr("Message"), self.tr("Items")]
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the message
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 220)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.setWidget(self.tree)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("ProblemCounts")

    # -- wiring --------------------------------------------------------------------------------
    def attach_status(self, bar: QStatusBar) -> None:
        """Show the error and warning count at the right of ``bar``."""
        bar.addPermanentWidget(self.counts_label)

    def follow(self, session: Session) -> Callable[[], None]:
        """Validate ``session`` now (:meth:`session_shown`), then after each pause in editing."""
        history = session.history
        return history.subscribe(lambda: self._history_changed(history))

    def session_shown(self, session: Session) -> None:
        self.refresh()

    def release(self) -> None:
        super().release()
        self.timer.stop()
        self.session = None

    def _history_changed(self, history: History) -> None:
        if self.session is None or history is not self.session.history:
            return  # a replaced session's history
        self.timer.start()  # restart: validation waits for a pause in editing

    # -- validation ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Validate now and show the result, in the interface's language like the rest of the
        window (the command line uses the blueprint's own language)."""
        self.timer.stop()
        if self.session is None:
            return
        blueprint = self.session.blueprint
        # the blueprint's own `rules` apply (bad entries there are findings, never errors)
        process = Process(blueprint)  # one for the rules and the journey shown below
        findings = validate(blueprint, language=i18n.blueprint_language(), process=process)
        self.runs += 1
        # the journey of BP063 and the spec, shown beside the counts (a duration typed in a
        # field changes it without changing any finding)
        self.journey_changed.emit(blueprint, process.journey)
        if self.runs > 1 and findings == self.findings:
            return  # nothing new to show (most keystrokes in a title)
        self.findings = findings
        self._fill(findings)
        self._show_counts(findings)
        self.findings_changed.emit(findings)
        self.badges_changed.emit(self.badges())

    def badges(self) -> dict[str, Severity]:
        """The most severe finding per item id (steps, flows, lanes, phases): for card badges."""
        return worst_by_item(self.findings)

    def _fill(self, findings: Sequence[Finding]) -> None:
        icons = _severity_icons(self)
        names = severity_names()
        names_from = self.session.document.get if self.session is not None else nothing
        self.tree.setUpdatesEnabled(False)
        try:
            self.tree.clear()
            rows = []
            for finding in findings:
                row = QTreeWidgetItem(
                    [
                        names[finding.severity],
                        finding.rule,
                        finding.message,
                        ", ".join(item_name(names_from, i) for i in finding.items),
                    ]
                )
                row.setIcon(0, icons[finding.severity])
                row.setToolTip(2, f"{finding.message}\n\n{finding.hint}")
                row.setToolTip(3, ", ".join(finding.items))  # the ids, for the file's reader
                row.setData(0, FINDING_ROLE, list(finding.items))
                rows.append(row)
            self.tree.addTopLevelItems(rows)
        finally:
            self.tree.setUpdatesEnabled(True)
        for column in (0, 1):
            self.tree.resizeColumnToContents(column)

    def _show_counts(self, findings: Sequence[Finding]) -> None:
        self.counts_label.setText(count_text(counts(findings)))
        self.setWindowTitle(
            self.tr("Problems ({count})").format(count=len(findings))
            if findings
            else self.tr("Problems")
        )

    def _activated(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        items = row.data(0, FINDING_ROLE) or []
        if items:
            self.activated.emit(list(items))


def count_text(by_severity: dict[Severity, int]) -> str:
    """ "2 errors, 1 warning" (", 3 info" when there are some; "No problems" when there is
    nothing at all) for the status bar, so it never says "No problems" over a listed finding."""
    errors, warnings = by_severity[Severity.ERROR], by_severity[Severity.WARNING]
    infos = by_severity.get(Severity.INFO, 0)
    info_text = QCoreApplication.translate("ProblemsPanel", "{n} info").format(n=infos)
    if not errors and not warnings:
        return info_text if infos else QCoreApplication.translate("ProblemsPanel", "No problems")
    error_text = (
        QCoreApplication.translate("ProblemsPanel", "1 error")
        if errors == 1
        else QCoreApplication.translate("ProblemsPanel", "{n} errors").format(n=errors)
    )
    warning_text = (
        QCoreApplication.translate("ProblemsPanel", "1 warning")
        if warnings == 1
        else QCoreApplication.translate("ProblemsPanel", "{n} warnings").format(n=warnings)
    )
    return (
        f"{error_text}, {warning_text}, {info_text}" if infos else f"{error_text}, {warning_text}"
    )


def severity_names() -> dict[Severity, str]:
    return {
        Severity.ERROR: QCoreApplication.translate("ProblemsPanel", "Error"),
        Severity.WARNING: QCoreApplication.translate("ProblemsPanel", "Warning"),
        Severity.INFO: QCoreApplication.translate("ProblemsPanel", "Info"),
    }


def _severity_icons(widget: QWidget) -> dict[Severity, QIcon]:
    style = widget.style()
    return {
        Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
        Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        Severity.INFO: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
    }


def select_on_canvas(scene: Any, view: Any, ids: Sequence[str]) -> None:
    """Select every item of a finding on the canvas and centre the first one shown there."""
    item_for = getattr(scene, "item_for", None)
    shown = [i for i in ids if item_for is not None and item_for(i) is not None]
    if shown:
        view.center_on_id(shown[0])
    scene.select_ids(ids)
    scene.selectionChanged.emit()  # select_ids is silent: let the panels follow
