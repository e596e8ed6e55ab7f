"""The good-people area (好人榜): nominate, put on public notice, publish or reject, print the notice and the list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.domain.roles import Permission
from desktop.domain.volunteering import GoodDeedCategory, NominationAction, NominationStatus
from desktop.services import good_people, station
from desktop.services.good_people import NominationInfo
from desktop.storage.uow import UnitOfWork
from ui import dialogs
from ui.context import AppContext
from ui.dialogs import open_dialog
from ui.forms import FormMessage, clear_problems, save_cancel_buttons
from ui.i18n import translate
from ui.operations import Form, read, write
from ui.programme import date_edit, date_text, label, today
from ui.table import Column
from ui.views.lists import ListArea


class NominationDialog(QDialog):
    """Nominate someone: type the name, or pick a registered volunteer."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.volunteer_id = ""
        self.setObjectName("nominationDialog")
        self.setWindowTitle(self.tr("Nominate a good person"))
        form = QFormLayout(self)
        name_row = QHBoxLayout()
        self.name = QLineEdit(objectName="name")
        self.pick_button = QPushButton(self.tr("Pick a volunteer…"), objectName="pickVolunteer")
        name_row.addWidget(self.name)
        name_row.addWidget(self.pick_button)
        self.category = QComboBox(objectName="category")
        for category in GoodDeedCategory:
            self.category.addItem(translate("desktop", category.label), category.value)
        self.deeds = QPlainTextEdit(objectName="deeds")
        self.deeds.setTabChangesFocus(True)
        self.deeds.setFixedHeight(110)
        self.nominated_by = QLineEdit(objectName="nominatedBy")
        form.addRow(self.tr("Name"), name_row)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Good deeds"), self.deeds)
        form.addRow(self.tr("Nominated by"), self.nominated_by)
        self.message = FormMessage()
        form.addRow(self.message)
        form.addRow(save_cancel_buttons(self, self.save))
        self.pick_button.clicked.connect(self.pick)
        self.name.textEdited.connect(self._typed_name)

    def _typed_name(self) -> None:
        self.volunteer_id = ""  # a typed name is no longer the picked volunteer

    def pick(self) -> QDialog:
        from ui.volunteer_picker import pick_one
        return pick_one(self, self.context, lambda row: self.set_volunteer(row.id, row.name))

    def set_volunteer(self, volunteer_id: str, name: str) -> None:
        self.volunteer_id = volunteer_id
        self.name.setText(name)

    @property
    def fields(self):
        return {"name": self.name, "volunteer_id": self.name, "category": self.category, "deeds": self.deeds,
                "nominated_by": self.nominated_by}

    def save(self) -> None:
        name, category, deeds = self.name.text(), self.category.currentData(), self.deeds.toPlainText()
        nominated_by, volunteer_id = self.nominated_by.text(), self.volunteer_id
        write(self.context, self,
              lambda uow: good_people.nominate(uow, name=name, category=category, deeds=deeds,
                                               nominated_by=nominated_by, volunteer_id=volunteer_id),
              form=Form(self.message, self.fields), done=lambda _nomination: self.accept())


class NoticeDialog(QDialog):
    """Put a nomination on public notice (公示) for at least the station's notice days."""

    def __init__(self, context: AppContext, nomination: NominationInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.nomination = context, nomination
        self.setObjectName("noticeDialog")
        self.setWindowTitle(self.tr("Start public notice"))
        days = context.settings.notice_days
        form = QFormLayout(self)
        intro = QLabel(self.tr("{name} is shown on the public notice from the first day to the last. The notice "
                               "lasts at least {days} days.").format(name=nomination.name, days=days))
        intro.setWordWrap(True)
        form.addRow(intro)
        start = today(context)
        self.notice_from = date_edit(start, name="noticeFrom")
        self.notice_to = date_edit(start + timedelta(days=days - 1), name="noticeTo")
        form.addRow(self.tr("First day"), self.notice_from)
        form.addRow(self.tr("Last day"), self.notice_to)
        self.message = FormMessage()
        form.addRow(self.message)
        form.addRow(save_cancel_buttons(self, self.save))

    @property
    def fields(self):
        return {"notice_from": self.notice_from, "notice_to": self.notice_to}

    def save(self) -> None:
        nomination_id = self.nomination.id
        notice_from, notice_to = date_text(self.notice_from), date_text(self.notice_to)
        write(self.context, self,
              lambda uow: good_people.start_notice(uow, nomination_id=nomination_id, notice_from=notice_from,
                                                   notice_to=notice_to),
              form=Form(self.message, self.fields), done=lambda _nomination: self.accept())


class DecisionDialog(QDialog):
    """Publish a nomination on the honour list, or reject it with a note saying why."""

    def __init__(self, context: AppContext, nomination: NominationInfo, *, publish: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.nomination, self.publish = context, nomination, publish
        self.setObjectName("decisionDialog")
        self.setWindowTitle(self.tr("Publish") if publish else self.tr("Reject"))
        form = QFormLayout(self)
        if publish:
            text = self.tr("Publish {name} on the good-people list. You may add a note.")
        else:
            text = self.tr("Say why the nomination of {name} is not adopted.")
        intro = QLabel(text.format(name=nomination.name))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.note = QPlainTextEdit(objectName="note")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        form.addRow(self.tr("Note") if publish else self.tr("Why"), self.note)
        self.message = FormMessage()
        form.addRow(self.message)
        form.addRow(save_cancel_buttons(self, self.save))

    def save(self) -> None:
        fields = {"note": self.note}
        clear_problems(self.message, fields)
        if not self.publish and not self.note.toPlainText().strip():
            self.message.show_problem(self.tr("Say why the nomination is rejected."))
            self.note.setFocus()
            return
        action = self.tr("Publish") if self.publish else self.tr("Reject")
        question = (self.tr("Publish {name}? This cannot be undone.") if self.publish
                    else self.tr("Reject the nomination of {name}? This cannot be undone."))
        if not dialogs.confirm(self, action, question.format(name=self.nomination.name), action=action):
            return
        publish, nomination_id, note = self.publish, self.nomination.id, self.note.toPlainText()

        def work(uow: UnitOfWork) -> NominationInfo:
            if publish:
                return good_people.publish_nomination(uow, nomination_id=nomination_id, note=note)
            return good_people.reject_nomination(uow, nomination_id=nomination_id, note=note)

        write(self.context, self, work, form=Form(self.message, fields), done=lambda _nomination: self.accept())


class GoodPeopleView(ListArea):
    shows = frozenset({"nominations"})  # a nomination keeps the name it was made with

    def __init__(self, context: AppContext) -> None:
        super().__init__(context, name="goodPeopleView", title=self.tr("Good people"), table_name="nominationsTable",
                         columns=[
            Column(self.tr("Name"), lambda n: n.name, names=True),
            Column(self.tr("Category"), lambda n: label(GoodDeedCategory, n.category)),
            Column(self.tr("Good deeds"), lambda n: n.deeds),
            Column(self.tr("Nominated by"), lambda n: n.nominated_by),
            Column(self.tr("Nominated on"), lambda n: n.nominated_on),
            Column(self.tr("Status"), lambda n: label(NominationStatus, n.status)),
            Column(self.tr("Public notice"),
                   lambda n: f"{n.notice_from} – {n.notice_to}" if n.notice_from else ""),
            Column(self.tr("Decided on"), lambda n: n.decided_on),
            Column(self.tr("Note"), lambda n: n.decision_note),
        ])
        self.status = QComboBox(objectName="status")
        self.status.addItem(self.tr("Any status"), "")
        for status in NominationStatus:
            self.status.addItem(translate("desktop", status.label), status.value)
        self.add_filter(self.tr("Status"), self.status)
        # The deeds can run to a paragraph: a column of its own width, which the person can widen.
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().resizeSection(2, 280)

        may_review = context.can(Permission.REVIEW_GOOD_PEOPLE)
        self.nominate_button = self.add_button(self.tr("Nominate…"), "nominate", self.nominate,
                                               allowed=context.can(Permission.EDIT_VOLUNTEER_WORK))
        self.notice_button = self.add_button(self.tr("Start public notice…"), "startNotice", self.start_notice,
                                             allowed=may_review)
        self.publish_button = self.add_button(self.tr("Publish…"), "publish", lambda: self.decide(publish=True),
                                              allowed=may_review)
        self.reject_button = self.add_button(self.tr("Reject…"), "reject", lambda: self.decide(publish=False),
                                             allowed=may_review)
        self.print_notice_button = self.add_button(self.tr("Print notice…"), "printNotice", self.print_notice)
        self.finish(export=(self.tr("Good people.xlsx"), self.tr("Good people")))

        honour = QHBoxLayout()
        self.year = QSpinBox(objectName="honourYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(today(context).year)
        self.honour_button = QPushButton(self.tr("Print honour list…"), objectName="printHonourList")
        honour.addWidget(QLabel(self.tr("Honour list of the year")))
        honour.addWidget(self.year)
        honour.addWidget(self.honour_button)
        honour.addStretch()
        self.list_box.layout().addLayout(honour)
        self.honour_button.clicked.connect(self.print_honour_list)

    def rows_loader(self) -> Callable[[UnitOfWork], list[NominationInfo]]:
        """The rows the status filter asks for now, read here on the UI thread; the returned function may
        run on a worker thread (in the unit of work it is given)."""
        status = self.status.currentData() or None

        def load(uow: UnitOfWork) -> list[NominationInfo]:
            return good_people.list_nominations(uow, status=status)

        return load

    def update_actions(self) -> None:
        nomination = self.selected()
        actions = nomination.actions if nomination else frozenset()
        self.notice_button.setEnabled(NominationAction.START_NOTICE in actions)
        self.publish_button.setEnabled(NominationAction.PUBLISH in actions)
        self.reject_button.setEnabled(NominationAction.REJECT in actions)
        # What publishing waits for, said where the reviewer looks: the end of the public notice.
        waits = (nomination is not None and NominationAction.REJECT in actions and nomination.publish_from
                 and NominationAction.PUBLISH not in actions)
        self.publish_button.setToolTip(self.tr(
            "The public notice of {name} runs until {end}: it can be published from {date}.").format(
            name=nomination.name, end=nomination.notice_to, date=nomination.publish_from) if waits else "")

    def nominate(self) -> QDialog:
        return open_dialog(NominationDialog(self.context, self))

    def start_notice(self) -> QDialog | None:
        nomination = self.selected()
        return open_dialog(NoticeDialog(self.context, nomination, self)) if nomination else None

    def decide(self, *, publish: bool) -> QDialog | None:
        nomination = self.selected()
        if nomination is None:
            return None
        return open_dialog(DecisionDialog(self.context, nomination, publish=publish, parent=self))

    def print_notice(self) -> None:
        read(self.context, self,
             lambda uow: good_people.list_nominations(uow, status=NominationStatus.ON_NOTICE.value),
             done=self._print_notice)

    def _print_notice(self, on_notice: list[NominationInfo]) -> None:
        from ui import printing
        self.message.clear()
        if not on_notice:
            self.message.show_problem(self.tr("Nobody is on public notice now. Start a public notice first."))
            return
        day = today(self.context)
        printing.save_and_open_pdf(self, self.context, self.tr("Good people public notice.pdf"),
                                   lambda path: printing.notice_pdf(on_notice, path, today=day))

    def print_honour_list(self) -> None:
        year = self.year.value()

        def work(uow: UnitOfWork) -> tuple[list[NominationInfo], str]:
            return good_people.honour_list(uow, year=year), station.station_info(uow).village.name

        read(self.context, self, work, done=lambda found: self._print_honour_list(year, *found))

    def _print_honour_list(self, year: int, published: list[NominationInfo], village: str) -> None:
        from ui import printing
        self.message.clear()
        if not published:
            self.message.show_problem(self.tr("Nobody was published on the good-people list in {year}.").format(
                year=year))
            return
        day = today(self.context)
        title = self.tr("{village} good people of {year}").format(village=village, year=year)
        printing.save_and_open_pdf(self, self.context, self.tr("Honour list {year}.pdf").format(year=year),
                                   lambda path: printing.honour_list_pdf(title, published, path, today=day))
