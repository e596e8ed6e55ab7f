"""The unit of work every service runs in: one session, one transaction, its outbox and audit entries.

Services never write the outbox or the audit log for data changes themselves: a ``before_flush``
hook does it for every synced or recorded row, so no service can forget.  Synced rows may not be
deleted; services set their tombstone.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import ORMExecuteState, Session

from desktop.domain.actor import Actor
from desktop.domain.days import local_day
from desktop.domain.hlc import HybridClock
from desktop.domain.households import SPECIAL_FIELDS
from desktop.domain.id_number import mask_id_number
from desktop.domain.roles import Permission, Role
from desktop.domain.sync_kinds import FieldProblem, Merge, RecordKind, Text
from desktop.errors import InvalidInput, PermissionDenied, Term
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.storage.models import (
    AuditEntry,
    OutboxRecord,
    Recorded,
    Setting,
    Station,
    Synced,
    SyncHeld,
    SyncNotApplied,
    SyncProblem,
    SyncSetAside,
    SyncState,
    User,
    derived_values,
)

if TYPE_CHECKING:
    from desktop.storage.database import Database

log = logging.getLogger(__name__)

CHANGED = "changed_tables"  # the key of ``session.info`` under which a unit of work gathers what it changed

# Values the audit log must never hold in clear: secrets are hidden, ID numbers masked (PIPL art. 51).
_SECRET_FIELDS = {"password_hash"}
_MASKED_FIELDS = {"id_number", "id_shown"}
# Health, disability and income notes are opened only with a reason (desktop/services/households.py): the log
# says they changed, never what they say.
_SPECIAL_FIELDS = frozenset().union(*SPECIAL_FIELDS.values())
_AUDIT_SKIP_FIELDS = {"updated_at", "updated_by", "hlc", "field_hlc", "failed_attempts", "last_failed_at",
                      "last_sign_in_at"}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def aware(value: datetime | None) -> datetime | None:
    """Stored times are naive UTC; results carry the zone so screens can show local time."""
    return value.replace(tzinfo=UTC) if value is not None else None


class ReadOnlyWork(Exception):
    """A bug: something tried to write inside a read-only unit of work."""


class UnitOfWork:
    """One transaction on behalf of one actor.  Use ``Database.unit_of_work()`` to make one."""

    def __init__(self, session: Session, actor: Actor, clock: HybridClock, *, writable: bool,
                 now: Callable[[], datetime] = utcnow) -> None:
        self.session = session
        self.actor = actor
        self.clock = clock
        self.writable = writable
        self.now = now
        # The tables this unit of work changed, announced when it commits (``Database.watch``).
        self.changed: set[str] = session.info.setdefault(CHANGED, set())
        self.committed: frozenset[str] = frozenset()  # what an early ``commit()`` made permanent
        # Set while applying changes pulled from the city: rows keep the stamps they came with and
        # write no outbox record (they are the server's already) and no audit entry.
        self.applying_remote = False
        self._outside: list[tuple[Callable[[], None], Callable[[], None]]] = []  # see ``on_commit``

    def today(self) -> date:
        """The date of ``now()`` on this PC's calendar: the day records are made on."""
        return local_day(self.now())

    def role(self) -> Role:
        """The actor's role as it is now, not as it was at sign-in, so an account the admin has switched off
        or demoted loses its rights at once (``PermissionDenied`` for an account switched off)."""
        if self.actor.user_id is None:
            return self.actor.role
        user = self.session.get(User, self.actor.user_id)
        if user is None or not user.active:
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "desktop", "Your account has been switched off. Ask the station admin."))
        return Role(user.role)

    def require(self, permission: Permission) -> None:
        """Refuse unless the actor's role, as it is now, allows it."""
        role = self.role()
        if not role.can(permission):
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "desktop", "Your role ({role}) may not do this. Ask the station admin."), role=Term(role.label))

    def audit(self, action: str, *, entity: str | None = None, entity_id: str | None = None,
              **details: object) -> None:
        """Record an event that is not a row change (a sign-in, a backup, a full ID number shown)."""
        self.session.add(AuditEntry(
            at=self.now(), user_id=self.actor.user_id, user_name=self.actor.display_name,
            action=action, entity=entity, entity_id=entity_id, details=details))

    def commit(self) -> None:
        """Commit now, e.g. to keep a failed sign-in counted even though the service then raises."""
        self.session.commit()
        self.committed = frozenset(self.changed)

    def on_commit(self, kept: Callable[[], None], *, undone: Callable[[], None]) -> None:
        """Work outside the database that stands or falls with this unit of work (a certificate's paper, made
        before the register row it carries the number of): ``kept()`` runs once the unit of work has
        committed, ``undone()`` if it rolls back instead."""
        self._outside.append((kept, undone))

    def _settle_outside(self, *, committed: bool) -> None:
        for kept, undone in self._outside:
            try:
                (kept if committed else undone)()
            except Exception:  # the database's outcome stands whatever happens outside it
                log.exception("work outside the database could not be %s", "kept" if committed else "undone")
        self._outside.clear()

    # -- the hook -----------------------------------------------------------------------------

    def _before_flush(self, session: Session, _context: Any, _instances: Any) -> None:
        if not self.writable:
            if session.new or session.dirty or session.deleted:
                raise ReadOnlyWork("write attempted in a read-only unit of work")
            return
        now = self.now()
        try:
            if self.applying_remote:
                self._stamp_remote(session, now)
            else:
                self._stamp_local(session, now)
        finally:
            # What this flush writes, the outbox and audit rows just added included, is announced at commit.
            for obj in (*session.new, *session.dirty, *session.deleted):
                table = getattr(obj, "__tablename__", None)
                if table is not None and (obj not in session.dirty or session.is_modified(obj)):
                    self.changed.add(table)

    def _stamp_local(self, session: Session, now: datetime) -> None:
        stamped = False
        for obj in list(session.deleted):
            if isinstance(obj, Synced):
                raise RuntimeError(f"synced rows are never deleted; set the tombstone of {obj!r}")
            self._audit_row(obj, "delete", {})
        for obj in list(session.new):
            _apply_defaults(obj)
            _derive(obj, None)
            if isinstance(obj, Recorded):
                obj.created_at = obj.created_at or now
                obj.created_by = obj.created_by or self.actor.user_id
                obj.updated_at, obj.updated_by = now, self.actor.user_id
            if isinstance(obj, Synced):
                kind = obj.__sync__
                self._outbox(obj, [name for name in kind.fields if name not in kind.server_fields], now, new=True)
                stamped = True
            self._audit_row(obj, "create", _column_values(obj))
        for obj in list(session.dirty):
            changes = _changed_columns(obj)
            if not changes:
                continue
            if isinstance(obj, Synced) and obj.__sync__.merge == Merge.APPEND:
                raise RuntimeError(f"{obj.__sync__.entity} records are never changed; add a reversing one")
            _derive(obj, changes)
            if isinstance(obj, Recorded):
                obj.updated_at, obj.updated_by = now, self.actor.user_id
            if isinstance(obj, Synced):
                ruled = set(obj.__sync__.server_fields) & set(changes)
                if ruled:
                    raise RuntimeError(f"{', '.join(sorted(ruled))} of {obj.__sync__.entity} records are the city "
                                       "server's ruling; a station never writes them")
                changed = [name for name in obj.__sync__.fields if name in changes]
                if "deleted" in changes:
                    changed.append("deleted")
                if changed:
                    self._outbox(obj, changed, now, new=False)
                    stamped = True
            self._audit_row(obj, "update", changes)
        if stamped:
            station = session.get(Station, 1)
            if station is not None:
                station.last_hlc = str(self.clock.last)

    def _before_statement(self, state: ORMExecuteState) -> None:
        """Refuse a bulk ``update()``/``delete()`` of a synced table: it would go around the flush hook, so
        the change would reach neither the outbox nor the audit log.  Only the sync client's apply may."""
        if not (state.is_update or state.is_delete) or self.applying_remote:
            return
        for mapper in state.all_mappers:
            if issubclass(mapper.class_, Synced):
                raise RuntimeError(f"a bulk {'update' if state.is_update else 'delete'} of "
                                   f"{mapper.class_.__tablename__} would skip the outbox and the audit log; "
                                   "change the rows as objects in the unit of work")

    def _stamp_remote(self, session: Session, now: datetime) -> None:
        for obj in list(session.deleted):
            if isinstance(obj, Synced):
                raise RuntimeError(f"synced rows are never deleted; set the tombstone of {obj!r}")
        for obj in list(session.new):
            _apply_defaults(obj)
            _derive(obj, None)
            if isinstance(obj, Recorded):
                obj.created_at = obj.created_at or now
                obj.updated_at = now
        for obj in list(session.dirty):
            _derive(obj, _changed_columns(obj))
            if isinstance(obj, Recorded):
                obj.updated_at = now

    def _outbox(self, obj: Synced, names: list[str], now: datetime, *, new: bool) -> None:
        kind = obj.__sync__
        fields = {name: _jsonable(getattr(obj, name)) for name in names}
        _check_outgoing(kind, obj, fields, new=new)
        stamp = str(self.clock.now())
        stamps = dict(obj.field_hlc or {})
        base = {name: stamps.get(name) for name in names}
        for name in names:
            stamps[name] = stamp
        obj.field_hlc = stamps
        obj.hlc = stamp
        self.session.add(OutboxRecord(
            entity=kind.entity, row_id=str(_primary_key(obj)), fields=fields,
            stamps={name: stamp for name in names}, base=base, hlc=stamp, created_at=now,
            created_by=self.actor.user_id))

    def _audit_row(self, obj: object, action: str, changes: dict[str, Any]) -> None:
        if isinstance(obj, AuditEntry | OutboxRecord | Station | SyncState | SyncHeld | SyncSetAside
                      | SyncNotApplied | SyncProblem):
            return  # bookkeeping, not people's data
        if isinstance(obj, User) and action == "update" and set(changes) <= _AUDIT_SKIP_FIELDS:
            return  # sign-in bookkeeping is audited as sign-in events, not as edits
        details = {}
        for name, value in changes.items():
            if name in _AUDIT_SKIP_FIELDS:
                continue
            if name in _SECRET_FIELDS:
                details[name] = "***"
            elif name in _MASKED_FIELDS:
                details[name] = _masked(value)
            elif name in _SPECIAL_FIELDS:
                details[name] = _hidden(value)
            else:
                details[name] = value
        entity = obj.__tablename__ if not isinstance(obj, Setting) else "settings"
        self.audit(f"{action}", entity=entity, entity_id=str(_primary_key(obj)), **details)


def _check_outgoing(kind: RecordKind, obj: Synced, fields: dict[str, Any], *, new: bool) -> None:
    """What a station sends must fit what the city server accepts (the kind's declared types), so a bad
    value is refused here, on the form, rather than set aside at the next sync."""
    for name, value in fields.items():
        declared = kind.field_type(name)
        try:
            declared.check(value)
        except FieldProblem:
            if isinstance(declared, Text) and isinstance(value, str) and len(value) > declared.max_length:
                raise InvalidInput(QT_TRANSLATE_NOOP(
                    "desktop", "This text is too long: at most {limit} characters can be kept."),
                    field=name, limit=declared.max_length) from None
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "This value is not in a form that can be kept. Correct it and save again."),
                field=name) from None
    if new:
        if kind.made_by_server:
            raise RuntimeError(f"{kind.entity} records are made by the city server, not by a station")
        expected = kind.expected_id(getattr(obj, "village_code", ""), fields)
        if expected is not None and str(_primary_key(obj)) != expected:
            raise RuntimeError(f"a new {kind.entity} record must have the id its facts name ({expected})")


def _masked(value: Any) -> Any:
    if isinstance(value, list):  # an update's [old, new]
        return [_masked(item) for item in value]
    return mask_id_number(value) if isinstance(value, str) and value else value


def _hidden(value: Any) -> Any:
    if isinstance(value, list):  # an update's [old, new]
        return [_hidden(item) for item in value]
    return "***" if value else value


def _primary_key(obj: object) -> object:
    identity = inspect(obj).mapper.primary_key_from_instance(obj)
    return identity[0] if len(identity) == 1 else tuple(identity)


def _apply_defaults(obj: object) -> None:
    """Fill Python-side column defaults now, so the outbox and audit see the values the row will have."""
    for column in inspect(obj).mapper.columns:
        default = column.default
        if default is None or getattr(obj, column.key, None) is not None:
            continue
        if default.is_scalar:
            setattr(obj, column.key, default.arg)
        elif default.is_callable:
            setattr(obj, column.key, default.arg(None))


def _derive(obj: object, changes: dict[str, Any] | None) -> None:
    """Work out a row's local derived columns when it is new (``changes`` None) or a source changed."""
    sources = getattr(obj, "__derived__", None) or ((), None)
    values = {name: getattr(obj, name) for name in sources[0]}
    for name, value in derived_values(type(obj), values, changes).items():
        setattr(obj, name, value)


def _jsonable(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes | bytearray):  # a photo: the log says how large, never keeps the picture
        return f"{len(value)} bytes"
    return value


def _column_values(obj: object) -> dict[str, object]:
    state = inspect(obj)
    return {attr.key: _jsonable(getattr(obj, attr.key)) for attr in state.mapper.column_attrs}


def _changed_columns(obj: object) -> dict[str, list[object]]:
    """Columns whose value really changed in this flush, as ``{name: [old, new]}``."""
    state = inspect(obj)
    changes: dict[str, list[object]] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old != new:
            changes[attr.key] = [_jsonable(old), _jsonable(new)]
    return changes


@contextmanager
def open_unit_of_work(database: Database, actor: Actor, *, writable: bool,
                      lock: threading.RLock) -> Iterator[UnitOfWork]:
    """Begin, hand out the unit of work, commit on success, roll back on any exception."""
    if writable:
        lock.acquire()
    try:
        session = database.session_factory(writable=writable)
        uow = UnitOfWork(session, actor, database.clock, writable=writable, now=database.now)
        event.listen(session, "before_flush", uow._before_flush)
        event.listen(session, "do_orm_execute", uow._before_statement)
        try:
            yield uow
            if writable:
                session.commit()
            else:
                session.rollback()
        except BaseException:
            session.rollback()
            uow._settle_outside(committed=False)
            if writable and uow.committed:  # committed before the failure: it stands, so it is announced
                database.announce(uow.committed)
            raise
        finally:
            event.remove(session, "before_flush", uow._before_flush)
            event.remove(session, "do_orm_execute", uow._before_statement)
            session.close()
        uow._settle_outside(committed=writable)
    finally:
        if writable:
            lock.release()
    if writable and uow.changed:
        database.announce(frozenset(uow.changed))
