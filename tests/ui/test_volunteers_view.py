"""The volunteers area: registering with ID checks, instant search, full ID numbers, duplicates, Excel."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton, QTableView
from screen import click, closed, id_number, register, rows, save, settle

from desktop.domain.actor import SYSTEM
from desktop.domain.id_number import check_character
from desktop.services import audit, teams, volunteers
from desktop.services.audit import AuditFilter
from desktop.services.demo import DEMO_ACCOUNTS
from desktop.services.volunteers import VolunteerForm
from ui.views import volunteers as view_module
from ui.views.volunteers import DuplicatesDialog, VolunteersView

ADMIN, COORDINATOR, HUT_MANAGER, VIEWER = DEMO_ACCOUNTS

# the list's columns, as shown
NAME, GENDER, AGE, MASKED, PHONE, POLITICAL_STATUS, TEAMS, SKILLS, HOURS, STARS, STATUS = range(11)


def id_ending_in_x() -> str:
    """A real ID number whose check character is X (born 1990-01-01 in 洮北区)."""
    for sequence in range(1000):
        first17 = f"22080219900101{sequence:03d}"
        if check_character(first17) == "X":
            return first17 + "X"
    raise AssertionError("no X check character found")


def volunteers_view(window, qtbot) -> VolunteersView:
    view = window.show_area("volunteers")
    assert isinstance(view, VolunteersView)
    settle(qtbot)  # the list is read off the screen's thread
    headings = [view.model.headerData(number, Qt.Orientation.Horizontal) for number in range(view.model.columnCount())]
    assert [headings[number] for number in (NAME, MASKED, PHONE, TEAMS, SKILLS)] == [
        "Name", "ID number", "Phone", "Teams", "Skills"]
    return view


def test_registering_with_a_lower_case_x_reads_gender_and_birth_date_and_lists_the_masked_number(
        qtbot, admin_window):
    view = volunteers_view(admin_window, qtbot)
    number = id_ending_in_x()
    dialog = view.register()
    dialog.name.setText("吴大义")
    qtbot.keyClicks(dialog.id_number, number.lower())
    assert "born 1990-01-01" in dialog.derived.text()
    assert ("Male" if int(number[16]) % 2 else "Female") in dialog.derived.text()
    dialog.phone.setText("13804361234")
    dialog.registered_on.setText("2026年11月1日")
    saved = []
    dialog.accepted.connect(lambda: saved.append(dialog.saved))  # read before the dialog goes
    save(qtbot, dialog)

    assert closed(dialog)
    listed = [row for row in rows(view) if row[NAME] == "吴大义"]
    assert len(listed) == 1
    assert listed[0][MASKED] == number[:4] + "*" * 10 + number[-4:]
    assert listed[0][MASKED].endswith("X")
    assert listed[0][PHONE] == "13804361234"
    assert saved and saved[0] is not None and saved[0].registered_on == "2026-11-01"
    assert view.selected().id == saved[0].id
    assert view.count_label.text().startswith(f"{len(rows(view))} volunteer")


def test_a_bad_check_digit_is_shown_at_the_id_field_and_nothing_typed_is_lost(qtbot, admin_window, message_boxes):
    view = volunteers_view(admin_window, qtbot)
    good = id_number("22080219850615201")
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    dialog = view.register()
    dialog.name.setText("赵春花")
    dialog.id_number.setText(bad)
    dialog.phone.setText("13904361111")
    dialog.skills.setText("剪纸")
    assert "read from a valid ID number" in dialog.derived.text()
    save(qtbot, dialog)

    assert dialog.isVisible()
    assert "does not add up" in dialog.message.text()
    assert dialog.id_number.property("problem") is True
    assert not dialog.name.property("problem")
    assert dialog.id_number.text() == bad
    assert (dialog.name.text(), dialog.phone.text(), dialog.skills.text()) == ("赵春花", "13904361111", "剪纸")
    assert not message_boxes()
    assert "赵春花" not in [row[NAME] for row in rows(view)]
    dialog.reject()


def test_typing_initials_finds_only_that_person(qtbot, admin_window):
    context = admin_window.context
    register(context, "吴大义", "22080219700304001", "13804360001")
    register(context, "王小明", "22080219800304002", "13804360002")
    register(context, "吴德", "22080219900304003", "13804360003")
    view = volunteers_view(admin_window, qtbot)
    assert {"吴大义", "王小明", "吴德"} <= {row[NAME] for row in rows(view)}

    qtbot.keyClicks(view.search, "wdy")
    qtbot.waitUntil(lambda: [row[NAME] for row in rows(view)] == ["吴大义"], timeout=2000)
    settle(qtbot)
    assert [row[NAME] for row in rows(view)] == ["吴大义"]
    assert view.count_label.text() == "1 volunteer"

    view.search.clear()
    qtbot.keyClicks(view.search, "0002")
    qtbot.waitUntil(lambda: [row[NAME] for row in rows(view)] == ["王小明"], timeout=2000)
    settle(qtbot)
    assert [row[NAME] for row in rows(view)] == ["王小明"]


def test_the_team_filter_lists_teams_started_since_and_shows_only_their_members(qtbot, admin_window):
    context = admin_window.context
    wu = register(context, "吴大义", "22080219700304001", "13804360001")
    register(context, "王小明", "22080219800304002", "13804360002")
    view = volunteers_view(admin_window, qtbot)
    with context.db.unit_of_work(context.actor) as uow:
        team = teams.create_team(uow, name="抢险救灾服务队", kind="rescue")
        teams.add_member(uow, team_id=team.id, volunteer_id=wu.id)
    settle(qtbot)
    view.team_filter.showPopup()  # the teams are read as the list drops down
    settle(qtbot)
    view.team_filter.hidePopup()
    view.team_filter.setCurrentIndex(view.team_filter.findText("抢险救灾服务队"))
    settle(qtbot)
    assert [row[NAME] for row in rows(view)] == ["吴大义"]
    assert rows(view)[0][TEAMS] == "抢险救灾服务队"
    assert view.count_label.text() == "1 volunteer"


def test_the_coordinator_sees_a_full_id_number_and_it_is_logged_the_viewer_has_no_such_button(
        qtbot, demo_app, sign_in):
    number = id_number("22080219650203301")
    with demo_app.db.unit_of_work(SYSTEM) as uow:
        volunteers.register_volunteer(uow, form=VolunteerForm(name="孙立平", id_number=number))
    window = sign_in(demo_app, COORDINATOR.username)
    view = volunteers_view(window, qtbot)
    reveal = view.findChild(QPushButton, "showFullId")
    assert reveal is not None and reveal.isVisible()
    assert number not in str(rows(view))
    view.table.selectRow([row[NAME] for row in rows(view)].index("孙立平"))
    click(qtbot, reveal)
    box = view.findChild(QMessageBox, "fullIdDialog")
    assert box is not None and box.isVisible()
    assert box.informativeText() == number
    box.close()
    with demo_app.db.reading(SYSTEM) as uow:
        logged = audit.list_audit(uow, where=AuditFilter(action="show_id_number"))
    assert [entry.user_name for entry in logged] == [COORDINATOR.display_name]

    demo_app.switch_user()
    window = sign_in(demo_app, VIEWER.username)
    view = volunteers_view(window, qtbot)
    assert view.findChild(QPushButton, "showFullId") is None
    assert not view.register_button.isVisible()
    assert "孙立平" in [row[NAME] for row in rows(view)]
    view.table.selectRow([row[NAME] for row in rows(view)].index("孙立平"))
    view.edit_selected()  # reads the volunteer, then opens the dialog
    settle(qtbot)
    details = view.last_dialog
    assert details.windowTitle() == "Volunteer details" and details.name.text() == "孙立平"
    assert details.name.isReadOnly() and details.name.isEnabled()  # read as text, not greyed out
    assert details.phone.isReadOnly() and not details.political_status.isEnabled()
    assert [button.text() for button in details.buttons.buttons()] == ["Close"]  # nothing to save or cancel
    click(qtbot, details.buttons.button(QDialogButtonBox.StandardButton.Close))
    assert closed(details)
    duplicates = view.find_duplicates()  # the viewer may look for duplicates, not choose what to keep
    settle(qtbot)
    assert not duplicates.keep.isVisibleTo(duplicates) and not duplicates.merge_button.isVisibleTo(duplicates)
    duplicates.close()


def test_two_records_of_one_person_are_merged_after_a_confirmation(qtbot, admin_window, monkeypatch):
    context = admin_window.context
    first = register(context, "钱玉兰", "22080219720808402", "13604360404")
    second = register(context, "钱玉兰", "22080219720808410", "13604360404",
                      allow_similar=True)
    view = volunteers_view(admin_window, qtbot)
    dialog = view.find_duplicates()
    assert isinstance(dialog, DuplicatesDialog)
    settle(qtbot)
    table_rows = [dialog.model.row_object(row)[2].id for row in range(dialog.model.rowCount())]
    assert {first.id, second.id} <= set(table_rows)
    for row, volunteer_id in enumerate(table_rows):
        if volunteer_id in (first.id, second.id):
            dialog.table.selectionModel().select(
                dialog.model.index(row, 0),
                dialog.table.selectionModel().SelectionFlag.Select | dialog.table.selectionModel().SelectionFlag.Rows)
    assert dialog.merge_button.isEnabled() and dialog.keep.isVisibleTo(dialog)
    dialog.keep.setCurrentIndex(dialog.keep.findData(first.id))
    asked: list[str] = []
    monkeypatch.setattr(view_module, "confirm", lambda parent, title, text, action: asked.append(text) or True)
    click(qtbot, dialog.merge_button)

    assert len(asked) == 1
    assert first.id_masked in asked[0] and second.id_masked in asked[0]
    assert "cannot be undone" in asked[0]
    assert "Their ID numbers are different" in asked[0]  # alike by name and phone only: maybe two people
    assert dialog.model.rowCount() == 0
    assert dialog.empty_label.isVisible()
    dialog.close()
    assert [row[NAME] for row in rows(view)].count("钱玉兰") == 1
    with context.db.reading(context.actor) as uow:
        assert volunteers.get_volunteer(uow, volunteer_id=second.id).merged_into == first.id


def test_declining_the_merge_changes_nothing(qtbot, admin_window, monkeypatch):
    context = admin_window.context
    register(context, "周海", "22080219600101501", "13704360505")
    register(context, "周海", "22080219600101528", "13704360505", allow_similar=True)
    view = volunteers_view(admin_window, qtbot)
    dialog = view.find_duplicates()
    settle(qtbot)
    dialog.table.selectAll()
    assert dialog.model.rowCount() == 2
    assert dialog.merge_button.isEnabled()
    asked: list[str] = []

    def decline(parent, title, text, *, action) -> bool:
        asked.append(text)
        return False

    monkeypatch.setattr(view_module, "confirm", decline)
    click(qtbot, dialog.merge_button)
    assert len(asked) == 1 and "周海" in asked[0]
    assert dialog.model.rowCount() == 2
    assert dialog.merged == 0
    dialog.close()
    assert [row[NAME] for row in rows(view)].count("周海") == 2


def _messy_workbook(path: Path, rows_: list[list[object]]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["志愿者花名册"])
    sheet.append([" 姓 名 ", "身份证号码", "联系电话", "特长", "所属队伍"])
    for row in rows_:
        sheet.append(row)
    book.save(path)


def test_importing_a_messy_workbook_reports_what_was_added_and_refused(qtbot, admin_window, monkeypatch, tmp_path):
    context = admin_window.context
    existing = id_number("22080219880808601")
    register(context, "冯桂芝", existing, "13504360606")
    good = id_ending_in_x()
    bad = id_number("22080219910202702")[:17] + "9"
    if bad == id_number("22080219910202702"):
        bad = bad[:17] + "8"
    source = tmp_path / "花名册.xlsx"
    _messy_workbook(source, [
        ["何建军", good.lower(), "138 0436 7777", "驾驶", "医疗卫生服务队"],
        ["", "", "", "", ""],
        ["韩梅", bad, "13904368888", "", ""],
        ["冯桂芝", existing, "13504360606", "", ""],
        ["许 芳", id_number("22080219950505802"), "13604369999", "舞蹈", ""],
    ])
    monkeypatch.setattr(view_module, "choose_import_file", lambda parent, title: source)
    view = volunteers_view(admin_window, qtbot)
    click(qtbot, view.import_button)
    qtbot.waitUntil(lambda: getattr(view, "import_report", None) is not None, timeout=10000)

    report = view.import_report
    assert report.isVisible()
    assert report.summary.text().startswith("Volunteers added from ") and ": 2." in report.summary.text()
    assert report.refused_model.rowCount() == 1
    assert report.refused_model.index(0, 0).data() == "5"
    assert "does not add up" in report.refused_model.index(0, 1).data()
    assert report.duplicates_model.rowCount() == 1
    assert report.duplicates_model.index(0, 0).data() == "6"
    names = [row[NAME] for row in rows(view)]
    assert "何建军" in names and "韩梅" not in names

    saved = tmp_path / "report.txt"
    monkeypatch.setattr(view_module, "choose_report_path", lambda parent, title, suggested: saved)
    click(qtbot, report.save_button)
    text = saved.read_text(encoding="utf-8")
    assert "Row 5:" in text and "does not add up" in text and "Row 6:" in text
    report.close()


def test_export_writes_a_workbook_with_the_headers_import_reads_and_masked_numbers(
        qtbot, admin_window, monkeypatch, tmp_path):
    context = admin_window.context
    number = id_number("22080219770707901")
    register(context, "陈志强", number, "13804362222")
    target = tmp_path / "out.xlsx"
    monkeypatch.setattr("ui.export.choose_xlsx_path", lambda parent, title, suggested_name: target)
    view = volunteers_view(admin_window, qtbot)
    click(qtbot, view.export_button)
    qtbot.waitUntil(lambda: not context.runner.busy(), timeout=10000)

    sheet = openpyxl.load_workbook(io.BytesIO(target.read_bytes())).active
    values = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert list(values[0][:4]) == ["姓名", "性别", "身份证号", "电话"]
    mine = [row for row in values if row[0] == "陈志强"]
    assert len(mine) == 1
    assert number not in [str(cell) for cell in mine[0]]
    assert number[:4] + "*" * 10 + number[-4:] in mine[0]


def test_a_sync_that_brings_volunteers_refreshes_the_list_and_keeps_the_search_text(qtbot, admin_window):
    context = admin_window.context
    register(context, "吴德", "22080219900304003", "13804360003")
    register(context, "王小明", "22080219800304002", "13804360002")
    view = volunteers_view(admin_window, qtbot)
    qtbot.keyClicks(view.search, "wu")
    qtbot.waitUntil(lambda: not view._debounce.isActive(), timeout=2000)
    settle(qtbot)
    before = sorted(row[NAME] for row in rows(view))
    assert "吴德" in before and "王小明" not in before  # the search is what the list shows
    register(context, "吴国庆", "22080219660606061", "13904360606")
    register(context, "王国庆", "22080219660606088", "13904360608")  # a sync brings one match and one other
    settle(qtbot)  # each commit announces the volunteers table, as a sync applying a pulled page does
    assert view.search.text() == "wu"
    assert sorted(row[NAME] for row in rows(view)) == sorted([*before, "吴国庆"])
    assert view.count_label.text() == f"{len(before) + 1} volunteers"


def test_enter_on_the_list_opens_the_volunteer_and_a_change_keeps_the_stored_id_number(qtbot, admin_window):
    context = admin_window.context
    number = id_number("22080219580505051")
    info = register(context, "褚志明", number, "13704365555")
    view = volunteers_view(admin_window, qtbot)
    qtbot.keyClicks(view.search, "czm")
    qtbot.waitUntil(lambda: [row[NAME] for row in rows(view)] == ["褚志明"], timeout=2000)
    settle(qtbot)
    qtbot.keyClick(view.search, Qt.Key.Key_Down)  # from the search box into the list
    assert [index.row() for index in view.table.selectionModel().selectedRows()] == [0]
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    settle(qtbot)  # the volunteer is read, then the dialog opens
    dialog = admin_window.findChild(view_module.VolunteerDialog) or view.findChild(view_module.VolunteerDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.id_number.text() == info.id_masked
    assert "born 1958-05-05" in dialog.derived.text()
    assert "0 h in all" in dialog.service_label.text()
    dialog.skills.setText("木工")
    save(qtbot, dialog)
    assert closed(dialog)
    with context.db.unit_of_work(context.actor) as uow:
        assert volunteers.reveal_id_number(uow, volunteer_id=info.id) == number
        assert volunteers.get_volunteer(uow, volunteer_id=info.id).skills == "木工"
    assert rows(view)[0][SKILLS] == "木工"


def test_an_edit_that_makes_a_record_look_like_another_asks_once_and_saves(qtbot, admin_window, monkeypatch):
    context = admin_window.context
    register(context, "韩立新", "22080219700707070", "13904367777")
    other = register(context, "韩立", "22080219710808080", "13904368888")
    view = volunteers_view(admin_window, qtbot)
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(view_module, "confirm",
                        lambda parent, title, text, action: asked.append((text, action)) or True)
    view.search.setText("韩立")
    qtbot.waitUntil(lambda: not view._debounce.isActive(), timeout=2000)
    settle(qtbot)
    view.table.selectRow([row[NAME] for row in rows(view)].index("韩立"))
    view.edit_selected()
    settle(qtbot)
    dialog = view.last_dialog
    assert dialog.windowTitle() == "Change volunteer" and dialog.team is None  # an edit, not a registration
    dialog.name.setText("韩立新")  # now the same name and phone as the other record
    dialog.phone.setText("13904367777")
    save(qtbot, dialog)
    assert len(asked) == 1, "the question is asked once, not again after the answer"
    assert "Save anyway" in asked[0][1] and "Register" not in asked[0][0] + asked[0][1]
    assert closed(dialog)
    with context.db.reading(context.actor) as uow:
        saved = volunteers.get_volunteer(uow, volunteer_id=other.id)
    assert (saved.name, saved.phone) == ("韩立新", "13904367777")


def test_an_edit_declined_as_a_possible_duplicate_speaks_of_saving_the_change_not_registering(
        qtbot, admin_window, monkeypatch):
    context = admin_window.context
    register(context, "韩立新", "22080219700707070", "13904367777")
    other = register(context, "韩立", "22080219710808080", "13904368888")
    view = volunteers_view(admin_window, qtbot)
    monkeypatch.setattr(view_module, "confirm", lambda *args, **kwargs: False)  # "it may be the same person"
    view.search.setText("韩立")
    qtbot.waitUntil(lambda: not view._debounce.isActive(), timeout=2000)
    settle(qtbot)
    view.table.selectRow([row[NAME] for row in rows(view)].index("韩立"))
    view.edit_selected()
    settle(qtbot)
    dialog = view.last_dialog
    dialog.name.setText("韩立新")
    dialog.phone.setText("13904367777")
    save(qtbot, dialog)

    assert dialog.isVisible() and dialog.name.text() == "韩立新"  # nothing typed is lost
    message = dialog.message.text()
    assert "韩立新" in message and "13904367777" in message
    assert "save again to keep your change" in message and "register" not in message.lower()
    with context.db.reading(context.actor) as uow:
        assert volunteers.get_volunteer(uow, volunteer_id=other.id).name == "韩立"
    dialog.reject()

    # Registering someone new still speaks of registering.
    dialog = view.register()
    settle(qtbot)
    dialog.name.setText("韩立新")
    dialog.id_number.setText(id_number("22080219720909090"))
    dialog.phone.setText("13904367777")
    save(qtbot, dialog)
    assert "save again to register them anyway" in dialog.message.text()
    dialog.reject()


def test_the_import_report_names_a_team_it_made_and_shows_a_long_reason_whole(
        qtbot, admin_window, monkeypatch, tmp_path):
    lost = id_number("22080219780808905")
    source = tmp_path / "向阳村花名册.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["向阳村志愿者花名册"])
    sheet.append(["序号", "姓名", "身份证号码", "联系电话", "所属队伍"])
    sheet.append([1, "何建军", id_number("22080219800101701"), "13804367777", "村志愿服务队、秧歌队"])
    sheet.append([2, "赵刚", float(lost), "", "村志愿服务队"])  # Excel kept only 15 digits of it
    sheet.append([3])
    sheet.append(["合计", "共2人"])
    sheet.append([None, "制表人：李秀英", None, "填表日期：2026年11月29日"])
    book.save(source)
    monkeypatch.setattr(view_module, "choose_import_file", lambda parent, title: source)
    view = volunteers_view(admin_window, qtbot)
    click(qtbot, view.import_button)
    qtbot.waitUntil(lambda: getattr(view, "import_report", None) is not None, timeout=10000)

    report = view.import_report
    assert report.summary.text().startswith("Volunteers added from ") and "Rows refused: 1." in report.summary.text()
    assert ": 1. Rows refused" in report.summary.text()
    assert report.passed_over.isVisible() and report.passed_over.text().startswith("3 lines were passed over")
    assert report.passed_over.text() in report.report_text()
    assert report.teams_made.isVisible() and "秧歌队" in report.teams_made.text()
    assert "村志愿服务队" not in report.teams_made.text()
    table = report.findChild(QTableView, "refusedTable")
    index = report.refused_model.index(0, 1)
    reason = index.data()
    assert "15 digits" in reason
    cell = table.visualRect(index)
    lines = table.fontMetrics().boundingRect(QRect(0, 0, cell.width() - 8, 10_000), Qt.TextFlag.TextWordWrap, reason)
    assert lines.height() > table.fontMetrics().lineSpacing(), "the reason is longer than a line"
    assert cell.height() >= lines.height(), "every line of the reason is shown"
    report.close()


def test_a_wrong_id_number_is_shown_when_the_field_is_left_and_goes_once_it_is_right(qtbot, admin_window):
    view = volunteers_view(admin_window, qtbot)
    good = id_number("22080219850615201")
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    dialog = view.register()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)  # typed keys go to it
    dialog.name.setText("赵春花")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.id_number, bad)
    assert not dialog.message.isVisible(), "nothing is said while the number is being typed"
    qtbot.keyClick(dialog.id_number, Qt.Key.Key_Tab)  # on to the phone

    assert dialog.message.isVisible() and "does not add up" in dialog.message.text()
    assert dialog.id_number.property("problem") is True
    assert dialog.phone.hasFocus(), "the person goes on to the next field"
    qtbot.keyClicks(dialog.phone, "13904361111")
    assert dialog.message.isVisible(), "the problem stays until the number is right"

    dialog.id_number.setFocus()
    qtbot.keyClick(dialog.id_number, Qt.Key.Key_Backspace)
    assert dialog.message.isVisible()
    qtbot.keyClicks(dialog.id_number, good[17])
    assert not dialog.message.isVisible(), "the problem goes as soon as the number is right"
    assert not dialog.id_number.property("problem")
    assert (dialog.name.text(), dialog.id_number.text(), dialog.phone.text()) == ("赵春花", good, "13904361111")
    dialog.reject()


def test_a_new_volunteer_joins_the_team_chosen_on_the_registration_form(qtbot, admin_window):
    context = admin_window.context
    with context.db.unit_of_work(context.actor) as uow:
        team = teams.create_team(uow, name="送教下乡服务队", kind="teaching")
    view = volunteers_view(admin_window, qtbot)
    dialog = view.register()
    settle(qtbot)  # the teams are read as the form opens
    choices = [dialog.team.itemText(number) for number in range(dialog.team.count())]
    assert choices[0] == "No team" and "送教下乡服务队" in choices and "向阳村志愿服务队" in choices
    dialog.name.setText("田秀梅")
    dialog.id_number.setText(id_number("22080219920303402"))
    dialog.team.setCurrentIndex(dialog.team.findData(team.id))
    save(qtbot, dialog)

    assert closed(dialog)
    assert [row[TEAMS] for row in rows(view) if row[NAME] == "田秀梅"] == ["送教下乡服务队"]
    with context.db.reading(context.actor) as uow:
        members = teams.list_members(uow, team_id=team.id)
    assert [member.name for member in members] == ["田秀梅"]


def test_someone_registered_as_left_with_a_team_is_refused_at_the_team_and_nothing_is_saved(qtbot, admin_window):
    context = admin_window.context
    view = volunteers_view(admin_window, qtbot)
    dialog = view.register()
    settle(qtbot)
    dialog.name.setText("田秀梅")
    dialog.id_number.setText(id_number("22080219920303402"))
    dialog.status.setCurrentIndex(dialog.status.findData("left"))
    dialog.team.setCurrentIndex(1)
    save(qtbot, dialog)

    assert dialog.isVisible()
    assert "joins no team" in dialog.message.text()
    assert dialog.team.property("problem") is True
    with context.db.reading(context.actor) as uow:
        assert volunteers.search_volunteers(uow, text="田秀梅", statuses=volunteers.ALL_STATUSES) == []
    dialog.reject()
