"""The narrow tables of the huts' ledgers (stock movements, transfer lines, their receipts), which a push fills
from the records it stores for the first time, in its transaction; ``GET /api/v1/stock`` sums them
(sync/server/stock.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, insert

from sync.server.models import ReceiptEntry, StockEntry, TransferEntry

if TYPE_CHECKING:
    from sync.server.ingest import RecordState

LEDGER_KINDS = frozenset({"stock_movement", "transfer_line", "transfer_receipt"})


def _number(value: Any) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def write_ledgers(connection: Connection, states: Iterable[RecordState]) -> None:
    """Copy the ledger figures of the records a push stores for the first time (``is_new``) into the narrow
    tables, in the push's transaction."""
    movements, lines, receipts = [], [], []
    for state in states:
        if not state.is_new or state.entity not in LEDGER_KINDS or state.village_code is None:
            continue
        fields = state.fields
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
