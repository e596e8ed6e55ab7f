"""Households in need: registering and finding them, their members and categories, the notes only some may
open (and the log of who did, and why), duplicates and merging, their timeline, and Excel in and out."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from desktop.domain.households import HouseholdAction
from desktop.domain.id_number import check_character
from desktop.errors import InvalidInput, PermissionDenied, Term
from desktop.services import activities, audit, household_excel, households, sync
from desktop.services.activities import ActivityForm
from desktop.services.audit import AuditFilter
from desktop.services.households import HouseholdFilter, HouseholdForm, MemberForm, SpecialNotes
from desktop.storage.models import AuditEntry, Conflict, Household, Sponsor, Sponsorship, SponsorshipEvent, Wish


def id_number(first17: str) -> str:
    return first17 + check_character(first17)


WANG = id_number("22080219620315122")  # 王桂兰, born 1962-03-15
ZHAO = id_number("22080219550808221")
SUN = id_number("22080219700101331")
CHILD = id_number("22080220100601442")  # born 2010-06-01
HEALTH = "高血压，每月到乡卫生院取药"
DISABILITY = "右腿二级肢体残疾"
INCOME = "家庭年收入约六千元"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.fixture
def setup_station(setup_station, fake_now):
    """The set-up station on 2026-11-29 (a fixed clock, so the dates below hold whatever day the tests run)."""
    setup_station.db.now = fake_now
    return setup_station


def _form(**changes) -> HouseholdForm:
    values = dict(head_name="王桂兰", id_number=WANG, phone="13904361234", group_name="三组", address="幸福村三组12号",
                  size=3, categories=("poor_women", "illness"), poverty_cause="因病")
    values.update(changes)
    return HouseholdForm(**values)


def _register(station, **changes) -> households.HouseholdInfo:
    special = changes.pop("special", None)
    allow_similar = changes.pop("allow_similar", False)
    with station.db.unit_of_work(station.coordinator) as uow:
        return households.register_household(uow, form=_form(**changes), special=special,
                                             allow_similar=allow_similar)


def _count(station) -> int:
    with station.db.reading(station.viewer) as uow:
        return households.count_households(uow, where=HouseholdFilter(statuses=households.ALL_STATUSES))


# -- registering ---------------------------------------------------------------------------------------

def test_a_household_is_registered_with_its_head_categories_and_a_yearly_recheck(setup_station):
    info = _register(setup_station)
    row = info.row
    assert (row.head_name, row.group_name, row.size, row.categories) == ("王桂兰", "三组", 3, ("poor_women", "illness"))
    assert row.id_masked == WANG[:4] + "*" * 10 + WANG[-4:]
    assert row.status == "helped" and row.status_on == "2026-11-29"
    assert row.recheck_on == "2027-11-29"  # a year on, unless another day is given
    assert HouseholdAction.CHANGE in info.actions


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"id_number": WANG[:17] + ("0" if WANG[17] != "0" else "1")}, "id_number", "does not add up"),
    ({"id_number": "2208021962031512"}, "id_number", "18 characters"),
    ({"phone": "1390436"}, "phone", "is not a phone number"),
    ({"head_name": "  "}, "head_name", "head of the household"),
    ({"size": "四口人"}, "size", "not a number of people"),
    ({"size": 140}, "size", "at most 99"),
    ({"categories": ("no_such_category",)}, "categories", "from the list"),
])
def test_bad_input_is_refused_on_its_field_and_nothing_is_stored(setup_station, changes, field, words):
    with pytest.raises(InvalidInput) as refused:
        _register(setup_station, **changes)
    assert refused.value.field == field
    assert words in refused.value.text()
    assert _count(setup_station) == 0


def test_the_same_id_number_is_refused_and_the_same_head_and_address_is_a_question(setup_station):
    _register(setup_station)
    with pytest.raises(InvalidInput) as refused:
        _register(setup_station, head_name="王贵兰", address="幸福村五组")
    assert refused.value.field == "id_number" and "王桂兰" in refused.value.text()
    with pytest.raises(households.PossibleDuplicate):
        _register(setup_station, id_number="")
    _register(setup_station, id_number="", allow_similar=True)
    assert _count(setup_station) == 2


def test_the_status_changes_from_the_day_given_never_a_day_to_come(setup_station):
    info = _register(setup_station)
    with setup_station.db.unit_of_work(setup_station.coordinator) as uow:
        with pytest.raises(InvalidInput) as refused:
            households.change_status(uow, household_id=info.id, status="out_of_poverty", on="2026-12-30")
        assert refused.value.field == "status_on"
        changed = households.change_status(uow, household_id=info.id, status="out_of_poverty", on="2026年11月20日")
    assert (changed.row.status, changed.row.status_on) == ("out_of_poverty", "2026-11-20")
    with setup_station.db.reading(setup_station.viewer) as uow:
        assert households.search_households(uow) == []  # the list shows households being helped
        assert [r.id for r in households.search_households(
            uow, where=HouseholdFilter(statuses=("out_of_poverty",)))] == [info.id]


# -- the list ------------------------------------------------------------------------------------------

def test_the_list_finds_by_name_pinyin_initials_phone_and_id_ending_in_pinyin_order(setup_station):
    _register(setup_station)
    _register(setup_station, head_name="赵德福", id_number=ZHAO, phone="0436-3212345", group_name="一组",
              address="幸福村一组", categories=("five_guarantees",))
    _register(setup_station, head_name="曾秀英", id_number=SUN, phone="", group_name="一组", address="幸福村一组3号",
              categories=("minimum_living",))

    def found(**where) -> list[str]:
        with setup_station.db.reading(setup_station.viewer) as uow:
            return [row.head_name for row in households.search_households(uow, where=HouseholdFilter(**where))]

    assert found() == ["王桂兰", "曾秀英", "赵德福"]  # 曾 as zeng, under Z, before zhao
    assert found(text="王") == ["王桂兰"]
    assert found(text="wgl") == ["王桂兰"]
    assert found(text="zhaodefu") == ["赵德福"]
    assert found(text="3212") == ["赵德福"]  # a landline's digits, without its dash
    assert found(text=SUN[-4:]) == ["曾秀英"]
    assert found(category="five_guarantees") == ["赵德福"]
    assert found(category="illness") == ["王桂兰"]
    assert found(group_name="一组") == ["曾秀英", "赵德福"]
    with setup_station.db.reading(setup_station.viewer) as uow:
        assert households.household_groups(uow) == ["三组", "一组"]
        assert households.count_households(uow, where=HouseholdFilter(group_name="一组")) == 2


def test_households_due_for_their_yearly_recheck_are_listed(setup_station):
    soon = _register(setup_station, recheck_on="2026-12-10")
    _register(setup_station, head_name="赵德福", id_number=ZHAO, address="幸福村一组", recheck_on="2027-06-01")
    late = _register(setup_station, head_name="曾秀英", id_number=SUN, address="幸福村二组", recheck_on="2026-10-01")
    with setup_station.db.reading(setup_station.viewer) as uow:
        due = households.households_due_for_recheck(uow)
    assert {row.id for row in due} == {soon.id, late.id}
    assert all(row.recheck_due for row in due)


# -- categories ------------------------------------------------------------------------------------------

def test_the_admin_adds_renames_and_switches_off_a_category_the_built_in_ones_stay(setup_station):
    station = setup_station
    with station.db.unit_of_work(station.admin) as uow:
        added = households.add_category(uow, name="留守儿童")
        assert added.code == "liu_shou_er_tong"
        with pytest.raises(InvalidInput):
            households.add_category(uow, name=" 留守 儿童")
        with pytest.raises(InvalidInput):
            households.rename_category(uow, code="poor_women", name="妇女")
        households.rename_category(uow, code=added.code, name="留守儿童家庭")
    info = _register(station, categories=(added.code,))
    assert info.row.category_names == ("留守儿童家庭",)
    with station.db.unit_of_work(station.admin) as uow:
        households.set_category_active(uow, code=added.code, active=False)
        assert added.code not in [c.code for c in households.list_categories(uow)]
        assert "poor_women" in [c.code for c in households.list_categories(uow)]
    with station.db.unit_of_work(station.coordinator) as uow:
        with pytest.raises(PermissionDenied):
            households.add_category(uow, name="孤寡老人")
        # a household keeps a category switched off since; a new one cannot have it
        households.update_household(uow, household_id=info.id, form=_form(categories=(added.code,), size=4))
        with pytest.raises(InvalidInput):
            households.register_household(uow, form=_form(head_name="赵德福", id_number=ZHAO, address="一组",
                                                          categories=(added.code,)))


def test_the_audit_log_says_a_households_categories_by_their_names(setup_station):
    with setup_station.db.unit_of_work(setup_station.admin) as uow:
        own = households.add_category(uow, name="留守儿童")
    info = _register(setup_station, categories=("illness", own.code))
    with setup_station.db.reading(setup_station.admin) as uow:
        [entry] = [row for row in audit.list_audit(uow, where=AuditFilter(action="create"))
                   if row.entity == "households" and row.entity_id == info.id]
    shown = {str(detail.label): detail.value for detail in entry.shown}
    assert shown["categories of help"] == ["Poor through illness", "留守儿童"]
    assert isinstance(shown["categories of help"][0], Term)


# -- members ------------------------------------------------------------------------------------------------

def test_members_are_added_changed_and_taken_off(setup_station):
    info = _register(setup_station)
    with setup_station.db.unit_of_work(setup_station.coordinator) as uow:
        child = households.add_household_member(uow, household_id=info.id, form=MemberForm(
            name="王小明", relation="grandchild", id_number=CHILD))
        assert (child.birth_date, child.age, child.id_masked[-4:]) == ("2010-06-01", 16, CHILD[-4:])
        with pytest.raises(InvalidInput) as refused:
            households.add_household_member(uow, household_id=info.id, form=MemberForm(
                name="王小红", relation="grandchild", birth_date="2012-01-01", id_number=CHILD))
        assert refused.value.field == "birth_date"
        households.update_household_member(uow, member_id=child.id, form=MemberForm(
            name="王晓明", relation="grandchild", id_number=child.id_masked))  # the masked number keeps the stored one
        spouse = households.add_household_member(uow, household_id=info.id,
                                                 form=MemberForm(name="李德", relation="spouse"))
        households.remove_household_member(uow, member_id=spouse.id)
    with setup_station.db.reading(setup_station.viewer) as uow:
        members = households.list_household_members(uow, household_id=info.id)
        row = households.get_household(uow, household_id=info.id).row
    assert [(m.name, m.id_masked[-4:]) for m in members] == [("王晓明", CHILD[-4:])]
    assert row.members == 1


# -- the notes only some may open ------------------------------------------------------------------------------

def _with_notes(station) -> households.HouseholdInfo:
    info = _register(station, special=SpecialNotes(HEALTH, DISABILITY, INCOME))
    with station.db.unit_of_work(station.coordinator) as uow:
        households.add_household_member(uow, household_id=info.id,
                                        form=MemberForm(name="王小明", relation="grandchild"),
                                        special=SpecialNotes(health="哮喘"))
    return info


@pytest.mark.parametrize("role", ["viewer", "hut_manager"])
def test_the_service_refuses_health_and_disability_notes_to_the_viewer_and_the_hut_manager(setup_station, role):
    info = _with_notes(setup_station)
    actor = getattr(setup_station, role)
    with setup_station.db.unit_of_work(actor) as uow:
        with pytest.raises(PermissionDenied) as refused:
            households.reveal_sensitive(uow, household_id=info.id, reason="走访")
        assert "kept from your role" in refused.value.text()
        seen = households.get_household(uow, household_id=info.id)
    assert seen.special_recorded == ()
    assert HouseholdAction.SHOW_SENSITIVE not in seen.actions
    assert HEALTH not in repr(seen) and "哮喘" not in repr(seen)
    with setup_station.db.reading(setup_station.coordinator) as uow:
        assert households.get_household(uow, household_id=info.id).special_recorded == (
            "health", "disability", "income_notes")


def test_a_role_that_may_not_see_the_notes_may_not_write_them_either(setup_station):
    info = _register(setup_station)
    with setup_station.db.unit_of_work(setup_station.hut_manager) as uow, pytest.raises(PermissionDenied):
        households.update_household(uow, household_id=info.id, form=_form(), special=SpecialNotes(HEALTH))


def test_opening_the_notes_needs_a_reason_and_the_audit_log_keeps_who_which_household_and_why(setup_station):
    station = setup_station
    info = _with_notes(station)
    with station.db.unit_of_work(station.coordinator) as uow:
        with pytest.raises(InvalidInput) as refused:
            households.reveal_sensitive(uow, household_id=info.id, reason=" ")
        assert refused.value.field == "reason"
    with station.db.unit_of_work(station.coordinator) as uow:
        opened = households.reveal_sensitive(uow, household_id=info.id, reason="入户走访，核实医疗救助申请")
    assert opened.notes == SpecialNotes(HEALTH, DISABILITY, INCOME)
    assert [(m.name, m.health) for m in opened.members] == [("王小明", "哮喘")]
    with station.db.reading(station.admin) as uow:
        entries = uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "show_sensitive")).all()
        logged = [(e.user_name, e.entity, e.entity_id, e.details["reason"]) for e in entries]
        every_entry = " ".join(str(e.details) for e in uow.session.scalars(select(AuditEntry)))
    assert logged == [("李秀英", "households", info.id, "入户走访，核实医疗救助申请")]
    # the log of the household's saving says the notes changed, never what they say
    assert HEALTH not in every_entry and "哮喘" not in every_entry and INCOME not in every_entry


@pytest.mark.parametrize("role", ["viewer", "hut_manager", "coordinator"])
def test_a_sync_conflict_over_a_note_shows_its_values_only_to_who_may_see_them(setup_station, role):
    info = _with_notes(setup_station)
    with setup_station.db.unit_of_work(setup_station.admin) as uow:
        uow.applying_remote = True  # conflicts are the city server's records, written as the sync apply does
        uow.session.add(Conflict(village_code="220802101201", entity="household", row_id=info.id, field="health",
                                 kept_value=HEALTH, lost_value="已痊愈", lost_station="another-pc"))
    with setup_station.db.reading(getattr(setup_station, role)) as uow:
        [conflict] = sync.list_conflicts(uow)
    shown = repr(conflict)
    if role == "coordinator":
        assert conflict.value_now == HEALTH and conflict.other_value == "已痊愈"
    else:
        assert HEALTH not in shown and "已痊愈" not in shown
        assert conflict.value_now == conflict.other_value == sync.KEPT_FROM_ROLE


def test_lists_and_exports_never_carry_the_notes(setup_station):
    info = _with_notes(setup_station)
    with setup_station.db.reading(setup_station.coordinator) as uow:
        rows = households.search_households(uow)
        workbook = household_excel.export_households(uow)
    assert [row.id for row in rows] == [info.id]
    assert HEALTH not in repr(rows) and DISABILITY not in repr(rows)
    sheet = load_workbook(io.BytesIO(workbook)).active
    cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert tuple(cells[0]) == household_excel.EXPORT_HEADERS
    assert not {"健康状况", "残疾情况", "收入情况"} & set(cells[0])
    text = repr(cells)
    assert HEALTH not in text and DISABILITY not in text and INCOME not in text and WANG not in text
    assert cells[1][:4] == ["王桂兰", WANG[:4] + "*" * 10 + WANG[-4:], "13904361234", "三组"]
    assert cells[1][6] == "贫困妇女、因病致贫"


# -- duplicates and merging ------------------------------------------------------------------------------

def _twin(station, household_id: str) -> str:
    """A second record of the same household, as a second PC of the village could have made it (same ID)."""
    with station.db.unit_of_work(station.coordinator) as uow:
        first = uow.session.get(Household, household_id)
        twin = Household(village_code=first.village_code, head_name=first.head_name, id_number=first.id_number,
                         address="", size=0, categories="minimum_living", status="helped", status_on="2025-03-01",
                         health="糖尿病", merged_into="")
        uow.session.add(twin)
        uow.session.flush()
        return twin.id


def test_duplicates_are_found_by_id_number_and_by_head_and_address(setup_station):
    first = _register(setup_station)
    twin = _twin(setup_station, first.id)
    same_place = _register(setup_station, id_number="", phone="", allow_similar=True)
    with setup_station.db.reading(setup_station.viewer) as uow:
        groups = households.find_duplicate_households(uow)
    found = {(group.reason, frozenset(row.id for row in group.households)) for group in groups}
    assert found == {("id_number", frozenset({first.id, twin})),
                     ("name_place", frozenset({first.id, same_place.id}))}


def test_a_merge_keeps_both_histories_for_the_household_kept(setup_station):
    station = setup_station
    keep = _register(station, special=SpecialNotes(income_notes=INCOME))
    twin = _twin(station, keep.id)
    with station.db.unit_of_work(station.coordinator) as uow:
        households.add_household_member(uow, household_id=twin, form=MemberForm(name="王小明", relation="grandchild"))
        uow.session.add(Wish(village_code="220802101201", household_id=twin, words="一个新书包", category="study",
                             estimated_value=80, status="fulfilled", fulfilled_on="2026-09-01", given="书包和文具",
                             given_by="城区爱心人士"))
        uow.session.add(Wish(village_code="220802101201", household_id=keep.id, words="过冬的棉被", category="clothing",
                             estimated_value=200, status="fulfilled", fulfilled_on="2026-11-01", given="棉被两床",
                             given_by="县妇联"))
    with station.db.unit_of_work(station.coordinator) as uow:
        merged = households.merge_households(uow, keep_id=keep.id, merge_id=twin)
        with pytest.raises(InvalidInput):
            households.merge_households(uow, keep_id=twin, merge_id=keep.id)
    assert merged.row.categories == ("poor_women", "illness", "minimum_living")
    assert [m.name for m in merged.members] == ["王小明"]
    with station.db.reading(station.viewer) as uow:
        timeline = households.household_timeline(uow, household_id=keep.id)
        listed = households.search_households(uow, where=HouseholdFilter(statuses=households.ALL_STATUSES))
        twin_row = uow.session.get(Household, twin)
        assert (twin_row.merged_into, twin_row.deleted) == (keep.id, False)
    assert [entry.what for entry in timeline] == ["棉被两床", "书包和文具"]
    assert [row.id for row in listed] == [keep.id]
    with station.db.unit_of_work(station.coordinator) as uow:
        opened = households.reveal_sensitive(uow, household_id=keep.id, reason="核对合并的记录")
    assert (opened.notes.health, opened.notes.income_notes) == ("糖尿病", INCOME)  # an empty note filled from the twin


# -- the timeline ------------------------------------------------------------------------------------------

def _training(station, title: str, day: date, *, cancel: bool = False) -> str:
    with station.db.unit_of_work(station.coordinator) as uow:
        activity = activities.plan_activity(uow, form=ActivityForm(
            kind="training", title=title, date=day.isoformat(), start_time="09:00", end_time="11:00"))
        if cancel:
            activities.cancel_activity(uow, activity_id=activity.id)
        return activity.id


def test_the_timeline_shows_what_came_from_each_source_newest_first(setup_station):
    station = setup_station
    info = _register(station)
    today = date(2026, 11, 29)
    with station.db.unit_of_work(station.coordinator) as uow:
        grandson = households.add_household_member(uow, household_id=info.id,
                                                   form=MemberForm(name="王小明", relation="grandchild"))
        village = "220802101201"
        uow.session.add(Wish(village_code=village, household_id=info.id, words="想要一个新书包", category="study",
                             estimated_value=80, status="fulfilled", fulfilled_on="2026-10-15", given="书包和文具",
                             given_by="白城市某小学"))
        uow.session.add(Wish(village_code=village, household_id=info.id, words="一台电暖器", category="appliance",
                             estimated_value=300, status="published"))  # not fulfilled: not on the timeline
        sponsor = Sponsor(village_code=village, kind="organisation", name="县妇联")
        uow.session.add(sponsor)
        uow.session.flush()
        pairing = Sponsorship(village_code=village, household_id=info.id, sponsor_id=sponsor.id, project="poor_women",
                              pledge_kind="money", amount=1200, start_on="2026-01-01", status="active")
        uow.session.add(pairing)
        uow.session.flush()
        uow.session.add(SponsorshipEvent(village_code=village, sponsorship_id=pairing.id, kind="visit",
                                         happened_on="2026-11-20", what="入户走访，了解冬季取暖"))
        uow.session.add(SponsorshipEvent(village_code=village, sponsorship_id=pairing.id, kind="handover",
                                         happened_on="2026-06-01", what="助学金", amount=600))
    held = _training(station, "手工编织培训", today - timedelta(days=3))
    cancelled = _training(station, "电商培训", today - timedelta(days=1), cancel=True)
    with station.db.unit_of_work(station.coordinator) as uow:
        households.add_trainee(uow, activity_id=held, household_id=info.id, member_id=grandson.id)
        with pytest.raises(InvalidInput):
            households.add_trainee(uow, activity_id=cancelled, household_id=info.id)
    with station.db.reading(station.viewer) as uow:
        timeline = households.household_timeline(uow, household_id=info.id)
    assert [(e.on, e.kind, e.what, e.by) for e in timeline] == [
        ("2026-11-26", "training", "手工编织培训", "王小明"),
        ("2026-11-20", "visit", "入户走访，了解冬季取暖", "县妇联"),
        ("2026-10-15", "wish", "书包和文具", "白城市某小学"),
        ("2026-06-01", "handover", "助学金", "县妇联"),
    ]
    assert timeline[-1].amount == 600


def test_households_trained_are_recorded_once_and_taken_off_again(setup_station):
    station = setup_station
    info = _register(station)
    training = _training(station, "手工编织培训", date(2026, 11, 20))
    with station.db.unit_of_work(station.coordinator) as uow:
        day = activities.plan_activity(uow, form=ActivityForm(kind="volunteer_day", title="志愿服务日",
                                                              date="2026-11-27", start_time="14:00", end_time="17:00"))
        with pytest.raises(InvalidInput):
            households.add_trainee(uow, activity_id=day.id, household_id=info.id)
        trainee = households.add_trainee(uow, activity_id=training, household_id=info.id)
        with pytest.raises(InvalidInput):
            households.add_trainee(uow, activity_id=training, household_id=info.id)
        households.remove_trainee(uow, trainee_id=trainee.id)
        assert households.list_trainees(uow, activity_id=training) == []
        again = households.add_trainee(uow, activity_id=training, household_id=info.id)
    assert again.id == trainee.id and again.name == "王桂兰"
    with station.db.unit_of_work(station.viewer) as uow, pytest.raises(PermissionDenied):
        households.add_trainee(uow, activity_id=training, household_id=info.id)


# -- Excel -------------------------------------------------------------------------------------------------

def _xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_import_adds_the_good_rows_and_says_why_others_were_refused(setup_station):
    _register(setup_station)  # 王桂兰 is registered already
    bad = ZHAO[:17] + ("0" if ZHAO[17] != "0" else "1")
    data = _xlsx([
        ["幸福村帮扶对象花名册（2026年）"],                                                  # 1: a title
        ["序号", "户 主 姓 名", "身份证号码", "联系电话", "村民小组", "家庭人口", "帮扶类别", "致贫原因", "备注"],
        [1, "赵德福", ZHAO.translate(FULL_WIDTH), "0436-3212345", "一组", "1人", "五保户", "无劳动能力", ""],  # 3
        [2, "曾秀英", SUN, "", "二组", 4, "低保、因病", "因病", "儿子尿毒症"],               # 4: added
        [3, "刘大海", bad, "", "二组", 2, "", "", ""],                                       # 5: check digit
        [4, "陈秀英", "", "12345", "三组", 2, "", "", ""],                                   # 6: phone
        [5, "孙淑珍", "", "", "四组", 3, "孤寡", "", ""],                                    # 7: category
        [6, "王桂兰", WANG, "", "三组", 3, "", "", ""],                                      # 8: registered
        [7, "周长青", "", "", "五组", "三", "", "", ""],                                     # 9: size
        [8, "赵刚", float(id_number("22080219800101551")), "", "", 1, "", "", ""],          # 10: digits lost
        [],                                                                                  # 11
        [None, "制表人：李秀英", None, None, None, None, None, None, "2026年11月28日"],      # 12: footer
        [None, "合计", None, None, None, 7],                                                 # 13: footer
    ])
    with setup_station.db.unit_of_work(setup_station.coordinator) as uow:
        report = household_excel.import_households(uow, data=data)
    assert report.added == 2
    refused = {problem.row: problem.text() for problem in report.refused}
    assert sorted(refused) == [5, 6, 7, 9, 10]
    assert "does not add up" in refused[5]
    assert "not a phone number" in refused[6]
    assert "\"孤寡\" is not a category of help" in refused[7]
    assert "not a number of people" in refused[9]
    assert "saved by Excel as a number" in refused[10]
    assert [problem.row for problem in report.duplicates] == [8]
    with setup_station.db.reading(setup_station.viewer) as uow:
        added = {row.head_name: row for row in households.search_households(uow)}
    assert (added["赵德福"].size, added["赵德福"].categories, added["赵德福"].phone) == (1, ("five_guarantees",),
                                                                                     "0436-3212345")
    assert added["曾秀英"].categories == ("illness", "minimum_living")  # in the order of the list
    assert added["曾秀英"].notes == "儿子尿毒症"


def test_an_import_without_a_head_column_says_what_to_do(setup_station):
    with setup_station.db.unit_of_work(setup_station.coordinator) as uow, pytest.raises(InvalidInput) as refused:
        household_excel.import_households(uow, data=_xlsx([["编号", "地址"], [1, "三组"]]))
    assert "户主姓名" in refused.value.text()


def test_the_export_reads_back_as_the_import_reads_it(setup_station):
    _register(setup_station, id_number="")
    with setup_station.db.reading(setup_station.viewer) as uow:
        workbook = household_excel.export_households(uow)
    with setup_station.db.unit_of_work(setup_station.coordinator) as uow:
        report = household_excel.import_households(uow, data=workbook)
    assert report.added == 0 and len(report.duplicates) == 1 and not report.refused
