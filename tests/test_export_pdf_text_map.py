"""Chinese copied out of an exported PDF is the Chinese typed, and the mended file stays sound.

Qt names the glyph 入 shares with the Kangxi radical ⼊ by the radical (and 胶's by the rare
㬵, the space's by the tab); the exporter renames such glyphs in the PDF's text maps. qpdf checks the file's structure independently of the
writer, and poppler's pdftotext reads the text back.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from blueprint_app.export.formats import export_bytes
from blueprint_app.export.options import ExportOptions
from blueprint_app.export.pdf_text_map import remap_cmap, remap_text
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.model.factory import new_blueprint
from blueprint_app.pictures import image
from blueprint_app.storage import load
from tests.image_support import pdf_text

ROOT = Path(__file__).parent.parent
CHINESE = ROOT / "resources" / "templates" / "hotel-stay.zh-CN.blueprint.json"
ENGLISH = ROOT / "resources" / "examples" / "hotel-stay.blueprint.json"
RADICAL_IN, IDEOGRAPH_IN = 0x2F0A, 0x5165  # ⼊ and 入

# as Qt writes a map (a space before "]"), with a bfchar section as other writers do
CMAP = b"""/CIDInit /ProcSet findresource begin
2 beginbfchar
<2F0A> <2F0A>
<0003> <D83DDE80>
endbfchar
4 beginbfrange
<0000> <0000> <0000>
<0001> <0003> [<6709> <2F0A> <2F00> ]
<0004> <0006> <2F09>
<0007> <0008> [<0046> <0009> ]
endbfrange
endcmap
"""


def test_destinations_are_renamed_and_glyph_codes_are_not() -> None:
    fixed = remap_cmap(CMAP, {RADICAL_IN: IDEOGRAPH_IN, 0x2F00: 0x4E00})
    assert b"<2F0A> <5165>\n" in fixed  # the source code 2F0A (a glyph number) stays
    assert b"<0003> <D83DDE80>" in fixed  # a surrogate pair is not a radical
    assert b"<0001> <0003> [<6709> <5165> <4E00> ]" in fixed  # spacing as it was
    # a run through a renamed radical becomes a list: ⼉ ⼊ ⼋ → ⼉ 入 ⼋
    assert b"<0004> <0006> [<2F09> <5165> <2F0B>]" in fixed
    assert b"<0000> <0000> <0000>" in fixed


def test_a_map_without_radicals_is_left_byte_for_byte() -> None:
    plain = CMAP.replace(b"2F", b"4E")
    assert remap_cmap(plain, {RADICAL_IN: IDEOGRAPH_IN}) == plain


def _qt_pdf(blueprint: Blueprint, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """What Qt's writer gives, before any renaming."""
    monkeypatch.setattr(image, "remap_text", lambda pdf, names: pdf)
    try:
        return export_bytes(blueprint, "pdf")
    finally:
        monkeypatch.undo()


def test_qts_pdf_with_nothing_to_rename_comes_back_byte_for_byte(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = _qt_pdf(load(ENGLISH), monkeypatch)
    assert b"/ToUnicode" in raw and b"<0009>" in raw  # Qt names the space glyph by the tab
    assert remap_text(raw, {RADICAL_IN: IDEOGRAPH_IN}) == raw
    assert remap_text(raw, {}) == raw


def _destinations(pdf: bytes) -> set[str]:
    """Every character a glyph is named by in the PDF's text maps."""
    names: set[str] = set()
    for section in re.findall(rb"beginbfrange(.*?)endbfrange", pdf, re.S):
        for line in section.splitlines():
            codes = re.findall(rb"<([0-9A-F]+)>", line)
            if "[" in line.decode():
                names.update(chr(int(code, 16)) for code in codes[2:])
            elif len(codes) == 3:
                low, high, start = (int(code, 16) for code in codes)
                names.update(chr(start + step) for step in range(high - low + 1))
    return names


def _qpdf_check(path: Path) -> None:
    result = subprocess.run(
        ["qpdf", "--check", str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr  # 2, 3: errors, warnings
    assert "No syntax or stream encoding errors" in result.stdout


def _xref_points_at_objects(pdf: bytes) -> None:
    """Each in-use xref entry gives the offset of exactly its own object."""
    table_at = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    assert pdf.startswith(b"xref", table_at)
    table = pdf[table_at : pdf.index(b"trailer", table_at)].decode()
    checked = 0
    for first, count, rows in re.findall(r"(\d+) (\d+)\n((?:\d{10} \d{5} [nf] ?\n?)+)", table):
        for number, row in enumerate(rows.split("\n")[: int(count)], start=int(first)):
            offset, _, kind = row.split()[:3]
            if kind == "n":
                assert pdf.startswith(b"%d 0 obj" % number, int(offset)), f"object {number}"
                checked += 1
    assert checked > 10


@pytest.mark.parametrize("page", [None, "A4"])
def test_exported_chinese_pdf_reads_back_as_typed(tmp_path: Path, page: str | None) -> None:
    path = tmp_path / "zh.pdf"
    data = export_bytes(load(CHINESE), "pdf", ExportOptions(page=page))
    path.write_bytes(data)
    text = pdf_text(path)
    assert "酒店入住一晚" in text and "顾客" in text and "工作日" in text
    assert not re.search("[\u2e80-\u2fdf]", text), "a radical stands in for an ideograph"
    assert "\t" not in _destinations(data), "a glyph named by the tab: spaces paste as tabs"
    _qpdf_check(path)
    _xref_points_at_objects(data)


def test_rare_look_alikes_are_named_by_the_common_ideograph(tmp_path: Path) -> None:
    """胶 shares its glyph with the rare 㬵 (U+3B35), 入 with the radical ⼊; ⺋ has only
    Extension A's 㔾 to share with."""
    blueprint = new_blueprint("胶囊 入住 一晚 ⺋")
    path = tmp_path / "rare.pdf"
    data = export_bytes(blueprint, "pdf")
    path.write_bytes(data)
    text = pdf_text(path)
    assert "胶囊 入住 一晚" in text
    assert "\u3b35" not in text and "\u2f0a" not in text
    assert "\u2e8b" not in _destinations(data)
    _qpdf_check(path)


def test_a_title_naming_startxref_still_gets_its_text_mended(tmp_path: Path) -> None:
    """Qt writes the title into the metadata as it is: the word appears twice in the file."""
    data = export_bytes(new_blueprint("startxref 入住"), "pdf")
    assert data.count(b"startxref") == 2
    path = tmp_path / "startxref.pdf"
    path.write_bytes(data)
    assert "startxref 入住" in pdf_text(path)
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


@pytest.mark.parametrize(
    "broken",
    [
        b"",
        b"%PDF-1.4\nnot a pdf",
        b"%PDF-1.4\nstartxref\n9\n%%EOF",
        b"/ToUnicode 5 0 R\nxref\n0 1\nzz\nstartxref\n17\n%%EOF\n",
    ],
)
def test_what_is_not_qts_pdf_comes_back_unchanged(broken: bytes) -> None:
    assert remap_text(broken, {RADICAL_IN: IDEOGRAPH_IN}) == broken
