"""The export dialog's preview: the picture as it will be exported, or the text's beginning.

Drawn by an :class:`ExportJob` off the window's thread, so a large blueprint never freezes the
dialog; a new request stops the one under way, and only the newest result is shown.
"""

from __future__ import annotations

import base64
import math
import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QImage, QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from blueprint_app.export.formats import FORMATS
from blueprint_app.export.options import ExportOptions
from blueprint_app.export.pipeline import PICTURES, export_document
from blueprint_app.export.progress import Progress, part
from blueprint_app.export.scope import ImageOptionError
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.ui.export.export_job import ExportJob
from blueprint_app.ui.qt_util import plain_label

DEBOUNCE_MS = 150
TEXT_LIMIT = 20_000  # characters of a text export shown; the file holds all of it
PAGE_LIMIT = 3_000_000  # characters of an HTML page shown, its diagram included
MAX_PREVIEW_PIXELS = 6000  # the longest side of a preview image, for very long blueprints
BOX = QSize(560, 400)
SUPERSAMPLE = 2


@dataclass
class PreviewResult:
    """A drawn preview: ``image`` for pictures, ``text`` for the rest; ``size`` is the picture's
    in canvas units; ``problem`` says why it cannot be exported as chosen."""

    image: QImage | None = None
    text: str | None = None
    size: QSizeF | None = None
    length: int = 0
    problem: str | None = None
    too_large: bool = False  # the PNG at the chosen scale: the picture still previews

    @property
    def blocks(self) -> bool:
        return self.problem is not None or self.too_large


def preview_scale(size: QSizeF, box: QSize) -> float:
    """Fit the box; a picture far wider (or taller) than the box instead fills its height (or
    width) and scrolls, so a long blueprint is not shrunk to a hairline."""
    fit = min(box.width() / size.width(), box.height() / size.height(), 1.0)
    if size.width() * fit < box.width() / 3 or size.height() * fit < box.height() / 3:
        fit = min(
            1.0,
            max(
                box.height() / size.height()
                if size.width() > size.height()
                else box.width() / size.width(),
                fit,
            ),
        )
        fit = min(fit, MAX_PREVIEW_PIXELS / max(size.width(), size.height()))
    return fit


def draw_preview(
    blueprint: Blueprint,
    format_name: str,
    options: ExportOptions,
    box: QSize,
    ratio: float,
    progress: Progress,
) -> PreviewResult:
    """What the preview shows (runs on the job's thread: no widgets here)."""
    from blueprint_app.pictures.image import compose, pixel_size, to_image

    try:
        if format_name not in PICTURES:
            # a workbook is no text to show: its table is the CSV's, shown instead
            shown = "csv" if format_name == "xlsx" else format_name
            data = export_document(blueprint, FORMATS[shown], options, progress)
            text = data.decode("utf-8-sig", errors="replace")
            if format_name == "html":  # shown as a page: cut only past the page limit
                page = page_html(text)
                if len(page) > PAGE_LIMIT:
                    page = page_html(text, picture=False)
                return PreviewResult(text=page[:PAGE_LIMIT], length=len(data))
            return PreviewResult(text=text[:TEXT_LIMIT], length=len(data))
        picture = compose(blueprint, options, part(progress, 0.0, 0.8))
        too_large = False
        if format_name == "png":
            try:
                pixel_size(picture.size, options.scale)
            except ImageOptionError:
                too_large = True
        scale = preview_scale(picture.size, box) * ratio
        try:
            # drawn twice as large and shrunk smoothly: small text stays legible as grey
            large = to_image(
                picture,
                scale * SUPERSAMPLE,
                transparent=options.transparent,
                progress=part(progress, 0.8, 1.0),
            )
        finally:
            picture.dispose()
        image = large.scaled(
            large.size() / SUPERSAMPLE,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        image.setDevicePixelRatio(ratio)
        return PreviewResult(image=image, size=picture.size, too_large=too_large)
    except ImageOptionError as error:
        return PreviewResult(problem=str(error))


class PreviewPane(QWidget):
    """Shows :class:`PreviewResult`s; ``shown`` fires when :attr:`result` is new."""

    shown = Signal()

    def __init__(self, blueprint: Blueprint, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blueprint = blueprint
        self.result: PreviewResult | None = None
        self._job: ExportJob | None = None
        self._wanted: tuple[str, ExportOptions] | None = None
        self._generation = 0  # of the newest request: older results are not shown
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)
        self.picture = QLabel()
        self.picture.setObjectName("exportPreviewImage")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture_area = QScrollArea()
        self.picture_area.setWidget(self.picture)
        self.picture_area.setWidgetResizable(True)
        self.picture_area.setMinimumSize(BOX + QSize(4, 4))
        self.text = QPlainTextEdit()
        self.text.setObjectName("exportPreviewText")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.text.setFont(QFont(fixed.family(), max(fixed.pointSize(), 9)))
        self.page = QTextBrowser()  # the HTML spec as a page, not its source
        self.page.setObjectName("exportPreviewPage")
        self.page.setOpenLinks(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.picture_area)
        self.stack.addWidget(self.text)
        self.stack.addWidget(self.page)
        self.status = plain_label()
        self.status.setObjectName("exportPreviewStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)

    @property
    def busy(self) -> bool:
        return self._job is not None or self._timer.isActive()

    def request(self, format_name: str, options: ExportOptions) -> None:
        """Draw this preview soon; a drawing under way is stopped."""
        self._wanted = (format_name, options)
        self._generation += 1
        if self._job is not None:
            self._job.cancel()
        self.status.setText(self.tr("Drawing the preview…"))
        self._timer.start()

    def _start(self) -> None:
        if self._job is not None or self._wanted is None:
            return  # the running job's end starts the next one
        format_name, options = self._wanted
        self._wanted = None
        box = self.picture_area.viewport().size().boundedTo(BOX * 2).expandedTo(BOX / 2)
        ratio = max(1.0, self.devicePixelRatioF())
        blueprint = self.blueprint
        generation = self._generation
        job = ExportJob(
            lambda progress: draw_preview(blueprint, format_name, options, box, ratio, progress)
        )
        job.succeeded.connect(lambda result: self._show(result, format_name, options, generation))
        job.failed.connect(lambda message: self._failed(message, generation))
        job.finished.connect(lambda: self._ended(job))
        self._job = job
        job.start()

    def _ended(self, job: ExportJob) -> None:
        job.wait()
        job.deleteLater()
        if self._job is job:
            self._job = None
        if self._wanted is not None:
            self._timer.start()

    def _failed(self, message: str, generation: int) -> None:
        if generation != self._generation:
            return
        self.result = PreviewResult()
        self.status.setText(
            self.tr("The preview could not be drawn: {reason}").format(reason=message)
        )
        self._warn(False)
        self.shown.emit()

    def _show(
        self, result: PreviewResult, format_name: str, options: ExportOptions, generation: int
    ) -> None:
        if generation != self._generation:
            return  # already out of date
        self.result = result
        if result.image is not None:
            self.picture.setPixmap(QPixmap.fromImage(result.image))
            self.stack.setCurrentWidget(self.picture_area)
        elif result.text is not None and format_name == "html":
            self.page.setHtml(result.text)
            self.stack.setCurrentWidget(self.page)
        elif result.text is not None:
            self.text.setPlainText(result.text)
            self.stack.setCurrentWidget(self.text)
        else:
            self.picture.clear()
            self.stack.setCurrentWidget(self.picture_area)
        self.status.setText(self.describe(result, format_name, options))
        self._warn(result.blocks)
        self.shown.emit()

    def show_problem(self, text: str) -> None:
        """Options that cannot work, found before drawing: say so instead of a preview."""
        self._timer.stop()
        self._wanted = None
        self._generation += 1
        if self._job is not None:
            self._job.cancel()
        self.result = PreviewResult(problem=text)
        self.picture.clear()
        self.stack.setCurrentWidget(self.picture_area)
        self.status.setText(text)
        self._warn(True)

    def _warn(self, on: bool) -> None:
        self.status.setStyleSheet("color: #b3261e;" if on else "")

    def describe(self, result: PreviewResult, format_name: str, options: ExportOptions) -> str:
        """One line under the preview: the output's size, or what stops it."""
        if result.problem:
            return result.problem
        if result.too_large and result.size is not None:
            return self.tr(
                "At this scale the image would be {width} × {height} pixels, too "
                "large to make; choose a smaller scale, or export SVG or PDF."
            ).format(
                width=f"{math.ceil(result.size.width() * options.scale):,}",
                height=f"{math.ceil(result.size.height() * options.scale):,}",
            )
        if result.text is not None:
            return self.tr("{size} KB").format(size=f"{max(1, round(result.length / 1024)):,}")
        if result.size is None:
            return ""
        width, height = result.size.width(), result.size.height()
        if format_name == "png":
            return self.tr("{width} × {height} pixels").format(
                width=f"{math.ceil(width * options.scale):,}",
                height=f"{math.ceil(height * options.scale):,}",
            )
        if format_name == "pdf" and options.page:
            return self.tr("One {page} landscape page").format(page=options.page)
        if format_name == "pdf":
            return self.tr("One page, {width} × {height} mm").format(
                width=f"{width * 25.4 / 96:,.0f}", height=f"{height * 25.4 / 96:,.0f}"
            )
        return self.tr("Vector drawing, {width} × {height}").format(
            width=f"{math.ceil(width):,}", height=f"{math.ceil(height):,}"
        )

    def stop(self) -> None:
        """Stop drawing and wait for the job: the dialog is closing."""
        self._timer.stop()
        self._wanted = None
        self._generation += 1
        job = self._job
        if job is not None:
            job.cancel()
            job.wait()
            self._job = None


_INLINE_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


def page_html(html: str, picture: bool = True) -> str:
    """The spec's HTML as Qt's rich text can show it: its inline SVG diagram (which Qt's text
    engine would print as loose words) as an image of the same SVG, or without ``picture`` a
    line saying the file holds it."""

    def image(match: re.Match[str]) -> str:
        if not picture:
            note = QCoreApplication.translate("ExportPreview", "(the diagram is in the file)")
            return f"<p><i>{note}</i></p>"
        data = base64.b64encode(match.group(0).encode("utf-8")).decode("ascii")
        return f'<p><img src="data:image/svg+xml;base64,{data}" width="640"></p>'

    return _INLINE_SVG.sub(image, html)
