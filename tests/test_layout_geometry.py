"""Qt-free geometry and routing: where lanes, phases and cards are, how flows run between them."""

from __future__ import annotations

import itertools
from pathlib import Path

from blueprint_app.analysis import geometry as geo
from blueprint_app.analysis.routing import CardIndex, Rect, route, route_box, spread
from blueprint_app.model import StepLayout
from blueprint_app.storage import load


def test_lanes_stack_and_grow_with_their_rows(coffee_path: Path) -> None:
    blueprint = load(coffee_path)
    g = geo.compute_geometry(blueprint)
    assert [band.id for band in g.lanes] == [lane.id for lane in blueprint.lanes]
    for upper, lower in itertools.pairwise(g.lanes):
        assert upper.bottom == lower.top
    assert g.lane("backstage").rows == 2 and g.lane("customer").rows == 1
    assert g.lane("backstage").height == geo.lane_height(2) > g.lane("customer").height
    band = g.lane("customer")
    assert g.lane_at(band.top + 1).id == "customer" and g.lane_at(-1000).id == "evidence"
    assert g.row_at(band, band.top + geo.LANE_PAD + geo.CARD_H / 2) == 0
    assert g.row_at(band, band.bottom - 3) == 1  # the lower edge opens a new row


def test_phase_columns_follow_their_cards_in_order(coffee_path: Path) -> None:
    g = geo.compute_geometry(load(coffee_path))
    order, collect = g.phases
    assert order.left < 0 < 120 + geo.CARD_W < order.right <= collect.left
    assert collect.right >= 480 + geo.CARD_W
    assert g.phase_at(130).id == "order" and g.phase_at(10_000).id == "collect"


def test_overlapping_cards_are_found(coffee_path: Path) -> None:
    blueprint = load(coffee_path)
    assert geo.overlapping_cards(blueprint) == []
    blueprint.steps[2].layout = StepLayout(x=50, row=0)  # order-drink onto walk-in
    assert geo.overlapping_cards(blueprint) == [("arrive", "order-drink")]


def test_routes_are_orthogonal_and_touch_the_card_edges() -> None:
    a, b = Rect(0, 0, 100, 60), Rect(200, 100, 100, 60)
    points = route(a, b)
    assert points[0] == (100, 30) and points[-1] == (200, 130)
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        assert x1 == x2 or y1 == y2
    below = Rect(0, 200, 100, 60)
    assert route(a, below) == [(50, 60), (50, 200)]
    back = route(b, Rect(0, 100, 100, 60))
    assert back[0] == (250, 160) and back[-1] == (50, 160)  # under both, up into the target


def test_routes_go_round_a_card_in_the_way() -> None:
    top, middle, bottom = Rect(0, 0, 100, 60), Rect(0, 100, 100, 60), Rect(0, 200, 100, 60)
    index = CardIndex()
    for name, rect in (("top", top), ("middle", middle), ("bottom", bottom)):
        index.put(name, rect)
    points = route(top, bottom, index.blocked_except("top", "bottom"))
    assert all(x > 100 for x, _ in points[1:-1]), "the detour runs right of the cards"
    index.remove("middle")
    assert route(top, bottom, index.blocked_except("top", "bottom")) == [(50, 60), (50, 200)]


def _crosses(points: list[tuple[float, float]], card: Rect) -> bool:
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        if (
            min(x1, x2) < card.right
            and max(x1, x2) > card.x
            and min(y1, y2) < card.bottom
            and max(y1, y2) > card.y
        ):
            return True
    return False


def test_a_forward_route_goes_round_a_card_between_in_its_row() -> None:
    source, between, target = (
        Rect(0, 100, 108, 66),
        Rect(200, 100, 108, 66),
        Rect(400, 100, 108, 66),
    )
    index = CardIndex()
    for name, rect in (("source", source), ("between", between), ("target", target)):
        index.put(name, rect)
    blocked = index.blocked_except("source", "target")
    points = route(source, target, blocked)
    assert points[0] == (108, 133) and points[-1] == (400, 133)
    assert not _crosses(points, between)
    channel = points[2][1]
    assert 166 < channel < 166 + 14, "below the cards, inside the lane's padding"
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        assert x1 == x2 or y1 == y2
    index.put("under", Rect(150, 170, 300, 60))  # the way below is shut too: over the top
    points = route(source, target, index.blocked_except("source", "target"))
    assert points[2][1] < 100 and not _crosses(points, between)
    box = route_box(source, target)
    assert all(box.contains(x, y) for x, y in points), "a card moved in its way reroutes it"
    index.remove("between")
    assert route(source, target, index.blocked_except("source", "target")) == [
        (108, 133),
        (400, 133),
    ]


def test_shared_edges_spread_their_ends() -> None:
    assert spread(0, 1, 66) == 0
    offsets = [spread(i, 3, 66) for i in range(3)]
    assert offsets == sorted(offsets) and offsets[0] == -offsets[2] and offsets[1] == 0
    a, b = Rect(0, 0, 100, 60), Rect(200, 0, 100, 60)
    assert route(a, b, entry_shift=10)[-1] == (200, 40)
