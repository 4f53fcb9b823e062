"""Exports off the window's thread: the window stays live, a progress dialog can stop them.

A picture of a large blueprint takes seconds to compose and paint. :class:`ExportJob` runs the
work in a QThread (not a Python thread: Qt's scene needs the thread's event dispatcher) and
hears its progress; :func:`run_with_progress` waits for one job behind a progress dialog that
appears only when the job is slow, and whose Cancel stops it between two stages.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from blueprint_app import gc_pause
from blueprint_app.export.progress import ExportCancelled, Progress
from blueprint_app.export.scope import ImageOptionError

log = logging.getLogger("blueprint_app.export")

T = TypeVar("T")

# How long an export runs before its progress dialog appears; quicker ones never show one.
SHOW_AFTER_MS = 400
STEPS = 1000  # the progress bar's resolution


_lock = threading.Lock()
_running = [0]  # jobs started and not yet ended, on any thread


def jobs_running() -> bool:
    """True while any export job (a preview too) is drawing on its own thread."""
    with _lock:
        return _running[0] > 0


class ExportJob(QThread):
    """Runs ``work(progress)`` on its own thread; :meth:`cancel` makes ``progress`` raise
    ExportCancelled, so the work stops at its next stage having written nothing."""

    progressed = Signal(float)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Callable[[Progress], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._stop = threading.Event()
        self._reported = -1

    def cancel(self) -> None:
        self._stop.set()

    @property
    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def _progress(self, fraction: float) -> None:
        if self._stop.is_set():
            raise ExportCancelled
        step = round(fraction * STEPS)
        if step != self._reported:  # a signal per visible step, not per call
            self._reported = step
            self.progressed.emit(fraction)

    def start(self, priority: QThread.Priority = QThread.Priority.InheritPriority) -> None:
        """Start, with Python's cycle collector paused until the work is done: a collection on
        the window's thread could otherwise free Qt objects this thread is still using."""
        gc_pause.pause()
        with _lock:
            _running[0] += 1
        super().start(priority)

    def run(self) -> None:
        try:
            self._run()
        finally:
            with _lock:
                _running[0] -= 1
            gc_pause.resume()

    def _run(self) -> None:
        try:
            result = self._work(self._progress)
        except ExportCancelled:
            self.cancelled.emit()
        except (ImageOptionError, OSError, MemoryError) as error:
            self.failed.emit(_message(error))
        except Exception as error:  # a bug: reported and logged, the window keeps working
            log.exception("export failed")
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            if self._stop.is_set():
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)


def _message(error: BaseException) -> str:
    if isinstance(error, MemoryError):
        return QCoreApplication.translate(
            "ExportJob", "Not enough memory; choose a smaller scale, or export SVG or PDF."
        )
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)


@dataclass
class Outcome(Generic[T]):
    """How a job ended: its result, or why there is none (``error`` None: cancelled)."""

    result: T | None = None
    error: str | None = None
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.cancelled and self.error is None


def run_with_progress(
    parent: QWidget, label: str, work: Callable[[Progress], T], title: str | None = None
) -> Outcome[T]:
    """Run ``work`` on an :class:`ExportJob` and wait for it, the window repainting meanwhile.

    User input waits for the first :data:`SHOW_AFTER_MS` (a click cannot change the document
    mid-export); after that a window-modal progress dialog with Cancel shows. Once cancelled,
    input waits again until the job has really stopped, so nothing (another export, closing the
    window) can happen while it winds down.
    """
    outcome: Outcome[T] = Outcome()
    job = ExportJob(work)
    loop = QEventLoop()

    def done(result: object) -> None:
        outcome.result = result  # type: ignore[assignment]

    def failed(message: str) -> None:
        outcome.error = message

    def cancelled() -> None:
        outcome.cancelled = True

    job.succeeded.connect(done)
    job.failed.connect(failed)
    job.cancelled.connect(cancelled)
    job.finished.connect(loop.quit)
    _waiting.append(job)
    try:
        job.start()
        quick = QTimer()
        quick.setSingleShot(True)
        quick.timeout.connect(loop.quit)
        quick.start(SHOW_AFTER_MS)
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        quick.stop()
        if job.isRunning():
            _wait_behind_dialog(parent, label, job, loop, title)
    finally:
        job.cancel()  # no-op when it ended; stops it when something above went wrong
        job.wait()
        # deliver the signals the job queued in its last moments (its result among them)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        _waiting.remove(job)
        job.deleteLater()
    return outcome


_waiting: list[ExportJob] = []


def busy() -> bool:
    """True while an export waits behind a progress dialog: windows must not close now."""
    return bool(_waiting)


def _wait_behind_dialog(
    parent: QWidget, label: str, job: ExportJob, loop: QEventLoop, title: str | None = None
) -> None:
    dialog = progress_dialog(parent, label, title)

    def stop() -> None:
        job.cancel()
        loop.quit()  # and wait on below without taking input

    dialog.canceled.connect(stop)

    def show(fraction: float) -> None:
        if dialog.wasCanceled():  # closed or cancelled some way that sent no signal
            stop()
        else:
            dialog.setValue(round(fraction * STEPS))

    job.progressed.connect(show)
    dialog.show()
    try:
        if job.isRunning() and not job.is_cancelled:
            loop.exec()
        if job.isRunning():  # cancelled: the job stops at its next stage
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        job.progressed.disconnect(show)
        if shiboken6.isValid(dialog):
            dialog.hide()
            dialog.deleteLater()


def progress_dialog(parent: QWidget, label: str, title: str | None = None) -> QProgressDialog:
    """Window-modal, with Cancel; titled "Exporting" unless the job is something else."""
    dialog = QProgressDialog(
        label, QCoreApplication.translate("ExportJob", "Cancel"), 0, STEPS, parent
    )
    dialog.setObjectName("ExportProgress")
    dialog.setWindowTitle(title or QCoreApplication.translate("ExportJob", "Exporting"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(0)
    dialog.setValue(0)
    return dialog
