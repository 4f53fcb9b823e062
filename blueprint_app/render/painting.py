"""Painting the pieces of a blueprint with a QPainter: cards, badges, arrowheads, notes.

Pure functions of the model and a rectangle, so a canvas item, a PNG and an SVG export draw the
same picture. Each step kind has its own outline, readable even without colour: start and end are
pills (end with a double edge), a decision is a hexagon pointed left and right, a wait has the
rounded "delay" edge, evidence the wavy bottom of a document.
"""

from __future__ import annotations

import functools
import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPolygonF

from blueprint_app.model.blueprint import LaneKind, Step, StepKind
from blueprint_app.model.durations import format_minutes, format_pair
from blueprint_app.render import style
from blueprint_app.render.text import draw_wrapped, wrap

TITLE_FONT_PX = 11.0
META_FONT_PX = 9.5
BADGE_R = 8.0


def card_path(kind: StepKind, rect: QRectF) -> QPainterPath:
    """The outline of a card of ``kind`` filling ``rect``."""
    path = QPainterPath()
    h = rect.height()
    if kind in (StepKind.START, StepKind.END):
        path.addRoundedRect(rect, h / 2, h / 2)
    elif kind == StepKind.DECISION:
        tip = min(16.0, rect.width() / 4)
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(rect.left() + tip, rect.top()),
                    QPointF(rect.right() - tip, rect.top()),
                    QPointF(rect.right(), rect.center().y()),
                    QPointF(rect.right() - tip, rect.bottom()),
                    QPointF(rect.left() + tip, rect.bottom()),
                    QPointF(rect.left(), rect.center().y()),
                ]
            )
        )
        path.closeSubpath()
    elif kind == StepKind.WAIT:
        r = h / 2
        path.moveTo(rect.left() + 4, rect.top())
        path.lineTo(rect.right() - r, rect.top())
        path.arcTo(QRectF(rect.right() - 2 * r, rect.top(), 2 * r, h), 90, -180)
        path.lineTo(rect.left() + 4, rect.bottom())
        path.quadTo(rect.left(), rect.bottom(), rect.left(), rect.bottom() - 4)
        path.lineTo(rect.left(), rect.top() + 4)
        path.quadTo(rect.left(), rect.top(), rect.left() + 4, rect.top())
        path.closeSubpath()
    elif kind == StepKind.EVIDENCE:
        wave = 6.0
        bottom = rect.bottom() - wave
        path.moveTo(rect.topLeft())
        path.lineTo(rect.topRight())
        path.lineTo(rect.right(), bottom)
        third = rect.width() / 3
        path.cubicTo(
            QPointF(rect.right() - third, bottom - 2 * wave),
            QPointF(rect.left() + third, bottom + 2 * wave),
            QPointF(rect.left(), bottom),
        )
        path.closeSubpath()
    else:
        path.addRoundedRect(rect, 7, 7)
    return path


def _text_inset(kind: StepKind) -> float:
    return {
        StepKind.START: 14.0,
        StepKind.END: 14.0,
        StepKind.DECISION: 15.0,
        StepKind.WAIT: 10.0,
    }.get(kind, 7.0)


def meta_text(step: Step, language: str = "en") -> str:
    """The small line under the title: duration against target, in human units in the
    blueprint's language (``5 / 3 min``, ``1 h 30 min / 2 d``, ``≤ 2 天``)."""
    duration, target = step.duration_minutes, step.target_minutes
    if duration is not None and target is not None:
        return format_pair(duration, target, language)
    if duration is not None:
        return format_minutes(duration, language)
    if target is not None:
        return f"≤ {format_minutes(target, language)}"
    return ""


def over_target(step: Step) -> bool:
    return (
        step.duration_minutes is not None
        and step.target_minutes is not None
        and step.duration_minutes > step.target_minutes
    )


def paint_card(
    painter: QPainter,
    rect: QRectF,
    step: Step,
    lane_kind: LaneKind,
    selected: bool = False,
    detail: float = 1.0,
    language: str = "en",
) -> None:
    """Draw one step card; ``detail`` below ~0.35 (zoomed far out) draws the outline only;
    ``language`` (the blueprint's) says the times."""
    colours = style.lane_colours(lane_kind)
    accent = QColor(colours.accent)
    path = card_path(step.kind, rect)
    painter.setPen(Qt.PenStyle.NoPen)
    if detail >= 0.35:
        painter.setBrush(QColor(20, 30, 40, 28))
        painter.drawPath(path.translated(1.5, 2.0))
    painter.setBrush(style.INDEPENDENT_FILL if step.customer_independent else style.CARD_FILL)
    edge = style.SELECTION if selected else accent
    width = 2.6 if selected else (2.0 if step.kind in (StepKind.START, StepKind.END) else 1.3)
    if step.customer_independent:  # below the line of order penetration: a dashed outline
        painter.setPen(style.pen(edge, max(width, 1.8), Qt.PenStyle.DashLine))
    else:
        painter.setPen(style.pen(edge, width))
    painter.drawPath(path)
    if step.kind == StepKind.END:
        inner = rect.adjusted(3.5, 3.5, -3.5, -3.5)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(style.pen(edge, 1.0))
        painter.drawPath(card_path(StepKind.END, inner))
    if detail < 0.35:
        return
    _paint_texts(painter, rect, step, language)
    _paint_badges(painter, rect, step)


def _paint_texts(painter: QPainter, rect: QRectF, step: Step, language: str) -> None:
    inset = _text_inset(step.kind)
    meta = meta_text(step, language)
    bottom_reserve = 13.0 if meta else 0.0
    wave = 5.0 if step.kind == StepKind.EVIDENCE else 0.0
    box = QRectF(
        rect.left() + inset,
        rect.top() + 5,
        rect.width() - 2 * inset,
        rect.height() - 10 - bottom_reserve - wave,
    )
    title_font = style.font(TITLE_FONT_PX)
    max_lines = max(1, int(box.height() // (TITLE_FONT_PX * 1.3)))
    wrapped = wrap(step.title, title_font, box.width(), max_lines)
    painter.setFont(title_font)
    painter.setPen(style.INK if step.title else style.MUTED)
    draw_wrapped(painter, wrapped, box)
    if meta:
        painter.setPen(style.FAIL if over_target(step) else style.MUTED)
        meta_box = QRectF(
            rect.left() + inset,
            rect.bottom() - 5 - bottom_reserve - wave,
            rect.width() - 2 * inset,
            bottom_reserve,
        )
        painter.setFont(meta_font(meta, meta_box.width()))
        painter.drawText(meta_box, Qt.AlignmentFlag.AlignCenter, meta)


def meta_font(text: str, width: float) -> QFont:
    """The times' font, a size or two smaller when a long pair (``1 小时 30 分钟 / 2 小时``)
    would not fit the card at the usual size."""
    return style.font(_meta_size(text, width))


@functools.lru_cache(maxsize=4096)
def _meta_size(text: str, width: float) -> float:
    """Measured once per text: cards repaint at every scroll, and most share a few times."""
    sizes = (META_FONT_PX, META_FONT_PX - 1.5, META_FONT_PX - 2.5)
    for size in sizes:
        if QFontMetricsF(style.font(size)).horizontalAdvance(text) <= width:
            return size
    return sizes[-1]


def badges(step: Step) -> list[str]:
    """Which badges a card carries, right to left along its top edge."""
    found = []
    if step.fail_point:
        found.append("fail")
    if step.moment_of_truth:
        found.append("moment")
    if step.kind == StepKind.WAIT or (step.duration_minutes is not None and over_target(step)):
        found.append("wait")
    if step.emotion is not None:
        found.append("emotion")
    if step.policy.strip():
        found.append("policy")
    if step.metrics:
        found.append("metrics")
    return found


BADGE_PITCH = 2 * BADGE_R + 3
#: the left end of a card's top edge kept free of badges: a validation mark sits there
MARK_CLEARANCE = 18.0


def badge_centres(rect: QRectF, count: int) -> list[QPointF]:
    """Where ``count`` badges sit along the card's top edge, right to left; when more than the
    card holds side by side they close up (overlap a little) rather than run off the card or
    under the validation mark in its top-left corner."""
    room = rect.width() - 8 - 2 * BADGE_R - MARK_CLEARANCE
    pitch = BADGE_PITCH if count < 2 else min(BADGE_PITCH, room / (count - 1))
    first = rect.right() - 4 - BADGE_R
    return [QPointF(first - index * pitch, rect.top()) for index in range(count)]


def _paint_badges(painter: QPainter, rect: QRectF, step: Step) -> None:
    names = badges(step)
    for name, centre in zip(names, badge_centres(rect, len(names)), strict=True):
        painter.setPen(style.pen(QColor("#ffffff"), 1.5))
        if name == "fail":
            _badge_letter(painter, centre, style.FAIL, "F")
        elif name == "moment":
            _badge_star(painter, centre)
        elif name == "wait":
            _badge_hourglass(painter, centre)
        elif name == "policy":
            _badge_letter(painter, centre, style.POLICY, "§")
        elif name == "metrics":
            _badge_bars(painter, centre)
        else:
            _badge_emotion(painter, centre, step.emotion or 0)


def _badge_letter(painter: QPainter, centre: QPointF, colour: QColor, letter: str) -> None:
    painter.setBrush(colour)
    painter.drawEllipse(centre, BADGE_R, BADGE_R)
    painter.setPen(QColor("#ffffff"))
    painter.setFont(style.font(10, bold=True))
    box = QRectF(centre.x() - BADGE_R, centre.y() - BADGE_R, 2 * BADGE_R, 2 * BADGE_R)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, letter)


def _badge_star(painter: QPainter, centre: QPointF) -> None:
    painter.setBrush(style.MOMENT)
    painter.drawEllipse(centre, BADGE_R, BADGE_R)
    points = []
    for index in range(10):
        radius = 5.6 if index % 2 == 0 else 2.4
        angle = -math.pi / 2 + index * math.pi / 5
        points.append(
            QPointF(centre.x() + radius * math.cos(angle), centre.y() + radius * math.sin(angle))
        )
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#ffffff"))
    painter.drawPolygon(QPolygonF(points))


def _badge_hourglass(painter: QPainter, centre: QPointF) -> None:
    painter.setBrush(style.WAIT)
    painter.drawEllipse(centre, BADGE_R, BADGE_R)
    cx, cy = centre.x(), centre.y()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#ffffff"))
    painter.drawPolygon(
        QPolygonF(
            [
                QPointF(cx - 3.5, cy - 4.5),
                QPointF(cx + 3.5, cy - 4.5),
                QPointF(cx, cy),
                QPointF(cx + 3.5, cy + 4.5),
                QPointF(cx - 3.5, cy + 4.5),
                QPointF(cx, cy),
            ]
        )
    )


def _badge_bars(painter: QPainter, centre: QPointF) -> None:
    """Metrics: three rising bars, a bar chart."""
    painter.setBrush(style.METRICS)
    painter.drawEllipse(centre, BADGE_R, BADGE_R)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#ffffff"))
    base = centre.y() + 4.0
    for index, height in enumerate((3.5, 6.0, 8.5)):
        painter.drawRect(QRectF(centre.x() - 4.6 + index * 3.4, base - height, 2.4, height))


def _badge_emotion(painter: QPainter, centre: QPointF, emotion: int) -> None:
    painter.setBrush(QColor(style.EMOTION_COLOURS.get(emotion, "#b5b9bf")))
    painter.drawEllipse(centre, BADGE_R, BADGE_R)
    cx, cy = centre.x(), centre.y()
    painter.setBrush(QColor("#ffffff"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QPointF(cx - 2.6, cy - 2.2), 1.1, 1.1)
    painter.drawEllipse(QPointF(cx + 2.6, cy - 2.2), 1.1, 1.1)
    mouth = QPainterPath()
    curve = emotion * 1.4
    mouth.moveTo(cx - 3.4, cy + 2.2 - curve / 2)
    mouth.quadTo(cx, cy + 2.2 + curve, cx + 3.4, cy + 2.2 - curve / 2)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(style.pen(QColor("#ffffff"), 1.3))
    painter.drawPath(mouth)


def arrow_head(tip: QPointF, previous: QPointF, size: float = 8.0) -> QPolygonF:
    """A filled triangle at ``tip`` pointing away from ``previous``."""
    angle = math.atan2(tip.y() - previous.y(), tip.x() - previous.x())
    left = QPointF(tip.x() - size * math.cos(angle - 0.42), tip.y() - size * math.sin(angle - 0.42))
    right = QPointF(
        tip.x() - size * math.cos(angle + 0.42), tip.y() - size * math.sin(angle + 0.42)
    )
    return QPolygonF([tip, left, right])


def paint_note(painter: QPainter, rect: QRectF, text: str) -> None:
    """A sticky note: yellow square with a folded corner and wrapped text."""
    fold = 12.0
    path = QPainterPath()
    path.moveTo(rect.topLeft())
    path.lineTo(rect.topRight())
    path.lineTo(rect.right(), rect.bottom() - fold)
    path.lineTo(rect.right() - fold, rect.bottom())
    path.lineTo(rect.bottomLeft())
    path.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(20, 30, 40, 30))
    painter.drawPath(path.translated(2, 2.5))
    painter.setBrush(QBrush(style.NOTE_FILL))
    painter.setPen(style.pen(style.NOTE_EDGE, 1.0))
    painter.drawPath(path)
    corner = QPolygonF(
        [
            QPointF(rect.right(), rect.bottom() - fold),
            QPointF(rect.right() - fold, rect.bottom() - fold),
            QPointF(rect.right() - fold, rect.bottom()),
        ]
    )
    painter.setBrush(style.NOTE_EDGE)
    painter.drawPolygon(corner)
    note_font = style.font(11)
    box = rect.adjusted(8, 6, -8, -8)
    wrapped = wrap(text, note_font, box.width(), max(1, int(box.height() // 14)))
    painter.setFont(note_font)
    painter.setPen(style.INK)
    draw_wrapped(painter, wrapped, box, Qt.AlignmentFlag.AlignLeft)
