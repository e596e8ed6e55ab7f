"""The one task runner for long work: off the UI thread, with progress after a moment and a cancel button.

Work is a plain function ``fn(progress)`` that calls ``progress.report(done, total, text)`` now and
then and ``progress.check()`` where stopping is safe.  Results come back to the UI thread through signals.

There are two lanes, each running its tasks one at a time in the order given: ``WORK`` for long background
work (a sync, a backup, the daily backup), and ``SCREEN`` for the screens' operations (ui/operations.py),
so a list still opens and a form still saves while a sync runs.  The database itself serialises writes
(``Database.unit_of_work``); on each lane, a read asked for after a write sees it.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.errors import Cancelled

log = logging.getLogger(__name__)

SHOW_PROGRESS_AFTER_MS = 500
WORK, SCREEN = "work", "screen"


class Progress:
    """Handed to the work function; safe to use from the worker thread."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Stop here if the person pressed Cancel."""
        if self._cancel.is_set():
            raise Cancelled()


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], progress: Progress, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._progress, self._signals = fn, progress, signals

    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except Cancelled:
            self._signals.cancelled.emit()
        except Exception as exc:  # the UI decides how to show it
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)


@dataclass
class Task:
    title: str
    progress: Progress
    signals: _Signals
    dialog: QProgressDialog | None = None
    done: bool = False


class TaskRunner(QObject):
    """Runs work in the background one task at a time and reports back on the UI thread."""

    _all: ClassVar[weakref.WeakSet[TaskRunner]] = weakref.WeakSet()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools = {lane: QThreadPool(self) for lane in (WORK, SCREEN)}
        for pool in self._pools.values():
            pool.setMaxThreadCount(1)
        self._running: list[Task] = []
        TaskRunner._all.add(self)

    @classmethod
    def idle_everywhere(cls) -> bool:
        """No runner of this process has a task whose answer has not yet reached the UI thread."""
        return not any(runner.busy() for runner in list(cls._all))

    def run(self, fn: Callable[[Progress], Any], *, title: str, parent: QWidget | None,
            on_success: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_cancel: Callable[[], None] | None = None, cancellable: bool = True, lane: str = WORK) -> Task:
        signals = _Signals()
        task = Task(title, Progress(signals), signals)
        self._running.append(task)

        def finish() -> None:
            task.done = True
            if task.dialog is not None:
                task.dialog.reset()
                task.dialog.deleteLater()
                task.dialog = None
            if task in self._running:
                self._running.remove(task)

        def succeeded(result: object) -> None:
            finish()
            if on_success:
                on_success(result)

        def failed(error: BaseException) -> None:
            finish()
            if on_error:
                on_error(error)
            else:
                from ui.errors import show_error
                show_error(parent, error)

        def cancelled() -> None:
            finish()
            if on_cancel:
                on_cancel()

        def progressed(done: int, total: int, text: str) -> None:
            if task.dialog is not None:
                task.dialog.setMaximum(max(total, 0))
                task.dialog.setValue(min(done, total) if total else 0)
                if text:
                    task.dialog.setLabelText(text)

        def show_dialog() -> None:
            if task.done or parent is None:
                return
            dialog = QProgressDialog(title, self.tr("Cancel") if cancellable else "", 0, 0, parent)
            dialog.setWindowTitle(title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            if not cancellable:
                dialog.setCancelButton(None)
            dialog.canceled.connect(task.progress.cancel)
            dialog.canceled.connect(lambda: dialog.setLabelText(self.tr("Stopping…")))
            task.dialog = dialog
            dialog.show()

        signals.succeeded.connect(succeeded, Qt.ConnectionType.QueuedConnection)
        signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        signals.cancelled.connect(cancelled, Qt.ConnectionType.QueuedConnection)
        signals.progress.connect(progressed, Qt.ConnectionType.QueuedConnection)
        QTimer.singleShot(SHOW_PROGRESS_AFTER_MS, show_dialog)
        self._pools[lane].start(_Runnable(fn, task.progress, signals))
        return task

    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for every lane's work to end (their answers reach the UI thread with its next events)."""
        return all([pool.waitForDone(msecs) for pool in self._pools.values()])
