"""The sync protocol's constants and wire helpers, shared by the station's client and the city server.

docs/sync-protocol.md is the contract; the record kinds are in desktop/domain/sync_kinds.py.
"""

from __future__ import annotations

import gzip
import io
import json
from datetime import UTC, datetime
from typing import Any

from desktop.domain.sync_kinds import CLOCK_AHEAD, KINDS, Merge, RecordKind, Scope

__all__ = ["CLOCK_AHEAD", "KINDS", "Merge", "RecordKind", "Scope"]

PROTOCOL_VERSION = 1
MIN_PROTOCOL = 1
MAX_PROTOCOL = 1

HEADER_PROTOCOL = "X-Protocol-Version"
HEADER_SCHEMA = "X-Schema-Version"
HEADER_GENERATION = "X-Sync-Generation"

MAX_PUSH_CHANGES = 500
MAX_PULL_LIMIT = 1000
DEFAULT_PULL_LIMIT = 500
MAX_BODY_COMPRESSED = 4 * 1024 * 1024
MAX_BODY_UNCOMPRESSED = 16 * 1024 * 1024
# A pull page stops at this many bytes of changes (and at the limit of changes, whichever comes first).
MAX_PAGE_BYTES = 4 * 1024 * 1024

# Error codes (docs/sync-protocol.md §2).
BAD_REQUEST = "bad_request"
UNAUTHORIZED = "unauthorized"
OUT_OF_SCOPE = "out_of_scope"
ENROLL_CODE_UNKNOWN = "enroll_code_unknown"
TOO_LARGE = "too_large"
UPGRADE_REQUIRED = "upgrade_required"
BUSY = "busy"
STATION_ENROLLED = "station_enrolled"
SERVER_ERROR = "server_error"
WRONG_VILLAGE = "enroll_code_other_village"
TOO_MANY_ATTEMPTS = "too_many_attempts"
# Per-change rejection codes in a push answer.
UNKNOWN_KIND = "unknown_kind"
UNKNOWN_FIELD = "unknown_field"
BAD_VALUE = "bad_value"      # a field of the wrong type, too long, or otherwise not what its kind declares
CLAIMED = "claimed"


def encode_body(payload: Any) -> bytes:
    """JSON, UTF-8, gzip: what travels in a request or answer body."""
    return gzip.compress(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
                         compresslevel=6)


def decode_body(data: bytes, *, compressed: bool = True, limit: int = MAX_BODY_UNCOMPRESSED) -> Any:
    """The inverse of ``encode_body``; refuses bodies that unpack beyond ``limit`` bytes."""
    if compressed:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as unpacked:
            raw = unpacked.read(limit + 1)
        if len(raw) > limit:
            raise ValueError("body too large")
    else:
        raw = data
    try:
        return json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise ValueError("nested too deeply") from None


def wire_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_wire_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def kind_of(entity: str) -> RecordKind | None:
    return KINDS.get(entity)
