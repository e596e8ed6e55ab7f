"""Micro-wishes (微心愿): a village's wishes from collection to fulfilment, each step a verb the audit log names; the
city's wish board as this station has it; the claims made here on any village's wish and how each stands; and
the report of the village's wishes.

A wish is the village's own record (the household behind it never leaves the village); publishing it writes
the ``wish_board`` record every station pulls, with only what the coordinator wrote for the public, the band of
its value and its dates.  The board record follows the wish through every later step.  Whether a claim holds a
wish is decided by ``desktop.domain.wishes.claim_holds`` from the city server's ruling (``held_until``) and the
board's state, the same rule at every station, so a hold that ran out with nothing recorded puts the wish back
on the board by itself (docs/sync-protocol.md §8).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.domain.households import HouseholdStatus
from desktop.domain.roles import Permission
from desktop.domain.settings import Settings
from desktop.domain.sync_kinds import LONG_TEXT
from desktop.domain.text import clean_text, compact_text
from desktop.domain.volunteering import parse_date
from desktop.domain.wishes import (
    BoardState,
    ClaimantKind,
    ClaimOutcome,
    WishAction,
    WishCategory,
    WishStatus,
    band_text,
    check_publication,
    check_value,
    claim_holds,
    value_band,
    wish_actions,
)
from desktop.errors import InvalidInput, Term
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services.identities import HOUSEHOLDS, Identities, record_row, volunteer_row
from desktop.services.regions import region_names
from desktop.services.settings import load_settings
from desktop.services.station import station_info, village_code
from desktop.storage.models import (
    Household,
    HouseholdMember,
    Region,
    Wish,
    WishBoardEntry,
    WishClaim,
    WishPhoto,
)
from desktop.storage.uow import UnitOfWork

LOST = "lost"               # ``wish_claims.refused`` once the city server gave the wish to another village's claim
MOST_VALUE = 1_000_000      # yuan: the most any wish record can carry (its record kind's bound)
MOST_PHOTO_BYTES = 5_000_000
WAITING_LISTED = 10         # the report's wishes waiting longest
_TOO_LONG = QT_TRANSLATE_NOOP("desktop", "This text is too long: at most {most} characters can be kept.")


# -- what is typed, and what is returned -----------------------------------------------------------------

@dataclass(frozen=True)
class WishForm:
    """A wish as the coordinator writes it down: the household, the wish in its own words, what kind of thing it
    is, what it is worth (yuan; "120", "120元" and "¥120" are read) and the day it is wanted by (may be empty)."""

    household_id: str
    words: str
    category: str = WishCategory.OTHER.value
    estimated_value: float | str = 0
    wanted_by: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Photo:
    """A photo of the hand-over, as read from its file: kept at this station only."""

    file_name: str
    data: bytes


@dataclass(frozen=True)
class Place:
    """Where a village is, by name: the village, its township and its county (a code where the name is not
    known here)."""

    village: str
    township: str
    county: str


@dataclass(frozen=True)
class HoldInfo:
    """The claim that holds a wish, as the wish's village sees it: who claimed it, from which village, and until
    when it holds (once contact is recorded, until the wish is fulfilled)."""

    claim_id: str
    claimant_kind: str
    claimant_name: str
    claimant_contact: str
    village_code: str
    village_name: str
    claimed_on: str
    held_until: str


@dataclass(frozen=True)
class WishInfo:
    """A wish of this village, with the household it is for, where it stands on the board, and what the person
    asking may do next with it (``actions``)."""

    id: str
    household_id: str
    head_name: str
    group_name: str
    words: str
    category: str
    estimated_value: float
    wanted_by: str
    status: str
    collected_on: str
    collected_by: str
    vetted_on: str
    decision_note: str
    published_on: str
    public_text: str
    band: str               # the band of value the board shows ("¥100–200")
    board_state: str        # "" until published
    contacted_on: str
    fulfilled_on: str
    given: str
    given_by: str
    confirmed: bool
    confirmation_note: str
    notes: str
    has_photo: bool
    hold: HoldInfo | None   # the claim that holds it now, if one does
    actions: frozenset[WishAction] = frozenset()


@dataclass(frozen=True)
class PhotoInfo:
    wish_id: str
    file_name: str
    data: bytes


@dataclass(frozen=True)
class BoardRow:
    """A wish on the city's board as this station has it: only what its village published, never the household
    behind it (the board reads ``wish_board`` alone)."""

    id: str
    village_code: str
    village_name: str
    township_name: str
    county_name: str
    public_text: str
    category: str
    value_low: int
    value_high: int         # 0: no upper bound
    band: str
    published_on: str
    waited_days: int
    wanted_by: str
    state: str
    own: bool               # a wish of this station's own village
    held: bool              # a claim known here holds it: nobody else may claim it now
    our_claim: str          # how this station's latest claim on it stands (a ClaimOutcome), "" for none


@dataclass(frozen=True)
class ClaimInfo:
    """A claim made at this station, with the wish it is on and how it stands (``outcome``)."""

    id: str
    board_id: str
    public_text: str
    category: str
    band: str
    village_code: str       # the wish's village
    village_name: str
    township_name: str
    claimant_kind: str
    claimant_name: str
    claimant_contact: str
    volunteer_id: str
    claimed_on: str
    note: str
    held_until: str
    outcome: str            # a ClaimOutcome


@dataclass(frozen=True)
class BoardPlaces:
    """The counties and townships the board's wishes are in, for its filters: (code, name) pairs, in code order;
    ``townships`` by county code."""

    counties: tuple[tuple[str, str], ...]
    townships: dict[str, tuple[tuple[str, str], ...]]


@dataclass(frozen=True)
class MonthLine:
    """One month of the report: the wishes collected in it by their status now, and the wishes fulfilled in it
    with what they were worth."""

    month: int
    by_status: dict[str, int]
    collected: int
    fulfilled: int
    value_fulfilled: float


@dataclass(frozen=True)
class DaysTaken:
    """How long a step took over the wishes that took it: how many, on average and at most (days)."""

    count: int
    average: float
    longest: int


@dataclass(frozen=True)
class WaitingWish:
    id: str
    head_name: str
    words: str
    public_text: str
    band: str
    published_on: str
    waited_days: int


@dataclass(frozen=True)
class WishReport:
    """The village's micro-wishes over a year: by status and month, the value fulfilled, how long publishing took
    to bring a claim and a claim to bring the fulfilment, and (now) the wishes waiting longest on the board."""

    year: int
    village_name: str
    made_on: str
    months: tuple[MonthLine, ...]
    by_status: dict[str, int]
    fulfilled: int
    value_fulfilled: float
    publish_to_claim: DaysTaken
    claim_to_fulfilment: DaysTaken
    waiting: int                              # wishes on the board today with no claim holding them
    waiting_longest: tuple[WaitingWish, ...]  # the WAITING_LISTED of them that waited longest


# -- checking what is typed ---------------------------------------------------------------------------------

def parse_value(value: float | str, *, field: str = "estimated_value") -> float:
    """What a wish is worth, in yuan: a number more than nothing; "120元", "¥120" and "120.5" are read."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        text = compact_text(str(value)).removeprefix("¥").removeprefix("￥").removesuffix("元")
        try:
            number = float(text) if re.fullmatch(r"\d+(\.\d+)?", text) else float("nan")
        except ValueError:
            number = float("nan")
        if number != number:  # not a number
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "\"{value}\" is not an amount. Write what the wish is worth in yuan, like 120."),
                field=field, value=str(value))
    if not number > 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter what the wish is worth, in yuan."), field=field)
    if number > MOST_VALUE:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "¥{value} cannot be right for a wish. Check the amount."), field=field, value=f"{number:g}")
    return round(number, 2)


def _text(value: str, *, field: str, most: int = LONG_TEXT, required: str = "") -> str:
    cleaned = clean_text(value)
    if required and not cleaned:
        raise InvalidInput(required, field=field)
    if len(cleaned) > most:
        raise InvalidInput(_TOO_LONG, field=field, most=most)
    return cleaned


def _day(value: str | date, *, field: str, today: date, not_after_today: bool = False,
         not_before_today: bool = False) -> date:
    day = parse_date(value, field=field)
    if not_after_today and day > today:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The date {value} is in the future. Enter the day it happened."), field=field,
            value=day.isoformat())
    if not_before_today and day < today:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The date {value} has passed already. Enter a day from today on, or leave it empty."),
            field=field, value=day.isoformat())
    return day


def _given(value: str | date) -> bool:
    return isinstance(value, date) or bool(clean_text(value))


# -- reading the records ----------------------------------------------------------------------------------------

def _wish(uow: UnitOfWork, wish_id: str) -> Wish:
    wish = uow.session.get(Wish, wish_id) if wish_id else None
    if wish is None or wish.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This wish is no longer on the list. Refresh the list."), field="wish_id")
    return wish


def _board_entry(session: Session, board_id: str) -> WishBoardEntry | None:
    entry = session.get(WishBoardEntry, board_id) if board_id else None
    return entry if entry is not None and not entry.deleted else None


def _holding(claims: Iterable[WishClaim], *, state: str, released: str, today: str,
             preferred: str = "") -> WishClaim | None:
    """Of the claims known here on one wish, the one that holds it now by the city server's ruling and the
    board's ``state`` (``released``: the claim its village let go), preferring the claim contact was recorded
    with."""
    holding = [claim for claim in claims if not claim.refused and claim_holds(
        held_until=claim.held_until, today=today, board_state=state, lapsed=claim.lapsed,
        released=released == claim.id)]
    holding.sort(key=lambda claim: claim.held_until, reverse=True)
    holding.sort(key=lambda claim: claim.id != preferred)
    return holding[0] if holding else None


def _holding_on(claims: Iterable[WishClaim], board: WishBoardEntry | None, today: str,
                preferred: str = "") -> WishClaim | None:
    if board is None:
        return None
    return _holding(claims, state=board.state, released=board.released_claim, today=today, preferred=preferred)


def _ruled_claims(session: Session, board_ids: list[str]) -> dict[str, list[WishClaim]]:
    """The claims on these wishes the city server has ruled on (a hold date), by wish."""
    found: dict[str, list[WishClaim]] = defaultdict(list)
    for start in range(0, len(board_ids), 500):
        for claim in session.scalars(select(WishClaim).where(
                WishClaim.board_id.in_(board_ids[start:start + 500]), WishClaim.held_until != "",
                WishClaim.deleted.is_(False))):
            found[claim.board_id].append(claim)
    return found


def _places(session: Session, codes: Iterable[str]) -> dict[str, Place]:
    """Each village code's village, township and county by name (their codes where a name is not known here)."""
    wanted = {code for code in codes if code}
    every = wanted | {code[:9] for code in wanted} | {code[:6] for code in wanted}
    names = region_names(session, every)
    return {code: Place(names.get(code, code), names.get(code[:9], code[:9]), names.get(code[:6], code[:6]))
            for code in wanted}


def _band(low: int, high: int) -> str:
    return band_text((low, high or None))


def _outcome(claim: WishClaim, *, state: str, released: str, today: str) -> ClaimOutcome:
    """How a claim made here stands: waiting for the city server's ruling, lost to another village's claim that
    reached it first, held, fulfilled, let go by the wish's village, or run out with nothing recorded."""
    if claim.refused == LOST:
        return ClaimOutcome.LOST
    if not claim.held_until:
        return ClaimOutcome.PENDING
    if claim.lapsed:
        return ClaimOutcome.LAPSED
    if released == claim.id:
        return ClaimOutcome.RELEASED
    if claim_holds(held_until=claim.held_until, today=today, board_state=state, lapsed=False, released=False):
        return ClaimOutcome.FULFILLED if state == BoardState.FULFILLED else ClaimOutcome.HELD
    return ClaimOutcome.LAPSED


def _infos(uow: UnitOfWork, wishes: list[Wish]) -> list[WishInfo]:
    session = uow.session
    today = uow.today().isoformat()
    ids = [wish.id for wish in wishes]
    boards = {entry.id: entry for start in range(0, len(ids), 500) for entry in session.scalars(
        select(WishBoardEntry).where(WishBoardEntry.id.in_(ids[start:start + 500]),
                                     WishBoardEntry.deleted.is_(False)))}
    ruled = _ruled_claims(session, list(boards))
    heads = {row.id: row for row in session.scalars(select(Household).where(
        Household.id.in_(list({wish.household_id for wish in wishes}))))}
    photos = set(session.scalars(select(WishPhoto.wish_id).where(WishPhoto.wish_id.in_(ids))))
    holds = {wish.id: _holding_on(ruled.get(wish.id, ()), boards.get(wish.id), today, wish.claim_id)
             for wish in wishes}
    places = _places(session, [claim.village_code for claim in holds.values() if claim is not None])
    may_edit = uow.role().can(Permission.EDIT_HOUSEHOLDS)
    infos = []
    for wish in wishes:
        board, hold, head = boards.get(wish.id), holds[wish.id], heads.get(wish.household_id)
        on_board = board is not None and wish.status in (WishStatus.PUBLISHED, WishStatus.FULFILLED)
        state = board.state if on_board else ""
        infos.append(WishInfo(
            id=wish.id, household_id=wish.household_id, head_name=head.head_name if head else "",
            group_name=head.group_name if head else "", words=wish.words, category=wish.category,
            estimated_value=wish.estimated_value, wanted_by=wish.wanted_by, status=wish.status,
            collected_on=wish.collected_on, collected_by=wish.collected_by, vetted_on=wish.vetted_on,
            decision_note=wish.decision_note, published_on=wish.published_on, public_text=wish.public_text,
            band=band_text(value_band(wish.estimated_value)), board_state=state, contacted_on=wish.contacted_on,
            fulfilled_on=wish.fulfilled_on, given=wish.given, given_by=wish.given_by, confirmed=wish.confirmed,
            confirmation_note=wish.confirmation_note, notes=wish.notes, has_photo=wish.id in photos,
            hold=None if hold is None else HoldInfo(
                claim_id=hold.id, claimant_kind=hold.claimant_kind, claimant_name=hold.claimant_name,
                claimant_contact=hold.claimant_contact, village_code=hold.village_code,
                village_name=places[hold.village_code].village, claimed_on=hold.claimed_on,
                held_until=hold.held_until),
            actions=wish_actions(wish.status, held=hold is not None, may_edit=may_edit,
                                 contacted=state == BoardState.CONTACTED)))
    return infos


def _info(uow: UnitOfWork, wish: Wish) -> WishInfo:
    return _infos(uow, [wish])[0]


def _hold_of(uow: UnitOfWork, wish: Wish) -> tuple[WishBoardEntry | None, WishClaim | None]:
    board = _board_entry(uow.session, wish.id)
    if board is None:
        return None, None
    return board, _holding_on(_ruled_claims(uow.session, [wish.id]).get(wish.id, ()), board,
                              uow.today().isoformat(), wish.claim_id)


def _require_step(uow: UnitOfWork, wish: Wish, step: WishAction) -> tuple[WishBoardEntry | None, WishClaim | None]:
    """Refuse a step the wish's state does not allow (the rule the screens enable their buttons by); the board
    record and the claim that holds the wish now, for the step to use."""
    board, hold = _hold_of(uow, wish)
    contacted = board is not None and board.state == BoardState.CONTACTED
    if step in wish_actions(wish.status, held=hold is not None, may_edit=True, contacted=contacted):
        return board, hold
    if step in (WishAction.FULFIL, WishAction.RECORD_CONTACT, WishAction.RELEASE) \
            and wish.status == WishStatus.PUBLISHED and hold is None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "No claim holds this wish now, so there is no claimant to record. A wish is fulfilled by the "
            "claimant the city server gave it to: once a claim holds it (it comes with a sync), record the contact "
            "and the fulfilment."), field="wish_id")
    raise InvalidInput(QT_TRANSLATE_NOOP(
        "desktop", "The wish \"{words}\" is \"{status}\"; this step is not possible now."), field="wish_id",
        words=_short(wish.words), status=Term(WishStatus(wish.status).label))


def _short(text: str, most: int = 20) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"


def _step(uow: UnitOfWork, wish: Wish, action: str, **details: object) -> WishInfo:
    """Save a step and name it in the audit log (beside the changed fields the log keeps anyway)."""
    uow.session.flush()
    uow.audit(action, entity="wishes", entity_id=wish.id, **details)
    return _info(uow, wish)


def _follow(board: WishBoardEntry | None, **values: object) -> None:
    """The board record follows the wish: set what changed."""
    if board is None:
        return
    for name, value in values.items():
        if getattr(board, name) != value:
            setattr(board, name, value)


# -- the village's wishes ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Checked:
    household_id: str
    words: str
    category: str
    estimated_value: float
    wanted_by: str
    notes: str


def _check(uow: UnitOfWork, form: WishForm) -> _Checked:
    household = record_row(uow, HOUSEHOLDS, form.household_id, follow_merge=True)
    if household.status != HouseholdStatus.HELPED.value:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The household of {name} is no longer being helped ({status}). Choose a household being "
            "helped, or change its status first."), field="household_id", name=household.head_name,
            status=Term(HouseholdStatus(household.status).label))
    words = _text(form.words, field="words", required=QT_TRANSLATE_NOOP(
        "desktop", "Write down the wish as the household said it."))
    category = WishCategory.parse(form.category or WishCategory.OTHER.value, field="category",
                                  message=QT_TRANSLATE_NOOP("desktop", "Choose the kind of wish from the list.")).value
    value = parse_value(form.estimated_value)
    today = uow.today()
    wanted = _day(form.wanted_by, field="wanted_by", today=today, not_before_today=True).isoformat() \
        if _given(form.wanted_by) else ""
    return _Checked(household.id, words, category, value, wanted, _text(form.notes, field="notes"))


def collect_wish(uow: UnitOfWork, *, form: WishForm) -> WishInfo:
    """Write down a household's wish in its own words: the first step, before it is vetted."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    checked = _check(uow, form)
    wish = Wish(village_code=village_code(uow), household_id=checked.household_id, words=checked.words,
                category=checked.category, estimated_value=checked.estimated_value, wanted_by=checked.wanted_by,
                notes=checked.notes, status=WishStatus.COLLECTED.value, collected_on=uow.today().isoformat(),
                collected_by=uow.actor.display_name[:64])
    uow.session.add(wish)
    return _step(uow, wish, "collect_wish")


def update_wish(uow: UnitOfWork, *, wish_id: str, form: WishForm) -> WishInfo:
    """Change a wish not yet published; a vetted wish is held to the value cap again."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    wish = _wish(uow, wish_id)
    _require_step(uow, wish, WishAction.EDIT)
    checked = _check(uow, form)
    if wish.status == WishStatus.VETTED:
        check_value(checked.estimated_value, cap=load_settings(uow).wish_value_cap)
    for name in ("household_id", "words", "category", "estimated_value", "wanted_by", "notes"):
        if getattr(wish, name) != getattr(checked, name):
            setattr(wish, name, getattr(checked, name))
    uow.session.flush()
    return _info(uow, wish)


def vet_wish(uow: UnitOfWork, *, wish_id: str, note: str = "") -> WishInfo:
    """Find the wish fit to publish: within the value cap (a setting, ¥500 unless the admin changed it)."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    wish = _wish(uow, wish_id)
    _require_step(uow, wish, WishAction.VET)
    check_value(wish.estimated_value, cap=load_settings(uow).wish_value_cap)
    wish.status = WishStatus.VETTED.value
    wish.vetted_on = uow.today().isoformat()
    wish.decision_note = _text(note, field="note")
    return _step(uow, wish, "vet_wish")


def reject_wish(uow: UnitOfWork, *, wish_id: str, reason: str) -> WishInfo:
    """Not a micro-wish (over the cap, or not what the programme gives): the reason is kept with it."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    wish = _wish(uow, wish_id)
    _require_step(uow, wish, WishAction.REJECT)
    wish.decision_note = _text(reason, field="reason", required=QT_TRANSLATE_NOOP(
        "desktop", "Write why the wish is not taken up, so the household can be told."))
    wish.status = WishStatus.REJECTED.value
    wish.vetted_on = uow.today().isoformat()
    return _step(uow, wish, "reject_wish", reason=wish.decision_note)


def household_names(session: Session, household_id: str) -> list[str]:
    """The names of a household's people (of its merged duplicates too): what the board's text must not hold."""
    ids = Identities.load(session, HOUSEHOLDS).counted_ids(household_id)
    heads = session.scalars(select(Household.head_name).where(Household.id.in_(ids)))
    members = session.scalars(select(HouseholdMember.name).where(HouseholdMember.household_id.in_(ids),
                                                                 HouseholdMember.deleted.is_(False)))
    return list(dict.fromkeys(name for name in (*heads, *members) if name))


def publish_wish(uow: UnitOfWork, *, wish_id: str, public_text: str) -> WishInfo:
    """Put a vetted wish on the city's board with the text the coordinator wrote for the public: no name of the
    household's people, no number like an ID or a phone number (the message names what it found).  The board
    shows the band of its value, its kind, its dates and its village and township, nothing else."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    wish = _wish(uow, wish_id)
    board, _hold = _require_step(uow, wish, WishAction.PUBLISH)
    text = check_publication(public_text, names=household_names(uow.session, wish.household_id))
    if len(text) > 500:
        raise InvalidInput(_TOO_LONG, field="public_text", most=500)
    today = uow.today().isoformat()
    if wish.wanted_by and wish.wanted_by < today:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The wish was wanted by {date}, which has passed. Change the date first, or withdraw the "
            "wish."), field="wish_id", date=wish.wanted_by)
    settings: Settings = load_settings(uow)
    low, high = value_band(wish.estimated_value)
    values = dict(village_code=wish.village_code, public_text=text, category=wish.category, value_low=low,
                  value_high=high or 0, published_on=today, wanted_by=wish.wanted_by, state=BoardState.OPEN.value,
                  hold_days=settings.wish_hold_days)
    if board is None:
        gone = uow.session.get(WishBoardEntry, wish.id)  # taken off the board once: it comes back
        if gone is None:
            uow.session.add(WishBoardEntry(id=wish.id, released_claim="", **values))
        else:
            _follow(gone, deleted=False, **values)
    else:
        _follow(board, **values)
    wish.status = WishStatus.PUBLISHED.value
    wish.published_on = today
    wish.public_text = text
    return _step(uow, wish, "publish_wish")


def record_contact(uow: UnitOfWork, *, wish_id: str, contacted_on: str | date = "", note: str = "") -> WishInfo:
    """The claimant has been in touch: from now on the claim holds the wish until it is fulfilled."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    wish = _wish(uow, wish_id)
    board, hold = _require_step(uow, wish, WishAction.RECORD_CONTACT)
    today = uow.today()
    day = _day(contacted_on, field="contacted_on", today=today, not_after_today=True) if _given(contacted_on) \
        else today
    _follow(board, state=BoardState.CONTACTED.value)
    wish.contacted_on = day.isoformat()
    wish.claim_id = hold.id
    return _step(uow, wish, "record_wish_contact", claimant_name=hold.claimant_name, note=_text(note, field="note"))


def fulfil_wish(uow: UnitOfWork, *, wish_id: str, given: str, confirmed: bool, fulfilled_on: str | date = "",
                given_by: str = "", confirmation_note: str = "", photo: Photo | None = None) -> WishInfo:
    """The wish was handed to the household, who confirmed it: the day, what was given and by whom (the
    claimant unless said otherwise), and a photo kept at this station only.  Only a claim that holds the wish
    can fulfil it; without one the fulfilment is refused."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    wish = _wish(uow, wish_id)
    board, hold = _require_step(uow, wish, WishAction.FULFIL)
    today = uow.today()
    day = _day(fulfilled_on, field="fulfilled_on", today=today, not_after_today=True) if _given(fulfilled_on) \
        else today
    if wish.published_on and day.isoformat() < wish.published_on:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The wish went on the board on {date}; it cannot have been fulfilled before. Check the "
            "date."), field="fulfilled_on", date=wish.published_on)
    what = _text(given, field="given", required=QT_TRANSLATE_NOOP(
        "desktop", "Write what was given to the household."))
    by = _text(given_by, field="given_by", most=100) or hold.claimant_name
    if not confirmed:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Record the fulfilment once the household has confirmed it received the wish (a signature "
            "or a word to the coordinator)."), field="confirmed")
    kept = _checked_photo(photo) if photo is not None else None
    _follow(board, state=BoardState.FULFILLED.value)
    wish.status = WishStatus.FULFILLED.value
    wish.fulfilled_on = day.isoformat()
    wish.given, wish.given_by = what, by
    wish.confirmed = True
    wish.confirmation_note = _text(confirmation_note, field="confirmation_note")
    wish.claim_id = hold.id
    if not wish.contacted_on:
        wish.contacted_on = day.isoformat()
    if kept is not None:
        uow.session.add(WishPhoto(wish_id=wish.id, file_name=kept.file_name, image=kept.data))
    return _step(uow, wish, "fulfil_wish", claimant_name=hold.claimant_name)


_IMAGE_STARTS = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


def _checked_photo(photo: Photo) -> Photo:
    if not photo.data.startswith(_IMAGE_STARTS):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The file {file} is not a photo this station keeps. Choose a JPEG or PNG picture."),
            field="photo", file=photo.file_name)
    if len(photo.data) > MOST_PHOTO_BYTES:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The photo {file} is too large to keep (at most 5 MB). Choose a smaller picture."),
            field="photo", file=photo.file_name)
    name = clean_text(photo.file_name).replace("\\", "/").rsplit("/", 1)[-1][:200] or "photo"
    return Photo(name, photo.data)


def withdraw_wish(uow: UnitOfWork, *, wish_id: str, reason: str) -> WishInfo:
    """Take a wish back (the household no longer needs it): off the board, if it was on it."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    wish = _wish(uow, wish_id)
    board, _hold = _require_step(uow, wish, WishAction.WITHDRAW)
    wish.decision_note = _text(reason, field="reason", required=QT_TRANSLATE_NOOP(
        "desktop", "Write why the wish is withdrawn."))
    if wish.status == WishStatus.PUBLISHED:
        _follow(board, state=BoardState.WITHDRAWN.value)
    wish.status = WishStatus.WITHDRAWN.value
    return _step(uow, wish, "withdraw_wish", reason=wish.decision_note)


def expire_wish(uow: UnitOfWork, *, wish_id: str) -> WishInfo:
    """Its wanted-by day passed while it was on the board with nobody holding it: off the board."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    wish = _wish(uow, wish_id)
    board, _hold = _require_step(uow, wish, WishAction.EXPIRE)
    if wish.wanted_by and wish.wanted_by >= uow.today().isoformat():
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The wish is wanted until {date}, so it has not expired. If the household no longer needs "
            "it, withdraw it."), field="wish_id", date=wish.wanted_by)
    _follow(board, state=BoardState.EXPIRED.value)
    wish.status = WishStatus.EXPIRED.value
    return _step(uow, wish, "expire_wish")


def reopen_wish(uow: UnitOfWork, *, wish_id: str, note: str = "") -> WishInfo:
    """A rejected, withdrawn or expired wish is collected again, to be vetted (and published) anew."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    wish = _wish(uow, wish_id)
    _require_step(uow, wish, WishAction.REOPEN)
    wish.status = WishStatus.COLLECTED.value
    wish.vetted_on = ""
    wish.contacted_on = ""
    wish.claim_id = ""
    wish.decision_note = _text(note, field="note")
    return _step(uow, wish, "reopen_wish", note=wish.decision_note)


def release_claim(uow: UnitOfWork, *, wish_id: str, reason: str = "") -> WishInfo:
    """The claimant gave up: the claim that holds the wish is let go and the wish is on the board again."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    wish = _wish(uow, wish_id)
    board, hold = _require_step(uow, wish, WishAction.RELEASE)
    _follow(board, released_claim=hold.id, state=BoardState.OPEN.value)
    wish.claim_id = ""
    wish.contacted_on = ""
    return _step(uow, wish, "release_wish_claim", claimant_name=hold.claimant_name,
                 reason=_text(reason, field="reason"))


def get_wish(uow: UnitOfWork, *, wish_id: str) -> WishInfo:
    uow.require(Permission.VIEW_DATA)
    return _info(uow, _wish(uow, wish_id))


def list_wishes(uow: UnitOfWork, *, status: str = "", text: str = "", household_id: str = "") -> list[WishInfo]:
    """The village's wishes, newest first: of one status, one household, or whose words, board text or
    household head hold ``text``."""
    uow.require(Permission.VIEW_DATA)
    query = select(Wish).where(Wish.deleted.is_(False))
    if status:
        query = query.where(Wish.status == status)
    if household_id:
        query = query.where(Wish.household_id.in_(Identities.load(uow.session, HOUSEHOLDS).counted_ids(household_id)))
    wanted = clean_text(text)
    if wanted:
        heads = select(Household.id).where(Household.head_name.contains(wanted))
        query = query.where(or_(Wish.words.contains(wanted), Wish.public_text.contains(wanted),
                                Wish.household_id.in_(heads)))
    rows = list(uow.session.scalars(query.order_by(Wish.collected_on.desc(), Wish.created_at.desc(), Wish.id)))
    return _infos(uow, rows)


def wish_photo(uow: UnitOfWork, *, wish_id: str) -> PhotoInfo | None:
    """The photo of a fulfilled wish's hand-over, if one was kept."""
    uow.require(Permission.VIEW_DATA)
    wish = _wish(uow, wish_id)
    photo = uow.session.scalars(select(WishPhoto).where(WishPhoto.wish_id == wish.id)
                                .order_by(WishPhoto.created_at.desc())).first()
    return PhotoInfo(wish.id, photo.file_name, photo.image) if photo is not None else None


# -- claims made here ----------------------------------------------------------------------------------------------

def claim_wish(uow: UnitOfWork, *, board_id: str, claimant_kind: str, claimant_name: str = "",
               claimant_contact: str = "", volunteer_id: str = "", note: str = "") -> ClaimInfo:
    """Claim a wish of the board, of any village (this one's too), for one of this village's volunteers or for a
    donor or work unit from outside, named with a contact.  The claim is addressed to the wish's village; it waits
    for the city server, which gives the wish to the first claim that reaches it."""
    uow.require(Permission.EDIT_HOUSEHOLDS)
    session = uow.session
    board = _board_entry(session, board_id)
    if board is None or board.state != BoardState.OPEN:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This wish is no longer on the board: it was claimed, fulfilled or taken off. Refresh the "
            "board and choose another wish."), field="board_id")
    today = uow.today().isoformat()
    mine = village_code(uow)
    ruled = _ruled_claims(session, [board.id]).get(board.id, [])
    if _holding_on(ruled, board, today) is not None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "A claim holds this wish already, so it cannot be claimed now. If the claimant does not get "
            "in touch in time, it comes back on the board by itself."), field="board_id")
    waiting = session.scalars(select(WishClaim).where(
        WishClaim.board_id == board.id, WishClaim.village_code == mine, WishClaim.held_until == "",
        WishClaim.refused == "", WishClaim.deleted.is_(False))).first()
    if waiting is not None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This station claimed the wish already for {name} on {date}; the claim waits for the city "
            "server. Sync to hear whether it holds."), field="board_id", name=waiting.claimant_name,
            date=waiting.claimed_on)
    kind = ClaimantKind.parse(claimant_kind or "", field="claimant_kind", message=QT_TRANSLATE_NOOP(
        "desktop", "Choose who claims the wish: a volunteer, a donor or a work unit.")).value
    volunteer = ""
    name = _text(claimant_name, field="claimant_name", most=100)
    contact = _text(claimant_contact, field="claimant_contact", most=64)
    if kind == ClaimantKind.VOLUNTEER:
        if not volunteer_id:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Choose the volunteer who claims the wish."), field="volunteer_id")
        person = volunteer_row(uow, volunteer_id, follow_merge=True)
        volunteer, name, contact = person.id, person.name, contact or person.phone
    elif not name:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Enter the name of the donor or work unit who claims the wish."), field="claimant_name")
    if not contact:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Enter how the claimant can be reached (a phone number, say): the wish's village gets in "
            "touch this way."), field="claimant_contact")
    claim = WishClaim(village_code=mine, to_village_code=board.village_code, board_id=board.id, claimant_kind=kind,
                      claimant_name=name, claimant_contact=contact, volunteer_id=volunteer, claimed_on=today,
                      note=_text(note, field="note"), held_until="", lapsed=False, refused="")
    session.add(claim)
    session.flush()
    uow.audit("claim_wish", entity="wish_claims", entity_id=claim.id, board_id=board.id, claimant_name=name)
    return _claim_infos(uow, [claim])[0]


def _claim_infos(uow: UnitOfWork, claims: list[WishClaim]) -> list[ClaimInfo]:
    session = uow.session
    today = uow.today().isoformat()
    boards = {entry.id: entry for entry in session.scalars(select(WishBoardEntry).where(
        WishBoardEntry.id.in_(list({claim.board_id for claim in claims}))))}
    places = _places(session, [claim.to_village_code for claim in claims])
    infos = []
    for claim in claims:
        board = boards.get(claim.board_id)
        place = places.get(claim.to_village_code, Place("", "", ""))
        infos.append(ClaimInfo(
            id=claim.id, board_id=claim.board_id, public_text=board.public_text if board else "",
            category=board.category if board else "", band=_band(board.value_low, board.value_high) if board else "",
            village_code=claim.to_village_code, village_name=place.village, township_name=place.township,
            claimant_kind=claim.claimant_kind, claimant_name=claim.claimant_name,
            claimant_contact=claim.claimant_contact, volunteer_id=claim.volunteer_id, claimed_on=claim.claimed_on,
            note=claim.note, held_until=claim.held_until, outcome=_outcome(
                claim, state=board.state if board else BoardState.OPEN.value,
                released=board.released_claim if board else "", today=today).value))
    return infos


def list_claims(uow: UnitOfWork, *, outcome: str = "") -> list[ClaimInfo]:
    """The claims made at this station, newest first, each with how it stands (of one outcome when asked)."""
    uow.require(Permission.VIEW_DATA)
    claims = list(uow.session.scalars(select(WishClaim).where(
        WishClaim.village_code == village_code(uow), WishClaim.deleted.is_(False))
        .order_by(WishClaim.claimed_on.desc(), WishClaim.created_at.desc(), WishClaim.id)))
    infos = _claim_infos(uow, claims)
    return [info for info in infos if info.outcome == outcome] if outcome else infos


# -- the city's board ---------------------------------------------------------------------------------------------

_VILLAGE, _TOWNSHIP, _COUNTY = aliased(Region), aliased(Region), aliased(Region)


def _board_query(query: Select, *, county: str, township: str, category: str,
                 value_band: tuple[int, int | None] | None, waited_days: int, include_taken: bool,
                 today: date) -> Select:
    entry = WishBoardEntry
    query = query.where(entry.deleted.is_(False))
    if not include_taken:
        query = query.where(entry.state == BoardState.OPEN.value)
    else:
        query = query.where(entry.state.in_([BoardState.OPEN.value, BoardState.CONTACTED.value,
                                             BoardState.FULFILLED.value]))
    if township:
        query = query.where(func.substr(entry.village_code, 1, 9) == township)
    elif county:
        query = query.where(func.substr(entry.village_code, 1, 6) == county)
    if category:
        query = query.where(entry.category == category)
    if value_band is not None:
        low, high = value_band
        query = query.where(entry.value_low >= low)
        if high is not None:
            query = query.where(entry.value_high != 0, entry.value_high <= high)
    if waited_days > 0:
        query = query.where(entry.published_on <= (today - timedelta(days=waited_days)).isoformat())
    return query


def board(uow: UnitOfWork, *, county: str = "", township: str = "", category: str = "",
          value_band: tuple[int, int | None] | None = None, waited_days: int = 0, include_taken: bool = False,
          offset: int = 0, limit: int | None = None) -> list[BoardRow]:
    """Every village's published wishes this station has, those that waited longest first: filtered by county,
    township, kind, band of value (those within ``value_band``) and how long they have waited (at least
    ``waited_days``); waiting for a claim, or with ``include_taken`` those claimed and fulfilled too.  Only what
    the villages published: the board reads ``wish_board`` alone, never a household."""
    uow.require(Permission.VIEW_DATA)
    session = uow.session
    today = uow.today()
    entry = WishBoardEntry
    query = (select(entry.id, entry.village_code, entry.public_text, entry.category, entry.value_low,
                    entry.value_high, entry.published_on, entry.wanted_by, entry.state, entry.released_claim,
                    _VILLAGE.name, _TOWNSHIP.name, _COUNTY.name)
             .outerjoin(_VILLAGE, _VILLAGE.code == entry.village_code)
             .outerjoin(_TOWNSHIP, _TOWNSHIP.code == func.substr(entry.village_code, 1, 9))
             .outerjoin(_COUNTY, _COUNTY.code == func.substr(entry.village_code, 1, 6)))
    query = _board_query(query, county=county, township=township, category=category, value_band=value_band,
                         waited_days=waited_days, include_taken=include_taken, today=today)
    query = query.order_by(entry.published_on, entry.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    found = session.execute(query).all()
    ids = [row[0] for row in found]
    claims: dict[str, list[WishClaim]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        for claim in session.scalars(select(WishClaim).where(WishClaim.board_id.in_(ids[start:start + 500]),
                                                             WishClaim.deleted.is_(False))):
            claims[claim.board_id].append(claim)
    mine = village_code(uow)
    today_text = today.isoformat()
    rows = []
    for (board_id, code, text, kind, low, high, published, wanted, state, released, village, township_name,
         county_name) in found:
        known = claims.get(board_id, [])
        held = _holding([claim for claim in known if claim.held_until], state=state, released=released,
                        today=today_text) is not None
        ours = [claim for claim in known if claim.village_code == mine]
        ours.sort(key=lambda claim: (claim.claimed_on, claim.created_at))
        rows.append(BoardRow(
            id=board_id, village_code=code, village_name=village or code, township_name=township_name or code[:9],
            county_name=county_name or code[:6], public_text=text, category=kind, value_low=low, value_high=high,
            band=_band(low, high), published_on=published, waited_days=_days_between(published, today_text),
            wanted_by=wanted, state=state, own=code == mine, held=held,
            our_claim=_outcome(ours[-1], state=state, released=released, today=today_text).value if ours else ""))
    return rows


def count_board(uow: UnitOfWork, *, county: str = "", township: str = "", category: str = "",
                value_band: tuple[int, int | None] | None = None, waited_days: int = 0,
                include_taken: bool = False) -> int:
    uow.require(Permission.VIEW_DATA)
    query = _board_query(select(func.count()).select_from(WishBoardEntry), county=county, township=township,
                         category=category, value_band=value_band, waited_days=waited_days,
                         include_taken=include_taken, today=uow.today())
    return uow.session.scalar(query) or 0


def board_places(uow: UnitOfWork) -> BoardPlaces:
    """The counties and townships the board's wishes come from, for its filters."""
    uow.require(Permission.VIEW_DATA)
    codes = list(uow.session.scalars(select(WishBoardEntry.village_code).where(
        WishBoardEntry.deleted.is_(False)).distinct()))
    places = _places(uow.session, codes)
    counties: dict[str, str] = {}
    townships: dict[str, dict[str, str]] = defaultdict(dict)
    for code, place in places.items():
        counties[code[:6]] = place.county
        townships[code[:6]][code[:9]] = place.township
    return BoardPlaces(tuple(sorted(counties.items())),
                       {county: tuple(sorted(found.items())) for county, found in townships.items()})


def _days_between(earlier: str, later: str) -> int:
    try:
        return max((date.fromisoformat(later) - date.fromisoformat(earlier)).days, 0)
    except ValueError:
        return 0


# -- the report --------------------------------------------------------------------------------------------------

Progress = Callable[[int, int], None]


def _taken(days: list[int]) -> DaysTaken:
    if not days:
        return DaysTaken(0, 0.0, 0)
    return DaysTaken(len(days), round(sum(days) / len(days), 1), max(days))


def wish_report(uow: UnitOfWork, *, year: int, progress: Progress | None = None) -> WishReport:
    """The village's micro-wishes in ``year``: collected by month and their status now, fulfilled by month with
    their value, the days from publishing to the claim that won and from that claim to the fulfilment, and the
    wishes waiting longest on the board today.  ``progress(done, total)`` is told as each part is read."""
    uow.require(Permission.VIEW_DATA)
    session = uow.session
    steps = 4
    tell = progress or (lambda done, total: None)
    first, last = f"{year:04d}-01-01", f"{year:04d}-12-31"
    tell(0, steps)
    collected = session.execute(select(Wish.collected_on, Wish.status).where(
        Wish.deleted.is_(False), Wish.collected_on >= first, Wish.collected_on <= last)).all()
    by_month: dict[int, Counter] = defaultdict(Counter)
    for on, status in collected:
        by_month[int(on[5:7])][status] += 1
    tell(1, steps)
    fulfilled = session.execute(select(Wish.fulfilled_on, Wish.estimated_value, Wish.published_on, Wish.claim_id)
                                .where(Wish.deleted.is_(False), Wish.status == WishStatus.FULFILLED.value,
                                       Wish.fulfilled_on >= first, Wish.fulfilled_on <= last)).all()
    done_by_month: dict[int, list[float]] = defaultdict(list)
    for on, value, _published, _claim in fulfilled:
        done_by_month[int(on[5:7])].append(value)
    tell(2, steps)
    # The claim each wish went to: the one recorded with it, else the one that holds it now.
    published = session.execute(select(Wish.id, Wish.published_on, Wish.fulfilled_on, Wish.claim_id, Wish.status)
                                .where(Wish.deleted.is_(False), Wish.published_on != "")).all()
    ids = [row[0] for row in published]
    boards = {entry.id: entry for start in range(0, len(ids), 500) for entry in session.scalars(
        select(WishBoardEntry).where(WishBoardEntry.id.in_(ids[start:start + 500])))}
    ruled = _ruled_claims(session, ids)
    today = uow.today().isoformat()
    to_claim, to_fulfil = [], []
    for wish_id, published_on, fulfilled_on, claim_id, status in published:
        claims = ruled.get(wish_id, [])
        claim = next((c for c in claims if c.id == claim_id), None) or _holding_on(claims, boards.get(wish_id), today)
        if claim is None or not claim.claimed_on:
            continue
        if first <= claim.claimed_on <= last:
            to_claim.append(_days_between(published_on, claim.claimed_on))
        if status == WishStatus.FULFILLED and first <= fulfilled_on <= last:
            to_fulfil.append(_days_between(claim.claimed_on, fulfilled_on))
    tell(3, steps)
    waiting = [info for info in list_wishes(uow, status=WishStatus.PUBLISHED.value) if info.hold is None]
    waiting.sort(key=lambda info: (info.published_on, info.id))
    longest = tuple(WaitingWish(info.id, info.head_name, info.words, info.public_text, info.band, info.published_on,
                                _days_between(info.published_on, today)) for info in waiting[:WAITING_LISTED])
    months = tuple(MonthLine(month, dict(by_month.get(month, {})), sum(by_month.get(month, Counter()).values()),
                             len(done_by_month.get(month, [])), round(sum(done_by_month.get(month, [])), 2))
                   for month in range(1, 13))
    totals: Counter = Counter()
    for line in months:
        totals.update(line.by_status)
    tell(steps, steps)
    return WishReport(year=year, village_name=station_info(uow).village.name, made_on=today, months=months,
                      by_status=dict(totals), fulfilled=len(fulfilled),
                      value_fulfilled=round(sum(value for _on, value, _p, _c in fulfilled), 2),
                      publish_to_claim=_taken(to_claim), claim_to_fulfilment=_taken(to_fulfil),
                      waiting=len(waiting), waiting_longest=longest)
