"""Small Qt helpers shared by the panels."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject


@contextmanager
def signals_blocked(obj: QObject) -> Iterator[None]:
    """Update a widget from the model without it writing the value back (napari's habit).

    Plain ``blockSignals`` rather than QSignalBlocker: the latter tripped a reference-count
    crash in PySide6 6.12 when used thousands of times.
    """
    previous = obj.blockSignals(True)
    try:
        yield
    finally:
        obj.blockSignals(previous)
