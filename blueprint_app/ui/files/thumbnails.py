"""Thumbnails of blueprint files, drawn by the same scene builder as the image exports.

A template picker shows each template as it will look; rendering one takes 10–30 ms, so images
are cached per file path and modification time (an edited file gets a fresh picture).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from blueprint_app.render.scene_builder import build_static_scene
from blueprint_app.storage import load

THUMB_WIDTH = 320
THUMB_HEIGHT = 150

_cache: dict[tuple[str, int], QImage] = {}


def render_thumbnail(path: Path, width: int = THUMB_WIDTH, height: int = THUMB_HEIGHT) -> QImage:
    """The whole blueprint in ``path`` scaled to fit ``width`` x ``height`` on white.

    Raises :class:`BlueprintFileError` for an unreadable file, like :func:`load`.
    """
    scene = build_static_scene(load(path))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(
        painter,
        QRectF(0, 0, width, height),
        scene.itemsBoundingRect(),
        Qt.AspectRatioMode.KeepAspectRatio,
    )
    painter.end()
    return image


def thumbnail(path: Path) -> QImage:
    """:func:`render_thumbnail`, remembered until the file changes."""
    key = (str(path.resolve()), path.stat().st_mtime_ns)
    if key not in _cache:
        _cache[key] = render_thumbnail(path)
    return _cache[key]
