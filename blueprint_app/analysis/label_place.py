"""Where a flow's label box goes: on or beside its route, clear of cards, badges and other labels.

A label used to sit in the middle of the route's longest segment whatever was there, so a
recovery arrow's label could cover the fail-point badge it recovers from (the one marker that
matters there). Here a few spots along each segment are tried, the old spot first, and the
first that meets nothing wins; when every spot meets something, the one that covers least.
Qt-free and shared by the canvas and the picture exports, so both put a label in the same place.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from blueprint_app.analysis.geometry import Rect

Point = tuple[float, float]

LABEL_H = 18.0
#: how far a label box beside a line keeps from it
GAP = 4.0
#: where along a segment a label may sit, the middle first
ALONG = (0.5, 0.35, 0.65, 0.2, 0.8)
#: a badge reaches this far above a card's top edge (painting.BADGE_R and its white ring)
BADGE_REACH = 9.5
#: what covering one square unit costs: a badge is the marker a label must never hide (a
#: fail point's), another label unreadable text, a card's body only its own text
BADGE_WEIGHT, LABEL_WEIGHT, CARD_WEIGHT = 25.0, 4.0, 1.0

#: something a label should keep off, and what covering it costs per square unit
Obstacle = tuple[Rect, float]


def _overlap(a: Rect, b: Rect) -> float:
    w = min(a.right, b.right) - max(a.x, b.x)
    h = min(a.bottom, b.bottom) - max(a.y, b.y)
    return w * h if w > 0 and h > 0 else 0.0


def candidates(points: list[Point], width: float, height: float = LABEL_H) -> Iterator[Rect]:
    """Label boxes to try for a route, best first: along the longest segment first (its middle
    is where labels always sat), then along the others."""
    segments = sorted(
        itertools.pairwise(points),
        key=lambda seg: -(abs(seg[1][0] - seg[0][0]) + abs(seg[1][1] - seg[0][1])),
    )
    for (x1, y1), (x2, y2) in segments:
        vertical = abs(x2 - x1) < abs(y2 - y1)
        length = abs(x2 - x1) + abs(y2 - y1)
        for t in ALONG:
            x, y = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
            if vertical:
                yield Rect(x + GAP, y - height / 2, width, height)
                yield Rect(x - GAP - width, y - height / 2, width, height)
                yield Rect(x - width / 2, y - height / 2, width, height)
            else:
                if length >= width + 6:  # on the line only where the line is longer than it
                    yield Rect(x - width / 2, y - height / 2, width, height)
                yield Rect(x - width / 2, y - height - 6, width, height)
                yield Rect(x - width / 2, y + 6, width, height)


def place_label(
    points: list[Point], width: float, obstacles: Iterable[Obstacle], height: float = LABEL_H
) -> Rect:
    """The label box for a route through ``points``: the first candidate that meets none of
    ``obstacles`` (cards, their badges, other labels), else the one whose cover costs least."""
    blocking = list(obstacles)
    best: Rect | None = None
    best_cost = float("inf")
    for box in candidates(points, width, height):
        cost = sum(_overlap(box, other) * weight for other, weight in blocking)
        if cost == 0:
            return box
        if cost < best_cost:
            best, best_cost = box, cost
    if best is None:  # a route of one point: the label sits on it
        x, y = points[0]
        return Rect(x - width / 2, y - height / 2, width, height)
    return best


def search_area(points: list[Point], width: float, height: float = LABEL_H) -> Rect:
    """Every candidate box lies inside this rectangle (to ask an index for what is near)."""
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    reach_x, reach_y = width + GAP + 1, height + 8
    left, top = min(xs) - reach_x, min(ys) - reach_y
    return Rect(left, top, max(xs) + reach_x - left, max(ys) + reach_y - top)
