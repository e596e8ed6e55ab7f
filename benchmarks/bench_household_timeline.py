"""How fast a household's timeline opens: a household with 200 entries among thousands, p50/p95 ms of
``household_timeline``, beside raw SQL reading the same rows in the same run.

Set-up (not measured): a set-up station in a temporary folder gets 3,000 households, 300 trainings, 10,000 wishes,
1,500 sponsorships with 15,000 visits and hand-overs and 6,000 people trained, written in bulk with core SQL (a
sync stamp per field, as real rows carry).  One household has 200 entries: 70 fulfilled wishes (and 10 not
fulfilled, which the timeline leaves out), 80 visits and hand-overs of two sponsorships and 50 trainings; a
duplicate record of it, merged into it, holds a share of each, as a merge leaves them.

Measured: what opening the timeline costs — one read-only unit of work running ``household_timeline`` (the
merged records read, one query per source, the entries sorted newest first).  Baseline, alternating with it in
each round: sqlite3 on the same file reading the same rows (the household and its merged duplicate given) with
the three queries as one ``UNION ALL … ORDER BY``.  Target: p95 at most 50 ms.
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

HOUSEHOLDS = 3_000
TRAININGS = 300
WISHES = 10_000
SPONSORSHIPS = 1_500
EVENTS = 15_000
TRAINEES = 6_000
TARGET_P95_MS = 50.0
VILLAGE = "220802101201"
QUERIES_PER_ROUND = 20

BASELINE_SQL = """
SELECT w.fulfilled_on AS day, 'wish' AS kind, w.given AS what, w.given_by AS who, w.estimated_value AS amount, w.id
  FROM wishes w WHERE w.household_id IN (?, ?) AND w.status = 'fulfilled' AND w.deleted = 0
UNION ALL
SELECT e.happened_on, e.kind, e.what, s.name, e.amount, e.id
  FROM sponsorship_events e JOIN sponsorships p ON p.id = e.sponsorship_id LEFT JOIN sponsors s ON s.id = p.sponsor_id
 WHERE p.household_id IN (?, ?) AND p.deleted = 0 AND e.deleted = 0
UNION ALL
SELECT a.date, 'training', a.title, t.name, 0, t.id
  FROM trainees t JOIN activities a ON a.id = t.activity_id
 WHERE t.household_id IN (?, ?) AND t.deleted = 0 AND a.deleted = 0 AND a.status != 'cancelled'
ORDER BY 1 DESC, 2 DESC, 6 DESC
"""


def _ids(rng: random.Random, count: int) -> list[str]:
    return [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(count)]


def _day(rng: random.Random) -> str:
    return (date(2022, 1, 1) + timedelta(days=rng.randrange(4 * 365))).isoformat()


def build_station(root: Path):
    """A set-up station with the households and what they received (set-up, not timed); returns the database,
    a viewer, the household with 200 entries and its merged duplicate."""
    from conftest import set_up
    from sqlalchemy import insert

    from desktop.domain.actor import SYSTEM
    from desktop.paths import DataFolder
    from desktop.storage.database import open_database
    from desktop.storage.models import (
        Activity,
        Household,
        Sponsor,
        Sponsorship,
        SponsorshipEvent,
        Trainee,
        Wish,
    )

    db = open_database(DataFolder(root / "station"))
    _admin, _coordinator, _hut, viewer = set_up(db)
    rng = random.Random(20261206)
    now = datetime(2026, 12, 6, 9, 0)

    def stamped(model, **values) -> dict:
        stamp = "001764406800000-000000-0a0a0a0a-0000-0000-0000-00000000000b"
        return {"hlc": stamp, "field_hlc": dict.fromkeys(model.__sync__.fields, stamp), "deleted": False,
                "created_at": now, "created_by": None, "updated_at": now, "updated_by": None,
                "village_code": VILLAGE, **values}

    derive = Household.__derived__[1]
    surnames, given = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗", "秀英桂兰建国大义淑珍玉兰志强海燕春梅国庆"
    household_ids = _ids(rng, HOUSEHOLDS)
    target, twin = household_ids[0], household_ids[1]
    households = []
    for number, household_id in enumerate(household_ids):
        head = rng.choice(surnames) + rng.choice(given[::2]) + rng.choice(given[1::2])
        row = stamped(Household, id=household_id, head_name=head, id_number="", phone="", group_name=f"{number % 8}组",
                      address="", size=rng.randint(1, 6), categories="illness", poverty_cause="", health="",
                      disability="", income_notes="", status="helped", status_on="2025-01-01",
                      recheck_on="2027-01-01", notes="", merged_into=target if household_id == twin else "")
        row.update(derive(row))
        households.append(row)
    trainings = [stamped(Activity, id=activity_id, kind="training", title=f"实用技术培训第{number}期", date=_day(rng),
                         start_time="09:00", end_time="11:00", place="村委会", team_id="", description="",
                         trained="", status="closed", closed_on="")
                 for number, activity_id in enumerate(_ids(rng, TRAININGS))]

    def owner(share: int) -> str:  # the target household, its merged duplicate for ``share`` in 10, or another
        return twin if rng.randrange(10) < share else target

    wishes = [stamped(Wish, id=wish_id, household_id=owner(1) if index < 80 else rng.choice(household_ids[2:]),
                      words="想要一个新书包", category="study", estimated_value=rng.randint(50, 500),
                      status="fulfilled" if index < 70 or (index >= 80 and rng.random() < 0.6) else "published",
                      fulfilled_on=_day(rng), given="书包和文具", given_by="爱心人士")
              for index, wish_id in enumerate(_ids(rng, WISHES))]
    sponsors = [stamped(Sponsor, id=sponsor_id, kind="organisation", name=f"爱心单位{number}")
                for number, sponsor_id in enumerate(_ids(rng, 50))]
    pairings = [stamped(Sponsorship, id=pairing_id, household_id=(target, twin)[index] if index < 2
                        else rng.choice(household_ids[2:]), sponsor_id=rng.choice(sponsors)["id"],
                        project="illness", pledge_kind="money", amount=1200, status="active")
                for index, pairing_id in enumerate(_ids(rng, SPONSORSHIPS))]
    events = [stamped(SponsorshipEvent, id=event_id, sponsorship_id=pairings[index % 2]["id"] if index < 80
                      else rng.choice(pairings[2:])["id"], kind=rng.choice(("visit", "handover")),
                      happened_on=_day(rng), what="入户走访", amount=0)
              for index, event_id in enumerate(_ids(rng, EVENTS))]
    trainees = [stamped(Trainee, id=trainee_id, activity_id=trainings[index % TRAININGS]["id"],
                        household_id=owner(2) if index < 50 else rng.choice(household_ids[2:]), member_id="",
                        name=f"学员{index}")
                for index, trainee_id in enumerate(_ids(rng, TRAINEES))]
    with db.unit_of_work(SYSTEM) as uow:
        for model, rows in ((Household, households), (Activity, trainings), (Wish, wishes), (Sponsor, sponsors),
                            (Sponsorship, pairings), (SponsorshipEvent, events), (Trainee, trainees)):
            for start in range(0, len(rows), 5000):
                uow.session.execute(insert(model.__table__), rows[start:start + 5000])
    with sqlite3.connect(db.folder.database) as connection:
        connection.execute("ANALYZE")
    return db, viewer, target, twin


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = statistics.quantiles(ordered, n=20, method="inclusive")[18] if len(ordered) > 1 else ordered[0]
    return {"p50_ms": round(statistics.median(ordered), 2), "p95_ms": round(p95, 2),
            "max_ms": round(ordered[-1], 2), "queries": len(ordered)}


def run() -> dict:
    from desktop.services.households import household_timeline

    with tempfile.TemporaryDirectory(prefix="village-station-bench-") as tmp:
        db, viewer, target, twin = build_station(Path(tmp))
        try:
            with db.reading(viewer) as uow:  # warm the caches once, unmeasured
                entries = household_timeline(uow, household_id=target)
            service, baseline = [], []
            with sqlite3.connect(db.folder.database) as connection:
                raw = connection.execute(BASELINE_SQL, (target, twin) * 3).fetchall()
                for _ in range(rounds()):
                    for _ in range(QUERIES_PER_ROUND):
                        started = time.perf_counter()
                        with db.reading(viewer) as uow:
                            household_timeline(uow, household_id=target)
                        service.append((time.perf_counter() - started) * 1000)
                        started = time.perf_counter()
                        connection.execute(BASELINE_SQL, (target, twin) * 3).fetchall()
                        baseline.append((time.perf_counter() - started) * 1000)
        finally:
            db.close()
    assert len(entries) == len(raw) == 200, (len(entries), len(raw))
    measured = _percentiles(service)
    base = _percentiles(baseline)
    return {
        "households": HOUSEHOLDS, "wishes": WISHES, "sponsorship_events": EVENTS, "trainees": TRAINEES,
        "entries": len(entries),
        "measured": "household_timeline in one read-only unit of work (merged records, one query per source)",
        "household_timeline": measured,
        "sqlite_union_all_same_rows": base,
        "ratio_p50": round(measured["p50_ms"] / base["p50_ms"], 1) if base["p50_ms"] else None,
        "target_p95_ms": TARGET_P95_MS,
        "met": measured["p95_ms"] <= TARGET_P95_MS,
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
