"""Taking in a push: one batch, one transaction; each change checked, merged by its kind's rule, logged.

docs/sync-protocol.md §3 (push) and §4 (conflicts).  Every field of every change is checked against its
kind's declared type before anything is stored; a row belongs to its village by what it is (an id
named by a fact must be the one the pushing village's facts name); a change already seen from this
station (by its change id) gets its first outcome again; a refused change is recorded with its reason
and never stops the rest of the batch.  Sensitive fields are stored sealed (sync/server/vault.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, String, any_, bindparam, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from desktop.domain.hlc import MAX_AHEAD_MS, HybridClock, Stamp, is_stamp, stamp_wall_ms
from desktop.domain.regions import Level
from desktop.domain.settings import DEFAULT_HOLD_DAYS
from desktop.domain.sync_kinds import (
    CONFLICT,
    WISH_BOARD,
    WISH_CLAIM,
    FieldProblem,
    Merge,
    RecordKind,
    Scope,
    check_fields,
    conflict_id,
    is_id,
    receipt_partner,
)
from desktop.domain.wishes import BoardState, claim_holds
from sync.protocol import (
    BAD_REQUEST,
    BAD_VALUE,
    CLAIMED,
    CLOCK_AHEAD,
    MAX_PUSH_CHANGES,
    OUT_OF_SCOPE,
    UNKNOWN_FIELD,
    UNKNOWN_KIND,
    UNKNOWN_VILLAGE,
    kind_of,
)
from sync.server.database import is_postgresql, json_text, lock_changelog, lock_records, utcnow, writing
from sync.server.ledgers import write_ledgers
from sync.server.models import AppliedChange, ChangelogEntry, Claim, Lookup, Record, Region
from sync.server.stations import Caller, GenerationAnswer, note_visit
from sync.server.vault import Vault

ACCEPTED, REJECTED = "accepted", "rejected"

# The node of stamps the city server makes itself (region records, a claim's ruling).
CITY_NODE = "city"
# Baicheng keeps China Standard Time all year: the server's date, by which a claim's hold is counted, is the
# date on the villages' calendars, whatever zone the server's machine is set to.
CITY_UTC_OFFSET = timedelta(hours=8)

# Claim kinds whose win is a hold with a deadline (docs/sync-protocol.md §8), with the kind of their target:
# the record that says how long a hold lasts (``hold_days``) and whether it still holds (``state``,
# ``released_claim``).  Other claim kinds are won once and for ever.
HELD_CLAIMS = {WISH_CLAIM.entity: WISH_BOARD.entity}

MAX_CHANGE_ID = 36   # change_id, batch_id
# The levels of the region list a record may be addressed to.
VILLAGE_LEVELS = (Level.VILLAGE.value, Level.COMMUNITY.value)

records_t = Record.__table__
changelog_t = ChangelogEntry.__table__
applied_t = AppliedChange.__table__
claims_t = Claim.__table__
regions_t = Region.__table__
lookups_t = Lookup.__table__


class MalformedBatch(Exception):
    """The request as a whole is not a push batch (400)."""


class BatchTooLarge(Exception):
    """More changes than one batch may carry (413)."""


@dataclass(frozen=True)
class Rejection:
    change_id: str
    code: str
    reason: str

    def as_wire(self) -> dict[str, str]:
        return {"change_id": self.change_id, "code": self.code, "reason": self.reason}


@dataclass
class PushResult:
    accepted: list[str]
    rejected: list[Rejection]
    generation: GenerationAnswer


@dataclass
class RecordState:
    """A record as the batch sees it: loaded or new, changed or not."""

    entity: str
    row_id: str
    village_code: str | None
    to_village_code: str | None
    fields: dict[str, Any]
    stamps: dict[str, str]
    updated_seq: int = 0
    is_new: bool = False
    dirty: bool = False
    # Sensitive fields still as stored (sealed): opened only when a change needs their value, and written
    # back as they were when nothing changed them.
    sealed: set[str] = field(default_factory=set)


@dataclass
class Change:
    change_id: str
    entity: str
    kind: RecordKind
    row_id: str
    fields: dict[str, Any]
    stamps: dict[str, str]
    base: dict[str, str | None]

    @property
    def key(self) -> tuple[str, str]:
        return self.entity, self.row_id


@dataclass(frozen=True)
class ClaimWinner:
    """The claim row that holds a target, and its village."""

    row_id: str
    village_code: str


def city_today(now: datetime) -> date:
    """The date in Baicheng at ``now`` (naive UTC)."""
    return (now + CITY_UTC_OFFSET).date()


class Refused(Exception):
    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def parse_batch(payload: object) -> tuple[str | None, list[dict[str, Any]]]:
    """The envelope: ``{"batch_id", "changes": [...]}`` with a change id on every change."""
    if not isinstance(payload, dict) or not isinstance(payload.get("changes"), list):
        raise MalformedBatch('A push is {"batch_id": ..., "changes": [...]}.')
    batch_id = payload.get("batch_id")
    if batch_id is not None and not is_id(batch_id, length=MAX_CHANGE_ID):
        raise MalformedBatch("batch_id must be an id of at most 36 letters, digits and dashes.")
    changes = payload["changes"]
    if len(changes) > MAX_PUSH_CHANGES:
        raise BatchTooLarge(f"A push carries at most {MAX_PUSH_CHANGES} changes; this one has {len(changes)}.")
    for index, change in enumerate(changes):
        change_id = change.get("change_id") if isinstance(change, dict) else None
        if not is_id(change_id, length=MAX_CHANGE_ID):
            raise MalformedBatch(f"Change {index} has no change_id (an id of at most 36 letters, digits and dashes).")
    return batch_id, changes


def check_change(raw: dict[str, Any], *, now_ms: int) -> Change:
    """The shape of one change, each field against its declared type, and what its kind lets a station
    write; scope needs the stored record and comes later.  No value is ever quoted in a reason."""
    change_id = raw["change_id"]
    entity = raw.get("entity")
    if not isinstance(entity, str) or len(entity) > 32:
        raise Refused(BAD_REQUEST, "The change names no entity.")
    kind = kind_of(entity)
    if kind is None:
        raise Refused(UNKNOWN_KIND, "The city server has no such record kind.")
    if kind.scope == Scope.CITY:
        raise Refused(OUT_OF_SCOPE, f"{entity} is city reference data; only the city office changes it.")
    row_id = raw.get("row_id")
    if not is_id(row_id):
        raise Refused(BAD_REQUEST, "row_id must be an id of 1 to 64 letters, digits, dots, colons and dashes.")
    fields, stamps, base = raw.get("fields"), raw.get("stamps"), raw.get("base") or {}
    if not isinstance(fields, dict) or not fields:
        raise Refused(BAD_REQUEST, "The change sets no fields.")
    if not isinstance(stamps, dict) or stamps.keys() != fields.keys():
        raise Refused(BAD_REQUEST, "Every field of the change needs its stamp, and only those.")
    if not isinstance(base, dict) or not base.keys() <= fields.keys():
        raise Refused(BAD_REQUEST, "base must map the change's fields to the stamps the edit was made on.")
    unknown = sorted(name for name in fields if kind.field_type(name) is None)
    if unknown:
        raise Refused(UNKNOWN_FIELD, f"{entity} has no field {', '.join(unknown)[:200]}.")
    ruled = sorted(set(kind.server_fields).intersection(fields))
    if ruled:
        raise Refused(OUT_OF_SCOPE, f"{', '.join(ruled)} of {entity} records are the city server's ruling; a "
                                    "station never sends them.")
    if kind.made_by_server and not fields.keys() <= set(kind.station_fields):
        raise Refused(OUT_OF_SCOPE, f"{entity} records are made by the city server; a station changes only "
                                    f"{', '.join(kind.station_fields)}.")
    try:
        check_fields(kind, fields)
    except FieldProblem as problem:
        raise Refused(BAD_VALUE, f"{problem.reason}.") from None
    horizon = now_ms + MAX_AHEAD_MS
    for name, stamp in stamps.items():
        if not is_stamp(stamp):
            raise Refused(BAD_REQUEST, f"The stamp of {name} is not a clock stamp.")
        if stamp_wall_ms(stamp) > horizon:
            days = (stamp_wall_ms(stamp) - now_ms) / 86_400_000
            raise Refused(CLOCK_AHEAD, f"The change is stamped {days:.1f} days ahead of the city server's clock "
                                       "(more than one day). Check the date and time of this PC; the station "
                                       "stamps the change again and sends it.")
    for name, stamp in base.items():
        if stamp is not None and not is_stamp(stamp):
            raise Refused(BAD_REQUEST, f"The base stamp of {name} is not a clock stamp.")
    return Change(change_id, entity, kind, row_id, fields, stamps, base)


@dataclass
class Batch:
    """What one push does, gathered in memory and written at the end with a few bulk statements."""

    connection: Connection
    caller: Caller
    batch_id: str | None
    now: datetime
    vault: Vault
    today: date  # the server's date (Baicheng's), by which holds are counted
    # The records this push's transaction holds (PostgreSQL: lock_records); None where nothing needs holding.
    locked: set[tuple[str, str]] | None = None
    records: dict[tuple[str, str], RecordState] = field(default_factory=dict)
    claims: dict[tuple[str, str], ClaimWinner] = field(default_factory=dict)
    # The claims table's row of each target this batch decided: (entity, target) -> the row's values; and
    # the targets that had a row before (updated to the new winner rather than inserted).
    claim_rows: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    claims_stored: set[tuple[str, str]] = field(default_factory=set)
    known_regions: set[str] = field(default_factory=set)
    entries: list[dict[str, Any]] = field(default_factory=list)

    # -- loading ---------------------------------------------------------------------------------------

    def load(self, changes: list[Change]) -> None:
        by_entity: dict[str, set[str]] = {}
        for change in changes:
            by_entity.setdefault(change.entity, set()).add(change.row_id)
        for key in _partners(changes):
            by_entity.setdefault(key[0], set()).add(key[1])
        for entity, row_ids in by_entity.items():
            rows = self.connection.execute(select(records_t).where(
                records_t.c.entity == entity, one_of(self.connection, records_t.c.row_id, row_ids)))
            for row in rows:
                self.records[(row.entity, row.row_id)] = self._state(row)
        targets: dict[str, set[str]] = {}
        addressed: set[str] = set()
        for change in changes:
            if change.kind.merge == Merge.CLAIM:
                target = change.fields.get(change.kind.claim_target or "")
                if isinstance(target, str):
                    targets.setdefault(change.entity, set()).add(target)
            to_code = change.fields.get("to_village_code")
            if change.kind.scope == Scope.ADDRESSED and isinstance(to_code, str):
                addressed.add(to_code)
        for entity, values in targets.items():
            for row in self.connection.execute(select(claims_t).where(
                    claims_t.c.entity == entity, one_of(self.connection, claims_t.c.target, values))):
                self.claims[(row.entity, row.target)] = ClaimWinner(row.row_id, row.village_code)
                self.claims_stored.add((row.entity, row.target))
        # A held claim is ruled by its target (the board record) and the claim that holds it now.
        ruling: dict[str, set[str]] = {}
        for entity, values in targets.items():
            if entity in HELD_CLAIMS:
                ruling.setdefault(HELD_CLAIMS[entity], set()).update(values)
        for (entity, _target), winner in self.claims.items():
            if entity in HELD_CLAIMS:
                ruling.setdefault(entity, set()).add(winner.row_id)
        for entity, row_ids in ruling.items():
            self._load_records(entity, {row_id for row_id in row_ids if (entity, row_id) not in self.records})
        if addressed:
            # A record is addressed to a village (a hut, a wish's household), never to a township or a county.
            self.known_regions = set(self.connection.scalars(select(regions_t.c.code).where(
                regions_t.c.code.in_(sorted(addressed)), regions_t.c.level.in_(VILLAGE_LEVELS))))

    def _load_records(self, entity: str, row_ids: set[str]) -> None:
        if not row_ids:
            return
        rows = self.connection.execute(select(records_t).where(
            records_t.c.entity == entity, one_of(self.connection, records_t.c.row_id, row_ids)))
        for row in rows:
            self.records[(row.entity, row.row_id)] = self._state(row)

    def record(self, entity: str, row_id: str) -> RecordState | None:
        key = (entity, row_id)
        if key not in self.records and entity == CONFLICT.entity:
            # Conflict records are made by the server, rarely: look each up when it is needed.
            row = self.connection.execute(select(records_t).where(records_t.c.entity == entity,
                                                                  records_t.c.row_id == row_id)).first()
            if row is not None:
                self.records[key] = self._state(row)
        return self.records.get(key)

    def _state(self, row: Any) -> RecordState:
        kind = kind_of(row.entity)
        fields = dict(row.fields)
        sealed = set(kind.sensitive_fields.intersection(fields)) if kind is not None else set()
        return RecordState(row.entity, row.row_id, row.village_code, row.to_village_code, fields,
                           dict(row.stamps), row.updated_seq, sealed=sealed)

    def _value(self, state: RecordState, name: str) -> Any:
        """A field's value in clear (opening it if it is still sealed)."""
        if name in state.sealed:
            state.fields[name] = self.vault.open(state.fields.get(name), entity=state.entity, row_id=state.row_id,
                                                 name=name)
            state.sealed.discard(name)
        return state.fields.get(name)

    # -- applying --------------------------------------------------------------------------------------

    def apply(self, change: Change) -> None:
        """Apply one change or raise Refused; nothing of a refused change is kept."""
        kind = change.kind
        stored = self.record(change.entity, change.row_id)
        if stored is None:
            self._check_new(change)
        self._check_scope(change, stored)
        if kind.merge == Merge.APPEND:
            if stored is None and not self._confirmed_by_another_pc(change):
                self._create(change)
            return  # a later version of an append row is accepted and ignored
        if kind.merge == Merge.CLAIM:
            target_field = kind.claim_target or ""
            if stored is None:
                self._claim(change)
                return
            if target_field in change.fields and change.fields[target_field] != self._value(stored, target_field):
                raise Refused(BAD_REQUEST, f"A claim's {target_field} cannot change; make a new claim.")
            if change.entity in HELD_CLAIMS and "to_village_code" in change.fields \
                    and change.fields["to_village_code"] != stored.to_village_code:
                raise Refused(BAD_REQUEST, "A claim stays addressed to the village of the wish it claims.")
        if stored is None:
            self._create(change)
        else:
            self._merge(change, stored)

    def _confirmed_by_another_pc(self, change: Change) -> bool:
        """A line of a transfer is confirmed once, by the PC whose receipt or movement of it came first: a receipt
        or a received movement of the line from another PC's document is accepted and ignored, as a later version
        is, so the village's ledger never counts goods its ruling receipt says did not arrive
        (docs/sync-protocol.md §9)."""
        partner = receipt_partner(change.entity, self.caller.village_code, change.fields)
        if partner is None:
            return False
        stored = self.record(*partner)
        return stored is not None and self._value(stored, "document_id") != change.fields.get("document_id")

    # -- claims ----------------------------------------------------------------------------------------

    def _claim(self, change: Change) -> None:
        """A new claim: the first to arrive while nothing holds its target wins (docs/sync-protocol.md §3, §8).

        A held claim's win is a ruling the server writes as its own change (no origin, so the claiming
        station pulls it too): ``held_until``, the server's date plus the target's ``hold_days``; and a
        winner whose hold ran out is marked ``lapsed`` when another claim takes its place.  Every check comes
        before any write, so nothing of a refused claim is kept."""
        target_field = change.kind.claim_target or ""
        target = change.fields.get(target_field)
        if not is_id(target):
            raise Refused(BAD_REQUEST, f"A claim names what it claims in {target_field}.")
        key = (change.entity, target)
        winner = self.claims.get(key)
        board_entity = HELD_CLAIMS.get(change.entity)
        board = None
        replaced = None
        if board_entity is None:
            if winner is not None and winner.row_id != change.row_id:
                raise Refused(CLAIMED, f"Already claimed by village {winner.village_code}.")
        else:
            board = self.record(board_entity, target)
            if board is None:
                # Every station learns of a wish from the server, so a claim on one the server does not have is
                # a fault (a server restored from an older backup, a station's bug): refused, never kept waiting.
                raise Refused(BAD_REQUEST, "The wish this claim names is not on the city's board.")
            if change.fields.get("to_village_code") != board.village_code:
                raise Refused(BAD_REQUEST, "A claim is addressed to the village of the wish it claims.")
            if winner is not None:
                # Read without holding it: whether it still holds rests on its ruling, which changes only
                # under this target's lock, and on the board record, whose lock this push holds too.
                held = self.records.get((change.entity, winner.row_id))
                if held is None or self._holds(held, board):
                    raise Refused(CLAIMED, f"Already claimed by village {winner.village_code}.")
                replaced = held
            if self._board_state(board) != BoardState.OPEN:
                raise Refused(CLAIMED, "This wish is no longer on the city's board.")
        self.claims[key] = ClaimWinner(change.row_id, self.caller.village_code)
        self.claim_rows[key] = {"entity": change.entity, "target": target, "row_id": change.row_id,
                                "change_id": change.change_id, "station_id": self.caller.station_id,
                                "village_code": self.caller.village_code, "claimed_at": self.now}
        state = self._create(change)
        if board is None:
            return
        hold_days = self._value(board, "hold_days")
        if not isinstance(hold_days, int) or isinstance(hold_days, bool) or hold_days < 1:
            hold_days = DEFAULT_HOLD_DAYS
        self._rule(state, {"held_until": (self.today + timedelta(days=hold_days)).isoformat()})
        if replaced is not None and not self._value(replaced, "lapsed") \
                and self._value(board, "released_claim") != replaced.row_id:
            # Its hold ran out (a released claim is over already): marked lapsed, a write of its record.
            self._rule(self._held_for_writing(replaced), {"lapsed": True})

    def _held_for_writing(self, state: RecordState) -> RecordState:
        """A record this push read and now writes, held so no other push changes it in between.

        On PostgreSQL the push holds, with the rest of its locks, the winners it read before taking them
        (``_winners``).  A winner that changed in between won meanwhile and holds its fresh hold, so it is not
        written; should one be, it is held now (a lock out of order, which PostgreSQL would break by failing
        one push, retried) and read again."""
        key = (state.entity, state.row_id)
        if self.locked is None or key in self.locked:
            return state
        lock_records(self.connection, [key])
        self.locked.add(key)
        del self.records[key]
        self._load_records(state.entity, {state.row_id})
        return self.records[key]

    def _board_state(self, board: RecordState) -> str:
        if self._value(board, "deleted"):
            return BoardState.WITHDRAWN  # a board record taken away is off the board
        return str(self._value(board, "state") or BoardState.OPEN)

    def _holds(self, claim: RecordState, board: RecordState) -> bool:
        return claim_holds(held_until=str(self._value(claim, "held_until") or ""), today=self.today.isoformat(),
                           board_state=self._board_state(board), lapsed=bool(self._value(claim, "lapsed")),
                           released=self._value(board, "released_claim") == claim.row_id)

    def _rule(self, state: RecordState, values: dict[str, Any]) -> None:
        """Write the server's own fields of a record (a claim's ruling), stamped by the city after every stamp
        the record has, as a change with no origin: every station that reads the record pulls it."""
        newest = max((Stamp.parse(stamp) for stamp in state.stamps.values() if is_stamp(stamp)), default=None)
        now_ms = int(self.now.replace(tzinfo=UTC).timestamp() * 1000)
        stamp = str(HybridClock(CITY_NODE, newest, physical_ms=lambda: now_ms).now())
        for name, value in values.items():
            state.fields[name] = value
            state.sealed.discard(name)
            state.stamps[name] = stamp
        if not state.is_new:
            state.dirty = True
        self._log(state, dict(values), dict.fromkeys(values, stamp), None, None)

    def _check_new(self, change: Change) -> None:
        """A new record: one a station may make, with the id its own village's facts name."""
        kind = change.kind
        if kind.made_by_server:
            raise Refused(OUT_OF_SCOPE, f"{change.entity} records are made by the city server, not by stations.")
        expected = kind.expected_id(self.caller.village_code, change.fields)
        if expected is not None and change.row_id != expected:
            raise Refused(OUT_OF_SCOPE, f"The id of this {change.entity} record is not the one its own facts "
                                        "name for this station's village.")

    def _check_scope(self, change: Change, stored: RecordState | None) -> None:
        own = self.caller.village_code
        if stored is not None and stored.village_code != own:
            # Which village holds the row is none of this station's business: it is not told.
            raise Refused(OUT_OF_SCOPE, f"This record belongs to another village; this station writes only "
                                        f"for village {own}.")
        village = change.fields.get("village_code", stored.village_code if stored else None)
        if village is None:
            raise Refused(BAD_REQUEST, "A new record carries its village_code.")
        if village != own:
            raise Refused(OUT_OF_SCOPE, f"This station writes only for village {own}, not for village {village}.")
        if change.kind.scope == Scope.ADDRESSED:
            to_code = change.fields.get("to_village_code", stored.to_village_code if stored else None)
            if "to_village_code" in change.fields and to_code not in self.known_regions:
                raise Refused(UNKNOWN_VILLAGE, "The village this record is addressed to is not on the city's "
                                               "region list.")
            if to_code is None:
                raise Refused(BAD_REQUEST, "An addressed record carries its to_village_code.")

    def _create(self, change: Change) -> RecordState:
        state = RecordState(change.entity, change.row_id, self.caller.village_code,
                            _addressee(change.kind, change.fields), dict(change.fields), dict(change.stamps),
                            is_new=True)
        self.records[change.key] = state
        self._log(state, dict(change.fields), dict(change.stamps), self.caller.station_id, change.change_id)
        return state

    def _merge(self, change: Change, stored: RecordState) -> None:
        changed: dict[str, Any] = {}
        changed_stamps: dict[str, str] = {}
        for name, value in change.fields.items():
            stamp, held = change.stamps[name], stored.stamps.get(name)
            if held is not None and stamp != held and change.base.get(name) != held \
                    and value != self._value(stored, name):
                # Someone changed the field since this station last saw it: keep the loser for review —
                # unless the loser is empty (a form's blank default, as when two PCs of a village set up
                # the same record): nobody typed it, so there is nothing to look at.
                if stamp > held:
                    kept, lost = (value, stamp), (self._value(stored, name), held)
                else:
                    kept, lost = (self._value(stored, name), held), (value, stamp)
                if lost[0] not in (None, ""):
                    self._conflict(stored, name, kept=kept, lost=lost)
            if held is None or stamp > held:
                stored.fields[name] = value
                stored.sealed.discard(name)
                stored.stamps[name] = stamp
                changed[name] = value
                changed_stamps[name] = stamp
        if changed:
            if "to_village_code" in changed:
                stored.to_village_code = _addressee(change.kind, stored.fields)
            stored.dirty = True
            self._log(stored, changed, changed_stamps, self.caller.station_id, change.change_id)

    def _conflict(self, record: RecordState, name: str, *, kept: tuple[Any, str], lost: tuple[Any, str]) -> None:
        row_id = conflict_id(record.village_code or "", record.entity, record.row_id, name, lost[1])
        if self.record(CONFLICT.entity, row_id) is not None:
            return  # the same lost value is already kept
        fields = {"village_code": record.village_code, "entity": record.entity, "row_id": record.row_id,
                  "field": name, "kept_value": kept[0], "kept_stamp": kept[1], "lost_value": lost[0],
                  "lost_stamp": lost[1], "lost_station": lost[1].split("-", 2)[2], "resolved": False,
                  "resolution": ""}
        # Stamped with the winning stamp: deterministic, and any later resolution at a station is newer.
        state = RecordState(CONFLICT.entity, row_id, record.village_code, None, fields,
                            dict.fromkeys(fields, kept[1]), is_new=True)
        self.records[(CONFLICT.entity, row_id)] = state
        # No origin: every station of the village pulls it, the one whose push made it too.
        self._log(state, dict(fields), dict(state.stamps), None, None)

    def _log(self, state: RecordState, fields: dict[str, Any], stamps: dict[str, str], origin: str | None,
             change_id: str | None) -> None:
        self.entries.append({"entity": state.entity, "row_id": state.row_id, "village_code": state.village_code,
                             "to_village_code": state.to_village_code, "fields": fields, "stamps": stamps,
                             "origin_station": origin, "change_id": change_id})

    # -- writing ---------------------------------------------------------------------------------------

    def write(self) -> None:
        seqs = write_changelog(self.connection, [self._sealed(entry) for entry in self.entries])
        for entry, seq in zip(self.entries, seqs, strict=True):
            self.records[(entry["entity"], entry["row_id"])].updated_seq = seq
        write_records(self.connection, self.records.values(), seal=self._seal_state)
        write_ledgers(self.connection, self.records.values())
        self._write_claims()
        self._write_lookups()

    def _write_claims(self) -> None:
        """One row per target: a new target's winner inserted, a target whose hold passed to another claim updated."""
        new = [row for key, row in self.claim_rows.items() if key not in self.claims_stored]
        if new:
            self.connection.execute(insert(claims_t), new)
        for key, row in self.claim_rows.items():
            if key in self.claims_stored:
                self.connection.execute(update(claims_t).where(claims_t.c.entity == key[0],
                                                               claims_t.c.target == key[1])
                                        .values({name: value for name, value in row.items()
                                                 if name not in ("entity", "target")}))

    def _sealed(self, entry: dict[str, Any]) -> dict[str, Any]:
        kind = kind_of(entry["entity"])
        if kind is None or not kind.sensitive_fields.intersection(entry["fields"]):
            return entry
        return {**entry, "fields": self.vault.seal_fields(kind.sensitive_fields, entry["fields"],
                                                          entity=entry["entity"], row_id=entry["row_id"])}

    def _seal_state(self, state: RecordState) -> dict[str, Any]:
        """The record's fields to store: sensitive ones sealed (those never opened are already)."""
        kind = kind_of(state.entity)
        if kind is None or not kind.sensitive_fields:
            return state.fields
        return self.vault.seal_fields(kind.sensitive_fields - state.sealed, state.fields, entity=state.entity,
                                      row_id=state.row_id)

    def _write_lookups(self) -> None:
        """The keyed hash of every sensitive text that changed, so duplicates are found without opening any."""
        found: dict[tuple[str, str, str], dict[str, Any]] = {}
        for entry in self.entries:
            kind = kind_of(entry["entity"])
            if kind is None:
                continue
            for name in kind.sensitive_fields.intersection(entry["fields"]):
                value = entry["fields"][name]
                if isinstance(value, str):
                    found[(entry["entity"], entry["row_id"], name)] = {
                        "entity": entry["entity"], "row_id": entry["row_id"], "field": name,
                        "village_code": entry["village_code"], "digest": self.vault.digest(value) if value else ""}
        if not found:
            return
        cleared: dict[tuple[str, str], list[str]] = {}
        for entity, row_id, name in (key for key, row in found.items() if not row["digest"]):
            cleared.setdefault((entity, name), []).append(row_id)
        for (entity, name), row_ids in cleared.items():
            self.connection.execute(delete(lookups_t).where(lookups_t.c.entity == entity, lookups_t.c.field == name,
                                                            one_of(self.connection, lookups_t.c.row_id, row_ids)))
        rows = [row for row in found.values() if row["digest"]]
        if rows:
            dialect_insert = postgresql.insert if is_postgresql(self.connection) else sqlite.insert
            upsert = dialect_insert(lookups_t)
            self.connection.execute(upsert.on_conflict_do_update(
                index_elements=["entity", "row_id", "field"],
                set_={"digest": upsert.excluded.digest, "village_code": upsert.excluded.village_code}), rows)


def _touched(changes: Iterable[Change | Refused]) -> list[tuple[str, str]]:
    """Every (entity, row id) a batch may read or write: its records, the claim targets it competes for, and
    the record a held claim's target is (the board record whose state rules the hold)."""
    keys = []
    for change in changes:
        if isinstance(change, Change):
            keys.append(change.key)
            target = change.fields.get(change.kind.claim_target or "")
            if change.kind.merge == Merge.CLAIM and isinstance(target, str):
                keys.append((f"claim:{change.entity}", target))
                if change.entity in HELD_CLAIMS:
                    keys.append((HELD_CLAIMS[change.entity], target))
    return keys


def _partners(changes: Iterable[Change | Refused]) -> list[tuple[str, str]]:
    """The other record of each receipt's or received movement's pair (``receipt_partner``), which rules whether
    it is kept."""
    keys = []
    for change in changes:
        if isinstance(change, Change):
            village = change.fields.get("village_code")
            partner = receipt_partner(change.entity, village, change.fields) if isinstance(village, str) else None
            if partner is not None:
                keys.append(partner)
    return keys


def _winners(connection: Connection, changes: Iterable[Change | Refused]) -> list[tuple[str, str]]:
    """The claims that hold the targets a batch's held claims compete for, as they are before its locks: a new
    claim may mark one lapsed, so the push holds it too, with the rest, in one ordered statement."""
    targets: dict[str, set[str]] = {}
    for change in changes:
        if isinstance(change, Change) and change.entity in HELD_CLAIMS:
            target = change.fields.get(change.kind.claim_target or "")
            if isinstance(target, str):
                targets.setdefault(change.entity, set()).add(target)
    keys = []
    for entity, values in targets.items():
        keys += [(entity, row_id) for row_id in connection.scalars(select(claims_t.c.row_id).where(
            claims_t.c.entity == entity, one_of(connection, claims_t.c.target, values)))]
    return keys


def _addressee(kind: RecordKind, fields: dict[str, Any]) -> str | None:
    return fields.get("to_village_code") if kind.scope == Scope.ADDRESSED else None


def one_of(connection: Connection, column, values) -> ColumnElement[bool]:
    """``column IN values``; on PostgreSQL as ``= ANY(array)``: one parameter, so the statement text stays
    the same from batch to batch (psycopg prepares it once instead of parsing 500 placeholders each time)."""
    values = sorted(set(values))
    if is_postgresql(connection):
        return column == any_(bindparam(None, values, type_=postgresql.ARRAY(String()), unique=True))
    return column.in_(values)


# PostgreSQL takes each batch in one statement per table: every column as one parameter, unnested in
# step (ROWS FROM).  Text columns go as binary arrays (``%b``: no escaping of each element); JSON columns
# as one JSON array each, so a batch costs one json.dumps per column rather than one per row.
_PG_NEXT_SEQS = "SELECT nextval(pg_get_serial_sequence('changelog', 'seq')) FROM generate_series(1, %s)"
_PG_INSERT_CHANGELOG = (
    "INSERT INTO changelog (seq, entity, row_id, village_code, to_village_code, fields, stamps, origin_station, "
    "change_id) SELECT * FROM ROWS FROM (unnest(%b::bigint[]), unnest(%b::varchar[]), unnest(%b::varchar[]), "
    "unnest(%b::varchar[]), unnest(%b::varchar[]), jsonb_array_elements(%s::jsonb), "
    "jsonb_array_elements(%s::jsonb), unnest(%b::varchar[]), unnest(%b::varchar[]))")
_PG_INSERT_RECORDS = (
    "INSERT INTO records (entity, row_id, village_code, to_village_code, fields, stamps, updated_seq) "
    "SELECT * FROM ROWS FROM (unnest(%b::varchar[]), unnest(%b::varchar[]), unnest(%b::varchar[]), "
    "unnest(%b::varchar[]), jsonb_array_elements(%s::jsonb), jsonb_array_elements(%s::jsonb), "
    "unnest(%b::bigint[]))")
_PG_UPDATE_RECORDS = (
    "UPDATE records AS r SET fields = u.fields, stamps = u.stamps, to_village_code = u.to_village_code, "
    "updated_seq = u.updated_seq FROM ROWS FROM (unnest(%b::varchar[]), unnest(%b::varchar[]), "
    "jsonb_array_elements(%s::jsonb), jsonb_array_elements(%s::jsonb), unnest(%b::varchar[]), "
    "unnest(%b::bigint[])) AS u(entity, row_id, fields, stamps, to_village_code, updated_seq) "
    "WHERE r.entity = u.entity AND r.row_id = u.row_id")
_PG_INSERT_APPLIED = (
    "INSERT INTO applied_changes (change_id, station_id, batch_id, received_at, outcome, code, reason) "
    "SELECT * FROM unnest(%b::varchar[], %b::varchar[], %b::varchar[], %b::timestamp[], %b::varchar[], "
    "%b::varchar[], %b::text[])")


def _columns(rows: list[dict[str, Any]], names: tuple[str, ...], json_names: tuple[str, ...] = ()) -> tuple:
    """One parameter per column: a list of the rows' values, or for JSON columns one JSON array text."""
    return tuple(json_text([row[name] for row in rows]) if name in json_names else [row[name] for row in rows]
                 for name in names)


def write_changelog(connection: Connection, entries: list[dict[str, Any]]) -> list[int]:
    """Append entries to the changelog in order; returns their sequence numbers.

    The caller holds the changelog lock (``lock_changelog``) in the same transaction, so the numbers
    handed out here are higher than any committed one and the order of commits is the order of numbers.
    """
    if not entries:
        return []
    if is_postgresql(connection):
        seqs = sorted(row[0] for row in connection.exec_driver_sql(_PG_NEXT_SEQS, (len(entries),)))
        connection.exec_driver_sql(_PG_INSERT_CHANGELOG, (seqs, *_columns(entries, (
            "entity", "row_id", "village_code", "to_village_code", "fields", "stamps", "origin_station", "change_id"),
            ("fields", "stamps"))))
        return seqs
    result = connection.execute(insert(changelog_t).returning(changelog_t.c.seq, sort_by_parameter_order=True),
                                entries)
    return list(result.scalars())


_UPDATE_RECORD = (
    update(records_t)
    .where(records_t.c.entity == bindparam("key_entity"), records_t.c.row_id == bindparam("key_row_id"))
    .values(fields=bindparam("new_fields"), stamps=bindparam("new_stamps"),
            to_village_code=bindparam("new_to_village_code"), updated_seq=bindparam("new_updated_seq")))


def write_records(connection: Connection, states, *, seal=None) -> None:
    """Insert the new records and update the changed ones (``seal(state)`` gives the fields to store)."""
    created, changed = [], []
    for state in states:
        if state.is_new:
            created.append({"entity": state.entity, "row_id": state.row_id, "village_code": state.village_code,
                            "to_village_code": state.to_village_code,
                            "fields": seal(state) if seal else state.fields,
                            "stamps": state.stamps, "updated_seq": state.updated_seq})
        elif state.dirty:
            changed.append({"key_entity": state.entity, "key_row_id": state.row_id,
                            "new_fields": seal(state) if seal else state.fields,
                            "new_stamps": state.stamps, "new_to_village_code": state.to_village_code,
                            "new_updated_seq": state.updated_seq})
    if is_postgresql(connection):
        if created:
            connection.exec_driver_sql(_PG_INSERT_RECORDS, _columns(created, (
                "entity", "row_id", "village_code", "to_village_code", "fields", "stamps", "updated_seq"),
                ("fields", "stamps")))
        if changed:
            connection.exec_driver_sql(_PG_UPDATE_RECORDS, _columns(changed, (
                "key_entity", "key_row_id", "new_fields", "new_stamps", "new_to_village_code", "new_updated_seq"),
                ("new_fields", "new_stamps")))
        return
    if created:
        connection.execute(insert(records_t), created)
    if changed:
        connection.execute(_UPDATE_RECORD, changed)


def write_applied(connection: Connection, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    if is_postgresql(connection):
        connection.exec_driver_sql(_PG_INSERT_APPLIED, _columns(rows, (
            "change_id", "station_id", "batch_id", "received_at", "outcome", "code", "reason")))
    else:
        connection.execute(insert(applied_t), rows)


def apply_push(engine: Engine, caller: Caller, payload: object, *, vault: Vault, generation: int | None,
               protocol_version: int, schema_version: str | None, now: datetime | None = None,
               today: date | None = None) -> PushResult:
    """Apply a push batch in one transaction (raises MalformedBatch / BatchTooLarge for the whole request).

    ``today`` is the server's date for the holds of claims (by default Baicheng's date at ``now``)."""
    batch_id, raw_changes = parse_batch(payload)
    now = now or utcnow()
    now_ms = int(now.replace(tzinfo=UTC).timestamp() * 1000)
    # Shape checks need no database: done before taking the writers' lock, so other pushes overlap them.
    checked: dict[str, Change | Refused] = {}
    for raw in raw_changes:
        if raw["change_id"] not in checked:  # the same change twice in one batch counts once
            try:
                checked[raw["change_id"]] = check_change(raw, now_ms=now_ms)
            except Refused as refused:
                checked[raw["change_id"]] = refused
    with writing(engine) as connection:
        # Every record the batch reads is held first, so no other push changes it between our read and
        # our write; the changelog is locked only for writing (see database.lock_records).
        locked = None
        if is_postgresql(connection):
            locked = set(_touched(checked.values())) | set(_winners(connection, checked.values())) \
                | set(_partners(checked.values()))
            lock_records(connection, locked)
        generation_answer = note_visit(connection, caller, generation=generation,
                                       protocol_version=protocol_version, schema_version=schema_version,
                                       now=now)
        outcomes: dict[str, tuple[str, str | None, str | None]] = {
            row.change_id: (row.outcome, row.code, row.reason)
            for row in connection.execute(select(applied_t.c.change_id, applied_t.c.outcome, applied_t.c.code,
                                                 applied_t.c.reason)
                                          .where(applied_t.c.station_id == caller.station_id,
                                                 one_of(connection, applied_t.c.change_id, checked)))}
        # A change seen before keeps its first outcome and is not applied again.
        fresh = {change_id: change for change_id, change in checked.items() if change_id not in outcomes}
        batch = Batch(connection, caller, batch_id, now, vault, today or city_today(now), locked=locked)
        batch.load([change for change in fresh.values() if isinstance(change, Change)])
        recorded: list[dict[str, Any]] = []
        for change_id, change in fresh.items():
            if isinstance(change, Change):
                try:
                    batch.apply(change)
                    outcome: tuple[str, str | None, str | None] = (ACCEPTED, None, None)
                except Refused as refused:
                    outcome = (REJECTED, refused.code, refused.reason)
            else:
                outcome = (REJECTED, change.code, change.reason)
            outcomes[change_id] = outcome
            recorded.append({"change_id": change_id, "station_id": caller.station_id, "batch_id": batch_id,
                             "received_at": now, "outcome": outcome[0], "code": outcome[1], "reason": outcome[2]})
        lock_changelog(connection)
        batch.write()
        write_applied(connection, recorded)
    accepted: list[str] = []
    rejected: list[Rejection] = []
    for change_id in checked:
        outcome, code, reason = outcomes[change_id]
        if outcome == ACCEPTED:
            accepted.append(change_id)
        else:
            rejected.append(Rejection(change_id, code or BAD_REQUEST, reason or ""))
    return PushResult(accepted, rejected, generation_answer)
