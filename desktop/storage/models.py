"""The station's tables as typed SQLAlchemy models.

Two kinds of row: local rows (accounts, settings, the audit log) that never leave this PC, and
synced rows that carry hybrid-logical-clock stamps per field and a tombstone instead of a delete.
A synced model points ``__sync__`` at its record kind (desktop/domain/sync_kinds.py); the unit of
work writes its outbox record.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy import text as sql_text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop.domain.pinyin_search import SEPARATOR, name_search_text, sort_key
from desktop.domain.sync_kinds import (
    ACTIVITY,
    CERTIFICATE,
    CITY_ITEM,
    CONFLICT,
    DONOR,
    HOUSEHOLD,
    HOUSEHOLD_CATEGORY,
    HOUSEHOLD_MEMBER,
    HUT,
    HUT_DOCUMENT,
    HUT_MONTH,
    ITEM,
    ITEM_CATEGORY,
    NOMINATION,
    PARTICIPANT,
    POINTS_ENTRY,
    POINTS_RULE,
    REGION,
    SERVICE_HOURS,
    SPONSOR,
    SPONSORSHIP,
    SPONSORSHIP_EVENT,
    STAR_NOTICE,
    STOCK_MOVEMENT,
    SYNC_PROBLEM,
    TEAM,
    TEAM_MEMBER,
    TRAINEE,
    TRANSFER,
    TRANSFER_LINE,
    TRANSFER_RECEIPT,
    VILLAGE_PROFILE,
    VOLUNTEER,
    WISH,
    WISH_BOARD,
    WISH_CLAIM,
    RecordKind,
)


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    pass


class Recorded:
    """Every record says who recorded it and when (UTC), stamped by the unit of work."""

    created_at: Mapped[datetime] = mapped_column()
    created_by: Mapped[str | None] = mapped_column(String(36))
    updated_at: Mapped[datetime] = mapped_column()
    updated_by: Mapped[str | None] = mapped_column(String(36))


class Synced(Recorded):
    """A row that syncs: newest stamp, a stamp per field, and a tombstone.

    ``__derived__`` names local columns worked out from synced ones (the fields they come from and
    the function that gives them); the unit of work and the pulled-page writer both keep them current.
    """

    __sync__: RecordKind  # its wire name, which columns travel, its scope and merge rule
    __derived__: ClassVar[tuple[tuple[str, ...], Callable[[dict[str, Any]], dict[str, Any]]] | None] = None

    hlc: Mapped[str] = mapped_column(String(64), default="")
    field_hlc: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    deleted: Mapped[bool] = mapped_column(default=False)


class Station(Base):
    """This installation: one row, made by the first-run set-up."""

    __tablename__ = "station"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_id: Mapped[str] = mapped_column(String(36), unique=True)
    database_id: Mapped[str] = mapped_column(String(36))
    village_code: Mapped[str] = mapped_column(ForeignKey("regions.code"))
    created_at: Mapped[datetime] = mapped_column()
    last_hlc: Mapped[str | None] = mapped_column(String(64))


class Region(Base):
    """Reference data from the city (or a CSV the city hands out); it never flows up, so it is not
    ``Synced`` (no stamps, no outbox): pulled pages overwrite it in changelog order."""

    __tablename__ = "regions"
    __sync__ = REGION
    __sync_parents__: ClassVar[dict[str, str]] = {"parent_code": "region"}  # parents the storage itself needs

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(16))
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("regions.code"), index=True)
    source: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column()


def _user_sort(values: dict[str, Any]) -> dict[str, Any]:
    return {"sort_key": sort_key(values.get("display_name") or "")[:200]}


class User(Recorded, Base):
    __tablename__ = "users"
    # Local, derived from the display name: the sign-in list and the accounts list are in pinyin order, and
    # the sign-in screen reads them before the name rules (pypinyin) have loaded.
    __derived__: ClassVar = (("display_name",), _user_sort)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    must_change_password: Mapped[bool] = mapped_column(default=False)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    last_failed_at: Mapped[datetime | None] = mapped_column()
    last_sign_in_at: Mapped[datetime | None] = mapped_column()
    sort_key: Mapped[str] = mapped_column(String(200), default="")


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column()
    user_id: Mapped[str | None] = mapped_column(String(36), index=True)
    user_name: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32), index=True)
    entity: Mapped[str | None] = mapped_column(String(32))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)


class OutboxRecord(Base):
    """A change waiting to be pushed to the city, written in the same transaction as the change."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[str] = mapped_column(String(64))
    fields: Mapped[dict[str, object]] = mapped_column(JSON)
    stamps: Mapped[dict[str, str]] = mapped_column(JSON)
    hlc: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column()
    created_by: Mapped[str | None] = mapped_column(String(36))
    # each field's stamp before this edit (None for a new field): the server spots concurrent edits by it
    base: Mapped[dict[str, str | None]] = mapped_column(JSON, default=dict)


class VillageProfile(Synced, Base):
    """The village station's public details, kept by the station and shown to the city."""

    __tablename__ = "village_profile"
    __sync__ = VILLAGE_PROFILE

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(ForeignKey("regions.code"), unique=True)
    station_name: Mapped[str] = mapped_column(String(100), default="")
    contact_name: Mapped[str] = mapped_column(String(64), default="")
    contact_phone: Mapped[str] = mapped_column(String(32), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    office_hours: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class SyncState(Base):
    """Where this station stands with the city server: one row, made at enrollment."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str] = mapped_column(String(500))
    station_token: Mapped[str] = mapped_column(String(200))
    village_name: Mapped[str] = mapped_column(String(100), default="")
    enrolled_at: Mapped[datetime] = mapped_column()
    pull_after: Mapped[int] = mapped_column(Integer, default=0)
    generation: Mapped[int] = mapped_column(Integer, default=0)
    last_sync_at: Mapped[datetime | None] = mapped_column()
    last_sync_ok: Mapped[bool | None] = mapped_column()
    last_error: Mapped[str] = mapped_column(Text, default="")
    last_refetch_at: Mapped[datetime | None] = mapped_column()
    clock_offset_ms: Mapped[int] = mapped_column(Integer, default=0)


class SyncHeld(Base):
    """A pulled record whose parent has not arrived yet; applied once the parent is here."""

    __tablename__ = "sync_held"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, object]] = mapped_column(JSON)
    waiting_for: Mapped[str] = mapped_column(String(100))
    received_at: Mapped[datetime] = mapped_column()


class SyncSetAside(Base):
    """A change the city server refused: kept with its reason for the admin, out of the outbox."""

    __tablename__ = "sync_set_aside"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[str] = mapped_column(String(64))
    fields: Mapped[dict[str, object]] = mapped_column(JSON)
    code: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    set_aside_at: Mapped[datetime] = mapped_column()


class SyncNotApplied(Base):
    """A pulled record this station could not apply (a value of the wrong type, a constraint, a field
    this version does not know), kept with the reason; the rest of its page was applied."""

    __tablename__ = "sync_not_applied"
    __table_args__ = (Index("ix_sync_not_applied_record", "entity", "row_id", "seq", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seq: Mapped[int] = mapped_column(Integer)
    entity: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, object]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text)
    set_aside_at: Mapped[datetime] = mapped_column()


class SyncProblem(Synced, Base):
    """A record some PC of the village could not apply, as it reported it to the city."""

    __tablename__ = "sync_problems"
    __sync__ = SYNC_PROBLEM

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    station_id: Mapped[str] = mapped_column(String(64), default="")
    entity: Mapped[str] = mapped_column(String(32), default="")
    row_id: Mapped[str] = mapped_column(String(64), default="")
    seq: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(String(500), default="")
    noticed_on: Mapped[str] = mapped_column(String(10), default="")


class Conflict(Synced, Base):
    """A value that lost to a concurrent edit of the same field, made by the server, resolved by a person."""

    __tablename__ = "conflicts"
    __sync__ = CONFLICT

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    entity: Mapped[str] = mapped_column(String(32), default="")
    row_id: Mapped[str] = mapped_column(String(64), default="")
    field: Mapped[str] = mapped_column(String(64), default="")
    kept_value: Mapped[object | None] = mapped_column(JSON, nullable=True)
    kept_stamp: Mapped[str] = mapped_column(String(64), default="")
    lost_value: Mapped[object | None] = mapped_column(JSON, nullable=True)
    lost_stamp: Mapped[str] = mapped_column(String(64), default="")
    lost_station: Mapped[str] = mapped_column(String(64), default="")
    resolved: Mapped[bool] = mapped_column(default=False)
    resolution: Mapped[str] = mapped_column(String(16), default="")


# -- the volunteer programme ---------------------------------------------------------------------
# Dates are ISO text (2026-11-29) and times "HH:MM": they travel as they are stored.
# Ids of other synced rows are plain columns, not foreign keys: a pulled record may arrive before
# its parent (it is held until the parent is here), and a merged duplicate keeps its links.


def derived_values(model: type, values: dict[str, Any], changed: Iterable[str] | None) -> dict[str, Any]:
    """The local derived columns of a row (``Synced.__derived__``) worked out from ``values``.

    ``changed`` None means a new row; otherwise nothing is derived unless one of the sources changed.
    """
    derived = getattr(model, "__derived__", None)
    if derived is None:
        return {}
    sources, derive = derived
    if changed is not None and not set(sources) & set(changed):
        return {}
    return derive({name: values.get(name) for name in sources})


def _volunteer_search(values: dict[str, Any]) -> dict[str, Any]:
    name = values.get("name") or ""
    numbers = SEPARATOR.join(((values.get("phone") or "").replace("-", ""), values.get("volunteer_number") or ""))
    return {"search_text": name_search_text(name), "sort_key": sort_key(name)[:200], "numbers": numbers}


class Volunteer(Synced, Base):
    __tablename__ = "volunteers"
    __sync__ = VOLUNTEER
    __derived__ = (("name", "phone", "volunteer_number"), _volunteer_search)
    # Every column the list's search and sort read, so a search reads this index and never the rows
    # (which carry a stamp per field and are several times longer): 30,000 people in a few ms.
    # The few merged records, for services.identities: a seek, not a scan of every volunteer.
    __table_args__ = (Index("ix_volunteers_search", "status", "sort_key", "id", "deleted", "search_text", "numbers",
                            "id_number", "name", "merged_into"),
                      Index("ix_volunteers_merged", "merged_into", sqlite_where=sql_text("merged_into != ''")))

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    name: Mapped[str] = mapped_column(String(64), default="")
    gender: Mapped[str] = mapped_column(String(8), default="")
    birth_date: Mapped[str] = mapped_column(String(10), default="")
    id_number: Mapped[str] = mapped_column(String(18), default="", index=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    political_status: Mapped[str] = mapped_column(String(16), default="")
    skills: Mapped[str] = mapped_column(Text, default="")
    volunteer_number: Mapped[str] = mapped_column(String(32), default="")
    registered_on: Mapped[str] = mapped_column(String(10), default="")
    status: Mapped[str] = mapped_column(String(8), default="active")
    notes: Mapped[str] = mapped_column(Text, default="")
    merged_into: Mapped[str] = mapped_column(String(36), default="")
    # Local, derived from the name by this station (desktop/domain/pinyin_search.py); never synced.
    search_text: Mapped[str] = mapped_column(Text, default="")
    sort_key: Mapped[str] = mapped_column(String(200), default="")
    numbers: Mapped[str] = mapped_column(String(80), default="")  # phone digits, then the volunteer number


class Team(Synced, Base):
    __tablename__ = "teams"
    __sync__ = TEAM

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    name: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(16), default="other")
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(default=True)


class TeamMember(Synced, Base):
    __tablename__ = "team_members"
    __sync__ = TEAM_MEMBER

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    team_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    volunteer_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    role: Mapped[str] = mapped_column(String(8), default="member")
    joined_on: Mapped[str] = mapped_column(String(10), default="")


class Activity(Synced, Base):
    __tablename__ = "activities"
    __sync__ = ACTIVITY
    __table_args__ = (Index("ix_activities_date", "date"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    kind: Mapped[str] = mapped_column(String(16), default="other")
    title: Mapped[str] = mapped_column(String(200), default="")
    date: Mapped[str] = mapped_column(String(10), default="")
    start_time: Mapped[str] = mapped_column(String(5), default="")
    end_time: Mapped[str] = mapped_column(String(5), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    team_id: Mapped[str] = mapped_column(String(36), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    trained: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="planned")
    closed_on: Mapped[str] = mapped_column(String(10), default="")


class Participant(Synced, Base):
    __tablename__ = "participants"
    __sync__ = PARTICIPANT

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    activity_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    volunteer_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    rostered: Mapped[bool] = mapped_column(default=False)
    attended: Mapped[bool] = mapped_column(default=False)
    # a shift of its own (a Lei Feng post roster); blank means the activity's times
    start_time: Mapped[str] = mapped_column(String(5), default="")
    end_time: Mapped[str] = mapped_column(String(5), default="")


class ServiceHours(Synced, Base):
    __tablename__ = "service_hours"
    __sync__ = SERVICE_HOURS
    # covers the sums of hours per volunteer and period, so totals never read the (longer) rows
    __table_args__ = (Index("ix_service_hours_volunteer", "volunteer_id", "served_on", "hours", "deleted"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    volunteer_id: Mapped[str] = mapped_column(String(36), default="")
    kind: Mapped[str] = mapped_column(String(16), default="credit")
    hours: Mapped[float] = mapped_column(Float, default=0.0)
    served_on: Mapped[str] = mapped_column(String(10), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    activity_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    reverses_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    # a correction's replacement names the record it replaces (its id is named by it)
    replaces_id: Mapped[str] = mapped_column(String(36), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_by_name: Mapped[str] = mapped_column(String(64), default="")


class StarNotice(Synced, Base):
    __tablename__ = "star_notices"
    __sync__ = STAR_NOTICE

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    volunteer_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    level: Mapped[int] = mapped_column(Integer, default=0)
    noticed_on: Mapped[str] = mapped_column(String(10), default="")


class Certificate(Synced, Base):
    __tablename__ = "certificates"
    __sync__ = CERTIFICATE

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    volunteer_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    number: Mapped[str] = mapped_column(String(40), default="", index=True)
    issued_on: Mapped[str] = mapped_column(String(10), default="")
    period_from: Mapped[str] = mapped_column(String(10), default="")
    period_to: Mapped[str] = mapped_column(String(10), default="")
    hours: Mapped[float] = mapped_column(Float, default=0.0)
    content: Mapped[str] = mapped_column(Text, default="")
    issuer: Mapped[str] = mapped_column(String(200), default="")
    # what the certificate printed, so a reprint shows the same and the register says what went out
    name: Mapped[str] = mapped_column(String(64), default="")
    id_shown: Mapped[str] = mapped_column(String(18), default="")
    volunteer_number: Mapped[str] = mapped_column(String(32), default="")
    reprint_of: Mapped[str] = mapped_column(String(36), default="")
    issued_by_name: Mapped[str] = mapped_column(String(64), default="")


class Nomination(Synced, Base):
    __tablename__ = "nominations"
    __sync__ = NOMINATION

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    volunteer_id: Mapped[str] = mapped_column(String(36), default="")
    name: Mapped[str] = mapped_column(String(64), default="")
    category: Mapped[str] = mapped_column(String(16), default="helping")
    deeds: Mapped[str] = mapped_column(Text, default="")
    nominated_by: Mapped[str] = mapped_column(String(100), default="")
    nominated_on: Mapped[str] = mapped_column(String(10), default="")
    status: Mapped[str] = mapped_column(String(16), default="nominated")
    notice_from: Mapped[str] = mapped_column(String(10), default="")
    notice_to: Mapped[str] = mapped_column(String(10), default="")
    decided_on: Mapped[str] = mapped_column(String(10), default="")
    decision_note: Mapped[str] = mapped_column(Text, default="")


# -- households in need, micro-wishes and sponsorships ------------------------------------------------

def _household_search(values: dict[str, Any]) -> dict[str, Any]:
    name = values.get("head_name") or ""
    return {"search_text": name_search_text(name), "sort_key": sort_key(name)[:200]}


class HouseholdCategory(Synced, Base):
    """A category of help the station admin added beside the built-in ones."""

    __tablename__ = "household_categories"
    __sync__ = HOUSEHOLD_CATEGORY

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    code: Mapped[str] = mapped_column(String(32))  # always given: it names the row
    name: Mapped[str] = mapped_column(String(64), default="")
    active: Mapped[bool] = mapped_column(default=True)


class Household(Synced, Base):
    __tablename__ = "households"
    __sync__ = HOUSEHOLD
    __derived__ = (("head_name",), _household_search)
    __table_args__ = (Index("ix_households_list", "status", "sort_key", "id", "deleted", "search_text",
                            "group_name", "categories", "merged_into"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    head_name: Mapped[str] = mapped_column(String(64), default="")
    id_number: Mapped[str] = mapped_column(String(18), default="", index=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    group_name: Mapped[str] = mapped_column(String(64), default="")  # 村民小组
    address: Mapped[str] = mapped_column(String(200), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)  # 家庭人口
    categories: Mapped[str] = mapped_column(String(400), default="")  # category codes, comma-separated
    poverty_cause: Mapped[str] = mapped_column(String(200), default="")
    # sensitive (desktop/domain/households.py): only for who may see them, each opening logged
    health: Mapped[str] = mapped_column(Text, default="")
    disability: Mapped[str] = mapped_column(Text, default="")
    income_notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="helped")
    status_on: Mapped[str] = mapped_column(String(10), default="")
    recheck_on: Mapped[str] = mapped_column(String(10), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    merged_into: Mapped[str] = mapped_column(String(36), default="")
    # Local, derived from the head's name by this station; never synced.
    search_text: Mapped[str] = mapped_column(Text, default="")
    sort_key: Mapped[str] = mapped_column(String(200), default="")


class HouseholdMember(Synced, Base):
    __tablename__ = "household_members"
    __sync__ = HOUSEHOLD_MEMBER

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    household_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    name: Mapped[str] = mapped_column(String(64), default="")
    relation: Mapped[str] = mapped_column(String(16), default="other")
    birth_date: Mapped[str] = mapped_column(String(10), default="")
    id_number: Mapped[str] = mapped_column(String(18), default="", index=True)
    health: Mapped[str] = mapped_column(Text, default="")
    disability: Mapped[str] = mapped_column(Text, default="")
    volunteer_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class Trainee(Synced, Base):
    """Someone of a household trained at a training activity."""

    __tablename__ = "trainees"
    __sync__ = TRAINEE

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    activity_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    household_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    member_id: Mapped[str] = mapped_column(String(36), default="")
    name: Mapped[str] = mapped_column(String(64), default="")


class Wish(Synced, Base):
    __tablename__ = "wishes"
    __sync__ = WISH
    __table_args__ = (Index("ix_wishes_status", "status", "collected_on"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    household_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    words: Mapped[str] = mapped_column(Text, default="")  # the wish in the household's own words
    category: Mapped[str] = mapped_column(String(16), default="other")
    estimated_value: Mapped[float] = mapped_column(Float, default=0.0)
    wanted_by: Mapped[str] = mapped_column(String(10), default="")
    status: Mapped[str] = mapped_column(String(16), default="collected")
    collected_on: Mapped[str] = mapped_column(String(10), default="")
    collected_by: Mapped[str] = mapped_column(String(64), default="")
    vetted_on: Mapped[str] = mapped_column(String(10), default="")
    decision_note: Mapped[str] = mapped_column(Text, default="")
    published_on: Mapped[str] = mapped_column(String(10), default="")
    public_text: Mapped[str] = mapped_column(String(500), default="")
    contacted_on: Mapped[str] = mapped_column(String(10), default="")
    claim_id: Mapped[str] = mapped_column(String(36), default="")
    fulfilled_on: Mapped[str] = mapped_column(String(10), default="")
    given: Mapped[str] = mapped_column(Text, default="")
    given_by: Mapped[str] = mapped_column(String(100), default="")
    confirmed: Mapped[bool] = mapped_column(default=False)
    confirmation_note: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class WishBoardEntry(Synced, Base):
    """A wish on the city board, as every station has it: anonymised, with the band of its value."""

    __tablename__ = "wish_board"
    __sync__ = WISH_BOARD
    __table_args__ = (Index("ix_wish_board_list", "state", "published_on", "village_code", "category",
                            "value_low", "deleted"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)  # the wish's own id
    village_code: Mapped[str] = mapped_column(String(12), default="")
    public_text: Mapped[str] = mapped_column(String(500), default="")
    category: Mapped[str] = mapped_column(String(16), default="other")
    value_low: Mapped[int] = mapped_column(Integer, default=0)
    value_high: Mapped[int] = mapped_column(Integer, default=0)  # 0: no upper bound
    published_on: Mapped[str] = mapped_column(String(10), default="")
    wanted_by: Mapped[str] = mapped_column(String(10), default="")
    state: Mapped[str] = mapped_column(String(16), default="open")
    hold_days: Mapped[int] = mapped_column(Integer, default=7)
    released_claim: Mapped[str] = mapped_column(String(36), default="")


class WishClaim(Synced, Base):
    __tablename__ = "wish_claims"
    __sync__ = WISH_CLAIM

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")      # the claimant's village
    to_village_code: Mapped[str] = mapped_column(String(12))   # the wish's village, always given
    board_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    claimant_kind: Mapped[str] = mapped_column(String(16), default="volunteer")
    claimant_name: Mapped[str] = mapped_column(String(100), default="")
    claimant_contact: Mapped[str] = mapped_column(String(64), default="")
    volunteer_id: Mapped[str] = mapped_column(String(36), default="")
    claimed_on: Mapped[str] = mapped_column(String(10), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    held_until: Mapped[str] = mapped_column(String(10), default="")  # the city server's ruling
    lapsed: Mapped[bool] = mapped_column(default=False)
    # Local: "lost" once the city server refused it as claimed first by another village; never synced.
    refused: Mapped[str] = mapped_column(String(16), default="")


class WishPhoto(Recorded, Base):
    """A photo of a fulfilled wish: kept at this station only, never synced (a household's picture stays in
    its village's office)."""

    __tablename__ = "wish_photos"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    wish_id: Mapped[str] = mapped_column(String(36), index=True)
    file_name: Mapped[str] = mapped_column(String(200))
    image: Mapped[bytes] = mapped_column(LargeBinary)


class Sponsor(Synced, Base):
    __tablename__ = "sponsors"
    __sync__ = SPONSOR

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    kind: Mapped[str] = mapped_column(String(16), default="person")
    name: Mapped[str] = mapped_column(String(100), default="")
    contact: Mapped[str] = mapped_column(String(64), default="")
    volunteer_id: Mapped[str] = mapped_column(String(36), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Sponsorship(Synced, Base):
    __tablename__ = "sponsorships"
    __sync__ = SPONSORSHIP

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    household_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    sponsor_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    project: Mapped[str] = mapped_column(String(16), default="poor_women")
    pledge_kind: Mapped[str] = mapped_column(String(16), default="money")
    amount: Mapped[float] = mapped_column(Float, default=0.0)
    pledge: Mapped[str] = mapped_column(Text, default="")
    start_on: Mapped[str] = mapped_column(String(10), default="")
    end_on: Mapped[str] = mapped_column(String(10), default="")
    instalments: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="active")
    status_on: Mapped[str] = mapped_column(String(10), default="")
    end_reason: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class SponsorshipEvent(Synced, Base):
    __tablename__ = "sponsorship_events"
    __sync__ = SPONSORSHIP_EVENT

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    sponsorship_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    kind: Mapped[str] = mapped_column(String(16), default="visit")
    happened_on: Mapped[str] = mapped_column(String(10), default="")
    what: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[float] = mapped_column(Float, default=0.0)
    recorded_by_name: Mapped[str] = mapped_column(String(64), default="")
    # a note: the entry of the log it answers (a wrong entry stays as it was, answered), or "" for a note of its own
    answers_id: Mapped[str] = mapped_column(String(36), default="")


# -- the love hut (desktop/domain/hut.py) ----------------------------------------------------------------------

class Hut(Synced, Base):
    """A village's love hut: every station knows every hut (a transfer is addressed to one)."""

    __tablename__ = "huts"
    __sync__ = HUT

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the village code
    village_code: Mapped[str] = mapped_column(String(12), default="")
    name: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    opened_on: Mapped[str] = mapped_column(String(10), default="")
    active: Mapped[bool] = mapped_column(default=True)


class ItemCategory(Synced, Base):
    """An item category the station admin added beside the built-in ones."""

    __tablename__ = "item_categories"
    __sync__ = ITEM_CATEGORY

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    code: Mapped[str] = mapped_column(String(32))  # always given: it names the row
    name: Mapped[str] = mapped_column(String(64), default="")
    active: Mapped[bool] = mapped_column(default=True)


class CityItem(Base):
    """The city's catalogue of goods: reference data from the city server, never written here."""

    __tablename__ = "city_items"
    __sync__ = CITY_ITEM

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    category: Mapped[str] = mapped_column(String(32), default="other")
    unit: Mapped[str] = mapped_column(String(8), default="")
    tracks_expiry: Mapped[bool] = mapped_column(default=False)
    barcode: Mapped[str] = mapped_column(String(32), default="", index=True)
    active: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[datetime | None] = mapped_column(nullable=True)


def _name_search(values: dict[str, Any]) -> dict[str, Any]:
    name = values.get("name") or ""
    return {"search_text": name_search_text(name), "sort_key": sort_key(name)[:200]}


class Item(Synced, Base):
    """An item of the village's catalogue: one of the city's (``city_item_id``) or the village's own."""

    __tablename__ = "items"
    __sync__ = ITEM
    __derived__ = (("name",), _name_search)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    name: Mapped[str] = mapped_column(String(100), default="")
    category: Mapped[str] = mapped_column(String(32), default="other")
    unit: Mapped[str] = mapped_column(String(8), default="")
    tracks_expiry: Mapped[bool] = mapped_column(default=False)
    barcode: Mapped[str] = mapped_column(String(32), default="", index=True)
    city_item_id: Mapped[str] = mapped_column(String(36), default="")
    shelf: Mapped[str] = mapped_column(String(32), default="")
    points_price: Mapped[int] = mapped_column(Integer, default=0)  # 0: not in the points price list
    low_stock: Mapped[float] = mapped_column(Float, default=0.0)   # listed as low at or below this (0: never)
    active: Mapped[bool] = mapped_column(default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Local, derived from the name by this station; never synced.
    search_text: Mapped[str] = mapped_column(Text, default="")
    sort_key: Mapped[str] = mapped_column(String(200), default="")


class Donor(Synced, Base):
    __tablename__ = "donors"
    __sync__ = DONOR
    __derived__ = (("name",), _name_search)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    kind: Mapped[str] = mapped_column(String(16), default="person")
    name: Mapped[str] = mapped_column(String(100), default="")
    contact: Mapped[str] = mapped_column(String(64), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    named_in_notice: Mapped[bool] = mapped_column(default=True)  # the notice names them, or says 爱心人士
    sponsor_id: Mapped[str] = mapped_column(String(36), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    sort_key: Mapped[str] = mapped_column(String(200), default="")


class HutDocument(Synced, Base):
    """A posted document of the hut: never edited (a reversal undoes it)."""

    __tablename__ = "hut_documents"
    __sync__ = HUT_DOCUMENT
    __table_args__ = (Index("ix_hut_documents_list", "kind", "happened_on", "id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    kind: Mapped[str] = mapped_column(String(16), default="intake")
    number: Mapped[str] = mapped_column(String(32), default="", index=True)
    happened_on: Mapped[str] = mapped_column(String(10), default="")
    posted_on: Mapped[str] = mapped_column(String(10), default="")
    month: Mapped[str] = mapped_column(String(7), default="", index=True)
    donor_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    recipient_kind: Mapped[str] = mapped_column(String(16), default="")
    household_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    activity_id: Mapped[str] = mapped_column(String(36), default="")
    to_village_code: Mapped[str] = mapped_column(String(12), default="")
    transfer_id: Mapped[str] = mapped_column(String(36), default="")
    corrects_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    cash_amount: Mapped[float] = mapped_column(Float, default=0.0)  # a cash gift, passed on (never kept)
    cash_charity: Mapped[str] = mapped_column(String(200), default="")
    cash_receipt: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_by_name: Mapped[str] = mapped_column(String(64), default="")


class StockMovement(Synced, Base):
    """One line of a posted document on the ledger: stock on hand is the sum of their quantities."""

    __tablename__ = "stock_movements"
    __sync__ = STOCK_MOVEMENT
    # Sums by item (and up to a day) read this index alone, never the rows.
    __table_args__ = (Index("ix_stock_movements_ledger", "item_id", "happened_on", "quantity", "deleted"),
                      # the earliest expiry on the shelf (desktop/services/hut_stock.py) reads this index alone
                      Index("ix_stock_movements_expiry", "item_id", "expires_on", "quantity", "deleted"))

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    document_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    item_id: Mapped[str] = mapped_column(String(36), default="")
    kind: Mapped[str] = mapped_column(String(16), default="intake")
    happened_on: Mapped[str] = mapped_column(String(10), default="")
    quantity: Mapped[float] = mapped_column(Float, default=0.0)
    unit_value: Mapped[float] = mapped_column(Float, default=0.0)
    condition: Mapped[str] = mapped_column(String(8), default="")
    expires_on: Mapped[str] = mapped_column(String(10), default="")
    reason: Mapped[str] = mapped_column(String(16), default="")
    transfer_line_id: Mapped[str] = mapped_column(String(36), default="")
    reverses_id: Mapped[str] = mapped_column(String(36), default="")


class Transfer(Synced, Base):
    """A transfer as the receiving hut sees it (and the sending hut, which wrote it)."""

    __tablename__ = "transfers"
    __sync__ = TRANSFER

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    to_village_code: Mapped[str] = mapped_column(String(12), default="", index=True)
    number: Mapped[str] = mapped_column(String(32), default="")
    sent_on: Mapped[str] = mapped_column(String(10), default="")
    document_id: Mapped[str] = mapped_column(String(36), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    sent_by_name: Mapped[str] = mapped_column(String(64), default="")


class TransferLine(Synced, Base):
    __tablename__ = "transfer_lines"
    __sync__ = TRANSFER_LINE

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    to_village_code: Mapped[str] = mapped_column(String(12), default="")
    transfer_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    item_name: Mapped[str] = mapped_column(String(100), default="")
    category: Mapped[str] = mapped_column(String(32), default="other")
    unit: Mapped[str] = mapped_column(String(8), default="")
    city_item_id: Mapped[str] = mapped_column(String(36), default="")
    barcode: Mapped[str] = mapped_column(String(32), default="")
    quantity: Mapped[float] = mapped_column(Float, default=0.0)
    unit_value: Mapped[float] = mapped_column(Float, default=0.0)
    condition: Mapped[str] = mapped_column(String(8), default="")
    expires_on: Mapped[str] = mapped_column(String(10), default="")


class TransferReceipt(Synced, Base):
    """What arrived of one line of a transfer, written by the receiving village."""

    __tablename__ = "transfer_receipts"
    __sync__ = TRANSFER_RECEIPT

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    to_village_code: Mapped[str] = mapped_column(String(12), default="")
    transfer_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    transfer_line_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    received: Mapped[float] = mapped_column(Float, default=0.0)
    reason: Mapped[str] = mapped_column(Text, default="")
    received_on: Mapped[str] = mapped_column(String(10), default="")
    document_id: Mapped[str] = mapped_column(String(36), default="")
    item_id: Mapped[str] = mapped_column(String(36), default="")
    received_by_name: Mapped[str] = mapped_column(String(64), default="")


class PointsRule(Synced, Base):
    __tablename__ = "points_rules"
    __sync__ = POINTS_RULE

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(64), default="")
    points: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(default=True)


class PointsEntry(Synced, Base):
    """A household's points ledger: its balance is the sum of its entries."""

    __tablename__ = "points_entries"
    __sync__ = POINTS_ENTRY
    __table_args__ = (Index("ix_points_entries_ledger", "household_id", "happened_on", "points", "deleted"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    household_id: Mapped[str] = mapped_column(String(36), default="")
    kind: Mapped[str] = mapped_column(String(8), default="earn")
    points: Mapped[int] = mapped_column(Integer, default=0)
    happened_on: Mapped[str] = mapped_column(String(10), default="")
    rule_code: Mapped[str] = mapped_column(String(32), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    approved_by: Mapped[str] = mapped_column(String(64), default="")
    document_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    service_hours_id: Mapped[str] = mapped_column(String(36), default="")
    reverses_id: Mapped[str] = mapped_column(String(36), default="")
    recorded_by_name: Mapped[str] = mapped_column(String(64), default="")


class HutMonth(Synced, Base):
    """A month of the hut published on the public notice, and so closed."""

    __tablename__ = "hut_months"
    __sync__ = HUT_MONTH

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    month: Mapped[str] = mapped_column(String(7), default="")
    published_on: Mapped[str] = mapped_column(String(10), default="")
    published_by_name: Mapped[str] = mapped_column(String(64), default="")


class HutDraft(Recorded, Base):
    """A document being written: kept on this PC only until it is posted (then it is a ``HutDocument``)."""

    __tablename__ = "hut_drafts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(16), default="intake")
    happened_on: Mapped[str] = mapped_column(String(10), default="")
    donor_id: Mapped[str] = mapped_column(String(36), default="")
    recipient_kind: Mapped[str] = mapped_column(String(16), default="")
    household_id: Mapped[str] = mapped_column(String(36), default="")
    activity_id: Mapped[str] = mapped_column(String(36), default="")
    to_village_code: Mapped[str] = mapped_column(String(12), default="")
    cash_amount: Mapped[float] = mapped_column(Float, default=0.0)
    cash_charity: Mapped[str] = mapped_column(String(200), default="")
    cash_receipt: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class HutDraftLine(Base):
    __tablename__ = "hut_draft_lines"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    draft_id: Mapped[str] = mapped_column(ForeignKey("hut_drafts.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    item_id: Mapped[str] = mapped_column(String(36), default="")
    quantity: Mapped[float] = mapped_column(Float, default=0.0)
    unit_value: Mapped[float] = mapped_column(Float, default=0.0)
    condition: Mapped[str] = mapped_column(String(8), default="")
    expires_on: Mapped[str] = mapped_column(String(10), default="")


class Stocktake(Recorded, Base):
    """A count in progress on this PC: the expected quantities frozen when it began; posted as a document."""

    __tablename__ = "stocktakes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    # the day the count began; what moved during it is every movement that reached this PC after ``created_at``
    started_on: Mapped[str] = mapped_column(String(10), default="")
    category: Mapped[str] = mapped_column(String(32), default="")  # "" with shelf "": every item
    shelf: Mapped[str] = mapped_column(String(32), default="")
    blind: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(16), default="counting")  # counting, posted, abandoned
    document_id: Mapped[str] = mapped_column(String(36), default="")


class StocktakeLine(Base):
    __tablename__ = "stocktake_lines"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    stocktake_id: Mapped[str] = mapped_column(ForeignKey("stocktakes.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str] = mapped_column(String(36), default="")
    expected: Mapped[float] = mapped_column(Float, default=0.0)
    counted: Mapped[float | None] = mapped_column(Float, nullable=True)  # None: not counted (never taken as 0)
    reason: Mapped[str] = mapped_column(String(16), default="")


def synced_models() -> dict[str, tuple[type, dict[str, str]]]:
    """Every model that declares ``__sync__``, by its record kind's entity, with the parents its storage
    needs: the station's one table of what it syncs (desktop/storage/sync_store.py)."""
    found: dict[str, tuple[type, dict[str, str]]] = {}
    for mapper in Base.registry.mappers:
        model = mapper.class_
        kind = model.__dict__.get("__sync__")
        if kind is not None:
            found[kind.entity] = (model, dict(model.__dict__.get("__sync_parents__", {})))
    return dict(sorted(found.items()))
