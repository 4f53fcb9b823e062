"""The open windows: each keeps one session; New opens another window beside the others."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6

if TYPE_CHECKING:
    from blueprint_app.ui.window.main_window import MainWindow

_open: list[MainWindow] = []


def open_window(path: str | Path | None = None) -> MainWindow:
    """Show a new window, empty or with ``path`` loaded (an unreadable file shows its error)."""
    from blueprint_app.ui.window.main_window import MainWindow

    window = MainWindow()
    window.show()
    if path is not None:
        window.open_path(Path(path))
    return window


def register(window: MainWindow) -> None:
    """Every window is known here (New keeps it alive; Open finds a file already open)."""
    _open.append(window)
    window.destroyed.connect(lambda *_: forget(window))


def forget(window: MainWindow) -> None:
    if window in _open:
        _open.remove(window)


def reopen_all() -> list[MainWindow]:
    """Every open window again, its texts in the interface language now installed."""
    return [window.hand_over() for window in windows()]


def windows() -> list[MainWindow]:
    """The windows still on screen (a closed one may wait for deletion a little while)."""
    return [w for w in _open if shiboken6.isValid(w) and w.isVisible()]
