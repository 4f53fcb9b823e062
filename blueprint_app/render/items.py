"""Graphics items of a drawn blueprint. Each reads its model object when it paints, so an item
holds no state the document lacks (hover and selection aside); mouse handling lives elsewhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from blueprint_app.analysis import geometry as geo
from blueprint_app.analysis.routing import Point
from blueprint_app.model.blueprint import Flow, FlowKind, Note, Step
from blueprint_app.render import painting, style
from blueprint_app.render.text import draw_wrapped, one_line, wrap

if TYPE_CHECKING:
    from blueprint_app.render.scene_builder import BlueprintItems

LABEL_PX, LABEL_MAX_W = 10.0, 140.0
#: Below this level of detail (zoomed far out) a flow is a hairline without heads or label, as a
#: card is then an outline: nothing smaller than a pixel is drawn in full.
FLOW_DETAIL = 0.35
Z_LANE, Z_PHASE, Z_LINE, Z_FLOW, Z_CARD, Z_LABEL, Z_NOTE, Z_EDIT = 0, 1, 2, 3, 4, 4.5, 5, 10


def _detail(painter: QPainter, option: QStyleOptionGraphicsItem) -> float:
    return option.levelOfDetailFromTransform(painter.worldTransform())


class LaneItem(QGraphicsItem):
    """A lane band across the whole width, with its title cell at the left."""

    def __init__(self, band: geo.LaneBand, left: float, right: float) -> None:
        super().__init__()
        self.setZValue(Z_LANE)
        self.band, self.left, self.right = band, left, right
        self.lane_id = band.id

    def set_frame(self, band: geo.LaneBand, left: float, right: float) -> None:
        if (band, left, right) != (self.band, self.left, self.right):
            self.prepareGeometryChange()
            self.band, self.left, self.right = band, left, right
            self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(self.left, self.band.top, self.right - self.left, self.band.height)

    def header_rect(self) -> QRectF:
        """The title cell at the left: clicking it picks the lane."""
        return QRectF(self.left, self.band.top, geo.LANE_HEADER_W - 8, self.band.height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        colours = style.lane_colours(self.band.kind)
        rect = self.boundingRect()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colours.band))
        painter.drawRect(rect)
        header = self.header_rect()
        painter.setBrush(QColor(colours.header))
        painter.drawRect(header)
        painter.setPen(style.pen(QColor("#ffffff"), 1.0))
        painter.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.right(), rect.bottom()))
        painter.setBrush(QColor(colours.accent))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRect(QRectF(header.left(), header.top(), 4, header.height()))
        if _detail(painter, option) < 0.25:
            return
        title_font = style.font(13, bold=True)
        box = header.adjusted(14, 6, -8, -6)
        wrapped = wrap(self.band.title, title_font, box.width(), max(1, int(box.height() // 17)))
        painter.setFont(title_font)
        painter.setPen(QColor(colours.accent).darker(140))
        draw_wrapped(painter, wrapped, box, Qt.AlignmentFlag.AlignLeft)


class PhaseItem(QGraphicsItem):
    """A phase: its header along the top and a faint separator down through the lanes."""

    def __init__(self, column: geo.PhaseColumn, bottom: float) -> None:
        super().__init__()
        self.setZValue(Z_PHASE)
        self.column, self.bottom = column, bottom
        self.phase_id = column.id

    def set_frame(self, column: geo.PhaseColumn, bottom: float) -> None:
        if (column, bottom) != (self.column, self.bottom):
            self.prepareGeometryChange()
            self.column, self.bottom = column, bottom
            self.update()

    def boundingRect(self) -> QRectF:
        c = self.column
        return QRectF(c.left - 1, 0, c.right - c.left + 2, self.bottom)

    def header_rect(self) -> QRectF:
        """The header along the top: clicking it picks the phase."""
        c = self.column
        return QRectF(c.left + 2, 0, c.right - c.left - 4, geo.PHASE_H)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        c = self.column
        header = self.header_rect()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.PHASE_FILL)
        path = QPainterPath()
        path.addRoundedRect(header, 5, 5)
        painter.drawPath(path)
        painter.setPen(style.pen(style.GRID, 1.0, Qt.PenStyle.DashLine))
        painter.drawLine(
            QPointF(c.right, geo.PHASE_H + geo.PHASE_GAP), QPointF(c.right, self.bottom)
        )
        if _detail(painter, option) < 0.25:
            return
        painter.setFont(style.font(13, bold=True))
        painter.setPen(style.PHASE_TEXT)
        metrics_box = header.adjusted(8, 0, -8, 0)
        text = painter.fontMetrics().elidedText(
            one_line(c.title), Qt.TextElideMode.ElideRight, int(metrics_box.width())
        )
        painter.drawText(metrics_box, Qt.AlignmentFlag.AlignCenter, text)


#: The name (and style key) of the line of order penetration, drawn inside lanes.
ORDER_LINE = "order_penetration"


class LineItem(QGraphicsItem):
    """One of the three labelled lines (interaction, visibility, internal interaction), or a
    stretch of the line of order penetration, which runs inside a lane and so starts right of
    the lane titles instead of striking through them."""

    def __init__(self, name: str, label: str, y: float, left: float, right: float) -> None:
        super().__init__()
        self.setZValue(Z_LINE)
        self.name, self.label = name, label
        self.line_y, self.left, self.right = y, left, right

    def set_frame(self, y: float, left: float, right: float, label: str | None = None) -> None:
        label = self.label if label is None else label
        if (y, left, right, label) != (self.line_y, self.left, self.right, self.label):
            self.prepareGeometryChange()
            self.line_y, self.left, self.right, self.label = y, left, right, label
            self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(self.left, self.line_y - 14, self.right - self.left, 20)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        colour, pen_style, width = style.LINE_STYLES[self.name]
        painter.setPen(style.pen(colour, width, pen_style))
        start = self.left + geo.LANE_HEADER_W - 8 if self.name == ORDER_LINE else self.left
        painter.drawLine(QPointF(start, self.line_y), QPointF(self.right, self.line_y))
        if _detail(painter, option) < 0.25:
            return
        label_font = style.font(10, bold=True)
        painter.setFont(label_font)
        text_width = painter.fontMetrics().horizontalAdvance(self.label) + 10
        x = self.left + geo.LANE_HEADER_W - 2
        box = QRectF(x, self.line_y - 8, text_width, 15)
        painter.setPen(style.pen(colour, 1.0))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(box, 7, 7)
        painter.setPen(colour)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.label)


class CardItem(QGraphicsItem):
    """A step card at the step's layout; the connect handle shows on hover and selection."""

    def __init__(self, items: BlueprintItems, step_id: str, interactive: bool) -> None:
        super().__init__()
        self.items, self.step_id = items, step_id
        self.setZValue(Z_CARD)
        self.hovered = False
        self.editing = False
        if interactive:
            # on the canvas a card repaints from a pixmap unless it changed: cheap repaints when
            # things move over it. Never in exports: SVG and PDF need the vector drawing.
            self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
            self.setAcceptHoverEvents(True)

    @property
    def step(self) -> Step:
        return self.items.step(self.step_id)

    BOUNDS = QRectF(
        -3, -painting.BADGE_R - 1, geo.CARD_W + geo.HANDLE_R + 6, geo.CARD_H + painting.BADGE_R + 6
    )

    def boundingRect(self) -> QRectF:
        return self.BOUNDS

    def card_rect(self) -> QRectF:
        return QRectF(0, 0, geo.CARD_W, geo.CARD_H)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.card_rect())
        path.addEllipse(self.handle_pos(), geo.HANDLE_R + 2, geo.HANDLE_R + 2)
        return path

    def handle_pos(self) -> QPointF:
        return QPointF(geo.CARD_W, geo.CARD_H / 2)

    def scene_rect(self) -> geo.Rect:
        pos = self.pos()
        return geo.Rect(pos.x(), pos.y(), geo.CARD_W, geo.CARD_H)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = True
        self.update()

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        """A cross over the connect handle says "drag from here to connect"."""
        offset = event.pos() - self.handle_pos()
        if offset.x() ** 2 + offset.y() ** 2 <= (geo.HANDLE_R + 3) ** 2:
            self.setCursor(Qt.CursorShape.CrossCursor)
        else:
            self.unsetCursor()

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered = False
        self.unsetCursor()
        self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        step = self.items.find(self.step_id)
        if not isinstance(step, Step):
            return
        detail = _detail(painter, option)
        painting.paint_card(
            painter,
            self.card_rect(),
            step,
            self.items.lane_kind(step.lane),
            self.isSelected(),
            detail,
            self.items.blueprint.language,
        )
        if self.editing:
            return
        if (self.hovered or self.isSelected()) and detail >= 0.35:
            painter.setPen(style.pen(QColor("#ffffff"), 1.5))
            painter.setBrush(style.SELECTION)
            painter.drawEllipse(self.handle_pos(), geo.HANDLE_R, geo.HANDLE_R)


class FlowItem(QGraphicsItem):
    """An arrow between two cards, routed orthogonally, with its label; a two-way flow has a
    head at both ends."""

    def __init__(self, items: BlueprintItems, flow_id: str, interactive: bool) -> None:
        super().__init__()
        self.items, self.flow_id = items, flow_id
        self.setZValue(Z_FLOW)
        self.points: list[Point] = []
        self._path = QPainterPath()
        self._bounds = QRectF()
        #: the label, drawn above the cards so no card hides it; only a flow with a label or a
        #: channel has one (an empty item per unlabelled flow piled up at the scene origin, and
        #: every repaint there called Python for each of them). No ``itemChange`` override
        #: either: Qt called it ~8 times per flow while a scene was built. The owner of the
        #: items adds and removes the label with its flow (see :meth:`attach_label`).
        self.label_item: FlowLabelItem | None = None
        if interactive:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)

    def attach_label(self) -> None:
        """Put the label in the flow's scene (after the flow was added or its label appeared)."""
        label, scene = self.label_item, self.scene()
        if label is not None and scene is not None and label.scene() is not scene:
            scene.addItem(label)

    def detach_label(self) -> None:
        """Take the label out of its scene (the flow goes, or no longer shows a label)."""
        label = self.label_item
        if label is not None and label.scene() is not None:
            label.scene().removeItem(label)

    def reroute(self, routed: list[Point] | None = None) -> None:
        """Follow the end cards where they are now (during a drag too); ``routed``: the route
        as :meth:`BlueprintItems.route_between` just worked it out for this flow."""
        flow = self.items.flow(self.flow_id)
        points = routed or self.items.route_between(flow.source, flow.target, self.flow_id)
        self.prepareGeometryChange()
        self.points = points
        path = QPainterPath(QPointF(*points[0]))
        for point in points[1:]:
            path.lineTo(QPointF(*point))
        self._path = path
        self._bounds = path.boundingRect().adjusted(-10, -10, 10, 10)
        shown = flow.label or flow.channel
        if shown:
            if self.label_item is None:
                self.label_item = FlowLabelItem(self)
            self.label_item.place(self._label_rect(flow))
            self.attach_label()
        else:
            self.items.forget_label(self.flow_id)
            if self.label_item is not None:
                self.detach_label()
                self.label_item = None
        self.update()

    def provisional(self, points: list[Point]) -> None:
        """Stand in for the route until it is worked out: a straight line between the cards.
        The canvas routes a large blueprint in idle time, and whatever is in view at a
        readable zoom before it paints (see ``BlueprintItems.route_pending``), so this line is
        only ever seen zoomed far out, as a hairline."""
        self.prepareGeometryChange()
        self.points = points
        self._path = QPainterPath(QPointF(*points[0]))
        for point in points[1:]:
            self._path.lineTo(QPointF(*point))
        self._bounds = self._path.boundingRect().adjusted(-10, -10, 10, 10)

    def shift(self, dy: float) -> None:
        """Move the route and its label down by ``dy`` unchanged (its cards, everything in its
        way and every flow sharing its card edges moved the same: see
        ``BlueprintItems.follow_shift``); the label's box moves in ``label_boxes`` too, so the
        labels placed after keep clear of it where it is now."""
        self.prepareGeometryChange()
        self.points = [(x, y + dy) for x, y in self.points]
        self._path.translate(0, dy)
        self._bounds.translate(0, dy)
        label = self.label_item
        if label is not None:
            label.place(label.boundingRect().adjusted(1, 1, -1, -1).translated(0, dy))
            box = self.items.label_boxes.rect(self.flow_id)
            if box is not None:
                self.items.label_boxes.put(self.flow_id, geo.Rect(box.x, box.y + dy, box.w, box.h))
        self.update()

    def _label_rect(self, flow: Flow) -> QRectF:
        """On or beside the route, clear of cards, badges and other labels (see
        :mod:`blueprint_app.analysis.label_place`). The channel follows the label on the same
        line, so the box is no taller than a label's."""
        width = sum(width for _, width in label_parts(flow)) + 10
        box = self.items.place_label(self.flow_id, self.points, width)
        return QRectF(box.x, box.y, box.w, box.h)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(8)
        return stroker.createStroke(self._path)

    def end_points(self) -> tuple[QPointF, QPointF]:
        return QPointF(*self.points[0]), QPointF(*self.points[-1])

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        flow = self.items.find(self.flow_id)
        if not self.points or not isinstance(flow, Flow):
            return
        colour, pen_style, width = style.FLOW_STYLES.get(
            flow.kind, style.FLOW_STYLES[FlowKind.FLOW]
        )
        if self.isSelected():
            colour, width = style.SELECTION, width + 1
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if _detail(painter, option) < FLOW_DETAIL:
            painter.setPen(QPen(colour, 0, pen_style))  # a cosmetic hairline, no heads
            painter.drawPath(self._path)
            return
        painter.setPen(style.pen(colour, width, pen_style))
        painter.drawPath(self._path)
        painter.setPen(QPen(colour, 1.0))
        painter.setBrush(colour)
        for tip, before in self.heads(flow):
            if flow.kind == FlowKind.EVIDENCE:
                painter.drawEllipse(tip, 3.0, 3.0)
            else:
                painter.drawPolygon(painting.arrow_head(tip, before))

    def heads(self, flow: Flow) -> list[tuple[QPointF, QPointF]]:
        """Each end that carries a head, as (tip, the point before it): the target's, and the
        source's too when the interaction goes both ways."""
        if len(self.points) < 2:
            return []
        ends = [(QPointF(*self.points[-1]), QPointF(*self.points[-2]))]
        if flow.two_way:
            ends.append((QPointF(*self.points[0]), QPointF(*self.points[1])))
        return ends


class FlowLabelItem(QGraphicsItem):
    """A flow's label, drawn above the cards; it belongs to its :class:`FlowItem`."""

    def __init__(self, flow_item: FlowItem) -> None:
        super().__init__()
        self.flow_item = flow_item
        self.setZValue(Z_LABEL)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._box = QRectF()

    def place(self, box: QRectF) -> None:
        if box != self._box:
            self.prepareGeometryChange()
            self._box = box
        self.update()

    def boundingRect(self) -> QRectF:
        return self._box.adjusted(-1, -1, 1, 1) if not self._box.isEmpty() else QRectF()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        flow = self.flow_item.items.find(self.flow_item.flow_id)
        shown = isinstance(flow, Flow) and (flow.label or flow.channel)
        if not isinstance(flow, Flow) or not shown or _detail(painter, option) < FLOW_DETAIL:
            return
        colour = style.FLOW_STYLES.get(flow.kind, style.FLOW_STYLES[FlowKind.FLOW])[0]
        if self.flow_item.isSelected():
            colour = style.SELECTION
        painter.setPen(style.pen(colour.lighter(150), 0.8))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(self._box, 4, 4)
        x = self._box.left() + 5
        for part, width in label_parts(flow):
            font = channel_font() if part == "channel" else style.font(LABEL_PX)
            text = one_line(flow.channel if part == "channel" else flow.label)
            painter.setFont(font)
            painter.setPen(style.MUTED if part == "channel" else colour.darker(120))
            if part == "channel" and flow.label:
                text = f" · {text}"
            elided = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
            box = QRectF(x, self._box.top(), width, self._box.height())
            align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
            painter.drawText(box, align, elided)
            x += width


CHANNEL_PX = 9.0
CHANNEL_MAX_W = 90.0


def channel_font() -> QFont:
    """A flow's channel after its label: smaller and italic, so it reads as a note on the
    label rather than as part of it."""
    result = style.font(CHANNEL_PX)
    result.setItalic(True)
    return result


def label_parts(flow: Flow) -> list[tuple[str, float]]:
    """What a flow's label box shows, left to right, each with the width it gets: the label
    (at most LABEL_MAX_W), then the channel (at most CHANNEL_MAX_W) after a "·"."""
    parts = []
    if flow.label:
        advance = QFontMetricsF(style.font(LABEL_PX)).horizontalAdvance(one_line(flow.label))
        parts.append(("label", min(advance, LABEL_MAX_W)))
    if flow.channel:
        text = f" · {one_line(flow.channel)}" if flow.label else one_line(flow.channel)
        advance = QFontMetricsF(channel_font()).horizontalAdvance(text)
        parts.append(("channel", min(advance, CHANNEL_MAX_W)))
    return parts


NOTE_W, NOTE_H = 130.0, 80.0


class NoteItem(QGraphicsItem):
    """A sticky note at its stored position."""

    def __init__(self, items: BlueprintItems, note_id: str, interactive: bool) -> None:
        super().__init__()
        self.items, self.note_id = items, note_id
        self.setZValue(Z_NOTE)
        if interactive:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)

    @property
    def note(self) -> Note:
        return self.items.note(self.note_id)

    def boundingRect(self) -> QRectF:
        return QRectF(-2, -2, NOTE_W + 6, NOTE_H + 6)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        note = self.items.find(self.note_id)
        if not isinstance(note, Note):
            return
        painting.paint_note(painter, QRectF(0, 0, NOTE_W, NOTE_H), note.text)
        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(style.pen(style.SELECTION, 2.0))
            painter.drawRect(QRectF(0, 0, NOTE_W, NOTE_H))
