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


def wrap(
    text: str, font: QFont, width: float, max_lines: int, whole_words: bool = False
) -> WrappedText:
    """``text`` broken into at most ``max_lines`` lines no wider than ``width``; with
    ``whole_words`` the last line is cut after a word, not inside one (a title block)."""
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
        last = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
        if whole_words:
            last = _at_word_end(rest, last)
        lines = [*lines[: max_lines - 1], last]
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


def _at_word_end(full: str, elided: str) -> str:
    """``elided`` (``full`` cut with "…") cut back to the end of its last whole word, when it
    ends inside a word and has a space to go back to (Chinese has none: it stays as it is)."""
    kept = elided.removesuffix("…")
    if kept == full or not kept or full[len(kept) : len(kept) + 1] in ("", " "):
        return elided
    space = kept.rfind(" ")
    return kept[:space].rstrip() + " …" if space > 0 else elided
