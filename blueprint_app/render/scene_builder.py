"""Building the items of a blueprint into a scene, and keeping them in step with the model.

:class:`BlueprintItems` owns the model-id → item maps. The interactive canvas uses it to update
only the items a change touches; :func:`build_static_scene` uses it once for image exports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene

from blueprint_app.analysis import geometry as geo
from blueprint_app.analysis.layout import missing_layouts
from blueprint_app.analysis.routing import Point, route
from blueprint_app.model.blueprint import Blueprint, Flow, LaneKind, Note, Step
from blueprint_app.render import style
from blueprint_app.render.items import (
    CardItem,
    FlowItem,
    LaneItem,
    LineItem,
    NoteItem,
    PhaseItem,
)

Lookup = Callable[[str], Any]
SCENE_MARGIN = 40.0


class BlueprintItems:
    """The graphics items of one blueprint in one scene, by model id."""

    def __init__(self, scene: QGraphicsScene, blueprint: Blueprint,
                 lookup: Lookup | None = None, interactive: bool = False) -> None:
        self.scene = scene
        self.blueprint = blueprint
        self.interactive = interactive
        if lookup is None:
            index = {item.id: item for name in ("steps", "flows", "notes")
                     for item in getattr(blueprint, name)}
            lookup = index.get
        self._lookup = lookup
        self.geometry = geo.compute_geometry(blueprint)
        self.lanes: dict[str, LaneItem] = {}
        self.phases: dict[str, PhaseItem] = {}
        self.lines: dict[str, LineItem] = {}
        self.cards: dict[str, CardItem] = {}
        self.flows: dict[str, FlowItem] = {}
        self.notes: dict[str, NoteItem] = {}
        self.flows_at: dict[str, set[str]] = {}
        self._lane_kinds: dict[str, LaneKind] = {}

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
    def build(self) -> None:
        """Create every item (once; later changes go through the ``*_changed`` methods)."""
        self.scene.setBackgroundBrush(style.CANVAS)
        self.refresh_frame()
        for step in self.blueprint.steps:
            self.add_card(step.id)
        for flow in self.blueprint.flows:
            self.add_flow(flow.id)
        for note in self.blueprint.notes:
            self.add_note(note.id)
        self.update_scene_rect()

    def refresh_frame(self) -> set[str]:
        """Recompute lanes, phases and lines; return the lanes whose top moved."""
        old = {band.id: band.top for band in self.geometry.lanes}
        self.geometry = geo.compute_geometry(self.blueprint)
        g = self.geometry
        self._lane_kinds = {band.id: band.kind for band in g.lanes}
        self._sync(self.lanes, [b.id for b in g.lanes],
                   lambda lid: LaneItem(_band(g, lid), g.left, g.right),
                   lambda item, lid: item.set_frame(_band(g, lid), g.left, g.right))
        self._sync(self.phases, [c.id for c in g.phases],
                   lambda pid: PhaseItem(_column(g, pid), g.bottom),
                   lambda item, pid: item.set_frame(_column(g, pid), g.bottom))
        wanted = {name: (label, g.line_y(kind)) for name, label, kind in geo.LINES}
        present = [name for name, (_, y) in wanted.items() if y is not None]
        self._sync(self.lines, present,
                   lambda n: LineItem(n, wanted[n][0], wanted[n][1] or 0.0, g.left, g.right),
                   lambda item, n: item.set_frame(wanted[n][1] or 0.0, g.left, g.right))
        return {band.id for band in g.lanes if old.get(band.id) != band.top}

    def _sync(self, items: dict[str, Any], ids: list[str], make: Callable[[str], Any],
              update: Callable[[Any, str], None]) -> None:
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
        self.scene.setSceneRect(rect.adjusted(-SCENE_MARGIN, -SCENE_MARGIN,
                                              SCENE_MARGIN, SCENE_MARGIN))

    # -- cards ---------------------------------------------------------------------------------
    def add_card(self, step_id: str) -> CardItem:
        card = CardItem(self, step_id, self.interactive)
        self.cards[step_id] = card
        self.place_card(step_id)
        self.scene.addItem(card)
        return card

    def place_card(self, step_id: str) -> None:
        rect = self.geometry.card_rect(self.step(step_id))
        card = self.cards[step_id]
        card.setPos(rect.x, rect.y)
        card.update()

    def remove_card(self, step_id: str) -> None:
        card = self.cards.pop(step_id, None)
        if card is not None:
            self.scene.removeItem(card)

    def card_rect(self, step_id: str) -> geo.Rect:
        return self.cards[step_id].scene_rect()

    # -- flows ---------------------------------------------------------------------------------
    def add_flow(self, flow_id: str) -> FlowItem:
        flow = self.flow(flow_id)
        item = FlowItem(self, flow_id, self.interactive)
        self.flows[flow_id] = item
        self.flows_at.setdefault(flow.source, set()).add(flow_id)
        self.flows_at.setdefault(flow.target, set()).add(flow_id)
        item.reroute()
        self.scene.addItem(item)
        return item

    def remove_flow(self, flow_id: str) -> None:
        item = self.flows.pop(flow_id, None)
        if item is None:
            return
        for ids in self.flows_at.values():
            ids.discard(flow_id)
        self.scene.removeItem(item)

    def reindex_flow(self, flow_id: str) -> None:
        """The flow's ends changed: file it under its new ends and reroute it."""
        flow = self.flow(flow_id)
        for ids in self.flows_at.values():
            ids.discard(flow_id)
        self.flows_at.setdefault(flow.source, set()).add(flow_id)
        self.flows_at.setdefault(flow.target, set()).add(flow_id)
        self.flows[flow_id].reroute()

    def reroute_at(self, step_ids: Iterable[str]) -> None:
        done: set[str] = set()
        for step_id in step_ids:
            for flow_id in self.flows_at.get(step_id, ()):
                if flow_id not in done and flow_id in self.flows:
                    done.add(flow_id)
                    self.flows[flow_id].reroute()

    def route_between(self, source_id: str, target_id: str) -> list[Point]:
        source = self.cards.get(source_id)
        target = self.cards.get(target_id)
        if source is None or target is None:
            return [(0.0, 0.0), (0.0, 0.0)]
        ends = {source, target}

        def blocked(rect: geo.Rect) -> bool:
            area = QRectF(rect.x, rect.y, max(rect.w, 1.0), max(rect.h, 1.0))
            for item in self.scene.items(area):
                if isinstance(item, CardItem) and item not in ends and \
                        _card_qrect(item).intersects(area):
                    return True
            return False

        return route(source.scene_rect(), target.scene_rect(), blocked)

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


def _card_qrect(card: CardItem) -> QRectF:
    pos = card.pos()
    return QRectF(pos.x(), pos.y(), geo.CARD_W, geo.CARD_H)


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


def build_static_scene(blueprint: Blueprint) -> QGraphicsScene:
    """A fresh scene showing the whole blueprint, without interaction (for image exports).

    The scene's ``sceneRect()`` frames the drawing with a margin; render it with
    ``scene.render(painter, target, scene.sceneRect())``.
    """
    scene = QGraphicsScene()
    items = BlueprintItems(scene, laid_out_copy(blueprint))
    items.build()
    scene._blueprint_items = items  # type: ignore[attr-defined]  # keeps the items' owner alive
    return scene
