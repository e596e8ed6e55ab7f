"""A transfer between two villages' huts through a real city server, on SQLite and PostgreSQL, made with the
hut's own service: 幸福村 sends, 红星村 sees it as incoming and confirms what arrived with a difference, 幸福村 sees
what arrived and why; the goods are in transit at both huts until then and at neither after; each shelf holds
what it should.  A station killed at any step of any of the four syncs between loses nothing and doubles
nothing."""

from __future__ import annotations

import pytest
from helpers import enroll_at, sync
from stations import VILLAGE_A, VILLAGE_B, make_station
from test_hut_sync import _killed_at

from desktop.domain.hut import DocumentKind, HutAction
from desktop.domain.sync_kinds import named_id
from desktop.errors import InvalidInput
from desktop.services import hut, hut_ledger, hut_transfers
from desktop.services.hut import ItemForm
from desktop.services.hut_ledger import Header, Line
from desktop.services.hut_transfers import ReceiptForm, SendLine, TransferState
from sync.client.run import STEPS
from sync.server.testing import change, stamp


def _set_up_hut(station, name: str, goods: tuple[tuple[str, str, float], ...] = ()) -> dict[str, str]:
    with station.db.unit_of_work(station.admin) as uow:
        hut.set_up_hut(uow, name=name)
        items = {item_name: hut.add_item(uow, form=ItemForm(name=item_name, category="bedding", unit=unit)).id
                 for item_name, unit, _count in goods}
        if goods:
            hut_ledger.post(uow, Header(DocumentKind.INTAKE), [
                Line(items[item_name], count, 150, "new") for item_name, _unit, count in goods])
    return items


def _read(station, work):
    with station.db.reading(station.admin) as uow:
        return work(uow)


def _in_transit(station) -> list[tuple[str, float, float]]:
    return [(row.name, row.going_out, row.coming_in) for row in _read(station, hut_transfers.in_transit)]


def _shelf(station) -> dict[str, float]:
    def work(uow):
        names = {row.id: row.name for row in hut.list_items(uow, include_inactive=True)}
        return {names[item_id]: held for item_id, held in hut_ledger.on_hand(uow.session).items()}
    return _read(station, work)


def _something_to_send(station, name: str) -> None:
    """A catalogue item added meanwhile, so the station's next sync has something to push as well as to pull."""
    with station.db.unit_of_work(station.admin) as uow:
        hut.add_item(uow, form=ItemForm(name=name, category="daily", unit="个"))


@pytest.fixture
def huts(tmp_path, city):
    """幸福村 (A) with 10 quilts and 5 coats on its shelf; 红星村 (B) with its hut and a quilt item of its own; each
    knowing the other's hut through the city."""
    a, b = make_station(tmp_path, "a", VILLAGE_A), make_station(tmp_path, "b", VILLAGE_B)
    for station in (a, b):
        enroll_at(city, station)
    a.items = _set_up_hut(a, "幸福村爱心扶贫小屋", (("棉被", "床", 10), ("棉衣", "件", 5)))
    b.items = _set_up_hut(b, "红星村爱心扶贫小屋")
    with b.db.unit_of_work(b.admin) as uow:
        b.items["棉被"] = hut.add_item(uow, form=ItemForm(name="棉被", category="bedding", unit="床")).id
    for station in (a, b, a):
        sync(station)
    yield a, b
    a.close()
    b.close()


def _send(a):
    with a.db.unit_of_work(a.admin) as uow:
        return hut_transfers.send_transfer(uow, to_village_code=VILLAGE_B, lines=[
            SendLine(a.items["棉被"], 4), SendLine(a.items["棉衣"], 3)])


def _confirm(b, transfer):
    quilts, coats = (line.id for line in transfer.lines)  # 棉被, 棉衣 in pinyin order
    with b.db.unit_of_work(b.admin) as uow:
        return hut_transfers.confirm_transfer(uow, transfer_id=transfer.id, lines=[
            ReceiptForm(quilts, 4), ReceiptForm(coats, 2, "一件在路上丢失")])


def _after_the_receipt(a, b, city, sent) -> None:
    """What both huts and the city hold once the receipt is back: the difference at A, nothing on the way, each
    shelf right, every record once."""
    [outgoing] = _read(a, hut_transfers.outgoing_transfers)
    assert outgoing.id == sent.id and outgoing.state == TransferState.RECEIVED
    assert [(line.item_name, line.quantity, line.received, line.difference, line.reason)
            for line in outgoing.lines] == [("棉被", 4, 4, 0, ""), ("棉衣", 3, 2, -1, "一件在路上丢失")]
    assert _in_transit(a) == _in_transit(b) == []
    assert _shelf(a) == {"棉被": 6, "棉衣": 2}
    assert _shelf(b) == {"棉被": 4, "棉衣": 2}
    moved = [(row["kind"], row["quantity"]) for row in city.live.records("stock_movement").values()
             if row["kind"] in ("transfer_out", "transfer_in")]
    assert sorted(moved) == [("transfer_in", 2), ("transfer_in", 4), ("transfer_out", -4), ("transfer_out", -3)]
    assert len(city.live.records("transfer")) == 1
    assert len(city.live.records("transfer_line")) == len(city.live.records("transfer_receipt")) == 2


def test_a_transfer_goes_through_the_city_and_the_sender_sees_what_arrived_and_the_difference(huts, city):
    a, b = huts
    sent = _send(a)
    assert _in_transit(a) == [("棉被", 4, 0), ("棉衣", 3, 0)]
    assert _shelf(a) == {"棉被": 6, "棉衣": 2}
    sync(a)
    assert _read(b, hut_transfers.incoming_transfers) == []  # nothing until B syncs
    sync(b)
    [incoming] = _read(b, hut_transfers.incoming_transfers)
    assert (incoming.id, incoming.number, incoming.from_name) == (sent.id, sent.number, "幸福村 · 幸福村爱心扶贫小屋")
    assert incoming.state == TransferState.IN_TRANSIT
    assert _in_transit(b) == [("棉被", 0, 4), ("棉衣", 0, 3)]
    assert _in_transit(a) == [("棉被", 4, 0), ("棉衣", 3, 0)]  # in transit at both until confirmed

    _confirm(b, incoming)
    assert _in_transit(b) == []
    sync(b)
    [outgoing] = _read(a, hut_transfers.outgoing_transfers)
    assert outgoing.state == TransferState.IN_TRANSIT  # A has not synced yet
    sync(a)
    _after_the_receipt(a, b, city, sent)

    # Confirming again at B, as after a crash or on a second look, is refused and counts nothing twice.
    with pytest.raises(InvalidInput), b.db.unit_of_work(b.admin) as uow:
        hut_transfers.confirm_transfer(uow, transfer_id=sent.id, lines=[ReceiptForm(incoming.lines[0].id, 4)])
    for station in (b, a):
        sync(station)
    _after_the_receipt(a, b, city, sent)


KILL_STEPS = [step for step in STEPS if step not in ("start", "finished")]


@pytest.mark.parametrize("step", KILL_STEPS)
def test_a_station_killed_at_any_step_of_a_transfer_loses_nothing_and_doubles_nothing(huts, city, step):
    a, b = huts
    sent = _send(a)
    _something_to_send(b, "暖水瓶")
    try:
        a = _killed_at(a, step)           # A cut off while sending the transfer
        sync(a)
        b = _killed_at(b, step)           # B cut off while receiving it
        sync(b)
        [incoming] = _read(b, hut_transfers.incoming_transfers)
        assert incoming.id == sent.id and _in_transit(b) == [("棉被", 0, 4), ("棉衣", 0, 3)]
        _confirm(b, incoming)
        _something_to_send(a, "脸盆")
        b = _killed_at(b, step)           # B cut off while sending what arrived
        sync(b)
        a = _killed_at(a, step)           # A cut off while hearing of it
        sync(a)
        _after_the_receipt(a, b, city, sent)
    finally:
        a.close()
        b.close()


# -- two PCs of the receiving village confirm the same transfer ---------------------------------------------------

@pytest.fixture
def three(tmp_path, city):
    """幸福村 (A) as in ``huts``; 红星村 with two PCs (B1, B2), each knowing the transfer A sent before either
    confirms it."""
    a = make_station(tmp_path, "a", VILLAGE_A)
    b1, b2 = make_station(tmp_path, "b1", VILLAGE_B), make_station(tmp_path, "b2", VILLAGE_B)
    for station in (a, b1, b2):
        enroll_at(city, station)
    a.items = _set_up_hut(a, "幸福村爱心扶贫小屋", (("棉被", "床", 10), ("棉衣", "件", 5)))
    _set_up_hut(b1, "红星村爱心扶贫小屋")
    for station in (a, b1, b2, a):
        sync(station)
    sent = _send(a)
    sync(a)
    for station in (b1, b2):
        sync(station)
    yield a, b1, b2, sent
    for station in (a, b1, b2):
        station.close()


def _documents(station) -> list[tuple[str, str, bool]]:
    """The hut's documents as its list shows them: kind, goods, and whether another PC's receipt superseded it."""
    from desktop.services import hut_stock

    return sorted((row.kind, row.what, row.superseded)
                  for row in _read(station, hut_stock.list_documents))


def _confirm_lines(station, sent, received: dict[str, float]):
    lines = {line.item_name: line.id for line in sent.lines}
    with station.db.unit_of_work(station.admin) as uow:
        return hut_transfers.confirm_transfer(uow, transfer_id=sent.id, lines=[
            ReceiptForm(lines[name], count, "" if count == {"棉被": 4, "棉衣": 3}[name] else "一件在路上丢失")
            for name, count in received.items()])


def _items(station) -> list[str]:
    return sorted(row.name for row in _read(station, lambda uow: hut.list_items(uow, include_inactive=True)))


def test_two_pcs_confirming_the_same_transfer_offline_count_it_once_and_the_losing_document_says_so(three, city):
    a, b1, b2, sent = three
    _confirm_lines(b1, sent, {"棉被": 4, "棉衣": 2})
    _confirm_lines(b2, sent, {"棉被": 4, "棉衣": 3})   # offline, the same goods, counted differently
    for station in (b1, b2, b1, a, b2):
        result = sync(station)
        assert not result.refetched and not result.mismatch  # each PC holds what the city holds
    for station in (b1, b2):
        assert _shelf(station) == {"棉被": 4, "棉衣": 2}  # B1's receipt reached the city first: it counts
        assert _items(station) == ["棉衣", "棉被"]       # each item once in the village's list
        assert _documents(station) == [("transfer_in", "", True), ("transfer_in", "棉被 4床、棉衣 2件", False)]
        assert _in_transit(station) == []
    [b1_document] = [row for row in _read(b1, hut_stock_documents) if not row.superseded]
    [lost] = [row for row in _read(b2, hut_stock_documents) if row.superseded]
    assert lost.superseded_by == (b1_document.number,)
    assert HutAction.REVERSE not in lost.actions
    _after_the_receipt(a, b1, city, sent)


def test_a_pc_whose_receipt_lost_keeps_no_goods_the_winning_receipt_says_did_not_arrive(three, city):
    a, b1, b2, sent = three
    _confirm_lines(b1, sent, {"棉衣": 0})                    # B1: none of the coats arrived
    _confirm_lines(b2, sent, {"棉被": 4, "棉衣": 3})          # B2, offline: all of them did
    for station in (b1, b2, b1, a, b2):
        result = sync(station)
        assert not result.refetched and not result.mismatch  # each PC holds what the city holds
    for station in (b1, b2):
        assert _shelf(station) == {"棉被": 4}
        assert _documents(station) == [("transfer_in", "棉被 4床", False)]
    assert sorted(row["quantity"] for row in city.live.records("stock_movement").values()
                  if row["kind"] == "transfer_in") == [4]
    [outgoing] = _read(a, hut_transfers.outgoing_transfers)
    assert [(line.item_name, line.received) for line in outgoing.lines] == [("棉被", 4), ("棉衣", 0)]


def test_a_pc_whose_receipt_lost_keeps_none_of_a_line_the_winning_document_says_did_not_arrive(three, city):
    """The winning PC's document counts some lines and says none of another arrived (its receipt names the
    document too, for the paper to list the line): the losing PC keeps none of that line either."""
    a, b1, b2, sent = three
    _confirm_lines(b1, sent, {"棉被": 4, "棉衣": 0})         # B1: the quilts arrived, none of the coats
    _confirm_lines(b2, sent, {"棉被": 4, "棉衣": 3})         # B2, offline: the coats arrived too
    for station in (b1, b2, b1, a, b2):
        result = sync(station)
        assert not result.refetched and not result.mismatch
    for station in (b1, b2):
        assert _shelf(station) == {"棉被": 4}
    assert ("transfer_in", "棉被 4床", False) in _documents(b2)
    assert ("transfer_in", "", True) in _documents(b2)  # B2's own document, counted at B1 instead
    assert sorted(row["quantity"] for row in city.live.records("stock_movement").values()
                  if row["kind"] == "transfer_in") == [4]


def hut_stock_documents(uow):
    from desktop.services import hut_stock

    return hut_stock.list_documents(uow)


T0 = 1_780_000_000_000  # milliseconds; any fixed moment before the server's clock will do


def _pair(line_id: str, document_id: str, received: float, node: str) -> dict[str, dict]:
    """One PC's confirmation of a line as it pushes it: its receipt and, if anything arrived, its movement."""
    at = stamp(T0, node)
    records = {"receipt": change("transfer_receipt", named_id(VILLAGE_B, "receipt", line_id), {
        "village_code": VILLAGE_B, "to_village_code": VILLAGE_A, "transfer_id": "t-1", "transfer_line_id": line_id,
        "received": received, "reason": "" if received == 3 else "路上丢失", "received_on": "2026-11-29",
        "document_id": document_id if received else "", "item_id": "item-coats" if received else ""}, at)}
    if received:
        records["movement"] = change("stock_movement", named_id(VILLAGE_B, "received", line_id), {
            "village_code": VILLAGE_B, "document_id": document_id, "item_id": "item-coats", "kind": "transfer_in",
            "happened_on": "2026-11-29", "quantity": received, "transfer_line_id": line_id}, at)
    return records


@pytest.mark.parametrize("case", ["movement first", "nothing arrived first"])
def test_the_city_keeps_one_pcs_receipt_and_movement_of_a_line_however_their_batches_interleave(city, case):
    live = city.live
    b1, b2 = live.enroll(VILLAGE_B), live.enroll(VILLAGE_B)
    line_id = "line-coats"
    if case == "movement first":
        first = _pair(line_id, "document-b1", 2, "b1")
        live.push(b1, [first["movement"]])          # B1's outbox split: its movement in one batch …
        second = _pair(line_id, "document-b2", 3, "b2")
        answer = live.push(b2, [second["movement"], second["receipt"]])
        live.push(b1, [first["receipt"]])           # … its receipt in the next, after B2's whole confirmation
        kept = [("document-b1", 2)]
    else:
        first = _pair(line_id, "document-b1", 0, "b1")
        live.push(b1, [first["receipt"]])           # B1: none of the coats arrived, so it wrote no movement
        second = _pair(line_id, "document-b2", 3, "b2")
        answer = live.push(b2, [second["movement"], second["receipt"]])
        kept = []
    assert answer["rejected"] == []                 # sync never refuses a movement: B2's is accepted, and ignored
    movements = live.records("stock_movement").values()
    assert [(row["document_id"], row["quantity"]) for row in movements] == kept
    [receipt] = live.records("transfer_receipt").values()
    assert (receipt["document_id"], receipt["received"]) == (kept[0] if kept else ("", 0))
