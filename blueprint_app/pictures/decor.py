"""What a picture adds around the drawn blueprint: the title block, the legend, finding marks.

These are extra graphics items placed in the static scene that render/ builds, painted with the
same style and card outlines as the canvas, so the legend shows exactly the shapes the
diagram uses. Only exports use them; the canvas never shows them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from blueprint_app.analysis import geometry as geo
from blueprint_app.model.blueprint import FlowKind, LaneKind, Step, StepKind
from blueprint_app.render import painting, style
from blueprint_app.render.marks import paint_severity
from blueprint_app.render.text import draw_wrapped, one_line, wrap

TITLE_PX, FIELD_PX, HEAD_PX, ENTRY_PX = 24.0, 12.0, 11.5, 11.0
Z_DECOR = 20


class TitleBlockItem(QGraphicsItem):
    """The blueprint's title over the diagram, with customer, scenario, date and version."""

    def __init__(self, title: str, fields: list[tuple[str, str]], width: float) -> None:
        super().__init__()
        self.setZValue(Z_DECOR)
        self.width = width
        self.title = wrap(title, style.font(TITLE_PX, bold=True), width, 2, whole_words=True)
        self.fields = [(label, " ".join(value.split())) for label, value in fields if value]
        self.field_line = TITLE_PX * 0.6 + FIELD_PX * 1.4 if self.fields else 0.0
        self.height = self.title.height + self.field_line + 12

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.width, self.height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setFont(style.font(TITLE_PX, bold=True))
        painter.setPen(style.INK)
        draw_wrapped(
            painter,
            self.title,
            QRectF(0, 0, self.width, self.title.height),
            Qt.AlignmentFlag.AlignLeft,
        )
        y = self.title.height + TITLE_PX * 0.5
        x = 0.0
        label_font, value_font = style.font(FIELD_PX, bold=True), style.font(FIELD_PX)
        label_metrics, value_metrics = QFontMetricsF(label_font), QFontMetricsF(value_font)
        for label, value in self.fields:
            label_text = f"{label}  "
            label_w = label_metrics.horizontalAdvance(label_text)
            room = self.width - x - label_w
            if room < 60:
                break
            value_text = value_metrics.elidedText(
                one_line(value), Qt.TextElideMode.ElideRight, room
            )
            painter.setFont(label_font)
            painter.setPen(style.MUTED)
            painter.drawText(QPointF(x, y + FIELD_PX), label_text)
            painter.setFont(value_font)
            painter.setPen(style.INK)
            painter.drawText(QPointF(x + label_w, y + FIELD_PX), value_text)
            x += label_w + value_metrics.horizontalAdvance(value_text) + 28
        painter.setPen(style.pen(style.PHASE_FILL, 2.0))
        painter.drawLine(QPointF(0, self.height - 2), QPointF(self.width, self.height - 2))


# -- legend ------------------------------------------------------------------------------------

Sample = Callable[[QPainter, QRectF], None]
SAMPLE_W, SAMPLE_H, ROW_GAP, ENTRY_GAP, GROUP_GAP = 40.0, 22.0, 8.0, 18.0, 34.0
MARK_W = 2 * painting.BADGE_R + 4  # the width of a badge or finding sample


@dataclass(frozen=True)
class Entry:
    label: str
    sample: Sample
    width: float = SAMPLE_W


def _line_sample(name: str) -> Sample:
    def draw(painter: QPainter, box: QRectF) -> None:
        colour, pen_style, width = style.LINE_STYLES[name]
        painter.setPen(style.pen(colour, width, pen_style))
        painter.drawLine(
            QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y())
        )

    return draw


def _independent_sample(painter: QPainter, box: QRectF) -> None:
    """A customer-independent card, drawn by the card painter itself (dashed, greyed)."""
    step = Step(id="legend", lane="legend", customer_independent=True)
    rect = QRectF(box.left(), box.top() + 1, box.width(), box.height() - 2)
    painter.setBrush(style.INDEPENDENT_FILL)
    edge = QColor(style.lane_colours(LaneKind.BACKSTAGE).accent)
    painter.setPen(style.pen(edge, 1.6, Qt.PenStyle.DashLine))
    painter.drawPath(painting.card_path(step.kind, rect))


def _card_sample(kind: StepKind) -> Sample:
    lane = LaneKind.PHYSICAL_EVIDENCE if kind == StepKind.EVIDENCE else LaneKind.CUSTOMER

    def draw(painter: QPainter, box: QRectF) -> None:
        rect = QRectF(box.left(), box.top() + 1, box.width(), box.height() - 2)
        edge = QColor(style.lane_colours(lane).accent)
        painter.setBrush(style.CARD_FILL)
        painter.setPen(style.pen(edge, 1.3))
        painter.drawPath(painting.card_path(kind, rect))
        if kind == StepKind.END:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(style.pen(edge, 0.8))
            painter.drawPath(painting.card_path(kind, rect.adjusted(2.5, 2.5, -2.5, -2.5)))

    return draw


def _flow_sample(kind: FlowKind, two_way: bool = False) -> Sample:
    """A flow of ``kind`` as the canvas draws it: a head at its end, and at its start too when
    it is ``two_way``."""

    def draw(painter: QPainter, box: QRectF) -> None:
        colour, pen_style, width = style.FLOW_STYLES[kind]
        y = box.center().y()
        tip, start = QPointF(box.right() - 1, y), QPointF(box.left(), y)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(style.pen(colour, width, pen_style))
        painter.drawLine(start, tip)
        painter.setPen(style.pen(colour, 1.0))
        painter.setBrush(colour)
        ends = [(tip, start), (start, tip)] if two_way else [(tip, start)]
        for point, before in ends:
            if kind == FlowKind.EVIDENCE:
                painter.drawEllipse(point, 3.0, 3.0)
            else:
                painter.drawPolygon(painting.arrow_head(point, before))

    return draw


def _badge_sample(**flags: object) -> Sample:
    """The card badge for one flag, drawn by the same code that badges the cards."""
    step = Step.model_validate({"id": "legend", "lane": "legend", **flags})

    def draw(painter: QPainter, box: QRectF) -> None:
        anchor = QRectF(box.right() - 60, box.center().y(), 60, 20)  # badge at right - 4 - R
        painting._paint_badges(painter, anchor, step)

    return draw


def _severity_sample(severity: str) -> Sample:
    def draw(painter: QPainter, box: QRectF) -> None:
        paint_severity(painter, box.center(), severity)

    return draw


#: What a legend explains only when the picture shows it (format 2's rarer marks).
OPTIONAL_ENTRIES = ("order_penetration", "customer_independent", "policy", "metrics")


def present_entries(steps: Iterable[Step], order_line: bool) -> set[str]:
    """Which of :data:`OPTIONAL_ENTRIES` the drawn steps (and line of order penetration) use."""
    found = {"order_penetration"} if order_line else set()
    for step in steps:
        if step.customer_independent:
            found.add("customer_independent")
        if step.policy.strip():
            found.add("policy")
        if step.metrics:
            found.add("metrics")
    return found


def legend_groups(
    words: Mapping[str, str], badges: bool, present: Iterable[str] = ()
) -> list[tuple[str, list[Entry]]]:
    """The legend's groups in reading order: lines, step shapes, flow kinds (and the two-headed
    arrow of a two-way interaction), badges; of the :data:`OPTIONAL_ENTRIES` only those in
    ``present``, so a legend explains what is drawn."""
    shown = set(present)
    lines = [Entry(words[name], _line_sample(name)) for name, _, _ in geo.LINES]
    if "order_penetration" in shown:
        lines.append(Entry(words["order_penetration"], _line_sample("order_penetration")))
    extra_steps = (
        [Entry(words["customer_independent"], _independent_sample)]
        if "customer_independent" in shown
        else []
    )
    extra_badges = [
        Entry(words[name], _badge_sample(**flags), MARK_W)
        for name, flags in (
            ("policy", {"policy": "§"}),
            ("metrics", {"metrics": [{"name": "m"}]}),
        )
        if name in shown
    ]
    groups = [
        (words["lines"], lines),
        (
            words["steps"],
            [
                Entry(words[kind.value], _card_sample(kind))
                for kind in (
                    StepKind.START,
                    StepKind.ACTION,
                    StepKind.DECISION,
                    StepKind.WAIT,
                    StepKind.EVIDENCE,
                    StepKind.END,
                )
            ]
            + extra_steps,
        ),
        (
            words["flows"],
            [
                Entry(words["flow"], _flow_sample(FlowKind.FLOW)),
                Entry(words["recovery"], _flow_sample(FlowKind.RECOVERY)),
                Entry(words["evidence_link"], _flow_sample(FlowKind.EVIDENCE)),
                Entry(words["two_way"], _flow_sample(FlowKind.FLOW, two_way=True)),
            ],
        ),
        (
            words["badges"],
            [
                Entry(words["fail"], _badge_sample(fail_point=True), MARK_W),
                Entry(words["moment"], _badge_sample(moment_of_truth=True), MARK_W),
                Entry(words["slow"], _badge_sample(kind="wait"), MARK_W),
                Entry(words["emotion"], _badge_sample(emotion=1), MARK_W),
                *extra_badges,
            ],
        ),
    ]
    if badges:
        groups.append(
            (
                words["validation"],
                [
                    Entry(words[name], _severity_sample(name), MARK_W)
                    for name in ("error", "warning", "info")
                ],
            )
        )
    return groups


@dataclass(frozen=True)
class _Placed:
    text: str
    sample: Sample | None  # None: a group heading
    x: float
    y: float
    width: float = 0.0


class LegendItem(QGraphicsItem):
    """The legend as one block of rows; groups flow left to right and wrap at ``width``."""

    def __init__(self, title: str, groups: list[tuple[str, list[Entry]]], width: float) -> None:
        super().__init__()
        self.setZValue(Z_DECOR)
        self.title = title
        self.width = width
        self.placed: list[_Placed] = []
        self.height = self._lay_out(groups)

    def _lay_out(self, groups: list[tuple[str, list[Entry]]]) -> float:
        """Place each group whole on the current row if it fits, else on a new row; a group
        wider than the legend wraps its own entries, indented under its heading."""
        head = QFontMetricsF(style.font(HEAD_PX, bold=True))
        entry = QFontMetricsF(style.font(ENTRY_PX))
        row_h = SAMPLE_H + ROW_GAP
        x, y = 0.0, HEAD_PX * 2.2
        for name, entries in groups:
            widths = [e.width + 6 + entry.horizontalAdvance(e.label) for e in entries]
            head_w = head.horizontalAdvance(name) + 12
            whole = head_w + sum(widths) + ENTRY_GAP * (len(entries) - 1)
            if x > 0 and x + whole > self.width:
                x, y = 0.0, y + row_h
            self.placed.append(_Placed(name, None, x, y))
            indent = x + head_w
            x = indent
            for item, item_w in zip(entries, widths, strict=True):
                if x + item_w > self.width and x > indent:
                    x, y = indent, y + row_h
                self.placed.append(_Placed(item.label, item.sample, x, y, item.width))
                x += item_w + ENTRY_GAP
            x += GROUP_GAP - ENTRY_GAP
        return y + row_h

    def boundingRect(self) -> QRectF:
        return QRectF(-2, -2, self.width + 4, self.height + 4)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(style.pen(style.GRID, 1.0))
        painter.drawLine(QPointF(0, 0), QPointF(self.width, 0))
        painter.setFont(style.font(HEAD_PX + 1, bold=True))
        painter.setPen(style.PHASE_FILL)
        painter.drawText(QPointF(0, HEAD_PX * 1.4), self.title)
        for placed in self.placed:
            baseline = placed.y + SAMPLE_H / 2 + ENTRY_PX * 0.36
            if placed.sample is None:
                painter.setFont(style.font(HEAD_PX, bold=True))
                painter.setPen(style.MUTED)
                painter.drawText(QPointF(placed.x, baseline), placed.text)
                continue
            painter.save()
            placed.sample(painter, QRectF(placed.x, placed.y, placed.width, SAMPLE_H))
            painter.restore()
            painter.setFont(style.font(ENTRY_PX))
            painter.setPen(style.INK)
            painter.drawText(QPointF(placed.x + placed.width + 6, baseline), placed.text)
