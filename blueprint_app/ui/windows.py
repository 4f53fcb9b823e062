"""The open windows: each keeps one session; New opens another window beside the others."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from blueprint_app.ui.main_window import MainWindow

_open: list[MainWindow] = []


def open_window(path: str | Path | None = None) -> MainWindow:
    """Show a new window, empty or with ``path`` loaded (an unreadable file shows its error)."""
    from blueprint_app.ui.main_window import MainWindow

    window = MainWindow()
    _open.append(window)
    window.destroyed.connect(lambda *_: forget(window))
    window.show()
    if path is not None:
        window.open_path(Path(path))
    return window


def forget(window: MainWindow) -> None:
    if window in _open:
        _open.remove(window)


def windows() -> list[MainWindow]:
    return list(_open)
