"""Pictures of a blueprint: PNG, SVG and PDF from the very items the canvas draws.

One rendering path: render/ builds the static scene (lanes, phases, lines, cards, flows, notes);
this module adds the title block, legend and finding marks (export/image_decor.py) and paints
the scene onto a QImage, a QSvgGenerator or a QPdfWriter. It needs a Qt application but no
display: :func:`ensure_qt` picks the offscreen platform when no display is set.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QImageWriter,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsScene

import blueprint_app
from blueprint_app.export.options import ExportOptions
from blueprint_app.export.pdf_text_map import remap_text
from blueprint_app.export.picture_words import picture_words
from blueprint_app.export.progress import Progress, no_progress, part
from blueprint_app.export.scope import ImageOptionError, phase_range, scoped_copy
from blueprint_app.export.spec import _title_block
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.model.text import xml_text
from blueprint_app.pictures.decor import (
    LegendItem,
    TitleBlockItem,
    legend_groups,
    present_entries,
)
from blueprint_app.pictures.glyph_names import preferred_names
from blueprint_app.pictures.svg_fonts import fix_font_families
from blueprint_app.render import style
from blueprint_app.render.marks import place_marks
from blueprint_app.render.scene_builder import BlueprintItems, laid_out_copy, static_scene
from blueprint_app.validation import Finding, Severity, validate, worst_by_item

DECOR_GAP, PICTURE_MARGIN = 22.0, 24.0
SCREEN_DPI = 96.0
MAX_PIXELS = 400_000_000  # 1.6 GB of ARGB: beyond this, ask for a smaller scale
MAX_PDF_POINTS = 14_400.0  # the largest page side PDF readers accept (200 inches)
CHUNK_PIXELS = 2048  # pixels are painted in bands this wide: progress to report, a chance to stop
PAGES = {
    "a4": QPageSize.PageSizeId.A4,
    "a3": QPageSize.PageSizeId.A3,
    "letter": QPageSize.PageSizeId.Letter,
}
PAGE_MARGIN_MM = 10.0

_APP: list[QGuiApplication] = []  # the application this module created, kept alive


def ensure_qt() -> QGuiApplication:
    """The running Qt application, or a new one; offscreen when there is no display at all."""
    existing = QApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise RuntimeError(
            "a console-only QCoreApplication is running; pictures need fonts "
            "and painting, so create a QGuiApplication or QApplication instead"
        )
    if not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    style.quiet_font_fallback()
    app = QApplication([sys.argv[0] if sys.argv else "blueprint"])
    _APP.append(app)
    return app


@dataclass
class Picture:
    """A composed scene and the part of it to paint, in scene units."""

    scene: QGraphicsScene
    source: QRectF
    title: str
    description: str
    items: BlueprintItems  # owns the model objects the scene's items paint from

    @property
    def size(self) -> QSizeF:
        return self.source.size()

    def dispose(self) -> None:
        """Delete the scene now, on this thread: an export job's scene must not wait for
        Python's cycle collector, which may run on another thread."""
        if shiboken6.isValid(self.scene):
            self.scene.clear()
            shiboken6.delete(self.scene)


def compose(
    blueprint: Blueprint, options: ExportOptions | None = None, progress: Progress = no_progress
) -> Picture:
    """The export scene: the chosen part of the blueprint plus title block, legend, marks.

    ``progress`` hears the fraction done between stages and may raise ExportCancelled.
    """
    options = options or ExportOptions()
    ensure_qt()
    progress(0.0)
    shown = scoped_copy(laid_out_copy(blueprint), options.selection, options.phases)
    progress(0.1)
    scene = static_scene()
    items = BlueprintItems(scene, shown)
    try:
        items.build(part(progress, 0.1, 0.8))
        return _decorated(blueprint, options, progress, scene, items)
    except BaseException:  # stopped or failed: the scene goes now, on this thread
        Picture(scene, QRectF(), "", "", items).dispose()
        raise


def _decorated(
    blueprint: Blueprint,
    options: ExportOptions,
    progress: Progress,
    scene: QGraphicsScene,
    items: BlueprintItems,
) -> Picture:
    progress(0.8)
    if options.transparent:
        scene.setBackgroundBrush(Qt.BrushStyle.NoBrush)
    content = scene.itemsBoundingRect()
    words = picture_words(options.lang or blueprint.language)
    if options.badges:
        place_marks(
            scene,
            lambda item_id: items.cards.get(item_id) or items.flows.get(item_id),
            _worst(blueprint, options),
        )
        progress(0.9)
    if options.title_block:
        title = TitleBlockItem(blueprint.title, _fields(blueprint, options, words), content.width())
        title.setPos(content.left(), content.top() - title.height - DECOR_GAP)
        scene.addItem(title)
    if options.legend:
        legend = LegendItem(
            words["legend"],
            legend_groups(
                words,
                options.badges,
                present_entries(items.blueprint.steps, bool(items.order_lines)),
            ),
            max(content.width(), 560.0),
        )
        legend.setPos(content.left(), content.bottom() + DECOR_GAP)
        scene.addItem(legend)
    source = scene.itemsBoundingRect().adjusted(
        -PICTURE_MARGIN, -PICTURE_MARGIN, PICTURE_MARGIN, PICTURE_MARGIN
    )
    description = f"Service blueprint: {blueprint.title}"
    if blueprint.description:
        description += f". {' '.join(blueprint.description.split())}"
    progress(1.0)
    return Picture(scene, source, blueprint.title, description, items)


def _fields(
    blueprint: Blueprint, options: ExportOptions, words: dict[str, str]
) -> list[tuple[str, str]]:
    block = _title_block(blueprint)
    fields = [(words["customer"], block.customer), (words["scenario"], block.scenario)]
    if options.phases is not None:
        titles = {phase.id: phase.title for phase in blueprint.phases}
        ids = phase_range(blueprint, options.phases)
        shown = titles[ids[0]] if len(ids) == 1 else f"{titles[ids[0]]} – {titles[ids[-1]]}"
        fields.append((words["phases"], shown))
    if options.selection is not None:
        fields.append((words["selection"], "✓"))
    fields += [(words["date"], block.date), (words["version"], block.version)]
    return fields


def _worst(blueprint: Blueprint, options: ExportOptions) -> dict[str, Severity]:
    given: Sequence[Any] | None = options.findings
    findings: Iterable[Finding]
    if given is not None and all(isinstance(f, Finding) for f in given):
        findings = given
    else:
        findings = validate(blueprint, language=options.lang)
    return worst_by_item(findings)


# -- painting onto devices ---------------------------------------------------------------------


def _hints(painter: QPainter) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)


def _paint(picture: Picture, painter: QPainter, target: QRectF) -> None:
    _hints(painter)
    picture.scene.render(painter, target, picture.source, Qt.AspectRatioMode.KeepAspectRatio)


def _bytes(data: QByteArray) -> bytes:
    return bytes(data.data())


def pixel_size(size: QSizeF, scale: float = 1.0, dpi: float | None = None) -> QSize:
    """The image size of a picture ``size`` scene units large at ``scale`` (or ``dpi``);
    ImageOptionError when no image can be that large."""
    if dpi is not None:
        scale = dpi / SCREEN_DPI
    if not (scale > 0 and math.isfinite(scale)):
        raise ImageOptionError(f"the scale must be a positive number, not {scale:g}")
    width = max(1, math.ceil(size.width() * scale))
    height = max(1, math.ceil(size.height() * scale))
    if width * height > MAX_PIXELS or max(width, height) > 2**20:
        raise ImageOptionError(
            f"a {width} x {height} pixel image is too large; choose a smaller --scale or --dpi "
            f"(or export SVG or PDF, which have no pixel size)"
        )
    return QSize(width, height)


def to_image(
    picture: Picture,
    scale: float = 1.0,
    dpi: float | None = None,
    transparent: bool = False,
    progress: Progress = no_progress,
) -> QImage:
    """The picture as pixels: for PNG files, the editor's preview and Copy as image.

    Painted in bands of :data:`CHUNK_PIXELS` along the longer side, each the same mapping of
    scene to pixels as one whole paint, so ``progress`` hears (and may stop) a large image.
    """
    size = pixel_size(picture.size, scale, dpi)
    width, height = size.width(), size.height()
    if dpi is not None:
        scale = dpi / SCREEN_DPI
    # no alpha channel unless asked for: a smaller file, and a quarter faster to encode
    image = QImage(
        width,
        height,
        QImage.Format.Format_ARGB32_Premultiplied if transparent else QImage.Format.Format_RGB32,
    )
    if image.isNull():
        raise ImageOptionError(f"not enough memory for a {width} x {height} pixel image")
    image.fill(QColor(0, 0, 0, 0) if transparent else QColor("#ffffff"))
    dots_per_metre = round((dpi or SCREEN_DPI * scale) / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    try:
        _paint_bands(picture, painter, width, height, scale, progress)
    finally:
        painter.end()
    return image


def _paint_bands(
    picture: Picture, painter: QPainter, width: int, height: int, scale: float, progress: Progress
) -> None:
    """Paint at exactly ``scale`` in both directions (a stretch of even a fraction of a pixel
    would make Qt draw every glyph the slow way, twenty times slower), band by band."""
    _hints(painter)
    source = picture.source
    across = width >= height  # bands side by side along a wide picture, stacked on a tall one
    length = width if across else height
    per_pixel = 1.0 / scale
    bands = max(1, math.ceil(length / CHUNK_PIXELS))
    if bands > 2:  # each band asks where the items are: now an index pays for itself
        picture.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
    for band in range(bands):
        progress(band / bands)
        start, end = band * CHUNK_PIXELS, min(length, (band + 1) * CHUNK_PIXELS)
        if across:
            target = QRectF(start, 0, end - start, height)
            part_of = QRectF(
                source.left() + start * per_pixel,
                source.top(),
                (end - start) * per_pixel,
                height * per_pixel,
            )
        else:
            target = QRectF(0, start, width, end - start)
            part_of = QRectF(
                source.left(),
                source.top() + start * per_pixel,
                width * per_pixel,
                (end - start) * per_pixel,
            )
        picture.scene.render(painter, target, part_of, Qt.AspectRatioMode.IgnoreAspectRatio)
    progress(1.0)


def to_png(
    picture: Picture,
    scale: float = 1.0,
    dpi: float | None = None,
    transparent: bool = False,
    progress: Progress = no_progress,
) -> bytes:
    """PNG at ``scale`` pixels per scene unit (or ``dpi``, 96 = 1x), white or transparent."""
    # painting is about 40% of a large PNG, compressing it (one call, no progress) the rest
    image = to_image(picture, scale, dpi, transparent, part(progress, 0.0, 0.4))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise ImageOptionError(f"the PNG could not be written: {writer.errorString()}")
    buffer.close()
    return _bytes(data)


def to_svg(picture: Picture) -> bytes:
    """A standalone SVG 1.2 tiny document with a viewBox, title and description; text as text."""
    width = math.ceil(picture.size.width())
    height = math.ceil(picture.size.height())
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setResolution(round(SCREEN_DPI))
    generator.setTitle(picture.title)
    generator.setDescription(picture.description)
    painter = QPainter(generator)
    _paint(picture, painter, QRectF(0, 0, width, height))
    painter.end()
    buffer.close()
    # Qt writes control characters from user text raw, which no XML parser accepts; and a font
    # list with emoji fonts in it, which spaces digits out in librsvg
    return fix_font_families(xml_text(_bytes(data).decode("utf-8"))).encode("utf-8")


def to_pdf(picture: Picture, page: str | None = None) -> bytes:
    """One vector page: the diagram's own size (1 px = 0.75 pt), or fitted to a landscape
    A4, A3 or Letter page with 10 mm margins."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(picture.title)
    writer.setCreator(f"Blueprint Studio {blueprint_app.__version__}")
    writer.setPageLayout(_page_layout(picture, page))
    painter = QPainter(writer)
    area = QRectF(painter.viewport())
    source = picture.size
    fit = min(area.width() / source.width(), area.height() / source.height())
    width, height = source.width() * fit, source.height() * fit
    target = QRectF(
        area.left() + (area.width() - width) / 2,
        area.top() + (area.height() - height) / 2,
        width,
        height,
    )
    _paint(picture, painter, target)
    painter.end()
    buffer.close()
    return remap_text(_bytes(data), preferred_names())  # copied text reads as typed


def _page_layout(picture: Picture, page: str | None) -> QPageLayout:
    if page is None:
        points = QSizeF(picture.size.width() * 0.75, picture.size.height() * 0.75)
        shrink = min(1.0, MAX_PDF_POINTS / max(points.width(), points.height()))
        size = QPageSize(
            points * shrink, QPageSize.Unit.Point, "diagram", QPageSize.SizeMatchPolicy.ExactMatch
        )
        orientation = QPageLayout.Orientation.Portrait
        margins = QMarginsF(0, 0, 0, 0)
    else:
        page_id = PAGES.get(page.lower())
        if page_id is None:
            raise ImageOptionError(f"unknown page size {page!r}; choose A4, A3 or Letter")
        size = QPageSize(page_id)
        orientation = QPageLayout.Orientation.Landscape
        margins = QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM)
    return QPageLayout(size, orientation, margins, QPageLayout.Unit.Millimeter)


#: The share of each picture's time spent composing the scene, measured at 1,000-5,000 steps
#: (benchmarks/): the rest goes to painting and encoding.
COMPOSE_SHARE = {"png": 0.15, "svg": 0.4, "pdf": 0.45}


def render_picture(
    blueprint: Blueprint, kind: str, options: ExportOptions, progress: Progress = no_progress
) -> bytes:
    """The bytes of a ``png``, ``svg`` or ``pdf`` picture of ``blueprint`` (formats.py's rows).

    ``progress`` hears the fraction done and may raise ExportCancelled between stages.
    """
    if kind not in COMPOSE_SHARE:
        raise KeyError(kind)
    share = COMPOSE_SHARE[kind]
    picture = compose(blueprint, options, part(progress, 0.0, share))
    try:
        if kind == "png":
            data = to_png(
                picture, options.scale, options.dpi, options.transparent, part(progress, share, 1.0)
            )
        elif kind == "svg":
            data = to_svg(picture)
        else:
            data = to_pdf(picture, options.page)
    finally:
        picture.dispose()
    progress(1.0)
    return data


def diagram_svg(
    blueprint: Blueprint, lang: str | None = None, progress: Progress = no_progress
) -> str:
    """The SVG the HTML process spec embeds: no title block (the spec has one), with legend."""
    options = ExportOptions(lang=lang, title_block=False)
    picture = compose(blueprint, options, part(progress, 0.0, COMPOSE_SHARE["svg"]))
    try:
        data = to_svg(picture).decode("utf-8")
    finally:
        picture.dispose()
    progress(1.0)
    return data
