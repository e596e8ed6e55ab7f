"""The city server's HTTP API (docs/sync-protocol.md §2–3): health, enroll, push, pull and summary.

The process keeps no state but its database engine (and a count of requests in flight, for shedding
load), so several processes can serve one PostgreSQL database behind a load balancer.
"""

from __future__ import annotations

import logging
import os
import zlib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from sync.protocol import (
    BAD_REQUEST,
    BUSY,
    DEFAULT_PULL_LIMIT,
    ENROLL_CODE_UNKNOWN,
    HEADER_GENERATION,
    HEADER_PROTOCOL,
    HEADER_SCHEMA,
    MAX_BODY_COMPRESSED,
    MAX_BODY_UNCOMPRESSED,
    MAX_PROTOCOL,
    MAX_PULL_LIMIT,
    MIN_PROTOCOL,
    TOO_LARGE,
    UNAUTHORIZED,
    UPGRADE_REQUIRED,
    decode_body,
    encode_body,
    wire_time,
)
from sync.server import stations
from sync.server.database import ENV_DATABASE_URL, make_engine, utcnow
from sync.server.ingest import BatchTooLarge, MalformedBatch, apply_push
from sync.server.reading import pull, summarise

log = logging.getLogger(__name__)

DEFAULT_MAX_CONCURRENT = 32
DEFAULT_RETRY_AFTER_S = 5
DRAIN_LIMIT = 64 * 1024 * 1024
ENV_MAX_CONCURRENT = "CITY_SERVER_MAX_CONCURRENT"
ENV_RETRY_AFTER = "CITY_SERVER_RETRY_AFTER"


class ApiError(Exception):
    """An answer of the error table: ``{"error": code, "message": ...}`` plus any extra keys."""

    def __init__(self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None,
                 **extra: Any) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers, self.extra = status, code, message, headers, extra


def answer(request: Request | None, payload: dict[str, Any], status: int = 200,
           headers: dict[str, str] | None = None) -> Response:
    """A JSON answer with ``server_time``, gzip-compressed when the request accepts it."""
    body = {**payload, "server_time": wire_time(datetime.now(UTC))}
    accepts = request.headers.get("accept-encoding", "") if request is not None else ""
    if "gzip" in accepts.lower():
        return Response(encode_body(body), status_code=status, media_type="application/json",
                        headers={**(headers or {}), "Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
    return JSONResponse(body, status_code=status, headers=headers)


def error_answer(request: Request | None, error: ApiError) -> Response:
    return answer(request, {"error": error.code, "message": error.message, **error.extra}, error.status,
                  error.headers)


def busy(retry_after_s: int) -> ApiError:
    return ApiError(503, BUSY, "The city server is busy. Try again in a little while.",
                    headers={"Retry-After": str(retry_after_s)})


class ConcurrencyCap:
    """Sheds load: past ``limit`` sync requests in flight in this process, answer 503 busy with Retry-After.

    A thousand stations reconnecting at once then queue on their side (with back-off and jitter)
    instead of piling up threads and database connections here.
    """

    def __init__(self, app: ASGIApp, *, limit: int, retry_after_s: int) -> None:
        self.app = app
        self.limit = limit
        self.retry_after_s = retry_after_s
        self.active = 0  # only touched on the event loop's thread

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/v1/"):
            await self.app(scope, receive, send)
            return
        if self.active >= self.limit:
            await error_answer(Request(scope), busy(self.retry_after_s))(scope, receive, send)
            return
        self.active += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.active -= 1


# -- reading requests -----------------------------------------------------------------------------------

def protocol_version(request: Request) -> int:
    """The request's protocol version; outside the supported range is 426 with a plain message."""
    value = request.headers.get(HEADER_PROTOCOL)
    try:
        version = int(value) if value is not None else None
    except ValueError:
        version = None
    if version is None:
        raise ApiError(400, BAD_REQUEST, f"The request does not say its protocol version ({HEADER_PROTOCOL}).")
    if not MIN_PROTOCOL <= version <= MAX_PROTOCOL:
        if version < MIN_PROTOCOL:
            message = (f"This version of Village Station is too old for the city server (sync protocol {version}; "
                       f"the server accepts {MIN_PROTOCOL} to {MAX_PROTOCOL}). Install the new version of "
                       "Village Station; until then it keeps working offline and keeps every change.")
        else:
            message = (f"This version of Village Station is newer than the city server (sync protocol {version}; "
                       f"the server accepts {MIN_PROTOCOL} to {MAX_PROTOCOL}). The city server must be updated "
                       "first; until then the station keeps working offline and keeps every change.")
        raise ApiError(426, UPGRADE_REQUIRED, message, min_protocol=MIN_PROTOCOL, max_protocol=MAX_PROTOCOL)
    return version


def sync_generation(request: Request) -> int | None:
    value = request.headers.get(HEADER_GENERATION)
    if value is None:
        return None
    try:
        generation = int(value)
    except ValueError:
        generation = -1
    if generation < 0:
        raise ApiError(400, BAD_REQUEST, f"{HEADER_GENERATION} must be a whole number.")
    return generation


def schema_version(request: Request) -> str | None:
    value = request.headers.get(HEADER_SCHEMA)
    return value[:32] if value else None


def too_large(detail: str) -> ApiError:
    return ApiError(413, TOO_LARGE, f"The request is too large: {detail} Send smaller batches.")


async def read_json(request: Request) -> Any:
    """The body: gzip JSON (or plain JSON), within the size limits (413 beyond)."""
    encoding = request.headers.get("content-encoding", "").strip().lower()
    if encoding not in ("", "identity", "gzip"):
        raise ApiError(400, BAD_REQUEST, f"Request bodies are gzip JSON, not {encoding}.")
    compressed = encoding == "gzip"
    wire_limit = MAX_BODY_COMPRESSED if compressed else MAX_BODY_UNCOMPRESSED
    # An oversized body is still read (up to a point) before the 413, so the station gets the answer
    # rather than a connection reset in the middle of its upload.
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > DRAIN_LIMIT:
        raise too_large(f"{int(declared)} bytes, over the limit of {wire_limit}.")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > DRAIN_LIMIT:
            break
        if size <= wire_limit:
            chunks.append(chunk)
    if size > wire_limit:
        raise too_large(f"over the limit of {wire_limit} bytes.")
    try:
        return decode_body(b"".join(chunks), compressed=compressed, limit=MAX_BODY_UNCOMPRESSED)
    except ValueError as exc:
        if exc.args == ("body too large",):
            raise too_large(f"it unpacks to more than {MAX_BODY_UNCOMPRESSED} bytes.") from None
        raise ApiError(400, BAD_REQUEST, "The request body is not JSON.") from None
    except (OSError, EOFError, zlib.error):
        raise ApiError(400, BAD_REQUEST, "The request body is not valid gzip.") from None


def query_int(request: Request, name: str, default: int, *, low: int) -> int:
    value = request.query_params.get(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        number = low - 1
    if number < low:
        raise ApiError(400, BAD_REQUEST, f"{name} must be a whole number of at least {low}.")
    return number


# -- the app --------------------------------------------------------------------------------------------

def create_app(database_url: str, *, max_concurrent: int = DEFAULT_MAX_CONCURRENT,
               retry_after_s: int = DEFAULT_RETRY_AFTER_S, engine: Engine | None = None) -> FastAPI:
    """The city server for the (already migrated) database at ``database_url``."""
    # One connection per request in flight, and a few for health checks.
    engine = engine or make_engine(database_url, pool_size=min(max_concurrent, 10),
                                   max_overflow=max(max_concurrent - 10, 0) + 5)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(title="Village Station city server", docs_url=None, redoc_url=None, openapi_url=None,
                  lifespan=lifespan)
    app.state.engine = engine
    app.add_middleware(ConcurrencyCap, limit=max_concurrent, retry_after_s=retry_after_s)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, error: ApiError) -> Response:
        return error_answer(request, error)

    @app.exception_handler(OperationalError)
    async def _database_busy(request: Request, error: OperationalError) -> Response:
        # A locked SQLite file or a PostgreSQL that is restarting: the station retries later.
        log.warning("database not available for %s: %s", request.url.path, error)
        return error_answer(request, busy(retry_after_s))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, error: StarletteHTTPException) -> Response:
        code = "not_found" if error.status_code == 404 else BAD_REQUEST
        return error_answer(request, ApiError(error.status_code, code, str(error.detail)))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, _error: RequestValidationError) -> Response:
        return error_answer(request, ApiError(400, BAD_REQUEST, "The request is malformed."))

    def authenticated(request: Request) -> stations.Caller:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        caller = stations.authenticate(engine, token.strip()) if scheme.lower() == "bearer" and token else None
        if caller is None:
            raise ApiError(401, UNAUTHORIZED, "This station is not enrolled with the city server, or its "
                                              "enrollment was withdrawn. Ask the city office for a new "
                                              "enrollment code and enroll again.")
        return caller

    async def in_thread(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return await run_in_threadpool(function, *args, **kwargs)

    @app.get("/api/health")
    async def health(request: Request) -> Response:
        def ping() -> None:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))

        await in_thread(ping)
        return answer(request, {"status": "ok", "protocol": {"min": MIN_PROTOCOL, "max": MAX_PROTOCOL}})

    @app.post("/api/v1/enroll")
    async def enroll(request: Request) -> Response:
        version = protocol_version(request)
        body = await read_json(request)
        if not isinstance(body, dict):
            raise ApiError(400, BAD_REQUEST, "An enrollment is {code, station_id, app_version}.")
        code, station_id, app_version = body.get("code"), body.get("station_id"), body.get("app_version")
        if not (isinstance(station_id, str) and 0 < len(station_id) <= 36):
            raise ApiError(400, BAD_REQUEST, "station_id must be the station's id (at most 36 characters).")
        if app_version is not None and not isinstance(app_version, str):
            raise ApiError(400, BAD_REQUEST, "app_version must be text.")
        if not isinstance(code, str):
            raise ApiError(400, BAD_REQUEST, "code must be the enrollment code.")
        try:
            enrolled = await in_thread(stations.enroll, engine, code=code, station_id=station_id,
                                       app_version=(app_version or "")[:32] or None, protocol_version=version,
                                       schema_version=schema_version(request))
        except stations.EnrollRefused:
            raise ApiError(404, ENROLL_CODE_UNKNOWN,
                           "This enrollment code is not known, has been used already or has expired. "
                           "Ask the city office for a new code.") from None
        log.info("station %s enrolled for village %s", station_id, enrolled.village.code)
        return answer(request, {"station_id": enrolled.station_id, "token": enrolled.token,
                                "village": enrolled.village.as_wire(),
                                "regions": [region.as_wire() for region in enrolled.regions]})

    @app.post("/api/v1/push")
    async def push(request: Request) -> Response:
        version = protocol_version(request)
        generation = sync_generation(request)
        caller = await in_thread(authenticated, request)
        body = await read_json(request)
        try:
            result = await in_thread(apply_push, engine, caller, body, generation=generation,
                                     protocol_version=version, schema_version=schema_version(request))
        except MalformedBatch as exc:
            raise ApiError(400, BAD_REQUEST, str(exc)) from None
        except BatchTooLarge as exc:
            raise too_large(str(exc)) from None
        return answer(request, {"accepted": result.accepted,
                                "rejected": [rejection.as_wire() for rejection in result.rejected],
                                "generation": result.generation.generation, "refetch": result.generation.refetch})

    @app.get("/api/v1/pull")
    async def pull_changes(request: Request) -> Response:
        version = protocol_version(request)
        generation = sync_generation(request)
        after = query_int(request, "after", 0, low=0)
        limit = min(query_int(request, "limit", DEFAULT_PULL_LIMIT, low=1), MAX_PULL_LIMIT)
        include_own = request.query_params.get("include_own", "").lower() in ("1", "true", "yes")
        caller = await in_thread(authenticated, request)
        page = await in_thread(pull, engine, caller, after=after, limit=limit, include_own=include_own,
                               generation=generation, protocol_version=version,
                               schema_version=schema_version(request))
        return answer(request, {"changes": page.changes, "last_seq": page.last_seq, "more": page.more,
                                "generation": page.generation.generation, "refetch": page.generation.refetch})

    @app.get("/api/v1/summary")
    async def summary(request: Request) -> Response:
        version = protocol_version(request)
        caller = await in_thread(authenticated, request)
        await in_thread(stations.note_read, engine, caller, generation=None, protocol_version=version,
                        schema_version=schema_version(request), now=utcnow())
        result = await in_thread(summarise, engine, caller)
        return answer(request, {"counts": result.counts, "checksums": result.checksums,
                                "last_seq": result.last_seq})

    return app


def app_from_environment() -> FastAPI:
    """The app for ``uvicorn --factory`` (what ``city-server serve`` starts in each worker process)."""
    url = os.environ.get(ENV_DATABASE_URL)
    if not url:
        raise RuntimeError(f"{ENV_DATABASE_URL} is not set; start the server with city-server serve")
    return create_app(url, max_concurrent=int(os.environ.get(ENV_MAX_CONCURRENT, DEFAULT_MAX_CONCURRENT)),
                      retry_after_s=int(os.environ.get(ENV_RETRY_AFTER, DEFAULT_RETRY_AFTER_S)))
