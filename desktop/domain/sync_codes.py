"""The city server's error codes and per-change refusal codes (docs/sync-protocol.md §2): the server answers
with them, the station words each for people in their own language (desktop/services/sync.py)."""

from __future__ import annotations

from desktop.domain.sync_kinds import CLOCK_AHEAD

# A whole request refused: ``{"error": CODE, "message": "..."}``.
BAD_REQUEST = "bad_request"
UNAUTHORIZED = "unauthorized"
OUT_OF_SCOPE = "out_of_scope"
NOT_FOUND = "not_found"
ENROLL_CODE_UNKNOWN = "enroll_code_unknown"
TOO_LARGE = "too_large"
UPGRADE_REQUIRED = "upgrade_required"
BUSY = "busy"
STATION_ENROLLED = "station_enrolled"
SERVER_ERROR = "server_error"
WRONG_VILLAGE = "enroll_code_other_village"
TOO_MANY_ATTEMPTS = "too_many_attempts"

# Every error code the server answers with, and the HTTP statuses it comes with (a 404 or 405 of a path or
# method the server does not have is ``not_found`` or ``bad_request`` too).
ERROR_STATUSES: dict[str, tuple[int, ...]] = {
    BAD_REQUEST: (400, 405, 408, 415),
    UNAUTHORIZED: (401,),
    OUT_OF_SCOPE: (403,),
    NOT_FOUND: (404,),
    ENROLL_CODE_UNKNOWN: (404,),
    STATION_ENROLLED: (409,),
    WRONG_VILLAGE: (409,),
    TOO_LARGE: (413,),
    UPGRADE_REQUIRED: (426,),
    TOO_MANY_ATTEMPTS: (429,),
    SERVER_ERROR: (500,),
    BUSY: (503,),
}

# One change refused in a push answer: ``{"change_id", "code", "reason"}``.
UNKNOWN_KIND = "unknown_kind"
UNKNOWN_FIELD = "unknown_field"
BAD_VALUE = "bad_value"      # a field of the wrong type, too long, or otherwise not what its kind declares
CLAIMED = "claimed"
UNKNOWN_VILLAGE = "unknown_village"  # addressed to a village the city's region list does not have

# Every code a push answer refuses one change with; the station sets the change aside with it (one stamped
# too far ahead, CLOCK_AHEAD, is stamped again instead), and sets aside a change too large to send as TOO_LARGE.
REFUSAL_CODES: tuple[str, ...] = (BAD_REQUEST, BAD_VALUE, UNKNOWN_KIND, UNKNOWN_FIELD, OUT_OF_SCOPE, CLAIMED,
                                  CLOCK_AHEAD, UNKNOWN_VILLAGE)
