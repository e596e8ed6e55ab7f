"""The households area (帮扶对象): the households in need with search and filters, a household and its members,
its status, its health, disability and income notes (opened only after saying why), its timeline and the paper
for a visit, duplicates, the admin's categories of help, Excel in and out; and the households trained at a
training, which the activities area opens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.households import HouseholdAction, HouseholdStatus, Relation, TimelineKind, takes_trainees
from desktop.domain.roles import Permission
from desktop.errors import Term
from desktop.services import household_excel, households
from desktop.services.households import (
    CategoryInfo,
    DuplicateGroup,
    HouseholdFilter,
    HouseholdForm,
    HouseholdInfo,
    HouseholdRow,
    MemberForm,
    MemberInfo,
    MemberNotes,
    PossibleDuplicate,
    RevealedNotes,
    SpecialNotes,
    TimelineEntry,
    TraineeInfo,
)
from desktop.storage.uow import UnitOfWork
from ui import duplicates
from ui.context import AppContext
from ui.dialogs import confirm, open_dialog
from ui.errors import show_error
from ui.export import export_bytes, export_rows
from ui.forms import FormMessage, report, save_cancel_buttons, scrolling_form
from ui.i18n import counted, translate
from ui.layouts import FlowLayout
from ui.operations import Form, read, write
from ui.programme import label, today
from ui.table import Column, RecordTableModel, record_table, selected_object
from ui.tasks import Progress, Task
from ui.views.lists import ListArea
from ui.views.volunteers import ImportReportDialog, choose_import_file

NOTE_HEIGHT = 70


def category_text(names: tuple[str, ...]) -> str:
    """A household's categories as the list shows them: a built-in one translated, one the admin added as named."""
    return "、".join(translate("desktop", name) if isinstance(name, Term) else name for name in names)


def _category_name(category: CategoryInfo) -> str:
    return translate("desktop", category.name) if category.built_in else category.name


def _notes_edit(name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(objectName=name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(NOTE_HEIGHT)
    return edit


# -- opening the notes, saying why --------------------------------------------------------------------------

class ReasonDialog(QDialog):
    """Ask why the health, disability and income notes of a household are opened; the reason goes to the audit
    log with who opened them.  ``revealed`` holds what was opened."""

    def __init__(self, context: AppContext, household_id: str, head_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.household_id = context, household_id
        self.revealed: RevealedNotes | None = None
        self.setObjectName("reasonDialog")
        self.setWindowTitle(self.tr("Show health and disability notes"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The health, disability and income notes of {name}'s household are kept from most "
                               "eyes. Say why you open them: the audit log keeps who opened them and why.").format(
            name=head_name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.reason = QComboBox(objectName="reason")
        self.reason.setEditable(True)
        self.reason.addItem("")
        for text in (self.tr("A home visit"), self.tr("An application for help"), self.tr("Checking the record")):
            self.reason.addItem(text)
        self.reason.setCurrentIndex(0)
        layout.addWidget(QLabel(self.tr("Why")))
        layout.addWidget(self.reason)
        self.message = FormMessage()
        layout.addWidget(self.message)
        buttons = save_cancel_buttons(self, self.open_notes)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Show the notes"))
        layout.addWidget(buttons)
        self.reason.setFocus()

    def open_notes(self) -> None:
        reason, household_id = self.reason.currentText(), self.household_id
        write(self.context, self, lambda uow: households.reveal_sensitive(uow, household_id=household_id,
                                                                         reason=reason),
              form=Form(self.message, {"reason": self.reason}), done=self._opened)

    def _opened(self, revealed: RevealedNotes) -> None:
        self.revealed = revealed
        self.accept()


# -- a member ------------------------------------------------------------------------------------------

class MemberDialog(QDialog):
    """Add a member to a household, or change one; their health and disability notes only when the household's
    notes are open (or for a new member, to who may see them)."""

    def __init__(self, context: AppContext, household_id: str, member: MemberInfo | None,
                 notes: MemberNotes | None, *, notes_shown: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.household_id, self.member = context, household_id, member
        self.saved: MemberInfo | None = None
        self.setObjectName("memberDialog")
        self.setWindowTitle(self.tr("Add a member") if member is None else self.tr("Change member"))
        form, below = scrolling_form(self)
        self.name = QLineEdit(objectName="name")
        self.relation = QComboBox(objectName="relation")
        for relation in Relation:
            self.relation.addItem(translate("desktop", relation.label), relation.value)
        self.birth_date = QLineEdit(objectName="birthDate")
        self.birth_date.setPlaceholderText(self.tr("2010-06-01 or 2010年6月1日; read from the ID number if given"))
        self.id_number = QLineEdit(objectName="idNumber")
        self.id_number.setPlaceholderText(self.tr("18 characters; may be left empty"))
        self.notes = QLineEdit(objectName="notes")
        # A member who is also a registered volunteer (a grown-up child serving in the village team, say).
        self.volunteer_id = member.volunteer_id if member is not None else ""
        volunteer = QHBoxLayout()
        self.volunteer_name = QLabel(objectName="volunteerName")
        self.pick_volunteer_button = QPushButton(self.tr("Choose…"), objectName="pickVolunteer")
        self.unlink_button = QPushButton(self.tr("Not a volunteer"), objectName="unlinkVolunteer")
        volunteer.addWidget(self.volunteer_name, 1)
        volunteer.addWidget(self.pick_volunteer_button)
        volunteer.addWidget(self.unlink_button)
        self.pick_volunteer_button.clicked.connect(self.pick_volunteer)
        self.unlink_button.clicked.connect(lambda: self.set_volunteer("", ""))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Relation to the head"), self.relation)
        form.addRow(self.tr("Birth date"), self.birth_date)
        form.addRow(self.tr("ID number"), self.id_number)
        form.addRow(self.tr("Also a volunteer"), volunteer)
        form.addRow(self.tr("Notes"), self.notes)
        # Notes shown when the household's are open, or when a new member is added by someone who may see them.
        self.notes_shown = notes_shown
        self.health = _notes_edit("health")
        self.disability = _notes_edit("disability")
        if notes_shown:
            form.addRow(self.tr("Health"), self.health)
            form.addRow(self.tr("Disability"), self.disability)
        if member is not None:
            self.name.setText(member.name)
            self.relation.setCurrentIndex(max(self.relation.findData(member.relation), 0))
            self.birth_date.setText(member.birth_date)
            self.id_number.setText(member.id_masked)
            self.notes.setText(member.notes)
        if notes is not None:
            self.health.setPlainText(notes.health)
            self.disability.setPlainText(notes.disability)
        self.set_volunteer(self.volunteer_id, member.volunteer_name if member is not None else "")
        self.message = FormMessage()
        below.addWidget(self.message)
        below.addWidget(save_cancel_buttons(self, self.save))
        self.name.setFocus()

    def pick_volunteer(self) -> QDialog:
        from ui.volunteer_picker import pick_one
        return pick_one(self, self.context, lambda row: self.set_volunteer(row.id, row.name))

    def set_volunteer(self, volunteer_id: str, name: str) -> None:
        self.volunteer_id = volunteer_id
        self.volunteer_name.setText(name if volunteer_id else self.tr("No"))
        self.unlink_button.setVisible(bool(volunteer_id))

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"name": self.name, "relation": self.relation, "birth_date": self.birth_date,
                "id_number": self.id_number, "notes": self.notes, "health": self.health,
                "disability": self.disability, "volunteer_id": self.pick_volunteer_button}

    def save(self) -> None:
        form = MemberForm(name=self.name.text(), relation=self.relation.currentData(),
                          birth_date=self.birth_date.text(), id_number=self.id_number.text(),
                          volunteer_id=self.volunteer_id, notes=self.notes.text())
        special = SpecialNotes(self.health.toPlainText(), self.disability.toPlainText()) if self.notes_shown else None
        member, household_id = self.member, self.household_id

        def work(uow: UnitOfWork) -> MemberInfo:
            if member is None:
                return households.add_household_member(uow, household_id=household_id, form=form, special=special)
            return households.update_household_member(uow, member_id=member.id, form=form, special=special)

        write(self.context, self, work, form=Form(self.message, self.fields), done=self._saved)

    def _saved(self, member: MemberInfo) -> None:
        self.saved = member
        self.accept()


# -- a household ---------------------------------------------------------------------------------------

class HouseholdDialog(QDialog):
    """Register a household, or change one and its members; its health, disability and income notes are opened
    here, after saying why, by who may see them."""

    def __init__(self, context: AppContext, info: HouseholdInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.info = context, info
        self.saved: HouseholdInfo | None = None
        self.revealed: RevealedNotes | None = None
        self.may_edit = context.can(Permission.EDIT_HOUSEHOLDS) and (
            info is None or HouseholdAction.CHANGE in info.actions)
        self.may_see_notes = context.can(Permission.VIEW_SENSITIVE)
        self.setObjectName("householdDialog")
        if info is None:
            self.setWindowTitle(self.tr("Register a household"))
        elif self.may_edit:
            self.setWindowTitle(self.tr("Change household"))
        else:
            self.setWindowTitle(self.tr("Household details"))
        form, below = scrolling_form(self)
        self.head_name = QLineEdit(objectName="headName")
        self.id_number = QLineEdit(objectName="idNumber")
        self.id_number.setPlaceholderText(self.tr("The head's ID number: 18 characters; a lower-case x is fine"))
        self.phone = QLineEdit(objectName="phone")
        self.group_name = QLineEdit(objectName="groupName")
        self.group_name.setPlaceholderText(self.tr("For example: 三组"))
        self.address = QLineEdit(objectName="address")
        self.people = QSpinBox(objectName="size")
        self.people.setRange(0, households.MOST_PEOPLE)
        self.people.setSpecialValueText("—")
        self.categories = QWidget(objectName="categories")
        self.category_boxes: dict[str, QCheckBox] = {}
        self._category_flow = FlowLayout(self.categories)
        self._category_flow.setContentsMargins(0, 0, 0, 0)
        self.poverty_cause = QLineEdit(objectName="povertyCause")
        self.recheck_on = QLineEdit(objectName="recheckOn")
        self.recheck_on.setPlaceholderText(self.tr("2027-11-29 or 2027年11月29日; empty for a year from today"))
        self.notes = QLineEdit(objectName="notes")
        form.addRow(self.tr("Head of household"), self.head_name)
        form.addRow(self.tr("ID number"), self.id_number)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Villagers' group"), self.group_name)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("People in the household"), self.people)
        form.addRow(self.tr("Categories of help"), self.categories)
        form.addRow(self.tr("Cause of poverty"), self.poverty_cause)
        form.addRow(self.tr("Next yearly check"), self.recheck_on)
        form.addRow(self.tr("Notes"), self.notes)
        # The status: chosen at registration, then changed with its own button (and the day it changed).
        self.status = QComboBox(objectName="status")
        for status in HouseholdStatus:
            self.status.addItem(translate("desktop", status.label), status.value)
        self.status_on = QLineEdit(objectName="statusOn")
        self.status_on.setPlaceholderText(self.tr("The day it began; empty for today"))
        self.status_text = QLabel(objectName="statusText")
        if info is None:
            form.addRow(self.tr("Status"), self.status)
            form.addRow(self.tr("Status since"), self.status_on)
        else:
            form.addRow(self.tr("Status"), self.status_text)

        self.notes_box = QGroupBox(self.tr("Health, disability and income notes"), objectName="notesBox")
        notes_layout = QVBoxLayout(self.notes_box)
        self.notes_hint = QLabel(objectName="notesHint")
        self.notes_hint.setWordWrap(True)
        self.show_notes_button = QPushButton(self.tr("Show health and disability notes…"), objectName="showNotes")
        self.health = _notes_edit("health")
        self.disability = _notes_edit("disability")
        self.income_notes = _notes_edit("incomeNotes")
        self.member_notes = QLabel(objectName="memberNotes")
        self.member_notes.setWordWrap(True)
        self.notes_fields = QWidget()
        fields = QVBoxLayout(self.notes_fields)
        fields.setContentsMargins(0, 0, 0, 0)
        for caption, edit in ((self.tr("Health"), self.health), (self.tr("Disability"), self.disability),
                              (self.tr("Income notes"), self.income_notes)):
            fields.addWidget(QLabel(caption))
            fields.addWidget(edit)
        fields.addWidget(self.member_notes)
        notes_layout.addWidget(self.notes_hint)
        notes_layout.addWidget(self.show_notes_button)
        notes_layout.addWidget(self.notes_fields)
        self.show_notes_button.clicked.connect(self.show_notes)
        form.addRow(self.notes_box)
        self.notes_box.setVisible(self.may_see_notes)

        self.members_box = QGroupBox(self.tr("Members of the household"), objectName="membersBox")
        members_layout = QVBoxLayout(self.members_box)
        self.members_model = RecordTableModel([
            Column(self.tr("Name"), lambda m: m.name),
            Column(self.tr("Relation"), lambda m: label(Relation, m.relation)),
            Column(self.tr("Birth date"), lambda m: m.birth_date),
            Column(self.tr("Age"), lambda m: m.age, align_right=True),
            Column(self.tr("ID number"), lambda m: m.id_masked),
        ], row_id=lambda m: m.id, parent=self)
        self.members_table = record_table(self.members_model, name="membersTable")
        self.members_table.setMinimumHeight(self.members_table.verticalHeader().defaultSectionSize() * 4)
        self.members_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        members_layout.addWidget(self.members_table)
        member_buttons = FlowLayout()
        self.add_member_button = QPushButton(self.tr("Add a member…"), objectName="addMember")
        self.edit_member_button = QPushButton(self.tr("Change member…"), objectName="editMember")
        self.remove_member_button = QPushButton(self.tr("Take off the household…"), objectName="removeMember")
        for button in (self.add_member_button, self.edit_member_button, self.remove_member_button):
            member_buttons.addWidget(button)
            button.setVisible(self.may_edit)
        member_buttons.addStretch()
        members_layout.addLayout(member_buttons)
        self.members_hint = QLabel(self.tr("Save the household first, then add its members."), objectName="membersHint")
        self.members_hint.setWordWrap(True)
        members_layout.addWidget(self.members_hint)
        self.add_member_button.clicked.connect(self.add_member)
        self.edit_member_button.clicked.connect(self.edit_member)
        self.remove_member_button.clicked.connect(self.remove_member)
        self.members_table.doubleClicked.connect(lambda *_: self.edit_member())
        self.members_table.selectionModel().selectionChanged.connect(lambda *_: self._member_chosen())
        form.addRow(self.members_box)

        self.message = FormMessage()
        below.addWidget(self.message)
        self.buttons = save_cancel_buttons(self, self.save)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setVisible(self.may_edit)
        below.addWidget(self.buttons)
        read(context, self, lambda uow: households.list_categories(uow, include_inactive=True),
             done=self._show_categories)
        self._fill(info)
        self._show_notes_state()
        self.head_name.setFocus()

    # -- filling ---------------------------------------------------------------------------------------

    def _fill(self, info: HouseholdInfo | None) -> None:
        self.members_hint.setVisible(info is None and self.may_edit)
        self.add_member_button.setEnabled(info is not None)
        if info is None:
            self._member_chosen()
            return
        row = info.row
        self.head_name.setText(row.head_name)
        self.id_number.setText(row.id_masked)
        self.phone.setText(row.phone)
        self.group_name.setText(row.group_name)
        self.address.setText(row.address)
        self.people.setValue(row.size)
        self.poverty_cause.setText(row.poverty_cause)
        self.recheck_on.setText(row.recheck_on)
        self.notes.setText(row.notes)
        self.status_text.setText(self.tr("{status} since {day}").format(
            status=label(HouseholdStatus, row.status), day=row.status_on or "—"))
        self.members_model.set_rows(list(info.members))
        self._member_chosen()
        if not self.may_edit:
            for widget in (self.head_name, self.id_number, self.phone, self.group_name, self.address, self.people,
                           self.categories, self.poverty_cause, self.recheck_on, self.notes):
                widget.setEnabled(False)

    def _show_categories(self, categories: list[CategoryInfo]) -> None:
        had = set(self.info.row.categories) if self.info is not None else set()
        for category in categories:
            if not category.active and category.code not in had:
                continue  # switched off: not offered, but kept where a household has it
            box = QCheckBox(_category_name(category), objectName=f"category_{category.code}")
            box.setChecked(category.code in had)
            box.setEnabled(self.may_edit)
            self.category_boxes[category.code] = box
            self._category_flow.addWidget(box)
        self._category_flow.addStretch()

    def chosen_categories(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.category_boxes.items() if box.isChecked())

    # -- the notes -------------------------------------------------------------------------------------

    def _notes_open(self) -> bool:
        """New households take notes straight away from who may see them; a registered one's open with a reason."""
        return self.may_see_notes and (self.info is None or self.revealed is not None)

    def _show_notes_state(self) -> None:
        opened = self._notes_open()
        self.notes_fields.setVisible(opened)
        self.show_notes_button.setVisible(not opened and self.info is not None)
        for edit in (self.health, self.disability, self.income_notes):
            edit.setReadOnly(not self.may_edit)
        if opened:
            self.notes_hint.setText(self.tr("Kept from most eyes: only the coordinator and the station admin see "
                                            "these notes, and never on a list, a paper or in Excel."))
        else:
            recorded = self.info.special_recorded if self.info is not None else ()
            self.notes_hint.setText(self.tr("Hidden. Opening them asks why, and the audit log keeps it.") + " " + (
                self.tr("Notes are recorded.") if recorded else self.tr("No notes are recorded yet.")))

    def show_notes(self) -> QDialog | None:
        if self.info is None or not self.may_see_notes:
            return None
        dialog = ReasonDialog(self.context, self.info.id, self.info.row.head_name, self)
        dialog.accepted.connect(lambda: self._notes_opened(dialog.revealed))
        return open_dialog(dialog)

    def _notes_opened(self, revealed: RevealedNotes | None) -> None:
        if revealed is None:
            return
        self.revealed = revealed
        self.health.setPlainText(revealed.notes.health)
        self.disability.setPlainText(revealed.notes.disability)
        self.income_notes.setPlainText(revealed.notes.income_notes)
        lines = [self.tr("{name}: {notes}").format(name=member.name, notes="；".join(
            part for part in (member.health, member.disability) if part))
            for member in revealed.members if member.health or member.disability]
        self.member_notes.setText("\n".join([self.tr("Members' notes (change them under Change member…):"), *lines])
                                  if lines else "")
        self.member_notes.setVisible(bool(lines))
        self._show_notes_state()

    def _member_notes(self, member_id: str) -> MemberNotes | None:
        if self.revealed is None:
            return None
        return next((notes for notes in self.revealed.members if notes.member_id == member_id), None)

    # -- members ---------------------------------------------------------------------------------------

    def _member_chosen(self) -> None:
        chosen = selected_object(self.members_table) is not None
        self.edit_member_button.setEnabled(chosen)
        self.remove_member_button.setEnabled(chosen)

    def _reload_members(self, *_: object) -> None:
        if self.info is None:
            return
        household_id = self.info.id
        read(self.context, self, lambda uow: households.list_household_members(uow, household_id=household_id),
             done=self._members_read)

    def _members_read(self, members: list[MemberInfo]) -> None:
        self.members_model.set_rows(members)
        self._member_chosen()

    def add_member(self) -> QDialog | None:
        if self.info is None or not self.may_edit:
            return None
        dialog = MemberDialog(self.context, self.info.id, None, None, notes_shown=self._notes_open(), parent=self)
        dialog.accepted.connect(self._reload_members)
        return open_dialog(dialog)

    def edit_member(self) -> QDialog | None:
        member = selected_object(self.members_table)
        if member is None or self.info is None or not self.may_edit:
            return None
        dialog = MemberDialog(self.context, self.info.id, member, self._member_notes(member.id),
                              notes_shown=self._notes_open(), parent=self)
        dialog.accepted.connect(self._reload_members)
        return open_dialog(dialog)

    def remove_member(self) -> None:
        member = selected_object(self.members_table)
        if member is None or not self.may_edit:
            return
        if not confirm(self, self.tr("Take a member off"), self.tr(
                "Take {name} off the household? The record is kept in the history, marked as taken off.").format(
                name=member.name), action=self.tr("Take off")):
            return
        write(self.context, self, lambda uow: households.remove_household_member(uow, member_id=member.id),
              done=self._reload_members)

    # -- saving ----------------------------------------------------------------------------------------

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"head_name": self.head_name, "id_number": self.id_number, "phone": self.phone,
                "group_name": self.group_name, "address": self.address, "size": self.people,
                "categories": self.categories, "poverty_cause": self.poverty_cause, "recheck_on": self.recheck_on,
                "notes": self.notes, "status": self.status, "status_on": self.status_on, "health": self.health,
                "disability": self.disability, "income_notes": self.income_notes}

    def form(self) -> HouseholdForm:
        return HouseholdForm(
            head_name=self.head_name.text(), id_number=self.id_number.text(), phone=self.phone.text(),
            group_name=self.group_name.text(), address=self.address.text(), size=self.people.value(),
            categories=self.chosen_categories(), poverty_cause=self.poverty_cause.text(),
            recheck_on=self.recheck_on.text(), notes=self.notes.text())

    def save(self, allow_similar: bool = False) -> None:
        if not self.may_edit:
            self.reject()
            return
        form, info = self.form(), self.info
        special = SpecialNotes(self.health.toPlainText(), self.disability.toPlainText(),
                               self.income_notes.toPlainText()) if self._notes_open() else None
        status, status_on = self.status.currentData(), self.status_on.text()

        def work(uow: UnitOfWork) -> HouseholdInfo:
            if info is None:
                return households.register_household(uow, form=form, status=status, status_on=status_on,
                                                     special=special, allow_similar=allow_similar)
            return households.update_household(uow, household_id=info.id, form=form, special=special,
                                               allow_similar=allow_similar)

        write(self.context, self, work, form=Form(self.message, self.fields), done=self._saved,
              failed=self._not_saved)

    def _saved(self, info: HouseholdInfo) -> None:
        self.saved = info
        self.accept()

    def _not_saved(self, error: BaseException) -> None:
        """A household at the same place under the same head is a question, not a refusal."""
        if isinstance(error, PossibleDuplicate):
            question = self.tr("A household of {name} at {place} is registered already. Save this one anyway?").format(
                name=error.params.get("other_name", ""), place=error.params.get("address", ""))
            if confirm(self, self.tr("Possible duplicate"), question, action=self.tr("Save anyway")):
                self.save(allow_similar=True)
                return
        report(error, message=self.message, fields=self.fields, parent=self)


class StatusDialog(QDialog):
    """Change a household's status (being helped, out of poverty, moved away, deceased) and the day it changed."""

    def __init__(self, context: AppContext, row: HouseholdRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.row = context, row
        self.saved: HouseholdInfo | None = None
        self.setObjectName("statusDialog")
        self.setWindowTitle(self.tr("Change status"))
        form, below = scrolling_form(self)
        form.addRow(QLabel(self.tr("{name}'s household: {status} since {day}.").format(
            name=row.head_name, status=label(HouseholdStatus, row.status), day=row.status_on or "—")))
        self.status = QComboBox(objectName="status")
        for status in HouseholdStatus:
            self.status.addItem(translate("desktop", status.label), status.value)
        self.status.setCurrentIndex(max(self.status.findData(row.status), 0))
        self.on = QLineEdit(today(context).isoformat(), objectName="statusOn")
        self.on.setPlaceholderText(self.tr("The day it changed; empty for today"))
        form.addRow(self.tr("New status"), self.status)
        form.addRow(self.tr("Since"), self.on)
        self.message = FormMessage()
        below.addWidget(self.message)
        below.addWidget(save_cancel_buttons(self, self.save))

    def save(self) -> None:
        household_id, status, on = self.row.id, self.status.currentData(), self.on.text()
        write(self.context, self, lambda uow: households.change_status(uow, household_id=household_id,
                                                                      status=status, on=on),
              form=Form(self.message, {"status": self.status, "status_on": self.on}), done=self._saved)

    def _saved(self, info: HouseholdInfo) -> None:
        self.saved = info
        self.accept()


# -- the timeline and the paper for a visit ----------------------------------------------------------------

class TimelineDialog(QDialog):
    """Everything a household received, newest first, with the paper for a visit and the list in Excel."""

    def __init__(self, context: AppContext, row: HouseholdRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.row = context, row
        self.setObjectName("timelineDialog")
        self.setWindowTitle(self.tr("What the household received"))
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("{name}'s household, {place}").format(
            name=row.head_name, place=households.place_of(row.group_name, row.address) or "—"))
        title.setWordWrap(True)
        layout.addWidget(title)
        self.columns = [
            Column(self.tr("Date"), lambda e: e.on),
            Column(self.tr("What"), lambda e: label(TimelineKind, e.kind)),
            Column(self.tr("Details"), lambda e: e.what),
            Column(self.tr("From or who"), lambda e: e.by),
            Column(self.tr("Amount"), lambda e: self.tr("¥{amount}").format(amount=f"{e.amount:g}") if e.amount
                   else "", align_right=True, sort_value=lambda e: e.amount),
        ]
        self.model = RecordTableModel(self.columns, row_id=lambda e: (e.kind, e.source_id), parent=self)
        self.table = record_table(self.model, name="timelineTable")
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("Nothing recorded yet: fulfilled micro-wishes, sponsors' visits and hand-overs, "
                                    "and trainings show here."), objectName="timelineEmpty")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(self.tr("Print visit summary…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("printSummary")
        self.export_button = buttons.addButton(self.tr("Export to Excel…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("exportTimeline")
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(lambda: print_visit_summary(self, context, row))
        self.export_button.clicked.connect(self.export)
        layout.addWidget(buttons)
        read(context, self, self._loader(), done=self._show)

    def _loader(self) -> Callable[[UnitOfWork], list[TimelineEntry]]:
        household_id = self.row.id
        return lambda uow: households.household_timeline(uow, household_id=household_id)

    def _show(self, entries: list[TimelineEntry]) -> None:
        self.model.set_rows(entries)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not entries)

    def export(self) -> Task | None:
        name = self.tr("{name} received {day}").format(name=self.row.head_name, day=today(self.context).isoformat())
        return export_rows(self, self.context, suggested_name=name, title=self.tr("What the household received"),
                           columns=self.columns, rows_loader=self._loader())


def print_visit_summary(parent: QWidget, context: AppContext, row: HouseholdRow) -> Task:
    """The A4 paper for a visit: read the summary, then ask where to save it and open it to print."""
    def print_it(summary) -> None:
        from ui import printing

        name = QCoreApplication.translate("HouseholdsView", "Visit summary {name} {day}.pdf").format(
            name=row.head_name, day=summary.printed_on)
        printing.save_and_open_pdf(parent, context, name, lambda path: printing.household_summary_pdf(summary, path))

    return read(context, parent, lambda uow: households.visit_summary(uow, household_id=row.id), done=print_it)


# -- categories of help (the admin's) -----------------------------------------------------------------------

class CategoriesDialog(QDialog):
    """The categories of help: the built-in ones, and those the station admin adds, renames and switches off."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("categoriesDialog")
        self.setWindowTitle(self.tr("Categories of help"))
        self.resize(620, 480)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The built-in categories stay as they are. Add a category of your own, rename it, or "
                               "switch it off: households that have it keep it, new ones are not offered it."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = RecordTableModel([
            Column(self.tr("Category"), _category_name),
            Column(self.tr("Kind"), lambda c: self.tr("Built in") if c.built_in else self.tr("Added here")),
            Column(self.tr("In use"), lambda c: self.tr("Yes") if c.active else self.tr("Switched off")),
        ], row_id=lambda c: c.code, parent=self)
        self.table = record_table(self.model, name="categoriesTable")
        layout.addWidget(self.table, 1)
        row = FlowLayout()
        self.name = QLineEdit(objectName="categoryName")
        self.name.setPlaceholderText(self.tr("Name of the category"))
        self.add_button = QPushButton(self.tr("Add"), objectName="addCategory")
        self.rename_button = QPushButton(self.tr("Rename"), objectName="renameCategory")
        self.switch_button = QPushButton(self.tr("Switch off"), objectName="switchCategory")
        row.addWidget(self.name, 1)
        for button in (self.add_button, self.rename_button, self.switch_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.message = FormMessage()
        layout.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.switch_button.clicked.connect(self.switch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.reload()

    def reload(self, *_: object) -> None:
        read(self.context, self, lambda uow: households.list_categories(uow, include_inactive=True), done=self._show)

    def _show(self, categories: list[CategoryInfo]) -> None:
        chosen = selected_object(self.table)
        self.model.set_rows(categories)
        if chosen is not None:
            from ui.table import select_by_id
            select_by_id(self.table, chosen.code)
        self._chosen()

    def _chosen(self) -> None:
        category = selected_object(self.table)
        own = category is not None and not category.built_in
        self.rename_button.setEnabled(own)
        self.switch_button.setEnabled(own)
        self.switch_button.setText(self.tr("Switch on") if own and not category.active else self.tr("Switch off"))

    def _done(self, category: CategoryInfo) -> None:
        self.name.clear()
        self.message.show_done(self.tr("Saved: {name}.").format(name=category.name))
        self.reload()

    def add(self) -> None:
        name = self.name.text()
        write(self.context, self, lambda uow: households.add_category(uow, name=name),
              form=Form(self.message, {"name": self.name}), done=self._done)

    def rename(self) -> None:
        category = selected_object(self.table)
        if category is None or category.built_in:
            return
        name = self.name.text()
        write(self.context, self, lambda uow: households.rename_category(uow, code=category.code, name=name),
              form=Form(self.message, {"name": self.name}), done=self._done)

    def switch(self) -> None:
        category = selected_object(self.table)
        if category is None or category.built_in:
            return
        write(self.context, self, lambda uow: households.set_category_active(uow, code=category.code,
                                                                            active=not category.active),
              form=Form(self.message, {"name": self.name}), done=self._done)


# -- duplicates and the import's report ----------------------------------------------------------------------

class HouseholdDuplicatesDialog(duplicates.DuplicatesDialog):
    """Households that look registered twice; pick two and fold one into the other."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, name="householdDuplicatesDialog", may_merge=context.can(Permission.EDIT_HOUSEHOLDS),
                         intro=self.tr("These households share the head's ID number, or the head's name and the "
                                       "place. Select the two that are the same household, choose which record to "
                                       "keep, and merge them. The members, micro-wishes, sponsorships and trainings "
                                       "of the other count for the one kept."),
                         columns=[
            Column(self.tr("Head of household"), lambda row: row.head_name),
            Column(self.tr("ID number"), lambda row: row.id_masked),
            Column(self.tr("Place"), lambda row: households.place_of(row.group_name, row.address)),
            Column(self.tr("Categories"), lambda row: category_text(row.category_names)),
            Column(self.tr("Members"), lambda row: row.members, align_right=True),
            Column(self.tr("Status"), lambda row: label(HouseholdStatus, row.status)),
        ], parent=parent)
        self.setWindowTitle(self.tr("Households registered twice?"))

    def find(self, uow) -> list[DuplicateGroup]:
        return households.find_duplicate_households(uow)

    def records(self, group: DuplicateGroup) -> tuple[HouseholdRow, ...]:
        return group.households

    def merge(self, uow, keep_id: str, merge_id: str) -> HouseholdInfo:
        return households.merge_households(uow, keep_id=keep_id, merge_id=merge_id)

    def reason_text(self, reason: str) -> str:
        if reason == "id_number":
            return self.tr("Same ID number")
        return self.tr("Same head and place")

    def keep_text(self, row: HouseholdRow) -> str:
        return " ".join(part for part in (row.head_name, row.id_masked,
                                          households.place_of(row.group_name, row.address)) if part)

    def ask(self, keep: HouseholdRow, other: HouseholdRow) -> bool:
        text = self.tr("Merge the household of {other} ({other_place}) into that of {keep} ({keep_place})? The "
                       "record of {other} is closed; its members, micro-wishes, sponsorships and trainings count for "
                       "the household kept. This cannot be undone.").format(
            other=other.head_name, other_place=households.place_of(other.group_name, other.address) or "—",
            keep=keep.head_name, keep_place=households.place_of(keep.group_name, keep.address) or "—")
        return confirm(self, self.tr("Merge two households"), text, action=self.tr("Merge"))


class HouseholdImportReportDialog(ImportReportDialog):
    """What an import of households did, row by row."""

    def __init__(self, result, source: Path, parent: QWidget | None = None) -> None:
        super().__init__(result, source, parent)
        self.setObjectName("householdImportReportDialog")
        self.setWindowTitle(self.tr("Import report"))

    def summary_text(self, result, source: Path) -> str:
        # each figure after its words, which then read right for one as for more
        return self.tr("Households added from {file}: {added}. Rows refused: {refused}. Rows registered already or "
                       "looking like a household registered twice: {duplicates}.").format(
            added=result.added, file=source.name, refused=len(result.refused), duplicates=len(result.duplicates))

    def duplicates_heading(self) -> str:
        return self.tr("Not added, because the household seems to be registered already:")


# -- households trained at a training (opened from the activities area) -----------------------------------------

class TraineesDialog(QDialog):
    """Who of which household was trained at a training: a household chosen, then its head or one of its members."""

    def __init__(self, context: AppContext, activity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.activity = context, activity
        self.chosen: HouseholdRow | None = None
        self.setObjectName("traineesDialog")
        self.setWindowTitle(self.tr("Households trained"))
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("{title}, {date}").format(title=activity.title, date=activity.date))
        title.setWordWrap(True)
        layout.addWidget(title)
        self.model = RecordTableModel([
            Column(self.tr("Household"), lambda t: t.head_name),
            Column(self.tr("Villagers' group"), lambda t: t.group_name),
            Column(self.tr("Who was trained"), lambda t: t.name),
        ], row_id=lambda t: t.id, parent=self)
        self.table = record_table(self.model, name="traineesTable")
        layout.addWidget(self.table, 1)
        self.editable = context.can(Permission.EDIT_HOUSEHOLDS) and takes_trainees(activity.kind, activity.status)
        adding = FlowLayout()
        self.pick_button = QPushButton(self.tr("Choose a household…"), objectName="pickHousehold")
        self.who = QComboBox(objectName="who")
        self.who.setMinimumContentsLength(8)
        self.add_button = QPushButton(self.tr("Add"), objectName="addTrainee")
        self.remove_button = QPushButton(self.tr("Take off the list"), objectName="removeTrainee")
        for widget in (self.pick_button, self.who, self.add_button, self.remove_button):
            adding.addWidget(widget)
            widget.setVisible(self.editable)
        adding.addStretch()
        layout.addLayout(adding)
        self.message = FormMessage()
        layout.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.pick_button.clicked.connect(self.pick)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self._update()
        self.reload()

    def reload(self, *_: object) -> None:
        activity_id = self.activity.id
        read(self.context, self, lambda uow: households.list_trainees(uow, activity_id=activity_id),
             done=self._show)

    def _show(self, trainees: list[TraineeInfo]) -> None:
        self.model.set_rows(trainees)
        self._update()

    def _update(self) -> None:
        self.add_button.setEnabled(self.chosen is not None)
        self.who.setEnabled(self.chosen is not None)
        self.remove_button.setEnabled(selected_object(self.table) is not None)

    def pick(self) -> QDialog:
        from ui.household_picker import pick_one
        return pick_one(self, self.context, self.choose)

    def choose(self, row: HouseholdRow) -> None:
        """A household chosen: its head, and its members as they are read, are offered as who was trained."""
        self.chosen = row
        self.pick_button.setText(row.head_name)
        self.who.clear()
        self.who.addItem(self.tr("{name} (head)").format(name=row.head_name), "")
        read(self.context, self, lambda uow: households.list_household_members(uow, household_id=row.id),
             done=self._members)
        self._update()

    def _members(self, members: list[MemberInfo]) -> None:
        for member in members:
            self.who.addItem(f"{member.name}（{label(Relation, member.relation)}）", member.id)

    def add(self) -> None:
        if self.chosen is None:
            return
        activity_id, household_id, member_id = self.activity.id, self.chosen.id, self.who.currentData() or ""
        write(self.context, self, lambda uow: households.add_trainee(uow, activity_id=activity_id,
                                                                    household_id=household_id, member_id=member_id),
              form=Form(self.message, {"household_id": self.pick_button, "member_id": self.who}),
              done=self._added)

    def _added(self, trainee: TraineeInfo) -> None:
        self.message.show_done(self.tr("Added: {name}.").format(name=trainee.name))
        self.reload()

    def remove(self) -> None:
        trainee = selected_object(self.table)
        if trainee is None:
            return
        write(self.context, self, lambda uow: households.remove_trainee(uow, trainee_id=trainee.id),
              form=Form(self.message, {}), done=self.reload)


# -- the list -------------------------------------------------------------------------------------------------

class HouseholdsView(ListArea):
    shows = frozenset({"households", "household_members", "household_categories"})

    def __init__(self, context: AppContext) -> None:
        super().__init__(context, name="householdsView", title=self.tr("Households in need"),
                         table_name="householdsTable", columns=[
            Column(self.tr("Head of household"), lambda r: r.head_name),
            Column(self.tr("Villagers' group"), lambda r: r.group_name),
            Column(self.tr("Address"), lambda r: r.address),
            Column(self.tr("People"), lambda r: r.size or "", align_right=True, sort_value=lambda r: r.size),
            Column(self.tr("Categories"), lambda r: category_text(r.category_names)),
            Column(self.tr("Cause of poverty"), lambda r: r.poverty_cause),
            Column(self.tr("Status"), lambda r: label(HouseholdStatus, r.status)),
            Column(self.tr("Next yearly check"), lambda r: (r.recheck_on + " ⚠") if r.recheck_due else r.recheck_on,
                   sort_value=lambda r: r.recheck_on),
            Column(self.tr("Phone"), lambda r: r.phone),
            Column(self.tr("ID number"), lambda r: r.id_masked),
        ])  # in pinyin order of the head's name until a heading is clicked
        self.may_edit = context.can(Permission.EDIT_HOUSEHOLDS)
        self._opening = False
        self.last_dialog: QDialog | None = None

        self.add_search(self.tr("Search: head's name, pinyin, initials, phone, or last digits of the ID number"))
        status = QComboBox(objectName="statusFilter")
        for choice in HouseholdStatus:
            status.addItem(translate("desktop", choice.label), choice.value)
        status.addItem(self.tr("All"), "")
        self.status_filter = self.add_filter(self.tr("Status"), status)
        category = QComboBox(objectName="categoryFilter")
        category.addItem(self.tr("Any category"), "")
        self.category_filter = self.add_filter(self.tr("Category"), category)
        group = QComboBox(objectName="groupFilter")
        group.addItem(self.tr("Any group"), None)
        self.group_filter = self.add_filter(self.tr("Villagers' group"), group)
        self.recheck_filter = QCheckBox(self.tr("Yearly check due"), objectName="recheckDue")
        self.recheck_filter.toggled.connect(lambda *_: self.read_list())
        self.add_filter(None, self.recheck_filter)
        self.table.doubleClicked.connect(lambda *_: self.edit_selected())

        self.register_button = self.add_button(self.tr("Register…"), "registerHousehold", self.register,
                                               allowed=self.may_edit)
        self.edit_button = self.add_button(self.tr("Change…") if self.may_edit else self.tr("Details…"),
                                           "editHousehold", self.edit_selected)
        self.status_button = self.add_button(self.tr("Change status…"), "changeStatus", self.change_status,
                                             allowed=self.may_edit)
        self.timeline_button = self.add_button(self.tr("What it received…"), "timeline", self.open_timeline)
        self.print_button = self.add_button(self.tr("Print visit summary…"), "printSummary", self.print_summary)
        self.reveal_button = self.add_button(self.tr("Show full ID number"), "showHouseholdId", self.reveal_selected,
                                             allowed=context.can(Permission.VIEW_ID_NUMBERS))
        self.duplicates_button = self.add_button(self.tr("Find duplicates…"), "findHouseholdDuplicates",
                                                 self.find_duplicates)
        self.categories_button = self.add_button(self.tr("Categories of help…"), "categories", self.edit_categories,
                                                 allowed=context.can(Permission.MANAGE_STATION))
        self.import_button = self.add_button(self.tr("Import from Excel…"), "importHouseholds", self.import_excel,
                                             allowed=self.may_edit)
        self.finish()
        # The workbook is the service's (its headers are the ones an import reads back), not the shown columns.
        self.export_button = QPushButton(self.tr("Export to Excel…"), objectName="exportHouseholds")
        self.export_button.clicked.connect(lambda *_: self.export_excel())
        self.buttons.addWidget(self.export_button)

    # -- the list ----------------------------------------------------------------------------------------

    def current_filter(self) -> HouseholdFilter:
        status = self.status_filter.currentData()
        return HouseholdFilter(text=self.search.text(), statuses=(status,) if status else households.ALL_STATUSES,
                               category=self.category_filter.currentData() or "",
                               group_name=self.group_filter.currentData(), recheck_due=self.recheck_filter.isChecked())

    def rows_loader(self) -> Callable[[UnitOfWork], list[HouseholdRow]]:
        where = self.current_filter()
        return lambda uow: households.search_households(uow, where=where)

    def reload(self) -> None:
        super().reload()
        read(self.context, self, lambda uow: (households.list_categories(uow), households.household_groups(uow)),
             done=self._fill_filters)

    def _fill_filters(self, found: tuple[list[CategoryInfo], list[str]]) -> None:
        """The categories and groups there are, the one chosen kept (a change of it reads the list again)."""
        categories, groups = found
        for combo, items, anything in ((self.category_filter, [(_category_name(c), c.code) for c in categories],
                                        (self.tr("Any category"), "")),
                                       (self.group_filter, [(group, group) for group in groups],
                                        (self.tr("Any group"), None))):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(*anything)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
            if combo.currentData() != current:
                self.read_list()

    def rows_shown(self, rows) -> None:
        self.count_label.setVisible(True)
        self.count_label.setText(counted(len(rows), self.tr("1 household"), self.tr("{count} households"),
                                         count=QLocale().toString(len(rows))))

    def update_actions(self) -> None:
        has = self.selected() is not None
        for button in (self.edit_button, self.status_button, self.timeline_button, self.print_button,
                       self.reveal_button):
            button.setEnabled(has)

    # -- actions -------------------------------------------------------------------------------------------

    def _saved(self, dialog) -> None:
        # The save's change reloads the list (follow_changes); the household saved is selected in it.
        if dialog.saved is not None:
            self.select_next(dialog.saved.id)

    def register(self) -> QDialog | None:
        if not self.may_edit:
            return None
        dialog = HouseholdDialog(self.context, None, self)
        dialog.accepted.connect(lambda: self._saved(dialog))
        self.last_dialog = open_dialog(dialog)
        return dialog

    def edit_selected(self) -> Task | None:
        """Read the selected household, then open it (kept as ``last_dialog``)."""
        row = self.selected()
        if row is None or self._opening:
            return None
        self._opening = True

        def opened(info: HouseholdInfo) -> None:
            self._opening = False
            dialog = HouseholdDialog(self.context, info, self)
            dialog.accepted.connect(lambda: self._saved(dialog))
            self.last_dialog = open_dialog(dialog)

        def failed(error: BaseException) -> None:
            self._opening = False
            show_error(self, error)

        return read(self.context, self, lambda uow: households.get_household(uow, household_id=row.id),
                    done=opened, failed=failed)

    def change_status(self) -> QDialog | None:
        row = self.selected()
        if row is None or not self.may_edit:
            return None
        dialog = StatusDialog(self.context, row, self)
        dialog.accepted.connect(lambda: self._saved(dialog))
        self.last_dialog = open_dialog(dialog)
        return dialog

    def open_timeline(self) -> QDialog | None:
        row = self.selected()
        if row is None:
            return None
        self.last_dialog = open_dialog(TimelineDialog(self.context, row, self))
        return self.last_dialog

    def print_summary(self) -> Task | None:
        row = self.selected()
        if row is None:
            return None
        return print_visit_summary(self, self.context, row)

    def reveal_selected(self) -> Task | None:
        """Read the head's full ID number (the reading is logged), then show it (kept as ``last_dialog``)."""
        row = self.selected()
        if row is None or not self.context.can(Permission.VIEW_ID_NUMBERS):
            return None

        def show(number: str) -> None:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Full ID number"),
                              self.tr("ID number of {name}, head of the household:").format(name=row.head_name),
                              QMessageBox.StandardButton.Close, self)
            box.setInformativeText(number or self.tr("No ID number is recorded."))
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.setObjectName("fullIdDialog")
            self.last_dialog = open_dialog(box)

        return write(self.context, self, lambda uow: households.reveal_household_id_number(uow, household_id=row.id),
                     done=show)

    def find_duplicates(self) -> QDialog:
        # A merge's change reloads the list (follow_changes).
        return open_dialog(HouseholdDuplicatesDialog(self.context, self))

    def edit_categories(self) -> QDialog | None:
        if not self.context.can(Permission.MANAGE_STATION):
            return None
        return open_dialog(CategoriesDialog(self.context, self))

    def import_excel(self) -> Task | None:
        if not self.may_edit:
            return None
        path = choose_import_file(self, self.tr("Import households from Excel"))
        if path is None:
            return None

        def work(uow, progress: Progress):
            data = path.read_bytes()

            def step(done: int, total: int) -> None:
                progress.check()  # a cancel rolls the whole import back: nothing half-imported
                progress.report(done, total, "")

            return household_excel.import_households(uow, data=data, progress=step)

        def done(result) -> None:
            # The import's change reloads the list (follow_changes).
            self.import_report = open_dialog(HouseholdImportReportDialog(result, path, self))

        return write(self.context, self, work, title=self.tr("Importing households…"), progress=True, done=done)

    def export_excel(self) -> Task | None:
        where = self.current_filter()
        name = self.tr("households-{day}").format(day=today(self.context).isoformat())
        return export_bytes(self, self.context, suggested_name=name, title=self.tr("Export households to Excel"),
                            make_bytes=lambda uow: household_excel.export_households(uow, where=where))
