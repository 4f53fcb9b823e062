"""The table of export formats: name → file extensions and the function that writes it.

The command line and the editor's File > Export… look formats up here. The pictures (PNG, SVG,
PDF) are drawn by a backend loaded by name (:mod:`blueprint_app.export.picture_backend`), so this
module and the text exports stay Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from blueprint_app.export.bpmn import to_bpmn
from blueprint_app.export.csv import to_csv
from blueprint_app.export.html import to_html
from blueprint_app.export.markdown import to_markdown
from blueprint_app.export.mermaid import to_mermaid
from blueprint_app.export.options import ExportOptions
from blueprint_app.export.picture_backend import picture_backend
from blueprint_app.export.xlsx import to_xlsx
from blueprint_app.model.blueprint import Blueprint

Exporter = Callable[[Blueprint, ExportOptions], bytes]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    extensions: tuple[str, ...]  # the first is used when writing NAME.EXT into a folder
    description: str
    export: Exporter


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def _picture(kind: str) -> Exporter:
    """An exporter that loads the pictures' backend (and so Qt) only when a picture is asked for."""

    def export(blueprint: Blueprint, options: ExportOptions) -> bytes:
        return picture_backend().render_picture(blueprint, kind, options)

    return export


FORMATS: dict[str, ExportFormat] = {
    fmt.name: fmt
    for fmt in (
        ExportFormat(
            "md",
            (".md", ".markdown"),
            "process specification, Markdown",
            lambda bp, o: _utf8(to_markdown(bp, o.lang, o.findings)),
        ),
        ExportFormat(
            "html",
            (".html", ".htm"),
            "process specification, self-contained HTML",
            lambda bp, o: _utf8(to_html(bp, o.lang, o.findings, o.svg)),
        ),
        ExportFormat(
            "csv",
            (".csv",),
            "one row per step, UTF-8 with BOM for spreadsheets",
            lambda bp, o: _utf8(to_csv(bp, o.lang)),
        ),
        ExportFormat(
            "bpmn",
            (".bpmn", ".bpmn20.xml"),
            "BPMN 2.0 XML with diagram layout",
            lambda bp, o: _utf8(to_bpmn(bp)),
        ),
        ExportFormat(
            "mmd",
            (".mmd", ".mermaid"),
            "Mermaid flowchart text",
            lambda bp, o: _utf8(to_mermaid(bp)),
        ),
        ExportFormat(
            "xlsx",
            (".xlsx",),
            "one row per step as an Excel workbook, the CSV's columns",
            lambda bp, o: to_xlsx(bp, o.lang),
        ),
        ExportFormat(
            "png", (".png",), "picture, PNG (--scale or --dpi, --transparent)", _picture("png")
        ),
        ExportFormat("svg", (".svg",), "picture, SVG with text kept as text", _picture("svg")),
        ExportFormat(
            "pdf", (".pdf",), "picture, vector PDF (one page; --page A4|A3|Letter)", _picture("pdf")
        ),
    )
}


def format_for_path(path: str | Path) -> ExportFormat | None:
    """The format whose extension ends the file name (case-insensitive), if any."""
    name = Path(path).name.lower()
    matches = [
        (len(ext), fmt)
        for fmt in FORMATS.values()
        for ext in fmt.extensions
        if name.endswith(ext) and len(name) > len(ext)
    ]
    return max(matches, key=lambda match: match[0])[1] if matches else None


def export_bytes(
    blueprint: Blueprint, format_name: str, options: ExportOptions | None = None
) -> bytes:
    """The exported file's bytes; ``KeyError`` for an unknown format name."""
    return FORMATS[format_name].export(blueprint, options or ExportOptions())
