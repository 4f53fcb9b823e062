"""Orthogonal routes for flows between cards, without Qt.

Routes leave and enter cards on the side facing the other card and bend at most twice, in the gap
between cards, so they rarely cross a card. Where the straight route would pass through another
card (a hand-off across a lane that has a card in the same column), the route goes round it through
the gap at the cards' right; a forward flow whose row holds a card between its ends runs along a
channel just below or above the two cards instead. ``blocked`` tells whether a rectangle is
covered by other cards.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

from blueprint_app.analysis.geometry import Rect

Point = tuple[float, float]
Blocked = Callable[[Rect], bool]
MIN_GAP = 6.0
DETOUR = 14.0  # how far right of the cards a detour runs
BACK_DROP = 16.0  # how far below the lower card a backward flow runs


def _free(points: list[Point], blocked: Blocked | None) -> bool:
    if blocked is None:
        return True
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        segment = Rect(min(x1, x2) - 1, min(y1, y2) + 1, abs(x2 - x1) + 2, max(abs(y2 - y1) - 2, 0))
        if blocked(segment):
            return False
    return True


def _relation(source: Rect, target: Rect) -> str:
    if target.x >= source.right + MIN_GAP:
        return "forward"
    if target.right <= source.x - MIN_GAP and not (
        target.y >= source.bottom + MIN_GAP or target.bottom <= source.y - MIN_GAP
    ):
        return "backward"
    if target.y >= source.bottom:
        return "down"
    if target.bottom <= source.y:
        return "up"
    return "overlap"


def _vertical_points(
    source: Rect, target: Rect, exit_shift: float = 0.0, entry_shift: float = 0.0
) -> list[Point]:
    down = target.y >= source.bottom
    start = (source.cx + exit_shift, source.bottom if down else source.y)
    end = (target.cx + entry_shift, target.y if down else target.bottom)
    if abs(start[0] - end[0]) < 0.5:
        return [start, end]
    my = (start[1] + end[1]) / 2
    return [start, (start[0], my), (end[0], my), end]


def sides(source: Rect, target: Rect, blocked: Blocked | None = None) -> tuple[str, str]:
    """Which side of each card the route leaves and enters.

    A hand-off straight up or down that another card blocks goes round through the gap at the
    cards' right: it leaves and enters on the right.
    """
    relation = _relation(source, target)
    if relation == "forward":
        return "right", "left"
    if relation == "backward":
        return "bottom", "bottom"
    if relation in ("down", "up"):
        if not _free(_vertical_points(source, target), blocked):
            return "right", "right"
        return ("bottom", "top") if relation == "down" else ("top", "bottom")
    return "centre", "centre"


def route(
    source: Rect,
    target: Rect,
    blocked: Blocked | None = None,
    exit_shift: float = 0.0,
    entry_shift: float = 0.0,
) -> list[Point]:
    """The polyline from ``source`` to ``target``; the last point touches the target's edge.

    ``exit_shift`` and ``entry_shift`` move the ends along the card's edge, so several flows at
    one side of a card arrive side by side instead of on top of each other.
    """
    leave, enter = sides(source, target, blocked)
    if enter == "left":
        return _forward(source, target, blocked, exit_shift, entry_shift)
    if enter == "right":
        gx = max(source.right, target.right) + DETOUR
        return [
            (source.right, source.cy + exit_shift),
            (gx, source.cy + exit_shift),
            (gx, target.cy + entry_shift),
            (target.right, target.cy + entry_shift),
        ]
    if leave == enter == "bottom":
        return _backward(source, target, exit_shift, entry_shift)
    if leave in ("bottom", "top"):
        return _vertical_points(source, target, exit_shift, entry_shift)
    return [(source.cx, source.cy), (target.cx, target.cy)]


def _forward(
    source: Rect, target: Rect, blocked: Blocked | None, exit_shift: float, entry_shift: float
) -> list[Point]:
    start, end = (source.right, source.cy + exit_shift), (target.x, target.cy + entry_shift)
    if abs(start[1] - end[1]) < 0.5:
        straight = [start, end]
        if _free(straight, blocked):
            return straight
        return _through_channel(source, target, blocked, start, end) or straight
    # flows sharing the target's edge bend at staggered x so their verticals do not overlap:
    # coming down, the upper port bends nearer the target; coming up, the lower one does
    stagger = entry_shift if end[1] < start[1] else -entry_shift
    low, high = source.right + 4, target.x - 4
    middle = min(high, max(low, (source.right + target.x) / 2 + stagger))
    candidates = [middle, target.x - DETOUR, source.right + DETOUR]
    routes = [[start, (mx, start[1]), (mx, end[1]), end] for mx in candidates]
    for points in routes:
        if _free(points, blocked):
            return points
    return _through_channel(source, target, blocked, start, end) or routes[0]


def _through_channel(
    source: Rect, target: Rect, blocked: Blocked | None, start: Point, end: Point
) -> list[Point] | None:
    """A forward route whose row is blocked (a card between, in the same row): down past the
    lower card's bottom or up past the higher card's top, across, and back to the target.

    Stays inside :func:`route_box`, so a card moved into its way reroutes it.
    """
    if start[0] + 2 * DETOUR > end[0] - 2 * DETOUR:
        return None  # no room for the two bends in the gap between the cards
    # the channel runs inside the lane's padding, clear of the lane's edge (a line of
    # visibility may run there); channel and bends are staggered by the source's position so
    # two such routes from different cards rarely run on top of each other
    stagger = round(source.x / 10) % 3
    x1, x2 = start[0] + 8.0 + 6.0 * stagger, end[0] - 8.0 - 6.0 * stagger
    depth = 4.0 + 3.0 * stagger
    channels = [max(source.bottom, target.bottom) + depth, min(source.y, target.y) - depth]
    routes = [[start, (x1, start[1]), (x1, y), (x2, y), (x2, end[1]), end] for y in channels]
    free = [points for points in routes if _free(points, blocked)]
    if not free:
        return None
    return min(free, key=lambda points: abs(points[2][1] - start[1]) + abs(points[3][1] - end[1]))


def _backward(source: Rect, target: Rect, exit_shift: float, entry_shift: float) -> list[Point]:
    """A flow that goes back in time: under both cards and up into the target."""
    low = max(source.bottom, target.bottom) + BACK_DROP
    return [
        (source.cx + exit_shift, source.bottom),
        (source.cx + exit_shift, low),
        (target.cx + entry_shift, low),
        (target.cx + entry_shift, target.bottom),
    ]


def spread(index: int, count: int, edge: float, pitch: float = 14.0) -> float:
    """Offset of the ``index``-th of ``count`` ends sharing one card edge of length ``edge``."""
    if count <= 1:
        return 0.0
    step = min(pitch, (edge - 16.0) / (count - 1))
    return (index - (count - 1) / 2) * step


def route_box(source: Rect, target: Rect) -> Rect:
    """Everywhere any route between two cards may run: a card there can change the route."""
    left, top = min(source.x, target.x) - DETOUR - 2, min(source.y, target.y) - BACK_DROP - 2
    right = max(source.right, target.right) + DETOUR + 2
    bottom = max(source.bottom, target.bottom) + BACK_DROP + 2
    return Rect(left, top, right - left, bottom - top)


class CardIndex:
    """Where the cards are, in a coarse grid, so routing asks "is this spot free?" cheaply.

    A grid keeps each question local: asking the graphics scene instead costs a walk over every
    item whenever the scene's own index is being rebuilt, which on a 2,000-step blueprint is most
    of the time while it opens. The cost follows what is stored, never the area spanned: a
    rectangle over more than ``MAX_CELLS`` cells (a card or route far away) is kept in a short
    list of its own, and a question about a huge area walks the rectangles instead of the cells,
    so a coordinate of 1e9 costs no more than one of 100.
    """

    CELL_W, CELL_H = 200.0, 100.0
    MAX_CELLS = 1024

    def __init__(self) -> None:
        self._rects: dict[str, Rect] = {}
        self._cells: dict[tuple[int, int], set[str]] = {}
        self._wide: set[str] = set()

    def _span(self, rect: Rect) -> tuple[range, range]:
        x0, x1 = int(rect.x // self.CELL_W), int(rect.right // self.CELL_W)
        y0, y1 = int(rect.y // self.CELL_H), int(rect.bottom // self.CELL_H)
        return range(x0, x1 + 1), range(y0, y1 + 1)

    def _cells_of(self, rect: Rect) -> list[tuple[int, int]] | None:
        """The grid cells under ``rect``, or None when there are more than ``MAX_CELLS``."""
        columns, rows = self._span(rect)
        if len(columns) * len(rows) > self.MAX_CELLS:
            return None
        return [(cx, cy) for cx in columns for cy in rows]

    def put(self, item_id: str, rect: Rect) -> None:
        if self._rects.get(item_id) == rect:
            return
        self.remove(item_id)
        self._rects[item_id] = rect
        cells = self._cells_of(rect)
        if cells is None:
            self._wide.add(item_id)
            return
        for cell in cells:
            self._cells.setdefault(cell, set()).add(item_id)

    def remove(self, item_id: str) -> None:
        rect = self._rects.pop(item_id, None)
        if rect is None:
            return
        self._wide.discard(item_id)
        for cell in self._cells_of(rect) or ():
            ids = self._cells.get(cell)
            if ids is not None:
                ids.discard(item_id)
                if not ids:
                    del self._cells[cell]

    def rect(self, item_id: str) -> Rect | None:
        return self._rects.get(item_id)

    def _candidates(self, area: Rect) -> Iterator[str]:
        """Ids that may meet ``area`` (some more than once); the caller checks each."""
        columns, rows = self._span(area)
        if len(columns) * len(rows) > min(self.MAX_CELLS, len(self._rects)):
            yield from self._rects
            return
        for cx in columns:
            for cy in rows:
                yield from self._cells.get((cx, cy), ())
        yield from self._wide

    def ids_in(self, area: Rect) -> set[str]:
        """Ids of the rectangles that meet ``area``."""
        rects = self._rects
        return {item_id for item_id in self._candidates(area) if rects[item_id].intersects(area)}

    def blocked_except(self, *ends: str) -> Blocked:
        """A ``blocked`` test that ignores the cards ``ends`` (the flow's own cards)."""

        rects = self._rects

        def blocked(area: Rect) -> bool:
            return any(
                item_id not in ends and rects[item_id].intersects(area)
                for item_id in self._candidates(area)
            )

        return blocked
