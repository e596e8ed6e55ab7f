"""Activities: planning, the Friday volunteer day, rosters and sign-in, closing to credit hours once."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from desktop.domain.actor import SYSTEM
from desktop.domain.id_number import check_character
from desktop.errors import InvalidInput, PermissionDenied
from desktop.paths import DataFolder
from desktop.services import activities, hours, teams
from desktop.services.activities import ActivityForm
from desktop.services.station import village_code
from desktop.storage.database import open_database
from desktop.storage.models import Activity, Participant, ServiceHours, Volunteer

DAY = ActivityForm(kind="volunteer_day", title="清扫村道", date="2026-11-27", start_time="14:00", end_time="17:00",
                   place="村委会门前")

VILLAGE = "220802101201"  # the village of the set-up station (conftest.py)


def add_volunteer(st, name: str, n: int, *, status: str = "active", merged_into: str = "", db=None,
                  volunteer_id: str | None = None) -> str:
    first17 = f"22080219900101{n:03d}"
    with (db or st.db).unit_of_work(SYSTEM if db else st.coordinator) as uow:
        row = Volunteer(village_code=village_code(uow), name=name, id_number=first17 + check_character(first17),
                        phone=f"13800000{n:03d}", status=status, merged_into=merged_into,
                        registered_on="2026-01-01")
        if volunteer_id:
            row.id = volunteer_id
        uow.session.add(row)
        uow.session.flush()
        return row.id


def plan(st, form: ActivityForm = DAY) -> activities.ActivityInfo:
    with st.db.unit_of_work(st.coordinator) as uow:
        return activities.plan_activity(uow, form=form)


def test_the_form_is_checked_field_by_field(setup_station):
    st = setup_station
    for change, field in ((dict(kind="party"), "kind"), (dict(title=" "), "title"), (dict(date="11月27"), "date"),
                          (dict(start_time="2点"), "start_time"), (dict(end_time="13:00"), "end_time"),
                          (dict(team_id="no-such-team"), "team_id")):
        with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput) as refused:
            activities.plan_activity(uow, form=replace(DAY, **change))
        assert refused.value.field == field, change
    with st.db.unit_of_work(st.viewer) as uow, pytest.raises(PermissionDenied):
        activities.plan_activity(uow, form=DAY)


def test_a_planned_activity_gives_each_person_its_length_in_hours(setup_station):
    st = setup_station
    info = plan(st, replace(DAY, date="2026年11月27日", start_time="1400", end_time="16：45"))
    assert (info.date, info.start_time, info.end_time, info.hours_each) == ("2026-11-27", "14:00", "16:45", 2.8)
    assert info.status == "planned"


def test_a_training_keeps_who_was_trained(setup_station):
    st = setup_station
    info = plan(st, replace(DAY, kind="training", title="电商培训", trained="贫困妇女12人：刘桂芬家、王秀梅家"))
    with st.db.reading(st.viewer) as uow:
        assert activities.get_activity(uow, activity_id=info.id).trained == "贫困妇女12人：刘桂芬家、王秀梅家"


def test_volunteer_days_are_planned_on_fridays_in_the_afternoon(setup_station):
    st = setup_station
    with st.db.unit_of_work(st.coordinator) as uow:
        days = activities.plan_volunteer_days(uow, first="2026-11-29", weeks=4, title="每周五志愿服务日").planned
    assert [d.date for d in days] == ["2026-12-04", "2026-12-11", "2026-12-18", "2026-12-25"]
    assert {(d.kind, d.start_time, d.end_time, d.hours_each) for d in days} == {
        ("volunteer_day", "14:00", "17:00", 3.0)}
    for weeks in (0, 53):
        with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput) as refused:
            activities.plan_volunteer_days(uow, first="2026-11-29", weeks=weeks, title="x")
        assert refused.value.field == "weeks"
    with st.db.reading(st.viewer) as uow:
        listed = activities.list_activities(uow, date_from="2026-12-05")
        in_period = activities.list_activities(uow, date_from="2026-12-05", date_to="2026-12-18")
        with pytest.raises(InvalidInput) as refused:
            activities.list_activities(uow, date_from="2026-12-18", date_to="2026-12-05")
    assert [a.date for a in listed] == ["2026-12-25", "2026-12-18", "2026-12-11"]  # newest first
    assert [a.date for a in in_period] == ["2026-12-18", "2026-12-11"]
    assert refused.value.field == "date_to"


def test_planning_volunteer_days_again_passes_over_fridays_that_have_one(setup_station):
    st = setup_station
    with st.db.unit_of_work(st.coordinator) as uow:
        first = activities.plan_volunteer_days(uow, first="2026-12-04", weeks=2, title="志愿服务日")
        cancelled = activities.plan_volunteer_days(uow, first="2026-12-25", weeks=1, title="志愿服务日").planned[0]
        activities.cancel_activity(uow, activity_id=cancelled.id)
    assert first.skipped == ()
    with st.db.unit_of_work(st.coordinator) as uow:  # a training on a Friday is no volunteer day
        activities.plan_activity(uow, form=replace(DAY, kind="training", date="2026-12-18", title="电商培训"))
    with st.db.unit_of_work(st.coordinator) as uow:
        again = activities.plan_volunteer_days(uow, first="2026-12-04", weeks=4, title="志愿服务日")
    assert [d.date for d in again.planned] == ["2026-12-18", "2026-12-25"]  # a cancelled one is planned again
    assert again.skipped == ("2026-12-04", "2026-12-11")
    with st.db.reading(st.viewer) as uow:
        days = [a.date for a in activities.list_activities(uow) if a.kind == "volunteer_day" and a.status == "planned"]
    assert sorted(days) == ["2026-12-04", "2026-12-11", "2026-12-18", "2026-12-25"]  # one each

    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput) as refused:
        activities.plan_volunteer_days(uow, first="2026-12-11", weeks=2, title="志愿服务日")
    assert refused.value.field == "first"
    assert "2026-12-11, 2026-12-18" in refused.value.text() and "none was planned" in refused.value.text()


def test_roster_own_shifts_walk_ins_and_attendance(setup_station):
    st = setup_station
    zhang, li, wang = (add_volunteer(st, name, n) for n, name in enumerate(("张伟", "李娜", "王芳"), 1))
    info = plan(st, replace(DAY, kind="leifeng_post", title="雷锋岗值守", start_time="08:00", end_time="17:00"))
    with st.db.unit_of_work(st.coordinator) as uow:
        activities.add_to_roster(uow, activity_id=info.id, volunteer_ids=[zhang])
        activities.add_to_roster(uow, activity_id=info.id, volunteer_ids=[li], start_time="08:00",
                                 end_time="12:00")
        rows = activities.set_attendance(uow, activity_id=info.id, attended={zhang: True, li: True, wang: True})
    by_name = {r.name: r for r in rows}
    assert by_name["张伟"].hours == 9.0 and by_name["李娜"].hours == 4.0
    assert by_name["王芳"].rostered is False and by_name["王芳"].attended is True  # came without being rostered
    with st.db.reading(st.viewer) as uow:
        got = activities.get_activity(uow, activity_id=info.id)
    assert (got.rostered, got.attended) == (2, 3)
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput) as refused:
        activities.add_to_roster(uow, activity_id=info.id, volunteer_ids=[zhang], start_time="12:00",
                                 end_time="09:00")
    assert refused.value.field == "end_time"


def test_closing_credits_each_person_who_came_once_and_only_once(setup_station, fake_now):
    st = setup_station
    st.db.now = fake_now  # 2026-11-29, two days after the activity
    zhang, li, wang = (add_volunteer(st, name, n) for n, name in enumerate(("张伟", "李娜", "王芳"), 1))
    info = plan(st)
    with st.db.unit_of_work(st.coordinator) as uow:
        activities.add_to_roster(uow, activity_id=info.id, volunteer_ids=[zhang, li, wang])
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput, match="Nobody"):
        activities.close_activity(uow, activity_id=info.id)
    with st.db.unit_of_work(st.coordinator) as uow:
        activities.set_attendance(uow, activity_id=info.id, attended={zhang: True, li: True, wang: False})
        assert activities.closing_summary(uow, activity_id=info.id) == activities.ClosingSummary(2, 6.0)
        result = activities.close_activity(uow, activity_id=info.id)
    assert (result.records, result.total_hours, result.activity.status) == (2, 6.0, "closed")
    with st.db.reading(st.viewer) as uow:  # once credited, closing would credit nothing more
        assert activities.closing_summary(uow, activity_id=info.id) == activities.ClosingSummary(0, 0.0)
    assert result.activity.closed_on == "2026-11-29"
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput, match="already closed"):
        activities.close_activity(uow, activity_id=info.id)
    with st.db.reading(st.viewer) as uow:
        records = hours.list_hours(uow)
        assert hours.total_hours(uow.session, [zhang, li, wang]) == {zhang: 3.0, li: 3.0, wang: 0.0}
    assert {(r.volunteer_name, r.kind, r.served_on, r.content, r.recorded_by_name) for r in records} == {
        ("张伟", "credit", "2026-11-27", "清扫村道 · 村委会门前", "李秀英"),
        ("李娜", "credit", "2026-11-27", "清扫村道 · 村委会门前", "李秀英")}
    # a closed activity no longer changes
    for change in (lambda uow: activities.update_activity(uow, activity_id=info.id, form=DAY),
                   lambda uow: activities.add_to_roster(uow, activity_id=info.id, volunteer_ids=[wang]),
                   lambda uow: activities.set_attendance(uow, activity_id=info.id, attended={wang: True}),
                   lambda uow: activities.cancel_activity(uow, activity_id=info.id)):
        with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput, match="only a planned"):
            change(uow)


def test_closing_waits_for_the_activitys_day_by_the_stations_date(setup_station, fake_now):
    from desktop.domain.volunteering import ActivityAction as Do

    st = setup_station
    st.db.now = fake_now  # 2026-11-29
    zhang = add_volunteer(st, "张伟", 1)
    info = plan(st, replace(DAY, date="2026-12-04"))
    with st.db.unit_of_work(st.coordinator) as uow:  # ticked in advance, by mistake
        activities.set_attendance(uow, activity_id=info.id, attended={zhang: True})
    with st.db.reading(st.coordinator) as uow:
        early = activities.get_activity(uow, activity_id=info.id)
    assert Do.CLOSE not in early.actions and Do.SIGN_IN in early.actions
    assert (early.stage, early.closing_wait) == ("upcoming", "its_day")
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput) as refused:
        activities.close_activity(uow, activity_id=info.id)
    assert "2026-12-04" in refused.value.text() and "2026-11-29" in refused.value.text()
    assert "computer's date" in refused.value.text()
    with st.db.reading(st.viewer) as uow:
        assert hours.list_hours(uow) == [] and activities.get_activity(uow, activity_id=info.id).status == "planned"

    fake_now.current = datetime(2026, 12, 4, 17, 30)  # the day itself
    with st.db.reading(st.coordinator) as uow:
        on_the_day = activities.get_activity(uow, activity_id=info.id)
    assert Do.CLOSE in on_the_day.actions and on_the_day.closing_wait == ""
    with st.db.unit_of_work(st.coordinator) as uow:
        closed = activities.close_activity(uow, activity_id=info.id)
    assert (closed.records, closed.activity.closed_on, closed.activity.stage) == (1, "2026-12-04", "closed")


@pytest.fixture
def in_baicheng(monkeypatch):
    """This PC's clock set to China Standard Time (UTC+8), as on a village PC."""
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_stations_day_is_the_villages_calendar_day_not_greenwichs(setup_station, fake_now, in_baicheng):
    st = setup_station
    st.db.now = fake_now
    zhang = add_volunteer(st, "张伟", 1)
    info = plan(st, replace(DAY, date="2026-12-04"))
    with st.db.unit_of_work(st.coordinator) as uow:
        activities.set_attendance(uow, activity_id=info.id, attended={zhang: True})
    fake_now.current = datetime(2026, 12, 3, 23, 30)  # UTC: 07:30 on 4 December in Baicheng
    with st.db.unit_of_work(st.coordinator) as uow:
        assert uow.today().isoformat() == "2026-12-04"
        closed = activities.close_activity(uow, activity_id=info.id)
    assert closed.activity.closed_on == "2026-12-04"


def test_lists_group_activities_by_what_they_are_now(setup_station, fake_now):
    st = setup_station
    st.db.now = fake_now  # 2026-11-29
    zhang = add_volunteer(st, "张伟", 1)
    plan(st, replace(DAY, date="2026-12-04", title="下周志愿服务日"))
    plan(st, replace(DAY, date="2026-11-29", title="今天的雷锋岗", kind="leifeng_post"))
    plan(st, replace(DAY, date="2026-11-20", title="上周未结项"))
    closed = plan(st, replace(DAY, date="2026-11-27", title="已结项"))
    called_off = plan(st, replace(DAY, date="2026-12-11", title="取消的"))
    with st.db.unit_of_work(st.coordinator) as uow:
        activities.set_attendance(uow, activity_id=closed.id, attended={zhang: True})
        activities.close_activity(uow, activity_id=closed.id)
        activities.cancel_activity(uow, activity_id=called_off.id)

    def titles(**filters) -> list[str]:
        with st.db.reading(st.viewer) as uow:
            return [a.title for a in activities.list_activities(uow, **filters)]

    assert titles(stage="upcoming") == ["今天的雷锋岗", "下周志愿服务日"]  # soonest first; closed or cancelled: never
    assert titles(stage="held") == ["上周未结项"]
    assert titles(stage="closed") == ["已结项"]
    assert titles(stage="cancelled") == ["取消的"]
    assert titles(stage="upcoming", date_from="2026-12-01", date_to="2026-12-31") == ["下周志愿服务日"]
    assert titles(date_from="2026-11-01", date_to="2026-11-30") == ["今天的雷锋岗", "已结项", "上周未结项"]
    with st.db.reading(st.viewer) as uow:
        stages = {a.title: a.stage for a in activities.list_activities(uow)}
    assert stages == {"下周志愿服务日": "upcoming", "今天的雷锋岗": "upcoming", "上周未结项": "held",
                      "已结项": "closed", "取消的": "cancelled"}
    with st.db.reading(st.viewer) as uow, pytest.raises(InvalidInput) as refused:
        activities.list_activities(uow, stage="soon")
    assert refused.value.field == "stage"


def test_a_cancelled_activity_cannot_be_closed(setup_station):
    st = setup_station
    zhang = add_volunteer(st, "张伟", 1)
    info = plan(st)
    with st.db.unit_of_work(st.coordinator) as uow:
        activities.set_attendance(uow, activity_id=info.id, attended={zhang: True})
        assert activities.cancel_activity(uow, activity_id=info.id).status == "cancelled"
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput):
        activities.close_activity(uow, activity_id=info.id)


def test_two_pcs_closing_the_same_activity_offline_make_the_same_hours_records(setup_station, set_up_database,
                                                                                tmp_path, fake_now):
    st = setup_station
    st.db.now = fake_now  # 2026-11-29, after the activity
    zhang = add_volunteer(st, "张伟", 1)
    li = add_volunteer(st, "李娜", 2)
    info = plan(st)
    with st.db.unit_of_work(st.coordinator) as uow:
        activities.set_attendance(uow, activity_id=info.id, attended={zhang: True, li: True})
    # the second PC of the village got the volunteers and the activity by sync
    other = open_database(DataFolder(tmp_path / "second-pc"))
    try:
        other.now = fake_now
        admin = set_up_database(other)[0]
        add_volunteer(st, "张伟", 1, db=other, volunteer_id=zhang)
        add_volunteer(st, "李娜", 2, db=other, volunteer_id=li)
        with st.db.reading(st.viewer) as uow:
            copied = {c.key: getattr(uow.session.get(Activity, info.id), c.key)
                      for c in Activity.__table__.columns if c.key in ("id", "kind", "title", "date",
                                                                         "start_time", "end_time", "place")}
        with other.unit_of_work(admin) as uow:
            uow.session.add(Activity(village_code=village_code(uow), status="planned", **copied))
            for vid in (zhang, li):
                uow.session.add(Participant(id=activities.participant_id(VILLAGE, info.id, vid),
                                            village_code=village_code(uow), activity_id=info.id, volunteer_id=vid,
                                            rostered=False, attended=True))
        with other.unit_of_work(admin) as uow:
            activities.close_activity(uow, activity_id=info.id)
        with st.db.unit_of_work(st.coordinator) as uow:
            activities.close_activity(uow, activity_id=info.id)
        with st.db.reading(st.viewer) as uow:
            here = {(r.id, r.volunteer_id, r.hours) for r in uow.session.query(ServiceHours)}
        with other.reading(admin) as uow:
            there = {(r.id, r.volunteer_id, r.hours) for r in uow.session.query(ServiceHours)}
    finally:
        other.close()
    assert here == there and len(here) == 2  # sync merges them: nobody gets the hours twice
    assert {r[0] for r in here} == {activities.credit_id(VILLAGE, info.id, zhang),
                                    activities.credit_id(VILLAGE, info.id, li)}


def test_a_merged_duplicate_who_came_is_credited_on_the_kept_record(setup_station, fake_now):
    st = setup_station
    st.db.now = fake_now  # 2026-11-29, after the activity
    kept = add_volunteer(st, "张伟", 1)
    info = plan(st)
    with st.db.unit_of_work(st.coordinator) as uow:
        activities.set_attendance(uow, activity_id=info.id, attended={kept: True})
    duplicate = add_volunteer(st, "张伟", 2)
    with st.db.unit_of_work(st.coordinator) as uow:
        activities.set_attendance(uow, activity_id=info.id, attended={duplicate: True})
        row = uow.session.get(Volunteer, duplicate)
        row.status, row.merged_into = "merged", kept  # merged after the sign-in
    with st.db.reading(st.viewer) as uow:
        summary = activities.closing_summary(uow, activity_id=info.id)
    assert summary == activities.ClosingSummary(people=1, hours=3.0)  # one person, however many records came
    with st.db.unit_of_work(st.coordinator) as uow:
        result = activities.close_activity(uow, activity_id=info.id)
    assert (result.records, result.total_hours) == (summary.people, summary.hours)
    with st.db.reading(st.viewer) as uow:
        assert [r.volunteer_id for r in hours.list_hours(uow)] == [kept]


def test_the_sign_in_sheet_lists_the_participants_or_else_the_team(setup_station):
    st = setup_station
    zhang = add_volunteer(st, "张伟", 1)
    li = add_volunteer(st, "李娜", 2)
    with st.db.unit_of_work(st.coordinator) as uow:
        team = teams.create_team(uow, name="文艺队", kind="arts")
        teams.add_member(uow, team_id=team.id, volunteer_id=zhang)
        teams.add_member(uow, team_id=team.id, volunteer_id=li)
    info = plan(st, replace(DAY, team_id=team.id))
    with st.db.reading(st.viewer) as uow:
        sheet = activities.sign_in_sheet(uow, activity_id=info.id)
    assert [r.name for r in sheet.rows] == ["李娜", "张伟"]  # by pinyin: Li before Zhang
    assert sheet.village_name == "幸福村" and sheet.activity.team_name == "文艺队"
    with st.db.unit_of_work(st.coordinator) as uow:
        activities.add_to_roster(uow, activity_id=info.id, volunteer_ids=[zhang])
    with st.db.reading(st.viewer) as uow:
        sheet = activities.sign_in_sheet(uow, activity_id=info.id)
    assert [(r.name, r.rostered) for r in sheet.rows] == [("张伟", True)]


def test_a_whole_team_goes_on_the_roster_but_not_those_who_left(setup_station):
    st = setup_station
    zhang = add_volunteer(st, "张伟", 1)
    li = add_volunteer(st, "李娜", 2)
    with st.db.unit_of_work(st.coordinator) as uow:
        team = teams.create_team(uow, name="文艺队", kind="arts")
        teams.add_member(uow, team_id=team.id, volunteer_id=zhang)
        teams.add_member(uow, team_id=team.id, volunteer_id=li)
        uow.session.get(Volunteer, li).status = "left"
    info = plan(st)
    with st.db.unit_of_work(st.coordinator) as uow:
        rows = activities.add_team_to_roster(uow, activity_id=info.id, team_id=team.id)
    assert [(r.name, r.rostered, r.hours) for r in rows] == [("张伟", True, 3.0)]


def test_each_activity_says_what_the_person_asking_may_do_next(setup_station, fake_now):
    from desktop.domain.volunteering import ActivityAction as Do

    st = setup_station
    st.db.now = fake_now  # 2026-11-29, after the activity
    planned = plan(st)
    assert planned.actions == {Do.CHANGE, Do.CANCEL, Do.SEE_ROSTER, Do.SIGN_IN, Do.PRINT_SHEET}, \
        "closing waits until someone came"
    zhang = add_volunteer(st, "张伟", 1)
    with st.db.unit_of_work(st.coordinator) as uow:
        activities.add_to_roster(uow, activity_id=planned.id, volunteer_ids=[zhang])
        activities.set_attendance(uow, activity_id=planned.id, attended={zhang: True})
    with st.db.reading(st.coordinator) as uow:
        assert Do.CLOSE in activities.get_activity(uow, activity_id=planned.id).actions
    with st.db.reading(st.viewer) as uow:
        assert activities.get_activity(uow, activity_id=planned.id).actions == {Do.SEE_ROSTER}
    with st.db.unit_of_work(st.coordinator) as uow:
        closed = activities.close_activity(uow, activity_id=planned.id).activity
    assert closed.actions == {Do.SEE_ROSTER}
    other = plan(st)
    with st.db.unit_of_work(st.coordinator) as uow:
        cancelled = activities.cancel_activity(uow, activity_id=other.id)
    assert cancelled.actions == frozenset()
