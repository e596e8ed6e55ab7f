"""Transfers between huts at the station: sending takes the goods off this hut's shelf through the ledger and
describes them in full for the receiving hut; the receiving station confirms what arrived line by line, a
difference with its reason, onto its own items; the goods are in transit at both until then; and bad input — an
unknown village, a village without a hut, a quantity that is not a number above zero, more than is on the shelf,
a line confirmed twice, a difference without a reason — is refused in plain words with nothing written.

The receiving village's station is a second database here; what sync would carry between them is written into it
as a pulled page would be (tests/sync/test_hut_transfer_flow.py does it through a real city server)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.domain.actor import SYSTEM
from desktop.domain.hut import DocumentKind, HutAction
from desktop.domain.sync_kinds import KINDS, named_id
from desktop.errors import InvalidInput, PermissionDenied
from desktop.paths import DataFolder
from desktop.services import hut, hut_ledger, hut_transfers, regions, station
from desktop.services.demo import as_pulled
from desktop.services.hut import ItemForm
from desktop.services.hut_ledger import Header, Line
from desktop.services.hut_transfers import ReceiptForm, SendLine, TransferState
from desktop.storage.database import open_database
from desktop.storage.models import (
    HutDocument,
    StockMovement,
    Transfer,
    TransferLine,
    TransferReceipt,
)

VILLAGE = "220802101201"  # 幸福村, the station the tests' set-up makes (tests/desktop/conftest.py)
OTHER = "220802101202"  # 红星村, whose hut the goods go to
TODAY = date(2026, 11, 29)


@pytest.fixture
def sender(setup_station, fake_now):
    """幸福村's station with its hut: 10 bags of rice (¥45, new) and 6 boxes of milk in two lots on the shelf,
    and 红星村's hut known, as the city sends every hut's record."""
    setup_station.db.now = fake_now
    with setup_station.db.unit_of_work(setup_station.hut_manager) as uow:
        hut.set_up_hut(uow, name="幸福村爱心扶贫小屋")
        as_pulled(uow, "hut", OTHER, {"village_code": OTHER, "name": "红星村爱心扶贫小屋", "address": "",
                                      "opened_on": "", "active": True})
        rice = hut.add_item(uow, form=ItemForm(name="大米", category="grain_oil", unit="袋", barcode="6901234567890"))
        milk = hut.add_item(uow, form=ItemForm(name="牛奶", category="grain_oil", unit="箱", tracks_expiry=True))
        hut_ledger.post(uow, Header(DocumentKind.INTAKE, happened_on="2026-11-20"), [
            Line(rice.id, 10, 45, "new"), Line(milk.id, 3, 55, "new", "2026-12-20"),
            Line(milk.id, 3, 55, "new", "2027-03-01")])
    setup_station.rice, setup_station.milk = rice.id, milk.id
    return setup_station


@pytest.fixture
def receiver(tmp_path, fake_now, sender):
    """红星村's station with its hut (牛奶 in its catalogue already), knowing 幸福村's hut."""
    db = open_database(DataFolder(tmp_path / "red-star"))
    db.now = fake_now
    with sender.db.reading(SYSTEM) as uow:
        known = regions.all_regions(uow)
    rows = [f"{r.code},{r.name},{r.level.value},{r.parent_code}" for r in known
            if r.level.value not in ("city", "county")]  # the built-in ones every station has
    with db.unit_of_work(SYSTEM) as uow:
        regions.import_regions_csv(uow, data="\n".join(["code,name,level,parent_code", *rows]).encode("utf-8"))
    with db.unit_of_work(SYSTEM) as uow:
        admin = station.set_up_station(uow, village_code=OTHER, admin_username="admin", admin_name="赵春梅",
                                       admin_password="secret-42")
    db.reload_station()
    with db.unit_of_work(admin) as uow:
        hut.set_up_hut(uow, name="红星村爱心扶贫小屋")
        as_pulled(uow, "hut", VILLAGE, {"village_code": VILLAGE, "name": "幸福村爱心扶贫小屋", "address": "",
                                        "opened_on": "", "active": True})
        milk = hut.add_item(uow, form=ItemForm(name="牛奶", category="grain_oil", unit="箱", tracks_expiry=True))
    db.admin, db.milk = admin, milk.id
    yield db
    db.close()


def _deliver(source_db, source_actor, target_db, target_actor, model) -> None:
    """Write ``model``'s rows of one station into another as a pulled page of the city server would."""
    with source_db.reading(source_actor) as uow:
        rows = list(uow.session.scalars(select(model)))
        kind = KINDS[model.__sync__.entity]
        copied = [(row.id, {name: getattr(row, name) for name in kind.fields}) for row in rows]
    with target_db.unit_of_work(target_actor) as uow:
        for row_id, fields in copied:
            as_pulled(uow, kind.entity, row_id, fields)


def _send(sender, *lines: SendLine, to: str = OTHER, actor=None):
    with sender.db.unit_of_work(actor or sender.hut_manager) as uow:
        return hut_transfers.send_transfer(uow, to_village_code=to, lines=list(lines), notes="支援红星村")


def _on_hand(db, actor) -> dict[str, float]:
    with db.reading(actor) as uow:
        return hut_ledger.on_hand(uow.session)


def _count(db, actor, model) -> int:
    with db.reading(actor) as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def test_sending_takes_the_goods_off_the_shelf_and_describes_them_in_full(sender):
    sent = _send(sender, SendLine(sender.rice, "4"), SendLine(sender.milk, 2))
    assert _on_hand(sender.db, sender.viewer) == {sender.rice: 6, sender.milk: 4}
    assert sent.state == TransferState.IN_TRANSIT and sent.number.startswith("DB-2026-")
    assert sent.to_name == "红星村 · 红星村爱心扶贫小屋" and sent.notes == "支援红星村"
    assert [(ln.item_name, ln.category, ln.unit, ln.barcode, ln.quantity, ln.unit_value, ln.condition, ln.expires_on,
             ln.received) for ln in sent.lines] == [
        ("大米", "grain_oil", "袋", "6901234567890", 4, 45, "new", "", None),
        ("牛奶", "grain_oil", "箱", "", 2, 55, "new", "2026-12-20", None)]  # the earliest on the shelf goes first
    with sender.db.reading(sender.viewer) as uow:
        document = uow.session.scalars(select(HutDocument).where(HutDocument.kind == "transfer_out")).one()
        assert (document.number, document.to_village_code, document.transfer_id) == (sent.number, OTHER, sent.id)
        transfer = uow.session.get(Transfer, sent.id)
        assert (transfer.to_village_code, transfer.document_id, transfer.sent_by_name) == (OTHER, document.id, "张桂兰")
        outgoing = hut_transfers.outgoing_transfers(uow)
        assert [row.id for row in outgoing] == [sent.id] and hut_transfers.incoming_transfers(uow) == []
        assert [(row.name, row.going_out, row.coming_in) for row in hut_transfers.in_transit(uow)] == [
            ("大米", 4, 0), ("牛奶", 2, 0)]


def test_the_receiving_hut_confirms_a_difference_with_its_reason_and_the_sender_sees_it(sender, receiver):
    sent = _send(sender, SendLine(sender.rice, 4), SendLine(sender.milk, 2))
    for model in (Transfer, TransferLine):
        _deliver(sender.db, sender.admin, receiver, receiver.admin, model)
    with receiver.reading(receiver.admin) as uow:
        [incoming] = hut_transfers.incoming_transfers(uow)
        assert incoming.actions == {HutAction.RECEIVE} and incoming.from_name == "幸福村 · 幸福村爱心扶贫小屋"
        assert [(row.name, row.item_id, row.coming_in) for row in hut_transfers.in_transit(uow)] == [
            ("大米", "", 4), ("牛奶", receiver.milk, 2)]  # 牛奶 goes onto the hut's own item of that name and unit
    rice_line, milk_line = (line.id for line in incoming.lines)
    with receiver.unit_of_work(receiver.admin) as uow:
        confirmed = hut_transfers.confirm_transfer(uow, transfer_id=sent.id, lines=[
            ReceiptForm(rice_line, "3", "一袋路上破损"), ReceiptForm(milk_line, 2)])
    assert confirmed.state == TransferState.RECEIVED and confirmed.actions == frozenset()
    assert [(ln.received, ln.difference, ln.reason) for ln in confirmed.lines] == [(3, -1, "一袋路上破损"), (2, 0, "")]
    with receiver.reading(receiver.admin) as uow:
        stock = hut_ledger.on_hand(uow.session)
        items = {row.name: row for row in hut.list_items(uow)}
        assert stock == {items["大米"].id: 3, receiver.milk: 2}
        rice = items["大米"]
        assert (rice.unit, rice.category, rice.barcode) == ("袋", "grain_oil", "6901234567890")
        movements = {row.transfer_line_id: row for row in uow.session.scalars(select(StockMovement))}
        assert movements[rice_line].id == named_id(OTHER, "received", rice_line)
        assert (movements[milk_line].expires_on, movements[milk_line].unit_value) == ("2026-12-20", 55)
        assert hut_transfers.in_transit(uow) == []

    # What arrived goes back to the sender, which sees it on its own transfer, and nothing is on the way.
    _deliver(receiver, receiver.admin, sender.db, sender.admin, TransferReceipt)
    with sender.db.reading(sender.viewer) as uow:
        [outgoing] = hut_transfers.outgoing_transfers(uow)
        assert outgoing.state == TransferState.RECEIVED and outgoing.differs
        assert [(ln.item_name, ln.quantity, ln.received, ln.difference, ln.reason, ln.received_by_name)
                for ln in outgoing.lines] == [("大米", 4, 3, -1, "一袋路上破损", "赵春梅"),
                                              ("牛奶", 2, 2, 0, "", "赵春梅")]
        assert hut_transfers.in_transit(uow) == []
    assert _on_hand(sender.db, sender.viewer) == {sender.rice: 6, sender.milk: 4}  # a receipt moves nothing here


def test_a_line_confirmed_again_is_refused_plainly_and_nothing_is_counted_twice(sender, receiver):
    sent = _send(sender, SendLine(sender.rice, 4))
    for model in (Transfer, TransferLine):
        _deliver(sender.db, sender.admin, receiver, receiver.admin, model)
    line_id = sent.lines[0].id
    with receiver.unit_of_work(receiver.admin) as uow:
        hut_transfers.confirm_transfer(uow, transfer_id=sent.id, lines=[ReceiptForm(line_id, 4)])
    before = _on_hand(receiver, receiver.admin)
    with pytest.raises(InvalidInput) as refused, receiver.unit_of_work(receiver.admin) as uow:
        hut_transfers.confirm_transfer(uow, transfer_id=sent.id, lines=[ReceiptForm(line_id, 4)])
    assert refused.value.field == f"received:{line_id}"
    assert "confirmed already: 4 袋 arrived on 2026-11-29" in refused.value.text()
    assert _on_hand(receiver, receiver.admin) == before
    assert _count(receiver, receiver.admin, TransferReceipt) == 1
    assert _count(receiver, receiver.admin, StockMovement) == 1
    # Another PC of the village confirming the same line names its receipt and movement alike, so the city keeps
    # one of each however many PCs confirm it.
    with receiver.reading(receiver.admin) as uow:
        receipt = uow.session.scalars(select(TransferReceipt)).one()
        assert receipt.id == named_id(OTHER, "receipt", line_id)


def test_a_line_of_the_citys_catalogue_is_received_as_the_citys_item(sender, receiver):
    city = {"name": "面粉", "category": "grain_oil", "unit": "袋", "tracks_expiry": False, "barcode": "",
            "active": True}
    for db, actor in ((sender.db, sender.hut_manager), (receiver, receiver.admin)):
        with db.unit_of_work(actor) as uow:
            as_pulled(uow, "city_item", "city-flour", city)
    with sender.db.unit_of_work(sender.hut_manager) as uow:
        flour = hut.adopt_city_item(uow, city_item_id="city-flour").id
        hut_ledger.post(uow, Header(DocumentKind.INTAKE), [Line(flour, 5, 30, "new")])
    sent = _send(sender, SendLine(flour, 5))
    for model in (Transfer, TransferLine):
        _deliver(sender.db, sender.admin, receiver, receiver.admin, model)
    with receiver.unit_of_work(receiver.admin) as uow:
        hut_transfers.confirm_transfer(uow, transfer_id=sent.id, lines=[ReceiptForm(sent.lines[0].id, 5)])
    with receiver.reading(receiver.admin) as uow:
        assert hut_ledger.on_hand(uow.session) == {named_id(OTHER, "item", "city-flour"): 5}


@pytest.mark.parametrize(("to", "words"), [
    ("220802101299", "220802101299 is not a village on the city's list. Choose the hut from the list."),
    ("220802101", "220802101 is not a village on the city's list. Choose the hut from the list."),
    ("220802101001", "新华社区 has no love hut to send goods to. Choose another village's hut."),
    (VILLAGE, "The goods are at this hut already. Choose another village's hut."),
    ("", "Choose the hut the goods go to."),
])
def test_a_transfer_to_a_village_that_does_not_exist_or_has_no_hut_is_refused(sender, to, words):
    with pytest.raises(InvalidInput) as refused:
        _send(sender, SendLine(sender.rice, 1), to=to)
    assert refused.value.field == "to_village_code"
    assert refused.value.text() == words
    assert _count(sender.db, sender.viewer, Transfer) == 0
    assert _on_hand(sender.db, sender.viewer)[sender.rice] == 10


@pytest.mark.parametrize("typed", [0, "0", -2, "-1", "abc", "", "二"])
def test_a_quantity_that_is_not_a_number_above_zero_is_refused_naming_the_line(sender, typed):
    with pytest.raises(InvalidInput) as refused:
        _send(sender, SendLine(sender.milk, 1), SendLine(sender.rice, typed))
    assert refused.value.field == "lines"
    assert refused.value.text() == \
        "Line 2: enter how many as a number above 0, e.g. 2 or 2.5."
    assert _count(sender.db, sender.viewer, Transfer) == 0
    assert _count(sender.db, sender.viewer, TransferLine) == 0


def test_more_than_is_on_the_shelf_is_refused_naming_the_item_and_nothing_is_sent(sender):
    with pytest.raises(InvalidInput) as refused:
        _send(sender, SendLine(sender.rice, 6), SendLine(sender.rice, 5))  # two lines of one item add up
    assert refused.value.text().startswith(
        "Only 10 袋 of 大米 are on hand on 2026-11-29; 11 袋 cannot go out.")
    assert _count(sender.db, sender.viewer, Transfer) == _count(sender.db, sender.viewer, TransferLine) == 0
    assert _on_hand(sender.db, sender.viewer)[sender.rice] == 10


def test_a_difference_without_a_reason_or_a_received_quantity_that_is_not_a_number_is_refused(sender, receiver):
    sent = _send(sender, SendLine(sender.rice, 4), SendLine(sender.milk, 2))
    for model in (Transfer, TransferLine):
        _deliver(sender.db, sender.admin, receiver, receiver.admin, model)
    rice_line, milk_line = (line.id for line in sent.lines)
    cases = [
        ([ReceiptForm(rice_line, 4), ReceiptForm(milk_line, 1, "  ")], f"reason:{milk_line}",
         "Line 2: 1 箱 of 牛奶 arrived where 2 were sent. Say why they differ."),
        ([ReceiptForm(rice_line, 5)], f"reason:{rice_line}",
         "Line 1: 5 袋 of 大米 arrived where 4 were sent. Say why they differ."),
        ([ReceiptForm(rice_line, "-1", "丢了")], f"received:{rice_line}",
         "Line 1: enter how many 大米 arrived, as a number; 0 if none did."),
        ([ReceiptForm(rice_line, "四")], f"received:{rice_line}",
         "Line 1: enter how many 大米 arrived, as a number; 0 if none did."),
    ]
    for lines, field, words in cases:
        with pytest.raises(InvalidInput) as refused, receiver.unit_of_work(receiver.admin) as uow:
            hut_transfers.confirm_transfer(uow, transfer_id=sent.id, lines=lines)
        assert (refused.value.field, refused.value.text()) == (field, words)
    assert _count(receiver, receiver.admin, TransferReceipt) == _count(receiver, receiver.admin, StockMovement) == 0

    # Nothing arrived of a line: its receipt says so and why, and no goods go onto the shelf for it.
    with receiver.unit_of_work(receiver.admin) as uow:
        done = hut_transfers.confirm_transfer(uow, transfer_id=sent.id, lines=[
            ReceiptForm(rice_line, "０", "整袋丢失"), ReceiptForm(milk_line, 2)])
    assert [(ln.received, ln.difference) for ln in done.lines] == [(0, -4), (2, 0)]
    assert _on_hand(receiver, receiver.admin) == {receiver.milk: 2}


def test_the_sending_hut_cannot_confirm_its_own_transfer_and_only_the_hut_manager_and_admin_may_send(sender):
    sent = _send(sender, SendLine(sender.rice, 1))
    with pytest.raises(InvalidInput) as refused, sender.db.unit_of_work(sender.hut_manager) as uow:
        hut_transfers.confirm_transfer(uow, transfer_id=sent.id, lines=[ReceiptForm(sent.lines[0].id, 1)])
    assert refused.value.text() == \
        f"This hut sent transfer {sent.number}; the hut it went to confirms what arrived."
    for actor in (sender.viewer, sender.coordinator):
        with pytest.raises(PermissionDenied):
            _send(sender, SendLine(sender.rice, 1), actor=actor)
    with sender.db.reading(sender.viewer) as uow:
        assert [row.actions for row in hut_transfers.outgoing_transfers(uow)] == [frozenset()]
    assert TODAY.isoformat() == sent.sent_on


def test_the_demo_has_a_transfer_on_its_way_to_the_neighbouring_village_and_one_waiting_to_be_confirmed(demo_folder):
    db = open_database(demo_folder)
    try:
        with db.reading(SYSTEM) as uow:
            [outgoing] = hut_transfers.outgoing_transfers(uow)
            [incoming] = hut_transfers.incoming_transfers(uow)
            assert (outgoing.to_name, outgoing.goods, outgoing.state) == (
                "红星村 · 红星村爱心扶贫小屋", "棉被 2床、书包 5个", TransferState.IN_TRANSIT)
            assert (incoming.from_name, incoming.state) == ("永安村 · 永安村爱心扶贫小屋", TransferState.IN_TRANSIT)
            assert {(row.name, row.going_out, row.coming_in) for row in hut_transfers.in_transit(uow)} == {
                ("棉被", 2, 4), ("书包", 5, 0), ("电暖器", 0, 1)}
    finally:
        db.close()


# Sends or confirms in a process of its own that is gone on the spot once the document's movements are written,
# before the transfer's or the receipt's records are: no rollback, no closing, as a PC losing its power.
CUT_OFF = 137
_WRITER = textwrap.dedent(f"""
    import json, os, sys
    from pathlib import Path
    from sqlalchemy import event
    from sqlalchemy.orm import Session
    from desktop.domain.actor import Actor
    from desktop.domain.roles import Role
    from desktop.paths import DataFolder
    from desktop.services import hut_transfers
    from desktop.services.hut_transfers import ReceiptForm, SendLine
    from desktop.storage.database import open_database
    from desktop.storage.models import StockMovement

    folder, actor, verb, arguments = Path(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4])
    db = open_database(DataFolder(folder))

    @event.listens_for(Session, "after_flush")
    def cut(session, _context):
        if any(isinstance(row, StockMovement) for row in session.new):
            os._exit({CUT_OFF})

    with db.unit_of_work(Actor(actor["id"], actor["username"], actor["name"], Role(actor["role"]))) as uow:
        if verb == "send":
            hut_transfers.send_transfer(uow, to_village_code=arguments["to"],
                                        lines=[SendLine(*line) for line in arguments["lines"]])
        else:
            hut_transfers.confirm_transfer(uow, transfer_id=arguments["transfer"],
                                           lines=[ReceiptForm(*line) for line in arguments["lines"]])
    os._exit(0)
""")


def _cut_off(db, actor, verb: str, arguments: dict) -> None:
    folder = db.folder.root
    db.close()
    cut = subprocess.run([sys.executable, "-c", _WRITER, str(folder), json.dumps(
        {"id": actor.user_id, "username": actor.username, "name": actor.display_name, "role": actor.role.value}),
        verb, json.dumps(arguments)], env=dict(os.environ), capture_output=True, text=True, timeout=120)
    assert cut.returncode == CUT_OFF, cut.stderr


def test_a_station_cut_off_in_the_middle_of_sending_or_confirming_keeps_nothing_of_it(sender, receiver, fake_now):
    _cut_off(sender.db, sender.hut_manager, "send", {"to": OTHER, "lines": [[sender.rice, 4]]})
    sender.db = open_database(sender.folder)
    sender.db.now = fake_now
    assert _count(sender.db, sender.viewer, HutDocument) == 1  # the intake alone
    assert _count(sender.db, sender.viewer, Transfer) == _count(sender.db, sender.viewer, TransferLine) == 0
    assert _on_hand(sender.db, sender.viewer)[sender.rice] == 10
    sent = _send(sender, SendLine(sender.rice, 4))  # sent again once the PC is on: once
    assert _on_hand(sender.db, sender.viewer)[sender.rice] == 6

    for model in (Transfer, TransferLine):
        _deliver(sender.db, sender.admin, receiver, receiver.admin, model)
    line_id = sent.lines[0].id
    folder = DataFolder(receiver.folder.root)
    _cut_off(receiver, receiver.admin, "confirm", {"transfer": sent.id, "lines": [[line_id, 3, "一袋破损"]]})
    again = open_database(folder)
    again.now = fake_now
    try:
        assert _count(again, receiver.admin, TransferReceipt) == _count(again, receiver.admin, StockMovement) == 0
        assert _count(again, receiver.admin, HutDocument) == 0
        with again.unit_of_work(receiver.admin) as uow:
            done = hut_transfers.confirm_transfer(uow, transfer_id=sent.id, lines=[ReceiptForm(line_id, 3, "一袋破损")])
        assert [(line.received, line.reason) for line in done.lines] == [(3, "一袋破损")]
        assert _count(again, receiver.admin, StockMovement) == _count(again, receiver.admin, TransferReceipt) == 1
    finally:
        again.close()
        sender.db.close()


def _transfer_out(db, actor) -> str:
    with db.reading(actor) as uow:
        return uow.session.scalars(select(HutDocument.id).where(HutDocument.kind == "transfer_out")).one()


def _listed(db, actor, document_id: str):
    from desktop.services import hut_stock

    with db.reading(actor) as uow:
        [row] = [row for row in hut_stock.list_documents(uow) if row.id == document_id]
        return row


def _reverse(db, actor, document_id: str):
    with db.unit_of_work(actor) as uow:
        return hut_ledger.reverse(uow, document_id=document_id, reason="发错了")


def test_a_transfer_on_its_way_or_counted_where_it_went_is_not_reversed_and_one_of_which_nothing_arrived_is(
        sender, receiver):
    sent = _send(sender, SendLine(sender.rice, 4), SendLine(sender.milk, 2))
    document_id = _transfer_out(sender.db, sender.hut_manager)
    assert HutAction.REVERSE not in _listed(sender.db, sender.hut_manager, document_id).actions
    with pytest.raises(InvalidInput) as refused:
        _reverse(sender.db, sender.hut_manager, document_id)
    assert refused.value.text().startswith(
        f"Transfer {sent.number} is still on its way to 红星村, whose hut may yet count the goods; reversing it here "
        "would count them at both huts. Ask that hut to confirm what arrived, with 0 for goods that did not arrive.")
    assert _on_hand(sender.db, sender.viewer) == {sender.rice: 6, sender.milk: 4}

    # The receiving hut says nothing arrived: the goods never left, so the transfer may be reversed.
    for model in (Transfer, TransferLine):
        _deliver(sender.db, sender.admin, receiver, receiver.admin, model)
    rice_line, milk_line = (line.id for line in sent.lines)
    with receiver.unit_of_work(receiver.admin) as uow:
        hut_transfers.confirm_transfer(uow, transfer_id=sent.id, lines=[
            ReceiptForm(rice_line, 0, "没有装车"), ReceiptForm(milk_line, 0, "没有装车")])
    _deliver(receiver, receiver.admin, sender.db, sender.admin, TransferReceipt)
    assert HutAction.REVERSE in _listed(sender.db, sender.hut_manager, document_id).actions
    _reverse(sender.db, sender.hut_manager, document_id)
    assert _on_hand(sender.db, sender.viewer) == {sender.rice: 10, sender.milk: 6}


def test_a_transfer_of_which_goods_arrived_is_not_reversed_at_the_sending_hut(sender, receiver):
    sent = _send(sender, SendLine(sender.rice, 4))
    for model in (Transfer, TransferLine):
        _deliver(sender.db, sender.admin, receiver, receiver.admin, model)
    with receiver.unit_of_work(receiver.admin) as uow:
        hut_transfers.confirm_transfer(uow, transfer_id=sent.id, lines=[ReceiptForm(sent.lines[0].id, 3, "破损")])
    _deliver(receiver, receiver.admin, sender.db, sender.admin, TransferReceipt)
    document_id = _transfer_out(sender.db, sender.hut_manager)
    assert HutAction.REVERSE not in _listed(sender.db, sender.hut_manager, document_id).actions
    with pytest.raises(InvalidInput) as refused:
        _reverse(sender.db, sender.hut_manager, document_id)
    assert refused.value.text() == (
        f"红星村 confirmed that goods of transfer {sent.number} arrived and counts them, so reversing it here would "
        "count them at both huts. Goods to come back are sent back by 红星村's hut as a transfer; goods still on this "
        "hut's shelf are found by a stocktake.")
    assert _on_hand(sender.db, sender.viewer)[sender.rice] == 6


def test_the_goods_a_hut_confirmed_as_arrived_are_not_reversed_there(sender, receiver):
    """The sending hut counts them delivered by the receipt, which stays: undoing the arrival would count the goods
    nowhere. A wrong count is corrected by a stocktake."""
    sent = _send(sender, SendLine(sender.rice, 4))
    for model in (Transfer, TransferLine):
        _deliver(sender.db, sender.admin, receiver, receiver.admin, model)
    with receiver.unit_of_work(receiver.admin) as uow:
        done = hut_transfers.confirm_transfer(uow, transfer_id=sent.id, lines=[ReceiptForm(sent.lines[0].id, 4)])
    with receiver.reading(receiver.admin) as uow:
        arrival_id, number = uow.session.execute(select(HutDocument.id, HutDocument.number).where(
            HutDocument.kind == "transfer_in")).one()
    assert HutAction.REVERSE not in _listed(receiver, receiver.admin, arrival_id).actions
    with pytest.raises(InvalidInput) as refused:
        _reverse(receiver, receiver.admin, arrival_id)
    assert refused.value.field == "document"
    assert refused.value.text().startswith(
        f"Document {number} records what arrived of a transfer from 幸福村, whose hut counts those goods as "
        "delivered here: reversing it would take them off this hut's stock and count them nowhere.")
    assert [line.received for line in done.lines] == [4]
    assert sum(_on_hand(receiver, receiver.admin).values()) == 4  # the goods stay on the receiving hut's stock


def test_goods_confirmed_after_the_sending_hut_reversed_the_transfer_are_flagged_as_counted_at_both(
        sender, receiver):
    """A reversal made before the rule, or at a PC that had not heard of the receipt: sync never refuses the
    receipt, and the sender's transfer says plainly that the goods are counted at both huts."""
    sent = _send(sender, SendLine(sender.rice, 4))
    document_id = _transfer_out(sender.db, sender.hut_manager)
    with sender.db.unit_of_work(sender.hut_manager) as uow:  # as the reversal of an older version wrote it
        moved = hut_ledger.movements_of(uow.session, document_id)
        hut_ledger.post(uow, Header(DocumentKind.REVERSAL, corrects_id=document_id, notes="发错了"),
                        [Line(m.item_id, -m.quantity, reverses_id=m.id) for m in moved])
    with sender.db.reading(sender.viewer) as uow:
        [outgoing] = hut_transfers.outgoing_transfers(uow)
        assert outgoing.reversed_here and not outgoing.counted_at_both
    for model in (Transfer, TransferLine):
        _deliver(sender.db, sender.admin, receiver, receiver.admin, model)
    with receiver.unit_of_work(receiver.admin) as uow:
        hut_transfers.confirm_transfer(uow, transfer_id=sent.id, lines=[ReceiptForm(sent.lines[0].id, 4)])
    _deliver(receiver, receiver.admin, sender.db, sender.admin, TransferReceipt)
    with sender.db.reading(sender.viewer) as uow:
        [outgoing] = hut_transfers.outgoing_transfers(uow)
        assert outgoing.counted_at_both
    assert _on_hand(sender.db, sender.viewer)[sender.rice] == 10  # counted here as well as at 红星村, until a count
    assert list(_on_hand(receiver, receiver.admin).values()) == [4]
