"""Colours, pens and fonts of a drawn blueprint: calm lane colours, distinct lines and flows.

One place for the look, so the canvas and every image export agree. Fonts name a fallback list
that covers Chinese and emoji on Linux, Windows and macOS; Qt takes each character from the
first family installed that has it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLoggingCategory, Qt
from PySide6.QtGui import QColor, QFont, QPen

from blueprint_app.model.blueprint import FlowKind, LaneKind

FONT_FAMILIES = [
    "Noto Sans",
    "Segoe UI",
    "Helvetica Neue",
    "DejaVu Sans",
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Source Han Sans SC",
    "Hiragino Sans GB",
    "Droid Sans Fallback",
    "Noto Color Emoji",
    "Segoe UI Emoji",
    "Apple Color Emoji",
    "sans-serif",
]
"""Latin, then Chinese, then emoji; other scripts (Arabic, Devanagari, Thai…) come from the
system's own fallback (fontconfig, DirectWrite, Core Text), which finds Noto Sans Thai and the
like by script."""

QUIET_FONT_FALLBACK = "qt.text.font.db.info=false"


def quiet_font_fallback() -> None:
    """Silence Qt's "OpenType support missing for <family>, script N" notes (info level).

    Qt prints one for every family of the list above that lacks a script it then finds in
    another font (Thai, Khmer…): the text draws right, so on a command line it is only noise.
    """
    QLoggingCategory.setFilterRules(QUIET_FONT_FALLBACK)


def font(point_size: float, bold: bool = False) -> QFont:
    """A UI font at a size in scene units (pixel size, so zoom and export scale it)."""
    result = QFont()
    result.setFamilies(FONT_FAMILIES)
    result.setPixelSize(max(1, round(point_size)))
    result.setBold(bold)
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return result


@dataclass(frozen=True)
class LaneColours:
    band: str  # background of the lane
    header: str  # the title cell at the left
    accent: str  # card border and title text


LANE_COLOURS: dict[LaneKind, LaneColours] = {
    LaneKind.PHYSICAL_EVIDENCE: LaneColours("#f7f3ea", "#ece3cf", "#9a7b3f"),
    LaneKind.CUSTOMER: LaneColours("#eef4fb", "#dbe7f6", "#3f6fa8"),
    LaneKind.FRONTSTAGE: LaneColours("#eef7f1", "#d8ecdf", "#3c8a5a"),
    LaneKind.BACKSTAGE: LaneColours("#f3f0f9", "#e2dcf1", "#6a55a3"),
    LaneKind.SUPPORT: LaneColours("#f2f3f5", "#e1e4e8", "#5b6573"),
    LaneKind.CUSTOM: LaneColours("#fbf1ea", "#f2dfd0", "#a8643a"),
}

INK = QColor("#26303b")  # card titles
MUTED = QColor("#5f6b78")  # secondary text
CARD_FILL = QColor("#ffffff")
SELECTION = QColor("#2f7de1")
CANVAS = QColor("#ffffff")
PHASE_FILL = QColor("#34495e")
PHASE_TEXT = QColor("#ffffff")
GRID = QColor("#d5dae0")
FAIL = QColor("#d64541")
MOMENT = QColor("#e8a317")
WAIT = QColor("#3b8ea5")
POLICY = QColor("#5c6b80")  # badge of a step governed by a policy
METRICS = QColor("#2a8c7e")  # badge of a step with metrics
#: Customer-independent work (below the line of order penetration): a faintly grey card.
INDEPENDENT_FILL = QColor("#f6f7f9")
NOTE_FILL = QColor("#fff4b3")
NOTE_EDGE = QColor("#e0cd6a")

LINE_STYLES: dict[str, tuple[QColor, Qt.PenStyle, float]] = {
    "interaction": (QColor("#2e6db4"), Qt.PenStyle.SolidLine, 2.0),
    "visibility": (QColor("#c0392b"), Qt.PenStyle.DashLine, 2.0),
    "internal": (QColor("#7d5ba6"), Qt.PenStyle.DashDotLine, 1.6),
    "order_penetration": (QColor("#b8860b"), Qt.PenStyle.DashLine, 1.8),
}

FLOW_STYLES: dict[FlowKind, tuple[QColor, Qt.PenStyle, float]] = {
    FlowKind.FLOW: (QColor("#4a5563"), Qt.PenStyle.SolidLine, 1.5),
    FlowKind.RECOVERY: (QColor("#d64541"), Qt.PenStyle.DashLine, 1.7),
    FlowKind.EVIDENCE: (QColor("#9aa3ad"), Qt.PenStyle.DotLine, 1.4),
}

EMOTION_COLOURS = {-2: "#d64541", -1: "#ef8a3c", 0: "#b5b9bf", 1: "#7cbf5a", 2: "#2e9e5b"}


def pen(colour: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    result = QPen(colour, width, style)
    result.setCosmetic(False)
    result.setCapStyle(
        Qt.PenCapStyle.FlatCap if style != Qt.PenStyle.SolidLine else Qt.PenCapStyle.RoundCap
    )
    result.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return result


def lane_colours(kind: LaneKind) -> LaneColours:
    return LANE_COLOURS.get(kind, LANE_COLOURS[LaneKind.CUSTOM])
