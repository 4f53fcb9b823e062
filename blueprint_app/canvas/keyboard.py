"""Editing the canvas with the keyboard alone (issue 17.13).

Arrow keys move the selection to the neighbouring card in that direction; Alt+arrow moves the
selected card itself (a slot left or right, a row or lane up or down) as one undo step; Tab
and Shift+Tab follow the flows (the next step in flow order, else the next in the document);
Insert adds a step after the selected one in its lane and connects it; Connect (Ctrl+K) picks
a target with the arrow keys and Enter draws the arrow, Esc gives up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from blueprint_app.analysis import geometry as geo
from blueprint_app.editing import room
from blueprint_app.history import edits
from blueprint_app.model import FlowKind, StepKind, StepLayout

if TYPE_CHECKING:
    from blueprint_app.canvas.scene import BlueprintScene

ARROWS = {
    Qt.Key.Key_Left: (-1.0, 0.0),
    Qt.Key.Key_Right: (1.0, 0.0),
    Qt.Key.Key_Up: (0.0, -1.0),
    Qt.Key.Key_Down: (0.0, 1.0),
}


def neighbour(
    centres: dict[str, tuple[float, float]], origin: str, direction: tuple[float, float]
) -> str | None:
    """The card nearest ``origin`` in ``direction`` (Qt-free): only cards whose centre lies
    ahead, the ones off the axis costing twice their sideways distance."""
    ox, oy = centres[origin]
    dx, dy = direction
    best: tuple[float, str] | None = None
    for step_id, (x, y) in centres.items():
        ahead = (x - ox) * dx + (y - oy) * dy
        if step_id == origin or ahead <= 1:
            continue
        side = abs((x - ox) * dy - (y - oy) * dx)
        cost = ahead + 2 * side
        if best is None or cost < best[0]:
            best = (cost, step_id)
    return best[1] if best else None


class Keyboard:
    """The canvas's keys beyond F2 and Delete; ``connect_from`` is set while Connect picks."""

    def __init__(self, scene: BlueprintScene) -> None:
        self.scene = scene
        self.connect_from: str | None = None

    def _selected_card(self) -> str | None:
        ids = [i for i in self.scene.selected_ids() if i in self.scene.content.cards]
        return ids[0] if len(ids) == 1 else None

    def _centres(self) -> dict[str, tuple[float, float]]:
        content = self.scene.content
        return {sid: (r.cx, r.cy) for sid in content.cards for r in [content.card_rect(sid)]}

    def _select(self, step_id: str) -> None:
        self.scene.select_ids([step_id])
        card = self.scene.content.cards[step_id]
        for view in self.scene.views():
            view.ensureVisible(card.sceneBoundingRect(), 40, 40)

    def key(self, key: int, modifiers: Qt.KeyboardModifier) -> bool:
        """Handle one key press; False when it is not one of ours."""
        alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
        current = self._selected_card()
        if self.connect_from is not None:
            return self._picking(key, current)
        if key in ARROWS and current is None and not alt:
            first = next(iter(self.scene.content.cards), None)  # a start for the arrows
            if first is not None:
                self._select(first)
            return first is not None
        if current is None:
            return False
        if key in ARROWS and alt:
            self.move_card(current, ARROWS[Qt.Key(key)])
            return True
        if key in ARROWS:
            found = neighbour(self._centres(), current, ARROWS[Qt.Key(key)])
            if found is not None:
                self._select(found)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.scene.edit_title(current)
            return True
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            backwards = key == Qt.Key.Key_Backtab or bool(
                modifiers & Qt.KeyboardModifier.ShiftModifier
            )
            self._select(self.next_in_flow(current, backwards))
            return True
        return False

    def next_in_flow(self, step_id: str, backwards: bool = False) -> str:
        """The step a flow leads to from ``step_id`` (or comes from, ``backwards``); without
        one, the next (previous) step of the document, wrapping round."""
        blueprint = self.scene.document.blueprint
        for flow in blueprint.flows:
            if flow.kind == FlowKind.EVIDENCE:
                continue
            if not backwards and flow.source == step_id:
                return flow.target
            if backwards and flow.target == step_id:
                return flow.source
        ids = [step.id for step in blueprint.steps]
        index = ids.index(step_id)
        return ids[(index + (-1 if backwards else 1)) % len(ids)]

    def move_card(self, step_id: str, direction: tuple[float, float]) -> None:
        """Alt+arrow: a slot left or right, a row down or up, into the next lane at the edge."""
        document = self.scene.document
        step = document.step(step_id)
        layout = step.layout or StepLayout(x=0, row=0)
        g = self.scene.content.geometry
        lanes = [band.id for band in g.lanes]
        lane, row, x = step.lane, layout.row, layout.x
        dx, dy = direction
        x += dx * (geo.CARD_W + room.CARD_GAP)
        band = g.lane(lane)
        if dy > 0:
            if band is not None and row + 1 < band.rows:
                row += 1
            elif lanes.index(lane) + 1 < len(lanes):
                lane, row = lanes[lanes.index(lane) + 1], 0
        elif dy < 0:
            if row > 0:
                row -= 1
            elif lanes.index(lane) > 0:
                lane = lanes[lanes.index(lane) - 1]
                above = g.lane(lane)
                row = max(0, (above.rows if above is not None else 1) - 1)
        column = g.phase_at(x + geo.CARD_W / 2)
        phase = column.id if column is not None and dx else step.phase
        label = QCoreApplication.translate("Canvas", "Move step")
        with self.scene.history.transaction(label) as tx:
            edits.move_step(
                tx, step_id, lane=lane, phase=phase, layout=StepLayout(x=round(x), row=row)
            )
            room.settle(tx, [step_id])
        self._select(step_id)

    def insert_after(self) -> str | None:
        """Insert: a step right of the selected one, in its lane, phase and row, connected
        from it, its title open for typing."""
        current = self._selected_card()
        if current is None:
            return None
        step = self.scene.document.step(current)
        layout = step.layout or StepLayout(x=0, row=0)
        kind = StepKind.EVIDENCE if step.kind == StepKind.EVIDENCE else StepKind.ACTION
        label = QCoreApplication.translate("Canvas", "Add step")
        with self.scene.history.transaction(label) as tx:
            new_id = edits.add_step(
                tx,
                step.lane,
                phase=step.phase,
                x=round(layout.x + geo.CARD_W + room.CARD_GAP),
                row=layout.row,
                kind=kind,
                title=QCoreApplication.translate("Canvas", "New step"),
            )
            room.settle(tx, [new_id])
            flow_kind = FlowKind.EVIDENCE if kind == StepKind.EVIDENCE else FlowKind.FLOW
            edits.add_flow(tx, current, new_id, flow_kind)
        self._select(new_id)
        self.scene.edit_title(new_id)
        return new_id

    def start_connect(self) -> bool:
        """Connect: from the selected card, the arrow keys choose the target, Enter connects."""
        current = self._selected_card()
        if current is None:
            return False
        self.connect_from = current
        self.scene.told.emit(
            QCoreApplication.translate(
                "Canvas",
                "Connect: choose the target with the arrow keys, Enter connects, Esc cancels",
            )
        )
        return True

    def _picking(self, key: int, current: str | None) -> bool:
        source = self.connect_from
        assert source is not None
        if key == Qt.Key.Key_Escape:
            self.connect_from = None
            self.scene.told.emit(QCoreApplication.translate("Canvas", "Not connected"))
            self._select(source)
            return True
        if key in ARROWS and current is not None:
            found = neighbour(self._centres(), current, ARROWS[Qt.Key(key)])
            if found is not None:
                self._select(found)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.connect_from = None
            if current is None or current == source:
                self.scene.told.emit(
                    QCoreApplication.translate("Canvas", "Not connected: choose another step")
                )
                return True
            kinds = (self.scene.document.step(source).kind, self.scene.document.step(current).kind)
            kind = FlowKind.EVIDENCE if StepKind.EVIDENCE in kinds else FlowKind.FLOW
            label = QCoreApplication.translate("Canvas", "Connect steps")
            with self.scene.history.transaction(label) as tx:
                flow_id = edits.add_flow(tx, source, current, kind)
            self.scene.select_ids([flow_id])
            return True
        return key in ARROWS
