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
from ui.i18n import translate
from ui.operations import read
from ui.table import Column
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
}

ENTITIES = {
    "users": QT_TRANSLATE_NOOP("AuditView", "account"),
    "regions": QT_TRANSLATE_NOOP("AuditView", "region"),
    "settings": QT_TRANSLATE_NOOP("AuditView", "setting"),
    "village_profile": QT_TRANSLATE_NOOP("AuditView", "village profile"),
    "station": QT_TRANSLATE_NOOP("AuditView", "station"),
    "backups": QT_TRANSLATE_NOOP("AuditView", "backup"),
    "conflict": QT_TRANSLATE_NOOP("AuditView", "sync conflict"),
    "volunteers": QT_TRANSLATE_NOOP("AuditView", "volunteer"),
    "teams": QT_TRANSLATE_NOOP("AuditView", "volunteer team"),
    "team_members": QT_TRANSLATE_NOOP("AuditView", "team member"),
    "activities": QT_TRANSLATE_NOOP("AuditView", "activity"),
    "participants": QT_TRANSLATE_NOOP("AuditView", "activity participant"),
    "service_hours": QT_TRANSLATE_NOOP("AuditView", "service hours"),
    "star_notices": QT_TRANSLATE_NOOP("AuditView", "star level notice"),
    "certificates": QT_TRANSLATE_NOOP("AuditView", "certificate"),
    "nominations": QT_TRANSLATE_NOOP("AuditView", "good-people nomination"),
}


FIELDS = {
    "username": QT_TRANSLATE_NOOP("AuditView", "user name"),
    "display_name": QT_TRANSLATE_NOOP("AuditView", "name"),
    "role": QT_TRANSLATE_NOOP("AuditView", "role"),
    "active": QT_TRANSLATE_NOOP("AuditView", "may sign in"),
    "password_hash": QT_TRANSLATE_NOOP("AuditView", "password"),
    "must_change_password": QT_TRANSLATE_NOOP("AuditView", "must choose a new password"),
    "station_name": QT_TRANSLATE_NOOP("AuditView", "station name"),
    "contact_name": QT_TRANSLATE_NOOP("AuditView", "contact person"),
    "contact_phone": QT_TRANSLATE_NOOP("AuditView", "contact phone"),
    "address": QT_TRANSLATE_NOOP("AuditView", "address"),
    "office_hours": QT_TRANSLATE_NOOP("AuditView", "office hours"),
    "notes": QT_TRANSLATE_NOOP("AuditView", "notes"),
    "name": QT_TRANSLATE_NOOP("AuditView", "name"),
    "code": QT_TRANSLATE_NOOP("AuditView", "code"),
    "level": QT_TRANSLATE_NOOP("AuditView", "level"),
    "key": QT_TRANSLATE_NOOP("AuditView", "setting"),
    "value": QT_TRANSLATE_NOOP("AuditView", "value"),
    "reason": QT_TRANSLATE_NOOP("AuditView", "why"),
    "village": QT_TRANSLATE_NOOP("AuditView", "village"),
    "added": QT_TRANSLATE_NOOP("AuditView", "added"),
    "renamed": QT_TRANSLATE_NOOP("AuditView", "renamed"),
    "unchanged": QT_TRANSLATE_NOOP("AuditView", "unchanged"),
    "attempts": QT_TRANSLATE_NOOP("AuditView", "attempts"),
    "kept_aside": QT_TRANSLATE_NOOP("AuditView", "previous database kept at"),
    "by": QT_TRANSLATE_NOOP("AuditView", "by"),
    "gender": QT_TRANSLATE_NOOP("AuditView", "gender"),
    "birth_date": QT_TRANSLATE_NOOP("AuditView", "birth date"),
    "id_number": QT_TRANSLATE_NOOP("AuditView", "ID number"),
    "phone": QT_TRANSLATE_NOOP("AuditView", "phone"),
    "political_status": QT_TRANSLATE_NOOP("AuditView", "political status"),
    "skills": QT_TRANSLATE_NOOP("AuditView", "skills"),
    "volunteer_number": QT_TRANSLATE_NOOP("AuditView", "volunteer number"),
    "registered_on": QT_TRANSLATE_NOOP("AuditView", "registered on"),
    "status": QT_TRANSLATE_NOOP("AuditView", "status"),
    "merged_into": QT_TRANSLATE_NOOP("AuditView", "merged into"),
    "merged": QT_TRANSLATE_NOOP("AuditView", "merged record"),
    "teams_moved": QT_TRANSLATE_NOOP("AuditView", "team places moved"),
    "refused": QT_TRANSLATE_NOOP("AuditView", "refused"),
    "duplicates": QT_TRANSLATE_NOOP("AuditView", "duplicates"),
    "kind": QT_TRANSLATE_NOOP("AuditView", "kind"),
    "description": QT_TRANSLATE_NOOP("AuditView", "description"),
    "team_id": QT_TRANSLATE_NOOP("AuditView", "team"),
    "volunteer_id": QT_TRANSLATE_NOOP("AuditView", "volunteer"),
    "joined_on": QT_TRANSLATE_NOOP("AuditView", "joined on"),
    "title": QT_TRANSLATE_NOOP("AuditView", "title"),
    "date": QT_TRANSLATE_NOOP("AuditView", "date"),
    "start_time": QT_TRANSLATE_NOOP("AuditView", "start"),
    "end_time": QT_TRANSLATE_NOOP("AuditView", "end"),
    "place": QT_TRANSLATE_NOOP("AuditView", "place"),
    "trained": QT_TRANSLATE_NOOP("AuditView", "trained"),
    "closed_on": QT_TRANSLATE_NOOP("AuditView", "closed on"),
    "activity_id": QT_TRANSLATE_NOOP("AuditView", "activity"),
    "rostered": QT_TRANSLATE_NOOP("AuditView", "on the roster"),
    "attended": QT_TRANSLATE_NOOP("AuditView", "came"),
    "hours": QT_TRANSLATE_NOOP("AuditView", "hours"),
    "served_on": QT_TRANSLATE_NOOP("AuditView", "served on"),
    "content": QT_TRANSLATE_NOOP("AuditView", "service"),
    "reverses_id": QT_TRANSLATE_NOOP("AuditView", "reverses"),
    "recorded_by_name": QT_TRANSLATE_NOOP("AuditView", "recorded by"),
    "number": QT_TRANSLATE_NOOP("AuditView", "number"),
    "issued_on": QT_TRANSLATE_NOOP("AuditView", "issued on"),
    "period_from": QT_TRANSLATE_NOOP("AuditView", "from"),
    "period_to": QT_TRANSLATE_NOOP("AuditView", "to"),
    "issuer": QT_TRANSLATE_NOOP("AuditView", "issuer"),
    "id_shown": QT_TRANSLATE_NOOP("AuditView", "ID number printed"),
    "reprint_of": QT_TRANSLATE_NOOP("AuditView", "reprint of"),
    "issued_by_name": QT_TRANSLATE_NOOP("AuditView", "issued by"),
    "category": QT_TRANSLATE_NOOP("AuditView", "category"),
    "deeds": QT_TRANSLATE_NOOP("AuditView", "deeds"),
    "nominated_by": QT_TRANSLATE_NOOP("AuditView", "nominated by"),
    "nominated_on": QT_TRANSLATE_NOOP("AuditView", "nominated on"),
    "notice_from": QT_TRANSLATE_NOOP("AuditView", "notice from"),
    "notice_to": QT_TRANSLATE_NOOP("AuditView", "notice to"),
    "decided_on": QT_TRANSLATE_NOOP("AuditView", "decided on"),
    "decision_note": QT_TRANSLATE_NOOP("AuditView", "decision note"),
}

# Bookkeeping columns that say nothing to a person reading the log.
_QUIET = {"id", "created_at", "created_by", "updated_at", "updated_by", "hlc", "field_hlc", "deleted",
          "village_code", "parent_code", "source", "failed_attempts", "last_failed_at", "last_sign_in_at",
          "search_text", "sort_key"}


def action_text(action: str) -> str:
    return translate("AuditView", ACTIONS[action]) if action in ACTIONS else action


def describe(row: AuditRow) -> str:
    """The details in one readable line; changes as ``field: old → new``."""
    parts = []
    for name, value in row.details.items():
        if name in _QUIET:
            continue
        label = field_label(name)
        if isinstance(value, list) and len(value) == 2 and row.action == "update":
            parts.append(f"{label}: {_value(value[0])} → {_value(value[1])}")
        elif value not in (None, "", [], {}):
            parts.append(f"{label}: {_value(value)}")
    return "; ".join(parts)


def _value(value: object) -> str:
    if value is True:
        return QCoreApplication.translate("AuditView", "yes")
    if value is False:
        return QCoreApplication.translate("AuditView", "no")
    return "—" if value in (None, "") else str(value)


def entity_label(entity: str | None) -> str:
    """What kind of record, in words ("village profile"); also used by the sync screen."""
    return translate("AuditView", ENTITIES[entity]) if entity in ENTITIES else (entity or "")


def field_label(name: str) -> str:
    return translate("AuditView", FIELDS[name]) if name in FIELDS else name


def what(row: AuditRow) -> str:
    return entity_label(row.entity)


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
        return self.tr("{count} entries").format(count=total)

    def read_list(self) -> None:
        self._resize_next = True
        super().read_list()

    def rows_shown(self, rows) -> None:
        if self._resize_next:  # the first page after the list started again; later pages leave the widths
            self._resize_next = False
            self.table.resizeColumnsToContents()

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
