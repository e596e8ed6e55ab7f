"""The station's sync client against a real city server on 127.0.0.1: docs/sync-protocol.md under faults.

Letters name the cases of the station-side brief: (a) a lost answer, (b) a cut pull, (d) replays,
(f) conflicts, (h) children before parents, (i) refused changes, (k) old protocol, (m) scope and
credentials, (n) the sanity check.
"""

from __future__ import annotations

import sqlite3
import uuid
from contextlib import closing

import pytest
import requests
from helpers import (
    FaultySession,
    add_movement,
    add_volunteer,
    edit,
    enroll_at,
    ledger,
    lose_answers,
    no_sleep,
    outbox_ids,
    snapshot,
    sync,
)
from sqlalchemy import select
from station_kinds import Movement, ServiceHour, Volunteer
from stations import VILLAGE_A, VILLAGE_B, make_station

from desktop.domain.actor import SYSTEM
from desktop.errors import Cancelled
from desktop.services import sync as sync_service
from desktop.services.sync import EnrollCodeRefused, Unauthorized, UpgradeRequired
from desktop.storage.models import Conflict, SyncSetAside, VillageProfile
from sync import protocol
from sync.client import enroll
from sync.client import http as client_http
from sync.client.http import SyncHttp


@pytest.fixture
def stations(tmp_path, city):
    """Three stations of 幸福村 and one of 红星村, each enrolled and synced once."""
    made = {name: make_station(tmp_path, name, village) for name, village in
            (("a", VILLAGE_A), ("b", VILLAGE_A), ("c", VILLAGE_A), ("x", VILLAGE_B))}
    for station in made.values():
        enroll_at(city, station)
    for station in made.values():
        sync(station)
    yield made
    for station in made.values():
        station.close()


def _summary_agrees(station) -> None:
    result = sync(station)
    assert not result.refetched and not result.mismatch


# -- (a) an answer lost after the server committed ---------------------------------------------

def test_a_push_whose_answer_is_lost_is_resent_and_applied_once(stations):
    a, b = stations["a"], stations["b"]
    for number in range(5):
        add_movement(a, f"m{number}", "rice", 10)
    add_volunteer(a, "v1", "张三")
    session = lose_answers("/api/v1/push", times=2)
    result = sync(a, session=session)
    assert session.calls.count("/api/v1/push") >= 3  # two answers lost, then the resend got through
    assert outbox_ids(a) == []
    assert result.sent >= 6
    sync(b)
    assert ledger(b) == {"rice": 50}
    assert len(b.rows(Movement)) == 5
    assert snapshot(b)["test_volunteer"] == snapshot(a)["test_volunteer"]
    _summary_agrees(a)
    _summary_agrees(b)


def test_when_every_answer_is_lost_the_outbox_stays_and_the_next_sync_drains_it_once(stations):
    a, b = stations["a"], stations["b"]
    add_movement(a, "m1", "oil", 3)
    with pytest.raises(sync_service.ServerUnreachable):
        sync(a, session=lose_answers("/api/v1/push", times=100))
    assert outbox_ids(a) != []
    with a.db.reading(SYSTEM) as uow:
        status = sync_service.sync_status(uow)
    assert status.last_sync_ok is False and "cannot be reached" in status.last_error.text()
    sync(a)
    assert outbox_ids(a) == []
    sync(b)
    assert ledger(b) == {"oil": 3}


# -- (b) a connection cut in the middle of pulling ----------------------------------------------

def test_a_pull_cut_mid_way_resumes_with_no_gap_and_no_duplicate(stations):
    a, b = stations["a"], stations["b"]
    for number in range(23):
        add_movement(a, f"m{number:02d}", "flour", number)
        add_volunteer(a, f"v{number:02d}", f"人{number}")
    sync(a)
    pulls = {"n": 0}

    def cut_from_third_page(request, response):  # the link stays down: every retry fails too
        if response is not None and request.path_url.startswith("/api/v1/pull"):
            pulls["n"] += 1
            if pulls["n"] >= 3:
                raise requests.ConnectionError("the cable was pulled")

    with pytest.raises(sync_service.ServerUnreachable):
        sync(b, session=FaultySession(cut_from_third_page), pull_limit=5)
    partly = len(b.rows(Movement)) + len(b.rows(Volunteer))
    assert 0 < partly < 46
    sync(b, pull_limit=5)
    assert ledger(b) == ledger(a)
    assert snapshot(b)["test_volunteer"] == snapshot(a)["test_volunteer"]
    assert len(b.rows(Movement)) == 23
    _summary_agrees(b)


def test_cancelling_between_pages_is_safe(stations):
    a, b = stations["a"], stations["b"]
    for number in range(12):
        add_movement(a, f"m{number:02d}", "salt", 1)
    sync(a)
    pages = {"n": 0}

    def cancel_after_two_pages(name: str) -> None:
        if name == "pull_applied":
            pages["n"] += 1

    with pytest.raises(Cancelled):
        sync(b, pull_limit=4, on_step=cancel_after_two_pages, cancelled=lambda: pages["n"] >= 2)
    assert 0 < len(b.rows(Movement)) < 12  # stopped after two pages of four
    sync(b, pull_limit=4)
    assert ledger(b) == {"salt": 12}
    assert len(b.rows(Movement)) == 12


# -- (d) replays ---------------------------------------------------------------------------------

def test_a_replayed_batch_and_a_reused_batch_id_change_nothing(stations, city):
    a, b = stations["a"], stations["b"]
    add_movement(a, "m1", "rice", 7)
    add_volunteer(a, "v1", "张三")
    sent: list[bytes] = []

    def keep_push(request, response):
        if response is None and request.path_url.startswith("/api/v1/push") and request.body:
            sent.append(request.body)

    sync(a, session=FaultySession(keep_push))
    body = protocol.decode_body(sent[0])
    assert body["changes"], "the first push carried the changes"
    with a.db.reading(SYSTEM) as uow:
        url, token, generation = sync_service.connection(uow)
    http = SyncHttp(url, token=token, generation=generation, sleep=no_sleep)
    replay = http.post("/api/v1/push", body)
    assert sorted(replay["accepted"]) == sorted(change["change_id"] for change in body["changes"])
    again = http.post("/api/v1/push", {"batch_id": body["batch_id"], "changes": body["changes"]})
    assert sorted(again["accepted"]) == sorted(replay["accepted"])
    sync(b)
    assert ledger(b) == {"rice": 7}
    assert len(b.rows(Volunteer)) == 1
    _summary_agrees(a)
    _summary_agrees(b)


# -- (f) conflicts -------------------------------------------------------------------------------

def test_the_same_field_changed_on_two_stations_makes_one_conflict_that_both_see_and_one_resolves(stations):
    a, b = stations["a"], stations["b"]
    add_volunteer(a, "v1", "张三", phone="13900000000")
    sync(a)
    sync(b)
    edit(a, Volunteer, "v1", phone="13911111111")
    edit(b, Volunteer, "v1", phone="13922222222")  # later stamp: wins
    sync(a)
    sync(b)
    sync(a)
    assert a.rows(Volunteer)[0].phone == b.rows(Volunteer)[0].phone == "13922222222"
    (conflict_a,) = a.rows(Conflict)
    (conflict_b,) = b.rows(Conflict)
    assert conflict_a.id == conflict_b.id
    assert (conflict_a.kept_value, conflict_a.lost_value) == ("13922222222", "13911111111")
    with a.db.reading(a.admin) as uow:
        assert sync_service.sync_status(uow).conflicts_open == 1
    with a.db.unit_of_work(a.admin) as uow:
        sync_service.resolve_conflict(uow, conflict_id=conflict_a.id, keep=sync_service.KEEP_LOST)
    result = sync(a)
    assert result.conflicts_open == 0
    result = sync(b)
    assert result.conflicts_open == 0
    assert b.rows(Volunteer)[0].phone == a.rows(Volunteer)[0].phone == "13911111111"
    assert b.rows(Conflict)[0].resolved and b.rows(Conflict)[0].resolution == "lost"
    assert snapshot(a) == snapshot(b)


def test_an_older_value_pulled_while_a_newer_one_waits_to_be_sent_does_not_overwrite_it(stations):
    """End to end through the server: B's older edit arrives at A in the middle of A's sync, while A's newer
    edit of the same field has not been sent yet.  A keeps its own value, and the server then takes it."""
    a, b = stations["a"], stations["b"]
    add_volunteer(a, "v1", "张三", phone="13900000000")
    sync(a)
    sync(b)
    edit(b, Volunteer, "v1", phone="13911111111")  # older
    sync(b)

    def edit_while_syncing(step: str) -> None:
        if step == "pull_sending" and a.rows(Volunteer)[0].phone == "13900000000":
            edit(a, Volunteer, "v1", phone="13922222222")  # newer, typed in while the sync runs

    result = sync(a, on_step=edit_while_syncing)
    assert a.rows(Volunteer)[0].phone == "13922222222"  # the pulled older value did not overwrite it
    assert not result.refetched
    sync(a)
    sync(b)
    assert b.rows(Volunteer)[0].phone == "13922222222"
    (conflict,) = b.rows(Conflict)
    assert (conflict.kept_value, conflict.lost_value) == ("13922222222", "13911111111")  # nothing disappeared
    assert snapshot(a) == snapshot(b)


def test_different_fields_changed_on_two_stations_merge_cleanly(stations):
    a, b = stations["a"], stations["b"]
    add_volunteer(a, "v1", "张三", phone="1", notes="")
    sync(a)
    sync(b)
    edit(a, Volunteer, "v1", phone="13933333333")
    edit(b, Volunteer, "v1", notes="会开车")
    sync(a)
    sync(b)
    sync(a)
    for station in (a, b):
        (row,) = station.rows(Volunteer)
        assert (row.phone, row.notes) == ("13933333333", "会开车")
        assert station.rows(Conflict) == []
    assert snapshot(a) == snapshot(b)


# -- (h) a child before its parent -----------------------------------------------------------------

def test_a_child_that_arrives_before_its_parent_is_held_then_applied(stations):
    a, b = stations["a"], stations["b"]
    with a.db.reading(SYSTEM) as uow:
        url, token, generation = sync_service.connection(uow)
    http = SyncHttp(url, token=token, generation=generation, sleep=no_sleep)
    stamp = str(a.db.clock.now())

    def change(entity, row_id, fields):
        return {"change_id": str(uuid.uuid4()), "entity": entity, "row_id": row_id, "fields": fields,
                "stamps": dict.fromkeys(fields, stamp), "base": dict.fromkeys(fields)}

    hour = change("test_service_hour", "h1", {"village_code": VILLAGE_A, "volunteer_id": "v9", "minutes": 120})
    parent = change("test_volunteer", "v9", {"village_code": VILLAGE_A, "name": "王五", "phone": "", "notes": ""})
    assert http.post("/api/v1/push", {"batch_id": str(uuid.uuid4()), "changes": [hour]})["accepted"]
    sync(b, pull_limit=1)  # only the child has arrived
    with b.db.reading(SYSTEM) as uow:
        assert sync_service.sync_status(uow).held == 1
    assert b.rows(ServiceHour) == []
    assert http.post("/api/v1/push", {"batch_id": str(uuid.uuid4()), "changes": [parent]})["accepted"]
    sync(b, pull_limit=1)
    assert [row.minutes for row in b.rows(ServiceHour)] == [120]
    with b.db.reading(SYSTEM) as uow:
        assert sync_service.sync_status(uow).held == 0


# -- (i) a change the server refuses -----------------------------------------------------------------

def test_a_refused_change_is_set_aside_with_its_reason_and_the_rest_goes_on(stations):
    a, b = stations["a"], stations["b"]
    add_movement(a, "m1", "rice", 2)
    with a.db.unit_of_work(a.admin) as uow:  # another village's record: not this station's to write
        uow.session.add(Volunteer(id="v-foreign", village_code=VILLAGE_B, name="外村人"))
    add_movement(a, "m2", "rice", 3)
    result = sync(a)
    assert result.set_aside == 1 and result.sent >= 2
    assert outbox_ids(a) == []
    (aside,) = a.rows(SyncSetAside)
    assert (aside.entity, aside.row_id, aside.code) == ("test_volunteer", "v-foreign", protocol.OUT_OF_SCOPE)
    assert aside.reason
    with a.db.reading(a.admin) as uow:
        assert sync_service.sync_status(uow).set_aside == 1
        assert sync_service.list_set_aside(uow)[0].reason == aside.reason
    sync(b)
    assert ledger(b) == {"rice": 5}
    assert [row.id for row in b.rows(Volunteer)] == []


# -- (k) an old protocol version ---------------------------------------------------------------------

def test_an_old_station_is_told_to_upgrade_keeps_its_outbox_and_drains_after_upgrading(stations, monkeypatch):
    a, b = stations["a"], stations["b"]
    add_movement(a, "m1", "rice", 4)
    waiting = outbox_ids(a)
    monkeypatch.setattr(client_http, "PROTOCOL_VERSION", protocol.MIN_PROTOCOL - 1)
    with pytest.raises(UpgradeRequired) as raised:
        sync(a)
    assert "Install the new version" in raised.value.text()
    assert outbox_ids(a) == waiting
    with a.db.reading(SYSTEM) as uow:
        assert sync_service.sync_status(uow).changes_waiting == len(waiting)
    monkeypatch.setattr(client_http, "PROTOCOL_VERSION", protocol.PROTOCOL_VERSION)
    sync(a)
    assert outbox_ids(a) == []
    sync(b)
    assert ledger(b) == {"rice": 4}


# -- (m) scope and credentials -----------------------------------------------------------------------

def test_a_station_can_neither_write_nor_read_another_villages_data(stations):
    a, x = stations["a"], stations["x"]
    add_volunteer(a, "v-a", "幸福村的人")
    add_movement(a, "m-a", "rice", 9)
    sync(a)
    with x.db.unit_of_work(x.admin) as uow:  # x tries to write into 幸福村
        uow.session.add(Volunteer(id="v-intruder", village_code=VILLAGE_A, name="冒名"))
    result = sync(x)
    assert result.set_aside == 1
    assert [row.id for row in x.rows(Volunteer)] == ["v-intruder"]  # only its own attempt, set aside
    assert x.rows(Movement) == []
    assert [row.village_code for row in x.rows(VillageProfile)] == [VILLAGE_B]
    sync(a)
    assert [row.id for row in a.rows(Volunteer)] == ["v-a"]


def test_a_revoked_station_is_refused_and_keeps_its_changes(stations, city):
    a = stations["a"]
    add_movement(a, "m1", "rice", 1)
    with a.db.reading(SYSTEM) as uow:
        station_id = sync_service.identity(uow).station_id
    city.revoke(station_id)
    with pytest.raises(Unauthorized):
        sync(a)
    assert len(outbox_ids(a)) == 1


def test_an_enrollment_code_works_once(tmp_path, city):
    code = city.enroll_code(VILLAGE_A)
    first = make_station(tmp_path, "first")
    second = make_station(tmp_path, "second")
    try:
        enroll(first.db, city.base_url, code)
        with pytest.raises(EnrollCodeRefused):
            enroll(second.db, city.base_url, code)
        with second.db.reading(SYSTEM) as uow:
            assert sync_service.connection(uow) is None
    finally:
        first.close()
        second.close()


def test_a_code_for_another_village_is_refused_plainly(tmp_path, city):
    station = make_station(tmp_path, "a", VILLAGE_A)
    try:
        with pytest.raises(sync_service.InvalidInput) as raised:
            enroll(station.db, city.base_url, city.enroll_code(VILLAGE_B))
        assert "红星村" in raised.value.text() and "幸福村" in raised.value.text()
        with station.db.reading(SYSTEM) as uow:
            assert sync_service.connection(uow) is None
    finally:
        station.close()


def test_a_fresh_data_folder_is_enrolled_and_receives_the_village(tmp_path, stations, city):
    from station_kinds import add_tables
    from stations import SyncStation

    from desktop.paths import DataFolder
    from desktop.storage.database import open_database

    a = stations["a"]
    add_volunteer(a, "v1", "张三")
    sync(a)
    folder = DataFolder(tmp_path / "fresh")
    outcome = enroll(folder, city.base_url, city.enroll_code(VILLAGE_A))
    assert outcome.new_station and outcome.village_code == VILLAGE_A
    db = open_database(folder)
    add_tables(db)
    fresh = SyncStation(folder, db, SYSTEM)
    try:
        sync(fresh)
        assert [row.name for row in fresh.rows(Volunteer)] == ["张三"]
        assert [row.village_code for row in fresh.rows(VillageProfile)] == [VILLAGE_A]
        _summary_agrees(fresh)
    finally:
        fresh.close()


# -- (n) the sanity check ----------------------------------------------------------------------------

def test_after_a_sync_counts_and_checksums_agree_and_a_tampered_station_fetches_again(stations):
    a, b = stations["a"], stations["b"]
    for number in range(4):
        add_volunteer(a, f"v{number}", f"人{number}")
        add_movement(a, f"m{number}", "rice", 1)
    sync(a)
    result = sync(b)
    assert not result.refetched and not result.mismatch
    with closing(sqlite3.connect(b.folder.database)) as conn, conn:
        conn.execute("DELETE FROM test_volunteers WHERE id = 'v2'")
        conn.execute("DELETE FROM test_movements WHERE id = 'm0'")
    result = sync(b)
    assert result.refetched and not result.mismatch
    assert snapshot(b)["test_volunteer"] == snapshot(a)["test_volunteer"]
    assert ledger(b) == {"rice": 4}
    _summary_agrees(b)


def test_the_pulled_data_equals_the_servers_summary(stations, city):
    a = stations["a"]
    add_volunteer(a, "v1", "张三")
    sync(a)
    with a.db.reading(SYSTEM) as uow:
        url, token, _generation = sync_service.connection(uow)
        from desktop.storage import sync_store
        counts, checksums = sync_store.summary(uow.session, ["test_volunteer", "village_profile"])
    answer = SyncHttp(url, token=token, sleep=no_sleep).get("/api/v1/summary")
    assert answer["counts"]["test_volunteer"] == counts["test_volunteer"] == 1
    assert answer["checksums"]["test_volunteer"] == checksums["test_volunteer"]
    assert answer["checksums"]["village_profile"] == checksums["village_profile"]


def test_no_rows_for_the_village_profile_are_doubled(stations):
    profiles = {name: station.rows(VillageProfile) for name, station in stations.items()}
    assert all(len(rows) == 1 for rows in profiles.values())
    with stations["a"].db.reading(SYSTEM) as uow:
        assert uow.session.scalars(select(VillageProfile)).one().id == VILLAGE_A
