"""Good people (好人榜): nominate → review → public notice (公示) → publish, or not adopted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from desktop.domain.pinyin_search import sort_key
from desktop.domain.roles import Permission
from desktop.domain.text import clean_text
from desktop.domain.volunteering import (
    GoodDeedCategory,
    NominationAction,
    NominationStatus,
    nomination_actions,
    parse_date,
    publish_from,
)
from desktop.errors import InvalidInput, Term
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.identities import volunteer_row
from desktop.services.settings import load_settings
from desktop.services.station import village_code
from desktop.storage.models import Nomination
from desktop.storage.uow import UnitOfWork


@dataclass(frozen=True)
class NominationInfo:
    id: str
    volunteer_id: str
    name: str
    category: str
    deeds: str
    nominated_by: str
    nominated_on: str
    status: str
    notice_from: str
    notice_to: str
    decided_on: str
    decision_note: str
    actions: frozenset[NominationAction] = frozenset()  # what the person asking may do next with it
    publish_from: str = ""  # on public notice: the first day it may be published


def _info(uow: UnitOfWork, row: Nomination) -> NominationInfo:
    on_notice = row.status == NominationStatus.ON_NOTICE and bool(row.notice_to)
    return NominationInfo(row.id, row.volunteer_id, row.name, row.category, row.deeds, row.nominated_by,
                          row.nominated_on, row.status, row.notice_from, row.notice_to, row.decided_on,
                          row.decision_note,
                          nomination_actions(row.status, may_review=uow.actor.can(Permission.REVIEW_GOOD_PEOPLE),
                                             notice_to=row.notice_to, today=uow.today()),
                          publish_from(row.notice_to).isoformat() if on_notice else "")


def _get(uow: UnitOfWork, nomination_id: str) -> Nomination:
    row = uow.session.get(Nomination, nomination_id) if nomination_id else None
    if row is None or row.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This nomination no longer exists. Refresh the list."), field="nomination_id")
    return row


def _require_step(row: Nomination, step: NominationAction) -> None:
    """Refuse a step the nomination's state does not allow (the same rule the screens enable buttons by)."""
    if step not in nomination_actions(row.status, may_review=True):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The nomination of {name} is \"{status}\"; this step is not possible now."),
            field="nomination_id", name=row.name, status=Term(NominationStatus(row.status).label))


def nominate(uow: UnitOfWork, *, name: str, category: str, deeds: str, nominated_by: str,
             volunteer_id: str = "", nominated_on: str | date = "") -> NominationInfo:
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    volunteer = None
    if volunteer_id:
        volunteer = volunteer_row(uow, volunteer_id)
    person = clean_text(name) or (volunteer.name if volunteer is not None else "")
    if not person:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter the name of the person nominated."), field="name")
    kind = GoodDeedCategory.parse(category, field="category", message=QT_TRANSLATE_NOOP(
        "desktop", "Choose the kind of good deed from the list.")).value
    text = clean_text(deeds)
    if not text:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Describe the good deeds: what the person did, when and for whom."), field="deeds")
    day = parse_date(nominated_on, field="nominated_on") if nominated_on else uow.today()
    row = Nomination(village_code=village_code(uow), volunteer_id=volunteer.id if volunteer else "",
                     name=person[:64], category=kind, deeds=text, nominated_by=clean_text(nominated_by)[:100],
                     nominated_on=day.isoformat(), status=NominationStatus.NOMINATED.value)
    uow.session.add(row)
    uow.session.flush()
    return _info(uow, row)


def start_notice(uow: UnitOfWork, *, nomination_id: str, notice_from: str | date,
                 notice_to: str | date) -> NominationInfo:
    """Put a reviewed nomination on public notice (公示) for at least the station's notice days."""
    uow.require(Permission.REVIEW_GOOD_PEOPLE)
    row = _get(uow, nomination_id)
    _require_step(row, NominationAction.START_NOTICE)
    start = parse_date(notice_from, field="notice_from")
    end = parse_date(notice_to, field="notice_to")
    if start.isoformat() < row.nominated_on:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The notice cannot start before the nomination ({date}). Choose a later start."),
            field="notice_from", date=row.nominated_on)
    days = load_settings(uow).notice_days
    if (end - start).days + 1 < days:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "A public notice lasts at least {days} days. Let it run until {date} or later."),
            field="notice_to", days=days, date=(start + timedelta(days=days - 1)).isoformat())
    row.notice_from, row.notice_to = start.isoformat(), end.isoformat()
    row.status = NominationStatus.ON_NOTICE.value
    uow.session.flush()
    return _info(uow, row)


def publish_nomination(uow: UnitOfWork, *, nomination_id: str, note: str = "") -> NominationInfo:
    """Publish on the good-people list once the public notice is over."""
    uow.require(Permission.REVIEW_GOOD_PEOPLE)
    row = _get(uow, nomination_id)
    _require_step(row, NominationAction.PUBLISH)
    today = uow.today()
    if row.notice_to and today < publish_from(row.notice_to):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The public notice runs until {end}. The nomination can be published from {date}."),
            field="nomination_id", end=row.notice_to, date=publish_from(row.notice_to).isoformat())
    row.status = NominationStatus.PUBLISHED.value
    row.decided_on = today.isoformat()
    row.decision_note = clean_text(note)
    uow.session.flush()
    return _info(uow, row)


def reject_nomination(uow: UnitOfWork, *, nomination_id: str, note: str) -> NominationInfo:
    """Not adopted: the reason is kept with the nomination."""
    uow.require(Permission.REVIEW_GOOD_PEOPLE)
    row = _get(uow, nomination_id)
    _require_step(row, NominationAction.REJECT)
    text = clean_text(note)
    if not text:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Write why the nomination is not adopted."), field="note")
    row.status = NominationStatus.REJECTED.value
    row.decided_on = uow.today().isoformat()
    row.decision_note = text
    uow.session.flush()
    return _info(uow, row)


def list_nominations(uow: UnitOfWork, *, status: str | None = None) -> list[NominationInfo]:
    """Nominations, newest first."""
    uow.require(Permission.VIEW_DATA)
    query = select(Nomination).where(Nomination.deleted.is_(False))
    if status:
        query = query.where(Nomination.status == status)
    rows = uow.session.scalars(query.order_by(Nomination.nominated_on.desc(), Nomination.created_at.desc())).all()
    return [_info(uow, row) for row in rows]


def honour_list(uow: UnitOfWork, *, year: int) -> list[NominationInfo]:
    """The good people published in a year, by name."""
    uow.require(Permission.VIEW_DATA)
    rows = uow.session.scalars(select(Nomination).where(
        Nomination.deleted.is_(False), Nomination.status == NominationStatus.PUBLISHED.value,
        Nomination.decided_on >= f"{year:04d}-01-01", Nomination.decided_on <= f"{year:04d}-12-31")).all()
    return [_info(uow, row) for row in sorted(rows, key=lambda r: sort_key(r.name))]
