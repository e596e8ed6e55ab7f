"""How fast a station applies pulled changes: rows per second, beside sqlite3 ``executemany`` of the same rows.

A fresh set-up station takes 20,000 pulled records in pages of 500, each page one transaction with
the cursor, as a sync does: 10,000 ledger movements (append) and 10,000 volunteer records (merged by
field), then the volunteer page again with newer stamps (every field replaced).  The kinds are the
tests' ``test_`` stand-ins (tests/sync/station_kinds.py) until the real areas exist.  The baseline
inserts the same rows with ``executemany`` into plain tables of the same columns, in the same pages,
on the same pragmas (WAL, synchronous=FULL).  The target is 20,000 rows/s.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from timing import ROOT, rounds

sys.path.insert(0, str(ROOT / "tests" / "sync"))

TARGET_ROWS_PER_S = 20_000
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


def _sqlite_round(root: Path, changes: list[dict], updates: list[dict]) -> float:
    path = root / "plain.db"
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


def run(count: int = 20_000) -> dict:
    now_ms = int(time.time() * 1000)  # pulled stamps must be within a day of the clock (later ones are set aside)
    changes = _changes(count, now_ms - 86_400_000)
    updates = [dict(change, seq=count + index + 1, stamps=dict.fromkeys(change["stamps"],
                                                                       f"{now_ms - 3_600_000:015d}-000000-{NODE}"))
               for index, change in enumerate(changes) if change["entity"] == "test_volunteer"]
    rows = len(changes) + len(updates)
    station_s, plain_s = [], []
    for index in range(rounds(3)):
        with tempfile.TemporaryDirectory(prefix="village-station-bench-") as tmp:
            order = (("station", "plain") if index % 2 == 0 else ("plain", "station"))
            for which in order:
                if which == "station":
                    station_s.append(_station_round(Path(tmp), changes, updates))
                else:
                    plain_s.append(_sqlite_round(Path(tmp), changes, updates))
    station_best = sorted(station_s)[len(station_s) // 2]
    plain_best = sorted(plain_s)[len(plain_s) // 2]
    rate = rows / station_best
    return {
        "rows": rows,
        "stand_in_kinds": "test_movement (append) and test_volunteer (fields): the real areas do not exist yet",
        "station_rows_per_s": round(rate),
        "sqlite_executemany_rows_per_s": round(rows / plain_best),
        "station_s": [round(value, 3) for value in station_s],
        "sqlite_s": [round(value, 3) for value in plain_s],
        "ratio": round(station_best / plain_best, 2),
        "target_rows_per_s": TARGET_ROWS_PER_S,
        "met": rate >= TARGET_ROWS_PER_S,
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
