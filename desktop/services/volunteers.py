"""The volunteer registry: registering and editing people, finding them fast, duplicates and merging."""

from __future__ import annotations

import enum
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, false, func, or_, select, tuple_
from sqlalchemy.orm import Session

from desktop.domain.id_number import mask_id_number, validate_id_number
from desktop.domain.phone import normalise_phone
from desktop.domain.pinyin_search import has_han, is_number_query, name_query
from desktop.domain.roles import Permission
from desktop.domain.text import clean_text, compact_text
from desktop.domain.volunteering import (
    MemberRole,
    PoliticalStatus,
    VolunteerStatus,
    age_on,
    may_enlist,
    parse_date,
    star_level,
)
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.hours import total_hours
from desktop.services.identities import VOLUNTEERS, is_merged, kept_records, merge_records, volunteer_row
from desktop.services.settings import load_settings
from desktop.services.station import village_code
from desktop.services.teams import add_member, team_names_by_volunteer
from desktop.storage.models import TeamMember, Volunteer, new_id
from desktop.storage.uow import UnitOfWork

LISTED = (VolunteerStatus.ACTIVE.value, VolunteerStatus.PAUSED.value)
ALL_STATUSES = (*LISTED, VolunteerStatus.LEFT.value)  # every status a kept record can have


@dataclass(frozen=True)
class VolunteerForm:
    """What a person types; all text, cleaned and checked by the service."""

    name: str
    id_number: str
    phone: str = ""
    address: str = ""
    political_status: str = ""  # a PoliticalStatus value or ""
    skills: str = ""
    volunteer_number: str = ""
    registered_on: str = ""  # "" = today
    status: str = "active"
    notes: str = ""


@dataclass(frozen=True)
class VolunteerInfo:
    """One volunteer, the ID number masked."""

    id: str
    name: str
    gender: str
    birth_date: str
    age: int | None
    id_masked: str
    phone: str
    address: str
    political_status: str
    skills: str
    volunteer_number: str
    registered_on: str
    status: str
    notes: str
    merged_into: str
    teams: tuple[str, ...]
    hours: float
    star_level: int


@dataclass(frozen=True)
class VolunteerRow:
    """A line of the volunteer list, the ID number masked."""

    id: str
    name: str
    gender: str
    age: int | None
    id_masked: str
    phone: str
    political_status: str
    skills: str
    teams: str
    status: str
    volunteer_number: str
    registered_on: str
    hours: float
    star_level: int
    address: str = ""


@dataclass(frozen=True)
class DuplicateGroup:
    reason: str  # "id_number" or "name_phone"
    volunteers: tuple[VolunteerRow, ...]


class PossibleDuplicate(InvalidInput):
    """Someone of the same name and phone is registered; ``params`` has ``other_id`` and ``other_name``."""


class Asking(enum.Enum):
    """Who asks whether someone is registered already: what a possible duplicate is called, and the way on,
    depend on it."""

    FORM = "form"      # registering someone: saved again, they are registered all the same
    EDIT = "edit"      # changing a record: saved again, the change is kept all the same
    IMPORT = "import"  # a row of a workbook: it is not added, and a file is not saved again


_POSSIBLE_DUPLICATE = {
    Asking.FORM: QT_TRANSLATE_NOOP(
        "desktop", "{other_name} with the phone number {phone} is already registered. If this is another "
        "person, save again to register them anyway."),
    Asking.EDIT: QT_TRANSLATE_NOOP(
        "desktop", "Another volunteer, {other_name}, has this name and the phone number {phone}. If this "
        "is another person, save again to keep your change anyway."),
    Asking.IMPORT: QT_TRANSLATE_NOOP(
        "desktop", "{other_name} with the phone number {phone} is already registered; this row was not "
        "added. If it is another person, register them in the Volunteers area."),
}


@dataclass(frozen=True)
class CheckedVolunteer:
    """A form after cleaning and checking: the values as they are stored."""

    name: str
    id_number: str
    gender: str
    birth_date: str
    phone: str
    address: str
    political_status: str
    skills: str
    volunteer_number: str
    registered_on: str
    status: str
    notes: str


# -- checking ---------------------------------------------------------------------------------


def clean_name(value: str) -> str:
    """Chinese names lose every space typed into them (吴 大义); other names keep single spaces."""
    text = clean_text(value)
    return compact_text(text) if has_han(text) else re.sub(r"\s+", " ", text)


def check_form(form: VolunteerForm, *, today: date, id_number: str | None = None) -> CheckedVolunteer:
    """Clean and check what was typed, field by field, or raise ``InvalidInput`` naming the field.

    ``id_number`` replaces ``form.id_number`` when the form showed the stored number masked.
    """
    name = clean_name(form.name)
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter the volunteer's name."), field="name")
    if len(name) > 64:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "A name has at most 64 characters."), field="name")
    checked_id = validate_id_number(form.id_number if id_number is None else id_number, field="id_number")
    phone = normalise_phone(form.phone, field="phone") if clean_text(form.phone) else ""
    political = PoliticalStatus.parse(form.political_status, field="political_status", message=QT_TRANSLATE_NOOP(
        "desktop", "Choose the political status from the list.")).value if clean_text(form.political_status) else ""
    choose_status = QT_TRANSLATE_NOOP("desktop", "Choose the status from the list.")
    status = VolunteerStatus.parse(form.status or VolunteerStatus.ACTIVE.value, field="status",
                                   message=choose_status).value
    if status == VolunteerStatus.MERGED.value:  # only merging makes a record merged
        raise InvalidInput(choose_status, field="status")
    registered = (parse_date(clean_text(form.registered_on), field="registered_on")
                  if clean_text(form.registered_on) else today)
    if registered > today:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The registration date {value} is in the future. Enter the day the person registered."),
            field="registered_on", value=registered.isoformat())
    volunteer_number = compact_text(form.volunteer_number)
    if len(volunteer_number) > 32:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "A volunteer number has at most 32 characters."),
                           field="volunteer_number")
    address = clean_text(form.address)
    if len(address) > 200:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "An address has at most 200 characters."), field="address")
    return CheckedVolunteer(
        name=name, id_number=checked_id.number, gender=checked_id.gender,
        birth_date=checked_id.birth_date.isoformat(), phone=phone, address=address, political_status=political,
        skills=clean_text(form.skills), volunteer_number=volunteer_number, registered_on=registered.isoformat(),
        status=status, notes=clean_text(form.notes))


class Registered:
    """ID numbers and (name, phone) pairs of kept records, read once, to check one form or a whole import."""

    def __init__(self, session: Session, *, like: CheckedVolunteer | None = None) -> None:
        query = select(Volunteer.id, Volunteer.name, Volunteer.id_number, Volunteer.phone).where(*kept_records())
        if like is not None:  # one form: only the records it could clash with
            query = query.where(or_(Volunteer.id_number == like.id_number,
                                    (Volunteer.name == like.name) & (Volunteer.phone == like.phone)))
        self._by_id_number: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self._by_name_phone: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for volunteer_id, name, id_number, phone in session.execute(query):
            self._note(volunteer_id, name, id_number, phone)

    def _note(self, volunteer_id: str, name: str, id_number: str, phone: str) -> None:
        if id_number:
            self._by_id_number[id_number].append((volunteer_id, name))
        if phone:
            self._by_name_phone[(name, phone)].append((volunteer_id, name))

    def add(self, volunteer_id: str, checked: CheckedVolunteer) -> None:
        self._note(volunteer_id, checked.name, checked.id_number, checked.phone)

    def check(self, checked: CheckedVolunteer, *, asking: Asking, volunteer_id: str | None = None,
              allow_similar: bool = False) -> None:
        """Refuse an ID number someone else has; flag the same name and phone as a possible duplicate, in the
        words of whoever is ``asking`` (an edit names the record changed, ``volunteer_id``)."""
        others = [o for o in self._by_id_number.get(checked.id_number, ()) if o[0] != volunteer_id]
        if others:
            other_id, other_name = others[0]
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "{other_name} is already registered with the ID number {masked}. Check the number, "
                "or open {other_name}'s record instead."), field="id_number", other_name=other_name,
                other_id=other_id, masked=mask_id_number(checked.id_number))
        if allow_similar or not checked.phone:
            return
        others = [o for o in self._by_name_phone.get((checked.name, checked.phone), ()) if o[0] != volunteer_id]
        if others:
            other_id, other_name = others[0]
            raise PossibleDuplicate(_POSSIBLE_DUPLICATE[asking], field="name", other_id=other_id,
                                    other_name=other_name, phone=checked.phone)


def check_not_registered(session: Session, checked: CheckedVolunteer, *, asking: Asking,
                         volunteer_id: str | None = None, allow_similar: bool = False) -> None:
    """Refuse an ID number someone else has; flag the same name and phone as a possible duplicate."""
    Registered(session, like=checked).check(checked, asking=asking, volunteer_id=volunteer_id,
                                            allow_similar=allow_similar)


def _apply(volunteer: Volunteer, checked: CheckedVolunteer) -> None:
    for name in ("name", "id_number", "gender", "birth_date", "phone", "address", "political_status", "skills",
                 "volunteer_number", "registered_on", "status", "notes"):
        if getattr(volunteer, name) != getattr(checked, name):
            setattr(volunteer, name, getattr(checked, name))


# -- results ----------------------------------------------------------------------------------


def _age(birth_date: str, today: date) -> int | None:
    try:
        return age_on(date.fromisoformat(birth_date), today)
    except ValueError:
        return None


def _rows(uow: UnitOfWork, volunteers: list[Volunteer]) -> list[VolunteerRow]:
    ids = [v.id for v in volunteers]
    hours = total_hours(uow.session, ids)
    teams = team_names_by_volunteer(uow.session, ids)
    thresholds = load_settings(uow).star_thresholds
    today = uow.today()
    return [VolunteerRow(
        id=v.id, name=v.name, gender=v.gender, age=_age(v.birth_date, today), id_masked=mask_id_number(v.id_number),
        phone=v.phone, political_status=v.political_status, skills=v.skills, teams="、".join(teams.get(v.id, ())),
        status=v.status, volunteer_number=v.volunteer_number, registered_on=v.registered_on,
        hours=hours.get(v.id, 0.0), star_level=star_level(hours.get(v.id, 0.0), thresholds), address=v.address)
        for v in volunteers]


def _info(uow: UnitOfWork, v: Volunteer) -> VolunteerInfo:
    hours = total_hours(uow.session, [v.id]).get(v.id, 0.0)
    return VolunteerInfo(
        id=v.id, name=v.name, gender=v.gender, birth_date=v.birth_date, age=_age(v.birth_date, uow.today()),
        id_masked=mask_id_number(v.id_number), phone=v.phone, address=v.address,
        political_status=v.political_status, skills=v.skills, volunteer_number=v.volunteer_number,
        registered_on=v.registered_on, status=v.status, notes=v.notes, merged_into=v.merged_into,
        teams=tuple(team_names_by_volunteer(uow.session, [v.id]).get(v.id, ())), hours=hours,
        star_level=star_level(hours, load_settings(uow).star_thresholds))


# -- the service ------------------------------------------------------------------------------


def add_checked(uow: UnitOfWork, checked: CheckedVolunteer, *, flush: bool = True) -> Volunteer:
    """Store a checked volunteer (the caller has checked for duplicates); its id is set at once."""
    volunteer = Volunteer(id=new_id(), village_code=village_code(uow), merged_into="")
    _apply(volunteer, checked)
    uow.session.add(volunteer)
    if flush:
        uow.session.flush()
    return volunteer


def register_volunteer(uow: UnitOfWork, *, form: VolunteerForm, allow_similar: bool = False,
                       team_id: str = "") -> VolunteerInfo:
    """Register someone, and with ``team_id`` put them in that team as a member: both or neither."""
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    checked = check_form(form, today=uow.today())
    if team_id and not may_enlist(checked.status):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Someone who has left joins no team. Choose no team, or another status."), field="team_id")
    check_not_registered(uow.session, checked, asking=Asking.FORM, allow_similar=allow_similar)
    volunteer = add_checked(uow, checked)
    if team_id:
        add_member(uow, team_id=team_id, volunteer_id=volunteer.id)
    return _info(uow, volunteer)


def update_volunteer(uow: UnitOfWork, *, volunteer_id: str, form: VolunteerForm,
                     allow_similar: bool = False) -> VolunteerInfo:
    """Save an edited record; an ID number left as the masked text keeps the stored number.  A name and phone
    that another record has is a question (``PossibleDuplicate``) until ``allow_similar``."""
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    volunteer = volunteer_row(uow, volunteer_id)
    if is_merged(volunteer):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This record was merged into another one. Edit the record it was merged into."))
    typed = compact_text(form.id_number).upper()
    keep = volunteer.id_number if volunteer.id_number and typed == mask_id_number(volunteer.id_number) else None
    checked = check_form(form, today=uow.today(), id_number=keep)
    # The same name and phone is only worth a question when either of them changes.
    similar_checked = checked.name == volunteer.name and checked.phone == volunteer.phone
    check_not_registered(uow.session, checked, asking=Asking.EDIT, volunteer_id=volunteer.id,
                         allow_similar=allow_similar or similar_checked)
    _apply(volunteer, checked)
    uow.session.flush()
    return _info(uow, volunteer)


def get_volunteer(uow: UnitOfWork, *, volunteer_id: str) -> VolunteerInfo:
    uow.require(Permission.VIEW_DATA)
    return _info(uow, volunteer_row(uow, volunteer_id))


def reveal_id_number(uow: UnitOfWork, *, volunteer_id: str) -> str:
    """The full ID number, for those allowed to see it; every showing is logged."""
    uow.require(Permission.VIEW_ID_NUMBERS)
    volunteer = volunteer_row(uow, volunteer_id)
    uow.audit("show_id_number", entity="volunteers", entity_id=volunteer.id)
    return volunteer.id_number


def _filtered(query: Select, *, text: str, statuses: tuple[str, ...], team_id: str | None) -> Select:
    """The search's conditions, on the columns of ``ix_volunteers_search`` alone (see the model)."""
    query = query.where(Volunteer.deleted == false(), Volunteer.status.in_(list(statuses)))
    if team_id:
        query = query.where(Volunteer.id.in_(select(TeamMember.volunteer_id).where(
            TeamMember.team_id == team_id, TeamMember.deleted == false())))
    if is_number_query(text):
        digits = re.sub(r"[\s\-]", "", clean_text(text)).upper()
        # ``numbers`` holds the phone's digits (a landline without its dash) and the volunteer number
        return query.where(or_(func.substr(Volunteer.id_number, -len(digits)) == digits,
                               func.instr(Volunteer.numbers, digits) > 0))
    wanted = name_query(text)
    if wanted is None:
        return query
    query = query.where(or_(*(func.instr(Volunteer.search_text, pattern) > 0 for pattern in wanted.patterns)))
    for char in dict.fromkeys(wanted.han):
        # the search text starts with the name itself, so the name's characters are in it
        query = query.where(func.instr(Volunteer.search_text, char) > 0)
    return query


def _count_key(text: str, statuses: tuple[str, ...], team_id: str | None) -> tuple:
    return ("volunteer_count", clean_text(text), tuple(statuses), team_id)


def search_volunteers(uow: UnitOfWork, *, text: str = "", statuses: tuple[str, ...] = LISTED,
                      team_id: str | None = None, offset: int = 0, limit: int | None = 200) -> list[VolunteerRow]:
    """A page of the list: by name (Chinese, pinyin, initials, mixed), phone digits, ID ending, number."""
    uow.require(Permission.VIEW_DATA)
    query = _filtered(select(Volunteer.id), text=text, statuses=statuses, team_id=team_id)
    query = query.order_by(Volunteer.sort_key, Volunteer.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    ids = list(uow.session.scalars(query))
    # then the page's whole rows, by key, in the order found
    by_id = {v.id: v for start in range(0, len(ids), 500)
             for v in uow.session.scalars(select(Volunteer).where(Volunteer.id.in_(ids[start:start + 500])))}
    found = [by_id[volunteer_id] for volunteer_id in ids]
    if not uow.writable and (limit is None or len(found) < limit) and (found or offset == 0):
        # The page ran out, so it holds the last match: the count the list shows next is known
        # without a second pass (a read-only unit of work is one snapshot, so it cannot go stale).
        uow.session.info[_count_key(text, statuses, team_id)] = offset + len(found)
    return _rows(uow, found)


def count_volunteers(uow: UnitOfWork, *, text: str = "", statuses: tuple[str, ...] = LISTED,
                     team_id: str | None = None) -> int:
    uow.require(Permission.VIEW_DATA)
    known = uow.session.info.get(_count_key(text, statuses, team_id)) if not uow.writable else None
    if known is not None:
        return known
    query = _filtered(select(func.count()).select_from(Volunteer), text=text, statuses=statuses, team_id=team_id)
    return uow.session.scalar(query) or 0


def volunteer_choices(uow: UnitOfWork, *, text: str = "", limit: int = 50) -> list[VolunteerRow]:
    """Active volunteers matching ``text``, for pickers."""
    return search_volunteers(uow, text=text, statuses=(VolunteerStatus.ACTIVE.value,), limit=limit)


def find_duplicates(uow: UnitOfWork) -> list[DuplicateGroup]:
    """People registered twice: the same ID number, or the same name and phone."""
    uow.require(Permission.VIEW_DATA)
    session = uow.session
    same_id = select(Volunteer.id_number).where(*kept_records(), Volunteer.id_number != "").group_by(
        Volunteer.id_number).having(func.count() > 1)
    same_name_phone = select(Volunteer.name, Volunteer.phone).where(*kept_records(), Volunteer.phone != "").group_by(
        Volunteer.name, Volunteer.phone).having(func.count() > 1)
    members = list(session.scalars(select(Volunteer).where(*kept_records(), or_(
        Volunteer.id_number.in_(same_id), tuple_(Volunteer.name, Volunteer.phone).in_(same_name_phone)))
        .order_by(Volunteer.registered_on, Volunteer.created_at)))
    rows = dict(zip((v.id for v in members), _rows(uow, members), strict=True))
    by_key: dict[tuple, list[VolunteerRow]] = defaultdict(list)
    for volunteer in members:  # a person can be in both kinds of group
        if volunteer.id_number:
            by_key[("id_number", volunteer.id_number)].append(rows[volunteer.id])
        if volunteer.phone:
            by_key[("name_phone", volunteer.name, volunteer.phone)].append(rows[volunteer.id])
    groups = [DuplicateGroup(key[0], tuple(found)) for key, found in by_key.items() if len(found) > 1]
    groups.sort(key=lambda group: group.reason != "id_number")  # the same ID number first, as before
    return groups


_FILLED_FROM_DUPLICATE = ("id_number", "gender", "birth_date", "phone", "address", "political_status", "skills",
                          "volunteer_number", "registered_on", "notes")


def merge_volunteers(uow: UnitOfWork, *, keep_id: str, merge_id: str) -> VolunteerInfo:
    """Fold a duplicate into the record that is kept; its history stays and counts for the kept one."""
    uow.require(Permission.EDIT_VOLUNTEER_WORK)
    keep, merge = merge_records(uow, VOLUNTEERS, keep_id=keep_id, merge_id=merge_id, fill=_FILLED_FROM_DUPLICATE)
    kept_teams = {member.team_id: member for member in uow.session.scalars(select(TeamMember).where(
        TeamMember.volunteer_id == keep.id, TeamMember.deleted == false()))}
    moved = 0
    for member in uow.session.scalars(select(TeamMember).where(
            TeamMember.volunteer_id == merge.id, TeamMember.deleted == false())):
        already = kept_teams.get(member.team_id)
        if already is None:
            member.volunteer_id = keep.id
            kept_teams[member.team_id] = member
            moved += 1
        else:
            if member.role == MemberRole.LEADER.value and already.role != MemberRole.LEADER.value:
                already.role = MemberRole.LEADER.value
            member.deleted = True
    merge.status = VolunteerStatus.MERGED.value
    uow.session.flush()
    uow.audit("merge_volunteers", entity="volunteers", entity_id=keep.id, merged=merge.id, teams_moved=moved)
    return _info(uow, keep)
