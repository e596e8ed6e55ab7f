"""One table model for every list: column definitions, a row-id role, sorting, and lazy paging."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

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

    For long lists give ``fetch_page(offset, limit)``; the view then asks for more rows as the
    person scrolls (``canFetchMore``/``fetchMore``).
    """

    PAGE = 200

    def __init__(self, columns: Sequence[Column], *, row_id: Callable[[Any], object],
                 fetch_page: Callable[[int, int], list[Any]] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._row_id = row_id
        self._fetch_page = fetch_page
        self._rows: list[Any] = []
        self._exhausted = fetch_page is None

    # -- loading ------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._exhausted = True
        self.endResetModel()

    def reload(self) -> None:
        """Start again from the first page of ``fetch_page``."""
        self.beginResetModel()
        self._rows = []
        self._exhausted = self._fetch_page is None
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:
        if parent.isValid() or self._fetch_page is None or self._exhausted:
            return
        page = self._fetch_page(len(self._rows), self.PAGE)
        if len(page) < self.PAGE:
            self._exhausted = True
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

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
    return table
