"""The love huts' stock as the city holds it (``GET /api/v1/stock``): per hut, what is on hand of each item and
what is in transit between huts, summed from the ledgers the villages pushed (docs/sync-protocol.md §9).

A push copies the few figures it needs of each new ``stock_movement``, ``transfer_line`` and ``transfer_receipt``
record, and each item's name, unit and category, into narrow tables (sync/server/ledgers.py), in the transaction
that stores the record; movements, lines and receipts are append records, stored once, so nothing is counted
twice.  Summing 2,000,000 movements of 200 huts out of the records' JSON takes several times as long as out of the
narrow table's index (benchmarks/bench_city_stock.py).

Quantities only: an item's name, unit and category, a transfer's number and day — never a household, a donor or
who sent or received the goods.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Engine, and_, func, or_, select

from desktop.domain.hut import quantity
from desktop.domain.regions import Level, Region
from sync.server.database import is_postgresql
from sync.server.models import ItemEntry, ReceiptEntry, Record, StockEntry, TransferEntry
from sync.server.regions import known_regions

records_t = Record.__table__
stock_t = StockEntry.__table__
items_t = ItemEntry.__table__
transfers_t = TransferEntry.__table__
receipts_t = ReceiptEntry.__table__


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


def city_stock(engine: Engine, *, village: str | None = None) -> dict[str, Any]:
    """The stock answer: every hut (or only ``village``'s), with its stock on hand per item (items at zero left
    out) and the transfer lines in transit from it (``out``) and to it (``in``)."""
    if is_postgresql(engine):
        engine = engine.execution_options(isolation_level="REPEATABLE READ")  # one snapshot for every read
    with engine.connect() as connection:
        regions = known_regions(connection)
        huts_q = select(records_t.c.row_id, _field("name").as_string()).where(records_t.c.entity == "hut")
        totals = (select(stock_t.c.village_code, stock_t.c.item_id, func.sum(stock_t.c.quantity).label("total"))
                  .group_by(stock_t.c.village_code, stock_t.c.item_id))
        if village is not None:
            totals = totals.where(stock_t.c.village_code == village)
        totals = totals.subquery()
        # Named as the village's item records are now.  Not sorted by the database: a sort of the whole city's
        # lines spills to disk where a hut's thousand are sorted in no time below.
        sums_q = (select(totals.c.village_code, totals.c.item_id, totals.c.total, items_t.c.name, items_t.c.unit,
                         items_t.c.category)
                  .join_from(totals, items_t, and_(items_t.c.item_id == totals.c.item_id,
                                                   items_t.c.village_code == totals.c.village_code), isouter=True))
        received = select(receipts_t.c.receipt_id).where(receipts_t.c.line_id == transfers_t.c.line_id,
                                                         receipts_t.c.village_code == transfers_t.c.to_village_code)
        transit_q = select(transfers_t).where(~received.exists())
        if village is not None:
            huts_q = huts_q.where(records_t.c.row_id == village)
            transit_q = transit_q.where(or_(transfers_t.c.village_code == village,
                                            transfers_t.c.to_village_code == village))
        hut_names = {code: name or "" for code, name in connection.execute(huts_q)}
        sums = connection.execute(sums_q).all()
        transit = connection.execute(transit_q).all()
        transfer_ids = sorted({row.transfer_id for row in transit})
        transfers = {row_id: (number or "", sent_on or "") for row_id, number, sent_on in connection.execute(
            select(records_t.c.row_id, _field("number").as_string(), _field("sent_on").as_string())
            .where(and_(records_t.c.entity == "transfer", records_t.c.row_id.in_(transfer_ids))))
        } if transfer_ids else {}

    stock: dict[str, list[tuple[str, str, str, str, float]]] = defaultdict(list)
    for code, item_id, total, name, unit, category in sums:
        on_hand = quantity(total or 0.0)
        if on_hand:
            stock[code].append((category or "", name or "", item_id, unit or "", on_hand))
    moving_out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    moving_in: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in transit:
        number, sent_on = transfers.get(line.transfer_id, ("", ""))
        goods = {"transfer_id": line.transfer_id, "number": number, "sent_on": sent_on, "line_id": line.line_id,
                 "item_name": line.item_name, "unit": line.unit, "category": line.category,
                 "quantity": quantity(line.quantity)}
        moving_out[line.village_code].append({**goods, "to_village_code": line.to_village_code})
        moving_in[line.to_village_code].append({**goods, "from_village_code": line.village_code})

    codes = set(hut_names) | set(stock) | set(moving_out) | set(moving_in)
    if village is not None:
        codes &= {village}
    huts = []
    for code in sorted(codes):
        huts.append({"village_code": code, "hut_name": hut_names.get(code, ""), **_place(regions, code),
                     "stock": [{"item_id": item_id, "name": name, "unit": unit, "category": category,
                                "quantity": on_hand} for category, name, item_id, unit, on_hand in
                               sorted(stock.get(code, ()))],
                     "in_transit": {"out": sorted(moving_out.get(code, ()), key=_by_transfer),
                                    "in": sorted(moving_in.get(code, ()), key=_by_transfer)}})
    return {"huts": huts}


def _by_transfer(entry: dict[str, Any]) -> tuple[str, str, str]:
    return entry["sent_on"], entry["number"], entry["line_id"]
