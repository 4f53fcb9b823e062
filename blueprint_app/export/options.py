"""The options of one export, shared by every format, the pictures' backend and the editor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from blueprint_app.export.spec import FindingLike


@dataclass(frozen=True)
class ExportOptions:
    """Everything an exporter may use; each format reads only what applies to it.

    ``findings`` are validation findings for the spec's summary (None: not checked);
    ``svg`` is the rendered diagram the HTML spec embeds (None: no picture).

    The pictures (png, svg, pdf) read the rest: ``scale`` (pixels per scene unit) or ``dpi``
    (scale = dpi / 96, and written into the PNG), a ``transparent`` background, the PDF
    ``page`` (None: one page the size of the diagram; "A4", "A3", "Letter": fitted landscape),
    the title block, the legend, validation ``badges`` (from ``findings``, or checked afresh),
    and the part shown: a ``selection`` of item ids and/or a ``phases`` range "A..B".
    """

    lang: str | None = None
    findings: Sequence[FindingLike] | None = None
    svg: str | None = None
    scale: float = 1.0
    dpi: float | None = None
    transparent: bool = False
    page: str | None = None
    title_block: bool = True
    legend: bool = True
    badges: bool = False
    selection: frozenset[str] | None = None
    phases: str | None = None
