"""The love hut's monthly public notice (公示): a month's goods in (donors named as they chose, or 爱心人士) and out
(households masked, 张*明), on A4 paper and in Excel, and publishing it, which closes the month."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.hut import HutAction
from desktop.domain.roles import Permission
from desktop.services import hut_stock
from desktop.services.hut_stock import MonthNotice, NoticeLine
from desktop.storage.uow import UnitOfWork
from ui.context import AppContext
from ui.dialogs import confirm
from ui.export import export_bytes
from ui.forms import FormMessage
from ui.layouts import FlowLayout, pair, scrolling_part
from ui.operations import Form, read, write
from ui.programme import today
from ui.table import Column, RecordTableModel, record_table
from ui.tasks import Task
from ui.views import LoadsWhenShown
from ui.views.hut.points import month_edit, previous_month


class NoticeTab(LoadsWhenShown, QWidget):
    """A month's notice as the village will read it, and what the hut manager does with it."""

    shows = frozenset({"hut_documents", "stock_movements", "hut_months", "donors", "households", "items"})

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("noticeTab")
        self.notice: MonthNotice | None = None
        self.may_publish = context.can(Permission.EDIT_HUT)
        self.last_dialog: QDialog | None = None
        self._reading = 0
        layout = QVBoxLayout(self)
        top = FlowLayout()
        self.month = month_edit(previous_month(context), name="noticeMonth")
        self.show_button = QPushButton(self.tr("Show"), objectName="showNotice")
        top.addWidget(pair(QLabel(self.tr("Month")), self.month))
        top.addWidget(self.show_button)
        top.addStretch()
        layout.addLayout(top)
        self.state = QLabel(objectName="noticeState")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        inner = scrolling_part(layout)
        columns = [Column(self.tr("Date"), lambda line: line.happened_on),
                   Column(self.tr("Number"), lambda line: line.number),
                   Column(self.tr("From or to"), lambda line: line.who),
                   Column(self.tr("Goods"), self._goods),
                   Column(self.tr("Value (yuan)"), lambda line: f"{line.value:g}" if line.value else "",
                          align_right=True, sort_value=lambda line: line.value)]
        self.tables: dict[str, tuple[RecordTableModel, QWidget]] = {}
        for key, title in (("came_in", self.tr("What came in")), ("went_out", self.tr("What went out")),
                           ("corrections", self.tr("Corrections"))):
            box = QGroupBox(title, objectName=f"{key}Box")
            box_layout = QVBoxLayout(box)
            model = RecordTableModel(columns, row_id=lambda line: line.number, parent=self)
            table = record_table(model, name=f"{key}Table")
            table.setMinimumHeight(table.verticalHeader().defaultSectionSize() * 4)
            box_layout.addWidget(table)
            inner.addWidget(box, 1)
            self.tables[key] = (model, box)
        self.message = FormMessage()
        layout.addWidget(self.message)
        buttons = FlowLayout()
        self.print_button = QPushButton(self.tr("Print the notice…"), objectName="printNotice")
        self.excel_button = QPushButton(self.tr("Notice to Excel…"), objectName="exportNotice")
        self.publish_button = QPushButton(self.tr("Publish the month…"), objectName="publishMonth")
        for button in (self.print_button, self.excel_button, self.publish_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.show_button.clicked.connect(self.reload)
        self.month.returnPressed.connect(self.reload)
        self.print_button.clicked.connect(self.print_notice)
        self.excel_button.clicked.connect(self.export_notice)
        self.publish_button.clicked.connect(self.publish)
        self.follow_changes(context)
        self._update()

    def _goods(self, line: NoticeLine) -> str:
        what = line.what
        if line.cash_amount:
            what += self.tr("; cash ¥{amount} passed on to {charity}").format(amount=f"{line.cash_amount:g}",
                                                                               charity=line.cash_charity)
        if line.corrects:
            what += self.tr(" (corrects {number})").format(number=line.corrects)
        return what

    def model(self, key: str) -> RecordTableModel:
        return self.tables[key][0]

    def _form(self) -> Form:
        self.message.clear()
        return Form(self.message, {"month": self.month})

    def reload(self) -> None:
        month = self.month.text()
        self._reading += 1
        reading = self._reading
        read(self.context, self, lambda uow: hut_stock.month_notice(uow, month=month),
             done=lambda notice: self._show(reading, notice), form=Form(self.message, {"month": self.month}))

    def _show(self, reading: int, notice: MonthNotice) -> None:
        if reading != self._reading:
            return
        self.notice = notice
        self.model("came_in").set_rows(list(notice.came_in))
        self.model("went_out").set_rows(list(notice.went_out))
        self.model("corrections").set_rows(list(notice.corrections))
        self.tables["corrections"][1].setVisible(bool(notice.corrections))
        if notice.published_on:
            self.state.setText(self.tr("The notice for {month} was published on {day}: the month is closed. "
                                       "Corrections go into the month that is open, naming what they correct.")
                               .format(month=notice.month, day=notice.published_on))
        else:
            self.state.setText(self.tr("{month} is open: {came_in} documents in, {went_out} out. Donors are named "
                                       "as they chose, households masked.").format(
                month=notice.month, came_in=len(notice.came_in), went_out=len(notice.went_out)))
        self._update()

    def _update(self) -> None:
        notice = self.notice
        self.publish_button.setVisible(self.may_publish)
        self.publish_button.setEnabled(notice is not None and not notice.published_on
                                       and HutAction.PUBLISH_MONTH in notice.actions)
        self.print_button.setEnabled(notice is not None)
        self.excel_button.setEnabled(notice is not None)

    def print_notice(self) -> Task | None:
        month = self.month.text()
        day = today(self.context)

        def print_it(notice: MonthNotice) -> None:
            from ui import printing

            printing.save_and_open_pdf(self, self.context, self.tr("Notice {month}.pdf").format(month=notice.month),
                                       lambda path: printing.hut_notice_pdf(notice, path, today=day))

        return read(self.context, self, lambda uow: hut_stock.month_notice(uow, month=month), done=print_it,
                    form=self._form())

    def export_notice(self) -> Task | None:
        month = self.month.text()
        self._form()

        def make(uow: UnitOfWork) -> bytes:
            return hut_stock.month_notice_excel(uow, month=month)

        return export_bytes(self, self.context, suggested_name=self.tr("Notice {month}").format(month=month),
                            title=self.tr("Export the notice to Excel"), make_bytes=make)

    def publish(self) -> Task | None:
        notice = self.notice
        if notice is None or notice.published_on:
            return None
        if not confirm(self, self.tr("Publish the notice"), self.tr(
                "Publish the notice for {month}? The month is then closed: nothing more is entered into it, and a "
                "later correction goes into the open month, naming what it corrects.").format(month=notice.month),
                action=self.tr("Publish and close the month")):
            return None
        month = notice.month

        def done(published: MonthNotice) -> None:
            self.message.show_done(self.tr("The notice for {month} is published, and the month is closed.").format(
                month=published.month))

        return write(self.context, self, lambda uow: hut_stock.publish_month(uow, month=month), done=done,
                     form=self._form())
