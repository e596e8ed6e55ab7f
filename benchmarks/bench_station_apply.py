"""How fast a station applies pulled changes: rows per second, beside plain sqlite3 ``executemany`` of the same rows.

A fresh set-up station takes 20,000 pulled records in pages of 500, each page one transaction with
the cursor, as a sync does: 10,000 ledger movements (append) and 10,000 volunteer records (merged by
field), then the volunteer page again with newer stamps (every field replaced).  Every record is checked
against its kind's declared field types, as every pulled record is.  The kinds are the tests' ``test_``
stand-ins (tests/sync/station_kinds.py).

The baseline, timed in the same rounds (each of the three goes first in turn), writes the same rows with
sqlite3 ``executemany`` into tables of the station's own shape (its CREATE TABLE: the kind's fields and the
stamp and bookkeeping columns every station row carries), INSERT OR IGNORE for the ledger and INSERT OR
REPLACE for the registry, with the cursor, one transaction per page, on the same pragmas (WAL,
synchronous=FULL).  The earlier, narrower baseline (tables of the kind's fields and one stamp column only)
is timed too, as ``narrow``.  Targets: 25,000 rows/s and a ratio of at most 3 to the baseline.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from timing import ROOT, rounds

sys.path.insert(0, str(ROOT / "tests" / "sync"))

TARGET_ROWS_PER_S = 25_000
TARGET_RATIO = 3.0
PAGE = 500
NODE = "0a0a0a0a-0000-0000-0000-00000000000b"


def _changes(count: int, wall_ms: int) -> list[dict]:
    from station_kinds import MOVEMENT, VOLUNTEER
    from stations import VILLAGE_A

    stamp = f"{wall_ms:015d}-000000-{NODE}"
    changes = []
    for number in range(count // 2):
        fields = {"village_code": VILLAGE_A, "hut": "hut-1", "item": f"item-{number % 50}", "quantity": number % 9 + 1}
        changes.append({"seq": len(changes) + 1, "entity": MOVEMENT.entity, "row_id": f"m-{number:08d}",
                        "fields": fields, "stamps": dict.fromkeys(fields, stamp), "origin": NODE})
    for number in range(count // 2):
        fields = {"village_code": VILLAGE_A, "name": f"志愿者{number}", "phone": f"139{number:08d}",
                  "notes": "来自城市服务器"}
        changes.append({"seq": len(changes) + 1, "entity": VOLUNTEER.entity, "row_id": f"v-{number:08d}",
                        "fields": fields, "stamps": dict.fromkeys(fields, stamp), "origin": NODE})
    return changes


def _station_round(root: Path, changes: list[dict], updates: list[dict]) -> float:
    from stations import make_station

    from desktop.domain.actor import SYSTEM
    from desktop.storage import sync_store
    from desktop.storage.models import SyncState

    station = make_station(root, "station")
    try:
        with station.db.unit_of_work(SYSTEM) as uow:
            uow.session.add(SyncState(id=1, server_url="http://127.0.0.1:9", station_token="t", village_name="",
                                      enrolled_at=uow.now(), pull_after=0, generation=0, clock_offset_ms=0,
                                      last_error=""))
        started = time.perf_counter()
        for batch in (changes, updates):
            for start in range(0, len(batch), PAGE):
                page = batch[start:start + PAGE]
                with station.db.unit_of_work(SYSTEM) as uow:
                    sync_store.apply_page(uow, page, cursor=page[-1]["seq"])
        return time.perf_counter() - started
    finally:
        station.close()


def _narrow_round(root: Path, changes: list[dict], updates: list[dict]) -> float:
    """The earlier baseline, kept for comparison: plain sqlite3 into tables of the kind's fields and a stamp
    column only (none of the bookkeeping columns a station row carries)."""
    path = root / "narrow.db"
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("CREATE TABLE movements (id TEXT PRIMARY KEY, village_code TEXT, hut TEXT, item TEXT, "
                           "quantity INTEGER, field_hlc TEXT)")
        connection.execute("CREATE TABLE volunteers (id TEXT PRIMARY KEY, village_code TEXT, name TEXT, phone TEXT, "
                           "notes TEXT, field_hlc TEXT)")
        connection.execute("CREATE TABLE cursor (id INTEGER PRIMARY KEY, after INTEGER)")
        started = time.perf_counter()
        for batch in (changes, updates):
            for start in range(0, len(batch), PAGE):
                page = batch[start:start + PAGE]
                connection.execute("BEGIN IMMEDIATE")
                movements = [(c["row_id"], *c["fields"].values(), json.dumps(c["stamps"]))
                             for c in page if c["entity"] == "test_movement"]
                volunteers = [(c["row_id"], *c["fields"].values(), json.dumps(c["stamps"]))
                              for c in page if c["entity"] == "test_volunteer"]
                connection.executemany("INSERT OR IGNORE INTO movements VALUES (?, ?, ?, ?, ?, ?)", movements)
                connection.executemany("INSERT OR REPLACE INTO volunteers VALUES (?, ?, ?, ?, ?, ?)", volunteers)
                connection.execute("INSERT OR REPLACE INTO cursor VALUES (1, ?)", (page[-1]["seq"],))
                connection.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        connection.close()


def _sqlite_round(root: Path, changes: list[dict], updates: list[dict]) -> float:
    """The same rows written by plain sqlite3 into tables of the station's own shape (its CREATE TABLE, so the
    bookkeeping columns every station row carries are there too): executemany, INSERT OR IGNORE for the
    ledger and INSERT OR REPLACE for the registry, the cursor, one transaction per page."""
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateTable
    from station_kinds import Movement, Volunteer

    from desktop.domain.sync_kinds import KINDS

    path = root / "plain.db"
    connection = sqlite3.connect(path, isolation_level=None)
    tables = {"test_movement": Movement.__table__, "test_volunteer": Volunteer.__table__}
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        for table in tables.values():
            connection.execute(str(CreateTable(table).compile(dialect=sqlite.dialect())))
        connection.execute("CREATE TABLE cursor (id INTEGER PRIMARY KEY, after INTEGER)")
        # The columns are the row id, the kind's fields in declared order, then the bookkeeping ones.
        for entity, table in tables.items():
            assert [column.name for column in table.columns][1:-7] == list(KINDS[entity].fields)
        sql = {entity: f"INSERT OR {'IGNORE' if entity == 'test_movement' else 'REPLACE'} INTO {table.name} "
                       f"VALUES ({', '.join('?' * len(table.columns))})" for entity, table in tables.items()}
        started = time.perf_counter()
        now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
        for batch in (changes, updates):
            for start in range(0, len(batch), PAGE):
                page = batch[start:start + PAGE]
                connection.execute("BEGIN IMMEDIATE")
                for entity in tables:
                    rows = [(change["row_id"], *change["fields"].values(), max(change["stamps"].values()),
                             json.dumps(change["stamps"]), 0, now, None, now, None)
                            for change in page if change["entity"] == entity]
                    connection.executemany(sql[entity], rows)
                connection.execute("INSERT OR REPLACE INTO cursor VALUES (1, ?)", (page[-1]["seq"],))
                connection.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        connection.close()


def run(count: int = 20_000) -> dict:
    now_ms = int(time.time() * 1000)  # pulled stamps must be within a day of the clock (later ones are set aside)
    changes = _changes(count, now_ms - 86_400_000)
    updates = [dict(change, seq=count + index + 1, stamps=dict.fromkeys(change["stamps"],
                                                                       f"{now_ms - 3_600_000:015d}-000000-{NODE}"))
               for index, change in enumerate(changes) if change["entity"] == "test_volunteer"]
    rows = len(changes) + len(updates)
    timed: dict[str, list[float]] = {"station": [], "plain": [], "narrow": []}
    rounds_of = {"station": _station_round, "plain": _sqlite_round, "narrow": _narrow_round}
    for index in range(rounds(5)):
        with tempfile.TemporaryDirectory(prefix="village-station-bench-") as tmp:
            order = list(rounds_of)[index % 3:] + list(rounds_of)[:index % 3]  # each goes first in turn
            for which in order:
                timed[which].append(rounds_of[which](Path(tmp), changes, updates))
    median = {which: statistics.median(values) for which, values in timed.items()}
    rate = rows / median["station"]
    return {
        "rows": rows,
        "stand_in_kinds": "test_movement (append) and test_volunteer (fields): the real areas do not exist yet",
        "station_rows_per_s": round(rate),
        "sqlite_executemany_rows_per_s": round(rows / median["plain"]),
        "ratio": round(median["station"] / median["plain"], 2),
        "narrow_sqlite_rows_per_s": round(rows / median["narrow"]),
        "ratio_to_narrow": round(median["station"] / median["narrow"], 2),
        "seconds": {which: [round(value, 3) for value in values] for which, values in timed.items()},
        "target_rows_per_s": TARGET_ROWS_PER_S,
        "target_ratio": TARGET_RATIO,
        "met": rate >= TARGET_ROWS_PER_S and median["station"] / median["plain"] <= TARGET_RATIO,
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
