"""The love hut through a real city server on SQLite and PostgreSQL: the city's catalogue reaches every station, a
transfer reaches the receiving village's stations and nobody else's, what arrived of it reaches the sender, and a
station cut off in the middle of a sync loses nothing and doubles nothing of the hut's ledger."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
from helpers import enroll_at, station_village, sync
from stations import COMMUNITY_C, VILLAGE_A, VILLAGE_B, make_station, reopen
from test_client_killed import KILLED, STATION_PROCESS

from desktop.domain.sync_codes import UNKNOWN_VILLAGE
from desktop.domain.sync_kinds import named_id
from desktop.services.sync import refusal_words
from desktop.storage.models import (
    CityItem,
    Hut,
    HutDocument,
    Item,
    StockMovement,
    SyncSetAside,
    Transfer,
    TransferLine,
    TransferReceipt,
)
from sync.server.catalogue import import_catalogue

STAMP = "001764979200000-000000-test"
CATALOGUE = "物品名称,类别,单位,有效期管理,条码\n棉被,被褥,床,否,6901234567892\n大米,粮油食品,袋,是,\n"


def test_the_citys_catalogue_reaches_every_station_and_a_changed_unit_follows(tmp_path, city):
    a, c = make_station(tmp_path, "a", VILLAGE_A), make_station(tmp_path, "c", COMMUNITY_C)
    try:
        for station in (a, c):
            enroll_at(city, station)
        import_catalogue(city.engine, CATALOGUE.encode("utf-8"), "catalogue.csv")
        for station in (a, c):
            sync(station)
            assert {(row.name, row.category, row.unit, row.tracks_expiry, row.barcode) for row in
                    station.rows(CityItem)} == {("棉被", "bedding", "床", False, "6901234567892"),
                                                ("大米", "grain_oil", "袋", True, "")}
        import_catalogue(city.engine, CATALOGUE.replace("大米,粮油食品,袋", "大米,粮油食品,斤").encode("utf-8"),
                         "catalogue.csv")
        sync(a)
        assert {row.name: row.unit for row in a.rows(CityItem)} == {"棉被": "床", "大米": "斤"}
        assert all(row.updated_at is not None for row in a.rows(CityItem))
    finally:
        a.close()
        c.close()


# -- transfers between huts ------------------------------------------------------------------------------------

def _village(station) -> str:
    return station_village(station)


def add_item(station, name: str = "棉被", unit: str = "床") -> str:
    with station.db.unit_of_work(station.admin) as uow:
        item = Item(village_code=_village(station), name=name, category="bedding", unit=unit)
        uow.session.add(item)
        uow.session.flush()
        return item.id


def post_transfer(station, to_village: str, item_id: str, quantity: float) -> tuple[str, str]:
    """A transfer_out document, its movement, the transfer and its line, posted in one unit of work as the hut's
    service does; returns the transfer's and the line's ids."""
    village = _village(station)
    with station.db.unit_of_work(station.admin) as uow:
        today = uow.today().isoformat()
        transfer_id = str(uuid.uuid4())
        document = HutDocument(village_code=village, kind="transfer_out", number="DB-2026-TEST-0001",
                               happened_on=today, posted_on=today, month=today[:7], to_village_code=to_village,
                               transfer_id=transfer_id)
        uow.session.add(document)
        uow.session.flush()
        transfer = Transfer(id=transfer_id, village_code=village, to_village_code=to_village, number=document.number,
                            sent_on=today, document_id=document.id, sent_by_name="王建国")
        uow.session.add(transfer)
        line = TransferLine(village_code=village, to_village_code=to_village, transfer_id=transfer.id,
                            item_name="棉被", category="bedding", unit="床", quantity=quantity)
        uow.session.add(line)
        uow.session.add(StockMovement(village_code=village, document_id=document.id, item_id=item_id,
                                      kind="transfer_out", happened_on=today, quantity=-quantity))
        uow.session.flush()
        return transfer.id, line.id


def post_receipt(station, line: TransferLine, item_id: str, received: float, reason: str = "") -> None:
    """What arrived of ``line``: the transfer_in movement and the receipt, each named by the line."""
    village = _village(station)
    with station.db.unit_of_work(station.admin) as uow:
        today = uow.today().isoformat()
        document = HutDocument(village_code=village, kind="transfer_in", number="DR-2026-TEST-0001",
                               happened_on=today, posted_on=today, month=today[:7], transfer_id=line.transfer_id)
        uow.session.add(document)
        uow.session.flush()
        uow.session.add(StockMovement(id=named_id(village, "received", line.id), village_code=village,
                                      document_id=document.id, item_id=item_id, kind="transfer_in",
                                      happened_on=today, quantity=received, transfer_line_id=line.id))
        uow.session.add(TransferReceipt(id=named_id(village, "receipt", line.id), village_code=village,
                                        to_village_code=line.village_code, transfer_id=line.transfer_id,
                                        transfer_line_id=line.id, received=received, reason=reason,
                                        received_on=today, document_id=document.id, item_id=item_id))


@pytest.fixture
def huts(tmp_path, city):
    """Stations of three villages: A sends, B (two PCs) receives, C looks on."""
    made = [make_station(tmp_path, "a", VILLAGE_A), make_station(tmp_path, "b1", VILLAGE_B),
            make_station(tmp_path, "b2", VILLAGE_B), make_station(tmp_path, "c", COMMUNITY_C)]
    for station in made:
        enroll_at(city, station)
        sync(station)
    yield made
    for station in made:
        station.close()


def test_a_transfer_reaches_the_receiving_village_only_and_what_arrived_reaches_the_sender(huts, city):
    a, b1, b2, c = huts
    sent_item = add_item(a)
    transfer_id, line_id = post_transfer(a, VILLAGE_B, sent_item, 10)
    sync(a)
    for station in (b1, b2, c):
        sync(station)
    for station in (b1, b2):
        assert [row.id for row in station.rows(Transfer)] == [transfer_id]
        assert [(row.id, row.item_name, row.quantity) for row in station.rows(TransferLine)] == [(line_id, "棉被", 10)]
        assert station.rows(StockMovement) == []  # A's ledger stays A's
    assert c.rows(Transfer) == [] and c.rows(TransferLine) == []

    # Both PCs of B confirm the same line (offline, before either synced): it is stored once.
    line = b1.rows(TransferLine)[0]
    for station, received in ((b1, 9), (b2, 8)):
        post_receipt(station, line, add_item(station), received, reason="一床受潮")
    for station in (b1, b2, a, c, b1):
        sync(station)
    receipts = city.live.records("transfer_receipt")
    assert [(fields["transfer_line_id"], fields["received"]) for fields in receipts.values()] == [(line_id, 9)]
    assert [(row.transfer_line_id, row.received, row.reason) for row in a.rows(TransferReceipt)] == [
        (line_id, 9, "一床受潮")]
    assert {row.id: row.received for row in b1.rows(TransferReceipt)} == \
        {row.id: row.received for row in b2.rows(TransferReceipt)} == {named_id(VILLAGE_B, "receipt", line_id): 9}
    received = [row for row in city.live.records("stock_movement").values() if row["kind"] == "transfer_in"]
    assert [row["quantity"] for row in received] == [9]
    assert c.rows(TransferReceipt) == []


def test_a_transfer_to_a_village_the_city_does_not_know_is_set_aside_with_a_plain_reason(huts, city):
    a = huts[0]
    item = add_item(a)
    post_transfer(a, "220802101299", item, 1)   # no such village
    post_transfer(a, "220802101", item, 1)      # a township: goods go to a village's hut
    sync(a)
    refused = a.rows(SyncSetAside)
    assert sorted(row.entity for row in refused) == ["transfer", "transfer", "transfer_line", "transfer_line"]
    assert {row.code for row in refused} == {UNKNOWN_VILLAGE}
    assert "not on the city's list of villages" in refusal_words(refused[0].code)
    assert city.live.records("transfer") == {}


def test_a_station_writes_only_its_own_villages_hut_and_hut_records_reach_every_station(huts, city):
    a, b1, _b2, c = huts
    with a.db.unit_of_work(a.admin) as uow:
        uow.session.add(Hut(id=VILLAGE_A, village_code=VILLAGE_A, name="幸福村爱心扶贫小屋"))
    sync(a)
    sync(c)
    assert [(row.id, row.name) for row in c.rows(Hut)] == [(VILLAGE_A, "幸福村爱心扶贫小屋")]
    other = city.live.enroll(VILLAGE_B)
    answer = city.live.push(other, [{"change_id": str(uuid.uuid4()), "entity": "hut", "row_id": VILLAGE_A,
                                     "fields": {"village_code": VILLAGE_B, "name": "冒名"},
                                     "stamps": {"village_code": STAMP, "name": STAMP}, "base": {}}])
    assert [item["code"] for item in answer["rejected"]] == ["out_of_scope"]
    sync(b1)
    assert [row.name for row in b1.rows(Hut)] == ["幸福村爱心扶贫小屋"]


@pytest.mark.parametrize("step", ["push_sending", "push_answered", "push_acknowledged", "pull_applied"])
def test_a_sending_and_a_receiving_station_killed_mid_sync_lose_nothing_and_double_nothing(tmp_path, city, step):
    a, b = make_station(tmp_path, "a", VILLAGE_A), make_station(tmp_path, "b", VILLAGE_B)
    try:
        for station in (a, b):
            enroll_at(city, station)
            sync(station)
        item = add_item(a)
        lines = [post_transfer(a, VILLAGE_B, item, quantity)[1] for quantity in (1, 2, 3, 4)]
        a = _killed_at(a, step)
        sync(a)
        sync(b)
        arrived = b.rows(TransferLine)
        assert sorted(row.id for row in arrived) == sorted(lines)
        received_item = add_item(b)
        for line in arrived:
            post_receipt(b, line, received_item, line.quantity)
        b = _killed_at(b, step)
        sync(b)
        sync(a)
        assert sorted((row.transfer_line_id, row.received) for row in a.rows(TransferReceipt)) == sorted(
            (line.id, line.quantity) for line in arrived)
        movements = list(city.live.records("stock_movement").values())
        assert sorted(row["quantity"] for row in movements) == [-4, -3, -2, -1, 1, 2, 3, 4]
        assert len(city.live.records("transfer_line")) == len(city.live.records("transfer_receipt")) == 4
    finally:
        a.close()
        b.close()


def _killed_at(station, step: str):
    """Run one sync of ``station`` in a process of its own, ended on the spot at ``step``; the PC on again."""
    station.close()
    killed = subprocess.run([sys.executable, "-c", STATION_PROCESS, step, str(station.folder.root)],
                            env=dict(os.environ), capture_output=True, text=True, timeout=180)
    assert killed.returncode == KILLED, killed.stderr
    return reopen(station)
