"""The love hut's household points (积分兑换): households with their balance, a household's entries, points earned
and reversed, an exchange of points for goods with its cost against the balance as it is typed, the list of reasons
points are earned for, points for members' service hours, and the month's points list on paper and in Excel."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.hut import PointsKind, quantity_text
from desktop.domain.roles import Permission
from desktop.services import hut, hut_points
from desktop.services.hut_points import (
    EarnForm,
    ExchangeForm,
    ExchangeLine,
    PointsEntryRow,
    PointsHouseholdRow,
    PointsLedger,
    PointsNoticeRow,
    PointsRuleForm,
    PointsRuleRow,
    PriceRow,
)
from desktop.storage.uow import UnitOfWork
from ui.context import AppContext
from ui.dialogs import open_dialog
from ui.export import export_rows
from ui.forms import FormMessage, save_cancel_buttons, scrolling_form
from ui.i18n import counted, translate
from ui.layouts import FlowLayout, pair, scrolling_part
from ui.operations import Form, read, write
from ui.programme import date_edit, date_text, label, today
from ui.table import Column, RecordTableModel, record_table, select_by_id, selected_object, sortable_table
from ui.tasks import Task
from ui.views import LoadsWhenShown


def rule_name(name: str) -> str:
    """A reason's name as shown: a built-in one in the interface's language until someone renames it."""
    return translate("desktop", name)


def previous_month(context: AppContext) -> str:
    """The month before today's, as 2026-11: the one a notice is usually made for."""
    day = today(context)
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return f"{year:04d}-{month:02d}"


def month_edit(value: str, *, name: str) -> QLineEdit:
    edit = QLineEdit(value, objectName=name)
    edit.setPlaceholderText("2026-11")
    edit.setMaxLength(8)
    edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("2026-11") * 2)
    return edit


class WhyDialog(QDialog):
    """Ask why something is undone, then do it with that reason (``work(uow, reason)``)."""

    def __init__(self, context: AppContext, *, title: str, question: str,
                 work: Callable[[UnitOfWork, str], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.work = context, work
        self.setObjectName("whyDialog")
        self.setWindowTitle(title)
        self.resize(520, 10)
        form, below = scrolling_form(self)
        text = QLabel(question)
        text.setWordWrap(True)
        form.addRow(text)
        self.reason = QLineEdit(objectName="reason")
        self.reason.setPlaceholderText(self.tr("For example: entered for the wrong household"))
        form.addRow(self.tr("Why"), self.reason)
        self.message = FormMessage()
        below.addWidget(self.message)
        below.addWidget(save_cancel_buttons(self, self.save))

    def save(self) -> None:
        reason, work = self.reason.text(), self.work
        write(self.context, self, lambda uow: work(uow, reason),
              form=Form(self.message, {"reason": self.reason}), done=lambda _: self.accept())


class EarnDialog(QDialog):
    """Points a household earns: a reason from the list (its points) or one written out with its points, who
    approved them, and the day."""

    OTHER = "__other__"

    def __init__(self, context: AppContext, household: PointsHouseholdRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.household = context, household
        self.setObjectName("earnPointsDialog")
        self.setWindowTitle(self.tr("Earn points: {name}").format(name=household.head_name))
        self.resize(560, 10)
        form, below = scrolling_form(self)
        self.rule = QComboBox(objectName="rule")
        self.reason = QLineEdit(objectName="reason")
        self.reason.setPlaceholderText(self.tr("What the points are for, when it is not on the list"))
        self.points = QLineEdit(objectName="points")
        self.approved_by = QLineEdit(objectName="approvedBy")
        self.approved_by.setPlaceholderText(self.tr("For example: 村两委会议"))
        self.day = date_edit(today(context), name="happenedOn")
        form.addRow(self.tr("Reason"), self.rule)
        form.addRow(self.tr("Reason in words"), self.reason)
        form.addRow(self.tr("Points"), self.points)
        form.addRow(self.tr("Approved by"), self.approved_by)
        form.addRow(self.tr("Date"), self.day)
        self._form = form
        self.message = FormMessage()
        below.addWidget(self.message)
        below.addWidget(save_cancel_buttons(self, self.save))
        self.rule.currentIndexChanged.connect(lambda *_: self._rule_chosen())
        read(context, self, lambda uow: hut_points.list_points_rules(uow), done=self._show_rules)

    def _show_rules(self, rules: list[PointsRuleRow]) -> None:
        self.rules = {rule.code: rule for rule in rules}
        for rule in rules:
            self.rule.addItem(self.tr("{name} ({points} points)").format(name=rule_name(rule.name),
                                                                          points=rule.points), rule.code)
        self.rule.addItem(self.tr("Another reason (write it below)"), self.OTHER)
        self._rule_chosen()

    def _rule_chosen(self) -> None:
        code = self.rule.currentData()
        other = code == self.OTHER
        self._form.setRowVisible(self.reason, other)
        rule = getattr(self, "rules", {}).get(code)
        self.points.setPlaceholderText(str(rule.points) if rule is not None else self.tr("For example: 5"))

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"rule_code": self.rule, "reason": self.reason, "points": self.points,
                "approved_by": self.approved_by, "happened_on": self.day}

    def save(self) -> None:
        code = self.rule.currentData() or self.OTHER
        form = EarnForm(household_id=self.household.id, approved_by=self.approved_by.text(),
                        rule_code="" if code == self.OTHER else code,
                        reason=self.reason.text() if code == self.OTHER else "", points=self.points.text(),
                        happened_on=date_text(self.day))
        write(self.context, self, lambda uow: hut_points.earn_points(uow, form=form),
              form=Form(self.message, self.fields), done=lambda _: self.accept())


class ExchangeDialog(QDialog):
    """A household takes goods for its points: the goods of the price list with how many of each, and what they
    cost against the household's balance as the quantities are typed.  Goods above the balance are refused here,
    and what was typed stays."""

    ITEM, UNIT, PRICE, ON_HAND, QUANTITY = range(5)

    def __init__(self, context: AppContext, household: PointsHouseholdRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.household = context, household
        self.balance = household.balance
        self.result: hut_points.ExchangeResult | None = None
        self.prices: list[PriceRow] = []
        self.setObjectName("exchangeDialog")
        self.setWindowTitle(self.tr("Exchange points for goods: {name}").format(name=household.head_name))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        self.balance_label = QLabel(objectName="balance")
        layout.addWidget(self.balance_label)
        self.goods = QTableWidget(0, 5, objectName="goodsTable")
        self.goods.setHorizontalHeaderLabels([self.tr("Goods"), self.tr("Unit"), self.tr("Points each"),
                                              self.tr("On the shelf"), self.tr("Quantity")])
        self.goods.horizontalHeader().setSectionResizeMode(self.ITEM, QHeaderView.ResizeMode.Stretch)
        self.goods.verticalHeader().hide()
        layout.addWidget(self.goods, 1)
        self.cost_label = QLabel(objectName="cost")
        self.cost_label.setWordWrap(True)
        layout.addWidget(self.cost_label)
        self.message = FormMessage()
        layout.addWidget(self.message)
        buttons = save_cancel_buttons(self, self.save)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Exchange"))
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout.addWidget(buttons)
        read(context, self, lambda uow: (hut_points.price_list(uow),
                                         hut_points.household_points(uow, household_id=household.id).balance),
             done=self._show)

    def _show(self, found: tuple[list[PriceRow], int]) -> None:
        self.prices, self.balance = found
        self.goods.setRowCount(len(self.prices))
        for row, price in enumerate(self.prices):
            for column, text in ((self.ITEM, price.name), (self.UNIT, price.unit),
                                 (self.PRICE, str(price.points_price)), (self.ON_HAND, quantity_text(price.on_hand))):
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.goods.setItem(row, column, cell)
            box = QDoubleSpinBox(objectName="quantity")
            box.setDecimals(1)
            box.setRange(0, max(price.on_hand, 0))
            box.setSuffix(f" {price.unit}")
            box.valueChanged.connect(lambda *_: self.update_cost())
            self.goods.setCellWidget(row, self.QUANTITY, box)
        self.goods.resizeColumnsToContents()
        self.update_cost()

    def quantity_box(self, row: int) -> QDoubleSpinBox:
        return self.goods.cellWidget(row, self.QUANTITY)

    def lines(self) -> list[ExchangeLine]:
        return [ExchangeLine(price.item_id, self.quantity_box(row).value())
                for row, price in enumerate(self.prices) if self.quantity_box(row).value() > 0]

    def cost(self) -> int:
        # As the exchange counts it: each unit its price, a part of a unit its part, rounded up to a whole point.
        return math.ceil(round(sum(price.points_price * self.quantity_box(row).value()
                                   for row, price in enumerate(self.prices)), 6))

    def update_cost(self) -> None:
        self.balance_label.setText(self.tr("The {name} household has {balance} points.").format(
            name=self.household.head_name, balance=QLocale().toString(self.balance)))
        cost = self.cost()
        over = cost > self.balance
        self.cost_label.setText(self.tr("These goods cost {cost} points; {left} would be left.").format(
            cost=cost, left=self.balance - cost) if not over else self.tr(
            "These goods cost {cost} points, {more} more than the household has. Take fewer goods.").format(
            cost=cost, more=cost - self.balance))
        self.cost_label.setProperty("problem", over)
        self.cost_label.style().unpolish(self.cost_label)
        self.cost_label.style().polish(self.cost_label)

    def save(self) -> None:
        lines = self.lines()
        if not lines:
            self.message.show_problem(self.tr("Enter how many of the goods the household takes."))
            return
        if self.cost() > self.balance:
            self.message.show_problem(self.tr(
                "The household has {balance} points; these goods cost {cost}. Take fewer goods, or earn the "
                "points first.").format(balance=self.balance, cost=self.cost()))
            return
        form = ExchangeForm(household_id=self.household.id, lines=lines)
        write(self.context, self, lambda uow: hut_points.exchange_points(uow, form=form),
              form=Form(self.message, {"lines": self.goods}), done=self._done)

    def _done(self, result: hut_points.ExchangeResult) -> None:
        self.result = result
        self.accept()


class RuleDialog(QDialog):
    """Add a reason points are earned for, or change one (its name, its points, whether it is offered)."""

    def __init__(self, context: AppContext, rule: PointsRuleRow | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.rule = context, rule
        self.setObjectName("pointsRuleDialog")
        self.setWindowTitle(self.tr("Add a reason") if rule is None else self.tr("Change a reason"))
        self.resize(480, 10)
        form, below = scrolling_form(self)
        self.name = QLineEdit(rule_name(rule.name) if rule else "", objectName="name")
        self.name.setPlaceholderText(self.tr("For example: 环境卫生"))
        self.points = QLineEdit(str(rule.points) if rule else "", objectName="points")
        self.active = QCheckBox(self.tr("Offered when points are earned"), objectName="active")
        self.active.setChecked(rule.active if rule else True)
        form.addRow(self.tr("Reason"), self.name)
        form.addRow(self.tr("Points"), self.points)
        form.addRow("", self.active)
        self.message = FormMessage()
        below.addWidget(self.message)
        below.addWidget(save_cancel_buttons(self, self.save))

    def save(self) -> None:
        form = PointsRuleForm(name=self.name.text(), points=self.points.text(), active=self.active.isChecked())
        rule = self.rule

        def work(uow: UnitOfWork) -> PointsRuleRow:
            if rule is None:
                return hut_points.add_points_rule(uow, form=form)
            return hut_points.update_points_rule(uow, code=rule.code, form=form)

        write(self.context, self, work, form=Form(self.message, {"name": self.name, "points": self.points}),
              done=lambda _: self.accept())


class RulesDialog(QDialog):
    """The reasons points are earned for: the built-in ones and the station's own, each offered or not."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.last_dialog: QDialog | None = None
        self.may_edit = context.can(Permission.EDIT_HUT)
        self.setObjectName("pointsRulesDialog")
        self.setWindowTitle(self.tr("Reasons points are earned for"))
        self.resize(620, 440)
        layout = QVBoxLayout(self)
        self.model = RecordTableModel([
            Column(self.tr("Reason"), lambda r: rule_name(r.name)),
            Column(self.tr("Points"), lambda r: r.points, align_right=True),
            Column(self.tr("Offered"), lambda r: self.tr("Yes") if r.active else self.tr("No")),
        ], row_id=lambda r: r.code, parent=self)
        self.table = record_table(self.model, name="rulesTable")
        layout.addWidget(self.table, 1)
        row = FlowLayout()
        self.add_button = QPushButton(self.tr("Add a reason…"), objectName="addRule")
        self.change_button = QPushButton(self.tr("Change…"), objectName="changeRule")
        self.switch_button = QPushButton(self.tr("Stop offering"), objectName="switchRule")
        for button in (self.add_button, self.change_button, self.switch_button):
            button.setVisible(self.may_edit)
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.change_button.clicked.connect(lambda: self.edit(selected_object(self.table)))
        self.switch_button.clicked.connect(self.switch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.reload()

    def reload(self) -> None:
        read(self.context, self, lambda uow: hut_points.list_points_rules(uow, include_inactive=True),
             done=self._show)

    def _show(self, rules: list[PointsRuleRow]) -> None:
        chosen = selected_object(self.table)
        self.model.set_rows(rules)
        if chosen is not None:
            select_by_id(self.table, chosen.code)
        self.table.resizeColumnsToContents()
        self._update()

    def _update(self) -> None:
        rule = selected_object(self.table)
        self.change_button.setEnabled(rule is not None)
        self.switch_button.setEnabled(rule is not None)
        self.switch_button.setText(self.tr("Offer again") if rule is not None and not rule.active
                                   else self.tr("Stop offering"))

    def edit(self, rule: PointsRuleRow | None) -> QDialog:
        dialog = RuleDialog(self.context, rule, self)
        self.last_dialog = open_dialog(dialog, self.reload)
        return dialog

    def switch(self) -> None:
        rule = selected_object(self.table)
        if rule is None:
            return
        form = PointsRuleForm(name=rule.name, points=rule.points, active=not rule.active)
        write(self.context, self, lambda uow: hut_points.update_points_rule(uow, code=rule.code, form=form),
              done=lambda _: self.reload())


class PointsTab(LoadsWhenShown, QWidget):
    """Households with their points, the chosen household's entries, and what the hut manager does with them."""

    shows = frozenset({"points_entries", "points_rules", "households", "items", "stock_movements", "hut_months",
                       "settings"})

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("pointsTab")
        self.last_dialog: QDialog | None = None
        self.may_edit = context.can(Permission.EDIT_HUT)
        self.ledger: PointsLedger | None = None
        self.rule_names: dict[str, str] = {}
        self._reading = 0
        layout = QVBoxLayout(self)
        splitter = QSplitter(objectName="pointsSplitter")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText(self.tr("Search: head's name, pinyin or phone"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)  # the list is read again a moment after the typing stops
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda *_: self._debounce.start())
        left_layout.addWidget(self.search)
        self.households_model = RecordTableModel([
            Column(self.tr("Household"), lambda r: r.head_name, names=True),
            Column(self.tr("Group or address"), lambda r: r.place),
            Column(self.tr("Points"), lambda r: r.balance, align_right=True),
        ], row_id=lambda r: r.id, parent=self)
        self.households_proxy, self.households = sortable_table(self.households_model, name="pointsHouseholds",
                                                                parent=self)
        left_layout.addWidget(self.households, 1)
        splitter.addWidget(left)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.ledger_label = QLabel(self.tr("Choose a household to see its points."), objectName="ledgerTitle")
        self.ledger_label.setWordWrap(True)
        right_layout.addWidget(self.ledger_label)
        self.entries_model = RecordTableModel([
            Column(self.tr("Date"), lambda e: e.happened_on),
            Column(self.tr("Entry"), self._entry_kind),
            Column(self.tr("Points"), lambda e: f"{e.points:+d}", align_right=True, sort_value=lambda e: e.points),
            Column(self.tr("Reason"), self._entry_reason),
            Column(self.tr("Approved by"), lambda e: e.approved_by),
            Column(self.tr("Recorded by"), lambda e: e.recorded_by_name),
        ], row_id=lambda e: e.id, parent=self)
        self.entries = record_table(self.entries_model, name="pointsEntries")
        right_layout.addWidget(self.entries, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        scrolling_part(layout).addWidget(splitter, 1)
        self.message = FormMessage()
        layout.addWidget(self.message)
        buttons = FlowLayout()
        self.earn_button = QPushButton(self.tr("Earn points…"), objectName="earnPoints")
        self.reverse_button = QPushButton(self.tr("Reverse the entry…"), objectName="reversePoints")
        self.exchange_button = QPushButton(self.tr("Exchange for goods…"), objectName="exchangePoints")
        self.rules_button = QPushButton(self.tr("Reasons for points…"), objectName="pointsRules")
        self.hours_button = QPushButton(self.tr("Points for service hours"), objectName="hoursPoints")
        self.hours_button.setToolTip(self.tr("Household members who are volunteers earn points for their service "
                                             "hours, at the points per hour set in the system settings; each hours "
                                             "record earns once."))
        for button in (self.earn_button, self.reverse_button, self.exchange_button, self.rules_button,
                       self.hours_button):
            button.setVisible(self.may_edit or button is self.rules_button)
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        month_box = QGroupBox(self.tr("The month's points list, for the public notice"), objectName="pointsMonth")
        month_row = FlowLayout(month_box)
        self.month = month_edit(previous_month(context), name="pointsMonth")
        self.print_button = QPushButton(self.tr("Print the list…"), objectName="printPoints")
        self.excel_button = QPushButton(self.tr("List to Excel…"), objectName="exportPoints")
        month_row.addWidget(pair(QLabel(self.tr("Month")), self.month))
        month_row.addWidget(self.print_button)
        month_row.addWidget(self.excel_button)
        month_row.addStretch()
        layout.addWidget(month_box)
        self.earn_button.clicked.connect(self.earn)
        self.reverse_button.clicked.connect(self.reverse)
        self.exchange_button.clicked.connect(self.exchange)
        self.rules_button.clicked.connect(self.edit_rules)
        self.hours_button.clicked.connect(self.hours_points)
        self.print_button.clicked.connect(self.print_month)
        self.excel_button.clicked.connect(self.export_month)
        self.households.selectionModel().selectionChanged.connect(lambda *_: self.read_ledger())
        self.entries.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self.follow_changes(context)
        self.update_actions()

    # -- what is shown -----------------------------------------------------------------------------------------

    def _entry_kind(self, entry: PointsEntryRow) -> str:
        kind = label(PointsKind, entry.kind)
        return self.tr("{kind} (reversed)").format(kind=kind) if entry.reversed else kind

    def _entry_reason(self, entry: PointsEntryRow) -> str:
        if entry.kind == PointsKind.SPEND:
            return self.tr("Exchange {number}").format(number=entry.document_number or entry.reason)
        if entry.rule_code and not entry.reason:
            return rule_name(self.rule_names.get(entry.rule_code, entry.rule_code))
        return entry.reason

    def reload(self) -> None:
        text = self.search.text()
        self._reading += 1
        reading = self._reading

        def load(uow: UnitOfWork):
            return (hut_points.points_households(uow, text=text),
                    {rule.code: rule.name for rule in hut_points.list_points_rules(uow, include_inactive=True)})

        read(self.context, self, load, done=lambda found: self._show(reading, found))

    def _show(self, reading: int, found: tuple[list[PointsHouseholdRow], dict[str, str]]) -> None:
        if reading != self._reading:
            return
        rows, self.rule_names = found
        chosen = self.household()
        self.households_model.set_rows(rows)
        if chosen is not None:
            select_by_id(self.households, chosen.id)
        self.read_ledger()

    def household(self) -> PointsHouseholdRow | None:
        return selected_object(self.households)

    def select_household(self, household_id: str) -> bool:
        return select_by_id(self.households, household_id)

    def read_ledger(self) -> None:
        household = self.household()
        if household is None:
            self.ledger = None
            self.entries_model.set_rows([])
            self.ledger_label.setText(self.tr("Choose a household to see its points."))
            self.update_actions()
            return
        read(self.context, self, lambda uow: hut_points.household_points(uow, household_id=household.id),
             done=self._show_ledger)

    def _show_ledger(self, ledger: PointsLedger) -> None:
        household = self.household()
        if household is None or household.id != ledger.household_id:
            return
        self.ledger = ledger
        self.ledger_label.setText(self.tr("{name}: {balance} points").format(
            name=ledger.head_name, balance=QLocale().toString(ledger.balance)))
        self.entries_model.set_rows(list(ledger.entries))
        self.entries.resizeColumnsToContents()
        self.update_actions()

    def update_actions(self) -> None:
        has = self.household() is not None
        entry = selected_object(self.entries)
        self.earn_button.setEnabled(has)
        self.exchange_button.setEnabled(has)
        self.reverse_button.setEnabled(entry is not None and entry.may_reverse)

    # -- what is done -----------------------------------------------------------------------------------------

    def earn(self) -> QDialog | None:
        household = self.household()
        if household is None or not self.may_edit:
            return None
        self.last_dialog = open_dialog(EarnDialog(self.context, household, self))
        return self.last_dialog

    def reverse(self) -> QDialog | None:
        entry = selected_object(self.entries)
        if entry is None or not entry.may_reverse:
            return None
        self.last_dialog = open_dialog(WhyDialog(
            self.context, title=self.tr("Reverse points"),
            question=self.tr("Take back these {points} points? The entry stays on the household's list, with the "
                             "reversal beside it.").format(points=entry.points),
            work=lambda uow, reason: hut_points.reverse_points(uow, entry_id=entry.id, reason=reason), parent=self))
        return self.last_dialog

    def exchange(self) -> QDialog | None:
        household = self.household()
        if household is None or not self.may_edit:
            return None
        dialog = ExchangeDialog(self.context, household, self)
        dialog.accepted.connect(lambda: self._exchanged(dialog.result))
        self.last_dialog = open_dialog(dialog)
        return dialog

    def _exchanged(self, result: hut_points.ExchangeResult | None) -> None:
        if result is not None:
            self.message.show_done(self.tr("Exchange {number}: {points} points spent, {balance} left.").format(
                number=result.number, points=result.points, balance=result.balance))

    def edit_rules(self) -> QDialog:
        self.last_dialog = open_dialog(RulesDialog(self.context, self))
        return self.last_dialog

    def hours_points(self) -> Task | None:
        if not self.may_edit:
            return None

        def work(uow: UnitOfWork) -> tuple[int, int]:
            from desktop.services.settings import load_settings

            return hut_points.earn_hours_points(uow), load_settings(uow).points_per_hour

        def done(result: tuple[int, int]) -> None:
            made, per_hour = result
            if per_hour <= 0:
                self.message.show_problem(self.tr(
                    "Service hours earn no points: the system settings give 0 points per hour. Set the points per "
                    "hour there first."))
            else:
                self.message.show_done(counted(made, self.tr(
                    "1 service hours record earned points ({per_hour} points per hour)."), self.tr(
                    "{count} service hours records earned points ({per_hour} points per hour)."), per_hour=per_hour))

        return write(self.context, self, work, done=done)

    def _month_form(self) -> Form:
        self.message.clear()
        return Form(self.message, {"month": self.month})

    def month_columns(self) -> list[Column]:
        return [Column(self.tr("Household"), lambda r: r.name),
                Column(self.tr("Earned"), lambda r: r.earned, align_right=True),
                Column(self.tr("Spent"), lambda r: r.spent, align_right=True),
                Column(self.tr("Balance at the month's end"), lambda r: r.balance, align_right=True)]

    def print_month(self) -> Task:
        month = self.month.text()

        def load(uow: UnitOfWork):
            found = hut.hut_info(uow)
            return hut_points.monthly_points(uow, month=month), found.name if found else ""

        def print_it(found: tuple[list[PointsNoticeRow], str]) -> None:
            from ui import printing

            rows, hut_name = found
            printing.save_and_open_pdf(self, self.context, self.tr("Points {month}.pdf").format(month=month),
                                       lambda path: printing.points_list_pdf(rows, path, month=month,
                                                                             hut_name=hut_name))

        return read(self.context, self, load, done=print_it, form=self._month_form())

    def export_month(self) -> Task | None:
        month = self.month.text()
        self._month_form()
        return export_rows(self, self.context, suggested_name=self.tr("Points {month}").format(month=month),
                           title=self.tr("Points {month}").format(month=month), columns=self.month_columns(),
                           rows_loader=lambda uow: hut_points.monthly_points(uow, month=month))

