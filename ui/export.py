"""One way to export any list to Excel: ask where, build the workbook in the background, say where it went.

Every view's "Export to Excel…" button calls ``export_rows`` with its own columns, so a list looks
the same in the workbook as on the screen (ID numbers are already masked in the rows).  A view whose
workbook is made by a service (the volunteer list, whose headers an import reads back) calls
``export_bytes`` with that service instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.storage.uow import UnitOfWork
from ui.context import AppContext
from ui.files import choose_save_path
from ui.operations import read
from ui.table import Column, display
from ui.tasks import Progress, Task


def choose_xlsx_path(parent: QWidget | None, title: str, suggested_name: str) -> Path | None:
    """Ask where to save the workbook; None when the person cancels.  Tests replace this function."""
    return choose_save_path(parent, title, suggested_name, ".xlsx", excel_filter())


def excel_filter() -> str:
    return QCoreApplication.translate("Export", "Excel workbook (*.xlsx)")


def table_rows(columns: Sequence[Column], rows: Sequence[Any]) -> list[list[object]]:
    """Each row as the list shows it in its columns (a column kept otherwise in a workbook, as it says)."""
    return [[column.workbook[1](row) if column.workbook else display(column.value(row)) for column in columns]
            for row in rows]


def table_headings(columns: Sequence[Column]) -> list[str]:
    return [column.workbook[0] if column.workbook else column.title for column in columns]


def export_bytes(parent: QWidget | None, context: AppContext, *, suggested_name: str, title: str,
                 make_bytes: Callable[[UnitOfWork], bytes],
                 on_done: Callable[[Path], None] | None = None) -> Task | None:
    """Ask for a path, then run ``make_bytes(uow)`` as a read operation and write its workbook there."""
    path = choose_xlsx_path(parent, title, suggested_name)
    if path is None:
        return None

    def work(uow: UnitOfWork, progress: Progress) -> Path:
        data = make_bytes(uow)
        progress.check()
        path.write_bytes(data)
        return path

    def done(written: Path) -> None:
        if on_done is not None:
            on_done(written)
        _saved_message(parent, written)

    return read(context, parent, work, done=done, progress=True,
                title=QCoreApplication.translate("Export", "Exporting to Excel…"))


def export_rows(parent: QWidget | None, context: AppContext, *, suggested_name: str, title: str,
                columns: Sequence[Column], rows_loader: Callable[[UnitOfWork], Sequence[Any]],
                on_done: Callable[[Path], None] | None = None) -> Task | None:
    """Export a list: ``rows_loader(uow)`` returns every row (it runs in the background, in a reading unit
    of work); the workbook has one sheet named ``title`` with the columns' titles."""
    from desktop.spreadsheets import Sheet, workbook_bytes

    columns = list(columns)

    def make(uow: UnitOfWork) -> bytes:
        rows = table_rows(columns, rows_loader(uow))
        return workbook_bytes([Sheet(_sheet_title(title), table_headings(columns), rows)])

    return export_bytes(parent, context, suggested_name=suggested_name, title=title, make_bytes=make,
                        on_done=on_done)


def _sheet_title(title: str) -> str:
    # Excel refuses sheet names over 31 characters or with any of []:*?/\
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in title).strip()
    return cleaned[:31] or "Sheet1"


def _saved_message(parent: QWidget | None, path: Path) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("Export", "Exported"),
                      QCoreApplication.translate("Export", "The list was saved to {path}.").format(path=path),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("exportDone")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
