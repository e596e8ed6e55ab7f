"""Service hours: append-only records, corrections, the honour-hours cap, totals and star levels."""

from __future__ import annotations

import pytest

from desktop.domain.id_number import check_character
from desktop.domain.sync_kinds import SERVICE_HOURS, named_id
from desktop.errors import InvalidInput, PermissionDenied
from desktop.services import hours, teams
from desktop.services.station import village_code
from desktop.storage.models import ServiceHours, Volunteer

VILLAGE = "220802101201"  # the village of the set-up station (conftest.py)


def add_volunteer(st, name: str, n: int, *, status: str = "active", merged_into: str = "") -> str:
    first17 = f"22080219900101{n:03d}"
    with st.db.unit_of_work(st.coordinator) as uow:
        row = Volunteer(village_code=village_code(uow), name=name, id_number=first17 + check_character(first17),
                        status=status, merged_into=merged_into, registered_on="2026-01-01")
        uow.session.add(row)
        uow.session.flush()
        return row.id


def credit(st, volunteer_id: str, amount: float, served_on: str = "2026-11-20", content: str = "志愿服务日") -> str:
    """Hours as closing an activity writes them."""
    with st.db.unit_of_work(st.coordinator) as uow:
        row = ServiceHours(village_code=village_code(uow), volunteer_id=volunteer_id, kind="credit", hours=amount,
                           served_on=served_on, content=content, recorded_by_name="李秀英")
        uow.session.add(row)
        uow.session.flush()
        return row.id


def total(st, volunteer_id: str, **period) -> float:
    with st.db.reading(st.viewer) as uow:
        return hours.total_hours(uow.session, [volunteer_id], **period).get(volunteer_id, 0.0)


def test_an_hours_record_cannot_be_changed_once_written(setup_station):
    st = setup_station
    zhang = add_volunteer(st, "张伟", 1)
    record = credit(st, zhang, 3)
    with pytest.raises(RuntimeError, match="never changed"), st.db.unit_of_work(st.admin) as uow:
        uow.session.get(ServiceHours, record).hours = 30
        uow.session.flush()
    assert total(st, zhang) == 3


def test_a_correction_reverses_the_record_and_may_put_the_right_hours_in_its_place(setup_station):
    st = setup_station
    zhang = add_volunteer(st, "张伟", 1)
    record = credit(st, zhang, 3)
    credit(st, zhang, 2, served_on="2026-11-27")
    with st.db.unit_of_work(st.coordinator) as uow:
        made = hours.correct_hours(uow, record_id=record, reason="只待了一个半小时", new_hours=1.5)
    reversal, replacement = made
    assert (reversal.kind, reversal.hours, reversal.reverses_id) == ("correction", -3.0, record)
    assert (replacement.kind, replacement.hours, replacement.served_on) == ("credit", 1.5, "2026-11-20")
    assert reversal.recorded_by_name == "李秀英"
    assert total(st, zhang) == 3.5
    with st.db.reading(st.viewer) as uow:
        listed = {r.id: r for r in hours.list_hours(uow, volunteer_id=zhang)}
    assert listed[record].reversed and not listed[replacement.id].reversed
    assert len(listed) == 4  # nothing was removed: the original stays with its reversal beside it


def test_a_record_is_reversed_once_and_a_correction_is_not_itself_reversed(setup_station):
    st = setup_station
    zhang = add_volunteer(st, "张伟", 1)
    record = credit(st, zhang, 3)
    with st.db.unit_of_work(st.coordinator) as uow:
        [reversal] = hours.correct_hours(uow, record_id=record, reason="没有来")
    assert total(st, zhang) == 0
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput, match="already been reversed"):
        hours.correct_hours(uow, record_id=record, reason="again")
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput, match="itself a correction"):
        hours.correct_hours(uow, record_id=reversal.id, reason="undo")
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(InvalidInput) as refused:
        hours.correct_hours(uow, record_id=credit(st, zhang, 2), reason="  ")
    assert refused.value.field == "reason"
    assert total(st, zhang) == 2


def test_the_reversal_id_is_the_same_on_every_pc(setup_station):
    st = setup_station
    zhang = add_volunteer(st, "张伟", 1)
    record = credit(st, zhang, 3)
    with st.db.unit_of_work(st.coordinator) as uow:
        [reversal] = hours.correct_hours(uow, record_id=record, reason="没有来")
    assert reversal.id == named_id(VILLAGE, "reverse", record)
    # the id its kind declares, which the city server checks; and no other village's would be the same
    assert reversal.id == SERVICE_HOURS.expected_id(VILLAGE, {"reverses_id": record})
    assert reversal.id != SERVICE_HOURS.expected_id("220802101202", {"reverses_id": record})


def test_honour_hours_are_for_the_admin_and_capped_per_year(setup_station):
    st = setup_station
    zhang = add_volunteer(st, "张伟", 1)
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(PermissionDenied):
        hours.add_honour_hours(uow, volunteer_id=zhang, hours=2, served_on="2026-06-01", reason="抗洪")
    with st.db.unit_of_work(st.admin) as uow:
        first = hours.add_honour_hours(uow, volunteer_id=zhang, hours=15, served_on="2026-06-01", reason="抗洪抢险")
    assert (first.kind, first.hours, first.recorded_by_name) == ("honour", 15.0, "王建国")
    with st.db.unit_of_work(st.admin) as uow, pytest.raises(InvalidInput) as refused:
        hours.add_honour_hours(uow, volunteer_id=zhang, hours=6, served_on="2026-09-01", reason="防疫")
    assert refused.value.params["cap"] == 20 and refused.value.params["left"] == 5
    assert "20" in refused.value.text() and "5" in refused.value.text()
    # another year has its own allowance
    with st.db.unit_of_work(st.admin) as uow:
        hours.add_honour_hours(uow, volunteer_id=zhang, hours=6, served_on="2027-01-05", reason="防疫")
    # reversing honour hours gives the allowance back; only the admin may reverse them
    with st.db.unit_of_work(st.coordinator) as uow, pytest.raises(PermissionDenied):
        hours.correct_hours(uow, record_id=first.id, reason="录错了")
    with st.db.unit_of_work(st.admin) as uow:
        hours.correct_hours(uow, record_id=first.id, reason="录错了", new_hours=10)
        hours.add_honour_hours(uow, volunteer_id=zhang, hours=10, served_on="2026-09-01", reason="防疫")
    with st.db.unit_of_work(st.admin) as uow, pytest.raises(InvalidInput, match="At most 20 honour hours"):
        hours.add_honour_hours(uow, volunteer_id=zhang, hours=0.5, served_on="2026-12-01", reason="再加")
    assert total(st, zhang, date_from="2026-01-01", date_to="2026-12-31") == 20


def test_honour_hours_need_a_reason_and_sensible_hours(setup_station):
    st = setup_station
    zhang = add_volunteer(st, "张伟", 1)
    with st.db.unit_of_work(st.admin) as uow, pytest.raises(InvalidInput) as refused:
        hours.add_honour_hours(uow, volunteer_id=zhang, hours=2, served_on="2026-06-01", reason="")
    assert refused.value.field == "reason"
    with st.db.unit_of_work(st.admin) as uow, pytest.raises(InvalidInput) as refused:
        hours.add_honour_hours(uow, volunteer_id=zhang, hours=0, served_on="2026-06-01", reason="抗洪")
    assert refused.value.field == "hours"


def test_hours_of_a_merged_duplicate_count_for_the_kept_record(setup_station):
    st = setup_station
    kept = add_volunteer(st, "张伟", 1)
    duplicate = add_volunteer(st, "张伟", 2, status="merged", merged_into=kept)
    credit(st, kept, 3)
    credit(st, duplicate, 2)
    with st.db.reading(st.viewer) as uow:
        assert hours.total_hours(uow.session, [duplicate]) == {kept: 5.0}
        assert len(hours.list_hours(uow, volunteer_id=kept)) == 2
        totals = hours.totals_by_volunteer(uow)
    assert [(t.name, t.hours) for t in totals] == [("张伟", 5.0)]


def test_team_totals_count_a_volunteer_in_every_team_they_belong_to(setup_station):
    st = setup_station
    zhang = add_volunteer(st, "张伟", 1)
    li = add_volunteer(st, "李娜", 2)
    credit(st, zhang, 3, served_on="2026-11-06")
    credit(st, li, 2, served_on="2026-11-13")
    credit(st, li, 4, served_on="2026-10-02")
    with st.db.unit_of_work(st.coordinator) as uow:
        arts = teams.create_team(uow, name="文艺队", kind="arts")
        medical = teams.create_team(uow, name="医疗队", kind="medical")
        teams.create_team(uow, name="法律援助队", kind="legal")
        teams.add_member(uow, team_id=arts.id, volunteer_id=zhang)
        teams.add_member(uow, team_id=arts.id, volunteer_id=li)
        teams.add_member(uow, team_id=medical.id, volunteer_id=li)
    with st.db.reading(st.viewer) as uow:
        november = {t.name: (t.hours, t.volunteers) for t in hours.totals_by_team(
            uow, date_from="2026-11-01", date_to="2026-11-30")}
        ever = {t.name: t.hours for t in hours.totals_by_team(uow)}
        by_volunteer = [(t.name, t.hours) for t in hours.totals_by_volunteer(uow, date_from="2026-11-01")]
        months = hours.monthly_hours(uow, year=2026)
    assert november == {"文艺队": (5.0, 2), "医疗队": (2.0, 1), "法律援助队": (0.0, 0)}
    assert ever == {"文艺队": 9.0, "医疗队": 6.0, "法律援助队": 0.0}
    assert by_volunteer == [("张伟", 3.0), ("李娜", 2.0)]
    assert months[9] == 4.0 and months[10] == 5.0 and sum(months) == 9.0


def test_a_volunteer_crossing_a_star_level_is_listed_until_it_is_announced(setup_station):
    st = setup_station
    zhang = add_volunteer(st, "张伟", 1)
    add_volunteer(st, "李娜", 2)
    for _ in range(5):
        credit(st, zhang, 19)
    with st.db.reading(st.viewer) as uow:
        assert hours.star_risers(uow) == []  # 95 hours: no star yet
    credit(st, zhang, 6)
    with st.db.reading(st.viewer) as uow:
        [riser] = hours.star_risers(uow)
    assert (riser.name, riser.hours, riser.level, riser.last_noticed_level) == ("张伟", 101.0, 1, 0)
    with st.db.unit_of_work(st.coordinator) as uow:
        assert hours.record_star_notice(uow, volunteer_ids=[zhang]) == 1
    with st.db.reading(st.viewer) as uow:
        assert hours.star_risers(uow) == []
    with st.db.unit_of_work(st.coordinator) as uow:
        assert hours.record_star_notice(uow, volunteer_ids=[zhang]) == 0  # nothing new to announce
    for _ in range(10):
        credit(st, zhang, 20)
    with st.db.reading(st.viewer) as uow:
        [riser] = hours.star_risers(uow)
    assert (riser.hours, riser.level, riser.last_noticed_level) == (301.0, 2, 1)
    with st.db.unit_of_work(st.coordinator) as uow:
        hours.record_star_notice(uow, volunteer_ids=[zhang])
    with st.db.reading(st.viewer) as uow:
        assert hours.star_risers(uow) == []
        assert hours.totals_by_volunteer(uow)[0].star_level == 2


@pytest.mark.parametrize(("value", "shown"), [(3.0, "3 h"), (2.5, "2.5 h"), (-2, "−2 h"), (0, "0 h"), (2.75, "2.8 h"),
                                              (36.50000001, "36.5 h")])
def test_hours_are_written_one_way_with_their_unit(value, shown):
    from desktop.domain.volunteering import HOURS_UNIT_CHINESE, hours_with_unit

    assert hours_with_unit(value) == shown
    assert hours_with_unit(value, unit=HOURS_UNIT_CHINESE) == shown.replace(" h", " 小时")


def test_the_registry_workbook_keeps_hours_as_numbers_a_spreadsheet_adds_up_with_the_unit_in_the_heading(
        setup_station):
    import io

    from openpyxl import load_workbook

    from desktop.services.volunteer_excel import export_volunteers

    st = setup_station
    zhang = add_volunteer(st, "张伟", 1)
    credit(st, zhang, 3)
    credit(st, zhang, 2.5, served_on="2026-11-27")
    add_volunteer(st, "李娜", 2)
    with st.db.reading(st.viewer) as uow:
        sheet = load_workbook(io.BytesIO(export_volunteers(uow))).active
    rows = list(sheet.iter_rows(values_only=True))
    hours_column = rows[0].index("服务时长（小时）")
    assert {row[0]: row[hours_column] for row in rows[1:]} == {"张伟": 5.5, "李娜": 0}
    assert all(isinstance(row[hours_column], int | float) for row in rows[1:])
