"""The activities area: plan through the dialog, roster and sign-in, close to record hours."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QStyle, QStyleOptionComboBox
from screen import click as _click
from screen import closed as _closed
from screen import column as _column
from screen import register, settle
from screen import save as _save

from desktop.domain.volunteering import fridays
from desktop.services import teams
from desktop.services.demo import DEMO_ACCOUNTS
from ui.views.activities import ActivitiesView, ActivityDialog, RosterDialog, VolunteerDaysDialog
from ui.views.hours import HoursView

ADMIN, COORDINATOR, HUT_MANAGER, VIEWER = DEMO_ACCOUNTS


@pytest.fixture
def view(qtbot, context):
    view = ActivitiesView(context)
    qtbot.addWidget(view)
    view.show()
    view.period.setCurrentIndex(view.period.findData("all"))
    view.status.setCurrentIndex(view.status.findData(""))  # every activity, whatever its status
    settle(qtbot)
    return view


def _row_of(view, title: str) -> int:
    return _column(view, 3).index(title)


def test_plan_sign_in_and_close_credits_only_who_came(qtbot, context, view, monkeypatch):
    wu = register(context, "吴建华", "22080219900101123", "13804361001")
    li = register(context, "李桂芝", "22080219851224002", "13804361002")

    dialog = view.new_activity()
    assert isinstance(dialog, ActivityDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("training"))
    assert dialog.title_edit.text() == "Training"  # the title follows the kind
    assert dialog.trained.isVisibleTo(dialog)
    dialog.title_edit.setText("庭院种植培训")
    held_on = context.db.now().date() - timedelta(days=2)  # held: it can be closed
    dialog.date.setDate(QDate(held_on.year, held_on.month, held_on.day))
    dialog.start_time.setTime(QTime(9, 0))
    dialog.end_time.setTime(QTime(11, 30))
    dialog.place.setText("村委会会议室")
    dialog.trained.setPlainText("三组的十二户")
    _save(qtbot, dialog)
    assert _closed(dialog)

    row = _row_of(view, "庭院种植培训")
    assert view.proxy.index(row, 0).data() == held_on.isoformat()
    assert view.proxy.index(row, 1).data() == "09:00–11:30"
    assert view.proxy.index(row, 2).data() == "Training"
    assert view.proxy.index(row, 8).data() == "Held, hours not recorded yet"

    view.table.selectRow(row)
    roster = view.open_roster()
    assert isinstance(roster, RosterDialog)
    settle(qtbot)
    picker = roster.add_people()
    picker.refresh()
    settle(qtbot)
    picker.choose(wu.id)
    picker.choose(li.id)
    _click(qtbot, picker.buttons.button(QDialogButtonBox.StandardButton.Ok))
    names = [roster.table.item(r, roster.NAME).text() for r in range(roster.table.rowCount())]
    assert sorted(names) == sorted(["吴建华", "李桂芝"])

    roster.set_came(wu.id, True)
    _click(qtbot, roster.save_button)
    assert "1 of 2 came" in roster.message.text()
    roster.reject()
    row = _row_of(view, "庭院种植培训")
    assert view.proxy.index(row, 6).data() == "2"
    assert view.proxy.index(row, 7).data() == "1"

    asked: list[str] = []

    def confirm(parent, title, text, *, action):
        asked.append(text)
        return True

    monkeypatch.setattr("ui.dialogs.confirm", confirm)
    view.table.selectRow(row)
    assert view.close_button.isEnabled()
    _click(qtbot, view.close_button)
    assert len(asked) == 1
    assert "People who came: 1." in asked[0] and "2.5 h in all" in asked[0] and "cannot be undone" in asked[0]
    assert "People credited: 1; hours recorded: 2.5 h" in view.message.text()

    row = _row_of(view, "庭院种植培训")
    assert view.proxy.index(row, 8).data() == "Closed, hours recorded"
    view.table.selectRow(row)
    assert not view.close_button.isEnabled()  # closing is no longer offered
    assert not view.edit_button.isEnabled()
    closed = view.open_roster()
    settle(qtbot)
    assert not closed.save_button.isVisibleTo(closed) and not closed.add_people_button.isVisibleTo(closed)
    assert not any(closed.table.item(r, closed.COME).flags() & Qt.ItemFlag.ItemIsUserCheckable
                   for r in range(closed.table.rowCount()))
    ticked = [closed.table.item(r, closed.NAME).text() for r in range(closed.table.rowCount())
              if closed.table.item(r, closed.COME).checkState() == Qt.CheckState.Checked]
    assert ticked == ["吴建华"]
    closed.reject()

    hours = HoursView(context)
    qtbot.addWidget(hours)
    records = hours.records
    records.volunteer.set_volunteer(wu.id, wu.name)
    settle(qtbot)
    assert _column(records.model, 2) == ["2.5 h"]
    assert _column(records.model, 1) == ["Activity"]
    assert records.total_label.text() == "In all: 2.5 h"
    records.volunteer.set_volunteer(li.id, li.name)
    settle(qtbot)
    assert records.model.rowCount() == 0


def test_plan_several_friday_volunteer_days_at_once(qtbot, view):
    dialog = view.plan_days()
    assert isinstance(dialog, VolunteerDaysDialog)
    assert dialog.first.date().dayOfWeek() == 5  # a Friday is offered
    dialog.first.setDate(QDate(2027, 3, 3))        # a Wednesday: the Fridays from then on
    dialog.weeks.setValue(3)
    dialog.title_edit.setText("周五志愿服务日")
    _save(qtbot, dialog)
    assert _closed(dialog)
    dates = sorted(view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())
                   if view.proxy.index(r, 3).data() == "周五志愿服务日")
    assert dates == ["2027-03-05", "2027-03-12", "2027-03-19"]
    assert all(date.fromisoformat(d).weekday() == 4 for d in dates)


def test_a_bad_time_is_shown_in_the_dialog_and_nothing_typed_is_lost(qtbot, view, message_boxes):
    dialog = view.new_activity()
    dialog.title_edit.setText("雷锋岗值守")
    dialog.place.setText("村口")
    dialog.start_time.setTime(QTime(15, 0))
    dialog.end_time.setTime(QTime(14, 0))
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.message.isVisible() and dialog.message.text()
    assert dialog.end_time.property("problem") is True
    assert dialog.title_edit.text() == "雷锋岗值守" and dialog.place.text() == "村口"
    assert not message_boxes()


def test_cancelling_asks_first_and_marks_the_activity(qtbot, view, monkeypatch):
    dialog = view.new_activity()
    dialog.title_edit.setText("送温暖")
    _save(qtbot, dialog)
    view.table.selectRow(_row_of(view, "送温暖"))
    monkeypatch.setattr("ui.dialogs.confirm", lambda *args, **kwargs: False)
    _click(qtbot, view.cancel_button)
    assert view.proxy.index(_row_of(view, "送温暖"), 8).data() == "Upcoming"  # planned for today
    monkeypatch.setattr("ui.dialogs.confirm", lambda *args, **kwargs: True)
    _click(qtbot, view.cancel_button)
    row = _row_of(view, "送温暖")
    assert view.proxy.index(row, 8).data() == "Cancelled"
    view.table.selectRow(row)
    assert not view.roster_button.isEnabled() and not view.close_button.isEnabled()


def test_the_sign_in_sheet_is_saved_as_a_pdf(qtbot, context, view, monkeypatch, tmp_path):
    wu = register(context, "吴建华", "22080219900101123", "13804361001")
    dialog = view.new_activity()
    dialog.title_edit.setText("周五志愿服务日")
    _save(qtbot, dialog)
    view.table.selectRow(_row_of(view, "周五志愿服务日"))
    roster = view.open_roster()
    settle(qtbot)
    roster.add_volunteers([wu.id])
    settle(qtbot)
    roster.reject()
    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr("ui.printing.choose_pdf_path", lambda *args: target)
    monkeypatch.setattr("ui.printing.open_pdf", lambda path: True)
    _click(qtbot, view.print_button)
    assert target.is_file() and target.read_bytes().startswith(b"%PDF")


def test_a_viewer_sees_the_list_but_no_way_to_change_it(qtbot, demo_app, sign_in):
    view = sign_in(demo_app, VIEWER.username).show_area("activities")
    assert isinstance(view, ActivitiesView)
    settle(qtbot)
    assert view.model.rowCount() > 0  # the demo's activities
    for button in (view.new_button, view.days_button, view.edit_button, view.cancel_button, view.close_button):
        assert not button.isVisibleTo(view)
    assert view.export_button.isVisibleTo(view)


def test_a_lei_feng_post_rosters_a_team_and_shifts_of_their_own(qtbot, context, view):
    wu = register(context, "吴建华", "22080219900101123", "13804361001")
    li = register(context, "李桂芝", "22080219851224002", "13804361002")
    with context.db.unit_of_work(context.actor) as uow:
        team = teams.create_team(uow, name="雷锋岗志愿服务队", kind="other")
        teams.add_member(uow, team_id=team.id, volunteer_id=wu.id)
    dialog = view.new_activity()
    settle(qtbot)  # the teams to choose from arrive
    dialog.kind.setCurrentIndex(dialog.kind.findData("leifeng_post"))
    assert not dialog.trained.isVisibleTo(dialog)
    dialog.start_time.setTime(QTime(8, 0))
    dialog.end_time.setTime(QTime(16, 0))
    dialog.team.setCurrentIndex(dialog.team.findData(team.id))
    _save(qtbot, dialog)
    view.table.selectRow(_row_of(view, "Lei Feng post duty"))
    assert view.proxy.index(_row_of(view, "Lei Feng post duty"), 5).data() == "雷锋岗志愿服务队"

    roster = view.open_roster()
    settle(qtbot)
    assert roster.shift_row.isVisibleTo(roster)
    _click(qtbot, roster.add_team_button)
    roster.shift_start.setTime(QTime(12, 0))
    roster.shift_end.setTime(QTime(14, 30))
    roster.add_volunteers([li.id])
    settle(qtbot)
    shifts = {roster.table.item(r, roster.NAME).text(): roster.table.item(r, roster.HOURS).text()
              for r in range(roster.table.rowCount())}
    assert shifts == {"吴建华": "8 h", "李桂芝": "2.5 h"}


def test_the_list_exports_to_excel_and_follows_a_sync(qtbot, context, view, monkeypatch, tmp_path):
    from desktop.services import activities
    from desktop.services.activities import ActivityForm
    from desktop.spreadsheets import read_first_sheet

    # Made elsewhere (as a sync applying a pulled page would): the commit announces it, the list reads again.
    with context.db.unit_of_work(context.actor) as uow:
        activities.plan_activity(uow, form=ActivityForm(kind="other", title="清扫村道", date="2026-12-05",
                                                        start_time="08:00", end_time="10:00"))
    assert "清扫村道" not in _column(view, 3)  # read off the screen's thread: not there until it answers
    settle(qtbot)
    assert "清扫村道" in _column(view, 3)

    target = tmp_path / "activities.xlsx"
    monkeypatch.setattr("ui.export.choose_xlsx_path", lambda parent, title, suggested_name: target)
    _click(qtbot, view.export_button)
    qtbot.waitUntil(lambda: not context.runner.busy(), timeout=10_000)
    rows = read_first_sheet(target.read_bytes())
    assert rows[0][:4] == ["Date", "Time", "Kind", "Title"]
    assert ["2026-12-05", "08:00–10:00", "Other", "清扫村道"] in [row[:4] for row in rows[1:]]


def test_a_saved_activity_hidden_by_the_filter_is_not_silently_gone(qtbot, context):
    view = ActivitiesView(context)
    qtbot.addWidget(view)
    view.show()
    settle(qtbot)
    assert (view.period.currentData(), view.status.currentData()) == ("all", "upcoming")
    dialog = view.new_activity()
    day = context.db.now().date()
    dialog.title_edit.setText("补记：十月义务劳动")
    dialog.date.setDate(day - timedelta(days=50))  # in the past: not upcoming
    _save(qtbot, dialog)
    assert "补记：十月义务劳动" not in _column(view, 3)
    assert "“Any status” under Status" in view.message.text()

    days = view.plan_days()
    first = fridays(day + timedelta(weeks=3), 1)[0]  # upcoming, after the demo's planned ones
    days.first.setDate(first)
    days.weeks.setValue(2)
    _save(qtbot, days)
    assert view.message.text() == "Activities planned: 2."
    assert view.selected() is not None and view.selected().date == first.isoformat()


def test_upcoming_puts_the_next_activity_at_the_top(qtbot, context, view):
    view.status.setCurrentIndex(view.status.findData("upcoming"))
    settle(qtbot)
    dates = _column(view, 0)
    today = context.db.now().date().isoformat()
    assert len(dates) >= 3 and dates[0] == today  # the demo's Lei Feng post of today, then its Fridays
    assert dates == sorted(dates)


def test_closing_is_not_offered_when_nobody_came(qtbot, context, view, monkeypatch):
    from desktop.services import activities
    from desktop.services.activities import ActivityForm

    wu = register(context, "吴建华", "22080219900101123", "13804361001")
    yesterday = (context.db.now().date() - timedelta(days=1)).isoformat()
    with context.db.unit_of_work(context.actor) as uow:
        planned = activities.plan_activity(uow, form=ActivityForm(kind="other", title="清扫村道", date=yesterday,
                                                                  start_time="08:00", end_time="10:00"))
        activities.add_to_roster(uow, activity_id=planned.id, volunteer_ids=[wu.id])
    view.reload()
    settle(qtbot)
    assert view.select(planned.id)
    assert not view.close_button.isEnabled()
    assert "tick who came" in view.close_button.toolTip()

    asked: list[str] = []
    monkeypatch.setattr("ui.dialogs.confirm", lambda *args, **kwargs: asked.append(args[2]) or True)
    view.close_selected()  # as if the button had been pressed before the list knew
    settle(qtbot)
    assert asked == []
    assert "tick who came" in view.message.text()
    assert view.proxy.index(_row_of(view, "清扫村道"), 8).data() == "Held, hours not recorded yet"


def _plan(context, title: str, day, *, came=None, cancel: bool = False, close: bool = False) -> None:
    from desktop.services import activities
    from desktop.services.activities import ActivityForm

    with context.db.unit_of_work(context.actor) as uow:
        planned = activities.plan_activity(uow, form=ActivityForm(kind="other", title=title, date=day.isoformat(),
                                                                  start_time="08:00", end_time="10:00"))
        if came is not None:
            activities.set_attendance(uow, activity_id=planned.id, attended={came.id: True})
        if cancel:
            activities.cancel_activity(uow, activity_id=planned.id)
        if close:
            activities.close_activity(uow, activity_id=planned.id)


def test_an_activity_to_come_cannot_be_closed_and_the_button_says_from_when(qtbot, context, view, monkeypatch):
    wu = register(context, "吴建华", "22080219900101123", "13804361001")
    day = context.db.now().date() + timedelta(days=3)
    _plan(context, "下周清扫村道", day, came=wu)  # ticked in advance, by mistake
    settle(qtbot)
    row = _row_of(view, "下周清扫村道")
    assert view.proxy.index(row, 8).data() == "Upcoming"
    view.table.selectRow(row)
    assert not view.close_button.isEnabled()
    assert day.isoformat() in view.close_button.toolTip() and "on that day or later" in view.close_button.toolTip()
    asked: list[str] = []
    monkeypatch.setattr("ui.dialogs.confirm", lambda *args, **kwargs: asked.append(args[2]) or True)
    view.close_selected()  # as if the button had been pressed before the list knew
    settle(qtbot)
    assert asked == [] and view.proxy.index(_row_of(view, "下周清扫村道"), 8).data() == "Upcoming"
    assert day.isoformat() in view.message.text() and "on that day or later" in view.message.text()


def test_upcoming_lists_only_what_is_still_to_come_and_every_status_groups_by_what_it_is(qtbot, context, view):
    wu = register(context, "吴建华", "22080219900101123", "13804361001")
    day = context.db.now().date()
    _plan(context, "明天的活动", day + timedelta(days=1))
    _plan(context, "今天结项的活动", day, came=wu, close=True)
    _plan(context, "取消的活动", day + timedelta(days=2), cancel=True)
    _plan(context, "前天的活动", day - timedelta(days=2))
    mine = {"明天的活动", "今天结项的活动", "取消的活动", "前天的活动"}

    def shown() -> set[str]:
        settle(qtbot)
        return set(_column(view, 3)) & mine

    view.status.setCurrentIndex(view.status.findData("upcoming"))
    assert shown() == {"明天的活动"}  # closed or cancelled: not upcoming, even on or after today
    view.status.setCurrentIndex(view.status.findData(""))
    assert shown() == mine
    expected = {"upcoming": {"明天的活动"}, "held": {"前天的活动"}, "closed": {"今天结项的活动"},
                "cancelled": {"取消的活动"}}
    for stage, titles in expected.items():
        view.status.setCurrentIndex(view.status.findData(stage))
        assert shown() == titles, stage
        assert {view.proxy.index(r, 8).data() for r in range(view.proxy.rowCount())} == {
            view.status.currentText()}, "the status column says what the filter chose"
    view.period.setCurrentIndex(view.period.findData("month"))
    assert view.status.currentData() == "cancelled"  # a period and a status are chosen each on its own
    assert shown() == ({"取消的活动"} if (day + timedelta(days=2)).month == day.month else set())


def test_upcoming_is_a_status_shown_first_not_a_period_too(qtbot, context):
    day = context.db.now().date()
    _plan(context, "下个月的活动", day + timedelta(days=40))
    _plan(context, "前天的活动", day - timedelta(days=2))
    view = ActivitiesView(context)
    qtbot.addWidget(view)
    view.show()
    settle(qtbot)
    periods = [view.period.itemData(i) for i in range(view.period.count())]
    assert periods == ["all", "month", "year"], "Upcoming is offered once, as a status"
    assert view.status.currentData() == "upcoming" and view.status.isEnabled()
    titles = _column(view, 3)
    assert "下个月的活动" in titles and "前天的活动" not in titles
    assert {view.proxy.index(r, 8).data() for r in range(view.proxy.rowCount())} == {"Upcoming"}


def test_planning_volunteer_days_again_says_which_fridays_it_passed_over(qtbot, view):
    first = fridays(date(2027, 3, 1), 1)[0]
    dialog = view.plan_days()
    dialog.first.setDate(first)
    dialog.weeks.setValue(2)
    _save(qtbot, dialog)
    again = view.plan_days()
    again.first.setDate(first)
    again.weeks.setValue(3)
    _save(qtbot, again)
    assert _closed(again)
    taken = ", ".join(day.isoformat() for day in fridays(first, 2))
    assert view.message.text() == (f"Activities planned: 1. Passed over, as they have a volunteer day already: "
                                   f"{taken}.")
    dates = sorted(view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())
                   if view.proxy.index(r, 2).data() == "Volunteer day"
                   and view.proxy.index(r, 0).data() >= first.isoformat())
    assert dates == [day.isoformat() for day in fridays(first, 3)]  # one each

    full = view.plan_days()
    full.first.setDate(first)
    full.weeks.setValue(2)
    _save(qtbot, full)
    assert not _closed(full) and "none was planned" in full.message.text()
    assert full.first.property("problem") is True
    full.reject()


def _cut_choices(dialog) -> list[str]:
    """The choices of the dialog's drop-down lists that would show cut short when chosen."""
    cut = []
    for combo in dialog.findChildren(QComboBox):
        if not combo.isVisibleTo(dialog):
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        room = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, combo).width()
        cut += [combo.itemText(i) for i in range(combo.count())
                if combo.fontMetrics().horizontalAdvance(combo.itemText(i)) > room]
    return cut


def test_the_planning_dialogs_show_their_choices_whole_in_chinese(qtbot, start_app, demo_folder, sign_in):
    controller = start_app(demo_folder, language="zh_CN")
    window = sign_in(controller, COORDINATOR.username)
    view = window.show_area("activities")
    settle(qtbot)
    for dialog in (view.plan_days(), view.new_activity()):
        settle(qtbot)  # the teams arrive
        assert not _cut_choices(dialog), _cut_choices(dialog)
        dialog.reject()
