"""Talking to the city server over HTTP: gzip JSON, protocol headers, retries with back-off, typed errors."""

from __future__ import annotations

import contextlib
import logging
import random
import time
from collections.abc import Callable
from typing import Any

import requests

from desktop.errors import Term
from desktop.services.sync import (
    NO_ANSWER_IN_TIME,
    NO_CONNECTION,
    AlreadyEnrolled,
    BadAddress,
    BadAnswer,
    EnrollCodeForOtherVillage,
    EnrollCodeRefused,
    ServerBusy,
    ServerRefused,
    ServerUnreachable,
    TooLarge,
    TooManyAttempts,
    Unauthorized,
    UpgradeRequired,
)
from desktop.storage.files import head_revision
from sync import protocol

log = logging.getLogger(__name__)

# The version this client speaks; a module attribute so a test can play an old station.
PROTOCOL_VERSION = protocol.PROTOCOL_VERSION

CONNECT_TIMEOUT = 10
READ_TIMEOUT = 60
BACKOFF_BASE = 1.0
BACKOFF_CAP = 300.0
RETRY_STATUSES = {429, 502, 503, 504}
# A busy server (a thousand stations reconnecting after a power cut) is waited out for this long in all
# before the sync gives up until next time; an unreachable one only for ``max_attempts`` tries.
BUSY_BUDGET_S = 15 * 60.0
# The address itself is wrong: trying again cannot help.
_UNUSABLE_ADDRESS = (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                     requests.exceptions.InvalidSchema)
# The connection failed or broke off, before or in the middle of an answer (a phone's hotspot dropping out): tried
# again, as a lost connection is.
_CONNECTION_LOST = (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError,
                    requests.exceptions.ContentDecodingError)


def retry_delay(attempt: int, retry_after: str | None, jitter: float) -> float:
    """Seconds to wait before try ``attempt + 1``: full jitter (``jitter`` in [0, 1)) on an exponential
    back-off, added on top of the server's Retry-After — never instead of it, or every station turned
    away together would come back together."""
    delay = jitter * min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (attempt - 1))
    if retry_after:
        with contextlib.suppress(ValueError):
            delay += min(BACKOFF_CAP, max(0.0, float(retry_after)))
    return delay


class SyncHttp:
    """One server, one station: every request carries the protocol headers and (after enrollment) the token."""

    def __init__(self, server_url: str, *, token: str | None = None, generation: int | None = None,
                 session: requests.Session | None = None, sleep: Callable[[float], None] = time.sleep,
                 jitter: Callable[[], float] = random.random, max_attempts: int = 6) -> None:
        self.server_url = server_url.rstrip("/")
        self.token = token
        self.generation = generation
        self.session = session or requests.Session()
        self.sleep = sleep
        self.jitter = jitter
        self.max_attempts = max_attempts
        self.sent_bytes = 0
        self.received_bytes = 0
        self.last_server_time: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {
            protocol.HEADER_PROTOCOL: str(PROTOCOL_VERSION),
            protocol.HEADER_SCHEMA: head_revision(),
            "Accept-Encoding": "gzip",
            "Accept": "application/json",
        }
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if self.generation is not None:
            headers[protocol.HEADER_GENERATION] = str(self.generation)
        return headers

    def get(self, path: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self._request("GET", path, params=params)

    def post(self, path: str, payload: Any) -> dict[str, Any]:
        return self._request("POST", path, body=protocol.encode_body(payload))

    def _request(self, method: str, path: str, *, params: dict[str, Any] | None = None,
                 body: bytes | None = None) -> dict[str, Any]:
        url = self.server_url + path
        headers = self.headers()
        if body is not None:
            headers["Content-Type"] = "application/json"
            headers["Content-Encoding"] = "gzip"
        attempt = 0
        busy_waited = 0.0
        while True:
            attempt += 1
            try:
                response = self.session.request(method, url, params=params, data=body, headers=headers,
                                                timeout=(CONNECT_TIMEOUT, READ_TIMEOUT))
                content = response.content  # read it all here, so a cut body counts as a connection error
            except _UNUSABLE_ADDRESS as exc:  # an address requests cannot even try (no host, a typo)
                log.warning("city server address %s not usable: %s", self.server_url, exc)
                raise BadAddress(server=self.server_url) from exc
            except _CONNECTION_LOST as exc:
                if attempt >= self.max_attempts:
                    log.warning("city server %s unreachable: %s", self.server_url, exc)
                    raise ServerUnreachable(server=self.server_url, reason=_reason(exc)) from exc
                self._wait(attempt, None)
                continue
            except requests.RequestException as exc:  # redirected round in circles, a header it cannot read …
                raise self.bad_answer(f"{type(exc).__name__}: {exc}") from exc
            self.sent_bytes += len(body or b"") + len(url)
            self.received_bytes += int(response.headers.get("Content-Length") or len(content))
            if response.status_code == 429 and _error_code(content) == protocol.TOO_MANY_ATTEMPTS:
                # Wrong enrollment codes: trying the same one again only makes the wait longer.
                raise TooManyAttempts(seconds=_seconds(response.headers.get("Retry-After")))
            if response.status_code in RETRY_STATUSES:
                if busy_waited >= BUSY_BUDGET_S:
                    log.warning("city server %s still busy (HTTP %s)", self.server_url, response.status_code)
                    raise ServerBusy()
                busy_waited += self._wait(attempt, response.headers.get("Retry-After"))
                continue
            return self._answer(response, content)

    def _wait(self, attempt: int, retry_after: str | None) -> float:
        """Sleep before the next try and return how long."""
        delay = retry_delay(attempt, retry_after, self.jitter())
        log.info("city server busy or unreachable; retrying in %.1f s (attempt %d)", delay, attempt)
        self.sleep(delay)
        return delay

    def _answer(self, response: requests.Response, content: bytes) -> dict[str, Any]:
        status = response.status_code
        try:
            data = protocol.decode_body(content, compressed=False) if content else None
        except (ValueError, UnicodeDecodeError):
            data = None
        if status == 200:
            if not isinstance(data, dict):
                raise self.bad_answer("not JSON" if data is None else "wrong shape")
            if isinstance(data.get("server_time"), str):
                self.last_server_time = data["server_time"]
            return data
        error = data if isinstance(data, dict) else {}
        code = str(error.get("error", ""))
        message = str(error.get("message") or response.reason or "")
        # The server's own words are for the log; people get this station's words for the code.
        log.warning("city server answered %s %s: %s", status, code, message)
        if status == 426 or code == protocol.UPGRADE_REQUIRED:
            newest = error.get("max_protocol")
            raise UpgradeRequired(station_newer=isinstance(newest, int) and newest < PROTOCOL_VERSION)
        if status == 401 or code == protocol.UNAUTHORIZED:
            raise Unauthorized()
        if code == protocol.ENROLL_CODE_UNKNOWN:
            raise EnrollCodeRefused()
        if code == protocol.WRONG_VILLAGE:
            village = error.get("village")
            raise EnrollCodeForOtherVillage(village=village if isinstance(village, dict) else {})
        if code == protocol.STATION_ENROLLED:
            raise AlreadyEnrolled()
        if status == 413:
            raise TooLarge()
        if not error:
            raise self.bad_answer(f"HTTP {status}, not JSON")
        raise ServerRefused(server=self.server_url, status=status, code=code, message=message)

    def bad_answer(self, detail: str) -> BadAnswer:
        """The error for an answer that is not what the protocol says, ``detail`` logged."""
        log.warning("city server %s gave an answer not understood: %s", self.server_url, detail)
        return BadAnswer(server=self.server_url, detail=detail)


def _error_code(content: bytes) -> str:
    try:
        data = protocol.decode_body(content, compressed=False) if content else None
    except (ValueError, UnicodeDecodeError):
        return ""
    return str(data.get("error", "")) if isinstance(data, dict) else ""


def _seconds(value: str | None) -> int:
    try:
        return max(1, int(float(value or "0")))
    except ValueError:
        return 60


def _reason(exc: Exception) -> Term:
    return NO_ANSWER_IN_TIME if isinstance(exc, requests.Timeout) else NO_CONNECTION
