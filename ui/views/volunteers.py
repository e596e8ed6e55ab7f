"""The volunteers area (志愿者): the registry with instant search, registering and editing, duplicates,
showing a full ID number (logged), and Excel import and export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.id_number import validate_id_number
from desktop.domain.roles import Permission
from desktop.domain.volunteering import Gender, PoliticalStatus, VolunteerStatus, age_on
from desktop.errors import UserError
from desktop.services import teams as team_service
from desktop.services import volunteer_excel, volunteers
from desktop.services.volunteers import (
    DuplicateGroup,
    PossibleDuplicate,
    VolunteerForm,
    VolunteerInfo,
    VolunteerRow,
)
from desktop.storage.uow import UnitOfWork
from ui import duplicates
from ui.context import AppContext
from ui.dialogs import confirm, open_dialog
from ui.errors import show_error
from ui.export import excel_filter, export_bytes
from ui.files import choose_open_path, choose_save_path
from ui.forms import FormMessage, clear_problems, report, save_cancel_buttons, scrolling_form, with_whole_hint
from ui.i18n import counted, error_text, row_problem_line, translate
from ui.operations import Form, read, write
from ui.programme import hours_column, hours_text, label, stars, today
from ui.table import Column, RecordTableModel, record_table, selected_objects
from ui.tasks import Progress, Task
from ui.views.lists import ListArea

SEARCH_DELAY_MS = 150
MAX_PAGE = 2000
EDITABLE_STATUSES = (VolunteerStatus.ACTIVE, VolunteerStatus.PAUSED, VolunteerStatus.LEFT)


def choose_import_file(parent: QWidget | None, title: str) -> Path | None:
    """Ask for the workbook to import; None when the person cancels.  Tests replace this function."""
    return choose_open_path(parent, title, excel_filter())


def choose_report_path(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    """Ask where to save an import report as text; None when the person cancels.  Tests replace this."""
    return choose_save_path(parent, title, suggested, ".txt",
                            QCoreApplication.translate("Files", "Text files (*.txt)"))


class TeamChoice(QComboBox):
    """The team filter: "Any team" until opened; the teams are read each time the list drops down,
    so the area opens without reading them and a team started meanwhile is there.  The list drops
    down once they have arrived, so it opens at its full size."""

    def __init__(self, fill: Callable[[Callable[[], None]], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fill = fill

    def showPopup(self) -> None:
        self._fill(self._drop_down)

    def _drop_down(self) -> None:
        if self.isVisible():  # not when the person has gone to another area meanwhile
            super().showPopup()


class VolunteerDialog(QDialog):
    """Register a volunteer, or change one; gender and birth date are read from the ID number as it is typed."""

    def __init__(self, context: AppContext, info: VolunteerInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.info = context, info
        self.saved: VolunteerInfo | None = None
        self.setObjectName("volunteerDialog")
        if info is None:
            self.setWindowTitle(self.tr("Register a volunteer"))
        elif context.can(Permission.EDIT_VOLUNTEER_WORK):
            self.setWindowTitle(self.tr("Change volunteer"))
        else:
            self.setWindowTitle(self.tr("Volunteer details"))
        form, below = scrolling_form(self)  # the rows scroll at a large text size; message and buttons stay
        self.name = QLineEdit(objectName="name")
        self.id_number = QLineEdit(objectName="idNumber")
        self.id_number.setPlaceholderText(self.tr("18 characters; a lower-case x is fine"))
        self.derived = QLabel(objectName="derived")
        self.derived.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.phone = QLineEdit(objectName="phone")
        self.address = QLineEdit(objectName="address")
        self.political_status = QComboBox(objectName="politicalStatus")
        self.political_status.addItem("", "")
        for status in PoliticalStatus:
            self.political_status.addItem(translate("desktop", status.label), status.value)
        self.skills = QLineEdit(objectName="skills")
        self.skills.setPlaceholderText(self.tr("For example: first aid, driving, teaching"))
        self.volunteer_number = QLineEdit(objectName="volunteerNumber")
        self.registered_on = QLineEdit(objectName="registeredOn")
        self.registered_on.setPlaceholderText(self.tr("2026-11-29 or 2026年11月29日; empty for today"))
        with_whole_hint(self.registered_on)  # "empty for today" is what a person needs to read
        self.status = QComboBox(objectName="status")
        for status in EDITABLE_STATUSES:
            self.status.addItem(translate("desktop", status.label), status.value)
        self.notes = QLineEdit(objectName="notes")
        # A new volunteer may join a team as they register; an edit changes teams under Volunteer teams.
        self.team: QComboBox | None = None
        if info is None:
            self.team = QComboBox(objectName="team")
            self.team.addItem(self.tr("No team"), "")
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("ID number"), self.id_number)
        form.addRow(self.tr("Gender and birth date"), self.derived)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Political status"), self.political_status)
        form.addRow(self.tr("Skills"), self.skills)
        form.addRow(self.tr("National volunteer number"), self.volunteer_number)
        form.addRow(self.tr("Registered on"), self.registered_on)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Notes"), self.notes)
        if self.team is not None:
            form.addRow(self.tr("Team"), self.team)
            if context.can(Permission.EDIT_VOLUNTEER_WORK):
                read(context, self, lambda uow: team_service.list_teams(uow), done=self._show_teams)
        self.service_label = QLabel(objectName="service")
        self.service_label.setWordWrap(True)
        if info is not None:
            form.addRow(self.tr("Service"), self.service_label)
            self._fill(info)
        self.message = FormMessage()
        below.addWidget(self.message)
        self.buttons = save_cancel_buttons(self, self.save)
        below.addWidget(self.buttons)
        if info is not None and not context.can(Permission.EDIT_VOLUNTEER_WORK):
            self._look_only()
        self.id_number.textChanged.connect(self._id_typed)
        self.id_number.editingFinished.connect(self._id_left)
        self._show_derived()
        self.name.setFocus()

    def _look_only(self) -> None:
        """Opened to look at, by someone who may not change it: the texts read as text, not greyed out, and the
        one button closes it (nothing is cancelled)."""
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(True)
            else:
                widget.setEnabled(False)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    def _show_teams(self, teams: list) -> None:
        assert self.team is not None
        for team in teams:
            self.team.addItem(team.name, team.id)

    def _fill(self, info: VolunteerInfo) -> None:
        self.name.setText(info.name)
        self.id_number.setText(info.id_masked)
        self.phone.setText(info.phone)
        self.address.setText(info.address)
        self.political_status.setCurrentIndex(max(self.political_status.findData(info.political_status), 0))
        self.skills.setText(info.skills)
        self.volunteer_number.setText(info.volunteer_number)
        self.registered_on.setText(info.registered_on)
        index = self.status.findData(info.status)
        if index < 0:  # merged: shown, not offered
            self.status.addItem(label(VolunteerStatus, info.status), info.status)
            index = self.status.count() - 1
        self.status.setCurrentIndex(index)
        self.notes.setText(info.notes)
        self.service_label.setText(self.tr("{hours} in all; stars: {stars}; teams: {teams}").format(
            hours=hours_text(info.hours), stars=stars(info.star_level), teams="、".join(info.teams) or "—"))

    @property
    def fields(self) -> dict[str, QWidget]:
        fields: dict[str, QWidget] = {
            "name": self.name, "id_number": self.id_number, "phone": self.phone, "address": self.address,
            "political_status": self.political_status, "skills": self.skills,
            "volunteer_number": self.volunteer_number, "registered_on": self.registered_on,
            "status": self.status, "notes": self.notes}
        if self.team is not None:
            fields["team_id"] = self.team
        return fields

    def _id_checked(self) -> tuple[str, str] | UserError | None:
        """What the ID number field holds: its (gender, birth date), the problem with it, or None when empty."""
        text = self.id_number.text().strip()
        if self.info is not None and text == self.info.id_masked:
            return self.info.gender, self.info.birth_date
        if not text:
            return None
        try:
            checked = validate_id_number(text)
        except UserError as error:
            return error
        return checked.gender, checked.birth_date.isoformat()

    def _id_typed(self) -> None:
        """As the number is typed: what it says about the person, and a problem shown for it goes once it is right."""
        self._show_derived()
        if self.id_number.property("problem") and isinstance(self._id_checked(), tuple):
            clear_problems(self.message, {"id_number": self.id_number})

    def _id_left(self) -> None:
        """Leaving the field checks the number, so a wrong digit is found while the card is still at hand."""
        problem = self._id_checked()
        if isinstance(problem, UserError):
            report(problem, message=self.message, fields=self.fields, parent=self, focus=False)

    def _show_derived(self) -> None:
        checked = self._id_checked()
        if not isinstance(checked, tuple):
            self.derived.setText(self.tr("— (read from a valid ID number)"))
            return
        gender, born = checked
        age = ""
        if born:
            age = self.tr(", {age} years old").format(age=age_on(date.fromisoformat(born), today(self.context)))
        self.derived.setText(self.tr("{gender}, born {born}{age}").format(
            gender=label(Gender, gender), born=born, age=age))

    def form(self) -> VolunteerForm:
        return VolunteerForm(
            name=self.name.text(), id_number=self.id_number.text(), phone=self.phone.text(),
            address=self.address.text(), political_status=self.political_status.currentData() or "",
            skills=self.skills.text(), volunteer_number=self.volunteer_number.text(),
            registered_on=self.registered_on.text(), status=self.status.currentData(), notes=self.notes.text())

    def save(self, allow_similar: bool = False) -> None:
        if not self.context.can(Permission.EDIT_VOLUNTEER_WORK):  # opened to look only
            self.reject()
            return
        form, info = self.form(), self.info
        team_id = self.team.currentData() if self.team is not None else ""

        def work(uow) -> VolunteerInfo:
            if info is None:
                return volunteers.register_volunteer(uow, form=form, allow_similar=allow_similar, team_id=team_id)
            return volunteers.update_volunteer(uow, volunteer_id=info.id, form=form, allow_similar=allow_similar)

        write(self.context, self, work, form=Form(self.message, self.fields), done=self._saved,
              failed=self._not_saved)

    def _saved(self, info: VolunteerInfo) -> None:
        self.saved = info
        self.accept()

    def _not_saved(self, error: BaseException) -> None:
        """A similar volunteer is a question, not a refusal; anything else is shown on the form."""
        if isinstance(error, PossibleDuplicate):
            other = str(error.params.get("other_name", ""))
            if self.info is None:
                question = self.tr("A volunteer with the same name and phone exists ({name}). Register anyway?")
                action = self.tr("Register anyway")
            else:
                question = self.tr("Another volunteer has the same name and phone ({name}). Save anyway?")
                action = self.tr("Save anyway")
            if confirm(self, self.tr("Possible duplicate"), question.format(name=other), action=action):
                self.save(allow_similar=True)
                return
        report(error, message=self.message, fields=self.fields, parent=self)


class DuplicatesDialog(duplicates.DuplicatesDialog):
    """Records that look like the same person; pick two and fold one into the other."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, name="duplicatesDialog", may_merge=context.can(Permission.EDIT_VOLUNTEER_WORK),
                         intro=self.tr("These records share an ID number, or a name and a phone number. Select the "
                                       "two that are the same person, choose which record to keep, and merge them. "
                                       "Hours, teams and activities of the other move to the one kept."),
                         columns=[
            Column(self.tr("Name"), lambda row: row.name),
            Column(self.tr("ID number"), lambda row: row.id_masked),
            Column(self.tr("Phone"), lambda row: row.phone),
            Column(self.tr("Registered on"), lambda row: row.registered_on),
            hours_column(self.tr("Hours"), lambda row: row.hours),
            Column(self.tr("Status"), lambda row: label(VolunteerStatus, row.status)),
        ], parent=parent)
        self.setWindowTitle(self.tr("Possible duplicates"))

    def find(self, uow) -> list[DuplicateGroup]:
        return volunteers.find_duplicates(uow)

    def records(self, group: DuplicateGroup) -> tuple[VolunteerRow, ...]:
        return group.volunteers

    def merge(self, uow, keep_id: str, merge_id: str) -> VolunteerInfo:
        return volunteers.merge_volunteers(uow, keep_id=keep_id, merge_id=merge_id)

    def reason_text(self, reason: str) -> str:
        if reason == "id_number":
            return self.tr("Same ID number")
        return self.tr("Same name and phone")

    def keep_text(self, row: VolunteerRow) -> str:
        return f"{row.name} {row.id_masked} {row.phone}".strip()

    def ask(self, keep: VolunteerRow, other: VolunteerRow) -> bool:
        text = self.tr("Merge {other} ({other_id}, registered {other_on}) into {keep} ({keep_id}, registered "
                       "{keep_on})? The record of {other} is closed and its hours, teams and activities count "
                       "for {keep}. This cannot be undone.").format(
            other=other.name, other_id=other.id_masked, other_on=other.registered_on or "—",
            keep=keep.name, keep_id=keep.id_masked, keep_on=keep.registered_on or "—")
        # Records alike only by name and phone carry two ID numbers: two people of one name may share a phone.
        if keep.id_masked and other.id_masked and any(item[1] != "id_number" for item in selected_objects(self.table)):
            text += "\n\n" + self.tr("Their ID numbers are different: they may be two people with the same name "
                                      "and phone (one family). Merge them only if one of the numbers was typed "
                                      "wrong.")
        return confirm(self, self.tr("Merge two records"), text, action=self.tr("Merge"))


class ImportReportDialog(QDialog):
    """What an import did: how many were added, which rows were refused and why, which looked like duplicates."""

    def __init__(self, result, source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result, self.source = result, source
        self.setObjectName("importReportDialog")
        self.setWindowTitle(self.tr("Import report"))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel(objectName="importSummary")
        self.summary.setWordWrap(True)
        self.summary.setText(self.summary_text(result, source))
        layout.addWidget(self.summary)
        self.passed_over = QLabel(objectName="passedOver")
        self.passed_over.setWordWrap(True)
        if result.passed_over:
            self.passed_over.setText(self.passed_over_text(result.passed_over))
            layout.addWidget(self.passed_over)
        self.teams_made = QLabel(objectName="teamsMade")
        self.teams_made.setWordWrap(True)
        if result.teams_made:
            self.teams_made.setText(self.tr("New teams made for the rows that named them: {teams}. Check them under "
                                            "Volunteer teams.").format(teams="、".join(result.teams_made)))
            layout.addWidget(self.teams_made)
        problem_columns = [Column(self.tr("Row"), lambda p: p.row, align_right=True),
                           Column(self.tr("Reason"), error_text)]
        self.refused_model = RecordTableModel(problem_columns, row_id=lambda p: p.row, parent=self)
        self.refused_model.set_rows(result.refused)
        self.duplicates_model = RecordTableModel(problem_columns, row_id=lambda p: p.row, parent=self)
        self.duplicates_model.set_rows(result.duplicates)
        if result.refused:
            layout.addWidget(QLabel(self.tr("Refused rows: correct them in the workbook and import it again.")))
            layout.addWidget(self._problems_table(self.refused_model, "refusedTable"), 1)
        if result.duplicates:
            layout.addWidget(QLabel(self.duplicates_heading()))
            layout.addWidget(self._problems_table(self.duplicates_model, "duplicateRowsTable"), 1)
        self.message = FormMessage()
        layout.addWidget(self.message)
        buttons = self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(self.tr("Save the report…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setObjectName("saveReport")
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save_report)
        layout.addWidget(buttons)

    def summary_text(self, result, source: Path) -> str:
        """What the import did, in a sentence (each kind of import says what it added)."""
        # each figure after its words, which then read right for one as for more
        return self.tr("Volunteers added from {file}: {added}. Rows refused: {refused}. Rows already registered or "
                       "looking like a duplicate: {duplicates}.").format(
            added=result.added, file=source.name, refused=len(result.refused), duplicates=len(result.duplicates))

    def duplicates_heading(self) -> str:
        return self.tr("Not added, because the person seems to be registered already:")

    def passed_over_text(self, count: int) -> str:
        """The lines of the sheet that were not records (each kind of import says what it reads)."""
        return counted(count, self.tr("1 line was passed over as not being people: the form's footer (制表人, 合计 …) "
                                      "or a numbered line nobody filled in."),
                       self.tr("{count} lines were passed over as not being people: the form's footer (制表人, 合计 …) "
                               "or numbered lines nobody filled in."))

    @staticmethod
    def _problems_table(model: RecordTableModel, name: str) -> QTableView:
        """Row numbers and reasons, a long reason wrapped over as many lines as it needs, so all of it is read."""
        table = record_table(model, name=name)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def report_text(self) -> str:
        lines = [self.summary.text(), ""]
        if self.result.passed_over:
            lines += [self.passed_over.text(), ""]
        if self.result.teams_made:
            lines += [self.teams_made.text(), ""]
        if self.result.refused:
            lines.append(self.tr("Refused rows:"))
            lines += [row_problem_line(p) for p in self.result.refused]
            lines.append("")
        if self.result.duplicates:
            lines.append(self.tr("Already registered or a possible duplicate:"))
            lines += [row_problem_line(p) for p in self.result.duplicates]
        return "\n".join(lines).rstrip() + "\n"

    def save_report(self) -> Path | None:
        path = choose_report_path(self, self.tr("Save the import report"), f"{self.source.stem}-report.txt")
        if path is None:
            return None
        try:
            path.write_text(self.report_text(), encoding="utf-8")
        except OSError as exc:
            self.message.show_problem(self.tr("The report could not be saved there: {error}").format(error=exc))
            return None
        self.message.show_done(self.tr("Saved to {path}.").format(path=path))
        return path


class VolunteersView(ListArea):
    shows = frozenset({"volunteers", "teams", "team_members", "service_hours"})

    def __init__(self, context: AppContext) -> None:
        super().__init__(context, name="volunteersView", title=self.tr("Volunteers"), table_name="volunteersTable",
                         paged=True, columns=[
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Gender"), lambda r: label(Gender, r.gender)),
            Column(self.tr("Age"), lambda r: r.age, align_right=True),
            Column(self.tr("ID number"), lambda r: r.id_masked),
            Column(self.tr("Phone"), lambda r: r.phone),
            Column(self.tr("Political status"), lambda r: label(PoliticalStatus, r.political_status)),
            Column(self.tr("Teams"), lambda r: r.teams),
            Column(self.tr("Skills"), lambda r: r.skills),
            hours_column(self.tr("Hours"), lambda r: r.hours),
            Column(self.tr("Stars"), lambda r: stars(r.star_level), sort_value=lambda r: r.star_level),
            Column(self.tr("Status"), lambda r: label(VolunteerStatus, r.status)),
        ])
        self.may_edit = context.can(Permission.EDIT_VOLUNTEER_WORK)
        self._sized = False
        self._loading = False  # a reading's first page is on its way
        self._into_list_next = False  # Enter or Down in the search box while the matches were on their way
        self._opening = False  # a volunteer is being read to open the dialog
        self.last_dialog: QDialog | None = None  # the dialog opened last once its record was read

        self.add_search(self.tr("Search: name, pinyin, initials (wdy), phone, or last digits of the ID number"),
                        delay_ms=SEARCH_DELAY_MS)
        status_filter = QComboBox(objectName="statusFilter")
        status_filter.addItem(self.tr("Current (active and paused)"), volunteers.LISTED)
        status_filter.addItem(self.tr("Active"), (VolunteerStatus.ACTIVE.value,))
        status_filter.addItem(self.tr("Paused"), (VolunteerStatus.PAUSED.value,))
        status_filter.addItem(self.tr("Left"), (VolunteerStatus.LEFT.value,))
        status_filter.addItem(self.tr("All"), volunteers.ALL_STATUSES)
        self.status_filter = self.add_filter(self.tr("Status"), status_filter)
        team_filter = TeamChoice(self.fill_teams)
        team_filter.setObjectName("teamFilter")
        team_filter.addItem(self.tr("Any team"), None)
        self.team_filter = self.add_filter(self.tr("Team"), team_filter)
        self.table.doubleClicked.connect(lambda *_: self.edit_selected())
        self.detail = QLabel(objectName="detail")
        self.detail.setWordWrap(True)
        box = self.list_box.layout()
        box.insertWidget(box.indexOf(self.count_label) + 1, self.detail)

        self.register_button = self.add_button(self.tr("Register…"), "register", self.register, allowed=self.may_edit)
        self.register_button.setShortcut(QKeySequence("Ctrl+N"))
        self.register_button.setToolTip(self.tr("Register a volunteer (Ctrl+N)"))
        self.edit_button = self.add_button(self.tr("Change…") if self.may_edit else self.tr("Details…"), "edit",
                                           self.edit_selected)
        self.reveal_button: QPushButton | None = None
        if context.can(Permission.VIEW_ID_NUMBERS):
            self.reveal_button = self.add_button(self.tr("Show full ID number"), "showFullId", self.reveal_selected)
        self.duplicates_button = self.add_button(self.tr("Find duplicates…"), "findDuplicates", self.find_duplicates)
        self.import_button = self.add_button(self.tr("Import from Excel…"), "importExcel", self.import_excel,
                                             allowed=self.may_edit)
        self.finish()
        # The workbook is the service's (its headers are the ones an import reads back), not the shown columns.
        self.export_button = QPushButton(self.tr("Export to Excel…"), objectName="exportExcel")
        self.export_button.clicked.connect(self.export_excel)
        self.buttons.addWidget(self.export_button)
        self.search.returnPressed.connect(self._search_entered)
        self.table.installEventFilter(self)
        self.search.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        """Enter on the list opens the volunteer; Down in the search box goes into the list."""
        if event.type() == QEvent.Type.KeyPress and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if watched is self.table and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_selected()
                return True
            if watched is self.search and event.key() == Qt.Key.Key_Down:
                self._into_list()
                return True
        return super().eventFilter(watched, event)

    # -- the list ------------------------------------------------------------------------------

    def current_filter(self) -> dict:
        return {"text": self.search.text(), "statuses": tuple(self.status_filter.currentData()),
                "team_id": self.team_filter.currentData()}

    def page_loader(self) -> Callable[[UnitOfWork, int, int], list[VolunteerRow]]:
        where = self.current_filter()

        def page(uow: UnitOfWork, offset: int, limit: int) -> list[VolunteerRow]:
            # Deeper in the list the pages grow (to MAX_PAGE rows): each page is one sorted query over the
            # whole registry, so scrolling to the end of 30,000 takes a few dozen queries, not 150.
            return volunteers.search_volunteers(uow, offset=offset, limit=max(limit, min(offset // 2, MAX_PAGE)),
                                                **where)

        return page

    def count_loader(self) -> Callable[[UnitOfWork], int]:
        where = self.current_filter()
        return lambda uow: volunteers.count_volunteers(uow, **where)

    def count_text(self, total: int) -> str:
        return counted(total, self.tr("1 volunteer"), self.tr("{count} volunteers"), count=QLocale().toString(total))

    def read_list(self) -> None:
        self._loading = True
        self.count_label.setText(self.tr("Counting…"))
        super().read_list()

    def rows_shown(self, rows) -> None:
        self._loading = False
        if not self._sized and self.model.rowCount():
            # fit the columns to the first rows once; after that they keep what the person set
            self.table.horizontalHeader().setResizeContentsPrecision(12)  # measuring all 200 rows costs 100 ms
            self.table.resizeColumnsToContents()
            self._sized = True
        if self._into_list_next:
            self._into_list_next = False
            self._go_into_list()

    def fill_teams(self, then: Callable[[], None] | None = None) -> None:
        """Read the teams into the team filter, keeping the one chosen; then ``then()``."""
        def fill(teams: list) -> None:
            current = self.team_filter.currentData()
            self.team_filter.blockSignals(True)
            self.team_filter.clear()
            self.team_filter.addItem(self.tr("Any team"), None)
            for team in teams:
                self.team_filter.addItem(team.name, team.id)
            self.team_filter.setCurrentIndex(max(self.team_filter.findData(current), 0))
            self.team_filter.blockSignals(False)
            if self.team_filter.currentData() != current:
                self.read_list()
            if then is not None:
                then()

        read(self.context, self, lambda uow: team_service.list_teams(uow, include_inactive=True), done=fill)

    def _search_entered(self) -> None:
        self.read_list()
        self._into_list()

    def _into_list(self) -> None:
        """From the search box to the first match, so Enter opens it: the keyboard never has to leave."""
        if self._debounce.isActive():
            self.read_list()
        if self._loading:
            self._into_list_next = True  # once the matches have arrived
            return
        self._go_into_list()

    def _go_into_list(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            if self.selected() is None:
                self.table.selectRow(0)

    def update_actions(self) -> None:
        row = self.selected()
        has = row is not None
        self.edit_button.setEnabled(has)
        if self.reveal_button is not None:
            self.reveal_button.setEnabled(has)
        if row is None:
            self.detail.setText("")
            return
        self.detail.setText(self.tr("{name}: {hours} of service, stars: {stars}, teams: {teams}").format(
            name=row.name, hours=hours_text(row.hours), stars=stars(row.star_level), teams=row.teams or "—"))

    # -- actions -------------------------------------------------------------------------------

    def _saved(self, dialog: VolunteerDialog) -> None:
        # The save's change reloads the list (follow_changes); the volunteer saved is selected in it.
        if dialog.saved is not None:
            self.select_next(dialog.saved.id)

    def register(self) -> QDialog | None:
        if not self.may_edit:
            return None
        dialog = VolunteerDialog(self.context, None, self)
        dialog.accepted.connect(lambda: self._saved(dialog))
        return open_dialog(dialog)

    def edit_selected(self) -> Task | None:
        """Read the selected volunteer, then open the dialog (kept as ``last_dialog``)."""
        row = self.selected()
        if row is None or self._opening:
            return None
        self._opening = True

        def opened(info: VolunteerInfo) -> None:
            self._opening = False
            dialog = VolunteerDialog(self.context, info, self)
            dialog.accepted.connect(lambda: self._saved(dialog))
            self.last_dialog = open_dialog(dialog)

        def failed(error: BaseException) -> None:
            self._opening = False
            show_error(self, error)

        return read(self.context, self, lambda uow: volunteers.get_volunteer(uow, volunteer_id=row.id),
                    done=opened, failed=failed)

    def reveal_selected(self) -> Task | None:
        """Read the full ID number (the reading is logged), then show it (kept as ``last_dialog``)."""
        row = self.selected()
        if row is None or not self.context.can(Permission.VIEW_ID_NUMBERS):
            return None

        def show(number: str) -> None:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Full ID number"),
                              self.tr("ID number of {name}:").format(name=row.name),
                              QMessageBox.StandardButton.Close, self)
            box.setInformativeText(number)
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.setObjectName("fullIdDialog")
            self.last_dialog = open_dialog(box)

        return write(self.context, self, lambda uow: volunteers.reveal_id_number(uow, volunteer_id=row.id),
                     done=show)

    def find_duplicates(self) -> QDialog:
        # A merge's change reloads the list (follow_changes).
        return open_dialog(DuplicatesDialog(self.context, self))

    def import_excel(self) -> Task | None:
        if not self.may_edit:
            return None
        path = choose_import_file(self, self.tr("Import volunteers from Excel"))
        if path is None:
            return None

        def work(uow, progress: Progress):
            data = path.read_bytes()

            def step(done: int, total: int) -> None:
                progress.check()  # a cancel rolls the whole import back: nothing half-imported
                progress.report(done, total, "")

            return volunteer_excel.import_volunteers(uow, data=data, progress=step)

        def done(result) -> None:
            # The import's change reloads the list (follow_changes).
            self.import_report = open_dialog(ImportReportDialog(result, path, self))

        return write(self.context, self, work, title=self.tr("Importing volunteers…"), progress=True, done=done)

    def export_excel(self) -> Task | None:
        name = self.tr("volunteers-{day}").format(day=today(self.context).isoformat())
        return export_bytes(self, self.context, suggested_name=name, title=self.tr("Export volunteers to Excel"),
                            make_bytes=volunteer_excel.export_volunteers)
