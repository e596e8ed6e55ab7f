"""Station databases for the sync tests: set-up stations of a village in tmp folders, and small helpers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from station_kinds import add_tables

from desktop.domain.actor import SYSTEM, Actor
from desktop.paths import DataFolder
from desktop.services import regions, station
from desktop.storage.database import Database, open_database

PASSWORD = "secret-42"
VILLAGE_A = "220802101201"   # 幸福村
VILLAGE_B = "220802101202"   # 红星村
COMMUNITY_C = "220802101001"  # 新华社区

REGION_CSV = (
    "code,name,level,parent_code\n"
    "220802101,平安镇,township,220802\n"
    "220802101201,幸福村,village,220802101\n"
    "220802101202,红星村,village,220802101\n"
    "220802101001,新华社区,community,220802101\n"
)


@dataclass
class SyncStation:
    folder: DataFolder
    db: Database
    admin: Actor

    def rows(self, model) -> list:
        with self.db.reading(SYSTEM) as uow:
            rows = list(uow.session.scalars(select(model)))
            uow.session.expunge_all()  # keep their loaded values after the read-only transaction ends
            return rows

    def close(self) -> None:
        self.db.close()


def make_station(root: Path, name: str, village: str = VILLAGE_A, *, physical_ms=None) -> SyncStation:
    folder = DataFolder(root / name)
    db = open_database(folder)
    if physical_ms is not None:
        db.clock._physical_ms = physical_ms
    with db.unit_of_work(SYSTEM) as uow:
        regions.import_regions_csv(uow, data=REGION_CSV.encode("utf-8"))
    with db.unit_of_work(SYSTEM) as uow:
        admin = station.set_up_station(uow, village_code=village, admin_username="admin", admin_name="王建国",
                                       admin_password=PASSWORD)
    db.reload_station()
    add_tables(db)
    return SyncStation(folder, db, admin)


def reopen(test_station: SyncStation) -> SyncStation:
    test_station.db.close()
    db = open_database(test_station.folder)
    add_tables(db)
    return SyncStation(test_station.folder, db, test_station.admin)
