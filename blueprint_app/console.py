"""Writing to the terminal. Text from a file may hold control characters: an escape sequence
in a mailed blueprint could retitle or clear the terminal, or write the clipboard. They are
shown escaped (``\\x1b``); tabs and newlines pass."""

from __future__ import annotations

import re
import sys

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_C1 = re.compile("[\x7f-\x9f]")  # JSON escapes C0 itself; C1 passes raw with ensure_ascii=False


def terminal_safe(text: str) -> str:
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def out(text: str = "") -> None:
    sys.stdout.write(terminal_safe(text) + "\n")


def err(text: str) -> None:
    sys.stderr.write(terminal_safe(text) + "\n")


def out_json(text: str) -> None:
    """JSON text, with C1 controls as ``\\u00XX`` escapes so it stays valid JSON."""
    sys.stdout.write(_C1.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n")
