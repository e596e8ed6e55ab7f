"""The narrow tables of the huts' ledgers (stock movements, the items they name, transfer lines, their receipts) and
the running balance of each hut's items, which a push fills from the records it stores, in its transaction;
``GET /api/v1/stock`` reads them (sync/server/stock.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, insert
from sqlalchemy.dialects import postgresql, sqlite

from sync.server.database import is_postgresql
from sync.server.models import ItemEntry, ReceiptEntry, StockBalance, StockEntry, TransferEntry

if TYPE_CHECKING:
    from sync.server.ingest import RecordState

# Append kinds: a record is stored once, so its row is written once.
LEDGER_KINDS = frozenset({"stock_movement", "transfer_line", "transfer_receipt"})
ITEM = "item"

balances_t = StockBalance.__table__

# The balances a push adds to, in one statement, in the order of their keys as the database sorts them: a push
# locks each row it adds to until it commits, and two pushes that take the same rows in the same order never wait
# for each other in a circle (pushes also write under the changelog's lock, which makes them take turns anyway;
# the order keeps that so should they ever overlap).  The upsert adds to the row as it is at the moment of the
# write (PostgreSQL re-reads a row another push changed meanwhile), so no addition is lost.
_PG_ADD_BALANCES = (
    "INSERT INTO stock_balance AS b (village_code, item_id, quantity, movements) "
    "SELECT * FROM unnest(%s::varchar[], %s::varchar[], %s::float8[], %s::bigint[]) AS m(village_code, item_id, "
    "quantity, movements) ORDER BY village_code, item_id "
    "ON CONFLICT (village_code, item_id) DO UPDATE SET quantity = b.quantity + excluded.quantity, "
    "movements = b.movements + excluded.movements")


def _number(value: Any) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def write_ledgers(connection: Connection, states: Iterable[RecordState]) -> None:
    """Copy the ledger figures of the records a push stores for the first time (``is_new``) into the narrow
    tables, and an item's name, unit and category whenever its record is made or changed, in the push's
    transaction."""
    movements, lines, receipts, items = [], [], [], []
    for state in states:
        if state.village_code is None:
            continue
        fields = state.fields
        if state.entity == ITEM and (state.is_new or state.dirty):
            items.append({"item_id": state.row_id, "village_code": state.village_code,
                          "name": _text(fields.get("name")), "unit": _text(fields.get("unit")),
                          "category": _text(fields.get("category"))})
        if not state.is_new or state.entity not in LEDGER_KINDS:
            continue
        if state.entity == "stock_movement":
            movements.append({"movement_id": state.row_id, "village_code": state.village_code,
                              "item_id": _text(fields.get("item_id")), "quantity": _number(fields.get("quantity"))})
        elif state.entity == "transfer_line" and state.to_village_code is not None:
            lines.append({"line_id": state.row_id, "transfer_id": _text(fields.get("transfer_id")),
                          "village_code": state.village_code, "to_village_code": state.to_village_code,
                          "item_name": _text(fields.get("item_name")), "category": _text(fields.get("category")),
                          "unit": _text(fields.get("unit")), "quantity": _number(fields.get("quantity"))})
        elif state.entity == "transfer_receipt":
            receipts.append({"receipt_id": state.row_id, "line_id": _text(fields.get("transfer_line_id")),
                             "village_code": state.village_code, "received": _number(fields.get("received"))})
    for model, rows in ((StockEntry, movements), (TransferEntry, lines), (ReceiptEntry, receipts)):
        if rows:
            connection.execute(insert(model.__table__), rows)
    # The insert above fails the whole push on a movement stored before (its primary key), so what is added here
    # is each movement once.
    add_to_balances(connection, movements)
    if items:
        upsert = (postgresql.insert if is_postgresql(connection) else sqlite.insert)(ItemEntry.__table__)
        connection.execute(upsert.on_conflict_do_update(index_elements=["item_id"], set_={
            name: upsert.excluded[name] for name in ("name", "unit", "category")}), items)


def add_to_balances(connection: Connection, movements: list[dict[str, Any]]) -> None:
    """Add new movements (``village_code``, ``item_id``, ``quantity``) to their huts' balances, in the caller's
    transaction."""
    added: dict[tuple[str, str], list[float]] = {}
    for movement in movements:
        total = added.setdefault((movement["village_code"], movement["item_id"]), [0.0, 0])
        total[0] += movement["quantity"]
        total[1] += 1
    if not added:
        return
    keys = sorted(added)
    if is_postgresql(connection):
        connection.exec_driver_sql(_PG_ADD_BALANCES, ([village for village, _item in keys],
                                                      [item for _village, item in keys],
                                                      [added[key][0] for key in keys],
                                                      [added[key][1] for key in keys]))
        return
    upsert = sqlite.insert(balances_t)
    connection.execute(upsert.on_conflict_do_update(
        index_elements=["village_code", "item_id"],
        set_={"quantity": balances_t.c.quantity + upsert.excluded.quantity,
              "movements": balances_t.c.movements + upsert.excluded.movements}),
        [{"village_code": village, "item_id": item, "quantity": added[(village, item)][0],
          "movements": added[(village, item)][1]} for village, item in keys])
