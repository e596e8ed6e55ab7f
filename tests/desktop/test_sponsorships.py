"""Sponsorships (认领认捐, "5个100"): sponsors, pairing a sponsor with a household in a project with a pledge, the
log of visits and hand-overs that is never edited (a note answers a wrong entry), what is overdue, pausing and
ending with a reason, the households waiting for a sponsor, coverage against the targets with the Lei Feng posts,
the household's timeline and the township's report."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desktop.domain.id_number import check_character
from desktop.domain.sponsorships import SponsorshipAction, handovers_due, leifeng_post
from desktop.errors import InvalidInput
from desktop.services import activities, households, settings, sponsorships, volunteers
from desktop.services.activities import ActivityForm
from desktop.services.households import HouseholdForm
from desktop.services.sponsorships import PledgeForm, SponsorForm, SponsorshipFilter
from desktop.services.volunteers import VolunteerForm
from desktop.storage.models import AuditEntry, SponsorshipEvent

TODAY = date(2026, 11, 29)
WU_ID = "22080219850301123" + check_character("22080219850301123")


@pytest.fixture
def station(setup_station, fake_now):
    """The set-up station on 2026-11-29 (a fixed clock, so the dates below hold whatever day the tests run)."""
    setup_station.db.now = fake_now
    return setup_station


def _household(station, head: str, *categories: str, **extra) -> str:
    with station.db.unit_of_work(station.coordinator) as uow:
        return households.register_household(uow, form=HouseholdForm(
            head_name=head, group_name=extra.pop("group_name", "三组"), address=extra.pop("address", f"幸福村{head}家"),
            categories=categories, **extra)).id


def _sponsor(station, name: str = "县妇联", kind: str = "organisation", **extra) -> str:
    with station.db.unit_of_work(station.coordinator) as uow:
        return sponsorships.add_sponsor(uow, form=SponsorForm(kind=kind, name=name, **extra)).id


def _pair(station, household_id: str, sponsor_id: str, project: str = "poor_women",
          **pledge) -> sponsorships.SponsorshipRow:
    values = dict(pledge_kind="money", amount=1200)
    values.update(pledge)
    with station.db.unit_of_work(station.coordinator) as uow:
        return sponsorships.pair_sponsorship(uow, household_id=household_id, sponsor_id=sponsor_id, project=project,
                                             pledge=PledgeForm(**values))


def _get(station, sponsorship_id: str) -> sponsorships.SponsorshipRow:
    with station.db.reading(station.viewer) as uow:
        return sponsorships.get_sponsorship(uow, sponsorship_id=sponsorship_id)


def _refused(station, work, field: str) -> InvalidInput:
    with pytest.raises(InvalidInput) as refused, station.db.unit_of_work(station.coordinator) as uow:
        work(uow)
    assert refused.value.field == field, refused.value.text()
    return refused.value


def _days_ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


# -- sponsors -------------------------------------------------------------------------------------------------

def test_a_sponsor_is_a_volunteer_of_the_village_an_organisation_or_a_person(station):
    with station.db.unit_of_work(station.coordinator) as uow:
        wu = volunteers.register_volunteer(uow, form=VolunteerForm(name="吴大义", id_number=WU_ID, phone="13912345678",
                                                                   address="幸福村三组"))
        volunteer = sponsorships.add_sponsor(uow, form=SponsorForm(kind="volunteer", volunteer_id=wu.id))
        organisation = sponsorships.add_sponsor(uow, form=SponsorForm(kind="organisation", name="县妇联",
                                                                      contact="张主任 0436-3212345"))
        person = sponsorships.add_sponsor(uow, form=SponsorForm(kind="person", name="赵 铁柱", contact="13804361234"))
    assert (volunteer.name, volunteer.contact, volunteer.address) == ("吴大义", "13912345678", "幸福村三组")
    assert person.name == "赵铁柱"  # a Chinese name loses the space typed into it
    with station.db.reading(station.viewer) as uow:
        listed = sponsorships.list_sponsors(uow)
    assert {(row.name, row.kind) for row in listed} == {("吴大义", "volunteer"), ("县妇联", "organisation"),
                                                        ("赵铁柱", "person")}
    # A volunteer renamed is the sponsor renamed: the list reads the volunteer's name as it is now.
    with station.db.unit_of_work(station.coordinator) as uow:
        volunteers.update_volunteer(uow, volunteer_id=wu.id, form=VolunteerForm(name="吴大仪", id_number=WU_ID,
                                                                                phone="13912345678"))
    with station.db.reading(station.viewer) as uow:
        assert "吴大仪" in {row.name for row in sponsorships.list_sponsors(uow)}
    assert organisation.active == 0


def test_a_sponsor_twice_or_without_a_name_is_refused_and_a_sponsor_is_changed(station):
    with station.db.unit_of_work(station.coordinator) as uow:
        wu = volunteers.register_volunteer(uow, form=VolunteerForm(name="吴大义", id_number=WU_ID))
        sponsorships.add_sponsor(uow, form=SponsorForm(kind="volunteer", volunteer_id=wu.id))
    sponsor_id = _sponsor(station, "县妇联")
    _refused(station, lambda uow: sponsorships.add_sponsor(
        uow, form=SponsorForm(kind="volunteer", volunteer_id=wu.id)), "volunteer_id")
    _refused(station, lambda uow: sponsorships.add_sponsor(uow, form=SponsorForm(kind="volunteer")), "volunteer_id")
    _refused(station, lambda uow: sponsorships.add_sponsor(uow, form=SponsorForm(kind="organisation", name="县 妇联")),
             "name")
    _refused(station, lambda uow: sponsorships.add_sponsor(uow, form=SponsorForm(kind="person", name="  ")), "name")
    _refused(station, lambda uow: sponsorships.add_sponsor(uow, form=SponsorForm(kind="company", name="某公司")),
             "kind")
    with station.db.unit_of_work(station.coordinator) as uow:
        changed = sponsorships.update_sponsor(uow, sponsor_id=sponsor_id, form=SponsorForm(
            kind="organisation", name="洮北区妇联", contact="0436-3212345"))
    assert (changed.name, changed.contact) == ("洮北区妇联", "0436-3212345")


# -- pairing and the pledge ------------------------------------------------------------------------------------

def test_a_sponsor_is_paired_with_a_household_of_the_projects_category(station):
    wang = _household(station, "王桂兰", "poor_women", "illness")
    sponsor_id = _sponsor(station)
    row = _pair(station, wang, sponsor_id, pledge_kind="money", amount="1,200元", start_on="2026-01-01",
                end_on="2026-12-31", instalments="12")
    assert (row.head_name, row.sponsor_name, row.project, row.status) == ("王桂兰", "县妇联", "poor_women", "active")
    assert (row.amount, row.start_on, row.end_on, row.instalments) == (1200.0, "2026-01-01", "2026-12-31", 12)
    assert row.status_on == "2026-01-01"  # active since the pledge began
    assert SponsorshipAction.RECORD_HANDOVER in row.actions
    with station.db.reading(station.viewer) as uow:
        assert not sponsorships.get_sponsorship(uow, sponsorship_id=row.id).actions  # the viewer may only look
    # The same sponsor for the same household in the same project again: refused; in another of its projects: fine.
    _refused(station, lambda uow: sponsorships.pair_sponsorship(
        uow, household_id=wang, sponsor_id=sponsor_id, project="poor_women",
        pledge=PledgeForm(pledge_kind="goods", pledge="每月一袋米")), "sponsor_id")
    assert _pair(station, wang, sponsor_id, "illness", pledge_kind="service", pledge="陪同就医").project == "illness"


@pytest.mark.parametrize(("pledge", "field"), [
    (dict(pledge_kind="money", amount=0), "amount"),
    (dict(pledge_kind="money", amount="五百"), "amount"),
    (dict(pledge_kind="money", amount=20_000_000), "amount"),
    (dict(pledge_kind="goods", pledge=" "), "pledge"),
    (dict(pledge_kind="money", amount=500, start_on="2026-06-01", end_on="2026-05-01"), "end_on"),
    (dict(pledge_kind="money", amount=500, instalments=4), "end_on"),
    (dict(pledge_kind="money", amount=500, end_on="2027-11-29", instalments="每月"), "instalments"),
    (dict(pledge_kind="money", amount=500, start_on="2026-13-01"), "start_on"),
    (dict(pledge_kind="gold", amount=500), "pledge_kind"),
])
def test_a_pledge_that_does_not_add_up_is_refused_naming_the_field(station, pledge, field):
    wang = _household(station, "王桂兰", "poor_women")
    sponsor_id = _sponsor(station)
    _refused(station, lambda uow: sponsorships.pair_sponsorship(
        uow, household_id=wang, sponsor_id=sponsor_id, project="poor_women", pledge=PledgeForm(**pledge)), field)
    with station.db.reading(station.viewer) as uow:
        assert sponsorships.list_sponsorships(uow) == []


def test_a_household_not_of_the_category_or_no_longer_helped_is_not_paired(station):
    zhao = _household(station, "赵德福", "five_guarantees")
    chen = _household(station, "陈宝山", "disability")
    sponsor_id = _sponsor(station)
    refused = _refused(station, lambda uow: sponsorships.pair_sponsorship(
        uow, household_id=zhao, sponsor_id=sponsor_id, project="poor_women",
        pledge=PledgeForm(pledge_kind="money", amount=500)), "project")
    assert "赵德福" in refused.text()
    with station.db.unit_of_work(station.coordinator) as uow:
        households.change_status(uow, household_id=chen, status="out_of_poverty")
    _refused(station, lambda uow: sponsorships.pair_sponsorship(
        uow, household_id=chen, sponsor_id=sponsor_id, project="disability",
        pledge=PledgeForm(pledge_kind="money", amount=500)), "household_id")


def test_a_pledge_is_changed_while_the_sponsorship_runs_and_not_after_it_ended(station):
    row = _pair(station, _household(station, "王桂兰", "poor_women"), _sponsor(station))
    with station.db.unit_of_work(station.coordinator) as uow:
        changed = sponsorships.change_pledge(uow, sponsorship_id=row.id, pledge=PledgeForm(
            pledge_kind="goods", pledge="每月一袋米、一桶油", amount=150))
        sponsorships.change_sponsorship_status(uow, sponsorship_id=row.id, status="ended", reason="认领人外出务工")
    assert (changed.pledge_kind, changed.pledge, changed.amount) == ("goods", "每月一袋米、一桶油", 150.0)
    _refused(station, lambda uow: sponsorships.change_pledge(
        uow, sponsorship_id=row.id, pledge=PledgeForm(pledge_kind="money", amount=100)), "status")


# -- the log, overdue visits and missed hand-overs --------------------------------------------------------------

def test_no_visit_for_the_days_the_settings_say_makes_a_sponsorship_overdue(station):
    row = _pair(station, _household(station, "王桂兰", "poor_women"), _sponsor(station), start_on=_days_ago(100))
    assert row.visit_overdue and row.last_visit == ""  # counted from its start: nobody has visited in 100 days
    with station.db.reading(station.viewer) as uow:
        assert [r.id for r in sponsorships.list_sponsorships(uow, where=SponsorshipFilter(overdue=True))] == [row.id]
    with station.db.unit_of_work(station.admin) as uow:
        settings.save_settings(uow, settings=dataclasses.replace(settings.load_settings(uow), visit_overdue_days=120))
    assert not _get(station, row.id).visit_overdue  # 120 days now
    with station.db.unit_of_work(station.admin) as uow:
        settings.save_settings(uow, settings=dataclasses.replace(settings.load_settings(uow), visit_overdue_days=90))
    with station.db.unit_of_work(station.coordinator) as uow:
        sponsorships.record_event(uow, sponsorship_id=row.id, kind="visit", happened_on=_days_ago(10),
                                  what="入户走访，了解冬季取暖")
    visited = _get(station, row.id)
    assert (visited.visit_overdue, visited.last_visit) == (False, _days_ago(10))
    with station.db.reading(station.viewer) as uow:
        assert sponsorships.list_sponsorships(uow, where=SponsorshipFilter(overdue=True)) == []


def test_an_instalment_not_handed_over_by_the_end_of_its_part_is_missed(station):
    # Twelve instalments over a year from 1 July: by 29 November four months have ended.
    row = _pair(station, _household(station, "王桂兰", "poor_women"), _sponsor(station), amount=1200,
                start_on="2026-07-01", end_on="2027-07-01", instalments=12)
    assert (row.handovers_due, row.handovers_made, row.handovers_missed) == (4, 0, 4)
    with station.db.unit_of_work(station.coordinator) as uow:
        for day in ("2026-07-20", "2026-08-20", "2026-09-20"):
            sponsorships.record_event(uow, sponsorship_id=row.id, kind="handover", happened_on=day, amount=100)
        sponsorships.record_event(uow, sponsorship_id=row.id, kind="visit", happened_on="2026-11-01")
    after = _get(station, row.id)
    assert (after.handovers_made, after.handovers_missed, after.overdue) == (3, 1, True)
    assert handovers_due(start=date(2026, 7, 1), end=date(2027, 7, 1), instalments=12, today=date(2027, 7, 2)) == 12
    assert handovers_due(start=date(2026, 7, 1), end=None, instalments=12, today=TODAY) == 0


@pytest.mark.parametrize(("event", "field"), [
    (dict(kind="handover", amount=0), "amount"),
    (dict(kind="visit", happened_on="2026-12-01"), "happened_on"),
    (dict(kind="visit", happened_on="2025-12-31"), "happened_on"),
    (dict(kind="note", what="补记"), "kind"),
    (dict(kind="gift"), "kind"),
])
def test_a_visit_or_hand_over_that_cannot_be_right_is_refused(station, event, field):
    row = _pair(station, _household(station, "王桂兰", "poor_women"), _sponsor(station), start_on="2026-01-01")
    _refused(station, lambda uow: sponsorships.record_event(uow, sponsorship_id=row.id, **event), field)


def test_a_wrong_entry_stays_as_it_was_answered_by_a_note(station):
    row = _pair(station, _household(station, "王桂兰", "poor_women"), _sponsor(station), start_on="2026-01-01")
    with station.db.unit_of_work(station.coordinator) as uow:
        wrong = sponsorships.record_event(uow, sponsorship_id=row.id, kind="handover", happened_on="2026-03-03",
                                          what="助学金", amount=500)
        note = sponsorships.add_note(uow, sponsorship_id=row.id, answers_id=wrong.id,
                                     what="3月3日实际交付300元，误记为500元")
    with station.db.reading(station.viewer) as uow:
        log = sponsorships.sponsorship_log(uow, sponsorship_id=row.id)
    assert [(e.kind, e.happened_on, e.amount, e.answered) for e in log] == [
        ("note", "2026-11-29", 0.0, False), ("handover", "2026-03-03", 500.0, True)]
    assert log[0].answers_id == wrong.id and log[0].recorded_by_name == "李秀英"
    assert note.id == log[0].id
    # The log is never edited, not even by a service that tried.
    with pytest.raises(RuntimeError, match="never changed"), station.db.unit_of_work(station.coordinator) as uow:
        uow.session.get(SponsorshipEvent, wrong.id).amount = 300
        uow.session.flush()
    _refused(station, lambda uow: sponsorships.add_note(uow, sponsorship_id=row.id, what=" "), "what")
    other = _pair(station, _household(station, "刘凤霞", "poor_women"), _sponsor(station, "县残联"))
    _refused(station, lambda uow: sponsorships.add_note(uow, sponsorship_id=other.id, answers_id=wrong.id,
                                                        what="不是这一户的"), "answers_id")


# -- pausing, ending, the households waiting -------------------------------------------------------------------

def test_a_sponsorship_is_paused_and_ended_with_a_reason_and_its_household_waits_again(station):
    wang = _household(station, "王桂兰", "poor_women", "illness")
    _household(station, "刘凤霞", "schooling")
    with station.db.reading(station.viewer) as uow:
        waiting = sponsorships.households_waiting(uow)
    assert [(w.head_name, w.project) for w in waiting] == [
        ("王桂兰", "poor_women"), ("刘凤霞", "schooling"), ("王桂兰", "illness")]
    row = _pair(station, wang, _sponsor(station), start_on="2026-01-01")
    with station.db.reading(station.viewer) as uow:
        assert ("王桂兰", "poor_women") not in {(w.head_name, w.project) for w in sponsorships.households_waiting(uow)}

    _refused(station, lambda uow: sponsorships.change_sponsorship_status(
        uow, sponsorship_id=row.id, status="paused"), "reason")
    with station.db.unit_of_work(station.coordinator) as uow:
        paused = sponsorships.change_sponsorship_status(uow, sponsorship_id=row.id, status="paused",
                                                        reason="认领人住院", on="2026-11-20")
    assert (paused.status, paused.status_on, paused.end_reason) == ("paused", "2026-11-20", "认领人住院")
    assert paused.actions == {SponsorshipAction.RECORD_VISIT, SponsorshipAction.ADD_NOTE,
                              SponsorshipAction.CHANGE_PLEDGE, SponsorshipAction.RESUME, SponsorshipAction.END}
    _refused(station, lambda uow: sponsorships.record_event(uow, sponsorship_id=row.id, kind="handover",
                                                            amount=100), "status")
    with station.db.reading(station.viewer) as uow:
        [held] = [w for w in sponsorships.households_waiting(uow, project="poor_women")]
    assert (held.head_name, held.paused_sponsor) == ("王桂兰", "县妇联")  # paused: not active, its sponsor named

    with station.db.unit_of_work(station.coordinator) as uow:
        sponsorships.change_sponsorship_status(uow, sponsorship_id=row.id, status="active")
        ended = sponsorships.change_sponsorship_status(uow, sponsorship_id=row.id, status="ended",
                                                       reason="认领人搬到外地")
    assert (ended.status, ended.status_on, ended.end_reason, ended.actions) == (
        "ended", "2026-11-29", "认领人搬到外地", {SponsorshipAction.ADD_NOTE})
    with station.db.reading(station.viewer) as uow:
        back = [w for w in sponsorships.households_waiting(uow, project="poor_women")]
        assert sponsorships.list_sponsorships(uow) == []  # the list shows active and paused ones unless asked
        assert [r.id for r in sponsorships.list_sponsorships(
            uow, where=SponsorshipFilter(statuses=sponsorships.ALL_STATUSES))] == [row.id]
    assert [(w.head_name, w.ended_on, w.paused_sponsor) for w in back] == [("王桂兰", "2026-11-29", "")]
    for status in ("active", "paused", "ended"):
        _refused(station, lambda uow, status=status: sponsorships.change_sponsorship_status(
            uow, sponsorship_id=row.id, status=status, reason="再试一次"), "status")
    _refused(station, lambda uow: sponsorships.record_event(uow, sponsorship_id=row.id, kind="visit"), "status")
    with station.db.reading(station.admin) as uow:
        changes = uow.session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "sponsorships")
                                      .order_by(AuditEntry.id)).all()
    assert changes == ["create", "update", "update", "update"]  # every change is in the audit log


def test_a_status_change_before_the_sponsorship_began_or_in_the_future_is_refused(station):
    row = _pair(station, _household(station, "王桂兰", "poor_women"), _sponsor(station), start_on="2026-06-01")
    for day in ("2026-05-31", "2026-12-01"):
        _refused(station, lambda uow, day=day: sponsorships.change_sponsorship_status(
            uow, sponsorship_id=row.id, status="ended", reason="认领人外出", on=day), "status_on")
    # A pledge that has not begun yet may still be ended today.
    later = _pair(station, _household(station, "刘凤霞", "poor_women"), _sponsor(station, "县残联"),
                  start_on="2027-01-01")
    with station.db.unit_of_work(station.coordinator) as uow:
        ended = sponsorships.change_sponsorship_status(uow, sponsorship_id=later.id, status="ended",
                                                       reason="认领人改变主意")
    assert (ended.status, ended.status_on) == ("ended", "2026-11-29")


def test_pairing_without_a_household_or_a_sponsor_says_which_to_choose(station):
    wang = _household(station, "王桂兰", "poor_women")
    sponsor_id = _sponsor(station)
    pledge = PledgeForm(pledge_kind="money", amount=500)
    refused = _refused(station, lambda uow: sponsorships.pair_sponsorship(
        uow, household_id="", sponsor_id=sponsor_id, project="poor_women", pledge=pledge), "household_id")
    assert refused.text() == "Choose the household the sponsor helps."
    refused = _refused(station, lambda uow: sponsorships.pair_sponsorship(
        uow, household_id=wang, sponsor_id="", project="poor_women", pledge=pledge), "sponsor_id")
    assert refused.text() == "Choose the sponsor, or add a new one."


def test_a_merged_households_sponsorship_counts_for_the_household_kept(station):
    wang = _household(station, "王桂兰", "poor_women")
    with station.db.unit_of_work(station.coordinator) as uow:
        twin = households.register_household(uow, form=HouseholdForm(
            head_name="王桂兰", group_name="三组", address="幸福村王桂兰家", categories=("poor_women",)),
            allow_similar=True).id
    row = _pair(station, twin, _sponsor(station))
    with station.db.unit_of_work(station.coordinator) as uow:
        households.merge_households(uow, keep_id=wang, merge_id=twin)
    assert _get(station, row.id).household_id == wang
    with station.db.reading(station.viewer) as uow:
        assert sponsorships.households_waiting(uow) == []
        coverage = sponsorships.sponsorship_coverage(uow)
    assert (coverage.projects[0].households, coverage.projects[0].sponsored) == (1, 1)


# -- coverage, the timeline, the report ---------------------------------------------------------------------

def _leifeng(station, title: str, place: str, day: date, *, cancel: bool = False) -> None:
    with station.db.unit_of_work(station.coordinator) as uow:
        post = activities.plan_activity(uow, form=ActivityForm(
            kind="leifeng_post", title=title, date=day.isoformat(), start_time="08:00", end_time="12:00",
            place=place))
        if cancel:
            activities.cancel_activity(uow, activity_id=post.id)


def test_coverage_counts_households_sponsored_and_waiting_per_project_and_the_lei_feng_posts(station):
    wang = _household(station, "王桂兰", "poor_women", "illness")
    liu = _household(station, "刘凤霞", "poor_women", "schooling")
    _household(station, "陈宝山", "disability")
    sponsor_id = _sponsor(station)
    _pair(station, wang, sponsor_id)
    _pair(station, wang, _sponsor(station, "县红十字会"))  # a second sponsor: still one household sponsored
    ended = _pair(station, liu, sponsor_id, "schooling", pledge_kind="service", pledge="每周辅导功课")
    with station.db.unit_of_work(station.coordinator) as uow:
        sponsorships.change_sponsorship_status(uow, sponsorship_id=ended.id, status="ended", reason="孩子已毕业")
    _leifeng(station, "雷锋岗：村部便民服务", "村委会便民服务大厅", TODAY)
    _leifeng(station, "雷锋岗：村部便民服务", "村委会 便民服务大厅", TODAY + timedelta(days=7))  # the same post
    _leifeng(station, "雷锋岗：卫生室", "", TODAY)  # no place: known by its title
    _leifeng(station, "雷锋岗：学校门口", "小学门口", TODAY, cancel=True)  # cancelled: no post
    with station.db.reading(station.viewer) as uow:
        coverage = sponsorships.sponsorship_coverage(uow)
    assert [(p.project, p.target, p.households, p.sponsored, p.waiting) for p in coverage.projects] == [
        ("poor_women", 100, 2, 1, 1), ("schooling", 100, 1, 0, 1), ("disability", 100, 1, 0, 1),
        ("illness", 100, 1, 0, 1)]
    assert (coverage.leifeng_posts, coverage.leifeng_target) == (2, 100)
    assert leifeng_post("雷锋岗", "村委会 便民服务大厅") == leifeng_post("别的标题", "村委会便民服务大厅")


def test_the_households_timeline_shows_its_visits_hand_overs_and_notes(station):
    wang = _household(station, "王桂兰", "poor_women")
    row = _pair(station, wang, _sponsor(station), start_on="2026-01-01")
    with station.db.unit_of_work(station.coordinator) as uow:
        visit = sponsorships.record_event(uow, sponsorship_id=row.id, kind="visit", happened_on="2026-11-20",
                                          what="入户走访")
        sponsorships.record_event(uow, sponsorship_id=row.id, kind="handover", happened_on="2026-06-01",
                                  what="助学金", amount=600)
        sponsorships.add_note(uow, sponsorship_id=row.id, answers_id=visit.id, what="走访日期应为11月21日")
    with station.db.reading(station.viewer) as uow:
        timeline = households.household_timeline(uow, household_id=wang)
    assert [(e.on, e.kind, e.what, e.by, e.amount) for e in timeline] == [
        ("2026-11-29", "sponsor_note", "走访日期应为11月21日", "县妇联", 0.0),
        ("2026-11-20", "visit", "入户走访", "县妇联", 0.0),
        ("2026-06-01", "handover", "助学金", "县妇联", 600.0)]


def test_the_report_holds_coverage_the_overdue_and_the_hand_overs_of_the_period_with_their_notes(station):
    wang = _household(station, "王桂兰", "poor_women")
    liu = _household(station, "刘凤霞", "schooling")
    late = _pair(station, wang, _sponsor(station), start_on=_days_ago(200))
    kept = _pair(station, liu, _sponsor(station, "赵铁柱", "person"), "schooling", start_on=_days_ago(60))
    with station.db.unit_of_work(station.coordinator) as uow:
        early = sponsorships.record_event(uow, sponsorship_id=late.id, kind="handover",
                                          happened_on="2026-10-08", what="助学金", amount=500)
        sponsorships.add_note(uow, sponsorship_id=late.id, answers_id=early.id, what="实际300元")
        sponsorships.record_event(uow, sponsorship_id=kept.id, kind="handover", happened_on="2026-11-10",
                                  amount=200)
        sponsorships.record_event(uow, sponsorship_id=kept.id, kind="handover", happened_on="2026-09-30",
                                  amount=999)  # before the period
    with station.db.reading(station.viewer) as uow:
        report = sponsorships.sponsorship_report(uow, period_from="2026-10-01", period_to="2026年11月30日")
    assert (report.village_name, report.printed_on, report.period_from, report.period_to, report.visit_days) == (
        "幸福村", "2026-11-29", "2026-10-01", "2026-11-30", 90)
    assert [row.id for row in report.overdue] == [late.id]
    assert [(h.happened_on, h.head_name, h.sponsor_name, h.amount, h.notes) for h in report.handovers] == [
        ("2026-10-08", "王桂兰", "县妇联", 500.0, "实际300元"), ("2026-11-10", "刘凤霞", "赵铁柱", 200.0, "")]
    assert report.handed_over == 700
    assert [p.sponsored for p in report.coverage.projects] == [1, 1, 0, 0]
    with pytest.raises(InvalidInput) as refused, station.db.reading(station.viewer) as uow:
        sponsorships.sponsorship_report(uow, period_from="2026-12-01", period_to="2026-11-01")
    assert refused.value.field == "period_to"
