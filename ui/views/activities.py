"""The activities area (志愿服务活动): planning, the roster and sign-in, and closing an activity to record its hours."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.households import takes_trainees
from desktop.domain.roles import Permission
from desktop.domain.volunteering import (
    VOLUNTEER_DAY_END,
    VOLUNTEER_DAY_START,
    ActivityAction,
    ActivityKind,
    ActivityStage,
    ActivityStatus,
    ClosingWait,
    fridays,
)
from desktop.services import activities
from desktop.services.activities import (
    ActivityForm,
    ActivityInfo,
    CloseResult,
    ClosingSummary,
    ParticipantInfo,
    PlannedDays,
    SignInSheet,
)
from desktop.storage.uow import UnitOfWork
from ui import dialogs
from ui.context import AppContext
from ui.dialogs import open_dialog
from ui.forms import FormMessage, save_cancel_buttons
from ui.i18n import translate
from ui.layouts import FlowLayout
from ui.operations import Form, read, write
from ui.programme import date_edit, date_text, hhmm, hours_text, label, set_date, team_combo, time_edit, today
from ui.table import Column
from ui.views.lists import ListArea

# -- planning -----------------------------------------------------------------------------------------

class ActivityDialog(QDialog):
    """Plan a new activity, or change one that is still planned."""

    def __init__(self, context: AppContext, activity: ActivityInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.activity = context, activity
        self.setObjectName("activityDialog")
        self.setWindowTitle(self.tr("New activity") if activity is None else self.tr("Change activity"))
        form = QFormLayout(self)
        self.kind = QComboBox(objectName="kind")
        for kind in ActivityKind:
            self.kind.addItem(translate("desktop", kind.label), kind.value)
        self.title_edit = QLineEdit(objectName="title")
        self.date = date_edit(today(context), name="date")
        self.start_time = time_edit(hhmm(VOLUNTEER_DAY_START), name="startTime")
        self.end_time = time_edit(hhmm(VOLUNTEER_DAY_END), name="endTime")
        times = QHBoxLayout()
        times.addWidget(self.start_time)
        times.addWidget(QLabel(self.tr("to")))
        times.addWidget(self.end_time)
        times.addStretch()
        self.place = QLineEdit(objectName="place")
        self.team = team_combo(context, name="team", none=self.tr("(no team)"),
                               chosen=activity.team_id if activity is not None else "")
        self.description = QPlainTextEdit(objectName="description")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(70)
        self.trained = QPlainTextEdit(objectName="trained")
        self.trained.setTabChangesFocus(True)
        self.trained.setFixedHeight(70)
        self.trained_label = QLabel(self.tr("Who or which households were trained"))
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Time"), times)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Organising team"), self.team)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.trained_label, self.trained)
        self.message = FormMessage()
        form.addRow(self.message)
        form.addRow(save_cancel_buttons(self, self.save))
        self._suggested = ""
        self.saved: ActivityInfo | None = None
        if activity is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(activity.kind), 0))
            self.title_edit.setText(activity.title)
            set_date(self.date, activity.date)
            self.start_time.setTime(QTime.fromString(activity.start_time, "HH:mm"))
            self.end_time.setTime(QTime.fromString(activity.end_time, "HH:mm"))
            self.place.setText(activity.place)
            self.description.setPlainText(activity.description)
            self.trained.setPlainText(activity.trained)
            self._suggested = self.kind.currentText() if activity.title == self.kind.currentText() else ""
        else:
            self._kind_changed()
        self._show_trained()
        self.kind.currentIndexChanged.connect(lambda *_: self._kind_changed())

    def _kind_changed(self) -> None:
        # The title follows the kind until the person types their own.
        if not self.title_edit.text().strip() or self.title_edit.text() == self._suggested:
            self._suggested = self.kind.currentText()
            self.title_edit.setText(self._suggested)
        self._show_trained()

    def _show_trained(self) -> None:
        training = self.kind.currentData() == ActivityKind.TRAINING.value
        self.trained.setVisible(training)
        self.trained_label.setVisible(training)

    @property
    def fields(self):
        return {"kind": self.kind, "title": self.title_edit, "date": self.date, "start_time": self.start_time,
                "end_time": self.end_time, "place": self.place, "team_id": self.team,
                "description": self.description, "trained": self.trained}

    def form_values(self) -> ActivityForm:
        training = self.kind.currentData() == ActivityKind.TRAINING.value
        return ActivityForm(kind=self.kind.currentData(), title=self.title_edit.text(), date=date_text(self.date),
                            start_time=self.start_time.time().toString("HH:mm"),
                            end_time=self.end_time.time().toString("HH:mm"), place=self.place.text(),
                            team_id=self.team.currentData() or "", description=self.description.toPlainText(),
                            trained=self.trained.toPlainText() if training else "")

    def save(self) -> None:
        form, activity = self.form_values(), self.activity

        def work(uow: UnitOfWork) -> ActivityInfo:
            if activity is None:
                return activities.plan_activity(uow, form=form)
            return activities.update_activity(uow, activity_id=activity.id, form=form)

        write(self.context, self, work, form=Form(self.message, self.fields), done=self._saved)

    def _saved(self, activity: ActivityInfo) -> None:
        self.saved = activity
        self.accept()


class VolunteerDaysDialog(QDialog):
    """Plan the Friday-afternoon volunteer day (每周五下午) for several weeks at once."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("volunteerDaysDialog")
        self.setWindowTitle(self.tr("Plan volunteer days"))
        form = QFormLayout(self)
        intro = QLabel(self.tr("One volunteer day each Friday afternoon, 14:00 to 17:00."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.first = date_edit(fridays(today(context), 1)[0], name="first")
        self.weeks = QSpinBox(objectName="weeks")
        self.weeks.setRange(1, 52)
        self.weeks.setValue(4)
        self.title_edit = QLineEdit(translate("desktop", ActivityKind.VOLUNTEER_DAY.label), objectName="title")
        self.team = team_combo(context, name="team", none=self.tr("(no team)"))
        self.place = QLineEdit(objectName="place")
        form.addRow(self.tr("First Friday"), self.first)
        form.addRow(self.tr("Number of weeks"), self.weeks)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Organising team"), self.team)
        form.addRow(self.tr("Place"), self.place)
        self.message = FormMessage()
        form.addRow(self.message)
        form.addRow(save_cancel_buttons(self, self.save))
        self.planned: list[ActivityInfo] = []
        self.skipped: tuple[str, ...] = ()  # Fridays that had a volunteer day already

    @property
    def fields(self):
        return {"first": self.first, "weeks": self.weeks, "title": self.title_edit, "team_id": self.team,
                "place": self.place}

    def save(self) -> None:
        first, weeks, title = date_text(self.first), self.weeks.value(), self.title_edit.text()
        place, team_id = self.place.text(), self.team.currentData() or ""
        write(self.context, self,
              lambda uow: activities.plan_volunteer_days(uow, first=first, weeks=weeks, title=title, place=place,
                                                         team_id=team_id),
              form=Form(self.message, self.fields), done=self._saved)

    def _saved(self, result: PlannedDays) -> None:
        self.planned, self.skipped = list(result.planned), result.skipped
        self.accept()


# -- roster and sign-in -------------------------------------------------------------------------------

class RosterDialog(QDialog):
    """Who is on the roster of one activity, and who came: a tick per person, saved with "Save sign-in"."""

    COME, NAME, PHONE, SHIFT, HOURS = range(5)

    def __init__(self, context: AppContext, activity: ActivityInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.activity = context, activity
        self.setObjectName("rosterDialog")
        self.setWindowTitle(self.tr("Roster and sign-in"))
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{title}, {date} {start}–{end}").format(
            title=activity.title, date=activity.date, start=activity.start_time, end=activity.end_time)))
        self.editable = ActivityAction.SIGN_IN in activity.actions
        if activity.status == ActivityStatus.CLOSED.value:
            note = QLabel(self.tr("This activity is closed and its hours are recorded; the sign-in can no "
                                  "longer be changed."))
            note.setWordWrap(True)
            layout.addWidget(note)
        self.table = QTableWidget(0, 5, objectName="participants")
        self.table.setHorizontalHeaderLabels([self.tr("Came"), self.tr("Name"), self.tr("Phone"), self.tr("Shift"),
                                              self.tr("Hours")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        self.shift_row = QWidget()
        shift = QHBoxLayout(self.shift_row)
        shift.setContentsMargins(0, 0, 0, 0)
        self.shift_start = time_edit(activity.start_time, name="shiftStart")
        self.shift_end = time_edit(activity.end_time, name="shiftEnd")
        shift.addWidget(QLabel(self.tr("Shift of the people added next: from")))
        shift.addWidget(self.shift_start)
        shift.addWidget(QLabel(self.tr("to")))
        shift.addWidget(self.shift_end)
        shift.addStretch()
        layout.addWidget(self.shift_row)
        self.shift_row.setVisible(self.editable and activity.kind == ActivityKind.LEIFENG_POST.value)

        add_row = FlowLayout()  # wraps, so a long team name arriving later never widens the dialog
        self.team = team_combo(context, name="rosterTeam", chosen=activity.team_id)
        self.add_team_button = QPushButton(self.tr("Add from team"), objectName="addTeam")
        self.add_people_button = QPushButton(self.tr("Add people…"), objectName="addPeople")
        add_row.addWidget(self.team)
        add_row.addWidget(self.add_team_button)
        add_row.addWidget(self.add_people_button)
        add_row.addStretch()
        layout.addLayout(add_row)
        self.message = FormMessage()
        layout.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addStretch()
        self.save_button = QPushButton(self.tr("Save sign-in"), objectName="saveSignIn")
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), objectName="closeRoster")
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        self._show_team_choice()
        self.team.model().rowsInserted.connect(lambda *_: self._show_team_choice())  # the teams arrive later
        for widget in (self.add_people_button, self.save_button):
            widget.setVisible(self.editable)
        self.add_team_button.clicked.connect(self.add_team)
        self.add_people_button.clicked.connect(self.add_people)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.participants: list[ParticipantInfo] = []
        self.saved = False
        self.reload()

    def _show_team_choice(self) -> None:
        has_teams = self.team.count() > 0
        for widget in (self.team, self.add_team_button):
            widget.setVisible(self.editable and has_teams)

    # The ticks not saved yet survive adding more people.
    def ticks(self) -> dict[str, bool]:
        result = {}
        for row, person in enumerate(self.participants):
            item = self.table.item(row, self.COME)
            result[person.volunteer_id] = item is not None and item.checkState() == Qt.CheckState.Checked
        return result

    def reload(self) -> None:
        activity_id = self.activity.id
        read(self.context, self, lambda uow: activities.list_participants(uow, activity_id=activity_id),
             done=self._show)

    def _show(self, participants: list[ParticipantInfo]) -> None:
        pending = self.ticks()
        self.participants = participants
        self.table.setRowCount(len(self.participants))
        for row, person in enumerate(self.participants):
            # A tick box the keyboard reaches too: the space bar ticks the chosen row.
            came = QTableWidgetItem()
            flags = Qt.ItemFlag.ItemIsSelectable
            if self.editable:
                flags |= Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
            came.setFlags(flags)
            ticked = pending.get(person.volunteer_id, person.attended)
            came.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            came.setToolTip(self.tr("{name} came").format(name=person.name))
            self.table.setItem(row, self.COME, came)
            self.table.setItem(row, self.NAME, QTableWidgetItem(person.name))
            self.table.setItem(row, self.PHONE, QTableWidgetItem(person.phone))
            start = person.start_time or self.activity.start_time
            end = person.end_time or self.activity.end_time
            self.table.setItem(row, self.SHIFT, QTableWidgetItem(f"{start}–{end}"))
            hours = QTableWidgetItem(hours_text(person.hours))
            hours.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, self.HOURS, hours)

    def set_came(self, volunteer_id: str, came: bool) -> None:
        for row, person in enumerate(self.participants):
            if person.volunteer_id == volunteer_id:
                self.table.item(row, self.COME).setCheckState(Qt.CheckState.Checked if came
                                                              else Qt.CheckState.Unchecked)

    def _shift(self) -> tuple[str, str]:
        if self.activity.kind != ActivityKind.LEIFENG_POST.value:  # everyone serves the activity's own hours
            return "", ""
        return self.shift_start.time().toString("HH:mm"), self.shift_end.time().toString("HH:mm")

    def add_volunteers(self, volunteer_ids: list[str]) -> None:
        if not volunteer_ids:
            return
        start, end = self._shift()
        activity_id, ids = self.activity.id, list(volunteer_ids)
        write(self.context, self,
              lambda uow: activities.add_to_roster(uow, activity_id=activity_id, volunteer_ids=ids,
                                                   start_time=start, end_time=end),
              form=Form(self.message, {"start_time": self.shift_start, "end_time": self.shift_end}),
              done=self._changed)

    def _changed(self, participants: list[ParticipantInfo]) -> None:
        """A change to the roster was saved: show the list it left (the ticks not saved yet stay)."""
        self.saved = True
        self._show(participants)

    def add_people(self) -> QDialog:
        from ui.volunteer_picker import pick_many
        return pick_many(self, self.context, self.add_volunteers,
                         exclude_ids=[p.volunteer_id for p in self.participants])

    def add_team(self) -> None:
        team_id = self.team.currentData()
        if not team_id:
            return
        activity_id = self.activity.id
        write(self.context, self,
              lambda uow: activities.add_team_to_roster(uow, activity_id=activity_id, team_id=team_id),
              form=Form(self.message, {}), done=self._changed)

    def save(self) -> None:
        activity_id, ticks = self.activity.id, self.ticks()
        write(self.context, self,
              lambda uow: activities.set_attendance(uow, activity_id=activity_id, attended=ticks),
              form=Form(self.message, {}), done=self._signed_in)

    def _signed_in(self, participants: list[ParticipantInfo]) -> None:
        self._changed(participants)
        came = sum(1 for person in self.participants if person.attended)
        self.message.show_done(self.tr("Sign-in saved: {came} of {total} came.").format(
            came=came, total=len(self.participants)))


# -- the list -----------------------------------------------------------------------------------------

class ActivitiesView(ListArea):
    shows = frozenset({"activities", "participants", "teams"})  # the list's counts and team names too
    _just_saved: tuple[ActivityInfo, ...] = ()
    _skipped: tuple[str, ...] = ()  # Fridays the last planning of volunteer days passed over

    def __init__(self, context: AppContext) -> None:
        super().__init__(context, name="activitiesView", title=self.tr("Volunteer service activities"),
                         table_name="activitiesTable", columns=[
            Column(self.tr("Date"), lambda a: a.date),
            Column(self.tr("Time"), lambda a: f"{a.start_time}–{a.end_time}"),
            Column(self.tr("Kind"), lambda a: label(ActivityKind, a.kind)),
            Column(self.tr("Title"), lambda a: a.title),
            Column(self.tr("Place"), lambda a: a.place),
            Column(self.tr("Team"), lambda a: a.team_name),
            Column(self.tr("On roster"), lambda a: a.rostered, align_right=True),
            Column(self.tr("Came"), lambda a: a.attended, align_right=True),
            Column(self.tr("Status"), lambda a: label(ActivityStage, a.stage)),
        ])  # in the service's order (newest first, upcoming ones soonest first) until a heading is clicked
        self.period = QComboBox(objectName="period")
        for text, key in ((self.tr("All"), "all"), (self.tr("This month"), "month"), (self.tr("This year"), "year")):
            self.period.addItem(text, key)
        self.status = QComboBox(objectName="status")
        self.status.addItem(self.tr("Any status"), "")
        for stage in ActivityStage:
            self.status.addItem(translate("desktop", stage.label), stage.value)
        self.status.setCurrentIndex(self.status.findData(ActivityStage.UPCOMING.value))  # what is still to come
        self.add_filter(self.tr("Show"), self.period)
        self.add_filter(self.tr("Status"), self.status)
        self.table.doubleClicked.connect(lambda *_: self.open_roster())

        self.may_edit = context.can(Permission.EDIT_VOLUNTEER_WORK)
        self.new_button = self.add_button(self.tr("New activity…"), "newActivity", self.new_activity,
                                          allowed=self.may_edit)
        self.days_button = self.add_button(self.tr("Plan volunteer days…"), "planDays", self.plan_days,
                                           allowed=self.may_edit)
        self.edit_button = self.add_button(self.tr("Change…"), "editActivity", self.edit_selected,
                                           allowed=self.may_edit)
        self.cancel_button = self.add_button(self.tr("Cancel activity"), "cancelActivity", self.cancel_selected,
                                             allowed=self.may_edit)
        self.roster_button = self.add_button(self.tr("Roster and sign-in…"), "roster", self.open_roster)
        self.print_button = self.add_button(self.tr("Print sign-in sheet…"), "printSheet", self.print_sheet)
        self.trainees_button = self.add_button(self.tr("Households trained…"), "householdsTrained",
                                               self.open_trainees)
        self.close_button = self.add_button(self.tr("Close and record hours…"), "closeActivity", self.close_selected,
                                            allowed=self.may_edit)
        self.finish(export=(self.tr("Activities.xlsx"), self.tr("Activities")))

    def _range(self) -> tuple[str | None, str | None]:
        """The period shown, by the station's date."""
        day = today(self.context)
        period = self.period.currentData()
        if period == "month":
            last = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            return day.replace(day=1).isoformat(), last.isoformat()
        if period == "year":
            return f"{day.year}-01-01", f"{day.year}-12-31"
        return None, None

    def rows_loader(self) -> Callable[[UnitOfWork], list[ActivityInfo]]:
        """The rows the filters ask for now; the filters are read here, on the UI thread, so the
        returned function may run on a worker thread (in the unit of work it is given)."""
        date_from, date_to = self._range()
        stage = self.status.currentData() or None

        def load(uow: UnitOfWork) -> list[ActivityInfo]:
            return activities.list_activities(uow, date_from=date_from, date_to=date_to, stage=stage)

        return load

    def select_next(self, saved: list[ActivityInfo | None],  # type: ignore[override]
                    skipped: tuple[str, ...] = ()) -> None:
        """Select what was just saved when the list is next read (after the save that made it); ``skipped``
        are the Fridays a planning of volunteer days passed over, said with what was planned."""
        self._just_saved = tuple(activity for activity in saved if activity is not None)
        self._skipped = skipped
        super().select_next(*(activity.id for activity in self._just_saved))

    def rows_shown(self, rows) -> None:
        saved, self._just_saved = self._just_saved, ()
        skipped, self._skipped = self._skipped, ()
        self._show_saved(saved, skipped)

    def update_actions(self) -> None:
        activity = self.selected()
        actions = activity.actions if activity is not None else frozenset()
        may_sign_in = ActivityAction.SIGN_IN in actions
        self.edit_button.setEnabled(ActivityAction.CHANGE in actions)
        self.cancel_button.setEnabled(ActivityAction.CANCEL in actions)
        self.close_button.setEnabled(ActivityAction.CLOSE in actions)
        # What closing waits for, said where the person looks: its day, or someone ticked as having come.
        waits = activity.closing_wait if activity is not None and may_sign_in else ""
        self.close_button.setToolTip(self._closing_wait(activity, waits) if waits else "")
        self.roster_button.setEnabled(ActivityAction.SEE_ROSTER in actions)
        self.print_button.setEnabled(ActivityAction.PRINT_SHEET in actions)
        self.trainees_button.setEnabled(activity is not None and takes_trainees(activity.kind, activity.status))

    def _closing_wait(self, activity: ActivityInfo, waits: str) -> str:
        """What closing the activity waits for (a ClosingWait), in words."""
        if waits == ClosingWait.ITS_DAY:
            return self.tr("“{title}” is on {date}: it can be closed, and its hours recorded, on that day or "
                           "later.").format(title=activity.title, date=activity.date)
        return self.tr("Nobody is ticked as having come yet: tick who came under “Roster and sign-in” before "
                       "closing, or cancel the activity.")

    def new_activity(self) -> QDialog:
        dialog = ActivityDialog(self.context, None, self)
        dialog.accepted.connect(lambda: self.select_next([dialog.saved]))
        return open_dialog(dialog)

    def plan_days(self) -> QDialog:
        dialog = VolunteerDaysDialog(self.context, self)
        dialog.accepted.connect(lambda: self.select_next(list(dialog.planned), dialog.skipped))
        return open_dialog(dialog)

    def edit_selected(self) -> QDialog | None:
        activity = self.selected()
        if activity is None or ActivityAction.CHANGE not in activity.actions:
            return None
        dialog = ActivityDialog(self.context, activity, self)
        dialog.accepted.connect(lambda: self.select_next([dialog.saved]))
        return open_dialog(dialog)

    def _show_saved(self, saved: tuple[ActivityInfo, ...], skipped: tuple[str, ...] = ()) -> None:
        """Select what was just saved; say so when the filter hides it, so nobody thinks it was lost, and
        which Fridays were passed over because they had a volunteer day already."""
        if not saved:
            return
        said = []
        if not self.select(saved[0].id):
            said.append(self.tr("Saved “{title}” on {date}. Choose “All” under Show and “Any status” under Status "
                                "to see it.").format(title=saved[0].title, date=saved[0].date))
        elif len(saved) > 1 or skipped:
            said.append(self.tr("Activities planned: {count}.").format(count=len(saved)))
        if skipped:
            said.append(self.tr("Passed over, as they have a volunteer day already: {dates}.").format(
                dates=", ".join(skipped)))
        if said:
            self.message.show_done(" ".join(said))
        else:
            self.message.clear()

    def open_roster(self) -> QDialog | None:
        activity = self.selected()
        if activity is None or ActivityAction.SEE_ROSTER not in activity.actions:
            return None
        return open_dialog(RosterDialog(self.context, activity, self))

    def open_trainees(self) -> QDialog | None:
        """Which households (and who of each) a training trained: their timelines show it."""
        from ui.views.households import TraineesDialog

        activity = self.selected()
        if activity is None or not takes_trainees(activity.kind, activity.status):
            return None
        return open_dialog(TraineesDialog(self.context, activity, self))

    def cancel_selected(self) -> None:
        activity = self.selected()
        if activity is None:
            return
        question = self.tr("Cancel “{title}” on {date}? It stays in the list, marked cancelled, and no hours are "
                           "recorded for it.").format(title=activity.title, date=activity.date)
        if not dialogs.confirm(self, self.tr("Cancel activity"), question, action=self.tr("Cancel activity")):
            return
        write(self.context, self, lambda uow: activities.cancel_activity(uow, activity_id=activity.id))

    def close_selected(self) -> None:
        activity = self.selected()
        # Who came is checked again as it stands now (a tick in the roster may be newer than this list).
        if activity is None or ActivityAction.SIGN_IN not in activity.actions:
            return
        self.message.clear()
        read(self.context, self, lambda uow: activities.closing_summary(uow, activity_id=activity.id),
             done=lambda summary: self._confirm_closing(activity, summary))

    def _confirm_closing(self, activity: ActivityInfo, summary: ClosingSummary) -> None:
        if summary.waits or not summary.people:  # the service refuses to close it: say why instead of asking
            self.message.show_problem(self._closing_wait(activity, summary.waits))
            self.update_actions()
            return
        question = self.tr("Close “{title}” and record the hours? People who came: {people}. Hours to record: "
                           "{total} in all. Closing cannot be undone: afterwards the activity and its sign-in "
                           "cannot be changed.").format(title=activity.title, total=hours_text(summary.hours),
                                                        people=summary.people)
        if not dialogs.confirm(self, self.tr("Close and record hours"), question, action=self.tr("Close")):
            return
        write(self.context, self, lambda uow: activities.close_activity(uow, activity_id=activity.id),
              done=lambda result: self._closed(activity, result))

    def _closed(self, activity: ActivityInfo, result: CloseResult) -> None:
        done = self.tr("“{title}” is closed. People credited: {people}; hours recorded: {total}.")
        self.message.show_done(done.format(title=activity.title, total=hours_text(result.total_hours),
                                           people=result.records))

    def print_sheet(self) -> None:
        activity = self.selected()
        if activity is None:
            return
        read(self.context, self, lambda uow: activities.sign_in_sheet(uow, activity_id=activity.id),
             done=lambda sheet: self._print(activity, sheet))

    def _print(self, activity: ActivityInfo, sheet: SignInSheet) -> None:
        from ui import printing
        name = self.tr("Sign-in sheet {date} {title}.pdf").format(date=activity.date, title=activity.title)
        printing.save_and_open_pdf(self, self.context, name, lambda path: printing.sign_in_sheet_pdf(sheet, path))
