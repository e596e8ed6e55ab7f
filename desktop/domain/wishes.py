"""Micro-wishes (微心愿): their states and what may be done next, the value cap and the value shown on the
board, and the check that a text written for the city's board gives no one away."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.id_number import find_id_numbers
from desktop.domain.labelled import Labelled, register_labels
from desktop.domain.names import given_name
from desktop.domain.phone import find_phone_numbers
from desktop.domain.text import clean_text
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP


class WishStatus(Labelled):
    COLLECTED = "collected"    # written down in the household's words, not yet vetted
    VETTED = "vetted"          # within the cap and fit to publish
    REJECTED = "rejected"      # not a micro-wish (over the cap, not the programme's), with a reason
    PUBLISHED = "published"    # on the city board, anonymised
    FULFILLED = "fulfilled"    # given to the household, who confirmed it
    WITHDRAWN = "withdrawn"    # taken back (the household no longer needs it)
    EXPIRED = "expired"        # its wanted-by date passed while it was on the board


class WishCategory(Labelled):
    STUDY = "study"            # 学习用品
    CLOTHING = "clothing"      # 衣物被褥
    DAILY = "daily"            # 生活用品
    FOOD = "food"              # 米面粮油
    HEALTH = "health"          # 康复护理
    APPLIANCE = "appliance"    # 家电
    COMPANY = "company"        # 陪伴服务
    OTHER = "other"


class BoardState(Labelled):
    """A wish as the city's board shows it (the ``wish_board`` record its village publishes)."""

    OPEN = "open"            # waiting for a claim (or its claim's hold lapsed)
    CONTACTED = "contacted"  # the claimant has been in touch: the claim holds until the wish is fulfilled
    FULFILLED = "fulfilled"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


class ClaimantKind(Labelled):
    VOLUNTEER = "volunteer"    # a volunteer of the claiming village
    DONOR = "donor"            # a person from outside, recorded by name and contact
    WORK_UNIT = "work_unit"    # a work unit or organisation


class ClaimOutcome(Labelled):
    """A claim as the claiming station sees it."""

    PENDING = "pending"    # made here, not yet ruled on by the city server
    HELD = "held"          # the city server let it win: the wish is held for the claimant
    LOST = "lost"          # another village's claim reached the city server first
    LAPSED = "lapsed"      # its hold ran out with no contact recorded, and the wish went back on the board
    RELEASED = "released"  # the wish's village let it go (the claimant gave up)
    FULFILLED = "fulfilled"


def claim_holds(*, held_until: str, today: str, board_state: str, lapsed: bool, released: bool) -> bool:
    """Whether a claim the city server let win still holds its wish: until its hold date, or — once contact is
    recorded — until the wish is fulfilled; never after it lapsed or was released.  Every station and the
    server decide it by this one rule, from the dates alone, so a wish goes back on the board by itself."""
    if lapsed or released or not held_until:
        return False
    if board_state in (BoardState.CONTACTED, BoardState.FULFILLED):
        return True
    return board_state == BoardState.OPEN and today <= held_until


# ``wish_claims.refused`` once the city server refused the claim because another claim reached it first (or
# the wish was off the board by then): a station's own mark, never synced.
CLAIM_LOST = "lost"


def claim_outcome(*, claim_id: str, refused: str, held_until: str, lapsed: bool, board_state: str | None,
                  released_claim: str, today: str) -> ClaimOutcome:
    """Where a claim stands, as a station knows it from the claim's row and its wish's board record:

    - lost: the city server refused it (``refused`` is ``CLAIM_LOST``); it never syncs;
    - pending: no ruling here yet (its change waits in the outbox, or the server's ruling has not been pulled);
    - released: the wish's village let the claimant go (the board's ``released_claim``);
    - lapsed: the server marked it so when another claim took the wish, or its hold ran out with nothing
      recorded (``claim_holds`` says no: the wish is back on the board even before another claim comes);
    - fulfilled: it held the wish until the wish's village recorded it fulfilled;
    - held: it holds the wish now.

    ``today`` is the station's date (``YYYY-MM-DD``); ``board_state`` None when the board record is not here."""
    if refused == CLAIM_LOST:
        return ClaimOutcome.LOST
    if not held_until:
        return ClaimOutcome.PENDING
    if released_claim == claim_id:
        return ClaimOutcome.RELEASED
    if lapsed:
        return ClaimOutcome.LAPSED
    state = board_state or BoardState.OPEN
    if not claim_holds(held_until=held_until, today=today, board_state=state, lapsed=False, released=False):
        return ClaimOutcome.LAPSED
    return ClaimOutcome.FULFILLED if state == BoardState.FULFILLED else ClaimOutcome.HELD


class WishAction(enum.StrEnum):
    """What a person may do next with a wish (``wish_actions``); screens enable their buttons by it."""

    EDIT = "edit"
    VET = "vet"
    REJECT = "reject"
    PUBLISH = "publish"
    RECORD_CONTACT = "record_contact"
    FULFIL = "fulfil"
    WITHDRAW = "withdraw"
    EXPIRE = "expire"
    REOPEN = "reopen"
    RELEASE = "release"  # let the claim that holds the wish go (the claimant gave up): it is on the board again


def wish_actions(status: str, *, held: bool, may_edit: bool, contacted: bool = False) -> frozenset[WishAction]:
    """The wish's state machine, seen from its own village: collected → vetted (or rejected) → published →
    fulfilled once a claim has won; withdrawn or expired on the way; a rejected, withdrawn or expired wish
    may be reopened.  ``held``: a claim the city server let win holds the wish now; ``contacted``: the
    village has recorded the claimant's contact (once is enough)."""
    if not may_edit:
        return frozenset()
    if status == WishStatus.COLLECTED:
        return frozenset({WishAction.EDIT, WishAction.VET, WishAction.REJECT, WishAction.WITHDRAW})
    if status == WishStatus.VETTED:
        return frozenset({WishAction.EDIT, WishAction.PUBLISH, WishAction.WITHDRAW})
    if status == WishStatus.PUBLISHED:
        if held:  # promised to a claimant: it ends fulfilled, or the hold lapses and it is on the board again
            steps = {WishAction.FULFIL, WishAction.RELEASE}
            return frozenset(steps if contacted else steps | {WishAction.RECORD_CONTACT})
        return frozenset({WishAction.WITHDRAW, WishAction.EXPIRE})
    if status in (WishStatus.REJECTED, WishStatus.WITHDRAWN, WishStatus.EXPIRED):
        return frozenset({WishAction.REOPEN})
    return frozenset()


def check_value(value: float, *, cap: int, field: str = "estimated_value") -> float:
    """An estimated value in yuan: more than nothing and within the cap."""
    if not value > 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter what the wish is worth, in yuan."), field=field)
    if value > cap:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "A micro-wish is worth at most ¥{cap}; this one is ¥{value}. Reject it, or help the "
            "household another way."), field=field, cap=cap, value=f"{value:g}")
    return round(value, 2)


# The board shows a band, not the amount: enough to choose a wish, too coarse to identify it.
VALUE_BANDS = (50, 100, 200, 300, 500, 1000, 2000, 5000)


def value_band(value: float) -> tuple[int, int | None]:
    """The band a value falls in: (0, 50), (50, 100) … (5000, None) for anything above."""
    low = 0
    for high in VALUE_BANDS:
        if value <= high:
            return low, high
        low = high
    return low, None


def band_text(band: tuple[int, int | None]) -> str:
    low, high = band
    return f"¥{low}–{high}" if high is not None else f"¥{low}+"


# -- the anonymised text -------------------------------------------------------------------------

class Giveaway(enum.StrEnum):
    NAME = "name"
    ID_NUMBER = "id_number"
    PHONE = "phone"


register_labels([
    (BoardState.OPEN, QT_TRANSLATE_NOOP("desktop", "Waiting for someone to claim it")),
    (BoardState.CONTACTED, QT_TRANSLATE_NOOP("desktop", "Claimed, in contact")),
    (BoardState.FULFILLED, QT_TRANSLATE_NOOP("desktop", "Fulfilled")),
    (BoardState.WITHDRAWN, QT_TRANSLATE_NOOP("desktop", "Withdrawn")),
    (BoardState.EXPIRED, QT_TRANSLATE_NOOP("desktop", "Expired")),
    (ClaimantKind.VOLUNTEER, QT_TRANSLATE_NOOP("desktop", "Volunteer")),
    (ClaimantKind.DONOR, QT_TRANSLATE_NOOP("desktop", "Donor")),
    (ClaimantKind.WORK_UNIT, QT_TRANSLATE_NOOP("desktop", "Work unit or organisation")),
    (ClaimOutcome.PENDING, QT_TRANSLATE_NOOP("desktop", "Waiting for the city server")),
    (ClaimOutcome.HELD, QT_TRANSLATE_NOOP("desktop", "Held for the claimant")),
    (ClaimOutcome.LOST, QT_TRANSLATE_NOOP("desktop", "Claimed by another village first")),
    (ClaimOutcome.LAPSED, QT_TRANSLATE_NOOP("desktop", "Hold ran out, back on the board")),
    (ClaimOutcome.RELEASED, QT_TRANSLATE_NOOP("desktop", "Let go by the wish's village")),
    (ClaimOutcome.FULFILLED, QT_TRANSLATE_NOOP("desktop", "Fulfilled")),
    (WishStatus.COLLECTED, QT_TRANSLATE_NOOP("desktop", "Collected, to be vetted")),
    (WishStatus.VETTED, QT_TRANSLATE_NOOP("desktop", "Vetted, not yet published")),
    (WishStatus.REJECTED, QT_TRANSLATE_NOOP("desktop", "Not taken up")),
    (WishStatus.PUBLISHED, QT_TRANSLATE_NOOP("desktop", "On the wish board")),
    (WishStatus.FULFILLED, QT_TRANSLATE_NOOP("desktop", "Fulfilled")),
    (WishStatus.WITHDRAWN, QT_TRANSLATE_NOOP("desktop", "Withdrawn")),
    (WishStatus.EXPIRED, QT_TRANSLATE_NOOP("desktop", "Expired")),
    (WishCategory.STUDY, QT_TRANSLATE_NOOP("desktop", "Study")),
    (WishCategory.CLOTHING, QT_TRANSLATE_NOOP("desktop", "Clothing and bedding")),
    (WishCategory.DAILY, QT_TRANSLATE_NOOP("desktop", "Daily necessities")),
    (WishCategory.FOOD, QT_TRANSLATE_NOOP("desktop", "Food")),
    (WishCategory.HEALTH, QT_TRANSLATE_NOOP("desktop", "Health and care")),
    (WishCategory.APPLIANCE, QT_TRANSLATE_NOOP("desktop", "Household appliance")),
    (WishCategory.COMPANY, QT_TRANSLATE_NOOP("desktop", "Company and help at home")),
    (WishCategory.OTHER, QT_TRANSLATE_NOOP("desktop", "Other")),
])


@dataclass(frozen=True)
class Found:
    """Something in a text that gives a person away: what kind, and the words as written."""

    kind: Giveaway
    text: str


def giveaways(text: str, *, names: Iterable[str]) -> list[Found]:
    """What in ``text`` identifies the household: a name of one of its people (the whole name, or the given
    name of a name of three characters or more), a number like an ID number, or one like a phone number.
    Full-width digits count as digits; spaces and dashes inside a number do not hide it."""
    found: list[Found] = []
    written = clean_text(text)
    compact = "".join(written.split())
    for name in names:
        whole = "".join(clean_text(name).split())
        if not whole:
            continue
        given = given_name(whole)
        for part in (whole, given if len(whole) >= 3 and len(given) >= 2 else ""):
            if part and part in compact and not any(f.kind == Giveaway.NAME and part in f.text for f in found):
                found.append(Found(Giveaway.NAME, part))
                break
    found += [Found(Giveaway.ID_NUMBER, number) for number in find_id_numbers(written)]
    found += [Found(Giveaway.PHONE, number) for number in find_phone_numbers(written)]
    return found


def check_publication(text: str, *, names: Iterable[str], field: str = "public_text") -> str:
    """The text for the city's board, or ``InvalidInput`` naming everything in it that gives someone away."""
    written = clean_text(text)
    if not written:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Write the wish as the city's board will show it, without names or numbers."), field=field)
    found = giveaways(written, names=names)
    if found:
        listed = "、".join(f"“{item.text}”" for item in found)
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The board's text still gives the household away: {found}. Take out names, ID numbers "
            "and phone numbers; the village and township are shown anyway."), field=field, found=listed)
    return written
