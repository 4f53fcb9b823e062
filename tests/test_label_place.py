"""Flow labels keep off badges, cards and each other, on the canvas and in the pictures
(issue 17.3): the Qt-free placement on its own, then the example and every template."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from pytestqt.qtbot import QtBot

from blueprint_app.analysis import geometry as geo
from blueprint_app.analysis.label_place import (
    BADGE_WEIGHT,
    CARD_WEIGHT,
    LABEL_H,
    LABEL_WEIGHT,
    place_label,
)
from blueprint_app.render import painting
from blueprint_app.render.scene_builder import BlueprintItems, laid_out_copy, static_scene
from blueprint_app.resources import resource_path
from blueprint_app.storage import load
from blueprint_app.templates import list_templates
from tests.canvas_support import open_canvas

ROUTE = [(0.0, 100.0), (300.0, 100.0)]  # a horizontal route, 300 long


def test_with_nothing_in_the_way_a_label_sits_in_the_middle_of_the_longest_segment() -> None:
    route = [(0.0, 0.0), (0.0, 40.0), (300.0, 40.0)]
    box = place_label(route, 60, [])
    assert (box.cx, box.cy, box.h) == (150.0, 40.0, LABEL_H)


def test_a_vertical_segment_puts_its_label_beside_the_line() -> None:
    box = place_label([(50.0, 0.0), (50.0, 200.0)], 60, [])
    assert box.x > 50 and box.cy == 100


def test_a_badge_at_the_middle_pushes_the_label_off_it() -> None:
    badge = geo.Rect(140, 90, 20, 20)
    box = place_label(ROUTE, 60, [(badge, BADGE_WEIGHT)])
    assert not box.intersects(badge)
    assert box.y <= 100 <= box.bottom or abs(box.cy - 100) < 30  # still by its line


def test_a_second_label_avoids_the_first() -> None:
    first = place_label(ROUTE, 80, [])
    second = place_label(ROUTE, 80, [(first, LABEL_WEIGHT)])
    assert not second.intersects(first)


def test_when_everything_is_covered_the_cheapest_cover_wins() -> None:
    everywhere = geo.Rect(-500, -500, 1500, 1500)
    badge = geo.Rect(140, 90, 20, 20)
    box = place_label(ROUTE, 60, [(everywhere, CARD_WEIGHT), (badge, BADGE_WEIGHT)])
    assert not box.intersects(badge)


def _sources() -> list[Path]:
    return [resource_path("examples", "hotel-stay.blueprint.json")] + [
        info.path for info in list_templates()
    ]


def _badges(items: BlueprintItems) -> list[QRectF]:
    found = []
    for step_id, card in items.cards.items():
        names = painting.badges(items.step(step_id))
        frame = QRectF(0, 0, geo.CARD_W, geo.CARD_H)
        for centre in painting.badge_centres(frame, len(names)):
            r = painting.BADGE_R
            found.append(QRectF(card.pos() + centre, card.pos() + centre).adjusted(-r, -r, r, r))
    return found


def _labels(items: BlueprintItems) -> dict[str, QRectF]:
    """The label boxes shown (a flow without label or channel has no label item)."""
    return {
        fid: QRectF(flow.label_item.boundingRect().adjusted(1, 1, -1, -1))
        for fid, flow in items.flows.items()
        if flow.label_item is not None and not flow.label_item.boundingRect().isEmpty()
    }


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.name)
def test_in_pictures_no_label_covers_a_badge_or_another_label(qtbot: QtBot, path: Path) -> None:
    scene = static_scene()
    items = BlueprintItems(scene, laid_out_copy(load(path)))
    items.build()
    labels = _labels(items)
    assert labels, "the example and templates label some flows"
    for badge in _badges(items):
        assert not [fid for fid, box in labels.items() if box.intersects(badge)], path.name
    boxes = list(labels.values())
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if a.intersects(b)]


def test_the_canvas_puts_labels_where_the_pictures_do(qtbot: QtBot) -> None:
    blueprint = load(resource_path("examples", "hotel-stay.blueprint.json"))
    picture_scene = static_scene()
    picture = BlueprintItems(picture_scene, laid_out_copy(blueprint))
    picture.build()
    scene, _view = open_canvas(qtbot, blueprint)
    assert _labels(scene.content) == _labels(picture)
    recovery = [f for f in blueprint.flows if f.kind.value == "recovery" and f.label]
    fail = {s.id for s in blueprint.steps if s.fail_point}
    assert any(f.source in fail or f.target in fail for f in recovery)  # the case
