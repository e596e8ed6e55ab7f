"""Importing the volunteer lists villages keep in Excel, and exporting the registry with IDs masked."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from openpyxl import Workbook, load_workbook

from desktop.domain.id_number import check_character
from desktop.errors import InvalidInput
from desktop.services import teams, volunteers
from desktop.services.volunteer_excel import EXPORT_HEADERS, export_volunteers, import_volunteers
from desktop.services.volunteers import VolunteerForm
from desktop.spreadsheets import Sheet, read_first_sheet, workbook_bytes


def id_number(first17: str) -> str:
    return first17 + check_character(first17)


WU = id_number("22080219900101123")
LI = id_number("22080219851224002")
SHAN = id_number("22080219700615003")
OLD_SHAN = "220802700615003"  # SHAN's first-generation 15-digit form
ZHANG = id_number("22080220010301004")
ZHAO = id_number("22080219780808005")  # stored as a number by Excel
_FULL = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def messy_workbook() -> bytes:
    bad_check = WU[:17] + ("0" if WU[17] != "0" else "1")
    no_date = "22080219900230123"
    return xlsx([
        ["幸福村志愿者花名册"],                                                    # 1: a title above the header
        ["序号", "手机号码", "姓　名", "性别", "身 份 证 号", "所属队伍", "政治面貌"],  # 2: out of order, extra column
        [1, "１３９ １２３４ ５６７８", " 吴大义 ", "男", WU.translate(_FULL), "医疗卫生服务队", "中共党员"],  # 3
        [2, "13800001111", "　李秀兰", "女", LI, "文艺队、医疗卫生服务队", "群众"],                   # 4
        [3, "13700002222", "王小明", "男", bad_check, "", ""],                               # 5: check digit
        [4, "", "刘大海", "男", no_date + check_character(no_date), "", ""],                 # 6: no such date
        [5, "", "陈秀英", "女", WU[:16] + "1" + check_character(WU[:16] + "1"), "", ""],      # 7: ID says male
        [6, "", "张伟", "", ZHANG, "", ""],                                                  # 8: registered already
        [7, "13912345678", "吴大义", "男", WU, "", ""],                                      # 9: repeats row 3
        [],                                                                                  # 10: empty
        [9, "", "赵刚", "男", float(ZHAO), "", ""],                                          # 11: lost digits
        [10, "", "单雄信", "", int(OLD_SHAN), "抢险救灾队", ""],                             # 12: old ID as a number
        [11],                                                                                # 13: numbered, unfilled
    ])


@pytest.fixture
def station(setup_station):
    with setup_station.db.unit_of_work(setup_station.coordinator) as uow:
        volunteers.register_volunteer(uow, form=VolunteerForm(name="张伟", id_number=ZHANG))
        teams.create_team(uow, name="医疗卫生服务队", kind="medical")
    return setup_station


def test_a_messy_workbook_adds_the_good_rows_and_says_why_others_were_refused(station):
    steps = []
    with station.db.unit_of_work(station.coordinator) as uow:
        report = import_volunteers(uow, data=messy_workbook(), progress=lambda done, total: steps.append((done, total)))

    assert report.added == 3
    refused = {problem.row: problem.text() for problem in report.refused}
    assert sorted(refused) == [5, 6, 7, 11]
    assert f"should be {WU[17]}" in refused[5]
    assert "19900230" in refused[6]
    assert "gender column says \"女\"" in refused[7] and "Male" in refused[7]
    assert "15 digits" in refused[11] and "text" in refused[11]
    duplicates = {problem.row: problem.text() for problem in report.duplicates}
    assert sorted(duplicates) == [8, 9]
    assert "张伟" in duplicates[8]
    assert "row 3" in duplicates[9]
    assert steps[-1] == (11, 11)

    with station.db.reading(station.viewer) as uow:
        rows = {row.name: row for row in volunteers.search_volunteers(uow)}
        team_list = {team.name: team for team in teams.list_teams(uow)}
    assert sorted(rows) == sorted(["吴大义", "李秀兰", "单雄信", "张伟"])
    assert rows["吴大义"].phone == "13912345678"
    assert rows["吴大义"].political_status == "party_member"
    assert rows["吴大义"].teams == "医疗卫生服务队"
    assert rows["李秀兰"].political_status == "masses"
    assert set(rows["李秀兰"].teams.split("、")) == {"文艺队", "医疗卫生服务队"}
    assert rows["单雄信"].gender == "male"
    assert team_list["医疗卫生服务队"].member_count == 2
    assert (team_list["文艺队"].kind, team_list["抢险救灾队"].kind) == ("arts", "rescue")


def test_importing_the_same_file_again_adds_nobody(station):
    with station.db.unit_of_work(station.coordinator) as uow:
        import_volunteers(uow, data=messy_workbook())
    with station.db.unit_of_work(station.coordinator) as uow:
        again = import_volunteers(uow, data=messy_workbook())
    assert again.added == 0
    assert sorted(problem.row for problem in again.duplicates) == [3, 4, 8, 9, 12]
    with station.db.reading(station.viewer) as uow:
        assert volunteers.count_volunteers(uow) == 4


def test_english_headers_and_excel_dates_are_understood(setup_station):
    data = xlsx([["Phone", "Name", "ID number", "Registered on", "Notes"],
                 ["13912345678", "Wu Dayi", WU, datetime(2025, 3, 5), "came from the township list"]])
    with setup_station.db.unit_of_work(setup_station.coordinator) as uow:
        report = import_volunteers(uow, data=data)
    assert (report.added, report.refused, report.duplicates) == (1, (), ())
    with setup_station.db.reading(setup_station.viewer) as uow:
        row = volunteers.search_volunteers(uow, text="5678")[0]
    assert (row.name, row.registered_on) == ("Wu Dayi", "2025-03-05")


def _numbers(station) -> dict[str, str]:
    """Each registered volunteer's name and the volunteer number stored for them."""
    with station.db.reading(station.viewer) as uow:
        return {row.name: volunteers.get_volunteer(uow, volunteer_id=row.id).volunteer_number
                for row in volunteers.search_volunteers(uow)}


def test_a_serial_number_column_headed_bianhao_is_not_taken_for_the_volunteer_number(setup_station):
    data = xlsx([["编号", "姓名", "身份证号", "联系电话"],
                 [1, "吴大义", WU, "13912345678"],
                 [2, "李秀兰", LI, "13800001111"],
                 [3, "单雄信", SHAN, ""]])
    with setup_station.db.unit_of_work(setup_station.coordinator) as uow:
        report = import_volunteers(uow, data=data)
    assert (report.added, report.refused, report.duplicates) == (3, (), ())
    assert _numbers(setup_station) == {"吴大义": "", "李秀兰": "", "单雄信": ""}


@pytest.mark.parametrize("heading", ["志愿者编号", "志愿者证号", "全国志愿者编号", "注册编号", "志愿者注册编号"])
def test_a_column_that_says_it_holds_the_volunteer_number_is_read_beside_a_serial_number(setup_station, heading):
    data = xlsx([["序号", "编号", "姓名", "身份证号", heading],
                 [1, 1, "吴大义", WU, "V220802-0017"],
                 [2, 2, "李秀兰", LI, ""]])
    with setup_station.db.unit_of_work(setup_station.coordinator) as uow:
        report = import_volunteers(uow, data=data)
    assert (report.added, report.refused, report.duplicates) == (2, (), ())
    assert _numbers(setup_station) == {"吴大义": "V220802-0017", "李秀兰": ""}


def test_a_sheet_without_the_needed_columns_is_refused(setup_station):
    with setup_station.db.unit_of_work(setup_station.coordinator) as uow, pytest.raises(InvalidInput) as refused:
        import_volunteers(uow, data=xlsx([["姓名", "电话"], ["吴大义", "13912345678"]]))
    assert "身份证号" in str(refused.value)


def test_a_file_that_is_not_a_workbook_is_refused_plainly(setup_station):
    with setup_station.db.unit_of_work(setup_station.coordinator) as uow, pytest.raises(InvalidInput) as refused:
        import_volunteers(uow, data="姓名,身份证号\n吴大义,1\n".encode())
    assert ".xlsx" in str(refused.value)


def test_the_viewer_may_not_import(setup_station):
    from desktop.errors import PermissionDenied

    with setup_station.db.unit_of_work(setup_station.viewer) as uow, pytest.raises(PermissionDenied):
        import_volunteers(uow, data=messy_workbook())


def test_export_reads_back_with_chinese_headers_and_masked_ids(station):
    with station.db.unit_of_work(station.coordinator) as uow:
        import_volunteers(uow, data=messy_workbook())
    with station.db.reading(station.viewer) as uow:
        data = export_volunteers(uow)
    rows = read_first_sheet(data)
    assert tuple(rows[0]) == EXPORT_HEADERS
    by_name = {row[0]: row for row in rows[1:]}
    assert sorted(by_name) == sorted(["吴大义", "李秀兰", "单雄信", "张伟"])
    assert by_name["吴大义"][1:4] == ["男", WU[:4] + "*" * 10 + WU[-4:], "13912345678"]
    assert by_name["吴大义"][5] == "中共党员"
    text = repr(rows)
    assert not any(number in text for number in (WU, LI, SHAN, ZHANG))
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.b


def test_read_first_sheet_cleans_cells():
    data = workbook_bytes([Sheet("t", ["a", "b", "c", "d"], [["　１２３ ", 42.0, datetime(2026, 11, 29), 1.5]])])
    assert read_first_sheet(data) == [["a", "b", "c", "d"], ["123", "42", "2026-11-29", "1.5"]]


def village_roster(rows, footer) -> bytes:
    """A roster as a village keeps it: a title, the header, numbered people, then the form's footer."""
    book = Workbook()
    sheet = book.active
    sheet.append(["幸福村志愿者花名册"])
    sheet.merge_cells("A1:G1")
    sheet.append(["序号", "姓名", "性别", "身份证号码", "联系电话", "所属队伍", "备注"])
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *row])
    for row in footer:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_village_group_is_known_by_its_usual_names_and_a_team_made_is_named(setup_station):
    with setup_station.db.unit_of_work(setup_station.coordinator) as uow:
        group = teams.create_team(uow, name="幸福村志愿服务队", kind="village")
    data = village_roster([
        ["吴大义", "男", WU, "13912345678", "村志愿服务队", ""],
        ["李秀兰", "女", LI, "13800001111", "幸福志愿者服务队、文艺队", ""],
        ["单雄信", "男", SHAN, "", "志愿服务队", ""],
        ["张伟", "", ZHANG, "", "幸福村志愿服务站，村志愿服务队", ""],
    ], footer=[])
    with setup_station.db.unit_of_work(setup_station.coordinator) as uow:
        report = import_volunteers(uow, data=data)

    assert (report.added, report.refused, report.duplicates) == (4, (), ())
    assert report.teams_made == ("文艺队",)
    with setup_station.db.reading(setup_station.viewer) as uow:
        team_list = {team.name: team for team in teams.list_teams(uow)}
    assert sorted(team_list) == sorted(["幸福村志愿服务队", "文艺队"])
    assert team_list["幸福村志愿服务队"].id == group.id
    assert team_list["幸福村志愿服务队"].member_count == 4
    assert team_list["文艺队"].member_count == 1


def test_without_a_village_group_the_import_makes_it_once_under_the_villages_name(setup_station):
    data = village_roster([
        ["吴大义", "男", WU, "", "村志愿服务队", ""],
        ["李秀兰", "女", LI, "", "幸福村志愿服务队", ""],
        ["单雄信", "男", SHAN, "", "抢险救灾队", ""],
    ], footer=[])
    with setup_station.db.unit_of_work(setup_station.coordinator) as uow:
        report = import_volunteers(uow, data=data)

    assert report.added == 3
    assert report.teams_made == ("幸福村志愿服务队", "抢险救灾队")
    with setup_station.db.reading(setup_station.viewer) as uow:
        team_list = {team.name: team for team in teams.list_teams(uow)}
    assert sorted(team_list) == sorted(["幸福村志愿服务队", "抢险救灾队"])
    assert (team_list["幸福村志愿服务队"].kind, team_list["幸福村志愿服务队"].member_count) == ("village", 2)


def test_the_forms_footer_and_unfilled_numbered_lines_are_passed_over_not_refused(setup_station):
    data = village_roster([
        ["吴大义", "男", WU, "13912345678", "", ""],
        ["李秀兰", "女", LI, "13800001111", "", "备注：腿脚不便，只参加村里的活动"],
        ["王小明", "男", "", "13700002222", "", ""],  # a person whose ID number was not written down
        [],                                             # numbered lines nobody filled in
        [None, "男"],
        ["", "", "", "", "", "/"],
    ], footer=[
        ["合计", "共2人"],
        [None, "制表人：李秀英", None, None, "填表日期：2026年11月29日"],
        [None, "制表人", "李秀英", None, "审核人", "王建国"],
        ["填表日期", None, None, "2026-11-29"],
        [None, "村委会（盖章）："],
        [None, "12"],
    ])
    with setup_station.db.unit_of_work(setup_station.coordinator) as uow:
        report = import_volunteers(uow, data=data)

    assert report.added == 2
    assert [problem.row for problem in report.refused] == [5]
    assert "ID number" in report.refused[0].text()
    assert report.duplicates == ()
    assert report.passed_over == 9  # three numbered lines nobody filled in, six lines of the footer


def test_a_person_whose_row_holds_a_footers_words_is_refused_not_passed_over(setup_station):
    """A note such as 联系人：… or 说明：… in a person's row is no footer: the person is looked at, and a missing
    or mistyped ID number refuses the row where the report shows it."""
    data = village_roster([
        ["吴大义", "男", WU, "13912345678", "", ""],
        ["王小明", "男", "", "13700002222", "", "联系人：王大妈"],        # no ID number, a note about whom to call
        ["刘大海", "男", "2208021990010", "", "", "说明：身份证号待补"],   # an ID number short of digits
        ["陈秀英", "女", "", "", "", "日期待定"],                         # neither ID nor phone, a note
    ], footer=[["负责人", "李秀英", None, "13800001111"]])
    data_without_serials = xlsx([
        ["姓名", "身份证号", "联系电话", "备注"],
        ["赵刚", "", "13600003333", "负责人：赵村长"],
        ["制表人：李秀英", "", "", ""],
    ])
    with setup_station.db.unit_of_work(setup_station.coordinator) as uow:
        report = import_volunteers(uow, data=data)
        plain = import_volunteers(uow, data=data_without_serials)

    assert report.added == 1
    assert [problem.row for problem in report.refused] == [4, 5, 6, 7]
    assert all("ID number" in problem.text() for problem in report.refused)
    assert report.passed_over == 0  # the footer line names a person with a phone: shown, not dropped unseen
    assert [problem.row for problem in plain.refused] == [2] and plain.passed_over == 1


def test_someone_of_the_same_name_and_phone_is_reported_as_a_file_would_have_it(station):
    with station.db.unit_of_work(station.coordinator) as uow:
        volunteers.register_volunteer(uow, form=VolunteerForm(name="吴大义", id_number=LI, phone="13912345678"))
    data = xlsx([["姓名", "身份证号", "手机号码"], ["吴大义", WU, "13912345678"]])
    with station.db.unit_of_work(station.coordinator) as uow:
        report = import_volunteers(uow, data=data)
    assert report.added == 0
    [problem] = report.duplicates
    text = problem.text()
    assert "吴大义" in text and "13912345678" in text and "not added" in text
    assert "save again" not in text  # the form's way out has no meaning in a file
