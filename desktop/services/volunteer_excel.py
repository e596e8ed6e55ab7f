"""Volunteers from and to Excel: importing the lists villages keep today, exporting the registry (IDs masked)."""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.domain.id_number import mask_id_number
from desktop.domain.roles import Permission
from desktop.domain.text import clean_text
from desktop.domain.volunteering import (
    Gender,
    MemberRole,
    PoliticalStatus,
    TeamKind,
    VolunteerStatus,
    may_enlist,
    round_hours,
    team_kind_in_name,
)
from desktop.errors import InvalidInput, RowProblem, Term
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.station import station_info, village_code, village_profile
from desktop.services.teams import create_team, list_teams, member_id, team_name_key
from desktop.services.volunteers import (
    ALL_STATUSES,
    Asking,
    Registered,
    VolunteerForm,
    add_checked,
    check_form,
    search_volunteers,
)
from desktop.spreadsheets import (
    ImportReport,
    LostDigits,
    PeopleSheet,
    Sheet,
    code_for_words,
    lost_digits_problem,
    repeated_in_file,
    row_problem,
    word_for_code,
    workbook_bytes,
)
from desktop.storage.models import TeamMember
from desktop.storage.uow import UnitOfWork

# Column headers as villages write them (compared without spaces, lower-case, full-width made ASCII).
_HEADERS = {
    "name": ("姓名", "名字", "志愿者姓名", "name"),
    "id_number": ("身份证号", "身份证号码", "身份证", "公民身份号码", "身份号码", "idnumber", "idno", "idcard", "id"),
    "gender": ("性别", "gender", "sex"),
    "phone": ("电话", "手机", "手机号", "手机号码", "联系电话", "电话号码", "联系方式", "phone", "mobile", "telephone",
              "phonenumber"),
    "address": ("住址", "地址", "家庭住址", "现住址", "address"),
    "political_status": ("政治面貌", "politicalstatus", "political"),
    "skills": ("特长", "技能", "专长", "skills", "skill"),
    "teams": ("所属队伍", "队伍", "服务队", "所属服务队", "team", "teams"),
    # Only a heading that says it is the volunteer's own number: a plain 编号 or 序号 numbers the sheet's rows
    # (1, 2, 3 …), and that column is passed over.
    "volunteer_number": ("志愿者编号", "志愿者证号", "志愿者证编号", "志愿者号", "全国志愿者编号", "注册编号",
                         "志愿者注册编号", "注册号", "volunteernumber", "volunteerno"),
    "registered_on": ("注册日期", "注册时间", "登记日期", "registeredon", "registrationdate", "registered"),
    "status": ("状态", "status"),
    "notes": ("备注", "notes", "note", "remarks"),
}
# The words the spreadsheet uses for the stored codes (the export writes the first of each).
_GENDER_WORDS = {Gender.MALE: ("男", "男性", "male", "m"), Gender.FEMALE: ("女", "女性", "female", "f")}
_POLITICAL_WORDS = {
    PoliticalStatus.PARTY_MEMBER: ("中共党员", "党员", "中国共产党党员"),
    PoliticalStatus.PROBATIONARY: ("中共预备党员", "预备党员"),
    PoliticalStatus.LEAGUE_MEMBER: ("共青团员", "团员"),
    PoliticalStatus.OTHER_PARTY: ("民主党派", "民主党派成员"),
    PoliticalStatus.NON_PARTY: ("无党派人士", "无党派"),
    PoliticalStatus.MASSES: ("群众",),
}
_STATUS_WORDS = {
    VolunteerStatus.ACTIVE: ("在册", "活跃", "正常", "在岗"),
    VolunteerStatus.PAUSED: ("暂停",),
    VolunteerStatus.LEFT: ("已退出", "退出", "离开"),
}
# The village's own group, as sheets name it: 村志愿服务队, 向阳村志愿服务队, 向阳志愿者服务队 …
_GROUP_WORDS = ("志愿服务队", "志愿者服务队", "志愿者队", "志愿服务分队")
_VILLAGE_WORDS = ("", "村", "本村", "社区", "本社区")
_PLACE_ENDINGS = ("村委会", "社区", "村", "屯", "嘎查")

# Hours are a number the sheet can add up, their unit in the heading.
EXPORT_HEADERS = ("姓名", "性别", "身份证号", "电话", "住址", "政治面貌", "特长", "所属队伍", "志愿者编号", "注册日期",
                  "状态", "服务时长（小时）")




def _village_group_names(village: str, station_name: str, township: str = "") -> set[str]:
    """The names a sheet may give the village's own group (as team name keys): 村志愿服务队, 志愿服务队, the
    village's name (with or without 村) and the township's before it, followed by 志愿服务队 or the like,
    and the station's own name."""
    places = set(_VILLAGE_WORDS)
    for name in (clean_text(village), clean_text(township) + clean_text(village)):
        places.add(name)
        for ending in _PLACE_ENDINGS:
            if name.endswith(ending) and len(name) > len(ending):
                places.add(name[:-len(ending)])
    names = {place + word for place in places for word in _GROUP_WORDS}
    station = clean_text(station_name)
    if station:
        names |= {station, station.removesuffix("站") + "队"}
    return {team_name_key(name) for name in names}


class _Teams:
    """The station's teams by name for an import; a team named that the station has not got is made once,
    and the village's own group is found by any of its usual names (making it, if the village has none)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        listed = list_teams(uow)
        self.by_key = {team_name_key(team.name): team.id for team in listed}
        self.made: list[str] = []
        info = station_info(uow)
        township = info.path[-2].name if len(info.path) > 1 else ""
        self.village_name = info.village.name
        self.group_names = _village_group_names(info.village.name, village_profile(uow).station_name, township)
        self.group: str | None = next((team.id for team in listed if team.kind == TeamKind.VILLAGE), None)

    def team_id(self, name: str) -> str:
        key = team_name_key(name)
        if key in self.by_key:
            return self.by_key[key]
        if key in self.group_names:
            if self.group is None:
                self.group = self._make(self.village_name + _GROUP_WORDS[0], TeamKind.VILLAGE.value)
            return self.group
        self.by_key[key] = self._make(name, (team_kind_in_name(name) or TeamKind.OTHER).value)
        return self.by_key[key]

    def _make(self, name: str, kind: str) -> str:
        key = team_name_key(name)
        if key not in self.by_key:
            team = create_team(self.uow, name=name, kind=kind)
            self.by_key[key] = team.id
            self.made.append(team.name)
        return self.by_key[key]


_NO_HEADER = QT_TRANSLATE_NOOP(
    "desktop", "No header row with the columns 姓名 and 身份证号 was found on the first sheet. Put the column names in "
    "one row above the volunteers, then try again.")


def _team_names(text: str) -> list[str]:
    return [name for name in (clean_text(part) for part in re.split(r"[、，,;；/\n]+", text)) if name]


def _join_teams(uow: UnitOfWork, volunteer_id: str, names: list[str], teams: _Teams) -> None:
    """Add a volunteer this import made to each named team, making a team the station does not have yet.

    The volunteer is new, so no membership of theirs can exist yet: the rows are added without a look.
    """
    code, today = village_code(uow), uow.today().isoformat()
    for team_id in dict.fromkeys(teams.team_id(name) for name in names):  # two names of one group join it once
        uow.session.add(TeamMember(id=member_id(code, team_id, volunteer_id), village_code=code, team_id=team_id,
                                   volunteer_id=volunteer_id, role=MemberRole.MEMBER.value, joined_on=today))


def import_volunteers(uow: UnitOfWork, *, data: bytes,
                      progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Add every good row of the workbook's first sheet; report the rows refused and the duplicates skipped."""
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    today = uow.today()
    refused: list[RowProblem] = []
    duplicates: list[RowProblem] = []
    seen: dict[str, int] = {}
    teams = _Teams(uow)
    registered = Registered(uow.session)
    added = 0
    sheet = PeopleSheet(data, headings=_HEADERS, required=("name", "id_number"), missing=_NO_HEADER,
                        progress=progress)
    for row in sheet:
        number, cell = row.number, row.cell
        id_text = cell("id_number")
        if isinstance(id_text, LostDigits):
            refused.append(lost_digits_problem(number, id_text))
            continue
        political = cell("political_status")
        political_code = code_for_words(_POLITICAL_WORDS, political) if political else ""
        if political_code is None:
            refused.append(RowProblem(number, QT_TRANSLATE_NOOP(
                "desktop", "\"{value}\" is not a political status. Write one of 中共党员, 中共预备党员, 共青团员, "
                "民主党派, 无党派人士, 群众, or leave it empty."), {"value": political}))
            continue
        status_text = cell("status")
        status_code = code_for_words(_STATUS_WORDS, status_text) if status_text else VolunteerStatus.ACTIVE.value
        if status_code is None:
            refused.append(RowProblem(number, QT_TRANSLATE_NOOP(
                "desktop", "\"{value}\" is not a volunteer status. Write 在册, 暂停 or 已退出, or leave it empty."),
                {"value": status_text}))
            continue
        form = VolunteerForm(
            name=cell("name"), id_number=id_text, phone=cell("phone"), address=cell("address"),
            political_status=political_code, skills=cell("skills"), volunteer_number=cell("volunteer_number"),
            registered_on=cell("registered_on"), status=status_code, notes=cell("notes"))
        try:
            checked = check_form(form, today=today)
        except InvalidInput as error:
            refused.append(row_problem(number, error))
            continue
        gender_text = cell("gender")
        if gender_text:
            gender = code_for_words(_GENDER_WORDS, gender_text)
            if gender != checked.gender:
                refused.append(RowProblem(number, QT_TRANSLATE_NOOP(
                    "desktop", "The gender column says \"{given}\", but the ID number {masked} is a {expected}'s. "
                    "Check the ID number and the gender."),
                    {"given": gender_text, "masked": mask_id_number(checked.id_number),
                     "expected": Term(Gender(checked.gender).label)}))
                continue
        if checked.id_number in seen:
            duplicates.append(repeated_in_file(number, mask_id_number(checked.id_number), seen[checked.id_number]))
            continue
        try:
            registered.check(checked, asking=Asking.IMPORT)
        except InvalidInput as error:  # registered already, or someone of the same name and phone
            duplicates.append(row_problem(number, error))
            continue
        seen[checked.id_number] = number
        volunteer = add_checked(uow, checked, flush=False)
        registered.add(volunteer.id, checked)
        team_names = _team_names(cell("teams"))
        if team_names and may_enlist(checked.status):  # someone who has left joins no team
            _join_teams(uow, volunteer.id, team_names, teams)
        added += 1
    uow.session.flush()
    uow.audit("import_volunteers", entity="volunteers", added=added, refused=len(refused),
              duplicates=len(duplicates), passed_over=sheet.passed_over)
    return ImportReport(added, tuple(refused), tuple(duplicates), tuple(teams.made), sheet.passed_over)


def export_volunteers(uow: UnitOfWork) -> bytes:
    """Every volunteer not merged into another record, one row each, ID numbers masked."""
    uow.require(Permission.VIEW_DATA)
    rows = [[row.name, word_for_code(_GENDER_WORDS, row.gender), row.id_masked, row.phone, row.address,
             word_for_code(_POLITICAL_WORDS, row.political_status) if row.political_status else "", row.skills,
             row.teams, row.volunteer_number, row.registered_on, word_for_code(_STATUS_WORDS, row.status),
             round_hours(row.hours)]
            for row in search_volunteers(uow, statuses=ALL_STATUSES, limit=None)]
    return workbook_bytes([Sheet("志愿者", EXPORT_HEADERS, rows)])
