"""The font list an exported SVG names, so every renderer draws its text right.

Qt writes the canvas's whole fallback list into each ``font-family``, emoji fonts included.
librsvg (GNOME's image viewers, Inkscape's import) hands that list to Pango, which then takes
digits from "Noto Color Emoji" (an emoji font has glyphs for 0-9, # and * for the keycaps) and
spaces a date out as "2 0 2 6 - 1 2 - 0 2". Chromium and Firefox never needed the emoji
families in the list: like librsvg they find an emoji font by themselves for a character no
listed font has. So the SVG names the text fonts only, each quoted, then ``sans-serif``.
"""

from __future__ import annotations

import re

from blueprint_app.render import style

_FAMILY = re.compile(r'font-family="([^"]*)"')
#: Qt's name for its default family, written for items that draw no text of ours
_QT_DEFAULT = "Sans Serif"


def svg_families() -> list[str]:
    """The canvas's font list without the emoji fonts (``sans-serif`` last)."""
    return [name for name in style.FONT_FAMILIES if "emoji" not in name.lower()]


def family_value(names: list[str]) -> str:
    """A CSS font-family value: each name quoted (single quotes, inside a double-quoted
    attribute), generic families bare."""
    generic = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}
    return ",".join(name if name in generic else f"'{name}'" for name in names)


def fix_font_families(svg: str) -> str:
    """Every ``font-family`` of Qt's SVG rewritten to :func:`svg_families`."""
    value = family_value(svg_families())

    def replace(match: re.Match[str]) -> str:
        names = [name.strip().strip("'\"") for name in match.group(1).split(",")]
        if names == [_QT_DEFAULT] or any("emoji" in name.lower() for name in names):
            return f'font-family="{value}"'
        return match.group(0)

    return _FAMILY.sub(replace, svg)
