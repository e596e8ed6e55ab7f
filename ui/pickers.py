"""A dialog to pick one or several records (volunteers, households) with the instant search of their lists.

    picker = VolunteerPicker(context, multi=True, exclude_ids=already_in, parent=self)
    picker.accepted.connect(lambda: use(picker.chosen()))   # chosen(): the rows ticked or selected
    picker.open()

In ``multi`` mode each record has a tick box, and ticks are kept while the search text changes, so a
coordinator can search for one name, tick it, search for the next, and so on.  Enter after typing ticks (or,
picking one, chooses) a single match; Down goes into the list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.dialogs import open_dialog
from ui.operations import read

SEARCH_DELAY_MS = 150
ROW_LIMIT = 50
_ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class RecordPicker(QDialog):
    """Pick one or several records found by a search as it is typed (see the module's text).

    A concrete picker gives ``find(uow, text, limit)``, the rows a search finds, and ``line(row)``, how a row is
    shown, and its words: its window title, the search's placeholder and what it says when nothing is found."""

    def find(self, uow, text: str, limit: int) -> list:
        raise NotImplementedError

    def line(self, row) -> str:
        raise NotImplementedError

    def __init__(self, context: AppContext, *, multi: bool, exclude_ids: Iterable[str], name: str,
                 placeholder: str, nothing_found: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.multi = context, multi
        self.exclude_ids = set(exclude_ids)
        self._chosen: dict[str, object] = {}
        self._more = False
        self._nothing_found = nothing_found
        self.setObjectName(name)
        self.resize(520, 560)
        layout = QVBoxLayout(self)
        self.search = QLineEdit(objectName="pickerSearch")
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.list = QListWidget(objectName="pickerList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout.addWidget(self.list, 1)
        self.hint = QLabel(objectName="pickerHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda *_: self._debounce.start())
        self.search.installEventFilter(self)
        self.list.itemChanged.connect(self._item_changed)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        self.list.currentItemChanged.connect(lambda *_: self._update())
        self.refresh()

    # -- what was chosen -----------------------------------------------------------------------

    def chosen(self) -> list:
        if self.multi:
            return list(self._chosen.values())
        item = self.list.currentItem()
        return [item.data(_ROW_ROLE)] if item is not None else []

    def chosen_ids(self) -> list[str]:
        return [row.id for row in self.chosen()]

    def choose(self, row_id: str, checked: bool = True) -> None:
        """Tick (or, in single mode, select) a record shown in the list, as a click would."""
        for index in range(self.list.count()):
            item = self.list.item(index)
            if item.data(_ROW_ROLE).id == row_id:
                if self.multi:
                    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                else:
                    self.list.setCurrentItem(item)
                return
        raise KeyError(row_id)

    # -- searching -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._debounce.stop()
        text, limit = self.search.text(), ROW_LIMIT + len(self.exclude_ids)
        read(self.context, self, lambda uow: self.find(uow, text, limit), done=lambda rows: self._show(text, rows))

    def _show(self, text: str, rows: list) -> None:
        if text != self.search.text():
            return  # more was typed meanwhile; that search's answer follows
        rows = [row for row in rows if row.id not in self.exclude_ids][:ROW_LIMIT]
        self.list.blockSignals(True)
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(self.line(row))
            item.setData(_ROW_ROLE, row)
            if self.multi:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if row.id in self._chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._more = len(rows) == ROW_LIMIT
        self._update()

    def _item_changed(self, item: QListWidgetItem) -> None:
        row = item.data(_ROW_ROLE)
        if item.checkState() == Qt.CheckState.Checked:
            self._chosen[row.id] = row
        else:
            self._chosen.pop(row.id, None)
        self._update()

    def _double_clicked(self, item: QListWidgetItem) -> None:
        if self.multi:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
        else:
            self._accept()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._enter_in_search()
                return True  # not the dialog's default button: Enter here never closes by surprise
            if event.key() == Qt.Key.Key_Down and self.list.count():
                self.list.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _enter_in_search(self) -> None:
        """Enter after typing: with one match, tick it (or, picking one person, choose it); with several,
        go into the list to pick with the arrows and Space."""
        self.refresh()
        if self.list.count() == 1:
            item = self.list.item(0)
            if self.multi:
                item.setCheckState(Qt.CheckState.Checked)
                self.search.selectAll()
            else:
                self._accept()
        elif self.list.count():
            self.list.setFocus()

    def _update(self) -> None:
        if self.multi:
            text = self.tr("{count} chosen.").format(count=len(self._chosen))
        else:
            text = ""
        if not self.list.count():
            text = (text + " " + self._nothing_found).strip()
        elif self._more:
            text = (text + " " + self.tr("Showing the first {count}; type more to narrow the list.").format(
                count=ROW_LIMIT)).strip()
        self.hint.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.chosen()))

    def _accept(self) -> None:
        if self.chosen():
            self.accept()



def pick_many(picker: RecordPicker, chosen: Callable[[list[str]], None]) -> RecordPicker:
    """Open ``picker`` (made with ``multi``); ``chosen`` gets the ticked ids once the person confirms."""
    open_dialog(picker, lambda: chosen(picker.chosen_ids()))
    return picker


def pick_one(picker: RecordPicker, chosen: Callable[[object], None]) -> RecordPicker:
    """Open ``picker`` (made without ``multi``); ``chosen`` gets the row once the person confirms."""
    def accepted() -> None:
        rows = picker.chosen()
        if rows:
            chosen(rows[0])

    open_dialog(picker, accepted)
    return picker
