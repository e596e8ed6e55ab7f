"""A posted document of the hut opened from the documents tab, whatever its kind: its lines in a table (item,
category, quantity, condition, value, expiry; a transfer's sent and arrived figures with why they differ, a count's
reasons, the document a reversal undoes), and its paper written to PDF with the signatures it needs; a distribution
typed on screen carrying what its goods are worth."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pypdf
import pytest
from PySide6.QtCore import Qt
from screen import click, closed, rows, settle

from desktop.domain.hut import DocumentKind
from desktop.services import households, hut_ledger, hut_stock, hut_transfers, stock_excel
from desktop.services.demo import DEMO_ACCOUNTS
from desktop.services.hut_transfers import ReceiptForm
from desktop.spreadsheets import Sheet, workbook_bytes
from ui import printing
from ui.table import select_by_id
from ui.views.hut import HutView
from ui.views.hut.documents import DocumentDialog, PostedDialog

HUT_MANAGER = DEMO_ACCOUNTS[2]


@pytest.fixture
def hut_window(demo_app, sign_in):
    return sign_in(demo_app, HUT_MANAGER.username)


def find(context, work):
    with context.db.reading(context.actor) as uow:
        return work(uow)


def documents_tab(window, qtbot):
    view = window.show_area("hut")
    assert isinstance(view, HutView)
    view.tabs.setCurrentWidget(view.documents)
    settle(qtbot)
    return view.documents


def open_posted(tab, qtbot, kind: str, number: str = "") -> PostedDialog:
    """Open a posted document of ``kind`` (the one numbered ``number``, else the latest) as a person would: the
    kind chosen in the filter, its row chosen, Open."""
    tab.kind.setCurrentIndex(tab.kind.findData(kind))
    settle(qtbot)
    listed = [tab.model.row_object(n) for n in range(tab.model.rowCount())]
    row = next(row for row in listed if row.posted is not None and (not number or row.number == number))
    assert tab.select(row.key)
    dialog = tab.open_selected()
    assert isinstance(dialog, PostedDialog)
    settle(qtbot)
    return dialog


def shown_lines(dialog: PostedDialog) -> list[dict[str, str]]:
    """The lines' table as a person reads it: each row's cell under each heading shown (hidden columns left out)."""
    model = dialog.lines_table.model()
    headings = {column: model.headerData(column, Qt.Orientation.Horizontal)
                for column in range(model.columnCount()) if not dialog.lines_table.isColumnHidden(column)}
    return [{heading: model.index(row, column).data() for column, heading in headings.items()}
            for row in range(model.rowCount())]


def line_of(dialog: PostedDialog, item: str) -> dict[str, str]:
    return next(line for line in shown_lines(dialog) if line["Item"] == item)


def pdf_text(path: Path) -> str:
    """The paper's words, as it reads once the lines a narrow column broke them into are joined."""
    return "".join("".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages)


def printed(dialog: PostedDialog, qtbot, tmp_path: Path, monkeypatch) -> str:
    """The document's paper saved as a PDF, read back."""
    saved = tmp_path / f"{dialog.row.number}.pdf"
    monkeypatch.setattr(printing, "choose_pdf_path", lambda *args: saved)
    monkeypatch.setattr(printing, "open_pdf", lambda path: True)
    dialog.print_menu.actions()[0].trigger()  # "… to PDF…"
    settle(qtbot)
    return pdf_text(saved)


def test_an_intake_opens_with_each_line_its_category_condition_value_and_expiry(qtbot, hut_window):
    tab = documents_tab(hut_window, qtbot)
    tab.donor.setCurrentIndex(tab.donor.findText("刘淑芬"))  # the milk, each lot with its expiry
    dialog = open_posted(tab, qtbot, DocumentKind.INTAKE.value)
    lines = shown_lines(dialog)
    assert [(line["Item"], line["Category"], line["Quantity"], line["Condition"], line["Value each"], line["Value"])
            for line in lines] == [("纯牛奶（整箱）", "Grain, oil and food", "12 箱", "New", "¥55", "¥660"),
                                   ("纯牛奶（整箱）", "Grain, oil and food", "6 箱", "New", "¥55", "¥330")]
    assert all(line["Expiry"] for line in lines) and lines[0]["Expiry"] < lines[1]["Expiry"]
    assert "刘淑芬" in dialog.facts.text() and "¥990" in dialog.facts.text()


def test_a_distribution_opens_with_its_lines_valued_as_they_came_in(qtbot, hut_window):
    tab = documents_tab(hut_window, qtbot)
    dialog = open_posted(tab, qtbot, DocumentKind.DISTRIBUTION.value,
                         number=next(row.number for row in find(hut_window.context, hut_stock.list_documents)
                                     if "洗衣粉 2袋" in row.what and "纯牛奶" in row.what))
    assert shown_lines(dialog) == [
        {"Item": "纯牛奶（整箱）", "Category": "Grain, oil and food", "Quantity": "2 箱", "Value each": "¥55",
         "Value": "¥110"},
        {"Item": "洗衣粉", "Category": "Daily necessities", "Quantity": "2 袋", "Value each": "¥10", "Value": "¥20"},
    ]  # in pinyin order; no condition, no expiry: those columns are left out


def test_an_exchange_opens_with_its_goods_and_the_points_and_prints_for_the_household_to_sign(
        qtbot, hut_window, tmp_path, monkeypatch):
    tab = documents_tab(hut_window, qtbot)
    dialog = open_posted(tab, qtbot, DocumentKind.EXCHANGE.value)
    assert shown_lines(dialog) == [{"Item": "大米（10斤装）", "Category": "Grain, oil and food", "Quantity": "1 袋",
                                    "Value each": "¥45", "Value": "¥45"}]
    assert "Points taken: 45" in dialog.facts.text()
    text = printed(dialog, qtbot, tmp_path, monkeypatch)
    assert "积分兑换单" in text and dialog.row.number in text and "大米（10斤装）" in text
    assert "兑换人（户主签字）" in text and "小屋管理员（签字）" in text and "45" in text


def test_a_transfer_out_opens_with_what_was_sent_on_its_way_and_prints_for_sender_and_receiver(
        qtbot, hut_window, tmp_path, monkeypatch):
    tab = documents_tab(hut_window, qtbot)
    dialog = open_posted(tab, qtbot, DocumentKind.TRANSFER_OUT.value)
    assert [(line["Item"], line["Sent"], line["Arrived"], line["Difference"], line["Value each"])
            for line in shown_lines(dialog)] == [("棉被", "2 床", "on the way", "", "¥150"),
                                                 ("书包", "5 个", "on the way", "", "¥40")]  # in pinyin order
    assert "红星村爱心扶贫小屋" in dialog.facts.text()
    text = printed(dialog, qtbot, tmp_path, monkeypatch)
    assert "物资调拨单" in text and dialog.row.number in text and "书包" in text and "棉被" in text
    assert "调出方经手人（签字）" in text and "调入方接收人（签字）" in text


def confirm_arrival(context, quilts: tuple[float, str], heater: tuple[float, str]) -> None:
    """Confirm the demo's transfer waiting at this hut: what arrived of its quilts and of its heater, and why."""
    waiting = find(context, hut_transfers.incoming_transfers)[0]
    lines = {line.item_name: line.id for line in waiting.lines}
    with context.db.unit_of_work(context.actor) as uow:
        hut_transfers.confirm_transfer(uow, transfer_id=waiting.id, lines=[
            ReceiptForm(lines["棉被"], *quilts), ReceiptForm(lines["电暖器"], *heater)])


def test_a_transfer_in_opens_with_the_difference_and_its_reason_and_prints(qtbot, hut_window, tmp_path, monkeypatch):
    confirm_arrival(hut_window.context, quilts=(3, "路上破损一床，退回永安村"), heater=(1, ""))
    tab = documents_tab(hut_window, qtbot)
    dialog = open_posted(tab, qtbot, DocumentKind.TRANSFER_IN.value)
    assert [(line["Item"], line["Sent"], line["Arrived"], line["Difference"], line["Why it differs"])
            for line in shown_lines(dialog)] == [("电暖器", "1 台", "1 台", "", ""),
                                                 ("棉被", "4 床", "3 床", "-1 床", "路上破损一床，退回永安村")]
    assert "永安村爱心扶贫小屋" in dialog.facts.text()
    text = printed(dialog, qtbot, tmp_path, monkeypatch)
    assert "调拨接收单" in text and dialog.row.number in text and "电暖器" in text
    assert "路上破损一床" in text and "调入方接收人（签字）" in text


def test_a_line_of_which_nothing_arrived_is_on_the_transfer_in_and_its_paper(qtbot, hut_window, tmp_path, monkeypatch):
    """Sent, none arrived: no goods move, but the receiving hut's document says so, with why, for both huts to see
    and sign."""
    confirm_arrival(hut_window.context, quilts=(4, ""), heater=(0, "运输途中丢失"))
    tab = documents_tab(hut_window, qtbot)
    dialog = open_posted(tab, qtbot, DocumentKind.TRANSFER_IN.value)
    assert [(line["Item"], line["Sent"], line["Arrived"], line["Difference"], line["Why it differs"])
            for line in shown_lines(dialog)] == [("电暖器", "1 台", "0 台", "-1 台", "运输途中丢失"),
                                                 ("棉被", "4 床", "4 床", "", "")]
    text = printed(dialog, qtbot, tmp_path, monkeypatch)
    assert "电暖器" in text and "运输途中丢失" in text


def test_an_opening_stock_imported_from_a_sheet_opens_with_its_goods_and_prints_for_who_counted_and_checked(
        qtbot, hut_window, tmp_path, monkeypatch):
    context = hut_window.context
    sheet = workbook_bytes([Sheet("库存", ["物品名称", "类别", "单位", "数量", "估价（元）", "有效期", "条码"], [
        ["暖水瓶", "日用品", "个", "12", "25", "", ""], ["保温杯", "日用品", "个", "6", "30", "", ""]])])
    with context.db.unit_of_work(context.actor) as uow:
        stock_excel.import_stock(uow, data=sheet)
    tab = documents_tab(hut_window, qtbot)
    dialog = open_posted(tab, qtbot, DocumentKind.OPENING.value)
    assert [(line["Item"], line["Quantity"], line["Value each"], line["Value"]) for line in shown_lines(dialog)] == [
        ("保温杯", "6 个", "¥30", "¥180"), ("暖水瓶", "12 个", "¥25", "¥300")]
    text = printed(dialog, qtbot, tmp_path, monkeypatch)
    assert "期初库存单" in text and dialog.row.number in text and "暖水瓶" in text and "保温杯" in text
    assert "盘点人（签字）" in text and "复核人（签字）" in text


def test_a_stocktake_opens_with_each_adjustment_and_its_reason_and_prints_for_who_counted_and_checked(
        qtbot, hut_window, tmp_path, monkeypatch):
    tab = documents_tab(hut_window, qtbot)
    dialog = open_posted(tab, qtbot, DocumentKind.STOCKTAKE.value)
    assert [(line["Item"], line["Category"], line["Quantity"], line["Reason"]) for line in shown_lines(dialog)] == [
        ("冬季棉衣", "Clothing", "-1 件", "Damaged")]
    text = printed(dialog, qtbot, tmp_path, monkeypatch)
    assert "盘点调整单" in text and dialog.row.number in text and "冬季棉衣" in text and "损坏" in text
    assert "盘点人（签字）" in text and "复核人（签字）" in text


def test_a_reversal_opens_naming_what_it_reverses_and_why_and_prints(qtbot, hut_window, tmp_path, monkeypatch):
    context = hut_window.context
    intake = next(row for row in find(context, hut_stock.list_documents) if row.what == "冬季棉衣 6件")
    with context.db.unit_of_work(context.actor) as uow:
        hut_ledger.reverse(uow, document_id=intake.id, reason="数量登记错误")
    tab = documents_tab(hut_window, qtbot)
    dialog = open_posted(tab, qtbot, DocumentKind.REVERSAL.value)
    assert [(line["Item"], line["Quantity"], line["Condition"]) for line in shown_lines(dialog)] == [
        ("冬季棉衣", "-6 件", "Used")]
    assert f"Reverses: Intake {intake.number}" in dialog.facts.text()
    assert "Why: 数量登记错误" in dialog.facts.text()
    text = printed(dialog, qtbot, tmp_path, monkeypatch)
    assert "冲销单" in text and dialog.row.number in text and intake.number in text and "数量登记错误" in text
    original = open_posted(tab, qtbot, DocumentKind.INTAKE.value, number=intake.number)
    assert f"Reversed by {dialog.row.number}" in original.facts.text()


def test_a_distribution_typed_on_screen_carries_the_value_shown_and_the_list_shows_it(qtbot, hut_window):
    context = hut_window.context
    tab = documents_tab(hut_window, qtbot)
    dialog = tab.new_document(DocumentKind.DISTRIBUTION.value)
    assert isinstance(dialog, DocumentDialog)
    head = find(context, lambda uow: households.search_households(uow))[2]
    dialog.set_household(head.id, head.head_name)
    picker = dialog.pick_item()
    settle(qtbot)
    picker.search.setText("棉被")
    picker.refresh()
    settle(qtbot)
    picker.list.setCurrentRow(0)
    picker.buttons.accepted.emit()
    settle(qtbot)
    assert dialog.unit_value.isVisible() and dialog.unit_value.text() == "150"  # as the quilts came in
    dialog.quantity.setText("1")
    click(qtbot, dialog.add_line_button)
    assert [(row[0], row[3]) for row in rows(SimpleNamespace(model=dialog.lines_model))] == [("棉被", "¥150")]
    dialog.barcode.setText("6901234500011")  # rice scanned: valued as it came in, ¥45
    qtbot.keyClick(dialog.barcode, Qt.Key.Key_Return)
    settle(qtbot)
    select_by_id(dialog.lines_table, next(line.id for line in dialog.draft.lines if line.name.startswith("大米")))
    settle(qtbot)
    assert dialog.unit_value.text() == "45"
    dialog.unit_value.setText("40")  # the person knows better
    click(qtbot, dialog.change_line_button)
    click(qtbot, dialog.post_button)
    assert closed(dialog)
    settle(qtbot)
    listed = next(row for row in rows(tab) if row[4] == "大米（10斤装） 1袋、棉被 1床")
    assert listed[5] == "¥190"
    posted = find(context, hut_stock.list_documents)
    assert next(row for row in posted if row.id == dialog.posted_id).value == 190


def test_the_demos_distributions_and_exchange_carry_values(hut_window):
    documents = find(hut_window.context, hut_stock.list_documents)
    going_out = [row for row in documents if row.kind in (DocumentKind.DISTRIBUTION, DocumentKind.EXCHANGE)]
    assert going_out and all(row.value > 0 for row in going_out)


def test_a_posted_transfer_reads_in_chinese(qtbot, hut_window):
    from screen import english_words

    from desktop.domain.hut import NUMBER_PATTERN
    from ui.i18n import install_language

    install_language("zh_CN")
    try:
        view = HutView(hut_window.context)  # built in Chinese
        qtbot.addWidget(view)
        view.show()
        settle(qtbot)
        view.tabs.setCurrentWidget(view.documents)
        settle(qtbot)
        dialog = open_posted(view.documents, qtbot, DocumentKind.TRANSFER_OUT.value)
        model = dialog.lines_table.model()
        seen = [dialog.windowTitle(), dialog.facts.text(), *(action.text() for action in dialog.print_menu.actions())]
        seen += [str(model.headerData(column, Qt.Orientation.Horizontal)) for column in range(model.columnCount())]
        seen += [str(model.index(row, column).data() or "") for row in range(model.rowCount())
                 for column in range(model.columnCount())]
    finally:
        install_language("en")
    assert "调出数量" in seen and "在途" in seen and "床上用品" not in seen and "被褥" in seen
    english = [text for text in seen if english_words(NUMBER_PATTERN.sub("", text))]
    assert english == [], f"the document shows English: {english}"
