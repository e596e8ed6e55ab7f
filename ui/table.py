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
    QEvent,
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)
from shiboken6 import isValid

from desktop.domain.pinyin_search import sort_key, text_sort_key

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """A list's column: its heading and what it shows of a row.

    A heading clicked sorts by ``sort_value`` (else by the value shown): numbers as numbers, dates as dates,
    text by pinyin; ``names`` says the column holds people's names, sorted as the lists load them, a surname
    read as a surname (曾 under Z, 单 as shan).
    """

    title: str
    value: Callable[[Any], object]
    align_right: bool = False
    sort_value: Callable[[Any], object] | None = None
    names: bool = False
    # Where a workbook keeps the column otherwise than the screen shows it: its heading and each row's value
    # there (hours as a number a spreadsheet can add up, the unit in the heading).
    workbook: tuple[str, Callable[[Any], object]] | None = None


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


def sort_value(column: Column, row: Any) -> object:
    """What a row sorts by in a column (the sort role): a number, a date as 2026-11-29, or text's pinyin key."""
    value = (column.sort_value or column.value)(row)
    if isinstance(value, int | float):
        return value
    if isinstance(value, str) and value:
        return sort_key(value) if column.names else text_sort_key(value)
    return display(value)


def _ordering(value: object) -> tuple[int, object]:
    # Empty cells first, then numbers, then text, so a column mixing them still has an order.
    if value == "":
        return (0, "")
    return (1, value) if isinstance(value, int | float) else (2, value)


class RecordTableModel(QAbstractTableModel):
    """Rows are plain result objects from a service.

    For long lists give ``fetch_page(offset, limit, deliver)``: it starts reading a page (a read operation,
    off the screen's thread) and calls ``deliver(rows)`` with it; the view asks for more rows as the person
    scrolls (``canFetchMore``/``fetchMore``), and ``page_added`` follows each page shown.  A page that
    arrives after the list was started again is dropped.

    ``sort`` (a heading clicked) puts the rows in the order of a column's sort values, and rows set later come
    in that order too.  The model sorts its rows itself, working out each row's key once, where a Qt sorting
    proxy would ask for two cells at every comparison (five seconds for 30,000 rows).  A long list read a
    page at a time keeps the order its service gives.
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
        self._loaded: list[Any] = []  # as they came, for the order before any heading is clicked
        self._order: list[int] = []  # the place in _loaded of each row shown
        self._rows: list[Any] = []  # as shown
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._exhausted = fetch_page is None
        self._fetching = False
        self._generation = 0  # bumped whenever the rows start again, so a late page is not added

    # -- loading ------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._generation += 1
        self._fetching = False
        self._loaded = list(rows)
        self._arrange()
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
            self._loaded = list(page)
            self._arrange()
            self._exhausted = len(page) < self.PAGE
            self.endResetModel()
        elif len(page) < self.PAGE:
            self._exhausted = True
        if page and not first:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._order.extend(range(len(self._loaded), len(self._loaded) + len(page)))
            self._loaded.extend(page)
            self._rows.extend(page)
            self.endInsertRows()
        self.page_added.emit()

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    # -- sorting ------------------------------------------------------------------------------

    def _arrange(self) -> None:
        """Show the rows in the chosen column's order (stable: rows that sort alike keep the order they came in)."""
        order = list(range(len(self._loaded)))
        if 0 <= self._sort_column < len(self._columns):
            column, rows = self._columns[self._sort_column], self._loaded
            order.sort(key=lambda place: _ordering(sort_value(column, rows[place])),
                       reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        self._order = order
        self._rows = [self._loaded[place] for place in order]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column's sort values (-1: as they came); a selected row stays selected.  A long
        list read a page at a time stays in its service's order."""
        if self._fetch_page is not None:
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self._order
        self._arrange()
        shown_at = [0] * len(self._order)
        for row, place in enumerate(self._order):
            shown_at[place] = row
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [self.index(shown_at[before[index.row()]], index.column())
                                             for index in old])
        self.layoutChanged.emit()

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
            return sort_value(column, row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class WholeTextTips(QStyledItemDelegate):
    """A cell cut short with "…" shows its whole text as a tooltip when the pointer rests on it (the details of
    an audit entry, a good deed, a note); a cell shown whole shows none."""

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: QModelIndex) -> bool:
        if event.type() != QEvent.Type.ToolTip or not index.isValid():
            return super().helpEvent(event, view, option, index)
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        style = view.style() if view is not None else QApplication.style()
        # The text's room: its part of the cell less the margin the style keeps each side of it.
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, shown, view).width() - 2 * margin
        text = shown.text
        if text and "\n" not in text and shown.fontMetrics.horizontalAdvance(text) > room:
            QToolTip.showText(event.globalPos(), text, view)
        else:
            QToolTip.hideText()
        return True


def record_table(model: QAbstractItemModel, *, name: str, single: bool = True) -> QTableView:
    """A read-only list view that behaves the same everywhere: whole rows selected, last column stretched, a
    cell cut short shown whole in its tooltip."""
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setItemDelegate(WholeTextTips(table))
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


def fit_columns(table: QTableView) -> None:
    """Columns as wide as what they show, but none wider than about half the list: a long note is cut with …
    (its tooltip shows it whole) rather than pushing the other columns out of sight."""
    table.resizeColumnsToContents()
    widest = max(240, table.viewport().width() * 2 // 5)
    for column in range(table.model().columnCount()):
        if table.columnWidth(column) > widest:
            table.setColumnWidth(column, widest)


class _SortingProxy(QIdentityProxyModel):
    """The rows as the model orders them: a heading clicked asks the model to sort (``RecordTableModel.sort``)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


def sortable_table(model: RecordTableModel, *, name: str, parent: QObject | None = None,
                   single: bool = True) -> tuple[QAbstractProxyModel, QTableView]:
    """``record_table`` that sorts by each column's sort value when a heading is clicked."""
    proxy = _SortingProxy(parent)
    proxy.setSourceModel(model)
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
