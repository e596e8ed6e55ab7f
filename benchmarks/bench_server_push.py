"""City server push ingestion, in changes per second, through the real HTTP app on PostgreSQL and on SQLite.

Each round, several stations push at once, each its own batches of 500 gzip JSON changes (half of them
new volunteers — an ID number among their fields, which the server seals — half edits of two fields of
those records on the stamps they were made on), to ``city-server serve`` running as its own process on
127.0.0.1.  Every change goes through the whole protocol: its fields checked against their declared types,
its id and village, the merge, the changelog in commit order, one transaction per push.  The baseline,
timed in the same round on the same database, is the least the database can do with the same rows: plain
``executemany`` inserts of them into a table shaped like the changelog, 500 rows and one commit at a
time, through the raw driver.

Figures per database: ``server_ops_per_s`` and ``baseline_ops_per_s`` (median over the rounds, the worst
round, every round), ``ratio`` (baseline median / server median: how many times the plain inserts are
faster than taking changes in through the whole protocol), and for PostgreSQL the targets of 10,000 changes
per second and a ratio of at most 2.5, with ``met``.  PostgreSQL runs in a throwaway cluster with its durable
defaults (fsync on).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests
from timing import ROOT, child_env, rounds

from sync.protocol import HEADER_GENERATION, HEADER_PROTOCOL, PROTOCOL_VERSION, encode_body
from sync.server.database import make_engine, migrate
from sync.server.regions import import_regions_csv
from sync.server.stations import issue_enroll_code
from sync.server.testing import TEST_REGIONS_CSV, VILLAGE_A, VILLAGE_B, PostgresCluster, free_port, stamp
from sync.server.vault import create_key_file

STATIONS = 4
BATCH = 500
CREATE_BATCHES = 3  # per station and round; as many edit batches follow
TARGET_OPS_PER_S = 10_000
TARGET_RATIO = 2.5
# Valid GB 11643 numbers (check characters worked out), as a registry holds them.
ID_NUMBERS = ("220802199001011237", "220802198503150013", "220821197712250023", "220822200001010016")
WORKERS = 2

BASELINE_TABLE = """
CREATE TABLE bench_baseline (
    seq {serial} PRIMARY KEY,
    entity VARCHAR(32) NOT NULL, row_id VARCHAR(64) NOT NULL,
    village_code VARCHAR(12), to_village_code VARCHAR(12),
    fields {json} NOT NULL, stamps {json} NOT NULL,
    origin_station VARCHAR(36), change_id VARCHAR(36)
)"""
BASELINE_INDEXES = ("CREATE INDEX ix_bench_village ON bench_baseline (village_code, seq)",
                    "CREATE INDEX ix_bench_to_village ON bench_baseline (to_village_code, seq)")


class Station:
    def __init__(self, base_url: str, village: str, engine) -> None:
        self.village = village
        self.session = requests.Session()
        self.station_id = str(uuid.uuid4())
        answer = self.session.post(f"{base_url}/api/v1/enroll", timeout=30, headers={
            HEADER_PROTOCOL: str(PROTOCOL_VERSION), "Content-Encoding": "gzip"}, data=encode_body({
                "code": issue_enroll_code(engine, village), "station_id": self.station_id, "app_version": "bench"}))
        answer.raise_for_status()
        self.headers = {HEADER_PROTOCOL: str(PROTOCOL_VERSION), HEADER_GENERATION: "0", "Content-Encoding": "gzip",
                        "Content-Type": "application/json", "Authorization": f"Bearer {answer.json()['token']}"}


def make_batches(station: Station, round_no: int) -> list[list[dict]]:
    """New volunteers (an ID number among their fields, which the server seals), then an edit of two fields
    of each, made on the stamps they were created with."""
    node = station.station_id
    now_ms = int(time.time() * 1000) - 3_600_000
    creates, edits = [], []
    for index in range(CREATE_BATCHES * BATCH):
        row_id = str(uuid.uuid4())
        created = stamp(now_ms + index, node)
        fields = {"village_code": station.village, "name": f"志愿者{round_no}-{index}", "gender": "female",
                  "birth_date": "1990-01-01", "id_number": ID_NUMBERS[index % len(ID_NUMBERS)],
                  "phone": "13912345678", "address": "幸福村三组", "status": "active",
                  "registered_on": "2026-11-29"}
        creates.append({"change_id": str(uuid.uuid4()), "entity": "volunteer", "row_id": row_id,
                        "fields": fields, "stamps": dict.fromkeys(fields, created), "base": dict.fromkeys(fields)})
        edited = stamp(now_ms + 100_000 + index, node)
        changed = {"phone": "13800000000", "notes": f"第{round_no}轮"}
        edits.append({"change_id": str(uuid.uuid4()), "entity": "volunteer", "row_id": row_id,
                      "fields": changed, "stamps": dict.fromkeys(changed, edited),
                      "base": {"phone": created, "notes": None}})
    changes = creates + edits
    return [changes[start:start + BATCH] for start in range(0, len(changes), BATCH)]


def push_round(base_url: str, stations: list[Station], batches: dict[str, list[list[dict]]]) -> float:
    """Changes per second with every station pushing its batches (station id -> batches) at once."""
    bodies = {station_id: [encode_body({"batch_id": str(uuid.uuid4()), "changes": batch}) for batch in station_batches]
              for station_id, station_batches in batches.items()}
    failures: list[str] = []

    def push_all(station: Station) -> None:
        for body, batch in zip(bodies[station.station_id], batches[station.station_id], strict=True):
            answer = station.session.post(f"{base_url}/api/v1/push", data=body, headers=station.headers, timeout=300)
            if answer.status_code != 200 or len(answer.json()["accepted"]) != len(batch):
                failures.append(f"{answer.status_code}: {answer.text[:300]}")

    threads = [threading.Thread(target=push_all, args=(station,)) for station in stations]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise RuntimeError(f"pushes failed: {failures[:3]}")
    return sum(len(batch) for station_batches in batches.values() for batch in station_batches) / elapsed


def baseline_round(url: str, batches: dict[str, list[list[dict]]]) -> float:
    """Plain executemany inserts of the same rows, 500 at a time, one commit each, through the raw driver."""
    rows = [(change["entity"], change["row_id"], change["fields"].get("village_code"), None,
             json.dumps(change["fields"], ensure_ascii=False), json.dumps(change["stamps"]), station_id,
             change["change_id"])
            for station_id, station_batches in batches.items() for batch in station_batches for change in batch]
    if url.startswith("sqlite"):
        import sqlite3

        connection = sqlite3.connect(url.removeprefix("sqlite:///"))
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        sql = "INSERT INTO bench_baseline (entity, row_id, village_code, to_village_code, fields, stamps, " \
              "origin_station, change_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    else:
        import psycopg

        connection = psycopg.connect(url.replace("postgresql+psycopg", "postgresql"))
        sql = "INSERT INTO bench_baseline (entity, row_id, village_code, to_village_code, fields, stamps, " \
              "origin_station, change_id) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)"
    try:
        started = time.perf_counter()
        for start in range(0, len(rows), BATCH):
            cursor = connection.cursor()
            cursor.executemany(sql, rows[start:start + BATCH])
            connection.commit()
        return len(rows) / (time.perf_counter() - started)
    finally:
        connection.close()


def rates(samples: list[float]) -> dict:
    return {"median": round(statistics.median(samples)), "worst": round(min(samples)),
            "samples": [round(sample) for sample in samples]}


def measure(url: str, serve_args: list[str], work: Path) -> dict:
    engine = make_engine(url)
    migrate(engine)
    import_regions_csv(engine, TEST_REGIONS_CSV.encode("utf-8"))
    postgres = url.startswith("postgresql")
    with engine.begin() as connection:
        connection.exec_driver_sql(BASELINE_TABLE.format(serial="BIGSERIAL" if postgres else "INTEGER",
                                                         json="JSONB" if postgres else "TEXT"))
        for statement in BASELINE_INDEXES:
            connection.exec_driver_sql(statement)
    port = free_port()
    env = child_env(work / "bytecode")
    server = subprocess.Popen([sys.executable, "-m", "sync.server", "serve", "--port", str(port), *serve_args],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{base_url}/api/health", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("city-server serve did not start")
            time.sleep(0.1)
        stations = [Station(base_url, (VILLAGE_A, VILLAGE_B)[index % 2], engine) for index in range(STATIONS)]
        # Unmeasured: warms the server, the caches and the tables.
        push_round(base_url, stations, {station.station_id: make_batches(station, -1) for station in stations})
        server_rates, baseline_rates = [], []
        for round_no in range(rounds(5)):
            batches = {station.station_id: make_batches(station, round_no) for station in stations}
            # Alternate which goes first, so neither always meets the other's checkpoint or WAL growth.
            if round_no % 2 == 0:
                server_rates.append(push_round(base_url, stations, batches))
                baseline_rates.append(baseline_round(url, batches))
            else:
                baseline_rates.append(baseline_round(url, batches))
                server_rates.append(push_round(base_url, stations, batches))
    finally:
        server.terminate()
        server.wait(timeout=60)
        engine.dispose()
    server_summary, baseline_summary = rates(server_rates), rates(baseline_rates)
    return {"server_ops_per_s": server_summary, "baseline_ops_per_s": baseline_summary,
            "ratio": round(baseline_summary["median"] / server_summary["median"], 2)}


def run() -> dict:
    result: dict = {"stations": STATIONS, "batch": BATCH,
                    "changes_per_round": STATIONS * CREATE_BATCHES * BATCH * 2, "workers": WORKERS}
    with tempfile.TemporaryDirectory(prefix="city-bench-") as tmp:
        work = Path(tmp)
        with PostgresCluster(durable=True) as cluster:
            url = cluster.create_database("bench")
            key = work / "city.key"
            create_key_file(key)
            postgres = measure(url, ["--database-url", url, "--key-file", str(key), "--workers", str(WORKERS)], work)
        postgres["target_ops_per_s"] = TARGET_OPS_PER_S
        postgres["target_ratio"] = TARGET_RATIO
        postgres["met"] = (postgres["server_ops_per_s"]["median"] >= TARGET_OPS_PER_S
                           and postgres["ratio"] <= TARGET_RATIO)
        result["postgresql"] = postgres
        sqlite_dir = work / "sqlite"
        result["sqlite"] = measure(f"sqlite:///{sqlite_dir / 'city.db'}",
                                   ["--data-dir", str(sqlite_dir), "--workers", str(WORKERS)], work)
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
