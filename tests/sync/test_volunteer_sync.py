"""The volunteer programme through a real city server: registry fields merge, hours are a ledger
(docs/sync-protocol.md)."""

from __future__ import annotations

import time

import pytest
from helpers import enroll_at, snapshot, sync
from stations import VILLAGE_A, make_station

from desktop.domain.actor import SYSTEM
from desktop.domain.roles import Role
from desktop.services import accounts, activities, hours, volunteers
from desktop.services.activities import ActivityForm
from desktop.services.volunteers import VolunteerForm
from desktop.storage.models import Conflict, ServiceHours

WU = VolunteerForm(name="吴大义", id_number="220802199001011237", phone="13904361234", address="幸福村三组")


@pytest.fixture
def pair(tmp_path, city):
    """Two PCs of 幸福村, enrolled and synced, each with a coordinator and a clock a test can put ahead
    (``station.clock_shift_ms[0]``), so which of two edits is later does not hang on real time."""
    made = []
    for name in ("a", "b"):
        shift = [0]
        made.append(make_station(tmp_path, name, VILLAGE_A,
                                 physical_ms=lambda shift=shift: int(time.time() * 1000) + shift[0]))
        made[-1].clock_shift_ms = shift
    for station in made:
        enroll_at(city, station)
        sync(station)
        with station.db.unit_of_work(station.admin) as uow:
            info = accounts.add_user(uow, username="li", display_name="李秀英", role=Role.COORDINATOR,
                                     password="secret-42")
        station.coordinator = type(station.admin)(info.id, info.username, info.display_name, info.role)
    yield made
    for station in made:
        station.close()


def _register(station, form: VolunteerForm = WU) -> str:
    with station.db.unit_of_work(station.coordinator) as uow:
        return volunteers.register_volunteer(uow, form=form).id


def _edit(station, volunteer_id: str, **changes) -> None:
    with station.db.reading(station.coordinator) as uow:
        info = volunteers.get_volunteer(uow, volunteer_id=volunteer_id)
    form = VolunteerForm(name=info.name, id_number=info.id_masked, phone=info.phone, address=info.address,
                         political_status=info.political_status, skills=info.skills,
                         volunteer_number=info.volunteer_number, registered_on=info.registered_on,
                         status=info.status, notes=info.notes)
    fields = {**form.__dict__, **changes}
    with station.db.unit_of_work(station.coordinator) as uow:
        volunteers.update_volunteer(uow, volunteer_id=volunteer_id, form=VolunteerForm(**fields))


def _found(station, text: str) -> list[str]:
    with station.db.reading(station.coordinator) as uow:
        return [row.name for row in volunteers.search_volunteers(uow, text=text)]


def _total(station, volunteer_id: str) -> float:
    with station.db.reading(station.coordinator) as uow:
        return volunteers.get_volunteer(uow, volunteer_id=volunteer_id).hours


def test_two_stations_edit_one_volunteer_and_both_end_with_every_change(pair):
    a, b = pair
    volunteer_id = _register(a)
    sync(a)
    sync(b)
    assert _found(b, "wdy") == ["吴大义"]  # the pulled record is searchable by pinyin at once
    _edit(a, volunteer_id, phone="13911112222")
    _edit(b, volunteer_id, skills="会开车、懂急救")
    sync(a)
    sync(b)
    sync(a)
    for station in (a, b):
        with station.db.reading(station.coordinator) as uow:
            info = volunteers.get_volunteer(uow, volunteer_id=volunteer_id)
        assert (info.phone, info.skills, info.address) == ("13911112222", "会开车、懂急救", "幸福村三组")
        assert station.rows(Conflict) == []
    assert snapshot(a) == snapshot(b)


def test_a_name_changed_on_both_keeps_the_later_one_searchable_and_the_other_for_review(pair):
    a, b = pair
    volunteer_id = _register(a)
    sync(a)
    sync(b)
    b.clock_shift_ms[0] = 5_000  # b's clock is ahead, so its edit is surely the later one
    _edit(a, volunteer_id, name="吴大毅")
    _edit(b, volunteer_id, name="伍大义")  # the later stamp wins
    sync(a)
    sync(b)
    sync(a)
    for station in (a, b):
        assert _found(station, "伍") == ["伍大义"]
        assert _found(station, "wudayi") == ["伍大义"]
        assert _found(station, "吴大毅") == []
        (conflict,) = station.rows(Conflict)
        assert (conflict.field, conflict.kept_value, conflict.lost_value) == ("name", "伍大义", "吴大毅")


def test_hours_from_both_stations_add_up_and_an_activity_closed_on_both_counts_once(pair):
    a, b = pair
    volunteer_id = _register(a)
    sync(a)
    with a.db.unit_of_work(a.coordinator) as uow:
        activity = activities.plan_activity(uow, form=ActivityForm(
            kind="volunteer_day", title="志愿服务日：清扫村道", date="2026-11-27", start_time="14:00",
            end_time="17:00", place="村委会"))
        activities.set_attendance(uow, activity_id=activity.id, attended={volunteer_id: True})
    sync(a)
    sync(b)
    # Both PCs close the same activity while offline.
    for station in (a, b):
        with station.db.unit_of_work(station.coordinator) as uow:
            activities.close_activity(uow, activity_id=activity.id)
    with b.db.unit_of_work(b.admin) as uow:
        hours.add_honour_hours(uow, volunteer_id=volunteer_id, hours=5, served_on="2026-11-28",
                               reason="抗洪抢险中表现突出")
    sync(a)
    sync(b)
    sync(a)
    for station in (a, b):
        assert _total(station, volunteer_id) == 8.0  # 3 h credited once, plus 5 honour hours
        assert len(station.rows(ServiceHours)) == 2
    assert snapshot(a) == snapshot(b)


def test_a_duplicate_merged_on_one_station_keeps_hours_added_to_it_on_the_other(pair):
    a, b = pair
    kept = _register(a)
    twin = _register(a, VolunteerForm(name="吴大义", id_number="220802199001011253", phone="13904369999"))
    sync(a)
    sync(b)
    with a.db.unit_of_work(a.coordinator) as uow:
        volunteers.merge_volunteers(uow, keep_id=kept, merge_id=twin)
    with b.db.unit_of_work(b.admin) as uow:  # b has not heard of the merge yet
        hours.add_honour_hours(uow, volunteer_id=twin, hours=2, served_on="2026-11-28", reason="协助人口普查")
    sync(a)
    sync(b)
    sync(a)
    for station in (a, b):
        assert _total(station, kept) == 2.0
        assert _found(station, "wdy") == ["吴大义"]  # one person again
    with a.db.reading(SYSTEM) as uow:
        assert len(hours.list_hours(uow, volunteer_id=kept)) == 1


def test_one_person_signed_in_and_added_to_a_team_on_both_pcs_is_one_row(pair):
    from desktop.services import teams

    a, b = pair
    volunteer_id = _register(a)
    with a.db.unit_of_work(a.coordinator) as uow:
        team = teams.create_team(uow, name="医疗卫生志愿服务队", kind="medical")
        activity = activities.plan_activity(uow, form=ActivityForm(
            kind="leifeng_post", title="雷锋岗：测血压", date="2026-11-27", start_time="08:00", end_time="12:00"))
    sync(a)
    sync(b)
    for station in (a, b):  # both offline: each signs her in and puts her in the team
        with station.db.unit_of_work(station.coordinator) as uow:
            activities.set_attendance(uow, activity_id=activity.id, attended={volunteer_id: True})
            teams.add_member(uow, team_id=team.id, volunteer_id=volunteer_id)
    sync(a)
    sync(b)
    sync(a)
    for station in (a, b):
        with station.db.reading(station.coordinator) as uow:
            assert [p.name for p in activities.list_participants(uow, activity_id=activity.id)] == ["吴大义"]
            assert [m.name for m in teams.list_members(uow, team_id=team.id)] == ["吴大义"]
        assert station.rows(Conflict) == []
    with a.db.unit_of_work(a.coordinator) as uow:
        result = activities.close_activity(uow, activity_id=activity.id)
    assert (result.records, result.total_hours) == (1, 4.0)
