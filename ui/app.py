"""The application controller: opens the station database, then set-up, sign-in, the main window, locking."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from desktop.domain.actor import SYSTEM, Actor
from desktop.errors import DatabaseCorrupt, StorageError, UserError
from desktop.paths import DataFolder
from desktop.services import accounts, backups, settings, station
from desktop.storage import backup as storage_backup
from desktop.storage.database import Database, open_database
from desktop.storage.sign_in_card import read_sign_in_card
from resources import resource_path
from ui.i18n import DEFAULT_LANGUAGE, error_text, install_language
from ui.idle import IdleWatcher
from ui.operations import ChangeSignal, Place
from ui.startup import PROBE_READY, PROBE_VISIBLE, apply_font_size, probe, probing
from ui.sync_scheduler import SyncScheduler
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

class StationApp(QObject):
    """Owns the open database and which window is showing; the windows call back into it."""

    def __init__(self, folder: DataFolder, *, demo: bool = False, language: str | None = None,
                 idle_timeout_ms: int | None = None, early_sign_in: QWidget | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.demo = demo
        self.forced_language = language
        self.db: Database | None = None
        self.actor: Actor | None = None
        self.settings = settings.Settings()
        self.runner = TaskRunner(self)
        self.sync = SyncScheduler(self.runner, self)
        self.changes = ChangeSignal(self)
        self._idle_override = idle_timeout_ms
        self.idle = IdleWatcher(self._idle_ms(), self)
        self.idle.idle.connect(self.lock)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self.idle)
        self.window: QWidget | None = early_sign_in
        # A station PC may run for weeks: look once an hour whether the daily backup is due.
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(60 * 60 * 1000)
        self._backup_timer.timeout.connect(self._daily_backup)

    # -- start-up ------------------------------------------------------------------------------

    def start(self) -> None:
        self.folder.clear_samples()  # left by a run that did not close (a power cut)
        try:
            if self.demo and not self.folder.database.exists():
                self.folder.ensure_writable()
                from desktop.services.demo import build_demo  # the programme's services, only for a demo

                self.db = build_demo(self.folder)
            else:
                self.db = open_database(self.folder, before_upgrade=backups.upgrade_backup(self.folder))
        except DatabaseCorrupt as exc:
            self._drop_early_window()
            install_language(self.forced_language or DEFAULT_LANGUAGE)
            newest = next(iter(storage_backup.list_backups(self.folder)), None)
            self._show_problem(exc, restore_candidate=newest, damaged=True)
            return
        except StorageError as exc:
            self._drop_early_window()
            install_language(self.forced_language or DEFAULT_LANGUAGE)
            self._show_problem(exc, restore_candidate=None, damaged=False)
            return
        self.changes.follow(self.db)
        self._load_settings()
        self._daily_backup()
        self._backup_timer.start()
        if not probing():
            self.sync.attach(self.db)
        with self.db.reading(SYSTEM) as uow:
            ready = station.is_set_up(uow)
            has_people = accounts.count_users(uow) > 0
        if ready and has_people:
            self.show_sign_in()
        else:
            # A station enrolled from the command line on a fresh folder has its village but no one yet.
            self.show_setup(admin_only=ready)

    def _drop_early_window(self) -> None:
        """The database turned out unusable after the quick start showed sign-in: take it away."""
        from ui.windows.sign_in import SignInWindow
        if isinstance(self.window, SignInWindow) and self.window.db is None:
            self.window.close()
            self.window.deleteLater()
            self.window = None

    def _load_settings(self) -> None:
        assert self.db is not None
        with self.db.reading(SYSTEM) as uow:
            self.settings = settings.load_settings(uow)
        self.apply_settings()

    def apply_settings(self) -> None:
        install_language(self.forced_language or self.settings.language)
        apply_font_size(self.settings.font_size)
        self.idle.set_timeout_ms(self._idle_ms())

    def _idle_ms(self) -> int:
        return self._idle_override or self.settings.idle_lock_minutes * 60_000

    def _daily_backup(self) -> None:
        db = self.db
        if db is None or not db.folder.database.exists():
            return

        def work(_progress):
            return backups.daily_backup_if_due(db, actor=SYSTEM)

        self.runner.run(work, title=self.tr("Daily backup"), parent=None,
                        on_error=lambda exc: log.error("daily backup failed: %s", exc))

    def _show_problem(self, error: UserError, *, restore_candidate, damaged: bool) -> None:
        from ui.windows.problem import ProblemWindow
        window = ProblemWindow(error_text(error), restore_candidate=restore_candidate, damaged=damaged)
        window.restore_requested.connect(self._restore_after_damage)
        self._set_window(window)

    def _restore_after_damage(self, backup: Path) -> None:
        try:
            moved = storage_backup.restore_backup(self.folder, backup=backup, now=datetime.now(),
                                                  label="damaged")
            log.warning("damaged database kept at %s; restored %s", moved, backup)
        except UserError as exc:
            self._show_problem(exc, restore_candidate=None, damaged=True)
            return
        self.start()

    # -- windows -------------------------------------------------------------------------------

    def _set_window(self, window: QWidget) -> None:
        from ui.dialogs import place_window

        old = self.window
        self.window = window
        window.setWindowIcon(QIcon(str(resource_path("icons", "app.svg"))))
        place_window(window, over=old)  # whole and centred on the screen the last window was on
        if old is not None:
            old.close()
            old.deleteLater()
        probe(PROBE_VISIBLE)

    def show_setup(self, *, admin_only: bool = False) -> None:
        from ui.windows.setup_wizard import SetupWizard
        assert self.db is not None
        wizard = SetupWizard(Place(self.db, SYSTEM, self.runner), admin_only=admin_only)
        wizard.station_ready.connect(self._set_up_done)
        self._set_window(wizard)

    def _set_up_done(self) -> None:
        assert self.db is not None
        self.db.reload_station()
        self.show_sign_in()

    def show_sign_in(self) -> None:
        from ui.windows.sign_in import SignInWindow
        assert self.db is not None
        self.idle.stop()
        self.actor = None
        early = self.window if isinstance(self.window, SignInWindow) and self.window.db is None else None
        if early is not None:
            # The quick start already shows the sign-in window: let it sign in from now on.
            early.signed_in.connect(self.signed_in)
            early.attach(Place(self.db, SYSTEM, self.runner))
        else:
            card = read_sign_in_card(self.db.path)
            if card is None:
                raise RuntimeError(f"the sign-in card of {self.db.path} cannot be read")
            window = SignInWindow(card, place=Place(self.db, SYSTEM, self.runner), demo=self.demo)
            window.signed_in.connect(self.signed_in)
            self._set_window(window)
        probe(PROBE_READY)

    def signed_in(self, actor: Actor, area: str | None = None) -> None:
        """Open the main window for ``actor``, on ``area`` if given (else the first)."""
        from ui.context import AppContext
        from ui.windows.main_window import MainWindow
        assert self.db is not None
        self.actor = actor
        context = AppContext(self.db, self.folder, actor, self.runner, self.changes, self.sync, self, self.demo)
        window = MainWindow(context)
        if area is not None and area in window.view_by_key:
            window.show_area(area)
        self._set_window(window)
        self.idle.start()

    # -- locking and switching -----------------------------------------------------------------

    def lock(self) -> None:
        from ui.windows.main_window import MainWindow
        if isinstance(self.window, MainWindow) and not self.window.locked:
            self.idle.stop()
            self.window.lock()
            self._audit(self.actor, "lock")

    def unlocked(self) -> None:
        self.idle.start()

    def switch_user(self) -> None:
        self._audit(self.actor, "sign_out")
        self.show_sign_in()

    def _audit(self, actor: Actor | None, reason: str) -> None:
        if self.db is None or actor is None:
            return
        try:
            with self.db.unit_of_work(actor) as uow:
                accounts.record_sign_out(uow, reason=reason)
        except Exception:
            log.exception("could not record %s", reason)

    def settings_changed(self, new: settings.Settings) -> None:
        """Apply new settings; a new language or type size rebuilds the window in place, on the same area."""
        from ui.windows.main_window import MainWindow

        rebuild = (new.language, new.font_size) != (self.settings.language, self.settings.font_size)
        self.settings = new
        self.apply_settings()
        if rebuild and self.actor is not None:
            self.signed_in(self.actor, self.window.current_area() if isinstance(self.window, MainWindow) else None)

    def reopen_after_restore(self, backup: Path) -> None:
        """Close the database, put the backup in place, reopen, and ask people to sign in again."""
        assert self.db is not None and self.actor is not None
        actor = self.actor
        storage_backup.check_backup(backup)  # refuse a bad file before closing anything
        self.sync.attach(None)
        self.runner.wait(60_000)
        self.changes.follow(None)
        self.db.close()
        self.db = None
        try:
            moved = backups.restore(self.folder, actor=actor, backup=backup)
        finally:
            self.start()
        self._audit_restore(actor, backup, moved)

    def _audit_restore(self, actor: Actor, backup: Path, moved: Path | None) -> None:
        if self.db is None:
            return
        with self.db.unit_of_work(SYSTEM) as uow:
            uow.audit("restore", entity="backups", entity_id=backup.name, by=actor.display_name,
                      kept_aside=str(moved) if moved else "")

    def shutdown(self) -> None:
        self.sync.attach(None)
        self._backup_timer.stop()
        self.idle.stop()
        self.runner.wait(60_000)
        self.changes.follow(None)
        if self.db is not None:
            self.db.close()
        self.folder.clear_samples()
