"""The huts' stock at the city through a real server on SQLite and PostgreSQL: two villages' stations post intakes,
hand-outs and a transfer between their huts, sync, and ``GET /api/v1/stock`` sums each hut's stock on hand as the
stations do and lists what is in transit until the receiving hut confirms it — quantities only, to an enrolled
station's token."""

from __future__ import annotations

import dataclasses
import json
import math
import random
import threading
import time
import uuid

import pytest
import requests
from alembic import command
from helpers import enroll_at, station_village, sync
from sqlalchemy import func, insert, select
from stations import COMMUNITY_C, VILLAGE_A, VILLAGE_B, make_station

from desktop.domain.hut import DocumentKind, RecipientKind, quantity
from desktop.domain.sync_kinds import named_id
from desktop.services import households, hut_ledger
from desktop.services.households import HouseholdForm
from desktop.services.hut_ledger import Header, Line
from desktop.storage.models import Donor, Hut, Item, Transfer, TransferLine, TransferReceipt
from sync.server.cli import main as city_server
from sync.server.database import alembic_config, make_engine, migrate
from sync.server.ledgers import add_to_balances
from sync.server.models import StockEntry
from sync.server.stock import BalanceMismatch, check_balances, held_balances
from sync.server.testing import stamp


def _stock(live_server, token: str | None, **params):
    return live_server.request("GET", "/api/v1/stock", token=token, protocol=None, params=params or None)


def _item(station, name: str, unit: str, category: str) -> str:
    with station.db.unit_of_work(station.admin) as uow:
        item = Item(village_code=station_village(station), name=name, category=category, unit=unit)
        uow.session.add(item)
        uow.session.flush()
        return item.id


def _hut(station, name: str) -> None:
    village = station_village(station)
    with station.db.unit_of_work(station.admin) as uow:
        uow.session.add(Hut(id=village, village_code=village, name=name))


def _post(station, kind: DocumentKind, *lines: tuple[str, float], **header) -> str:
    with station.db.unit_of_work(station.admin) as uow:
        return hut_ledger.post(uow, Header(kind=kind, **header),
                               [Line(item_id=item_id, quantity=moved) for item_id, moved in lines]).id


def _send(station, to_village: str, *lines: tuple[str, str, str, str, float]) -> list[str]:
    """A transfer to ``to_village``: its transfer_out document takes the goods off the shelf, and its lines
    ((item id, name, unit, category, quantity)) travel addressed to the receiving village; returns the lines' ids."""
    village = station_village(station)
    transfer_id = str(uuid.uuid4())
    with station.db.unit_of_work(station.admin) as uow:
        document = hut_ledger.post(uow, Header(kind=DocumentKind.TRANSFER_OUT, to_village_code=to_village,
                                               transfer_id=transfer_id),
                                   [Line(item_id=item_id, quantity=-sent) for item_id, _n, _u, _c, sent in lines])
        uow.session.add(Transfer(id=transfer_id, village_code=village, to_village_code=to_village,
                                 number=document.number, sent_on=document.happened_on, document_id=document.id,
                                 sent_by_name=uow.actor.display_name))
        made = [TransferLine(village_code=village, to_village_code=to_village, transfer_id=transfer_id,
                             item_name=name, unit=unit, category=category, quantity=sent)
                for _item_id, name, unit, category, sent in lines]
        uow.session.add_all(made)
        uow.session.flush()
        return [line.id for line in made]


def _receive(station, line_id: str, item_id: str, received: float, reason: str = "") -> None:
    """What arrived of a line: the transfer_in document's movement and the receipt, each named by the line."""
    village = station_village(station)
    with station.db.unit_of_work(station.admin) as uow:
        line = uow.session.get(TransferLine, line_id)
        document = hut_ledger.post(uow, Header(kind=DocumentKind.TRANSFER_IN, transfer_id=line.transfer_id),
                                   [Line(item_id=item_id, quantity=received, transfer_line_id=line.id)])
        uow.session.add(TransferReceipt(id=named_id(village, "receipt", line.id), village_code=village,
                                        to_village_code=line.village_code, transfer_id=line.transfer_id,
                                        transfer_line_id=line.id, received=received, reason=reason,
                                        received_on=document.happened_on, document_id=document.id,
                                        item_id=item_id, received_by_name=uow.actor.display_name))


def _on_hand(station) -> dict[str, float]:
    """The station's own stock on hand (item id -> quantity), items at zero left out."""
    with station.db.reading(station.admin) as uow:
        return {item_id: moved for item_id, moved in hut_ledger.on_hand(uow.session).items() if moved}


def _hut_of(answer: dict, village: str) -> dict:
    return next(hut for hut in answer["huts"] if hut["village_code"] == village)


def _transit(hut: dict, way: str) -> list[tuple[str, float]]:
    return sorted((line["item_name"], line["quantity"]) for line in hut["in_transit"][way])


def _changes(station_id: str, *records: tuple[str, str, dict]) -> list[dict]:
    now = stamp(1_764_979_200_000, station_id)
    return [{"change_id": str(uuid.uuid4()), "entity": entity, "row_id": row_id, "fields": fields,
             "stamps": dict.fromkeys(fields, now), "base": dict.fromkeys(fields)} for entity, row_id, fields in records]


@pytest.fixture
def huts(tmp_path, city):
    """The stations of 幸福村 (A) and 红星村 (B), enrolled and synced once."""
    made = [make_station(tmp_path, "a", VILLAGE_A), make_station(tmp_path, "b", VILLAGE_B)]
    for station in made:
        enroll_at(city, station)
        sync(station)
    yield made
    for station in made:
        station.close()


def test_the_city_sums_each_huts_stock_and_lists_goods_in_transit_until_they_are_received(huts, city, live_server):
    a, b = huts
    _hut(a, "幸福村爱心扶贫小屋")
    _hut(b, "红星村爱心小屋")
    quilt, rice = _item(a, "棉被", "床", "bedding"), _item(a, "大米", "袋", "grain_oil")
    with a.db.unit_of_work(a.admin) as uow:
        donor = Donor(village_code=VILLAGE_A, kind="organisation", name="华联超市爱心基金", contact="13912345678")
        uow.session.add(donor)
        uow.session.flush()
        donor_id = donor.id
        household = households.register_household(uow, form=HouseholdForm(head_name="李秀英", address="幸福村三组",
                                                                           categories=("illness",))).id
    _post(a, DocumentKind.INTAKE, (quilt, 12), (rice, 50), donor_id=donor_id)
    _post(a, DocumentKind.INTAKE, (quilt, 8.5))
    _post(a, DocumentKind.DISTRIBUTION, (quilt, -3), (rice, -5), recipient_kind=RecipientKind.HOUSEHOLD.value,
          household_id=household)
    bag = _item(b, "书包", "个", "study")
    _post(b, DocumentKind.INTAKE, (bag, 30))
    _post(b, DocumentKind.DISTRIBUTION, (bag, -4), recipient_kind=RecipientKind.ACTIVITY.value)
    quilt_line, rice_line = _send(a, VILLAGE_B, (quilt, "棉被", "床", "bedding", 10),
                                  (rice, "大米", "袋", "grain_oil", 5))
    for station in (a, b, a):
        sync(station)
    token = live_server.enroll(VILLAGE_A).token

    response = _stock(live_server, token)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert [hut["village_code"] for hut in answer["huts"]] == [VILLAGE_A, VILLAGE_B]
    xingfu, hongxing = _hut_of(answer, VILLAGE_A), _hut_of(answer, VILLAGE_B)
    assert {key: xingfu[key] for key in ("hut_name", "village_name", "township_code", "township_name",
                                         "county_code", "county_name")} == {
        "hut_name": "幸福村爱心扶贫小屋", "village_name": "幸福村", "township_code": "220802101",
        "township_name": "平安镇", "county_code": "220802", "county_name": "洮北区"}
    assert sorted((line["name"], line["unit"], line["category"], line["quantity"]) for line in xingfu["stock"]) == [
        ("大米", "袋", "grain_oil", 40), ("棉被", "床", "bedding", 7.5)]
    assert [(line["name"], line["quantity"]) for line in hongxing["stock"]] == [("书包", 26)]
    # The city's figures are the stations' own sums.
    for station, hut in ((a, xingfu), (b, hongxing)):
        assert {line["item_id"]: line["quantity"] for line in hut["stock"]} == _on_hand(station)
    # Sent, not yet confirmed: in transit at both huts.
    assert _transit(xingfu, "out") == _transit(hongxing, "in") == [("大米", 5), ("棉被", 10)]
    assert xingfu["in_transit"]["in"] == hongxing["in_transit"]["out"] == []
    assert {line["to_village_code"] for line in xingfu["in_transit"]["out"]} == {VILLAGE_B}
    assert {line["from_village_code"] for line in hongxing["in_transit"]["in"]} == {VILLAGE_A}
    assert {line["number"] for line in xingfu["in_transit"]["out"]} == {a.rows(Transfer)[0].number}

    # B confirms what arrived of the quilts (one fewer than sent); the rice is still on its way.
    received_quilt = _item(b, "棉被", "床", "bedding")
    _receive(b, quilt_line, received_quilt, 9, reason="一床受潮")
    sync(b)
    answer = _stock(live_server, token).json()
    xingfu, hongxing = _hut_of(answer, VILLAGE_A), _hut_of(answer, VILLAGE_B)
    assert _transit(xingfu, "out") == _transit(hongxing, "in") == [("大米", 5)]
    assert sorted((line["name"], line["quantity"]) for line in hongxing["stock"]) == [("书包", 26), ("棉被", 9)]
    assert {line["item_id"]: line["quantity"] for line in hongxing["stock"]} == _on_hand(b)

    # One hut only.
    only = _stock(live_server, token, village=VILLAGE_B).json()
    assert [hut["village_code"] for hut in only["huts"]] == [VILLAGE_B]
    assert _hut_of(only, VILLAGE_B) == hongxing
    assert _stock(live_server, token, village="220802101299").json()["huts"] == []

    # The rice arrives in full: nothing is in transit any more.
    _receive(b, rice_line, _item(b, "大米", "袋", "grain_oil"), 5)
    sync(b)
    answer = _stock(live_server, token).json()
    for hut in answer["huts"]:
        assert hut["in_transit"] == {"out": [], "in": []}
    assert {line["item_id"]: line["quantity"] for line in _hut_of(answer, VILLAGE_B)["stock"]} == _on_hand(b)

    # An item renamed at its station is named anew.
    with a.db.unit_of_work(a.admin) as uow:
        uow.session.get(Item, rice).name = "东北大米"
    sync(a)
    assert sorted(line["name"] for line in _hut_of(_stock(live_server, token).json(), VILLAGE_A)["stock"]) == [
        "东北大米", "棉被"]

    # Quantities only: no household, donor or person of either village is in the answer.
    text = json.dumps(answer, ensure_ascii=False) + json.dumps(_stock(live_server, token).json(), ensure_ascii=False)
    for value in ("李秀英", household, "幸福村三组", "华联超市爱心基金", donor_id, "13912345678", "王建国",
                  "一床受潮"):
        assert value not in text


def test_a_movement_sent_again_is_counted_once(live_server):
    station = live_server.enroll(VILLAGE_A)
    document_id, item_id, movement_id = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    records = [("hut_document", document_id, {"village_code": VILLAGE_A, "kind": "intake",
                                               "number": "RK-2026-0000-0001", "happened_on": "2026-11-29",
                                               "posted_on": "2026-11-29", "month": "2026-11"}),
               ("item", item_id, {"village_code": VILLAGE_A, "name": "挂面", "unit": "箱", "category": "grain_oil"}),
               ("stock_movement", movement_id, {"village_code": VILLAGE_A, "document_id": document_id,
                                                "item_id": item_id, "kind": "intake", "happened_on": "2026-11-29",
                                                "quantity": 6})]

    for _ in range(2):  # a second PC's copy, or a resend under new change ids: the same records
        answer = live_server.push(station, _changes(station.station_id, *records))
        assert answer["rejected"] == []
    assert [(line["name"], line["quantity"]) for line in
            _hut_of(_stock(live_server, station.token).json(), VILLAGE_A)["stock"]] == [("挂面", 6)]
    with live_server.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(StockEntry.__table__)).scalar_one() == 1


def test_only_the_village_a_line_was_sent_to_takes_it_out_of_transit(live_server):
    sender, third = live_server.enroll(VILLAGE_A), live_server.enroll(COMMUNITY_C)
    transfer_id, line_id = str(uuid.uuid4()), str(uuid.uuid4())
    addressed = {"village_code": VILLAGE_A, "to_village_code": VILLAGE_B}
    assert live_server.push(sender, _changes(sender.station_id, (
        "transfer", transfer_id, {**addressed, "number": "DB-2026-0000-0001", "sent_on": "2026-11-29"}), (
        "transfer_line", line_id, {**addressed, "transfer_id": transfer_id, "item_name": "棉被", "unit": "床",
                                   "quantity": 3})))["rejected"] == []
    # Another village "confirms" the line: the server keeps its record, but the goods are still on their way to B.
    assert live_server.push(third, _changes(third.station_id, (
        "transfer_receipt", named_id(COMMUNITY_C, "receipt", line_id), {
            "village_code": COMMUNITY_C, "to_village_code": VILLAGE_A, "transfer_id": transfer_id,
            "transfer_line_id": line_id, "received": 3})))["rejected"] == []
    answer = _stock(live_server, sender.token).json()
    assert _transit(_hut_of(answer, VILLAGE_A), "out") == _transit(_hut_of(answer, VILLAGE_B), "in") == [("棉被", 3)]
    assert _hut_of(answer, VILLAGE_B)["in_transit"]["in"][0]["number"] == "DB-2026-0000-0001"


def test_stock_is_read_with_an_enrolled_stations_token_only(live_server):
    assert _stock(live_server, None).status_code == 401
    assert _stock(live_server, "not-a-token").status_code == 401
    station = live_server.enroll(VILLAGE_A)
    assert _stock(live_server, station.token).json()["huts"] == []
    bad = _stock(live_server, station.token, village="幸福村")
    assert bad.status_code == 400 and bad.json()["error"] == "bad_request"
    live_server.revoke(station)
    answer = _stock(live_server, station.token)
    assert answer.status_code == 401 and answer.json()["error"] == "unauthorized"


def test_a_server_upgraded_with_hut_records_already_held_sums_them_as_pushed(huts, city, live_server):
    a, b = huts
    quilt = _item(a, "棉被", "床", "bedding")
    _post(a, DocumentKind.INTAKE, (quilt, 20))
    sent, kept = _send(a, VILLAGE_B, (quilt, "棉被", "床", "bedding", 4), (quilt, "棉被", "床", "bedding", 6))
    sync(a)
    sync(b)
    _receive(b, sent, _item(b, "棉被", "床", "bedding"), 4)
    sync(b)
    token = live_server.enroll(VILLAGE_A).token
    pushed = _stock(live_server, token).json()["huts"]
    assert [(hut["village_code"], [line["quantity"] for line in hut["stock"]], _transit(hut, "out")) for hut in
            pushed] == [(VILLAGE_A, [10], [("棉被", 6)]), (VILLAGE_B, [4], [])]

    # The server before the ledgers' tables, upgraded: they are filled from the records it holds.
    with live_server.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0002")
    migrate(live_server.engine)
    assert _stock(live_server, token).json()["huts"] == pushed
    assert [line["line_id"] for line in pushed[0]["in_transit"]["out"]] == [kept]


# -- the running balances --------------------------------------------------------------------------------------

def _movements(station_id: str, village: str, moves: list[tuple[str, str, float]], *,
               items: dict[str, str] | None = None) -> list[dict]:
    """A posted document's records: the document and its movements ((movement id, item id, quantity)), and the
    items they name (item id -> name) as the station sends them with its first document."""
    document_id = str(uuid.uuid4())
    named = (items or {}).items()
    return _changes(station_id, *[("item", item_id, {"village_code": village, "name": name, "unit": "件",
                                                     "category": "clothing"}) for item_id, name in named],
                    ("hut_document", document_id, {"village_code": village, "kind": "intake",
                                                   "number": f"RK-2026-0000-{uuid.uuid4().hex[:4]}",
                                                   "happened_on": "2026-11-29", "posted_on": "2026-11-29",
                                                   "month": "2026-11"}),
                    *[("stock_movement", movement_id, {"village_code": village, "document_id": document_id,
                                                       "item_id": item_id, "kind": "intake",
                                                       "happened_on": "2026-11-29", "quantity": moved})
                      for movement_id, item_id, moved in moves])


def _answered(answer: dict) -> dict[tuple[str, str], float]:
    return {(hut["village_code"], line["item_id"]): line["quantity"] for hut in answer["huts"] for line in hut["stock"]}


def test_after_pushes_from_several_stations_at_once_every_balance_is_the_sum_of_its_movements(live_server):
    """Two PCs of 幸福村, one of 红星村 and one of 新华社区 push a random mix of documents from four threads at once,
    some movements twice (a second PC's copy under new change ids) and some batches again (a lost answer); every
    hut's balance of every item is then the sum of the movements the server holds, each counted once, and the
    answer is those sums."""
    rng = random.Random(20261206)
    stations = [live_server.enroll(VILLAGE_A), live_server.enroll(VILLAGE_A), live_server.enroll(VILLAGE_B),
                live_server.enroll(COMMUNITY_C)]
    items = {village: {str(uuid.uuid4()): f"物品{number}" for number in range(6)}
             for village in (VILLAGE_A, VILLAGE_B, COMMUNITY_C)}
    truth: dict[str, tuple[str, str, float]] = {}  # movement id -> (village, item, quantity): each once
    batches: dict[int, list[list[dict]]] = {index: [] for index in range(len(stations))}
    for index, station in enumerate(stations):
        village = station.village_code
        named = dict(items[village])
        for _ in range(12):
            moves = [(str(uuid.uuid4()), rng.choice(list(items[village])), rng.randint(-5_000, 20_000) / 1000)
                     for _ in range(rng.randint(1, 15))]
            truth.update({movement_id: (village, item_id, moved) for movement_id, item_id, moved in moves})
            batch = _movements(station.station_id, village, moves, items=named)
            named = {}
            batches[index].append(batch)
            if rng.random() < 0.3:
                batches[index].append(batch)  # sent again: the same change ids
    # The second PC of 幸福村 sends some of the first PC's movements as its own copies.
    copied = [movement for batch in batches[0] for movement in batch if movement["entity"] == "stock_movement"]
    for movement in rng.sample(copied, 10):
        batches[1].append(_changes(stations[1].station_id, (movement["entity"], movement["row_id"],
                                                            movement["fields"])))
    for index in batches:
        later = batches[index][1:]  # a station's items go first, with its first document
        rng.shuffle(later)
        batches[index][1:] = later

    failures: list[BaseException] = []

    def push_all(index: int) -> None:
        server = dataclasses.replace(live_server, session=requests.Session())
        try:
            for batch in batches[index]:
                assert server.push(stations[index], batch)["rejected"] == []
        except BaseException as exc:  # reported below, in the test's thread
            failures.append(exc)
        finally:
            server.session.close()

    threads = [threading.Thread(target=push_all, args=(index,)) for index in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []

    expected: dict[tuple[str, str], list[float]] = {}
    for village, item_id, moved in truth.values():
        expected.setdefault((village, item_id), []).append(moved)
    assert check_balances(live_server.engine) == []
    with live_server.engine.connect() as connection:
        held = held_balances(connection)
    assert {key: (quantity(total), count) for key, (total, count) in held.items()} == {
        key: (quantity(math.fsum(moves)), len(moves)) for key, moves in expected.items()}
    answer = _stock(live_server, stations[0].token, limit=100).json()
    assert _answered(answer) == {key: quantity(math.fsum(moves)) for key, moves in expected.items()
                                 if quantity(math.fsum(moves))}


def _check(live_server, capsys, *options: str) -> tuple[int, list[str]]:
    """``city-server stock check`` on the live server's database: its exit status and the lines it printed."""
    status = city_server(["stock", "check", "--database-url", live_server.database_url, *options])
    return status, capsys.readouterr().out.splitlines()


def test_city_server_stock_check_finds_a_balance_that_strays_from_the_ledger_and_repairs_it(live_server, capsys):
    station = live_server.enroll(VILLAGE_A)
    quilt, rice = str(uuid.uuid4()), str(uuid.uuid4())
    assert live_server.push(station, _movements(station.station_id, VILLAGE_A, [
        (str(uuid.uuid4()), quilt, 12.5), (str(uuid.uuid4()), quilt, -2), (str(uuid.uuid4()), rice, 40)],
        items={quilt: "棉被", rice: "大米"}))["rejected"] == []
    assert _check(live_server, capsys) == (0, ["every balance is the sum of its movements"])
    # A movement stored without its balance (as by a server of the version before balances, running beside one
    # being upgraded): the check names the hut's item, its balance and the ledger's sum, each with its count.
    with live_server.engine.begin() as connection:
        connection.execute(insert(StockEntry.__table__).values(movement_id=str(uuid.uuid4()), village_code=VILLAGE_A,
                                                               item_id=quilt, quantity=3))
    assert check_balances(live_server.engine) == [BalanceMismatch(VILLAGE_A, quilt, 10.5, 2, 13.5, 3)]
    status, printed = _check(live_server, capsys)
    assert status == 1
    assert printed[1:] == [f"{VILLAGE_A}\t{quilt}\t10.5\t2\t13.5\t3", "1 balances differ from the ledger"]
    assert sorted(line["quantity"] for line in _hut_of(_stock(live_server, station.token).json(), VILLAGE_A)["stock"]) \
        == [10.5, 40]

    status, printed = _check(live_server, capsys, "--repair")
    assert status == 0
    assert printed[-1] == "1 balances differed from the ledger; all 2 set to the sums of their movements again"
    assert check_balances(live_server.engine) == []
    assert sorted(line["quantity"] for line in _hut_of(_stock(live_server, station.token).json(), VILLAGE_A)["stock"]) \
        == [13.5, 40]
    assert _check(live_server, capsys, "--repair") == (0, ["every balance is the sum of its movements; nothing to "
                                                           "repair"])


@pytest.fixture
def postgres_engine(postgres_cluster):
    engine = make_engine(postgres_cluster.create_database(f"city_{uuid.uuid4().hex[:16]}"))
    migrate(engine)
    yield engine
    engine.dispose()


def test_two_pushes_adding_to_the_same_balances_in_another_order_both_commit_on_postgresql(postgres_engine):
    """Two PCs of one village push at once, each moving the same two items: the pushes take the balances' rows in
    one order whatever order their movements came in, so neither waits on the other in a circle (PostgreSQL would
    break such a deadlock by failing one push) and both additions stand."""
    def moved(item_id: str, amount: float) -> dict:
        return {"village_code": VILLAGE_A, "item_id": item_id, "quantity": amount}

    def waiting() -> int:
        with postgres_engine.connect() as connection:
            return connection.exec_driver_sql(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND datname = current_database()").scalar_one()

    failures: list[BaseException] = []

    def second_push() -> None:
        try:
            with postgres_engine.begin() as connection:
                add_to_balances(connection, [moved("item-2", 5), moved("item-1", 7)])
        except BaseException as exc:  # reported below, in the test's thread
            failures.append(exc)

    with postgres_engine.connect() as first:
        with first.begin():
            add_to_balances(first, [moved("item-1", 1)])
            other = threading.Thread(target=second_push)
            other.start()
            deadline = time.monotonic() + 20
            while not waiting():
                assert time.monotonic() < deadline, "the second push never waited for the first"
                time.sleep(0.01)
            add_to_balances(first, [moved("item-2", 2)])
        other.join()
    assert failures == []
    with postgres_engine.connect() as connection:
        assert held_balances(connection) == {(VILLAGE_A, "item-1"): (8.0, 2), (VILLAGE_A, "item-2"): (7.0, 2)}


# -- paging by hut ---------------------------------------------------------------------------------------------

def _walk(live_server, token: str, **params) -> list[dict]:
    """Every page of the answer, following ``next_after`` from the first."""
    pages, after = [], None
    while True:
        response = _stock(live_server, token, **params, **({"after": after} if after else {}))
        assert response.status_code == 200, response.text
        pages.append(response.json())
        after = pages[-1]["next_after"]
        if after is None:
            return pages


def test_the_city_answers_a_page_of_huts_at_a_time_with_the_cursor_of_the_next(live_server):
    """107 huts: 幸福村 sending goods to 105 villages' huts (each listed by what is on its way to it), and 红星村 with
    stock.  A page holds 20 huts unless asked otherwise and never more than 100; following ``next_after`` page by
    page lists every hut once, in village code order, each as the whole-city walk with the largest pages does."""
    far = [f"220802101{number:03d}" for number in range(301, 406)]
    live_server.import_regions("code,name,level,parent_code\n" + "".join(
        f"{code},第{code[-3:]}村,village,220802101\n" for code in far))
    sender, other = live_server.enroll(VILLAGE_A), live_server.enroll(VILLAGE_B)
    records = [("hut", VILLAGE_A, {"village_code": VILLAGE_A, "name": "幸福村爱心扶贫小屋"})]
    for code in far:
        transfer_id = str(uuid.uuid4())
        addressed = {"village_code": VILLAGE_A, "to_village_code": code}
        records += [("transfer", transfer_id, {**addressed, "number": f"DB-2026-0000-{code[-4:]}",
                                               "sent_on": "2026-11-29"}),
                    ("transfer_line", str(uuid.uuid4()), {**addressed, "transfer_id": transfer_id,
                                                          "item_name": "棉被", "unit": "床", "quantity": 2})]
    assert live_server.push(sender, _changes(sender.station_id, *records))["rejected"] == []
    bag = str(uuid.uuid4())
    assert live_server.push(other, _movements(other.station_id, VILLAGE_B, [(str(uuid.uuid4()), bag, 30)],
                                              items={bag: "书包"}))["rejected"] == []
    every = sorted([VILLAGE_A, VILLAGE_B, *far])

    first = _stock(live_server, sender.token).json()
    assert [hut["village_code"] for hut in first["huts"]] == every[:20]
    assert first["next_after"] == every[19]
    most = _stock(live_server, sender.token, limit=1000).json()
    assert [hut["village_code"] for hut in most["huts"]] == every[:100]
    assert most["next_after"] == every[99]

    whole = [hut for page in _walk(live_server, sender.token, limit=100) for hut in page["huts"]]
    assert [hut["village_code"] for hut in whole] == every
    small = _walk(live_server, sender.token, limit=7)
    assert [len(page["huts"]) for page in small] == [7] * 15 + [2]
    assert [hut for page in small for hut in page["huts"]] == whole
    # A line in transit reads at both ends, whichever pages they are on.
    xingfu, last = _hut_of({"huts": whole}, VILLAGE_A), _hut_of({"huts": whole}, far[-1])
    assert len(xingfu["in_transit"]["out"]) == 105
    assert [(line["from_village_code"], line["number"]) for line in last["in_transit"]["in"]] == [
        (VILLAGE_A, "DB-2026-0000-1405")]
    assert [(line["name"], line["quantity"]) for line in _hut_of({"huts": whole}, VILLAGE_B)["stock"]] == [
        ("书包", 30)]

    # After the last hut: nothing, and no next page.
    end = _stock(live_server, sender.token, after=every[-1]).json()
    assert end["huts"] == [] and end["next_after"] is None
    one = _stock(live_server, sender.token, village=VILLAGE_B, limit=1).json()
    assert [hut["village_code"] for hut in one["huts"]] == [VILLAGE_B] and one["next_after"] is None
    for params in ({"limit": 0}, {"limit": "all"}, {"after": "幸福村"}, {"after": "22080210120x"}):
        bad = _stock(live_server, sender.token, **params)
        assert bad.status_code == 400 and bad.json()["error"] == "bad_request", params
