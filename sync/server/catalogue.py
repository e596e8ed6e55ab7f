"""The city's catalogue of goods: importing a sheet of items (all rows or none) and publishing it as ``city_item``
records, the city's reference data that every station pulls.

The sheet is read as the station reads its own (desktop/spreadsheets.py): an .xlsx or a .csv, a title above the
headings, the columns in any order, extra columns, full-width digits and stray spaces.  An item's id is named by
its name, so importing the same file again changes nothing and a changed unit or category changes the item.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from sqlalchemy import Engine, select

from desktop.domain.hut import UNITS, item_category_code
from desktop.domain.regions import decode_csv_bytes
from desktop.domain.sync_kinds import CITY_ITEM, named_id
from desktop.domain.text import clean_text, compact_text
from desktop.errors import InvalidInput, RowProblem
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.spreadsheets import find_header, read_first_sheet
from sync.server.database import writing
from sync.server.models import Record
from sync.server.regions import publish_city_records

HEADINGS: dict[str, tuple[str, ...]] = {
    "name": ("物品名称", "名称", "物品", "name", "item"),
    "category": ("类别", "分类", "category"),
    "unit": ("单位", "unit"),
    "tracks_expiry": ("有效期管理", "有效期", "tracks expiry", "expiry"),
    "barcode": ("条码", "条形码", "barcode"),
}
_YES = {"是", "有", "y", "yes", "true", "1", "√", "✓"}
_NO = {"", "否", "无", "不", "n", "no", "false", "0", "×"}
_BARCODE = re.compile(r"[0-9A-Za-z-]{1,32}")
# The longest texts a city_item record takes (desktop/domain/sync_kinds.py).
_MAX_NAME, _MAX_UNIT = 100, 8

records_t = Record.__table__


@dataclass(frozen=True)
class CatalogueImport:
    added: int
    changed: int
    unchanged: int


def city_item_id(name: str) -> str:
    """The id of the city's item called ``name``: the same from one import to the next."""
    return named_id("city", "city_item", compact_text(name))


def _sheet_rows(data: bytes, file_name: str) -> list[list[str]]:
    if file_name.lower().endswith(".csv"):
        return [[clean_text(cell) for cell in row] for row in csv.reader(io.StringIO(decode_csv_bytes(data)))]
    return read_first_sheet(data)


def parse_catalogue(data: bytes, file_name: str) -> dict[str, dict[str, object]]:
    """The items of a catalogue sheet as ``city_item`` records (id -> fields), in the file's order.

    Raises ``InvalidInput`` naming every bad row, so nothing is imported half-way."""
    rows = _sheet_rows(data, file_name)
    start, columns = find_header(rows, HEADINGS, ("name", "category", "unit"), QT_TRANSLATE_NOOP(
        "desktop", "No row of the file has the headings 物品名称, 类别 and 单位. Put them above the items and "
                   "try again."))
    problems: list[RowProblem] = []
    found: dict[str, dict[str, object]] = {}
    first_row: dict[str, int] = {}

    def cell(cells: list[str], key: str) -> str:
        column = columns.get(key)
        return clean_text(cells[column]) if column is not None and column < len(cells) else ""

    def refuse(row: int, template: str, **params: object) -> None:
        problems.append(RowProblem(row, template, {"row": row, **params}))

    for offset, cells in enumerate(rows[start + 1:]):
        row = start + offset + 2
        if not any(cells):
            continue
        name, unit, barcode = " ".join(cell(cells, "name").split()), cell(cells, "unit"), cell(cells, "barcode")
        category_words, expiry_words = cell(cells, "category"), compact_text(cell(cells, "tracks_expiry")).lower()
        if not name:
            refuse(row, QT_TRANSLATE_NOOP("desktop", "Row {row}: the item has no name."))
            continue
        if len(name) > _MAX_NAME:
            refuse(row, QT_TRANSLATE_NOOP("desktop", "Row {row}: the name is longer than {most} characters."),
                   most=_MAX_NAME)
            continue
        category = item_category_code(category_words)
        if category is None:
            refuse(row, QT_TRANSLATE_NOOP("desktop", "Row {row}: \"{category}\" is not a category. Use 衣物, 被褥, "
                                                     "粮油食品, 学习用品, 日用品, 家电家具, 药品保健 or 其他."),
                   category=category_words)
            continue
        if not unit or len(unit) > _MAX_UNIT:
            refuse(row, QT_TRANSLATE_NOOP("desktop", "Row {row}: the unit must be a short word such as {units}."),
                   units="、".join(UNITS[:4]))
            continue
        if expiry_words not in _YES | _NO:
            refuse(row, QT_TRANSLATE_NOOP("desktop", "Row {row}: write 是 or 否 under 有效期管理, not \"{value}\"."),
                   value=cell(cells, "tracks_expiry"))
            continue
        if barcode and not _BARCODE.fullmatch(barcode):
            refuse(row, QT_TRANSLATE_NOOP("desktop", "Row {row}: the barcode \"{barcode}\" is not one: letters and "
                                                     "digits, at most 32."), barcode=barcode)
            continue
        item_id = city_item_id(name)
        if item_id in first_row:
            refuse(row, QT_TRANSLATE_NOOP("desktop", "Row {row}: {name} is already in row {first} of this file."),
                   name=name, first=first_row[item_id])
            continue
        first_row[item_id] = row
        found[item_id] = {"name": name, "category": category, "unit": unit,
                          "tracks_expiry": expiry_words in _YES, "barcode": barcode, "active": True}
    if problems:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Nothing was imported. Rows that need correcting: {count}. Correct them and import the file "
            "again."),
            rows=problems, count=len(problems))
    return found


def import_catalogue(engine: Engine, data: bytes, file_name: str) -> CatalogueImport:
    """Add or change the city's items from a sheet, all rows or none (``InvalidInput`` listing every bad row).
    Items the file leaves out stay as they are."""
    items = parse_catalogue(data, file_name)
    with writing(engine) as connection:
        stored = {row.row_id: row.fields for row in connection.execute(
            select(records_t.c.row_id, records_t.c.fields).where(records_t.c.entity == CITY_ITEM.entity,
                                                                 records_t.c.row_id.in_(list(items))))}
        written = publish_city_records(connection, CITY_ITEM.entity, items)
    added = sum(item_id not in stored for item_id in items)
    return CatalogueImport(added, written - added, len(items) - written)
