"""The process specification as Markdown (CommonMark with GitHub tables).

User text is escaped so that a title such as ``<b>`` or ``a|b`` shows as written instead of
turning into HTML or breaking a table; line breaks inside a cell become ``<br>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from blueprint_app.export.document import (
    Block,
    Diagram,
    Fields,
    Heading,
    Paragraph,
    Table,
    blocks,
)
from blueprint_app.export.spec import FindingLike, build_spec
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.model.text import plain

_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")


# Block markers count only when followed by a space (or, for headings and rules, repeated):
# "1.5 min" and "-3" stay as they are.
_LINE_START = re.compile(r"^(\s*)([#+=-])(?=\s|$|[#=-])")
_NUMBERED = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")


def escape(text: str) -> str:
    """Backslash-escape Markdown's active characters; newlines become ``<br>``."""
    lines = (_SPECIAL.sub(r"\\\1", line) for line in plain(text).split("\n"))
    return "<br>".join(lines)


def escape_block(text: str) -> str:
    """:func:`escape` for text that starts a Markdown line (a paragraph): a description starting
    "# " or "1. " must not become a heading or a list."""
    return _NUMBERED.sub(r"\1\\\2", _LINE_START.sub(r"\1\\\2", escape(text)))


def to_markdown(
    blueprint: Blueprint, lang: str | None = None, findings: Iterable[FindingLike] | None = None
) -> str:
    spec = build_spec(blueprint, lang, findings)
    parts = [_block(block) for block in blocks(spec)]
    footer = spec.words("exported_by", version=_version())
    return "\n\n".join(part for part in parts if part) + f"\n\n---\n\n*{escape(footer)}*\n"


def _version() -> str:
    from blueprint_app import __version__

    return __version__


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {escape(block.text)}"
    if isinstance(block, Paragraph):
        text = escape_block(block.text)
        return f"*{text}*" if block.style == "note" else text
    if isinstance(block, Fields):
        return "\n".join(
            f"- **{escape(label)}{block.separator.strip()}** {escape(value)}"
            for label, value in block.items
        )
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Diagram):
        return ""
    raise TypeError(f"unknown block {block!r}")


def _table(table: Table) -> str:
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(escape(cell) for cell in cells) + " |"

    lines = [row(table.header), "|" + "|".join("---" for _ in table.header) + "|"]
    lines += [row(cells) for cells in table.rows]
    return "\n".join(lines)
