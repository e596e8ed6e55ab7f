"""One table model for every list: column definitions, a row-id role, sorting, and lazy paging."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView
from shiboken6 import isValid

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Any], object]
    align_right: bool = False
    sort_value: Callable[[Any], object] | None = None


def display(value: object) -> str:
    """Dates as people write them; everything else as text."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone()  # the PC's local time
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    return str(value)


class RecordTableModel(QAbstractTableModel):
    """Rows are plain result objects from a service.

    For long lists give ``fetch_page(offset, limit, deliver)``: it starts reading a page (a read operation,
    off the screen's thread) and calls ``deliver(rows)`` with it; the view asks for more rows as the person
    scrolls (``canFetchMore``/``fetchMore``), and ``page_added`` follows each page shown.  A page that
    arrives after the list was started again is dropped.
    """

    PAGE = 200
    page_added = Signal()

    def __init__(self, columns: Sequence[Column], *, row_id: Callable[[Any], object],
                 fetch_page: Callable[[int, int, Callable[[list[Any]], None]], None] | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._row_id = row_id
        self._fetch_page = fetch_page
        self._rows: list[Any] = []
        self._exhausted = fetch_page is None
        self._fetching = False
        self._generation = 0  # bumped whenever the rows start again, so a late page is not added

    # -- loading ------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._generation += 1
        self._fetching = False
        self._rows = list(rows)
        self._exhausted = True
        self.endResetModel()

    def reload(self) -> None:
        """Start again from the first page of ``fetch_page``; the rows shown stay until it arrives, so a
        list read again (a search typed, a change elsewhere) does not flash empty."""
        if self._fetch_page is None:
            self.set_rows([])
            return
        self._generation += 1
        self._fetching = True
        generation = self._generation
        self._fetch_page(0, self.PAGE, lambda page: self._add_page(generation, page, first=True))

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:
        if parent.isValid() or self._fetch_page is None or self._exhausted or self._fetching:
            return
        self._fetching = True
        generation = self._generation
        self._fetch_page(len(self._rows), self.PAGE, lambda page: self._add_page(generation, page))

    def _add_page(self, generation: int, page: list[Any], *, first: bool = False) -> None:
        if generation != self._generation or not isValid(self):
            return  # the list started again meanwhile
        self._fetching = False
        if first:
            self.beginResetModel()
            self._rows = list(page)
            self._exhausted = len(page) < self.PAGE
            self.endResetModel()
        elif len(page) < self.PAGE:
            self._exhausted = True
        if page and not first:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        self.page_added.emit()

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    # -- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(column.value(row))
        if role == ROW_ID_ROLE:
            return self._row_id(row)
        if role == SORT_ROLE:
            value = (column.sort_value or column.value)(row)
            return value if isinstance(value, int | float) else display(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def record_table(model: QAbstractItemModel, *, name: str, single: bool = True) -> QTableView:
    """A read-only list view that behaves the same everywhere: whole rows selected, last column stretched."""
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection if single
                           else QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    # Never squeezed below its headings and three rows: a window too low for more scrolls instead.
    rows = 3 * table.verticalHeader().defaultSectionSize()
    table.setMinimumHeight(table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth())
    return table


def sortable_table(model: RecordTableModel, *, name: str, parent: QObject | None = None,
                   single: bool = True) -> tuple[QSortFilterProxyModel, QTableView]:
    """``record_table`` over a proxy that sorts by each column's sort value when a heading is clicked."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = record_table(proxy, name=name, single=single)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as loaded until a heading is clicked
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return proxy, table


def _source(model: QAbstractItemModel, index: QModelIndex) -> tuple[QAbstractItemModel, QModelIndex]:
    while isinstance(model, QAbstractProxyModel):
        index = model.mapToSource(index)
        model = model.sourceModel()
    return model, index


def selected_object(table: QTableView) -> Any | None:
    """The result object of the (first) selected row, through any sorting proxy, or None."""
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    model, index = _source(table.model(), rows[0])
    return model.row_object(index.row())  # type: ignore[attr-defined]


def selected_objects(table: QTableView) -> list[Any]:
    """The result objects of every selected row, top to bottom as shown, through any sorting proxy."""
    found = []
    for index in sorted(table.selectionModel().selectedRows(), key=lambda index: index.row()):
        model, source = _source(table.model(), index)
        found.append(model.row_object(source.row()))  # type: ignore[attr-defined]
    return found


def select_by_id(table: QTableView, row_id: object) -> bool:
    """Select the row whose id (``ROW_ID_ROLE``) is ``row_id``; False when it is not in the list."""
    model = table.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data(ROW_ID_ROLE) == row_id:
            table.selectRow(row)
            return True
    return False
