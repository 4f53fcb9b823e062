"""Mend the text maps (ToUnicode CMaps) of a PDF Qt wrote, so copied text is the text typed.

A PDF names each drawn glyph by a character so readers can search and copy. Qt takes the lowest
code point the font draws with that glyph, and fonts share glyphs between look-alikes: Chinese
fonts draw a Kangxi radical (U+2F00…) and its ideograph with one glyph, so 入住 copied out of
a PDF read ⼊住 and searching for 入住 found nothing. :func:`remap_text` swaps such names for
the characters wanted (see image_glyph_names.py for which).

Qt writes each map as an uncompressed stream with a direct ``/Length`` and a classic xref
table; anything else is left as it is (the drawing is right either way). No Qt here: this
edits bytes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_TO_UNICODE = re.compile(rb"/ToUnicode\s+(\d+)\s+0\s+R")
_STREAM = re.compile(rb"(\d+)\s+0\s+obj\s*<<\s*/Length\s+(\d+)\s*>>\s*stream\r?\n")
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_SECTION = re.compile(rb"(begin(bfchar|bfrange)\b)(.*?)(\bend\2)", re.S)
_TOKEN = re.compile(rb"<([0-9A-Fa-f]*)>|\[|\]")
_HEX = re.compile(rb"<[0-9A-Fa-f]*>")


def remap_text(pdf: bytes, replacements: Mapping[int, int]) -> bytes:
    """``pdf`` with each text-map name in ``replacements`` (code point → code point) swapped.

    Only the characters a glyph stands for change; glyph codes, drawing and the rest of the
    file stay byte for byte, the cross-reference offsets moved to match.
    """
    if not replacements:
        return pdf
    xref = _xref(pdf)
    if xref is None:
        return pdf
    table_at, offsets = xref
    edits: list[tuple[int, int, bytes]] = []  # (start, end, new bytes) in the old file
    for number in sorted({int(match.group(1)) for match in _TO_UNICODE.finditer(pdf)}):
        edit = _edited_stream(pdf, offsets.get(number), replacements)
        if edit is not None:
            edits.append(edit)
    if not edits:
        return pdf
    return _spliced(pdf, sorted(edits), table_at)


def remap_cmap(cmap: bytes, replacements: Mapping[int, int]) -> bytes:
    """One ToUnicode CMap with its destination characters swapped (source codes untouched)."""

    def section(match: re.Match[bytes]) -> bytes:
        body = match.group(3)
        fixed = (
            _bfchar(body, replacements)
            if match.group(2) == b"bfchar"
            else _bfrange(body, replacements)
        )
        return match.group(1) + fixed + match.group(4)

    return _SECTION.sub(section, cmap)


def _hex(code: int) -> bytes:
    return b"<%04X>" % code


def _swap(token: bytes, replacements: Mapping[int, int]) -> bytes:
    """A destination token ``<XXXX>``, swapped when it names one BMP character to replace."""
    digits = token[1:-1]
    if len(digits) == 4:
        wanted = replacements.get(int(digits, 16))
        if wanted is not None and wanted <= 0xFFFF:
            return _hex(wanted)
    return token


def _bfchar(body: bytes, replacements: Mapping[int, int]) -> bytes:
    """``<src> <dst>`` pairs: every second hex token is a destination."""
    position = 0

    def swap_destination(match: re.Match[bytes]) -> bytes:
        nonlocal position
        position += 1
        return _swap(match.group(0), replacements) if position % 2 == 0 else match.group(0)

    return _HEX.sub(swap_destination, body)


def _bfrange(body: bytes, replacements: Mapping[int, int]) -> bytes:
    """``<lo> <hi> <dst>`` or ``<lo> <hi> [<dst> …]`` entries, one per line as Qt writes them."""
    lines = []
    for line in body.split(b"\n"):
        tokens = [match.group(0) for match in _TOKEN.finditer(line)]
        if len(tokens) < 3 or tokens[0] in (b"[", b"]") or tokens[1] in (b"[", b"]"):
            lines.append(line)  # blank, or not an entry this knows: kept as it is
            continue
        low, high = int(tokens[0][1:-1], 16), int(tokens[1][1:-1], 16)
        if tokens[2] == b"[":
            if tokens[-1] != b"]":
                lines.append(line)  # an array running over lines: not Qt's, kept
                continue
            seen = 0

            def swap_listed(match: re.Match[bytes]) -> bytes:
                nonlocal seen
                seen += 1  # the first two are the glyph codes
                return match.group(0) if seen <= 2 else _swap(match.group(0), replacements)

            lines.append(_HEX.sub(swap_listed, line))  # in place: spacing kept as Qt wrote it
            continue
        start = tokens[2][1:-1]
        run = [int(start, 16) + step for step in range(high - low + 1)] if len(start) == 4 else []
        if not any(code in replacements for code in run):
            lines.append(line)
            continue
        names = [_swap(_hex(code), replacements) for code in run]  # the run breaks: list it
        lines.append(b"%s %s [%s]" % (tokens[0], tokens[1], b" ".join(names)))
    return b"\n".join(lines)


def _xref(pdf: bytes) -> tuple[int, dict[int, int]] | None:
    """Where the xref table starts, and each in-use object's offset; None if not a classic
    single table (an incremental update or an xref stream).

    The last ``startxref`` counts: the word may also stand in the document's own text (Qt
    writes the title into the metadata as it is).
    """
    tail = _STARTXREF.search(pdf[-64:])
    if tail is None:
        return None
    table_at = int(tail.group(1))
    if not pdf.startswith(b"xref", table_at) or b"/Prev" in pdf[table_at:]:
        return None
    offsets: dict[int, int] = {}
    lines = iter(pdf[table_at:].split(b"\n")[1:])
    for line in lines:
        header = line.split()
        if len(header) != 2 or not all(part.isdigit() for part in header):
            break  # "trailer"
        first, count = int(header[0]), int(header[1])
        for number in range(first, first + count):
            entry = _XREF_ENTRY.match(next(lines, b"").strip())
            if entry is None:
                return None
            if entry.group(3) == b"n":
                offsets[number] = int(entry.group(1))
    return table_at, offsets


def _edited_stream(
    pdf: bytes, offset: int | None, replacements: Mapping[int, int]
) -> tuple[int, int, bytes] | None:
    if offset is None:
        return None
    head = _STREAM.match(pdf, offset)
    if head is None:
        return None
    start, length = head.end(), int(head.group(2))
    cmap = pdf[start : start + length]
    fixed = remap_cmap(cmap, replacements)
    if fixed == cmap:
        return None
    length_at = head.start(2)
    return length_at, start + length, b"%d >>\nstream\n" % len(fixed) + fixed


def _spliced(pdf: bytes, edits: list[tuple[int, int, bytes]], table_at: int) -> bytes:
    """Apply the edits and move the xref offsets and ``startxref`` by what they added."""

    def moved(offset: int) -> int:
        return offset + sum(len(new) - (end - start) for start, end, new in edits if start < offset)

    parts, cursor = [], 0
    for start, end, new in edits:
        parts.append(pdf[cursor:start])
        parts.append(new)
        cursor = end
    parts.append(pdf[cursor:table_at])
    table, _, _ = pdf[table_at:].partition(b"startxref")

    def entry(match: re.Match[bytes]) -> bytes:
        offset = int(match.group(1))
        if match.group(3) == b"n":
            offset = moved(offset)
        return b"%010d %s %s" % (offset, match.group(2), match.group(3))

    parts.append(_XREF_ENTRY.sub(entry, table))
    parts.append(b"startxref\n%d\n%%%%EOF\n" % moved(table_at))
    return b"".join(parts)
