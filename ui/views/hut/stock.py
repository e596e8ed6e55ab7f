"""The hut's stock tab: what is on hand by category (searched as it is typed, low and expiring ones, on a past
day), the items two PCs took below zero named above the list, and each item's stock card for a period."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.hut import DocumentKind, quantity_text
from desktop.errors import Term
from desktop.services import hut, hut_stock
from desktop.services.hut_ledger import Negative
from desktop.services.hut_stock import HutChart, StockCard, StockRow
from desktop.storage.uow import UnitOfWork
from ui.charts import BLUE, RED, Bar, BarChart, Series
from ui.context import AppContext
from ui.dialogs import open_dialog
from ui.forms import FormMessage
from ui.i18n import counted, translate
from ui.layouts import FlowLayout, pair, scrolling_part
from ui.operations import Form, read
from ui.programme import date_edit, date_text, label, today
from ui.table import Column, RecordTableModel, sortable_table
from ui.views.lists import ListArea


def category_text(name: str) -> str:
    """A category's name: a built-in one in the interface's language, one the station added as it is."""
    return translate("desktop", name) if isinstance(name, Term) else name


def amount(value: float, unit: str) -> str:
    """A quantity with its unit, as the lists show it: 12 袋."""
    return f"{quantity_text(value)} {unit}".strip()


def stock_columns() -> list[Column]:
    def flags(row: StockRow) -> str:
        said = []
        if row.negative:
            said.append(QCoreApplication.translate("StockTab", "Below zero"))
        if row.low:
            said.append(QCoreApplication.translate("StockTab", "Low"))
        if row.expiring:
            said.append(QCoreApplication.translate("StockTab", "Expiring"))
        return ", ".join(said)

    return [
        Column(QCoreApplication.translate("StockTab", "Category"), lambda r: category_text(r.category_name)),
        Column(QCoreApplication.translate("StockTab", "Item"), lambda r: r.name),
        Column(QCoreApplication.translate("StockTab", "On hand"),
               lambda r: amount(r.on_hand, r.unit), align_right=True, sort_value=lambda r: r.on_hand,
               workbook=(QCoreApplication.translate("StockTab", "On hand"), lambda r: r.on_hand)),
        Column(QCoreApplication.translate("StockTab", "Unit"), lambda r: r.unit),
        Column(QCoreApplication.translate("StockTab", "Low at"),
               lambda r: quantity_text(r.low_stock) if r.low_stock else "", align_right=True,
               sort_value=lambda r: r.low_stock),
        Column(QCoreApplication.translate("StockTab", "Earliest expiry"), lambda r: r.expires_on),
        Column(QCoreApplication.translate("StockTab", "Shelf"), lambda r: r.shelf),
        Column(QCoreApplication.translate("StockTab", "Barcode"), lambda r: r.barcode),
        Column(QCoreApplication.translate("StockTab", "Note"), flags),
    ]


def negative_text(negatives: list[Negative]) -> str:
    """The banner's words: each item below zero, what is on hand, and the documents that took it there."""
    lines = [QCoreApplication.translate(
        "StockTab", "Two PCs handed out more than the hut had. A stocktake or a correction settles it:")]
    for item in negatives:
        documents = "、".join(f"{moved.number or moved.document_id} ({moved.happened_on})" for moved in item.movements)
        lines.append(QCoreApplication.translate("StockTab", "{item}: {on_hand}, taken below zero by {documents}")
                     .format(item=item.name, on_hand=amount(item.on_hand, item.unit), documents=documents or "—"))
    return "\n".join(lines)


class StockTab(ListArea):
    """Stock on hand (see the module's text)."""

    shows = frozenset({"items", "item_categories", "stock_movements", "hut_documents", "settings"})

    def __init__(self, context: AppContext) -> None:
        super().__init__(context, name="stockTab", title=None, table_name="stockTable", columns=stock_columns(),
                         row_id=lambda row: row.item_id)
        self.last_dialog: QDialog | None = None
        self.banner = QLabel(objectName="negativeBanner")
        self.banner.setWordWrap(True)
        self.banner.setProperty("kind", "problem")
        self.banner.setVisible(False)
        self.layout().insertWidget(0, self.banner)
        self.category = QComboBox(objectName="stockCategory")
        self.category.addItem(self.tr("Every category"), "")
        self.add_filter(self.tr("Category"), self.category)
        self.low = QCheckBox(self.tr("Low only"), objectName="lowOnly")
        self.expiring = QCheckBox(self.tr("Expiring soon"), objectName="expiringOnly")
        self.past = QCheckBox(self.tr("On the day"), objectName="onDay")
        self.past.setToolTip(self.tr("What was on hand at the end of a past day"))
        self.day = date_edit(today(context), name="stockDay")
        self.day.setEnabled(False)
        for box in (self.low, self.expiring):
            box.toggled.connect(lambda *_: self.read_list())
            self.add_filter(None, box)
        self.past.toggled.connect(self._past_toggled)
        self.day.dateChanged.connect(lambda *_: self.read_list())
        self.add_filter(None, pair(self.past, self.day))
        self.add_search(self.tr("Name, pinyin initials or barcode"))
        self.card_button = self.add_button(self.tr("Stock card…"), "stockCard", self.open_card)
        self.chart_button = self.add_button(self.tr("Chart…"), "hutChart", self.open_chart)
        self.table.doubleClicked.connect(lambda *_: self.open_card())
        self.finish(export=(self.tr("Stock on hand {day}").format(day=today(context).isoformat()),
                            self.tr("Stock on hand")))
        self._categories_read = False

    def _past_toggled(self, on: bool) -> None:
        self.day.setEnabled(on)
        self.low.setEnabled(not on)
        self.expiring.setEnabled(not on)
        self.read_list()

    def rows_loader(self) -> Callable[[UnitOfWork], list[StockRow]]:
        text, category = self.search.text(), self.category.currentData() or ""
        past = self.past.isChecked()
        low, expiring = self.low.isChecked() and not past, self.expiring.isChecked() and not past
        day = date_text(self.day) if past else None
        return lambda uow: hut_stock.stock_on_hand(uow, text=text, category=category, low_only=low,
                                                   expiring_only=expiring, on=day)

    def reload(self) -> None:
        super().reload()
        read(self.context, self, hut_stock.negative_summary, done=self._show_negatives)
        if not self._categories_read:
            read(self.context, self, lambda uow: hut.list_item_categories(uow), done=self._show_categories)

    def _show_categories(self, rows) -> None:
        self._categories_read = True
        for row in rows:
            self.category.addItem(category_text(row.name), row.code)

    def _show_negatives(self, negatives: list[Negative]) -> None:
        self.banner.setVisible(bool(negatives))
        self.banner.setText(negative_text(negatives) if negatives else "")

    def rows_shown(self, rows) -> None:
        self.count_label.setVisible(True)
        self.count_label.setText(counted(len(rows), self.tr("1 item"), self.tr("{count} items")))

    def update_actions(self) -> None:
        self.card_button.setEnabled(self.selected() is not None)

    def open_card(self) -> QDialog | None:
        row = self.selected()
        if row is None:
            return None
        self.last_dialog = open_dialog(StockCardDialog(self.context, row.item_id, row.name, self))
        return self.last_dialog

    def open_chart(self) -> QDialog:
        self.last_dialog = open_dialog(HutChartDialog(self.context, self))
        return self.last_dialog


class StockCardDialog(QDialog):
    """An item's stock card for a period: what was on hand before it, each movement with its document and the
    balance after it, and what was on hand at its end."""

    def __init__(self, context: AppContext, item_id: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.item_id = context, item_id
        self.setObjectName("stockCardDialog")
        self.resize(900, 600)
        self.setWindowTitle(self.tr("Stock card: {item}").format(item=name))
        layout = QVBoxLayout(self)
        inner = scrolling_part(layout)
        period = FlowLayout()
        day = today(context)
        self.date_from = date_edit(date(day.year, 1, 1), name="cardFrom")
        self.date_to = date_edit(day, name="cardTo")
        self.show_button = QPushButton(self.tr("Show"), objectName="showCard")
        period.addWidget(pair(QLabel(self.tr("From")), self.date_from))
        period.addWidget(pair(QLabel(self.tr("to")), self.date_to))
        period.addWidget(self.show_button)
        period.addStretch()
        inner.addLayout(period)
        self.opening = QLabel(objectName="cardOpening")
        inner.addWidget(self.opening)
        self.unit = ""
        self.columns = [
            Column(self.tr("Date"), lambda line: line.happened_on),
            Column(self.tr("Document"), lambda line: line.number),
            Column(self.tr("Kind"), lambda line: label(DocumentKind, line.kind)),
            Column(self.tr("From or to"), lambda line: line.counterpart),
            Column(self.tr("In"), lambda line: quantity_text(line.received) if line.received else "",
                   align_right=True, sort_value=lambda line: line.received),
            Column(self.tr("Out"), lambda line: quantity_text(line.issued) if line.issued else "",
                   align_right=True, sort_value=lambda line: line.issued),
            Column(self.tr("Balance"), lambda line: quantity_text(line.balance), align_right=True,
                   sort_value=lambda line: line.balance),
        ]
        self.model = RecordTableModel(self.columns, row_id=lambda line: (line.document_id, line.happened_on),
                                      parent=self)
        self.proxy, self.table = sortable_table(self.model, name="cardTable", parent=self)
        inner.addWidget(self.table, 1)
        self.closing = QLabel(objectName="cardClosing")
        layout.addWidget(self.closing)
        self.message = FormMessage()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.show_button.clicked.connect(self.read_card)
        self.read_card()

    def read_card(self) -> None:
        item_id, start, end = self.item_id, date_text(self.date_from), date_text(self.date_to)
        self.message.clear()
        read(self.context, self, lambda uow: hut_stock.stock_card(uow, item_id=item_id, period_from=start,
                                                                 period_to=end),
             form=Form(self.message, {"period_from": self.date_from, "period_to": self.date_to}), done=self._show)

    def _show(self, card: StockCard) -> None:
        self.model.set_rows(list(card.lines))
        self.opening.setText(self.tr("On hand on {day}, before the period: {amount}").format(
            day=card.period_from, amount=amount(card.opening, card.unit)))
        self.closing.setText(self.tr("On hand at the end of {day}: {amount}").format(
            day=card.period_to, amount=amount(card.closing, card.unit)))


class HutChartDialog(QDialog):
    """Goods in and out of the hut by month over the last year, and what is on hand by category."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hutChartDialog")
        self.resize(900, 640)
        self.setWindowTitle(self.tr("Goods in and out"))
        layout = QVBoxLayout(self)
        inner = scrolling_part(layout)
        inner.addWidget(QLabel(self.tr("Goods in and out by month (quantities)")))
        self.months = BarChart([Series(self.tr("In"), BLUE), Series(self.tr("Out"), RED)], name="hutMonthsChart",
                               tip=self.tr("What came in and went out in each month"))
        inner.addWidget(self.months)
        inner.addWidget(QLabel(self.tr("On hand by category")))
        self.categories = BarChart([Series(self.tr("On hand"), BLUE)], name="hutCategoriesChart", lying=True,
                                   row_figure=lambda values: quantity_text(values[0]))
        inner.addWidget(self.categories)
        inner.addStretch()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        read(context, self, lambda uow: hut_stock.hut_chart(uow), done=self._show)

    def _show(self, chart: HutChart) -> None:
        self.months.set_bars([Bar(flow.month[5:].lstrip("0"), (flow.received, flow.issued)) for flow in chart.months])
        self.categories.set_bars([Bar(category_text(row.category_name), (row.on_hand,)) for row in chart.categories])
