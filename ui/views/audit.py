"""The audit log (admin): who did what and when, filtered by person, kind of action, dates and text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QPushButton,
)

from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import accounts, audit
from desktop.services.accounts import UserInfo
from desktop.services.audit import AuditFilter, AuditRow
from desktop.storage.uow import UnitOfWork
from ui.context import AppContext
from ui.i18n import counted, translate
from ui.operations import read
from ui.records import record_text, shown_text
from ui.table import Column, fit_columns
from ui.views.lists import ListArea

ACTIONS = {
    "create": QT_TRANSLATE_NOOP("AuditView", "Created"),
    "update": QT_TRANSLATE_NOOP("AuditView", "Changed"),
    "delete": QT_TRANSLATE_NOOP("AuditView", "Deleted"),
    "sign_in": QT_TRANSLATE_NOOP("AuditView", "Signed in"),
    "sign_in_failed": QT_TRANSLATE_NOOP("AuditView", "Wrong password"),
    "sign_out": QT_TRANSLATE_NOOP("AuditView", "Signed out"),
    "lock": QT_TRANSLATE_NOOP("AuditView", "Locked the station"),
    "reset_password": QT_TRANSLATE_NOOP("AuditView", "Reset a password"),
    "change_password": QT_TRANSLATE_NOOP("AuditView", "Changed own password"),
    "set_up_station": QT_TRANSLATE_NOOP("AuditView", "Set up the station"),
    "import_regions": QT_TRANSLATE_NOOP("AuditView", "Imported regions"),
    "backup": QT_TRANSLATE_NOOP("AuditView", "Backed up"),
    "restore": QT_TRANSLATE_NOOP("AuditView", "Restored a backup"),
    "enroll": QT_TRANSLATE_NOOP("AuditView", "Enrolled with the city"),
    "show_id_number": QT_TRANSLATE_NOOP("AuditView", "Looked at a full ID number"),
    "merge_volunteers": QT_TRANSLATE_NOOP("AuditView", "Merged duplicate volunteers"),
    "import_volunteers": QT_TRANSLATE_NOOP("AuditView", "Imported volunteers"),
    "show_sensitive": QT_TRANSLATE_NOOP("AuditView", "Opened health and disability notes"),
    "merge_households": QT_TRANSLATE_NOOP("AuditView", "Merged a household registered twice"),
    "import_households": QT_TRANSLATE_NOOP("AuditView", "Imported households"),
    "import_stock": QT_TRANSLATE_NOOP("AuditView", "Imported goods and opening stock"),
    "collect_wish": QT_TRANSLATE_NOOP("AuditView", "Collected a micro-wish"),
    "vet_wish": QT_TRANSLATE_NOOP("AuditView", "Vetted a micro-wish"),
    "reject_wish": QT_TRANSLATE_NOOP("AuditView", "Rejected a micro-wish"),
    "publish_wish": QT_TRANSLATE_NOOP("AuditView", "Published a micro-wish on the wish board"),
    "record_wish_contact": QT_TRANSLATE_NOOP("AuditView", "Recorded a claimant's contact"),
    "fulfil_wish": QT_TRANSLATE_NOOP("AuditView", "Recorded a micro-wish fulfilled"),
    "withdraw_wish": QT_TRANSLATE_NOOP("AuditView", "Withdrew a micro-wish"),
    "expire_wish": QT_TRANSLATE_NOOP("AuditView", "Marked a micro-wish expired"),
    "reopen_wish": QT_TRANSLATE_NOOP("AuditView", "Reopened a micro-wish"),
    "release_wish_claim": QT_TRANSLATE_NOOP("AuditView", "Let a claim on a micro-wish go"),
    "claim_wish": QT_TRANSLATE_NOOP("AuditView", "Claimed a wish on the wish board"),
}

def action_text(action: str) -> str:
    return translate("AuditView", ACTIONS[action]) if action in ACTIONS else action


def describe(row: AuditRow) -> str:
    """The details in one readable line; changes as ``field: old → new``."""
    parts = []
    for detail in row.shown:
        label, value = shown_text(detail.label), shown_text(detail.value)
        if detail.changed:
            parts.append(f"{label}: {shown_text(detail.before)} → {value}")
        else:
            parts.append(f"{label}: {value}")
    return "; ".join(parts)


def what(row: AuditRow) -> str:
    return record_text(row.entity, row.subject)


def who(row: AuditRow) -> str:
    """People by name; the station's own work (set-up, daily backups) as "the station"."""
    return QCoreApplication.translate("AuditView", "the station") if row.user_name == "system" else row.user_name


class AuditView(ListArea):
    """Reads again when shown after anything changed (every change writes the audit log), keeping the
    filters chosen; the people to filter by are read again too (people may have been added)."""

    shows = frozenset({"audit_log", "users"})

    def __init__(self, context: AppContext) -> None:
        super().__init__(context, name="auditView", title=self.tr("Audit log"), table_name="auditTable",
                         paged=True, single=False, columns=[
            Column(self.tr("When"), lambda r: r.at),
            Column(self.tr("Who"), who),
            Column(self.tr("Action"), lambda r: action_text(r.action)),
            Column(self.tr("What"), what),
            Column(self.tr("Details"), describe),
        ])
        self.person = self.add_filter(self.tr("Person"), QComboBox(objectName="person"))
        self.action = self.add_filter(self.tr("Action"), QComboBox(objectName="action"))
        self.use_dates = QCheckBox(self.tr("From"), objectName="useDates")
        self.since = QDateEdit(objectName="since")
        self.until = QDateEdit(objectName="until")
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        today = QDate.currentDate()
        self.since.setDate(today.addDays(-30))
        self.until.setDate(today)
        self.add_filter(None, self.use_dates)
        self.add_filter(None, self.since)
        self.add_filter(self.tr("to"), self.until)
        self.text = self.add_search(self.tr("Search"))
        self.text.setObjectName("text")
        self.clear_button = QPushButton(self.tr("Show all"), objectName="clearFilters")
        self.filters.addWidget(self.clear_button)
        self.finish()

        for edit in (self.since, self.until):
            edit.dateChanged.connect(lambda *_: self.read_list() if self.use_dates.isChecked() else None)
        self.use_dates.toggled.connect(lambda *_: self.read_list())
        self.clear_button.clicked.connect(self.clear_filters)
        self._resize_next = False

    def reload(self) -> None:
        """The people and actions to filter by, and the list (when shown after a change): the list from its
        first page, with the count of what the filters let through."""
        self._fill_choices()
        self.read_list()

    def _fill_choices(self) -> None:
        read(self.context, self, lambda uow: (accounts.list_users(uow), audit.audit_actions(uow)),
             done=lambda answer: self._show_choices(*answer))

    def _show_choices(self, people: list[UserInfo], actions: list[str]) -> None:
        chosen = (self.person.currentData(), self.action.currentData())
        for combo in (self.person, self.action):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("Everyone") if combo is self.person else self.tr("Any action"), None)
        for person in people:
            self.person.addItem(person.display_name, person.id)
        for action in sorted(set(actions) | set(ACTIONS), key=action_text):
            self.action.addItem(action_text(action), action)
        for combo, data in zip((self.person, self.action), chosen, strict=True):
            combo.setCurrentIndex(max(combo.findData(data), 0))
            combo.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        since = until = None
        if self.use_dates.isChecked():
            since = datetime.combine(self.since.date().toPython(), time()).astimezone()
            until = datetime.combine(self.until.date().toPython() + timedelta(days=1), time()).astimezone()
        return AuditFilter(user_id=self.person.currentData(), action=self.action.currentData(),
                           since=since, until=until, text=self.text.text())

    def page_loader(self) -> Callable[[UnitOfWork, int, int], list[AuditRow]]:
        where = self.current_filter()
        return lambda uow, offset, limit: audit.list_audit(uow, where=where, offset=offset, limit=limit)

    def count_loader(self) -> Callable[[UnitOfWork], int]:
        where = self.current_filter()
        return lambda uow: audit.count_audit(uow, where=where)

    def count_text(self, total: int) -> str:
        return counted(total, self.tr("1 entry"), self.tr("{count} entries"))

    def read_list(self) -> None:
        self._resize_next = True
        super().read_list()

    def rows_shown(self, rows) -> None:
        if self._resize_next:  # the first page after the list started again; later pages leave the widths
            self._resize_next = False
            fit_columns(self.table)

    def clear_filters(self) -> None:
        for widget in (self.person, self.action, self.use_dates, self.text):
            widget.blockSignals(True)
        self.person.setCurrentIndex(0)
        self.action.setCurrentIndex(0)
        self.use_dates.setChecked(False)
        self.text.clear()
        for widget in (self.person, self.action, self.use_dates, self.text):
            widget.blockSignals(False)
        self.read_list()
