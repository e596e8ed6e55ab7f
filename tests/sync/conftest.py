"""Shared fixtures for the sync tests: a throwaway PostgreSQL, a city database on SQLite or PostgreSQL, and the
real city server on 127.0.0.1.

- ``postgres_cluster`` (session): a private PostgreSQL cluster (``sync.server.testing.PostgresCluster``),
  started once and stopped at the end; tests needing it are skipped where PostgreSQL is not installed.
- ``server_db_url``: parametrised over ``sqlite`` and ``postgresql``: the URL of a new, empty (not yet
  migrated) city database, one per test.  Every test using it, directly or through ``live_server``,
  runs once on each.
- ``live_server``: the real app (``sync.server.app.create_app``) under uvicorn in a background thread on
  127.0.0.1 and a free port, on a migrated ``server_db_url`` with ``TEST_REGIONS_CSV`` imported.  Yields a
  ``LiveServer``: ``base_url``, enrollment codes (``make_enroll_code``), enrolled stations (``enroll``),
  and plain HTTP calls that speak the protocol (``request``, ``push``, ``pull``, ``summary``).
- ``live_server_factory``: the same, started with other app options (``max_concurrent``, ``retry_after_s``).

Village codes and wire helpers (``VILLAGE_A``, ``stamp``, ``change``) are in ``sync.server.testing``.
Test-only record kinds, for merge rules that no real kind uses yet, are declared here (entities ``test_*``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from helpers import City
from sqlalchemy import Engine, func, select

from desktop.domain.sync_kinds import (
    FLAG,
    VILLAGE_CODE,
    VILLAGE_PROFILE,
    Merge,
    RecordKind,
    Scope,
    declare,
    ref,
    text,
    whole,
)
from desktop.storage.files import head_revision
from sync.protocol import HEADER_GENERATION, HEADER_PROTOCOL, HEADER_SCHEMA, PROTOCOL_VERSION, encode_body
from sync.server import stations
from sync.server.app import create_app
from sync.server.database import make_engine, migrate
from sync.server.models import Base
from sync.server.regions import import_regions_csv
from sync.server.testing import (
    TEST_REGIONS_CSV,
    VILLAGE_A,
    PostgresCluster,
    PostgresUnavailable,
    ServerThread,
)
from sync.server.vault import Vault, create_key_file

# Kinds for rules no real area uses yet.
TEST_LEDGER = declare(RecordKind("test_ledger", Scope.VILLAGE, Merge.APPEND,
                                 fields={"village_code": VILLAGE_CODE, "item": text(64), "qty": whole(-1000, 1000)}))
TEST_TRANSFER = declare(RecordKind("test_transfer", Scope.ADDRESSED, Merge.FIELDS,
                                   fields={"village_code": VILLAGE_CODE, "to_village_code": VILLAGE_CODE,
                                           "item": text(64), "qty": whole(0, 1000), "received": FLAG}))
# village_profile's fields with a free id, for the merge rules of any record the village edits.
TEST_PROFILE = declare(RecordKind("test_profile", Scope.VILLAGE, Merge.FIELDS, fields=dict(VILLAGE_PROFILE.fields)))
TEST_WISH_CLAIM = declare(RecordKind("test_wish_claim", Scope.VILLAGE, Merge.CLAIM,
                                     fields={"village_code": VILLAGE_CODE, "wish_id": ref("test_wish"),
                                             "note": text(200)}, claim_target="wish_id"))



@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """A private PostgreSQL cluster for the whole test session.

    A machine without PostgreSQL fails these tests rather than skipping them: the sync rules must hold on
    the production database, and `.ci/run` installs it."""
    try:
        cluster = PostgresCluster()
    except PostgresUnavailable as exc:
        pytest.fail(f"{exc} Install it with: apt-get install -y postgresql")
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def server_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty city database: an SQLite file in tmp_path, or a fresh database in the test cluster."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'city.db'}"
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    return cluster.create_database(f"city_{uuid.uuid4().hex[:16]}")


@dataclass(frozen=True)
class EnrolledStation:
    station_id: str
    token: str
    village_code: str


@dataclass
class LiveServer:
    """A running city server and the means to drive it as a station and as the city office."""

    base_url: str
    database_url: str
    engine: Engine
    vault: Vault
    session: requests.Session = field(default_factory=requests.Session)

    # -- the city office ------------------------------------------------------------------------------

    def make_enroll_code(self, village_code: str = VILLAGE_A, *, days: float = 7, now: datetime | None = None) -> str:
        """A one-time code, as ``city-server enroll-code`` issues; ``now`` in the past makes expired ones."""
        return stations.issue_enroll_code(self.engine, village_code, days=days, now=now)

    def import_regions(self, csv_text: str) -> None:
        import_regions_csv(self.engine, csv_text.encode("utf-8"))

    def revoke(self, station: EnrolledStation) -> None:
        stations.revoke_station(self.engine, station.station_id)

    def records(self, entity: str) -> dict[str, dict[str, Any]]:
        """The server's current records of ``entity`` (row id -> fields), sealed values opened."""
        from desktop.domain.sync_kinds import KINDS
        from sync.server.models import Record

        sensitive = KINDS[entity].sensitive_fields if entity in KINDS else frozenset()
        with self.engine.connect() as connection:
            rows = connection.execute(select(Record.__table__).where(Record.__table__.c.entity == entity))
            return {row.row_id: self.vault.open_fields(sensitive, dict(row.fields), entity=entity, row_id=row.row_id)
                    for row in rows}

    def count(self, model: type[Base]) -> int:
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(model.__table__)).scalar_one()

    # -- the wire -------------------------------------------------------------------------------------

    def request(self, method: str, path: str, *, payload: Any = None, token: str | None = None,
                params: dict[str, Any] | None = None, headers: dict[str, str] | None = None,
                protocol: int | None = PROTOCOL_VERSION, generation: int | None = None,
                body: bytes | None = None) -> requests.Response:
        """One HTTP call as a station makes it: protocol and schema headers, bearer token, gzip JSON body."""
        sent = {HEADER_SCHEMA: head_revision()}  # as the station client sends it
        if protocol is not None:
            sent[HEADER_PROTOCOL] = str(protocol)
        if generation is not None:
            sent[HEADER_GENERATION] = str(generation)
        if token is not None:
            sent["Authorization"] = f"Bearer {token}"
        if payload is not None and body is None:
            body = encode_body(payload)
        if body is not None:
            sent["Content-Encoding"] = "gzip"
            sent["Content-Type"] = "application/json"
        sent.update(headers or {})
        return self.session.request(method, self.base_url + path, data=body, params=params, headers=sent,
                                    timeout=60)

    def enroll(self, village_code: str = VILLAGE_A, *, station_id: str | None = None) -> EnrolledStation:
        """Enroll a new station (or ``station_id`` again) for ``village_code``."""
        station_id = station_id or str(uuid.uuid4())
        response = self.request("POST", "/api/v1/enroll", payload={
            "code": self.make_enroll_code(village_code), "station_id": station_id, "app_version": "0.1.0"})
        assert response.status_code == 200, response.text
        return EnrolledStation(station_id, response.json()["token"], village_code)

    def push(self, station: EnrolledStation, changes: list[dict[str, Any]], *, batch_id: str | None = None,
             generation: int | None = None) -> dict[str, Any]:
        response = self.request("POST", "/api/v1/push", token=station.token, generation=generation,
                                payload={"batch_id": batch_id or str(uuid.uuid4()), "changes": changes})
        assert response.status_code == 200, response.text
        return response.json()

    def pull(self, station: EnrolledStation, *, after: int = 0, limit: int | None = None,
             include_own: bool = False, generation: int | None = None) -> dict[str, Any]:
        params: dict[str, Any] = {"after": after}
        if limit is not None:
            params["limit"] = limit
        if include_own:
            params["include_own"] = 1
        response = self.request("GET", "/api/v1/pull", token=station.token, params=params, generation=generation)
        assert response.status_code == 200, response.text
        return response.json()

    def pull_all(self, station: EnrolledStation, *, after: int = 0, limit: int = 1000,
                 include_own: bool = False) -> list[dict[str, Any]]:
        """Every readable change after ``after``, following ``more`` page by page."""
        changes: list[dict[str, Any]] = []
        while True:
            page = self.pull(station, after=after, limit=limit, include_own=include_own)
            changes.extend(page["changes"])
            after = page["last_seq"]
            if not page["more"]:
                return changes

    def summary(self, station: EnrolledStation) -> dict[str, Any]:
        response = self.request("GET", "/api/v1/summary", token=station.token)
        assert response.status_code == 200, response.text
        return response.json()


@pytest.fixture
def server_key_file(tmp_path: Path) -> Path:
    """The key the test's city server seals sensitive values with."""
    path = tmp_path / "city-keys" / "city.key"
    create_key_file(path)
    return path


@pytest.fixture
def live_server_factory(server_db_url: str, server_key_file: Path) -> Iterator[Callable[..., LiveServer]]:
    """Start the city server on ``server_db_url`` with app options; every one started is stopped at the end."""
    engine = make_engine(server_db_url)
    migrate(engine)
    import_regions_csv(engine, TEST_REGIONS_CSV.encode("utf-8"))
    running: list[tuple[ServerThread, LiveServer]] = []

    def start(**options: Any) -> LiveServer:
        options.setdefault("key_file", server_key_file)
        thread = ServerThread(create_app(server_db_url, **options)).start()
        server = LiveServer(thread.base_url, server_db_url, engine, Vault.from_file(server_key_file))
        running.append((thread, server))
        return server

    try:
        yield start
    finally:
        for thread, server in running:
            server.session.close()
            thread.stop()
        engine.dispose()


@pytest.fixture
def city(live_server: LiveServer) -> City:
    """The real city server on 127.0.0.1, on SQLite and on PostgreSQL (``live_server`` is parametrised)."""
    return City(live_server)


@pytest.fixture
def live_server(live_server_factory: Callable[..., LiveServer]) -> LiveServer:
    """The city server on 127.0.0.1 with default options, on SQLite and on PostgreSQL."""
    return live_server_factory()
