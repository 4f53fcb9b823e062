"""Two-way flows and a flow's channel (format 2): drawn with two heads, the channel in the label's
box and the tooltip, named in the legend, and said by every export and a save and load."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene
from pytestqt.qtbot import QtBot

from blueprint_app.canvas.scene import flow_tooltip
from blueprint_app.export.bpmn import to_bpmn as bpmn_of
from blueprint_app.export.csv import to_csv
from blueprint_app.export.html import to_html
from blueprint_app.export.markdown import to_markdown
from blueprint_app.export.mermaid import label as mermaid_label
from blueprint_app.export.mermaid import to_mermaid
from blueprint_app.export.picture_words import picture_words
from blueprint_app.model import Blueprint, Flow, FlowKind
from blueprint_app.pictures.decor import legend_groups
from blueprint_app.render.items import CardItem, FlowItem, FlowLabelItem
from blueprint_app.render.scene_builder import build_static_scene
from blueprint_app.storage import dumps, load, loads
from tests.conftest import DATA, ODD_TEXT
from tests.test_export_bpmn import NS, check

HOTEL = Path(__file__).parent.parent / "resources" / "examples" / "hotel-stay.blueprint.json"


def coffee() -> Blueprint:
    """The example with the order ticket going from the till to the barista (as the spec's
    tests pin it), so f4 is a hand-off across the line of visibility."""
    blueprint = load(DATA / "coffee.blueprint.json")
    f4 = flow(blueprint, "f4")
    f4.source, f4.target = "pos", "make"
    return blueprint


def flow(blueprint: Blueprint, flow_id: str) -> Flow:
    return next(f for f in blueprint.flows if f.id == flow_id)


def two_way(blueprint: Blueprint, flow_id: str, channel: str = "") -> Blueprint:
    found = flow(blueprint, flow_id)
    found.two_way, found.channel = True, channel
    return blueprint


# -- drawing -----------------------------------------------------------------------------------


def flow_items(blueprint: Blueprint) -> tuple[QGraphicsScene, dict[str, FlowItem]]:
    scene = build_static_scene(blueprint)
    items = {item.flow_id: item for item in scene.items() if isinstance(item, FlowItem)}
    return scene, items


def ink_near(blueprint: Blueprint, flow_id: str, end: int) -> int:
    """How many pixels of the flow's colour are painted within 6 units of one end of it."""
    scene, items = flow_items(blueprint)
    rect = scene.sceneRect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), rect)
    painter.end()
    x, y = items[flow_id].points[end]
    x, y = int(x - rect.left()), int(y - rect.top())
    return sum(
        image.pixelColor(px, py).lightness() < 140
        for px in range(x - 6, x + 7)
        for py in range(y - 6, y + 7)
    )


def test_a_two_way_flow_has_a_head_at_both_ends(qtbot: QtBot) -> None:
    blueprint = coffee()
    _, items = flow_items(blueprint)
    assert len(items["f4"].heads(flow(blueprint, "f4"))) == 1
    _, items = flow_items(two_way(blueprint, "f4"))
    item = items["f4"]
    heads = item.heads(flow(blueprint, "f4"))
    assert [tip for tip, _ in heads] == [QPointF(*item.points[-1]), QPointF(*item.points[0])]
    # and the heads are painted: the source's end has a filled triangle only when two-way
    one_way = ink_near(coffee(), "f4", 0)
    both = ink_near(two_way(coffee(), "f4"), "f4", 0)
    assert both > one_way + 10
    assert ink_near(two_way(coffee(), "f4"), "f4", -1) == pytest.approx(
        ink_near(coffee(), "f4", -1), abs=3
    )


def label_box(blueprint: Blueprint, flow_id: str) -> QRectF:
    _, items = flow_items(blueprint)
    label = items[flow_id].label_item
    return label.boundingRect() if label is not None else QRectF()


def test_a_channel_follows_the_label_in_a_box_no_taller_than_a_label(qtbot: QtBot) -> None:
    assert label_box(coffee(), "f4").isEmpty()  # no label, no channel: no box
    alone = label_box(two_way(coffee(), "f4", channel="电话 phone"), "f4")
    blueprint = coffee()
    flow(blueprint, "f4").label = "order ticket"
    label = label_box(blueprint, "f4")
    flow(blueprint, "f4").channel = "电话 phone"
    both = label_box(blueprint, "f4")
    assert not alone.isEmpty()
    assert alone.height() == label.height() == both.height()
    assert both.width() > label.width() + alone.width() / 2
    flow(blueprint, "f4").channel = "very long channel " * 20  # elided, not a wall of text
    assert both.width() < label_box(blueprint, "f4").width() <= both.width() + 100


def cards_covered(blueprint: Blueprint) -> list[str]:
    """The flows whose label box lies over a card."""
    scene = build_static_scene(blueprint)
    cards = [
        QRectF(r.x, r.y, r.w, r.h)
        for r in (i.scene_rect() for i in scene.items() if isinstance(i, CardItem))
    ]
    return sorted(
        label.flow_item.flow_id
        for label in scene.items()
        if isinstance(label, FlowLabelItem)
        and any(label.sceneBoundingRect().adjusted(1, 1, -1, -1).intersects(c) for c in cards)
    )


def test_channels_keep_the_label_boxes_off_the_cards(qtbot: QtBot) -> None:
    """Measured on the hotel example with a channel on every one of its 37 flows: the short
    "yes" branch f16, wider with its channel, used to reach over a card; labels now move off
    cards (issue 17.3), so none does, with channels or without."""
    blueprint = load(HOTEL)
    assert cards_covered(blueprint) == []
    for item in blueprint.flows:
        item.channel = "in person"
    assert cards_covered(blueprint) == []


@pytest.mark.parametrize(("lang", "name"), [("en", "Two-way interaction"), ("zh-CN", "双向互动")])
def test_the_legend_names_the_two_headed_arrow(lang: str, name: str) -> None:
    groups = dict(legend_groups(picture_words(lang), badges=False))
    flows = groups[picture_words(lang)["flows"]]
    assert [entry.label for entry in flows][-1] == name


def test_the_tooltip_says_label_two_way_and_channel() -> None:
    item = Flow(id="f", source="a", target="b", label="<b>ticket</b>", channel="电话")
    assert flow_tooltip(item) == "<b>ticket</b>\nChannel: 电话"
    item.two_way = True
    assert flow_tooltip(item).splitlines() == [
        "<b>ticket</b>",
        "Two-way interaction",
        "Channel: 电话",
    ]
    assert flow_tooltip(Flow(id="f", source="a", target="b")) == ""


# -- files -------------------------------------------------------------------------------------


def test_two_way_and_channel_survive_a_save_and_load() -> None:
    blueprint = two_way(coffee(), "f4", channel=ODD_TEXT)
    again = loads(dumps(blueprint))
    assert flow(again, "f4").two_way is True and flow(again, "f4").channel == ODD_TEXT
    assert flow(again, "f1").two_way is False and flow(again, "f1").channel == ""
    assert '"two_way"' not in dumps(coffee())  # a default is not written (as version 1 did)


# -- exports -----------------------------------------------------------------------------------


def handoff_table(text: str, heading: str) -> list[str]:
    table = text.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    return [line for line in table.splitlines() if line.startswith("| ")]


def test_the_spec_marks_a_two_way_hand_off_and_its_channel() -> None:
    rows = handoff_table(to_markdown(coffee()), "Hand-offs")
    assert "Both ways" not in rows[0] and "Channel" not in rows[0]  # left out when empty
    blueprint = two_way(coffee(), "f4", channel="ticket printer")
    rows = handoff_table(to_markdown(blueprint), "Hand-offs")
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    assert header == ["Line", "From", "Hands over", "Both ways", "Channel", "To", "Receiving step"]
    mine = [row for row in rows if "ticket printer" in row]
    assert len(mine) == 1 and "| ↔ | ticket printer |" in mine[0]
    assert sum("↔" in row for row in rows[2:]) == 1
    html = to_html(blueprint)
    assert "<th>Both ways</th>" in html and "ticket printer" in html


def test_the_chinese_spec_says_both_ways() -> None:
    blueprint = two_way(coffee(), "f4", channel="电话")
    blueprint.language = "zh-CN"
    rows = handoff_table(to_markdown(blueprint), "交接")
    assert "| 双向 | 渠道 |" in rows[0] and "| ↔ | 电话 |" in "\n".join(rows)


def test_the_csv_keeps_its_columns() -> None:
    """A row per step: a flow's two-way mark and channel have no cell there (docs/export.md)."""
    assert to_csv(two_way(coffee(), "f4", channel="x")) == to_csv(coffee())


def test_mermaid_draws_two_headed_arrows_with_the_channel() -> None:
    blueprint = two_way(coffee(), "f4", channel="ticket <printer>")
    node = {step.id: f"s{index}" for index, step in enumerate(blueprint.steps, start=1)}
    recovery = next(f for f in blueprint.flows if f.kind == FlowKind.RECOVERY)
    recovery.two_way = True
    lines = to_mermaid(blueprint).splitlines()
    assert f'  {node["pos"]} <-->|"ticket #lt;printer#gt;"| {node["make"]}' in lines
    assert f"  {node[recovery.source]} <-.->|" in "\n".join(lines)
    assert sum("<-" in line for line in lines) == 2
    flow(blueprint, "f4").label = "order"
    assert f'  {node["pos"]} <-->|"order · ticket #lt;printer#gt;"| {node["make"]}' in (
        to_mermaid(blueprint).splitlines()
    )
    assert "<-" not in to_mermaid(coffee())


def test_bpmn_keeps_one_sequence_flow_and_documents_both_ways() -> None:
    blueprint = two_way(coffee(), "f4", channel="ticket printer")
    evidence = next(f for f in blueprint.flows if f.kind == FlowKind.EVIDENCE)
    evidence.two_way = True
    root = check(bpmn_of(blueprint))  # still valid against the OMG schemas
    flows = root.findall(".//bpmn:sequenceFlow[@id='Flow_f4']", NS)
    assert len(flows) == 1
    assert flows[0].get("sourceRef") == "Step_pos" and flows[0].get("targetRef") == "Step_make"
    documentation = flows[0].findtext("bpmn:documentation", namespaces=NS)
    assert documentation == "Two-way interaction\nChannel: ticket printer"
    association = root.find(f".//bpmn:association[@id='Flow_{evidence.id}']", NS)
    assert association is not None and association.get("associationDirection") == "Both"
    plain = check(bpmn_of(coffee()))
    assert plain.find(".//bpmn:sequenceFlow[@id='Flow_f4']/bpmn:documentation", NS) is None
    assert {a.get("associationDirection") for a in plain.iter(f"{{{NS['bpmn']}}}association")} == {
        "None"
    }


def test_an_odd_channel_comes_out_as_written_in_every_text_export() -> None:
    blueprint = two_way(coffee(), "f4", channel=ODD_TEXT + "\x01")
    flow(blueprint, "f4").label = "ticket"
    mermaid = to_mermaid(blueprint)
    assert len(mermaid.splitlines()) == len(to_mermaid(coffee()).splitlines())
    assert f'<-->|"{mermaid_label("ticket · " + ODD_TEXT)}"|' in mermaid
    root = check(bpmn_of(blueprint))
    documentation = root.findtext(
        ".//bpmn:sequenceFlow[@id='Flow_f4']/bpmn:documentation", namespaces=NS
    )
    # a label on a flow that is no branch is kept as text (bpmnlint: superfluous-label)
    assert documentation == f"Two-way interaction\nChannel: {ODD_TEXT}\nLabel: ticket"
    page = to_html(blueprint)
    assert "<tag>" not in page and "&lt;tag&gt;" in page
