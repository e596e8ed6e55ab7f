"""The love huts' stock as the city holds it (``GET /api/v1/stock``): per hut, what is on hand of each item and
what is in transit between huts, from the ledgers the villages pushed (docs/sync-protocol.md §9), a page of huts
at a time.

A push copies the few figures it needs of each new ``stock_movement``, ``transfer_line`` and ``transfer_receipt``
record, and each item's name, unit and category, into narrow tables (sync/server/ledgers.py), and adds each new
movement to its hut's running balance of the item, in the transaction that stores the record; movements, lines and
receipts are append records, stored once, so nothing is counted twice.  The answer reads the balances: one row per
hut and item however many movements there are.  ``check_balances`` sums the movements themselves, to hold the
balances to the ledger (``city-server stock check``).

Quantities only: an item's name, unit and category, a transfer's number and day — never a household, a donor or
who sent or received the goods.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, and_, delete, func, insert, or_, select, true

from desktop.domain.hut import QUANTITY_PLACES, quantity
from desktop.domain.regions import Level, Region
from sync.server.database import is_postgresql, writing
from sync.server.models import ItemEntry, ReceiptEntry, Record, StockBalance, StockEntry, TransferEntry
from sync.server.regions import known_regions

records_t = Record.__table__
stock_t = StockEntry.__table__
balances_t = StockBalance.__table__
items_t = ItemEntry.__table__
transfers_t = TransferEntry.__table__
receipts_t = ReceiptEntry.__table__

# A balance this close to zero is zero once rounded to the ledger's places (``quantity``): the item is not on hand.
NOT_ZERO = 0.5 * 10 ** -QUANTITY_PLACES


def _field(name: str):
    return records_t.c.fields[name]


def _place(regions: dict[str, Region], village_code: str) -> dict[str, str]:
    """The village's name, and its township's and county's codes and names, as far as the region list knows."""
    village = regions.get(village_code)
    found = {"village_name": village.name if village else "", "township_code": "", "township_name": "",
             "county_code": "", "county_name": ""}
    region = village
    while region is not None and region.parent_code:
        region = regions.get(region.parent_code)
        if region is not None and region.level in (Level.TOWNSHIP, Level.COUNTY):
            found[f"{region.level.value}_code"] = region.code
            found[f"{region.level.value}_name"] = region.name
    return found


@dataclass(frozen=True)
class _Page:
    """Which huts an answer covers: one village's, or those after ``after`` up to ``last`` (all when None)."""

    village: str | None = None
    after: str | None = None
    last: str | None = None

    def holds(self, column) -> ColumnElement[bool]:
        if self.village is not None:
            return column == self.village
        conditions = []
        if self.after is not None:
            conditions.append(column > self.after)
        if self.last is not None:
            conditions.append(column <= self.last)
        return and_(true(), *conditions)

    def contains(self, code: str) -> bool:
        """``holds`` for a code at hand."""
        if self.village is not None:
            return code == self.village
        return (self.after is None or code > self.after) and (self.last is None or code <= self.last)


def _in_transit():
    """Transfer lines with no receipt from the village they were sent to."""
    received = select(receipts_t.c.receipt_id).where(receipts_t.c.line_id == transfers_t.c.line_id,
                                                     receipts_t.c.village_code == transfers_t.c.to_village_code)
    return ~received.exists()


def _page_codes(connection: Connection, *, after: str | None, limit: int) -> tuple[list[str], str | None]:
    """The first ``limit`` village codes after ``after`` of the huts the answer lists (a ``hut`` record, stock on
    hand, goods in transit), and the cursor of the next page (None on the last).  Each source gives its first
    ``limit + 1`` codes from its index, so a page costs what its huts cost, not what the city's do."""
    page = _Page(after=after)
    sources = [
        select(records_t.c.row_id).where(records_t.c.entity == "hut", page.holds(records_t.c.row_id))
        .order_by(records_t.c.row_id),
        select(balances_t.c.village_code).distinct()
        .where(page.holds(balances_t.c.village_code), func.abs(balances_t.c.quantity) >= NOT_ZERO)
        .order_by(balances_t.c.village_code),
        select(transfers_t.c.village_code).distinct()
        .where(page.holds(transfers_t.c.village_code), _in_transit()).order_by(transfers_t.c.village_code),
        select(transfers_t.c.to_village_code).distinct()
        .where(page.holds(transfers_t.c.to_village_code), _in_transit()).order_by(transfers_t.c.to_village_code),
    ]
    codes: set[str] = set()
    for source in sources:
        codes.update(connection.scalars(source.limit(limit + 1)))
    ordered = sorted(codes)
    if len(ordered) > limit:
        return ordered[:limit], ordered[limit - 1]
    return ordered, None


def city_stock(engine: Engine, *, village: str | None = None, after: str | None = None,
               limit: int | None = None) -> dict[str, Any]:
    """The stock answer: the huts by village code — only ``village``'s, or at most ``limit`` after the village code
    ``after`` (every one when ``limit`` is None) — each with its stock on hand per item (items at zero left out)
    and the transfer lines in transit from it (``out``) and to it (``in``); and ``next_after``, the ``after`` of
    the next page (None when there is none)."""
    if limit is not None and limit < 1:
        raise ValueError("a page holds at least one hut")
    if is_postgresql(engine):
        engine = engine.execution_options(isolation_level="REPEATABLE READ")  # one snapshot for every read
    next_after = None
    with engine.connect() as connection:
        if village is not None:
            page, codes = _Page(village=village), None
        elif limit is not None:
            codes, next_after = _page_codes(connection, after=after, limit=limit)
            if not codes:
                return {"huts": [], "next_after": None}
            page = _Page(after=after, last=codes[-1])
        else:
            page, codes = _Page(after=after), None
        regions = known_regions(connection)
        huts_q = select(records_t.c.row_id, _field("name").as_string()).where(records_t.c.entity == "hut",
                                                                               page.holds(records_t.c.row_id))
        # Named as the village's item records are now, in Python from one read of the page's items: joining each
        # line to its item in the database took ten times as long on SQLite.  Not sorted by the database: a sort of
        # the whole city's lines spills to disk where a hut's thousand are sorted in no time below.
        balances_q = (select(balances_t.c.village_code, balances_t.c.item_id, balances_t.c.quantity)
                      .where(page.holds(balances_t.c.village_code), func.abs(balances_t.c.quantity) >= NOT_ZERO))
        items_q = select(items_t.c.item_id, items_t.c.village_code, items_t.c.name, items_t.c.unit,
                         items_t.c.category).where(page.holds(items_t.c.village_code))
        transit_q = select(transfers_t).where(_in_transit(), or_(page.holds(transfers_t.c.village_code),
                                                                 page.holds(transfers_t.c.to_village_code)))
        hut_names = {code: name or "" for code, name in connection.execute(huts_q)}
        balances = connection.execute(balances_q).all()
        items = {row[0]: row[1:] for row in connection.execute(items_q).all()}  # fetched at once: faster
        transit = connection.execute(transit_q).all()
        transfer_ids = sorted({row.transfer_id for row in transit})
        transfers = {row_id: (number or "", sent_on or "") for row_id, number, sent_on in connection.execute(
            select(records_t.c.row_id, _field("number").as_string(), _field("sent_on").as_string())
            .where(and_(records_t.c.entity == "transfer", records_t.c.row_id.in_(transfer_ids))))
        } if transfer_ids else {}

    stock: dict[str, list[tuple[str, str, str, str, float]]] = defaultdict(list)
    unnamed = ("", "", "", "")
    for code, item_id, total in balances:
        on_hand = quantity(total)
        if on_hand:
            item_code, name, unit, category = items.get(item_id, unnamed)
            if item_code != code:  # an item of another village's catalogue names nothing here
                name = unit = category = ""
            stock[code].append((category, name, item_id, unit, on_hand))
    moving_out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    moving_in: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in transit:
        number, sent_on = transfers.get(line.transfer_id, ("", ""))
        goods = {"transfer_id": line.transfer_id, "number": number, "sent_on": sent_on, "line_id": line.line_id,
                 "item_name": line.item_name, "unit": line.unit, "category": line.category,
                 "quantity": quantity(line.quantity)}
        moving_out[line.village_code].append({**goods, "to_village_code": line.to_village_code})
        moving_in[line.to_village_code].append({**goods, "from_village_code": line.village_code})

    if codes is None:
        # A line in transit reads in both huts; the hut at its other end may be outside the page.
        listed = set(hut_names) | set(stock) | set(moving_out) | set(moving_in)
        codes = sorted(code for code in listed if page.contains(code))
    huts = []
    for code in codes:
        huts.append({"village_code": code, "hut_name": hut_names.get(code, ""), **_place(regions, code),
                     "stock": [{"item_id": item_id, "name": name, "unit": unit, "category": category,
                                "quantity": on_hand} for category, name, item_id, unit, on_hand in
                               sorted(stock.get(code, ()))],
                     "in_transit": {"out": sorted(moving_out.get(code, ()), key=_by_transfer),
                                    "in": sorted(moving_in.get(code, ()), key=_by_transfer)}})
    return {"huts": huts, "next_after": next_after}


def _by_transfer(entry: dict[str, Any]) -> tuple[str, str, str]:
    return entry["sent_on"], entry["number"], entry["line_id"]


# -- the balances held to the ledger -----------------------------------------------------------------------------

@dataclass(frozen=True)
class BalanceMismatch:
    """A hut's item whose balance is not the sum of its movements (quantities rounded as the answer rounds them)."""

    village_code: str
    item_id: str
    balance: float
    balance_movements: int
    ledger: float
    ledger_movements: int


def _summed():
    """Every hut's items summed straight from the movements: village, item, sum, how many."""
    return (select(stock_t.c.village_code, stock_t.c.item_id, func.sum(stock_t.c.quantity), func.count())
            .group_by(stock_t.c.village_code, stock_t.c.item_id))


def ledger_sums(connection: Connection) -> dict[tuple[str, str], tuple[float, int]]:
    """Every hut's items summed straight from the movements: (village, item) -> (sum, how many)."""
    return {(code, item_id): (total, count) for code, item_id, total, count in connection.execute(_summed())}


def held_balances(connection: Connection) -> dict[tuple[str, str], tuple[float, int]]:
    """Every hut's items as the balances hold them: (village, item) -> (balance, movements added)."""
    return {(code, item_id): (total, count) for code, item_id, total, count in connection.execute(
        select(balances_t.c.village_code, balances_t.c.item_id, balances_t.c.quantity, balances_t.c.movements))}


def check_balances(engine: Engine) -> list[BalanceMismatch]:
    """The balances that differ from the sums of the movements (in one snapshot), in key order; none when the
    balances were kept as they should be."""
    if is_postgresql(engine):
        engine = engine.execution_options(isolation_level="REPEATABLE READ")
    with engine.connect() as connection:
        sums, held = ledger_sums(connection), held_balances(connection)
    mismatches = []
    for key in sorted(set(sums) | set(held)):
        total, count = sums.get(key, (0.0, 0))
        balance, added = held.get(key, (0.0, 0))
        if count != added or quantity(total) != quantity(balance):
            mismatches.append(BalanceMismatch(key[0], key[1], quantity(balance), added, quantity(total), count))
    return mismatches


def rebuild_balances(engine: Engine) -> int:
    """Set every balance to the sum of its movements again, in one transaction that holds the ledger still (on
    PostgreSQL, pushes wait); returns how many balances there are."""
    with writing(engine) as connection:
        if is_postgresql(connection):
            connection.exec_driver_sql("LOCK TABLE stock_ledger, stock_balance IN SHARE ROW EXCLUSIVE MODE")
        connection.execute(delete(balances_t))
        connection.execute(insert(balances_t).from_select(
            ["village_code", "item_id", "quantity", "movements"], _summed()))
        return connection.execute(select(func.count()).select_from(balances_t)).scalar_one()
