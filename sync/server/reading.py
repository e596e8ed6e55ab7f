"""What a station may read, and reading it: pull pages of the changelog, and the summary it checks itself against.

A station reads its own village's records (``village`` and ``addressed`` kinds), records addressed to
its village, the city's records, and every village's ``public`` records (docs/sync-protocol.md §3).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, and_, func, or_, select

from desktop.domain.sync_kinds import KINDS, Scope, json_size, summary_checksum
from sync.protocol import DEFAULT_PULL_LIMIT, MAX_PAGE_BYTES, MAX_PULL_LIMIT, kind_of
from sync.server.database import is_postgresql, utcnow
from sync.server.models import ChangelogEntry, Record
from sync.server.stations import Caller, GenerationAnswer, note_read
from sync.server.vault import Vault

# Rows fetched from the database at a time while a page is made.
READ_AHEAD = 100

changelog_t = ChangelogEntry.__table__
records_t = Record.__table__


@dataclass
class PullPage:
    changes: list[dict[str, Any]]
    last_seq: int
    more: bool
    generation: GenerationAnswer


@dataclass
class Summary:
    counts: dict[str, int]
    checksums: dict[str, str]
    last_seq: int


def public_entities() -> list[str]:
    """The kinds whose records every station reads, whichever village wrote them (the wish board)."""
    return sorted(kind.entity for kind in KINDS.values() if kind.scope == Scope.PUBLIC)


def readable(table, village_code: str) -> ColumnElement[bool]:
    """Rows of ``table`` (changelog or records) a station of ``village_code`` may read."""
    return or_(table.c.village_code == village_code, table.c.to_village_code == village_code,
               table.c.village_code.is_(None), table.c.entity.in_(public_entities()))


def last_seq(connection: Connection) -> int:
    return connection.execute(select(func.max(changelog_t.c.seq))).scalar() or 0


def pull(engine: Engine, caller: Caller, *, vault: Vault, after: int, limit: int = DEFAULT_PULL_LIMIT,
         include_own: bool = False, generation: int | None, protocol_version: int, schema_version: str | None,
         now: datetime | None = None) -> PullPage:
    """Up to ``limit`` readable changelog entries after ``after``, in sequence order, with current values,
    and no more than ``MAX_PAGE_BYTES`` of them (at least one).

    ``last_seq`` is the cursor to store: the last entry sent, or — when nothing more is readable — the
    newest sequence number there is, so a station is not made to walk past other villages' entries again.
    Sequence numbers are handed out in commit order (the changelog lock), so every entry up to that
    newest one has committed.  Rows are read a few at a time, so the server's memory holds one page
    however large the records are.
    """
    limit = max(1, min(limit, MAX_PULL_LIMIT))
    answer = note_read(engine, caller, generation=generation, protocol_version=protocol_version,
                       schema_version=schema_version, now=now or utcnow())
    changes: list[dict[str, Any]] = []
    more = False
    size = 0
    with engine.connect() as connection:
        newest = last_seq(connection)
        conditions = [changelog_t.c.seq > after, changelog_t.c.seq <= newest,
                      readable(changelog_t, caller.village_code)]
        if not include_own:
            conditions.append(or_(changelog_t.c.origin_station.is_(None),
                                  changelog_t.c.origin_station != caller.station_id))
        rows = connection.execution_options(stream_results=True, yield_per=READ_AHEAD).execute(
            select(changelog_t.c.seq, changelog_t.c.entity, changelog_t.c.row_id, changelog_t.c.fields,
                   changelog_t.c.origin_station, records_t.c.fields.label("current_fields"),
                   records_t.c.stamps.label("current_stamps"))
            .join(records_t, and_(records_t.c.entity == changelog_t.c.entity,
                                  records_t.c.row_id == changelog_t.c.row_id))
            .where(*conditions).order_by(changelog_t.c.seq).limit(limit + 1))
        for row in rows:
            if len(changes) == limit:
                more = True
                break
            # The current values (and stamps) of the fields this entry changed.
            current, stamps = row.current_fields, row.current_stamps
            fields = {name: current.get(name) for name in row.fields}
            kind = kind_of(row.entity)
            if kind is not None and kind.sensitive_fields:
                fields = vault.open_fields(kind.sensitive_fields, fields, entity=row.entity, row_id=row.row_id)
            entry_stamps = {name: stamps.get(name) for name in row.fields}
            entry_size = wire_size(fields, entry_stamps)
            if changes and size + entry_size > MAX_PAGE_BYTES:
                more = True
                break
            size += entry_size
            changes.append({"seq": row.seq, "entity": row.entity, "row_id": row.row_id, "fields": fields,
                            "stamps": entry_stamps, "origin": row.origin_station})
        rows.close()
    cursor = changes[-1]["seq"] if more else max(after, newest)
    if after > newest:
        # The station has seen changes this database does not have: it was restored from a backup.
        # Fetching everything again is the station's way back to what the server holds.
        answer = GenerationAnswer(answer.generation, True)
    return PullPage(changes, cursor, more, answer)


def wire_size(fields: dict[str, Any], stamps: dict[str, Any]) -> int:
    """About how many bytes a change takes in a page (at most a little more than its JSON text)."""
    size = 80
    for name, value in fields.items():
        size += len(name) * 2 + 72 + (len(value) * 3 if isinstance(value, str) else
                                      json_size(value) if isinstance(value, dict | list) else 24)
    return size


def summarise(engine: Engine, caller: Caller) -> Summary:
    """Counts and checksums per entity over the records the station may read."""
    by_entity: dict[str, list[tuple[str, dict[str, str]]]] = {}
    if is_postgresql(engine):
        engine = engine.execution_options(isolation_level="REPEATABLE READ")  # one snapshot for both reads
    with engine.connect() as connection:
        newest = last_seq(connection)
        rows = connection.execute(select(records_t.c.entity, records_t.c.row_id, records_t.c.stamps)
                                  .where(readable(records_t, caller.village_code)))
        for row in rows:
            by_entity.setdefault(row.entity, []).append((row.row_id, row.stamps))
    return Summary({entity: len(rows) for entity, rows in sorted(by_entity.items())},
                   {entity: summary_checksum(rows) for entity, rows in sorted(by_entity.items())}, newest)
