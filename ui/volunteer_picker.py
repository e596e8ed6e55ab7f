"""A dialog to pick one or several active volunteers, with the same instant search as the volunteer list.

    picker = VolunteerPicker(context, multi=True, exclude_ids=already_in, parent=self)
    picker.accepted.connect(lambda: use(picker.chosen()))   # chosen(): list[VolunteerRow]
    picker.open()
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QWidget

from desktop.services import volunteers
from desktop.services.volunteers import VolunteerRow
from ui import pickers
from ui.context import AppContext
from ui.pickers import ROW_LIMIT, SEARCH_DELAY_MS, RecordPicker

__all__ = ["ROW_LIMIT", "SEARCH_DELAY_MS", "VolunteerPicker", "pick_many", "pick_one"]


class VolunteerPicker(RecordPicker):
    def __init__(self, context: AppContext, *, multi: bool = True, exclude_ids: Iterable[str] = (),
                 title: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, multi=multi, exclude_ids=exclude_ids, name="volunteerPicker",
                         placeholder=self.tr("Name, pinyin, initials, phone or last digits of the ID number"),
                         nothing_found=self.tr("Nobody found. Try fewer letters, or the phone number."), parent=parent)
        self.setWindowTitle(title or (self.tr("Choose volunteers") if multi else self.tr("Choose a volunteer")))

    def find(self, uow, text: str, limit: int) -> list[VolunteerRow]:
        return volunteers.volunteer_choices(uow, text=text, limit=limit)

    def line(self, row: VolunteerRow) -> str:
        parts = [row.name, row.phone, row.id_masked]
        if row.teams:
            parts.append(row.teams)
        return "  ·  ".join(part for part in parts if part)


def pick_many(parent: QWidget, context: AppContext, chosen: Callable[[list[str]], None], *,
              exclude_ids: Iterable[str] = (), title: str | None = None) -> VolunteerPicker:
    """Open the picker with a tick per volunteer (those in ``exclude_ids`` not offered); ``chosen`` gets the
    ticked ids once the person confirms."""
    picker = VolunteerPicker(context, multi=True, exclude_ids=exclude_ids, title=title, parent=parent)
    pickers.pick_many(picker, chosen)
    return picker


def pick_one(parent: QWidget, context: AppContext, chosen: Callable[[VolunteerRow], None]) -> VolunteerPicker:
    """Open the picker for one volunteer; ``chosen`` gets the row once the person confirms."""
    picker = VolunteerPicker(context, multi=False, parent=parent)
    pickers.pick_one(picker, chosen)
    return picker
