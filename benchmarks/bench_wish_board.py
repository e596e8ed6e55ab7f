"""How fast the city's wish board opens and filters at a station holding 7,000 published wishes (the programme's
own figure of wishes fulfilled), p50/p95 ms of what the board area reads, beside raw SQL reading the same rows in
the same run.

Set-up (not measured): a set-up station in a temporary folder gets a region list of 5 counties, 40 townships and
600 villages, and 7,000 wishes on the board from those villages (as pulled from the city: a sync stamp per field),
published over two years, of every kind and band of value, 6,300 waiting for a claim and the rest claimed or
fulfilled; the station has made 300 claims on them, 150 with the city server's ruling.

Measured: what the board area reads when it opens and each time a filter changes — one read-only unit of work
running ``board`` (the first page of 200, those that waited longest first, with their places by name and how this
station's claims stand) and ``count_board``: the board as it opens, and filtered by county, by township, by kind,
by band of value, by waiting 30 days or more, and by a county, a kind and a band together.  Baseline, alternating
with it: sqlite3 on the same file selecting the same page of rows (the same joins for the place names) and their
count.  Target: p95 at most 100 ms.
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from timing import ROOT, rounds

sys.path.insert(0, str(ROOT / "tests" / "desktop"))

WISHES = 7_000
COUNTIES = ("220802", "220821", "220822", "220881", "220882")
TOWNSHIPS_PER_COUNTY = 8
VILLAGES_PER_TOWNSHIP = 15
CLAIMS = 300
PAGE = 200
TARGET_P95_MS = 100.0
TODAY = date(2026, 12, 6)
BANDS = ((0, 50), (50, 100), (100, 200), (200, 300), (300, 500))
KINDS = ("study", "clothing", "daily", "food", "health", "appliance", "company", "other")

# The page of the board as it opens and as each filter narrows it: (name, the service's filter, SQL conditions
# and their parameters, the same filter written for sqlite3).
FILTERS = [
    ("open", {}, "", ()),
    ("county", {"county": "220822"}, "AND substr(b.village_code, 1, 6) = ?", ("220822",)),
    ("township", {"township": "220881104"}, "AND substr(b.village_code, 1, 9) = ?", ("220881104",)),
    ("kind", {"category": "study"}, "AND b.category = ?", ("study",)),
    ("value", {"value_band": (100, 200)}, "AND b.value_low >= ? AND b.value_high != 0 AND b.value_high <= ?",
     (100, 200)),
    ("waited_30_days", {"waited_days": 30}, "AND b.published_on <= ?", ((TODAY - timedelta(days=30)).isoformat(),)),
    ("county_kind_value", {"county": "220802", "category": "food", "value_band": (0, 100)},
     "AND substr(b.village_code, 1, 6) = ? AND b.category = ? AND b.value_low >= ? AND b.value_high != 0 "
     "AND b.value_high <= ?", ("220802", "food", 0, 100)),
]

BASELINE_PAGE = """
SELECT b.id, b.village_code, b.public_text, b.category, b.value_low, b.value_high, b.published_on, b.wanted_by,
       b.state, b.released_claim, v.name, t.name, c.name
  FROM wish_board b
  LEFT JOIN regions v ON v.code = b.village_code
  LEFT JOIN regions t ON t.code = substr(b.village_code, 1, 9)
  LEFT JOIN regions c ON c.code = substr(b.village_code, 1, 6)
 WHERE b.deleted = 0 AND b.state = 'open' {where}
 ORDER BY b.published_on, b.id LIMIT {page}
"""
BASELINE_COUNT = "SELECT count(*) FROM wish_board b WHERE b.deleted = 0 AND b.state = 'open' {where}"


def _ids(rng: random.Random, count: int) -> list[str]:
    return [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(count)]


def _regions_csv() -> bytes:
    lines = ["code,name,level,parent_code"]
    for county in COUNTIES:
        for township in range(1, TOWNSHIPS_PER_COUNTY + 1):
            township_code = f"{county}{100 + township}"
            lines.append(f"{township_code},第{township}镇,township,{county}")
            for village in range(1, VILLAGES_PER_TOWNSHIP + 1):
                lines.append(f"{township_code}{200 + village},第{township}镇{village}村,village,{township_code}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def build_station(root: Path):
    """A set-up station with the board and its claims (set-up, not timed); returns the database and a viewer."""
    from conftest import set_up
    from sqlalchemy import insert

    from desktop.domain.actor import SYSTEM
    from desktop.paths import DataFolder
    from desktop.services import regions
    from desktop.storage.database import open_database
    from desktop.storage.models import WishBoardEntry, WishClaim

    db = open_database(DataFolder(root / "station"))
    admin, _coordinator, _hut, viewer = set_up(db)
    with db.unit_of_work(admin) as uow:
        regions.import_regions_csv(uow, data=_regions_csv())
    rng = random.Random(20261206)
    now = datetime(2026, 12, 6, 9, 0)
    villages = [f"{county}{100 + township}{200 + village}" for county in COUNTIES
                for township in range(1, TOWNSHIPS_PER_COUNTY + 1) for village in range(1, VILLAGES_PER_TOWNSHIP + 1)]

    def stamped(model, village: str, **values) -> dict:
        stamp = "001764406800000-000000-city"
        return {"hlc": stamp, "field_hlc": dict.fromkeys(model.__sync__.fields, stamp), "deleted": False,
                "created_at": now, "created_by": None, "updated_at": now, "updated_by": None,
                "village_code": village, **values}

    board = []
    for index, board_id in enumerate(_ids(rng, WISHES)):
        low, high = rng.choice(BANDS)
        kind = rng.choice(KINDS)
        board.append(stamped(
            WishBoardEntry, rng.choice(villages), id=board_id, public_text=f"本村一位老人想要{kind}第{index}号",
            category=kind, value_low=low, value_high=high,
            published_on=(TODAY - timedelta(days=rng.randrange(730))).isoformat(), wanted_by="",
            state="open" if index % 10 else rng.choice(("contacted", "fulfilled")), hold_days=7, released_claim=""))
    claims = [stamped(WishClaim, "220802101201", id=claim_id, to_village_code=board[index * 20]["village_code"],
                      board_id=board[index * 20]["id"], claimant_kind="donor", claimant_name="张建华",
                      claimant_contact="13504361111", volunteer_id="", claimed_on=TODAY.isoformat(), note="",
                      held_until=(TODAY + timedelta(days=7)).isoformat() if index % 2 else "", lapsed=False,
                      refused="")
              for index, claim_id in enumerate(_ids(rng, CLAIMS))]
    with db.unit_of_work(SYSTEM) as uow:
        for model, rows in ((WishBoardEntry, board), (WishClaim, claims)):
            for start in range(0, len(rows), 5000):
                uow.session.execute(insert(model.__table__), rows[start:start + 5000])
    with sqlite3.connect(db.folder.database) as connection:
        connection.execute("ANALYZE")
    return db, viewer


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = statistics.quantiles(ordered, n=20, method="inclusive")[18] if len(ordered) > 1 else ordered[0]
    return {"p50_ms": round(statistics.median(ordered), 2), "p95_ms": round(p95, 2),
            "max_ms": round(ordered[-1], 2), "reads": len(ordered)}


def run() -> dict:
    from desktop.domain.days import local_day
    from desktop.services.wishes import board, count_board

    with tempfile.TemporaryDirectory(prefix="village-station-bench-") as tmp:
        db, viewer = build_station(Path(tmp))
        db.now = lambda: datetime(2026, 12, 6, 9, 0)  # the day the board was made for
        assert local_day(db.now()) == TODAY
        service: dict[str, list[float]] = {name: [] for name, *_ in FILTERS}
        baseline: dict[str, list[float]] = {name: [] for name, *_ in FILTERS}
        shown: dict[str, int] = {}
        try:
            with sqlite3.connect(db.folder.database) as connection:
                for name, where, sql, params in FILTERS:  # warm the caches once, unmeasured; the same rows
                    with db.reading(viewer) as uow:
                        rows, total = board(uow, limit=PAGE, **where), count_board(uow, **where)
                    raw = connection.execute(BASELINE_PAGE.format(where=sql, page=PAGE), params).fetchall()
                    raw_total = connection.execute(BASELINE_COUNT.format(where=sql), params).fetchone()[0]
                    assert [row.id for row in rows] == [row[0] for row in raw] and total == raw_total, name
                    shown[name] = total
                for _ in range(rounds()):
                    for name, where, sql, params in FILTERS:
                        started = time.perf_counter()
                        with db.reading(viewer) as uow:
                            board(uow, limit=PAGE, **where)
                            count_board(uow, **where)
                        service[name].append((time.perf_counter() - started) * 1000)
                        started = time.perf_counter()
                        connection.execute(BASELINE_PAGE.format(where=sql, page=PAGE), params).fetchall()
                        connection.execute(BASELINE_COUNT.format(where=sql), params).fetchone()
                        baseline[name].append((time.perf_counter() - started) * 1000)
        finally:
            db.close()
    every_service = _percentiles([sample for samples in service.values() for sample in samples])
    every_baseline = _percentiles([sample for samples in baseline.values() for sample in samples])
    return {
        "wishes_on_the_board": WISHES, "villages": len(COUNTIES) * TOWNSHIPS_PER_COUNTY * VILLAGES_PER_TOWNSHIP,
        "claims_made_here": CLAIMS, "page": PAGE,
        "measured": "board (first page, place names, this station's claims) and count_board in one read-only "
                    "unit of work",
        "wishes_found": shown,
        "board": {name: _percentiles(samples) for name, samples in service.items()},
        "sqlite_same_rows": {name: _percentiles(samples) for name, samples in baseline.items()},
        "every_filter": every_service,
        "every_filter_sqlite": every_baseline,
        "ratio_p50": round(every_service["p50_ms"] / every_baseline["p50_ms"], 1) if every_baseline["p50_ms"] else None,
        "target_p95_ms": TARGET_P95_MS,
        "met": every_service["p95_ms"] <= TARGET_P95_MS,
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2, ensure_ascii=False))
