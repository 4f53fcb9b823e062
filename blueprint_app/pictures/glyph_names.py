"""Which character each shared glyph should be named by in a PDF's text map.

Qt's PDF writer names every glyph by the lowest code point the font draws with it. Fonts share
glyphs between look-alikes, so that name is often not what was typed: Chinese fonts draw the
Kangxi radical ⼊ (U+2F0A) and the ideograph 入 (U+5165) alike, and 胶 (U+80F6) like the
rare Extension A 㬵 (U+3B35); most fonts draw the tab like the space. The names here follow
what people type: a common ideograph before a rare one, a rare one before a radical, a space
before a tab. They come from asking the font itself, so a simplified font names ⼾ 户 (not the
traditional 戶 that Unicode's compatibility mapping would give).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase, QRawFont

from blueprint_app.render import style

RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement and Kangxi Radicals
EXTENSION_A = range(0x3400, 0x4DC0)  # rare ideographs, below the common block
IDEOGRAPHS = range(0x4E00, 0xA000)  # CJK Unified Ideographs, the ones typed every day
TAB, SPACE = 0x09, 0x20


@cache
def preferred_names() -> dict[int, int]:
    """Code point Qt would name a glyph by → the code point to name it by instead.

    Needs the Qt application (fonts); asked once per process, ~20 ms.
    """
    found: dict[int, int] = {TAB: SPACE}
    for bold in (False, True):
        raw = QRawFont.fromFont(style.font(16, bold), QFontDatabase.WritingSystem.SimplifiedChinese)
        if raw.isValid():
            for lower, wanted in _shared_glyphs(raw).items():
                found.setdefault(lower, wanted)
    return found


def _glyphs(raw: QRawFont, codes: range) -> dict[int, int]:
    """Glyph → the lowest code point of ``codes`` drawn with it."""
    by_glyph: dict[int, int] = {}
    for code, glyph in zip(codes, raw.glyphIndexesForString("".join(map(chr, codes))), strict=True):
        if glyph:
            by_glyph.setdefault(glyph, code)
    return by_glyph


def _shared_glyphs(raw: QRawFont) -> dict[int, int]:
    common, rare = _glyphs(raw, IDEOGRAPHS), _glyphs(raw, EXTENSION_A)
    names: dict[int, int] = {}
    for glyph, code in rare.items():
        if glyph in common:
            names[code] = common[glyph]
    for glyph, code in _glyphs(raw, RADICALS).items():
        wanted = common.get(glyph, rare.get(glyph))
        if wanted is not None:
            names[code] = wanted
    return names
