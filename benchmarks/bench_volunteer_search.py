"""How fast the volunteer list answers a search at 30,000 volunteers: p50/p95 ms, beside a plain sqlite3 LIKE.

Set-up (not measured): a set-up station in a temporary folder gets 30,000 synthetic volunteers with
realistic Chinese names, valid ID numbers and mobile phones, inserted in bulk with core SQL after
working out each row's search text and sort key with the model's own ``__derived__`` function (and
a sync stamp per field, as real rows carry); plus
teams, memberships and service-hour records, so each listed page also sums hours and names teams.

Measured: what the volunteer list does on each keystroke that settles — one read-only unit of work
running ``search_volunteers`` (first page, 200 rows) and ``count_volunteers`` — for three kinds of
query, each many times, from a different person each time: a name fragment of two Chinese characters, three pinyin
initials, and a 4–6 digit piece of a phone number.  Baseline: sqlite3 on the same file doing
``SELECT id, name, phone FROM volunteers WHERE name LIKE ? LIMIT 200``.  Target: p95 ≤ 30 ms.
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

VOLUNTEERS = 30_000
TARGET_P95_MS = 30.0
VILLAGE = "220802101201"

SURNAMES = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
            "余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文单")
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红玉梅凤春海燕林军辉鹏飞亮宇浩然子涵欣怡"
         "佳琪思远文博晓东丹丹雪婷德胜振华永福淑珍桂芝秀兰长青国庆建华立新大义小龙金花")
AREAS = ("220802", "220821", "220822", "220881", "220882")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _id_number(rng: random.Random, born: date, taken: set[str]) -> str:
    from desktop.domain.id_number import check_character

    while True:
        first17 = f"{rng.choice(AREAS)}{born:%Y%m%d}{rng.randrange(1000):03d}"
        number = first17 + check_character(first17)
        if number not in taken:
            taken.add(number)
            return number


def _people(rng: random.Random) -> list[dict]:
    from desktop.storage.models import Volunteer

    derive = Volunteer.__derived__[1]
    # Rows as the unit of work writes them: a stamp per synced field, which makes a row (and a scan) longer.
    stamp = "001764406800000-000000-0a0a0a0a-0000-0000-0000-00000000000b"
    stamps = dict.fromkeys(Volunteer.__sync__.fields, stamp)
    now = datetime(2026, 11, 29, 9, 0)
    taken: set[str] = set()
    phones: set[str] = set()
    rows = []
    for _ in range(VOLUNTEERS):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        born = date(1950, 1, 1) + timedelta(days=rng.randrange(55 * 365))
        number = _id_number(rng, born, taken)
        phone = ""
        while not phone or phone in phones:
            phone = f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"
        phones.add(phone)
        row = {"id": str(uuid.UUID(int=rng.getrandbits(128))), "village_code": VILLAGE, "name": name,
               "gender": "male" if int(number[16]) % 2 else "female", "birth_date": born.isoformat(),
               "id_number": number, "phone": phone, "address": f"幸福村{rng.randrange(1, 9)}组",
               "political_status": rng.choice(("masses", "masses", "party_member", "league_member")),
               "skills": rng.choice(("", "", "电工", "医护", "驾驶", "文艺")), "volunteer_number": "",
               "registered_on": "2025-03-05", "status": rng.choice(("active",) * 9 + ("paused",)), "notes": "",
               "merged_into": "", "hlc": stamp, "field_hlc": stamps, "deleted": False, "created_at": now,
               "created_by": None, "updated_at": now, "updated_by": None}
        row.update(derive(row))
        rows.append(row)
    return rows


def build_station(root: Path):
    """A set-up station holding the synthetic volunteers, their teams and their hours (set-up, not timed)."""
    from conftest import set_up
    from sqlalchemy import insert

    from desktop.domain.actor import SYSTEM
    from desktop.paths import DataFolder
    from desktop.storage.database import open_database
    from desktop.storage.models import ServiceHours, Team, TeamMember, Volunteer

    db = open_database(DataFolder(root / "station"))
    _admin, _coordinator, _hut, viewer = set_up(db)
    rng = random.Random(20261129)
    people = _people(rng)
    stamp = {"hlc": "", "field_hlc": {}, "deleted": False, "created_at": datetime(2026, 11, 29),
             "created_by": None, "updated_at": datetime(2026, 11, 29), "updated_by": None,
             "village_code": VILLAGE}
    teams = [dict(stamp, id=str(uuid.UUID(int=rng.getrandbits(128))), name=name, kind=kind, description="",
                  active=True) for name, kind in (("医疗卫生服务队", "medical"), ("送教下乡服务队", "teaching"),
                                                  ("科普惠民服务队", "science"), ("抢险救灾服务队", "rescue"),
                                                  ("文艺服务队", "arts"))]
    members = [dict(stamp, id=str(uuid.UUID(int=rng.getrandbits(128))), team_id=rng.choice(teams)["id"],
                    volunteer_id=person["id"], role="member", joined_on="2025-03-05")
               for person in rng.sample(people, VOLUNTEERS // 3)]
    hours = [dict(stamp, id=str(uuid.UUID(int=rng.getrandbits(128))), volunteer_id=rng.choice(people)["id"],
                  kind="credit", hours=3.0, served_on="2026-10-09", content="周五志愿服务日", activity_id="",
                  reverses_id="", reason="", recorded_by_name="李秀英") for _ in range(VOLUNTEERS * 2)]
    with db.unit_of_work(SYSTEM) as uow:
        for model, rows in ((Volunteer, people), (Team, teams), (TeamMember, members), (ServiceHours, hours)):
            for start in range(0, len(rows), 5000):
                uow.session.execute(insert(model.__table__), rows[start:start + 5000])
    with sqlite3.connect(db.folder.database) as connection:
        connection.execute("ANALYZE")
    return db, viewer, people


def _queries(rng: random.Random, people: list[dict], count: int) -> dict[str, list[str]]:
    from desktop.domain.pinyin_search import SEPARATOR

    picks = rng.sample(people, count * 3)  # a different person for every query
    return {
        "name_2_chinese_chars": [p["name"][:2] for p in picks[:count]],
        "pinyin_initials_3": [p["search_text"].split(SEPARATOR)[2][:3].ljust(3, "x")
                              for p in picks[count:2 * count]],
        "phone_fragment": [p["phone"][(start := rng.randrange(3, 7)):start + rng.randrange(4, 7)]
                           for p in picks[2 * count:]],
    }


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = statistics.quantiles(ordered, n=20, method="inclusive")[18] if len(ordered) > 1 else ordered[0]
    return {"p50_ms": round(statistics.median(ordered), 2), "p95_ms": round(p95, 2),
            "max_ms": round(ordered[-1], 2), "queries": len(ordered)}


def run() -> dict:
    from desktop.services.volunteers import count_volunteers, search_volunteers

    per_kind = 20 * rounds(3)
    with tempfile.TemporaryDirectory(prefix="village-station-bench-") as tmp:
        db, viewer, people = build_station(Path(tmp))
        try:
            queries = _queries(random.Random(7), people, per_kind)
            results: dict[str, dict] = {}
            found: dict[str, float] = {}
            for kind, texts in queries.items():
                with db.reading(viewer) as uow:  # warm the caches once, unmeasured
                    search_volunteers(uow, text=texts[0])
                samples, hits = [], []
                for text in texts:
                    started = time.perf_counter()
                    with db.reading(viewer) as uow:
                        rows = search_volunteers(uow, text=text, limit=200)
                        total = count_volunteers(uow, text=text)
                    samples.append((time.perf_counter() - started) * 1000)
                    hits.append(total)
                    assert len(rows) == min(total, 200)
                results[kind] = _percentiles(samples)
                found[kind] = round(statistics.mean(hits), 1)
            baseline = []
            with sqlite3.connect(db.folder.database) as connection:
                for text in queries["name_2_chinese_chars"]:
                    started = time.perf_counter()
                    connection.execute("SELECT id, name, phone FROM volunteers WHERE name LIKE ? LIMIT 200",
                                       (f"%{text}%",)).fetchall()
                    baseline.append((time.perf_counter() - started) * 1000)
        finally:
            db.close()
    worst = max(result["p95_ms"] for result in results.values())
    return {
        "volunteers": VOLUNTEERS,
        "measured": "search_volunteers (first page of 200) + count_volunteers in one read-only unit of work",
        **results,
        "mean_matches": found,
        "sqlite_name_like_limit_200": _percentiles(baseline),
        "target_p95_ms": TARGET_P95_MS,
        "met": worst <= TARGET_P95_MS,
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
