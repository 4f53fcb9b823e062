"""Format 2's step fields on the cards: customer-independent work, the line of order
penetration, the policy and metrics badges, the canvas tooltips and the picture's legend."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from blueprint_app.analysis import geometry as geo
from blueprint_app.export.picture_words import picture_words
from blueprint_app.history import edits
from blueprint_app.model import Blueprint, LaneKind, Metric, Step, StepLayout
from blueprint_app.pictures.decor import OPTIONAL_ENTRIES, legend_groups, present_entries
from blueprint_app.render import painting, style
from blueprint_app.render.items import ORDER_LINE, LineItem
from blueprint_app.render.scene_builder import build_static_scene
from blueprint_app.storage import load
from tests.canvas_support import open_canvas
from tests.conftest import ODD_TEXT


def _with(blueprint: Blueprint, *steps: Step) -> Blueprint:
    blueprint.steps.extend(steps)
    return blueprint


def _step(step_id: str, lane: str, row: int, independent: bool = True, x: float = 600) -> Step:
    return Step(
        id=step_id,
        lane=lane,
        title=step_id,
        customer_independent=independent,
        layout=StepLayout(x=x, row=row),
    )


def _lines(blueprint: Blueprint) -> dict[str, float]:
    g = geo.compute_geometry(blueprint)
    return {line.lane_id: line.y for line in geo.order_penetration_lines(blueprint, g)}


def test_the_line_runs_between_the_rows_of_induced_and_independent_work(
    coffee_path: Path,
) -> None:
    blueprint = load(coffee_path)
    assert _lines(blueprint) == {}  # a version 1 blueprint draws no new line
    _with(blueprint, _step("clean", "backstage", 2), _step("train", "backstage", 3, x=800))
    g = geo.compute_geometry(blueprint)
    band = g.lane("backstage")
    assert band is not None
    # "remake" sits in row 1: the line runs between rows 1 and 2, in the gap between cards
    y = _lines(blueprint)["backstage"]
    assert g.card_top(band, 1) + geo.CARD_H < y < g.card_top(band, 2)
    assert list(_lines(blueprint)) == ["backstage"]


def test_a_lane_of_independent_work_is_bounded_once(coffee_path: Path) -> None:
    blueprint = load(coffee_path)
    support = next(s for s in blueprint.steps if s.lane == "support")
    support.customer_independent = True  # the whole support lane is customer-independent
    lines = _lines(blueprint)
    band = geo.compute_geometry(blueprint).lane("support")
    assert band is not None and lines == {"support": band.top + geo.LANE_PAD / 2}
    _with(blueprint, _step("clean", "backstage", 2))  # backstage now ends in such work too
    assert list(_lines(blueprint)) == ["backstage"]  # one line above both, not two


def test_mixed_rows_get_no_line_but_the_card_is_still_marked(
    qtbot: QtBot, coffee_path: Path
) -> None:
    blueprint = _with(load(coffee_path), _step("clean", "backstage", 0, x=700))
    assert _lines(blueprint) == {}  # "make" shares row 0: no line fits
    image = QImage(140, 90, QImage.Format.Format_ARGB32)
    for independent, fill in ((False, style.CARD_FILL), (True, style.INDEPENDENT_FILL)):
        image.fill(QColor("white"))
        painter = QPainter(image)
        step = Step(id="a", lane="l", customer_independent=independent)
        painting.paint_card(painter, QRectF(10, 10, geo.CARD_W, geo.CARD_H), step, LaneKind.SUPPORT)
        painter.end()
        assert image.pixelColor(20, 66).name() == fill.name()


def test_the_picture_draws_the_line_in_the_blueprint_language(
    qtbot: QtBot, coffee_path: Path
) -> None:
    blueprint = _with(load(coffee_path), _step("clean", "backstage", 2))
    blueprint.language = "zh-CN"
    scene = build_static_scene(blueprint)
    lines = [i for i in scene.items() if isinstance(i, LineItem) and i.name == ORDER_LINE]
    assert [line.label for line in lines] == ["订单渗透线"]


def test_policy_and_metrics_badges_and_many_badges_stay_on_the_card() -> None:
    step = Step(
        id="s",
        lane="l",
        kind="wait",
        fail_point=True,
        moment_of_truth=True,
        emotion=-1,
        policy="Refunds over 500 need a manager",
        metrics=[Metric(name="NPS", value=45, target=50, unit="%")],
    )
    assert painting.badges(step) == ["fail", "moment", "wait", "emotion", "policy", "metrics"]
    assert painting.badges(Step(id="s", lane="l", policy="  ")) == []
    card = QRectF(0, 0, geo.CARD_W, geo.CARD_H)
    centres = painting.badge_centres(card, 6)
    assert centres[-1].x() - painting.BADGE_R >= 0  # closed up, not off the card's left edge
    assert painting.badge_centres(card, 2)[1].x() == centres[0].x() - painting.BADGE_PITCH


def test_the_legend_explains_only_what_the_picture_shows(qtbot: QtBot, coffee_path: Path) -> None:
    words = picture_words("zh-CN")

    def labels(present: set[str]) -> list[str]:
        groups = legend_groups(words, False, present)
        return [entry.label for _, entries in groups for entry in entries]

    plain = load(coffee_path)
    assert present_entries(plain.steps, False) == set()
    assert "订单渗透线" not in labels(set()) and "指标" not in labels(set())
    rich = _with(load(coffee_path), _step("clean", "backstage", 2))
    rich.steps[0].policy = ODD_TEXT
    rich.steps[1].metrics = [Metric(name="x")]
    present = present_entries(rich.steps, True)
    assert present == set(OPTIONAL_ENTRIES)
    assert {"订单渗透线", "与顾客无关", "政策", "指标"} <= set(labels(present))


def test_canvas_follows_the_flag_and_its_tooltips_explain_badges_and_cost(
    qtbot: QtBot, coffee_path: Path
) -> None:
    blueprint = _with(load(coffee_path), _step("clean", "backstage", 2, independent=False))
    blueprint.currency = "¥"
    scene, _view = open_canvas(qtbot, blueprint)
    assert scene.content.order_lines == {}
    with scene.history.transaction("Mark") as tx:
        edits.set_field(tx, "clean", "customer_independent", True)
        edits.set_field(tx, "clean", "cost", 12.5)
        edits.set_field(
            tx, "clean", "metrics", [Metric(name='Rooms <&"> 🎉', value=92, target=98, unit="%")]
        )
    assert list(scene.content.order_lines) == ["backstage"]
    card = scene.content.cards["clean"]
    badge = card.mapToScene(painting.badge_centres(card.card_rect(), 1)[0])
    assert 'Rooms <&"> 🎉: 92 % (target value 98 %)' in scene.tooltip_at(badge)
    middle = scene.tooltip_at(card.mapToScene(QPointF(geo.CARD_W / 2, geo.CARD_H - 6)))
    assert middle.startswith("clean\n") and "12.5 ¥" in middle and "order penetration" in middle
    scene.history.undo()
    scene.flush()
    assert scene.content.order_lines == {}
    assert "Cost" not in scene.tooltip_at(card.mapToScene(QPointF(geo.CARD_W / 2, geo.CARD_H - 6)))
