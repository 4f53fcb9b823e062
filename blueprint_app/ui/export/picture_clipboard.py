"""Pictures on the clipboard: Edit > Copy as Image, and the export dialog's Copy.

A copied picture goes as a bitmap (every application takes one) and as SVG (vector editors and
some slide tools take that and keep it sharp). It is drawn by an :class:`ExportJob`, with the
progress dialog when it is slow.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication, QImage

from blueprint_app.export.options import ExportOptions
from blueprint_app.export.progress import Progress, part
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.ui.export.export_job import run_with_progress

if TYPE_CHECKING:
    from blueprint_app.ui.export.host import ExportHost

# Marks clipboard data this application made, so it can be taken back as the application quits.
PICTURE_MARKER = "application/x-blueprint-studio-picture"
SVG_TYPE = "image/svg+xml"
COPY_SCALE = 2.0  # sharp on high-density screens and projected slides
# Applications that take pasted pictures refuse (or choke on) larger bitmaps; the SVG beside
# the bitmap keeps every detail of a larger blueprint.
MAX_SIDE = 16_384
MAX_PIXELS = 50_000_000


def clipboard_scale(width: float, height: float, wanted: float) -> float:
    """``wanted``, or less so the bitmap stays within :data:`MAX_SIDE` and :data:`MAX_PIXELS`."""
    side = MAX_SIDE / max(width, height, 1.0)
    area = math.sqrt(MAX_PIXELS / max(width * height, 1.0))
    return min(wanted, side, area)


@dataclass
class ClipboardPicture:
    image: QImage
    svg: bytes


def draw_for_clipboard(
    blueprint: Blueprint, options: ExportOptions, scale: float, progress: Progress
) -> ClipboardPicture:
    """The picture as pixels (at ``scale``, or smaller for a huge blueprint) and as SVG (runs on
    an export job's thread)."""
    from blueprint_app.pictures.image import compose, to_image, to_svg

    picture = compose(blueprint, options, part(progress, 0.0, 0.4))
    scale = clipboard_scale(picture.size.width(), picture.size.height(), scale)
    try:
        image = to_image(
            picture, scale, transparent=options.transparent, progress=part(progress, 0.4, 0.9)
        )
        svg = to_svg(picture)
    finally:
        picture.dispose()
    progress(1.0)
    return ClipboardPicture(image, svg)


def put_on_clipboard(content: object) -> None:
    """A :class:`ClipboardPicture`, or an export's bytes as text."""
    clipboard = QGuiApplication.clipboard()
    if isinstance(content, ClipboardPicture):
        data = QMimeData()
        data.setImageData(content.image)
        data.setData(SVG_TYPE, content.svg)
        data.setData(PICTURE_MARKER, b"1")
        clipboard.setMimeData(data)
    elif isinstance(content, bytes):
        clipboard.setText(content.decode("utf-8-sig", errors="replace"))
    else:
        raise TypeError(f"cannot put {type(content).__name__} on the clipboard")


def copy_as_image(host: ExportHost) -> bool:
    """Edit > Copy as Image: the selected steps (or the whole blueprint) as they look on the
    canvas, without title block or legend, at twice the canvas size."""
    ids = host.selected_ids()
    blueprint = host.session.blueprint.model_copy(deep=True)
    options = ExportOptions(
        title_block=False, legend=False, selection=frozenset(ids) if ids else None
    )
    outcome = run_with_progress(
        host.window(),
        QCoreApplication.translate("PictureClipboard", "Copying the picture…"),
        lambda progress: draw_for_clipboard(blueprint, options, COPY_SCALE, progress),
    )
    status = host.statusBar()
    if outcome.error is not None:
        status.showMessage(
            QCoreApplication.translate(
                "PictureClipboard", "Cannot copy the picture: {reason}"
            ).format(reason=outcome.error),
            8000,
        )
        return False
    if not isinstance(outcome.result, ClipboardPicture):
        return False
    put_on_clipboard(outcome.result)
    image = outcome.result.image
    what = (
        QCoreApplication.translate("PictureClipboard", "the selection")
        if ids
        else QCoreApplication.translate("PictureClipboard", "the blueprint")
    )
    status.showMessage(
        QCoreApplication.translate(
            "PictureClipboard", "Copied a {width} × {height} picture of {what}"
        ).format(width=image.width(), height=image.height(), what=what),
        5000,
    )
    return True
