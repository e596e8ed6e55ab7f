"""Helpers for the sync client tests: enrolling test stations, faults on the wire, comparing what stations hold."""

from __future__ import annotations

from collections.abc import Callable

import requests
from sqlalchemy import select
from station_kinds import MODELS, Movement, Volunteer
from stations import SyncStation

from desktop.domain.actor import SYSTEM
from desktop.storage.models import Conflict, OutboxRecord, VillageProfile
from sync.client import enroll, sync_once


class City:
    """The live city server (tests/sync/conftest.py's ``live_server``) as the station tests use it."""

    def __init__(self, live_server) -> None:
        self.live = live_server
        self.base_url = live_server.base_url
        self.engine = live_server.engine

    def enroll_code(self, village: str) -> str:
        return self.live.make_enroll_code(village)

    def revoke(self, station_id: str) -> None:
        from sync.server import stations as server_stations

        server_stations.revoke_station(self.engine, station_id)


# Fields that are the same on every station once synced (not local bookkeeping like created_at).
_SKIP = {"created_at", "updated_at", "created_by", "updated_by", "hlc"}


def no_sleep(_seconds: float) -> None:
    """Retries in tests do not wait."""


def enroll_at(city, station: SyncStation, village: str | None = None):
    village = village or station_village(station)
    return enroll(station.db, city.base_url, city.enroll_code(village))


def station_village(station: SyncStation) -> str:
    from desktop.storage.models import Station

    with station.db.reading(SYSTEM) as uow:
        return uow.session.scalars(select(Station)).one().village_code


def sync(station: SyncStation, **kwargs):
    kwargs.setdefault("sleep", no_sleep)
    return sync_once(station.db, **kwargs)


def snapshot(station: SyncStation) -> dict[str, dict[str, dict]]:
    """Every synced record the station holds, by entity and row id, with its values and stamps."""
    result: dict[str, dict[str, dict]] = {}
    with station.db.reading(SYSTEM) as uow:
        for entity, model in [*MODELS.items(), ("village_profile", VillageProfile), ("conflict", Conflict)]:
            rows = {}
            for row in uow.session.scalars(select(model)):
                values = {attr.key: getattr(row, attr.key) for attr in row.__mapper__.column_attrs
                          if attr.key not in _SKIP}
                rows[str(values.pop("id"))] = values
            result[entity] = rows
    return result


def outbox_ids(station: SyncStation) -> list[str]:
    with station.db.reading(SYSTEM) as uow:
        return list(uow.session.scalars(select(OutboxRecord.change_id).order_by(OutboxRecord.seq)))


def ledger(station: SyncStation) -> dict[str, int]:
    sums: dict[str, int] = {}
    with station.db.reading(SYSTEM) as uow:
        for row in uow.session.scalars(select(Movement)):
            sums[row.item] = sums.get(row.item, 0) + row.quantity
    return sums


def add_volunteer(station: SyncStation, row_id: str, name: str, **fields) -> None:
    with station.db.unit_of_work(station.admin) as uow:
        uow.session.add(Volunteer(id=row_id, village_code=station_village(station), name=name, **fields))


def edit(station: SyncStation, model, row_id: str, **fields) -> None:
    with station.db.unit_of_work(station.admin) as uow:
        row = uow.session.get(model, row_id)
        for name, value in fields.items():
            setattr(row, name, value)


def add_movement(station: SyncStation, row_id: str, item: str, quantity: int) -> None:
    with station.db.unit_of_work(station.admin) as uow:
        uow.session.add(Movement(id=row_id, village_code=station_village(station), hut="hut-1", item=item,
                                 quantity=quantity))


class FaultySession(requests.Session):
    """A real session whose ``fault(request, response)`` hook may throw the answer away.

    ``fault`` is called after the server has answered (and so committed); raising there is exactly a
    response lost on the way back.  ``None`` for the response means the request is about to be sent.
    """

    def __init__(self, fault: Callable[[requests.PreparedRequest, requests.Response | None], None]) -> None:
        super().__init__()
        self.fault = fault
        self.calls: list[str] = []

    def send(self, request, **kwargs):
        self.calls.append(request.path_url)
        self.fault(request, None)
        response = super().send(request, **kwargs)
        self.fault(request, response)
        return response


def lose_answers(path: str, times: int) -> FaultySession:
    """A session that drops the first ``times`` answers to requests on ``path`` after the server committed."""
    left = {"n": times}

    def fault(request, response):
        if response is not None and request.path_url.startswith(path) and left["n"] > 0:
            left["n"] -= 1
            raise requests.ConnectionError("the answer was lost on the way back")

    return FaultySession(fault)


def village_with_unsynced_work(tmp_path, city) -> tuple[SyncStation, SyncStation]:
    """Two enrolled stations of one village: both hold unsent ledger movements and a volunteer, and
    station b has synced its own; the ledgers end at rice 28 (a) and oil 28 (b)."""
    from stations import make_station

    a, b = make_station(tmp_path, "a"), make_station(tmp_path, "b")
    for station in (a, b):
        enroll_at(city, station)
        sync(station)
    for number in range(7):
        add_movement(a, f"a{number}", "rice", number + 1)
        add_movement(b, f"b{number}", "oil", number + 1)
    add_volunteer(a, "v1", "张三")
    add_volunteer(b, "v2", "李四")
    sync(b)
    return a, b


def server_ledger(city, village: str | None = None) -> dict[str, int]:
    """The city server's ledger sums of ``test_movement`` records (of one village, or all)."""
    from sync.server.models import Record

    sums: dict[str, int] = {}
    query = select(Record.fields).where(Record.entity == "test_movement")
    if village is not None:
        query = query.where(Record.village_code == village)
    with city.engine.connect() as connection:
        for fields in connection.scalars(query):
            sums[fields["item"]] = sums.get(fields["item"], 0) + fields["quantity"]
    return sums


def readable_elsewhere(city, station: SyncStation) -> int:
    """How many changelog entries the station may pull that it did not push itself: the most a sync that
    fetches nothing again can receive."""
    from desktop.storage.models import Station
    from sync.server.models import ChangelogEntry

    with station.db.reading(SYSTEM) as uow:
        village, station_id = uow.session.execute(select(Station.village_code, Station.station_id)).one()
    log = ChangelogEntry.__table__
    with city.engine.connect() as connection:
        rows = connection.execute(select(log.c.village_code, log.c.origin_station)).all()
    return sum(1 for code, origin in rows if code in (None, village) and origin != station_id)
