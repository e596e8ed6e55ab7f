"""The hut's goods from and to Excel: a messy sheet of catalogue items and opening stock is read as the volunteer
sheets are; with a bad row nothing is imported unless only the good rows are asked for; items are found by name and
unit or barcode, else made once; the quantities are one opening document; the stock on hand exports and reads
back."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from desktop.domain.hut import DocumentKind
from desktop.errors import InvalidInput, PermissionDenied
from desktop.services import hut_ledger, stock_excel
from desktop.services.hut_ledger import Header, Line
from desktop.spreadsheets import read_first_sheet
from desktop.storage.models import HutDocument, Item, StockMovement

VILLAGE = "220802101201"


@pytest.fixture
def station(setup_station, fake_now):
    setup_station.db.now = fake_now  # today is 2026-11-29
    return setup_station


def xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


GOOD_ROWS = [
    ["幸福村爱心扶贫小屋期初库存表"],                                                   # 1: a title above the header
    ["序号", "单 位", "物品名称", "备注", "数量", "类别", "估价（元）", "有效期", "条码"],  # 2: any order, extra one
    [1, "袋", " 大米 ", "十斤装", "１０", "粮油食品", "50", "2027-03-01", "6901234567892"],  # 3: full-width, spaces
    [2, "桶", "豆油", "", 4, "粮油", "65.5", "", ""],                                      # 4
    [3, "件", "棉衣", "", "", "衣物", "", "", ""],                                          # 5: the item alone
    [4, "袋", "大米", "", 2, "粮油食品", "50", "2027-05-01", ""],                           # 6: the same item again
]
BAD_ROWS = [
    [5, "袋", "面粉", "", 0, "粮油食品", "", "", ""],           # 7: a quantity of zero
    [6, "袋", "白糖", "", -3, "粮油食品", "", "", ""],          # 8: negative
    [7, "箱", "牛奶", "", "一箱", "粮油食品", "", "", ""],      # 9: not a number
    [8, "个", "暖水袋", "", 2, "小家电", "", "", ""],           # 10: no such category
    [9, "盒", "饼干", "", 5, "粮油食品", "", "2026-10-01", ""],  # 11: expired
    ["制表人：张桂兰"],                                          # 12: the form's footer
]


def _import(station, data: bytes, **options) -> stock_excel.StockImportReport:
    with station.db.unit_of_work(station.hut_manager) as uow:
        return stock_excel.import_stock(uow, data=data, **options)


def _state(station):
    with station.db.reading(station.viewer) as uow:
        items = {item.name: item for item in uow.session.scalars(select(Item))}
        stock = hut_ledger.on_hand(uow.session)
        documents = [(doc.kind, doc.number) for doc in uow.session.scalars(select(HutDocument))]
        uow.session.expunge_all()
    return items, {name: stock.get(item.id, 0.0) for name, item in items.items()}, documents


def test_a_messy_sheet_of_goods_becomes_the_catalogue_and_one_opening_document(station):
    report = _import(station, xlsx([*GOOD_ROWS, ["制表人：张桂兰"]]))
    assert report.kept and report.refused == () and report.added == 4 and report.passed_over == 1
    assert sorted(report.items_made) == ["大米", "棉衣", "豆油"] and report.document_number.startswith("QC-")
    items, stock, documents = _state(station)
    assert stock == {"大米": 12.0, "豆油": 4.0, "棉衣": 0.0}
    assert documents == [("opening", report.document_number)]
    rice = items["大米"]
    assert (rice.category, rice.unit, rice.barcode, rice.tracks_expiry) == ("grain_oil", "袋", "6901234567892", True)
    assert items["棉衣"].category == "clothing" and items["豆油"].category == "grain_oil"
    with station.db.reading(station.viewer) as uow:
        lines = {(m.quantity, m.unit_value, m.expires_on) for m in uow.session.scalars(
            select(StockMovement).where(StockMovement.document_id == report.document_id))}
    assert lines == {(10.0, 50.0, "2027-03-01"), (4.0, 65.5, ""), (2.0, 50.0, "2027-05-01")}


def test_with_bad_rows_nothing_is_imported_and_each_is_named_with_why(station):
    report = _import(station, xlsx([*GOOD_ROWS, *BAD_ROWS]))
    assert not report.kept and report.added == 0
    assert [problem.row for problem in report.refused] == [7, 8, 9, 10, 11]
    texts = [problem.text() for problem in report.refused]
    assert "A quantity of 0" in texts[0] and "below zero" in texts[1] and "\"一箱\" is not a quantity" in texts[2]
    assert "\"小家电\" is not a category" in texts[3] and "expired on 2026-10-01" in texts[4]
    assert _state(station) == ({}, {}, [])


def test_the_good_rows_alone_are_imported_when_that_is_asked_for(station):
    report = _import(station, xlsx([*GOOD_ROWS, *BAD_ROWS]), only_valid=True)
    assert report.kept and report.added == 4 and len(report.refused) == 5
    _, stock, documents = _state(station)
    assert stock == {"大米": 12.0, "豆油": 4.0, "棉衣": 0.0} and [kind for kind, _ in documents] == ["opening"]


def test_rows_are_matched_to_the_catalogue_by_name_and_unit_or_by_barcode(station):
    with station.db.unit_of_work(station.hut_manager) as uow:
        uow.session.add_all([Item(village_code=VILLAGE, name="大米", category="grain_oil", unit="袋"),
                             Item(village_code=VILLAGE, name="洗衣粉", category="daily", unit="袋",
                                  barcode="6920174736731")])
    report = _import(station, xlsx([
        ["物品名称", "单位", "数量", "条码"],
        ["大 米", "袋", 3, ""],              # the catalogue's 大米 by name and unit
        ["大米", "斤", 20, ""],              # another unit: another item
        ["", "", 2, "6920174736731"],        # by barcode alone
    ]))
    assert report.refused == () and report.items_made == ("大米",) and report.items_matched == 2
    with station.db.reading(station.viewer) as uow:
        by_unit = {(item.name, item.unit): hut_ledger.on_hand(uow.session, [item.id]).get(item.id, 0.0)
                   for item in uow.session.scalars(select(Item))}
    assert by_unit == {("大米", "袋"): 3.0, ("大米", "斤"): 20.0, ("洗衣粉", "袋"): 2.0}


def test_an_item_with_goods_on_the_ledger_gets_no_opening_balance(station):
    with station.db.unit_of_work(station.hut_manager) as uow:
        rice = Item(village_code=VILLAGE, name="大米", category="grain_oil", unit="袋")
        uow.session.add(rice)
        uow.session.flush()
        hut_ledger.post(uow, Header(DocumentKind.INTAKE), [Line(rice.id, 5)])
    report = _import(station, xlsx([["物品名称", "单位", "数量"], ["大米", "袋", 3], ["大米", "袋", ""]]))
    assert [problem.row for problem in report.refused] == [2] and "intake" in report.refused[0].text()
    assert _state(station)[1] == {"大米": 5.0}


def test_a_sheet_without_the_needed_columns_or_not_a_workbook_is_refused(station):
    with pytest.raises(InvalidInput, match="物品名称 and 单位"):
        _import(station, xlsx([["名字", "数量"], ["大米", 3]]))
    with pytest.raises(InvalidInput, match="not an Excel workbook"):
        _import(station, b"not a workbook")
    with pytest.raises(PermissionDenied), station.db.unit_of_work(station.coordinator) as uow:
        stock_excel.import_stock(uow, data=xlsx(GOOD_ROWS))


def test_the_stock_on_hand_exports_with_the_imports_columns_and_reads_back(station):
    _import(station, xlsx(GOOD_ROWS))
    with station.db.reading(station.viewer) as uow:
        data = stock_excel.export_stock(uow)
        assert stock_excel.count_stock(uow) == 3
    rows = read_first_sheet(data)
    assert rows[0] == list(stock_excel.EXPORT_HEADERS)
    assert sorted(rows[1:]) == sorted([
        ["大米", "粮油食品", "袋", "12", "50", "2027-03-01", "6901234567892"],
        ["豆油", "粮油食品", "桶", "4", "65.5"],
        ["棉衣", "衣物", "件", "0"],
    ])
