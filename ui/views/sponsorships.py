"""The sponsorships area (认领认捐, "5个100"): the sponsorships with their status, last visit and hand-overs, filtered
by project, status and what is overdue; each one's log of visits, hand-overs and notes; the sponsors; the households
waiting for a sponsor; and each project's coverage against the city's target, with a chart, and the township's
report on paper and in Excel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.roles import Permission
from desktop.domain.sponsorships import (
    EventKind,
    PledgeKind,
    Project,
    SponsorKind,
    SponsorshipAction,
    SponsorshipStatus,
)
from desktop.services import sponsorships
from desktop.services.households import HouseholdRow
from desktop.services.sponsorships import (
    Coverage,
    EventRow,
    PledgeForm,
    SponsorForm,
    SponsorRow,
    SponsorshipFilter,
    SponsorshipReport,
    SponsorshipRow,
    WaitingRow,
)
from desktop.storage.uow import UnitOfWork
from ui.charts import GREY, RED, Bar, BarChart, Series
from ui.context import AppContext
from ui.dialogs import open_dialog
from ui.export import export_bytes, export_rows, table_rows
from ui.forms import FormMessage, save_cancel_buttons, scrolling_form
from ui.i18n import counted, translate
from ui.layouts import FlowLayout, PageTabs, pair, scrolling_part
from ui.operations import Form, read, write
from ui.programme import date_edit, date_text, label, today
from ui.table import Column, RecordTableModel, record_table, select_by_id, selected_object, sortable_table
from ui.tasks import Task
from ui.views.lists import ListArea

NOTE_HEIGHT = 80


def money(amount: float) -> str:
    """Yuan as the lists show them: ¥1,200, ¥120.5."""
    figure = f"{amount:,.2f}".rstrip("0").rstrip(".")
    return QCoreApplication.translate("SponsorshipsView", "¥{amount}").format(amount=figure)


def pledge_text(row: SponsorshipRow) -> str:
    """What is pledged, in a few words: money by its amount, goods and a service by what they are."""
    what = money(row.amount) if row.pledge_kind == PledgeKind.MONEY else row.pledge
    return QCoreApplication.translate("SponsorshipsView", "{kind}: {what}").format(
        kind=label(PledgeKind, row.pledge_kind), what=what)


def status_text(row: SponsorshipRow) -> str:
    if row.status == SponsorshipStatus.PAUSED:
        return QCoreApplication.translate("SponsorshipsView", "Paused since {day}").format(day=row.status_on)
    if row.status == SponsorshipStatus.ENDED:
        return QCoreApplication.translate("SponsorshipsView", "Ended on {day}").format(day=row.status_on)
    return label(SponsorshipStatus, row.status)


def visit_text(row: SponsorshipRow) -> str:
    shown = row.last_visit or QCoreApplication.translate("SponsorshipsView", "not yet")
    return f"{shown} ⚠" if row.visit_overdue else shown


def handovers_text(row: SponsorshipRow) -> str:
    if not row.instalments:
        return str(row.handovers_made)
    shown = QCoreApplication.translate("SponsorshipsView", "{made} of {due}").format(
        made=row.handovers_made, due=row.handovers_due)
    return f"{shown} ⚠" if row.handovers_missed else shown


def sponsorship_columns() -> list[Column]:
    """The columns of a sponsorship, on screen and in the report's workbook."""
    titles = [QCoreApplication.translate("SponsorshipsView", "Household"),
              QCoreApplication.translate("SponsorshipsView", "Villagers' group"),
              QCoreApplication.translate("SponsorshipsView", "Project"),
              QCoreApplication.translate("SponsorshipsView", "Sponsor"),
              QCoreApplication.translate("SponsorshipsView", "Pledge"),
              QCoreApplication.translate("SponsorshipsView", "From"),
              QCoreApplication.translate("SponsorshipsView", "Until"),
              QCoreApplication.translate("SponsorshipsView", "Status"),
              QCoreApplication.translate("SponsorshipsView", "Last visit"),
              QCoreApplication.translate("SponsorshipsView", "Hand-overs")]
    household, group, project, sponsor, pledge, start, until, status, visit, handovers = titles
    return [
        Column(household, lambda r: r.head_name, names=True),
        Column(group, lambda r: r.group_name),
        Column(project, lambda r: label(Project, r.project)),
        Column(sponsor, lambda r: r.sponsor_name),
        Column(pledge, pledge_text),
        Column(start, lambda r: r.start_on),
        Column(until, lambda r: r.end_on or "—", sort_value=lambda r: r.end_on),
        Column(status, status_text),
        Column(visit, visit_text, sort_value=lambda r: r.last_visit),
        Column(handovers, handovers_text, align_right=True, sort_value=lambda r: r.handovers_made),
    ]


def _notes_edit(name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(objectName=name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(NOTE_HEIGHT)
    return edit


def _amount_box(name: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox(objectName=name)
    box.setRange(0, sponsorships.MOST_AMOUNT)
    box.setDecimals(2)
    box.setPrefix("¥ ")
    box.setGroupSeparatorShown(True)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box


# -- a sponsor --------------------------------------------------------------------------------------------------

class SponsorDialog(QDialog):
    """Add a sponsor, or change one: a volunteer of the village (chosen from the volunteers), an organisation or a
    person by name, with a contact."""

    def __init__(self, context: AppContext, sponsor: SponsorRow | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.sponsor = context, sponsor
        self.saved: SponsorRow | None = None
        self.setObjectName("sponsorDialog")
        self.resize(560, 10)  # wide enough for what is typed; as high as its rows (ui/dialogs.py fit_to_screen)
        self.setWindowTitle(self.tr("Add a sponsor") if sponsor is None else self.tr("Change sponsor"))
        form, below = scrolling_form(self)
        self.kind = QComboBox(objectName="kind")
        for kind in SponsorKind:
            self.kind.addItem(translate("desktop", kind.label), kind.value)
        self.volunteer_id = ""
        self.volunteer_row = QWidget()
        volunteer = QHBoxLayout(self.volunteer_row)
        volunteer.setContentsMargins(0, 0, 0, 0)
        self.volunteer_name = QLabel(self.tr("Not chosen yet"), objectName="volunteerName")
        self.pick_volunteer_button = QPushButton(self.tr("Choose a volunteer…"), objectName="pickVolunteer")
        volunteer.addWidget(self.volunteer_name, 1)
        volunteer.addWidget(self.pick_volunteer_button)
        self.name = QLineEdit(objectName="name")
        self.name.setPlaceholderText(self.tr("For example: 县妇联, 白城市爱心社, or the person's name"))
        self.contact = QLineEdit(objectName="contact")
        self.contact.setPlaceholderText(self.tr("A phone, or whom to ask for and a phone"))
        self.address = QLineEdit(objectName="address")
        self.notes = QLineEdit(objectName="notes")
        form.addRow(self.tr("Kind of sponsor"), self.kind)
        form.addRow(self.tr("Volunteer"), self.volunteer_row)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Notes"), self.notes)
        self._form = form
        self.message = FormMessage()
        below.addWidget(self.message)
        below.addWidget(save_cancel_buttons(self, self.save))
        self.pick_volunteer_button.clicked.connect(self.pick_volunteer)
        self.kind.currentIndexChanged.connect(lambda *_: self._kind_chosen())
        if sponsor is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(sponsor.kind), 0))
            self.set_volunteer(sponsor.volunteer_id, sponsor.name if sponsor.volunteer_id else "")
            self.name.setText(sponsor.name)
            self.contact.setText(sponsor.contact)
            self.address.setText(sponsor.address)
            self.notes.setText(sponsor.notes)
        else:
            self.kind.setCurrentIndex(self.kind.findData(SponsorKind.ORGANISATION.value))
        self._kind_chosen()
        self.kind.setFocus()

    def _kind_chosen(self) -> None:
        """A volunteer is chosen from the volunteers (the name is theirs); others are named here."""
        volunteer = self.kind.currentData() == SponsorKind.VOLUNTEER
        self._form.setRowVisible(self.volunteer_row, volunteer)
        self._form.setRowVisible(self.name, not volunteer)

    def pick_volunteer(self) -> QDialog:
        from ui.volunteer_picker import pick_one
        return pick_one(self, self.context, lambda row: self.set_volunteer(row.id, row.name))

    def set_volunteer(self, volunteer_id: str, name: str) -> None:
        self.volunteer_id = volunteer_id
        self.volunteer_name.setText(name or self.tr("Not chosen yet"))

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"kind": self.kind, "volunteer_id": self.pick_volunteer_button, "name": self.name,
                "contact": self.contact, "address": self.address, "notes": self.notes}

    def save(self) -> None:
        form = SponsorForm(kind=self.kind.currentData(), name=self.name.text(), contact=self.contact.text(),
                           volunteer_id=self.volunteer_id if self.kind.currentData() == SponsorKind.VOLUNTEER else "",
                           address=self.address.text(), notes=self.notes.text())
        sponsor = self.sponsor

        def work(uow: UnitOfWork) -> SponsorRow:
            if sponsor is None:
                return sponsorships.add_sponsor(uow, form=form)
            return sponsorships.update_sponsor(uow, sponsor_id=sponsor.id, form=form)

        write(self.context, self, work, form=Form(self.message, self.fields), done=self._saved)

    def _saved(self, sponsor: SponsorRow) -> None:
        self.saved = sponsor
        self.accept()


# -- pairing, and the pledge ---------------------------------------------------------------------------------

class PairDialog(QDialog):
    """Pair a sponsor with a household in a project, with the sponsor's pledge; or change the pledge of a
    sponsorship (``row``), its household, sponsor and project staying as they are."""

    def __init__(self, context: AppContext, row: SponsorshipRow | None = None, *, household_id: str = "",
                 head_name: str = "", project: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.row = context, row
        self.saved: SponsorshipRow | None = None
        self.household_id = row.household_id if row is not None else household_id
        self.setObjectName("pairDialog")
        self.resize(640, 10)  # wide enough for what is typed; as high as its rows (ui/dialogs.py fit_to_screen)
        self.setWindowTitle(self.tr("Pair a sponsor with a household") if row is None else self.tr("Change pledge"))
        form, below = scrolling_form(self)
        self.pick_household_button = QPushButton(head_name or self.tr("Choose a household…"),
                                                 objectName="pickHousehold")
        self.project = QComboBox(objectName="project")
        for choice in Project:
            self.project.addItem(translate("desktop", choice.label), choice.value)
        self.sponsor = QComboBox(objectName="sponsor")
        self.sponsor.setMinimumContentsLength(10)
        self.new_sponsor_button = QPushButton(self.tr("New sponsor…"), objectName="newSponsor")
        sponsor_row = QWidget()
        sponsor_layout = QHBoxLayout(sponsor_row)
        sponsor_layout.setContentsMargins(0, 0, 0, 0)
        sponsor_layout.addWidget(self.sponsor, 1)
        sponsor_layout.addWidget(self.new_sponsor_button)
        if row is None:
            form.addRow(self.tr("Household"), self.pick_household_button)
            form.addRow(self.tr("Project"), self.project)
            form.addRow(self.tr("Sponsor"), sponsor_row)
        else:
            who = QLabel(self.tr("{sponsor} sponsors {head}'s household: {project}.").format(
                sponsor=row.sponsor_name, head=row.head_name, project=label(Project, row.project)))
            who.setWordWrap(True)
            form.addRow(who)
        self.pledge_kind = QComboBox(objectName="pledgeKind")
        for kind in PledgeKind:
            self.pledge_kind.addItem(translate("desktop", kind.label), kind.value)
        self.amount = _amount_box("amount")
        self.pledge = QLineEdit(objectName="pledge")
        self.pledge.setPlaceholderText(self.tr("What is pledged: for example, a bag of rice and a can of oil a month"))
        self.start_on = QLineEdit(objectName="startOn")
        self.start_on.setPlaceholderText(self.tr("2026-11-29 or 2026年11月29日; empty for today"))
        self.end_on = QLineEdit(objectName="endOn")
        self.end_on.setPlaceholderText(self.tr("Empty when the pledge has no end"))
        self.instalments = QSpinBox(objectName="instalments")
        self.instalments.setRange(0, sponsorships.MOST_INSTALMENTS)
        self.instalments.setSpecialValueText(self.tr("No schedule"))
        self.instalments.setToolTip(self.tr("Hand-overs spread evenly from the start to the end; one not made by "
                                            "the end of its part is listed as missed"))
        self.notes = QLineEdit(objectName="notes")
        form.addRow(self.tr("Pledge"), self.pledge_kind)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("What"), self.pledge)
        form.addRow(self.tr("From"), self.start_on)
        form.addRow(self.tr("Until"), self.end_on)
        form.addRow(self.tr("Instalments"), self.instalments)
        form.addRow(self.tr("Notes"), self.notes)
        self.message = FormMessage()
        below.addWidget(self.message)
        below.addWidget(save_cancel_buttons(self, self.save))
        self.pick_household_button.clicked.connect(self.pick_household)
        self.new_sponsor_button.clicked.connect(self.new_sponsor)
        if project:
            self.project.setCurrentIndex(max(self.project.findData(project), 0))
        if row is not None:
            self.pledge_kind.setCurrentIndex(max(self.pledge_kind.findData(row.pledge_kind), 0))
            self.amount.setValue(row.amount)
            self.pledge.setText(row.pledge)
            self.start_on.setText(row.start_on)
            self.end_on.setText(row.end_on)
            self.instalments.setValue(row.instalments)
            self.notes.setText(row.notes)
            self.pledge_kind.setFocus()
        else:
            self.start_on.setText(today(context).isoformat())
            self.reload_sponsors()
            self.pick_household_button.setFocus()

    def reload_sponsors(self, chosen: str = "") -> None:
        read(self.context, self, lambda uow: sponsorships.list_sponsors(uow),
             done=lambda rows: self._show_sponsors(rows, chosen))

    def _show_sponsors(self, rows: list[SponsorRow], chosen: str) -> None:
        chosen = chosen or self.sponsor.currentData() or ""
        self.sponsor.clear()
        for sponsor in rows:
            self.sponsor.addItem(f"{sponsor.name}（{label(SponsorKind, sponsor.kind)}）", sponsor.id)
        self.sponsor.setCurrentIndex(max(self.sponsor.findData(chosen), 0))

    def pick_household(self) -> QDialog:
        from ui.household_picker import pick_one
        return pick_one(self, self.context, self.choose_household)

    def choose_household(self, row: HouseholdRow) -> None:
        """The household chosen: the first project among its categories of help is offered."""
        self.household_id = row.id
        self.pick_household_button.setText(row.head_name)
        for category in row.categories:
            index = self.project.findData(category)
            if index >= 0:
                self.project.setCurrentIndex(index)
                break

    def new_sponsor(self) -> QDialog:
        dialog = SponsorDialog(self.context, None, self)
        dialog.accepted.connect(lambda: self.reload_sponsors(dialog.saved.id if dialog.saved else ""))
        return open_dialog(dialog)

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"household_id": self.pick_household_button, "project": self.project, "sponsor_id": self.sponsor,
                "pledge_kind": self.pledge_kind, "amount": self.amount, "pledge": self.pledge,
                "start_on": self.start_on, "end_on": self.end_on, "instalments": self.instalments,
                "notes": self.notes}

    def save(self) -> None:
        pledge = PledgeForm(pledge_kind=self.pledge_kind.currentData(), amount=self.amount.value(),
                            pledge=self.pledge.text(), start_on=self.start_on.text(), end_on=self.end_on.text(),
                            instalments=self.instalments.value(), notes=self.notes.text())
        row, household_id = self.row, self.household_id
        sponsor_id, project = self.sponsor.currentData() or "", self.project.currentData()

        def work(uow: UnitOfWork) -> SponsorshipRow:
            if row is not None:
                return sponsorships.change_pledge(uow, sponsorship_id=row.id, pledge=pledge)
            return sponsorships.pair_sponsorship(uow, household_id=household_id, sponsor_id=sponsor_id,
                                                 project=project, pledge=pledge)

        write(self.context, self, work, form=Form(self.message, self.fields), done=self._saved)

    def _saved(self, row: SponsorshipRow) -> None:
        self.saved = row
        self.accept()


# -- a visit, a hand-over, a note ------------------------------------------------------------------------------

class EventDialog(QDialog):
    """Record a visit or a hand-over of a sponsorship, or add a note to its log (about ``answers``, an entry that
    was recorded wrongly: the entry stays as it was, the note says what is right)."""

    def __init__(self, context: AppContext, row: SponsorshipRow, kind: str, *, answers: EventRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.row, self.kind, self.answers = context, row, kind, answers
        self.saved: EventRow | None = None
        self.setObjectName("eventDialog")
        self.resize(560, 10)  # wide enough for what is typed; as high as its rows (ui/dialogs.py fit_to_screen)
        titles = {EventKind.VISIT: self.tr("Record a visit"), EventKind.HANDOVER: self.tr("Record a hand-over"),
                  EventKind.NOTE: self.tr("Add a note")}
        self.setWindowTitle(titles[EventKind(kind)])
        form, below = scrolling_form(self)
        who = QLabel(self.tr("{sponsor} sponsors {head}'s household: {project}.").format(
            sponsor=row.sponsor_name, head=row.head_name, project=label(Project, row.project)))
        who.setWordWrap(True)
        form.addRow(who)
        self.happened_on = QLineEdit(today(context).isoformat(), objectName="happenedOn")
        self.happened_on.setPlaceholderText(self.tr("The day it happened; empty for today"))
        self.amount = _amount_box("amount")
        self.what = _notes_edit("what")
        if kind == EventKind.NOTE:
            if answers is not None:
                about = QLabel(self.tr("About the {kind} of {day}: {what}").format(
                    kind=label(EventKind, answers.kind), day=answers.happened_on,
                    what=" ".join(part for part in (answers.what, money(answers.amount) if answers.amount else "")
                                  if part) or "—"), objectName="answers")
                about.setWordWrap(True)
                form.addRow(about)
            self.what.setPlaceholderText(self.tr("What is right: for example, the hand-over was 300 yuan, not 500"))
            form.addRow(self.tr("Note"), self.what)
        else:
            form.addRow(self.tr("Date"), self.happened_on)
            if kind == EventKind.HANDOVER:
                if row.pledge_kind == PledgeKind.MONEY and row.instalments:
                    self.amount.setValue(round(row.amount / row.instalments, 2))
                form.addRow(self.tr("Amount"), self.amount)
                self.what.setPlaceholderText(self.tr("What was handed over"))
                form.addRow(self.tr("What"), self.what)
            else:
                self.what.setPlaceholderText(self.tr("What was seen and talked about"))
                form.addRow(self.tr("Notes of the visit"), self.what)
        self.message = FormMessage()
        below.addWidget(self.message)
        below.addWidget(save_cancel_buttons(self, self.save))
        (self.what if kind == EventKind.NOTE else self.happened_on).setFocus()

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"happened_on": self.happened_on, "amount": self.amount, "what": self.what, "kind": self.what,
                "answers_id": self.what}

    def save(self) -> None:
        sponsorship_id, kind = self.row.id, self.kind
        what, on, amount = self.what.toPlainText(), self.happened_on.text(), self.amount.value()
        answers_id = self.answers.id if self.answers is not None else ""

        def work(uow: UnitOfWork) -> EventRow:
            if kind == EventKind.NOTE:
                return sponsorships.add_note(uow, sponsorship_id=sponsorship_id, what=what, answers_id=answers_id)
            return sponsorships.record_event(uow, sponsorship_id=sponsorship_id, kind=kind, happened_on=on,
                                             what=what, amount=amount)

        write(self.context, self, work, form=Form(self.message, self.fields), done=self._saved)

    def _saved(self, event: EventRow) -> None:
        self.saved = event
        self.accept()


# -- pausing, taking up again, ending ------------------------------------------------------------------------

class SponsorshipStatusDialog(QDialog):
    """Pause a sponsorship or end it, saying why, or take a paused one up again, from the day it changed."""

    def __init__(self, context: AppContext, row: SponsorshipRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.row = context, row
        self.saved: SponsorshipRow | None = None
        self.setObjectName("sponsorshipStatusDialog")
        self.resize(560, 10)  # wide enough for what is typed; as high as its rows (ui/dialogs.py fit_to_screen)
        self.setWindowTitle(self.tr("Pause or end a sponsorship"))
        form, below = scrolling_form(self)
        now = QLabel(self.tr("{sponsor} sponsors {head}'s household: {status}.").format(
            sponsor=row.sponsor_name, head=row.head_name, status=status_text(row)))
        now.setWordWrap(True)
        form.addRow(now)
        self.status = QComboBox(objectName="status")
        choices = ((SponsorshipAction.PAUSE, SponsorshipStatus.PAUSED, self.tr("Pause it")),
                   (SponsorshipAction.RESUME, SponsorshipStatus.ACTIVE, self.tr("Take it up again")),
                   (SponsorshipAction.END, SponsorshipStatus.ENDED, self.tr("End it: the household waits for a "
                                                                            "sponsor again")))
        for action, status, text in choices:
            if action in row.actions:
                self.status.addItem(text, status.value)
        self.on = QLineEdit(today(context).isoformat(), objectName="statusOn")
        self.on.setPlaceholderText(self.tr("The day it changed; empty for today"))
        self.reason = QLineEdit(objectName="reason")
        self.reason.setPlaceholderText(self.tr("Why: for example, the sponsor moved away"))
        form.addRow(self.tr("What happens"), self.status)
        form.addRow(self.tr("Since"), self.on)
        form.addRow(self.tr("Why"), self.reason)
        self.message = FormMessage()
        below.addWidget(self.message)
        below.addWidget(save_cancel_buttons(self, self.save))
        self.status.setFocus()

    def save(self) -> None:
        sponsorship_id, status = self.row.id, self.status.currentData() or ""
        on, reason = self.on.text(), self.reason.text()
        write(self.context, self, lambda uow: sponsorships.change_sponsorship_status(
            uow, sponsorship_id=sponsorship_id, status=status, reason=reason, on=on),
            form=Form(self.message, {"status": self.status, "status_on": self.on, "reason": self.reason}),
            done=self._saved)

    def _saved(self, row: SponsorshipRow) -> None:
        self.saved = row
        self.accept()


# -- the log ------------------------------------------------------------------------------------------------

class LogDialog(QDialog):
    """A sponsorship's visits, hand-overs and notes, newest first: nothing in it is changed; a wrong entry is
    answered by a note."""

    def __init__(self, context: AppContext, row: SponsorshipRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.row = context, row
        self.last_dialog: QDialog | None = None
        self.setObjectName("logDialog")
        self.setWindowTitle(self.tr("Visits and hand-overs"))
        self.resize(860, 520)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("{sponsor} sponsors {head}'s household: {project}. {pledge}, from {start}.").format(
            sponsor=row.sponsor_name, head=row.head_name, project=label(Project, row.project),
            pledge=pledge_text(row), start=row.start_on))
        title.setWordWrap(True)
        layout.addWidget(title)
        self._kinds: dict[str, EventRow] = {}
        self.columns = [
            Column(self.tr("Date"), lambda e: e.happened_on),
            Column(self.tr("Entry"), lambda e: label(EventKind, e.kind)),
            Column(self.tr("Details"), lambda e: e.what),
            Column(self.tr("Amount"), lambda e: money(e.amount) if e.amount else "", align_right=True,
                   sort_value=lambda e: e.amount),
            Column(self.tr("Recorded by"), lambda e: e.recorded_by_name),
            Column(self.tr("Corrected"), self._correction),
        ]
        self.model = RecordTableModel(self.columns, row_id=lambda e: e.id, parent=self)
        self.table = record_table(self.model, name="logTable")
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("Nothing recorded yet: visits, hand-overs and notes show here."),
                            objectName="logEmpty")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        hint = QLabel(self.tr("An entry is never changed. If one is wrong, choose it and add a note saying what is "
                              "right."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.note_button = buttons.addButton(self.tr("Add a note…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.note_button.setObjectName("addNote")
        self.note_button.setVisible(SponsorshipAction.ADD_NOTE in row.actions)
        self.export_button = buttons.addButton(self.tr("Export to Excel…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("exportLog")
        buttons.rejected.connect(self.reject)
        self.note_button.clicked.connect(self.add_note)
        self.export_button.clicked.connect(self.export)
        layout.addWidget(buttons)
        self.reload()

    def _correction(self, event: EventRow) -> str:
        if event.answered:
            return self.tr("See the note")
        answered = self._kinds.get(event.answers_id)
        if answered is not None:
            return self.tr("On the {kind} of {day}").format(kind=label(EventKind, answered.kind),
                                                            day=answered.happened_on)
        return ""

    def _loader(self) -> Callable[[UnitOfWork], list[EventRow]]:
        sponsorship_id = self.row.id
        return lambda uow: sponsorships.sponsorship_log(uow, sponsorship_id=sponsorship_id)

    def reload(self, *_: object) -> None:
        read(self.context, self, self._loader(), done=self._show)

    def _show(self, events: list[EventRow]) -> None:
        self._kinds = {event.id: event for event in events}
        self.model.set_rows(events)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not events)

    def add_note(self) -> QDialog | None:
        if SponsorshipAction.ADD_NOTE not in self.row.actions:
            return None
        dialog = EventDialog(self.context, self.row, EventKind.NOTE.value, answers=selected_object(self.table),
                             parent=self)
        dialog.accepted.connect(self.reload)
        self.last_dialog = open_dialog(dialog)
        return dialog

    def export(self) -> Task | None:
        name = self.tr("{head} sponsored by {sponsor} {day}").format(
            head=self.row.head_name, sponsor=self.row.sponsor_name, day=today(self.context).isoformat())
        return export_rows(self, self.context, suggested_name=name, title=self.tr("Visits and hand-overs"),
                           columns=self.columns, rows_loader=self._loader())


# -- the coverage chart ------------------------------------------------------------------------------------------

def coverage_chart() -> BarChart:
    """Each project's households of its category: those sponsored (red) and those waiting (grey)."""
    return BarChart([Series(QCoreApplication.translate("CoverageChart", "Sponsored"), RED),
                     Series(QCoreApplication.translate("CoverageChart", "Waiting for a sponsor"), GREY)],
                    name="coverageChart", lying=True,
                    tip=QCoreApplication.translate("CoverageChart", "Households of each project's category: "
                                                                    "sponsored, and waiting for a sponsor"),
                    row_figure=lambda values: f"{values[0]:g} / {sum(values):g}")


def coverage_bars(coverage: Coverage) -> list[Bar]:
    return [Bar(translate("desktop", Project(item.project).label), (item.sponsored, item.waiting))
            for item in coverage.projects]


# -- the tabs beside the list -------------------------------------------------------------------------------------

class SponsorsTab(QWidget):
    """The sponsors, each with how many sponsorships it has."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("sponsorsTab")
        self.last_dialog: QDialog | None = None
        self.may_edit = context.can(Permission.EDIT_HOUSEHOLDS)
        layout = QVBoxLayout(self)
        inner = scrolling_part(layout)
        self.columns = [
            Column(self.tr("Sponsor"), lambda s: s.name),
            Column(self.tr("Kind"), lambda s: label(SponsorKind, s.kind)),
            Column(self.tr("Contact"), lambda s: s.contact),
            Column(self.tr("Address"), lambda s: s.address),
            Column(self.tr("Active sponsorships"), lambda s: s.active, align_right=True),
            Column(self.tr("All sponsorships"), lambda s: s.sponsorships, align_right=True),
            Column(self.tr("Notes"), lambda s: s.notes),
        ]
        self.model = RecordTableModel(self.columns, row_id=lambda s: s.id, parent=self)
        self.proxy, self.table = sortable_table(self.model, name="sponsorsTable", parent=self)
        inner.addWidget(self.table, 1)
        self.count = QLabel(objectName="sponsorsCount")
        layout.addWidget(self.count)
        buttons = FlowLayout()
        self.add_button = QPushButton(self.tr("Add a sponsor…"), objectName="addSponsor")
        self.edit_button = QPushButton(self.tr("Change sponsor…"), objectName="editSponsor")
        self.export_button = QPushButton(self.tr("Export to Excel…"), objectName="exportSponsors")
        for button in (self.add_button, self.edit_button):
            button.setVisible(self.may_edit)
            buttons.addWidget(button)
        buttons.addWidget(self.export_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.export_button.clicked.connect(self.export)
        self.table.doubleClicked.connect(lambda *_: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self._update()

    def reload(self) -> None:
        read(self.context, self, sponsorships.list_sponsors, done=self._show)

    def _show(self, rows: list[SponsorRow]) -> None:
        chosen = selected_object(self.table)
        self.model.set_rows(rows)
        if chosen is not None:
            select_by_id(self.table, chosen.id)
        self.count.setText(counted(len(rows), self.tr("1 sponsor"), self.tr("{count} sponsors"),
                                   count=QLocale().toString(len(rows))))
        self._update()

    def _update(self) -> None:
        self.edit_button.setEnabled(selected_object(self.table) is not None)

    def add(self) -> QDialog | None:
        if not self.may_edit:
            return None
        self.last_dialog = open_dialog(SponsorDialog(self.context, None, self))
        return self.last_dialog

    def edit(self) -> QDialog | None:
        sponsor = selected_object(self.table)
        if sponsor is None or not self.may_edit:
            return None
        self.last_dialog = open_dialog(SponsorDialog(self.context, sponsor, self))
        return self.last_dialog

    def export(self) -> Task | None:
        return export_rows(self, self.context, suggested_name=self.tr("Sponsors {day}").format(
            day=today(self.context).isoformat()), title=self.tr("Sponsors"), columns=self.columns,
            rows_loader=sponsorships.list_sponsors)


class WaitingTab(QWidget):
    """The households waiting for a sponsor, by project; one is paired from here."""

    def __init__(self, context: AppContext, pair_household: Callable[[WaitingRow], object]) -> None:
        super().__init__()
        self.context, self._pair = context, pair_household
        self.setObjectName("waitingTab")
        self.may_edit = context.can(Permission.EDIT_HOUSEHOLDS)
        layout = QVBoxLayout(self)
        inner = scrolling_part(layout)
        filters = FlowLayout()
        self.project = QComboBox(objectName="waitingProject")
        self.project.addItem(self.tr("Every project"), "")
        for choice in Project:
            self.project.addItem(translate("desktop", choice.label), choice.value)
        filters.addWidget(pair(QLabel(self.tr("Project")), self.project))
        filters.addStretch()
        inner.addLayout(filters)
        intro = QLabel(self.tr("Households being helped, of a project's category, with no active sponsorship in that "
                               "project. A household whose sponsor ended comes back here."))
        intro.setWordWrap(True)
        inner.addWidget(intro)
        self.columns = [
            Column(self.tr("Household"), lambda w: w.head_name, names=True),
            Column(self.tr("Villagers' group"), lambda w: w.group_name),
            Column(self.tr("Address"), lambda w: w.address),
            Column(self.tr("Phone"), lambda w: w.phone),
            Column(self.tr("Project"), lambda w: label(Project, w.project)),
            Column(self.tr("Sponsors before"), self._before),
        ]
        self.model = RecordTableModel(self.columns, row_id=lambda w: (w.household_id, w.project), parent=self)
        self.proxy, self.table = sortable_table(self.model, name="waitingTable", parent=self)
        inner.addWidget(self.table, 1)
        self.count = QLabel(objectName="waitingCount")
        layout.addWidget(self.count)
        buttons = FlowLayout()
        self.pair_button = QPushButton(self.tr("Pair a sponsor…"), objectName="pairWaiting")
        self.pair_button.setVisible(self.may_edit)
        self.export_button = QPushButton(self.tr("Export to Excel…"), objectName="exportWaiting")
        buttons.addWidget(self.pair_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.project.currentIndexChanged.connect(lambda *_: self.reload())
        self.pair_button.clicked.connect(self.pair_selected)
        self.export_button.clicked.connect(self.export)
        self.table.doubleClicked.connect(lambda *_: self.pair_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self._update()

    def _before(self, row: WaitingRow) -> str:
        if row.paused_sponsor:
            return self.tr("{sponsor}: paused").format(sponsor=row.paused_sponsor)
        if row.ended_on:
            return self.tr("Ended on {day}").format(day=row.ended_on)
        return ""

    def loader(self) -> Callable[[UnitOfWork], list[WaitingRow]]:
        project = self.project.currentData() or ""
        return lambda uow: sponsorships.households_waiting(uow, project=project)

    def reload(self) -> None:
        read(self.context, self, self.loader(), done=self._show)

    def _show(self, rows: list[WaitingRow]) -> None:
        self.model.set_rows(rows)
        self.count.setText(self.tr("{count} waiting").format(count=QLocale().toString(len(rows))))
        self._update()

    def _update(self) -> None:
        self.pair_button.setEnabled(selected_object(self.table) is not None)

    def pair_selected(self) -> object:
        row = selected_object(self.table)
        if row is None or not self.may_edit:
            return None
        return self._pair(row)

    def export(self) -> Task | None:
        return export_rows(self, self.context, suggested_name=self.tr("Waiting for a sponsor {day}").format(
            day=today(self.context).isoformat()), title=self.tr("Waiting for a sponsor"), columns=self.columns,
            rows_loader=self.loader())


class CoverageTab(QWidget):
    """Each project's coverage against the city's target, a chart of it, and the township's report."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("coverageTab")
        inner = scrolling_part(QVBoxLayout(self))
        self.columns = [
            Column(self.tr("Project"), lambda p: label(Project, p.project)),
            Column(self.tr("Households of the category"), lambda p: p.households, align_right=True),
            Column(self.tr("Sponsored"), lambda p: p.sponsored, align_right=True),
            Column(self.tr("Waiting"), lambda p: p.waiting, align_right=True),
            Column(self.tr("City's target"), lambda p: p.target, align_right=True),
        ]
        self.model = RecordTableModel(self.columns, row_id=lambda p: p.project, parent=self)
        self.table = record_table(self.model, name="coverageTable")
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 5)
        inner.addWidget(self.table)
        self.posts = QLabel(objectName="leifengPosts")
        self.posts.setWordWrap(True)
        inner.addWidget(self.posts)
        self.chart = coverage_chart()
        inner.addWidget(self.chart)
        report = QGroupBox(self.tr("Report for the township"), objectName="reportBox")
        report_layout = QVBoxLayout(report)
        intro = QLabel(self.tr("Coverage of each project, the sponsorships overdue for a visit or a hand-over, and "
                               "the hand-overs of the period: on A4 paper, or in Excel."))
        intro.setWordWrap(True)
        report_layout.addWidget(intro)
        period = FlowLayout()
        day = today(context)
        self.date_from = date_edit(date(day.year, 1, 1), name="reportFrom")
        self.date_to = date_edit(day, name="reportTo")
        period.addWidget(pair(QLabel(self.tr("From")), self.date_from))
        period.addWidget(pair(QLabel(self.tr("to")), self.date_to))
        self.print_button = QPushButton(self.tr("Print report…"), objectName="printReport")
        self.excel_button = QPushButton(self.tr("Report to Excel…"), objectName="exportReport")
        period.addWidget(self.print_button)
        period.addWidget(self.excel_button)
        period.addStretch()
        report_layout.addLayout(period)
        self.message = FormMessage()
        report_layout.addWidget(self.message)
        inner.addWidget(report)
        inner.addStretch()
        self.print_button.clicked.connect(self.print_report)
        self.excel_button.clicked.connect(self.export_report)

    def reload(self) -> None:
        read(self.context, self, sponsorships.sponsorship_coverage, done=self._show)

    def _show(self, coverage: Coverage) -> None:
        self.model.set_rows(list(coverage.projects))
        self.table.resizeColumnsToContents()
        self.posts.setText(self.tr("Lei Feng posts at the village: {posts} (the city's target: {target}).").format(
            posts=coverage.leifeng_posts, target=coverage.leifeng_target))
        self.chart.set_bars(coverage_bars(coverage))

    def _report(self) -> Callable[[UnitOfWork], SponsorshipReport]:
        period_from, period_to = date_text(self.date_from), date_text(self.date_to)
        return lambda uow: sponsorships.sponsorship_report(uow, period_from=period_from, period_to=period_to)

    def _form(self) -> Form:
        self.message.clear()
        return Form(self.message, {"period_from": self.date_from, "period_to": self.date_to})

    def print_report(self) -> Task:
        """Read the report (a long reading, off the screen's thread), then ask where to save its paper."""
        def print_it(report: SponsorshipReport) -> None:
            from ui import printing

            name = self.tr("Sponsorships {start} to {end}.pdf").format(start=report.period_from,
                                                                        end=report.period_to)
            printing.save_and_open_pdf(self, self.context, name,
                                       lambda path: printing.sponsorship_report_pdf(report, path))

        return read(self.context, self, self._report(), done=print_it, form=self._form(), progress=True,
                    title=self.tr("Reading the report…"))

    def export_report(self) -> Task | None:
        """The report's three lists, each a sheet of one workbook, made off the screen's thread."""
        from desktop.spreadsheets import Sheet, workbook_bytes

        load = self._report()
        coverage, overdue = self.columns, sponsorship_columns()
        handovers = [
            Column(self.tr("Date"), lambda h: h.happened_on),
            Column(self.tr("Household"), lambda h: h.head_name),
            Column(self.tr("Sponsor"), lambda h: h.sponsor_name),
            Column(self.tr("Project"), lambda h: label(Project, h.project)),
            Column(self.tr("What"), lambda h: h.what),
            Column(self.tr("Amount"), lambda h: h.amount),
            Column(self.tr("Notes correcting it"), lambda h: h.notes),
        ]
        titles = (self.tr("Coverage"), self.tr("Overdue"), self.tr("Hand-overs"))

        def make(uow: UnitOfWork) -> bytes:
            report = load(uow)
            return workbook_bytes([
                Sheet(titles[0], [c.title for c in coverage], table_rows(coverage, report.coverage.projects)),
                Sheet(titles[1], [c.title for c in overdue], table_rows(overdue, report.overdue)),
                Sheet(titles[2], [c.title for c in handovers], table_rows(handovers, report.handovers))])

        name = self.tr("Sponsorships {start} to {end}").format(start=date_text(self.date_from),
                                                               end=date_text(self.date_to))
        return export_bytes(self, self.context, suggested_name=name, title=self.tr("Sponsorship report"),
                            make_bytes=make)


# -- the area ---------------------------------------------------------------------------------------------------

class SponsorshipsView(ListArea):
    # Sponsorships and their logs, sponsors (a volunteer's name), households (names, categories, merges, status),
    # Lei Feng post duties (the coverage), and the days before a visit is overdue (the settings).
    shows = frozenset({"sponsorships", "sponsorship_events", "sponsors", "households", "volunteers", "activities",
                       "settings"})

    def __init__(self, context: AppContext) -> None:
        super().__init__(context, name="sponsorshipsView", title=self.tr("Sponsorships (5个100)"),
                         table_name="sponsorshipsTable", columns=sponsorship_columns())
        self.may_edit = context.can(Permission.EDIT_HOUSEHOLDS)
        self.last_dialog: QDialog | None = None
        project = QComboBox(objectName="projectFilter")
        project.addItem(self.tr("Every project"), "")
        for choice in Project:
            project.addItem(translate("desktop", choice.label), choice.value)
        self.project_filter = self.add_filter(self.tr("Project"), project)
        status = QComboBox(objectName="statusFilter")
        status.addItem(self.tr("Ongoing or paused"), "open")
        for choice in SponsorshipStatus:
            status.addItem(translate("desktop", choice.label), choice.value)
        status.addItem(self.tr("All"), "all")
        self.status_filter = self.add_filter(self.tr("Status"), status)
        self.overdue_filter = QCheckBox(self.tr("Overdue only"), objectName="overdueOnly")
        self.overdue_filter.setToolTip(self.tr("No visit for the days the settings say, or an instalment missed"))
        self.overdue_filter.toggled.connect(lambda *_: self.read_list())
        self.add_filter(None, self.overdue_filter)
        self.table.doubleClicked.connect(lambda *_: self.open_log())
        self.count_label.setWordWrap(True)  # the count and what is overdue, on two lines where the window is narrow

        self.pair_button = self.add_button(self.tr("Pair a sponsor…"), "pairSponsorship", self.pair,
                                           allowed=self.may_edit)
        self.log_button = self.add_button(self.tr("Visits and hand-overs…"), "openLog", self.open_log)
        self.visit_button = self.add_button(self.tr("Record a visit…"), "recordVisit",
                                            lambda: self.record(EventKind.VISIT.value), allowed=self.may_edit)
        self.handover_button = self.add_button(self.tr("Record a hand-over…"), "recordHandover",
                                               lambda: self.record(EventKind.HANDOVER.value), allowed=self.may_edit)
        self.pledge_button = self.add_button(self.tr("Change pledge…"), "changePledge", self.change_pledge,
                                             allowed=self.may_edit)
        self.status_button = self.add_button(self.tr("Pause or end…"), "changeSponsorshipStatus",
                                             self.change_status, allowed=self.may_edit)
        self.finish(export=(self.tr("Sponsorships {day}").format(day=today(context).isoformat()),
                            self.tr("Sponsorships")))

        # The list is the first tab; the sponsors, the households waiting and the coverage are the others.
        self.tabs = PageTabs(objectName="sponsorshipTabs")
        self.layout().removeWidget(self.list_box)
        self.tabs.addTab(self.list_box, self.tr("Sponsorships"))
        self.sponsors = SponsorsTab(context)
        self.waiting = WaitingTab(context, self.pair_waiting)
        self.coverage = CoverageTab(context)
        self.tabs.addTab(self.sponsors, self.tr("Sponsors"))
        self.tabs.addTab(self.waiting, self.tr("Waiting for a sponsor"))
        self.tabs.addTab(self.coverage, self.tr("Coverage and report"))
        self.layout().addWidget(self.tabs, 1)
        # Only the tab in front reads; a tab reads again when it comes to the front.
        self.tabs.currentChanged.connect(lambda *_: self.refresh())

    # -- the list --------------------------------------------------------------------------------------------

    def current_filter(self) -> SponsorshipFilter:
        status = self.status_filter.currentData()
        statuses = {"open": sponsorships.OPEN, "all": sponsorships.ALL_STATUSES}.get(status, (status,))
        return SponsorshipFilter(project=self.project_filter.currentData() or "", statuses=tuple(statuses),
                                 overdue=self.overdue_filter.isChecked())

    def rows_loader(self) -> Callable[[UnitOfWork], list[SponsorshipRow]]:
        where = self.current_filter()
        return lambda uow: sponsorships.list_sponsorships(uow, where=where)

    def reload(self) -> None:
        page = self.tabs.currentWidget() if hasattr(self, "tabs") else self.list_box
        if page is self.list_box:
            super().reload()
        else:
            page.reload()

    def rows_shown(self, rows) -> None:
        overdue = sum(1 for row in rows if row.overdue)
        self.count_label.setVisible(True)
        text = counted(len(rows), self.tr("1 sponsorship"), self.tr("{count} sponsorships"),
                       count=QLocale().toString(len(rows)))
        if overdue:
            text += "  " + self.tr("⚠ {count} overdue for a visit or a hand-over").format(count=overdue)
        self.count_label.setText(text)

    def update_actions(self) -> None:
        row = self.selected()
        actions = row.actions if row is not None else frozenset()
        self.log_button.setEnabled(row is not None)
        self.visit_button.setEnabled(SponsorshipAction.RECORD_VISIT in actions)
        self.handover_button.setEnabled(SponsorshipAction.RECORD_HANDOVER in actions)
        self.pledge_button.setEnabled(SponsorshipAction.CHANGE_PLEDGE in actions)
        self.status_button.setEnabled(bool(actions & {SponsorshipAction.PAUSE, SponsorshipAction.RESUME,
                                                      SponsorshipAction.END}))

    # -- actions -------------------------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> QDialog:
        """Open a dialog that saves a sponsorship: the save's change reloads the list, the one saved selected."""
        def saved() -> None:
            row = getattr(dialog, "saved", None)
            self.select_next(getattr(row, "sponsorship_id", None) or getattr(row, "id", None))

        dialog.accepted.connect(saved)
        self.last_dialog = open_dialog(dialog)
        return dialog

    def pair(self) -> QDialog | None:
        if not self.may_edit:
            return None
        return self._open(PairDialog(self.context, parent=self))

    def pair_waiting(self, row: WaitingRow) -> QDialog | None:
        """Pair a sponsor with a household waiting for one, then show it in the list of sponsorships."""
        if not self.may_edit:
            return None
        dialog = PairDialog(self.context, household_id=row.household_id, head_name=row.head_name,
                            project=row.project, parent=self)
        dialog.accepted.connect(lambda: self.tabs.setCurrentWidget(self.list_box))
        return self._open(dialog)

    def open_log(self) -> QDialog | None:
        row = self.selected()
        if row is None:
            return None
        self.last_dialog = open_dialog(LogDialog(self.context, row, self))
        return self.last_dialog

    def record(self, kind: str) -> QDialog | None:
        row = self.selected()
        wanted = SponsorshipAction.RECORD_VISIT if kind == EventKind.VISIT else SponsorshipAction.RECORD_HANDOVER
        if row is None or wanted not in row.actions:
            return None
        return self._open(EventDialog(self.context, row, kind, parent=self))

    def change_pledge(self) -> QDialog | None:
        row = self.selected()
        if row is None or SponsorshipAction.CHANGE_PLEDGE not in row.actions:
            return None
        return self._open(PairDialog(self.context, row, parent=self))

    def change_status(self) -> QDialog | None:
        row = self.selected()
        if row is None or not row.actions & {SponsorshipAction.PAUSE, SponsorshipAction.RESUME,
                                             SponsorshipAction.END}:
            return None
        return self._open(SponsorshipStatusDialog(self.context, row, self))
