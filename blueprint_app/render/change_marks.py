"""What changed, drawn on a blueprint's scene: the same marks in ``blueprint diff -o`` pictures
and on the canvas after File ▸ Compare with…

Added items are outlined green, changed ones amber; removed steps come back as ghosts (faint,
dashed, their old title) where they were, removed flows as dashed grey lines between where their
ends are now or were.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from blueprint_app.analysis import geometry as geo
from blueprint_app.model.blueprint import Flow, Step
from blueprint_app.render import style
from blueprint_app.render.items import CardItem, FlowItem
from blueprint_app.render.scene_builder import BlueprintItems

COLOURS = {
    "added": QColor("#2e9e44"),
    "changed": QColor("#f0a000"),
    "removed": QColor("#8a9099"),
}
GHOST_TEXT = QColor("#5f6670")
Z_CHANGE = 19  # below the validation marks (20), above cards, labels and notes
OUTLINE_W = 4.0


class OutlineMark(QGraphicsItem):
    """A coloured rounded outline around a rectangle (a card, note, lane or phase header)."""

    def __init__(self, rect: QRectF, status: str, item_id: str) -> None:
        super().__init__()
        self.setZValue(Z_CHANGE)
        self.rect, self.status, self.item_id = rect.adjusted(-5, -5, 5, 5), status, item_id

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-OUTLINE_W, -OUTLINE_W, OUTLINE_W, OUTLINE_W)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(style.pen(COLOURS[self.status], OUTLINE_W))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(self.rect, 7, 7)


class PathMark(QGraphicsItem):
    """A flow's route drawn wide and see-through in a change's colour (dashed: removed)."""

    def __init__(self, points: list[tuple[float, float]], status: str, item_id: str) -> None:
        super().__init__()
        self.setZValue(Z_CHANGE if status != "removed" else Z_CHANGE - 1)
        self.status, self.item_id = status, item_id
        self.path = QPainterPath(QPointF(*points[0]))
        for point in points[1:]:
            self.path.lineTo(QPointF(*point))

    def boundingRect(self) -> QRectF:
        return self.path.boundingRect().adjusted(-8, -8, 8, 8)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        return stroker.createStroke(self.path)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(COLOURS[self.status])
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.status == "removed":
            painter.setPen(style.pen(colour, 2.0, Qt.PenStyle.DashLine))
        else:
            colour.setAlpha(120)
            painter.setPen(style.pen(colour, 7.0))
        painter.drawPath(self.path)


class GhostCard(QGraphicsItem):
    """A removed step where it was: a faint dashed card with its old title."""

    def __init__(self, rect: geo.Rect, title: str, item_id: str) -> None:
        super().__init__()
        self.setZValue(Z_CHANGE - 1)
        self.setPos(rect.x, rect.y)
        self.size, self.title, self.item_id, self.status = (
            (rect.w, rect.h),
            title,
            item_id,
            "removed",
        )

    def boundingRect(self) -> QRectF:
        return QRectF(-3, -3, self.size[0] + 6, self.size[1] + 6)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(0, 0, *self.size)
        painter.setPen(style.pen(COLOURS["removed"], 2.0, Qt.PenStyle.DashLine))
        painter.setBrush(QColor(240, 241, 243, 190))
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(GHOST_TEXT)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        font = style.font(9)
        font.setStrikeOut(True)
        painter.setFont(font)
        painter.drawText(box.adjusted(8, 6, -8, -6), int(flags), self.title)


def _centre(rect: geo.Rect) -> tuple[float, float]:
    return (rect.x + rect.w / 2, rect.y + rect.h / 2)


def place_change_marks(
    scene: QGraphicsScene,
    items: BlueprintItems,
    status: Mapping[str, str],
    removed_steps: list[Step],
    removed_flows: list[Flow],
) -> list[QGraphicsItem]:
    """Outlines for ``status`` (item id → added / changed), ghosts for the removed steps at
    their old lane and layout in this drawing, dashed lines for removed flows."""
    marks: list[QGraphicsItem] = []
    for item_id, state in status.items():
        mark = _mark_for(items, item_id, state)
        if mark is not None:
            marks.append(mark)
    ghosts: dict[str, geo.Rect] = {}
    for step in removed_steps:
        rect = items.geometry.card_rect(step)
        ghosts[step.id] = rect
        marks.append(GhostCard(rect, step.title or step.id, step.id))
    for flow in removed_flows:
        ends = [_end(items, ghosts, step_id) for step_id in (flow.source, flow.target)]
        if ends[0] is not None and ends[1] is not None:
            marks.append(PathMark([_centre(ends[0]), _centre(ends[1])], "removed", flow.id))
    for mark in marks:
        if mark.scene() is None:
            scene.addItem(mark)
    return marks


def _end(items: BlueprintItems, ghosts: Mapping[str, geo.Rect], step_id: str) -> geo.Rect | None:
    if step_id in items.cards:
        return items.card_rect(step_id)
    return ghosts.get(step_id)


def _mark_for(items: BlueprintItems, item_id: str, state: str) -> QGraphicsItem | None:
    card = items.cards.get(item_id)
    if isinstance(card, CardItem):
        mark = OutlineMark(card.card_rect(), state, item_id)
        mark.setParentItem(card)  # follows the card while it is dragged
        return mark
    flow = items.flows.get(item_id)
    if isinstance(flow, FlowItem) and len(flow.points) > 1:
        return PathMark(flow.points, state, item_id)
    for table in (items.notes, items.lanes, items.phases):
        found = table.get(item_id)
        if found is not None:
            return OutlineMark(found.sceneBoundingRect(), state, item_id)
    return None
