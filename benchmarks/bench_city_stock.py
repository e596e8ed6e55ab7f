"""The city server summing the love huts' stock: 200 huts, 2,000,000 movements, on SQLite and on PostgreSQL.

A migrated city database gets, in bulk (not through pushes): a region list of 5 counties, 20 townships and 200
villages; a hut record for each village and a catalogue of 1,000 ``item`` records each (200,000); 2,000,000 stock
movements over those items (about seven in ten intakes, the rest hand-outs), each both as the ``stock_movement``
record a push stores (its fields and stamps as JSON) and as its row of the narrow ``stock_ledger`` table the push
fills beside it (the items likewise in ``item_ledger``); and 2,000 transfer lines between neighbouring huts, half
of them with their receipt.

The data is loaded into a database at migration ``0003`` (the ledger tables, no balances); migrating it to head then
fills each hut's running balances from the 2,000,000 movements, as an upgraded server's first start does
(``balances_fill_s``).

Measured, alternating in each round: ``endpoint`` — what ``GET /api/v1/stock`` does (``city_stock``: the
balances, the items' names, units and categories, the huts and their places, the goods in transit, the answer
built) for the whole city in one answer (``unpaged``, what the endpoint answered before it had pages), for the whole
city walked page by page at the default limit (``paged_walk``: every page, each its own call as a reader makes
them; ``page_ms`` each page), and for one hut (``village=``); and ``raw`` — the raw driver running the same sums as
one plain ``SELECT village_code, item_id, SUM(quantity) … GROUP BY`` on the ledger table (and for one hut with its
``WHERE``), the baseline of the figures before balances, and reading the balance table itself (``raw_balances``),
the least the endpoint can do now.  Ratios are the endpoint's medians over the raw queries'.  Once, the sums
straight out of the records' JSON (``records_json_sum``).  The answer, unpaged and walked, is checked against the
raw sums before anything is timed.

PostgreSQL runs in a throwaway cluster (fsync off while loading does not matter to reading) and is left out
where it is not installed.
"""

from __future__ import annotations

import json
import random
import sqlite3
import tempfile
import time
import uuid
from pathlib import Path

from alembic import command
from timing import rounds, summary

from desktop.domain.hut import quantity
from sync.protocol import DEFAULT_STOCK_LIMIT
from sync.server.database import alembic_config, make_engine, migrate, writing
from sync.server.regions import import_regions_csv
from sync.server.stock import city_stock
from sync.server.testing import PostgresCluster, PostgresUnavailable

COUNTIES = ("220802", "220821", "220822", "220881", "220882")
TOWNSHIPS_PER_COUNTY = 4
VILLAGES_PER_TOWNSHIP = 10
ITEMS_PER_HUT = 1_000
MOVEMENTS = 2_000_000
TRANSFER_LINES = 2_000
CATEGORIES = ("clothing", "bedding", "grain_oil", "study", "daily", "appliance", "health", "other")
UNITS = ("件", "套", "袋", "箱", "斤", "桶", "个", "本")
STAMP = "001764979200000-000000-0f6b1c2a-5d7e-4c1b-9a3e-7e2f1d0c9b8a"

RAW_SUMS = "SELECT village_code, item_id, SUM(quantity) FROM stock_ledger GROUP BY village_code, item_id"
RAW_HUT = ("SELECT village_code, item_id, SUM(quantity) FROM stock_ledger WHERE village_code = {mark} "
           "GROUP BY village_code, item_id")
RAW_BALANCES = "SELECT village_code, item_id, quantity FROM stock_balance"
# The revision whose tables the data is loaded into: the ledgers, before the balances.
LEDGERS_REVISION = "0003"
JSON_SUMS = {
    "sqlite": "SELECT village_code, json_extract(fields, '$.item_id'), SUM(json_extract(fields, '$.quantity')) "
              "FROM records WHERE entity = 'stock_movement' GROUP BY 1, 2",
    "postgresql": "SELECT village_code, fields->>'item_id', SUM((fields->>'quantity')::float) FROM records "
                  "WHERE entity = 'stock_movement' GROUP BY 1, 2",
}
# The stock_movement record a push stores, made from its ledger row by the database itself (much faster than
# encoding two million JSON texts in Python): the fields a station sends, and a stamp for each.
_FIELDS = ("village_code", "document_id", "item_id", "kind", "happened_on", "quantity", "unit_value", "condition",
           "expires_on", "reason", "transfer_line_id", "reverses_id")
MOVEMENT_RECORDS = {
    "sqlite": "INSERT INTO records (entity, row_id, village_code, to_village_code, fields, stamps, updated_seq) "
              "SELECT 'stock_movement', movement_id, village_code, NULL, json_object('village_code', village_code, "
              "'document_id', 'doc-' || substr(movement_id, 1, 18), 'item_id', item_id, 'kind', "
              "CASE WHEN quantity > 0 THEN 'intake' ELSE 'distribution' END, 'happened_on', '2026-11-29', "
              "'quantity', quantity, 'unit_value', 12.5, 'condition', 'new', 'expires_on', '', 'reason', '', "
              "'transfer_line_id', '', 'reverses_id', ''), json_object({stamps}), rowid FROM stock_ledger",
    "postgresql": "INSERT INTO records (entity, row_id, village_code, to_village_code, fields, stamps, updated_seq) "
                  "SELECT 'stock_movement', movement_id, village_code, NULL, jsonb_build_object('village_code', "
                  "village_code, 'document_id', 'doc-' || substr(movement_id, 1, 18), 'item_id', item_id, 'kind', "
                  "CASE WHEN quantity > 0 THEN 'intake' ELSE 'distribution' END, 'happened_on', '2026-11-29', "
                  "'quantity', quantity, 'unit_value', 12.5, 'condition', 'new', 'expires_on', '', 'reason', '', "
                  "'transfer_line_id', '', 'reverses_id', ''), jsonb_build_object({stamps}), 0 FROM stock_ledger",
}


def villages() -> tuple[str, list[str]]:
    """The region CSV of 20 townships and 200 villages, and the villages' codes."""
    lines, codes = ["code,name,level,parent_code"], []
    for county_no, county in enumerate(COUNTIES):
        for township_no in range(TOWNSHIPS_PER_COUNTY):
            township = f"{county}{101 + township_no:03d}"
            lines.append(f"{township},第{county_no}{township_no}镇,township,{county}")
            for village_no in range(VILLAGES_PER_TOWNSHIP):
                village = f"{township}{201 + village_no:03d}"
                lines.append(f"{village},第{county_no}{township_no}{village_no}村,village,{township}")
                codes.append(village)
    return "\n".join(lines) + "\n", codes


def make_data(codes: list[str]) -> dict:
    """Every row to load, made once and loaded the same into both databases."""
    rng = random.Random(12)
    items = {code: [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(ITEMS_PER_HUT)]
             for code in codes}
    movements = []
    for index in range(MOVEMENTS):
        code = codes[index % len(codes)]
        moved = rng.randint(1, 20) if rng.random() < 0.7 else -rng.randint(1, 5)
        movements.append((str(uuid.UUID(int=rng.getrandbits(128), version=4)), code,
                          items[code][rng.randrange(ITEMS_PER_HUT)], float(moved)))
    movements.sort()  # in key order: the primary key's index is written from one end, as years of pushes leave it
    stamps = lambda fields: json.dumps(dict.fromkeys(fields, STAMP))  # noqa: E731
    records, catalogue = [], []
    for code in codes:
        fields = {"village_code": code, "name": f"{code}爱心扶贫小屋", "address": "村委会院内",
                  "opened_on": "2025-03-01", "active": True}
        records.append(("hut", code, code, None, json.dumps(fields, ensure_ascii=False), stamps(fields), 0))
        for number, item_id in enumerate(items[code]):
            fields = {"village_code": code, "name": f"物品{number:04d}", "category": CATEGORIES[number % 8],
                      "unit": UNITS[number % 8], "tracks_expiry": False, "barcode": "", "city_item_id": "",
                      "shelf": "", "points_price": 0, "low_stock": 0, "active": True, "notes": ""}
            records.append(("item", item_id, code, None, json.dumps(fields, ensure_ascii=False), stamps(fields), 0))
            catalogue.append((item_id, code, fields["name"], fields["unit"], fields["category"]))
    lines, receipts = [], []
    for index in range(TRANSFER_LINES):
        sender, receiver = codes[index % len(codes)], codes[(index + 1) % len(codes)]
        transfer_id, line_id = f"transfer-{index // 2:05d}", f"line-{index:05d}"
        lines.append((line_id, transfer_id, sender, receiver, f"物品{index % ITEMS_PER_HUT:04d}", "bedding", "床",
                      float(1 + index % 9)))
        if index % 2 == 0:
            fields = {"village_code": sender, "to_village_code": receiver, "number": f"DB-2026-0F6B-{index // 2:04d}",
                      "sent_on": "2026-11-20", "document_id": f"doc-{index}", "notes": "", "sent_by_name": "王建国"}
            records.append(("transfer", transfer_id, sender, receiver, json.dumps(fields, ensure_ascii=False),
                            stamps(fields), 0))
        if index % 4 < 2:
            receipts.append((f"receipt-{index:05d}", line_id, receiver, float(1 + index % 9)))
    return {"movements": movements, "records": records, "items": catalogue, "lines": lines, "receipts": receipts}


def load_sqlite(path: Path, data: dict) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")
    with connection:
        connection.executemany("INSERT INTO stock_ledger (movement_id, village_code, item_id, quantity) "
                               "VALUES (?, ?, ?, ?)", data["movements"])
        connection.execute(MOVEMENT_RECORDS["sqlite"].format(
            stamps=", ".join(f"'{name}', '{STAMP}'" for name in _FIELDS)))
        connection.executemany("INSERT INTO records (entity, row_id, village_code, to_village_code, fields, stamps, "
                               "updated_seq) VALUES (?, ?, ?, ?, ?, ?, ?)", data["records"])
        connection.executemany("INSERT INTO item_ledger VALUES (?, ?, ?, ?, ?)", data["items"])
        connection.executemany("INSERT INTO transfer_ledger VALUES (?, ?, ?, ?, ?, ?, ?, ?)", data["lines"])
        connection.executemany("INSERT INTO receipt_ledger VALUES (?, ?, ?, ?)", data["receipts"])
    connection.execute("ANALYZE")
    connection.close()


def load_postgresql(url: str, data: dict) -> None:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as connection:
        with connection.cursor() as cursor:
            with cursor.copy("COPY stock_ledger (movement_id, village_code, item_id, quantity) FROM STDIN") as copy:
                for row in data["movements"]:
                    copy.write_row(row)
            cursor.execute(MOVEMENT_RECORDS["postgresql"].format(
                stamps=", ".join(f"'{name}', '{STAMP}'" for name in _FIELDS)))
            with cursor.copy("COPY records (entity, row_id, village_code, to_village_code, fields, stamps, "
                             "updated_seq) FROM STDIN") as copy:
                for row in data["records"]:
                    copy.write_row(row)
            with cursor.copy("COPY item_ledger FROM STDIN") as copy:
                for row in data["items"]:
                    copy.write_row(row)
            with cursor.copy("COPY transfer_ledger FROM STDIN") as copy:
                for row in data["lines"]:
                    copy.write_row(row)
            with cursor.copy("COPY receipt_ledger FROM STDIN") as copy:
                for row in data["receipts"]:
                    copy.write_row(row)
        connection.commit()
        connection.autocommit = True
        connection.execute("VACUUM ANALYZE")  # as autovacuum leaves a table that is read far more than written


class Raw:
    """The raw driver on the same database, for the baseline and the JSON sums."""

    def __init__(self, url: str) -> None:
        if url.startswith("sqlite"):
            self.connection = sqlite3.connect(url.removeprefix("sqlite:///"))
            self.dialect, self.mark = "sqlite", "?"
        else:
            import psycopg

            self.connection = psycopg.connect(url.replace("postgresql+psycopg", "postgresql"), autocommit=True)
            self.dialect, self.mark = "postgresql", "%s"

    def timed(self, sql: str, *args) -> tuple[float, list]:
        started = time.perf_counter()
        rows = self.connection.execute(sql, args).fetchall()
        return (time.perf_counter() - started) * 1000, rows

    def close(self) -> None:
        self.connection.close()


def _timed_stock(engine, **kwargs) -> tuple[float, dict]:
    started = time.perf_counter()
    answer = city_stock(engine, **kwargs)
    return (time.perf_counter() - started) * 1000, answer


def _walk(engine, pages_ms: list[float] | None = None) -> tuple[float, list[dict]]:
    """The whole city page by page at the default limit, as a reader follows ``next_after``: the time of the
    walk and its pages (each page's time added to ``pages_ms``)."""
    pages, after, total = [], None, 0.0
    while True:
        elapsed, page = _timed_stock(engine, after=after, limit=DEFAULT_STOCK_LIMIT)
        total += elapsed
        if pages_ms is not None:
            pages_ms.append(elapsed)
        pages.append(page)
        after = page["next_after"]
        if after is None:
            return total, pages


def _sums(rows: list) -> dict[tuple[str, str], float]:
    return {(code, item_id): quantity(total) for code, item_id, total in rows if quantity(total)}


def _answered(huts: list[dict]) -> dict[tuple[str, str], float]:
    return {(hut["village_code"], line["item_id"]): line["quantity"] for hut in huts for line in hut["stock"]}


def _ratio(endpoint: dict, baseline: dict) -> float:
    return round(endpoint["median"] / baseline["median"], 2)


def measure(url: str, load, codes: list[str], data: dict) -> dict:
    engine = make_engine(url)
    with writing(engine) as connection:
        command.upgrade(alembic_config(connection), LEDGERS_REVISION)
    region_csv, _ = villages()
    import_regions_csv(engine, region_csv.encode("utf-8"))
    started = time.perf_counter()
    load(data)
    loaded_s = time.perf_counter() - started
    started = time.perf_counter()
    migrate(engine)  # to head: the balances filled from the movements
    filled_s = time.perf_counter() - started
    raw = Raw(url)
    one = codes[len(codes) // 2]
    hut_sql = RAW_HUT.format(mark=raw.mark)
    try:
        # Checked first, unmeasured (it also warms the caches): the endpoint's figures are the raw sums, in one
        # answer and walked page by page.
        _ms, answer = _timed_stock(engine)
        _ms, rows = raw.timed(RAW_SUMS)
        if _answered(answer["huts"]) != _sums(rows):
            raise RuntimeError("the endpoint's stock differs from the raw sums")
        _ms, pages = _walk(engine)
        walked = [hut for page in pages for hut in page["huts"]]
        if walked != answer["huts"] or len(pages) != -(-len(codes) // DEFAULT_STOCK_LIMIT):
            raise RuntimeError("the pages walked differ from the whole city's answer")
        in_transit = sum(len(hut["in_transit"]["out"]) for hut in answer["huts"])
        if in_transit != TRANSFER_LINES // 2:
            raise RuntimeError(f"{in_transit} lines in transit, not {TRANSFER_LINES // 2}")
        answer_mb = len(json.dumps(answer, ensure_ascii=False).encode("utf-8")) / 1e6
        page_mb = max(len(json.dumps(page, ensure_ascii=False).encode("utf-8")) for page in pages) / 1e6
        city, walk, pages_ms, city_raw, balances_raw, hut, hut_raw = [], [], [], [], [], [], []
        for round_no in range(rounds(5)):
            pairs = [(city, lambda: _timed_stock(engine)[0]), (city_raw, lambda: raw.timed(RAW_SUMS)[0]),
                     (walk, lambda: _walk(engine, pages_ms)[0]), (balances_raw, lambda: raw.timed(RAW_BALANCES)[0]),
                     (hut, lambda: _timed_stock(engine, village=one)[0]), (hut_raw, lambda: raw.timed(hut_sql, one)[0])]
            if round_no % 2:
                pairs = [pairs[1], pairs[0], pairs[3], pairs[2], pairs[5], pairs[4]]
            for samples, timed in pairs:
                samples.append(timed())
        json_ms, json_rows = raw.timed(JSON_SUMS[raw.dialect])
        if _sums(json_rows) != _sums(rows):
            raise RuntimeError("the records' JSON sums differ from the ledger's")
    finally:
        raw.close()
        engine.dispose()
    unpaged, paged = summary(city), summary(walk)
    page = {name: value for name, value in summary(pages_ms).items() if name != "samples"}  # ten a round
    baseline, balances = summary(city_raw), summary(balances_raw)
    one_hut, one_hut_raw = summary(hut), summary(hut_raw)
    return {"load_s": round(loaded_s, 1), "balances_fill_s": round(filled_s, 1), "stock_lines": len(_sums(rows)),
            "lines_in_transit": in_transit, "pages": len(pages), "page_limit": DEFAULT_STOCK_LIMIT,
            "unpaged_answer_mb": round(answer_mb, 1), "largest_page_mb": round(page_mb, 2),
            "unpaged_ms": unpaged, "paged_walk_ms": paged, "page_ms": page,
            "raw_ms": baseline, "raw_balances_ms": balances,
            "unpaged_ratio": _ratio(unpaged, baseline), "paged_walk_ratio": _ratio(paged, baseline),
            "unpaged_over_raw_balances": _ratio(unpaged, balances),
            "paged_walk_over_raw_balances": _ratio(paged, balances),
            "one_hut_endpoint_ms": one_hut, "one_hut_raw_ms": one_hut_raw,
            "one_hut_ratio": _ratio(one_hut, one_hut_raw),
            "records_json_sum_ms": round(json_ms, 1),
            "records_json_over_unpaged": round(json_ms / unpaged["median"], 1)}


def run() -> dict:
    _csv, codes = villages()
    data = make_data(codes)
    result: dict = {"huts": len(codes), "items": len(codes) * ITEMS_PER_HUT, "movements": MOVEMENTS,
                    "transfer_lines": TRANSFER_LINES}
    with tempfile.TemporaryDirectory(prefix="city-stock-bench-") as tmp:
        path = Path(tmp) / "city.db"
        result["sqlite"] = measure(f"sqlite:///{path}", lambda rows: load_sqlite(path, rows), codes, data)
        path.unlink()
    try:
        cluster = PostgresCluster()
    except PostgresUnavailable as exc:
        result["postgresql"] = {"skipped": str(exc)}
        return result
    with cluster:
        url = cluster.create_database("bench")
        result["postgresql"] = measure(url, lambda rows: load_postgresql(url, rows), codes, data)
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
