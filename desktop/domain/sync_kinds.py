"""Which records sync, and how: each kind of record declares its scope and its merge rule.

Shared, pure rules: the station's storage, the station's sync client and the city server all read
these declarations.  A new area declares its kind here (and its model points ``__sync__`` at it)
and gets sync; docs/sync-protocol.md explains the rules.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field


class Scope(enum.StrEnum):
    VILLAGE = "village"      # written by the village's stations, read by them (and the city)
    CITY = "city"            # reference data written by the city, read by every station
    ADDRESSED = "addressed"  # written by one village, read by it and by the village it is addressed to


class Merge(enum.StrEnum):
    FIELDS = "fields"  # field by field, the later clock stamp wins; a concurrent loser is kept for review
    APPEND = "append"  # insert-only (ledger movements, service hours): never changed, never refused
    CLAIM = "claim"    # the server decides: the first claim on a target wins, later ones are refused


@dataclass(frozen=True)
class RecordKind:
    entity: str
    scope: Scope
    merge: Merge
    fields: tuple[str, ...]
    # field -> entity it points at; a record whose parent has not arrived yet is held, not dropped
    parents: dict[str, str] = field(default_factory=dict)
    # for CLAIM kinds: the field naming what is claimed (one winner per value)
    claim_target: str | None = None

    def __post_init__(self) -> None:
        if self.scope in (Scope.VILLAGE, Scope.ADDRESSED) and "village_code" not in self.fields:
            raise ValueError(f"{self.entity}: village and addressed records carry village_code")
        if self.scope == Scope.ADDRESSED and "to_village_code" not in self.fields:
            raise ValueError(f"{self.entity}: addressed records carry to_village_code")
        if self.merge == Merge.CLAIM and self.claim_target not in self.fields:
            raise ValueError(f"{self.entity}: a claim names its target field")


KINDS: dict[str, RecordKind] = {}


def declare(kind: RecordKind) -> RecordKind:
    existing = KINDS.get(kind.entity)
    if existing is not None and existing != kind:
        raise ValueError(f"record kind {kind.entity} declared twice, differently")
    KINDS[kind.entity] = kind
    return kind


VILLAGE_PROFILE = declare(RecordKind(
    "village_profile", Scope.VILLAGE, Merge.FIELDS,
    fields=("village_code", "station_name", "contact_name", "contact_phone", "address", "office_hours",
            "notes"),
))

# A value that lost to a concurrent edit of the same field, kept until a person has looked at it.
CONFLICT = declare(RecordKind(
    "conflict", Scope.VILLAGE, Merge.FIELDS,
    fields=("village_code", "entity", "row_id", "field", "kept_value", "kept_stamp", "lost_value",
            "lost_stamp", "lost_station", "resolved", "resolution"),
))

# Reference data from the city.
REGION = declare(RecordKind(
    "region", Scope.CITY, Merge.FIELDS, fields=("code", "name", "level", "parent_code"),
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
    fields=("village_code", "name", "gender", "birth_date", "id_number", "phone", "address",
            "political_status", "skills", "volunteer_number", "registered_on", "status", "notes",
            "merged_into"),
))

TEAM = declare(RecordKind(
    "team", Scope.VILLAGE, Merge.FIELDS,
    fields=("village_code", "name", "kind", "description", "active"),
))

TEAM_MEMBER = declare(RecordKind(
    "team_member", Scope.VILLAGE, Merge.FIELDS,
    fields=("village_code", "team_id", "volunteer_id", "role", "joined_on"),
    parents={"team_id": "team", "volunteer_id": "volunteer"},
))

ACTIVITY = declare(RecordKind(
    "activity", Scope.VILLAGE, Merge.FIELDS,
    fields=("village_code", "kind", "title", "date", "start_time", "end_time", "place", "team_id",
            "description", "trained", "status", "closed_on"),
    parents={"team_id": "team"},
))

# One person on an activity: on its roster (a Lei Feng post shift, say) and/or signed in.
PARTICIPANT = declare(RecordKind(
    "participant", Scope.VILLAGE, Merge.FIELDS,
    fields=("village_code", "activity_id", "volunteer_id", "rostered", "attended", "start_time",
            "end_time"),
    parents={"activity_id": "activity", "volunteer_id": "volunteer"},
))

# Service hours are a ledger: credited, added or reversed, never edited.
SERVICE_HOURS = declare(RecordKind(
    "service_hours", Scope.VILLAGE, Merge.APPEND,
    fields=("village_code", "volunteer_id", "kind", "hours", "served_on", "content", "activity_id",
            "reverses_id", "reason", "recorded_by_name"),
    parents={"volunteer_id": "volunteer"},
))

# A volunteer announced at a star level, so the next list shows only who has risen since.
STAR_NOTICE = declare(RecordKind(
    "star_notice", Scope.VILLAGE, Merge.APPEND,
    fields=("village_code", "volunteer_id", "level", "noticed_on"),
    parents={"volunteer_id": "volunteer"},
))

# The certificate issue register: one entry per printed certificate (a reprint is its own entry).
CERTIFICATE = declare(RecordKind(
    "certificate", Scope.VILLAGE, Merge.APPEND,
    fields=("village_code", "volunteer_id", "number", "issued_on", "period_from", "period_to", "hours",
            "content", "issuer", "name", "id_shown", "volunteer_number", "reprint_of", "issued_by_name"),
    parents={"volunteer_id": "volunteer"},
))

NOMINATION = declare(RecordKind(
    "nomination", Scope.VILLAGE, Merge.FIELDS,
    fields=("village_code", "volunteer_id", "name", "category", "deeds", "nominated_by", "nominated_on",
            "status", "notice_from", "notice_to", "decided_on", "decision_note"),
    parents={"volunteer_id": "volunteer"},
))
