"""Pushes from several stations at once, with pulls in between, on PostgreSQL: every station's pulls see every
change exactly once.  Sequence numbers must be committed in their order, or a pull that runs while an earlier
number is still in flight moves its cursor past it for ever (the changelog lock prevents it).

The interleaving is driven, not hoped for: the first push is held inside its transaction, after it has taken
its sequence numbers, while a second push from another station runs and a third station pulls.
"""

from __future__ import annotations

import threading
import time
import uuid

import psycopg
import pytest

from sync.server.testing import VILLAGE_A, change, stamp

NOW_MS = int(time.time() * 1000)


@pytest.fixture
def server_db_url(postgres_cluster) -> str:
    """PostgreSQL only: SQLite has one writer at a time, so commits there cannot come out of order."""
    return postgres_cluster.create_database(f"city_{uuid.uuid4().hex[:16]}")


def _ledger(station, count: int, tag: str) -> list[dict]:
    return [change("test_ledger", f"{tag}-{number}-{uuid.uuid4().hex[:6]}",
                   {"village_code": VILLAGE_A, "item": tag, "qty": 1}, stamp(NOW_MS + number, station.station_id))
            for number in range(count)]


class Puller:
    """A station that pulls as a real one does: from its cursor, page by page, keeping everything it saw."""

    def __init__(self, server, station) -> None:
        self.server, self.station, self.cursor = server, station, 0
        self.seen: list[tuple[int, str]] = []

    def pull(self) -> None:
        while True:
            page = self.server.pull(self.station, after=self.cursor, limit=50)
            self.seen += [(item["seq"], item["row_id"]) for item in page["changes"]]
            self.cursor = page["last_seq"]
            if not page["more"]:
                return


def _waiting_on_locks(url: str) -> int:
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql"), autocommit=True) as connection:
        return connection.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                  "AND datname = current_database()").fetchone()[0]


def _until(condition, what: str, timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.01)


def test_a_pull_between_commits_out_of_order_misses_nothing(live_server, server_db_url):
    first, second, reader = (live_server.enroll(VILLAGE_A) for _ in range(3))
    puller = Puller(live_server, reader)
    puller.pull()
    held = _ledger(first, 5, "held")
    # Hold the first push at its last write: an uncommitted outcome row with the same key makes its insert
    # of applied_changes wait — after it has numbered and written its changelog entries.
    blocker = psycopg.connect(server_db_url.replace("postgresql+psycopg", "postgresql"))
    blocker.execute("INSERT INTO applied_changes (station_id, change_id, received_at, outcome) "
                    "VALUES (%s, %s, now(), 'accepted')", (first.station_id, held[-1]["change_id"]))
    answers: dict[str, dict] = {}
    pushes = [threading.Thread(target=lambda: answers.setdefault("first", live_server.push(first, held)))]
    try:
        pushes[0].start()
        _until(lambda: _waiting_on_locks(server_db_url) >= 1, "the first push never got to its last write")
        later = _ledger(second, 5, "later")
        pushes.append(threading.Thread(target=lambda: answers.setdefault("second", live_server.push(second, later))))
        pushes[1].start()
        # The second push either waits for the first (the changelog lock) or, without it, commits first.
        _until(lambda: "second" in answers or _waiting_on_locks(server_db_url) >= 2,
               "the second push neither finished nor waited")
        puller.pull()  # a pull while the first push's numbers are still in flight
    finally:
        blocker.rollback()
        blocker.close()
        for thread in pushes:
            thread.join(timeout=60)
    assert len(answers["first"]["accepted"]) == 5 and len(answers["second"]["accepted"]) == 5
    puller.pull()
    expected = {item["row_id"] for item in held + later}
    rows = [row_id for _, row_id in puller.seen if row_id in expected]
    assert sorted(rows) == sorted(expected), "a pull skipped a change committed after a later one"
    assert len(rows) == len(set(rows))


def test_many_stations_pushing_while_others_pull_see_every_change_exactly_once(live_server):
    pushers = [live_server.enroll(VILLAGE_A) for _ in range(4)]
    pullers = [Puller(live_server, live_server.enroll(VILLAGE_A)) for _ in range(2)]
    pushed: list[str] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def push(station) -> None:
        try:
            for round_no in range(6):
                batch = _ledger(station, 40, f"r{round_no}")
                assert len(live_server.push(station, batch)["accepted"]) == 40
                pushed.extend(item["row_id"] for item in batch)
        except BaseException as exc:  # reported below
            errors.append(exc)

    def pull(puller) -> None:
        try:
            while not done.is_set():
                puller.pull()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=push, args=(station,)) for station in pushers]
    readers = [threading.Thread(target=pull, args=(puller,)) for puller in pullers]
    for thread in threads + readers:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    done.set()
    for thread in readers:
        thread.join(timeout=60)
    assert not errors, errors
    for puller in pullers:
        puller.pull()
        rows = [row_id for _, row_id in puller.seen]
        assert sorted(rows) == sorted(set(rows)), "a change was pulled twice"
        assert set(pushed) <= set(rows), "a change was never pulled"
        seqs = [seq for seq, _ in puller.seen]
        assert seqs == sorted(seqs)
