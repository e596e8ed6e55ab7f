"""Sync as people see it: enrollment, the status line, conflicts to review and changes the server refused.

The network side is sync/client; these verbs read and write the station database for it and for
the screens.  Conflict records come from the server; keeping the value that lost is an ordinary
edit (a new stamp), so it syncs like any other change.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from desktop.domain.households import SPECIAL_FIELDS, Sensitivity, may_see
from desktop.domain.regions import Level
from desktop.domain.roles import Permission
from desktop.domain.sync_codes import (
    BAD_REQUEST,
    BAD_VALUE,
    CLAIMED,
    NOT_FOUND,
    OUT_OF_SCOPE,
    SERVER_ERROR,
    TOO_LARGE,
    UNKNOWN_FIELD,
    UNKNOWN_KIND,
    UNKNOWN_VILLAGE,
)
from desktop.domain.sync_kinds import CLOCK_AHEAD
from desktop.errors import InvalidInput, Term, UserError
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import records
from desktop.storage import sync_store
from desktop.storage.models import Conflict, Region, Station, SyncNotApplied, SyncSetAside, SyncState, VillageProfile
from desktop.storage.uow import UnitOfWork, aware

# Beyond this the PC's clock is called wrong in the status line.
CLOCK_WARNING_MS = 5 * 60 * 1000

KEEP_KEPT = "kept"
KEEP_LOST = "lost"

# What a running sync is doing, for its progress line (translated in the ``desktop`` context).
SENDING = QT_TRANSLATE_NOOP("desktop", "Sending changes to the city server…")
RECEIVING = QT_TRANSLATE_NOOP("desktop", "Receiving changes from the city server…")
CHECKING = QT_TRANSLATE_NOOP("desktop", "Checking that this station and the city server agree…")
REFETCHING = QT_TRANSLATE_NOOP("desktop", "Fetching all of the village's records again…")


class SyncFailed(UserError):
    """A sync or an enrollment could not finish; nothing waiting to be sent is lost."""


class NotEnrolled(SyncFailed):
    """Sync was asked for before the station enrolled: who may enroll it is told how, anyone else whom to ask."""

    def __init__(self, *, may_enroll: bool = True) -> None:
        if may_enroll:
            super().__init__(QT_TRANSLATE_NOOP(
                "desktop", "This station is not enrolled with the city server yet. Ask the city office for an "
                "enrollment code, then enroll the station under Sync with \"Enroll with the city…\"."))
        else:
            super().__init__(QT_TRANSLATE_NOOP(
                "desktop", "This station is not enrolled with the city server yet, so it cannot sync. Ask the "
                "station admin to enroll it (with a code from the city office)."))


# Why the city server could not be reached, in words (a parameter of ServerUnreachable).
NO_CONNECTION = Term(QT_TRANSLATE_NOOP("desktop", "no connection"))
NO_ANSWER_IN_TIME = Term(QT_TRANSLATE_NOOP("desktop", "no answer in time"))


class ServerUnreachable(SyncFailed):
    def __init__(self, *, server: str, reason: Term) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "desktop", "The city server at {server} cannot be reached ({reason}). Your changes are kept on "
            "this PC and will be sent at the next sync."), server=server, reason=reason)


class ServerBusy(SyncFailed):
    """The server stayed busy for all the time the station waits for it."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "desktop", "The city server is busy with other stations. Your changes are kept on this PC and will "
            "be sent at the next sync."))


class BadAddress(SyncFailed):
    def __init__(self, *, server: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "desktop", "\"{server}\" is not an address this station can reach a server at. Check the city server's "
            "address (it starts with https://)."), server=server, field="server")


class UpgradeRequired(SyncFailed):
    def __init__(self, *, station_newer: bool = False) -> None:
        if station_newer:
            super().__init__(QT_TRANSLATE_NOOP(
                "desktop", "This version of Village Station is newer than the city server, which must be updated "
                "first. Until then the station keeps working and keeps your changes."))
        else:
            super().__init__(QT_TRANSLATE_NOOP(
                "desktop", "This version of Village Station is too old for the city server. Install the new "
                "version; until then the station keeps working and keeps your changes."))


class Unauthorized(SyncFailed):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "desktop", "The city server no longer accepts this station (its enrollment was withdrawn). The station "
            "admin must enroll it again with a new code from the city office. Your changes are kept."))


class EnrollCodeRefused(SyncFailed):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "desktop", "The city server does not accept this enrollment code: it is not known, has been used "
            "already or has expired. Codes work once; ask the city office for a new one."), field="code")


class EnrollCodeForOtherVillage(SyncFailed):
    """The server refused a code for another village than this station's (the code stays unused)."""

    def __init__(self, *, village: dict[str, Any]) -> None:
        super().__init__(QT_TRANSLATE_NOOP("desktop", "This enrollment code is for another village."), field="code")
        self.village = village


class AlreadyEnrolled(SyncFailed):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "desktop", "The city server says this station is enrolled already. If it must enroll again, ask the "
            "city office to allow it first (its enrollment may have been withdrawn); your changes are kept."))


class TooManyAttempts(SyncFailed):
    def __init__(self, *, seconds: int) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "desktop", "Too many enrollment attempts, or wrong codes just before. Wait {seconds} seconds, check "
            "the code and try again."), seconds=seconds)


class TooLarge(SyncFailed):
    """The server answered 413: the sync sends a smaller batch, and sets aside a single change it never takes."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "desktop", "The city server refused what this station sent as too large. Your changes are kept."))


class BadAnswer(SyncFailed):
    """An answer that is not what the protocol says; ``detail`` (for the log) says how."""

    def __init__(self, *, server: str, detail: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "desktop", "The city server at {server} gave an answer this station cannot understand. Check the "
            "server address; your changes are kept."), server=server)
        self.detail = detail

    def __str__(self) -> str:
        return f"{super().__str__()} ({self.detail})"


class ServerRefused(SyncFailed):
    """The city server refused the whole request with a code of its table (``ERROR_STATUSES``) that has no
    error of its own here; its own words (English, for the log) are in ``message``."""

    WORDS: ClassVar[dict[str, str]] = {
        BAD_REQUEST: QT_TRANSLATE_NOOP(
            "desktop", "The city server could not take this station's request (a fault of this version of Village "
            "Station). Your changes are kept; if it happens again, tell the city office."),
        OUT_OF_SCOPE: QT_TRANSLATE_NOOP(
            "desktop", "The city server says this station may not do this. Your changes are kept; tell the city "
            "office."),
        NOT_FOUND: QT_TRANSLATE_NOOP(
            "desktop", "The address {server} answers, but not as the city server. Check the server address; your "
            "changes are kept."),
        SERVER_ERROR: QT_TRANSLATE_NOOP(
            "desktop", "The city server could not do this just now (an error on the server). Your changes are "
            "kept; try again later."),
    }
    SLOW = QT_TRANSLATE_NOOP(
        "desktop", "The connection to the city server was too slow to send everything in time. Your changes are "
        "kept and will be sent at the next sync.")
    OTHER = QT_TRANSLATE_NOOP(
        "desktop", "The city server refused the request. Your changes are kept; if it happens again, tell the city "
        "office.")

    def __init__(self, *, server: str, status: int, code: str, message: str = "") -> None:
        template = self.SLOW if status == 408 else self.WORDS.get(code, self.OTHER)
        super().__init__(template, server=server)
        self.status, self.code, self.message = status, code, message


class SyncCancelled(SyncFailed):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "desktop", "The sync was stopped before it finished. Your changes are kept and will be sent at the "
            "next sync."))


class SyncBroke(SyncFailed):
    """A sync stopped by a fault of the program (its details are in the log)."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "desktop", "The sync stopped because of an unexpected error. Your changes are kept. If it happens "
            "again, tell the city office (the details are in the station's log)."))


# Why the city server refused one change, by its refusal code: the sync area shows these, the server's own
# reason (English, for the log) is kept beside it.
REFUSAL_WORDS = {
    BAD_REQUEST: QT_TRANSLATE_NOOP(
        "desktop", "The city server could not read this change (a fault of this version of Village Station). It "
        "is kept here; tell the city office."),
    BAD_VALUE: QT_TRANSLATE_NOOP(
        "desktop", "A value in this record is not one the city server accepts (too long, or of the wrong kind). "
        "It is kept here; correct the record and save it again."),
    UNKNOWN_KIND: QT_TRANSLATE_NOOP(
        "desktop", "The city server does not know this kind of record yet; it must be updated. The change is kept "
        "here."),
    UNKNOWN_FIELD: QT_TRANSLATE_NOOP(
        "desktop", "The city server does not know a field of this record yet; it must be updated. The change is "
        "kept here."),
    OUT_OF_SCOPE: QT_TRANSLATE_NOOP(
        "desktop", "This record belongs to another village or to the city office, so this station may not change "
        "it. The change is kept here."),
    CLAIMED: QT_TRANSLATE_NOOP(
        "desktop", "Another village claimed this first. The change is kept here."),
    CLOCK_AHEAD: QT_TRANSLATE_NOOP(
        "desktop", "This change was dated ahead of the city server's clock (this PC's date was wrong). Set the "
        "PC's date and time right; the change is kept here."),
    UNKNOWN_VILLAGE: QT_TRANSLATE_NOOP(
        "desktop", "The village this was sent to is not on the city's list of villages, so the city server did not "
        "take it. It is kept here; check the village, or ask the city office to add it."),
    TOO_LARGE: QT_TRANSLATE_NOOP(
        "desktop", "This change is larger than the city server takes at once, so it can never be sent. It is kept "
        "here; shorten the record's long texts and save it again."),
}
REFUSED_OTHERWISE = QT_TRANSLATE_NOOP(
    "desktop", "The city server refused this change. It is kept here; tell the city office.")


def refusal_words(code: str) -> str:
    """Why the city server refused a change, in words to translate in the ``desktop`` context."""
    return REFUSAL_WORDS.get(code, REFUSED_OTHERWISE)


def stored_failure(text: str) -> UserError:
    """The failure of the last sync as it was kept (``UserError.stored``); an older station kept plain text."""
    return UserError.from_stored(text) or UserError(QT_TRANSLATE_NOOP(
        "desktop", "The last sync did not finish. Your changes are kept and will be sent at the next sync."))


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str
    village_name: str
    last_sync_at: datetime | None
    last_sync_ok: bool | None
    last_error: UserError | None  # why the last sync failed, to show in the interface's language
    changes_waiting: int
    conflicts_open: int
    set_aside: int
    held: int
    clock_offset_ms: int
    last_refetch_at: datetime | None
    not_applied: int = 0  # records from the city this station could not apply

    @property
    def clock_warning(self) -> bool:
        """The PC's clock is more than five minutes off the city server's."""
        return abs(self.clock_offset_ms) > CLOCK_WARNING_MS


@dataclass(frozen=True)
class ConflictInfo:
    id: str
    entity: str
    row_id: str
    field: str
    kept_value: Any
    lost_value: Any
    lost_station: str
    resolved: bool
    resolution: str
    # As people know them (desktop.services.records): the table and name of the record, the value the
    # record holds now on this station and the other value.
    table: str = ""
    subject: str = ""
    value_now: Any = None
    other_value: Any = None


@dataclass(frozen=True)
class SetAsideInfo:
    change_id: str
    entity: str
    row_id: str
    fields: dict[str, Any]
    code: str
    reason: str  # the server's own words (English), for the log and the city office
    set_aside_at: datetime | None
    table: str = ""  # the table of its record kind, for the record's label

    @property
    def why(self) -> str:
        """Why it was refused, to translate in the ``desktop`` context."""
        return refusal_words(self.code)


@dataclass(frozen=True)
class Identity:
    """Who this station is to the server before enrolling: its id, and its village if it is set up."""

    station_id: str
    village_code: str | None


@dataclass(frozen=True)
class Enrollment:
    station_id: str
    village_code: str
    village_name: str
    new_station: bool
    regions_added: int


# -- enrollment ---------------------------------------------------------------------------------

def identity(uow: UnitOfWork) -> Identity:
    """The station id to enroll with: this station's, or a new one for a fresh data folder."""
    station = uow.session.scalars(select(Station)).first()
    if station is None:
        return Identity(str(uuid.uuid4()), None)
    uow.require(Permission.MANAGE_STATION)
    return Identity(station.station_id, station.village_code)


def record_enrollment(uow: UnitOfWork, *, server_url: str, token: str, station_id: str,
                      village: dict[str, Any], regions: list[dict[str, Any]]) -> Enrollment:
    """Keep the server's answer: its token and regions, and (for a fresh data folder) the station itself."""
    code = str(village.get("code", ""))
    station = uow.session.scalars(select(Station)).first()
    if station is not None:
        uow.require(Permission.MANAGE_STATION)
        if station.village_code != code:
            raise code_for_other_village(uow, village)
    added = _import_regions(uow, [*regions, village])
    if uow.session.get(Region, code) is None or not Level(uow.session.get(Region, code).level).is_station:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The city server's answer names no village for this code. Ask the city office."))
    new_station = station is None
    if new_station:
        uow.session.add(Station(id=1, station_id=station_id, database_id=str(uuid.uuid4()), village_code=code,
                                created_at=uow.now()))
        uow.clock.node = station_id
    state = uow.session.get(SyncState, 1)
    if state is None:
        state = SyncState(id=1, pull_after=0, generation=0, clock_offset_ms=0, last_error="")
        uow.session.add(state)
    state.server_url = server_url
    state.station_token = token
    state.village_name = str(village.get("name") or "")[:100]
    state.enrolled_at = uow.now()
    uow.session.flush()
    uow.audit("enroll", entity="station", entity_id=station_id, village=code, server=server_url)
    return Enrollment(station_id, code, state.village_name, new_station, added)


def code_for_other_village(uow: UnitOfWork, village: dict[str, Any]) -> InvalidInput:
    """The refusal of an enrollment code for ``village`` (the server's answer) at a station of another village."""
    station = uow.session.scalars(select(Station)).first()
    return InvalidInput(QT_TRANSLATE_NOOP(
        "desktop", "This enrollment code is for {village}, but this station serves {ours}. "
        "Ask the city office for a code for this station's village."), field="code",
        village=str(village.get("name") or village.get("code") or "?"),
        ours=_region_name(uow, station.village_code) if station is not None else "?")


def _region_name(uow: UnitOfWork, code: str) -> str:
    row = uow.session.get(Region, code)
    return row.name if row else code


def _import_regions(uow: UnitOfWork, regions: list[dict[str, Any]]) -> int:
    """Add the regions this station lacks, parents before children; rename the ones that changed."""
    pending = {str(item["code"]): item for item in regions if item.get("code")}
    added = 0
    while pending:
        progressed = False
        for code, item in list(pending.items()):
            parent = item.get("parent_code") or None
            if parent is not None and uow.session.get(Region, parent) is None and parent in pending:
                continue
            if parent is not None and uow.session.get(Region, parent) is None:
                parent = None  # the answer lacks the parent; keep the region rather than lose it
            row = uow.session.get(Region, code)
            if row is None:
                uow.session.add(Region(code=code, name=str(item.get("name", code)), level=str(item.get("level")),
                                       parent_code=parent, source="city", updated_at=uow.now()))
                added += 1
            elif row.name != item.get("name") and item.get("name"):
                row.name = str(item["name"])
                row.updated_at = uow.now()
            uow.session.flush()
            del pending[code]
            progressed = True
        if not progressed:
            break
    return added


def connection(uow: UnitOfWork) -> tuple[str, str, int] | None:
    """The server's address, this station's token and its sync generation, or None if not enrolled."""
    state = uow.session.get(SyncState, 1)
    if state is None or not state.station_token:
        return None
    return state.server_url, state.station_token, state.generation


# -- the record of each run -----------------------------------------------------------------------

def record_clock(uow: UnitOfWork, *, offset_ms: int) -> None:
    """Keep the server's time minus the PC's; the station's clock stamps with the corrected time from now."""
    state = uow.session.get(SyncState, 1)
    if state is not None:
        state.clock_offset_ms = int(offset_ms)
    uow.clock.offset_ms = int(offset_ms)


def record_sync(uow: UnitOfWork, *, ok: bool, error: UserError | None = None, generation: int | None = None,
                refetched: bool = False) -> None:
    state = uow.session.get(SyncState, 1)
    if state is None:
        return
    state.last_sync_at = uow.now()
    state.last_sync_ok = ok
    state.last_error = error.stored() if error is not None else ""
    if generation is not None and generation > state.generation:
        state.generation = generation
    if refetched:
        state.last_refetch_at = uow.now()


def ensure_village_profile(uow: UnitOfWork) -> None:
    """After the first sync of a fresh data folder: start the village's profile if no station has yet."""
    station = uow.session.scalars(select(Station)).first()
    if station is None:
        return
    exists = uow.session.scalars(select(VillageProfile).where(
        VillageProfile.village_code == station.village_code)).first()
    if exists is None:
        name = _region_name(uow, station.village_code)
        uow.session.add(VillageProfile(id=station.village_code, village_code=station.village_code,
                                       station_name=f"{name}志愿服务站"))
        uow.session.flush()


# -- what the screens show ------------------------------------------------------------------------

def sync_status(uow: UnitOfWork) -> SyncStatus:
    session = uow.session
    state = session.get(SyncState, 1)
    conflicts = session.scalar(select(func.count()).select_from(Conflict).where(
        Conflict.resolved.is_(False), Conflict.deleted.is_(False))) or 0
    set_aside = session.scalar(select(func.count()).select_from(SyncSetAside)) or 0
    waiting = sync_store.outbox_count(session)
    held = sync_store.held_count(session)
    not_applied = sync_store.not_applied_count(session)
    if state is None:
        return SyncStatus(False, "", "", None, None, None, waiting, conflicts, set_aside, held, 0, None, not_applied)
    return SyncStatus(True, state.server_url, state.village_name, aware(state.last_sync_at), state.last_sync_ok,
                      stored_failure(state.last_error) if state.last_error else None, waiting, conflicts, set_aside,
                      held, state.clock_offset_ms, aware(state.last_refetch_at), not_applied)


# What a conflict shows of a value kept from the person's role (a household's health or disability notes).
KEPT_FROM_ROLE = Term(QT_TRANSLATE_NOOP("desktop", "(kept from your role)"))


def _conflict_info(row: Conflict) -> ConflictInfo:
    return ConflictInfo(row.id, row.entity, row.row_id, row.field, row.kept_value, row.lost_value,
                        row.lost_station, bool(row.resolved), row.resolution or "")


def _records_in_conflict(session: Session, conflicts: list[Conflict]) -> dict[tuple[str, str], Any]:
    """The record each conflict is about, by (record kind, row id), None where it is not on this station:
    read a kind at a time."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for conflict in conflicts:
        wanted[conflict.entity].add(conflict.row_id)
    found: dict[tuple[str, str], Any] = {}
    for entity, row_ids in wanted.items():
        found.update(dict.fromkeys(((entity, row_id) for row_id in row_ids), None))
        model = sync_store.model_for(entity)
        if model is None:
            continue
        key = inspect(model).primary_key[0]
        listed = sorted(row_ids)
        for start in range(0, len(listed), 500):
            for record in session.scalars(select(model).where(key.in_(listed[start:start + 500]))):
                found[(entity, str(getattr(record, key.key)))] = record
    return found


def list_conflicts(uow: UnitOfWork, *, include_resolved: bool = False) -> list[ConflictInfo]:
    """The conflicts to review, each with its record's name and both values as people know them — the value
    now being what the record holds on this station (a later edit may have changed it since)."""
    uow.require(Permission.VIEW_DATA)
    query = select(Conflict).where(Conflict.deleted.is_(False)).order_by(Conflict.created_at, Conflict.id)
    if not include_resolved:
        query = query.where(Conflict.resolved.is_(False))
    rows = list(uow.session.scalars(query))
    targets = _records_in_conflict(uow.session, rows)
    now: dict[str, Any] = {}
    wanted: list[tuple[str, str]] = []
    for row in rows:
        target = targets[(row.entity, row.row_id)]
        now[row.id] = getattr(target, row.field) if target is not None and hasattr(target, row.field) \
            else row.kept_value
        table = records.table_of(row.entity)
        wanted += [(table, row.row_id), *records.references(table, {row.field: [now[row.id], row.lost_value]})]
    known = records.names(uow.session, wanted)
    sees_special = may_see(Sensitivity.SPECIAL, uow.role().permissions)
    found = []
    for row in rows:
        table = records.table_of(row.entity)
        info = replace(_conflict_info(row), table=table, subject=known.get((table, row.row_id), ""),
                       value_now=records.shown(table, row.field, now[row.id], known),
                       other_value=records.shown(table, row.field, row.lost_value, known))
        if row.field in SPECIAL_FIELDS.get(row.entity, ()) and not sees_special:  # health and disability notes
            info = replace(info, kept_value=KEPT_FROM_ROLE, lost_value=KEPT_FROM_ROLE, value_now=KEPT_FROM_ROLE,
                           other_value=KEPT_FROM_ROLE)
        found.append(info)
    return found


def resolve_conflict(uow: UnitOfWork, *, conflict_id: str, keep: str) -> ConflictInfo:
    """Keep the value that won (``"kept"``) or the one that lost (``"lost"``: a new edit that wins from now)."""
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    if keep not in (KEEP_KEPT, KEEP_LOST):
        raise ValueError(f"keep must be {KEEP_KEPT!r} or {KEEP_LOST!r}, not {keep!r}")
    row = uow.session.get(Conflict, conflict_id)
    if row is None or row.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "This conflict no longer exists."))
    if row.resolved:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Someone has already settled this conflict."))
    if keep == KEEP_LOST:
        target = _records_in_conflict(uow.session, [row])[(row.entity, row.row_id)]
        if target is None or not hasattr(target, row.field):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "The record this conflict is about is not on this station yet. Sync, then try again."))
        setattr(target, row.field, row.lost_value)
    row.resolved = True
    row.resolution = keep
    uow.session.flush()
    return _conflict_info(row)


NOT_APPLIED_OTHERWISE = QT_TRANSLATE_NOOP("desktop", "This record could not be used on this PC.")


@dataclass(frozen=True)
class NotAppliedInfo:
    """A record from the city this station could not apply, and why."""

    entity: str
    row_id: str
    fields: dict[str, Any]
    reason: str  # in English, for the log and the city office
    set_aside_at: datetime | None
    why: str = NOT_APPLIED_OTHERWISE  # in words, to translate in the ``desktop`` context
    table: str = ""  # the table of its record kind, for the record's label


# Why a record from the city could not be used here, by the kind of problem the sync kept with it.
NOT_APPLIED_WORDS = {
    sync_store.NOT_FITTING: QT_TRANSLATE_NOOP(
        "desktop", "A value in this record does not fit what this version of Village Station keeps there."),
    sync_store.STAMPED_AHEAD: QT_TRANSLATE_NOOP(
        "desktop", "This record is dated more than a day ahead of the city server's clock."),
    sync_store.UNKNOWN_FIELDS: QT_TRANSLATE_NOOP(
        "desktop", "This version of Village Station does not know some fields of this record; the rest was used."),
    sync_store.REFUSED_HERE: QT_TRANSLATE_NOOP(
        "desktop", "It clashes with a record on this PC, so this station's database could not keep it."),
}


def list_not_applied(uow: UnitOfWork) -> list[NotAppliedInfo]:
    uow.require(Permission.VIEW_DATA)
    rows = uow.session.scalars(select(SyncNotApplied).order_by(SyncNotApplied.id))
    return [NotAppliedInfo(row.entity, row.row_id, dict((row.payload or {}).get("fields") or {}), row.reason,
                           aware(row.set_aside_at),
                           NOT_APPLIED_WORDS.get(str((row.payload or {}).get("problem")), NOT_APPLIED_OTHERWISE),
                           records.table_of(row.entity))
            for row in rows]


def list_set_aside(uow: UnitOfWork) -> list[SetAsideInfo]:
    uow.require(Permission.VIEW_DATA)
    rows = uow.session.scalars(select(SyncSetAside).order_by(SyncSetAside.id))
    return [SetAsideInfo(row.change_id, row.entity, row.row_id, dict(row.fields or {}), row.code, row.reason,
                         aware(row.set_aside_at), records.table_of(row.entity)) for row in rows]
