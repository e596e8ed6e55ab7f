"""A fresh demo station filled with realistic synthetic data, for trying the app and for screenshots."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.domain.actor import SYSTEM, Actor
from desktop.domain.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, DemoAccount
from desktop.domain.hlc import Stamp
from desktop.domain.id_number import check_character
from desktop.domain.volunteering import ActivityKind, GoodDeedCategory, PoliticalStatus, TeamKind, fridays
from desktop.paths import DataFolder
from desktop.services import (
    accounts,
    activities,
    certificates,
    good_people,
    hours,
    households,
    hut,
    hut_drafts,
    hut_points,
    hut_stocktake,
    hut_transfers,
    regions,
    sponsorships,
    station,
    teams,
    volunteers,
    wishes,
)
from desktop.services.activities import ActivityForm
from desktop.services.households import HouseholdForm, MemberForm, SpecialNotes
from desktop.services.hut import DonorForm, ItemForm
from desktop.services.hut_drafts import DraftForm, LineForm
from desktop.services.hut_points import EarnForm, ExchangeForm, ExchangeLine
from desktop.services.hut_stocktake import CountEntry
from desktop.services.hut_transfers import SendLine
from desktop.services.settings import Settings, save_settings
from desktop.services.sponsorships import PledgeForm, SponsorForm
from desktop.services.volunteers import VolunteerForm
from desktop.services.wishes import WishForm
from desktop.storage import sync_store
from desktop.storage.database import Database, open_database
from desktop.storage.files import open_read_only
from desktop.storage.models import OutboxRecord, WishClaim, new_id
from desktop.storage.uow import UnitOfWork

__all__ = ["DEMO_ACCOUNTS", "DEMO_PASSWORD", "DEMO_VILLAGE", "DemoAccount", "build_demo", "demo_regions_csv"]


DEMO_VILLAGE = "220802101203"

# Synthetic townships and villages under the five real counties; codes follow the statistical pattern.
_TOWNSHIPS = {
    "220802": [("101", "平安镇", ["幸福村", "红星村", "向阳村", "永安村"], ["新华社区"]),
               ("102", "东风乡", ["前进村", "团结村", "胜利村"], [])],
    "220821": [("101", "富民镇", ["丰收村", "兴隆村", "长胜村"], ["镇中社区"])],
    "220822": [("101", "和平镇", ["东升村", "太平村", "民主村"], [])],
    "220881": [("101", "光明镇", ["五一村", "建设村", "育才村"], ["光明社区"])],
    "220882": [("101", "安宁乡", ["双合村", "三合屯村", "友谊村"], [])],
}


def demo_regions_csv() -> bytes:
    lines = ["code,name,level,parent_code"]
    for county, townships in _TOWNSHIPS.items():
        for suffix, township, villages, communities in townships:
            township_code = f"{county}{suffix}"
            lines.append(f"{township_code},{township},township,{county}")
            for number, village in enumerate(villages, start=1):
                lines.append(f"{township_code}2{number:02d},{village},village,{township_code}")
            for number, community in enumerate(communities, start=1):
                lines.append(f"{township_code}0{number:02d},{community},community,{township_code}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def holds_demo_station(path: Path) -> bool:
    """Whether the database file at ``path`` is a demo station's (its regions came with the demo), read
    without changing anything in it."""
    try:
        with closing(open_read_only(path)) as connection:
            return connection.execute("SELECT 1 FROM regions WHERE source = 'demo' LIMIT 1").fetchone() is not None
    except sqlite3.Error:
        return False


def build_demo(folder: DataFolder) -> Database:
    """Create the demo station in an empty data folder and return it open."""
    db = open_database(folder)
    with db.unit_of_work(SYSTEM) as uow:
        regions.import_regions_csv(uow, data=demo_regions_csv(), source="demo")
    admin, *others = DEMO_ACCOUNTS
    with db.unit_of_work(SYSTEM) as uow:
        actor = station.set_up_station(uow, village_code=DEMO_VILLAGE, admin_username=admin.username,
                                       admin_name=admin.display_name, admin_password=admin.password)
    db.reload_station()
    with db.unit_of_work(actor) as uow:
        for account in others:
            accounts.add_user(uow, username=account.username, display_name=account.display_name,
                              role=account.role, password=account.password)
        station.update_village_profile(
            uow, station_name="向阳村志愿服务站", contact_name="李秀英", contact_phone="13804361234",
            address="吉林省白城市洮北区平安镇向阳村村委会", office_hours="周一至周五 8:30–16:30，每周五下午志愿服务日",
            notes="村志愿服务队、爱心扶贫小屋设在村委会一楼。")
        save_settings(uow, settings=Settings())
    with db.unit_of_work(actor) as uow:
        _volunteer_programme(uow, actor)
    with db.unit_of_work(actor) as uow:
        _households(uow)
    _wishes(db, actor)
    with db.unit_of_work(actor) as uow:
        _sponsorships(uow)
    with db.unit_of_work(actor) as uow:
        _hut(uow)
        _points_and_count(uow)
        _transfers(uow)
    return db


_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾于董"
_GIVEN = ["秀英", "桂兰", "建国", "大义", "淑珍", "玉兰", "志强", "海燕", "春梅", "国庆", "凤霞", "德福",
          "丽娟", "立新", "红梅", "永胜", "小军", "晓东", "金凤", "文华", "宝山", "翠花", "长青", "明"]
_SKILLS = ["会开车", "懂急救", "理发", "家电维修", "书法", "唱歌跳舞", "种植技术", "电脑", "木工", "做饭"]
_ADDRESSES = ["向阳村一组", "向阳村二组", "向阳村三组", "向阳村四组", "向阳村五组"]


def _demo_id(born: date, serial: int) -> str:
    first17 = f"220802{born:%Y%m%d}{serial:03d}"
    return first17 + check_character(first17)


def _volunteer_programme(uow, actor: Actor) -> None:
    """Volunteers, teams, a season of Friday volunteer days and the rest, dated around today."""
    rng = random.Random(20261129)
    today = uow.today()
    people = []
    for number in range(48):
        name = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
        born = date(rng.randint(1955, 2004), rng.randint(1, 12), rng.randint(1, 28))
        form = VolunteerForm(
            name=name, id_number=_demo_id(born, 100 + number * 2 + rng.randint(0, 1)),
            phone=f"13{rng.randint(0, 9)}{rng.randint(10_000_000, 99_999_999)}", address=rng.choice(_ADDRESSES),
            political_status=rng.choice([PoliticalStatus.MASSES, PoliticalStatus.PARTY_MEMBER,
                                         PoliticalStatus.LEAGUE_MEMBER, PoliticalStatus.MASSES]).value,
            skills="、".join(rng.sample(_SKILLS, rng.randint(0, 2))),
            volunteer_number=f"2208{rng.randint(10**9, 10**10 - 1)}" if number % 3 == 0 else "",
            registered_on=(today - timedelta(days=rng.randint(30, 900))).isoformat(),
            status="paused" if number % 17 == 16 else "active")
        people.append(volunteers.register_volunteer(uow, form=form, allow_similar=True))
    group = teams.create_team(uow, name="向阳村志愿服务队", kind=TeamKind.VILLAGE.value,
                              description="全村志愿者，每周五下午开展志愿服务日活动。")
    specialist = [teams.create_team(uow, name=name, kind=kind.value, description=text) for name, kind, text in (
        ("医疗卫生志愿服务队", TeamKind.MEDICAL, "村医牵头，量血压、送药上门。"),
        ("送教下乡志愿服务队", TeamKind.TEACHING, "为留守儿童辅导功课。"),
        ("文艺志愿服务队", TeamKind.ARTS, "秧歌队、广场舞。"),
        ("抢险救灾志愿服务队", TeamKind.RESCUE, "汛期巡堤、冬季除雪。"),
    )]
    for index, person in enumerate(people):
        teams.add_member(uow, team_id=group.id, volunteer_id=person.id, role="leader" if index == 0 else "member")
        if index % 4 == 1:
            team = specialist[index % len(specialist)]
            teams.add_member(uow, team_id=team.id, volunteer_id=person.id,
                             role="leader" if index < 8 else "member")
    active = [p for p in people if p.status == "active"]
    # Past Friday volunteer days, closed with hours; the next two still planned.
    past = fridays(today - timedelta(weeks=8), 8)
    days = activities.plan_volunteer_days(uow, first=past[0].isoformat(), weeks=10, title="志愿服务日",
                                          place="村委会广场", team_id=group.id).planned
    for day in days:
        if date.fromisoformat(day.date) >= today:
            continue
        came = rng.sample(active, rng.randint(6, 14))
        activities.set_attendance(uow, activity_id=day.id, attended={p.id: True for p in came})
        activities.close_activity(uow, activity_id=day.id)
    post = activities.plan_activity(uow, form=ActivityForm(
        kind=ActivityKind.LEIFENG_POST.value, title="雷锋岗：村部便民服务", date=today.isoformat(),
        start_time="08:00", end_time="16:00", place="村委会便民服务大厅", team_id=group.id,
        description="代办证件、帮老人读信、测血压。"))
    activities.add_to_roster(uow, activity_id=post.id, volunteer_ids=[active[0].id, active[1].id],
                             start_time="08:00", end_time="12:00")
    activities.add_to_roster(uow, activity_id=post.id, volunteer_ids=[active[2].id, active[3].id],
                             start_time="12:00", end_time="16:00")
    training = activities.plan_activity(uow, form=ActivityForm(
        kind=ActivityKind.TRAINING.value, title="玉米种植技术培训", date=(today - timedelta(days=20)).isoformat(),
        start_time="09:00", end_time="11:30", place="村委会会议室", team_id=specialist[1].id,
        description="请县农技站专家讲解玉米密植和病虫害防治。", trained="五组低保户三户、脱贫户六户"))
    activities.set_attendance(uow, activity_id=training.id, attended={p.id: True for p in active[4:8]})
    activities.close_activity(uow, activity_id=training.id)
    hours.add_honour_hours(uow, volunteer_id=active[0].id, hours=10, served_on=(today - timedelta(days=40)).isoformat(),
                           reason="汛期连续三天巡堤，表现突出")
    certificates.issue_certificate(uow, volunteer_id=active[0].id,
                                   period_from=date(today.year, 1, 1).isoformat(), period_to=today.isoformat())
    published = good_people.nominate(
        uow, name=active[0].name, volunteer_id=active[0].id, category=GoodDeedCategory.HELPING.value,
        deeds="常年照顾同组孤寡老人，义务为村民理发。", nominated_by="向阳村一组村民",
        nominated_on=(today - timedelta(days=40)).isoformat())
    good_people.start_notice(uow, nomination_id=published.id,
                             notice_from=(today - timedelta(days=30)).isoformat(),
                             notice_to=(today - timedelta(days=24)).isoformat())
    good_people.publish_nomination(uow, nomination_id=published.id, note="公示期满无异议")
    on_notice = good_people.nominate(
        uow, name=active[5].name, volunteer_id=active[5].id, category=GoodDeedCategory.FILIAL.value,
        deeds="照顾瘫痪在床的婆婆二十年如一日。", nominated_by="村妇联",
        nominated_on=(today - timedelta(days=5)).isoformat())
    good_people.start_notice(uow, nomination_id=on_notice.id, notice_from=(today - timedelta(days=2)).isoformat(),
                             notice_to=(today + timedelta(days=4)).isoformat())
    good_people.nominate(uow, name="赵铁柱", category=GoodDeedCategory.BRAVERY.value,
                         deeds="冬天跳进冰窟窿救起落水儿童。", nominated_by="向阳村二组",
                         nominated_on=(today - timedelta(days=1)).isoformat())


# Households in need, one or more of each category of help; (head, born, group, size, categories, cause, members).
_HOUSEHOLDS = [
    ("王桂兰", date(1968, 3, 15), "五组", 3, ("poor_women", "illness"), "丈夫病故，本人患慢性病",
     [("李小军", "child", date(2009, 9, 1)), ("李德顺", "parent", date(1941, 2, 2))]),
    ("赵德福", date(1950, 8, 8), "一组", 1, ("five_guarantees",), "无劳动能力、无赡养人", []),
    ("曾秀英", date(1975, 1, 20), "二组", 4, ("minimum_living", "illness"), "儿子患尿毒症",
     [("孙长海", "spouse", date(1972, 6, 6)), ("孙浩然", "child", date(2001, 4, 12)), ("孙欣怡", "child",
                                                                                     date(2012, 10, 3))]),
    ("刘凤霞", date(1980, 11, 2), "三组", 3, ("schooling", "poor_women"), "两个孩子上学，丈夫外出务工不稳定",
     [("张子涵", "child", date(2006, 5, 5)), ("张佳琪", "child", date(2010, 7, 7))]),
    ("陈宝山", date(1962, 4, 4), "四组", 2, ("disability",), "本人肢体残疾，无法务农",
     [("吴翠花", "spouse", date(1964, 12, 12))]),
    ("周永胜", date(1958, 9, 9), "五组", 2, ("minimum_living", "other"), "房屋老旧，收入低",
     [("郭玉兰", "spouse", date(1960, 1, 1))]),
]


def _households(uow) -> None:
    """Households of each category with their members (one with health and disability notes), and the
    training's households trained."""
    today = uow.today()
    made = []
    for number, (head, born, group, size, categories, cause, members) in enumerate(_HOUSEHOLDS):
        notes = SpecialNotes(health="高血压、糖尿病，每月到乡卫生院取药", disability="",
                             income_notes="家庭年收入约六千元，主要靠低保和零工") if number == 0 else None
        info = households.register_household(uow, form=HouseholdForm(
            head_name=head, id_number=_demo_id(born, 300 + number * 2 + (0 if number % 2 else 1)),
            phone=f"15904362{number:03d}" if number % 3 else "", group_name=group,
            address=f"向阳村{group}{10 + number}号", size=size, categories=categories, poverty_cause=cause,
            recheck_on=(today + timedelta(days=20 if number == 1 else 200 + number * 20)).isoformat()),
            status_on=(today - timedelta(days=400 + number * 30)).isoformat(), special=notes)
        for name, relation, member_born in members:
            households.add_household_member(uow, household_id=info.id, form=MemberForm(
                name=name, relation=relation, birth_date=member_born.isoformat()),
                special=SpecialNotes(health="", disability="肢体残疾二级") if relation == "spouse" and number == 4
                else None)
        made.append(info)
    households.change_status(uow, household_id=made[-1].id, status="out_of_poverty",
                             on=(today - timedelta(days=60)).isoformat())
    training = next(activity for activity in activities.list_activities(uow)
                    if activity.kind == ActivityKind.TRAINING.value)
    for info in made[:3]:
        households.add_trainee(uow, activity_id=training.id, household_id=info.id)
    son = next(member for member in households.list_household_members(uow, household_id=made[2].id)
               if member.relation == "child")
    households.add_trainee(uow, activity_id=training.id, household_id=made[2].id, member_id=son.id)


# -- micro-wishes ---------------------------------------------------------------------------------------------

CITY_NODE = "city"  # the stamps of what the city server writes itself (a claim's ruling)


def as_pulled(uow: UnitOfWork, entity: str, row_id: str, fields: dict[str, Any]) -> None:
    """Write a record into this station as a page pulled from the city would: stamped by the city, with no outbox
    record and no audit entry.  The demo's wishes of other villages, their claims and the city server's rulings
    arrive this way (as they would at a station that syncs)."""
    stamp = str(Stamp(uow.clock.now().wall_ms, 0, CITY_NODE))
    sync_store.apply_page(uow, [{"seq": 0, "entity": entity, "row_id": row_id, "fields": fields,
                                 "stamps": dict.fromkeys(fields, stamp)}], cursor=None)


@contextmanager
def _days_ago(db: Database, days: int) -> Iterator[None]:
    """Do what follows as on a day ``days`` before today (the demo's wishes have a past)."""
    real = db.now
    moment = real() - timedelta(days=days)
    db.now = lambda: moment
    try:
        yield
    finally:
        db.now = real


# The other villages whose wishes are on the demo's board, as pulled from the city: (village code, wishes), each
# wish (text, kind, value band, days on the board).
_BOARD = [
    ("220802101202", [("一位独居老人想要一个暖水袋和一双棉手套，冬天出门用。", "clothing", (0, 50), 3),
                      ("一名小学三年级学生想要一套课外读物，喜欢看科普书。", "study", (50, 100), 12),
                      ("一户因病致贫家庭想要一台电饭锅。", "appliance", (100, 200), 26)]),
    ("220822101201", [("一位腿脚不便的老人想要一辆助行车。", "health", (300, 500), 40),
                      ("一名高中女生想要一本英语词典和一个台灯。", "study", (100, 200), 8),
                      ("一户五保老人想要一袋面粉和一桶豆油。", "food", (100, 200), 18)]),
]


def _wish(uow, household_id: str, words: str, category: str, value: float, wanted_by: date | None = None):
    return wishes.collect_wish(uow, form=WishForm(household_id=household_id, words=words, category=category,
                                                  estimated_value=value,
                                                  wanted_by=wanted_by.isoformat() if wanted_by else ""))


def _claim_from(uow, village: str, board_id: str, *, name: str, contact: str, claimed_on: date,
                held_until: date) -> str:
    """Another village's claim on a wish of this village, with the city server's ruling, as pulled."""
    claim_id = new_id()
    as_pulled(uow, "wish_claim", claim_id, {
        "village_code": village, "to_village_code": DEMO_VILLAGE, "board_id": board_id, "claimant_kind": "work_unit",
        "claimant_name": name, "claimant_contact": contact, "volunteer_id": "", "claimed_on": claimed_on.isoformat(),
        "note": "", "held_until": held_until.isoformat(), "lapsed": False})
    return claim_id


def _wishes(db: Database, actor: Actor) -> None:
    """The village's micro-wishes in every state, the board's wishes of two other villages, and this station's
    claims on them: one held, one lost to another village, one waiting for the city server."""
    with db.reading(actor) as uow:
        today = uow.today()
        heads = {row.head_name: row.id for row in households.search_households(uow)}
        volunteer = volunteers.search_volunteers(uow, limit=1)[0]
    wang, zhao, zeng, liu, chen = (heads[name] for name in ("王桂兰", "赵德福", "曾秀英", "刘凤霞", "陈宝山"))
    with _days_ago(db, 50), db.unit_of_work(actor) as uow:
        radio = _wish(uow, wang, "想要一台收音机，晚上听听新闻和评书。", "daily", 80, today - timedelta(days=5))
        wishes.vet_wish(uow, wish_id=radio.id)
        wishes.publish_wish(uow, wish_id=radio.id, public_text="本村一位独居老人想要一台收音机，晚上听新闻、听评书。")
    with _days_ago(db, 40), db.unit_of_work(actor) as uow:
        crutches = _wish(uow, chen, "想要一副结实的拐杖，方便出门走动。", "health", 180)
        wishes.vet_wish(uow, wish_id=crutches.id, note="价格在上限内")
    with _days_ago(db, 35), db.unit_of_work(actor) as uow:
        wishes.publish_wish(uow, wish_id=crutches.id,
                            public_text="本村一位肢体残疾的老人想要一副结实的拐杖，方便出门走动。")
    with _days_ago(db, 32), db.unit_of_work(actor) as uow:
        heater = _wish(uow, zhao, "冬天屋里冷，想要一个电暖气。", "appliance", 300)
        wishes.vet_wish(uow, wish_id=heater.id)
        wishes.publish_wish(uow, wish_id=heater.id, public_text="本村一位五保老人冬天屋里冷，想要一个电暖气。")
    with _days_ago(db, 28), db.unit_of_work(actor) as uow:
        food = _wish(uow, zeng, "想要一袋大米和一桶豆油过年。", "food", 200)
        wishes.vet_wish(uow, wish_id=food.id)
    with _days_ago(db, 25), db.unit_of_work(actor) as uow:
        wishes.publish_wish(uow, wish_id=food.id, public_text="本村一户因病致贫家庭想要一袋大米和一桶豆油过年。")
    with _days_ago(db, 20), db.unit_of_work(actor) as uow:
        _claim_from(uow, "220822101201", food.id, name="通榆县和平镇东升村志愿服务队", contact="13904367788",
                    claimed_on=today - timedelta(days=20), held_until=today - timedelta(days=13))
    with _days_ago(db, 18), db.unit_of_work(actor) as uow:
        wishes.record_contact(uow, wish_id=food.id, note="电话联系，约定下周送到")
    with _days_ago(db, 15), db.unit_of_work(actor) as uow:
        wishes.fulfil_wish(uow, wish_id=food.id, given="大米25公斤、豆油5升", confirmed=True,
                           confirmation_note="户主签字确认")
    with _days_ago(db, 10), db.unit_of_work(actor) as uow:
        wishes.withdraw_wish(uow, wish_id=heater.id, reason="村里已统一发放取暖补贴")
        shoes = _wish(uow, wang, "给儿子买一双冬天穿的棉鞋，42码。", "clothing", 150, today + timedelta(days=30))
        wishes.vet_wish(uow, wish_id=shoes.id)
        wishes.publish_wish(uow, wish_id=shoes.id, public_text="本村一名初中男生想要一双保暖的冬季棉鞋，42码。")
    with _days_ago(db, 6), db.unit_of_work(actor) as uow:
        fridge = _wish(uow, zeng, "家里想要一台冰箱。", "appliance", 2600)
        wishes.reject_wish(uow, wish_id=fridge.id, reason="超过微心愿金额上限，已转报大病救助和临时救助")
    with _days_ago(db, 2), db.unit_of_work(actor) as uow:
        wishes.expire_wish(uow, wish_id=radio.id)
        _claim_from(uow, "220802101202", shoes.id, name="平安镇红星村爱心超市", contact="0436-3216688",
                    claimed_on=today - timedelta(days=2), held_until=today + timedelta(days=5))
    with db.unit_of_work(actor) as uow:
        quilt = _wish(uow, zhao, "冬天想要一床厚棉被。", "clothing", 260, today + timedelta(days=30))
        wishes.vet_wish(uow, wish_id=quilt.id)
        _wish(uow, liu, "给大女儿买一个新书包和一套文具。", "study", 120, today + timedelta(days=40))
    _board_of_others(db, actor, today, volunteer.id)


def _board_of_others(db: Database, actor: Actor, today: date, volunteer_id: str) -> None:
    ids: list[str] = []
    with db.unit_of_work(actor) as uow:
        for village, items in _BOARD:
            for text, category, (low, high), days in items:
                board_id = new_id()
                as_pulled(uow, "wish_board", board_id, {
                    "village_code": village, "public_text": text, "category": category, "value_low": low,
                    "value_high": high, "published_on": (today - timedelta(days=days)).isoformat(),
                    "wanted_by": "", "state": "open", "hold_days": 7, "released_claim": ""})
                ids.append(board_id)
    with _days_ago(db, 2), db.unit_of_work(actor) as uow:
        held = wishes.claim_wish(uow, board_id=ids[1], claimant_kind="volunteer", volunteer_id=volunteer_id,
                                 note="周五志愿服务日顺路送去")
    with _days_ago(db, 1), db.unit_of_work(actor) as uow:
        lost = wishes.claim_wish(uow, board_id=ids[3], claimant_kind="work_unit", claimant_name="白城市第三中学",
                                 claimant_contact="0436-3212345")
    with db.unit_of_work(actor) as uow:
        # The city server's rulings, as the next sync brings them: one claim holds its wish, the other came second.
        as_pulled(uow, "wish_claim", held.id, {"held_until": (today + timedelta(days=5)).isoformat()})
        for record in uow.session.scalars(select(OutboxRecord).where(
                OutboxRecord.entity == "wish_claim", OutboxRecord.row_id.in_([held.id, lost.id]))):
            uow.session.delete(record)  # the city server has them
        uow.session.get(WishClaim, lost.id).refused = wishes.LOST
        wishes.claim_wish(uow, board_id=ids[5], claimant_kind="donor", claimant_name="张建华",
                          claimant_contact="13504361111", note="想给老人送去")


# -- sponsorships ---------------------------------------------------------------------------------------------

def _sponsorships(uow) -> None:
    """A sponsor of each kind; two sponsorships: the Red Cross's pledge of money in monthly instalments to a family
    poor through illness, handed over and visited, with a note on a hand-over recorded wrongly, and a volunteer's
    tutoring, whose last visit was long ago (overdue)."""
    today = uow.today()
    found = {row.head_name: row for row in households.search_households(uow)}
    volunteer = volunteers.search_volunteers(uow, limit=1)[0]
    red_cross = sponsorships.add_sponsor(uow, form=SponsorForm(
        kind="organisation", name="洮北区红十字会", contact="王主任 0436-3212345", address="洮北区政府院内"))
    tutor = sponsorships.add_sponsor(uow, form=SponsorForm(kind="volunteer", volunteer_id=volunteer.id,
                                                           notes="退休教师"))
    sponsorships.add_sponsor(uow, form=SponsorForm(kind="person", name="孙立新", contact="13904367788",
                                                   notes="本村个体户，愿意认领一户因残致贫家庭"))
    start = today - timedelta(days=200)
    money = sponsorships.pair_sponsorship(uow, household_id=found["曾秀英"].id, sponsor_id=red_cross.id,
                                          project="illness", pledge=PledgeForm(
            pledge_kind="money", amount=1200, pledge="每月100元医疗补助", start_on=start.isoformat(),
            end_on=(start + timedelta(days=365)).isoformat(), instalments=12))
    for month in range(1, 7):
        handed = sponsorships.record_event(uow, sponsorship_id=money.id, kind="handover",
                                           happened_on=(start + timedelta(days=30 * month - 3)).isoformat(),
                                           what="医疗补助", amount=100 if month != 2 else 1000)
        if month == 2:
            sponsorships.add_note(uow, sponsorship_id=money.id, answers_id=handed.id,
                                  what="实际交付100元，误记为1000元")
    for days in (150, 70, 20):
        sponsorships.record_event(uow, sponsorship_id=money.id, kind="visit",
                                  happened_on=(today - timedelta(days=days)).isoformat(),
                                  what="入户走访，了解孩子透析和家里生活情况")
    tutoring = sponsorships.pair_sponsorship(uow, household_id=found["刘凤霞"].id, sponsor_id=tutor.id,
                                             project="schooling", pledge=PledgeForm(
            pledge_kind="service", pledge="每周六上午辅导两个孩子的功课",
            start_on=(today - timedelta(days=160)).isoformat()))
    sponsorships.record_event(uow, sponsorship_id=tutoring.id, kind="visit",
                              happened_on=(today - timedelta(days=120)).isoformat(), what="家访，和家长商量辅导时间")
    sponsorships.record_event(uow, sponsorship_id=tutoring.id, kind="handover",
                              happened_on=(today - timedelta(days=110)).isoformat(), what="送去课外辅导书一套")


# -- the love hut ------------------------------------------------------------------------------------------------

# The city's catalogue as pulled from the server: (id, name, category, unit, tracks expiry, barcode).
_CITY_ITEMS = [
    ("6f3c1a52-0000-4000-8000-000000000001", "大米（10斤装）", "grain_oil", "袋", False, "6901234500011"),
    ("6f3c1a52-0000-4000-8000-000000000002", "豆油（5升）", "grain_oil", "桶", True, "6901234500028"),
    ("6f3c1a52-0000-4000-8000-000000000003", "面粉（10斤装）", "grain_oil", "袋", False, "6901234500035"),
    ("6f3c1a52-0000-4000-8000-000000000004", "纯牛奶（整箱）", "grain_oil", "箱", True, "6901234500042"),
]


def _hut(uow) -> None:
    """The village's hut with a month of its work: items of the city's catalogue and of its own, donors of each
    kind (one of them a sponsor), intakes (one with a cash gift passed on to the charity) and distributions to
    households and at a Friday volunteer day, all posted from drafts; one draft left unposted."""
    today = uow.today()
    for row_id, name, category, unit, expiry, barcode in _CITY_ITEMS:
        as_pulled(uow, "city_item", row_id, {"name": name, "category": category, "unit": unit,
                                             "tracks_expiry": expiry, "barcode": barcode, "active": True})
    hut.set_up_hut(uow, name="向阳村爱心扶贫小屋", address="向阳村村委会一楼东屋",
                   opened_on=(today - timedelta(days=400)).isoformat())
    rice, oil, _flour, milk = (hut.adopt_city_item(uow, city_item_id=row[0]).id for row in _CITY_ITEMS)
    hut.update_item(uow, item_id=rice, form=ItemForm(name="大米（10斤装）", category="grain_oil", unit="袋",
                                                     barcode="6901234500011", shelf="A1", points_price=45,
                                                     low_stock=5))
    own = {name: hut.add_item(uow, form=ItemForm(name=name, category=category, unit=unit, shelf=shelf,
                                                 points_price=points, low_stock=low)).id
           for name, category, unit, shelf, points, low in (
               ("棉被", "bedding", "床", "B1", 120, 2), ("冬季棉衣", "clothing", "件", "B2", 60, 3),
               ("书包", "study", "个", "C1", 30, 2), ("洗衣粉", "daily", "袋", "C2", 10, 5))}
    school = hut.add_donor(uow, form=DonorForm(kind="organisation", name="白城市第三中学",
                                               contact="赵老师 0436-3221188", address="洮北区新华路"))
    person = hut.add_donor(uow, form=DonorForm(kind="person", name="孙立新", contact="13904367788"))
    quiet = hut.add_donor(uow, form=DonorForm(kind="person", name="刘淑芬", contact="13604365522",
                                              named_in_notice=False))
    nobody = hut.add_donor(uow, form=DonorForm(kind="anonymous", notes="放在村委会门口，未留姓名"))
    red_cross = next(row for row in sponsorships.list_sponsors(uow) if row.name == "洮北区红十字会")
    sponsor = hut.donor_for_sponsor(uow, sponsor_id=red_cross.id)

    def intake(days: int, donor: str, lines: list[LineForm], **cash: Any) -> None:
        draft = hut_drafts.start_draft(uow, form=DraftForm(
            kind="intake", happened_on=(today - timedelta(days=days)).isoformat(), donor_id=donor, **cash))
        for line in lines:
            hut_drafts.add_draft_line(uow, draft_id=draft.id, line=line)
        hut_drafts.post_draft(uow, draft_id=draft.id)

    def hand_out(days: int, lines: list[tuple[str, float]], **to: str) -> None:
        draft = hut_drafts.start_draft(uow, form=DraftForm(
            kind="distribution", happened_on=(today - timedelta(days=days)).isoformat(), **to))
        for item, number in lines:
            hut_drafts.add_draft_line(uow, draft_id=draft.id, line=LineForm(item, number))
        hut_drafts.post_draft(uow, draft_id=draft.id)

    soon, later = (today + timedelta(days=20)).isoformat(), (today + timedelta(days=200)).isoformat()
    intake(28, school.id, [LineForm(own["书包"], 20, 40, "new"), LineForm(own["冬季棉衣"], 15, 80, "used")])
    intake(25, sponsor.id, [LineForm(rice, 30, 45, "new"), LineForm(oil, 20, 70, "new", later)])
    intake(21, person.id, [LineForm(own["棉被"], 8, 150, "new"), LineForm(own["洗衣粉"], 30, 10, "new")],
           cash_amount=500, cash_charity="白城市慈善总会", cash_receipt="20260318")
    intake(14, quiet.id, [LineForm(milk, 12, 55, "new", soon), LineForm(milk, 6, 55, "new", later)])
    intake(6, nobody.id, [LineForm(own["冬季棉衣"], 6, 60, "used")])
    found = [row.id for row in households.search_households(uow)]
    hand_out(24, [(rice, 2), (oil, 1)], recipient_kind="household", household_id=found[0])
    hand_out(20, [(own["棉被"], 1), (own["冬季棉衣"], 2)], recipient_kind="household", household_id=found[1])
    hand_out(12, [(own["书包"], 3), (rice, 2)], recipient_kind="household", household_id=found[2])
    hand_out(9, [(milk, 2), (own["洗衣粉"], 2)], recipient_kind="household", household_id=found[3])
    friday = next((row for row in activities.list_activities(
        uow, date_from=(today - timedelta(days=20)).isoformat(), date_to=(today - timedelta(days=1)).isoformat())
                   if row.kind == ActivityKind.VOLUNTEER_DAY.value and row.status != "cancelled"), None)
    if friday is not None:  # the Friday volunteer day's hand-out
        hand_out((today - date.fromisoformat(friday.date)).days, [(own["洗衣粉"], 10), (rice, 4)],
                 recipient_kind="activity", activity_id=friday.id)
    waiting = hut_drafts.start_draft(uow, form=DraftForm(kind="distribution", recipient_kind="household",
                                                         household_id=found[4]))
    hut_drafts.add_draft_line(uow, draft_id=waiting.id, line=LineForm(own["棉被"], 1))


def _points_and_count(uow) -> None:
    """Household points at the hut (爱心超市): two households earned points for reasons of the list and written
    ones, one exchanged them for a bag of rice; and last week's count of the clothing, which found a used coat
    damaged."""
    today = uow.today()
    found = [row.id for row in households.search_households(uow)]
    for household, rule, days in ((found[0], "hygiene", 18), (found[0], "filial", 11), (found[1], "customs", 8)):
        hut_points.earn_points(uow, form=EarnForm(household_id=household, approved_by="村两委", rule_code=rule,
                                                  happened_on=(today - timedelta(days=days)).isoformat()))
    hut_points.earn_points(uow, form=EarnForm(household_id=found[0], approved_by="村两委",
                                              reason="参加村道清扫志愿服务", points=30,
                                              happened_on=(today - timedelta(days=16)).isoformat()))
    rice = next(row.id for row in hut.list_items(uow) if row.name.startswith("大米"))
    hut_points.exchange_points(uow, form=ExchangeForm(found[0], [ExchangeLine(rice, 1)],
                                                      happened_on=(today - timedelta(days=4)).isoformat()))
    coats = next(row.id for row in hut.list_items(uow) if row.name == "冬季棉衣")
    count = hut_stocktake.start_stocktake(uow, category="clothing")
    hut_stocktake.enter_counts(uow, stocktake_id=count.id, counts=[
        CountEntry(line.item_id, line.expected - 1 if line.item_id == coats else line.expected,
                   "damaged" if line.item_id == coats else "") for line in count.lines])
    hut_stocktake.post_stocktake(uow, stocktake_id=count.id)


# The neighbouring villages' huts, as every station has their records from the city: (village code, hut).
_NEIGHBOUR_HUTS = [("220802101202", "红星村爱心扶贫小屋"), ("220802101204", "永安村爱心扶贫小屋")]


def _transfers(uow) -> None:
    """Transfers between huts: quilts and school bags on their way to 红星村's hut, and 永安村's hut sending this
    one quilts and an electric heater, as the city brought it, waiting to be confirmed."""
    today = uow.today()
    for village, name in _NEIGHBOUR_HUTS:
        as_pulled(uow, "hut", village, {"village_code": village, "name": name, "address": f"{name[:3]}村委会",
                                        "opened_on": (today - timedelta(days=300)).isoformat(), "active": True})
    own = {row.name: row.id for row in hut.list_items(uow)}
    hut_transfers.send_transfer(uow, to_village_code=_NEIGHBOUR_HUTS[0][0], notes="支援红星村冬季困难户",
                                lines=[SendLine(own["棉被"], 2), SendLine(own["书包"], 5)])
    sender, transfer_id = _NEIGHBOUR_HUTS[1][0], new_id()
    as_pulled(uow, "transfer", transfer_id, {
        "village_code": sender, "to_village_code": DEMO_VILLAGE, "number": f"DB-{today.year}-7C2E-0001",
        "sent_on": (today - timedelta(days=2)).isoformat(), "document_id": new_id(),
        "notes": "永安村小屋物资富余，调剂给向阳村", "sent_by_name": "孙桂芝"})
    for name, category, unit, sent, value in (("棉被", "bedding", "床", 4, 150), ("电暖器", "appliance", "台", 1, 200)):
        as_pulled(uow, "transfer_line", new_id(), {
            "village_code": sender, "to_village_code": DEMO_VILLAGE, "transfer_id": transfer_id, "item_name": name,
            "category": category, "unit": unit, "city_item_id": "", "barcode": "", "quantity": sent,
            "unit_value": value, "condition": "used", "expires_on": ""})
