"""Volunteer activities (志愿服务活动): planning, rosters, sign-in, and closing them to credit hours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from desktop.domain.roles import Permission
from desktop.domain.sync_kinds import named_id
from desktop.domain.text import clean_text
from desktop.domain.volunteering import (
    VOLUNTEER_DAY_END,
    VOLUNTEER_DAY_START,
    ActivityAction,
    ActivityKind,
    ActivityStage,
    ActivityStatus,
    ClosingWait,
    HoursKind,
    activity_actions,
    activity_stage,
    closing_wait,
    duration_hours,
    fridays,
    parse_date,
    parse_period,
    parse_time,
    round_hours,
)
from desktop.errors import InvalidInput, Term
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import station
from desktop.services.identities import Identities
from desktop.services.station import village_code
from desktop.services.teams import enlistable, get_team_row, member_volunteer_ids, volunteer_to_enlist
from desktop.storage.models import Activity, Participant, ServiceHours, Team, Volunteer
from desktop.storage.uow import UnitOfWork


@dataclass(frozen=True)
class ActivityForm:
    kind: str
    title: str
    date: str
    start_time: str
    end_time: str
    place: str = ""
    team_id: str = ""
    description: str = ""
    trained: str = ""  # for a training: who or which households were trained


@dataclass(frozen=True)
class ActivityInfo:
    id: str
    kind: str
    title: str
    date: str
    start_time: str
    end_time: str
    place: str
    team_id: str
    team_name: str
    description: str
    trained: str
    status: str
    closed_on: str
    hours_each: float
    rostered: int
    attended: int
    actions: frozenset[ActivityAction] = frozenset()  # what the person asking may do next with it
    stage: str = ""          # an ActivityStage: what it is now, by the station's date
    closing_wait: str = ""   # a ClosingWait: what a planned one waits for before it may be closed


@dataclass(frozen=True)
class ParticipantInfo:
    id: str
    volunteer_id: str
    name: str
    phone: str
    rostered: bool
    attended: bool
    start_time: str
    end_time: str
    hours: float


@dataclass(frozen=True)
class CloseResult:
    activity: ActivityInfo
    records: int
    total_hours: float


@dataclass(frozen=True)
class ClosingSummary:
    """What closing an activity would credit: people credited once each, and their hours together."""

    people: int
    hours: float
    waits: str = ""  # a ClosingWait: what the activity waits for before it may be closed at all, now


@dataclass(frozen=True)
class PlannedDays:
    """Volunteer days planned at once: those made, and the Fridays passed over because one was there already."""

    planned: tuple[ActivityInfo, ...]
    skipped: tuple[str, ...]  # ISO dates


@dataclass(frozen=True)
class SignInSheet:
    activity: ActivityInfo
    village_name: str
    rows: tuple[ParticipantInfo, ...]


def _hhmm(value) -> str:
    return value.strftime("%H:%M")


def _checked(uow: UnitOfWork, form: ActivityForm) -> dict[str, str]:
    kind = ActivityKind.parse(form.kind, field="kind", message=QT_TRANSLATE_NOOP(
        "desktop", "Choose the kind of activity from the list.")).value
    title = clean_text(form.title)
    if not title:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter a title for the activity."), field="title")
    day = parse_date(form.date, field="date")
    start = parse_time(form.start_time, field="start_time")
    end = parse_time(form.end_time, field="end_time")
    duration_hours(start, end, field="end_time")
    team_id = clean_text(form.team_id)
    if team_id:
        get_team_row(uow, team_id)
    return {"kind": kind, "title": title[:200], "date": day.isoformat(), "start_time": _hhmm(start),
            "end_time": _hhmm(end), "place": clean_text(form.place)[:200], "team_id": team_id,
            "description": clean_text(form.description), "trained": clean_text(form.trained)}


def _hours_each(activity: Activity) -> float:
    return duration_hours(parse_time(activity.start_time, field="start_time"),
                          parse_time(activity.end_time, field="end_time"))


def _participant_hours(activity: Activity, participant: Participant) -> float:
    if not participant.start_time and not participant.end_time:
        return _hours_each(activity)
    start = parse_time(participant.start_time or activity.start_time, field="start_time")
    end = parse_time(participant.end_time or activity.end_time, field="end_time")
    return duration_hours(start, end)


def _participants(session: Session, activity_id: str) -> list[tuple[Participant, Volunteer | None]]:
    rows = session.execute(
        select(Participant, Volunteer).outerjoin(Volunteer, Volunteer.id == Participant.volunteer_id)
        .where(Participant.activity_id == activity_id, Participant.deleted.is_(False))).all()
    rows = [(p, v) for p, v in rows]
    rows.sort(key=lambda pv: pv[1].sort_key if pv[1] else "")
    return rows


def _infos(uow: UnitOfWork, activities: list[Activity]) -> list[ActivityInfo]:
    """Activities with their team names, counts and what the actor may do next: one grouped count and one
    team lookup for all."""
    session = uow.session
    may_edit = uow.actor.can(Permission.EDIT_VOLUNTEER_WORK)
    today = uow.today()
    ids = [activity.id for activity in activities]
    counts = {activity_id: (rostered or 0, attended or 0) for activity_id, rostered, attended in session.execute(
        select(Participant.activity_id, func.sum(case((Participant.rostered, 1), else_=0)),
               func.sum(case((Participant.attended, 1), else_=0)))
        .where(Participant.activity_id.in_(ids), Participant.deleted.is_(False))
        .group_by(Participant.activity_id))} if ids else {}
    team_ids = {activity.team_id for activity in activities if activity.team_id}
    names = {team_id: name for team_id, name in session.execute(select(Team.id, Team.name).where(
        Team.id.in_(team_ids), Team.deleted.is_(False)))} if team_ids else {}
    infos = []
    for activity in activities:
        rostered, attended = counts.get(activity.id, (0, 0))
        waits = closing_wait(day=activity.date, today=today, attended=attended)
        infos.append(ActivityInfo(
            activity.id, activity.kind, activity.title, activity.date, activity.start_time, activity.end_time,
            activity.place, activity.team_id, names.get(activity.team_id, ""), activity.description,
            activity.trained, activity.status, activity.closed_on, _hours_each(activity), rostered, attended,
            activity_actions(activity.status, attended=attended, may_edit=may_edit, day=activity.date, today=today),
            activity_stage(activity.status, day=activity.date, today=today).value,
            waits.value if waits is not None and activity.status == ActivityStatus.PLANNED else ""))
    return infos


def _info(uow: UnitOfWork, activity: Activity) -> ActivityInfo:
    return _infos(uow, [activity])[0]


def _participant_info(activity: Activity, participant: Participant, volunteer: Volunteer | None) -> ParticipantInfo:
    return ParticipantInfo(participant.id, participant.volunteer_id, volunteer.name if volunteer else "",
                           volunteer.phone if volunteer else "", participant.rostered, participant.attended,
                           participant.start_time, participant.end_time, _participant_hours(activity, participant))


def _get(uow: UnitOfWork, activity_id: str) -> Activity:
    activity = uow.session.get(Activity, activity_id) if activity_id else None
    if activity is None or activity.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This activity no longer exists. Refresh the list."), field="activity_id")
    return activity


def _planned(uow: UnitOfWork, activity_id: str) -> Activity:
    """The activity, if its state lets it change (the same rule its ``actions`` come from)."""
    activity = _get(uow, activity_id)
    if ActivityAction.CHANGE not in activity_actions(activity.status, attended=0, may_edit=True, day=activity.date,
                                                     today=uow.today()):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "\"{title}\" is {status}; only a planned activity can be changed."),
            field="activity_id", title=activity.title, status=Term(ActivityStatus(activity.status).label))
    return activity


def plan_activity(uow: UnitOfWork, *, form: ActivityForm) -> ActivityInfo:
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    activity = Activity(village_code=village_code(uow), status=ActivityStatus.PLANNED.value,
                        **_checked(uow, form))
    uow.session.add(activity)
    uow.session.flush()
    return _info(uow, activity)


def plan_volunteer_days(uow: UnitOfWork, *, first: str | date, weeks: int, title: str, place: str = "",
                        team_id: str = "") -> PlannedDays:
    """One Friday-afternoon volunteer day (每周五下午, 14:00–17:00) a week from ``first``; a Friday that has a
    volunteer day already (planned or held, not cancelled) is passed over and named in the result."""
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    start = parse_date(first, field="first")
    if not isinstance(weeks, int) or not 1 <= weeks <= 52:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Plan between 1 and 52 weeks at a time."), field="weeks")
    days = [day.isoformat() for day in fridays(start, weeks)]
    taken = set(uow.session.scalars(select(Activity.date).where(
        Activity.date.in_(days), Activity.kind == ActivityKind.VOLUNTEER_DAY.value,
        Activity.status != ActivityStatus.CANCELLED.value, Activity.deleted.is_(False))))
    skipped = tuple(day for day in days if day in taken)
    if len(skipped) == len(days):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Each of these Fridays has a volunteer day already ({dates}), so none was planned. "
                       "Choose a later first Friday or more weeks."), field="first", dates=", ".join(skipped))
    planned = []
    for day in days:
        if day in taken:
            continue
        form = ActivityForm(ActivityKind.VOLUNTEER_DAY.value, title, day, _hhmm(VOLUNTEER_DAY_START),
                            _hhmm(VOLUNTEER_DAY_END), place=place, team_id=team_id)
        planned.append(plan_activity(uow, form=form))
    return PlannedDays(tuple(planned), skipped)


def update_activity(uow: UnitOfWork, *, activity_id: str, form: ActivityForm) -> ActivityInfo:
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    activity = _planned(uow, activity_id)
    for name, value in _checked(uow, form).items():
        setattr(activity, name, value)
    uow.session.flush()
    return _info(uow, activity)


def cancel_activity(uow: UnitOfWork, *, activity_id: str) -> ActivityInfo:
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    activity = _planned(uow, activity_id)
    activity.status = ActivityStatus.CANCELLED.value
    uow.session.flush()
    return _info(uow, activity)


def get_activity(uow: UnitOfWork, *, activity_id: str) -> ActivityInfo:
    uow.require(Permission.VIEW_DATA)
    return _info(uow, _get(uow, activity_id))


def list_activities(uow: UnitOfWork, *, date_from: str | None = None, date_to: str | None = None,
                    stage: str | None = None) -> list[ActivityInfo]:
    """Activities in a period, newest first; with ``stage`` (an ActivityStage), only those at that stage by
    the station's date — upcoming ones are planned ones, never a closed or cancelled one, and come soonest
    first: the next one at the top."""
    uow.require(Permission.VIEW_DATA)
    start, end = parse_period(date_from, date_to)
    wanted = ActivityStage.parse(stage, field="stage", message=QT_TRANSLATE_NOOP(
        "desktop", "Choose the status from the list.")) if stage else None
    query = select(Activity).where(Activity.deleted.is_(False))
    if start:
        query = query.where(Activity.date >= start)
    if end:
        query = query.where(Activity.date <= end)
    if wanted is not None:
        query = query.where(_at_stage(wanted, uow.today()))
    # What is still to come, the next first; everything else the newest first.
    soonest_first = wanted == ActivityStage.UPCOMING
    order = (Activity.date, Activity.start_time) if soonest_first else (Activity.date.desc(),
                                                                          Activity.start_time.desc())
    rows = uow.session.scalars(query.order_by(*order)).all()
    return _infos(uow, list(rows))


def _at_stage(stage: ActivityStage, today: date) -> ColumnElement[bool]:
    """Activities at ``stage`` on ``today``, as ``activity_stage`` says, in SQL: a planned one is upcoming
    from today on and held before; a closed or cancelled one is that, whatever its date."""
    planned = Activity.status == ActivityStatus.PLANNED.value
    if stage == ActivityStage.UPCOMING:
        return planned & (Activity.date >= today.isoformat())
    if stage == ActivityStage.HELD:
        return planned & (Activity.date < today.isoformat())
    status = ActivityStatus.CLOSED if stage == ActivityStage.CLOSED else ActivityStatus.CANCELLED
    return Activity.status == status.value


def _volunteer_for_roster(uow: UnitOfWork, volunteer_id: str) -> Volunteer:
    return volunteer_to_enlist(uow, volunteer_id, refusal=QT_TRANSLATE_NOOP(
        "desktop", "{name} cannot take part: the record is marked \"{status}\". "
                   "Choose the volunteer's current record."))


def participant_id(code: str, activity_id: str, volunteer_id: str) -> str:
    """One row per person per activity, the same on every PC of the village: two PCs signing the same
    person in merge."""
    return named_id(code, "participant", activity_id, volunteer_id)


def _participants_by_volunteer(uow: UnitOfWork, activity_id: str) -> dict[str, Participant]:
    return {p.volunteer_id: p for p in uow.session.scalars(select(Participant).where(
        Participant.activity_id == activity_id, Participant.deleted.is_(False)))}


def _shift(activity: Activity, start_time: str, end_time: str) -> tuple[str, str]:
    start = _hhmm(parse_time(start_time, field="start_time")) if clean_text(start_time) else ""
    end = _hhmm(parse_time(end_time, field="end_time")) if clean_text(end_time) else ""
    if start or end:
        duration_hours(parse_time(start or activity.start_time, field="start_time"),
                       parse_time(end or activity.end_time, field="end_time"), field="end_time")
    return start, end


def add_to_roster(uow: UnitOfWork, *, activity_id: str, volunteer_ids: list[str], start_time: str = "",
                  end_time: str = "") -> list[ParticipantInfo]:
    """Put volunteers on the roster, with a shift of their own if times are given (a Lei Feng post)."""
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    activity = _planned(uow, activity_id)
    start, end = _shift(activity, start_time, end_time)
    code = village_code(uow)
    present = _participants_by_volunteer(uow, activity.id)
    for volunteer_id in dict.fromkeys(volunteer_ids):
        volunteer = _volunteer_for_roster(uow, volunteer_id)
        participant = present.get(volunteer.id)
        if participant is None:
            present[volunteer.id] = Participant(
                id=participant_id(code, activity.id, volunteer.id), village_code=code, activity_id=activity.id,
                volunteer_id=volunteer.id, rostered=True, attended=False, start_time=start, end_time=end)
            uow.session.add(present[volunteer.id])
        else:
            participant.rostered = True
            if start or end:
                participant.start_time, participant.end_time = start, end
    uow.session.flush()
    return _list(uow.session, activity)


def _enlistable_members(session: Session, team_id: str) -> list[Volunteer]:
    """A team's current members who may be put on a roster, by name (one query)."""
    members = session.scalars(select(Volunteer).where(
        Volunteer.id.in_(member_volunteer_ids(session, team_id)), Volunteer.deleted.is_(False))
        .order_by(Volunteer.sort_key)).all()
    return [volunteer for volunteer in members if enlistable(volunteer)]


def add_team_to_roster(uow: UnitOfWork, *, activity_id: str, team_id: str) -> list[ParticipantInfo]:
    """Put every current member of a team on the roster (members who have left are skipped)."""
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    _planned(uow, activity_id)
    team = get_team_row(uow, team_id)
    ids = [volunteer.id for volunteer in _enlistable_members(uow.session, team.id)]
    return add_to_roster(uow, activity_id=activity_id, volunteer_ids=ids)


def set_attendance(uow: UnitOfWork, *, activity_id: str, attended: dict[str, bool]) -> list[ParticipantInfo]:
    """Tick who came; someone who came without being on the roster is added as a walk-in."""
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    activity = _planned(uow, activity_id)
    code = village_code(uow)
    present = _participants_by_volunteer(uow, activity.id)
    for volunteer_id, came in attended.items():
        participant = present.get(volunteer_id)
        if participant is None:
            if not came:
                continue
            volunteer = _volunteer_for_roster(uow, volunteer_id)
            present[volunteer.id] = Participant(
                id=participant_id(code, activity.id, volunteer.id), village_code=code, activity_id=activity.id,
                volunteer_id=volunteer.id, rostered=False, attended=True)
            uow.session.add(present[volunteer.id])
        else:
            participant.attended = bool(came)
    uow.session.flush()
    return _list(uow.session, activity)


def _list(session: Session, activity: Activity) -> list[ParticipantInfo]:
    return [_participant_info(activity, p, v) for p, v in _participants(session, activity.id)]


def list_participants(uow: UnitOfWork, *, activity_id: str) -> list[ParticipantInfo]:
    uow.require(Permission.VIEW_DATA)
    return _list(uow.session, _get(uow, activity_id))


def credit_id(code: str, activity_id: str, volunteer_id: str) -> str:
    """The hours record of one volunteer for one activity: the same on every PC of the village that closes it."""
    return named_id(code, "credit", activity_id, volunteer_id)


@dataclass(frozen=True)
class _Credit:
    volunteer_id: str  # the kept record
    hours: float


def _credits_due(uow: UnitOfWork, activity: Activity,
                 came: list[tuple[Participant, Volunteer | None]]) -> list[_Credit]:
    """Who came, each resolved to the kept record once, less those whose credit already exists."""
    identities = Identities.load(uow.session)
    due: dict[str, _Credit] = {}
    for participant, _volunteer in came:
        kept = identities.kept_id(participant.volunteer_id)
        if kept not in due:  # two records of one person both ticked: credit the person once
            due[kept] = _Credit(kept, _participant_hours(activity, participant))
    existing = set(uow.session.scalars(select(ServiceHours.volunteer_id).where(
        ServiceHours.id.in_([credit_id(village_code(uow), activity.id, kept) for kept in due]))))
    return [credit for kept, credit in due.items() if kept not in existing]


def _came(uow: UnitOfWork, activity: Activity) -> list[tuple[Participant, Volunteer | None]]:
    return [(p, v) for p, v in _participants(uow.session, activity.id) if p.attended]


def closing_summary(uow: UnitOfWork, *, activity_id: str) -> ClosingSummary:
    """What closing the activity would credit now: how many people, and their hours together."""
    uow.require(Permission.VIEW_DATA)
    activity = _get(uow, activity_id)
    came = _came(uow, activity)
    credits = _credits_due(uow, activity, came)
    waits = closing_wait(day=activity.date, today=uow.today(), attended=len(came)) \
        if activity.status == ActivityStatus.PLANNED else None
    return ClosingSummary(len(credits), round_hours(sum(credit.hours for credit in credits)),
                          waits.value if waits is not None else "")


def close_activity(uow: UnitOfWork, *, activity_id: str) -> CloseResult:
    """Credit each attendee's hours once and close the activity; it can then no longer change."""
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    activity = _get(uow, activity_id)
    if activity.status == ActivityStatus.CLOSED:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "\"{title}\" is already closed and its hours are recorded."),
            field="activity_id", title=activity.title)
    activity = _planned(uow, activity_id)
    came = _came(uow, activity)
    today = uow.today()
    if closing_wait(day=activity.date, today=today, attended=len(came)) == ClosingWait.ITS_DAY:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "\"{title}\" is on {date}, and this computer's date is {today}. An activity is closed, and "
                       "its hours recorded, on its day or later. If the computer's date is wrong, correct it first."),
            field="activity_id", title=activity.title, date=activity.date, today=today.isoformat())
    if not came:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Nobody is marked as having come to \"{title}\". Tick who came before closing it, "
                       "or cancel the activity."), field="activity_id", title=activity.title)
    content = f"{activity.title} · {activity.place}" if activity.place else activity.title
    code = village_code(uow)
    credits = _credits_due(uow, activity, came)
    uow.session.add_all([ServiceHours(id=credit_id(code, activity.id, credit.volunteer_id), village_code=code,
                                      volunteer_id=credit.volunteer_id, kind=HoursKind.CREDIT.value,
                                      hours=credit.hours, served_on=activity.date, content=content,
                                      activity_id=activity.id, recorded_by_name=uow.actor.display_name)
                         for credit in credits])
    activity.status = ActivityStatus.CLOSED.value
    activity.closed_on = today.isoformat()
    uow.session.flush()
    return CloseResult(_info(uow, activity), len(credits),
                       round_hours(sum(credit.hours for credit in credits)))


def sign_in_sheet(uow: UnitOfWork, *, activity_id: str) -> SignInSheet:
    """The printed sign-in sheet: the participants, or the team's members when nobody is on it yet."""
    uow.require(Permission.VIEW_DATA)
    activity = _get(uow, activity_id)
    rows = _list(uow.session, activity)
    if not rows and activity.team_id:
        hours = _hours_each(activity)
        members = _enlistable_members(uow.session, activity.team_id)
        rows = [ParticipantInfo("", v.id, v.name, v.phone, False, False, "", "", hours) for v in members]
    return SignInSheet(_info(uow, activity), station.station_info(uow).village.name, tuple(rows))
