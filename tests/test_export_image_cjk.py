"""Chinese renders as real glyphs in PNG and PDF, never as blank or as boxes ("tofu").

A missing glyph is drawn as the same box (or nothing) whatever the character, so distinct
Chinese characters drawing distinct, inked pictures is the proof that a CJK font was found.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QPointF, QRect
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPainter, QRawFont

from blueprint_app.export.formats import export_bytes
from blueprint_app.export.options import ExportOptions
from blueprint_app.pictures.image import ensure_qt
from blueprint_app.render import style
from blueprint_app.storage import load
from tests.image_support import ink, pdf_text, png_image

ROOT = Path(__file__).parent.parent
CHINESE_TEMPLATE = ROOT / "resources" / "templates" / "hotel-stay.zh-CN.blueprint.json"
CHARS = "酒店入住一晚服务蓝图"
TOFU = "\ue000"  # a private-use character no font draws: the missing-glyph picture


def _glyph(text: str) -> QImage:
    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setFont(style.font(28))
    painter.setPen(QColor("#000000"))
    painter.drawText(QPointF(4, 32), text)
    painter.end()
    return image


def test_the_font_list_reaches_a_font_with_chinese_glyphs() -> None:
    ensure_qt()
    families = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    named = [family for family in style.FONT_FAMILIES if family in families]
    assert named, "no font of render/style.py's fallback list covers Chinese"
    raw = QRawFont.fromFont(style.font(28), QFontDatabase.WritingSystem.SimplifiedChinese)
    assert all(raw.supportsCharacter(ord(char)) for char in CHARS)


def test_chinese_characters_draw_distinct_inked_glyphs_not_boxes() -> None:
    ensure_qt()
    pictures = [_glyph(char) for char in CHARS]
    tofu = _glyph(TOFU)
    for char, picture in zip(CHARS, pictures, strict=True):
        assert ink(picture) > 20, f"{char} drew nothing"
        assert picture != tofu, f"{char} drew the missing-glyph box"
    assert len({bytes(p.constBits()) for p in pictures}) == len(CHARS)  # all different


def _title_area(data: bytes) -> QImage:
    image = png_image(data)
    return image.copy(QRect(0, 0, image.width(), 60))


def test_png_title_in_chinese_is_drawn_as_glyphs() -> None:
    blueprint = load(CHINESE_TEMPLATE)
    chinese = _title_area(export_bytes(blueprint, "png"))
    blueprint.title = TOFU * len(blueprint.title)
    boxes = _title_area(export_bytes(blueprint, "png"))
    blueprint.title = "酒店"
    shorter = _title_area(export_bytes(blueprint, "png"))
    assert ink(chinese) > 200
    assert chinese != boxes and chinese != shorter


def test_pdf_carries_chinese_text_in_a_cjk_font(tmp_path: Path) -> None:
    path = tmp_path / "zh.pdf"
    path.write_bytes(export_bytes(load(CHINESE_TEMPLATE), "pdf", ExportOptions(page="A3")))
    text = pdf_text(path)  # as typed: the exporter renames glyphs Qt named by a radical
    assert "酒店入住一晚" in text and "图例" in text and "抵达酒店" in text
    fonts = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    assert any(
        name in fonts.replace(" ", "")
        for name in ("NotoSansCJK", "WenQuanYi", "wqy", "DroidSansFallback", "SourceHanSans")
    )
