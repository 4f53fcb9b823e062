"""How long exports report how far they are, and how they are stopped part-way.

An export calls its ``progress`` function with the fraction done (0.0 to 1.0) between pieces of
work; the function may raise :class:`ExportCancelled` to stop it there. Nothing has been written
by then: exports produce bytes, and only the caller writes them. Qt-free, so the command line,
the text exports and the editor's progress dialog share it.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[float], None]


class ExportCancelled(Exception):
    """The user stopped the export; nothing was written."""


def no_progress(_fraction: float) -> None:
    """The default: nobody is watching, nothing can cancel."""


def part(progress: Progress, start: float, end: float) -> Progress:
    """A progress for one stage that fills ``start``..``end`` of the whole."""

    def report(fraction: float) -> None:
        progress(start + (end - start) * min(max(fraction, 0.0), 1.0))

    return report
