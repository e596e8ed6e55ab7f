"""Backing up and restoring the station database on behalf of a person, with its audit entries."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from desktop.domain.actor import Actor
from desktop.domain.roles import Permission
from desktop.errors import PermissionDenied, Term
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import DataFolder
from desktop.services.settings import load_settings
from desktop.storage import backup as storage
from desktop.storage.backup import BackupInfo
from desktop.storage.database import Database

log = logging.getLogger(__name__)


UPGRADE_BACKUPS_TO_KEEP = 10


def upgrade_backup(folder: DataFolder) -> Callable[[Path, str], None]:
    """The backup taken before every schema upgrade (``open_database(before_upgrade=...)``), so an upgrade
    can always be undone."""
    def take(_path: Path, revision: str) -> None:
        log.info("backing up before upgrading from revision %s", revision)
        storage.take_backup(folder, reason="upgrade", now=datetime.now(), keep=UPGRADE_BACKUPS_TO_KEEP)
    return take


def _require(actor: Actor) -> None:
    if not actor.can(Permission.MANAGE_BACKUPS):
        raise PermissionDenied(QT_TRANSLATE_NOOP(
            "desktop", "Your role ({role}) may not do this. Ask the station admin."), role=Term(actor.role.label))


def backup_now(db: Database, *, actor: Actor, reason: str = "manual", now: datetime | None = None,
               progress: Callable[[int, int], None] | None = None) -> BackupInfo:
    """Take a backup now (``manual`` needs the admin; ``daily`` is the station's own)."""
    if reason == "manual":
        _require(actor)
    with db.reading(actor) as uow:
        keep = load_settings(uow).backups_to_keep
    info = storage.take_backup(db.folder, reason=reason, now=now or datetime.now(), keep=keep,
                               progress=progress)
    with db.unit_of_work(actor) as uow:
        uow.audit("backup", entity="backups", entity_id=info.path.name, reason=reason)
    return info


def daily_backup_if_due(db: Database, *, actor: Actor, now: datetime | None = None) -> BackupInfo | None:
    moment = now or datetime.now()
    if not storage.daily_backup_due(db.folder, now=moment):
        return None
    return backup_now(db, actor=actor, reason="daily", now=moment)


def list_backups(folder: DataFolder) -> list[BackupInfo]:
    return storage.list_backups(folder)


def restore(folder: DataFolder, *, actor: Actor, backup: Path, now: datetime | None = None) -> Path | None:
    """Replace the closed database with ``backup``; the current one is kept in ``set-aside/``."""
    _require(actor)
    return storage.restore_backup(folder, backup=backup, now=now or datetime.now())
