"""The city server's HTTP API (docs/sync-protocol.md §2–3): health, enroll, push, pull and summary, and the
OpenAPI document that describes them (``/api/openapi.json``).

The process keeps no state but its database engine and who is being served right now (for shedding
load, sync/server/admission.py), so several processes can serve one PostgreSQL database behind a load
balancer.  Every bad request is answered 4xx with a plain sentence; nothing a station sends can make
a 5xx, and no record value is ever written to the log.
"""

from __future__ import annotations

import asyncio
import logging
import os
import traceback
import zlib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Header, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from desktop.domain.sync_kinds import REGION_CODE, is_id
from sync.protocol import (
    BAD_REQUEST,
    BUSY,
    DEFAULT_PULL_LIMIT,
    DEFAULT_STOCK_LIMIT,
    ENROLL_CODE_UNKNOWN,
    HEADER_GENERATION,
    HEADER_PROTOCOL,
    HEADER_SCHEMA,
    MAX_BODY_COMPRESSED,
    MAX_BODY_UNCOMPRESSED,
    MAX_PROTOCOL,
    MAX_PULL_LIMIT,
    MAX_STOCK_LIMIT,
    MIN_PROTOCOL,
    NOT_FOUND,
    SERVER_ERROR,
    STATION_ENROLLED,
    TOO_LARGE,
    TOO_MANY_ATTEMPTS,
    UNAUTHORIZED,
    UPGRADE_REQUIRED,
    WRONG_VILLAGE,
    decode_body,
    encode_body,
    wire_time,
)
from sync.server import stations, wire
from sync.server.admission import QUEUE_WAIT_S, Admission
from sync.server.coverage import city_coverage
from sync.server.database import ENV_DATABASE_URL, make_engine, utcnow
from sync.server.ingest import BatchTooLarge, MalformedBatch, apply_push
from sync.server.reading import pull, summarise
from sync.server.stock import city_stock
from sync.server.vault import ENV_KEY_FILE, Vault, key_file_for

log = logging.getLogger(__name__)

DEFAULT_MAX_CONCURRENT = 32
DEFAULT_RETRY_AFTER_S = 5
DEFAULT_ENROLL_CONCURRENT = 4
DRAIN_LIMIT = 64 * 1024 * 1024
MAX_ENROLL_BODY = 64 * 1024
# A body must arrive within this, plus a second for every 4 KiB it declares (a slow 2G link still makes
# it; a half-sent upload does not hold its seat for ever).
BODY_DEADLINE_S = 30.0
BODY_MIN_RATE = 4 * 1024
ENROLL_BODY_DEADLINE_S = 15.0
ENV_MAX_CONCURRENT = "CITY_SERVER_MAX_CONCURRENT"
ENV_RETRY_AFTER = "CITY_SERVER_RETRY_AFTER"
OPENAPI_PATH = "/api/openapi.json"


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


class Guard:
    """The outermost layer: whatever goes wrong inside becomes a plain 500 answer, and the log gets where it
    happened and what kind of error it was — never the error's text, which may quote people's data."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception as exc:
            where = "".join(traceback.format_tb(exc.__traceback__)[-3:])
            log.error("unexpected %s while serving %s\n%s", type(exc).__name__, scope.get("path", ""), where)
            if not started:
                error = ApiError(500, SERVER_ERROR, "The city server could not do this just now (an error on the "
                                                    "server). Your changes are kept; try again later.")
                await error_answer(Request(scope), error)(scope, receive, send)


def busy(retry_after_s: int) -> ApiError:
    return ApiError(503, BUSY, "The city server is busy. Try again in a little while.",
                    headers={"Retry-After": str(retry_after_s)})


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
    if not (value.isascii() and value.isdigit()) or int(value) > wire.MAX_GENERATION:
        raise ApiError(400, BAD_REQUEST, f"{HEADER_GENERATION} must be a whole number from 0 to {wire.MAX_GENERATION}.")
    return int(value)


def schema_version(request: Request) -> str | None:
    value = request.headers.get(HEADER_SCHEMA)
    return value[:32] if value and value.isascii() and value.isprintable() else None


def too_large(detail: str) -> ApiError:
    return ApiError(413, TOO_LARGE, f"The request is too large: {detail} Send smaller batches.")


async def read_json(request: Request, *, wire_limit: int | None = None, deadline_s: float = BODY_DEADLINE_S) -> Any:
    """The body: gzip JSON (or plain JSON), within the size limits (413 beyond) and its deadline (408).

    Unpacking and parsing run in a worker thread, never on the event loop that serves every station.
    """
    encoding = request.headers.get("content-encoding", "").strip().lower()
    if encoding not in ("", "identity", "gzip"):
        raise ApiError(415, BAD_REQUEST, "Request bodies are gzip JSON or plain JSON, not this encoding.")
    compressed = encoding == "gzip"
    if wire_limit is None:
        wire_limit = MAX_BODY_COMPRESSED if compressed else MAX_BODY_UNCOMPRESSED
    # An oversized body is still read (up to a point) before the 413, so the station gets the answer
    # rather than a connection reset in the middle of its upload.
    declared = request.headers.get("content-length", "")
    declared_size = int(declared) if declared.isascii() and declared.isdigit() else 0
    if declared_size > DRAIN_LIMIT:
        raise too_large(f"{declared_size} bytes, over the limit of {wire_limit}.")
    chunks: list[bytes] = []
    size = 0

    async def receive_all() -> None:
        nonlocal size
        async for chunk in request.stream():
            size += len(chunk)
            if size > DRAIN_LIMIT:
                break
            if size <= wire_limit:
                chunks.append(chunk)

    try:
        async with asyncio.timeout(deadline_s + min(declared_size, wire_limit) / BODY_MIN_RATE):
            await receive_all()
    except TimeoutError:
        raise ApiError(408, BAD_REQUEST, "The request body did not arrive in time. Try again on a better "
                                         "connection.") from None
    if size > wire_limit:
        raise too_large(f"over the limit of {wire_limit} bytes.")
    data = b"".join(chunks)
    try:
        return await run_in_threadpool(decode_body, data, compressed=compressed, limit=MAX_BODY_UNCOMPRESSED)
    except ValueError as exc:
        if exc.args == ("body too large",):
            raise too_large(f"it unpacks to more than {MAX_BODY_UNCOMPRESSED} bytes.") from None
        raise ApiError(400, BAD_REQUEST, "The request body is not JSON (or is nested too deeply).") from None
    except (OSError, EOFError, zlib.error):
        raise ApiError(400, BAD_REQUEST, "The request body is not valid gzip.") from None


def query_int(request: Request, name: str, default: int, *, low: int, high: int = wire.MAX_SEQ) -> int:
    value = request.query_params.get(name)
    if value is None or value == "":
        return default
    number = int(value) if value.isascii() and value.isdigit() else low - 1
    if not low <= number <= high:
        raise ApiError(400, BAD_REQUEST, f"{name} must be a whole number from {low} to {high}.")
    return number


# What the OpenAPI document says about the headers and the token (the endpoints read them themselves).
ProtocolHeader = Annotated[int | None, Header(alias=HEADER_PROTOCOL, description="sync protocol version")]
SchemaHeader = Annotated[str | None, Header(alias=HEADER_SCHEMA, description="the station's schema revision")]
GenerationHeader = Annotated[int | None, Header(alias=HEADER_GENERATION, ge=0, le=wire.MAX_GENERATION,
                                                description="the station's sync generation (§5)")]
Token = Annotated[HTTPAuthorizationCredentials | None, Security(HTTPBearer(auto_error=False))]
STATION_ERRORS = (400, 401, 408, 413, 415, 426, 503)


def open_vault(database_url: str, key_file: Path | str | None) -> Vault:
    """The vault of ``key_file``, else of $CITY_SERVER_KEY_FILE, else of city.key beside an SQLite database."""
    chosen = key_file or os.environ.get(ENV_KEY_FILE) or key_file_for(database_url)
    if chosen is None:
        from sync.server.vault import KeyProblem

        raise KeyProblem("A city server on PostgreSQL needs its key file: give --key-file FILE or set "
                         f"{ENV_KEY_FILE} (create it once with: city-server key create FILE).")
    return Vault.from_file(Path(chosen))


# -- the app --------------------------------------------------------------------------------------------

def create_app(database_url: str, *, key_file: Path | str | None = None, max_concurrent: int = DEFAULT_MAX_CONCURRENT,
               retry_after_s: int = DEFAULT_RETRY_AFTER_S, enroll_concurrent: int = DEFAULT_ENROLL_CONCURRENT,
               queue_wait_s: float = QUEUE_WAIT_S,
               engine: Engine | None = None, today: Callable[[], date] | None = None) -> FastAPI:
    """The city server for the (already migrated) database at ``database_url``, sealing with ``key_file``.

    ``today`` gives the server's date, by which a claim's hold is counted (Baicheng's date when not given:
    tests move it on to see a hold run out)."""
    vault = open_vault(database_url, key_file)
    # One connection per sync being served (each has at most two requests in flight), and a few for the rest.
    engine = engine or make_engine(database_url, pool_size=min(max_concurrent, 10),
                                   max_overflow=max(max_concurrent - 10, 0) + max_concurrent + 5)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(title="Village Station city server", version=str(MAX_PROTOCOL), docs_url=None, redoc_url=None,
                  openapi_url=OPENAPI_PATH, lifespan=lifespan,
                  description="The sync protocol of docs/sync-protocol.md: stations enroll, push their changes, "
                              "pull their village's, and check both sides agree.")
    app.state.engine = engine

    async def shed(scope: Scope, receive: Receive, send: Send) -> None:
        await error_answer(Request(scope), busy(retry_after_s))(scope, receive, send)

    app.add_middleware(Admission, limit=max_concurrent, enroll_limit=enroll_concurrent, busy=shed,
                       wait_s=queue_wait_s)
    app.add_middleware(Guard)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(title=app.title, version=app.version, description=app.description,
                                   routes=app.routes)
            components = document.setdefault("components", {}).setdefault("schemas", {})
            for model in wire.REQUEST_MODELS:
                schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
                components.update(schema.pop("$defs", {}))
                components[model.__name__] = schema
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, error: ApiError) -> Response:
        return error_answer(request, error)

    @app.exception_handler(OperationalError)
    async def _database_busy(request: Request, error: OperationalError) -> Response:
        # A locked SQLite file or a PostgreSQL that is restarting: the station retries later.  The
        # statement's parameters (people's data) are never logged: the engine hides them.
        log.warning("database not available for %s: %s", request.url.path, type(error.orig).__name__)
        return error_answer(request, busy(retry_after_s))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, error: StarletteHTTPException) -> Response:
        code = NOT_FOUND if error.status_code == 404 else BAD_REQUEST
        return error_answer(request, ApiError(error.status_code, code, str(error.detail)))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError) -> Response:
        where = ", ".join(sorted({".".join(str(part) for part in item.get("loc", ())[-2:])
                                  for item in error.errors()}))[:200]
        return error_answer(request, ApiError(400, BAD_REQUEST, f"The request is malformed ({where})."))

    def authenticated(request: Request) -> stations.Caller:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        token = token.strip()
        caller = stations.authenticate(engine, token) if scheme.lower() == "bearer" and token.isascii() \
            and 0 < len(token) <= 200 else None
        if caller is None:
            raise ApiError(401, UNAUTHORIZED, "This station is not enrolled with the city server, or its "
                                              "enrollment was withdrawn. Ask the city office for a new "
                                              "enrollment code and enroll again.")
        return caller

    async def in_thread(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return await run_in_threadpool(function, *args, **kwargs)

    @app.get("/api/health", response_model=None, responses={200: {"model": wire.HealthAnswer},
                                                            **wire.error_responses(503)})
    async def health(request: Request) -> Response:
        def ping() -> None:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))

        await in_thread(ping)
        return answer(request, {"status": "ok", "protocol": {"min": MIN_PROTOCOL, "max": MAX_PROTOCOL}})

    @app.post("/api/v1/enroll", response_model=None, openapi_extra=wire.json_body(wire.EnrollRequest),
              responses={200: {"model": wire.EnrollAnswer},
                         **wire.error_responses(400, 404, 408, 409, 413, 415, 426, 429, 503)})
    async def enroll(request: Request, _protocol: ProtocolHeader = None, _schema: SchemaHeader = None) -> Response:
        version = protocol_version(request)
        body = await read_json(request, wire_limit=MAX_ENROLL_BODY, deadline_s=ENROLL_BODY_DEADLINE_S)
        if not isinstance(body, dict):
            raise ApiError(400, BAD_REQUEST, "An enrollment is {code, station_id, app_version}.")
        code, station_id, app_version = body.get("code"), body.get("station_id"), body.get("app_version")
        village_code = body.get("village_code")
        if village_code is not None and not (isinstance(village_code, str) and REGION_CODE.fullmatch(village_code)):
            raise ApiError(400, BAD_REQUEST, "village_code must be the region code of the station's village.")
        if not is_id(station_id, length=36):
            raise ApiError(400, BAD_REQUEST, "station_id must be the station's id (at most 36 letters, digits "
                                             "and dashes).")
        if app_version is not None and not (isinstance(app_version, str) and app_version.isprintable()):
            raise ApiError(400, BAD_REQUEST, "app_version must be text.")
        if not (isinstance(code, str) and len(code) <= 64):
            raise ApiError(400, BAD_REQUEST, "code must be the enrollment code.")
        address = request.client.host if request.client else "unknown"
        try:
            enrolled = await in_thread(stations.enroll, engine, code=code, station_id=station_id,
                                       app_version=(app_version or "")[:32] or None, protocol_version=version,
                                       schema_version=schema_version(request), address=address[:64],
                                       village_code=village_code)
        except stations.EnrollThrottled as throttled:
            raise ApiError(429, TOO_MANY_ATTEMPTS, "Too many enrollment attempts from this address, or wrong codes "
                           f"just before. Wait {throttled.retry_after_s} seconds and check the code.",
                           headers={"Retry-After": str(throttled.retry_after_s)}) from None
        except stations.EnrollForOtherVillage as other:
            raise ApiError(409, WRONG_VILLAGE, f"This enrollment code is for another village ({other.village.name}). "
                           "Ask the city office for a code for this station's village.",
                           village=other.village.as_wire()) from None
        except stations.StationEnrolled:
            raise ApiError(409, STATION_ENROLLED,
                           "This station is enrolled with the city server already. If it must enroll again "
                           "(its enrollment was withdrawn or lost), ask the city office to allow it first.") from None
        except stations.EnrollRefused:
            raise ApiError(404, ENROLL_CODE_UNKNOWN,
                           "This enrollment code is not known, has been used already or has expired. "
                           "Ask the city office for a new code.") from None
        log.info("station %s enrolled for village %s", station_id, enrolled.village.code)
        return answer(request, {"station_id": enrolled.station_id, "token": enrolled.token,
                                "village": enrolled.village.as_wire(),
                                "regions": [region.as_wire() for region in enrolled.regions]})

    @app.post("/api/v1/push", response_model=None, openapi_extra=wire.json_body(wire.PushRequest),
              responses={200: {"model": wire.PushAnswer}, **wire.error_responses(*STATION_ERRORS)})
    async def push(request: Request, _token: Token = None, _protocol: ProtocolHeader = None,
                   _schema: SchemaHeader = None, _generation: GenerationHeader = None) -> Response:
        version = protocol_version(request)
        generation = sync_generation(request)
        caller = await in_thread(authenticated, request)
        body = await read_json(request)
        try:
            result = await in_thread(apply_push, engine, caller, body, vault=vault, generation=generation,
                                     protocol_version=version, schema_version=schema_version(request),
                                     today=today() if today is not None else None)
        except MalformedBatch as exc:
            raise ApiError(400, BAD_REQUEST, str(exc)) from None
        except BatchTooLarge as exc:
            raise too_large(str(exc)) from None
        return answer(request, {"accepted": result.accepted,
                                "rejected": [rejection.as_wire() for rejection in result.rejected],
                                "generation": result.generation.generation, "refetch": result.generation.refetch})

    @app.get("/api/v1/pull", response_model=None,
             responses={200: {"model": wire.PullAnswer}, **wire.error_responses(*STATION_ERRORS)})
    async def pull_changes(request: Request, _token: Token = None, _protocol: ProtocolHeader = None,
                           _schema: SchemaHeader = None, _generation: GenerationHeader = None,
                           after: Annotated[int, Query(ge=0, le=wire.MAX_SEQ)] = 0,
                           limit: Annotated[int, Query(ge=1, le=2**31 - 1)] = DEFAULT_PULL_LIMIT,
                           include_own: Annotated[bool, Query()] = False) -> Response:
        version = protocol_version(request)
        generation = sync_generation(request)
        caller = await in_thread(authenticated, request)
        page = await in_thread(pull, engine, caller, vault=vault, after=after, limit=min(limit, MAX_PULL_LIMIT),
                               include_own=include_own, generation=generation, protocol_version=version,
                               schema_version=schema_version(request))
        return answer(request, {"changes": page.changes, "last_seq": page.last_seq, "more": page.more,
                                "generation": page.generation.generation, "refetch": page.generation.refetch})

    @app.get("/api/v1/summary", response_model=None,
             responses={200: {"model": wire.SummaryAnswer}, **wire.error_responses(*STATION_ERRORS)})
    async def summary(request: Request, _token: Token = None, _protocol: ProtocolHeader = None,
                      _schema: SchemaHeader = None) -> Response:
        version = protocol_version(request)
        caller = await in_thread(authenticated, request)
        await in_thread(stations.note_read, engine, caller, generation=None, protocol_version=version,
                        schema_version=schema_version(request), now=utcnow())
        result = await in_thread(summarise, engine, caller)
        return answer(request, {"counts": result.counts, "checksums": result.checksums,
                                "last_seq": result.last_seq})

    # The city's coverage of "5个100" (docs/city-server.md): counts only, for any enrolled station's token.
    @app.get("/api/v1/coverage", response_model=None,
             responses={200: {"model": wire.CoverageAnswer}, **wire.error_responses(401, 503)})
    async def coverage(request: Request, _token: Token = None) -> Response:
        await in_thread(authenticated, request)
        return answer(request, await in_thread(city_coverage, engine))

    # The huts' stock on hand and in transit (docs/city-server.md): quantities only, for any enrolled station's token.
    @app.get("/api/v1/stock", response_model=None,
             responses={200: {"model": wire.StockAnswer}, **wire.error_responses(400, 401, 503)})
    async def stock(request: Request, _token: Token = None,
                    village: Annotated[str | None, Query(pattern=r"^[0-9]{6,12}$",
                                                         description="one hut: its village's code")] = None,
                    after: Annotated[str | None, Query(pattern=r"^[0-9]{6,12}$",
                                                       description="the huts after this village code: the "
                                                                   "next_after of the page before")] = None,
                    limit: Annotated[int, Query(ge=1, le=2**31 - 1, description=(
                        f"huts in the answer (default {DEFAULT_STOCK_LIMIT}, at most {MAX_STOCK_LIMIT}: a larger "
                        "limit is taken as the most"))] = DEFAULT_STOCK_LIMIT) -> Response:
        await in_thread(authenticated, request)
        return answer(request, await in_thread(city_stock, engine, village=village, after=after,
                                               limit=min(limit, MAX_STOCK_LIMIT)))

    return app


def app_from_environment() -> FastAPI:
    """The app for ``uvicorn --factory`` (what ``city-server serve`` starts in each worker process)."""
    url = os.environ.get(ENV_DATABASE_URL)
    if not url:
        raise RuntimeError(f"{ENV_DATABASE_URL} is not set; start the server with city-server serve")
    return create_app(url, max_concurrent=int(os.environ.get(ENV_MAX_CONCURRENT, DEFAULT_MAX_CONCURRENT)),
                      retry_after_s=int(os.environ.get(ENV_RETRY_AFTER, DEFAULT_RETRY_AFTER_S)))
