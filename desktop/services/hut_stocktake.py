"""Stocktakes (盘点): a count of every item, a category or a shelf, its expected quantities frozen from the ledger
when it begins; the count sheet; the counts as entered (a line not counted stays uncounted, never zero); what moved
while the count went on; and posting its differences as one ``stocktake`` document, each with its reason.

The count is of the shelf as it stood when the count began: a line posts counted − expected, so goods handed out
(or taken in) during the count stay on the ledger as they were — the count does not undo them.  A count in
progress is this PC's own (``Stocktake``); only the posted document syncs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from desktop.domain.hut import AdjustmentReason, DocumentKind, parse_quantity, quantity
from desktop.domain.roles import Permission
from desktop.domain.text import clean_text
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import hut_ledger
from desktop.storage.models import HutDocument, Item, StockMovement, Stocktake, StocktakeLine
from desktop.storage.uow import UnitOfWork

COUNTING, POSTED, ABANDONED = "counting", "posted", "abandoned"
NAMED_IN_A_MESSAGE = 5  # items a message names before it says "and N more"


@dataclass(frozen=True)
class CountLine:
    """A line of the count sheet.  On a blind count ``expected`` and ``difference`` are None until every line is
    counted, so the count is not steered by the figure it should find."""

    item_id: str
    name: str
    unit: str
    category: str
    shelf: str
    expected: float | None
    counted: float | None       # None: not counted yet
    difference: float | None    # counted − expected, once counted
    reason: str                 # an ``AdjustmentReason`` code, needed where the count differs
    moved_since: float          # what the ledger moved of the item since the count began (not undone by it)

    @property
    def uncounted(self) -> bool:
        return self.counted is None

    @property
    def needs_reason(self) -> bool:
        return self.difference is not None and self.difference != 0 and not self.reason


@dataclass(frozen=True)
class MovedDuringCount:
    """An item that moved after the count began: by how much, and by which documents."""

    item_id: str
    name: str
    unit: str
    quantity: float
    documents: tuple[str, ...]


@dataclass(frozen=True)
class StocktakeSheet:
    id: str
    started_on: str
    category: str
    shelf: str
    blind: bool
    status: str
    lines: tuple[CountLine, ...]
    moved: tuple[MovedDuringCount, ...]
    document_id: str = ""
    document_number: str = ""

    @property
    def uncounted(self) -> int:
        return sum(line.uncounted for line in self.lines)

    @property
    def needing_reason(self) -> int:
        return sum(line.needs_reason for line in self.lines)


@dataclass(frozen=True)
class CountEntry:
    """A count as typed for one item: how many are on the shelf ("" or None: not counted), and why it differs."""

    item_id: str
    counted: float | str | None
    reason: str = ""


# -- reading -------------------------------------------------------------------------------------------------

def _stocktake(uow: UnitOfWork, stocktake_id: str) -> Stocktake:
    found = uow.session.get(Stocktake, stocktake_id) if stocktake_id else None
    if found is None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This count is no longer here. Reload the list."), field="stocktake_id")
    return found


def _counting(uow: UnitOfWork, stocktake_id: str) -> Stocktake:
    found = _stocktake(uow, stocktake_id)
    if found.status != COUNTING:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This count is finished already (posted or abandoned). Start a new count."),
            field="stocktake_id")
    return found


def _lines(uow: UnitOfWork, stocktake: Stocktake) -> list[StocktakeLine]:
    return list(uow.session.scalars(select(StocktakeLine).where(StocktakeLine.stocktake_id == stocktake.id)))


def _moved(uow: UnitOfWork, stocktake: Stocktake, item_ids: list[str]) -> dict[str, MovedDuringCount]:
    """What reached this PC's ledger for these items after the count began, by item."""
    totals: dict[str, float] = defaultdict(float)
    numbers: dict[str, list[str]] = defaultdict(list)
    query = (select(StockMovement.item_id, StockMovement.quantity, HutDocument.number)
             .outerjoin(HutDocument, HutDocument.id == StockMovement.document_id)
             .where(StockMovement.item_id.in_(item_ids), StockMovement.deleted.is_(False),
                    StockMovement.created_at > stocktake.created_at)
             .order_by(StockMovement.created_at))
    if stocktake.document_id:  # the count's own adjustments are not something that moved during it
        query = query.where(StockMovement.document_id != stocktake.document_id)
    for item_id, moved, number in uow.session.execute(query):
        totals[item_id] += moved
        if number and number not in numbers[item_id]:
            numbers[item_id].append(number)
    items = {item.id: item for item in uow.session.scalars(select(Item).where(Item.id.in_(list(totals))))}
    return {item_id: MovedDuringCount(item_id, items[item_id].name if item_id in items else "",
                                      items[item_id].unit if item_id in items else "", quantity(total),
                                      tuple(numbers[item_id]))
            for item_id, total in totals.items()}


def _sheet(uow: UnitOfWork, stocktake: Stocktake, *, reveal: bool = False) -> StocktakeSheet:
    lines = _lines(uow, stocktake)
    items = {item.id: item for item in uow.session.scalars(select(Item).where(
        Item.id.in_([line.item_id for line in lines])))}
    moved = _moved(uow, stocktake, [line.item_id for line in lines])
    hide = (stocktake.blind and not reveal and stocktake.status == COUNTING
            and any(line.counted is None for line in lines))
    shown = []
    for line in sorted(lines, key=lambda line: (items[line.item_id].sort_key if line.item_id in items else "",
                                                line.item_id)):
        item = items.get(line.item_id)
        counted = None if line.counted is None else quantity(line.counted)
        difference = None if counted is None or hide else quantity(counted - line.expected)
        shown.append(CountLine(
            item_id=line.item_id, name=item.name if item else "", unit=item.unit if item else "",
            category=item.category if item else "", shelf=item.shelf if item else "",
            expected=None if hide else quantity(line.expected), counted=counted, difference=difference,
            reason=line.reason, moved_since=moved[line.item_id].quantity if line.item_id in moved else 0.0))
    number = ""
    if stocktake.document_id:
        document = uow.session.get(HutDocument, stocktake.document_id)
        number = document.number if document else ""
    return StocktakeSheet(
        id=stocktake.id, started_on=stocktake.started_on, category=stocktake.category, shelf=stocktake.shelf,
        blind=stocktake.blind, status=stocktake.status, lines=tuple(shown),
        moved=tuple(sorted(moved.values(), key=lambda m: m.name)), document_id=stocktake.document_id,
        document_number=number)


def count_sheet(uow: UnitOfWork, *, stocktake_id: str) -> StocktakeSheet:
    """A count with its lines (for the screen and the printed count sheet) and what moved since it began."""
    uow.require(Permission.VIEW_DATA)
    return _sheet(uow, _stocktake(uow, stocktake_id))


def current_stocktakes(uow: UnitOfWork) -> list[StocktakeSheet]:
    """The counts in progress on this PC, the latest first."""
    uow.require(Permission.VIEW_DATA)
    return [_sheet(uow, found) for found in uow.session.scalars(
        select(Stocktake).where(Stocktake.status == COUNTING).order_by(Stocktake.created_at.desc()))]


# -- counting --------------------------------------------------------------------------------------------------

def start_stocktake(uow: UnitOfWork, *, category: str = "", shelf: str = "", blind: bool = False) -> StocktakeSheet:
    """Begin a count of every item (or those of a category, or on a shelf), freezing what the ledger says each
    should be; ``blind`` hides those figures from the count until every line is counted.  An item is in one count
    in progress at a time."""
    uow.require(Permission.EDIT_HUT)
    session = uow.session
    category, shelf = clean_text(category), clean_text(shelf)
    query = select(Item).where(Item.deleted.is_(False))
    if category:
        query = query.where(Item.category == category)
    if shelf:
        query = query.where(Item.shelf == shelf)
    items = list(session.scalars(query))
    stock = hut_ledger.on_hand(session, [item.id for item in items])
    counted = [item for item in items if item.active or stock.get(item.id, 0.0) != 0]
    if not counted:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "No items are in the hut's catalogue for this count. Choose another category or shelf, "
            "or count every item."), field="shelf" if shelf else "category")
    # two counts of one item would adjust it twice
    busy = set(session.scalars(select(StocktakeLine.item_id).join(Stocktake).where(
        Stocktake.status == COUNTING, StocktakeLine.item_id.in_([item.id for item in counted]))))
    if busy:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "A count going on at this PC already counts {items}. Finish it or abandon it first, or count "
            "another category or shelf."), field="stocktake",
            items="、".join([item.name for item in counted if item.id in busy][:NAMED_IN_A_MESSAGE]))
    stocktake = Stocktake(started_on=uow.today().isoformat(), category=category, shelf=shelf, blind=blind,
                          status=COUNTING)
    session.add(stocktake)
    session.flush()
    session.add_all(StocktakeLine(stocktake_id=stocktake.id, item_id=item.id, expected=stock.get(item.id, 0.0))
                    for item in counted)
    session.flush()
    return _sheet(uow, stocktake)


def _reason(text: str) -> str:
    if not clean_text(text):
        return ""
    return AdjustmentReason.parse(clean_text(text), field="reason", message=QT_TRANSLATE_NOOP(
        "desktop", "Choose why the count differs from the list: damaged, expired, lost, found more than "
        "recorded, or entered wrongly.")).value


def enter_counts(uow: UnitOfWork, *, stocktake_id: str, counts: Sequence[CountEntry]) -> StocktakeSheet:
    """Keep what was counted (0 is a count: the shelf is empty; nothing typed leaves the line uncounted) and why
    a line differs.  A count that cannot be read is refused, naming the item, and nothing of this entry kept."""
    uow.require(Permission.EDIT_HUT)
    stocktake = _counting(uow, stocktake_id)
    lines = {line.item_id: line for line in _lines(uow, stocktake)}
    names = dict(uow.session.execute(select(Item.id, Item.name).where(Item.id.in_(list(lines)))).all())
    for entry in counts:
        line = lines.get(entry.item_id)
        if line is None:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "This item is not part of this count. Reload the count sheet."), field="counts")
        typed = entry.counted
        counted = None
        if typed is not None and clean_text(str(typed)) != "":
            try:
                counted = parse_quantity(typed, field="counts", zero=True)
            except InvalidInput:
                raise InvalidInput(QT_TRANSLATE_NOOP(
                    "desktop", "The count of {item}, \"{value}\", cannot be right. Write how many are on the shelf, "
                    "like 3 or 2.5 (0 if there are none), or leave it empty while it is not counted."),
                    field="counts", item=names.get(entry.item_id, ""), value=clean_text(str(typed))) from None
        reason = _reason(entry.reason)
        if line.counted != counted:
            line.counted = counted
        if line.reason != reason:
            line.reason = reason
    uow.session.flush()
    return _sheet(uow, stocktake)


def _named(lines: Sequence[CountLine]) -> str:
    names = "、".join(line.name for line in lines[:NAMED_IN_A_MESSAGE])
    return names + (f" …（+{len(lines) - NAMED_IN_A_MESSAGE}）" if len(lines) > NAMED_IN_A_MESSAGE else "")


def post_stocktake(uow: UnitOfWork, *, stocktake_id: str, skip_uncounted: bool = False) -> StocktakeSheet:
    """Post the count: one ``stocktake`` document whose lines are counted − expected, each with its reason (a
    count that agrees everywhere posts no document).  Lines not counted are refused, named — or, when the person
    chose ``skip_uncounted``, left as the ledger has them; a difference without a reason is refused, named."""
    uow.require(Permission.EDIT_HUT)
    stocktake = _counting(uow, stocktake_id)
    sheet = _sheet(uow, stocktake, reveal=True)  # counting is over: the figures a blind count hid are posted
    uncounted = [line for line in sheet.lines if line.uncounted]
    if uncounted and not skip_uncounted:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "1 item is not counted yet: {items}. Count it (0 if the shelf is empty), or post leaving it as "
            "the ledger has it.") if len(uncounted) == 1 else QT_TRANSLATE_NOOP(
            "desktop", "{count} items are not counted yet: {items}. Count them (0 if the shelf is empty), or post "
            "leaving them as the ledger has them."), field="counts", count=len(uncounted), items=_named(uncounted))
    unexplained = [line for line in sheet.lines if line.needs_reason]
    if unexplained:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Say why the count differs for {items}: damaged, expired, lost, found more than recorded, "
            "or entered wrongly."), field="reason", items=_named(unexplained))
    differing = [line for line in sheet.lines if line.difference]
    # Valued as goods leaving the shelf are (what they last came in at), so a count's losses and finds count in
    # the month's figures as the goods themselves did.
    worth = hut_ledger.going_out_worth(uow, [line.item_id for line in differing])
    lines = [hut_ledger.Line(line.item_id, line.difference, worth[line.item_id].unit_value, reason=line.reason)
             for line in differing]
    if lines:
        document = hut_ledger.post(uow, hut_ledger.Header(DocumentKind.STOCKTAKE, happened_on=stocktake.started_on),
                                   lines, check_balances=False)
        stocktake.document_id = document.id
    stocktake.status = POSTED
    uow.session.flush()
    return _sheet(uow, stocktake)


def abandon_stocktake(uow: UnitOfWork, *, stocktake_id: str) -> StocktakeSheet:
    """Give a count up: nothing of it is posted; the ledger stays as it is."""
    uow.require(Permission.EDIT_HUT)
    stocktake = _counting(uow, stocktake_id)
    stocktake.status = ABANDONED
    uow.session.flush()
    return _sheet(uow, stocktake)
