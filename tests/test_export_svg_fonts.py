"""An exported SVG names fonts that librsvg draws right: no emoji font in the list, so digits
keep their own widths ("2026-12-02", not "2 0 2 6 - 1 2 - 0 2"), checked with rsvg (17.8)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from blueprint_app.export.formats import export_bytes
from blueprint_app.pictures.svg_fonts import family_value, fix_font_families, svg_families
from blueprint_app.render import style
from blueprint_app.resources import resource_path
from blueprint_app.storage import load
from tests.image_support import rsvg_png

SAMPLE = "2026-12-02 0123456789"


def _ink_width(image: QImage) -> int:
    xs = [
        x
        for x in range(image.width())
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y).lightness() < 200
    ]
    return max(xs) - min(xs)


def _drawn_width(tmp_path: Path, family: str, name: str) -> int:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="700" height="60">'
        '<rect width="700" height="60" fill="white"/>'
        f'<text x="5" y="40" font-family="{family}" font-size="20">{SAMPLE}</text></svg>'
    )
    path = tmp_path / f"{name}.svg"
    path.write_text(svg, encoding="utf-8")
    return _ink_width(rsvg_png(path, tmp_path / f"{name}.png"))


def test_the_exported_font_list_draws_digits_as_plain_noto_sans_does(tmp_path: Path) -> None:
    plain = _drawn_width(tmp_path, "Noto Sans", "plain")
    ours = _drawn_width(tmp_path, family_value(svg_families()), "ours")
    assert abs(ours - plain) <= plain * 0.05
    canvas_list = ",".join(style.FONT_FAMILIES)  # what Qt wrote before, emoji fonts and all
    assert _drawn_width(tmp_path, canvas_list, "before") > plain * 1.5  # the defect, measured


def test_no_font_family_of_an_exported_svg_names_an_emoji_font(
    qtbot: QtBot, tmp_path: Path
) -> None:
    blueprint = load(resource_path("examples", "hotel-stay.blueprint.json"))
    blueprint.title = "Hotel 🏨 2026-12-02"
    svg = export_bytes(blueprint, "svg").decode("utf-8")
    families = set(re.findall(r'font-family="([^"]*)"', svg))
    assert families == {family_value(svg_families())}
    assert "🏨" in svg and "2026-12-02" in svg
    path = tmp_path / "hotel.svg"
    path.write_text(svg, encoding="utf-8")
    assert rsvg_png(path, tmp_path / "hotel.png").width() > 1000


def test_other_font_families_are_left_alone() -> None:
    svg = '<text font-family="Courier">x</text><g font-family="Sans Serif"/>'
    fixed = fix_font_families(svg)
    assert 'font-family="Courier"' in fixed
    assert "Sans Serif" not in fixed and "'Noto Sans'" in fixed
