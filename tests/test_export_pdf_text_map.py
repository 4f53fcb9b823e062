"""Chinese copied out of an exported PDF is the Chinese typed, and the mended file stays sound.

Qt names the glyph 入 shares with the Kangxi radical ⼊ by the radical (and 胶's by the rare
㬵, the space's by the tab); the exporter renames such glyphs in the PDF's text maps through
pikepdf. The qpdf command checks the file's structure, and poppler's pdftotext reads the text
back. A PDF or a map not in the form Qt writes raises instead of going out unmended.
"""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

from blueprint_app.export.formats import export_bytes
from blueprint_app.export.options import ExportOptions
from blueprint_app.export.pdf_text_map import TextMapError, remap_cmap, remap_text
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.model.factory import new_blueprint
from blueprint_app.pictures import image
from blueprint_app.storage import load
from tests.image_support import pdf_destinations as _destinations
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
def test_what_is_not_a_sound_pdf_is_reported(broken: bytes) -> None:
    with pytest.raises(TextMapError, match="not a PDF as Qt writes it"):
        remap_text(broken, {RADICAL_IN: IDEOGRAPH_IN})


def _edited(pdf: bytes, edit: Callable[[pikepdf.Pdf], None]) -> bytes:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        edit(document)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()


def _first_type0(document: pikepdf.Pdf) -> pikepdf.Dictionary:
    return next(
        font
        for font in document.objects
        if isinstance(font, pikepdf.Dictionary) and font.get("/Subtype") == "/Type0"
    )


def test_a_font_without_a_text_map_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = _qt_pdf(new_blueprint("入住"), monkeypatch)

    def drop(document: pikepdf.Pdf) -> None:
        del _first_type0(document).ToUnicode

    with pytest.raises(TextMapError, match="has no ToUnicode stream"):
        remap_text(_edited(raw, drop), {RADICAL_IN: IDEOGRAPH_IN})


def test_a_font_kind_qt_does_not_write_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = _qt_pdf(new_blueprint("入住"), monkeypatch)

    def simple_font(document: pikepdf.Pdf) -> None:
        _first_type0(document).Subtype = pikepdf.Name.TrueType

    with pytest.raises(TextMapError, match="is /TrueType, not a Type0 font"):
        remap_text(_edited(raw, simple_font), {RADICAL_IN: IDEOGRAPH_IN})


def test_a_text_map_in_a_form_qt_does_not_write_is_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = _qt_pdf(new_blueprint("入住"), monkeypatch)

    def names_instead_of_codes(document: pikepdf.Pdf) -> None:
        text_map = _first_type0(document).ToUnicode
        text_map.write(
            text_map.read_bytes().replace(b"endbfrange", b"<0001> <0002> /A\nendbfrange")
        )

    with pytest.raises(TextMapError, match="unexpected b'/A"):
        remap_text(_edited(raw, names_instead_of_codes), {RADICAL_IN: IDEOGRAPH_IN})


@pytest.mark.parametrize(
    ("cmap", "complaint"),
    [
        (b"begincmap\nendcmap\n", "without bfchar or bfrange"),
        (b"1 beginbfchar\n<0001>\nendbfchar\n", "without a destination"),
        (b"1 beginbfchar\n<0001> [<2F0A>]\nendbfchar\n", "an array in a bfchar"),
        (b"1 beginbfrange\n<0001> <0002> [<2F0A>\nendbfrange\n", "without its \\]"),
        (b"1 beginbfrange\n<0001> <0002> [[<2F0A>]]\nendbfrange\n", "inside a bfrange array"),
        (b"1 beginbfrange\n<0003> <0001> <2F0A>\nendbfrange\n", "down to"),
        (b"1 beginbfrange\n<0001> <0002>\nendbfrange\n", "cut short"),
        (b"1 beginbfrange\n<0001> <0002> <2F0A> ]\nendbfrange\n", "where a code belongs"),
        (b"1 beginbfrange\n<0001> <0002> (A)\nendbfrange\n", "unexpected"),
        (b"1 beginbfchar\n<0001> <2F0A> % note\nendbfchar\n", "unexpected"),
    ],
)
def test_a_map_this_parser_does_not_know_is_reported(cmap: bytes, complaint: str) -> None:
    with pytest.raises(TextMapError, match=complaint):
        remap_cmap(cmap, {RADICAL_IN: IDEOGRAPH_IN})


def test_mending_is_deterministic_and_leaves_the_drawing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same input gives the same bytes (no random /ID), and only the text maps change."""
    raw = _qt_pdf(new_blueprint("入住"), monkeypatch)
    names = {RADICAL_IN: IDEOGRAPH_IN, 0x09: 0x20}  # Noto names its space glyph by the tab
    mended = remap_text(raw, names)
    assert mended == remap_text(raw, names) and mended != raw
    with pikepdf.open(io.BytesIO(raw)) as before, pikepdf.open(io.BytesIO(mended)) as after:
        assert [page.Contents.read_raw_bytes() for page in before.pages] == [
            page.Contents.read_raw_bytes() for page in after.pages
        ]
        assert before.trailer.ID[0] == after.trailer.ID[0]
        assert before.Root.Metadata.read_raw_bytes() == after.Root.Metadata.read_raw_bytes()
    assert "\t" in _destinations(raw)
    assert "\t" not in _destinations(mended) and " " in _destinations(mended)


# what Qt names 入, 户 and 胶 by with a font that shares their glyphs (as Noto Sans CJK does)
LOOK_ALIKES = {0x5165: 0x2F0A, 0x6237: 0x2F3E, 0x80F6: 0x3B35}  # ⼊, ⼾, 㬵


def test_chinese_copied_out_of_a_pdf_is_the_chinese_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whichever font this machine has: a PDF named as a glyph-sharing font makes Qt name it
    reads ⼊住 客⼾ 㬵囊 in pdftotext until mended, and the typed text after."""
    typed = "入住 客户 胶囊"
    raw = _qt_pdf(new_blueprint(typed), monkeypatch)

    def as_a_sharing_font_names_it(document: pikepdf.Pdf) -> None:
        for font in document.objects:
            if isinstance(font, pikepdf.Dictionary) and "/ToUnicode" in font:
                font.ToUnicode.write(remap_cmap(font.ToUnicode.read_bytes(), LOOK_ALIKES))

    shared = tmp_path / "shared.pdf"
    shared.write_bytes(_edited(raw, as_a_sharing_font_names_it))
    assert "⼊住 客⼾ 㬵囊" in pdf_text(shared)
    mended = tmp_path / "mended.pdf"
    mended.write_bytes(remap_text(shared.read_bytes(), {v: k for k, v in LOOK_ALIKES.items()}))
    assert typed in pdf_text(mended)
    _qpdf_check(mended)
    _xref_points_at_objects(mended.read_bytes())
    exported = tmp_path / "exported.pdf"  # and the exporter's own, with this machine's font
    exported.write_bytes(export_bytes(new_blueprint(typed), "pdf"))
    assert typed in pdf_text(exported)
