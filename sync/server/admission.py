"""Shedding load by syncs, not by requests: a station admitted for its push keeps its seat for the pulls and
the summary that follow, and enrollment has seats of its own.

A thousand stations reconnecting at once after a power cut then queue on their side (503 busy with
Retry-After, back-off and jitter) instead of piling up threads and database connections here, and a
station that got in finishes its sync without being sent back to the queue for each page.  This is
bookkeeping of the process (who is in now), not data: several processes each admit their own share.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

STATION_PREFIX = "/api/v1/"
ENROLL_PATH = "/api/v1/enroll"
SUMMARY_PATH = "/api/v1/summary"
# A sync whose station has said nothing for this long has ended (or its PC has): its seat is free again.
SESSION_IDLE_S = 15.0
# One station has at most this many requests in flight (a retry may overtake its own first try).
PER_SESSION = 2


@dataclass
class _Session:
    last: float
    in_flight: int = 0


class Admission:
    """ASGI middleware: at most ``limit`` syncs at once (each a station's token) and ``enroll_limit``
    enrollments at once; beyond, ``busy(scope, receive, send)`` answers (503 with Retry-After)."""

    def __init__(self, app: ASGIApp, *, limit: int, enroll_limit: int,
                 busy: Callable[[Scope, Receive, Send], object], clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.limit = limit
        self.enroll_limit = enroll_limit
        self.busy = busy
        self.clock = clock
        self.sessions: dict[str, _Session] = {}  # only touched on the event loop's thread
        self.enrolling = 0
        self.anonymous = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not path.startswith(STATION_PREFIX):
            await self.app(scope, receive, send)
            return
        if path == ENROLL_PATH:
            await self._enroll(scope, receive, send)
            return
        key = _token_key(scope)
        if key is None:
            await self._anonymous(scope, receive, send)
            return
        now = self.clock()
        session = self.sessions.get(key)
        if session is None:
            self._expire(now)
            if len(self.sessions) >= self.limit:
                await self.busy(scope, receive, send)
                return
            session = self.sessions[key] = _Session(now)
        elif session.in_flight >= PER_SESSION:
            await self.busy(scope, receive, send)
            return
        session.last = now
        session.in_flight += 1
        status = [0]

        async def watched(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, watched)
        finally:
            session.in_flight -= 1
            session.last = self.clock()
            # Refused tokens hold no seat, and a sync ends with its summary.
            ended = status[0] in (401, 403, 0) or (path == SUMMARY_PATH and status[0] == 200)
            if ended and session.in_flight == 0 and self.sessions.get(key) is session:
                del self.sessions[key]

    def _expire(self, now: float) -> None:
        idle = [key for key, session in self.sessions.items()
                if session.in_flight == 0 and now - session.last > SESSION_IDLE_S]
        for key in idle:
            del self.sessions[key]

    async def _enroll(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.enrolling >= self.enroll_limit:
            await self.busy(scope, receive, send)
            return
        self.enrolling += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.enrolling -= 1

    async def _anonymous(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A request with no token is answered 401 at once; a few at a time, never in a station's seat."""
        if self.anonymous >= self.enroll_limit:
            await self.busy(scope, receive, send)
            return
        self.anonymous += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.anonymous -= 1


def _token_key(scope: Scope) -> str | None:
    """The bearer token of the request, hashed (the process keeps no token in clear)."""
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            scheme, _, token = value.partition(b" ")
            if scheme.lower() == b"bearer" and token.strip():
                return hashlib.sha256(token.strip()).hexdigest()
            return None
    return None
