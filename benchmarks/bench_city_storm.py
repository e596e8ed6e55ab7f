"""A city storm: 1,014 stations (the real count) syncing at once against one city server process on loopback.

``city-server serve`` runs as its own process (one process, default ``--max-concurrent`` 32 and
``--retry-after`` 5) on 127.0.0.1 and a free port, first on SQLite, then on PostgreSQL in a throwaway
cluster (durable defaults).  Before it starts, a synthetic region list of 3 townships and 507 villages
is imported and 1,014 stations are enrolled, two per village, with the same functions ``city-server
regions import`` and ``city-server enroll-code`` call; each station's pull cursor starts at the newest
sequence number, as if it had synced the region list already.

A station is not a station database here (1,014 of them are too heavy for the machine) but a thin
protocol client: the real wire format (gzip JSON bodies, protocol headers, Bearer token), one push of
70 changes (20 edits of its village's ``village_profile``, each station of a village editing its own
two fields, and 50 rows of the tests' append kind ``test_movement``, declared in the server process
too), then pulls of 500 until ``more`` is false, then the summary.  All 1,014 start in the same
second; at most ``POOL`` HTTP requests are in flight at once (one keep-alive connection each).  A 503 /
429 / 502 / 504 or a refused connection is retried the way sync/client/http.py does (its retry_delay: full
jitter back-off from 1 s on top of Retry-After), and a station sleeping before a retry holds no connection.

Figures per database: ``wall_s`` until every station is done, ``sync_s`` p50/p99 (a station's time from
the storm's start to its summary: all start together, so this is when each one finished), request
latency p50/p99 per endpoint, ``http_status`` counts, ``retries``, ``stations_over_6_attempts`` (stations
with a request that needed more than the real client's 6 attempts: there the real client would have
given up this run), ``errors`` (failures not retried, or retried past ``MAX_ATTEMPTS``) and ``lost``
(changes the server acknowledged that its records do not hold afterwards: an append row missing or
different, or a profile field not at the newest acknowledged stamp and value).  Both must be 0.  The
baseline, in the same run on the same server and pool, is as many round trips (the storm's requests,
retries included) to ``/api/health``: the cost of the transport alone; ``ratio`` = storm wall time /
baseline wall time.
"""

from __future__ import annotations

import json
import os
import queue
import random
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from itertools import pairwise
from pathlib import Path

import requests
from timing import ROOT, child_env

from sync.client.http import retry_delay
from sync.protocol import HEADER_GENERATION, HEADER_PROTOCOL, HEADER_SCHEMA, PROTOCOL_VERSION, encode_body

VILLAGES = 507
STATIONS_PER_VILLAGE = 2
STATIONS = VILLAGES * STATIONS_PER_VILLAGE  # 1,014: the real count
TOWNSHIPS = 3
PROFILE_EDITS = 20
LINES = 50
PULL_LIMIT = 500
POOL = 96  # HTTP requests in flight at once, one keep-alive connection each
MAX_ATTEMPTS = 30  # ours; the real client waits out a busy server up to 15 min, an unreachable one 6 tries
CLIENT_ATTEMPTS = 6
RETRY_STATUSES = {429, 502, 503, 504}
STORM_TIMEOUT_S = 180.0
TARGET_RATIO = 2.5      # storm wall time over the bare round trips' wall time
TARGET_P99_RATIO = 2.0  # a station's p99 time to done over the bare round trips' p99
POSTGRES_AFTER_S = 150.0  # PostgreSQL runs too only if the SQLite part took less than this (whole run ~4-5 min)
THREAD_STACK = 256 * 1024

# The server process declares the tests' stand-in kinds before serving (one process: uvicorn with one
# worker runs the app in the process that started it).
SERVER_BOOT = ("import sys; sys.path.insert(0, 'tests/sync'); import station_kinds; "
               "from sync.server.cli import main; sys.exit(main(sys.argv[1:]))")


def regions_csv() -> str:
    lines = ["code,name,level,parent_code"]
    per_township = -(-VILLAGES // TOWNSHIPS)
    for number in range(VILLAGES):
        township = f"2208021{number // per_township + 1:02d}"
        if number % per_township == 0:
            lines.append(f"{township},第{number // per_township + 1}镇,township,220802")
        lines.append(f"{township}{number % per_township + 201:03d},第{number + 1}村,village,{township}")
    return "\n".join(lines) + "\n"


def village_codes() -> list[str]:
    return [line.split(",")[0] for line in regions_csv().splitlines()[1:] if ",village," in line]


class Station:
    """One simulated station: its identity, token and the push it makes."""

    def __init__(self, index: int, village: str, token: str, station_id: str, cursor: int, schema: str) -> None:
        self.index, self.village, self.station_id, self.cursor = index, village, station_id, cursor
        self.headers = {HEADER_PROTOCOL: str(PROTOCOL_VERSION), HEADER_SCHEMA: schema, HEADER_GENERATION: "0",
                        "Accept-Encoding": "gzip", "Accept": "application/json",
                        "Authorization": f"Bearer {token}"}
        node = station_id
        wall = 1_790_000_000_000 + index
        # Each station of a village edits its own two fields of the profile, 20 times, on its last stamp.
        names = (("contact_phone", "notes"), ("office_hours", "address"))[index % STATIONS_PER_VILLAGE]
        self.changes: list[dict] = []
        self.profile: dict[str, tuple[str, object]] = {}  # field -> (newest stamp, value) this station sent
        base: str | None = None
        for edit in range(PROFILE_EDITS):
            at = f"{wall + edit * 1000:015d}-{0:06d}-{node}"
            fields = {"village_code": village, names[0]: f"1390000{edit:04d}", names[1]: f"第{edit}次修改"}
            self.changes.append({"change_id": str(uuid.uuid4()), "entity": "village_profile", "row_id": village,
                                 "fields": fields, "stamps": dict.fromkeys(fields, at),
                                 "base": dict.fromkeys(fields, base)})
            base = at
            for name, value in fields.items():
                self.profile[name] = (at, value)
        self.lines: dict[str, dict] = {}
        for line in range(LINES):
            at = f"{wall + line:015d}-{1:06d}-{node}"
            fields = {"village_code": village, "hut": "爱心超市", "item": f"物品{line % 17}", "quantity": line % 9 - 2}
            row_id = f"{station_id[:8]}-m-{line:04d}"
            self.lines[row_id] = fields
            self.changes.append({"change_id": str(uuid.uuid4()), "entity": "test_movement", "row_id": row_id,
                                 "fields": fields, "stamps": dict.fromkeys(fields, at), "base": {}})
        self.body = encode_body({"batch_id": str(uuid.uuid4()), "changes": self.changes})
        self.acknowledged: set[str] = set()
        self.pulled = 0
        self.seen: list[int] = []  # the sequence numbers of every change its pulls brought, in order
        self.server = 0  # which server process it talks to (stations are spread over them)
        self.summary_counts: dict[str, int] = {}
        self.done_at: float | None = None
        self.error: str | None = None
        self.most_attempts = 0


class Client:
    """At most ``POOL`` requests in flight, each on a pooled keep-alive session; retries like the real client."""

    def __init__(self, base_urls: list[str], deadline: float) -> None:
        self.base_urls = base_urls
        self.deadline = deadline
        self.sessions: queue.LifoQueue[requests.Session] = queue.LifoQueue()
        for _ in range(POOL):
            self.sessions.put(requests.Session())
        self.lock = threading.Lock()
        self.status: Counter[str] = Counter()
        self.retries = 0
        self.round_trips = 0
        self.latency: dict[str, list[float]] = {}

    def close(self) -> None:
        while not self.sessions.empty():
            self.sessions.get().close()

    def request(self, station: Station | None, method: str, path: str, *, params: dict | None = None,
                body: bytes | None = None, headers: dict | None = None) -> dict:
        headers = dict(headers or {})
        if body is not None:
            headers["Content-Type"] = "application/json"
            headers["Content-Encoding"] = "gzip"
        attempt = 0
        while True:
            attempt += 1
            if station is not None:
                station.most_attempts = max(station.most_attempts, attempt)
            if time.monotonic() > self.deadline:
                raise RuntimeError(f"{path}: storm timeout")
            session = self.sessions.get()
            started = time.perf_counter()
            status: int | str
            try:
                base = self.base_urls[station.server if station is not None else self.round_trips % len(self.base_urls)]
                response = session.request(method, base + path, params=params, data=body, headers=headers,
                                           timeout=(10, 60))
                content = response.content
                status = response.status_code
            except (requests.ConnectionError, requests.Timeout) as exc:
                status, content, response = type(exc).__name__, b"", None
            finally:
                self.sessions.put(session)
            elapsed = time.perf_counter() - started
            with self.lock:
                self.round_trips += 1
                self.status[str(status)] += 1
                self.latency.setdefault(path, []).append(elapsed)
            if status == 200:
                return json.loads(content.decode("utf-8")) if content else {}
            if response is not None and status not in RETRY_STATUSES:
                raise RuntimeError(f"{path}: HTTP {status}: {content[:300]!r}")
            if attempt >= MAX_ATTEMPTS:
                raise RuntimeError(f"{path}: still {status} after {attempt} attempts")
            with self.lock:
                self.retries += 1
            delay = self.delay(attempt, response.headers.get("Retry-After") if response is not None else None)
            time.sleep(max(0.0, min(delay, self.deadline - time.monotonic())))  # never past the storm's end

    @staticmethod
    def delay(attempt: int, retry_after: str | None) -> float:
        """The real client's rule (sync/client/http.py)."""
        return retry_delay(attempt, retry_after, random.random())


def sync_station(client: Client, station: Station, t0: list[float], start: threading.Event) -> None:
    start.wait()
    try:
        answer = client.request(station, "POST", "/api/v1/push", body=station.body, headers=station.headers)
        accepted = set(answer.get("accepted", []))
        station.acknowledged = accepted & {change["change_id"] for change in station.changes}
        if answer.get("rejected") or len(station.acknowledged) != len(station.changes):
            raise RuntimeError(f"push: {len(accepted)} accepted, rejected {answer.get('rejected', [])[:2]}")
        while True:
            page = client.request(station, "GET", "/api/v1/pull",
                                  params={"after": station.cursor, "limit": PULL_LIMIT}, headers=station.headers)
            station.pulled += len(page["changes"])
            station.seen += [change["seq"] for change in page["changes"]]
            # As the real client commits its cursor with each page it applied: a later pull (the catch-up)
            # starts after the last page this one brought, even if the sync stops here.
            before, station.cursor = station.cursor, max(station.cursor, page["last_seq"])
            if not page["more"] or station.cursor == before:
                break
        summary = client.request(station, "GET", "/api/v1/summary", headers=station.headers)
        station.summary_counts = summary["counts"]
        station.done_at = time.perf_counter() - t0[0]
    except Exception as exc:  # counted as an error of this station
        station.error = f"{type(exc).__name__}: {exc}"[:300]


def health_round_trip(client: Client, count: int, ends: list[float], start: threading.Event) -> None:
    start.wait()
    began = time.perf_counter()
    for _ in range(count):
        client.request(None, "GET", "/api/health", headers={"Accept-Encoding": "gzip"})
    ends.append(time.perf_counter() - began)  # when this thread's round trips were done, as a station's sync


def run_threads(targets: list[tuple]) -> float:
    """Start one thread per target, release them together, return the seconds until all are done."""
    start = threading.Event()
    previous = threading.stack_size(THREAD_STACK)
    try:
        threads = [threading.Thread(target=function, args=(*args, start), daemon=True) for function, *args in targets]
        for thread in threads:
            thread.start()
    finally:
        threading.stack_size(previous)
    started = time.perf_counter()
    for holder in targets:  # the stations measure from the same moment
        if holder[0] is sync_station:
            holder[3][0] = started
    start.set()
    for thread in threads:
        thread.join(timeout=STORM_TIMEOUT_S + 120)
    return time.perf_counter() - started


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def prepare(url: str) -> list[Station]:
    from desktop.storage.files import head_revision
    from sync.server import stations as server_stations
    from sync.server.database import make_engine, migrate
    from sync.server.reading import last_seq
    from sync.server.regions import import_regions_csv

    engine = make_engine(url)
    try:
        migrate(engine)
        import_regions_csv(engine, regions_csv().encode("utf-8"))
        enrolled = []
        for index, village in enumerate(code for code in village_codes() for _ in range(STATIONS_PER_VILLAGE)):
            code = server_stations.issue_enroll_code(engine, village)
            station_id = str(uuid.uuid4())
            answer = server_stations.enroll(engine, code=code, station_id=station_id, app_version="bench-storm",
                                            protocol_version=PROTOCOL_VERSION, schema_version=head_revision())
            enrolled.append((index, village, answer.token, station_id))
        with engine.connect() as connection:
            cursor = last_seq(connection)
    finally:
        engine.dispose()
    schema = head_revision()
    return [Station(index, village, token, station_id, cursor, schema)
            for index, village, token, station_id in enrolled]


def count_lost(url: str, stations: list[Station]) -> dict:
    """Acknowledged changes the server's records do not hold: read straight from its database."""
    from sqlalchemy import select

    from sync.server.database import make_engine
    from sync.server.models import AppliedChange, Record

    records_t, applied_t = Record.__table__, AppliedChange.__table__
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            stored = {(row.entity, row.row_id): row for row in connection.execute(
                select(records_t.c.entity, records_t.c.row_id, records_t.c.fields, records_t.c.stamps)
                .where(records_t.c.entity.in_(["village_profile", "test_movement"])))}
            accepted = {row.change_id for row in connection.execute(
                select(applied_t.c.change_id).where(applied_t.c.outcome == "accepted"))}
    finally:
        engine.dispose()
    lost_lines = lost_profile = not_recorded = 0
    newest: dict[tuple[str, str], tuple[str, object]] = {}
    for station in stations:
        if not station.acknowledged:
            continue
        not_recorded += len(station.acknowledged - accepted)
        for row_id, fields in station.lines.items():
            row = stored.get(("test_movement", row_id))
            if row is None or row.fields != fields:
                lost_lines += 1
        for name, (at, value) in station.profile.items():
            key = (station.village, name)
            if key not in newest or at > newest[key][0]:
                newest[key] = (at, value)
    for (village, name), (at, value) in newest.items():
        row = stored.get(("village_profile", village))
        held = row.stamps.get(name) if row is not None else None
        if held is None or held < at or (held == at and row.fields.get(name) != value):
            lost_profile += 1
    return {"lost": lost_lines + lost_profile + not_recorded, "lost_append_rows": lost_lines,
            "lost_profile_fields": lost_profile, "acknowledged_not_in_applied_changes": not_recorded}


def catch_up(client: Client, station: Station, start: threading.Event) -> None:
    """After the storm (untimed): pull what the station has not seen yet, as its next sync would."""
    start.wait()
    try:
        while True:
            page = client.request(station, "GET", "/api/v1/pull",
                                  params={"after": station.cursor, "limit": PULL_LIMIT}, headers=station.headers)
            station.seen += [change["seq"] for change in page["changes"]]
            before, station.cursor = station.cursor, max(station.cursor, page["last_seq"])
            if not page["more"] or station.cursor == before:
                break
        # A sync ends with its summary, which frees its seat for the next station at once.
        client.request(station, "GET", "/api/v1/summary", headers=station.headers)
    except Exception as exc:  # counted as an error of this station
        station.error = station.error or f"catch-up {type(exc).__name__}: {exc}"[:300]


def exactly_once(url: str, stations: list[Station], first_seq: int) -> dict:
    """Every station's pulls, storm and catch-up together, must have brought each change it may read (its
    village's, from the other station, and the city's) exactly once and in sequence order: no change skipped
    past another still being committed, none twice."""
    from sqlalchemy import select

    from sync.server.database import make_engine
    from sync.server.models import ChangelogEntry

    log = ChangelogEntry.__table__
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            entries = connection.execute(select(log.c.seq, log.c.village_code, log.c.origin_station)
                                         .where(log.c.seq > first_seq)).all()
    finally:
        engine.dispose()
    by_village: dict[str | None, list[tuple[int, str | None]]] = {}
    for seq, village, origin in entries:
        by_village.setdefault(village, []).append((seq, origin))
    missed = doubled = out_of_order = 0
    for station in stations:
        expected = {seq for seq, origin in by_village.get(station.village, []) + by_village.get(None, [])
                    if origin != station.station_id}
        seen = station.seen
        doubled += len(seen) - len(set(seen))
        missed += len(expected - set(seen))
        out_of_order += sum(1 for a, b in pairwise(seen) if b <= a)
    return {"pulled_exactly_once": missed == doubled == out_of_order == 0, "missed": missed, "doubled": doubled,
            "out_of_order": out_of_order}


def start_server(serve_args: list[str], work: Path) -> tuple[subprocess.Popen, str]:
    from sync.server.testing import free_port

    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", SERVER_BOOT, "serve", "--host", "127.0.0.1", "--port", str(port),
                               "--workers", "1", *serve_args], cwd=ROOT, env=child_env(work / "bytecode"),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if requests.get(f"{base_url}/api/health", timeout=2).status_code == 200:
                return server, base_url
        except requests.ConnectionError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            raise RuntimeError("city-server serve did not start")
        time.sleep(0.1)


def measure(url: str, serve_args: list[str], work: Path, *, processes: int = 1) -> dict:
    began = time.perf_counter()
    stations = prepare(url)
    setup_s = time.perf_counter() - began
    first_seq = min(station.cursor for station in stations)
    for station in stations:
        station.server = station.index % processes
    servers = [start_server(serve_args, work) for _ in range(processes)]
    base_urls = [base_url for _, base_url in servers]
    try:
        storm = Client(base_urls, time.monotonic() + STORM_TIMEOUT_S)
        t0 = [0.0]
        wall = run_threads([(sync_station, storm, station, t0) for station in stations])
        storm.close()
        # The baseline: as many round trips to /api/health, same pool, all threads released at once.
        baseline = Client(base_urls, time.monotonic() + STORM_TIMEOUT_S)
        per_thread, extra = divmod(storm.round_trips, STATIONS)
        baseline_ends: list[float] = []
        baseline_wall = run_threads([(health_round_trip, baseline, per_thread + (index < extra), baseline_ends)
                                     for index in range(STATIONS)])
        baseline.close()
        settle = Client(base_urls, time.monotonic() + STORM_TIMEOUT_S)
        run_threads([(catch_up, settle, station) for station in stations])
        settle.close()
    finally:
        for server, _ in servers:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    failed = [station for station in stations if station.error]
    finished = [station.done_at for station in stations if station.done_at is not None]
    lost = count_lost(url, stations)
    pushed = sum(len(station.changes) for station in stations)
    p99, bare_p99 = percentile(finished, 0.99), percentile(baseline_ends, 0.99)
    ordering = exactly_once(url, stations, first_seq)
    return {
        "server_processes": processes,
        "setup_s": round(setup_s, 1),
        "wall_s": round(wall, 2),
        "stations_done": len(finished),
        "sync_s": {"p50": round(percentile(finished, 0.5), 2), "p99": round(p99, 2),
                   "max": round(max(finished, default=0.0), 2)},
        "request_ms": {path.rsplit("/", 1)[-1]: {"n": len(values), "p50": round(percentile(values, 0.5) * 1000, 1),
                                                 "p99": round(percentile(values, 0.99) * 1000, 1)}
                       for path, values in sorted(storm.latency.items())},
        "round_trips": storm.round_trips,
        # Requests answered 200 per second, and how many requests were in flight on average (the server
        # takes 32 syncs at once): well under 32 means the server sat idle while stations waited to retry.
        "ok_requests_per_s": round(storm.status["200"] / wall, 1),
        "mean_in_flight": round(sum(sum(values) for values in storm.latency.values()) / wall, 1),
        "http_status": dict(sorted(storm.status.items())),
        "retries": storm.retries,
        "stations_over_6_attempts": sum(station.most_attempts > CLIENT_ATTEMPTS for station in stations),
        "most_attempts": max(station.most_attempts for station in stations),
        "errors": len(failed),
        "error_samples": [station.error for station in failed[:3]],
        "changes_pushed": pushed,
        "changes_acknowledged": sum(len(station.acknowledged) for station in stations),
        "changes_pulled": sum(station.pulled for station in stations),
        **lost,
        **ordering,
        "baseline_health": {"round_trips": baseline.round_trips, "wall_s": round(baseline_wall, 2),
                            "p99_s": round(bare_p99, 2),
                            "http_status": dict(sorted(baseline.status.items())),
                            "request_ms_p50": round(
                                percentile(baseline.latency.get("/api/health", []), 0.5) * 1000, 1)},
        "ratio": round(wall / baseline_wall, 2) if baseline_wall else None,
        "p99_ratio": round(p99 / bare_p99, 2) if bare_p99 else None,
        "target_ratio": TARGET_RATIO,
        "target_p99_ratio": TARGET_P99_RATIO,
        "ok": not failed and lost["lost"] == 0 and len(finished) == STATIONS and ordering["pulled_exactly_once"],
    }


def run() -> dict:
    result: dict = {"stations": STATIONS, "villages": VILLAGES, "changes_per_station": PROFILE_EDITS + LINES,
                    "pool": POOL, "server": "city-server serve, --max-concurrent 32, --retry-after 5, 127.0.0.1, "
                                            "one worker per process", "cpus": os.cpu_count()}
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="city-storm-") as tmp:
        work = Path(tmp)
        sqlite_dir = work / "sqlite"
        result["sqlite"] = measure(f"sqlite:///{sqlite_dir / 'city.db'}", ["--data-dir", str(sqlite_dir)], work)
        if time.perf_counter() - began > POSTGRES_AFTER_S:
            result["postgresql"] = "skipped: the SQLite run took too long to fit PostgreSQL in the time budget"
            result["total_s"] = round(time.perf_counter() - began, 1)
            return result
        from sync.server.testing import PostgresCluster, PostgresUnavailable
        from sync.server.vault import create_key_file

        key = work / "city.key"
        create_key_file(key)
        try:
            with PostgresCluster(durable=True) as cluster:
                for processes, name in ((1, "postgresql"), (2, "postgresql_two_processes")):
                    url = cluster.create_database(f"storm{processes}")
                    result[name] = measure(url, ["--database-url", url, "--key-file", str(key)], work,
                                           processes=processes)
        except PostgresUnavailable as exc:
            result["postgresql"] = f"skipped: {exc}"
    result["total_s"] = round(time.perf_counter() - began, 1)
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=2, ensure_ascii=False))
