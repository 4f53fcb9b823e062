"""Work around PySide6 6.12's lost reference to None on Python 3.11.

PySide6 6.12.0 returns ``None`` from every void method (``setText``, ``show``…) without taking a
reference. Python 3.12 made ``None`` immortal, so nobody there notices; on 3.11 each call lowers
None's reference count by one and the interpreter aborts ("none_dealloc") after a few thousand
calls. 6.11 is not affected. Until the dependency excludes 6.12 we give None the effectively
immortal reference count that Python 3.12 gives it.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

#: Far more void calls than any session makes, and far below the counter's limit.
RESERVE = 1 << 48


def needs_guard(python: tuple[int, int] = sys.version_info[:2],
                pyside: str = PySide6.__version__) -> bool:
    return python < (3, 12) and pyside.startswith("6.12")


def guard_none_refcount() -> None:
    """Raise None's reference count once so stolen references can never free it."""
    if needs_guard() and sys.getrefcount(None) < RESERVE:
        ctypes.c_ssize_t.from_address(id(None)).value += RESERVE
