"""Mouse and keyboard gestures on the canvas, as small objects kept out of the items.

A press decides which gesture starts (move the selected cards, draw a new flow from a card's
handle, drag a flow's end to another step); the gesture follows the mouse by moving items only
and turns into ONE history transaction on release. Esc cancels a running gesture and puts the
items back from the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem, QGraphicsSceneMouseEvent

from blueprint_app.analysis import geometry as geo
from blueprint_app.canvas.title_editor import TitleEditor
from blueprint_app.editing import room
from blueprint_app.history import edits
from blueprint_app.model.blueprint import (
    FlowKind,
    LaneKind,
    NoteLayout,
    StepKind,
    StepLayout,
)
from blueprint_app.render import style
from blueprint_app.render.items import CardItem, FlowItem, LaneItem, NoteItem, PhaseItem

if TYPE_CHECKING:
    from blueprint_app.canvas.scene import BlueprintScene

DRAG_THRESHOLD = 3.0
END_GRAB = 9.0  # how near a selected flow's end a press grabs it
SNAP_PX = 6.0  # how near (on screen) a dragged card's edge snaps to another's


class Gesture(Protocol):
    def move(self, pos: QPointF) -> None: ...
    def release(self, pos: QPointF) -> None: ...
    def cancel(self) -> None: ...


def card_at(scene: BlueprintScene, pos: QPointF, exclude: object = None) -> CardItem | None:
    for item in scene.items(pos):
        if isinstance(item, CardItem) and item is not exclude:
            return item
    return None


def _top_item(scene: BlueprintScene, pos: QPointF) -> QGraphicsItem | None:
    for item in scene.items(pos):
        if isinstance(item, CardItem | FlowItem | NoteItem | TitleEditor):
            return item
    return None


class MoveGesture:
    """Drag the selected cards and notes; one transaction on release."""

    def __init__(self, scene: BlueprintScene, start: QPointF) -> None:
        self.scene, self.start = scene, start
        self.moving = False
        self.items: list[CardItem | NoteItem] = [
            item for item in scene.selectedItems() if isinstance(item, CardItem | NoteItem)
        ]
        self.origins = {item: item.pos() for item in self.items}
        self.step_ids = [item.step_id for item in self.items if isinstance(item, CardItem)]
        self.guide = _Guide(scene)

    def move(self, pos: QPointF) -> None:
        delta = pos - self.start
        if not self.moving and abs(delta.x()) + abs(delta.y()) < DRAG_THRESHOLD:
            return
        self.moving = True
        content = self.scene.content
        content.dragging = True
        delta = self._snapped(delta)
        for item, origin in self.origins.items():
            item.setPos(origin + delta)
            if isinstance(item, CardItem):
                content.card_moved(item.step_id)
        content.reroute_at(self.step_ids)

    def _snapped(self, delta: QPointF) -> QPointF:
        """The drag's offset with the first card's edges or centre pulled onto another card's
        edge or centre, or a phase column's first slot, when within a few pixels; a guide
        shows where (snapping as draw.io and Miro do)."""
        cards = [item for item in self.origins if isinstance(item, CardItem)]
        if not cards:
            return delta
        lead = cards[0]
        left = self.origins[lead].x() + delta.x()
        views = self.scene.views()
        reach = SNAP_PX / max(views[0].transform().m11(), 0.05) if views else SNAP_PX
        moving = {item.step_id for item in cards}
        content = self.scene.content
        targets: list[float] = [column.left + geo.COLUMN_PAD for column in content.geometry.phases]
        for step_id in content.cards:
            if step_id not in moving:
                rect = content.card_rect(step_id)
                targets += [rect.x, rect.right - geo.CARD_W, rect.cx - geo.CARD_W / 2]
        best = min(targets, key=lambda x: abs(x - left), default=None)
        if best is None or abs(best - left) > reach:
            self.guide.hide()
            return delta
        self.guide.show_at(best)
        return QPointF(delta.x() + best - left, delta.y())

    def release(self, pos: QPointF) -> None:
        self.guide.remove()
        if not self.moving:
            return
        self.scene.content.dragging = False
        g = self.scene.content.geometry
        moves: dict[str, tuple[str, str | None, StepLayout]] = {}
        for item in self.items:
            if isinstance(item, CardItem) and g.lanes:
                top_left = item.pos()
                band = g.lane_at(top_left.y() + geo.CARD_H / 2)
                assert band is not None
                column = g.phase_at(top_left.x() + geo.CARD_W / 2)
                phase = column.id if column is not None else item.step.phase
                layout = StepLayout(
                    x=round(top_left.x()), row=g.row_at(band, top_left.y() + geo.CARD_H / 2)
                )
                moves[item.step_id] = (band.id, phase, layout)
        count = len(self.items)
        label = (
            QCoreApplication.translate("Canvas", "Move step")
            if count == 1
            else QCoreApplication.translate("Canvas", "Move {count} items").format(count=count)
        )
        with self.scene.history.transaction(label) as tx:
            edits.move_steps(tx, moves)
            room.settle(tx, moves)  # no card lands on another; phases widen to hold them
            for item in self.items:
                if isinstance(item, NoteItem):
                    p = item.pos()
                    edits.set_field(
                        tx, item.note_id, "layout", NoteLayout(x=round(p.x()), y=round(p.y()))
                    )
        self.cancel()  # snap whatever did not change back onto the model's position

    def cancel(self) -> None:
        self.guide.remove()
        content = self.scene.content
        content.dragging = False
        for item in self.items:
            if isinstance(item, CardItem) and item.step_id in content.cards:
                content.place_card(item.step_id)
            elif isinstance(item, NoteItem) and item.note_id in content.notes:
                content.place_note(item.note_id)
        content.reroute_at(self.step_ids)


class _Guide:
    """The dashed vertical snapping guide over the lanes while a drag snaps to an edge."""

    def __init__(self, scene: BlueprintScene) -> None:
        self.scene = scene
        self.item: QGraphicsLineItem | None = None

    def show_at(self, left: float) -> None:
        g = self.scene.content.geometry
        if self.item is None:
            self.item = QGraphicsLineItem()
            self.item.setPen(style.pen(style.SELECTION, 1.0, Qt.PenStyle.DashLine))
            self.item.setZValue(19)
            self.scene.addItem(self.item)
        self.item.setLine(QLineF(left, g.top, left, g.bottom))
        self.item.show()

    def hide(self) -> None:
        if self.item is not None:
            self.item.hide()

    def remove(self) -> None:
        if self.item is not None and self.item.scene() is not None:
            self.scene.removeItem(self.item)
        self.item = None


class _RubberLine:
    """The dashed line that follows the mouse while a flow is being drawn."""

    def __init__(self, scene: BlueprintScene, start: QPointF) -> None:
        self.scene = scene
        self.item = QGraphicsLineItem(QLineF(start, start))
        self.item.setPen(style.pen(style.SELECTION, 1.6, Qt.PenStyle.DashLine))
        self.item.setZValue(20)
        scene.addItem(self.item)

    def follow(self, pos: QPointF) -> None:
        line = self.item.line()
        self.item.setLine(QLineF(line.p1(), pos))

    def remove(self) -> None:
        if self.item.scene() is not None:
            self.scene.removeItem(self.item)


class ConnectGesture:
    """From a card's handle to another card: a new flow (an evidence link if either end is
    evidence)."""

    def __init__(self, scene: BlueprintScene, card: CardItem) -> None:
        self.scene, self.card = scene, card
        self.line = _RubberLine(scene, card.mapToScene(card.handle_pos()))

    def move(self, pos: QPointF) -> None:
        self.line.follow(pos)

    def release(self, pos: QPointF) -> None:
        self.line.remove()
        target = card_at(self.scene, pos, exclude=self.card)
        if target is None:
            if card_at(self.scene, pos) is self.card:
                return  # a click on the handle, no drag: nothing tried, nothing to say
            self.scene.told.emit(
                QCoreApplication.translate(
                    "Canvas", "Not connected: release the arrow over another step's card"
                )
            )
            return
        source_step, target_step = self.card.step, target.step
        if any(
            f.source == source_step.id and f.target == target_step.id
            for f in self.scene.document.blueprint.flows
        ):
            self.scene.told.emit(
                QCoreApplication.translate(
                    "Canvas", "Not connected: “{source}” already leads to “{target}”"
                ).format(source=source_step.title, target=target_step.title)
            )
            return
        evidence = StepKind.EVIDENCE in (source_step.kind, target_step.kind)
        kind = FlowKind.EVIDENCE if evidence else FlowKind.FLOW
        label = QCoreApplication.translate("Canvas", "Connect steps")
        with self.scene.history.transaction(label) as tx:
            flow_id = edits.add_flow(tx, source_step.id, target_step.id, kind)
        self.scene.select_ids([flow_id])

    def cancel(self) -> None:
        self.line.remove()


class ReconnectGesture:
    """Drag one end of a selected flow onto another step."""

    def __init__(self, scene: BlueprintScene, flow: FlowItem, end: str) -> None:
        self.scene, self.flow, self.end = scene, flow, end
        source, target = flow.end_points()
        fixed = target if end == "source" else source
        self.line = _RubberLine(scene, fixed)

    def move(self, pos: QPointF) -> None:
        self.line.follow(pos)

    def release(self, pos: QPointF) -> None:
        self.line.remove()
        card = card_at(self.scene, pos)
        flow = self.scene.content.flow(self.flow.flow_id)
        if card is None or card.step_id in (flow.source, flow.target):
            if card is None:
                self.scene.told.emit(
                    QCoreApplication.translate(
                        "Canvas", "Not reconnected: release the end over another step's card"
                    )
                )
            return
        label = QCoreApplication.translate("Canvas", "Reconnect flow")
        with self.scene.history.transaction(label) as tx:
            edits.reconnect_flow(tx, flow.id, self.end, card.step_id)

    def cancel(self) -> None:
        self.line.remove()


class Gestures:
    """Dispatches the scene's mouse and key events to the gesture they start."""

    def __init__(self, scene: BlueprintScene) -> None:
        self.scene = scene
        self.active: Gesture | None = None
        self.editor: TitleEditor | None = None

    # -- mouse ---------------------------------------------------------------------------------
    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.scenePos()
        item = _top_item(self.scene, pos)
        if isinstance(item, TitleEditor):
            return False
        if self.editor is not None:
            self.editor.commit()
        handle = _handle_at(self.scene, pos)
        if handle is not None and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # the handle wins over an arrow (or its end, or its label) drawn across it
            self.active = ConnectGesture(self.scene, handle)
            return True
        grabbed = self._flow_end_at(pos)
        if grabbed is not None:
            self.active = ReconnectGesture(self.scene, *grabbed)
            return True
        if item is None:
            return self._pick_header(pos)
        toggle = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if toggle:
            item.setSelected(not item.isSelected())
            return True
        if isinstance(item, CardItem) and _on_handle(item, pos):
            self.active = ConnectGesture(self.scene, item)
            return True
        if not item.isSelected():
            self.scene.clearSelection()
            item.setSelected(True)
        if isinstance(item, CardItem | NoteItem):
            self.active = MoveGesture(self.scene, pos)
        return True

    def _pick_header(self, pos: QPointF) -> bool:
        """A click on a lane's title cell or a phase's header picks that lane or phase (the
        property panel shows it); anywhere else on the background starts a rubber band."""
        for item in self.scene.items(pos):
            if isinstance(item, LaneItem | PhaseItem) and item.header_rect().contains(pos):
                self.scene.clearSelection()
                self.scene.structure_picked.emit(
                    item.lane_id if isinstance(item, LaneItem) else item.phase_id
                )
                return True
        self.scene.structure_picked.emit("")  # the background: back to the blueprint itself
        return False

    def _flow_end_at(self, pos: QPointF) -> tuple[FlowItem, str] | None:
        for item in self.scene.selectedItems():
            if isinstance(item, FlowItem) and item.points:
                source, target = item.end_points()
                if QLineF(pos, target).length() <= END_GRAB:
                    return item, "target"
                if QLineF(pos, source).length() <= END_GRAB:
                    return item, "source"
        return None

    def move(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self.active is None:
            return False
        self.active.move(event.scenePos())
        return True

    def release(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self.active is None:
            return False
        gesture, self.active = self.active, None
        gesture.release(event.scenePos())
        return True

    def double_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.scenePos()
        item = _top_item(self.scene, pos)
        if isinstance(item, TitleEditor):
            return False
        if isinstance(item, CardItem) and item.card_rect().contains(item.mapFromScene(pos)):
            self.edit_title(item.step_id)
            return True
        if item is None or isinstance(item, CardItem):  # beside a card (its handle) is lane space
            title = QCoreApplication.translate("Canvas", "New step")
            return self.add_step_at(pos, title=title) is not None
        return False

    def add_step_at(
        self, pos: QPointF, kind: StepKind | None = None, title: str = ""
    ) -> str | None:
        """Add a step whose card centre is at ``pos`` (that lane, phase and row), selected and
        its title open for typing: a double-click on the background, a kind from the palette.

        The one rule for where: inside the lanes, right of their titles; elsewhere nothing is
        added (None). Without ``kind``, the lane decides: evidence in the physical-evidence lane,
        an action anywhere else.
        """
        g = self.scene.content.geometry
        if (
            not g.lanes
            or pos.y() < g.lanes[0].top
            or pos.y() > g.bottom
            or pos.x() < g.content_left
        ):
            return None
        band = g.lane_at(pos.y())
        assert band is not None
        column = g.phase_at(pos.x())
        if kind is None:
            evidence = band.kind == LaneKind.PHYSICAL_EVIDENCE
            kind = StepKind.EVIDENCE if evidence else StepKind.ACTION
        label = QCoreApplication.translate("Canvas", "Add step")
        with self.scene.history.transaction(label) as tx:
            step_id = edits.add_step(
                tx,
                band.id,
                phase=column.id if column else None,
                x=round(pos.x() - geo.CARD_W / 2),
                row=g.row_at(band, pos.y()),
                kind=kind,
                title=title,
            )
            room.settle(tx, [step_id])
        self.scene.select_ids([step_id])
        self.edit_title(step_id)
        return step_id

    # -- keys ----------------------------------------------------------------------------------
    def key(self, event: QKeyEvent) -> bool:
        if self.editor is not None:
            return False
        if event.key() == Qt.Key.Key_Escape and self.active is not None:
            gesture, self.active = self.active, None
            gesture.cancel()
            return True
        if event.key() == Qt.Key.Key_F2:
            cards = [i for i in self.scene.selectedItems() if isinstance(i, CardItem)]
            if len(cards) == 1:
                self.edit_title(cards[0].step_id)
                return True
        if self.active is None and self.scene.keyboard.key(event.key(), event.modifiers()):
            return True
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.active is None:
            self.delete_selected()
            return True
        return False

    def delete_selected(self) -> None:
        ids = self.scene.selected_ids()
        if not ids:
            return
        label = QCoreApplication.translate("Canvas", "Delete")
        with self.scene.history.transaction(label) as tx:
            edits.delete_items(tx, ids)

    # -- inline title editing ------------------------------------------------------------------
    def edit_title(self, step_id: str) -> None:
        card = self.scene.content.cards.get(step_id)
        if card is None:
            return
        if self.editor is not None:
            self.editor.commit()
        self.editor = TitleEditor(card, self._editor_done)

    def _editor_done(self, step_id: str, text: str | None) -> None:
        self.editor = None
        if text is None or step_id not in self.scene.document:
            return
        if text != self.scene.document.step(step_id).title:
            label = QCoreApplication.translate("Canvas", "Rename step")
            with self.scene.history.transaction(label) as tx:
                edits.set_field(tx, step_id, "title", text)


def _handle_at(scene: BlueprintScene, pos: QPointF) -> CardItem | None:
    """The card whose connect handle is under ``pos``, whatever is drawn over it."""
    for item in scene.items(pos):
        if isinstance(item, CardItem) and _on_handle(item, pos):
            return item
    return None


def _on_handle(card: CardItem, pos: QPointF) -> bool:
    local = card.mapFromScene(pos)
    return QLineF(local, card.handle_pos()).length() <= geo.HANDLE_R + 3
