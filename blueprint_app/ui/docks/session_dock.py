"""A dock that follows the window's session: what every such panel shares, written once.

The window points each panel at its session (``set_session``) when it shows one, and lets go
(``release``) when the session is replaced or moves to another window; a panel says only what
it listens to (:meth:`SessionDock.follow`) and how it shows a new session
(:meth:`SessionDock.session_shown`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDockWidget, QWidget

from blueprint_app.editing.session import Session


class SessionDock(QDockWidget):
    """Subscribes to one session at a time; never to two, never after release."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self._unsubscribe: Callable[[], None] | None = None

    def set_session(self, session: Session) -> None:
        self.release()
        self.session = session
        self._unsubscribe = self.follow(session)
        self.session_shown(session)

    def release(self) -> None:
        """Stop following the session (it is replaced, or moves to another window)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def follow(self, session: Session) -> Callable[[], None]:
        """Subscribe to what this panel shows of ``session``; returns the unsubscribe."""
        raise NotImplementedError

    def session_shown(self, session: Session) -> None:
        """Show ``session``, just followed."""
