"""Backups: a restore brings the old data back and keeps what it replaced; old backups are pruned; a
file that is not a usable backup is refused before anything is touched."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain.actor import SYSTEM
from desktop.errors import DatabaseCorrupt, DatabaseNewer, PermissionDenied, StorageError
from desktop.services import backups, station
from desktop.services.audit import AuditFilter, list_audit
from desktop.services.settings import Settings, save_settings
from desktop.storage import backup as storage
from desktop.storage.database import open_database

NOW = datetime(2026, 11, 29, 9, 0, 0)

PROFILE = dict(station_name="幸福村志愿服务站", contact_name="李秀英", contact_phone="13804361234",
               address="平安镇幸福村村委会", office_hours="周一至周五", notes="")


def _rename_station(db, actor, name: str) -> None:
    with db.unit_of_work(actor) as uow:
        station.update_village_profile(uow, **{**PROFILE, "station_name": name})


def _station_name(db) -> str:
    with db.reading(SYSTEM) as uow:
        return station.village_profile(uow).station_name


def _station_name_in_file(path: Path) -> str:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        return conn.execute("SELECT station_name FROM village_profile").fetchone()[0]


def _names(folder) -> list[str]:
    return [info.path.name for info in storage.list_backups(folder)]


def test_backup_change_restore_brings_the_old_data_back_and_keeps_the_replaced_database(setup_station):
    s = setup_station
    _rename_station(s.db, s.admin, "备份时的名字")
    info = backups.backup_now(s.db, actor=s.admin, now=NOW)
    assert info.path.parent == s.folder.backups and info.path.is_file()
    assert info.reason == "manual" and info.taken_at == NOW
    _rename_station(s.db, s.admin, "备份后改的名字")
    s.db.close()

    moved = backups.restore(s.folder, actor=s.admin, backup=info.path, now=NOW + timedelta(hours=1))

    assert moved is not None and moved.parent == s.folder.set_aside
    assert _station_name_in_file(moved) == "备份后改的名字"
    assert info.path.is_file(), "the backup itself is kept"
    db = open_database(s.folder)
    try:
        assert _station_name(db) == "备份时的名字"
        _rename_station(db, s.admin, "恢复后又改的名字")  # the restored database is fully usable
        assert _station_name(db) == "恢复后又改的名字"
    finally:
        db.close()
    assert _station_name_in_file(moved) == "备份后改的名字"


def test_a_backup_is_consistent_while_the_database_is_open_and_busy(setup_station):
    s = setup_station
    _rename_station(s.db, s.admin, "写入WAL的名字")  # still in the -wal file, not yet in the main file
    assert Path(f"{s.folder.database}-wal").stat().st_size > 0
    info = backups.backup_now(s.db, actor=s.admin, now=NOW)
    assert _station_name_in_file(info.path) == "写入WAL的名字"
    assert storage.check_backup(info.path) is not None


def test_only_the_admin_may_back_up_by_hand_or_restore(setup_station):
    s = setup_station
    for actor in (s.coordinator, s.hut_manager, s.viewer):
        with pytest.raises(PermissionDenied):
            backups.backup_now(s.db, actor=actor, now=NOW)
    assert _names(s.folder) == []
    info = backups.backup_now(s.db, actor=s.admin, now=NOW)
    s.db.close()
    with pytest.raises(PermissionDenied):
        backups.restore(s.folder, actor=s.coordinator, backup=info.path, now=NOW)
    assert list(s.folder.set_aside.iterdir()) == []


def test_a_backup_is_in_the_audit_log(setup_station):
    s = setup_station
    info = backups.backup_now(s.db, actor=s.admin, now=NOW)
    with s.db.reading(s.admin) as uow:
        (entry,) = list_audit(uow, where=AuditFilter(action="backup"))
    assert (entry.user_name, entry.entity_id, entry.details) == ("王建国", info.path.name, {"reason": "manual"})


def test_pruning_keeps_the_newest_n_of_the_same_reason(setup_station):
    s = setup_station
    with s.db.unit_of_work(s.admin) as uow:
        save_settings(uow, settings=Settings(backups_to_keep=3))
    manual = backups.backup_now(s.db, actor=s.admin, now=NOW - timedelta(days=30))
    taken = [backups.backup_now(s.db, actor=SYSTEM, reason="daily", now=NOW + timedelta(days=day))
             for day in range(5)]
    daily = [info for info in storage.list_backups(s.folder) if info.reason == "daily"]
    assert [info.path for info in daily] == [info.path for info in reversed(taken[2:])]
    assert [info.taken_at for info in daily] == [NOW + timedelta(days=day) for day in (4, 3, 2)]
    assert manual.path.is_file(), "daily backups never prune manual ones"
    for info in taken[:2]:
        assert not info.path.exists()


def test_backups_taken_in_the_same_second_list_newest_first_and_none_is_lost(setup_station):
    s = setup_station
    taken = [storage.take_backup(s.folder, reason="manual", now=NOW, keep=3) for _ in range(12)]
    assert len({info.path for info in taken}) == 12
    listed = storage.list_backups(s.folder)
    assert [info.path for info in listed] == [info.path for info in reversed(taken[-3:])]
    assert all(info.path.is_file() for info in taken[-3:])


def test_a_backup_taken_while_the_clock_is_behind_is_not_pruned_at_once(setup_station):
    s = setup_station
    with s.db.unit_of_work(s.admin) as uow:
        save_settings(uow, settings=Settings(backups_to_keep=3))
    for day in range(3):
        backups.daily_backup_if_due(s.db, actor=SYSTEM, now=NOW + timedelta(days=day))
    assert len(_names(s.folder)) == 3
    # The CMOS battery died: the PC now thinks it is 2000-01-01.
    wrong_clock = datetime(2000, 1, 1, 0, 5)
    assert storage.daily_backup_due(s.folder, now=wrong_clock)
    info = backups.daily_backup_if_due(s.db, actor=SYSTEM, now=wrong_clock)
    assert info is not None
    assert info.path.is_file(), "the backup just taken must survive pruning"
    assert len([b for b in storage.list_backups(s.folder) if b.reason == "daily"]) == 3


def _daily(folder, when: datetime) -> Path:
    folder.backups.mkdir(parents=True, exist_ok=True)
    path = folder.backups / f"village-station-{when:%Y%m%d-%H%M%S}-daily.db"
    path.write_bytes(b"")
    return path


def test_daily_backup_due(folder):
    assert storage.daily_backup_due(folder, now=NOW), "due when there is no backup at all"
    _daily(folder, NOW - timedelta(hours=23))
    assert not storage.daily_backup_due(folder, now=NOW)
    assert storage.daily_backup_due(folder, now=NOW + timedelta(hours=1)), "due a day after the last"


def test_a_manual_backup_does_not_make_the_daily_one_unnecessary(folder):
    folder.backups.mkdir(parents=True)
    (folder.backups / f"village-station-{NOW:%Y%m%d-%H%M%S}-manual.db").write_bytes(b"")
    assert storage.daily_backup_due(folder, now=NOW)


def test_a_daily_backup_dated_in_the_future_makes_a_new_one_due(folder):
    _daily(folder, NOW - timedelta(days=3))
    year_ahead = _daily(folder, NOW + timedelta(days=365))  # taken while the clock was a year ahead
    assert storage.daily_backup_due(folder, now=NOW)
    # A few minutes ahead is an ordinary clock difference, not a reason for another backup.
    year_ahead.unlink()
    _daily(folder, NOW + timedelta(minutes=2))
    assert not storage.daily_backup_due(folder, now=NOW)


def test_daily_backup_if_due_takes_one_only_when_due(setup_station):
    s = setup_station
    first = backups.daily_backup_if_due(s.db, actor=SYSTEM, now=NOW)
    assert first is not None and first.reason == "daily" and first.path.is_file()
    assert backups.daily_backup_if_due(s.db, actor=SYSTEM, now=NOW + timedelta(hours=2)) is None
    second = backups.daily_backup_if_due(s.db, actor=SYSTEM, now=NOW + timedelta(days=1))
    assert second is not None and second.path != first.path


@pytest.fixture
def closed_station(setup_station, digest):
    """A set-up station whose database is closed, with a way to prove it was not touched."""
    s = setup_station
    _rename_station(s.db, s.admin, "现在的数据")
    s.db.close()
    before = digest(s.folder.database)

    def untouched() -> bool:
        return (digest(s.folder.database) == before and list(s.folder.set_aside.iterdir()) == []
                and _station_name_in_file(s.folder.database) == "现在的数据")

    return s, untouched


def test_restoring_a_file_that_is_not_a_database_is_refused(closed_station):
    s, untouched = closed_station
    not_a_backup = s.folder.backups / "village-station-20261128-090000-manual.db"
    not_a_backup.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(DatabaseCorrupt) as caught:
        backups.restore(s.folder, actor=s.admin, backup=not_a_backup, now=NOW)
    assert str(not_a_backup) in str(caught.value)
    assert untouched()


def test_restoring_an_empty_or_missing_file_is_refused(closed_station):
    s, untouched = closed_station
    empty = s.folder.backups / "empty.db"
    empty.write_bytes(b"")
    for path in (empty, s.folder.backups / "missing.db"):
        with pytest.raises(StorageError) as caught:
            backups.restore(s.folder, actor=s.admin, backup=path, now=NOW)
        assert str(path) in str(caught.value)
    assert untouched()


def test_restoring_a_backup_from_a_newer_version_is_refused(closed_station):
    s, untouched = closed_station
    newer = s.folder.backups / "from-newer-app.db"
    storage.copy_database(s.folder.database, newer)
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
        conn.commit()
    with pytest.raises(DatabaseNewer):
        backups.restore(s.folder, actor=s.admin, backup=newer, now=NOW)
    assert untouched()
