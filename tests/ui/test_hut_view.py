"""The love hut on screen, as its manager uses it: goods taken in with a scanner and by hand and the intake slip
printed, goods handed out (and refused above what is on the shelf, nothing typed lost), the stock list, the items
two PCs took below zero, and an item's stock card."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from screen import click, closed, rows, settle

from desktop.domain.hut import DocumentKind, RecipientKind
from desktop.services import households, hut, hut_ledger, hut_stock
from desktop.services.demo import DEMO_ACCOUNTS
from desktop.services.hut_ledger import Header, Line
from ui import printing
from ui.table import selected_object
from ui.views.hut import HutView
from ui.views.hut.documents import DocumentDialog, PostedDialog

HUT_MANAGER = DEMO_ACCOUNTS[2]
RICE_BARCODE = "6901234500011"


@pytest.fixture
def hut_window(demo_app, sign_in):
    return sign_in(demo_app, HUT_MANAGER.username)


def show_hut(window, qtbot) -> HutView:
    view = window.show_area("hut")
    assert isinstance(view, HutView)
    settle(qtbot)
    return view


def find(context, work):
    with context.db.reading(context.actor) as uow:
        return work(uow)


def on_hand(context, name: str) -> float:
    return next(row.on_hand for row in find(context, lambda uow: hut_stock.stock_on_hand(uow)) if row.name == name)


def item_id(context, name: str) -> str:
    return next(row.item_id for row in find(context, lambda uow: hut_stock.stock_on_hand(uow)) if row.name == name)


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def choose_item(dialog: DocumentDialog, qtbot, text: str) -> None:
    """Choose an item in the line being typed as a person would: the picker, a search, Choose."""
    picker = dialog.pick_item()
    settle(qtbot)
    picker.search.setText(text)
    picker.refresh()
    settle(qtbot)
    picker.list.setCurrentRow(0)
    picker.buttons.accepted.emit()
    settle(qtbot)


def test_an_intake_scanned_and_typed_is_posted_and_its_slip_names_the_donor_and_the_goods(
        qtbot, hut_window, tmp_path, monkeypatch):
    context = hut_window.context
    rice_before = on_hand(context, "大米（10斤装）")
    view = show_hut(hut_window, qtbot)
    view.tabs.setCurrentWidget(view.documents)
    settle(qtbot)
    dialog = view.documents.new_document(DocumentKind.INTAKE.value)
    assert isinstance(dialog, DocumentDialog)
    donor = next(row for row in find(context, lambda uow: hut.list_donors(uow)) if row.name == "白城市第三中学")
    dialog.set_donor(donor.id, donor.name)
    # a scanner types the code and Enter, twice: one line of two
    for _ in range(2):
        qtbot.keyClicks(dialog.barcode, RICE_BARCODE)
        qtbot.keyClick(dialog.barcode, Qt.Key.Key_Return)
        settle(qtbot)
    assert dialog.barcode.text() == ""
    assert [(line.name, line.quantity) for line in dialog.draft.lines] == [("大米（10斤装）", 2)]
    assert dialog.last_dialog is None  # the scanner's Enter pressed no button of the dialog
    # a line typed by hand
    choose_item(dialog, qtbot, "mb")  # 棉被 by its pinyin initials
    assert dialog.item_name.text() == "棉被"
    dialog.quantity.setText("3")
    dialog.unit_value.setText("150")
    click(qtbot, dialog.add_line_button)
    assert [(line.name, line.quantity) for line in dialog.draft.lines] == [("大米（10斤装）", 2), ("棉被", 3)]
    click(qtbot, dialog.post_button)
    assert closed(dialog)
    assert on_hand(context, "大米（10斤装）") == rice_before + 2
    settle(qtbot)
    # the new intake is in the list, opened read-only, its slip printed
    listed = [row for row in rows(view.documents) if "棉被 3床" in row[4]]
    assert listed and listed[0][1] == "Intake"
    assert view.documents.select(("posted", dialog.posted_id))
    posted = view.documents.open_selected()
    assert isinstance(posted, PostedDialog)
    saved = tmp_path / "slip.pdf"
    monkeypatch.setattr(printing, "choose_pdf_path", lambda *args: saved)
    monkeypatch.setattr(printing, "open_pdf", lambda path: True)
    posted.print_paper("slip")
    settle(qtbot)
    text = pdf_text(saved)
    assert "接收凭证" in text and "白城市第三中学" in text
    assert "大米（10斤装）" in text and "棉被" in text
    assert "不是正式的公益事业捐赠票据" in text
    assert text.count("白城市第三中学") >= 2  # the donor's copy and the hut's


def test_a_distribution_above_stock_is_refused_on_screen_and_the_typing_is_kept(qtbot, hut_window):
    context = hut_window.context
    held = on_hand(context, "棉被")
    view = show_hut(hut_window, qtbot)
    dialog = view.documents.new_document(DocumentKind.DISTRIBUTION.value)
    head = find(context, lambda uow: households.search_households(uow))[0]
    dialog.set_household(head.id, head.head_name)
    choose_item(dialog, qtbot, "棉被")
    dialog.quantity.setText(str(int(held) + 5))
    click(qtbot, dialog.add_line_button)
    click(qtbot, dialog.post_button)
    assert not closed(dialog)
    assert dialog.message.isVisible()
    assert "棉被" in dialog.message.text() and "on hand" in dialog.message.text()
    assert dialog.lines_table.property("problem")
    assert [line.quantity for line in dialog.draft.lines] == [held + 5]  # nothing typed is lost
    assert selected_object(dialog.lines_table).name == "棉被"  # the line at fault is chosen
    assert dialog.household_name.text() == head.head_name
    assert on_hand(context, "棉被") == held


def test_a_bad_quantity_is_named_and_kept(qtbot, hut_window):
    view = show_hut(hut_window, qtbot)
    dialog = view.documents.new_document(DocumentKind.INTAKE.value)
    choose_item(dialog, qtbot, "书包")
    dialog.quantity.setText("两个")
    click(qtbot, dialog.add_line_button)
    assert dialog.message.isVisible()
    assert dialog.quantity.property("problem")
    assert dialog.quantity.text() == "两个"
    assert dialog.item_name.text() == "书包"


def test_a_posted_distribution_shows_in_the_stock_list(qtbot, hut_window):
    context = hut_window.context
    held = on_hand(context, "洗衣粉")
    view = show_hut(hut_window, qtbot)
    dialog = view.documents.new_document(DocumentKind.DISTRIBUTION.value)
    head = find(context, lambda uow: households.search_households(uow))[1]
    dialog.set_household(head.id, head.head_name)
    choose_item(dialog, qtbot, "xyf")
    dialog.quantity.setText("2")
    qtbot.keyClick(dialog.quantity, Qt.Key.Key_Return)  # Enter adds the line
    settle(qtbot)
    click(qtbot, dialog.post_button)
    assert closed(dialog)
    view.tabs.setCurrentWidget(view.stock)
    settle(qtbot)
    shown = {row[1]: row[2] for row in rows(view.stock)}
    assert shown["洗衣粉"] == f"{held - 2:g} 袋"


def test_items_two_pcs_took_below_zero_are_named_above_the_stock_list(qtbot, hut_window):
    context = hut_window.context
    quilt = item_id(context, "棉被")
    held = on_hand(context, "棉被")
    with context.db.unit_of_work(context.actor) as uow:  # as a pulled page would: no balance check
        head = households.search_households(uow)[0]
        hut_ledger.post(uow, Header(DocumentKind.DISTRIBUTION, recipient_kind=RecipientKind.HOUSEHOLD.value,
                                    household_id=head.id), [Line(quilt, -(held + 2))], check_balances=False)
    view = show_hut(hut_window, qtbot)
    assert view.stock.banner.isVisible()
    assert "棉被" in view.stock.banner.text() and "FF-" in view.stock.banner.text()
    flagged = {row[1]: row[8] for row in rows(view.stock)}
    assert "Below zero" in flagged["棉被"]


def test_the_stock_card_lists_each_movement_and_the_balances(qtbot, hut_window):
    view = show_hut(hut_window, qtbot)
    view.stock.search.setText("书包")
    view.stock.read_list()
    settle(qtbot)
    view.stock.table.selectRow(0)
    card = view.stock.open_card()
    settle(qtbot)
    lines = rows(card)
    assert [line[4] for line in lines if line[4]] == ["20"]  # the school's 20 in
    assert [line[5] for line in lines if line[5]] == ["3", "5"]   # 3 handed out, 5 sent to 红星村's hut
    assert "12 个" in card.closing.text()


def test_a_hut_not_set_up_asks_its_name_first(qtbot, hut_window):
    context = hut_window.context
    with context.db.unit_of_work(context.actor) as uow:
        from desktop.services.station import village_code
        from desktop.storage.models import Hut

        uow.session.get(Hut, village_code(uow)).deleted = True
    view = show_hut(hut_window, qtbot)
    assert view.pages.currentWidget() is view.not_set_up
    dialog = view.last_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.name.setText("向阳村爱心小屋")
    dialog.save()
    settle(qtbot)
    assert closed(dialog)
    assert view.pages.currentWidget() is view.tabs
    assert "向阳村爱心小屋" in view.title.text()


def test_drafts_come_first_in_the_documents(qtbot, hut_window):
    view = show_hut(hut_window, qtbot)
    view.tabs.setCurrentWidget(view.documents)
    settle(qtbot)
    shown = rows(view.documents)
    assert shown[0][6] == "Draft" and shown[1][6] != "Draft"



def test_the_chart_shows_goods_in_and_out_by_month_and_stock_by_category(qtbot, hut_window):
    context = hut_window.context
    chart = find(context, lambda uow: hut_stock.hut_chart(uow))
    view = show_hut(hut_window, qtbot)
    dialog = view.stock.open_chart()
    settle(qtbot)
    assert dialog.months.values(0) == [flow.received for flow in chart.months]
    assert dialog.months.values(1) == [flow.issued for flow in chart.months]
    assert sum(dialog.months.values(0)) > 0 and sum(dialog.months.values(1)) > 0
    shown = {bar.label: bar.values[0] for bar in dialog.categories.bars}
    assert shown["Bedding"] == on_hand(context, "棉被")
    painted = dialog.months.grab()  # paints without trouble
    assert not painted.isNull()


def test_a_distribution_prints_with_the_recipients_signature_line(qtbot, hut_window, tmp_path, monkeypatch):
    view = show_hut(hut_window, qtbot)
    view.tabs.setCurrentWidget(view.documents)
    view.documents.kind.setCurrentIndex(view.documents.kind.findData(DocumentKind.DISTRIBUTION.value))
    settle(qtbot)
    row = next(view.documents.model.row_object(n) for n in range(view.documents.model.rowCount())
               if view.documents.model.row_object(n).posted is not None)
    view.documents.select(row.key)
    posted = view.documents.open_selected()
    saved = tmp_path / "distribution.pdf"
    monkeypatch.setattr(printing, "choose_pdf_path", lambda *args: saved)
    monkeypatch.setattr(printing, "open_pdf", lambda path: True)
    posted.print_paper("distribution")
    settle(qtbot)
    text = pdf_text(saved)
    assert "物品发放单" in text and "领取人（签字）" in text and row.number in text
    assert row.counterpart in text


def test_a_posted_intake_is_reversed_with_the_reason_and_its_goods_leave_the_stock(qtbot, hut_window):
    context = hut_window.context
    view = show_hut(hut_window, qtbot)
    view.tabs.setCurrentWidget(view.documents)
    settle(qtbot)
    row = next(view.documents.model.row_object(n) for n in range(view.documents.model.rowCount())
               if view.documents.model.row_object(n).kind == DocumentKind.INTAKE
               and view.documents.model.row_object(n).what == "冬季棉衣 6件")
    coats = on_hand(context, "冬季棉衣")
    view.documents.select(row.key)
    posted = view.documents.open_selected()
    assert posted.reverse_button.isEnabled()
    dialog = posted.reverse()
    dialog.save()
    settle(qtbot)
    assert dialog.message.isVisible() and dialog.reason.property("problem")  # why, first
    dialog.reason.setPlainText("数量登记错误")
    dialog.save()
    settle(qtbot)
    assert closed(dialog)
    assert on_hand(context, "冬季棉衣") == coats - 6
    states = {r[0]: r[6] for r in rows(view.documents)}
    assert states[row.number] == "Reversed"


def _texts(widget) -> list[str]:
    """What a person reads in a window: its labels, buttons, tabs, check boxes, lists' headings and cells."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTableView, QTabWidget

    found = [widget.windowTitle()] if widget.isWindow() else []
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        if child.isVisibleTo(widget):
            found.append(child.text())
    for child in widget.findChildren(QLineEdit):
        if child.isVisibleTo(widget):
            found.append(child.placeholderText())
    for tabs in widget.findChildren(QTabWidget):
        found.extend(tabs.tabText(index) for index in range(tabs.count()))
    for table in widget.findChildren(QTableView):
        model = table.model()
        found.extend(str(model.headerData(column, Qt.Orientation.Horizontal)) for column in
                     range(model.columnCount()))
        found.extend(str(model.index(row, column).data() or "") for row in range(min(model.rowCount(), 30))
                     for column in range(model.columnCount()))
    return [text for text in found if text]


def test_the_hut_reads_in_chinese_from_stock_to_a_document(qtbot, hut_window):
    from screen import english_words

    from desktop.domain.hut import NUMBER_PATTERN
    from ui.i18n import install_language

    install_language("zh_CN")
    try:
        view = HutView(hut_window.context)  # built in Chinese
        qtbot.addWidget(view)
        view.resize(1300, 700)
        view.show()
        settle(qtbot)
        seen = _texts(view)
        for page in (view.documents, view.catalogue):
            view.tabs.setCurrentWidget(page)
            settle(qtbot)
            seen += _texts(page)
        view.catalogue.tabs.setCurrentWidget(view.catalogue.donors)
        settle(qtbot)
        seen += _texts(view.catalogue.donors)
        dialog = view.documents.new_document(DocumentKind.INTAKE.value)
        settle(qtbot)
        seen += _texts(dialog)
        view.stock.table.selectRow(0)
        card = view.stock.open_card()
        settle(qtbot)
        seen += _texts(card)
    finally:
        install_language("en")
    assert "爱心扶贫小屋：向阳村爱心扶贫小屋" in seen and "库存" in seen and "物品接收" in seen
    english = [text for text in seen if english_words(NUMBER_PATTERN.sub("", text))]
    assert english == [], f"the hut shows English: {english}"


def test_cash_passed_on_needs_its_charity_and_receipt(qtbot, hut_window):
    context = hut_window.context
    view = show_hut(hut_window, qtbot)
    dialog = view.documents.new_document(DocumentKind.INTAKE.value)
    donor = find(context, lambda uow: hut.list_donors(uow))[0]
    dialog.set_donor(donor.id, donor.name)
    choose_item(dialog, qtbot, "书包")
    dialog.quantity.setText("1")
    click(qtbot, dialog.add_line_button)
    dialog.cash_amount.setValue(300)
    click(qtbot, dialog.post_button)
    assert not closed(dialog) and dialog.cash_charity.property("problem")
    dialog.cash_charity.setText("白城市慈善总会")
    dialog.cash_receipt.setText("20261201")
    click(qtbot, dialog.post_button)
    assert closed(dialog)
    posted = next(row for row in find(context, lambda uow: hut_stock.list_documents(uow))
                  if row.id == dialog.posted_id)
    assert posted.cash_amount == 300


def test_stock_on_a_past_day_leaves_out_what_moved_since(qtbot, hut_window):
    from datetime import timedelta

    from ui.programme import set_date, today

    context = hut_window.context
    view = show_hut(hut_window, qtbot)
    view.stock.search.setText("书包")
    view.stock.read_list()
    settle(qtbot)
    assert [row[2] for row in rows(view.stock)] == ["12 个"]  # 20 in, 3 handed out, 5 on their way to 红星村
    set_date(view.stock.day, today(context) - timedelta(days=20))  # after the school's 20, before 3 went out
    view.stock.past.setChecked(True)
    settle(qtbot)
    assert [row[2] for row in rows(view.stock)] == ["20 个"]
    set_date(view.stock.day, today(context) - timedelta(days=40))  # before any came in
    settle(qtbot)
    assert [row[2] for row in rows(view.stock)] == ["0 个"]


def test_an_intake_prints_a_thank_you_letter_and_goes_to_a_printer(qtbot, hut_window, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    view = show_hut(hut_window, qtbot)
    view.tabs.setCurrentWidget(view.documents)
    settle(qtbot)
    row = next(view.documents.model.row_object(n) for n in range(view.documents.model.rowCount())
               if view.documents.model.row_object(n).counterpart == "孙立新")
    view.documents.select(row.key)
    posted = view.documents.open_selected()
    letter = tmp_path / "letter.pdf"
    monkeypatch.setattr(printing, "choose_pdf_path", lambda *args: letter)
    monkeypatch.setattr(printing, "open_pdf", lambda path: True)
    posted.print_paper("letter")
    settle(qtbot)
    text = pdf_text(letter)
    assert "感谢信" in text and "孙立新" in text and "棉被" in text and "白城市慈善总会" in text

    printed = tmp_path / "printer.pdf"

    def chosen(dialog) -> QPrintDialog.DialogCode:  # the person picks a printer that writes a file
        dialog.printer().setOutputFileName(str(printed))
        return QPrintDialog.DialogCode.Accepted
    monkeypatch.setattr(QPrintDialog, "exec", chosen)
    posted.print_paper("slip", printer=True)
    settle(qtbot)
    assert "接收凭证" in pdf_text(printed) and row.number in pdf_text(printed)
