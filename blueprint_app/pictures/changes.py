"""The picture of a diff (``blueprint diff OLD NEW -o changes.png|svg|pdf``): NEW as
``blueprint export`` draws it, with its changes marked (render/change_marks.py) and a key.

Loaded by name from versions/cli.py, as export/ loads the pictures' backend.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter

from blueprint_app.export.options import ExportOptions
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.pictures.decor import Entry, LegendItem, Sample
from blueprint_app.pictures.image import DECOR_GAP, PICTURE_MARGIN, compose, to_pdf, to_png, to_svg
from blueprint_app.render import style
from blueprint_app.render.change_marks import COLOURS, place_change_marks
from blueprint_app.render.scene_builder import laid_out_copy
from blueprint_app.versions.diff import BlueprintDiff
from blueprint_app.versions.words import words


def _sample(status: str) -> Sample:
    def draw(painter: QPainter, box: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dashed = Qt.PenStyle.DashLine if status == "removed" else Qt.PenStyle.SolidLine
        painter.setPen(style.pen(COLOURS[status], 3.0 if status != "removed" else 2.0, dashed))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box.adjusted(3, 3, -3, -3), 4, 4)

    return draw


def status_by_id(changes: BlueprintDiff) -> dict[str, str]:
    """Each added or changed item id → ``added`` / ``changed``."""
    ids = changes.ids()
    return {**dict.fromkeys(ids["changed"], "changed"), **dict.fromkeys(ids["added"], "added")}


def render_changes(
    old: Blueprint, new: Blueprint, changes: BlueprintDiff, kind: str, lang: str | None
) -> bytes:
    """PNG, SVG or PDF bytes of ``new`` with what changed since ``old`` marked."""
    language = lang or new.language
    picture = compose(new, ExportOptions(lang=lang))
    try:
        removed = {item["id"] for items in changes.removed.values() for item in items}
        before = laid_out_copy(old)
        place_change_marks(
            picture.scene,
            picture.items,
            status_by_id(changes),
            [step for step in before.steps if step.id in removed],
            [flow for flow in before.flows if flow.id in removed],
        )
        w = words(language)
        entries = [Entry(w[f"key_{status}"], _sample(status)) for status in COLOURS]
        content = picture.scene.itemsBoundingRect()
        key = LegendItem(
            "",
            [(w["key_title"].format(old=f"“{old.title}”"), entries)],
            max(content.width(), 560.0),
        )
        key.setPos(QPointF(content.left(), content.bottom() + DECOR_GAP))
        picture.scene.addItem(key)
        margin = PICTURE_MARGIN
        picture.source = picture.scene.itemsBoundingRect().adjusted(
            -margin, -margin, margin, margin
        )
        if kind == "png":
            return to_png(picture)
        if kind == "svg":
            return to_svg(picture)
        return to_pdf(picture)
    finally:
        picture.dispose()
