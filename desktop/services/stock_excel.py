"""The hut's goods from and to Excel: importing catalogue items and the stock a hut starts its ledger with (物品名称,
类别, 单位, 数量, 估价（元）, 有效期, 条码) as one ``opening`` document, and exporting the stock on hand.

The sheet is read as the volunteer and household sheets are (desktop/spreadsheets.py): a title above the
headings, columns in any order, columns it does not know, full-width digits and stray spaces.  Unlike a list of
people, an opening balance is kept whole or not at all: with a row refused nothing is imported, unless the person
chose to import only the good rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop.domain.hut import BUILT_IN_ITEM_CATEGORIES, DocumentKind, parse_quantity, quantity
from desktop.domain.roles import Permission
from desktop.domain.text import clean_text, compact_text
from desktop.domain.volunteering import parse_date
from desktop.errors import InvalidInput, RowProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.services import hut_ledger
from desktop.services.sponsorships import parse_amount
from desktop.services.station import village_code
from desktop.spreadsheets import ImportReport, PeopleSheet, Sheet, heading_key, row_problem, workbook_bytes
from desktop.storage.models import Item, ItemCategory, StockMovement
from desktop.storage.uow import UnitOfWork

# Column headers as huts write them (compared without spaces, lower-case, full-width made ASCII).
_HEADERS = {
    "name": ("物品名称", "物品", "名称", "品名", "物资名称", "物资", "商品名称", "name", "item"),
    "category": ("类别", "物品类别", "分类", "类型", "category"),
    "unit": ("单位", "计量单位", "unit"),
    "quantity": ("数量", "库存", "库存数量", "期初数量", "期初库存", "现有数量", "quantity", "qty"),
    "unit_value": ("估价（元）", "估价(元)", "估价", "单价（元）", "单价(元)", "单价", "价值（元）", "价值",
                   "value", "unitvalue"),
    "expires_on": ("有效期", "有效期至", "保质期至", "到期日期", "过期日期", "expireson", "expiry", "expires"),
    "barcode": ("条码", "条形码", "商品条码", "barcode"),
    "shelf": ("货架", "货位", "存放位置", "shelf"),
}

_NO_HEADER = QT_TRANSLATE_NOOP(
    "desktop", "No header row with the columns 物品名称 and 单位 was found on the first sheet. Put the column names in "
    "one row above the goods, then try again.")

# The words a sheet uses for the built-in categories (the export writes the first of each).
_CATEGORY_WORDS = {
    "clothing": ("衣物", "衣服", "服装", "衣被"),
    "bedding": ("被褥", "床上用品", "被子"),
    "grain_oil": ("粮油食品", "粮油", "食品", "米面粮油"),
    "study": ("学习用品", "文具", "学具"),
    "daily": ("日用品", "生活用品", "日常用品"),
    "appliance": ("家电家具", "家电", "家具"),
    "health": ("药品保健", "保健品", "药品", "医疗用品"),
    "other": ("其他", "其它"),
}
assert set(_CATEGORY_WORDS) == set(BUILT_IN_ITEM_CATEGORIES)

EXPORT_HEADERS = ("物品名称", "类别", "单位", "数量", "估价（元）", "有效期", "条码", "货架")


class _Categories:
    """The categories a sheet may name: the built-in ones by their usual words, the station's own by name."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.by_word = {heading_key(word): code for code, words in _CATEGORY_WORDS.items() for word in words}
        self.by_word.update({code: code for code in _CATEGORY_WORDS})
        self.names = {code: words[0] for code, words in _CATEGORY_WORDS.items()}
        for row in uow.session.scalars(select(ItemCategory).where(ItemCategory.deleted.is_(False))):
            self.names[row.code] = row.name
            if row.active:
                self.by_word.setdefault(heading_key(row.name), row.code)

    def code(self, text: str) -> str | None:
        return self.by_word.get(heading_key(text)) if clean_text(text) else "other"


def _key(name: str, unit: str) -> tuple[str, str]:
    return compact_text(name).casefold(), compact_text(unit).casefold()


@dataclass(frozen=True)
class StockImportReport(ImportReport):
    """What an import of goods did: ``added`` rows imported (goods on the opening document, or catalogue items
    alone), the rows ``refused`` with their reasons, the items it made and those it found in the catalogue, and
    the opening document's number.  ``kept`` is False when rows were refused and so nothing was imported."""

    items_made: tuple[str, ...] = ()
    items_matched: int = 0
    document_id: str = ""
    document_number: str = ""
    kept: bool = True


@dataclass
class _Planned:
    number: int
    item: Item | None        # an item of the catalogue, or None for one this import makes
    key: tuple[str, str]
    name: str
    category: str
    unit: str
    barcode: str
    shelf: str
    expires_on: str
    quantity: float
    unit_value: float


class _Catalogue:
    """The items the sheet's rows are matched to: by barcode, else by name and unit; rows naming one item the
    catalogue has not got make it once."""

    def __init__(self, uow: UnitOfWork) -> None:
        items = list(uow.session.scalars(select(Item).where(Item.deleted.is_(False))))
        self.by_barcode = {item.barcode: item for item in items if item.barcode}
        self.by_key = {_key(item.name, item.unit): item for item in items}
        self.new_by_barcode: dict[str, tuple[str, str]] = {}
        self.new_keys: set[tuple[str, str]] = set()

    def find(self, name: str, unit: str, barcode: str) -> tuple[Item | None, tuple[str, str] | None]:
        if barcode and barcode in self.by_barcode:
            item = self.by_barcode[barcode]
            return item, _key(item.name, item.unit)
        if barcode and barcode in self.new_by_barcode:
            return None, self.new_by_barcode[barcode]
        key = _key(name, unit)
        if key in self.by_key:
            return self.by_key[key], key
        return None, key if key in self.new_keys else None


def _row_problem(number: int, template: str, **params: object) -> RowProblem:
    return RowProblem(number, template, params)


def _check_row(row, *, today: date, categories: _Categories, catalogue: _Catalogue,
               moved: set[str]) -> _Planned:
    cell = row.cell
    name, unit = clean_text(cell("name")), compact_text(cell("unit"))
    barcode = compact_text(cell("barcode"))
    if len(barcode) > 32 or (barcode and not re.fullmatch(r"[0-9A-Za-z-]+", barcode)):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "\"{value}\" is not a barcode. Copy the digits under the bars, or leave it empty."),
            field="barcode", value=barcode)
    item, key = catalogue.find(name, unit, barcode)
    if item is None and key is None:  # an item the catalogue has not got: the row says what it is
        if not name:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "This row has no 物品名称, and its barcode matches no item. Write the item's name."),
                field="name")
        if len(name) > 100:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "This text is too long: at most {most} characters can be kept."), field="name", most=100)
        if not unit:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "Write the unit {name} is counted in, like 袋, 件 or 斤."), field="unit", name=name)
        if len(unit) > 8:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "\"{value}\" is not a unit. Write one word, like 袋, 件 or 斤."), field="unit", value=unit)
    category = categories.code(cell("category"))
    if category is None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "\"{value}\" is not a category of goods. Write 衣物, 被褥, 粮油食品, 学习用品, 日用品, "
            "家电家具, 药品保健 or 其他, or ask the station admin to add the category first."), field="category",
            value=clean_text(cell("category")))
    typed = cell("quantity")
    amount = parse_quantity(typed, field="quantity") if clean_text(typed) else 0.0
    value = parse_amount(cell("unit_value"), field="unit_value")
    expires = ""
    if clean_text(cell("expires_on")):
        day = parse_date(clean_text(cell("expires_on")), field="expires_on")
        if day < today:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "desktop", "These goods expired on {day}. Expired goods are not taken into the hut: leave them off "
                "the sheet."), field="expires_on", day=day.isoformat())
        expires = day.isoformat()
    if amount and item is not None and item.id in moved:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "{item} has goods on the hut's ledger already, and an opening balance is only for what the "
            "hut starts with. Enter more of it as an intake, or correct it by a stocktake."),
            field="quantity", item=item.name)
    return _Planned(number=row.number, item=item, key=key or _key(name, unit), name=item.name if item else name,
                    category=item.category if item else category, unit=item.unit if item else unit,
                    barcode=barcode, shelf=clean_text(cell("shelf"))[:32], expires_on=expires, quantity=amount,
                    unit_value=value)


def import_stock(uow: UnitOfWork, *, data: bytes, only_valid: bool = False,
                 progress: Callable[[int, int], None] | None = None) -> StockImportReport:
    """Read the workbook's first sheet of goods: each row's item found in the catalogue (by barcode, else by name
    and unit) or made, and the quantities posted as one ``opening`` document.  With a row refused nothing is
    imported (``kept`` False) unless ``only_valid``, when the good rows are."""
    uow.require(Permission.EDIT_HUT)
    today = uow.today()
    categories = _Categories(uow)
    catalogue = _Catalogue(uow)
    moved = set(uow.session.scalars(select(StockMovement.item_id).where(StockMovement.deleted.is_(False))
                                    .distinct()))
    sheet = PeopleSheet(data, headings=_HEADERS, required=("name", "unit"), missing=_NO_HEADER, name="name",
                        id_number="barcode", progress=progress)
    planned: list[_Planned] = []
    refused: list[RowProblem] = []
    for row in sheet:
        try:
            checked = _check_row(row, today=today, categories=categories, catalogue=catalogue, moved=moved)
        except InvalidInput as error:
            refused.append(row_problem(row.number, error))
            continue
        if checked.item is None:  # later rows of the same new item are matched to it
            catalogue.new_keys.add(checked.key)
            if checked.barcode:
                catalogue.new_by_barcode.setdefault(checked.barcode, checked.key)
        planned.append(checked)
    if refused and not only_valid:
        uow.audit("import_stock", entity="stock_movements", added=0, refused=len(refused),
                  passed_over=sheet.passed_over)
        return StockImportReport(0, tuple(refused), (), passed_over=sheet.passed_over, kept=False)
    village = village_code(uow)
    made: dict[tuple[str, str], Item] = {}
    lines = []
    for row in planned:
        item = row.item or made.get(row.key)
        if item is None:
            item = Item(village_code=village, name=row.name, category=row.category, unit=row.unit,
                        barcode=row.barcode, shelf=row.shelf, tracks_expiry=bool(row.expires_on))
            uow.session.add(item)
            made[row.key] = item
        if row.quantity:
            lines.append((item, row))
    uow.session.flush()
    document = None
    if lines:
        document = hut_ledger.post(uow, hut_ledger.Header(DocumentKind.OPENING, notes="Excel"), [
            hut_ledger.Line(item.id, quantity(row.quantity), unit_value=row.unit_value, expires_on=row.expires_on)
            for item, row in lines])
    matched = len({row.item.id for row in planned if row.item is not None})
    uow.audit("import_stock", entity="stock_movements", added=len(planned), refused=len(refused),
              passed_over=sheet.passed_over)
    return StockImportReport(len(planned), tuple(refused), (), passed_over=sheet.passed_over,
                             items_made=tuple(item.name for item in made.values()), items_matched=matched,
                             document_id=document.id if document else "",
                             document_number=document.number if document else "")


# -- export ----------------------------------------------------------------------------------------------------

def stock_rows(uow: UnitOfWork) -> list[list[object]]:
    """Every item the hut has or keeps in its catalogue, as the export writes it: the quantity on hand, the value
    of one as last taken in, and the earliest expiry still ahead of goods taken in."""
    uow.require(Permission.VIEW_DATA)
    session = uow.session
    categories = _Categories(uow)
    items = list(session.scalars(select(Item).where(Item.deleted.is_(False)).order_by(Item.sort_key, Item.id)))
    stock = hut_ledger.on_hand(session)
    today = uow.today().isoformat()
    value: dict[str, float] = {}
    expiry: dict[str, str] = {}
    for item_id, unit_value, expires_on in session.execute(
            select(StockMovement.item_id, StockMovement.unit_value, StockMovement.expires_on)
            .where(StockMovement.deleted.is_(False), StockMovement.quantity > 0)
            .order_by(StockMovement.happened_on, StockMovement.created_at)):
        if unit_value:
            value[item_id] = unit_value
        if expires_on and expires_on >= today and (item_id not in expiry or expires_on < expiry[item_id]):
            expiry[item_id] = expires_on
    return [[item.name, categories.names.get(item.category, item.category), item.unit,
             stock.get(item.id, 0.0), value.get(item.id, ""), expiry.get(item.id, ""), item.barcode, item.shelf]
            for item in items if item.active or stock.get(item.id, 0.0)]


def export_stock(uow: UnitOfWork) -> bytes:
    """The stock on hand as a workbook with the import's own columns, so it can be read back."""
    uow.require(Permission.VIEW_DATA)
    return workbook_bytes([Sheet("库存", EXPORT_HEADERS, stock_rows(uow))])


def count_stock(uow: UnitOfWork) -> int:
    """How many items the export lists."""
    return len(stock_rows(uow))
