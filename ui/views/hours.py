"""The service-hours area (服务时长): totals with a chart, a volunteer's records, star levels and certificates."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.roles import Permission
from desktop.domain.volunteering import MOST_HOURS_PER_RECORD, HoursKind, hours_figure
from desktop.services import certificates, hours
from desktop.services.certificates import CertificateDraft, CertificateInfo
from desktop.services.hours import HoursRecord, StarRiser, TeamTotal, VolunteerTotal
from desktop.storage.uow import UnitOfWork
from ui import dialogs
from ui.charts import RED, Bar, BarChart, Series
from ui.context import AppContext
from ui.dialogs import open_dialog
from ui.export import export_rows
from ui.forms import FormMessage, clear_problems, heading, report, save_cancel_buttons
from ui.i18n import counted, error_text
from ui.layouts import scrolling_part
from ui.operations import Form, read, write
from ui.programme import HoursBox, date_edit, date_text, hours_column, hours_text, label, stars, today
from ui.table import Column, RecordTableModel, select_by_id, selected_object, sortable_table
from ui.views import LoadsWhenShown

log = logging.getLogger(__name__)


class VolunteerChoice(QWidget):
    """The volunteer a tab is about: their name and a button that opens the volunteer picker."""

    changed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.volunteer_id, self.name = "", ""
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.name_label = QLabel(self.tr("No volunteer chosen"), objectName="volunteerName")
        self.button = QPushButton(self.tr("Choose volunteer…"), objectName="chooseVolunteer")
        row.addWidget(self.name_label)
        row.addWidget(self.button)
        row.addStretch()
        self.button.clicked.connect(self.pick)

    def pick(self) -> QDialog:
        from ui.volunteer_picker import pick_one
        return pick_one(self, self.context, lambda row: self.set_volunteer(row.id, row.name))

    def set_volunteer(self, volunteer_id: str, name: str) -> None:
        self.volunteer_id, self.name = volunteer_id, name
        self.name_label.setText(name)
        self.changed.emit(volunteer_id)


# -- totals -------------------------------------------------------------------------------------------

def month_chart() -> BarChart:
    """Hours per month of one year as twelve bars."""
    return BarChart([Series(QCoreApplication.translate("MonthChart", "Hours"), RED)], name="monthChart",
                    tip=QCoreApplication.translate("MonthChart", "Hours of service in each month"),
                    figure=hours_figure)


class TotalsTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("totalsTab")
        layout = scrolling_part(QVBoxLayout(self))  # scrolls when the window is too low for it
        day = today(context)
        period = QHBoxLayout()
        self.date_from = date_edit(date(day.year, 1, 1), name="dateFrom")
        self.date_to = date_edit(day, name="dateTo")
        self.show_button = QPushButton(self.tr("Show"), objectName="showTotals")
        period.addWidget(QLabel(self.tr("From")))
        period.addWidget(self.date_from)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.date_to)
        period.addWidget(self.show_button)
        period.addStretch()
        layout.addLayout(period)

        lists = QHBoxLayout()
        self.volunteer_columns = [
            Column(self.tr("Name"), lambda t: t.name, names=True),
            hours_column(self.tr("Hours"), lambda t: t.hours),
            Column(self.tr("Star level"), lambda t: stars(t.star_level), sort_value=lambda t: t.star_level),
        ]
        self.by_volunteer = RecordTableModel(self.volunteer_columns, row_id=lambda t: t.volunteer_id, parent=self)
        self.volunteer_proxy, self.volunteer_table = sortable_table(self.by_volunteer, name="totalsByVolunteer",
                                                                    parent=self)
        self.team_columns = [
            Column(self.tr("Team"), lambda t: t.name),
            hours_column(self.tr("Hours"), lambda t: t.hours),
            Column(self.tr("Volunteers"), lambda t: t.volunteers, align_right=True),
        ]
        self.by_team = RecordTableModel(self.team_columns, row_id=lambda t: t.team_id, parent=self)
        self.team_proxy, self.team_table = sortable_table(self.by_team, name="totalsByTeam", parent=self)
        for title, table, export_name, exporter in (
                (self.tr("By volunteer"), self.volunteer_table, "exportVolunteers", self.export_volunteers),
                (self.tr("By team"), self.team_table, "exportTeams", self.export_teams)):
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            inner.addWidget(table)
            button = QPushButton(self.tr("Export to Excel…"), objectName=export_name)
            button.clicked.connect(exporter)
            inner.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            lists.addWidget(box)
        layout.addLayout(lists, 1)

        chart_box = QGroupBox(self.tr("Hours per month"))
        chart_layout = QVBoxLayout(chart_box)
        year_row = QHBoxLayout()
        self.year = QSpinBox(objectName="chartYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(day.year)
        year_row.addWidget(QLabel(self.tr("Year")))
        year_row.addWidget(self.year)
        year_row.addStretch()
        chart_layout.addLayout(year_row)
        self.chart = month_chart()
        chart_layout.addWidget(self.chart)
        layout.addWidget(chart_box)
        self.show_button.clicked.connect(self.reload)
        self.year.valueChanged.connect(lambda *_: self.reload_chart())

    def _period(self) -> tuple[str, str]:
        return date_text(self.date_from), date_text(self.date_to)

    def _loader(self, totals) -> Callable[[UnitOfWork], list]:
        # The period is read here, on the UI thread; the returned function runs on a worker thread.
        date_from, date_to = self._period()

        def load(uow: UnitOfWork) -> list:
            return totals(uow, date_from=date_from, date_to=date_to)

        return load

    def volunteers_loader(self) -> Callable[[UnitOfWork], list[VolunteerTotal]]:
        return self._loader(hours.totals_by_volunteer)

    def teams_loader(self) -> Callable[[UnitOfWork], list[TeamTotal]]:
        return self._loader(hours.totals_by_team)

    def reload(self) -> None:
        # Totals of a large village take about a second: a read off the screen's thread, the lists
        # shown as they were until it answers.  The services report no progress, so no progress window.
        by_volunteer, by_team = self.volunteers_loader(), self.teams_loader()
        read(self.context, self, lambda uow: (by_volunteer(uow), by_team(uow)), done=self._show_totals)
        self.reload_chart()

    def _show_totals(self, totals: tuple[list[VolunteerTotal], list[TeamTotal]]) -> None:
        by_volunteer, by_team = totals
        self.by_volunteer.set_rows(by_volunteer)
        self.by_team.set_rows(by_team)

    def reload_chart(self) -> None:
        year = self.year.value()
        read(self.context, self, lambda uow: hours.monthly_hours(uow, year=year),
             done=lambda values: self._show_chart(year, values))

    def _show_chart(self, year: int, values: list[float]) -> None:
        if year == self.year.value():  # else the chosen year's hours are on their way
            self.chart.set_bars([Bar(str(month), (value,)) for month, value in enumerate(values[:12], start=1)])

    def export_volunteers(self) -> None:
        export_rows(self, self.context, suggested_name=self.tr("Hours by volunteer.xlsx"),
                    title=self.tr("Hours by volunteer"), columns=self.volunteer_columns,
                    rows_loader=self.volunteers_loader())

    def export_teams(self) -> None:
        export_rows(self, self.context, suggested_name=self.tr("Hours by team.xlsx"), title=self.tr("Hours by team"),
                    columns=self.team_columns, rows_loader=self.teams_loader())


# -- one volunteer's records --------------------------------------------------------------------------

class HonourHoursDialog(QDialog):
    """The station admin adds honour hours, up to the yearly cap per volunteer."""

    def __init__(self, context: AppContext, volunteer_id: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.volunteer_id = context, volunteer_id
        self.setObjectName("honourHoursDialog")
        self.setWindowTitle(self.tr("Add honour hours"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Honour hours for {name}").format(name=name)))
        self.hours = HoursBox(name="hours", most=MOST_HOURS_PER_RECORD)
        self.hours.setSingleStep(0.5)
        self.served_on = date_edit(today(context), name="servedOn")
        self.reason = QLineEdit(objectName="reason")
        form.addRow(self.tr("Hours"), self.hours)
        form.addRow(self.tr("Date"), self.served_on)
        form.addRow(self.tr("Reason"), self.reason)
        self.message = FormMessage()
        form.addRow(self.message)
        form.addRow(save_cancel_buttons(self, self.save))

    @property
    def fields(self):
        return {"hours": self.hours, "served_on": self.served_on, "reason": self.reason}

    def save(self) -> None:
        volunteer_id, amount = self.volunteer_id, self.hours.value()
        served_on, reason = date_text(self.served_on), self.reason.text()
        write(self.context, self,
              lambda uow: hours.add_honour_hours(uow, volunteer_id=volunteer_id, hours=amount, served_on=served_on,
                                                 reason=reason),
              form=Form(self.message, self.fields), done=lambda _: self.accept())


class CorrectionDialog(QDialog):
    """Correct a record: the original stays, a reversing record is added, and a replacement if new hours are given."""

    def __init__(self, context: AppContext, record: HoursRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.record = context, record
        self.setObjectName("correctionDialog")
        self.setWindowTitle(self.tr("Correct hours"))
        form = QFormLayout(self)
        intro = QLabel(self.tr("The record of {hours} on {date} stays in the history. A correction that takes "
                               "it back is added, and, if you give new hours, a record with those hours.").format(
            hours=hours_text(record.hours), date=record.served_on))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.reason = QLineEdit(objectName="reason")
        self.replace = QCheckBox(self.tr("Record new hours instead"), objectName="replace")
        self.new_hours = HoursBox(name="newHours", most=MOST_HOURS_PER_RECORD)
        self.new_hours.setValue(abs(record.hours))
        self.new_hours.setEnabled(False)
        self.replace.toggled.connect(self.new_hours.setEnabled)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.replace)
        form.addRow(self.tr("New hours"), self.new_hours)
        self.message = FormMessage()
        form.addRow(self.message)
        form.addRow(save_cancel_buttons(self, self.save))

    @property
    def fields(self):
        return {"reason": self.reason, "new_hours": self.new_hours}

    def save(self) -> None:
        clear_problems(self.message, self.fields)
        if not self.reason.text().strip():
            self.message.show_problem(self.tr("Say why the hours are corrected."))
            self.reason.setFocus()
            return
        record_id, reason = self.record.id, self.reason.text()
        new_hours = self.new_hours.value() if self.replace.isChecked() else None
        write(self.context, self,
              lambda uow: hours.correct_hours(uow, record_id=record_id, reason=reason, new_hours=new_hours),
              form=Form(self.message, self.fields), done=lambda _: self.accept())


class RecordsTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("recordsTab")
        layout = QVBoxLayout(self)
        self.volunteer = VolunteerChoice(context)
        layout.addWidget(self.volunteer)
        self.columns = [
            Column(self.tr("Date"), lambda r: r.served_on),
            Column(self.tr("Kind"), lambda r: label(HoursKind, r.kind)),
            hours_column(self.tr("Hours"), lambda r: r.hours),
            Column(self.tr("Content"), lambda r: r.content),
            Column(self.tr("Reason"), lambda r: r.reason),
            Column(self.tr("Recorded by"), lambda r: r.recorded_by_name, names=True),
            Column(self.tr("Taken back"), lambda r: self.tr("Taken back") if r.reversed else ""),
        ]
        self.model = RecordTableModel(self.columns, row_id=lambda r: r.id, parent=self)
        self.proxy, self.table = sortable_table(self.model, name="hoursRecords", parent=self)
        layout.addWidget(self.table, 1)
        self.total_label = QLabel(objectName="recordsTotal")
        layout.addWidget(self.total_label)
        buttons = QHBoxLayout()
        self.honour_button = QPushButton(self.tr("Add honour hours…"), objectName="addHonour")
        self.correct_button = QPushButton(self.tr("Correct…"), objectName="correct")
        self.export_button = QPushButton(self.tr("Export to Excel…"), objectName="exportRecords")
        for button in (self.honour_button, self.correct_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.honour_button.setVisible(context.can(Permission.GRANT_HONOUR_HOURS))
        self.correct_button.setVisible(context.can(Permission.EDIT_VOLUNTEER_WORK))
        self.honour_button.clicked.connect(self.add_honour)
        self.correct_button.clicked.connect(self.correct_selected)
        self.export_button.clicked.connect(self.export)
        self.volunteer.changed.connect(lambda *_: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._show_records("", [])

    def rows_loader(self) -> Callable[[UnitOfWork], list[HoursRecord]]:
        # The chosen volunteer is read here, on the UI thread; the returned function runs on a worker.
        volunteer_id = self.volunteer.volunteer_id

        def load(uow: UnitOfWork) -> list[HoursRecord]:
            if not volunteer_id:
                return []
            return hours.list_hours(uow, volunteer_id=volunteer_id)

        return load

    def reload(self) -> None:
        volunteer_id = self.volunteer.volunteer_id
        if not volunteer_id:
            self._show_records("", [])
            return
        read(self.context, self, self.rows_loader(), done=lambda rows: self._show_records(volunteer_id, rows))

    def _show_records(self, volunteer_id: str, rows: list[HoursRecord]) -> None:
        if volunteer_id != self.volunteer.volunteer_id:
            return  # another volunteer was chosen meanwhile; their records are on their way
        current = self.selected()
        self.model.set_rows(rows)
        if current is not None:
            select_by_id(self.table, current.id)
        if self.volunteer.volunteer_id:
            self.total_label.setText(self.tr("In all: {hours}").format(hours=hours_text(sum(r.hours for r in rows))))
        else:
            self.total_label.setText(self.tr("Choose a volunteer to see their hours."))
        self._update_buttons()

    def selected(self) -> HoursRecord | None:
        return selected_object(self.table)

    def _update_buttons(self) -> None:
        record = self.selected()
        self.honour_button.setEnabled(bool(self.volunteer.volunteer_id))
        self.correct_button.setEnabled(record is not None and record.correctable)
        self.export_button.setEnabled(bool(self.volunteer.volunteer_id))

    def add_honour(self) -> QDialog | None:
        if not self.volunteer.volunteer_id:
            return None
        dialog = HonourHoursDialog(self.context, self.volunteer.volunteer_id, self.volunteer.name, self)
        return open_dialog(dialog)  # the saved hours come back through the change event's reload

    def correct_selected(self) -> QDialog | None:
        record = self.selected()
        return open_dialog(CorrectionDialog(self.context, record, self)) if record else None

    def export(self) -> None:
        export_rows(self, self.context, suggested_name=self.tr("Hours of {name}.xlsx").format(name=self.volunteer.name),
                    title=self.volunteer.name, columns=self.columns, rows_loader=self.rows_loader())


# -- star levels --------------------------------------------------------------------------------------

class StarsTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("starsTab")
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Volunteers who reached a new star level since the last announcement."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.columns = [
            Column(self.tr("Name"), lambda s: s.name, names=True),
            hours_column(self.tr("Hours"), lambda s: s.hours),
            Column(self.tr("New level"), lambda s: stars(s.level), sort_value=lambda s: s.level),
            Column(self.tr("Last announced"), lambda s: stars(s.last_noticed_level),
                   sort_value=lambda s: s.last_noticed_level),
        ]
        self.model = RecordTableModel(self.columns, row_id=lambda s: s.volunteer_id, parent=self)
        self.proxy, self.table = sortable_table(self.model, name="starRisers", parent=self)
        layout.addWidget(self.table, 1)
        self.message = FormMessage()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.announce_button = QPushButton(self.tr("Mark as announced"), objectName="markAnnounced")
        self.export_button = QPushButton(self.tr("Export to Excel…"), objectName="exportStars")
        buttons.addWidget(self.announce_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.announce_button.setVisible(context.can(Permission.EDIT_VOLUNTEER_WORK))
        self.announce_button.clicked.connect(self.mark_announced)
        self.export_button.clicked.connect(self.export)

    @staticmethod
    def load_rows(uow: UnitOfWork) -> list[StarRiser]:
        return hours.star_risers(uow)

    def reload(self) -> None:
        # Every volunteer's hours are summed: about a second in a large village, so a read off the
        # screen's thread.  The service reports no progress, so no progress window.
        read(self.context, self, self.load_rows, done=self._show_risers)

    def _show_risers(self, risers: list[StarRiser]) -> None:
        self.model.set_rows(risers)
        self.announce_button.setEnabled(self.model.rowCount() > 0)

    def mark_announced(self) -> None:
        risers = [self.model.row_object(row) for row in range(self.model.rowCount())]
        if not risers:
            return
        question = counted(len(risers), self.tr(
            "Mark the new star level of 1 volunteer as announced? They leave this list until they reach the next "
            "level."), self.tr("Mark the new star levels of {count} volunteers as announced? They leave this list "
                               "until they reach the next level."))
        if not dialogs.confirm(self, self.tr("Mark as announced"), question, action=self.tr("Mark as announced")):
            return
        volunteer_ids = [r.volunteer_id for r in risers]
        write(self.context, self, lambda uow: hours.record_star_notice(uow, volunteer_ids=volunteer_ids),
              done=self._announced)

    def _announced(self, count: int) -> None:
        self.message.show_done(counted(count, self.tr("1 star level marked as announced."),
                                       self.tr("{count} star levels marked as announced.")))

    def export(self) -> None:
        export_rows(self, self.context, suggested_name=self.tr("New star levels.xlsx"),
                    title=self.tr("New star levels"), columns=self.columns, rows_loader=self.load_rows)


# -- certificates -------------------------------------------------------------------------------------

class CertificatesTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("certificatesTab")
        layout = scrolling_part(QVBoxLayout(self))  # scrolls when the window is too low for it
        issue_box = QGroupBox(self.tr("Issue a certificate"))
        form = QFormLayout(issue_box)
        self.volunteer = VolunteerChoice(context)
        day = today(context)
        self.period_from = date_edit(date(day.year, 1, 1), name="periodFrom")
        self.period_to = date_edit(day, name="periodTo")
        period = QHBoxLayout()
        period.addWidget(self.period_from)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.period_to)
        period.addStretch()
        form.addRow(self.tr("Volunteer"), self.volunteer)
        form.addRow(self.tr("Period"), period)
        self.preview = QLabel(objectName="certificatePreview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.preview)
        self.message = FormMessage()
        form.addRow(self.message)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Preview…"), objectName="previewCertificate")
        self.preview_button.setToolTip(self.tr("See the certificate as it will print, marked as a sample and "
                                               "without a number, before it is issued."))
        self.issue_button = QPushButton(self.tr("Issue and print…"), objectName="issueCertificate")
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.issue_button)
        buttons.addStretch()
        form.addRow(buttons)
        layout.addWidget(issue_box)

        register = QGroupBox(self.tr("Issue register"))
        inner = QVBoxLayout(register)
        self.columns = [
            Column(self.tr("Number"), lambda c: c.number),
            Column(self.tr("Name"), lambda c: c.name, names=True),
            Column(self.tr("Period"), lambda c: f"{c.period_from} – {c.period_to}"),
            hours_column(self.tr("Hours"), lambda c: c.hours),
            Column(self.tr("Issued on"), lambda c: c.issued_on),
            Column(self.tr("Issued by"), lambda c: c.issued_by_name, names=True),
            Column(self.tr("Reprint"), lambda c: self.tr("Reprint") if c.reprint_of else ""),
        ]
        self.model = RecordTableModel(self.columns, row_id=lambda c: c.id, parent=self)
        self.proxy, self.table = sortable_table(self.model, name="certificateRegister", parent=self)
        inner.addWidget(self.table)
        register_buttons = QHBoxLayout()
        self.reprint_button = QPushButton(self.tr("Reprint…"), objectName="reprint")
        self.export_button = QPushButton(self.tr("Export to Excel…"), objectName="exportCertificates")
        register_buttons.addWidget(self.reprint_button)
        register_buttons.addWidget(self.export_button)
        register_buttons.addStretch()
        inner.addLayout(register_buttons)
        layout.addWidget(register, 1)

        may_issue = context.can(Permission.EDIT_VOLUNTEER_WORK)
        issue_box.setVisible(may_issue)
        self.reprint_button.setVisible(may_issue)
        self.draft: CertificateDraft | None = None  # what would be issued now, once it is read
        # The draft is read again when the volunteer or the period changes, a moment after the typing stops.
        self._redraft = QTimer(self, singleShot=True, interval=300)
        self._redraft.timeout.connect(self.show_preview)
        self.preview_button.clicked.connect(self.open_sample)
        self.issue_button.clicked.connect(self.issue)
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.export_button.clicked.connect(self.export)
        self.volunteer.changed.connect(lambda *_: self.show_preview())
        self.period_from.dateChanged.connect(lambda *_: self._asked_changed())
        self.period_to.dateChanged.connect(lambda *_: self._asked_changed())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    @property
    def fields(self):
        return {"volunteer_id": self.volunteer.button, "period_from": self.period_from,
                "period_to": self.period_to}

    @staticmethod
    def load_rows(uow: UnitOfWork) -> list[CertificateInfo]:
        return certificates.list_certificates(uow)

    def reload(self) -> None:
        read(self.context, self, self.load_rows, done=self._show_register)

    def _show_register(self, rows: list[CertificateInfo]) -> None:
        current = self.selected()
        self.model.set_rows(rows)
        if current is not None:
            select_by_id(self.table, current.id)
        self._update_buttons()

    def selected(self) -> CertificateInfo | None:
        return selected_object(self.table)

    def _update_buttons(self) -> None:
        # Only a draft with hours, for the volunteer and period chosen now, can be looked at or issued.
        has_hours = self.draft is not None
        self.issue_button.setEnabled(has_hours)
        self.preview_button.setEnabled(has_hours)
        self.reprint_button.setEnabled(self.selected() is not None)

    def _forget_draft(self) -> None:
        """What was said about another volunteer or period goes: its preview, its problem, its buttons."""
        self.draft = None
        self.preview.clear()
        clear_problems(self.message, self.fields)
        self._update_buttons()

    def _asked_changed(self) -> None:
        self._forget_draft()
        if self.volunteer.volunteer_id:
            self._redraft.start()

    def _asked(self) -> tuple[str, str, str]:
        """The volunteer and period chosen now (read on the screen's thread)."""
        return self.volunteer.volunteer_id, date_text(self.period_from), date_text(self.period_to)

    def show_preview(self) -> None:
        """Read what would be issued for the volunteer and period chosen now, and show it."""
        self._redraft.stop()
        self._forget_draft()  # a problem with this volunteer or period leaves no preview
        if not self.volunteer.volunteer_id:
            return
        asked = volunteer_id, period_from, period_to = self._asked()
        read(self.context, self,
             lambda uow: certificates.draft_certificate(uow, volunteer_id=volunteer_id, period_from=period_from,
                                                        period_to=period_to),
             form=Form(self.message, self.fields), done=lambda draft: self._show_draft(asked, draft))

    def _show_draft(self, asked: tuple[str, str, str], draft: CertificateDraft) -> None:
        if asked != self._asked():
            return  # the volunteer or the period changed meanwhile
        self.draft = draft
        self._update_buttons()
        lines = [self.tr("{name}, ID {id}, served {hours} from {start} to {end}.").format(
            name=draft.name, id=draft.id_shown, hours=hours_text(draft.hours), start=draft.period_from,
            end=draft.period_to)]
        shown = 8  # a year of Fridays would push the register off the screen; the PDF lists them all
        lines.extend(f"· {item.served_on}  {item.content}  {hours_text(item.hours)}" if item.hours is not None
                     else f"· {item.content}" for item in draft.content[:shown])
        if len(draft.content) > shown:
            lines.append(self.tr("… and {count} more").format(count=len(draft.content) - shown))
        lines.append(self.tr("Issued by {issuer}").format(issuer=draft.issuer))
        self.preview.setText("\n".join(lines))

    def open_sample(self) -> None:
        """The certificate as it would print, marked as a sample and without a number: nothing is issued."""
        from ui import printing
        draft = self.draft
        if draft is None:
            return
        try:
            path = printing.certificate_sample(draft, today=today(self.context), folder=self.context.folder)
        except OSError as exc:
            log.warning("could not write the certificate's sample: %s", exc)  # the system's words, for the log
            self.message.show_problem(self.tr(
                "The sample could not be made. If the last sample is still open in a PDF viewer, close it and try "
                "again. Issuing still works: the certificate is saved where you choose."))
            return
        printing.open_saved_pdf(self, path)

    def issue(self) -> None:
        """Ask where to save first; the register keeps the certificate and its number only once it is saved
        there (a cancelled question issues nothing)."""
        from ui import printing
        draft = self.draft
        if draft is None:
            return
        volunteer_id, period_from, period_to = self._asked()
        name = self.tr("Certificate {name} {start} to {end}.pdf").format(name=draft.name, start=period_from,
                                                                         end=period_to)
        path = printing.ask_pdf_path(self, name)
        if path is None:
            return
        self._issue(volunteer_id, period_from, period_to, path, again=False)

    def _issue(self, volunteer_id: str, period_from: str, period_to: str, path: Path, *, again: bool) -> None:
        from ui import printing
        draft = self.draft
        paper = printing.CertificatePaper(path, reprint=False, today=today(self.context))
        write(self.context, self,
              lambda uow: certificates.issue_certificate(uow, volunteer_id=volunteer_id, period_from=period_from,
                                                         period_to=period_to, paper=paper, again=again),
              form=Form(self.message, self.fields), done=lambda info: self._issued(info, paper.path),
              failed=lambda error: self._not_issued(error, volunteer_id, period_from, period_to, path),
              prepare=lambda: paper.prepare(draft))

    def _not_issued(self, error: BaseException, volunteer_id: str, period_from: str, period_to: str,
                    path: Path) -> None:
        """A period certified already is a question (a copy is a reprint, with the same number); anything else
        is said beside the form."""
        if isinstance(error, certificates.IssuedAlready) and dialogs.confirm(
                self, self.tr("Certificate issued already"),
                self.tr("{problem}\n\nIssue a new certificate, with a new number, for the same period "
                        "anyway?").format(problem=error_text(error)),
                action=self.tr("Issue a new one")):
            self._issue(volunteer_id, period_from, period_to, path, again=True)
            return
        report(error, message=self.message, fields=self.fields, parent=self)

    def _issued(self, info: CertificateInfo, path: Path) -> None:
        from ui import printing
        # The register shows the new certificate through the change event's reload.
        self.message.show_done(self.tr("Certificate {number} issued and saved as {file}.").format(
            number=info.number, file=path))
        printing.open_saved_pdf(self, path)

    def reprint_selected(self) -> None:
        """A reprint is asked where to save first too, and entered in the register once it is saved."""
        from ui import printing
        chosen = self.selected()
        if chosen is None:
            return
        name = self.tr("Certificate {number} {name} reprint.pdf").format(number=chosen.number, name=chosen.name)
        path = printing.ask_pdf_path(self, name)
        if path is None:
            return
        certificate_id = chosen.id
        paper = printing.CertificatePaper(path, reprint=True, today=today(self.context))
        write(self.context, self,
              lambda uow: certificates.reprint_certificate(uow, certificate_id=certificate_id, paper=paper),
              done=lambda info: printing.open_saved_pdf(self, paper.path), prepare=lambda: paper.prepare(chosen))

    def export(self) -> None:
        export_rows(self, self.context, suggested_name=self.tr("Certificate register.xlsx"),
                    title=self.tr("Certificate register"), columns=self.columns, rows_loader=self.load_rows)


class HoursView(LoadsWhenShown, QWidget):
    # Hours (closed activities and honour hours both write service_hours), names and merges, the teams of
    # the totals by team, announced star levels, the register, and the thresholds and caps in the settings.
    shows = frozenset({"service_hours", "volunteers", "teams", "team_members", "star_notices", "certificates",
                       "settings"})

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("hoursView")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Service hours")))
        self.tabs = QTabWidget(objectName="hoursTabs")
        self.totals = TotalsTab(context)
        self.records = RecordsTab(context)
        self.stars = StarsTab(context)
        self.certificates = CertificatesTab(context)
        self.tabs.addTab(self.totals, self.tr("Totals"))
        self.tabs.addTab(self.records, self.tr("Records"))
        self.tabs.addTab(self.stars, self.tr("Star levels"))
        self.tabs.addTab(self.certificates, self.tr("Certificates"))
        layout.addWidget(self.tabs, 1)
        # Only the tab in front loads: the totals of a large village take a moment, and a tab is
        # loaded again whenever it comes to the front.
        self.tabs.currentChanged.connect(lambda *_: self.refresh())
        self.follow_changes(context)

    def reload(self) -> None:
        self.tabs.currentWidget().reload()
