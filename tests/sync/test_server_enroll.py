"""Health, versions and who may talk to the city server: enrollment codes, tokens, revocation, old stations."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import update

from sync.protocol import MAX_PROTOCOL, MIN_PROTOCOL, parse_wire_time
from sync.server import stations
from sync.server.database import utcnow
from sync.server.models import AppliedChange, ChangelogEntry, EnrollAttempt
from sync.server.testing import COMMUNITY_C, VILLAGE_A, VILLAGE_B, change, stamp


def _enroll(server, code: str, station_id: str | None = None):
    return server.request("POST", "/api/v1/enroll", payload={
        "code": code, "station_id": station_id or str(uuid.uuid4()), "app_version": "0.1.0"})


def test_health_says_ok_the_time_and_the_protocol_range(live_server):
    response = live_server.request("GET", "/api/health", protocol=None)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["protocol"] == {"min": MIN_PROTOCOL, "max": MAX_PROTOCOL}
    assert abs(parse_wire_time(body["server_time"]).replace(tzinfo=None) - utcnow()) < timedelta(minutes=1)


def test_an_enrollment_code_works_once_and_gives_the_village_and_regions(live_server):
    code = live_server.make_enroll_code(VILLAGE_A)
    station_id = str(uuid.uuid4())
    first = _enroll(live_server, code, station_id)
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["station_id"] == station_id
    assert len(body["token"]) >= 40
    assert body["village"] == {"code": VILLAGE_A, "name": "幸福村", "level": "village", "parent_code": "220802101"}
    codes = [region["code"] for region in body["regions"]]
    assert codes[0] == "220800"  # parents before children
    assert {"220800", "220802", "220802101", VILLAGE_A, VILLAGE_B, COMMUNITY_C} <= set(codes)
    assert "server_time" in body

    again = _enroll(live_server, code)
    assert again.status_code == 404
    assert again.json()["error"] == "enroll_code_unknown"
    assert "city office" in again.json()["message"]


def test_a_station_whose_enrollment_answer_was_lost_may_use_its_code_again(live_server):
    code = live_server.make_enroll_code(VILLAGE_A)
    station_id = str(uuid.uuid4())
    lost = _enroll(live_server, code, station_id)
    assert lost.status_code == 200
    again = _enroll(live_server, code, station_id)  # the first answer never arrived
    assert again.status_code == 200, again.text
    token = again.json()["token"]
    assert token != lost.json()["token"]
    assert live_server.request("GET", "/api/v1/pull", token=token).status_code == 200
    assert live_server.request("GET", "/api/v1/pull", token=lost.json()["token"]).status_code == 401
    assert _enroll(live_server, code).status_code == 404  # still no use to any other station


def test_codes_are_typed_loosely_but_unknown_and_expired_codes_are_refused(live_server):
    code = live_server.make_enroll_code(VILLAGE_B)
    assert _enroll(live_server, code.lower().replace("-", " ")).status_code == 200

    assert _enroll(live_server, "ABCD-EFGH-JKMN").status_code == 404
    expired = live_server.make_enroll_code(VILLAGE_B, days=7, now=utcnow() - timedelta(days=7, seconds=1))
    response = _enroll(live_server, expired)
    assert response.status_code == 404
    assert response.json()["error"] == "enroll_code_unknown"
    # A code with a minute left still works.
    nearly = live_server.make_enroll_code(VILLAGE_B, days=7, now=utcnow() - timedelta(days=7) + timedelta(minutes=1))
    assert _enroll(live_server, nearly).status_code == 200


def test_a_token_works_until_it_is_revoked(live_server):
    station = live_server.enroll(VILLAGE_A)
    assert live_server.request("GET", "/api/v1/pull", token=station.token).status_code == 200
    live_server.revoke(station)
    for method, path in (("GET", "/api/v1/pull"), ("GET", "/api/v1/summary"), ("POST", "/api/v1/push")):
        response = live_server.request(method, path, token=station.token,
                                       payload={"changes": []} if method == "POST" else None)
        assert response.status_code == 401, path
        assert response.json()["error"] == "unauthorized"
    for token in (None, "not-a-token"):
        assert live_server.request("GET", "/api/v1/pull", token=token).status_code == 401


def _station_row(server, station_id: str):
    from sqlalchemy import select

    from sync.server.models import Station

    with server.engine.connect() as connection:
        return connection.execute(select(Station.__table__).where(Station.station_id == station_id)).first()


def test_a_code_neither_takes_over_an_enrolled_station_nor_moves_it_to_another_village(live_server):
    station = live_server.enroll(VILLAGE_A)
    for village in (VILLAGE_B, VILLAGE_A):
        code = live_server.make_enroll_code(village)
        response = _enroll(live_server, code, station.station_id)
        assert response.status_code == 409, response.text
        assert response.json()["error"] == "station_enrolled"
        assert "city office" in response.json()["message"]
        assert _enroll(live_server, code).status_code == 200  # the code was not used up: a new station may
    assert _station_row(live_server, station.station_id).village_code == VILLAGE_A
    assert live_server.request("GET", "/api/v1/summary", token=station.token).status_code == 200


def test_a_revoked_station_stays_revoked_until_the_city_office_allows_it_again(live_server):
    code = live_server.make_enroll_code(VILLAGE_A)
    station_id = str(uuid.uuid4())
    token = _enroll(live_server, code, station_id).json()["token"]
    stations.revoke_station(live_server.engine, station_id)  # city-server stations revoke
    # Within the resend window its own code does not revive it, nor does a fresh code for its village.
    assert _enroll(live_server, code, station_id).status_code == 404
    assert _enroll(live_server, live_server.make_enroll_code(VILLAGE_A), station_id).status_code == 409
    assert _station_row(live_server, station_id).revoked_at is not None
    assert live_server.request("GET", "/api/v1/summary", token=token).status_code == 401

    stations.allow_reenroll(live_server.engine, station_id)  # city-server stations allow-reenroll
    assert _enroll(live_server, live_server.make_enroll_code(VILLAGE_B), station_id).status_code == 409
    again = _enroll(live_server, live_server.make_enroll_code(VILLAGE_A), station_id)
    assert again.status_code == 200, again.text
    assert live_server.request("GET", "/api/v1/summary", token=again.json()["token"]).status_code == 200
    assert live_server.request("GET", "/api/v1/summary", token=token).status_code == 401
    # The permission was for one enrollment.
    assert _enroll(live_server, live_server.make_enroll_code(VILLAGE_A), station_id).status_code == 409


def test_wrong_codes_slow_the_next_try_and_attempts_are_limited_per_address(live_server, monkeypatch):
    for _ in range(stations.ENROLL_FREE_FAILURES):
        assert _enroll(live_server, "ABCD-EFGH-JKMN").status_code == 404
    right = live_server.make_enroll_code(VILLAGE_A)
    slowed = _enroll(live_server, right)
    assert slowed.status_code == 429
    assert slowed.json()["error"] == "too_many_attempts"
    assert int(slowed.headers["Retry-After"]) >= stations.ENROLL_FAILURE_WAIT_S
    with live_server.engine.begin() as connection:  # the wait has passed
        connection.execute(update(EnrollAttempt.__table__).values(
            last_failed_at=utcnow() - timedelta(seconds=stations.ENROLL_FAILURE_WAIT_S + 1)))
    assert _enroll(live_server, right).status_code == 200  # and a right code clears the count
    assert _enroll(live_server, "ABCD-EFGH-JKMN").status_code == 404

    monkeypatch.setattr(stations, "ENROLL_PER_WINDOW", 3)
    with live_server.engine.begin() as connection:
        connection.execute(update(EnrollAttempt.__table__).values(window_start=utcnow(), attempts=0, failures=0))
    for _ in range(3):
        assert _enroll(live_server, live_server.make_enroll_code(VILLAGE_B)).status_code == 200
    limited = _enroll(live_server, live_server.make_enroll_code(VILLAGE_B))
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["Retry-After"]) <= 60


def test_an_old_station_is_told_plainly_to_upgrade(live_server):
    station = live_server.enroll(VILLAGE_A)
    logged = live_server.count(ChangelogEntry)
    batch = {"batch_id": str(uuid.uuid4()), "changes": [change(
        "village_profile", "p1", {"village_code": VILLAGE_A, "notes": "x"}, stamp(1, "s"))]}
    for version in (MIN_PROTOCOL - 1, MAX_PROTOCOL + 1):
        for method, path, payload in (("POST", "/api/v1/push", batch), ("GET", "/api/v1/pull", None),
                                      ("POST", "/api/v1/enroll", {"code": "X", "station_id": "s"})):
            response = live_server.request(method, path, token=station.token, payload=payload, protocol=version)
            assert response.status_code == 426, (version, path)
            body = response.json()
            assert body["error"] == "upgrade_required"
            assert body["min_protocol"] == MIN_PROTOCOL and body["max_protocol"] == MAX_PROTOCOL
            assert "Village Station" in body["message"] and "offline" in body["message"]
    assert live_server.count(ChangelogEntry) == logged  # nothing of the refused push was stored
    assert live_server.count(AppliedChange) == 0


def test_a_request_without_its_protocol_version_is_a_bad_request(live_server):
    station = live_server.enroll(VILLAGE_A)
    response = live_server.request("GET", "/api/v1/pull", token=station.token, protocol=None)
    assert response.status_code == 400
    assert response.json()["error"] == "bad_request"


def test_answers_are_gzip_when_the_station_accepts_it(live_server):
    station = live_server.enroll(VILLAGE_A)
    zipped = live_server.request("GET", "/api/v1/pull", token=station.token, headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    plain = live_server.request("GET", "/api/v1/pull", token=station.token, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers
    assert zipped.json()["last_seq"] == plain.json()["last_seq"]
