"""One export as the command line and the editor both make it: the format's bytes, with the
validation summary the specifications carry and the diagram the HTML embeds.

Qt-free: the pictures (and the HTML's diagram) come from the backend loaded by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from blueprint_app.export.formats import ExportFormat
from blueprint_app.export.options import ExportOptions
from blueprint_app.export.picture_backend import picture_backend
from blueprint_app.export.progress import Progress, no_progress, part
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.validation import validate

PICTURES = ("png", "svg", "pdf")


def export_document(
    blueprint: Blueprint,
    fmt: ExportFormat,
    options: ExportOptions,
    progress: Progress = no_progress,
    note: Callable[[str], None] | None = None,
) -> bytes:
    """The bytes of ``blueprint`` in ``fmt``; ``progress`` may raise ExportCancelled.

    ``note`` hears of what was left out (the HTML's diagram when Qt cannot start here).
    """
    progress(0.0)
    if fmt.name in PICTURES:
        data = picture_backend().render_picture(blueprint, fmt.name, options, progress)
        progress(1.0)
        return data
    options = replace(options, findings=validate(blueprint, language=options.lang))
    progress(0.2)
    if fmt.name == "html":
        options = replace(
            options, svg=_diagram(blueprint, options.lang, part(progress, 0.2, 0.9), note)
        )
    data = fmt.export(blueprint, options)
    progress(1.0)
    return data


def _diagram(
    blueprint: Blueprint, lang: str | None, progress: Progress, note: Callable[[str], None] | None
) -> str | None:
    try:
        return picture_backend().diagram_svg(blueprint, lang, progress)
    except (ImportError, OSError, RuntimeError) as error:
        if note is not None:
            note(f"no diagram in the HTML (Qt could not draw it: {error})")
        return None
