"""Sponsorships (认领认捐, the "5个100" projects): sponsors — a volunteer of the village, an organisation or a
person —, each paired with a household in one of the four projects with a pledge (money, goods or a service), the
pledge's status, and the log of its visits and hand-overs, which is never edited: a wrong entry is answered by a
note.  What is overdue (no visit for the days the settings say, an instalment not handed over by its time), the
households waiting for a sponsor, each project's coverage against the city's target beside the village's Lei
Feng posts, and the report a township asks for.

A household merged into another counts as the record kept: its sponsorships are the kept household's.  Every
result carries what the person asking may do next with it (``actions``); the screens enable their buttons by it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.households import HouseholdStatus
from desktop.domain.pinyin_search import text_sort_key
from desktop.domain.roles import Permission
from desktop.domain.sponsorships import (
    CITY_TARGETS,
    LEIFENG_POSTS_TARGET,
    PROJECT_CATEGORIES,
    EventKind,
    PledgeKind,
    Project,
    SponsorKind,
    SponsorshipAction,
    SponsorshipStatus,
    handovers_due,
    leifeng_post,
    sponsorship_actions,
    visit_overdue,
)
from desktop.domain.sync_kinds import LONG_TEXT
from desktop.domain.text import clean_text, compact_text
from desktop.domain.volunteering import ActivityKind, ActivityStatus, parse_date, parse_period
from desktop.errors import InvalidInput, Term
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.identities import HOUSEHOLDS, Identities, record_row
from desktop.services.identities import volunteer_row as find_volunteer
from desktop.services.settings import load_settings
from desktop.services.station import station_info, village_code
from desktop.services.volunteers import clean_name
from desktop.storage.models import Activity, Household, Sponsor, Sponsorship, SponsorshipEvent, Volunteer
from desktop.storage.uow import UnitOfWork

MOST_AMOUNT = 10_000_000   # yuan; the sync's bound of an amount
MOST_INSTALMENTS = 240     # twenty years of monthly hand-overs
PROJECTS = tuple(Project)  # the order every list and report shows them in
OPEN = (SponsorshipStatus.ACTIVE.value, SponsorshipStatus.PAUSED.value)
TOO_LONG = QT_TRANSLATE_NOOP("desktop", "This text is too long: at most {most} characters can be kept.")


# -- what is typed, and what is returned -----------------------------------------------------------------

@dataclass(frozen=True)
class SponsorForm:
    """A sponsor as typed: a volunteer of the village (``volunteer_id``; the name is the volunteer's), or an
    organisation or a person by name, with a contact (a phone, or a person to ask for and a phone)."""

    kind: str
    name: str = ""
    contact: str = ""
    volunteer_id: str = ""
    address: str = ""
    notes: str = ""


@dataclass(frozen=True)
class SponsorRow:
    id: str
    kind: str
    name: str             # a volunteer's as the volunteer list has it now
    contact: str
    volunteer_id: str
    address: str
    notes: str
    active: int           # sponsorships active now
    sponsorships: int     # every sponsorship, ended ones too


@dataclass(frozen=True)
class PledgeForm:
    """What a sponsor pledges, as typed: money (an amount), goods or a service (what, and its value if known);
    from ``start_on`` (empty: today) to ``end_on`` (empty: open-ended), handed over in ``instalments`` spread
    evenly over that time (0: no schedule)."""

    pledge_kind: str
    amount: float | str = 0
    pledge: str = ""
    start_on: str = ""
    end_on: str = ""
    instalments: int | str = 0
    notes: str = ""


@dataclass(frozen=True)
class SponsorshipRow:
    """A sponsorship as the list shows it, with what is overdue and what may be done next with it."""

    id: str
    household_id: str       # the household kept (a merged duplicate's sponsorship is the kept one's)
    head_name: str
    group_name: str
    sponsor_id: str
    sponsor_name: str
    sponsor_kind: str
    project: str
    pledge_kind: str
    amount: float
    pledge: str
    start_on: str
    end_on: str
    instalments: int
    status: str
    status_on: str
    end_reason: str
    notes: str
    last_visit: str          # "" when nobody has visited yet
    visit_overdue: bool      # active, and no visit for the days the settings say
    handovers_made: int
    handovers_due: int       # instalments that should have been handed over by today
    actions: frozenset[SponsorshipAction] = frozenset()

    @property
    def handovers_missed(self) -> int:
        if self.status != SponsorshipStatus.ACTIVE:
            return 0
        return max(self.handovers_due - self.handovers_made, 0)

    @property
    def overdue(self) -> bool:
        return self.visit_overdue or self.handovers_missed > 0


@dataclass(frozen=True)
class EventRow:
    """An entry of a sponsorship's log: a visit, a hand-over or a note (which may answer another entry)."""

    id: str
    sponsorship_id: str
    kind: str
    happened_on: str
    what: str
    amount: float
    recorded_by_name: str
    answers_id: str = ""
    answered: bool = False   # a note answers this entry


@dataclass(frozen=True)
class WaitingRow:
    """A household being helped, of a project's category, with no active sponsorship in that project."""

    household_id: str
    head_name: str
    group_name: str
    address: str
    phone: str
    project: str
    paused_sponsor: str = ""  # the sponsor whose sponsorship in the project is paused, if any
    ended_on: str = ""        # when its last sponsorship in the project ended, if one did


@dataclass(frozen=True)
class ProjectCoverage:
    project: str
    target: int        # the city's
    households: int    # households being helped of the project's category, at this village
    sponsored: int     # households with an active sponsorship in the project
    waiting: int       # households of the category with none


@dataclass(frozen=True)
class Coverage:
    projects: tuple[ProjectCoverage, ...]
    leifeng_posts: int
    leifeng_target: int = LEIFENG_POSTS_TARGET


@dataclass(frozen=True)
class HandoverRow:
    id: str
    happened_on: str
    head_name: str
    sponsor_name: str
    project: str
    what: str
    amount: float
    notes: str = ""   # what notes answering it say


@dataclass(frozen=True)
class SponsorshipReport:
    """What the township's report on sponsorships holds: coverage, what is overdue, hand-overs in a period."""

    village_name: str
    printed_on: str
    period_from: str
    period_to: str
    visit_days: int
    coverage: Coverage
    overdue: tuple[SponsorshipRow, ...]
    handovers: tuple[HandoverRow, ...]

    @property
    def handed_over(self) -> float:
        return sum(row.amount for row in self.handovers)


@dataclass(frozen=True)
class SponsorshipFilter:
    project: str = ""
    statuses: tuple[str, ...] = OPEN
    overdue: bool = False


ALL_STATUSES = tuple(status.value for status in SponsorshipStatus)


# -- checking what is typed -----------------------------------------------------------------------------

def _text(value: str, *, field: str, most: int = LONG_TEXT) -> str:
    cleaned = clean_text(value)
    if len(cleaned) > most:
        raise InvalidInput(TOO_LONG, field=field, most=most)
    return cleaned


def parse_amount(value: float | int | str, *, field: str = "amount") -> float:
    """Yuan to the fen: 500, "500", "500元", "¥500.5" and full-width digits are read; 0 when nothing is typed."""
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = compact_text(value).replace("￥", "¥").removeprefix("¥").removesuffix("元").replace(",", "")
        if not text:
            return 0.0
        if not re.fullmatch(r"\d+(\.\d{1,2})?", text):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "\"{value}\" is not an amount of money. Write it in yuan, like 500 or 120.50."),
                field=field, value=str(value))
        number = float(text)
    if not 0 <= number <= MOST_AMOUNT:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "An amount is between 0 and {most} yuan; {value} cannot be right."), field=field,
            most=MOST_AMOUNT, value=f"{number:g}")
    return round(number, 2)


def _instalments(value: int | str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = compact_text(str(value)).removesuffix("次").removesuffix("期")
        if not text:
            return 0
        if not text.isdigit():
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "\"{value}\" is not a number of instalments. Write how many hand-overs, like 12."),
                field="instalments", value=str(value))
        number = int(text)
    if not 0 <= number <= MOST_INSTALMENTS:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "A pledge has at most {most} instalments; {value} cannot be right."), field="instalments",
            most=MOST_INSTALMENTS, value=number)
    return number


@dataclass(frozen=True)
class CheckedPledge:
    pledge_kind: str
    amount: float
    pledge: str
    start_on: str
    end_on: str
    instalments: int
    notes: str


def check_pledge(form: PledgeForm, *, today: date) -> CheckedPledge:
    """Money needs an amount; goods and a service say what they are.  The end, if given, is not before the start;
    instalments are spread over the time from start to end, so they need an end."""
    kind = PledgeKind.parse(form.pledge_kind, field="pledge_kind", message=QT_TRANSLATE_NOOP(
        "desktop", "Choose what is pledged from the list: money, goods or a service.")).value
    amount = parse_amount(form.amount)
    pledge = _text(form.pledge, field="pledge")
    if kind == PledgeKind.MONEY and not amount:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Enter the amount of money pledged, in yuan."), field="amount")
    if kind != PledgeKind.MONEY and not pledge:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Say what is pledged (for example: a bag of rice and a can of oil each month, or help with "
            "the fields at harvest)."), field="pledge")
    start = parse_date(clean_text(form.start_on), field="start_on") if clean_text(form.start_on) else today
    end = parse_date(clean_text(form.end_on), field="end_on") if clean_text(form.end_on) else None
    if end is not None and end < start:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The pledge ends on {end}, before it begins on {start}. Check the dates."), field="end_on",
            end=end.isoformat(), start=start.isoformat())
    instalments = _instalments(form.instalments)
    if instalments and end is None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Give the day the pledge ends, so its {count} instalments can be spread over the time, or "
            "leave the instalments at 0."), field="end_on", count=instalments)
    return CheckedPledge(pledge_kind=kind, amount=amount, pledge=pledge, start_on=start.isoformat(),
                         end_on=end.isoformat() if end else "", instalments=instalments,
                         notes=_text(form.notes, field="notes"))


def _day(value: str | date, *, field: str, today: date) -> date:
    """A day something happened: today when nothing is typed, never in the future."""
    day = parse_date(value, field=field) if (value if isinstance(value, date) else clean_text(value)) else today
    if day > today:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The date {value} is in the future. Enter the day it happened."), field=field,
            value=day.isoformat())
    return day


# -- sponsors ----------------------------------------------------------------------------------------------

def _sponsor(uow: UnitOfWork, sponsor_id: str) -> Sponsor:
    if not sponsor_id:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Choose the sponsor, or add a new one."), field="sponsor_id")
    sponsor = uow.session.get(Sponsor, sponsor_id)
    if sponsor is None or sponsor.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This sponsor is no longer on the list. Refresh the list and choose another."),
            field="sponsor_id")
    return sponsor


@dataclass(frozen=True)
class _CheckedSponsor:
    kind: str
    name: str
    contact: str
    volunteer_id: str
    address: str
    notes: str


def _check_sponsor(uow: UnitOfWork, form: SponsorForm, *, sponsor_id: str = "") -> _CheckedSponsor:
    kind = SponsorKind.parse(form.kind, field="kind", message=QT_TRANSLATE_NOOP(
        "desktop", "Choose the kind of sponsor from the list: a volunteer, an organisation or a person.")).value
    contact = _text(form.contact, field="contact", most=64)
    address = _text(form.address, field="address", most=200)
    notes = _text(form.notes, field="notes")
    others = [row for row in uow.session.scalars(select(Sponsor).where(Sponsor.deleted.is_(False)))
              if row.id != sponsor_id]
    if kind == SponsorKind.VOLUNTEER:
        if not form.volunteer_id:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Choose the volunteer who sponsors."), field="volunteer_id")
        volunteer = find_volunteer(uow, form.volunteer_id, follow_merge=True)
        same = next((row for row in others if row.volunteer_id == volunteer.id), None)
        if same is not None:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "{name} is a sponsor already. Choose {name} from the list of sponsors."),
                field="volunteer_id", name=volunteer.name)
        return _CheckedSponsor(kind=kind, name=volunteer.name, contact=contact or volunteer.phone,
                               volunteer_id=volunteer.id, address=address or volunteer.address, notes=notes)
    name = clean_name(form.name)
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Enter the name of the organisation or the person who sponsors."), field="name")
    if len(name) > 100:
        raise InvalidInput(TOO_LONG, field="name", most=100)
    key = compact_text(name).casefold()
    if any(row.kind == kind and compact_text(row.name).casefold() == key for row in others):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "A sponsor called {name} is on the list already. Choose it from the list, or tell the two "
            "apart by their names."), field="name", name=name)
    return _CheckedSponsor(kind=kind, name=name, contact=contact, volunteer_id="", address=address, notes=notes)


def _sponsor_rows(session: Session, sponsors: list[Sponsor]) -> list[SponsorRow]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for sponsor_id, status, number in session.execute(
            select(Sponsorship.sponsor_id, Sponsorship.status, func.count()).where(Sponsorship.deleted.is_(False))
            .group_by(Sponsorship.sponsor_id, Sponsorship.status)):
        counts[sponsor_id][1] += number
        if status == SponsorshipStatus.ACTIVE:
            counts[sponsor_id][0] += number
    names = _volunteer_names(session, [row.volunteer_id for row in sponsors if row.volunteer_id])
    rows = [SponsorRow(id=row.id, kind=row.kind, name=names.get(row.volunteer_id) or row.name, contact=row.contact,
                       volunteer_id=row.volunteer_id, address=row.address, notes=row.notes,
                       active=counts[row.id][0], sponsorships=counts[row.id][1]) for row in sponsors]
    return sorted(rows, key=lambda row: text_sort_key(row.name))


def _volunteer_names(session: Session, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    return dict(session.execute(select(Volunteer.id, Volunteer.name).where(Volunteer.id.in_(ids))).all())


def list_sponsors(uow: UnitOfWork) -> list[SponsorRow]:
    """Every sponsor, in pinyin order, with how many sponsorships each has (active ones and all)."""
    uow.require(Permission.VIEW_DATA)
    return _sponsor_rows(uow.session, list(uow.session.scalars(select(Sponsor).where(Sponsor.deleted.is_(False)))))


def add_sponsor(uow: UnitOfWork, *, form: SponsorForm) -> SponsorRow:
    """A sponsor: a volunteer of the village (one sponsor record each), or an organisation or person by name."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    checked = _check_sponsor(uow, form)
    sponsor = Sponsor(village_code=village_code(uow), kind=checked.kind, name=checked.name, contact=checked.contact,
                      volunteer_id=checked.volunteer_id, address=checked.address, notes=checked.notes)
    uow.session.add(sponsor)
    uow.session.flush()
    return _sponsor_rows(uow.session, [sponsor])[0]


def update_sponsor(uow: UnitOfWork, *, sponsor_id: str, form: SponsorForm) -> SponsorRow:
    uow.require(Permission.EDIT_HOUSEHOLDS)
    sponsor = _sponsor(uow, sponsor_id)
    checked = _check_sponsor(uow, form, sponsor_id=sponsor.id)
    for name in ("kind", "name", "contact", "volunteer_id", "address", "notes"):
        if getattr(sponsor, name) != getattr(checked, name):
            setattr(sponsor, name, getattr(checked, name))
    uow.session.flush()
    return _sponsor_rows(uow.session, [sponsor])[0]


# -- sponsorships --------------------------------------------------------------------------------------------

def _sponsorship(uow: UnitOfWork, sponsorship_id: str) -> Sponsorship:
    found = uow.session.get(Sponsorship, sponsorship_id) if sponsorship_id else None
    if found is None or found.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This sponsorship is no longer on the list. Refresh the list."), field="sponsorship_id")
    return found


def _rows(uow: UnitOfWork, sponsorships: list[Sponsorship]) -> list[SponsorshipRow]:
    """The rows of ``sponsorships``: the kept household, the sponsor, the last visit and the hand-overs of each."""
    session = uow.session
    today = uow.today()
    every_days = load_settings(uow).visit_overdue_days
    permissions = uow.role().permissions
    identities = Identities.load(session, HOUSEHOLDS)
    kept = {row.id: identities.kept_id(row.household_id) for row in sponsorships}
    heads = {hid: (head, group) for hid, head, group in session.execute(
        select(Household.id, Household.head_name, Household.group_name).where(Household.id.in_(set(kept.values()))))}
    sponsors = {row.id: row for row in _sponsor_rows(session, list(session.scalars(
        select(Sponsor).where(Sponsor.id.in_({row.sponsor_id for row in sponsorships})))))}
    wanted = [row.id for row in sponsorships]
    last_visit = dict(session.execute(
        select(SponsorshipEvent.sponsorship_id, func.max(SponsorshipEvent.happened_on))
        .where(SponsorshipEvent.sponsorship_id.in_(wanted), SponsorshipEvent.kind == EventKind.VISIT.value,
               SponsorshipEvent.deleted.is_(False)).group_by(SponsorshipEvent.sponsorship_id)).all())
    handed = dict(session.execute(
        select(SponsorshipEvent.sponsorship_id, func.count())
        .where(SponsorshipEvent.sponsorship_id.in_(wanted), SponsorshipEvent.kind == EventKind.HANDOVER.value,
               SponsorshipEvent.deleted.is_(False)).group_by(SponsorshipEvent.sponsorship_id)).all())
    rows = []
    for row in sponsorships:
        head, group = heads.get(kept[row.id], ("", ""))
        sponsor = sponsors.get(row.sponsor_id)
        start = date.fromisoformat(row.start_on) if row.start_on else today
        visited = last_visit.get(row.id) or ""
        active = row.status == SponsorshipStatus.ACTIVE
        rows.append(SponsorshipRow(
            id=row.id, household_id=kept[row.id], head_name=head, group_name=group, sponsor_id=row.sponsor_id,
            sponsor_name=sponsor.name if sponsor else "", sponsor_kind=sponsor.kind if sponsor else "",
            project=row.project, pledge_kind=row.pledge_kind, amount=row.amount, pledge=row.pledge,
            start_on=row.start_on, end_on=row.end_on, instalments=row.instalments, status=row.status,
            status_on=row.status_on, end_reason=row.end_reason, notes=row.notes, last_visit=visited,
            visit_overdue=active and start <= today and visit_overdue(
                last_visit=date.fromisoformat(visited) if visited else None, started=start, today=today,
                every_days=every_days),
            handovers_made=handed.get(row.id, 0),
            handovers_due=handovers_due(start=start, end=date.fromisoformat(row.end_on) if row.end_on else None,
                                        instalments=row.instalments, today=today),
            actions=sponsorship_actions(row.status, permissions)))
    return rows


def _row(uow: UnitOfWork, sponsorship: Sponsorship) -> SponsorshipRow:
    return _rows(uow, [sponsorship])[0]


def list_sponsorships(uow: UnitOfWork, *, where: SponsorshipFilter = SponsorshipFilter()) -> list[SponsorshipRow]:
    """The sponsorships the filter asks for (by project, status, and only the overdue ones), by project
    and then the head's name in pinyin order."""
    uow.require(Permission.VIEW_DATA)
    query = select(Sponsorship).where(Sponsorship.deleted.is_(False), Sponsorship.status.in_(list(where.statuses)))
    if where.project:
        query = query.where(Sponsorship.project == where.project)
    rows = _rows(uow, list(uow.session.scalars(query)))
    if where.overdue:
        rows = [row for row in rows if row.overdue]
    order = {project.value: number for number, project in enumerate(PROJECTS)}
    return sorted(rows, key=lambda row: (order.get(row.project, len(order)), text_sort_key(row.head_name),
                                         row.start_on, row.id))


def get_sponsorship(uow: UnitOfWork, *, sponsorship_id: str) -> SponsorshipRow:
    uow.require(Permission.VIEW_DATA)
    return _row(uow, _sponsorship(uow, sponsorship_id))


def _apply_pledge(sponsorship: Sponsorship, pledge: CheckedPledge) -> None:
    for name in ("pledge_kind", "amount", "pledge", "start_on", "end_on", "instalments", "notes"):
        if getattr(sponsorship, name) != getattr(pledge, name):
            setattr(sponsorship, name, getattr(pledge, name))


def pair_sponsorship(uow: UnitOfWork, *, household_id: str, sponsor_id: str, project: str,
                     pledge: PledgeForm) -> SponsorshipRow:
    """Pair a sponsor with a household being helped in one of the projects of its categories of help, with the
    sponsor's pledge; the sponsorship is active from the pledge's start."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    if not household_id:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Choose the household the sponsor helps."),
                           field="household_id")
    household = record_row(uow, HOUSEHOLDS, household_id, follow_merge=True)
    sponsor = _sponsor(uow, sponsor_id)
    chosen = Project.parse(project, field="project", message=QT_TRANSLATE_NOOP(
        "desktop", "Choose the project from the list.")).value
    if household.status != HouseholdStatus.HELPED:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "{name}'s household is no longer being helped, so it takes no new sponsor."),
            field="household_id", name=household.head_name)
    if PROJECT_CATEGORIES[Project(chosen)] not in household.categories.split(","):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "{name}'s household is not registered as \"{project}\". Choose a project of its categories "
            "of help, or add the category to the household first."), field="project", name=household.head_name,
            project=Term(Project(chosen).label))
    counted = set(Identities.load(uow.session, HOUSEHOLDS).counted_ids(household.id))
    same = uow.session.scalars(select(Sponsorship).where(
        Sponsorship.deleted.is_(False), Sponsorship.sponsor_id == sponsor.id, Sponsorship.project == chosen,
        Sponsorship.status.in_(OPEN), Sponsorship.household_id.in_(counted))).first()
    if same is not None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "{sponsor} sponsors {name}'s household in this project already. Open that sponsorship "
            "instead."), field="sponsor_id", sponsor=sponsor.name, name=household.head_name)
    checked = check_pledge(pledge, today=uow.today())
    sponsorship = Sponsorship(village_code=village_code(uow), household_id=household.id, sponsor_id=sponsor.id,
                              project=chosen, status=SponsorshipStatus.ACTIVE.value, status_on=checked.start_on,
                              end_reason="")
    _apply_pledge(sponsorship, checked)
    uow.session.add(sponsorship)
    uow.session.flush()
    return _row(uow, sponsorship)


def _allowed(uow: UnitOfWork, sponsorship: Sponsorship, action: SponsorshipAction, message: str, **params) -> None:
    if action not in sponsorship_actions(sponsorship.status, uow.role().permissions):
        raise InvalidInput(message, field="status", status=Term(SponsorshipStatus(sponsorship.status).label),
                           **params)


def change_pledge(uow: UnitOfWork, *, sponsorship_id: str, pledge: PledgeForm) -> SponsorshipRow:
    """Correct or renew what the sponsor pledges (its visits and hand-overs stay as they were recorded)."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    sponsorship = _sponsorship(uow, sponsorship_id)
    _allowed(uow, sponsorship, SponsorshipAction.CHANGE_PLEDGE, QT_TRANSLATE_NOOP(
        "desktop", "This sponsorship has ended, so its pledge stays as it was. Pair the sponsor again for a new "
        "pledge."))
    _apply_pledge(sponsorship, check_pledge(pledge, today=uow.today()))
    uow.session.flush()
    return _row(uow, sponsorship)


_STATUS_ACTIONS = {SponsorshipStatus.ACTIVE: SponsorshipAction.RESUME,
                   SponsorshipStatus.PAUSED: SponsorshipAction.PAUSE, SponsorshipStatus.ENDED: SponsorshipAction.END}


def change_sponsorship_status(uow: UnitOfWork, *, sponsorship_id: str, status: str, reason: str = "",
                              on: str | date = "") -> SponsorshipRow:
    """Pause an active sponsorship or end it, saying why, or take a paused one up again, from the day it changed
    (today if not given).  An ended sponsorship stays ended: its household waits for a sponsor again."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    sponsorship = _sponsorship(uow, sponsorship_id)
    wanted = SponsorshipStatus.parse(status, field="status", message=QT_TRANSLATE_NOOP(
        "desktop", "Choose the status from the list."))
    _allowed(uow, sponsorship, _STATUS_ACTIONS[wanted], QT_TRANSLATE_NOOP(
        "desktop", "This sponsorship is {status}, so it cannot become {wanted}."), wanted=Term(wanted.label))
    why = _text(reason, field="reason", most=500)
    if wanted != SponsorshipStatus.ACTIVE and len(compact_text(why)) < 2:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Say why (for example: the sponsor moved away, or the household is out of poverty)."),
            field="reason")
    today = uow.today()
    day = _day(on, field="status_on", today=today)
    # Not before the sponsorship began or last changed (a pledge that has not begun yet may end today).
    earliest = min(sponsorship.status_on or sponsorship.start_on or today.isoformat(), today.isoformat())
    if day.isoformat() < earliest:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The day it changed cannot be before {day}, when the sponsorship began or last changed."),
            field="status_on", day=earliest)
    sponsorship.status, sponsorship.status_on = wanted.value, day.isoformat()
    sponsorship.end_reason = why if wanted != SponsorshipStatus.ACTIVE else ""
    uow.session.flush()
    return _row(uow, sponsorship)


# -- the log of visits, hand-overs and notes ----------------------------------------------------------------

def _event_rows(session: Session, events: list[SponsorshipEvent]) -> list[EventRow]:
    answered = {answers for (answers,) in session.execute(
        select(SponsorshipEvent.answers_id).where(
            SponsorshipEvent.sponsorship_id.in_({event.sponsorship_id for event in events}),
            SponsorshipEvent.answers_id != "", SponsorshipEvent.deleted.is_(False)))}
    return [EventRow(id=event.id, sponsorship_id=event.sponsorship_id, kind=event.kind,
                     happened_on=event.happened_on, what=event.what, amount=event.amount,
                     recorded_by_name=event.recorded_by_name, answers_id=event.answers_id,
                     answered=event.id in answered) for event in events]


def sponsorship_log(uow: UnitOfWork, *, sponsorship_id: str) -> list[EventRow]:
    """The sponsorship's visits, hand-overs and notes, newest first."""
    uow.require(Permission.VIEW_DATA)
    sponsorship = _sponsorship(uow, sponsorship_id)
    events = list(uow.session.scalars(select(SponsorshipEvent).where(
        SponsorshipEvent.sponsorship_id == sponsorship.id, SponsorshipEvent.deleted.is_(False))))
    # Entries of one day in the order they were written, by their clock stamp: the same on every PC of the village.
    events.sort(key=lambda event: (event.happened_on, event.hlc, event.id), reverse=True)
    return _event_rows(uow.session, events)


def _add_event(uow: UnitOfWork, sponsorship: Sponsorship, *, kind: EventKind, day: date, what: str, amount: float,
               answers_id: str = "") -> EventRow:
    event = SponsorshipEvent(village_code=village_code(uow), sponsorship_id=sponsorship.id, kind=kind.value,
                             happened_on=day.isoformat(), what=what, amount=amount,
                             recorded_by_name=uow.actor.display_name, answers_id=answers_id)
    uow.session.add(event)
    uow.session.flush()
    return _event_rows(uow.session, [event])[0]


def record_event(uow: UnitOfWork, *, sponsorship_id: str, kind: str, happened_on: str | date = "", what: str = "",
                 amount: float | str = 0) -> EventRow:
    """A visit to the household, or a hand-over of what was pledged (money by its amount, goods and a service by
    what they were), on the day it happened (today if not given)."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    sponsorship = _sponsorship(uow, sponsorship_id)
    chosen = EventKind.parse(kind, field="kind", message=QT_TRANSLATE_NOOP(
        "desktop", "Choose a visit or a hand-over."))
    if chosen == EventKind.NOTE:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Choose a visit or a hand-over."), field="kind")
    if chosen == EventKind.VISIT:
        _allowed(uow, sponsorship, SponsorshipAction.RECORD_VISIT, QT_TRANSLATE_NOOP(
            "desktop", "This sponsorship is {status}: visits are recorded while it is active or paused. Add a note "
            "instead."))
    else:
        _allowed(uow, sponsorship, SponsorshipAction.RECORD_HANDOVER, QT_TRANSLATE_NOOP(
            "desktop", "This sponsorship is {status}: hand-overs are recorded while it is active. Take it up again "
            "first, or add a note."))
    day = _day(happened_on, field="happened_on", today=uow.today())
    if sponsorship.start_on and day.isoformat() < sponsorship.start_on:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The sponsorship began on {start}; nothing of it happened before that day."),
            field="happened_on", start=sponsorship.start_on)
    text = _text(what, field="what")
    money = parse_amount(amount)
    if chosen == EventKind.HANDOVER:
        if sponsorship.pledge_kind == PledgeKind.MONEY and not money:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Enter the amount handed over, in yuan."), field="amount")
        if sponsorship.pledge_kind != PledgeKind.MONEY and not text:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Say what was handed over (for example: a bag of rice and a can of oil)."), field="what")
    return _add_event(uow, sponsorship, kind=chosen, day=day, what=text, amount=money)


def add_note(uow: UnitOfWork, *, sponsorship_id: str, what: str, answers_id: str = "") -> EventRow:
    """A note in the sponsorship's log, dated today; ``answers_id`` names the entry it answers — a visit or
    hand-over recorded wrongly stays as it was, and the note says what is right."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    sponsorship = _sponsorship(uow, sponsorship_id)
    text = _text(what, field="what")
    if len(compact_text(text)) < 2:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Write the note (for example: the hand-over of 3 March was 300 yuan, not 500)."),
            field="what")
    if answers_id:
        answered = uow.session.get(SponsorshipEvent, answers_id)
        if answered is None or answered.deleted or answered.sponsorship_id != sponsorship.id:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "The entry this note is about is not in this sponsorship's log. Choose it in the log."),
                field="answers_id")
    return _add_event(uow, sponsorship, kind=EventKind.NOTE, day=uow.today(), what=text, amount=0.0,
                      answers_id=answers_id)


# -- households waiting, coverage, the report -----------------------------------------------------------------

@dataclass
class _ByHousehold:
    """Each kept household's sponsorships by project: who is active, who paused, when the last one ended."""

    active: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    paused: dict[tuple[str, str], str] = field(default_factory=dict)
    ended: dict[tuple[str, str], str] = field(default_factory=dict)


def _by_household(session: Session, identities: Identities) -> _ByHousehold:
    found = _ByHousehold()
    names = {row.id: row.name for row in _sponsor_rows(session, list(session.scalars(select(Sponsor))))}
    for household_id, sponsor_id, project, status, status_on in session.execute(
            select(Sponsorship.household_id, Sponsorship.sponsor_id, Sponsorship.project, Sponsorship.status,
                   Sponsorship.status_on).where(Sponsorship.deleted.is_(False))):
        key = (identities.kept_id(household_id), project)
        if status == SponsorshipStatus.ACTIVE:
            found.active[key] += 1
        elif status == SponsorshipStatus.PAUSED:
            found.paused[key] = names.get(sponsor_id, "")
        elif status_on > found.ended.get(key, ""):
            found.ended[key] = status_on
    return found


def _waiting(session: Session, project: str = "") -> list[WaitingRow]:
    identities = Identities.load(session, HOUSEHOLDS)
    sponsored = _by_household(session, identities)
    wanted = [chosen for chosen in PROJECTS if not project or chosen == project]
    rows = []
    for household in session.scalars(select(Household).where(
            Household.deleted.is_(False), Household.merged_into == "",
            Household.status == HouseholdStatus.HELPED.value).order_by(Household.sort_key, Household.id)):
        categories = household.categories.split(",")
        for chosen in wanted:
            key = (household.id, chosen.value)
            if PROJECT_CATEGORIES[chosen] in categories and not sponsored.active.get(key):
                rows.append(WaitingRow(household_id=household.id, head_name=household.head_name,
                                       group_name=household.group_name, address=household.address,
                                       phone=household.phone, project=chosen.value,
                                       paused_sponsor=sponsored.paused.get(key, ""),
                                       ended_on=sponsored.ended.get(key, "")))
    order = {chosen.value: number for number, chosen in enumerate(PROJECTS)}
    rows.sort(key=lambda row: order[row.project])  # stable: in pinyin order within a project
    return rows


def households_waiting(uow: UnitOfWork, *, project: str = "") -> list[WaitingRow]:
    """Households being helped, of a project's category, with no active sponsorship in that project (one whose
    sponsor dropped out comes back here), by project and then the head's name in pinyin order."""
    uow.require(Permission.VIEW_DATA)
    return _waiting(uow.session, project)


def leifeng_posts(session: Session) -> int:
    """The village's Lei Feng posts: its duty activities that were not cancelled, each post counted once."""
    return len({leifeng_post(title, place) for title, place in session.execute(
        select(Activity.title, Activity.place).where(
            Activity.kind == ActivityKind.LEIFENG_POST.value, Activity.deleted.is_(False),
            Activity.status != ActivityStatus.CANCELLED.value))})


def _coverage(session: Session) -> Coverage:
    identities = Identities.load(session, HOUSEHOLDS)
    sponsored = _by_household(session, identities)
    waiting = _waiting(session)
    helped = [household.categories.split(",") for household in session.scalars(select(Household).where(
        Household.deleted.is_(False), Household.merged_into == "", Household.status == HouseholdStatus.HELPED.value))]
    projects = []
    for project in PROJECTS:
        projects.append(ProjectCoverage(
            project=project.value, target=CITY_TARGETS[project],
            households=sum(1 for categories in helped if PROJECT_CATEGORIES[project] in categories),
            sponsored=sum(1 for (_household, code), count in sponsored.active.items()
                          if code == project.value and count),
            waiting=sum(1 for row in waiting if row.project == project.value)))
    return Coverage(projects=tuple(projects), leifeng_posts=leifeng_posts(session))


def sponsorship_coverage(uow: UnitOfWork) -> Coverage:
    """Each project at this village: households of its category, those sponsored and those waiting, against the
    city's target of 100; and the village's Lei Feng posts against theirs."""
    uow.require(Permission.VIEW_DATA)
    return _coverage(uow.session)


def _handovers(uow: UnitOfWork, period_from: str, period_to: str) -> list[HandoverRow]:
    session = uow.session
    identities = Identities.load(session, HOUSEHOLDS)
    events = session.execute(
        select(SponsorshipEvent, Sponsorship.household_id, Sponsorship.sponsor_id, Sponsorship.project)
        .join(Sponsorship, Sponsorship.id == SponsorshipEvent.sponsorship_id)
        .where(SponsorshipEvent.kind == EventKind.HANDOVER.value, SponsorshipEvent.deleted.is_(False),
               Sponsorship.deleted.is_(False), SponsorshipEvent.happened_on >= period_from,
               SponsorshipEvent.happened_on <= period_to)).all()
    heads = dict(session.execute(select(Household.id, Household.head_name).where(
        Household.id.in_({identities.kept_id(household_id) for _event, household_id, _s, _p in events}))).all())
    sponsors = {row.id: row.name for row in _sponsor_rows(session, list(session.scalars(select(Sponsor).where(
        Sponsor.id.in_({sponsor_id for _event, _h, sponsor_id, _p in events})))))}
    notes: dict[str, list[str]] = defaultdict(list)
    for answers_id, what in session.execute(select(SponsorshipEvent.answers_id, SponsorshipEvent.what).where(
            SponsorshipEvent.answers_id.in_([event.id for event, *_ in events]), SponsorshipEvent.deleted.is_(False))
            .order_by(SponsorshipEvent.happened_on, SponsorshipEvent.hlc)):
        notes[answers_id].append(what)
    rows = [HandoverRow(id=event.id, happened_on=event.happened_on,
                        head_name=heads.get(identities.kept_id(household_id), ""),
                        sponsor_name=sponsors.get(sponsor_id, ""), project=project, what=event.what,
                        amount=event.amount, notes="；".join(notes.get(event.id, ())))
            for event, household_id, sponsor_id, project in events]
    return sorted(rows, key=lambda row: (row.happened_on, text_sort_key(row.head_name), row.id))


def sponsorship_report(uow: UnitOfWork, *, period_from: str | date, period_to: str | date) -> SponsorshipReport:
    """The report for the township: coverage per project, the sponsorships overdue for a visit or a hand-over,
    and the hand-overs of the period."""
    uow.require(Permission.VIEW_DATA)
    start, end = parse_period(period_from, period_to, fields=("period_from", "period_to"), required=True)
    overdue = list_sponsorships(uow, where=SponsorshipFilter(statuses=(SponsorshipStatus.ACTIVE.value,),
                                                             overdue=True))
    return SponsorshipReport(
        village_name=station_info(uow).village.name, printed_on=uow.today().isoformat(), period_from=start,
        period_to=end, visit_days=load_settings(uow).visit_overdue_days, coverage=_coverage(uow.session),
        overdue=tuple(overdue), handovers=tuple(_handovers(uow, start, end)))

