"""First sync of a typical village over real HTTP on loopback: bytes on the wire and seconds.

A city server on SQLite (under uvicorn, 127.0.0.1) holds one village's records, pushed there by a
station beforehand: 300 volunteers, 200 households, 3,000 service-hour records (each pointing at its
volunteer) and 5,000 stock movements.  The areas do not exist yet, so the tests' ``test_`` stand-in
kinds carry them (tests/sync/station_kinds.py).  Each round a new station of the village is set up,
enrolled and synced once; we report the wall time of that sync and the bytes it sent and received
(gzip bodies as they travel).  No baseline: this is a budget to watch, not a ratio.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from timing import ROOT, rounds

sys.path.insert(0, str(ROOT / "tests" / "sync"))

VOLUNTEERS, HOUSEHOLDS, HOURS, MOVEMENTS = 300, 200, 3_000, 5_000


def _fill(station) -> None:
    from station_kinds import Household, Movement, ServiceHour, Volunteer
    from stations import VILLAGE_A

    with station.db.unit_of_work(station.admin) as uow:
        for number in range(VOLUNTEERS):
            uow.session.add(Volunteer(id=f"v-{number:05d}", village_code=VILLAGE_A, name=f"志愿者{number}",
                                      phone=f"139{number:08d}", notes="周末可以服务"))
        for number in range(HOUSEHOLDS):
            uow.session.add(Household(id=f"h-{number:05d}", village_code=VILLAGE_A, head=f"户主{number}",
                                      members=number % 6 + 1, address=f"幸福村{number % 12 + 1}组"))
    with station.db.unit_of_work(station.admin) as uow:
        for number in range(HOURS):
            uow.session.add(ServiceHour(id=f"s-{number:06d}", village_code=VILLAGE_A,
                                        volunteer_id=f"v-{number % VOLUNTEERS:05d}", minutes=30 + number % 180))
    with station.db.unit_of_work(station.admin) as uow:
        for number in range(MOVEMENTS):
            uow.session.add(Movement(id=f"m-{number:06d}", village_code=VILLAGE_A, hut="爱心超市",
                                     item=f"物品{number % 80}", quantity=number % 9 - 2))


def run() -> dict:
    from stations import VILLAGE_A, make_station

    from desktop.domain.actor import SYSTEM  # noqa: F401  (loads the station's models first)
    from sync.client import enroll, sync_once
    from sync.server import stations as server_stations
    from sync.server.app import create_app
    from sync.server.database import make_engine, migrate
    from sync.server.regions import import_regions_csv
    from sync.server.testing import TEST_REGIONS_CSV, ServerThread

    seconds, sent, received, changes = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="village-station-bench-") as tmp:
        root = Path(tmp)
        url = f"sqlite:///{root / 'city.db'}"
        engine = make_engine(url)
        migrate(engine)
        import_regions_csv(engine, TEST_REGIONS_CSV.encode("utf-8"))
        with ServerThread(create_app(url, engine=engine)) as server:
            source = make_station(root, "source")
            try:
                enroll(source.db, server.base_url, server_stations.issue_enroll_code(engine, VILLAGE_A))
                _fill(source)
                sync_once(source.db)
            finally:
                source.close()
            for index in range(rounds(3)):
                station = make_station(root, f"new-{index}")
                try:
                    enroll(station.db, server.base_url, server_stations.issue_enroll_code(engine, VILLAGE_A))
                    started = time.perf_counter()
                    result = sync_once(station.db)
                    seconds.append(time.perf_counter() - started)
                    sent.append(result.bytes_sent)
                    received.append(result.bytes_received)
                    changes.append(result.received)
                    assert not result.mismatch
                finally:
                    station.close()
        engine.dispose()
    return {
        "village": {"volunteers": VOLUNTEERS, "households": HOUSEHOLDS, "service_hours": HOURS,
                    "movements": MOVEMENTS},
        "stand_in_kinds": "test_volunteer, test_household, test_service_hour, test_movement: the real areas "
                          "do not exist yet",
        "server": "city server on SQLite, uvicorn on 127.0.0.1",
        "changes_received": changes[0] if changes else 0,
        "seconds": {"median": round(statistics.median(seconds), 2), "samples": [round(s, 2) for s in seconds]},
        "bytes_sent": int(statistics.median(sent)),
        "bytes_received": int(statistics.median(received)),
        "bytes_received_per_change": round(statistics.median(received) / max(changes[0], 1), 1),
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
