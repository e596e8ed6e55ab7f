"""The narrow tables of the huts' ledgers (stock movements, the items they name, transfer lines, their receipts),
which a push fills from the records it stores, in its transaction; ``GET /api/v1/stock`` sums them
(sync/server/stock.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, insert
from sqlalchemy.dialects import postgresql, sqlite

from sync.server.database import is_postgresql
from sync.server.models import ItemEntry, ReceiptEntry, StockEntry, TransferEntry

if TYPE_CHECKING:
    from sync.server.ingest import RecordState

# Append kinds: a record is stored once, so its row is written once.
LEDGER_KINDS = frozenset({"stock_movement", "transfer_line", "transfer_receipt"})
ITEM = "item"


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
    if items:
        upsert = (postgresql.insert if is_postgresql(connection) else sqlite.insert)(ItemEntry.__table__)
        connection.execute(upsert.on_conflict_do_update(index_elements=["item_id"], set_={
            name: upsert.excluded[name] for name in ("name", "unit", "category")}), items)
