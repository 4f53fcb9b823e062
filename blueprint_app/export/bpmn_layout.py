"""Where the BPMN shapes, edges and labels go: a grid drawn from the blueprint's own layout.

Columns are the blueprint's distinct x positions in order (steps without a layout get their
column from the flow order); a column is as wide as the gateways its steps need before (joins)
and after (forks) them, so no two shapes can meet. Rows are the blueprint's rows inside each
lane, and a lane is as tall as its rows. External labels (events, gateways, data objects) sit
under or over their shape, flow labels beside the first bend, inside the free bands between
shapes; notes (text annotations) go in a band above the pool.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass

from blueprint_app.analysis.process import Process, columns
from blueprint_app.export.bpmn_process import BpmnProcess, Edge, Node
from blueprint_app.model.blueprint import Blueprint, Step, StepKind

POOL_HEADER, LANE_HEADER, MARGIN = 30.0, 30.0, 30.0
ROW_HEIGHT, EMPTY_LANE = 150.0, 80.0
SLOT, TASK_WIDTH, GAP = 100.0, 100.0, 70.0
LABEL_WIDTH, LINE_HEIGHT = 90.0, 14.0
NOTE_WIDTH, NOTE_HEIGHT, NOTE_GAP = 150.0, 60.0, 40.0
PHASE_HEADER = 34.0  # a phase's group starts this far over the pool: its title goes there
SIZES: dict[str, tuple[float, float]] = {
    "task": (TASK_WIDTH, 80.0),
    "startEvent": (36.0, 36.0),
    "endEvent": (36.0, 36.0),
    "intermediateCatchEvent": (36.0, 36.0),
    "exclusiveGateway": (50.0, 50.0),
    "parallelGateway": (50.0, 50.0),
    "dataObjectReference": (36.0, 50.0),
}


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        return self.y + self.height / 2

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def overlaps(self, other: Box) -> bool:
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )


def label_height(text: str) -> float:
    """A label's height at bpmn.io's 11 px font wrapped to LABEL_WIDTH (wide characters
    such as Chinese take two places of a Latin letter)."""
    places = sum(2 if ord(char) > 0x2E80 else 1 for char in text)
    lines = max(1, -(-places // 15), text.count("\n") + 1)
    return min(lines, 4) * LINE_HEIGHT


class Layout:
    """Bounds of the pool, lanes, shapes and labels, and each edge's waypoints."""

    def __init__(self, blueprint: Blueprint, process: BpmnProcess) -> None:
        self.shapes: dict[str, Box] = {}
        self.labels: dict[str, Box] = {}
        self.lanes: dict[str, Box] = {}
        self.waypoints: dict[str, list[tuple[float, float]]] = {}
        self.notes: dict[str, Box] = {}
        self._column = _columns(blueprint)
        self._grid(process)
        self._bands(blueprint)
        for node in process.nodes.values():
            self._place(node.id, node.tag, node.step, self._centre(node.step.id, node.slot))
        for step in blueprint.steps:
            if step.kind == StepKind.EVIDENCE:
                centre = self._centre(step.id, 0)
                self._place(f"Step_{step.id}", "dataObjectReference", step, centre)
        for node in process.nodes.values():
            if node.tag != "task" and node.name:
                self._shape_label(node.id, node.name, above=node.tag.endswith("Gateway"))
        for step in blueprint.steps:
            if step.kind == StepKind.EVIDENCE:
                # over the document: its associations leave from below
                self._shape_label(f"Step_{step.id}", step.title, above=True)
        self._index()
        for edge in process.edges:
            self._route(edge)
        self._place_notes(blueprint)
        self._place_phases(blueprint, process)

    def _grid(self, process: BpmnProcess) -> None:
        """Where each column starts: wide enough for its steps' gateway chains."""
        self._left: dict[int, int] = {}
        right_slots: dict[int, int] = {}
        for node in process.nodes.values():
            c = self._column[node.step.id]
            self._left[c] = max(self._left.get(c, 0), -node.slot)
            right_slots[c] = max(right_slots.get(c, 0), node.slot)
        self._starts: dict[int, float] = {}
        x = POOL_HEADER + LANE_HEADER + MARGIN
        for c in sorted(set(self._column.values())):
            self._starts[c] = x
            x += (self._left.get(c, 0) + right_slots.get(c, 0)) * SLOT + TASK_WIDTH + GAP
        self._right = max(x - GAP + MARGIN, POOL_HEADER + LANE_HEADER + 2 * MARGIN + TASK_WIDTH)

    def _bands(self, blueprint: Blueprint) -> None:
        """Each lane as tall as its rows (an empty lane a thin band), the pool around them."""
        self._row_y: dict[tuple[str, int], float] = {}
        y = 0.0
        for lane in blueprint.lanes:
            rows = [s.layout.row if s.layout else 0 for s in blueprint.steps if s.lane == lane.id]
            height = (max(rows) + 1) * ROW_HEIGHT if rows else EMPTY_LANE
            self.lanes[lane.id] = Box(POOL_HEADER, y, self._right - POOL_HEADER, height)
            for row in set(rows):
                self._row_y[(lane.id, row)] = y + row * ROW_HEIGHT + ROW_HEIGHT / 2
            y += height
        self.pool = Box(0.0, 0.0, self._right, max(y, EMPTY_LANE))

    def _centre(self, step_id: str, slot: int) -> float:
        """The x centre of a step's chain member: joins left of the step, forks right of it."""
        c = self._column[step_id]
        centre = self._starts[c] + self._left.get(c, 0) * SLOT + TASK_WIDTH / 2
        if slot < 0:
            centre -= TASK_WIDTH / 2 + (-slot - 0.5) * SLOT
        elif slot > 0:
            centre += TASK_WIDTH / 2 + (slot - 0.5) * SLOT
        return centre

    def _place(self, ref: str, tag: str, step: Step, centre: float) -> None:
        width, height = SIZES[tag]
        cy = self._row_y[(step.lane, step.layout.row if step.layout else 0)]
        self.shapes[ref] = Box(centre - width / 2, cy - height / 2, width, height)

    def _shape_label(self, ref: str, text: str, above: bool) -> None:
        box = self.shapes[ref]
        height = label_height(text)
        y = box.y - height - 4 if above else box.bottom + 4
        self.labels[ref] = Box(box.cx - LABEL_WIDTH / 2, y, LABEL_WIDTH, height)

    def _route(self, edge: Edge) -> None:
        """Orthogonal, through as few shapes as possible: forward out of the right side bending
        in the gap before the target (a gateway leaves up or down towards it), or around the
        row, under it or over it; the first of the least crossing routes wins."""
        a, b = self.shapes[edge.source], self.shapes[edge.target]
        candidates = _routes(a, b, edge.source.startswith(("Split_", "Fork_")) or a.width == 50)
        ends = (edge.source, edge.target)
        points = min(candidates, key=lambda route: self._crossings(route, ends))
        self.waypoints[edge.id] = points
        if edge.name:
            height = label_height(edge.name)
            (x0, y0), (x1, y1) = points[0], points[1]
            if abs(y0 - y1) < 1:  # leaves sideways: over the first segment
                box = Box(x0 + 4, y0 - height - 2, LABEL_WIDTH, height)
            else:  # leaves up or down: over the segment after the bend
                box = Box(x1 + 4, y1 - height - 2, LABEL_WIDTH, height)
            self.labels[edge.id] = box

    def _index(self) -> None:
        """Shapes by grid cell, so a route asks only the shapes near it (a big blueprint has
        thousands of shapes and edges)."""
        self._cells: dict[tuple[int, int], list[tuple[str, Box]]] = {}
        for ref, box in self.shapes.items():
            for cell in _cells(box):
                self._cells.setdefault(cell, []).append((ref, box))

    def _crossings(self, route: Route, ends: tuple[str, str]) -> int:
        """How many shapes (other than the route's own two) its segments pass through."""
        count = 0
        for (x0, y0), (x1, y1) in itertools.pairwise(route):
            segment = Box(min(x0, x1) - 1, min(y0, y1) - 1, abs(x1 - x0) + 2, abs(y1 - y0) + 2)
            near = {ref: box for cell in _cells(segment) for ref, box in self._cells.get(cell, [])}
            count += sum(
                1 for ref, box in near.items() if ref not in ends and segment.overlaps(box)
            )
        return count

    def _place_phases(self, blueprint: Blueprint, process: BpmnProcess) -> None:
        """A group around each phase's shapes, the pool's height, its title in its corner over
        the pool (under the notes' row)."""
        self.phases: dict[str, Box] = {}
        members: dict[str, list[Box]] = {}
        for node in process.nodes.values():
            if node.step.phase:
                members.setdefault(node.step.phase, []).append(self.shapes[node.id])
        for step in blueprint.steps:
            if step.phase and step.kind == StepKind.EVIDENCE:
                members.setdefault(step.phase, []).append(self.shapes[f"Step_{step.id}"])
        for phase in blueprint.phases:
            boxes = members.get(phase.id)
            if not boxes:
                continue
            left = min(b.x for b in boxes) - 12
            right = max(b.right for b in boxes) + 12
            # from just over the pool, where the title reads like a blueprint's phase header
            top = self.pool.y - PHASE_HEADER
            group = Box(left, top, right - left, self.pool.bottom - 4 - top)
            self.phases[phase.id] = group
            height = label_height(phase.title)
            self.labels[f"Phase_{phase.id}"] = Box(
                group.x + 4, group.y + 4, min(group.width - 8, 150.0), height
            )

    def _place_notes(self, blueprint: Blueprint) -> None:
        """Text annotations in a row above the pool, each over the step it is attached to."""
        x = POOL_HEADER
        for note in sorted(blueprint.notes, key=lambda n: (n.layout.x, n.id)):
            target = self.shapes.get(f"Step_{note.attached_to}") if note.attached_to else None
            wanted = target.cx - NOTE_WIDTH / 2 if target else x
            left = max(wanted, x)
            self.notes[note.id] = Box(left, -NOTE_GAP - NOTE_HEIGHT, NOTE_WIDTH, NOTE_HEIGHT)
            x = left + NOTE_WIDTH + 20


Route = list[tuple[float, float]]


def _routes(a: Box, b: Box, gateway: bool) -> list[Route]:
    """The ways from ``a`` to ``b`` worth trying, the preferred first."""
    routes: list[Route] = []
    if abs(a.cx - b.cx) < 1:
        if b.cy >= a.cy:
            routes.append([(a.cx, a.bottom), (b.cx, b.y)])
        else:
            routes.append([(a.cx, a.y), (b.cx, b.bottom)])
        for side, x in ((a.right, a.right + 20), (a.x, a.x - 20)):  # around what is between
            end = b.right if side == a.right else b.x
            routes.append([(side, a.cy), (x, a.cy), (x, b.cy), (end, b.cy)])
    elif b.cx > a.cx:
        if abs(a.cy - b.cy) < 1:
            routes.append([(a.right, a.cy), (b.x, b.cy)])
        elif gateway:
            start = (a.cx, a.bottom) if b.cy > a.cy else (a.cx, a.y)
            routes.append([start, (a.cx, b.cy), (b.x, b.cy)])
        bend = b.x - GAP / 2 if b.x - a.right > GAP else (a.right + b.x) / 2
        routes.append([(a.right, a.cy), (bend, a.cy), (bend, b.cy), (b.x, b.cy)])
    if abs(a.cy - b.cy) >= 1 and (b.right < a.cx or b.x > a.cx):  # down or up, then in
        start = (a.cx, a.bottom) if b.cy > a.cy else (a.cx, a.y)
        routes.append([start, (a.cx, b.cy), (b.right if b.right < a.cx else b.x, b.cy)])
    if b.cy - a.cy >= 1:  # down to just over the target, across, into its top
        over = b.y - 15
        routes.append([(a.cx, a.bottom), (a.cx, over), (b.cx, over), (b.cx, b.y)])
    elif a.cy - b.cy >= 1:  # up to just under the target, across, into its bottom
        under = b.bottom + 15
        routes.append([(a.cx, a.y), (a.cx, under), (b.cx, under), (b.cx, b.bottom)])
    below = max(a.cy, b.cy) + ROW_HEIGHT / 2 - 12
    above = min(a.cy, b.cy) - ROW_HEIGHT / 2 + 12
    routes.append([(a.cx, a.bottom), (a.cx, below), (b.cx, below), (b.cx, b.bottom)])
    routes.append([(a.cx, a.y), (a.cx, above), (b.cx, above), (b.cx, b.y)])
    return routes


CELL = 200.0


def _cells(box: Box) -> Iterator[tuple[int, int]]:
    """The grid cells a box touches."""
    for cx in range(math.floor(box.x / CELL), math.floor(box.right / CELL) + 1):
        for cy in range(math.floor(box.y / CELL), math.floor(box.bottom / CELL) + 1):
            yield cx, cy


def _columns(blueprint: Blueprint) -> dict[str, int]:
    """Step id → its column: the rank of its x among the blueprint's distinct x positions."""
    column: dict[str, int] = {}
    if any(step.layout is None for step in blueprint.steps):
        process = Process(blueprint)
        column = columns(process.graph, process.rank)
    xs = {s.id: s.layout.x if s.layout else column[s.id] * 160.0 for s in blueprint.steps}
    order = {x: index for index, x in enumerate(sorted(set(xs.values())))}
    return {sid: order[x] for sid, x in xs.items()}


__all__ = ["Box", "Layout", "Node"]
