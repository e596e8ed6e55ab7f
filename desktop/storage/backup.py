"""Backups of the station database with SQLite's online backup API, and restoring one safely.

A backup is a complete database file in ``backups/``; its name says when and why it was taken.
Restoring never deletes anything: the database being replaced is moved to ``set-aside/`` first.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from desktop.errors import StorageError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.paths import DataFolder
from desktop.sqlite import private_file
from desktop.storage.files import check_revision, read_revision

log = logging.getLogger(__name__)

REASONS = ("daily", "manual", "upgrade", "restore", "demo")
_NAME = re.compile(r"village-station-(\d{8}-\d{6})(?:-(\d+))?-([a-z]+)\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int


def _timestamp(now: datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def list_backups(folder: DataFolder) -> list[BackupInfo]:
    """Newest first."""
    found = []
    if folder.backups.is_dir():
        for path in folder.backups.iterdir():
            match = _NAME.match(path.name)
            if match:
                taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
                found.append((int(match.group(2) or 1),
                              BackupInfo(path, taken, match.group(3), path.stat().st_size)))
    # Within one second the counter in the name says which came later ("-10-" sorts before "-2-" as text).
    found.sort(key=lambda item: (item[1].taken_at, item[0]), reverse=True)
    return [info for _, info in found]


def copy_database(source: Path, target: Path, *, progress=None) -> None:
    """Copy a live database consistently, page by page, while others may be writing."""
    partial = target.with_suffix(".partial")
    try:
        private_file(partial)  # a backup holds everything the database does
        with closing(sqlite3.connect(source, timeout=30)) as src, closing(sqlite3.connect(partial)) as dst:
            def report(_status, remaining, total):
                if progress is not None:
                    progress(total - remaining, total)
            src.backup(dst, pages=256, progress=report)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def take_backup(folder: DataFolder, *, reason: str, now: datetime, keep: int, progress=None) -> BackupInfo:
    """Back the database up now and prune old backups of the same reason down to ``keep``."""
    assert reason in REASONS, reason
    folder.backups.mkdir(parents=True, exist_ok=True)
    base = f"village-station-{_timestamp(now)}"
    # Number past every backup of this second, even pruned ones' reused names, so the newest sorts first.
    counters = [int(match.group(2) or 1) for path in folder.backups.glob(f"{base}-*.db")
                if (match := _NAME.match(path.name))]
    counter = max(counters, default=0) + 1
    target = folder.backups / (f"{base}-{reason}.db" if counter == 1 else f"{base}-{counter}-{reason}.db")
    copy_database(folder.database, target, progress=progress)
    log.info("backup taken: %s", target)
    prune_backups(folder, reason=reason, keep=keep, taken=target)
    return BackupInfo(target, now.replace(microsecond=0), reason, target.stat().st_size)


def prune_backups(folder: DataFolder, *, reason: str, keep: int, taken: Path | None = None) -> None:
    """Delete the oldest backups of ``reason`` beyond ``keep``.  The one just ``taken`` always stays,
    even when a clock set back (a dead CMOS battery) dates it before all the others."""
    same = [info for info in list_backups(folder) if info.reason == reason and info.path != taken]
    for info in same[max(keep - (taken is not None), 0):]:
        info.path.unlink(missing_ok=True)


def daily_backup_due(folder: DataFolder, *, now: datetime) -> bool:
    """Due when no daily backup is younger than a day, or the newest one is dated in the future
    (the PC's clock was wrong then or is now)."""
    daily = [info for info in list_backups(folder) if info.reason == "daily"]
    if not daily:
        return True
    newest = daily[0].taken_at
    return newest > now + timedelta(minutes=5) or now - newest >= timedelta(days=1)


def check_backup(path: Path) -> str | None:
    """Refuse a file that is not a whole station database of this or an older version."""
    if not path.is_file():
        raise StorageError(QT_TRANSLATE_NOOP("desktop", "The backup file {path} does not exist."), path=str(path))
    revision = read_revision(path)
    check_revision(path, revision)
    if revision is None:
        raise StorageError(QT_TRANSLATE_NOOP(
            "desktop", "The file {path} holds no station data, so it cannot be restored."), path=str(path))
    return revision


def set_aside(folder: DataFolder, *, label: str, now: datetime) -> Path | None:
    """Move the current database (and its WAL files) out of the way; return where it went."""
    if not folder.database.exists():
        return None
    folder.set_aside.mkdir(parents=True, exist_ok=True)
    target = folder.set_aside / f"village-station-{_timestamp(now)}-{label}.db"
    counter = 1
    while target.exists():
        counter += 1
        target = folder.set_aside / f"village-station-{_timestamp(now)}-{counter}-{label}.db"
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{folder.database}{suffix}")
        if source.exists():
            shutil.move(source, Path(f"{target}{suffix}"))
    log.warning("database moved aside to %s", target)
    return target


def restore_backup(folder: DataFolder, *, backup: Path, now: datetime, label: str = "before-restore") -> Path | None:
    """Put ``backup`` in place of the (closed) database; the replaced file is kept in ``set-aside/``.

    Returns the path the replaced database was moved to (None if there was none).
    """
    check_backup(backup)
    staged = folder.root / "village-station.db.restoring"
    shutil.copy2(backup, staged)
    private_file(staged)
    moved = set_aside(folder, label=label, now=now)
    os.replace(staged, folder.database)
    log.info("restored %s (previous database kept at %s)", backup, moved)
    return moved
