"""The customer's journey in the status bar: its time against the target, and its steps.

The figure comes from :class:`blueprint_app.analysis.process.Process`, the one place the spec's
journey table and BP063 journey-over-target read too, so the window, the spec and the checker
always name the same path and the same total. A click selects the journey's cards.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar, QToolButton

from blueprint_app.analysis.process import Journey
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.model.durations import format_minutes
from blueprint_app.model.text import plain

# How many step titles the tooltip names before it says "…".
TOOLTIP_STEPS = 12


class JourneyStatus(QObject):
    """A flat button at the right of the status bar: "Journey 25 min (target 30 min)"."""

    def __init__(self, bar: QStatusBar, select: Callable[[Sequence[str]], None]) -> None:
        super().__init__(bar)
        self.button = QToolButton()
        self.button.setObjectName("JourneyStatus")
        self.button.setAutoRaise(True)
        self.path: tuple[str, ...] = ()
        self.button.clicked.connect(lambda: select(self.path) if self.path else None)
        bar.addPermanentWidget(self.button)

    def show(self, blueprint: Blueprint, journey: Journey | None, language: str) -> None:
        """Say how long the customer's journey takes, or why there is none to time."""
        self.path = journey.path if journey is not None else ()
        self.button.setEnabled(bool(self.path))
        if journey is None:
            self.button.setText(self.tr("No customer journey"))
            self.button.setToolTip(
                self.tr(
                    "No start step leads to an end step along the customer's process, so there "
                    "is no journey to time (a layered blueprint without arrows has none)."
                )
            )
            return
        total = format_minutes(journey.total_minutes, language)
        target = blueprint.target_minutes
        if target is None:
            text = self.tr("Journey {total}").format(total=total)
        elif journey.total_minutes > target:
            text = self.tr("Journey {total}, over the {target} target").format(
                total=total, target=format_minutes(target, language)
            )
        else:
            text = self.tr("Journey {total} (target {target})").format(
                total=total, target=format_minutes(target, language)
            )
        self.button.setText(text)
        self.button.setToolTip(self._path_text(blueprint, journey))

    def _path_text(self, blueprint: Blueprint, journey: Journey) -> str:
        titles = {step.id: step.title for step in blueprint.steps}
        names = [
            " ".join(plain(titles.get(sid, "") or sid).split())[:40]
            for sid in journey.path[:TOOLTIP_STEPS]
        ]
        if len(journey.path) > TOOLTIP_STEPS:
            names.append("…")
        heading = self.tr("The customer's journey, {count} steps (click to select them):")
        # rich text made on purpose, so a title holding <b> or <a href> shows as typed
        return "<p>{}<br>{}</p>".format(
            html.escape(heading.format(count=len(journey.path))), html.escape(" → ".join(names))
        )
