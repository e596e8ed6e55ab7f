"""A coordinator's afternoon, end to end through the main window: register a volunteer, plan the activity,
sign people in, close it, see the hours, and print the certificate."""

from __future__ import annotations

import re
from datetime import timedelta

from pypdf import PdfReader
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDialogButtonBox
from screen import click as _click
from screen import closed, settle
from screen import column as _column
from screen import save as _save

from desktop.domain.id_number import check_character
from desktop.services import volunteers
from desktop.services.demo import DEMO_ACCOUNTS

COORDINATOR = DEMO_ACCOUNTS[1]


def test_register_plan_sign_in_close_and_certify(qtbot, demo_app, sign_in, monkeypatch, tmp_path):
    window = sign_in(demo_app, COORDINATOR.username)
    monkeypatch.setattr("ui.dialogs.confirm", lambda *args, **kwargs: True)
    day = window.context.db.now().date() - timedelta(days=2)

    # 1. Register a volunteer, typing the ID number with a lower-case x.
    people = window.show_area("volunteers")
    settle(qtbot)
    first17 = next(f"22080219880512{n:03d}" for n in range(1000)
                   if check_character(f"22080219880512{n:03d}") == "X")
    dialog = people.register()
    dialog.name.setText("欧阳春晓")
    qtbot.keyClicks(dialog.id_number, first17 + "x")
    dialog.phone.setText("13904365678")
    _save(qtbot, dialog)
    assert closed(dialog)
    qtbot.keyClicks(people.search, "oycx")
    qtbot.waitUntil(lambda: people.model.rowCount() == 1)
    settle(qtbot)
    assert people.model.rowCount() == 1
    assert people.model.index(0, 0).data() == "欧阳春晓"
    assert people.model.index(0, 3).data() == "2208**********" + first17[-3:] + "X"

    # 2. Plan the activity.
    plans = window.show_area("activities")
    settle(qtbot)
    plans.period.setCurrentIndex(plans.period.findData("all"))
    plans.status.setCurrentIndex(plans.status.findData(""))  # an activity two days ago is no longer upcoming
    settle(qtbot)
    dialog = plans.new_activity()
    settle(qtbot)  # its teams are read into the team choice
    dialog.kind.setCurrentIndex(dialog.kind.findData("volunteer_day"))
    dialog.title_edit.setText("志愿服务日：为五保户清雪")
    dialog.date.setDate(QDate(day.year, day.month, day.day))
    dialog.start_time.setTime(QTime(13, 30))
    dialog.end_time.setTime(QTime(16, 0))
    dialog.place.setText("向阳村五组")
    _save(qtbot, dialog)
    row = _column(plans.proxy, 3).index("志愿服务日：为五保户清雪")

    # 3. Sign her in from the roster.
    plans.table.selectRow(row)
    roster = plans.open_roster()
    settle(qtbot)  # who is on the roster is read
    picker = roster.add_people()
    settle(qtbot)
    picker.search.setText("欧阳")  # typed through an input method
    qtbot.waitUntil(lambda: picker.list.count() == 1)
    settle(qtbot)
    assert picker.list.count() == 1
    assert picker.list.item(0).text().startswith("欧阳春晓")
    with demo_app.db.reading(window.context.actor) as uow:
        (found,) = volunteers.search_volunteers(uow, text="欧阳春晓")
    volunteer_id = found.id
    picker.choose(volunteer_id)
    _click(qtbot, picker.buttons.button(QDialogButtonBox.StandardButton.Ok))
    roster.set_came(volunteer_id, True)
    _click(qtbot, roster.save_button)
    roster.reject()

    # 4. Close it: her hours are recorded.
    row = _column(plans.proxy, 3).index("志愿服务日：为五保户清雪")
    plans.table.selectRow(row)
    _click(qtbot, plans.close_button)
    assert "People credited: 1; hours recorded: 2.5 h" in plans.message.text()

    hours = window.show_area("hours")
    records = hours.records
    settle(qtbot)
    hours.tabs.setCurrentWidget(records)
    records.volunteer.set_volunteer(volunteer_id, "欧阳春晓")
    settle(qtbot)
    assert _column(records.model, 2) == ["2.5 h"]
    assert "志愿服务日：为五保户清雪" in _column(records.model, 3)[0]

    # 5. Print her certificate for the year.
    certificates = hours.certificates
    hours.tabs.setCurrentWidget(certificates)
    settle(qtbot)
    certificates.period_from.setDate(QDate(day.year, 1, 1))
    certificates.period_to.setDate(QDate(day.year, day.month, day.day))
    certificates.volunteer.set_volunteer(volunteer_id, "欧阳春晓")
    settle(qtbot)
    monkeypatch.setattr("ui.printing.choose_pdf_path", lambda *args: tmp_path / "certificate.pdf")
    monkeypatch.setattr("ui.printing.open_pdf", lambda path: True)
    _click(qtbot, certificates.issue_button)
    text = re.sub(r"\s", "", "".join(page.extract_text() for page in PdfReader(tmp_path / "certificate.pdf").pages))
    assert "志愿服务证明" in text and "欧阳春晓" in text and "2.5" in text
    assert "2208**********" + first17[-3:] + "X" in text and first17 not in text
    number = certificates.model.index(0, 0).data()
    assert number and number in text
    assert certificates.model.index(0, 1).data() == "欧阳春晓"
