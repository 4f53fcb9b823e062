"""Painting a blueprint: the static scene for exports, shapes per kind, text wrapping."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter
from pytestqt.qtbot import QtBot

from blueprint_app.analysis import geometry as geo
from blueprint_app.model import StepKind
from blueprint_app.render import style
from blueprint_app.render.items import CardItem, FlowItem, LaneItem, LineItem, NoteItem, PhaseItem
from blueprint_app.render.painting import badges, card_path, meta_font, meta_text
from blueprint_app.render.scene_builder import build_static_scene
from blueprint_app.render.text import wrap
from blueprint_app.storage import load
from tests.conftest import ODD_TEXT


def _render(scene) -> QImage:
    rect = scene.sceneRect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), rect)
    painter.end()
    return image


def _count(scene, kind: type) -> int:
    return sum(isinstance(item, kind) for item in scene.items())


def test_static_scene_has_every_part_of_the_blueprint(qtbot: QtBot, coffee_path: Path) -> None:
    scene = build_static_scene(load(coffee_path))
    assert _count(scene, CardItem) == 11 and _count(scene, FlowItem) == 12
    assert _count(scene, LaneItem) == 5 and _count(scene, PhaseItem) == 2
    assert _count(scene, LineItem) == 3 and _count(scene, NoteItem) == 1
    assert all(not item.flags() & item.GraphicsItemFlag.ItemIsSelectable for item in scene.items())
    image = _render(scene)
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    for kind in ("customer", "backstage"):
        band = style.LANE_COLOURS[geo.LaneKind(kind)].band
        assert band in colours, f"the {kind} lane colour is painted"


def test_lines_sit_between_the_right_lanes(qtbot: QtBot, coffee_path: Path) -> None:
    scene = build_static_scene(load(coffee_path))
    lines = {item.name: item.line_y for item in scene.items() if isinstance(item, LineItem)}
    bands = {
        item.band.kind.value: item.band for item in scene.items() if isinstance(item, LaneItem)
    }
    assert lines["interaction"] == bands["customer"].bottom == bands["frontstage"].top
    assert lines["visibility"] == bands["frontstage"].bottom == bands["backstage"].top
    assert lines["internal"] == bands["backstage"].bottom == bands["support"].top


def test_steps_without_layout_are_laid_out_without_changing_the_blueprint(
    qtbot: QtBot, coffee_path: Path
) -> None:
    blueprint = load(coffee_path)
    for step in blueprint.steps:
        step.layout = None
    scene = build_static_scene(blueprint)
    assert all(step.layout is None for step in blueprint.steps)
    cards = [item.sceneBoundingRect() for item in scene.items() if isinstance(item, CardItem)]
    assert len(cards) == 11 and len({(r.x(), r.y()) for r in cards}) == 11


def test_odd_and_long_titles_render(qtbot: QtBot, coffee_path: Path) -> None:
    blueprint = load(coffee_path)
    blueprint.steps[0].title = ODD_TEXT
    blueprint.steps[1].title = "很长的中文标题" * 30
    blueprint.steps[2].title = "x" * 500
    blueprint.flows[0].label = ODD_TEXT * 3
    blueprint.lanes[0].title = ODD_TEXT
    _render(build_static_scene(blueprint))


def test_chinese_wraps_between_characters_and_english_between_words(qtbot: QtBot) -> None:
    font = style.font(11)
    metrics = QFontMetricsF(font)
    chinese = wrap("顾客到达酒店前台办理入住手续", font, 80, 5)
    assert len(chinese.lines) >= 2
    assert "".join(chinese.lines) == "顾客到达酒店前台办理入住手续"
    assert all(metrics.horizontalAdvance(line) <= 80.5 for line in chinese.lines)
    english = wrap("Take order and payment", font, 90, 5)
    assert len(english.lines) >= 2
    assert " ".join(english.lines) == "Take order and payment"
    clipped = wrap("word " * 40, font, 90, 3)
    assert len(clipped.lines) == 3 and clipped.lines[-1].endswith("…")


def test_each_step_kind_has_its_own_outline(qtbot: QtBot) -> None:
    rect = QRectF(0, 0, geo.CARD_W, geo.CARD_H)
    outlines = {
        kind: tuple(
            (round(p.x(), 1), round(p.y(), 1)) for p in card_path(kind, rect).toFillPolygon()
        )
        for kind in StepKind
    }
    assert len(set(outlines.values())) == len(StepKind) - 1  # START and END share the pill
    assert outlines[StepKind.START] == outlines[StepKind.END]  # END adds a second edge


def test_badges_and_meta_line(qtbot: QtBot, coffee_path: Path) -> None:
    blueprint = load(coffee_path)
    steps = {step.id: step for step in blueprint.steps}
    assert badges(steps["order-drink"]) == ["moment", "emotion"]
    assert badges(steps["make"]) == ["fail"]
    assert "wait" in badges(steps["wait"])
    assert meta_text(steps["order-drink"]) == "1 min 30 s / 2 min"
    assert meta_text(steps["wait"]) == "3 min"
    assert meta_text(steps["arrive"]) == ""
    assert meta_text(steps["order-drink"], "zh-CN") == "1 分钟 30 秒 / 2 分钟"
    assert meta_text(steps["wait"], "en-GB") == "3 min"


def test_card_times_in_human_units(qtbot: QtBot, coffee_path: Path) -> None:
    """A 48-hour call-back target reads 2 d, not 2880 min; a long pair still fits the card."""
    step = load(coffee_path).steps[0]
    call_back = step.model_copy(update={"duration_minutes": None, "target_minutes": 2880})
    assert meta_text(call_back) == "≤ 2 d" and meta_text(call_back, "zh-CN") == "≤ 2 天"
    both = step.model_copy(update={"duration_minutes": 5, "target_minutes": 3})
    assert meta_text(both) == "5 / 3 min" and meta_text(both, "zh") == "5 / 3 分钟"
    long = step.model_copy(update={"duration_minutes": 90, "target_minutes": 120})
    text = meta_text(long, "zh-CN")
    assert text == "1 小时 30 分钟 / 2 小时"
    width = geo.CARD_W - 14
    assert QFontMetricsF(meta_font(text, width)).horizontalAdvance(text) <= width
    assert meta_font("3 min", width).pixelSize() > meta_font(text, width).pixelSize()


def test_chinese_cards_give_their_times_in_chinese(qtbot: QtBot, coffee_path: Path) -> None:
    """In the canvas's pictures and after the language is changed in the editor."""
    from blueprint_app.export.formats import export_bytes
    from blueprint_app.history import Document, History, edits
    from tests.image_support import svg_texts

    blueprint = load(coffee_path)
    english = svg_texts(export_bytes(blueprint, "svg"))
    assert "3 min" in english
    document = Document(blueprint)
    with History(document).transaction("Language") as tx:
        edits.set_field(tx, edits.BLUEPRINT, "language", "zh-CN")
    chinese = "".join(svg_texts(export_bytes(document.blueprint, "svg")))  # CJK: own runs
    assert "3 分钟" in chinese and "3 min" not in chinese


def test_line_labels_follow_the_blueprint_language(qtbot: QtBot, coffee_path: Path) -> None:
    blueprint = load(coffee_path)
    blueprint.language = "zh-CN"
    scene = build_static_scene(blueprint)
    labels = {item.name: item.label for item in scene.items() if isinstance(item, LineItem)}
    assert labels == {
        "interaction": "互动分界线",
        "visibility": "可视分界线",
        "internal": "内部互动分界线",
    }


def test_flow_labels_sit_above_the_cards_and_leave_with_their_flow(
    qtbot: QtBot, coffee_path: Path
) -> None:
    from blueprint_app.render.items import FlowLabelItem

    scene = build_static_scene(load(coffee_path))
    labelled = [item for item in scene.items() if isinstance(item, FlowLabelItem)]
    assert len(labelled) == 1  # only "wrong drink" has a label; an unlabelled flow has no item
    assert not labelled[0].boundingRect().isEmpty()
    assert labelled[0].zValue() > max(i.zValue() for i in scene.items() if isinstance(i, CardItem))
    flow_item = labelled[0].flow_item
    scene._blueprint_items.remove_flow(flow_item.flow_id)  # type: ignore[attr-defined]
    assert labelled[0].scene() is None and flow_item.scene() is None
