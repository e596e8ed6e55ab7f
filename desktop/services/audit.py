"""Reading the audit log: who did what, and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Select, String, cast, func, or_, select

from desktop.domain.roles import Permission
from desktop.storage.models import AuditEntry
from desktop.storage.uow import UnitOfWork, aware


@dataclass(frozen=True)
class AuditFilter:
    user_id: str | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str = ""


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    user_name: str
    action: str
    entity: str | None
    entity_id: str | None
    details: dict[str, object]


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
    """Newest first, one page at a time so a long log opens at once."""
    uow.require(Permission.VIEW_AUDIT)
    query = _filtered(select(AuditEntry), where).order_by(AuditEntry.id.desc()).offset(offset).limit(limit)
    return [AuditRow(e.id, aware(e.at), e.user_name, e.action, e.entity, e.entity_id, dict(e.details or {}))
            for e in uow.session.scalars(query)]


def audit_actions(uow: UnitOfWork) -> list[str]:
    uow.require(Permission.VIEW_AUDIT)
    return list(uow.session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))
