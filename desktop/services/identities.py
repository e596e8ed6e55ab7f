"""Registries of people and households that may hold duplicates: the record kept for an id, the ids counted
for it, and merging a duplicate into the record kept.

One rule for every such registry (volunteers, households): a record is merged exactly when ``merged_into``
names another record.  Merging never rewrites the merged record's history: what was recorded under its id
(hours, trainings, wishes …) counts for the kept record through ``Identities.counted_ids``.  Merged records
are few, so they are read with one query and the chains are followed in memory.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import literal_column, select
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.storage.models import Household, Volunteer
from desktop.storage.uow import UnitOfWork


@dataclass(frozen=True)
class Registry:
    """A table whose records may be merged: its model, the attribute naming a record for people, the message
    when a record asked for is not there, and the field that names a record in a form."""

    model: type
    name: str
    gone: str
    field: str


VOLUNTEERS = Registry(Volunteer, "name", QT_TRANSLATE_NOOP(
    "desktop", "This volunteer no longer exists. Refresh the list and choose another."), "volunteer_id")
HOUSEHOLDS = Registry(Household, "head_name", QT_TRANSLATE_NOOP(
    "desktop", "This household is no longer on the list. Refresh the list and choose another."), "household_id")


def is_merged(record: object) -> bool:
    return bool(record.merged_into)  # type: ignore[attr-defined]


def kept_records(registry: Registry = VOLUNTEERS) -> list:
    """SQL conditions for records that count: not tombstoned, not merged into another."""
    model = registry.model
    return [model.deleted.is_(False), model.merged_into == ""]


class Identities:
    """Every merged record of a registry and where it went, read once; answers questions about kept records."""

    def __init__(self, merged_into: dict[str, str]) -> None:
        self._into = merged_into
        self._children: dict[str, list[str]] = defaultdict(list)
        for child, parent in merged_into.items():
            self._children[parent].append(child)

    @classmethod
    def load(cls, session: Session, registry: Registry = VOLUNTEERS) -> Identities:
        # the condition written as ix_volunteers_merged's, so SQLite reads that small index
        model = registry.model
        return cls({rid: into for rid, into in session.execute(
            select(model.id, model.merged_into).where(model.merged_into != literal_column("''")))})

    def kept_id(self, record_id: str) -> str:
        """Follow ``merged_into`` to the record that is kept (a loop stops where it closes)."""
        seen = {record_id}
        current = record_id
        while (target := self._into.get(current)) and target not in seen:
            seen.add(target)
            current = target
        return current

    def counted_ids(self, kept_id: str) -> list[str]:
        """The kept id and every id merged into it, following chains: the ids whose history counts for it."""
        found = [kept_id]
        seen = {kept_id}
        for current in found:  # grows while walked: a breadth-first walk down the chains
            for child in self._children.get(current, ()):
                if child not in seen:
                    seen.add(child)
                    found.append(child)
        return found


def record_row(uow: UnitOfWork, registry: Registry, record_id: str, *, follow_merge: bool = False):
    """The record, or ``InvalidInput`` saying it no longer exists; with ``follow_merge`` a merged duplicate
    gives the record it was merged into."""
    record = uow.session.get(registry.model, record_id) if record_id else None
    if record is None or record.deleted:
        raise InvalidInput(registry.gone, field=registry.field)
    if follow_merge and is_merged(record):
        kept = Identities.load(uow.session, registry).kept_id(record.id)
        record = uow.session.get(registry.model, kept) or record
    return record


def volunteer_row(uow: UnitOfWork, volunteer_id: str, *, follow_merge: bool = False) -> Volunteer:
    """The volunteer's record, or ``InvalidInput`` saying it no longer exists (see ``record_row``)."""
    return record_row(uow, VOLUNTEERS, volunteer_id, follow_merge=follow_merge)


def merge_records(uow: UnitOfWork, registry: Registry, *, keep_id: str, merge_id: str,
                  fill: tuple[str, ...]) -> tuple[object, object]:
    """Fold a duplicate into the record kept: both must be kept records and not the same one; each field of
    ``fill`` the kept record left empty takes the duplicate's value; the duplicate's ``merged_into`` names the
    kept record, so its history counts for it.  Returns (kept, merged); the caller adds what its registry
    moves besides, and the audit entry."""
    if keep_id == merge_id:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "A record cannot be merged into itself. Choose two records."))
    keep, merge = record_row(uow, registry, keep_id), record_row(uow, registry, merge_id)
    if is_merged(keep):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "{name}'s record was itself merged into another one. Keep that other record instead."),
            name=getattr(keep, registry.name))
    if is_merged(merge):
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "{name}'s record is already merged."),
                           name=getattr(merge, registry.name))
    for name in fill:
        if not getattr(keep, name) and getattr(merge, name):
            setattr(keep, name, getattr(merge, name))
    merge.merged_into = keep.id
    return keep, merge
