"""Wish claims pushed at the same moment on PostgreSQL, where pushes run side by side (docs/sync-protocol.md §8):
one claim wins however many arrive together, a hold that ran out passes to exactly one newcomer, and the
old winner's lapse is not lost to an edit its own station pushes meanwhile.

The last case is driven, not hoped for: the push of the new claim is held inside its transaction, after it has
marked the old claim lapsed, while the old claimant's station pushes an edit of that claim.
"""

from __future__ import annotations

import threading
import time
import uuid
from datetime import date, timedelta

import psycopg
import pytest
from sqlalchemy import select
from test_concurrent_pushes import _until, _waiting_on_locks

from sync.server.models import ChangelogEntry, Claim
from sync.server.testing import COMMUNITY_C, VILLAGE_A, VILLAGE_B, change, stamp

DAY = date(2026, 12, 1)
NOW_MS = int(time.time() * 1000)


@pytest.fixture
def server_db_url(postgres_cluster) -> str:
    """PostgreSQL only: SQLite has one writer at a time, so pushes there never overlap."""
    return postgres_cluster.create_database(f"city_{uuid.uuid4().hex[:16]}")


@pytest.fixture
def calendar() -> list[date]:
    return [DAY]


@pytest.fixture
def server(live_server_factory, calendar):
    return live_server_factory(today=lambda: calendar[0])


def _board(station, row_id: str, hold_days: int) -> dict:
    return change("wish_board", row_id, {"village_code": VILLAGE_A, "public_text": "一名老人想要一床棉被",
                                         "category": "clothing", "value_low": 100, "value_high": 200,
                                         "state": "open", "hold_days": hold_days},
                  stamp(NOW_MS, station.station_id))


def _claim(station, row_id: str, board_id: str) -> dict:
    return change("wish_claim", row_id, {"village_code": station.village_code, "to_village_code": VILLAGE_A,
                                         "board_id": board_id, "claimant_kind": "volunteer",
                                         "claimant_name": "志愿者", "claimant_contact": "13904365678"},
                  stamp(NOW_MS, station.station_id))


def _all_at_once(server, pushes: list[tuple[object, dict]]) -> list[dict]:
    """Every push started together (a barrier), each from its own thread; their answers."""
    barrier = threading.Barrier(len(pushes))
    answers: list[dict] = []
    errors: list[BaseException] = []

    def push(station, claim) -> None:
        try:
            barrier.wait(timeout=30)
            answers.append(server.push(station, [claim]))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=push, args=pair) for pair in pushes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return answers


def _rulings(server, field: str) -> int:
    with server.engine.connect() as connection:
        rows = connection.execute(select(ChangelogEntry.fields, ChangelogEntry.origin_station)
                                  .where(ChangelogEntry.entity == "wish_claim"))
        return sum(1 for fields, origin in rows if field in fields and origin is None)


def test_claims_arriving_together_leave_one_winner_and_a_lapsed_hold_passes_to_one_newcomer(server, calendar):
    a = server.enroll(VILLAGE_A)
    server.push(a, [_board(a, "wish-1", hold_days=2)])
    claimants = [server.enroll(code) for code in (VILLAGE_B, COMMUNITY_C) * 4]

    first = _all_at_once(server, [(station, _claim(station, f"first-{n}", "wish-1"))
                                  for n, station in enumerate(claimants)])
    assert sum(len(answer["accepted"]) for answer in first) == 1
    assert sorted(item["code"] for answer in first for item in answer["rejected"]) == ["claimed"] * 7
    (winner,) = [row_id for row_id, record in server.records("wish_claim").items() if record.get("held_until")]
    assert _rulings(server, "held_until") == 1

    calendar[0] = DAY + timedelta(days=3)  # the hold ran out with nothing recorded
    second = _all_at_once(server, [(station, _claim(station, f"second-{n}", "wish-1"))
                                   for n, station in enumerate(claimants)])
    assert sum(len(answer["accepted"]) for answer in second) == 1
    records = server.records("wish_claim")
    (newcomer,) = [row_id for row_id in records if row_id.startswith("second-")]
    assert records[newcomer]["held_until"] == (DAY + timedelta(days=5)).isoformat()
    assert records[winner]["lapsed"] is True
    assert (_rulings(server, "held_until"), _rulings(server, "lapsed")) == (2, 1)
    with server.engine.connect() as connection:
        assert connection.execute(select(Claim.target, Claim.row_id)).all() == [("wish-1", newcomer)]


def test_a_lapse_and_the_old_claimants_edit_at_the_same_moment_both_stay(server, server_db_url, calendar):
    a, b, c = server.enroll(VILLAGE_A), server.enroll(VILLAGE_B), server.enroll(COMMUNITY_C)
    server.push(a, [_board(a, "wish-1", hold_days=1)])
    old = _claim(b, "old", "wish-1")
    assert server.push(b, [old])["accepted"] == [old["change_id"]]
    calendar[0] = DAY + timedelta(days=2)
    new = _claim(c, "new", "wish-1")
    # Hold the new claim's push at its last write: an uncommitted outcome row with the same key makes its insert
    # of applied_changes wait — after it has ruled, marked the old claim lapsed and written the records.
    blocker = psycopg.connect(server_db_url.replace("postgresql+psycopg", "postgresql"))
    blocker.execute("INSERT INTO applied_changes (station_id, change_id, received_at, outcome) "
                    "VALUES (%s, %s, now(), 'accepted')", (c.station_id, new["change_id"]))
    answers: dict[str, dict] = {}
    threads = [threading.Thread(target=lambda: answers.setdefault("new", server.push(c, [new])))]
    try:
        threads[0].start()
        _until(lambda: _waiting_on_locks(server_db_url) >= 1, "the new claim's push never got to its last write")
        note = change("wish_claim", "old", {"note": "周六上午送到"}, stamp(NOW_MS + 10, b.station_id),
                      base={"note": None})
        threads.append(threading.Thread(target=lambda: answers.setdefault("note", server.push(b, [note]))))
        threads[1].start()
        _until(lambda: "note" in answers or _waiting_on_locks(server_db_url) >= 2,
               "the edit neither finished nor waited")
    finally:
        blocker.rollback()
        blocker.close()
        for thread in threads:
            thread.join(timeout=60)
    assert answers["new"]["accepted"] == [new["change_id"]]
    assert answers["note"]["accepted"] == [note["change_id"]]
    record = server.records("wish_claim")["old"]
    assert (record["lapsed"], record["note"]) == (True, "周六上午送到")
