"""Validation marks on the canvas: the worst finding of each card and flow, as in exports.

The Problems panel publishes ``worst_by_item`` after each debounced run; the marks are placed
afresh each time (a card's mark rides along with the card while it is dragged).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import shiboken6

from blueprint_app.canvas.scene import BlueprintScene
from blueprint_app.render.marks import place_marks
from blueprint_app.validation import Finding, Severity

MARKS = "_problem_marks"


def show_marks(
    scene: BlueprintScene | None, worst: Mapping[str, Severity], findings: Iterable[Finding] = ()
) -> None:
    """Replace the scene's marks with one per item in ``worst``; a mark's tooltip quotes the
    ``findings`` of its item."""
    if scene is None:
        return
    messages: dict[str, list[str]] = {}
    for finding in findings:
        for item_id in finding.items:
            messages.setdefault(item_id, []).append(finding.message)
    scene.mark_messages = messages
    for mark in getattr(scene, MARKS, []):
        # a card's mark goes with the card when the card is deleted
        if shiboken6.isValid(mark) and mark.scene() is scene:
            scene.removeItem(mark)
    setattr(scene, MARKS, place_marks(scene, scene.item_for, worst))
