"""The love hut's daily work at the station: the village's hut, its catalogue (item categories, items, the city's
items adopted), donors and their gifts, and the documents being written — an intake or a distribution kept on
this PC as a draft until it is posted through the ledger (desktop/services/hut_ledger.py), which numbers it and
keeps the shelf from going below zero.  What an intake slip and a thank-you letter show.

Every result carries what the person asking may do next (``actions``); the screens enable their buttons by it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.hut import (
    MAX_QUANTITY,
    UNNAMED_DONOR,
    DocumentKind,
    DonorKind,
    HutAction,
    goods_text,
    hut_actions,
    quantity,
)
from desktop.domain.pinyin_search import name_query, text_sort_key
from desktop.domain.roles import Permission
from desktop.domain.sync_kinds import named_id
from desktop.domain.text import clean_text, compact_text
from desktop.domain.volunteering import parse_date
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import coded_lists, hut_ledger
from desktop.services.coded_lists import ITEM_CATEGORIES, Entry
from desktop.services.regions import region_names
from desktop.services.station import village_code
from desktop.storage.models import (
    CityItem,
    Donor,
    Hut,
    HutDocument,
    Item,
    Sponsor,
    Sponsorship,
    StockMovement,
    TransferReceipt,
    Volunteer,
)
from desktop.storage.uow import UnitOfWork

MOST_VALUE = 10_000_000  # yuan; the sync's bound of an amount


def hut_names(session: Session, codes: set[str]) -> dict[str, str]:
    """Each village's hut as papers and lists name it, by the village's code: 红星村 · 红星村爱心扶贫小屋 (the code
    where the region list has not got the village)."""
    villages = region_names(session, codes)
    huts = dict(session.execute(select(Hut.id, Hut.name).where(Hut.id.in_(codes))).all())
    return {code: " · ".join(part for part in (villages.get(code, code), huts.get(code, "")) if part)
            for code in codes}


def actions_of(uow: UnitOfWork) -> frozenset[HutAction]:
    return hut_actions(uow.role().permissions)


def typed_text(value: str, most: int, field: str) -> str:
    cleaned = clean_text(value)
    if len(cleaned) > most:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "This text is too long: at most {most} characters can be "
                                                        "kept."), field=field, most=most)
    return cleaned


def typed_number(value: float | str, *, field: str, most: float = MOST_VALUE) -> float:
    """A number as typed (full-width digits and stray spaces allowed); not below zero."""
    text = compact_text(str(value)) if not isinstance(value, int | float) else value
    try:
        number = float(text) if text != "" else 0.0
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter a number here."), field=field) from None
    if number != number or number < 0 or number > most:  # NaN, below zero, beyond what is kept
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter a number from 0 to {most}."), field=field, most=most)
    return number


# -- the village's hut ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class HutInfo:
    id: str           # the village code
    name: str
    address: str
    opened_on: str
    actions: frozenset[HutAction] = frozenset()


def hut_info(uow: UnitOfWork) -> HutInfo | None:
    """The village's hut, or None while it is not set up."""
    uow.require(Permission.VIEW_DATA)
    hut = uow.session.get(Hut, village_code(uow))
    if hut is None or hut.deleted:
        return None
    return HutInfo(hut.id, hut.name, hut.address, hut.opened_on, actions_of(uow))


def set_up_hut(uow: UnitOfWork, *, name: str, address: str = "", opened_on: str | date = "") -> HutInfo:
    """Set up the village's hut, or change its name, address and opening day."""
    uow.require(Permission.EDIT_HUT)
    cleaned = typed_text(name, 100, "name")
    if not cleaned:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter the hut's name, e.g. 幸福村爱心扶贫小屋."), field="name")
    opened = parse_date(opened_on, field="opened_on").isoformat() if opened_on else ""
    village = village_code(uow)
    hut = uow.session.get(Hut, village)
    values = {"name": cleaned, "address": typed_text(address, 200, "address"), "opened_on": opened, "active": True}
    if hut is None:
        hut = Hut(id=village, village_code=village, **values)
        uow.session.add(hut)
    else:
        for key, value in values.items():
            if getattr(hut, key) != value:
                setattr(hut, key, value)
        hut.deleted = False
    uow.session.flush()
    return HutInfo(hut.id, hut.name, hut.address, hut.opened_on, actions_of(uow))


# -- item categories -----------------------------------------------------------------------------------------

ItemCategoryRow = Entry  # an item category: its code, its name (a built-in one's to translate), built in, offered


def category_names(session: Session) -> dict[str, str]:
    """Every category's name by its code (a built-in one's as a ``Term`` to translate)."""
    return ITEM_CATEGORIES.names(session)


def list_item_categories(uow: UnitOfWork, *, include_inactive: bool = False) -> list[ItemCategoryRow]:
    """The built-in categories, then those the hut added (in pinyin order)."""
    uow.require(Permission.VIEW_DATA)
    return ITEM_CATEGORIES.entries(uow.session, include_inactive=include_inactive)


def add_item_category(uow: UnitOfWork, *, name: str) -> ItemCategoryRow:
    uow.require(Permission.EDIT_HUT)
    return coded_lists.add_own(uow, ITEM_CATEGORIES, name=name)


def rename_item_category(uow: UnitOfWork, *, code: str, name: str) -> ItemCategoryRow:
    uow.require(Permission.EDIT_HUT)
    return coded_lists.rename_own(uow, ITEM_CATEGORIES, code=code, name=name)


def set_item_category_active(uow: UnitOfWork, *, code: str, active: bool) -> ItemCategoryRow:
    """Switch a category the hut added off (its items keep it; it is no longer offered) or on again."""
    uow.require(Permission.EDIT_HUT)
    return coded_lists.set_own_active(uow, ITEM_CATEGORIES, code=code, active=active)


# -- items ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ItemForm:
    """An item as typed."""

    name: str
    category: str = "other"
    unit: str = "件"
    tracks_expiry: bool = False
    barcode: str = ""
    shelf: str = ""
    points_price: int | str = 0
    low_stock: float | str = 0
    notes: str = ""


@dataclass(frozen=True)
class ItemRow:
    id: str
    name: str
    category: str
    category_name: str
    unit: str
    tracks_expiry: bool
    barcode: str
    shelf: str
    points_price: int
    low_stock: float
    city_item_id: str
    active: bool
    notes: str
    on_hand: float
    actions: frozenset[HutAction] = frozenset()


def _item_rows(uow: UnitOfWork, items: list[Item]) -> list[ItemRow]:
    stock = hut_ledger.on_hand(uow.session, [item.id for item in items]) if items else {}
    names = category_names(uow.session)
    actions = actions_of(uow)
    rows = [ItemRow(item.id, item.name, item.category, names.get(item.category, item.category), item.unit,
                    item.tracks_expiry, item.barcode, item.shelf, item.points_price, item.low_stock,
                    item.city_item_id, item.active, item.notes, stock.get(item.id, 0.0), actions) for item in items]
    return sorted(rows, key=lambda row: (not row.active, text_sort_key(row.name)))


def item_record(uow: UnitOfWork, item_id: str) -> Item:
    item = uow.session.get(Item, item_id) if item_id else None
    if item is None or item.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "This item is no longer in the catalogue. Refresh the list."),
                           field="item_id")
    return item


def _barcode(value: str) -> str:
    return compact_text(value)


def _check_barcode(uow: UnitOfWork, barcode: str, *, item_id: str = "") -> str:
    code = _barcode(barcode)
    if len(code) > 32:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "A barcode has at most 32 characters."), field="barcode")
    if code:
        taken = uow.session.scalars(select(Item).where(
            Item.barcode == code, Item.active.is_(True), Item.deleted.is_(False), Item.id != item_id)).first()
        if taken is not None:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Barcode {barcode} already belongs to {item}. Scan the item again, or change that item "
                "first."), field="barcode", barcode=code, item=taken.name)
    return code


def _goods_key(name: str, unit: str) -> tuple[str, str]:
    """What makes two items the same goods: their name (spaces, full-width letters and case aside) and unit."""
    return compact_text(name).casefold(), unit


def _same_goods(uow: UnitOfWork, name: str, unit: str, *, other_than: str = "") -> Item | None:
    """The village's item on the lists (other than ``other_than``) that is the same goods as ``name`` counted in
    ``unit``, if any."""
    key = _goods_key(name, unit)
    return next((item for item in uow.session.scalars(select(Item).where(
        Item.unit == unit, Item.active.is_(True), Item.deleted.is_(False), Item.id != other_than))
        if _goods_key(item.name, unit) == key), None)


def _check_name(uow: UnitOfWork, name: str, unit: str, *, item_id: str = "") -> None:
    """Two items on the lists never share a name and a unit: a pick list would offer the same goods twice, and
    goods arriving by a transfer go onto the item of their name and unit."""
    other = _same_goods(uow, name, unit, other_than=item_id)
    if other is not None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "There is already an item called {item} counted in {unit}. Change that item, or give this one "
            "another name."), field="name", item=other.name, unit=unit)


def _check_item(uow: UnitOfWork, form: ItemForm, *, item_id: str = "") -> dict:
    name = typed_text(form.name, 100, "name")
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter the item's name, e.g. 大米 or 棉被."), field="name")
    if form.category not in category_names(uow.session):
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Choose a category from the list."), field="category")
    unit = typed_text(form.unit, 8, "unit")
    if not unit:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter the unit the item is counted in, e.g. 袋 or 件."),
                           field="unit")
    _check_name(uow, name, unit, item_id=item_id)
    points = typed_number(form.points_price, field="points_price", most=1_000_000)
    if points != int(points):
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Points are whole numbers."), field="points_price")
    return {"name": name, "category": form.category, "unit": unit, "tracks_expiry": bool(form.tracks_expiry),
            "barcode": _check_barcode(uow, form.barcode, item_id=item_id), "shelf": typed_text(form.shelf, 32, "shelf"),
            "points_price": int(points),
            "low_stock": quantity(typed_number(form.low_stock, field="low_stock", most=MAX_QUANTITY)),
            "notes": clean_text(form.notes)}


def list_items(uow: UnitOfWork, *, text: str = "", category: str = "", include_inactive: bool = False
               ) -> list[ItemRow]:
    """The village's items, searched by name, pinyin initials or barcode, with what is on hand of each."""
    uow.require(Permission.VIEW_DATA)
    query = select(Item).where(Item.deleted.is_(False))
    if not include_inactive:
        query = query.where(Item.active.is_(True))
    if category:
        query = query.where(Item.category == category)
    query = matching(query, Item, text)
    return _item_rows(uow, list(uow.session.scalars(query)))


def matching(query, model, text: str):
    """``query`` narrowed to the rows whose name (its pinyin, its initials) or barcode matches ``text``."""
    wanted = name_query(text)
    if wanted is None:
        return query
    by_name = and_(or_(*(func.instr(model.search_text, pattern) > 0 for pattern in wanted.patterns)),
                   *(func.instr(model.name, char) > 0 for char in wanted.han))
    return query.where(or_(by_name, model.barcode == _barcode(text)))


def get_item(uow: UnitOfWork, *, item_id: str) -> ItemRow:
    uow.require(Permission.VIEW_DATA)
    return _item_rows(uow, [item_record(uow, item_id)])[0]


def add_item(uow: UnitOfWork, *, form: ItemForm, item_id: str = "") -> ItemRow:
    """An item of the village's own (one the city's catalogue does not have); ``item_id`` where a fact names it
    (goods of a transfer's line, so two PCs receiving them make one item)."""
    uow.require(Permission.EDIT_HUT)
    item = Item(village_code=village_code(uow), active=True, **_check_item(uow, form),
                **({"id": item_id} if item_id else {}))
    uow.session.add(item)
    uow.session.flush()
    return _item_rows(uow, [item])[0]


def update_item(uow: UnitOfWork, *, item_id: str, form: ItemForm) -> ItemRow:
    uow.require(Permission.EDIT_HUT)
    item = item_record(uow, item_id)
    for key, value in _check_item(uow, form, item_id=item.id).items():
        if getattr(item, key) != value:
            setattr(item, key, value)
    uow.session.flush()
    return _item_rows(uow, [item])[0]


def set_item_active(uow: UnitOfWork, *, item_id: str, active: bool) -> ItemRow:
    """Take an item off the pick lists (its history stays) or back on them."""
    uow.require(Permission.EDIT_HUT)
    item = item_record(uow, item_id)
    if active and not item.active:
        _check_name(uow, item.name, item.unit, item_id=item.id)
        _check_barcode(uow, item.barcode, item_id=item.id)
    item.active = bool(active)
    uow.session.flush()
    return _item_rows(uow, [item])[0]


def link_barcode(uow: UnitOfWork, *, item_id: str, barcode: str) -> ItemRow:
    """Give an item the barcode a scan did not know, so the next scan finds it."""
    uow.require(Permission.EDIT_HUT)
    item = item_record(uow, item_id)
    code = _check_barcode(uow, barcode, item_id=item.id)
    if not code:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Scan or type the barcode."), field="barcode")
    item.barcode = code
    uow.session.flush()
    return _item_rows(uow, [item])[0]


def adopt_city_item(uow: UnitOfWork, *, city_item_id: str) -> ItemRow:
    """The village's item for an item of the city's catalogue: made once (its id is named by the city item, so two
    PCs adopting it make one record), then found again."""
    uow.require(Permission.EDIT_HUT)
    city = uow.session.get(CityItem, city_item_id) if city_item_id else None
    if city is None or not city.active:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "This item is no longer in the city's catalogue. Choose "
                                                        "another, or add the item as the village's own."),
                           field="city_item_id")
    village = village_code(uow)
    row_id = named_id(village, "item", city.id)
    item = uow.session.get(Item, row_id)
    if item is None or item.deleted or not item.active:
        own = _same_goods(uow, city.name, city.unit)
        if own is not None:  # the village keeps these goods already, under its own item: one item, not two
            return _item_rows(uow, [own])[0]
    if item is None:
        barcode = city.barcode if city.barcode and not uow.session.scalars(select(Item.id).where(
            Item.barcode == city.barcode, Item.active.is_(True), Item.deleted.is_(False))).first() else ""
        item = Item(id=row_id, village_code=village, name=city.name, category=city.category, unit=city.unit,
                    tracks_expiry=city.tracks_expiry, barcode=barcode, city_item_id=city.id, active=True)
        uow.session.add(item)
        uow.session.flush()
    elif item.deleted or not item.active:
        item.deleted, item.active = False, True
        uow.session.flush()
    return _item_rows(uow, [item])[0]


@dataclass(frozen=True)
class PickRow:
    """An item a document may take: the village's (``item_id``) or the city's not adopted yet (``item_id`` "",
    adopted when it is chosen)."""

    item_id: str
    city_item_id: str
    name: str
    category: str
    unit: str
    barcode: str
    tracks_expiry: bool
    on_hand: float = 0.0
    value: float = 0.0  # what one is worth as it goes out (``hut_ledger.going_out_worth``)

    @property
    def id(self) -> str:
        """What a picker tells it by: the village's item, else the city's."""
        return self.item_id or self.city_item_id


def pick_list(uow: UnitOfWork, *, text: str = "", limit: int = 50) -> list[PickRow]:
    """The village's items and the city's not yet adopted, searched by name, pinyin initials or barcode: an item
    is listed once, as the village's once it is adopted."""
    uow.require(Permission.VIEW_DATA)
    items = list(uow.session.scalars(matching(select(Item).where(Item.deleted.is_(False), Item.active.is_(True)),
                                               Item, text)))
    stock = hut_ledger.on_hand(uow.session, [item.id for item in items]) if items else {}
    rows = [PickRow(item.id, item.city_item_id, item.name, item.category, item.unit, item.barcode,
                    item.tracks_expiry, stock.get(item.id, 0.0)) for item in items]
    rows.sort(key=lambda row: text_sort_key(row.name))
    rows = (rows + _city_rows(uow, text))[:limit]
    worth = hut_ledger.going_out_worth(uow, [row.item_id for row in rows if row.item_id])
    return [replace(row, value=worth[row.item_id].unit_value) if row.item_id else row for row in rows]


def _picked(uow: UnitOfWork, item: Item) -> PickRow:
    return PickRow(item.id, item.city_item_id, item.name, item.category, item.unit, item.barcode, item.tracks_expiry,
                   hut_ledger.on_hand(uow.session, [item.id]).get(item.id, 0.0),
                   hut_ledger.going_out_worth(uow, [item.id])[item.id].unit_value)


def city_pick_list(uow: UnitOfWork, *, text: str = "", limit: int = 50) -> list[PickRow]:
    """The city's items the village has not adopted, searched by name, pinyin initials or barcode (however many
    items of its own the village keeps)."""
    uow.require(Permission.VIEW_DATA)
    return _city_rows(uow, text)[:limit]


def _city_rows(uow: UnitOfWork, text: str) -> list[PickRow]:
    """The city's active items not adopted yet that match ``text``, in pinyin order; one the village keeps already
    as an item of its own (the same name and unit) is left out, as it is listed as the village's."""
    adopted = set(uow.session.scalars(select(Item.city_item_id).where(Item.city_item_id != "",
                                                                       Item.deleted.is_(False))))
    kept = {_goods_key(name, unit) for name, unit in uow.session.execute(
        select(Item.name, Item.unit).where(Item.active.is_(True), Item.deleted.is_(False)))}
    wanted = name_query(text)
    rows = [PickRow("", row.id, row.name, row.category, row.unit, row.barcode, row.tracks_expiry)
            for row in uow.session.scalars(select(CityItem).where(CityItem.active.is_(True)))
            if row.id not in adopted and _goods_key(row.name, row.unit) not in kept
            and (wanted is None or wanted.matches_name(row.name) or row.barcode == _barcode(text))]
    return sorted(rows, key=lambda row: text_sort_key(row.name))


def find_by_barcode(uow: UnitOfWork, *, barcode: str) -> PickRow:
    """The item a scanned barcode names (the village's, else the city's); an unknown code is refused plainly so
    the screen can offer to link it to an item."""
    uow.require(Permission.VIEW_DATA)
    code = _barcode(barcode)
    if code:
        item = uow.session.scalars(select(Item).where(Item.barcode == code, Item.active.is_(True),
                                                      Item.deleted.is_(False))).first()
        if item is not None:
            return _picked(uow, item)
        city = uow.session.scalars(select(CityItem).where(CityItem.barcode == code, CityItem.active.is_(True))).first()
        if city is not None:
            adopted = uow.session.get(Item, named_id(village_code(uow), "item", city.id))
            if adopted is not None and not adopted.deleted:
                return _picked(uow, adopted)
            return PickRow("", city.id, city.name, city.category, city.unit, city.barcode, city.tracks_expiry)
    raise InvalidInput(QT_TRANSLATE_NOOP(
        "desktop", "No item has barcode {barcode}. Choose the item it belongs to, and the barcode will be linked to "
        "it."), field="barcode", barcode=code)


# -- donors --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DonorForm:
    kind: str
    name: str = ""
    contact: str = ""
    address: str = ""
    named_in_notice: bool = True   # the public notice names them, or says 爱心人士
    sponsor_id: str = ""
    notes: str = ""


@dataclass(frozen=True)
class DonorRow:
    id: str
    kind: str
    name: str
    contact: str
    address: str
    named_in_notice: bool
    sponsor_id: str
    notes: str
    gifts: int          # intakes from them
    last_gift: str      # the day of the latest, "" when none
    actions: frozenset[HutAction] = frozenset()

    @property
    def notice_name(self) -> str:
        return self.name if self.named_in_notice and self.name else UNNAMED_DONOR


def _donor_rows(uow: UnitOfWork, donors: list[Donor]) -> list[DonorRow]:
    gifts = {donor_id: (count, last) for donor_id, count, last in uow.session.execute(
        select(HutDocument.donor_id, func.count(), func.max(HutDocument.happened_on)).where(
            HutDocument.kind == DocumentKind.INTAKE.value, HutDocument.deleted.is_(False),
            HutDocument.donor_id.in_([donor.id for donor in donors])).group_by(HutDocument.donor_id))}
    actions = actions_of(uow)
    rows = [DonorRow(d.id, d.kind, d.name, d.contact, d.address, d.named_in_notice, d.sponsor_id, d.notes,
                     *gifts.get(d.id, (0, "")), actions) for d in donors]
    return sorted(rows, key=lambda row: text_sort_key(row.name or UNNAMED_DONOR))


def donor_record(uow: UnitOfWork, donor_id: str) -> Donor:
    donor = uow.session.get(Donor, donor_id) if donor_id else None
    if donor is None or donor.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "This donor is no longer on the list. Choose the donor "
                                                        "again."), field="donor_id")
    return donor


def _check_donor(uow: UnitOfWork, form: DonorForm) -> dict:
    try:
        kind = DonorKind(form.kind)
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Choose whether the donor is a person, an organisation or "
                                                        "anonymous."), field="kind") from None
    name = typed_text(form.name, 100, "name")
    if kind != DonorKind.ANONYMOUS and not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter the donor's name, or choose anonymous."), field="name")
    if form.sponsor_id:
        sponsor = uow.session.get(Sponsor, form.sponsor_id)
        if sponsor is None or sponsor.deleted:
            raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "This sponsor is no longer on the list. Choose the "
                                                            "sponsor again."), field="sponsor_id")
    return {"kind": kind.value, "name": name, "contact": typed_text(form.contact, 64, "contact"),
            "address": typed_text(form.address, 200, "address"),
            "named_in_notice": bool(form.named_in_notice) and kind != DonorKind.ANONYMOUS,
            "sponsor_id": form.sponsor_id, "notes": clean_text(form.notes)}


def list_donors(uow: UnitOfWork, *, text: str = "") -> list[DonorRow]:
    """The donors, searched by name or its pinyin initials, with how many gifts each made."""
    uow.require(Permission.VIEW_DATA)
    query = select(Donor).where(Donor.deleted.is_(False))
    wanted = name_query(text)
    if wanted is not None:
        query = query.where(or_(*(func.instr(Donor.search_text, pattern) > 0 for pattern in wanted.patterns)))
        for char in wanted.han:
            query = query.where(func.instr(Donor.name, char) > 0)
    return _donor_rows(uow, list(uow.session.scalars(query)))


def add_donor(uow: UnitOfWork, *, form: DonorForm) -> DonorRow:
    uow.require(Permission.EDIT_HUT)
    donor = Donor(village_code=village_code(uow), **_check_donor(uow, form))
    uow.session.add(donor)
    uow.session.flush()
    return _donor_rows(uow, [donor])[0]


def update_donor(uow: UnitOfWork, *, donor_id: str, form: DonorForm) -> DonorRow:
    uow.require(Permission.EDIT_HUT)
    donor = donor_record(uow, donor_id)
    for key, value in _check_donor(uow, form).items():
        if getattr(donor, key) != value:
            setattr(donor, key, value)
    uow.session.flush()
    return _donor_rows(uow, [donor])[0]


def donor_for_sponsor(uow: UnitOfWork, *, sponsor_id: str) -> DonorRow:
    """The donor record a sponsor's pledged goods arrive from: the one made for the sponsor, made now if none."""
    uow.require(Permission.EDIT_HUT)
    found = uow.session.scalars(select(Donor).where(Donor.sponsor_id == sponsor_id, Donor.deleted.is_(False))).first()
    if found is not None:
        return _donor_rows(uow, [found])[0]
    sponsor = uow.session.get(Sponsor, sponsor_id) if sponsor_id else None
    if sponsor is None or sponsor.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "This sponsor is no longer on the list. Choose the sponsor "
                                                        "again."), field="sponsor_id")
    kind = DonorKind.ORGANISATION if sponsor.kind == "organisation" else DonorKind.PERSON
    name = sponsor.name
    if not name and sponsor.volunteer_id:
        volunteer = uow.session.get(Volunteer, sponsor.volunteer_id)
        name = volunteer.name if volunteer else ""
    return add_donor(uow, form=DonorForm(kind=kind.value, name=name or UNNAMED_DONOR, contact=sponsor.contact,
                                         address=sponsor.address, sponsor_id=sponsor.id))


@dataclass(frozen=True)
class GiftRow:
    """An intake from a donor, as the donor's history lists it."""

    document_id: str
    number: str
    happened_on: str
    what: str           # 大米 10袋、棉被 2床
    value: float        # estimated value of the goods
    cash_amount: float
    reversed: bool


def goods_of(session: Session, document_ids: list[str]) -> dict[str, tuple[str, float]]:
    """Each document's goods in a line (大米 10袋、棉被 2床) and their estimated value."""
    found: dict[str, list[tuple[str, float, str]]] = defaultdict(list)
    values: dict[str, float] = defaultdict(float)
    for document_id, name, unit, moved, unit_value in session.execute(
            select(StockMovement.document_id, Item.name, Item.unit, StockMovement.quantity, StockMovement.unit_value)
            .join(Item, Item.id == StockMovement.item_id)
            .where(StockMovement.document_id.in_(document_ids), StockMovement.deleted.is_(False))):
        found[document_id].append((name, moved, unit))
        values[document_id] += abs(moved) * unit_value
    return {document_id: (goods_text(found.get(document_id, [])), round(values.get(document_id, 0.0), 2))
            for document_id in document_ids}


def superseded_receipts(session: Session, documents: list[HutDocument]) -> dict[str, tuple[str, ...]]:
    """The ``transfer_in`` documents that count nothing because another PC of the village confirmed the same lines
    and its receipts reached the city first (docs/sync-protocol.md §9): document id -> the numbers of the documents
    that count the goods instead (none where that PC's receipt says nothing arrived)."""
    arrived = {d.id: d for d in documents if d.kind == DocumentKind.TRANSFER_IN}
    if not arrived:
        return {}
    counting = set(session.scalars(select(StockMovement.document_id).where(
        StockMovement.document_id.in_(list(arrived)), StockMovement.deleted.is_(False))))
    empty = [d for d in arrived.values() if d.id not in counting]
    if not empty:
        return {}
    counted_in: dict[str, set[str]] = defaultdict(set)
    for transfer_id, number in session.execute(
            select(TransferReceipt.transfer_id, HutDocument.number)
            .join(HutDocument, HutDocument.id == TransferReceipt.document_id)
            .where(TransferReceipt.transfer_id.in_({d.transfer_id for d in empty}),
                   TransferReceipt.deleted.is_(False))):
        counted_in[transfer_id].add(number)
    return {d.id: tuple(sorted(counted_in.get(d.transfer_id, set()))) for d in empty}


def reversed_documents(session: Session, document_ids: list[str]) -> set[str]:
    return set(session.scalars(select(HutDocument.corrects_id).where(
        HutDocument.corrects_id.in_(document_ids), HutDocument.kind == DocumentKind.REVERSAL.value,
        HutDocument.deleted.is_(False))))


def _gifts(uow: UnitOfWork, donor_ids: list[str], *, since: str = "", until: str = "") -> list[GiftRow]:
    query = select(HutDocument).where(HutDocument.donor_id.in_(donor_ids), HutDocument.deleted.is_(False),
                                      HutDocument.kind == DocumentKind.INTAKE.value)
    if since:
        query = query.where(HutDocument.happened_on >= since)
    if until:
        query = query.where(HutDocument.happened_on <= until)
    documents = list(uow.session.scalars(query.order_by(HutDocument.happened_on.desc(), HutDocument.number.desc())))
    ids = [document.id for document in documents]
    what = goods_of(uow.session, ids)
    undone = reversed_documents(uow.session, ids)
    return [GiftRow(d.id, d.number, d.happened_on, *what[d.id], d.cash_amount, d.id in undone) for d in documents]


def donor_history(uow: UnitOfWork, *, donor_id: str) -> list[GiftRow]:
    """Every gift of a donor, newest first."""
    uow.require(Permission.VIEW_DATA)
    return _gifts(uow, [donor_record(uow, donor_id).id])


@dataclass(frozen=True)
class PledgeDelivery:
    """A sponsorship's pledged goods beside what arrived at the hut from the sponsor during it."""

    sponsorship_id: str
    pledge_kind: str
    pledged: str          # what was pledged, as written
    pledged_value: float  # its value, if known
    delivered: tuple[GiftRow, ...]
    delivered_value: float

    @property
    def short_by(self) -> float:
        return round(max(self.pledged_value - self.delivered_value, 0.0), 2)


def pledge_delivery(uow: UnitOfWork, *, sponsorship_id: str) -> PledgeDelivery:
    """What a sponsorship pledged and what the hut took in from its sponsor's donor record while it ran."""
    uow.require(Permission.VIEW_DATA)
    sponsorship = uow.session.get(Sponsorship, sponsorship_id) if sponsorship_id else None
    if sponsorship is None or sponsorship.deleted:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "This sponsorship is no longer on the list. Refresh the "
                                                        "list."), field="sponsorship_id")
    donors = list(uow.session.scalars(select(Donor.id).where(Donor.sponsor_id == sponsorship.sponsor_id,
                                                             Donor.deleted.is_(False))))
    gifts = [gift for gift in _gifts(uow, donors, since=sponsorship.start_on, until=sponsorship.end_on)
             if not gift.reversed] if donors else []
    return PledgeDelivery(sponsorship.id, sponsorship.pledge_kind, sponsorship.pledge, sponsorship.amount,
                          tuple(gifts), round(sum(gift.value for gift in gifts), 2))
