"""The open windows: each keeps one session; New opens another window beside the others.

The list belongs to the application: :class:`WindowRegistry` is a child of the QApplication,
installed by ``app.main`` with the window class to open, and found from anywhere in the shell
through :func:`registry`. Nothing here imports the main window, so the modules that open or
visit windows (recovery, preferences, templates, the crash handler) do not import it either.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject

from blueprint_app.editing.session import Session

if TYPE_CHECKING:
    from blueprint_app.ui.window.main_window import MainWindow

WindowFactory = Callable[[Session | None], "MainWindow"]


class WindowRegistry(QObject):
    """Every document window of the application (New keeps it alive; Open finds a file
    already open) and how to make another."""

    def __init__(self, parent: QObject | None, factory: WindowFactory | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("blueprintWindows")
        self.factory = factory
        self._open: list[MainWindow] = []

    @staticmethod
    def install(app: QCoreApplication, factory: WindowFactory) -> WindowRegistry:
        """The application's registry, opening windows with ``factory`` from now on."""
        found = registry(app)
        found.factory = factory
        return found

    def register(self, window: MainWindow) -> None:
        self._open.append(window)
        window.destroyed.connect(lambda *_: self.forget(window))

    def forget(self, window: MainWindow) -> None:
        if window in self._open:
            self._open.remove(window)

    def windows(self) -> list[MainWindow]:
        """The windows still on screen (a closed one may wait for deletion a little while)."""
        return [w for w in self._open if shiboken6.isValid(w) and w.isVisible()]

    def open_window(
        self, path: str | Path | None = None, session: Session | None = None
    ) -> MainWindow:
        """Show a new window: empty, with ``session``, or with ``path`` loaded (an unreadable
        file shows its error)."""
        if self.factory is None:
            raise RuntimeError("no window class installed: app.main installs the registry")
        window = self.factory(session)
        window.show()
        if path is not None:
            window.open_path(Path(path))
        return window

    def reopen_all(self) -> list[MainWindow]:
        """Every open window again, its texts in the interface language now installed."""
        return [window.hand_over() for window in self.windows()]


def registry(app: QCoreApplication | None = None) -> WindowRegistry:
    """The running application's registry (made on first use, so a window made in a test
    without ``app.main`` is still counted)."""
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("the window registry lives in the QApplication: create it first")
    found = app.findChild(QObject, "blueprintWindows")
    return found if isinstance(found, WindowRegistry) else WindowRegistry(app)


def windows() -> list[MainWindow]:
    """The windows still on screen."""
    return registry().windows()


def open_window(path: str | Path | None = None) -> MainWindow:
    """Show a new window, empty or with ``path`` loaded."""
    return registry().open_window(path)


def reopen_all() -> list[MainWindow]:
    return registry().reopen_all()
