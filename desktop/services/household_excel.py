"""Households in need from and to Excel: importing the sheet a village keeps (户主姓名, 身份证号, 电话, 村民小组,
家庭人口, 帮扶类别, 致贫原因, 备注), exporting the list (ID numbers masked, health, disability and income notes
never)."""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.domain.households import BUILT_IN_CATEGORIES, HouseholdStatus
from desktop.domain.id_number import mask_id_number
from desktop.domain.roles import Permission
from desktop.errors import InvalidInput, RowProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.households import (
    ALL_STATUSES,
    HouseholdFilter,
    HouseholdForm,
    PossibleDuplicate,
    Registered,
    add_checked,
    check_household,
    list_categories,
    search_households,
)
from desktop.spreadsheets import (
    ImportReport,
    LostDigits,
    PeopleSheet,
    Sheet,
    heading_key,
    lost_digits_problem,
    repeated_in_file,
    row_problem,
    word_for_code,
    workbook_bytes,
)
from desktop.storage.uow import UnitOfWork

# Column headers as villages write them (compared without spaces, lower-case, full-width made ASCII).
_HEADERS = {
    "head_name": ("户主姓名", "户主", "户主名", "姓名", "户名", "headname", "head", "name"),
    "id_number": ("身份证号", "身份证号码", "户主身份证号", "户主身份证号码", "身份证", "公民身份号码", "身份号码",
                  "idnumber", "idno", "idcard", "id"),
    "phone": ("电话", "联系电话", "手机", "手机号", "手机号码", "电话号码", "联系方式", "phone", "mobile", "telephone"),
    "group_name": ("村民小组", "小组", "组别", "所在小组", "村组", "组", "group"),
    "address": ("住址", "地址", "家庭住址", "现住址", "address"),
    "size": ("家庭人口", "人口", "家庭人口数", "人口数", "户人口", "人数", "size", "people"),
    "categories": ("帮扶类别", "类别", "帮扶类型", "困难类别", "贫困类别", "categories", "category"),
    "poverty_cause": ("致贫原因", "主要致贫原因", "贫困原因", "povertycause", "cause"),
    "notes": ("备注", "notes", "note", "remarks"),
}

_NO_HEADER = QT_TRANSLATE_NOOP(
    "desktop", "No header row with the column 户主姓名 was found on the first sheet. Put the column names in one "
    "row above the households, then try again.")

# The words a sheet uses for the built-in categories (the export writes the first of each).
_CATEGORY_WORDS = {
    "poor_women": ("贫困妇女", "妇女"),
    "schooling": ("因学致贫", "因学"),
    "disability": ("因残致贫", "因残", "残疾"),
    "illness": ("因病致贫", "因病", "大病"),
    "minimum_living": ("低保", "低保户", "最低生活保障"),
    "five_guarantees": ("五保", "五保户", "特困供养"),
    "other": ("其他", "其它"),
}
assert set(_CATEGORY_WORDS) == set(BUILT_IN_CATEGORIES)
_STATUS_WORDS = {
    HouseholdStatus.HELPED: ("帮扶中",),
    HouseholdStatus.OUT_OF_POVERTY: ("已脱贫",),
    HouseholdStatus.MOVED_AWAY: ("已迁出",),
    HouseholdStatus.DECEASED: ("已去世",),
}

EXPORT_HEADERS = ("户主姓名", "身份证号", "电话", "村民小组", "住址", "家庭人口", "帮扶类别", "致贫原因", "状态",
                  "状态日期", "年度复核日期", "家庭成员", "备注")


class _Categories:
    """The categories a sheet may name: the built-in ones by their usual words, the station's own by name."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.by_word = {heading_key(word): code for code, words in _CATEGORY_WORDS.items() for word in words}
        self.names = {code: words[0] for code, words in _CATEGORY_WORDS.items()}
        for category in list_categories(uow, include_inactive=True):
            if not category.built_in:
                self.names[category.code] = category.name
                if category.active:
                    self.by_word.setdefault(heading_key(category.name), category.code)

    def codes(self, text: str) -> tuple[list[str], list[str]]:
        """The codes of the categories ``text`` names, and the words it holds that name none."""
        found, unknown = [], []
        for word in (part for part in re.split(r"[、，,;；/\s]+", text) if part):
            code = self.by_word.get(heading_key(word))
            (found if code else unknown).append(code or word)
        return found, unknown

    def words(self, codes: tuple[str, ...]) -> str:
        return "、".join(self.names.get(code, code) for code in codes)


def import_households(uow: UnitOfWork, *, data: bytes,
                      progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Add every good row of the workbook's first sheet; report the rows refused and the duplicates skipped."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    today = uow.today()
    categories = _Categories(uow)
    registered = Registered(uow.session)
    refused: list[RowProblem] = []
    duplicates: list[RowProblem] = []
    seen: dict[str, int] = {}
    added = 0
    sheet = PeopleSheet(data, headings=_HEADERS, required=("head_name",), missing=_NO_HEADER, name="head_name",
                        progress=progress)
    for row in sheet:
        number, cell = row.number, row.cell
        id_text = cell("id_number")
        if isinstance(id_text, LostDigits):
            refused.append(lost_digits_problem(number, id_text))
            continue
        codes, unknown = categories.codes(cell("categories"))
        if unknown:
            refused.append(RowProblem(number, QT_TRANSLATE_NOOP(
                "desktop", "\"{value}\" is not a category of help. Write 贫困妇女, 因学致贫, 因残致贫, 因病致贫, 低保, "
                "五保 or 其他 (several with 、 between them), or ask the station admin to add the category first."),
                {"value": "、".join(unknown)}))
            continue
        form = HouseholdForm(head_name=cell("head_name"), id_number=id_text, phone=cell("phone"),
                             group_name=cell("group_name"), address=cell("address"), size=cell("size"),
                             categories=tuple(codes), poverty_cause=cell("poverty_cause"), notes=cell("notes"))
        try:
            checked = check_household(uow.session, form, today=today)
        except InvalidInput as error:
            refused.append(row_problem(number, error))
            continue
        if checked.id_number and checked.id_number in seen:
            duplicates.append(repeated_in_file(number, mask_id_number(checked.id_number), seen[checked.id_number]))
            continue
        try:
            registered.check(checked)
        except PossibleDuplicate as error:  # the form's "save again" has no meaning in a file
            duplicates.append(RowProblem(number, QT_TRANSLATE_NOOP(
                "desktop", "A household of {other_name} at {address} is already registered; this row was not "
                "added. If it is another household, register it in the Households area."),
                {"other_name": error.params["other_name"], "address": error.params["address"]}))
            continue
        except InvalidInput as error:
            duplicates.append(row_problem(number, error))
            continue
        if checked.id_number:
            seen[checked.id_number] = number
        household = add_checked(uow, checked, status=HouseholdStatus.HELPED.value, status_on=today.isoformat())
        registered.add(household.id, checked)
        added += 1
    uow.session.flush()
    uow.audit("import_households", entity="households", added=added, refused=len(refused),
              duplicates=len(duplicates), passed_over=sheet.passed_over)
    return ImportReport(added, tuple(refused), tuple(duplicates), passed_over=sheet.passed_over)


def export_households(uow: UnitOfWork, *, where: HouseholdFilter | None = None) -> bytes:
    """The households the filter asks for (every kept household when none), one row each: the ID number masked,
    never a health, disability or income note."""
    uow.require(Permission.VIEW_DATA)
    categories = _Categories(uow)
    rows = [[row.head_name, row.id_masked, row.phone, row.group_name, row.address, row.size or "",
             categories.words(row.categories), row.poverty_cause, word_for_code(_STATUS_WORDS, row.status),
             row.status_on, row.recheck_on, row.members, row.notes]
            for row in search_households(uow, where=where or HouseholdFilter(statuses=ALL_STATUSES))]
    return workbook_bytes([Sheet("帮扶对象", EXPORT_HEADERS, rows)])
