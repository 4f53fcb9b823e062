"""Which ideograph each CJK radical's glyph stands for, in the fonts pictures draw Chinese with.

Chinese fonts draw a radical such as ⼊ (U+2F0A) and the ideograph 入 (U+5165) with one glyph,
and Qt's PDF writer names a glyph by the lowest code point that uses it: the radical. Asking the
font which ideograph shares the glyph gives the right name, the simplified one in a simplified
font (⼾ is 户 there, not the 戶 Unicode's compatibility mapping would give).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase, QRawFont

from blueprint_app.render import style

RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement and Kangxi Radicals
IDEOGRAPHS = range(0x4E00, 0xA000)  # CJK Unified Ideographs


@cache
def radical_ideographs() -> dict[int, int]:
    """Radical code point → the ideograph drawn with the same glyph (regular and bold)."""
    found: dict[int, int] = {}
    for bold in (False, True):
        raw = QRawFont.fromFont(style.font(16, bold), QFontDatabase.WritingSystem.SimplifiedChinese)
        if raw.isValid():
            for radical, ideograph in _shared_glyphs(raw).items():
                found.setdefault(radical, ideograph)
    return found


def _shared_glyphs(raw: QRawFont) -> dict[int, int]:
    by_glyph: dict[int, int] = {}
    glyphs = raw.glyphIndexesForString("".join(map(chr, IDEOGRAPHS)))
    for code, glyph in zip(IDEOGRAPHS, glyphs, strict=True):
        if glyph:
            by_glyph.setdefault(glyph, code)  # the lowest, as Qt would choose among them
    shared = {}
    radicals = raw.glyphIndexesForString("".join(map(chr, RADICALS)))
    for code, glyph in zip(RADICALS, radicals, strict=True):
        if glyph and glyph in by_glyph:
            shared[code] = by_glyph[glyph]
    return shared
