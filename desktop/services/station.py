"""The station itself: first-run set-up, what it is, and the village profile it shares with the city."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from desktop.domain.actor import Actor
from desktop.domain.phone import normalise_phone
from desktop.domain.regions import Level, Region, place_name
from desktop.domain.roles import Permission, Role
from desktop.domain.text import clean_text
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import accounts, regions
from desktop.storage.models import Region as RegionRow
from desktop.storage.models import Station, User, VillageProfile
from desktop.storage.uow import UnitOfWork, aware


@dataclass(frozen=True)
class StationInfo:
    station_id: str
    village: Region
    path: list[Region]

    @property
    def place(self) -> str:
        return place_name(self.path)


@dataclass(frozen=True)
class ProfileInfo:
    station_name: str
    contact_name: str
    contact_phone: str
    address: str
    office_hours: str
    notes: str
    updated_at: object
    updated_by_name: str


def is_set_up(uow: UnitOfWork) -> bool:
    return uow.session.scalars(select(Station)).first() is not None


def set_up_station(uow: UnitOfWork, *, village_code: str, admin_username: str, admin_name: str,
                   admin_password: str) -> Actor:
    """First run: bind this PC's database to one village and create its station admin."""
    if is_set_up(uow):
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "This station is already set up."))
    village = uow.session.get(RegionRow, village_code)
    if village is None or not Level(village.level).is_station:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Choose the village or community this station serves."), field="village")
    admin = accounts.add_user(uow, username=admin_username, display_name=admin_name, role=Role.ADMIN,
                              password=admin_password)
    actor = Actor(admin.id, admin.username, admin.display_name, Role.ADMIN)
    uow.actor = actor
    station_id = str(uuid.uuid4())
    uow.session.add(Station(id=1, station_id=station_id, database_id=str(uuid.uuid4()),
                            village_code=village.code, created_at=uow.now()))
    uow.clock.node = station_id
    uow.session.flush()
    # The profile's row id is the village code, so every station of the village edits the same record.
    uow.session.add(VillageProfile(id=village.code, village_code=village.code,
                                   station_name=f"{village.name}志愿服务站"))
    uow.session.flush()
    uow.audit("set_up_station", entity="station", entity_id=station_id, village=village.code)
    return actor


def village_code(uow: UnitOfWork) -> str:
    """The village this station keeps records for: every synced row it writes carries this code."""
    code = uow.session.info.get("village_code")
    if code is None:
        code = uow.session.info["village_code"] = uow.session.scalars(select(Station.village_code)).one()
    return code


def station_info(uow: UnitOfWork) -> StationInfo:
    station = uow.session.scalars(select(Station)).one()
    path = regions.region_path(uow, station.village_code)
    return StationInfo(station.station_id, path[-1], path)


def _profile(uow: UnitOfWork) -> VillageProfile:
    station = uow.session.scalars(select(Station)).one()
    return uow.session.scalars(select(VillageProfile).where(
        VillageProfile.village_code == station.village_code)).one()


def village_profile(uow: UnitOfWork) -> ProfileInfo:
    uow.require(Permission.VIEW_DATA)
    profile = _profile(uow)
    updated_by = uow.session.get(User, profile.updated_by) if profile.updated_by else None
    return ProfileInfo(profile.station_name, profile.contact_name, profile.contact_phone, profile.address,
                       profile.office_hours, profile.notes, aware(profile.updated_at),
                       updated_by.display_name if updated_by else "")


def update_village_profile(uow: UnitOfWork, *, station_name: str, contact_name: str, contact_phone: str,
                           address: str, office_hours: str, notes: str) -> ProfileInfo:
    uow.require(Permission.EDIT_VILLAGE_PROFILE)
    name = clean_text(station_name)
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter the station's name."), field="station_name")
    phone = clean_text(contact_phone)
    if phone:
        phone = normalise_phone(phone, field="contact_phone")
    profile = _profile(uow)
    profile.station_name = name[:100]
    profile.contact_name = clean_text(contact_name)[:64]
    profile.contact_phone = phone
    profile.address = clean_text(address)[:200]
    profile.office_hours = clean_text(office_hours)[:100]
    profile.notes = (notes or "").strip()
    uow.session.flush()
    return village_profile(uow)
