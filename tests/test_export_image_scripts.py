"""Every script, not only Chinese, renders as real glyphs in PNG and PDF, emoji too.

The test command installs fonts-noto-core and fonts-noto-color-emoji; Qt takes each character
from the first family of render/style.py's list that has it, then from the system's fallback.
A character no font has draws a missing-glyph box, the same for every character: so each
character alone must draw an inked picture unlike the box and unlike its neighbours', and a
title drawn forwards must differ from the same letters backwards (boxes in any order look the
same), in Qt's own PNG and in the PDF as poppler draws it.
"""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from blueprint_app.export.formats import export_bytes
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.model.factory import new_blueprint
from blueprint_app.pictures.image import ensure_qt
from tests.image_support import ink, pdf_text, png_image
from tests.test_export_image_cjk import TOFU, _glyph

# distinct base letters of each script (no combining marks: alone, those draw a dotted circle)
SAMPLES = {
    "Arabic": "عربي",
    "Hebrew": "עברית",
    "Devanagari": "कखगघ",
    "Bengali": "কখগঘ",
    "Tamil": "கஙசஞ",
    "Thai": "กขคง",
    "Khmer": "កខគឃ",
    "Hangul": "한국어",
    "Kana": "ひらがカタ",
    "Greek": "Ελληνικά",
    "Cyrillic": "Русский",
    "Georgian": "ქართლი",
    "Armenian": "Հայերն",
    "Ethiopic": "ሀለሐመ",
    "Emoji": "🚀🙂🧾✅",
}
# scripts poppler reads back from Qt's PDF as the same characters; Qt maps Indic conjuncts and
# Khmer clusters to glyphs whose text is lost, so those are checked by their drawing only
EXTRACTABLE = [
    "Arabic",
    "Hebrew",
    "Thai",
    "Hangul",
    "Kana",
    "Greek",
    "Cyrillic",
    "Georgian",
    "Armenian",
]


@pytest.mark.parametrize("script", sorted(SAMPLES))
def test_each_character_draws_its_own_inked_glyph(script: str) -> None:
    ensure_qt()
    sample = SAMPLES[script]
    tofu = _glyph(TOFU)
    pictures = [_glyph(char) for char in sample]
    for char, picture in zip(sample, pictures, strict=True):
        assert ink(picture) > 10, f"{script} {char!r} drew nothing"
        assert picture != tofu, f"{script} {char!r} drew the missing-glyph box"
    assert len({bytes(picture.constBits()) for picture in pictures}) == len(set(sample)), (
        f"{script}: two different characters drew the same picture"
    )


def _titled(title: str) -> Blueprint:
    blueprint = new_blueprint(title)
    blueprint.scenario = title  # the second line of the title block carries it too
    return blueprint


def _png_title(title: str) -> QImage:
    image = png_image(export_bytes(_titled(title), "png"))
    return image.copy(QRect(0, 0, image.width(), 60))


@pytest.mark.parametrize("script", sorted(SAMPLES))
def test_png_title_draws_glyphs_not_boxes(script: str) -> None:
    sample = SAMPLES[script]
    drawn = _png_title(sample)
    backwards = _png_title(sample[::-1])
    assert ink(drawn) > 50
    assert drawn != backwards, f"{script} drew as boxes in the PNG title"


def _pdf_page(tmp_path: Path, title: str, name: str) -> QImage:
    """The PDF's top strip drawn by poppler (pdftoppm), a renderer independent of Qt."""
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(export_bytes(_titled(title), "pdf"))
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "96",
            "-png",
            "-singlefile",
            "-y",
            "0",
            "-H",
            "80",
            "-W",
            "900",
            str(pdf),
            str(tmp_path / name),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return png_image((tmp_path / f"{name}.png").read_bytes())


@pytest.mark.parametrize("script", sorted(SAMPLES))
def test_pdf_draws_glyphs_not_boxes(tmp_path: Path, script: str) -> None:
    sample = SAMPLES[script]
    drawn = _pdf_page(tmp_path, sample, "drawn")
    backwards = _pdf_page(tmp_path, sample[::-1], "backwards")
    assert ink(drawn) > 50
    assert drawn != backwards, f"{script} drew as boxes in the PDF"


def test_pdf_keeps_the_scripts_as_text(tmp_path: Path) -> None:
    path = tmp_path / "scripts.pdf"
    blueprint = new_blueprint("Scripts")
    blueprint.scenario = " ".join(SAMPLES[script] for script in EXTRACTABLE)
    path.write_bytes(export_bytes(blueprint, "pdf"))
    # NFKC folds the Arabic presentation forms poppler reports back to the letters typed
    text = unicodedata.normalize("NFKC", pdf_text(path))
    missing = [script for script in EXTRACTABLE if SAMPLES[script] not in text]
    assert not missing, f"not found as text in the PDF: {missing}"
