"""The process specification as one self-contained HTML file: read in a browser, print on paper.

No external files: the style sheet is inline (with print rules: A4 margins, no split table rows,
repeated table headers), and the diagram, when given, is inlined SVG. All user text is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape as _escape

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

STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC",
       "PingFang SC", "Microsoft YaHei", sans-serif; color: #1d2433; margin: 2rem auto;
       max-width: 72rem; padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 1.7rem; border-bottom: 3px solid #2c5d8f; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; color: #2c5d8f; border-bottom: 1px solid #c9d3e0; }
h3 { font-size: 1.1rem; margin-top: 1.6rem; }
h4 { font-size: .95rem; margin: 1rem 0 .3rem; color: #4a5568; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.fields dt { font-weight: 600; } dl.fields dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #c9d3e0; padding: .3rem .5rem; text-align: left;
         vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef2f7; }
table.counts { width: auto; min-width: 20rem; }
table.counts td:last-child { text-align: right; }
table.steps { table-layout: fixed; }
table.steps th:nth-child(1) { width: 24%; }
p.note { color: #5a6474; font-style: italic; }
figure.diagram { margin: 1rem 0; overflow-x: auto; }
figure.diagram svg { max-width: 100%; height: auto; }
footer { margin-top: 3rem; color: #5a6474; font-size: .8rem; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, figure.diagram { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
"""

_XML_PROLOGUE = re.compile(r"^\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)


def escape(text: str) -> str:
    """HTML-escape user text (quotes too); line breaks become ``<br>``."""
    return "<br>".join(_escape(line, quote=True) for line in plain(text).split("\n"))


def to_html(
    blueprint: Blueprint,
    lang: str | None = None,
    findings: Iterable[FindingLike] | None = None,
    svg: str | None = None,
) -> str:
    """The whole document; ``svg`` (a standalone SVG document) is inlined as the diagram."""
    spec = build_spec(blueprint, lang, findings)
    words = spec.words
    html_lang = "zh-CN" if words.language == "zh" else "en"
    title = f"{spec.title_block.title} — {words('spec_title')}"
    body = "\n".join(
        part for part in (_block(block, svg, words("diagram")) for block in blocks(spec)) if part
    )
    footer = escape(words("exported_by", version=_version()))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="Blueprint Studio {escape(_version())}">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<main>\n{body}\n</main>\n<footer>{footer}</footer>\n</body>\n</html>\n"
    )


def _version() -> str:
    from blueprint_app import __version__

    return __version__


def _block(block: Block, svg: str | None, diagram_word: str) -> str:
    if isinstance(block, Heading):
        anchor = f' id="{escape(block.anchor)}"' if block.anchor else ""
        return f"<h{block.level}{anchor}>{escape(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        style = f' class="{block.style}"' if block.style else ""
        return f"<p{style}>{escape(block.text)}</p>"
    if isinstance(block, Fields):
        items = "".join(
            f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in block.items
        )
        return f'<dl class="fields">{items}</dl>'
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Diagram):
        if svg is None:
            return ""
        picture = _XML_PROLOGUE.sub("", svg, count=1)
        return (
            f'<h2 id="diagram">{escape(diagram_word)}</h2>\n'
            f'<figure class="diagram">{picture}</figure>'
        )
    raise TypeError(f"unknown block {block!r}")


def _table(table: Table) -> str:
    style = f' class="{table.style}"' if table.style else ""
    head = "".join(f"<th>{escape(cell)}</th>" for cell in table.header)
    rows = "\n".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>"
        for cells in table.rows
    )
    return f"<table{style}>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"
