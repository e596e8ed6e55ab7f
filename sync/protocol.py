"""The sync protocol's constants and wire helpers, shared by the station's client and the city server.

docs/sync-protocol.md is the contract; the record kinds are in desktop/domain/sync_kinds.py, the error codes in
desktop/domain/sync_codes.py.
"""

from __future__ import annotations

import gzip
import io
import json
from datetime import UTC, datetime
from typing import Any

from desktop.domain.sync_codes import (
    BAD_REQUEST,
    BAD_VALUE,
    BUSY,
    CLAIMED,
    ENROLL_CODE_UNKNOWN,
    ERROR_STATUSES,
    NOT_FOUND,
    OUT_OF_SCOPE,
    REFUSAL_CODES,
    SERVER_ERROR,
    STATION_ENROLLED,
    TOO_LARGE,
    TOO_MANY_ATTEMPTS,
    UNAUTHORIZED,
    UNKNOWN_FIELD,
    UNKNOWN_KIND,
    UNKNOWN_VILLAGE,
    UPGRADE_REQUIRED,
    WRONG_VILLAGE,
)
from desktop.domain.sync_kinds import CLOCK_AHEAD, KINDS, Merge, RecordKind, Scope

# The error and refusal codes (§2) are declared beside the record kinds, in the domain the station shares
# with the server, so the station can word each for people; they are part of the protocol like the rest.
__all__ = ["BAD_REQUEST", "BAD_VALUE", "BUSY", "CLAIMED", "CLOCK_AHEAD", "ENROLL_CODE_UNKNOWN", "ERROR_STATUSES",
           "KINDS", "NOT_FOUND", "OUT_OF_SCOPE", "REFUSAL_CODES", "SERVER_ERROR", "STATION_ENROLLED", "TOO_LARGE",
           "TOO_MANY_ATTEMPTS", "UNAUTHORIZED", "UNKNOWN_FIELD", "UNKNOWN_KIND", "UNKNOWN_VILLAGE", "UPGRADE_REQUIRED",
           "WRONG_VILLAGE", "Merge", "RecordKind", "Scope"]

PROTOCOL_VERSION = 1
MIN_PROTOCOL = 1
MAX_PROTOCOL = 1

HEADER_PROTOCOL = "X-Protocol-Version"
HEADER_SCHEMA = "X-Schema-Version"
HEADER_GENERATION = "X-Sync-Generation"

MAX_PUSH_CHANGES = 500
MAX_PULL_LIMIT = 1000
DEFAULT_PULL_LIMIT = 500
# Huts in one answer of GET /api/v1/stock: a hut of a thousand items is about 130 KB of JSON.
DEFAULT_STOCK_LIMIT = 20
MAX_STOCK_LIMIT = 100
MAX_BODY_COMPRESSED = 4 * 1024 * 1024
MAX_BODY_UNCOMPRESSED = 16 * 1024 * 1024
# A pull page stops at this many bytes of changes (and at the limit of changes, whichever comes first).
MAX_PAGE_BYTES = 4 * 1024 * 1024



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
