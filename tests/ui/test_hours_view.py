"""The service-hours area: honour hours and their cap, corrections, star levels, certificates and their register."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QPushButton
from screen import click as _click
from screen import closed, register, settle
from screen import column as _column
from screen import save as _save

from desktop.services import activities
from desktop.services.activities import ActivityForm
from desktop.services.demo import DEMO_ACCOUNTS
from ui.views.hours import CorrectionDialog, HonourHoursDialog, HoursView


def served(context, volunteer_id: str, day: str, start: str = "06:00", end: str = "23:00") -> None:
    """One closed activity the volunteer came to (17 hours by default)."""
    with context.db.unit_of_work(context.actor) as uow:
        activity = activities.plan_activity(uow, form=ActivityForm(kind="leifeng_post", title="雷锋岗值守",
                                                                   date=day, start_time=start, end_time=end))
        activities.add_to_roster(uow, activity_id=activity.id, volunteer_ids=[volunteer_id])
        activities.set_attendance(uow, activity_id=activity.id, attended={volunteer_id: True})
        activities.close_activity(uow, activity_id=activity.id)


ADMIN, COORDINATOR, HUT_MANAGER, VIEWER = DEMO_ACCOUNTS


@pytest.fixture
def view(qtbot, context):
    view = HoursView(context)
    qtbot.addWidget(view)
    view.show()
    settle(qtbot)
    return view


@pytest.fixture
def wu(context):
    return register(context, "吴建华", "22080219900101123", "13804361001")


def test_honour_hours_over_the_cap_are_refused_inline_and_keep_the_reason(qtbot, context, view, wu, message_boxes):
    records = view.records
    view.tabs.setCurrentWidget(records)
    records.volunteer.set_volunteer(wu.id, wu.name)
    settle(qtbot)
    dialog = records.add_honour()
    assert isinstance(dialog, HonourHoursDialog)
    dialog.hours.setValue(21)  # the default cap is 20 h a year
    assert dialog.hours.text() == "21 h"  # as hours are written everywhere, not "21.0 h"
    dialog.reason.setText("抗洪抢险表现突出")
    _save(qtbot, dialog)
    assert not closed(dialog)
    assert dialog.message.isVisible() and "20" in dialog.message.text()
    assert dialog.hours.property("problem") is True
    assert dialog.reason.text() == "抗洪抢险表现突出"
    assert not message_boxes()
    assert records.model.rowCount() == 0

    dialog.hours.setValue(5)
    _save(qtbot, dialog)
    assert closed(dialog)
    assert _column(records.model, 1) == ["Honour hours"]
    assert _column(records.model, 2) == ["5 h"]
    assert _column(records.model, 4) == ["抗洪抢险表现突出"]
    assert records.total_label.text() == "In all: 5 h"


def test_a_correction_adds_a_reversing_row_and_the_total_drops(qtbot, context, view, wu):
    served(context, wu.id, "2026-11-06", "14:00", "17:00")
    served(context, wu.id, "2026-11-13", "14:00", "16:00")
    records = view.records
    view.tabs.setCurrentWidget(records)  # the tab in front is the one a change reloads
    records.volunteer.set_volunteer(wu.id, wu.name)
    settle(qtbot)
    assert records.total_label.text() == "In all: 5 h"
    row = _column(records.proxy, 0).index("2026-11-13")
    records.table.selectRow(row)
    dialog = records.correct_selected()
    assert isinstance(dialog, CorrectionDialog)
    assert dialog.new_hours.text() == "2 h"
    _save(qtbot, dialog)  # no reason: said in the dialog
    assert not closed(dialog) and dialog.message.text()
    dialog.reason.setText("那天下雨提前结束，记错了")
    _save(qtbot, dialog)
    assert closed(dialog)

    assert records.model.rowCount() == 3
    assert "−2 h" in _column(records.model, 2)
    assert "Correction" in _column(records.model, 1)
    assert records.total_label.text() == "In all: 3 h"
    taken_back = [records.model.index(r, 6).data() for r in range(records.model.rowCount())
                  if records.model.index(r, 2).data() == "2 h"]
    assert taken_back == ["Taken back"]


def test_star_levels_list_who_crossed_100_hours_until_announced(qtbot, context, view, wu, monkeypatch):
    stars = view.stars
    view.totals.year.setValue(2026)
    view.totals.reload_chart()
    settle(qtbot)
    before = view.totals.chart.values()  # the demo station's own hours
    for day in ("2026-10-02", "2026-10-09", "2026-10-16", "2026-10-23", "2026-10-30"):
        served(context, wu.id, day)  # 5 × 17 h = 85 h
    view.tabs.setCurrentWidget(stars)
    stars.reload()
    settle(qtbot)
    assert stars.model.rowCount() == 0
    served(context, wu.id, "2026-11-06")  # 102 h
    stars.reload()
    settle(qtbot)
    assert _column(stars.model, 0) == ["吴建华"]
    assert _column(stars.model, 2) == ["★"]

    monkeypatch.setattr("ui.dialogs.confirm", lambda *args, **kwargs: False)
    _click(qtbot, stars.announce_button)
    assert stars.model.rowCount() == 1
    monkeypatch.setattr("ui.dialogs.confirm", lambda *args, **kwargs: True)
    _click(qtbot, stars.announce_button)
    assert stars.model.rowCount() == 0
    assert not stars.announce_button.isEnabled()

    totals = view.totals
    totals.date_from.setDate(QDate(2026, 1, 1))  # the year of the hours above, whatever today is
    totals.date_to.setDate(QDate(2026, 12, 31))
    totals.reload()
    settle(qtbot)
    row = _column(totals.by_volunteer, 0).index("吴建华")
    assert totals.by_volunteer.index(row, 2).data() == "★"
    totals.year.setValue(2026)
    totals.reload_chart()
    settle(qtbot)
    added = [after - earlier for after, earlier in zip(totals.chart.values(), before, strict=True)]
    assert added[9] == 85 and added[10] == 17 and sum(added) == 102
    view.tabs.setCurrentWidget(totals)
    painted = totals.chart.grab()  # paints without trouble
    assert not painted.isNull() and painted.size() == totals.chart.size()


def test_issue_a_certificate_then_reprint_it(qtbot, context, view, wu, monkeypatch, tmp_path):
    served(context, wu.id, "2026-11-06", "14:00", "17:00")
    tab = view.certificates
    view.tabs.setCurrentWidget(tab)
    tab.period_from.setDate(QDate(2026, 1, 1))  # the year of the hours above, whatever today is
    tab.period_to.setDate(QDate(2026, 12, 31))
    tab.volunteer.set_volunteer(wu.id, wu.name)
    settle(qtbot)
    assert "served 3 h from 2026-01-01 to 2026-12-31" in tab.preview.text() and "吴建华" in tab.preview.text()

    paths = iter([tmp_path / "first.pdf", tmp_path / "again.pdf"])
    monkeypatch.setattr("ui.printing.choose_pdf_path", lambda *args: next(paths))
    monkeypatch.setattr("ui.printing.open_pdf", lambda path: True)
    issued_before = tab.model.rowCount()  # the demo station's own register
    _click(qtbot, tab.issue_button)
    assert (tmp_path / "first.pdf").read_bytes().startswith(b"%PDF")
    assert tab.model.rowCount() == issued_before + 1
    number = tab.model.index(0, 0).data()
    assert number and number in tab.message.text()
    assert tab.model.index(0, 1).data() == "吴建华"
    assert tab.model.index(0, 3).data() == "3 h"
    assert tab.model.index(0, 6).data() == ""

    tab.table.selectRow(0)
    _click(qtbot, tab.reprint_button)
    assert (tmp_path / "again.pdf").read_bytes().startswith(b"%PDF")
    assert tab.model.rowCount() == issued_before + 2
    assert _column(tab.model, 0)[:2] == [number, number]  # newest first
    assert sorted(_column(tab.model, 6)[:2]) == ["", "Reprint"]


def test_a_certificate_without_hours_is_explained_beside_the_form(qtbot, context, view, wu):
    tab = view.certificates
    view.tabs.setCurrentWidget(tab)
    tab.volunteer.set_volunteer(wu.id, wu.name)
    settle(qtbot)
    assert tab.message.isVisible() and "吴建华" in tab.message.text()
    issued_before = tab.model.rowCount()
    _click(qtbot, tab.issue_button)
    assert tab.model.rowCount() == issued_before


def test_honour_hours_are_only_offered_to_the_station_admin(qtbot, demo_app, sign_in):
    view = sign_in(demo_app, COORDINATOR.username).show_area("hours")
    settle(qtbot)
    assert isinstance(view, HoursView)
    assert not view.records.honour_button.isVisibleTo(view.records)
    assert view.records.correct_button.isVisibleTo(view.records)


def test_totals_for_a_period_that_ends_before_it_starts_say_so_plainly(qtbot, view, message_boxes):
    totals = view.totals
    view.tabs.setCurrentWidget(totals)
    settle(qtbot)
    totals.date_from.setDate(QDate(2026, 6, 1))
    totals.date_to.setDate(QDate(2026, 3, 1))
    _click(qtbot, totals.show_button)
    boxes = message_boxes()
    assert len(boxes) == 1
    assert boxes[0].windowTitle() == "Please check", "a plain message, not the unexpected-error box"
    assert "before its start" in boxes[0].text()
    assert totals.date_from.date() == QDate(2026, 6, 1) and totals.date_to.date() == QDate(2026, 3, 1)


def test_the_hours_forms_offer_what_the_rule_allows_and_no_more(qtbot, context, view, wu):
    from desktop.domain.volunteering import MOST_HOURS_PER_RECORD
    from desktop.errors import InvalidInput
    from desktop.services import hours

    records = view.records
    view.tabs.setCurrentWidget(records)
    records.volunteer.set_volunteer(wu.id, wu.name)
    settle(qtbot)
    dialog = records.add_honour()
    assert dialog.hours.maximum() == MOST_HOURS_PER_RECORD
    dialog.reject()
    with pytest.raises(InvalidInput, match="at most") as refused, context.db.unit_of_work(context.actor) as uow:
        hours.add_honour_hours(uow, volunteer_id=wu.id, hours=MOST_HOURS_PER_RECORD + 0.1,
                               served_on="2026-11-20", reason="测试")
    assert refused.value.params["most"] == MOST_HOURS_PER_RECORD

    # The yearly cap is offered within the setting's own range, the one the settings service checks.
    from PySide6.QtWidgets import QSpinBox

    from desktop.domain.settings import RANGES
    from ui.views.settings import SettingsView
    screen = SettingsView(context)
    qtbot.addWidget(screen)
    cap = screen.findChild(QSpinBox, "honourHoursCap")
    assert (cap.minimum(), cap.maximum()) == RANGES["honour_hours_cap"]


def _certificates_tab(qtbot, view, wu):
    tab = view.certificates
    view.tabs.setCurrentWidget(tab)
    tab.period_from.setDate(QDate(2026, 1, 1))  # the year of the hours, whatever today is
    tab.period_to.setDate(QDate(2026, 12, 31))
    tab.volunteer.set_volunteer(wu.id, wu.name)
    settle(qtbot)
    return tab


def test_a_cancelled_save_issues_nothing_and_uses_no_number(qtbot, context, view, wu, monkeypatch, tmp_path):
    served(context, wu.id, "2026-11-06", "14:00", "17:00")
    tab = _certificates_tab(qtbot, view, wu)
    chosen: list[object] = [tmp_path / "first.pdf", None, tmp_path / "second.pdf"]
    monkeypatch.setattr("ui.printing.choose_pdf_path", lambda *args: chosen.pop(0))
    opened: list[object] = []
    monkeypatch.setattr("ui.printing.open_pdf", lambda path: opened.append(path) or True)

    _click(qtbot, tab.issue_button)
    first = tab.model.index(0, 0).data()
    issued = tab.model.rowCount()
    monkeypatch.setattr("ui.dialogs.confirm", lambda *args, **kwargs: True)  # a new one for the same period
    _click(qtbot, tab.issue_button)  # the question where to save is cancelled
    assert tab.model.rowCount() == issued and _column(tab.model, 0)[0] == first
    _click(qtbot, tab.issue_button)
    second = tab.model.index(0, 0).data()
    assert int(second.rsplit("-", 1)[1]) == int(first.rsplit("-", 1)[1]) + 1  # the cancelled one used none
    assert opened == [tmp_path / "first.pdf", tmp_path / "second.pdf"]
    assert (tmp_path / "second.pdf").read_bytes().startswith(b"%PDF") and second in tab.message.text()

    tab.table.selectRow(0)
    monkeypatch.setattr("ui.printing.choose_pdf_path", lambda *args: None)
    _click(qtbot, tab.reprint_button)  # a reprint, cancelled too
    assert tab.model.rowCount() == issued + 1 and "Reprint" not in _column(tab.model, 6)


def test_issuing_again_for_the_same_period_points_to_a_reprint_first(qtbot, context, view, wu, monkeypatch,
                                                                      tmp_path):
    served(context, wu.id, "2026-11-06", "14:00", "17:00")
    tab = _certificates_tab(qtbot, view, wu)
    paths = iter([tmp_path / "first.pdf", tmp_path / "second.pdf", tmp_path / "third.pdf"])
    monkeypatch.setattr("ui.printing.choose_pdf_path", lambda *args: next(paths))
    monkeypatch.setattr("ui.printing.open_pdf", lambda path: True)
    _click(qtbot, tab.issue_button)
    first = tab.model.index(0, 0).data()
    issued = tab.model.rowCount()

    asked: list[str] = []
    monkeypatch.setattr("ui.dialogs.confirm",
                        lambda parent, title, text, action: asked.append(f"{text} [{action}]") and False)
    _click(qtbot, tab.issue_button)  # pressed for a copy: the question, answered No
    assert len(asked) == 1 and first in asked[0] and "Reprint" in asked[0] and "[Issue a new one]" in asked[0]
    assert tab.model.rowCount() == issued  # no second number
    assert not (tmp_path / "second.pdf").exists()
    assert first in tab.message.text() and "Reprint" in tab.message.text()

    monkeypatch.setattr("ui.dialogs.confirm", lambda *args, **kwargs: True)
    _click(qtbot, tab.issue_button)  # a new certificate is what was wanted
    assert tab.model.rowCount() == issued + 1 and tab.model.index(0, 0).data() != first
    assert (tmp_path / "third.pdf").read_bytes().startswith(b"%PDF")


def test_a_certificate_that_cannot_be_saved_is_not_entered_in_the_register(qtbot, context, view, wu, monkeypatch,
                                                                           tmp_path, message_boxes):
    served(context, wu.id, "2026-11-06", "14:00", "17:00")
    tab = _certificates_tab(qtbot, view, wu)
    target = tmp_path / "missing folder" / "certificate.pdf"
    monkeypatch.setattr("ui.printing.choose_pdf_path", lambda *args: target)
    monkeypatch.setattr("ui.printing.open_pdf", lambda path: True)
    issued = tab.model.rowCount()
    _click(qtbot, tab.issue_button)
    assert tab.model.rowCount() == issued
    assert "Could not save" in tab.message.text() and "no number was used" in tab.message.text()
    assert str(target) in tab.message.text() and not target.exists()
    assert not message_boxes(), "said beside the form, not as an unexpected error"


def test_the_certificate_form_says_only_what_holds_for_the_period_chosen_now(qtbot, context, view, wu):
    served(context, wu.id, "2026-11-06", "14:00", "17:00")
    tab = view.certificates
    view.tabs.setCurrentWidget(tab)
    tab.period_from.setDate(QDate(2026, 1, 1))
    tab.period_to.setDate(QDate(2026, 3, 31))  # no hours then
    tab.volunteer.set_volunteer(wu.id, wu.name)
    settle(qtbot)
    assert "吴建华" in tab.message.text() and "another period" in tab.message.text()
    assert not tab.issue_button.isEnabled() and not tab.preview_button.isEnabled()
    assert tab.preview.text() == ""

    tab.period_to.setDate(QDate(2026, 12, 31))
    assert tab.message.text() == "" and not tab.issue_button.isEnabled()  # what was said of March is gone at once
    qtbot.waitUntil(lambda: "served 3 h" in tab.preview.text(), timeout=10_000)
    settle(qtbot)
    assert tab.message.text() == ""
    assert tab.issue_button.isEnabled() and tab.preview_button.isEnabled()
    assert "· 2026-11-06  雷锋岗值守  3 h" in tab.preview.text()


def test_a_sample_shows_the_paper_before_any_number_is_used(qtbot, context, view, wu, monkeypatch):
    import pypdf

    served(context, wu.id, "2026-11-06", "14:00", "17:00")
    tab = _certificates_tab(qtbot, view, wu)
    opened: list[Path] = []
    monkeypatch.setattr("ui.printing.open_pdf", lambda path: opened.append(path) or True)
    issued = tab.model.rowCount()
    _click(qtbot, tab.preview_button)
    assert len(opened) == 1
    text = "".join(page.extract_text() for page in pypdf.PdfReader(opened[0]).pages)
    assert "样张" in text and "吴建华" in text and "证书编号" not in text
    assert tab.model.rowCount() == issued


def test_samples_leave_one_file_in_the_apps_own_folder_which_is_emptied_at_start_and_at_exit(
        qtbot, start_app, demo_folder, sign_in, monkeypatch):
    """A sample names a person (and shows the whole ID number when certificates do) on a PC others use: it is
    not left among the temporary files, one sample is written over by the next, and none outlives the app."""
    import tempfile

    import pypdf

    samples = demo_folder.samples
    samples.mkdir(parents=True)
    (samples / "left by a power cut.pdf").write_bytes(b"%PDF")
    controller = start_app(demo_folder)
    assert list(samples.iterdir()) == []  # emptied at start
    context = sign_in(controller, DEMO_ACCOUNTS[0].username).context
    view = HoursView(context)
    qtbot.addWidget(view)
    view.show()
    settle(qtbot)
    wu = register(context, "吴建华", "22080219900101123", "13804361001")
    li = register(context, "李秀兰", "22080219851224002", "13804361002")
    served(context, wu.id, "2026-11-06", "14:00", "17:00")
    served(context, li.id, "2026-11-06", "14:00", "17:00")
    temporary = Path(tempfile.gettempdir()) / "village-station"
    before = set(temporary.iterdir()) if temporary.is_dir() else set()
    opened: list[Path] = []
    monkeypatch.setattr("ui.printing.open_pdf", lambda path: opened.append(path) or True)

    tab = _certificates_tab(qtbot, view, wu)
    _click(qtbot, tab.preview_button)
    tab.volunteer.set_volunteer(li.id, li.name)
    settle(qtbot)
    _click(qtbot, tab.preview_button)

    assert len(opened) == 2 and opened[0] == opened[1] and opened[0].parent == samples
    assert list(samples.iterdir()) == [opened[1]]  # the second sample wrote over the first
    assert "李秀兰" in "".join(page.extract_text() for page in pypdf.PdfReader(opened[1]).pages)
    assert (set(temporary.iterdir()) if temporary.is_dir() else set()) == before
    view.close()
    controller.shutdown()
    controller.db = None
    assert list(samples.iterdir()) == []  # emptied at exit


def test_an_exported_list_keeps_hours_as_numbers_with_the_unit_in_the_heading(qtbot, context, view, wu, monkeypatch,
                                                                               tmp_path):
    """Hours in a workbook are numbers a spreadsheet can add up, not text such as "3 h"; the heading says the unit."""
    import io

    from openpyxl import load_workbook

    from ui.i18n import install_language

    served(context, wu.id, "2026-11-06", "14:00", "17:00")
    served(context, wu.id, "2026-11-13", "14:00", "16:30")
    totals = view.totals
    totals.date_from.setDate(QDate(2026, 1, 1))
    totals.date_to.setDate(QDate(2026, 12, 31))
    totals.reload()
    settle(qtbot)
    row = _column(totals.by_volunteer, 0).index("吴建华")
    assert totals.by_volunteer.index(row, 1).data() == "5.5 h"  # on screen, with its unit
    targets = iter([tmp_path / "en.xlsx", tmp_path / "zh.xlsx"])
    monkeypatch.setattr("ui.export.choose_xlsx_path", lambda *args: next(targets))

    _click(qtbot, totals.findChild(QPushButton, "exportVolunteers"))
    install_language("zh_CN")
    chinese = HoursView(context)  # built in Chinese
    qtbot.addWidget(chinese)
    chinese.totals.date_from.setDate(QDate(2026, 1, 1))
    chinese.totals.date_to.setDate(QDate(2026, 12, 31))
    _click(qtbot, chinese.totals.findChild(QPushButton, "exportVolunteers"))

    for name, heading in (("en.xlsx", "Hours (h)"), ("zh.xlsx", "服务时长（小时）")):
        rows = list(load_workbook(io.BytesIO((tmp_path / name).read_bytes())).active.iter_rows(values_only=True))
        column = rows[0].index(heading)
        assert {row[0]: row[column] for row in rows[1:]}["吴建华"] == 5.5, name


def test_a_certificates_paper_takes_its_place_only_once_the_register_has_its_number(context, wu, tmp_path):
    """Were the PC to go off between writing the paper and keeping its number, no numbered paper the register
    lacks would be where the person saved it: the paper is written under a name of its own, the register
    keeps the row, and only then does the paper take its place; a register that cannot keep it leaves no file."""
    from sqlalchemy import event

    from desktop.services import certificates
    from ui.printing import CertificatePaper

    served(context, wu.id, "2026-11-06", "14:00", "17:00")
    folder = tmp_path / "papers"
    folder.mkdir()
    target = folder / "证明.pdf"
    seen: list[list[str]] = []

    def look(_session) -> None:
        seen.append(sorted(path.name for path in folder.iterdir()))

    paper = CertificatePaper(target, reprint=False, today="2026-11-29")
    with context.db.unit_of_work(context.actor) as uow:
        event.listen(uow.session, "before_commit", look)
        issued = certificates.issue_certificate(uow, volunteer_id=wu.id, period_from="2026-01-01",
                                                period_to="2026-12-31", paper=paper)
    assert len(seen) == 1 and "证明.pdf" not in seen[0] and len(seen[0]) == 1, "not in its place before the commit"
    assert [path.name for path in folder.iterdir()] == ["证明.pdf"] and paper.path == target
    assert target.read_bytes().startswith(b"%PDF") and issued.number

    def refuse(_session) -> None:
        raise OSError("disk full")

    again = tmp_path / "again"
    again.mkdir()
    with pytest.raises(OSError), context.db.unit_of_work(context.actor) as uow:
        event.listen(uow.session, "before_commit", refuse)
        certificates.issue_certificate(uow, volunteer_id=wu.id, period_from="2026-01-01", period_to="2026-12-31",
                                       paper=CertificatePaper(again / "证明.pdf", reprint=False, today="2026-11-29"),
                                       again=True)
    assert list(again.iterdir()) == [], "no paper, and nothing half-made, when the register could not keep it"


def test_a_sample_that_cannot_be_written_is_said_in_the_interfaces_words_not_the_systems(
        qtbot, context, view, wu, monkeypatch, caplog):
    import re

    from ui.i18n import install_language

    served(context, wu.id, "2026-11-06", "14:00", "17:00")
    tab = _certificates_tab(qtbot, view, wu)

    def locked(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", str(context.folder.samples / "sample.pdf"))

    monkeypatch.setattr("ui.printing.certificate_sample", locked)
    install_language("zh_CN")
    with caplog.at_level("WARNING"):
        _click(qtbot, tab.preview_button)
    text = tab.message.text()
    assert text and "Permission denied" not in text and "Errno" not in text
    assert not re.search(r"[A-Za-z]{3,}", text.replace("PDF", "")), f"English in the Chinese interface: {text}"
    assert "Permission denied" in caplog.text  # the system's words are in the log
