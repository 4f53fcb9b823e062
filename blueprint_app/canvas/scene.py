"""The interactive scene: follows the document change by change, turns gestures into edits.

The scene never writes the model itself: gestures (see :mod:`blueprint_app.canvas.interactions`)
run edit commands in a history transaction; the document announces each change and
:meth:`BlueprintScene._on_change` updates only the items it touches. Lane bands and phase columns
depend on every card, so they are refreshed once after a transaction, not once per change.
"""

from __future__ import annotations

import html
import time
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
    QToolTip,
    QWidget,
)

from blueprint_app.analysis import geometry as geo
from blueprint_app.analysis.layout import missing_layouts
from blueprint_app.canvas import card_tips, interactions
from blueprint_app.canvas.keyboard import Keyboard
from blueprint_app.history.document import Change, Document, SetField
from blueprint_app.history.undo import History
from blueprint_app.model import Flow, StepKind
from blueprint_app.render.items import FLOW_DETAIL, CardItem, FlowItem, FlowLabelItem, NoteItem
from blueprint_app.render.marks import SeverityMark
from blueprint_app.render.scene_builder import BlueprintItems

_CARD_PLACE_FIELDS = {"lane", "layout"}


# Blueprints with more flows than this open before their flows are routed (and changes that
# reroute more than this many leave them so): flows in view are routed before they are
# painted, the others in idle time. Below it routing them all at once is quicker (2,000 steps,
# 2,943 flows: ~0.4 s) than routing in turns that each repaint what they routed.
ROUTE_LATER_ABOVE = 3000
# seconds of routing per turn of the event loop while flows are routed in idle time: at least
# the least, and as long as the rest of the last turn took (its repaint), up to the most
IDLE_ROUTING_BUDGET, IDLE_ROUTING_MOST = 0.012, 0.05


class BlueprintScene(QGraphicsScene):
    """The items of one document, kept in step with it; mouse gestures become edits."""

    # a lane's title cell or a phase's header was clicked ("": the empty background)
    structure_picked = Signal(str)
    # every flow is routed (after opening a large blueprint, once idle routing is done)
    routes_complete = Signal()
    # a gesture that did nothing says why, for the status bar
    told = Signal(str)

    def __init__(self, document: Document, history: History, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.history = document, history
        _lay_out_missing(document)
        self.content = BlueprintItems(self, document.blueprint, document.get, interactive=True)
        self.content.build(defer_routes=len(document.blueprint.flows) > ROUTE_LATER_ABOVE)
        # flows left to route: in view first (see route_visible), the rest in idle time
        self._router = QTimer(self)
        self._router.setInterval(0)
        self._router.timeout.connect(self._route_idle)
        self._last_turn = 0.0  # when the last turn of idle routing ended
        if self.content.pending:
            self._router.start()
        self._follow_palette()
        self.item_updates = 0  # how many item updates changes caused (tests and benchmarks)
        self._dirty = self._frame_dirty = False
        self._dirty_steps: set[str] = set()
        self._dirty_areas: list[geo.Rect] = []
        self._dirty_flows: set[str] = set()
        self._touched_steps: set[str] = set()  # steps added or changed since the last flush
        self._attached = True
        self._unsubscribe = document.subscribe(self._on_change)
        self._unsubscribe_history = history.subscribe(self._after_transaction)
        self.gestures = interactions.Gestures(self)
        self._labelled_selection: set[FlowItem] = set()
        self.selectionChanged.connect(self._restyle_labels)
        self.keyboard = Keyboard(self)
        #: the validation findings' messages per item id, for the tooltips of their marks
        self.mark_messages: dict[str, list[str]] = {}

    # -- public API ----------------------------------------------------------------------------
    def item_for(self, item_id: str) -> QGraphicsItem | None:
        c = self.content
        return c.cards.get(item_id) or c.flows.get(item_id) or c.notes.get(item_id)

    def selected_ids(self) -> list[str]:
        """Ids of the selected steps, flows and notes, in document order."""
        chosen = {_model_id(item) for item in self.selectedItems()}
        chosen.discard(None)
        return [
            i
            for name in ("steps", "flows", "notes")
            for i in (x.id for x in self.document.items(name))
            if i in chosen
        ]

    def select_ids(self, ids: Iterable[str]) -> None:
        wanted = set(ids)
        self.blockSignals(True)
        try:
            self.clearSelection()
            for item_id in wanted:
                item = self.item_for(item_id)
                if item is not None:
                    item.setSelected(True)
        finally:
            self.blockSignals(False)
        self.selectionChanged.emit()

    def routing_pending(self) -> bool:
        """Whether some flows are still drawn as straight stand-ins."""
        return bool(self.content.pending)

    def route_visible(self, area: QRectF) -> None:
        """Route the pending flows that may run through ``area`` now (a view is about to
        paint it at a zoom where routes can be seen)."""
        if self.content.pending and self._attached:
            rect = geo.Rect(area.x(), area.y(), area.width(), area.height())
            if not self.content.route_pending(rect):
                self._routing_done()

    def _route_idle(self) -> None:
        """One short turn of idle routing: flows in a view first, then the others in order."""
        if not self._attached:
            self._router.stop()
            return
        now = time.perf_counter()
        outside = now - self._last_turn if self._last_turn else 0.0
        left = min(IDLE_ROUTING_MOST, max(IDLE_ROUTING_BUDGET, outside))
        for view in self.views():
            if not view.isVisible() or view.transform().m11() < FLOW_DETAIL:
                continue  # zoomed far out: a route looks like its stand-in there
            area = view.mapToScene(view.viewport().rect()).boundingRect()
            begin = time.perf_counter()
            self.content.route_pending(
                geo.Rect(area.x(), area.y(), area.width(), area.height()), left
            )
            left -= time.perf_counter() - begin
        if left > 0:
            self.content.route_pending(None, left, unseen=True)
        self._last_turn = time.perf_counter()
        if not self.content.pending:
            self._routing_done()

    def _routing_done(self) -> None:
        self._router.stop()
        self._last_turn = 0.0
        self.routes_complete.emit()

    def detach(self) -> None:
        """Stop following the document (the window closes it or opens another one)."""
        if self._attached:
            self._router.stop()
            self._attached = False
            self._unsubscribe()
            self._unsubscribe_history()

    # -- following the document ----------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        if not self._attached:
            return
        handler = {
            "steps": self._step_changed,
            "flows": self._flow_changed,
            "notes": self._note_changed,
        }.get(change.collection)
        if handler is not None:
            self.item_updates += 1
            handler(change)
        elif change.collection in ("lanes", "phases") or change.field == "language":
            self._frame_dirty = True
            self._mark_dirty()
            if change.field == "language":
                self.update()  # the cards' time unit follows the language

    def _step_changed(self, change: Change) -> None:
        c, sid = self.content, change.item_id
        self._touched_steps.add(sid)
        if change.action == "added":
            c.add_card(sid)
            self._routes_dirty(areas=[c.card_rect(sid)], frame=True)
        elif change.action == "removed":
            old = c.card_rect(sid) if sid in c.cards else None
            c.remove_card(sid)
            self._routes_dirty(areas=[old] if old else [], frame=True)
        elif change.action == "changed" and sid in c.cards:
            if change.field in _CARD_PLACE_FIELDS:
                old = c.card_rect(sid)
                c.place_card(sid)
                self._routes_dirty([sid], [old, c.card_rect(sid)], frame=True)
            elif change.field in ("phase", "customer_independent"):
                self._routes_dirty(frame=True)  # phase columns; the line of order penetration
            c.cards[sid].update()

    def _flow_changed(self, change: Change) -> None:
        c, fid = self.content, change.item_id
        if change.action == "added":
            c.add_flow(fid, route=False)
            flow = c.flow(fid)
            self._routes_dirty([flow.source, flow.target])
        elif change.action == "removed":
            self._routes_dirty(c.remove_flow(fid, route=False))
        elif change.action == "changed" and fid in c.flows:
            if change.field in ("source", "target"):
                self._routes_dirty(c.reindex_flow(fid, route=False))
            else:
                self._dirty_flows.add(fid)  # a label changes the item's extent
                self._mark_dirty()

    def _note_changed(self, change: Change) -> None:
        c, nid = self.content, change.item_id
        if change.action == "added":
            c.add_note(nid)
        elif change.action == "removed":
            c.remove_note(nid)
        elif change.action == "changed" and nid in c.notes:
            c.place_note(nid)

    def _routes_dirty(
        self, steps: Iterable[str] = (), areas: Iterable[geo.Rect] = (), frame: bool = False
    ) -> None:
        """Remember what to reroute; it happens once, when the transaction ends."""
        self._dirty_steps.update(steps)
        self._dirty_areas.extend(areas)
        self._frame_dirty = self._frame_dirty or frame
        self._mark_dirty()

    def _mark_dirty(self) -> None:
        if not self._dirty:
            self._dirty = True
            QTimer.singleShot(0, self.flush)

    def _after_transaction(self) -> None:
        if self._attached:
            self.flush()

    def flush(self) -> None:
        """Bring what depends on many items up to date after changes, once per transaction:
        lanes, phases and lines, the cards of lanes that moved, and the flows to reroute."""
        if not self._dirty or not self._attached:
            return
        c = self.content
        rigid: set[str] = set()  # steps that moved only with their lane, all by ``dy``
        dy = 0.0
        if self._frame_dirty:
            tops = {band.id: band.top for band in c.geometry.lanes}
            moved = c.refresh_frame()
            if moved:
                # Lanes only move down or up together, so only flows with an end in a moved lane
                # can change: no area queries for these cards.
                shifted = [sid for sid in c.cards if c.step(sid).lane in moved]
                for sid in shifted:
                    c.place_card(sid)
                moves = {band.top - tops.get(band.id, band.top) for band in c.geometry.lanes}
                moves.discard(0.0)
                if len(moves) == 1 and moved <= set(tops):  # one shift for all: flows follow
                    dy = moves.pop()
                    rigid = set(shifted) - self._dirty_steps - self._touched_steps
                self._dirty_steps.update(set(shifted) - rigid)
            c.update_scene_rect()
        # a flow a card now blocks or frees may change sides, and so the spread of the other
        # flows at its two ends
        crossing = c.flows_crossing(self._dirty_areas)
        beside = {
            f for fid in crossing for end in c.flow_ends(fid) for f in c.flows_at.get(end, ())
        }
        flows = c.flows_around(self._dirty_steps) | crossing | beside | self._dirty_flows
        if rigid:  # the flows of the lanes that moved: shifted where that is their route
            at_rigid = {f for sid in rigid for f in c.flows_at.get(sid, ())} - flows
            flows |= c.follow_shift(at_rigid, dy, rigid, flows)
        c.forget_sides(flows)
        if len(flows) > ROUTE_LATER_ABOVE:  # what is in view first, the rest in idle time
            c.defer(flows)
            self._router.start()
        else:
            c.reroute(flows)
        self._dirty = self._frame_dirty = False
        self._dirty_steps, self._dirty_areas, self._dirty_flows = set(), [], set()
        self._touched_steps = set()

    def _restyle_labels(self) -> None:
        """A flow's label takes its flow's selection colour: repaint the labels of the flows
        that were or are now selected (the flow item itself overrides no ``itemChange``)."""
        now = {
            item
            for item in self.selectedItems()
            if isinstance(item, FlowItem) and item.label_item is not None
        }
        for item in now ^ self._labelled_selection:
            if item.label_item is not None:
                item.label_item.update()
        self._labelled_selection = now

    def _follow_palette(self) -> None:
        """Around the blueprint, the canvas takes the system's light or dark base colour (the
        blueprint itself keeps its light paper colours, as it will be printed and exported)."""
        self.setBackgroundBrush(QApplication.palette().color(QPalette.ColorRole.Base))

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._follow_palette()
        return super().event(event)

    def tooltip_at(self, scene_pos: QPointF) -> str:
        """What the tooltip says at a scene point, as plain text read from the model when asked:
        a validation mark's findings, the top-most card's badge or hidden fields, or a flow's
        label, whether it goes both ways and its channel (the drawing elides a long label or
        channel; this does not). A note keeps it to itself."""
        for item in self.items(scene_pos):
            if isinstance(item, SeverityMark):
                return card_tips.mark_tip(
                    item.severity, self.mark_messages.get(item.item_id, [])[:5]
                )
            if isinstance(item, FlowLabelItem):
                item = item.flow_item
            if isinstance(item, CardItem):
                step = self.document.get(item.step_id)
                if step is None:
                    return ""
                local = item.mapFromScene(scene_pos)
                return card_tips.tooltip(
                    self.document.step(item.step_id), local, self.document.blueprint.currency
                )
            if isinstance(item, FlowItem):
                flow = self.document.get(item.flow_id)
                return flow_tooltip(flow) if isinstance(flow, Flow) else ""
            if isinstance(item, NoteItem):
                return ""
        return ""

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        text = self.tooltip_at(event.scenePos())
        if text:  # as rich text, escaped: a title or label such as "<b>" shows as typed
            shown = "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"
            QToolTip.showText(event.screenPos(), shown, event.widget())
            event.accept()
        else:
            super().helpEvent(event)  # an item's own tooltip, or none

    # -- gestures ------------------------------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.gestures.press(event):
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.gestures.move(event):
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.gestures.release(event):
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.gestures.double_click(event):
            event.accept()
        else:
            super().mouseDoubleClickEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab (Qt routes them here, never to keyPressEvent) walk the steps in
        flow order while one card is selected; otherwise the focus moves on as anywhere."""
        if self.gestures.editor is None:
            key = Qt.Key.Key_Tab if next else Qt.Key.Key_Backtab
            if self.keyboard.key(key, Qt.KeyboardModifier.NoModifier):
                return True
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.gestures.key(event):
            event.accept()
        else:
            super().keyPressEvent(event)

    def delete_selected(self) -> None:
        """Delete the selected steps (with their flows), flows and notes as one undo step."""
        self.gestures.delete_selected()

    def edit_title(self, step_id: str) -> None:
        """Open the inline title editor on a card (F2)."""
        self.gestures.edit_title(step_id)

    def add_step_at(
        self, pos: QPointF, kind: StepKind | None = None, title: str = ""
    ) -> str | None:
        """Add a step centred at ``pos`` inside the lanes (see :meth:`Gestures.add_step_at`)."""
        return self.gestures.add_step_at(pos, kind, title)


def flow_tooltip(flow: Flow) -> str:
    """The lines of a flow's tooltip; empty when it has nothing to say beyond its arrow."""
    lines = [flow.label] if flow.label else []
    if flow.two_way:
        lines.append(QCoreApplication.translate("Canvas", "Two-way interaction"))
    if flow.channel:
        lines.append(
            QCoreApplication.translate("Canvas", "Channel: {channel}").format(channel=flow.channel)
        )
    return "\n".join(lines)


def _model_id(item: QGraphicsItem) -> str | None:
    if isinstance(item, CardItem):
        return item.step_id
    if isinstance(item, FlowItem):
        return item.flow_id
    if isinstance(item, NoteItem):
        return item.note_id
    return None


def _lay_out_missing(document: Document) -> None:
    """Give steps without a layout one, straight on the document and outside the undo history:
    the file said "lay me out", so this is part of opening it, not an edit to undo."""
    for step_id, layout in missing_layouts(document.blueprint).items():
        document.apply(SetField(step_id, "layout", layout))
