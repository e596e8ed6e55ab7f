"""Shared fixtures for the core tests: a data folder in tmp_path and a set-up station with its people."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain.actor import SYSTEM, Actor
from desktop.domain.roles import Role
from desktop.paths import DataFolder
from desktop.services import accounts, regions, station
from desktop.storage.database import Database, open_database

PASSWORD = "secret-42"

VILLAGE = "220802101201"

# A small region file as the city hands it out: a header, one township, two villages, a community.
REGION_CSV = (
    "code,name,level,parent_code\n"
    "220802101,平安镇,township,220802\n"
    "220802101201,幸福村,village,220802101\n"
    "220802101202,红星村,village,220802101\n"
    "220802101001,新华社区,community,220802101\n"
)


@dataclass
class Station:
    """A set-up station: the open database and one actor per role."""

    folder: DataFolder
    db: Database
    admin: Actor
    coordinator: Actor
    hut_manager: Actor
    viewer: Actor
    password: str = PASSWORD


class FakeNow:
    """A controllable clock for ``Database.now``: starts at a fixed moment and moves only when told."""

    def __init__(self, start: datetime = datetime(2026, 11, 29, 9, 0, 0)) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, seconds: float) -> None:
        self.current += timedelta(seconds=seconds)


def _actor(info: accounts.UserInfo) -> Actor:
    return Actor(info.id, info.username, info.display_name, info.role)


def set_up(db: Database) -> tuple[Actor, Actor, Actor, Actor]:
    """Import the regions, set the station up for 幸福村 and add one account per other role."""
    with db.unit_of_work(SYSTEM) as uow:
        regions.import_regions_csv(uow, data=REGION_CSV.encode("utf-8"))
    with db.unit_of_work(SYSTEM) as uow:
        admin = station.set_up_station(uow, village_code=VILLAGE, admin_username="admin",
                                       admin_name="王建国", admin_password=PASSWORD)
    db.reload_station()
    made = []
    with db.unit_of_work(admin) as uow:
        for username, name, role in (("coordinator", "李秀英", Role.COORDINATOR),
                                     ("hut", "张桂兰", Role.HUT_MANAGER),
                                     ("viewer", "刘明", Role.VIEWER)):
            made.append(_actor(accounts.add_user(uow, username=username, display_name=name, role=role,
                                                 password=PASSWORD)))
    coordinator, hut_manager, viewer = made
    return admin, coordinator, hut_manager, viewer


@pytest.fixture
def folder(tmp_path: Path) -> DataFolder:
    return DataFolder(tmp_path / "data")


@pytest.fixture
def fresh_db(folder: DataFolder) -> Iterator[Database]:
    """A new, empty (not set-up) station database."""
    db = open_database(folder)
    yield db
    db.close()


@pytest.fixture
def setup_station(folder: DataFolder) -> Iterator[Station]:
    db = open_database(folder)
    admin, coordinator, hut_manager, viewer = set_up(db)
    yield Station(folder, db, admin, coordinator, hut_manager, viewer)
    db.close()


@pytest.fixture
def set_up_database() -> Callable[[Database], tuple[Actor, Actor, Actor, Actor]]:
    """``set_up`` for another database a test opens itself (a second PC of the same village)."""
    return set_up


@pytest.fixture
def fake_now() -> FakeNow:
    return FakeNow()


@pytest.fixture
def digest() -> Callable[[Path], str]:
    """The SHA-256 of a file's bytes, to prove a file was left exactly as it was."""
    return lambda path: hashlib.sha256(path.read_bytes()).hexdigest()
