"""How fast the love hut's stock reads and posts at a busy hut: 100,000 movements over 1,000 items in one hut,
p50/p95 ms of each, beside raw SQL reading (or writing) the same rows in the same run.

Set-up (not measured): a set-up station in a temporary folder gets 1,000 items (one in ten keeping an expiry),
10,000 documents over two years (intakes, and distributions to 500 households) and 100,000 movements, written
in bulk with core SQL (a sync stamp per field, as real rows carry).

Measured, each alternating with its baseline in every round:

- stock on hand: ``hut_stock.stock_on_hand`` (every item, its category, low and expiring flags) in a read-only
  unit of work; baseline: sqlite3 summing the movements by item.  Target: p95 at most 50 ms.
- a stock card for one year: ``hut_stock.stock_card`` of one item; baseline: the opening sum and the year's
  movements with their documents.  Target: p95 at most 50 ms.
- stock on a past date: ``stock_on_hand(on=…)``; baseline: the sum by item up to that day.  Target: p95 at most
  100 ms.
- posting a 50-line intake: ``hut_ledger.post`` in a unit of work, committed (numbered, movements written, the
  outbox records); baseline: sqlite3 inserting one document and 50 movements in a transaction.  Target: p95 at
  most 50 ms.
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from timing import ROOT, rounds

sys.path.insert(0, str(ROOT / "tests" / "desktop"))

ITEMS = 1_000
DOCUMENTS = 10_000
MOVEMENTS = 100_000
HOUSEHOLDS = 500
VILLAGE = "220802101201"
TODAY = date(2026, 11, 30)
PAST_DAY = "2025-12-31"
CARD_FROM, CARD_TO = "2025-12-01", "2026-11-30"
INTAKE_LINES = 50
QUERIES_PER_ROUND = 5
TARGETS_P95_MS = {"stock_on_hand": 50.0, "stock_card": 50.0, "stock_on_past_date": 100.0, "post_intake": 50.0}

ON_HAND_SQL = "SELECT item_id, SUM(quantity) FROM stock_movements WHERE deleted = 0 GROUP BY item_id"
PAST_SQL = ("SELECT item_id, SUM(quantity) FROM stock_movements WHERE deleted = 0 AND happened_on <= ? "
            "GROUP BY item_id")
OPENING_SQL = ("SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE item_id = ? AND happened_on < ? "
               "AND deleted = 0")
CARD_SQL = """
SELECT m.happened_on, m.document_id, d.number, m.kind, m.quantity, d.donor_id, d.household_id
  FROM stock_movements m LEFT JOIN hut_documents d ON d.id = m.document_id
 WHERE m.item_id = ? AND m.happened_on >= ? AND m.happened_on <= ? AND m.deleted = 0
 ORDER BY m.happened_on, m.created_at, m.id
"""


def _ids(rng: random.Random, count: int) -> list[str]:
    return [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(count)]


def build_station(root: Path):
    """A set-up station with a busy hut (set-up, not timed); returns the database, a viewer, the hut manager,
    the item whose stock card is read and the items an intake posts."""
    from conftest import set_up
    from sqlalchemy import insert

    from desktop.domain.actor import SYSTEM
    from desktop.paths import DataFolder
    from desktop.storage.database import open_database
    from desktop.storage.models import Donor, Household, Hut, HutDocument, Item, StockMovement

    db = open_database(DataFolder(root / "station"))
    _admin, _coordinator, hut_manager, viewer = set_up(db)
    rng = random.Random(20261130)
    now = datetime(2026, 11, 30, 9, 0)

    def stamped(model, **values) -> dict:
        stamp = "001764406800000-000000-0a0a0a0a-0000-0000-0000-00000000000b"
        return {"hlc": stamp, "field_hlc": dict.fromkeys(model.__sync__.fields, stamp), "deleted": False,
                "created_at": now, "created_by": None, "updated_at": now, "updated_by": None,
                "village_code": VILLAGE, **values}

    categories = ("clothing", "bedding", "grain_oil", "study", "daily", "appliance", "health", "other")
    derive = Item.__derived__[1]
    items = []
    for number, item_id in enumerate(_ids(rng, ITEMS)):
        row = stamped(Item, id=item_id, name=f"物品{number:04d}号", category=categories[number % len(categories)],
                      unit="件", tracks_expiry=number % 10 == 0, barcode=f"69{number:011d}", city_item_id="",
                      shelf=f"A{number % 20}", points_price=number % 50, low_stock=5, active=True, notes="")
        row.update(derive(row))
        items.append(row)
    households = [stamped(Household, id=household_id, head_name=f"户主{number}", id_number="", phone="",
                          group_name="一组", address="", size=3, categories="illness", poverty_cause="", health="",
                          disability="", income_notes="", status="helped", status_on="2025-01-01",
                          recheck_on="2027-01-01", notes="", merged_into="", search_text="", sort_key="")
                  for number, household_id in enumerate(_ids(rng, HOUSEHOLDS))]
    donors = [stamped(Donor, id=donor_id, kind="person", name=f"捐赠人{number}", contact="", address="",
                      named_in_notice=True, sponsor_id="", notes="", search_text="", sort_key="")
              for number, donor_id in enumerate(_ids(rng, 200))]
    start = date(2024, 12, 1)
    documents, movements = [], []
    lines_each = MOVEMENTS // DOCUMENTS
    for number, document_id in enumerate(_ids(rng, DOCUMENTS)):
        day = (start + timedelta(days=number * 730 // DOCUMENTS)).isoformat()
        intake = number % 2 == 0
        kind = "intake" if intake else "distribution"
        documents.append(stamped(
            HutDocument, id=document_id, kind=kind, number=f"{'RK' if intake else 'FF'}-{day[:4]}-0A0A-{number:04d}",
            happened_on=day, posted_on=day, month=day[:7], donor_id=rng.choice(donors)["id"] if intake else "",
            recipient_kind="" if intake else "household",
            household_id="" if intake else rng.choice(households)["id"], activity_id="", to_village_code="",
            transfer_id="", corrects_id="", cash_amount=0.0, cash_charity="", cash_receipt="", notes="",
            recorded_by_name="张桂兰"))
        for item in rng.sample(items, lines_each):
            moved = rng.randint(3, 12) if intake else -rng.randint(1, 3)
            expires = (date.fromisoformat(day) + timedelta(days=rng.randint(60, 700))).isoformat() \
                if intake and item["tracks_expiry"] else ""
            movements.append(stamped(
                StockMovement, id=str(uuid.UUID(int=rng.getrandbits(128))), document_id=document_id,
                item_id=item["id"], kind=kind, happened_on=day, quantity=float(moved), unit_value=20.0,
                condition="new" if intake else "", expires_on=expires, reason="", transfer_line_id="",
                reverses_id=""))
    hut = stamped(Hut, id=VILLAGE, name="幸福村爱心扶贫小屋", address="", opened_on="2024-12-01", active=True)
    with db.unit_of_work(SYSTEM) as uow:
        for model, rows in ((Hut, [hut]), (Item, items), (Household, households), (Donor, donors),
                            (HutDocument, documents), (StockMovement, movements)):
            for begin in range(0, len(rows), 5000):
                uow.session.execute(insert(model.__table__), rows[begin:begin + 5000])
    with sqlite3.connect(db.folder.database) as connection:
        connection.execute("ANALYZE")
    return db, viewer, hut_manager, items[7]["id"], [row["id"] for row in items[:INTAKE_LINES]]


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = statistics.quantiles(ordered, n=20, method="inclusive")[18] if len(ordered) > 1 else ordered[0]
    return {"p50_ms": round(statistics.median(ordered), 2), "p95_ms": round(p95, 2),
            "max_ms": round(ordered[-1], 2), "samples": len(ordered)}


def _timed(samples: list[float], work) -> object:
    started = time.perf_counter()
    result = work()
    samples.append((time.perf_counter() - started) * 1000)
    return result


def run() -> dict:
    from desktop.domain.hut import DocumentKind
    from desktop.services import hut_ledger, hut_stock
    from desktop.services.hut_ledger import Header, Line

    names = ("stock_on_hand", "stock_card", "stock_on_past_date", "post_intake")
    service: dict[str, list[float]] = {name: [] for name in names}
    baseline: dict[str, list[float]] = {name: [] for name in names}
    counts: dict[str, tuple[int, int]] = {}
    with tempfile.TemporaryDirectory(prefix="village-station-bench-") as tmp:
        db, viewer, manager, card_item, intake_items = build_station(Path(tmp))
        db.now = lambda: datetime(2026, 11, 30, 10, 0)

        def on_hand():
            with db.reading(viewer) as uow:
                return hut_stock.stock_on_hand(uow)

        def card():
            with db.reading(viewer) as uow:
                return hut_stock.stock_card(uow, item_id=card_item, period_from=CARD_FROM, period_to=CARD_TO)

        def past():
            with db.reading(viewer) as uow:
                return hut_stock.stock_on_hand(uow, on=PAST_DAY)

        def post():
            with db.unit_of_work(manager) as uow:
                return hut_ledger.post(uow, Header(DocumentKind.INTAKE),
                                       [Line(item, 2, 20.0, "new", "2027-06-30") for item in intake_items]).number

        try:
            with sqlite3.connect(db.folder.database, isolation_level=None) as connection:
                def raw_on_hand():
                    return connection.execute(ON_HAND_SQL).fetchall()

                def raw_card():
                    opening = connection.execute(OPENING_SQL, (card_item, CARD_FROM)).fetchone()
                    return opening, connection.execute(CARD_SQL, (card_item, CARD_FROM, CARD_TO)).fetchall()

                def raw_past():
                    return connection.execute(PAST_SQL, (PAST_DAY,)).fetchall()

                def raw_post():
                    document = str(uuid.uuid4())
                    connection.execute("BEGIN IMMEDIATE")
                    connection.execute(
                        "INSERT INTO hut_documents (id, village_code, kind, number, happened_on, posted_on, month, "
                        "donor_id, recipient_kind, household_id, activity_id, to_village_code, transfer_id, "
                        "corrects_id, cash_amount, cash_charity, cash_receipt, notes, recorded_by_name, hlc, "
                        "field_hlc, deleted, created_at, updated_at) VALUES (?, ?, 'intake', ?, '2026-11-30', "
                        "'2026-11-30', '2026-11', '', '', '', '', '', '', '', 0, '', '', '', '', '', '{}', 0, "
                        "'2026-11-30', '2026-11-30')", (document, VILLAGE, f"RAW-{document[:8]}"))
                    connection.executemany(
                        "INSERT INTO stock_movements (id, village_code, document_id, item_id, kind, happened_on, "
                        "quantity, unit_value, condition, expires_on, reason, transfer_line_id, reverses_id, hlc, "
                        "field_hlc, deleted, created_at, updated_at) VALUES (?, ?, ?, ?, 'intake', '2026-11-30', 2, "
                        "20, 'new', '2027-06-30', '', '', '', '', '{}', 0, '2026-11-30', '2026-11-30')",
                        [(str(uuid.uuid4()), VILLAGE, document, item) for item in intake_items])
                    connection.execute("COMMIT")

                pairs = {"stock_on_hand": (on_hand, raw_on_hand), "stock_card": (card, raw_card),
                         "stock_on_past_date": (past, raw_past), "post_intake": (post, raw_post)}
                counts["stock_on_hand"] = (len(on_hand()), len(raw_on_hand()))  # warm the caches, unmeasured
                shown, raw = card(), raw_card()
                counts["stock_card"] = (len(shown.lines), len(raw[1]))
                counts["stock_on_past_date"] = (len(past()), len(raw_past()))
                for _ in range(rounds()):
                    for name, (ours, theirs) in pairs.items():
                        for _ in range(QUERIES_PER_ROUND):
                            _timed(service[name], ours)
                            _timed(baseline[name], theirs)
        finally:
            db.close()
    figures = {}
    for name in names:
        measured, base = _percentiles(service[name]), _percentiles(baseline[name])
        figures[name] = {"service": measured, "raw_sql": base,
                         "ratio_p50": round(measured["p50_ms"] / base["p50_ms"], 1) if base["p50_ms"] else None,
                         "target_p95_ms": TARGETS_P95_MS[name], "met": measured["p95_ms"] <= TARGETS_P95_MS[name]}
        if name in counts:
            figures[name]["rows_service_vs_sql"] = counts[name]
    return {"items": ITEMS, "documents": DOCUMENTS, "movements": MOVEMENTS, "intake_lines": INTAKE_LINES,
            **figures}


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
