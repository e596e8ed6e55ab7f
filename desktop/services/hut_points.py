"""Household points (积分兑换, the 爱心超市 practice): the list of reasons points are earned for, a household's
points ledger — earned, spent by an exchange, reversed —, the goods' prices in points, the exchange that takes
points and goods in one go, points for household members' volunteer service hours, and the month's points list
for the public notice.

Points are a ledger like stock: a household's balance is the sum of its ``PointsEntry`` rows, which are never
changed; a mistake is undone by a reversing entry.  No household's balance goes below zero here.
"""

from __future__ import annotations

import math
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from desktop.domain.hut import (
    BUILT_IN_POINTS_RULES,
    DocumentKind,
    PointsKind,
    RecipientKind,
    month_of,
    quantity,
)
from desktop.domain.names import mask_name
from desktop.domain.roles import Permission
from desktop.domain.sync_kinds import POINTS_ENTRY
from desktop.domain.text import clean_text, compact_text
from desktop.domain.volunteering import HoursKind, parse_date
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import households, hut_ledger
from desktop.services.coded_lists import POINTS_RULES, clean_name, same_name
from desktop.services.identities import HOUSEHOLDS, record_row
from desktop.services.settings import load_settings
from desktop.services.station import village_code
from desktop.storage.models import (
    Household,
    HouseholdMember,
    HutDocument,
    Item,
    PointsEntry,
    ServiceHours,
)
from desktop.storage.uow import UnitOfWork

MOST_POINTS = 100_000  # points of one rule or one entry earned: the sync's bound of a rule


# -- the rules -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PointsRuleForm:
    """A reason points are earned for, as typed: its name, how many points, and whether it is offered."""

    name: str
    points: int | str
    active: bool = True


@dataclass(frozen=True)
class PointsRuleRow:
    code: str
    name: str       # a built-in rule's English source text until someone renames it (translate it to show)
    points: int
    active: bool
    built_in: bool


def _whole_points(value: int | str, *, field: str, low: int = 1, high: int = MOST_POINTS) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = compact_text(str(value)).removesuffix("分")
        if not text.lstrip("-").isdigit():
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "\"{value}\" is not a number of points. Write a whole number, like 5."),
                field=field, value=str(value))
        number = int(text)
    if not low <= number <= high:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Points are a whole number from {low} to {high}; {value} cannot be right."),
            field=field, low=low, high=high, value=number)
    return number


def _rules(uow: UnitOfWork) -> dict[str, PointsRuleRow]:
    """Every reason by its code: the built-in ones first (as the station changed them), then its own in the order
    they were added."""
    stored = POINTS_RULES.stored(uow.session)
    return {entry.code: PointsRuleRow(entry.code, entry.name,
                                      stored[entry.code].points if entry.code in stored
                                      else BUILT_IN_POINTS_RULES[entry.code][1],
                                      entry.active, built_in=entry.built_in)
            for entry in POINTS_RULES.entries(uow.session, include_inactive=True)}


def list_points_rules(uow: UnitOfWork, *, include_inactive: bool = False) -> list[PointsRuleRow]:
    """The reasons points are earned for: the built-in ones first (as renamed), then the station's own."""
    uow.require(Permission.VIEW_DATA)
    return [rule for rule in _rules(uow).values() if include_inactive or rule.active]


def _check_rule(uow: UnitOfWork, form: PointsRuleForm, *, code: str = "") -> tuple[str, int]:
    name = clean_name(form.name, POINTS_RULES.words)
    # unlike a category's, a reason's name is none other's, built in or switched off
    if same_name(name, (rule for rule in _rules(uow).values() if rule.code != code)) is not None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "A reason called {name} is on the list already. Change that one, or name this one apart."),
            field="name", name=name)
    return name, _whole_points(form.points, field="points")


def _save_rule(uow: UnitOfWork, code: str, name: str, points: int, active: bool) -> PointsRuleRow:
    row = POINTS_RULES.row(uow.session, code, deleted_too=True)
    if row is None:
        POINTS_RULES.new_row(uow, code, name=name, points=points, active=active)
    else:
        for field, value in (("name", name), ("points", points), ("active", active), ("deleted", False)):
            if getattr(row, field) != value:
                setattr(row, field, value)
        uow.session.flush()
    return _rules(uow)[code]


def add_points_rule(uow: UnitOfWork, *, form: PointsRuleForm) -> PointsRuleRow:
    """A reason of the station's own beside the built-in ones."""
    uow.require(Permission.EDIT_HUT)
    name, points = _check_rule(uow, form)
    return _save_rule(uow, f"own_{uuid.uuid4().hex[:12]}", name, points, form.active)


def update_points_rule(uow: UnitOfWork, *, code: str, form: PointsRuleForm) -> PointsRuleRow:
    """Rename a reason, change its points, or stop offering it (a built-in one too: its row is named by its
    code, so two PCs changing it change one record).  Entries earned before keep their points."""
    uow.require(Permission.EDIT_HUT)
    if code not in _rules(uow):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This reason is no longer on the list. Refresh the list."), field="code")
    name, points = _check_rule(uow, form, code=code)
    return _save_rule(uow, code, name, points, form.active)


# -- a household's ledger ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PointsEntryRow:
    id: str
    household_id: str
    kind: str
    points: int
    happened_on: str
    rule_code: str
    reason: str
    approved_by: str
    document_id: str
    document_number: str
    reverses_id: str
    recorded_by_name: str
    reversed: bool = False   # a later entry undoes this one
    may_reverse: bool = False


@dataclass(frozen=True)
class PointsLedger:
    household_id: str
    head_name: str
    balance: int
    entries: tuple[PointsEntryRow, ...]  # newest first


def balance(uow: UnitOfWork, household_id: str) -> int:
    """A household's points: the sum of its entries."""
    return int(uow.session.scalar(select(func.coalesce(func.sum(PointsEntry.points), 0)).where(
        PointsEntry.household_id == household_id, PointsEntry.deleted.is_(False))) or 0)


def household_points(uow: UnitOfWork, *, household_id: str) -> PointsLedger:
    """A household's balance and every entry of its ledger, newest first, each saying whether it may still be
    reversed."""
    uow.require(Permission.VIEW_DATA)
    household = record_row(uow, HOUSEHOLDS, household_id, follow_merge=True)
    rows = list(uow.session.scalars(select(PointsEntry).where(
        PointsEntry.household_id == household.id, PointsEntry.deleted.is_(False))))
    reversed_ids = {row.reverses_id for row in rows if row.reverses_id}
    numbers = dict(uow.session.execute(select(HutDocument.id, HutDocument.number).where(
        HutDocument.id.in_({row.document_id for row in rows if row.document_id}))).all())
    editing = Permission.EDIT_HUT in uow.role().permissions
    entries = [PointsEntryRow(
        id=row.id, household_id=row.household_id, kind=row.kind, points=row.points, happened_on=row.happened_on,
        rule_code=row.rule_code, reason=row.reason, approved_by=row.approved_by, document_id=row.document_id,
        document_number=numbers.get(row.document_id, ""), reverses_id=row.reverses_id,
        recorded_by_name=row.recorded_by_name, reversed=row.id in reversed_ids,
        may_reverse=editing and row.kind == PointsKind.EARN and row.id not in reversed_ids)
        for row in sorted(rows, key=lambda row: (row.happened_on, row.created_at), reverse=True)]
    return PointsLedger(household.id, household.head_name, sum(row.points for row in rows), tuple(entries))


@dataclass(frozen=True)
class PointsHouseholdRow:
    """A household beside its points balance, for the list the hut manager chooses from."""

    id: str
    head_name: str
    place: str        # its group or address
    balance: int


def points_households(uow: UnitOfWork, *, text: str = "", limit: int = 200) -> list[PointsHouseholdRow]:
    """The households matching ``text`` (the household search: name, pinyin, phone …), each with its balance."""
    uow.require(Permission.VIEW_DATA)
    found = households.household_choices(uow, text=text, limit=limit)
    sums = dict(uow.session.execute(select(PointsEntry.household_id, func.sum(PointsEntry.points)).where(
        PointsEntry.household_id.in_([row.id for row in found]), PointsEntry.deleted.is_(False))
        .group_by(PointsEntry.household_id)).all())
    return [PointsHouseholdRow(row.id, row.head_name, households.place_of(row.group_name, row.address),
                               int(sums.get(row.id) or 0)) for row in found]


@dataclass(frozen=True)
class EarnForm:
    """Points earned, as typed: a reason of the list (``rule_code``, its points) or one written out with its
    points; who approved them; the day (today when empty)."""

    household_id: str
    approved_by: str
    rule_code: str = ""
    reason: str = ""
    points: int | str = ""
    happened_on: str = ""


def _day(uow: UnitOfWork, value: str, *, field: str = "happened_on") -> date:
    """The day points moved: today when nothing is typed, never in the future, nor in a month whose notice is
    published (the points list the village read for it stays as it was)."""
    today = uow.today()
    day = parse_date(value, field=field) if clean_text(value) else today
    if day > today:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The date {value} is in the future. Enter the day it happened."), field=field,
            value=day.isoformat())
    last = hut_ledger.last_closed_month(uow.session)
    if last and month_of(day) <= last:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The hut's notice for {month} is published, so that month is closed. Enter the points on a "
            "day after it."), field=field, month=last)
    return day


def _entry_row(uow: UnitOfWork, entry: PointsEntry) -> PointsEntryRow:
    ledger = household_points(uow, household_id=entry.household_id)
    return next(row for row in ledger.entries if row.id == entry.id)


def earn_points(uow: UnitOfWork, *, form: EarnForm) -> PointsEntryRow:
    """A household earns points for a reason of the list (its points) or one written out (with the points),
    approved by someone named."""
    uow.require(Permission.EDIT_HUT)
    household = record_row(uow, HOUSEHOLDS, form.household_id, follow_merge=True)
    reason = clean_text(form.reason)
    if form.rule_code:
        rule = _rules(uow).get(form.rule_code)
        if rule is None or not rule.active:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "This reason is no longer offered. Choose another from the list."), field="rule_code")
        points = rule.points if clean_text(str(form.points)) == "" else _whole_points(form.points, field="points")
    else:
        if not reason:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Choose what the points are for from the list, or write the reason."), field="reason")
        if clean_text(str(form.points)) == "":
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Enter how many points are earned, like 5."), field="points")
        points = _whole_points(form.points, field="points")
    approved = clean_text(form.approved_by)
    if not approved:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Enter who approved the points (for example the village committee's name)."),
            field="approved_by")
    if len(approved) > 64:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This text is too long: at most {most} characters can be kept."), field="approved_by",
            most=64)
    day = _day(uow, form.happened_on)
    entry = PointsEntry(village_code=village_code(uow), household_id=household.id, kind=PointsKind.EARN.value,
                        points=points, happened_on=day.isoformat(), rule_code=form.rule_code, reason=reason,
                        approved_by=approved, recorded_by_name=uow.actor.display_name)
    uow.session.add(entry)
    uow.session.flush()
    return _entry_row(uow, entry)


def reverse_points(uow: UnitOfWork, *, entry_id: str, reason: str) -> PointsEntryRow:
    """Undo points earned by mistake, by an entry that takes them back (named by the entry it undoes, so it is
    undone once however many PCs try).  Points already spent cannot be taken back below zero; points spent in an
    exchange come back by reversing the exchange."""
    uow.require(Permission.EDIT_HUT)
    entry = uow.session.get(PointsEntry, entry_id) if entry_id else None
    if entry is None or entry.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This entry is no longer on the household's points. Refresh the list."), field="entry_id")
    if entry.kind != PointsKind.EARN:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Only points earned can be reversed here. To give back points spent, reverse the exchange."),
            field="entry_id")
    village = village_code(uow)
    row_id = POINTS_ENTRY.expected_id(village, {"reverses_id": entry.id})
    if uow.session.get(PointsEntry, row_id) is not None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "These points have already been reversed."), field="entry_id")
    why = clean_text(reason)
    if not why:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Say why the points are reversed."), field="reason")
    left = balance(uow, entry.household_id)
    if left - entry.points < 0:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The household has {balance} points left, so these {points} cannot be taken back: points "
            "never go below zero. Reverse the exchange that spent them first."),
            field="entry_id", balance=left, points=entry.points)
    reversal = PointsEntry(id=row_id, village_code=village, household_id=entry.household_id,
                           kind=PointsKind.REVERSE.value, points=-entry.points, happened_on=uow.today().isoformat(),
                           rule_code=entry.rule_code, reason=why, reverses_id=entry.id,
                           recorded_by_name=uow.actor.display_name)
    uow.session.add(reversal)
    uow.session.flush()
    return _entry_row(uow, reversal)


# -- the price list and the exchange ------------------------------------------------------------------------------

@dataclass(frozen=True)
class PriceRow:
    item_id: str
    name: str
    unit: str
    category: str
    points_price: int     # points for one unit
    value: float          # what those points are worth, in yuan, at the station's value of a point
    on_hand: float


def price_list(uow: UnitOfWork) -> list[PriceRow]:
    """The goods a household may take for points (items with a price in points), with what is on the shelf."""
    uow.require(Permission.VIEW_DATA)
    point_value = load_settings(uow).point_value
    items = list(uow.session.scalars(select(Item).where(
        Item.deleted.is_(False), Item.active.is_(True), Item.points_price > 0).order_by(Item.sort_key, Item.id)))
    stock = hut_ledger.on_hand(uow.session, [item.id for item in items])
    return [PriceRow(item.id, item.name, item.unit, item.category, item.points_price,
                     round(item.points_price * point_value, 2), stock.get(item.id, 0.0)) for item in items]


def set_points_price(uow: UnitOfWork, *, item_id: str, points: int | str) -> PriceRow:
    """An item's price in points for one unit (0 takes it off the price list)."""
    uow.require(Permission.EDIT_HUT)
    item = uow.session.get(Item, item_id) if item_id else None
    if item is None or item.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This item is no longer in the catalogue. Refresh the list."), field="item_id")
    price = _whole_points(points, field="points_price", low=0, high=MOST_POINTS) if clean_text(str(points)) else 0
    if item.points_price != price:
        item.points_price = price
    uow.session.flush()
    point_value = load_settings(uow).point_value
    return PriceRow(item.id, item.name, item.unit, item.category, item.points_price,
                    round(item.points_price * point_value, 2),
                    hut_ledger.on_hand(uow.session, [item.id]).get(item.id, 0.0))


@dataclass(frozen=True)
class ExchangeLine:
    item_id: str
    quantity: float


@dataclass(frozen=True)
class ExchangeForm:
    household_id: str
    lines: Sequence[ExchangeLine]
    happened_on: str = ""
    notes: str = ""


@dataclass(frozen=True)
class ExchangeResult:
    document_id: str
    number: str
    household_id: str
    points: int      # spent
    balance: int     # left after the exchange


def exchange_points(uow: UnitOfWork, *, form: ExchangeForm) -> ExchangeResult:
    """A household takes goods for its points: the ``exchange`` document (its goods off the shelf) and the entry
    spending the points, in this one unit of work — if either is refused, neither is kept.  Each unit costs its
    item's price in points (a part of a unit, 2.5 斤, costs its part, rounded up to a whole point); its goods are
    valued as a distribution's are (``hut_ledger.going_out_worth``)."""
    uow.require(Permission.EDIT_HUT)
    household = record_row(uow, HOUSEHOLDS, form.household_id, follow_merge=True)
    if not form.lines:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Add at least one item to the document."), field="lines")
    items = {item.id: item for item in uow.session.scalars(select(Item).where(
        Item.id.in_({line.item_id for line in form.lines})))}
    cost = 0.0
    for position, line in enumerate(form.lines, start=1):
        item = items.get(line.item_id)
        if item is None or item.deleted:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Line {line} names an item this hut does not have. Choose the item again."),
                field="lines", line=position)
        if quantity(line.quantity) <= 0:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Line {line} has no quantity. Enter how many, or remove the line."),
                field="lines", line=position)
        if item.points_price <= 0:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "{item} has no price in points, so it cannot be taken for points. Give it a price on the "
                "points price list, or hand it out as a distribution."), field="lines", item=item.name)
        cost += item.points_price * quantity(line.quantity)
    points = math.ceil(round(cost, 6))
    have = balance(uow, household.id)
    if points > have:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The {head} household has {balance} points; these goods cost {points}. Take fewer goods, "
            "or earn the points first."), field="lines", head=household.head_name, balance=have, points=points)
    day = _day(uow, form.happened_on)
    worth = hut_ledger.going_out_worth(uow, [line.item_id for line in form.lines])
    document = hut_ledger.post(uow, hut_ledger.Header(
        DocumentKind.EXCHANGE, happened_on=day, recipient_kind=RecipientKind.HOUSEHOLD.value,
        household_id=household.id, notes=clean_text(form.notes)),
        [hut_ledger.Line(line.item_id, -quantity(line.quantity), unit_value=worth[line.item_id].unit_value)
         for line in form.lines])
    uow.session.add(PointsEntry(
        village_code=document.village_code, household_id=household.id, kind=PointsKind.SPEND.value, points=-points,
        happened_on=document.happened_on, reason=document.number, document_id=document.id,
        recorded_by_name=uow.actor.display_name))
    uow.session.flush()
    return ExchangeResult(document.id, document.number, household.id, points, have - points)


def reverse_exchange(uow: UnitOfWork, *, document_id: str, reason: str) -> ExchangeResult:
    """Undo an exchange: its goods back on the shelf and its points back to the household, by one reversal
    (``hut_ledger.reverse`` undoes an exchange's points with its goods, however it is called)."""
    uow.require(Permission.EDIT_HUT)
    original = uow.session.get(HutDocument, document_id) if document_id else None
    if original is None or original.kind != DocumentKind.EXCHANGE:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This exchange is no longer here. Reload the list."), field="document")
    reversal = hut_ledger.reverse(uow, document_id=original.id, reason=reason)
    given_back = sum(row.points for row in uow.session.scalars(select(PointsEntry).where(
        PointsEntry.document_id == reversal.id, PointsEntry.deleted.is_(False))))
    return ExchangeResult(reversal.id, reversal.number, original.household_id, -given_back,
                          balance(uow, original.household_id))


# -- points for service hours -----------------------------------------------------------------------------------

def earn_hours_points(uow: UnitOfWork) -> int:
    """Points for the service hours of household members who are volunteers, at the settings' points per hour
    (rounded down to whole points): one entry per hours record, named by it, so each is earned once however
    often this runs and on however many PCs.  Returns how many entries were made."""
    uow.require(Permission.EDIT_HUT)
    per_hour = load_settings(uow).points_per_hour
    if per_hour <= 0:
        return 0
    session = uow.session
    members = defaultdict(list)
    for household_id, volunteer_id in session.execute(select(HouseholdMember.household_id,
                                                             HouseholdMember.volunteer_id).where(
            HouseholdMember.deleted.is_(False), HouseholdMember.volunteer_id != "")):
        members[volunteer_id].append(household_id)
    if not members:
        return 0
    records = list(session.scalars(select(ServiceHours).where(
        ServiceHours.volunteer_id.in_(list(members)), ServiceHours.deleted.is_(False))))
    undone = {row.reverses_id for row in records if row.reverses_id}
    earned = set(session.scalars(select(PointsEntry.service_hours_id).where(PointsEntry.service_hours_id != "")))
    village = village_code(uow)
    made = 0
    for record in records:
        if record.kind == HoursKind.CORRECTION or record.hours <= 0 or record.id in undone or record.id in earned:
            continue
        points = int(record.hours * per_hour + 1e-9)
        if points <= 0:
            continue
        household_id = sorted(members[record.volunteer_id])[0]  # a volunteer counted in one household only
        household = session.get(Household, household_id)
        if household is None or household.deleted:
            continue
        session.add(PointsEntry(
            id=POINTS_ENTRY.expected_id(village, {"service_hours_id": record.id}), village_code=village,
            household_id=household.merged_into or household.id, kind=PointsKind.EARN.value, points=points,
            happened_on=record.served_on or uow.today().isoformat(), rule_code="volunteering",
            reason=clean_text(record.content)[:200], approved_by=record.recorded_by_name or uow.actor.display_name,
            service_hours_id=record.id, recorded_by_name=uow.actor.display_name))
        made += 1
    session.flush()
    return made


# -- the month's list for the public notice -------------------------------------------------------------------

@dataclass(frozen=True)
class PointsNoticeRow:
    household_id: str
    name: str        # the head's name masked (张*明)
    earned: int      # in the month, less what was reversed of it
    spent: int       # in the month, less what came back by a reversed exchange
    balance: int     # at the month's end


def monthly_points(uow: UnitOfWork, *, month: str) -> list[PointsNoticeRow]:
    """The month's points of every household that earned or spent any, or holds some, for the public notice:
    names masked, nothing else about the household."""
    uow.require(Permission.VIEW_DATA)
    start, end = _month_bounds(month)
    rows = list(uow.session.scalars(select(PointsEntry).where(
        PointsEntry.deleted.is_(False), PointsEntry.happened_on <= end)))
    kinds = {row.id: row.kind for row in rows}
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in rows:
        total = totals[row.household_id]
        total[2] += row.points
        if row.happened_on < start:
            continue
        kind = kinds.get(row.reverses_id, row.kind) if row.kind == PointsKind.REVERSE else row.kind
        if kind == PointsKind.EARN:
            total[0] += row.points
        else:
            total[1] -= row.points
    heads = dict(uow.session.execute(select(Household.id, Household.head_name).where(
        Household.id.in_(list(totals)))).all())
    found = [PointsNoticeRow(household_id, mask_name(heads.get(household_id, "")), *total)
             for household_id, total in totals.items() if any(total)]
    return sorted(found, key=lambda row: (-row.balance, row.name, row.household_id))


def _month_bounds(month: str) -> tuple[str, str]:
    text = compact_text(month).replace("年", "-").replace("月", "").replace("/", "-")
    parts = text.split("-")
    try:
        if len(parts) != 2:
            raise ValueError
        first = date(int(parts[0]), int(parts[1]), 1)
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "\"{value}\" is not a month. Write it like 2026-11."), field="month", value=month) from None
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first.isoformat(), date.fromordinal(following.toordinal() - 1).isoformat()

