"""Shedding load by syncs, not by requests: a station admitted for its push keeps its seat for the pulls and
the summary that follow, and enrollment has seats of its own.

A station that finds every seat taken waits a moment in a short queue (a waiting coroutine holds no
thread and no database connection) and takes the first seat that frees, in the order they came; only
when the queue is full too, or the wait runs out, is it answered 503 busy with Retry-After, to queue on
its side with back-off and jitter.  So a thousand stations reconnecting at once after a power cut keep
every seat busy without piling up threads here, and a station that got in finishes its sync without
being sent back to the queue for each page.  This is bookkeeping of the process (who is in now), not
data: several processes each admit their own share.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

STATION_PREFIX = "/api/v1/"
ENROLL_PATH = "/api/v1/enroll"
SUMMARY_PATH = "/api/v1/summary"
COVERAGE_PATH = "/api/v1/coverage"  # one request, not a sync: its seat frees with its answer
# A sync whose station has said nothing for this long has ended (or its PC has): its seat is free again.
SESSION_IDLE_S = 15.0
# One station has at most this many requests in flight (a retry may overtake its own first try).
PER_SESSION = 2
# How long a station waits for a seat before it is told to come back later, and how many may wait.
QUEUE_WAIT_S = 3.0
QUEUE_PER_SEAT = 4


@dataclass
class _Session:
    last: float
    in_flight: int = 0


class Admission:
    """ASGI middleware: at most ``limit`` syncs at once (each a station's token) and ``enroll_limit``
    enrollments at once; beyond, ``busy(scope, receive, send)`` answers (503 with Retry-After)."""

    def __init__(self, app: ASGIApp, *, limit: int, enroll_limit: int,
                 busy: Callable[[Scope, Receive, Send], object], clock: Callable[[], float] = time.monotonic,
                 wait_s: float = QUEUE_WAIT_S) -> None:
        self.app = app
        self.limit = limit
        self.enroll_limit = enroll_limit
        self.busy = busy
        self.clock = clock
        self.wait_s = wait_s
        self.sessions: dict[str, _Session] = {}  # only touched on the event loop's thread
        self.waiting: deque[tuple[str, asyncio.Future[None]]] = deque()  # stations waiting for a seat, in order
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
            if len(self.sessions) < self.limit and not self.waiting:
                session = self.sessions[key] = _Session(now)
            else:
                session = await self._wait_for_seat(key)
                if session is None:
                    await self.busy(scope, receive, send)
                    return
        elif session.in_flight >= PER_SESSION:
            await self.busy(scope, receive, send)
            return
        session.last = self.clock()
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
            ended = status[0] in (401, 403, 0) or (path in (SUMMARY_PATH, COVERAGE_PATH) and status[0] == 200)
            if ended and session.in_flight == 0 and self.sessions.get(key) is session:
                self._free(key)

    async def _wait_for_seat(self, key: str) -> _Session | None:
        """Queue for the next free seat; None when the queue is full or the wait ran out."""
        if self.wait_s <= 0 or len(self.waiting) >= self.limit * QUEUE_PER_SEAT:
            return None
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.waiting.append((key, turn))
        try:
            await asyncio.wait_for(asyncio.shield(turn), self.wait_s)
        except TimeoutError:
            if turn.done() and not turn.cancelled():
                return self.sessions.get(key)  # the seat came just as the wait ran out
            turn.cancel()
            return None
        return self.sessions.get(key)

    def _free(self, key: str) -> None:
        """A sync has ended: its seat goes to the first station still waiting."""
        del self.sessions[key]
        while self.waiting and len(self.sessions) < self.limit:
            waiter, turn = self.waiting.popleft()
            if turn.done():
                continue  # it stopped waiting
            existing = self.sessions.get(waiter)
            if existing is None:
                self.sessions[waiter] = _Session(self.clock())
            turn.set_result(None)

    def _expire(self, now: float) -> None:
        idle = [key for key, session in self.sessions.items()
                if session.in_flight == 0 and now - session.last > SESSION_IDLE_S]
        for key in idle:
            self._free(key)

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
