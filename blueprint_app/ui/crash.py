"""The last line of defence: an exception reaching the event loop never takes work with it.

:func:`installed` puts a handler in ``sys.excepthook`` (PySide reports an exception raised in a
slot there and carries on) and ``threading.excepthook``. The handler writes the traceback to a
rotating log in the state folder (``logs/blueprint-studio.log``), writes a recovery copy of
every document with unsaved changes at once, and shows a dialog with a report the user can copy
into a bug report. The windows stay open: the user saves and carries on, or quits.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from blueprint_app import __version__
from blueprint_app.storage.recovery import state_dir
from blueprint_app.ui.files.autosave import write_all_now
from blueprint_app.ui.qt_util import plain_label

LOG_NAME = "blueprint-studio.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3

log = logging.getLogger("blueprint_app.crash")


def log_path() -> Path:
    return state_dir() / "logs" / LOG_NAME


def _file_handler() -> logging.Handler | None:
    """The rotating log of the current state folder (it can change between tests)."""
    path = log_path()
    for handler in list(log.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            if Path(handler.baseFilename) == path.absolute():
                return handler
            log.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        return None  # no log is better than a second crash while reporting the first
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    return handler


def report_text(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None, where: str = ""
) -> str:
    """What a bug report needs: versions, platform, time, and the traceback."""
    lines = [
        f"Blueprint Studio {__version__}",
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, {platform.platform()}",
        f"Time: {datetime.now(UTC).replace(microsecond=0).isoformat()}",
    ]
    if where:
        lines.append(f"Thread: {where}")
    lines.append("")
    lines.extend(line.rstrip("\n") for line in traceback.format_exception(kind, error, tb))
    return "\n".join(lines)


class CrashDialog(QDialog):
    """The report in a read-only text box, a Copy button, and where the log is."""

    def __init__(
        self, report: str, log_file: Path | None, recovered: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CrashDialog")
        self.setWindowTitle(self.tr("Something went wrong"))
        self.report = report
        layout = QVBoxLayout(self)
        message = self.tr(
            "Blueprint Studio ran into an unexpected problem. Your documents are "
            "still open: save your work, then you may carry on or restart."
        )
        if recovered:
            message += " " + self.tr(
                "A recovery copy of {count} unsaved document(s) was written."
            ).format(count=recovered)
        intro = plain_label(message)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setMinimumSize(560, 220)
        layout.addWidget(self.text)
        if log_file is not None:
            where = plain_label(
                self.tr("The report was also written to {path}").format(path=log_file)
            )
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy Report"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)


class CrashHandler(QObject):
    """Receives exceptions from any thread; shows them in the GUI thread, one dialog at a time."""

    reported = Signal(str)  # a report from another thread, delivered to the GUI thread

    def __init__(self) -> None:
        super().__init__()
        self.reports: list[str] = []
        self._showing = False
        self.reported.connect(self._show)

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        self.handle(report_text(kind, error, tb))

    def threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        self.handle(report_text(args.exc_type, args.exc_value, args.exc_traceback, name))

    def handle(self, report: str) -> None:
        """Log now (any thread); rescue documents and show the dialog in the GUI thread."""
        self.reports.append(report)
        try:
            _file_handler()
            log.error("unhandled exception\n%s", report)
        except Exception:  # reporting must never raise
            pass
        app = QCoreApplication.instance()
        if app is not None and QThread.currentThread() is not app.thread():
            self.reported.emit(report)  # queued: widgets live in the GUI thread
        else:
            self._show(report)

    def _show(self, report: str) -> None:
        recovered = _rescue_documents()
        if self._showing or not isinstance(QCoreApplication.instance(), QApplication):
            return  # one dialog at a time; the log has every report
        self._showing = True
        try:
            handler = _file_handler()
            log_file = (
                Path(handler.baseFilename) if isinstance(handler, logging.FileHandler) else None
            )
            dialog = CrashDialog(report, log_file, recovered, QApplication.activeWindow())
            dialog.exec()
            dialog.deleteLater()
        except Exception:  # the dialog itself failed: the log still has the report
            log.exception("could not show the crash report")
        finally:
            self._showing = False


def _rescue_documents() -> int:
    """A recovery copy of every unsaved document right now; how many were written."""
    try:
        return write_all_now()
    except Exception:  # reporting must never raise
        log.exception("could not write recovery copies")
        return 0


@contextmanager
def installed() -> Iterator[CrashHandler]:
    """Route unhandled exceptions to a :class:`CrashHandler` while the app runs."""
    handler = CrashHandler()
    previous_sys, previous_threading = sys.excepthook, threading.excepthook
    sys.excepthook = handler.excepthook
    threading.excepthook = handler.threading_excepthook
    try:
        yield handler
    finally:
        sys.excepthook, threading.excepthook = previous_sys, previous_threading
