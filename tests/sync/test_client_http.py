"""The client's HTTP layer: headers, gzip, back-off with full jitter honouring Retry-After, and plain errors
for answers that make no sense (the station's outbox is never touched by a failed request)."""

from __future__ import annotations

import gzip
import json

import pytest
import requests
from city_answers import Answers
from helpers import add_movement, outbox_ids
from stations import make_station

from desktop.services.sync import BadAddress, BadAnswer, ServerBusy, ServerRefused, ServerUnreachable
from sync import protocol
from sync.client import http as client_http
from sync.client.http import SyncHttp

OK = (200, {"status": "ok", "server_time": "2026-11-29T08:00:00.000000Z"}, {})


def _client(session, **kwargs):
    waits: list[float] = []
    client = SyncHttp("http://127.0.0.1:9", token="secret", generation=4, session=session, sleep=waits.append,
                      jitter=lambda: 0.5, **kwargs)
    return client, waits


def test_requests_carry_the_protocol_headers_and_a_gzip_body():
    session = Answers(OK)
    client, _ = _client(session)
    client.post("/api/v1/push", {"batch_id": "b", "changes": []})
    (sent,) = session.sent
    assert sent.headers[protocol.HEADER_PROTOCOL] == str(protocol.PROTOCOL_VERSION)
    assert sent.headers[protocol.HEADER_SCHEMA]
    assert sent.headers[protocol.HEADER_GENERATION] == "4"
    assert sent.headers["Authorization"] == "Bearer secret"
    assert sent.headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(sent.body)) == {"batch_id": "b", "changes": []}


def test_busy_answers_are_retried_with_backoff_honouring_retry_after():
    session = Answers((503, {"error": "busy", "message": "busy"}, {"Retry-After": "7"}),
                       (429, {"error": "busy", "message": "busy"}, {}),
                       requests.ConnectionError("reset"), (502, b"bad gateway", {}), OK)
    client, waits = _client(session)
    assert client.get("/api/health")["status"] == "ok"
    # full jitter (here the middle of the range) of 1, 2, 4, 8 s, added on top of the server's Retry-After
    assert waits == [7.5, 1.0, 2.0, 4.0]


def test_a_busy_server_is_waited_out_far_longer_than_an_unreachable_one():
    busy = (503, {"error": "busy", "message": "busy"}, {"Retry-After": "5"})
    session = Answers(*[busy] * 9, OK)
    client, waits = _client(session)  # six tries for an unreachable server
    assert client.get("/api/health")["status"] == "ok"
    assert len(waits) == 9 and all(wait >= 5 for wait in waits)
    # but not for ever: once the budget is spent, the sync ends until next time, with a plain message
    session = Answers(*[busy] * 400)
    client, waits = _client(session)
    with pytest.raises(ServerBusy) as raised:
        client.get("/api/health")
    assert sum(waits) >= client_http.BUSY_BUDGET_S and "busy" in raised.value.text()


def test_the_backoff_is_capped_and_gives_up_with_a_plain_message():
    session = Answers(*[requests.ConnectionError("refused")] * 12)
    client, waits = _client(session, max_attempts=12)
    with pytest.raises(ServerUnreachable) as raised:
        client.get("/api/health")
    assert max(waits) <= client_http.BACKOFF_CAP
    assert "cannot be reached" in raised.value.text()


def test_other_client_errors_are_not_retried():
    session = Answers((400, {"error": "bad_request", "message": "The request is malformed."}, {}))
    client, waits = _client(session)
    with pytest.raises(ServerRefused) as raised:
        client.get("/api/v1/pull")
    assert waits == [] and raised.value.code == "bad_request" and "tell the city office" in raised.value.text()


def test_an_address_that_cannot_be_tried_is_a_plain_error_about_the_address():
    client = SyncHttp("http://", sleep=lambda _s: None)
    with pytest.raises(BadAddress) as raised:
        client.get("/api/health")
    assert raised.value.field == "server" and "Check the city server's address" in raised.value.text()


@pytest.mark.parametrize("cut", [requests.exceptions.ChunkedEncodingError("connection broken: 512 bytes read"),
                                 requests.exceptions.ContentDecodingError("incomplete gzip")])
def test_an_answer_cut_off_midway_is_a_lost_connection_tried_again_not_a_wrong_address(cut):
    client, waits = _client(Answers(cut, OK))
    assert client.get("/api/health")["status"] == "ok"
    assert waits == [0.5]

    client, waits = _client(Answers(*[cut] * 6))
    with pytest.raises(ServerUnreachable) as raised:
        client.get("/api/health")
    assert len(waits) == 5 and "cannot be reached" in raised.value.text()
    assert "address" not in raised.value.text().split("cannot be reached")[1]


@pytest.mark.parametrize("answer", [
    (200, b"<html>captive portal</html>", {}),
    (200, [1, 2, 3], {}),
    (500, b"Internal Server Error", {}),
    requests.TooManyRedirects("Exceeded 30 redirects."),
])
def test_nonsense_answers_are_a_plain_error(answer):
    client, _ = _client(Answers(answer))
    with pytest.raises(BadAnswer) as raised:
        client.get("/api/v1/pull")
    assert "cannot understand" in raised.value.text()


def test_a_push_answer_of_the_wrong_shape_leaves_the_outbox_alone(tmp_path, monkeypatch):
    from desktop.domain.actor import SYSTEM
    from desktop.storage.models import SyncState
    from sync.client import sync_once

    station = make_station(tmp_path, "a")
    try:
        with station.db.unit_of_work(SYSTEM) as uow:
            uow.session.add(SyncState(
                id=1, server_url="http://127.0.0.1:9", station_token="t", village_name="", enrolled_at=uow.now(),
                pull_after=0, generation=0, clock_offset_ms=0, last_error=""))
        add_movement(station, "m1", "rice", 1)
        waiting = outbox_ids(station)
        session = Answers((200, {"accepted": "everything", "server_time": "2026-11-29T08:00:00.000000Z"}, {}))
        with pytest.raises(BadAnswer):
            sync_once(station.db, session=session, sleep=lambda _s: None)
        assert outbox_ids(station) == waiting
    finally:
        station.close()
