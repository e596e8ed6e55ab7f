"""The micro-wishes areas on screen: a wish collected, vetted, published (the board's text checked), claimed at
another village's station, fulfilled with a photo and found on the household's timeline; the city's board with
its filters and claims, and how each claim made here stands; the report printed and in Excel; the value cap and
hold days on the settings screen."""

from __future__ import annotations

import re
from datetime import timedelta

import openpyxl
import pypdf
from PySide6.QtGui import QColor, QImage
from screen import closed, rows, save, settle

from desktop.services import households, wishes
from desktop.services.demo import DEMO_ACCOUNTS, DEMO_VILLAGE, as_pulled
from desktop.storage.models import new_id
from ui.programme import today
from ui.views import wishes as view_module
from ui.views.wishes import WishBoardView, WishesView

ADMIN, COORDINATOR, HUT_MANAGER, VIEWER = DEMO_ACCOUNTS
COLLECTED, HOUSEHOLD, WISH, KIND, WORTH, WANTED, STATUS, BOARD, PUBLIC = range(9)
B_WAITED, B_VILLAGE, B_TOWNSHIP, B_COUNTY, B_KIND, B_VALUE, B_WISH, B_PUBLISHED, B_WANTED, B_CLAIM = range(10)


def wishes_view(window, qtbot) -> WishesView:
    view = window.show_area("wishes")
    assert isinstance(view, WishesView)
    settle(qtbot)
    return view


def board_view(window, qtbot) -> WishBoardView:
    view = window.show_area("wish_board")
    assert isinstance(view, WishBoardView)
    settle(qtbot)
    return view


def _household(context, head: str):
    with context.db.reading(context.actor) as uow:
        return next(row for row in households.search_households(uow) if row.head_name == head)


def _row_of(view, wish_id: str) -> list[str]:
    assert view.select(wish_id)
    return rows(view)[view.table.currentIndex().row()]


def _claim_from_another_village(context, wish_id: str, *, days: int = 7) -> None:
    """东升村's station claimed the wish and the city server let its claim win: the next sync brings both."""
    day = today(context)
    with context.db.unit_of_work(context.actor) as uow:
        as_pulled(uow, "wish_claim", new_id(), {
            "village_code": "220822101201", "to_village_code": DEMO_VILLAGE, "board_id": wish_id,
            "claimant_kind": "work_unit", "claimant_name": "东升村志愿服务队", "claimant_contact": "13904367788",
            "volunteer_id": "", "claimed_on": day.isoformat(), "note": "",
            "held_until": (day + timedelta(days=days)).isoformat(), "lapsed": False})


def test_a_wish_is_collected_vetted_published_claimed_elsewhere_fulfilled_and_on_the_households_timeline(
        qtbot, admin_window, tmp_path):
    context = admin_window.context
    view = wishes_view(admin_window, qtbot)
    chen = _household(context, "陈宝山")

    dialog = view.collect()
    dialog.set_household(chen.id, chen.head_name)
    dialog.words.setPlainText("想要一个新的助听器，陈宝山耳朵不好")
    dialog.category.setCurrentIndex(dialog.category.findData("health"))
    dialog.value.setText("３２０元")
    save(qtbot, dialog)
    assert closed(dialog)
    wish = view.selected()
    assert wish is not None and wish.words.startswith("想要一个新的助听器")
    row = _row_of(view, wish.id)
    assert (row[HOUSEHOLD], row[WORTH], row[STATUS]) == ("陈宝山", "¥320", "Collected, to be vetted")
    assert view.step_buttons[view_module.WishAction.VET].isEnabled()
    assert not view.step_buttons[view_module.WishAction.PUBLISH].isEnabled()

    vet = view.vet()
    save(qtbot, vet)
    assert closed(vet)
    assert _row_of(view, wish.id)[STATUS] == "Vetted, not yet published"

    publish = view.publish()
    publish.public_text.setPlainText("陈宝山老人耳朵不好，想要一个助听器，电话13904361234")
    save(qtbot, publish)
    assert publish.isVisible(), "a text that gives the household away is not published"
    said = publish.message.text()
    assert "“陈宝山”" in said and "“13904361234”" in said
    assert publish.public_text.toPlainText().startswith("陈宝山老人"), "nothing typed is lost"
    publish.public_text.setPlainText("本村一位听力不好的老人想要一个助听器。")
    save(qtbot, publish)
    assert closed(publish)
    row = _row_of(view, wish.id)
    assert (row[STATUS], row[BOARD], row[PUBLIC]) == ("On the wish board", "Waiting for someone to claim it",
                                                      "本村一位听力不好的老人想要一个助听器。")
    assert not view.step_buttons[view_module.WishAction.FULFIL].isEnabled(), "no claim holds it yet"

    _claim_from_another_village(context, wish.id)
    settle(qtbot)  # the pulled claim's change reloads the list
    held_until = (today(context) + timedelta(days=7)).isoformat()
    assert _row_of(view, wish.id)[BOARD] == f"东升村志愿服务队 (东升村), held until {held_until}"
    assert view.step_buttons[view_module.WishAction.FULFIL].isEnabled()
    assert not view.step_buttons[view_module.WishAction.WITHDRAW].isEnabled()

    fulfil = view.fulfil()
    assert fulfil.given_by.text() == "东升村志愿服务队"
    picture = tmp_path / "交接照片.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#c0392b"))
    assert image.save(str(picture))
    fulfil.set_photo(picture)
    assert fulfil.photo_name.text() == "交接照片.png"
    fulfil.given.setPlainText("助听器一个")
    save(qtbot, fulfil)
    assert fulfil.isVisible() and fulfil.confirmed.property("problem"), "the household's confirmation is asked for"
    fulfil.confirmed.setChecked(True)
    fulfil.confirmation_note.setText("户主签字")
    save(qtbot, fulfil)
    assert closed(fulfil)
    assert _row_of(view, wish.id)[STATUS] == "Fulfilled"
    details = view.open_details()
    settle(qtbot)
    assert details.photo.isVisible()
    details.reject()

    area = admin_window.show_area("households")
    settle(qtbot)
    area.search.setText("陈宝山")
    area.read_list()
    settle(qtbot)
    area.table.selectRow(0)
    timeline = area.open_timeline()
    settle(qtbot)
    shown = [[timeline.model.index(r, c).data() for c in range(5)] for r in range(timeline.model.rowCount())]
    assert [today(context).isoformat(), "Micro-wish fulfilled", "助听器一个", "东升村志愿服务队", "¥320"] in shown
    timeline.reject()


def test_a_wish_over_the_cap_is_refused_at_vetting_and_the_admin_may_raise_the_cap(qtbot, admin_window):
    context = admin_window.context
    view = wishes_view(admin_window, qtbot)
    liu = _household(context, "刘凤霞")
    dialog = view.collect()
    dialog.set_household(liu.id, liu.head_name)
    dialog.words.setPlainText("想要一台洗衣机")
    dialog.value.setText("650")
    save(qtbot, dialog)
    wish = view.selected()
    vet = view.vet()
    save(qtbot, vet)
    assert vet.isVisible() and "¥500" in vet.message.text() and "¥650" in vet.message.text()
    vet.reject()

    settings = admin_window.show_area("settings")
    settle(qtbot)
    settings.programme.wish_cap.setValue(800)
    settings.programme.hold_days.setValue(10)
    settings.programme.save()
    settle(qtbot)
    assert (context.shell.settings.wish_value_cap, context.shell.settings.wish_hold_days) == (800, 10)
    view = wishes_view(context.shell.window, qtbot)  # a saved setting may rebuild the window
    assert view.select(wish.id)
    vet = view.vet()
    save(qtbot, vet)
    assert closed(vet)
    assert view.selected().status == "vetted"


def test_the_board_shows_every_villages_wishes_filters_them_and_a_claim_waits_for_the_city(qtbot, admin_window):
    view = board_view(admin_window, qtbot)
    shown = rows(view)
    villages = {row[B_VILLAGE] for row in shown}
    assert {"红星村", "东升村", "向阳村"} <= villages
    waited = [int(row[B_WAITED]) for row in shown]
    assert waited == sorted(waited, reverse=True), "the longest waiting first"
    assert view.count_label.text() == f"{len(shown)} wishes on the board"
    claims = {row[B_WISH]: row[B_CLAIM] for row in shown}
    assert claims["一位腿脚不便的老人想要一辆助行车。"] == "Claimed by another village first"
    assert claims["一名小学三年级学生想要一套课外读物，喜欢看科普书。"] == "Held for the claimant"
    assert claims["一户五保老人想要一袋面粉和一桶豆油。"] == "Waiting for the city server"

    view.county.setCurrentIndex(view.county.findData("220822"))
    settle(qtbot)
    assert {row[B_COUNTY] for row in rows(view)} == {"通榆县"}
    view.value.setCurrentIndex(view.value.findText("¥100–200"))
    settle(qtbot)
    assert {row[B_VALUE] for row in rows(view)} == {"¥100–200"}
    view.county.setCurrentIndex(0)
    view.value.setCurrentIndex(0)
    settle(qtbot)

    target = next(index for index, row in enumerate(rows(view)) if row[B_WISH].startswith("一位独居老人想要一个暖水袋"))
    view.table.selectRow(target)
    assert view.claim_button.isEnabled()
    dialog = view.claim()
    dialog.kind.setCurrentIndex(dialog.kind.findData("donor"))
    dialog.name.setText("白城市爱心企业")
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.contact.property("problem"), "a claimant is reached somehow"
    dialog.contact.setText("0436-3219999")
    save(qtbot, dialog)
    assert closed(dialog)
    assert rows(view)[target][B_CLAIM] == "Waiting for the city server"
    assert not view.claim_button.isEnabled()

    claims = view.open_claims()
    settle(qtbot)
    stood = {claims.model.index(r, 5).data(): claims.model.index(r, 7).data() for r in range(claims.model.rowCount())}
    assert stood["白城市爱心企业"] == "Waiting for the city server"
    assert stood["白城市第三中学"] == "Claimed by another village first"
    claims.reject()


def test_the_viewer_sees_the_wishes_and_the_board_but_changes_nothing(qtbot, demo_app, sign_in):
    window = sign_in(demo_app, VIEWER.username)
    view = wishes_view(window, qtbot)
    assert rows(view)
    assert not any(button.isVisibleTo(view) for button in view.step_buttons.values())
    assert view.details_button.isVisibleTo(view) and view.report_button.isVisibleTo(view)
    board = board_view(window, qtbot)
    assert rows(board) and not board.claim_button.isVisibleTo(board)


def test_the_report_shows_the_year_prints_without_naming_households_and_goes_to_excel(
        qtbot, admin_window, monkeypatch, tmp_path):
    view = wishes_view(admin_window, qtbot)
    report = view.open_report()
    settle(qtbot)
    assert report.report is not None and report.report.fulfilled >= 1
    assert "fulfilled" in report.summary.text()
    assert report.waiting.rowCount() >= 1

    target = tmp_path / "微心愿.pdf"
    monkeypatch.setattr("ui.printing.choose_pdf_path", lambda *args: target)
    monkeypatch.setattr("ui.printing.open_pdf", lambda path: True)
    report.print_report()
    text = re.sub(r"\s", "", "".join(page.extract_text() for page in pypdf.PdfReader(target).pages))
    for expected in ("微心愿统计表", "向阳村", "等待认领最久的心愿", "本村一位肢体残疾的老人想要一副结实的拐杖"):
        assert expected in text, expected
    for head in ("王桂兰", "赵德福", "曾秀英", "刘凤霞", "陈宝山"):
        assert head not in text, "a paper for the township names no household"

    book = tmp_path / "微心愿.xlsx"
    monkeypatch.setattr("ui.export.choose_xlsx_path", lambda parent, title, suggested_name: book)
    report.export()
    settle(qtbot)
    sheets = openpyxl.load_workbook(book)
    assert sheets.sheetnames == ["By month", "Waiting longest", "Summary"]
    months = [[cell.value for cell in row] for row in sheets["By month"].iter_rows()]
    assert months[0][:2] == ["Month", "Collected"] and len(months) == 13
    report.reject()


def test_the_village_list_and_the_board_export_what_they_show(qtbot, admin_window, monkeypatch, tmp_path):
    view = wishes_view(admin_window, qtbot)
    book = tmp_path / "wishes.xlsx"
    monkeypatch.setattr("ui.export.choose_xlsx_path", lambda parent, title, suggested_name: book)
    view.export_button.click()
    settle(qtbot)
    cells = [[cell.value for cell in row] for row in openpyxl.load_workbook(book).active.iter_rows()]
    assert cells[0][:3] == ["Collected on", "Household", "Wish"] and len(cells) == len(rows(view)) + 1
    board = board_view(admin_window, qtbot)
    board.export_button.click()
    settle(qtbot)
    cells = [[cell.value for cell in row] for row in openpyxl.load_workbook(book).active.iter_rows()]
    assert cells[0][:2] == ["Waited (days)", "Village"]
    with admin_window.context.db.reading(admin_window.context.actor) as uow:
        assert len(cells) == wishes.count_board(uow) + 1
    assert not {"王桂兰", "赵德福", "曾秀英", "陈宝山"} & {value for row in cells for value in row}
