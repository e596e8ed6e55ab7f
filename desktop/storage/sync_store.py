"""The station's side of sync in its database: outbox batches out, pulled pages in, one transaction each.

No network here and no ``sync`` imports: the client (sync/client) moves the JSON, this module reads
and writes the station database.  The rules are docs/sync-protocol.md §5: pulled ``fields`` records
merge field by field by stamp, ``append`` records are inserted if absent (or take the server's version, the first
that reached it, where two PCs made one of the same fact), a record whose parent has
not arrived is held and retried after every page, and a page is applied together with the cursor.
A claim the city server refused because another reached it first is marked lost, not set aside (§8).
"""

from __future__ import annotations

import json
import logging
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, DateTime, delete, func, inspect, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.domain.hlc import Stamp, is_stamp
from desktop.domain.sync_codes import CLAIMED
from desktop.domain.sync_kinds import (
    CLOCK_AHEAD,
    KINDS,
    TRANSFER_RECEIPT,
    FieldProblem,
    Json,
    Merge,
    RecordKind,
    check_fields,
    is_id,
    named_id,
    receipt_partner,
    summary_checksum,
)
from desktop.domain.wishes import CLAIM_LOST, BoardState, ClaimOutcome, claim_outcome
from desktop.storage.models import (
    OutboxRecord,
    Region,
    Station,
    StockMovement,
    Synced,
    SyncHeld,
    SyncProblem,
    SyncSetAside,
    SyncState,
    WishBoardEntry,
    WishClaim,
    derived_values,
    new_id,
    synced_models,
)
from desktop.storage.models import (
    SyncNotApplied as NotApplied,
)
from desktop.storage.uow import CHANGED, UnitOfWork

log = logging.getLogger(__name__)

TOMBSTONE = "deleted"

# What kind of problem kept a pulled record from being applied (kept with it, so the sync area can say it in
# words); the reason beside it, in English, goes to the log and the city office.
NOT_FITTING = "not_fitting"        # its id, stamps or a value are not what its kind declares
STAMPED_AHEAD = "stamped_ahead"    # stamped beyond the clock's horizon
UNKNOWN_FIELDS = "unknown_fields"  # fields this version does not know (the rest of the record was applied)
REFUSED_HERE = "refused_here"      # a constraint of this database


@dataclass(frozen=True)
class Model:
    """How one entity is stored at the station: its model and the parents the storage itself needs."""

    model: type
    extra_parents: dict[str, str] = field(default_factory=dict)


# entity -> model: every model that declares ``__sync__`` (regions are the city's reference data: no stamps
# at the station, the newest wins), and any a test registers.
MODELS: dict[str, Model] = {entity: Model(model, parents) for entity, (model, parents) in synced_models().items()}


def register(entity: str, model: type, *, extra_parents: dict[str, str] | None = None) -> None:
    """Store records of ``entity`` in ``model`` (a new area, or a test's own kind)."""
    MODELS[entity] = Model(model, dict(extra_parents or {}))
    _PER_DATABASE.clear()


def model_for(entity: str) -> type | None:
    found = MODELS.get(entity)
    return found.model if found else None


def _stored_here(session: Session, entity: str) -> Model | None:
    """The entity's model if this database has its table (a registered area may be newer than the file)."""
    found = MODELS.get(entity)
    if found is None:
        return None
    table = found.model.__table__.name
    seen = _known(session).setdefault("tables", {})
    if table not in seen:
        seen[table] = session.connection().exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).first() is not None
    return found if seen[table] else None


# What this database has and how to apply each kind to it, worked out once per open database (the schema
# does not change while it is open) rather than once per page.
_PER_DATABASE: weakref.WeakKeyDictionary[Any, dict[str, dict[str, Any]]] = weakref.WeakKeyDictionary()


def _known(session: Session) -> dict[str, dict[str, Any]]:
    return _PER_DATABASE.setdefault(session.bind or session.get_bind(), {})


# -- the outbox ---------------------------------------------------------------------------------

def outbox_batch(session: Session, limit: int) -> list[dict[str, Any]]:
    """The oldest ``limit`` outbox records, as protocol changes, in seq order."""
    rows = session.scalars(select(OutboxRecord).order_by(OutboxRecord.seq).limit(limit))
    return [{"change_id": row.change_id, "entity": row.entity, "row_id": row.row_id, "fields": row.fields,
             "stamps": row.stamps, "base": {name: (row.base or {}).get(name) for name in row.stamps}}
            for row in rows]


def outbox_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxRecord)) or 0


def acknowledge(uow: UnitOfWork, *, accepted: Iterable[str], rejected: Iterable[dict[str, Any]],
                now: datetime) -> tuple[int, int, int]:
    """Remove exactly the accepted change ids; move the rejected ones aside with their reason — except
    those refused as stamped too far ahead of the server's clock, which are stamped again and stay, and claims
    refused because another claim reached the server first, which are marked lost and leave the outbox
    (``mark_claim_lost``).  Returns how many were removed (lost claims counted), set aside and stamped again."""
    session = uow.session
    accepted = list(accepted)
    rejected = list(rejected)
    removed = 0
    for start in range(0, len(accepted), 500):
        chunk = accepted[start:start + 500]
        removed += session.execute(delete(OutboxRecord).where(OutboxRecord.change_id.in_(chunk))).rowcount or 0
    # Lost claims first: every waiting change of a lost claim goes with it, whatever the server said of the rest.
    for item in rejected:
        if item.get("code") == CLAIMED:
            removed += mark_claim_lost(session, str(item.get("change_id", "")))
    set_aside = 0
    ahead: list[str] = []
    for item in rejected:
        change_id = str(item.get("change_id", ""))
        if item.get("code") == CLOCK_AHEAD:
            ahead.append(change_id)
            continue
        if set_outbox_aside(session, change_id, code=str(item.get("code", "")), reason=str(item.get("reason", "")),
                            now=now):
            set_aside += 1
    session.flush()
    return removed, set_aside, restamp(uow, ahead) if ahead else 0


def mark_claim_lost(session: Session, change_id: str) -> int:
    """A claim the city server refused as ``claimed``: another claim reached it first, or the wish was off the
    board by then.  The claim is marked lost (``wish_claims.refused``, a column of this station only) and every
    waiting change of it leaves the outbox, so it never syncs; nothing is set aside, as nothing is wrong.
    Returns how many waiting changes left (0 if the change is not a claim that keeps such a mark)."""
    row = session.scalars(select(OutboxRecord).where(OutboxRecord.change_id == change_id)).first()
    model = model_for(row.entity) if row is not None else None
    if row is None or model is None or not hasattr(model, "refused"):
        return 0
    claim = session.get(model, _key(model, row.row_id))
    if claim is not None and claim.refused != CLAIM_LOST:
        claim.refused = CLAIM_LOST
    return session.execute(delete(OutboxRecord).where(OutboxRecord.entity == row.entity,
                                                      OutboxRecord.row_id == row.row_id)).rowcount or 0


def claim_outcomes(session: Session, claim_ids: Iterable[str], *, today: date) -> dict[str, ClaimOutcome]:
    """Where each of these wish claims stands at this station (``desktop.domain.wishes.claim_outcome``), from
    the claim's row and its wish's board record, by the station's date ``today``; claims not here are left out."""
    wanted = sorted(set(claim_ids))
    found: dict[str, ClaimOutcome] = {}
    for start in range(0, len(wanted), 500):
        rows = session.execute(
            select(WishClaim.id, WishClaim.refused, WishClaim.held_until, WishClaim.lapsed, WishBoardEntry.state,
                   WishBoardEntry.released_claim, WishBoardEntry.deleted)
            .outerjoin(WishBoardEntry, WishBoardEntry.id == WishClaim.board_id)
            .where(WishClaim.id.in_(wanted[start:start + 500])))
        for claim_id, refused, held_until, lapsed, state, released, board_deleted in rows:
            found[claim_id] = claim_outcome(
                claim_id=claim_id, refused=refused or "", held_until=held_until or "", lapsed=bool(lapsed),
                board_state=BoardState.WITHDRAWN if board_deleted else state, released_claim=released or "",
                today=today.isoformat())
    return found


def set_outbox_aside(session: Session, change_id: str, *, code: str, reason: str, now: datetime) -> bool:
    """Move one waiting change out of the outbox into the set-aside list; False if it is not waiting."""
    row = session.scalars(select(OutboxRecord).where(OutboxRecord.change_id == change_id)).first()
    if row is None:
        return False
    if session.scalars(select(SyncSetAside).where(SyncSetAside.change_id == change_id)).first() is None:
        session.add(SyncSetAside(change_id=change_id, entity=row.entity, row_id=row.row_id, fields=row.fields,
                                 code=code[:32], reason=reason, set_aside_at=now))
    session.delete(row)
    return True


def restamp(uow: UnitOfWork, change_ids: list[str]) -> int:
    """Stamp again, in order, every waiting change from the first one the server refused as stamped too far
    ahead (a PC whose clock was set days ahead).  The clock forgets its stamps beyond the horizon first, so
    the new stamps follow the corrected time; each gets a new change id, as it is a new change to the server.

    Stamps only grow, so every change made after a refused one is refused too: stamping the rest of the
    outbox again keeps the order of this station's edits.
    """
    session = uow.session
    first = session.scalar(select(func.min(OutboxRecord.seq)).where(OutboxRecord.change_id.in_(change_ids)))
    if first is None:
        return 0
    uow.clock.rewind()
    uow.applying_remote = True  # the rows' stamps change, not their values: no new outbox records
    try:
        restamped = 0
        for record in session.scalars(select(OutboxRecord).where(OutboxRecord.seq >= first).order_by(OutboxRecord.seq)):
            stamp = str(uow.clock.now())
            model = model_for(record.entity)
            row = session.get(model, _key(model, record.row_id)) if model is not None else None
            if row is not None and isinstance(row, Synced):
                stamps = dict(row.field_hlc or {})
                for name, old in record.stamps.items():
                    if stamps.get(name) == old:
                        stamps[name] = stamp
                row.field_hlc = stamps
                row.hlc = max(stamps.values(), default=stamp)
            record.stamps = dict.fromkeys(record.stamps, stamp)
            record.hlc = stamp
            record.change_id = new_id()
            restamped += 1
        station = session.scalars(select(Station)).first()
        if station is not None:
            station.last_hlc = str(uow.clock.last)
        session.flush()
    finally:
        uow.applying_remote = False
    log.warning("%d waiting changes were stamped again: the PC's clock was ahead of the city server's", restamped)
    return restamped


# -- applying pulled changes -----------------------------------------------------------------------

@dataclass
class PageResult:
    applied: int = 0
    ignored: int = 0
    held: int = 0
    released: int = 0
    set_aside: int = 0  # records that could not be applied, kept with their reason (``not_applied``)


def apply_page(uow: UnitOfWork, changes: list[dict[str, Any]], *, cursor: int | None) -> PageResult:
    """Apply one pulled page (and any held records it frees) and move the cursor, in ``uow``'s transaction.

    A record that cannot be applied — a value not of its field's declared type, a stamp beyond the clock's
    horizon, a constraint of this database — is set aside with its reason and reported to the city; the
    rest of the page is applied and the sync goes on (docs/sync-protocol.md §5).
    """
    result = PageResult()
    uow.applying_remote = True
    session = uow.session
    try:
        session.info["sync_now"] = uow.now()
        session.info["sync_now_text"] = _datetime_text(session, session.info["sync_now"])
        session.info["sync_aside"] = []
        horizon = _stamp_text(uow.clock.horizon_ms())
        newest = ""
        accepted: list[dict[str, Any]] = []
        stamps_seen: set[str] = set()  # stamps of this page found well-formed (a change's fields share one)
        for change in changes:
            entity = change.get("entity")
            info = _entity(session, entity) if isinstance(entity, str) else None
            if info is None:
                log.info("ignoring a pulled change for %s (not known to this version)", str(entity)[:32])
                result.ignored += 1
                continue
            problem = _problem(session, change, info, horizon, stamps_seen)
            if problem is not None:
                _set_aside(session, change, *problem)
                continue
            accepted.append((change, info))
        _prefetch(session, accepted)
        for change, info in accepted:
            outcome = _apply_change(uow, change, info)
            setattr(result, outcome, getattr(result, outcome) + 1)
            if outcome == "applied" and change["stamps"]:
                newest = max(newest, *change["stamps"].values())
        result.released = _retry_held(uow)
        _write_rows(session)
        if cursor is not None:
            session.execute(update(SyncState).where(SyncState.id == 1).values(pull_after=max(int(cursor), 0)),
                            execution_options={"synchronize_session": False})
        session.flush()
        result.set_aside = _keep_aside(uow)
    finally:
        uow.applying_remote = False
        for key in ("sync_aside", "sync_rows", "sync_new"):
            session.info.pop(key, None)
    if newest:
        uow.clock.observe(Stamp.parse(newest))  # within the horizon: every applied stamp was checked
    return result


def _datetime_text(session: Session, moment: datetime) -> str:
    """A time as this database's DateTime columns store it."""
    dialect = session.connection().dialect
    return DateTime().dialect_impl(dialect).bind_processor(dialect)(moment)


def _stamp_text(wall_ms: int) -> str:
    """The greatest stamp text of ``wall_ms``: every stamp of that millisecond or before sorts at or below it."""
    return f"{wall_ms:015d}-999999-~"


def _problem(session: Session, change: dict[str, Any], info: _Entity, horizon: str,
             seen: set[str]) -> tuple[str, str] | None:
    """What kind of problem keeps this pulled change of a kind known here from being applied, and why in
    words (for the log and the city), or None."""
    if not is_id(change.get("row_id")):
        return NOT_FITTING, "the record's id is not an id"
    fields, stamps = change.get("fields"), change.get("stamps")
    if not isinstance(fields, dict) or not isinstance(stamps, dict) or fields.keys() != stamps.keys():
        return NOT_FITTING, "the record does not carry its fields with a stamp each"
    for stamp in stamps.values():
        if type(stamp) is not str or stamp > horizon:
            if type(stamp) is str and is_stamp(stamp):
                return STAMPED_AHEAD, "a field is stamped more than a day ahead of the city server's time"
            return NOT_FITTING, "a field's stamp is not a clock stamp"
        if stamp not in seen:
            if not is_stamp(stamp):
                return NOT_FITTING, "a field's stamp is not a clock stamp"
            seen.add(stamp)
    fits = info.fits
    unknown: list[str] = []
    for name, value in fields.items():
        fit = fits.get(name)
        if fit is None:
            unknown.append(name)
        elif not fit(value):
            try:
                check_fields(info.kind, {name: value})
            except FieldProblem as problem:
                return NOT_FITTING, problem.reason
    if unknown:
        unknown.sort()
        # The fields this version knows are applied; the others are kept aside for a newer version.
        _set_aside(session, {**change, "fields": {name: fields[name] for name in unknown},
                             "stamps": {name: stamps[name] for name in unknown}},
                   UNKNOWN_FIELDS,
                   f"this version of Village Station does not know the field(s) {', '.join(unknown)[:200]}")
    return None


def _set_aside(session: Session, change: dict[str, Any], kind: str, reason: str) -> None:
    session.info["sync_aside"].append((change, kind, reason))


def _keep_aside(uow: UnitOfWork) -> int:
    """Keep the page's records that could not be applied, and report each to the city (and the village's
    other PCs) as a ``sync_problem`` record, which syncs like any change of this station."""
    session = uow.session
    aside = session.info.get("sync_aside") or []
    if not aside:
        return 0
    first_change, _kind, first_reason = aside[0]
    log.warning("%d pulled records could not be applied (the first a %s record: %s)", len(aside),
                str(first_change.get("entity"))[:32], first_reason)
    station = session.scalars(select(Station)).first()
    today = uow.today().isoformat()
    wanted: dict[tuple[str, str, int], tuple[dict[str, Any], str, str]] = {}
    for change, kind, reason in aside:
        entity, row_id = str(change.get("entity", ""))[:32], str(change.get("row_id", ""))[:64]
        seq = change.get("seq") if type(change.get("seq")) is int and 0 <= change["seq"] < 2**53 else 0
        wanted.setdefault((entity, row_id, seq), (change, kind, reason))
    kept_before = set()
    for entity in {entity for entity, _, _ in wanted}:
        kept_before.update(session.execute(select(NotApplied.entity, NotApplied.row_id, NotApplied.seq).where(
            NotApplied.entity == entity, NotApplied.row_id.in_([key[1] for key in wanted if key[0] == entity]))))
    reports = []
    for (entity, row_id, seq), (change, kind, reason) in wanted.items():
        if (entity, row_id, seq) in kept_before:
            continue
        session.add(NotApplied(seq=seq, entity=entity, row_id=row_id, reason=reason[:2000],
                               payload={"fields": _storable(change.get("fields")),
                                        "stamps": _storable(change.get("stamps")), "problem": kind},
                               set_aside_at=session.info["sync_now"]))
        if station is not None and is_id(row_id):
            facts = (station.station_id, entity, row_id, seq)
            reports.append(SyncProblem(id=named_id(station.village_code, "problem", *facts),
                                       village_code=station.village_code, station_id=station.station_id,
                                       entity=entity, row_id=row_id, seq=seq, reason=reason[:500], noticed_on=today))
    session.flush()
    uow.applying_remote = False  # the reports are this station's own records: they go out through the outbox
    known = set(session.scalars(select(SyncProblem.id).where(SyncProblem.id.in_([r.id for r in reports])))) \
        if reports else set()
    session.add_all(report for report in reports if report.id not in known)
    session.flush()
    return len(wanted) - len(kept_before & wanted.keys())


def _storable(value: Any) -> Any:
    """``value`` as JSON this database can keep (a value that was set aside may not be)."""
    try:
        Json(nullable=True).check(value)
        return value
    except FieldProblem:
        return "(not kept: not storable)"


def not_applied_entities(session: Session) -> set[str]:
    return set(session.scalars(select(NotApplied.entity).distinct()))


def not_applied_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(NotApplied)) or 0


@dataclass(frozen=True)
class _Entity:
    """What applying a change of one entity needs to know, worked out once per session."""

    kind: RecordKind
    found: Model
    shape: _Shape
    parents: dict[str, str]  # the kind's parents and the storage's own
    allowed: frozenset[str]  # field names a pulled change may set
    synced: bool  # stored with stamps (False: the city's reference data)
    fits: dict[str, Any]  # field name -> whether a value fits its declared type (sync_kinds)


def _entity(session: Session, entity: str) -> _Entity | None:
    """The entity's kind and storage if both are known here (see ``_stored_here``), else None."""
    page = session.info.get("sync_page_entities")
    if page is None:
        page = session.info["sync_page_entities"] = {}
    if entity in page:
        return page[entity]
    known = _known(session).setdefault("entities", {})
    if entity not in known:
        kind, found = KINDS.get(entity), _stored_here(session, entity)
        known[entity] = None if kind is None or found is None else _Entity(
            kind, found, _shape(found.model), {**kind.parents, **found.extra_parents},
            frozenset(kind.fields) | {TOMBSTONE}, issubclass(found.model, Synced), kind.fits)
    page[entity] = known[entity]
    return page[entity]


def _prefetch(session: Session, changes: list[tuple[dict[str, Any], _Entity]]) -> None:
    """Load the page's rows and their parents in a few queries, so applying each change needs none."""
    wanted: dict[str, set[object]] = {}
    for change, info in changes:
        key = int(change["row_id"]) if info.shape.int_key else change["row_id"]
        wanted.setdefault(info.kind.entity, set()).add(key)
        if not info.parents:
            continue
        fields = change["fields"]
        for name, parent_entity in info.parents.items():
            parent = _stored_here(session, parent_entity)
            if parent is not None and fields.get(name) not in (None, ""):
                wanted.setdefault(parent_entity, set()).add(_key(parent.model, fields[name]))
    for entity, keys in wanted.items():
        ordered = sorted(keys, key=str)
        for start in range(0, len(ordered), 500):
            _load(session, MODELS[entity].model, ordered[start:start + 500])


def _load(session: Session, model: type, keys: list[object]) -> None:
    """Rows by primary key into this page's cache (None where absent).

    Synced rows are read and later written with plain statements, not as ORM objects: a page touches
    hundreds of them and the ORM's bookkeeping would cost more than the database does.
    """
    rows = session.info.setdefault("sync_rows", {})
    for key in keys:
        rows[(model, key)] = None
    pk = _shape(model).pk
    if issubclass(model, Synced):
        # Straight through the driver: the page reads hundreds of rows and only their JSON needs decoding
        # (other columns are written back only when a pulled change sets them, with its own values).
        names, json_names = _raw_columns(model)
        table = model.__table__
        sql = f"SELECT {', '.join(names)} FROM {table.name} WHERE {pk} IN ({', '.join('?' * len(keys))})"
        for raw in session.connection().exec_driver_sql(sql, tuple(keys)):
            values = dict(zip(names, raw, strict=True))
            for name in json_names:
                if values[name] is not None:
                    values[name] = json.loads(values[name])
            rows[(model, values[pk])] = _Pending(values, existing=True)
    else:
        for row in session.scalars(select(model).where(getattr(model, pk).in_(keys))):
            rows[(model, getattr(row, pk))] = row


_RAW_COLUMNS: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _raw_columns(model: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The model's column names (as attribute names equal them) and those holding JSON."""
    found = _RAW_COLUMNS.get(model)
    if found is None:
        columns = [attr.columns[0] for attr in inspect(model).mapper.column_attrs]
        assert all(column.key == column.name for column in columns)
        found = _RAW_COLUMNS[model] = (tuple(column.name for column in columns),
                                       tuple(column.name for column in columns if isinstance(column.type, JSON)))
    return found


def _lookup(session: Session, model: type, key: object) -> Any:
    """A row by primary key: from this page's cache when there, else from the database."""
    rows = session.info.setdefault("sync_rows", {})
    if (model, key) not in rows:
        _load(session, model, [key])
    return rows[(model, key)]


def _apply_change(uow: UnitOfWork, change: dict[str, Any], info: _Entity, *, from_hold: bool = False) -> str:
    """Apply one pulled change (already checked: ``_problem``) to this page's rows."""
    session = uow.session
    fields, stamps = change["fields"], change["stamps"]
    model = info.found.model
    key = int(change["row_id"]) if info.shape.int_key else change["row_id"]
    row = _lookup(session, model, key)
    if info.parents:
        missing = _missing_parent(session, row, fields, info.parents)
        if missing is not None:
            if not from_hold:
                _hold(uow, info.kind.entity, key, fields, stamps, missing)
            return "held"
    if not info.allowed.issuperset(fields):
        # only the kind's own fields travel; never let a change reach local bookkeeping columns
        fields = {name: value for name, value in fields.items() if name in info.allowed}
        stamps = {name: stamps[name] for name in fields}
    if not fields:
        return "applied"
    if not info.synced:
        _apply_reference(session, model, key, fields, info.shape.columns, uow.now())
    elif row is None:
        _insert(session, model, key, fields, stamps).origin = change
    elif info.kind.merge != Merge.APPEND:
        _merge_fields(row, fields, stamps, change)
    else:
        _take_first_version(row, fields, stamps, change)
        if info.kind.entity == TRANSFER_RECEIPT.entity:
            _drop_uncounted_receipt_movement(session, row)
    return "applied"


def _drop_uncounted_receipt_movement(session: Session, receipt: _Pending) -> None:
    """Another PC's receipt of a transfer's line reached the city first and says nothing of it arrived.  The city
    never kept this PC's movement of the line (docs/sync-protocol.md §9), so it goes from here too: the line is
    counted as the receipt says, and this PC holds the ledger the city holds (the sync's summary agrees).  Where
    something of the line arrived by the winning receipt, that PC's movement of it comes with it and replaces this
    PC's."""
    if receipt.values.get("received"):
        return
    partner = receipt_partner(TRANSFER_RECEIPT.entity, receipt.values["village_code"], receipt.values)
    if partner is None:
        return
    moved = _lookup(session, StockMovement, partner[1])
    if isinstance(moved, _Pending) and moved.existing:
        table = StockMovement.__table__.name
        session.connection().exec_driver_sql(f"DELETE FROM {table} WHERE id = ?", (partner[1],))
        session.info["sync_rows"][(StockMovement, partner[1])] = None
        session.info.setdefault(CHANGED, set()).add(table)


@dataclass(frozen=True)
class _Shape:
    pk: str
    int_key: bool
    columns: dict[str, Any]


_SHAPES: dict[type, _Shape] = {}


def _shape(model: type) -> _Shape:
    shape = _SHAPES.get(model)
    if shape is None:
        column = inspect(model).primary_key[0]
        try:
            int_key = column.type.python_type is int
        except NotImplementedError:
            int_key = False
        columns = {attr.key: attr.columns[0] for attr in inspect(model).mapper.column_attrs}
        shape = _SHAPES[model] = _Shape(column.key, int_key, columns)
    return shape


def _hold(uow: UnitOfWork, entity: str, row_id: object, fields: dict[str, Any], stamps: dict[str, Any],
          missing: str) -> None:
    """Keep one held record per row: a later version of it merges in by stamp, a repeat changes nothing."""
    session = uow.session
    held = session.scalars(select(SyncHeld).where(SyncHeld.entity == entity,
                                                  SyncHeld.row_id == str(row_id))).first()
    if held is None:
        session.add(SyncHeld(entity=entity, row_id=str(row_id),
                             payload={"row_id": row_id, "fields": fields, "stamps": stamps},
                             waiting_for=missing[:100], received_at=uow.now()))
        return
    kept_fields = dict(held.payload.get("fields") or {})
    kept_stamps = dict(held.payload.get("stamps") or {})
    for name, value in fields.items():
        stamp = str(stamps.get(name, ""))
        if name not in kept_stamps or stamp > str(kept_stamps[name]):
            kept_fields[name], kept_stamps[name] = value, stamp
    held.payload = {"row_id": row_id, "fields": kept_fields, "stamps": kept_stamps}
    held.waiting_for = missing[:100]


def held_entities(session: Session) -> set[str]:
    return set(session.scalars(select(SyncHeld.entity).distinct()))


def _key(model: type, row_id: object) -> object:
    return int(row_id) if _shape(model).int_key else str(row_id)  # type: ignore[arg-type]


def _columns(model: type) -> dict[str, Any]:
    return _shape(model).columns


def _missing_parent(session: Session, row: object | None, fields: dict[str, Any],
                    parents: dict[str, str]) -> str | None:
    """``entity:row_id`` of a parent this record points at that is not here yet, else None."""
    for name, parent_entity in parents.items():
        value = fields[name] if name in fields else getattr(row, name, None) if row is not None else None
        if value in (None, ""):
            continue
        parent = _stored_here(session, parent_entity)
        if parent is None:
            continue
        if _lookup(session, parent.model, _key(parent.model, value)) is None:
            return f"{parent_entity}:{value}"
    return None


def _value(column: Any, value: Any) -> Any:
    if value is not None and not isinstance(value, str):
        return value  # only None (a default) and text (a date) need converting
    if value is None and not column.nullable:
        default = column.default
        if default is not None and default.is_scalar:
            return default.arg
        if default is not None and default.is_callable:
            return default.arg(None)
        return value
    if isinstance(column.type, DateTime) and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


class _Pending:
    """A synced row this page inserts or changes, written with the page's others in one statement per table.

    ``values`` are its columns; ``dirty`` names those a pulled change set (an existing row writes only
    those back); ``origin`` is the pulled change that last touched it (set aside if the database refuses
    the row).  Columns read as attributes.
    """

    __slots__ = ("dirty", "existing", "origin", "values")

    def __init__(self, values: dict[str, Any], *, existing: bool = False) -> None:
        self.values = values
        self.existing = existing
        self.dirty: set[str] = set()
        self.origin: dict[str, Any] | None = None

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None

    def set(self, name: str, value: Any) -> None:
        self.values[name] = value
        self.dirty.add(name)


def _insert(session: Session, model: type, key: object, fields: dict[str, Any], stamps: dict[str, Any]) -> _Pending:
    """A new row of a pulled record: the model's defaults, then its fields (checked against their types, so
    they are what the columns hold) and their stamps."""
    info = session.info
    values = dict(_blank(session, model))
    values.update(fields)
    values[_shape(model).pk] = key
    for name in info["sync_call_defaults"][model]:
        value = values[name]
        if isinstance(value, _CallDefault):
            values[name] = value.fn(None)
    values["field_hlc"] = stamps  # the change's own (never changed in place: a merge copies it first)
    values["hlc"] = max(stamps.values(), default="")
    row = _Pending(values)
    new = info.get("sync_new")
    if new is None:
        new = info["sync_new"] = {}
    rows = new.get(model)
    if rows is None:
        rows = new[model] = []
    rows.append(row)
    info["sync_rows"][(model, key)] = row
    return row


def _blank(session: Session, model: type) -> dict[str, Any]:
    """Every column of a new row at its default (callable ones still to call), bookkeeping columns filled."""
    blanks = session.info.setdefault("sync_blanks", {})
    if model not in blanks:
        values: dict[str, Any] = {}
        for attr in inspect(model).mapper.column_attrs:
            default = attr.columns[0].default
            if default is None:
                values[attr.key] = None
            elif default.is_scalar:
                values[attr.key] = default.arg
            elif default.is_callable:
                values[attr.key] = _CallDefault(default.arg)
        now = session.info["sync_now_text"]  # as the database stores it: rows are written straight to the driver
        values.update(created_at=now, updated_at=now, created_by=None, updated_by=None, deleted=False)
        blanks[model] = values
        # The columns whose default is still to call for each new row (the rest are copied as they are).
        session.info.setdefault("sync_call_defaults", {})[model] = tuple(
            name for name, value in values.items() if isinstance(value, _CallDefault))
    return blanks[model]


@dataclass(frozen=True)
class _CallDefault:
    fn: Any


# JSON columns as compact text (what SQLAlchemy's JSON type stores, without its spaces and escapes)
_json_text = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode
_INSERTS: dict[type, str] = {}
_UPDATES: dict[tuple[type, tuple[str, ...]], str] = {}


def _derive(model: type, row: _Pending, *, new: bool) -> None:
    """Keep a row's local derived columns (``Synced.__derived__``) in step with what the page changed."""
    for name, value in derived_values(model, row.values, None if new else row.dirty).items():
        if new:
            row.values[name] = value
        else:
            row.set(name, value)


def _write_rows(session: Session) -> None:
    """Write the page's new and changed rows, one executemany per table and set of changed columns.

    Values go straight to the driver: JSON columns as compact text, times as the text SQLAlchemy stores,
    everything else as it is (the values were checked against their declared types).
    """
    now = session.info["sync_now_text"]
    changed_tables = session.info.setdefault(CHANGED, set())
    pending = session.info.pop("sync_new", {})
    for model, rows in pending.items():
        if not rows:
            continue
        changed_tables.add(model.__table__.name)
        if getattr(model, "__derived__", None) is not None:
            for row in rows:
                _derive(model, row, new=True)
        names, json_names = _raw_columns(model)
        getter = itemgetter(*names)
        for row in rows:
            values = row.values
            for name in json_names:
                values[name] = _json_text(values[name])
        sql = _INSERTS.get(model)
        if sql is None:
            sql = _INSERTS[model] = (f"INSERT INTO {model.__table__.name} ({', '.join(names)}) "
                                     f"VALUES ({', '.join('?' * len(names))})")
        _execute_rows(session, sql, rows, [getter(row.values) for row in rows])
    changed: dict[tuple[type, tuple[str, ...]], list[tuple[_Pending, tuple[Any, ...]]]] = {}
    for (model, key), row in session.info.get("sync_rows", {}).items():
        if isinstance(row, _Pending) and row.existing and row.dirty:
            if getattr(model, "__derived__", None) is not None:
                _derive(model, row, new=False)
            names = tuple(sorted(row.dirty | {"updated_at"}))
            values = row.values
            values["updated_at"] = now
            json_names = _raw_columns(model)[1]
            params = [_json_text(values[name]) if name in json_names else values[name] for name in names]
            params.append(key)
            changed.setdefault((model, names), []).append((row, tuple(params)))
            row.dirty.clear()
    for (model, names), rows in changed.items():
        changed_tables.add(model.__table__.name)
        sql = _UPDATES.get((model, names))
        if sql is None:
            sql = _UPDATES[(model, names)] = (f"UPDATE {model.__table__.name} SET "
                                              f"{', '.join(f'{name} = ?' for name in names)} "
                                              f"WHERE {_shape(model).pk} = ?")
        _execute_rows(session, sql, [row for row, _ in rows], [params for _, params in rows])


def _execute_rows(session: Session, sql: str, rows: list[_Pending], params: list[tuple[Any, ...]]) -> None:
    """Write the page's rows of one statement at once; if the database refuses one (a constraint), write
    them one by one and set aside each it refuses, so one bad record never stops the page."""
    connection = session.connection()
    try:
        with session.begin_nested():
            connection.exec_driver_sql(sql, params)
        return
    except IntegrityError:
        log.warning("the database refused a row of a pulled page; writing its rows one by one")
    for row, values in zip(rows, params, strict=True):
        try:
            with session.begin_nested():
                connection.exec_driver_sql(sql, values)
        except IntegrityError as exc:
            _set_aside(session, row.origin or {}, REFUSED_HERE,
                       f"this station's database refused it ({str(exc.orig)[:200]})")


def _merge_fields(row: _Pending, fields: dict[str, Any], stamps: dict[str, Any], change: dict[str, Any]) -> None:
    """Take each field whose stamp is newer than the row's, as the server does; the rest stay."""
    values, dirty = row.values, row.dirty
    current = values.get("field_hlc") or {}
    merged: dict[str, str] | None = None
    for name, value in fields.items():
        stamp = stamps[name]
        mine = current.get(name)
        if mine is not None and stamp <= mine:
            continue  # ours is newer, or this is the same change again
        if merged is None:
            merged = dict(current)
        merged[name] = stamp
        values[name] = value
        dirty.add(name)
    if merged is not None:
        values["field_hlc"] = merged
        values["hlc"] = max(values.get("hlc") or "", *merged.values())
        dirty.update(("field_hlc", "hlc"))
        row.origin = change


def _take_first_version(row: _Pending, fields: dict[str, Any], stamps: dict[str, Any], change: dict[str, Any]) -> None:
    """An append record this station holds a version of already: the server keeps the first version that reached it
    (a later one is ignored), and sends that one.  Where two PCs made the record of the same fact (a line of a
    transfer confirmed at both), the other PC's version may be the one kept: it replaces this PC's, so every PC
    holds the same ledger as the city."""
    values, dirty = row.values, row.dirty
    taken = [name for name, value in fields.items() if values.get(name) != value]
    if not taken:
        return  # the same version again
    for name in taken:
        values[name] = fields[name]
        dirty.add(name)
    values["field_hlc"] = {**(values.get("field_hlc") or {}), **{name: stamps[name] for name in fields}}
    values["hlc"] = max(values.get("hlc") or "", *values["field_hlc"].values())
    dirty.update(("field_hlc", "hlc"))
    row.origin = change


def _apply_reference(session: Session, model: type, row_id: object, fields: dict[str, Any],
                     columns: dict[str, Any], now: datetime) -> None:
    """City reference data (regions, the city's catalogue): pages arrive in changelog order, so the later one is
    the newer."""
    row = _lookup(session, model, _key(model, row_id))
    pk = inspect(model).primary_key[0].key
    values = {name: _value(columns[name], value) for name, value in fields.items() if name in columns and name != pk}
    if model is Region:
        values["source"] = "city"
    if "updated_at" in columns:
        values["updated_at"] = now
    if row is None:
        if not {"name"} <= set(values) or (model is Region and "level" not in values):
            return  # a change of a record this station never had: nothing to change
        row = model(**{pk: _key(model, row_id)}, **values)
        session.add(row)
        session.info.setdefault("sync_rows", {})[(model, _key(model, row_id))] = row
    else:
        for name, value in values.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
    session.flush()


def _retry_held(uow: UnitOfWork) -> int:
    """Apply held records whose parents are here now, until nothing more moves."""
    session = uow.session
    if session.connection().exec_driver_sql("SELECT 1 FROM sync_held LIMIT 1").first() is None \
            and not any(isinstance(obj, SyncHeld) for obj in session.new):
        return 0  # nothing is waiting: the usual page
    released = 0
    while True:
        session.flush()
        moved = False
        for held in list(session.scalars(select(SyncHeld).order_by(SyncHeld.id))):
            change = {"entity": held.entity, **held.payload}
            info = _entity(session, held.entity)
            if info is None or _apply_change(uow, change, info, from_hold=True) == "held":
                continue
            session.delete(held)
            session.flush()
            released += 1
            moved = True
        if not moved:
            return released


def held_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(SyncHeld)) or 0


# -- the sanity check ----------------------------------------------------------------------------

def summary(session: Session, entities: Iterable[str]) -> tuple[dict[str, int], dict[str, str]]:
    """Counts and checksums of the stamped records, as the server computes them (protocol §3 summary).

    The checksum is ``summary_checksum``, the one the server uses.
    """
    counts: dict[str, int] = {}
    checksums: dict[str, str] = {}
    for entity in entities:
        found = _stored_here(session, entity)
        if found is None or not issubclass(found.model, Synced):
            continue
        model = found.model
        pk = inspect(model).primary_key[0]
        query = select(pk, model.field_hlc)
        if hasattr(model, "refused"):
            query = query.where(model.refused != CLAIM_LOST)  # a lost claim never reached the server
        rows = [(str(row_id), stamps or {}) for row_id, stamps in session.execute(query)]
        counts[entity] = len(rows)
        checksums[entity] = summary_checksum(rows)
    return counts, checksums


def newest_stamp(session: Session, horizon_ms: int) -> Stamp | None:
    """The newest readable stamp of any synced row or waiting change, no later than ``horizon_ms``."""
    limit = _stamp_text(horizon_ms)
    tables = [OutboxRecord.__table__, *(found.model.__table__ for found in MODELS.values()
                                        if issubclass(found.model, Synced))]
    newest: Stamp | None = None
    for table in tables:
        if not inspect(session.connection()).has_table(table.name):
            continue
        for text in session.scalars(select(table.c.hlc).where(table.c.hlc <= limit, table.c.hlc != "")
                                    .order_by(table.c.hlc.desc()).limit(20)):
            if is_stamp(text):
                stamp = Stamp.parse(text)
                newest = stamp if newest is None or stamp > newest else newest
                break
    return newest


def pull_cursor(session: Session) -> int:
    state = session.get(SyncState, 1)
    return state.pull_after if state is not None else 0


def restart_from_scratch(session: Session) -> None:
    """Pull everything again (a restored backup, a copy, a failed sanity check); the outbox is kept."""
    state = session.get(SyncState, 1)
    if state is not None:
        state.pull_after = 0
