"""Validation marks on the canvas: the worst finding of each card and flow, as in exports.

The Problems panel publishes ``worst_by_item`` after each debounced run; this puts one mark per
item on the scene. A card's mark is its child, so it follows the card while it is dragged;
every mark is placed afresh after the next run.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsScene

from blueprint_app.export.image_decor import SeverityMark, flow_mark_point
from blueprint_app.render.items import CardItem, FlowItem
from blueprint_app.validation import Severity

MARKS = "_problem_marks"


def show_marks(scene: QGraphicsScene | None, worst: dict[str, Severity]) -> None:
    """Replace the scene's marks with one per item in ``worst``."""
    if scene is None:
        return
    for mark in getattr(scene, MARKS, []):
        if mark.scene() is scene:
            scene.removeItem(mark)
    marks: list[SeverityMark] = []
    item_for = getattr(scene, "item_for", None)
    for item_id, severity in worst.items():
        item = item_for(item_id) if item_for else None
        if isinstance(item, CardItem):
            mark = SeverityMark(QPointF(4.0, 2.0), severity.value, item_id)
            mark.setParentItem(item)  # rides along with the card
        elif isinstance(item, FlowItem) and len(item.points) > 1:
            mark = SeverityMark(flow_mark_point(item.points), severity.value, item_id)
            scene.addItem(mark)
        else:
            continue
        marks.append(mark)
    setattr(scene, MARKS, marks)
