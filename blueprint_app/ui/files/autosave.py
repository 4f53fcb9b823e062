"""Autosave: a recovery copy of a window's unsaved work, so a crash loses at most seconds.

While the document has unsaved changes, a copy is written through :class:`RecoveryStore` a
short while after the first change (:func:`blueprint_app.ui.settings.autosave_interval`,
default 30 s) and whenever the application loses focus. A clean
save, an undo back to the saved state, or letting the document go (closed with Discard, another
file opened in its place) removes the copy. The interval is read again each time the timer
starts, so a change in Preferences applies from the next edit on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from blueprint_app.editing.session import Session
from blueprint_app.history import History
from blueprint_app.storage import BlueprintFileError
from blueprint_app.storage.recovery import RecoveryStore
from blueprint_app.ui.settings import autosave_interval
from blueprint_app.ui.window.windows import windows

log = logging.getLogger(__name__)


class Autosaver(QObject):
    """Keeps the recovery copy of one window's session current.

    ``written`` carries the copy's path after each write; ``failed`` a message when a write
    fails (the document itself is untouched; the window shows it in the status bar).
    """

    written = Signal(Path)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, store: RecoveryStore | None = None) -> None:
        super().__init__(parent)
        self.store = store or RecoveryStore()
        self.session: Session | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._generation = 0  # counts changes, so an unchanged document is not rewritten
        self._written: int | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.write_now)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._application_state)

    def follow(self, session: Session) -> None:
        """Watch ``session``; the copy of the session it replaces is no longer wanted."""
        if self.session is not None and self.session is not session:
            self.discard()
        self.release()
        self.session = session
        self._generation += 1
        self._written = None
        history = session.history
        self._unsubscribe = history.subscribe(lambda: self._history_changed(history))
        self._history_changed(history)

    def release(self) -> None:
        """Stop watching the session but keep its copy: another window's autosaver takes the
        session over (the copy is keyed by the session, so it carries on)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.timer.stop()
        self.session = None

    def _history_changed(self, history: History) -> None:
        if self.session is None or history is not self.session.history:
            return  # a replaced session's history
        self._generation += 1
        if self.session.dirty:
            if not self.timer.isActive():
                self.timer.start(round(autosave_interval() * 1000))
        else:  # saved, or undone back to the saved state: nothing to recover
            self.discard()

    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.write_now()

    def write_now(self) -> bool:
        """Write the copy if there are unsaved changes not yet in it; True when written."""
        self.timer.stop()
        session = self.session
        if session is None or not session.dirty or self._written == self._generation:
            return False
        try:
            copy = self.store.write(session.recovery_key, session.blueprint, session.path)
        except (BlueprintFileError, OSError) as error:
            log.warning("autosave failed: %s", error)
            self.failed.emit(str(error))
            self.timer.start(round(autosave_interval() * 1000))  # try again after a while
            return False
        self._written = self._generation
        self.written.emit(copy)
        return True

    def discard(self) -> None:
        """Remove the copy: the work was saved or deliberately let go."""
        self.timer.stop()
        self._written = None
        if self.session is not None:
            try:
                self.store.discard(self.session.recovery_key)
            except OSError as error:  # a copy left behind is offered again; never fatal
                log.warning("could not remove a recovery copy: %s", error)


def write_all_now() -> int:
    """Write the recovery copy of every open window with unsaved work (the crash handler)."""
    written = 0
    for window in windows():
        saver = getattr(window, "autosaver", None)
        if isinstance(saver, Autosaver) and saver.write_now():
            written += 1
    return written
