"""Pictures of a blueprint (PNG, SVG, PDF) through the export API, checked with outside tools."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from blueprint_app.export.formats import FORMATS, export_bytes
from blueprint_app.export.options import ExportOptions
from blueprint_app.export.scope import ImageOptionError
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.pictures.decor import LegendItem, TitleBlockItem
from blueprint_app.pictures.image import compose
from blueprint_app.render.items import CardItem, FlowItem
from blueprint_app.render.marks import SeverityMark
from blueprint_app.storage import load
from blueprint_app.validation import validate, worst_by_item
from tests.conftest import DATA, ODD_TEXT
from tests.image_support import (
    SVG_NS,
    ink,
    joined,
    pdf_info,
    pdf_text,
    png_image,
    rsvg_png,
    svg_texts,
)


@pytest.fixture
def coffee() -> Blueprint:
    return load(DATA / "coffee.blueprint.json")


def test_svg_is_standalone_xml_that_another_renderer_draws(
    coffee: Blueprint, tmp_path: Path
) -> None:
    svg = export_bytes(coffee, "svg")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG_NS}svg"
    width, height = (float(v) for v in root.attrib["viewBox"].split()[2:])
    assert width > 800 and height > 400
    assert root.findtext(f"{SVG_NS}title") == "Coffee to go"
    assert "Coffee to go" in (root.findtext(f"{SVG_NS}desc") or "")
    path = tmp_path / "coffee.svg"
    path.write_bytes(svg)
    drawn = rsvg_png(path, tmp_path / "coffee.png")
    assert abs(drawn.width() - width) <= 1 and abs(drawn.height() - height) <= 1
    assert ink(drawn) > 2000  # lanes, cards and text, not an empty page


def test_svg_keeps_every_step_title_as_text(coffee: Blueprint) -> None:
    text = joined(svg_texts(export_bytes(coffee, "svg")))
    for step in coffee.steps:
        assert step.title in text, step.title
    assert "Legend" in text and "Coffee to go" in text


def test_svg_escapes_odd_text_and_keeps_it_intact(coffee: Blueprint) -> None:
    coffee.title = ODD_TEXT
    coffee.customer = ODD_TEXT
    coffee.steps[2].title = '<&"中文🎉'
    coffee.flows[6].label = "<b>&amp;"
    svg = export_bytes(coffee, "svg")
    root = ET.fromstring(svg)  # would raise on a stray < or &
    assert root.findtext(f"{SVG_NS}title") == ODD_TEXT
    texts = svg_texts(svg)
    assert '<&"中文🎉' in "".join(texts)  # Qt writes one <text> per font run: Latin, CJK, emoji
    assert "<b>&amp;" in texts
    runs = "".join("".join(texts).split())  # runs and wrapped lines, whitespace aside
    assert "".join(ODD_TEXT.split()) in runs  # the title block's title, intact


def test_png_size_follows_the_scale_and_dpi(coffee: Blueprint) -> None:
    one = png_image(export_bytes(coffee, "png"))
    two = png_image(export_bytes(coffee, "png", ExportOptions(scale=2)))
    assert abs(two.width() - 2 * one.width()) <= 2
    assert abs(two.height() - 2 * one.height()) <= 2
    dpi = png_image(export_bytes(coffee, "png", ExportOptions(dpi=192)))
    assert (dpi.width(), dpi.height()) == (two.width(), two.height())
    assert round(dpi.dotsPerMeterX() * 0.0254) == 192
    assert ink(one) > 2000


def test_png_background_white_or_transparent(coffee: Blueprint) -> None:
    white = png_image(export_bytes(coffee, "png"))
    clear = png_image(export_bytes(coffee, "png", ExportOptions(transparent=True)))
    assert white.pixelColor(2, 2).alpha() == 255
    assert white.pixelColor(2, 2).name() == "#ffffff"
    assert clear.hasAlphaChannel()
    assert clear.pixelColor(2, 2).alpha() == 0
    assert clear.pixelColor(clear.width() - 3, clear.height() - 3).alpha() == 0
    assert ink(clear) > 2000  # the diagram itself is still there


def test_pdf_is_one_vector_page_with_the_titles_as_text(coffee: Blueprint, tmp_path: Path) -> None:
    path = tmp_path / "coffee.pdf"
    path.write_bytes(export_bytes(coffee, "pdf"))
    info = pdf_info(path)
    assert info["Pages"] == "1"
    assert info["Title"] == "Coffee to go"
    width, _, height = info["Page size"].split()[:3]
    svg_root = ET.fromstring(export_bytes(coffee, "svg"))
    svg_w, svg_h = (float(v) for v in svg_root.attrib["viewBox"].split()[2:])
    assert abs(float(width) - svg_w * 0.75) < 2 and abs(float(height) - svg_h * 0.75) < 2
    words = set(pdf_text(path).split())
    for step in coffee.steps:
        assert set(step.title.split()) <= words, step.title


@pytest.mark.parametrize(
    ("page", "size"),
    [("A4", (841.89, 595.28)), ("A3", (1190.55, 841.89)), ("Letter", (792.0, 612.0))],
)
def test_pdf_fitted_to_a_landscape_page(
    coffee: Blueprint, tmp_path: Path, page: str, size: tuple[float, float]
) -> None:
    path = tmp_path / "fitted.pdf"
    path.write_bytes(export_bytes(coffee, "pdf", ExportOptions(page=page)))
    info = pdf_info(path)
    width, _, height = info["Page size"].split()[:3]
    assert info["Pages"] == "1"
    assert abs(float(width) - size[0]) < 1 and abs(float(height) - size[1]) < 1
    assert "Take order and payment" in " ".join(pdf_text(path).split())


def test_unknown_page_is_a_clear_error(coffee: Blueprint) -> None:
    with pytest.raises(ImageOptionError, match="A4, A3 or Letter"):
        export_bytes(coffee, "pdf", ExportOptions(page="B5"))


def _cards(options: ExportOptions, blueprint: Blueprint) -> set[str]:
    scene = compose(blueprint, options).scene
    return {item.step_id for item in scene.items() if isinstance(item, CardItem)}


def test_phase_range_shows_only_those_steps_and_flows_between_them(coffee: Blueprint) -> None:
    collect = {s.id for s in coffee.steps if s.phase == "collect"}
    assert _cards(ExportOptions(phases="collect"), coffee) == collect
    assert _cards(ExportOptions(phases="2..2"), coffee) == collect
    assert _cards(ExportOptions(phases="1..2"), coffee) == {s.id for s in coffee.steps}
    assert _cards(ExportOptions(phases="..order"), coffee) == {
        s.id for s in coffee.steps if s.phase == "order"
    }
    scene = compose(coffee, ExportOptions(phases="2..")).scene
    flows = {item.flow_id for item in scene.items() if isinstance(item, FlowItem)}
    assert flows == {f.id for f in coffee.flows if f.source in collect and f.target in collect}
    text = joined(svg_texts(export_bytes(coffee, "svg", ExportOptions(phases="collect"))))
    assert "Make the drink" in text and "Walk in" not in text and "Order a drink" not in text
    assert "Phases Collect" in text  # the title block says which part this is


@pytest.mark.parametrize(
    ("phases", "message"),
    [("3", "no phase '3'"), ("collect..order", "runs backwards"), ("nope..2", "no phase 'nope'")],
)
def test_bad_phase_range_is_a_clear_error(coffee: Blueprint, phases: str, message: str) -> None:
    with pytest.raises(ImageOptionError, match=message):
        export_bytes(coffee, "png", ExportOptions(phases=phases))


def test_selection_shows_the_selected_steps_and_a_selected_flows_ends(coffee: Blueprint) -> None:
    assert _cards(ExportOptions(selection=frozenset({"make", "remake"})), coffee) == {
        "make",
        "remake",
    }
    flow = coffee.flows[0]
    assert _cards(ExportOptions(selection=frozenset({flow.id})), coffee) == {
        flow.source,
        flow.target,
    }
    with pytest.raises(ImageOptionError, match="selection"):
        compose(coffee, ExportOptions(selection=frozenset({"no-such-id"})))
    assert len(coffee.steps) == 11  # the document itself is untouched


def test_a_selection_keeps_only_the_phases_its_steps_sit_in(coffee: Blueprint) -> None:
    from blueprint_app.export.scope import scoped_copy

    one_phase = scoped_copy(coffee, frozenset({"make", "remake"}))
    assert [phase.id for phase in one_phase.phases] == ["collect"]
    both = scoped_copy(coffee, frozenset({"make", "pos"}))
    assert [phase.id for phase in both.phases] == ["order", "collect"]
    texts = svg_texts(export_bytes(coffee, "svg", ExportOptions(selection=frozenset({"make"}))))
    assert "Collect" in texts and "Order" not in texts
    assert [phase.id for phase in coffee.phases] == ["order", "collect"]


def test_title_block_and_legend_are_on_by_default_and_can_be_left_out(coffee: Blueprint) -> None:
    def decor(options: ExportOptions) -> set[type]:
        scene = compose(coffee, options).scene
        return {type(item) for item in scene.items()} & {TitleBlockItem, LegendItem}

    assert decor(ExportOptions()) == {TitleBlockItem, LegendItem}
    assert decor(ExportOptions(title_block=False)) == {LegendItem}
    assert decor(ExportOptions(legend=False)) == {TitleBlockItem}
    full = svg_texts(export_bytes(coffee, "svg"))
    bare = svg_texts(export_bytes(coffee, "svg", ExportOptions(title_block=False, legend=False)))
    assert "Coffee to go" in full and "Coffee to go" not in bare
    assert "Legend" in full and "Legend" not in bare and "Line of visibility" in bare
    plain = png_image(export_bytes(coffee, "png", ExportOptions(legend=False)))
    assert plain.height() < png_image(export_bytes(coffee, "png")).height()


def test_badges_mark_every_card_and_flow_with_a_finding(coffee: Blueprint) -> None:
    worst = worst_by_item(validate(coffee))
    drawn = {s.id for s in coffee.steps} | {f.id for f in coffee.flows}
    expected = {item: severity.value for item, severity in worst.items() if item in drawn}
    assert expected, "the example should have findings on steps or flows"
    scene = compose(coffee, ExportOptions(badges=True)).scene
    marks = {
        item.item_id: item.severity for item in scene.items() if isinstance(item, SeverityMark)
    }
    assert marks == expected
    assert not any(
        isinstance(item, SeverityMark) for item in compose(coffee, ExportOptions()).scene.items()
    )
    with_badges = joined(svg_texts(export_bytes(coffee, "svg", ExportOptions(badges=True))))
    assert "Validation" in with_badges


def test_legend_and_title_labels_follow_the_language(coffee: Blueprint) -> None:
    text = joined(svg_texts(export_bytes(coffee, "svg", ExportOptions(lang="zh-CN"))))
    assert "图例" in text and "可视分界线" in text and "顾客" in text


def test_too_large_a_png_is_refused_before_drawing(coffee: Blueprint) -> None:
    with pytest.raises(ImageOptionError, match="smaller --scale"):
        export_bytes(coffee, "png", ExportOptions(scale=500))


def test_empty_blueprint_still_makes_a_picture() -> None:
    from blueprint_app.model import new_blueprint

    blueprint = new_blueprint("Empty", "en")
    for kind in ("png", "svg", "pdf"):
        assert export_bytes(blueprint, kind)


def test_html_diagram_falls_back_to_none_with_a_note_when_qt_fails(
    coffee: Blueprint, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blueprint_app.export.pipeline import export_document
    from blueprint_app.pictures import backend

    notes: list[str] = []
    html = export_document(coffee, FORMATS["html"], ExportOptions(), note=notes.append)
    assert b"<svg" in html and notes == []

    def broken(*_args: object) -> str:
        raise RuntimeError("could not connect to display")

    monkeypatch.setattr(backend, "diagram_svg", broken)
    html = export_document(coffee, FORMATS["html"], ExportOptions(), note=notes.append)
    assert b"<svg" not in html and b"Make the drink" in html
    assert len(notes) == 1 and "no diagram in the HTML" in notes[0]


def test_to_image_gives_the_editor_a_preview_at_any_scale(coffee: Blueprint) -> None:
    from blueprint_app.pictures.image import to_image

    picture = compose(coffee, ExportOptions(badges=True))
    preview = to_image(picture, 0.5)
    full = png_image(export_bytes(coffee, "png", ExportOptions(badges=True)))
    assert abs(preview.width() * 2 - full.width()) <= 2
    assert ink(preview) > 500
    with pytest.raises(ImageOptionError, match="positive"):
        to_image(picture, 0)
