"""The canvas view: zoom (Ctrl+wheel, +/-, fit), pan (middle button, space+drag, scrollbars).

Antialiased; the rubber band selects in empty areas. Panning is handled here and never reaches the
scene, so a pan can not start a gesture by accident.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmapCache,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsScene, QGraphicsTextItem, QGraphicsView, QWidget

from blueprint_app.render.items import FLOW_DETAIL

ZOOM_STEP = 1.2
#: Room for the cached card pixmaps of a large blueprint (Qt's default of 10 MB holds ~250 cards;
#: beyond that cards repaint from scratch whenever something moves over them).
PIXMAP_CACHE_KB = 64 * 1024
MIN_ZOOM, MAX_ZOOM = 0.05, 6.0
#: The smallest zoom at which a card's title still reads (11 pt text at 60 % is ~9 px): the
#: first view fits the blueprint only down to this, and Find or Arrange never leave you below it.
READABLE_ZOOM = 0.6
FIRST_VIEW_MAX_ZOOM = 1.0


class BlueprintView(QGraphicsView):
    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
        self._space = False
        self._pan_from: QPoint | None = None
        self._first_view_pending = True
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.sliderPressed.connect(self.keep_view)

    # -- the first view ------------------------------------------------------------------------
    def show_first_view(self) -> None:
        """How a document opens, as in Miro or draw.io: the whole blueprint when it fits at a
        readable zoom (never above 100 %), else 100 % from the top-left corner, so the lane
        titles and the first phase are always in view. Until the user zooms, scrolls or clicks,
        the window settling its size (docks restored, maximised) shows it again."""
        scene = self.scene()
        viewport = self.viewport()
        if scene is None or viewport.width() < 2 or viewport.height() < 2:
            return
        rect = scene.itemsBoundingRect()
        if rect.isEmpty():
            rect = scene.sceneRect()
        rect = rect.adjusted(-20, -20, 20, 20)
        fit = min(viewport.width() / rect.width(), viewport.height() / rect.height())
        if fit >= READABLE_ZOOM:
            self.set_zoom(min(fit, FIRST_VIEW_MAX_ZOOM))
            self.centerOn(rect.center())
        else:
            self.set_zoom(FIRST_VIEW_MAX_ZOOM)
            self.show_top_left(rect.topLeft())

    def show_top_left(self, corner: QPointF) -> None:
        """Scroll so that the scene point ``corner`` is at the viewport's top-left."""
        half = QPointF(self.viewport().width(), self.viewport().height()) / (2 * self.zoom())
        self.centerOn(corner + half)

    def keep_view(self) -> None:
        """The user has chosen a view (or the window set one): the first view is over."""
        self._first_view_pending = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_view_pending:
            self.show_first_view()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._first_view_pending:
            self.show_first_view()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Flows still waiting for their route (a large blueprint just opened) are routed
        before they are seen at a zoom where a route can be told from a straight line."""
        route_visible = getattr(self.scene(), "route_visible", None)
        if route_visible is not None and self.zoom() >= FLOW_DETAIL:
            route_visible(self.mapToScene(self.viewport().rect()).boundingRect())
        super().paintEvent(event)

    # -- zoom ----------------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        """Zoom to ``factor``, kept within what the canvas allows."""
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        current = self.zoom()
        if current > 0:
            self.scale(factor / current, factor / current)

    def zoom_in(self) -> None:
        self.keep_view()
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.keep_view()
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def fit_all(self) -> None:
        self.keep_view()
        scene = self.scene()
        if scene is None:
            return
        rect = scene.itemsBoundingRect()
        if rect.isEmpty():
            rect = scene.sceneRect()
        self.fitInView(rect.adjusted(-20, -20, 20, 20), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.5:
            self.set_zoom(1.5)

    def center_on_id(self, item_id: str) -> None:
        """Scroll so the step, flow or note with this id is in the middle, and select it."""
        scene = self.scene()
        item_for = getattr(scene, "item_for", None)
        item = item_for(item_id) if item_for is not None else None
        if item is None:
            return
        if hasattr(scene, "select_ids"):
            scene.select_ids([item_id])
        rect: QRectF = item.sceneBoundingRect()
        self.keep_view()
        if self.zoom() < READABLE_ZOOM:  # a match seen at 1 % is no match found
            self.set_zoom(READABLE_ZOOM)
        self.centerOn(rect.center())

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.keep_view()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom() * ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    # -- pan -----------------------------------------------------------------------------------
    def _editing_text(self) -> bool:
        scene = self.scene()
        return scene is not None and isinstance(scene.focusItem(), QGraphicsTextItem)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.keep_view()
        if event.key() == Qt.Key.Key_Space and not self._editing_text():
            if not event.isAutoRepeat():
                self._space = True
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) and not self._editing_text():
            self.zoom_in()
            return
        if event.key() == Qt.Key.Key_Minus and not self._editing_text():
            self.zoom_out()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space:
            self._space = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.keep_view()
        middle = event.button() == Qt.MouseButton.MiddleButton
        if middle or (self._space and event.button() == Qt.MouseButton.LeftButton):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            now = event.position().toPoint()
            delta = now - self._pan_from
            self._pan_from = now
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            if self._space:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
