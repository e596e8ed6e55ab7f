"""Which records sync, and how: each kind of record declares its scope, its merge rule, how its id is
named and the type and bound of every field.

Shared, pure rules: the station's storage, the station's sync client and the city server all read
these declarations, so there is one truth of what a record may hold.  The server checks every pushed
field against them before storing anything, and a station sets aside a pulled record that does not
fit.  A new area declares its kind here (and its model points ``__sync__`` at it) and gets sync;
docs/sync-protocol.md explains the rules.
"""

from __future__ import annotations

import enum
import hashlib
import json
import math
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.domain.hlc import NODE_PATTERN, is_stamp
from desktop.domain.households import HouseholdStatus, Relation
from desktop.domain.hut import (
    MAX_QUANTITY,
    AdjustmentReason,
    Condition,
    DocumentKind,
    DonorKind,
    PointsKind,
    RecipientKind,
)
from desktop.domain.regions import Level
from desktop.domain.sponsorships import EventKind, PledgeKind, Project, SponsorKind, SponsorshipStatus
from desktop.domain.volunteering import (
    ActivityKind,
    ActivityStatus,
    Gender,
    GoodDeedCategory,
    HoursKind,
    MemberRole,
    NominationStatus,
    PoliticalStatus,
    TeamKind,
    VolunteerStatus,
)
from desktop.domain.wishes import BoardState, ClaimantKind, WishCategory, WishStatus


class Scope(enum.StrEnum):
    VILLAGE = "village"      # written by the village's stations, read by them (and the city)
    CITY = "city"            # reference data written by the city, read by every station
    ADDRESSED = "addressed"  # written by one village, read by it and by the village it is addressed to
    PUBLIC = "public"        # written by one village, read by every station (what a village publishes city-wide)


class Merge(enum.StrEnum):
    FIELDS = "fields"  # field by field, the later clock stamp wins; a concurrent loser is kept for review
    APPEND = "append"  # insert-only (ledger movements, service hours): never changed, never refused
    CLAIM = "claim"    # the server decides: the first claim on a target wins, later ones are refused


# -- identifiers -------------------------------------------------------------------------------------

MAX_ID = 64
# Row ids, change ids and station ids: UUIDs and region codes, in plain ASCII (no NUL, no surrogates).
ID_PATTERN = re.compile(rf"[A-Za-z0-9._:-]{{1,{MAX_ID}}}")
NODE_RE = re.compile(NODE_PATTERN)
REGION_CODE = re.compile(r"[0-9]{6,12}")


def is_id(value: object, *, length: int = MAX_ID) -> bool:
    """A row id, change id or station id: 1 to ``length`` characters of ``ID_PATTERN``."""
    return isinstance(value, str) and len(value) <= length and ID_PATTERN.fullmatch(value) is not None


# Records two PCs may make for the same fact (a credit for an activity, a reversal, a person on a
# roster or in a team) get the id named by that fact and their village, so sync merges them instead of
# doubling them, and no other village can make the id a record of this village will need.
NAMESPACE = uuid.UUID("3b6f0e8a-52c4-5d1e-8f7a-9c2d41e6b0a7")


def named_id(village_code: str, prefix: str, *facts: object) -> str:
    """The id every station of ``village_code`` gives the record of this fact (``credit``, activity, volunteer)."""
    return str(uuid.uuid5(NAMESPACE, ":".join([village_code, prefix, *map(str, facts)])))


@dataclass(frozen=True)
class Naming:
    """A record whose id is named by a fact: ``named_id(village, prefix, *facts)``.

    It applies to a record whose fact fields are all set and whose ``where`` fields hold those values;
    a kind may list several, the first that applies names the record, and a record none applies to
    has a free id (a UUID made at the station).
    """

    prefix: str
    facts: tuple[str, ...]
    where: tuple[tuple[str, object], ...] = ()

    def applies(self, fields: Mapping[str, Any]) -> bool:
        return all(fields.get(name) not in (None, "") for name in self.facts) and all(
            fields.get(name) == value for name, value in self.where)


# The city server's code for a change stamped more than a day ahead of its clock: the station stamps it
# again rather than setting it aside (docs/sync-protocol.md §3).
CLOCK_AHEAD = "clock_ahead"


# -- field types -----------------------------------------------------------------------------------

class FieldProblem(ValueError):
    """A value does not fit its field's type; ``reason`` says what is expected, never the value."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


LONG_TEXT = 10_000        # notes, descriptions, deeds: a page or two
MAX_JSON_BYTES = 64 * 1024
MAX_JSON_DEPTH = 8
# Upper bound of one change on the wire (every field at its largest fits well within it).
MAX_CHANGE_BYTES = 256 * 1024
_INT_RANGE = (-(2**53), 2**53)  # what every JSON reader keeps exact


def _encodes(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _text_size(value: str) -> int:
    """UTF-8 bytes of ``value``; raises for a NUL or a lone surrogate, which no database stores."""
    if "\x00" in value:
        raise FieldProblem("contains a NUL character")
    if value.isascii():
        return len(value)
    try:
        return len(value.encode("utf-8"))
    except UnicodeEncodeError:
        raise FieldProblem("contains a broken character (a lone surrogate)") from None


@dataclass(frozen=True, kw_only=True)
class FieldType:
    """The declared type and bound of one field.  ``check`` returns the value's size in bytes or raises
    ``FieldProblem``.  ``sensitive`` fields (ID numbers …) are stored encrypted by the city server."""

    nullable: bool = False
    sensitive: bool = False

    def check(self, value: Any) -> int:
        if value is None:
            if self.nullable:
                return 4
            raise FieldProblem("must not be null")
        return self._check(value)

    def _check(self, value: Any) -> int:
        raise NotImplementedError

    def fits(self, value: Any) -> bool:
        """Whether ``value`` fits: the quick answer ``check`` gives, without its reasons or sizes."""
        if value is None:
            return self.nullable
        return self._fits(value)

    def _fits(self, value: Any) -> bool:
        try:
            self._check(value)
        except FieldProblem:
            return False
        return True

    @property
    def max_bytes(self) -> int:
        """The most bytes a value of this type takes (UTF-8, as JSON)."""
        return 32


@dataclass(frozen=True)
class Text(FieldType):
    max_length: int = 200
    choices: frozenset[str] | None = None   # the allowed values ("" too where ``blank``)
    pattern: re.Pattern[str] | None = None  # the whole value must match (or be "" where ``blank``)
    blank: bool = True

    def _fits(self, value: Any) -> bool:
        if type(value) is not str or len(value) > self.max_length or "\x00" in value:
            return False
        if not value.isascii() and not _encodes(value):
            return False
        if value == "":
            return self.blank
        if self.choices is not None and value not in self.choices:
            return False
        return self.pattern is None or self.pattern.fullmatch(value) is not None

    @property
    def max_bytes(self) -> int:
        return self.max_length * 4 + 2

    def _check(self, value: Any) -> int:
        if type(value) is not str:
            raise FieldProblem(f"must be text of at most {self.max_length} characters")
        if len(value) > self.max_length:
            raise FieldProblem(f"is longer than {self.max_length} characters")
        size = _text_size(value)
        if value == "" and self.blank:
            return 2
        if self.choices is not None and value not in self.choices:
            raise FieldProblem("is not one of the allowed values")
        if self.pattern is not None and self.pattern.fullmatch(value) is None:
            raise FieldProblem("is not in the expected form")
        return size + 2

    def describe(self) -> str:
        if self.choices is not None:
            return "one of " + ", ".join(sorted(self.choices))
        return f"text ≤ {self.max_length}"


def choice(values: Iterable[str], *, blank: bool = False) -> Text:
    allowed = frozenset(str(value) for value in values)
    return Text(max(map(len, allowed)), choices=allowed, blank=blank)


@dataclass(frozen=True)
class Integer(FieldType):
    low: int = _INT_RANGE[0]
    high: int = _INT_RANGE[1]

    def _fits(self, value: Any) -> bool:
        return type(value) is int and self.low <= value <= self.high

    def _check(self, value: Any) -> int:
        if type(value) is not int or not self.low <= value <= self.high:
            raise FieldProblem(f"must be a whole number from {self.low} to {self.high}")
        return 20

    def describe(self) -> str:
        return f"integer {self.low}…{self.high}"


@dataclass(frozen=True)
class Number(FieldType):
    low: float = -1e12
    high: float = 1e12

    def _fits(self, value: Any) -> bool:
        # NaN compares false with everything, and the infinities lie outside every range
        return (type(value) is float or type(value) is int) and self.low <= value <= self.high

    def _check(self, value: Any) -> int:
        if type(value) not in (int, float) or not math.isfinite(value) or not self.low <= value <= self.high:
            raise FieldProblem(f"must be a number from {self.low:g} to {self.high:g}")
        return 24

    def describe(self) -> str:
        return f"number {self.low:g}…{self.high:g}"


@dataclass(frozen=True)
class Boolean(FieldType):
    def _fits(self, value: Any) -> bool:
        return type(value) is bool

    def _check(self, value: Any) -> int:
        if type(value) is not bool:
            raise FieldProblem("must be true or false")
        return 5


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class Date(FieldType):
    """An ISO date ``2026-11-29``, or "" for none."""

    def _check(self, value: Any) -> int:
        if type(value) is not str or (value and _DATE.fullmatch(value) is None):
            raise FieldProblem("must be a date written 2026-11-29, or empty")
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise FieldProblem("is not a real date") from None
        return 12


_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


@dataclass(frozen=True)
class Time(FieldType):
    """A time of day ``14:00``, or "" for none."""

    def _check(self, value: Any) -> int:
        if type(value) is not str or (value and _TIME.fullmatch(value) is None):
            raise FieldProblem("must be a time of day written 14:00, or empty")
        return 7


@dataclass(frozen=True)
class Reference(FieldType):
    """The row id of another record (``entity``), or "" for none."""

    entity: str = ""

    def _fits(self, value: Any) -> bool:
        return type(value) is str and (value == "" or ID_PATTERN.fullmatch(value) is not None)

    def _check(self, value: Any) -> int:
        if type(value) is not str or (value and ID_PATTERN.fullmatch(value) is None):
            raise FieldProblem(f"must be the id of a {self.entity} record, or empty")
        return len(value) + 2

    def describe(self) -> str:
        return f"id of {self.entity}"


@dataclass(frozen=True)
class StampText(FieldType):
    """A clock stamp in its text form, or "" for none."""

    def _check(self, value: Any) -> int:
        if type(value) is not str or (value and not is_stamp(value)):
            raise FieldProblem("must be a clock stamp, or empty")
        return len(value) + 2

    def describe(self) -> str:
        return "stamp"


@dataclass(frozen=True)
class Json(FieldType):
    """Any JSON value (a conflict's kept or lost value), at most ``MAX_JSON_DEPTH`` deep and
    ``MAX_JSON_BYTES`` long, with finite numbers and text without NUL or broken characters."""

    def _check(self, value: Any) -> int:
        return _json_size(value, MAX_JSON_DEPTH)

    def check(self, value: Any) -> int:
        size = super().check(value)
        if size > MAX_JSON_BYTES:
            raise FieldProblem(f"is larger than {MAX_JSON_BYTES} bytes")
        return size

    def _fits(self, value: Any) -> bool:
        try:
            self.check(value)
        except FieldProblem:
            return False
        return True

    @property
    def max_bytes(self) -> int:
        return MAX_JSON_BYTES


def _json_size(value: Any, depth: int) -> int:
    kind = type(value)
    if kind is str:
        return _text_size(value) + 2
    if value is None or kind is bool:
        return 5
    if kind is int:
        if not _INT_RANGE[0] <= value <= _INT_RANGE[1]:
            raise FieldProblem("holds a number out of range")
        return 20
    if kind is float:
        if not math.isfinite(value):
            raise FieldProblem("holds a number that is not finite")
        return 24
    if kind not in (list, dict):
        raise FieldProblem("is not JSON")
    if depth <= 0:
        raise FieldProblem(f"is nested more than {MAX_JSON_DEPTH} levels deep")
    if kind is list:
        return 2 + sum(_json_size(item, depth - 1) + 1 for item in value)
    size = 2
    for key, item in value.items():
        if type(key) is not str:
            raise FieldProblem("is not JSON")
        size += _text_size(key) + 3 + _json_size(item, depth - 1)
        if size > MAX_JSON_BYTES:
            raise FieldProblem(f"is larger than {MAX_JSON_BYTES} bytes")
    return size


def text(max_length: int = 200, **options: Any) -> Text:
    return Text(max_length=max_length, **options)


def ref(entity: str) -> Reference:
    return Reference(entity=entity)


def whole(low: int, high: int) -> Integer:
    return Integer(low, high)


VILLAGE_CODE = Text(12, pattern=REGION_CODE, blank=False)
OPTIONAL_REGION = Text(12, pattern=REGION_CODE, nullable=True)
ID_NUMBER = Text(18, pattern=re.compile(r"[0-9]{17}[0-9X]"), sensitive=True)
NOTES = Text(LONG_TEXT)
DATE = Date()
TIME = Time()
FLAG = Boolean()
# Every kind accepts this field: ``deleted: true`` is a tombstone.
DELETED = "deleted"
DELETED_TYPE = Boolean()


# -- record kinds ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RecordKind:
    entity: str
    scope: Scope
    merge: Merge
    # field name -> its declared type (docs/sync-protocol.md §1); ``deleted`` is every kind's too
    fields: Mapping[str, FieldType]
    # field -> entity it points at; a record whose parent has not arrived yet is held, not dropped
    parents: dict[str, str] = field(default_factory=dict)
    # for CLAIM kinds: the field naming what is claimed (one winner per value)
    claim_target: str | None = None
    # the row id is the village code itself (the village's own profile)
    id_is_village: bool = False
    # rows whose id is named by a fact of the village (see ``Naming``)
    namings: tuple[Naming, ...] = ()
    # rows only the city server creates (conflicts); a station may change just ``station_fields``
    made_by_server: bool = False
    station_fields: tuple[str, ...] = ()
    # fields only the city server writes (a claim's ruling): a station never sends them
    server_fields: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.fields, Mapping) or not all(isinstance(kind, FieldType)
                                                           for kind in self.fields.values()):
            raise ValueError(f"{self.entity}: every field declares its type")
        if self.scope in (Scope.VILLAGE, Scope.ADDRESSED, Scope.PUBLIC) and "village_code" not in self.fields:
            raise ValueError(f"{self.entity}: village, addressed and public records carry village_code")
        if self.scope == Scope.ADDRESSED and "to_village_code" not in self.fields:
            raise ValueError(f"{self.entity}: addressed records carry to_village_code")
        if self.merge == Merge.CLAIM and self.claim_target not in self.fields:
            raise ValueError(f"{self.entity}: a claim names its target field")
        for naming in self.namings:
            if not set(naming.facts) | {name for name, _ in naming.where} <= set(self.fields):
                raise ValueError(f"{self.entity}: a naming uses fields of the kind")
        if not set(self.station_fields) | set(self.server_fields) <= set(self.fields):
            raise ValueError(f"{self.entity}: station and server fields are fields of the kind")
        # For checking many changes quickly: each field's ``fits``, and whether every change of the kind is
        # within MAX_CHANGE_BYTES by its fields' bounds alone (then no change needs measuring).
        fits = {name: declared.fits if declared.nullable else declared._fits for name, declared in self.fields.items()}
        fits[DELETED] = DELETED_TYPE._fits
        object.__setattr__(self, "_fits", fits)
        object.__setattr__(self, "_sensitive", frozenset(name for name, kind in self.fields.items() if kind.sensitive))
        object.__setattr__(self, "_bounded", sum(declared.max_bytes + len(name) + 4 for name, declared in
                                                 self.fields.items()) + 64 <= MAX_CHANGE_BYTES)

    @property
    def fits(self) -> dict[str, Callable[[Any], bool]]:
        """field name (``deleted`` included) -> whether a value fits its declared type, for quick checks."""
        return self._fits  # type: ignore[attr-defined]

    def field_type(self, name: str) -> FieldType | None:
        """The declared type of ``name`` (``deleted`` included), or None for a field the kind does not have."""
        found = self.fields.get(name)
        if found is None and name == DELETED:
            return DELETED_TYPE
        return found

    @property
    def sensitive_fields(self) -> frozenset[str]:
        return self._sensitive  # type: ignore[attr-defined]

    def expected_id(self, village_code: str, fields: Mapping[str, Any]) -> str | None:
        """The row id a new record with these fields must have in ``village_code``, or None if its id is free."""
        if self.id_is_village:
            return village_code
        for naming in self.namings:
            if naming.applies(fields):
                return named_id(village_code, naming.prefix, *(fields[name] for name in naming.facts))
        return None


def check_fields(kind: RecordKind, fields: Mapping[str, Any]) -> None:
    """Every field of a change against its declared type.

    Raises ``FieldProblem`` naming the first field at fault (``entity.field reason``), for a field the kind
    does not have, or for a change larger than ``MAX_CHANGE_BYTES``.
    """
    fits = kind.fits
    for name, value in fields.items():
        fit = fits.get(name)
        if fit is None:
            raise FieldProblem(f"{kind.entity} has no field {name}")
        if not fit(value):
            try:
                kind.field_type(name).check(value)  # type: ignore[union-attr]
            except FieldProblem as problem:
                raise FieldProblem(f"{kind.entity}.{name} {problem.reason}") from None
            raise FieldProblem(f"{kind.entity}.{name} does not fit its type")
    if not kind._bounded:  # type: ignore[attr-defined]
        size = sum(kind.field_type(name).check(value) + len(name) + 4  # type: ignore[union-attr]
                   for name, value in fields.items())
        if size > MAX_CHANGE_BYTES:
            raise FieldProblem(f"the change is larger than {MAX_CHANGE_BYTES} bytes")


def json_size(value: Any) -> int:
    """The length of ``value`` as compact JSON text (what it costs on the wire before compression)."""
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass"))


KINDS: dict[str, RecordKind] = {}


def declare(kind: RecordKind) -> RecordKind:
    existing = KINDS.get(kind.entity)
    if existing is not None and existing != kind:
        raise ValueError(f"record kind {kind.entity} declared twice, differently")
    KINDS[kind.entity] = kind
    return kind


VILLAGE_PROFILE = declare(RecordKind(
    "village_profile", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "station_name": text(100), "contact_name": text(64),
            "contact_phone": text(32), "address": text(200), "office_hours": text(100), "notes": NOTES},
    id_is_village=True,
))

# A value that lost to a concurrent edit of the same field, kept until a person has looked at it.  Made
# only by the city server (its id names the village, the record, the field and the losing stamp);
# a station settles it.  The values may be anything a field holds, an ID number too: sensitive.
CONFLICT = declare(RecordKind(
    "conflict", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "entity": text(32), "row_id": Text(MAX_ID, pattern=ID_PATTERN),
            "field": text(64), "kept_value": Json(nullable=True, sensitive=True), "kept_stamp": StampText(),
            "lost_value": Json(nullable=True, sensitive=True), "lost_stamp": StampText(),
            "lost_station": Text(64, pattern=NODE_RE), "resolved": FLAG,
            "resolution": choice(["kept", "lost"], blank=True)},
    made_by_server=True, station_fields=("resolved", "resolution"),
))


def conflict_id(village_code: str, entity: str, row_id: str, field_name: str, lost_stamp: str) -> str:
    """The id of the conflict record keeping a lost value: the same however often the loser is replayed."""
    return named_id(village_code, "conflict", entity, row_id, field_name, lost_stamp)


# Reference data from the city.
REGION = declare(RecordKind(
    "region", Scope.CITY, Merge.FIELDS,
    fields={"code": Text(12, pattern=REGION_CODE, blank=False), "name": text(100),
            "level": choice(Level), "parent_code": OPTIONAL_REGION},
))


def summary_checksum(rows: Iterable[tuple[str, dict[str, str]]]) -> str:
    """SHA-256 (hex) over one entity's records, as station and server both compute it (protocol §3).

    One UTF-8 line per record, records in ``row_id`` code-point order: the row id, then for each
    field in name order a tab, the name, ``=`` and its stamp, then a newline.
    """
    digest = hashlib.sha256()
    for row_id, stamps in sorted(rows, key=lambda item: item[0]):
        line = row_id + "".join(f"\t{name}={stamps[name]}" for name in sorted(stamps)) + "\n"
        digest.update(line.encode("utf-8"))
    return digest.hexdigest()


# -- the volunteer programme ---------------------------------------------------------------------

VOLUNTEER = declare(RecordKind(
    "volunteer", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "name": text(64), "gender": choice(Gender, blank=True),
            "birth_date": DATE, "id_number": ID_NUMBER, "phone": text(32), "address": text(200),
            "political_status": choice(PoliticalStatus, blank=True), "skills": NOTES,
            "volunteer_number": text(32), "registered_on": DATE, "status": choice(VolunteerStatus),
            "notes": NOTES, "merged_into": ref("volunteer")},
))

TEAM = declare(RecordKind(
    "team", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "name": text(100), "kind": choice(TeamKind), "description": NOTES,
            "active": FLAG},
))

TEAM_MEMBER = declare(RecordKind(
    "team_member", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "team_id": ref("team"), "volunteer_id": ref("volunteer"),
            "role": choice(MemberRole), "joined_on": DATE},
    parents={"team_id": "team", "volunteer_id": "volunteer"},
    namings=(Naming("member", ("team_id", "volunteer_id")),),
))

ACTIVITY = declare(RecordKind(
    "activity", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "kind": choice(ActivityKind), "title": text(200), "date": DATE,
            "start_time": TIME, "end_time": TIME, "place": text(200), "team_id": ref("team"),
            "description": NOTES, "trained": NOTES, "status": choice(ActivityStatus), "closed_on": DATE},
    parents={"team_id": "team"},
))

# One person on an activity: on its roster (a Lei Feng post shift, say) and/or signed in.
PARTICIPANT = declare(RecordKind(
    "participant", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "activity_id": ref("activity"), "volunteer_id": ref("volunteer"),
            "rostered": FLAG, "attended": FLAG, "start_time": TIME, "end_time": TIME},
    parents={"activity_id": "activity", "volunteer_id": "volunteer"},
    namings=(Naming("participant", ("activity_id", "volunteer_id")),),
))

# Service hours are a ledger: credited, added or reversed, never edited.  A correction is named by the
# record it reverses, its replacement by the record it replaces, a credit by its activity and volunteer.
SERVICE_HOURS = declare(RecordKind(
    "service_hours", Scope.VILLAGE, Merge.APPEND,
    fields={"village_code": VILLAGE_CODE, "volunteer_id": ref("volunteer"), "kind": choice(HoursKind),
            "hours": Number(-10_000, 10_000), "served_on": DATE, "content": NOTES,
            "activity_id": ref("activity"), "reverses_id": ref("service_hours"),
            "replaces_id": ref("service_hours"), "reason": NOTES, "recorded_by_name": text(64)},
    parents={"volunteer_id": "volunteer"},
    namings=(Naming("reverse", ("reverses_id",)), Naming("replace", ("replaces_id",)),
             Naming("credit", ("activity_id", "volunteer_id"), where=(("kind", HoursKind.CREDIT.value),))),
))

# A volunteer announced at a star level, so the next list shows only who has risen since.
STAR_NOTICE = declare(RecordKind(
    "star_notice", Scope.VILLAGE, Merge.APPEND,
    fields={"village_code": VILLAGE_CODE, "volunteer_id": ref("volunteer"), "level": Integer(0, 10),
            "noticed_on": DATE},
    parents={"volunteer_id": "volunteer"},
    namings=(Naming("star", ("volunteer_id", "level")),),
))

# The certificate issue register: one entry per printed certificate (a reprint is its own entry).
CERTIFICATE = declare(RecordKind(
    "certificate", Scope.VILLAGE, Merge.APPEND,
    fields={"village_code": VILLAGE_CODE, "volunteer_id": ref("volunteer"), "number": text(40),
            "issued_on": DATE, "period_from": DATE, "period_to": DATE, "hours": Number(0, 1_000_000),
            "content": NOTES, "issuer": text(200), "name": text(64), "id_shown": Text(18, sensitive=True),
            "volunteer_number": text(32), "reprint_of": ref("certificate"), "issued_by_name": text(64)},
    parents={"volunteer_id": "volunteer"},
))

NOMINATION = declare(RecordKind(
    "nomination", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "volunteer_id": ref("volunteer"), "name": text(64),
            "category": choice(GoodDeedCategory), "deeds": NOTES, "nominated_by": text(100),
            "nominated_on": DATE, "status": choice(NominationStatus), "notice_from": DATE, "notice_to": DATE,
            "decided_on": DATE, "decision_note": NOTES},
    parents={"volunteer_id": "volunteer"},
))

# -- households in need, micro-wishes and sponsorships -----------------------------------------------

_CODE = re.compile(r"[a-z0-9_]{1,32}")

# A category of help the station admin added to the built-in ones (its id is named by its code).
HOUSEHOLD_CATEGORY = declare(RecordKind(
    "household_category", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "code": Text(32, pattern=_CODE, blank=False), "name": text(64),
            "active": FLAG},
    namings=(Naming("category", ("code",)),),
))

# Health, disability and income notes are as sensitive as ID numbers: they reach the village's other PCs,
# sealed at rest on the city server, and nothing the city shows carries them.
SPECIAL_NOTES = Text(LONG_TEXT, sensitive=True)

HOUSEHOLD = declare(RecordKind(
    "household", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "head_name": text(64), "id_number": ID_NUMBER, "phone": text(32),
            "group_name": text(64), "address": text(200), "size": Integer(0, 99),
            "categories": Text(400, pattern=re.compile(r"[a-z0-9_]{1,32}(,[a-z0-9_]{1,32})*")),
            "poverty_cause": text(200), "health": SPECIAL_NOTES, "disability": SPECIAL_NOTES,
            "income_notes": SPECIAL_NOTES, "status": choice(HouseholdStatus), "status_on": DATE,
            "recheck_on": DATE, "notes": NOTES, "merged_into": ref("household")},
))

HOUSEHOLD_MEMBER = declare(RecordKind(
    "household_member", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "household_id": ref("household"), "name": text(64),
            "relation": choice(Relation), "birth_date": DATE, "id_number": ID_NUMBER, "health": SPECIAL_NOTES,
            "disability": SPECIAL_NOTES, "volunteer_id": ref("volunteer"), "notes": NOTES},
    parents={"household_id": "household"},
))

# Someone of a household trained at a training activity: the household's timeline shows it.
TRAINEE = declare(RecordKind(
    "trainee", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "activity_id": ref("activity"), "household_id": ref("household"),
            "member_id": ref("household_member"), "name": text(64)},
    parents={"activity_id": "activity", "household_id": "household"},
    namings=(Naming("trainee", ("activity_id", "household_id", "name")),),
))

# A wish as its village keeps it: the household behind it, in its own words.  Never leaves the village.
WISH = declare(RecordKind(
    "wish", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "household_id": ref("household"), "words": NOTES,
            "category": choice(WishCategory), "estimated_value": Number(0, 1_000_000), "wanted_by": DATE,
            "status": choice(WishStatus), "collected_on": DATE, "collected_by": text(64), "vetted_on": DATE,
            "decision_note": NOTES, "published_on": DATE, "public_text": text(500), "contacted_on": DATE,
            "claim_id": ref("wish_claim"), "fulfilled_on": DATE, "given": NOTES, "given_by": text(100),
            "confirmed": FLAG, "confirmation_note": NOTES, "notes": NOTES},
    parents={"household_id": "household"},
))

# The wish as every station sees it on the city board: only what was written for the public, its band of
# value and its dates.  Its id is the wish's own; its village is the wish's village.
WISH_BOARD = declare(RecordKind(
    "wish_board", Scope.PUBLIC, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "public_text": text(500), "category": choice(WishCategory),
            "value_low": Integer(0, 1_000_000), "value_high": Integer(0, 1_000_000), "published_on": DATE,
            "wanted_by": DATE, "state": choice(BoardState), "hold_days": Integer(1, 60),
            "released_claim": ref("wish_claim")},
))

# A claim on a wish of the board, made at the claimant's station and addressed to the wish's village.  The
# city server rules: the first claim to reach it while nothing holds the wish wins and gets ``held_until``;
# a later one is refused (``claimed``); a claim whose hold ran out is marked ``lapsed`` when another wins.
WISH_CLAIM = declare(RecordKind(
    "wish_claim", Scope.ADDRESSED, Merge.CLAIM,
    fields={"village_code": VILLAGE_CODE, "to_village_code": VILLAGE_CODE, "board_id": ref("wish_board"),
            "claimant_kind": choice(ClaimantKind), "claimant_name": text(100),
            "claimant_contact": Text(64, sensitive=True), "volunteer_id": ref("volunteer"), "claimed_on": DATE,
            "note": NOTES, "held_until": DATE, "lapsed": FLAG},
    parents={"board_id": "wish_board"},
    claim_target="board_id",
    server_fields=("held_until", "lapsed"),
))

SPONSOR = declare(RecordKind(
    "sponsor", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "kind": choice(SponsorKind), "name": text(100), "contact": text(64),
            "volunteer_id": ref("volunteer"), "address": text(200), "notes": NOTES},
))

SPONSORSHIP = declare(RecordKind(
    "sponsorship", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "household_id": ref("household"), "sponsor_id": ref("sponsor"),
            "project": choice(Project), "pledge_kind": choice(PledgeKind), "amount": Number(0, 10_000_000),
            "pledge": NOTES, "start_on": DATE, "end_on": DATE, "instalments": Integer(0, 240),
            "status": choice(SponsorshipStatus), "status_on": DATE, "end_reason": NOTES, "notes": NOTES},
    parents={"household_id": "household", "sponsor_id": "sponsor"},
))

# Visits and hand-overs: a log, never edited; a note answers a wrong entry (``answers_id``).
SPONSORSHIP_EVENT = declare(RecordKind(
    "sponsorship_event", Scope.VILLAGE, Merge.APPEND,
    fields={"village_code": VILLAGE_CODE, "sponsorship_id": ref("sponsorship"), "kind": choice(EventKind),
            "happened_on": DATE, "what": NOTES, "amount": Number(0, 10_000_000), "recorded_by_name": text(64),
            "answers_id": ref("sponsorship_event")},
    parents={"sponsorship_id": "sponsorship"},
))

# -- the love hut ----------------------------------------------------------------------------------------------
#
# Each village's hut keeps its own ledger: only the village's stations write it.  Posted documents, their
# movements and points entries are append-only (a mistake is undone by a reversing document); drafts and a
# count in progress stay on their PC.  A transfer to another village's hut travels addressed to that village,
# and what arrived travels back addressed to the sender.  docs/sync-protocol.md §9.

_MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")
QUANTITY = Number(-MAX_QUANTITY, MAX_QUANTITY)
MONEY = Number(0, 100_000_000)

# A village's hut: its name and where it is.  Every station sees every hut (to address a transfer to one).
HUT = declare(RecordKind(
    "hut", Scope.PUBLIC, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "name": text(100), "address": text(200), "opened_on": DATE,
            "active": FLAG},
    id_is_village=True,
))

# An item category the station admin added to the built-in ones (its id is named by its code).
ITEM_CATEGORY = declare(RecordKind(
    "item_category", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "code": Text(32, pattern=_CODE, blank=False), "name": text(64),
            "active": FLAG},
    namings=(Naming("item_category", ("code",)),),
))

# The city's catalogue of goods: reference data the city writes and every station reads.
CITY_ITEM = declare(RecordKind(
    "city_item", Scope.CITY, Merge.FIELDS,
    fields={"name": text(100), "category": text(32), "unit": text(8), "tracks_expiry": FLAG,
            "barcode": text(32), "active": FLAG},
))

# An item of the village's catalogue: one of the city's (``city_item_id``) or the village's own.
ITEM = declare(RecordKind(
    "item", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "name": text(100), "category": text(32), "unit": text(8),
            "tracks_expiry": FLAG, "barcode": text(32), "city_item_id": ref("city_item"), "shelf": text(32),
            "points_price": whole(0, 1_000_000), "low_stock": Number(0, MAX_QUANTITY), "active": FLAG,
            "notes": NOTES},
    namings=(Naming("item", ("city_item_id",)),),
))

DONOR = declare(RecordKind(
    "donor", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "kind": choice(DonorKind), "name": text(100), "contact": text(64),
            "address": text(200), "named_in_notice": FLAG, "sponsor_id": ref("sponsor"), "notes": NOTES},
    parents={"sponsor_id": "sponsor"},
))

# A posted document: never edited.  ``happened_on`` is the day the goods moved (a paper record may be entered
# later, back to the last closed month); ``month`` the month whose notice it is in (a correction entered after
# its month was closed is in the next one, ``corrects_id`` naming what it corrects).
HUT_DOCUMENT = declare(RecordKind(
    "hut_document", Scope.VILLAGE, Merge.APPEND,
    fields={"village_code": VILLAGE_CODE, "kind": choice(DocumentKind), "number": text(32),
            "happened_on": DATE, "posted_on": DATE, "month": Text(7, pattern=_MONTH, blank=False),
            "donor_id": ref("donor"), "recipient_kind": choice(RecipientKind, blank=True),
            "household_id": ref("household"), "activity_id": ref("activity"), "to_village_code": OPTIONAL_REGION,
            "transfer_id": ref("transfer"), "corrects_id": ref("hut_document"), "cash_amount": MONEY,
            "cash_charity": text(200), "cash_receipt": text(64), "notes": NOTES, "recorded_by_name": text(64)},
    parents={"donor_id": "donor", "household_id": "household"},
))

# One line of a posted document on the ledger: a signed quantity of one item.  Stock on hand is their sum.
# What arrived of a transfer's line is named by that line, so two PCs confirming it never double it.
STOCK_MOVEMENT = declare(RecordKind(
    "stock_movement", Scope.VILLAGE, Merge.APPEND,
    fields={"village_code": VILLAGE_CODE, "document_id": ref("hut_document"), "item_id": ref("item"),
            "kind": choice(DocumentKind), "happened_on": DATE, "quantity": QUANTITY,
            "unit_value": MONEY, "condition": choice(Condition, blank=True), "expires_on": DATE,
            "reason": choice(AdjustmentReason, blank=True), "transfer_line_id": ref("transfer_line"),
            "reverses_id": ref("stock_movement")},
    parents={"document_id": "hut_document", "item_id": "item"},
    namings=(Naming("received", ("transfer_line_id",), where=(("kind", DocumentKind.TRANSFER_IN.value),)),
             Naming("reverse", ("reverses_id",))),
))

# A transfer as the receiving hut sees it: addressed to its village, with the goods described in full (the
# sender's items are the sender's own).
TRANSFER = declare(RecordKind(
    "transfer", Scope.ADDRESSED, Merge.APPEND,
    fields={"village_code": VILLAGE_CODE, "to_village_code": VILLAGE_CODE, "number": text(32), "sent_on": DATE,
            "document_id": ref("hut_document"), "notes": NOTES, "sent_by_name": text(64)},
))

TRANSFER_LINE = declare(RecordKind(
    "transfer_line", Scope.ADDRESSED, Merge.APPEND,
    fields={"village_code": VILLAGE_CODE, "to_village_code": VILLAGE_CODE, "transfer_id": ref("transfer"),
            "item_name": text(100), "category": text(32), "unit": text(8), "city_item_id": ref("city_item"),
            "barcode": text(32), "quantity": Number(0, MAX_QUANTITY), "unit_value": MONEY,
            "condition": choice(Condition, blank=True), "expires_on": DATE},
    parents={"transfer_id": "transfer"},
))

# What arrived of one line of a transfer, written by the receiving village and addressed back to the sender: a
# difference carries its reason.  Named by the line, so a line is confirmed once however many PCs confirm it.
TRANSFER_RECEIPT = declare(RecordKind(
    "transfer_receipt", Scope.ADDRESSED, Merge.APPEND,
    fields={"village_code": VILLAGE_CODE, "to_village_code": VILLAGE_CODE, "transfer_id": ref("transfer"),
            "transfer_line_id": ref("transfer_line"), "received": Number(0, MAX_QUANTITY), "reason": NOTES,
            "received_on": DATE, "document_id": ref("hut_document"), "item_id": ref("item"),
            "received_by_name": text(64)},
    parents={"transfer_line_id": "transfer_line"},
    namings=(Naming("receipt", ("transfer_line_id",)),),
))

def receipt_partner(entity: str, village_code: str, fields: Mapping[str, Any]) -> tuple[str, str] | None:
    """What arrived of a transfer's line is one PC's confirmation: its ``transfer_receipt`` and, if anything
    arrived, its ``transfer_in`` movement, both named by the line and both naming that PC's document.  For one
    of the two, the (entity, row id) of the other; None for any other record.  The city keeps the pair of the PC
    whose record of the line reached it first, and neither record of another PC's (docs/sync-protocol.md §9)."""
    line = fields.get("transfer_line_id")
    if not line:
        return None
    if entity == TRANSFER_RECEIPT.entity:
        partner = STOCK_MOVEMENT.expected_id(village_code, {"kind": DocumentKind.TRANSFER_IN.value,
                                                            "transfer_line_id": line})
        return (STOCK_MOVEMENT.entity, partner) if partner else None
    if entity == STOCK_MOVEMENT.entity and fields.get("kind") == DocumentKind.TRANSFER_IN.value:
        partner = TRANSFER_RECEIPT.expected_id(village_code, {"transfer_line_id": line})
        return (TRANSFER_RECEIPT.entity, partner) if partner else None
    return None


# The reasons a household earns points for, and how many (the list the station admin keeps).
POINTS_RULE = declare(RecordKind(
    "points_rule", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "code": Text(32, pattern=_CODE, blank=False), "name": text(64),
            "points": whole(0, 100_000), "active": FLAG},
    namings=(Naming("points_rule", ("code",)),),
))

# A household's points ledger: earned (a rule, approved by someone), spent by an exchange, reversed.  Points
# earned for a member's service hours are named by those hours, so they are earned once.
POINTS_ENTRY = declare(RecordKind(
    "points_entry", Scope.VILLAGE, Merge.APPEND,
    fields={"village_code": VILLAGE_CODE, "household_id": ref("household"), "kind": choice(PointsKind),
            "points": whole(-10_000_000, 10_000_000), "happened_on": DATE, "rule_code": text(32),
            "reason": NOTES, "approved_by": text(64), "document_id": ref("hut_document"),
            "service_hours_id": ref("service_hours"), "reverses_id": ref("points_entry"),
            "recorded_by_name": text(64)},
    parents={"household_id": "household"},
    namings=(Naming("hours_points", ("service_hours_id",)), Naming("points_reverse", ("reverses_id",))),
))

# A month of the hut published on the public notice (公示), and so closed.
HUT_MONTH = declare(RecordKind(
    "hut_month", Scope.VILLAGE, Merge.FIELDS,
    fields={"village_code": VILLAGE_CODE, "month": Text(7, pattern=_MONTH, blank=False), "published_on": DATE,
            "published_by_name": text(64)},
    namings=(Naming("hut_month", ("month",)),),
))


# -- sync's own reports ----------------------------------------------------------------------------

# A pulled record a station could not apply, reported to the city (and the village's other PCs): which
# record, why, and which PC.  Append-only: one report per station, record and pull position.
SYNC_PROBLEM = declare(RecordKind(
    "sync_problem", Scope.VILLAGE, Merge.APPEND,
    fields={"village_code": VILLAGE_CODE, "station_id": Text(64, pattern=NODE_RE), "entity": text(32),
            "row_id": Text(MAX_ID, pattern=ID_PATTERN), "seq": Integer(0, 2**53), "reason": text(500),
            "noticed_on": DATE},
    namings=(Naming("problem", ("station_id", "entity", "row_id", "seq")),),
))


def field_checks(kind: RecordKind) -> dict[str, Callable[[Any], int]]:
    """name -> the type's check, for code that checks many changes of one kind."""
    return {name: declared.check for name, declared in {**kind.fields, DELETED: DELETED_TYPE}.items()}
