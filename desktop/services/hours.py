"""Service hours (服务时长): append-only records, corrections by reversal, totals and star levels.

A record is never changed: a mistake is put right by a reversing record (and, when the hours were
wrong rather than never served, a replacement).  Ids that two PCs could both make offline — the credit
of an activity, a reversal, a star notice — are uuid5 names, so sync merges them instead of doubling.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.pinyin_search import text_sort_key
from desktop.domain.roles import Permission
from desktop.domain.sync_kinds import named_id
from desktop.domain.text import clean_text
from desktop.domain.volunteering import (
    HoursKind,
    check_hours,
    hours_record_correctable,
    parse_date,
    parse_period,
    round_hours,
    star_level,
)
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.identities import Identities, kept_records, volunteer_row
from desktop.services.settings import load_settings
from desktop.services.station import village_code
from desktop.storage.models import ServiceHours, StarNotice, Team, TeamMember, Volunteer
from desktop.storage.uow import UnitOfWork

_CHUNK = 500


@dataclass(frozen=True)
class HoursRecord:
    id: str
    volunteer_id: str
    volunteer_name: str
    kind: str
    hours: float
    served_on: str
    content: str
    activity_id: str
    reverses_id: str
    reason: str
    recorded_by_name: str
    reversed: bool
    correctable: bool = False  # whether the person asking may correct it now


@dataclass(frozen=True)
class VolunteerTotal:
    volunteer_id: str
    name: str
    hours: float
    star_level: int


@dataclass(frozen=True)
class TeamTotal:
    team_id: str
    name: str
    hours: float
    volunteers: int


@dataclass(frozen=True)
class StarRiser:
    volunteer_id: str
    name: str
    hours: float
    level: int
    last_noticed_level: int


def _in_period(query, start: str | None, end: str | None):
    if start:
        query = query.where(ServiceHours.served_on >= start)
    if end:
        query = query.where(ServiceHours.served_on <= end)
    return query


def _sums(session: Session, ids: list[str], start: str | None, end: str | None) -> dict[str, float]:
    query = _in_period(select(ServiceHours.volunteer_id, func.sum(ServiceHours.hours)).where(
        ServiceHours.deleted.is_(False)), start, end)
    if len(ids) <= _CHUNK:
        query = query.where(ServiceHours.volunteer_id.in_(ids))
    # many volunteers: one grouped pass over the table beats a long IN list
    wanted = set(ids)
    return {volunteer_id: float(total or 0)
            for volunteer_id, total in session.execute(query.group_by(ServiceHours.volunteer_id))
            if volunteer_id in wanted}


def total_hours(session: Session, volunteer_ids: list[str], *, date_from: str | date | None = None,
                date_to: str | date | None = None) -> dict[str, float]:
    """Net hours per volunteer, keyed by the kept volunteer id (a merged duplicate's hours count there)."""
    start, end = parse_period(date_from, date_to)
    identities = Identities.load(session)
    mapping = {kept: identities.counted_ids(kept)
               for kept in dict.fromkeys(identities.kept_id(vid) for vid in volunteer_ids)}
    sums = _sums(session, [vid for ids in mapping.values() for vid in ids], start, end)
    return {kept: round_hours(sum(sums.get(vid, 0.0) for vid in ids)) for kept, ids in mapping.items()}


# -- records ---------------------------------------------------------------------------------------

def _reversed_ids(session: Session, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for first in range(0, len(ids), _CHUNK):
        found.update(session.scalars(select(ServiceHours.reverses_id).where(
            ServiceHours.reverses_id.in_(ids[first:first + _CHUNK]), ServiceHours.deleted.is_(False))))
    return found


def _records(uow: UnitOfWork, rows: list[ServiceHours]) -> list[HoursRecord]:
    session = uow.session
    reversed_ids = _reversed_ids(session, [row.id for row in rows])
    may_edit = uow.actor.can(Permission.EDIT_VOLUNTEER_WORK)
    may_grant = uow.actor.can(Permission.GRANT_HONOUR_HOURS)
    names: dict[str, str] = {}
    wanted = list({row.volunteer_id for row in rows})
    for first in range(0, len(wanted), _CHUNK):
        names.update({vid: name for vid, name in session.execute(select(Volunteer.id, Volunteer.name).where(
            Volunteer.id.in_(wanted[first:first + _CHUNK])))})
    return [HoursRecord(row.id, row.volunteer_id, names.get(row.volunteer_id, ""), row.kind, row.hours,
                        row.served_on, row.content, row.activity_id, row.reverses_id, row.reason,
                        row.recorded_by_name, row.id in reversed_ids,
                        hours_record_correctable(row.kind, reversed_already=row.id in reversed_ids, may_edit=may_edit,
                                                 may_grant_honour=may_grant)) for row in rows]


def _reason(reason: str) -> str:
    text = clean_text(reason)
    if not text:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Write the reason, so others can see later why the hours were changed."), field="reason")
    return text


def _honour_used(session: Session, ids: list[str], year: int) -> float:
    """Net honour hours of these volunteer ids in one calendar year (reversals of honour hours count)."""
    start, end = f"{year:04d}-01-01", f"{year:04d}-12-31"
    rows = session.scalars(_in_period(select(ServiceHours).where(
        ServiceHours.volunteer_id.in_(ids), ServiceHours.deleted.is_(False),
        ServiceHours.kind.in_((HoursKind.HONOUR.value, HoursKind.CORRECTION.value))), start, end)).all()
    kinds = {row.id: row.kind for row in rows}
    missing = [row.reverses_id for row in rows if row.reverses_id and row.reverses_id not in kinds]
    if missing:
        kinds.update({rid: kind for rid, kind in session.execute(select(ServiceHours.id, ServiceHours.kind).where(
            ServiceHours.id.in_(missing)))})
    used = 0.0
    for row in rows:
        if row.kind == HoursKind.HONOUR or kinds.get(row.reverses_id) == HoursKind.HONOUR:
            used += row.hours
    return round_hours(used)


def _check_cap(uow: UnitOfWork, volunteer: Volunteer, year: int, adding: float, *, freeing: float = 0.0) -> None:
    cap = load_settings(uow).honour_hours_cap
    used = _honour_used(uow.session, Identities.load(uow.session).counted_ids(volunteer.id), year) - freeing
    left = round_hours(max(cap - used, 0))
    if used + adding > cap + 1e-9:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "At most {cap} honour hours a year may be added for one volunteer. "
                       "{name} has {left} hours left for {year}."),
            field="hours", cap=cap, left=left, name=volunteer.name, year=year)


def add_honour_hours(uow: UnitOfWork, *, volunteer_id: str, hours: float, served_on: str,
                     reason: str) -> HoursRecord:
    """Hours the station admin grants (荣誉时长), capped per volunteer per calendar year."""
    uow.require(Permission.GRANT_HONOUR_HOURS)
    volunteer = volunteer_row(uow, volunteer_id, follow_merge=True)
    text = _reason(reason)
    amount = check_hours(hours)
    day = parse_date(served_on or uow.today(), field="served_on")
    _check_cap(uow, volunteer, day.year, amount)
    row = ServiceHours(village_code=village_code(uow), volunteer_id=volunteer.id, kind=HoursKind.HONOUR.value,
                       hours=amount, served_on=day.isoformat(), content=text, reason=text,
                       recorded_by_name=uow.actor.display_name)
    uow.session.add(row)
    uow.session.flush()
    return _records(uow, [row])[0]


def correct_hours(uow: UnitOfWork, *, record_id: str, reason: str,
                  new_hours: float | None = None) -> list[HoursRecord]:
    """Reverse a record (and, with ``new_hours``, record the right hours in its place)."""
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    original = uow.session.get(ServiceHours, record_id) if record_id else None
    if original is None or original.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This hours record no longer exists. Refresh the list."), field="record_id")
    if original.kind == HoursKind.HONOUR:
        uow.require(Permission.GRANT_HONOUR_HOURS)
    if original.kind == HoursKind.CORRECTION:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This record is itself a correction and cannot be reversed. "
                       "Correct the record it replaced, or add the right hours."), field="record_id")
    code = village_code(uow)
    reverse_id = named_id(code, "reverse", original.id)
    if original.id in _reversed_ids(uow.session, [original.id]) or uow.session.get(ServiceHours, reverse_id):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This record has already been reversed. Correct its replacement instead."),
            field="record_id")
    text = _reason(reason)
    amount = check_hours(new_hours, field="new_hours") if new_hours is not None else None
    if amount is not None and original.kind == HoursKind.HONOUR:
        volunteer = volunteer_row(uow, original.volunteer_id, follow_merge=True)
        _check_cap(uow, volunteer, parse_date(original.served_on, field="served_on").year, amount,
                   freeing=original.hours)
    rows = [ServiceHours(id=reverse_id, village_code=code, volunteer_id=original.volunteer_id,
                         kind=HoursKind.CORRECTION.value, hours=-original.hours, served_on=original.served_on,
                         content=original.content, activity_id=original.activity_id, reverses_id=original.id,
                         reason=text, recorded_by_name=uow.actor.display_name)]
    if amount is not None:
        rows.append(ServiceHours(
            id=named_id(code, "replace", original.id), village_code=code,
            volunteer_id=original.volunteer_id, kind=original.kind, hours=amount, served_on=original.served_on,
            content=original.content, activity_id=original.activity_id, replaces_id=original.id, reason=text,
            recorded_by_name=uow.actor.display_name))
    uow.session.add_all(rows)
    uow.session.flush()
    return _records(uow, rows)


def list_hours(uow: UnitOfWork, *, volunteer_id: str | None = None, date_from: str | date | None = None,
               date_to: str | date | None = None) -> list[HoursRecord]:
    """Records, newest first; a volunteer's include those of duplicates merged into the record."""
    uow.require(Permission.VIEW_DATA)
    start, end = parse_period(date_from, date_to)
    query = _in_period(select(ServiceHours).where(ServiceHours.deleted.is_(False)), start, end)
    if volunteer_id:
        kept = volunteer_row(uow, volunteer_id, follow_merge=True)
        query = query.where(ServiceHours.volunteer_id.in_(Identities.load(uow.session).counted_ids(kept.id)))
    rows = uow.session.scalars(query.order_by(ServiceHours.served_on.desc(), ServiceHours.created_at.desc())).all()
    return _records(uow, list(rows))


# -- totals ----------------------------------------------------------------------------------------

def _current_volunteers(session: Session) -> list:
    """(id, name) of every volunteer record that is kept, by name — light rows, not ORM objects."""
    return list(session.execute(select(Volunteer.id, Volunteer.name).where(*kept_records())
                                .order_by(Volunteer.sort_key)))


def totals_by_volunteer(uow: UnitOfWork, *, date_from: str | date | None = None,
                        date_to: str | date | None = None) -> list[VolunteerTotal]:
    """Volunteers with hours in the period, most hours first; the star level is from all their hours."""
    uow.require(Permission.VIEW_DATA)
    volunteers = _current_volunteers(uow.session)
    ids = [v.id for v in volunteers]
    period = total_hours(uow.session, ids, date_from=date_from, date_to=date_to)
    overall = total_hours(uow.session, [vid for vid in ids if period.get(vid, 0.0) > 0])
    thresholds = load_settings(uow).star_thresholds
    totals = [VolunteerTotal(v.id, v.name, period.get(v.id, 0.0), star_level(overall.get(v.id, 0.0), thresholds))
              for v in volunteers if period.get(v.id, 0.0) > 0]
    totals.sort(key=lambda t: -t.hours)
    return totals


def totals_by_team(uow: UnitOfWork, *, date_from: str | date | None = None,
                   date_to: str | date | None = None) -> list[TeamTotal]:
    """Each active team's members' hours in the period (a volunteer in two teams counts in both)."""
    uow.require(Permission.VIEW_DATA)
    teams = sorted(uow.session.scalars(select(Team).where(Team.deleted.is_(False), Team.active.is_(True))),
                   key=lambda team: text_sort_key(team.name))
    members: dict[str, list[str]] = {team.id: [] for team in teams}
    for team_id, volunteer_id in uow.session.execute(select(TeamMember.team_id, TeamMember.volunteer_id).where(
            TeamMember.deleted.is_(False), TeamMember.team_id.in_(list(members)))):
        members[team_id].append(volunteer_id)
    everyone = [vid for ids in members.values() for vid in ids]
    identities = Identities.load(uow.session)
    kept_of = {vid: identities.kept_id(vid) for vid in everyone}
    hours = total_hours(uow.session, list(set(kept_of.values())), date_from=date_from, date_to=date_to)
    totals = []
    for team in teams:
        kept = set(kept_of[vid] for vid in members[team.id])
        totals.append(TeamTotal(team.id, team.name, round_hours(sum(hours.get(vid, 0.0) for vid in kept)),
                                len(kept)))
    totals.sort(key=lambda t: -t.hours)
    return totals


def monthly_hours(uow: UnitOfWork, *, year: int) -> list[float]:
    """Net hours served in each month of a year, January first (for a chart)."""
    uow.require(Permission.VIEW_DATA)
    month = func.substr(ServiceHours.served_on, 6, 2)
    rows = uow.session.execute(select(month, func.sum(ServiceHours.hours)).where(
        ServiceHours.deleted.is_(False), ServiceHours.served_on >= f"{year:04d}-01-01",
        ServiceHours.served_on <= f"{year:04d}-12-31").group_by(month))
    values = [0.0] * 12
    for number, total in rows:
        if number and number.isdigit() and 1 <= int(number) <= 12:
            values[int(number) - 1] = round_hours(total or 0)
    return values


# -- star levels -----------------------------------------------------------------------------------

def _noticed_levels(uow: UnitOfWork, volunteers: list[Volunteer]) -> dict[str, int]:
    identities = Identities.load(uow.session)
    owner = {vid: volunteer.id for volunteer in volunteers for vid in identities.counted_ids(volunteer.id)}
    levels: dict[str, int] = {}
    for volunteer_id, level in uow.session.execute(select(StarNotice.volunteer_id, func.max(StarNotice.level))
                                                   .where(StarNotice.deleted.is_(False))
                                                   .group_by(StarNotice.volunteer_id)):
        kept = owner.get(volunteer_id)
        if kept is not None:
            levels[kept] = max(levels.get(kept, 0), int(level or 0))
    return levels


def _risers(uow: UnitOfWork, volunteers: list[Volunteer]) -> list[StarRiser]:
    thresholds = load_settings(uow).star_thresholds
    hours = total_hours(uow.session, [v.id for v in volunteers])
    noticed = _noticed_levels(uow, volunteers)
    risers = []
    for volunteer in volunteers:
        total = hours.get(volunteer.id, 0.0)
        level = star_level(total, thresholds)
        if level > noticed.get(volunteer.id, 0):
            risers.append(StarRiser(volunteer.id, volunteer.name, total, level, noticed.get(volunteer.id, 0)))
    risers.sort(key=lambda r: (-r.level, -r.hours))
    return risers


def star_risers(uow: UnitOfWork) -> list[StarRiser]:
    """Volunteers whose hours have reached a star level higher than any announced for them."""
    uow.require(Permission.VIEW_DATA)
    return _risers(uow, _current_volunteers(uow.session))


def record_star_notice(uow: UnitOfWork, *, volunteer_ids: list[str]) -> int:
    """Note that these volunteers' new star levels have been announced; returns how many were noted."""
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    volunteers = [volunteer_row(uow, vid, follow_merge=True) for vid in dict.fromkeys(volunteer_ids)]
    volunteers = list({v.id: v for v in volunteers}.values())
    today = uow.today().isoformat()
    code = village_code(uow)
    written = 0
    for riser in _risers(uow, volunteers):
        notice_id = named_id(code, "star", riser.volunteer_id, riser.level)
        if uow.session.get(StarNotice, notice_id) is None:
            uow.session.add(StarNotice(id=notice_id, village_code=code, volunteer_id=riser.volunteer_id,
                                       level=riser.level, noticed_on=today))
            written += 1
    uow.session.flush()
    return written
