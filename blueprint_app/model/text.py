"""User text as every output needs it: line breaks made one kind, control characters tamed.

Titles arrive by copy and paste: Word's manual line break is a vertical tab (U+000B), old Mac
text ends lines with a bare CR, and a stray NUL or escape code can come along. Each output reads
them its own way (CommonMark breaks a line at a bare CR; XML 1.0 cannot carry most C0 controls
at all; a card draws them as boxes), so every exporter and the renderer go through here.
"""

from __future__ import annotations

import re

#: Everything that ends a line somewhere: CR LF, CR, LF, VT (Word), FF, NEL, LS, PS, and the
#: file/group/record separators that str.splitlines() also breaks at.
_LINE_BREAK = re.compile("\r\n|[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
#: Characters XML 1.0 does not allow anywhere, not even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Controls that draw nothing a reader could use (after line breaks became "\n").
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def lines_of(text: str) -> list[str]:
    """The lines of ``text``, broken wherever any writing system or editor ends a line."""
    return _LINE_BREAK.split(text)


def plain(text: str) -> str:
    """Line breaks as "\\n" only, and no invisible control characters."""
    return _INVISIBLE.sub("", "\n".join(lines_of(text)))


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry, so the file parses."""
    return _NOT_XML.sub("", text)
