"""The love hut's points, stocktake and monthly-notice tabs as a hut manager uses them: an exchange of points for
goods (and one above the points refused on screen), a count with differences and a movement during it, the 公示 on
paper with masked names, and the opening stock from a sheet with bad rows."""

from __future__ import annotations

import dataclasses
import re
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QWidget,
)

from desktop.domain.hut import NUMBER_PATTERN, quantity_text
from desktop.domain.settings import TEXT_SIZES, Settings
from desktop.services import (
    hours,
    households,
    hut,
    hut_drafts,
    hut_ledger,
    hut_points,
    hut_stock,
    hut_stocktake,
    settings,
    volunteers,
)
from desktop.services.households import MemberForm
from desktop.services.hut_drafts import DraftForm, LineForm
from desktop.spreadsheets import Sheet, workbook_bytes
from tests.screen import click, closed, column, english_words, save, settle
from tests.ui.test_printing import pdf_text
from tests.ui.test_window_sizes import window_misfits
from ui.dialogs import place_window
from ui.i18n import install_language
from ui.startup import apply_font_size
from ui.views.hut import notice as notice_module
from ui.views.hut import stocktake as stocktake_module
from ui.views.hut.notice import NoticeTab
from ui.views.hut.points import EarnDialog, ExchangeDialog, PointsTab, RulesDialog
from ui.views.hut.stocktake import StocktakeTab


def shown(qtbot, tab: QWidget) -> QMainWindow:
    """The tab in a window of its own, as the hut's area will hold it, shown and read."""
    window = QMainWindow()
    window.setCentralWidget(tab)
    tab.held_by = window  # the window lives as long as the test holds the tab
    qtbot.addWidget(window)
    window.resize(1280, 680)
    place_window(window)  # centred on its screen, as the main window is
    settle(qtbot)
    return window


def fits(dialog) -> None:
    assert window_misfits(dialog, dialog.objectName()) == []


def on_hand(context, name: str) -> float:
    with context.db.reading(context.actor) as uow:
        prices = {row.name: row for row in hut_points.price_list(uow)}
        return hut_ledger.on_hand(uow.session, [prices[name].item_id])[prices[name].item_id]


@pytest.fixture
def points_tab(qtbot, context) -> PointsTab:
    tab = PointsTab(context)
    shown(qtbot, tab)
    return tab


def test_a_household_earns_points_and_exchanges_them_for_goods_off_the_shelf(qtbot, context, points_tab) -> None:
    tab = points_tab
    household = tab.households_model.row_object(0)
    assert tab.select_household(household.id)
    settle(qtbot)
    assert household.balance == 0

    earn = tab.earn()
    settle(qtbot)
    fits(earn)
    assert isinstance(earn, EarnDialog)
    earn.rule.setCurrentIndex(earn.rule.findData(EarnDialog.OTHER))
    earn.reason.setText("修路出工")
    earn.points.setText("100")
    earn.approved_by.setText("村两委会议")
    save(qtbot, earn)
    assert closed(earn)
    assert "100" in tab.ledger_label.text()
    assert next(tab.households_model.row_object(row).balance for row in range(tab.households_model.rowCount())
                if tab.households_model.row_object(row).id == household.id) == 100

    rice_before = on_hand(context, "大米（10斤装）")
    dialog = tab.exchange()
    settle(qtbot)
    fits(dialog)
    assert isinstance(dialog, ExchangeDialog)
    rows = {dialog.prices[row].name: row for row in range(len(dialog.prices))}
    # 3 bags of rice at 45 points is 135: more than the household has — refused on screen, the typing kept.
    dialog.quantity_box(rows["大米（10斤装）"]).setValue(3)
    assert "35 more" in dialog.cost_label.text()
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "100 points" in dialog.message.text() and "135" in dialog.message.text()
    assert dialog.quantity_box(rows["大米（10斤装）"]).value() == 3
    assert on_hand(context, "大米（10斤装）") == rice_before

    dialog.quantity_box(rows["大米（10斤装）"]).setValue(2)
    assert "10 would be left" in dialog.cost_label.text()
    save(qtbot, dialog)
    assert closed(dialog)
    settle(qtbot)
    assert on_hand(context, "大米（10斤装）") == rice_before - 2
    assert "10 points" in tab.ledger_label.text()
    assert "90 points spent, 10 left" in tab.message.text()
    assert any(entry.points == -90 for entry in tab.ledger.entries)


def test_reasons_for_points_are_added_and_stop_being_offered(qtbot, context, points_tab) -> None:
    rules = points_tab.edit_rules()
    settle(qtbot)
    fits(rules)
    assert isinstance(rules, RulesDialog)
    add = rules.edit(None)
    settle(qtbot)
    fits(add)
    add.name.setText("移风易俗")
    add.points.setText("8")
    save(qtbot, add)
    settle(qtbot)
    names = [rules.model.row_object(row).name for row in range(rules.model.rowCount())]
    assert "移风易俗" in names
    rules.table.selectRow(names.index("移风易俗"))
    click(qtbot, rules.switch_button)
    settle(qtbot)
    with context.db.reading(context.actor) as uow:
        offered = [rule.name for rule in hut_points.list_points_rules(uow)]
    assert "移风易俗" not in offered


def test_the_months_points_list_prints_with_names_masked(qtbot, context, points_tab, monkeypatch,
                                                       tmp_path: Path) -> None:
    tab = points_tab
    household = tab.households_model.row_object(0)
    with context.db.unit_of_work(context.actor) as uow:
        hut_points.earn_points(uow, form=hut_points.EarnForm(household_id=household.id, approved_by="村委会",
                                                             reason="修路出工", points=7))
        month = uow.today().isoformat()[:7]
    paper = tmp_path / "points.pdf"
    monkeypatch.setattr("ui.printing.choose_pdf_path", lambda *args: paper)
    monkeypatch.setattr("ui.printing.open_pdf", lambda path: True)
    tab.month.setText(month)
    click(qtbot, tab.print_button)
    text = pdf_text(paper)
    masked = household.head_name[0] + "*" + (household.head_name[-1] if len(household.head_name) > 2 else "")
    assert "积分公示" in text and masked in text and household.head_name not in text


# -- the monthly notice ---------------------------------------------------------------------------------------------

def _month_with_hand_outs(context) -> str:
    """The month of the demo's hand-out to a household nine days ago."""
    with context.db.reading(context.actor) as uow:
        return (uow.today() - timedelta(days=9)).isoformat()[:7]


def test_the_notice_prints_households_masked_and_never_an_id_number(qtbot, context, monkeypatch,
                                                                    tmp_path: Path) -> None:
    tab = NoticeTab(context)
    shown(qtbot, tab)
    tab.month.setText(_month_with_hand_outs(context))
    click(qtbot, tab.show_button)
    went_out = column(tab.model("went_out"), 2)
    assert went_out
    paper = tmp_path / "notice.pdf"
    monkeypatch.setattr("ui.printing.choose_pdf_path", lambda *args: paper)
    monkeypatch.setattr("ui.printing.open_pdf", lambda path: True)
    click(qtbot, tab.print_button)
    text = pdf_text(paper)
    assert "物资接收和发放公示" in text
    with context.db.reading(context.actor) as uow:
        heads = [row for row in households.search_households(uow)]
    masked_shown = [who for who in went_out if "*" in who]
    assert masked_shown and all(who in text for who in masked_shown)
    assert not any(len(row.head_name) > 1 and row.head_name in text for row in heads)
    assert not re.search(r"\d{17}[\dXx]", text.replace(" ", ""))


def test_publishing_a_month_asks_first_and_then_says_the_month_is_closed(qtbot, context, monkeypatch) -> None:
    tab = NoticeTab(context)
    shown(qtbot, tab)
    asked: list[str] = []
    monkeypatch.setattr(notice_module, "confirm", lambda parent, title, text, action: asked.append(text) or False)
    click(qtbot, tab.publish_button)
    assert asked and tab.notice.published_on == ""
    monkeypatch.setattr(notice_module, "confirm", lambda parent, title, text, action: True)
    click(qtbot, tab.publish_button)
    settle(qtbot)
    assert tab.notice.published_on
    assert "closed" in tab.state.text() and "closed" in tab.message.text()
    assert not tab.publish_button.isEnabled()


# -- the stocktake ----------------------------------------------------------------------------------------------

def _hand_out(context, item_id: str, number: float) -> None:
    """Goods handed out at the hut while the count goes on (another window of the same PC)."""
    with context.db.unit_of_work(context.actor) as uow:
        household = households.search_households(uow)[0].id
        draft = hut_drafts.start_draft(uow, form=DraftForm(kind="distribution", recipient_kind="household",
                                                           household_id=household))
        hut_drafts.add_draft_line(uow, draft_id=draft.id, line=LineForm(item_id, number))
        hut_drafts.post_draft(uow, draft_id=draft.id)


def test_a_count_with_differences_and_a_movement_during_it_posts_the_differences_alone(
        qtbot, context, monkeypatch) -> None:
    tab = StocktakeTab(context)
    shown(qtbot, tab)
    assert not tab.post_button.isEnabled()
    start = tab.start()
    settle(qtbot)
    fits(start)
    save(qtbot, start)  # every item
    settle(qtbot)
    assert tab.sheet is not None and tab.lines.rowCount() >= 5
    quilts, rice = tab.row_of("棉被"), tab.row_of("大米（10斤装）")
    quilt_line, rice_line = tab.sheet.lines[quilts], tab.sheet.lines[rice]
    assert all(tab.lines.item(row, tab.DIFFERENCE).text() == "Not counted" for row in range(tab.lines.rowCount()))

    tab.lines.item(quilts, tab.COUNTED).setText(quantity_text(quilt_line.expected - 1))
    tab.reason_box(quilts).setCurrentIndex(tab.reason_box(quilts).findData("damaged"))
    assert tab.lines.item(quilts, tab.DIFFERENCE).text() == "-1"
    # A count typed as people type it reads as the count will be saved: full-width digits and the unit after it.
    tab.lines.item(rice, tab.COUNTED).setText(
        f"{quantity_text(rice_line.expected + 1).translate(str.maketrans('0123456789', '０１２３４５６７８９'))}袋")
    assert tab.lines.item(rice, tab.DIFFERENCE).text() == "+1"
    tab.lines.item(rice, tab.COUNTED).setText(quantity_text(rice_line.expected))

    _hand_out(context, rice_line.item_id, 2)  # two bags go out while the count goes on
    settle(qtbot)
    # The change reloads the count: what moved is shown, and what was typed is still there.
    assert "大米（10斤装） -2袋" in tab.moved.text()
    assert tab.lines.item(rice, tab.MOVED).text() == "-2"
    assert tab.counted_text(quilts) == quantity_text(quilt_line.expected - 1)
    assert tab.reason_box(quilts).currentData() == "damaged"

    asked: list[str] = []
    monkeypatch.setattr(stocktake_module, "confirm", lambda parent, title, text, action: asked.append(text) or True)
    click(qtbot, tab.post_button)
    settle(qtbot)
    assert asked and "not counted" in asked[0]
    assert "posted as" in tab.message.text()
    with context.db.reading(context.actor) as uow:
        stock = hut_ledger.on_hand(uow.session, [quilt_line.item_id, rice_line.item_id])
    assert stock[quilt_line.item_id] == quilt_line.expected - 1
    assert stock[rice_line.item_id] == rice_line.expected - 2  # the hand-out during the count is not undone
    assert tab.sheet is None


def test_a_difference_without_a_reason_is_refused_with_the_counts_kept(qtbot, context, monkeypatch) -> None:
    tab = StocktakeTab(context)
    shown(qtbot, tab)
    with context.db.unit_of_work(context.actor) as uow:
        hut_stocktake.start_stocktake(uow, shelf="B1", blind=True)
    settle(qtbot)
    assert tab.lines.rowCount() == 1 and tab.lines.item(0, tab.EXPECTED).text() == "hidden"
    tab.lines.item(0, tab.COUNTED).setText("0")
    monkeypatch.setattr(stocktake_module, "confirm", lambda *args, **kwargs: True)
    click(qtbot, tab.post_button)
    assert "棉被" in tab.message.text() and tab.counted_text(0) == "0"
    assert tab.sheet is not None


def test_the_count_sheet_prints_a_blank_count_column_and_signature_lines(qtbot, context, monkeypatch,
                                                                         tmp_path: Path) -> None:
    tab = StocktakeTab(context)
    shown(qtbot, tab)
    with context.db.unit_of_work(context.actor) as uow:
        hut_stocktake.start_stocktake(uow, category="bedding")
    settle(qtbot)
    paper = tmp_path / "count.pdf"
    monkeypatch.setattr("ui.printing.choose_pdf_path", lambda *args: paper)
    monkeypatch.setattr("ui.printing.open_pdf", lambda path: True)
    click(qtbot, tab.print_button)
    text = pdf_text(paper)
    assert "盘点表" in text and "棉被" in text and "实盘数量" in text and "盘点人" in text and "监盘人" in text


# -- the opening stock from Excel ----------------------------------------------------------------------------------

def _sheet(path: Path, rows: list[list[object]]) -> Path:
    path.write_bytes(workbook_bytes([Sheet("库存", ["物品名称", "类别", "单位", "数量", "估价（元）", "有效期", "条码"],
                                           rows)]))
    return path


def test_an_opening_stock_sheet_with_bad_rows_is_refused_row_by_row_or_its_good_rows_imported(
        qtbot, context, monkeypatch, tmp_path: Path) -> None:
    tab = StocktakeTab(context)
    shown(qtbot, tab)
    source = _sheet(tmp_path / "opening.xlsx", [
        ["暖水瓶", "日用品", "个", "１２", "25", "", ""],
        ["毛巾", "日用品", "条", "很多", "5", "", ""],
        ["电饭锅", "锅碗瓢盆", "个", "2", "120", "", ""],
        ["保温杯", "日用品", "个", "6", "30", "", ""],
    ])
    monkeypatch.setattr(stocktake_module, "choose_import_file", lambda parent, title: source)
    click(qtbot, tab.import_button)
    report = tab.import_report
    fits(report)
    assert "Nothing was imported" in report.summary.text()
    assert [report.refused_model.row_object(row).row for row in range(report.refused_model.rowCount())] == [3, 4]
    with context.db.reading(context.actor) as uow:
        assert "暖水瓶" not in {row.name for row in hut.list_items(uow)}
    target = tmp_path / "report.txt"
    monkeypatch.setattr("ui.views.volunteers.choose_report_path", lambda *args: target)
    report.save_report()
    assert "很多" in target.read_text(encoding="utf-8") and "锅碗瓢盆" in target.read_text(encoding="utf-8")

    assert report.only_valid_button.isVisible()
    click(qtbot, report.only_valid_button)
    settle(qtbot)
    second = tab.import_report
    assert second is not report and "Rows imported from opening.xlsx: 2." in second.summary.text()
    assert not second.only_valid_button.isVisible()
    with context.db.reading(context.actor) as uow:
        stock = {row.name: row.on_hand for row in hut_stock.stock_on_hand(uow)}
    assert stock["暖水瓶"] == 12 and stock["保温杯"] == 6 and "毛巾" not in stock


def test_stock_on_hand_exports_to_excel(qtbot, context, monkeypatch, tmp_path: Path) -> None:
    tab = StocktakeTab(context)
    shown(qtbot, tab)
    target = tmp_path / "stock.xlsx"
    monkeypatch.setattr("ui.export.choose_xlsx_path", lambda parent, title, suggested_name: target)
    click(qtbot, tab.export_button)
    from openpyxl import load_workbook

    names = [row[0] for row in load_workbook(target).active.iter_rows(values_only=True)]
    assert "物品名称" in names and "棉被" in names


def test_points_earned_by_mistake_are_reversed_with_a_reason(qtbot, context, points_tab) -> None:
    tab = points_tab
    household = tab.households_model.row_object(0)
    with context.db.unit_of_work(context.actor) as uow:
        hut_points.earn_points(uow, form=hut_points.EarnForm(household_id=household.id, approved_by="村委会",
                                                             reason="修路出工", points=7))
    settle(qtbot)
    tab.select_household(household.id)
    settle(qtbot)
    tab.entries.selectRow(0)
    assert tab.reverse_button.isEnabled()
    dialog = tab.reverse()
    settle(qtbot)
    fits(dialog)
    save(qtbot, dialog)  # no reason: refused, the dialog stays
    assert not closed(dialog) and dialog.message.text()
    dialog.reason.setText("记错了户")
    save(qtbot, dialog)
    assert closed(dialog)
    settle(qtbot)
    assert tab.ledger.balance == 0 and "0 points" in tab.ledger_label.text()
    assert any(entry.reason == "记错了户" and entry.points == -7 for entry in tab.ledger.entries)


# -- in Chinese -----------------------------------------------------------------------------------------------------

def _texts(widget: QWidget) -> list[str]:
    """What a person reads on a widget and all it holds: labels, buttons, group titles, headings, window titles."""
    found = [widget.windowTitle()] if widget.isWindow() else []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        if isinstance(child, QLabel | QAbstractButton):
            found.append(child.text())
        elif isinstance(child, QGroupBox):
            found.append(child.title())
        elif isinstance(child, QLineEdit):
            found.append(child.placeholderText())
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            found += [str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                      for column in range(model.columnCount())]
            found += [str(model.index(row, column).data() or "") for row in range(min(model.rowCount(), 20))
                      for column in range(model.columnCount())]
    return [text for text in found if text]


def _english(widget: QWidget) -> list[str]:
    return [text for text in _texts(widget) if english_words(NUMBER_PATTERN.sub("", text.replace("&", "")))]


def test_a_month_of_the_hut_reads_in_chinese(qtbot, context, monkeypatch) -> None:
    assert install_language("zh_CN")
    try:
        points, count, notice = PointsTab(context), StocktakeTab(context), NoticeTab(context)
        for tab in (points, count, notice):
            shown(qtbot, tab)
        household = points.households_model.row_object(0)
        points.select_household(household.id)
        settle(qtbot)
        with context.db.unit_of_work(context.actor) as uow:
            hut_points.earn_points(uow, form=hut_points.EarnForm(household_id=household.id, approved_by="村委会",
                                                                 rule_code="hygiene"))
        settle(qtbot)
        dialogs = [points.earn(), points.edit_rules()]
        exchange = points.exchange()
        settle(qtbot)
        exchange.quantity_box(0).setValue(exchange.quantity_box(0).maximum())
        save(qtbot, exchange)  # above the points: refused on screen, in Chinese
        assert "积分" in exchange.message.text()
        points.entries.selectRow(0)
        dialogs += [exchange, points.reverse()]
        with context.db.unit_of_work(context.actor) as uow:
            hut_stocktake.start_stocktake(uow, shelf="A1")
        settle(qtbot)
        dialogs.append(count.start())
        settle(qtbot)
        problems = {tab.objectName(): _english(tab) for tab in (points, count, notice)}
        problems.update({dialog.objectName(): _english(dialog) for dialog in dialogs})
        assert {name: texts for name, texts in problems.items() if texts} == {}
    finally:
        install_language("en")


def test_members_service_hours_earn_points_at_the_settings_rule_once(qtbot, context, points_tab) -> None:
    tab = points_tab
    household = tab.households_model.row_object(0)
    with context.db.unit_of_work(context.actor) as uow:
        volunteer = volunteers.search_volunteers(uow)[0]
        households.add_household_member(uow, household_id=household.id, form=MemberForm(
            name=volunteer.name, relation="child", volunteer_id=volunteer.id))
        hours.add_honour_hours(uow, volunteer_id=volunteer.id, hours=3, served_on=uow.today().isoformat(),
                               reason="汛期巡堤")
    click(qtbot, tab.hours_button)
    assert "0 points per hour" in tab.message.text()
    with context.db.unit_of_work(context.actor) as uow:
        settings.save_settings(uow, settings=dataclasses.replace(settings.load_settings(uow), points_per_hour=2))
    click(qtbot, tab.hours_button)
    assert "(2 points per hour)" in tab.message.text()
    settle(qtbot)
    tab.select_household(household.id)
    settle(qtbot)
    assert any(entry.rule_code == "volunteering" and entry.points == 6 for entry in tab.ledger.entries)
    click(qtbot, tab.hours_button)
    assert tab.message.text().startswith("0 service hours records")


@pytest.mark.parametrize("make", [PointsTab, StocktakeTab, NoticeTab], ids=lambda make: make.__name__)
def test_each_tab_fits_a_small_screen_at_the_largest_text_size(qtbot, context, make) -> None:
    apply_font_size(max(TEXT_SIZES))
    try:
        tab = make(context)
        window = shown(qtbot, tab)
        assert window_misfits(window, make.__name__) == []
    finally:
        apply_font_size(Settings().font_size)


def test_the_households_search_finds_a_household_by_its_head(qtbot, context, points_tab) -> None:
    everyone = points_tab.households_model.rowCount()
    head = points_tab.households_model.row_object(everyone - 1).head_name
    points_tab.search.setText(head)
    qtbot.waitUntil(lambda: points_tab.households_model.rowCount() < everyone)
    settle(qtbot)
    assert head in column(points_tab.households_model, 0)


def test_an_abandoned_count_posts_nothing_after_asking(qtbot, context, monkeypatch) -> None:
    tab = StocktakeTab(context)
    shown(qtbot, tab)
    with context.db.unit_of_work(context.actor) as uow:
        hut_stocktake.start_stocktake(uow, shelf="B1")
        before = hut_ledger.on_hand(uow.session)
    settle(qtbot)
    tab.lines.item(0, tab.COUNTED).setText("0")
    monkeypatch.setattr(stocktake_module, "confirm", lambda *args, **kwargs: False)
    click(qtbot, tab.abandon_button)
    assert tab.sheet is not None and tab.counted_text(0) == "0"
    monkeypatch.setattr(stocktake_module, "confirm", lambda *args, **kwargs: True)
    click(qtbot, tab.abandon_button)
    settle(qtbot)
    assert tab.sheet is None and "abandoned" in tab.message.text() and tab.lines.rowCount() == 0
    with context.db.reading(context.actor) as uow:
        assert hut_ledger.on_hand(uow.session) == before


def test_the_notice_and_the_points_list_export_to_excel(qtbot, context, monkeypatch, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    notice = NoticeTab(context)
    shown(qtbot, notice)
    notice.month.setText(_month_with_hand_outs(context))
    click(qtbot, notice.show_button)
    target = tmp_path / "notice.xlsx"
    monkeypatch.setattr("ui.export.choose_xlsx_path", lambda parent, title, suggested_name: target)
    click(qtbot, notice.excel_button)
    book = load_workbook(target)
    went_out = [cell for row in book.worksheets[1].iter_rows(values_only=True) for cell in row if cell]
    assert any("*" in str(cell) for cell in went_out)

    points = PointsTab(context)
    shown(qtbot, points)
    household = points.households_model.row_object(0)
    with context.db.unit_of_work(context.actor) as uow:
        hut_points.earn_points(uow, form=hut_points.EarnForm(household_id=household.id, approved_by="村委会",
                                                             reason="修路出工", points=7))
        month = uow.today().isoformat()[:7]
    points.month.setText(month)
    listed = tmp_path / "points.xlsx"
    monkeypatch.setattr("ui.export.choose_xlsx_path", lambda parent, title, suggested_name: listed)
    click(qtbot, points.excel_button)
    rows_read = list(load_workbook(listed).active.iter_rows(values_only=True))
    assert rows_read[0][:2] == ("Household", "Earned")
    assert any(row[1] == 7 or row[1] == "7" for row in rows_read[1:])
    assert household.head_name not in {row[0] for row in rows_read}
