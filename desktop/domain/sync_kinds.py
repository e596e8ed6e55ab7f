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
