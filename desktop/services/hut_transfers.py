"""Transfers between love huts (调拨): goods sent from this village's hut to another village's, and goods another
hut sent here, confirmed line by line as they arrive.

Sending posts a ``transfer_out`` document through the ledger (so the shelf never goes below zero) together with
the ``transfer`` and its lines, each describing its goods in full, addressed to the receiving village.  After
the next sync the receiving station lists it as incoming; confirming what arrived writes, per line, a
``transfer_receipt`` named by the line and a ``transfer_in`` movement named by it too, so a line confirmed on two
PCs, or again after a crash, is counted once.  Until its receipt is back a line's goods are in transit at both
huts (docs/sync-protocol.md §9).

Every result carries what the person asking may do next (``actions``); the screens enable their buttons by it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.hut import (
    MAX_QUANTITY,
    DocumentKind,
    HutAction,
    goods_text,
    quantity,
    quantity_text,
)
from desktop.domain.labelled import Labelled, register_labels
from desktop.domain.pinyin_search import text_sort_key
from desktop.domain.regions import Level
from desktop.domain.roles import Permission
from desktop.domain.sync_kinds import TRANSFER_RECEIPT, named_id
from desktop.domain.text import clean_text, compact_text
from desktop.domain.volunteering import parse_date
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import hut_ledger
from desktop.services.hut import (
    ItemForm,
    actions_of,
    add_item,
    adopt_city_item,
    category_names,
    hut_names,
    item_record,
    reversed_documents,
    typed_text,
)
from desktop.services.hut_drafts import line_quantity
from desktop.services.hut_ledger import Header, Line
from desktop.services.hut_stock import shelf_expiries
from desktop.services.regions import region_names
from desktop.services.station import village_code
from desktop.storage.models import (
    CityItem,
    Hut,
    Item,
    Region,
    StockMovement,
    Transfer,
    TransferLine,
    TransferReceipt,
    new_id,
)
from desktop.storage.uow import UnitOfWork

VILLAGE_LEVELS = (Level.VILLAGE.value, Level.COMMUNITY.value)


class TransferState(Labelled):
    IN_TRANSIT = "in_transit"  # no line confirmed yet
    PART_RECEIVED = "part_received"  # some lines confirmed, the others still on the way
    RECEIVED = "received"  # every line confirmed


register_labels([
    (TransferState.IN_TRANSIT, QT_TRANSLATE_NOOP("desktop", "In transit")),
    (TransferState.PART_RECEIVED, QT_TRANSLATE_NOOP("desktop", "Partly received")),
    (TransferState.RECEIVED, QT_TRANSLATE_NOOP("desktop", "Received")),
])


# -- where goods may go --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class HutChoice:
    """Another village's hut a transfer may go to."""

    village_code: str
    village_name: str  # as the region list names it ("" when this station's list does not have it)
    hut_name: str


def receiving_huts(uow: UnitOfWork) -> list[HutChoice]:
    """Every other village's hut (the hut records every station holds), by village name."""
    uow.require(Permission.VIEW_DATA)
    own = village_code(uow)
    huts = [hut for hut in uow.session.scalars(select(Hut).where(Hut.deleted.is_(False), Hut.active.is_(True)))
            if hut.id != own]
    names = region_names(uow.session, {hut.id for hut in huts})
    return sorted((HutChoice(hut.id, names.get(hut.id, ""), hut.name) for hut in huts),
                  key=lambda choice: (text_sort_key(choice.village_name or choice.hut_name), choice.village_code))


def _receiving_hut(uow: UnitOfWork, code: str) -> Hut:
    """The hut a transfer goes to: another village's, set up; anything else refused saying what to do."""
    code = compact_text(code)
    if not code:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Choose the hut the goods go to."), field="to_village_code")
    if code == village_code(uow):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The goods are at this hut already. Choose another village's hut."), field="to_village_code")
    hut = uow.session.get(Hut, code)
    region = uow.session.get(Region, code)
    if hut is None and (region is None or region.level not in VILLAGE_LEVELS):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "{code} is not a village on the city's list. Choose the hut from the list."),
            field="to_village_code", code=code)
    if hut is None or hut.deleted or not hut.active:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "{village} has no love hut to send goods to. Choose another village's hut."),
            field="to_village_code", village=region.name if region is not None else code)
    return hut


def _own_hut(uow: UnitOfWork) -> Hut:
    hut = uow.session.get(Hut, village_code(uow))
    if hut is None or hut.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Set up this village's hut first."), field="hut")
    return hut


# -- the lists -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TransferLineRow:
    id: str
    item_name: str
    category: str
    unit: str
    city_item_id: str
    barcode: str
    quantity: float          # what was sent
    unit_value: float
    condition: str
    expires_on: str
    received: float | None   # what arrived, None while the line is in transit
    reason: str              # why what arrived differs from what was sent
    received_on: str
    received_by_name: str

    @property
    def confirmed(self) -> bool:
        return self.received is not None

    @property
    def difference(self) -> float | None:
        """What arrived less what was sent (below zero: fewer arrived), None while in transit."""
        return None if self.received is None else quantity(self.received - self.quantity)


@dataclass(frozen=True)
class TransferRow:
    id: str
    number: str
    sent_on: str
    from_village_code: str
    from_name: str       # the sending village and its hut: 红星村 · 红星村爱心扶贫小屋
    to_village_code: str
    to_name: str
    sent_by_name: str
    notes: str
    incoming: bool       # addressed to this village's hut
    lines: tuple[TransferLineRow, ...]
    actions: frozenset[HutAction] = frozenset()
    reversed_here: bool = False  # the sending hut's transfer_out was reversed

    @property
    def counted_at_both(self) -> bool:
        """Reversed at the sending hut (before a transfer on its way was refused a reversal, or at a PC that had
        not yet heard of the receipt) while the receiving hut counted goods of it as arrived: those goods are on
        both huts' ledgers until a stocktake at the sending hut settles it.  Sync never refuses a movement, so it
        is shown, not undone."""
        return self.reversed_here and any(line.received for line in self.lines)

    @property
    def state(self) -> TransferState:
        confirmed = sum(line.confirmed for line in self.lines)
        if confirmed == 0:
            return TransferState.IN_TRANSIT
        return TransferState.RECEIVED if confirmed == len(self.lines) else TransferState.PART_RECEIVED

    @property
    def goods(self) -> str:
        return goods_text((line.item_name, line.quantity, line.unit) for line in self.lines)

    @property
    def differs(self) -> bool:
        return any(line.difference for line in self.lines)


def _rows(uow: UnitOfWork, transfers: list[Transfer]) -> list[TransferRow]:
    session = uow.session
    ids = [transfer.id for transfer in transfers]
    lines: dict[str, list[TransferLine]] = defaultdict(list)
    for line in session.scalars(select(TransferLine).where(TransferLine.transfer_id.in_(ids),
                                                           TransferLine.deleted.is_(False))):
        lines[line.transfer_id].append(line)
    receipts = {receipt.transfer_line_id: receipt for receipt in session.scalars(
        select(TransferReceipt).where(TransferReceipt.transfer_id.in_(ids), TransferReceipt.deleted.is_(False)))}
    codes = {t.village_code for t in transfers} | {t.to_village_code for t in transfers}
    names = hut_names(session, codes)
    own = village_code(uow)
    may = actions_of(uow)
    undone = reversed_documents(session, [t.document_id for t in transfers if t.village_code == own])
    rows = []
    for transfer in transfers:
        shown = []
        for line in sorted(lines[transfer.id], key=lambda ln: (text_sort_key(ln.item_name), ln.id)):
            receipt = receipts.get(line.id)
            shown.append(TransferLineRow(
                line.id, line.item_name, line.category, line.unit, line.city_item_id, line.barcode, line.quantity,
                line.unit_value, line.condition, line.expires_on, receipt.received if receipt else None,
                receipt.reason if receipt else "", receipt.received_on if receipt else "",
                receipt.received_by_name if receipt else ""))
        incoming = transfer.to_village_code == own
        waiting = any(not line.confirmed for line in shown)
        actions = may & {HutAction.RECEIVE} if incoming and waiting else frozenset()
        rows.append(TransferRow(transfer.id, transfer.number, transfer.sent_on, transfer.village_code,
                                names[transfer.village_code], transfer.to_village_code,
                                names[transfer.to_village_code], transfer.sent_by_name,
                                transfer.notes, incoming, tuple(shown), frozenset(actions),
                                transfer.document_id in undone))
    # what is still on the way first, then the latest sent
    rows.sort(key=lambda row: row.number, reverse=True)
    rows.sort(key=lambda row: row.sent_on, reverse=True)
    rows.sort(key=lambda row: row.state == TransferState.RECEIVED)
    return rows


def outgoing_transfers(uow: UnitOfWork) -> list[TransferRow]:
    """The transfers this village's hut sent, each line with what arrived and why it differs once the receiving
    hut has confirmed it (in transit until then); those still on the way first."""
    uow.require(Permission.VIEW_DATA)
    own = village_code(uow)
    return _rows(uow, list(uow.session.scalars(select(Transfer).where(
        Transfer.village_code == own, Transfer.deleted.is_(False)))))


def incoming_transfers(uow: UnitOfWork) -> list[TransferRow]:
    """The transfers addressed to this village's hut: those waiting to be confirmed first, then those confirmed."""
    uow.require(Permission.VIEW_DATA)
    own = village_code(uow)
    return _rows(uow, list(uow.session.scalars(select(Transfer).where(
        Transfer.to_village_code == own, Transfer.village_code != own, Transfer.deleted.is_(False)))))


def get_transfer(uow: UnitOfWork, *, transfer_id: str) -> TransferRow:
    uow.require(Permission.VIEW_DATA)
    return _rows(uow, [_transfer(uow, transfer_id)])[0]


def _transfer(uow: UnitOfWork, transfer_id: str) -> Transfer:
    transfer = uow.session.get(Transfer, transfer_id) if transfer_id else None
    own = village_code(uow)
    if transfer is None or transfer.deleted or own not in (transfer.village_code, transfer.to_village_code):
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "This transfer is no longer here. Reload the list."),
                           field="transfer_id")
    return transfer


# -- sending -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SendLine:
    """A line of a transfer as typed: one of this hut's items and how many go."""

    item_id: str
    quantity: float | str


def send_transfer(uow: UnitOfWork, *, to_village_code: str, lines: Sequence[SendLine], notes: str = "",
                  happened_on: date | str = "") -> TransferRow:
    """Send goods of this hut to another village's hut: a ``transfer_out`` document posted through the ledger (the
    shelf may not go below zero) with the transfer and its lines, each describing the goods in full (value and
    condition as ``going_out_worth`` says, the earliest expiry on the shelf), in this one unit of work."""
    uow.require(Permission.EDIT_HUT)
    session = uow.session
    _own_hut(uow)
    hut = _receiving_hut(uow, to_village_code)
    wanted: dict[str, float] = {}
    for position, line in enumerate(lines, start=1):
        item = item_record(uow, line.item_id)
        moved = line_quantity(line.quantity, line=position, field="lines")
        wanted[item.id] = quantity(wanted.get(item.id, 0.0) + moved)  # an item on two lines goes as one
    if not wanted:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Add at least one item to the transfer."), field="lines")
    items = {item.id: item for item in session.scalars(select(Item).where(Item.id.in_(list(wanted))))}
    stock = hut_ledger.on_hand(session, list(wanted))
    expiries = shelf_expiries(session, [item_id for item_id, item in items.items() if item.tracks_expiry], stock)
    worth = hut_ledger.going_out_worth(uow, wanted)
    own = village_code(uow)
    transfer_id = new_id()
    described = []
    for item_id, moved in wanted.items():
        item = items[item_id]
        unit_value, condition = worth[item_id].unit_value, worth[item_id].condition
        described.append(TransferLine(
            id=new_id(), village_code=own, to_village_code=hut.id, transfer_id=transfer_id, item_name=item.name,
            category=item.category, unit=item.unit, city_item_id=item.city_item_id, barcode=item.barcode,
            quantity=moved, unit_value=unit_value, condition=condition, expires_on=expiries.get(item_id, "")))
    cleaned = clean_text(notes)
    document = hut_ledger.post(
        uow, Header(DocumentKind.TRANSFER_OUT, happened_on=happened_on, to_village_code=hut.id,
                    transfer_id=transfer_id, notes=cleaned),
        [Line(line_item, -line.quantity, line.unit_value, line.condition, line.expires_on, transfer_line_id=line.id)
         for line_item, line in zip(wanted, described, strict=True)])
    transfer = Transfer(id=transfer_id, village_code=own, to_village_code=hut.id, number=document.number,
                        sent_on=document.happened_on, document_id=document.id, notes=cleaned,
                        sent_by_name=uow.actor.display_name)
    session.add(transfer)
    session.add_all(described)
    session.flush()
    return _rows(uow, [transfer])[0]


# -- receiving -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReceiptForm:
    """What arrived of one line, as typed: how many (0 if none did) and, where it differs, why."""

    line_id: str
    received: float | str
    reason: str = ""


def received_field(line_id: str) -> str:
    """The name of the field a line's received quantity is typed in (a problem with it is shown there)."""
    return f"received:{line_id}"


def reason_field(line_id: str) -> str:
    return f"reason:{line_id}"


def _received(value: float | str, *, position: int, line: TransferLine) -> float:
    text = value if isinstance(value, int | float) else compact_text(str(value))
    try:
        number = float(text)
    except ValueError:
        number = float("nan")
    if number != number or number < 0 or number > MAX_QUANTITY:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Line {line}: enter how many {item} arrived, as a number; 0 if none did."),
            field=received_field(line.id), line=position, item=line.item_name)
    return quantity(number)


def _same(text: str) -> str:
    return compact_text(text).casefold()


def matching_item(session: Session, line: TransferLine) -> Item | None:
    """This hut's item a line's goods go onto: the city's item it names (once adopted), else an active item of
    the same barcode, else of the same name and unit; None when the hut has none yet."""
    if line.city_item_id:
        adopted = session.scalars(select(Item).where(Item.city_item_id == line.city_item_id,
                                                     Item.deleted.is_(False), Item.active.is_(True))).first()
        if adopted is not None:
            return adopted
    active = select(Item).where(Item.deleted.is_(False), Item.active.is_(True))
    if line.barcode:
        found = session.scalars(active.where(Item.barcode == line.barcode)).first()
        if found is not None:
            return found
    for item in session.scalars(active.where(Item.unit == line.unit)):
        if _same(item.name) == _same(line.item_name):
            return item
    return None


def _item_for(uow: UnitOfWork, line: TransferLine) -> str:
    """This hut's item for a line: as ``matching_item`` finds it, the city's item adopted, else a new one."""
    found = matching_item(uow.session, line)
    if found is not None:
        return found.id
    city = uow.session.get(CityItem, line.city_item_id) if line.city_item_id else None
    if city is not None and city.active:
        return adopt_city_item(uow, city_item_id=city.id).id
    taken = line.barcode and uow.session.scalars(select(Item.id).where(
        Item.barcode == line.barcode, Item.active.is_(True), Item.deleted.is_(False))).first()
    category = line.category if line.category in category_names(uow.session) else "other"
    # named by the line: another PC of the village receiving the same line makes the same item, not a second one
    return add_item(uow, form=ItemForm(name=line.item_name, category=category, unit=line.unit or "件",
                                       tracks_expiry=bool(line.expires_on), barcode="" if taken else line.barcode),
                    item_id=named_id(village_code(uow), "received_item", line.id)).id


def confirm_transfer(uow: UnitOfWork, *, transfer_id: str, lines: Sequence[ReceiptForm], notes: str = "",
                     received_on: date | str = "") -> TransferRow:
    """Confirm what arrived of a transfer to this hut, line by line: per line a receipt (named by the line,
    addressed back to the sender) and, for what arrived, a ``transfer_in`` movement onto this hut's item (named
    by the line too), all in one document.  A difference needs its reason; a line already confirmed — on
    another PC, or before a crash — is refused plainly, and nothing is counted twice."""
    uow.require(Permission.EDIT_HUT)
    session = uow.session
    _own_hut(uow)
    transfer = _transfer(uow, transfer_id)
    own = village_code(uow)
    if transfer.to_village_code != own:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This hut sent transfer {number}; the hut it went to confirms what arrived."),
            field="transfer_id", number=transfer.number)
    sent = {line.id: line for line in session.scalars(select(TransferLine).where(
        TransferLine.transfer_id == transfer.id, TransferLine.deleted.is_(False)))}
    order = sorted(sent.values(), key=lambda ln: (text_sort_key(ln.item_name), ln.id))
    positions = {line.id: position for position, line in enumerate(order, start=1)}
    checked: list[tuple[TransferLine, float, str]] = []
    for form in lines:
        line = sent.get(form.line_id)
        if line is None:
            raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "This transfer has no such line. Reload the list."),
                               field="lines")
        position = positions[line.id]
        done = session.get(TransferReceipt, TRANSFER_RECEIPT.expected_id(own, {"transfer_line_id": line.id}))
        if done is not None:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Line {line}, {item}, is confirmed already: {received} {unit} arrived on {day}. Nothing "
                "was counted twice; reload the list."), field=received_field(line.id), line=position,
                item=line.item_name, received=quantity_text(done.received), unit=line.unit, day=done.received_on)
        received = _received(form.received, position=position, line=line)
        reason = typed_text(form.reason, 500, reason_field(line.id))
        if received != quantity(line.quantity) and not reason:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Line {line}: {received} {unit} of {item} arrived where {sent} were sent. Say why they "
                "differ."), field=reason_field(line.id), line=position, item=line.item_name, unit=line.unit,
                received=quantity_text(received), sent=quantity_text(line.quantity))
        checked.append((line, received, reason))
    if not checked:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter what arrived of at least one line."), field="lines")
    day = parse_date(received_on, field="received_on") if received_on else uow.today()
    hut_ledger.check_day(session, day, today=uow.today(), field="received_on")
    items = {line.id: _item_for(uow, line) for line, received, _reason in checked if received > 0}
    document = None
    if items:
        document = hut_ledger.post(
            uow, Header(DocumentKind.TRANSFER_IN, happened_on=day, transfer_id=transfer.id, notes=clean_text(notes)),
            [Line(items[line.id], received, line.unit_value, line.condition, line.expires_on,
                  transfer_line_id=line.id) for line, received, _reason in checked if received > 0])
    for line, received, reason in checked:
        session.add(TransferReceipt(
            id=TRANSFER_RECEIPT.expected_id(own, {"transfer_line_id": line.id}), village_code=own,
            to_village_code=transfer.village_code, transfer_id=transfer.id, transfer_line_id=line.id,
            received=received, reason=reason, received_on=day.isoformat(),
            document_id=document.id if document is not None else "",  # a line none of which arrived too
            item_id=items.get(line.id, ""), received_by_name=uow.actor.display_name))
    session.flush()
    return _rows(uow, [transfer])[0]


# -- goods on the way ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class InTransit:
    """An item's goods on the way: out of this hut to another, and from another hut to this one."""

    item_id: str     # this hut's item ("" for goods coming whose item this hut does not have yet)
    name: str
    unit: str
    going_out: float
    coming_in: float


def in_transit(uow: UnitOfWork) -> list[InTransit]:
    """Per item, what this hut sent that the receiving hut has not confirmed yet, and what other huts sent here
    that this hut has not confirmed yet."""
    uow.require(Permission.VIEW_DATA)
    session = uow.session
    own = village_code(uow)
    confirmed = set(session.scalars(select(TransferReceipt.transfer_line_id).where(
        TransferReceipt.deleted.is_(False))))
    waiting = [line for line in session.scalars(select(TransferLine).where(TransferLine.deleted.is_(False)))
               if line.id not in confirmed and own in (line.village_code, line.to_village_code)]
    sent_items = {line_id: item_id for line_id, item_id in session.execute(
        select(StockMovement.transfer_line_id, StockMovement.item_id).where(
            StockMovement.transfer_line_id.in_([line.id for line in waiting if line.village_code == own]),
            StockMovement.kind == DocumentKind.TRANSFER_OUT.value, StockMovement.deleted.is_(False)))}
    totals: dict[tuple[str, str, str], list[float]] = {}
    for line in waiting:
        if line.village_code == own:
            item_id = sent_items.get(line.id, "")
            out, comes = line.quantity, 0.0
        else:
            item = matching_item(session, line)
            item_id = item.id if item is not None else ""
            out, comes = 0.0, line.quantity
        key = (item_id, line.item_name if not item_id else "", line.unit if not item_id else "")
        total = totals.setdefault(key, [0.0, 0.0, line.item_name, line.unit])
        total[0] += out
        total[1] += comes
    items = {item.id: item for item in session.scalars(select(Item).where(
        Item.id.in_([key[0] for key in totals if key[0]])))}
    rows = []
    for (item_id, _name, _unit), (out, comes, name, unit) in totals.items():
        item = items.get(item_id)
        rows.append(InTransit(item_id, item.name if item else name, item.unit if item else unit, quantity(out),
                              quantity(comes)))
    return sorted(rows, key=lambda row: (text_sort_key(row.name), row.unit))
