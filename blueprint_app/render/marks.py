"""Validation marks: the worst finding of a card or flow, drawn the same on the canvas and in
picture exports. A card's mark is its child item, so it follows the card while it is dragged."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from blueprint_app.render import style
from blueprint_app.render.items import CardItem, FlowItem

Z_MARK = 20
SEVERITY_COLOURS = {
    "error": QColor("#c62828"),
    "warning": QColor("#e07b00"),
    "info": QColor("#2f7de1"),
}
#: Where a card's mark sits: just inside its outline, clear of the badges.
CARD_CORNER = QPointF(4.0, 2.0)

MARK_R = 7.5


def paint_severity(painter: QPainter, centre: QPointF, severity: str) -> None:
    """A finding mark: red triangle (error), orange triangle (warning), blue circle (info)."""
    colour = SEVERITY_COLOURS.get(severity, SEVERITY_COLOURS["info"])
    painter.setPen(style.pen(QColor("#ffffff"), 1.4))
    painter.setBrush(colour)
    cx, cy = centre.x(), centre.y()
    if severity == "info":
        painter.drawEllipse(centre, MARK_R - 0.5, MARK_R - 0.5)
        letter = "i"
    else:
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(cx, cy - MARK_R - 1),
                    QPointF(cx + MARK_R + 1, cy + MARK_R - 1),
                    QPointF(cx - MARK_R - 1, cy + MARK_R - 1),
                ]
            )
        )
        letter = "!"
    painter.setPen(QColor("#ffffff"))
    painter.setFont(style.font(10, bold=True))
    box = QRectF(cx - MARK_R, cy - MARK_R + (1.5 if letter == "!" else 0), 2 * MARK_R, 2 * MARK_R)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, letter)


class SeverityMark(QGraphicsItem):
    """The worst finding on one card or flow, as a mark at a corner or along the arrow."""

    def __init__(self, centre: QPointF, severity: str, item_id: str) -> None:
        super().__init__()
        self.setZValue(Z_MARK)
        self.severity, self.item_id = severity, item_id
        self.setPos(centre)

    def boundingRect(self) -> QRectF:
        r = MARK_R + 3
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        paint_severity(painter, QPointF(0, 0), self.severity)


def flow_mark_point(points: list[tuple[float, float]]) -> QPointF:
    """A quarter of the way along the arrow, clear of its label in the middle."""
    path = QPainterPath(QPointF(*points[0]))
    for point in points[1:]:
        path.lineTo(QPointF(*point))
    return path.pointAtPercent(0.25) if path.length() > 0 else QPointF(*points[0])


def place_marks(
    scene: QGraphicsScene,
    item_for: Callable[[str], QGraphicsItem | None],
    worst: Mapping[str, object],
) -> list[SeverityMark]:
    """One mark per card or flow in ``worst`` (item id -> severity, an enum or its value)."""
    marks: list[SeverityMark] = []
    for item_id, severity in worst.items():
        level = str(getattr(severity, "value", severity))
        item = item_for(item_id)
        if isinstance(item, CardItem):
            mark = SeverityMark(CARD_CORNER, level, item_id)
            mark.setParentItem(item)
        elif isinstance(item, FlowItem) and len(item.points) > 1:
            mark = SeverityMark(flow_mark_point(item.points), level, item_id)
            scene.addItem(mark)
        else:
            continue
        marks.append(mark)
    return marks
