"""The role matrix of the services: every permission-guarded verb, run as every role, is refused exactly
to the roles the table below leaves out and does its work for the roles it names.

The table is written out by hand on purpose.  It is not read from ``desktop/domain/roles.py`` nor from the
permission a verb checks, so giving a role a right it should not have (the hut manager editing volunteers),
or a verb checking another permission than before, makes a case here fail.

Every case runs its verb in a writing unit of work as the role's person and rolls it back at the end, so
each case finds the same small station: two volunteers, a team, activities, hours, a certificate,
nominations and a conflict from the city.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import desktop.services
from desktop.domain.actor import SYSTEM, Actor
from desktop.domain.hut import DocumentKind
from desktop.domain.id_number import check_character
from desktop.domain.roles import Role
from desktop.errors import PermissionDenied
from desktop.paths import DataFolder
from desktop.services import (
    accounts,
    activities,
    audit,
    backups,
    certificates,
    good_people,
    hours,
    household_excel,
    households,
    hut,
    hut_drafts,
    hut_ledger,
    hut_points,
    hut_stock,
    hut_stocktake,
    hut_transfers,
    regions,
    settings,
    sponsorships,
    station,
    stock_excel,
    sync,
    teams,
    volunteer_excel,
    volunteers,
    wishes,
)
from desktop.services.activities import ActivityForm
from desktop.services.audit import AuditFilter
from desktop.services.households import HouseholdForm, MemberForm, SpecialNotes
from desktop.services.hut import DonorForm, ItemForm
from desktop.services.hut_drafts import DraftForm, LineForm
from desktop.services.hut_ledger import Header, Line
from desktop.services.hut_points import EarnForm, ExchangeForm, ExchangeLine, PointsRuleForm
from desktop.services.hut_stocktake import CountEntry
from desktop.services.hut_transfers import ReceiptForm, SendLine
from desktop.services.sponsorships import PledgeForm, SponsorForm
from desktop.services.volunteers import VolunteerForm
from desktop.services.wishes import WishForm
from desktop.spreadsheets import Sheet, workbook_bytes
from desktop.storage.database import Database, open_database
from desktop.storage.models import Conflict, Item

ROLES = ("admin", "coordinator", "hut_manager", "viewer")

# Who may do what, written out here rather than read from roles.py, so a change to a role fails a case.
EVERYONE = frozenset(ROLES)
ADMIN_AND_COORDINATOR = frozenset({"admin", "coordinator"})
ADMIN_ONLY = frozenset({"admin"})
ADMIN_AND_HUT_MANAGER = frozenset({"admin", "hut_manager"})

PROFILE = dict(station_name="幸福村志愿服务站", contact_name="李秀英", contact_phone="13804361234",
               address="平安镇幸福村村委会", office_hours="周一至周五", notes="")


def id_number(first17: str) -> str:
    return first17 + check_character(first17)


WU_ID = id_number("22080219850301123")
LI_ID = id_number("22080219900715224")
NEW_ID = id_number("22080219951120335")
IMPORTED_ID = id_number("22080220000101446")
WANG_ID = id_number("22080219620315122")


@dataclass
class World:
    """The station every case starts from, and the ids of what is in it."""

    db: Database
    folder: DataFolder
    actors: dict[str, Actor]
    scratch: Path  # room for what the backup verbs write outside the station's folder
    today: date
    station_id: str
    village: str
    wu: str  # a volunteer in the team, with hours, a certificate and an activity he came to
    li: str  # a volunteer in no team
    team: str
    wu_member: str  # wu's membership of the team
    planned: str  # a planned activity today, with wu ticked as having come
    credit: str  # an hours record from a closed activity
    honour: str  # an honour-hours record
    certificate: str
    nomination: str  # just nominated
    on_notice: str  # on public notice that has ended: it may be published
    conflict: str  # a conflict from the city, not settled
    backup: Path  # a good backup of the station
    household: str = ""  # a household with health notes, a member and a training it attended
    twin: str = ""  # the same household registered again (same head and address)
    household_member: str = ""
    category: str = ""  # a category of help the admin added
    training: str = ""
    trainee: str = ""
    wishes: dict[str, str] = dataclasses.field(default_factory=dict)  # a wish in each state, by state
    hut_donor: str = ""
    item_category: str = ""  # a category of goods the hut added
    draft: str = ""  # an intake being written, with one line
    draft_line: str = ""
    board_wish: str = ""  # another village's wish on the board
    sponsor: str = ""  # sponsors the household in its project (illness), with a visit logged
    other_sponsor: str = ""  # sponsors nobody yet
    sponsorship: str = ""
    sponsor_visit: str = ""
    item: str = ""  # an item of the hut, with ten on the shelf, priced in points
    intake: str = ""  # the intake that brought them (another brought the one exchanged)
    distribution: str = ""  # one handed to the household (a third intake brought it)
    points_earned: str = ""  # the household's points earned for a reason
    exchange: str = ""  # the household took one of the item for its points
    stocktake: str = ""  # a count of the grain in progress, the item counted at 9 (one lost)
    incoming: str = ""  # a transfer of 红星村's hut to this one, one line of it not yet confirmed
    incoming_line: str = ""


def _build_world(db: Database, folder: DataFolder, actors: dict[str, Actor], scratch: Path) -> World:
    admin, coordinator = actors["admin"], actors["coordinator"]
    with db.unit_of_work(coordinator) as uow:
        today = uow.today()
        village = station.village_code(uow)
        wu = volunteers.register_volunteer(uow, form=VolunteerForm(name="吴大义", id_number=WU_ID,
                                                                   phone="13912345678"))
        li = volunteers.register_volunteer(uow, form=VolunteerForm(name="李秀兰", id_number=LI_ID))
        team = teams.create_team(uow, name="幸福村志愿服务队", kind="village")
        member = teams.add_member(uow, team_id=team.id, volunteer_id=wu.id)
        past = activities.plan_activity(uow, form=ActivityForm(
            kind="volunteer_day", title="清扫村道", date=(today - timedelta(days=10)).isoformat(),
            start_time="14:00", end_time="17:00", team_id=team.id))
        activities.set_attendance(uow, activity_id=past.id, attended={wu.id: True})
        activities.close_activity(uow, activity_id=past.id)
        planned = activities.plan_activity(uow, form=ActivityForm(
            kind="volunteer_day", title="志愿服务日", date=today.isoformat(), start_time="14:00",
            end_time="17:00", team_id=team.id))
        activities.set_attendance(uow, activity_id=planned.id, attended={wu.id: True})
        [credit] = hours.list_hours(uow, volunteer_id=wu.id)
        certificate = certificates.issue_certificate(
            uow, volunteer_id=wu.id, period_from=(today - timedelta(days=30)).isoformat(),
            period_to=today.isoformat())
        nomination = good_people.nominate(uow, name="赵铁柱", category="bravery", deeds="跳进冰窟窿救起落水儿童。",
                                          nominated_by="幸福村二组", nominated_on=today - timedelta(days=3))
        on_notice = good_people.nominate(uow, name="吴大义", volunteer_id=wu.id, category="helping",
                                         deeds="常年照顾同组孤寡老人。", nominated_by="村妇联",
                                         nominated_on=today - timedelta(days=40))
    with db.unit_of_work(admin) as uow:
        station_id = sync.identity(uow).station_id
        honour = hours.add_honour_hours(uow, volunteer_id=wu.id, hours=2, served_on=today - timedelta(days=5),
                                        reason="汛期巡堤")
        good_people.start_notice(uow, nomination_id=on_notice.id, notice_from=today - timedelta(days=30),
                                 notice_to=today - timedelta(days=20))
    with db.unit_of_work(admin) as uow:
        uow.applying_remote = True  # conflicts are the city server's records, written as the sync apply does
        conflict = Conflict(village_code=village, entity="volunteer", row_id=wu.id, field="phone",
                            kept_value="13912345678", lost_value="13987654321", lost_station="another-pc")
        uow.session.add(conflict)
        uow.session.flush()
        conflict_id = conflict.id
    households_of = _households(db, coordinator, admin, today)
    wishes_of = _wishes(db, coordinator, admin, households_of["household"])
    hut_of = _hut(db, actors["hut_manager"], village, households_of["household"])
    taken = backups.backup_now(db, actor=admin, now=datetime(2026, 1, 1, 8, 0, 0))
    backup = scratch / "backup-to-restore.db"
    shutil.copy2(taken.path, backup)
    return World(db=db, folder=folder, actors=actors, scratch=scratch, today=today, station_id=station_id,
                 village=village, wu=wu.id, li=li.id, team=team.id, wu_member=member.id, planned=planned.id,
                 credit=credit.id, honour=honour.id, certificate=certificate.id, nomination=nomination.id,
                 on_notice=on_notice.id, conflict=conflict_id, backup=backup, **households_of, **wishes_of, **hut_of)


def _households(db: Database, coordinator: Actor, admin: Actor, today: date) -> dict[str, str]:
    with db.unit_of_work(admin) as uow:
        category = households.add_category(uow, name="留守儿童")
    with db.unit_of_work(coordinator) as uow:
        household = households.register_household(uow, form=HouseholdForm(
            head_name="王桂兰", id_number=WANG_ID, group_name="三组", address="幸福村三组", categories=("illness",)),
            special=SpecialNotes(health="高血压"))
        twin = households.register_household(uow, form=HouseholdForm(head_name="王桂兰", address="幸福村三组"),
                                              allow_similar=True)
        member = households.add_household_member(uow, household_id=household.id, form=MemberForm(name="王小明",
                                                                                      relation="grandchild"))
        training = activities.plan_activity(uow, form=ActivityForm(
            kind="training", title="手工编织培训", date=today.isoformat(), start_time="09:00", end_time="11:00"))
        trainee = households.add_trainee(uow, activity_id=training.id, household_id=household.id)
        sponsor = sponsorships.add_sponsor(uow, form=SponsorForm(kind="organisation", name="县妇联"))
        other_sponsor = sponsorships.add_sponsor(uow, form=SponsorForm(kind="person", name="赵铁柱"))
        sponsorship = sponsorships.pair_sponsorship(uow, household_id=household.id, sponsor_id=sponsor.id,
                                                    project="illness", pledge=PledgeForm(pledge_kind="money",
                                                                                         amount=600))
        visit = sponsorships.record_event(uow, sponsorship_id=sponsorship.id, kind="visit", what="入户走访")
    return {"household": household.id, "twin": twin.id, "household_member": member.id, "category": category.code,
            "training": training.id, "trainee": trainee.id, "sponsor": sponsor.id, "other_sponsor": other_sponsor.id,
            "sponsorship": sponsorship.id, "sponsor_visit": visit.id}


def _hut(db: Database, hut_manager: Actor, village: str, household: str) -> dict:
    from desktop.services.demo import as_pulled

    with db.unit_of_work(hut_manager) as uow:
        as_pulled(uow, "city_item", "city-flour", {"name": "面粉", "category": "grain_oil", "unit": "袋",
                                                   "tracks_expiry": False, "barcode": "6900000000028",
                                                   "active": True})
        other = "220802101202"
        as_pulled(uow, "hut", other, {"village_code": other, "name": "红星村爱心扶贫小屋", "address": "",
                                      "opened_on": "", "active": True})
        as_pulled(uow, "transfer", "transfer-in", {"village_code": other, "to_village_code": village,
                                                   "number": "DB-2026-AB12-0001", "sent_on": "2026-11-01",
                                                   "document_id": "", "notes": "", "sent_by_name": "赵春梅"})
        as_pulled(uow, "transfer_line", "transfer-in-line", {
            "village_code": other, "to_village_code": village, "transfer_id": "transfer-in", "item_name": "棉被",
            "category": "bedding", "unit": "床", "city_item_id": "", "barcode": "", "quantity": 2, "unit_value": 150,
            "condition": "new", "expires_on": ""})
    with db.unit_of_work(hut_manager) as uow:
        hut.set_up_hut(uow, name="幸福村爱心扶贫小屋")
        item = Item(village_code=village, name="大米", category="grain_oil", unit="袋", barcode="6901234567890",
                    points_price=5)
        uow.session.add(item)
        uow.session.flush()
        donor = hut.add_donor(uow, form=DonorForm(kind="person", name="张建华"))
        intake = hut_ledger.post(uow, Header(DocumentKind.INTAKE, donor_id=donor.id), [Line(item.id, 10)])
        hut_ledger.post(uow, Header(DocumentKind.INTAKE), [Line(item.id, 1)])  # the one exchanged below
        hut_ledger.post(uow, Header(DocumentKind.INTAKE), [Line(item.id, 1)])  # the one handed out next
        handed = hut_ledger.post(uow, Header(DocumentKind.DISTRIBUTION, recipient_kind="household",
                                             household_id=household), [Line(item.id, -1)])
        category = hut.add_item_category(uow, name="农资")
        draft = hut_drafts.start_draft(uow, form=DraftForm(kind="intake", donor_id=donor.id))
        draft = hut_drafts.add_draft_line(uow, draft_id=draft.id, line=LineForm(item.id, 2))
        hut_points.earn_points(uow, form=EarnForm(household_id=household, approved_by="村委会", reason="环境卫生",
                                                  points=100))
        earned = hut_points.earn_points(uow, form=EarnForm(household_id=household, approved_by="村委会",
                                                           rule_code="filial"))
        exchange = hut_points.exchange_points(uow, form=ExchangeForm(household, [ExchangeLine(item.id, 1)]))
        uow.session.add(Item(village_code=village, name="棉衣", category="clothing", unit="件"))  # not being counted
        uow.session.flush()
        count = hut_stocktake.start_stocktake(uow, category="grain_oil")
        hut_stocktake.enter_counts(uow, stocktake_id=count.id, counts=[CountEntry(item.id, 9, "lost")])
    return {"item": item.id, "intake": intake.id, "distribution": handed.id, "hut_donor": donor.id,
            "item_category": category.code,
            "draft": draft.id, "draft_line": draft.lines[0].id, "points_earned": earned.id,
            "exchange": exchange.document_id, "stocktake": count.id, "incoming": "transfer-in",
            "incoming_line": "transfer-in-line"}


def _wishes(db: Database, coordinator: Actor, admin: Actor, household: str) -> dict:
    from desktop.services.demo import as_pulled
    from desktop.storage.models import new_id

    made = {}
    with db.unit_of_work(coordinator) as uow:
        for state in ("collected", "vetted", "rejected", "published", "held"):
            wish = wishes.collect_wish(uow, form=WishForm(household_id=household, words="想要一个书包",
                                                          category="study", estimated_value=120))
            if state not in ("collected", "rejected"):
                wishes.vet_wish(uow, wish_id=wish.id)
            if state == "rejected":
                wishes.reject_wish(uow, wish_id=wish.id, reason="不属于微心愿")
            if state in ("published", "held"):
                wishes.publish_wish(uow, wish_id=wish.id, public_text="本村一名小学生想要一个书包。")
            made[state] = wish.id
        today = uow.today()
    board_wish = new_id()
    with db.unit_of_work(admin) as uow:
        as_pulled(uow, "wish_claim", new_id(), {
            "village_code": "220802101202", "to_village_code": "220802101201", "board_id": made["held"],
            "claimant_kind": "donor", "claimant_name": "张建华", "claimant_contact": "13504361111",
            "volunteer_id": "", "claimed_on": today.isoformat(), "note": "",
            "held_until": (today + timedelta(days=7)).isoformat(), "lapsed": False})
        as_pulled(uow, "wish_board", board_wish, {
            "village_code": "220802101202", "public_text": "一位独居老人想要一个暖水袋。", "category": "daily",
            "value_low": 0, "value_high": 50, "published_on": today.isoformat(), "wanted_by": "", "state": "open",
            "hold_days": 7, "released_claim": ""})
    return {"wishes": made, "board_wish": board_wish}


@pytest.fixture(scope="module")
def _one_world() -> Iterator[dict[str, World]]:
    """Holds the module's one station, built by the first case that asks, closed after the last."""
    held: dict[str, World] = {}
    yield held
    for world in held.values():
        world.db.close()


@pytest.fixture
def world(_one_world: dict[str, World], set_up_database, tmp_path_factory: pytest.TempPathFactory) -> World:
    """A set-up station (conftest's ``set_up``) with a small dataset, shared by every case of the module: a
    case never keeps what it wrote."""
    if "world" not in _one_world:
        root = tmp_path_factory.mktemp("role-matrix")
        folder = DataFolder(root / "data")
        db = open_database(folder)
        admin, coordinator, hut_manager, viewer = set_up_database(db)
        actors = {"admin": admin, "coordinator": coordinator, "hut_manager": hut_manager, "viewer": viewer}
        scratch = root / "scratch"
        scratch.mkdir()
        _one_world["world"] = _build_world(db, folder, actors, scratch)
    return _one_world["world"]


# -- the table ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verb:
    """A guarded service verb, the roles that may use it, and how to call it with valid input.

    ``call(uow, world)`` for a verb of a unit of work; for a verb that takes the database or the data
    folder itself (``direct``), ``call(world, actor)``.
    """

    function: Callable[..., Any]
    allowed: frozenset[str]
    call: Callable[..., Any]
    variant: str = ""
    direct: bool = False

    @property
    def name(self) -> str:
        return f"{self.function.__name__}_{self.variant}" if self.variant else self.function.__name__


def _form(name: str, number: str, **extra: str) -> VolunteerForm:
    return VolunteerForm(name=name, id_number=number, **extra)


def _activity_form(w: World, title: str = "志愿服务日") -> ActivityForm:
    return ActivityForm(kind="volunteer_day", title=title, date=w.today.isoformat(), start_time="14:00",
                        end_time="17:00", team_id=w.team)


def _period(w: World) -> dict[str, str]:
    return {"period_from": (w.today - timedelta(days=30)).isoformat(), "period_to": w.today.isoformat()}


def _workbook() -> bytes:
    return workbook_bytes([Sheet("志愿者", ("姓名", "身份证号"), [["孙立新", IMPORTED_ID]])])


def _households_workbook() -> bytes:
    return workbook_bytes([Sheet("帮扶对象", ("户主姓名", "村民小组"), [["赵德福", "一组"]])])


def _stock_workbook() -> bytes:
    return workbook_bytes([Sheet("库存", ("物品名称", "单位", "数量"), [["挂面", "把", 10]])])


def _restore(w: World, actor: Actor) -> Any:
    target = DataFolder(Path(tempfile.mkdtemp(dir=w.scratch)))  # never the station's own folder
    return backups.restore(target, actor=actor, backup=w.backup, now=datetime(2026, 1, 2, 8, 0, 0))


VERBS: tuple[Verb, ...] = (
    # accounts
    Verb(accounts.add_user, ADMIN_ONLY, lambda uow, w: accounts.add_user(
        uow, username="newcomer", display_name="新来的", role=Role.VIEWER, password="secret-43")),
    Verb(accounts.list_users, ADMIN_ONLY, lambda uow, w: accounts.list_users(uow)),
    Verb(accounts.reset_password, ADMIN_ONLY, lambda uow, w: accounts.reset_password(
        uow, user_id=w.actors["viewer"].user_id, new_password="another-43")),
    Verb(accounts.update_user, ADMIN_ONLY, lambda uow, w: accounts.update_user(
        uow, user_id=w.actors["viewer"].user_id, display_name="刘明明", role=Role.VIEWER, active=True)),
    # activities
    Verb(activities.add_team_to_roster, ADMIN_AND_COORDINATOR, lambda uow, w: activities.add_team_to_roster(
        uow, activity_id=w.planned, team_id=w.team)),
    Verb(activities.add_to_roster, ADMIN_AND_COORDINATOR, lambda uow, w: activities.add_to_roster(
        uow, activity_id=w.planned, volunteer_ids=[w.li])),
    Verb(activities.cancel_activity, ADMIN_AND_COORDINATOR, lambda uow, w: activities.cancel_activity(
        uow, activity_id=w.planned)),
    Verb(activities.close_activity, ADMIN_AND_COORDINATOR, lambda uow, w: activities.close_activity(
        uow, activity_id=w.planned)),
    Verb(activities.closing_summary, EVERYONE, lambda uow, w: activities.closing_summary(
        uow, activity_id=w.planned)),
    Verb(activities.get_activity, EVERYONE, lambda uow, w: activities.get_activity(uow, activity_id=w.planned)),
    Verb(activities.list_activities, EVERYONE, lambda uow, w: activities.list_activities(uow)),
    Verb(activities.list_participants, EVERYONE, lambda uow, w: activities.list_participants(
        uow, activity_id=w.planned)),
    Verb(activities.plan_activity, ADMIN_AND_COORDINATOR, lambda uow, w: activities.plan_activity(
        uow, form=_activity_form(w, "雷锋岗"))),
    Verb(activities.plan_volunteer_days, ADMIN_AND_COORDINATOR, lambda uow, w: activities.plan_volunteer_days(
        uow, first=w.today, weeks=2, title="志愿服务日")),
    Verb(activities.set_attendance, ADMIN_AND_COORDINATOR, lambda uow, w: activities.set_attendance(
        uow, activity_id=w.planned, attended={w.li: True})),
    Verb(activities.sign_in_sheet, EVERYONE, lambda uow, w: activities.sign_in_sheet(uow, activity_id=w.planned)),
    Verb(activities.update_activity, ADMIN_AND_COORDINATOR, lambda uow, w: activities.update_activity(
        uow, activity_id=w.planned, form=_activity_form(w, "志愿服务日：清雪"))),
    # the audit log
    Verb(audit.audit_actions, ADMIN_ONLY, lambda uow, w: audit.audit_actions(uow)),
    Verb(audit.count_audit, ADMIN_ONLY, lambda uow, w: audit.count_audit(uow, where=AuditFilter())),
    Verb(audit.list_audit, ADMIN_ONLY, lambda uow, w: audit.list_audit(uow, where=AuditFilter())),
    # backups take the database or the data folder, not a unit of work, so nothing of theirs is rolled back:
    # a backup adds its file and its audit entry, a restore writes into a scratch folder of its own
    Verb(backups.backup_now, ADMIN_ONLY, lambda w, actor: backups.backup_now(
        w.db, actor=actor, now=datetime(2026, 1, 2, 8, 0, 0)), direct=True),
    Verb(backups.restore, ADMIN_ONLY, _restore, direct=True),
    # certificates
    Verb(certificates.draft_certificate, EVERYONE, lambda uow, w: certificates.draft_certificate(
        uow, volunteer_id=w.wu, **_period(w))),
    Verb(certificates.issue_certificate, ADMIN_AND_COORDINATOR, lambda uow, w: certificates.issue_certificate(
        uow, volunteer_id=w.wu, **_period(w), again=True)),  # the setup's certificate has this very period
    Verb(certificates.list_certificates, EVERYONE, lambda uow, w: certificates.list_certificates(uow)),
    Verb(certificates.reprint_certificate, ADMIN_AND_COORDINATOR, lambda uow, w: certificates.reprint_certificate(
        uow, certificate_id=w.certificate)),
    # good people
    Verb(good_people.honour_list, EVERYONE, lambda uow, w: good_people.honour_list(uow, year=w.today.year)),
    Verb(good_people.list_nominations, EVERYONE, lambda uow, w: good_people.list_nominations(uow)),
    Verb(good_people.nominate, ADMIN_AND_COORDINATOR, lambda uow, w: good_people.nominate(
        uow, name="王淑珍", category="filial", deeds="照顾瘫痪的婆婆二十年。", nominated_by="村妇联")),
    Verb(good_people.publish_nomination, ADMIN_ONLY, lambda uow, w: good_people.publish_nomination(
        uow, nomination_id=w.on_notice, note="公示期满无异议")),
    Verb(good_people.reject_nomination, ADMIN_ONLY, lambda uow, w: good_people.reject_nomination(
        uow, nomination_id=w.nomination, note="事迹无法核实")),
    Verb(good_people.start_notice, ADMIN_ONLY, lambda uow, w: good_people.start_notice(
        uow, nomination_id=w.nomination, notice_from=w.today, notice_to=w.today + timedelta(days=6))),
    # households in need, and to and from Excel
    Verb(household_excel.export_households, EVERYONE, lambda uow, w: household_excel.export_households(uow)),
    Verb(household_excel.import_households, ADMIN_AND_COORDINATOR, lambda uow, w: household_excel.import_households(
        uow, data=_households_workbook())),
    Verb(households.add_category, ADMIN_ONLY, lambda uow, w: households.add_category(uow, name="孤寡老人")),
    Verb(households.add_household_member, ADMIN_AND_COORDINATOR, lambda uow, w: households.add_household_member(
        uow, household_id=w.household, form=MemberForm(name="李德", relation="spouse"))),
    Verb(households.add_trainee, ADMIN_AND_COORDINATOR, lambda uow, w: households.add_trainee(
        uow, activity_id=w.training, household_id=w.household, member_id=w.household_member)),
    Verb(households.change_status, ADMIN_AND_COORDINATOR, lambda uow, w: households.change_status(
        uow, household_id=w.household, status="out_of_poverty")),
    Verb(households.count_households, EVERYONE, lambda uow, w: households.count_households(uow)),
    Verb(households.find_duplicate_households, EVERYONE, lambda uow, w: households.find_duplicate_households(uow)),
    Verb(households.get_household, EVERYONE, lambda uow, w: households.get_household(uow, household_id=w.household)),
    Verb(households.household_groups, EVERYONE, lambda uow, w: households.household_groups(uow)),
    Verb(households.household_timeline, EVERYONE, lambda uow, w: households.household_timeline(
        uow, household_id=w.household)),
    Verb(households.list_categories, EVERYONE, lambda uow, w: households.list_categories(uow)),
    Verb(households.list_household_members, EVERYONE, lambda uow, w: households.list_household_members(
        uow, household_id=w.household)),
    Verb(households.list_trainees, EVERYONE, lambda uow, w: households.list_trainees(uow, activity_id=w.training)),
    Verb(households.merge_households, ADMIN_AND_COORDINATOR, lambda uow, w: households.merge_households(
        uow, keep_id=w.household, merge_id=w.twin)),
    Verb(households.register_household, ADMIN_AND_COORDINATOR, lambda uow, w: households.register_household(
        uow, form=HouseholdForm(head_name="赵德福", group_name="一组"))),
    Verb(households.remove_household_member, ADMIN_AND_COORDINATOR, lambda uow, w: households.remove_household_member(
        uow, member_id=w.household_member)),
    Verb(households.remove_trainee, ADMIN_AND_COORDINATOR, lambda uow, w: households.remove_trainee(
        uow, trainee_id=w.trainee)),
    Verb(households.rename_category, ADMIN_ONLY, lambda uow, w: households.rename_category(
        uow, code=w.category, name="留守儿童家庭")),
    Verb(households.reveal_household_id_number, ADMIN_AND_COORDINATOR,
         lambda uow, w: households.reveal_household_id_number(uow, household_id=w.household)),
    # the health, disability and income notes: refused by the service to the hut manager and the viewer
    Verb(households.reveal_sensitive, ADMIN_AND_COORDINATOR, lambda uow, w: households.reveal_sensitive(
        uow, household_id=w.household, reason="入户走访")),
    Verb(households.search_households, EVERYONE, lambda uow, w: households.search_households(uow)),
    Verb(households.set_category_active, ADMIN_ONLY, lambda uow, w: households.set_category_active(
        uow, code=w.category, active=False)),
    Verb(households.update_household, ADMIN_AND_COORDINATOR, lambda uow, w: households.update_household(
        uow, household_id=w.household, form=HouseholdForm(head_name="王桂兰", group_name="三组",
                                                           address="幸福村三组", categories=("illness",)),
        special=SpecialNotes(health="高血压，已控制"))),
    Verb(households.update_household_member, ADMIN_AND_COORDINATOR, lambda uow, w: households.update_household_member(
        uow, member_id=w.household_member, form=MemberForm(name="王晓明", relation="grandchild"))),
    # service hours
    Verb(hours.add_honour_hours, ADMIN_ONLY, lambda uow, w: hours.add_honour_hours(
        uow, volunteer_id=w.li, hours=1, served_on=w.today.isoformat(), reason="冬季除雪")),
    Verb(hours.correct_hours, ADMIN_AND_COORDINATOR, lambda uow, w: hours.correct_hours(
        uow, record_id=w.credit, reason="只待了两个小时", new_hours=2)),
    # taking back honour hours is granting them too: only who may grant them
    Verb(hours.correct_hours, ADMIN_ONLY, lambda uow, w: hours.correct_hours(
        uow, record_id=w.honour, reason="记错了人"), variant="of_honour_hours"),
    Verb(hours.list_hours, EVERYONE, lambda uow, w: hours.list_hours(uow, volunteer_id=w.wu)),
    Verb(hours.monthly_hours, EVERYONE, lambda uow, w: hours.monthly_hours(uow, year=w.today.year)),
    Verb(hours.record_star_notice, ADMIN_AND_COORDINATOR, lambda uow, w: hours.record_star_notice(
        uow, volunteer_ids=[w.wu])),
    Verb(hours.star_risers, EVERYONE, lambda uow, w: hours.star_risers(uow)),
    Verb(hours.totals_by_team, EVERYONE, lambda uow, w: hours.totals_by_team(uow)),
    Verb(hours.totals_by_volunteer, EVERYONE, lambda uow, w: hours.totals_by_volunteer(uow)),
    # regions, settings, the station
    Verb(regions.import_regions_csv, ADMIN_ONLY, lambda uow, w: regions.import_regions_csv(
        uow, data="code,name,level,parent_code\n220802101203,向阳村,village,220802101\n".encode())),
    Verb(settings.save_settings, ADMIN_ONLY, lambda uow, w: settings.save_settings(
        uow, settings=dataclasses.replace(settings.load_settings(uow), notice_days=10))),
    Verb(station.update_village_profile, ADMIN_AND_COORDINATOR, lambda uow, w: station.update_village_profile(
        uow, **{**PROFILE, "office_hours": "周一至周六"})),
    Verb(station.village_profile, EVERYONE, lambda uow, w: station.village_profile(uow)),
    # sync
    Verb(sync.identity, ADMIN_ONLY, lambda uow, w: sync.identity(uow)),
    Verb(sync.list_conflicts, EVERYONE, lambda uow, w: sync.list_conflicts(uow)),
    Verb(sync.list_not_applied, EVERYONE, lambda uow, w: sync.list_not_applied(uow)),
    Verb(sync.list_set_aside, EVERYONE, lambda uow, w: sync.list_set_aside(uow)),
    Verb(sync.record_enrollment, ADMIN_ONLY, lambda uow, w: sync.record_enrollment(
        uow, server_url="https://city.example", token="station-token", station_id=w.station_id,
        village={"code": w.village, "name": "幸福村", "level": "village", "parent_code": "220802101"},
        regions=[])),
    Verb(sync.resolve_conflict, ADMIN_AND_COORDINATOR, lambda uow, w: sync.resolve_conflict(
        uow, conflict_id=w.conflict, keep=sync.KEEP_KEPT)),
    # sponsorships
    Verb(sponsorships.add_note, ADMIN_AND_COORDINATOR, lambda uow, w: sponsorships.add_note(
        uow, sponsorship_id=w.sponsorship, answers_id=w.sponsor_visit, what="走访日期记错了")),
    Verb(sponsorships.add_sponsor, ADMIN_AND_COORDINATOR, lambda uow, w: sponsorships.add_sponsor(
        uow, form=SponsorForm(kind="organisation", name="县残联"))),
    Verb(sponsorships.change_pledge, ADMIN_AND_COORDINATOR, lambda uow, w: sponsorships.change_pledge(
        uow, sponsorship_id=w.sponsorship, pledge=PledgeForm(pledge_kind="money", amount=800))),
    Verb(sponsorships.change_sponsorship_status, ADMIN_AND_COORDINATOR,
         lambda uow, w: sponsorships.change_sponsorship_status(uow, sponsorship_id=w.sponsorship, status="ended",
                                                               reason="认领人搬走")),
    # the hut, its catalogue and donors
    Verb(hut.hut_info, EVERYONE, lambda uow, w: hut.hut_info(uow)),
    Verb(hut.set_up_hut, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut.set_up_hut(uow, name="幸福村爱心扶贫小屋")),
    Verb(hut.list_item_categories, EVERYONE, lambda uow, w: hut.list_item_categories(uow)),
    Verb(hut.add_item_category, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut.add_item_category(uow, name="文体用品")),
    Verb(hut.rename_item_category, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut.rename_item_category(
        uow, code=w.item_category, name="农用物资")),
    Verb(hut.set_item_category_active, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut.set_item_category_active(
        uow, code=w.item_category, active=False)),
    Verb(hut.list_items, EVERYONE, lambda uow, w: hut.list_items(uow, text="dm")),
    Verb(hut.get_item, EVERYONE, lambda uow, w: hut.get_item(uow, item_id=w.item)),
    Verb(hut.add_item, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut.add_item(uow, form=ItemForm(name="棉被",
                                                                                          category="bedding"))),
    Verb(hut.update_item, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut.update_item(
        uow, item_id=w.item, form=ItemForm(name="东北大米", category="grain_oil", unit="袋"))),
    Verb(hut.set_item_active, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut.set_item_active(
        uow, item_id=w.item, active=False)),
    Verb(hut.link_barcode, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut.link_barcode(
        uow, item_id=w.item, barcode="6901234567999")),
    Verb(hut.adopt_city_item, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut.adopt_city_item(
        uow, city_item_id="city-flour")),
    Verb(hut.pick_list, EVERYONE, lambda uow, w: hut.pick_list(uow, text="mf")),
    Verb(hut.city_pick_list, EVERYONE, lambda uow, w: hut.city_pick_list(uow, text="dm")),
    Verb(hut.find_by_barcode, EVERYONE, lambda uow, w: hut.find_by_barcode(uow, barcode="6901234567890")),
    Verb(hut.list_donors, EVERYONE, lambda uow, w: hut.list_donors(uow)),
    Verb(hut.add_donor, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut.add_donor(uow, form=DonorForm(kind="anonymous"))),
    Verb(hut.update_donor, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut.update_donor(
        uow, donor_id=w.hut_donor, form=DonorForm(kind="person", name="张建华", contact="13504361111"))),
    Verb(hut.donor_for_sponsor, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut.donor_for_sponsor(
        uow, sponsor_id=w.sponsor)),
    Verb(hut.donor_history, EVERYONE, lambda uow, w: hut.donor_history(uow, donor_id=w.hut_donor)),
    Verb(hut.pledge_delivery, EVERYONE, lambda uow, w: hut.pledge_delivery(uow, sponsorship_id=w.sponsorship)),
    # the hut's drafts and the intake slip
    Verb(hut_drafts.list_drafts, EVERYONE, lambda uow, w: hut_drafts.list_drafts(uow)),
    Verb(hut_drafts.get_draft, EVERYONE, lambda uow, w: hut_drafts.get_draft(uow, draft_id=w.draft)),
    Verb(hut_drafts.start_draft, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_drafts.start_draft(
        uow, form=DraftForm(kind="intake", donor_id=w.hut_donor))),
    Verb(hut_drafts.change_draft, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_drafts.change_draft(
        uow, draft_id=w.draft, form=DraftForm(kind="intake", donor_id=w.hut_donor, notes="送到村委会"))),
    Verb(hut_drafts.add_draft_line, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_drafts.add_draft_line(
        uow, draft_id=w.draft, line=LineForm(w.item, 3))),
    Verb(hut_drafts.change_draft_line, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_drafts.change_draft_line(
        uow, line_id=w.draft_line, line=LineForm(w.item, 4))),
    Verb(hut_drafts.remove_draft_line, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_drafts.remove_draft_line(
        uow, line_id=w.draft_line)),
    Verb(hut_drafts.scan_into_draft, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_drafts.scan_into_draft(
        uow, draft_id=w.draft, barcode="6901234567890")),
    Verb(hut_drafts.discard_draft, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_drafts.discard_draft(
        uow, draft_id=w.draft)),
    Verb(hut_drafts.post_draft, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_drafts.post_draft(uow, draft_id=w.draft)),
    Verb(hut_drafts.intake_slip, EVERYONE, lambda uow, w: hut_drafts.intake_slip(uow, document_id=w.intake)),
    Verb(hut_drafts.distribution_slip, EVERYONE, lambda uow, w: hut_drafts.distribution_slip(
        uow, document_id=w.distribution)),
    Verb(hut_drafts.posted_document, EVERYONE, lambda uow, w: hut_drafts.posted_document(
        uow, document_id=w.distribution)),
    # what the hut's ledger shows, and the monthly notice
    Verb(hut_stock.stock_on_hand, EVERYONE, lambda uow, w: hut_stock.stock_on_hand(uow, expiring_only=True)),
    Verb(hut_stock.negative_summary, EVERYONE, lambda uow, w: hut_stock.negative_summary(uow)),
    Verb(hut_stock.stock_card, EVERYONE, lambda uow, w: hut_stock.stock_card(
        uow, item_id=w.item, period_from=w.today - timedelta(days=365), period_to=w.today)),
    Verb(hut_stock.list_documents, EVERYONE, lambda uow, w: hut_stock.list_documents(uow)),
    Verb(hut_stock.hut_chart, EVERYONE, lambda uow, w: hut_stock.hut_chart(uow)),
    Verb(hut_stock.month_notice, EVERYONE, lambda uow, w: hut_stock.month_notice(uow, month=w.today.isoformat()[:7])),
    Verb(hut_stock.publish_month, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_stock.publish_month(
        uow, month=(w.today.replace(day=1) - timedelta(days=1)).isoformat()[:7])),
    # transfers between huts
    Verb(hut_transfers.receiving_huts, EVERYONE, lambda uow, w: hut_transfers.receiving_huts(uow)),
    Verb(hut_transfers.outgoing_transfers, EVERYONE, lambda uow, w: hut_transfers.outgoing_transfers(uow)),
    Verb(hut_transfers.incoming_transfers, EVERYONE, lambda uow, w: hut_transfers.incoming_transfers(uow)),
    Verb(hut_transfers.get_transfer, EVERYONE, lambda uow, w: hut_transfers.get_transfer(
        uow, transfer_id=w.incoming)),
    Verb(hut_transfers.in_transit, EVERYONE, lambda uow, w: hut_transfers.in_transit(uow)),
    Verb(hut_transfers.send_transfer, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_transfers.send_transfer(
        uow, to_village_code="220802101202", lines=[SendLine(w.item, 2)])),
    Verb(hut_transfers.confirm_transfer, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_transfers.confirm_transfer(
        uow, transfer_id=w.incoming, lines=[ReceiptForm(w.incoming_line, 1, "一床受潮")])),
    # the hut's ledger
    Verb(hut_ledger.post, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_ledger.post(
        uow, Header(DocumentKind.DISTRIBUTION, recipient_kind="household", household_id=w.household),
        [Line(w.item, -1)])),
    Verb(hut_ledger.reverse, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_ledger.reverse(
        uow, document_id=w.intake, reason="录入重复")),
    # household points
    Verb(hut_points.add_points_rule, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_points.add_points_rule(
        uow, form=PointsRuleForm("义务劳动", 3))),
    Verb(hut_points.earn_hours_points, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_points.earn_hours_points(uow)),
    Verb(hut_points.earn_points, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_points.earn_points(
        uow, form=EarnForm(household_id=w.household, approved_by="村委会", rule_code="filial"))),
    Verb(hut_points.exchange_points, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_points.exchange_points(
        uow, form=ExchangeForm(w.household, [ExchangeLine(w.item, 2)]))),
    Verb(hut_points.household_points, EVERYONE, lambda uow, w: hut_points.household_points(
        uow, household_id=w.household)),
    Verb(hut_points.list_points_rules, EVERYONE, lambda uow, w: hut_points.list_points_rules(uow)),
    Verb(hut_points.monthly_points, EVERYONE, lambda uow, w: hut_points.monthly_points(
        uow, month=w.today.isoformat()[:7])),
    Verb(hut_points.points_households, EVERYONE, lambda uow, w: hut_points.points_households(uow)),
    Verb(hut_points.price_list, EVERYONE, lambda uow, w: hut_points.price_list(uow)),
    Verb(hut_points.reverse_exchange, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_points.reverse_exchange(
        uow, document_id=w.exchange, reason="换错了")),
    Verb(hut_points.reverse_points, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_points.reverse_points(
        uow, entry_id=w.points_earned, reason="记错了户")),
    Verb(hut_points.set_points_price, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_points.set_points_price(
        uow, item_id=w.item, points=6)),
    Verb(hut_points.update_points_rule, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_points.update_points_rule(
        uow, code="hygiene", form=PointsRuleForm("环境卫生", 8))),
    # stock to and from Excel
    Verb(stock_excel.export_stock, EVERYONE, lambda uow, w: stock_excel.export_stock(uow)),
    Verb(stock_excel.import_stock, ADMIN_AND_HUT_MANAGER, lambda uow, w: stock_excel.import_stock(
        uow, data=_stock_workbook())),
    Verb(stock_excel.stock_rows, EVERYONE, lambda uow, w: stock_excel.stock_rows(uow)),
    # stocktakes
    Verb(hut_stocktake.abandon_stocktake, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_stocktake.abandon_stocktake(
        uow, stocktake_id=w.stocktake)),
    Verb(hut_stocktake.count_sheet, EVERYONE, lambda uow, w: hut_stocktake.count_sheet(
        uow, stocktake_id=w.stocktake)),
    Verb(hut_stocktake.current_stocktakes, EVERYONE, lambda uow, w: hut_stocktake.current_stocktakes(uow)),
    Verb(hut_stocktake.enter_counts, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_stocktake.enter_counts(
        uow, stocktake_id=w.stocktake, counts=[CountEntry(w.item, 8, "damaged")])),
    Verb(hut_stocktake.post_stocktake, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_stocktake.post_stocktake(
        uow, stocktake_id=w.stocktake)),
    Verb(hut_stocktake.start_stocktake, ADMIN_AND_HUT_MANAGER, lambda uow, w: hut_stocktake.start_stocktake(
        uow, category="clothing", blind=True)),
    Verb(sponsorships.get_sponsorship, EVERYONE, lambda uow, w: sponsorships.get_sponsorship(
        uow, sponsorship_id=w.sponsorship)),
    Verb(sponsorships.households_waiting, EVERYONE, lambda uow, w: sponsorships.households_waiting(uow)),
    Verb(sponsorships.list_sponsors, EVERYONE, lambda uow, w: sponsorships.list_sponsors(uow)),
    Verb(sponsorships.list_sponsorships, EVERYONE, lambda uow, w: sponsorships.list_sponsorships(uow)),
    Verb(sponsorships.pair_sponsorship, ADMIN_AND_COORDINATOR, lambda uow, w: sponsorships.pair_sponsorship(
        uow, household_id=w.household, sponsor_id=w.other_sponsor, project="illness",
        pledge=PledgeForm(pledge_kind="service", pledge="陪同就医"))),
    Verb(sponsorships.record_event, ADMIN_AND_COORDINATOR, lambda uow, w: sponsorships.record_event(
        uow, sponsorship_id=w.sponsorship, kind="handover", amount=50)),
    Verb(sponsorships.sponsorship_coverage, EVERYONE, lambda uow, w: sponsorships.sponsorship_coverage(uow)),
    Verb(sponsorships.sponsorship_log, EVERYONE, lambda uow, w: sponsorships.sponsorship_log(
        uow, sponsorship_id=w.sponsorship)),
    Verb(sponsorships.sponsorship_report, EVERYONE, lambda uow, w: sponsorships.sponsorship_report(
        uow, period_from=w.today - timedelta(days=30), period_to=w.today)),
    Verb(sponsorships.update_sponsor, ADMIN_AND_COORDINATOR, lambda uow, w: sponsorships.update_sponsor(
        uow, sponsor_id=w.sponsor, form=SponsorForm(kind="organisation", name="洮北区妇联"))),
    # teams
    Verb(teams.add_member, ADMIN_AND_COORDINATOR, lambda uow, w: teams.add_member(
        uow, team_id=w.team, volunteer_id=w.li)),
    Verb(teams.create_team, ADMIN_AND_COORDINATOR, lambda uow, w: teams.create_team(
        uow, name="医疗卫生志愿服务队", kind="medical")),
    Verb(teams.list_members, EVERYONE, lambda uow, w: teams.list_members(uow, team_id=w.team)),
    Verb(teams.list_teams, EVERYONE, lambda uow, w: teams.list_teams(uow)),
    Verb(teams.remove_member, ADMIN_AND_COORDINATOR, lambda uow, w: teams.remove_member(
        uow, member_id=w.wu_member)),
    Verb(teams.set_member_role, ADMIN_AND_COORDINATOR, lambda uow, w: teams.set_member_role(
        uow, member_id=w.wu_member, role="leader")),
    Verb(teams.update_team, ADMIN_AND_COORDINATOR, lambda uow, w: teams.update_team(
        uow, team_id=w.team, name="幸福村志愿服务总队", kind="village", description="全村志愿者", active=True)),
    # volunteers, and to and from Excel
    Verb(volunteer_excel.export_volunteers, EVERYONE, lambda uow, w: volunteer_excel.export_volunteers(uow)),
    Verb(volunteer_excel.import_volunteers, ADMIN_AND_COORDINATOR, lambda uow, w: volunteer_excel.import_volunteers(
        uow, data=_workbook())),
    Verb(volunteers.count_volunteers, EVERYONE, lambda uow, w: volunteers.count_volunteers(uow)),
    Verb(volunteers.find_duplicates, EVERYONE, lambda uow, w: volunteers.find_duplicates(uow)),
    Verb(volunteers.get_volunteer, EVERYONE, lambda uow, w: volunteers.get_volunteer(uow, volunteer_id=w.wu)),
    Verb(volunteers.merge_volunteers, ADMIN_AND_COORDINATOR, lambda uow, w: volunteers.merge_volunteers(
        uow, keep_id=w.wu, merge_id=w.li)),
    Verb(volunteers.register_volunteer, ADMIN_AND_COORDINATOR, lambda uow, w: volunteers.register_volunteer(
        uow, form=_form("郑立新", NEW_ID))),
    Verb(volunteers.reveal_id_number, ADMIN_AND_COORDINATOR, lambda uow, w: volunteers.reveal_id_number(
        uow, volunteer_id=w.wu)),
    Verb(volunteers.search_volunteers, EVERYONE, lambda uow, w: volunteers.search_volunteers(uow, text="wdy")),
    Verb(volunteers.update_volunteer, ADMIN_AND_COORDINATOR, lambda uow, w: volunteers.update_volunteer(
        uow, volunteer_id=w.wu, form=_form("吴大义", WU_ID, phone="13912345678", address="幸福村三组"))),
    # micro-wishes: the village's steps, claims on the board, the board and the report
    Verb(wishes.board, EVERYONE, lambda uow, w: wishes.board(uow, county="220802")),
    Verb(wishes.board_places, EVERYONE, lambda uow, w: wishes.board_places(uow)),
    Verb(wishes.claim_wish, ADMIN_AND_COORDINATOR, lambda uow, w: wishes.claim_wish(
        uow, board_id=w.board_wish, claimant_kind="donor", claimant_name="白城市第三中学",
        claimant_contact="0436-3212345")),
    Verb(wishes.collect_wish, ADMIN_AND_COORDINATOR, lambda uow, w: wishes.collect_wish(uow, form=WishForm(
        household_id=w.household, words="想要一床棉被", category="clothing", estimated_value=260))),
    Verb(wishes.count_board, EVERYONE, lambda uow, w: wishes.count_board(uow)),
    Verb(wishes.expire_wish, ADMIN_AND_COORDINATOR, lambda uow, w: wishes.expire_wish(
        uow, wish_id=w.wishes["published"])),
    Verb(wishes.fulfil_wish, ADMIN_AND_COORDINATOR, lambda uow, w: wishes.fulfil_wish(
        uow, wish_id=w.wishes["held"], given="书包一个", confirmed=True)),
    Verb(wishes.get_wish, EVERYONE, lambda uow, w: wishes.get_wish(uow, wish_id=w.wishes["held"])),
    Verb(wishes.list_claims, EVERYONE, lambda uow, w: wishes.list_claims(uow)),
    Verb(wishes.list_wishes, EVERYONE, lambda uow, w: wishes.list_wishes(uow)),
    Verb(wishes.publish_wish, ADMIN_AND_COORDINATOR, lambda uow, w: wishes.publish_wish(
        uow, wish_id=w.wishes["vetted"], public_text="本村一名小学生想要一个书包。")),
    Verb(wishes.record_contact, ADMIN_AND_COORDINATOR, lambda uow, w: wishes.record_contact(
        uow, wish_id=w.wishes["held"])),
    Verb(wishes.reject_wish, ADMIN_AND_COORDINATOR, lambda uow, w: wishes.reject_wish(
        uow, wish_id=w.wishes["collected"], reason="超过上限")),
    Verb(wishes.release_claim, ADMIN_AND_COORDINATOR, lambda uow, w: wishes.release_claim(
        uow, wish_id=w.wishes["held"], reason="认领人联系不上")),
    Verb(wishes.reopen_wish, ADMIN_AND_COORDINATOR, lambda uow, w: wishes.reopen_wish(
        uow, wish_id=w.wishes["rejected"])),
    Verb(wishes.update_wish, ADMIN_AND_COORDINATOR, lambda uow, w: wishes.update_wish(
        uow, wish_id=w.wishes["collected"], form=WishForm(household_id=w.household, words="想要一个新书包",
                                                          category="study", estimated_value=150))),
    Verb(wishes.vet_wish, ADMIN_AND_COORDINATOR, lambda uow, w: wishes.vet_wish(uow, wish_id=w.wishes["collected"])),
    Verb(wishes.wish_photo, EVERYONE, lambda uow, w: wishes.wish_photo(uow, wish_id=w.wishes["held"])),
    Verb(wishes.wish_report, EVERYONE, lambda uow, w: wishes.wish_report(uow, year=w.today.year)),
    Verb(wishes.withdraw_wish, ADMIN_AND_COORDINATOR, lambda uow, w: wishes.withdraw_wish(
        uow, wish_id=w.wishes["published"], reason="不需要了")),
)


# -- running a case -------------------------------------------------------------------------------


class _RollBack(Exception):
    """Raised at the end of a case's unit of work, so that nothing the verb wrote is kept."""


def _run(w: World, verb: Verb, actor: Actor) -> Any:
    if verb.direct:
        return verb.call(w, actor)
    result = None
    try:
        with w.db.unit_of_work(actor) as uow:
            result = verb.call(uow, w)
            raise _RollBack
    except _RollBack:
        pass
    return result


def _changes_waiting(w: World) -> int:
    """What the station holds to send to the city: any kept write to the station's records shows here."""
    with w.db.reading(SYSTEM) as uow:
        return sync.sync_status(uow).changes_waiting


CASES = [pytest.param(verb, role, id=f"{verb.name}-{role}") for verb in VERBS for role in ROLES]


@pytest.mark.parametrize(("verb", "role"), CASES)
def test_a_guarded_verb_refuses_exactly_the_roles_that_may_not_use_it(world: World, verb: Verb, role: str):
    actor = world.actors[role]
    before = _changes_waiting(world)
    if role in verb.allowed:
        try:
            _run(world, verb, actor)
        except PermissionDenied as refused:
            pytest.fail(f"{verb.name} refused the {role}, whose role may use it: {refused}")
    else:
        with pytest.raises(PermissionDenied):
            _run(world, verb, actor)
            pytest.fail(f"{verb.name} did its work for the {role}, whose role may not use it")
    assert _changes_waiting(world) == before, "the case's writes were rolled back: the next case starts the same"


# -- the table is complete ------------------------------------------------------------------------


def _guarded_verbs() -> set[str]:
    """Every public function of ``desktop.services`` that checks a permission itself."""
    found = set()
    for info in pkgutil.iter_modules(desktop.services.__path__):
        module = importlib.import_module(f"desktop.services.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            source = inspect.getsource(function)
            if "require(Permission." in source or "_require(" in source:
                found.add(f"{info.name}.{name}")
    return found


def test_every_guarded_verb_is_in_the_table():
    listed = {f"{verb.function.__module__.rsplit('.', 1)[-1]}.{verb.function.__name__}" for verb in VERBS}
    guarded = _guarded_verbs()
    assert guarded - listed == set(), "a verb that checks a permission needs its row in VERBS, with who may use it"
    assert listed - guarded == set(), "a verb in VERBS no longer checks a permission"


def test_the_table_names_each_verb_once_per_way_of_calling_it():
    names = [verb.name for verb in VERBS]
    assert len(names) == len(set(names))
    assert all(verb.allowed <= EVERYONE and verb.allowed for verb in VERBS)
