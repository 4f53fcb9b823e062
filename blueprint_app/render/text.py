"""Wrapping card titles into a box: word wrap for Latin, per-character for CJK, elided overflow.

QTextLayout applies the Unicode line-breaking rules, so Chinese breaks between characters and
English between words; a word longer than the box breaks anywhere. Lines that do not fit are
dropped and the last shown line ends with an ellipsis.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

from blueprint_app.model.text import plain


@dataclass(frozen=True)
class WrappedText:
    lines: tuple[str, ...]
    line_height: float

    @property
    def height(self) -> float:
        return len(self.lines) * self.line_height


def one_line(text: str) -> str:
    """User text for one line of a drawing: every line break and run of spaces one space, and
    no control characters (a NUL or escape code pasted in would draw as a box)."""
    return " ".join(plain(text).split())


def wrap(text: str, font: QFont, width: float, max_lines: int) -> WrappedText:
    """``text`` broken into at most ``max_lines`` lines no wider than ``width``."""
    metrics = QFontMetricsF(font)
    text = one_line(text)  # newlines and runs of spaces read as one space on a card
    if not text:
        return WrappedText((), metrics.lineSpacing())
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    spans: list[tuple[int, int]] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [text[start : start + length].strip() for start, length in spans]
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = [
            *lines[: max_lines - 1],
            metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width),
        ]
    return WrappedText(tuple(lines), metrics.lineSpacing())


def draw_wrapped(
    painter: QPainter,
    wrapped: WrappedText,
    box: QRectF,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter,
) -> None:
    """Draw the lines centred vertically in ``box``, aligned horizontally as asked."""
    metrics = QFontMetricsF(painter.font())
    top = box.top() + max(0.0, (box.height() - wrapped.height) / 2)
    for index, line in enumerate(wrapped.lines):
        y = top + index * wrapped.line_height + metrics.ascent()
        if align == Qt.AlignmentFlag.AlignLeft:
            x = box.left()
        else:
            x = box.left() + (box.width() - metrics.horizontalAdvance(line)) / 2
        painter.drawText(QPointF(x, y), line)
