"""Building the items of a blueprint into a scene, and keeping them in step with the model.

:class:`BlueprintItems` owns the model-id → item maps. The interactive canvas uses it to update
only the items a change touches; :func:`build_static_scene` uses it once for image exports.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene

from blueprint_app.analysis import geometry as geo
from blueprint_app.analysis import label_place
from blueprint_app.analysis.layout import missing_layouts
from blueprint_app.analysis.routing import CardIndex, Point, route, route_box, sides, spread
from blueprint_app.gc_pause import gc_paused
from blueprint_app.model.blueprint import Blueprint, Flow, LaneKind, Note, Step
from blueprint_app.render import painting, style
from blueprint_app.render.items import (
    ORDER_LINE,
    CardItem,
    FlowItem,
    LaneItem,
    LineItem,
    NoteItem,
    PhaseItem,
)

Lookup = Callable[[str], Any]
SCENE_MARGIN = 40.0
#: flows routed between two looks at the clock in :meth:`BlueprintItems.route_pending`
ROUTE_BATCH = 24


class BlueprintItems:
    """The graphics items of one blueprint in one scene, by model id."""

    def __init__(
        self,
        scene: QGraphicsScene,
        blueprint: Blueprint,
        lookup: Lookup | None = None,
        interactive: bool = False,
    ) -> None:
        self.scene = scene
        self.blueprint = blueprint
        self.interactive = interactive
        if lookup is None:
            index = {
                item.id: item
                for name in ("steps", "flows", "notes")
                for item in getattr(blueprint, name)
            }
            lookup = index.get
        self._lookup = lookup
        self.geometry = geo.compute_geometry(blueprint)
        self.lanes: dict[str, LaneItem] = {}
        self.phases: dict[str, PhaseItem] = {}
        self.lines: dict[str, LineItem] = {}
        #: the line of order penetration, one stretch per lane it crosses (by lane id)
        self.order_lines: dict[str, LineItem] = {}
        self.cards: dict[str, CardItem] = {}
        self.flows: dict[str, FlowItem] = {}
        self.notes: dict[str, NoteItem] = {}
        self.flows_at: dict[str, set[str]] = {}
        self.card_index = CardIndex()  # where the model puts each card, for routing round them
        self.route_boxes = CardIndex()  # where each flow may run, to find flows a card affects
        self.label_boxes = CardIndex()  # where each flow's label sits, so the next one avoids it
        #: per flow: the end rectangles and the sides its route used; valid until the flow is
        #: rerouted (every change that can alter its sides reroutes it, see ``forget_sides``)
        self._sides: dict[str, tuple[geo.Rect, geo.Rect, tuple[str, str]]] = {}
        self.dragging = False  # cards stand where the mouse is, not the model: cache nothing
        #: while a batch of flows is rerouted: (step id, side) → the order of the ends there
        self._edge_orders: dict[tuple[str, str], dict[str, int]] | None = None
        self._lane_kinds: dict[str, LaneKind] = {}
        #: flows drawn as straight stand-ins, not routed yet (in the order they will be)
        self.pending: dict[str, None] = {}
        #: routes worked out for pending flows but not yet given to their items (see
        #: :meth:`route_pending`); valid as long as the flow stays pending
        self.worked_out: dict[str, list[Point]] = {}

    # -- model access --------------------------------------------------------------------------
    def find(self, item_id: str) -> Any:
        """The model object, or None once it is gone (a detached scene painting its last frame)."""
        return self._lookup(item_id)

    def step(self, step_id: str) -> Step:
        item = self._lookup(step_id)
        assert isinstance(item, Step)
        return item

    def flow(self, flow_id: str) -> Flow:
        item = self._lookup(flow_id)
        assert isinstance(item, Flow)
        return item

    def note(self, note_id: str) -> Note:
        item = self._lookup(note_id)
        assert isinstance(item, Note)
        return item

    def lane_kind(self, lane_id: str) -> LaneKind:
        return self._lane_kinds.get(lane_id, LaneKind.CUSTOM)

    # -- building ------------------------------------------------------------------------------
    def build(
        self, progress: Callable[[float], None] | None = None, defer_routes: bool = False
    ) -> None:
        """Create every item (once; later changes go through the ``*_changed`` methods).

        ``progress`` hears the fraction built every few hundred items; an export job's may
        raise to stop the building there. With ``defer_routes`` flows start as straight
        stand-ins and are left in :attr:`pending` for :meth:`route_pending` (the canvas routes
        what is in view first, the rest in idle time). The collector is paused as the loader
        does: tens of thousands of new items set off collections that free nothing.
        """
        with gc_paused():
            self._build(progress, defer_routes)

    def _build(self, progress: Callable[[float], None] | None, defer_routes: bool) -> None:
        total = max(1, len(self.blueprint.steps) + 2 * len(self.blueprint.flows))
        done = 0

        def tick() -> None:
            nonlocal done
            done += 1
            if progress is not None and done % 200 == 0:
                progress(done / total)

        self.scene.setBackgroundBrush(style.CANVAS)
        self.refresh_frame()
        # Fix the scene rect before adding items: the flow router asks the scene which cards lie
        # in its way, and while the rect grows with every item Qt rebuilds its index on each
        # question (a 1,000-step scene took 5 s instead of 0.3 s).
        self.update_scene_rect()
        for step in self.blueprint.steps:
            self.add_card(step.id)
            tick()
        for flow in self.blueprint.flows:
            self.add_flow(flow.id, route=False)
            tick()
        if defer_routes:
            for flow_id in self.flows:
                self._stand_in(flow_id)
            self.pending = dict.fromkeys(self.flows)
        else:  # routed once all are known: ends share card edges
            self.reroute(self.flows, tick)
        for note in self.blueprint.notes:
            self.add_note(note.id)
        self.update_scene_rect()

    def refresh_frame(self) -> set[str]:
        """Recompute lanes, phases and lines; return the lanes whose top moved."""
        old = {band.id: band.top for band in self.geometry.lanes}
        self.geometry = geo.compute_geometry(self.blueprint)
        g = self.geometry
        self._lane_kinds = {band.id: band.kind for band in g.lanes}
        self._sync(
            self.lanes,
            [b.id for b in g.lanes],
            lambda lid: LaneItem(_band(g, lid), g.left, g.right),
            lambda item, lid: item.set_frame(_band(g, lid), g.left, g.right),
        )
        self._sync(
            self.phases,
            [c.id for c in g.phases],
            lambda pid: PhaseItem(_column(g, pid), g.bottom),
            lambda item, pid: item.set_frame(_column(g, pid), g.bottom),
        )
        labels = geo.line_labels(self.blueprint.language)
        wanted = {name: (labels[name], g.line_y(kind)) for name, _, kind in geo.LINES}
        present = [name for name, (_, y) in wanted.items() if y is not None]
        self._sync(
            self.lines,
            present,
            lambda n: LineItem(n, wanted[n][0], wanted[n][1] or 0.0, g.left, g.right),
            lambda item, n: item.set_frame(wanted[n][1] or 0.0, g.left, g.right, wanted[n][0]),
        )
        label = geo.order_penetration_label(self.blueprint.language)
        order = {line.lane_id: line.y for line in geo.order_penetration_lines(self.blueprint, g)}
        self._sync(
            self.order_lines,
            list(order),
            lambda lane: LineItem(ORDER_LINE, label, order[lane], g.left, g.right),
            lambda item, lane: item.set_frame(order[lane], g.left, g.right, label),
        )
        return {band.id for band in g.lanes if old.get(band.id) != band.top}

    def _sync(
        self,
        items: dict[str, Any],
        ids: list[str],
        make: Callable[[str], Any],
        update: Callable[[Any, str], None],
    ) -> None:
        for gone in set(items) - set(ids):
            self.scene.removeItem(items.pop(gone))
        for item_id in ids:
            if item_id in items:
                update(items[item_id], item_id)
            else:
                items[item_id] = make(item_id)
                self.scene.addItem(items[item_id])

    def update_scene_rect(self) -> None:
        g = self.geometry
        rect = QRectF(g.left, g.top, g.right - g.left, g.bottom - g.top)
        for note in self.notes.values():
            rect = rect.united(note.sceneBoundingRect())
        self.scene.setSceneRect(
            rect.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN)
        )

    # -- cards ---------------------------------------------------------------------------------
    def add_card(self, step_id: str) -> CardItem:
        card = CardItem(self, step_id, self.interactive)
        self.cards[step_id] = card
        self.place_card(step_id)
        self.scene.addItem(card)
        return card

    def place_card(self, step_id: str) -> None:
        """Put the card where the model says (and forget where a drag had taken it)."""
        rect = self.geometry.card_rect(self.step(step_id))
        card = self.cards[step_id]
        card.setPos(rect.x, rect.y)
        self.card_index.put(step_id, rect)
        card.update()

    def card_moved(self, step_id: str) -> None:
        """A drag moved the card item itself: routing follows the item."""
        self.card_index.put(step_id, self.cards[step_id].scene_rect())

    def remove_card(self, step_id: str) -> None:
        card = self.cards.pop(step_id, None)
        self.card_index.remove(step_id)
        if card is not None:
            self.scene.removeItem(card)

    def card_rect(self, step_id: str) -> geo.Rect:
        rect = self.card_index.rect(step_id)
        return rect if rect is not None else self.cards[step_id].scene_rect()

    # -- flows ---------------------------------------------------------------------------------
    def add_flow(self, flow_id: str, route: bool = True) -> FlowItem:
        flow = self.flow(flow_id)
        item = FlowItem(self, flow_id, self.interactive)
        self.flows[flow_id] = item
        self.flows_at.setdefault(flow.source, set()).add(flow_id)
        self.flows_at.setdefault(flow.target, set()).add(flow_id)
        if route:
            self.reroute(self.flows_around([flow.source, flow.target]))
        self.scene.addItem(item)
        item.attach_label()
        return item

    def remove_flow(self, flow_id: str, route: bool = True) -> list[str]:
        """Remove a flow's item; returns the steps it joined (their other flows may spread)."""
        item = self.flows.pop(flow_id, None)
        if item is None:
            return []
        ends = [step_id for step_id, ids in self.flows_at.items() if flow_id in ids]
        for step_id in ends:
            self.flows_at[step_id].discard(flow_id)
        self.route_boxes.remove(flow_id)
        self.label_boxes.remove(flow_id)
        self._sides.pop(flow_id, None)
        self.pending.pop(flow_id, None)
        self.worked_out.pop(flow_id, None)
        item.detach_label()
        self.scene.removeItem(item)
        if route:
            self.reroute(self.flows_around(ends))
        return ends

    def reindex_flow(self, flow_id: str, route: bool = True) -> set[str]:
        """The flow's ends changed: file it under its new ends; returns old and new ends."""
        flow = self.flow(flow_id)
        ends = {step_id for step_id, ids in self.flows_at.items() if flow_id in ids}
        for step_id in ends:
            self.flows_at[step_id].discard(flow_id)
        self.flows_at.setdefault(flow.source, set()).add(flow_id)
        self.flows_at.setdefault(flow.target, set()).add(flow_id)
        ends |= {flow.source, flow.target}
        if route:
            self.reroute(self.flows_around(ends))
        return ends

    def flows_around(self, step_ids: Iterable[str]) -> set[str]:
        """The flows at these steps and at their neighbours: their ends share card edges."""
        steps = set(step_ids)
        for step_id in list(steps):
            for flow_id in self.flows_at.get(step_id, ()):
                flow = self._lookup(flow_id)
                if isinstance(flow, Flow):
                    steps.update((flow.source, flow.target))
        return {f for step_id in steps for f in self.flows_at.get(step_id, ())}

    def flow_ends(self, flow_id: str) -> tuple[str, ...]:
        flow = self._lookup(flow_id)
        return (flow.source, flow.target) if isinstance(flow, Flow) else ()

    def flows_crossing(self, rects: Iterable[geo.Rect]) -> set[str]:
        """Flows that may run where these card rectangles are: a card that arrives there may be
        in their way now, one that left may free a straighter route."""
        found: set[str] = set()
        for rect in rects:
            found |= self.route_boxes.ids_in(rect)
        return found

    def reroute(self, flow_ids: Iterable[str], tick: Callable[[], None] | None = None) -> None:
        """Route these flows again. Nothing moves while they are routed, so the order of the
        ends along each card edge is worked out once for the batch, not once per flow (a card
        with F flows cost F² before)."""
        self._edge_orders = {}
        try:
            for flow_id in list(flow_ids):
                item = self.flows.get(flow_id)
                if item is not None:
                    routed = self.worked_out.pop(flow_id, None)
                    if routed is None:
                        item.reroute()
                    else:
                        item.reroute(routed)
                    self.pending.pop(flow_id, None)
                if tick is not None:
                    tick()
        finally:
            self._edge_orders = None

    def _stand_in(self, flow_id: str) -> None:
        """A straight line between the cards' centres until the flow is routed; its route box
        is filed already, so a card moving into its way reroutes it like a routed one."""
        flow = self.flow(flow_id)
        source, target = self.card_index.rect(flow.source), self.card_index.rect(flow.target)
        if source is None or target is None:
            self.flows[flow_id].provisional([(0.0, 0.0), (0.0, 0.0)])
            return
        self.route_boxes.put(flow_id, route_box(source, target))
        self.flows[flow_id].provisional([(source.cx, source.cy), (target.cx, target.cy)])

    def follow_shift(
        self, flow_ids: set[str], dy: float, rigid: set[str], rerouted: set[str]
    ) -> set[str]:
        """Move these flows by ``dy`` instead of routing them again where that gives the same
        route; returns the flows that must be routed. ``rigid`` are the steps that moved only
        with their lane, all by ``dy`` (the lanes below a change); ``rerouted`` are the flows
        routed anyway.

        A flow keeps its route when both its cards are rigid and so is every card in its route
        box before and after (its sides stay), and no flow at its two cards changes sides (the
        spread along their edges stays). A flow that may change sides makes the flows at its
        cards reroute too, for their spread; one rerouted only for that affects no others.
        """
        changing: set[str] = set()
        for flow_id in flow_ids:
            if not self._keeps_sides(flow_id, dy, rigid):
                changing.add(flow_id)
        unsettled = changing | rerouted | set(self.pending)
        found = set(changing)
        for flow_id in flow_ids - changing:
            ends = self.flow_ends(flow_id)
            if any(g in unsettled for end in ends for g in self.flows_at.get(end, ())):
                found.add(flow_id)
                continue
            self.flows[flow_id].shift(dy)
            source, target = ends
            self.route_boxes.put(flow_id, route_box(self.card_rect(source), self.card_rect(target)))
            self._sides.pop(flow_id, None)
        # the spread of the flows at the cards of one that may change sides
        found |= {
            g for f in changing for end in self.flow_ends(f) for g in self.flows_at.get(end, ())
        }
        return found

    def _keeps_sides(self, flow_id: str, dy: float, rigid: set[str]) -> bool:
        flow = self._lookup(flow_id)
        if not isinstance(flow, Flow) or flow_id not in self.flows or flow_id in self.pending:
            return False
        if flow.source not in rigid or flow.target not in rigid:
            return False
        box = route_box(self.card_rect(flow.source), self.card_rect(flow.target))
        before = geo.Rect(box.x, box.y - dy, box.w, box.h)
        return all(self.card_index.ids_in(area) <= rigid for area in (box, before))

    def defer(self, flow_ids: Iterable[str]) -> None:
        """Leave these flows for :meth:`route_pending`, as straight stand-ins without labels
        (a change that moved thousands of cards: Arrange, or undoing a drop that shifted the
        lanes below it)."""
        for flow_id in flow_ids:
            item = self.flows.get(flow_id)
            if item is not None:
                item.detach_label()
                self.forget_label(flow_id)  # placed again with its route
                self._stand_in(flow_id)
                self.pending[flow_id] = None
                self.worked_out.pop(flow_id, None)

    def route_pending(
        self, area: geo.Rect | None = None, budget: float | None = None, unseen: bool = False
    ) -> bool:
        """Route pending flows: those that may run through ``area`` (all when None), for at
        most ``budget`` seconds (no limit when None). Returns whether any are left pending.

        ``unseen``: nobody looks at these flows at a zoom where a route shows, so only work
        their routes out; they are handed to the items together once every pending flow has
        one (each handing over repaints: in turns, a fitted view of 10,000 steps repainted
        after every turn, and routing took three times as long).
        """
        if not self.pending:
            return False
        if area is None:
            wanted: Iterable[str] = [f for f in self.pending if f not in self.worked_out]
        else:
            wanted = [f for f in self.route_boxes.ids_in(area) if f in self.pending]
        deadline = None if budget is None else time.perf_counter() + budget
        settle = self._work_out if unseen else self.reroute
        batch: list[str] = []
        for flow_id in wanted:
            batch.append(flow_id)
            if len(batch) == ROUTE_BATCH:
                settle(batch)
                batch = []
                if deadline is not None and time.perf_counter() >= deadline:
                    break
        settle(batch)
        if self.pending and len(self.worked_out) == len(self.pending):
            self.reroute(list(self.pending))  # every route known: hand them over at once
        return bool(self.pending)

    def _work_out(self, flow_ids: list[str]) -> None:
        """Work out the routes of these pending flows and keep them for their items."""
        self._edge_orders = {}
        try:
            for flow_id in flow_ids:
                flow = self._lookup(flow_id)
                if isinstance(flow, Flow) and flow_id in self.flows:
                    self.worked_out[flow_id] = self.route_between(flow.source, flow.target, flow_id)
        finally:
            self._edge_orders = None

    def place_label(self, flow_id: str, points: list[Point], width: float) -> geo.Rect:
        """The label box of a flow routed through ``points``: clear of the cards near it (with
        their badges) and of the labels already placed, and remembered for the next ones."""
        area = label_place.search_area(points, width)
        near = geo.Rect(area.x, area.y, area.w, area.h + label_place.BADGE_REACH)
        obstacles: list[label_place.Obstacle] = []
        for step_id in self.card_index.ids_in(near):
            card = self.card_rect(step_id)
            obstacles.append((card, label_place.CARD_WEIGHT))
            obstacles += [(badge, label_place.BADGE_WEIGHT) for badge in self._badges(step_id)]
        labels = self.label_boxes
        for other in labels.ids_in(area):
            rect = labels.rect(other)
            if other != flow_id and rect is not None:
                obstacles.append((rect, label_place.LABEL_WEIGHT))
        box = label_place.place_label(points, width, obstacles)
        labels.put(flow_id, box)
        return box

    def _badges(self, step_id: str) -> list[geo.Rect]:
        """The squares the badges of a step's card cover in the scene (with their ring)."""
        step = self._lookup(step_id)
        if not isinstance(step, Step):
            return []
        card = self.card_rect(step_id)
        names = painting.badges(step)
        reach = painting.BADGE_R + 1.5
        return [
            geo.Rect(card.x + c.x() - reach, card.y + c.y() - reach, 2 * reach, 2 * reach)
            for c in painting.badge_centres(QRectF(0, 0, card.w, card.h), len(names))
        ]

    def forget_label(self, flow_id: str) -> None:
        """The flow shows no label (any more): nothing for other labels to avoid."""
        self.label_boxes.remove(flow_id)

    def reroute_at(self, step_ids: Iterable[str]) -> None:
        """Reroute just the flows at these steps (while a drag moves their cards)."""
        self.reroute({f for step_id in step_ids for f in self.flows_at.get(step_id, ())})

    def route_between(self, source_id: str, target_id: str, flow_id: str = "") -> list[Point]:
        source = self.cards.get(source_id)
        target = self.cards.get(target_id)
        if source is None or target is None:
            return [(0.0, 0.0), (0.0, 0.0)]
        s_rect, t_rect = self.card_rect(source_id), self.card_rect(target_id)
        if flow_id:
            self.route_boxes.put(flow_id, route_box(s_rect, t_rect))
        blocked = self.card_index.blocked_except(source_id, target_id)
        leave, enter = sides(s_rect, t_rect, blocked)
        if flow_id and not self.dragging:
            self._sides[flow_id] = (s_rect, t_rect, (leave, enter))
        return route(
            s_rect,
            t_rect,
            blocked,
            self._end_shift(flow_id, source_id, leave, "source"),
            self._end_shift(flow_id, target_id, enter, "target"),
        )

    def _end_shift(self, flow_id: str, step_id: str, side: str, end: str) -> float:
        """Spread the ends of the flows that meet one edge of a card (arriving or leaving),
        ordered by where their other ends are, so they do not cross near the card."""
        if side == "centre" or not flow_id:
            return 0.0
        orders = self._edge_orders
        order = orders.get((step_id, side)) if orders is not None else None
        if order is None:
            order = self._edge_order(step_id, side)
            if orders is not None:
                orders[(step_id, side)] = order
        position = order.get(flow_id)
        if position is None:
            return 0.0
        edge = geo.CARD_W if side in ("top", "bottom") else geo.CARD_H
        return spread(position, len(order), edge)

    def _edge_order(self, step_id: str, side: str) -> dict[str, int]:
        """Flow id → place along one edge of a card, for the flows whose end meets that edge."""
        here = self.card_rect(step_id)
        horizontal_edge = side in ("top", "bottom")
        sharing: list[tuple[float, str]] = []
        for other_id in self.flows_at.get(step_id, ()):
            other = self._lookup(other_id)
            if not isinstance(other, Flow) or other.source == other.target:
                continue
            leaving = other.source == step_id
            there = self.card_index.rect(other.target if leaving else other.source)
            if there is None:
                continue
            pair = (here, there) if leaving else (there, here)
            other_side = self._sides_of(other, *pair)[0 if leaving else 1]
            if other_side == side:
                sharing.append((there.cx if horizontal_edge else there.cy, other_id))
        sharing.sort()
        return {fid: position for position, (_, fid) in enumerate(sharing)}

    def _sides_of(self, flow: Flow, source: geo.Rect, target: geo.Rect) -> tuple[str, str]:
        known = self._sides.get(flow.id)
        if known is not None and known[0] == source and known[1] == target and not self.dragging:
            return known[2]
        found = sides(source, target, self.card_index.blocked_except(flow.source, flow.target))
        if not self.dragging:
            self._sides[flow.id] = (source, target, found)
        return found

    def forget_sides(self, flow_ids: Iterable[str]) -> None:
        """Cards moved or arrived: these flows' sides must be worked out afresh."""
        for flow_id in flow_ids:
            self._sides.pop(flow_id, None)

    # -- notes ---------------------------------------------------------------------------------
    def add_note(self, note_id: str) -> NoteItem:
        item = NoteItem(self, note_id, self.interactive)
        self.notes[note_id] = item
        self.place_note(note_id)
        self.scene.addItem(item)
        return item

    def place_note(self, note_id: str) -> None:
        note = self.note(note_id)
        self.notes[note_id].setPos(note.layout.x, note.layout.y)
        self.notes[note_id].update()

    def remove_note(self, note_id: str) -> None:
        item = self.notes.pop(note_id, None)
        if item is not None:
            self.scene.removeItem(item)


def _band(g: geo.Geometry, lane_id: str) -> geo.LaneBand:
    band = g.lane(lane_id)
    assert band is not None
    return band


def _column(g: geo.Geometry, phase_id: str) -> geo.PhaseColumn:
    return next(c for c in g.phases if c.id == phase_id)


def laid_out_copy(blueprint: Blueprint) -> Blueprint:
    """The blueprint itself if every step has a layout, else a copy with the gaps filled."""
    missing = missing_layouts(blueprint)
    if not missing:
        return blueprint
    copy = blueprint.model_copy(deep=True)
    for step in copy.steps:
        if step.id in missing:
            step.layout = missing[step.id]
    return copy


def static_scene() -> QGraphicsScene:
    """An empty scene for a picture: drawn once, never searched by position.

    Qt's BSP index pays off for a canvas that is hit-tested on every mouse move; for a picture
    it only costs, and badly where many items share one place (20,000 flows into one card took
    9.4 s to paint as SVG with the index, 1.3 s without).
    """
    scene = QGraphicsScene()
    scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
    return scene


def build_static_scene(blueprint: Blueprint) -> QGraphicsScene:
    """A fresh scene showing the whole blueprint, without interaction (for image exports).

    The scene's ``sceneRect()`` frames the drawing with a margin; render it with
    ``scene.render(painter, target, scene.sceneRect())``.
    """
    scene = static_scene()
    items = BlueprintItems(scene, laid_out_copy(blueprint))
    items.build()
    scene._blueprint_items = items  # type: ignore[attr-defined]  # keeps the items' owner alive
    return scene
