"""Volunteer groups (志愿服务队): the village group and the specialist teams, their members and leaders."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.pinyin_search import text_sort_key
from desktop.domain.roles import Permission
from desktop.domain.sync_kinds import named_id
from desktop.domain.text import clean_text, compact_text
from desktop.domain.volunteering import MemberRole, TeamKind, VolunteerStatus, may_enlist
from desktop.errors import InvalidInput, Term
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.identities import is_merged, volunteer_row
from desktop.services.station import village_code
from desktop.storage.models import Team, TeamMember, Volunteer
from desktop.storage.uow import UnitOfWork

_CHUNK = 500


@dataclass(frozen=True)
class TeamInfo:
    id: str
    name: str
    kind: str
    description: str
    active: bool
    member_count: int
    leaders: tuple[str, ...]


@dataclass(frozen=True)
class MemberInfo:
    id: str
    team_id: str
    volunteer_id: str
    name: str
    phone: str
    role: str
    joined_on: str


def team_name_key(name: str) -> str:
    """Two team names are the same when they differ only in spaces and letter case."""
    return compact_text(name).casefold()


def _clean_name(uow: UnitOfWork, name: str, *, active: bool, team_id: str | None = None) -> str:
    cleaned = clean_text(name)
    if not cleaned:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter the team's name."), field="name")
    if len(cleaned) > 100:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "A team name has at most 100 characters. Shorten it."), field="name")
    if active:
        key = team_name_key(cleaned)
        for other in uow.session.scalars(select(Team).where(Team.deleted.is_(False), Team.active.is_(True))):
            if other.id != team_id and team_name_key(other.name) == key:
                raise InvalidInput(QT_TRANSLATE_NOOP(
                    "desktop", "There is already a team called \"{name}\". Choose another name."),
                    field="name", name=other.name)
    return cleaned


def _clean_kind(uow: UnitOfWork, kind: str, *, active: bool, team_id: str | None = None) -> str:
    """A kind from the list; the village has one group of its own (村志愿服务队) at a time, the others being
    specialist teams, so a second active one is refused (the import fills the one there is)."""
    cleaned = TeamKind.parse(kind, field="kind", message=QT_TRANSLATE_NOOP(
        "desktop", "Choose the kind of team from the list.")).value
    if cleaned == TeamKind.VILLAGE and active:
        group = uow.session.scalars(select(Team).where(
            Team.deleted.is_(False), Team.active.is_(True), Team.kind == TeamKind.VILLAGE.value,
            Team.id != (team_id or ""))).first()
        if group is not None:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "The village has its own group already: \"{name}\". Choose the kind of this team from "
                           "the other kinds in the list."), field="kind", name=group.name)
    return cleaned


def _clean_role(role: str) -> str:
    return MemberRole.parse(role, field="role", message=QT_TRANSLATE_NOOP(
        "desktop", "Choose the member's role from the list.")).value


def get_team_row(uow: UnitOfWork, team_id: str) -> Team:
    team = uow.session.get(Team, team_id) if team_id else None
    if team is None or team.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This team no longer exists. Refresh the list and choose another."), field="team_id")
    return team


def _members(session: Session, team_id: str) -> list[tuple[TeamMember, Volunteer | None]]:
    rows = session.execute(
        select(TeamMember, Volunteer).outerjoin(Volunteer, Volunteer.id == TeamMember.volunteer_id)
        .where(TeamMember.team_id == team_id, TeamMember.deleted.is_(False))).all()
    return [(member, volunteer) for member, volunteer in rows]


def _team_infos(session: Session, teams: list[Team]) -> list[TeamInfo]:
    """Teams with their member counts and leaders: one grouped count and one query for the leaders."""
    ids = [team.id for team in teams]
    counts = dict(session.execute(
        select(TeamMember.team_id, func.count()).where(TeamMember.team_id.in_(ids), TeamMember.deleted.is_(False))
        .group_by(TeamMember.team_id)).all()) if ids else {}
    leaders: dict[str, list[str]] = {}
    if ids:
        for team_id, name in session.execute(
                select(TeamMember.team_id, Volunteer.name).join(Volunteer, Volunteer.id == TeamMember.volunteer_id)
                .where(TeamMember.team_id.in_(ids), TeamMember.deleted.is_(False),
                       TeamMember.role == MemberRole.LEADER.value)
                .order_by(Volunteer.sort_key)):
            leaders.setdefault(team_id, []).append(name)
    return [TeamInfo(team.id, team.name, team.kind, team.description, team.active, counts.get(team.id, 0),
                     tuple(leaders.get(team.id, ()))) for team in teams]


def _team_info(session: Session, team: Team) -> TeamInfo:
    return _team_infos(session, [team])[0]


def _member_info(member: TeamMember, volunteer: Volunteer | None) -> MemberInfo:
    return MemberInfo(member.id, member.team_id, member.volunteer_id, volunteer.name if volunteer else "",
                      volunteer.phone if volunteer else "", member.role, member.joined_on)


def create_team(uow: UnitOfWork, *, name: str, kind: str, description: str = "") -> TeamInfo:
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    team = Team(village_code=village_code(uow), name=_clean_name(uow, name, active=True),
                kind=_clean_kind(uow, kind, active=True), description=clean_text(description), active=True)
    uow.session.add(team)
    uow.session.flush()
    return _team_info(uow.session, team)


def update_team(uow: UnitOfWork, *, team_id: str, name: str, kind: str, description: str,
                active: bool) -> TeamInfo:
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    team = get_team_row(uow, team_id)
    team.name = _clean_name(uow, name, active=active, team_id=team.id)
    team.kind = _clean_kind(uow, kind, active=active, team_id=team.id)
    team.description = clean_text(description)
    team.active = bool(active)
    uow.session.flush()
    return _team_info(uow.session, team)


def list_teams(uow: UnitOfWork, *, include_inactive: bool = False) -> list[TeamInfo]:
    uow.require(Permission.VIEW_DATA)
    query = select(Team).where(Team.deleted.is_(False))
    if not include_inactive:
        query = query.where(Team.active.is_(True))
    teams = sorted(uow.session.scalars(query), key=lambda team: (not team.active, text_sort_key(team.name)))
    return _team_infos(uow.session, teams)


def enlistable(volunteer: Volunteer) -> bool:
    """The one enlist rule: not merged into another record, and of a status that may join."""
    return not is_merged(volunteer) and may_enlist(volunteer.status)


def volunteer_to_enlist(uow: UnitOfWork, volunteer_id: str, *, refusal: str) -> Volunteer:
    """The volunteer to put in a team or on a roster; a record that has left or was merged is refused
    with ``refusal`` (a message with ``{name}`` and ``{status}``)."""
    volunteer = volunteer_row(uow, volunteer_id)
    if not enlistable(volunteer):
        raise InvalidInput(refusal, field="volunteer_id", name=volunteer.name,
                           status=Term(VolunteerStatus(volunteer.status).label))
    return volunteer


def member_id(code: str, team_id: str, volunteer_id: str) -> str:
    """One membership row per person per team, the same on every PC of the village: two PCs adding one
    person merge (the naming is declared on the kind, desktop/domain/sync_kinds.py)."""
    return named_id(code, "member", team_id, volunteer_id)


def add_member(uow: UnitOfWork, *, team_id: str, volunteer_id: str, role: str = "member") -> MemberInfo:
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    team = get_team_row(uow, team_id)
    role = _clean_role(role)
    volunteer = volunteer_to_enlist(uow, volunteer_id, refusal=QT_TRANSLATE_NOOP(
        "desktop", "{name} cannot join a team: the record is marked \"{status}\". "
                   "Choose the volunteer's current record."))
    existing = uow.session.scalars(select(TeamMember).where(
        TeamMember.team_id == team.id, TeamMember.volunteer_id == volunteer.id,
        TeamMember.deleted.is_(False))).first()
    if existing is not None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "{name} is already a member of {team}."), field="volunteer_id",
            name=volunteer.name, team=team.name)
    # The same row on every PC (two PCs adding one person merge); joining again revives it.
    code = village_code(uow)
    member = uow.session.get(TeamMember, member_id(code, team.id, volunteer.id))
    if member is None:
        member = TeamMember(id=member_id(code, team.id, volunteer.id), village_code=code,
                            team_id=team.id, volunteer_id=volunteer.id, role=role, joined_on=uow.today().isoformat())
        uow.session.add(member)
    else:
        member.volunteer_id, member.role, member.deleted = volunteer.id, role, False
        member.joined_on = uow.today().isoformat()
    uow.session.flush()
    return _member_info(member, volunteer)


def _get_member(uow: UnitOfWork, member_id: str) -> TeamMember:
    member = uow.session.get(TeamMember, member_id) if member_id else None
    if member is None or member.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This person is no longer a member of the team. Refresh the list."))
    return member


def set_member_role(uow: UnitOfWork, *, member_id: str, role: str) -> MemberInfo:
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    member = _get_member(uow, member_id)
    member.role = _clean_role(role)
    uow.session.flush()
    return _member_info(member, uow.session.get(Volunteer, member.volunteer_id))


def remove_member(uow: UnitOfWork, *, member_id: str) -> None:
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    member = _get_member(uow, member_id)
    member.deleted = True
    uow.session.flush()


def list_members(uow: UnitOfWork, *, team_id: str) -> list[MemberInfo]:
    uow.require(Permission.VIEW_DATA)
    team = get_team_row(uow, team_id)
    members = _members(uow.session, team.id)
    members.sort(key=lambda mv: (mv[0].role != MemberRole.LEADER, mv[1].sort_key if mv[1] else ""))
    return [_member_info(member, volunteer) for member, volunteer in members]


def member_volunteer_ids(session: Session, team_id: str) -> list[str]:
    """The volunteers now in a team (tombstoned memberships left out)."""
    return list(session.scalars(select(TeamMember.volunteer_id).where(
        TeamMember.team_id == team_id, TeamMember.deleted.is_(False))))


def team_names_by_volunteer(session: Session, volunteer_ids: Iterable[str]) -> dict[str, list[str]]:
    """The active teams each volunteer belongs to, by name, for the volunteer list."""
    ids = list(dict.fromkeys(volunteer_ids))
    found: dict[str, list[str]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        rows = session.execute(
            select(TeamMember.volunteer_id, Team.name).join(Team, Team.id == TeamMember.team_id)
            .where(TeamMember.volunteer_id.in_(chunk), TeamMember.deleted.is_(False),
                   Team.deleted.is_(False), Team.active.is_(True)))
        for volunteer_id, name in rows:
            found.setdefault(volunteer_id, []).append(name)
    return {volunteer_id: sorted(names, key=text_sort_key) for volunteer_id, names in found.items()}
