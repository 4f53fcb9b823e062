"""Mend the text maps (ToUnicode CMaps) of a PDF Qt wrote, so copied text is the text typed.

A PDF names each drawn glyph by a character so readers can search and copy. Qt takes the lowest
code point the font draws with that glyph, and fonts share glyphs between look-alikes: Chinese
fonts draw a Kangxi radical (U+2F00…) and its ideograph with one glyph, so 入住 copied out of
a PDF read ⼊住 and searching for 入住 found nothing. :func:`remap_text` swaps such names for
the characters wanted (pictures/glyph_names.py says which).

pikepdf (qpdf) reads the file and writes it back with a correct cross-reference table; only the
CMap programs are parsed here, strictly. Anything not in the form Qt writes (a font without a
text map, a font kind Qt does not write, a CMap line this parser does not know) raises
:class:`TextMapError` instead of passing through unmended: a Qt upgrade that changes the form
fails the tests and, in the app, is reported as the bug it is. No Qt here.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a PDF is mended (~60 ms), not with the other picture formats
    import pikepdf

_SECTION = re.compile(rb"(begin(bfchar|bfrange)\b)(.*?)(\bend\2)", re.S)
# what may stand between beginbf… and endbf…: hex strings, array brackets, white space
_TOKEN = re.compile(
    rb"(?P<space>\s+)|(?P<hex><[0-9A-Fa-f]*>)|(?P<open>\[)|(?P<close>\])|(?P<bad>.)"
)
_CID_FONT = ("/CIDFontType0", "/CIDFontType2")  # a Type0 font's descendant: its map is its parent's


class TextMapError(ValueError):
    """The PDF or one of its text maps is not in the form Qt writes, so it cannot be mended."""


def remap_text(pdf: bytes, replacements: Mapping[int, int]) -> bytes:
    """``pdf`` with each text-map name in ``replacements`` (code point → code point) swapped.

    Only the characters a glyph stands for change; glyph codes and drawing stay. With nothing
    to swap the bytes come back as they were; otherwise qpdf writes the file anew, the same
    bytes for the same input (no random /ID), streams passed through as Qt encoded them.
    """
    if not replacements:
        return pdf
    import pikepdf

    try:
        # no recovery: a damaged file is not Qt's, and qpdf would quietly rebuild it
        document = pikepdf.open(io.BytesIO(pdf), attempt_recovery=False)
    except pikepdf.PdfError as error:
        raise TextMapError(f"not a PDF as Qt writes it: {error}") from error
    with document:
        changed = False
        for text_map in _text_maps(document):
            cmap = text_map.read_bytes()
            fixed = remap_cmap(cmap, replacements)
            if fixed != cmap:
                text_map.write(fixed)  # no filter: stored as Qt stores it, uncompressed
                changed = True
        if not changed:
            return pdf
        out = io.BytesIO()
        document.save(
            out,
            deterministic_id=True,
            compress_streams=False,
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
            object_stream_mode=pikepdf.ObjectStreamMode.preserve,
            fix_metadata_version=False,  # the XMP packet stays Qt's (and lxml is not needed)
        )
        return out.getvalue()


def _text_maps(document: pikepdf.Pdf) -> Iterator[pikepdf.Stream]:
    """Each font's ToUnicode stream, found through the object model.

    Qt writes every font as a Type0 font over a CIDFontType2 with a ToUnicode stream; any
    other font raises, since its text would go unmended.
    """
    import pikepdf

    for obj in document.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != pikepdf.Name.Font:
            continue
        kind = str(obj.get("/Subtype"))
        if kind in _CID_FONT:
            continue
        name = f"font {obj.get('/BaseFont')} (object {obj.objgen[0]})"
        if kind != "/Type0":
            raise TextMapError(f"{name} is {kind}, not a Type0 font as Qt writes")
        text_map = obj.get("/ToUnicode")
        if not isinstance(text_map, pikepdf.Stream):
            raise TextMapError(f"{name} has no ToUnicode stream")
        yield text_map


def remap_cmap(cmap: bytes, replacements: Mapping[int, int]) -> bytes:
    """One ToUnicode CMap with its destination characters swapped (source codes untouched).

    Byte for byte the same when nothing is swapped; white space kept as written.
    """
    sections = list(_SECTION.finditer(cmap))
    if not sections:
        raise TextMapError("a text map without bfchar or bfrange mappings")
    parts, cursor = [], 0
    for match in sections:
        body = _tokens(match.group(3))
        fixed = (
            _bfchar(body, replacements)
            if match.group(2) == b"bfchar"
            else _bfrange(body, replacements)
        )
        parts += [cmap[cursor : match.start(3)], fixed]
        cursor = match.end(3)
    parts.append(cmap[cursor:])
    return b"".join(parts)


def _tokens(body: bytes) -> list[tuple[str, bytes]]:
    """(kind, bytes) of a bfchar/bfrange section; kinds space, hex, open, close."""
    tokens = []
    for match in _TOKEN.finditer(body):
        kind = match.lastgroup or "bad"
        if kind == "bad":
            raise TextMapError(f"unexpected {body[match.start() : match.start() + 20]!r} in a map")
        tokens.append((kind, match.group(0)))
    return tokens


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


def _bfchar(body: list[tuple[str, bytes]], replacements: Mapping[int, int]) -> bytes:
    """``<src> <dst>`` pairs: every second hex string is a destination."""
    if any(kind in ("open", "close") for kind, _ in body):
        raise TextMapError("an array in a bfchar section")
    out, seen = [], 0
    for kind, token in body:
        if kind == "hex":
            seen += 1
            token = _swap(token, replacements) if seen % 2 == 0 else token
        out.append(token)
    if seen % 2:
        raise TextMapError("a bfchar source without a destination")
    return b"".join(out)


def _bfrange(body: list[tuple[str, bytes]], replacements: Mapping[int, int]) -> bytes:
    """``<lo> <hi> <dst>`` or ``<lo> <hi> [<dst> …]`` entries; a run through a swapped name
    becomes a list (its names no longer follow each other)."""
    out: list[bytes] = []
    tokens = iter(body)
    for kind, token in tokens:
        if kind == "space":
            out.append(token)
            continue
        low = _expect_hex(kind, token)
        out.append(low)
        high = _expect_hex(*_solid(tokens, out))
        out.append(high)
        count = int(high[1:-1], 16) - int(low[1:-1], 16) + 1
        if count < 1:
            raise TextMapError(f"a bfrange from {low!r} down to {high!r}")
        kind, token = _solid(tokens, out)
        if kind == "open":
            out.append(token)
            out += _listed(tokens, replacements)
            continue
        start = _expect_hex(kind, token)[1:-1]
        run = [int(start, 16) + step for step in range(count)] if len(start) == 4 else []
        if any(code in replacements for code in run):
            token = b"[%s]" % b" ".join(_swap(_hex(code), replacements) for code in run)
        out.append(token)
    return b"".join(out)


def _listed(tokens: Iterator[tuple[str, bytes]], replacements: Mapping[int, int]) -> list[bytes]:
    """The rest of a ``[<dst> …]`` array up to its ``]``, each name swapped."""
    out = []
    for kind, token in tokens:
        if kind == "open":
            raise TextMapError("an array inside a bfrange array")
        out.append(_swap(token, replacements) if kind == "hex" else token)
        if kind == "close":
            return out
    raise TextMapError("a bfrange array without its ]")


def _solid(tokens: Iterator[tuple[str, bytes]], out: list[bytes]) -> tuple[str, bytes]:
    """The next token that is not white space; the white space before it goes to ``out``."""
    for kind, token in tokens:
        if kind != "space":
            return kind, token
        out.append(token)
    raise TextMapError("a bfrange entry cut short")


def _expect_hex(kind: str, token: bytes) -> bytes:
    if kind != "hex" or token == b"<>":
        raise TextMapError(f"a bfrange entry with {token!r} where a code belongs")
    return token
