"""Households in need (帮扶对象): registering and keeping them, their members and categories of help, finding
them fast, duplicates and merging, the households trained at a training, their timeline of what they received,
and their health, disability and income notes, which only who may see them opens, saying why.

What each result carries is what the person asking may see (desktop/domain/households.py ``may_see``): ID
numbers masked, and health, disability and income notes never in a list, an export, a printed paper or a
household's details — only in what ``reveal_sensitive`` returns, each opening written to the audit log.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from sqlalchemy import Select, func, or_, select, tuple_
from sqlalchemy.orm import Session

from desktop.domain.households import (
    BUILT_IN_CATEGORIES,
    HouseholdAction,
    HouseholdStatus,
    Relation,
    Sensitivity,
    TimelineKind,
    household_actions,
    may_see,
    takes_trainees,
)
from desktop.domain.hut import DocumentKind, goods_text
from desktop.domain.id_number import mask_id_number, validate_id_number
from desktop.domain.phone import normalise_phone
from desktop.domain.pinyin_search import is_number_query, name_query, text_sort_key
from desktop.domain.roles import Permission
from desktop.domain.sponsorships import EventKind
from desktop.domain.sync_kinds import LONG_TEXT, named_id
from desktop.domain.text import clean_text, compact_text
from desktop.domain.volunteering import ActivityStatus, age_on, parse_date
from desktop.domain.wishes import WishStatus
from desktop.errors import InvalidInput, PermissionDenied, Term
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import coded_lists
from desktop.services.coded_lists import HOUSEHOLD_CATEGORIES, Entry
from desktop.services.identities import HOUSEHOLDS, Identities, is_merged, kept_records, merge_records, record_row
from desktop.services.identities import volunteer_row as find_volunteer
from desktop.services.station import station_info, village_code
from desktop.services.volunteers import clean_name
from desktop.storage.models import (
    Activity,
    Household,
    HouseholdMember,
    HutDocument,
    Item,
    Sponsor,
    Sponsorship,
    SponsorshipEvent,
    StockMovement,
    Trainee,
    Volunteer,
    Wish,
    new_id,
)
from desktop.storage.uow import UnitOfWork

LISTED = (HouseholdStatus.HELPED.value,)
ALL_STATUSES = tuple(status.value for status in HouseholdStatus)
RECHECK_DUE_WITHIN_DAYS = 30  # a yearly re-check is listed as due this long before its date
MOST_PEOPLE = 99
SPECIAL_FIELDS = ("health", "disability", "income_notes")
MEMBER_SPECIAL_FIELDS = ("health", "disability")
_CHUNK = 500


# -- what is typed, and what is returned -----------------------------------------------------------------

@dataclass(frozen=True)
class HouseholdForm:
    """What a person types about a household; all text (``size`` a number), cleaned and checked by the
    service.  Its status is set once at registration and then changed by ``change_status``."""

    head_name: str
    id_number: str = ""
    phone: str = ""
    group_name: str = ""     # 村民小组
    address: str = ""
    size: int | str = 0      # people in the household; 0 when not known
    categories: tuple[str, ...] = ()
    poverty_cause: str = ""
    recheck_on: str = ""     # "" = a year from today
    notes: str = ""


@dataclass(frozen=True)
class SpecialNotes:
    """A household's health, disability and income notes (a member's have no income notes)."""

    health: str = ""
    disability: str = ""
    income_notes: str = ""


@dataclass(frozen=True)
class MemberForm:
    name: str
    relation: str = Relation.OTHER.value
    birth_date: str = ""
    id_number: str = ""
    volunteer_id: str = ""   # the member is also this volunteer
    notes: str = ""


CategoryInfo = Entry  # a category of help: its code, its name (a built-in one's English label), built in, offered


@dataclass(frozen=True)
class HouseholdRow:
    """A line of the household list: nothing more sensitive than a masked ID number."""

    id: str
    head_name: str
    id_masked: str
    phone: str
    group_name: str
    address: str
    size: int
    categories: tuple[str, ...]
    category_names: tuple[str, ...]  # each a ``Term`` for a built-in category (to translate), else as given
    poverty_cause: str
    status: str
    status_on: str
    recheck_on: str
    recheck_due: bool
    members: int
    notes: str = ""


@dataclass(frozen=True)
class MemberInfo:
    id: str
    household_id: str
    name: str
    relation: str
    birth_date: str
    age: int | None
    id_masked: str
    volunteer_id: str
    volunteer_name: str
    notes: str


@dataclass(frozen=True)
class HouseholdInfo:
    """A household as the person asking may see it: its ID number masked, its special notes left out (which of
    them hold something is said to who may open them)."""

    row: HouseholdRow
    members: tuple[MemberInfo, ...]
    merged_into: str
    actions: frozenset[HouseholdAction]
    special_recorded: tuple[str, ...] = ()  # which of SPECIAL_FIELDS hold something, for who may open them

    @property
    def id(self) -> str:
        return self.row.id


@dataclass(frozen=True)
class MemberNotes:
    member_id: str
    name: str
    health: str
    disability: str


@dataclass(frozen=True)
class RevealedNotes:
    """What ``reveal_sensitive`` opened: the household's notes and its members'."""

    household_id: str
    notes: SpecialNotes
    members: tuple[MemberNotes, ...]


@dataclass(frozen=True)
class TimelineEntry:
    """One thing a household received."""

    on: str             # ISO date
    kind: str           # a TimelineKind
    what: str
    by: str = ""        # who gave it, visited or trained
    amount: float = 0.0
    source_id: str = ""


@dataclass(frozen=True)
class TraineeInfo:
    id: str
    activity_id: str
    household_id: str
    member_id: str
    name: str
    head_name: str
    group_name: str


@dataclass(frozen=True)
class DuplicateGroup:
    reason: str  # "id_number" or "name_place"
    households: tuple[HouseholdRow, ...]


@dataclass(frozen=True)
class VisitSummary:
    """What the paper for a visit shows: the household, its members and its timeline, as the role may see it."""

    household: HouseholdInfo
    timeline: tuple[TimelineEntry, ...]
    village_name: str
    printed_on: str


class PossibleDuplicate(InvalidInput):
    """A household of the same head at the same place is registered; ``params`` has ``other_id`` and ``other_name``."""


# -- who may see what ---------------------------------------------------------------------------------

def _permissions(uow: UnitOfWork) -> frozenset[Permission]:
    return uow.role().permissions


def _require_special(uow: UnitOfWork) -> None:
    """Health, disability and income notes are refused by the service itself to a role that may not see them."""
    uow.require(Permission.VIEW_DATA)
    if not may_see(Sensitivity.SPECIAL, _permissions(uow)):
        raise PermissionDenied(QT_TRANSLATE_NOOP(
            "desktop", "Health, disability and income notes are kept from your role ({role}). Ask the volunteer "
            "coordinator or the station admin."), role=Term(uow.role().label))


# -- categories ---------------------------------------------------------------------------------------

def list_categories(uow: UnitOfWork, *, include_inactive: bool = False) -> list[CategoryInfo]:
    """The built-in categories of help, then those the admin added (in pinyin order)."""
    uow.require(Permission.VIEW_DATA)
    return HOUSEHOLD_CATEGORIES.entries(uow.session, include_inactive=include_inactive)


def add_category(uow: UnitOfWork, *, name: str) -> CategoryInfo:
    """A category of help beside the built-in ones (the station admin's)."""
    uow.require(Permission.MANAGE_STATION)
    return coded_lists.add_own(uow, HOUSEHOLD_CATEGORIES, name=name)


def rename_category(uow: UnitOfWork, *, code: str, name: str) -> CategoryInfo:
    uow.require(Permission.MANAGE_STATION)
    return coded_lists.rename_own(uow, HOUSEHOLD_CATEGORIES, code=code, name=name)


def set_category_active(uow: UnitOfWork, *, code: str, active: bool) -> CategoryInfo:
    """Switch a category the admin added off (households keep it; it is no longer offered) or on again."""
    uow.require(Permission.MANAGE_STATION)
    return coded_lists.set_own_active(uow, HOUSEHOLD_CATEGORIES, code=code, active=active)


# -- checking ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CheckedHousehold:
    """A form after cleaning and checking: the values as they are stored."""

    head_name: str
    id_number: str
    phone: str
    group_name: str
    address: str
    size: int
    categories: str
    poverty_cause: str
    recheck_on: str
    notes: str


def parse_size(value: int | str, *, field: str = "size") -> int:
    """People in the household: a whole number from 0 (not known) to 99; "4", "4人" and "4口" are read."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = compact_text(str(value)).removesuffix("人").removesuffix("口")
        if not text:
            return 0
        if not text.isdigit():
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "\"{value}\" is not a number of people. Write how many live in the household, "
                "like 4."), field=field, value=str(value))
        number = int(text)
    if not 0 <= number <= MOST_PEOPLE:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "A household has at most {most} people; {value} cannot be right."), field=field,
            most=MOST_PEOPLE, value=number)
    return number


def _checked_categories(session: Session, codes: Iterable[str], *, kept: Iterable[str] = ()) -> str:
    """The codes in the order of the list; a switched-off category is refused unless the household had it."""
    offered = {entry.code for entry in HOUSEHOLD_CATEGORIES.entries(session)}
    allowed = offered | set(kept)
    chosen = list(dict.fromkeys(clean_text(code) for code in codes if clean_text(code)))
    for code in chosen:
        if code not in allowed:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Choose the categories of help from the list."), field="categories")
    return _in_list_order(chosen)


def _in_list_order(codes: Iterable[str]) -> str:
    """Category codes as stored: the built-in ones in the order of the list, then the station's own."""
    built_in = list(BUILT_IN_CATEGORIES)
    return ",".join(sorted(dict.fromkeys(code for code in codes if code), key=lambda code: (
        built_in.index(code) if code in built_in else len(built_in), code)))


def _text(value: str, *, field: str, most: int, message: str) -> str:
    cleaned = clean_text(value)
    if len(cleaned) > most:
        raise InvalidInput(message, field=field, most=most)
    return cleaned


def check_household(session: Session, form: HouseholdForm, *, today: date, id_number: str | None = None,
                    kept_categories: Iterable[str] = ()) -> CheckedHousehold:
    """Clean and check what was typed, field by field, or raise ``InvalidInput`` naming the field.

    ``id_number`` replaces ``form.id_number`` when the form showed the stored number masked."""
    head = clean_name(form.head_name)
    if not head:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter the name of the head of the household."),
                           field="head_name")
    if len(head) > 64:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "A name has at most 64 characters."), field="head_name")
    typed_id = form.id_number if id_number is None else id_number
    number = validate_id_number(typed_id).number if clean_text(typed_id) else ""
    phone = normalise_phone(form.phone) if clean_text(form.phone) else ""
    too_long = QT_TRANSLATE_NOOP("desktop", "This text is too long: at most {most} characters can be kept.")
    recheck = (parse_date(clean_text(form.recheck_on), field="recheck_on") if clean_text(form.recheck_on)
               else _a_year_after(today))
    return CheckedHousehold(
        head_name=head, id_number=number, phone=phone,
        group_name=_text(form.group_name, field="group_name", most=64, message=too_long),
        address=_text(form.address, field="address", most=200, message=too_long),
        size=parse_size(form.size), categories=_checked_categories(session, form.categories, kept=kept_categories),
        poverty_cause=_text(form.poverty_cause, field="poverty_cause", most=200, message=too_long),
        recheck_on=recheck.isoformat(), notes=_text(form.notes, field="notes", most=LONG_TEXT, message=too_long))


def _a_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _checked_status(status: str, on: str | date, *, today: date) -> tuple[str, str]:
    code = HouseholdStatus.parse(status or HouseholdStatus.HELPED.value, field="status", message=QT_TRANSLATE_NOOP(
        "desktop", "Choose the status from the list.")).value
    day = parse_date(on, field="status_on") if (on if isinstance(on, date) else clean_text(on)) else today
    if day > today:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The date {value} is in the future. Enter the day the status changed."),
            field="status_on", value=day.isoformat())
    return code, day.isoformat()


def _checked_notes(notes: SpecialNotes, fields: tuple[str, ...]) -> dict[str, str]:
    too_long = QT_TRANSLATE_NOOP("desktop", "This text is too long: at most {most} characters can be kept.")
    return {name: _text(getattr(notes, name), field=name, most=LONG_TEXT, message=too_long) for name in fields}


def place_of(group_name: str, address: str) -> str:
    """Where a household lives, as people say it: its villagers' group and its address ("" when neither is known).
    The same head at the same place is the same household, perhaps registered twice."""
    return "，".join(part for part in (group_name, address) if part)


class Registered:
    """ID numbers and (head, place) pairs of kept households, read once, to check one form or a whole import."""

    def __init__(self, session: Session, *, like: CheckedHousehold | None = None) -> None:
        query = select(Household.id, Household.head_name, Household.id_number, Household.group_name,
                       Household.address).where(*kept_records(HOUSEHOLDS))
        if like is not None:
            query = query.where(or_(Household.id_number == like.id_number, Household.head_name == like.head_name))
        self._by_id_number: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self._by_name_place: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for household_id, name, id_number, group_name, address in session.execute(query):
            self._note(household_id, name, id_number, place_of(group_name, address))

    def _note(self, household_id: str, name: str, id_number: str, place: str) -> None:
        if id_number:
            self._by_id_number[id_number].append((household_id, name))
        if place:
            self._by_name_place[(name, place)].append((household_id, name))

    def add(self, household_id: str, checked: CheckedHousehold) -> None:
        self._note(household_id, checked.head_name, checked.id_number, place_of(checked.group_name, checked.address))

    def check(self, checked: CheckedHousehold, *, household_id: str | None = None,
              allow_similar: bool = False) -> None:
        """Refuse an ID number another household's head has; flag the same head at the same place."""
        others = [o for o in self._by_id_number.get(checked.id_number, ()) if o[0] != household_id]
        if checked.id_number and others:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "The household of {other_name} is already registered with the ID number {masked}. "
                "Check the number, or open that household instead."), field="id_number",
                other_name=others[0][1], other_id=others[0][0], masked=mask_id_number(checked.id_number))
        place = place_of(checked.group_name, checked.address)
        if allow_similar or not place:
            return
        others = [o for o in self._by_name_place.get((checked.head_name, place), ()) if o[0] != household_id]
        if others:
            raise PossibleDuplicate(QT_TRANSLATE_NOOP(
                "desktop", "A household of {other_name} at {address} is already registered. If this is another "
                "household, save again to keep it anyway."), field="head_name", other_id=others[0][0],
                other_name=others[0][1], address=place)


def _apply(household: Household, checked: CheckedHousehold) -> None:
    for name in ("head_name", "id_number", "phone", "group_name", "address", "size", "categories", "poverty_cause",
                 "recheck_on", "notes"):
        if getattr(household, name) != getattr(checked, name):
            setattr(household, name, getattr(checked, name))


def _apply_notes(row: Household | HouseholdMember, notes: dict[str, str]) -> None:
    for name, value in notes.items():
        if getattr(row, name) != value:
            setattr(row, name, value)


# -- results -------------------------------------------------------------------------------------------

def _recheck_due(household: Household, today: date) -> bool:
    return (household.status == HouseholdStatus.HELPED.value and bool(household.recheck_on)
            and household.recheck_on <= (today + timedelta(days=RECHECK_DUE_WITHIN_DAYS)).isoformat())


def _member_counts(session: Session, households: list[Household]) -> dict[str, int]:
    """Members of each household, those of the records merged into it too."""
    identities = Identities.load(session, HOUSEHOLDS)
    owner = {rid: household.id for household in households for rid in identities.counted_ids(household.id)}
    counts: dict[str, int] = defaultdict(int)
    ids = list(owner)
    for start in range(0, len(ids), _CHUNK):
        for household_id, count in session.execute(
                select(HouseholdMember.household_id, func.count()).where(
                    HouseholdMember.household_id.in_(ids[start:start + _CHUNK]),
                    HouseholdMember.deleted.is_(False)).group_by(HouseholdMember.household_id)):
            counts[owner[household_id]] += count
    return counts


def _rows(uow: UnitOfWork, households: list[Household]) -> list[HouseholdRow]:
    names = HOUSEHOLD_CATEGORIES.names(uow.session)
    counts = _member_counts(uow.session, households)
    today = uow.today()
    rows = []
    for household in households:
        codes = tuple(code for code in household.categories.split(",") if code)
        rows.append(HouseholdRow(
            id=household.id, head_name=household.head_name, id_masked=mask_id_number(household.id_number),
            phone=household.phone, group_name=household.group_name, address=household.address,
            size=household.size, categories=codes, category_names=tuple(names.get(code, code) for code in codes),
            poverty_cause=household.poverty_cause, status=household.status, status_on=household.status_on,
            recheck_on=household.recheck_on, recheck_due=_recheck_due(household, today),
            members=counts.get(household.id, 0), notes=household.notes))
    return rows


def _age(birth_date: str, today: date) -> int | None:
    try:
        return age_on(date.fromisoformat(birth_date), today)
    except ValueError:
        return None


def _members(uow: UnitOfWork, household_ids: list[str]) -> list[MemberInfo]:
    rows = uow.session.execute(
        select(HouseholdMember, Volunteer.name).outerjoin(Volunteer, Volunteer.id == HouseholdMember.volunteer_id)
        .where(HouseholdMember.household_id.in_(household_ids), HouseholdMember.deleted.is_(False))
        .order_by(HouseholdMember.created_at, HouseholdMember.id)).all()
    today = uow.today()
    return [MemberInfo(id=m.id, household_id=m.household_id, name=m.name, relation=m.relation,
                       birth_date=m.birth_date, age=_age(m.birth_date, today), id_masked=mask_id_number(m.id_number),
                       volunteer_id=m.volunteer_id, volunteer_name=volunteer or "", notes=m.notes)
            for m, volunteer in rows]


def _counted(uow: UnitOfWork, household: Household) -> list[str]:
    return Identities.load(uow.session, HOUSEHOLDS).counted_ids(household.id)


def _info(uow: UnitOfWork, household: Household) -> HouseholdInfo:
    permissions = _permissions(uow)
    recorded = tuple(name for name in SPECIAL_FIELDS if getattr(household, name)) \
        if may_see(Sensitivity.SPECIAL, permissions) else ()
    return HouseholdInfo(row=_rows(uow, [household])[0], members=tuple(_members(uow, _counted(uow, household))),
                         merged_into=household.merged_into,
                         actions=household_actions(merged=is_merged(household), permissions=permissions),
                         special_recorded=recorded)


# -- households ---------------------------------------------------------------------------------------

def _household(uow: UnitOfWork, household_id: str) -> Household:
    return record_row(uow, HOUSEHOLDS, household_id)


def _changeable(uow: UnitOfWork, household_id: str) -> Household:
    household = _household(uow, household_id)
    if is_merged(household):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This household was merged into another record. Change the record it was merged into."),
            field="household_id")
    return household


def register_household(uow: UnitOfWork, *, form: HouseholdForm, status: str = HouseholdStatus.HELPED.value,
                       status_on: str = "", special: SpecialNotes | None = None,
                       allow_similar: bool = False) -> HouseholdInfo:
    """Register a household in need; ``special`` notes only from who may see them."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    if special is not None and any(getattr(special, name) for name in SPECIAL_FIELDS):
        _require_special(uow)
    today = uow.today()
    checked = check_household(uow.session, form, today=today)
    code, since = _checked_status(status, status_on, today=today)
    notes = _checked_notes(special or SpecialNotes(), SPECIAL_FIELDS)
    Registered(uow.session, like=checked).check(checked, allow_similar=allow_similar)
    household = add_checked(uow, checked, status=code, status_on=since)
    _apply_notes(household, notes)
    uow.session.flush()
    return _info(uow, household)


def add_checked(uow: UnitOfWork, checked: CheckedHousehold, *, status: str, status_on: str) -> Household:
    """Store a checked household (the caller has checked for duplicates)."""
    household = Household(id=new_id(), village_code=village_code(uow), merged_into="", status=status,
                          status_on=status_on)
    _apply(household, checked)
    uow.session.add(household)
    return household


def update_household(uow: UnitOfWork, *, household_id: str, form: HouseholdForm,
                     special: SpecialNotes | None = None, allow_similar: bool = False) -> HouseholdInfo:
    """Save an edited household; an ID number left as the masked text keeps the stored number.  ``special``
    None leaves the notes as they are; changing them needs the right to see them."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    if special is not None:
        _require_special(uow)
    household = _changeable(uow, household_id)
    typed = compact_text(form.id_number).upper()
    keep = household.id_number if household.id_number and typed == mask_id_number(household.id_number) else None
    checked = check_household(uow.session, form, today=uow.today(), id_number=keep,
                              kept_categories=household.categories.split(","))
    same = (checked.head_name, place_of(checked.group_name, checked.address)) == (
        household.head_name, place_of(household.group_name, household.address))
    Registered(uow.session, like=checked).check(checked, household_id=household.id,
                                                allow_similar=allow_similar or same)
    _apply(household, checked)
    if special is not None:
        _apply_notes(household, _checked_notes(special, SPECIAL_FIELDS))
    uow.session.flush()
    return _info(uow, household)


def change_status(uow: UnitOfWork, *, household_id: str, status: str, on: str | date = "") -> HouseholdInfo:
    """Being helped, out of poverty, moved away or deceased, from the day it changed (today if not given)."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    household = _changeable(uow, household_id)
    code, since = _checked_status(status, on, today=uow.today())
    if code == household.status and since == household.status_on:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The household has this status since that day already. Choose another status or day."),
            field="status")
    household.status, household.status_on = code, since
    uow.session.flush()
    return _info(uow, household)


def get_household(uow: UnitOfWork, *, household_id: str) -> HouseholdInfo:
    uow.require(Permission.VIEW_DATA)
    return _info(uow, _household(uow, household_id))


def reveal_sensitive(uow: UnitOfWork, *, household_id: str, reason: str) -> RevealedNotes:
    """The household's and its members' health, disability and income notes, for who may see them, after
    saying why: the audit log keeps who opened them, for which household and why."""
    uow.require(Permission.VIEW_DATA)
    _require_special(uow)
    why = clean_text(reason)
    if len(compact_text(why)) < 2:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Say why you open these notes (for example: a home visit, an application for help)."),
            field="reason")
    if len(why) > 200:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Say why in at most 200 characters."), field="reason")
    household = _household(uow, household_id)
    members = uow.session.scalars(select(HouseholdMember).where(
        HouseholdMember.household_id.in_(_counted(uow, household)), HouseholdMember.deleted.is_(False))
        .order_by(HouseholdMember.created_at, HouseholdMember.id)).all()
    uow.audit("show_sensitive", entity="households", entity_id=household.id, reason=why)
    return RevealedNotes(household.id, SpecialNotes(household.health, household.disability, household.income_notes),
                         tuple(MemberNotes(m.id, m.name, m.health, m.disability) for m in members))


def reveal_household_id_number(uow: UnitOfWork, *, household_id: str) -> str:
    """The head's full ID number, for those allowed to see it; every showing is logged."""
    uow.require(Permission.VIEW_ID_NUMBERS)
    household = _household(uow, household_id)
    uow.audit("show_id_number", entity="households", entity_id=household.id)
    return household.id_number


# -- the list -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class HouseholdFilter:
    text: str = ""
    statuses: tuple[str, ...] = LISTED
    category: str = ""
    group_name: str | None = None  # None: any group; "" : households of no group
    recheck_due: bool = False


def _filtered(query: Select, where: HouseholdFilter, today: date) -> Select:
    query = query.where(*kept_records(HOUSEHOLDS), Household.status.in_(list(where.statuses)))
    if where.category:
        query = query.where(func.instr("," + Household.categories + ",", f",{where.category},") > 0)
    if where.group_name is not None:
        query = query.where(Household.group_name == where.group_name)
    if where.recheck_due:
        query = query.where(Household.status == HouseholdStatus.HELPED.value, Household.recheck_on != "",
                            Household.recheck_on <= (today + timedelta(days=RECHECK_DUE_WITHIN_DAYS)).isoformat())
    text = where.text
    if is_number_query(text):
        digits = re.sub(r"[\s\-]", "", clean_text(text)).upper()
        return query.where(or_(func.substr(Household.id_number, -len(digits)) == digits,
                               func.instr(func.replace(Household.phone, "-", ""), digits) > 0))
    wanted = name_query(text)
    if wanted is None:
        return query
    query = query.where(or_(*(func.instr(Household.search_text, pattern) > 0 for pattern in wanted.patterns)))
    for char in dict.fromkeys(wanted.han):
        query = query.where(func.instr(Household.search_text, char) > 0)
    return query


def search_households(uow: UnitOfWork, *, where: HouseholdFilter = HouseholdFilter(), offset: int = 0,
                      limit: int | None = None) -> list[HouseholdRow]:
    """The households the filter asks for, in pinyin order of the head's name: by name (Chinese, pinyin,
    initials), phone digits or the end of the ID number; by status, category, villagers' group and whether the
    yearly re-check is due."""
    uow.require(Permission.VIEW_DATA)
    query = _filtered(select(Household), where, uow.today()).order_by(Household.sort_key, Household.id)
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return _rows(uow, list(uow.session.scalars(query)))


def count_households(uow: UnitOfWork, *, where: HouseholdFilter = HouseholdFilter()) -> int:
    uow.require(Permission.VIEW_DATA)
    return uow.session.scalar(_filtered(select(func.count()).select_from(Household), where, uow.today())) or 0


def households_due_for_recheck(uow: UnitOfWork) -> list[HouseholdRow]:
    """Households being helped whose yearly re-check is due within RECHECK_DUE_WITHIN_DAYS, or overdue."""
    return search_households(uow, where=HouseholdFilter(recheck_due=True))


def household_groups(uow: UnitOfWork) -> list[str]:
    """The villagers' groups (村民小组) households are in, for the filter."""
    uow.require(Permission.VIEW_DATA)
    groups = uow.session.scalars(select(Household.group_name).where(*kept_records(HOUSEHOLDS),
                                                                     Household.group_name != "").distinct())
    return sorted(groups, key=text_sort_key)


def household_choices(uow: UnitOfWork, *, text: str = "", limit: int = 50) -> list[HouseholdRow]:
    """Households being helped matching ``text``, for pickers."""
    return search_households(uow, where=HouseholdFilter(text=text), limit=limit)


# -- members ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CheckedMember:
    name: str
    relation: str
    birth_date: str
    id_number: str
    volunteer_id: str
    notes: str


def check_member(uow: UnitOfWork, form: MemberForm, *, id_number: str | None = None) -> CheckedMember:
    name = clean_name(form.name)
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter the member's name."), field="name")
    if len(name) > 64:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "A name has at most 64 characters."), field="name")
    relation = Relation.parse(form.relation or Relation.OTHER.value, field="relation", message=QT_TRANSLATE_NOOP(
        "desktop", "Choose the relation to the head from the list.")).value
    typed_id = form.id_number if id_number is None else id_number
    checked_id = validate_id_number(typed_id) if clean_text(typed_id) else None
    born = parse_date(clean_text(form.birth_date), field="birth_date") if clean_text(form.birth_date) else None
    if born is not None and born > uow.today():
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The birth date {value} is in the future. Check it."), field="birth_date",
            value=born.isoformat())
    if checked_id is not None:
        if born is not None and born != checked_id.birth_date:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "The birth date {value} is not the one in the ID number ({born}). Check both."),
                field="birth_date", value=born.isoformat(), born=checked_id.birth_date.isoformat())
        born = checked_id.birth_date
    volunteer_id = ""
    if form.volunteer_id:
        volunteer_id = find_volunteer(uow, form.volunteer_id, follow_merge=True).id
    too_long = QT_TRANSLATE_NOOP("desktop", "This text is too long: at most {most} characters can be kept.")
    return CheckedMember(name=name, relation=relation, birth_date=born.isoformat() if born else "",
                         id_number=checked_id.number if checked_id else "", volunteer_id=volunteer_id,
                         notes=_text(form.notes, field="notes", most=LONG_TEXT, message=too_long))


def _member_row(uow: UnitOfWork, member_id: str) -> HouseholdMember:
    member = uow.session.get(HouseholdMember, member_id) if member_id else None
    if member is None or member.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This member is no longer in the household. Refresh the list."), field="member_id")
    return member


def _member_info(uow: UnitOfWork, member: HouseholdMember) -> MemberInfo:
    return next(info for info in _members(uow, [member.household_id]) if info.id == member.id)


def add_household_member(uow: UnitOfWork, *, household_id: str, form: MemberForm,
               special: SpecialNotes | None = None) -> MemberInfo:
    uow.require(Permission.EDIT_HOUSEHOLDS)
    if special is not None and any(getattr(special, name) for name in MEMBER_SPECIAL_FIELDS):
        _require_special(uow)
    household = _changeable(uow, household_id)
    checked = check_member(uow, form)
    notes = _checked_notes(special or SpecialNotes(), MEMBER_SPECIAL_FIELDS)
    member = HouseholdMember(village_code=village_code(uow), household_id=household.id, **asdict(checked))
    _apply_notes(member, notes)
    uow.session.add(member)
    uow.session.flush()
    return _member_info(uow, member)


def update_household_member(uow: UnitOfWork, *, member_id: str, form: MemberForm,
                  special: SpecialNotes | None = None) -> MemberInfo:
    """Save an edited member; ``special`` None leaves their health and disability notes as they are."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    if special is not None:
        _require_special(uow)
    member = _member_row(uow, member_id)  # one of a merged household's too: it counts for the record kept
    typed = compact_text(form.id_number).upper()
    keep = member.id_number if member.id_number and typed == mask_id_number(member.id_number) else None
    checked = check_member(uow, form, id_number=keep)
    for name, value in asdict(checked).items():
        if getattr(member, name) != value:
            setattr(member, name, value)
    if special is not None:
        _apply_notes(member, _checked_notes(special, MEMBER_SPECIAL_FIELDS))
    uow.session.flush()
    return _member_info(uow, member)


def remove_household_member(uow: UnitOfWork, *, member_id: str) -> str:
    """Take a member off the household (the record stays, marked removed); returns the household's id."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    member = _member_row(uow, member_id)
    member.deleted = True
    uow.session.flush()
    return member.household_id


def list_household_members(uow: UnitOfWork, *, household_id: str) -> list[MemberInfo]:
    uow.require(Permission.VIEW_DATA)
    return _members(uow, _counted(uow, _household(uow, household_id)))


# -- duplicates and merging ---------------------------------------------------------------------------

def find_duplicate_households(uow: UnitOfWork) -> list[DuplicateGroup]:
    """Households registered twice: the same head's ID number, or the same head's name at the same place (its
    villagers' group and address)."""
    uow.require(Permission.VIEW_DATA)
    session = uow.session
    kept = kept_records(HOUSEHOLDS)
    same_id = select(Household.id_number).where(*kept, Household.id_number != "").group_by(
        Household.id_number).having(func.count() > 1)
    place = (Household.head_name, Household.group_name, Household.address)
    same_place = select(*place).where(*kept, or_(Household.group_name != "", Household.address != "")).group_by(
        *place).having(func.count() > 1)
    found = list(session.scalars(select(Household).where(*kept, or_(
        Household.id_number.in_(same_id), tuple_(*place).in_(same_place)))
        .order_by(Household.created_at, Household.id)))
    rows = dict(zip((h.id for h in found), _rows(uow, found), strict=True))
    by_key: dict[tuple, list[HouseholdRow]] = defaultdict(list)
    for household in found:
        if household.id_number:
            by_key[("id_number", household.id_number)].append(rows[household.id])
        if place_of(household.group_name, household.address):
            by_key[("name_place", household.head_name, household.group_name, household.address)].append(
                rows[household.id])
    groups = [DuplicateGroup(key[0], tuple(members)) for key, members in by_key.items() if len(members) > 1]
    groups.sort(key=lambda group: group.reason != "id_number")
    return groups


_FILLED_FROM_DUPLICATE = ("id_number", "phone", "group_name", "address", "poverty_cause", "health", "disability",
                          "income_notes", "notes")


def merge_households(uow: UnitOfWork, *, keep_id: str, merge_id: str) -> HouseholdInfo:
    """Fold a duplicate into the record kept: its members, wishes, sponsorships and trainings count for the
    kept household from now on (nothing of either history is rewritten); its categories join the kept one's."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    keep, merge = merge_records(uow, HOUSEHOLDS, keep_id=keep_id, merge_id=merge_id, fill=_FILLED_FROM_DUPLICATE)
    joined = _in_list_order([*keep.categories.split(","), *merge.categories.split(",")])
    if joined != keep.categories:
        keep.categories = joined
    if not keep.size and merge.size:
        keep.size = merge.size
    uow.session.flush()
    uow.audit("merge_households", entity="households", entity_id=keep.id, merged=merge.id)
    return _info(uow, keep)


# -- the timeline -------------------------------------------------------------------------------------------

# One query per source, each for every id counted for the household (a merged duplicate's too); a new source
# of what households receive (the love hut's distributions and points) is one more function in SOURCES.
TimelineSource = Callable[[Session, list[str]], list[TimelineEntry]]


def _wishes_fulfilled(session: Session, ids: list[str]) -> list[TimelineEntry]:
    rows = session.execute(select(Wish.id, Wish.fulfilled_on, Wish.words, Wish.given, Wish.given_by,
                                  Wish.estimated_value).where(
        Wish.household_id.in_(ids), Wish.status == WishStatus.FULFILLED.value, Wish.deleted.is_(False)))
    return [TimelineEntry(on=on, kind=TimelineKind.WISH.value, what=given or words, by=given_by, amount=value,
                          source_id=wish_id) for wish_id, on, words, given, given_by, value in rows]


def _sponsorship_events(session: Session, ids: list[str]) -> list[TimelineEntry]:
    rows = session.execute(
        select(SponsorshipEvent.id, SponsorshipEvent.happened_on, SponsorshipEvent.kind, SponsorshipEvent.what,
               SponsorshipEvent.amount, Sponsor.name)
        .join(Sponsorship, Sponsorship.id == SponsorshipEvent.sponsorship_id)
        .outerjoin(Sponsor, Sponsor.id == Sponsorship.sponsor_id)
        .where(Sponsorship.household_id.in_(ids), Sponsorship.deleted.is_(False),
               SponsorshipEvent.deleted.is_(False)))
    kinds = {EventKind.VISIT.value: TimelineKind.VISIT.value, EventKind.HANDOVER.value: TimelineKind.HANDOVER.value,
             EventKind.NOTE.value: TimelineKind.SPONSOR_NOTE.value}
    return [TimelineEntry(on=on, kind=kinds.get(kind, TimelineKind.VISIT.value), what=what, by=sponsor or "",
                          amount=amount, source_id=event_id) for event_id, on, kind, what, amount, sponsor in rows]


def _trainings(session: Session, ids: list[str]) -> list[TimelineEntry]:
    rows = session.execute(
        select(Trainee.id, Activity.date, Activity.title, Trainee.name)
        .join(Activity, Activity.id == Trainee.activity_id)
        .where(Trainee.household_id.in_(ids), Trainee.deleted.is_(False), Activity.deleted.is_(False),
               Activity.status != ActivityStatus.CANCELLED.value))
    return [TimelineEntry(on=on, kind=TimelineKind.TRAINING.value, what=title, by=name, source_id=trainee_id)
            for trainee_id, on, title, name in rows]


def _hut_documents(session: Session, ids: list[str]) -> list[TimelineEntry]:
    """Goods the love hut handed out to the household, or it took for its points (one entry a document, its goods
    in a line; a document a reversal undid is left out)."""
    kinds = {DocumentKind.DISTRIBUTION.value: TimelineKind.HUT_GOODS.value,
             DocumentKind.EXCHANGE.value: TimelineKind.HUT_EXCHANGE.value}
    rows = session.execute(
        select(HutDocument.id, HutDocument.happened_on, HutDocument.kind, HutDocument.recorded_by_name,
               StockMovement.quantity, StockMovement.unit_value, Item.name, Item.unit)
        .join(StockMovement, StockMovement.document_id == HutDocument.id)
        .join(Item, Item.id == StockMovement.item_id)
        .where(HutDocument.household_id.in_(ids), HutDocument.kind.in_(list(kinds)), HutDocument.deleted.is_(False),
               StockMovement.deleted.is_(False),
               ~HutDocument.id.in_(select(HutDocument.corrects_id).where(
                   HutDocument.kind == DocumentKind.REVERSAL.value, HutDocument.deleted.is_(False)))))
    found: dict[str, tuple[str, str, str, list[tuple[str, float, str]], list[float]]] = {}
    for document_id, on, kind, by, moved, unit_value, name, unit in rows:
        entry = found.setdefault(document_id, (on, kind, by, [], [0.0]))
        entry[3].append((name, moved, unit))
        entry[4][0] += abs(moved) * unit_value
    return [TimelineEntry(on=on, kind=kinds[kind], what=goods_text(goods), by=by, amount=round(value[0], 2),
                          source_id=document_id)
            for document_id, (on, kind, by, goods, value) in found.items()]


SOURCES: list[TimelineSource] = [_wishes_fulfilled, _sponsorship_events, _trainings, _hut_documents]


def household_timeline(uow: UnitOfWork, *, household_id: str) -> list[TimelineEntry]:
    """Everything the household received, newest first, from every source (a merged duplicate's too)."""
    uow.require(Permission.VIEW_DATA)
    ids = _counted(uow, _household(uow, household_id))
    entries = [entry for source in SOURCES for entry in source(uow.session, ids)]
    entries.sort(key=lambda entry: (entry.on, entry.kind, entry.source_id), reverse=True)
    return entries


def visit_summary(uow: UnitOfWork, *, household_id: str) -> VisitSummary:
    """What the A4 paper for a visit shows (never the special notes; the ID numbers masked)."""
    info = get_household(uow, household_id=household_id)
    return VisitSummary(household=info, timeline=tuple(household_timeline(uow, household_id=household_id)),
                        village_name=station_info(uow).village.name, printed_on=uow.today().isoformat())


# -- trainings --------------------------------------------------------------------------------------------

def _training(uow: UnitOfWork, activity_id: str) -> Activity:
    activity = uow.session.get(Activity, activity_id) if activity_id else None
    if activity is None or activity.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This activity no longer exists. Refresh the list."), field="activity_id")
    if not takes_trainees(activity.kind, activity.status):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Households trained are recorded for a training that was not cancelled. Choose a "
            "training."), field="activity_id")
    return activity


def _trainee_infos(session: Session, trainees: list[Trainee]) -> list[TraineeInfo]:
    ids = list({trainee.household_id for trainee in trainees})
    heads = {row.id: row for row in session.scalars(select(Household).where(Household.id.in_(ids)))}
    infos = [TraineeInfo(t.id, t.activity_id, t.household_id, t.member_id, t.name,
                         heads[t.household_id].head_name if t.household_id in heads else "",
                         heads[t.household_id].group_name if t.household_id in heads else "") for t in trainees]
    return sorted(infos, key=lambda info: (text_sort_key(info.head_name), text_sort_key(info.name)))


def list_trainees(uow: UnitOfWork, *, activity_id: str) -> list[TraineeInfo]:
    uow.require(Permission.VIEW_DATA)
    return _trainee_infos(uow.session, list(uow.session.scalars(select(Trainee).where(
        Trainee.activity_id == activity_id, Trainee.deleted.is_(False)))))


def add_trainee(uow: UnitOfWork, *, activity_id: str, household_id: str, member_id: str = "") -> TraineeInfo:
    """Record that the household's head (or ``member_id``, one of its members) was trained at the training."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    activity = _training(uow, activity_id)
    household = record_row(uow, HOUSEHOLDS, household_id, follow_merge=True)
    name = household.head_name
    if member_id:
        member = _member_row(uow, member_id)
        if member.household_id not in _counted(uow, household):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "{name} is not a member of this household. Choose one of its members."),
                field="member_id", name=member.name)
        name = member.name
    village = village_code(uow)
    trainee_id = named_id(village, "trainee", activity.id, household.id, name)
    trainee = uow.session.get(Trainee, trainee_id)
    if trainee is not None and not trainee.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "{name} is already recorded as trained at this training."), field="household_id", name=name)
    if trainee is None:
        trainee = Trainee(id=trainee_id, village_code=village, activity_id=activity.id, household_id=household.id,
                          member_id=member_id, name=name)
        uow.session.add(trainee)
    else:  # recorded before and taken off: back on the list
        trainee.deleted = False
        trainee.member_id = member_id
    uow.session.flush()
    return _trainee_infos(uow.session, [trainee])[0]


def remove_trainee(uow: UnitOfWork, *, trainee_id: str) -> str:
    """Take someone off a training's households trained; returns the activity's id."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    trainee = uow.session.get(Trainee, trainee_id) if trainee_id else None
    if trainee is None or trainee.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This person is no longer on the list of those trained. Refresh the list."),
            field="trainee_id")
    trainee.deleted = True
    uow.session.flush()
    return trainee.activity_id
