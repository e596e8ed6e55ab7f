"""Excel workbooks in and out: one plain sheet per table, the first sheet of a workbook as cleaned text, and the
rows of people on a sheet as villages keep them (titles above, footers below, columns in any order)."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from desktop.domain.text import clean_text, compact_text
from desktop.errors import InvalidInput, RowProblem
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


# ---- sheets of people as villages keep them ----

# Lines of a paper form that are not people: who made it and when, who checked it, totals, signatures, notes.
# A footer's words start its line, so they are looked for in a row's first filled cell only (a person's note,
# 联系人：王大妈, stays a note), and only in a row without an ID number.
_FORM_LINE = re.compile(r"^(制表|填表|填报|报送|审核|审批|复核|核对|统计人|合计|总计|共计|小计|累计|签字|签名|盖章|"
                        r"负责人|经办人|联系人|日期|单位[：:]|注[：:]|备注[：:]|说明)")
# What only a person's row holds: an ID number (right or wrong: 15 digits or more) or a phone number.
_PERSONS_NUMBER = re.compile(r"(?<![0-9])(?:[0-9]{15,}[Xx]?|1[3-9][0-9]{9}|0(?:10|2[0-9]|[3-9][0-9]{2})-?[0-9]{7,8})"
                             r"(?![0-9])")


def heading_key(text: str) -> str:
    """A heading or a word of a cell as compared: without spaces, lower-case, full-width made ASCII."""
    return compact_text(text).lower()


def code_for_words(words: dict, text: str) -> str | None:
    """The stored code whose words (``{code: (word, …)}``, codes with a ``label``) include ``text``, or whose
    code or English label it is; None when none does."""
    wanted = heading_key(text)
    for code, names in words.items():
        if wanted == code.value or wanted in names or wanted == heading_key(code.label):
            return code.value
    return None


def word_for_code(words: dict, code: str) -> str:
    """The first word for a stored code (what an export writes, and an import reads back)."""
    for key, names in words.items():
        if key.value == code:
            return names[0]
    return code


@dataclass(frozen=True)
class ImportReport:
    """What an import of a sheet of people did: how many it added, the rows refused and the duplicates skipped
    (each with its reason), the teams it made, and how many lines it passed over as not being people."""

    added: int
    refused: tuple[RowProblem, ...]
    duplicates: tuple[RowProblem, ...]
    teams_made: tuple[str, ...] = ()  # the teams the station did not have, made for the rows that named them
    passed_over: int = 0  # lines with something on them that are not people: a form's footer, a numbered blank


def repeated_in_file(row: int, masked_id: str, first: int) -> RowProblem:
    """A row whose ID number an earlier row of the same file has (``masked_id`` as lists show it)."""
    return RowProblem(row, QT_TRANSLATE_NOOP(
        "desktop", "The ID number {masked} is already in row {first} of this file; this row was not added."),
        {"masked": masked_id, "first": first})


def row_problem(row: int, error: InvalidInput) -> RowProblem:
    return RowProblem(row=row, template=error.template, params=dict(error.params))


def lost_digits_problem(row: int, value: str) -> RowProblem:
    return RowProblem(row, QT_TRANSLATE_NOOP(
        "desktop", "The ID number {value} was saved by Excel as a number, which keeps only 15 digits, so its last "
        "digits are lost. Format the ID column as text, type the number again and import again."),
        {"value": str(value)})


def _not_a_person(cells: list[str], name: str, id_text: str) -> bool:
    """A line of the form rather than a person: nothing in the name and ID columns (a numbered line nobody
    filled in), or no ID number and a first cell saying who made the sheet, its date, a total, a signature
    (制表人, 填表日期, 合计 …), or a "name" that is a label or only a number.  A row with a name and an ID or
    phone number anywhere on it is a person's, whatever else it says: it is added or refused, never passed over."""
    if not name and not id_text:
        return True
    if sum(ch.isdigit() for ch in id_text) >= 15:
        return False  # an ID number, right or wrong: a person, whose row is looked at
    texts = [compact_text(text) for text in cells if isinstance(text, str) and text]
    a_label = any(mark in name for mark in "：:") or not any(ch.isalpha() for ch in name)
    if name and not a_label and not _FORM_LINE.match(compact_text(name)) \
            and any(_PERSONS_NUMBER.search(text) for text in texts):
        return False
    first = next((text for text in texts if text), "")
    return bool(_FORM_LINE.match(first)) or (bool(name) and a_label)


@dataclass(frozen=True)
class PersonRow:
    """A row of a sheet of people: its number as Excel shows it, and its cells by the columns found."""

    number: int
    cells: list[str]
    columns: dict[str, int]

    def cell(self, key: str) -> str:
        column = self.columns.get(key)
        return self.cells[column] if column is not None and column < len(self.cells) else ""


def find_header(rows: list[list[str]], headings: dict[str, tuple[str, ...]], required: tuple[str, ...],
                missing: str) -> tuple[int, dict[str, int]]:
    """The index of the first row holding every ``required`` heading (``headings``: key -> the words it may be
    headed by, compared by ``heading_key``) and the column of each heading found in it; ``InvalidInput(missing)``
    when no row does."""
    keys = {heading_key(word): key for key, words in headings.items() for word in words}
    for index, row in enumerate(rows):
        columns: dict[str, int] = {}
        for column, text in enumerate(row):
            key = keys.get(heading_key(text))
            if key and key not in columns:
                columns[key] = column
        if all(key in columns for key in required):
            return index, columns
    raise InvalidInput(missing, field="file")


class PeopleSheet:
    """The rows of people on a workbook's first sheet, below the first row holding every ``required`` heading
    (``headings`` gives the words each column may be headed by; ``missing`` is the message when no row does).
    Iterating gives each person's row; rows that are no person — empty, numbered and left blank, the form's
    footer of who made it, totals and signatures — are passed over, and those with something on them are
    counted in ``passed_over``; ``progress(done, total)`` follows the sheet."""

    def __init__(self, data: bytes, *, headings: dict[str, tuple[str, ...]], required: tuple[str, ...],
                 missing: str, name: str = "name", id_number: str = "id_number",
                 progress: Callable[[int, int], None] | None = None) -> None:
        rows = read_first_sheet(data)
        self._header_index, self._columns = find_header(rows, headings, required, missing)
        self._body = rows[self._header_index + 1:]
        self._name, self._id_number, self._progress = name, id_number, progress
        self.passed_over = 0

    def __iter__(self) -> Iterator[PersonRow]:
        body, progress = self._body, self._progress
        for offset, cells in enumerate(body):
            if progress is not None:
                progress(offset, len(body))
            row = PersonRow(self._header_index + offset + 2, cells, self._columns)
            if _not_a_person(cells, row.cell(self._name), row.cell(self._id_number)):
                self.passed_over += any(cells)  # an empty line is nothing to tell
                continue
            yield row
        if progress is not None:
            progress(len(body), len(body))



