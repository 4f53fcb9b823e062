"""The canvas at a few thousand steps: a drag repaints only what it changed (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsLineItem
from pytestqt.qtbot import QtBot

from benchmarks.generate import generate_blueprint
from blueprint_app.analysis import geometry as geo
from blueprint_app.canvas import scene as canvas_scene
from blueprint_app.canvas.scene import BlueprintScene
from blueprint_app.canvas.view import BlueprintView
from blueprint_app.model import Blueprint
from blueprint_app.render import items as render_items
from blueprint_app.render.scene_builder import build_static_scene
from blueprint_app.storage import load
from tests.canvas_support import open_canvas

PAINTED_CLASSES = ("CardItem", "FlowItem", "FlowLabelItem", "NoteItem", "LineItem", "PhaseItem")


@pytest.fixture(scope="module")
def big() -> Blueprint:
    blueprint = generate_blueprint(2000)
    # a few labelled flows and a channel, so labels are present too
    for flow in blueprint.flows[::50]:
        flow.label = "确认 <&> 📦"
    blueprint.flows[1].channel = "app"
    return blueprint


@pytest.fixture(autouse=True)
def route_later(monkeypatch: pytest.MonkeyPatch) -> None:
    """2,000 steps (2,943 flows) open routed in idle time, as 5,000 and more do by default."""
    monkeypatch.setattr(canvas_scene, "ROUTE_LATER_ABOVE", 1000)


@pytest.fixture
def painted(monkeypatch: pytest.MonkeyPatch) -> list[QGraphicsItem]:
    """Every item Qt asks to paint, in order (patched on the classes before the scene exists)."""
    calls: list[QGraphicsItem] = []
    for name in PAINTED_CLASSES:
        cls = getattr(render_items, name)
        original = cls.paint

        def counting(self: QGraphicsItem, *args: object, _original: object = original) -> None:
            calls.append(self)
            _original(self, *args)  # type: ignore[operator]

        monkeypatch.setattr(cls, "paint", counting)
    return calls


def _nearest_origin(scene: BlueprintScene) -> str:
    """The card nearest the scene origin, where degenerate (empty) items pile up."""
    cards = scene.content.cards
    return min(cards, key=lambda sid: abs(cards[sid].pos().x()) + abs(cards[sid].pos().y()))


def _region_of(scene: BlueprintScene, step_id: str) -> QRectF:
    """What a move of this card changes: the card and every flow at it, with their labels, and
    the snapping guide while it shows (a dashed line down all the lanes)."""
    content = scene.content
    region = content.cards[step_id].sceneBoundingRect()
    for guide in scene.items():
        if isinstance(guide, QGraphicsLineItem) and guide.isVisible():
            region = region.united(guide.sceneBoundingRect())
    for flow_id in content.flows_at.get(step_id, ()):
        item = content.flows[flow_id]
        region = region.united(item.sceneBoundingRect())
        if item.label_item is not None:
            region = region.united(item.label_item.sceneBoundingRect())
    return region


def _drag_and_record(
    qtbot: QtBot, scene: BlueprintScene, view: BlueprintView, calls: list[QGraphicsItem]
) -> tuple[list[QGraphicsItem], QRectF]:
    step_id = _nearest_origin(scene)
    card = scene.content.cards[step_id]
    view.centerOn(card)
    qtbot.wait(20)
    viewport = view.viewport()
    centre = view.mapFromScene(card.pos() + QPointF(geo.CARD_W / 2, geo.CARD_H / 2))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    qtbot.wait(20)
    region = _region_of(scene, step_id)
    # toward the scene origin and over it, where degenerate items would pile up
    toward = QPointF(-card.pos().x() - 4, -card.pos().y() + 4)
    calls.clear()
    for index in range(1, 6):
        QTest.mouseMove(viewport, centre + (toward * (index / 5)).toPoint())
        QApplication.processEvents()  # paints the region the move dirtied, as the loop would
        region = region.united(_region_of(scene, step_id))
    moves = list(calls)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    return moves, region


def test_no_label_item_for_a_flow_without_label_or_channel(qtbot: QtBot, big: Blueprint) -> None:
    scene, _view = open_canvas(qtbot, big.model_copy(deep=True))
    _wait_routed(qtbot, scene)  # a label is placed when its flow is routed
    labelled = {f.id for f in big.flows if f.label or f.channel}
    with_item = {fid for fid, item in scene.content.flows.items() if item.label_item is not None}
    assert with_item == labelled
    labels = [i for i in scene.items() if isinstance(i, render_items.FlowLabelItem)]
    assert len(labels) == len(labelled)


def test_every_item_has_a_real_extent_where_it_is_drawn(qtbot: QtBot, big: Blueprint) -> None:
    """No empty or origin-piled bounding rects: each would join every repaint at (0, 0)."""
    scene, _view = open_canvas(qtbot, big.model_copy(deep=True))
    empty = [item for item in scene.items() if item.boundingRect().isEmpty()]
    assert empty == []


def test_a_drag_repaints_only_items_in_the_changed_region(
    qtbot: QtBot, big: Blueprint, painted: list[QGraphicsItem]
) -> None:
    scene, view = open_canvas(qtbot, big.model_copy(deep=True))
    moves, region = _drag_and_record(qtbot, scene, view, painted)
    assert moves, "the drag painted nothing: the test would prove nothing"
    margin = region.adjusted(-4, -4, 4, 4)
    outside = [item for item in moves if not item.sceneBoundingRect().intersects(margin)]
    assert outside == []
    labels = sum(isinstance(item, render_items.FlowLabelItem) for item in moves)
    assert labels <= 5 * len(big.flows[::50])  # at most the labels there are, per move
    # a handful of moves: far fewer paints than items in the scene
    assert len(moves) < len(scene.items()) / 4


def test_a_label_appears_and_goes_with_its_text(qtbot: QtBot, big: Blueprint) -> None:
    from blueprint_app.history import edits

    scene, _view = open_canvas(qtbot, big.model_copy(deep=True))
    flow = next(f for f in scene.document.blueprint.flows if not f.label and not f.channel)
    item = scene.content.flows[flow.id]
    assert item.label_item is None
    with scene.history.transaction("Label") as tx:
        edits.set_field(tx, flow.id, "label", "已付款")
    label = item.label_item
    assert label is not None and label.scene() is scene
    assert label.sceneBoundingRect().intersects(item.sceneBoundingRect().adjusted(-30, -30, 30, 30))
    with scene.history.transaction("Unlabel") as tx:
        edits.set_field(tx, flow.id, "label", "")
    assert item.label_item is None and label.scene() is None
    scene.history.undo()
    assert item.label_item is not None and item.label_item.scene() is scene
    with scene.history.transaction("Delete") as tx:
        edits.delete_items(tx, [flow.id])
    assert item.label_item is None or item.label_item.scene() is None


def _wait_routed(qtbot: QtBot, scene: BlueprintScene) -> None:
    qtbot.waitUntil(lambda: not scene.routing_pending(), timeout=60_000)


def _static_routes(blueprint: Blueprint) -> dict[str, list[tuple[float, float]]]:
    """Every flow's route as a picture export draws it: all routed at once, synchronously."""
    scene = build_static_scene(blueprint)
    content = scene._blueprint_items  # type: ignore[attr-defined]
    return {fid: item.points for fid, item in content.flows.items()}


def test_a_large_blueprint_opens_before_its_flows_are_routed_and_completes_in_idle_time(
    qtbot: QtBot, big: Blueprint
) -> None:
    scene, view = open_canvas(qtbot, big.model_copy(deep=True))  # at 100 %, centred
    assert scene.routing_pending(), "2,000 steps should open with routing left for idle time"
    heard: list[bool] = []
    scene.routes_complete.connect(lambda: heard.append(True))
    QApplication.processEvents()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    content = scene.content
    in_view = [
        fid for fid, item in content.flows.items() if item.sceneBoundingRect().intersects(shown)
    ]
    assert in_view and not set(in_view) & set(content.pending)  # seen at 100 %: routed
    _wait_routed(qtbot, scene)
    assert heard == [True]
    assert {fid: item.points for fid, item in content.flows.items()} == _static_routes(
        scene.document.blueprint
    )


def test_edits_made_while_flows_are_routed_in_idle_time_are_kept(
    qtbot: QtBot, big: Blueprint
) -> None:
    from blueprint_app.history import edits
    from blueprint_app.model import StepLayout

    scene, view = open_canvas(qtbot, big.model_copy(deep=True))
    view.fit_all()  # zoomed far out: nothing is routed before painting
    assert scene.routing_pending()
    document = scene.document
    far = document.blueprint.steps[-3]
    assert any(f in scene.content.pending for f in scene.content.flows_at[far.id])
    with scene.history.transaction("Move") as tx:
        layout = far.layout
        assert layout is not None
        edits.move_step(tx, far.id, layout=StepLayout(x=layout.x + 40, row=layout.row + 1))
    doomed = document.blueprint.flows[-5].id
    with scene.history.transaction("Delete") as tx:
        edits.delete_items(tx, [doomed])
    added_from = document.blueprint.steps[-10].id
    with scene.history.transaction("Connect") as tx:
        added = edits.add_flow(tx, added_from, far.id, label="新 <&> 🚚")
    assert scene.routing_pending()
    _wait_routed(qtbot, scene)
    content = scene.content
    assert doomed not in content.flows and added in content.flows
    assert content.flows[added].label_item is not None
    card = content.cards[far.id].sceneBoundingRect()
    for fid in content.flows_at[far.id]:
        end = content.flows[fid].points[0 if content.flow(fid).source == far.id else -1]
        assert card.adjusted(-1, -1, 1, 1).contains(QPointF(*end))
    assert {fid: item.points for fid, item in content.flows.items()} == _static_routes(
        document.blueprint
    )


def _same_routes(
    found: dict[str, list[tuple[float, float]]], wanted: dict[str, list[tuple[float, float]]]
) -> list[str]:
    """The flows whose routes differ (by more than float rounding)."""
    assert set(found) == set(wanted)
    return [
        fid
        for fid, points in wanted.items()
        if len(found[fid]) != len(points)
        or any(
            abs(x - fx) > 1e-6 or abs(y - fy) > 1e-6
            for (x, y), (fx, fy) in zip(points, found[fid], strict=True)
        )
    ]


def test_a_row_opened_above_shifts_the_lanes_below_without_routing_their_flows_again(
    qtbot: QtBot, big: Blueprint, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blueprint_app.history import edits
    from blueprint_app.model import StepLayout

    monkeypatch.setattr(canvas_scene, "ROUTE_LATER_ABOVE", 10**6)  # all routed synchronously
    scene, _view = open_canvas(qtbot, big.model_copy(deep=True))
    content, document = scene.content, scene.document
    lanes = [lane.id for lane in document.blueprint.lanes]
    customer = next(s for s in document.blueprint.steps if s.lane == lanes[1])
    # flows between the backstage and support lanes: two lanes below the change, all of them
    # moving down together with everything around them
    deep = {s.id for s in document.blueprint.steps if lanes.index(s.lane) >= 3}
    inside = {f.id for f in document.blueprint.flows if f.source in deep and f.target in deep}
    assert len(inside) > 300
    rerouted: list[str] = []
    real = content.reroute

    def counting(flow_ids: object, tick: object = None) -> None:
        ids = list(flow_ids)  # type: ignore[call-overload]
        rerouted.extend(ids)
        real(ids, tick)  # type: ignore[arg-type]

    monkeypatch.setattr(content, "reroute", counting)
    layout = customer.layout
    assert layout is not None
    with scene.history.transaction("Move") as tx:  # a new row: the lanes below move down
        edits.move_step(tx, customer.id, layout=StepLayout(x=layout.x, row=6))
    assert _same_routes(_routes(scene), _static_routes(document.blueprint)) == []
    assert len(set(rerouted) & inside) < len(inside) / 20  # moved along, not routed again
    shifted = {f.id for f in document.blueprint.flows if f.label} & inside - set(rerouted)
    assert shifted, "no labelled flow was shifted: the label check would prove nothing"
    assert _labels_astray(scene) == []
    rerouted.clear()
    scene.history.undo()  # and back up
    assert _same_routes(_routes(scene), _static_routes(document.blueprint)) == []
    assert len(set(rerouted) & inside) < len(inside) / 20
    assert _labels_astray(scene) == []


def _labels_astray(scene: BlueprintScene) -> list[str]:
    """Flows whose label is drawn elsewhere than the box the next labels keep clear of."""
    content = scene.content
    astray = []
    for flow_id, item in content.flows.items():
        if item.label_item is None:
            continue
        box = content.label_boxes.rect(flow_id)
        drawn = item.label_item.boundingRect().adjusted(1, 1, -1, -1)
        if box is None or QRectF(box.x, box.y, box.w, box.h) != drawn:
            astray.append(flow_id)
    return astray


def _routes(scene: BlueprintScene) -> dict[str, list[tuple[float, float]]]:
    return {fid: item.points for fid, item in scene.content.flows.items()}


@pytest.mark.parametrize(("zoom", "heads"), [(1.0, True), (0.2, False)])
def test_flows_zoomed_far_out_are_hairlines_without_heads(
    qtbot: QtBot, coffee_path: Path, monkeypatch: pytest.MonkeyPatch, zoom: float, heads: bool
) -> None:
    """Level of detail for flows as for cards: under FLOW_DETAIL no arrow heads."""
    from blueprint_app.render import painting

    drawn: list[object] = []
    real = painting.arrow_head
    monkeypatch.setattr(painting, "arrow_head", lambda *a: drawn.append(a) or real(*a))
    scene = build_static_scene(load(coffee_path))
    rect = scene.sceneRect()
    width, height = int(rect.width() * zoom) + 1, int(rect.height() * zoom) + 1
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, width, height), rect)
    painter.end()
    assert bool(drawn) is heads
