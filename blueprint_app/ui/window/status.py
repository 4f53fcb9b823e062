"""The status bar's permanent part: what is selected and the zoom level."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from blueprint_app.history import Document
from blueprint_app.ui.qt_util import plain_label


class StatusInfo(QObject):
    """Two labels at the right of the status bar, kept current by the window."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.selection = plain_label()
        self.zoom = QLabel()
        bar.addPermanentWidget(self.selection)
        bar.addPermanentWidget(self.zoom)
        self._view: Any = None
        self._timer = QTimer(self)  # views have no zoom signal: look after each event burst
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.show_zoom)

    def watch(self, view: Any) -> None:
        self._view = view
        self.show_zoom()
        self._timer.start()

    def show_zoom(self) -> None:
        transform = getattr(self._view, "transform", None)
        if transform is None:
            self.zoom.setText("")
            return
        percent = round(transform().m11() * 100)
        text = self.tr("Zoom {percent}%").format(percent=percent)
        if self.zoom.text() != text:
            self.zoom.setText(text)

    def show_selection(self, document: Document, ids: list[str]) -> None:
        if not ids:
            self.selection.setText(self.tr("Nothing selected"))
        elif len(ids) == 1:
            item = document.get(ids[0])
            title = getattr(item, "title", "") or getattr(item, "label", "") or ids[0]
            self.selection.setText(self.tr("Selected: {title}").format(title=_short(title)))
        else:
            self.selection.setText(self.tr("{count} selected").format(count=len(ids)))


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
