"""Pull and summary: each station reads exactly its village, what is addressed to it and the city's records,
page by page in sequence order, and can check itself against the summary."""

from __future__ import annotations

from desktop.domain.sync_kinds import summary_checksum
from sync.server.testing import COMMUNITY_C, VILLAGE_A, VILLAGE_B, change, stamp

PROFILE = "test_profile"  # village_profile's fields, a free id (conftest.py)
T0 = 1_780_000_000_000


def _profile(row_id: str, at: str, village: str, **fields) -> dict:
    return change(PROFILE, row_id, {"village_code": village, "station_name": f"{row_id} 站", **fields}, at)


def _rows(changes: list[dict], entity: str) -> set[str]:
    return {item["row_id"] for item in changes if item["entity"] == entity}


def test_a_station_reads_its_own_village_and_not_another(live_server):
    a1 = live_server.enroll(VILLAGE_A)
    a2 = live_server.enroll(VILLAGE_A)
    b = live_server.enroll(VILLAGE_B)
    live_server.push(a1, [_profile("a-profile", stamp(T0, "a1"), VILLAGE_A),
                          change("test_ledger", "a-move", {"village_code": VILLAGE_A, "item": "大米", "qty": 3},
                                 stamp(T0, "a1"))])
    live_server.push(b, [_profile("b-profile", stamp(T0, "b"), VILLAGE_B)])

    seen_by_a2 = live_server.pull_all(a2)
    assert _rows(seen_by_a2, PROFILE) == {"a-profile"}
    assert _rows(seen_by_a2, "test_ledger") == {"a-move"}
    assert _rows(live_server.pull_all(b, include_own=True), PROFILE) == {"b-profile"}
    assert live_server.summary(b)["counts"].get(PROFILE) == 1
    assert "test_ledger" not in live_server.summary(b)["counts"]


def test_a_station_does_not_get_back_what_it_pushed_unless_it_asks(live_server):
    a1 = live_server.enroll(VILLAGE_A)
    a2 = live_server.enroll(VILLAGE_A)
    mine = _profile("p", stamp(T0, a1.station_id), VILLAGE_A)
    live_server.push(a1, [mine])
    assert _rows(live_server.pull_all(a1), PROFILE) == set()
    own = [item for item in live_server.pull_all(a1, include_own=True) if item["entity"] == PROFILE]
    assert own == [{"seq": own[0]["seq"], "entity": PROFILE, "row_id": "p", "fields": mine["fields"],
                    "stamps": mine["stamps"], "origin": a1.station_id}]
    assert _rows(live_server.pull_all(a2), PROFILE) == {"p"}


def test_city_records_reach_every_station(live_server):
    stations = [live_server.enroll(code) for code in (VILLAGE_A, VILLAGE_B, COMMUNITY_C)]
    for station in stations:
        assert _rows(live_server.pull_all(station), "region") == {"220802101", VILLAGE_A, VILLAGE_B, COMMUNITY_C}
    cursors = [live_server.pull(station)["last_seq"] for station in stations]
    # The city renames a village and adds one: only the changes travel, to everyone.
    live_server.import_regions("220802101,平安镇,township,220802\n220802101201,幸福新村,village,220802101\n"
                               "220802101203,东风村,village,220802101\n")
    for station, cursor in zip(stations, cursors, strict=True):
        news = live_server.pull_all(station, after=cursor)
        assert [(item["row_id"], item["fields"]) for item in news] == [
            (VILLAGE_A, {"name": "幸福新村"}),
            ("220802101203", {"code": "220802101203", "name": "东风村", "level": "village",
                              "parent_code": "220802101"})]
        assert news[0]["origin"] is None


def test_an_addressed_record_reaches_its_addressee_and_nobody_else(live_server):
    a = live_server.enroll(VILLAGE_A)
    b = live_server.enroll(VILLAGE_B)
    c = live_server.enroll(COMMUNITY_C)
    transfer = change("test_transfer", "t1", {"village_code": VILLAGE_A, "to_village_code": VILLAGE_B,
                                              "item": "棉被", "qty": 10}, stamp(T0, a.station_id))
    assert live_server.push(a, [transfer])["accepted"] == [transfer["change_id"]]
    assert _rows(live_server.pull_all(b), "test_transfer") == {"t1"}
    assert _rows(live_server.pull_all(c), "test_transfer") == set()
    assert live_server.summary(b)["counts"]["test_transfer"] == 1
    # Only the sending village writes it.
    received = change("test_transfer", "t1", {"received": True}, stamp(T0 + 5, b.station_id))
    assert live_server.push(b, [received])["rejected"][0]["code"] == "out_of_scope"
    nowhere = change("test_transfer", "t2", {"village_code": VILLAGE_A, "to_village_code": "220802999999",
                                             "item": "棉被", "qty": 1}, stamp(T0, a.station_id))
    assert live_server.push(a, [nowhere])["rejected"][0]["code"] == "unknown_village"


def test_paging_returns_every_change_once_in_sequence_order(live_server):
    a1 = live_server.enroll(VILLAGE_A)
    a2 = live_server.enroll(VILLAGE_A)
    b = live_server.enroll(VILLAGE_B)
    for batch in range(3):
        live_server.push(a1, [_profile(f"a{batch}-{i}", stamp(T0 + i, "a1"), VILLAGE_A) for i in range(9)])
        live_server.push(b, [_profile(f"b{batch}-{i}", stamp(T0 + i, "b"), VILLAGE_B) for i in range(5)])
    everything = live_server.pull(a2, limit=1000)
    assert everything["more"] is False
    expected = everything["changes"]
    assert len(_rows(expected, PROFILE)) == 27

    pages, after = [], 0
    while True:
        page = live_server.pull(a2, after=after, limit=7)
        pages.append(page)
        assert len(page["changes"]) <= 7
        after = page["last_seq"]
        if not page["more"]:
            break
    paged = [item for page in pages for item in page["changes"]]
    assert paged == expected
    seqs = [item["seq"] for item in paged]
    assert seqs == sorted(set(seqs))
    assert all(page["more"] for page in pages[:-1]) and len(pages) == -(-len(expected) // 7)
    assert all(page["last_seq"] == page["changes"][-1]["seq"] for page in pages[:-1])
    # Past the end: nothing, not more, and the cursor at the newest entry (b's included).
    assert after == live_server.summary(b)["last_seq"]
    beyond = live_server.pull(a2, after=after)
    assert (beyond["changes"], beyond["more"], beyond["last_seq"], beyond["refetch"]) == ([], False, after, False)
    # A cursor past the newest change means the server was restored from a backup: fetch everything again.
    restored = live_server.pull(a2, after=after + 100)
    assert (restored["changes"], restored["refetch"]) == ([], True)
    # The limit is capped at 1000 and must be positive.
    assert live_server.request("GET", "/api/v1/pull", token=a2.token, params={"limit": 0}).status_code == 400
    assert live_server.request("GET", "/api/v1/pull", token=a2.token, params={"after": "x"}).status_code == 400


def test_a_pull_carries_the_current_values_of_the_fields_an_entry_changed(live_server):
    a1 = live_server.enroll(VILLAGE_A)
    a2 = live_server.enroll(VILLAGE_A)
    first = stamp(T0, "a1")
    live_server.push(a1, [_profile("p", first, VILLAGE_A, notes="一")])
    live_server.push(a1, [change(PROFILE, "p", {"notes": "二"}, stamp(T0 + 1, "a1"), base={"notes": first})])
    entries = [item for item in live_server.pull_all(a2) if item["entity"] == PROFILE]
    assert [item["fields"]["notes"] for item in entries] == ["二", "二"]
    assert set(entries[0]["fields"]) == {"village_code", "station_name", "notes"}
    assert list(entries[1]["fields"]) == ["notes"]
    assert entries[1]["stamps"] == {"notes": stamp(T0 + 1, "a1")}


def test_the_summary_matches_what_a_station_holds_after_pulling_everything(live_server):
    a1 = live_server.enroll(VILLAGE_A)
    a2 = live_server.enroll(VILLAGE_A)
    b = live_server.enroll(VILLAGE_B)
    created = stamp(T0, a1.station_id)
    live_server.push(a1, [_profile("p", created, VILLAGE_A, notes="一"),
                          change("test_ledger", "m", {"village_code": VILLAGE_A, "item": "面粉", "qty": 2}, created)])
    live_server.push(a2, [change(PROFILE, "p", {"notes": "二"}, stamp(T0 + 9, a2.station_id), base={"notes": None})])
    live_server.push(b, [_profile("q", stamp(T0, b.station_id), VILLAGE_B)])

    # What a station would hold: every readable record, merged by stamp.
    held: dict[tuple[str, str], dict[str, str]] = {}
    for item in live_server.pull_all(a1, include_own=True):
        stamps = held.setdefault((item["entity"], item["row_id"]), {})
        for name, value in item["stamps"].items():
            stamps[name] = max(value, stamps.get(name, value))
    by_entity: dict[str, list[tuple[str, dict[str, str]]]] = {}
    for (entity, row_id), stamps in held.items():
        by_entity.setdefault(entity, []).append((row_id, stamps))

    summary = live_server.summary(a1)
    assert summary["counts"] == {entity: len(rows) for entity, rows in by_entity.items()}
    assert summary["counts"] == {PROFILE: 1, "test_ledger": 1, "conflict": 1, "region": 4}
    assert summary["checksums"] == {entity: summary_checksum(rows) for entity, rows in by_entity.items()}
    assert summary["last_seq"] == live_server.pull(b)["last_seq"]
    assert "server_time" in summary
    # Another village's summary differs where their records differ, and agrees on the city's.
    other = live_server.summary(b)
    assert other["checksums"]["region"] == summary["checksums"]["region"]
    assert other["checksums"][PROFILE] != summary["checksums"][PROFILE]


def test_summary_checksum_is_defined_by_row_order_and_stamps():
    rows = [("b", {"y": "2", "x": "1"}), ("a", {"x": "3"})]
    assert summary_checksum(rows) == summary_checksum(list(reversed(rows)))
    assert summary_checksum(rows) != summary_checksum([("b", {"y": "2", "x": "1"}), ("a", {"x": "4"})])
    import hashlib

    assert summary_checksum(rows) == hashlib.sha256(b"a\tx=3\nb\tx=1\ty=2\n").hexdigest()
