"""Excel workbooks in and out: one plain sheet per table, and the first sheet of a workbook as cleaned text."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from desktop.domain.text import clean_text
from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP

# Excel keeps 15 significant digits of a number: a longer one (an ID number typed without formatting
# the cell as text) has lost its last digits by the time it is saved.
_EXACT_DIGITS_BELOW = 10 ** 15
_MAX_WIDTH = 60


@dataclass(frozen=True)
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]


class LostDigits(str):
    """A cell that Excel stored as a long number: the text shows what is left, the last digits are gone."""


def _width(value: object) -> int:
    text = "" if value is None else str(value)
    # Chinese characters take two columns' width.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """An .xlsx with one sheet per ``Sheet``: header row bold and frozen, columns wide enough to read."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in sheets:
        ws = book.create_sheet(title=sheet.title[:31] or "Sheet")
        widths = [_width(header) for header in sheet.headers]
        for row in sheet.rows[:500]:  # enough to size the columns without walking a huge export twice
            for index, value in enumerate(row[:len(widths)]):
                widths[index] = max(widths[index], _width(value))
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = min(width + 2, _MAX_WIDTH)
        ws.freeze_panes = "A2"
        header_cells = []
        for header in sheet.headers:
            cell = WriteOnlyCell(ws, value=header)
            cell.font = bold
            header_cells.append(cell)
        ws.append(header_cells)
        for row in sheet.rows:
            ws.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, int | float) and float(value).is_integer():
        text = str(int(value))
        return LostDigits(text) if abs(value) >= _EXACT_DIGITS_BELOW else text
    if isinstance(value, int | float):
        return repr(value)
    return clean_text(str(value))


def read_first_sheet(data: bytes) -> list[list[str]]:
    """Every row of the workbook's first sheet as cleaned text, trailing blank cells dropped.

    Dates come as YYYY-MM-DD, whole numbers without ".0"; a number too long for Excel to have kept
    every digit comes as ``LostDigits``.  A file that is not an .xlsx workbook raises ``InvalidInput``.
    """
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This file is not an Excel workbook (.xlsx). Open it in Excel or WPS and save it as "
            "\"Excel Workbook (*.xlsx)\", then try again."), field="file") from exc
    except Exception as exc:  # openpyxl raises its own errors for damaged parts of a zip
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This Excel file cannot be read; it may be damaged. Open it in Excel or WPS, save it "
            "again as .xlsx, then try again."), field="file") from exc
    try:
        if not book.worksheets:
            return []
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # some programs write a wrong size; read what is really there
        rows = []
        for row in sheet.iter_rows(min_row=1, values_only=True):
            cells = [_cell_text(value) for value in row]
            while cells and not cells[-1]:
                cells.pop()
            rows.append(cells)
        return rows
    finally:
        book.close()
