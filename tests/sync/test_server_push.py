"""Push: scope, idempotency, the three merge rules, conflicts kept, limits, and the sync generation."""

from __future__ import annotations

import gzip
import itertools
import json
import os
import threading
import time
import uuid
from base64 import b64encode

from sync.protocol import MAX_BODY_COMPRESSED, MAX_BODY_UNCOMPRESSED, MAX_PUSH_CHANGES
from sync.server.database import CHANGELOG_LOCK
from sync.server.models import AppliedChange, ChangelogEntry, Claim, Record
from sync.server.testing import VILLAGE_A, VILLAGE_B, change, stamp

PROFILE = "test_profile"  # village_profile's fields, a free id (conftest.py)
T0 = 1_780_000_000_000  # milliseconds; any fixed moment will do


def _profile(row_id: str, at: str, village: str = VILLAGE_A, **fields) -> dict:
    values = {"village_code": village, "station_name": "幸福村志愿服务站", "contact_name": "王建国",
              "contact_phone": "13912345678", **fields}
    return change(PROFILE, row_id, values, at)


def _records(server, entity: str) -> dict[str, dict]:
    """entity's records as every station of village A and B together sees them (row id -> fields)."""
    return server.records(entity)


def _counts(server) -> tuple[int, int, int]:
    return server.count(Record), server.count(ChangelogEntry), server.count(AppliedChange)


def test_a_change_for_another_village_is_refused_and_the_rest_of_the_batch_applies(live_server):
    a = live_server.enroll(VILLAGE_A)
    b = live_server.enroll(VILLAGE_B)
    live_server.push(b, [_profile("profile-b", stamp(T0, b.station_id), village=VILLAGE_B)])
    good_1 = _profile("profile-a", stamp(T0, a.station_id))
    foreign = _profile("sneaky", stamp(T0, a.station_id), village=VILLAGE_B)
    into_b = change(PROFILE, "profile-b", {"notes": "mine now"}, stamp(T0 + 1, a.station_id))
    city = change("region", VILLAGE_A, {"name": "改名村"}, stamp(T0, a.station_id))
    unknown_kind = change("no_such_kind", "x", {"village_code": VILLAGE_A}, stamp(T0, a.station_id))
    unknown_field = change(PROFILE, "profile-a", {"password": "x"}, stamp(T0, a.station_id))
    good_2 = change(PROFILE, "profile-a", {"notes": "开放时间周五下午"}, stamp(T0 + 5, a.station_id),
                    base={"notes": None})
    answer = live_server.push(a, [good_1, foreign, into_b, city, unknown_kind, unknown_field, good_2])

    assert answer["accepted"] == [good_1["change_id"], good_2["change_id"]]
    codes = {item["change_id"]: item["code"] for item in answer["rejected"]}
    assert codes == {foreign["change_id"]: "out_of_scope", into_b["change_id"]: "out_of_scope",
                     city["change_id"]: "out_of_scope", unknown_kind["change_id"]: "unknown_kind",
                     unknown_field["change_id"]: "unknown_field"}
    reasons = {item["change_id"]: item["reason"] for item in answer["rejected"]}
    assert VILLAGE_B in reasons[foreign["change_id"]] and "password" in reasons[unknown_field["change_id"]]

    profiles = _records(live_server, PROFILE)
    assert set(profiles) == {"profile-a", "profile-b"}
    assert profiles["profile-a"]["notes"] == "开放时间周五下午"
    assert "notes" not in profiles["profile-b"]
    assert _records(live_server, "region")[VILLAGE_A]["name"] == "幸福村"
    # Refusals are remembered with their reasons: a resend gets the same answer.
    again = live_server.push(a, [foreign, good_1])
    assert again["accepted"] == [good_1["change_id"]]
    assert again["rejected"] == [item for item in answer["rejected"] if item["change_id"] == foreign["change_id"]]


def test_a_resent_batch_is_applied_once(live_server):
    a = live_server.enroll(VILLAGE_A)
    changes = [_profile(f"p{i}", stamp(T0 + i, a.station_id)) for i in range(5)]
    changes.append(_profile("bad", stamp(T0, a.station_id), village=VILLAGE_B))
    batch_id = str(uuid.uuid4())
    first = live_server.push(a, changes, batch_id=batch_id)
    counts = _counts(live_server)
    second = live_server.push(a, changes, batch_id=batch_id)  # the answer was lost; the station sends again
    assert second["accepted"] == first["accepted"] and second["rejected"] == first["rejected"]
    assert _counts(live_server) == counts
    # The same change twice in one batch counts once too.
    twice = _profile("p-twice", stamp(T0, a.station_id))
    answer = live_server.push(a, [twice, twice])
    assert answer["accepted"] == [twice["change_id"]]
    assert live_server.count(ChangelogEntry) == counts[1] + 1


def test_a_replayed_old_batch_changes_nothing(live_server):
    a = live_server.enroll(VILLAGE_A)
    created = _profile("p", stamp(T0, a.station_id), notes="旧")
    old = live_server.push(a, [created])
    edit = change(PROFILE, "p", {"notes": "新"}, stamp(T0 + 10, a.station_id), base={"notes": stamp(T0, a.station_id)})
    live_server.push(a, [edit])
    counts = _counts(live_server)
    replay = live_server.push(a, [created])
    assert replay["accepted"] == old["accepted"]
    assert _records(live_server, PROFILE)["p"]["notes"] == "新"
    assert _counts(live_server) == counts


def test_the_greater_stamp_wins_whatever_order_changes_arrive_in(live_server):
    a = live_server.enroll(VILLAGE_A)
    start = stamp(T0, "pc-0")
    for order in itertools.permutations(range(3)):
        row_id = "p" + "".join(map(str, order))
        live_server.push(a, [_profile(row_id, start, contact_name="起始")])
        edits = [change(PROFILE, row_id, {"contact_name": f"名字{i}"}, stamp(T0 + 100 * (i + 1), f"pc-{i + 1}"),
                        base={"contact_name": start}) for i in range(3)]
        for index in order:
            live_server.push(a, [edits[index]])
    profiles = _records(live_server, PROFILE)
    assert {profile["contact_name"] for profile in profiles.values()} == {"名字2"}
    assert len(profiles) == 6
    # Every value that lost is kept, once per record, whatever the order.
    lost: dict[str, list[str]] = {}
    for conflict in _records(live_server, "conflict").values():
        lost.setdefault(conflict["row_id"], []).append(conflict["lost_value"])
    assert {row_id: sorted(values) for row_id, values in lost.items()} == {
        row_id: ["名字0", "名字1"] for row_id in profiles}


def test_a_concurrent_edit_makes_exactly_one_conflict_with_both_values(live_server):
    a1 = live_server.enroll(VILLAGE_A)
    a2 = live_server.enroll(VILLAGE_A)
    created = stamp(T0, a1.station_id)
    live_server.push(a1, [_profile("p", created)])
    # Both PCs saw the created record, then changed the phone while offline; a2's edit is later and arrives first.
    later = change(PROFILE, "p", {"contact_phone": "13800000002"}, stamp(T0 + 2000, a2.station_id),
                   base={"contact_phone": created})
    earlier = change(PROFILE, "p", {"contact_phone": "13800000001", "notes": "只改了备注"},
                     stamp(T0 + 1000, a1.station_id), base={"contact_phone": created, "notes": None})
    live_server.push(a2, [later])
    answer = live_server.push(a1, [earlier])
    assert answer["accepted"] == [earlier["change_id"]]
    live_server.push(a1, [earlier])  # a resend makes no second conflict

    record = _records(live_server, PROFILE)["p"]
    assert record["contact_phone"] == "13800000002"
    assert record["notes"] == "只改了备注"  # the field nobody else touched is simply taken
    conflicts = _records(live_server, "conflict")
    assert len(conflicts) == 1
    (conflict,) = conflicts.values()
    assert conflict == {
        "village_code": VILLAGE_A, "entity": PROFILE, "row_id": "p", "field": "contact_phone",
        "kept_value": "13800000002", "kept_stamp": later["stamps"]["contact_phone"],
        "lost_value": "13800000001", "lost_stamp": earlier["stamps"]["contact_phone"],
        "lost_station": a1.station_id, "resolved": False, "resolution": ""}
    # Both PCs of the village receive it, the one whose push made it too.
    for station in (a1, a2):
        entities = [item["entity"] for item in live_server.pull_all(station)]
        assert entities.count("conflict") == 1


def test_an_edit_on_the_current_value_or_to_the_same_value_is_no_conflict(live_server):
    a1 = live_server.enroll(VILLAGE_A)
    a2 = live_server.enroll(VILLAGE_A)
    created = stamp(T0, a1.station_id)
    live_server.push(a1, [_profile("p", created)])
    first = stamp(T0 + 10, a2.station_id)
    live_server.push(a2, [change(PROFILE, "p", {"notes": "甲"}, first, base={"notes": None})])
    live_server.push(a1, [change(PROFILE, "p", {"notes": "乙"}, stamp(T0 + 20, a1.station_id), base={"notes": first})])
    live_server.push(a2, [change(PROFILE, "p", {"contact_name": "王建国"}, stamp(T0 + 5, a2.station_id),
                                 base={"contact_name": None})])  # concurrent, but the same value
    assert _records(live_server, PROFILE)["p"]["notes"] == "乙"
    assert _records(live_server, "conflict") == {}


def test_a_blank_that_loses_to_a_typed_value_is_no_conflict(live_server):
    # Two PCs of the village each set up the profile with a blank phone; one then types the number.
    a1 = live_server.enroll(VILLAGE_A)
    a2 = live_server.enroll(VILLAGE_A)
    first = stamp(T0, a1.station_id)
    live_server.push(a1, [_profile("p", first, contact_phone="")])
    typed = change(PROFILE, "p", {"contact_phone": "13800000009"}, stamp(T0 + 2000, a1.station_id),
                   base={"contact_phone": first})
    live_server.push(a1, [typed])
    blank_again = _profile("p", stamp(T0 + 1000, a2.station_id), contact_phone="")  # a2's own set-up, pushed late
    live_server.push(a2, [blank_again])
    assert _records(live_server, PROFILE)["p"]["contact_phone"] == "13800000009"
    assert _records(live_server, "conflict") == {}


def test_an_append_record_keeps_its_first_version(live_server):
    a = live_server.enroll(VILLAGE_A)
    first = change("test_ledger", "m1", {"village_code": VILLAGE_A, "item": "大米", "qty": 5}, stamp(T0, "x"))
    later = change("test_ledger", "m1", {"village_code": VILLAGE_A, "item": "大米", "qty": 9}, stamp(T0 + 9, "x"))
    assert live_server.push(a, [first])["accepted"] == [first["change_id"]]
    logged = live_server.count(ChangelogEntry)
    assert live_server.push(a, [later])["accepted"] == [later["change_id"]]
    assert _records(live_server, "test_ledger")["m1"]["qty"] == 5
    assert live_server.count(ChangelogEntry) == logged


def test_the_first_claim_wins_and_the_other_claimant_is_told(live_server):
    a = live_server.enroll(VILLAGE_A)
    b = live_server.enroll(VILLAGE_B)
    claim_a = change("test_wish_claim", "claim-a", {"village_code": VILLAGE_A, "wish_id": "wish-7", "note": "我们来"},
                     stamp(T0 + 50, a.station_id))
    claim_b = change("test_wish_claim", "claim-b", {"village_code": VILLAGE_B, "wish_id": "wish-7", "note": "我们"},
                     stamp(T0, b.station_id))  # an earlier stamp does not matter: arrival decides
    assert live_server.push(a, [claim_a])["accepted"] == [claim_a["change_id"]]
    answer = live_server.push(b, [claim_b])
    assert answer["accepted"] == []
    assert answer["rejected"] == [{"change_id": claim_b["change_id"], "code": "claimed",
                                   "reason": f"Already claimed by village {VILLAGE_A}."}]
    assert live_server.push(b, [claim_b])["rejected"][0]["code"] == "claimed"  # and again on a resend
    # The winner may edit its own claim; a claim for another wish is free.
    note = change("test_wish_claim", "claim-a", {"note": "周五送到"}, stamp(T0 + 60, a.station_id),
                  base={"note": claim_a["stamps"]["note"]})
    other = change("test_wish_claim", "claim-b2", {"village_code": VILLAGE_B, "wish_id": "wish-8"},
                   stamp(T0, b.station_id))
    assert live_server.push(a, [note])["accepted"] == [note["change_id"]]
    assert live_server.push(b, [other])["accepted"] == [other["change_id"]]
    assert set(_records(live_server, "test_wish_claim")) == {"claim-a", "claim-b2"}
    assert live_server.count(Claim) == 2


def test_two_claims_in_one_batch_from_one_station_keep_the_first(live_server):
    a = live_server.enroll(VILLAGE_A)
    one = change("test_wish_claim", "c1", {"village_code": VILLAGE_A, "wish_id": "w"}, stamp(T0, a.station_id))
    two = change("test_wish_claim", "c2", {"village_code": VILLAGE_A, "wish_id": "w"}, stamp(T0, a.station_id))
    answer = live_server.push(a, [one, two])
    assert answer["accepted"] == [one["change_id"]]
    assert [item["code"] for item in answer["rejected"]] == ["claimed"]


def test_malformed_changes_are_refused_one_by_one_and_a_malformed_batch_whole(live_server):
    a = live_server.enroll(VILLAGE_A)
    fine = _profile("p", stamp(T0, a.station_id))
    no_stamp = dict(_profile("q", stamp(T0, a.station_id)), stamps={})
    bad_stamp = _profile("r", "yesterday")
    answer = live_server.push(a, [no_stamp, fine, bad_stamp])
    assert answer["accepted"] == [fine["change_id"]]
    assert [item["code"] for item in answer["rejected"]] == ["bad_request", "bad_request"]
    for payload in ({"changes": "nope"}, {"changes": [{"entity": PROFILE}]}, [1, 2]):
        response = live_server.request("POST", "/api/v1/push", token=a.token, payload=payload)
        assert response.status_code == 400
        assert response.json()["error"] == "bad_request"
    not_json = live_server.request("POST", "/api/v1/push", token=a.token, body=gzip.compress(b"{nope"))
    assert not_json.status_code == 400
    not_gzip = live_server.request("POST", "/api/v1/push", token=a.token, body=b'{"changes": []}')
    assert not_gzip.status_code == 400


def test_bodies_over_the_limits_are_refused_with_413(live_server):
    a = live_server.enroll(VILLAGE_A)
    # Incompressible: over 4 MiB on the wire.
    noise = b64encode(os.urandom(MAX_BODY_COMPRESSED)).decode("ascii")
    big = gzip.compress(json.dumps({"changes": [], "padding": noise}).encode(), compresslevel=1)
    assert len(big) > MAX_BODY_COMPRESSED
    # Tiny on the wire, but unpacking past 16 MiB.
    bomb = gzip.compress(json.dumps({"changes": [], "padding": "0" * (MAX_BODY_UNCOMPRESSED + 1)}).encode())
    assert len(bomb) < 100_000
    too_many = {"changes": [_profile(f"p{i}", stamp(T0, "x")) for i in range(MAX_PUSH_CHANGES + 1)]}
    for body in (big, bomb, gzip.compress(json.dumps(too_many).encode())):
        response = live_server.request("POST", "/api/v1/push", token=a.token, body=body)
        assert response.status_code == 413
        assert response.json()["error"] == "too_large"
    assert live_server.count(AppliedChange) == 0
    # A full batch is fine.
    full = live_server.push(a, too_many["changes"][:MAX_PUSH_CHANGES])
    assert len(full["accepted"]) == MAX_PUSH_CHANGES


def test_the_generation_rises_with_each_completed_sync_and_an_older_copy_is_told_to_refetch(live_server):
    a = live_server.enroll(VILLAGE_A)
    first = live_server.push(a, [], generation=0)
    assert (first["generation"], first["refetch"]) == (1, False)
    # Within one sync every request carries the same generation: no refetch.
    page = live_server.pull(a, generation=0)
    assert (page["generation"], page["refetch"]) == (1, False)
    # The station completed the sync and took generation 1.
    second = live_server.push(a, [], generation=1)
    assert (second["generation"], second["refetch"]) == (2, False)
    # A copy of the database (or a restored backup) is still on 0.
    copy = live_server.pull(a, generation=0)
    assert copy["refetch"] is True
    assert live_server.push(a, [], generation=0)["refetch"] is True
    # Without the header nobody is told anything.
    assert live_server.pull(a)["refetch"] is False


def test_load_is_shed_by_sync_with_503_busy_and_retry_after(live_server_factory, server_db_url):
    server = live_server_factory(max_concurrent=1, retry_after_s=7, queue_wait_s=0.3)
    a = server.enroll(VILLAGE_A)
    b = server.enroll(VILLAGE_B)
    # Hold the writers' lock so a push waits inside the server, its station taking the one seat.
    if server_db_url.startswith("sqlite"):
        import sqlite3

        holder = sqlite3.connect(server_db_url.removeprefix("sqlite:///"), isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
    else:
        import psycopg

        holder = psycopg.connect(server_db_url.replace("postgresql+psycopg", "postgresql"))
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (CHANGELOG_LOCK,))
    results: dict[str, int] = {}

    def start_push() -> threading.Thread:
        results.clear()
        thread = threading.Thread(target=lambda: results.setdefault("push", server.request(
            "POST", "/api/v1/push", token=a.token, payload={"changes": [_profile("p", stamp(T0, "x"))]}).status_code))
        thread.start()
        return thread

    pushing = start_push()
    try:
        deadline = time.monotonic() + 20
        while True:
            if results.get("push") == 503:
                pushing = start_push()  # b's probe had the seat when the push came: try again
            response = server.request("GET", "/api/v1/summary", token=b.token)
            if response.status_code == 503 or time.monotonic() > deadline:
                break
            time.sleep(0.02)
        assert response.status_code == 503
        assert response.json()["error"] == "busy"
        assert response.headers["Retry-After"] == "7"
        # The station whose sync is in goes on: its pull is not sent back to the queue.
        assert server.request("GET", "/api/v1/pull", token=a.token).status_code == 200
        assert server.request("GET", "/api/health", protocol=None).status_code == 200  # health is never shed
    finally:
        holder.rollback()
        holder.close()
        pushing.join(timeout=30)
    assert results["push"] == 200
    assert server.request("GET", "/api/v1/summary", token=a.token).status_code == 200  # a's sync ends here
    assert server.request("GET", "/api/v1/summary", token=b.token).status_code == 200


def test_a_station_that_finds_every_seat_taken_waits_for_the_first_that_frees(live_server_factory):
    server = live_server_factory(max_concurrent=1, queue_wait_s=30)
    a = server.enroll(VILLAGE_A)
    b = server.enroll(VILLAGE_B)
    assert server.request("GET", "/api/v1/pull", token=a.token).status_code == 200  # a's sync has the seat
    answers: dict[str, int] = {}
    waiting = threading.Thread(target=lambda: answers.setdefault("b", server.request(
        "GET", "/api/v1/summary", token=b.token).status_code))
    waiting.start()
    waiting.join(timeout=1.0)
    assert waiting.is_alive() and not answers, "b waits for the seat instead of being turned away"
    assert server.request("GET", "/api/v1/summary", token=a.token).status_code == 200  # a's sync ends
    waiting.join(timeout=30)
    assert answers == {"b": 200}
