"""The city's region list: importing the region CSV (all rows or none) and publishing it as ``region`` records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from desktop.domain.hlc import HybridClock, Stamp
from desktop.domain.regions import Level, Region, decode_csv_bytes, parse_region_csv
from desktop.domain.sync_kinds import REGION
from sync.server.database import lock_changelog, writing
from sync.server.ingest import CITY_NODE, RecordState, write_changelog, write_records
from sync.server.models import Record
from sync.server.models import Region as RegionRow

regions_t = RegionRow.__table__
records_t = Record.__table__


@dataclass(frozen=True)
class RegionImport:
    added: int
    changed: int
    unchanged: int


def known_regions(connection: Connection) -> dict[str, Region]:
    return {row.code: Region(row.code, row.name, Level(row.level), row.parent_code)
            for row in connection.execute(select(regions_t))}


def import_regions_csv(engine: Engine, data: bytes) -> RegionImport:
    """Add or change regions from a ``code,name,level,parent_code`` file, all rows or none.

    Raises ``desktop.errors.InvalidInput`` listing every bad row.  Each added or changed region is also
    written as a city-scope ``region`` record, so every station pulls it.
    """
    text = decode_csv_bytes(data)
    with writing(engine) as connection:
        known = known_regions(connection)
        parsed = parse_region_csv(text, known)
        added = changed = unchanged = 0
        for region in parsed:
            existing = known.get(region.code)
            values = {"name": region.name, "level": region.level.value, "parent_code": region.parent_code}
            if existing is None:
                connection.execute(insert(regions_t).values(code=region.code, **values))
                added += 1
            elif existing != region:
                connection.execute(update(regions_t).where(regions_t.c.code == region.code).values(**values))
                changed += 1
            else:
                unchanged += 1
        publish_regions(connection, parsed)
    return RegionImport(added, changed, unchanged)


def publish_regions(connection: Connection, regions: list[Region]) -> int:
    """Write ``regions`` as ``region`` records where they differ from the stored ones; returns how many."""
    return publish_city_records(connection, REGION.entity, {
        region.code: {"code": region.code, "name": region.name, "level": region.level.value,
                      "parent_code": region.parent_code} for region in regions})


def publish_city_records(connection: Connection, entity: str, records: dict[str, dict[str, Any]]) -> int:
    """Write the city's reference records of ``entity`` (row id -> fields) where they differ from the stored
    ones, each changed field as a change of the city's own that every station pulls; returns how many records
    were written."""
    lock_changelog(connection)
    stored = {row.row_id: row for row in connection.execute(
        select(records_t).where(records_t.c.entity == entity, records_t.c.row_id.in_(list(records))))}
    newest = max((Stamp.parse(stamp) for row in stored.values() for stamp in row.stamps.values()), default=None)
    # One stamp for the whole import, later than any stamp of these records so far.
    stamp = str(HybridClock(CITY_NODE, newest).now())
    entries, states = [], []
    for row_id, fields in records.items():
        row = stored.get(row_id)
        if row is None:
            state = RecordState(entity, row_id, None, None, fields, dict.fromkeys(fields, stamp), is_new=True)
            changed = fields
        else:
            changed = {name: value for name, value in fields.items() if row.fields.get(name) != value}
            if not changed:
                continue
            state = RecordState(entity, row_id, None, None, {**row.fields, **changed},
                                {**row.stamps, **dict.fromkeys(changed, stamp)}, row.updated_seq, dirty=True)
        states.append(state)
        entries.append({"entity": entity, "row_id": row_id, "village_code": None, "to_village_code": None,
                        "fields": dict(changed), "stamps": dict.fromkeys(changed, stamp), "origin_station": None,
                        "change_id": None})
    for state, seq in zip(states, write_changelog(connection, entries), strict=True):
        state.updated_seq = seq
    write_records(connection, states)
    return len(states)
