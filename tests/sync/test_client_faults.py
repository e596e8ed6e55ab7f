"""The station's sync client under harder faults, against a real city server on 127.0.0.1.

(e) PC clocks that are wrong or jump, (l) a restored backup and a copied database, (c) the station
stopped at every step of a sync, (j) random edits, partial syncs and faults on three stations converge.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from helpers import (
    City,
    add_movement,
    add_volunteer,
    edit,
    enroll_at,
    ledger,
    lose_answers,
    outbox_ids,
    readable_elsewhere,
    server_ledger,
    snapshot,
    sync,
    village_with_unsynced_work,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from station_kinds import Movement, Volunteer
from stations import VILLAGE_A, SyncStation, make_station, reopen

from desktop.domain.actor import SYSTEM
from desktop.services import sync as sync_service
from sync.client.run import STEPS

HOUR_MS = 3_600_000


def _agree(*stations: SyncStation) -> None:
    """Every station holds exactly the same synced records, and each agrees with the server's summary."""
    for station in stations:
        result = sync(station)
        assert not result.mismatch
    first = snapshot(stations[0])
    for station in stations[1:]:
        assert snapshot(station) == first
    for station in stations:
        assert outbox_ids(station) == []


def _server_ledger(city: City, village: str = VILLAGE_A) -> dict[str, int]:
    return server_ledger(city, village)


def _status(station: SyncStation) -> sync_service.SyncStatus:
    with station.db.reading(SYSTEM) as uow:
        return sync_service.sync_status(uow)


# -- (e) clocks ---------------------------------------------------------------------------------------

def _pc_clock(shift_ms: list[int]):
    return lambda: int(time.time() * 1000) + shift_ms[0]


def test_wrong_and_jumping_pc_clocks_converge_and_are_warned_about(tmp_path, city):
    year_2000 = 946_684_800_000 - int(time.time() * 1000)
    # 2000-01-01 from the start (it was set up with that clock); the others go wrong after enrolling
    shifts = {"ahead": [0], "behind": [0], "y2000": [year_2000], "jumpy": [0]}
    made = {name: make_station(tmp_path, name, physical_ms=_pc_clock(shift)) for name, shift in shifts.items()}
    try:
        for station in made.values():
            enroll_at(city, station)
            sync(station)
        shifts["ahead"][0], shifts["behind"][0] = 12 * HOUR_MS, -12 * HOUR_MS
        for station in made.values():
            sync(station)
        ahead, behind, y2000, jumpy = made.values()
        for station in (ahead, behind, y2000):
            assert _status(station).clock_warning
        assert not _status(jumpy).clock_warning

        add_volunteer(ahead, "v1", "张三", phone="1")
        sync(ahead)
        sync(behind)
        # the PC 12 hours behind edits after the one 12 hours ahead, neither having seen the other's edit:
        # stamped with the corrected time, the later edit wins
        edit(ahead, Volunteer, "v1", phone="earlier")
        sync(ahead)
        time.sleep(0.05)
        edit(behind, Volunteer, "v1", phone="later")
        sync(behind)
        sync(ahead)
        assert ahead.rows(Volunteer)[0].phone == behind.rows(Volunteer)[0].phone == "later"

        # a clock that jumps backwards between syncs still stamps in order
        shifts["jumpy"][0] = -3 * HOUR_MS
        sync(jumpy)
        edit(jumpy, Volunteer, "v1", notes="after the jump")
        add_movement(y2000, "m1", "rice", 5)
        add_movement(jumpy, "m2", "rice", 6)
        for station in made.values():
            sync(station)
        assert _status(jumpy).clock_warning
        _agree(*made.values())
        assert ahead.rows(Volunteer)[0].notes == "after the jump"
        assert ledger(ahead) == _server_ledger(city) == {"rice": 11}
    finally:
        for station in made.values():
            station.close()


# -- (l) a restored backup, a copied database ----------------------------------------------------------

def test_a_restored_backup_is_detected_fetches_everything_and_keeps_its_unsynced_changes(tmp_path, city):
    a, b = make_station(tmp_path, "a"), make_station(tmp_path, "b")
    try:
        for station in (a, b):
            enroll_at(city, station)
            sync(station)
        add_volunteer(a, "v1", "张三")
        sync(a)
        a.db.close()
        backup = tmp_path / "backup.db"
        shutil.copy(a.folder.database, backup)
        a = reopen(a)
        add_volunteer(a, "v2", "李四")
        add_movement(a, "m1", "rice", 3)
        sync(a)
        sync(a)
        a.db.close()
        shutil.copy(backup, a.folder.database)  # the PC's disk died; last week's backup goes back
        a = reopen(a)
        assert [row.id for row in a.rows(Volunteer)] == ["v1"]
        add_movement(a, "m2", "oil", 2)  # typed in after the restore, before the sync
        result = sync(a)
        assert result.refetched
        assert _status(a).last_refetch_at is not None
        assert sorted(row.id for row in a.rows(Volunteer)) == ["v1", "v2"]
        sync(b)
        assert ledger(b) == ledger(a) == _server_ledger(city) == {"rice": 3, "oil": 2}
        assert not sync(a).refetched  # it took the server's generation: once is enough
        _agree(a, b)
    finally:
        a.close()
        b.close()


def test_a_copied_database_on_a_second_pc_is_detected_and_nothing_is_lost(tmp_path, city):
    a, b = make_station(tmp_path, "a"), make_station(tmp_path, "b")
    copy = None
    try:
        for station in (a, b):
            enroll_at(city, station)
            sync(station)
        add_volunteer(a, "v1", "张三")
        sync(a)
        a.db.close()
        shutil.copytree(a.folder.root, tmp_path / "copy")
        a = reopen(a)
        copy = reopen(SyncStation(type(a.folder)(tmp_path / "copy"), a.db, a.admin))
        add_movement(a, "m1", "rice", 1)
        sync(a)
        add_movement(copy, "m2", "rice", 10)
        result = sync(copy)
        assert result.refetched
        sync(a)
        sync(b)
        assert ledger(a) == ledger(b) == ledger(copy) == _server_ledger(city) == {"rice": 11}
        _agree(a, b, copy)
    finally:
        a.close()
        b.close()
        if copy is not None:
            copy.close()


# -- (c) the station stopped at each step of a sync --------------------------------------------------------

class Stopped(SystemExit):
    """The station process ended here (power cut, task manager)."""


@pytest.mark.parametrize("step", [name for name in STEPS if name != "start"])
@pytest.mark.parametrize("occurrence", [1, 2])
def test_a_station_stopped_at_any_step_ends_up_with_exactly_the_servers_data(tmp_path, city, step, occurrence):
    a, b = village_with_unsynced_work(tmp_path, city)
    try:
        seen = {"n": 0}

        def stop(name: str) -> None:
            if name == step:
                seen["n"] += 1
                if seen["n"] == occurrence:
                    raise Stopped(1)

        with contextlib.suppress(Stopped):
            sync(a, on_step=stop, push_limit=3, pull_limit=3)
        a = reopen(a)  # the station starts again
        bound = readable_elsewhere(city, a)
        restarted = sync(a)
        # It picks up where it stopped: nothing fetched again, nothing pulled that it did not miss.
        assert not restarted.refetched and not restarted.mismatch
        assert restarted.received <= bound
        sync(b)
        assert ledger(a) == ledger(b) == _server_ledger(city) == {"rice": 28, "oil": 28}
        assert len(a.rows(Movement)) == 14
        _agree(a, b)
    finally:
        a.close()
        b.close()


def test_a_failed_push_keeps_the_outbox(tmp_path, city):
    a = make_station(tmp_path, "a")
    try:
        enroll_at(city, a)
        add_movement(a, "m1", "rice", 1)
        waiting = outbox_ids(a)
        assert waiting
        with pytest.raises(sync_service.ServerUnreachable):
            sync(a, session=lose_answers("/api/v1/push", times=100))  # every answer to a push is lost
        assert outbox_ids(a) == waiting  # nothing left the outbox without an answer
        with a.db.reading(SYSTEM) as uow:
            assert sync_service.sync_status(uow).last_sync_ok is False
        sync(a)
        assert outbox_ids(a) == []
        assert _server_ledger(city) == {"rice": 1}  # sent twice, taken once
    finally:
        a.close()


# -- (j) random edits, partial syncs and faults converge --------------------------------------------------

_names = st.sampled_from(["v0", "v1", "v2", "v3"])
_operations = st.lists(st.one_of(
    st.tuples(st.just("volunteer"), st.integers(0, 2), _names, st.sampled_from(["甲", "乙", "丙"])),
    st.tuples(st.just("phone"), st.integers(0, 2), _names, st.sampled_from(["1", "2", "3"])),
    st.tuples(st.just("movement"), st.integers(0, 2), st.sampled_from(["rice", "oil"]), st.integers(-5, 20)),
    st.tuples(st.just("sync"), st.integers(0, 2), st.sampled_from(["ok", "lose_push", "lose_pull", "stop"]),
              st.sampled_from(STEPS)),
), min_size=1, max_size=25)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=_operations)
def test_random_edits_partial_syncs_and_faults_on_three_stations_converge(city, operations):
    root = Path(tempfile.mkdtemp(prefix="sync-property-"))
    made = [make_station(root, f"s{index}") for index in range(3)]
    try:
        for station in made:
            enroll_at(city, station)
            sync(station)
        for counter, operation in enumerate(operations):
            kind, index = operation[0], operation[1]
            station = made[index]
            if kind == "volunteer":
                _, _, row_id, name = operation
                if any(row.id == row_id for row in station.rows(Volunteer)):
                    edit(station, Volunteer, row_id, name=name)
                else:
                    add_volunteer(station, row_id, name)
            elif kind == "phone":
                _, _, row_id, phone = operation
                if any(row.id == row_id for row in station.rows(Volunteer)):
                    edit(station, Volunteer, row_id, phone=phone)
            elif kind == "movement":
                _, _, item, quantity = operation
                add_movement(station, f"m{counter}-{root.name}", item, quantity)
            else:
                _, _, fault, step = operation
                try:
                    if fault == "lose_push":
                        sync(station, session=lose_answers("/api/v1/push", times=1))
                    elif fault == "lose_pull":
                        sync(station, session=lose_answers("/api/v1/pull", times=1), pull_limit=2)
                    elif fault == "stop":
                        def stop(name: str, step: str = step) -> None:
                            if name == step:
                                raise Stopped(1)
                        sync(station, on_step=stop, pull_limit=2)
                    else:
                        sync(station)
                except Stopped:
                    made[index] = reopen(station)
        for _round in range(2):
            for station in made:
                sync(station)
        _agree(*made)
        server = _server_ledger(city)
        for station in made:
            assert ledger(station) == server
    finally:
        for station in made:
            station.close()
        shutil.rmtree(root, ignore_errors=True)
