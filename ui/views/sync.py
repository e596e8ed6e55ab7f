"""The sync area: how this station stands with the city server, enrollment, and conflicts to settle."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.roles import Permission
from desktop.services import sync as sync_service
from desktop.services.sync import ConflictInfo, NotAppliedInfo, SetAsideInfo, SyncStatus
from ui.context import AppContext
from ui.dialogs import open_dialog
from ui.forms import FormMessage, clear_problems, heading, report, save_cancel_buttons
from ui.i18n import counted, error_text, translate
from ui.layouts import scrolling_part
from ui.operations import read, write
from ui.records import entity_label, field_label, record_text, shown_text
from ui.table import Column, RecordTableModel, display, record_table, select_by_id, selected_object
from ui.views import LoadsWhenShown


def last_sync_text(status: SyncStatus) -> str:
    """When the station last synced and whether it went well: the sync page's "Last sync" row (its label
    says the rest)."""
    if not status.enrolled:
        return QCoreApplication.translate("SyncView", "Not enrolled with the city")
    if status.last_sync_at is None:
        return QCoreApplication.translate("SyncView", "never")
    when = display(status.last_sync_at)
    if status.last_sync_ok is False:
        return QCoreApplication.translate("SyncView", "{when}, did not finish").format(when=when)
    return when


def status_line(status: SyncStatus) -> str:
    """One line for the status bar: when the station last synced (as the sync page says it) and what waits."""
    if not status.enrolled:
        return last_sync_text(status)
    parts = [QCoreApplication.translate("SyncView", "Last sync {when}").format(when=last_sync_text(status))]
    if status.changes_waiting:
        parts.append(counted(status.changes_waiting, QCoreApplication.translate("SyncView", "1 change waiting"),
                             QCoreApplication.translate("SyncView", "{count} changes waiting")))
    if status.conflicts_open:
        parts.append(counted(status.conflicts_open, QCoreApplication.translate("SyncView", "1 conflict to review"),
                             QCoreApplication.translate("SyncView", "{count} conflicts to review")))
    if status.not_applied:
        parts.append(counted(status.not_applied, QCoreApplication.translate(
            "SyncView", "1 record from the city not used"), QCoreApplication.translate(
            "SyncView", "{count} records from the city not used")))
    if status.clock_warning:
        parts.append(QCoreApplication.translate("SyncView", "the PC's clock is wrong"))
    return " · ".join(parts)


class EnrollDialog(QDialog):
    """The station admin enrolls the station with the code the city office gave them."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("enrollDialog")
        self.setWindowTitle(self.tr("Enroll with the city server"))
        form = QFormLayout(self)
        intro = QLabel(self.tr("Type the city server's address and the enrollment code from the city office. "
                               "A code works once."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.server = QLineEdit(objectName="server")
        self.server.setPlaceholderText("https://…")
        self.code = QLineEdit(objectName="code")
        self.code.setPlaceholderText("ABCD-EFGH-JKLM")
        form.addRow(self.tr("Server address"), self.server)
        form.addRow(self.tr("Enrollment code"), self.code)
        self.message = FormMessage()
        form.addRow(self.message)
        form.addRow(save_cancel_buttons(self, self.enroll))

    def enroll(self) -> None:
        fields = {"server": self.server, "code": self.code}
        clear_problems(self.message, fields)
        server, code = self.server.text().strip(), self.code.text().strip()
        if not server.startswith(("http://", "https://")):
            self.message.show_problem(self.tr("The address starts with https:// (or http://)."))
            self.server.setFocus()
            return
        if not code:
            self.message.show_problem(self.tr("Type the enrollment code."))
            self.code.setFocus()
            return
        db, actor = self.context.db, self.context.actor

        def work(_progress):
            from sync.client.run import enroll
            return enroll(db, server, code, actor=actor)

        def failed(error: BaseException) -> None:
            report(error, message=self.message, fields=fields, parent=self)

        self.context.runner.run(work, title=self.tr("Enrolling…"), parent=self, on_success=lambda _r: self.accept(),
                                on_error=failed, cancellable=False)


class SyncView(LoadsWhenShown, QWidget):
    # The status (changes waiting, the last run, records held back), the conflicts and what did not go through.
    shows = frozenset({"sync_state", "outbox", "sync_held", "sync_set_aside", "sync_not_applied", "conflicts"})

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.scheduler = context.sync
        self.setObjectName("syncView")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Sync with the city")))
        layout = scrolling_part(layout)  # below the heading: scrolls when the window is too low for it

        box = QGroupBox(self.tr("Status"))
        form = QFormLayout(box)
        self.server_label = QLabel(objectName="server")
        self.last_label = QLabel(objectName="lastSync")
        self.waiting_label = QLabel(objectName="waiting")
        self.problem_label = QLabel(objectName="problem")
        self.problem_label.setWordWrap(True)
        self.progress_label = QLabel(objectName="progress")
        form.addRow(self.tr("City server"), self.server_label)
        form.addRow(self.tr("Last sync"), self.last_label)
        form.addRow(self.tr("Waiting to be sent"), self.waiting_label)
        form.addRow(self.problem_label)
        form.addRow(self.progress_label)
        layout.addWidget(box)
        row = QHBoxLayout()
        self.sync_button = QPushButton(self.tr("Sync now"), objectName="syncNow")
        self.enroll_button = QPushButton(self.tr("Enroll with the city…"), objectName="enroll")
        row.addWidget(self.sync_button)
        row.addWidget(self.enroll_button)
        row.addStretch()
        layout.addLayout(row)

        conflicts = QGroupBox(self.tr("Conflicts to review"))
        inner = QVBoxLayout(conflicts)
        note = QLabel(self.tr("Two PCs changed the same thing before they synced. The later change was kept; "
                              "look at both values and keep the right one."))
        note.setWordWrap(True)
        inner.addWidget(note)
        self.conflicts = RecordTableModel([
            Column(self.tr("Record"), lambda c: record_text(c.table, c.subject)),
            Column(self.tr("Field"), lambda c: field_label(c.table, c.field)),
            Column(self.tr("Value now"), lambda c: shown_text(c.value_now)),
            Column(self.tr("Other value"), lambda c: shown_text(c.other_value)),
        ], row_id=lambda c: c.id, parent=self)
        self.conflict_table = record_table(self.conflicts, name="conflictsTable")
        inner.addWidget(self.conflict_table)
        buttons = QHBoxLayout()
        self.keep_current = QPushButton(self.tr("Keep the value now"), objectName="keepKept")
        self.keep_other = QPushButton(self.tr("Keep the other value"), objectName="keepLost")
        buttons.addWidget(self.keep_current)
        buttons.addWidget(self.keep_other)
        buttons.addStretch()
        inner.addLayout(buttons)
        layout.addWidget(conflicts, 1)

        # What did not go through, either way: kept here with the reason, never lost.
        self.problems = QTabWidget(objectName="syncProblems")
        self.set_aside = RecordTableModel([
            Column(self.tr("When"), lambda s: s.set_aside_at),
            Column(self.tr("Record"), lambda s: entity_label(s.table)),
            Column(self.tr("Why"), lambda s: translate("desktop", s.why)),
        ], row_id=lambda s: s.change_id, parent=self)
        self.problems.addTab(record_table(self.set_aside, name="setAsideTable"),
                             self.tr("Changes the city server refused"))
        self.not_applied = RecordTableModel([
            Column(self.tr("When"), lambda s: s.set_aside_at),
            Column(self.tr("Record"), lambda s: entity_label(s.table)),
            Column(self.tr("Why"), lambda s: translate("desktop", s.why)),
        ], row_id=lambda s: f"{s.entity}/{s.row_id}/{s.set_aside_at}", parent=self)
        received = QWidget()
        received_layout = QVBoxLayout(received)
        received_layout.setContentsMargins(0, 0, 0, 0)
        explained = QLabel(self.tr("These records from the city could not be used on this PC; everything else was. "
                                   "The city office has been told. Installing the newest version of Village "
                                   "Station may help."))
        explained.setWordWrap(True)
        received_layout.addWidget(explained)
        received_layout.addWidget(record_table(self.not_applied, name="notAppliedTable"))
        self.problems.addTab(received, self.tr("Records from the city not used"))
        layout.addWidget(self.problems)

        can_enroll = context.can(Permission.MANAGE_STATION)
        self.enroll_button.setVisible(can_enroll)
        can_settle = context.can(Permission.EDIT_VOLUNTEER_WORK)
        self.keep_current.setVisible(can_settle)
        self.keep_other.setVisible(can_settle)
        self.sync_button.clicked.connect(self.sync_now)
        self.enroll_button.clicked.connect(self.open_enroll)
        self.keep_current.clicked.connect(lambda: self.settle(sync_service.KEEP_KEPT))
        self.keep_other.clicked.connect(lambda: self.settle(sync_service.KEEP_LOST))
        self.conflict_table.selectionModel().selectionChanged.connect(self._enable_settling)
        self._enable_settling()
        self.scheduler.started.connect(self._started)
        self.scheduler.progressed.connect(self._progressed)
        # Bound methods, not lambdas: Qt drops them when this view goes (sign-out, a rebuilt window).
        self.scheduler.finished.connect(self._ended)
        self.scheduler.failed.connect(self._ended)
        self.follow_changes(context)

    def reload(self) -> None:
        def work(uow):
            return (sync_service.sync_status(uow), sync_service.list_conflicts(uow),
                    sync_service.list_set_aside(uow), sync_service.list_not_applied(uow))

        read(self.context, self, work, done=lambda answer: self._show(*answer))

    def _show(self, status: SyncStatus, conflicts: list[ConflictInfo], set_aside: list[SetAsideInfo],
              not_applied: list[NotAppliedInfo]) -> None:
        chosen = self.selected_conflict()
        self.server_label.setText(status.server_url or self.tr("Not enrolled yet"))
        self.last_label.setText(last_sync_text(status))
        self.waiting_label.setText(counted(status.changes_waiting, self.tr("1 change"), self.tr("{count} changes")))
        problems = []
        if status.last_sync_ok is False and status.last_error is not None:
            problems.append(error_text(status.last_error))
        if status.clock_warning:
            problems.append(self.tr("This PC's clock is {minutes} minutes off the city server's. Ask someone to "
                                    "set the date and time right.").format(
                minutes=round(abs(status.clock_offset_ms) / 60000)))
        self.problem_label.setText("\n".join(problems))
        self.problem_label.setVisible(bool(problems))
        if not self.scheduler.running:  # a sync's pages arrive while it runs: its progress stays shown
            self.progress_label.setText("")
        # Enabled before the station is enrolled too: pressing it says who enrolls it.
        self.sync_button.setEnabled(not self.scheduler.running)
        self.enroll_button.setText(self.tr("Enroll again…") if status.enrolled else self.tr("Enroll with the city…"))
        self.conflicts.set_rows(conflicts)
        if chosen is not None:
            select_by_id(self.conflict_table, chosen.id)
        self._enable_settling()
        self.set_aside.set_rows(set_aside)
        self.not_applied.set_rows(not_applied)
        self.problems.setTabText(0, self.tr("Changes the city server refused ({count})").format(count=len(set_aside)))
        self.problems.setTabText(1, self.tr("Records from the city not used ({count})").format(count=len(not_applied)))

    def _started(self) -> None:
        self.sync_button.setEnabled(False)
        self.progress_label.setText(self.tr("Syncing…"))

    def _progressed(self, _done: int, _total: int, text: str) -> None:
        self.progress_label.setText(text)

    def _ended(self, _result_or_error: object) -> None:
        self.refresh()  # "Sync now" may be pressed again, and a failed run says why

    def sync_now(self) -> None:
        self.scheduler.sync_now(parent=self, actor=self.context.actor)

    def open_enroll(self) -> QDialog:
        return open_dialog(EnrollDialog(self.context, self), self._enrolled)

    def _enrolled(self) -> None:
        # The enrollment's own change event shows the server; the first sync follows.
        self.scheduler.attach(self.context.db)
        self.scheduler.sync_now(parent=self, actor=self.context.actor)

    def selected_conflict(self) -> ConflictInfo | None:
        return selected_object(self.conflict_table)

    def _enable_settling(self, *_selection) -> None:
        """A conflict is settled one at a time: its buttons work once one is chosen in the list."""
        chosen = self.selected_conflict() is not None
        self.keep_current.setEnabled(chosen)
        self.keep_other.setEnabled(chosen)

    def settle(self, keep: str) -> None:
        conflict = self.selected_conflict()
        if conflict is None:
            return
        # The write's change event reaches this list and every area showing the record settled.
        write(self.context, self, lambda uow: sync_service.resolve_conflict(uow, conflict_id=conflict.id, keep=keep))
