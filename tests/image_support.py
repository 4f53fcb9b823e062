"""Helpers for the picture tests: reading SVG text, PNG pixels and PDF text with outside tools."""

from __future__ import annotations

import io
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pikepdf
from PySide6.QtGui import QImage

SVG_NS = "{http://www.w3.org/2000/svg}"


def svg_texts(svg: bytes) -> list[str]:
    """The strings of every <text> element, in document order (parsing fails on bad XML)."""
    root = ET.fromstring(svg)
    return ["".join(node.itertext()) for node in root.iter(f"{SVG_NS}text")]


def joined(texts: list[str]) -> str:
    return " ".join(" ".join(texts).split())


def png_image(data: bytes) -> QImage:
    image = QImage.fromData(data, "PNG")
    assert not image.isNull(), "not a PNG"
    return image


def ink(image: QImage) -> int:
    """How many sampled pixels are neither white nor transparent (a blank image has none)."""
    count = 0
    step = max(1, min(image.width(), image.height()) // 200)
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colour = image.pixelColor(x, y)
            if colour.alpha() > 0 and (colour.red(), colour.green(), colour.blue()) != (
                255,
                255,
                255,
            ):
                count += 1
    return count


def rsvg_png(svg_path: Path, out: Path) -> QImage:
    """The SVG drawn by librsvg, an SVG renderer independent of Qt."""
    subprocess.run(
        ["rsvg-convert", str(svg_path), "-o", str(out)], check=True, timeout=60, capture_output=True
    )
    return png_image(out.read_bytes())


def pdf_info(path: Path) -> dict[str, str]:
    result = subprocess.run(
        ["pdfinfo", str(path)], check=True, capture_output=True, text=True, timeout=60
    )
    return {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in result.stdout.splitlines())
    }


def pdf_text(path: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    return result.stdout


def pdf_text_maps(pdf: bytes) -> list[bytes]:
    """Every font's ToUnicode CMap, read through pikepdf (whatever the streams' filters)."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return [
            font.ToUnicode.read_bytes()
            for font in document.objects
            if isinstance(font, pikepdf.Dictionary) and "/ToUnicode" in font
        ]


def pdf_destinations(pdf: bytes) -> set[str]:
    """Every character a glyph is named by in the PDF's text maps."""
    names: set[str] = set()
    for cmap in pdf_text_maps(pdf):
        for section in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
            for line in section.splitlines():
                codes = re.findall(rb"<([0-9A-F]+)>", line)
                if "[" in line.decode():
                    names.update(chr(int(code, 16)) for code in codes[2:])
                elif len(codes) == 3:
                    low, high, start = (int(code, 16) for code in codes)
                    names.update(chr(start + step) for step in range(high - low + 1))
    assert names, "no text maps found: the check would pass on nothing"
    return names
