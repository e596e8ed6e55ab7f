"""Volunteer records and merged duplicates: the record that is kept for an id, and the ids counted for it.

One rule: a record is merged exactly when ``merged_into`` names another record (its status is set to
"merged" alongside, for the list).  Merged records are few, so they are read with one query and the
chains are followed in memory.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import literal_column, select
from sqlalchemy.orm import Session

from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.storage.models import Volunteer
from desktop.storage.uow import UnitOfWork


def is_merged(volunteer: Volunteer) -> bool:
    return bool(volunteer.merged_into)


def kept_records() -> list:
    """SQL conditions for records that count as people: not tombstoned, not merged into another."""
    return [Volunteer.deleted.is_(False), Volunteer.merged_into == ""]


class Identities:
    """Every merged record and where it went, read once; answers questions about kept records."""

    def __init__(self, merged_into: dict[str, str]) -> None:
        self._into = merged_into
        self._children: dict[str, list[str]] = defaultdict(list)
        for child, parent in merged_into.items():
            self._children[parent].append(child)

    @classmethod
    def load(cls, session: Session) -> Identities:
        # the condition written as ix_volunteers_merged's, so SQLite reads that small index
        return cls({vid: into for vid, into in session.execute(
            select(Volunteer.id, Volunteer.merged_into).where(Volunteer.merged_into != literal_column("''")))})

    def kept_id(self, volunteer_id: str) -> str:
        """Follow ``merged_into`` to the record that is kept (a loop stops where it closes)."""
        seen = {volunteer_id}
        current = volunteer_id
        while (target := self._into.get(current)) and target not in seen:
            seen.add(target)
            current = target
        return current

    def counted_ids(self, kept_id: str) -> list[str]:
        """The kept id and every id merged into it, following chains: the ids whose hours count for it."""
        found = [kept_id]
        seen = {kept_id}
        for current in found:  # grows while walked: a breadth-first walk down the chains
            for child in self._children.get(current, ()):
                if child not in seen:
                    seen.add(child)
                    found.append(child)
        return found


def volunteer_row(uow: UnitOfWork, volunteer_id: str, *, follow_merge: bool = False) -> Volunteer:
    """The volunteer's record, or ``InvalidInput`` saying it no longer exists.

    With ``follow_merge`` a merged duplicate gives the record it was merged into.
    """
    volunteer = uow.session.get(Volunteer, volunteer_id) if volunteer_id else None
    if volunteer is None or volunteer.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This volunteer no longer exists. Refresh the list and choose another."),
            field="volunteer_id")
    if follow_merge and is_merged(volunteer):
        volunteer = uow.session.get(Volunteer, Identities.load(uow.session).kept_id(volunteer.id)) or volunteer
    return volunteer
