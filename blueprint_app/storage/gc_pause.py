"""Pausing Python's cyclic garbage collector while building or dumping a large document.

Building tens of thousands of small objects triggers many collections that find nothing to
free (the document is all live): pausing cuts the load of a 10,000-step file about threefold.
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
