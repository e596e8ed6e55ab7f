"""The hut's documents tab: the drafts on this PC first, then the posted documents, filtered by kind, period,
donor and household; an intake or a distribution written in a dialog — its header, its lines typed or scanned —
saved as a draft and posted; a posted one of any kind opened to read with its lines in a table, printed, or
reversed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.hut import (
    AdjustmentReason,
    Condition,
    DocumentKind,
    HutAction,
    RecipientKind,
    goods_text,
    quantity_text,
)
from desktop.domain.roles import Permission
from desktop.domain.volunteering import ActivityStatus
from desktop.services import activities, hut, hut_drafts, hut_ledger, hut_stock
from desktop.services.hut import PickRow
from desktop.services.hut_drafts import DraftForm, DraftLineRow, DraftRow, LineForm, PostedDocument
from desktop.services.hut_stock import DocumentFilter, DocumentRow
from desktop.storage.uow import UnitOfWork
from ui.context import AppContext
from ui.dialogs import confirm, open_dialog
from ui.forms import FormMessage, scrolling_form
from ui.i18n import counted, translate
from ui.layouts import FlowLayout, pair, scrolling_part
from ui.operations import Form, read, write
from ui.pickers import RecordPicker, pick_one
from ui.programme import date_edit, date_text, label, set_date, today
from ui.table import Column, RecordTableModel, record_table, select_by_id, selected_object, sortable_table
from ui.tasks import Task
from ui.views.hut.stock import amount, category_text
from ui.views.lists import ListArea


def money(value: float) -> str:
    return QCoreApplication.translate("DocumentsTab", "¥{amount}").format(
        amount=f"{value:,.2f}".rstrip("0").rstrip("."))


# -- the list: drafts and posted documents -------------------------------------------------------------------

@dataclass(frozen=True)
class ListedDocument:
    """A line of the list: a draft of this PC (``draft``) or a posted document (``posted``)."""

    key: tuple[str, str]
    number: str
    kind: str
    happened_on: str
    counterpart: str
    what: str
    value: float
    state: str
    draft: DraftRow | None = None
    posted: DocumentRow | None = None
    actions: frozenset[HutAction] = field(default_factory=frozenset)


def _draft_line(row: DraftRow) -> ListedDocument:
    who = row.donor_name if row.kind == DocumentKind.INTAKE else (row.household_name or row.activity_title)
    goods = goods_text((line.name, line.quantity, line.unit) for line in row.lines)
    value = round(sum(line.quantity * line.unit_value for line in row.lines), 2)
    return ListedDocument(("draft", row.id), "", row.kind, row.happened_on, who, goods, value,
                          QCoreApplication.translate("DocumentsTab", "Draft"), draft=row, actions=row.actions)


def _posted_line(row: DocumentRow) -> ListedDocument:
    if row.superseded:
        state = QCoreApplication.translate("DocumentsTab", "Recorded at another PC")
    elif row.reversed:
        state = QCoreApplication.translate("DocumentsTab", "Reversed")
    else:
        state = QCoreApplication.translate("DocumentsTab", "Posted")
    return ListedDocument(("posted", row.id), row.number, row.kind, row.happened_on, row.counterpart, row.what,
                          row.value, state, posted=row, actions=row.actions)


def list_for_screen(uow: UnitOfWork, where: DocumentFilter) -> list[ListedDocument]:
    """The drafts the filter's kind allows (drafts have no donor or household filter of their own), then the
    posted documents."""
    drafts = [row for row in hut_drafts.list_drafts(uow) if not where.kind or row.kind == where.kind]
    if where.donor_id:
        drafts = [row for row in drafts if row.donor_id == where.donor_id]
    if where.household_id:
        drafts = [row for row in drafts if row.household_id == where.household_id]
    return [*map(_draft_line, drafts), *map(_posted_line, hut_stock.list_documents(uow, where=where))]


def document_columns() -> list[Column]:
    return [
        Column(QCoreApplication.translate("DocumentsTab", "Number"), lambda r: r.number or "—"),
        Column(QCoreApplication.translate("DocumentsTab", "Kind"), lambda r: label(DocumentKind, r.kind)),
        Column(QCoreApplication.translate("DocumentsTab", "Date"),
               lambda r: r.happened_on or QCoreApplication.translate("DocumentsTab", "today")),
        Column(QCoreApplication.translate("DocumentsTab", "Donor or recipient"), lambda r: r.counterpart),
        Column(QCoreApplication.translate("DocumentsTab", "Goods"), lambda r: r.what),
        Column(QCoreApplication.translate("DocumentsTab", "Value"),
               lambda r: money(r.value) if r.value else "", align_right=True,
               sort_value=lambda r: r.value,
               workbook=(QCoreApplication.translate("DocumentsTab", "Value (yuan)"), lambda r: r.value)),
        Column(QCoreApplication.translate("DocumentsTab", "State"), lambda r: r.state),
    ]


class DocumentsTab(ListArea):
    """The hut's documents (see the module's text)."""

    shows = frozenset({"hut_documents", "hut_drafts", "hut_draft_lines", "stock_movements", "donors", "households",
                       "items"})

    def __init__(self, context: AppContext) -> None:
        super().__init__(context, name="documentsTab", title=None, table_name="documentsTable",
                         columns=document_columns(), row_id=lambda row: row.key)
        self.last_dialog: QDialog | None = None
        self.may_edit = context.can(Permission.EDIT_HUT)
        kind = QComboBox(objectName="documentKind")
        kind.addItem(self.tr("Every kind"), "")
        for choice in DocumentKind:
            kind.addItem(translate("desktop", choice.label), choice.value)
        self.kind = self.add_filter(self.tr("Kind"), kind)
        self.in_period = QCheckBox(self.tr("From"), objectName="inPeriod")
        day = today(context)
        self.date_from = date_edit(date(day.year, day.month, 1), name="documentsFrom")
        self.date_to = date_edit(day, name="documentsTo")
        self.add_filter(None, pair(self.in_period, self.date_from, QLabel(self.tr("to")), self.date_to))
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda *_: self.in_period.isChecked() and self.read_list())
        self.in_period.toggled.connect(lambda *_: self.read_list())
        donor = QComboBox(objectName="documentDonor")
        donor.addItem(self.tr("Every donor"), "")
        self.donor = self.add_filter(self.tr("Donor"), donor)
        self.household_id = ""
        self.household_button = QPushButton(self.tr("Every household"), objectName="documentHousehold")
        self.household_button.clicked.connect(self.pick_household)
        self.add_filter(self.tr("Household"), self.household_button)
        self.intake_button = self.add_button(self.tr("New intake…"), "newIntake",
                                             lambda: self.new_document(DocumentKind.INTAKE.value),
                                             allowed=self.may_edit)
        self.distribution_button = self.add_button(self.tr("New distribution…"), "newDistribution",
                                                   lambda: self.new_document(DocumentKind.DISTRIBUTION.value),
                                                   allowed=self.may_edit)
        self.open_button = self.add_button(self.tr("Open…"), "openDocument", self.open_selected)
        self.table.doubleClicked.connect(lambda *_: self.open_selected())
        self.finish(export=(self.tr("Hut documents {day}").format(day=day.isoformat()), self.tr("Hut documents")))
        self._donors_read = False

    def pick_household(self) -> QDialog | None:
        """Choose the household whose documents are listed; a click when one is chosen lists every household's."""
        from ui.household_picker import pick_one as pick_household

        if self.household_id:
            self.household_id = ""
            self.household_button.setText(self.tr("Every household"))
            self.read_list()
            return None
        self.last_dialog = pick_household(self, self.context, self._household_chosen)
        return self.last_dialog

    def _household_chosen(self, row) -> None:
        self.household_id = row.id
        self.household_button.setText(row.head_name)
        self.read_list()

    def current_filter(self) -> DocumentFilter:
        period = self.in_period.isChecked()
        return DocumentFilter(kind=self.kind.currentData() or "",
                              period_from=date_text(self.date_from) if period else "",
                              period_to=date_text(self.date_to) if period else "",
                              donor_id=self.donor.currentData() or "", household_id=self.household_id)

    def rows_loader(self) -> Callable[[UnitOfWork], list[ListedDocument]]:
        where = self.current_filter()
        return lambda uow: list_for_screen(uow, where)

    def reload(self) -> None:
        super().reload()
        if not self._donors_read:
            read(self.context, self, lambda uow: hut.list_donors(uow), done=self._show_donors)

    def _show_donors(self, rows) -> None:
        self._donors_read = True
        for row in rows:
            self.donor.addItem(row.name or hut.UNNAMED_DONOR, row.id)

    def rows_shown(self, rows) -> None:
        drafts = sum(1 for row in rows if row.draft is not None)
        self.count_label.setVisible(True)
        posted = len(rows) - drafts
        self.count_label.setText(self.tr("{documents}, {drafts}").format(
            documents=counted(posted, self.tr("1 document"), self.tr("{count} documents")),
            drafts=counted(drafts, self.tr("1 draft"), self.tr("{count} drafts"))))

    def set_hut_actions(self, actions: frozenset[HutAction]) -> None:
        """What the person may start in the hut, as the hut's service says."""
        self.intake_button.setEnabled(HutAction.TAKE_IN in actions)
        self.distribution_button.setEnabled(HutAction.HAND_OUT in actions)

    def update_actions(self) -> None:
        self.open_button.setEnabled(self.selected() is not None)

    def _open(self, dialog: QDialog) -> QDialog:
        self.last_dialog = open_dialog(dialog)
        return dialog

    def new_document(self, kind: str) -> QDialog | None:
        if not self.may_edit:
            return None
        return self._open(DocumentDialog(self.context, kind=kind, parent=self))

    def open_selected(self) -> QDialog | None:
        row = self.selected()
        if row is None:
            return None
        if row.draft is not None:
            return self._open(DocumentDialog(self.context, kind=row.kind, draft=row.draft, parent=self))
        return self._open(PostedDialog(self.context, row.posted, parent=self))


# -- choosing an item ----------------------------------------------------------------------------------------

class ItemPicker(RecordPicker):
    """The hut's items and the city's, by name, pinyin initials or barcode; each once."""

    def __init__(self, context: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(context, multi=False, exclude_ids=(), name="itemPicker",
                         placeholder=self.tr("Name, pinyin initials or barcode"),
                         nothing_found=self.tr("No item found. Add it in Items and donors, or try fewer letters."),
                         parent=parent)
        self.setWindowTitle(self.tr("Choose an item"))

    def find(self, uow, text: str, limit: int) -> list[PickRow]:
        return hut.pick_list(uow, text=text, limit=limit)

    def line(self, row: PickRow) -> str:
        city = "" if row.item_id else self.tr("(city's catalogue)")
        held = self.tr("on hand {amount}").format(amount=amount(row.on_hand, row.unit)) if row.item_id else ""
        return "  ·  ".join(part for part in (row.name, row.unit, row.barcode, held, city) if part)


def adopted(uow: UnitOfWork, row: PickRow) -> str:
    """The village's item of a chosen row, a city item adopted first."""
    return row.item_id or hut.adopt_city_item(uow, city_item_id=row.city_item_id).id


# -- writing a document --------------------------------------------------------------------------------------

class DocumentDialog(QDialog):
    """An intake or a distribution being written (a draft of this PC): its header, its lines (chosen, typed or
    scanned), saved as a draft, posted, or discarded."""

    def __init__(self, context: AppContext, *, kind: str, draft: DraftRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.kind, self.draft = context, kind, draft
        self.posted_id = ""
        self.last_dialog: QDialog | None = None
        self.setObjectName("documentDialog")
        self.resize(1000, 680)
        intake = kind == DocumentKind.INTAKE
        self.setWindowTitle(self.tr("Intake of goods") if intake else self.tr("Distribution of goods"))
        layout = QVBoxLayout(self)
        form, below = scrolling_form(self, layout=layout)
        self.happened_on = date_edit(today(context), name="happenedOn")
        form.addRow(self.tr("Date"), self.happened_on)
        # an intake's donor, and the cash passed on
        self.donor_id = ""
        self.donor_name = QLabel(self.tr("Not chosen yet"), objectName="donorName")
        self.donor_button = QPushButton(self.tr("Choose…"), objectName="pickDonor")
        self.add_donor_button = QPushButton(self.tr("New donor…"), objectName="newDonor")
        self.donor_row = pair(self.donor_name, self.donor_button, self.add_donor_button)
        self.cash_amount = QDoubleSpinBox(objectName="cashAmount")
        self.cash_amount.setRange(0, hut.MOST_VALUE)
        self.cash_amount.setDecimals(2)
        self.cash_amount.setPrefix("¥ ")
        self.cash_amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.cash_charity = QLineEdit(objectName="cashCharity")
        self.cash_charity.setPlaceholderText(self.tr("The charity the cash was passed to"))
        self.cash_receipt = QLineEdit(objectName="cashReceipt")
        self.cash_receipt.setPlaceholderText(self.tr("Its receipt number"))
        self.cash_row = pair(self.cash_amount, self.cash_charity, self.cash_receipt)
        # a distribution's household or activity
        self.recipient_kind = QComboBox(objectName="recipientKind")
        for choice in RecipientKind:
            self.recipient_kind.addItem(translate("desktop", choice.label), choice.value)
        self.household_id = ""
        self.household_name = QLabel(self.tr("Not chosen yet"), objectName="householdName")
        self.household_button = QPushButton(self.tr("Choose…"), objectName="pickHousehold")
        self.household_row = pair(self.household_name, self.household_button)
        self.activity = QComboBox(objectName="activity")
        self.activity.addItem(self.tr("Choose the activity"), "")
        if intake:
            form.addRow(self.tr("Donor"), self.donor_row)
            form.addRow(self.tr("Cash passed on"), self.cash_row)
            self.cash_amount.setToolTip(self.tr("Cash is never kept at the hut: record what was passed on, to "
                                                "whom, and its receipt number"))
        else:
            form.addRow(self.tr("Goes to"), self.recipient_kind)
            form.addRow(self.tr("Household"), self.household_row)
            form.addRow(self.tr("Activity"), self.activity)
            self._form = form
            self.recipient_kind.currentIndexChanged.connect(lambda *_: self._recipient_chosen())
            read(context, self, lambda uow: [(a.title, a.date, a.id) for a in _recent_activities(uow)],
                 done=self._show_activities)
        self.notes = QLineEdit(objectName="notes")
        form.addRow(self.tr("Notes"), self.notes)
        # the lines
        self.columns = [
            Column(self.tr("Item"), lambda line: line.name),
            Column(self.tr("Quantity"), lambda line: amount(line.quantity, line.unit), align_right=True),
            Column(self.tr("Condition"), lambda line: label(Condition, line.condition) if line.condition else ""),
            Column(self.tr("Value each"), lambda line: money(line.unit_value) if line.unit_value else "",
                   align_right=True),
            Column(self.tr("Expiry"), lambda line: line.expires_on),
            Column(self.tr("On hand"), lambda line: amount(line.on_hand, line.unit), align_right=True),
        ]
        self.lines_model = RecordTableModel(self.columns, row_id=lambda line: line.id, parent=self)
        self.lines_table = record_table(self.lines_model, name="linesTable")
        self.lines_table.setMinimumHeight(self.lines_table.verticalHeader().defaultSectionSize() * 4)
        form.addRow(self.lines_table)
        self.barcode = QLineEdit(objectName="barcode")
        self.barcode.setPlaceholderText(self.tr("Scan a barcode here (or type it and press Enter)"))
        form.addRow(self.tr("Barcode"), self.barcode)
        # a line being typed
        self.line_item: PickRow | None = None
        self.item_name = QLabel(self.tr("No item chosen"), objectName="lineItem")
        self.item_button = QPushButton(self.tr("Choose item…"), objectName="pickItem")
        self.quantity = QLineEdit(objectName="quantity")
        self.quantity.setPlaceholderText(self.tr("How many"))
        self.unit = QLabel(objectName="lineUnit")
        self.condition = QComboBox(objectName="condition")
        for choice in Condition:
            self.condition.addItem(translate("desktop", choice.label), choice.value)
        self.unit_value = QLineEdit(objectName="unitValue")
        self.unit_value.setPlaceholderText(self.tr("Value each, yuan"))
        self.expires_on = date_edit(today(context), name="expiresOn")
        self.expires_on.setEnabled(False)
        self.add_line_button = QPushButton(self.tr("Add line"), objectName="addLine")
        self.change_line_button = QPushButton(self.tr("Change line"), objectName="changeLine")
        self.remove_line_button = QPushButton(self.tr("Remove line"), objectName="removeLine")
        line = FlowLayout()
        line.addWidget(pair(self.item_name, self.item_button))
        line.addWidget(pair(self.quantity, self.unit))
        if intake:
            line.addWidget(self.condition)
            line.addWidget(self.unit_value)
            line.addWidget(pair(QLabel(self.tr("Expiry")), self.expires_on))
        else:  # what goes out is worth what it came in at, as the item's chosen; the person may change it
            line.addWidget(self.unit_value)
            self.condition.setVisible(False)
            self.expires_on.setVisible(False)
        line.addWidget(self.add_line_button)
        line.addWidget(self.change_line_button)
        line.addWidget(self.remove_line_button)
        line_box = QWidget()
        line_box.setLayout(line)
        form.addRow(self.tr("Line"), line_box)
        self.message = FormMessage()
        below.addWidget(self.message)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save draft"), objectName="saveDraft")
        self.post_button = QPushButton(self.tr("Post"), objectName="postDocument")
        self.discard_button = QPushButton(self.tr("Discard"), objectName="discardDraft")
        self.close_button = QPushButton(self.tr("Close"), objectName="closeDocument")
        for button in (self.discard_button, self.save_button, self.post_button, self.close_button):
            buttons.addWidget(button)
        buttons.insertStretch(1)
        below.addLayout(buttons)

        self.donor_button.clicked.connect(self.pick_donor)
        self.add_donor_button.clicked.connect(self.add_donor)
        self.household_button.clicked.connect(self.pick_household)
        self.item_button.clicked.connect(self.pick_item)
        self.barcode.returnPressed.connect(self.scan)
        self.quantity.returnPressed.connect(self.add_line)
        self.add_line_button.clicked.connect(self.add_line)
        self.change_line_button.clicked.connect(self.change_line)
        self.remove_line_button.clicked.connect(self.remove_line)
        self.save_button.clicked.connect(self.save_draft)
        self.post_button.clicked.connect(self.post)
        self.discard_button.clicked.connect(self.discard)
        self.close_button.clicked.connect(self.reject)
        self.lines_table.selectionModel().selectionChanged.connect(lambda *_: self._line_chosen())
        # Enter ends what a scanner or a person types in a field (a code, a quantity): it presses no button
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        if draft is not None:
            self._fill_header(draft)
            self._show_draft(draft)
        if not intake:
            self._recipient_chosen()
        self._update()
        self.barcode.setFocus()

    # -- the header ------------------------------------------------------------------------------------

    def _show_activities(self, rows: list[tuple[str, str, str]]) -> None:
        for title, starts_on, activity_id in rows:
            self.activity.addItem(f"{starts_on} {title}", activity_id)
        if self.draft is not None and self.draft.activity_id:
            self.activity.setCurrentIndex(max(self.activity.findData(self.draft.activity_id), 0))

    def _recipient_chosen(self) -> None:
        household = self.recipient_kind.currentData() == RecipientKind.HOUSEHOLD
        self._form.setRowVisible(self.household_row, household)
        self._form.setRowVisible(self.activity, not household)

    def _fill_header(self, draft: DraftRow) -> None:
        if draft.happened_on:
            set_date(self.happened_on, draft.happened_on)
        self.donor_id = draft.donor_id
        if draft.donor_name:
            self.donor_name.setText(draft.donor_name)
        self.cash_amount.setValue(draft.cash_amount)
        self.cash_charity.setText(draft.cash_charity)
        self.cash_receipt.setText(draft.cash_receipt)
        if draft.recipient_kind:
            self.recipient_kind.setCurrentIndex(max(self.recipient_kind.findData(draft.recipient_kind), 0))
        self.household_id = draft.household_id
        if draft.household_name:
            self.household_name.setText(draft.household_name)
        self.notes.setText(draft.notes)

    def pick_donor(self) -> QDialog:
        from ui.views.hut.catalogue import DonorPicker

        picker = DonorPicker(self.context, parent=self)
        self.last_dialog = pick_one(picker, lambda row: self.set_donor(row.id, row.name or hut.UNNAMED_DONOR))
        return picker

    def add_donor(self) -> QDialog:
        from ui.views.hut.catalogue import DonorDialog

        dialog = DonorDialog(self.context, None, self)
        dialog.accepted.connect(lambda: dialog.saved and self.set_donor(dialog.saved.id,
                                                                        dialog.saved.name or hut.UNNAMED_DONOR))
        self.last_dialog = open_dialog(dialog)
        return dialog

    def set_donor(self, donor_id: str, name: str) -> None:
        self.donor_id = donor_id
        self.donor_name.setText(name)

    def pick_household(self) -> QDialog:
        from ui.household_picker import pick_one as pick_household

        self.last_dialog = pick_household(self, self.context, lambda row: self.set_household(row.id, row.head_name))
        return self.last_dialog

    def set_household(self, household_id: str, name: str) -> None:
        self.household_id = household_id
        self.household_name.setText(name)

    def header(self) -> DraftForm:
        if self.kind == DocumentKind.INTAKE:
            return DraftForm(kind=self.kind, happened_on=date_text(self.happened_on), donor_id=self.donor_id,
                             cash_amount=self.cash_amount.value(), cash_charity=self.cash_charity.text(),
                             cash_receipt=self.cash_receipt.text(), notes=self.notes.text())
        household = self.recipient_kind.currentData() == RecipientKind.HOUSEHOLD
        return DraftForm(kind=self.kind, happened_on=date_text(self.happened_on),
                         recipient_kind=self.recipient_kind.currentData(),
                         household_id=self.household_id if household else "",
                         activity_id="" if household else (self.activity.currentData() or ""), notes=self.notes.text())

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"happened_on": self.happened_on, "donor_id": self.donor_button, "cash_amount": self.cash_amount,
                "cash_charity": self.cash_charity, "cash_receipt": self.cash_receipt,
                "recipient_kind": self.recipient_kind, "household_id": self.household_button,
                "activity_id": self.activity, "notes": self.notes, "lines": self.lines_table,
                "barcode": self.barcode, "item_id": self.item_button, "quantity": self.quantity,
                "unit_value": self.unit_value, "condition": self.condition, "expires_on": self.expires_on}

    def _with_draft(self, then: Callable[[UnitOfWork, str], DraftRow | None]) -> Callable[[UnitOfWork], DraftRow]:
        """The work of a change: the header saved (the draft started, the first time) and then ``then``."""
        header, draft_id = self.header(), self.draft.id if self.draft is not None else ""

        def work(uow: UnitOfWork) -> DraftRow:
            if draft_id:
                row = hut_drafts.change_draft(uow, draft_id=draft_id, form=header)
            else:
                row = hut_drafts.start_draft(uow, form=header)
            return then(uow, row.id) or hut_drafts.get_draft(uow, draft_id=row.id)
        return work

    def _write(self, work: Callable[[UnitOfWork], object], done: Callable[[object], None],
               failed: Callable[[BaseException], None] | None = None) -> Task | None:
        return write(self.context, self, work, form=Form(self.message, self.fields), done=done, failed=failed)

    # -- the lines -------------------------------------------------------------------------------------

    def _show_draft(self, draft: DraftRow) -> None:
        self.draft = draft
        chosen = selected_object(self.lines_table)
        self.lines_model.set_rows(list(draft.lines))
        if chosen is not None:
            select_by_id(self.lines_table, chosen.id)
        self._update()

    def _line_chosen(self) -> None:
        line: DraftLineRow | None = selected_object(self.lines_table)
        self._update()
        if line is None:
            return
        self.line_item = PickRow(line.item_id, "", line.name, "", line.unit, "", line.tracks_expiry, line.on_hand)
        self._show_item()
        self.quantity.setText(quantity_text(line.quantity))
        self.unit_value.setText(f"{line.unit_value:g}" if line.unit_value else "")
        if line.condition:
            self.condition.setCurrentIndex(max(self.condition.findData(line.condition), 0))
        if line.expires_on:
            set_date(self.expires_on, line.expires_on)

    def pick_item(self) -> QDialog:
        picker = ItemPicker(self.context, parent=self)
        self.last_dialog = pick_one(picker, self.set_item)
        return picker

    def set_item(self, row: PickRow) -> None:
        self.line_item = row
        self._show_item()
        if self.kind == DocumentKind.DISTRIBUTION:
            self.unit_value.setText(f"{row.value:g}" if row.value else "")
        self.quantity.setFocus()

    def _show_item(self) -> None:
        row = self.line_item
        self.item_name.setText(row.name if row is not None else self.tr("No item chosen"))
        self.unit.setText(row.unit if row is not None else "")
        self.expires_on.setEnabled(row is not None and row.tracks_expiry)

    def line_form(self, item_id: str) -> LineForm:
        intake = self.kind == DocumentKind.INTAKE
        tracked = self.line_item is not None and self.line_item.tracks_expiry
        return LineForm(item_id=item_id, quantity=self.quantity.text(), unit_value=self.unit_value.text(),
                        condition=self.condition.currentData() if intake else "",
                        expires_on=date_text(self.expires_on) if intake and tracked else "")

    def add_line(self) -> Task | None:
        chosen = self.line_item
        if chosen is None:
            self.message.show_problem(self.tr("Choose the item first, or scan its barcode."))
            return None
        form = self.line_form(chosen.item_id)

        def then(uow: UnitOfWork, draft_id: str) -> DraftRow:
            line = LineForm(adopted(uow, chosen), form.quantity, form.unit_value, form.condition, form.expires_on)
            return hut_drafts.add_draft_line(uow, draft_id=draft_id, line=line)
        return self._write(self._with_draft(then), self._line_saved)

    def change_line(self) -> Task | None:
        line: DraftLineRow | None = selected_object(self.lines_table)
        if line is None or self.line_item is None:
            return None
        form = self.line_form(self.line_item.item_id)
        return self._write(self._with_draft(
            lambda uow, _draft: hut_drafts.change_draft_line(uow, line_id=line.id, line=form)), self._line_saved)

    def remove_line(self) -> Task | None:
        line: DraftLineRow | None = selected_object(self.lines_table)
        if line is None:
            return None
        return self._write(self._with_draft(
            lambda uow, _draft: hut_drafts.remove_draft_line(uow, line_id=line.id)), self._show_draft)

    def _line_saved(self, draft: DraftRow) -> None:
        """The line is in the draft: the next one starts empty."""
        self.lines_table.clearSelection()
        self._show_draft(draft)
        self.line_item = None
        self._show_item()
        self.quantity.clear()
        self.unit_value.clear()
        self.barcode.setFocus()

    def scan(self) -> Task | None:
        """A scanner types the code and Enter: one more of the item, or a line of one; an unknown code is
        offered to be linked to an item."""
        code = self.barcode.text().strip()
        if not code:
            return None

        def scanned(draft: DraftRow) -> None:
            self.barcode.clear()
            self._show_draft(draft)

        def failed(error: BaseException) -> None:
            from desktop.errors import UserError
            from ui.forms import report

            report(error, message=self.message, fields=self.fields, parent=self)
            if isinstance(error, UserError) and error.field == "barcode":
                self.offer_link(code)

        return self._write(self._with_draft(lambda uow, draft_id: hut_drafts.scan_into_draft(
            uow, draft_id=draft_id, barcode=code)), scanned, failed)

    def offer_link(self, code: str) -> QDialog | None:
        """Link an unknown barcode to the item it belongs to, then take it in as scanned."""
        if not confirm(self, self.tr("Unknown barcode"),
                       self.tr("No item has barcode {code}. Choose the item it belongs to, and it will be known "
                               "next time.").format(code=code), action=self.tr("Choose the item…")):
            return None
        picker = ItemPicker(self.context, parent=self)

        def chosen(row: PickRow) -> None:
            def link(uow: UnitOfWork) -> None:
                hut.link_barcode(uow, item_id=adopted(uow, row), barcode=code)
            self._write(link, lambda _result: self.scan())
        self.last_dialog = pick_one(picker, chosen)
        return picker

    # -- saving, posting, discarding -------------------------------------------------------------------

    def _update(self) -> None:
        line = selected_object(self.lines_table)
        self.change_line_button.setEnabled(line is not None)
        self.remove_line_button.setEnabled(line is not None)
        wanted = HutAction.TAKE_IN if self.kind == DocumentKind.INTAKE else HutAction.HAND_OUT
        self.discard_button.setEnabled(self.draft is not None and wanted in self.draft.actions)
        self.post_button.setEnabled(self.draft is not None and bool(self.draft.lines) and wanted in self.draft.actions)

    def save_draft(self) -> Task | None:
        return self._write(self._with_draft(lambda uow, draft_id: None), self._saved)

    def _saved(self, draft: DraftRow) -> None:
        self._show_draft(draft)
        self.message.show_done(self.tr("The draft is saved on this PC. Post it when the goods have moved."))

    def post(self) -> Task | None:
        if self.draft is None:
            return None

        save = self._with_draft(lambda _uow, _draft_id: None)  # the header as typed, read here on the screen's thread

        def work(uow: UnitOfWork) -> str:
            return hut_drafts.post_draft(uow, draft_id=save(uow).id).id

        def failed(error: BaseException) -> None:
            from ui.forms import report

            report(error, message=self.message, fields=self.fields, parent=self)
            line = getattr(error, "params", {}).get("line")
            item = getattr(error, "params", {}).get("item")
            for number, row in enumerate(self.draft.lines if self.draft else (), start=1):
                if number == line or (line is None and item and row.name == item):
                    select_by_id(self.lines_table, row.id)
                    break
        return self._write(work, self._posted, failed)

    def _posted(self, document_id: str) -> None:
        self.posted_id = document_id
        self.accept()

    def discard(self) -> Task | None:
        if self.draft is None or not confirm(self, self.tr("Discard the draft"),
                                             self.tr("Throw this draft away, with its lines?"),
                                             action=self.tr("Discard")):
            return None
        draft_id = self.draft.id
        return self._write(lambda uow: hut_drafts.discard_draft(uow, draft_id=draft_id), lambda _r: self.accept())


def _recent_activities(uow: UnitOfWork):
    """The activities goods may be handed out at: the latest first, never a cancelled one."""
    return [row for row in activities.list_activities(uow) if row.status != ActivityStatus.CANCELLED][:60]


# -- a posted document ---------------------------------------------------------------------------------------

def posted_line_columns(kind: str) -> list[Column]:
    """The columns of a posted document's lines, as its kind has them: every line's item, category, quantity and
    value; a transfer's sent and arrived figures with why they differ; a count's reasons."""
    def figure(number: float | None, unit: str, *, signed: bool = False) -> str:
        if number is None:
            return ""
        return f"{quantity_text(number, signed=signed)} {unit}".strip()

    def arrived(line) -> str:
        if line.received is None:
            return QCoreApplication.translate("PostedDialog", "on the way")
        return figure(line.received, line.unit)

    signed = kind in hut_drafts.SIGNED_KINDS
    named = [Column(QCoreApplication.translate("PostedDialog", "Item"), lambda line: line.name),
             Column(QCoreApplication.translate("PostedDialog", "Category"),
                    lambda line: category_text(line.category_name))]
    valued = [Column(QCoreApplication.translate("PostedDialog", "Value each"),
                     lambda line: money(line.unit_value) if line.unit_value else "", align_right=True,
                     sort_value=lambda line: line.unit_value),
              Column(QCoreApplication.translate("PostedDialog", "Value"),
                     lambda line: money(line.value) if line.value else "", align_right=True,
                     sort_value=lambda line: line.value)]
    condition = Column(QCoreApplication.translate("PostedDialog", "Condition"),
                       lambda line: label(Condition, line.condition) if line.condition else "")
    expiry = Column(QCoreApplication.translate("PostedDialog", "Expiry"), lambda line: line.expires_on)
    if kind in (DocumentKind.TRANSFER_OUT, DocumentKind.TRANSFER_IN):
        return [*named,
                Column(QCoreApplication.translate("PostedDialog", "Sent"), lambda line: figure(line.sent, line.unit),
                       align_right=True),
                Column(QCoreApplication.translate("PostedDialog", "Arrived"), arrived, align_right=True),
                Column(QCoreApplication.translate("PostedDialog", "Difference"),
                       lambda line: figure(line.difference or None, line.unit, signed=True), align_right=True),
                Column(QCoreApplication.translate("PostedDialog", "Why it differs"),
                       lambda line: line.received_reason),
                condition, *valued, expiry]
    moved = Column(QCoreApplication.translate("PostedDialog", "Quantity"),
                   lambda line: figure(line.quantity, line.unit, signed=signed), align_right=True,
                   sort_value=lambda line: line.quantity)
    if kind == DocumentKind.STOCKTAKE:
        return [*named, moved,
                Column(QCoreApplication.translate("PostedDialog", "Reason"),
                       lambda line: label(AdjustmentReason, line.reason) if line.reason else ""),
                *valued]
    return [*named, moved, condition, *valued, expiry]


class PostedDialog(QDialog):
    """A posted document, to read: who it concerns and its lines in a table, printed (an intake's slip and
    thank-you letter, a distribution's paper with the recipient's signature line, any other kind's paper with the
    signatures it needs), or reversed with the reason."""

    def __init__(self, context: AppContext, row: DocumentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.row = context, row
        self.slip = None
        self.document: PostedDocument | None = None
        self.last_dialog: QDialog | None = None
        self.setObjectName("postedDialog")
        self.resize(1000, 620)
        self.setWindowTitle(self.tr("{kind} {number}").format(kind=label(DocumentKind, row.kind), number=row.number))
        layout = QVBoxLayout(self)
        inner = scrolling_part(layout)
        self.facts = QLabel(objectName="documentFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(self.facts)
        self.columns = posted_line_columns(row.kind)
        self.lines_model = RecordTableModel(
            self.columns, row_id=lambda line: (line.name, line.unit, line.expires_on, line.quantity), parent=self)
        self.proxy, self.lines_table = sortable_table(self.lines_model, name="documentLines", parent=self)
        self.lines_table.setMinimumHeight(self.lines_table.verticalHeader().defaultSectionSize() * 4)
        inner.addWidget(self.lines_table, 1)
        self.message = FormMessage()
        layout.addWidget(self.message)
        buttons = FlowLayout()
        self.print_button = QPushButton(self.tr("Print…"), objectName="printDocument")
        menu = QMenu(self.print_button)
        self.print_menu = menu
        if row.kind == DocumentKind.INTAKE:
            menu.addAction(self.tr("Intake slip to PDF…"), lambda: self.print_paper("slip"))
            menu.addAction(self.tr("Intake slip to a printer…"), lambda: self.print_paper("slip", printer=True))
            menu.addAction(self.tr("Thank-you letter to PDF…"), lambda: self.print_paper("letter"))
            menu.addAction(self.tr("Thank-you letter to a printer…"),
                           lambda: self.print_paper("letter", printer=True))
        elif row.kind == DocumentKind.DISTRIBUTION:
            menu.addAction(self.tr("Distribution paper to PDF…"), lambda: self.print_paper("distribution"))
            menu.addAction(self.tr("Distribution paper to a printer…"),
                           lambda: self.print_paper("distribution", printer=True))
        else:
            menu.addAction(self.tr("Document to PDF…"), lambda: self.print_paper("document"))
            menu.addAction(self.tr("Document to a printer…"), lambda: self.print_paper("document", printer=True))
        self.print_button.setMenu(menu)
        self.reverse_button = QPushButton(self.tr("Reverse…"), objectName="reverseDocument")
        self.reverse_button.setVisible(context.can(Permission.EDIT_HUT))
        self.reverse_button.setEnabled(HutAction.REVERSE in row.actions)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.reverse_button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.reverse_button.clicked.connect(self.reverse)
        document_id = row.id
        read(context, self, lambda uow: hut_drafts.posted_document(uow, document_id=document_id), done=self._show)

    def _show(self, document: PostedDocument) -> None:
        self.document = document
        self.facts.setText("\n".join(f"{caption}: {value}" for caption, value in self.facts_of(document)))
        self.lines_model.set_rows(list(document.lines))
        for number, column in enumerate(self.columns):  # a condition or an expiry no line has is left out
            if column.title in (self.tr("Condition"), self.tr("Expiry")):
                self.lines_table.setColumnHidden(number, not any(column.value(line) for line in document.lines))

    def facts_of(self, document: PostedDocument) -> list[tuple[str, str]]:
        """What the document says besides its lines, each with its caption."""
        kind = document.kind
        facts = [(self.tr("Number"), document.number), (self.tr("Date"), document.happened_on)]
        if kind == DocumentKind.INTAKE:
            facts.append((self.tr("Donor"), document.counterpart))
        elif kind in (DocumentKind.TRANSFER_OUT, DocumentKind.TRANSFER_IN):
            facts += [(self.tr("From"), document.from_hut), (self.tr("To"), document.to_hut)]
        elif kind == DocumentKind.REVERSAL:
            facts += [(self.tr("Reverses"), f"{label(DocumentKind, document.corrects_kind)} {document.corrects_number}"
                       if document.corrects_number else "—"), (self.tr("Why"), document.notes)]
        elif document.counterpart:
            facts.append((self.tr("Recipient"), document.counterpart))
        if document.points:
            facts.append((self.tr("Points taken"), str(document.points)))
        facts.append((self.tr("Value"), money(document.total_value)))
        if document.cash_amount:
            facts.append((self.tr("Cash passed on"), self.tr("{amount} to {charity}, receipt {receipt}").format(
                amount=money(document.cash_amount), charity=document.cash_charity, receipt=document.cash_receipt)))
        if document.notes and kind != DocumentKind.REVERSAL:
            facts.append((self.tr("Notes"), document.notes))
        facts.append((self.tr("Recorded by"), document.recorded_by_name))
        if document.reversed_by:
            facts.append((self.tr("State"), self.tr("Reversed by {number}").format(number=document.reversed_by)))
        if self.row.superseded_by:
            facts.append((self.tr("State"), self.tr(
                "Another PC of this village recorded the arrival of these goods first, as {numbers}; the goods are "
                "counted once, there, and this document counts nothing.").format(
                    numbers="、".join(self.row.superseded_by))))
        elif self.row.superseded:
            facts.append((self.tr("State"), self.tr(
                "Another PC of this village recorded the arrival of these goods first, saying none of them arrived; "
                "this document counts nothing.")))
        return facts

    def paper_loader(self, paper: str) -> Callable[[UnitOfWork], object]:
        document_id = self.row.id
        if paper == "distribution":
            return lambda uow: hut_drafts.distribution_slip(uow, document_id=document_id)
        if paper == "document":
            return lambda uow: hut_drafts.posted_document(uow, document_id=document_id)
        return lambda uow: hut_drafts.intake_slip(uow, document_id=document_id)

    def print_paper(self, paper: str, *, printer: bool = False) -> Task:
        """Read what the paper shows, then save it as a PDF (and open it) or send it to a printer."""
        from ui import printing

        makers = {"slip": printing.intake_slip_markup, "letter": printing.thank_you_markup,
                  "distribution": printing.distribution_markup, "document": printing.document_markup}
        names = {"slip": self.tr("Intake slip {number}.pdf"), "letter": self.tr("Thank-you letter {number}.pdf"),
                 "distribution": self.tr("Distribution {number}.pdf"),
                 "document": self.tr("{kind} {number}.pdf").replace("{kind}", label(DocumentKind, self.row.kind))}

        def print_it(slip) -> None:
            self.slip = slip
            markup, title = makers[paper](slip)
            if printer:
                printing.print_on_paper(self, markup, title=title)
                return
            printing.save_and_open_pdf(self, self.context, names[paper].format(number=slip.number),
                                       lambda path: printing.write_pdf(markup, path, title=title))

        return read(self.context, self, self.paper_loader(paper), done=print_it)

    def reverse(self) -> QDialog | None:
        if HutAction.REVERSE not in self.row.actions:
            return None
        self.last_dialog = open_dialog(ReverseDialog(self.context, self.row, self))
        self.last_dialog.accepted.connect(self.accept)
        return self.last_dialog


class ReverseDialog(QDialog):
    """Undo a posted document by a reversal dated today: asks why."""

    def __init__(self, context: AppContext, row: DocumentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.row = context, row
        self.setObjectName("reverseDialog")
        self.resize(560, 10)
        self.setWindowTitle(self.tr("Reverse {number}").format(number=row.number))
        form, below = scrolling_form(self)
        intro = QLabel(self.tr("A reversal dated today undoes each line of {number}; the document stays as it was "
                               "posted, marked reversed.").format(number=row.number))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.reason = QPlainTextEdit(objectName="reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(80)
        form.addRow(self.tr("Why"), self.reason)
        self.message = FormMessage()
        below.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.reverse_button = buttons.addButton(self.tr("Reverse"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        below.addWidget(buttons)
        self.reason.setFocus()

    def save(self) -> None:
        document_id, reason = self.row.id, self.reason.toPlainText()
        write(self.context, self, lambda uow: hut_ledger.reverse(uow, document_id=document_id, reason=reason).id,
              form=Form(self.message, {"reason": self.reason}),
              done=lambda _id: self.accept())

