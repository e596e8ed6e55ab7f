"""The unit of work: a change and its outbox record and audit entry are stored together or not at all,
stamps only go forward, synced rows are never deleted, and every row says who wrote it."""

from __future__ import annotations

import json
from itertools import pairwise

import pytest
from sqlalchemy import func, select

from desktop.domain.actor import SYSTEM
from desktop.domain.hlc import Stamp
from desktop.domain.roles import Role
from desktop.services import accounts, station
from desktop.storage.database import Database, make_engine
from desktop.storage.models import AuditEntry, OutboxRecord, User, VillageProfile
from desktop.storage.models import Station as StationRow

PROFILE = dict(station_name="幸福村志愿服务站", contact_name="李秀英", contact_phone="13804361234",
               address="平安镇幸福村村委会", office_hours="周一至周五", notes="")


class Boom(Exception):
    pass


def _count(db: Database, model) -> int:
    with db.reading(SYSTEM) as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def _rows(db: Database, query) -> list:
    """Rows loaded and detached, so their values can be read after the transaction ends."""
    with db.reading(SYSTEM) as uow:
        rows = list(uow.session.scalars(query))
        uow.session.expunge_all()
    return rows


def _outbox(db: Database) -> list[OutboxRecord]:
    return _rows(db, select(OutboxRecord).order_by(OutboxRecord.seq))


def _audit(db: Database) -> list[AuditEntry]:
    return _rows(db, select(AuditEntry).order_by(AuditEntry.id))


def _profile(db: Database) -> VillageProfile:
    (profile,) = _rows(db, select(VillageProfile))
    return profile


def _last_hlc(db: Database) -> str | None:
    with db.reading(SYSTEM) as uow:
        return uow.session.scalars(select(StationRow)).one().last_hlc


def _update(db: Database, actor, **changes) -> None:
    with db.unit_of_work(actor) as uow:
        station.update_village_profile(uow, **{**PROFILE, **changes})


def test_a_profile_change_writes_one_outbox_record_with_the_changed_fields(setup_station):
    db = setup_station.db
    _update(db, setup_station.coordinator)
    before = _outbox(db)
    profile_before = _profile(db)

    _update(db, setup_station.coordinator, station_name="幸福村新时代文明实践站",
            contact_phone="0436-3212345")

    new = _outbox(db)[len(before):]
    assert len(new) == 1
    record = new[0]
    assert record.entity == "village_profile"
    assert record.row_id == profile_before.id
    assert record.fields == {"station_name": "幸福村新时代文明实践站", "contact_phone": "0436-3212345"}
    stamp = Stamp.parse(record.hlc)
    with db.reading(SYSTEM) as uow:
        station_id = station.station_info(uow).station_id
    assert stamp.node == station_id
    assert record.stamps == {"station_name": record.hlc, "contact_phone": record.hlc}
    assert record.created_by == setup_station.coordinator.user_id

    profile = _profile(db)
    assert profile.hlc == record.hlc
    assert profile.field_hlc["station_name"] == record.hlc
    assert profile.field_hlc["contact_phone"] == record.hlc
    assert profile.field_hlc["address"] == profile_before.field_hlc["address"] != record.hlc
    assert _last_hlc(db) == record.hlc


def test_saving_an_unchanged_profile_writes_no_outbox_record(setup_station):
    db = setup_station.db
    _update(db, setup_station.coordinator)
    before = len(_outbox(db))
    _update(db, setup_station.coordinator)
    assert len(_outbox(db)) == before


def test_a_failure_after_the_change_stores_neither_change_nor_outbox_nor_audit(setup_station):
    db = setup_station.db
    before = (_profile(db).station_name, _count(db, OutboxRecord), _count(db, AuditEntry), _last_hlc(db))

    with pytest.raises(Boom), db.unit_of_work(setup_station.coordinator) as uow:
        station.update_village_profile(uow, **{**PROFILE, "station_name": "不该保存的名字"})
        uow.session.flush()  # the change, its outbox record and audit entry are now in the transaction
        assert uow.session.scalar(select(func.count()).select_from(OutboxRecord)) == before[1] + 1
        raise Boom

    after = (_profile(db).station_name, _count(db, OutboxRecord), _count(db, AuditEntry), _last_hlc(db))
    assert after == before


def test_stamps_strictly_increase_and_survive_reopening_with_a_clock_gone_back(setup_station):
    db, folder = setup_station.db, setup_station.folder
    for number in range(5):
        _update(db, setup_station.coordinator, notes=f"第{number}次修改")
    stamps = [record.hlc for record in _outbox(db)]
    assert len(stamps) >= 5
    assert all(a < b for a, b in pairwise(stamps))
    assert [Stamp.parse(s) for s in stamps] == sorted(Stamp.parse(s) for s in stamps)
    last = _last_hlc(db)
    assert last == stamps[-1]
    db.close()

    # Reopen on a PC whose clock has been reset to 2000-01-01 (a dead CMOS battery).
    reopened = Database(folder, make_engine(folder.database), physical_ms=lambda: 946_684_800_000)
    try:
        assert _last_hlc(reopened) == last
        _update(reopened, setup_station.coordinator, notes="时钟回到了2000年")
        newest = _outbox(reopened)[-1].hlc
        assert newest > last
        assert Stamp.parse(newest) > Stamp.parse(last)
        assert _last_hlc(reopened) == newest
    finally:
        reopened.close()


def test_deleting_a_synced_row_is_refused_and_the_row_stays(setup_station):
    db = setup_station.db
    with pytest.raises(RuntimeError, match="never deleted"), db.unit_of_work(setup_station.admin) as uow:
        uow.session.delete(uow.session.scalars(select(VillageProfile)).one())
        uow.session.flush()
    assert _count(db, VillageProfile) == 1
    assert _profile(db).deleted is False


def test_every_write_records_the_acting_user(setup_station, fake_now):
    db = setup_station.db
    admin, coordinator = setup_station.admin, setup_station.coordinator
    db.now = fake_now
    _update(db, coordinator, contact_name="赵大姐")
    profile = _profile(db)
    assert profile.updated_by == coordinator.user_id
    assert profile.updated_at == fake_now.current
    assert profile.created_by == admin.user_id  # the admin set the station up

    fake_now.advance(60)
    with db.unit_of_work(admin) as uow:
        info = accounts.add_user(uow, username="cadre", display_name="村干部", role=Role.VIEWER,
                                 password="another-99")
    (user,) = _rows(db, select(User).where(User.id == info.id))
    assert (user.created_by, user.updated_by) == (admin.user_id, admin.user_id)
    assert user.created_at == user.updated_at == fake_now.current

    fake_now.advance(60)
    with db.unit_of_work(admin) as uow:
        accounts.update_user(uow, user_id=info.id, display_name="村干部甲", role=Role.VIEWER, active=True)
    (user,) = _rows(db, select(User).where(User.id == info.id))
    assert (user.created_by, user.updated_by) == (admin.user_id, admin.user_id)
    assert user.updated_at == fake_now.current > user.created_at

    entries = [entry for entry in _audit(db) if entry.entity_id == info.id]
    assert [entry.action for entry in entries] == ["create", "update"]
    assert {entry.user_id for entry in entries} == {admin.user_id}
    assert entries[1].details == {"display_name": ["村干部", "村干部甲"]}


def test_audit_entries_for_accounts_never_hold_the_password_hash(setup_station):
    db, admin = setup_station.db, setup_station.admin
    with db.unit_of_work(admin) as uow:
        info = accounts.add_user(uow, username="cadre", display_name="村干部", role=Role.VIEWER,
                                 password="another-99")
    with db.unit_of_work(admin) as uow:
        accounts.reset_password(uow, user_id=info.id, new_password="temporary-1")

    entries = [entry for entry in _audit(db) if entry.entity == "users" and entry.entity_id == info.id]
    created = [entry for entry in entries if entry.action == "create"]
    updated = [entry for entry in entries if entry.action == "update"]
    assert len(created) == 1 and len(updated) == 1
    assert created[0].details["password_hash"] == "***"
    assert created[0].details["username"] == "cadre"
    assert updated[0].details["password_hash"] == "***"
    assert updated[0].details["must_change_password"] == [False, True]
    every_entry = json.dumps([entry.details for entry in _audit(db)], ensure_ascii=False)
    assert "$argon2" not in every_entry
    assert "another-99" not in every_entry and "temporary-1" not in every_entry


def test_a_profile_change_is_in_the_audit_log_with_old_and_new_values(setup_station):
    db = setup_station.db
    _update(db, setup_station.coordinator, address="旧地址")
    _update(db, setup_station.coordinator, address="新地址")
    last = _audit(db)[-1]
    assert (last.action, last.entity) == ("update", "village_profile")
    assert last.user_id == setup_station.coordinator.user_id
    assert last.user_name == "李秀英"
    assert last.details == {"address": ["旧地址", "新地址"]}


def test_the_audit_log_holds_id_numbers_masked_and_the_outbox_carries_them_for_the_village(setup_station):
    from desktop.services import volunteers
    from desktop.services.volunteers import VolunteerForm

    st = setup_station
    with st.db.unit_of_work(st.coordinator) as uow:
        info = volunteers.register_volunteer(uow, form=VolunteerForm(name="吴大义", id_number="22080219900101100x"))
    with st.db.unit_of_work(st.coordinator) as uow:
        volunteers.update_volunteer(uow, volunteer_id=info.id, form=VolunteerForm(
            name="吴大义", id_number="220802199001011253"))
    with st.db.reading(SYSTEM) as uow:
        entries = [e.details for e in uow.session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "volunteers").order_by(AuditEntry.id))]
        (sent_first, _sent_second) = uow.session.scalars(
            select(OutboxRecord.fields).where(OutboxRecord.entity == "volunteer").order_by(OutboxRecord.seq))
    assert entries[0]["id_number"] == "2208**********100X"
    assert entries[1]["id_number"] == ["2208**********100X", "2208**********1253"]
    assert "22080219900101100X" not in json.dumps(entries)
    assert sent_first["id_number"] == "22080219900101100X"  # the village's own stations need the number
