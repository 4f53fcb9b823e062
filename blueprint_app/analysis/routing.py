"""Orthogonal routes for flows between cards, without Qt.

Routes leave and enter cards on the side facing the other card and bend at most twice, in the gap
between cards, so they rarely cross a card. Where the straight route would pass through another
card (a hand-off across a lane that has a card in the same column), the route goes round it through
the gap at the cards' right. ``blocked`` tells whether a rectangle is covered by other cards.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

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


def route(source: Rect, target: Rect, blocked: Blocked | None = None) -> list[Point]:
    """The polyline from ``source`` to ``target``; the last point touches the target's edge."""
    if target.x >= source.right + MIN_GAP:
        return _forward(source, target, blocked)
    if target.right <= source.x - MIN_GAP and not (
        target.y >= source.bottom + MIN_GAP or target.bottom <= source.y - MIN_GAP
    ):
        return _backward(source, target)
    if target.y >= source.bottom or target.bottom <= source.y:
        return _vertical(source, target, blocked)
    return [(source.cx, source.cy), (target.cx, target.cy)]


def _forward(source: Rect, target: Rect, blocked: Blocked | None) -> list[Point]:
    start, end = (source.right, source.cy), (target.x, target.cy)
    if abs(source.cy - target.cy) < 0.5:
        return [start, end]
    candidates = [(source.right + target.x) / 2, target.x - DETOUR, source.right + DETOUR]
    routes = [[start, (mx, source.cy), (mx, target.cy), end] for mx in candidates]
    for points in routes:
        if _free(points, blocked):
            return points
    return routes[0]


def _vertical(source: Rect, target: Rect, blocked: Blocked | None) -> list[Point]:
    down = target.y >= source.bottom
    start = (source.cx, source.bottom if down else source.y)
    end = (target.cx, target.y if down else target.bottom)
    if abs(start[0] - end[0]) < 0.5:
        points = [start, end]
    else:
        my = (start[1] + end[1]) / 2
        points = [start, (start[0], my), (end[0], my), end]
    if _free(points, blocked):
        return points
    gx = max(source.right, target.right) + DETOUR
    return [(source.right, source.cy), (gx, source.cy), (gx, target.cy), (target.right, target.cy)]


def _backward(source: Rect, target: Rect) -> list[Point]:
    """A flow that goes back in time: under both cards and up into the target."""
    low = max(source.bottom, target.bottom) + BACK_DROP
    return [(source.cx, source.bottom), (source.cx, low), (target.cx, low),
            (target.cx, target.bottom)]


def label_anchor(points: list[Point]) -> Point:
    """Where a flow's label sits: the middle of its longest segment."""
    best, best_len = points[0], -1.0
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        length = abs(x2 - x1) + abs(y2 - y1)
        if length > best_len:
            best, best_len = ((x1 + x2) / 2, (y1 + y2) / 2), length
    return best
