"""Runs syncs with the city in the background: on a timer, and when someone presses "Sync now".

Syncs go through the one task runner, so they never write to the database at the same time as other
background work.  A background sync that cannot reach the server stays quiet (the status line says
so); one started by hand reports any failure in plain words.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop.domain.actor import SYSTEM, Actor
from desktop.domain.roles import Permission
from desktop.services import sync as sync_service
from desktop.storage.database import Database
from ui.i18n import translate
from ui.tasks import Progress, TaskRunner

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MS = 15 * 60 * 1000
FIRST_SYNC_AFTER_MS = 20 * 1000  # soon after start, once the PC has settled


class SyncScheduler(QObject):
    started = Signal()
    progressed = Signal(int, int, str)
    finished = Signal(object)   # sync.client.run.SyncResult
    failed = Signal(object)     # the exception; a UserError has a plain message

    def __init__(self, runner: TaskRunner, parent: QObject | None = None,
                 interval_ms: int = DEFAULT_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.runner = runner
        self.db: Database | None = None
        self.running = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(lambda: self.sync_now(parent=None, manual=False))
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.setInterval(FIRST_SYNC_AFTER_MS)
        self._first.timeout.connect(lambda: self.sync_now(parent=None, manual=False))

    def attach(self, db: Database | None) -> None:
        """Sync this database from now on (None: stop)."""
        self.db = db
        if db is None:
            self._timer.stop()
            self._first.stop()
        else:
            self._timer.start()
            self._first.start()

    def enrolled(self) -> bool:
        if self.db is None:
            return False
        with self.db.reading(SYSTEM) as uow:
            return sync_service.connection(uow) is not None

    def sync_now(self, *, parent: QWidget | None, manual: bool = True, actor: Actor | None = None) -> bool:
        """Start a sync unless one is running or the station is not enrolled; True if one started.

        Someone who asked for it (``manual``) on a station not yet enrolled is told what to do: ``actor``, who
        asked, is told to enroll the station if they may, else to ask the station admin."""
        db = self.db
        if db is None or self.running:
            return False
        if not self.enrolled():
            if manual:
                from ui.errors import show_error
                may_enroll = actor is not None and actor.can(Permission.MANAGE_STATION)
                show_error(parent, sync_service.NotEnrolled(may_enroll=may_enroll))
            return False
        self.running = True
        self.started.emit()

        def work(progress: Progress):
            from sync.client.run import sync_once

            def report(done: int, total: int, text: str) -> None:
                self.progressed.emit(done, total, translate("desktop", text))
                progress.report(done, total, translate("desktop", text))

            return sync_once(db, progress=report, cancelled=lambda: progress.cancelled)

        def done(result) -> None:
            self.running = False
            self.finished.emit(result)  # what it changed was announced as each page committed

        def failed(error: BaseException) -> None:
            self.running = False
            log.warning("sync failed: %s", error)
            self.failed.emit(error)
            if manual:
                from ui.errors import show_error
                show_error(parent, error)

        def cancelled() -> None:
            self.running = False
            self.failed.emit(None)

        self.runner.run(work, title=self.tr("Syncing with the city server…"), parent=parent if manual else None,
                        on_success=done, on_error=failed, on_cancel=cancelled)
        return True
