"""The households area: registering a household and its members, the notes opened only after saying why, the
status, what a household received and the paper for a visit, duplicates, categories, Excel, and the households
trained at a training."""

from __future__ import annotations

import io
import re

import openpyxl
import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from screen import click, closed, id_number, rows, save, settle

from desktop.domain.actor import SYSTEM
from desktop.services import audit, households
from desktop.services.audit import AuditFilter
from desktop.services.demo import DEMO_ACCOUNTS
from desktop.services.households import HouseholdForm, MemberForm
from ui.views import households as view_module
from ui.views.households import HouseholdsView

ADMIN, COORDINATOR, HUT_MANAGER, VIEWER = DEMO_ACCOUNTS
HEAD, GROUP, ADDRESS, PEOPLE, CATEGORIES, CAUSE, STATUS, RECHECK, PHONE, MASKED = range(10)
HEALTH = "高血压、糖尿病，每月到乡卫生院取药"  # the demo's 王桂兰


def households_view(window, qtbot) -> HouseholdsView:
    view = window.show_area("households")
    assert isinstance(view, HouseholdsView)
    settle(qtbot)
    return view


def _select(view, qtbot, head: str) -> None:
    view.search.setText(head)
    view.read_list()
    settle(qtbot)
    assert [row[HEAD] for row in rows(view)] == [head]
    view.table.selectRow(0)


def _register(context, head: str, **values):
    special = values.pop("special", None)
    with context.db.unit_of_work(context.actor) as uow:
        return households.register_household(uow, form=HouseholdForm(head_name=head, **values), special=special)


def test_a_household_is_registered_with_its_categories_and_found_by_its_initials(qtbot, admin_window):
    view = households_view(admin_window, qtbot)
    number = id_number("22080219700305122")
    dialog = view.register()
    settle(qtbot)  # the categories arrive
    dialog.head_name.setText("孙秀珍")
    dialog.id_number.setText(number)
    dialog.group_name.setText("二组")
    dialog.address.setText("向阳村二组8号")
    dialog.people.setValue(4)
    dialog.category_boxes["illness"].setChecked(True)
    dialog.category_boxes["minimum_living"].setChecked(True)
    dialog.poverty_cause.setText("丈夫重病")
    save(qtbot, dialog)
    assert closed(dialog)

    view.search.setText("sxz")
    view.read_list()
    settle(qtbot)
    [row] = rows(view)
    assert (row[HEAD], row[GROUP], row[PEOPLE]) == ("孙秀珍", "二组", "4")
    assert row[CATEGORIES] == "Poor through illness、Minimum living allowance"
    assert row[MASKED] == number[:4] + "*" * 10 + number[-4:]
    assert view.count_label.text() == "1 household"


def test_a_wrong_id_number_is_shown_at_its_field_and_nothing_typed_is_lost(qtbot, admin_window):
    view = households_view(admin_window, qtbot)
    good = id_number("22080219700305122")
    dialog = view.register()
    settle(qtbot)
    dialog.head_name.setText("孙秀珍")
    dialog.id_number.setText(good[:17] + ("0" if good[17] != "0" else "1"))
    dialog.group_name.setText("二组")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "does not add up" in dialog.message.text()
    assert dialog.id_number.property("problem") and dialog.id_number.hasFocus()
    assert (dialog.head_name.text(), dialog.group_name.text()) == ("孙秀珍", "二组")
    dialog.reject()


def test_the_notes_open_only_after_saying_why_and_the_audit_log_keeps_it(qtbot, demo_app, sign_in):
    window = sign_in(demo_app, COORDINATOR.username)
    view = households_view(window, qtbot)
    _select(view, qtbot, "王桂兰")
    view.edit_selected()
    settle(qtbot)
    dialog = view.last_dialog
    assert dialog.notes_box.isVisibleTo(dialog) and not dialog.notes_fields.isVisibleTo(dialog)
    assert HEALTH not in dialog.health.toPlainText()
    assert "Notes are recorded" in dialog.notes_hint.text()

    asking = dialog.show_notes()
    asking.reason.setCurrentText(" ")
    save(qtbot, asking)
    assert asking.isVisible() and "Say why" in asking.message.text()
    asking.reason.setCurrentText("入户走访")
    save(qtbot, asking)
    assert closed(asking)
    assert dialog.notes_fields.isVisibleTo(dialog) and dialog.health.toPlainText() == HEALTH
    dialog.disability.setPlainText("无")
    save(qtbot, dialog)
    assert closed(dialog)

    with demo_app.db.reading(SYSTEM) as uow:
        entries = audit.list_audit(uow, where=AuditFilter(action="show_sensitive"))
        household = households.search_households(uow, where=households.HouseholdFilter(text="王桂兰"))[0]
    assert [(entry.user_name, entry.entity_id, entry.details["reason"]) for entry in entries] == [
        (COORDINATOR.display_name, household.id, "入户走访")]
    with demo_app.db.unit_of_work(SYSTEM) as uow:
        opened = households.reveal_sensitive(uow, household_id=household.id, reason="核对")
    assert (opened.notes.health, opened.notes.disability) == (HEALTH, "无")


def test_the_viewer_sees_the_household_but_no_notes_and_changes_nothing(qtbot, demo_app, sign_in):
    window = sign_in(demo_app, VIEWER.username)
    view = households_view(window, qtbot)
    assert not view.register_button.isVisibleTo(view) and not view.import_button.isVisibleTo(view)
    assert not view.status_button.isVisibleTo(view) and not view.reveal_button.isVisibleTo(view)
    _select(view, qtbot, "王桂兰")
    view.edit_selected()
    settle(qtbot)
    dialog = view.last_dialog
    assert dialog.windowTitle() == "Household details"
    assert not dialog.notes_box.isVisibleTo(dialog)
    assert dialog.show_notes() is None
    assert not dialog.head_name.isEnabled()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isVisibleTo(dialog)
    assert not dialog.add_member_button.isVisibleTo(dialog)
    assert [dialog.members_model.row_object(r).name for r in range(dialog.members_model.rowCount())] == [
        "李小军", "李德顺"]
    dialog.reject()


def test_members_are_added_and_taken_off_within_the_household(qtbot, admin_window, monkeypatch):
    info = _register(admin_window.context, "孙秀珍", group_name="二组")
    view = households_view(admin_window, qtbot)
    _select(view, qtbot, "孙秀珍")
    view.edit_selected()
    settle(qtbot)
    dialog = view.last_dialog
    adding = dialog.add_member()
    adding.name.setText("孙小红")
    adding.relation.setCurrentIndex(adding.relation.findData("child"))
    adding.id_number.setText(id_number("22080220100601442"))
    save(qtbot, adding)
    assert closed(adding)
    settle(qtbot)
    assert dialog.members_model.rowCount() == 1
    assert dialog.members_model.row_object(0).birth_date == "2010-06-01"
    dialog.members_table.selectRow(0)
    monkeypatch.setattr(view_module, "confirm", lambda *args, **kwargs: True)
    click(qtbot, dialog.remove_member_button)
    assert dialog.members_model.rowCount() == 0
    with admin_window.context.db.reading(SYSTEM) as uow:
        assert households.list_household_members(uow, household_id=info.id) == []


def test_the_status_changes_from_the_day_given_and_the_list_follows(qtbot, admin_window):
    view = households_view(admin_window, qtbot)
    _select(view, qtbot, "赵德福")
    dialog = view.change_status()
    dialog.status.setCurrentIndex(dialog.status.findData("deceased"))
    dialog.on.setText("2099-01-01")
    save(qtbot, dialog)
    assert dialog.isVisible() and "in the future" in dialog.message.text()
    dialog.on.setText("2026年11月1日")
    save(qtbot, dialog)
    assert closed(dialog)
    view.search.clear()
    view.read_list()
    settle(qtbot)
    assert "赵德福" not in [row[HEAD] for row in rows(view)]  # the list shows households being helped
    view.status_filter.setCurrentIndex(view.status_filter.findData("deceased"))
    settle(qtbot)
    assert [row[HEAD] for row in rows(view)] == ["赵德福"]


def test_what_a_household_received_shows_and_prints_for_a_visit(qtbot, admin_window, monkeypatch, tmp_path):
    view = households_view(admin_window, qtbot)
    _select(view, qtbot, "王桂兰")
    timeline = view.open_timeline()
    settle(qtbot)
    shown = [[timeline.model.index(r, c).data() for c in range(5)] for r in range(timeline.model.rowCount())]
    assert [entry[1:3] for entry in shown] == [["Goods from the love hut", "大米（10斤装） 2袋、书包 3个"],
                                                ["Training", "玉米种植技术培训"]]

    target = tmp_path / "走访.pdf"
    monkeypatch.setattr("ui.printing.choose_pdf_path", lambda *args: target)
    monkeypatch.setattr("ui.printing.open_pdf", lambda path: True)
    click(qtbot, timeline.print_button)
    text = re.sub(r"\s", "", "".join(page.extract_text() for page in pypdf.PdfReader(target).pages))
    for expected in ("帮扶对象入户走访情况表", "王桂兰", "贫困妇女、因病致贫", "李小军", "玉米种植技术培训", "帮扶中",
                     "向阳村", "书包3个"):
        assert expected in text, expected
    assert HEALTH not in text and "六千元" not in text
    assert not re.search(r"\d{17}[\dX]", text)  # ID numbers only masked
    timeline.reject()


def test_two_records_of_one_household_are_merged_after_a_confirmation(qtbot, admin_window, monkeypatch):
    context = admin_window.context
    first = _register(context, "孙秀珍", group_name="二组", address="8号")
    with context.db.unit_of_work(context.actor) as uow:
        second = households.register_household(uow, form=HouseholdForm(head_name="孙秀珍", group_name="二组",
                                                                        address="8号"), allow_similar=True)
        households.add_household_member(uow, household_id=second.id, form=MemberForm(name="孙小红"))
    view = households_view(admin_window, qtbot)
    dialog = view.find_duplicates()
    settle(qtbot)
    ids = [dialog.model.row_object(row)[2].id for row in range(dialog.model.rowCount())]
    assert {first.id, second.id} <= set(ids)
    for row, household_id in enumerate(ids):
        if household_id in (first.id, second.id):
            dialog.table.selectionModel().select(
                dialog.model.index(row, 0),
                dialog.table.selectionModel().SelectionFlag.Select | dialog.table.selectionModel().SelectionFlag.Rows)
    dialog.keep.setCurrentIndex(dialog.keep.findData(first.id))
    asked: list[str] = []
    monkeypatch.setattr(view_module, "confirm", lambda parent, title, text, action: asked.append(text) or True)
    click(qtbot, dialog.merge_button)
    assert len(asked) == 1 and "cannot be undone" in asked[0]
    assert dialog.merged == 1
    dialog.close()
    settle(qtbot)
    view.search.setText("孙秀珍")
    view.read_list()
    settle(qtbot)
    assert [row[HEAD] for row in rows(view)] == ["孙秀珍"]
    with context.db.reading(SYSTEM) as uow:
        assert [m.name for m in households.get_household(uow, household_id=first.id).members] == ["孙小红"]


def test_the_admin_adds_a_category_and_the_filter_offers_it(qtbot, admin_window):
    view = households_view(admin_window, qtbot)
    dialog = view.edit_categories()
    settle(qtbot)
    dialog.name.setText("留守儿童")
    click(qtbot, dialog.add_button)
    assert "留守儿童" in [dialog.model.row_object(r).name for r in range(dialog.model.rowCount())]
    dialog.reject()
    settle(qtbot)
    assert view.category_filter.findData("liu_shou_er_tong") > 0


def test_the_coordinator_may_not_edit_the_categories(qtbot, demo_app, sign_in):
    window = sign_in(demo_app, COORDINATOR.username)
    view = households_view(window, qtbot)
    assert not view.categories_button.isVisibleTo(view)
    assert view.edit_categories() is None


def _workbook(rows_: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows_:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_import_reports_its_rows_and_the_export_leaves_the_notes_out(qtbot, admin_window, monkeypatch,
                                                                       tmp_path):
    view = households_view(admin_window, qtbot)
    source = tmp_path / "帮扶对象.xlsx"
    source.write_bytes(_workbook([
        ["户主姓名", "身份证号", "村民小组", "家庭人口", "帮扶类别"],
        ["孙秀珍", id_number("22080219700305122"), "二组", 4, "因病、低保"],
        ["周大海", "12345", "三组", 2, ""],
    ]))
    monkeypatch.setattr(view_module, "choose_import_file", lambda parent, title: source)
    click(qtbot, view.import_button)
    report = view.import_report
    assert report.summary.text().startswith("Households added from 帮扶对象.xlsx: 1. Rows refused: 1.")
    assert report.refused_model.rowCount() == 1
    report.reject()
    settle(qtbot)
    assert "孙秀珍" in [row[HEAD] for row in rows(view)]

    target = tmp_path / "out.xlsx"
    monkeypatch.setattr("ui.export.choose_xlsx_path", lambda parent, title, suggested_name: target)
    view.status_filter.setCurrentIndex(view.status_filter.findData(""))
    settle(qtbot)
    click(qtbot, view.export_button)
    sheet = openpyxl.load_workbook(target).active
    cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert cells[0][:2] == ["户主姓名", "身份证号"]
    assert {"孙秀珍", "王桂兰", "周永胜"} <= {row[0] for row in cells[1:]}
    assert HEALTH not in repr(cells)


def test_a_training_records_which_households_it_trained(qtbot, admin_window):
    context = admin_window.context
    info = _register(context, "孙秀珍", group_name="二组")
    with context.db.unit_of_work(context.actor) as uow:
        daughter = households.add_household_member(uow, household_id=info.id,
                                                   form=MemberForm(name="孙小红", relation="child"))
    view = admin_window.show_area("activities")
    settle(qtbot)
    view.period.setCurrentIndex(view.period.findData("all"))
    view.status.setCurrentIndex(view.status.findData(""))  # the demo's training is over: every activity
    settle(qtbot)
    training = next(view.model.row_object(r) for r in range(view.model.rowCount())
                    if view.model.row_object(r).kind == "training")
    assert view.select(training.id) and view.trainees_button.isEnabled()
    dialog = view.open_trainees()
    settle(qtbot)
    before = dialog.model.rowCount()
    picker = dialog.pick()
    qtbot.keyClicks(picker.search, "sxz")
    qtbot.waitUntil(lambda: not picker._debounce.isActive(), timeout=2000)
    settle(qtbot)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # one match: chosen
    settle(qtbot)
    assert closed(picker) and dialog.pick_button.text() == "孙秀珍"
    assert dialog.who.findData(daughter.id) > 0  # the head first, then the members
    dialog.who.setCurrentIndex(dialog.who.findData(daughter.id))
    click(qtbot, dialog.add_button)
    assert dialog.model.rowCount() == before + 1
    assert "孙小红" in [dialog.model.row_object(r).name for r in range(dialog.model.rowCount())]
    dialog.reject()
    with context.db.reading(SYSTEM) as uow:
        timeline = households.household_timeline(uow, household_id=info.id)
    assert [(entry.kind, entry.what, entry.by) for entry in timeline] == [("training", training.title, "孙小红")]


def test_a_cancelled_or_other_activity_records_no_households(qtbot, admin_window):
    view = admin_window.show_area("activities")
    settle(qtbot)
    other = next(view.model.row_object(r) for r in range(view.model.rowCount())
                 if view.model.row_object(r).kind != "training")
    assert view.select(other.id)
    assert not view.trainees_button.isEnabled() and view.open_trainees() is None


def test_the_full_id_number_of_the_head_is_shown_and_logged(qtbot, admin_window):
    view = households_view(admin_window, qtbot)
    _select(view, qtbot, "王桂兰")
    click(qtbot, view.reveal_button)
    box = view.last_dialog
    assert isinstance(box, QMessageBox) and re.fullmatch(r"\d{17}[\dX]", box.informativeText())
    box.close()
    with admin_window.context.db.reading(SYSTEM) as uow:
        assert audit.count_audit(uow, where=AuditFilter(action="show_id_number")) == 1
