"""The hut's ledger: posting a document and its movements, the stock it sums to, reversing a document, and the
months closed by their public notice.

Every document of the hut — intake, distribution, exchange, transfer, stocktake, opening stock, reversal — is
posted here, so the rules hold for all of them alike: a posted document is numbered in this PC's series and never
changed; at this PC no balance may go below zero, on the document's day or any day after it (a paper record
entered late is checked against the history it joins); a document may not fall into a month already published.
Stock on hand is never stored: it is the sum of the movements (docs/sync-protocol.md §9).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.hut import (
    DocumentKind,
    PointsKind,
    RecipientKind,
    first_shortfall,
    month_of,
    next_number,
    number_prefix,
    pc_mark,
    quantity,
    quantity_text,
)
from desktop.domain.roles import Permission
from desktop.domain.sync_kinds import POINTS_ENTRY, STOCK_MOVEMENT
from desktop.domain.volunteering import parse_date
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.regions import region_names
from desktop.services.settings import load_settings
from desktop.services.station import village_code
from desktop.storage.models import (
    HutDocument,
    HutMonth,
    Item,
    PointsEntry,
    Station,
    StockMovement,
    Transfer,
    TransferLine,
    TransferReceipt,
    new_id,
)
from desktop.storage.uow import UnitOfWork


@dataclass(frozen=True)
class Line:
    """One line to post: ``quantity`` signed as it moves the shelf (in positive, out negative)."""

    item_id: str
    quantity: float
    unit_value: float = 0.0
    condition: str = ""
    expires_on: str = ""
    reason: str = ""
    transfer_line_id: str = ""
    reverses_id: str = ""


@dataclass(frozen=True)
class Header:
    """What a posted document says besides its lines."""

    kind: DocumentKind
    happened_on: date | str = ""  # the day the goods moved; today when not given
    donor_id: str = ""
    recipient_kind: str = ""
    household_id: str = ""
    activity_id: str = ""
    to_village_code: str = ""
    transfer_id: str = ""
    corrects_id: str = ""
    cash_amount: float = 0.0
    cash_charity: str = ""
    cash_receipt: str = ""
    notes: str = ""


# -- the months closed by their notice -------------------------------------------------------------------------

def closed_months(session: Session) -> set[str]:
    """The months whose public notice was published (2026-11 …): nothing more is posted into them."""
    return set(session.scalars(select(HutMonth.month).where(HutMonth.deleted.is_(False))))


def last_closed_month(session: Session) -> str:
    """The latest month published, or "" when none is."""
    return max(closed_months(session), default="")


def check_day(session: Session, day: date, *, today: date, field: str = "happened_on") -> None:
    """A document's day: not after today, and in a month still open — after the last month published, since a
    published notice is what the village read."""
    if day > today:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "{day} has not come yet. Enter the day the goods moved, today or before."),
            field=field, day=day.isoformat())
    last = last_closed_month(session)
    if last and month_of(day) <= last:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The hut's notice for {month} is published, so that month is closed. Enter the goods on a "
            "day after it; a correction of that month goes into the current month, naming what it corrects."),
            field=field, month=last)


# -- stock ---------------------------------------------------------------------------------------------------

def on_hand(session: Session, item_ids: Iterable[str] | None = None, *, on: date | str | None = None
            ) -> dict[str, float]:
    """item id -> the quantity on the shelf: the sum of its movements (up to and including the day ``on``)."""
    query = select(StockMovement.item_id, func.sum(StockMovement.quantity)).where(
        StockMovement.deleted.is_(False)).group_by(StockMovement.item_id)
    if item_ids is not None:
        query = query.where(StockMovement.item_id.in_(list(item_ids)))
    if on is not None:
        query = query.where(StockMovement.happened_on <= (on.isoformat() if isinstance(on, date) else on))
    return {item_id: quantity(total or 0.0) for item_id, total in session.execute(query)}


# Goods come onto a hut's shelf by these documents: the latest of them says what an item is worth, and whether it
# is new or used, when it goes out again.
INCOMING_KINDS = (DocumentKind.INTAKE.value, DocumentKind.TRANSFER_IN.value, DocumentKind.OPENING.value)


@dataclass(frozen=True)
class Worth:
    """What one of an item is worth as it goes out, and new or used ("" when nothing says)."""

    unit_value: float
    condition: str = ""


def going_out_worth(uow: UnitOfWork, item_ids: Iterable[str]) -> dict[str, Worth]:
    """Item id -> what one of it is worth as it leaves the shelf (a distribution's line, an exchange's, a
    transfer's): the estimated value it last came in at (an intake, a transfer in, the opening stock), else its
    price in points at the value of a point, else nothing; new or used as it last came in.  One rule, so a
    distribution and an exchange of the same goods count alike on the documents and the monthly notice."""
    wanted = list(dict.fromkeys(item_ids))
    if not wanted:
        return {}
    session = uow.session
    came_in: dict[str, tuple[float, str]] = {}
    for item_id, unit_value, condition in session.execute(
            select(StockMovement.item_id, StockMovement.unit_value, StockMovement.condition)
            .outerjoin(HutDocument, HutDocument.id == StockMovement.document_id)
            .where(StockMovement.item_id.in_(wanted), StockMovement.kind.in_(INCOMING_KINDS),
                   StockMovement.quantity > 0, StockMovement.deleted.is_(False))
            # the latest last: by day, then as recorded (two of one moment by this PC's numbers, which run on)
            .order_by(StockMovement.happened_on, StockMovement.created_at, HutDocument.number, StockMovement.id)):
        came_in[item_id] = (unit_value, condition)
    point_value = load_settings(uow).point_value
    prices = dict(session.execute(select(Item.id, Item.points_price).where(Item.id.in_(wanted))).all())
    found = {}
    for item_id in wanted:
        unit_value, condition = came_in.get(item_id, (0.0, ""))
        if not unit_value and prices.get(item_id):
            unit_value = prices[item_id] * point_value
        found[item_id] = Worth(round(unit_value, 2), condition)
    return found


def _history(session: Session, item_ids: list[str]) -> dict[str, list[tuple[str, float]]]:
    found: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for item_id, day, moved in session.execute(
            select(StockMovement.item_id, StockMovement.happened_on, StockMovement.quantity).where(
                StockMovement.item_id.in_(item_ids), StockMovement.deleted.is_(False))):
        found[item_id].append((day, moved))
    return found


def check_stock(session: Session, day: str, lines: Sequence[Line]) -> None:
    """Refuse lines that would take an item below zero on ``day`` or any later day of its history: named, with
    what is on hand then.  Only items the lines take out are checked — an intake never fails for a shortfall two
    PCs made by handing out the same goods offline (the hut's home screen flags those)."""
    taken: dict[str, float] = defaultdict(float)
    for line in lines:
        taken[line.item_id] += line.quantity
    out = [item_id for item_id, moved in taken.items() if moved < 0]
    if not out:
        return
    history = _history(session, out)
    for item_id in out:
        later = [(on, moved) for on, moved in history.get(item_id, []) if on > day]
        before = quantity(sum(moved for on, moved in history.get(item_id, []) if on <= day))
        shortfall = first_shortfall([(day, before + taken[item_id]), *later])
        if shortfall is None:
            continue
        item = session.get(Item, item_id)
        name, unit = (item.name, item.unit) if item else (item_id, "")
        if shortfall.day == day:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Only {on_hand} {unit} of {item} are on hand on {day}; {wanted} {unit} cannot go out. "
                "Lower the quantity, or enter the intake that brought the rest first."),
                field="lines", item=name, unit=unit, day=day, on_hand=quantity_text(before),
                wanted=quantity_text(-taken[item_id]))
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "With this on {day}, {item} would stand at {balance} {unit} on {later}, after what the hut "
            "gave out then. Check the day and the quantity."),
            field="lines", item=name, unit=unit, day=day, later=shortfall.day,
            balance=quantity_text(shortfall.balance))


# -- posting ---------------------------------------------------------------------------------------------------

def _number(session: Session, kind: DocumentKind, year: int) -> str:
    mark = pc_mark(session.scalars(select(Station.station_id)).one())
    prefix = number_prefix(kind, year, mark)
    # only this PC's series of the year, read off the numbers' index: the other PCs' and years' are never read
    used = session.scalars(select(HutDocument.number).where(HutDocument.number >= prefix,
                                                            HutDocument.number < prefix + "\uffff"))
    return next_number(kind, year, mark, used)


def post(uow: UnitOfWork, header: Header, lines: Sequence[Line], *, check_balances: bool = True) -> HutDocument:
    """Post a document with its lines: numbered in this PC's series, its movements on the ledger, all in this
    unit of work (so nothing of it is kept if anything after it fails).  ``check_balances=False`` is for a
    stocktake's adjustments, which set the shelf to what was counted."""
    uow.require(Permission.EDIT_HUT)
    session = uow.session
    today = uow.today()
    day = parse_date(header.happened_on, field="happened_on") if header.happened_on else today
    check_day(session, day, today=today)
    if not lines and not (header.kind == DocumentKind.INTAKE and header.cash_amount > 0):
        # a cash gift passed on is an intake of no goods: the document records it, the shelf is not touched
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Add at least one item to the document."), field="lines")
    known = set(session.scalars(select(Item.id).where(Item.id.in_({line.item_id for line in lines}))))
    for position, line in enumerate(lines, start=1):
        if line.item_id not in known:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Line {line} names an item this hut does not have. Choose the item again."),
                field="lines", line=position)
        if not quantity(line.quantity):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Line {line} has no quantity. Enter how many, or remove the line."),
                field="lines", line=position)
    if check_balances:
        check_stock(session, day.isoformat(), lines)
    if header.recipient_kind:
        RecipientKind(header.recipient_kind)  # a code the services chose, never typed
    document = HutDocument(
        village_code=village_code(uow), kind=header.kind.value, number=_number(session, header.kind, day.year),
        happened_on=day.isoformat(), posted_on=today.isoformat(), month=month_of(day), donor_id=header.donor_id,
        recipient_kind=header.recipient_kind, household_id=header.household_id, activity_id=header.activity_id,
        to_village_code=header.to_village_code, transfer_id=header.transfer_id, corrects_id=header.corrects_id,
        cash_amount=header.cash_amount, cash_charity=header.cash_charity, cash_receipt=header.cash_receipt,
        notes=header.notes, recorded_by_name=uow.actor.display_name)
    session.add(document)
    session.flush()
    for line in lines:
        fields = {"kind": header.kind.value, "transfer_line_id": line.transfer_line_id,
                  "reverses_id": line.reverses_id}
        # a received line or a reversal has the id its fact names, so it is made once however many PCs make it
        row_id = STOCK_MOVEMENT.expected_id(document.village_code, fields) or new_id()
        session.add(StockMovement(
            id=row_id, village_code=document.village_code, document_id=document.id, item_id=line.item_id,
            happened_on=document.happened_on, quantity=quantity(line.quantity), unit_value=line.unit_value,
            condition=line.condition, expires_on=line.expires_on, reason=line.reason, **fields))
    session.flush()
    return document


def movements_of(session: Session, document_id: str) -> list[StockMovement]:
    return list(session.scalars(select(StockMovement).where(
        StockMovement.document_id == document_id, StockMovement.deleted.is_(False)).order_by(StockMovement.id)))


def _arrivals(session: Session, transfer_ids: Iterable[str]) -> dict[str, tuple[int, float]]:
    """transfer id -> how many of its lines the receiving hut has not confirmed (at this PC, as far as it has
    synced), and how much arrived of the lines it has."""
    ids = list(transfer_ids)
    lines = dict(session.execute(select(TransferLine.id, TransferLine.transfer_id).where(
        TransferLine.transfer_id.in_(ids), TransferLine.deleted.is_(False))).all())
    received = dict(session.execute(select(TransferReceipt.transfer_line_id, TransferReceipt.received).where(
        TransferReceipt.transfer_line_id.in_(list(lines)), TransferReceipt.deleted.is_(False))).all())
    found = {transfer_id: (0, 0.0) for transfer_id in ids}
    for line_id, transfer_id in lines.items():
        waiting, arrived = found[transfer_id]
        if line_id in received:
            found[transfer_id] = (waiting, quantity(arrived + received[line_id]))
        else:
            found[transfer_id] = (waiting + 1, arrived)
    return found


def reversible_transfers(session: Session, documents: Sequence[HutDocument]) -> set[str]:
    """The ``transfer_out`` documents a reversal may undo: those the receiving hut confirmed line by line with
    nothing arrived (the goods never left).  While a line is on its way the receiving hut may still count it, and
    what arrived is counted there: undoing either here would count the goods at both huts."""
    arrivals = _arrivals(session, {d.transfer_id for d in documents if d.transfer_id})
    return {d.id for d in documents if d.transfer_id and arrivals.get(d.transfer_id) == (0, 0.0)}


# The kinds ``reverse`` always refuses, each with its reason: a reversal, and a hut's confirmed arrival of a transfer.
NEVER_REVERSED = frozenset({DocumentKind.REVERSAL, DocumentKind.TRANSFER_IN})


def _check_transfer_reversal(session: Session, original: HutDocument) -> None:
    if original.kind == DocumentKind.TRANSFER_IN:
        # The receipt stays whatever is done here, and the sending hut counts the goods delivered by it.
        transfer = session.get(Transfer, original.transfer_id)
        code = transfer.village_code if transfer is not None else ""
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Document {number} records what arrived of a transfer from {village}, whose hut counts those "
            "goods as delivered here: reversing it would take them off this hut's stock and count them nowhere. If "
            "what arrived was counted wrong, correct this hut's stock with a stocktake; goods to go back are sent "
            "back as a transfer."), field="document", number=original.number,
            village=region_names(session, [code]).get(code, code))
    if original.kind != DocumentKind.TRANSFER_OUT or original.id in reversible_transfers(session, [original]):
        return
    code = original.to_village_code
    village = region_names(session, [code]).get(code, code)
    waiting, _arrived = _arrivals(session, [original.transfer_id])[original.transfer_id]
    if waiting:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Transfer {number} is still on its way to {village}, whose hut may yet count the goods; "
            "reversing it here would count them at both huts. Ask that hut to confirm what arrived, with 0 for goods "
            "that did not arrive. Once this PC has synced its answer, a transfer of which nothing arrived can be "
            "reversed."), field="document", number=original.number, village=village)
    raise InvalidInput(QT_TRANSLATE_NOOP(
        "desktop", "{village} confirmed that goods of transfer {number} arrived and counts them, so reversing it "
        "here would count them at both huts. Goods to come back are sent back by {village}'s hut as a transfer; "
        "goods still on this hut's shelf are found by a stocktake."),
        field="document", number=original.number, village=village)


def reverse(uow: UnitOfWork, *, document_id: str, reason: str) -> HutDocument:
    """Undo a posted document by a reversal dated today, line by line (each naming the line it undoes, so a
    document is reversed once however many PCs try), and the points an exchange spent with it; the document
    itself stays as it was posted."""
    uow.require(Permission.EDIT_HUT)
    session = uow.session
    original = session.get(HutDocument, document_id)
    if original is None or original.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "This document is no longer here. Reload the list."),
                           field="document")
    if original.kind == DocumentKind.REVERSAL:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "A reversal cannot be reversed. Post the goods again as a new document."), field="document")
    _check_transfer_reversal(session, original)
    moved = movements_of(session, original.id)
    if session.scalars(select(StockMovement.id).where(
            StockMovement.reverses_id.in_([m.id for m in moved]))).first() is not None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Document {number} has already been reversed."), field="document", number=original.number)
    why = reason.strip()
    if not why:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Say why the document is reversed."), field="reason")
    reversal = post(uow, Header(DocumentKind.REVERSAL, corrects_id=original.id, notes=why,
                                household_id=original.household_id, donor_id=original.donor_id),
                    [Line(m.item_id, -m.quantity, m.unit_value, m.condition, m.expires_on, reverses_id=m.id)
                     for m in moved])
    # an exchange's points go back with its goods: each spending entry undone by one named by it
    for spent in session.scalars(select(PointsEntry).where(
            PointsEntry.document_id == original.id, PointsEntry.kind == PointsKind.SPEND.value,
            PointsEntry.deleted.is_(False))).all():
        session.add(PointsEntry(
            id=POINTS_ENTRY.expected_id(reversal.village_code, {"reverses_id": spent.id}),
            village_code=reversal.village_code, household_id=spent.household_id, kind=PointsKind.REVERSE.value,
            points=-spent.points, happened_on=reversal.happened_on, reason=why, document_id=reversal.id,
            reverses_id=spent.id, recorded_by_name=uow.actor.display_name))
    session.flush()
    return reversal


@dataclass(frozen=True)
class Moved:
    """A movement as a list shows it: its document, day, kind and signed quantity."""

    document_id: str
    number: str
    happened_on: str
    kind: str
    quantity: float


@dataclass(frozen=True)
class Negative:
    """An item the merged ledger has below zero: two PCs handed out the same goods offline.  It stays flagged
    until a stocktake or a correction settles it."""

    item_id: str
    name: str
    unit: str
    on_hand: float
    movements: list[Moved]  # what went out after the last day that ended with goods on the shelf


def negative_items(session: Session) -> list[Negative]:
    """Every item whose stock on hand is below zero, with the movements that took it there."""
    below = {item_id: total for item_id, total in on_hand(session).items() if total < 0}
    if not below:
        return []
    items = {item.id: item for item in session.scalars(select(Item).where(Item.id.in_(below)))}
    found = []
    for item_id, total in below.items():
        rows = session.execute(
            select(StockMovement.document_id, HutDocument.number, StockMovement.happened_on, StockMovement.kind,
                   StockMovement.quantity)
            .outerjoin(HutDocument, HutDocument.id == StockMovement.document_id)
            .where(StockMovement.item_id == item_id, StockMovement.deleted.is_(False))
            .order_by(StockMovement.happened_on, StockMovement.created_at)).all()
        # By whole days, as the shelf is checked: the order of one day's movements differs from PC to PC.
        closing: dict[str, float] = {}
        balance = 0.0
        for row in rows:
            balance = quantity(balance + row.quantity)
            closing[row.happened_on] = balance
        stocked = max((day for day, held in closing.items() if held > 0), default="")
        # what went out after the last day that ended with goods on the shelf took it below zero
        item = items.get(item_id)
        found.append(Negative(item_id, item.name if item else "", item.unit if item else "", total,
                              [Moved(*row) for row in rows if row.quantity < 0 and row.happened_on > stocked]))
    return sorted(found, key=lambda n: n.name)
