"""Reading the audit log: who did what, and when — every record, field and value as people know it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Select, String, cast, func, or_, select

from desktop.domain.labels import field_label
from desktop.domain.roles import Permission
from desktop.errors import Term
from desktop.services import records
from desktop.storage.models import AuditEntry
from desktop.storage.uow import UnitOfWork, aware

# Bookkeeping columns that say nothing to a person reading the log.
QUIET = frozenset({"id", "created_at", "created_by", "updated_at", "updated_by", "hlc", "field_hlc", "deleted",
                   "village_code", "parent_code", "source", "failed_attempts", "last_failed_at", "last_sign_in_at",
                   "search_text", "sort_key", "numbers", "key", "kept_stamp", "lost_stamp", "lost_station",
                   "row_id", "station_id", "seq", "database_id", "last_hlc"})


@dataclass(frozen=True)
class AuditFilter:
    user_id: str | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str = ""


@dataclass(frozen=True)
class AuditDetail:
    """One field (or setting) of an entry: its label, its value and, for a change, the value before — each as
    people know it (labels are ``Term``s to translate in the ``desktop`` context)."""

    label: Term | str
    value: object
    before: object = None
    changed: bool = False


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    user_name: str
    action: str
    entity: str | None
    entity_id: str | None
    details: dict[str, object]  # as stored
    subject: str | Term = ""  # the record the entry is about, by name
    shown: tuple[AuditDetail, ...] = ()  # the details as people know them, bookkeeping left out


def _naive_utc(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


def _filtered(query: Select, where: AuditFilter) -> Select:
    if where.user_id:
        query = query.where(AuditEntry.user_id == where.user_id)
    if where.action:
        query = query.where(AuditEntry.action == where.action)
    if where.since:
        query = query.where(AuditEntry.at >= _naive_utc(where.since))
    if where.until:
        query = query.where(AuditEntry.at < _naive_utc(where.until))
    if where.text.strip():
        pattern = f"%{where.text.strip()}%"
        query = query.where(or_(AuditEntry.user_name.like(pattern), AuditEntry.entity_id.like(pattern),
                                cast(AuditEntry.details, String).like(pattern)))
    return query


def count_audit(uow: UnitOfWork, *, where: AuditFilter) -> int:
    uow.require(Permission.VIEW_AUDIT)
    return uow.session.scalar(_filtered(select(func.count()).select_from(AuditEntry), where)) or 0


def list_audit(uow: UnitOfWork, *, where: AuditFilter, offset: int = 0, limit: int = 200) -> list[AuditRow]:
    """Newest first, one page at a time so a long log opens at once; the records the page names are read
    a table at a time for their names."""
    uow.require(Permission.VIEW_AUDIT)
    query = _filtered(select(AuditEntry), where).order_by(AuditEntry.id.desc()).offset(offset).limit(limit)
    entries = list(uow.session.scalars(query))
    wanted = []
    for entry in entries:
        if entry.entity and entry.entity_id:
            wanted.append((entry.entity, entry.entity_id))
        wanted += records.references(entry.entity, entry.details or {})
    known = records.names(uow.session, wanted)
    return [_row(entry, known) for entry in entries]


def _row(entry: AuditEntry, known: records.Names) -> AuditRow:
    details = dict(entry.details or {})
    table = entry.entity
    if table == "settings":  # one setting: shown by its label, never as "value"
        key = str(details.get("key") or entry.entity_id or "")
        details = {key: details["value"]} if "value" in details else {}
        subject: str | Term = ""
    elif table == "backups":
        subject = entry.entity_id or ""  # the backup's file name
    else:
        subject = known.get((table or "", entry.entity_id or ""), "")
    shown = []
    for name, value in details.items():
        if name in QUIET:
            continue
        if table == "settings":
            label: Term | str = records.setting_label(name)
        else:
            found = field_label(table, name)
            label = Term(found) if found is not None else name
        if isinstance(value, list) and len(value) == 2 and entry.action == "update":
            shown.append(AuditDetail(label, records.shown(table, name, value[1], known),
                                     records.shown(table, name, value[0], known), changed=True))
        elif value not in (None, "", [], {}):
            shown.append(AuditDetail(label, records.shown(table, name, value, known)))
    return AuditRow(entry.id, aware(entry.at), entry.user_name, entry.action, entry.entity, entry.entity_id,
                    dict(entry.details or {}), subject, tuple(shown))


def audit_actions(uow: UnitOfWork) -> list[str]:
    uow.require(Permission.VIEW_AUDIT)
    return list(uow.session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))
