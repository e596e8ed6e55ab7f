"""RecordTableModel without any widget: what each cell shows, the row-id role, alignment, lazy paging."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QModelIndex, Qt

from ui.table import ROW_ID_ROLE, SORT_ROLE, Column, RecordTableModel


@dataclass(frozen=True)
class Item:
    id: str
    name: str
    quantity: int
    received: date | datetime | None


COLUMNS = [
    Column("Name", lambda item: item.name),
    Column("Quantity", lambda item: f"{item.quantity} 件", align_right=True, sort_value=lambda item: item.quantity),
    Column("Received", lambda item: item.received),
]

ROWS = [
    Item("a1", "大米", 12, date(2026, 11, 29)),
    Item("b2", "棉被", 3, datetime(2026, 11, 28, 14, 5)),
    Item("c3", "书包", 40, None),
]


def _text(model: RecordTableModel, row: int, column: int) -> str:
    return model.index(row, column).data(Qt.ItemDataRole.DisplayRole)


def test_cells_show_values_with_dates_as_people_write_them(qapp, qtmodeltester):
    model = RecordTableModel(COLUMNS, row_id=lambda item: item.id)
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 3
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["Name", "Quantity", "Received"]
    assert [_text(model, r, 0) for r in range(3)] == ["大米", "棉被", "书包"]
    assert _text(model, 0, 1) == "12 件"
    assert _text(model, 0, 2) == "2026-11-29"
    assert _text(model, 1, 2) == "2026-11-28 14:05"
    assert _text(model, 2, 2) == ""
    assert model.row_object(1) is ROWS[1]


def test_row_id_role_and_sort_role(qapp):
    model = RecordTableModel(COLUMNS, row_id=lambda item: item.id)
    model.set_rows(ROWS)
    assert [model.index(r, 2).data(ROW_ID_ROLE) for r in range(3)] == ["a1", "b2", "c3"]
    # Quantities sort as numbers (3 < 12 < 40), not as the text "12 件" < "3 件".
    assert [model.index(r, 1).data(SORT_ROLE) for r in range(3)] == [12, 3, 40]


def test_only_amount_columns_are_right_aligned(qapp):
    model = RecordTableModel(COLUMNS, row_id=lambda item: item.id)
    model.set_rows(ROWS)
    alignment = model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(alignment) & Qt.AlignmentFlag.AlignRight
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole) is None


class FakeSource:
    """450 rows served a page at a time, remembering what was asked for."""

    def __init__(self, total: int = 450) -> None:
        self.rows = [Item(f"id{n}", f"row {n}", n, None) for n in range(total)]
        self.calls: list[tuple[int, int]] = []

    def fetch_page(self, offset: int, limit: int, deliver) -> None:
        self.calls.append((offset, limit))
        deliver(self.rows[offset:offset + limit])


@pytest.fixture
def source() -> FakeSource:
    return FakeSource()


def test_long_lists_are_fetched_a_page_at_a_time(qapp, qtmodeltester, source):
    model = RecordTableModel(COLUMNS, row_id=lambda item: item.id, fetch_page=source.fetch_page)
    assert model.rowCount() == 0
    assert source.calls == []
    assert model.canFetchMore(QModelIndex())

    model.fetchMore(QModelIndex())
    assert model.rowCount() == 200
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert source.calls == [(0, 200), (200, 200), (400, 200)]
    assert model.index(449, 0).data(ROW_ID_ROLE) == "id449"
    assert _text(model, 449, 0) == "row 449"
    qtmodeltester.check(model)


def test_reload_starts_again_from_the_first_page(qapp, source):
    model = RecordTableModel(COLUMNS, row_id=lambda item: item.id, fetch_page=source.fetch_page)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    source.calls.clear()
    source.rows.insert(0, Item("new", "新来的", 1, None))

    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.reload()
    assert resets == [True]
    assert source.calls == [(0, 200)]
    assert model.rowCount() == 200
    assert model.index(0, 0).data(ROW_ID_ROLE) == "new"
    assert model.canFetchMore(QModelIndex())


def test_a_list_read_again_keeps_its_rows_until_the_new_ones_come_and_drops_a_late_page(qapp, source):
    waiting: list = []
    model = RecordTableModel(COLUMNS, row_id=lambda item: item.id,
                             fetch_page=lambda offset, limit, deliver: waiting.append((offset, limit, deliver)))
    model.set_rows(ROWS)
    model.reload()
    assert model.rowCount() == 3, "the rows shown stay while the first page is read"
    assert not model.canFetchMore(QModelIndex()), "nothing more is asked for while a page is on its way"
    model.reload()  # read again before the first answer came (more was typed in the search)
    (_o1, _l1, late), (_o2, _l2, current) = waiting
    current(source.rows[:200])
    assert model.rowCount() == 200 and model.index(0, 0).data(ROW_ID_ROLE) == "id0"
    late([Item("old", "旧的", 1, None)])
    assert model.rowCount() == 200, "a page of the earlier reading is dropped"
    assert model.canFetchMore(QModelIndex())


def test_set_rows_replaces_everything_and_fetches_no_more(qapp, source):
    model = RecordTableModel(COLUMNS, row_id=lambda item: item.id, fetch_page=source.fetch_page)
    model.fetchMore(QModelIndex())
    model.set_rows(ROWS[:2])
    assert model.rowCount() == 2
    assert not model.canFetchMore(QModelIndex())


def test_the_selected_object_and_selecting_by_id_go_through_the_sorting_proxy(qtbot):
    from ui.table import select_by_id, selected_object, sortable_table

    rows = [SimpleNamespace(id=f"r{n}", name=name) for n, name in enumerate(("丁", "甲", "丙"))]
    model = RecordTableModel([Column("Name", lambda r: r.name)], row_id=lambda r: r.id)
    model.set_rows(rows)
    _proxy, table = sortable_table(model, name="t")
    qtbot.addWidget(table)
    assert selected_object(table) is None
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert select_by_id(table, "r1")
    assert selected_object(table) is rows[1]
    assert table.selectionModel().selectedRows()[0].row() != 1  # the view's row differs from the model's
    assert not select_by_id(table, "missing")


def _sorted(qtbot, columns, rows, section: int, order=Qt.SortOrder.AscendingOrder) -> list[str]:
    """The texts of a column as shown after sorting the table by it."""
    from ui.table import sortable_table

    model = RecordTableModel(columns, row_id=lambda row: row.id)
    model.set_rows(rows)
    proxy, table = sortable_table(model, name="t")
    qtbot.addWidget(table)
    table.sortByColumn(section, order)
    return [proxy.index(row, section).data() for row in range(proxy.rowCount())]


def test_names_sort_by_pinyin_with_the_surname_read_as_a_surname_and_other_text_by_pinyin(qtbot):
    @dataclass(frozen=True)
    class Activity:
        id: str
        title: str
        led_by: str

    rows = [Activity("1", "植树", "曾小明"), Activity("2", "法律咨询", "单雄信"), Activity("3", "单位共建", "张伟"),
            Activity("4", "爱心义诊", "陈刚")]
    columns = [Column("Title", lambda a: a.title), Column("Led by", lambda a: a.led_by, names=True)]
    # Titles by the everyday reading (单位 dan wei), not by character code (单 植 法 爱).
    assert _sorted(qtbot, columns, rows, 0) == ["爱心义诊", "单位共建", "法律咨询", "植树"]
    descending = _sorted(qtbot, columns, rows, 0, Qt.SortOrder.DescendingOrder)
    assert descending == ["植树", "法律咨询", "单位共建", "爱心义诊"]
    # Names as in the lists: chen, shan, zeng, zhang (曾 under Z, 单 as shan).
    assert _sorted(qtbot, columns, rows, 1) == ["陈刚", "单雄信", "曾小明", "张伟"]


def test_numbers_and_dates_still_sort_as_numbers_and_dates(qtbot):
    rows = [*ROWS, Item("d4", "毛巾", 100, date(2026, 1, 5))]
    assert _sorted(qtbot, COLUMNS, rows, 1) == ["3 件", "12 件", "40 件", "100 件"]
    assert _sorted(qtbot, COLUMNS, rows, 2) == ["", "2026-01-05", "2026-11-28 14:05", "2026-11-29"]


def test_a_sorted_list_keeps_its_selection_and_its_order_when_read_again(qtbot, qtmodeltester):
    from ui.table import select_by_id, selected_object, sortable_table

    model = RecordTableModel(COLUMNS, row_id=lambda item: item.id)
    model.set_rows(ROWS)
    proxy, table = sortable_table(model, name="t")
    qtbot.addWidget(table)
    qtmodeltester.check(proxy)
    assert select_by_id(table, "b2")
    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(row, 1).data() for row in range(3)] == ["40 件", "12 件", "3 件"]
    assert selected_object(table) is ROWS[1] and table.selectionModel().selectedRows()[0].row() == 2
    # Read again (a change elsewhere): the new rows come in the order chosen.
    model.set_rows([Item("d4", "毛巾", 25, None), *ROWS])
    assert [proxy.index(row, 1).data() for row in range(4)] == ["40 件", "25 件", "12 件", "3 件"]
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(row, 0).data() for row in range(4)] == ["毛巾", "大米", "棉被", "书包"]  # as they came
