"""The one list screen: an area that is a list of records is its columns, its filters and its actions.

``ListArea`` lays out the heading, a row of filters, the table, a message line and a row of buttons, and
does what every list does the same way: it reads its rows through a read operation with the filters as
they were when asked (an answer to an earlier reading is dropped), keeps the selected row through a
reload or selects what was just saved, reloads when the tables it ``shows`` change, and exports the rows
with the columns the screen shows.  A subclass gives:

- ``rows_loader()``: reads the filters (on the screen's thread) and returns the function of the unit of
  work that loads the rows for them (run off the screen's thread, and again for the export); a long list
  (``paged=True``) gives ``page_loader()`` instead, a function of the unit of work, an offset and a limit,
  and its rows are read a page at a time as the person scrolls, with ``count_loader()`` for how many;
- its actions through ``add_button``, and ``update_actions()`` to enable them for the selected row (from
  what the service says may be done next with it, never from a state machine of its own).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.storage.uow import UnitOfWork
from ui.export import export_rows
from ui.forms import FormMessage, heading
from ui.layouts import FlowLayout, pair, scrolling_part
from ui.operations import read
from ui.table import Column, RecordTableModel, record_table, select_by_id, selected_object, sortable_table
from ui.views import LoadsWhenShown

Loader = Callable[[UnitOfWork], Sequence[Any]]
PageLoader = Callable[[UnitOfWork, int, int], Sequence[Any]]


class ListArea(LoadsWhenShown, QWidget):
    """An area listing records (see the module's text)."""

    _reading = 0  # the latest reading; an answer to an earlier one is not shown
    _select_next: tuple[object, ...] = ()
    # Read the filters on the screen's thread and return the function of the unit of work that loads the
    # rows for them (each list area gives its own: rows_loader, or page_loader for a paged list).
    rows_loader: Callable[[], Loader]
    page_loader: Callable[[], PageLoader]
    count_loader: Callable[[], Callable[[UnitOfWork], int]] | None = None

    def __init__(self, context, *, name: str, title: str | None, columns: list[Column], table_name: str,
                 row_id: Callable[[Any], object] = lambda row: row.id, paged: bool = False,
                 single: bool = True) -> None:
        super().__init__()
        self.context = context
        self.setObjectName(name)
        self.columns = columns
        self._row_id = row_id
        layout = QVBoxLayout(self)
        if title is not None:  # a list that is a tab of an area has the area's heading above it
            layout.addWidget(heading(title))
        else:
            layout.setContentsMargins(0, 0, 0, 0)
        # The list and its rows of filters and buttons, in one box an area may place (in a splitter, say).
        self.list_box = QWidget()
        box = QVBoxLayout(self.list_box)
        box.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list_box, 1)
        # The filters and the list scroll when the window is too low for them (a small screen at a large
        # text size); the count, the message and the buttons below stay in sight. Rows wrap, never scroll.
        layout = scrolling_part(box)
        self.filters = FlowLayout()
        layout.addLayout(self.filters)
        self.paged = paged
        if paged:  # the service sorts; the table asks for a page at a time as the person scrolls
            self.model = RecordTableModel(columns, row_id=row_id, fetch_page=self._fetch_page, parent=self)
            self.model.set_rows([])  # nothing until the area is shown
            self.proxy = None
            self.table = record_table(self.model, name=table_name, single=single)
            self._pages: PageLoader | None = None
            self._wanted: tuple[object, ...] = ()
        else:
            self.model = RecordTableModel(columns, row_id=row_id, parent=self)
            self.proxy, self.table = sortable_table(self.model, name=table_name, parent=self, single=single)
        layout.addWidget(self.table, 1)
        layout = box
        self.count_label = QLabel(objectName="count")
        self.count_label.setVisible(False)
        layout.addWidget(self.count_label)
        self.message = FormMessage()
        layout.addWidget(self.message)
        self.buttons = FlowLayout()
        layout.addLayout(self.buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self.follow_changes(context)

    # -- what a subclass may add -------------------------------------------------------------------

    def update_actions(self) -> None:
        """Enable the buttons for the selected row (a subclass with actions overrides it)."""

    def rows_shown(self, rows: Sequence[Any]) -> None:
        """Called after a reading's rows are on screen (a subclass may say something about them)."""

    # -- building ----------------------------------------------------------------------------------

    def add_filter(self, caption: str | None, widget: QWidget) -> QWidget:
        """A filter beside the others; a change of a choice reads the list again."""
        self.filters.addWidget(pair(QLabel(caption), widget) if caption else widget)
        if isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda *_: self.read_list())
        return widget

    def add_button(self, text: str, name: str, slot: Callable[[], object], *, allowed: bool = True) -> QPushButton:
        """An action in the row of buttons; ``allowed`` False hides it (the person's role may not)."""
        button = QPushButton(text, objectName=name)
        button.clicked.connect(lambda *_: slot())
        button.setVisible(allowed)
        self.buttons.addWidget(button)
        return button

    def finish(self, *, export: tuple[str, str] | None = None) -> None:
        """Close the rows of filters and buttons; with ``export`` (the suggested file name and the sheet's
        title), an "Export to Excel…" button after the others."""
        if getattr(self, "search", None) is None:
            self.filters.addStretch()  # the filters keep to the left; a search box takes the room left instead
        if export is not None:
            self.export_button = self.add_button(self.tr("Export to Excel…"), "export", lambda: self.export(*export))
        self.buttons.addStretch()
        self.update_actions()

    # -- reading -----------------------------------------------------------------------------------

    def add_search(self, placeholder: str, *, delay_ms: int = 250) -> QLineEdit:
        """A search box that reads the list again a moment after the typing stops."""
        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText(placeholder)
        self.search.setToolTip(placeholder)  # whole, where a narrow window cuts the box's own hint short
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(delay_ms)
        self._debounce.timeout.connect(self.read_list)
        self.search.textChanged.connect(lambda *_: self._debounce.start())
        self.filters.addWidget(self.search, 1)
        return self.search

    def reload(self) -> None:
        """Read what the area shows (``LoadsWhenShown``); an area that shows more than its list adds to it."""
        self.read_list()

    def read_list(self) -> None:
        """Read the list again with the filters as they are now (a filter's change does)."""
        if getattr(self, "_debounce", None) is not None:
            self._debounce.stop()
        self._reading += 1
        reading = self._reading
        if self.paged:
            self._start_pages(reading)
            return
        read(self.context, self, self.rows_loader(), done=lambda rows: self._show_rows(reading, rows))

    def _start_pages(self, reading: int) -> None:
        chosen = self.selected()
        self._wanted = (self._row_id(chosen),) if chosen is not None else ()
        self._pages = self.page_loader()
        self.model.reload()  # asks for the first page: _fetch_page
        if self.count_loader is not None:
            self.count_label.setVisible(True)
            read(self.context, self, self.count_loader(), done=lambda total: self._counted(reading, total))

    def _fetch_page(self, offset: int, limit: int, deliver: Callable[[list[Any]], None]) -> None:
        pages, reading = self._pages, self._reading
        if pages is None:
            return

        def arrived(rows: Sequence[Any]) -> None:
            if reading != self._reading:
                return  # the list started again meanwhile
            deliver(list(rows))
            if offset == 0:
                self._first_page_shown(rows)

        read(self.context, self, lambda uow: pages(uow, offset, limit), done=arrived)

    def _first_page_shown(self, rows: Sequence[Any]) -> None:
        wanted, self._wanted = self._wanted, ()
        self._rows_arrived(rows, wanted)

    def _counted(self, reading: int, total: int) -> None:
        if reading == self._reading:
            self.count_label.setText(self.count_text(total))

    def count_text(self, total: int) -> str:
        """How the count is said (each paged area says what it counts)."""
        return str(total)

    def select_next(self, *row_ids: object) -> None:
        """Select these rows (the first found) when the list is next read: after the save that made them."""
        self._select_next = tuple(row_id for row_id in row_ids if row_id is not None)

    def _show_rows(self, reading: int, rows: Sequence[Any]) -> None:
        if reading != self._reading:
            return  # the filters changed, or something else was saved, meanwhile: that answer follows
        chosen = self.selected()
        self.model.set_rows(rows)
        self._rows_arrived(rows, (self._row_id(chosen),) if chosen is not None else ())

    def _rows_arrived(self, rows: Sequence[Any], kept: tuple[object, ...]) -> None:
        """Select what was just saved (it may have been asked for after this reading began), else the row
        selected before; then let the area speak of its rows and enable its actions."""
        wanted, self._select_next = (*self._select_next, *kept), ()
        for row_id in wanted:
            if self.select(row_id):
                break
        self.rows_shown(rows)
        self.update_actions()

    # -- the selection -----------------------------------------------------------------------------

    def select(self, row_id: object) -> bool:
        return select_by_id(self.table, row_id)

    def selected(self) -> Any | None:
        return selected_object(self.table)

    # -- export ------------------------------------------------------------------------------------

    def export(self, suggested_name: str, title: str):
        """The list as it is filtered now, with the columns shown, in a workbook."""
        return export_rows(self, self.context, suggested_name=suggested_name, title=title, columns=self.columns,
                           rows_loader=self.rows_loader())
