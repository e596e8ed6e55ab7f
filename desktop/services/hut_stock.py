"""What the hut's ledger shows: stock on hand by category (searched, low, expiring soon), on any past day too; an
item's stock card for a period; the documents, filtered; the items two PCs took below zero, for the home screen;
a chart's figures by month and by category; and the monthly public notice (公示) — what came in, named as each
donor chose, and what went out, the households' names masked — which, once published, closes its month.

Stock is always summed from the movements (desktop/services/hut_ledger.py); nothing here writes the ledger.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from desktop.domain.hut import UNNAMED_DONOR, DocumentKind, HutAction, RecipientKind, month_of, quantity
from desktop.domain.names import mask_name
from desktop.domain.pinyin_search import text_sort_key
from desktop.domain.roles import Permission
from desktop.domain.sync_kinds import named_id
from desktop.domain.volunteering import parse_date, parse_period
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import hut_ledger
from desktop.services.hut import (
    actions_of,
    category_names,
    goods_of,
    item_record,
    matching,
    reversed_documents,
    superseded_receipts,
)
from desktop.services.hut_ledger import Negative
from desktop.services.settings import load_settings
from desktop.services.station import station_info, village_code
from desktop.spreadsheets import Sheet, workbook_bytes
from desktop.storage.models import Activity, Donor, Household, Hut, HutDocument, HutMonth, Item, StockMovement
from desktop.storage.uow import UnitOfWork

# -- stock on hand -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StockRow:
    item_id: str
    name: str
    category: str
    category_name: str
    unit: str
    barcode: str
    shelf: str
    on_hand: float
    low_stock: float
    low: bool            # at or below the item's low-stock level
    expires_on: str      # the earliest expiry of what is on the shelf, "" when the item keeps none
    expiring: bool       # that day is within the settings' days (or past)
    negative: bool       # two PCs took it below zero: a stocktake or a correction settles it


def shelf_expiries(session, item_ids: list[str], stock: dict[str, float]) -> dict[str, str]:
    """The earliest expiry of what is on the shelf of each item: the goods handed out are taken to be those
    expiring first (as the hut is asked to hand them out), so what is left is what came in expiring last — the
    intakes, latest expiry first, until they add up to what is on hand."""
    left = {item_id: stock[item_id] for item_id in item_ids if stock.get(item_id, 0.0) > 0}
    if not left:
        return {}
    covered = func.sum(StockMovement.quantity).over(
        partition_by=StockMovement.item_id, order_by=StockMovement.expires_on.desc(), rows=(None, 0))
    lots = (select(StockMovement.item_id, StockMovement.expires_on,
                   (covered - StockMovement.quantity).label("before"))
            .where(StockMovement.item_id.in_(list(left)), StockMovement.quantity > 0,
                   StockMovement.expires_on != "", StockMovement.deleted.is_(False))
            .subquery())
    on_shelf = func.json_each(json.dumps(left)).table_valued("key", "value")
    # a lot is (partly) on the shelf when the later-expiring lots before it do not yet make up what is on hand
    return dict(session.execute(
        select(lots.c.item_id, func.min(lots.c.expires_on))
        .join(on_shelf, on_shelf.c.key == lots.c.item_id)
        .where(lots.c.before < on_shelf.c.value - 0.0005)
        .group_by(lots.c.item_id)).all())


def stock_on_hand(uow: UnitOfWork, *, text: str = "", category: str = "", low_only: bool = False,
                  expiring_only: bool = False, on: date | str | None = None) -> list[StockRow]:
    """The items and what is on hand of each (on the day ``on``, when given), by category and then by name;
    searched by name, pinyin initials or barcode; only the low ones, or only those expiring within the days the
    settings say."""
    uow.require(Permission.VIEW_DATA)
    session = uow.session
    day = parse_date(on, field="on").isoformat() if on else None
    query = select(Item.id, Item.name, Item.category, Item.unit, Item.barcode, Item.shelf, Item.low_stock,
                   Item.tracks_expiry).where(Item.deleted.is_(False), Item.active.is_(True))
    if category:
        query = query.where(Item.category == category)
    items = session.execute(matching(query, Item, text)).all()
    stock = hut_ledger.on_hand(session, None if not text and not category else [i.id for i in items], on=day)
    names = category_names(session)
    soon = (uow.today() + timedelta(days=load_settings(uow).expiry_warning_days)).isoformat()
    expiries = shelf_expiries(session, [item.id for item in items if item.tracks_expiry], stock) if day is None else {}
    rows = []
    for item in items:
        held = stock.get(item.id, 0.0)
        expires = expiries.get(item.id, "")
        row = StockRow(item.id, item.name, item.category, names.get(item.category, item.category), item.unit,
                       item.barcode, item.shelf, held, item.low_stock, item.low_stock > 0 and held <= item.low_stock,
                       expires, bool(expires) and expires <= soon, held < 0)
        if (low_only and not row.low) or (expiring_only and not row.expiring):
            continue
        rows.append(row)
    order = {code: number for number, code in enumerate(names)}
    return sorted(rows, key=lambda row: (order.get(row.category, len(order)), text_sort_key(row.name)))


def negative_summary(uow: UnitOfWork) -> list[Negative]:
    """The items two PCs took below zero, with the movements that did it: the hut's home screen shows them until
    a stocktake or a correction settles them."""
    uow.require(Permission.VIEW_DATA)
    return hut_ledger.negative_items(uow.session)


# -- an item's stock card ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CardLine:
    happened_on: str
    document_id: str
    number: str
    kind: str
    received: float      # in
    issued: float        # out
    balance: float
    counterpart: str     # the donor, the household or the activity


@dataclass(frozen=True)
class StockCard:
    item_id: str
    name: str
    unit: str
    period_from: str
    period_to: str
    opening: float
    lines: tuple[CardLine, ...]
    closing: float


def stock_card(uow: UnitOfWork, *, item_id: str, period_from: date | str, period_to: date | str) -> StockCard:
    """An item's stock card: what was on hand before the period, each movement in it with its document and the
    balance after it, and what was on hand at its end."""
    uow.require(Permission.VIEW_DATA)
    session = uow.session
    item = item_record(uow, item_id)
    start, end = parse_period(period_from, period_to, fields=("period_from", "period_to"), required=True)
    opening = quantity(session.scalar(select(func.coalesce(func.sum(StockMovement.quantity), 0.0)).where(
        StockMovement.item_id == item.id, StockMovement.happened_on < start, StockMovement.deleted.is_(False))))
    rows = session.execute(
        select(StockMovement.happened_on, StockMovement.document_id, HutDocument.number, StockMovement.kind,
               StockMovement.quantity, HutDocument.donor_id, HutDocument.household_id, HutDocument.activity_id,
               HutDocument.to_village_code)
        .outerjoin(HutDocument, HutDocument.id == StockMovement.document_id)
        .where(StockMovement.item_id == item.id, StockMovement.happened_on >= start,
               StockMovement.happened_on <= end, StockMovement.deleted.is_(False))
        .order_by(StockMovement.happened_on, StockMovement.created_at, StockMovement.id)).all()
    who = _counterparts(session, rows)
    balance, lines = opening, []
    for row in rows:
        balance = quantity(balance + row.quantity)
        lines.append(CardLine(row.happened_on, row.document_id, row.number or "", row.kind,
                              row.quantity if row.quantity > 0 else 0.0, -row.quantity if row.quantity < 0 else 0.0,
                              balance, who(row.donor_id, row.household_id, row.activity_id, row.to_village_code)))
    return StockCard(item.id, item.name, item.unit, start, end, opening, tuple(lines), balance)


def _counterparts(session, rows):
    donors = dict(session.execute(select(Donor.id, Donor.name).where(
        Donor.id.in_({row.donor_id for row in rows if row.donor_id}))).all()) if rows else {}
    heads = dict(session.execute(select(Household.id, Household.head_name).where(
        Household.id.in_({row.household_id for row in rows if row.household_id}))).all()) if rows else {}
    titles = dict(session.execute(select(Activity.id, Activity.title).where(
        Activity.id.in_({row.activity_id for row in rows if row.activity_id}))).all()) if rows else {}

    def who(donor_id: str, household_id: str, activity_id: str, village: str = "") -> str:
        if donor_id:
            return donors.get(donor_id) or UNNAMED_DONOR
        return heads.get(household_id) or titles.get(activity_id) or village or ""
    return who


# -- the documents -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DocumentFilter:
    kind: str = ""
    period_from: date | str = ""
    period_to: date | str = ""
    donor_id: str = ""
    household_id: str = ""


@dataclass(frozen=True)
class DocumentRow:
    id: str
    number: str
    kind: str
    happened_on: str
    posted_on: str
    month: str
    counterpart: str        # the donor, the household, the activity or the village goods went to
    what: str               # 大米 10袋、棉被 2床
    value: float
    cash_amount: float
    reversed: bool          # a reversal undid it
    corrects_id: str
    recorded_by_name: str
    actions: frozenset[HutAction] = frozenset()
    # goods that arrived by a transfer, recorded at another PC of the village too, whose receipt reached the city
    # first: this document counts nothing, and the other PC's documents (their numbers) count the goods
    superseded: bool = False
    superseded_by: tuple[str, ...] = ()


def list_documents(uow: UnitOfWork, *, where: DocumentFilter = DocumentFilter()) -> list[DocumentRow]:
    """The posted documents the filter asks for, newest first."""
    uow.require(Permission.VIEW_DATA)
    session = uow.session
    start, end = parse_period(where.period_from, where.period_to, fields=("period_from", "period_to"))
    query = select(HutDocument).where(HutDocument.deleted.is_(False))
    if where.kind:
        query = query.where(HutDocument.kind == where.kind)
    if start:
        query = query.where(HutDocument.happened_on >= start)
    if end:
        query = query.where(HutDocument.happened_on <= end)
    if where.donor_id:
        query = query.where(HutDocument.donor_id == where.donor_id)
    if where.household_id:
        query = query.where(HutDocument.household_id == where.household_id)
    documents = list(session.scalars(query.order_by(HutDocument.happened_on.desc(), HutDocument.number.desc())))
    ids = [document.id for document in documents]
    what = goods_of(session, ids)
    undone = reversed_documents(session, ids)
    superseded = superseded_receipts(session, documents)
    reversible = hut_ledger.reversible_transfers(session, [d for d in documents if d.kind == DocumentKind.TRANSFER_OUT])
    who = _counterparts(session, documents)
    allowed = actions_of(uow)
    rows = []
    for d in documents:
        may_reverse = (d.id not in undone and d.kind not in hut_ledger.NEVER_REVERSED and d.id not in superseded
                       and (d.kind != DocumentKind.TRANSFER_OUT or d.id in reversible))
        actions = allowed if may_reverse else allowed - {HutAction.REVERSE}
        rows.append(DocumentRow(d.id, d.number, d.kind, d.happened_on, d.posted_on, d.month,
                                who(d.donor_id, d.household_id, d.activity_id, d.to_village_code), *what[d.id],
                                d.cash_amount, d.id in undone, d.corrects_id, d.recorded_by_name, actions,
                                d.id in superseded, superseded.get(d.id, ())))
    return rows


# -- a chart's figures ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MonthFlow:
    month: str
    received: float     # quantities in (intakes, transfers in, openings and counts found)
    issued: float       # quantities out
    received_value: float
    issued_value: float


@dataclass(frozen=True)
class CategoryStock:
    category: str
    category_name: str
    on_hand: float


@dataclass(frozen=True)
class HutChart:
    months: tuple[MonthFlow, ...]
    categories: tuple[CategoryStock, ...]


def hut_chart(uow: UnitOfWork, *, months: int = 12) -> HutChart:
    """Goods in and out by month (the last ``months`` months, this one included) and stock on hand by
    category."""
    uow.require(Permission.VIEW_DATA)
    session = uow.session
    today = uow.today()
    wanted = []
    year, month = today.year, today.month
    for _ in range(max(1, months)):
        wanted.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    wanted.reverse()
    flows: dict[str, list[float]] = {month: [0.0, 0.0, 0.0, 0.0] for month in wanted}
    moved_month = func.substr(StockMovement.happened_on, 1, 7)
    for month, inward, moved, value in session.execute(
            select(moved_month, StockMovement.quantity > 0, func.sum(StockMovement.quantity),
                   func.sum(StockMovement.quantity * StockMovement.unit_value))
            .where(StockMovement.happened_on >= f"{wanted[0]}-01", StockMovement.deleted.is_(False))
            .group_by(moved_month, StockMovement.quantity > 0)):
        if month not in flows:
            continue
        if inward:
            flows[month][0] += moved
            flows[month][2] += value or 0.0
        else:
            flows[month][1] -= moved
            flows[month][3] -= value or 0.0
    names = category_names(session)
    by_category: dict[str, float] = defaultdict(float)
    for category, moved in session.execute(
            select(Item.category, func.sum(StockMovement.quantity)).join(Item, Item.id == StockMovement.item_id)
            .where(StockMovement.deleted.is_(False)).group_by(Item.category)):
        by_category[category] += moved
    return HutChart(
        tuple(MonthFlow(month, quantity(v[0]), quantity(v[1]), round(v[2], 2), round(v[3], 2))
              for month, v in flows.items()),
        tuple(CategoryStock(code, names.get(code, code), quantity(by_category[code]))
              for code in [*names, *sorted(set(by_category) - set(names))] if quantity(by_category.get(code, 0.0))))


# -- the monthly public notice -------------------------------------------------------------------------------

@dataclass(frozen=True)
class NoticeLine:
    happened_on: str
    number: str
    who: str            # in: the donor as they chose (or 爱心人士); out: the household masked, or the activity
    what: str
    value: float
    cash_amount: float = 0.0
    cash_charity: str = ""
    corrects: str = ""  # the number of the document a correction corrects


@dataclass(frozen=True)
class MonthNotice:
    """The hut's public notice (公示) for a month: never an ID number, never a health reason."""

    month: str
    village_name: str
    hut_name: str
    came_in: tuple[NoticeLine, ...]
    went_out: tuple[NoticeLine, ...]
    corrections: tuple[NoticeLine, ...]
    published_on: str       # "" while the month is open
    actions: frozenset[HutAction] = frozenset()


def _month(value: str) -> str:
    text = str(value).strip().replace("/", "-").replace("年", "-").replace("月", "")
    parts = text.split("-")
    if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        return f"{int(parts[0]):04d}-{int(parts[1]):02d}"
    raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter the month as 2026-11."), field="month")


def month_notice(uow: UnitOfWork, *, month: str) -> MonthNotice:
    """What the notice of ``month`` shows: the documents of its month (a correction entered after a month closed
    is in the month it was entered, naming what it corrects)."""
    uow.require(Permission.VIEW_DATA)
    session = uow.session
    wanted = _month(month)
    documents = list(session.scalars(select(HutDocument).where(
        HutDocument.month == wanted, HutDocument.deleted.is_(False)).order_by(HutDocument.happened_on,
                                                                             HutDocument.number)))
    ids = [document.id for document in documents]
    what = goods_of(session, ids)
    donors = {d.id: d for d in session.scalars(select(Donor).where(
        Donor.id.in_({d.donor_id for d in documents if d.donor_id})))}
    heads = dict(session.execute(select(Household.id, Household.head_name).where(
        Household.id.in_({d.household_id for d in documents if d.household_id}))).all())
    titles = dict(session.execute(select(Activity.id, Activity.title).where(
        Activity.id.in_({d.activity_id for d in documents if d.activity_id}))).all())
    corrected = dict(session.execute(select(HutDocument.id, HutDocument.number).where(
        HutDocument.id.in_({d.corrects_id for d in documents if d.corrects_id}))).all())
    came_in, went_out, corrections = [], [], []
    for d in documents:
        goods, value = what[d.id]
        if d.kind == DocumentKind.INTAKE:
            donor = donors.get(d.donor_id)
            named = donor.name if donor is not None and donor.named_in_notice and donor.name else UNNAMED_DONOR
            came_in.append(NoticeLine(d.happened_on, d.number, named, goods, value, d.cash_amount, d.cash_charity))
        elif d.kind in (DocumentKind.DISTRIBUTION, DocumentKind.EXCHANGE):
            who = (mask_name(heads.get(d.household_id, "")) if d.recipient_kind != RecipientKind.ACTIVITY
                   else titles.get(d.activity_id, ""))
            went_out.append(NoticeLine(d.happened_on, d.number, who, goods, value))
        elif d.kind == DocumentKind.REVERSAL:
            corrections.append(NoticeLine(d.happened_on, d.number, "", goods, value,
                                          corrects=corrected.get(d.corrects_id, "")))
    published = session.scalars(select(HutMonth.published_on).where(
        HutMonth.month == wanted, HutMonth.deleted.is_(False))).first() or ""
    hut = session.get(Hut, village_code(uow))
    actions = actions_of(uow) if not published else actions_of(uow) - {HutAction.PUBLISH_MONTH}
    return MonthNotice(wanted, station_info(uow).village.name, hut.name if hut else "", tuple(came_in),
                       tuple(went_out), tuple(corrections), published, actions)


NOTICE_HEADERS = ("日期", "单号", "捐赠人/领取人", "物品", "估价（元）", "现金（元）", "现金转交机构", "更正单号")


def month_notice_excel(uow: UnitOfWork, *, month: str) -> bytes:
    """The month's notice as an Excel workbook: what came in, what went out, the corrections."""
    notice = month_notice(uow, month=month)

    def rows(lines: tuple[NoticeLine, ...]) -> list[list[object]]:
        return [[line.happened_on, line.number, line.who, line.what, line.value, line.cash_amount or "",
                 line.cash_charity, line.corrects] for line in lines]
    return workbook_bytes([Sheet(f"{notice.month} 接收", NOTICE_HEADERS, rows(notice.came_in)),
                           Sheet(f"{notice.month} 发放", NOTICE_HEADERS, rows(notice.went_out)),
                           Sheet(f"{notice.month} 更正", NOTICE_HEADERS, rows(notice.corrections))])


def publish_month(uow: UnitOfWork, *, month: str) -> MonthNotice:
    """Publish a month's notice, which closes the month: nothing more is posted into it, and a later correction
    goes into the open month, naming what it corrects.  Only a month that has ended is published."""
    uow.require(Permission.EDIT_HUT)
    wanted = _month(month)
    if wanted >= month_of(uow.today()):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "{month} has not ended yet. Publish a month's notice once the month is over."),
            field="month", month=wanted)
    if wanted in hut_ledger.closed_months(uow.session):
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "The notice for {month} is already published."),
                           field="month", month=wanted)
    village = village_code(uow)
    row_id = named_id(village, "hut_month", wanted)
    row = uow.session.get(HutMonth, row_id)
    values = {"published_on": uow.today().isoformat(), "published_by_name": uow.actor.display_name}
    if row is None:
        uow.session.add(HutMonth(id=row_id, village_code=village, month=wanted, **values))
    else:
        row.deleted = False
        for key, value in values.items():
            setattr(row, key, value)
    uow.session.flush()
    return month_notice(uow, month=wanted)

