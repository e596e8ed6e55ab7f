"""The good-people area: nominate, public notice, publish or reject, and the printed notice and honour list."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialogButtonBox
from screen import click as _click
from screen import closed as _closed
from screen import column as _column
from screen import register, settle
from screen import save as _save

from desktop.services.demo import DEMO_ACCOUNTS
from ui.views.good_people import DecisionDialog, GoodPeopleView, NominationDialog, NoticeDialog

ADMIN, COORDINATOR, HUT_MANAGER, VIEWER = DEMO_ACCOUNTS


@pytest.fixture
def view(qtbot, context):
    view = GoodPeopleView(context)
    qtbot.addWidget(view)
    view.show()
    settle(qtbot)
    return view


def _nominate(qtbot, view, name: str) -> None:
    dialog = view.nominate()
    assert isinstance(dialog, NominationDialog)
    dialog.name.setText(name)
    dialog.category.setCurrentIndex(dialog.category.findData("helping"))
    dialog.deeds.setPlainText("十年如一日照顾孤寡老人，冬天为五保户送煤。")
    dialog.nominated_by.setText("三组村民")
    _save(qtbot, dialog)
    assert _closed(dialog)


def _select(view, name: str) -> None:
    view.table.selectRow(_column(view.proxy, 0).index(name))


def test_nominate_notice_publish_and_print_the_honour_list(qtbot, context, view, monkeypatch, tmp_path):
    _nominate(qtbot, view, "赵淑芬")
    row = _column(view.proxy, 0).index("赵淑芬")
    assert view.proxy.index(row, 1).data() == "Helping others"
    assert view.proxy.index(row, 5).data() == "Nominated, awaiting review"

    _select(view, "赵淑芬")
    assert not view.publish_button.isEnabled()
    dialog = view.start_notice()
    assert isinstance(dialog, NoticeDialog)
    start = context.db.now().date()
    assert dialog.notice_from.date().toPython() == start
    assert dialog.notice_to.date().toPython() == start + timedelta(days=6)  # 7 days by default
    dialog.notice_to.setDate(start + timedelta(days=2))
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.message.isVisible() and "7" in dialog.message.text()
    assert dialog.notice_to.property("problem") is True
    dialog.notice_to.setDate(start + timedelta(days=6))
    _save(qtbot, dialog)
    assert _closed(dialog)
    assert view.proxy.index(_column(view.proxy, 0).index("赵淑芬"), 5).data() == "On public notice"

    pdfs = iter([tmp_path / "notice.pdf", tmp_path / "honour.pdf"])
    monkeypatch.setattr("ui.printing.choose_pdf_path", lambda *args: next(pdfs))
    monkeypatch.setattr("ui.printing.open_pdf", lambda path: True)
    _click(qtbot, view.print_notice_button)
    notice_text = "".join(page.extract_text() for page in PdfReader(tmp_path / "notice.pdf").pages)
    assert "赵淑芬" in notice_text

    # Publishing waits for the notice to end: the button says until when, rather than refusing a typed note.
    _select(view, "赵淑芬")
    assert not view.publish_button.isEnabled()
    end = (start + timedelta(days=6)).isoformat()
    assert view.publish_button.toolTip() == (f"The public notice of 赵淑芬 runs until {end}: it can be "
                                             f"published from {(start + timedelta(days=7)).isoformat()}.")
    assert view.reject_button.isEnabled()

    monkeypatch.setattr("ui.dialogs.confirm", lambda *args, **kwargs: True)
    early = view.decide(publish=True)
    _save(qtbot, early)  # the notice has not ended yet: said in the dialog
    assert early.isVisible() and early.message.text()
    early.reject()

    later = context.db.now() + timedelta(days=8)
    monkeypatch.setattr(context.db, "now", lambda: later)
    view.read_list()  # the next day's list
    settle(qtbot)
    _select(view, "赵淑芬")
    assert view.publish_button.isEnabled() and not view.publish_button.toolTip()
    dialog = view.decide(publish=True)
    assert isinstance(dialog, DecisionDialog)
    _save(qtbot, dialog)
    assert _closed(dialog)
    assert view.proxy.index(_column(view.proxy, 0).index("赵淑芬"), 5).data() == "Published"

    view.year.setValue(later.year)
    _click(qtbot, view.honour_button)
    honour_text = "".join(page.extract_text() for page in PdfReader(tmp_path / "honour.pdf").pages)
    assert "赵淑芬" in honour_text


def test_a_rejection_needs_a_note_and_a_confirmation(qtbot, context, view, monkeypatch):
    _nominate(qtbot, view, "钱大有")
    _select(view, "钱大有")
    dialog = view.decide(publish=False)
    asked: list[str] = []

    def confirm(parent, title, text, *, action):
        asked.append(text)
        return False

    monkeypatch.setattr("ui.dialogs.confirm", confirm)
    _save(qtbot, dialog)
    assert dialog.isVisible() and dialog.message.text()
    assert not asked
    dialog.note.setPlainText("事迹与实际不符")
    _save(qtbot, dialog)
    assert len(asked) == 1 and "钱大有" in asked[0]
    assert dialog.isVisible()
    assert view.proxy.index(_column(view.proxy, 0).index("钱大有"), 5).data() == "Nominated, awaiting review"
    monkeypatch.setattr("ui.dialogs.confirm", lambda *args, **kwargs: True)
    _save(qtbot, dialog)
    assert _closed(dialog)
    row = _column(view.proxy, 0).index("钱大有")
    assert view.proxy.index(row, 5).data() == "Not adopted"
    assert view.proxy.index(row, 8).data() == "事迹与实际不符"


def test_a_picked_volunteer_is_nominated_by_their_record(qtbot, context, view):
    wu = register(context, "吴建华", "22080219900101123", "13804361001")
    dialog = view.nominate()
    picker = dialog.pick()
    picker.refresh()
    settle(qtbot)
    picker.choose(wu.id)
    _click(qtbot, picker.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert dialog.name.text() == "吴建华" and dialog.volunteer_id == wu.id
    dialog.deeds.setPlainText("义务为村里修路")
    dialog.nominated_by.setText("村委会")
    _save(qtbot, dialog)
    assert _closed(dialog)
    assert "吴建华" in _column(view.proxy, 0)


def test_nothing_typed_is_lost_when_the_deeds_are_missing(qtbot, view, message_boxes):
    dialog = view.nominate()
    dialog.name.setText("孙玉兰")
    dialog.nominated_by.setText("二组")
    _save(qtbot, dialog)
    assert dialog.isVisible() and dialog.message.text()
    assert dialog.deeds.property("problem") is True
    assert dialog.name.text() == "孙玉兰" and dialog.nominated_by.text() == "二组"
    assert not message_boxes()


def test_reviewing_is_for_the_station_admin_only(qtbot, demo_app, sign_in):
    view = sign_in(demo_app, COORDINATOR.username).show_area("good_people")
    assert isinstance(view, GoodPeopleView)
    settle(qtbot)
    assert view.nominate_button.isVisibleTo(view)
    for button in (view.notice_button, view.publish_button, view.reject_button):
        assert not button.isVisibleTo(view)
