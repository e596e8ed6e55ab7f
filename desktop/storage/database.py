"""Opening the station database safely: checks before touching, backup before upgrading, then Alembic.

A file from a newer version of the app, a broken file or a file that is not ours is refused with a
message and left exactly as it was.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from desktop.domain.actor import Actor
from desktop.domain.hlc import LATEST_BELIEVABLE_MS, HybridClock, Stamp
from desktop.paths import DataFolder
from desktop.sqlite import WRITER_OPTIONS, sqlite_engine
from desktop.storage import files
from desktop.storage.files import SQLITE_MAGIC, check_revision, head_revision, known_revisions, read_revision
from desktop.storage.models import Station, SyncState
from desktop.storage.sync_store import newest_stamp
from desktop.storage.uow import UnitOfWork, open_unit_of_work, utcnow

log = logging.getLogger(__name__)

_UNSET_NODE = "unset"

__all__ = ["SQLITE_MAGIC", "Database", "check_revision", "head_revision", "known_revisions", "open_database",
           "read_revision"]


def alembic_config(connection=None):
    """Alembic's configuration for our migrations; Alembic is imported only when migrating."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files.MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def make_engine(path: Path) -> Engine:
    return sqlite_engine(f"sqlite:///{path}")


class Database:
    """The open station database.  Services reach it only through units of work."""

    def __init__(self, folder: DataFolder, engine: Engine, *, now: Callable[[], datetime] = utcnow,
                 physical_ms: Callable[[], int] | None = None) -> None:
        self.folder = folder
        self.engine = engine
        self.now = now
        self._write_lock = threading.RLock()
        self._writer = engine.execution_options(**WRITER_OPTIONS)
        clock_args = {"physical_ms": physical_ms} if physical_ms else {}
        self.clock = HybridClock(_UNSET_NODE, **clock_args)
        self._watchers: list[Callable[[frozenset[str]], None]] = []
        self.reload_station()

    @property
    def path(self) -> Path:
        return self.folder.database

    def session_factory(self, *, writable: bool) -> Session:
        return Session(bind=self._writer if writable else self.engine, expire_on_commit=False)

    def unit_of_work(self, actor: Actor) -> AbstractContextManager[UnitOfWork]:
        """A writing transaction; writes from all threads of this process are serialised."""
        return open_unit_of_work(self, actor, writable=True, lock=self._write_lock)

    def reading(self, actor: Actor) -> AbstractContextManager[UnitOfWork]:
        """A read-only transaction: a consistent snapshot that never blocks writers."""
        return open_unit_of_work(self, actor, writable=False, lock=self._write_lock)

    def watch(self, watcher: Callable[[frozenset[str]], None]) -> Callable[[], None]:
        """Call ``watcher(tables)`` after every committed unit of work that changed rows, with the names of
        the tables it changed — on the thread that committed.  Returns a function that stops watching."""
        self._watchers.append(watcher)
        return lambda: self._watchers.remove(watcher) if watcher in self._watchers else None

    def announce(self, tables: frozenset[str]) -> None:
        for watcher in list(self._watchers):
            try:
                watcher(tables)
            except Exception:  # a watcher's bug must not undo or hide a committed change
                log.exception("a watcher of committed changes failed")

    def reload_station(self) -> None:
        """Point the clock at this station (after set-up) and resume it from its persisted stamp."""
        with Session(self.engine) as session:
            state = session.get(SyncState, 1)
            if state is not None:
                self.clock.offset_ms = state.clock_offset_ms
            station = session.scalars(select(Station)).first()
            if station is None:
                return
            self.clock.node = station.station_id
            last = self._persisted_stamp(session, station.last_hlc)
            if last is not None and (self.clock.last is None or last > self.clock.last):
                self.clock.last = Stamp(last.wall_ms, last.counter, station.station_id)

    def _persisted_stamp(self, session: Session, text: str | None) -> Stamp | None:
        """The clock's persisted stamp; if it is unreadable or absurd (a record once stamped centuries ahead),
        the newest believable stamp this database holds, so the station still opens and stamps in order.

        A persisted stamp ahead of the PC's clock is kept: that is the PC's clock gone back (a dead CMOS
        battery), which the clock must survive."""
        try:
            stamp = Stamp.parse(text) if text else None
        except ValueError:
            stamp = None
        if stamp is not None and stamp.wall_ms <= LATEST_BELIEVABLE_MS:
            return stamp
        if text:
            log.warning("the station's clock stamp could not be used; repairing it from the newest stamp held")
        return newest_stamp(session, LATEST_BELIEVABLE_MS)

    def close(self) -> None:
        self.engine.dispose()


def open_database(folder: DataFolder, *, before_upgrade: Callable[[Path, str], object] | None = None,
                  now: Callable[[], datetime] = utcnow) -> Database:
    """Open (creating or upgrading as needed) the station database in ``folder``.

    ``before_upgrade(path, revision)`` runs before an existing database is migrated; the app
    passes a backup so every upgrade can be undone.
    """
    folder.ensure_writable()
    path = folder.database
    revision = read_revision(path)
    check_revision(path, revision)
    head = head_revision()
    if revision != head:
        if revision is not None and before_upgrade is not None:
            before_upgrade(path, revision)
        engine = make_engine(path)
        log.info("migrating %s from %s to %s", path, revision, head)
        from alembic import command

        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
    else:
        engine = make_engine(path)
    return Database(folder, engine, now=now)
