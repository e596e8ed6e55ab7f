"""Record kinds the sync tests and benchmarks declare for themselves, standing in for areas not built yet.

``test_volunteer`` and ``test_household`` merge by field, ``test_movement`` is an append-only ledger
line, ``test_service_hour`` is append-only with a parent (the volunteer it belongs to).  Their models sit
on their own declarative base; ``add_tables(db)`` creates them on a station database.
"""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop.domain.sync_kinds import VILLAGE_CODE, Merge, RecordKind, Scope, declare, ref, text, whole
from desktop.storage import sync_store
from desktop.storage.database import Database
from desktop.storage.models import Synced, new_id

VOLUNTEER = declare(RecordKind("test_volunteer", Scope.VILLAGE, Merge.FIELDS,
                               fields={"village_code": VILLAGE_CODE, "name": text(64), "phone": text(32),
                                       "notes": text(200)}))
HOUSEHOLD = declare(RecordKind("test_household", Scope.VILLAGE, Merge.FIELDS,
                               fields={"village_code": VILLAGE_CODE, "head": text(64), "members": whole(0, 100),
                                       "address": text(200)}))
MOVEMENT = declare(RecordKind("test_movement", Scope.VILLAGE, Merge.APPEND,
                              fields={"village_code": VILLAGE_CODE, "hut": text(64), "item": text(64),
                                      "quantity": whole(-1_000_000, 1_000_000)}))
SERVICE_HOUR = declare(RecordKind("test_service_hour", Scope.VILLAGE, Merge.APPEND,
                                  fields={"village_code": VILLAGE_CODE, "volunteer_id": ref("test_volunteer"),
                                          "minutes": whole(0, 100_000)},
                                  parents={"volunteer_id": "test_volunteer"}))


class TestBase(DeclarativeBase):
    pass


class Volunteer(Synced, TestBase):
    __tablename__ = "test_volunteers"
    __sync__ = VOLUNTEER

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    notes: Mapped[str] = mapped_column(String(200), default="")


class Household(Synced, TestBase):
    __tablename__ = "test_households"
    __sync__ = HOUSEHOLD

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12))
    head: Mapped[str] = mapped_column(String(64), default="")
    members: Mapped[int] = mapped_column(Integer, default=1)
    address: Mapped[str] = mapped_column(String(200), default="")


class Movement(Synced, TestBase):
    __tablename__ = "test_movements"
    __sync__ = MOVEMENT

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12))
    hut: Mapped[str] = mapped_column(String(64), default="")
    item: Mapped[str] = mapped_column(String(64), default="")
    quantity: Mapped[int] = mapped_column(Integer, default=0)


class ServiceHour(Synced, TestBase):
    __tablename__ = "test_service_hours"
    __sync__ = SERVICE_HOUR

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12))
    volunteer_id: Mapped[str] = mapped_column(String(36))
    minutes: Mapped[int] = mapped_column(Integer, default=0)


MODELS = {"test_volunteer": Volunteer, "test_household": Household, "test_movement": Movement,
          "test_service_hour": ServiceHour}
for _entity, _model in MODELS.items():
    sync_store.register(_entity, _model)


def add_tables(db: Database) -> None:
    TestBase.metadata.create_all(db.engine)
