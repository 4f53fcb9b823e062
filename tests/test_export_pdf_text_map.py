"""Chinese copied out of an exported PDF is the Chinese typed, and the mended file stays sound.

Qt names the glyph 入 shares with the Kangxi radical ⼊ by the radical; the exporter renames
such glyphs in the PDF's text maps. qpdf checks the file's structure independently of the
writer, and poppler's pdftotext reads the text back.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from blueprint_app.export.formats import ExportOptions, export_bytes
from blueprint_app.export.pdf_text_map import remap_cmap, remap_text
from blueprint_app.storage import load
from tests.image_support import pdf_text

ROOT = Path(__file__).parent.parent
CHINESE = ROOT / "resources" / "templates" / "hotel-stay.zh-CN.blueprint.json"
RADICAL_IN, IDEOGRAPH_IN = 0x2F0A, 0x5165  # ⼊ and 入

CMAP = b"""/CIDInit /ProcSet findresource begin
2 beginbfchar
<2F0A> <2F0A>
<0003> <D83DDE80>
endbfchar
3 beginbfrange
<0000> <0000> <0000>
<0001> <0003> [<6709> <2F0A> <2F00>]
<0004> <0006> <2F09>
endbfrange
endcmap
"""


def test_destinations_are_renamed_and_glyph_codes_are_not() -> None:
    fixed = remap_cmap(CMAP, {RADICAL_IN: IDEOGRAPH_IN, 0x2F00: 0x4E00})
    assert b"<2F0A> <5165>\n" in fixed  # the source code 2F0A (a glyph number) stays
    assert b"<0003> <D83DDE80>" in fixed  # a surrogate pair is not a radical
    assert b"<0001> <0003> [<6709> <5165> <4E00>]" in fixed
    # a run through a renamed radical becomes a list: ⼉ ⼊ ⼋ → ⼉ 入 ⼋
    assert b"<0004> <0006> [<2F09> <5165> <2F0B>]" in fixed
    assert b"<0000> <0000> <0000>" in fixed


def test_a_map_without_radicals_is_left_byte_for_byte() -> None:
    plain = CMAP.replace(b"2F", b"4E")
    assert remap_cmap(plain, {RADICAL_IN: IDEOGRAPH_IN}) == plain


def _qpdf_check(path: Path) -> None:
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr  # 2, 3: errors, warnings
    assert "No syntax or stream encoding errors" in result.stdout


def _xref_points_at_objects(pdf: bytes) -> None:
    table_at = int(re.search(rb"startxref\s+(\d+)", pdf).group(1))  # type: ignore[union-attr]
    assert pdf.startswith(b"xref", table_at)
    entries = re.findall(rb"(\d{10}) \d{5} n", pdf[table_at:])
    assert entries
    for number, offset in enumerate(int(entry) for entry in entries):
        assert re.match(rb"\d+ 0 obj", pdf[offset:offset + 20]), f"entry {number + 1} is off"


@pytest.mark.parametrize("page", [None, "A4"])
def test_exported_chinese_pdf_reads_back_as_typed(tmp_path: Path, page: str | None) -> None:
    path = tmp_path / "zh.pdf"
    data = export_bytes(load(CHINESE), "pdf", ExportOptions(page=page))
    path.write_bytes(data)
    text = pdf_text(path)
    assert "酒店入住一晚" in text and "客户" in text and "工作日" in text
    assert not re.search("[\u2e80-\u2fdf]", text), "a radical stands in for an ideograph"
    _qpdf_check(path)
    _xref_points_at_objects(data)


def test_renaming_in_qts_pdf_keeps_it_sound(tmp_path: Path) -> None:
    """Renaming many glyphs (every radical to a longer run) moves every later object."""
    blueprint = load(CHINESE)
    original = export_bytes(blueprint, "pdf")
    every = [*range(0x0021, 0xD800), *range(0xE000, 0x10000)]  # all BMP but space, surrogates
    renamed = remap_text(original, dict.fromkeys(every, 0x4E00))
    assert renamed != original
    path = tmp_path / "renamed.pdf"
    path.write_bytes(renamed)
    _qpdf_check(path)
    _xref_points_at_objects(renamed)
    assert set(pdf_text(path).split()) <= {"一" * n for n in range(1, 200)}


@pytest.mark.parametrize("broken", [b"", b"%PDF-1.4\nnot a pdf", b"%PDF-1.4\nstartxref\n9\n%%EOF",
                                    b"/ToUnicode 5 0 R\nxref\n0 1\nzz\nstartxref\n17\n%%EOF\n"])
def test_what_is_not_qts_pdf_comes_back_unchanged(broken: bytes) -> None:
    assert remap_text(broken, {RADICAL_IN: IDEOGRAPH_IN}) == broken
