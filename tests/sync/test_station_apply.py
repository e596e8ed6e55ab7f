"""The station's side of sync without a server: outbox bases, applying pulled pages, holding children,
acknowledging, setting aside, conflicts and the clock offset."""

from __future__ import annotations

import time

import pytest
from station_kinds import Movement, ServiceHour, Volunteer
from stations import VILLAGE_A, make_station, reopen

from desktop.domain.actor import SYSTEM
from desktop.domain.hlc import Stamp
from desktop.services import sync as sync_service
from desktop.storage import sync_store
from desktop.storage.models import (
    Conflict,
    OutboxRecord,
    SyncHeld,
    SyncNotApplied,
    SyncSetAside,
    SyncState,
    VillageProfile,
)

OTHER = "ffffffff-0000-0000-0000-000000000001"


def stamp(ms: int, counter: int = 0, node: str = OTHER) -> str:
    return str(Stamp(ms, counter, node))


def _enrolled(station) -> None:
    with station.db.unit_of_work(SYSTEM) as uow:
        uow.session.add(SyncState(id=1, server_url="http://127.0.0.1:9", station_token="t", village_name="幸福村",
                                  enrolled_at=uow.now(), pull_after=0, generation=0, clock_offset_ms=0,
                                  last_error=""))


def _outbox(station) -> list[OutboxRecord]:
    return station.rows(OutboxRecord)


def _apply(station, changes, cursor=None):
    with station.db.unit_of_work(SYSTEM) as uow:
        return sync_store.apply_page(uow, changes, cursor=cursor)


def _volunteer_change(row_id, ms, **fields):
    return {"seq": 1, "entity": "test_volunteer", "row_id": row_id, "fields": fields,
            "stamps": {name: stamp(ms) for name in fields}, "origin": OTHER}


def test_an_edit_records_the_stamp_it_was_made_on(tmp_path):
    station = make_station(tmp_path, "a")
    try:
        with station.db.unit_of_work(station.admin) as uow:
            uow.session.add(Volunteer(id="v1", village_code=VILLAGE_A, name="张三"))
        created = next(row for row in _outbox(station) if row.entity == "test_volunteer")
        assert created.base == {name: None for name in created.stamps}
        with station.db.unit_of_work(station.admin) as uow:
            uow.session.get(Volunteer, "v1").phone = "13912345678"
        edit = [row for row in _outbox(station) if row.entity == "test_volunteer"][-1]
        assert edit.fields == {"phone": "13912345678"}
        assert edit.base == {"phone": created.stamps["phone"]}
    finally:
        station.close()


def test_a_pulled_record_is_stored_with_its_stamps_and_no_outbox_record(tmp_path):
    station = make_station(tmp_path, "a")
    _enrolled(station)
    try:
        before = len(_outbox(station))
        ahead = int(time.time() * 1000) + 3_600_000  # a PC of the village whose clock is an hour ahead
        result = _apply(station, [_volunteer_change("v9", ahead, village_code=VILLAGE_A, name="李四", phone="1")],
                        cursor=17)
        assert result.applied == 1
        assert len(_outbox(station)) == before
        (row,) = station.rows(Volunteer)
        assert (row.name, row.field_hlc["name"]) == ("李四", stamp(ahead))
        with station.db.reading(SYSTEM) as uow:
            assert sync_store.pull_cursor(uow.session) == 17
        assert station.db.clock.last.wall_ms == ahead  # the clock moved past the remote stamp
        assert station.db.clock.now() > Stamp.parse(stamp(ahead))
    finally:
        station.close()


def test_a_record_stamped_far_in_the_future_is_set_aside_and_cannot_poison_the_clock(tmp_path):
    station = make_station(tmp_path, "a")
    _enrolled(station)
    try:
        poison = str(Stamp(10**15 - 1, 999_999, OTHER))  # the largest stamp there is
        bad = {"seq": 8, "entity": "test_volunteer", "row_id": "v-bad",
               "fields": {"village_code": VILLAGE_A, "name": "坏"}, "stamps": {"village_code": poison, "name": poison}}
        good = _volunteer_change("v-good", 1_000, village_code=VILLAGE_A, name="好")
        result = _apply(station, [bad, good], cursor=9)
        assert (result.applied, result.set_aside) == (1, 1)
        assert [row.id for row in station.rows(Volunteer)] == ["v-good"]  # the rest of the page is applied
        assert station.db.clock.now().wall_ms < 10**14  # the clock did not move
        (kept,) = station.rows(SyncNotApplied)
        assert (kept.entity, kept.row_id, kept.seq) == ("test_volunteer", "v-bad", 8)
        assert "ahead" in kept.reason
        # The city hears of it, through the outbox like any change of this station.
        (report,) = [row for row in _outbox(station) if row.entity == "sync_problem"]
        assert report.fields["row_id"] == "v-bad" and "ahead" in report.fields["reason"]
        with station.db.reading(SYSTEM) as uow:
            assert sync_store.pull_cursor(uow.session) == 9
            assert sync_service.sync_status(uow).not_applied == 1
        # Applied twice (a page fetched again), it is kept once.
        assert _apply(station, [bad], cursor=9).set_aside == 0
        assert len(station.rows(SyncNotApplied)) == 1
    finally:
        station.close()


@pytest.mark.parametrize("persisted", ["999999999999999-1000000-x", "garbage", f"{10**15 - 1}-999999-x"])
def test_a_station_whose_stored_clock_is_unreadable_or_poisoned_still_opens(tmp_path, persisted):
    station = make_station(tmp_path, "a")
    try:
        with station.db.unit_of_work(station.admin) as uow:
            uow.session.add(Volunteer(id="v1", village_code=VILLAGE_A, name="张三"))
        newest = station.db.clock.last
        with station.db.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE station SET last_hlc = ?", (persisted,))
        station = reopen(station)
        assert station.db.clock.last == newest  # repaired from the newest stamp the station holds
        with station.db.unit_of_work(station.admin) as uow:
            uow.session.get(Volunteer, "v1").name = "张三丰"
        edited = station.rows(Volunteer)[0].field_hlc["name"]
        assert Stamp.parse(edited) > newest
        station = reopen(station)
        assert station.rows(Volunteer)[0].name == "张三丰"
    finally:
        station.close()


def test_fields_merge_by_stamp_and_a_page_applied_twice_changes_nothing(tmp_path):
    station = make_station(tmp_path, "a")
    _enrolled(station)
    try:
        _apply(station, [_volunteer_change("v1", 1000, village_code=VILLAGE_A, name="old", phone="p-old")])
        page = [_volunteer_change("v1", 2000, name="new"), _volunteer_change("v1", 500, phone="stale")]
        _apply(station, page, cursor=2)
        snapshot = [(row.name, row.phone, dict(row.field_hlc)) for row in station.rows(Volunteer)]
        assert snapshot[0][:2] == ("new", "p-old")
        _apply(station, page, cursor=2)
        assert [(row.name, row.phone, dict(row.field_hlc)) for row in station.rows(Volunteer)] == snapshot
        # an equal stamp is the same change again: no-op even with another value
        _apply(station, [_volunteer_change("v1", 2000, name="other")])
        assert station.rows(Volunteer)[0].name == "new"
    finally:
        station.close()


def test_a_local_newer_edit_is_not_overwritten_by_an_older_remote_one(tmp_path):
    station = make_station(tmp_path, "a")
    _enrolled(station)
    try:
        _apply(station, [_volunteer_change("v1", 1000, village_code=VILLAGE_A, name="remote")])
        with station.db.unit_of_work(station.admin) as uow:
            uow.session.get(Volunteer, "v1").name = "local"
        _apply(station, [_volunteer_change("v1", 1500, name="late remote")])
        assert station.rows(Volunteer)[0].name == "local"
    finally:
        station.close()


def test_append_records_are_inserted_once(tmp_path):
    station = make_station(tmp_path, "a")
    _enrolled(station)
    try:
        line = {"entity": "test_movement", "row_id": "m1",
                "fields": {"village_code": VILLAGE_A, "hut": "h", "item": "rice", "quantity": 5},
                "stamps": {name: stamp(1000) for name in ("village_code", "hut", "item", "quantity")}}
        _apply(station, [line])
        _apply(station, [line])  # the same page again
        assert [row.quantity for row in station.rows(Movement)] == [5]
        # The city keeps the first version that reached it; a version this PC made of the same fact that lost
        # gives way to it, so the PC's ledger is the city's.
        _apply(station, [dict(line, fields={**line["fields"], "quantity": 99},
                              stamps={name: stamp(9000) for name in line["stamps"]})])
        assert [row.quantity for row in station.rows(Movement)] == [99]
    finally:
        station.close()


def test_a_child_before_its_parent_is_held_then_applied(tmp_path):
    station = make_station(tmp_path, "a")
    _enrolled(station)
    try:
        hour = {"entity": "test_service_hour", "row_id": "h1",
                "fields": {"village_code": VILLAGE_A, "volunteer_id": "v1", "minutes": 90},
                "stamps": {name: stamp(1000) for name in ("village_code", "volunteer_id", "minutes")}}
        result = _apply(station, [hour], cursor=1)
        assert result.held == 1 and station.rows(ServiceHour) == []
        assert [row.waiting_for for row in station.rows(SyncHeld)] == ["test_volunteer:v1"]
        with station.db.reading(SYSTEM) as uow:
            assert sync_service.sync_status(uow).held == 1
        result = _apply(station, [_volunteer_change("v1", 1000, village_code=VILLAGE_A, name="张三")], cursor=2)
        assert result.released == 1
        assert [row.minutes for row in station.rows(ServiceHour)] == [90]
        assert station.rows(SyncHeld) == []
    finally:
        station.close()


def test_unknown_entities_and_fields_are_ignored_and_the_cursor_still_moves(tmp_path):
    station = make_station(tmp_path, "a")
    _enrolled(station)
    try:
        result = _apply(station, [
            {"entity": "from_a_newer_version", "row_id": "x", "fields": {"a": 1}, "stamps": {"a": stamp(1)}},
            _volunteer_change("v1", 1000, village_code=VILLAGE_A, name="n", shoe_size=44),
        ], cursor=5)
        assert (result.ignored, result.applied) == (1, 1)
        with station.db.reading(SYSTEM) as uow:
            assert sync_store.pull_cursor(uow.session) == 5
    finally:
        station.close()


def test_only_accepted_changes_leave_the_outbox_and_refused_ones_are_set_aside(tmp_path):
    station = make_station(tmp_path, "a")
    try:
        with station.db.unit_of_work(station.admin) as uow:
            for number in range(3):
                uow.session.add(Volunteer(id=f"v{number}", village_code=VILLAGE_A, name=str(number)))
        with station.db.reading(SYSTEM) as uow:
            batch = sync_store.outbox_batch(uow.session, 500)
        seqs = [row.seq for row in _outbox(station)]
        assert seqs == sorted(seqs) and len(batch) == len(seqs)
        ids = [change["change_id"] for change in batch]
        with station.db.unit_of_work(SYSTEM) as uow:
            removed, aside, _ = sync_store.acknowledge(
                uow, accepted=ids[:1],
                rejected=[{"change_id": ids[1], "code": "out_of_scope", "reason": "not your village"}], now=uow.now())
        assert (removed, aside) == (1, 1)
        assert [row.change_id for row in _outbox(station)] == ids[2:]
        (kept,) = station.rows(SyncSetAside)
        assert (kept.change_id, kept.code, kept.reason) == (ids[1], "out_of_scope", "not your village")
        with station.db.reading(station.admin) as uow:
            listed = sync_service.list_set_aside(uow)
            assert [item.reason for item in listed] == ["not your village"]
            assert sync_service.sync_status(uow).set_aside == 1
    finally:
        station.close()


def test_keeping_the_lost_value_is_a_new_edit_and_the_resolution_syncs(tmp_path):
    station = make_station(tmp_path, "a")
    _enrolled(station)
    try:
        profile_id = station.rows(VillageProfile)[0].id
        conflict = {"entity": "conflict", "row_id": "c1", "fields": {
            "village_code": VILLAGE_A, "entity": "village_profile", "row_id": profile_id, "field": "contact_name",
            "kept_value": "kept", "kept_stamp": stamp(2000), "lost_value": "lost", "lost_stamp": stamp(1000),
            "lost_station": OTHER, "resolved": False, "resolution": ""}}
        conflict["stamps"] = {name: stamp(2000) for name in conflict["fields"]}
        _apply(station, [conflict])
        before = {row.change_id for row in _outbox(station)}
        with station.db.reading(station.admin) as uow:
            assert sync_service.sync_status(uow).conflicts_open == 1
            (listed,) = sync_service.list_conflicts(uow)
        assert (listed.kept_value, listed.lost_value) == ("kept", "lost")
        with station.db.unit_of_work(station.admin) as uow:
            sync_service.resolve_conflict(uow, conflict_id="c1", keep=sync_service.KEEP_LOST)
        assert station.rows(VillageProfile)[0].contact_name == "lost"
        new = [row for row in _outbox(station) if row.change_id not in before]
        assert {(row.entity, tuple(sorted(row.fields))) for row in new} == {
            ("village_profile", ("contact_name",)), ("conflict", ("resolution", "resolved"))}
        assert station.rows(Conflict)[0].resolved
        with station.db.reading(station.admin) as uow:
            assert sync_service.sync_status(uow).conflicts_open == 0
    finally:
        station.close()


def test_the_conflicts_list_reads_the_records_in_conflict_a_kind_at_a_time(tmp_path):
    """A station back from weeks offline may have many conflicts: their records are read one query per kind
    of record, not one each, and each conflict shows what its record holds now."""
    from sqlalchemy import event

    station = make_station(tmp_path, "a")
    try:
        ids = [f"v{n:02d}" for n in range(30)]
        _apply(station, [_volunteer_change(row_id, 1000, village_code=VILLAGE_A, name=f"名{n}")
                         for n, row_id in enumerate(ids)])
        conflicts = []
        for n, row_id in enumerate(ids):
            fields = {"village_code": VILLAGE_A, "entity": "test_volunteer", "row_id": row_id, "field": "name",
                      "kept_value": f"名{n}", "kept_stamp": stamp(2000), "lost_value": f"旧名{n}",
                      "lost_stamp": stamp(1000), "lost_station": OTHER, "resolved": False, "resolution": ""}
            conflicts.append({"entity": "conflict", "row_id": f"c{n:02d}", "fields": fields,
                              "stamps": {name: stamp(2000) for name in fields}})
        _apply(station, conflicts)
        with station.db.unit_of_work(SYSTEM) as uow:
            uow.session.get(Volunteer, "v07").name = "后来改的名字"
        statements: list[str] = []

        def seen(_connection, _cursor, statement, *_args) -> None:
            statements.append(statement)

        event.listen(station.db.engine, "before_cursor_execute", seen)
        try:
            with station.db.reading(station.admin) as uow:
                listed = sync_service.list_conflicts(uow)
        finally:
            event.remove(station.db.engine, "before_cursor_execute", seen)
        assert len(listed) == 30
        assert {item.row_id: item.value_now for item in listed}["v07"] == "后来改的名字"
        reads = [text for text in statements if "FROM test_volunteers" in text]
        assert len(reads) == 1, f"the records in conflict read {len(reads)} times"
    finally:
        station.close()


def test_the_clock_offset_corrects_stamps_and_warns_beyond_five_minutes(tmp_path):
    station = make_station(tmp_path, "a", physical_ms=lambda: 946_684_800_000)  # the PC thinks it is 2000-01-01
    _enrolled(station)
    try:
        offset = 1_795_000_000_000 - 946_684_800_000
        with station.db.unit_of_work(SYSTEM) as uow:
            sync_service.record_clock(uow, offset_ms=offset)
            status = sync_service.sync_status(uow)
        assert status.clock_warning
        assert station.db.clock.now().wall_ms >= 1_795_000_000_000
        with station.db.unit_of_work(SYSTEM) as uow:
            sync_service.record_clock(uow, offset_ms=1_000)
            assert not sync_service.sync_status(uow).clock_warning
        # the offset is kept: a restarted station stamps with the corrected time
        station.db.reload_station()
        assert station.db.clock.offset_ms == 1_000
    finally:
        station.close()


def test_a_pulled_page_announces_the_tables_it_wrote_when_it_commits(tmp_path):
    station = make_station(tmp_path, "a")
    _enrolled(station)
    heard: list[frozenset[str]] = []
    stop = station.db.watch(heard.append)
    try:
        now = int(time.time() * 1000)
        _apply(station, [_volunteer_change("v7", now, village_code=VILLAGE_A, name="王五", phone="2")], cursor=3)
        _apply(station, [_volunteer_change("v7", now + 1, name="王五五")], cursor=4)  # a changed row, not a new one
        assert [Volunteer.__tablename__ in tables for tables in heard] == [True, True]
        assert not any("outbox" in tables for tables in heard)  # pulled records are not sent back
    finally:
        stop()
        station.close()
