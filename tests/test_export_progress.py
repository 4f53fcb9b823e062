"""Exports say how far they are and stop when asked, having written nothing; pictures are
painted in bands that add up to exactly the one-piece picture."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from benchmarks.generate import generate_blueprint
from blueprint_app.export.formats import FORMATS, export_bytes
from blueprint_app.export.options import ExportOptions
from blueprint_app.export.pipeline import export_document
from blueprint_app.export.progress import ExportCancelled, part
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.pictures import image
from blueprint_app.pictures.image import compose, to_image
from blueprint_app.storage import load
from tests.conftest import DATA


@pytest.fixture
def coffee() -> Blueprint:
    return load(DATA / "coffee.blueprint.json")


def whole_paint(picture: image.Picture, width: int, height: int, scale: float) -> QImage:
    """The picture painted in one piece at ``scale``, as exports did before bands."""
    one = QImage(width, height, QImage.Format.Format_RGB32)
    one.fill(QColor("#ffffff"))
    painter = QPainter(one)
    image._hints(painter)
    source = picture.source
    picture.scene.render(
        painter,
        QRectF(0, 0, source.width() * scale, source.height() * scale),
        source,
        Qt.AspectRatioMode.IgnoreAspectRatio,
    )
    painter.end()
    return one


def differing_pixels(first: QImage, second: QImage) -> int:
    """Pixels that differ, leaving out the last row and column: there the one-piece paint stops
    at the picture's fractional edge while the bands fill the whole pixel."""
    assert first.size() == second.size()
    return sum(
        1
        for y in range(first.height() - 1)
        for x in range(first.width() - 1)
        if first.pixel(x, y) != second.pixel(x, y)
    )


@pytest.mark.parametrize("wide", [True, False])
def test_bands_add_up_to_the_picture_painted_whole(
    coffee: Blueprint, monkeypatch: pytest.MonkeyPatch, wide: bool
) -> None:
    monkeypatch.setattr(image, "CHUNK_PIXELS", 97)  # odd bands that cut through cards and text
    picture = compose(coffee, ExportOptions(badges=True))
    source = picture.source  # the same scene seen through a wide and through a tall window
    picture.source = (
        QRectF(source.left(), source.top(), source.width(), source.width() * 0.5)
        if wide
        else QRectF(source.left(), source.top(), source.height() * 0.6, source.height())
    )
    banded = to_image(picture, 0.75)
    assert (banded.width() > banded.height()) is wide
    whole = whole_paint(picture, banded.width(), banded.height(), 0.75)
    assert differing_pixels(banded, whole) == 0


def test_progress_rises_from_nothing_to_done(coffee: Blueprint) -> None:
    for name in ("png", "svg", "pdf", "md", "html", "csv", "bpmn", "mmd"):
        heard: list[float] = []
        data = export_document(coffee, FORMATS[name], ExportOptions(scale=2), heard.append)
        assert data, name
        assert heard[0] == 0.0 and heard[-1] == 1.0, name
        assert heard == sorted(heard), (name, heard)
        assert all(0.0 <= value <= 1.0 for value in heard), name


def test_a_large_png_reports_progress_band_by_band(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(image, "CHUNK_PIXELS", 256)
    blueprint = generate_blueprint(300)
    heard: list[float] = []
    data = export_document(blueprint, FORMATS["png"], ExportOptions(scale=0.5), heard.append)
    bands = -(-QImage.fromData(data).width() // 256)
    assert bands > 10
    assert len(set(heard)) > bands  # a step per band, not a jump from nothing to done


@pytest.mark.parametrize("name", ["png", "svg", "pdf", "html", "md"])
def test_a_cancelled_export_stops_and_writes_nothing(
    coffee: Blueprint, tmp_path: Path, name: str
) -> None:
    heard: list[float] = []

    def cancel_half_way(fraction: float) -> None:
        heard.append(fraction)
        if fraction >= 0.1:
            raise ExportCancelled

    target = tmp_path / f"coffee.{name}"
    with pytest.raises(ExportCancelled):
        target.write_bytes(export_document(coffee, FORMATS[name], ExportOptions(), cancel_half_way))
    assert not target.exists()
    assert heard[-1] < 1.0


def test_the_command_line_and_the_pipeline_write_the_same_bytes(coffee: Blueprint) -> None:
    for name in ("md", "csv", "bpmn", "mmd"):
        plain = export_bytes(coffee, name)
        assert export_document(coffee, FORMATS[name], ExportOptions()).startswith(plain[:40])


def test_part_maps_a_stage_into_its_share() -> None:
    heard: list[float] = []
    stage = part(heard.append, 0.2, 0.6)
    for fraction in (-1.0, 0.0, 0.5, 1.0, 2.0):
        stage(fraction)
    assert heard == pytest.approx([0.2, 0.2, 0.4, 0.6, 0.6])
