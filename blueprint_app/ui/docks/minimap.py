"""View ▸ Overview: the whole blueprint small, with the canvas's visible area as a frame; a
click or a drag there moves the canvas (issue 17.15). At 576 columns the canvas alone is
unnavigable.

The overview is a second view on the canvas's own scene, so it draws what the canvas draws
(the items lower their detail at this size) and needs no copy to keep in step.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QDockWidget, QGraphicsView, QWidget

from blueprint_app.canvas.view import BlueprintView
from blueprint_app.render import style

FRAME = QColor(style.SELECTION)


class Overview(QGraphicsView):
    """The scene fitted into the dock; the main view's visible area drawn over it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Overview")
        self.main: BlueprintView | None = None
        self.setInteractive(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHints(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(80, 60)
        self._timer = QTimer(self)  # the main view has no "moved" signal: look now and then
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._follow)
        self._shown = QRectF()
        self._dragging = False

    def follow(self, main: BlueprintView) -> None:
        """Show ``main``'s scene and follow where ``main`` looks."""
        self.main = main
        scene = main.scene()
        self.setScene(scene)
        scene.sceneRectChanged.connect(lambda _rect: self.fit())
        self.fit()
        self._timer.start()

    def fit(self) -> None:
        scene = self.scene()
        if scene is not None:
            self.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def visible_area(self) -> QRectF:
        """The part of the scene the main view shows."""
        if self.main is None:
            return QRectF()
        return self.main.mapToScene(self.main.viewport().rect()).boundingRect()

    def _follow(self) -> None:
        if self.main is None or not self.isVisible():
            return
        shown = self.visible_area()
        if shown != self._shown:
            self._shown = shown
            self.viewport().update()

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        shown = self.visible_area()
        if shown.isEmpty():
            return
        fill = QColor(FRAME)
        fill.setAlpha(40)
        painter.setBrush(fill)
        pen = style.pen(FRAME, 2.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawRect(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def _centre_main_at(self, event: QMouseEvent) -> None:
        if self.main is not None:
            self.main.keep_view()
            self.main.centerOn(self.mapToScene(event.position().toPoint()))
            self._follow()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._dragging = True
            self._centre_main_at(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging:
            self._centre_main_at(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._dragging = False

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.accept()  # the overview never scrolls itself


class OverviewDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Overview"), parent)
        self.setObjectName("OverviewDock")
        self.overview = Overview(self)
        self.setWidget(self.overview)

    def follow(self, main: BlueprintView) -> None:
        self.overview.follow(main)
