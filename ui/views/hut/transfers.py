"""The love hut's transfers (调拨) as a tab of the hut's area: what this hut sent to other villages' huts and what
arrived of it, what other huts sent here; sending goods, and confirming what arrived line by line."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.hut import HutAction, quantity_text
from desktop.domain.roles import Permission
from desktop.services import hut, hut_transfers
from desktop.services.hut import PickRow
from desktop.services.hut_transfers import (
    HutChoice,
    ReceiptForm,
    SendLine,
    TransferLineRow,
    TransferRow,
    TransferState,
    reason_field,
    received_field,
)
from desktop.storage.uow import UnitOfWork
from ui.context import AppContext
from ui.dialogs import open_dialog
from ui.forms import FormMessage, save_cancel_buttons
from ui.layouts import PageTabs
from ui.operations import Form, read, write
from ui.programme import label
from ui.table import Column, RecordTableModel, sortable_table
from ui.views.lists import ListArea

SEARCH_LIMIT = 30


def _amount(value: float | None, unit: str = "") -> str:
    return "" if value is None else f"{quantity_text(value)} {unit}".strip()


def _difference(line: TransferLineRow) -> str:
    difference = line.difference
    if not difference:
        return ""
    return quantity_text(difference, signed=True)


def _cell(text: str, *, right: bool = False) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return cell


def _lines_table(name: str, headings: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headings), objectName=name)
    table.setHorizontalHeaderLabels(headings)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


# -- sending ---------------------------------------------------------------------------------------------------

class SendDialog(QDialog):
    """Send goods of this hut to another village's hut: the hut, the items found by name, initials or a scanned
    barcode, how many of each."""

    _COLUMNS = 4  # item, on hand, how many, unit

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.sent: TransferRow | None = None
        self._lines: list[PickRow] = []
        self.setObjectName("sendTransferDialog")
        self.setWindowTitle(self.tr("Send goods to another hut"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.to_hut = QComboBox(objectName="toHut")
        self.to_hut.setPlaceholderText(self.tr("Choose the hut"))
        form.addRow(self.tr("To the hut of"), self.to_hut)
        self.search = QLineEdit(objectName="itemSearch")
        self.search.setPlaceholderText(self.tr("Name, initials or barcode; Enter adds it"))
        self.search.setClearButtonEnabled(True)
        form.addRow(self.tr("Find an item"), self.search)
        layout.addLayout(form)
        self.matches = QListWidget(objectName="itemMatches")
        self.matches.setMaximumHeight(self.matches.fontMetrics().height() * 5)
        layout.addWidget(self.matches)
        self.lines = _lines_table("sendLines", [self.tr("Item"), self.tr("On hand"), self.tr("How many"),
                                                self.tr("Unit")])
        layout.addWidget(self.lines, 1)
        self.remove_button = QPushButton(self.tr("Remove line"), objectName="removeLine")
        self.remove_button.clicked.connect(self.remove_line)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        notes_form = QFormLayout()
        self.notes = QLineEdit(objectName="notes")
        notes_form.addRow(self.tr("Notes"), self.notes)
        layout.addLayout(notes_form)
        self.message = FormMessage()
        layout.addWidget(self.message)
        buttons = save_cancel_buttons(self, self.save)
        buttons.button(buttons.StandardButton.Save).setText(self.tr("Send"))
        layout.addWidget(buttons)
        self.resize(760, 620)

        self.search.textChanged.connect(lambda *_: self.find())
        self.search.installEventFilter(self)
        self.matches.itemActivated.connect(lambda item: self.add(item.data(Qt.ItemDataRole.UserRole)))
        read(context, self, hut_transfers.receiving_huts, done=self._show_huts)
        self.find()

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"to_village_code": self.to_hut, "lines": self.lines, "notes": self.notes}

    def _show_huts(self, huts: list[HutChoice]) -> None:
        for choice in huts:
            self.to_hut.addItem(" · ".join(part for part in (choice.village_name, choice.hut_name) if part),
                                choice.village_code)
        self.to_hut.setCurrentIndex(-1)

    # -- finding and adding items ----------------------------------------------------------------------

    def find(self) -> None:
        text = self.search.text()
        read(self.context, self, lambda uow: _on_the_shelf(uow, text),
             done=lambda rows: self._show_matches(text, rows))

    def _show_matches(self, text: str, rows: list[PickRow]) -> None:
        if text != self.search.text():
            return  # typed on meanwhile; that search's answer follows
        self.matches.clear()
        for row in rows:
            item = QListWidgetItem(self.tr("{name} — {on_hand} on hand").format(
                name=row.name, on_hand=_amount(row.on_hand, row.unit)))
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.matches.addItem(item)

    def eventFilter(self, watched, event) -> bool:
        # Enter in the search box (a scanner ends its code with it) adds the item; it does not send the transfer
        if watched is self.search and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._add_first()
            return True
        return super().eventFilter(watched, event)

    def _add_first(self) -> None:
        if self.matches.count():
            self.add(self.matches.item(0).data(Qt.ItemDataRole.UserRole))
            self.search.clear()

    def add(self, row: PickRow) -> None:
        """A line for the item, or the focus on its line if it has one (a scan of it again: one more)."""
        for position, line in enumerate(self._lines):
            if line.item_id == row.item_id:
                edit = self.quantity_edit(position)
                with contextlib.suppress(ValueError):  # what was typed there is not a number: left as typed
                    edit.setText(quantity_text(float(edit.text()) + 1))
                edit.setFocus()
                return
        position = len(self._lines)
        self._lines.append(row)
        self.lines.insertRow(position)
        self.lines.setItem(position, 0, _cell(row.name))
        self.lines.setItem(position, 1, _cell(quantity_text(row.on_hand), right=True))
        edit = QLineEdit("1", objectName=f"quantity{position + 1}")
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.lines.setCellWidget(position, 2, edit)
        self.lines.setItem(position, 3, _cell(row.unit))
        self.lines.selectRow(position)
        edit.setFocus()
        edit.selectAll()

    def quantity_edit(self, position: int) -> QLineEdit:
        return self.lines.cellWidget(position, 2)

    def remove_line(self) -> None:
        position = self.lines.currentRow()
        if 0 <= position < len(self._lines):
            del self._lines[position]
            self.lines.removeRow(position)

    # -- sending ---------------------------------------------------------------------------------------

    def save(self) -> None:
        to = self.to_hut.currentData() or ""
        lines = [SendLine(row.item_id, self.quantity_edit(position).text())
                 for position, row in enumerate(self._lines)]
        notes = self.notes.text()
        write(self.context, self, lambda uow: hut_transfers.send_transfer(
            uow, to_village_code=to, lines=lines, notes=notes),
            form=Form(self.message, self.fields), done=self._sent)

    def _sent(self, transfer: TransferRow) -> None:
        self.sent = transfer
        self.accept()


def _on_the_shelf(uow: UnitOfWork, text: str) -> list[PickRow]:
    """The hut's items with something on the shelf, found by name, initials or barcode."""
    return [row for row in hut.pick_list(uow, text=text, limit=SEARCH_LIMIT * 4) if row.item_id and row.on_hand > 0
            ][:SEARCH_LIMIT]


# -- confirming ------------------------------------------------------------------------------------------------

class ConfirmDialog(QDialog):
    """Confirm what arrived of a transfer to this hut, line by line: how many, and why where it differs."""

    def __init__(self, context: AppContext, transfer: TransferRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.transfer = context, transfer
        self.confirmed: TransferRow | None = None
        self.setObjectName("confirmTransferDialog")
        self.setWindowTitle(self.tr("Confirm what arrived"))
        layout = QVBoxLayout(self)
        about = QLabel(self.tr("Transfer {number} from {hut}, sent on {day} by {name}. Enter how many of each line "
                               "arrived; where it differs from what was sent, say why.").format(
            number=transfer.number, hut=transfer.from_name, day=transfer.sent_on, name=transfer.sent_by_name),
            objectName="transferAbout")
        about.setWordWrap(True)
        layout.addWidget(about)
        self.waiting = [line for line in transfer.lines if not line.confirmed]
        self.lines = _lines_table("receiptLines", [self.tr("Item"), self.tr("Sent"), self.tr("Arrived"),
                                                   self.tr("Why it differs")])
        self.lines.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.received: dict[str, QLineEdit] = {}
        self.reasons: dict[str, QLineEdit] = {}
        for position, line in enumerate(self.waiting):
            self.lines.insertRow(position)
            self.lines.setItem(position, 0, _cell(line.item_name))
            self.lines.setItem(position, 1, _cell(_amount(line.quantity, line.unit), right=True))
            arrived = QLineEdit(quantity_text(line.quantity), objectName=f"arrived{position + 1}")
            arrived.setAlignment(Qt.AlignmentFlag.AlignRight)
            reason = QLineEdit(objectName=f"reason{position + 1}")
            self.lines.setCellWidget(position, 2, arrived)
            self.lines.setCellWidget(position, 3, reason)
            self.received[line.id], self.reasons[line.id] = arrived, reason
        layout.addWidget(self.lines, 1)
        self.message = FormMessage()
        layout.addWidget(self.message)
        buttons = save_cancel_buttons(self, self.save)
        buttons.button(buttons.StandardButton.Save).setText(self.tr("Confirm"))
        layout.addWidget(buttons)
        self.resize(760, 440)

    @property
    def fields(self) -> dict[str, QWidget]:
        found: dict[str, QWidget] = {"lines": self.lines}
        for line_id, edit in self.received.items():
            found[received_field(line_id)] = edit
            found[reason_field(line_id)] = self.reasons[line_id]
        return found

    def save(self) -> None:
        lines = [ReceiptForm(line.id, self.received[line.id].text(), self.reasons[line.id].text())
                 for line in self.waiting]
        transfer_id = self.transfer.id
        write(self.context, self, lambda uow: hut_transfers.confirm_transfer(uow, transfer_id=transfer_id,
                                                                           lines=lines),
              form=Form(self.message, self.fields), done=self._confirmed)

    def _confirmed(self, transfer: TransferRow) -> None:
        self.confirmed = transfer
        self.accept()


# -- the lists -------------------------------------------------------------------------------------------------

class TransferList(ListArea):
    """The transfers one way — sent from this hut, or arriving at it — with the chosen one's lines beside them:
    what was sent of each, what arrived and why it differs."""

    shows = frozenset({"transfers", "transfer_lines", "transfer_receipts", "huts", "regions"})

    def __init__(self, context: AppContext, *, incoming: bool) -> None:
        self.incoming = incoming
        other = self.tr("From") if incoming else self.tr("To")
        self.title_text = self.tr("Arriving from other huts") if incoming else self.tr("Sent to other huts")
        super().__init__(
            context, name="incomingTransfers" if incoming else "outgoingTransfers", title=None,
            table_name="incomingTable" if incoming else "outgoingTable", columns=[
                Column(self.tr("Number"), lambda t: t.number),
                Column(self.tr("Sent on"), lambda t: t.sent_on),
                Column(other, lambda t: t.from_name if incoming else t.to_name),
                Column(self.tr("Goods"), lambda t: t.goods),
                Column(self.tr("State"), self._state),
            ])
        may = context.can(Permission.EDIT_HUT)
        if incoming:
            self.confirm_button = self.add_button(self.tr("Confirm what arrived…"), "confirmTransfer", self.confirm,
                                                  allowed=may)
            self.table.doubleClicked.connect(lambda *_: self.confirm())
        else:
            self.send_button = self.add_button(self.tr("Send goods…"), "sendTransfer", self.send, allowed=may)
        self.finish(export=("调拨-调入.xlsx", self.tr("Transfers in")) if incoming
                    else ("调拨-调出.xlsx", self.tr("Transfers out")))

        lines_box = QWidget()
        box = QVBoxLayout(lines_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.lines_title = QLabel(objectName="linesTitle")
        self.lines_title.setWordWrap(True)
        box.addWidget(self.lines_title)
        self.counted_twice = QLabel(objectName="countedAtBoth")
        self.counted_twice.setWordWrap(True)
        self.counted_twice.setProperty("kind", "problem")
        self.counted_twice.setVisible(False)
        box.addWidget(self.counted_twice)
        self.line_model = RecordTableModel([
            Column(self.tr("Item"), lambda ln: ln.item_name),
            Column(self.tr("Sent"), lambda ln: _amount(ln.quantity, ln.unit), align_right=True,
                   sort_value=lambda ln: ln.quantity),
            Column(self.tr("Arrived"), lambda ln: _amount(ln.received, ln.unit) if ln.confirmed
                   else self.tr("In transit"), align_right=True),
            Column(self.tr("Difference"), _difference, align_right=True),
            Column(self.tr("Why it differs"), lambda ln: ln.reason),
        ], row_id=lambda ln: ln.id, parent=self)
        self.line_proxy, self.line_table = sortable_table(
            self.line_model, name="incomingLines" if incoming else "outgoingLines", parent=self)
        box.addWidget(self.line_table, 1)
        # The transfers on the left, the chosen one's lines on the right, the border the person's to move.
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.layout().removeWidget(self.list_box)
        splitter.addWidget(self.list_box)
        splitter.addWidget(lines_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.layout().addWidget(splitter, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_lines())

    def _state(self, transfer: TransferRow) -> str:
        state = label(TransferState, transfer.state.value)
        if transfer.counted_at_both:
            return self.tr("{state}, reversed here too: counted at both huts").format(state=state)
        return self.tr("{state}, with a difference").format(state=state) if transfer.differs else state

    def rows_loader(self) -> Callable[[UnitOfWork], list[TransferRow]]:
        return hut_transfers.incoming_transfers if self.incoming else hut_transfers.outgoing_transfers

    def rows_shown(self, rows) -> None:
        if self.selected() is None and rows:
            self.table.selectRow(0)
        self.show_lines()

    def show_lines(self) -> None:
        transfer = self.selected()
        self.counted_twice.setVisible(transfer is not None and transfer.counted_at_both)
        if transfer is None:
            self.line_model.set_rows([])
            self.lines_title.setText(self.tr("Choose a transfer to see its lines."))
            return
        self.line_model.set_rows(list(transfer.lines))
        self.lines_title.setText(self.tr("Lines of {number}").format(number=transfer.number))
        if transfer.counted_at_both:
            self.counted_twice.setText(self.tr(
                "This hut reversed {number}, yet {hut} confirmed that goods of it arrived: those goods are counted "
                "at both huts. Count this hut's shelf with a stocktake to settle it.").format(
                    number=transfer.number, hut=transfer.to_name))

    def update_actions(self) -> None:
        if self.incoming:
            transfer = self.selected()
            self.confirm_button.setEnabled(transfer is not None and HutAction.RECEIVE in transfer.actions)

    def send(self) -> QDialog:
        dialog = SendDialog(self.context, self)
        return open_dialog(dialog, lambda: dialog.sent and self.select_next(dialog.sent.id))

    def confirm(self) -> QDialog | None:
        transfer = self.selected()
        if transfer is None or HutAction.RECEIVE not in transfer.actions:
            return None
        dialog = ConfirmDialog(self.context, transfer, self)
        return open_dialog(dialog)


class TransfersTab(QWidget):
    """The hut's transfers: what it sent, and what arrives from other huts, each a tab of its own (one above the
    other would not fit an old screen at the larger text sizes)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transfersTab")
        self.outgoing = TransferList(context, incoming=False)
        self.incoming = TransferList(context, incoming=True)
        self.tabs = PageTabs(objectName="transferTabs")
        self.tabs.addTab(self.outgoing, self.outgoing.title_text)
        self.tabs.addTab(self.incoming, self.incoming.title_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
