"""The hut's items and donors tab: the items (added, changed, taken off the pick lists, adopted from the city's
catalogue), the item categories, and the donors with each one's gifts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.hut import UNITS, DonorKind, HutAction, quantity_text
from desktop.domain.roles import Permission
from desktop.services import hut
from desktop.services.hut import DonorForm, DonorRow, GiftRow, ItemCategoryRow, ItemForm, ItemRow, PickRow
from desktop.storage.uow import UnitOfWork
from ui.context import AppContext
from ui.dialogs import open_dialog
from ui.forms import FormMessage, save_cancel_buttons, scrolling_form
from ui.i18n import counted, translate
from ui.layouts import FlowLayout, PageTabs, scrolling_part
from ui.operations import Form, read, write
from ui.pickers import RecordPicker, pick_one
from ui.programme import label
from ui.table import Column, RecordTableModel, select_by_id, selected_object, sortable_table
from ui.tasks import Task
from ui.views.hut.stock import amount, category_text
from ui.views.lists import ListArea


def _money(value: float) -> str:
    return QCoreApplication.translate("CatalogueTab", "¥{amount}").format(
        amount=f"{value:,.2f}".rstrip("0").rstrip("."))


# -- items ---------------------------------------------------------------------------------------------------

class ItemDialog(QDialog):
    """Add an item of the village's own, or change one."""

    def __init__(self, context: AppContext, item: ItemRow | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.item = context, item
        self.saved: ItemRow | None = None
        self.setObjectName("itemDialog")
        self.resize(600, 10)
        self.setWindowTitle(self.tr("Add an item") if item is None else self.tr("Change item"))
        form, below = scrolling_form(self)
        self.name = QLineEdit(objectName="itemName")
        self.name.setPlaceholderText(self.tr("For example: 棉被, 大米（10斤装）"))
        self.category = QComboBox(objectName="itemCategory")
        self.unit = QComboBox(objectName="itemUnit")
        self.unit.setEditable(True)
        self.unit.addItems(list(UNITS))
        self.tracks_expiry = QCheckBox(self.tr("Keeps an expiry date"), objectName="tracksExpiry")
        self.barcode = QLineEdit(objectName="itemBarcode")
        self.barcode.setPlaceholderText(self.tr("Scan it here, if it has one"))
        self.shelf = QLineEdit(objectName="shelf")
        self.low_stock = QLineEdit(objectName="lowStock")
        self.low_stock.setPlaceholderText(self.tr("Warn when this many or fewer are left (0: never)"))
        self.points_price = QLineEdit(objectName="pointsPrice")
        self.points_price.setPlaceholderText(self.tr("Points a household pays for one (0: not exchanged)"))
        self.notes = QLineEdit(objectName="itemNotes")
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow("", self.tracks_expiry)
        form.addRow(self.tr("Barcode"), self.barcode)
        form.addRow(self.tr("Shelf"), self.shelf)
        form.addRow(self.tr("Low-stock level"), self.low_stock)
        form.addRow(self.tr("Price in points"), self.points_price)
        form.addRow(self.tr("Notes"), self.notes)
        self.message = FormMessage()
        below.addWidget(self.message)
        below.addWidget(save_cancel_buttons(self, self.save))
        if item is not None:
            self.name.setText(item.name)
            self.unit.setCurrentText(item.unit)
            self.tracks_expiry.setChecked(item.tracks_expiry)
            self.barcode.setText(item.barcode)
            self.shelf.setText(item.shelf)
            self.low_stock.setText(quantity_text(item.low_stock) if item.low_stock else "")
            self.points_price.setText(str(item.points_price) if item.points_price else "")
            self.notes.setText(item.notes)
        read(context, self, lambda uow: hut.list_item_categories(uow), done=self._show_categories)
        self.name.setFocus()

    def _show_categories(self, rows: list[ItemCategoryRow]) -> None:
        for row in rows:
            self.category.addItem(category_text(row.name), row.code)
        wanted = self.item.category if self.item is not None else "other"
        self.category.setCurrentIndex(max(self.category.findData(wanted), 0))

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"name": self.name, "category": self.category, "unit": self.unit, "barcode": self.barcode,
                "shelf": self.shelf, "low_stock": self.low_stock, "points_price": self.points_price,
                "notes": self.notes}

    def save(self) -> None:
        form = ItemForm(name=self.name.text(), category=self.category.currentData() or "other",
                        unit=self.unit.currentText(), tracks_expiry=self.tracks_expiry.isChecked(),
                        barcode=self.barcode.text(), shelf=self.shelf.text(), points_price=self.points_price.text(),
                        low_stock=self.low_stock.text(), notes=self.notes.text())
        item = self.item

        def work(uow: UnitOfWork) -> ItemRow:
            if item is None:
                return hut.add_item(uow, form=form)
            return hut.update_item(uow, item_id=item.id, form=form)
        write(self.context, self, work, form=Form(self.message, self.fields), done=self._saved)

    def _saved(self, row: ItemRow) -> None:
        self.saved = row
        self.accept()


class CityItemPicker(RecordPicker):
    """The city's catalogue, the items the hut has not adopted yet."""

    def __init__(self, context: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(context, multi=False, exclude_ids=(), name="cityItemPicker",
                         placeholder=self.tr("Name, pinyin initials or barcode"),
                         nothing_found=self.tr("The city's catalogue has no other item like this."), parent=parent)
        self.setWindowTitle(self.tr("Adopt an item of the city's catalogue"))

    def find(self, uow, text: str, limit: int) -> list[PickRow]:
        return hut.city_pick_list(uow, text=text, limit=limit)

    def line(self, row: PickRow) -> str:
        return "  ·  ".join(part for part in (row.name, row.unit, row.barcode) if part)


class ItemsList(ListArea):
    """The village's items."""

    shows = frozenset({"items", "item_categories", "city_items", "stock_movements"})

    def __init__(self, context: AppContext) -> None:
        columns = [
            Column(QCoreApplication.translate("ItemsList", "Item"), lambda r: r.name),
            Column(QCoreApplication.translate("ItemsList", "Category"), lambda r: category_text(r.category_name)),
            Column(QCoreApplication.translate("ItemsList", "Unit"), lambda r: r.unit),
            Column(QCoreApplication.translate("ItemsList", "On hand"),
                   lambda r: amount(r.on_hand, r.unit), align_right=True,
                   sort_value=lambda r: r.on_hand),
            Column(QCoreApplication.translate("ItemsList", "Barcode"), lambda r: r.barcode),
            Column(QCoreApplication.translate("ItemsList", "Shelf"), lambda r: r.shelf),
            Column(QCoreApplication.translate("ItemsList", "Low at"),
                   lambda r: quantity_text(r.low_stock) if r.low_stock else "", align_right=True,
                   sort_value=lambda r: r.low_stock),
            Column(QCoreApplication.translate("ItemsList", "Points"), lambda r: r.points_price or "", align_right=True,
                   sort_value=lambda r: r.points_price),
            Column(QCoreApplication.translate("ItemsList", "Expiry kept"),
                   lambda r: QCoreApplication.translate("ItemsList", "Yes") if r.tracks_expiry else ""),
            Column(QCoreApplication.translate("ItemsList", "From"),
                   lambda r: QCoreApplication.translate("ItemsList", "City's catalogue") if r.city_item_id
                   else QCoreApplication.translate("ItemsList", "Village's own")),
            Column(QCoreApplication.translate("ItemsList", "In use"),
                   lambda r: "" if r.active else QCoreApplication.translate("ItemsList", "Taken off the lists")),
        ]
        super().__init__(context, name="itemsList", title=None, table_name="itemsTable", columns=columns)
        self.may_edit = context.can(Permission.EDIT_HUT)
        self.last_dialog: QDialog | None = None
        self.inactive = QCheckBox(self.tr("Show items taken off the lists"), objectName="showInactive")
        self.inactive.toggled.connect(lambda *_: self.read_list())
        self.add_filter(None, self.inactive)
        self.add_search(self.tr("Name, pinyin initials or barcode"))
        self.add_button_ = self.add_button(self.tr("Add item…"), "addItem", self.add, allowed=self.may_edit)
        self.edit_button = self.add_button(self.tr("Change…"), "editItem", self.edit, allowed=self.may_edit)
        self.active_button = self.add_button(self.tr("Take off the lists"), "itemActive", self.toggle_active,
                                             allowed=self.may_edit)
        self.adopt_button = self.add_button(self.tr("From the city's catalogue…"), "adoptItem", self.adopt,
                                            allowed=self.may_edit)
        self.categories_button = self.add_button(self.tr("Categories…"), "editCategories", self.edit_categories,
                                                 allowed=self.may_edit)
        self.table.doubleClicked.connect(lambda *_: self.edit())
        self.finish(export=(self.tr("Hut items"), self.tr("Hut items")))

    def rows_loader(self) -> Callable[[UnitOfWork], list[ItemRow]]:
        text, inactive = self.search.text(), self.inactive.isChecked()
        return lambda uow: hut.list_items(uow, text=text, include_inactive=inactive)

    def update_actions(self) -> None:
        row = self.selected()
        may = row is not None and HutAction.EDIT_CATALOGUE in row.actions
        self.edit_button.setEnabled(may)
        self.active_button.setEnabled(may)
        self.active_button.setText(self.tr("Put back on the lists") if row is not None and not row.active
                                   else self.tr("Take off the lists"))

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.accepted.connect(lambda: self.select_next(getattr(getattr(dialog, "saved", None), "id", None)))
        self.last_dialog = open_dialog(dialog)
        return dialog

    def add(self) -> QDialog | None:
        return self._open(ItemDialog(self.context, None, self)) if self.may_edit else None

    def edit(self) -> QDialog | None:
        row = self.selected()
        if row is None or not self.may_edit:
            return None
        return self._open(ItemDialog(self.context, row, self))

    def toggle_active(self) -> Task | None:
        row = self.selected()
        if row is None:
            return None
        return write(self.context, self, lambda uow: hut.set_item_active(uow, item_id=row.id, active=not row.active),
                     form=Form(self.message, {}))

    def adopt(self) -> QDialog | None:
        if not self.may_edit:
            return None
        picker = CityItemPicker(self.context, parent=self)

        def chosen(row: PickRow) -> None:
            write(self.context, self, lambda uow: hut.adopt_city_item(uow, city_item_id=row.city_item_id),
                  form=Form(self.message, {}), done=lambda item: self.select_next(item.id))
        self.last_dialog = pick_one(picker, chosen)
        return picker

    def edit_categories(self) -> QDialog | None:
        if not self.may_edit:
            return None
        self.last_dialog = open_dialog(CategoriesDialog(self.context, self))
        return self.last_dialog


class CategoriesDialog(QDialog):
    """The item categories: the built-in ones, and those the hut added (renamed, switched off or on)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("itemCategoriesDialog")
        self.resize(600, 500)
        self.setWindowTitle(self.tr("Item categories"))
        layout = QVBoxLayout(self)
        inner = scrolling_part(layout)
        self.columns = [
            Column(self.tr("Category"), lambda r: category_text(r.name)),
            Column(self.tr("Kind"), lambda r: self.tr("Built in") if r.built_in else self.tr("Added by the hut")),
            Column(self.tr("In use"), lambda r: self.tr("Yes") if r.active else self.tr("No")),
        ]
        self.model = RecordTableModel(self.columns, row_id=lambda r: r.code, parent=self)
        self.proxy, self.table = sortable_table(self.model, name="categoriesTable", parent=self)
        inner.addWidget(self.table, 1)
        self.name = QLineEdit(objectName="categoryName")
        self.name.setPlaceholderText(self.tr("A category's name"))
        inner.addWidget(self.name)
        self.message = FormMessage()
        layout.addWidget(self.message)
        buttons = FlowLayout()
        self.add_button = QPushButton(self.tr("Add"), objectName="addCategory")
        self.rename_button = QPushButton(self.tr("Rename"), objectName="renameCategory")
        self.active_button = QPushButton(self.tr("Switch off"), objectName="categoryActive")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        for button in (self.add_button, self.rename_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.active_button.clicked.connect(self.toggle)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.reload()
        self._update()

    def reload(self) -> None:
        read(self.context, self, lambda uow: hut.list_item_categories(uow, include_inactive=True), done=self._show)

    def _show(self, rows: list[ItemCategoryRow]) -> None:
        chosen = selected_object(self.table)
        self.model.set_rows(rows)
        if chosen is not None:
            select_by_id(self.table, chosen.code)
        self._update()

    def _chosen(self) -> None:
        row = selected_object(self.table)
        if row is not None and not row.built_in:
            self.name.setText(row.name)
        self._update()

    def _update(self) -> None:
        row = selected_object(self.table)
        added = row is not None and not row.built_in
        self.rename_button.setEnabled(added)
        self.active_button.setEnabled(added)
        self.active_button.setText(self.tr("Switch on") if added and not row.active else self.tr("Switch off"))

    def _write(self, work: Callable[[UnitOfWork], ItemCategoryRow]) -> Task | None:
        def done(row: ItemCategoryRow) -> None:
            self.name.clear()
            self.reload()
            self.message.show_done(self.tr("Saved: {name}").format(name=category_text(row.name)))
        return write(self.context, self, work, form=Form(self.message, {"name": self.name}), done=done)

    def add(self) -> Task | None:
        name = self.name.text()
        return self._write(lambda uow: hut.add_item_category(uow, name=name))

    def rename(self) -> Task | None:
        row, name = selected_object(self.table), self.name.text()
        if row is None or row.built_in:
            return None
        return self._write(lambda uow: hut.rename_item_category(uow, code=row.code, name=name))

    def toggle(self) -> Task | None:
        row = selected_object(self.table)
        if row is None or row.built_in:
            return None
        return self._write(lambda uow: hut.set_item_category_active(uow, code=row.code, active=not row.active))


# -- donors --------------------------------------------------------------------------------------------------

class DonorDialog(QDialog):
    """Add a donor, or change one: a person, an organisation or anonymous, with a contact, and whether the public
    notice names them."""

    def __init__(self, context: AppContext, donor: DonorRow | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.donor = context, donor
        self.saved: DonorRow | None = None
        self.setObjectName("donorDialog")
        self.resize(560, 10)
        self.setWindowTitle(self.tr("Add a donor") if donor is None else self.tr("Change donor"))
        form, below = scrolling_form(self)
        self.kind = QComboBox(objectName="donorKind")
        for kind in DonorKind:
            self.kind.addItem(translate("desktop", kind.label), kind.value)
        self.name = QLineEdit(objectName="donorName")
        self.contact = QLineEdit(objectName="donorContact")
        self.contact.setPlaceholderText(self.tr("A phone, or whom to ask for and a phone"))
        self.address = QLineEdit(objectName="donorAddress")
        self.named = QCheckBox(self.tr("Named in the public notice (otherwise 爱心人士)"), objectName="namedInNotice")
        self.named.setChecked(True)
        self.notes = QLineEdit(objectName="donorNotes")
        form.addRow(self.tr("Kind of donor"), self.kind)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Address"), self.address)
        form.addRow("", self.named)
        form.addRow(self.tr("Notes"), self.notes)
        self._form = form
        self.message = FormMessage()
        below.addWidget(self.message)
        below.addWidget(save_cancel_buttons(self, self.save))
        self.kind.currentIndexChanged.connect(lambda *_: self._kind_chosen())
        if donor is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(donor.kind), 0))
            self.name.setText(donor.name)
            self.contact.setText(donor.contact)
            self.address.setText(donor.address)
            self.named.setChecked(donor.named_in_notice)
            self.notes.setText(donor.notes)
        self._kind_chosen()
        self.kind.setFocus()

    def _kind_chosen(self) -> None:
        anonymous = self.kind.currentData() == DonorKind.ANONYMOUS
        self._form.setRowVisible(self.named, not anonymous)

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"kind": self.kind, "name": self.name, "contact": self.contact, "address": self.address,
                "notes": self.notes}

    def save(self) -> None:
        form = DonorForm(kind=self.kind.currentData(), name=self.name.text(), contact=self.contact.text(),
                         address=self.address.text(), named_in_notice=self.named.isChecked(),
                         sponsor_id=self.donor.sponsor_id if self.donor is not None else "", notes=self.notes.text())
        donor = self.donor

        def work(uow: UnitOfWork) -> DonorRow:
            if donor is None:
                return hut.add_donor(uow, form=form)
            return hut.update_donor(uow, donor_id=donor.id, form=form)
        write(self.context, self, work, form=Form(self.message, self.fields), done=self._saved)

    def _saved(self, row: DonorRow) -> None:
        self.saved = row
        self.accept()


class DonorPicker(RecordPicker):
    def __init__(self, context: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(context, multi=False, exclude_ids=(), name="donorPicker",
                         placeholder=self.tr("Donor's name or its pinyin initials"),
                         nothing_found=self.tr("No donor found. Add the donor with New donor…"), parent=parent)
        self.setWindowTitle(self.tr("Choose a donor"))

    def find(self, uow, text: str, limit: int) -> list[DonorRow]:
        return hut.list_donors(uow, text=text)[:limit]

    def line(self, row: DonorRow) -> str:
        return "  ·  ".join(part for part in (row.name or hut.UNNAMED_DONOR, label(DonorKind, row.kind), row.contact)
                            if part)


class DonorHistoryDialog(QDialog):
    """A donor's gifts: each intake, what came and its value, and cash passed on."""

    def __init__(self, context: AppContext, donor: DonorRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("donorHistoryDialog")
        self.resize(860, 520)
        self.setWindowTitle(self.tr("Gifts of {donor}").format(donor=donor.name or hut.UNNAMED_DONOR))
        layout = QVBoxLayout(self)
        inner = scrolling_part(layout)
        columns = [
            Column(self.tr("Date"), lambda g: g.happened_on),
            Column(self.tr("Number"), lambda g: g.number),
            Column(self.tr("Goods"), lambda g: g.what),
            Column(self.tr("Value"), lambda g: _money(g.value) if g.value else "", align_right=True,
                   sort_value=lambda g: g.value),
            Column(self.tr("Cash passed on"), lambda g: _money(g.cash_amount) if g.cash_amount else "",
                   align_right=True, sort_value=lambda g: g.cash_amount),
            Column(self.tr("State"), lambda g: self.tr("Reversed") if g.reversed else ""),
        ]
        self.model = RecordTableModel(columns, row_id=lambda g: g.document_id, parent=self)
        self.proxy, self.table = sortable_table(self.model, name="giftsTable", parent=self)
        inner.addWidget(self.table, 1)
        self.total = QLabel(objectName="giftsTotal")
        layout.addWidget(self.total)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        donor_id = donor.id
        read(context, self, lambda uow: hut.donor_history(uow, donor_id=donor_id), done=self._show)

    def _show(self, gifts: list[GiftRow]) -> None:
        self.model.set_rows(gifts)
        kept = [g for g in gifts if not g.reversed]
        self.total.setText(counted(len(kept), self.tr("1 gift, goods worth {value}"),
                                   self.tr("{count} gifts, goods worth {value}"),
                                   value=_money(sum(g.value for g in kept))))


class DonorsList(ListArea):
    shows = frozenset({"donors", "hut_documents"})

    def __init__(self, context: AppContext) -> None:
        columns = [
            Column(QCoreApplication.translate("DonorsList", "Donor"), lambda r: r.name or hut.UNNAMED_DONOR),
            Column(QCoreApplication.translate("DonorsList", "Kind"), lambda r: label(DonorKind, r.kind)),
            Column(QCoreApplication.translate("DonorsList", "Contact"), lambda r: r.contact),
            Column(QCoreApplication.translate("DonorsList", "Gifts"), lambda r: r.gifts, align_right=True),
            Column(QCoreApplication.translate("DonorsList", "Last gift"), lambda r: r.last_gift),
            Column(QCoreApplication.translate("DonorsList", "In the notice"),
                   lambda r: r.name if r.named_in_notice and r.name else hut.UNNAMED_DONOR),
        ]
        super().__init__(context, name="donorsList", title=None, table_name="donorsTable", columns=columns)
        self.may_edit = context.can(Permission.EDIT_HUT)
        self.last_dialog: QDialog | None = None
        self.add_search(self.tr("Donor's name or its pinyin initials"))
        self.add_donor_button = self.add_button(self.tr("Add donor…"), "addDonor", self.add, allowed=self.may_edit)
        self.edit_button = self.add_button(self.tr("Change…"), "editDonor", self.edit, allowed=self.may_edit)
        self.history_button = self.add_button(self.tr("Gifts…"), "donorHistory", self.open_history)
        self.table.doubleClicked.connect(lambda *_: self.open_history())
        self.finish(export=(self.tr("Hut donors"), self.tr("Hut donors")))

    def rows_loader(self) -> Callable[[UnitOfWork], list[DonorRow]]:
        text = self.search.text()
        return lambda uow: hut.list_donors(uow, text=text)

    def update_actions(self) -> None:
        row = self.selected()
        self.edit_button.setEnabled(row is not None and HutAction.EDIT_CATALOGUE in row.actions)
        self.history_button.setEnabled(row is not None)

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.accepted.connect(lambda: self.select_next(getattr(getattr(dialog, "saved", None), "id", None)))
        self.last_dialog = open_dialog(dialog)
        return dialog

    def add(self) -> QDialog | None:
        return self._open(DonorDialog(self.context, None, self)) if self.may_edit else None

    def edit(self) -> QDialog | None:
        row = self.selected()
        if row is None or not self.may_edit:
            return None
        return self._open(DonorDialog(self.context, row, self))

    def open_history(self) -> QDialog | None:
        row = self.selected()
        if row is None:
            return None
        self.last_dialog = open_dialog(DonorHistoryDialog(self.context, row, self))
        return self.last_dialog


class CatalogueTab(QWidget):
    """The items and the donors, a tab each."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("catalogueTab")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = PageTabs(objectName="catalogueTabs")
        self.items = ItemsList(context)
        self.donors = DonorsList(context)
        self.tabs.addTab(self.items, self.tr("Items"))
        self.tabs.addTab(self.donors, self.tr("Donors"))
        layout.addWidget(self.tabs)
