"""The sponsorships area (认领认捐): the list with what is overdue and its filters, pairing a household that waits
for a sponsor, visits and hand-overs, a note answering a wrong entry, pausing and ending, the sponsors, the
coverage with its chart, and the township's report on paper and in Excel."""

from __future__ import annotations

import io

import openpyxl
import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from screen import click, closed, rows, save, settle

from desktop.services import sponsorships, volunteers
from desktop.services.demo import DEMO_ACCOUNTS
from ui.views.sponsorships import SponsorshipsView

ADMIN, COORDINATOR, HUT_MANAGER, VIEWER = DEMO_ACCOUNTS
HOUSEHOLD, GROUP, PROJECT, SPONSOR, PLEDGE, START, UNTIL, STATUS, LAST_VISIT, HANDOVERS = range(10)


def sponsorships_view(window, qtbot) -> SponsorshipsView:
    view = window.show_area("sponsorships")
    assert isinstance(view, SponsorshipsView)
    settle(qtbot)
    return view


def _select(view, qtbot, head: str) -> None:
    heads = [row[HOUSEHOLD] for row in rows(view)]
    view.table.selectRow(heads.index(head))
    settle(qtbot)


def _tab(view, qtbot, page) -> None:
    view.tabs.setCurrentWidget(page)
    settle(qtbot)


def test_the_list_shows_each_sponsorship_with_its_last_visit_and_marks_the_overdue(qtbot, admin_window):
    view = sponsorships_view(admin_window, qtbot)
    shown = {row[HOUSEHOLD]: row for row in rows(view)}
    assert set(shown) == {"曾秀英", "刘凤霞"}  # the demo's two
    assert shown["刘凤霞"][LAST_VISIT].endswith("⚠") and not shown["曾秀英"][LAST_VISIT].endswith("⚠")
    assert shown["曾秀英"][HANDOVERS] == "6 of 6" and shown["曾秀英"][PLEDGE] == "Money: ¥1,200"
    assert view.count_label.text() == "2 sponsorships  ⚠ 1 overdue for a visit or a hand-over"
    view.overdue_filter.setChecked(True)
    settle(qtbot)
    assert [row[HOUSEHOLD] for row in rows(view)] == ["刘凤霞"]
    view.overdue_filter.setChecked(False)
    view.project_filter.setCurrentIndex(view.project_filter.findData("illness"))
    settle(qtbot)
    assert [row[HOUSEHOLD] for row in rows(view)] == ["曾秀英"]


def test_a_visit_recorded_takes_a_sponsorship_off_the_overdue(qtbot, admin_window):
    view = sponsorships_view(admin_window, qtbot)
    _select(view, qtbot, "刘凤霞")
    assert view.visit_button.isEnabled()
    dialog = view.record("visit")
    dialog.what.setPlainText("入户走访，孩子功课有进步")
    save(qtbot, dialog)
    assert closed(dialog)
    settle(qtbot)
    row = next(row for row in rows(view) if row[HOUSEHOLD] == "刘凤霞")
    assert not row[LAST_VISIT].endswith("⚠")
    assert view.count_label.text() == "2 sponsorships"
    assert view.selected().head_name == "刘凤霞"  # the sponsorship just visited stays chosen


def test_a_hand_over_without_its_amount_is_refused_at_its_field_and_nothing_typed_is_lost(qtbot, admin_window):
    view = sponsorships_view(admin_window, qtbot)
    _select(view, qtbot, "曾秀英")
    dialog = view.record("handover")
    dialog.amount.setValue(0)
    dialog.what.setPlainText("十二月生活补助")
    save(qtbot, dialog)
    assert not closed(dialog)
    assert dialog.message.isVisible() and "amount" in dialog.message.text()
    assert dialog.amount.property("problem") and dialog.what.toPlainText() == "十二月生活补助"
    dialog.amount.setValue(100)
    save(qtbot, dialog)
    assert closed(dialog)


def test_a_wrong_entry_is_answered_by_a_note_in_the_log(qtbot, admin_window):
    view = sponsorships_view(admin_window, qtbot)
    _select(view, qtbot, "曾秀英")
    log = view.open_log()
    settle(qtbot)
    entries = [log.model.row_object(row) for row in range(log.model.rowCount())]
    visit = next(index for index, entry in enumerate(entries) if entry.kind == "visit")
    log.table.selectRow(visit)
    dialog = log.add_note()
    assert dialog.findChild(QLabel, "answers").text().startswith("About the Visit of")
    dialog.what.setPlainText("走访日期记错了，应为前一天")
    save(qtbot, dialog)
    assert closed(dialog)
    settle(qtbot)
    shown = [[log.model.index(row, column).data() for column in range(6)] for row in range(log.model.rowCount())]
    assert shown[0][1:3] == ["Note", "走访日期记错了，应为前一天"] and shown[0][5].startswith("On the Visit of")
    answered = [row for row in shown if row[5] == "See the note"]
    assert len(answered) == 2  # the demo's wrong hand-over, and the visit just answered
    # Nothing in the log changes an entry: its buttons add a note, export and close.
    assert sorted(button.objectName() for button in log.findChildren(QPushButton)) == ["", "addNote", "exportLog"]


def test_a_household_waiting_is_paired_and_ending_its_sponsorship_brings_it_back(qtbot, admin_window):
    view = sponsorships_view(admin_window, qtbot)
    _tab(view, qtbot, view.waiting)
    waiting = [view.waiting.model.row_object(row) for row in range(view.waiting.model.rowCount())]
    view.waiting.table.selectRow(next(index for index, row in enumerate(waiting) if row.head_name == "陈宝山"))
    dialog = view.waiting.pair_selected()
    settle(qtbot)  # the sponsors arrive
    assert dialog.pick_household_button.text() == "陈宝山" and dialog.project.currentData() == "disability"
    dialog.sponsor.setCurrentIndex(dialog.sponsor.findText("孙立新", Qt.MatchFlag.MatchStartsWith))
    dialog.pledge_kind.setCurrentIndex(dialog.pledge_kind.findData("goods"))
    dialog.pledge.setText("每月一袋米、一桶油")
    save(qtbot, dialog)
    assert closed(dialog)
    settle(qtbot)
    assert view.tabs.currentWidget() is view.list_box
    assert view.selected().head_name == "陈宝山" and view.selected().sponsor_name == "孙立新"
    _tab(view, qtbot, view.waiting)
    waiting = {view.waiting.model.row_object(row).head_name for row in range(view.waiting.model.rowCount())}
    assert "陈宝山" not in waiting

    _tab(view, qtbot, view.list_box)
    _select(view, qtbot, "陈宝山")
    dialog = view.change_status()
    dialog.status.setCurrentIndex(dialog.status.findData("ended"))
    save(qtbot, dialog)
    assert not closed(dialog) and dialog.reason.property("problem")  # ending needs a reason
    dialog.reason.setText("认领人搬到外地")
    save(qtbot, dialog)
    assert closed(dialog)
    settle(qtbot)
    assert "陈宝山" not in {row[HOUSEHOLD] for row in rows(view)}  # the list shows active and paused ones
    view.status_filter.setCurrentIndex(view.status_filter.findData("ended"))
    settle(qtbot)
    assert [(row[HOUSEHOLD], row[STATUS].split(" ")[0]) for row in rows(view)] == [("陈宝山", "Ended")]
    _tab(view, qtbot, view.waiting)
    back = [[view.waiting.model.index(row, column).data() for column in range(6)]
            for row in range(view.waiting.model.rowCount())]
    assert [(row[4], row[5][:9]) for row in back if row[0] == "陈宝山"] == [
        ("Families poor through disability", "Ended on ")]


def test_a_sponsor_is_added_and_a_second_one_of_the_same_name_is_refused(qtbot, admin_window):
    view = sponsorships_view(admin_window, qtbot)
    _tab(view, qtbot, view.sponsors)
    before = view.sponsors.model.rowCount()
    dialog = view.sponsors.add()
    dialog.name.setText("白城市爱心社")
    dialog.contact.setText("0436-3219999")
    save(qtbot, dialog)
    assert closed(dialog)
    settle(qtbot)
    assert view.sponsors.model.rowCount() == before + 1
    dialog = view.sponsors.add()
    dialog.name.setText("白城市 爱心社")
    dialog.contact.setText("13904360000")
    save(qtbot, dialog)
    assert not closed(dialog) and "already" in dialog.message.text()
    assert dialog.contact.text() == "13904360000"
    dialog.reject()

    # A volunteer of the village sponsors under the volunteer's own name, chosen from the volunteers.
    with admin_window.context.db.reading(admin_window.context.actor) as uow:
        volunteer = volunteers.search_volunteers(uow, text="", limit=5)[-1]
    dialog = view.sponsors.add()
    dialog.kind.setCurrentIndex(dialog.kind.findData("volunteer"))
    assert dialog.pick_volunteer_button.isVisibleTo(dialog) and not dialog.name.isVisibleTo(dialog)
    save(qtbot, dialog)
    assert not closed(dialog) and dialog.pick_volunteer_button.property("problem")  # none chosen yet
    picker = dialog.pick_volunteer()
    settle(qtbot)
    picker.reject()
    dialog.set_volunteer(volunteer.id, volunteer.name)  # as the picker does when one is chosen
    save(qtbot, dialog)
    assert closed(dialog)
    settle(qtbot)
    added = [view.sponsors.model.row_object(row) for row in range(view.sponsors.model.rowCount())]
    assert [(row.name, row.kind, row.contact) for row in added if row.volunteer_id == volunteer.id] == [
        (volunteer.name, "volunteer", volunteer.phone)]


def test_coverage_shows_each_project_with_its_chart_and_the_report_prints_and_exports(qtbot, admin_window,
                                                                                    monkeypatch, tmp_path):
    view = sponsorships_view(admin_window, qtbot)
    _tab(view, qtbot, view.coverage)
    shown = [[view.coverage.model.index(row, column).data() for column in range(5)]
             for row in range(view.coverage.model.rowCount())]
    assert shown == [["Poor women", "2", "0", "2", "100"], ["Families poor through schooling", "1", "1", "0", "100"],
                     ["Families poor through disability", "1", "0", "1", "100"],
                     ["Families poor through illness", "2", "1", "1", "100"]]
    bars = [(bar.label, *bar.values) for bar in view.coverage.chart.bars]
    assert bars == [("Poor women", 0, 2), ("Families poor through schooling", 1, 0),
                                        ("Families poor through disability", 0, 1),
                                        ("Families poor through illness", 1, 1)]
    assert view.coverage.posts.text() == "Lei Feng posts at the village: 1 (the city's target: 100)."

    paper, workbook = tmp_path / "report.pdf", tmp_path / "report.xlsx"
    monkeypatch.setattr("ui.printing.choose_pdf_path", lambda *args: paper)
    monkeypatch.setattr("ui.printing.open_pdf", lambda path: True)
    monkeypatch.setattr("ui.export.choose_xlsx_path", lambda parent, title, suggested_name: workbook)
    click(qtbot, view.coverage.print_button)
    text = "".join("".join(page.extract_text().split()) for page in pypdf.PdfReader(paper).pages)
    assert "认领认捐" in text and "刘凤霞" in text and "实际交付100元" in text  # the note on the wrong hand-over
    click(qtbot, view.coverage.excel_button)
    book = openpyxl.load_workbook(io.BytesIO(workbook.read_bytes()))
    assert book.sheetnames == ["Coverage", "Overdue", "Hand-overs"]
    assert [cell.value for cell in book["Overdue"][2]][:2] == ["刘凤霞", "三组"]
    assert book["Hand-overs"].max_row == 1 + 7  # six monthly ones and the tutor's books


def test_the_days_before_a_visit_is_overdue_is_a_setting(qtbot, admin_window):
    settings = admin_window.show_area("settings")
    settle(qtbot)
    settings.programme.visit_days.setValue(200)
    click(qtbot, settings.programme.save_button)
    view = sponsorships_view(admin_window, qtbot)
    assert view.count_label.text() == "2 sponsorships"  # 刘凤霞's last visit, 120 days ago, is not overdue now
    with admin_window.context.db.reading(admin_window.context.actor) as uow:
        assert sponsorships.list_sponsorships(uow, where=sponsorships.SponsorshipFilter(overdue=True)) == []


def test_the_viewer_looks_at_sponsorships_and_changes_nothing(qtbot, demo_app, sign_in):
    window = sign_in(demo_app, VIEWER.username)
    view = sponsorships_view(window, qtbot)
    _select(view, qtbot, "曾秀英")
    assert view.log_button.isEnabled()
    for button in (view.pair_button, view.visit_button, view.handover_button, view.pledge_button,
                   view.status_button):
        assert not button.isVisibleTo(view)
    log = view.open_log()
    settle(qtbot)
    assert not log.note_button.isVisibleTo(log) and log.model.rowCount() > 0
