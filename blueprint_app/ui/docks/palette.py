"""The palette of step kinds: drag one onto the canvas, or double-click it to add a step.

A drag carries the kind under :data:`STEP_KIND_MIME`; the canvas decides the lane and phase from
where it is dropped. Double-clicking adds the step after the last one of its natural lane.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QListWidget, QListWidgetItem, QWidget

from blueprint_app.model import StepKind
from blueprint_app.ui.docks.property_forms import step_kind_options

STEP_KIND_MIME = "application/x-blueprint-step-kind"


def kind_icon(kind: StepKind, size: int = 28) -> QIcon:
    """A small picture of the card shape the canvas draws for ``kind``."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#4a5a6a"), 1.5))
    painter.setBrush(QColor("#e8eef5"))
    m, s = 3.0, size - 6.0
    path = QPainterPath()
    if kind in (StepKind.START, StepKind.END):
        path.addEllipse(m, m + s * 0.2, s, s * 0.6)
    elif kind == StepKind.DECISION:
        c = size / 2
        path.moveTo(c, m)
        path.lineTo(m + s, c)
        path.lineTo(c, m + s)
        path.lineTo(m, c)
        path.closeSubpath()
    elif kind == StepKind.WAIT:
        path.addEllipse(m, m, s, s)
        path.moveTo(size / 2, size / 2)
        path.lineTo(size / 2, m + 4)
        path.moveTo(size / 2, size / 2)
        path.lineTo(m + s - 5, size / 2)
    elif kind == StepKind.EVIDENCE:
        path.moveTo(m, m)
        path.lineTo(m + s - 7, m)
        path.lineTo(m + s, m + 7)
        path.lineTo(m + s, m + s)
        path.lineTo(m, m + s)
        path.closeSubpath()
    else:
        path.addRoundedRect(m, m + s * 0.15, s, s * 0.7, 4, 4)
    painter.drawPath(path)
    if kind == StepKind.END:
        painter.drawEllipse(int(m + 4), int(m + s * 0.2 + 4), int(s - 8), int(s * 0.6 - 8))
    painter.end()
    return QIcon(pixmap)


class KindList(QListWidget):
    """The list of kinds; dragging an entry starts a drag that carries its kind."""

    def __init__(self) -> None:
        super().__init__()
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setViewMode(QListWidget.ViewMode.ListMode)
        for label, kind in step_kind_options():
            item = QListWidgetItem(kind_icon(kind), label)
            item.setData(Qt.ItemDataRole.UserRole, kind.value)
            item.setToolTip(
                self.tr(
                    "Drag onto a lane, or click here and then in a lane; "
                    "double-click adds one at the end"
                )
            )
            self.addItem(item)

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        if items:
            kind = str(items[0].data(Qt.ItemDataRole.UserRole))
            data.setData(STEP_KIND_MIME, QByteArray(kind.encode("ascii")))
        return data

    def mimeTypes(self) -> list[str]:
        return [STEP_KIND_MIME]


class PaletteDock(QDockWidget):
    """Dock holding the step kinds; ``add_requested`` when one is double-clicked."""

    add_requested = Signal(str)
    armed = Signal(str)  # a kind clicked: the next click on the canvas places it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Steps"))
        self.setObjectName("PaletteDock")
        self.kinds = KindList()
        self.kinds.itemClicked.connect(
            lambda item: self.armed.emit(str(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.kinds.itemDoubleClicked.connect(
            lambda item: self.add_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.setWidget(self.kinds)


def kind_from_mime(data: QMimeData) -> StepKind | None:
    if not data.hasFormat(STEP_KIND_MIME):
        return None
    raw = bytes(data.data(STEP_KIND_MIME).data()).decode("ascii", errors="replace")
    try:
        return StepKind(raw)
    except ValueError:
        return None
