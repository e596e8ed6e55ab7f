"""The region list: the built-in city and counties, and townships and villages from the city's CSV."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.regions import Level, Region, decode_csv_bytes, parse_region_csv
from desktop.domain.roles import Permission
from desktop.storage.models import Region as RegionRow
from desktop.storage.models import Station
from desktop.storage.uow import UnitOfWork


@dataclass(frozen=True)
class RegionImport:
    added: int
    renamed: int
    unchanged: int


def region_names(session: Session, codes: Iterable[str]) -> dict[str, str]:
    """Each region's name as the list has it, by its code (a code the list has not got is left out)."""
    return dict(session.execute(select(RegionRow.code, RegionRow.name).where(RegionRow.code.in_(set(codes)))).all())


def _region(row: RegionRow) -> Region:
    return Region(row.code, row.name, Level(row.level), row.parent_code)


def all_regions(uow: UnitOfWork) -> list[Region]:
    return [_region(row) for row in uow.session.scalars(select(RegionRow).order_by(RegionRow.code))]


def children(uow: UnitOfWork, parent_code: str) -> list[Region]:
    rows = uow.session.scalars(select(RegionRow).where(RegionRow.parent_code == parent_code)
                               .order_by(RegionRow.code))
    return [_region(row) for row in rows]


def region_path(uow: UnitOfWork, code: str) -> list[Region]:
    """The chain from the city down to ``code``."""
    chain: list[Region] = []
    row = uow.session.get(RegionRow, code)
    while row is not None:
        chain.append(_region(row))
        row = uow.session.get(RegionRow, row.parent_code) if row.parent_code else None
    return list(reversed(chain))


def import_regions_csv(uow: UnitOfWork, *, data: bytes, source: str = "csv") -> RegionImport:
    """Add or rename regions from a ``code,name,level,parent_code`` file, all rows or none.

    Before set-up (no station yet) the first-run wizard may import; afterwards only the admin.
    """
    if uow.session.scalars(select(Station)).first() is not None:
        uow.require(Permission.MANAGE_REGIONS)
    known = {region.code: region for region in all_regions(uow)}
    parsed = parse_region_csv(decode_csv_bytes(data), known)
    added = renamed = unchanged = 0
    now = uow.now()
    for region in parsed:
        existing = uow.session.get(RegionRow, region.code)
        if existing is None:
            uow.session.add(RegionRow(code=region.code, name=region.name, level=region.level.value,
                                      parent_code=region.parent_code, source=source, updated_at=now))
            added += 1
        elif existing.name != region.name or existing.parent_code != region.parent_code:
            existing.name, existing.parent_code = region.name, region.parent_code
            existing.updated_at = now
            renamed += 1
        else:
            unchanged += 1
        uow.session.flush()
    uow.audit("import_regions", entity="regions", added=added, renamed=renamed, unchanged=unchanged)
    return RegionImport(added, renamed, unchanged)
