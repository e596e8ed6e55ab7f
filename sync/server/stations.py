"""Stations and their credentials: one-time enrollment codes, tokens (kept hashed), revocation, generations."""

from __future__ import annotations

import hashlib
import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, insert, select, update

from desktop.domain.regions import Level
from sync.server.database import utcnow, writing
from sync.server.models import EnrollAttempt, EnrollCode, Region, Station

ENROLL_CODE_DAYS = 7
# A station whose enrollment answer was lost may use its code again within this time.
ENROLL_RESEND_WINDOW = timedelta(minutes=15)
# No I, L or O: a code is read aloud over the phone and typed from a note.
CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_GROUPS, CODE_GROUP_LENGTH = 3, 4
# Enrollment attempts per client address: at most this many a minute; after three wrong codes each try
# waits longer (5 s, doubling, at most 5 min), as the station's own sign-in does.
ENROLL_WINDOW = timedelta(minutes=1)
ENROLL_PER_WINDOW = 30
ENROLL_FREE_FAILURES = 3
ENROLL_FAILURE_WAIT_S = 5
ENROLL_FAILURE_CAP_S = 300
# A station's last_seen_at is written at most this often, so reads stay reads.
LAST_SEEN_EVERY = timedelta(seconds=60)

regions_t = Region.__table__
stations_t = Station.__table__
codes_t = EnrollCode.__table__
attempts_t = EnrollAttempt.__table__


class AdminError(Exception):
    """A city-office command cannot be done as asked; the message says why in plain words."""


class EnrollRefused(Exception):
    """The enrollment code is unknown, used or expired."""


class StationEnrolled(Exception):
    """The station id is enrolled already (or for another village): a code does not enroll it again."""


class EnrollForOtherVillage(Exception):
    """The code is for another village than the one the station is set up for; the code stays unused."""

    def __init__(self, village: RegionInfo) -> None:
        super().__init__(village.code)
        self.village = village


class EnrollThrottled(Exception):
    """Too many enrollment attempts from one address, or wrong codes just before: try in ``retry_after_s``."""

    def __init__(self, retry_after_s: int) -> None:
        super().__init__(retry_after_s)
        self.retry_after_s = retry_after_s


@dataclass(frozen=True)
class RegionInfo:
    code: str
    name: str
    level: str
    parent_code: str | None

    def as_wire(self) -> dict[str, str | None]:
        return {"code": self.code, "name": self.name, "level": self.level, "parent_code": self.parent_code}


@dataclass(frozen=True)
class Enrollment:
    station_id: str
    token: str
    village: RegionInfo
    regions: list[RegionInfo]


@dataclass(frozen=True)
class StationInfo:
    station_id: str
    village_code: str
    village_name: str | None
    enrolled_at: datetime
    revoked_at: datetime | None
    last_seen_at: datetime | None
    app_version: str | None
    protocol_version: int | None
    schema_version: str | None
    generation: int
    # pulled records the station reported it could not apply (sync_problem records)
    problems: int = 0


@dataclass(frozen=True)
class Caller:
    """The authenticated station a request comes from."""

    station_id: str
    village_code: str
    # As stored before this request:
    generation: int
    last_seen_at: datetime | None = None
    protocol_version: int | None = None
    schema_version: str | None = None


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def normalise_code(code: str) -> str:
    """What people type: any case, with or without dashes and spaces."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def new_enroll_code() -> str:
    letters = "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_GROUPS * CODE_GROUP_LENGTH))
    return "-".join(letters[i:i + CODE_GROUP_LENGTH] for i in range(0, len(letters), CODE_GROUP_LENGTH))


def _region(row) -> RegionInfo:
    return RegionInfo(row.code, row.name, row.level, row.parent_code)


def all_regions(connection: Connection) -> list[RegionInfo]:
    """Every region, parents before children (a station inserts them in this order)."""
    depth = {Level.CITY: 0, Level.COUNTY: 1, Level.TOWNSHIP: 2, Level.VILLAGE: 3, Level.COMMUNITY: 3}
    rows = [_region(row) for row in connection.execute(select(regions_t))]
    return sorted(rows, key=lambda region: (depth.get(region.level, 9), region.code))


def issue_enroll_code(engine: Engine, village_code: str, *, days: float = ENROLL_CODE_DAYS,
                      now: datetime | None = None) -> str:
    """A new one-time code for a station of ``village_code``, valid for ``days``; only its hash is stored."""
    now = now or utcnow()
    with writing(engine) as connection:
        village = connection.execute(select(regions_t).where(regions_t.c.code == village_code)).first()
        if village is None:
            raise AdminError(f"{village_code} is not in the region list. Import the region file first "
                             "(city-server regions import FILE.csv).")
        if not Level(village.level).is_station:
            raise AdminError(f"{village_code} ({village.name}) is a {village.level}; "
                             "only villages and communities have stations.")
        code = new_enroll_code()
        connection.execute(insert(codes_t).values(code_hash=hash_secret(normalise_code(code)),
                                                  village_code=village_code, created_at=now,
                                                  expires_at=now + timedelta(days=days)))
    return code


def enroll(engine: Engine, *, code: str, station_id: str, app_version: str | None, protocol_version: int,
           schema_version: str | None, address: str | None = None, village_code: str | None = None,
           now: datetime | None = None) -> Enrollment:
    """Use up ``code`` for a new station ``station_id``, or answer again the station that used it.

    A code enrolls a station id the server has not seen, for the code's village.  The station that used
    a code may use it again for a short while (its answer may have been lost on the way), unless it has
    been revoked since.  An enrolled station id is never moved to another village, and is enrolled again
    only after the city office allowed it (``allow_reenroll``).  From one client ``address``, attempts
    are limited per minute and wrong codes slow the next try (``EnrollThrottled``).  A station set up for
    ``village_code`` is refused a code for another village (``EnrollForOtherVillage``), which stays unused.
    """
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    with writing(engine) as connection:
        if address is not None:
            _admit_attempt(connection, address, now)
        outcome = _enroll(connection, code_hash=hash_secret(normalise_code(code)), station_id=station_id, now=now,
                          village_code=village_code,
                          values={"token_hash": hash_secret(token), "enrolled_at": now, "revoked_at": None,
                                  "reenroll_allowed": False, "last_seen_at": now, "app_version": app_version,
                                  "protocol_version": protocol_version, "schema_version": schema_version})
        if address is not None:
            _note_attempt(connection, address, failed=isinstance(outcome, EnrollRefused), now=now)
        if isinstance(outcome, str):
            regions = all_regions(connection)
    if not isinstance(outcome, str):
        raise outcome
    village = next(region for region in regions if region.code == outcome)
    return Enrollment(station_id, token, village, regions)


def _enroll(connection: Connection, *, code_hash: str, station_id: str, now: datetime, village_code: str | None,
            values: dict[str, object]) -> str | Exception:
    """Enroll or answer again in ``connection``; returns the village code, or the refusal to raise."""
    found = connection.execute(select(codes_t).where(codes_t.c.code_hash == code_hash)).first()
    if found is None or found.expires_at <= now:
        return EnrollRefused()
    if village_code is not None and village_code != found.village_code:
        region = connection.execute(select(regions_t).where(regions_t.c.code == found.village_code)).first()
        return EnrollForOtherVillage(_region(region))
    existing = connection.execute(select(stations_t.c.village_code, stations_t.c.revoked_at,
                                         stations_t.c.reenroll_allowed)
                                  .where(stations_t.c.station_id == station_id)).first()
    if found.used_at is not None:
        resend = (found.used_by == station_id and found.used_at > now - ENROLL_RESEND_WINDOW
                  and existing is not None and existing.revoked_at is None
                  and existing.village_code == found.village_code)
        if not resend:
            return EnrollRefused()
    elif existing is not None and (existing.village_code != found.village_code or not existing.reenroll_allowed):
        return StationEnrolled()
    # Marking the code used only if it still is as read makes two simultaneous uses yield one winner.
    used = connection.execute(update(codes_t).where(
        codes_t.c.code_hash == code_hash,
        codes_t.c.used_at.is_(None) if found.used_at is None else codes_t.c.used_at == found.used_at)
        .values(used_at=now, used_by=station_id))
    if used.rowcount != 1:
        return EnrollRefused()
    if existing is None:
        connection.execute(insert(stations_t).values(station_id=station_id, village_code=found.village_code,
                                                     generation=0, **values))
    else:
        # The generation is kept: a reinstalled station (generation 0) is told to fetch everything again.
        connection.execute(update(stations_t).where(stations_t.c.station_id == station_id).values(**values))
    return found.village_code


def _admit_attempt(connection: Connection, address: str, now: datetime) -> None:
    """Refuse (``EnrollThrottled``) a try from ``address`` over the minute's limit or too soon after wrong codes."""
    row = connection.execute(select(attempts_t).where(attempts_t.c.address == address)).first()
    if row is None:
        return
    if row.failures >= ENROLL_FREE_FAILURES and row.last_failed_at is not None:
        wait = min(ENROLL_FAILURE_CAP_S, ENROLL_FAILURE_WAIT_S * 2 ** (row.failures - ENROLL_FREE_FAILURES))
        ready = row.last_failed_at + timedelta(seconds=wait)
        if now < ready:
            raise EnrollThrottled(max(1, math.ceil((ready - now).total_seconds())))
    if now - row.window_start < ENROLL_WINDOW and row.attempts >= ENROLL_PER_WINDOW:
        raise EnrollThrottled(max(1, math.ceil((row.window_start + ENROLL_WINDOW - now).total_seconds())))


def _note_attempt(connection: Connection, address: str, *, failed: bool, now: datetime) -> None:
    row = connection.execute(select(attempts_t).where(attempts_t.c.address == address)).first()
    if row is None:
        connection.execute(insert(attempts_t).values(address=address, window_start=now, attempts=1,
                                                     failures=int(failed), last_failed_at=now if failed else None))
        return
    fresh_window = now - row.window_start >= ENROLL_WINDOW
    connection.execute(update(attempts_t).where(attempts_t.c.address == address).values(
        window_start=now if fresh_window else row.window_start,
        attempts=1 if fresh_window else row.attempts + 1,
        failures=row.failures + 1 if failed else 0,
        last_failed_at=now if failed else row.last_failed_at))


def allow_reenroll(engine: Engine, station_id: str) -> None:
    """The city office lets a station enroll again (revoked, or its token lost) with a new code for its village."""
    with writing(engine) as connection:
        changed = connection.execute(update(stations_t).where(stations_t.c.station_id == station_id)
                                     .values(reenroll_allowed=True))
        if changed.rowcount != 1:
            raise AdminError(f"No station {station_id} is enrolled. See city-server stations list.")


def authenticate(engine: Engine, token: str) -> Caller | None:
    """The active station holding ``token``, or None (unknown or revoked)."""
    with engine.connect() as connection:
        row = connection.execute(select(stations_t.c.station_id, stations_t.c.village_code,
                                        stations_t.c.generation, stations_t.c.revoked_at, stations_t.c.last_seen_at,
                                        stations_t.c.protocol_version, stations_t.c.schema_version)
                                 .where(stations_t.c.token_hash == hash_secret(token))).first()
    if row is None or row.revoked_at is not None:
        return None
    return Caller(row.station_id, row.village_code, row.generation, row.last_seen_at, row.protocol_version,
                  row.schema_version)


@dataclass(frozen=True)
class GenerationAnswer:
    """What a push or pull answers about the station's sync generation (docs/sync-protocol.md §5).

    The server keeps the highest generation a station has sent and answers the next one
    (``stored + 1``), which the station takes after a completed sync.  So every completed sync raises
    the generation, and a copy or a restored backup, still on an older one, is told to fetch everything.
    """

    generation: int
    refetch: bool


def note_visit(connection: Connection, caller: Caller, *, generation: int | None, protocol_version: int,
               schema_version: str | None, now: datetime) -> GenerationAnswer:
    """Record, in a writing transaction, that the station called: last seen, versions, highest generation."""
    stored = connection.execute(select(stations_t.c.generation)
                                .where(stations_t.c.station_id == caller.station_id)).scalar_one()
    highest = max(stored, generation) if generation is not None else stored
    connection.execute(update(stations_t).where(stations_t.c.station_id == caller.station_id)
                       .values(last_seen_at=now, generation=highest, protocol_version=protocol_version,
                               schema_version=schema_version))
    return GenerationAnswer(highest + 1, generation is not None and generation < stored)


def note_read(engine: Engine, caller: Caller, *, generation: int | None, protocol_version: int,
              schema_version: str | None, now: datetime) -> GenerationAnswer:
    """``note_visit`` for reads: writes only when something changed or a minute has passed, so pulls stay
    reads (on SQLite a write would queue behind every push)."""
    stored = caller.generation
    if (generation is not None and generation > stored) or caller.protocol_version != protocol_version \
            or caller.schema_version != schema_version or caller.last_seen_at is None \
            or now - caller.last_seen_at >= LAST_SEEN_EVERY:
        with writing(engine) as connection:
            return note_visit(connection, caller, generation=generation, protocol_version=protocol_version,
                              schema_version=schema_version, now=now)
    return GenerationAnswer(stored + 1, generation is not None and generation < stored)


def list_stations(engine: Engine) -> list[StationInfo]:
    from sync.server.models import Record

    records_t = Record.__table__
    with engine.connect() as connection:
        # Each sync_problem record names the station that could not apply a pulled record.
        problems: dict[str, int] = {}
        for fields in connection.scalars(select(records_t.c.fields).where(records_t.c.entity == "sync_problem")):
            station = str(fields.get("station_id", ""))
            problems[station] = problems.get(station, 0) + 1
        rows = connection.execute(
            select(stations_t, regions_t.c.name.label("village_name"))
            .join(regions_t, regions_t.c.code == stations_t.c.village_code, isouter=True)
            .order_by(stations_t.c.village_code, stations_t.c.enrolled_at))
        return [StationInfo(row.station_id, row.village_code, row.village_name, row.enrolled_at, row.revoked_at,
                            row.last_seen_at, row.app_version, row.protocol_version, row.schema_version,
                            row.generation, problems.get(row.station_id, 0)) for row in rows]


def revoke_station(engine: Engine, station_id: str, *, now: datetime | None = None) -> bool:
    """Revoke the station's token; returns False if it was already revoked.  Raises AdminError if unknown."""
    with writing(engine) as connection:
        row = connection.execute(select(stations_t.c.revoked_at)
                                 .where(stations_t.c.station_id == station_id)).first()
        if row is None:
            raise AdminError(f"No station {station_id} is enrolled. See city-server stations list.")
        if row.revoked_at is not None:
            return False
        connection.execute(update(stations_t).where(stations_t.c.station_id == station_id)
                           .values(revoked_at=now or utcnow(), reenroll_allowed=False))
    return True
